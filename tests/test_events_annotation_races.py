"""An annotation's own events reaching two workers at once (session 27's open gap).

Expected, written before the fix:
- ANNOTATIONS_DELETED of an annotation posted to one worker at the moment a late event of the same annotation
  (sent by Label Studio before the deletion) reaches another leaves none of the annotation's votes: the
  annotation is deleted, whichever event is stored first, and the entities plugin learns nothing from it.
- Two states of one annotation reaching two workers at once leave the votes of the later state (its
  ``updated_at``), whichever is stored or learned from first.

The late event is an import's ANNOTATIONS_CREATED, whose worker learns from its annotations one after the other:
the raced annotation, last, is learned from milliseconds after the import was stored, which leaves the other
event the time to be stored and learned from in between in most rounds. With a single ANNOTATION_UPDATED the
same interleaving needs the other event within a fraction of a millisecond (measured on main: a deletion's
votes kept 7/200 rounds on SQLite, 38/100 on PostgreSQL; the earlier update's votes 10/200 and 2/100).

Also pinned: a /setup of a deleted project's id created in the second the deletion was received leaves it deleted
(Label Studio's created timestamp has whole seconds; the deleted project sends the same name).

The interleavings are provoked by real concurrent requests to two workers (two apps on one database, each served
over HTTP on 127.0.0.1), round after round; each round counts a failure, and the test asserts none.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timezone
from typing import Any

from flask import Flask
from sqlalchemy import select

from plugins.entity_memory import MentionVote
from server.db import DeletedProject
from tests.test_entities import PROJECT, annotation_body
from tests.test_events_deleted_projects import SETUP
from tests.test_events_races import ROUNDS, at_once
from tests.test_loaders4 import http_post, served
from tests.test_preload import NO_ANNOTATORS
from tests.test_webhook import post, stored_configs

TEXT = "A startup lançou o assistente Jandaia ontem, com a Jararaca Labs."
CREATED_AT = "2026-11-30T08:00:00.100000Z"
LATER_AT = "2026-11-30T08:00:09.300000Z"
# The annotations of one import: the worker learns from them one at a time, the raced one last.
IMPORTED = 20
ARRIVAL_STEP = 0.002  # seconds between the rounds' arrival delays (``later``)


def votes_of(app: Flask, annotation_id: int) -> set[tuple[str, str]]:
    """The live votes the entities plugin keeps for one annotation."""
    with app.extensions["anota"].database.session() as session:
        rows = session.execute(select(MentionVote.surface, MentionVote.label)
                               .where(MentionVote.annotation_id == annotation_id))
        return {(surface, label) for surface, label in rows}


def annotations_deleted(annotation_id: int) -> dict[str, Any]:
    """Label Studio 1.23.2's ANNOTATIONS_DELETED: the ids only, and the project."""
    return {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": annotation_id}], "project": {"id": PROJECT}}


def updated(annotation_id: int, spans: list[tuple[str, str]], updated_at: str) -> dict[str, Any]:
    return annotation_body(annotation_id, TEXT, spans, action="ANNOTATION_UPDATED", updated_at=updated_at)


def imported(last_id: int, last_spans: list[tuple[str, str]]) -> dict[str, Any]:
    """Label Studio's ANNOTATIONS_CREATED of an import: ``IMPORTED`` annotations up to ``last_id``, one a task,
    the last over ``last_spans`` (a worker learns from them one after the other: the last is learned from last)."""
    bodies = [annotation_body(annotation_id, TEXT, last_spans if annotation_id == last_id else [("Jandaia", "Product")],
                              updated_at=CREATED_AT)
              for annotation_id in range(last_id - IMPORTED + 1, last_id + 1)]
    return {"action": "ANNOTATIONS_CREATED", "project": {"id": PROJECT},
            "task": [body["task"] for body in bodies], "annotation": [body["annotation"] for body in bodies]}


def later(round_number: int, call: Callable[[], Any]) -> Any:
    """``call`` after 0 to 18 ms, by round: the import's storing (a few ms) ends before the other event is
    stored in some rounds, after it in others, and each order meets the import's learning at another moment."""
    time.sleep(round_number % 10 * ARRIVAL_STEP)
    return call()


def race(make_app: Callable[..., Flask], events: Callable[[int], tuple[dict[str, Any], dict[str, Any]]],
         failed: Callable[[Flask, int], bool]) -> list[int]:
    """Post each round's two events at once, to two workers; the rounds (their last imported annotation) failed."""
    first, second = make_app(PRELOAD=False), make_app(PRELOAD=False)
    failures = []
    with served(first) as first_url, served(second) as second_url:
        for round_number in range(ROUNDS):
            annotation_id = (round_number + 1) * IMPORTED  # the round's import's last
            one, other = events(annotation_id)
            answers = at_once(lambda: later(round_number, lambda: http_post(f"{first_url}/webhook", one)),
                              lambda: http_post(f"{second_url}/webhook", other))
            assert [status for status, _ in answers] == [200, 200], answers
            if failed(first, annotation_id):
                failures.append(annotation_id)
    return failures


def test_a_deletion_and_a_late_import_of_the_annotation_at_once_leave_none_of_its_votes(make_app):
    def events(annotation_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        return annotations_deleted(annotation_id), imported(annotation_id, [("Jandaia", "Product")])

    failed = race(make_app, events, lambda app, annotation_id: bool(votes_of(app, annotation_id)))
    assert failed == [], f"{len(failed)} of {ROUNDS} rounds kept votes of the deleted annotation"


def test_an_update_and_a_late_import_of_the_annotation_at_once_leave_the_updates_votes(make_app):
    later_spans = [("Jandaia", "Product"), ("Jararaca Labs", "Organization")]
    later_votes = {("Jandaia", "PRODUCT"), ("Jararaca Labs", "ORG")}

    def events(annotation_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        late = imported(annotation_id, [("Jandaia", "Organization")])
        return updated(annotation_id, later_spans, LATER_AT), late

    failed = race(make_app, events, lambda app, annotation_id: votes_of(app, annotation_id) != later_votes)
    assert failed == [], f"{len(failed)} of {ROUNDS} rounds kept the votes of the import, an earlier state"


def test_a_project_created_in_the_second_its_id_was_deleted_counts_as_the_deleted_one(make_app):
    """/setup's created timestamp is in whole seconds (Label Studio's ``int(created_at.timestamp())``): in the
    second Anota received the deletion, the deleted project and a new one send the same name; it stays deleted."""
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS)
    assert post(app, {"action": "PROJECT_DELETED", "project": {"id": 1}}).status_code == 200
    with app.extensions["anota"].database.session() as session:
        deleted_at = session.get(DeletedProject, 1).deleted_at
    second = int(deleted_at.replace(tzinfo=deleted_at.tzinfo or timezone.utc).timestamp())
    client = app.test_client()
    assert client.post("/setup", json={**SETUP, "project": f"1.{second}"}).status_code == 200
    assert stored_configs(app) == {}
    assert client.post("/setup", json={**SETUP, "project": f"1.{second + 1}"}).status_code == 200
    assert stored_configs(app) == {1: SETUP["schema"]}
