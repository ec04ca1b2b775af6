"""The twenty-first malformed-input probe of ``anota export``
(fixtures/exports/probe21/, written by its make_probe21.py; README.md there
lists each input with what was expected before the first run): one test for
each fix the probe called for, and its guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_export_probe3 import assert_stops_cleanly

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe21"
BASE = json.loads((PROBE.parent / "export_JSON.json").read_text(encoding="utf-8"))[0]
BEYOND_64_BITS = "Not a valid integer but a number beyond 64 bits: Label Studio's ids and offsets are 64-bit integers."


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


def test_a_float_literal_beyond_a_double_is_still_not_an_integer(tmp_path: Path) -> None:
    """The guard: 1e400 is a float, not an integer (probe 2's overflow_float_offset)."""
    assert_raw_stops_cleanly(tmp_path, json.dumps([BASE]).replace('"start": 2', '"start": 1e400', 1),
                             "task 1 at $[0]: annotations[0].result[0].value.start: Not a valid integer.")


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
                             "task 1 at $[0]: data: Missing data for required field.")
