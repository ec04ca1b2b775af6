"""The eighteenth malformed-input probe of ``anota export``: inputs the earlier
probes lack (fixtures/exports/probe18/, written by its make_probe18.py;
README.md there lists each with what was expected before the first run, and
run_probe18.py runs them all as subprocesses), each giving a clear one-line
error and nothing written, or a complete output whose report says what was
repaired or left out; and one test for each fix the probe called for."""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugins.exporters import NO_TOKENIZER, TOKENIZER_NEEDS_PACKAGE
from server.cli import cli
from server.exporting.converting import FOLDED_VOTES, SAME_ANNOTATOR
from server.exporting.examples import Labels, Span
from server.exporting.report import Agreement, ExportReport, summary
from tests.test_export_probe2 import QUOTE_DIFFERS
from tests.test_export_probe3 import assert_every_input_expected, assert_stops_cleanly, run_cli, spans_of
from tests.test_export_probe15 import format_of

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe18"
BASE = json.loads((PROBE.parent / "export_JSON.json").read_text(encoding="utf-8"))[0]
SAMPLE = PROBE.parent / "probe15" / "jq_pretty_objects.json"
WIDENED = "spans widened to whole tokens"
ENCODED_TWICE = "Not a valid list but a string holding JSON text (the list was encoded twice): decode it"
MAPPING_ENCODED_TWICE = ("Not a valid mapping type but a string holding JSON text (the object was encoded "
                         "twice): decode it")

# The error each input stops with (after the file's name).
ERRORS = {
    "annotations_a_json_string.json": f"task 1 at $[0]: annotations: {ENCODED_TWICE}",
    "data_a_json_string.json": f"task 1 at $[0]: data: {MAPPING_ENCODED_TWICE}",
    "duplicate_id_key.json": "task id 2 appears twice, at $[0] and $[1]",
    "duplicated_ids_outside_bitmap.json": "task id 1099511627776 appears twice, at $[0] and $[2]",
    "labels_an_object.json": "task 1 at $[0]: annotations[0].result[0].value.labels: Not a valid list but an object",
    "markdown_fenced.json": "line 1, column 1: expected a JSON list of tasks, found '```json'",
    "modified_utf8_nul.json": "not UTF-8 text (invalid start byte at byte 950, line 1)",
    "nul_filled.json": "not UTF-8 text (binary data, not text: give the JSON file Label Studio exported)",
}
# What the report of each complete output counts (left_out, repaired, format_notes) in JSONL, and its spans.
REPORTED: dict[str, tuple[dict[str, dict[str, int]], int]] = {
    "crlf_folded_with_lone_cr.json": ({"repaired": {"spans repaired": 1}}, 2),
    "duplicate_start_key.jsonl": ({"repaired": {"spans repaired": 1}}, 4),
    # Session 37: a span holds whole characters (grapheme clusters): the half flag and the first person of the
    # family are widened to the whole flag and family, reported (they were written as given).
    "flag_emoji_half_span.json": ({"repaired": {"spans repaired": 2}}, 2),
    "label_capital_o.json": ({}, 2),
    "mixed_line_endings.json": ({}, 3),
    "noncharacters_private_use.json": ({}, 3),
    "prediction_of_a_removed_model.json": ({}, 2),
    "quotes_disagree_several.json": ({"left_out": {QUOTE_DIFFERS: 2}}, 2),
    "rtl_arabic.json": ({}, 3),
    "span_starts_inside_crlf.json": (
        {"format_notes": {"entity spans trimmed of punctuation or whitespace at their edges": 1}}, 1),
    "utf16_and_crlf_folded.json": ({"left_out": {QUOTE_DIFFERS: 1}, "repaired": {"spans repaired": 1}}, 1),
    "zalgo_text.json": ({}, 2),
}


def test_every_input_of_the_probe_is_expected() -> None:
    assert_every_input_expected(PROBE, ERRORS, {**REPORTED, **dict.fromkeys(FIXED)})


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_malformed_inputs_stop_with_one_clear_line_and_write_nothing(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, format_of(name), ERRORS[name], "--language", "pt")


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_what_the_probe_repairs_or_leaves_out_is_reported(tmp_path: Path, name: str) -> None:
    out = tmp_path / "dataset"
    result = run_cli(PROBE / name, "jsonl", out, "--quiet", "--split", "80/10/10")
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {kind: report[kind] for kind in ("left_out", "repaired", "format_notes") if report[kind]} == \
        REPORTED[name][0]
    assert sorted(path.name for path in out.iterdir()) == sorted([*report["files"], "report.json", "README.md"])
    examples = [json.loads(line) for path in sorted(out.glob("*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(len(example["spans"]) for example in examples) == REPORTED[name][1]
    assert all(example["text"][span["start"]:span["end"]] == span["text"]  # nothing shifted
               for example in examples for span in example["spans"])


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_every_format_exports_them(tmp_path: Path, name: str) -> None:
    fmt = format_of(name) if format_of(name) != "jsonl" else "conll"
    result = run_cli(PROBE / name, fmt, tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output


# -------------------------------------------------------------------------
# What the probe found, one test each (each fails before its fix)
# -------------------------------------------------------------------------

# The inputs whose expected outcome needed a fix: each is tested below.
FIXED = ["bom_only.json", "label_ansi_escape.json", "language_ja.json", "language_ko.json", "language_th.json",
         "language_vi.json", "language_zh.json", "language_odd_values.json", "same_annotator_twice_majority.json",
         "sqlite_database.json"]


def _pairwise(annotations: list[Labels]) -> tuple[int, dict[str, int], dict[str, int]]:
    """Span agreement as it was counted: pair by pair."""
    pairs, matches, totals = 0, {}, {}
    for first, second in itertools.combinations(annotations, 2):
        pairs += 1
        for span in set(first.spans) & set(second.spans):
            matches[span.label] = matches.get(span.label, 0) + 1
        for span in first.spans + second.spans:
            totals[span.label] = totals.get(span.label, 0) + 1
    return pairs, matches, totals


def _labels(spans: list[Span]) -> Labels:
    return Labels(spans=sorted(spans), controls=dict.fromkeys(spans, "label"))


def test_span_agreement_counts_every_pair_as_before() -> None:
    rng = random.Random(18)
    pool = [Span(start, start + 4, label, "Meta") for start in range(0, 40, 5) for label in ("ORG", "PER")]
    for _ in range(200):
        annotations = [_labels(rng.sample(pool, rng.randint(0, 6))) for _ in range(rng.randint(2, 7))]
        agreement = Agreement()
        agreement.add_task(annotations)
        pairs, matches, totals = _pairwise(annotations)
        counted_matches, counted_totals = agreement.label_counts()
        assert (agreement.span_pairs, dict(+counted_matches), dict(counted_totals)) == (pairs, matches, totals)


def test_the_span_agreement_of_thousands_of_annotators_takes_no_time() -> None:
    """3,000 annotations of one task are 4.5 million pairs: the export took 10 s, 25 s under a profiler."""
    spans = [Span(2, 6, label, "Meta") for label in ("ORG", "PER", "LOC")]
    annotations = [_labels([spans[n % 3], Span(35, 39, "ORG", "Qwen")]) for n in range(3_000)]
    agreement = Agreement()
    started = time.process_time()
    agreement.add_task(annotations)
    assert time.process_time() - started < 1.0
    assert agreement.span_pairs == 3_000 * 2_999 // 2
    org_matches = 1_000 * 999 // 2 + 3_000 * 2_999 // 2
    assert agreement.as_dict()["spans"]["per_label"]["ORG"] == round(2 * org_matches / (4_000 * 2_999), 4)


@pytest.mark.parametrize("content,message", [
    (b"\xef\xbb\xbf", "line 1, column 1: the file holds only a byte-order mark"),
    (b"\xef\xbb\xbf \n", "line 2, column 1: the file holds only a byte-order mark and whitespace"),
    (b" \n", "line 2, column 1: the file holds only whitespace"),  # the guard: as before
])
def test_a_byte_order_mark_alone_is_named(tmp_path: Path, content: bytes, message: str) -> None:
    """It was 'the file holds only whitespace'."""
    path = tmp_path / "export.json"
    path.write_bytes(content)
    (tmp_path / "run").mkdir()
    assert_stops_cleanly(tmp_path / "run", path, "jsonl", message)


def test_an_sqlite_database_is_named(tmp_path: Path) -> None:
    """It was 'not UTF-8 text (invalid start byte at byte 152, line 2)'."""
    assert_stops_cleanly(tmp_path, PROBE / "sqlite_database.json", "csv",
                         "not UTF-8 text (an SQLite database, not an export: give the JSON file Label Studio "
                         "exported; --from-db reads the annotations Anota stored)")


def test_an_input_whose_name_is_not_utf8_is_exported(tmp_path: Path) -> None:
    """report.json could not hold its name: 'the 'jsonl' exporter failed after 3 tasks: UnicodeEncodeError'."""
    path = tmp_path / os.fsdecode(b"export-\xff.json")
    path.write_bytes(SAMPLE.read_bytes())
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["source"] == f"{tmp_path}/export-\\xff.json"
    assert f"from {tmp_path}/export-\\xff.json as" in (tmp_path / "out" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("option,given", [("--split", ""), ("--language", ""), ("--language", " "),
                                          ("--split", " ")])
def test_an_empty_option_is_refused(tmp_path: Path, option: str, given: str) -> None:
    """--split '' exported without a split, --language '' detected each task's language: silently."""
    result = CliRunner().invoke(cli, ["export", str(SAMPLE), "--format", "jsonl", "--out", str(tmp_path / "out"),
                                      option, given])
    assert result.exit_code == 2 and f"Invalid value for {option}: empty: give " in result.output
    assert list(tmp_path.iterdir()) == []


def _majority_report(tmp_path: Path, people: list[int | None]) -> dict[str, Any]:
    """The report of --policy majority on the sample task annotated by ``people``: the first says
    'Meta' ORG, the last PER, the others ORG."""
    made = json.loads(json.dumps(BASE))
    first = made["annotations"][0]
    made["annotations"] = []
    for number, person in enumerate(people):
        annotation = json.loads(json.dumps(first))
        annotation.update(id=101 + number, completed_by=person)
        annotation["result"][0]["value"]["labels"] = ["PER" if number == len(people) - 1 else "ORG"]
        made["annotations"].append(annotation)
    path = tmp_path / "export.json"
    path.write_text(json.dumps([made]), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet", "--policy", "majority")
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))


def test_one_annotators_second_annotation_is_said_not_counted_as_anothers(tmp_path: Path) -> None:
    """Annotator 1's two ORG outvoted annotator 2's PER as '1 of 3 annotators', and made an agreement pair;
    since s47-export one annotator is one vote (their latest): ORG 1, PER 1 of 2, neither kept."""
    report = _majority_report(tmp_path, [1, 1, 2])
    assert report["details"]["spans without a majority of annotators"] == [
        "task 1: ORG [2, 6) 'Meta' (1 of 2 annotators)", "task 1: PER [2, 6) 'Meta' (1 of 2 annotators)"]
    assert report["format_notes"] == {SAME_ANNOTATOR: 1, FOLDED_VOTES: 1}
    assert report["details"][SAME_ANNOTATOR] == ["task 1: annotator '1': annotations [101, 102]"]


@pytest.mark.parametrize("people", [[1, 2, 3], [None, None, 2]])
def test_three_annotators_or_unnamed_ones_are_counted_as_before(tmp_path: Path, people: list[int | None]) -> None:
    report = _majority_report(tmp_path, people)
    assert report["details"]["spans without a majority of annotators"] == ["task 1: PER [2, 6) 'Meta' (1 of 3 "
                                                                           "annotators)"]
    assert SAME_ANNOTATOR not in report["format_notes"]


@pytest.mark.parametrize("code,package", [("ja", "SudachiPy"), ("ko", "mecab-ko"), ("th", "PyThaiNLP"),
                                          ("vi", "Pyvi")])
@pytest.mark.parametrize("fmt", ["conll", "spacy"])
def test_a_tokenizer_that_needs_a_package_says_so(tmp_path: Path, code: str, package: str, fmt: str) -> None:
    """'languages spaCy has no tokenizer for': spaCy has one, which needs a package not installed."""
    result = run_cli(PROBE / f"language_{code}.json", fmt, tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"][TOKENIZER_NEEDS_PACKAGE] == 1 and NO_TOKENIZER not in report["format_notes"]
    (detail,) = report["details"][TOKENIZER_NEEDS_PACKAGE]
    assert detail.startswith(f"task 1: '{code}': ") and package in detail


def test_languages_spacy_has_no_rules_for_are_noted_as_before(tmp_path: Path) -> None:
    result = run_cli(PROBE / "language_odd_values.json", "conll", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {NO_TOKENIZER: 2}
    assert report["details"][NO_TOKENIZER] == ["task 4: 'zz'", "task 7: '../en'"]
    assert report["examples"] == {"train": 8}


@pytest.mark.parametrize("fmt", ["conll", "spacy"])
def test_chinese_is_tokenized_by_spacys_characters(tmp_path: Path, fmt: str) -> None:
    """spaCy's Chinese tokenizer has no special cases ('rules'): the export stopped, blaming the exporter."""
    result = run_cli(PROBE / "language_zh.json", fmt, tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert not report["format_notes"]
    if fmt == "conll":
        rows = (tmp_path / "out" / "train.conll").read_text(encoding="utf-8").split("\n")[2:5]
        assert rows == ["梅 -X- _ B-ORG", "塔 -X- _ I-ORG", "在 -X- _ O"]


def test_a_label_that_would_command_the_terminal_is_shown_escaped(tmp_path: Path) -> None:
    """The summary sent '\\x1b[31mORG\\x1b[0m' as it is: a terminal coloured the line (or cleared the screen)."""
    report = ExportReport()
    report.labels["train"].update(["\x1b[31mORG\x1b[0m", "Organização"])
    lines = summary(report, tmp_path).splitlines()
    assert lines[1] == "labels: '\\x1b[31mORG\\x1b[0m' 1, Organização 1"  # the guard: a printable one as it is
    result = run_cli(PROBE / "label_ansi_escape.json", "jsonl", tmp_path / "out")
    assert result.exit_code == 0 and "\x1b" not in result.output
    assert spans_of(tmp_path / "out")[0]["label"] == "\x1b[31mORG\x1b[0m"  # exported as it is


def _choice_regions(values: list[list[str]]) -> dict[str, Any]:
    made = json.loads(json.dumps(BASE))
    made["annotations"][0]["result"] += [{"from_name": "topic", "to_name": "text", "type": "choices",
                                          "value": {"choices": chosen}} for chosen in values]
    return made


@pytest.mark.parametrize("values,merged", [([["A"], ["B", "A"], ["C"]], ["A", "B", "C"]), ([["A"]], ["A"])])
def test_choice_regions_of_one_control_merge_first_seen_first(tmp_path: Path, values: list[list[str]],
                                                               merged: list[str]) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([_choice_regions(values)]), encoding="utf-8")
    assert run_cli(path, "jsonl", tmp_path / "out", "--quiet").exit_code == 0
    example = json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))
    assert example["choices"]["topic"] == merged


def test_ten_thousand_choice_regions_of_one_control_merge_in_linear_time(tmp_path: Path) -> None:
    """Each merge made the control's tuple anew (and its detail joined it): 10,000 regions took 3 s. Ten times
    the regions cost about ten times the process time (linear; 6.5x measured, the command's start-up shared),
    under thirty times (quadratic: a hundred times): a ratio within one run, not seconds, which a loaded
    machine stretches."""
    seconds = {}
    for count in (2_000, 20_000):
        path = tmp_path / f"export{count}.json"
        path.write_text(json.dumps([_choice_regions([[f"T{n}"] for n in range(count)])]), encoding="utf-8")
        started = time.process_time()
        assert run_cli(path, "jsonl", tmp_path / f"out{count}", "--quiet").exit_code == 0
        seconds[count] = time.process_time() - started
        example = json.loads((tmp_path / f"out{count}" / "train.jsonl").read_text(encoding="utf-8"))
        assert example["choices"]["topic"] == [f"T{n}" for n in range(count)]
    assert seconds[20_000] < 30 * seconds[2_000], seconds


def test_an_excel_workbook_is_named(tmp_path: Path) -> None:
    """Found blind: 'a zip file: unzip it first', which gives the workbook's XML, no export."""
    import zipfile

    for name, members in (("book.json", ["[Content_Types].xml", "xl/workbook.xml"]), ("zip.json", ["export.json"])):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            for member in members:
                archive.writestr(member, "<x/>")
    (tmp_path / "run").mkdir()
    assert_stops_cleanly(tmp_path / "run", tmp_path / "book.json", "jsonl",
                         "not UTF-8 text (an Office document (an Excel workbook?), not the JSON export: export the "
                         "project from Label Studio as JSON)")
    # The guard: any other zip is read through its one JSON member since exportprobe38 (this one's is XML).
    result = run_cli(tmp_path / "zip.json", "jsonl", tmp_path / "run" / "new")
    assert result.exit_code == 1 and result.output == (
        f"Error: {tmp_path / 'zip.json'} (export.json in the zip): line 1, column 1: an HTML or XML page, not JSON (a "
        "login or error page saved instead of the export?): expected a JSON list of tasks, found '<x/>'; nothing was "
        "written\n")
    assert list((tmp_path / "run").iterdir()) == []
