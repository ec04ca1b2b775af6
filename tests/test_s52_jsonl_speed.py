"""s52-jsonl-speed: a distribution's version read from its metadata's headers only (server.entry_points).

The body of METADATA is the project's README (Anota's: 394 KB); read and split whole it was the export's
peak of Python objects (1.6 MB). The version must read as before: the lines before the first blank one, split
as ``str.splitlines`` splits the whole text, METADATA first, PKG-INFO when METADATA is missing or empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.entry_points import _version

CASES = [
    ("plain", "Metadata-Version: 2.1\nName: x\nVersion: 1.2\n\nVersion: the body\n", None, "1.2"),
    ("crlf", "Name: x\r\nVersion: 3.1 \r\n\r\nVersion: no\r\n", None, "3.1"),
    ("bare_cr", "Name: x\rVersion: 4\r\rVersion: no", None, "4"),
    ("form_feed_ends_the_headers", "Name: x\x0c\nVersion: no\n", None, None),
    ("line_separator_splits", "Name: a\u2028Version: 9\n\nbody", None, "9"),
    ("no_final_newline", "Version: 8", None, "8"),
    ("blank_first_line", "\nVersion: 1\n", None, None),
    ("empty_metadata", "", "Version: 2\n", "2"),
    ("no_metadata", None, "Version: 6\n", "6"),
    ("no_version", "Name: x\n", "Version: 7\n", None),
    ("neither", None, None, None),
]


def _folder(tmp_path: Path, metadata: str | None, pkg_info: str | None) -> Path:
    for name, content in (("METADATA", metadata), ("PKG-INFO", pkg_info)):
        if content is not None:
            (tmp_path / name).write_bytes(content.encode("utf-8"))
    return tmp_path


@pytest.mark.parametrize(("metadata", "pkg_info", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_the_version_reads_as_the_whole_text_split_did(tmp_path, metadata, pkg_info, expected):
    # The expectations are what the whole-text reading (main e1b42214) gave on these files, checked once.
    assert _version(str(_folder(tmp_path, metadata, pkg_info))) == expected


def test_the_body_is_not_read(tmp_path):
    # Bytes that are no UTF-8 after the headers: reading the whole file raised UnicodeDecodeError.
    (tmp_path / "METADATA").write_bytes(b"Name: x\nVersion: 5.0\n\n" + b"\xff\xfe a README " * 1000)
    assert _version(str(tmp_path)) == "5.0"
