"""s51-export (issue 5; bench/HISTORY.md, "## s51-export"): a dataset builder's gaps left open by session 50.
Label Studio 0.x times in milliseconds read (4). Each test says what it gave before the fix (checked by running it
with the fix taken out)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.label_studio_export import COMPLETIONS_READ
from tests.test_export_probe3 import run_cli, spans_of
from tests.test_s48_export import exported

TEXT = "Ada Lovelace trabalhou com Charles Babbage em Londres."
ADA = {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
       "value": {"start": 0, "end": 12, "text": "Ada Lovelace", "labels": ["PER"]}}
BABBAGE = {"id": "b2", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 27, "end": 42, "text": "Charles Babbage", "labels": ["PER"]}}
LONDON = {"id": "l3", "from_name": "label", "to_name": "text", "type": "labels",
          "value": {"start": 46, "end": 53, "text": "Londres", "labels": ["LOC"]}}


def write(tmp_path: Path, tasks: list[dict[str, Any]], name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


# -------------------------------------------------------------------------
# 4. Label Studio 0.x created_at in milliseconds
# -------------------------------------------------------------------------

def test_a_completion_time_in_milliseconds_is_read(tmp_path: Path) -> None:
    """Before: "completions[0].created_at: Not a valid string but a number (1588000000123)" and nothing written."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [{"id": 1, "result": [ADA], "created_at": 1588000000123}]}
    report = exported(write(tmp_path, [old]), tmp_path / "out")
    assert report["details"][COMPLETIONS_READ] == [
        "task 7, completions: 1 read (a created_at or updated_at in milliseconds since 1970)"]
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Ada Lovelace"]


def test_the_latest_completion_is_chosen_across_seconds_and_milliseconds(tmp_path: Path) -> None:
    """A completion in milliseconds (2020-04-27) is earlier than one in seconds (2025-12-06): read as the same
    clock, the one in seconds is the latest (as raw numbers the milliseconds would win)."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [
        {"id": 1, "result": [ADA], "created_at": 1588000000123},
        {"id": 2, "result": [LONDON], "created_at": 1764979200}]}
    exported(write(tmp_path, [old]), tmp_path / "out")
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Londres"]


def test_a_number_no_clock_gives_stays_an_error(tmp_path: Path) -> None:
    """Guard: beyond milliseconds up to the year 5138 (here microseconds), no time is guessed."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [{"id": 1, "result": [ADA], "created_at": 1588000000123456}]}
    result = run_cli(write(tmp_path, [old]), "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and "completions[0].created_at: Not a valid string" in result.output, result.output
