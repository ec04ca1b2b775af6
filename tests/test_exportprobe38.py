"""exportprobe38 (``fixtures/exportprobe38/README.md``): compressed exports
(a gzip, a zip download holding one JSON export) read as a stream, and what
the probe's studied set found: a text under a nested data key (``$doc.body``)
and a task nested too deeply, named with its id and where."""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from server.exporting import compressed
from server.exporting.examples import ExportError
from server.exporting.sources import file_source
from tests.test_export_pipes import anota_export, through_fifo
from tests.test_exportprobe32 import exported

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe38"
sys.path.insert(0, str(PROBE))
from make_exportprobe38 import NESTED_CONFIG, NOT_KEPT, blind, studied, two_tasks, zipped  # noqa: E402

EXPORT = json.dumps(two_tasks(), ensure_ascii=False).encode("utf-8")


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = {name: content for name, content in studied().items() if name not in NOT_KEPT}
    kept = sorted(path.name for path in PROBE.iterdir() if path.suffix not in (".py", ".md"))
    assert sorted(made) == kept
    assert all((PROBE / name).read_bytes() == content for name, content in made.items())


def dataset(out: Path) -> bytes:
    return (out / "train.jsonl").read_bytes()


def exported_in(folder: Path, content: Any, *options: str) -> tuple[int, str, Path]:
    """``exported`` in a folder of its own (two exports in one test)."""
    folder.mkdir()
    return exported(folder, content, *options)


@pytest.mark.parametrize("content", [
    gzip.compress(EXPORT, mtime=0),
    zipped({"project-1-at-2026-12-04-10-00-0a1b2c3d.json": EXPORT}),
    zipped({"export/": b"", "export/result.json": EXPORT, "__MACOSX/export/._result.json": b"x",
            "export/.DS_Store": b"\x00", "export/project.csv": b"id,text\n"}),
    zipped({"tasks.jsonl": b"\n".join(json.dumps(task).encode() for task in two_tasks())}),
], ids=["gzip", "zip", "zip of a folder beside macOS's files and a CSV", "zip of JSON lines"])
def test_a_compressed_export_gives_the_dataset_of_the_plain_file(tmp_path: Path, content: bytes) -> None:
    """Told by the first bytes, whatever the name (the file is called export.json here)."""
    code, output, plain = exported_in(tmp_path / "plain", EXPORT)
    assert code == 0, output
    code, output, out = exported_in(tmp_path / "packed", content)
    assert code == 0, output
    assert dataset(out) == dataset(plain)


@pytest.mark.parametrize("members,said", [
    ({"a.json": EXPORT, "b.json": EXPORT}, "the zip holds 2 JSON files (a.json, b.json): give one export"),
    ({"project.csv": b"id,text\n", "notes.txt": b""}, "the zip holds no JSON export (it holds project.csv, notes.txt)"
                                                     ": export the project from Label Studio as JSON"),
    ({}, "the zip holds no JSON export (it is empty)"),
    # Found blind (a zip of a gzip export): it said "export the project from Label Studio as JSON".
    ({"dir/export.json.gz": gzip.compress(EXPORT, mtime=0)}, "the zip holds no JSON export (it holds "
                                                             "dir/export.json.gz): unzip it and give export.json.gz, "
                                                             "a gzip read as it is"),
])
def test_a_zip_without_one_json_export_is_named_with_what_it_holds(tmp_path: Path, members: dict[str, bytes],
                                                                  said: str) -> None:
    code, output, out = exported(tmp_path, zipped(members))
    assert code != 0 and said in output and "nothing was written" in output, output
    assert not out.exists()


def test_an_encrypted_member_is_said_so(tmp_path: Path) -> None:
    content = bytearray(zipped({"export.json": EXPORT}))
    # The encryption flag of the member's local header and of its directory entry (bit 0 of "flags").
    content[6] |= 1
    directory = content.rindex(b"PK\x01\x02")
    content[directory + 8] |= 1
    code, output, out = exported(tmp_path, bytes(content))
    assert code != 0 and "export.json is encrypted: unzip it with its password" in output, output
    assert not out.exists()


@pytest.mark.parametrize("content,said", [
    (gzip.compress(EXPORT, mtime=0)[:-30], "the gzip cannot be read: its data ends early (cut short? download it"),
    (zipped({"export.json": EXPORT})[:-25], "a zip file whose directory cannot be read (cut short?"),
    (gzip.compress(EXPORT.replace(b'"annotations"', b'"annotations" x', 1), mtime=0),
     "(gzip): line 1, column 26: invalid JSON in task 1 at $[0], annotations: Expecting ':' delimiter"),
    (gzip.compress(json.dumps([two_tasks()[0], two_tasks()[0]], indent=1).encode(), mtime=0),
     "(gzip): task id 1 appears twice, at $[0] and $[1]"),
    (gzip.compress(EXPORT.replace("está".encode(), b"est\xe1", 1), mtime=0),
     "(gzip): not UTF-8 text (invalid continuation byte at byte 415, line 1: byte 0x"),
    (gzip.compress("[{}]".encode("utf-16"), mtime=0), "(gzip): not UTF-8 text (UTF-16 text (byte-order mark FF FE)"),
    (gzip.compress(b"", mtime=0), "(gzip): line 1, column 1: the file is empty"),
    (gzip.compress(b"\xef\xbb\xbf  ", mtime=0), "(gzip): line 1, column 3: the file holds only a byte-order mark and "
                                               "whitespace"),
], ids=["gzip cut", "zip cut", "syntax", "repeated id", "not UTF-8", "UTF-16", "empty", "byte-order mark"])
def test_errors_inside_a_compressed_export_are_worded_from_its_decompressed_bytes(tmp_path: Path, content: bytes,
                                                                                  said: str) -> None:
    """Where an error is, and what the first of two equal ids was, is found by decompressing again."""
    code, output, out = exported(tmp_path, content)
    assert code != 0 and said in output and "nothing was written" in output, output
    assert not out.exists()


def tasks_of(path: Path) -> tuple[list[str], int]:
    """The locations of the tasks read from ``path``, and the bytes the progress bar was told of."""
    read: list[int] = []
    locations = [location for location, _raw in file_source(path).tasks(read.append)]
    return locations, sum(read)


def test_the_progress_bar_counts_the_compressed_bytes(tmp_path: Path) -> None:
    """A gzip's every byte; a zip's member (not its directory, read first from the end): never past the size."""
    path = tmp_path / "export.json.gz"
    path.write_bytes(gzip.compress(EXPORT, mtime=0))
    locations, counted = tasks_of(path)
    assert locations == ["$[0]", "$[1]"] and counted == path.stat().st_size == file_source(path).size
    path.write_bytes(zipped({"export.json": EXPORT}))
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("export.json").compress_size
    locations, counted = tasks_of(path)
    assert locations == ["$[0]", "$[1]"] and member <= counted < path.stat().st_size == file_source(path).size


@pytest.mark.parametrize("kind", ["gzip", "zip"])
def test_a_bomb_is_stopped_as_it_unpacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Beyond BOMB_RATIO past BOMB_FLOOR (100 MB; 1 MB here, to be quick): a zip that says its size is
    refused before reading, a gzip (whose size is not said) as it is read."""
    monkeypatch.setattr(compressed, "BOMB_FLOOR", 1 << 20)
    spaces = b"[" + b" " * (4 << 20) + b"]"
    path = tmp_path / "export.json"
    path.write_bytes(gzip.compress(spaces, 9, mtime=0) if kind == "gzip" else zipped({"export.json": spaces}))
    with pytest.raises(ExportError, match="beyond what an export compresses to \\(a zip bomb\\?\\)"):
        tasks_of(path)
    # A legitimate ratio: the same size of an export compresses far less.
    monkeypatch.setattr(compressed, "BOMB_FLOOR", 1 << 10)
    path.write_bytes(gzip.compress(EXPORT, mtime=0))
    assert tasks_of(path)[0] == ["$[0]", "$[1]"]


def test_a_target_storage_file_gzipped_is_joined_as_the_plain_one(tmp_path: Path) -> None:
    """A file of annotations with their task nested (Label Studio's target storage) is read twice: the
    second reading decompresses again."""
    annotations = [{**task["annotations"][0], "task": {key: value for key, value in task.items()
                                                       if key not in ("annotations", "drafts", "predictions")}}
                   for task in two_tasks()]
    content = json.dumps(annotations).encode()
    code, output, plain = exported_in(tmp_path / "plain", content)
    assert code == 0, output
    code, output, out = exported_in(tmp_path / "packed", gzip.compress(content, mtime=0))
    assert code == 0, output
    assert dataset(out) == dataset(plain)


def test_an_office_document_is_still_named_as_such(tmp_path: Path) -> None:
    code, output, _out = exported(tmp_path, zipped({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}))
    assert code != 0 and "an Office document (an Excel workbook?), not the JSON export" in output, output


# The studied set's finding: the text under a nested data key.
NESTED = (PROBE / "text_under_nested_data_key.json").read_bytes()


def test_a_text_under_a_nested_key_is_read_as_label_studio_reads_it(tmp_path: Path) -> None:
    """Before: ``data.doc.body: Missing: the text to export``, for a key Label Studio's editor reads
    (``$doc.body``: a path into the data, as lodash's ``get``)."""
    config = tmp_path / "config.xml"
    config.write_text(NESTED_CONFIG, encoding="utf-8")
    for options in (["--label-config", str(config)], ["--text-key", "doc.body"]):
        code, output, out = exported_in(tmp_path / options[0].strip("-"), NESTED, *options)
        assert code == 0, output
        example = json.loads(dataset(out))
        assert example["text"].startswith("A Meta") and [s["text"] for s in example["spans"]] == ["Meta"]


@pytest.mark.parametrize("options,said", [
    (["--text-key", "doc.x"], "data.doc.x: Missing: data.doc holds no key 'x': the text to export"),
    (["--text-key", "doc.body[0]"], "data.doc.body[0]: data.doc.body is a string, not a list: the text to export"),
    ([], "data: no string value to export as the text; strings under other keys: doc.title, doc.body (pass "
         "--text-key or --label-config)"),
])
def test_a_nested_key_that_is_not_there_says_where_it_stops(tmp_path: Path, options: list[str], said: str) -> None:
    code, output, out = exported(tmp_path, NESTED, *options)
    assert code != 0 and f"task 1 at $[0]: {said}" in output, output
    assert not out.exists()


def test_a_flat_key_holding_a_dot_is_read_first(tmp_path: Path) -> None:
    """As lodash's ``get``: a key the data holds as it is wins over the path."""
    task = {**two_tasks()[0], "data": {"doc.body": "A Meta usa.", "doc": {"body": "Outro texto."}}}
    task["annotations"][0]["result"][0]["value"]["start"] = 2
    code, output, out = exported(tmp_path, [task], "--text-key", "doc.body")
    assert code == 0, output
    assert json.loads(dataset(out))["text"] == "A Meta usa."


@pytest.mark.parametrize("name,said", [
    ("deep_nesting_in_data.json", "task 1 at $[0] is nested too deeply to read: data.layout[0]... holds lists or "
                                  "objects more than 500 levels deep"),
    ("deep_nesting_in_unread_task_key.json", "task 1 at $[0] is nested too deeply to read: extra[0]... holds"),
])
def test_a_task_nested_too_deeply_is_named_with_its_id_and_where(tmp_path: Path, name: str, said: str) -> None:
    """Before: ``task $[0] is nested too deeply to read``, neither the id nor where."""
    code, output, out = exported(tmp_path, (PROBE / name).read_bytes())
    assert code != 0 and said in output, output
    assert not out.exists()


# Pinned from the blind run (fixtures/exportprobe38/README.md): damage found at the input's end, after every task was
# read and converted, still writes nothing.
@pytest.mark.parametrize("name,said", [
    ("gzip_crc_flipped.json.gz", "the gzip cannot be read: damaged (CRC check failed"),
    ("zip_member_crc_wrong.zip", "cannot be read: damaged (Bad CRC-32 for file"),
])
def test_damage_found_at_the_end_writes_nothing(tmp_path: Path, name: str, said: str) -> None:
    code, output, out = exported(tmp_path, blind()[name])
    assert code != 0 and said in output and "nothing was written" in output, output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["export.json"]


def test_the_blind_set_s_compressed_exports_that_are_whole_are_read(tmp_path: Path) -> None:
    """Two gzip members, zero padding, stored, bzip2 and LZMA members, an upper-case name beside a README, a
    member named in Portuguese: each gives the plain file's dataset."""
    code, output, plain = exported_in(tmp_path / "plain", EXPORT)
    assert code == 0, output
    made = blind()
    for name in ("gzip_two_members_one_export.json.gz", "gzip_zero_padded.json.gz", "zip_member_stored.zip",
                 "zip_member_bzip2.zip", "zip_member_lzma.zip", "zip_upper_case_name_beside_readme.zip",
                 "zip_member_name_not_ascii.zip"):
        code, output, out = exported_in(tmp_path / name, made[name])
        assert code == 0, (name, output)
        assert dataset(out) == dataset(plain), name


def test_a_gzip_on_standard_input_or_a_pipe_is_read_as_the_file_is(tmp_path: Path) -> None:
    """``curl .../export | anota export -`` of a gzip (it said ``a gzip file: decompress it first``); errors worded
    from the copy, decompressed again."""
    code, output, plain = exported_in(tmp_path / "plain", EXPORT)
    assert code == 0, output
    piped = anota_export("-", "--out", str(tmp_path / "piped"), stdin=gzip.compress(EXPORT, mtime=0))
    assert piped.returncode == 0, piped.stderr
    assert dataset(tmp_path / "piped") == dataset(plain)
    (tmp_path / "fifo").mkdir()
    through = through_fifo(tmp_path / "fifo", gzip.compress(EXPORT, mtime=0), tmp_path / "through")
    assert through.returncode == 0, through.stderr
    assert dataset(tmp_path / "through") == dataset(plain)
    repeated = gzip.compress(json.dumps([two_tasks()[0], two_tasks()[0]], indent=1).encode(), mtime=0)
    failed = anota_export("-", "--out", str(tmp_path / "failed"), stdin=repeated)
    assert failed.stderr.decode() == ("Error: standard input (gzip): task id 1 appears twice, at $[0] and $[1]; "
                                      "nothing was written\n")
    cut = anota_export("-", "--out", str(tmp_path / "failed"), stdin=gzip.compress(EXPORT, mtime=0)[:-30])
    assert "standard input: the gzip cannot be read: its data ends early" in cut.stderr.decode()
    assert not (tmp_path / "failed").exists()
