"""Session 51's operator walk: Anota run as a service (PostgreSQL, several
workers, basic auth, Prometheus), restarted and upgraded (bench/HISTORY.md
"## s51-userpass")."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner
from flask import Flask

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from server import preload
from server.cli import cli, serving_summary
from server.db import ChangeSignal, Database
from tests.conftest import recorded_body
from tests.e2e.servers import ANOTA, free_port, start
from tests.test_plugins import BROKEN, FAILING, metric
from tests.test_preload import NO_ANNOTATORS, SEED
from tests.test_serve import post

REPOSITORY = Path(__file__).resolve().parent.parent


def served_metrics(tmp_path: Path, metrics_dir: Path, plugins: str, workers: str, run: str) -> tuple[str, str]:
    """Start `anota serve` (its log named after ``run``), send it one /predict,
    and give back its /metrics and its log, stopped."""
    port = free_port()
    environment = {
        **os.environ,
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}",
        "ANOTA_PRELOAD": "false",
        "ANOTA_PLUGINS": plugins,
        "PYTHONPATH": str(REPOSITORY),  # for the tests' sample plugins
        "ANOTA_DISABLE_PLUGINS": "entities,claims,sentiment,loaders",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "ANOTA_WORKERS": workers,
    }
    server = start(run, [str(ANOTA), "serve", "--port", str(port), "--threads", "1"], environment, port, tmp_path)
    try:
        server.wait_until_up(120)
        assert post(f"{server.url}/predict", recorded_body("ls_to_backend_predict.json"), {})[0] == 200
        with urllib.request.urlopen(f"{server.url}/metrics", timeout=30) as answer:
            return answer.read().decode(), server.log_text()
    finally:
        server.stop()


def test_a_restart_with_the_operators_metrics_folder_starts_the_counters_again(tmp_path):
    """The first run had a plugin that failed to load and one that failed at
    each request; the operator removes both and restarts on the same
    PROMETHEUS_MULTIPROC_DIR (one worker this time: the folder is read then too).
    The second run's /metrics said the removed plugin still failed to load
    (anota_plugin_load_errors 1.0, read from the first run's gauge file) and
    counted both runs' requests."""
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    first, first_log = served_metrics(tmp_path, metrics_dir, f"{FAILING},{BROKEN}", "2", "first")
    # What it runs with, said once at the start (it was not said at all).
    assert "with 2 worker(s) x 1 thread(s); database sqlite:///" in first_log
    assert f"; basic auth off (every endpoint open); annotators: always-fails 1.0, no-model 1.0; plugins that failed " \
           f"to load: {BROKEN} (import)" in first_log
    assert metric(first, "anota_plugin_load_errors", plugin=BROKEN, stage="import") == 1
    assert metric(first, "anota_plugin_errors_total", annotator="always-fails", kind="exception") == 3  # a count a task
    assert metric(first, "anota_requests_total", endpoint="api.predict", status="200") == 1

    second, log = served_metrics(tmp_path, metrics_dir, "", "1", "second")
    assert "anota_plugin_load_errors{" not in second
    assert metric(second, "anota_plugin_errors_total", annotator="always-fails", kind="exception") == 0
    assert metric(second, "anota_requests_total", endpoint="api.predict", status="200") == 1
    assert "files of an earlier run removed from PROMETHEUS_MULTIPROC_DIR=" in log


def preload_reasons(caplog: pytest.LogCaptureFixture) -> list[str]:
    messages = [record.getMessage() for record in caplog.records if record.name == "server.preload"]
    return [message for message in messages if "preparing the tasks again" in message]


def test_a_preload_done_again_says_why(make_app: Callable[..., Flask], tmp_path: Path,
                                       caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade to a new PIPELINE_VERSION prepared every task again with no word of why (session 45's
    database opened by session 51's code: PIPELINE_VERSION 85 -> 90)."""
    story = tmp_path / "story.txt"
    story.write_text("A Petrobras anunciou lucro recorde no trimestre passado.\n\nO conselho reúne-se amanhã.\n",
                     encoding="utf-8")
    caplog.set_level(logging.INFO, logger="server.preload")
    settings = {"SOURCES": [str(story)], "DISABLE_PLUGINS": NO_ANNOTATORS}
    with monkeypatch.context() as older:
        older.setattr(preload, "PIPELINE_VERSION", "85")
        make_app(**settings)
    assert preload_reasons(caplog) == []  # a first preload has nothing to say why
    make_app(**settings)
    assert preload_reasons(caplog) == [
        "preload: preparing the tasks again: the cleaning pipeline changed since the stored tasks were made "
        f"(PIPELINE_VERSION 85 -> {preload.PIPELINE_VERSION}); a task whose text it cleans otherwise gets a new id"]
    caplog.clear()
    make_app(**settings)  # unchanged: served as stored, nothing to say
    make_app(**settings, TASK_UNIT="sentence", LANGUAGES=["pt", "en"])
    assert preload_reasons(caplog) == [
        "preload: preparing the tasks again: ANOTA_LANGUAGES, ANOTA_TASK_UNIT changed since the stored tasks were made"]
    caplog.clear()
    story.write_text("A Vale anunciou lucro recorde no trimestre passado.\n", encoding="utf-8")
    make_app(**settings, TASK_UNIT="sentence", LANGUAGES=["pt", "en"])
    assert preload_reasons(caplog) == ["preload: preparing the tasks again: the sources changed since the stored tasks "
                                       "were made (a file added, removed or edited)"]


@pytest.mark.parametrize("stored", [None, [], ["not json", []], ['["85"]', []], ['["85", ["unit"]]', []]],
                         ids=["none", "empty", "not-json", "no-settings", "settings-not-a-mapping"])
def test_a_stored_signature_of_an_unknown_shape_is_another_version(stored: Any) -> None:
    assert preload.why_prepared_again(stored, json.dumps(["90", {"unit": "paragraph"}])) == \
        "the stored tasks were made by another version of Anota"


def test_the_start_says_what_the_server_runs_with_and_hides_the_passwords(
        make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(PRELOAD=False, DISABLE_PLUGINS=NO_ANNOTATORS + ["loaders"], BASIC_AUTH_USER="team",
                   BASIC_AUTH_PASS="s3cret-Pa55")
    engine = app.extensions["anota"].database.engine
    # As on a PostgreSQL server reached with a password (the URL is only shown, never connected to here).
    monkeypatch.setattr(engine, "url", make_url("postgresql://anota:db-Pa55@db.internal:5432/anota"))
    summary = serving_summary(app, 2, 4)
    assert summary.startswith(f"serving model version {app.extensions['anota'].model_version} with 2 worker(s) x "
                              "4 thread(s); database postgresql://anota:***@db.internal:5432/anota; basic auth on; ")
    assert "Pa55" not in summary and "team" not in summary


def test_a_stop_lets_a_prediction_label_studio_still_waits_for_finish(
        make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """SIGTERM gave a request in flight gunicorn's 30 s: a /predict of 130 texts taking 32.5 s was cut, Label
    Studio's client saw "Remote end closed connection without response" and the log said nothing (session 51,
    PostgreSQL, 2 workers); with 100 s (Label Studio's own wait) the same request, 38.8 s, was answered."""
    served: dict[str, Any] = {}
    app = make_app(PRELOAD=False, DISABLE_PLUGINS=NO_ANNOTATORS + ["loaders"])
    monkeypatch.setattr("server.cli.command_app", lambda *_: app)
    monkeypatch.setattr("server.cli.ready_to_predict", lambda _app: contextlib.nullcontext())
    monkeypatch.setattr("server.cli.run_gunicorn", lambda _app, options: served.update(options))
    caplog.set_level(logging.INFO, logger="server.serve")
    result = CliRunner().invoke(cli, ["serve", "--port", str(free_port()), "--workers", "1", "--threads", "2"])
    assert result.exit_code == 0, result.output
    assert served["graceful_timeout"] == 100 < served["timeout"]
    assert [record.getMessage().split(";")[0] for record in caplog.records if record.name == "server.serve"] == [
        f"serving model version {app.extensions['anota'].model_version} with 1 worker(s) x 2 thread(s)"]


def test_tasks_from_a_database_that_cannot_be_used_are_a_503_as_elsewhere(
        make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL stopped under a running server: /webhook and /tasks/excluded answered 503 "send the request again
    later", /tasks a 500 with an empty body (the stream had begun) and a traceback in the log."""
    app = make_app(SOURCES=[str(SEED)], DISABLE_PLUGINS=NO_ANNOTATORS)
    client = app.test_client()
    assert client.get("/tasks").status_code == 200
    refused = OperationalError("SELECT", {}, Exception('connection failed: connection to server at "127.0.0.1", '
                                                       "port 5432 failed: Connection refused"))

    def cannot_connect(*_args: Any, **_kwargs: Any) -> Any:
        raise refused

    monkeypatch.setattr(Database, "session", cannot_connect)
    for path in ("/tasks", "/tasks?include_excluded=true", "/tasks/excluded"):
        answer = client.get(path)
        assert answer.status_code == 503, path
        assert answer.json["message"].startswith("The database cannot be used now (connection failed: ")


def test_entities_suggest_without_their_learning_when_the_database_cannot_be_used(
        make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """PostgreSQL stopped under a running server: /predict answered, but the entities annotator lost its whole
    output ("lost its output: exception: OperationalError"), the model's and the rules' names with its learning."""
    app = make_app(PRELOAD=False, DISABLE_PLUGINS=["claims", "sentiment", "loaders"])
    body = recorded_body("ls_to_backend_predict.json")
    client = app.test_client()
    reachable = [result["value"]["text"] for task in client.post("/predict", json=body).json["results"]
                 for result in task["result"]]
    assert reachable
    refused = OperationalError("SELECT", {}, psycopg.OperationalError("connection failed: Connection refused"))

    def cannot_connect(*_args: Any, **_kwargs: Any) -> Any:
        raise refused

    monkeypatch.setattr(Database, "session", cannot_connect)
    monkeypatch.setattr(ChangeSignal, "token", cannot_connect)
    for registered in app.extensions["anota"].annotators:  # as a new project: no votes read before to fall back on
        registered.annotator._known.clear()
    unreachable = [result["value"]["text"] for task in client.post("/predict", json=body).json["results"]
                   for result in task["result"]]
    assert unreachable == reachable
    messages = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert "entities: the learned names cannot be read now, suggested without them: connection failed: " \
           "Connection refused" in messages
    assert "the database cannot be reached now: entity_suggestions not stored (connection failed: Connection refused)" \
        in messages
    assert not [message for message in messages if "lost its output" in message]
