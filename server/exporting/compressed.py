"""Compressed exports: a gzip file (``project-1-at-...json.gz``) or a zip
download holding one JSON export, read as a stream, never unpacked whole.

Which it is comes from the file's first bytes, not its name (a ``.json`` that
is gzip, a ``.gz`` that is not). A zip is read through the one member that is
a JSON export (``.json`` or ``.jsonl``; folders and macOS's ``__MACOSX/`` and
``.DS_Store`` left aside): none or several stop the export, naming what the
archive holds. The reader reads the decompressed bytes chunk by chunk as it
reads a plain file, so memory does not grow with the export; an error is worded
by reading the input again, decompressed again from its start (on that error
only). A damaged or cut-short archive, an encrypted member, or one that
unpacks far beyond what exports compress to (a zip bomb) stops the export with
an error; the progress bar counts the compressed bytes read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, ContextManager

from server.exporting.examples import ExportError

if TYPE_CHECKING:  # for hints only: subscripting typing's generics at import costs every export
    import zipfile

    Opener = Callable[[], ContextManager[BinaryIO]]

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a member's header; an empty archive's directory end
# Decompressed bytes per compressed byte beyond which an input is taken for a bomb. Label Studio's
# exports compress 2-6x (its samples), the bench's 100,000-task export 21x, an export of one task
# repeated 20,000 times with only its id changing 146x; deflate's limit is 1032x (a run of one byte).
BOMB_RATIO = 250
# Below this many decompressed bytes no ratio is refused: a small file does no harm, and its header
# weighs on the ratio.
BOMB_FLOOR = 100 * 1024 * 1024
EXPORT_SUFFIXES = (".json", ".jsonl")
_LEFT_ASIDE = ("__MACOSX/",)  # what macOS's Finder adds to a zip it makes
_SHOWN_MEMBERS = 5
OFFICE_PART = "[Content_Types].xml"  # every Office Open XML document (.xlsx, .docx) holds it


class CompressedExport:
    """A compressed export file: ``member`` is the zip's JSON member (None for gzip)."""

    # A plain class: a dataclass is made by compiling its methods at import, 4M instructions of every export.
    def __init__(self, path: Path, shown: str, member: str | None) -> None:
        self.path, self.shown, self.member = path, shown, member

    @property
    def description(self) -> str:
        return f"{self.shown} (gzip)" if self.member is None else f"{self.shown} ({self.member} in the zip)"

    def open(self, on_bytes: Callable[[int], None] = lambda _n: None, raw: BinaryIO | None = None
             ) -> ContextManager[BinaryIO]:
        """The decompressed bytes, as a stream; ``on_bytes`` is told of each compressed chunk read. A gzip
        is read from ``raw`` when given (a pipe, as ``path`` is being copied from it)."""
        return _opened(self, on_bytes, raw)

    def damaged(self, exc: BaseException) -> ExportError:
        what = "gzip" if self.member is None else f"zip member {self.member}"
        why = "its data ends early (cut short? download it again)" if isinstance(exc, EOFError) else \
            f"damaged ({exc})"
        return ExportError(f"{self.shown}: the {what} cannot be read: {why}; nothing was written")


def compressed_export(path: Path, shown: str) -> CompressedExport | None:
    """``path`` as a compressed export, when its first bytes say gzip or zip;
    an :class:`ExportError` for a zip that holds no JSON export, or several,
    or one that is encrypted or would unpack to a bomb."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except OSError as exc:  # a file it may not read (in a folder: each is opened here, as it is listed)
        raise ExportError(f"{shown}: cannot read the file: {exc.strerror or exc}; nothing was written") from None
    if head.startswith(GZIP_MAGIC):
        return CompressedExport(path, shown, None)
    if head not in ZIP_MAGICS:
        return None
    import zipfile  # here: a plain export imports neither (1-2 ms)

    try:
        with zipfile.ZipFile(path) as archive:
            member = _export_member(archive.infolist(), shown)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ExportError(f"{shown}: a zip file whose directory cannot be read (cut short? download it again: "
                          f"{exc}); nothing was written") from None
    if member is None:  # an Office document: the reader names it as such, with what to export instead
        return None
    if member.flag_bits & 0x1:
        raise ExportError(f"{shown}: the zip's {member.filename} is encrypted: unzip it with its password and give "
                          "the JSON file; nothing was written")
    if member.file_size > BOMB_FLOOR and member.file_size > BOMB_RATIO * max(member.compress_size, 1):
        raise ExportError(f"{shown}: the zip's {member.filename} says it unpacks to {member.file_size:,} bytes from "
                          f"{member.compress_size:,}, beyond what an export compresses to (a zip bomb?); not read; "
                          "nothing was written")
    return CompressedExport(path, shown, member.filename)


def _export_member(members: list[zipfile.ZipInfo], shown: str) -> zipfile.ZipInfo | None:
    """The zip's one JSON export; None for an Office document (a zip of XML parts)."""
    if any(m.filename == OFFICE_PART for m in members):
        return None
    files = [m for m in members if not m.is_dir() and not m.filename.startswith(_LEFT_ASIDE)
             and PurePosixPath(m.filename).name != ".DS_Store"]
    exports = [m for m in files if m.filename.lower().endswith(EXPORT_SUFFIXES)]
    if len(exports) == 1:
        return exports[0]
    if exports:
        raise ExportError(f"{shown}: the zip holds {len(exports)} JSON files ({_listed(exports)}): give one export "
                          "(unzip it and give the file, or the folder for target-storage files); nothing was "
                          "written")
    holds = f"it holds {_listed(files)}" if files else "it is empty"
    packed = [m for m in files if m.filename.lower().endswith(tuple(f"{suffix}.gz" for suffix in EXPORT_SUFFIXES))]
    todo = (f"unzip it and give {PurePosixPath(packed[0].filename).name}, a gzip read as it is" if packed else
            "export the project from Label Studio as JSON")
    raise ZipWithoutExport(f"{shown}: the zip holds no JSON export ({holds}): {todo}; nothing was written", holds)


class ZipWithoutExport(ExportError):
    """A zip that holds no JSON export: ``holds`` says what it holds (a folder's
    zip of pictures is skipped, a zip given as the export stops with it)."""

    def __init__(self, message: str, holds: str) -> None:
        super().__init__(message)
        self.holds = holds


def _listed(members: list[zipfile.ZipInfo]) -> str:
    names = ", ".join(m.filename for m in members[:_SHOWN_MEMBERS])
    return names + (f" and {len(members) - _SHOWN_MEMBERS} more" if len(members) > _SHOWN_MEMBERS else "")


def _damaged_errors() -> tuple[type[BaseException], ...]:
    """What a damaged or cut-short gzip or zip raises as it is read (NotImplementedError: a method Python lacks)."""
    import zipfile
    import zlib

    return OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError


@contextlib.contextmanager
def _opened(export: CompressedExport, on_bytes: Callable[[int], None], given: BinaryIO | None
            ) -> Iterator[BinaryIO]:
    import zipfile

    with export.path.open("rb") if given is None else contextlib.nullcontext(given) as raw:
        counted = _Counted(raw)
        try:
            if export.member is None:
                import gzip  # here: most exports are no gzip

                inner: BinaryIO = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[assignment]
            else:
                inner = zipfile.ZipFile(counted).open(export.member)  # type: ignore[assignment]
        except _damaged_errors() as exc:
            raise export.damaged(exc) from None
        # Counted from here: a zip's directory, read first from the file's end, is not what the progress bar
        # counts through (it would pass the file's size), nor what the member unpacks from.
        counted.count, counted.on_bytes = 0, on_bytes
        with inner:
            yield _Guarded(inner, counted, export)  # type: ignore[misc]


class _Counted:
    """The compressed file, counting the bytes read from it (the progress bar's, and the bomb ratio's)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.count = raw, 0
        self.on_bytes: Callable[[int], None] = lambda _n: None

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.count += len(chunk)
        self.on_bytes(len(chunk))
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.raw.seek(offset, whence)

    def tell(self) -> int:
        return self.raw.tell()

    def seekable(self) -> bool:
        return True


class _Guarded:
    """The decompressed stream, whose damage becomes an :class:`ExportError` and
    which stops when it unpacks far beyond what exports compress to (a gzip
    says no trustworthy size, and a zip's may lie)."""

    def __init__(self, inner: BinaryIO, counted: _Counted, export: CompressedExport) -> None:
        self.inner, self.counted, self.export, self.unpacked = inner, counted, export, 0
        self.damaged = _damaged_errors()

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self.inner.read(size)
        except self.damaged as exc:
            raise self.export.damaged(exc) from None
        self.unpacked += len(chunk)
        if self.unpacked > BOMB_FLOOR and self.unpacked > BOMB_RATIO * self.counted.count:
            raise ExportError(f"{self.export.shown}: unpacks to over {BOMB_RATIO} times its compressed size "
                              f"({self.unpacked:,} bytes from {self.counted.count:,} read), beyond what an export "
                              "compresses to (a zip bomb?); stopped; nothing was written")
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        try:
            return self.inner.seek(offset, whence)
        except self.damaged as exc:
            raise self.export.damaged(exc) from None
