"""s50-userpass2 (bench/HISTORY.md, "## s50-userpass2"): an ML engineer closing the loop. The `spacy` export's card
said nothing of how to train on it, and the `conll` card nothing of `spacy convert` reading each file as one Doc:
both now end with the commands that work (server/exporting/training.py), checked here by running them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from server.exporting.training import MULTILABEL_CATS_SAID
from tests.test_export_probe3 import run_cli

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices>
  <Choices name="topic" toName="text"><Choice value="Travel"/><Choice value="Work"/></Choices>
</View>
"""
PT = "A engenheira {name} mudou-se para {place} no ano passado e gosta muito da cidade."
EN = "The engineer {name} moved to {place} last year and likes the city a lot."
NAMES = ["Ana Souto", "Rui Pires", "Marta Leal", "João Vaz", "Inês Reis", "Pedro Sá", "Clara Mota", "Luís Dias",
         "Sara Cunha", "Tiago Lobo", "Rita Paiva", "Nuno Brás"]
PLACES = ["Lisboa", "Braga", "Faro", "Évora", "Porto", "Viseu", "Leiria", "Coimbra", "Aveiro", "Tavira", "Beja",
          "Guarda"]


def task(number: int, template: str, choices: dict[str, str]) -> dict[str, Any]:
    name, place = NAMES[number % len(NAMES)], PLACES[number % len(PLACES)]
    text = template.format(name=name, place=place)
    result = [{"id": f"s{number}{k}", "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": text.index(words), "end": text.index(words) + len(words), "text": words,
                         "labels": [label]}} for k, (words, label) in enumerate(((name, "PER"), (place, "LOC")))]
    result += [{"id": f"c{number}{control}", "from_name": control, "to_name": "text", "type": "choices",
                "value": {"choices": [value]}} for control, value in choices.items()]
    return {"id": number, "data": {"text": text, "source": f"doc-{number}"},
            "annotations": [{"id": number, "completed_by": 1, "result": result}]}


def export(tmp_path: Path, fmt: str, tasks: list[dict[str, Any]], *extra: str) -> Path:
    (tmp_path / "config.xml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "export.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / fmt
    result = run_cli(tmp_path / "export.json", fmt, out, "--quiet", "--label-config", str(tmp_path / "config.xml"),
                     *extra)
    assert result.exit_code == 0, result.output
    return out


def pt_tasks(choices: dict[str, str], n: int = 20) -> list[dict[str, Any]]:
    """``n`` tasks with their two spans and ``choices``, the sentiment's value Negative in every third."""
    return [task(number, PT, {**choices, **({"sentiment": "Negative"} if "sentiment" in choices and number % 3 == 0
                                            else {})}) for number in range(1, n + 1)]


def card(out: Path) -> str:
    return (out / "README.md").read_text(encoding="utf-8")


def commands(text: str) -> list[str]:
    """The card's shell block, `python` made this interpreter (the card's commands, run as written otherwise)."""
    [block] = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    return [re.sub(r"\bpython -m", f"{sys.executable} -m", line) for line in block.splitlines()]


def test_the_spacy_card_gives_the_commands_for_its_entities_and_one_answer_a_text(tmp_path: Path) -> None:
    """Fails without the fix: the card ended at its survival table, the training commands nowhere."""
    text = card(export(tmp_path, "spacy", pt_tasks({"sentiment": "Positive"}), "--split", "80/10/10"))
    assert "## Training with spaCy" in text
    assert commands(text) == [
        f"{sys.executable} -m spacy init config config.cfg --lang pt --pipeline ner,textcat",
        f"{sys.executable} -m spacy train config.cfg --paths.train train.spacy --paths.dev dev.spacy --output model",
        f"{sys.executable} -m spacy evaluate model/model-best test.spacy"]
    assert "no `dev.spacy`" not in text and MULTILABEL_CATS_SAID not in text


def test_two_answers_a_text_take_textcat_multilabel_and_say_what_it_reads_as_unknown(tmp_path: Path) -> None:
    text = card(export(tmp_path, "spacy", pt_tasks({"sentiment": "Positive", "topic": "Travel"}),
                       "--split", "80/10/10"))
    assert "--pipeline ner,textcat_multilabel" in text
    assert MULTILABEL_CATS_SAID in text


def test_one_value_alone_takes_textcat_multilabel_which_initializes_with_one_label(tmp_path: Path) -> None:
    """spaCy's exclusive `textcat` stops at one label (E867): every task Positive."""
    tasks = [task(number, PT, {"sentiment": "Positive"}) for number in range(1, 11)]
    text = card(export(tmp_path, "spacy", tasks, "--split", "80/10/10"))
    assert "--pipeline ner,textcat_multilabel" in text


def test_an_export_without_a_split_is_told_to_make_the_dev_set_spacy_train_needs(tmp_path: Path) -> None:
    text = card(export(tmp_path, "spacy", pt_tasks({})))
    assert "This export has no `dev.spacy`" in text and "--split 80/10/10" in text
    assert "--pipeline ner\n" in text
    assert "spacy evaluate" not in text  # no test.spacy either


def test_docs_of_two_languages_name_both_and_the_one_the_config_takes(tmp_path: Path) -> None:
    tasks = pt_tasks({}, 12) + [task(number, EN, {}) for number in range(13, 17)]
    text = card(export(tmp_path, "spacy", tasks, "--split", "80/10/10"))
    assert "tokenized for several languages (pt 12, en 4)" in text
    assert "--lang pt --pipeline ner" in text


def test_the_formats_spacy_does_not_read_get_no_training_section(tmp_path: Path) -> None:
    """Guard: jsonl and csv cards end as before."""
    for fmt in ("jsonl", "csv"):
        (tmp_path / fmt).mkdir()
        text = card(export(tmp_path / fmt, fmt, pt_tasks({"sentiment": "Negative"})))
        assert "spaCy" not in text.split("## Pre-annotations that survived")[1]


@pytest.mark.xdist_group("s50_userpass2_spacy_cli")
def test_the_spacy_cards_commands_load_the_files_as_spacy_trains_them(tmp_path: Path) -> None:
    """The card's `spacy init config` run as written, then `spacy debug data` (its check that the config can be
    initialized with the files and the corpus loads) on the export: the config fits the Docs. (With the sentiment's
    one value in every task, `textcat` stopped there: E867, a traceback.)"""
    out = export(tmp_path, "spacy", pt_tasks({"sentiment": "Positive"}), "--split", "80/10/10")
    init = commands(card(out))[0].split()
    subprocess.run(init, cwd=out, check=True, capture_output=True)
    checked = subprocess.run([sys.executable, "-m", "spacy", "debug", "data", "config.cfg", "--paths.train",
                              "train.spacy", "--paths.dev", "dev.spacy"], cwd=out, capture_output=True, text=True)
    # Its one error here is the set's size (fewer than 20 training Docs), which a test's export keeps small.
    assert "Traceback" not in checked.stderr, checked.stderr
    assert "Corpus is loadable" in checked.stdout and "Pipeline can be initialized with data" in checked.stdout


@pytest.mark.xdist_group("s50_userpass2_spacy_cli")
def test_the_conll_cards_commands_make_one_doc_an_example(tmp_path: Path) -> None:
    """Fails without the fix (no section); `spacy convert -c ner` of the file as written gives one Doc of all 16
    training examples, the card's commands a Doc each."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    out = export(tmp_path, "conll", pt_tasks({}), "--split", "80/10/10")
    text = card(out)
    assert "## Reading the files with spaCy" in text and "for split in dev test train; do" in text
    subprocess.run(["bash", "-ec", "\n".join(commands(text))], cwd=out, check=True, capture_output=True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for split, examples in report["examples"].items():
        docs = list(DocBin().from_disk(out / f"{split}.spacy").get_docs(Vocab()))
        assert len(docs) == examples
        assert [len(doc.ents) for doc in docs] == [2] * examples
