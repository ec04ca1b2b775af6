"""The sixteenth malformed-input probe of ``anota export``: inputs the earlier
probes lack (fixtures/exports/probe16/, written by its make_probe16.py;
README.md there lists each with what was expected before the first run), each
giving a clear one-line error and nothing written, or a complete output whose
report says what was repaired or left out; and the fixes the probe and the
fifteenth's known problems called for: a book-length text tokenized in parts,
the overlap rule in one search per span, annotations without an id listed twice."""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import plugins.exporters as exporters
from plugins.exporters import ConllExporter, SpacyExporter, example_doc, example_offsets, resolve_overlaps
from server.cli import cli
from server.exporting.converting import REPEATED_ANNOTATIONS
from server.exporting.examples import Example, Labels, Span
from server.exporting.pages import PAGES_AS_TEXT, PLACED_BY_XPATH
from server.exporting.report import ExportReport
from tests.test_export_probe3 import assert_every_input_expected, assert_stops_cleanly, run_cli
from tests.test_export_probe15 import FORMATS, format_of

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "probe16"
FIXTURES = PROBE.parent.parent
SAMPLE = PROBE.parent / "probe15" / "jq_pretty_objects.json"

# The error each input stops with (after the file's name).
ERRORS = {
    "api_error_detail.json": "object 0: Label Studio's API answered 'Authentication credentials were not "
                             "provided.' instead of an export: check the URL and the access token, then download the "
                             "export again",
    "ctrl_z_end.jsonl": "line 4, column 1: expected a task object after task object 2, found a DOS end-of-file mark "
                        "(U+001A, Ctrl-Z); remove it",
    "export_tar.json": "a tar archive (a bundle of files), not a JSON export: extract it first (tar -xf) and give "
                       "the export file it holds",
    "export_zstd.json": "not UTF-8 text (a zstd file: decompress it first)",
    "git_lfs_pointer.json": "line 1, column 1: a Git LFS pointer, not the file (`git lfs pull` fetches it): expected "
                            "a JSON list of tasks, found 'version https://git-lfs.github.com/spec/'",
    "html_login_page.json": "line 1, column 1: an HTML or XML page, not JSON (a login or error page saved instead of "
                            "the export?): expected a JSON list of tasks, found '<!DOCTYPE html>'",
    "image_project.json": "task 1 at $[0]: data.image: a link to an image (.jpg), not a text: anota export writes "
                          "the labelled texts of text projects",
    "json_lines_truncated_last.jsonl": "line 3, column 1: the file ends inside task object 2 (truncated JSON)",
    "labels_null_item.json": "task 1 at $[0]: annotations[0].result[0].value.labels[1]: Not a valid string but null",
    # The task's id and the path in it named since malformed46 (fixtures/malformed46/README.md).
    "leading_zero_number.json": "line 1, column 150: invalid JSON in task 1 at $[0], "
                                "annotations[0].result[0].value.start: Expecting ',' delimiter",
    "trailing_nul_padding.json": "line 1, column 1392: unexpected data after the list of tasks, found NUL bytes "
                                 "(a file padded, or cut short by a crash?)",
}
# What the report of each complete output counts (left_out, repaired), and its spans in JSONL.
REPORTED: dict[str, tuple[dict[str, dict[str, int]], int]] = {
    "crlf_quote_folded_offsets.json": ({"repaired": {"spans repaired": 2}}, 2),
    "idless_annotation_repeated.json": ({"repaired": {REPEATED_ANNOTATIONS: 1}}, 2),
    "idless_annotations_differ.json": ({}, 2),
    # Placed by their globalOffsets on the page's text since the HyperText export (were placed by their text); the
    # page written as its text is a format note (test_an_xpath_region_of_a_prediction_is_read_too), nothing repaired.
    "labels_on_hypertext_xpath.json": ({}, 2),
    "predictions_mixed_ids_objects.json": ({}, 2),
    "start_only_end_null.json": ({"repaired": {"spans repaired": 1}}, 2),
    "text_key_dollar_undefined.json": ({}, 2),
}


def jsonl_examples(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


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
    assert {kind: report[kind] for kind in ("left_out", "repaired") if report[kind]} == REPORTED[name][0]
    assert sorted(path.name for path in out.iterdir()) == sorted([*report["files"], "report.json", "README.md"])


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_the_spans_the_probe_expects_are_exported_where_their_quotes_are(tmp_path: Path, name: str) -> None:
    result = run_cli(PROBE / name, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    examples = jsonl_examples(tmp_path / "out")
    assert sum(len(example["spans"]) for example in examples) == REPORTED[name][1]
    assert all(example["text"][span["start"]:span["end"]] == span["text"]
               for example in examples for span in example["spans"])


# -------------------------------------------------------------------------
# Annotations without an id listed twice (the fifteenth probe's known limit)
# -------------------------------------------------------------------------


@pytest.mark.parametrize("policy,examples,spans,pairs", [("majority", 1, ["Qwen"], 1), ("all", 2, None, 1)])
def test_an_annotation_without_id_listed_twice_is_one_vote(tmp_path: Path, policy: str, examples: int,
                                                           spans: list[str] | None, pairs: int) -> None:
    """It counted twice: 'Meta' ORG kept under majority 2 of 3, 3 agreement pairs, 3 examples under all."""
    result = run_cli(PROBE / "idless_annotation_repeated.json", "jsonl", tmp_path / "out", "--quiet",
                     "--policy", policy)
    assert result.exit_code == 0, result.output
    exported = jsonl_examples(tmp_path / "out")
    assert len(exported) == examples
    if spans is not None:
        assert [span["text"] for span in exported[0]["spans"]] == spans
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["agreement"]["spans"]["pairs"] == pairs
    assert report["details"][REPEATED_ANNOTATIONS] == [
        "task 1, annotation without an id: annotations[1] as annotations[0]"]


def test_two_annotations_without_id_that_differ_are_both_counted(tmp_path: Path) -> None:
    result = run_cli(PROBE / "idless_annotations_differ.json", "jsonl", tmp_path / "out", "--quiet",
                     "--policy", "all")
    assert result.exit_code == 0, result.output
    assert len(jsonl_examples(tmp_path / "out")) == 2


# -------------------------------------------------------------------------
# What the probe found, one test each (each fails before its fix)
# -------------------------------------------------------------------------


def test_a_link_to_an_image_is_not_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An image project's export: its task's link was fetched as if it were a text."""
    monkeypatch.setattr("server.exporting.converting.TaskConverter.linked_text",
                        lambda *_args: pytest.fail("fetched"))
    result = run_cli(PROBE / "image_project.json", "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and "a link to an image (.jpg), not a text" in result.output


@pytest.mark.parametrize("link,kind", [("https://x.org/a/b.JPEG?sig=1", "an image (.jpeg)"),
                                       ("s3://bucket/talk.mp3", "an audio file (.mp3)"),
                                       ("/data/upload/1/report.pdf", "a PDF (.pdf)"),
                                       ("https://x.org/a.b/page", None), ("https://x.org/news.html", None)])
def test_what_a_link_names(link: str, kind: str | None) -> None:
    from server.exporting.converting import media_kind

    assert media_kind(link) == kind


def test_an_empty_text_key_is_refused(tmp_path: Path) -> None:
    """It was guessed, silently."""
    result = CliRunner().invoke(cli, ["export", str(SAMPLE), "--format", "jsonl", "--out", str(tmp_path / "out"),
                                      "--text-key", " "])
    assert result.exit_code == 2 and "--text-key: empty" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("global_offsets, notes", [
    (True, {PAGES_AS_TEXT: 1}),  # at their globalOffsets on the page's text, written as a format note
    # None: placed by their XPaths on the page's text (export_gaps); before, by their text in the HTML as it is
    # ("spans with XPath offsets ... placed by their text": 3, "spans repaired": 2).
    (False, {PAGES_AS_TEXT: 1, PLACED_BY_XPATH: 3}),
])
def test_an_xpath_region_of_a_prediction_is_read_too(tmp_path: Path, global_offsets: bool,
                                                     notes: dict[str, int]) -> None:
    task = json.loads((PROBE / "labels_on_hypertext_xpath.json").read_text(encoding="utf-8"))[0]
    if not global_offsets:
        for region in task["annotations"][0]["result"]:
            del region["value"]["globalOffsets"]
    task["predictions"] = [{"id": 9, "model_version": "m", "result": task["annotations"][0]["result"][:1]}]
    (tmp_path / "export.json").write_text(json.dumps([task]), encoding="utf-8")
    result = run_cli(tmp_path / "export.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert not report["repaired"] and not report["left_out"]
    assert report["format_notes"] == notes


@pytest.mark.parametrize("content,shown", [
    (b"[]\n\x1a", "found a DOS end-of-file mark"),
    (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7z archive: extract it first"),
    (b"<html>\r\n<head><title>502 Bad Gateway</title>", "an HTML or XML page, not JSON"),
    (b'{"detail": "Not found."}', "Label Studio's API answered 'Not found.' instead of an export"),
])
def test_what_a_file_is_instead_of_an_export_is_said(tmp_path: Path, content: bytes, shown: str) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(content)
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and shown in result.output, result.output


# -------------------------------------------------------------------------
# Many spans on one text: the overlap rule
# -------------------------------------------------------------------------


def _overlaps_one_by_one(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """The rule as it was written before: each span against every kept one."""
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start, s.label)):
        if any(span.start < other.end and other.start < span.end for other in kept):
            dropped.append(span)
        else:
            kept.append(span)
    return sorted(kept, key=lambda s: s.start), dropped


def test_the_overlap_rule_keeps_what_it_kept_one_by_one() -> None:
    """20,000 spans of one text with one overlap took 29 s in conll (each span
    tested against every span kept); a search on either side gives the same."""
    generator = random.Random(16)
    for _round in range(300):
        spans = []
        for _n in range(generator.randint(2, 30)):
            start = generator.randint(0, 60)
            spans.append(Span(start, start + generator.randint(1, 12), generator.choice("AB"), "x"))
        assert resolve_overlaps(spans) == _overlaps_one_by_one(spans)


# -------------------------------------------------------------------------
# A book-length text: tokenized in parts (the fifteenth probe's known problem)
# -------------------------------------------------------------------------


def _real_text() -> str:
    """Texts of the repository's corpora, with what spaCy joins or keeps apart
    across whitespace (Spanish 'EE. UU.'), emoji sequences and marks."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "corpus").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "unseen").rglob("*.txt"))[:12]]
    texts.append("Los EE. UU. y la UE.\nEE.\nUU. 👨‍👩‍👧 ❤️ x\u200d y Café\u0301 U.S. Inc. (USP) «Público»\r\n" * 20)
    return "\n".join(texts)


def _example(text: str, language: str, every: int = 37) -> Example:
    spans = [Span(match.start(), match.end(), "CLAIM" if n % 5 == 0 else "ORG", match.group())
             for n, match in enumerate(re.finditer(r"\(?\w+", text)) if n % every == 0]
    return Example(text=text, labels=Labels(spans=spans, choices={"sentiment": ("Neutral",)}), task_id=1,
                   anota_id="a", source=None, annotators=[], annotation_ids=[1], language=language)


def _conll(example: Example, folder: Path) -> tuple[str, dict[str, int]]:
    report = ExportReport()
    folder.mkdir()
    ConllExporter().write([example], folder, report)
    return (folder / "train.conll").read_text(encoding="utf-8"), report.notes


@pytest.mark.parametrize("language", ["pt", "es"])
def test_a_text_cut_into_parts_has_the_tokens_and_tags_of_the_whole(tmp_path: Path, language: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    text = _real_text()
    whole, notes = _conll(_example(text, language), tmp_path / "whole")
    assert not notes.get(exporters.CUT_INTO_PARTS)
    monkeypatch.setattr(exporters, "PART_LENGTH", 300)
    cut = list(exporters.parts(_example(text, language), language))
    assert len(cut) > 50 and "".join(part.text for part in cut) == text  # many parts, whatever pages fixtures/unseen holds
    assert all(text[part.offset - 1].isspace() for part in cut[1:])
    assert not any(re.search("EE\\. $", part.text) for part in cut)  # a multi-word special case kept whole
    parted, notes = _conll(_example(text, language), tmp_path / "parts")
    assert parted == whole  # token by token, tag by tag
    assert notes[exporters.CUT_INTO_PARTS] == 1


def test_no_cut_falls_inside_a_span(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exporters, "PART_LENGTH", 50)
    text = " ".join(f"palavra{n}" for n in range(400))
    spans = [Span(start, start + 300, "CLAIM", text[start:start + 300]) for start in range(0, len(text) - 300, 700)]
    example = Example(text=text, labels=Labels(spans=spans), task_id=1, anota_id="a", source=None, annotators=[],
                      annotation_ids=[1])
    cut = list(exporters.parts(example, "pt"))
    assert [Span(s.start + part.offset, s.end + part.offset, s.label, s.text)
            for part in cut for s in part.claims] == spans
    assert "".join(part.text for part in cut) == text


def test_spacy_writes_a_doc_per_part_with_its_offset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spacy.tokens import DocBin

    text = _real_text()[:20_000]
    whole = example_doc(_example(text, "pt"), ("pt",))
    monkeypatch.setattr(exporters, "PART_LENGTH", 2_000)
    report = ExportReport()
    SpacyExporter().write([_example(text, "pt")], tmp_path, report)
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(whole.vocab))
    assert len(docs) > 5 and [doc.user_data.get("part_offset", 0) for doc in docs][0] == 0
    shifted = [(token.idx + doc.user_data.get("part_offset", 0), token.text) for doc in docs for token in doc
               if not token.is_space]
    assert shifted == [(token.idx, token.text) for token in whole if not token.is_space]
    ents = [(ent.start_char + doc.user_data.get("part_offset", 0), ent.text) for doc in docs for ent in doc.ents]
    assert ents and all(text[start:start + len(quote)] == quote for start, quote in ents)
    assert all(doc.cats == {"sentiment:Neutral": 1.0} for doc in docs)


def test_jsonl_trims_a_long_text_part_by_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ragged entity ('(Meta') tokenized the whole text to trim it."""
    text = _real_text()[:30_000]
    whole = _example(text, "pt", every=11)
    assert whole.ragged_entities
    ConllExporter().trim(whole, ExportReport())
    monkeypatch.setattr(exporters, "PART_LENGTH", 1_000)
    token_offsets = exporters.token_offsets
    monkeypatch.setattr(exporters, "token_offsets", lambda part, language: (
        pytest.fail("tokenized whole") if len(part) > 1_000 else token_offsets(part, language)))
    parted = _example(text, "pt", every=11)
    report = ExportReport()
    ConllExporter().trim(parted, report)
    assert parted.entities == whole.entities
    assert all(f"task 1: ORG [{s.start - 1}, {s.end})" in " ".join(report.details[exporters.TRIMMED])
               for s in whole.entities if text[s.start - 1] == "(")  # offsets in the whole text


def test_token_offsets_of_parts_are_those_of_the_whole_on_a_text_without_line_breaks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(_real_text().split())[:40_000]
    example = _example(text, "en")
    whole = example_offsets(example, ("en",))
    monkeypatch.setattr(exporters, "PART_LENGTH", 700)
    starts: list[int] = []
    ends: list[int] = []
    for part in exporters.parts(example, "en"):
        part_starts, part_ends = example_offsets(part, ("en",))
        starts += [start + part.offset for start in part_starts]
        ends += [end + part.offset for end in part_ends]
    assert (starts, ends) == whole
    assert list(itertools.pairwise(starts)) and all(a < b for a, b in itertools.pairwise(starts))
