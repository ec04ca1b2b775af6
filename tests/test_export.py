"""``anota export``: round trips on real Label Studio exports, the malformed
corpus, policies, splits, the quality report, and the database source."""

from __future__ import annotations

import codecs
import csv
import gzip
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin

from plugins.exporters import CHOICES_NOT_IN_CONLL, ConllExporter, CsvExporter, JsonlExporter, SpacyExporter
from schemas.dataset import EXAMPLE_SCHEMA
from schemas.label_studio_export import TaskError, load_task
from server.cli import cli
from server.db import Database
from server.events import store_event
from server.exporting.converting import (
    RELATIONS_LEFT_OUT, SAME_ANNOTATOR, WITHOUT_OBJECT_QUOTED, Settings, parse_split, split_of,
)
from server.exporting.examples import Exporter, ExportError
from server.exporting.report import ExportReport
from server.exporting.running import run_export
from server.exporting.sources import database_source, file_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPORTS = FIXTURES / "exports"
MALFORMED = EXPORTS / "malformed"
REAL_EXPORTS = ["snapshot_full.json", "export_JSON.json", "english_export.json"]
EXPORTERS = {e.name: e for e in (JsonlExporter(), ConllExporter(), SpacyExporter(), CsvExporter())}


def export(tmp_path: Path, name: str | Path, fmt: str = "jsonl", **settings: Any) -> tuple[Path, ExportReport]:
    source = name if isinstance(name, Path) else EXPORTS / name
    out = tmp_path / f"out-{fmt}-{settings.get('policy', 'latest')}"
    report = run_export(file_source(source), EXPORTERS[fmt], out, Settings(**settings), force=True)
    return out, report


def expected_labels(name: str, key: str = "text", text_object: str | None = None) -> dict[int, dict[str, Any]]:
    """Labels of the latest non-cancelled annotation per task, read straight
    from the export: the text ``data[key]``, the spans on ``text_object`` (any, when None)."""
    expected = {}
    for task in json.loads((EXPORTS / name).read_text(encoding="utf-8")):
        finished = [a for a in task["annotations"] if not a["was_cancelled"]]
        if not finished:
            continue
        latest = max(finished, key=lambda a: a["updated_at"])
        spans = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in latest["result"]
                 if r["type"] == "labels" and text_object in (None, r["to_name"])}
        choices = {r["from_name"]: r["value"]["choices"][0] for r in latest["result"] if r["type"] == "choices"}
        expected[task["id"]] = {"text": task["data"][key], "spans": spans, "choices": choices}
    return expected


# -------------------------------------------------------------------------
# Round trips: what each file says equals what the export says
# -------------------------------------------------------------------------


def read_jsonl(out: Path) -> dict[int, dict[str, Any]]:
    found = {}
    for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines():
        example = EXAMPLE_SCHEMA.load(json.loads(line))
        spans = {(s["start"], s["end"], s["label"]) for s in example["entities"] + example["claims"]}
        assert all(example["text"][s["start"]:s["end"]] == s["text"] for s in example["entities"])
        found[example["meta"]["task_id"]] = {"text": example["text"], "spans": spans,
                                             "choices": {"sentiment": example["sentiment"]}}
    return found


def read_spacy(out: Path) -> dict[int, dict[str, Any]]:
    found = {}
    for doc in DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("xx").vocab):
        spans = {(s.start_char, s.end_char, s.label_) for s in list(doc.spans["sc"]) + list(doc.spans["claims"])}
        assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} <= spans
        choices = dict(cat.split(":", 1) for cat, value in doc.cats.items() if value == 1.0)
        found[doc.user_data["task_id"]] = {"text": doc.text, "spans": spans, "choices": choices}
    return found


def read_csv(out: Path) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    with (out / "train.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            found.setdefault(int(row["task_id"]), {"text": row["text"], "spans": set(), "choices": {}})
            found[int(row["task_id"])]["choices"][row["control"]] = row["choice"]
    with (out / "train.spans.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            found[int(row["task_id"])]["spans"].add((int(row["start"]), int(row["end"]), row["label"]))
            assert found[int(row["task_id"])]["text"][int(row["start"]):int(row["end"])] == row["span"]
    return found


def read_conll(out: Path) -> list[list[tuple[str, str]]]:
    blocks = (out / "train.conll").read_text(encoding="utf-8").split("\n\n")
    assert blocks[0] == "-DOCSTART- -X- O O"  # the document line, a blank line after it
    blocks[0] = ""
    return [[(line.split(" ")[0], line.split(" ")[-1]) for line in block.splitlines()] for block in blocks if block]


def entities_of(rows: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(label, tokens) of each IOB2 entity; an I- tag must continue its B-."""
    entities: list[tuple[str, list[str]]] = []
    for token, tag in rows:
        if tag.startswith("B-"):
            entities.append((tag[2:], [token]))
        elif tag.startswith("I-"):
            assert entities and entities[-1][0] == tag[2:], f"I- tag without its B-: {token} {tag}"
            entities[-1][1].append(token)
    return entities


@pytest.mark.parametrize("name", REAL_EXPORTS)
@pytest.mark.parametrize("fmt,read", [("jsonl", read_jsonl), ("spacy", read_spacy), ("csv", read_csv)])
def test_labels_read_back_equal_the_export(tmp_path: Path, name: str, fmt: str, read: Callable) -> None:
    out, report = export(tmp_path, name, fmt)
    expected = expected_labels(name)
    assert read(out) == expected
    assert sum(report.examples.values()) == len(expected)
    assert json.loads((out / "report.json").read_text())["format"] == fmt
    assert "# Dataset card" in (out / "README.md").read_text()


@pytest.mark.parametrize("name", REAL_EXPORTS)
def test_conll_entities_read_back_equal_the_export(tmp_path: Path, name: str) -> None:
    out, _report = export(tmp_path, name, "conll")
    expected = expected_labels(name)
    blocks = read_conll(out)
    assert len(blocks) == len(expected)
    for block, labels in zip(blocks, expected.values()):
        text = labels["text"]
        wanted = [(label, text[start:end]) for start, end, label in sorted(labels["spans"])]
        # Tokens joined back with the text's own spacing give the span text.
        found = [(label, _join_in(text, tokens)) for label, tokens in entities_of(block)]
        assert found == wanted


def _join_in(text: str, tokens: list[str]) -> str:
    start = text.index(tokens[0])
    end = start
    for token in tokens:
        end = text.index(token, end) + len(token)
    return text[start:end]


def test_the_plugin_registers_the_four_exporters() -> None:
    from server.exporting.command import load_exporters

    _app, exporters, _failed = load_exporters({"PRELOAD": False})
    names = {exporter.name for plugin, exporter in exporters if plugin == "exporters"}
    assert names == {"jsonl", "conll", "spacy", "csv"}
    assert all(isinstance(exporter, Exporter) for _plugin, exporter in exporters)


# -------------------------------------------------------------------------
# The malformed corpus: a clear error or a reported repair, never a traceback,
# never a partial output
# -------------------------------------------------------------------------

FATAL = {
    "truncated.json": "truncated JSON",
    "invalid_json.json": "invalid JSON in task 1 at $[0], annotations[0]: Expecting property name",
    "empty.json": "the file is empty",
    "not_a_list.json": "object 0: an object with keys ['tasks'], not a task",
    "not_a_task.json": "expected a task object at $[1]",
    "wrong_types.json": "task 2 at $[1]: annotations[0].result[0].value.start: Not a valid integer but a "
                       "string ('2')",
    "label_not_a_list.json": "task 3 at $[0]: annotations[0].result[0].value.labels: Not a valid list but a "
                            "string ('PER')",
    "text_not_a_string.json": "task 4 at $[0]: data.text: Not a string but a number: the text to export",
    "duplicated_ids.json": "task id 1 appears twice, at $[0] and $[2]",
    "empty_label.json": "task 14 at $[1]: annotations[0].result[0].value.labels[0]: Not a valid value but an empty string ('')",
    "region_without_type.json": "task 15 at $[0]: annotations[0].result[0].type: Missing data for required field",
    "nan_score.json": "task 20 at $[0]: annotations[0].result[0].score: Not a finite number but a number (NaN)",
    "id_beyond_64_bits.json": "task (a number beyond 64 bits, about 1.181e+21) at $[0]: id: Not a valid integer but a "
                              "number beyond 64 bits",
    "json_lines_with_commas.json": "expected a task object after task object 0, found ','",
    "utf16_without_bom.json": "not UTF-8 text (UTF-16 or UTF-32 text without a byte-order mark: save it as UTF-8)",
    "utf32.json": "not UTF-8 text (UTF-32 text (byte-order mark FF FE 00 00): save it as UTF-8)",
    "nested_too_deep.json": "line 2, column 1: task 1 at $[0] is nested too deeply to read: drafts.k[0].k... holds",
    "id_an_object.json": "task (an object) at $[0]: id: Not a valid integer but an object",
}
# completions.json (a Label Studio 0.x task) is read since s50-export2: tests/test_s50_export2.py.


def run_cli(*arguments: str) -> Any:
    return CliRunner().invoke(cli, ["export", *arguments], catch_exceptions=False)


@pytest.mark.parametrize("name,message", sorted(FATAL.items()))
@pytest.mark.parametrize("fmt", ["jsonl", "conll", "spacy", "csv"])
def test_malformed_exports_stop_with_a_clear_error_and_write_nothing(
    tmp_path: Path, name: str, message: str, fmt: str
) -> None:
    out = tmp_path / "new" / "dataset"
    result = run_cli(str(MALFORMED / name), "--format", fmt, "--out", str(out))
    assert result.exit_code == 1
    assert message in result.output
    assert "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # no output, no temporary folder, not even the parent it made


# Inputs of the corpus that export, each with the format, settings and what the report says about them.
REPORTED = {
    "start_after_end.json": ("jsonl", {}, {"left_out": {"spans that do not fit the text": 1},
                                           "repaired": {"spans repaired": 1}}),
    # Its task-level taxonomy is exported (tests/test_export_taxonomy.py).
    # Its relation ends at the rectangle's region: no span, left out (s51-export: relations between spans export).
    "other_controls.json": ("jsonl", {}, {"left_out": {**{f"regions of control type {kind!r} (not exported)": 1
                                                          for kind in ("rectanglelabels", "textarea")},
                                                       RELATIONS_LEFT_OUT: 1}}),
    "several_ground_truths.json": ("jsonl", {"policy": "ground-truth"}, {
        "notes": {"tasks with several ground-truth annotations (the latest counted)": 1,
                  SAME_ANNOTATOR: 1}}),  # both by annotator 1
    "whitespace_text.json": ("conll", {"language": "pt"}, {
        "notes": {"examples without a token (no block in CoNLL)": 1, CHOICES_NOT_IN_CONLL: 1}}),
    "language_a_module.json": ("spacy", {}, {
        "notes": {"languages spaCy has no tokenizer for (its multi-language rules used)": 1}}),
}


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_what_the_corpus_repairs_or_leaves_out_is_reported(tmp_path: Path, name: str) -> None:
    fmt, settings, expected = REPORTED[name]
    _out, report = export(tmp_path, MALFORMED / name, fmt, **settings)
    assert {"left_out": report.left_out, "repaired": report.repaired, "notes": report.notes} == {
        "left_out": {}, "repaired": {}, "notes": {}, **expected}


@pytest.mark.parametrize("content,message", [
    (b"\xff\xfe[{}]", "not UTF-8 text"),
    (b'[{"id": 1, "data": {"text": "a\x01b"}}]', "invalid JSON in task 1 at $[0], data.text: Invalid control character"),
    (b'[{"id": 1, "data": {"text": "ab"}} {"id": 2}]', "expected ',' or ']' after task $[0]"),
    (b'[{"id": 1, "data": {"text": "ab"}}] []', "unexpected data after the list of tasks"),
    (b'[[{"id": 1}]]', "expected a task object at $[0], found a list inside the list of tasks (exports pasted "
                      "together? give one list)"),  # was "found '[' (truncated or not an export?)": s45-exportprobe
    (b'[{"id": null, "data": {}}]', "task null at $[0]: id: Not a valid integer but null"),
    (b'[{"text": "A Meta", "id": 1, "label": [], "annotator": 1}]', "looks like a JSON_MIN"),
    (b'{"id": 1, "data": {"text": "ab"}}\n[1]', "expected a task object after task object 0, found '['"),
    # Not an export at all: say what the file is.
    (b" \n\t\r\n ", "the file holds only whitespace"),
    (b"null", "expected a JSON list of tasks, found 'null'"),
    (b"id,text,sentiment\n1,A Meta,Positive\n", "CSV or TSV, not JSON: expected a JSON list of tasks, found "
                                                "'id,text,sentiment'"),
    (b"-DOCSTART- -X- O\nA -X- _ O\n", "CoNLL, not JSON: "),
    (gzip.compress(b"[]", mtime=0), "(gzip): the input holds no task"),  # read as a gzip since exportprobe38
    ("[{}]".encode("utf-16"), "not UTF-8 text (UTF-16 text (byte-order mark FF FE): save it as UTF-8)"),
    (b'{"tasks": [{"id": 1, "data": {"text": "ab"}}]}',
     "object 0: an object with keys ['tasks'], not a task: a Label Studio JSON export is a list of task objects; "
     "the tasks look to be the list under 'tasks': jq '.tasks' gives it; nothing was written"),
    (b'[{"id": 1, "data": {"text": "ab"}},\n]', "line 2, column 1: a comma after the last task $[0] (JSON allows none"),
    # What json can read but no export holds: named, not a traceback blamed on the exporter.
    (b'[{"id": 1, "data": {"x": ' + b"[" * 3000 + b"]" * 3000 + b"}}]", "task 1 at $[0] is nested too deeply to read: data.x[0]... holds"),
    (b'[{"id": 7, "data": {"text": "A Meta"}, "annotations": [{"completed_by": "a\\ud83d"}]}]',
     "task 7 at $[0]: annotations[0].completed_by: a lone surrogate '\\ud83d' at offset 1"),
    (b'[{"id": 1, "data": {"text": "ab"}, "annotations": [{"result": [{"from_name": "l", "type": "labels"}]}]}]',
     "task 1 at $[0]: annotations[0].result[0].value: Missing data for required field"),
    # The text is checked with the task's place, like everything else.
    (b'[{"id": 1, "data": {"text": "a"}}, {"id": 2, "data": {"text": "b"}}, {"id": 3, "data": {"text": null}}]',
     "task 3 at $[2]: data.text: Not a string but null"),
    (b'[{"id": 1, "data": {"doc": "A Meta", "title": "T"}}]',
     "task 1 at $[0]: data: cannot tell which of ['doc', 'title'] is the text (pass --text-key or --label-config)"),
    (b'[{"id": 1, "data": {"n": 3}}]', "task 1 at $[0]: data: no string value to export as the text"),
    # A wrong id is shown cut short, not as 100,000 characters.
    (b'[{"id": "' + b"x" * 100_000 + b'", "data": {"text": "ab"}}]', f"task {'x' * 37}... at $[0]: id: Not a valid"),
])
def test_more_broken_inputs_name_where_and_what(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    result = run_cli(str(path), "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and message in result.output and "nothing was written" in result.output
    assert "exporter failed" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json"]


def test_a_folder_or_a_missing_file_as_input_is_named(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()  # a folder is read as its files (tests/test_export_gaps.py): none here
    result = run_cli(str(tmp_path / "empty"), "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "empty: a folder without files" in result.output
    (tmp_path / "empty").rmdir()
    result = run_cli(str(tmp_path / "nowhere.json"), "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "nowhere.json: no such file" in result.output
    result = run_cli("/dev/null", "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "/dev/null: not a regular file" in result.output
    result = run_cli("-", "--format", "jsonl", "--out", str(tmp_path / "out"))  # standard input, empty here
    assert result.exit_code == 1 and "standard input: line 1, column 1: the file is empty" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content,message", [
    (b"", "config.xml: the file is empty; give the project's labeling config"),
    ("<View/>".encode("utf-16"), "not UTF-8 text (UTF-16 text (byte-order mark FF FE): save it as UTF-8)"),
])
def test_a_labeling_config_that_cannot_be_read_is_named_not_ignored(tmp_path: Path, content: bytes,
                                                                    message: str) -> None:
    config = tmp_path / "config.xml"
    config.write_bytes(content)
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", str(tmp_path / "out"),
                     "--label-config", str(config))
    assert result.exit_code == 1 and message in result.output
    assert [path.name for path in tmp_path.iterdir()] == ["config.xml"]


def test_what_would_be_lost_silently_is_kept_and_reported(tmp_path: Path) -> None:
    """Two regions of one choice control, a choice control with several
    values, the same span twice, a label with a space: every value reaches
    every format, and each repair is counted."""
    text = "A Meta e a Qwen."
    regions = [entity(2, 6, "NEW ORG", text), entity(2, 6, "NEW ORG", text), entity(11, 15, "ORG", text),
               sentiment("Positive"), sentiment("Negative"),
               {"from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["AI", "Law"]}}]
    path = tmp_path / "input.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [
        annotation(1, 1, regions, "2026")]}]), encoding="utf-8")
    out, report = export(tmp_path, path)
    example = json.loads((out / "train.jsonl").read_text(encoding="utf-8"))
    assert example["sentiment"] is None  # not one value: all of them are in choices
    assert example["choices"] == {"sentiment": ["Positive", "Negative"], "topic": ["AI", "Law"]}
    assert [(s["start"], s["label"]) for s in example["spans"]] == [(2, "NEW ORG"), (11, "ORG")]
    assert report.repaired == {"identical spans in one annotation kept once": 1,
                               "choice regions of one control merged": 1}
    assert read_csv(export(tmp_path, path, "csv")[0])[1]["choices"] == {"sentiment": "Positive|Negative",
                                                                         "topic": "AI|Law"}
    conll, report = export(tmp_path, path, "conll", language="pt")
    assert read_conll(conll) == [[("A", "O"), ("Meta", "B-NEW_ORG"), ("e", "O"), ("a", "O"), ("Qwen", "B-ORG"),
                                  (".", "O")]]
    assert report.notes == {"labels with whitespace written with '_' in CoNLL tags": 1, CHOICES_NOT_IN_CONLL: 4}
    spacy_out, report = export(tmp_path, path, "spacy", language="pt")
    (doc,) = DocBin().from_disk(spacy_out / "train.spacy").get_docs(spacy.blank("pt").vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [("Meta", "NEW ORG"), ("Qwen", "ORG")]
    assert {cat for cat, value in doc.cats.items() if value} == {"sentiment:Positive", "sentiment:Negative",
                                                                 "topic:AI", "topic:Law"}


def test_labels_and_controls_the_labeling_config_lacks_are_exported_and_reported(tmp_path: Path) -> None:
    text = "A Meta e a Qwen."
    mood = {"from_name": "mood", "to_name": "text", "type": "choices", "value": {"choices": ["Calm"]}}
    path = tmp_path / "input.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [annotation(1, 1, [
        entity(2, 6, "SPACESHIP", text), entity(11, 15, "ORG", text), sentiment("Meh"), mood], "2026")]}]))
    out = tmp_path / "out"
    result = run_cli(str(path), "--format", "jsonl", "--out", str(out), "--label-config",
                     str(EXPORTS / "label_config.xml"))
    assert result.exit_code == 0, result.output
    example = json.loads((out / "train.jsonl").read_text(encoding="utf-8"))
    assert [s["label"] for s in example["spans"]] == ["SPACESHIP", "ORG"]
    assert (example["sentiment"], example["choices"]) == ("Meh", {"mood": ["Calm"]})
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {"labels not in the labeling config (exported as they are)": 1,
                                      "choices not in the labeling config (exported as they are)": 1,
                                      "regions of controls not in the labeling config (exported as they are)": 1}
    assert "task 1, annotation 1, region #0: control 'label' has no 'SPACESHIP'" in report["details"][
        "labels not in the labeling config (exported as they are)"]


MULTI_TEXT = "multi_text_export.json"  # a body ($text) and a title ($title), each with its own Labels


# Without a config and --text-key each text spans are drawn on is an example since session 42
# (tests/test_exportprobe43.py): the spans on another text are left out only when one text is asked for.
@pytest.mark.parametrize("with_config,text_key,main,other", [
    (True, None, "body", "title"), (True, "title", "title", "body"), (False, "title", "title", "body")])
def test_spans_on_another_text_object_are_left_out_and_reported_never_placed(
    tmp_path: Path, with_config: bool, text_key: str | None, main: str, other: str
) -> None:
    """Without a config, which object is the main text is judged from the
    texts its spans quote; with one, the config says. Either way a title's
    span is never moved onto the body (old: 'Lisboa' of the title became a
    body span), and the sentiment, shown next to the title, stays the task's.
    With the config and no --text-key each labelled Text is an example of its
    own (exportprobe42, tests/test_exportprobe42.py): here the config's case
    gives the body's key."""
    key, other_key = ("title", "text") if main == "title" else ("text", "title")
    out = tmp_path / "out"
    options = ["--label-config", str(EXPORTS / "multi_text_config.xml")] if with_config else []
    text_key = text_key or ("text" if with_config else None)
    result = run_cli(str(EXPORTS / MULTI_TEXT), "--format", "jsonl", "--out", str(out), *options,
                     *(["--text-key", text_key] if text_key else []))
    assert result.exit_code == 0, result.output
    assert read_jsonl(out) == {task_id: {**labels, "choices": {"sentiment": labels["choices"]["sentiment"]}}
                               for task_id, labels in expected_labels(MULTI_TEXT, key, main).items()}
    reason = (f"spans on Text {other!r} (${other_key}): only the main text (${key}) is exported; "
              f"use --text-key {other_key} to export that one")
    tasks = json.loads((EXPORTS / MULTI_TEXT).read_text(encoding="utf-8"))
    on_other = [region["id"] for task in tasks for region in task["annotations"][0]["result"]
                if region["type"] == "labels" and region["to_name"] == other]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["left_out"] == {reason: len(on_other)}  # nothing "repaired" or "not fitting" either
    assert report["repaired"] == report["format_notes"] == {}
    assert f"left out: {reason}: {len(on_other)}" in result.output
    assert len(report["details"][reason]) == len(on_other)
    # Survival counts the main text's predictions only: one ORG span predicted on each text, kept
    # (old: two 'kept' on the body), and the body's LOC that no prediction found.
    assert report["prediction_survival"]["plugins"]["entities"] == {
        "ORG": {"kept": 1, "changed": 0, "deleted": 0, "added": 0},
        **({"LOC": {"kept": 0, "changed": 0, "deleted": 0, "added": 1}} if main == "body" else {})}


def test_a_title_that_opens_the_body_is_told_apart_by_its_name(tmp_path: Path) -> None:
    """The title's spans quote the body as well as the title (a tie): the
    object named like another data key reads that one. A span without
    ``to_name`` is on the main text, whose words it quotes at its offsets
    (and not the title's), and the report says so. Since session 42 the
    title is an example of its own (its spans had been left out)."""
    title, text = "Meta e Qwen", "Meta e Qwen lançam modelos em Lisboa."
    on_title = [{**entity(0, 4, "ORG", title), "to_name": "title"}, {**entity(7, 11, "ORG", title), "to_name": "title"}]
    on_body = [{**entity(start, end, label, text), "to_name": "body"}
               for start, end, label in [(0, 4, "ORG"), (7, 11, "ORG")]]
    no_object = {key: value for key, value in entity(30, 36, "LOC", text).items() if key != "to_name"}
    path = tmp_path / "input.json"
    path.write_text(json.dumps([{"id": 1, "data": {"title": title, "text": text}, "annotations": [
        annotation(1, 1, on_title + on_body + [no_object], "2026")]}]), encoding="utf-8")
    out, report = export(tmp_path, path)
    example, of_title = map(json.loads, (out / "train.jsonl").read_text(encoding="utf-8").splitlines())
    assert [(s["start"], s["end"], s["label"]) for s in example["spans"]] == [(0, 4, "ORG"), (7, 11, "ORG"),
                                                                              (30, 36, "LOC")]
    assert (of_title["text"], of_title["meta"]["field"], example["meta"]["field"]) == (title, "title", "text")
    assert [(s["start"], s["end"], s["label"]) for s in of_title["spans"]] == [(0, 4, "ORG"), (7, 11, "ORG")]
    assert report.left_out == {}
    # old: the title's spans were body spans given twice, 'kept once'
    assert report.repaired == {WITHOUT_OBJECT_QUOTED: 1}


def test_one_quote_that_happens_to_fit_another_key_does_not_move_an_object_off_the_text(tmp_path: Path) -> None:
    """Offsets in UTF-16 units fit nothing; one of them fits another string of
    the task by chance: the object is not taken for that string's, and its
    spans are repaired as on any single-text export."""
    text = "😀😀 Ana e a Meta em Lisboa."
    spans = [(text.index(word), word) for word in ("Ana", "Meta", "Lisboa")]
    utf16 = [{**entity(start, start + len(word), "ORG", text), "to_name": "doc"} for start, word in spans]
    for region in utf16:
        region["value"]["start"] += 2  # two emoji before: two UTF-16 units more
        region["value"]["end"] += 2
    note = " " * utf16[1]["value"]["start"] + "Meta"
    path = tmp_path / "input.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": text, "note": note}, "annotations": [
        annotation(1, 1, utf16, "2026")]}]), encoding="utf-8")
    out, report = export(tmp_path, path)
    example = json.loads((out / "train.jsonl").read_text(encoding="utf-8"))
    assert [(s["start"], s["text"]) for s in example["spans"]] == spans
    assert report.repaired == {"spans repaired": 3} and report.left_out == {}


def test_a_span_over_whitespace_is_reported_once_per_span_in_spacy(tmp_path: Path) -> None:
    path = tmp_path / "input.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": "A  Meta"}, "annotations": [
        annotation(1, 1, [entity(1, 2, "ORG", "A  Meta"), entity(3, 7, "ORG", "A  Meta")], "2026")]}]))
    _out, report = export(tmp_path, path, "spacy", language="pt")
    assert report.notes == {"spans over no token left out": 1}


def test_json_lines_a_bom_and_an_empty_list_are_read(tmp_path: Path) -> None:
    tasks = json.loads((EXPORTS / "english_export.json").read_text(encoding="utf-8"))
    lines = tmp_path / "tasks.jsonl"
    lines.write_text("\n".join(json.dumps(task) for task in tasks) + "\n", encoding="utf-8")
    out, report = export(tmp_path, lines)
    assert report.tasks_read == len(tasks) and read_jsonl(out) == expected_labels("english_export.json")
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + (EXPORTS / "snapshot_full.json").read_bytes())
    assert export(tmp_path, bom)[1].tasks_read == 3
    empty = tmp_path / "empty.json"
    empty.write_text(" [ ] ")
    result = run_cli(str(empty), "--format", "conll", "--out", str(tmp_path / "none"), "--allow-empty")
    assert result.exit_code == 0 and result.output.startswith("read 0 tasks; wrote 0 examples")


def test_a_large_export_is_read_across_chunk_boundaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from server.exporting.sources import JsonTaskReader

    # Tiny chunks put boundaries inside strings, numbers and multi-byte characters.
    monkeypatch.setattr(JsonTaskReader, "CHUNK", 7)
    for name in REAL_EXPORTS:
        out, _report = export(tmp_path, name)
        assert read_jsonl(out) == expected_labels(name)


def test_a_failing_exporter_plugin_is_named_and_leaves_nothing(tmp_path: Path) -> None:
    class Buggy(Exporter):
        name = "buggy"

        def write(self, examples, folder, report):
            for _example in examples:
                (folder / "half.txt").write_text("half")
                raise KeyError("oops")

    with pytest.raises(ExportError, match=r"the 'buggy' exporter failed after 1 task: KeyError: 'oops' \("):
        run_export(file_source(EXPORTS / "snapshot_full.json"), Buggy(), tmp_path / "o", Settings())
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", str(blocker / "out"))
    assert result.exit_code == 1 and "cannot write next to" in result.output and "Traceback" not in result.output
    assert f"{blocker} is a file, not a folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.parametrize("out", [".", "export.json"])
def test_an_output_that_holds_the_input_is_refused_even_with_force(tmp_path: Path, out: str) -> None:
    given = tmp_path / "export.json"
    given.write_bytes((EXPORTS / "snapshot_full.json").read_bytes())
    result = run_cli(str(given), "--format", "jsonl", "--out", str(tmp_path / out), "--force")
    assert result.exit_code == 2 and "which replacing it would delete" in result.output
    assert given.read_bytes() == (EXPORTS / "snapshot_full.json").read_bytes()
    assert [path.name for path in tmp_path.iterdir()] == ["export.json"]


def test_an_error_keeps_an_existing_output_as_it_was(tmp_path: Path) -> None:
    out, _report = export(tmp_path, "snapshot_full.json")
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    result = run_cli(str(MALFORMED / "truncated.json"), "--format", "jsonl", "--out", str(out), "--force")
    assert result.exit_code == 1
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [out.name]


@pytest.mark.parametrize("given,message", [("a-file", "is not a folder"),
                                           ("notes", "holds files that are not an earlier export")])
def test_force_replaces_an_earlier_export_only(tmp_path: Path, given: str, message: str) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.txt").write_text("mine")
    (tmp_path / "a-file").write_text("mine")
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", str(tmp_path / given),
                     "--force")
    assert result.exit_code == 1 and message in result.output
    assert (tmp_path / "a-file").read_text() == (tmp_path / "notes" / "draft.txt").read_text() == "mine"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file", "notes"]


def test_an_existing_output_needs_force(tmp_path: Path) -> None:
    out, _report = export(tmp_path, "snapshot_full.json")
    result = run_cli(str(EXPORTS / "english_export.json"), "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 1 and "--force" in result.output
    assert "Meta" in (out / "train.jsonl").read_text(encoding="utf-8")


def spans_of(out: Path) -> dict[int, list[tuple[int, int, str, str]]]:
    found = {}
    for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines():
        example = json.loads(line)
        found[example["meta"]["task_id"]] = [(s["start"], s["end"], s["label"], s["text"]) for s in example["spans"]]
    return found


def test_regions_past_the_text_are_repaired_when_their_text_is_unique_else_left_out(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "past_the_text.json")
    assert spans_of(out)[5] == [(2, 6, "PER", "Lula"), (15, 21, "LOC", "Lisboa")]
    assert report.repaired == {"spans repaired": 1}
    assert report.left_out == {"spans that do not fit the text": 1}
    detail = report.details["spans that do not fit the text"][0]
    assert "task 5" in detail and "r3" in detail and "'Porto' does not occur" in detail
    assert "moved to [15, 21)" in report.details["spans repaired"][0]


def test_ambiguous_offsets_are_reported_never_shifted(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "ambiguous_offsets.json")
    assert spans_of(out)[6] == []
    assert "'Lula' occurs 2 times" in report.details["spans whose text differs from the text at their offsets"][0]


def test_utf16_offsets_around_an_emoji_are_repaired(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "emoji_utf16_offsets.json")
    assert spans_of(out)[10] == [(10, 14, "ORG", "Meta"), (17, 21, "ORG", "Qwen")]
    assert report.repaired["spans repaired"] == 2
    assert "UTF-16 offsets" in report.details["spans repaired"][0]


def test_code_point_offsets_around_an_emoji_are_kept(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "emoji_code_points.json")
    assert spans_of(out)[11] == [(10, 14, "ORG", "Meta"), (17, 21, "ORG", "Qwen")]
    assert not report.repaired and not report.left_out


def test_offsets_that_count_crlf_as_one_are_repaired(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "crlf_folded_offsets.json")
    assert spans_of(out)[12] == [(13, 17, "ORG", "Meta"), (22, 26, "ORG", "Qwen")]
    assert report.repaired["spans repaired"] == 2
    assert r"\r\n as one character" in report.details["spans repaired"][0]


def test_crlf_code_point_offsets_are_kept_and_conll_has_no_line_break_tokens(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "crlf_code_points.json")
    assert spans_of(out)[13] == [(13, 17, "ORG", "Meta"), (22, 26, "ORG", "Qwen")]
    assert not report.repaired
    conll, _report = export(tmp_path, MALFORMED / "crlf_code_points.json", "conll", language="pt")
    rows = read_conll(conll)[0]
    assert ("Meta", "B-ORG") in rows and ("Qwen", "B-ORG") in rows
    assert all(token.strip() and "\r" not in token for token, _tag in rows)


def test_unknown_control_types_are_reported_and_left_out(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "unknown_control.json")
    assert spans_of(out)[7] == [(2, 6, "PER", "Lula")]
    assert report.left_out == {"regions of control type 'rating' (not exported)": 1,
                               "regions of control type 'hologram' (not exported)": 1}


def test_an_annotation_without_result_is_reported_and_left_out(tmp_path: Path) -> None:
    out, report = export(tmp_path, MALFORMED / "no_result.json")
    assert set(spans_of(out)) == {1}
    assert report.left_out == {"annotations without a result": 1, "tasks without a finished annotation": 1}
    assert report.details["annotations without a result"] == ["task 8, annotation 80"]


def test_the_summary_fits_one_screen_and_names_what_was_left_out(tmp_path: Path) -> None:
    result = run_cli(str(MALFORMED / "past_the_text.json"), "--format", "jsonl", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) <= 24
    assert lines[0].startswith("read 2 tasks; wrote 2 train examples")
    assert "left out: spans that do not fit the text: 1" in lines
    assert "repaired: spans repaired: 1 (1 moved to the only place their text occurs)" in lines  # how, since s43


# -------------------------------------------------------------------------
# Policies, splits, agreement, survival
# -------------------------------------------------------------------------


def annotation(number: int, annotator: int, regions: list[dict], updated: str, **flags: Any) -> dict[str, Any]:
    return {"id": number, "completed_by": annotator, "result": regions, "was_cancelled": False,
            "ground_truth": False, "created_at": updated, "updated_at": updated, **flags}


def entity(start: int, end: int, label: str, text: str) -> dict[str, Any]:
    return {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def sentiment(value: str) -> dict[str, Any]:
    return {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": [value]}}


TEXT = "A Meta e a Qwen em Lisboa."


def three_annotators(tmp_path: Path) -> Path:
    meta, qwen, lisboa = entity(2, 6, "ORG", TEXT), entity(11, 15, "ORG", TEXT), entity(19, 25, "LOC", TEXT)
    task = {
        "id": 1, "data": {"text": TEXT}, "meta": {"source": "doc.txt"},
        "annotations": [
            annotation(1, 1, [meta, qwen, sentiment("Neutral")], "2026-01-01", ground_truth=True),
            annotation(2, 2, [meta, lisboa, sentiment("Neutral")], "2026-01-03"),
            annotation(3, 3, [meta, qwen, lisboa, sentiment("Positive")], "2026-01-02"),
            annotation(4, 4, [entity(2, 6, "PER", TEXT), sentiment("Negative")], "2026-01-09", was_cancelled=True),
        ],
        "predictions": [{"id": 9, "model_version": "anota-1", "result": [
            {**meta, "meta": {"plugin": "entities"}}, {**entity(11, 13, "ORG", TEXT), "meta": {"plugin": "entities"}},
            {**entity(19, 25, "PER", TEXT), "meta": {"plugin": "entities"}},
            {**entity(0, 26, "CLAIM", TEXT), "meta": {"plugin": "claims"}},
            {**sentiment("Positive"), "meta": {"plugin": "sentiment"}},
        ]}],
    }
    path = tmp_path / "three.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path


@pytest.mark.parametrize("policy,annotators,spans,choice", [
    ("latest", ["2"], [(2, 6, "ORG"), (19, 25, "LOC")], "Neutral"),
    ("ground-truth", ["1"], [(2, 6, "ORG"), (11, 15, "ORG")], "Neutral"),
    ("majority", ["1", "2", "3"], [(2, 6, "ORG"), (11, 15, "ORG"), (19, 25, "LOC")], "Neutral"),
])
def test_policies_choose_the_annotation_that_counts_and_never_a_cancelled_one(
    tmp_path: Path, policy: str, annotators: list[str], spans: list, choice: str
) -> None:
    out, report = export(tmp_path, three_annotators(tmp_path), policy=policy)
    (line,) = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    example = json.loads(line)
    assert example["meta"]["annotators"] == annotators
    assert [(s["start"], s["end"], s["label"]) for s in example["spans"]] == spans
    assert example["sentiment"] == choice
    assert report.left_out["cancelled (skipped) annotations"] == 1


def test_policy_all_keeps_one_example_per_annotation_with_its_annotator(tmp_path: Path) -> None:
    out, _report = export(tmp_path, three_annotators(tmp_path), policy="all")
    examples = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["meta"]["annotators"], e["meta"]["annotation_ids"], e["sentiment"]) for e in examples] == [
        (["1"], [1], "Neutral"), (["2"], [2], "Neutral"), (["3"], [3], "Positive")]


def test_agreement_kappa_and_span_f1(tmp_path: Path) -> None:
    _out, report = export(tmp_path, three_annotators(tmp_path))
    agreement = report.agreement.as_dict()
    assert agreement["tasks_with_several_annotations"] == 1
    # One item, ratings Neutral x2 and Positive x1: P = (4 + 1 - 3) / 6 = 1/3;
    # P_e = (2/3)^2 + (1/3)^2 = 5/9; kappa = (1/3 - 5/9) / (4/9) = -0.5.
    assert agreement["choices"]["sentiment"] == {"items": 1, "observed_agreement": 0.3333, "fleiss_kappa": -0.5}
    # Pairs (1,2): 1 match of 2+2; (1,3): 2 of 2+3; (2,3): 2 of 2+3 -> 2*5/14.
    assert agreement["spans"]["pairs"] == 3
    assert agreement["spans"]["f1"] == round(10 / 14, 4)
    # ORG: matches 1+2+1 of 3+4+3 -> 2*4/10; LOC: matches 0+0+1 of 1+1+2 -> 2*1/4.
    assert agreement["spans"]["per_label"] == {"LOC": 0.5, "ORG": 0.8}


def test_prediction_survival_per_plugin_and_label(tmp_path: Path) -> None:
    _out, report = export(tmp_path, three_annotators(tmp_path))  # latest: annotator 2, Meta + Lisboa, Neutral
    plugins = report.survival.as_dict()["plugins"]
    assert plugins["entities"]["ORG"] == {"kept": 1, "changed": 0, "deleted": 1, "added": 0}
    assert plugins["entities"]["PER"] == {"kept": 0, "changed": 1, "deleted": 0, "added": 0}
    assert "LOC" not in plugins["entities"]  # the final LOC is where PER was predicted: a change
    # The claim's sentence keeps its names, but no claim: it was deleted, not changed.
    assert plugins["claims"]["CLAIM"] == {"kept": 0, "changed": 0, "deleted": 1, "added": 0}
    assert plugins["sentiment"]["sentiment=Positive"] == {"kept": 0, "changed": 1, "deleted": 0, "added": 0}
    card = (_out / "README.md").read_text(encoding="utf-8")
    assert "| entities | ORG | 1 | 0 | 1 | 0 |" in card
    assert "Fleiss' kappa -0.5" in card


def test_survival_when_every_predicted_span_is_kept_and_one_is_added(tmp_path: Path) -> None:
    # Every predicted span kept as it is (the set path that skips indexing where
    # spans lie), one of them predicted twice and counted twice; the final
    # Qwen and Lisboa overlap no predicted span, in a control the plugin
    # predicted into: added.
    meta, qwen, lisboa = entity(2, 6, "ORG", TEXT), entity(11, 15, "ORG", TEXT), entity(19, 25, "LOC", TEXT)
    task = {"id": 1, "data": {"text": TEXT}, "annotations": [annotation(1, 1, [meta, qwen, lisboa], "2026")],
            "predictions": [{"id": 9, "model_version": "v1", "result": [meta, dict(meta, id="again")]}]}
    path = tmp_path / "kept.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    _out, report = export(tmp_path, path)
    assert report.survival.as_dict()["plugins"] == {"v1": {
        "LOC": {"kept": 0, "changed": 0, "deleted": 0, "added": 1},
        "ORG": {"kept": 2, "changed": 0, "deleted": 0, "added": 1}}}


def test_claims_and_names_are_judged_apart_in_one_control(tmp_path: Path) -> None:
    # Anota's config holds CLAIM and the entity labels in one control: a claim
    # redrawn shorter is changed, a name inside it kept, a name the annotator
    # added inside the predicted claim is added, not a change of the claim.
    text = "A Meta treina modelos na China. Outra frase aqui."
    claim, shorter = entity(0, 31, "CLAIM", text), entity(0, 22, "CLAIM", text)
    meta, china = entity(2, 6, "ORG", text), entity(26, 31, "LOC", text)
    task = {"id": 1, "data": {"text": text}, "annotations": [annotation(1, 1, [shorter, meta, china], "2026")],
            "predictions": [{"id": 9, "model_version": "v1", "result": [claim, meta]}]}
    path = tmp_path / "kinds.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    _out, report = export(tmp_path, path)
    assert report.survival.as_dict()["plugins"] == {"v1": {
        "CLAIM": {"kept": 0, "changed": 1, "deleted": 0, "added": 0},
        "LOC": {"kept": 0, "changed": 0, "deleted": 0, "added": 1},
        "ORG": {"kept": 1, "changed": 0, "deleted": 0, "added": 0}}}


def test_splits_are_deterministic_and_keep_a_document_together(tmp_path: Path) -> None:
    split = parse_split("80/10/10")
    assert split == (("train", 0.8), ("dev", 0.1), ("test", 0.1))
    assigned = [split_of(f"doc-{n}", split) for n in range(2000)]
    assert assigned == [split_of(f"doc-{n}", split) for n in range(2000)]
    assert 0.75 < assigned.count("train") / 2000 < 0.85 and assigned.count("dev") > 150
    assert split_of("doc-1", split) == "train" and split_of("doc-3", split) == "test"  # fixed forever
    tasks = [{"id": n, "data": {"text": f"Texto {n} da Meta.", "anota_id": f"a{n}"},
              "meta": {"source": f"doc-{n // 4}.txt"},
              "annotations": [annotation(n, 1, [entity(11 + len(str(n)), 15 + len(str(n)), "ORG",
                                                       f"Texto {n} da Meta.")], "2026")]}
             for n in range(200)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    out, report = export(tmp_path, path, split=split)
    by_source: dict[str, set[str]] = {}
    for name in ("train", "dev", "test"):
        for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            meta = json.loads(line)["meta"]
            assert meta["split"] == name and meta["anota_id"] == f"a{meta['task_id']}"
            by_source.setdefault(meta["source"], set()).add(name)
    assert len(by_source) == 50 and all(len(names) == 1 for names in by_source.values())
    assert sum(report.examples.values()) == 200


@pytest.mark.parametrize("bad", ["80/30", "50", "a/b", "60/20/10/10", "-10/110"])
def test_bad_split_specs_are_refused(bad: str) -> None:
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", "/nonexistent/x",
                     "--split", bad)
    assert result.exit_code == 2 and "add up to 100" in result.output


def test_unknown_format_lists_the_known_ones(tmp_path: Path) -> None:
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "parquet", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2 and "known: conll, csv, jsonl, spacy" in result.output


def test_exactly_one_input_is_required(tmp_path: Path) -> None:
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--from-db", "--format", "jsonl", "--out", str(tmp_path))
    assert result.exit_code == 2 and "exactly one of INPUT" in result.output


def test_an_exporter_that_fails_leaves_nothing(tmp_path: Path) -> None:
    class Broken(Exporter):
        name = "broken"

        def write(self, examples, folder, report):
            (folder / "half.txt").write_text("half")
            raise ExportError("disk full")

    with pytest.raises(ExportError):
        run_export(file_source(EXPORTS / "snapshot_full.json"), Broken(), tmp_path / "o", Settings())
    assert list(tmp_path.iterdir()) == []


# -------------------------------------------------------------------------
# The database source: what /webhook stored
# -------------------------------------------------------------------------


def webhook_body() -> dict[str, Any]:
    return json.loads((FIXTURES / "label-studio-1.23.2" / "ls_to_backend_webhook_ANNOTATION_CREATED.json")
                      .read_text(encoding="utf-8"))["json"]


def test_export_from_the_webhook_store(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'anota.db'}")
    database.create_all()
    body = webhook_body()
    store_event(database, body)
    cancelled = json.loads(json.dumps(body))
    cancelled["annotation"].update(id=999, was_cancelled=True, updated_at="2099-01-01T00:00:00Z")
    store_event(database, cancelled)
    out = tmp_path / "out"
    report = run_export(database_source(database, None), EXPORTERS["jsonl"], out, Settings())
    (line,) = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    example = json.loads(line)
    annotation_body, task = body["annotation"], body["task"]
    assert example["meta"]["task_id"] == task["id"]
    assert example["meta"]["annotation_ids"] == [annotation_body["id"]]
    assert example["text"] == task["data"]["text"]
    wanted = sorted((r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                    for r in annotation_body["result"] if r["type"] == "labels")
    assert [(s["start"], s["end"], s["label"]) for s in example["spans"] + example["claims"]] == wanted
    assert report.left_out["cancelled (skipped) annotations"] == 1
    with pytest.raises(ExportError, match="no annotation of project 12345 was stored; it holds project 1"):
        database_source(database, 12345)  # not an empty dataset (probe 20)
    database.dispose()


def test_a_lone_surrogate_stored_from_a_webhook_is_named_not_written(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'anota.db'}")
    database.create_all()
    body = webhook_body()
    body["task"]["data"]["text"] = "Meta \ud83d"  # half an emoji: JSON can spell it, UTF-8 cannot hold it
    store_event(database, body)
    with pytest.raises(ExportError, match=r"task \d+: data.text: a lone surrogate '\\ud83d' at offset 5"):
        run_export(database_source(database, None), EXPORTERS["jsonl"], tmp_path / "out", Settings())
    assert not [path for path in tmp_path.iterdir() if "out" in path.name]  # no output, no temporary folder
    database.dispose()


def test_cli_from_db_reads_the_configured_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'anota.db'}"
    database = Database(url)
    database.create_all()
    store_event(database, webhook_body())
    database.dispose()
    monkeypatch.setenv("ANOTA_DATABASE_URL", url)
    result = run_cli("--from-db", "--format", "csv", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("read 1 task; wrote 1 train example to")
    assert (tmp_path / "out" / "train.spans.csv").exists()


@pytest.mark.parametrize("database,message", [
    ("missing.db", "missing.db: no such file"),
    ("empty.db", "cannot read its annotations: no such table: annotations (no annotation was ever stored there"),
    ("not-a-database.db", "cannot read its annotations: file is not a database"),
    (None, "cannot open it: Can't load plugin: sqlalchemy.dialects:nosuch"),
])
def test_from_db_names_a_database_it_cannot_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 database: str | None, message: str) -> None:
    (tmp_path / "empty.db").touch()
    (tmp_path / "not-a-database.db").write_text("notes")
    monkeypatch.setenv("ANOTA_DATABASE_URL", f"sqlite:///{tmp_path / database}" if database else "nosuch://x")
    result = run_cli("--from-db", "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and message in result.output and "a bug" not in result.output
    assert not (tmp_path / "missing.db").exists()  # opening it would have made an empty database
    assert not [path for path in tmp_path.iterdir() if "out" in path.name]


def test_spacy_train_accepts_the_docbin_as_is(tmp_path: Path) -> None:
    import subprocess
    import sys

    out, _report = export(tmp_path, "english_export.json", "spacy")
    config = tmp_path / "config.cfg"
    spacy_cli = [sys.executable, "-m", "spacy"]
    subprocess.run([*spacy_cli, "init", "config", str(config), "--lang", "en", "--pipeline", "ner,spancat"],
                   check=True, capture_output=True)
    trained = subprocess.run(
        [*spacy_cli, "train", str(config), "--paths.train", str(out / "train.spacy"), "--paths.dev",
         str(out / "train.spacy"), "--training.max_steps", "2", "--output", str(tmp_path / "model")],
        capture_output=True, text=True)
    assert trained.returncode == 0, trained.stdout + trained.stderr
    assert (tmp_path / "model" / "model-last" / "ner").is_dir()


def test_a_long_texts_spacy_export_stores_only_the_token_attributes_it_sets(tmp_path: Path) -> None:
    """spaCy's default DocBin keeps 13 attributes per token and copies them
    four times over while writing; the tokenizer and the entities set 4 of
    them. A 200,000-character text (39,000 tokens) peaked at 29 MB traced
    with all 13, 12.5 MB with those 4."""
    import tracemalloc

    sentence = "A Meta está usando dados do modelo Qwen para treinar uma nova geração de modelos.\n"
    task = {"id": 1, "data": {"text": sentence * 2_400}, "annotations": [{"id": 1, "result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 2, "end": 6, "text": "Meta", "labels": ["ORG"]}}]}]}
    path = tmp_path / "long.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    export(tmp_path, path, "spacy", language="pt")  # the tokenizer and spaCy's lazy imports loaded
    tracemalloc.start()
    try:
        out, _report = export(tmp_path, path, "spacy", language="pt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20, f"{peak / 2**20:.0f} MB"
    (doc,) = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("pt").vocab)
    assert doc.text == sentence * 2_400 and [(e.start_char, e.label_) for e in doc.ents] == [(2, "ORG")]


# -------------------------------------------------------------------------
# The reader: orjson over each task's slice must read exactly what json reads
# -------------------------------------------------------------------------

TRICKY_TEXTS = [
    'Chaves } e { no texto, "aspas", barra \\ invertida e },\n{"id": 9} dentro',
    "Emoji 😀 e \U0001F1F5\U0001F1F9, quebra\r\nde linha, tab\t, nulo \u0000 e \u2028",
    '}]}, {"id": 3, "data": {}} ],[',
]


def tricky_tasks() -> list[dict[str, Any]]:
    tasks = json.loads((EXPORTS / "snapshot_full.json").read_text(encoding="utf-8"))
    for number, text in enumerate(TRICKY_TEXTS):
        task = json.loads(json.dumps(tasks[0]))
        task["id"], task["data"]["text"] = 100 + number, text
        task["annotations"][0]["result"][0]["value"]["text"] = text[:5] + "}"
        tasks.append(task)
    return tasks


def layouts(tasks: list[dict[str, Any]]) -> dict[str, str]:
    return {
        "compact": json.dumps(tasks, separators=(",", ":")),
        "spaced": json.dumps(tasks),
        "indent 1": json.dumps(tasks, indent=1),
        "indent tab, ascii": json.dumps(tasks, indent="\t", ensure_ascii=True),
        "one per line": "[\n" + ",\n".join(json.dumps(task, ensure_ascii=False) for task in tasks) + "\n]\n",
        "comma first": "[" + "\n,".join(json.dumps(task) for task in tasks) + "]",
        "crlf": json.dumps(tasks, indent=2, ensure_ascii=False).replace("\n", "\r\n"),
        "json lines": "\n".join(json.dumps(task, ensure_ascii=False) for task in tasks) + "\n",
        "tasks over several lines": json.dumps(tasks).replace('"data": {', '"data":\n{'),
    }


def read_all(path: Path) -> list[tuple[str, Any]]:
    from server.exporting.sources import JsonTaskReader

    return list(JsonTaskReader(path))


def as_loaded(read: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """What the reader gave, each task as the export loads it (the reader
    loads plain tasks itself); what does not load, as read."""
    loaded = []
    for location, task in read:
        try:
            loaded.append((location, load_task(task, location)))
        except TaskError:
            loaded.append((location, task))
    return loaded


@pytest.mark.parametrize("chunk", [7, 300, 1 << 20])
def test_the_reader_reads_every_layout_exactly_as_json_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            chunk: int) -> None:
    from server.exporting.sources import JsonTaskReader

    monkeypatch.setattr(JsonTaskReader, "CHUNK", chunk)
    tasks = tricky_tasks()
    for name, content in layouts(tasks).items():
        path = tmp_path / "export.json"
        path.write_bytes(content.encode("utf-8"))
        read = read_all(path)
        assert [task for _location, task in as_loaded(read)] == [load_task(task, "$") for task in tasks], name
        prefix = "object" if name == "json lines" else "$["
        assert all(location.startswith(prefix) for location, _task in read), name


def test_a_task_longer_than_the_rest_of_the_buffer_is_still_read_as_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The byte reading reads on for it: before, it handed the rest of the file
    # to the slower text reading (from task 5,409 of 20,000 generated ones on).
    from server.exporting.sources import JsonTaskReader

    monkeypatch.setattr(JsonTaskReader, "CHUNK", 1024)
    tasks = [{"id": n, "data": {"text": "Curto."}, "annotations": []} for n in range(1, 4)]
    tasks[1]["data"]["text"] = "Um texto longo. " * 400  # 6 KB, over five chunks
    path = tmp_path / "export.json"
    path.write_text("[\n" + ",\n".join(json.dumps(task) for task in tasks) + "\n]\n", encoding="utf-8")
    reader = JsonTaskReader(path)
    read_as_bytes = [reader._text is None for _location, _task in reader]
    assert read_as_bytes == [True, True, True]
    assert [task for _location, task in as_loaded(read_all(path))] == [load_task(task, "$") for task in tasks]


def test_label_studios_compact_export_is_read_as_bytes_task_by_task(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Label Studio writes its export on one line: each task's end is guessed at
    # the next task's start ('},{"id":N,"annotations":'), where before it was
    # found by parsing, as text, twice a task (twice the CPU of one a line).
    from schemas.label_studio_export import Task
    from server.exporting.sources import JsonTaskReader

    monkeypatch.setattr(JsonTaskReader, "CHUNK", 300)
    tasks = tricky_tasks()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    reader = JsonTaskReader(path)
    read = [(reader._text is None, type(task) is Task) for _location, task in reader]
    # The last task has no next one to end at: the text reading takes it.
    assert read == [(True, True)] * (len(tasks) - 1) + [(False, False)]
    assert [task for _location, task in as_loaded(read_all(path))] == [load_task(task, "$") for task in tasks]


def test_tasks_the_typed_decode_does_not_take_read_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Regions of other control types go the orjson way; after TYPED_MISSES in a row, without trying the decode.
    from server.exporting.sources import JsonTaskReader

    monkeypatch.setattr(JsonTaskReader, "TYPED_MISSES", 2)
    tasks = tricky_tasks()  # annotations: 1, 0, 0, 1, 1, 1
    for task in tasks[3:]:
        task["annotations"][0]["result"].append({"type": "textarea", "from_name": "note", "value": {"text": ["ok"]}})
    tasks.append(tasks[0])
    path = tmp_path / "export.json"
    path.write_text("[\n" + ",\n".join(json.dumps(task) for task in tasks) + "\n]\n", encoding="utf-8")
    read = read_all(path)
    assert [task for _location, task in as_loaded(read)] == [load_task(task, "$") for task in tasks]
    # Decoded while it takes them; the last, plain again, is no longer tried after two misses.
    assert [type(task).__name__ for _location, task in read] == ["Task"] * 3 + ["dict"] * 4


def test_what_orjson_refuses_is_read_by_json(tmp_path: Path) -> None:
    # json reads NaN, infinities and lone surrogates; orjson does not.
    path = tmp_path / "export.json"
    path.write_text('[{"id": 1, "data": {"text": "ab"}, "x": NaN}, {"id": 2, "y": 1e999}, {"id": 3}]')
    (_l1, first), (_l2, second), (_l3, third) = read_all(path)
    assert first["data"]["text"] == "ab" and first["x"] != first["x"]
    assert second["y"] == float("inf") and third == {"id": 3}
    # A lone surrogate reads, but no UTF-8 output can hold it: stopped with its place.
    path.write_text('[{"id": 1, "data": {"text": "ok"}}, {"id": 2, "data": {"text": "a\\ud800b"}}]')
    with pytest.raises(ExportError, match=r"task 2 at \$\[1\]: data.text: a lone surrogate '\\ud800' at offset 1"):
        read_all(path)


@pytest.mark.parametrize("chunk", [64, 1 << 20])  # small: text reading from the start; large: bytes first
def test_broken_inputs_give_the_errors_of_the_json_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          chunk: int) -> None:
    """Cut the export at every position, or change one character: the reader
    gives the same tasks or the same error as json.JSONDecoder.raw_decode alone."""
    from server.exporting.sources import JsonTaskReader

    def no_bytes(_reader: JsonTaskReader) -> Iterator[Any]:  # hands the whole file to the text reading
        return None
        yield

    def outcome(content: str) -> Any:
        path = tmp_path / "export.json"
        path.write_bytes(content.encode("utf-8"))
        try:
            return as_loaded(read_all(path))
        except ExportError as exc:
            return str(exc)

    monkeypatch.setattr(JsonTaskReader, "CHUNK", chunk)
    tasks = tricky_tasks()[3:]
    contents = [content for name, content in layouts(tasks).items() if name in ("indent 1", "one per line")]
    # Steps prime to the layouts' periods, so that cuts land everywhere in a task.
    variants = [content[:cut] for content in contents for cut in range(0, len(content), 31)]
    variants += [content[:at] + char + content[at + 1:] for content in contents
                 for at in range(0, len(content), 97) for char in ('"', "}", ",", "x")]
    ours = [outcome(variant) for variant in variants]
    monkeypatch.setattr(JsonTaskReader, "_decode", lambda self, more, location: self._raw_decode(more, location))
    monkeypatch.setattr(JsonTaskReader, "_list_as_bytes", no_bytes)
    assert ours == [outcome(variant) for variant in variants]
    assert sum("truncated" in str(result) for result in ours) > 300


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_an_error_after_many_chunks_read_as_bytes_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 bom: bytes) -> None:
    # The bytes reading drops what it read without counting its lines; the error counts them in the file.
    from server.exporting.sources import JsonTaskReader

    monkeypatch.setattr(JsonTaskReader, "CHUNK", 64)
    lines = ["["] + [json.dumps({"id": n, "data": {"text": "a\nb"}}) + "," for n in range(1, 40)] + ['{"id": 40,}', "]"]
    path = tmp_path / "export.json"
    path.write_bytes(bom + "\n".join(lines).encode("utf-8"))
    with pytest.raises(ExportError, match=r"line 41, column 11: invalid JSON in task 40 at \$\[39\]: Expecting"):
        read_all(path)


def test_offset_mappings_equal_counting_character_by_character() -> None:
    """The UTF-16 and folded-\\r\\n mappings, against the obvious loop over
    the text (what they replaced: minutes on a long text with many spans)."""
    import random

    from server.exporting.placing import crlf_to_code_points, utf16_to_code_points

    def by_loop(text: str, offset: int, width: Callable[[str, int], int]) -> int | None:
        counted = 0
        for index in range(len(text) + 1):
            if counted == offset:
                return index
            if counted > offset or index == len(text):
                return None
            counted += width(text, index)
        return None

    def utf16(text: str, index: int) -> int:
        return 2 if ord(text[index]) > 0xFFFF else 1

    def crlf(text: str, index: int) -> int:
        return 0 if text[index:index + 2] == "\r\n" else 1

    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(["a", "\r\n", "\r", "\n", "😀", "é", "e\u0301"]) for _ in range(rng.randint(0, 12)))
        for offsets in itertools.product(range(-1, len(text.encode("utf-16-le")) // 2 + 2), repeat=2):
            for mapping, width, needed in ((utf16_to_code_points, utf16, any(ord(c) > 0xFFFF for c in text)),
                                           (crlf_to_code_points, crlf, "\r\n" in text)):
                expected = tuple(by_loop(text, offset, width) for offset in offsets)
                wanted = None if not needed or None in expected else expected
                assert mapping(text, offsets) == wanted, (text, offsets)


def test_a_long_text_with_many_misplaced_spans_is_repaired(tmp_path: Path) -> None:
    # A loop over the text per offset made this take minutes (seconds now: no timing asserted here).
    pieces = [f"Olá 😀 e Meta{n} fim.\r\n" for n in range(20_000)]
    text = "".join(pieces)
    regions = []
    for n in range(20, 20_000, 20):  # the first has no \r\n before it: nothing to repair
        start = len("".join(pieces[:n])) + pieces[n].index("Meta")
        folded = start - n  # \r\n counted as one: the span's own text places it
        regions.append(entity(folded, folded + len(f"Meta{n}"), "ORG", text[:folded] + text[start:]))
    path = tmp_path / "long.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [annotation(1, 1, regions, "")]}]))
    out, report = export(tmp_path, path)
    assert report.repaired["spans repaired"] == 999
    assert [span[3] for span in spans_of(out)[1]] == [f"Meta{n}" for n in range(20, 20_000, 20)]


def test_intervals_find_overlaps_like_comparing_each_with_each() -> None:
    import random

    from server.exporting.examples import Span
    from server.exporting.report import Intervals

    rng = random.Random(5)
    for _round in range(300):
        # Up to 8 spans are scanned, up to 40 indexed.
        spans = [Span(start, start + rng.randint(1, 9), "X", "") for start in
                 (rng.randint(0, 40) for _n in range(rng.randint(0, rng.choice([8, 40]))))]
        intervals = Intervals(spans)
        for start in range(45):
            for end in range(start + 1, start + 8):
                assert intervals.overlap(start, end) == any(s.start < end and start < s.end for s in spans)


# -------------------------------------------------------------------------
# Start-up: an export imports what it needs, nothing more
# -------------------------------------------------------------------------


def imported_by_export(arguments: list[str], modules: list[str]) -> list[str]:
    """Which of ``modules`` an ``anota export`` with ``arguments`` imported, run in a fresh process."""
    import subprocess
    import sys

    code = ("import json, sys\nfrom server.cli import cli\ntry:\n    cli(sys.argv[2:])\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(name for name in sys.argv[1].split(',') if name in sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code, ",".join(modules), "export", *arguments],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


# Each costs a JSONL export memory (flask with werkzeug and jinja2 8.8 MB, marshmallow 1.7, OpenSSL's
# library through ssl or hashlib 3.4-5.2; importlib.metadata with its email parser, zipfile and
# importlib.resources 1 MB, read for the plugins' entry points; socket, difflib and the thread pool of
# linked texts 0.3 MB; html5lib, for HyperText pages only), or is a whole stack (an app, a database, a model),
# or costs its start-up instructions (server.analysis with server.segmentation's patterns: 9% of a 1-task export's;
# server.sources, the preload's loaders, 3%).
NOT_FOR_A_JSONL_EXPORT = ["server.app", "flask", "werkzeug", "jinja2", "marshmallow", "ssl", "sqlalchemy",
                          "label_studio_sdk", "spacy", "numpy", "plugins.entities", "plugins.claims",
                          "importlib.metadata", "email", "zipfile", "importlib.resources", "socket", "difflib",
                          "concurrent.futures", "html5lib", "server.hypertext", "server.analysis",
                          "server.segmentation", "server.sources"]


def test_a_jsonl_export_imports_neither_the_app_nor_marshmallow_nor_annotator_plugins_nor_spacy(
        tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert imported_by_export([str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", str(out)],
                              NOT_FOR_A_JSONL_EXPORT) == []
    assert (out / "train.jsonl").exists()


def test_an_export_of_preloaded_tasks_hashes_nothing_and_loads_no_openssl(tmp_path: Path) -> None:
    from bench.export import generate

    export = tmp_path / "export.json"
    generate(export, 20)  # tasks Anota preloaded: each holds its anota_id
    arguments = [str(export), "--format", "jsonl", "--quiet"]
    assert imported_by_export([*arguments, "--out", str(tmp_path / "a")], ["hashlib", "_hashlib"]) == []
    # A split is a hash of the document: CPython's own SHA-256, without hashlib (test_exportprobe39).
    assert imported_by_export([*arguments, "--out", str(tmp_path / "b"), "--split", "80/20"], ["hashlib"]) == []
    assert (tmp_path / "b" / "train.jsonl").exists()


def test_plugins_that_never_name_the_exporter_hook_are_not_imported_for_an_export() -> None:
    from server.entry_points import entry_points
    from server.exporting.command import plugins_not_naming

    skipped = plugins_not_naming("register_exporters", entry_points("anota"),
                                 ["tests.sample_plugins.contributions", "no.such.module"])
    assert {"entities", "claims", "sentiment", "loaders"} <= set(skipped)
    assert not {"exporters", "tests.sample_plugins.contributions", "no.such.module"} & set(skipped)


def test_a_plugin_source_is_searched_for_the_hook_across_its_read_blocks(tmp_path: Path) -> None:
    from server.exporting.command import _file_holds

    word = b"register_exporters"
    source = tmp_path / "plugin.py"
    for at in (0, (1 << 16) - 5, (1 << 16) - len(word), 1 << 16, 3 * (1 << 16) - 1):  # astride a block's end too
        text = "# 🙂 é\n".encode() * (at // 9 + 1)
        source.write_bytes(text[:at] + word + b"\n" + text[:1000])
        assert _file_holds(str(source), word), at
    source.write_bytes(("# 🙂 register_exporter\n" * 10_000).encode())  # the word cut short, never whole
    assert not _file_holds(str(source), word)


def test_an_exporter_registered_without_naming_the_hook_is_still_found(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "star_exporter.py").write_text("from tests.sample_plugins.contributions import *  # noqa: F403\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("ANOTA_PLUGINS", "star_exporter")
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "sample-format", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "o" / "report.json").read_text())["format"] == "sample-format"


def test_option_mistakes_are_usage_errors_naming_the_option(tmp_path):
    export = str(EXPORTS / "snapshot_full.json")
    result = run_cli(export, "--format", "jsonl", "--out", str(tmp_path / "a"), "--split", "80/10")
    assert result.exit_code == 2 and "Invalid value for --split: '80/10'" in result.output
    # an export file is one project's: a --project beside it was ignored in silence
    result = run_cli(export, "--format", "jsonl", "--out", str(tmp_path / "b"), "--project", "3")
    assert result.exit_code == 2 and "--project goes with --from-label-studio or --from-db" in result.output
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_a_format_name_in_another_case_is_that_format(tmp_path):
    upper = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "JSONL", "--out", str(tmp_path / "upper"))
    lower = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", str(tmp_path / "lower"))
    assert upper.exit_code == lower.exit_code == 0
    assert (tmp_path / "upper" / "train.jsonl").read_bytes() == (tmp_path / "lower" / "train.jsonl").read_bytes()


def test_binary_data_is_not_called_wide_text(tmp_path):
    binary = tmp_path / "export.json"
    binary.write_bytes(bytes([0, 1, 2, 3, 255, 0, 17, 9, 0, 0, 4, 5, 6, 7, 8, 9]) * 4)
    result = run_cli(str(binary), "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "not UTF-8 text (binary data, not text: give the JSON file Label Studio exported)" in result.output
    assert not (tmp_path / "out").exists()


def test_a_format_whose_plugin_failed_to_load_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("ANOTA_PLUGINS", "tests.sample_plugins.failing_exporter")
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "brat", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "'brat' is not a known format" in result.output
    assert "plugins that failed to load: tests.sample_plugins.failing_exporter (register_exporters: ImportError: " \
           "the brat writer needs brat-tools" in " ".join(result.output.split())


def test_a_labeling_config_without_text_is_an_error_not_a_traceback(tmp_path):
    no_text = Path(__file__).resolve().parent.parent / "fixtures" / "configs" / "19_no_text.xml"
    result = run_cli(str(EXPORTS / "snapshot_full.json"), "--format", "jsonl", "--out", str(tmp_path / "out"),
                     "--label-config", str(no_text))
    assert result.exit_code == 1
    assert f"labeling config {no_text}: it has no Text, HyperText or Paragraphs object" in " ".join(
        result.output.split())
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("format_name", ["jsonl", "csv"])
def test_the_dataset_folder_loads_with_hugging_face_datasets(format_name: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The card's front matter gives the Hub and ``load_dataset`` each split,
    and a CSV export's span rows as their own subset (without it the library
    reads ``train.csv`` and ``train.spans.csv`` as one split, and fails)."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    out = tmp_path / "out"
    result = run_cli(str(EXPORTS / "walkthrough" / "split_documents.json"), "--format", format_name,
                     "--out", str(out), "--split", "60/20/20", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert {split: loaded[split].num_rows for split in loaded} == {
        "train": report["examples"]["train"], "validation": report["examples"]["dev"],
        "test": report["examples"]["test"]}
    if format_name == "jsonl":
        assert loaded["train"][0]["spans"][0]["label"] == "ORG"
    else:
        spans = datasets.load_dataset(str(out), "spans", cache_dir=str(tmp_path / "cache"))
        assert spans["validation"].num_rows == report["labels"]["dev"]["ORG"] > 0


def test_no_front_matter_for_files_the_hub_cannot_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(str(EXPORTS / "walkthrough" / "split_documents.json"), "--format", "conll",
                     "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert (out / "README.md").read_text(encoding="utf-8").startswith("# Dataset card\n")


def test_a_multiple_choice_answer_agrees_whatever_order_its_values_were_clicked_in() -> None:
    from server.exporting.examples import Labels
    from server.exporting.report import Agreement

    agreement = Agreement()
    agreement.add_task([Labels(choices={"topics": ("Economia", "Política")}),
                        Labels(choices={"topics": ("Política", "Economia")})])
    agreement.add_task([Labels(choices={"topics": ("Economia",)}), Labels(choices={"topics": ("Esporte",)})])
    topics = agreement.as_dict()["choices"]["topics"]
    assert topics["items"] == 2 and topics["observed_agreement"] == 0.5


def test_predicted_choices_chosen_in_another_order_survived() -> None:
    from schemas.label_studio_export import ChoiceRegion, ChoiceValue
    from server.exporting.examples import Labels
    from server.exporting.report import Predicted, Survival

    survival = Survival()
    predicted = ChoiceRegion(control="topics", value=ChoiceValue(choices=("Economia", "Política")))
    survival.add({"topics-plugin": Predicted({}, [predicted])},
                 Labels(choices={"topics": ("Política", "Economia")}), task_id=1)
    assert survival.as_dict()["plugins"]["topics-plugin"]["topics=Economia|Política"]["kept"] == 1


def test_survival_compares_few_spans_each_with_each_as_it_indexes_many() -> None:
    """Survival judges a task's few spans by comparing them each with each
    (Survival.SCANNED_PAIRS) and many by kind and place: both count alike."""
    import random

    from server.exporting.examples import Labels, Span
    from server.exporting.report import Predicted, Survival

    rng = random.Random(11)
    labels = ["ORG", "PER", "CLAIM", "claim"]
    for _round in range(300):
        def spans(count: int) -> list[tuple[str, Span]]:
            return [(rng.choice(["label", "other"]),
                     Span(start, start + rng.randint(1, 9), rng.choice(labels), "x"))
                    for start in (rng.randint(0, 40) for _n in range(count))]

        final = dict((span, control) for control, span in spans(rng.randint(0, 12)))
        predicted = spans(rng.randint(1, 12)) + rng.sample([(control, span) for span, control in final.items()],
                                                           k=min(len(final), rng.randint(0, 6)))
        noted = {span for _control, span in predicted if rng.random() < 0.2} or None
        by_control: dict[str, list[Span]] = {}
        for control, span in predicted:
            by_control.setdefault(control, []).append(span)
        counted = []
        for pairs in (Survival.SCANNED_PAIRS, 0):
            survival = Survival()
            survival.SCANNED_PAIRS = pairs
            survival.add({"plugin": Predicted(by_control, [], noted)},
                         Labels(spans=sorted(final), controls=final), task_id=1)
            counted.append(survival.as_dict())
        assert counted[0] == counted[1]


def test_tasks_of_a_compact_export_are_decoded_in_batches_and_read_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Several tasks of Label Studio's one-line export go to one typed decode (JsonTaskReader._batch); a batch
    # holding a task it does not take (a textarea region), or cut at a false task end (a data list of objects
    # keyed like tasks), is read task by task instead, and after BATCH_MISSES such batches every task is.
    from schemas.label_studio_export import Task
    from server.exporting.sources import JsonTaskReader

    monkeypatch.setattr(JsonTaskReader, "CHUNK", 600)
    plain = [{"id": n, "annotations": [{"id": n, "result": [], "completed_by": 1}], "data": {"text": f"Texto {n}."}}
             for n in range(1, 41)]
    plain[12]["annotations"][0]["result"].append({"type": "textarea", "from_name": "note", "value": {"text": ["ok"]}})
    plain[25]["data"]["items"] = [{"id": 1, "annotations": []}, {"id": 2, "annotations": []}]
    tasks = plain + tricky_tasks()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    taken = []  # the tasks of each batch decoded
    original = JsonTaskReader._batch

    def counted(reader: JsonTaskReader, start: int) -> list[Task] | None:
        batch = original(reader, start)
        taken.append(len(batch or ()))
        return batch

    monkeypatch.setattr(JsonTaskReader, "_batch", counted)
    read = read_all(path)
    assert [location for location, _task in read] == [f"$[{n}]" for n in range(len(tasks))]
    assert [task for _location, task in as_loaded(read)] == [load_task(task, "$") for task in tasks]
    taken = [n for n in taken if n]
    assert len(taken) > 2 and max(taken) > 1 and sum(taken) < len(tasks) - 2
    assert [type(task) is Task for _location, task in read][12] is False
    monkeypatch.setattr(JsonTaskReader, "BATCH_MISSES", 0)  # never batched: the same tasks
    assert [task for _location, task in as_loaded(read_all(path))] == [load_task(task, "$") for task in tasks]


def test_offsets_on_a_normal_form_map_as_the_shortest_prefix_of_that_form() -> None:
    import random
    import unicodedata

    from server.exporting.placing import form_to_code_points

    def shortest_prefix(text: str, offsets: tuple[int, int], form: str) -> tuple[int, ...] | None:
        whole = unicodedata.normalize(form, text)
        if text.isascii() or whole == text:
            return None
        mapped = [next((low for low in range(len(text) + 1) if unicodedata.normalize(form, text[:low]) == whole[:offset]),
                       None) if 0 <= offset <= len(whole) else None for offset in offsets]
        return None if None in mapped else tuple(mapped)

    # Marks before and after letters, Hangul jamo, singletons (Ångström), line breaks between them all.
    alphabet = ["a", "e", "\u0301", "\u0327", "\u0323", "é", "ệ", "\n", "\r\n", " ", "가", "\u1100", "\u1161",
                "\u11a8", "😀", "\u212b", "\u0344", "\u1e9b\u0323"]
    rng = random.Random(11)
    for _round in range(4000):
        text = "".join(rng.choice(alphabet) for _n in range(rng.randint(1, 12)))
        for form in ("NFC", "NFD"):
            offsets = tuple(sorted((rng.randint(0, len(text) + 2), rng.randint(0, len(text) + 2))))
            assert form_to_code_points(text, offsets, form) == shortest_prefix(text, offsets, form), (text, offsets)
