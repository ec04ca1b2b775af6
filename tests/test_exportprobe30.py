"""The export probe ``exportprobe30`` (fixtures/exportprobe30/: its inputs,
written by make_exportprobe30.py; README.md there lists what was expected of
each before the first run and the decisions taken, and run_exportprobe30.py
runs them all as subprocesses in the four formats). A region's note given
as a string is reported (not read: an ML backend writes its explanation so);
a null ``was_cancelled`` or ``ground_truth`` is read as false and reported;
CSV cells a spreadsheet would run as formulas are written as annotated and
reported; span agreement compares the answers a majority votes on."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import NULL_FLAG_REPAIR, TaskDecoder, load_task
from schemas.label_studio_schemas import TASK_SCHEMA
from server.exporting.converting import STRING_NOTES, UNREAD_TIMES
from server.exporting.examples import Labels, Span
from server.exporting.report import Agreement
from plugins.exporters import FORMULA_CELLS
from tests.test_exportprobe29 import examples_of, exported, report_of

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe30"
sys.path.insert(0, str(PROBE))
from make_exportprobe30 import FORMULA_TEXT, TEXT, annotation, dumped, span, studied, task, with_annotations  # noqa: E402

FORMATS = ("jsonl", "conll", "spacy", "csv")


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = studied()
    assert sorted(made) == sorted(path.name for path in PROBE.iterdir() if path.suffix == ".json")
    for name, content in made.items():
        assert (PROBE / name).read_bytes() == content, name


def written(tmp_path: Path, tasks: list[dict[str, Any]]) -> Path:
    path = tmp_path / "export.json"
    path.write_bytes(dumped(tasks))
    return path


# -------------------------------------------------------------------------
# a region's meta.text given as a string: reported, not read as a note
# -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_string_note_on_a_drawn_region_is_reported_with_its_path(tmp_path: Path, fmt: str) -> None:
    out = exported(PROBE / "note_string_on_span.json", tmp_path / "out", fmt)
    report = report_of(out)
    assert report["left_out"] == {STRING_NOTES: 1}
    assert report["details"][STRING_NOTES] == ["task 1, annotation 1, region #0: meta.text 'check the name'"]
    if fmt == "jsonl":
        assert [span.get("notes") for span in examples_of(out)[0]["spans"]] == [None, None]


def test_a_string_note_on_a_choice_is_reported_and_a_plugins_explanation_or_a_blank_one_is_not(
        tmp_path: Path) -> None:
    assert report_of(exported(PROBE / "note_string_on_choice.json", tmp_path / "choice"))["left_out"] == {
        STRING_NOTES: 1}
    for name in ("note_string_with_plugin.json", "note_blank_string.json"):
        out = exported(PROBE / name, tmp_path / name)
        assert report_of(out)["left_out"] == {}, name
        assert all("notes" not in span for span in examples_of(out)[0]["spans"]), name


def test_each_annotations_string_note_is_said_under_every_policy(tmp_path: Path) -> None:
    noted = {**span(2, 6), "meta": {"text": "mine"}}
    path = written(tmp_path, [with_annotations(annotation(1, 1, 6, [noted]), annotation(2, 2, 7, [noted]))])
    for policy in ("latest", "majority", "all"):
        report = report_of(exported(path, tmp_path / policy, "jsonl", "--policy", policy))
        assert report["left_out"] == {STRING_NOTES: 2}, policy


# -------------------------------------------------------------------------
# was_cancelled and ground_truth null: read as false, reported
# -------------------------------------------------------------------------

def test_a_null_flag_is_read_as_false_on_every_load_path() -> None:
    raw = task(annotation_was_cancelled=None, annotation_ground_truth=None)
    assert TaskDecoder().task(json.dumps(raw)) is None  # not plain: load_task reads it and says so
    for loaded in (load_task(json.loads(json.dumps(raw)), "$[0]"), TASK_SCHEMA.load(raw)):
        assert (loaded.annotations[0].was_cancelled, loaded.annotations[0].ground_truth) == (False, False)
    assert load_task(raw, "$[0]").repairs == [(NULL_FLAG_REPAIR, "annotations[0].was_cancelled: null"),
                                              (NULL_FLAG_REPAIR, "annotations[0].ground_truth: null")]
    absent = task()
    del absent["annotations"][0]["was_cancelled"]
    assert TaskDecoder().task(json.dumps(absent)).annotations[0].was_cancelled is False  # absent: plain, nothing to say


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_null_was_cancelled_is_reported_as_read_not_cancelled(tmp_path: Path, fmt: str) -> None:
    out = exported(PROBE / "was_cancelled_null_two.json", tmp_path / "out", fmt)
    report = report_of(out)
    assert report["repaired"] == {NULL_FLAG_REPAIR: 1}
    assert report["details"][NULL_FLAG_REPAIR] == ["task 1, annotations[0].was_cancelled: null"]


def test_a_null_ground_truth_is_no_ground_truth_and_is_reported(tmp_path: Path) -> None:
    out = exported(PROBE / "ground_truth_null_policy.json", tmp_path / "out", "jsonl", "--policy", "ground-truth")
    [example] = examples_of(out)
    assert [(span["text"], span["label"]) for span in example["spans"]] == [("Meta", "ORG")]
    assert report_of(out)["details"][NULL_FLAG_REPAIR] == ["task 1, annotations[1].ground_truth: null"]


# -------------------------------------------------------------------------
# CSV cells a spreadsheet would run: written as annotated, reported
# -------------------------------------------------------------------------

def rows(out: Path, suffix: str) -> list[dict[str, str]]:
    found = []
    for path in sorted(out.glob(f"*{suffix}")):
        if path.name.count(".") == suffix.count("."):
            with path.open(encoding="utf-8", newline="") as handle:
                found += csv.DictReader(handle)
    return found


def test_formula_cells_are_written_as_annotated_and_reported(tmp_path: Path) -> None:
    out = exported(PROBE / "csv_formula_text_and_span.json", tmp_path / "out", "csv")
    assert [row["text"] for row in rows(out, ".csv")] == [FORMULA_TEXT]
    assert [row["span"] for row in rows(out, ".spans.csv")] == ["Meta", "-V3.2"]
    report = report_of(out)
    assert report["format_notes"][FORMULA_CELLS] == 2
    assert report["details"][FORMULA_CELLS] == ["task 1, text: '=SUM(A1) diz a Meta, e -V3.2 saiu.'",
                                                "task 1, span: '-V3.2'"]


def test_formula_notes_annotators_tabs_and_carriage_returns_are_reported(tmp_path: Path) -> None:
    out = exported(PROBE / "csv_formula_note_annotator.json", tmp_path / "notes", "csv")
    details = report_of(out)["details"][FORMULA_CELLS]
    # The annotator's cell is in each of the 3 rows (its '|' escaped, as any value joined with '|').
    assert sorted(details) == sorted(["task 1, notes: '@here check|+1'",
                                      *["task 1, annotators: \"=cmd\\\\|' /C calc'!A0\""] * 3])
    out = exported(PROBE / "csv_tab_cr_text.json", tmp_path / "tabs", "csv")
    assert [row["text"][:1] for row in rows(out, ".csv")] == ["\t"]
    tab_text = "\t" + TEXT
    assert report_of(out)["details"][FORMULA_CELLS] == [f"task 1, text: {tab_text[:40]!r}"]


@pytest.mark.parametrize("fmt", ("jsonl", "conll", "spacy"))
def test_other_formats_say_nothing_of_formulas(tmp_path: Path, fmt: str) -> None:
    assert FORMULA_CELLS not in report_of(exported(PROBE / "csv_formula_text_and_span.json", tmp_path / "o", fmt))[
        "format_notes"]


# -------------------------------------------------------------------------
# span agreement over the answers a majority votes on
# -------------------------------------------------------------------------

def labels_of(*spans: Span) -> Labels:
    return Labels(spans=sorted(spans), controls=dict.fromkeys(spans, "label"))


META, META_SPACE, SPACE_META = (Span(2, 6, "ORG", "Meta"), Span(2, 7, "ORG", "Meta "), Span(1, 6, "ORG", " Meta"))


@pytest.mark.parametrize("annotations,f1", [
    ([labels_of(META_SPACE, META), labels_of(META)], 1.0),  # one annotator's two regions, one answer
    ([labels_of(META_SPACE), labels_of(META), labels_of(SPACE_META)], 1.0),  # three: as two were
    ([labels_of(META_SPACE), labels_of(META)], 1.0),
    ([labels_of(META), labels_of(Span(2, 6, "PER", "Meta"))], 0.0),
    ([labels_of(META, Span(35, 39, "ORG", "Qwen")), labels_of(META), labels_of(META)], 0.75),
    ([labels_of(Span(2, 2, "ORG", "")), labels_of(META)], 0.0),  # an empty text, which placing never makes
])
def test_span_agreement_counts_answers_as_the_majority_does(annotations: list[Labels], f1: float) -> None:
    agreement = Agreement()
    agreement.add_task(annotations)
    assert agreement.as_dict()["spans"]["f1"] == f1


@pytest.mark.parametrize("name", ["agreement_one_answer_twice.json", "agreement_three_edge_space.json"])
def test_the_reports_span_f1_agrees_with_the_majority_kept(tmp_path: Path, name: str) -> None:
    out = exported(PROBE / name, tmp_path / "out", "jsonl", "--policy", "majority")
    assert [span["text"] for span in examples_of(out)[0]["spans"]] == ["Meta"]
    assert report_of(out)["agreement"]["spans"]["f1"] == 1.0


# -------------------------------------------------------------------------
# the latest annotation, when a time does not read
# -------------------------------------------------------------------------

def test_a_time_that_does_not_read_is_said_when_it_decides_the_latest(tmp_path: Path) -> None:
    """'yesterday' counts as the earliest (annotation 2, PER, is the latest) and is said: it was silent."""
    out = exported(PROBE / "updated_at_not_a_date.json", tmp_path / "out")
    assert [span["label"] for span in examples_of(out)[0]["spans"]] == ["PER"]
    assert report_of(out)["details"][UNREAD_TIMES] == ["task 1, annotation 1: 'yesterday'"]
    out = exported(PROBE / "updated_at_time_zones.json", tmp_path / "zones")  # 08:00Z is after 10:00+03:00
    assert [span["label"] for span in examples_of(out)[0]["spans"]] == ["PER"]
    assert report_of(out)["repaired"] == {}
