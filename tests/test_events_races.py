"""A project's deletion against what reaches other workers at the same moment (session 25's open gaps).

Expected, written before the fix:
- A late ANNOTATION_CREATED posted to one worker at the moment PROJECT_DELETED reaches another leaves no live
  annotation of the project, whichever commits first (on PostgreSQL both could check for the deletion before
  either committed, and one annotation stayed live).
- A /setup that Label Studio sent before it deleted the project, delivered after the deletion, leaves the project
  deleted; only a project Label Studio created after the deletion (the created timestamp in /setup's
  "<id>.<created timestamp>" later than the deletion) starts the id again.
- A worker that serves no /predict still drops a deleted project's /setup config and token within the recheck
  interval.
- The entities plugin reads nothing from the database on a /predict when no annotator taught anything since the
  last, and a name taught through another worker still shows on that worker's next /predict.

The interleavings are provoked by real concurrent requests to two workers (two apps on one database, each served
over HTTP on 127.0.0.1), round after round; each round counts a failure, and the test asserts none.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from flask import Flask
from sqlalchemy import event

from server.app import PROJECT_RECHECK_SECONDS
from tests.test_entities import CONFIG, PROJECT, annotation_body, predict
from tests.test_events_deleted_projects import SETUP, WITH_TOKEN, created, live_annotations
from tests.test_learning_probe import PROBE, taught
from tests.test_loaders4 import http_post, served
from tests.test_preload import NO_ANNOTATORS
from tests.test_webhook import post, stored_configs

ROUNDS = 30


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run ``calls`` on threads of their own, released together."""
    barrier = threading.Barrier(len(calls))

    def released(call: Callable[[], Any]) -> Any:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(released, calls))


def deletion(project: int) -> dict[str, Any]:
    return {"action": "PROJECT_DELETED", "project": {"id": project}}


def test_a_late_event_at_the_moment_of_the_deletion_leaves_nothing_live(make_app):
    first, second = make_app(DISABLE_PLUGINS=NO_ANNOTATORS), make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    failed = []
    with served(first) as first_url, served(second) as second_url:
        for project in range(100, 100 + ROUNDS):
            assert http_post(f"{first_url}/webhook", created(project * 10, project))[0] == 200
            answers = at_once(lambda: http_post(f"{first_url}/webhook", deletion(project)),
                              lambda: http_post(f"{second_url}/webhook", created(project * 10 + 1, project)))
            assert [status for status, _ in answers] == [200, 200], answers
            if any(project_id == project for _, project_id in live_annotations(first)):
                failed.append(project)
    assert failed == [], f"{len(failed)} of {ROUNDS} rounds left an annotation of the deleted project live"


def test_a_setup_in_flight_at_the_moment_of_the_deletion_leaves_the_project_deleted(make_app):
    first, second = make_app(DISABLE_PLUGINS=NO_ANNOTATORS), make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    failed = []
    with served(first) as first_url, served(second) as second_url:
        for project in range(100, 100 + ROUNDS):
            setup = {**SETUP, "project": f"{project}.1796020075"}
            assert http_post(f"{second_url}/setup", setup)[0] == 200
            answers = at_once(lambda: http_post(f"{first_url}/webhook", deletion(project)),
                              lambda: http_post(f"{second_url}/setup", setup))
            assert [status for status, _ in answers] == [200, 200], answers
            if project in stored_configs(first):
                failed.append(project)
    assert failed == [], f"{len(failed)} of {ROUNDS} rounds started the deleted project again"


def test_a_setup_delivered_after_the_deletion_starts_only_a_project_created_after_it(make_app):
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    client = app.test_client()
    post(app, created(1))
    assert post(app, deletion(1)).json["events"] == 1
    # Label Studio's /setup of the deleted project (created 30 November), delivered late.
    assert client.post("/setup", json={**SETUP, **WITH_TOKEN}).status_code == 200
    assert stored_configs(app) == {}
    assert post(app, created(2)).json["events"] == 0
    kept = app.extensions["anota"]
    assert kept.project_configs == {} and kept.project_connections == {}
    # A project Label Studio created after the deletion (a new Label Studio whose ids start again at 1).
    anew = {**SETUP, "project": f"1.{int(time.time()) + 1}"}
    assert client.post("/setup", json=anew).status_code == 200
    assert stored_configs(app) == {1: SETUP["schema"]}
    assert post(app, created(3)).json["events"] == 1


def test_a_worker_without_predictions_drops_a_deleted_projects_token(make_app):
    first, second = make_app(DISABLE_PLUGINS=NO_ANNOTATORS), make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    with served(first) as first_url, served(second) as second_url:
        assert http_post(f"{second_url}/setup", {**SETUP, **WITH_TOKEN})[0] == 200
        assert http_post(f"{first_url}/webhook", deletion(1))[0] == 200
        kept = second.extensions["anota"]
        deadline = time.monotonic() + 3 * PROJECT_RECHECK_SECONDS
        while kept.project_connections and time.monotonic() < deadline:
            time.sleep(0.05)
        assert kept.project_connections == {} and kept.project_configs == {}


def vote_reads(app: Flask) -> list[str]:
    """The statements that will read the entities plugin's votes, as ``app`` runs them."""
    reads: list[str] = []

    def record(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "entity_mention_votes" in statement:
            reads.append(statement)

    event.listen(app.extensions["anota"].database.engine, "before_cursor_execute", record)
    return reads


def test_predict_reads_no_votes_when_nothing_was_taught_and_sees_a_name_taught_through_another_worker(make_app):
    first, second = make_app(PRELOAD=False), make_app(PRELOAD=False)
    text = "A startup lançou o assistente Jandaia ontem."
    post(first, annotation_body(1, text, [("Jandaia", "Product")]))
    assert ("Jandaia", "Product") in taught(predict(second, PROBE)[0])
    reads = vote_reads(second)
    for _ in range(3):
        predict(second, PROBE)
    assert reads == []
    post(first, annotation_body(2, "A Jararaca Labs abriu uma loja.", [("Jararaca Labs", "Organization")]))
    assert ("Jararaca Labs", "Organization") in taught(predict(second, "A Jararaca Labs cresce.")[0])
    post(first, {"action": "ANNOTATION_DELETED", "project": {"id": PROJECT}, "annotation": {"id": 2}})
    assert ("Jararaca Labs", "Organization") not in taught(predict(second, "A Jararaca Labs cresce.")[0])


def test_a_late_event_and_the_deletion_at_once_leave_no_learned_name(make_app):
    first, second = make_app(PRELOAD=False), make_app(PRELOAD=False)
    text = "A startup lançou o assistente Jandaia ontem."
    failed = []
    with served(first) as first_url, served(second) as second_url:
        for project in range(100, 100 + ROUNDS // 3):
            http_post(f"{first_url}/webhook", {**annotation_body(project * 10, text, [("Jandaia", "Product")]),
                                               "project": {"id": project}})
            late = {**annotation_body(project * 10 + 1, text, [("Jandaia", "Product")]), "project": {"id": project}}
            at_once(lambda: http_post(f"{first_url}/webhook", deletion(project)),
                    lambda: http_post(f"{second_url}/webhook", late))
            tasks = [{"id": 1, "data": {"text": PROBE}, "project": project}]
            status, answer = http_post(f"{first_url}/predict", {"tasks": tasks, "label_config": CONFIG})
            assert status == 200, answer
            if taught(answer["results"][0]["result"]):
                failed.append(project)
    assert failed == [], f"{len(failed)} of {ROUNDS // 3} rounds kept a name learned from the deleted project"

