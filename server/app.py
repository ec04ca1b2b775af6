"""The app factory and the per-app state it builds."""

from __future__ import annotations

import functools
import logging
import math
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from server.analysis import Pipelines
from server.config import load_config
from server.db import Database
from server.events import deleted_among, setup_project_id, store_setup_config, stored_label_config
from server.interactive import AnsweredRegions
from server.json_provider import OrjsonProvider
from server.metrics import Metrics
from server.plugins import PluginSet, build_plugin_set
from server.predicting import Predictor, RegisteredAnnotator
from server.remote_texts import LabelStudioConnection, RemoteTexts

log = logging.getLogger(__name__)

EXTENSION = "anota"
# How stale a worker's view of the projects may be: a project deleted, or a
# config stored, through another worker reaches its /predict within this time.
PROJECT_RECHECK_SECONDS = 1.0


@dataclass
class AnotaState:
    """Everything one app owns, kept in ``app.extensions["anota"]``."""

    plugins: PluginSet
    annotators: list[RegisteredAnnotator]
    loaders: list[tuple[str, Any]]
    exporters: list[tuple[str, Any]]
    metrics: Metrics
    database: Database
    predictor: Predictor
    remote_texts: RemoteTexts
    # Labeling configs Label Studio sent to /setup, by project.
    project_configs: dict[str, str] = field(default_factory=dict)
    # Label Studio's address and token from /setup, by project.
    project_connections: dict[str, LabelStudioConnection] = field(default_factory=dict)
    # The stored labeling configs /predict read, by project id, until the next recheck.
    stored_configs: dict[int, str | None] = field(default_factory=dict)
    # When this worker last rechecked what it keeps of projects (time.monotonic()).
    projects_checked_at: float = -math.inf
    # The thread that rechecks them while this worker keeps any (watch_projects), and its guard.
    watcher: threading.Thread | None = None
    watcher_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # What this app's preload did (server.preload.PreloadReport); None when it did none (PRELOAD off).
    preloaded: Any = None
    # The stored preload run whose tasks this app serves (its fingerprint and report), to notice another command
    # preparing them again under it (server.tasks.note_tasks_replaced).
    served_run: tuple[str, dict[str, Any]] | None = None

    @property
    def model_version(self) -> str:
        return self.predictor.model_version

    def set_up(self, project: str, label_config: str, connection: LabelStudioConnection | None) -> None:
        """Keep what /setup sent for ``project`` ("<id>.<created timestamp>"):
        the config in the database by the project's id and in this worker's
        memory, Label Studio's address and token in this worker's memory;
        nothing of a deleted project (``store_setup_config``: a project created
        after the deletion starts its id again)."""
        if not store_setup_config(self.database, project, label_config):
            return
        self.project_configs[project] = label_config
        if connection is not None:
            self.project_connections[project] = connection
        if (project_id := setup_project_id(project)) is not None:
            self.stored_configs[project_id] = label_config  # what the database now holds
        self.watch_projects()

    def recheck_projects(self) -> None:
        """Drop what this worker keeps of the projects Label Studio deleted, and
        the stored configs it read, at most once per ``PROJECT_RECHECK_SECONDS``
        (one query then, none when it keeps no project): each /predict calls
        it, and so does this worker's watcher while it keeps a project
        (``watch_projects``), so every worker drops a deleted project's /setup
        config and token, though the webhook reached another, and reads a
        config another worker stored, within that time, without a query per
        request."""
        now = time.monotonic()
        if now - self.projects_checked_at < PROJECT_RECHECK_SECONDS:
            return
        self.projects_checked_at = now
        self.stored_configs.clear()
        for project_id in deleted_among(self.database, self.kept_project_ids()):
            self.forget_project(project_id)

    def kept_project_ids(self) -> set[int]:
        """The ids of the projects whose /setup config or token this worker keeps."""
        # Copies of the keys: a request thread may add one meanwhile.
        keys = [*list(self.project_configs), *list(self.project_connections)]
        return {project_id for key in keys if (project_id := setup_project_id(key)) is not None}

    def watch_projects(self) -> None:
        """Recheck the projects on a thread of this worker's own while it keeps
        any: a worker that serves no /predict must not keep a deleted
        project's token (it would until its next /predict)."""
        with self.watcher_lock:
            if self.watcher is None:
                self.watcher = threading.Thread(target=self._watch, name="anota-projects", daemon=True)
                self.watcher.start()

    def _watch(self) -> None:
        # Each round once the last recheck (a /predict's, or ours) is due again; ends with the database.
        while not self.database.closed.wait(max(0.0, self.projects_checked_at + PROJECT_RECHECK_SECONDS
                                                     - time.monotonic())):
            try:
                self.recheck_projects()
            except SQLAlchemyError as exc:  # the next round tries again
                log.warning("cannot recheck the deleted projects: %s", exc)
            with self.watcher_lock:  # watch_projects starts another if a project is kept after we end
                if not self.kept_project_ids():
                    self.watcher = None
                    return

    def setup_config(self, project: str) -> str | None:
        """The labeling config of ``project`` ("<id>.<created timestamp>") for a
        /predict that sends none: the one stored in the database, which /setup
        and Label Studio's events keep current whichever worker received them
        (read again after each recheck), and which PROJECT_DELETED drops. A
        name with no id is kept in this worker's memory only."""
        project_id = setup_project_id(project)
        if project_id is None:
            return self.project_configs.get(project)
        self.recheck_projects()
        try:
            return self.stored_configs[project_id]
        except KeyError:  # not read since the last recheck (None, read, is kept: a deleted or unknown project)
            config = self.stored_configs[project_id] = stored_label_config(self.database, project_id)
            return config

    def setup_connection(self, project: str) -> LabelStudioConnection | None:
        """Label Studio's address and token that /setup sent this worker for
        ``project``, while the project is not deleted (as of the last recheck)."""
        self.recheck_projects()
        return self.project_connections.get(project)

    def forget_project(self, project_id: int) -> None:
        """Drop what this worker keeps of a deleted project (/setup's keys are
        "<id>.<created timestamp>"): /predict must not label with a deleted
        project's config, and its token has no use left."""
        self.stored_configs.pop(project_id, None)
        for kept in (self.project_configs, self.project_connections):
            # A copy of the keys: another request thread may add one meanwhile.
            for key in [key for key in list(kept) if key.partition(".")[0] == str(project_id)]:
                kept.pop(key, None)


def get_state(app: Flask) -> AnotaState:
    return app.extensions[EXTENSION]


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create an Anota app; ``config`` overrides defaults and ``ANOTA_*``
    environment variables (names without the prefix)."""
    app = Flask("server")
    app.json = OrjsonProvider(app)
    load_config(app, config)
    strict = app.config["STRICT_PLUGINS"]
    metrics = Metrics()
    plugins = build_plugin_set(app.config["PLUGINS"], app.config["DISABLE_PLUGINS"], strict)
    database = Database(app.config["DATABASE_URL"])
    database.on_skipped_write = lambda what: metrics.skipped_writes.labels(what).inc()
    annotators = _registered_annotators(plugins, app, strict)
    state = AnotaState(
        plugins=plugins,
        annotators=annotators,
        loaders=plugins.collect("register_loaders", app, strict),
        exporters=plugins.collect("register_exporters", app, strict),
        metrics=metrics,
        database=database,
        predictor=Predictor(
            annotators, metrics, float(app.config["PLUGIN_TIMEOUT"]), app.config["LANGUAGES"],
            Pipelines.from_config(app.config), AnsweredRegions(database),
        ),
        remote_texts=RemoteTexts(Path(app.config["REMOTE_TEXT_CACHE"] or Path(app.instance_path) / "remote-texts"),
                                 metrics),
    )
    app.extensions[EXTENSION] = state
    state.predictor.on_warm_up_failure = functools.partial(_report_warm_up_failure, state, strict)
    # Plugins may declare tables on server.db.Base while registering.
    try:
        database.create_all()
    except BaseException:
        # Its pooled connection closed now: left to the garbage collector, psycopg warned of it (a schema that
        # does not exist, session 49's user pass).
        database.dispose()
        raise
    for error in plugins.load_errors:
        metrics.load_errors.labels(error.plugin, error.stage).set(1)

    from server import api, auth, errors, tasks

    errors.init_app(app)
    auth.init_app(app)
    api.init_app(app)
    tasks.init_app(app)  # creates the task tables, preloads the sources
    return app


def warm_up(app: Flask) -> None:
    """Load what the first /predict would otherwise wait for: each annotator's
    models and lexicons and the language identifier (``Predictor.warm_up``),
    and label-studio-sdk's config parser. ``anota serve`` calls it before it
    serves (once, before gunicorn forks its workers); the commands that build
    an app to predict nothing never do, and the first prediction of one that
    predicts warms up instead. An annotator that fails here or there is a load
    error of its plugin (fatal with ``STRICT_PLUGINS``), and loses its output
    on each request as it would have without a warm-up."""
    from server.labeling import parse_labeling_config
    from server.tasks import label_config_xml

    predictor = get_state(app).predictor
    for registered, exc in predictor.warm_up():
        predictor.on_warm_up_failure(registered, exc)
    parse_labeling_config(label_config_xml(app))


def _report_warm_up_failure(state: AnotaState, strict: bool, registered: RegisteredAnnotator, exc: Exception) -> None:
    """An annotator's failed warm-up as a load error of its plugin: in the
    plugin listing (``GET /plugins``, ``anota plugins``), in ``/metrics`` and
    in the log (a command's stderr); raised with ``STRICT_PLUGINS``."""
    state.metrics.load_errors.labels(registered.plugin, "warm_up").set(1)
    state.plugins.report(registered.plugin, "warm_up", exc, strict)


def _registered_annotators(plugins: PluginSet, app: Flask, strict: bool) -> list[RegisteredAnnotator]:
    # collect() has rejected (and reported) malformed annotators and taken names.
    return [RegisteredAnnotator(plugin, plugins.versions.get(plugin, "unknown"), annotator, annotator.label_kinds())
            for plugin, annotator in plugins.collect("register_annotators", app, strict)]
