"""/webhook stores annotation events idempotently and tells plugins."""

from __future__ import annotations

import copy
import json
import time

import pytest

from sqlalchemy import func, select

from server.db import StoredAnnotation, StoredProject, WebhookEvent
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
    assert event.label_config.startswith("<View>")  # Label Studio sends the project's config with it


@pytest.mark.parametrize("meta", ["imported by a script", 7, ["a"], None])
def test_an_annotation_whose_task_meta_is_no_object_is_stored(make_app, meta):
    app = make_app()
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    body["task"]["meta"] = meta
    answer = app.test_client().post("/webhook", json=body)
    assert answer.status_code == 200 and answer.json["events"] == 1, answer.json
    [annotation] = stored(app)
    # As it came (the export reads it as none and says so); a null one as none.
    assert annotation.task_meta == ({} if meta is None else meta) and annotation.result


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


def annotation(annotation_id: int, *, project: int = 1, updated_at: str = "2026-11-30T08:00:00.100000Z") -> dict:
    return {"action": "ANNOTATION_CREATED", "project": {"id": project},
            "task": {"id": annotation_id, "data": {"text": "A Meta cresceu."}},
            "annotation": {"id": annotation_id, "result": [], "updated_at": updated_at}}


def post(app, body: dict):
    # As bytes: the test client's JSON encoder refuses integers beyond 64 bits.
    return app.test_client().post("/webhook", data=json.dumps(body), content_type="application/json")


def named_fields(errors: dict) -> set[str]:
    """The fields a 400's errors name, dotted: the schema's nest (``{"annotation": {"id": [...]}}``, since the
    annotation's id is the export's Integer64) and the range checks' flat keys (``"task.id"``) alike."""
    return {f"{key}.{inner}" if isinstance(found, dict) else key
            for key, found in errors.items() for inner in (found if isinstance(found, dict) else [None])}


@pytest.mark.parametrize("body, field", [
    ({"action": "ANNOTATION_CREATED", "task": {"id": 1}, "annotation": {"id": 2**70}}, "annotation.id"),
    # the schema's (exportprobe34: a deleted id is a strict 64-bit integer), naming the item
    ({"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 2**64}]}, "annotations.0"),
    ({"action": "ANNOTATION_CREATED", "project": {"id": 2**63}, "task": {"id": 1}, "annotation": {"id": 1}}, "project"),
    ({"action": "ANNOTATION_CREATED", "task": {"id": 2**63}, "annotation": {"id": 1}}, "task.id"),
    ({"action": "ANNOTATION_CREATED", "annotation": {"id": 1, "result": []}}, "task"),
])
def test_a_wrong_id_or_no_task_is_a_400_naming_it(make_app, body, field):
    app = make_app()
    answer = post(app, body)
    assert answer.status_code == 400 and field in named_fields(answer.json["errors"]), answer.json
    assert stored(app) == []


def test_a_deletion_delivered_before_the_creation_holds(make_app):
    app = make_app(PLUGINS=[RECORDER])
    deleted = {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 5}], "project": {"id": 1}}
    assert post(app, deleted).json == {"status": "ok", "events": 0}
    assert post(app, annotation(5)).json == {"status": "ok", "events": 0}
    assert [a.deleted for a in stored(app)] == [True]
    assert "recorded_events" not in app.extensions  # the plugins were not told


def test_update_times_compare_as_instants(make_app):
    # Label Studio leaves out the microseconds when they are 0: "08:00:00Z" is
    # before "08:00:00.300000Z", though it sorts after it as a string.
    app = make_app()
    post(app, annotation(1, updated_at="2026-11-30T08:00:00Z"))
    later = annotation(1, updated_at="2026-11-30T08:00:00.300000Z")
    later["annotation"]["result"] = [{"type": "choices", "value": {"choices": ["Neutral"]}}]
    assert post(app, later).json["events"] == 1
    assert stored(app)[0].result == later["annotation"]["result"]


def test_a_deleted_project_deletes_its_annotations(make_app):
    app = make_app(PLUGINS=[RECORDER])
    for annotation_id, project in [(1, 1), (2, 1), (3, 2)]:
        post(app, annotation(annotation_id, project=project))
    assert post(app, {"action": "PROJECT_DELETED", "project": {"id": 1}}).json == {"status": "ok", "events": 2}
    assert [(a.id, a.deleted) for a in stored(app)] == [(1, True), (2, True), (3, False)]
    events = app.extensions["recorded_events"][3:]
    assert [(e.action, e.annotation_id, e.deleted) for e in events] == [("PROJECT_DELETED", 1, True),
                                                                        ("PROJECT_DELETED", 2, True)]
    # Another project's deletion is not a repeated delivery of this one.
    assert post(app, {"action": "PROJECT_DELETED", "project": {"id": 2}}).json == {"status": "ok", "events": 1}


def test_a_deleted_projects_labeling_config_is_forgotten_with_its_annotations(make_app):
    app = make_app()
    for project in (1, 2):
        body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
        body["project"]["id"] = body["annotation"]["project"] = project
        body["annotation"]["id"] = body["task"]["id"] = project
        post(app, body)
    config = body["project"]["label_config"]
    assert stored_configs(app) == {1: config, 2: config}
    # Label Studio may send the whole project with its deletion: its config is not kept again.
    deleted = {"action": "PROJECT_DELETED", "project": {**body["project"], "id": 1}}
    assert post(app, deleted).json == {"status": "ok", "events": 1}
    assert stored_configs(app) == {2: config}  # the guard: another project's config stays
    assert post(app, deleted).json == {"status": "duplicate", "events": 0}
    assert stored_configs(app) == {2: config}
    assert post(app, {"action": "PROJECT_DELETED", "project": {"id": 2}}).json["events"] == 1
    assert stored_configs(app) == {}


def test_annotations_imported_with_their_tasks_are_stored_from_one_bulk_event(make_app):
    # ANNOTATIONS_CREATED (tasks imported with annotations) sends `annotation` and `task` as lists,
    # one task per annotation; it was a 400 and nothing was stored or learned.
    app = make_app(PLUGINS=[RECORDER])
    body = {"action": "ANNOTATIONS_CREATED", "project": {"id": 1},
            "task": [{"id": 10, "data": {"text": "A Meta cresceu."}}, {"id": 11, "data": {"text": "A Qwen caiu."}},
                     {"id": 10, "data": {"text": "A Meta cresceu."}}],
            "annotation": [{"id": 1, "task": 10, "result": []}, {"id": 2, "task": 11, "result": []},
                           {"id": 3, "task": 10, "result": []}]}
    assert post(app, body).json == {"status": "ok", "events": 3}
    assert [(a.id, a.task_id, a.task_data["text"]) for a in stored(app)] == [
        (1, 10, "A Meta cresceu."), (2, 11, "A Qwen caiu."), (3, 10, "A Meta cresceu.")]
    assert [e.action for e in app.extensions["recorded_events"]] == ["ANNOTATIONS_CREATED"] * 3
    assert post(app, body).json == {"status": "duplicate", "events": 0}


def test_deleted_tasks_delete_their_annotations(make_app):
    # TASKS_DELETED names the tasks only: their annotations stayed learned and exported.
    app = make_app(PLUGINS=[RECORDER])
    for annotation_id in (1, 2, 3):
        post(app, annotation(annotation_id))  # task id = annotation id
    body = {"action": "TASKS_DELETED", "project": {"id": 1}, "tasks": [{"id": 1}, {"id": 3}, {"id": 99}]}
    assert post(app, body).json == {"status": "ok", "events": 2}
    assert [(a.id, a.deleted) for a in stored(app)] == [(1, True), (2, False), (3, True)]
    events = app.extensions["recorded_events"][3:]
    assert [(e.action, e.annotation_id, e.deleted) for e in events] == [("TASKS_DELETED", 1, True),
                                                                        ("TASKS_DELETED", 3, True)]


def stored_configs(app) -> dict[int, str]:
    with app.extensions["anota"].database.session() as session:
        return {project.id: project.label_config for project in session.scalars(select(StoredProject))}


def test_the_projects_labeling_config_is_kept_as_its_latest_state(make_app):
    # anota export --from-db reads the annotations by it (which text a span is on, a Paragraphs object's utterances).
    app = make_app()
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    post(app, body)
    assert stored_configs(app) == {1: body["project"]["label_config"]}
    for config in ("<View><!-- renamed --></View>", "<View><!-- renamed again --></View>"):
        # Two updates of one project are two events of one digest: each still changes the config.
        updated = {"action": "PROJECT_UPDATED", "project": {**body["project"], "label_config": config,
                                                           "updated_at": "2026-11-30T09:00:00Z"}}
        post(app, updated)
        assert stored_configs(app) == {1: config}
    late = copy.deepcopy(body)  # the guard: an annotation's late event, with the project as it was before
    late["action"], late["annotation"]["updated_at"] = "ANNOTATION_UPDATED", "2026-11-30T10:00:00Z"
    assert post(app, late).json["events"] == 1
    assert stored_configs(app) == {1: "<View><!-- renamed again --></View>"}


def test_the_config_setup_receives_is_kept_by_its_projects_id(make_app):
    app = make_app()
    setup = recorded_body("ls_to_backend_setup.json")  # project "1.1796020075": the id, then when it was made
    assert app.test_client().post("/setup", json=setup).status_code == 200
    assert stored_configs(app) == {1: setup["schema"]}
    setup["project"] = "a hand-made name"  # the guard: no id to keep it by (the app's memory still has it)
    assert app.test_client().post("/setup", json=setup).status_code == 200
    assert stored_configs(app) == {1: setup["schema"]}


def test_a_deleted_projects_config_and_connection_are_forgotten_in_memory_too(make_app):
    # /setup keeps the config (and Label Studio's address and token) in the app's memory for /predict; a
    # deleted project's stayed there after PROJECT_DELETED took the stored one, and /predict still used it.
    app = make_app()
    client = app.test_client()
    setup = recorded_body("ls_to_backend_setup.json")  # project "1.1796020075"
    other = {**setup, "project": "2.1796020999"}
    for body in (setup, other):
        assert client.post("/setup", json={**body, "hostname": "http://127.0.0.1:8080", "access_token": "t0k3n"}
                           ).status_code == 200
    state = app.extensions["anota"]
    assert set(state.project_configs) == set(state.project_connections) == {"1.1796020075", "2.1796020999"}
    assert post(app, {"action": "PROJECT_DELETED", "project": {"id": 1}}).json["status"] == "ok"
    assert set(state.project_configs) == set(state.project_connections) == {"2.1796020999"}  # another project's stays
    assert stored_configs(app) == {2: setup["schema"]}
    tasks = recorded_body("ls_to_backend_predict.json")["tasks"]
    answer = client.post("/predict", json={"tasks": tasks, "project": "1.1796020075", "label_config": ""})
    assert answer.status_code == 400 and "No labeling config" in answer.json["message"]
    # A /setup of a project Label Studio created after the deletion starts the id again: a deletion delivered
    # after it deletes it again (no duplicate of the first), in memory and in the database.
    anew = f"1.{int(time.time()) + 1}"
    assert client.post("/setup", json={**setup, "project": anew}).status_code == 200
    assert set(state.project_configs) == {"2.1796020999", anew}
    assert post(app, {"action": "PROJECT_DELETED", "project": {"id": 1}}).json["status"] == "ok"
    assert set(state.project_configs) == {"2.1796020999"}
    assert stored_configs(app) == {2: setup["schema"]}
