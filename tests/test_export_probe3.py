"""The third malformed-input probe of ``anota export``: inputs a dataset
builder meets with Label Studio 1.23.2 exports that the malformed corpus,
probe2 and the fuzzer lack (fixtures/exports/probe3/, written by its
make_probe3.py; README.md there lists each), each giving a clear one-line
error and nothing written, or a complete output whose report says what was
repaired or left out; and the fixes the probe called for."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugins.exporters import CHOICES_NOT_IN_CONLL, NO_TOKEN_SPANS, TRIMMED
from schemas.label_studio_export import DRAFTS_LEFT_OUT
from server.cli import cli
from server.exporting.converting import (
    FOLDED_VOTES, PARAGRAPHS_HINT, SAME_ANNOTATOR, SKIPPED_GROUND_TRUTH, TEXT_KEY_GUESSED, TIED_LATEST, moment,
)
from server.exporting.pages import WITHOUT_OFFSETS
from tests.test_export_probe2 import BEYOND_64_BITS, EMPTY_RESULT

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe3"
FORMATS = ["jsonl", "conll", "spacy", "csv"]
LONE_SURROGATE = "a lone surrogate '\\ud800' at offset {} (half of an emoji's UTF-16 pair?), which UTF-8 cannot hold"
NOT_BOOLEAN = "Not a boolean but {}: Label Studio writes true or false"
BLANK = "only whitespace ({}): a label needs a visible character"
TYPE_CASE = "region types read in lower case ('Labels' as 'labels')"

# The error each input stops with (after the file's name).
ERRORS = {
    "annotation_id_beyond_64bit.json": f"task 6 at $[0]: annotations[0].id: {BEYOND_64_BITS}",
    "api_page_object.json": "object 0: an object with keys ['tasks', 'total'], not a task: a Label Studio JSON "
                            "export is a list of task objects; the tasks look to be the list under 'tasks': jq "
                            "'.tasks' gives it",
    "bom_on_every_line.jsonl": "line 2, column 1: expected a task object after task object 0, found a byte-order "
                               "mark (U+FEFF), which JSON allows only at the file's start (files joined into one?); "
                               "remove it",
    "cesu8_emoji.json": "not UTF-8 text (invalid continuation byte at byte 452, line 1: half of an emoji's UTF-16 "
                        "pair, as CESU-8 or Java's modified UTF-8 write it)",
    "choice_spaces_only.json": "task 25 at $[1]: annotations[0].result[1].value.choices[0]: "
                               + BLANK.format(repr("  ")),
    "choices_a_string.json": "task 28 at $[1]: annotations[0].result[0].value.choices: Not a valid list but a "
                            "string ('Neutral')",
    "choices_nested_list.json": "task 29 at $[1]: annotations[0].result[0].value.choices[0]: Not a valid string "
                               "but a list",
    "ground_truth_int.json": f"task 45 at $[1]: annotations[0].ground_truth: {NOT_BOOLEAN.format('a number (1)')}",
    "ground_truth_string.json": "task 44 at $[1]: annotations[0].ground_truth: "
                                + NOT_BOOLEAN.format("a string ('true')"),
    "id_nan.json": "task NaN at $[1]: id: Not a valid integer but a number (NaN)",
    "label_nbsp_only.json": "task 23 at $[1]: annotations[0].result[0].value.labels[0]: "
                            + BLANK.format(repr("\u00a0")),
    "label_tab_and_spaces.json": "task 24 at $[1]: annotations[0].result[0].value.labels[1]: "
                                 + BLANK.format(repr(" \t ")),
    "labels_region_with_choices_value.json": "task 30 at $[1]: annotations[0].result[0].value.labels: Missing data "
                                             "for required field",
    "list_of_lists.json": ("line 1, column 2: expected a task object at $[0], found a list inside the list of tasks "
                           "(exports pasted together? give one list)"),
    "lone_surrogate_in_annotator.json": "task 14 at $[1]: annotations[0].completed_by.email: "
                                        + LONE_SURROGATE.format(1),
    "lone_surrogate_in_control.json": "task 17 at $[1]: annotations[0].result[1].from_name: "
                                      + LONE_SURROGATE.format(4),
    "lone_surrogate_in_data_other_key.json": f"task 13 at $[1]: data.note: {LONE_SURROGATE.format(1)}",
    "lone_surrogate_in_language.json": f"task 19 at $[1]: data.language: {LONE_SURROGATE.format(1)}",
    "lone_surrogate_in_meta.json": f"task 12 at $[1]: meta.note: {LONE_SURROGATE.format(1)}",
    "lone_surrogate_in_model_version.json": f"task 16 at $[1]: predictions[0].model_version: "
                                            f"{LONE_SURROGATE.format(1)}",
    "lone_surrogate_in_source.json": f"task 15 at $[1]: meta.source: {LONE_SURROGATE.format(3)}",
    "lone_surrogate_in_value_text.json": "task 18 at $[1]: annotations[0].result[0].value.text: "
                                         + LONE_SURROGATE.format(2),
    # Export probe 19: JSON's whitespace only between tasks (the no-break space before the task was skipped).
    "nbsp_indent.json": "line 2, column 1: expected a task object at $[0], found a no-break space (U+00A0), which "
                        "JSON does not take for whitespace",
    "paragraphs_task.json": "task 8 at $[0]: data: no string value to export as the text (pass --text-key or "
                            "--label-config)" + PARAGRAPHS_HINT,
    "trailing_comma.json": "line 2, column 1: a comma after the last task $[0] (JSON allows none before ']')",
    # Why, and what to do, since s47-export2.
    "two_lists_concatenated.json": "line 2, column 1: unexpected data after the list of tasks, found '[': this line "
                                   "starts another list (JSON Lines whose lines are lists of tasks, or exports "
                                   "joined); anota export reads one list of tasks a file, or JSON Lines of one task "
                                   "object a line: write each list to a file of its own and export their folder, or "
                                   "join the lists into one",
    "type_capitalised_bad_value.json": "task 34 at $[1]: annotations[0].result[0].value.labels: Missing data for "
                                       "required field",
    "was_cancelled_int.json": f"task 43 at $[1]: annotations[0].was_cancelled: {NOT_BOOLEAN.format('a number (0)')}",
    "was_cancelled_string_false.json": "task 42 at $[1]: annotations[0].was_cancelled: "
                                       + NOT_BOOLEAN.format("a string ('false')"),
    "was_cancelled_string_true.json": "task 41 at $[1]: annotations[0].was_cancelled: "
                                      + NOT_BOOLEAN.format("a string ('true')"),
}
REPAIRED = {"repaired": {"spans repaired": 1}}
NO_MAJORITY = "spans without a majority of annotators"
CANCELLED = "cancelled (skipped) annotations"
# The inputs whose several annotations are all annotator 1's (noted since probe 18).
BY_ONE_ANNOTATOR = {"format_notes": {SAME_ANNOTATOR: 1}}

# What the report of each complete output counts (left_out, repaired, format_notes), and its spans.
REPORTED: dict[str, tuple[dict[str, dict[str, int]], int]] = {
    "annotation_ids_null_same_time.json": ({"format_notes": {SAME_ANNOTATOR: 1, TIED_LATEST: 1}}, 1),
    "bom_inside_text.json": ({}, 1),
    "gzip_of_json_lines.jsonl.gz": (EMPTY_RESULT, 2),  # read since exportprobe38
    # Widened over its mark when placed, in every format, since exportprobe36 (CoNLL had widened it to its token).
    "combining_mark_cut.json": ({"repaired": {"spans repaired": 1}}, 1),
    "csv_hostile_text.json": ({}, 1),
    # Its draft holds labels, said left out since exportprobe35 (it was only "without a finished annotation").
    "drafts_only.json": ({"left_out": {"tasks without a finished annotation": 1, DRAFTS_LEFT_OUT: 1}}, 2),
    "emoji_inside_span_utf16.json": (REPAIRED, 1),
    "escaped_surrogate_pair.json": ({}, 1),
    # The ground truth skipped, the latest finished one counted: said since s46-export2.
    "ground_truth_on_cancelled.json": ({"left_out": {CANCELLED: 1}, "format_notes": {SKIPPED_GROUND_TRUTH: 1}}, 1),
    # No globalOffsets: nothing places it on a page's text (was "regions of control type 'HyperTextLabels'").
    "hypertextlabels_not_labels.json": ({"left_out": {WITHOUT_OFFSETS: 1}}, 1),
    "id_2_to_63.json": ({}, 1),
    "id_int64_min.json": ({}, 1),
    "id_zero.json": ({}, 2),
    "infinity_in_meta.json": ({}, 3),
    "json_lines_cr_only.jsonl": ({}, 3),
    "json_lines_raw_u2028.jsonl": ({}, 3),
    "label_quote_comma_newline.json": ({"format_notes": {CHOICES_NOT_IN_CONLL: 1}}, 2),
    "label_trailing_space.json": ({"format_notes": {"labels with whitespace written with '_' in CoNLL tags": 1}}, 2),
    "language_pt_BR.json": ({}, 2),
    "language_unknown.json": (
        {"format_notes": {"languages spaCy has no tokenizer for (its multi-language rules used)": 1,
                          CHOICES_NOT_IN_CONLL: 1}}, 2),
    # All by annotator 1: one vote since s47-export, the latest (the greater id at one time), the rest folded.
    "majority_three_way.json": ({"format_notes": {SAME_ANNOTATOR: 1, FOLDED_VOTES: 2}}, 1),
    "majority_with_cancelled.json": ({"left_out": {CANCELLED: 1}, "format_notes": {SAME_ANNOTATOR: 1,
                                                                                   FOLDED_VOTES: 1}}, 2),
    "nan_in_data.json": ({}, 3),
    "nul_in_label.json": ({}, 2),
    "quote_whitespace_differs.json": ({}, 1),
    "region_hidden_readonly.json": ({}, 2),
    # A perRegion TextArea: the span's attribute since exportprobe42 (it was left out, reported).
    "region_parent_id_textarea.json": ({}, 1),
    "same_label_twice_in_region.json": ({"repaired": {"identical spans in one annotation kept once": 1}}, 2),
    "span_of_spaces.json": ({"format_notes": {NO_TOKEN_SPANS: 1}}, 1),  # left out of every format (s53-acceptance)
    "span_text_only_no_offsets.json": (REPAIRED, 1),
    "span_with_outer_spaces.json": ({"format_notes": {TRIMMED: 1}}, 2),
    "split_one_document.json": ({}, 2),
    "split_one_source.json": ({}, 10),
    "text_key_capitalised.json": ({"format_notes": {TEXT_KEY_GUESSED: 1}}, 1),  # data.Text, its only string
    "text_key_option_spans_on_title.json": ({"left_out": {
        "spans on Text 'title_obj' ($title): only the main text ($body) is exported; use --text-key title to export "
        "that one": 1}}, 1),
    "text_with_u2028.json": ({}, 2),
    "two_labels_one_region.json": (
        {"format_notes": {"overlapping spans left out of the token tags (longest span wins)": 1}}, 3),
    "type_capitalised.json": ({"repaired": {TYPE_CASE: 3}}, 2),
    "type_capitalised_prediction.json": ({"repaired": {TYPE_CASE: 1}}, 1),
    "type_with_space.json": ({"left_out": {"regions of control type 'labels ' (not exported)": 1}}, 1),
    "updated_at_fraction_or_not.json": (BY_ONE_ANNOTATOR, 1),
    "updated_at_offsets.json": (BY_ONE_ANNOTATOR, 1),
    "zwj_emoji_utf16_offsets.json": (REPAIRED, 1),
}
ARGUMENTS = {
    "text_key_option_spans_on_title.json": ["--text-key", "body"],
    "language_pt_BR.json": [], "language_unknown.json": [], "lone_surrogate_in_language.json": [],
    "split_one_document.json": ["--split", "80/10/10"], "split_one_source.json": ["--split", "80/10/10"],
    "majority_three_way.json": ["--policy", "majority"], "majority_with_cancelled.json": ["--policy", "majority"],
    "ground_truth_on_cancelled.json": ["--policy", "ground-truth"],
}


def format_of(name: str) -> str:
    """The format an input runs in: all four over the probe, the same for an input on every run."""
    return FORMATS[zlib.crc32(name.encode()) % len(FORMATS)]


def run_cli(path: Path | str, fmt: str, out: Path | str, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["export", str(path), "--format", fmt, "--out", str(out), *extra],
                              catch_exceptions=False)


def arguments(name: str) -> list[str]:
    return ARGUMENTS.get(name, ["--language", "pt"])


def spans_of(out: Path) -> list[dict[str, Any]]:
    return [span for path in sorted(out.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()
            for span in json.loads(line)["spans"]]


def assert_every_input_expected(probe: Path, errors: dict[str, Any], reported: dict[str, Any]) -> None:
    """Each input of a probe's folder is expected once: to stop with an error or to be exported and reported."""
    inputs = {path.name for path in probe.iterdir() if path.suffix not in (".py", ".md")}
    assert inputs == set(errors) | set(reported) and not set(errors) & set(reported)


def test_every_input_of_the_probe_is_expected() -> None:
    assert_every_input_expected(PROBE, ERRORS, REPORTED)


def assert_stops_cleanly(tmp_path: Path, path: Path, fmt: str, message: str, *extra: str) -> None:
    """An export of ``path`` stops with one line naming it and ``message``, and writes nothing in ``tmp_path``."""
    result = run_cli(path, fmt, tmp_path / "new" / "dataset", *extra)
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: {message}; nothing was written\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_malformed_inputs_stop_with_one_clear_line_and_write_nothing(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, format_of(name), ERRORS[name], *arguments(name))


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_what_the_probe_repairs_or_leaves_out_is_reported(tmp_path: Path, name: str) -> None:
    out = tmp_path / "dataset"
    result = run_cli(PROBE / name, format_of(name), out, "--quiet", *arguments(name))
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {kind: report[kind] for kind in ("left_out", "repaired", "format_notes") if report[kind]} == \
        REPORTED[name][0]
    assert sorted(path.name for path in out.iterdir()) == sorted([*report["files"], "report.json", "README.md"])


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_the_spans_the_probe_expects_are_exported(tmp_path: Path, name: str) -> None:
    result = run_cli(PROBE / name, "jsonl", tmp_path / "out", "--quiet", *arguments(name))
    assert result.exit_code == 0, result.output
    assert len(spans_of(tmp_path / "out")) == REPORTED[name][1]


# -------------------------------------------------------------------------
# What the probe found, one test each (each fails before its fix)
# -------------------------------------------------------------------------


def task_with(annotation: dict[str, Any], text: str = "O Lula veio.") -> dict[str, Any]:
    region = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 2, "end": 6, "text": "Lula", "labels": ["PER"]}}
    return {"id": 1, "data": {"text": text}, "annotations": [{"id": 10, "result": [region], **annotation}]}


@pytest.mark.parametrize("key", ["was_cancelled", "ground_truth"])
@pytest.mark.parametrize("value,shown", [("true", "a string ('true')"), ("false", "a string ('false')"),
                                         (0, "a number (0)"), (1, "a number (1)"), ("off", "a string ('off')")])
def test_a_flag_that_is_not_a_boolean_stops_the_export(tmp_path: Path, key: str, value: Any, shown: str) -> None:
    """marshmallow's Boolean read these as booleans: "true" left the annotation out as cancelled."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task_with({key: value})]), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1
    assert f"task 1 at $[0]: annotations[0].{key}: {NOT_BOOLEAN.format(shown)}; nothing was written" in result.output


@pytest.mark.parametrize("labels,index", [([" "], 0), (["PER", "\u3000"], 1), (["\n"], 0)])
def test_a_label_of_only_whitespace_stops_the_export(tmp_path: Path, labels: list[str], index: int) -> None:
    """It was exported (a CoNLL tag 'B-_')."""
    task = task_with({})
    task["annotations"][0]["result"][0]["value"]["labels"] = labels
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    result = run_cli(path, "conll", tmp_path / "out", "--language", "pt")
    assert result.exit_code == 1
    assert f"annotations[0].result[0].value.labels[{index}]: only whitespace" in result.output
    assert not (tmp_path / "out").exists()


def test_a_region_type_in_another_case_is_read_and_reported(tmp_path: Path) -> None:
    """'Labels' was left out as a control type Anota does not export."""
    task = task_with({})
    task["annotations"][0]["result"][0]["type"] = "Labels"
    task["annotations"][0]["result"].append({"from_name": "topic", "to_name": "text", "type": "CHOICES",
                                             "value": {"choices": ["Sport"]}})
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert run_cli(path, "jsonl", tmp_path / "out", "--quiet").exit_code == 0
    (example,) = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text().splitlines()]
    assert [span["label"] for span in example["spans"]] == ["PER"] and example["choices"] == {"topic": ["Sport"]}
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["repaired"] == {TYPE_CASE: 2} and report["left_out"] == {}
    assert report["details"][TYPE_CASE] == ["task 1, annotations[0].result[0].type: 'Labels'",
                                            "task 1, annotations[0].result[1].type: 'CHOICES'"]


@pytest.mark.parametrize("earlier,later", [
    ("2026-11-30T06:27:55Z", "2026-11-30T06:27:55.5Z"),  # Label Studio leaves out a fraction of zero
    ("2026-11-30T08:00:00+02:00", "2026-11-30T06:30:00Z"),
    ("2026-11-30T06:27:55.9Z", "2026-11-30T06:27:56"),  # no offset: UTC, as Label Studio writes
])
def test_the_latest_annotation_is_the_latest_in_time(tmp_path: Path, earlier: str, later: str) -> None:
    """Their strings were compared: the first of each pair sorted after the second."""
    task = task_with({"updated_at": later})
    earlier_annotation = json.loads(json.dumps(task["annotations"][0]))
    earlier_annotation.update(id=11, updated_at=earlier)
    earlier_annotation["result"][0]["value"]["labels"] = ["ORG"]
    task["annotations"].append(earlier_annotation)
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert run_cli(path, "jsonl", tmp_path / "out", "--quiet").exit_code == 0
    assert [span["label"] for span in spans_of(tmp_path / "out")] == ["PER"]


def test_a_time_that_does_not_read_is_the_earliest() -> None:
    assert moment("") == moment("not a time") < moment("1970-01-01T00:00:00Z") == moment("1970-01-01T01:00:00+01:00")


def test_utf16_offsets_shifted_onto_a_space_are_repaired(tmp_path: Path) -> None:
    """'Lula😀 ' (code points 2-8) differs from the quote 'Lula😀' only by
    whitespace, which passed as Label Studio's collapsed whitespace: the
    span took the space after it."""
    result = run_cli(PROBE / "emoji_inside_span_utf16.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    assert [(span["start"], span["end"], span["text"]) for span in spans_of(tmp_path / "out")] == [(2, 7, "Lula😀")]


def test_whitespace_collapsed_in_the_quote_still_keeps_the_offsets(tmp_path: Path) -> None:
    result = run_cli(PROBE / "quote_whitespace_differs.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    assert [(span["start"], span["end"]) for span in spans_of(tmp_path / "out")] == [(2, 16)]


@pytest.mark.parametrize("content,where", [
    (b'[{"id": 1,\n "data": {"text": "\xe9"}}]', "at byte 30, line 2: byte 0xE9 is 'é'"),
    (b'[\n\n{"id": 1, "data": {"text": "\xed\xa0\xbd\xed\xb8\x80"}}]', "at byte 31, line 3: half of an emoji's"),
])
def test_a_byte_that_is_not_utf8_is_placed(tmp_path: Path, content: bytes, where: str) -> None:
    """The error said 'invalid continuation byte' and not where."""
    path = tmp_path / "export.json"
    path.write_bytes(content)
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and where in result.output


@pytest.mark.parametrize("space,name", [("\ufeff", "a byte-order mark (U+FEFF)"), ("\u00a0", "a no-break space")])
def test_a_character_json_does_not_take_for_whitespace_is_named(tmp_path: Path, space: str, name: str) -> None:
    path = tmp_path / "export.jsonl"
    line = json.dumps(task_with({}))
    path.write_text(f"{line}\n{space}{line.replace('1', '2', 1)}\n" if space == "\ufeff" else
                    f"[{line.replace('{', '{' + space, 1)}]", encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and f"found {name}" in result.output


def test_a_jsonl_line_holds_no_character_that_splitlines_breaks_at(tmp_path: Path) -> None:
    """U+2028, U+2029 and U+0085 were written as they are: str.splitlines() cut the line there."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task_with({}, "O Lula\u2028veio\u2029hoje\x85, “já”.")]), encoding="utf-8")
    assert run_cli(path, "jsonl", tmp_path / "out", "--quiet").exit_code == 0
    written = (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8")
    assert "\\u2028veio\\u2029hoje\\u0085, “já”" in written and len(written.splitlines()) == 1
    assert json.loads(written)["text"] == "O Lula\u2028veio\u2029hoje\x85, “já”."


@pytest.mark.parametrize("label", ["\u200b", "\x00", "\u200b \u2060"])
def test_a_label_with_no_visible_character_stops_the_export(tmp_path: Path, label: str) -> None:
    """A zero-width space or a control character was exported as a class (the third probe's blind check)."""
    task = task_with({})
    task["annotations"][0]["result"][0]["value"]["labels"] = [label]
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1
    assert f"annotations[0].result[0].value.labels[0]: no visible character ({label!r})" in result.output
    assert not (tmp_path / "out").exists()
