"""``anota export`` defects noticed in session 13 and fixed in session 14, on
tasks shaped as Label Studio 1.23.2 exports them (fixtures/label-studio-1.23.2):
majority per Taxonomy path (and per Choices value), a Taxonomy item holding
the path separator, zero-width joiners and other invisible characters in
CoNLL tokens, the wording of the token-alignment notes, and punctuation at
the edge of an entity span."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin

from plugins.exporters import (
    ConllExporter,
    CsvExporter,
    JsonlExporter,
    SpacyExporter,
    aligned_spans,
    example_offsets,
)
from schemas.label_studio_export import split_path
from server.cli import cli
from server.exporting.converting import Settings
from server.exporting.examples import Example, Labels, Span
from server.exporting.report import ExportReport
from server.exporting.running import run_export
from server.exporting.sources import file_source

EXPORTERS = {e.name: e for e in (JsonlExporter(), ConllExporter(), SpacyExporter(), CsvExporter())}


# -------------------------------------------------------------------------
# Tasks as Label Studio 1.23.2 writes them in a JSON export
# -------------------------------------------------------------------------


def span(text: str, quote: str, label: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return {"from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": start, "end": start + len(quote), "text": quote, "labels": [label]}}


def taxonomy(*paths: list[str]) -> dict[str, Any]:
    return {"from_name": "taxonomy", "to_name": "text", "type": "taxonomy", "origin": "manual",
            "value": {"taxonomy": [list(path) for path in paths]}}


def choices(*values: str, control: str = "topic") -> dict[str, Any]:
    return {"from_name": control, "to_name": "text", "type": "choices", "origin": "manual",
            "value": {"choices": list(values)}}


def annotation(number: int, task_id: int, result: list[dict[str, Any]]) -> dict[str, Any]:
    stamp = f"2026-11-30T06:{27 + number % 30:02d}:55.924283Z"
    return {"id": task_id * 10 + number, "completed_by": number, "result": result, "was_cancelled": False,
            "ground_truth": False, "created_at": stamp, "updated_at": stamp, "draft_created_at": None,
            "lead_time": 3.0, "prediction": {}, "result_count": len(result), "unique_id": f"u-{task_id}-{number}",
            "import_id": None, "last_action": None, "bulk_created": False, "task": task_id, "project": 1,
            "updated_by": number, "parent_prediction": None, "parent_annotation": None, "last_created_by": None}


def task(task_id: int, text: str, *results: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": task_id, "annotations": [annotation(n + 1, task_id, r) for n, r in enumerate(results)],
            "drafts": [], "predictions": [], "data": {"text": text}, "meta": {},
            "created_at": "2026-11-30T06:27:55.154924Z", "updated_at": "2026-11-30T06:27:55.966884Z",
            "allow_skip": True, "inner_id": task_id, "total_annotations": len(results), "cancelled_annotations": 0,
            "total_predictions": 0, "comment_count": 0, "unresolved_comment_count": 0,
            "last_comment_updated_at": None, "project": 1, "updated_by": 1, "comment_authors": []}


def export(tmp_path: Path, tasks: list[dict[str, Any]], fmt: str = "jsonl", **settings: Any
           ) -> tuple[Path, ExportReport]:
    source = tmp_path / "export.json"
    source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"out-{fmt}"
    settings.setdefault("language", "pt")
    return out, run_export(file_source(source), EXPORTERS[fmt], out, Settings(**settings), force=True)


def jsonl(out: Path) -> dict[int, dict[str, Any]]:
    lines = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    return {line["meta"]["task_id"]: line for line in map(json.loads, lines)}


def conll(out: Path) -> list[list[tuple[str, str]]]:
    """A plain CoNLL reader: split on whitespace, first and last column."""
    text = (out / "train.conll").read_text(encoding="utf-8").removeprefix("-DOCSTART- -X- O O\n\n")
    return [[(line.split()[0], line.split()[-1]) for line in block.splitlines()]
            for block in text.split("\n\n") if block.strip()]


# -------------------------------------------------------------------------
# 1. --policy majority: per Taxonomy path, as per Choices value
# -------------------------------------------------------------------------

MAJORITY_TEXT = "A inflação caiu em março, disse o banco central."


def test_majority_keeps_each_taxonomy_path_most_annotators_chose(tmp_path: Path) -> None:
    # Two of three chose both paths (in another order); the third one of them and another.
    tasks = [task(1, MAJORITY_TEXT,
                  [taxonomy(["Topic", "Economy"], ["Sentiment", "Negative"])],
                  [taxonomy(["Sentiment", "Negative"], ["Topic", "Economy"])],
                  [taxonomy(["Topic", "Economy"], ["Topic", "Politics"])])]
    out, report = export(tmp_path, tasks, policy="majority")
    assert jsonl(out)[1]["choices"] == {"taxonomy": ["Topic / Economy", "Sentiment / Negative"]}
    assert report.details["choices without a majority of annotators"] == [
        "task 1, taxonomy: Topic / Politics 1 (of 3 annotators)"]


def test_majority_keeps_each_choices_value_most_annotators_chose(tmp_path: Path) -> None:
    tasks = [task(1, MAJORITY_TEXT, [choices("Economia", "Política")], [choices("Política", "Economia")],
                  [choices("Economia")])]
    out, report = export(tmp_path, tasks, policy="majority")
    assert jsonl(out)[1]["choices"] == {"topic": ["Economia", "Política"]}
    assert "choices without a majority of annotators" not in report.left_out


def test_majority_of_one_value_each_is_unchanged(tmp_path: Path) -> None:
    tasks = [task(1, MAJORITY_TEXT, [choices("A")], [choices("B")], [choices("B")]),
             task(2, MAJORITY_TEXT, [choices("A")], [choices("B")], [choices("C")]),
             task(3, MAJORITY_TEXT, [choices("A")], [], [])]
    out, report = export(tmp_path, tasks, policy="majority")
    examples = jsonl(out)
    assert examples[1]["choices"] == {"topic": ["B"]}
    assert examples[2]["choices"] == {} and examples[3]["choices"] == {}
    assert report.details["choices without a majority of annotators"] == [
        "task 2, topic: A 1, B 1, C 1 (of 3 annotators)", "task 3, topic: A 1 (of 3 annotators)"]


# -------------------------------------------------------------------------
# 2. A Taxonomy item holding the separator " / "
# -------------------------------------------------------------------------

SEPARATOR_TASKS = [
    task(1, "Viagem entre Lisboa e Porto.", [taxonomy(["Rota", "Lisboa / Porto"])]),
    task(2, "Viagem entre Lisboa e Porto.", [taxonomy(["Rota", "Lisboa", "Porto"])]),
    task(3, "Barra invertida.", [taxonomy(["Rota", "C:\\ / D"], ["Rota", "A /", "B"])]),
]
SEPARATOR_PATHS = {1: [["Rota", "Lisboa / Porto"]], 2: [["Rota", "Lisboa", "Porto"]],
                   3: [["Rota", "C:\\ / D"], ["Rota", "A /", "B"]]}


def split_cell(cell: str) -> list[str]:
    """A CSV cell's values (join_values' documented reading)."""
    values, current, escaped = [], "", False
    for character in cell:
        if escaped:
            current, escaped = current + character, False
        elif character == "\\":
            escaped = True
        elif character == "|":
            values, current = [*values, current], ""
        else:
            current += character
    return [*values, current]


def test_a_taxonomy_item_holding_the_separator_reads_back_from_jsonl(tmp_path: Path) -> None:
    out, report = export(tmp_path, SEPARATOR_TASKS)
    found = {task_id: [split_path(value) for value in line["choices"]["taxonomy"]]
             for task_id, line in jsonl(out).items()}
    assert found == SEPARATOR_PATHS
    assert jsonl(out)[1]["choices"]["taxonomy"] == ["Rota / Lisboa \\/ Porto"]
    assert jsonl(out)[2]["choices"]["taxonomy"] == ["Rota / Lisboa / Porto"]
    assert report.notes == {"taxonomy items holding ' / ' or '\\' escaped with a backslash": 2}


def test_a_taxonomy_item_holding_the_separator_reads_back_from_csv_and_spacy(tmp_path: Path) -> None:
    out, _report = export(tmp_path, SEPARATOR_TASKS, "csv")
    with (out / "train.csv").open(encoding="utf-8", newline="") as rows:
        found = {int(row["task_id"]): [split_path(value) for value in split_cell(row["choice"])]
                 for row in csv.DictReader(rows)}
    assert found == SEPARATOR_PATHS
    out, _report = export(tmp_path, SEPARATOR_TASKS, "spacy")
    docs = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("pt").vocab)
    found = {doc.user_data["task_id"]: [split_path(cat.split(":", 1)[1]) for cat in doc.cats] for doc in docs}
    assert found == SEPARATOR_PATHS


def test_split_path_reads_plain_values_as_split_on_the_separator() -> None:
    assert split_path("Topic / Economy / Inflation") == ["Topic", "Economy", "Inflation"]
    assert split_path("Sports/Football") == ["Sports/Football"]


def test_a_configs_item_holding_the_separator_is_known(tmp_path: Path) -> None:
    config = tmp_path / "config.xml"
    config.write_text("""<View><Text name="text" value="$text"/>
  <Taxonomy name="taxonomy" toName="text"><Choice value="Rota"><Choice value="Lisboa / Porto"/></Choice></Taxonomy>
</View>""", encoding="utf-8")
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SEPARATOR_TASKS[:1]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "jsonl", "--out", str(tmp_path / "out"),
                                      "--label-config", str(config)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "not in the labeling config" not in result.output


# -------------------------------------------------------------------------
# 3. Zero-width joiners, variation selectors and other invisible characters
# -------------------------------------------------------------------------

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
HEART = "\u2764\ufe0f"
THUMB = "\U0001F44D\U0001F3FD"
INVISIBLE_TEXT = f"A família {FAMILY} visitou Lisboa {HEART} e o Porto {THUMB} ontem \u200d à noite."


def _invisible(token: str) -> bool:
    return not any(character.isprintable() and not character.isspace() for character in token)


def test_conll_keeps_emoji_sequences_whole_and_writes_no_invisible_token(tmp_path: Path) -> None:
    tasks = [task(1, INVISIBLE_TEXT, [span(INVISIBLE_TEXT, FAMILY, "MISC"), span(INVISIBLE_TEXT, "Lisboa", "LOC"),
                                      span(INVISIBLE_TEXT, "Porto", "LOC")])]
    out, report = export(tmp_path, tasks, "conll")
    (rows,) = conll(out)
    assert not [token for token, _tag in rows if not token or _invisible(token)]
    tokens = [token for token, _tag in rows]
    assert FAMILY in tokens and HEART in tokens and THUMB in tokens
    assert [row for row in rows if row[1] != "O"] == [(FAMILY, "B-MISC"), ("Lisboa", "B-LOC"), ("Porto", "B-LOC")]
    assert report.notes == {}


@pytest.mark.parametrize("text", [
    "क्\u200dष और क्\u200cष दिल्ली",  # ZWJ and ZWNJ inside Devanagari words
    "ab\u200d cd \u2060 ef\ufe0f gh",
    "\u200d\u200d inicio",
])
def test_no_conll_token_is_only_invisible_characters(text: str) -> None:
    example = Example(text, Labels(), 1, "a", None, [], [], language="pt")
    for token, _tag in ConllExporter().tagged(example, ExportReport()):
        assert token and not _invisible(token) and token.split() == [token]


def test_spans_on_an_emoji_sequence_align_in_spacy_as_in_conll() -> None:
    spans = [Span(10, 10 + len(FAMILY), "MISC", FAMILY)]
    example = Example(INVISIBLE_TEXT, Labels(spans=spans), 1, "a", None, [], [], language="pt")
    doc = SpacyExporter().doc(example, ExportReport())
    assert [(e.text, e.label_) for e in doc.ents] == [(FAMILY, "MISC")]


# -------------------------------------------------------------------------
# 4. The alignment note says what happened, with the offsets
# -------------------------------------------------------------------------

ALIGN_TEXT = "Vivo em Lisboa hoje"


@pytest.mark.parametrize("bounds,kind,after", [
    ((9, 16), "spans widened to whole tokens", "[8, 19) 'Lisboa hoje'"),
    ((7, 15), "spans narrowed to whole tokens", "[8, 14) 'Lisboa'"),
    ((7, 12), "spans shifted to whole tokens", "[8, 14) 'Lisboa'"),
])
def test_the_alignment_note_says_widened_narrowed_or_shifted(bounds: tuple[int, int], kind: str,
                                                             after: str) -> None:
    start, end = bounds
    example = Example(ALIGN_TEXT, Labels(), 4, "a", None, [], [], language="pt")
    report = ExportReport()
    offsets = example_offsets(example, ("pt",))
    aligned_spans(offsets, [Span(start, end, "LOC", ALIGN_TEXT[start:end])], example, report)
    assert report.notes == {kind: 1}
    assert report.details[kind] == [f"task 4: LOC [{start}, {end}) {ALIGN_TEXT[start:end]!r} -> {after}"]


# -------------------------------------------------------------------------
# 5. Punctuation at the edge of an entity span
# -------------------------------------------------------------------------

PUNCT_TEXT = 'Vivo em Lisboa. Leio o "Público" e trabalho na Apple (UK), perto da (USP).'
TRIMMED = "entity spans trimmed of punctuation or whitespace at their edges"


def punct_task() -> dict[str, Any]:
    return task(1, PUNCT_TEXT, [span(PUNCT_TEXT, "Lisboa.", "LOC"), span(PUNCT_TEXT, '"Público"', "ORG"),
                                span(PUNCT_TEXT, "Apple (UK)", "ORG"), span(PUNCT_TEXT, "(USP).", "ORG")])


EXPECTED_ENTITIES = [("LOC", "Lisboa"), ("ORG", "Público"), ("ORG", "Apple (UK)"), ("ORG", "USP")]


def test_edge_punctuation_is_trimmed_in_jsonl_and_reported(tmp_path: Path) -> None:
    out, report = export(tmp_path, [punct_task()])
    found = [(s["label"], s["text"]) for s in jsonl(out)[1]["spans"]]
    assert found == EXPECTED_ENTITIES
    assert all(PUNCT_TEXT[s["start"]:s["end"]] == s["text"] for s in jsonl(out)[1]["spans"])
    assert report.notes == {TRIMMED: 3}
    assert report.details[TRIMMED][0] == "task 1: LOC [8, 15) 'Lisboa.' -> [8, 14) 'Lisboa'"


def test_edge_punctuation_is_trimmed_alike_in_conll_spacy_and_csv(tmp_path: Path) -> None:
    out, report = export(tmp_path, [punct_task()], "conll")
    (rows,) = conll(out)
    tagged = [row for row in rows if row[1] != "O"]
    assert tagged == [("Lisboa", "B-LOC"), ("Público", "B-ORG"), ("Apple", "B-ORG"), ("(", "I-ORG"),
                      ("UK", "I-ORG"), (")", "I-ORG"), ("USP", "B-ORG")]
    assert report.notes == {TRIMMED: 3}
    out, report = export(tmp_path, [punct_task()], "spacy")
    (doc,) = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("pt").vocab)
    assert [(e.label_, e.text) for e in doc.ents] == EXPECTED_ENTITIES
    assert [(s.label_, s.text) for s in doc.spans["sc"]] == EXPECTED_ENTITIES
    out, _report = export(tmp_path, [punct_task()], "csv")
    with (out / "train.spans.csv").open(encoding="utf-8", newline="") as rows:
        assert [(row["label"], row["span"]) for row in csv.DictReader(rows)] == EXPECTED_ENTITIES


def test_abbreviations_and_all_punctuation_spans_are_kept() -> None:
    text = "The U.S. team met Apple Inc. in Washington, D.C. today: ..."
    spans = [Span(4, 8, "LOC", "U.S."), Span(18, 28, "ORG", "Apple Inc."), Span(32, 48, "LOC", "Washington, D.C."),
             Span(56, 59, "MISC", "...")]
    example = Example(text, Labels(spans=spans), 1, "a", None, [], [], language="en")
    report = ExportReport()
    assert [row for row in ConllExporter().tagged(example, report) if row[1] != "O"] == [
        ("U.S.", "B-LOC"), ("Apple", "B-ORG"), ("Inc.", "I-ORG"), ("Washington", "B-LOC"), (",", "I-LOC"),
        ("D.C.", "I-LOC"), ("...", "B-MISC")]
    assert report.notes == {}


def test_claims_keep_their_punctuation(tmp_path: Path) -> None:
    text = "O PIB cresceu 3% em 2025. Disse o ministro."
    tasks = [task(1, text, [span(text, "O PIB cresceu 3% em 2025.", "CLAIM")])]
    out, report = export(tmp_path, tasks)
    assert [c["text"] for c in jsonl(out)[1]["claims"]] == ["O PIB cresceu 3% em 2025."]
    assert report.notes == {}
