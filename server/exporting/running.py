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
from collections.abc import Callable, Iterator
from pathlib import Path

from schemas.label_studio_export import UserNames
from server.exporting.converting import NAMED_BY_ID, Settings, iter_examples
from server.exporting.examples import Exporter, ExportError
from server.exporting.report import ExportReport, dataset_card, note_claims_named_otherwise, split_made
from server.exporting.sources import Source
from server.stopping import Interrupted, signals_held

log = logging.getLogger(__name__)

# A note for a split asked at 0% (an evaluation set: --split 0/100): a dataset without train surprises later.
ZERO_SPLIT = "splits --split gives 0% (no example, no file)"
# What an export stopped by a signal says of its output (server.stopping removes it on the way out).
NOTHING_WRITTEN = "nothing was written"


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
    work: Path | None = None
    complete = False
    try:
        # Held: a signal between the folder's mkdir and its name kept here left it behind, owned by nothing.
        with signals_held():
            work = _work_folder(out)
        with _progress_bar(source.size, source.streamed, progress) as on_bytes:
            report = _written(source, exporter, work, settings, report, on_bytes)
        if not settings.label_config_known:
            note_claims_named_otherwise(report)
        if not report.examples and not settings.allow_empty:
            raise ExportError(f"{source.description}: {_no_example(report)}; nothing was written (--allow-empty "
                              "writes the empty dataset and its report)")
        for kind, detail, count in source.reading_notes:
            report.note(kind, detail, count)
        for kind, detail in source.left_out:
            report.leave_out(kind, detail)
        write_report(work, report, source, exporter, settings)
        with signals_held():
            _replace(work, out)
            complete = True
    except BaseException as exc:
        import shutil  # here: a successful export imports neither it nor tempfile (0.75 MB of its peak with theirs)

        with signals_held():
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
            _remove_folders(made)
        if isinstance(exc, KeyboardInterrupt):
            number = exc.number if isinstance(exc, Interrupted) else signal.SIGINT
            outcome = f"the export was complete: {out} holds the whole dataset" if complete else NOTHING_WRITTEN
            raise Interrupted(number, outcome) from None
        if isinstance(exc, ExportError) or not isinstance(exc, Exception):
            raise
        if isinstance(exc, OSError):  # disk full, permissions: not a bug of the exporter
            # Without the file's name: a file of the work folder, removed as the error is shown.
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}; nothing was written") from exc
        # An exporter plugin's bug: say who failed, and where, as a loader's or an annotator's failure is
        # said (a plugin's writer's first question); the whole traceback with -v.
        from server.annotators import failure_detail  # here: only a failing export pays for its import

        log.debug("export failed", exc_info=True)
        tasks = "task" if report.tasks_read == 1 else "tasks"
        raise ExportError(f"the {exporter.name!r} exporter failed after {report.tasks_read} {tasks}: "
                          f"{failure_detail(exc)}; nothing was written (anota -v export ... shows the traceback)"
                          ) from exc
    return report


def _written(source: Source, exporter: Exporter, work: Path, settings: Settings, report: ExportReport,
             on_bytes: Callable[[int], None]) -> ExportReport:
    """Write the examples into ``work``; the report of what is written
    there. A user the file gave as a bare id before its object (nearly
    never) is renamed in what was written by the exporter's
    ``rename_annotators``, else it is all written again (:func:`written_again`)."""
    user_names = UserNames()
    _configure(exporter, work, settings)
    exporter.write(iter_examples(source, settings, report, on_bytes, user_names), work, report)
    if not report.renamed_annotators:
        return report
    if getattr(exporter, "rename_annotators", None) is not None:
        exporter.rename_annotators(work, report.renamed_annotators, report)
        report.rename_annotators()
        return report
    return written_again(source, exporter, work, settings, user_names, report)


def _configure(exporter: Exporter, work: Path, settings: Settings) -> None:
    # A plugin's exporter need not derive from Exporter (the hook takes any object with its methods).
    if (configure := getattr(exporter, "configure", None)) is not None:
        configure(work, settings)


def written_again(source: Source, exporter: Exporter, work: Path, settings: Settings, user_names: UserNames,
                  first: ExportReport) -> ExportReport:
    """The examples written again, for an exporter that cannot rename the
    annotators it wrote (a plugin's, without ``rename_annotators``), so that
    its files name them as the built-in formats' do: ``work`` emptied, the
    input read a second time with each user named from the start as the
    first reading named it by the end (``user_names``); the report is the
    second reading's, with the first's note of the users it renamed. The
    input is read again, as an error's wording reads it (a pipe from its
    spooled copy); only when a rename exists, and never for the built-in
    formats (they rename what they wrote)."""
    import shutil  # here: nearly never

    for path in work.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    del source.reading_notes[:]  # what the reading found is found again
    report = ExportReport()
    for note in source.notes:
        report.note(note)
    _configure(exporter, work, settings)
    exporter.write(iter_examples(source, settings, report, user_names=user_names.settled()), work, report)
    report.notes[NAMED_BY_ID] = first.notes[NAMED_BY_ID]
    report.details[NAMED_BY_ID] = first.details[NAMED_BY_ID]
    return report


def _work_folder(out: Path) -> Path:
    """The hidden folder beside ``out`` that the export is written into, with
    the folders above it that are missing."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return new_folder(out.parent, f".{out.name}.")
    except OSError as exc:
        existing = next(folder for folder in (out.parent, *out.parent.parents) if folder.exists())
        why = f"{existing} is a file, not a folder" if not existing.is_dir() else exc.strerror or str(exc)
        raise ExportError(f"cannot write next to {out}: {why}; nothing was written") from exc


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
    report.order_splits([name for name, _share in settings.split])
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
    (folder / "README.md").write_text(dataset_card(
        document, exporter.choice_named, exporter.training_lines(folder, document)), encoding="utf-8")
