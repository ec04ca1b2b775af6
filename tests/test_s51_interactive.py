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
from typing import Any

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
    # A copy sent where the annotation holds the prediction's region would sit beside it under another id.
    regions = answer(client, body_with([mark(FIRST_SERRANA, SERRANA)], drafts=[]))
    assert (SECOND_SERRANA, SECOND_SERRANA + len(SERRANA), "ORG") not in places(regions)
