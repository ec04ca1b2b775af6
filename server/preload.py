"""Preload the configured sources into clean, stable annotation tasks.

One pass over the documents, in source order, in batches of about 1 MB whose
word-level work is done by numpy for the whole batch (see :class:`Cleaner`):

1. segmentation into the task unit (``TASK_UNIT``), each segment a slice of its
   document (``text[start:end]``);
2. boilerplate: navigation, buttons, cookie/privacy/copyright/disclaimer
   notices, subscribe/share/read-also prompts, bylines, in Portuguese and
   English, decided by length, position, lexical cues and, after the pass,
   repetition across documents (see :mod:`server.boilerplate`);
3. exact duplicates (same text after case and whitespace normalisation) become
   one task that counts its copies;
4. near-duplicates (one word or number changed) are merged into the first
   occurrence when the estimated Jaccard similarity of their word sets reaches
   ``NEAR_DUPLICATE_THRESHOLD`` (:mod:`server.near_duplicates`);
5. language of every kept task.

Every segment left out is stored with its reason (``/tasks/excluded``). A
task's id is a hash of its normalised text. The run is recorded with a
fingerprint of the settings and of the sources' contents: starting again on
unchanged sources does no work, and a change replaces the tasks in one
transaction. Only the task index (ids, counters, sketches, band keys: a few
hundred bytes a task) is kept in memory; texts go to the database as they are made.
With PRELOAD_WORKERS, forked workers prepare the batches (all of a batch's work
that needs no earlier batch) while this process takes the decisions in order.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import traceback
from array import array
from collections import Counter, deque
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from operator import itemgetter
from pathlib import Path
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from sqlalchemy import bindparam, case, delete, insert, update

from server.analysis import (
    DISTINCTIVE_STOPWORDS,
    LEANING_TEXT_WORDS,
    OTHER_LANGUAGE,
    OTHER_LANGUAGES_STOPWORDS,
    decide_languages,
    encoded_samples,
    folded_words,
    identified_language,
    its_own_language,
    listed_language_identifier,
    normalise,
    task_language,
)
from server.batch_words import BatchWords, batch_words, word_hash_set
from server.boilerplate import (
    PLACE_END, PLACE_INSIDE, PLACE_START, SENTENCE_PUNCTUATION, SHORT_WORDS, TEMPLATE_DOCUMENTS, BatchLines, DecidedLine,
    Decision, Reason, Segment, ends_in_running_page_number, is_ad_slot, is_markdown_heading, without_closing_emoji,
)
from server.annotators import failure_detail
from server.archives import archive_members
from server.config import UNITS
from server.near_duplicates import (
    NEAR_DUPLICATE_MIN_WORDS, BatchNearDuplicates, BatchSketches, NearDuplicateIndex, batch_sketches,
)
from server.segmentation import EDIT_LINK, line_of, segment
from server.sources import (
    MISSING_SOURCE, Document, LeftOut, LeftOutPart, Loader, LoaderError, SourceFile, content_of, file_digest,
    find_source_files, is_archive, latin_1_hint, load_problem, no_loader_reason,
)
from server.tasks import Exclusion, PreloadRun, Task

if TYPE_CHECKING:
    from flask import Flask

    from server.db import Database
    from server.langid_windows import EncodedText

log = logging.getLogger(__name__)

# Bump when a change here changes which tasks come out: stored runs are redone.
PIPELINE_VERSION = "93"
PRELOAD_RUN_ID = 1
INSERT_BATCH = 2000
# Tasks whose merged copies one UPDATE leaves out (three bound parameters each: far below any database's limit).
UPDATE_KEYS = 300
# A sentence's close at a segment's end: a paragraph of prose, where a song's or poem's lines seldom have one.
_SENTENCE_CLOSE = re.compile(r"[.!?…]['\"”’»)\]]*\s*$")
# A word with a letter in it (not a figure: "6.4", "28", "2026" are none).
_LETTER_WORD = re.compile(r"\w*[^\W\d_]\w*")
# Characters of documents cleaned together (numpy work is per batch).
BATCH_CHARS = 1_000_000
# Sources of at least this many bytes are prepared by worker processes (``prepared``): below two batches there is
# nothing to do side by side. At most MAX_WORKERS of them: the process that feeds them and takes their batches' decisions
# in order does about a fifth of the work.
WORKER_MIN_BYTES = 2 * BATCH_CHARS
MAX_WORKERS = 4
# Signals that end a command (Ctrl-C, ``kill``, a closed terminal).
STOPPING_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
# Lines of at most this many characters keep their chrome decision from batch to batch (a site's template lines recur on
# every page; a paragraph nearly never does), up to DECIDED_LINES of them, the oldest forgotten first: a bounded cache.
DECIDED_LINE_CHARS = 300
DECIDED_LINES = 10_000
# A preload that runs longer than this logs how far it has got, again each time as long:
# a large corpus takes minutes before the server answers.
PROGRESS_SECONDS = 10.0

# -------------------------------------------------------------------------
# Normalisation and ids
# -------------------------------------------------------------------------


def task_id(normalised: str) -> str:
    """The stable id of a task: the same text gives the same id everywhere."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


# -------------------------------------------------------------------------
# Language
# -------------------------------------------------------------------------

# Each language's distinctive frequent words (server.analysis.STOPWORDS), hashed
# as the batch's words are, so that a whole batch's hits are counted at once.
_STOPWORD_HASHES = {language: word_hash_set(words) for language, words in DISTINCTIVE_STOPWORDS.items()}
_OTHER_LANGUAGES_HASHES = word_hash_set(OTHER_LANGUAGES_STOPWORDS)

# -------------------------------------------------------------------------
# The preload run
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class PreloadSettings:
    unit: str
    near_duplicate_threshold: float
    languages: tuple[str, ...]
    loaders: tuple[str, ...]
    # What the JSON and CSV loaders read (ANOTA_SOURCE_TEXT_FIELD): set on a stored database, it left the last
    # preload in place, a CSV's "Texto" column still refused as "no column named 'text'" (session 49's walk).
    text_field: str

    @classmethod
    def from_app(cls, app: Flask, loaders: Sequence[Loader]) -> PreloadSettings:
        unit = str(app.config["TASK_UNIT"]).strip().lower()
        if unit not in UNITS:
            raise ValueError(f"TASK_UNIT must be one of {', '.join(UNITS)}, not {unit!r}")
        threshold = float(app.config["NEAR_DUPLICATE_THRESHOLD"])
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"NEAR_DUPLICATE_THRESHOLD must be in (0, 1], not {threshold}")
        described = tuple(_loader_described(loader) for loader in loaders)
        return cls(unit, threshold, tuple(app.config["LANGUAGES"]), described, str(app.config["SOURCE_TEXT_FIELD"]))


def _loader_described(loader: Loader) -> str:
    """A loader as the preload's settings name it: its class and version, the task unit it chooses, if it does
    (choosing another cuts its files anew; a loader choosing none is named as before there were units to choose),
    and a plugin's module's digest (``_plugin_code_digest``)."""
    described = f"{type(loader).__module__}.{type(loader).__name__}:{loader.version}"
    described = f"{described}:{loader.unit}" if loader.unit else described
    code = _plugin_code_digest(type(loader))
    return f"{described}@{code}" if code else described


# Anota's own top-level packages: their loaders change only with a PIPELINE_VERSION, so an upgrade reloads nothing
# it need not.
_ANOTA_PACKAGES = frozenset({"plugins", "server"})
# How much of a module's digest names it: enough to tell two edits apart.
_CODE_DIGEST_CHARS = 12


def _plugin_code_digest(loader_class: type) -> str | None:
    """The digest of the file that defines a plugin's loader class, so that an edit of it (a document's unit, its
    text) prepares the stored tasks again: with the version alone, a loader edited while its writer works on it
    (`pip install -e`) went on serving the tasks of its code before (session 53's plugin writer's walk). None for
    Anota's own loaders and for a module that has no readable file."""
    module = sys.modules.get(loader_class.__module__)
    if loader_class.__module__.partition(".")[0] in _ANOTA_PACKAGES or not getattr(module, "__file__", None):
        return None
    try:
        return file_digest(Path(module.__file__))[:_CODE_DIGEST_CHARS]
    except OSError:
        return None


@dataclass
class PreloadReport:
    """What a preload did; kept with the run and logged."""

    fingerprint: str = ""
    reused: bool = False
    files: int = 0
    documents: int = 0
    segments: int = 0
    tasks: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    # Files a loader plugin failed on (raised, or yielded something unusable), by loader name.
    loader_failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    # The configured sources the tasks were preloaded from, absolute: what a command that finds them says they are.
    sources: list[str] = field(default_factory=list)
    # The run this one replaced: its tasks' count and sources ({} when the database held none, or on a reuse).
    replaced: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def preload_sources(app: Flask) -> PreloadReport | None:
    """Preload ``app.config["SOURCES"]`` into the task tables, unless
    ``PRELOAD`` is off; skip the work when nothing changed since the last run."""
    if not app.config["PRELOAD"]:
        return None
    from server.app import get_state

    state = get_state(app)
    loaders = [loader for _plugin, loader in state.loaders]
    report = preload(state.database, app.config["SOURCES"], loaders, PreloadSettings.from_app(app, loaders),
                     workers=app.config["PRELOAD_WORKERS"])
    state.preloaded = report
    plugin_of = {loader.name: plugin for plugin, loader in state.loaders}
    for loader_name, failures in report.loader_failures.items():
        state.metrics.plugin_errors.labels(plugin_of.get(loader_name, ""), loader_name, "loader").inc(failures)
    return report


def preload(
    database: Database, sources: Sequence[str], loaders: Sequence[Loader], settings: PreloadSettings,
    workers: bool = False,
) -> PreloadReport:
    """Preload ``sources`` into the task tables (``workers``: may prepare the batches in worker processes)."""
    started = time.perf_counter()
    files, skipped = find_source_files(sources, loaders)
    signature = _stat_signature(files)
    settings_key = json.dumps([PIPELINE_VERSION, asdict(settings)], sort_keys=True)
    with database.session() as session:
        run = session.get(PreloadRun, PRELOAD_RUN_ID)
        stored = (run.fingerprint, run.stat_signature, run.report) if run else None
    if stored and stored[1] == [settings_key, signature]:
        return _reused(stored[2], started)
    fingerprint = _fingerprint(settings_key, files)
    if stored and stored[0] == fingerprint:
        with database.session() as session:
            session.execute(update(PreloadRun).values(stat_signature=[settings_key, signature]))
        return _reused(stored[2], started)
    absolute = [str(Path(source).absolute()) for source in sources]
    replaced = {"tasks": stored[2].get("tasks", 0), "sources": stored[2].get("sources", [])} if stored else {}
    if stored:
        # A warning: the tasks a server on this database serves change under it (s53-userpass: `anota push` without
        # the server's ANOTA_SOURCES replaced its 9 tasks by the seed's 5, saying only "the sources changed").
        log.warning("preload: preparing the tasks again: %s",
                    why_prepared_again(stored[1], settings_key, replaced, absolute))
    report = PreloadReport(fingerprint=fingerprint, skipped=[{"path": s.path, "reason": s.reason} for s in skipped],
                           sources=absolute, replaced=replaced)
    with database.session() as session:
        session.execute(delete(Task))
        session.execute(delete(Exclusion))
        with _indexes_built_after(session):
            writer = _Writer(session)
            Cleaner(settings, writer, report, workers).run(files, [size or 0 for _path, size, _mtime in signature], loaders)
            writer.flush()
        report.seconds = round(time.perf_counter() - started, 3)
        session.merge(PreloadRun(
            id=PRELOAD_RUN_ID, fingerprint=fingerprint, stat_signature=[settings_key, signature],
            report=report.as_dict(),
        ))
    _log_report(report)
    return report


# The preload's settings as the operator sets them, for the reason a preload is done again.
SETTING_NAMES = {
    "unit": "ANOTA_TASK_UNIT", "near_duplicate_threshold": "ANOTA_NEAR_DUPLICATE_THRESHOLD",
    "languages": "ANOTA_LANGUAGES", "loaders": "the loaders (their versions, units or code)",
    "text_field": "ANOTA_SOURCE_TEXT_FIELD",
}


def why_prepared_again(stored_signature: Any, settings_key: str, replaced: Mapping[str, Any] | None = None,
                       sources: Sequence[str] = ()) -> str:
    """Why the stored tasks are not served as they are, said before the work: an upgrade whose PIPELINE_VERSION
    is new prepared every task again in silence (minutes on a large corpus, the tasks' texts and ids possibly
    changed), the log's next line alike for a changed setting or an edited file (session 51's operator walk).
    ``replaced``: the stored run's task count and sources (none recorded before session 53), said first when
    ``sources`` are others: the tasks a server on this database serves change under it."""
    if replaced and replaced["sources"] and list(replaced["sources"]) != list(sources):
        return (f"ANOTA_SOURCES names other sources ({', '.join(sources)}) than the {replaced['tasks']} stored tasks "
                f"were preloaded from ({', '.join(replaced['sources'])}); a server on this database serves the new "
                "tasks from now on")
    try:
        stored_key = stored_signature[0]
        (old_version, old_settings), (version, settings) = json.loads(stored_key), json.loads(settings_key)
        changed = [SETTING_NAMES.get(name, name) for name, value in settings.items() if old_settings.get(name) != value]
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return "the stored tasks were made by another version of Anota"
    if old_version != version:
        return (f"the cleaning pipeline changed since the stored tasks were made (PIPELINE_VERSION {old_version} -> "
                f"{version}); a task whose text it cleans otherwise gets a new id")
    if changed:
        return f"{', '.join(changed)} changed since the stored tasks were made"
    return "the sources changed since the stored tasks were made (a file added, removed or edited)"


@contextlib.contextmanager
def _indexes_built_after(session: Any) -> Iterator[None]:
    """On SQLite, leave the task tables' secondary indexes (positions, the exclusions' ids) out while the load writes
    its rows, and build them again at its end, in its transaction (a failed load rolls the drop back with the rest).
    Built at once, an index's keys are sorted once; kept during the load, every row's keys went into their B-trees one
    by one, the exclusions' ids at random places (the 100 MB bench's 331,292 rows replayed: 2.12-2.75 s of CPU ->
    1.75-1.95 s). The load itself reads rows by primary key only. Not on PostgreSQL, where DROP INDEX would keep
    readers out of the table until the load commits; SQLite's readers go on reading the last commit."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    indexes = [index for table in (Task.__table__, Exclusion.__table__) for index in table.indexes]
    for index in indexes:
        index.drop(connection, checkfirst=True)  # a database made before an index was added has none to drop
    yield
    for index in indexes:
        index.create(connection)


def _loaded_item_problem(item: object) -> str | None:
    """Why what a loader yielded is neither a usable Document nor a LeftOut
    (the cleaning would fail on it, or lose it in silence), or None."""
    if isinstance(item, LeftOut):
        return None
    if not isinstance(item, Document):
        return f"it yielded {type(item).__name__} {item!r:.60}, not a Document or LeftOut"
    if not (isinstance(item.text, str) and isinstance(item.source, str) and isinstance(item.data, dict)):
        return f"a Document needs text and source strings and a dict of data, not {item!r:.80}"
    if item.unit is not None and item.unit not in UNITS:
        return f"a Document's unit must be one of {', '.join(UNITS)} (or None: its loader's), not {item.unit!r}"
    if item.data and not all(map(_JSON_SCALARS.__contains__, map(type, item.data.values()))):
        try:  # stored as JSON, in the batch's cleaning: a set or a datetime there stopped the whole preload
            json.dumps(item.data)
        except (TypeError, ValueError) as exc:
            return f"a Document's data must be JSON (it goes into its tasks' data): {exc} in {item.data!r:.80}"
    return None


# Values json.dumps writes as they are: data of only these (a task list's titles and ids) needs no trial encoding.
_JSON_SCALARS = frozenset((str, int, float, bool, type(None)))


def _reused(stored_report: dict[str, Any], started: float) -> PreloadReport:
    report = PreloadReport(**{**stored_report, "reused": True, "replaced": {}})
    report.seconds = round(time.perf_counter() - started, 3)
    log.info("preload: sources unchanged, serving the %d stored tasks", report.tasks)
    _log_problems(report)  # still true of the stored run: said again on every start
    return report


def _log_problems(report: PreloadReport) -> None:
    """Warn of the files that could not be loaded and the configured sources that are not there."""
    for error in report.errors:
        log.warning("preload: %s", load_problem(error))
    if hint := latin_1_hint(report.errors):
        log.warning("preload: %s", hint)
    for skip in report.skipped:
        if skip["reason"] == MISSING_SOURCE:
            log.warning("preload: source %s does not exist", skip["path"])


def _stat_signature(files: Iterable[SourceFile]) -> list[list[Any]]:
    signature = []
    for source in files:
        path = str(source.path)
        try:
            stat = os.stat(path)
            signature.append([path, stat.st_size, stat.st_mtime_ns])
        except OSError:
            signature.append([path, None, None])
    return signature


def _fingerprint(settings_key: str, files: Iterable[SourceFile]) -> str:
    digest = hashlib.sha256(settings_key.encode())
    for source in files:
        try:
            content = file_digest(source.path)
        except OSError as exc:
            content = f"unreadable: {exc}"
        digest.update(f"{source.name}\0{content}\n".encode())
    return digest.hexdigest()


def _log_report(report: PreloadReport) -> None:
    _log_problems(report)
    for skip in report.skipped:
        if skip["reason"] != MISSING_SOURCE:
            log.info("preload: skipped %s: %s", skip["path"], skip["reason"])
    excluded = ", ".join(f"{count} {kind}" for kind, count in sorted(report.excluded.items())) or "nothing"
    log.info(
        "preload: %d files, %d documents, %d segments -> %d tasks in %.2f s; left out: %s",
        report.files, report.documents, report.segments, report.tasks, report.seconds, excluded,
    )


# Columns of the rows the cleaner makes, in order (``data`` as JSON text).
TASK_COLUMNS = ("anota_id", "position", "text", "source", "start", "end", "data", "language", "copies", "near_duplicates")
EXCLUSION_COLUMNS = ("anota_id", "position", "text", "source", "start", "end", "data", "kind", "reason", "kept_id")


class _Writer:
    """Batches task and exclusion rows (tuples in TASK_COLUMNS and
    EXCLUSION_COLUMNS order) into executemany inserts sent to the driver as
    they are: SQLAlchemy's per-row parameter processing cost more than the
    database's insert. The statements are compiled for the session's dialect."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.tasks: list[tuple[Any, ...]] = []
        self.exclusions: list[tuple[Any, ...]] = []
        dialect = session.connection().dialect
        self.statements = [
            self._statement(dialect, Task.__table__, TASK_COLUMNS),
            self._statement(dialect, Exclusion.__table__, EXCLUSION_COLUMNS),
        ]
        self.update_counts = self._compile(dialect, update(Task.__table__).where(
            Task.__table__.c.anota_id == bindparam("task_id")
        ).values(copies=bindparam("task_copies"), near_duplicates=bindparam("task_near_duplicates")))

    @staticmethod
    def _compile(dialect: Any, statement: Any) -> tuple[str, tuple[str, ...] | None]:
        compiled = statement.compile(dialect=dialect)
        return str(compiled), (tuple(compiled.positiontup) if dialect.positional else None)

    def _statement(self, dialect: Any, table: Any, columns: Sequence[str]) -> tuple[str, tuple[str, ...] | None, Sequence[str]]:
        sql, order = self._compile(dialect, insert(table).values({name: bindparam(name) for name in columns}))
        return sql, order, columns

    def task(self, row: tuple[Any, ...]) -> None:
        self.tasks.append(row)
        if len(self.tasks) >= INSERT_BATCH:
            self.flush()

    def exclusion(self, row: tuple[Any, ...]) -> None:
        self.exclusions.append(row)
        if len(self.exclusions) >= INSERT_BATCH:
            self.flush()

    def flush(self) -> None:
        for (sql, order, columns), rows in zip(self.statements, (self.tasks, self.exclusions), strict=True):
            if rows:
                self._execute(sql, order, columns, rows)
        self.tasks, self.exclusions = [], []

    def set_counts(self, rows: Sequence[tuple[str, int, int]]) -> None:
        """Store ``(anota_id, copies, near_duplicates)`` of merged tasks."""
        sql, order = self.update_counts
        self._execute(sql, order, ("task_id", "task_copies", "task_near_duplicates"), rows)

    def _execute(self, sql: str, order: tuple[str, ...] | None, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        if order is None:  # a driver with named parameters
            parameters: list[Any] = [dict(zip(columns, row)) for row in rows]
        elif tuple(order) == tuple(columns):
            parameters = list(rows)
        else:
            parameters = list(map(itemgetter(*(columns.index(name) for name in order)), rows))
        self.session.connection().exec_driver_sql(sql, parameters)


# Marks a ProgressLog line (an attribute of its log record), so that a command
# that mutes the preload's log can let its progress through.
PROGRESS_RECORD = "preload_progress"


class ProgressLog:
    """Logs, every PROGRESS_SECONDS, how many of the files and bytes a
    preload has read, and since when."""

    def __init__(self, sizes: Sequence[int]) -> None:
        self.files_total, self.megabytes_total = len(sizes), sum(sizes) / 1e6
        self.files = 0
        self.megabytes = 0.0
        self.started = self.logged = time.perf_counter()

    def advance(self, size: int) -> None:
        """One more file read (``size`` bytes)."""
        self.files += 1
        self.megabytes += size / 1e6
        now = time.perf_counter()
        if now - self.logged >= PROGRESS_SECONDS:
            self.logged = now
            log.info("preload: %d of %d files read (%.1f of %.1f MB) in %.0f s", self.files, self.files_total,
                     self.megabytes, self.megabytes_total, now - self.started, extra={PROGRESS_RECORD: True})


class PreparedBatch(NamedTuple):
    """A batch of documents cleaned as far as no earlier batch matters, by segment, in source order: its task or
    exclusion row's columns (TASK_COLUMNS up to ``data``) but its position, its document's index, why it is chrome (or
    else None), why it is a footer line kept for now, whether it counts as a paragraph read in its document, its
    PLACE_* bits, whether it is short, whether it is a short Markdown heading, its language (None for chrome, and for
    a copy of a segment that is never kept: ``BatchPreparer.prepare``); the segments of the parts its loaders left out
    (``Document.left_out``), each with the number of the segment it is listed before and why; and the batch's sketches
    for the near-duplicate search."""

    rows: list[tuple[Any, ...]]
    document_indexes: list[int]
    chrome: list[Reason | None]
    footers: list[str | None]
    paragraphs: list[bool]
    places: list[int]
    short: list[bool]
    headings: list[bool]
    languages: list[str | None]
    left_out: list[tuple[int, tuple[Any, ...], str]]
    sketches: BatchSketches | None


def _told_by_figures(batch: PreparedBatch, number: int) -> bool:
    """Whether segment ``number``, found a near-duplicate of a kept task, is a short heading told from it by its figures
    alone: no paragraph (SHORT_WORDS words at most, no sentence's close) with fewer than NEAR_DUPLICATE_MIN_WORDS words
    of letters. A changelog's "Versão 6.3 (4 de novembro de 2026)" shares its words with "Versão 6.4 (28 de novembro de
    2026)" but its number and its day: another release, not a copy (issue 3's near-duplicate is a paragraph with one
    word or number changed; a heading's few words leave its figures to name what it heads)."""
    return not batch.paragraphs[number] and len(_LETTER_WORD.findall(batch.rows[number][1])) < NEAR_DUPLICATE_MIN_WORDS


# A batch of documents as loaded: (source, text, data, document index, parts left out, the task unit its loader
# chose or None) of each (Documents of a loader's own class would need their class in a worker's pickles).
LoadedBatch = list[tuple[str, str, dict[str, Any], int, tuple[LeftOutPart, ...], str | None]]


class DocumentReader:
    """Loads the sources, in order, into batches of about BATCH_CHARS characters, and reports what it read (files,
    documents) or could not (errors, an archive's members skipped, a loader plugin's failures)."""

    def __init__(self, report: PreloadReport) -> None:
        self.report = report

    def batches(
        self, files: Sequence[SourceFile], sizes: Sequence[int], loaders: Sequence[Loader]
    ) -> Iterator[tuple[LoadedBatch, list[int]]]:
        """Each batch, and the sizes of the source files read to its end since the batch before (progress)."""
        by_suffix = {suffix: loader for loader in loaders for suffix in loader.suffixes}
        batch: LoadedBatch = []
        batch_chars = 0
        read: list[int] = []
        document_index = 0
        for source, size in zip(files, sizes, strict=True):
            for member in self._files_in(source, by_suffix):
                documents = self._load(member)
                if documents is None:
                    continue
                self.report.files += 1
                loader_unit = member.loader.unit if member.loader else None
                for document in documents:
                    batch.append((document.source, document.text, document.data, document_index, document.left_out,
                                  document.unit or loader_unit))
                    document_index += 1
                    batch_chars += len(document.content)  # the cleaning's work: what a loader left out is little
                    if batch_chars >= BATCH_CHARS:
                        yield batch, read
                        batch, batch_chars, read = [], 0, []
            read.append(size)
        self.report.documents = document_index
        yield batch, read

    def _files_in(self, source: SourceFile, by_suffix: dict[str, Loader]) -> Iterator[SourceFile]:
        """The file itself, or an archive's members one at a time, its other
        members reported (errors, or skipped as a folder's files are)."""
        if not is_archive(source.path):
            yield source
            return
        for member in archive_members(source, by_suffix):
            if isinstance(member, SourceFile):
                yield member
                continue
            where = f"{source.where}/{member.member}" if member.member else source.where
            listed = self.report.skipped if member.skipped else self.report.errors
            listed.append({"path": where, "reason": member.reason})

    def _load(self, source: SourceFile) -> list[Document] | None:
        if source.loader is None:
            reason = no_loader_reason(source.path)
        else:
            try:
                loaded = list(source.loader.load(source.path, source.name))
            except LoaderError as exc:
                reason = str(exc)
            except (Exception, SystemExit) as exc:  # a loader plugin's bug costs only its file
                # With the file and line that raised, as an annotator's failure is logged: its writer's first question.
                reason = self._loader_failed(source.loader, failure_detail(exc))
            else:
                wrong = next((problem for item in loaded if (problem := _loaded_item_problem(item))), None)
                if wrong is None:
                    self.report.errors.extend(
                        {"path": f"{source.where}#{item.record}", "reason": item.reason}
                        for item in loaded if isinstance(item, LeftOut)
                    )
                    return [item for item in loaded if isinstance(item, Document)]
                reason = self._loader_failed(source.loader, wrong)
        self.report.errors.append({"path": source.where, "reason": reason})
        return None

    def _loader_failed(self, loader: Loader, problem: str) -> str:
        """Count a loader plugin's failure (for /metrics and /plugins) and word it."""
        self.report.loader_failures[loader.name] = self.report.loader_failures.get(loader.name, 0) + 1
        return f"loader {loader.name!r} failed: {problem}"


def _chrome_word_count(batch_count: int, normalised: str) -> int:
    """A segment's words as _chrome counts them, from its count in the batch's words (``batch_count``): those split
    hyphenated words, so a text with up to twice SHORT_WORDS is counted again."""
    if SHORT_WORDS < batch_count <= 2 * SHORT_WORDS:
        return len(folded_words(normalised))
    return batch_count


class BatchPreparer:
    """Cleans a batch of documents as far as needs no earlier batch: segments, normalised texts and ids, the batch's
    words (numpy over the whole batch), chrome decisions, languages and near-duplicate sketches. Its one state across
    batches is the cache of decided lines, which spares work and changes no decision (a decision is its line's and
    place's own: ``Position.facts``), so batches may be prepared by several of them, in any order (``prepared``)."""

    def __init__(self, settings: PreloadSettings) -> None:
        self.settings = settings
        self.decided: dict[DecidedLine, Decision] = {}

    def prepare(self, loaded: LoadedBatch, kept: Container[int] = (), merged: Container[int] = ()) -> PreparedBatch:
        """The batch prepared; ``kept``: the ids (as ints) of tasks kept before it, and ``merged``: of segments merged
        into one of them as near-duplicates, where they are known (in one process: the cleaner's, which takes a
        batch's decisions before the next batch is prepared). A copy of either is never kept, and needs no language: an
        exact copy of a near-duplicate matches the task it was merged into again (the index of kept tasks only
        grows)."""
        batch = PreparedBatch([], [], [], [], [], [], [], [], [], [], None)
        documents = self.documents(loaded)
        segments = self._segments(documents)
        data = [json.dumps(document.data) for document, _index in documents]
        if any(left_out for *_columns, left_out, _unit in loaded):
            batch.left_out.extend(self._left_out_rows(loaded, documents, segments, data))
        if edit_links := list(_trimmed_edit_links(documents, segments, data)):
            batch.left_out[:] = sorted([*batch.left_out, *edit_links], key=itemgetter(0))
        if not segments:
            return batch
        normalised = [normalise(text) for _slot, _index, _count, _start, _end, text in segments]
        words = batch_words(normalised)
        lines = BatchLines(documents, segments, normalised, words, self.decided)
        languages = _BatchLanguages(self.settings.languages, words, [slot for slot, *_rest in segments], documents)
        if self.settings.near_duplicate_threshold < 1:
            batch = batch._replace(sketches=batch_sketches(words))
        asked = self._decide_segments(batch, documents, segments, data, lines, kept, merged)
        for number, language in languages.of_all(asked):
            batch.languages[number] = language
        self._keep_line_decisions()
        return batch

    @staticmethod
    def _decide_segments(
        batch: PreparedBatch, documents: Sequence[tuple[Document, int]], segments: Sequence[Segment],
        data: Sequence[str], lines: BatchLines, kept: Container[int], merged: Container[int],
    ) -> list[tuple[int, str, int]]:
        """Add each segment's row and decisions to ``batch`` (its language None for now), in order, and return the
        segments whose language is wanted (number, text, words), to be found together once all are asked; ``kept``
        and ``merged``: see ``prepare``."""
        # Ids of the batch's segments no chrome so far: a copy of one is never kept (an exact duplicate, or a
        # near-duplicate of the task its first copy was one of, which its copy's index can only match as well).
        not_chrome: set[str] = set()
        asked: list[tuple[int, str, int]] = []
        for number, (slot, _index, _count, start, end, text) in enumerate(segments):
            document, document_index = documents[slot]
            anota_id = hashlib.sha256(lines.normalised[number].encode("utf-8")).hexdigest()[:16]
            batch.rows.append((anota_id, text, document.source, start, end, data[slot]))
            batch.document_indexes.append(document_index)
            chrome, footer = lines.excluded(number)
            batch.chrome.append(chrome)
            batch.footers.append(footer)
            batch.places.append(lines.positions[number].place)
            batch.languages.append(None)
            if chrome is not None:
                # A post's chrome (its buttons, the next author's line) parts a signature's copies under short posts
                # that end in no stop ("lol same here") as a paragraph does; a song's refrain has only its verses
                # between its copies, and maybe an ad's slot, which the text goes on under.
                batch.paragraphs.append(not is_ad_slot(text))
                batch.short.append(False)
                batch.headings.append(False)
                continue
            batch.paragraphs.append(lines.counts[number] > SHORT_WORDS or _SENTENCE_CLOSE.search(text) is not None)
            words_in_text = _chrome_word_count(lines.counts[number], lines.normalised[number])
            short = words_in_text <= SHORT_WORDS
            batch.short.append(short)
            batch.headings.append(short and is_markdown_heading(document.text, start))
            # (Nothing is merged while nothing is kept: a near-duplicate is merged into a kept task.)
            never_kept = anota_id in not_chrome or (kept and ((key := int(anota_id, 16)) in kept or key in merged))
            not_chrome.add(anota_id)
            if not never_kept:
                asked.append((number, text, words_in_text))
        return asked

    def documents(self, loaded: LoadedBatch) -> list[tuple[Document, int]]:
        """The batch's documents as the cleaning reads them, each with its index: its content alone (the parts its
        loader left out change none of its decisions), its unit the one its loader chose, else the setting's."""
        default = self.settings.unit
        return [(Document(source, content_of(text, left_out), data, unit=unit or default), index)
                for source, text, data, index, left_out, unit in loaded]

    def _segments(self, documents: Sequence[tuple[Document, int]]) -> list[Segment]:
        """``(document slot, index in the document, segments in the document,
        start, end, text)`` of every segment of the batch, each document cut into its unit."""
        languages = self.settings.languages
        segments = []
        for slot, (document, _index) in enumerate(documents):
            unit = document.unit
            unit_language = task_language(document.text[:2000], languages) if unit == "sentence" else None
            # a line's own language, for its abbreviations (an English paragraph on a Portuguese page): one that
            # does not lean away from the page's keeps the page's
            spans = segment(document.text, unit, unit_language,
                            lambda line: task_language(line, languages, usual=unit_language))
            text = document.text
            segments.extend(
                (slot, index, len(spans), start, end, text[start:end]) for index, (start, end) in enumerate(spans)
            )
        return segments

    def _left_out_rows(
        self, loaded: LoadedBatch, documents: Sequence[tuple[Document, int]], segments: Sequence[Segment],
        data: Sequence[str],
    ) -> Iterator[tuple[int, tuple[Any, ...], str]]:
        """The row of each segment of the parts the loaders left out of the batch's documents, its reason, and the
        number of the segment it is listed before: the first of its document's that starts at or after where the part
        stood (``LeftOutPart.at``), or the segment after its document's last. A part is one task unit but for
        sentences (a sentence never spans two parts, and a part is one block of the page)."""
        starts: list[list[int]] = [[] for _document in loaded]
        for slot, _index, _count, start, _end, _text in segments:
            starts[slot].append(start)
        first = 0  # the number of the document's first segment
        for slot, (source, document_text, _data, _index, left_out, _unit) in enumerate(loaded):
            for part in left_out:
                before = first + bisect.bisect_left(starts[slot], part.at)
                for start, end in self._part_spans(document_text, part, documents[slot][0].unit):
                    text = document_text[start:end]
                    yield before, (task_id(normalise(text)), text, source, start, end, data[slot]), part.reason
            first += len(starts[slot])

    @staticmethod
    def _part_spans(text: str, part: LeftOutPart, unit: str) -> list[tuple[int, int]]:
        if unit != "sentence":
            return [(part.start, part.end)]
        return [(part.start + start, part.start + end) for start, end in segment(text[part.start:part.end], "sentence")]

    def _keep_line_decisions(self) -> None:
        """Forget the batch's decisions on segments longer than DECIDED_LINE_CHARS, and the oldest beyond DECIDED_LINES."""
        lines = [(line, decision) for line, decision in self.decided.items() if len(line[0]) <= DECIDED_LINE_CHARS]
        self.decided = dict(lines[-DECIDED_LINES:])


EDIT_LINK_REASON = "a wiki's edit link after its heading, which the heading's task leaves out"


def _trimmed_edit_links(
    documents: Sequence[tuple[Document, int]], segments: Sequence[Segment], data: Sequence[str]
) -> Iterator[tuple[int, tuple[Any, ...], str]]:
    """A row for each wiki's edit link ("[editar | editar código-fonte]") that a paragraph's segment leaves out after
    its heading (segmentation's _without_marker), with the number of the segment it is listed before (the next) and
    why, as PreparedBatch.left_out has them: text the loader read is a task or listed, never lost silently (a wiki
    page's headings lost theirs unlisted: cleaning28, 40, 47); a document's one task (its unit "document") keeps it.
    Only documents that hold "[edit" are read."""
    linked = {slot for slot, (document, _index) in enumerate(documents)
              if document.unit != "document" and "[edit" in document.text}
    for number, (slot, _index, _count, _start, end, _text) in enumerate(segments) if linked else ():
        if slot not in linked:
            continue
        document = documents[slot][0]
        link = EDIT_LINK.fullmatch(document.text, end, line_of(document.text, end)[1])
        if link is not None:
            start, stop = end + len(link[0]) - len(link[0].lstrip()), end + len(link[0].rstrip())
            text = document.text[start:stop]
            yield number + 1, (task_id(normalise(text)), text, document.source, start, stop, data[slot]), \
                EDIT_LINK_REASON


def prepared(
    settings: PreloadSettings, loaded: Iterator[tuple[LoadedBatch, list[int]]], size: int, workers_wanted: bool,
    kept: Container[int] = (), merged: Container[int] = (),
) -> Iterator[tuple[PreparedBatch, list[int]]]:
    """The loaded batches prepared, in order, with what came with each: by worker processes, one a core, when they
    are wanted (PRELOAD_WORKERS), the sources are large enough to pay for their start (``size`` bytes,
    WORKER_MIN_BYTES) and no other thread runs (a forked child inherits one thread's view of locks the others may
    hold); else here, each batch once the one before is taken (``kept`` and ``merged``: the ids of the tasks kept and
    of the segments merged as near-duplicates so far, ``BatchPreparer.prepare``)."""
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if workers_wanted and size >= WORKER_MIN_BYTES and workers > 1 and threading.active_count() == 1 \
            and "fork" in multiprocessing.get_all_start_methods():
        return _prepared_by_workers(settings, loaded, min(workers, MAX_WORKERS))
    preparer = BatchPreparer(settings)
    return ((preparer.prepare(batch, kept, merged), read) for batch, read in loaded)


def _prepared_by_workers(
    settings: PreloadSettings, loaded: Iterator[tuple[LoadedBatch, list[int]]], count: int
) -> Iterator[tuple[PreparedBatch, list[int]]]:
    """Batches prepared by ``count`` forked workers in turn, each a batch at a time, while this process loads the
    next batches and takes the decisions on the last: the workers take the per-batch work (about two thirds of the
    CPU time), this process the rest, and the system shares the cores among them.

    Forked, not spawned: a child starts at once with the parent's modules and language model, where a spawned one
    would import and load them again (seconds). A child touches nothing of the parent's but its pipe (no database
    connection, no log), and ends when the pipe does: when the parent has sent every batch, stops early (Ctrl-C, an
    error: it is terminated too), or dies."""
    # Loaded once here, the language identifier's model is the workers' too (mapped from its cache, or decoded).
    with contextlib.suppress(ValueError):  # an unknown language is said when a text needs the identifier, as here
        listed_language_identifier(tuple(settings.languages))
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    workers: list[multiprocessing.process.BaseProcess] = []
    done = False
    try:
        for _number in range(count):
            ours, theirs = context.Pipe()
            worker = context.Process(target=_prepare_in_worker, args=(settings, theirs, [*pipes, ours]),
                                     name="anota-preload-worker", daemon=True)
            # Held while forking: a handler that raises (``anota tasks``' SIGTERM) would raise in the fork's
            # after-fork hooks, whose exceptions are printed and ignored, and the command would go on.
            held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING_SIGNALS)
            try:
                worker.start()
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
            theirs.close()
            pipes.append(ours)
            workers.append(worker)
        waiting: deque[tuple[int, list[int]]] = deque()  # the worker of each batch sent, in order, and its file sizes

        def send(number: int) -> None:
            batch = next(loaded, None)
            if batch is not None:
                try:
                    pipes[number].send(batch[0])
                except (BrokenPipeError, ConnectionResetError):  # it died since it sent its last batch
                    raise _ended(workers[number]) from None
                waiting.append((number, batch[1]))

        for number in range(count):
            send(number)
        while waiting:
            number, read = waiting.popleft()
            batch = _received(pipes[number], workers[number])
            send(number)
            yield batch, read
        done = True
    finally:
        for pipe in pipes:
            pipe.close()  # a worker waiting for its next batch ends
        for worker in workers:
            if not done:
                worker.terminate()
            worker.join()


def _received(pipe: Connection, worker: multiprocessing.process.BaseProcess) -> PreparedBatch:
    try:
        message = pipe.recv()
    except EOFError:
        raise _ended(worker) from None
    if isinstance(message, str):
        raise RuntimeError(f"a preload worker failed:\n{message}")
    return message


def _ended(worker: multiprocessing.process.BaseProcess) -> RuntimeError:
    """The error of a worker that ended before its work did (killed: by the system short of memory, say)."""
    worker.join()
    return RuntimeError(f"a preload worker ended (exit code {worker.exitcode}); ANOTA_PRELOAD_WORKERS=0 prepares the"
                        " batches in one process")


def _prepare_in_worker(settings: PreloadSettings, pipe: Connection, parents: Sequence[Connection]) -> None:
    """A forked worker: prepares each batch the pipe brings, until it closes; a failure's traceback goes back."""
    for parent in parents:  # the parent's ends: only the parent may hold them, or no end would see the other close
        parent.close()
    # Ctrl-C and a closed terminal reach the whole process group: the parent ends its workers. A SIGTERM ends one
    # at once (the parent's handler, inherited, would raise wherever the worker is, and print a traceback).
    for number, handling in ((signal.SIGINT, signal.SIG_IGN), (signal.SIGHUP, signal.SIG_IGN),
                             (signal.SIGTERM, signal.SIG_DFL)):
        signal.signal(number, handling)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING_SIGNALS)  # held by the parent while it forked
    preparer = BatchPreparer(settings)
    try:
        while True:
            try:
                loaded = pipe.recv()
            except EOFError:
                return
            pipe.send(preparer.prepare(loaded))
    except (BrokenPipeError, ConnectionResetError):
        return  # the parent is gone
    except Exception:  # noqa: BLE001 - the parent raises it
        with contextlib.suppress(OSError):  # the parent gone as well: nobody is left to tell
            pipe.send(traceback.format_exc())


class Cleaner:
    """Turns prepared batches (see ``BatchPreparer``) into task and exclusion rows, in order.

    Documents are read and cleaned in batches of about BATCH_CHARS characters: the
    batch's words, chrome screen, language hits and sketches are computed by
    numpy over the whole batch, and only the decisions that depend on what came
    before (duplicates) are taken here, segment by segment. The index of kept tasks
    is compact: ids as ints in a dict, counts in arrays, sketches in one array.
    """

    def __init__(self, settings: PreloadSettings, writer: _Writer, report: PreloadReport, workers: bool = False) -> None:
        self.settings = settings
        self.writer = writer
        self.report = report
        self.workers = workers
        self.kept: dict[int, int] = {}  # task id (its 64 bits) -> task number
        # Ids of the segments merged as near-duplicates, whose copies in later batches need no language (in one
        # process, BatchPreparer.prepare): an int a near-duplicate (690 per 10 MB of bench pages; 18,916 tasks kept).
        self.merged: set[int] = set()
        self.task_ids = array("Q")
        self.copies = array("i")
        self.near_duplicates = array("i")
        self.documents = array("i")  # distinct documents each task was found in
        self.last_document = array("i")
        self.near_elsewhere = array("b")  # a near-duplicate came from another document
        self.short = array("b")
        self.places = array("b")  # PLACE_* bits of where a short task's copies were
        # Short tasks kept as a Markdown heading: a recipe's title again over its card is no signature nor footer.
        self.headings: set[int] = set()
        # Paragraphs (long segments or sentences) kept or merged in the document being read, as (document index,
        # count), the count when each task was last seen, and whether any of its copies had a paragraph (or chrome)
        # between it and the one before: a running header's copies have a page of text between them, a song's refrain
        # only its verses' short lines.
        self.paragraphs_read = (-1, 0)
        self.paragraphs_at = array("i")
        self.spread = array("b")
        self.footer_lines: dict[int, str] = {}  # task id -> why its line is in a page's footer
        # The long task that first followed each short one in its document (-1: none), the short tasks whose copy
        # is followed by that task's copy again (a repeated post's opening line), and the last segment kept or
        # merged: (document index, task, whether it was a copy).
        self.followers = array("i")
        self.post_openers: set[int] = set()
        # A syndicated story's short paragraph: the long task before each short one in its first document, and, per
        # short task, (how many other documents had a copy of it beside the same long paragraph again, the last such
        # document). A site's template line sits beside each page's own text instead (see _sits_in_a_copied_story).
        self.preceders: dict[int, int] = {}
        self.beside_its_story: dict[int, tuple[int, int]] = {}
        # How many copies (exact or near) of each short task were followed in their document by a paragraph new to the
        # corpus: a section's heading ("Introdução") heads new text in every article, a site's template line does not.
        self.heads_new_text = array("i")
        # Whether each task was found as a document's first segment (a site's tagline over its story), and the
        # document of the last segment read.
        self.opens_document = array("b")
        self.row_document = -1
        self.last_content: tuple[int, int, bool] | None = None
        threshold = settings.near_duplicate_threshold
        self.near = NearDuplicateIndex(threshold) if threshold < 1 else None
        self.position = 0
        self.excluded: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()

    def run(self, files: Sequence[SourceFile], sizes: Sequence[int], loaders: Sequence[Loader] = ()) -> None:
        """Clean ``files`` (``sizes``: their sizes in bytes, for the progress log;
        ``loaders``: what reads an archive's members)."""
        # The run allocates many short-lived objects and no reference cycles:
        # the cyclic collector would only rescan the growing index, again and again.
        collecting = gc.isenabled()
        gc.disable()
        progress = ProgressLog(sizes)
        loaded = DocumentReader(self.report).batches(files, sizes, loaders)
        batches = prepared(self.settings, loaded, sum(sizes), self.workers, self.kept, self.merged)
        try:
            for batch, read in batches:
                self.take(batch)
                for size in read:
                    progress.advance(size)
        finally:
            batches.close()
            if collecting:
                gc.enable()
        self._exclude_template_lines()
        self._store_counts()
        self.report.tasks = len(self.kept)
        self.report.excluded = dict(self.excluded)
        self.report.languages = dict(self.languages)

    def take(self, batch: PreparedBatch) -> None:
        """Take the decisions on a prepared batch's segments that depend on the segments before, in order: each is
        chrome, a copy of a kept task, a near-duplicate of one, or a new task."""
        self.report.segments += len(batch.rows) + len(batch.left_out)
        left_out = 0  # the next of batch.left_out to exclude
        near = BatchNearDuplicates(self.near, batch.sketches) if self.near is not None and batch.sketches else None
        for number, (anota_id, *columns) in enumerate(batch.rows):
            if batch.left_out:
                left_out = self._exclude_left_out(batch.left_out, left_out, number)
            row = (anota_id, self.position, *columns)
            self.position += 1
            document_index = batch.document_indexes[number]
            # A short line at a document's top (see _is_section_heading).
            opener, self.row_document = document_index != self.row_document and batch.short[number], document_index
            if batch.paragraphs[number]:
                self._paragraph_read(document_index)
            chrome = batch.chrome[number]
            if chrome is not None:
                self._exclude(row, *chrome)
                continue
            key = int(anota_id, 16)
            if (footer := batch.footers[number]) is not None:
                # Kept until every document is read: a line repeated across
                # documents is left out as template, the likelier reason.
                self.footer_lines.setdefault(key, footer)
            task = self.kept.get(key)
            if task is not None:
                self._take_copy(row, task, document_index, batch.places[number], opener)
            elif (match := near.match(number) if near is not None else None) is not None and not _told_by_figures(
                    batch, number):
                self._take_near_duplicate(row, key, document_index, match, opener)
            else:
                # A new task: the common case, taken here (a call a segment would cost 1.3% of take's instructions).
                task = self._keep(key, document_index, batch.short[number], batch.places[number], opener)
                if batch.headings[number]:
                    self.headings.add(task)
                if batch.paragraphs[number]:
                    self._note_new_paragraph(document_index)
                self._follow(document_index, task, False)
                if near is not None:
                    near.add(number, task)
                language = batch.languages[number]
                self.languages[language] += 1
                self.writer.task((*row, language, 1, 0))
        self._exclude_left_out(batch.left_out, left_out, len(batch.rows))
        if batch.rows and self.near is not None:
            self.near.end_batch()

    def _take_copy(self, row: tuple[Any, ...], task: int, document_index: int, place: int, opener: bool) -> None:
        """Exclude an exact copy of kept task number ``task``, and note where it was."""
        if opener:
            self.opens_document[task] = True
        self._seen_again(task, document_index, place)
        self._follow(document_index, task, True)
        self._exclude(row, "duplicate", f"exact duplicate of task {row[0]} (copy {self.copies[task]})", row[0])

    def _take_near_duplicate(
        self, row: tuple[Any, ...], key: int, document_index: int, match: tuple[int, float], opener: bool
    ) -> None:
        """Exclude a near-duplicate of kept task number ``match[0]`` (``match[1]``: their similarity)."""
        if opener:
            self.opens_document[match[0]] = True
        self._follow(document_index, match[0], True)
        self._exclude_near_duplicate(row, document_index, *match)
        self.merged.add(key)

    def _exclude_left_out(self, left_out: list[tuple[int, tuple[Any, ...], str]], first: int, before: int) -> int:
        """Exclude, in order from ``first``, the segments of parts left out by a loader (PreparedBatch.left_out) that
        are listed before the batch's segment ``before``: in their place in the source. Returns the next one's index."""
        while first < len(left_out) and left_out[first][0] <= before:
            _number, (anota_id, *columns), reason = left_out[first]
            self._exclude((anota_id, self.position, *columns), "boilerplate", reason)
            self.position += 1
            first += 1
        return first

    def _exclude_near_duplicate(self, row: tuple[Any, ...], document_index: int, original: int, score: float) -> None:
        self.near_duplicates[original] += 1
        self._note_spread(original, document_index)
        if document_index != self.last_document[original]:
            self.near_elsewhere[original] = True
        original_id = f"{self.task_ids[original]:016x}"
        self._exclude(row, "near-duplicate", (
            f"near-duplicate of task {original_id} (word similarity {score:.2f}"
            f" >= {self.settings.near_duplicate_threshold:g})"
        ), original_id)

    def _keep(self, key: int, document_index: int, short: bool, place: int, opener: bool) -> int:
        task = len(self.task_ids)
        self.kept[key] = task
        self.task_ids.append(key)
        self.copies.append(1)
        self.near_duplicates.append(0)
        self.documents.append(1)
        self.last_document.append(document_index)
        self.near_elsewhere.append(False)
        self.short.append(short)
        self.places.append(place if short else PLACE_INSIDE)
        self.followers.append(-1)
        self.paragraphs_at.append(self._paragraphs_so_far(document_index))
        self.spread.append(False)
        self.heads_new_text.append(0)
        self.opens_document.append(opener)
        return task

    def _follow(self, document_index: int, task: int, copy: bool) -> None:
        """Note the paragraph that follows a short line in its document. A short line's copy followed by a copy of
        the paragraph that followed the line the first time opens the post again: the post is repeated (its
        opening line is a duplicate, as its paragraphs are), where a signature under two posts is followed by
        another post, or by nothing."""
        last = self.last_content
        if last is not None and last[0] == document_index:
            if self.short[last[1]] and not self.short[task]:
                if not last[2]:
                    self.followers[last[1]] = task
                elif self.followers[last[1]] == task:
                    self.post_openers.add(last[1])
                    self._copied_beside_its_story(last[1], document_index)
            elif self.short[task] and not self.short[last[1]]:
                if not copy:
                    self.preceders[task] = last[1]
                elif self.preceders.get(task) == last[1]:
                    self._copied_beside_its_story(task, document_index)
        self.last_content = (document_index, task, copy)

    def _copied_beside_its_story(self, task: int, document_index: int) -> None:
        """Count the document of a short task's copy that follows, or is followed by, a copy of the long paragraph
        it followed, or was followed by, the first time: the line is part of a copied story there."""
        documents, last = self.beside_its_story.get(task, (0, -1))
        if document_index != last:
            self.beside_its_story[task] = (documents + 1, document_index)

    def _note_new_paragraph(self, document_index: int) -> None:
        """Count a paragraph new to the corpus for the short line it follows in its document (_is_section_heading)."""
        last = self.last_content
        if last is not None and last[0] == document_index and self.short[last[1]]:
            self.heads_new_text[last[1]] += 1

    def _paragraph_read(self, document_index: int) -> None:
        """Count a paragraph (a long segment or a sentence, no verse's line) or a chrome line read in the document."""
        read_in, count = self.paragraphs_read
        self.paragraphs_read = (document_index, count + 1 if read_in == document_index else 1)

    def _paragraphs_so_far(self, document_index: int) -> int:
        read_in, count = self.paragraphs_read
        return count if read_in == document_index else 0

    def _note_spread(self, task: int, document_index: int) -> None:
        """Whether a paragraph was read between this copy (exact or near) of a task and the one before, in its document."""
        read = self._paragraphs_so_far(document_index)
        if document_index == self.last_document[task] and read != self.paragraphs_at[task]:
            self.spread[task] = True
        self.paragraphs_at[task] = read

    def _seen_again(self, task: int, document_index: int, place: int) -> None:
        self._note_spread(task, document_index)
        self.copies[task] += 1
        if self.short[task]:
            self.places[task] |= place
        if document_index != self.last_document[task]:  # documents come in order
            self.documents[task] += 1
            self.last_document[task] = document_index

    def _exclude(self, row: tuple[Any, ...], kind: str, reason: str, kept_id: str | None = None) -> None:
        self.excluded[kind] += 1
        self.writer.exclusion((*row, kind, reason, kept_id))

    def _exclude_template_lines(self) -> None:
        """Leave out the short kept lines that repeat as a site's template
        does, and the footer lines kept until every document was read."""
        template, edge_lines, numbered_pairs = self._repeated_lines()
        if not template and not edge_lines and not numbered_pairs and not self.footer_lines:
            return
        self.writer.flush()
        session = self.writer.session
        for key, reason in edge_lines.items():
            text = session.get(Task, f"{key:016x}").text.rstrip()
            if not (SENTENCE_PUNCTUATION.search(without_closing_emoji(text)) or text.endswith(",")):
                template[key] = reason
        for key, reason in numbered_pairs.items():
            if ends_in_running_page_number(session.get(Task, f"{key:016x}").text):
                template[key] = reason
        for key, reason in self.footer_lines.items():
            if key in self.kept:
                template.setdefault(key, reason)
        for key, reason in template.items():
            self._exclude_kept(session, key, reason)
        self._exclude_merged_copies(session, {f"{key:016x}": reason for key, reason in template.items()})
        self.writer.flush()
        self.languages = +self.languages
        self.excluded = +self.excluded

    def _repeated_lines(self) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
        """Short kept lines repeated as a template is, by key and why: those
        left out whatever they say, those left out when they are no sentence,
        and those left out when they end in a page's number.

        Only known once every document is read: a short segment found in
        several documents is the site's template (a tagline, a menu label),
        unless it is a sentence copied with its story (_sits_in_a_copied_story).
        So is one repeated, exactly or nearly, within one document: the
        running header or footer of a report's pages (the page number changes),
        with a paragraph between two of its copies (a song's refrain has only
        its verses' lines between them, and so has no signature under posts).
        Two copies are enough for a line that is no sentence when they sit
        at both the top and the bottom of pages (a tagline in the header and
        the footer), at the bottom of two documents (a signature), or below
        the top of one document (a signature under two posts of a thread);
        a Markdown heading's copies are a title again (a recipe's over its card);
        two copies at the top may be one story's headline, kept, as is the
        opening line of a post the page repeats, wherever it is (see _follow).
        Two copies with a word or number changed, apart, are a running line
        when it ends in the page's number ("Documento interno ...   2/3" under
        a pasted PDF's two pages, which no form feed parts; s52-acceptance2)."""
        template: dict[int, str] = {}
        edge_lines: dict[int, str] = {}
        numbered_pairs: dict[int, str] = {}
        for key, task in self.kept.items():
            if not self.short[task]:
                continue
            documents, copies, near = self.documents[task], self.copies[task], self.near_duplicates[task]
            if documents >= TEMPLATE_DOCUMENTS:
                if self._is_section_heading(task):
                    continue
                # A copied story's short paragraph is left out only if it is no sentence.
                repeated = edge_lines if self._sits_in_a_copied_story(task) else template
                repeated[key] = f"repeated in {documents} documents: page template"
            elif documents == 1 and not self.near_elsewhere[task] and copies + near >= TEMPLATE_DOCUMENTS \
                    and self.spread[task]:
                template[key] = (
                    f"repeated {copies + near} times in one document ({near} with a word or number changed):"
                    " running header or footer"
                )
            elif documents == 1 and not self.near_elsewhere[task] and copies == near == 1 and self.spread[task]:
                numbered_pairs[key] = \
                    "repeated twice in one document with its page number changed: running header or footer"
            elif task in self.post_openers or task in self.headings:
                continue  # a repeated post's opening line (see _follow), a title again: its copy is merged as a duplicate
            elif copies > 1 and self.places[task] == PLACE_START | PLACE_END:
                edge_lines[key] = f"repeated {copies} times, at the top and at the bottom of pages: a site's header and footer"
            elif documents == 2 and self.places[task] == PLACE_END:
                edge_lines[key] = "repeated at the end of 2 documents: a signature or footer"
            elif documents == 1 and copies > 1 and not self.places[task] & PLACE_START and self.spread[task]:
                edge_lines[key] = f"repeated {copies} times below the top of one document: a signature under its posts"
        return template, edge_lines, numbered_pairs

    def _sits_in_a_copied_story(self, task: int) -> bool:
        """Whether a short task found in several documents sits, in every document after its first, beside a copy of
        the long paragraph it sat beside the first time: a syndicated story's short paragraph, copied with its long
        ones, which stays (once, with its copies) when it reads as a sentence (_exclude_template_lines). A site's
        template line sits beside each page's own text, new to the corpus, at least in some of its documents."""
        return self.beside_its_story.get(task, (0, -1))[0] >= self.documents[task] - 1

    def _is_section_heading(self, task: int) -> bool:
        """Whether a short task found in several documents is a section's heading repeated across articles
        ("Introdução", "Methods"), content, rather than the site's template: every copy heads text new to the corpus,
        and none opens its document nor stands at its edge (a Markdown heading may be in its last lines: its last
        section's)."""
        place = self.places[task]
        if self.opens_document[task] or place & PLACE_START or place & PLACE_END and task not in self.headings:
            return False
        return self.heads_new_text[task] >= self.copies[task] + self.near_duplicates[task]

    def _exclude_kept(self, session: Any, key: int, reason: str) -> None:
        """Move a kept task to the exclusions as boilerplate (its copies and
        near-duplicates follow it in _exclude_merged_copies)."""
        task = self.kept.pop(key)
        anota_id = f"{key:016x}"
        copies, near = self.copies[task], self.near_duplicates[task]
        row = session.get(Task, anota_id)
        self.writer.exclusion((
            anota_id, row.position, row.text, row.source, row.start, row.end, json.dumps(row.data),
            "boilerplate", reason, None,
        ))
        session.delete(row)
        self.languages[row.language] -= 1
        self.excluded["duplicate"] -= copies - 1
        self.excluded["near-duplicate"] -= near
        self.excluded["boilerplate"] += copies + near

    @staticmethod
    def _exclude_merged_copies(session: Any, reasons: dict[str, str]) -> None:
        """Leave out as boilerplate, for the reason of the task they were merged into (by its id in ``reasons``), the
        copies and near-duplicates excluded as such until now. ``kept_id`` has no index (no query looks a row up by
        it): a statement reads every exclusion, so one is made for UPDATE_KEYS tasks, not one a task."""
        ids = list(reasons)
        for first in range(0, len(ids), UPDATE_KEYS):
            some = {anota_id: reasons[anota_id] for anota_id in ids[first : first + UPDATE_KEYS]}
            session.execute(update(Exclusion).where(Exclusion.kept_id.in_(some)).values(
                kind="boilerplate", reason=case(some, value=Exclusion.kept_id), kept_id=None))

    def _store_counts(self) -> None:
        self.writer.flush()
        merged = [
            (f"{key:016x}", self.copies[task], self.near_duplicates[task])
            for key, task in self.kept.items() if self.copies[task] > 1 or self.near_duplicates[task]
        ]
        if merged:
            self.writer.set_counts(merged)


# A short text in another language than its page's takes the page's (``its_own_language``): by its frequent words,
# or else the identifier's on the page's text (a page of a title and a line or two has too few frequent words to
# settle it, and its foreign title was skipped by /predict).
# A page's language is asked of its first DOCUMENT_SAMPLE characters (of which the identifier reads LANGUAGE_SAMPLE).
DOCUMENT_SAMPLE = 2000


class _BatchLanguages:
    """Languages of a batch's segments: by stopword hits counted for the whole
    batch at once; an unclear text that is very short, has no stopword that
    points elsewhere, or leans to its document's clear language takes the
    document's language; the language identifier decides the rest."""

    def __init__(
        self, languages: Sequence[str], words: BatchWords, slots: Sequence[int],
        documents: Sequence[tuple[Document, int]],
    ) -> None:
        self.languages = languages
        self.documents = documents
        self.slots = slots
        self.quick: list[str | None] = [None] * len(slots)
        self.document_quick: list[str | None] = [None] * len(documents)
        self.leaning: list[str | None] = [None] * len(slots)
        # Stopwords are listed for pt, en and es only: with another language
        # among ``languages`` nothing is counted, and the identifier decides.
        self.counted = all(language in _STOPWORD_HASHES for language in languages)
        if not self.counted:
            return
        hits = np.stack([words.distinct_counts(_STOPWORD_HASHES[language]) for language in languages], axis=1)
        other_hits = words.distinct_counts(_OTHER_LANGUAGES_HASHES)
        self.quick = decide_languages(hits, languages, other_hits)
        # The language with the most hits, when no other has as many; OTHER_LANGUAGE when the words of
        # other languages outnumber them (a French paragraph in a Portuguese page).
        ordered = np.sort(hits, axis=1)
        alone = ordered[:, -1] > (ordered[:, -2] if len(languages) > 1 else -1)
        self.leaning = [OTHER_LANGUAGE if other else languages[best] if lead else None
                        for best, lead, other in zip(np.argmax(hits, axis=1).tolist(), alone.tolist(),
                                                     (other_hits > ordered[:, -1]).tolist())]
        document_hits = np.zeros((len(documents), len(languages) + 1), dtype=np.int64)
        np.add.at(document_hits, np.asarray(slots), np.column_stack([hits, other_hits]))
        self.document_quick = decide_languages(document_hits[:, :-1], languages, document_hits[:, -1])

    def of_all(self, asked: Sequence[tuple[int, str, int]]) -> Iterator[tuple[int, str]]:
        """Each asked segment's number and language (``_own_language``, else its page's), in order. The samples the
        identifier reads of the segments that need it, then of the pages that some segment takes the language of,
        are encoded and their features found in one search each: one call's search amid the loop finds the
        identifier's table out of the cache."""
        needing = [(number, text) for number, text, words in asked if self._needs_identifier(number, words)]
        samples = dict(zip([number for number, _text in needing],
                           encoded_samples([text for _number, text in needing], self.languages), strict=True))
        own = [(number, *self._own_language(number, text, words, samples.get(number))) for number, text, words in asked]
        pages = self._document_languages(sorted({self.slots[number] for number, _language, settled in own if not settled}))
        for number, language, settled in own:
            if not settled:
                page = pages[self.slots[number]]
                language = language if language is not None and page not in self.languages else page
            yield number, language

    def _needs_identifier(self, number: int, words: int) -> bool:
        """Whether the segment's language is the identifier's to tell (``_own_language``): no frequent words decide it,
        and it is long enough to be told apart from its page's."""
        if self.quick[number]:
            return False
        leaning = self.leaning[number]
        leans_away = leaning is not None and leaning != self.document_quick[self.slots[number]]
        return words >= LEANING_TEXT_WORDS and (leans_away or not self.counted)

    def _own_language(self, number: int, text: str, words: int, sample: EncodedText | None) -> tuple[str | None, bool]:
        """The segment's language and True when it is settled by the text (``sample``: its text's, as
        ``encoded_samples`` gave it); else False with None (the page's language is the segment's) or with the
        identifier's language, unlisted, which is the segment's only if its page's is unlisted too
        (``its_own_language``)."""
        if language := self.quick[number]:
            return language, True
        if self._needs_identifier(number, words):
            language, likeliest = identified_language(text, self.languages, sample)
            its_own = its_own_language(language, likeliest, self.leaning[number], words, self.languages)
            if its_own is not False:
                return language, bool(its_own)
        return None, False

    def _document_languages(self, slots: Sequence[int]) -> dict[int, str]:
        """The languages of the documents at ``slots``: by their frequent words, else by the identifier, on the
        samples of all those it reads found together."""
        unclear = [slot for slot in slots if not self.document_quick[slot]]
        texts = [self.documents[slot][0].text[:DOCUMENT_SAMPLE] for slot in unclear]
        identified = {slot: identified_language(text, self.languages, sample)[0]
                      for slot, text, sample in zip(unclear, texts, encoded_samples(texts, self.languages), strict=True)}
        return {slot: self.document_quick[slot] or identified[slot] for slot in slots}
