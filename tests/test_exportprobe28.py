"""The export probe ``exportprobe28`` (fixtures/exportprobe28/: its inputs,
written by make_exportprobe28.py; README.md there lists what was expected of
each before the first run and the decisions taken, and run_exportprobe28.py
runs them all as subprocesses in the four formats): a null said as what was
expected there, ids and NaN in JSON's words, a score given as a number's text,
majority votes over spans that differ by an edge space, document sources that
are not strings, labels that differ only in case, Anota's own outputs given
as the input, and an input whose name holds a line break."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import SCORE_TEXT_REPAIR, TaskDecoder, load_task
from server.exporting.converting import NOT_A_STRING_ID
from tests.test_export_probe3 import assert_stops_cleanly, run_cli

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe28"
SAMPLE = PROBE.parent / "label-studio-1.23.2" / "export_JSON.json"
sys.path.insert(0, str(PROBE))
from make_exportprobe28 import annotation, dumped, span, studied, with_annotations, write  # noqa: E402

FORMATS = ("jsonl", "conll", "spacy", "csv")
CASE_NOTE = "labels that differ only in case: classes a model learns apart"


def test_the_committed_inputs_are_what_the_maker_writes(tmp_path: Path) -> None:
    write(tmp_path, studied())
    for name in studied():
        assert (tmp_path / name).read_bytes() == (PROBE / name).read_bytes(), name


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def examples_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def exported(tmp_path: Path, name: str, fmt: str = "jsonl", *extra: str) -> Path:
    out = tmp_path / "out"
    result = run_cli(PROBE / name, fmt, out, "--quiet", "--language", "pt", *extra)
    assert result.exit_code == 0, result.output
    return out


# marshmallow's "Field may not be null." said neither what was expected there nor what was found;
# Python's spelling of an id ("task True", "task None", "task nan") was not the file's.
SAID = {
    "region_null_third.json": "task 1 at $[0]: annotations[0].result[2]: Not a valid mapping type but null",
    "labels_null.json": "task 1 at $[0]: annotations[0].result[0].value.labels: Not a valid list but null",
    "label_item_null.json": "task 1 at $[0]: annotations[0].result[0].value.labels[0]: Not a valid string but null",
    "value_null.json": "task 1 at $[0]: annotations[0].result[0].value: Not a valid mapping type but null",
    "id_null.json": "task null at $[0]: id: Not a valid integer but null",
    "id_true.json": "task true at $[0]: id: Not a valid integer but a boolean (true)",
    "score_nan.json": "task 1 at $[0]: annotations[0].result[0].score: Not a finite number but a number (NaN)",
    # Python's float() reads these ("1_000" as 1000.0), which marshmallow's Float did in silence: no JSON number.
    "score_underscore_string.json": "task 1 at $[0]: annotations[0].result[0].score: Not a valid number but a "
                                    "string ('1_000')",
    "score_spaced_string.json": "task 1 at $[0]: annotations[0].result[0].score: Not a valid number but a string "
                                "(' 0.5')",
}


@pytest.mark.parametrize("name", sorted(SAID))
def test_an_error_says_what_was_expected_and_found(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, "jsonl", SAID[name])


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_null_is_said_so_in_every_format(tmp_path: Path, fmt: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "labels_null.json", fmt, SAID["labels_null.json"])


# A score given as a number's text was read as the number in silence (marshmallow's Float); Label Studio
# reads a prediction's score with float(): read so, and reported; the fast paths leave it to load_task.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_score_given_as_a_numbers_text_is_a_reported_repair(tmp_path: Path, fmt: str) -> None:
    out = exported(tmp_path, "score_numeric_string.json", fmt)
    report = report_of(out)
    assert report["repaired"] == {SCORE_TEXT_REPAIR: 1}
    assert report["details"][SCORE_TEXT_REPAIR] == ["task 1, annotations[0].result[0].score: '0.5'"]
    if fmt == "jsonl":
        assert [span["label"] for example in examples_of(out) for span in example["spans"]] == ["ORG", "ORG"]


def test_a_predictions_score_text_is_read_too_and_only_load_task_reads_it() -> None:
    (raw,) = json.loads((PROBE / "prediction_score_string.json").read_text(encoding="utf-8"))
    assert TaskDecoder().task(json.dumps(raw)) is None
    loaded = load_task(raw, "$[0]")
    assert loaded.predictions[0].regions[0].score == 0.9
    assert loaded.repairs == [(SCORE_TEXT_REPAIR, "predictions[0].result[0].score: '0.9'")]


# A source or anota_id that is not a string was written as Python's str(): "{'url': 'a'}".
@pytest.mark.parametrize("name,key,written", [
    ("meta_source_an_object.json", "source", ['{"url":"a"}', '{"url":"a"}', '{"url":"b"}']),
    ("meta_source_a_number.json", "source", ["7", "7", "8"]),
    ("meta_anota_id_an_object.json", "anota_id", ['{"n":1}', "5", "ff82b42ead71ea5f"]),
])
def test_a_source_or_id_that_is_not_a_string_is_written_as_its_json_text(
        tmp_path: Path, name: str, key: str, written: list[str]) -> None:
    out = exported(tmp_path, name, "jsonl", "--split", "80/10/10")
    examples = sorted(examples_of(out), key=lambda example: example["meta"]["task_id"])
    assert [example["meta"][key] for example in examples] == written
    assert report_of(out)["format_notes"] == {NOT_A_STRING_ID: 2 if key == "anota_id" else 3}
    if key == "source":  # one document: one split
        assert examples[0]["meta"]["split"] == examples[1]["meta"]["split"]


def test_an_empty_source_is_no_document(tmp_path: Path) -> None:
    out = exported(tmp_path, "meta_source_empty.json", "jsonl", "--split", "80/10/10")
    assert len({example["meta"]["split"] for example in examples_of(out)}) > 1


# "Meta " and "Meta" (a drag that took the space) were two answers of one vote each: both outvoted.
@pytest.mark.parametrize("fmt", ["jsonl", "conll", "spacy"])
def test_majority_votes_on_spans_without_their_edge_whitespace(tmp_path: Path, fmt: str) -> None:
    out = exported(tmp_path, "majority_trailing_space.json", fmt, "--policy", "majority")
    assert "spans without a majority of annotators" not in report_of(out)["left_out"]
    if fmt == "jsonl":
        (example,) = examples_of(out)
        assert example["spans"] == [{"start": 2, "end": 6, "label": "ORG", "text": "Meta"}]


# Two annotators' agreement counted them as two spans too (F1 0.0), the majority now as one answer. Among
# three or more, the agreement still compares spans as drawn (looking costs every such task), the majority not.
def test_agreement_counts_spans_that_differ_by_an_edge_space_as_one_answer(tmp_path: Path) -> None:
    out = exported(tmp_path, "majority_trailing_space.json")
    assert report_of(out)["agreement"]["spans"] == {"pairs": 1, "f1": 1.0, "per_label": {"ORG": 1.0}}
    path = tmp_path / "three.json"
    write(tmp_path, {"three.json": dumped([with_annotations(*(
        annotation(number, number, 5 + number, [span(start, end)])
        for number, (start, end) in enumerate(((1, 6), (2, 6), (2, 7)), start=1)))])})
    out = tmp_path / "three"
    assert run_cli(path, "jsonl", out, "--quiet", "--policy", "majority").exit_code == 0
    assert [span["text"] for example in examples_of(out) for span in example["spans"]] == ["Meta"]
    assert "spans without a majority of annotators" not in report_of(out)["left_out"]


@pytest.mark.parametrize("policy,labels,annotation_ids,examples", [
    ("latest", ["ORG", "PER"], [3], 1),
    ("ground-truth", ["ORG", "ORG"], [1], 1),
    ("majority", ["ORG"], [1, 2, 3], 1),
    ("all", ["ORG", "ORG", "ORG", "ORG", "PER"], [1, 2, 3], 3),
])
def test_each_policy_counts_the_annotations_it_says(tmp_path: Path, policy: str, labels: list[str],
                                                    annotation_ids: list[int], examples: int) -> None:
    out = exported(tmp_path, f"three_annotators_{policy.replace('-', '_')}.json", "jsonl", "--policy", policy)
    written = examples_of(out)
    assert len(written) == examples
    assert [span["label"] for example in written for span in example["spans"]] == labels
    assert [i for example in written for i in example["meta"]["annotation_ids"]] == annotation_ids
    assert report_of(out)["details"]["cancelled (skipped) annotations"] == ["task 1, annotation 4"]


def test_deleted_users_are_no_annotator_and_each_annotation_a_vote(tmp_path: Path) -> None:
    out = exported(tmp_path, "deleted_users_majority.json", "jsonl", "--policy", "majority")
    assert report_of(out)["details"]["spans without a majority of annotators"] == [
        "task 1: ORG [35, 39) 'Qwen' (1 of 3 annotators)"]
    out = exported(tmp_path / "all", "deleted_users_all.json", "jsonl", "--policy", "all")
    assert [example["meta"]["annotators"] for example in examples_of(out)] == [[], []]


def test_an_empty_ground_truth_counts_as_no_spans(tmp_path: Path) -> None:
    out = exported(tmp_path, "ground_truth_empty_result.json", "jsonl", "--policy", "ground-truth")
    (example,) = examples_of(out)
    assert (example["spans"], example["meta"]["annotation_ids"]) == ([], [1])


def test_labels_that_differ_only_in_case_are_noted(tmp_path: Path) -> None:
    out = exported(tmp_path, "labels_differ_in_case.json")
    report = report_of(out)
    assert report["format_notes"] == {CASE_NOTE: 1}
    assert report["details"][CASE_NOTE] == ["'ORG' and 'Org'"]
    assert report["labels"]["train"] == {"ORG": 2, "Org": 2}


def test_anotas_own_outputs_given_as_the_input_are_named(tmp_path: Path) -> None:
    outputs = {}
    for fmt, name in (("jsonl", "report.json"), ("spacy", "train.spacy")):
        assert run_cli(SAMPLE, fmt, tmp_path / fmt, "--quiet").exit_code == 0
        outputs[name] = tmp_path / "inputs" / name
        outputs[name].parent.mkdir(exist_ok=True)
        shutil.copy(tmp_path / fmt / name, outputs[name])
    shutil.rmtree(tmp_path / "jsonl")
    shutil.rmtree(tmp_path / "spacy")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert_stops_cleanly(scratch, outputs["report.json"], "jsonl",
                         "object 0: Anota's report of a dataset it wrote (report.json), not a Label Studio export: "
                         "give the export that dataset was made from")
    assert_stops_cleanly(scratch, outputs["train.spacy"], "jsonl",
                         "not UTF-8 text (zlib-compressed data, as a spaCy DocBin (.spacy) is, not an export: give "
                         "the JSON file Label Studio exported)")


def test_an_error_stays_one_line_when_the_inputs_name_holds_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "start a\nstring\x1b[2J.json"
    shutil.copy(PROBE.parent / "exportprobe27" / "start_a_digit_string.json", path)
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1
    shown = str(path).replace("\n", "\\n").replace("\x1b", "\\x1b")
    assert result.output == (f"Error: {shown}: task 1 at $[0]: annotations[0].result[0].value.start: Not a valid "
                             "integer but a string ('2'); nothing was written\n")


def test_a_source_of_hundreds_of_digits_is_written_as_said(tmp_path: Path) -> None:
    """orjson cannot write the number the reader keeps of such an integer (a HugeInteger): said as errors say it."""
    path = tmp_path / "export.json"
    path.write_text('[{"id": 1, "data": {"text": "A Meta"}, "meta": {"source": %s}, "annotations": [{"id": 1, '
                    '"result": []}]}]' % ("9" * 400), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(path, "jsonl", out, "--quiet").exit_code == 0
    assert [example["meta"]["source"] for example in examples_of(out)] == ['"a number of 400 digits"']
