"""Archives of source files (``.zip``, ``.tar``, ``.tar.gz``), read member by member.

Each regular file an archive holds is loaded as a file of a folder would be,
by the loader of its suffix, and named ``corpus.zip/docs/post.txt``. A member
is written to a temporary file of its own (loaders read paths) and removed
once loaded, so an archive takes the disk and memory of its largest member,
never of all of them. Nothing is written where the archive's names point: a
name that climbs out (``../``) or is absolute is refused, and so are links,
devices and archives inside the archive. Sizes are capped: a member larger
than ``MEMBER_BYTES`` unpacked is refused, and the members after the first
``ARCHIVE_BYTES`` unpacked are not read (a zip bomb unpacks to terabytes);
bytes are counted as they come, not taken from the archive's word. A ``.gz``
member is decompressed by its loader, which refuses one that decompresses to
more than ``MEMBER_BYTES`` (``server.sources.read_source_bytes``).
"""

from __future__ import annotations

import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from server.sources import SOURCE_FILE_BYTES, Loader, SourceFile, folder_skip_reason, is_archive, source_suffix

# The most one member may unpack to (a ``.gz`` member then decompresses to at most as much: read_source_bytes).
MEMBER_BYTES = SOURCE_FILE_BYTES
# The most all of an archive's members may unpack to.
ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024
# The most members one archive may list: a zip's directory is read whole, and each member costs a file's work.
ARCHIVE_MEMBERS = 100_000
_COPY_BLOCK = 1 << 20
# What a zip's directory or a tar's headers raise when they are damaged or cut short.
_UNREADABLE = (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, zlib.error)
# What a member's bytes raise: damaged or cut short, or in a compression method Python lacks (NotImplementedError).
_DAMAGED = (*_UNREADABLE, NotImplementedError, RuntimeError)


@dataclass(frozen=True)
class ArchiveProblem:
    """A member of an archive that is not loaded, and why: ``skipped`` when it is
    not meant to be (a folder's README, a file no loader reads), else an error.
    An empty ``member`` is the archive itself."""

    member: str
    reason: str
    skipped: bool = False


@dataclass(frozen=True)
class _Member:
    name: str
    size: int  # as the archive states it
    problem: str | None  # why it cannot be a source whatever its name
    open: Callable[[], IO[bytes]]


class _TooLarge(Exception):
    pass


def archive_members(archive: SourceFile, by_suffix: dict[str, Loader]) -> Iterator[SourceFile | ArchiveProblem]:
    """The archive's members (a zip's in name order, a tar's in its own: a
    compressed tar reads once, from start to end), each regular file a loader
    reads as a :class:`SourceFile` (a temporary file, removed when the next
    member is asked for; named ``archive/member``, shown as the archive's path
    and the member), and each other one but folders as an :class:`ArchiveProblem`.
    An archive that cannot be read, or stops being readable, ends with a
    problem of the archive itself."""
    unpacked = 0
    with tempfile.TemporaryDirectory(prefix="anota-archive-") as folder:
        try:
            for index, member in enumerate(_members(archive.path)):
                if problem := _member_problem(member, by_suffix):
                    yield problem
                    continue
                if unpacked + member.size > ARCHIVE_BYTES:
                    yield _past_the_archives_cap(member)
                    return
                # Named as the member (its suffixes pick the loader, and say .gz), in a folder of its own.
                target = Path(folder) / str(index) / PurePosixPath(member.name).name
                target.parent.mkdir()
                archive_left = ARCHIVE_BYTES - unpacked
                try:
                    unpacked += _unpack(member, target, min(MEMBER_BYTES, archive_left))
                except _TooLarge:
                    if archive_left < MEMBER_BYTES:
                        yield _past_the_archives_cap(member)
                        return
                    yield ArchiveProblem(member.name, f"unpacks to more than {_size(MEMBER_BYTES)}")
                    continue
                except _DAMAGED as exc:  # a zip's other members are still read; a tar's next header tells
                    yield ArchiveProblem(member.name, f"cannot be unpacked: {exc}")
                    continue
                yield SourceFile(target, f"{archive.name}/{member.name}", by_suffix[source_suffix(target)],
                                 shown=f"{archive.where}/{member.name}")
                target.unlink()
        except _UNREADABLE as exc:
            yield ArchiveProblem("", f"not a readable archive: {exc}")


def _past_the_archives_cap(member: _Member) -> ArchiveProblem:
    return ArchiveProblem(member.name, f"the archive unpacks to more than {_size(ARCHIVE_BYTES)}: "
                                       "this member and the ones after it are not read")


def _member_problem(member: _Member, by_suffix: dict[str, Loader]) -> ArchiveProblem | None:
    if member.problem:
        return ArchiveProblem(member.name, member.problem)
    if is_archive(member.name):
        return ArchiveProblem(member.name, "an archive inside the archive: extract it first")
    if member.size > MEMBER_BYTES:
        return ArchiveProblem(member.name, f"unpacks to more than {_size(MEMBER_BYTES)}")
    if reason := folder_skip_reason(PurePosixPath(member.name), by_suffix):
        return ArchiveProblem(member.name, reason, skipped=True)
    return None


def _unpack(member: _Member, target: Path, limit: int) -> int:
    """Write the member's bytes to ``target``; how many. Raises :class:`_TooLarge`
    (``target`` removed) past ``limit`` bytes, whatever size the archive states."""
    written = 0
    try:
        with member.open() as stream, target.open("wb") as out:
            while block := stream.read(_COPY_BLOCK):
                written += len(block)
                if written > limit:
                    raise _TooLarge
                out.write(block)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return written


def _members(path: Path) -> Iterator[_Member]:
    if path.name.lower().endswith(".zip"):
        return _zip_members(path)
    return _tar_members(path)


def _zip_members(path: Path) -> Iterator[_Member]:
    with zipfile.ZipFile(path) as archive:
        listed = archive.infolist()
        if len(listed) > ARCHIVE_MEMBERS:
            raise OSError(f"it lists {len(listed):,} members, more than {ARCHIVE_MEMBERS:,}")
        for info in sorted(listed, key=lambda info: info.filename):
            if info.is_dir():
                continue
            name, problem = _safe_name(info.filename)
            if problem is None and info.flag_bits & 0x1:
                problem = "encrypted: extract it with its password first"
            yield _Member(name, info.file_size, problem, lambda info=info: archive.open(info))


def _tar_members(path: Path) -> Iterator[_Member]:
    # "r|*": a stream, read once from start to end (compressed or not); each
    # member is read as it comes, before the next one's header.
    with tarfile.open(path, "r|*") as archive:
        for count, info in enumerate(archive, start=1):
            if count > ARCHIVE_MEMBERS:
                raise OSError(f"it holds more than {ARCHIVE_MEMBERS:,} members")
            if info.isdir():
                continue
            name, problem = _safe_name(info.name)
            if problem is None and not info.isreg():
                problem = "a link, not a file" if info.issym() or info.islnk() else "a device or FIFO, not a file"
            yield _Member(name, info.size, problem, lambda info=info: _extracted(archive, info))


def _extracted(archive: tarfile.TarFile, info: tarfile.TarInfo) -> IO[bytes]:
    stream = archive.extractfile(info)
    if stream is None:
        raise OSError("its data cannot be read")
    return stream


def _safe_name(name: str) -> tuple[str, str | None]:
    """The member's name with '/' between its parts (Windows tools write '\\'),
    and why it is refused when it points outside the archive (absolute, a
    drive, or '..'): such a name is never followed, but it names no place in it."""
    written = name.replace("\\", "/")
    parts = PurePosixPath(written).parts
    if not parts or parts[0] == "/" or ".." in parts or parts[0].endswith(":"):
        return written, "a name that points outside the archive"
    return "/".join(parts), None


def _size(count: int) -> str:
    return f"{count / (1 << 30):g} GB" if count >= 1 << 30 else f"{count / (1 << 20):g} MB"
