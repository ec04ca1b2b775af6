"""The twenty-first malformed-input probe of ``anota export``
(fixtures/exports/probe21/, written by its make_probe21.py; README.md there
lists each input with what was expected before the first run): one test for
each fix the probe called for, and its guard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import SpanRegion, load_task
from server.exporting.placing import place_span
from server.exporting.sources import JsonTaskReader
from tests.test_export_probe3 import assert_stops_cleanly, run_cli, spans_of

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe21"
BASE = json.loads((PROBE.parent / "export_JSON.json").read_text(encoding="utf-8"))[0]
BEYOND_64_BITS = "Not a valid integer but a number beyond 64 bits: Label Studio's ids and offsets are 64-bit integers"


def assert_raw_stops_cleanly(tmp_path: Path, raw: str, message: str) -> None:
    """An export of ``raw`` (a file of its own) stops with one line ending in ``message``, writing nothing."""
    path = tmp_path / "export.json"
    path.write_text(raw, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", message)


# Integers of thousands of digits: orjson refuses them (beyond a double), and json's
# int() refused more than 4,300 digits with a ValueError that named no task nor path.

@pytest.mark.parametrize("name,message", [
    ("offset_5000_digits.json", f"task 1 at $[0]: annotations[0].result[0].value.start: {BEYOND_64_BITS}"),
    ("id_5000_digits.jsonl", f"task (a number of 5000 digits) at object 0: id: {BEYOND_64_BITS}"),
])
def test_an_integer_of_thousands_of_digits_is_named_where_it_stands(tmp_path: Path, name: str,
                                                                      message: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, "jsonl", message)


@pytest.mark.parametrize("digits", ["9" * 400, "-" + "9" * 400])
def test_an_offset_beyond_a_double_but_within_int_digits_is_beyond_64_bits_too(tmp_path: Path, digits: str) -> None:
    """json read 400 digits as a Python int, which the schema took for an offset."""
    assert_raw_stops_cleanly(tmp_path, json.dumps([BASE]).replace('"start": 2', f'"start": {digits}', 1),
                             f"task 1 at $[0]: annotations[0].result[0].value.start: {BEYOND_64_BITS}")


def test_a_number_of_thousands_of_digits_in_a_key_the_export_does_not_read_is_no_error(tmp_path: Path) -> None:
    """It stopped the export with Python's ValueError; a NaN there is exported (probe 15's nan_in_unread_key)."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{**BASE, "meta": {"views": 424242}}]).replace("424242", "9" * 5000), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Meta", "Qwen"]


def test_a_float_literal_beyond_a_double_is_still_not_an_integer(tmp_path: Path) -> None:
    """The guard: 1e400 is a float, not an integer (probe 2's overflow_float_offset)."""
    assert_raw_stops_cleanly(tmp_path, json.dumps([BASE]).replace('"start": 2', '"start": 1e400', 1),
                             "task 1 at $[0]: annotations[0].result[0].value.start: Not a valid integer but a "
                             "number (Infinity, or beyond a double's range)")


# Label Studio's annotations or predictions API answer saved in place of the export: the
# annotation's id was called a task's ("task 7 at $[0]: data: Missing data for required field.").

def test_a_list_of_annotations_is_named_as_such_not_as_tasks(tmp_path: Path) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "annotations_api_list.json", "jsonl",
                         "$[0]: an annotation (id 7, of task 1), not a task: Label Studio's annotations without "
                         "their tasks hold no text; export the project as JSON, whose tasks hold their annotations")


def test_a_list_of_predictions_is_named_as_such_not_as_tasks(tmp_path: Path) -> None:
    prediction = {"id": 3, "task": 1, "model_version": "anota-1", "score": 0.5, "result": []}
    assert_raw_stops_cleanly(tmp_path, json.dumps([prediction]),
                             "$[0]: a prediction (id 3, of task 1), not a task: Label Studio's predictions without "
                             "their tasks hold no text; export the project as JSON, whose tasks hold their "
                             "annotations")


def test_a_task_without_data_is_still_a_task_missing_its_data(tmp_path: Path) -> None:
    """The guard: a task (it has annotations) that lacks ``data`` keeps the task's error."""
    made = {key: value for key, value in BASE.items() if key != "data"}
    assert_raw_stops_cleanly(tmp_path, json.dumps([made]),
                             "task 1 at $[0]: data: Missing data for required field")


# A compact export on one line (no line break at all): the byte reading read on up to 16 MB
# for the line end that would close the first task, and held it (a 50 MB file peaked 59 MB
# above a 5 MB one).

def one_line_export(path: Path, tasks: int, text: str = BASE["data"]["text"]) -> Path:
    path.write_text(json.dumps([{**BASE, "id": n, "data": {"text": text}} for n in range(1, tasks + 1)],
                               separators=(",", ":")), encoding="utf-8")
    return path


def test_a_one_line_export_is_read_a_task_at_a_time_not_whole(tmp_path: Path) -> None:
    read: list[int] = []
    path = one_line_export(tmp_path / "export.json", 3_000)  # 4 MB
    tasks = iter(JsonTaskReader(path, read.append))
    assert next(tasks)[0] == "$[0]"
    assert sum(read) < 256 * 1024, f"{sum(read):,} bytes read for the first task of {path.stat().st_size:,}"
    assert sum(1 for _ in tasks) == 2_999


def test_a_long_task_on_its_own_line_is_still_read_on_for_as_bytes(tmp_path: Path) -> None:
    """The guard: one task per line, the first 2 MB long: the byte reading reads on to its line's end."""
    path = tmp_path / "export.json"
    long_task = {**BASE, "data": {"text": BASE["data"]["text"] + " x" * 1_000_000}}
    path.write_text("[\n" + json.dumps(long_task) + ",\n" + json.dumps({**BASE, "id": 2}) + "\n]", encoding="utf-8")
    reader = JsonTaskReader(path)
    tasks = iter(reader)
    assert next(tasks)[0] == "$[0]" and reader._text is None  # the text reading has not taken over
    assert [location for location, _task in tasks] == ["$[1]"]


# A region whose quote is empty ("text": ""): the empty quote pins nothing, and the span
# that fits its offsets was left out as one that does not fit the text.

def quoted_region(start: int, end: int, quote: str | None) -> SpanRegion:
    value = {"start": start, "end": end, "labels": ["ORG"], **({} if quote is None else {"text": quote})}
    region = {"from_name": "label", "to_name": "text", "type": "labels", "value": value}
    task = load_task({**BASE, "annotations": [{**BASE["annotations"][0], "result": [region]}]}, "$[0]")
    return task.annotations[0].regions[0]


def test_an_empty_quote_is_no_quote_the_offsets_hold() -> None:
    text = BASE["data"]["text"]
    # (bounds, what was repaired, how): nothing repaired.
    assert place_span(text, quoted_region(2, 6, "")) == place_span(text, quoted_region(2, 6, None)) == (
        (2, 6), None, None)


def test_a_quote_of_spaces_still_disagrees_with_a_word() -> None:
    """The guard: a quote that is there but says something else still stops the span."""
    assert place_span(BASE["data"]["text"], quoted_region(2, 6, " "))[0] is None


# With the project's labeling config, a span on an object the config does not have (to_name
# 'body') was judged from its quote and exported on the text without a word.

CONFIG = PROBE.parent / "label_config.xml"
NOT_IN_CONFIG = "spans on object 'body', which the labeling config does not have: only the main text ($text) is exported"


def exported(tmp_path: Path, name: str, *extra: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The spans of the jsonl export of ``name`` and its report."""
    out = tmp_path / "out"
    result = run_cli(PROBE / name, "jsonl", out, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return spans_of(out), json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_a_span_on_an_object_the_config_lacks_is_left_out_and_reported(tmp_path: Path) -> None:
    spans, report = exported(tmp_path, "to_name_unknown_object.json", "--label-config", str(CONFIG))
    assert [span["text"] for span in spans] == ["Meta"]
    assert report["left_out"] == {NOT_IN_CONFIG: 1}


def test_without_a_config_the_object_is_judged_from_its_quote_as_before(tmp_path: Path) -> None:
    """The guard: without a config nothing says 'body' is not the text; its quote says it is."""
    spans, report = exported(tmp_path, "to_name_unknown_object.json")
    assert [span["text"] for span in spans] == ["Meta", "Qwen"] and report.get("left_out", {}) == {}


# Two choices of one Choices control: kept under "choices", "sentiment" null, without a word,
# even where the config says choice="single".

SEVERAL_ON_SINGLE = "several choices on a single-choice control (all exported under choices)"
SEVERAL_SENTIMENTS = "sentiments of several values (sentiment empty; all under choices)"


def test_several_choices_on_a_single_choice_control_are_noted(tmp_path: Path) -> None:
    _spans, report = exported(tmp_path, "choices_two_on_single_control.json", "--label-config", str(CONFIG))
    assert report["format_notes"] == {SEVERAL_ON_SINGLE: 1}


def test_without_a_config_a_sentiment_of_several_values_is_noted(tmp_path: Path) -> None:
    _spans, report = exported(tmp_path, "choices_two_on_single_control.json")
    assert report["format_notes"] == {SEVERAL_SENTIMENTS: 1}


def test_several_choices_of_a_multiple_choice_control_are_not_noted(tmp_path: Path) -> None:
    """The guard: a config that allows several (choice="multiple"), on a control that is not the sentiment."""
    config = tmp_path / "config.xml"
    config.write_text(CONFIG.read_text(encoding="utf-8").replace(
        'name="sentiment" toName="text" choice="single"', 'name="topics" toName="text" choice="multiple"'),
        encoding="utf-8")
    made = json.loads((PROBE / "choices_two_on_single_control.json").read_text(encoding="utf-8"))
    made[0]["annotations"][0]["result"][2]["from_name"] = "topics"
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "export.json"
    path.write_text(json.dumps(made), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet", "--label-config", str(config))
    assert result.exit_code == 0, result.output
    assert not json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["format_notes"]
