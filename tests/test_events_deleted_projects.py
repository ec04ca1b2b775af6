"""A project Label Studio deleted stays deleted: late events, restarts, other workers, and a new /setup.

Expected, written before the fix: after PROJECT_DELETED, a late annotation event of that project (sent before the
deletion, delivered after it) stored the project's labeling config again, stored its annotation as live, told the
plugins and so taught the entities plugin the names it labels; a late PROJECT_UPDATED stored the config again.
The deletion must hold for every late event, after a restart and on another worker (two apps on one SQLite file).
A /setup of the id afterwards for a project Label Studio created after the deletion is a new project with the id:
it starts the project anew (its config kept, its later events stored), and a later PROJECT_DELETED deletes it
again (session 27: a /setup of the deleted project itself, delivered late, leaves it deleted,
tests/test_events_races.py). Every worker drops a deleted
project's /setup config and token from its memory at its next /predict once the recheck interval has passed,
whichever project that /predict is for, and /predict reads the database at most once per interval for it."""

from __future__ import annotations

import time
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event

from server.app import PROJECT_RECHECK_SECONDS
from tests.conftest import recorded_body
from tests.test_entities import PROJECT, annotation_body, predict
from tests.test_learning_probe import PROBE, taught
from tests.test_loaders4 import http_post, served
from tests.test_preload import NO_ANNOTATORS
from tests.test_webhook import post, stored, stored_configs

RECORDER = "tests.sample_plugins.recorder"
SETUP = recorded_body("ls_to_backend_setup.json")  # project "1.1796020075"
OTHER_SETUP = {**SETUP, "project": "2.1796020999"}
WITH_TOKEN = {"hostname": "http://127.0.0.1:9", "access_token": "t0k3n"}
DELETED = {"action": "PROJECT_DELETED", "project": {"id": 1}}
LATER = "2026-11-30T09:00:00Z"  # after the recorded annotation's updated_at


def created(annotation_id: int, project: int = 1) -> dict[str, Any]:
    """Label Studio's recorded ANNOTATION_CREATED, for another annotation (its task's id) and project."""
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    body["project"]["id"] = body["annotation"]["project"] = project
    body["annotation"]["id"] = body["task"]["id"] = body["annotation"]["task"] = annotation_id
    return body


def late_events() -> dict[str, dict[str, Any]]:
    """Events of project 1 that Label Studio sent before deleting it, delivered after the deletion."""
    updated = created(1)
    updated["action"], updated["annotation"]["updated_at"] = "ANNOTATION_UPDATED", LATER
    bulk = created(3)
    bulk["action"], bulk["annotation"], bulk["task"] = "ANNOTATIONS_CREATED", [bulk["annotation"]], [bulk["task"]]
    project = created(1)["project"]
    renamed = {"action": "PROJECT_UPDATED",
               "project": {**project, "label_config": "<View><!-- renamed --></View>", "updated_at": LATER}}
    return {"created": created(2), "updated": updated, "bulk created": bulk, "project updated": renamed}


def live_annotations(app: Flask) -> list[tuple[int, int | None]]:
    return [(annotation.id, annotation.project_id) for annotation in stored(app) if not annotation.deleted]


@pytest.mark.parametrize("late", list(late_events()))
def test_a_late_event_of_a_deleted_project_stores_nothing_and_tells_no_plugin(make_app, late):
    app = make_app(PLUGINS=[RECORDER])
    assert post(app, created(1)).json["events"] == 1
    assert post(app, created(10, project=2)).json["events"] == 1
    assert post(app, DELETED).json == {"status": "ok", "events": 1}
    answer = post(app, late_events()[late]).json  # the renamed config, which labels nothing, is remarked on
    assert (answer["status"], answer["events"]) == ("ok", 0), answer
    assert set(stored_configs(app)) == {2}
    assert live_annotations(app) == [(10, 2)]
    assert [(e.action, e.annotation_id) for e in app.extensions["recorded_events"]] == [
        ("ANNOTATION_CREATED", 1), ("ANNOTATION_CREATED", 10), ("PROJECT_DELETED", 1)]
    # The guard: a late event of a live project is still stored.
    assert post(app, created(11, project=2)).json["events"] == 1


def test_a_late_annotation_of_a_deleted_project_teaches_no_names(make_app):
    app = make_app()
    text = "A startup lançou o assistente Jandaia ontem."
    post(app, annotation_body(1, text, [("Jandaia", "Product")]))
    assert ("Jandaia", "Product") in taught(predict(app, PROBE)[0])  # the guard: learned while the project lives
    post(app, {"action": "PROJECT_DELETED", "project": {"id": PROJECT}})
    assert post(app, annotation_body(2, text, [("Jandaia", "Product")])).json["events"] == 0
    assert taught(predict(app, PROBE)[0]) == set()


def test_the_deletion_holds_after_a_restart_and_on_another_worker(make_app):
    first = make_app()
    post(first, created(1))
    assert post(first, DELETED).json["events"] == 1
    first.extensions["anota"].database.dispose()
    restarted, other_worker = make_app(), make_app()
    for app, annotation_id in ((restarted, 2), (other_worker, 3)):
        assert post(app, created(annotation_id)).json == {"status": "ok", "events": 0}
    assert stored_configs(other_worker) == {} and live_annotations(other_worker) == []


def test_a_new_setup_after_the_deletion_starts_the_project_again(make_app):
    app = make_app(PLUGINS=[RECORDER])
    client = app.test_client()
    post(app, created(1))
    post(app, DELETED)
    # A project Label Studio created after the deletion, with the id again (a new Label Studio).
    assert client.post("/setup", json={**SETUP, "project": f"1.{int(time.time()) + 1}"}).status_code == 200
    assert stored_configs(app) == {1: SETUP["schema"]}
    predict_body = {**recorded_body("ls_to_backend_predict.json"), "label_config": ""}
    assert client.post("/predict", json=predict_body).status_code == 200
    # Its events are stored again; what the deleted project had stays deleted.
    assert post(app, created(2)).json == {"status": "ok", "events": 1}
    assert post(app, late_events()["updated"]).json["events"] == 0
    assert live_annotations(app) == [(2, 1)]
    # Deleted again: not a repeated delivery of the first deletion.
    assert post(app, DELETED).json == {"status": "ok", "events": 1}
    assert stored_configs(app) == {} and live_annotations(app) == []
    assert client.post("/predict", json=predict_body).status_code == 400


def test_every_worker_drops_a_deleted_projects_token_and_config_at_its_next_predict(make_app):
    first, second = make_app(), make_app()
    predict_other = {**recorded_body("ls_to_backend_predict.json"), "project": OTHER_SETUP["project"]}
    with served(first) as first_url, served(second) as second_url:
        for setup in (SETUP, OTHER_SETUP):
            assert http_post(f"{second_url}/setup", {**setup, **WITH_TOKEN})[0] == 200
        assert http_post(f"{first_url}/webhook", DELETED)[0] == 200
        time.sleep(PROJECT_RECHECK_SECONDS)
        # A /predict for the other project, with its config: the deleted one's token still goes.
        assert http_post(f"{second_url}/predict", predict_other)[0] == 200
    kept = second.extensions["anota"]
    assert set(kept.project_configs) == set(kept.project_connections) == {OTHER_SETUP["project"]}


def test_predict_reads_the_setup_config_from_the_database_at_most_once_per_interval(make_app):
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    client = app.test_client()
    assert client.post("/setup", json={**SETUP, **WITH_TOKEN}).status_code == 200
    statements: list[str] = []
    event.listen(app.extensions["anota"].database.engine, "before_cursor_execute",
                 lambda _connection, _cursor, statement, *_rest: statements.append(statement))
    as_sent = recorded_body("ls_to_backend_predict.json")
    started = time.monotonic()
    for body in [as_sent, {**as_sent, "label_config": ""}] * 25:
        assert client.post("/predict", json=body).status_code == 200
    intervals = 1 + int((time.monotonic() - started) / PROJECT_RECHECK_SECONDS)
    # Each interval: which kept projects were deleted, and the project's stored config.
    assert 0 < len(statements) <= 2 * intervals, statements


def test_a_config_another_worker_stored_is_read_within_the_interval(make_app):
    first, second = make_app(DISABLE_PLUGINS=NO_ANNOTATORS), make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    assert first.test_client().post("/setup", json=SETUP).status_code == 200
    assert second.extensions["anota"].setup_config(SETUP["project"]) == SETUP["schema"]
    renamed = {**created(1)["project"], "label_config": "<View><!-- renamed --></View>", "updated_at": LATER}
    post(first, {"action": "PROJECT_UPDATED", "project": renamed})
    time.sleep(PROJECT_RECHECK_SECONDS)
    assert second.extensions["anota"].setup_config(SETUP["project"]) == renamed["label_config"]
