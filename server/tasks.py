"""Preloaded tasks: their tables, Label Studio's import format, the labeling
config that fits the installed annotators, and their endpoints and commands.

``GET /tasks`` (``anota tasks``) gives the stored tasks as Label Studio imports
them, ``GET /tasks/excluded`` what preloading left out and why, and
``GET /label-config`` (``anota label-config``) a config for them.
"""

from __future__ import annotations

import contextlib
import errno
import heapq
import itertools
import json
import logging
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO
from xml.sax.saxutils import quoteattr

import click
import orjson
from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    jsonify,
    request,
    stream_with_context,
)
from flask.typing import ResponseReturnValue
from sqlalchemy import JSON, DateTime, Integer, String, Text, distinct, func, select
from sqlalchemy.orm import Mapped, mapped_column

from server.analysis import frequent_words_languages, task_language
from server.annotators import LabelSpec
from server.app import get_state
from server.cli import StandardOutput, command_app, ready_to_predict, writing_standard_output
from server.config import UNITS, strict_bool
from server.db import Base, utcnow
from server.errors import BadRequest
from server.labeling import SINGLE_CHOICE, parse_labeling_config
from server.sources import ARCHIVE_ENDINGS, NO_LOADER, is_left_out_record, latin_1_hint, load_problem
from server.stopping import signals_held, stopping_on_signals

log = logging.getLogger(__name__)

# Names of the labeling config's parts; the Text object reads ``data["text"]``.
TEXT_NAME = "text"
SPAN_CONTROL = "label"


class Task(Base):
    """A preloaded task; ``text == source text[start:end]``."""

    __tablename__ = "tasks"

    anota_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer, default=1)
    near_duplicates: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class Exclusion(Base):
    """A segment preloading left out: its place, the kind of decision and why."""

    __tablename__ = "task_exclusions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    anota_id: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    kind: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    # The task it was merged into (duplicates, near-duplicates).
    kept_id: Mapped[str | None] = mapped_column(String(32), nullable=True)


class PreloadRun(Base):
    """The last preload: fingerprints of its settings and sources, its report."""

    __tablename__ = "preload_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    stat_signature: Mapped[list] = mapped_column(JSON, default=list)
    report: Mapped[dict] = mapped_column(JSON, default=dict)
    finished_at: Mapped[Any] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


TABLES = [Task.__table__, Exclusion.__table__, PreloadRun.__table__]


# -------------------------------------------------------------------------
# Label Studio's import format
# -------------------------------------------------------------------------


# Tasks per prediction call: each call gives the annotators their whole time
# budget, so a corpus of any size is predicted, not only what fits in one budget.
PREDICTION_BATCH = 64
# Rows read from the database at a time, and bytes of JSON sent at a time.
READ_BATCH = 1000
SEND_CHUNK = 1 << 16


def label_studio_tasks(
    app: Flask, predictions: bool = False, include_excluded: bool | None = None
) -> list[dict[str, Any]]:
    """The stored tasks, in source order, as Label Studio imports them (see
    ``iter_label_studio_tasks``)."""
    return list(iter_label_studio_tasks(app, predictions, include_excluded))


def iter_label_studio_tasks(
    app: Flask, predictions: bool = False, include_excluded: bool | None = None
) -> Iterator[dict[str, Any]]:
    """The stored tasks, in source order, as Label Studio imports them, read
    from the database as they are needed; with ``include_excluded`` (default:
    the ``INCLUDE_EXCLUDED`` setting) the segments preloading left out come
    back too, each once, marked in ``meta``."""
    if include_excluded is None:
        include_excluded = bool(app.config["INCLUDE_EXCLUDED"])
    with get_state(app).database.session() as session:
        rows: Iterator[tuple[int, dict[str, Any]]] = with_parts(
            (task.position, _import_task(task, task.language, _task_meta(task, task.copies, task.near_duplicates)))
            for task in session.scalars(select(Task).order_by(Task.position).execution_options(yield_per=READ_BATCH))
        )
        if include_excluded:
            rows = heapq.merge(rows, _excluded_tasks(session, app.config["LANGUAGES"]), key=lambda row: row[0])
        tasks = (task for _position, task in rows)
        if not predictions:
            yield from tasks
            return
        for batch in predicted_batches(app, tasks):
            yield from batch


def add_predictions(
    app: Flask, tasks: list[dict[str, Any]], label_config: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Give every task the plugins' prediction (see ``predicted_batches``);
    ``progress`` is told how many tasks each batch did."""
    for batch in predicted_batches(app, tasks, label_config):
        if progress is not None:
            progress(len(batch))


def predicted_batches(
    app: Flask, tasks: Iterable[dict[str, Any]], label_config: str | None = None
) -> Iterator[list[dict[str, Any]]]:
    """``tasks`` in batches of ``PREDICTION_BATCH``, each task given the
    plugins' prediction mapped onto ``label_config`` (default: the config that
    fits the installed plugins)."""
    config = parse_labeling_config(label_config or label_config_xml(app))
    predictor = get_state(app).predictor
    items = iter(tasks)
    while batch := list(itertools.islice(items, PREDICTION_BATCH)):
        for task, prediction in zip(batch, predictor.predict(config, batch), strict=True):
            task["predictions"] = [prediction]
        yield batch


def with_parts(rows: Iterator[tuple[int, dict[str, Any]]]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each task's place among its source's tasks in ``meta``: ``part`` (from
    0) of ``parts``, so that a plugin tells a document's opening paragraph from
    its later ones, and an annotator sees where a paragraph stands. A source's
    tasks are consecutive in position order (a document is cleaned at once):
    one document's tasks are held at a time."""
    for _source, group in itertools.groupby(rows, key=lambda row: row[1]["meta"]["source"]):
        tasks = list(group)
        for part, (_position, task) in enumerate(tasks):
            task["meta"].update(part=part, parts=len(tasks))
        yield from tasks


def _task_meta(row: Task | Exclusion, copies: int = 1, near_duplicates: int = 0) -> dict[str, Any]:
    """Where the task's text stands in its source, and how many copies and
    near-duplicates of it preloading merged into it."""
    return {
        "source": row.source, "start": row.start, "end": row.end,
        "copies": copies, "near_duplicates": near_duplicates,
    }


def _import_task(row: Task | Exclusion, language: str, meta: dict[str, Any]) -> dict[str, Any]:
    data = {**(row.data or {}), TEXT_NAME: row.text, "anota_id": row.anota_id, "language": language}
    return {"data": data, "meta": meta}


def _excluded_tasks(session: Any, languages: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    kept = set(session.scalars(select(Task.anota_id)))
    pages = _page_languages(session)
    query = select(Exclusion).order_by(Exclusion.position).execution_options(yield_per=READ_BATCH)
    for exclusion in session.scalars(query):
        if exclusion.anota_id in kept:
            continue
        kept.add(exclusion.anota_id)
        meta = {**_task_meta(exclusion), "excluded": exclusion.kind, "reason": exclusion.reason}
        yield exclusion.position, _import_task(exclusion, _left_out_language(exclusion, pages, languages), meta)


def _page_languages(session: Any) -> dict[str, str]:
    """Each source's language: the one most of its kept tasks are in (ties: the first by name)."""
    counts = session.execute(select(Task.source, Task.language, func.count()).group_by(Task.source, Task.language))
    best: dict[str, tuple[int, str]] = {}
    for source, language, count in counts:
        if source not in best or (-count, language) < (-best[source][0], best[source][1]):
            best[source] = (count, language)
    return {source: language for source, (_count, language) in best.items()}


def _left_out_language(exclusion: Exclusion, pages: dict[str, str], languages: list[str]) -> str:
    """A left-out segment's language, brought back: its page's, unless its own frequent words settle another (a
    cookie notice in English on a Portuguese page). It is the page's chrome, a widget's or a heading's few words,
    which the preload gave no language; the identifier read "Share this: Facebook X" as English and "Relacionado"
    as Spanish on a Portuguese page (s53-cleaning). A source with no task kept: ``task_language``."""
    page = pages.get(exclusion.source)
    if page is None:
        return task_language(exclusion.text, languages)
    return frequent_words_languages(exclusion.text, languages).settled or page


def excluded_listing(app: Flask) -> dict[str, Any]:
    """What preloading left out, in source order, counted by kind and reason (as ``anota tasks --left-out`` counts
    it: a long listing is read by its count first), and the files it could not load."""
    report = preload_report(app)
    excluded = list(iter_excluded(app))
    return {
        "excluded": excluded,
        "by_reason": excluded_by_reason(excluded),
        "errors": report.get("errors", []),
        "skipped": report.get("skipped", []),
        "report": {key: value for key, value in report.items() if key not in ("errors", "skipped")},
    }


def excluded_by_reason(excluded: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The segments left out counted by kind and ``reason_family``, the most frequent first (ties by name)."""
    counts = Counter((item["kind"], reason_family(item["reason"])) for item in excluded)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"kind": kind, "reason": reason, "count": count} for (kind, reason), count in ranked]


def iter_excluded(app: Flask) -> Iterator[dict[str, Any]]:
    """The segments preloading left out, in source order, read from the
    database as they are needed."""
    query = select(Exclusion).order_by(Exclusion.position).execution_options(yield_per=READ_BATCH)
    with get_state(app).database.session() as session:
        for row in session.scalars(query):
            yield {
                "anota_id": row.anota_id, "kind": row.kind, "reason": row.reason, "kept_id": row.kept_id,
                "source": row.source, "start": row.start, "end": row.end, "text": row.text,
            }


def preload_report(app: Flask) -> dict[str, Any]:
    """The last preload's report (``server.preload.PreloadReport.as_dict``), or {} before any."""
    return stored_run(app)[1]


def stored_run(app: Flask) -> tuple[str, dict[str, Any]]:
    """The fingerprint and report of the preload run whose tasks the database holds ("" and {} before any)."""
    with get_state(app).database.session() as session:
        run = session.get(PreloadRun, 1)
        return (run.fingerprint, dict(run.report)) if run else ("", {})


_STORED_FINGERPRINT = select(PreloadRun.fingerprint).where(PreloadRun.id == 1)


def note_tasks_replaced(app: Flask) -> None:
    """Warn, once for each change, when another process (`anota push` or `anota tasks` with other ANOTA_SOURCES, a
    second server) prepared the tasks again since this app read them: /tasks then serves others, and nothing said
    so (s53-userpass: a server's 9 tasks became the seed's 5 under it). One read of the run's row a listing."""
    state = get_state(app)
    if state.served_run is None:
        return
    # The fingerprint alone, by a Core statement: an ORM session's read cost a 5-task /tasks 29% more calls.
    with state.database.engine.connect() as connection:
        fingerprint = connection.scalar(_STORED_FINGERPRINT) or ""
    if fingerprint == state.served_run[0]:
        return
    fingerprint, report = stored_run(app)
    was = state.served_run[1]
    log.warning("the tasks in %s were prepared again by another process since this server read them: %d tasks from "
                "%s, where it served %d from %s; /tasks gives the new ones", shown_database(app),
                report.get("tasks", 0), _sources_said(report), was.get("tasks", 0), _sources_said(was))
    state.served_run = fingerprint, report


def tasks_origin(app: Flask) -> str:
    """Which tasks a command beside a server gives (`anota push`, `anota tasks`) and from where: the database's
    stored ones, kept as they are where ANOTA_SOURCES is not set (``command_app``'s ``keep_stored_tasks``), or those
    it just preloaded, saying whose tasks they replaced (a server on that database serves these from now on)."""
    preloaded = get_state(app).preloaded
    report = preload_report(app)
    tasks = _counted_noun(report.get("tasks", 0), "task")
    database = shown_database(app)
    if not report:  # ANOTA_PRELOAD off, and nothing preloaded before
        return f"no task: {database} holds none preloaded"
    if preloaded is None:
        unset = " (ANOTA_SOURCES is not set: the database's tasks, as a server on it serves them)" \
            if "ANOTA_SOURCES" not in os.environ else ""
        return f"the {tasks} stored in {database}, preloaded from {_sources_said(report)}{unset}"
    if preloaded.reused:
        return f"the {tasks} of {_sources_said(report)}, as stored in {database} (sources unchanged)"
    said = f"the {tasks} preloaded from {_sources_said(report)} into {database}"
    if replaced := preloaded.replaced:
        said += (f", replacing its {_counted_noun(replaced['tasks'], 'task')} preloaded from "
                 f"{_sources_said(replaced)}: a server on this database serves the new ones from now on")
    return said


def shown_database(app: Flask) -> str:
    """The app's database URL, its password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(app.config["DATABASE_URL"]).render_as_string(hide_password=True)


def _sources_said(report: dict[str, Any]) -> str:
    """A preload run's sources as said: those it recorded (since session 53), else that they were not."""
    return ", ".join(report.get("sources") or []) or "sources an earlier Anota did not record"


def task_count(app: Flask, include_excluded: bool) -> int:
    """How many tasks ``iter_label_studio_tasks`` gives, counted by the database."""
    with get_state(app).database.session() as session:
        count = session.scalar(select(func.count()).select_from(Task)) or 0
        if include_excluded:
            left_out = select(func.count(distinct(Exclusion.anota_id))).where(
                Exclusion.anota_id.not_in(select(Task.anota_id)))
            count += session.scalar(left_out) or 0
    return count


# -------------------------------------------------------------------------
# The labeling config
# -------------------------------------------------------------------------


def label_config_xml(app: Flask) -> str:
    """A labeling config for what the installed annotators can emit: one
    ``Labels`` control (``label``) for every span label, one single-choice
    ``Choices`` control per annotator with choice labels, named after it."""
    span_labels: dict[str, LabelSpec] = {}
    choice_groups: dict[str, dict[str, LabelSpec]] = {}
    for registered in get_state(app).annotators:
        for spec in registered.annotator.labels:
            if spec.kind == "span":
                span_labels.setdefault(spec.name, spec)
            else:
                group = _control_name(registered.name)
                choice_groups.setdefault(group, {}).setdefault(spec.name, spec)
    lines = ["<View>"]
    if span_labels:
        lines.append(f'  <Labels name="{SPAN_CONTROL}" toName="{TEXT_NAME}">')
        lines.extend(f"    <Label{_label_attrs(spec)}/>" for spec in span_labels.values())
        lines.append("  </Labels>")
    lines.append(f'  <Text name="{TEXT_NAME}" value="${TEXT_NAME}"/>')
    for group, labels in choice_groups.items():
        lines.append(f'  <Choices name={quoteattr(group)} toName="{TEXT_NAME}" choice="{SINGLE_CHOICE}" showInline="true">')
        lines.extend(f"    <Choice{_label_attrs(spec)}/>" for spec in labels.values())
        lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _control_name(annotator_name: str) -> str:
    # A control name must not clash with the span control or the text object.
    return f"{annotator_name}_choice" if annotator_name in (SPAN_CONTROL, TEXT_NAME) else annotator_name


def _label_attrs(spec: LabelSpec) -> str:
    attrs = f" value={quoteattr(spec.name)}"
    if spec.color and spec.kind == "span":  # a Choice has no background
        attrs += f" background={quoteattr(spec.color)}"
    return attrs + (f" hint={quoteattr(spec.description)}" if spec.description else "")


# -------------------------------------------------------------------------
# Endpoints
# -------------------------------------------------------------------------

blueprint = Blueprint("tasks", __name__)


def _flag(name: str) -> bool | None:
    value = request.args.get(name)
    if value is None:
        return None
    try:
        return strict_bool(value)
    except ValueError:
        raise BadRequest(f"Invalid query parameter {name}", {name: ["Expected true or false."]}) from None


@blueprint.get("/tasks")
def tasks() -> ResponseReturnValue:
    predictions = _flag("predictions") or False
    include_excluded = _flag("include_excluded")
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    note_tasks_replaced(app)
    # Streamed: a large corpus is never held in memory as one answer.
    tasks = iter_label_studio_tasks(app, predictions=predictions, include_excluded=include_excluded)
    # The first read here, before the answer's status is sent: a database that cannot be used is the 503 the other
    # endpoints answer (it was a 500 with an empty body and a traceback in the log; session 51, PostgreSQL stopped).
    first = next(tasks, None)
    read = tasks if first is None else itertools.chain([first], tasks)
    return Response(stream_with_context(json_list(read)), mimetype="application/json")


def json_list(items: Iterable[Any], indent: bool = False) -> Iterator[bytes]:
    """``items`` as one JSON list, in chunks of about SEND_CHUNK bytes, one
    item dumped at a time; ``indent``: the bytes ``orjson.OPT_INDENT_2`` gives
    for the whole list."""
    opening, separator, closing = (b"[\n  ", b",\n  ", b"\n]") if indent else (b"[", b",", b"]")
    chunk = bytearray()
    empty = True
    for item in items:
        chunk += opening if empty else separator
        empty = False
        if indent:
            # A JSON string holds no raw newline: each newline of the dump starts a line to indent.
            chunk += orjson.dumps(item, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
        else:
            chunk += orjson.dumps(item)
        if len(chunk) >= SEND_CHUNK:
            yield bytes(chunk)
            chunk.clear()
    yield b"[]" if empty else bytes(chunk + closing)


@blueprint.get("/tasks/excluded")
def excluded() -> ResponseReturnValue:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    note_tasks_replaced(app)
    return jsonify(excluded_listing(app))


@blueprint.get("/label-config")
def label_config() -> ResponseReturnValue:
    xml = label_config_xml(current_app._get_current_object())  # type: ignore[attr-defined]
    return Response(xml, mimetype="application/xml")


def init_app(app: Flask) -> None:
    """Create the task tables, preload the sources, serve the endpoints."""
    Base.metadata.create_all(get_state(app).database.engine, tables=TABLES)
    if app.config["PRELOAD"]:  # else not even imported: the cleaning rules' regexes are a third of `anota label-config`
        from server.preload import preload_sources

        preload_sources(app)
    get_state(app).served_run = stored_run(app)
    app.register_blueprint(blueprint)


# -------------------------------------------------------------------------
# Commands
# -------------------------------------------------------------------------


@click.command("tasks")
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
@click.option("--predictions", is_flag=True, help="Add the plugins' predictions to every task.")
@click.option("--include-excluded", is_flag=True, help="Bring back what cleaning left out.")
@click.option("--unit", type=click.Choice(UNITS, case_sensitive=False), help="Task unit [ANOTA_TASK_UNIT].")
@click.option("--text-field", metavar="NAME",
              help="The CSV column or JSON/JSONL field that holds the text; several, comma-separated, for files that "
                   "name it differently [ANOTA_SOURCE_TEXT_FIELD, else text].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the list to FILE, replaced only once the list is complete [stdout, streamed].")
@click.option("--left-out", "left_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write what was left out, and why, to FILE; stderr counts it by reason [stderr, or a file named "
                   "there when stderr is a terminal and the list is longer than a screen].")
def tasks_command(
    sources: tuple[str, ...], predictions: bool, include_excluded: bool, unit: str | None, text_field: str | None,
    out: Path | None, left_out: Path | None,
) -> None:
    """Print the preloaded tasks (or those of SOURCES) as a Label Studio import
    list, streamed as they are read; what was left out, and why, goes to stderr
    (or to a file named there)."""
    terminal = _stderr_is_terminal(out)
    # A signal ends the command as Ctrl-C does, by an exception: the scratch database and a partial --out
    # file are removed on the way out.
    outcome = f"{out} was not written" if out else "the list on standard output is incomplete"
    with stopping_on_signals(outcome), contextlib.ExitStack() as stack:
        # Opened first: a path that cannot be written fails before a long preload.
        stream = stack.enter_context(_replacing(out)) if out else StandardOutput("the tasks")
        asked = stack.enter_context(_listing_file(left_out)) if left_out else None
        settings = {"TASK_UNIT": unit, "SOURCE_TEXT_FIELD": text_field}
        app = _tasks_app(stack, sources, {name: value for name, value in settings.items() if value}, terminal)
        report = preload_report(app)
        listing = asked or _overflow_file(stack, report, terminal)
        counted = _list_left_out(app, report, sources, listing)
        include = include_excluded or bool(app.config["INCLUDE_EXCLUDED"])
        if predictions:
            stack.enter_context(ready_to_predict(app))
        # Closed before the database is (the stack's order): a write that fails midway leaves it suspended, and
        # closed by the garbage collector later it read a disposed database ("Exception ignored in ...").
        tasks = stack.enter_context(contextlib.closing(iter_label_studio_tasks(app, predictions, include)))
        if terminal or _verbose():
            label = "predicting" if predictions else "writing"
            tasks = _with_progress(tasks, task_count(app, include), label, terminal)
        stream.writelines(json_list(tasks, indent=True))
        stream.write(b"\n")
        stream.flush()
        # Last, under the many lines above: what a long listing came to.
        listed_in = Path(listing.name) if listing else None
        if listed_in:  # on one screen with the summary, under the progress
            click.echo("\n".join([f"left out, by reason (each segment in {listed_in}):", *counted]), err=True)
        click.echo(preload_summary(report, include, task_count(app, True) - task_count(app, False), listed_in),
                   err=True)
        if not sources:  # the database's tasks, which a server on it serves: whose, and whether they were replaced
            click.echo(f"listed {tasks_origin(app)}", err=True)
        if hint := latin_1_hint(report.get("errors", [])):
            click.echo(hint, err=True)


def _tasks_app(stack: contextlib.ExitStack, sources: tuple[str, ...], settings: dict[str, str], progress: bool
               ) -> Flask:
    """The app whose tasks the command lists, with the options' ``settings`` over the environment's. SOURCES are
    preloaded into a temporary SQLite file, removed when ``stack`` closes, whatever ANOTA_PRELOAD says: the server's
    tasks stay as they are, and a file (not memory) holds a corpus of any size while its tasks are read back."""
    overrides: dict[str, Any] = dict(settings)
    if sources:
        overrides.update(SOURCES=list(sources), DATABASE_URL=stack.enter_context(_scratch_database()), PRELOAD=True)
    with _preload_log_quiet(progress):
        app = command_app(overrides, keep_stored_tasks=True)
    stack.callback(get_state(app).database.dispose)
    return app


@contextlib.contextmanager
def _scratch_database() -> Iterator[str]:
    """The URL of a SQLite file in a new temporary folder (with its WAL files),
    removed with it at exit; ``TMPDIR`` chooses where. The folder is named
    first and made inside the ``try``: a SIGTERM raised between
    ``TemporaryDirectory``'s mkdir and its ``with`` left it behind, owned by
    nothing (tests/test_tasks_cli.py, once in a loaded ``make test``)."""
    folder = Path(tempfile.gettempdir()) / f"anota-tasks-{secrets.token_hex(8)}"  # 64 random bits: no one else's
    try:
        folder.mkdir(0o700)  # as tempfile.mkdtemp makes it: this user's only
        yield f"sqlite:///{folder / 'tasks.db'}"
    finally:
        with signals_held():  # a second signal would leave it half removed
            shutil.rmtree(folder, ignore_errors=True)


# Why writing --out can fail once it is open: no space, a quota, a file size limit, the device.
_WRITE_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A new file beside ``path`` that replaces it once written to the end: a
    Ctrl-C or an error before then leaves ``path`` as it was, or absent."""
    if not path.name:  # "" and "." read as the current folder, which has no name to write beside
        raise click.UsageError("--out names no file (it is empty or a folder): give a file name.")
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        # Made as open() makes ``path`` (0666 less the umask), not 0600 as tempfile's are.
        stream = open(partial, "xb")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except BaseException as exc:
        with signals_held():
            partial.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno in _WRITE_FAILURES:
            # A full disk showed a traceback (fixtures/malformed45), the partial file removed all the same.
            raise click.ClickException(f"cannot write {path}: {exc.strerror}; nothing was written") from None
        raise


def _configured_sources_all_failed(app: Flask, report: dict[str, Any]) -> str:
    """``ANOTA_SOURCES`` as said in an error when the preload just failed or skipped every file it names and the
    database holds no task to list; "" otherwise. Without it, ``anota tasks`` printed ``[]`` and exited 0 where the
    same file named on the command line stops it (fixtures/malformed45, env_sources_nul_bytes)."""
    failed = (report.get("errors") or report.get("skipped")) and not report.get("files")
    if not failed or task_count(app, include_excluded=True):
        return ""
    return f"ANOTA_SOURCES ({', '.join(map(str, app.config['SOURCES']))})"


def _list_left_out(app: Flask, report: dict[str, Any], sources: tuple[str, ...], listing: TextIO | None
                   ) -> list[str]:
    """On stderr: the files that could not be loaded or were skipped, and each
    segment left out, read from the database as they are listed, or, with
    ``listing``, to that file. The lines counting them by reason, for stderr
    under the progress, when they went to ``listing`` (else none)."""
    for error in report.get("errors", []):
        click.secho(load_problem(error), fg="red", err=True)
    for skipped in report.get("skipped", []):
        click.echo(f"skipped {skipped['path']}: {skipped['reason']}", err=True)
    named = " ".join(sources) if sources else _configured_sources_all_failed(app, report)
    if named and not report.get("files"):
        # Files of a type Anota reads that failed say why above; the list of types is for the others (malformed44:
        # "bad.jsonl: no record could be loaded" then "Anota reads .csv, ..., .jsonl" misled).
        errors = report.get("errors", [])
        types_unread = report.get("skipped") or any(error["reason"].startswith(NO_LOADER) for error in errors)
        why = "each said why above" if errors and not types_unread else (
            f"Anota reads {', '.join(_suffixes(app))}, each gzip-compressed: .txt.gz, and archives of them: "
            f"{', '.join(ARCHIVE_ENDINGS)}{_failed_plugins(app)}")
        raise click.ClickException(f"no file in {named} could be loaded ({why}); nothing to print")
    if listing is None:
        for item in iter_excluded(app):
            click.echo(left_out_line(item), err=True)
        return []
    try:
        by_reason = excluded_by_reason(_listed(iter_excluded(app), listing))
        listing.flush()
    except OSError as exc:
        raise click.ClickException(f"cannot write {listing.name}: {exc.strerror or exc}") from None
    return reason_counts({f"{family['kind']}: {family['reason']}": family["count"] for family in by_reason})


def _listed(items: Iterable[dict[str, Any]], listing: TextIO) -> Iterator[dict[str, Any]]:
    """``items``, each written to ``listing`` (as ``left_out_line``) as it passes: counted while listed, not held."""
    for item in items:
        listing.write(left_out_line(item) + "\n")
        yield item


def left_out_line(item: dict[str, Any]) -> str:
    """One segment left out, as ``anota tasks`` lists it: kind, place, its start and why."""
    snippet = item["text"] if len(item["text"]) <= 60 else item["text"][:57] + "..."
    return (f"excluded {item['kind']} {item['source']}[{item['start']}:{item['end']}] "
            f"{json.dumps(snippet, ensure_ascii=False)}: {item['reason']}")


# How many lines of left-out segments stderr takes on a terminal before they go to a file: about a screen's.
LEFT_OUT_ON_SCREEN = 40
# How many reasons the count by reason shows, the most frequent first; the others are summed in one line.
REASONS_SHOWN = 12


@contextlib.contextmanager
def _listing_file(path: Path) -> Iterator[TextIO]:
    """``--left-out``'s file, opened before the preload: a path that cannot be written fails before a long one."""
    try:
        listing = open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None
    with listing:
        yield listing


def _overflow_file(stack: contextlib.ExitStack, report: dict[str, Any], terminal: bool) -> TextIO | None:
    """On a terminal, a new file in the temporary folder (kept, and named in the summary) for the segments left out
    when they are more than a screen: a 50 MB folder printed 99,277 lines after its progress (session 49). Else None:
    stderr, as before, for scripts that read it and for a redirect (``2> left-out.txt``)."""
    if not terminal or sum(report.get("excluded", {}).values()) <= LEFT_OUT_ON_SCREEN:
        return None
    _remove_old_overflow_files(Path(tempfile.gettempdir()))
    handle, name = tempfile.mkstemp(prefix=OVERFLOW_PREFIX, suffix=".txt")
    os.close(handle)  # reopened by name: a file object opened on the descriptor is named by its number
    return stack.enter_context(open(name, "w", encoding="utf-8"))


OVERFLOW_PREFIX = "anota-left-out-"
# How many of those files a run leaves in the temporary folder, its own among them: each run made one, and none was
# ever removed (a 50 MB folder's is 10 MB).
OVERFLOW_FILES_KEPT = 5


def _remove_old_overflow_files(folder: Path) -> None:
    """Remove this user's overflow files in ``folder`` but the newest OVERFLOW_FILES_KEPT - 1 (the run adds one),
    saying how many on stderr: a listing a user looks for is not gone without a word."""
    own = [path for path in folder.glob(f"{OVERFLOW_PREFIX}*.txt") if _owned_file(path)]
    old = sorted(own, key=_modified, reverse=True)[OVERFLOW_FILES_KEPT - 1:]
    removed = 0
    for path in old:
        with contextlib.suppress(OSError):  # removed by another run meanwhile, or not ours to remove
            path.unlink()
            removed += 1
    if removed:
        click.echo(f"removed {_counted_noun(removed, 'older left-out listing')} from {folder} "
                   f"(the newest {OVERFLOW_FILES_KEPT} are kept)", err=True)


def _owned_file(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# What varies between reasons of one family: numbers and task ids, quoted cue words, and the details after them.
_REASON_DETAILS = re.compile(r"\b[0-9a-f]{16}\b|\d[\d,.]*|\s*(?:\(|;|: '|\"|<).*", re.DOTALL)


def reason_family(reason: str) -> str:
    """A reason without its particulars, to count segments by ("3 words without sentence punctuation (a label ...)"
    and "1 word ..." are "N words without sentence punctuation"; "near-duplicate of task 36e7eb9988362fed (...)" is
    "near-duplicate of task N")."""
    family = _REASON_DETAILS.sub(lambda match: "N" if match.group()[:1].isalnum() else "", reason)
    return re.sub(r"\bN word\b", "N words", family).rstrip(" :,") or reason


def reason_counts(families: dict[str, int]) -> list[str]:
    """Lines counting the segments left out by kind and reason, the most frequent first, the rest summed."""
    ranked = sorted(families.items(), key=lambda item: (-item[1], item[0]))
    lines = [f"{count:>9,}  {family}" for family, count in ranked[:REASONS_SHOWN]]
    if rest := ranked[REASONS_SHOWN:]:
        lines.append(f"{sum(count for _, count in rest):>9,}  for {len(rest):,} other reasons")
    return lines


def preload_summary(report: dict[str, Any], include_excluded: bool, brought_back: int,
                    listed_in: Path | None = None) -> str:
    """One line on what the preload made: files, tasks, languages, what was left out by kind, and how many
    tasks ``--include-excluded`` adds (``brought_back``): each text once, and none a task holds, so far fewer than
    were left out where copies are many (session 49's folder: 403 left out, 35 brought back, read as all 403)."""
    def by_count(counts: dict[str, int]) -> str:
        return ", ".join(f"{count:,} {name}" for name, count in sorted(counts.items(), key=lambda item: -item[1]))

    excluded = report.get("excluded", {})
    records = sum(is_left_out_record(error["path"]) for error in report.get("errors", []))
    problems = len(report.get("errors", [])) + len(report.get("skipped", [])) - records
    summary = (f"{_counted_noun(report.get('tasks', 0), 'task')} ({by_count(report.get('languages', {})) or 'none'}) "
               f"from {_counted_noun(report.get('files', 0), 'file')}, "
               f"{_counted_noun(report.get('segments', 0), 'segment')}; left out: {by_count(excluded) or 'nothing'}")
    if excluded:
        once = "each text once, and none that a task already holds"
        # With --include-excluded the list holds them; where they are listed is said when it is a file.
        if include_excluded:
            where = "" if listed_in is None else f"listed in {listed_in}; "
            summary += f" ({where}{brought_back:,} of them in the list all the same: {once})"
        else:
            where = "listed above" if listed_in is None else f"listed in {listed_in}"
            summary += f" ({where}; --include-excluded brings back {brought_back:,}: {once})"
    if problems:
        summary += f"; {_counted_noun(problems, 'file')} not loaded or skipped (above)"
    if records:
        summary += f"; {_counted_noun(records, 'record')} not loaded (above)"
    return summary


def _counted_noun(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _verbose() -> bool:
    return logging.getLogger().isEnabledFor(logging.DEBUG)


def _stderr_is_terminal(out: Path | None) -> bool:
    # Not when the list itself goes to that terminal: a bar redrawn among its lines garbles both.
    return sys.stderr.isatty() and (out is not None or not sys.stdout.isatty())


@contextlib.contextmanager
def _preload_log_quiet(progress: bool) -> Iterator[None]:
    """The preload's own log lines, errors aside, muted (unless -v): the command
    lists what it could not load, skipped and left out, and they said it all
    twice. With ``progress``, its lines on how far it has read still show."""
    logger = logging.getLogger("server.preload")
    if _verbose():
        yield
        return
    level = logger.level
    logger.setLevel(logging.INFO if progress else logging.ERROR)
    logger.addFilter(_errors_and_progress)
    try:
        yield
    finally:
        logger.removeFilter(_errors_and_progress)
        logger.setLevel(level)


def _errors_and_progress(record: logging.LogRecord) -> bool:
    from server.preload import PROGRESS_RECORD  # server.preload imports this module

    return record.levelno >= logging.ERROR or getattr(record, PROGRESS_RECORD, False)


# Seconds between two redraws of a progress bar.
BAR_SECONDS = 0.2


def _with_progress(tasks: Iterator[dict[str, Any]], total: int, label: str, terminal: bool) -> Iterator[dict[str, Any]]:
    """``tasks`` as they come, and how many have come on stderr: a bar on a
    terminal, else a log line every PROGRESS_SECONDS (as the preload's)."""
    if terminal:
        with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
            yield from _counted(tasks, lambda done: bar.update(done - bar.pos), BAR_SECONDS)
        return
    from server.preload import PROGRESS_SECONDS

    started = time.perf_counter()
    log = logging.getLogger(__name__)
    yield from _counted(tasks, lambda done: log.info("tasks: %s %d of %d in %.0f s", label, done, total,
                                                     time.perf_counter() - started), PROGRESS_SECONDS)


def _counted(items: Iterator[Any], report: Callable[[int], None], seconds: float) -> Iterator[Any]:
    """``items``; ``report`` is told how many have passed, at most every ``seconds`` and at the end."""
    done = 0
    reported = time.perf_counter()
    for item in items:
        yield item
        done += 1
        if time.perf_counter() - reported >= seconds:
            report(done)
            reported = time.perf_counter()
    report(done)


def _suffixes(app: Flask) -> list[str]:
    return sorted({suffix for _plugin, loader in get_state(app).loaders for suffix in loader.suffixes})


def _failed_plugins(app: Flask) -> str:
    """The plugins that failed to load, as `anota export --format` names them: one may be the loader of the
    files' type (a loader plugin that failed at import left only "no loader for .srt", its error far above)."""
    failures = "; ".join(f"{error.plugin} ({error.stage})" for error in get_state(app).plugins.load_errors)
    return f"; plugins that failed to load: {failures} (each said why above; anota plugins)" if failures else ""


@click.command("label-config")
def label_config_command() -> None:
    """Print a labeling config that fits the installed plugins."""
    xml = label_config_xml(command_app({"PRELOAD": False}))
    with writing_standard_output("the labeling config"):
        click.echo(xml, nl=False)
