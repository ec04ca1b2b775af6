"""``anota export`` reads a named pipe (FIFO) and standard input (``-``):
copied into its temporary folder as they come, then read as a file, since
an error is worded by reading the input again (where the first of two equal
task ids was), which a pipe cannot. Real processes: a FIFO waits for its
writer, and CliRunner's standard input is no pipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from tests.test_export_probe3 import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "fixtures" / "exports" / "export_JSON.json"


def anota_export(*arguments: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.run([sys.executable, "-c", "import sys; from server.cli import cli; sys.exit(cli(sys.argv[1:]))",
                           "export", *arguments, "--format", "jsonl", "--quiet"],
                          input=stdin, capture_output=True, timeout=timeout, env=environment, cwd=ROOT, check=False)


def through_fifo(tmp_path: Path, content: bytes, out: Path) -> subprocess.CompletedProcess:
    """Export what a writer process-like thread writes into a FIFO, as a shell's ``<(...)`` gives it."""
    fifo = tmp_path / "export.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as pipe:  # waits for the reader
            for start in range(0, len(content), 4096):
                pipe.write(content[start:start + 4096])

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    finished = anota_export(str(fifo), "--out", str(out))
    writer.join(timeout=10)
    return finished


def plain_export(tmp_path: Path) -> bytes:
    result = run_cli(EXPORT, "jsonl", tmp_path / "plain", "--quiet")
    assert result.exit_code == 0, result.output
    return (tmp_path / "plain" / "train.jsonl").read_bytes()


def two_tasks_with_one_id() -> bytes:
    tasks: list[Any] = json.loads(EXPORT.read_text(encoding="utf-8"))
    return json.dumps(tasks + tasks, ensure_ascii=False).encode()


def test_a_named_pipe_is_exported_as_the_file_is(tmp_path: Path) -> None:
    finished = through_fifo(tmp_path, EXPORT.read_bytes(), tmp_path / "out")
    assert finished.returncode == 0, finished.stderr
    assert (tmp_path / "out" / "train.jsonl").read_bytes() == plain_export(tmp_path)


def test_a_named_pipes_duplicate_ids_are_named_where_both_are(tmp_path: Path) -> None:
    """The error that reads the input again: the first place of the id."""
    finished = through_fifo(tmp_path, two_tasks_with_one_id(), tmp_path / "out")
    assert finished.returncode == 1
    assert finished.stderr.decode() == (f"Error: {tmp_path / 'export.fifo'}: task id 1 appears twice, at $[0] and "
                                        "$[1]; nothing was written\n")
    assert not (tmp_path / "out").exists()


def test_standard_input_is_exported_as_the_file_is(tmp_path: Path) -> None:
    finished = anota_export("-", "--out", str(tmp_path / "out"), stdin=EXPORT.read_bytes())
    assert finished.returncode == 0, finished.stderr
    assert (tmp_path / "out" / "train.jsonl").read_bytes() == plain_export(tmp_path)
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["tasks_read"] == 1


def test_standard_inputs_errors_name_it(tmp_path: Path) -> None:
    duplicated = anota_export("-", "--out", str(tmp_path / "out"), stdin=two_tasks_with_one_id())
    assert duplicated.stderr.decode() == ("Error: standard input: task id 1 appears twice, at $[0] and $[1]; "
                                          "nothing was written\n")
    truncated = anota_export("-", "--out", str(tmp_path / "out"), stdin=EXPORT.read_bytes()[:-40])
    assert truncated.returncode == 1 and truncated.stderr.decode().startswith("Error: standard input: line 1, ")
    empty = anota_export("-", "--out", str(tmp_path / "out"), stdin=b"")
    assert empty.stderr.decode() == "Error: standard input: line 1, column 1: the file is empty; nothing was written\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_a_device_is_still_refused(tmp_path: Path) -> None:
    """The guard: a character device may never end (/dev/zero); only pipes are copied."""
    result = run_cli("/dev/zero", "jsonl", tmp_path / "out")
    assert result.exit_code == 1 and "/dev/zero: not a regular file" in result.output
    assert list(tmp_path.iterdir()) == []
