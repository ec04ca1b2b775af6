"""/webhook stores annotation events idempotently and tells plugins."""

from __future__ import annotations

import copy

from sqlalchemy import func, select

from server.db import StoredAnnotation, WebhookEvent
from tests.conftest import recorded_body

RECORDER = "tests.sample_plugins.recorder"


def stored(app) -> list[StoredAnnotation]:
    with app.extensions["anota"].database.session() as session:
        return list(session.scalars(select(StoredAnnotation).order_by(StoredAnnotation.id)))


def event_count(app) -> int:
    with app.extensions["anota"].database.session() as session:
        return session.scalar(select(func.count()).select_from(WebhookEvent))


def test_created_event_is_stored_once(make_app):
    app = make_app(PLUGINS=[RECORDER])
    client = app.test_client()
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    first = client.post("/webhook", json=body)
    assert first.status_code == 200 and first.json == {"status": "ok", "events": 1}
    again = client.post("/webhook", json=body)
    assert again.json == {"status": "duplicate", "events": 0}
    [annotation] = stored(app)
    assert annotation.id == 1 and annotation.task_id == 1 and annotation.project_id == 1
    assert annotation.task_data["text"].startswith("A Meta")
    assert [r["value"].get("text") for r in annotation.result] == ["Meta", "Qwen", None]
    assert annotation.completed_by == "1" and not annotation.was_cancelled
    assert event_count(app) == 1
    [event] = app.extensions["recorded_events"]
    assert event.action == "ANNOTATION_CREATED" and event.annotation_id == 1
    assert event.task_data["text"].startswith("A Meta")


def test_update_then_delete(make_app):
    app = make_app(PLUGINS=[RECORDER])
    client = app.test_client()
    created = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    client.post("/webhook", json=created)
    updated = copy.deepcopy(created)
    updated["action"] = "ANNOTATION_UPDATED"
    updated["annotation"]["updated_at"] = "2026-11-30T07:00:00.000000Z"
    updated["annotation"]["result"] = updated["annotation"]["result"][:1]
    assert client.post("/webhook", json=updated).json["events"] == 1
    assert len(stored(app)[0].result) == 1
    # A late redelivery of the older state must not overwrite the newer one.
    late = copy.deepcopy(created)
    late["action"] = "ANNOTATION_UPDATED"
    assert client.post("/webhook", json=late).json == {"status": "ok", "events": 0}
    assert len(stored(app)[0].result) == 1
    deleted = {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 1}], "project": {"id": 1}}
    assert client.post("/webhook", json=deleted).json == {"status": "ok", "events": 1}
    assert stored(app)[0].deleted
    actions = [e.action for e in app.extensions["recorded_events"]]
    assert actions == ["ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_DELETED"]


def test_other_actions_are_acknowledged_and_ignored(make_app):
    app = make_app()
    answer = app.test_client().post("/webhook", json={"action": "TASKS_CREATED", "project": {"id": 1}})
    assert answer.json == {"status": "ok", "events": 0}
    assert stored(app) == []


def test_events_survive_a_restart(make_app):
    make_app().test_client().post("/webhook", json=recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json"))
    restarted = make_app()
    assert [a.id for a in stored(restarted)] == [1]
    again = restarted.test_client().post(
        "/webhook", json=recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    )
    assert again.json["status"] == "duplicate"


def test_a_failing_event_hook_does_not_fail_the_webhook(make_app, caplog):
    app = make_app(PLUGINS=["tests.sample_plugins.failing_hook"])
    answer = app.test_client().post("/webhook", json=recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json"))
    assert answer.status_code == 200
    [warning] = [r for r in caplog.records if "failed on annotation_changed" in r.getMessage()]
    assert "failing_hook.py" in caplog.text and warning.exc_info  # the line that raised, for the plugin's writer
    metrics = app.test_client().get("/metrics").get_data(as_text=True)
    assert 'anota_plugin_errors_total{annotator="",kind="hook",plugin="tests.sample_plugins.failing_hook"} 1.0' in metrics
    assert len(stored(app)) == 1
