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
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import logging
import re
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import bindparam, case, delete, insert, update

from server.analysis import (
    DISTINCTIVE_STOPWORDS,
    OTHER_LANGUAGES_STOPWORDS,
    WORD_TOKEN,
    decide_languages,
    detect_language,
    identified_language,
    normalise,
    task_language,
)
from server.batch_words import BatchWords, batch_words, word_hash_set
from server.boilerplate import (
    PLACE_END, PLACE_INSIDE, PLACE_START, SENTENCE_PUNCTUATION, SHORT_WORDS, TEMPLATE_DOCUMENTS, BatchLines, DecidedLine,
    Decision, Position, Segment, is_ad_slot, is_markdown_heading, without_closing_emoji,
)
from server.archives import archive_members
from server.near_duplicates import BatchNearDuplicates, NearDuplicateIndex
from server.segmentation import UNITS, segment
from server.sources import (
    MISSING_SOURCE, Document, LeftOut, Loader, LoaderError, SourceFile, file_digest, find_source_files, is_archive,
    no_loader_reason,
)
from server.tasks import Exclusion, PreloadRun, Task

if TYPE_CHECKING:
    from flask import Flask

    from server.db import Database

log = logging.getLogger(__name__)

# Bump when a change here changes which tasks come out: stored runs are redone.
PIPELINE_VERSION = "58"
PRELOAD_RUN_ID = 1
INSERT_BATCH = 2000
# Tasks whose merged copies one UPDATE leaves out (three bound parameters each: far below any database's limit).
UPDATE_KEYS = 300
# A sentence's close at a segment's end: a paragraph of prose, where a song's or poem's lines seldom have one.
_SENTENCE_CLOSE = re.compile(r"[.!?…]['\"”’»)\]]*\s*$")
# Characters of documents cleaned together (numpy work is per batch).
BATCH_CHARS = 1_000_000
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
# What a text leans to when the frequent words of languages without a list outnumber the listed ones'.
OTHER_LANGUAGE = "other"
# From this many words, an unclear text whose stopwords lean to another language
# than its document's is identified on its own (a paragraph in English quoted in a
# Portuguese page); a shorter one ("Ok.", "Ver original") takes its document's.
LEANING_TEXT_WORDS = 4

# -------------------------------------------------------------------------
# The preload run
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class PreloadSettings:
    unit: str
    near_duplicate_threshold: float
    languages: tuple[str, ...]
    loaders: tuple[str, ...]

    @classmethod
    def from_app(cls, app: Flask, loaders: Sequence[Loader]) -> PreloadSettings:
        unit = str(app.config["TASK_UNIT"]).strip().lower()
        if unit not in UNITS:
            raise ValueError(f"TASK_UNIT must be one of {', '.join(UNITS)}, not {unit!r}")
        threshold = float(app.config["NEAR_DUPLICATE_THRESHOLD"])
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"NEAR_DUPLICATE_THRESHOLD must be in (0, 1], not {threshold}")
        described = tuple(f"{type(loader).__module__}.{type(loader).__name__}:{loader.version}" for loader in loaders)
        return cls(unit, threshold, tuple(app.config["LANGUAGES"]), described)


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
    report = preload(state.database, app.config["SOURCES"], loaders, PreloadSettings.from_app(app, loaders))
    plugin_of = {loader.name: plugin for plugin, loader in state.loaders}
    for loader_name, failures in report.loader_failures.items():
        state.metrics.plugin_errors.labels(plugin_of.get(loader_name, ""), loader_name, "loader").inc(failures)
    return report


def preload(
    database: Database, sources: Sequence[str], loaders: Sequence[Loader], settings: PreloadSettings
) -> PreloadReport:
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
    report = PreloadReport(fingerprint=fingerprint, skipped=[{"path": s.path, "reason": s.reason} for s in skipped])
    with database.session() as session:
        session.execute(delete(Task))
        session.execute(delete(Exclusion))
        writer = _Writer(session)
        Cleaner(settings, writer, report).run(files, [size or 0 for _path, size, _mtime in signature], loaders)
        writer.flush()
        report.seconds = round(time.perf_counter() - started, 3)
        session.merge(PreloadRun(
            id=PRELOAD_RUN_ID, fingerprint=fingerprint, stat_signature=[settings_key, signature],
            report=report.as_dict(),
        ))
    _log_report(report)
    return report


def _loaded_item_problem(item: object) -> str | None:
    """Why what a loader yielded is neither a usable Document nor a LeftOut
    (the cleaning would fail on it, or lose it in silence), or None."""
    if isinstance(item, LeftOut):
        return None
    if not isinstance(item, Document):
        return f"it yielded {type(item).__name__} {item!r:.60}, not a Document or LeftOut"
    if not (isinstance(item.text, str) and isinstance(item.source, str) and isinstance(item.data, dict)):
        return f"a Document needs text and source strings and a dict of data, not {item!r:.80}"
    return None


def _reused(stored_report: dict[str, Any], started: float) -> PreloadReport:
    report = PreloadReport(**{**stored_report, "reused": True})
    report.seconds = round(time.perf_counter() - started, 3)
    log.info("preload: sources unchanged, serving the %d stored tasks", report.tasks)
    _log_problems(report)  # still true of the stored run: said again on every start
    return report


def _log_problems(report: PreloadReport) -> None:
    """Warn of the files that could not be loaded and the configured sources that are not there."""
    for error in report.errors:
        log.warning("preload: cannot load %s: %s", error["path"], error["reason"])
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


class Cleaner:
    """Turns documents into task and exclusion rows, in order.

    Documents are cleaned in batches of about BATCH_CHARS characters: the
    batch's words, chrome screen, language hits and sketches are computed by
    numpy over the whole batch, and only the decisions that depend on what came
    before (duplicates) are taken segment by segment. The index of kept tasks
    is compact: ids as ints in a dict, counts in arrays, sketches in one array.
    """

    def __init__(self, settings: PreloadSettings, writer: _Writer, report: PreloadReport) -> None:
        self.settings = settings
        self.writer = writer
        self.report = report
        self.kept: dict[int, int] = {}  # task id (its 64 bits) -> task number
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
        self.last_content: tuple[int, int, bool] | None = None
        threshold = settings.near_duplicate_threshold
        self.near = NearDuplicateIndex(threshold) if threshold < 1 else None
        self.position = 0
        self.excluded: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.batch: list[tuple[Document, int]] = []
        self.batch_chars = 0
        self.decided: dict[DecidedLine, Decision] = {}

    def run(self, files: Sequence[SourceFile], sizes: Sequence[int], loaders: Sequence[Loader] = ()) -> None:
        """Clean ``files`` (``sizes``: their sizes in bytes, for the progress log;
        ``loaders``: what reads an archive's members)."""
        by_suffix = {suffix: loader for loader in loaders for suffix in loader.suffixes}
        # The run allocates many short-lived objects and no reference cycles:
        # the cyclic collector would only rescan the growing index, again and again.
        collecting = gc.isenabled()
        gc.disable()
        progress = ProgressLog(sizes)
        try:
            document_index = 0
            for source, size in zip(files, sizes, strict=True):
                for member in self._files_in(source, by_suffix):
                    documents = self._load(member)
                    if documents is not None:
                        self.report.files += 1
                        for document in documents:
                            self.add_document(document, document_index)
                            document_index += 1
                progress.advance(size)
            self.clean_batch()
        finally:
            if collecting:
                gc.enable()
        self.report.documents = document_index
        self._exclude_template_lines()
        self._store_counts()
        self.report.tasks = len(self.kept)
        self.report.excluded = dict(self.excluded)
        self.report.languages = dict(self.languages)

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
                reason = self._loader_failed(source.loader, f"{type(exc).__name__}: {exc}")
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

    def add_document(self, document: Document, document_index: int) -> None:
        """Queue a document; the batch is cleaned when it is large enough."""
        self.batch.append((document, document_index))
        self.batch_chars += len(document.text)
        if self.batch_chars >= BATCH_CHARS:
            self.clean_batch()

    def clean_batch(self) -> None:
        """Clean the queued documents, in order."""
        documents, self.batch, self.batch_chars = self.batch, [], 0
        segments = self._segments(documents)
        self.report.segments += len(segments)
        if not segments:
            return
        normalised = [normalise(text) for _slot, _index, _count, _start, _end, text in segments]
        words = batch_words(normalised)
        lines = BatchLines(documents, segments, normalised, words, self.decided)
        languages = _BatchLanguages(self.settings.languages, words, [slot for slot, *_rest in segments], documents)
        near = BatchNearDuplicates(self.near, words) if self.near is not None else None
        data = [json.dumps(document.data) for document, _index in documents]
        for number, (slot, _index, _count, start, end, text) in enumerate(segments):
            document, document_index = documents[slot]
            anota_id = hashlib.sha256(normalised[number].encode("utf-8")).hexdigest()[:16]
            row = (anota_id, self.position, text, document.source, start, end, data[slot])
            self.position += 1
            chrome, footer = lines.excluded(number)
            if chrome is not None:
                # A post's chrome (its buttons, the next author's line) parts a signature's copies under short posts
                # that end in no stop ("lol same here") as a paragraph does; a song's refrain has only its verses
                # between its copies, and maybe an ad's slot, which the text goes on under.
                if not is_ad_slot(text):
                    self._paragraph_read(document_index)
                self._exclude(row, *chrome)
                continue
            if lines.counts[number] > SHORT_WORDS or _SENTENCE_CLOSE.search(text) is not None:
                self._paragraph_read(document_index)
            key = int(anota_id, 16)
            if footer is not None:
                # Kept until every document is read: a line repeated across
                # documents is left out as template, the likelier reason.
                self.footer_lines.setdefault(key, footer)
            task = self.kept.get(key)
            if task is not None:
                self._seen_again(task, document_index, lines.positions[number])
                self._follow(document_index, task, True)
                self._exclude(row, "duplicate", f"exact duplicate of task {anota_id} (copy {self.copies[task]})", anota_id)
                continue
            match = near.match(number) if near is not None else None
            if match is not None:
                self._follow(document_index, match[0], True)
                self._exclude_near_duplicate(row, document_index, *match)
                continue
            # Words as _chrome counts them: batch counts split hyphenated
            # words, so a text with up to twice SHORT_WORDS is counted again.
            words_in_text = lines.counts[number]
            if SHORT_WORDS < words_in_text <= 2 * SHORT_WORDS:
                words_in_text = len(WORD_TOKEN.findall(normalised[number]))
            task = self._keep(key, document_index, words_in_text <= SHORT_WORDS, lines.positions[number])
            if self.short[task] and is_markdown_heading(document.text, start):
                self.headings.add(task)
            self._follow(document_index, task, False)
            if near is not None:
                near.add(number, task)
            language = languages.of(number, text, words_in_text)
            self.languages[language] += 1
            self.writer.task((*row, language, 1, 0))
        if self.near is not None:
            self.near.end_batch()
        self._keep_line_decisions()

    def _keep_line_decisions(self) -> None:
        """Forget the batch's decisions on segments longer than DECIDED_LINE_CHARS, and the oldest beyond DECIDED_LINES."""
        lines = [(line, decision) for line, decision in self.decided.items() if len(line[0]) <= DECIDED_LINE_CHARS]
        self.decided = dict(lines[-DECIDED_LINES:])

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

    def _segments(self, documents: Sequence[tuple[Document, int]]) -> list[Segment]:
        """``(document slot, index in the document, segments in the document,
        start, end, text)`` of every segment of the batch."""
        unit, languages = self.settings.unit, self.settings.languages
        segments = []
        for slot, (document, _index) in enumerate(documents):
            unit_language = task_language(document.text[:2000], languages) if unit == "sentence" else None
            spans = segment(document.text, unit, unit_language)
            text = document.text
            segments.extend(
                (slot, index, len(spans), start, end, text[start:end]) for index, (start, end) in enumerate(spans)
            )
        return segments

    def _keep(self, key: int, document_index: int, short: bool, position: Position) -> int:
        task = len(self.task_ids)
        self.kept[key] = task
        self.task_ids.append(key)
        self.copies.append(1)
        self.near_duplicates.append(0)
        self.documents.append(1)
        self.last_document.append(document_index)
        self.near_elsewhere.append(False)
        self.short.append(short)
        self.places.append(position.place if short else PLACE_INSIDE)
        self.followers.append(-1)
        self.paragraphs_at.append(self._paragraphs_so_far(document_index))
        self.spread.append(False)
        return task

    def _follow(self, document_index: int, task: int, copy: bool) -> None:
        """Note the paragraph that follows a short line in its document. A short line's copy followed by a copy of
        the paragraph that followed the line the first time opens the post again: the post is repeated (its
        opening line is a duplicate, as its paragraphs are), where a signature under two posts is followed by
        another post, or by nothing."""
        last = self.last_content
        if last is not None and last[0] == document_index and self.short[last[1]] and not self.short[task]:
            if not last[2]:
                self.followers[last[1]] = task
            elif self.followers[last[1]] == task:
                self.post_openers.add(last[1])
        self.last_content = (document_index, task, copy)

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

    def _seen_again(self, task: int, document_index: int, position: Position) -> None:
        self._note_spread(task, document_index)
        self.copies[task] += 1
        if self.short[task]:
            self.places[task] |= position.place
        if document_index != self.last_document[task]:  # documents come in order
            self.documents[task] += 1
            self.last_document[task] = document_index

    def _exclude(self, row: tuple[Any, ...], kind: str, reason: str, kept_id: str | None = None) -> None:
        self.excluded[kind] += 1
        self.writer.exclusion((*row, kind, reason, kept_id))

    def _exclude_template_lines(self) -> None:
        """Leave out the short kept lines that repeat as a site's template
        does, and the footer lines kept until every document was read."""
        template, edge_lines = self._repeated_lines()
        if not template and not edge_lines and not self.footer_lines:
            return
        self.writer.flush()
        session = self.writer.session
        for key, reason in edge_lines.items():
            text = session.get(Task, f"{key:016x}").text.rstrip()
            if not (SENTENCE_PUNCTUATION.search(without_closing_emoji(text)) or text.endswith(",")):
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

    def _repeated_lines(self) -> tuple[dict[int, str], dict[int, str]]:
        """Short kept lines repeated as a template is, by key and why: those
        left out whatever they say, and those left out when they are no sentence.

        Only known once every document is read: a short segment found in
        several documents is the site's template (a tagline, a menu label).
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
        opening line of a post the page repeats, wherever it is (see _follow)."""
        template: dict[int, str] = {}
        edge_lines: dict[int, str] = {}
        for key, task in self.kept.items():
            if not self.short[task]:
                continue
            documents, copies, near = self.documents[task], self.copies[task], self.near_duplicates[task]
            if documents >= TEMPLATE_DOCUMENTS:
                template[key] = f"repeated in {documents} documents: page template"
            elif documents == 1 and not self.near_elsewhere[task] and copies + near >= TEMPLATE_DOCUMENTS \
                    and self.spread[task]:
                template[key] = (
                    f"repeated {copies + near} times in one document ({near} with a word or number changed):"
                    " running header or footer"
                )
            elif task in self.post_openers or task in self.headings:
                continue  # a repeated post's opening line (see _follow), a title again: its copy is merged as a duplicate
            elif copies > 1 and self.places[task] == PLACE_START | PLACE_END:
                edge_lines[key] = f"repeated {copies} times, at the top and at the bottom of pages: a site's header and footer"
            elif documents == 2 and self.places[task] == PLACE_END:
                edge_lines[key] = "repeated at the end of 2 documents: a signature or footer"
            elif documents == 1 and copies > 1 and not self.places[task] & PLACE_START and self.spread[task]:
                edge_lines[key] = f"repeated {copies} times below the top of one document: a signature under its posts"
        return template, edge_lines

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


# From this many words, a text the identifier finds in a language outside the listed ones is in that language
# though its page is in a listed one (a paragraph quoted in French); a shorter one is a name or title in it
# ("Chama cha Demokrasia na Maendeleo", "Weißt du wohin wir gehen"), which its page's annotators label as the
# page's, and which takes the page's language: by its frequent words, or else the identifier's on the page's text
# (a page of a title and a line or two has too few frequent words to settle it, and its foreign title was skipped
# by /predict).
FOREIGN_IN_PAGE_WORDS = 8


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
        self.document_languages: dict[int, str] = {}
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

    def _its_own(self, language: str, likeliest: bool, leaning: str | None, words: int, slot: int) -> bool:
        """Whether the identifier's ``language`` for a text that leans away from its page is the text's own, or
        the text takes its page's: a text leaning to other languages' frequent words that the identifier gives a
        listed language is a name in its page's ("Louis-René des Forêts" in an English page), and a short one
        in an unlisted language, or given a listed one that the identifier did not find the ``likeliest``, a
        title in a page in a listed one (FOREIGN_IN_PAGE_WORDS)."""
        if language in self.languages and leaning == OTHER_LANGUAGE:
            return False
        if words >= FOREIGN_IN_PAGE_WORDS:
            return True
        if language in self.languages:
            return likeliest
        return self._document_language(slot) not in self.languages

    def of(self, number: int, text: str, words: int) -> str:
        if language := self.quick[number]:
            return language
        slot = self.slots[number]
        leaning = self.leaning[number]
        leans_away = leaning is not None and leaning != self.document_quick[slot]
        if words >= LEANING_TEXT_WORDS and (leans_away or not self.counted):
            language, likeliest = identified_language(text, self.languages)
            if self._its_own(language, likeliest, leaning, words, slot):
                return language
        return self._document_language(slot)

    def _document_language(self, slot: int) -> str:
        """The language of the document at ``slot``: by its frequent words, else by the identifier (once)."""
        if slot not in self.document_languages:
            self.document_languages[slot] = self.document_quick[slot] or detect_language(
                self.documents[slot][0].text[:2000], self.languages)
        return self.document_languages[slot]
