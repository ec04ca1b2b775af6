"""Interactive answers for an annotation that did not start from Anota's prediction.

Label Studio 1.23.2 sends every prediction of the task with an interactive request (``ml/models.py``
``interactive_annotating``: ``predictions`` expanded, unfiltered), but its editor pre-labels from one only where it
shows predictions (``libs/datamanager/src/sdk/lsf-sdk.js``: in the label stream only with the project's
``show_collab_predictions``, "Use predictions to prelabel tasks"; in the quick view when the task has no annotation).
``addAnnotationFromPrediction`` keeps the prediction's region ids, so a draft that holds regions and not one of a
prediction's ids did not start from it. Bodies in the editor's shape (fixtures/s50-interactive/editor_body.json)."""

from __future__ import annotations

import copy
import re
from datetime import timedelta
from typing import Any

from sqlalchemy import update

from server.db import AnsweredPlace, Database, utcnow
from server.interactive import ANSWERED_DAYS
from tests.test_s50_interactive import BODY, TEXT, answer, body_with, mark, places

DRAFT = BODY["tasks"][0]["drafts"][0]
PREDICTION_IDS = {region["id"] for region in BODY["tasks"][0]["predictions"][0]["result"]}
SERRANA = "Serrana Lacticínios"
FIRST_SERRANA = TEXT.index(SERRANA)
SECOND_SERRANA = TEXT.index(SERRANA, FIRST_SERRANA + 1)
RUI = TEXT.index("Rui Amaral")
VISEU = TEXT.index("Viseu")


def own_draft(*regions: dict[str, Any]) -> dict[str, Any]:
    """The autosaved draft of an annotation started empty: only what the annotator drew (the editor's random ids)."""
    return {**copy.deepcopy(DRAFT), "result": [copy.deepcopy(region) for region in regions]}


def test_a_copy_where_an_unused_prediction_has_the_same_label_is_sent(client):
    # The annotator drew Rui Amaral's PER (autosaved), then marks the first Serrana Lacticínios ORG. The prediction
    # has ORG on the second one, but the annotation never held it. Before: every prediction counted as held and the
    # copy was not sent (nor the plugins' Viseu LOC): lost.
    drawn = mark(RUI, "Rui Amaral", "PER", region_id="Tz0vB1kQ_a")
    regions = answer(client, body_with([mark(FIRST_SERRANA, SERRANA)], drafts=[own_draft(drawn)]))
    assert (SECOND_SERRANA, SECOND_SERRANA + len(SERRANA), "ORG") in places(regions)
    assert (VISEU, VISEU + len("Viseu"), "LOC") in places(regions)


def test_a_suggestion_sent_then_is_not_taken_for_the_predictions_next_time(client):
    # Suggestions go under ids of their own place, never a prediction's: the editor keeps an answer's ids, and the
    # next draft holding one under the prediction's id (and place) would pass for an annotation started from it.
    drawn = mark(RUI, "Rui Amaral", "PER", region_id="Tz0vB1kQ_a")
    first = answer(client, body_with([mark(FIRST_SERRANA, SERRANA)], drafts=[own_draft(drawn)]))
    assert not {region["id"] for region in first} & PREDICTION_IDS
    assert all(re.fullmatch(r"(ctx|suggested)-.+", region["id"]) for region in first if region["type"] == "labels")


def test_a_draft_that_kept_the_predictions_regions_still_holds_it(client):
    # The editor's body: the draft holds the prediction's regions under their ids (one deleted). Unchanged.
    regions = answer(client, body_with([mark(FIRST_SERRANA, SERRANA)]))
    assert (SECOND_SERRANA, SECOND_SERRANA + len(SERRANA), "ORG") not in places(regions)
    assert (VISEU, VISEU + len("Viseu"), "LOC") not in places(regions)


def test_before_the_first_autosave_the_prediction_still_counts_as_held(client):
    # No draft: nothing tells whether the editor pre-labelled (quick view does whenever the task has no annotation).
    # A copy sent where the annotation may hold the prediction's region goes under that region's id (s52-interactive:
    # before, withheld and lost where the annotation did not start from the prediction); never beside it.
    regions = answer(client, body_with([mark(FIRST_SERRANA, SERRANA)], drafts=[]))
    [copy_] = [region for region in regions if region["value"].get("start") == SECOND_SERRANA]
    assert copy_["id"] == "text-a1r1" and places([copy_]) == [(SECOND_SERRANA, SECOND_SERRANA + len(SERRANA), "ORG")]


# What earlier answers gave, in the database: every worker's and a restarted server's (before: each worker process's
# memory, so with --workers 2 a region the annotator deleted came back once per worker, and after every restart).


def without(regions: list[dict[str, Any]], start: int) -> list[dict[str, Any]]:
    return [region for region in regions if region["type"] != "labels" or region["value"]["start"] != start]


def test_a_suggestion_deleted_does_not_come_back_from_another_worker(make_app):
    first_worker, second_worker = make_app().test_client(), make_app().test_client()
    drawn = mark(VISEU, "Viseu", "LOC", region_id="Tz0vB1kQ_a")
    first = answer(first_worker, body_with([mark(FIRST_SERRANA, SERRANA)], predictions=[], drafts=[own_draft(drawn)]))
    assert (RUI, RUI + len("Rui Amaral"), "PER") in places(first)
    # The annotator deletes the PER; the next mark goes to the other worker (or to the server restarted).
    kept = own_draft(drawn, *without(first, RUI))
    second = answer(second_worker, body_with([mark(TEXT.index("Flor da Estrela"), "Flor da Estrela")],
                                             predictions=[], drafts=[kept]))
    assert (RUI, RUI + len("Rui Amaral"), "PER") not in places(second)
    assert not set(places(second)) & set(places(first))


def test_answers_before_the_first_autosave_are_claimed_on_another_worker(make_app):
    first_worker, second_worker = make_app().test_client(), make_app().test_client()
    first = answer(first_worker, body_with([mark(FIRST_SERRANA, SERRANA)], predictions=[], drafts=[]))
    assert (RUI, RUI + len("Rui Amaral"), "PER") in places(first)
    kept = own_draft(*without(first, RUI))
    second = answer(second_worker, body_with([mark(VISEU, "Viseu", "LOC")], predictions=[], drafts=[kept]))
    assert (RUI, RUI + len("Rui Amaral"), "PER") not in places(second)
    # Claimed: another annotator's first request with a draft gets the suggestions.
    other = own_draft()
    other["user"] = "rui@example.org"
    assert (RUI, RUI + len("Rui Amaral"), "PER") in places(answer(first_worker, body_with(predictions=[], drafts=[other])))


def test_places_answered_longer_ago_than_the_expiry_are_forgotten(app):
    answered = app.extensions["anota"].predictor.answered
    key = ("7", 7, "ana@example.org")
    place = ("label", (RUI, RUI + len("Rui Amaral")), ("PER",))
    answered.remember(key, ("text", 1), {place})
    database = app.extensions["anota"].database
    with database.session() as session:
        session.execute(update(AnsweredPlace).values(answered_at=utcnow() - timedelta(days=ANSWERED_DAYS, hours=1)))
    assert answered.recall(key) == {("text", 1): {place}}  # kept until the next answer's write
    answered.remember(("7", 8, "ana@example.org"), ("text", 1), {place})
    assert answered.recall(key) == {}
    assert answered.recall(("7", 8, "ana@example.org")) == {("text", 1): {place}}


def test_a_database_out_of_reach_costs_the_memory_not_the_answer(app, tmp_path, caplog):
    # A folder that does not exist: every connection fails (as a PostgreSQL server down would).
    unreachable = Database(f"sqlite:///{tmp_path / 'missing' / 'anota.db'}")
    skipped: list[str] = []
    unreachable.on_skipped_write = skipped.append
    app.extensions["anota"].predictor.answered.database = unreachable
    drawn = mark(RUI, "Rui Amaral", "PER", region_id="Tz0vB1kQ_a")
    regions = answer(app.test_client(), body_with([mark(FIRST_SERRANA, SERRANA)], drafts=[own_draft(drawn)]))
    assert (SECOND_SERRANA, SECOND_SERRANA + len(SERRANA), "ORG") in places(regions)
    assert skipped == ["answered_places"]
    assert "answered places of task" in caplog.text and "not read" in caplog.text
    unreachable.dispose()
