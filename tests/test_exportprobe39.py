"""exportprobe39 (``fixtures/exportprobe39/README.md``): compressed exports
inside a folder and a zip on standard input read as the file is; a gzip's
errors on standard input named as a gzip; SHA-256 without OpenSSL; and the
probe's studied set, pinned as measured."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from server.exporting import compressed
from server.exporting.converting import _sha256
from server.exporting.examples import ExportError
from server.exporting.sources import file_source
from tests.test_export import imported_by_export
from tests.test_export_pipes import anota_export, through_fifo
from tests.test_exportprobe32 import exported
from tests.test_exportprobe38 import EXPORT, dataset, exported_in

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe39"
sys.path.insert(0, str(PROBE))
from make_exportprobe39 import studied  # noqa: E402

sys.path.insert(0, str(PROBE.parent / "exportprobe38"))
from make_exportprobe38 import two_tasks, zipped  # noqa: E402

LABEL_STUDIO_EXPORT = PROBE.parent / "label-studio-1.23.2" / "export_JSON.json"


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    kept = {path.relative_to(PROBE).as_posix() for path in PROBE.rglob("*") if path.is_file()
            and path.suffix not in (".py", ".md")}
    made = {name + file_name: file_bytes for name, content in studied().items()
            for file_name, file_bytes in (content.items() if isinstance(content, dict) else [("", content)])}
    assert sorted(made) == sorted(kept)
    assert all((PROBE / name).read_bytes() == content for name, content in made.items())


def exported_folder(folder: Path, files: dict[str, bytes], out: Path) -> tuple[int, str]:
    """``anota export`` of a folder holding ``files``."""
    from click.testing import CliRunner

    from server.cli import cli

    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    result = CliRunner().invoke(cli, ["export", str(folder), "--format", "jsonl", "--out", str(out)])
    return result.exit_code, result.output


def one_task_each() -> list[bytes]:
    return [json.dumps([task]).encode() for task in two_tasks()]


@pytest.mark.parametrize("packing", ["gzip", "zip", "gzip beside a plain file"])
def test_compressed_exports_in_a_folder_are_read_as_the_plain_ones(tmp_path: Path, packing: str) -> None:
    """They were read as JSON: ``not UTF-8 text (a gzip file: decompress it first)``."""
    first, second = one_task_each()
    code, output = exported_folder(tmp_path / "plain", {"1.json": first, "2.json": second}, tmp_path / "a")
    assert code == 0, output
    files = {"gzip": {"1.json.gz": gzip.compress(first, mtime=0), "2.json.gz": gzip.compress(second, mtime=0)},
             "zip": {"1.zip": zipped({"1.json": first}), "2.zip": zipped({"2.json": second})},
             "gzip beside a plain file": {"1.json": first, "2.json.gz": gzip.compress(second, mtime=0)}}[packing]
    code, output = exported_folder(tmp_path / "packed", files, tmp_path / "b")
    assert code == 0, output
    assert dataset(tmp_path / "b") == dataset(tmp_path / "a")


def test_target_storage_files_gzipped_in_a_folder_are_joined_as_the_plain_ones(tmp_path: Path) -> None:
    """Label Studio's legacy target storage: one annotation per file, its task nested; both tasks'
    annotations, two of them in gzips, joined into their tasks (each file read twice, decompressed again)."""
    files = {}
    for number, task in enumerate(two_tasks() * 2, 1):
        annotation = {**task["annotations"][0], "id": number, "completed_by": number,
                      "task": {key: value for key, value in task.items() if key != "annotations"}}
        files[str(number)] = json.dumps(annotation).encode()
    code, output = exported_folder(tmp_path / "plain", files, tmp_path / "a")
    assert code == 0, output
    packed = {name if int(name) % 2 else f"{name}.gz": content if int(name) % 2 else gzip.compress(content, mtime=0)
              for name, content in files.items()}
    code, output = exported_folder(tmp_path / "packed", packed, tmp_path / "b")
    assert code == 0, output
    assert dataset(tmp_path / "b") == dataset(tmp_path / "a")
    joined = json.loads((tmp_path / "b" / "report.json").read_text())["details"]
    assert joined[next(iter(joined))] == ["task 1: files 1, 3", "task 2: files 2.gz, 4.gz"]


def test_an_error_in_a_gzip_in_a_folder_names_the_file_and_the_place(tmp_path: Path) -> None:
    first, _second = one_task_each()
    code, output = exported_folder(tmp_path / "packed", {"1.json.gz": gzip.compress(first, mtime=0),
                                                         "2.json.gz": gzip.compress(first, mtime=0)}, tmp_path / "b")
    assert code == 1 and "task id 1 appears twice, at $[0] of 1.json.gz and $[0] of 2.json.gz" in output, output
    assert not (tmp_path / "b").exists()
    code, output = exported_folder(tmp_path / "cut", {"1.json.gz": gzip.compress(first, mtime=0)[:-20]},
                                   tmp_path / "c")
    assert code == 1 and "1.json.gz: the gzip cannot be read: its data ends early" in output, output


def test_a_zip_on_standard_input_or_a_pipe_is_read_as_the_file_is(tmp_path: Path) -> None:
    """It said ``a zip file: unzip it first``. A zip's directory is at its end: the pipe is copied whole to
    the spool folder (chunk by chunk, never in memory), then read as a zip file is."""
    code, output, plain = exported_in(tmp_path / "plain", EXPORT)
    assert code == 0, output
    archive = zipped({"export/project-1.json": EXPORT, "export/project-1.csv": b"id,text\n"})
    piped = anota_export("-", "--out", str(tmp_path / "piped"), stdin=archive)
    assert piped.returncode == 0, piped.stderr
    assert dataset(tmp_path / "piped") == dataset(plain)
    report = json.loads((tmp_path / "piped" / "report.json").read_text())
    assert report["source"] == "standard input (export/project-1.json in the zip)"
    (tmp_path / "fifo").mkdir()
    through = through_fifo(tmp_path / "fifo", archive, tmp_path / "through")
    assert through.returncode == 0, through.stderr
    assert dataset(tmp_path / "through") == dataset(plain)


def test_errors_of_a_compressed_standard_input_name_what_it_is(tmp_path: Path) -> None:
    """The duplicated id of a gzip on standard input said ``standard input:``, where a gzip file says
    ``FILE (gzip):``: the source's description was composed before its first bytes were read."""
    repeated = json.dumps([two_tasks()[0], two_tasks()[0]], indent=1).encode()
    failed = anota_export("-", "--out", str(tmp_path / "a"), stdin=gzip.compress(repeated, mtime=0))
    assert failed.stderr.decode() == ("Error: standard input (gzip): task id 1 appears twice, at $[0] and $[1]; "
                                      "nothing was written\n")
    failed = anota_export("-", "--out", str(tmp_path / "b"), stdin=zipped({"tasks.json": repeated}))
    assert failed.stderr.decode() == ("Error: standard input (tasks.json in the zip): task id 1 appears twice, at "
                                      "$[0] and $[1]; nothing was written\n")
    failed = anota_export("-", "--out", str(tmp_path / "c"), stdin=zipped({"a.json": EXPORT, "b.json": EXPORT}))
    assert failed.stderr.decode().startswith("Error: standard input: the zip holds 2 JSON files (a.json, b.json)")
    failed = anota_export("-", "--out", str(tmp_path / "d"), stdin=zipped({"a.json": EXPORT})[:-30])
    assert "standard input: a zip file whose directory cannot be read (cut short?" in failed.stderr.decode()
    assert not any((tmp_path / name).exists() for name in "abcd")


def stdin_tasks(content: bytes, spool: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The locations of the tasks read from ``content`` as standard input, in this process."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(content))))
    return [location for location, _raw in file_source(Path("-"), spool=lambda: spool).tasks(lambda _n: None)]


def test_a_zip_bomb_on_standard_input_is_stopped_as_a_zip_file_is(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy is the compressed bytes (the pipe's own size); what it unpacks to is guarded as for a file
    (the floor lowered to 1 MB, to be quick)."""
    monkeypatch.setattr(compressed, "BOMB_FLOOR", 1 << 20)
    with pytest.raises(ExportError, match="standard input: the zip's export.json says it unpacks to"):
        stdin_tasks(zipped({"export.json": b"[" + b" " * (4 << 20) + b"]"}), tmp_path, monkeypatch)
    assert (tmp_path / "input.json").stat().st_size < 10_000


def test_a_pipe_that_gives_one_byte_at_a_time_is_still_told_by_its_first_bytes(tmp_path: Path) -> None:
    """Its first four bytes are waited for (a peek gave what the pipe held: one byte, then read plain)."""
    r, w = os.pipe()
    content = gzip.compress(EXPORT, mtime=0)

    def write() -> None:
        with os.fdopen(w, "wb", buffering=0) as pipe:
            for byte in content[:4]:
                pipe.write(bytes([byte]))
                time.sleep(0.2)  # the reader waits on each
            pipe.write(content[4:])

    import subprocess
    import threading
    import time

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", "import sys; from server.cli import cli; sys.exit(cli(sys.argv[1:]))",
                           "export", "-", "--format", "jsonl", "--quiet", "--out", str(tmp_path / "out")],
                          stdin=r, capture_output=True, env=environment, timeout=120, check=False)
    os.close(r)
    writer.join(timeout=10)
    assert done.returncode == 0, done.stderr
    code, output, plain = exported_in(tmp_path / "plain", EXPORT)
    assert dataset(tmp_path / "out") == dataset(plain)


@pytest.mark.parametrize("text", ["", "A Meta", "🙂 e\u2028ç" * 1000])
def test_the_stable_id_and_the_split_hash_are_sha256_as_before(text: str) -> None:
    import hashlib

    assert _sha256(text) == hashlib.sha256(text.encode()).digest()


def test_an_export_of_label_studios_tasks_loads_neither_openssl_nor_tempfile(tmp_path: Path) -> None:
    """Tasks without anota_id (any Anota did not preload) are hashed for their stable id: hashlib's import
    loaded OpenSSL's libcrypto, and a one-task export peaked at 24.1 MB, above a 20,000-task one (21.1 MB).
    tempfile (with shutil, bz2, lzma, random) made the output's work folder and a download folder no file
    needs: 0.75 MB more."""
    arguments = [str(LABEL_STUDIO_EXPORT), "--format", "jsonl", "--quiet", "--split", "50/50"]
    assert imported_by_export([*arguments, "--out", str(tmp_path / "a")], [
        "hashlib", "_hashlib", "tempfile", "shutil", "random", "bz2", "lzma"]) == []
    written: list[Any] = [json.loads(line) for path in (tmp_path / "a").glob("*.jsonl")
                          for line in path.read_text().splitlines()]
    assert [example["meta"]["anota_id"] for example in written] == ["3f96e3d2abcc63dc"]


def test_replacing_an_earlier_export_and_a_failed_one_leave_no_work_folder(tmp_path: Path) -> None:
    """The work folder is made without tempfile (``running.new_folder``): a replaced export's old folder and a
    failed export's work folder are removed as before."""
    from server.exporting.running import new_folder

    made = {new_folder(tmp_path, ".out.") for _ in range(50)}
    assert len(made) == 50 and all(path.is_dir() and path.stat().st_mode & 0o777 == 0o700 for path in made)
    for path in made:
        path.rmdir()
    code, output, out = exported_in(tmp_path / "a", EXPORT)
    assert code == 0, output
    code, output, _out = exported(tmp_path / "a", EXPORT, "--force")
    assert code == 0, output
    code, output, _out = exported(tmp_path / "a", [two_tasks()[0], two_tasks()[0]], "--force")
    assert code == 1 and "appears twice" in output
    assert sorted(path.name for path in (tmp_path / "a").iterdir()) == ["export.json", "out"]
