"""Running an export: the examples go through an exporter into a temporary
folder next to the output, with ``report.json`` and a ``README.md`` dataset
card; only a complete export is renamed into place.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from server.exporting.converting import Settings, iter_examples
from server.exporting.examples import Exporter, ExportError
from server.exporting.report import ExportReport, dataset_card, split_made
from server.exporting.sources import Source

log = logging.getLogger(__name__)

# A note for a split asked at 0% (an evaluation set: --split 0/100): a dataset without train surprises later.
ZERO_SPLIT = "splits --split gives 0% (no example, no file)"
# Ctrl-C, a job stopped (kill, timeout, a CI job cancelled), a terminal closed.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """A signal stopped the export. Its message says what became of the
    output, and its exit code is a shell's (128 + the signal's number)."""

    def __init__(self, number: int, complete: Path | None = None) -> None:
        super().__init__(number)
        self.number, self.complete = number, complete
        self.exit_code = 128 + number

    def __str__(self) -> str:
        name = signal.Signals(self.number).name
        if self.complete is not None:  # the signal came while the finished output was being put in place
            return f"Interrupted ({name}) once the export was complete: {self.complete} holds the whole dataset"
        return f"Interrupted ({name}); nothing was written"


class _Stop:
    """The handler :func:`stopping_on_signals` sets: raises :class:`Interrupted`,
    or, while :func:`signals_held` holds, keeps the first signal for its end.
    Held in Python, not by the thread's signal mask: a signal sent to the
    process reaches any thread that does not block it (an HTTP client's, a
    test's server), and Python runs the handler in the main thread anyway."""

    def __init__(self) -> None:
        self.holding = 0
        self.pending: int | None = None

    def __call__(self, number: int, _frame: object) -> None:
        if self.holding:
            self.pending = self.pending or number
            return
        raise Interrupted(number)


@contextlib.contextmanager
def stopping_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop an export as Ctrl-C does, by an exception: the
    work folder beside ``--out`` and the download folder are removed on the way
    out. Their default ends the process on the spot, which left both behind (a
    hidden ``.NAME.xxxx`` folder as large as the dataset written so far). A
    signal ignored when the export starts (``nohup``, a background job's
    SIGINT) stays ignored; another thread cannot set handlers (a test's)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stop = _Stop()
    default = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL, signal.SIGHUP: signal.SIG_DFL}
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number, handler in previous.items():
        if handler is default[number]:
            signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """The signals :func:`stopping_on_signals` catches held back, the first
    raised at the end: for what must not be cut in two, the renames that put
    an output in place (between them the earlier export is moved aside) and
    the removal of a failed export's folders (a second Ctrl-C there left them
    half removed). Outside :func:`stopping_on_signals` it holds nothing."""
    stop = next((handler for number in STOP_SIGNALS if isinstance(handler := signal.getsignal(number), _Stop)), None)
    if stop is None:
        yield
        return
    stop.holding += 1
    try:
        yield
    finally:
        stop.holding -= 1
        if not stop.holding and (number := stop.pending) is not None:
            stop.pending = None
            raise Interrupted(number)


def run_export(source: Source, exporter: Exporter, out: Path, settings: Settings, force: bool = False,
               progress: bool = False) -> ExportReport:
    """Export ``source`` into ``out`` atomically: everything is written into a
    temporary folder next to ``out`` and renamed into place only when complete."""
    out = Path(os.path.realpath(out))  # Path.resolve raises RuntimeError at a symbolic link loop
    try:
        _check_replaceable(out, force)
    except OSError as exc:  # a name too long, a folder it may not read
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}; nothing was written") from None
    report = ExportReport()
    for note in source.notes:
        report.note(note)
    made = _missing_folders(out.parent)  # created for the export: removed again if it fails
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = new_folder(out.parent, f".{out.name}.")
    except OSError as exc:
        _remove_folders(made)
        existing = next(folder for folder in (out.parent, *out.parent.parents) if folder.exists())
        why = f"{existing} is a file, not a folder" if not existing.is_dir() else exc.strerror or str(exc)
        raise ExportError(f"cannot write next to {out}: {why}; nothing was written") from exc
    complete = False
    try:
        with _progress_bar(source.size, source.streamed, progress) as on_bytes:
            exporter.write(iter_examples(source, settings, report, on_bytes), work, report)
        if not report.examples and not settings.allow_empty:
            raise ExportError(f"{source.description}: {_no_example(report)}; nothing was written (--allow-empty "
                              "writes the empty dataset and its report)")
        for kind, detail, count in source.reading_notes:
            report.note(kind, detail, count)
        write_report(work, report, source, exporter, settings)
        with signals_held():
            _replace(work, out)
            complete = True
    except BaseException as exc:
        import shutil  # here: a successful export imports neither it nor tempfile (0.75 MB of its peak with theirs)

        with signals_held():
            shutil.rmtree(work, ignore_errors=True)
            _remove_folders(made)
        if isinstance(exc, KeyboardInterrupt):
            number = exc.number if isinstance(exc, Interrupted) else signal.SIGINT
            raise Interrupted(number, out if complete else None) from None
        if isinstance(exc, ExportError) or not isinstance(exc, Exception):
            raise
        if isinstance(exc, OSError):  # disk full, permissions: not a bug of the exporter
            # Without the file's name: a file of the work folder, removed as the error is shown.
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}; nothing was written") from exc
        # An exporter plugin's bug: say who failed, keep the traceback for -v.
        log.debug("export failed", exc_info=True)
        raise ExportError(f"the {exporter.name!r} exporter failed after {report.tasks_read} tasks: "
                          f"{type(exc).__name__}: {exc}; nothing was written (anota -v export ... shows where)"
                          ) from exc
    return report


def _no_example(report: ExportReport) -> str:
    """Why an export gave no example: what left its tasks out, the most
    frequent first, each with its first case (an empty dataset said this
    only in its report, which a script that trains on it never reads)."""
    if not report.tasks_read:
        return "the input holds no task, so no example to write"
    reasons = "; ".join(f"{kind}: {count}" + (f", e.g. {_cut(report.details[kind][0])}" if report.details.get(kind)
                                                else "") for kind, count in report.left_out.most_common(3))
    read = ("the one task read gave no example" if report.tasks_read == 1 else
            f"none of the {report.tasks_read} tasks read gave an example")
    return f"{read} to write" + (f" ({reasons})" if reasons else "")


def _cut(detail: str, longest: int = 500) -> str:
    return detail if len(detail) <= longest else detail[:longest - 3] + "..."


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
def _progress_bar(size: int | None, streamed: bool, progress: bool) -> Iterator[Callable[[int], None]]:
    # Only worth a bar when reading takes more than a moment (about 20 MB); a pipe's size is
    # known only at its end: its bar counts the bytes read, from the start.
    if not progress or (not streamed and (not size or size < 20_000_000)):
        yield lambda _n: None
        return
    from tqdm import tqdm

    # disable=None: no bar when stderr is not a terminal (logs, pipes).
    with tqdm(total=None if streamed else size, unit="B", unit_scale=True, desc="export", file=sys.stderr,
              leave=False, disable=None) as bar:
        yield bar.update


def _replace(work: Path, out: Path) -> None:
    if not out.exists():
        os.rename(work, out)
        return
    import shutil

    old = new_folder(out.parent, f".{out.name}.old.")
    os.rename(out, old / out.name)
    os.rename(work, out)
    shutil.rmtree(old, ignore_errors=True)


def new_folder(parent: Path, prefix: str) -> Path:
    """A new folder in ``parent`` that only this export uses, as ``tempfile.mkdtemp``
    makes one (a random name, made by this process alone, readable by its user
    only), without importing tempfile with shutil, bz2, lzma and random."""
    while True:
        folder = parent / f"{prefix}{os.urandom(6).hex()}"
        try:
            folder.mkdir(0o700)
            return folder
        except FileExistsError:  # 2**48 names: another's, once in a lifetime
            continue


def write_report(folder: Path, report: ExportReport, source: Source, exporter: Exporter,
                 settings: Settings) -> None:
    report.note_alike_values()
    for name, share in settings.split:
        if not share:
            report.note(ZERO_SPLIT, name)
    document = {
        "source": source.description,
        "format": exporter.name,
        "policy": settings.policy,
        "split": {name: share for name, share in settings.split},
        **({"split_made": split_made(report.examples, settings.split)} if len(settings.split) > 1 else {}),
        "files": sorted(path.name for path in folder.iterdir()),
        **report.as_dict(),
    }
    (folder / "report.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(dataset_card(document), encoding="utf-8")
