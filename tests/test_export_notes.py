"""A region's note (Label Studio's region ``meta.text``: what an annotator
typed in the region's meta field) is exported with its span: a ``notes`` list
on the span in jsonl (only on a span that has one, so that other lines stay
byte-identical), a ``notes`` cell in csv's span rows, and counted as not
written in conll and spacy, under every ``--policy``. And ``data`` encoded
twice as a JSON object is named so, as a list encoded twice is."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest

from schemas.dataset import EXAMPLE_SCHEMA
from schemas.example_encoding import encode_example
from schemas.label_studio_export import TaskDecoder, described, load_task
from schemas.label_studio_schemas import TASK_SCHEMA
from plugins.exporters import CHOICES_NOT_IN_CONLL
from server.exporting.converting import CHOICE_NOTES, Settings, TaskConverter
from server.exporting.report import ExportReport
from tests.test_export_probe3 import assert_stops_cleanly, run_cli
from tests.test_export_probe18 import MAPPING_ENCODED_TWICE
from tests.test_export_words22 import BASE

NOTE = "check the name"


def sample(*changes: Any, task_id: int = 1) -> dict[str, Any]:
    """The real sample task (Meta [2, 6) and Qwen [35, 39), ORG; sentiment Neutral), changed."""
    made = copy.deepcopy(BASE)
    made["id"] = task_id
    for change in changes:
        change(made)
    return made


def noted(region: int, *notes: str, annotation: int = 0) -> Any:
    def change(made: dict[str, Any]) -> None:
        made["annotations"][annotation]["result"][region]["meta"] = {"text": list(notes)}
    return change


def annotated_by(count: int) -> Any:
    """``count`` annotations of the sample's result by annotators 1..count, the last updated latest."""
    def change(made: dict[str, Any]) -> None:
        first = made["annotations"][0]
        made["annotations"] = [{**copy.deepcopy(first), "id": number, "completed_by": number,
                                "updated_at": f"2026-11-30T0{number}:00:00Z"} for number in range(1, count + 1)]
    return change


def export(tmp_path: Path, tasks: list[dict[str, Any]], fmt: str = "jsonl", *extra: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(path, fmt, out, "--quiet", "--language", "pt", *extra)
    assert result.exit_code == 0, result.output
    return out


def jsonl_lines(out: Path) -> list[bytes]:
    return (out / "train.jsonl").read_bytes().splitlines()


def spans_with_notes(out: Path) -> list[list[tuple[str, list[str] | None]]]:
    """Per line, each span's text and notes (None: no ``notes`` key)."""
    return [[(span["text"], span.get("notes")) for span in json.loads(line)["spans"]] for line in jsonl_lines(out)]


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


# -------------------------------------------------------------------------
# jsonl, --policy latest (the default)
# -------------------------------------------------------------------------

def test_a_note_is_on_its_span_and_every_other_line_is_byte_identical(tmp_path: Path) -> None:
    plain = export(tmp_path / "plain", [sample(), sample(task_id=2)])
    with_note = export(tmp_path / "noted", [sample(noted(0, NOTE)), sample(task_id=2)])
    assert spans_with_notes(with_note)[0] == [("Meta", [NOTE]), ("Qwen", None)]
    assert jsonl_lines(with_note)[1] == jsonl_lines(plain)[1]
    line = json.loads(jsonl_lines(with_note)[0])
    del line["spans"][0]["notes"]
    assert line == json.loads(jsonl_lines(plain)[0])
    assert report_of(with_note)["left_out"] == {} and report_of(with_note)["format_notes"] == {}


def test_a_claims_note_is_on_the_claim(tmp_path: Path) -> None:
    def claim(made: dict[str, Any]) -> None:
        made["annotations"][0]["result"][1]["value"].update(start=2, end=39, labels=["CLAIM"],
                                                             text=made["data"]["text"][2:39])
    lines = [json.loads(line) for line in jsonl_lines(export(tmp_path, [sample(claim, noted(1, "a source?"))]))]
    assert [(span["label"], span["notes"]) for span in lines[0]["claims"]] == [("CLAIM", ["a source?"])]


def test_several_notes_and_empty_ones(tmp_path: Path) -> None:
    """A note list keeps its notes in order, each once; an empty note (a cleared field) is none."""
    out = export(tmp_path, [sample(noted(0, "first", "", "second", "first"), noted(1, "", "  "))])
    assert spans_with_notes(out) == [[("Meta", ["first", "second"]), ("Qwen", None)]]


def test_a_trimmed_span_keeps_its_note(tmp_path: Path) -> None:
    def with_stop(made: dict[str, Any]) -> None:
        made["data"]["text"] = "A Meta. Qwen"
        made["annotations"][0]["result"][0]["value"].update(start=2, end=7, text="Meta.")
        made["annotations"][0]["result"][1]["value"].update(start=8, end=12, text="Qwen")
    out = export(tmp_path, [sample(with_stop, noted(0, NOTE))])
    assert spans_with_notes(out) == [[("Meta", [NOTE]), ("Qwen", None)]]


def test_a_repaired_span_keeps_its_note_and_one_left_out_takes_it_along_reported(tmp_path: Path) -> None:
    def past_the_text(quote: str) -> Any:
        return lambda made: made["annotations"][0]["result"][0]["value"].update(start=200, end=204, text=quote)
    repaired = export(tmp_path / "repaired", [sample(past_the_text("Meta"), noted(0, NOTE))])
    assert spans_with_notes(repaired) == [[("Meta", [NOTE]), ("Qwen", None)]]
    assert report_of(repaired)["repaired"] == {"spans repaired": 1}
    left_out = export(tmp_path / "left_out", [sample(past_the_text("Zeta"), noted(0, NOTE))])
    assert spans_with_notes(left_out) == [[("Qwen", None)]]
    assert report_of(left_out)["left_out"] == {"spans that do not fit the text": 1}


# -------------------------------------------------------------------------
# The other policies
# -------------------------------------------------------------------------

def test_ground_truth_exports_the_ground_truths_notes(tmp_path: Path) -> None:
    def truth_first(made: dict[str, Any]) -> None:
        made["annotations"][0]["ground_truth"] = True
    tasks = [sample(annotated_by(2), truth_first, noted(0, "truth's", annotation=0),
                    noted(0, "latest's", annotation=1))]
    assert spans_with_notes(export(tmp_path / "gt", tasks, "jsonl", "--policy", "ground-truth")) == [
        [("Meta", ["truth's"]), ("Qwen", None)]]
    assert spans_with_notes(export(tmp_path / "latest", tasks)) == [[("Meta", ["latest's"]), ("Qwen", None)]]


def test_all_keeps_each_annotations_own_notes(tmp_path: Path) -> None:
    tasks = [sample(annotated_by(2), noted(0, "one", annotation=0), noted(1, "two", annotation=1))]
    assert spans_with_notes(export(tmp_path, tasks, "jsonl", "--policy", "all")) == [
        [("Meta", ["one"]), ("Qwen", None)], [("Meta", None), ("Qwen", ["two"])]]


def test_majority_joins_the_distinct_notes_of_the_annotators_who_gave_the_span(tmp_path: Path) -> None:
    """Meta: all three gave it, two with notes ("b" twice: once); Qwen: only annotator 3 kept it,
    outvoted and reported with its note; annotator 3's note on Meta is kept like the others."""
    def third_drops_nothing_first_two_drop_qwen(made: dict[str, Any]) -> None:
        for annotation in made["annotations"][:2]:
            del annotation["result"][1]
    tasks = [sample(annotated_by(3), noted(0, "b", annotation=1), noted(0, "a", "b", annotation=2),
                    noted(1, "outvoted", annotation=2), third_drops_nothing_first_two_drop_qwen)]
    out = export(tmp_path, tasks, "jsonl", "--policy", "majority")
    assert spans_with_notes(out) == [[("Meta", ["b", "a"])]]
    assert report_of(out)["left_out"] == {"spans without a majority of annotators": 1}


# -------------------------------------------------------------------------
# csv, conll, spacy
# -------------------------------------------------------------------------

def test_csv_writes_a_spans_notes_in_its_last_column(tmp_path: Path) -> None:
    out = export(tmp_path, [sample(noted(0, NOTE, "a|b"))], "csv")
    with (out / "train.spans.csv").open(encoding="utf-8", newline="") as rows:
        read = list(csv.DictReader(rows))
    assert list(read[0])[-2:] == ["annotators", "notes"]
    assert [(row["span"], row["notes"]) for row in read] == [("Meta", f"{NOTE}|a\\|b"), ("Qwen", "")]
    assert report_of(out)["format_notes"] == {"notes with '|' or '\\' escaped with a backslash in CSV": 1}


@pytest.mark.parametrize("fmt", ["conll", "spacy"])
def test_conll_and_spacy_count_the_notes_they_cannot_write(tmp_path: Path, fmt: str) -> None:
    report = report_of(export(tmp_path, [sample(noted(0, NOTE, "twice")), sample(task_id=2)], fmt))
    kind = f"notes on spans (a region's meta.text) not written: {fmt} has no place for them"
    assert report["format_notes"] == {kind: 1, **({CHOICES_NOT_IN_CONLL: 2} if fmt == "conll" else {})}
    assert report["details"][kind] == [f"task 1: ORG [2, 6) 'Meta': {NOTE} | twice"]


# -------------------------------------------------------------------------
# Notes that are not a span's
# -------------------------------------------------------------------------

def test_a_choice_regions_note_is_reported_left_out(tmp_path: Path) -> None:
    report = report_of(export(tmp_path, [sample(noted(2, "unsure"))]))
    assert report["left_out"] == {CHOICE_NOTES: 1}
    assert report["details"][CHOICE_NOTES] == ["task 1, annotation 1, region #2: unsure"]


def test_a_per_region_textarea_is_carried_as_the_spans_attribute_not_a_note(tmp_path: Path) -> None:
    """Label Studio's ``<TextArea perRegion="true">`` writes a textarea result with the span region's id:
    not carried as a note (only meta.text is); reported left out before exportprobe42, now the span's
    ``attributes`` under the control's name."""
    def per_region_text(made: dict[str, Any]) -> None:
        result = made["annotations"][0]["result"]
        result[0]["id"] = "r1"
        result.append({"id": "r1", "from_name": "comment", "to_name": "text", "type": "textarea",
                       "value": {"start": 2, "end": 6, "text": ["typed per region"]}})
    out = export(tmp_path, [sample(per_region_text)])
    assert spans_with_notes(out) == [[("Meta", None), ("Qwen", None)]]
    assert [[span.get("attributes") for span in json.loads(line)["spans"]] for line in jsonl_lines(out)] == [
        [{"comment": ["typed per region"]}, None]]
    assert report_of(out)["left_out"] == {}


# -------------------------------------------------------------------------
# Loading: the three paths agree; a note that is not a list of strings
# -------------------------------------------------------------------------

def test_the_typed_decode_the_fast_path_and_the_schemas_load_the_same_notes() -> None:
    raw = sample(noted(0, NOTE, "second"))
    raw["annotations"][0]["result"][0]["meta"]["plugin"] = "entities"
    typed = TaskDecoder().task(json.dumps(raw))
    assert typed is not None
    for task in (typed, load_task(raw, "$[0]"), TASK_SCHEMA.load(raw)):
        meta = task.annotations[0].regions[0].meta
        assert (meta.plugin, meta.notes) == ("entities", (NOTE, "second"))
        assert task.annotations[0].regions[1].meta.notes is None


def test_an_ml_backends_explanation_kept_by_an_accepted_suggestion_is_no_note(tmp_path: Path) -> None:
    # Anota's /predict writes its cues as meta.text, a string; a region the annotator accepted keeps it. Label
    # Studio's editor writes an annotator's note as a list: that is what is exported, on every load path.
    def accepted(made: dict[str, Any]) -> None:
        for region in made["annotations"][0]["result"]:
            region["meta"] = {"text": "model and gazetteer agree", "plugin": "entities"}
    raw = sample(accepted, noted(1, NOTE))
    raw["annotations"][0]["result"][1]["meta"]["plugin"] = "entities"
    for task in (TaskDecoder().task(json.dumps(raw)), load_task(raw, "$[0]"), TASK_SCHEMA.load(raw)):
        first, second = task.annotations[0].regions[:2]
        assert (first.meta.notes, second.meta.notes) == (None, (NOTE,))
    out = export(tmp_path, [raw])
    assert spans_with_notes(out) == [[("Meta", None), ("Qwen", [NOTE])]]
    assert report_of(out)["left_out"] == {}  # the sentiment choice's explanation is no note left out either


@pytest.mark.parametrize("note,where,message", [
    (5, "", "Not a valid list but a number (5)"),
    ({"note": NOTE}, "", "Not a valid list but an object"),
    ([NOTE, 5], "[1]", "Not a valid string but a number (5)"),
])
def test_a_note_that_is_not_a_list_of_strings_stops_the_export_naming_its_path(
        tmp_path: Path, note: Any, where: str, message: str) -> None:
    def malformed(made: dict[str, Any]) -> None:
        made["annotations"][0]["result"][0]["meta"] = {"text": note}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([sample(malformed)]), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", f"task 1 at $[0]: annotations[0].result[0].meta.text{where}: {message}")


def test_the_fast_encoding_of_noted_spans_equals_the_schema_dump_and_loads_back() -> None:
    converter = TaskConverter(Settings(policy="all"), ExportReport())
    raw = sample(annotated_by(2), noted(0, NOTE, annotation=0), noted(1, "b", "c", annotation=1))
    examples = converter.examples(load_task(raw, "$[0]"))
    assert [example.notes is not None for example in examples] == [True, True]
    for example in examples:
        dumped = EXAMPLE_SCHEMA.dump(example)
        assert encode_example(example).decode() == json.dumps(dumped, ensure_ascii=False, separators=(",", ":"))
        assert EXAMPLE_SCHEMA.load(dumped)["entities"] == dumped["spans"]
    assert [[span.get("notes") for span in EXAMPLE_SCHEMA.dump(example)["spans"]] for example in examples] == [
        [[NOTE], None], [None, ["b", "c"]]]


# -------------------------------------------------------------------------
# data encoded twice
# -------------------------------------------------------------------------

def encoded_data(made: dict[str, Any]) -> None:
    made["data"] = json.dumps(made["data"], ensure_ascii=False)


def test_data_encoded_twice_as_an_object_is_named_as_json_text(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([sample(encoded_data)], ensure_ascii=False), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", f"task 1 at $[0]: data: {MAPPING_ENCODED_TWICE}")


@pytest.mark.parametrize("data", ["A Meta está usando dados.", "{not json", "[1, 2]"])
def test_a_string_that_holds_no_json_object_is_not_a_valid_mapping(tmp_path: Path, data: str) -> None:
    """The guard: plain text, broken JSON, and a JSON list are no object encoded twice."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps([sample(lambda t: t.update(data=data))], ensure_ascii=False), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", f"task 1 at $[0]: data: Not a valid mapping type but {described(data)}")
