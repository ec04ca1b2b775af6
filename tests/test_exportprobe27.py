"""The export probe ``exportprobe27`` (fixtures/exportprobe27/: its inputs,
written by make_exportprobe27.py; README.md there lists what was expected of
each before the first run and the decisions taken, and run_exportprobe27.py
runs them all as subprocesses in the four formats): type errors that say
what they found, spans without a ``to_name``, stray choices on a span, and
folders of target-storage files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import TaskDecoder, _fast_task, described, integer_literal, load_task
from server.exporting import sources
from server.exporting.converting import WITHOUT_OBJECT_AMONG_TEXTS, WITHOUT_OBJECT_PLACED, WITHOUT_OBJECT_QUOTED
from tests.test_export_probe3 import assert_stops_cleanly, run_cli

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe27"
sys.path.insert(0, str(PROBE))
from make_exportprobe27 import TWO_TEXTS_CONFIG, legacy_folder, span, studied, task, write  # noqa: E402

FORMATS = ("jsonl", "conll", "spacy", "csv")
LONG = "Uma anotação escrita como texto longo "


def test_the_committed_inputs_are_what_the_maker_writes(tmp_path: Path) -> None:
    write(tmp_path, studied())
    for name in studied():
        made, kept = tmp_path / name, PROBE / name
        pairs = [(made / f.name, f) for f in kept.iterdir()] if kept.is_dir() else [(made, kept)]
        assert all(a.read_bytes() == b.read_bytes() for a, b in pairs), name


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def labels_written(out: Path) -> list[str]:
    return [span["label"] for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() for span in json.loads(line)["spans"]]


# marshmallow's type errors said what was expected, never what the file held ("annotations[0]: Not a valid
# mapping type."): each now says what it found, a string or number itself (cut when long).
FOUND = {
    "annotations_list_of_lists.json": "annotations[0]: Not a valid mapping type but a list",
    "result_item_a_string.json": "annotations[0].result[0]: Not a valid mapping type but a string ('Meta')",
    "data_a_list.json": "data: Not a valid mapping type but a list",
    "start_a_digit_string.json": "annotations[0].result[0].value.start: Not a valid integer but a string ('2')",
    "start_a_float.json": "annotations[0].result[0].value.start: Not a valid integer but a number (2.0)",
    "end_a_boolean.json": "annotations[0].result[0].value.end: Not a valid integer but a boolean (true)",
    "labels_a_string.json": "annotations[0].result[0].value.labels: Not a valid list but a string ('ORG')",
    "labels_item_a_number.json": "annotations[0].result[0].value.labels[0]: Not a valid string but a number (3)",
    "from_name_a_list.json": "annotations[0].result[0].from_name: Not a valid string but a list",
    "to_name_an_object.json": "annotations[0].result[0].to_name: Not a valid string but an object",
    "completed_by_a_list.json": "annotations[0].completed_by: Not a user id or a user object but a list",
    "created_at_a_number.json": "annotations[0].created_at: Not a valid string but a number (1764484075)",
    "score_a_word.json": "annotations[0].result[0].score: Not a valid number but a string ('high')",
    "score_a_list.json": "annotations[0].result[0].score: Not a valid number but a list",
    "model_version_a_number.json": "predictions[0].model_version: Not a valid string but a number (3)",
    "was_cancelled_yes.json": "annotations[0].was_cancelled: Not a boolean but a string ('yes'): Label Studio writes "
                              "true or false",
    "annotation_a_long_string.json": f"annotations[0]: Not a valid mapping type but a string ({(LONG * 2)[:40]!r}...)",
    "region_meta_text_a_number.json": "annotations[0].result[0].meta.text: Not a valid list but a number (5)",
    "region_type_a_list.json": "annotations[0].result[0].type: Not a valid string but a list",
    "choice_item_an_object.json": "annotations[0].result[2].value.choices[0]: Not a valid string but an object",
    "taxonomy_path_a_string.json": "annotations[0].result[1].value.taxonomy[0]: Not a valid list but a string "
                                   "('Economia')",
    "prediction_a_word.json": "predictions[0]: Not a prediction object or a prediction id but a string ('m1')",
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_a_type_error_says_what_it_found(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, "jsonl", f"task 1 at $[0]: {FOUND[name]}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_in_every_format(tmp_path: Path, fmt: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "start_a_digit_string.json", fmt,
                         f"task 1 at $[0]: {FOUND['start_a_digit_string.json']}")


def test_the_task_id_a_fraction_and_a_null_region(tmp_path: Path) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "task_id_a_fraction.json", "jsonl",
                         "task 1.5 at $[0]: id: Not a valid integer but a number (1.5)")
    assert_stops_cleanly(tmp_path, PROBE / "region_null.json", "jsonl",
                         "task 1 at $[0]: annotations[0].result[0]: Not a valid mapping type but null")


@pytest.mark.parametrize("value,shown", [
    ("x" * 40, f"a string ({'x' * 40!r})"),
    ("x" * 41, f"a string ({'x' * 40!r}...)"),
    ("a\ud800\nb", "a string ('a\\ud800\\nb')"),  # one line, and printable: escaped
    (False, "a boolean (false)"),
    (None, "null"),
    (float("nan"), "a number (NaN)"),
    (float("-inf"), "a number (-Infinity, or beyond a double's range)"),
    (integer_literal("9" * 400), "a number of 400 digits"),
    ({"a": [1]}, "an object"),
])
def test_what_an_error_says_it_found(value: Any, shown: str) -> None:
    assert described(value) == shown


# A span whose to_name is null or missing was placed on the main text without a word: placed there
# when it is the only text, reported; among several texts, which one it is on cannot be told: left out.
@pytest.mark.parametrize("name", ["to_name_null_one_text.json", "to_name_missing_one_text.json"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_span_without_to_name_on_the_only_text_is_placed_and_reported(tmp_path: Path, name: str, fmt: str) -> None:
    out = tmp_path / "out"
    assert run_cli(PROBE / name, fmt, out, "--quiet", "--language", "pt").exit_code == 0
    assert report_of(out)["repaired"] == {WITHOUT_OBJECT_PLACED: 1}
    assert report_of(out)["details"][WITHOUT_OBJECT_PLACED] == ["task 1, annotation 1, region #0: ORG"]
    if fmt == "jsonl":
        assert labels_written(out) == ["ORG", "ORG"]


# Among several texts (a config's title and text), the span is placed on the main text only when its quote
# pins it there; with --text-key title, "Meta" at [2, 6) quotes no word of the title: left out. Before, it was
# moved onto the title's "Meta" as "the only occurrence of its text". Without --text-key both texts are examples
# (exportprobe42): it is placed on the text's, whose words it quotes, and not said left out of the title's.
@pytest.mark.parametrize("text_key,labels,kind", [
    (["--text-key", "title"], [], "left_out"),
    ([], ["ORG", "ORG"], "repaired"),
    (["--text-key", "text"], ["ORG", "ORG"], "repaired"),
])
def test_a_span_without_to_name_among_several_texts_is_placed_only_where_its_quote_pins_it(
        tmp_path: Path, text_key: list[str], labels: list[str], kind: str) -> None:
    config = tmp_path / "config.xml"
    config.write_text(TWO_TEXTS_CONFIG, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(PROBE / "to_name_null_two_texts.json", "jsonl", out, "--quiet", "--label-config", str(config),
                     *text_key)
    assert result.exit_code == 0, result.output
    report = report_of(out)
    said = {"left_out": WITHOUT_OBJECT_AMONG_TEXTS, "repaired": WITHOUT_OBJECT_QUOTED}[kind]
    assert report[kind][said] == 1
    assert report["details"][said] == ["task 1, annotation 1, region #0: ORG"]
    assert "spans repaired" not in report["repaired"]
    assert labels_written(out) == labels


# Found by the blind set: an empty to_name ("") was judged an object of its own, on the main text, in silence.
def test_an_empty_to_name_is_no_object(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task(result=[{**span(2, 6), "to_name": ""}, span(35, 39)])]), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(path, "jsonl", out, "--quiet").exit_code == 0
    assert report_of(out)["repaired"] == {WITHOUT_OBJECT_PLACED: 1}
    assert labels_written(out) == ["ORG", "ORG"]


def test_a_choice_without_to_name_is_the_tasks(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli(PROBE / "choices_to_name_null.json", "jsonl", out, "--quiet").exit_code == 0
    report = report_of(out)
    assert (report["left_out"], report["repaired"]) == ({}, {})
    assert json.loads((out / "train.jsonl").read_text(encoding="utf-8"))["sentiment"] == "Neutral"


# A labels region carrying choices had them dropped unseen.
STRAY = ("choices inside a labels region (value.choices, beside the span's labels: about that span, not the task), "
         "not exported")


@pytest.mark.parametrize("fmt", FORMATS)
def test_stray_choices_on_a_span_are_reported_left_out(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    assert run_cli(PROBE / "labels_with_stray_choices.json", fmt, out, "--quiet", "--language", "pt").exit_code == 0
    report = report_of(out)
    assert report["left_out"] == {STRAY: 1}
    assert report["details"][STRAY] == ["task 1, annotations[0].result[0].value.choices: Positive"]
    if fmt == "jsonl":
        example = json.loads((out / "train.jsonl").read_text(encoding="utf-8"))
        assert [span["label"] for span in example["spans"]] == ["ORG", "ORG"] and example["sentiment"] == "Neutral"


def test_stray_choices_take_the_schemas_way_and_a_predictions_are_not_said() -> None:
    (raw,) = json.loads((PROBE / "labels_with_stray_choices.json").read_text(encoding="utf-8"))
    assert TaskDecoder().task(json.dumps(raw)) is None and _fast_task(raw) is None
    assert load_task(raw, "$[0]").left_out == [(STRAY, "annotations[0].result[0].value.choices: Positive")]
    (predicted,) = json.loads((PROBE / "prediction_labels_with_stray_choices.json").read_text(encoding="utf-8"))
    loaded = load_task(predicted, "$[0]")
    assert loaded.left_out is None and loaded.predictions[0].regions[0].value.labels == ("ORG",)
    # null is no choice: nothing is lost, and the fast path takes it (the typed decode reads Label Studio's
    # four keys of a span's value only: any other takes the paths that check it)
    raw["annotations"][0]["result"][0]["value"]["choices"] = None
    assert TaskDecoder().task(json.dumps(raw)) is None
    assert _fast_task(raw) == load_task(raw, "$[0]") and load_task(raw, "$[0]").left_out is None
    del raw["annotations"][0]["result"][0]["value"]["choices"]
    assert TaskDecoder().task(json.dumps(raw)) == _fast_task(raw)


# A joined task's error named the file of its task ("object 0 of 1") for an annotation of another file.
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_error_in_a_joined_annotation_names_its_file(tmp_path: Path, fmt: str) -> None:
    folder = PROBE / "legacy_folder_start_a_string"
    result = run_cli(folder, fmt, tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (f"Error: {folder}: task 1 at object 0 of 1 (annotations joined from files: [0] 1, [1] 2): "
                             "annotations[1].result[0].value.start: Not a valid integer but a string ('35'); nothing "
                             "was written\n")


def test_a_legacy_folder_reads_each_file_twice_not_three_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    annotations = [{"task_id": task_id, "result": [span(2, 6)]} for task_id in (1, 2, 1, 3, 2)]
    write(tmp_path, {"legacy/": legacy_folder(annotations)})
    read: list[str] = []
    reader = sources.JsonTaskReader

    def counted(path: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(path.name)
        return reader(path, *args, **kwargs)

    monkeypatch.setattr(sources, "JsonTaskReader", counted)
    out = tmp_path / "out"
    assert run_cli(tmp_path / "legacy", "jsonl", out, "--quiet").exit_code == 0
    assert sorted(read) == sorted(["1", "2", "3", "4", "5"] * 2)
    lines = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [(json.loads(line)["meta"]["task_id"], json.loads(line)["meta"]["annotation_ids"]) for line in lines] == [
        (1, [3]), (2, [5]), (3, [4])]
