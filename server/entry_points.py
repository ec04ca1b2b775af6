"""The entry points of one group, read as ``importlib.metadata`` reads them,
without importing it.

``importlib.metadata`` imports ``email``, ``zipfile``, ``csv`` and
``importlib.resources``, and parses each distribution's metadata with the
email parser to give its version: 1 MB of the 26.5 MB an ``anota export
--format jsonl`` peaked at, for a few lines of ``entry_points.txt``. This module reads
what Anota needs (name, value and distribution version) from the same files:
distributions are ``*.dist-info`` and ``*.egg-info`` folders in the folders of
``sys.path`` and the first of each name wins, as in ``importlib.metadata``.
Distributions inside zip archives (``.egg`` files) or from custom finders
are not seen; pip and setuptools install neither.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

# importlib.metadata.EntryPoint.pattern: ``module``, ``module:attribute``, with optional [extras].
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str
    version: str | None  # the distribution's ``Version`` metadata

    @property
    def module(self) -> str:
        return self._parts().group("module")

    def load(self) -> Any:
        """The module, or its attribute when the value names one (``module:attribute``)."""
        parts = self._parts()
        attributes = filter(None, (parts.group("attr") or "").split("."))
        return functools.reduce(getattr, attributes, importlib.import_module(parts.group("module")))

    def _parts(self) -> re.Match[str]:
        parts = _VALUE.match(self.value)
        if parts is None:
            raise ValueError(f"entry point {self.name} = {self.value!r} is not 'module' or 'module:attribute'")
        return parts


def entry_points(group: str) -> list[EntryPoint]:
    """The ``group`` entry points of the installed distributions, in the order
    ``importlib.metadata.entry_points(group=group)`` gives them."""
    found: list[EntryPoint] = []
    for folder in _distribution_folders():
        text = _read(folder, "entry_points.txt")
        if text is not None and f"[{group}]" in text:
            version = _version(folder)
            found += [EntryPoint(name, value, version) for name, value in _section(text, group)]
    return found


def _distribution_folders() -> list[str]:
    """The metadata folder of each distribution on ``sys.path``: the first of each normalised name."""
    folders: dict[str, str] = {}
    for path in sys.path:
        try:
            children = os.listdir(path or ".")
        except OSError:  # a missing folder, a zip archive
            continue
        for child in children:
            if child.lower().endswith(_METADATA_SUFFIXES):
                name = _normalised(child.rpartition(".")[0].partition("-")[0])
                folders.setdefault(name, os.path.join(path, child))
    return list(folders.values())


def _normalised(name: str) -> str:
    # importlib.metadata.Prepared.normalize: PEP 503 with underscores.
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _read(folder: str, name: str) -> str | None:
    try:
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            return file.read()
    except OSError:  # no such file, or an ``.egg-info`` that is a file itself
        return None


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """``name = value`` pairs of the ``[group]`` section, read as
    ``importlib.metadata.Sectioned`` reads them."""
    pairs, section = [], None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            name, value = line.split("=", 1)
            pairs.append((name.strip(), value.strip()))
    return pairs


def _version(folder: str) -> str | None:
    """The ``Version`` header of the distribution's core metadata (its first
    lines, before a blank one), as the email parser reads it: METADATA, else
    (none, or empty) PKG-INFO."""
    for name in ("METADATA", "PKG-INFO"):
        headers = _headers(os.path.join(folder, name))
        if headers is not None:
            for line in headers:
                key, colon, value = line.partition(":")
                if colon and key.lower() == "version":
                    return value.strip()
            return None
    return None


def _headers(path: str) -> list[str] | None:
    """The lines of a metadata file before its first blank one (as ``str.splitlines``
    of the whole text splits them); None when there is no such file or it is empty.
    Read a line at a time, up to that blank line: the body is the project's README,
    which Anota's is (394 KB, 1.6 MB of text with its emoji, read and split whole,
    made an export's peak of Python objects). Bytes, each line decoded: a text file
    decodes 8 KB ahead; a UTF-8 character holds no newline byte."""
    try:
        with open(path, "rb") as file:
            headers: list[str] | None = None
            for raw in file:
                headers = headers or []
                for line in raw.decode("utf-8").splitlines():  # also at \r, \f, \x85, \u2028...
                    if not line:
                        return headers
                    headers.append(line)
            return headers
    except OSError:  # no such file, or an ``.egg-info`` that is a file itself
        return None
