"""Loaders probe 2: odd but real files a user points Anota at (session 22).

``fixtures/loaders_probe2`` holds them: a Label Studio export with annotations
and its JSON_MIN form, one JSON object, JSON lines with a blank line, a BOM or
trailing commas, a NaN, Markdown with front matter, a table and a code fence,
windows-1252 and body-less pages, ``.htm``/``.xhtml``/``.markdown``/``.text``
and ``.TXT`` names, CSV cells over several lines and rows without text, a NUL,
Latin-1 text, gzip-compressed text and JSON lines, and a zip. Found wanting:
``.gz`` files (corpora ship so) were skipped, ``.xhtml`` (EPUB chapters) and
``.text`` had no loader, Latin-1 text was refused with only an offset, a zip
with only its suffix, a JSON file whose text sits in another field did not
say which fields it has, JSON lines cut from a list did not say the commas were
wrong, and a JSON list saved as ``.jsonl`` was refused.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from plugins.loaders import HtmlLoader, JsonLoader, PlainTextLoader
from server.app import create_app
from server.sources import Document, LoaderError, find_source_files, source_suffix
from server.tasks import excluded_listing, label_studio_tasks, preload_report, preload_summary
from tests.conftest import FIXTURES
from tests.test_cli import run
from tests.test_preload import NO_ANNOTATORS

PROBE = FIXTURES / "loaders_probe2"


@pytest.fixture(scope="module")
def probe_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The probe folder preloaded once for the module's tests."""
    database = tmp_path_factory.mktemp("loaders_probe2") / "anota.db"
    app = create_app({"SOURCES": [str(PROBE)], "DISABLE_PLUGINS": NO_ANNOTATORS,
                      "DATABASE_URL": f"sqlite:///{database}"})
    yield app
    app.extensions["anota"].database.dispose()


def texts_by_file(tasks: list[dict[str, Any]]) -> dict[str, list[str]]:
    by_file: dict[str, list[str]] = {}
    for task in tasks:
        file_name = task["meta"]["source"].split("/", 1)[1].split("#")[0]
        by_file.setdefault(file_name, []).append(task["data"]["text"])
    return by_file


def test_every_loadable_file_of_the_probe_folder_gives_its_texts(probe_app: Flask) -> None:
    by_file = texts_by_file(label_studio_tasks(probe_app))
    assert by_file["01_ls_export.json"] == ["Maria Silva abriu uma padaria em Recife no ano passado.",
                                            "The bakery now sells sourdough every Saturday morning."]
    assert by_file["20_corpus.txt.gz"] == ["A compressed corpus file about the river Douro and its vineyards.",
                                           "Its second paragraph is about the port wine lodges in Gaia."]
    assert by_file["21_tasks.jsonl.gz"] == ["Compressed JSON lines, record one, about ferries to the islands.",
                                            "Record two, about the ferry timetable in winter."]
    assert by_file["12_page.xhtml"][-1].startswith("Every night he climbed the ninety steps")
    assert by_file["14_notes.text"] == ["A plain text note with the .text extension, about the bus strike on Monday."]
    loading = {"02_one_object.json": 1, "03_blank_line.jsonl": 2, "05_bom.jsonl": 2, "06_nan.json": 2,
               "07_json_min.json": 1, "09_cp1252.html": 3, "10_nobody.html": 2, "11_page.htm": 2,
               "13_notes.markdown": 1, "15_UPPER.TXT": 1, "16_multiline.csv": 3, "17_empty_rows.csv": 2,
               "22_archive.zip/inside.txt": 1}
    assert {name: len(by_file.get(name, [])) for name in loading} == loading
    assert "O café da esquina reabriu" in by_file["09_cp1252.html"][1]


def test_the_probe_folders_unloadable_files_are_reported_with_path_and_reason(probe_app: Flask) -> None:
    listing = excluded_listing(probe_app)
    errors = {error["path"].split("loaders_probe2/")[1]: error["reason"] for error in listing["errors"]}
    assert errors == {
        "04_trailing_comma.jsonl": "invalid JSON on line 1: Extra data (a ',' after the record: "
                                   "JSON lines separate records by line breaks only)",
        "17_empty_rows.csv#3": "its 'text' column is empty",  # the spreadsheet's rows 3 and 4: the header is row 1
        "17_empty_rows.csv#4": "its 'text' column is empty",
        "18_nul.txt": "not text: NUL character at offset 32",
        "19_latin1.txt": "not UTF-8: undecodable byte 0xF3 ('ó' in Latin-1 or windows-1252) at offset 5 (line 1)",
        "26_body_field.json": "no record has a non-empty 'text' text field "
                              "(fields: title, body; ANOTA_SOURCE_TEXT_FIELD names the one to read)",
    }
    skipped = {Path(item["path"]).name: item["reason"] for item in listing["skipped"]}
    assert skipped == {}  # the zip is read: its member loads (see test_a_zips_member_loads_as_a_file_of_a_folder)


def test_a_nan_in_a_json_field_reaches_label_studio_as_null(probe_app: Flask) -> None:
    body = probe_app.test_client().get("/tasks").get_data(as_text=True)

    def refuse(constant: str) -> None:  # Label Studio's import is strict JSON: no NaN
        raise AssertionError(f"{constant} in GET /tasks")

    tasks = json.loads(body, parse_constant=refuse)
    assert [task["data"]["score"] for task in tasks if "06_nan" in task["meta"]["source"]] == [None, 4.0]


@pytest.mark.parametrize(("name", "suffix"), [("news.jsonl.gz", ".jsonl"), ("NOTES.TXT.GZ", ".txt"),
                                              ("page.html", ".html"), ("corpus.gz", ""), ("v1.2.txt", ".txt")])
def test_a_compressed_files_loader_is_picked_by_the_suffix_inside(name: str, suffix: str) -> None:
    assert source_suffix(Path(name)) == suffix


def test_compressed_json_lists_pages_and_text_load_as_the_file_inside(tmp_path: Path) -> None:
    listing = tmp_path / "tasks.json.gz"  # a list, not lines: the suffix inside says which
    listing.write_bytes(gzip.compress(json.dumps([{"text": "Um."}, {"text": "Dois."}]).encode(), mtime=0))
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((PROBE / "09_cp1252.html").read_bytes(), mtime=0))  # its declared charset too
    files, skipped = find_source_files([str(tmp_path)], [PlainTextLoader(), JsonLoader(), HtmlLoader()])
    assert skipped == [] and [(f.name.split("/")[1], f.loader.name) for f in files] == [
        ("page.html.gz", "html"), ("tasks.json.gz", "json")]
    assert [d.text for d in JsonLoader().load(listing, listing.name)] == ["Um.", "Dois."]
    [document] = HtmlLoader().load(page, page.name)
    assert "Conceição" in document.content


GZIPPED = gzip.compress(b"texto comprido " * 20, mtime=0)
DAMAGED_GZIP = GZIPPED[:10] + b"\xff" + GZIPPED[11:]  # its first byte of deflate data overwritten


@pytest.mark.parametrize(("content", "reason"), [
    (b"plain text, not gzip", "unreadable: Not a gzipped file (b'pl')"),
    (GZIPPED[:30], "unreadable: the gzip data ends before its end marker (a truncated download?)"),
    (gzip.compress(b"", mtime=0), "empty"),
    (DAMAGED_GZIP, "unreadable: damaged gzip data (Error -3 while decompressing data: invalid block type)"),
])
def test_a_damaged_or_empty_gzip_file_says_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "corpus.txt.gz"
    path.write_bytes(content)
    with pytest.raises(LoaderError) as error:
        list(PlainTextLoader().load(path, path.name))
    assert str(error.value) == reason


@pytest.mark.parametrize(("content", "reason"), [
    ("Linha um.\nO relatório".encode("latin-1"),
     "not UTF-8: undecodable byte 0xF3 ('ó' in Latin-1 or windows-1252) at offset 17 (line 2)"),
    # A windows-1252 quote is no letter: only where the byte is, no guess at the encoding.
    (b"He said \x93hello\x94.", "not UTF-8: undecodable byte 0x93 at offset 8 (line 1)"),
])
def test_text_in_another_encoding_says_where_and_names_a_latin_letter(
        tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(LoaderError) as error:
        list(PlainTextLoader().load(path, path.name))
    assert str(error.value) == reason


def test_a_json_export_with_text_in_another_field_loads_when_the_setting_names_it() -> None:
    [document] = JsonLoader("body").load(PROBE / "26_body_field.json", "26_body_field.json")
    assert isinstance(document, Document)
    assert (document.text, document.data) == ("The body of the article about the new tram line.", {"title": "Headline"})


def test_a_json_document_saved_as_json_lines_reads_as_json(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"  # Label Studio's JSON export, renamed: one list over many lines
    path.write_text(json.dumps([{"data": {"text": "Um."}}, {"data": {"text": "Dois."}}], indent=2), encoding="utf-8")
    assert [d.text for d in JsonLoader().load(path, path.name)] == ["Um.", "Dois."]


def test_json_lines_cut_from_a_list_are_refused_naming_the_comma() -> None:
    path = PROBE / "04_trailing_comma.jsonl"
    with pytest.raises(LoaderError) as error:
        list(JsonLoader().load(path, path.name))
    assert str(error.value) == ("invalid JSON on line 1: Extra data "
                                "(a ',' after the record: JSON lines separate records by line breaks only)")


def test_the_summary_counts_rows_without_text_apart_from_files(probe_app: Flask) -> None:
    assert preload_summary(preload_report(probe_app), include_excluded=False, brought_back=0).endswith(
        "; 4 files not loaded or skipped (above); 2 records not loaded (above)")


def test_a_json_text_field_is_named_in_any_case_as_a_csv_column_is(tmp_path: Path) -> None:
    # Found by the blind run: records of {"Text": ...} were refused, where a CSV's "Text" column loads.
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"Text": "Um.", "Id": 1}, {"text": "Dois.", "TEXT": "ambíguo"}]), encoding="utf-8")
    assert [(d.text, d.data) for d in JsonLoader().load(path, path.name)] == [
        ("Um.", {"Id": 1}), ("Dois.", {"TEXT": "ambíguo"})]


def test_a_zips_member_loads_as_a_file_of_a_folder(tmp_path: Path) -> None:
    # Refused until loaders probe 3 ("extract its files first"); now read member by member (tests/test_loaders3.py).
    result = run(["tasks", str(PROBE / "22_archive.zip")], ANOTA_DATABASE_URL=f"sqlite:///{tmp_path / 'tasks.db'}")
    assert result.exit_code == 0, result.stderr
    [task] = json.loads(result.stdout)
    assert (task["meta"]["source"], task["data"]["text"]) == (
        "22_archive.zip/inside.txt", "A text inside a zip archive about apples.")


def test_anota_tasks_on_a_7z_archive_says_to_extract_it_and_which_files_and_archives_are_read(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(26))
    result = run(["tasks", str(archive)])
    assert result.exit_code == 1 and result.stdout == ""
    failed, error = result.stderr.splitlines()
    assert failed == f"cannot load {archive}: no loader for .7z (an archive: extract its files first)"
    assert error.endswith(", each gzip-compressed: .txt.gz, and archives of them: .zip, .tar, .tar.gz, .tgz, "
                          ".tar.bz2, .tbz2, .tar.xz, .txz); nothing to print")


def test_a_record_with_a_lone_surrogate_is_reported_and_the_others_load(tmp_path: Path) -> None:
    # A "\ud83d" escape without its pair: no UTF-8 text holds it, and the preload's word batch raised on it.
    path = tmp_path / "posts.jsonl"
    path.write_text('{"text": "Bom dia."}\n{"text": "Oi \\ud83d tudo bem?"}\n{"text": "Boa noite.", "note": "\\udc00"}\n',
                    encoding="utf-8")
    loaded = list(JsonLoader().load(path, path.name))
    assert [item.text for item in loaded if isinstance(item, Document)] == ["Bom dia."]
    assert [item.reason for item in loaded if not isinstance(item, Document)] == [
        "its 'text' field holds a lone surrogate (\\ud83d at offset 3: half of a character's UTF-16 pair), not text",
        "its 'note' field holds a lone surrogate (\\udc00 at offset 0: half of a character's UTF-16 pair), not text"]
    result = run(["tasks", str(path)], ANOTA_DATABASE_URL=f"sqlite:///{tmp_path / 'tasks.db'}")
    assert result.exit_code == 0 and "Traceback" not in result.stderr, result.stderr
    assert [task["data"]["text"] for task in json.loads(result.stdout)] == ["Bom dia."]
