"""The fifteenth malformed-input probe of ``anota export``: inputs the earlier
probes lack (fixtures/exports/probe15/, written by its make_probe15.py;
README.md there lists each with what was expected before the first run), each
giving a clear one-line error and nothing written, or a complete output whose
report says what was repaired or left out; and the fixes the probe called for."""

from __future__ import annotations

import copy
import json
import os
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from plugins.exporters import CHOICES_NOT_IN_CONLL
from server.cli import cli
from schemas.label_studio_export import NULL_FLAG_REPAIR
from server.exporting.converting import LINK_AS_TEXT, PARAGRAPHS_WITHOUT_CONFIG, REPEATED_ANNOTATIONS, UNREAD_TIMES
from server.exporting.sources import JsonTaskReader
from tests.test_export_probe3 import assert_every_input_expected, assert_stops_cleanly, run_cli

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe15"
FORMATS = ["jsonl", "conll", "spacy", "csv"]
NOT_A_TASK = "(truncated or not an export?)"

# The error each input stops with (after the file's name).
ERRORS = {
    "annotations_list_of_lists.json": "task 1 at $[0]: annotations[0]: Not a valid mapping type but a list",
    "cp1252_smart_quotes.json": "not UTF-8 text (invalid start byte at byte 950, line 1: byte 0x93 is '“' in "
                                "Windows-1252 or Latin-1, as a spreadsheet or an editor may have saved the file; "
                                "save it as UTF-8)",
    "data_empty.json": "task 1 at $[0]: data: no string value to export as the text (pass --text-key or "
                       "--label-config)",
    "data_null.json": "task 1 at $[0]: data: Not a valid mapping type but null",
    "double_comma.json": f"line 1, column 1392: expected a task object at $[1], found ',' {NOT_A_TASK}",
    "empty_object.json": "object 0: an object with keys [], not a task: a Label Studio JSON export is a list of task "
                         "objects",
    "export_bz2.json": "not UTF-8 text (a bzip2 file: decompress it first)",
    "export_xz.json": "not UTF-8 text (an xz file: decompress it first)",
    "json_lines_null_line.jsonl": "line 2, column 1: expected a task object after task object 0, found 'null'",
    "json_lines_repeated_id.jsonl": "task id 1 appears twice, at object 0 and object 2",
    "label_combining_mark_only.json": "task 1 at $[0]: annotations[0].result[0].value.labels[0]: no visible "
                                      "character ('\u0301'): a label needs a visible character",
    "leading_comma.json": f"line 1, column 2: expected a task object at $[0], found ',' {NOT_A_TASK}",
    "list_of_numbers.json": f"line 1, column 2: expected a task object at $[0], found '1' {NOT_A_TASK}",
    "quote_a_number.json": "task 1 at $[0]: annotations[0].result[0].value.text: Not a valid string but a number (5)",
    "repeated_annotation_id_differs.json": "task 1 at $[0]: annotations[1].id: annotation id 101 is also "
                                           "annotations[0]'s, which differs: two annotations under one id (files "
                                           "merged?), which one counts cannot be told",
    "score_1e400.json": "task 1 at $[0]: predictions[0].result[0].score: Not a finite number but a number "
                        "(Infinity, or beyond a double's range)",
    "top_number.json": "line 1, column 1: expected a JSON list of tasks, found '42'",
    "top_string.json": "line 1, column 1: expected a JSON list of tasks, found '\"A Meta está\"'",
    "top_true.json": "line 1, column 1: expected a JSON list of tasks, found 'true'",
    "utf16le_bom_lines.jsonl": "not UTF-8 text (UTF-16 text (byte-order mark FF FE): save it as UTF-8)",
    "value_a_list.json": "task 1 at $[0]: annotations[0].result[0].value: Not a valid mapping type but a list",
}
# What the report of each complete output counts (left_out, repaired, format_notes), and its spans in JSONL.
REPORTED: dict[str, tuple[dict[str, dict[str, int]], int]] = {
    "bare_url_text.json": ({"format_notes": {LINK_AS_TEXT: 1}}, 1),
    "export_zip.json": ({}, 2),  # a zip of one JSON export: read since exportprobe38
    "combining_emoji_crlf_code_points.json": ({}, 3),
    "jq_pretty_objects.json": ({}, 6),
    "label_iob_prefixed.json": ({}, 2),
    "minus_zero_start.json": ({}, 2),
    "nan_in_unread_key.json": ({"repaired": {NULL_FLAG_REPAIR: 1}}, 2),  # its was_cancelled is null (probe 30)
    "origin_prediction_region_id_object.json": ({}, 2),
    "paragraphlabels_region.json": ({"left_out": {PARAGRAPHS_WITHOUT_CONFIG: 1}}, 2),
    "repeated_annotation_verbatim.json": ({"repaired": {REPEATED_ANNOTATIONS: 1}}, 2),
    "separator_controls.json": ({}, 3),
    "updated_at_unparseable_mixed.json": ({"repaired": {UNREAD_TIMES: 1}}, 2),  # said since probe 30
}
# The format's own notes on top of REPORTED, where the format writes tokens.
FORMAT_NOTES = {("bare_url_text.json", "conll"): {"spans widened to whole tokens": 1},
                ("bare_url_text.json", "spacy"): {"spans widened to whole tokens": 1},
                ("label_iob_prefixed.json", "conll"): {
                    "labels that start like an IOB tag (B-, I-...) written behind the tag's prefix in CoNLL": 1,
                    CHOICES_NOT_IN_CONLL: 1},
                # Their sentiment, which CoNLL has no column for, is noted (exporters 0.2.7, exportprobe41).
                **{(name, "conll"): {CHOICES_NOT_IN_CONLL: 3 if name == "jq_pretty_objects.json" else 1} for name in (
                    "export_zip.json", "jq_pretty_objects.json", "minus_zero_start.json", "nan_in_unread_key.json",
                    "origin_prediction_region_id_object.json", "paragraphlabels_region.json",
                    "repeated_annotation_verbatim.json", "updated_at_unparseable_mixed.json")}}


def format_of(name: str) -> str:
    """The format an input runs in: all four over the probe, the same for an input on every run."""
    return FORMATS[zlib.crc32(name.encode()) % len(FORMATS)]


def test_every_input_of_the_probe_is_expected() -> None:
    assert_every_input_expected(PROBE, ERRORS, REPORTED)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_malformed_inputs_stop_with_one_clear_line_and_write_nothing(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, format_of(name), ERRORS[name], "--language", "pt")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(REPORTED))
def test_what_the_probe_repairs_or_leaves_out_is_reported(tmp_path: Path, name: str, fmt: str) -> None:
    out = tmp_path / "dataset"
    result = run_cli(PROBE / name, fmt, out, "--quiet", "--language", "pt", "--split", "80/10/10")
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    expected = copy.deepcopy(REPORTED[name][0])
    if notes := FORMAT_NOTES.get((name, fmt)):
        expected["format_notes"] = {**expected.get("format_notes", {}), **notes}
    assert {kind: report[kind] for kind in ("left_out", "repaired", "format_notes") if report[kind]} == expected
    assert sorted(path.name for path in out.iterdir()) == sorted([*report["files"], "report.json", "README.md"])


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_the_spans_the_probe_expects_are_exported_where_their_quotes_are(tmp_path: Path, name: str) -> None:
    result = run_cli(PROBE / name, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    examples = [json.loads(line) for path in sorted((tmp_path / "out").glob("*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(len(example["spans"]) for example in examples) == REPORTED[name][1]
    assert all(example["text"][span["start"]:span["end"]] == span["text"]
               for example in examples for span in example["spans"])


# -------------------------------------------------------------------------
# What the probe found, one test each (each fails before its fix)
# -------------------------------------------------------------------------


def test_a_task_listed_twice_under_one_id_is_one_vote(tmp_path: Path) -> None:
    """Annotator 1's 'Meta' ORG, listed twice, outvoted annotator 2's PER 2 to 1
    under majority, silently; it is one of two annotators, so no majority."""
    result = run_cli(PROBE / "repeated_annotation_verbatim.json", "jsonl", tmp_path / "out", "--quiet",
                     "--policy", "majority")
    assert result.exit_code == 0, result.output
    example = json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))
    assert [span["text"] for span in example["spans"]] == ["Qwen"]
    assert example["meta"]["annotation_ids"] == [101, 202]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["details"][REPEATED_ANNOTATIONS] == ["task 1, annotation 101: annotations[1] as annotations[0]"]
    assert report["left_out"] == {"spans without a majority of annotators": 2}


def test_a_repeated_annotation_is_one_example_under_all(tmp_path: Path) -> None:
    result = run_cli(PROBE / "repeated_annotation_verbatim.json", "csv", tmp_path / "out", "--quiet",
                     "--policy", "all")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["examples"] == {"train": 2}


@pytest.mark.parametrize("content,found", [
    (b"[null]", "expected a task object at $[0], found 'null'"),
    (b'[{"id": 1, "data": {"text": "a"}}, true]', "expected a task object at $[1], found 'true'"),
    (b'[{"id": 1, "data": {"text": "a"}}, -1.5e3]', "expected a task object at $[1], found '-1.5e3'"),
    (b'["id", 1]', "expected a task object at $[0], found '\"id\"'"),
    (b'{"id": 1, "data": {"text": "a"}}\n42\n', "expected a task object after task object 0, found '42'"),
    (b'{"id": 1, "data": {"text": "a"}}\nEOF\n', "expected a task object after task object 0, found 'EOF'"),
])
def test_a_value_where_a_task_should_be_is_shown_whole(tmp_path: Path, content: bytes, found: str) -> None:
    """It was shown by its first character: found 'n', found 't', found '-'."""
    path = tmp_path / "export.json"
    path.write_bytes(content)
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and found in result.output, result.output


def test_a_text_key_written_as_in_the_config_is_hinted(tmp_path: Path) -> None:
    result = run_cli(PROBE / "jq_pretty_objects.json", "jsonl", tmp_path / "out", "--text-key", "$text")
    assert result.exit_code == 1
    assert ("task 1 at object 0: data.$text: Missing: the text to export (--text-key takes the data key without "
            "'$': --text-key text); nothing was written") in result.output


def test_a_link_labelled_on_itself_is_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It was fetched (here from the internet) and the task left out when that failed."""
    monkeypatch.setattr("server.exporting.converting.TaskConverter.linked_text",
                        lambda *_args: pytest.fail("fetched"))
    result = run_cli(PROBE / "bare_url_text.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    example = json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))
    assert (example["text"], example["spans"][0]["text"]) == ("https://example.com/meta", "example.com")


def test_a_link_whose_spans_do_not_quote_it_is_still_fetched(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    task = json.loads((PROBE / "bare_url_text.json").read_text(encoding="utf-8"))
    task[0]["annotations"][0]["result"][0]["value"].update(start=0, end=4, text="Meta")
    (tmp_path / "export.json").write_text(json.dumps(task), encoding="utf-8")
    monkeypatch.setattr("server.exporting.converting.TaskConverter.linked_text", lambda *_args: "Meta disse.")
    result = run_cli(tmp_path / "export.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))["text"] == "Meta disse."


@pytest.mark.parametrize("kind", ["name too long", "symbolic link loop"])
@pytest.mark.parametrize("which", ["INPUT", "--out"])
def test_paths_the_system_refuses_are_one_line(tmp_path: Path, kind: str, which: str) -> None:
    """Each was a traceback (OSError: File name too long; RuntimeError: Symlink loop)."""
    if kind == "name too long":
        path = tmp_path / ("x" * 300)
        shown = "File name too long"
    else:
        os.symlink(tmp_path / "loop2", tmp_path / "loop1")
        os.symlink(tmp_path / "loop1", tmp_path / "loop2")
        path = tmp_path / "loop1"
        shown = "Too many levels of symbolic links" if which == "INPUT" else "Not a directory"
    given = (path, tmp_path / "out") if which == "INPUT" else (PROBE / "jq_pretty_objects.json", path)
    result = CliRunner().invoke(cli, ["export", str(given[0]), "--format", "jsonl", "--out", str(given[1])])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # not an exception's traceback
    assert result.output.startswith("Error: ") and shown in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"loop1", "loop2"} if kind != "name too long" else [])


def test_a_long_task_is_read_in_few_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A task longer than the byte reading's guess was read chunk by chunk,
    each chunk copying the buffer and parsing the task again from its start:
    a 50 MB text took 317 s (8.9 s now). Reads now double what is held."""
    monkeypatch.setattr(JsonTaskReader, "CHUNK", 1024)
    monkeypatch.setattr(JsonTaskReader, "LONGEST_GUESSED", 4096)
    text = "A Meta disse.\r\n 👍🏽 " * 20_000
    for content in ([{"id": 1, "data": {"text": text}}], [{"id": 1, "data": {"text": text}, "x": float("nan")}]):
        path = tmp_path / "export.json"
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        reads = []
        tasks = list(JsonTaskReader(path, reads.append))
        assert len(tasks) == 1 and len(reads) < 20, len(reads)
