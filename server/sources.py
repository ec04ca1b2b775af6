"""What a source loader is, and how source paths become documents.

Loaders are plugins: a plugin registers :class:`Loader` instances through the
``register_loaders`` hook; the preloader picks one by file suffix. A loader turns
one file into documents, each a text and the name of where it came from; task
offsets are offsets into that text.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, BinaryIO

# Files in a source folder that describe the folder rather than belong to it.
FOLDER_DOCUMENTATION = ("readme", "license", "licence", "changelog")


class LoaderError(Exception):
    """A file that cannot be loaded; the message says why."""


@dataclass(frozen=True)
class LeftOutPart:
    """A part of a document's text that its loader left out of the content (a web page's menu, footer or share bar),
    and why: ``text[start:end]``, a line after the content (see Document.with_left_out); ``at`` is where it stood in the
    source, as an offset into the content (0: above it), which is where it is listed."""

    start: int
    end: int
    at: int
    reason: str


# What parts a document's content from the parts its loader left out, in its text.
LEFT_OUT_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Document:
    """One text to segment. ``source`` names it (a path, ``path#record`` for a
    record of a file of many); ``data`` holds extra task fields it brought
    (e.g. from a Label Studio task list), copied into every task made from it.
    ``left_out``: the parts of ``text`` after its content that the loader left
    out, never tasks unless brought back (``--include-excluded``), in their order.
    ``unit``: the task unit its text is cut into (one of server.config.UNITS), when its loader
    chooses one for it; None: the loader's ``unit``, else the setting (ANOTA_TASK_UNIT)."""

    source: str
    text: str
    data: dict[str, Any] = field(default_factory=dict)
    left_out: tuple[LeftOutPart, ...] = ()
    unit: str | None = None

    @classmethod
    def with_left_out(cls, source: str, content: str, left_out: Sequence[tuple[str, int, str]], *,
                      unit: str | None = None) -> Document:
        """A document of ``content`` and, after it (LEFT_OUT_SEPARATOR, then one a line), the ``left_out`` parts,
        each ``(text, at, reason)`` (one line of text): every task's and every part's text is a slice of the text.
        ``unit``: the document's own task unit, as ``Document(..., unit=...)`` takes it."""
        if not left_out:
            return cls(source, content, unit=unit)
        parts, offset = [], len(content) + len(LEFT_OUT_SEPARATOR)
        for text, at, reason in left_out:
            parts.append(LeftOutPart(offset, offset + len(text), at, reason))
            offset += len(text) + 1
        text = content + LEFT_OUT_SEPARATOR + "\n".join(text for text, _at, _reason in left_out)
        return cls(source, text, {}, tuple(parts), unit)

    @property
    def content(self) -> str:
        """The text but the parts left out: what is cleaned into tasks."""
        return content_of(self.text, self.left_out)


def content_of(text: str, left_out: Sequence[LeftOutPart]) -> str:
    """A document's ``text`` before the parts its loader ``left_out`` (Document.with_left_out)."""
    return text[:left_out[0].start - len(LEFT_OUT_SEPARATOR)] if left_out else text


@dataclass(frozen=True)
class LeftOut:
    """A record of a file that a loader could not turn into a document (a
    JSON record without text, an empty CSV row): yielded among the documents,
    so the rest of the file still loads and the record is reported, not lost."""

    record: str
    reason: str


# How the preload names a record that a loader left out of a file (``reviews.jsonl#3``), unlike a file.
_RECORD_OF_A_FILE = re.compile(r"#\d+$")


def is_left_out_record(path: str) -> bool:
    """Whether a load error's ``path`` names one record a loader left out (the rest of its file loaded)."""
    return bool(_RECORD_OF_A_FILE.search(path))


def load_problem(error: dict[str, str]) -> str:
    """A load error as stderr and the log say it: one record left out is not a file that failed (``cannot load
    reviews.jsonl#4: ...`` read as if the whole file were lost, though its other records were tasks)."""
    if is_left_out_record(error["path"]):
        return f"left out record {error['path']} (the rest of the file loaded): {error['reason']}"
    return f"cannot load {error['path']}: {error['reason']}"


class Loader:
    """Base class of source loaders.

    Subclasses set ``name`` and ``suffixes`` (lower case, with the dot) and
    implement :meth:`load`, raising :class:`LoaderError` for a file they cannot
    read and yielding a :class:`LeftOut` for a record of it they cannot use. ``version`` goes into the preload fingerprint: a new version reloads.
    ``unit`` (one of server.config.UNITS) is the task unit of the documents it yields that choose none
    (``Document.unit``): a format whose record is one task (a subtitle cue, a chat message) says so here, since
    ANOTA_TASK_UNIT, the default for loaders that choose nothing, is every loader's at once.
    """

    name: str = ""
    version: str = "1"
    suffixes: tuple[str, ...] = ()
    unit: str | None = None

    def load(self, path: Path, source: str) -> Iterator[Document | LeftOut]:
        """Documents of the file at ``path``, named after ``source``, and the records left out."""
        raise NotImplementedError


# Why a configured source is skipped when it is not there: a mistake in the
# settings (logged as a warning), unlike the files a folder holds that no loader reads.
MISSING_SOURCE = "does not exist"
# Why a FIFO, socket or device is skipped: reading one waits for a writer, or never ends.
NOT_A_FILE = "not a regular file (a FIFO, socket or device)"
# What file_kind says of bytes with NULs that read as no text, of a zip that is an
# Office document (unzipped, it gives the document's XML), of an SQLite file and of a PDF.
BINARY_DATA = "binary data, not text"
OFFICE_DOCUMENT = "an Office document (an Excel workbook?)"
SQLITE_DATABASE = "an SQLite database"
PDF_DOCUMENT = "a PDF document"
ZLIB_DATA = "zlib-compressed data, as a spaCy DocBin (.spacy) is"
UNMARKED_WIDE_TEXT = "UTF-16 or UTF-32 text without a byte-order mark: save it as UTF-8"


# Text that opens with a byte-order mark, which says its encoding: what Windows
# tools write as "Unicode" text (Notepad, Excel's "Unicode Text"). UTF-32's marks
# first: FF FE 00 00 also starts UTF-16 LE text (then a NUL, which no text opens with).
_BYTE_ORDER_MARKS = ((b"\xff\xfe\x00\x00", "utf-32", "UTF-32 text (byte-order mark FF FE 00 00)"),
                     (b"\x00\x00\xfe\xff", "utf-32", "UTF-32 text (byte-order mark 00 00 FE FF)"),
                     (b"\xff\xfe", "utf-16", "UTF-16 text (byte-order mark FF FE)"),
                     (b"\xfe\xff", "utf-16", "UTF-16 text (byte-order mark FE FF)"))


# Images by their signatures, as `file` knows them: a picture saved or renamed as
# .txt was "undecodable byte 0x89 at offset 0", which sent a user looking for an encoding.
_IMAGE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"),
                     (b"GIF89a", "GIF"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))


def image_kind(head: bytes) -> str | None:
    """Which image ``head`` (a file's first bytes) opens, when its signature says one ("a PNG image")."""
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    for signature, name in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return f"a {name} image"
    return None


def file_kind(head: bytes) -> str | None:
    """What a file that is not UTF-8 is, from its first 512 bytes, when they say it."""
    if image := image_kind(head):
        return image
    if head[257:262] == b"ustar":
        return "a tar archive: extract it first"
    if head.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in head:
        return OFFICE_DOCUMENT
    for magic, what in ((b"\x1f\x8b", "a gzip file: decompress it first"),
                        (b"PK\x03\x04", "a zip file: unzip it first"),
                        (b"BZh", "a bzip2 file: decompress it first"),
                        (b"\xfd7zXZ", "an xz file: decompress it first"),
                        (b"\x28\xb5\x2f\xfd", "a zstd file: decompress it first"),
                        (b"7z\xbc\xaf\x27\x1c", "a 7z archive: extract it first"),
                        (b"Rar!\x1a\x07", "a rar archive: extract it first"),
                        (b"\x04\x22\x4d\x18", "an lz4 file: decompress it first"),
                        (b"SQLite format 3\x00", SQLITE_DATABASE),
                        (b"%PDF-", PDF_DOCUMENT),
                        # zlib's header at its default and best levels (spaCy's DocBin writes the first):
                        (b"\x78\x9c", ZLIB_DATA), (b"\x78\xda", ZLIB_DATA),
                        *((mark, f"{name}: save it as UTF-8") for mark, _, name in _BYTE_ORDER_MARKS)):
        if head.startswith(magic):
            return what
    if b"\x00" in head[:4]:
        if _wide_text(head[:64]):
            return UNMARKED_WIDE_TEXT
        return BINARY_DATA
    return None


def wide_text(head: bytes) -> bool:
    """Whether a file's first bytes are UTF-16 or UTF-32 text, by its byte-order mark or its NULs' columns."""
    return any(head.startswith(mark) for mark, _, _ in _BYTE_ORDER_MARKS) or (
        b"\x00" in head[:4] and _wide_text(head[:64]))


def _wide_text(head: bytes) -> bool:
    """Whether bytes holding NULs read as UTF-16 or UTF-32 text of mostly Latin
    letters: each character's zero bytes fall in the same columns (one of two, or
    three of four), and the letters' column holds none."""
    for width in (2, 4):
        columns = [head[column:len(head) - len(head) % width:width] for column in range(width)]
        zeros = [column.count(0) for column in columns]
        letters = [column for column, count in zip(columns, zeros) if count == 0]
        if len(letters) == 1 and all(count == len(columns[0]) for count in zeros if count):
            return True
    return False


def _marked_wide_text(raw: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 bytes that open with their byte-order mark
    (dropped), else None; raises :class:`LoaderError` when they do not decode."""
    for mark, encoding, name in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding)  # the codec reads the mark's byte order and drops it
            except UnicodeDecodeError as exc:
                raise LoaderError(f"{name} that does not decode: {exc.reason} at byte {exc.start}") from None
    return None


# Corpora are often shipped compressed one file at a time (``news.jsonl.gz``):
# such a file is read as the file inside it, whose suffix picks the loader.
COMPRESSED_SUFFIX = ".gz"


def source_suffix(path: PurePath) -> str:
    """The suffix that says what a source file holds, in lower case: its own,
    or for a gzip-compressed file the one before ``.gz`` (``.jsonl``)."""
    # On the name's string: a restart lists every file of the corpus (see _walk).
    name = path.name.lower()
    if name.endswith(COMPRESSED_SUFFIX):
        name = name[:-len(COMPRESSED_SUFFIX)]
    return os.path.splitext(name)[1]


# Archives Anota reads member by member (server.archives), by their names' endings in lower case.
ARCHIVE_ENDINGS = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# Suffixes of other archives and compressed files: no loader reads one, and the user is told what to do.
_OTHER_ARCHIVE_SUFFIXES = (".7z", ".rar", ".bz2", ".xz", ".zst")


def is_archive(path: Path | str) -> bool:
    """Whether the file's name says it is an archive Anota reads member by member."""
    return str(path).lower().endswith(ARCHIVE_ENDINGS)


NO_LOADER = "no loader for "


def no_loader_reason(path: PurePath) -> str:
    """Why no loader reads ``path``: its suffix, and for an archive what to do."""
    suffix = source_suffix(path) or path.suffix.lower()
    reason = f"{NO_LOADER}{suffix or 'files without a suffix'}"
    if suffix in _OTHER_ARCHIVE_SUFFIXES:
        reason += " (an archive: extract its files first)"
    return reason


# The most a source file may hold, or a ``.gz`` one decompress to: a corpus file is a few hundred MB at most, and
# the loaders read a file whole. Decompressed bytes are counted as they come (a gzip bomb of 500 KB holds 512 MB of
# zeros, and a ``.gz`` inside an archive is only unpacked to its compressed size there).
SOURCE_FILE_BYTES = 512 * 1024 * 1024
_DECOMPRESS_BLOCK = 1 << 20


def read_source_bytes(path: Path) -> bytes:
    """The bytes of a source file, decompressed when it is ``.gz``; raises
    :class:`LoaderError` when it is unreadable, not the gzip data it says, or
    decompresses to more than SOURCE_FILE_BYTES."""
    import gzip  # here: most runs read no compressed file
    import zlib

    try:
        if path.suffix.lower() != COMPRESSED_SUFFIX:
            return path.read_bytes()
        with gzip.open(path, "rb") as stream:
            return _decompressed(stream)
    except OSError as exc:  # gzip.BadGzipFile among them: not gzip, or a wrong checksum
        raise LoaderError(f"unreadable: {exc.strerror or exc}") from exc
    except EOFError:
        raise LoaderError("unreadable: the gzip data ends before its end marker (a truncated download?)") from None
    except zlib.error as exc:
        raise LoaderError(f"unreadable: damaged gzip data ({exc})") from None


def _decompressed(stream: BinaryIO) -> bytes:
    """All of ``stream``, read in blocks (one read of it all took 2.4 times as long), counted as they come."""
    data = io.BytesIO()
    while block := stream.read(_DECOMPRESS_BLOCK):
        if data.tell() + len(block) > SOURCE_FILE_BYTES:
            raise LoaderError(f"decompresses to more than {SOURCE_FILE_BYTES >> 20} MB (a gzip bomb?): not read")
        data.write(block)
    return data.getvalue()


# Bytes of Latin-1 or windows-1252 letters (À to ÿ, × and ÷ among them): how text saved
# by older Windows tools and spreadsheets in Western locales fails to be UTF-8.
_LATIN_LETTERS = range(0xC0, 0x100)
# How a file refused for such a byte says so ("undecodable byte 0xE9 ('é' in Latin-1 or windows-1252) ...").
IN_LATIN_1 = "in Latin-1 or windows-1252"


def latin_1_hint(errors: Sequence[dict[str, str]]) -> str | None:
    """What to do with the files of a preload's ``errors`` refused as Latin-1 or windows-1252 text, said once under
    them (``anota tasks``' summary, the preload's log): each said which letter its first such byte is, among lines
    that a corpus's listing scrolls away (session 49's walk: five blog posts saved by an older Windows tool), and
    Anota guesses no encoding."""
    files = sum(IN_LATIN_1 in error["reason"] for error in errors)
    if not files:
        return None
    one = files == 1
    return (f"{files} file{'' if one else 's'} above {'is' if one else 'are'} Latin-1 or windows-1252 text, not UTF-8 "
            f"(Anota guesses no encoding): save {'it' if one else 'them'} as UTF-8, e.g. `iconv -f windows-1252 -t "
            "utf-8 old.txt > new.txt`, and preload again")


def _not_utf8_reason(raw: bytes, error: UnicodeDecodeError) -> str:
    """Why bytes are not UTF-8: what they are when their first bytes say so, else
    where the first bad byte is, and which letter it is when it reads as a Latin-1 one."""
    if kind := file_kind(raw[:512]):
        return kind
    byte = raw[error.start]
    letter = f" ({bytes([byte]).decode('cp1252')!r} {IN_LATIN_1})" if byte in _LATIN_LETTERS else ""
    line = raw.count(b"\n", 0, error.start) + 1
    return f"undecodable byte 0x{byte:02X}{letter} at offset {error.start} (line {line})"


def read_text(path: Path) -> str:
    """The file's text (decompressed when it is ``.gz``), UTF-8, or UTF-16/UTF-32
    opening with a byte-order mark (the mark is dropped); raises :class:`LoaderError`
    when it is unreadable, empty, in no such encoding or holds a NUL."""
    raw = read_source_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _marked_wide_text(raw)
        if text is None:
            if image := image_kind(raw):  # no encoding to look for
                raise LoaderError(f"not text: {image}") from exc
            raise LoaderError(f"not UTF-8: {_not_utf8_reason(raw, exc)}") from exc
    if not text.strip():
        raise LoaderError("empty")
    if "\x00" in text:  # UTF-16 or binary; PostgreSQL cannot store it as text
        wide = _wide_text(raw[:64]) and UNMARKED_WIDE_TEXT
        raise LoaderError(f"not text: {wide or f'NUL character at offset {text.index(chr(0))}'}")
    return text


@dataclass(frozen=True)
class SourceFile:
    """A file to preload: its path, the name tasks will cite, and its loader
    (None when no loader reads its suffix, and for an archive: its members
    have theirs). ``shown`` is where a report says it is when ``path`` is not
    (an archive's member: ``corpus.zip/docs/post.txt``, unpacked to a temporary file)."""

    path: Path
    name: str
    loader: Loader | None
    shown: str = ""

    @property
    def where(self) -> str:
        """The file's path as reports give it."""
        return self.shown or str(self.path)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def find_source_files(
    sources: Iterable[str], loaders: Sequence[Loader]
) -> tuple[list[SourceFile], list[Skipped]]:
    """Expand files and folders (recursively, in name order) into source files.

    A file is named by its path relative to the folder given, prefixed by the
    folder's own name (``seed/post.txt``), so names do not depend on where the
    project lives. Hidden files and folder documentation (README, LICENSE) are
    skipped, and so are folders' files no loader reads; each skip is reported.
    An archive (``is_archive``) is a source file without a loader: the preload
    reads its members (``server.archives``).
    """
    by_suffix = {suffix: loader for loader in loaders for suffix in loader.suffixes}
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    for source in sources:
        root = Path(source)
        if root.is_dir():
            prefix = _folder_prefix(root)
            for relative, problem in _walk(root):
                path = root / relative
                reason = problem or folder_skip_reason(Path(relative), by_suffix)
                if reason:
                    skipped.append(Skipped(str(path), reason))
                else:
                    files.append(SourceFile(path, prefix + relative, by_suffix.get(source_suffix(path))))
        elif problem := source_problem(root):
            skipped.append(Skipped(source, problem))
        else:
            files.append(SourceFile(root, root.name, by_suffix.get(source_suffix(root))))
    return files, skipped


def _folder_prefix(root: Path) -> str:
    """The folder's name and a slash, as its files' names begin (``seed/``).

    ``.`` and ``..`` have no name of their own (``Path('.').name`` is empty,
    which named the files ``/post.txt``; ``Path('..').name`` is ``..``): they
    are named by the folder they stand for; the file system's root, which has
    none, adds nothing."""
    name = root.resolve().name if root.name in ("", "..") else root.name
    return f"{name}/" if name else ""


def source_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a source (MISSING_SOURCE, NOT_A_FILE), or None
    for a file or folder."""
    if path.is_file() or path.is_dir():
        return None
    return NOT_A_FILE if path.exists() else MISSING_SOURCE


def _walk(root: Path) -> list[tuple[str, str | None]]:
    """Every name under ``root`` but folders', relative and in name order, and
    why it cannot be a source when it is no regular file (``source_problem``),
    or why a folder or link in it cannot be read. Folders are walked as
    ``os.walk`` walks them (links to folders are not followed)."""
    # os.scandir, not Path.rglob: a restart lists every file of the corpus, and
    # pathlib's per-path overhead made that the slowest part of it. An entry's
    # type comes with its name (no stat), but a link's.
    found: list[tuple[str, str | None]] = []
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            found.append((prefix or ".", f"folder cannot be read ({exc.strerror})"))
            continue
        for entry in entries:
            try:  # one entry's error (a link that loops) must not cost the folder's other files
                if entry.is_dir():
                    if not entry.is_symlink():
                        pending.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                problem = None if entry.is_file() else source_problem(Path(entry.path))
            except OSError as exc:
                problem = f"cannot be read ({exc.strerror})"
            found.append((prefix + entry.name, problem))
    return sorted(found)


def folder_skip_reason(relative: PurePath, by_suffix: dict[str, Loader]) -> str | None:
    """Why a folder's (or an archive's) file at ``relative`` is no source, or None."""
    if any(part.startswith(".") for part in relative.parts):
        return "hidden file"
    if relative.stem.lower() in FOLDER_DOCUMENTATION:
        return "folder documentation, not a source"
    if source_suffix(relative) not in by_suffix and not is_archive(relative):
        return no_loader_reason(relative)
    return None


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    import hashlib  # here: `anota export` imports this module (for Loader) and hashes no file

    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
