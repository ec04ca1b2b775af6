"""``anota export`` of a HyperText project: each page is exported as the text
Label Studio counts its regions' ``globalOffsets`` in (server.hypertext's
``global_text``: every text node, a line break per ``<br>``), each
HyperTextLabels region as a span at its global offsets, checked against its
``text``; read back from every format, the labels are the export's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from server.exporting.pages import PAGES_AS_TEXT
from server.hypertext import rendered_page
from tests.test_export import entities_of, imported_by_export, read_conll, read_csv, read_jsonl, read_spacy
from tests.test_export_probe3 import run_cli
from tests.test_label_configs import config_xml

# A <title> in the head: inline (a <div>'s innerHTML) it is in the page's text, in an iframe it is not, so the
# global offsets of the body's words differ by its length. A comment, an entity, a <br> and nested tags besides.
PAGE = ("<html><head><title>Jornal</title></head><body><div><p>Ontem <b>Lula</b> visitou a <i>Petro<!-- x -->bras"
        "</i> em Bras&iacute;lia.<br>Tim Cook falou.</p></div></body></html>")
SPANS = [("Lula", "Person"), ("Petrobras", "Organization"), ("Tim Cook", "Person")]


def regions(html: str, inline: bool, spans: list[tuple[str, str]] = SPANS) -> list[dict[str, Any]]:
    """HyperTextLabels regions over the words, as Label Studio 1.23.2's editor saves them."""
    page = rendered_page(html, inline)
    found = []
    for words, label in spans:
        start = page.text.index(words)
        value = page.region_value(start, start + len(words))
        assert value is not None
        found.append({"id": f"r{len(found)}", "from_name": "ner", "to_name": "page", "type": "hypertextlabels",
                      "origin": "manual", "value": {**value, "hypertextlabels": [label]}})
    return found


def write_export(tmp_path: Path, result: list[dict[str, Any]], html: str = PAGE) -> Path:
    sentiment = {"from_name": "sentiment", "to_name": "page", "type": "choices", "value": {"choices": ["Positive"]}}
    task = {"id": 1, "data": {"html": html}, "meta": {}, "predictions": [],
            "annotations": [{"id": 10, "completed_by": 1, "result": [*result, sentiment], "was_cancelled": False,
                             "ground_truth": False, "created_at": "2026-11-30T06:27:55Z",
                             "updated_at": "2026-11-30T06:27:55Z"}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path


def config_file(tmp_path: Path, inline: bool) -> Path:
    path = tmp_path / "config.xml"
    path.write_text(config_xml("13_hypertext").replace('inline="true"', f'inline="{str(inline).lower()}"'),
                    encoding="utf-8")
    return path


def expected(inline: bool) -> dict[int, dict[str, Any]]:
    page = rendered_page(PAGE, inline)
    values = [region["value"] for region in regions(PAGE, inline)]
    # Written as read: a line break between blocks (no global offset counts it), each span moved past those before.
    spans = {(*page.text_span(value["globalOffsets"]["start"], value["globalOffsets"]["end"]),
              value["hypertextlabels"][0]) for value in values}
    return {1: {"text": page.text, "spans": spans, "choices": {"sentiment": "Positive"}}}


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("inline", [True, False])
@pytest.mark.parametrize("fmt,read", [("jsonl", read_jsonl), ("spacy", read_spacy), ("csv", read_csv)])
def test_labels_read_back_equal_the_export(tmp_path: Path, inline: bool, fmt: str, read: Callable) -> None:
    out = tmp_path / "out"
    result = run_cli(write_export(tmp_path, regions(PAGE, inline)), fmt, out, "--quiet", "--language", "pt",
                     "--label-config", str(config_file(tmp_path, inline)))
    assert result.exit_code == 0, result.output
    found = read(out)
    assert found == expected(inline)
    assert {found[1]["text"][start:end] for start, end, _label in found[1]["spans"]} == {
        "Lula", "Petrobras", "Tim Cook"}
    # The config's layout: inline, the page's <title> is a text node (hidden: written as spaces, exportprobe42).
    assert found[1]["text"].startswith(" " * len("Jornal")) is inline
    report = report_of(out)
    assert report["format_notes"] == {PAGES_AS_TEXT: 1} and not report["repaired"] and not report["left_out"]


@pytest.mark.parametrize("inline", [True, False])
def test_conll_entities_read_back_equal_the_export(tmp_path: Path, inline: bool) -> None:
    out = tmp_path / "out"
    result = run_cli(write_export(tmp_path, regions(PAGE, inline)), "conll", out, "--quiet", "--language", "pt",
                     "--label-config", str(config_file(tmp_path, inline)))
    assert result.exit_code == 0, result.output
    [block] = read_conll(out)
    assert entities_of(block) == [("Person", ["Lula"]), ("Organization", ["Petrobras"]), ("Person", ["Tim", "Cook"])]


@pytest.mark.parametrize("inline", [True, False])
def test_without_a_config_the_layout_the_regions_texts_are_found_in_is_exported(tmp_path: Path,
                                                                                inline: bool) -> None:
    out = tmp_path / "out"
    result = run_cli(write_export(tmp_path, regions(PAGE, inline)), "jsonl", out, "--quiet", "--language", "pt")
    assert result.exit_code == 0, result.output
    assert read_jsonl(out) == expected(inline)


def test_a_region_whose_text_is_not_at_its_global_offsets_is_repaired_or_reported(tmp_path: Path) -> None:
    shifted, ambiguous, kept = regions(PAGE, False, [("Petrobras", "Organization"), ("Lula", "Person"),
                                                     ("Tim Cook", "Person")])
    shifted["value"]["globalOffsets"] = {"start": 1, "end": 10}  # "Petrobras" occurs once: moved, and reported
    ambiguous["value"]["text"] = "o"  # "o" occurs many times: left out, and reported
    out = tmp_path / "out"
    result = run_cli(write_export(tmp_path, [shifted, ambiguous, kept]), "jsonl", out, "--quiet",
                     "--label-config", str(config_file(tmp_path, False)))
    assert result.exit_code == 0, result.output
    [example] = read_jsonl(out).values()
    assert {example["text"][start:end] for start, end, _label in example["spans"]} == {"Petrobras", "Tim Cook"}
    report = report_of(out)
    assert report["repaired"] == {"spans repaired": 1} and report["format_notes"] == {PAGES_AS_TEXT: 1}
    assert report["left_out"] == {"spans whose text differs from the text at their offsets": 1}


def test_a_page_without_regions_is_exported_as_its_text_with_a_config(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(write_export(tmp_path, []), "jsonl", out, "--quiet",
                     "--label-config", str(config_file(tmp_path, False)))
    assert result.exit_code == 0, result.output
    assert read_jsonl(out)[1]["text"] == rendered_page(PAGE, False).text


HTML_MODULES = ["html5lib", "server.hypertext"]


def test_html5lib_is_imported_only_for_an_export_holding_pages(tmp_path: Path) -> None:
    config = config_file(tmp_path, False)
    assert imported_by_export([str(write_export(tmp_path, regions(PAGE, False))), "--format", "conll", "--out",
                               str(tmp_path / "a"), "--label-config", str(config)], HTML_MODULES) == HTML_MODULES
    text_config = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "label_config.xml"
    snapshot = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "snapshot_full.json"
    for fmt in ("jsonl", "conll"):
        assert imported_by_export([str(snapshot), "--format", fmt, "--out", str(tmp_path / f"t-{fmt}"),
                                   "--label-config", str(text_config)], HTML_MODULES) == []
