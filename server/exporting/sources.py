"""Where an export's tasks come from: a Label Studio JSON export or snapshot
file (read as a stream, one task at a time), a live project (through
label-studio-sdk), or the annotations Anota stored from ``/webhook``. Each
yields raw tasks; an input that is not a readable export stops the export with
an :class:`~server.exporting.examples.ExportError` saying where and why.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import itertools
import json
import re
import stat
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, ContextManager

import orjson

from schemas.label_studio_export import Task, TaskDecoder, integer_literal, shown_id
from server.exporting.compressed import (
    GZIP_MAGIC,
    ZIP_MAGICS,
    CompressedExport,
    ZipWithoutExport,
    compressed_export,
)
from server.exporting.examples import ExportError

if TYPE_CHECKING:
    from server.exporting.compressed import Opener
    from server.exporting.throttled import Patience, PatientClient


# JsonTaskReader._more: reads on (at least as many bytes as given); False at the end of the file.
_More = Callable[..., bool]
RawTask = tuple[str, Any]  # (JSON path or other location, the raw task object or the loaded Task)
_REFUSED = object()  # what orjson cannot read: json.JSONDecoder decides
# A task's closing brace, and what may follow it on its line, as ``buffer[i]`` gives
# them: an integer of bytes, a character of text. Not a one-byte slice ``in`` bytes,
# which first tries it as an integer and raises and clears a TypeError (about 1,900
# instructions, twice a task).
_CLOSING = frozenset(("}", ord("}")))
_TRAILING = frozenset(" \t\r,") | frozenset(b" \t\r,")


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
    (:class:`~schemas.label_studio_export.TaskDecoder`), which loads a plain
    task straight from the bytes without building the many keys Anota does
    not read; the reader then yields the loaded :class:`Task` instead of the
    raw object. A task it does not take is parsed by orjson as above, and
    loaded (and its errors worded) by ``load_task``; after ``TYPED_MISSES``
    such tasks in a row, the rest of the file is read so without trying.

    Label Studio writes its JSON export compact, on one line, with each task's
    keys in one order (``{"id":1,"annotations":[...``): there a task's guessed
    end is the brace before the next ``,{"id":N,"annotations":``, which no
    annotation, prediction or result starts with (their second key is another,
    and a result's id is a string). Without that guess each task of such a file
    was parsed twice, as text, and a 20,000-task export took twice the CPU of
    the same tasks one a line. Once one task has ended so, the tasks up to the
    buffer's last such end are given to one typed decode together
    (:meth:`_batch`; 6-7 tasks of a 32 KB chunk); a batch it does not take is
    read task by task as above.
    """

    # 32 KB: the buffer, the chunk and its UTF-8 check live together while a chunk is
    # added, and from 128 KB on glibc moves them in and out of the heap, which grew
    # with the tasks read: a JSONL export of 20,000 tasks peaked at 26.1 MB with
    # 128 KB chunks, 27 MB with 256 KB, 21.5 MB with 32 KB (Anota's bytecode compiled).
    CHUNK = 1 << 15
    # A project whose tasks the typed decode does not take (regions of other
    # control types: textarea, rating...) would pay a failed decode per task.
    TYPED_MISSES = 100
    # How far the byte reading reads on for one task's guessed end (a longer
    # task goes to the text reading, which reads any length).
    LONGEST_GUESSED = 1 << 24
    _SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace: not U+001E, U+00A0 or U+3000, which \s is
    _ASCII_SPACE = re.compile(rb"[ \t\n\r]*")  # JSON's whitespace
    _SEPARATOR = re.compile(rb"[ \t\n\r]*(,?)[ \t\n\r]*")  # between two tasks of a list
    _NEXT_LINE = b",\n{"  # the next task of a list on its own line, as _SEPARATOR reads it
    _NEXT_COMPACT_TASK = b",{"  # the next task of a compact list, as _SEPARATOR reads it
    # The next task of Label Studio's compact export, from the brace that ends the one before; found by
    # its key, which no string can hold unescaped (a search for this pattern cost 5 us a task).
    _NEXT_COMPACT = re.compile(rb'\},\{"id":-?[0-9]+,"annotations":')
    _TASK_KEY = b',"annotations":'
    _BOM = codecs.BOM_UTF8

    def __init__(self, path: Path, on_bytes: Callable[[int], None] = lambda _n: None, shown: str | None = None,
                 typed: bool = True, stream: BinaryIO | None = None, opener: Opener | None = None) -> None:
        self.path = path
        # Read from ``stream`` instead when given (a pipe, each chunk copied to ``path``, which errors read again;
        # a compressed file's decompressed bytes, which ``opener`` gives again).
        self.stream = stream
        self.opener = opener
        self._open: Opener = opener or (lambda: path.open("rb"))
        self.on_bytes = on_bytes
        self.shown = shown or str(path)  # what errors call the input (a pipe's, read from its spooled copy)
        self.typed = typed  # False: every task as its raw object, never loaded by the typed decode

    def __iter__(self) -> Iterator[RawTask]:
        with self._open() if self.stream is None else contextlib.nullcontext(self.stream) as stream:
            self._stream = stream
            self._check_utf8 = codecs.getincrementaldecoder("utf-8-sig")().decode
            self._text: Callable[..., str] | None = None  # the decoder, once the text reading has taken over
            self._buffer: bytes | str = b""
            self._started = False
            self._pos, self._eof, self._line_base = 0, False, 1
            self._bytes_offset = 0  # where in the file the buffer starts, while it holds bytes
            self._column_base = 0  # characters of the current line before the buffer's start
            self._uncounted_from = None  # and where in the file those the bytes reading dropped start (uncounted)
            self._task_size = 1 << 16
            self._typed_misses = 0 if self.typed else self.TYPED_MISSES  # tasks in a row the typed decode did not take
            self._decoder = TaskDecoder()
            self._compact = False  # whether a task's end was found before the next one's start (_compact_end)
            self._batch_misses = 0  # batches of tasks the typed decode did not take (_batch)
            self._batched_until = 0  # tasks before this file offset are read one by one (a batch refused)
            self._lineless: tuple[bytes | str | None, int] = (None, 0)  # a buffer without a line break from a position on
            try:
                yield from self._tasks(self._more)
            except UnicodeDecodeError as exc:
                what = binary_kind(self._head())
                if what is None and exc.reason == "unexpected end of data":  # the last bytes start a character
                    raise ExportError(f"{self.shown}: the file ends inside a character (its last bytes begin one "
                                      "in UTF-8): cut short? download or copy it again; nothing was written") from None
                if what is not None:
                    raise ExportError(_not_text(self.shown, self._head())) from None
                raise ExportError(f"{self.shown}: not UTF-8 text ({_undecodable(self._open, exc.reason)}); "
                                  "nothing was written") from None

    def _more(self, at_least: int = 0) -> bool:
        """Read the next chunk (``at_least`` bytes, when more than a chunk)
        into the buffer; False at the end of the file. A task that is longer
        than what is read asks for as much again as it has: each read copies
        the buffer, and the parse that retries reads it again, so a task read
        chunk by chunk took time as its length squared (a 50 MB text: 5 minutes)."""
        if self._eof:
            return False
        chunk = self._stream.read(max(self.CHUNK, at_least))
        self.on_bytes(len(chunk))
        self._eof = not chunk
        if self._text is not None:
            text: bytes | str = self._text(chunk, final=self._eof)
        else:
            self._check_utf8(chunk, final=self._eof)
            # No JSON text holds a NUL byte; UTF-16 does, and a tar archive's header (its magic at byte 257).
            if not self._started and (b"\x00" in chunk[:4] or chunk[257:262] == b"ustar"):
                raise ExportError(_not_text(self.shown, self._head()))
            text = chunk if self._started else chunk.removeprefix(self._BOM)
            self._bytes_offset += len(chunk) - len(text)  # a byte-order mark
            self._started = True
        # What was read is dropped, but from the start of the current line when
        # it is near, so that an error's column counts from there.
        newline = "\n" if self._text is not None else b"\n"
        line_start = self._buffer.rfind(newline, 0, self._pos) + 1
        keep = line_start if line_start >= self._pos - self.CHUNK else self._pos
        dropped_from = self._bytes_offset  # where the buffer starts in the file, while it holds bytes
        if self._text is not None:
            self._line_base += self._buffer.count(newline, 0, keep)
        else:  # the lines of bytes are counted only to word an error (_error)
            self._bytes_offset += keep
        if keep > line_start:  # a line longer than a chunk: what is dropped of it still counts in a column
            if self._text is not None:
                self._column_base = (0 if line_start else self._column_base) + keep - line_start
                if line_start:
                    self._uncounted_from = None
            elif line_start or self._uncounted_from is None:
                # Its characters are counted in the file when an error is worded (_column_base_now):
                # decoding what was dropped, at each chunk of a compact export's one line, cost 1.5% of its instructions.
                self._uncounted_from = dropped_from + line_start
                self._column_base = 0 if line_start else self._column_base
        elif line_start:
            self._column_base = 0
            self._uncounted_from = None
        # One copy (a slice of the buffer first copied what is kept twice).
        self._buffer = self._buffer[keep:] + text if self._text is not None else b"".join(
            (memoryview(self._buffer)[keep:], text))
        self._pos -= keep
        return True

    def _column_base_now(self) -> int:
        """The characters of the current line before the buffer's start: those
        the text reading counted, and those the bytes reading dropped, counted
        in the file again (an error is worded once)."""
        if self._uncounted_from is None:
            return self._column_base
        decode = codecs.getincrementaldecoder("utf-8")().decode
        characters, left = 0, self._bytes_offset - self._uncounted_from
        with self._open() as stream:
            stream.seek(self._uncounted_from)
            while left > 0 and (block := stream.read(min(left, self.CHUNK))):
                characters += len(decode(block))
                left -= len(block)
        return self._column_base + characters

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
        index = 0
        while True:
            if len(self._buffer) - self._pos < 2 * self._task_size:
                self._more()
            buffer = self._buffer
            # One task a line (the layout whose ends are guessed first), or Label Studio's compact
            # export (a comma, then the next task's brace): a comparison, no regex match.
            if index and buffer[self._pos:self._pos + 3] == self._NEXT_LINE:
                start = self._pos + 2
            elif index and buffer[self._pos:self._pos + 2] == self._NEXT_COMPACT_TASK:
                start = self._pos + 1
                if self._compact and self._bytes_offset + start > self._batched_until and (batch := self._batch(start)):
                    batch.reverse()
                    while batch:  # each task let go once given: a batch's tasks are not all kept until the next one
                        yield f"$[{index}]", batch.pop()
                        index += 1
                    continue
            else:
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
                    self._buffer) - start < self.LONGEST_GUESSED and (
                    self._compact or not self._ends_unguessed(start)) and self._more(
                    len(self._buffer) - start):
                start = self._pos + after_separator  # _more() drops the buffer's head
                task = self._parse_guessed(start)
            if task is _REFUSED:
                return index
            yield f"$[{index}]", task
            index += 1

    # After this many batches the typed decode did not take, tasks are read one by one.
    BATCH_MISSES = 3

    def _batch(self, start: int) -> list[Task] | None:
        """The tasks of a compact export from ``start`` to the last task end
        in the buffer, loaded by one typed decode (the position moves past
        them); None when the buffer holds no end past the first task, or when
        the typed decode does not take them all: those tasks are then read one
        by one, as before (and after ``BATCH_MISSES`` such batches, all are).
        An end is guessed as :meth:`_compact_end` guesses one; a wrong guess
        (inside a task) leaves a brace unclosed, which the decode refuses."""
        if self._typed_misses >= self.TYPED_MISSES or self._batch_misses >= self.BATCH_MISSES:
            return None
        buffer = self._buffer
        last_key = buffer.rfind(self._TASK_KEY, start)
        brace = buffer.rfind(b"},{", start, last_key) if last_key > start else -1
        if brace < 0 or not self._NEXT_COMPACT.fullmatch(buffer, brace, last_key + len(self._TASK_KEY)):
            return None
        tasks = self._decoder.tasks(b"".join((b"[", memoryview(buffer)[start:brace + 1], b"]")))
        if tasks is None:
            self._batch_misses += 1
            self._batched_until = self._bytes_offset + brace + 1
            return None
        self._typed_misses = 0
        self._task_size = (brace + 1 - start) // len(tasks)
        self._pos = brace + 1
        return tasks

    # UTF-8's lead and continuation bytes: the end of a buffer may cut a character.
    _NOT_ASCII = bytes(range(0x80, 0x100))

    def _ends_unguessed(self, start: int) -> bool:
        """Whether the task at ``start`` ends inside the buffer though no
        guessed end found it: a compact export on one line, whose line end
        never comes. Reading on for it held the whole file (up to
        ``LONGEST_GUESSED``); the text reading finds each task's end instead."""
        whole_characters = self._buffer[start:].rstrip(self._NOT_ASCII)  # orjson checks all of it is UTF-8
        try:
            orjson.loads(whole_characters)
        except orjson.JSONDecodeError as exc:
            return exc.msg.startswith("unexpected content after document")
        return True

    def _as_text(self) -> None:
        """Hand the rest of the file over to the text reading, at the current position."""
        if self._text is not None:
            return
        self._text = codecs.getincrementaldecoder("utf-8")().decode
        done = self._buffer[:self._pos].decode("utf-8")  # a task boundary: whole characters
        self._buffer = self._text(self._buffer, final=self._eof)
        self._pos = len(done)

    def _skip_space(self, more: _More) -> str:
        while True:
            self._pos = self._SPACE.match(self._buffer, self._pos).end()
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not more():
                return ""

    def _tasks(self, more: _More) -> Iterator[RawTask]:
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
            raise self._error(self._nothing())
        if first != "[":
            raise self._error(self._not_a_list())
        self._pos += 1
        yield from self._list(more, 0)

    def _nothing(self) -> str:
        """What a file without a JSON value holds."""
        head = self._head(len(self._BOM) + 1)
        if not head:
            return "the file is empty"
        if head.startswith(self._BOM):
            return "the file holds only a byte-order mark" + (" and whitespace" if len(head) > len(self._BOM) else "")
        return "the file holds only whitespace"

    def _head(self, size: int = 512) -> bytes:
        """The input's first ``size`` bytes (decompressed), read again to word an error."""
        with self._open() as stream:
            return stream.read(size)

    def _list(self, more: _More, first_index: int) -> Iterator[RawTask]:
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
                what = "the file ends" if not char else f"found {self._value_found(char)}"
                guess = "" if char in ODD_SPACES or self._buffer.startswith(COMMENT_STARTS, self._pos) else (
                    " (truncated or not an export?)")
                if char == '"' and self._object_text_here():
                    what, guess = f"found {ENCODED_TWICE}", ""
                elif char == "[":  # "truncated" misled: exports' lists pasted into one list, or a task nested
                    what, guess = "found a list inside the list of tasks", " (exports pasted together? give one list)"
                raise self._error(f"expected a task object at $[{index}], {what}{guess}")
            yield f"$[{index}]", self._decode(more, f"$[{index}]")
        if char := self._skip_space(more):
            raise self._error(self._after_the_list(char))

    def _after_the_list(self, char: str) -> str:
        """What stands after the list of tasks, and why it cannot: a list
        opening a line of its own is JSON Lines whose lines are lists (a
        script's dump of several exports, one a line) or exports joined,
        which no loader reads; the error says what to do with them."""
        found = f"unexpected data after the list of tasks, found {self._value_found(char)}"
        line_start = self._buffer.rfind("\n", 0, self._pos) + 1
        if char != "[" or not line_start or self._buffer[line_start:self._pos].strip():
            return found
        return (f"{found}: this line starts another list (JSON Lines whose lines are lists of tasks, or exports "
                "joined); anota export reads one list of tasks a file, or JSON Lines of one task object a line: write "
                "each list to a file of its own and export their folder, or join the lists into one")

    def _not_a_list(self) -> str:
        """Why the file does not start a list of tasks: what it is, when its
        first line says it, then what stands where the list should."""
        line = self._buffer[self._pos:self._pos + 40].split("\n", 1)[0]
        expected = "expected a JSON list of tasks, found "
        if line.startswith("\ufeff"):  # orjson and json refuse it anywhere but at the file's start
            return (f"{expected}a byte-order mark (U+FEFF) where the JSON should start: the file has two, or one "
                    "after whitespace; remove it")
        if line[:1] in ODD_SPACES:
            return expected + shown_char(line[0])
        if line.startswith("<") and (config := self._labeling_config_here()):
            return f"{config}: {expected}{line!r}"
        if line.startswith('"') and self._object_text_here():
            return f"{expected}{ENCODED_TWICE}"
        if line.startswith('"') and (strings := self._strings_around("[", list)):
            return expected + export_encoded(strings)
        what = next((what for start, what in NOT_JSON if line.startswith(start)),
                    CSV_OR_TSV if sum(map(line.count, ",;\t")) >= 2 else "")  # ";": Excel's CSV
        if what in (CONLL, CSV_OR_TSV):  # another export of Label Studio's, handed in for its JSON export?
            whole_line = self._buffer[self._pos:self._pos + 4000].split("\n", 1)[0]
            return f"{what}: {expected}{line!r}: {export_instead(whole_line, what)}"
        return f"{what}: {expected}{line!r}" if what else f"{expected}{line!r}"

    # A JSON string, number or literal (or a word that is none), cut short. Compiled
    # at the first error (re caches it), not when every export imports this module.
    _VALUE = r'"(?:[^"\\\n]|\\.){0,30}"?|[^\s,:\[\]{}"\ufeff\u200b]{1,30}'

    def _labeling_config_here(self) -> str | None:
        """What the file is when a labeling config (XML) stands where the list
        should: <View past its prolog (declaration, comments, doctype), which
        is read on, as a folder's file is, up to CONFIG_PROLOG_LIMIT; a prolog
        still open there said so. None for other text."""
        while (len(self._buffer) - self._pos < CONFIG_PROLOG_LIMIT
               and _prolog_open(self._buffer[self._pos:]) and self._more()):
            pass
        if re.compile(LABELING_CONFIG_START).match(self._buffer, self._pos):
            return LABELING_CONFIG
        if _prolog_open(self._buffer[self._pos:self._pos + CONFIG_PROLOG_LIMIT]) and (
                len(self._buffer) - self._pos > CONFIG_PROLOG_LIMIT or self._more()):
            return f"XML, perhaps a labeling config ({PROLOG_PAST_LIMIT}), not the export"
        return None

    def _object_text_here(self) -> bool:
        """Whether the JSON string at the current position, read whole from the
        buffer, holds a JSON object's text (an error's way only)."""
        return self._strings_around("{", dict) == 1

    def _strings_around(self, opening: str, kind: type) -> int:
        """How many JSON strings, one in another, the value at the current
        position is around the JSON text of a ``kind`` (a dict or a list,
        which opens with ``opening``): 1 for ``"[{...}]"`` (encoded twice), 2
        for a string of that string, 0 for anything else (an error's way only)."""
        from schemas.label_studio_schemas import holds_json

        if not isinstance(self._buffer, str):  # the list's reading as bytes hands odd values to the text reading
            return 0
        try:
            value, _end = json.JSONDecoder().raw_decode(self._buffer, self._pos)
        except ValueError:  # cut by the buffer's end, or not JSON
            return 0
        for strings in range(1, MOST_STRINGS_AROUND + 1):
            if not isinstance(value, str):
                return 0
            if holds_json(value, opening, kind):
                return strings
            try:
                value = json.loads(value)
            except ValueError:
                return 0
        return 0

    def _value_found(self, char: str) -> str:
        """What stands at the current position where a task should, for an
        error: the whole value (``'null'``, ``'42'``, ``'"id"'``), not its first character."""
        if self._buffer.startswith(COMMENT_STARTS, self._pos):
            return f"{self._buffer[self._pos:self._pos + 2]!r} ({NO_COMMENTS})"
        value = re.compile(self._VALUE).match(self._buffer, self._pos)
        return repr(value.group()) if value and char not in ODD_SPACES else shown_char(char)

    def _json_lines(self, more: _More) -> Iterator[RawTask]:
        """One task object, or task objects one after another (JSON lines)."""
        for index in itertools.count():
            char = self._skip_space(more)
            if not char:
                return
            if char != "{":
                raise self._error(f"expected a task object after task object {index - 1}, "
                                  f"found {self._value_found(char)}")
            yield f"object {index}", self._decode(more, f"object {index}")

    def _decode(self, more: _More, location: str) -> Any:
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
        buffer = self._buffer
        # Bytes are parsed where they are (a view): a slice copied every task.
        piece = memoryview(buffer)[start:end] if type(buffer) is bytes else buffer[start:end]
        value = self._decoder.task(piece) if self._typed_misses < self.TYPED_MISSES else None
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
        newline, brace = ("\n", "}") if isinstance(buffer, str) else (b"\n", b"}")
        # A compact export's one line: searched to the buffer's end once, not again at each task in it.
        lineless_buffer, lineless_from = self._lineless
        line_end = -1 if buffer is lineless_buffer and start >= lineless_from else buffer.find(newline, start)
        if line_end < 0:
            self._lineless = buffer, start
            return self._compact_end(start, len(buffer))
        end = line_end  # > start: the task's "{" is at start
        while end > start and buffer[end - 1] in _TRAILING:  # "{...},\n"
            end -= 1
        if buffer[end - 1] in _CLOSING:
            return end
        # "{\n" at some indentation: the task ends at "\n" + the same indentation + "}".
        line_start = buffer.rfind(newline, max(0, start - 64), start) + 1
        indent = buffer[line_start:start]
        if line_start and not indent.strip():
            closing = buffer.find(newline + indent + brace, line_end)
            if closing >= 0:
                return closing + len(indent) + 2
        return self._compact_end(start, line_end)

    def _compact_end(self, start: int, stop: int) -> int | None:
        """The end of the task at ``start`` in Label Studio's compact export:
        the brace before the next task's start, if it stands before ``stop``."""
        buffer = self._buffer
        if type(buffer) is not bytes:  # the text reading parses to the task's end instead
            return None
        own_key = buffer.find(self._TASK_KEY, start, stop)
        next_key = buffer.find(self._TASK_KEY, own_key + 1, stop) if own_key >= 0 else -1
        if next_key < 0:
            return None
        brace = buffer.rfind(b"},{", own_key, next_key)
        if brace < 0 or not self._NEXT_COMPACT.fullmatch(buffer, brace, next_key + len(self._TASK_KEY)):
            return None
        self._compact = True
        return brace + 1

    def _parse_to_its_end(self, more: _More) -> Any:
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
            elif not more(end - start):
                return _REFUSED

    def _raw_decode(self, more: _More, location: str) -> Any:
        decoder = json.JSONDecoder(parse_int=integer_literal)  # integers beyond 64 bits as orjson reads them
        while True:
            try:
                value, self._pos = decoder.raw_decode(self._buffer, self._pos)
                # Only json reads lone surrogates (orjson refuses them): no UTF-8 file can hold them.
                problem = lone_surrogate(value)
            except RecursionError:
                # orjson stops at 1,024 levels, json at Python's recursion limit: no export nests like that.
                task_id, path = too_deep(self._buffer, self._pos)
                where = f"task {location}" if task_id is None else f"task {task_id} at {location}"
                raise self._error(f"{where} is nested too deeply to read"
                                  + (f": {path} holds lists or objects more than {DEEPEST} levels deep (nothing "
                                     "Label Studio writes); remove it" if path else "")) from None
            except json.JSONDecodeError as exc:
                # Ran into the end of the buffer (a chunk may end inside a
                # string, a number or a literal like ``nul``): read more and
                # retry. Anything else is a syntax error at exc.pos.
                at_end = exc.pos >= len(self._buffer) - 32 or exc.msg.startswith("Unterminated string")
                if at_end and more(len(self._buffer) - self._pos):
                    continue
                if (exc.pos >= len(self._buffer) - 1 or exc.msg.startswith("Unterminated string")
                        or (at_end and CUT_TOKEN.fullmatch(self._buffer, exc.pos))):
                    raise self._error(f"the file ends inside task {location} (truncated JSON)") from None
                raise self._syntax_error(exc, location) from None
            if problem:
                task_id = value.get("id", "?") if isinstance(value, dict) else "?"
                raise ExportError(f"{self.shown}: task {shown_id(task_id)} at {location}: {problem}; "
                                  "nothing was written")
            return value

    def _syntax_error(self, exc: json.JSONDecodeError, location: str) -> ExportError:
        """A syntax error inside the task that starts at the reader's place:
        its line and column, the task's id and the path in it, and what stands
        there when it can be named."""
        task_id, path = syntax_place(self._buffer, self._pos, exc.pos)
        self._pos = exc.pos
        odd = self._buffer[exc.pos] if exc.pos < len(self._buffer) else ""
        # json's "Invalid control character at" leaves the place to its own message; the line and
        # column are ours, and the character is named (a raw newline or tab inside a string).
        control = exc.msg == "Invalid control character at"
        found = f" (found {shown_char(odd)})" if odd in ODD_SPACES or control else syntax_found(self._buffer, exc.pos)
        task = f"task {location}" if task_id is None else f"task {task_id} at {location}"
        return self._error(f"invalid JSON in {task}{f', {path}' if path else ''}: {exc.msg.removesuffix(' at')}"
                           + found + (" inside a string (write it escaped)" if control else ""))

    def _error(self, message: str) -> ExportError:
        line = self._line_base + self._lines_read_as_bytes() + self._buffer.count("\n", 0, self._pos)
        line_start = self._buffer.rfind("\n", 0, self._pos)
        column = self._pos - line_start + (self._column_base_now() if line_start < 0 else 0)
        return ExportError(f"{self.shown}: line {line}, column {column}: {message}; nothing was written")

    def _lines_read_as_bytes(self) -> int:
        """The line breaks in what the bytes reading dropped, counted in the file
        again: an error is worded once, and counting them as they were read cost
        4% of an export."""
        breaks, left = 0, self._bytes_offset
        with self._open() as stream:
            while left > 0 and (block := stream.read(min(left, self.CHUNK))):
                breaks += block.count(b"\n")
                left -= len(block)
        return breaks


# How deep a task's values may nest before the reader names where (json's recursion gives out near 1,000 levels).
DEEPEST = 500
# Compiled at that error only (re caches it): compiling at import cost every export.
_JSON_TOKEN = r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|-?[0-9]+'


class _TaskScan:
    """Where a scan of one task's JSON tokens is: the key or index open at each
    level and the task's id once read (for an error's wording only)."""

    def __init__(self) -> None:
        self.keys: list[Any] = []  # per open container: the current key (an object) or index (a list)
        self.task_id: str | None = None
        self.expect_key = False  # an object's key comes next (its last key is no longer where the scan is)

    def feed(self, token: str) -> bool:
        """Take one token; False once the task's object has closed."""
        keys = self.keys
        if token in "{[":
            keys.append(None if token == "{" else 0)
            self.expect_key = token == "{"
        elif token in "}]":
            keys.pop()
            self.expect_key = False
            return bool(keys)
        elif token == ",":
            if isinstance(keys[-1], int):
                keys[-1] += 1
            else:
                self.expect_key = True
        elif token != ":" and self.expect_key:
            keys[-1] = json.loads(token) if token.startswith('"') else token
            self.expect_key = False
        elif len(keys) == 1 and keys[-1] == "id" and token[0] in "-0123456789":
            self.task_id = token
        return True

    def place(self) -> str:
        """The JSON path inside the task where the scan stands ('' at its top)."""
        keys = self.keys[:-1] if self.expect_key else self.keys
        return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in keys if key is not None
                       ).lstrip(".")


def _task_tokens(text: str | bytes, start: int, stop: int | None = None) -> Iterator[tuple[_TaskScan, int]]:
    """The scan after each token of the task starting at ``start`` (up to ``stop``)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    scan = _TaskScan()
    for match in re.compile(_JSON_TOKEN).finditer(text, start, len(text) if stop is None else stop):
        if not scan.feed(match.group()):
            return
        yield scan, len(scan.keys)


def too_deep(text: str | bytes, start: int) -> tuple[str | None, str | None]:
    """Where the task starting at ``start`` of ``text`` nests beyond DEEPEST
    levels, as a path (``data.layout[0][0]...``, its run of indices shortened),
    and its id when read before there: for the error only (a scan of tokens)."""
    scan = None
    for scan, depth in _task_tokens(text, start):
        if depth > DEEPEST:
            return scan.task_id, _shown_path(scan.keys[:-1])
    return (scan.task_id if scan else None), None


def syntax_place(text: str | bytes, start: int, stop: int) -> tuple[str | None, str]:
    """The id of the task starting at ``start`` (when read before ``stop``) and
    the JSON path inside it where ``stop``, a syntax error, stands: an error
    that says only ``task $[0]`` leaves a 10 MB task to be searched by hand."""
    scan = _TaskScan()
    for scan, _depth in _task_tokens(text, start, stop):
        pass
    return scan.task_id, scan.place()


# What a token JSON does not know is, when a tool wrote the file in another language's spelling.
FOREIGN_LITERALS = {"True": "Python's spelling of true", "False": "Python's spelling of false",
                    "None": "Python's spelling of null", "undefined": "JavaScript's; JSON has null"}
# Quotes JSON does not take around a string or a name (its only quote is ").
FOREIGN_QUOTES = "'\u2018\u2019\u201c\u201d`"


def syntax_found(text: str, at: int) -> str:
    """What stands at a syntax error, named when a tool's other spelling explains it ('' otherwise)."""
    word = re.match(r"[A-Za-z_]\w*", text[at:at + 20])
    if word and word.group() in FOREIGN_LITERALS:
        return f" (found {word.group()!r}: {FOREIGN_LITERALS[word.group()]})"
    if at < len(text) and text[at] in FOREIGN_QUOTES:
        return f" (found {text[at]!r}: JSON quotes strings and names with \" only)"
    if text.startswith(COMMENT_STARTS, at):
        return f" (found {text[at:at + 2]!r}: {NO_COMMENTS})"
    if at < len(text) and text[at] in "}]" and text[max(0, at - 200):at].rstrip().endswith(","):
        return f" (found {text[at]!r} after a comma: JSON allows none after the last item; remove it)"
    return ""


# A file edited by hand, or written by a tool that reads JSON5 or JSONC (an editor's settings), may hold comments.
COMMENT_STARTS = ("//", "/*")
NO_COMMENTS = "a comment, which JSON does not allow; remove it"


def _shown_path(keys: list[Any]) -> str:
    """The path to a deep value, the run that repeats at its end (of one to four keys or indices)
    shown once: ``data.layout[0]...``, ``drafts.k[0]...``."""
    parts = [f"[{key}]" if isinstance(key, int) else f".{key}" for key in keys]
    run, period = len(parts), 1  # where the repeating end starts, and its length
    for length in range(1, 5):
        start = len(parts) - length
        while start >= length and parts[start - length:start] == parts[start:start + length]:
            start -= length
        if start < run:
            run, period = start, length
    head = parts[:run] if run <= 10 else parts[:10] + ["..."]
    return "".join(head + parts[run:run + period] + ["..."]).lstrip(".")


# A task given as a string of its JSON: a script ran json.dumps on each task, then wrote them as JSON again.
ENCODED_TWICE = "a string holding an object's JSON text (the tasks were encoded twice, each as a string: decode each)"
# How deep strings in strings are looked into for an export's JSON (json.dumps ran that often on its text).
MOST_STRINGS_AROUND = 8


def export_encoded(strings: int) -> str:
    """What a file holding the export's JSON as a string (in ``strings - 1`` more strings) is."""
    if strings == 1:
        return "a string holding a list's JSON text (the export was encoded twice, as one string: decode it once)"
    return (f"a string holding a list's JSON text inside {strings - 1} more string(s) (the export was encoded "
            f"{strings + 1} times: decode it {strings} times)")


# What a file that is no export starts with, by its first line: what it is.
LABELING_CONFIG = ("a Label Studio labeling config (XML), not the export: give it as --label-config FILE, and the "
                   "project's JSON export as INPUT")
# A labeling config is <View after its prolog: an XML declaration or other processing instruction, comments, and a
# doctype (a DTD, internal subset and all: the config's checks refuse it and say why). Each part is taken whole and
# never given back (possessive): a comment ends at its first "-->", a processing instruction at its first "?>", so a
# file of many is not backtracked into. In the doctype a quoted literal is one part (an entity's value "]>", a system
# id "a>b.dtd" end nothing: session 48's pattern ended the subset there, and the config was "other text"), and so
# are a comment or a processing instruction in its subset (a quote in "<!-- don't -->" opens nothing). An
# unfinished one (a literal, a comment without its end) fails the whole prolog, not a character at a time: one
# scan, however many there are.
_PI = r"<\?(?:[^?]|\?(?!>))*+\?>"
_COMMENT = r"<!--(?:[^-]|-(?!->))*+-->"
_LITERAL = r"\"[^\"]*+\"|'[^']*+'"
_SUBSET = rf"\[(?:{_COMMENT}|{_PI}|{_LITERAL}|[^\]\"'<]|<(?!!--|\?))*+\]\s*"
_DOCTYPE = rf"<!DOCTYPE\b(?:{_LITERAL}|[^\[>\"'])*+(?:{_SUBSET})?>"
# Patterns, compiled at their first use (re caches them): on an error's way and for a folder's file, and compiling
# them at import cost every export 3.5M instructions (callgrind, JSONL of bench/export.py's 1,000 tasks).
CONFIG_PROLOG = rf"(?i)\s*(?:(?:{_PI}|{_COMMENT}|{_DOCTYPE})\s*)*+"
LABELING_CONFIG_START = CONFIG_PROLOG + r"<View\b"
CONLL, CSV_OR_TSV = "CoNLL, not JSON", "CSV or TSV, not JSON"
NOT_JSON = (("-DOCSTART-", CONLL),
            ("//", f"JSON with {NO_COMMENTS}"), ("/*", f"JSON with {NO_COMMENTS}"),
            ("<", "an HTML or XML page, not JSON (a login or error page saved instead of the export?)"),
            ("version https://git-lfs", "a Git LFS pointer, not the file (`git lfs pull` fetches it)"))
# What every row of Label Studio's CSV and TSV exports holds (label-studio-sdk's converter: the JSON_MIN keys as
# columns, sorted), besides the task's data and each control's answers.
LABEL_STUDIO_CSV_COLUMNS = frozenset({"annotation_id", "annotator", "id"})
JSON_EXPORT = "export the project as JSON instead (Label Studio's Export > JSON), which keeps every annotation"


def export_instead(first_line: str, what: str) -> str:
    """What a CoNLL, CSV or TSV file handed in for a JSON export is (Label Studio's own export of that format when
    its first line is the one Label Studio writes), and the export to give instead."""
    if what == CONLL:
        # label-studio-sdk's convert_to_conll2003 writes "-DOCSTART- -X- O"; CoNLL-2003's own files "-X- -X- O".
        made = "Label Studio's CONLL2003 export" if first_line.rstrip() == "-DOCSTART- -X- O" else "a CoNLL file"
        return (f"{made} (tokens and tags, no offsets nor annotators); {JSON_EXPORT}, and --format conll writes "
                "CoNLL from it")
    separator = "\t" if "\t" in first_line else ";" if first_line.count(";") > first_line.count(",") else ","
    columns = {column.strip().strip('"') for column in first_line.split(separator)}
    if LABEL_STUDIO_CSV_COLUMNS <= columns:
        kind = "TSV" if separator == "\t" else "CSV"
        return f"Label Studio's {kind} export (a row per annotation, its regions as JSON in cells); {JSON_EXPORT}"
    return JSON_EXPORT


# The end of a file cut inside a token, where json finds "Expecting value" or "Invalid \\uXXXX escape" instead
# of the end: half a literal (``nul``), an escape (``\\u00``; json points after its backslash), a sign, or a
# number's fraction or exponent.
CUT_TOKEN = re.compile(r"\\|\\?u[0-9a-fA-F]{0,3}|n(?:ul?)?|t(?:ru?)?|f(?:a(?:ls?)?)?|-|\.|[eE][+-]?")
# Characters JSON does not take for whitespace that a file copied from a page or joined with ``cat`` may hold,
# and two that end a file written by old or crashed tools.
ODD_SPACES = {"\x00": "NUL bytes (a file padded, or cut short by a crash?)",
              "\x1a": "a DOS end-of-file mark (U+001A, Ctrl-Z); remove it",
              "\x1e": "a record separator (U+001E): a JSON text sequence (RFC 7464)? remove the separators, "
                      "one task per line is JSON Lines",
              "\ufeff": "a byte-order mark (U+FEFF), which JSON allows only at the file's start (files joined "
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


def binary_kind(head: bytes) -> str | None:
    """What a file that is not UTF-8 is, from its first 512 bytes, when they say it."""
    # Imported on this error path only: server.sources (the preload's loaders and their
    # dataclasses) costs 14M instructions, 3% of a 1-task export.
    from server.sources import (
        BINARY_DATA,
        OFFICE_DOCUMENT,
        PDF_DOCUMENT,
        SQLITE_DATABASE,
        ZLIB_DATA,
        file_kind,
        image_kind,
    )

    if image := image_kind(head):
        return f"{image}: give the JSON file Label Studio exported"
    kind = file_kind(head[:512])
    # What to do instead, for the kinds of files that are no export at all.
    hints = {
        BINARY_DATA: ": give the JSON file Label Studio exported",
        OFFICE_DOCUMENT: ", not the JSON export: export the project from Label Studio as JSON",
        PDF_DOCUMENT: ", not the JSON export: export the project from Label Studio as JSON",
        ZLIB_DATA: ", not an export: give the JSON file Label Studio exported",
        SQLITE_DATABASE: (", not an export: give the JSON file Label Studio exported; --from-db reads the "
                          "annotations Anota stored"),
    }
    return kind + hints.get(kind, "") if kind else None


def _not_text(shown: str, head: bytes) -> str:
    """The error for an input whose first bytes say it is no text. A tar
    archive is a container of files, which "not UTF-8 text" does not tell
    (session 50: a ``.tar.gz`` of the export read as an encoding problem):
    said as what it is, and how to get the export out of it."""
    if head[257:262] == b"ustar":
        unpack = "tar -xzf" if shown.endswith(" (gzip)") else "tar -xf"
        return (f"{shown}: a tar archive (a bundle of files), not a JSON export: extract it first ({unpack}) and "
                "give the export file it holds; nothing was written")
    return f"{shown}: not UTF-8 text ({binary_kind(head)}); nothing was written"


def _undecodable(open_input: Opener, reason: str) -> str:
    """Why and where the input is not UTF-8: the reader decodes chunks, whose
    error positions say nothing of the file's, so the file is read again
    (once, to word the error) up to the first byte that does not decode."""
    decode = codecs.getincrementaldecoder("utf-8")().decode
    offset, lines = 0, 1
    with open_input() as stream:
        while chunk := stream.read(JsonTaskReader.CHUNK):
            try:
                decode(chunk)
            except UnicodeDecodeError as exc:
                # exc.object is the chunk after the few bytes of a character the chunk before cut.
                at = offset + len(chunk) - len(exc.object) + exc.start
                lines += exc.object.count(b"\n", 0, exc.start)
                bad = exc.object[exc.start:exc.start + 2]
                return f"{reason} at byte {at}, line {lines}{_written_as(bad)}"
            lines += chunk.count(b"\n")
            offset += len(chunk)
    return reason


# A UTF-16 surrogate written as three bytes (ED A0..BF ..): how CESU-8 and Java's "modified UTF-8" write an emoji.
CESU_8_START = re.compile(rb"\xed[\xa0-\xbf]")
CESU_8 = ": half of an emoji's UTF-16 pair, as CESU-8 or Java's modified UTF-8 write it"
# What Windows-1252 (Latin-1's superset) makes of a byte that is no UTF-8: a spreadsheet's or an editor's re-save.
LEGACY_LETTERS = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u20ac\u00aa\u00ba"


def _written_as(bad: bytes) -> str:
    """How the bytes ``bad`` that are no UTF-8 were likely written, for the
    error ('' when nothing says): half an emoji in CESU-8, or a letter or
    typographic mark of Windows-1252 (the file re-saved by a spreadsheet),
    unless a continuation byte follows: UTF-8 of another kind, such as
    Java's modified UTF-8 writing NUL as C0 80."""
    if CESU_8_START.match(bad):
        return CESU_8
    legacy = bad[:1].decode("cp1252", "replace")
    continued = len(bad) > 1 and 0x80 <= bad[1] <= 0xBF
    if not continued and (legacy.isalpha() or legacy in LEGACY_LETTERS):
        return (f": byte 0x{bad[0]:02X} is {legacy!r} in Windows-1252 or Latin-1, as a spreadsheet or an editor may "
                "have saved the file; save it as UTF-8")
    return ""


@dataclass
class Source:
    """Where tasks come from: raw tasks, a size for progress, a description."""

    description: str
    tasks: Callable[[Callable[[int], None]], Iterable[RawTask]]
    size: int | None = None
    label_config: str | None = None
    # Where ``label_config`` came from, when the user did not give it: said before an error in it.
    label_config_from: str | None = None
    notes: list[str] = field(default_factory=list)  # what the report says of the source as a whole
    # What reading the tasks found, (kind, detail, count): noted after the export.
    reading_notes: list[tuple[str, str, int]] = field(default_factory=list)
    # What the reading left out of its input (a folder's files that hold no JSON), (kind, detail): said so.
    left_out: list[tuple[str, str]] = field(default_factory=list)
    # The labeling configs among a folder's files (path, name in the folder), set by folder_source: one is used
    # when none is given. Not a field: a dataclass's __init__ is code compiled as each export starts, and this
    # field cost a JSONL export of 1,000 tasks 0.66M instructions (callgrind; bench/HISTORY.md, s48-export).
    folder_configs: ClassVar[tuple[tuple[Path, str], ...]] = ()
    # A pipe, read as it comes: its size is known only at its end (the progress bar counts bytes).
    streamed: bool = False


STANDARD_INPUT = "-"


def file_source(path: Path, spool: Callable[[], Path] | None = None, shown: str | None = None) -> Source:
    """The tasks of the export file ``path``; of a named pipe (FIFO) or of
    standard input (``-``) too when given a ``spool`` folder (made when asked
    for: a file needs none): those are read
    as they come, each chunk also copied there, since an error is worded by
    reading the input again (where the first of two equal task ids was, the
    line of a character that does not decode) and a pipe reads once. A
    regular file is read in place, as ever. ``shown`` names the file in
    errors (a download's, rather than its temporary path)."""
    if str(path) == STANDARD_INPUT and spool is not None:
        if sys.stdin.isatty():  # nothing was piped in: reading would wait for a person to type an export
            raise ExportError("standard input is a terminal: pipe the export in (... | anota export - ...) or give "
                              "the file")
        return _spooled(lambda: contextlib.nullcontext(sys.stdin.buffer), "standard input", spool)
    try:
        mode = path.stat().st_mode
    except OSError as exc:  # a name too long, a symbolic link loop, a folder it may not enter
        stdin = " (an export cannot be read from standard input: give the file)" if str(path) == STANDARD_INPUT else ""
        why = "no such file" if exc.errno in (errno.ENOENT, errno.ENOTDIR) else exc.strerror or str(exc)
        raise ExportError(f"{path}: {why}{stdin}") from None
    if stat.S_ISDIR(mode):
        return folder_source(path)
    if stat.S_ISFIFO(mode) and spool is not None:
        return _spooled(lambda: path.open("rb"), shown_path(path), spool)
    if not stat.S_ISREG(mode):  # a device or a socket: it may never end (/dev/zero), or not read again
        raise ExportError(f"{path}: not a regular file; give the Label Studio JSON export file (or a named pipe)")
    notes: list[tuple[str, str, int]] = []
    shown = shown or shown_path(path)
    if (compressed := compressed_export(path, shown)) is not None:
        return Source(compressed.description, lambda on_bytes: _compressed_tasks(compressed, on_bytes, notes),
                      path.stat().st_size, reading_notes=notes)
    return Source(shown, lambda on_bytes: _file_tasks(JsonTaskReader(path, on_bytes, shown), notes),
                  path.stat().st_size, reading_notes=notes)


def _compressed_tasks(compressed: CompressedExport, on_bytes: Callable[[int], None],
                      notes: list[tuple[str, str, int]]) -> Iterator[RawTask]:
    """The tasks of a gzip or zipped export, decompressed as they are read
    (``on_bytes`` counts the compressed bytes)."""
    with compressed_reader(compressed, on_bytes) as reader:
        yield from _file_tasks(reader, notes, compressed)


@contextlib.contextmanager
def compressed_reader(compressed: CompressedExport, on_bytes: Callable[[int], None], typed: bool = True
                      ) -> Iterator[JsonTaskReader]:
    """A reader of a compressed export's decompressed bytes (``on_bytes`` counts the compressed ones), which
    decompresses it again from its start to word an error."""
    with compressed.open(on_bytes) as stream:
        yield JsonTaskReader(compressed.path, shown=compressed.description, typed=typed, stream=stream,
                             opener=compressed.open)


def _file_tasks(reader: JsonTaskReader, notes: list[tuple[str, str, int]],
                compressed: CompressedExport | None = None) -> Iterator[RawTask]:
    """The tasks of one export file; of a target-storage file (its first
    object an annotation with its task nested), its annotations joined into
    their tasks, the file read again for that."""
    tasks = iter(reader)
    first = next(tasks, None)
    if first is not None and nested_task_id(first[1]) is not None:
        packed = {} if compressed is None else {reader.path: compressed}
        yield from StorageFiles(reader.path, [reader.path], notes, packed)(lambda _n: None)
        return
    if first is not None:
        yield first
        yield from tasks


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
        held = self.bits[byte]  # read once (``|=`` reads it again)
        self.bits[byte] = held | mask
        return not held & mask

    def __contains__(self, task_id: int) -> bool:
        if not 0 <= task_id < self.BITMAP_IDS:
            return task_id in self.others
        byte = task_id >> 3
        return byte < len(self.bits) and bool(self.bits[byte] & 1 << (task_id & 7))


# One annotation per file, its task nested: how Label Studio's target storage (local or cloud) writes in its legacy
# format; its newer format writes one task object with its annotations per file, read as any task.
TARGET_STORAGE_JOINED = ("annotations read from Label Studio's target-storage files (one annotation per file, its task "
                         "nested), joined into their tasks")


SHOWN_SOURCES = 6  # the files of a joined task's annotations an error's location names


def nested_task_id(raw: Any) -> int | None:
    """The task id of a target-storage file's annotation (legacy format: the
    annotation object, its ``result``, its task nested under ``task`` with
    ``data`` and an integer ``id``); None for anything else."""
    if type(raw) is not dict or "data" in raw or type(raw.get("result")) is not list:
        return None
    nested = raw.get("task")
    if type(nested) is not dict or type(nested.get("data")) is not dict or type(nested.get("id")) is not int:
        return None
    return nested["id"]


class StorageFiles:
    """The tasks of several JSON files (a folder's, named relative to it),
    read as a stream: task objects as they come, and the annotations of
    target-storage files (legacy format) joined into their tasks, each task
    once: into its task object when a file holds one (the storage's format
    changed while the project was annotated), else where its first
    annotation is. A first pass finds which objects are such annotations, by
    task, and which task ids have a task object (ids and places only: memory
    stays small); the second reads again the files that hold task objects,
    and a task's annotation files where it is joined (a file of annotations
    only is not read a third time). A joined task's location names the file
    of each annotation, so that an error in ``annotations[1]`` says which file
    holds it."""

    def __init__(self, root: Path, files: list[Path], notes: list[tuple[str, str, int]],
                 compressed: dict[Path, CompressedExport] | None = None,
                 left_out: list[tuple[str, str]] | None = None) -> None:
        self.root = root
        self.files = files
        self.notes = notes
        self.compressed = compressed or {}  # the files that are a gzip or a zip, read decompressed
        # A folder's JSON files that are no export, said there (kind, detail); None: a file given, never skipped.
        self.left_out = left_out
        self.not_exports: set[int] = set()  # the numbers of those files, found by the first pass

    def name(self, path: Path) -> str | None:
        """A file's name in a location; None for the one file given (its locations are the reader's)."""
        return None if path == self.root else shown_path(path.relative_to(self.root))

    def _objects(self, path: Path, on_bytes: Callable[[int], None], typed: bool = True
                 ) -> Iterator[tuple[int, str, Any]]:
        name = self.name(path)
        compressed = self.compressed.get(path)
        with contextlib.nullcontext(JsonTaskReader(path, on_bytes, shown_path(path), typed)) if compressed is None \
                else compressed_reader(compressed, on_bytes, typed) as reader:
            for index, (location, raw) in enumerate(reader):
                yield index, location if name is None else f"{location} of {name}", raw

    def __call__(self, on_bytes: Callable[[int], None]) -> Iterator[RawTask]:
        stored: dict[int, list[tuple[int, int]]] = {}  # task id -> (file number, object index) of its annotations
        first_locations: dict[int, str] = {}  # task id -> where its first annotation is
        with_objects = TaskIds()  # the ids of task objects (new format, or an export's tasks)
        with_others: set[int] = set()  # the numbers of files that hold anything but annotations
        for number, path in enumerate(self.files):
            for index, location, raw in self._objects(path, on_bytes):
                if not index and self._not_an_export(number, raw):
                    break
                if (task_id := nested_task_id(raw)) is not None:
                    stored.setdefault(task_id, []).append((number, index))
                    first_locations.setdefault(task_id, location)
                    continue
                with_others.add(number)
                if type(task_id := _object_id(raw)) is int:
                    with_objects.add(task_id)
        # A file of annotations only is not read again here: the tasks its annotations begin are yielded in
        # its place, their annotations read where they are joined (a legacy folder: every file so).
        begun: dict[int, list[int]] = {}  # file number -> the tasks whose first annotation it holds, in order
        # (stored holds the tasks in the order of their first annotations)
        for task_id, places in stored.items():
            begun.setdefault(places[0][0], []).append(task_id)
        if len(self.not_exports) == len(self.files):
            said = [detail for kind, detail in self.left_out or () if kind == NOT_EXPORT_FILES]
            more = f"; and {len(said) - SHOWN_SOURCES} more" if len(said) > SHOWN_SOURCES else ""
            raise ExportError(f"{shown_path(self.root)}: no JSON file of the folder is an export ("
                              f"{'; '.join(said[:SHOWN_SOURCES])}{more}); give the Label Studio JSON export file, or "
                              "a folder of export or target-storage files")
        joined: set[int] = set()
        for number, path in enumerate(self.files):
            if number in self.not_exports:
                continue
            if number not in with_others:
                on_bytes(path.stat().st_size)
                for task_id in begun.get(number, ()):
                    if task_id not in with_objects:
                        joined.add(task_id)
                        yield first_locations[task_id] + self._sources(stored[task_id]), self._joined(
                            task_id, stored[task_id])
                continue
            for index, location, raw in self._objects(path, on_bytes):
                task_id = nested_task_id(raw)
                if task_id is None:
                    if type(own_id := _object_id(raw)) is int and own_id in stored and own_id not in joined:
                        joined.add(own_id)
                        raw = self._into_object(own_id, number, index, stored[own_id])
                        if (own := len(_raw_annotations(raw)) - len(stored[own_id])) >= 0:  # else not joined
                            location += self._sources(stored[own_id], own)
                    yield location, raw
                elif task_id not in joined and task_id not in with_objects:
                    joined.add(task_id)
                    yield location + self._sources(stored[task_id]), self._joined(task_id, stored[task_id])

    def _not_an_export(self, number: int, raw: Any) -> bool:
        """Whether a folder's file whose first value is ``raw`` is no export
        (noted once, and not read on): see :func:`not_an_export`."""
        if self.left_out is None or type(raw) is not dict or nested_task_id(raw) is not None:
            return False  # a Task the typed decode loaded, a target-storage annotation: an export's
        if number in self.not_exports:
            return True
        if (why := not_an_export(raw)) is None:
            return False
        self.not_exports.add(number)
        self.left_out.append((NOT_EXPORT_FILES, f"{self.name(self.files[number])} ({why})"))
        return True

    def _sources(self, places: list[tuple[int, int]], first: int = 0) -> str:
        """Which file each joined annotation came from (annotation ``first`` on), for an error's location:
        `` (annotations joined from files: [0] 12, [1] 40)``."""
        names = [f"[{first + number}] {self.name(self.files[file]) or self.files[file].name}"
                 for number, (file, _index) in enumerate(places[:SHOWN_SOURCES])]
        more = ", ..." if len(places) > SHOWN_SOURCES else ""
        return f" (annotations joined from files: {', '.join(names)}{more})"

    def _annotations(self, task_id: int, places: list[tuple[int, int]], also: int | None = None) -> list[Any]:
        """The annotation objects at ``places`` (their tasks nested), noted with their files (and file
        ``also``, the task object's)."""
        wanted: dict[int, set[int]] = {}
        for number, index in places:
            wanted.setdefault(number, set()).add(index)
        annotations = []
        for number, indices in wanted.items():
            annotations += [raw for index, _location, raw in self._objects(self.files[number], lambda _n: None)
                            if index in indices]
        numbers = ([] if also is None else [also]) + list(wanted)
        names = list(dict.fromkeys(self.name(self.files[number]) or self.files[number].name for number in numbers))
        self.notes.append((TARGET_STORAGE_JOINED, f"task {task_id}: file{'s' * (len(names) > 1)} {', '.join(names)}",
                           len(annotations)))
        return annotations

    def _joined(self, task_id: int, places: list[tuple[int, int]]) -> dict[str, Any]:
        """Task ``task_id`` with the annotations at ``places``, its first annotation's nested task."""
        annotations = self._annotations(task_id, places)
        return {**annotations[0]["task"], "annotations": _unnested(annotations)}

    def _into_object(self, task_id: int, number: int, index: int, places: list[tuple[int, int]]) -> dict[str, Any]:
        """The task object at ``index`` of file ``number``, raw (the typed decode may have loaded it), with
        the annotations at ``places`` after its own."""
        task = next(raw for at, _location, raw in self._objects(self.files[number], lambda _n: None, typed=False)
                    if at == index)
        own = [] if task.get("annotations") is None else task["annotations"]
        if not isinstance(own, list):  # the task schema words what is wrong with it
            return task
        return {**task, "annotations": own + _unnested(self._annotations(task_id, places, number))}


def _raw_annotations(task: dict[str, Any]) -> list[Any]:
    annotations = task.get("annotations")
    return annotations if isinstance(annotations, list) else []


def _unnested(annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Target-storage annotations without their nested task."""
    return [{key: value for key, value in annotation.items() if key != "task"} for annotation in annotations]


def _object_id(raw: Any) -> Any:
    """The id of a task object as the reader gives it (raw, or loaded by the typed decode)."""
    return raw.id if type(raw) is Task else raw.get("id") if type(raw) is dict else None


def folder_source(folder: Path) -> Source:
    """The tasks of the JSON files in ``folder`` and below (hidden ones
    skipped), in the order of their names (numbers by value: Label Studio
    names target-storage files by id): export files, or target-storage files
    of either format."""
    try:
        files = sorted((path for path in folder.rglob("*") if not path.is_dir() and not any(
            part.startswith(".") for part in path.relative_to(folder).parts)), key=_natural_order)
    except OSError as exc:
        raise ExportError(f"{shown_path(folder)}: cannot read the folder: {exc.strerror or exc}") from None
    if not files:
        raise ExportError(f"{shown_path(folder)}: a folder without files; give the Label Studio JSON export file, or "
                          "a folder of export or target-storage files")
    if _anota_dataset(folder):
        raise ExportError(f"{shown_path(folder)}: a dataset Anota exported (its report.json says so), not Label "
                          "Studio's files: give the Label Studio export, or the folder of its files")
    if earlier := next((path.parent for path in files if path.name == "report.json" and _anota_dataset(path.parent)),
                       None):  # --out inside the folder is refused, but an earlier --out may have been
        raise ExportError(f"{shown_path(earlier)}: a dataset Anota exported (its report.json says so), inside the "
                          f"folder to export: move it out of {shown_path(folder)}, or give the export file")
    if odd := next((path for path in files if not path.is_file()), None):  # a pipe or a socket: it may never end
        if odd.is_symlink():  # is_file follows the link: a missing target is the one left
            raise ExportError(f"{shown_path(odd)}: a symbolic link to {os.readlink(odd)}, which does not exist, in "
                              "the folder to export")
        raise ExportError(f"{shown_path(odd)}: not a regular file, in the folder to export")
    notes: list[tuple[str, str, int]] = []
    compressed: dict[Path, CompressedExport] = {}
    left_out: list[tuple[str, str]] = []  # (kind, detail) of each file skipped
    configs: list[tuple[Path, str]] = []  # the labeling configs among them
    skipped: list[Path] = []
    for path in files:
        packed, skip = _folder_file(folder, path)
        if packed is not None:
            compressed[path] = packed
        elif skip is not None:
            skipped.append(path)
            if skip[0] is LABELING_CONFIG_FILE:
                configs.append((path, skip[1]))
            else:
                left_out.append(skip)
    if len(skipped) == len(files):
        raise ExportError(f"{shown_path(folder)}: no file of the folder holds JSON ({_names(folder, skipped)}); give "
                          "the Label Studio JSON export file, or a folder of export or target-storage files")
    files = [path for path in files if path not in skipped]
    size = 2 * sum(path.stat().st_size for path in files)  # read twice: see StorageFiles (a gzip's compressed bytes)
    source = Source(shown_path(folder), StorageFiles(folder, files, notes, compressed, left_out), size,
                    reading_notes=notes, left_out=left_out)
    source.folder_configs = tuple(configs)
    return source


# A folder of Label Studio's files often holds others beside the JSON exports: its CONLL2003 or CSV export, the
# labeling config, a README. They stopped the export (session 47): skipped now, and said; a file named as a JSON
# export still stops it.
OTHER_TEXT_FILES = "files of the folder that hold text but no JSON (CoNLL, XML, CSV, Markdown...), skipped"
_EXPORT_SUFFIXES = (".json", ".jsonl", ".ndjson")
_JSON_STARTS = b'[{"'


def _other_text(head: bytes) -> bool:
    """Whether a file of a folder to export whose name is not an export's
    holds another kind of text, by its first bytes ``head``: its first
    character, past a byte-order mark and whitespace, is printable ASCII that
    opens no JSON list, object or string. Anything else is read, so that what
    is wrong with it is said (JSON after a no-break space, UTF-16, a Git LFS
    pointer in place of the export); a file named as an export is always read
    (an HTML page saved as ``export.json``)."""
    head = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    # Three quotes open no JSON string: a Python file's docstring.
    return bool(head) and 0x20 < head[0] < 0x7F and (head[:1] not in _JSON_STARTS or head.startswith(b'"""')) and \
        not head.startswith(b"version https://git-lfs")


# What _folder_file calls a labeling config among a folder's files (kept apart: the command may use one).
LABELING_CONFIG_FILE = "labeling config"


# JSON beside the exports: recorded API calls, Label Studio's error answers, a JSON_MIN export, a script's settings.
# The first of them stopped the export (session 47: "an object with keys [...], not a task"): skipped now, and said.
NOT_EXPORT_FILES = "JSON files of the folder that are no export (no list of tasks), skipped"


def not_an_export(raw: dict[str, Any]) -> str | None:
    """Why a folder's JSON file whose first value (the object, or the list's
    first item) is ``raw`` is no export, by its shape: an object without
    ``data``, ``annotations`` or ``predictions`` that is something else by
    its keys (a webhook body, an API answer, another tool's dataset, a
    JSON_MIN row, Anota's report) or has no ``id`` (recorded calls, a
    script's settings). None for an export's task, even a malformed one (an
    ``id`` with ``annotations`` but no ``data``: its error stops the export)."""
    if raw.keys() & TASK_KEYS and not isinstance(raw.get("action"), str):  # a webhook body may hold annotations
        return None
    from server.exporting.converting import not_a_task_hint  # the reading's words for such objects

    return not_a_task_hint(raw) or None


# What only a task of an export holds at its top (a target-storage annotation's task is nested under "task").
TASK_KEYS = frozenset({"data", "annotations", "predictions"})


# Pictures, archives, compiled code beside the exports (a project's screenshots, a .pyc of the script that
# fetched them) stopped the export (session 47: "not UTF-8 text"): skipped now, and said, unless named as an export.
BINARY_FILES = "files of the folder that are not text (images, archives, compiled code...), skipped"


FOLDER_HEAD_SIZE = 512  # the bytes of a folder's file that say what it holds


def _folder_file(folder: Path, path: Path) -> tuple[CompressedExport | None, tuple[str, str] | None]:
    """A folder's file as a compressed export, or why it is skipped (kind,
    detail) when its name is not an export's and it holds no JSON: other
    text, or no text (a zip of no JSON export, a gzip of no text, a file
    whose first bytes are neither UTF-8 nor UTF-16/32 text); (None, None)
    for a file to read."""
    named_as_export = path.name.lower().removesuffix(".gz").endswith(_EXPORT_SUFFIXES)
    name = shown_path(path.relative_to(folder))
    try:
        packed = compressed_export(path, shown_path(path))
    except ZipWithoutExport as exc:
        if named_as_export:
            raise
        return None, (BINARY_FILES, f"{name} (a zip file holding no JSON export: {exc.holds})")
    if named_as_export:
        return packed, None
    try:  # a gzip's text, decompressed: its first bytes say what it holds
        with packed.open() if packed is not None else path.open("rb") as stream:
            head = stream.read(FOLDER_HEAD_SIZE)
    except (ExportError, OSError):  # a damaged gzip, a file it may not read: the reading says why
        return packed, None
    if (binary := _binary_kind(head)) is not None:
        return None, (BINARY_FILES, f"{name} ({'a gzip file of ' if packed else ''}{binary})")
    if packed is None and _other_text(head):
        return None, _other_text_file(path, head, name)
    return packed, None


# How far a folder's file is read for the <View after a prolog longer than its first 512 bytes (a licence in a
# comment, a DTD): a config's prolog is far shorter; XML of another kind is not read whole.
CONFIG_PROLOG_LIMIT = 65536
# A prolog still open there: whether a <View follows cannot be told without reading on (it was "other text" unsaid).
PROLOG_PAST_LIMIT = (f"its XML prolog (declaration, comments, doctype) runs past the first {CONFIG_PROLOG_LIMIT // 1024}"
                     " KB, read for a labeling config's <View: not read on; give it as --label-config FILE if it is "
                     "the project's config")


def _other_text_file(path: Path, head: bytes, name: str) -> tuple[str, str]:
    """What a folder's file of other text, whose first bytes are ``head``, is
    (kind, detail): a labeling config (<View after its prolog), or other text,
    said with why when its prolog is still open past CONFIG_PROLOG_LIMIT. A
    prolog that runs past ``head`` is read on, up to that limit."""
    text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace")
    if re.match(LABELING_CONFIG_START, text):
        return LABELING_CONFIG_FILE, name
    if len(head) < FOLDER_HEAD_SIZE or not text.lstrip().startswith(("<?", "<!")):
        return OTHER_TEXT_FILES, name  # the whole file was read, or it opens no prolog
    with path.open("rb") as stream:
        read = stream.read(CONFIG_PROLOG_LIMIT + 1)  # a byte more: whether the file goes on past the limit
    text = read[:CONFIG_PROLOG_LIMIT].removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace")
    if re.match(LABELING_CONFIG_START, text):
        return LABELING_CONFIG_FILE, name
    if len(read) > CONFIG_PROLOG_LIMIT and _prolog_open(text):
        return OTHER_TEXT_FILES, f"{name} ({PROLOG_PAST_LIMIT})"
    return OTHER_TEXT_FILES, name


def _prolog_open(text: str) -> bool:
    """Whether ``text``, a file's start, ends inside an XML prolog: nothing
    but its parts, the last unfinished (a comment, a doctype without its end)."""
    rest = text[re.match(CONFIG_PROLOG, text).end():]  # type: ignore[union-attr]  # it matches "" at least
    return not rest or rest.startswith(("<?", "<!"))


def _binary_kind(head: bytes) -> str | None:
    """What a file whose first bytes ``head`` are no text is ("a PNG image",
    "binary data, not text"); None for UTF-8 text and for UTF-16 or UTF-32
    text, which is read (the reader says to save it as UTF-8: an export
    saved by Notepad as "Unicode")."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)  # not final: a character cut at the end is text
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" not in head:
            return None
    from server.sources import file_kind, wide_text  # only for a folder's file that is no UTF-8 text

    if wide_text(head):
        return None
    kind = file_kind(head)
    # file_kind's advice (": unzip it first") is for an input given; here only what the file is.
    return kind.split(":", 1)[0] if kind else "binary data, not text" if b"\x00" in head else "not UTF-8 text"


def _names(folder: Path, paths: list[Path]) -> str:
    """Some of a folder's files, by their names in it."""
    names = [shown_path(path.relative_to(folder)) for path in paths[:SHOWN_SOURCES]]
    return ", ".join(names) + (f" and {len(paths) - SHOWN_SOURCES} more" if len(paths) > SHOWN_SOURCES else "")


def _anota_dataset(folder: Path) -> bool:
    """Whether ``folder`` holds an export's output: its report.json (running.write_report's) and card."""
    report = folder / "report.json"
    if not (report.is_file() and (folder / "README.md").is_file()):
        return False
    try:
        written = orjson.loads(report.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    return is_anota_report(written)


def is_anota_report(value: Any) -> bool:
    """Whether a JSON value is the report.json an export writes (running.write_report)."""
    return isinstance(value, dict) and ANOTA_REPORT_KEYS <= value.keys()


ANOTA_REPORT_KEYS = frozenset({"tasks_read", "examples", "prediction_survival"})


def _natural_order(path: Path) -> list[Any]:
    """``2`` before ``10``: the digits of a name compare as numbers."""
    return [int(part) if index % 2 else part for index, part in enumerate(re.split(r"(\d+)", path.as_posix()))]


def _spooled(open_pipe: Callable[[], ContextManager[BinaryIO]], shown: str, spool: Callable[[], Path]) -> Source:
    """A source of what a pipe holds, read as it comes (the progress bar moves at once, counting bytes: its
    size is known only at its end), each chunk copied into ``spool``: reading it again reads the copy. A
    gzip (``curl ... | anota export -``) is decompressed as it comes, its copy kept compressed. A zip, whose
    directory is at its end, is copied whole first (to disk, a chunk at a time) and read as a zip file is.
    Which it is comes from its first bytes; the source's description says so once they are read."""

    def tasks(on_bytes: Callable[[int], None]) -> Iterator[RawTask]:
        copy = spool() / "input.json"
        if not copy.exists():  # else read again, to word an error: the copy holds all that was read
            with open_pipe() as pipe, copy.open("wb", buffering=0) as written:
                head = pipe.read(len(ZIP_MAGICS[0]))  # what it is: waits for these bytes (or the end), not for all
                saved(written, head, what := f"a copy of {shown}")
                copied = _Copied(pipe, written, head, what)
                if head.startswith(GZIP_MAGIC):
                    gzipped = CompressedExport(copy, shown, None)
                    source.description = gzipped.description
                    with gzipped.open(on_bytes, raw=copied) as stream:  # type: ignore[arg-type]
                        yield from JsonTaskReader(copy, shown=gzipped.description, stream=stream,
                                                  opener=gzipped.open)
                    return
                if head not in ZIP_MAGICS:
                    yield from JsonTaskReader(copy, on_bytes, shown, stream=copied)
                    return
                while copied.read(JsonTaskReader.CHUNK):  # a zip: its directory is at its end
                    pass
        if (packed := compressed_export(copy, shown)) is None:  # plain, or an Office document (named as such)
            yield from JsonTaskReader(copy, on_bytes, shown)
            return
        source.description = packed.description
        with compressed_reader(packed, on_bytes) as reader:
            yield from reader

    source = Source(shown, tasks, streamed=True)
    return source


class _Copied:
    """A pipe whose every chunk read is written to ``copy`` at once (unbuffered:
    an error's wording reads the copy while the pipe is being read); ``head``,
    its first bytes, already read (and copied), is given first."""

    def __init__(self, pipe: BinaryIO, copy: BinaryIO, head: bytes, what: str) -> None:
        self.pipe, self.copy, self.head, self.what = pipe, copy, head, what

    def read(self, size: int) -> bytes:
        head = self.head[:size]
        self.head = self.head[len(head):]
        if len(head) == size:
            return head
        # A chunk: what the pipe holds now, not a wait for all of it; more (a long task): all of it.
        wanted = size - len(head)
        chunk = self.pipe.read1(wanted) if size <= JsonTaskReader.CHUNK else self.pipe.read(wanted)
        saved(self.copy, chunk, self.what)
        return head + chunk


def saved(file: BinaryIO, data: bytes, what: str) -> None:
    """Write ``data`` to ``file``, a scratch copy in a scratch folder of
    TMPDIR (a pipe's, Label Studio's download): a full disk there is said as
    such, naming TMPDIR's folder (the scratch folder is gone as the error is
    shown), not as a fault of the input, of Label Studio, or of Anota."""
    try:
        file.write(data)
    except OSError as exc:
        raise ExportError(f"cannot save {what} in {Path(file.name).parent.parent} (TMPDIR): "
                          f"{exc.strerror or exc}; nothing was written") from None


def shown_path(path: Path) -> str:
    """``path`` as text that UTF-8 can hold (report.json, the dataset card): a
    byte of its name that is no UTF-8 is shown as ``\\xff`` (Python holds it
    as a lone surrogate, which stopped the export at report.json)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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
        why = "a folder, not a database file" if Path(parsed.database or "").is_dir() else "no such file"
        raise ExportError(f"Anota database {shown}: {why} (is ANOTA_DATABASE_URL the one `anota serve` "
                          "stores /webhook annotations in?)")
    return database


def database_source(database: Any, project: int | None, with_config: bool = True) -> Source:
    """Tasks rebuilt from the annotations Anota stored from ``/webhook``, with
    their project's labeling config when ``with_config`` (none was given) and
    one is stored."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from server.db import StoredAnnotation

    shown = make_url(database.url).render_as_string(hide_password=True)
    live = (StoredAnnotation.deleted.is_(False), StoredAnnotation.task_id.is_not(None))
    projects = _stored_projects(database, live, shown)
    notes = _projects_note(projects, project, shown)
    label_config = None
    if with_config:
        label_config, config_notes = _stored_config(database, projects if project is None else [project], shown)
        notes += config_notes

    def tasks(_on_bytes: Callable[[int], None]) -> Iterator[RawTask]:
        try:
            with database.session() as session:
                query = _stored_rows(session).where(*live)
                if project is not None:
                    query = query.where(StoredAnnotation.project_id == project)
                query = query.order_by(StoredAnnotation.task_id, StoredAnnotation.id)
                rows = session.execute(query.execution_options(yield_per=1000))
                for task_id, group in itertools.groupby(rows, key=lambda row: row[0].task_id):
                    task = _task_from_rows(task_id, list(group))
                    # A webhook's JSON may spell a lone surrogate (``"\\ud83d"``); no UTF-8 output holds one.
                    if problem := lone_surrogate(task):
                        raise ExportError(f"Anota database: task {task_id}: {problem}; nothing was written")
                    yield f"database task {task_id}", task
        except SQLAlchemyError as exc:  # no such table, not a database, a refused connection
            raise _unreadable(exc, shown) from None

    where = f", project {project}" if project is not None else ""
    # A config Label Studio would not have sent (a broken one, from another sender) stops the export: named.
    stored_for = ", ".join(str(p) for p in ([project] if project is not None else projects))
    return Source(f"Anota database {shown}{where}", tasks, label_config=label_config, notes=notes,
                  label_config_from=f"the labeling config stored for project {stored_for} (the latest a webhook "
                                    "event or /setup sent; --label-config FILE overrides it)")


def _stored_config(database: Any, projects: list[int | None], shown: str) -> tuple[str | None, list[str]]:
    """The labeling config the exported ``projects`` share, as Label Studio
    last sent it (with a webhook event or to /setup), and a note when there
    is none to use: some project has none stored (annotations received before
    Anota kept configs, or sent without a project), or their configs differ;
    and a note for each project whose latest config /webhook refused."""
    from sqlalchemy import inspect, select
    from sqlalchemy.exc import SQLAlchemyError

    from server.db import RefusedConfig, StoredProject

    known_projects = [p for p in projects if p is not None]
    try:
        with database.session() as session:
            # A database made before Anota kept configs (or refusals) lacks the table until `anota serve` runs again.
            tables = inspect(session.connection())
            stored = dict(session.execute(select(StoredProject.id, StoredProject.label_config).where(
                StoredProject.id.in_(known_projects))).all()) if tables.has_table(StoredProject.__tablename__) else {}
            refused = dict(session.execute(select(RefusedConfig.id, RefusedConfig.reason).where(
                RefusedConfig.id.in_(known_projects))).all()) if tables.has_table(RefusedConfig.__tablename__) else {}
    except SQLAlchemyError as exc:
        raise _unreadable(exc, shown) from None
    configs = set(stored.values())
    used = configs.pop() if len(configs) == 1 and len(stored) == len(projects) else None
    notes = [_refusal_note(project, reason, project in stored, used is not None)
             for project, reason in sorted(refused.items())]
    if used is not None:
        return used, notes
    fix = "--label-config FILE gives it"
    if len(configs) > 1:
        return None, [f"projects with different labeling configs in one dataset: none used; --project N exports one "
                      f"by its own, {fix}", *notes]
    if missing := ", ".join("none" if p is None else str(p) for p in projects if p not in stored and p not in refused):
        notes.append(f"no labeling config stored for project {missing} (annotations received before Anota kept "
                     f"the config each webhook event carries): controls and texts judged from the data; {fix}")
    return None, notes


def _refusal_note(project: int, reason: str, earlier: bool, used: bool) -> str:
    """What an export says of a project whose latest config /webhook did not store."""
    refused = f"the latest labeling config /webhook received for project {project} was not stored ({reason})"
    if not earlier:
        return (f"{refused}: no config stored for it, controls and texts judged from the data; --label-config "
                "FILE gives one")
    if used:
        return f"{refused}: exported with the config stored before it; --label-config FILE gives another"
    return f"{refused}: the config stored before it stands for it"


def _unreadable(exc: Exception, shown: str) -> ExportError:
    return ExportError(f"Anota database {shown}: cannot read its annotations: {_database_problem(exc)}; "
                       "nothing was written")


def _stored_projects(database: Any, live: tuple[Any, ...], shown: str) -> list[int | None]:
    """The projects whose annotations the database holds (None: sent without one)."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from server.db import StoredAnnotation

    try:
        with database.session() as session:
            return list(session.scalars(select(StoredAnnotation.project_id).where(*live).distinct()))
    except SQLAlchemyError as exc:
        raise _unreadable(exc, shown) from None


def _projects_note(projects: list[int | None], project: int | None, shown: str) -> list[str]:
    """What the export says of the projects stored: an error when it would
    write an empty dataset (nothing stored, or nothing of ``project``), a note
    when it puts several projects' annotations (their labeling configs may
    differ) into one dataset."""
    named = ", ".join("none" if p is None else str(p) for p in sorted(projects, key=lambda p: (p is None, p or 0)))
    if not projects:
        raise ExportError(f"Anota database {shown} holds no annotation: none was received by /webhook (is Label "
                          "Studio's webhook sent to Anota's /webhook, and ANOTA_DATABASE_URL the database `anota "
                          "serve` uses?); nothing was written")
    if project is not None and project not in projects:
        raise ExportError(f"Anota database {shown}: no annotation of project {project} was stored; it holds "
                          f"project{'s' if len(projects) > 1 else ''} {named}; nothing was written")
    if project is None and len(projects) > 1:
        return [f"annotations of {len(projects)} projects ({named}) in one dataset; --project N exports one"]
    return []


def _database_problem(exc: Exception) -> str:
    """The driver's own first line (SQLAlchemy's adds the SQL and a link)."""
    from server.db import StoredAnnotation

    problem = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if StoredAnnotation.__tablename__ not in problem:
        return problem
    # SQLite: "no such column: annotations.x"; PostgreSQL: "column annotations.x does not exist".
    if "no such column" in problem or problem.startswith("column "):
        return problem + (" (an annotations table, but not the one Anota stores /webhook annotations in: another "
                          "app's, or an older Anota's; is ANOTA_DATABASE_URL the one `anota serve` uses?)")
    if "no such table" in problem or "does not exist" in problem:
        problem += " (no annotation was ever stored there: is ANOTA_DATABASE_URL the one `anota serve` uses?)"
    return problem


def _stored_rows(session: Any) -> Any:
    """A query of the stored annotations, each with the names of the flags
    its webhook event sent as null (None when none was): a database made
    before Anota kept them has no such table until `anota serve` runs again,
    and none of its annotations came with one."""
    from sqlalchemy import inspect, null, select

    from server.db import NullAnnotationFlags, StoredAnnotation

    if not inspect(session.connection()).has_table(NullAnnotationFlags.__tablename__):
        return select(StoredAnnotation, null())
    return select(StoredAnnotation, NullAnnotationFlags.flags).outerjoin(
        NullAnnotationFlags, NullAnnotationFlags.annotation_id == StoredAnnotation.id)


def _task_from_rows(task_id: int, rows: list[Any]) -> dict[str, Any]:
    """The task of ``(annotation, null flags)`` rows, as a JSON export holds
    it: a flag sent as null is null again, for the export to report."""
    latest = rows[-1][0]
    return {
        "id": task_id,
        "data": latest.task_data,
        "meta": latest.task_meta,
        "annotations": [
            {
                "id": row.id, "result": row.result, "completed_by": row.completed_by,
                "created_at": row.created_at, "updated_at": row.updated_at, "prediction": row.prediction,
                "was_cancelled": None if "was_cancelled" in (nulls or ()) else row.was_cancelled,
                "ground_truth": None if "ground_truth" in (nulls or ()) else row.ground_truth,
            }
            for row, nulls in rows
        ],
    }


# Paths of Label Studio's own pages and API: an address ending in one is a page's
# (the project's, which `anota push` prints), not the address the SDK adds /api/... to.
_LABEL_STUDIO_PAGE = re.compile(r"/(?:projects|api|user|data|organization)(?:/|$)")


def label_studio_address_problem(url: str) -> str | None:
    """What is wrong with ``url`` as Label Studio's address, before it is
    asked anything, or None: without http:// the SDK's error was "the connection
    broke ... (Request URL is missing an 'http://' or 'https://' protocol.)",
    and a project's page (``.../projects/1``) an HTML page's 404."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "give the address with http:// or https://, e.g. http://127.0.0.1:8080"
    if page := _LABEL_STUDIO_PAGE.search(parts.path):
        root = urlunsplit((parts.scheme, parts.netloc, parts.path[:page.start()], "", ""))
        return f"give Label Studio's address, not one of its pages: {root}"
    return None


def _validation_errors(errors: dict[str, Any]) -> str:
    """Label Studio's ``validation_errors`` (field -> messages) on one line, after a ``: ``."""
    said = [f"{'' if field == 'non_field_errors' else f'{field}: '}{message}" for field, messages in errors.items()
            for message in (messages if isinstance(messages, list) else [messages])]
    # Its messages are written for its web page: "<a href="https://labelstud.io/guide/ml.html">Learn more</a>".
    plain = _LINK.sub(r"\2 (\1)", "; ".join(map(str, said)))
    return f": {' '.join(plain.split())[:400]}" if said else ""


_LINK = re.compile(r"""<a\s[^>]*?href=["']([^"']*)["'][^>]*>(.*?)</a\s*>""", re.IGNORECASE | re.DOTALL)


def answer_shown(status: int, body: Any) -> str:
    """An HTTP error answer in one line: ``HTTP 502 Bad Gateway``, then Label
    Studio's ``detail``, or, for an HTML page (a proxy's error page, a login
    page), its title, else the start of the body. The body as it is would
    print its ``\\r\\n`` line ends: a terminal showed ``<html>\\r``."""
    from http import HTTPStatus

    try:
        head = f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:  # a code HTTP does not name
        head = f"HTTP {status}"
    if isinstance(body, dict) and isinstance(body.get("detail"), str):
        # Label Studio's "Validation error" says what failed in validation_errors only (an ML backend it
        # could not connect: "... Reason: 401 Client Error: UNAUTHORIZED for url: .../setup").
        errors = body.get("validation_errors")
        why = _validation_errors(errors) if isinstance(errors, dict) else ""
        return f"{head}: {' '.join(body['detail'].split())[:200]}{why}"
    text = body if isinstance(body, str) else "" if body is None else repr(body)
    if _HTML_PAGE.match(text):
        title = _HTML_TITLE.search(text)
        named = f" titled {' '.join(title.group(1).split())[:100]!r}" if title and title.group(1).strip() else ""
        return f"{head}: the server answered with an HTML page{named}, not Label Studio's API"
    shown = " ".join(text.split())
    return f"{head}: {shown[:200]}{'...' if len(shown) > 200 else ''}" if shown else head


_HTML_PAGE = re.compile(r"\s*<(!doctype\s+html|html|head|body|title)\b", re.IGNORECASE)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


# Seconds to wait for each answer of Label Studio's API: label-studio-sdk's own default.
LABEL_STUDIO_TIMEOUT = 60.0
TIMEOUT_OPTION = "--label-studio-timeout"
# Seconds to wait for the export to be built, which takes as long as the project is large.
BUILD_DEADLINE = 600.0
# A wait is reported on stderr after PROGRESS_FIRST seconds, then every PROGRESS_EVERY: a
# Label Studio that answers at once prints nothing.
PROGRESS_FIRST = 1.0
PROGRESS_EVERY = 5.0


class _Waits:
    """What an export from Label Studio waits for, said (through ``say``, on
    stderr) while it lasts: the URL, what was asked, the time waited so far.
    What it waited for last also words the error of a timeout or a refused
    connection."""

    def __init__(self, url: str, say: Callable[[str], None] | None) -> None:
        self.url = url
        self.say = say
        self.what = ""

    @contextmanager
    def waiting(self, what: str) -> Iterator[None]:
        self.what = what
        if self.say is None:
            yield
            return
        started, answered = time.monotonic(), threading.Event()
        thread = threading.Thread(target=self._report, args=(started, answered), daemon=True)
        thread.start()
        try:
            yield
        finally:
            answered.set()
            thread.join()

    def _report(self, started: float, answered: threading.Event) -> None:
        delay = PROGRESS_FIRST
        while not answered.wait(delay):
            waited = time.monotonic() - started
            self.say(f"waiting for Label Studio at {self.url}: {self.what} ({waited:.0f} s so far)")
            delay = PROGRESS_EVERY


def label_studio_source(url: str, project: int, api_key: str, folder: Path, timeout: float = LABEL_STUDIO_TIMEOUT,
                        say: Callable[[str], None] | None = None, patience: Patience | None = None) -> Source:
    """Ask Label Studio for a snapshot with full predictions, save it into
    ``folder`` and read it like a file. Each answer is waited for ``timeout``
    seconds; a longer wait is said through ``say``. A busy Label Studio (429, or a
    gateway's 502, 503, 504) is asked again as ``patience`` allows."""
    from label_studio_sdk.client import LabelStudio

    from server.exporting.throttled import Patience, PatientClient

    with PatientClient(say, patience or Patience(), timeout) as http:
        # No retries of the SDK's own: they were silent, and would multiply the client's.
        client = LabelStudio(base_url=url, api_key=api_key, timeout=timeout, max_retries=0, httpx_client=http)
        label_config, path = _downloaded(client, url, project, folder, _Waits(url, say), timeout, http)
    source = file_source(path, shown=f"the export of project {project} downloaded from {url}")
    source.description = f"Label Studio {url}, project {project}"
    source.label_config = label_config
    return source


def _downloaded(client: Any, url: str, project: int, folder: Path, waits: _Waits, timeout: float,
                http: PatientClient) -> tuple[str, Path]:
    """Project ``project``'s labeling config, and the path in ``folder`` of its new export's file."""
    try:
        with waits.waiting(f"project {project}'s labeling config"):
            label_config = _project_config(client, url, project)
        with waits.waiting(f"a new export of project {project}"):
            export = client.projects.exports.create(
                # Predictions for the survival report; drafts whole, so that those holding labels are reported
                # as a file's are (by default the export lists their ids only, and they went unsaid); annotators
                # as users (id and email), so that the dataset and the report name them as people, not ids.
                id=project, title="anota export",
                serialization_options={"predictions": {"only_id": False}, "drafts": {"only_id": False},
                                       "annotations__completed_by": {"only_id": False}},
            )
        with waits.waiting(f"the export of project {project} to be built"):
            deadline = time.monotonic() + BUILD_DEADLINE
            while (status := client.projects.exports.get(id=project, export_pk=export.id).status) != "completed":
                if status == "failed" or time.monotonic() > deadline:
                    why = "failed" if status == "failed" else f"not done in {BUILD_DEADLINE:.0f} s, {status}"
                    raise ExportError(f"Label Studio at {url} could not build the export of project {project} "
                                      f"({why})")
                time.sleep(0.5)
        path = folder / "label-studio-export.json"
        with waits.waiting("the export's file"), path.open("wb") as out:
            for chunk in client.projects.exports.download(id=project, export_pk=export.id, export_type="JSON"):
                saved(out, chunk, f"the export of project {project}")
    except ExportError:
        raise
    except Exception as exc:  # the SDK raises many types (HTTP, network, auth)
        raise ExportError(f"cannot export project {project} from {url}: {_failure(exc, waits.what, timeout)}"
                          f"{http.exhausted()}") from exc
    return label_config, path


def _project_config(client: Any, url: str, project: int) -> str:
    """Project ``project``'s labeling config. A project the key cannot see is
    said with the projects it can: Label Studio's answer alone, "No Project
    matches the given query.", left the user to find the id in its pages."""
    try:
        return client.projects.get(id=project).label_config
    except Exception as exc:
        # A server whose projects cannot be listed either (not Label Studio's API) keeps the usual message.
        if getattr(exc, "status_code", None) != 404 or (seen := _projects_seen(client)) is None:
            raise
        raise ExportError(f"Label Studio at {url} has no project {project} that this key can see "
                          f"({answer_shown(404, getattr(exc, 'body', None))}); {seen}") from exc


PROJECTS_SHOWN = 20  # the projects named when the one asked for is not there


def _projects_seen(client: Any) -> str | None:
    """The projects the key can see, by id and title (``projects it can see:
    1 'Anota', 4 'Reviews'``), or None when they cannot be listed."""
    try:
        pager = client.projects.list(page=1, page_size=PROJECTS_SHOWN, ordering="id")
        projects = list(pager.items or [])
    except Exception:  # the list only helps the message: the 404 is said as it came
        return None
    if not projects:
        return "it sees no project (create one, or give the key of a member of the project's organization)"
    count = getattr(pager.response, "count", None)
    more = f" and {count - len(projects)} more" if isinstance(count, int) and count > len(projects) else ""
    named = ", ".join(f"{project.id} {' '.join(str(project.title or '').split())[:60]!r}" for project in projects)
    return f"projects it can see: {named}{more}; give one of those ids to --project"


def _failure(exc: Exception, what: str, timeout: float) -> str:
    """Why asking Label Studio failed, in one line."""
    import httpx

    if isinstance(status := getattr(exc, "status_code", None), int):
        # An HTTP error (the SDK's ApiError) is its answer; its text would hold every header and the whole body.
        body = exc.body  # type: ignore[attr-defined]
        if 200 <= status < 300 and isinstance(body, str) and not _HTML_PAGE.match(body):
            # A success whose body the SDK could not read as JSON: cut short (a proxy's limit), or no API's.
            return f"the answer to the request for {what} is not JSON (cut short?): {answer_shown(status, body)}"
        return answer_shown(status, body)
    if isinstance(exc, httpx.TimeoutException):
        return (f"no answer in {timeout:g} s while waiting for {what} (is Label Studio overloaded? "
                f"{TIMEOUT_OPTION} SECONDS waits longer)")
    if isinstance(exc, httpx.ConnectError):
        reason = re.sub(r"^\[Errno -?\d+\] ", "", str(exc)) or type(exc).__name__
        return (f"no connection ({reason}) while waiting for {what}: is Label Studio running there, and is the URL "
                "its address?")
    if isinstance(exc, httpx.TooManyRedirects):  # the SDK follows redirects: a loop, or a login page's chain
        return (f"redirected again and again while waiting for {what}, last to {exc.request.url}: is the URL Label "
                "Studio's address, not a login page or a proxy's?")
    if isinstance(exc, httpx.TransportError):  # cut short, reset: the answer broke off
        return f"the connection broke while waiting for {what} ({exc})"
    if isinstance(exc, (TypeError, ValueError)):  # the SDK reading an answer of another shape (pydantic, json)
        return (f"the answer to the request for {what} is not what Label Studio's API answers (the SDK could not "
                f"read it: {type(exc).__name__}): is the URL Label Studio's address?")
    return f"{type(exc).__name__} while waiting for {what}: {exc}"
