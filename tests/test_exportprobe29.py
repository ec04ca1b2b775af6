"""The export probe ``exportprobe29`` (fixtures/exportprobe29/: its inputs,
written by make_exportprobe29.py; README.md there lists what was expected of
each before the first run and the decisions taken, and run_exportprobe29.py
runs them all as subprocesses in the four formats): exports edited by hand or
by a script. Under majority, a note on a span drawn with an edge space counts
for the span kept; an error quoting a path with a line break is one line; a
NaN or an infinity in a document's source or id is an error; a guessed text
key is noted, a missing one names the keys the data holds; an empty label or
list says so."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from server.cli import cli, one_line
from server.exporting.converting import TEXT_KEY_GUESSED
from tests.test_export_probe3 import assert_stops_cleanly, run_cli

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe29"
sys.path.insert(0, str(PROBE))
from make_exportprobe29 import (  # noqa: E402
    NOT_KEPT,
    TEXT,
    annotation,
    dumped,
    noted,
    span,
    studied,
    task,
    with_annotations,
)

FORMATS = ("jsonl", "conll", "spacy", "csv")


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = {name: content for name, content in studied().items() if name not in NOT_KEPT}
    assert sorted(made) == sorted(path.name for path in PROBE.iterdir() if path.suffix == ".json")
    for name, content in made.items():
        assert (PROBE / name).read_bytes() == content, name


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def examples_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def exported(path: Path, out: Path, fmt: str = "jsonl", *extra: str) -> Path:
    result = run_cli(path, fmt, out, "--quiet", "--language", "pt", *extra)
    assert result.exit_code == 0, result.output
    return out


def written(tmp_path: Path, tasks: list[dict[str, Any]], name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_bytes(dumped(tasks))
    return path


# -------------------------------------------------------------------------
# majority: the notes of every annotator whose span voted for the one kept
# -------------------------------------------------------------------------

def test_majority_keeps_the_note_on_a_span_drawn_with_an_edge_space(tmp_path: Path) -> None:
    """'Meta ' (annotator 1), 'Meta' (2) and 'Meta' (3) are one answer: the
    note on 'Meta ' went with it before only when its region matched exactly."""
    out = exported(PROBE / "majority_note_on_trimmed_span.json", tmp_path / "out", "jsonl", "--policy", "majority")
    [example] = examples_of(out)
    assert [(s["text"], s.get("notes")) for s in example["spans"]] == [("Meta", ["with the space", "without"])]


def test_majority_leaves_out_the_notes_of_an_outvoted_span_and_keeps_a_later_voters(tmp_path: Path) -> None:
    """Annotator 1 drew 'Qwen' alone (outvoted, its note goes with it); the note of
    annotator 3, who drew ' Meta' with a leading space, joins the kept 'Meta'."""
    tasks = [with_annotations(
        annotation(1, 1, 6, [span(2, 6), noted(span(35, 39), "alone")]),
        annotation(2, 2, 7, [span(2, 6)]),
        annotation(3, 3, 8, [noted(span(1, 6), "leading space")]))]
    out = exported(written(tmp_path, tasks), tmp_path / "out", "jsonl", "--policy", "majority")
    [example] = examples_of(out)
    assert [(s["text"], s.get("notes")) for s in example["spans"]] == [("Meta", ["leading space"])]
    assert report_of(out)["left_out"] == {"spans without a majority of annotators": 1}


# -------------------------------------------------------------------------
# errors quoting a path with a line break: one line
# -------------------------------------------------------------------------

def test_one_line_escapes_what_a_terminal_acts_on() -> None:
    assert one_line("--out a\nb holds a\tc\x1b[2J") == "--out a\\nb holds a\\tc\\x1b[2J"
    assert one_line("plain: é 👩") == "plain: é 👩"


@pytest.mark.parametrize("case,escaped", [("--out holds INPUT", "in\\nput/a\\nb.json, which replacing it"),
                                          ("--out inside INPUT", "o\\nut is inside INPUT"),
                                          ("unknown --format", "'js\\nonl' is not a known format")])
def test_a_usage_error_quoting_a_path_with_a_line_break_is_one_line(tmp_path: Path, case: str, escaped: str) -> None:
    folder = tmp_path / "in\nput"
    folder.mkdir()
    path = folder / "a\nb.json"
    path.write_bytes((PROBE / "json_lines.json").read_bytes())
    arguments = {"--out holds INPUT": [str(path), "--format", "jsonl", "--out", str(folder)],
                 "--out inside INPUT": [str(folder), "--format", "jsonl", "--out", str(folder / "o\nut")],
                 "unknown --format": [str(path), "--format", "js\nonl", "--out", str(tmp_path / "out")]}[case]
    result = CliRunner().invoke(cli, ["export", *arguments])
    assert result.exit_code == 2
    error = result.output.split("Error: ", 1)[1]
    assert error.count("\n") == 1 and error.endswith("\n") and escaped in error, result.output
    assert [path.name for path in tmp_path.iterdir()] == ["in\nput"]
    assert [path.name for path in folder.iterdir()] == ["a\nb.json"]


# -------------------------------------------------------------------------
# NaN and infinities in a document's source or id
# -------------------------------------------------------------------------

SOURCE_NAN = ("task 1 at $[0]: meta.source: Not a finite number but a number (NaN): give the document's source as a "
              "string, or leave it out")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_nan_source_is_an_error_not_written_null(tmp_path: Path, fmt: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "meta_source_nan.json", fmt, SOURCE_NAN, "--split", "80/10/10")


@pytest.mark.parametrize("where,literal,said", [
    (("meta", "source"), '{"url": "a", "page": Infinity}',
     "meta.source.page: Not a finite number but a number (Infinity, or beyond a double's range)"),
    (("meta", "source"), '["a", -Infinity]',
     "meta.source[1]: Not a finite number but a number (-Infinity, or beyond a double's range)"),
    (("data", "source"), "NaN", "data.source: Not a finite number but a number (NaN)"),
    (("meta", "anota_id"), "NaN", "meta.anota_id: Not a finite number but a number (NaN)"),
    (("data", "anota_id"), "1e400", "data.anota_id: Not a finite number but a number (Infinity, or beyond"),
])
def test_a_non_finite_number_anywhere_in_a_source_or_id_is_named(tmp_path: Path, where: tuple[str, str],
                                                                 literal: str, said: str) -> None:
    made = task()
    made[where[0]][where[1]] = "@"
    path = tmp_path / "export.json"
    path.write_bytes(dumped([made]).replace(b'"@"', literal.encode()))
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and said in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_a_nan_elsewhere_in_task_meta_is_no_output_and_no_error(tmp_path: Path) -> None:
    """Task meta besides source and anota_id is written nowhere."""
    path = tmp_path / "export.json"
    path.write_bytes(dumped([task(meta={"source": "doc-1", "checked": "@"})]).replace(b'"@"', b"NaN"))
    [example] = examples_of(exported(path, tmp_path / "out"))
    assert example["meta"]["source"] == "doc-1"


# -------------------------------------------------------------------------
# the text's data key
# -------------------------------------------------------------------------

def test_a_guessed_text_key_is_noted(tmp_path: Path) -> None:
    out = exported(PROBE / "data_key_content.json", tmp_path / "out")
    assert [example["text"] for example in examples_of(out)] == [TEXT]
    report = report_of(out)
    assert report["format_notes"] == {TEXT_KEY_GUESSED: 1}
    assert report["details"][TEXT_KEY_GUESSED] == ["task 1: data.content"]


def test_a_text_key_given_is_not_noted(tmp_path: Path) -> None:
    out = exported(PROBE / "data_key_content.json", tmp_path / "out", "jsonl", "--text-key", "content")
    assert report_of(out)["format_notes"] == {}


def test_a_missing_text_key_names_the_strings_the_data_holds(tmp_path: Path) -> None:
    config = PROBE.parent / "exports" / "label_config.xml"
    assert_stops_cleanly(tmp_path, PROBE / "data_key_content_config.json", "jsonl",
                         "task 1 at $[0]: data.text: Missing: the text to export (the data holds 'content': give the "
                         "text's key with --text-key)", "--label-config", str(config))


# -------------------------------------------------------------------------
# empty values say so
# -------------------------------------------------------------------------

@pytest.mark.parametrize("name,said", [
    ("label_empty_string.json", "task 1 at $[0]: annotations[0].result[0].value.labels[0]: Not a valid value but an "
                                "empty string ('')"),
    ("choices_empty_list.json", "task 1 at $[0]: annotations[0].result[2].value.choices: Not a valid list of values "
                                "but an empty list: give at least one"),
])
def test_an_empty_label_or_list_says_it_is_empty(tmp_path: Path, name: str, said: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, "jsonl", said)


# -------------------------------------------------------------------------
# --from-db: what a webhook stored, named as the file's errors are
# -------------------------------------------------------------------------

def stored_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any) -> Any:
    """``anota export --from-db`` of one webhook body, ``change``d, stored in a new database."""
    from server.db import Database
    from server.events import store_event
    from tests.test_export import webhook_body

    url = f"sqlite:///{tmp_path / 'anota.db'}"
    database = Database(url)
    database.create_all()
    body = webhook_body()
    change(body)
    store_event(database, body)
    database.dispose()
    monkeypatch.setenv("ANOTA_DATABASE_URL", url)
    return CliRunner().invoke(cli, ["export", "--from-db", "--format", "jsonl", "--out", str(tmp_path / "out")])


def test_from_db_a_stored_string_offset_is_named_with_its_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    """Expected before the run: an error naming the database task, value.start and the string found."""
    def string_start(body: dict[str, Any]) -> None:
        body["annotation"]["result"][0]["value"]["start"] = "2"
    result = stored_export(tmp_path, monkeypatch, string_start)
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert "database task" in result.output
    assert "result[0].value.start: Not a valid integer but a string ('2')" in result.output
    assert not (tmp_path / "out").exists()


def test_from_db_a_nan_source_a_webhook_sent_is_named_not_written_null(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Expected before the run: Python's json (Flask's) reads NaN from a webhook; the export names meta.source."""
    def nan_source(body: dict[str, Any]) -> None:
        body["task"]["meta"] = {"source": float("nan")}
    result = stored_export(tmp_path, monkeypatch, nan_source)
    assert result.exit_code == 1, result.output
    assert "meta.source: Not a finite number but a number (NaN)" in result.output
    assert not (tmp_path / "out").exists()
