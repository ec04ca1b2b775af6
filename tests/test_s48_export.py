"""s48-export (issue 5): what s47-export2 left (bench/HISTORY.md, "## s48-export"), each part with its test here."""

from __future__ import annotations

import gzip
import io
import json
import py_compile
import tarfile
import zipfile
from pathlib import Path
from typing import Any

from server.exporting.sources import BINARY_FILES
from tests.test_export_probe3 import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LABEL_STUDIO = FIXTURES / "label-studio-1.23.2"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20


def exported(folder: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = run_cli(folder, "jsonl", out, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def folder_with(tmp_path: Path, *names: str) -> Path:
    """A folder holding the named files of Label Studio 1.23.2's recorded project."""
    folder = tmp_path / "project"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes((LABEL_STUDIO / name).read_bytes())
    return folder


# -------------------------------------------------------------------------
# 2. A binary file of a folder (a picture, a zip of pictures, a .pyc) is skipped and said
# -------------------------------------------------------------------------

def tar_gz_of_a_picture() -> bytes:
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w") as archive:
        member = tarfile.TarInfo("shot.png")
        member.size = len(PNG)
        archive.addfile(member, io.BytesIO(PNG))
    return gzip.compress(packed.getvalue())


def test_a_folders_binary_files_are_skipped_and_said(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "export_JSON.json")
    (folder / "shot.png").write_bytes(PNG)
    with zipfile.ZipFile(folder / "shots.zip", "w") as archive:
        archive.writestr("shot.png", PNG)
    py_compile.compile(str(Path(__file__)), cfile=str(folder / "make.cpython-312.pyc"), doraise=True)
    (folder / "shots.tar.gz").write_bytes(tar_gz_of_a_picture())
    (folder / "notas.txt").write_bytes("ação;1\n".encode("cp1252"))  # text, but not UTF-8
    report = exported(folder, tmp_path / "out")
    assert report["tasks_read"] == 1
    assert report["left_out"] == {BINARY_FILES: 5}
    assert report["details"][BINARY_FILES] == [
        "make.cpython-312.pyc (binary data, not text)", "notas.txt (not UTF-8 text)", "shot.png (a PNG image)",
        "shots.tar.gz (a gzip file of a tar archive)", "shots.zip (a zip file holding no JSON export: it holds shot.png)"]


def test_a_binary_named_as_an_export_or_utf16_text_still_stops(tmp_path: Path) -> None:
    """A picture saved as ``export.json`` is read and stops, as a UTF-16 file does (an export Notepad saved as
    "Unicode": the error says to save it as UTF-8); a zip is an export's by its member, not its name."""
    for name, content, said in (("export.json", PNG, "not UTF-8 text (a PNG image"),
                                ("tasks.txt", "\ufeff[]".encode("utf-16"), "save it as UTF-8")):
        folder = folder_with(tmp_path / name, "export_JSON.json")
        (folder / name).write_bytes(content)
        result = run_cli(folder, "jsonl", tmp_path / name / "out", "--quiet")
        assert result.exit_code != 0 and said in result.output, result.output
    folder = folder_with(tmp_path / "zip", "export_JSON.json")
    with zipfile.ZipFile(folder / "export.json.zip", "w") as archive:  # no .json name ends it: a zip, read
        archive.writestr("shot.png", PNG)
    result = run_cli(folder, "jsonl", tmp_path / "zip" / "out", "--quiet")
    assert result.exit_code == 0 and BINARY_FILES in json.loads(
        (tmp_path / "zip" / "out" / "report.json").read_text(encoding="utf-8"))["left_out"]


def test_a_folder_of_binaries_and_other_text_only_stops_naming_them(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "export_CONLL2003.conll")
    (folder / "shot.png").write_bytes(PNG)
    result = run_cli(folder, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code != 0
    assert "no file of the folder holds JSON (export_CONLL2003.conll, shot.png)" in result.output
