"""Label Studio retries webhooks: a state of an annotation delivered again is applied once, whatever form its
author takes (issue 5, session 46). On a real SQLite file (conftest's ``database_url``).

The event digest (``server.events.event_digest``) never held the author: the same body delivered again, its user as
``5`` or as ``{"id": 5, "email": ...}``, is a duplicate. What was applied a second time is the same state under
another digest: ANNOTATION_CREATED then ANNOTATION_UPDATED (or a bulk ANNOTATIONS_CREATED) holding an unchanged
annotation, and a row stored before session 45, whose author was the email (the id is stored since), met by a
delivery its digest row does not match. Each was told to the plugins again (``annotation_changed``); now the state
is compared, the author's form aside, and the row keeps today's form (the id)."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import delete, update

from server.db import StoredAnnotation, WebhookEvent
from tests.conftest import recorded_body
from tests.test_webhook import RECORDER, post, stored

ANA = {"id": 5, "email": "ana@example.org", "first_name": "Ana"}


def delivery(author: Any, action: str = "ANNOTATION_CREATED", updated_at: str | None = None) -> dict[str, Any]:
    body = copy.deepcopy(recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json"))
    body["action"] = action
    body["annotation"]["completed_by"] = author
    if updated_at is not None:
        body["annotation"]["updated_at"] = updated_at
    return body


def told(app) -> list[str]:
    return [event.action for event in app.extensions.get("recorded_events", [])]


def test_the_same_body_again_is_a_duplicate_whatever_form_its_user_takes(make_app):
    app = make_app(PLUGINS=[RECORDER])
    assert post(app, delivery(ANA)).json == {"status": "ok", "events": 1}
    assert post(app, delivery(5)).json == {"status": "duplicate", "events": 0}
    assert told(app) == ["ANNOTATION_CREATED"] and stored(app)[0].completed_by == "5"


def test_an_unchanged_state_under_another_action_is_not_applied_again(make_app):
    app = make_app(PLUGINS=[RECORDER])
    assert post(app, delivery(5)).json["events"] == 1
    again = post(app, delivery(ANA, action="ANNOTATION_UPDATED"))
    assert again.status_code == 200 and again.json["events"] == 0, again.json
    assert told(app) == ["ANNOTATION_CREATED"]


def test_a_row_stored_before_session_45_is_not_applied_again_and_takes_the_id(make_app):
    """Before session 45 a user object was stored as its email; the digest row of that delivery may be gone
    (a project's config replayed, a database copied without it): the redelivery must not count twice."""
    app = make_app(PLUGINS=[RECORDER])
    assert post(app, delivery(ANA)).json["events"] == 1
    with app.extensions["anota"].database.session() as session:  # as the row was written before session 45
        session.execute(update(StoredAnnotation).values(completed_by="ana@example.org"))
        session.execute(delete(WebhookEvent))
    again = post(app, delivery(ANA))
    assert again.status_code == 200 and again.json["events"] == 0, again.json
    assert told(app) == ["ANNOTATION_CREATED"]
    assert stored(app)[0].completed_by == "5"  # one form for the user, old row and new alike


def test_a_new_state_is_still_applied(make_app):
    app = make_app(PLUGINS=[RECORDER])
    first = delivery(5)
    assert post(app, first).json["events"] == 1
    later = delivery(ANA, action="ANNOTATION_UPDATED", updated_at="2030-01-01T00:00:00Z")
    assert post(app, later).json["events"] == 1
    changed = delivery(5, action="ANNOTATION_UPDATED", updated_at="2030-01-01T00:00:00Z")
    changed["annotation"]["result"] = []  # the same time, another result (a clock that did not move)
    assert post(app, changed).json["events"] == 1
    assert told(app) == ["ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATION_UPDATED"]
    assert stored(app)[0].result == []
