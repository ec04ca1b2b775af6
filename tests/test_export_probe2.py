"""The second malformed-input probe of ``anota export``: inputs of kinds the
malformed corpus and the fuzzer lack (fixtures/exports/probe2/, written by its
make_probe2.py), each giving a clear one-line error and nothing written, or a
complete output whose report says what was repaired or left out; and the
fixes the probe called for."""

from __future__ import annotations

import csv
import json
import re
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugins.exporters import CHOICES_NOT_IN_CONLL, RELATIONS_NOT_WRITTEN
from schemas.label_studio_export import NULL_FLAG_REPAIR, ODD_META_REPAIR, SCORE_TEXT_REPAIR
from server.cli import cli
from server.exporting.converting import NOT_A_STRING_ID, RELATIONS_LEFT_OUT, TIED_LATEST
from server.exporting.pages import WITHOUT_OFFSETS

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe2"
FORMATS = ["jsonl", "conll", "spacy", "csv"]
CONFIGS = {"label_config_content.json": "content_config.xml"}
LONE_SURROGATE = "a lone surrogate '\\ud83d' at offset 3 (half of an emoji's UTF-16 pair?), which UTF-8 cannot hold"
SECOND_BOM = ("expected a JSON list of tasks, found a byte-order mark (U+FEFF) where the JSON should start: the file "
              "has two, or one after whitespace; remove it")
NOT_LABEL_STUDIO = (", not a Label Studio export: Anota reads the JSON export of a Label Studio project; import it "
                    "into Label Studio first")
NOT_AN_INT = "Not a valid integer but"
BEYOND_64_BITS = "Not a valid integer but a number beyond 64 bits: Label Studio's ids and offsets are 64-bit integers"

# Each input of the probe: the error it stops with (after the file's name), or what the report counts
# (left_out, repaired, format_notes). It runs in one format, chosen by its name: see format_of.
ERRORS = {
    "annotation_null.json": "task 6 at $[1]: annotations[0]: Not a valid mapping type but null",
    "annotations_an_object.json": "task 5 at $[1]: annotations: Not a valid list but an object",
    "anota_jsonl_output.jsonl": f"object 0: this looks like a dataset Anota exported (jsonl){NOT_LABEL_STUDIO}",
    "bool_offsets.json": f"task 21 at $[1]: annotations[0].result[0].value.start: {NOT_AN_INT} a boolean (true)",
    "choice_from_name_missing.json": "task 60 at $[0]: annotations[0].result[0].from_name: Missing data for required "
                                     "field",
    "choices_empty.json": "task 49 at $[1]: annotations[0].result[0].value.choices: Not a valid list of values "
                          "but an empty list: give at least one",
    "completed_by_a_list.json": "task 41 at $[0]: annotations[0].completed_by: Not a user id or a user object but a "
                                "list",
    "completed_by_object_without_id.json": "task 40 at $[0]: annotations[0].completed_by: Not a user id or a user "
                                           "object: an object without an email or id",
    "data_a_list.json": "task 27 at $[0]: data: Not a valid mapping type but a list",
    "doccano.jsonl": f"object 0: this looks like a doccano export (JSONL){NOT_LABEL_STUDIO}",
    "doccano_entities.jsonl": f"object 0: this looks like a doccano export (JSONL){NOT_LABEL_STUDIO}",
    "double_bom.json": f"line 1, column 1: {SECOND_BOM}",
    "float_offsets.json": f"task 14 at $[1]: annotations[0].result[0].value.start: {NOT_AN_INT} a number (2.0); "
                          f"annotations[0].result[0].value.end: {NOT_AN_INT} a number (6.0)",
    "huge_offsets_beyond_64bit.json": f"task 20 at $[0]: annotations[0].result[0].value.start: {BEYOND_64_BITS}; "
                                      f"annotations[0].result[0].value.end: {BEYOND_64_BITS}",
    "id_a_bool.json": f"task true at $[0]: id: {NOT_AN_INT} a boolean (true)",
    "id_a_float.json": f"task 55.0 at $[0]: id: {NOT_AN_INT} a number (55.0)",
    "id_a_string.json": f"task 54 at $[0]: id: {NOT_AN_INT} a string ('54')",
    "infinity_score.json": "task 17 at $[1]: annotations[0].result[0].score: Not a finite number but a number "
                           "(Infinity, or beyond a double's range)",
    "js_comment.json": ("line 1, column 1: JSON with a comment, which JSON does not allow; remove it: expected a "
                        "JSON list of tasks, found '// exported'"),
    "json_lines_trailing_garbage.json": "line 4, column 1: expected a task object after task object 1, found 'EOF'",
    "json_lines_with_a_list_line.json": "line 2, column 1: expected a task object after task object 0, found '['",
    "labels_a_number.json": "task 11 at $[1]: annotations[0].result[0].value.labels[0]: Not a valid string but a "
                            "number (7)",
    "labels_empty.json": "task 9 at $[1]: annotations[0].result[0].value.labels: Not a valid list of values "
                          "but an empty list: give at least one",
    "labels_null.json": "task 10 at $[1]: annotations[0].result[0].value.labels: Not a valid list but null",
    "latin1.json": "not UTF-8 text (invalid continuation byte at byte 277, line 1: byte 0xE3 is 'ã' in Windows-1252 "
                   "or Latin-1, as a spreadsheet or an editor may have saved the file; save it as UTF-8)",
    "lone_surrogate_in_label.json": "task 37 at $[0]: annotations[0].result[0].value.labels[0]: a lone surrogate "
                                    "'\\udc00' at offset 1 (half of an emoji's UTF-16 pair?), which UTF-8 cannot hold",
    "lone_surrogate_in_text.json": f"task 36 at $[0]: data.text: {LONE_SURROGATE}",
    "lone_surrogate_long_id.json": f"task {'7' * 37}... at $[0]: data.text: {LONE_SURROGATE}",
    "many_span_regions_one_bad_deep.json": f"task 400 at $[40]: annotations[0].result[0].value.end: {NOT_AN_INT} a "
                                           "string ('x')",
    "nan_offset.json": f"task 16 at $[1]: annotations[0].result[0].value.start: {NOT_AN_INT} a number (NaN)",
    "only_brackets_open.json": "line 1, column 2: expected a task object at $[0], the file ends (truncated or not an "
                               "export?)",
    "overflow_float_offset.json": f"task 18 at $[1]: annotations[0].result[0].value.start: {NOT_AN_INT} a number "
                                  "(Infinity, or beyond a double's range)",
    "prediction_bad_region.json": f"task 74 at $[0]: predictions[0].result[0].value.start: {NOT_AN_INT} a string "
                                  "('a')",
    "predictions_an_object.json": "task 46 at $[0]: predictions: Not a valid list but an object",
    "prodigy.jsonl": f"object 0: this looks like a Prodigy dataset (JSONL){NOT_LABEL_STUDIO}",
    # The quote named since malformed46 (fixtures/malformed46/README.md).
    "python_repr.json": "line 1, column 3: invalid JSON in task $[0]: Expecting property name enclosed in double "
                        "quotes (found \"'\": JSON quotes strings and names with \" only)",
    "region_null.json": "task 7 at $[1]: annotations[0].result[0]: Not a valid mapping type but null",
    "region_value_text_a_list.json": "task 64 at $[1]: annotations[0].result[0].value.text: Not a valid string but a "
                                     "list",
    "result_an_object.json": "task 4 at $[1]: annotations[0].result: Not a valid list but an object",
    "space_then_bom.json": f"line 1, column 3: {SECOND_BOM}",
    "string_end.json": f"task 15 at $[1]: annotations[0].result[0].value.end: {NOT_AN_INT} a string ('6')",
    "text_a_list.json": "task 24 at $[0]: data.text: Not a string but a list: the text to export",
    "text_an_object.json": "task 25 at $[0]: data.text: Not a string but an object: the text to export",
    "updated_at_a_number.json": "task 61 at $[0]: annotations[0].updated_at: Not a valid string but a number "
                                "(1732950000)",
    "utf16_be_bom.json": "not UTF-8 text (UTF-16 text (byte-order mark FE FF): save it as UTF-8)",
    "value_null.json": "task 8 at $[1]: annotations[0].result[0].value: Not a valid mapping type but null",
    "was_cancelled_odd_string.json": "task 43 at $[0]: annotations[0].was_cancelled: Not a boolean but a string "
                                     "('maybe'): Label Studio writes true or false",
    # Read as booleans, and a label of spaces exported, until the third probe (tests/test_export_probe3.py).
    "was_cancelled_strings.json": "task 42 at $[0]: annotations[0].was_cancelled: Not a boolean but a string "
                                  "('true'): Label Studio writes true or false; annotations[1].was_cancelled: Not a "
                                  "boolean but a string ('false'): Label Studio writes true or false",
    "label_whitespace_only.json": "task 59 at $[0]: annotations[0].result[0].value.labels[0]: only whitespace (' '): "
                                  "a label needs a visible character",
}
NOT_FIT = "spans that do not fit the text"
EMPTY_SPAN = "empty spans (start equals end: they hold no character)"
QUOTE_DIFFERS = "spans whose text differs from the text at their offsets"
REPAIRED = {"repaired": {"spans repaired": 1}}
EMPTY_RESULT = {"format_notes": {"annotations with an empty result (exported without labels)": 1}}


def not_exported(*kinds: str, **counts: int) -> dict[str, int]:
    return {f"regions of control type {kind!r} (not exported)": counts.get(kind, 1) for kind in kinds}


# A conll run's sentiment, which CoNLL has no column for, is noted (exporters 0.2.7, exportprobe41).
CONLL_CHOICES = {"format_notes": {CHOICES_NOT_IN_CONLL: 1}}
TEXT_OF_SPANS = ("texts read from the only data key a task's spans are drawn on (their to_name, their quotes; no "
                 "--text-key, no labeling config)")
ONLY_STRING = "texts read from the only string of a task's data (no --text-key, no labeling config)"
REPORTED: dict[str, dict[str, dict[str, int]]] = {
    "agreement_pipe.json": {"format_notes": {TIED_LATEST: 1}},  # two answers at one moment: which counted, said
    "all_cancelled.json": {"left_out": {"cancelled (skipped) annotations": 1,
                                        "tasks without a finished annotation": 1}},
    "bom_json_lines.json": {"format_notes": {**EMPTY_RESULT["format_notes"], CHOICES_NOT_IN_CONLL: 1}},  # conll: its sentiment noted since exporters 0.2.7
    "choice_with_pipe.json": {},
    "gzip_of_export.json.gz": CONLL_CHOICES,  # read since exportprobe38
    "meta_a_string.json": {"repaired": {ODD_META_REPAIR: 1}, **CONLL_CHOICES},  # read as none since exportprobe33
    "choices_with_backslash.json": {"format_notes": {"choices with '|' or '\\' escaped with a backslash in CSV": 1}},
    "completed_by_variants.json": {},
    # Since session 42 the spans' quotes tell their text without a config: data.content (they were left out, and
    # task 23 of data_without_text_key stopped the export: "cannot tell which of ['content', 'title'] is the text").
    "content_and_text_without_config.json": {"format_notes": {TEXT_OF_SPANS: 1, CHOICES_NOT_IN_CONLL: 1}},
    "data_without_text_key.json": {"format_notes": {TEXT_OF_SPANS: 1, ONLY_STRING: 1, CHOICES_NOT_IN_CONLL: 2}},
    "crlf_and_emoji_utf16.json": {"repaired": {"spans repaired": 2}},
    "crlf_indented_json.json": {},
    "crlf_json_lines.json": EMPTY_RESULT,
    "docstart_token_in_text.json": {},
    "duplicate_keys.json": {"left_out": {QUOTE_DIFFERS: 1}},  # the last "text" counts, as in json and orjson
    "duplicated_region_ids.json": {},
    "empty_list.json": {},
    "empty_span.json": {"left_out": {EMPTY_SPAN: 2}},  # NOT_FIT until s46-export2
    "ground_truth_null.json": {"repaired": {NULL_FLAG_REPAIR: 1}},  # read as false, said since probe 30
    "huge_offsets_64bit.json": REPAIRED,
    "label_config_content.json": {},
    "label_with_newline.json": {"format_notes": {"labels with whitespace written with '_' in CoNLL tags": 1}},
    "majority_tie.json": {"format_notes": {TIED_LATEST: 1}},  # under latest: two answers at one moment
    "negative_offsets.json": {"repaired": {"spans repaired": 2}},
    "negative_task_id.json": {},
    # offsets counted on the text's NFC form, the quote the same text: moved (exportprobe36; it was left out)
    "nfd_text_nfc_quote.json": {"repaired": {"spans repaired": 1}},
    "nul_byte_in_text.json": {},
    "odd_whitespace_in_tokens.json": {},
    "only_unexported_results.json": {"left_out": not_exported("textarea")},
    # Its task-level taxonomy is exported (tests/test_export_taxonomy.py).
    # Its hypertextlabels region has no globalOffsets (was "regions of control type 'hypertextlabels'").
    "other_result_types.json": {"left_out": {**not_exported("number", "rating", "datetime", "pairwise"),
                                             WITHOUT_OFFSETS: 1}},
    "predictions_model_version_only.json": {},
    "predictions_only_no_annotations.json": {"left_out": {"tasks without a finished annotation": 1}},
    "quote_disagrees_matches_once.json": REPAIRED,
    "quote_disagrees_matches_twice.json": {"left_out": {QUOTE_DIFFERS: 1}},
    # s51-export: a relation between two exported spans is written (JSONL); one whose end is left out is said.
    "relation_to_left_out_span.json": {"left_out": {NOT_FIT: 1, RELATIONS_LEFT_OUT: 1}},
    # Run as spacy (format_of): its one relation between two spans is said not written there.
    "relations_only.json": {"left_out": {RELATIONS_LEFT_OUT: 1, RELATIONS_NOT_WRITTEN.format("spacy"): 1}},
    # "0.9": a number's text, read as the number (exportprobe28); it was read so in silence.
    "score_a_string.json": {"repaired": {SCORE_TEXT_REPAIR: 1}},
    "single_task_object.json": {},
    # Written as its JSON text (exportprobe28); it was Python's "{'url': 'x'}".
    "source_an_object.json": {"format_notes": {NOT_A_STRING_ID: 1}},
    "spans_over_zero_width.json": {},
    "start_after_end_ambiguous.json": {"left_out": {NOT_FIT: 1}},
    "tab_indented_json.json": CONLL_CHOICES,
    "text_empty_with_span.json": {"left_out": {NOT_FIT: 1}},
    "type_empty_and_null.json": {"left_out": not_exported("")},
    "type_uppercase.json": {"repaired": {"region types read in lower case ('Labels' as 'labels')": 1}},
    "utf8_byte_offsets.json": REPAIRED,
}


def format_of(name: str) -> str:
    """The format an input runs in: all four over the probe, the same for an input on every run."""
    return FORMATS[zlib.crc32(name.encode()) % len(FORMATS)]


def run_cli(path: Path, fmt: str, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["export", str(path), "--format", fmt, "--out", str(out), "--language", "pt",
                                    *extra], catch_exceptions=False)


# Inputs that give no example: an export of them stops saying why (tests/test_export_gaps.py), unless --allow-empty.
EMPTY_DATASETS = ("empty_list.json", "predictions_only_no_annotations.json")


def probe_arguments(name: str) -> list[str]:
    empty = ["--allow-empty"] if name in EMPTY_DATASETS else []
    return ["--label-config", str(PROBE / CONFIGS[name]), *empty] if name in CONFIGS else empty


def test_every_input_of_the_probe_is_expected() -> None:
    inputs = {path.name for path in PROBE.iterdir() if path.suffix not in (".py", ".xml")}
    assert inputs == set(ERRORS) | set(REPORTED) and not set(ERRORS) & set(REPORTED)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_malformed_inputs_stop_with_one_clear_line_and_write_nothing(tmp_path: Path, name: str) -> None:
    out = tmp_path / "new" / "dataset"
    result = run_cli(PROBE / name, format_of(name), out, *probe_arguments(name))
    assert result.exit_code == 1
    assert result.output == f"Error: {PROBE / name}: {ERRORS[name]}; nothing was written\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_what_the_probe_repairs_or_leaves_out_is_reported(tmp_path: Path, name: str) -> None:
    out = tmp_path / "dataset"
    result = run_cli(PROBE / name, format_of(name), out, "--quiet", *probe_arguments(name))
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {kind: report[kind] for kind in ("left_out", "repaired", "format_notes") if report[kind]} == REPORTED[name]
    assert sorted(path.name for path in out.iterdir()) == sorted([*report["files"], "report.json", "README.md"])


# -------------------------------------------------------------------------
# What the probe found, one test each
# -------------------------------------------------------------------------


def split_values(joined: str) -> list[str]:
    """The values of a CSV cell: split at each ``|`` no backslash escapes, then unescaped."""
    values, current, characters = [], [], iter(joined)
    for character in characters:
        if character == "\\":
            current.append(next(characters))
        elif character == "|":
            values.append("".join(current))
            current = []
        else:
            current.append(character)
    return [*values, "".join(current)]


def test_a_choice_holding_the_separator_is_escaped_in_csv_and_read_back(tmp_path: Path) -> None:
    """["A|B"] and ["A", "B"] were both written ``A|B``."""
    result = run_cli(PROBE / "choice_with_pipe.json", "csv", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    with (tmp_path / "out" / "train.csv").open(encoding="utf-8", newline="") as rows:
        cells = {row["control"]: row["choice"] for row in csv.DictReader(rows)}
    assert cells == {"topic": "A\\|B", "topic2": "A|B"}
    assert {control: split_values(cell) for control, cell in cells.items()} == {"topic": ["A|B"], "topic2": ["A", "B"]}
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {"choices with '|' or '\\' escaped with a backslash in CSV": 1}
    assert report["choices"]["train"] == {"topic=A\\|B": 1, "topic2=A|B": 1}


def test_a_backslash_in_a_choice_is_doubled_in_csv(tmp_path: Path) -> None:
    result = run_cli(PROBE / "choices_with_backslash.json", "csv", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    with (tmp_path / "out" / "train.csv").open(encoding="utf-8", newline="") as rows:
        (row,) = csv.DictReader(rows)
    assert row["choice"] == "A\\\\|B" and split_values(row["choice"]) == ["A\\", "B"]


def test_one_choice_holding_the_separator_does_not_agree_with_two_choices(tmp_path: Path) -> None:
    result = run_cli(PROBE / "agreement_pipe.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    agreement = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["agreement"]
    assert agreement["choices"]["topic"]["observed_agreement"] == 0.0  # was 1.0


def test_a_long_task_id_is_shortened_in_a_lone_surrogate_error(tmp_path: Path) -> None:
    result = run_cli(PROBE / "lone_surrogate_long_id.json", "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and "7" * 38 not in result.output
    assert re.search(r"task 7{37}\.\.\. at \$\[0\]: data\.text: a lone surrogate", result.output)


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf\xef\xbb\xbf[]", b"\n\xef\xbb\xbf[]"])
def test_a_second_byte_order_mark_is_named_not_taken_for_csv(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and SECOND_BOM in result.output and "CSV" not in result.output


@pytest.mark.parametrize("line,tool", [
    ({"id": 1, "text": "A Meta.", "label": [[2, 6, "ORG"]]}, "a doccano export (JSONL)"),
    ({"text": "A Meta.", "entities": [{"start_offset": 2, "end_offset": 6, "label": "ORG"}]}, "a doccano export"),
    ({"text": "A Meta.", "spans": [], "answer": "accept"}, "a Prodigy dataset (JSONL)"),
    ({"text": "A Meta.", "spans": [], "claims": [], "meta": {"task_id": 1, "anota_id": "x"}},
     "a dataset Anota exported (jsonl)"),
])
def test_another_tools_dataset_is_named(tmp_path: Path, line: dict[str, Any], tool: str) -> None:
    path = tmp_path / "input.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and f": object 0: this looks like {tool}" in result.output
    assert "JSON_MIN" not in result.output


def test_a_json_min_export_is_still_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "input.json"
    path.write_text(json.dumps([{"id": 1, "text": "A Meta.", "label": [{"start": 2, "end": 6, "labels": ["ORG"]}],
                                 "annotator": 1}]), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and "looks like a JSON_MIN" in result.output


def test_a_docstart_token_is_reported_in_conll(tmp_path: Path) -> None:
    """A reader takes a line that starts with -DOCSTART- for a document break,
    and drops it with its tag: written as it is, but said."""
    result = run_cli(PROBE / "docstart_token_in_text.json", "conll", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    lines = (tmp_path / "out" / "train.conll").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["-DOCSTART- -X- O O", "", "-DOCSTART- -X- _ B-MISC"]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {"tokens -DOCSTART- in CoNLL (readers take their line for a document break)": 1}
