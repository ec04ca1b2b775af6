"""What session 53's second acceptance review (s53-acceptance2: issues 3-5 walked as an outside reviewer on inputs of
its own, fixtures/s53-acceptance2, truth written first) found; the walk is in bench/HISTORY.md "## s53-acceptance2".

Fixed: a podcast's "Ouça também: episódio 41, ..." (a read-also prompt with the title after it) and a shop's
"Calcule o frete e o prazo de entrega" (its shipping calculator, the imperative) were kept as tasks; the English
model's "According" of "According to TSMC, ..." was suggested as an organisation.

Pinned as the review found them: the five sources' tasks, the two sentence files, the two posts' suggestions, the
exports (each awkward or malformed kind's outcome) and a third-party plugin package (a loader and an exporter)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.analysis import fold
from server.boilerplate import find_cues
from server.segmentation import split_sentences
from server.tasks import label_studio_tasks
from tests.test_entities import names_in_order
from tests.test_export_probe3 import run_cli

AppFactory = Callable[..., Flask]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "s53-acceptance2"
EXPORTS = FIXTURES / "exports"
PLUGIN = FIXTURES / "plugin"
PLUGINS_OFF = ["entities", "claims", "sentiment"]


# ------------------------------------------------------------------ fix: an audio's or video's read-also prompt

@pytest.mark.parametrize("line", ["Ouça também: episódio 41, sobre irrigação por gotejamento.",
                                  "Assista também: a entrevista com o prefeito", "Watch next: how the bridge was built"])
def test_a_listen_or_watch_also_prompt_is_a_link_prompt(line: str) -> None:
    folded = fold(line)
    assert "link prompt" in find_cues(folded, folded.split(), line)


@pytest.mark.parametrize("line", ["Listen: the market is telling you something.",
                                  "Ouça também o que disse o ministro sobre a reforma."])
def test_a_listen_that_opens_a_sentence_is_no_link_prompt(line: str) -> None:
    folded = fold(line)
    assert "link prompt" not in find_cues(folded, folded.split(), line)


# ------------------------------------------------------------------ fix: a shop's shipping calculator

@pytest.mark.parametrize("line", ["Calcule o frete e o prazo de entrega", "Calcular frete", "Calculate shipping",
                                  "Estimate delivery costs"])
def test_a_shipping_calculator_is_a_button_label(line: str) -> None:
    folded = fold(line)
    assert "button or link label" in find_cues(folded, folded.split(), line)


# ------------------------------------------------------------------ issue 3: the five sources, as the review judged them

KEPT = {  # headings kept are accepted by TRUTH.md; the sponsor line of the podcast too
    "loja_produto.html": ["Fone de ouvido sem fio Aurora X2", "O Aurora X2 é um fone", "As almofadas de espuma",
                          "Na caixa acompanham"],
    "forum_thread.html": ["Sourdough starter smells like nail polish?", "My starter is about two weeks old",
                          "That smell usually means", "Switched to two feedings"],
    "podcast_transcricao.txt": ["Transcrição do episódio 42", "Neste episódio conversamos", "Segundo ela, os pequenos",
                                "A agrônoma lembra", "Este episódio foi produzido com apoio"],
    "release_notes.md": ["Tidewater 3.0 release notes", "Highlights", "Tidewater 3.0 replaces", "Dashboards now load",
                         "Breaking changes", "The configuration key `alerts.retry`", "Python 3.9 is no longer"],
    "reviews.json": ["Chegou antes do prazo", "The left earcup", "O cancelamento de ruído"],
}
NEAR_DUPLICATES = {"loja_produto.html": 1, "forum_thread.html": 0, "podcast_transcricao.txt": 1,
                   "release_notes.md": 1, "reviews.json": 0}
LANGUAGES = {"loja_produto.html": {"pt"}, "forum_thread.html": {"en"}, "podcast_transcricao.txt": {"pt"},
             "release_notes.md": {"en"}, "reviews.json": {"pt", "en"}}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_a_sources_tasks_are_its_text(make_app: AppFactory, name: str) -> None:
    app = make_app(SOURCES=[str(FIXTURES / "pages" / name)], SOURCE_TEXT_FIELD="body", DISABLE_PLUGINS=PLUGINS_OFF)
    tasks = label_studio_tasks(app)
    texts = [task["data"]["text"] for task in tasks]
    assert len(texts) == len(KEPT[name]), texts
    assert all(text.startswith(opening) for text, opening in zip(texts, KEPT[name])), texts
    assert sum(task["meta"]["near_duplicates"] for task in tasks) == NEAR_DUPLICATES[name]
    assert {task["data"]["language"] for task in tasks} == LANGUAGES[name]


def sentences(path: Path, language: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [text[start:end] for start, end in split_sentences(text, language)]


def test_portuguese_sentences_as_the_review_found_them() -> None:
    assert sentences(FIXTURES / "sentences" / "abreviaturas_pt.txt", "pt") == [
        "A Eng. Márcia Tavares assinou o laudo da obra na pág. 14 do processo.",
        "O documento foi entregue à Cia. Docas do Pará S.A. no dia 3 de fev. deste ano.",
        "A Profa. Helena e a Sra. Lúcia chegaram às 9h.", "Segundo o art. 5º do regimento, a reunião só começa com quórum.",
        "O custo foi de aprox. R$ 2 mil por unidade, incluindo frete e instalação.",
        "A empresa fica na Rod. dos Bandeirantes, km 23."]


def test_english_sentences_as_the_review_found_them() -> None:
    assert sentences(FIXTURES / "sentences" / "abbreviations_en.txt", "en") == [
        "Sen. Alvarez and Gov. Whitfield met with executives of Norland Corp. on Tuesday.",
        "The talks covered the plant's expansion.",
        "The report compares Ltd. companies vs. partnerships, i.e. the two most common forms.",
        "Dr. Okafor, Ph.D., wrote the appendix.", "Shipments resumed in Sept. after a two-month pause.",
        "The new line, No. 4, opens next spring."]


# ------------------------------------------------------------------ issue 4: the two posts (and "According")

ENTITIES = {  # paragraph's opening -> its names, as posts_TRUTH.md gives them (all 23 found)
    "Segundo a Embraer": {("Embraer", "ORG"), ("São José dos Campos", "LOC")},
    "A Nvidia apresentou": {("Nvidia", "ORG"), ("Jetson Thor", "PRODUCT"), ("Unitree", "ORG"), ("G1", "PRODUCT"),
                            ("Gemma 3", "PRODUCT")},
    "O ministro Luciano": {("Luciano Santos", "PER"), ("Recife", "LOC"), ("Porto Alegre", "LOC")},
    "According to TSMC": {("TSMC", "ORG"), ("Arizona", "LOC"), ("Apple", "ORG")},
    "Samsung said": {("Samsung", "ORG"), ("HBM4", "PRODUCT"), ("AMD", "ORG"), ("MI400", "PRODUCT"), ("Intel", "ORG"),
                     ("Gaudi 3", "PRODUCT")},
    "Analyst Dylan Patel": {("Dylan Patel", "PER"), ("Microsoft", "ORG"), ("Texas", "LOC"), ("Wisconsin", "LOC")},
}


def test_the_posts_names_are_found_and_nothing_else(make_app: AppFactory) -> None:
    """As `anota tasks posts/ --predictions` gives them: every name of the truth, nothing else; a claim on the
    reported paragraphs, none on the openings and the closing speculations."""
    app = make_app(SOURCES=[str(FIXTURES / "posts")])
    tasks = label_studio_tasks(app, predictions=True)
    assert len(tasks) == 10
    for task in tasks:
        text = task["data"]["text"]
        regions = [region for prediction in task["predictions"] for region in prediction["result"]
                   if region["type"] == "labels"]
        names = {(r["value"]["text"], r["value"]["labels"][0]) for r in regions if r["value"]["labels"] != ["CLAIM"]}
        expected = next((found for opening, found in ENTITIES.items() if text.startswith(opening)), set())
        assert names == expected, text
        assert any(r["value"]["labels"] == ["CLAIM"] for r in regions) == bool(expected), text


def test_an_attribution_opening_a_sentence_is_no_name(app: Flask) -> None:
    text = "According to TSMC, its plant in Arizona started volume production of 4-nanometre chips for Apple in January."
    assert names_in_order(app, text) == [("TSMC", "Organization"), ("Arizona", "Place"), ("Apple", "Organization")]


# ------------------------------------------------------------------ issue 5: the review's exports

STOPS = {  # malformed kind -> the part of its one line that names the problem
    "02_start_a_string": "annotations[0].result[0].value.start: Not a valid integer but a string ('2')",
    "06_result_null": "annotations without a result: 1, e.g. task 6, annotation 6",
    "08_text_under_other_key": "the data holds 'conteudo': give the text's key with --text-key",
    "16_offsets_as_floats": "value.start: Not a valid integer but a number (2.0)",
    "17_task_id_a_string": "task 17 at $[0]: id: Not a valid integer but a string ('17')",
}
WRITTEN = {  # awkward kind -> what the summary reports ("" when nothing is: the kind is exported as it is)
    "01_utf8_bom": "",
    "03_negative_start_text_pins_it": "spans repaired: 1 (1 moved to the only place their text occurs)",
    "04_start_after_end": "spans repaired: 1 (1 moved to the only place their text occurs)",
    "05_relation": "",  # jsonl writes it
    "07_cancelled_ground_truth": "cancelled (skipped) annotations: 1",
    "09_combining_and_zwj": "",
    "10_line_separator": "",
    "11_label_with_space": "labels not in the labeling config (exported as they are): 1",
    "12_docstart_in_text": "",
    "13_tabs_and_runs_of_spaces": "",
    "14_per_region_choice": "choices under a span region's id whose control the labeling config does not make "
                            "perRegion, counted as the task's choices: 1",
    "15_completed_by_object": "",
    "18_offsets_off_text_ambiguous": "spans whose text differs from the text at their offsets: 1",
}
CONLL_NOTES = {
    "05_relation": "relations not written: conll has no place for them",
    "11_label_with_space": "labels with whitespace written with '_' in CoNLL tags: 1",
    "12_docstart_in_text": "tokens -DOCSTART- in CoNLL (readers take their line for a document break): 1",
}


def test_every_export_of_the_review_is_listed() -> None:
    assert {path.stem for path in EXPORTS.glob("*.json")} == set(STOPS) | set(WRITTEN)


@pytest.mark.parametrize("name", sorted(STOPS))
def test_a_malformed_export_stops_with_one_line_and_writes_nothing(tmp_path: Path, name: str) -> None:
    for fmt in ("jsonl", "conll"):
        result = run_cli(EXPORTS / f"{name}.json", fmt, tmp_path / fmt, "--label-config",
                         str(EXPORTS / "label_config.xml"))
        assert result.exit_code != 0
        assert STOPS[name] in result.output and "nothing was written" in result.output, result.output
        assert "Traceback" not in result.output
        assert not (tmp_path / fmt).exists()


def jsonl_spans(folder: Path) -> list[tuple[str, str]]:
    return [(example["text"][span["start"]:span["end"]], span["label"])
            for line in (folder / "train.jsonl").read_text(encoding="utf-8").splitlines()
            for example in [json.loads(line)] for span in example["spans"]]


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_an_awkward_export_is_written_with_what_was_done(tmp_path: Path, name: str) -> None:
    policy = "ground-truth" if name == "07_cancelled_ground_truth" else "latest"
    result = run_cli(EXPORTS / f"{name}.json", "jsonl", tmp_path / "out", "--policy", policy, "--label-config",
                     str(EXPORTS / "label_config.xml"))
    assert result.exit_code == 0, result.output
    assert WRITTEN[name] in result.output
    if name == "07_cancelled_ground_truth":
        assert jsonl_spans(tmp_path / "out") == [("Vale", "ORG")]  # never the cancelled ground truth's PER
    if name in CONLL_NOTES:
        conll = run_cli(EXPORTS / f"{name}.json", "conll", tmp_path / "conll", "--label-config",
                        str(EXPORTS / "label_config.xml"))
        assert CONLL_NOTES[name] in conll.output, conll.output


def test_offsets_are_code_points_past_combining_marks_and_line_separators(tmp_path: Path) -> None:
    for name, expected in (("09_combining_and_zwj", [("José\u0301 Antônio", "PER"), ("Olist", "ORG"),
                                                     ("Curitiba", "LOC")]),
                           ("10_line_separator", [("Embrapa", "ORG"), ("Brasília", "LOC")])):
        result = run_cli(EXPORTS / f"{name}.json", "jsonl", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert jsonl_spans(tmp_path / name) == expected


# ------------------------------------------------------------------ a third-party plugin package

def test_a_plugin_packages_loader_gives_tasks(make_app: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGIN))
    app = make_app(PLUGINS=["anota_vtt_brat"], SOURCES=[str(PLUGIN / "entrevista.vtt")], DISABLE_PLUGINS=PLUGINS_OFF)
    tasks = label_studio_tasks(app)
    assert [task["data"]["text"] for task in tasks] == [
        "Bom dia, hoje falamos com a diretora da Fiocruz.",
        "Segundo ela, a vacina foi aplicada em 3 milhões de pessoas\nno Amazonas desde março."]  # cue 3 left out
    assert [task["data"]["cue_start"] for task in tasks] == ["00:00:01.000", "00:00:04.500"]
    assert {task["data"]["language"] for task in tasks} == {"pt"}


def test_a_plugin_packages_exporter_writes_what_it_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGIN))
    monkeypatch.setenv("ANOTA_PLUGINS", "anota_vtt_brat")
    result = run_cli(EXPORTS / "09_combining_and_zwj.json", "brat", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "train_9.ann").read_text(encoding="utf-8") == (
        "T1\tPER 0 13\tJosé\u0301 Antônio\nT2\tORG 30 35\tOlist\nT3\tLOC 39 47\tCuritiba\n")
