"""Preloaded tasks: their tables, Label Studio's import format, the labeling
config that fits the installed annotators, and their endpoints and commands.

``GET /tasks`` (``anota tasks``) gives the stored tasks as Label Studio imports
them, ``GET /tasks/excluded`` what preloading left out and why, and
``GET /label-config`` (``anota label-config``) a config for them.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any
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
from sqlalchemy import JSON, DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from server.analysis import task_language
from server.app import get_state
from server.cli import command_app
from server.config import as_bool
from server.db import Base, utcnow
from server.errors import BadRequest
from server.labeling import parse_labeling_config

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
            (task.position, _import_task(task, task.language, _task_meta(task)))
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


def _task_meta(task: Task) -> dict[str, Any]:
    return {
        "source": task.source, "start": task.start, "end": task.end,
        "copies": task.copies, "near_duplicates": task.near_duplicates,
    }


def _import_task(row: Task | Exclusion, language: str, meta: dict[str, Any]) -> dict[str, Any]:
    data = {**(row.data or {}), TEXT_NAME: row.text, "anota_id": row.anota_id, "language": language}
    return {"data": data, "meta": meta}


def _excluded_tasks(session: Any, languages: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    kept = set(session.scalars(select(Task.anota_id)))
    query = select(Exclusion).order_by(Exclusion.position).execution_options(yield_per=READ_BATCH)
    for exclusion in session.scalars(query):
        if exclusion.anota_id in kept:
            continue
        kept.add(exclusion.anota_id)
        meta = {
            "source": exclusion.source, "start": exclusion.start, "end": exclusion.end,
            "copies": 1, "near_duplicates": 0, "excluded": exclusion.kind, "reason": exclusion.reason,
        }
        language = task_language(exclusion.text, languages)
        yield exclusion.position, _import_task(exclusion, language, meta)


def excluded_listing(app: Flask) -> dict[str, Any]:
    """What preloading left out, in source order, and the files it could not load."""
    with get_state(app).database.session() as session:
        excluded = [
            {
                "anota_id": row.anota_id, "kind": row.kind, "reason": row.reason, "kept_id": row.kept_id,
                "source": row.source, "start": row.start, "end": row.end, "text": row.text,
            }
            for row in session.scalars(select(Exclusion).order_by(Exclusion.position))
        ]
        run = session.get(PreloadRun, 1)
        report = dict(run.report) if run else {}
    return {
        "excluded": excluded,
        "errors": report.get("errors", []),
        "skipped": report.get("skipped", []),
        "report": {key: value for key, value in report.items() if key not in ("errors", "skipped")},
    }


# -------------------------------------------------------------------------
# The labeling config
# -------------------------------------------------------------------------


def label_config_xml(app: Flask) -> str:
    """A labeling config for what the installed annotators can emit: one
    ``Labels`` control (``label``) for every span label, one single-choice
    ``Choices`` control per annotator with choice labels, named after it."""
    span_labels: dict[str, str] = {}
    choice_groups: dict[str, dict[str, str]] = {}
    for registered in get_state(app).annotators:
        for spec in registered.annotator.labels:
            if spec.kind == "span":
                span_labels.setdefault(spec.name, spec.description)
            else:
                group = _control_name(registered.name)
                choice_groups.setdefault(group, {}).setdefault(spec.name, spec.description)
    lines = ["<View>"]
    if span_labels:
        lines.append(f'  <Labels name="{SPAN_CONTROL}" toName="{TEXT_NAME}">')
        lines.extend(f"    <Label{_value_attrs(name, hint)}/>" for name, hint in span_labels.items())
        lines.append("  </Labels>")
    lines.append(f'  <Text name="{TEXT_NAME}" value="${TEXT_NAME}"/>')
    for group, labels in choice_groups.items():
        lines.append(f'  <Choices name={quoteattr(group)} toName="{TEXT_NAME}" choice="single" showInline="true">')
        lines.extend(f"    <Choice{_value_attrs(name, hint)}/>" for name, hint in labels.items())
        lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _control_name(annotator_name: str) -> str:
    # A control name must not clash with the span control or the text object.
    return f"{annotator_name}_choice" if annotator_name in (SPAN_CONTROL, TEXT_NAME) else annotator_name


def _value_attrs(value: str, hint: str) -> str:
    return f" value={quoteattr(value)}" + (f" hint={quoteattr(hint)}" if hint else "")


# -------------------------------------------------------------------------
# Endpoints
# -------------------------------------------------------------------------

blueprint = Blueprint("tasks", __name__)


def _flag(name: str) -> bool | None:
    value = request.args.get(name)
    if value is None:
        return None
    if value.strip().lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off", ""):
        raise BadRequest(f"Invalid query parameter {name}", {name: ["Expected true or false."]})
    return as_bool(value)


@blueprint.get("/tasks")
def tasks() -> ResponseReturnValue:
    predictions = _flag("predictions") or False
    include_excluded = _flag("include_excluded")
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    # Streamed: a large corpus is never held in memory as one answer.
    tasks = iter_label_studio_tasks(app, predictions=predictions, include_excluded=include_excluded)
    return Response(stream_with_context(_json_list(tasks)), mimetype="application/json")


def _json_list(items: Iterator[Any]) -> Iterator[bytes]:
    chunk = bytearray(b"[")
    for index, item in enumerate(items):
        if index:
            chunk += b","
        chunk += orjson.dumps(item)
        if len(chunk) >= SEND_CHUNK:
            yield bytes(chunk)
            chunk.clear()
    chunk += b"]"
    yield bytes(chunk)


@blueprint.get("/tasks/excluded")
def excluded() -> ResponseReturnValue:
    return jsonify(excluded_listing(current_app._get_current_object()))  # type: ignore[attr-defined]


@blueprint.get("/label-config")
def label_config() -> ResponseReturnValue:
    xml = label_config_xml(current_app._get_current_object())  # type: ignore[attr-defined]
    return Response(xml, mimetype="application/xml")


def init_app(app: Flask) -> None:
    """Create the task tables, preload the sources, serve the endpoints."""
    from server.preload import preload_sources

    Base.metadata.create_all(get_state(app).database.engine, tables=TABLES)
    preload_sources(app)
    app.register_blueprint(blueprint)


# -------------------------------------------------------------------------
# Commands
# -------------------------------------------------------------------------


@contextlib.contextmanager
def _preload_log_quiet() -> Iterator[None]:
    """The preload's own log lines, errors aside, muted (unless -v): the command
    lists what it could not load, skipped and left out, and they said it all twice."""
    logger = logging.getLogger("server.preload")
    level = logger.level
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@click.command("tasks")
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
@click.option("--predictions", is_flag=True, help="Add the plugins' predictions to every task.")
@click.option("--include-excluded", is_flag=True, help="Bring back what cleaning left out.")
@click.option("--unit", type=click.Choice(["document", "paragraph", "sentence"]), help="Task unit [ANOTA_TASK_UNIT].")
def tasks_command(sources: tuple[str, ...], predictions: bool, include_excluded: bool, unit: str | None) -> None:
    """Print the preloaded tasks (or those of SOURCES) as a Label Studio import
    list; what was left out, and why, goes to stderr."""
    overrides: dict[str, Any] = {}
    if sources:
        # Ad-hoc sources are cleaned in memory: the server's tasks stay as they
        # are. Named on the command line, they are preloaded whatever ANOTA_PRELOAD says.
        overrides.update(SOURCES=list(sources), DATABASE_URL="sqlite://", PRELOAD=True)
    if unit:
        overrides["TASK_UNIT"] = unit
    with _preload_log_quiet():
        app = command_app(overrides)
    listing = excluded_listing(app)
    for error in listing["errors"]:
        click.secho(f"cannot load {error['path']}: {error['reason']}", fg="red", err=True)
    for skipped in listing["skipped"]:
        click.echo(f"skipped {skipped['path']}: {skipped['reason']}", err=True)
    if sources and not listing["report"].get("files"):
        raise click.ClickException(f"no file in {' '.join(sources)} could be loaded (Anota reads "
                                   f"{', '.join(_suffixes(app))}); nothing to print")
    for item in listing["excluded"]:
        snippet = item["text"] if len(item["text"]) <= 60 else item["text"][:57] + "..."
        click.echo(f"excluded {item['kind']} {item['source']}[{item['start']}:{item['end']}] "
                   f"{json.dumps(snippet, ensure_ascii=False)}: {item['reason']}", err=True)
    output = label_studio_tasks(app, include_excluded=include_excluded or None)
    if predictions:
        with click.progressbar(length=len(output), label="predicting", file=sys.stderr) as bar:
            add_predictions(app, output, progress=bar.update)
    # Written at once, when complete: a Ctrl-C or an error before then leaves
    # no half list in the file stdout goes to.
    click.echo(orjson.dumps(output, option=orjson.OPT_INDENT_2))


def _suffixes(app: Flask) -> list[str]:
    return sorted({suffix for _plugin, loader in get_state(app).loaders for suffix in loader.suffixes})


@click.command("label-config")
def label_config_command() -> None:
    """Print a labeling config that fits the installed plugins."""
    click.echo(label_config_xml(command_app({"PRELOAD": False})), nl=False)
