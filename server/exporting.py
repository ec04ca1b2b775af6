"""Export finished labels as datasets (``anota export``).

The pipeline, one task at a time so that memory does not grow with the input:

1. a *source* yields raw task objects: a Label Studio JSON export or snapshot
   file (read as a stream), a live project (through label-studio-sdk), or the
   annotations Anota stored from ``/webhook``;
2. ``schemas.label_studio_export`` loads each task; a malformed one stops the
   export with an error naming the task id and JSON path;
3. every span is placed on the task text: offsets that do not fit are repaired
   only when the region's own text pins the place down unambiguously (UTF-16
   offsets, offsets counted with ``\\r\\n`` as one character, or the only
   occurrence), otherwise the span is reported and left out;
4. a *policy* decides which annotation counts (latest, ground-truth, majority,
   all); cancelled annotations never become labels;
5. each example gets a split from a hash of its source document;
6. an :class:`Exporter` (a plugin) writes the examples into a temporary folder,
   next to ``report.json`` and a ``README.md`` dataset card; only a complete
   export is renamed into place.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import datetime
import functools
import gc
import hashlib
import itertools
import json
import logging
import math
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
import msgspec
import orjson

from schemas.label_studio_export import (
    Annotation,
    ChoiceRegion,
    Prediction,
    SpanRegion,
    SpanValue,
    Task,
    TaskError,
    decode_task,
    instant,
    json_type,
    load_task,
    shown_id,
)
from server.plugins import ENTRY_POINT_GROUP, LoadError, build_plugin_set
from server.remote_texts import LabelStudioConnection, LinkedTexts, TextUnavailable, looks_like_link

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)

POLICIES = ("latest", "ground-truth", "majority", "all")
SPLIT_NAMES = {1: ("train",), 2: ("train", "test"), 3: ("train", "dev", "test")}
CLAIM_LABEL = "CLAIM"
SENTIMENT_CONTROL = "sentiment"
DETAILS_KEPT = 50  # detailed messages per kind kept in the report; all are counted


class ExportError(click.ClickException):
    """An export that cannot go on; nothing has been written."""


# -------------------------------------------------------------------------
# What an export produces
# -------------------------------------------------------------------------


class Span(msgspec.Struct, frozen=True, order=True, gc=False, cache_hash=True):
    """A labelled span of an example's text: hashable, and ordered like the
    tuple ``(start, end, label, text)``. A msgspec struct is made in C, a
    quarter of a NamedTuple's cost, for the tens of spans of each task; its
    hash is computed once (a span is looked up in several sets and dicts)."""

    start: int
    end: int
    label: str
    text: str


def is_claim(span: Span) -> bool:
    """A claim is any case of CLAIM; every other span is an entity."""
    return span.label.upper() == CLAIM_LABEL


@dataclass
class Labels:
    """The labels of one annotation (or of a policy's combination of several),
    and the control each span was drawn with."""

    spans: list[Span] = field(default_factory=list)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Its keys are exactly ``spans``: the set that agreement and survival look spans up in.
    controls: dict[Span, str] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Example:
    """One dataset example: a text and its final labels."""

    text: str
    labels: Labels
    task_id: int
    anota_id: str
    source: str | None
    annotators: list[str]
    annotation_ids: list[int | None]
    split: str = "train"
    language: str | None = None

    # Entity and claim spans apart (a claim is any case of CLAIM), sorted once
    # here: exporters read them more than once, and a cached_property takes a
    # lock on every read.
    entities: list[Span] = field(init=False, repr=False, compare=False)
    claims: list[Span] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.entities, self.claims = [], []
        for span in self.labels.spans:
            (self.claims if is_claim(span) else self.entities).append(span)

    @property
    def sentiment(self) -> str | None:
        """The sentiment when it is one value; several are in :attr:`other_choices`."""
        values = self.labels.choices.get(SENTIMENT_CONTROL)
        return values[0] if values and len(values) == 1 else None

    @property
    def other_choices(self) -> dict[str, list[str]]:
        return {name: list(values) for name, values in self.labels.choices.items()
                if name != SENTIMENT_CONTROL or len(values) > 1}


# -------------------------------------------------------------------------
# Exporters (plugins register instances through ``register_exporters``)
# -------------------------------------------------------------------------


class Exporter:
    """Writes examples in one format. Subclasses set ``name`` (the ``--format``
    value) and ``description``, and implement :meth:`write`."""

    name: str = ""
    description: str = ""

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        """Write ``examples`` (each knows its ``split``) into ``folder``.

        Consume the iterable once, as a stream. Count what the format cannot
        hold with ``report.note(kind, detail)``; raise :class:`ExportError` for
        what makes the whole export impossible.
        """
        raise NotImplementedError


class SplitFiles:
    """One text file per split, ``<folder>/<split><suffix>``, opened on first use;
    ``binary``: opened to write UTF-8 bytes as they are (no decoding and encoding again)."""

    def __init__(self, folder: Path, suffix: str, header: str = "", binary: bool = False) -> None:
        self.folder, self.suffix, self.header, self.binary = folder, suffix, header, binary
        self.files: dict[str, IO[Any]] = {}

    def __call__(self, split: str) -> IO[Any]:
        if split not in self.files:
            path = self.folder / f"{split}{self.suffix}"
            if self.binary:
                handle: IO[Any] = path.open("wb")
                handle.write(self.header.encode("utf-8"))
            else:
                handle = path.open("w", encoding="utf-8", newline="")
                handle.write(self.header)
            self.files[split] = handle
        return self.files[split]

    def __enter__(self) -> SplitFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        for handle in self.files.values():
            handle.close()


# -------------------------------------------------------------------------
# Sources
# -------------------------------------------------------------------------

RawTask = tuple[str, Any]  # (JSON path or other location, the raw task object or the loaded Task)
_REFUSED = object()  # what orjson cannot read: json.JSONDecoder decides


class JsonTaskReader:
    """Stream the tasks of a Label Studio export: a JSON list of task objects
    (or one task object, or JSON lines), read in chunks and parsed one task at
    a time.

    orjson parses a task three times faster than ``json``, but has no streaming
    API: the reader finds where each task ends and gives orjson that slice. A
    slice that starts with ``{`` and parses as a whole is exactly one object,
    so a guessed end is safe to try: the end of the task's line (one task per
    line), or the next line that closes a brace at the task's own indentation
    (indented exports). Without a guess that holds, orjson parses from the
    task's start and stops right after the task ("unexpected content after
    document" at that position), and the task is parsed again up to there.
    Whatever orjson refuses (a syntax error or a truncated file, but also
    ``NaN`` or a lone surrogate, which ``json`` accepts) goes to
    ``json.JSONDecoder.raw_decode``, which reads it as it always did and
    words the error with a line and column. One difference remains: orjson
    reads an integer beyond 64 bits as a float, so such a task id or offset
    (Label Studio's are 64-bit database keys and string positions) is refused
    as "Not a valid integer" instead of read.

    A list of tasks is first read as bytes (:meth:`_list_as_bytes`): orjson
    parses UTF-8 bytes as they are, where a ``str`` slice must be encoded to
    UTF-8 again (reading 5,000 generated tasks: 0.30 s instead of 0.39 s of
    CPU). Only the plain case is read so: a task after ASCII whitespace (and
    a comma) whose guessed end orjson accepts. At anything else (the list's
    end, another layout, a task orjson refuses, an error) the rest of the file
    is handed over, at the last task boundary, to the text reading that does
    all of the above and words every error. Each chunk is still decoded as it
    is read, so a file that is not UTF-8 is refused as before.

    A slice at a guessed end is first given to msgspec's typed decode
    (:func:`~schemas.label_studio_export.decode_task`), which loads a plain
    task straight from the bytes without building the many keys Anota does
    not read; the reader then yields the loaded :class:`Task` instead of the
    raw object. A task it does not take is parsed by orjson as above, and
    loaded (and its errors worded) by ``load_task``; after ``TYPED_MISSES``
    such tasks in a row, the rest of the file is read so without trying.
    """

    CHUNK = 1 << 18  # 256 KB: 5 MB less peak memory than 1 MB chunks, no slower
    # A project whose tasks the typed decode does not take (regions of other
    # control types: textarea, rating...) would pay a failed decode per task.
    TYPED_MISSES = 100
    # How far the byte reading reads on for one task's guessed end (a longer
    # task goes to the text reading, which reads any length).
    LONGEST_GUESSED = 1 << 24
    _SPACE = re.compile(r"\s*")
    _ASCII_SPACE = re.compile(rb"[ \t\n\r]*")  # JSON's whitespace
    _SEPARATOR = re.compile(rb"[ \t\n\r]*(,?)[ \t\n\r]*")  # between two tasks of a list
    _BOM = codecs.BOM_UTF8

    def __init__(self, path: Path, on_bytes: Callable[[int], None] = lambda _n: None) -> None:
        self.path = path
        self.on_bytes = on_bytes

    def __iter__(self) -> Iterator[RawTask]:
        with self.path.open("rb") as stream:
            self._stream = stream
            self._check_utf8 = codecs.getincrementaldecoder("utf-8-sig")().decode
            self._text: Callable[..., str] | None = None  # the decoder, once the text reading has taken over
            self._buffer: bytes | str = b""
            self._started = False
            self._pos, self._eof, self._line_base = 0, False, 1
            self._bytes_offset = 0  # where in the file the buffer starts, while it holds bytes
            self._column_base = 0  # characters of the current line before the buffer's start
            self._task_size = 1 << 16
            self._typed_misses = 0  # tasks in a row the typed decode did not take
            try:
                yield from self._tasks(self._more)
            except UnicodeDecodeError as exc:
                what = _binary_kind(self.path) or _undecodable(self.path, exc.reason)
                raise ExportError(f"{self.path}: not UTF-8 text ({what}); nothing was written") from None

    def _more(self) -> bool:
        """Read the next chunk into the buffer; False at the end of the file."""
        if self._eof:
            return False
        chunk = self._stream.read(self.CHUNK)
        self.on_bytes(len(chunk))
        self._eof = not chunk
        if self._text is not None:
            text: bytes | str = self._text(chunk, final=self._eof)
        else:
            self._check_utf8(chunk, final=self._eof)
            if not self._started and b"\x00" in chunk[:4]:  # no JSON text holds a NUL byte; UTF-16 does
                raise ExportError(f"{self.path}: not UTF-8 text ({_binary_kind(self.path)}); nothing was written")
            text = chunk if self._started else chunk.removeprefix(self._BOM)
            self._bytes_offset += len(chunk) - len(text)  # a byte-order mark
            self._started = True
        # What was read is dropped, but from the start of the current line when
        # it is near, so that an error's column counts from there.
        newline = "\n" if self._text is not None else b"\n"
        line_start = self._buffer.rfind(newline, 0, self._pos) + 1
        keep = max(line_start, self._pos - self.CHUNK)
        if self._text is not None:
            self._line_base += self._buffer.count(newline, 0, keep)
        else:  # the lines of bytes are counted only to word an error (_error)
            # Not inside a character (a line longer than a chunk): the text reading may take over from there.
            while keep < self._pos and self._buffer[keep] & 0xC0 == 0x80:  # a UTF-8 continuation byte
                keep -= 1
            self._bytes_offset += keep
        if keep > line_start:  # a line longer than a chunk: what is dropped of it still counts in a column
            cut = self._buffer[line_start:keep]
            self._column_base = (0 if line_start else self._column_base) + len(
                cut if self._text is not None else cut.decode("utf-8"))
        elif line_start:
            self._column_base = 0
        self._buffer = self._buffer[keep:] + text
        self._pos -= keep
        return True

    def _list_as_bytes(self) -> Generator[RawTask, None, int | None]:
        """The tasks of a list read as bytes while the plain case holds.
        Returns the index of the task the text reading goes on with (its
        position is right after the task before), or None when the file does
        not start a list: the text reading starts over."""
        self._more()
        start = self._ASCII_SPACE.match(self._buffer).end()
        if self._buffer[start:start + 1] != b"[":
            return None
        self._pos = start + 1
        for index in itertools.count():
            if len(self._buffer) - self._pos < 2 * self._task_size:
                self._more()
            buffer = self._buffer
            separator = self._SEPARATOR.match(buffer, self._pos)
            if bool(separator.group(1)) != bool(index):  # a comma between tasks, none before the first
                return index
            start = separator.end()
            if buffer[start:start + 1] != b"{":
                return index
            task = self._parse_guessed(start)
            # A task longer than what is left of the buffer: read on rather
            # than hand the rest of the file to the slower text reading.
            after_separator = start - self._pos
            while task is _REFUSED and self._guessed_end(start) is None and len(
                    self._buffer) - start < self.LONGEST_GUESSED and self._more():
                start = self._pos + after_separator  # _more() drops the buffer's head
                task = self._parse_guessed(start)
            if task is _REFUSED:
                return index
            yield f"$[{index}]", task

    def _as_text(self) -> None:
        """Hand the rest of the file over to the text reading, at the current position."""
        if self._text is not None:
            return
        self._text = codecs.getincrementaldecoder("utf-8")().decode
        done = self._buffer[:self._pos].decode("utf-8")  # a task boundary: whole characters
        self._buffer = self._text(self._buffer, final=self._eof)
        self._pos = len(done)

    def _skip_space(self, more: Callable[[], bool]) -> str:
        while True:
            self._pos = self._SPACE.match(self._buffer, self._pos).end()
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not more():
                return ""

    def _tasks(self, more: Callable[[], bool]) -> Iterator[RawTask]:
        resume = yield from self._list_as_bytes()
        self._as_text()
        if resume is not None:
            yield from self._list(more, resume)
            return
        first = self._skip_space(more)
        if first == "{":
            yield from self._json_lines(more)
            return
        if not first:
            raise self._error("the file holds only whitespace" if self.path.stat().st_size else "the file is empty")
        if first != "[":
            raise self._error(f"expected a JSON list of tasks, found {self._found()}")
        self._pos += 1
        yield from self._list(more, 0)

    def _list(self, more: Callable[[], bool], first_index: int) -> Iterator[RawTask]:
        """The tasks of the list from ``first_index`` on, and its end."""
        for index in itertools.count(first_index):
            char = self._skip_space(more)
            if char == "]":
                self._pos += 1
                break
            if index:
                if char != ",":
                    raise self._error(f"expected ',' or ']' after task $[{index - 1}]")
                self._pos += 1
                char = self._skip_space(more)
            if char == "]" and index:
                raise self._error(f"a comma after the last task $[{index - 1}] (JSON allows none before ']')")
            if char != "{":
                what = "the file ends" if not char else f"found {shown_char(char)}"
                raise self._error(f"expected a task object at $[{index}], {what} (truncated or not an export?)")
            yield f"$[{index}]", self._decode(more, f"$[{index}]")
        if self._skip_space(more):
            raise self._error("unexpected data after the list of tasks")

    def _found(self) -> str:
        """What starts at the current position, for an error message: the
        first line, cut short."""
        line = self._buffer[self._pos:self._pos + 40].split("\n", 1)[0]
        if line.startswith("\ufeff"):  # orjson and json refuse it anywhere but at the file's start
            return ("a byte-order mark (U+FEFF) where the JSON should start: the file has two, or one after "
                    "whitespace; remove it")
        return repr(line) + (" (CoNLL, not JSON)" if line.startswith("-DOCSTART-") else
                             " (CSV or TSV, not JSON)" if line.count(",") + line.count("\t") >= 2 else "")

    def _json_lines(self, more: Callable[[], bool]) -> Iterator[RawTask]:
        """One task object, or task objects one after another (JSON lines)."""
        for index in itertools.count():
            char = self._skip_space(more)
            if not char:
                return
            if char != "{":
                raise self._error(f"expected a task object after task object {index - 1}, found {shown_char(char)}")
            yield f"object {index}", self._decode(more, f"object {index}")

    def _decode(self, more: Callable[[], bool], location: str) -> Any:
        """The object that starts at the current position (a ``{``)."""
        value = self._parse_guessed(self._pos)
        if value is _REFUSED:
            value = self._parse_to_its_end(more)
        return self._raw_decode(more, location) if value is _REFUSED else value

    def _parse_guessed(self, start: int) -> Any:
        """The object that starts at ``start`` if it reads up to a guessed
        end (and the position moves past it), else ``_REFUSED``: a plain task
        loaded by the typed decode, else what orjson reads."""
        end = self._guessed_end(start)
        if end is None:
            return _REFUSED
        piece = self._buffer[start:end]
        value = decode_task(piece) if self._typed_misses < self.TYPED_MISSES else None
        if value is None:
            try:
                value = orjson.loads(piece)
            except orjson.JSONDecodeError:
                return _REFUSED  # not the end after all
            self._typed_misses += 1
        else:
            self._typed_misses = 0
        self._pos = start
        return self._taken(value, end)

    def _taken(self, value: Any, end: int) -> Any:
        self._task_size = end - self._pos
        self._pos = end
        return value

    def _guessed_end(self, start: int) -> int | None:
        buffer = self._buffer
        newline, brace, trailing = ("\n", "}", " \t\r,") if isinstance(buffer, str) else (b"\n", b"}", b" \t\r,")
        line_end = buffer.find(newline, start)
        if line_end < 0:
            return None
        end = line_end
        while end > start and buffer[end - 1:end] in trailing:  # "{...},\n"
            end -= 1
        if buffer[end - 1:end] == brace:
            return end
        # "{\n" at some indentation: the task ends at "\n" + the same indentation + "}".
        line_start = buffer.rfind(newline, max(0, start - 64), start) + 1
        indent = buffer[line_start:start]
        if line_start and not indent.strip():
            closing = buffer.find(newline + indent + brace, line_end)
            if closing >= 0:
                return closing + len(indent) + 2
        return None

    def _parse_to_its_end(self, more: Callable[[], bool]) -> Any:
        """Parse from the task's start over a window of the buffer; orjson
        stops right after the task. ``_REFUSED`` when orjson cannot read it."""
        size = 2 * self._task_size
        while True:
            start = self._pos
            end = min(start + size, len(self._buffer))
            try:
                return self._taken(orjson.loads(self._buffer[start:end]), end)
            except orjson.JSONDecodeError as exc:
                stop = start + exc.pos
            if stop < end:  # right after the task, or at an error orjson will also find here
                try:
                    return self._taken(orjson.loads(self._buffer[start:stop]), stop)
                except orjson.JSONDecodeError:
                    return _REFUSED
            if end < len(self._buffer):
                size *= 4
            elif not more():
                return _REFUSED

    def _raw_decode(self, more: Callable[[], bool], location: str) -> Any:
        decoder = json.JSONDecoder()
        while True:
            try:
                value, self._pos = decoder.raw_decode(self._buffer, self._pos)
                # Only json reads lone surrogates (orjson refuses them): no UTF-8 file can hold them.
                problem = lone_surrogate(value)
            except RecursionError:
                # orjson stops at 1,024 levels, json at Python's recursion limit: no export nests like that.
                raise self._error(f"task {location} is nested too deeply to read") from None
            except json.JSONDecodeError as exc:
                # Ran into the end of the buffer (a chunk may end inside a
                # string, a number or a literal like ``nul``): read more and
                # retry. Anything else is a syntax error at exc.pos.
                at_end = exc.pos >= len(self._buffer) - 32 or exc.msg.startswith("Unterminated string")
                if at_end and more():
                    continue
                if exc.pos >= len(self._buffer) - 1 or exc.msg.startswith("Unterminated string"):
                    raise self._error(f"the file ends inside task {location} (truncated JSON)") from None
                self._pos = exc.pos
                odd = self._buffer[exc.pos] if exc.pos < len(self._buffer) else ""
                found = f" (found {shown_char(odd)})" if odd in ODD_SPACES else ""
                raise self._error(f"invalid JSON in task {location}: {exc.msg}{found}") from None
            if problem:
                task_id = value.get("id", "?") if isinstance(value, dict) else "?"
                raise ExportError(f"{self.path}: task {shown_id(task_id)} at {location}: {problem}; "
                                  "nothing was written")
            return value

    def _error(self, message: str) -> ExportError:
        line = self._line_base + self._lines_read_as_bytes() + self._buffer.count("\n", 0, self._pos)
        line_start = self._buffer.rfind("\n", 0, self._pos)
        column = self._pos - line_start + (self._column_base if line_start < 0 else 0)
        return ExportError(f"{self.path}: line {line}, column {column}: {message}; nothing was written")

    def _lines_read_as_bytes(self) -> int:
        """The line breaks in what the bytes reading dropped, counted in the file
        again: an error is worded once, and counting them as they were read cost
        4% of an export."""
        breaks, left = 0, self._bytes_offset
        with self.path.open("rb") as stream:
            while left > 0 and (block := stream.read(min(left, self.CHUNK))):
                breaks += block.count(b"\n")
                left -= len(block)
        return breaks


def _visible(character: str) -> bool:
    # Not whitespace, and not a format or control character (U+200B, NUL), which print as nothing.
    return character.isprintable() and not character.isspace()


# Characters JSON does not take for whitespace that a file copied from a page or joined with ``cat`` may hold.
ODD_SPACES = {"\ufeff": "a byte-order mark (U+FEFF), which JSON allows only at the file's start (files joined "
                        "into one?); remove it",
              "\u00a0": "a no-break space (U+00A0), which JSON does not take for whitespace",
              "\u2028": "a line separator (U+2028), which JSON does not take for whitespace",
              "\u2029": "a paragraph separator (U+2029), which JSON does not take for whitespace",
              "\u200b": "a zero-width space (U+200B), which JSON does not take for whitespace",
              "\u3000": "an ideographic space (U+3000), which JSON does not take for whitespace"}


def shown_char(char: str) -> str:
    """A character an error found where JSON wanted another, named when it cannot be seen."""
    return ODD_SPACES.get(char) or repr(char)


def lone_surrogate(value: Any, path: str = "") -> str | None:
    """``"<JSON path>: <what>"`` for the first string in ``value`` (or key)
    holding half of a UTF-16 surrogate pair, which no UTF-8 output can hold;
    None when there is none. JSON escapes can spell one (``"\\ud83d"``)."""
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return (f"{path or '$'}: a lone surrogate {value[exc.start]!r} at offset {exc.start} "
                    "(half of an emoji's UTF-16 pair?), which UTF-8 cannot hold")
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if problem := lone_surrogate(key, where) or lone_surrogate(item, where):
                return problem
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if problem := lone_surrogate(item, f"{path}[{index}]"):
                return problem
    return None


def _binary_kind(path: Path) -> str | None:
    """What a file that is not UTF-8 is, from its first bytes, when that says it."""
    with path.open("rb") as stream:
        head = stream.read(6)
    for magic, what in ((b"\x1f\x8b", "a gzip file: decompress it first"),
                        (b"PK\x03\x04", "a zip file: unzip it first"),
                        (b"BZh", "a bzip2 file: decompress it first"),
                        (b"\xfd7zXZ", "an xz file: decompress it first"),
                        (b"\xff\xfe\x00\x00", "UTF-32 text (byte-order mark FF FE 00 00): save it as UTF-8"),
                        (b"\x00\x00\xfe\xff", "UTF-32 text (byte-order mark 00 00 FE FF): save it as UTF-8"),
                        (b"\xff\xfe", "UTF-16 text (byte-order mark FF FE): save it as UTF-8"),
                        (b"\xfe\xff", "UTF-16 text (byte-order mark FE FF): save it as UTF-8")):
        if head.startswith(magic):
            return what
    if b"\x00" in head[:4]:
        return "UTF-16 or UTF-32 text without a byte-order mark: save it as UTF-8"
    return None


def _undecodable(path: Path, reason: str) -> str:
    """Why and where ``path`` is not UTF-8: the reader decodes chunks, whose
    error positions say nothing of the file's, so the file is read again
    (once, to word the error) up to the first byte that does not decode."""
    decode = codecs.getincrementaldecoder("utf-8")().decode
    offset, lines = 0, 1
    with path.open("rb") as stream:
        while chunk := stream.read(JsonTaskReader.CHUNK):
            try:
                decode(chunk)
            except UnicodeDecodeError as exc:
                # exc.object is the chunk after the few bytes of a character the chunk before cut.
                at = offset + len(chunk) - len(exc.object) + exc.start
                lines += exc.object.count(b"\n", 0, exc.start)
                bad = exc.object[exc.start:exc.start + 2]
                return f"{reason} at byte {at}, line {lines}{CESU_8 if CESU_8_START.match(bad) else ''}"
            lines += chunk.count(b"\n")
            offset += len(chunk)
    return reason


# A UTF-16 surrogate written as three bytes (ED A0..BF ..): how CESU-8 and Java's "modified UTF-8" write an emoji.
CESU_8_START = re.compile(rb"\xed[\xa0-\xbf]")
CESU_8 = ": half of an emoji's UTF-16 pair, as CESU-8 or Java's modified UTF-8 write it"


@dataclass
class Source:
    """Where tasks come from: raw tasks, a size for progress, a description."""

    description: str
    tasks: Callable[[Callable[[int], None]], Iterable[RawTask]]
    size: int | None = None
    label_config: str | None = None


def file_source(path: Path) -> Source:
    if path.is_dir():
        raise ExportError(f"{path}: a folder, not a file; give the Label Studio JSON export file")
    if not path.exists():
        stdin = " (an export cannot be read from standard input: give the file)" if str(path) == "-" else ""
        raise ExportError(f"{path}: no such file{stdin}")
    if not path.is_file():  # a device or a pipe: read once, it could not be read again to word an error
        raise ExportError(f"{path}: not a regular file; give the Label Studio JSON export file")
    return Source(str(path), lambda on_bytes: JsonTaskReader(path, on_bytes), path.stat().st_size)


def open_database(url: str) -> Any:
    """Anota's database at ``url``, to export from; a URL that names no
    database (a missing SQLite file, which opening would create) is an error."""
    from sqlalchemy.exc import SQLAlchemyError

    from server.db import Database, is_sqlite_memory, with_driver

    try:
        parsed = with_driver(url)
        database = Database(url)
    except (SQLAlchemyError, ImportError) as exc:  # a malformed URL, an unknown dialect, a driver not installed
        raise ExportError(f"Anota database {url}: cannot open it: {exc}") from None
    shown = parsed.render_as_string(hide_password=True)
    if parsed.drivername.startswith("sqlite") and not is_sqlite_memory(parsed) and not Path(
            parsed.database or "").is_file():
        raise ExportError(f"Anota database {shown}: no such file (is ANOTA_DATABASE_URL the one `anota serve` "
                          "stores /webhook annotations in?)")
    return database


def database_source(database: Any, project: int | None) -> Source:
    """Tasks rebuilt from the annotations Anota stored from ``/webhook``."""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from server.db import StoredAnnotation

    shown = make_url(database.url).render_as_string(hide_password=True)

    def tasks(_on_bytes: Callable[[int], None]) -> Iterator[RawTask]:
        query = select(StoredAnnotation).where(StoredAnnotation.deleted.is_(False))
        query = query.where(StoredAnnotation.task_id.is_not(None))
        if project is not None:
            query = query.where(StoredAnnotation.project_id == project)
        query = query.order_by(StoredAnnotation.task_id, StoredAnnotation.id)
        try:
            with database.session() as session:
                rows = session.scalars(query.execution_options(yield_per=1000))
                for task_id, group in itertools.groupby(rows, key=lambda row: row.task_id):
                    task = _task_from_rows(task_id, list(group))
                    # A webhook's JSON may spell a lone surrogate (``"\\ud83d"``); no UTF-8 output holds one.
                    if problem := lone_surrogate(task):
                        raise ExportError(f"Anota database: task {task_id}: {problem}; nothing was written")
                    yield f"database task {task_id}", task
        except SQLAlchemyError as exc:  # no such table, not a database, a refused connection
            raise ExportError(f"Anota database {shown}: cannot read its annotations: {_database_problem(exc)}; "
                              "nothing was written") from None

    where = f", project {project}" if project is not None else ""
    return Source(f"Anota database {shown}{where}", tasks)


def _database_problem(exc: Exception) -> str:
    """The driver's own first line (SQLAlchemy's adds the SQL and a link)."""
    from server.db import StoredAnnotation

    problem = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if StoredAnnotation.__tablename__ in problem and ("no such table" in problem or "does not exist" in problem):
        problem += " (no annotation was ever stored there: is ANOTA_DATABASE_URL the one `anota serve` uses?)"
    return problem


def _task_from_rows(task_id: int, rows: list[Any]) -> dict[str, Any]:
    latest = rows[-1]
    return {
        "id": task_id,
        "data": latest.task_data,
        "meta": latest.task_meta,
        "annotations": [
            {
                "id": row.id, "result": row.result, "was_cancelled": row.was_cancelled,
                "ground_truth": row.ground_truth, "completed_by": row.completed_by,
                "created_at": row.created_at, "updated_at": row.updated_at, "prediction": row.prediction,
            }
            for row in rows
        ],
    }


def label_studio_source(url: str, project: int, api_key: str, folder: Path) -> Source:
    """Ask Label Studio for a snapshot with full predictions, save it into
    ``folder`` and read it like a file."""
    from label_studio_sdk.client import LabelStudio

    client = LabelStudio(base_url=url, api_key=api_key)
    try:
        label_config = client.projects.get(id=project).label_config
        export = client.projects.exports.create(
            id=project, title="anota export", serialization_options={"predictions": {"only_id": False}}
        )
        deadline = time.monotonic() + 600
        while (status := client.projects.exports.get(id=project, export_pk=export.id).status) != "completed":
            if status == "failed" or time.monotonic() > deadline:
                raise ExportError(f"Label Studio could not build the export of project {project} ({status})")
            time.sleep(0.5)
        path = folder / "label-studio-export.json"
        with path.open("wb") as out:
            for chunk in client.projects.exports.download(id=project, export_pk=export.id, export_type="JSON"):
                out.write(chunk)
    except ExportError:
        raise
    except Exception as exc:  # the SDK raises many types (HTTP, network, auth)
        raise ExportError(f"cannot export project {project} from {url}: {type(exc).__name__}: {exc}") from exc
    source = file_source(path)
    source.description = f"Label Studio {url}, project {project}"
    source.label_config = label_config
    return source


# -------------------------------------------------------------------------
# The report
# -------------------------------------------------------------------------


class ExportReport:
    """Everything counted during one export; becomes report.json and README.md."""

    def __init__(self) -> None:
        self.tasks_read = 0
        self.examples: Counter[str] = Counter()
        self.labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.choices: dict[str, Counter[str]] = defaultdict(Counter)
        self.left_out: Counter[str] = Counter()
        self.repaired: Counter[str] = Counter()
        self.notes: Counter[str] = Counter()
        self.details: dict[str, list[str]] = defaultdict(list)
        self.agreement = Agreement()
        self.survival = Survival()

    def _detail(self, kind: str, detail: str | None) -> None:
        if detail and len(self.details[kind]) < DETAILS_KEPT:
            self.details[kind].append(detail)

    def leave_out(self, kind: str, detail: str | None = None, count: int = 1) -> None:
        self.left_out[kind] += count
        self._detail(kind, detail)

    def repair(self, kind: str, detail: str) -> None:
        self.repaired[kind] += 1
        self._detail(kind, detail)

    def note(self, kind: str, detail: str | None = None, count: int = 1) -> None:
        """What a format could not hold, or how it resolved it."""
        self.notes[kind] += count
        self._detail(kind, detail)

    def count_example(self, example: Example) -> bool:
        """Count the example in; True when it brings a label or choice not counted before."""
        self.examples[example.split] += 1
        labels, choices = self.labels[example.split], self.choices[example.split]
        known = len(labels) + len(choices)
        if example.labels.spans:  # Counter.update counts a list in C
            labels.update([span.label for span in example.labels.spans])
        for control, values in example.labels.choices.items():
            choices[f"{control}={join_values(values)}"] += 1
        return len(labels) + len(choices) != known

    def as_dict(self) -> dict[str, Any]:
        return {
            "tasks_read": self.tasks_read,
            "examples": dict(self.examples),
            "labels": {split: dict(counts.most_common()) for split, counts in self.labels.items()},
            "choices": {split: dict(counts.most_common()) for split, counts in self.choices.items()},
            "left_out": dict(self.left_out.most_common()),
            "repaired": dict(self.repaired.most_common()),
            "format_notes": dict(self.notes.most_common()),
            "details": dict(self.details),
            "agreement": self.agreement.as_dict(),
            "prediction_survival": self.survival.as_dict(),
        }


def join_values(values: Sequence[str]) -> str:
    """Several values (a choice control's, an example's annotators) as one
    text, as the CSV and the report write them: joined with ``|``, a ``|`` or
    ``\\`` inside a value escaped with a backslash (``["A|B"]`` is ``A\\|B``,
    ``["A", "B"]`` is ``A|B``): read back unambiguously, splitting at each ``|`` that no
    backslash escapes and then unescaping."""
    joined = "|".join(values)
    # Nearly always nothing to escape; ``in`` costs less than str.count, whose arguments are parsed the old way.
    if "\\" not in joined and ("|" not in joined or all("|" not in value for value in values)):
        return joined
    return "|".join(value.replace("\\", "\\\\").replace("|", "\\|") for value in values)


class Agreement:
    """Agreement between annotators on tasks that several annotated.

    Choices: Fleiss' kappa per control, in its form for a varying number of
    raters per item (for two raters it equals Scott's pi). Spans: pairwise F1
    over every pair of annotations of a task, a span matching when start, end
    and label are equal; micro-averaged, overall and per label.
    """

    def __init__(self) -> None:
        self.tasks = 0
        # control -> [items, sum of P_i, total ratings]; control -> category -> ratings
        self.choice_items: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
        self.choice_categories: dict[str, Counter[str]] = defaultdict(Counter)
        self.span_pairs = 0
        self.span_matches: Counter[str] = Counter()
        self.span_totals: Counter[str] = Counter()  # |A| + |B| per label

    def add_task(self, annotations: list[Labels]) -> None:
        if len(annotations) < 2:
            return
        self.tasks += 1
        controls = {control for labels in annotations for control in labels.choices}
        for control in controls:
            # By the values themselves: joined, ["A|B"] and ["A", "B"] would agree.
            ratings = Counter(labels.choices[control] for labels in annotations if control in labels.choices)
            raters = sum(ratings.values())
            if raters < 2:
                continue
            item = self.choice_items[control]
            item[0] += 1
            item[1] += (sum(n * n for n in ratings.values()) - raters) / (raters * (raters - 1))
            item[2] += raters
            self.choice_categories[control].update(ratings)
        # An annotation holds a span once (TaskConverter.labels), and spans on
        # one text are equal exactly when start, end and label are: sets do.
        spans = [(labels.controls.keys(), [span.label for span in labels.spans]) for labels in annotations]
        for (first, first_labels), (second, second_labels) in itertools.combinations(spans, 2):
            self.span_pairs += 1
            self.span_matches.update([span.label for span in first & second])
            self.span_totals.update(first_labels)
            self.span_totals.update(second_labels)

    def as_dict(self) -> dict[str, Any]:
        choices = {}
        for control, (items, sum_p, ratings) in self.choice_items.items():
            observed = sum_p / items
            expected = sum((n / ratings) ** 2 for n in self.choice_categories[control].values())
            kappa = None if expected >= 1 else (observed - expected) / (1 - expected)
            choices[control] = {"items": int(items), "observed_agreement": round(observed, 4),
                                "fleiss_kappa": None if kappa is None else round(kappa, 4)}
        per_label = {label: _f1(self.span_matches[label], total) for label, total in sorted(self.span_totals.items())}
        overall = _f1(sum(self.span_matches.values()), sum(self.span_totals.values()))
        return {
            "tasks_with_several_annotations": self.tasks,
            "choices": choices,
            "spans": {"pairs": self.span_pairs, "f1": overall, "per_label": per_label},
        }


class Intervals:
    """Whether any of some spans overlaps ``[start, end)``, in O(log n): a
    task's final and predicted spans are compared each with each otherwise.
    A few spans (a task's usual tens) are scanned instead: sorting and indexing
    them cost more than the two or three questions asked of them."""

    SCANNED = 16

    def __init__(self, spans: list[Span]) -> None:
        self.few = spans if len(spans) <= self.SCANNED else None
        if self.few is None:
            ordered = sorted(spans)  # by start first; the order among equal starts does not matter
            self.starts = [span.start for span in ordered]
            self.reach = list(itertools.accumulate((span.end for span in ordered), max))  # furthest end so far

    def overlap(self, start: int, end: int) -> bool:
        if self.few is not None:  # a loop: a generator for any() costs more than the few tests
            for span in self.few:
                if span.start < end and start < span.end:
                    return True
            return False
        before_end = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return before_end > 0 and self.reach[before_end - 1] > start


def _f1(matches: int, total: int) -> float | None:
    return round(2 * matches / total, 4) if total else None


class Survival:
    """How much of each plugin's pre-annotation survived into the final labels.

    Per plugin and label: *kept* (same span and label, or same choice),
    *changed* (an overlapping final span of its kind, ``span_kind``, with other
    bounds or label; another choice in the same control), *deleted* (nothing
    final of its kind there), and *added* (a final span that no span of its
    kind that the plugin predicted overlaps, where the plugin predicted spans
    of that kind on that task). A predicted region's plugin is its ``meta.plugin``
    (Anota's /predict sets it), else the prediction's model version.
    """

    OUTCOMES = ("kept", "changed", "deleted", "added")

    def __init__(self) -> None:
        # (plugin, label, outcome) -> count: one Counter, updated once a task.
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.tasks = 0

    def add(self, predicted: dict[str, Predicted], final: Labels) -> None:
        if predicted:
            self.tasks += 1
        # Spans on one text are equal exactly when start, end and label are.
        # A predicted span is judged only against the final spans of its kind
        # (``span_kind``): a deleted claim over a sentence whose names were kept
        # was deleted, not changed. Most predicted spans are kept as they are:
        # where spans lie is indexed only when one is not.
        exact = final.controls
        final_places: dict[SpanKind, Intervals] = {}
        outcomes = []
        append = outcomes.append
        for plugin, entry in predicted.items():
            for kind, spans in entry.spans.items():
                control = kind[0]
                for span in spans:
                    if exact.get(span) == control:
                        append((plugin, span.label, "kept"))
                        continue
                    places = final_places.get(kind) or final_places.setdefault(kind, Intervals(
                        [other for other, drawn in exact.items() if span_kind(drawn, other) == kind]))
                    append((plugin, span.label, "changed" if places.overlap(span.start, span.end) else "deleted"))
                # The final spans not predicted as they are (one set operation in C):
                # a span predicted as it is overlaps itself. Counted, so their order does not matter.
                predicted_places = None
                for other in exact.keys() - spans:
                    if span_kind(exact[other], other) == kind:
                        predicted_places = predicted_places or Intervals(spans)
                        if not predicted_places.overlap(other.start, other.end):
                            append((plugin, other.label, "added"))
            for region in entry.choices:
                chosen = final.choices.get(region.control)
                values = region.value.choices
                outcome = "deleted" if chosen is None else "kept" if chosen == values else "changed"
                append((plugin, f"{region.control}={join_values(values)}", outcome))
        self.counts.update(outcomes)

    def as_dict(self) -> dict[str, Any]:
        plugins: dict[str, dict[str, dict[str, int]]] = {}
        for (plugin, label, outcome), n in sorted(self.counts.items()):
            plugins.setdefault(plugin, {}).setdefault(label, dict.fromkeys(self.OUTCOMES, 0))[outcome] = n
        return {"tasks_with_predictions": self.tasks, "plugins": plugins}


# A span's control, and whether it is a claim: claims and names are judged
# apart in survival even when one control holds both (Anota's own config does).
SpanKind = tuple[str, bool]


def span_kind(control: str, span: Span) -> SpanKind:
    return control, is_claim(span)


class Predicted(msgspec.Struct, gc=False):
    """One plugin's predictions on a task, placed on its text (a struct: made in C)."""

    spans: dict[SpanKind, list[Span]]  # the span regions that could be placed, by kind
    choices: list[ChoiceRegion]


# -------------------------------------------------------------------------
# Placing spans on the text
# -------------------------------------------------------------------------


def place_span(text: str, region: SpanRegion) -> tuple[tuple[int, int] | None, str | None]:
    """Where ``region`` lies in ``text``: ``((start, end), repair)`` with
    ``repair`` saying what was fixed (None when nothing was), or
    ``(None, problem)`` when the span cannot be placed unambiguously."""
    start, end, quoted = region.value.start, region.value.end, region.value.text
    fits = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    if fits and (quoted is None or (sliced := text[start:end]) == quoted):
        return (start, end), None
    if fits:
        problem = f"text at [{start}, {end}) is {sliced!r}, the region says {quoted!r}"
        if _same_text(sliced, quoted):
            # Whitespace apart, the text is the quote's: the offsets hold,
            # unless counted another way they give the quote exactly (UTF-16
            # offsets after an emoji, shifted onto a space: 'Lula😀 ' for 'Lula😀').
            remapped = _remapped(text, start, end, quoted)
            if len(remapped) != 1:  # none, or two readings: the offsets as given
                return (start, end), None
            (new_start, new_end), how = next(iter(remapped.items()))
            return (new_start, new_end), f"{problem}: moved to [{new_start}, {new_end}) ({how})"
    elif start is None or end is None:
        problem = "the region has no start or end offset"
    else:
        problem = f"offsets [{start}, {end}) do not fit a text of {len(text)} characters"
    if not quoted or not quoted.strip():
        return None, problem
    candidates = _candidates(text, start, end, quoted)
    if len(candidates) == 1:
        (new_start, new_end), how = next(iter(candidates.items()))
        return (new_start, new_end), f"{problem}: moved to [{new_start}, {new_end}) ({how})"
    if candidates:
        return None, f"{problem}; it could be at any of {sorted(candidates)}"
    occurrences = text.count(quoted)
    return None, f"{problem}; {quoted!r} occurs {occurrences} times in the text" if occurrences else \
        f"{problem}; {quoted!r} does not occur in the text"


def _same_text(sliced: str, quoted: str) -> bool:
    # Label Studio's ``value.text`` may collapse repeated whitespace.
    return sliced == quoted or sliced.split() == quoted.split()


def _candidates(text: str, start: Any, end: Any, quoted: str) -> dict[tuple[int, int], str]:
    """Places for ``quoted`` that the offsets or the text determine exactly."""
    found = _remapped(text, start, end, quoted) if isinstance(start, int) and isinstance(end, int) else {}
    if not found and text.count(quoted) == 1:
        position = text.index(quoted)
        found[(position, position + len(quoted))] = "the only occurrence of its text"
    return found


def _remapped(text: str, start: int, end: int, quoted: str) -> dict[tuple[int, int], str]:
    """Where the offsets lie if counted in UTF-16 units or with ``\r\n`` as
    one character, when the text there is exactly the quote."""
    found: dict[tuple[int, int], str] = {}
    for how, mapping in (("UTF-16 offsets", utf16_to_code_points),
                         (r"offsets counted with \r\n as one character", crlf_to_code_points)):
        mapped = mapping(text, (start, end))
        if mapped is not None and text[mapped[0]:mapped[1]] == quoted and mapped != (start, end):
            found.setdefault(mapped, how)
    return found


def utf16_to_code_points(text: str, offsets: tuple[int, int]) -> tuple[int, int] | None:
    """``offsets`` counted in UTF-16 units (an emoji counts 2) as code
    points; None when the text has no character beyond the BMP (nothing to
    map) or an offset falls outside it or inside a surrogate pair."""
    if text.isascii():
        return None
    pairs = _surrogate_pairs(text)
    if not pairs:
        return None
    mapped = []
    for offset in offsets:
        before = bisect.bisect_left(pairs, offset)  # pairs that start before the offset
        if not 0 <= offset <= len(text) + len(pairs) or (before and pairs[before - 1] + 1 == offset):
            return None
        mapped.append(offset - before)
    return mapped[0], mapped[1]


def crlf_to_code_points(text: str, offsets: tuple[int, int]) -> tuple[int, int] | None:
    """``offsets`` counted with each ``\\r\\n`` as one character, as code
    points; None when the text has no ``\\r\\n`` or an offset falls outside it.
    An offset at a line break lands before its ``\\r``."""
    if "\r\n" not in text:
        return None
    breaks = _folded_line_breaks(text)
    mapped = []
    for offset in offsets:
        if not 0 <= offset <= len(text) - len(breaks):
            return None
        mapped.append(offset + bisect.bisect_left(breaks, offset))
    return mapped[0], mapped[1]


# The spans of one task are placed on one text: index it once, not once per
# offset (a loop over a long text per offset took minutes). One text is kept.
@functools.lru_cache(maxsize=1)
def _surrogate_pairs(text: str) -> list[int]:
    """Where each character beyond the BMP starts, in UTF-16 units."""
    return [match.start() + number for number, match in enumerate(_ASTRAL.finditer(text))]


@functools.lru_cache(maxsize=1)
def _folded_line_breaks(text: str) -> list[int]:
    """Where each ``\\r\\n`` is, counting every earlier one as one character."""
    return [match.start() - number for number, match in enumerate(re.finditer("\r\n", text))]


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


# -------------------------------------------------------------------------
# From tasks to examples
# -------------------------------------------------------------------------


@dataclass
class Settings:
    policy: str = "latest"
    split: tuple[tuple[str, float], ...] = (("train", 1.0),)
    text_key: str | None = None
    language: str | None = None
    # Control name -> its labels or choices, from the labeling config when one is known.
    controls: dict[str, frozenset[str]] | None = None
    # Text object name -> the data key it reads, from the labeling config (else judged: TextObjects).
    text_objects: dict[str, str] | None = None
    # The config's text is a link (<Text valueType="url">); without a config, a
    # task whose text looks like one is taken for such a project's.
    text_is_link: bool = False
    # Label Studio's address and token, to fetch such texts as /predict does
    # (None: from the environment); where to keep them.
    label_studio: LabelStudioConnection | None = None
    link_cache: Path | None = None


def parse_split(value: str | None) -> tuple[tuple[str, float], ...]:
    """``"80/10/10"`` -> ``(("train", .8), ("dev", .1), ("test", .1))``."""
    if not value:
        return (("train", 1.0),)
    try:
        parts = [float(part) for part in value.split("/")]
    except ValueError:
        parts = []
    if len(parts) not in SPLIT_NAMES or any(p < 0 for p in parts) or not math.isclose(sum(parts), 100):
        raise click.BadParameter(f"{value!r}: give 2 or 3 percentages that add up to 100, like 80/10/10",
                                 param_hint="--split")
    return tuple(zip(SPLIT_NAMES[len(parts)], (p / 100 for p in parts)))


def split_of(key: str, split: tuple[tuple[str, float], ...]) -> str:
    """The same key always lands in the same split, on any machine."""
    if len(split) == 1:  # no --split: nothing to hash
        return split[0][0]
    position = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") / 2**64
    bound = 0.0
    for name, share in split:
        bound += share
        if position < bound:
            return name
    return split[-1][0]


def anota_id(task: Task, text: str) -> str:
    """The stable id Anota gave the task when it preloaded it, else a hash of its text."""
    given = task.data.get("anota_id") or task.meta.get("anota_id")
    return str(given) if given else hashlib.sha256(text.encode()).hexdigest()[:16]


class TextObjects:
    """Which Text objects (a span region's ``to_name``) the exported text is.

    A config may label several texts of a task (a title and a body), each
    with its own Labels control; a span drawn on one is meaningless on
    another. Only spans on the main text (the ``--text-key``, else the
    config's first labelled Text) are placed on it; the others are left out
    and reported, never shifted or "repaired" onto it. A labeling config says
    which object reads which data key. An object it does not name (every
    object, without a config) is judged once per export from its spans in
    the first task that tells: the data key whose string their ``value.text``
    quotes at their offsets most often. When that does not tell (a tie, or
    none quotes any), its name does: named like the text key, it is the main
    text; like another data key, it reads that one (for this task: judged
    again at the next); else it is another text once an object is known to
    be the main one, and placed as before (repaired or reported) until then.
    A span without ``to_name`` is on the main text, as ever. Choices are
    about the task, whichever object they are shown next to: all exported.
    """

    def __init__(self, text_key: str | None, objects: dict[str, str] | None) -> None:
        self.main: set[str | None] = {None}
        # Read on every span: a comparison, cheaper than hashing its to_name (a new string each) for a set.
        self.main_name: str | None = None
        self.others: dict[str, str] = {}  # object -> the data key it reads
        # What the name alone said, for one task (judged at its first span, not at each).
        self._task: Task | None = None
        self._guesses: dict[str, str | None] = {}
        # A config none of whose texts reads the text key does not describe the data: judged instead.
        if objects and text_key in objects.values():
            for name, key in objects.items():
                if key == text_key:
                    self._add_main(name)
                else:
                    self.others[name] = key

    def elsewhere(self, task: Task, text: str, key: str, name: str | None) -> str | None:
        """Why the spans on object ``name`` are not on ``text`` (the task's
        ``data[key]``), for the report; None when they are on it."""
        if name in self.main:
            return None
        reads = self.others.get(name)
        if reads is None:
            reads = self._reads(task, text, key, name)
            if reads == key or (reads is None and len(self.main) == 1):
                return None  # on the text, or nothing tells yet: placed (repaired or reported) as before
        if reads is None:
            return (f"spans on Text {name!r} (its data key unknown): only the main text (${key}) is exported; "
                    "pass --label-config to say which text it is")
        return (f"spans on Text {name!r} (${reads}): only the main text (${key}) is exported; use --text-key "
                f"{reads} to export that one")

    def _reads(self, task: Task, text: str, key: str, name: str) -> str | None:
        """The data key the spans on ``name`` read: remembered for the export
        when their quotes tell (or it is named like the text key), else for the task."""
        if task is not self._task:
            self._task, self._guesses = task, {}
        if name in self._guesses:
            return self._guesses[name]
        reads, told = self._judge(task, text, key, name)
        if reads == key:
            self._add_main(name)
        elif told:
            self.others[name] = reads
        else:
            self._guesses[name] = reads
        return reads

    def _add_main(self, name: str) -> None:
        self.main.add(name)
        self.main_name = self.main_name or name

    def _judge(self, task: Task, text: str, key: str, name: str) -> tuple[str | None, bool]:
        """The data key the spans on ``name`` read, and whether their quotes
        told (else the object's name did); ``(None, False)``: nothing tells.
        Quotes tell when most of them fit one key best: one short quote that
        happens to fit another key among spans that fit nothing (offsets
        Label Studio counted otherwise) does not."""
        quoted: Counter[str] = Counter()
        quotes = 0
        strings = [(key, text)] + [(other, value) for other, value in task.data.items()
                                   if other != key and isinstance(value, str)]
        for region in _span_regions(task, name):
            start, end, quote = region.value.start, region.value.end, region.value.text
            if type(start) is int and type(end) is int and quote:
                quotes += 1
                if 0 <= start < end:
                    quoted.update(other for other, value in strings if value[start:end] == quote)
        ranked = quoted.most_common(2)
        if ranked and 2 * ranked[0][1] > quotes and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], True
        if name == key or isinstance(task.data.get(name), str):
            return name, False
        return None, False


def _span_regions(task: Task, name: str) -> Iterator[SpanRegion]:
    """The span regions on object ``name`` in the task's annotations and predictions."""
    for item in (*task.annotations, *task.predictions):
        for region in item.regions or ():
            if type(region) is SpanRegion and region.to_name == name:
                yield region


class TaskConverter:
    """Turns loaded tasks into examples under one policy, counting into a report."""

    def __init__(self, settings: Settings, report: ExportReport) -> None:
        self.settings = settings
        self.report = report
        self.text_objects = TextObjects(settings.text_key, settings.text_objects)
        # Made at the first link: a session and a folder for what is fetched.
        self._linked_texts: LinkedTexts | None = None
        self._link_folder: tempfile.TemporaryDirectory[str] | None = None

    def examples(self, task: Task) -> list[Example]:
        key = self.text_key(task)
        text = self.text_of(task, key)
        for kind, where in task.repairs or ():
            self.report.repair(kind, f"task {task.id}, {where}")
        finished = self.finished(task)
        if finished and (self.settings.text_is_link or looks_like_link(text)):
            if (fetched := self.linked_text(task, text)) is None:
                return []
            text = fetched
        fitted: dict[SpanValue, list[Span]] = {}  # shared by the task's regions: see place()
        placed = [(annotation, self.labels(task, key, text, annotation, fitted)) for annotation in finished]
        if len(placed) > 1:  # agreement needs two
            self.report.agreement.add_task([labels for _annotation, labels in placed])
        if not placed:
            self.report.leave_out("tasks without a finished annotation", f"task {task.id}")
            return []
        chosen = self.apply_policy(task, placed)
        the_id = anota_id(task, text)
        source = task.meta.get("source") or task.data.get("source")
        split = split_of(str(source or the_id), self.settings.split)
        language = self.settings.language or _language_hint(task)
        examples = []
        for counted, labels in chosen:
            example = Example(
                text=text, labels=labels, task_id=task.id, anota_id=the_id,
                source=None if source is None else str(source),
                annotators=sorted({a.annotator for a in counted if a.annotator is not None}),
                annotation_ids=[a.id for a in counted], split=split, language=language,
            )
            self.count_survival(task, key, text, counted, example, fitted)
            if self.report.count_example(example):
                self.check_visible(task, example.labels)
            examples.append(example)
        return examples

    def text_key(self, task: Task) -> str:
        key = self.settings.text_key or _guess_text_key(task.data)
        if key is None:
            strings = sorted(key for key, value in task.data.items() if isinstance(value, str))
            what = f"cannot tell which of {strings} is the text" if strings else "no string value to export as the text"
            raise TaskError(task.id, "", [("data", f"{what} (pass --text-key or --label-config)")])
        return key

    def text_of(self, task: Task, key: str) -> str:
        text = task.data.get(key)
        if not isinstance(text, str):
            what = "Missing" if key not in task.data else f"Not a string but {json_type(text)}"
            raise TaskError(task.id, "", [(f"data.{key}", f"{what}: the text to export")])
        return text

    def linked_text(self, task: Task, url: str) -> str | None:
        """The text behind ``url``, fetched from Label Studio as /predict
        fetches it; None, and the task left out saying why, when it cannot be had."""
        if self._linked_texts is None:
            cache = self.settings.link_cache
            if cache is None:  # removed with the converter
                self._link_folder = tempfile.TemporaryDirectory(prefix="anota-linked-texts-")
                cache = Path(self._link_folder.name)
            self._linked_texts = LinkedTexts(cache)
        try:
            return self._linked_texts.fetch(url, task.id, self.settings.label_studio)
        except TextUnavailable as exc:
            hint = "" if self.settings.label_studio else (
                " (without --from-label-studio, Anota fetches it from LABEL_STUDIO_URL with LABEL_STUDIO_API_KEY)")
            self.report.leave_out("tasks whose text (a link) could not be fetched", f"task {task.id}: {exc}{hint}")
            return None

    def finished(self, task: Task) -> list[Annotation]:
        finished = []
        for annotation in task.annotations:
            if annotation.regions and not annotation.was_cancelled:  # nearly all: no message to word
                finished.append(annotation)
                continue
            where = f"task {task.id}, annotation {annotation.id}"
            if annotation.was_cancelled:
                self.report.leave_out("cancelled (skipped) annotations", where)
            elif annotation.regions is None:
                self.report.leave_out("annotations without a result", where)
            else:
                self.report.note("annotations with an empty result (exported without labels)", where)
                finished.append(annotation)
        return finished

    def labels(self, task: Task, key: str, text: str, annotation: Annotation, fitted: dict[SpanValue, list[Span]]
               ) -> Labels:
        labels = Labels()
        spans, controls, choices = labels.spans, labels.controls, labels.choices
        known = self.settings.controls
        main_name = self.text_objects.main_name
        for number, region in enumerate(annotation.regions or ()):
            if isinstance(region, SpanRegion):
                if region.to_name != main_name and (
                        elsewhere := self.text_objects.elsewhere(task, text, key, region.to_name)):
                    self.report.leave_out(elsewhere, self.where(task, annotation, region, number,
                                                                "/".join(region.value.labels)))
                    continue
                if known is not None:
                    self.check_known(known, task, annotation, region, number)
                placed = fitted.get(region.value) or self.place(text, region, (task, annotation, number), fitted)
                for span in placed:
                    if span in controls:  # the same span again (a span's hash is computed once)
                        self.report.repair("identical spans in one annotation kept once", self.where(
                            task, annotation, region, number, f"{span.label} [{span.start}, {span.end})"))
                    else:
                        spans.append(span)
                    controls[span] = region.control
            elif isinstance(region, ChoiceRegion):
                if known is not None:
                    self.check_known(known, task, annotation, region, number)
                if region.control in choices:  # Label Studio gives a control one region: keep every value
                    merged = tuple(dict.fromkeys(choices[region.control] + region.value.choices))
                    self.report.repair("choice regions of one control merged", self.where(
                        task, annotation, region, number, f"{region.control}: {'|'.join(merged)}"))
                    choices[region.control] = merged
                else:
                    choices[region.control] = region.value.choices
            else:
                self.report.leave_out(f"regions of control type {region.type!r} (not exported)",
                                      self.where(task, annotation, region, number))
        labels.spans.sort()
        return labels

    @staticmethod
    def check_visible(task: Task, labels: Labels) -> None:
        """Stop at an exported label or choice with no visible character
        (whitespace, a zero-width space, control characters), as at an empty
        one (the schemas refuse that): no class a dataset can name, and a
        CoNLL tag of it (``B- ``) breaks the columns. Called for an example
        that brings a value the report had not counted: a check per region
        cost 0.7% of an export, in the schemas a regex per label more."""
        values = [span.label for span in labels.spans] + [v for vs in labels.choices.values() for v in vs]
        if blank := next((value for value in values if not any(map(_visible, value))), None):
            what = "only whitespace" if blank.isspace() else "no visible character"
            raise TaskError(task.id, "", [(where_value(task, blank),
                                           f"{what} ({blank!r}): a label needs a visible character")])

    def check_known(self, known: dict[str, frozenset[str]], task: Task, annotation: Annotation,
                    region: SpanRegion | ChoiceRegion, number: int) -> None:
        """Note labels and controls the labeling config does not have (an old
        config, a renamed control): exported as they are, never dropped."""
        values = region.value.labels if isinstance(region, SpanRegion) else region.value.choices
        if region.control not in known:
            self.report.note("regions of controls not in the labeling config (exported as they are)", self.where(
                task, annotation, region, number, f"control {region.control!r}: {'|'.join(values)}"))
        elif unknown := [value for value in values if value not in known[region.control]]:
            self.report.note("labels not in the labeling config (exported as they are)", self.where(
                task, annotation, region, number, f"control {region.control!r} has no {'|'.join(unknown)!r}"))

    @staticmethod
    def where(task: Task, annotation: Annotation, region: Any, number: int, what: str = "") -> str:
        where = f"task {task.id}, annotation {annotation.id}, region {region_name(region, number)}"
        return f"{where}: {what}" if what else where

    def place(self, text: str, region: SpanRegion, where: tuple[Task, Annotation, int] | None,
              fitted: dict[SpanValue, list[Span]]) -> list[Span]:
        """The region's spans on ``text``; what was repaired or left out is
        reported for annotations (``where``: task, annotation, region number),
        not for predictions. The spans of a region that fits the text as it is
        go into ``fitted`` under its value (never to be changed), where the
        callers look first: most predicted regions equal an annotation's, and
        then share its spans."""
        value = region.value
        start, end, quoted, labels = value.start, value.end, value.text, value.labels
        # Nearly every region fits the text as it is: place_span's first test,
        # inline. A slice and a comparison cost less than str.startswith(quoted,
        # start), whose arguments are parsed the old way (about 500 instructions).
        if type(start) is int and type(end) is int and 0 <= start < end <= len(text) and (
                (sliced := text[start:end]) == quoted or quoted is None):
            # Nearly always one label: no list comprehension.
            spans = [Span(start, end, labels[0], sliced)] if len(labels) == 1 else [
                Span(start, end, label, sliced) for label in labels]
            fitted[value] = spans
            return spans
        bounds, message = place_span(text, region)
        if where is not None and message:
            task, annotation, number = where
            detail = (f"task {task.id}, annotation {annotation.id}, region {region_name(region, number)} "
                      f"({'/'.join(labels)}): {message}")
            if bounds is None:
                self.report.leave_out("spans that do not fit the text", detail)
            else:
                self.report.repair("spans repaired", detail)
        if bounds is None:
            return []
        start, end = bounds
        quoted = text[start:end]
        return [Span(start, end, label, quoted) for label in labels]

    def apply_policy(self, task: Task, placed: list[tuple[Annotation, Labels]]
                     ) -> list[tuple[list[Annotation], Labels]]:
        policy = self.settings.policy
        if policy == "all":
            return [([annotation], labels) for annotation, labels in placed]
        if policy == "majority":
            return [([annotation for annotation, _l in placed], self.majority(task, placed))]
        candidates = placed
        if policy == "ground-truth":
            candidates = [pair for pair in placed if pair[0].ground_truth] or placed
            if len(candidates) > 1 and candidates[0][0].ground_truth:  # which is the truth? say which one counted
                self.report.note("tasks with several ground-truth annotations (the latest counted)",
                                 f"task {task.id}: annotations {[a.id for a, _labels in candidates]}")
        annotation, labels = candidates[0] if len(candidates) == 1 else max(
            candidates, key=lambda pair: (moment(pair[0].updated_at), pair[0].id or 0))
        return [([annotation], labels)]

    def majority(self, task: Task, placed: list[tuple[Annotation, Labels]]) -> Labels:
        """Spans and choices that more than half of the annotators gave."""
        voters = len(placed)
        span_votes = Counter(span for _a, labels in placed for span in set(labels.spans))
        choice_votes: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        for _annotation, labels in placed:
            for control, values in labels.choices.items():
                choice_votes[control][values] += 1
        controls = {span: control for _a, labels in placed for span, control in labels.controls.items()
                    if 2 * span_votes[span] > voters}
        result = Labels(spans=sorted(controls), controls=controls)
        outvoted = sum(1 for n in span_votes.values() if 2 * n <= voters)
        if outvoted:
            self.report.leave_out("spans without a majority of annotators", f"task {task.id}: {outvoted}", outvoted)
        for control, votes in choice_votes.items():
            values, n = votes.most_common(1)[0]
            if 2 * n > voters:
                result.choices[control] = values
            else:
                self.report.leave_out("choices without a majority of annotators",
                                      f"task {task.id}, {control}: {dict(votes)}")
        return result

    def count_survival(self, task: Task, key: str, text: str, annotations: list[Annotation], example: Example,
                       fitted: dict[SpanValue, list[Span]]) -> None:
        predictions = task.predictions or _unique(a.prediction for a in annotations if a.prediction)
        if not predictions:
            return
        latest = {prediction.model_version: prediction for prediction in predictions}  # the last of each
        predicted: dict[str, Predicted] = {}
        main_name = self.text_objects.main_name
        for prediction in latest.values():
            # Interned: the survival counts compare it in every key, by identity then.
            version = sys.intern(prediction.model_version)
            for region in prediction.regions:
                kind = type(region)  # load_task builds exactly these classes
                if kind is SpanRegion:
                    if region.to_name != main_name and self.text_objects.elsewhere(
                            task, text, key, region.to_name):
                        continue  # predicted on another text
                    spans = fitted.get(region.value) or self.place(text, region, None, fitted)
                    if not spans:  # a plugin whose regions all miss the text predicted nothing here
                        continue
                elif kind is not ChoiceRegion:
                    continue
                plugin = region.meta.plugin or version  # a string (see RegionMeta)
                entry = predicted.get(plugin) or predicted.setdefault(plugin, Predicted({}, []))
                if kind is ChoiceRegion:
                    entry.choices.append(region)
                else:
                    for span in spans:
                        entry.spans.setdefault(span_kind(region.control, span), []).append(span)
        self.report.survival.add(predicted, example.labels)


def moment(timestamp: str) -> datetime.datetime:
    """``instant``, with a time that does not read (or none) the earliest."""
    return instant(timestamp) or _EARLIEST


_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)


def where_value(task: Task, value: str) -> str:
    """The JSON path of the first label or choice ``value`` in the task's annotations."""
    for place, annotation in enumerate(task.annotations):
        for number, region in enumerate(annotation.regions or ()):
            key, values = (("labels", region.value.labels) if isinstance(region, SpanRegion) else
                           ("choices", region.value.choices) if isinstance(region, ChoiceRegion) else ("", ()))
            if value in values:
                return f"annotations[{place}].result[{number}].value.{key}[{values.index(value)}]"
    return "annotations"


def region_name(region: Any, number: int) -> str:
    return getattr(region, "id", None) or f"#{number}"


def _unique(predictions: Iterable[Prediction | None]) -> list[Prediction]:
    seen, unique = set(), []
    for prediction in predictions:
        if prediction is not None and id(prediction) not in seen:
            seen.add(id(prediction))
            unique.append(prediction)
    return unique


def _guess_text_key(data: dict[str, Any]) -> str | None:
    if "text" in data:
        return "text"
    strings = [key for key, value in data.items() if isinstance(value, str) and key != "anota_id"]
    return strings[0] if len(strings) == 1 else None


def _language_hint(task: Task) -> str | None:
    hint = task.data.get("language") or task.meta.get("language")
    return hint if isinstance(hint, str) and hint else None


# -------------------------------------------------------------------------
# Running an export
# -------------------------------------------------------------------------


def iter_examples(source: Source, settings: Settings, report: ExportReport,
                  on_bytes: Callable[[int], None] = lambda _n: None) -> Iterator[Example]:
    """Load, check and convert every task of ``source``, one at a time."""
    converter = TaskConverter(settings, report)
    seen = TaskIds()

    def convert(location: str, raw: Any) -> list[Example]:
        try:
            task = load_task(raw, location)
            if not seen.add(task.id):
                first = next(where for where, other in source.tasks(lambda _n: None) if _raw_id(other) == task.id)
                raise ExportError(f"{source.description}: task id {task.id} appears twice, at {first} and "
                                  f"{location}; nothing was written")
            return converter.examples(task)
        except TaskError as exc:
            raise ExportError(f"{source.description}: {TaskError(exc.task_id, location, exc.problems)}"
                              f"{_not_a_task_hint(raw)}; nothing was written") from None
        except ExportError:
            raise
        except Exception as exc:  # a bug of Anota's on input nobody foresaw: say which task, not which exporter
            log.debug("task %s failed", location, exc_info=True)
            raise ExportError(f"{source.description}: task {shown_id(_raw_id(raw))} at {location} could not be "
                              f"exported: {type(exc).__name__}: {exc} (a bug: anota -v export ... shows where); "
                              "nothing was written") from exc

    location = "its start"
    try:
        for location, raw in source.tasks(on_bytes):
            examples = convert(location, raw)
            report.tasks_read += 1
            yield from examples  # what the exporter raises is not raised here
    except ExportError:
        raise
    except Exception as exc:  # the reader's bug, likewise: the input's place, not the exporter
        log.debug("reading after %s failed", location, exc_info=True)
        raise ExportError(f"{source.description}: reading failed after {location}: {type(exc).__name__}: {exc} "
                          "(a bug: anota -v export ... shows where); nothing was written") from exc


def _raw_id(raw: Any) -> Any:
    """The id of a raw task object, or of a task the reader loaded."""
    if type(raw) is Task:
        return raw.id
    return raw.get("id", "?") if isinstance(raw, dict) else "?"


def _not_a_task_hint(raw: Any) -> str:
    """Why an object that fails the task schema may not be a task at all."""
    if not isinstance(raw, dict) or "data" in raw:
        return ""
    if tool := _other_tool(raw):
        return (f" (this looks like {tool}, not a Label Studio export: Anota reads the JSON export of a Label Studio "
                "project; import it into Label Studio first)")
    if "text" in raw or "annotator" in raw:
        return " (this looks like a JSON_MIN or CSV-style export: export the project as JSON instead)"
    if "id" not in raw:
        listed = [key for key, value in raw.items() if isinstance(value, list) and value and isinstance(value[0], dict)]
        where = f"; the tasks look to be the list under {listed[0]!r}: jq '.{listed[0]}' gives it" if listed else ""
        return (f" (an object with keys {sorted(raw)[:8]}, not a task: a Label Studio JSON export is a list "
                f"of task objects{where})")
    return ""


def _other_tool(raw: dict[str, Any]) -> str | None:
    """Which other tool's format an object that is no task is in, when its keys say it."""
    meta, spans, label = raw.get("meta"), raw.get("spans"), raw.get("label")
    if isinstance(meta, dict) and "anota_id" in meta and isinstance(spans, list):
        return "a dataset Anota exported (jsonl)"
    if isinstance(spans, list) and any(key in raw for key in ("answer", "_input_hash", "_task_hash")):
        return "a Prodigy dataset (JSONL)"
    entities = raw.get("entities")
    offsets = isinstance(label, list) and label and all(isinstance(item, list) for item in label)
    if offsets or (isinstance(entities, list) and entities and isinstance(entities[0], dict)
                   and "start_offset" in entities[0]):
        return "a doccano export (JSONL)"
    return None


class TaskIds:
    """The task ids seen so far, one bit each for ids below 2**24 (Label
    Studio's are database keys): a set of 100,000 ints would grow an export
    by 6 MB, against a goal of flat memory. Where the first of two equal ids
    was is found again by reading the source anew, on that error only."""

    BITMAP_IDS = 1 << 24

    def __init__(self) -> None:
        self.bits = bytearray()
        self.others: set[int] = set()

    def add(self, task_id: int) -> bool:
        """Add ``task_id``; False when it was already there."""
        if not 0 <= task_id < self.BITMAP_IDS:
            new = task_id not in self.others
            self.others.add(task_id)
            return new
        byte, mask = task_id >> 3, 1 << (task_id & 7)
        if byte >= len(self.bits):
            self.bits.extend(bytes(max(byte + 1 - len(self.bits), len(self.bits))))
        new = not self.bits[byte] & mask
        self.bits[byte] |= mask
        return new


def run_export(source: Source, exporter: Exporter, out: Path, settings: Settings, force: bool = False,
               progress: bool = False) -> ExportReport:
    """Export ``source`` into ``out`` atomically: everything is written into a
    temporary folder next to ``out`` and renamed into place only when complete."""
    out = out.resolve()
    _check_replaceable(out, force)
    report = ExportReport()
    made = _missing_folders(out.parent)  # created for the export: removed again if it fails
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        _remove_folders(made)
        existing = next(folder for folder in (out.parent, *out.parent.parents) if folder.exists())
        why = f"{existing} is a file, not a folder" if not existing.is_dir() else exc.strerror or str(exc)
        raise ExportError(f"cannot write next to {out}: {why}; nothing was written") from exc
    try:
        with _progress_bar(source.size if progress else None) as on_bytes:
            exporter.write(iter_examples(source, settings, report, on_bytes), work, report)
        write_report(work, report, source, exporter, settings)
        _replace(work, out)
    except BaseException as exc:
        shutil.rmtree(work, ignore_errors=True)
        _remove_folders(made)
        if isinstance(exc, ExportError) or not isinstance(exc, Exception):
            raise
        if isinstance(exc, OSError):  # disk full, permissions: not a bug of the exporter
            raise ExportError(f"cannot write {out}: {exc}; nothing was written") from exc
        # An exporter plugin's bug: say who failed, keep the traceback for -v.
        log.debug("export failed", exc_info=True)
        raise ExportError(f"the {exporter.name!r} exporter failed after {report.tasks_read} tasks: "
                          f"{type(exc).__name__}: {exc}; nothing was written (anota -v export ... shows where)"
                          ) from exc
    return report


def _check_replaceable(out: Path, force: bool) -> None:
    """Refuse an ``out`` that the export must not replace: an earlier export
    only with ``force``, and never a file or a folder of other files (``--out .``
    would take the working folder with it)."""
    if not out.exists() or (out.is_dir() and not any(out.iterdir())):
        return
    if not out.is_dir():
        raise ExportError(f"{out} is not a folder; choose another --out")
    if not (out / "report.json").is_file():
        raise ExportError(f"{out} holds files that are not an earlier export (no report.json), which --force "
                          "would delete; choose another --out")
    if not force:
        raise ExportError(f"{out} already exists; pass --force to replace it")


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet, deepest first."""
    return list(itertools.takewhile(lambda path: not path.exists(), (folder, *folder.parents)))


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:  # deepest first; each is empty again once the export's work folder is gone
        with contextlib.suppress(OSError):
            folder.rmdir()


@contextlib.contextmanager
def _progress_bar(size: int | None) -> Iterator[Callable[[int], None]]:
    # Only worth a bar when reading takes more than a moment (about 20 MB).
    if not size or size < 20_000_000:
        yield lambda _n: None
        return
    from tqdm import tqdm

    # disable=None: no bar when stderr is not a terminal (logs, pipes).
    with tqdm(total=size, unit="B", unit_scale=True, desc="export", file=sys.stderr, leave=False,
              disable=None) as bar:
        yield bar.update


def _replace(work: Path, out: Path) -> None:
    if not out.exists():
        os.rename(work, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
    os.rename(out, old / out.name)
    os.rename(work, out)
    shutil.rmtree(old, ignore_errors=True)


def write_report(folder: Path, report: ExportReport, source: Source, exporter: Exporter,
                 settings: Settings) -> None:
    document = {
        "source": source.description,
        "format": exporter.name,
        "policy": settings.policy,
        "split": {name: share for name, share in settings.split},
        "files": sorted(path.name for path in folder.iterdir()),
        **report.as_dict(),
    }
    (folder / "report.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(dataset_card(document), encoding="utf-8")


def dataset_card(report: dict[str, Any]) -> str:
    """A readable dataset card from the report."""
    lines = [
        "# Dataset card", "",
        f"Exported by Anota from {report['source']} as `{report['format']}`, policy `{report['policy']}`.", "",
        f"Files: {', '.join(f'`{name}`' for name in report['files'])}; the full numbers are in `report.json`.", "",
        "## Examples and labels", "",
        "| split | examples |", "|---|---|",
        *(f"| {split} | {n} |" for split, n in report["examples"].items()), "",
    ]
    lines += _counts_table("label", report["labels"]) + _counts_table("choice", report["choices"])
    lines += ["## Left out, repaired, format notes", ""]
    for title in ("left_out", "repaired", "format_notes"):
        for kind, n in report[title].items():
            lines.append(f"- {title.replace('_', ' ')}: {kind}: {n}")
    if not any(report[title] for title in ("left_out", "repaired", "format_notes")):
        lines.append("- nothing")
    agreement = report["agreement"]
    lines += ["", "## Agreement between annotators", "",
              f"Tasks with several finished annotations: {agreement['tasks_with_several_annotations']}.", ""]
    for control, numbers in agreement["choices"].items():
        lines.append(f"- `{control}`: Fleiss' kappa {numbers['fleiss_kappa']}, observed agreement "
                     f"{numbers['observed_agreement']} over {numbers['items']} tasks")
    spans = agreement["spans"]
    if spans["pairs"]:
        lines.append(f"- spans: F1 {spans['f1']} over {spans['pairs']} annotation pairs; per label: "
                     + ", ".join(f"{label} {f1}" for label, f1 in spans["per_label"].items()))
    survival = report["prediction_survival"]
    lines += ["", "## Pre-annotations that survived", "",
              f"Tasks with predictions: {survival['tasks_with_predictions']}.", ""]
    if survival["plugins"]:
        lines += ["| plugin | label | kept | changed | deleted | added |", "|---|---|---|---|---|---|"]
        for plugin, labels_of in survival["plugins"].items():
            lines += [f"| {plugin} | {label} | {c['kept']} | {c['changed']} | {c['deleted']} | {c['added']} |"
                      for label, c in labels_of.items()]
    return "\n".join(lines) + "\n"


def _counts_table(name: str, counts_by_split: dict[str, dict[str, int]]) -> list[str]:
    """A Markdown table of counts, one row per ``name`` value, one column per split."""
    values = sorted({value for counts in counts_by_split.values() for value in counts})
    if not values:
        return []
    splits = list(counts_by_split)
    header = [f"| {name} | " + " | ".join(splits) + " |", "|---" * (len(splits) + 1) + "|"]
    rows = [f"| {value} | " + " | ".join(str(counts_by_split[s].get(value, 0)) for s in splits) + " |"
            for value in values]
    return header + rows + [""]


def summary(report: ExportReport, out: Path) -> str:
    """The one-screen summary ``anota export`` prints."""
    written = ", ".join(f"{n} {split}" for split, n in report.examples.items()) or "0"
    lines = [f"read {report.tasks_read} tasks; wrote {written} examples to {out}"]
    labels = Counter()
    for counts in report.labels.values():
        labels.update(counts)
    if labels:
        lines.append("labels: " + ", ".join(f"{label} {n}" for label, n in labels.most_common(12)))
    for title, counts in (("left out", report.left_out), ("repaired", report.repaired),
                          ("format", report.notes)):
        lines += [f"{title}: {kind}: {n}" for kind, n in counts.most_common(6)]
    agreement = report.agreement.as_dict()
    if agreement["tasks_with_several_annotations"]:
        measures = [f"{c} kappa {v['fleiss_kappa']}" for c, v in agreement["choices"].items()]
        measures.append(f"span F1 {agreement['spans']['f1']}")
        lines.append(f"agreement on {agreement['tasks_with_several_annotations']} tasks: {'; '.join(measures)}")
    for plugin, labels_of in report.survival.as_dict()["plugins"].items():
        totals = Counter()
        for counts in labels_of.values():
            totals.update(counts)
        lines.append(f"predictions of {plugin}: " + ", ".join(f"{o} {totals[o]}" for o in Survival.OUTCOMES))
    lines.append(f"details: {out / 'report.json'}, {out / 'README.md'}")
    return "\n".join(lines[:24])


# -------------------------------------------------------------------------
# The command
# -------------------------------------------------------------------------


@click.command("export")
@click.argument("input_file", metavar="[INPUT]", required=False, type=click.Path(path_type=Path))
@click.option("--format", "format_name", required=True, help="Exporter name: jsonl, conll, spacy, csv, or a plugin's.")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Folder to create.")
@click.option("--policy", type=click.Choice(POLICIES), default="latest", show_default=True,
              help="Which annotation counts when a task has several.")
@click.option("--split", "split_spec", help="Train/dev/test percentages, e.g. 80/10/10 (by source document).")
@click.option("--from-label-studio", "label_studio_url", metavar="URL",
              help="Export a live project (key from LABEL_STUDIO_API_KEY).")
@click.option("--project", type=int,
              help="Label Studio project id: needed with --from-label-studio; with --from-db, every project's "
                   "annotations without it.")
@click.option("--from-db", is_flag=True, help="Export the annotations Anota stored from /webhook.")
@click.option("--label-config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The project's labeling config, to find the text key.")
@click.option("--text-key", help="Key of the text in task data (default: from the config, or 'text').")
@click.option("--language", help="Tokenizer language for conll/spacy (default: per task, detected).")
@click.option("--force", is_flag=True, help="Replace OUT if it holds an earlier export.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def export_command(input_file: Path | None, format_name: str, out: Path, policy: str, split_spec: str | None,
                   label_studio_url: str | None, project: int | None, from_db: bool, label_config: Path | None,
                   text_key: str | None, language: str | None, force: bool, quiet: bool) -> None:
    """Export finished labels from INPUT (a Label Studio JSON export or
    snapshot), a live project, or Anota's database, as a dataset in OUT."""
    chosen = [name for name, given in (("INPUT", input_file), ("--from-label-studio", label_studio_url),
                                       ("--from-db", from_db)) if given]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of INPUT, --from-label-studio URL --project N, --from-db")
    if project is not None and input_file is not None:  # an export file is one project's already
        raise click.UsageError("--project goes with --from-label-studio or --from-db, not with INPUT")
    settings = Settings(policy=policy, split=parse_split(split_spec), text_key=text_key, language=language)
    for given in (input_file, label_config):
        if given is not None and _inside(given, out):  # --force would delete it with the old output
            raise click.UsageError(f"--out {out} holds {given}, which replacing it would delete; choose another "
                                   "folder")
    app, exporters, failed = load_exporters(only_exporter_plugins=True)
    if not any(getattr(exporter, "name", None) == format_name for _plugin, exporter in exporters):
        app, exporters, failed = load_exporters()  # a plugin that registers exporters without naming the hook
    exporter = _find_exporter(exporters, format_name, failed)
    with tempfile.TemporaryDirectory(prefix="anota-download-") as download:
        if input_file is not None:
            source = file_source(input_file)
        elif from_db:
            source = database_source(open_database(app.config["DATABASE_URL"]), project)
        else:
            source = _label_studio(label_studio_url or "", project, Path(download))
        xml = read_label_config(label_config) if label_config else source.label_config or None
        if xml is not None:  # a given config that is empty is an error, not ignored
            settings.text_key = settings.text_key or _text_key_of(xml)
            settings.controls = _controls_of(xml)
            settings.text_objects = _text_objects_of(xml)
            settings.text_is_link = _text_is_link(xml)
        if label_studio_url:  # else label-studio-sdk reads LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY, as for /predict
            settings.label_studio = LabelStudioConnection(label_studio_url, os.environ.get("LABEL_STUDIO_API_KEY"))
        settings.link_cache = Path(download) / "linked-texts"
        # What start-up loaded lives until the end: keep it out of the collector's
        # full passes, which the many small objects of each task trigger.
        gc.freeze()
        report = run_export(source, exporter, out, settings, force=force, progress=not quiet)
    if not quiet:
        click.echo(summary(report, out))


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def load_exporters(overrides: dict[str, Any] | None = None, only_exporter_plugins: bool = False
                   ) -> tuple[Flask, list[tuple[str, Any]], list[LoadError]]:
    """The exporters the plugins register, without building a whole app: an
    export needs no annotator, and loading their models would cost more than
    exporting a small file. With ``only_exporter_plugins``, plugins whose
    source never names ``register_exporters`` are not even imported (an
    annotator plugin may import a model stack at import time). Also the
    plugins' load errors: a format may be missing because its plugin failed."""
    from flask import Flask

    from server.config import load_config

    app = Flask("server")
    load_config(app, overrides)
    strict = app.config["STRICT_PLUGINS"]
    disabled = list(app.config["DISABLE_PLUGINS"])
    if only_exporter_plugins:
        disabled += plugins_not_naming("register_exporters", app.config["PLUGINS"])
    plugins = build_plugin_set(app.config["PLUGINS"], disabled, strict)
    exporters = plugins.collect("register_exporters", app, strict)
    return app, exporters, plugins.load_errors


def plugins_not_naming(hook: str, extra_modules: Iterable[str]) -> list[str]:
    """Plugins (entry points of the ``anota`` group, then ``extra_modules``)
    whose module source never mentions ``hook``. pluggy matches an
    implementation by its name (or ``specname``), so such a module cannot
    implement the hook unless it star-imports it from elsewhere; a module
    whose source cannot be read counts as naming it."""
    import importlib.metadata

    plugins = [(entry_point.name, entry_point.module)
               for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)]
    plugins += [(module, module) for module in extra_modules]
    return [name for name, module in plugins if not _source_names(module, hook)]


def _source_names(module: str, word: str) -> bool:
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
        source = spec.loader.get_source(module) if spec and spec.loader else None
    except Exception:  # a missing parent package, a loader without sources: let the import report it
        return True
    return source is None or word in source


def _label_studio(url: str, project: int | None, folder: Path) -> Source:
    if project is None:
        raise click.UsageError("--from-label-studio needs --project N")
    api_key = os.environ.get("LABEL_STUDIO_API_KEY")
    if not api_key:
        raise click.UsageError("set LABEL_STUDIO_API_KEY to a Label Studio access token")
    return label_studio_source(url, project, api_key, folder)


def _find_exporter(exporters: list[tuple[str, Any]], name: str, failed: list[LoadError]) -> Exporter:
    for _plugin, exporter in exporters:
        if getattr(exporter, "name", None) == name:
            return exporter
    known = ", ".join(sorted(getattr(e, "name", "?") for _p, e in exporters)) or "none (no exporter plugin loaded)"
    # The format may be a plugin's that failed to load: say so, not only that the name is unknown.
    failures = "; ".join(f"{error.plugin} ({error.stage}: {error.error})" for error in failed)
    raise click.BadParameter(f"{name!r} is not a known format; known: {known}"
                             + (f"; plugins that failed to load: {failures}" if failures else ""),
                             param_hint="--format")


def read_label_config(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(f"labeling config {path}: not UTF-8 text ({_binary_kind(path) or exc.reason})") from None


def _text_key_of(xml: str) -> str:
    return _labeling_config(xml).main.key


def _text_is_link(xml: str) -> bool:
    return _labeling_config(xml).main.is_url



def _controls_of(xml: str) -> dict[str, frozenset[str]]:
    """The config's Labels and Choices controls on its texts, with their values:
    ``--text-key`` may choose a text other than the config's main one."""
    controls: dict[str, set[str]] = defaultdict(set)
    for obj in _labeling_config(xml).objects:
        for target in (*obj.spans.values(), *obj.choices.values()):
            controls[target.from_name].add(target.value)
    return {name: frozenset(values) for name, values in controls.items()}


def _text_objects_of(xml: str) -> dict[str, str]:
    """The config's labelled Text objects: name -> the data key it reads."""
    return {obj.name: obj.key for obj in _labeling_config(xml).objects}


def _labeling_config(xml: str) -> Any:
    from server.labeling import LabelingConfigError, parse_labeling_config

    try:
        config = parse_labeling_config(xml)
    except LabelingConfigError as exc:
        raise ExportError(f"labeling config: {exc}") from exc
    if not config.objects:  # an image project's, say: /predict answers it, an export has no text to write
        raise ExportError("labeling config: it has no Text, HyperText or Paragraphs object, so no text to export")
    return config
