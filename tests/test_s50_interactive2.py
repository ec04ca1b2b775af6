"""Interactive answers and what the annotation being edited holds: regions an earlier answer gave and the annotator
deleted, other annotators' submitted annotations, and which of several predictions the annotation started from.

Bodies in the shape Label Studio 1.23.2's editor sends (fixtures/s50-interactive/editor_body.json, README there):
the request names its annotator only through the drafts in ``tasks[0]`` (their ``user``: Label Studio sends only the
requesting user's), a draft names the submitted annotation it edits (``annotation``), and a submitted annotation the
prediction it started from (``parent_prediction``)."""

from __future__ import annotations

import copy
from typing import Any

from tests.test_s50_interactive import BODY, TEXT, answer, body_with, mark, places

PREDICTION = BODY["tasks"][0]["predictions"][0]
DRAFT = BODY["tasks"][0]["drafts"][0]
RUI = TEXT.index("Rui Amaral")
RUI_PER = (RUI, RUI + len("Rui Amaral"), "PER")
VISEU = TEXT.index("Viseu")


def without_rui(regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in regions if r["type"] != "labels" or r["value"]["start"] != RUI]


def draft(result: list[dict[str, Any]], user: str = "ana@example.org", **fields: Any) -> dict[str, Any]:
    return {**copy.deepcopy(DRAFT), "result": copy.deepcopy(result), "user": user, **fields}


def test_a_suggestion_the_annotator_deleted_does_not_come_back_with_the_next_mark(client):
    # No prediction: the first mark (before any autosave, so no draft) gets the plugins' suggestions, Rui Amaral's
    # PER among them, and the editor puts them all into the annotation. The annotator deletes the PER; the autosaved
    # draft lacks it; the next mark used to bring it back (nothing the task carries held it).
    first = answer(client, body_with(predictions=[], drafts=[]))
    assert RUI_PER in places(first)
    kept = without_rui(first) + [mark(136, "Flor da Estrela", region_id="n1Y4rB8c_e")]
    second = answer(client, body_with([mark(VISEU, "Viseu", "LOC")], predictions=[], drafts=[draft(kept)]))
    assert RUI_PER not in places(second)
    # Nor is anything else the first answer gave sent again (each is in the annotation or was deleted there).
    assert not set(places(second)) & set(places(first))


def test_another_annotator_on_the_same_task_still_gets_the_suggestions(client):
    first = answer(client, body_with(predictions=[], drafts=[draft([])]))
    assert RUI_PER in places(first)
    other = answer(client, body_with(predictions=[], drafts=[draft([], user="rui@example.org")]))
    assert RUI_PER in places(other)
    # The first annotator, again: answered already.
    assert RUI_PER not in places(answer(client, body_with(predictions=[], drafts=[draft([])])))


def test_a_task_without_an_id_is_answered_in_full_each_time(client):
    body = body_with(predictions=[], drafts=[draft([])])
    del body["tasks"][0]["id"]
    assert RUI_PER in places(answer(client, body))
    assert RUI_PER in places(answer(client, body))


def test_other_annotators_submitted_annotations_hold_nothing_for_this_one(client):
    # Label Studio sends every annotator's submitted annotations; an annotator working alone on a task others have
    # done is owed the suggestions their work holds.
    submitted = {"id": 55, "completed_by": 3, "result": copy.deepcopy(PREDICTION["result"]),
                 "parent_prediction": None, "was_cancelled": False}
    regions = answer(client, body_with(predictions=[], drafts=[], annotations=[submitted]))
    assert RUI_PER in places(regions)


def test_the_submitted_annotation_a_draft_edits_holds_its_regions(client):
    # Re-opening their submitted annotation 55 (the draft names it) after deleting its PER: the submitted one had
    # it, the annotator took it out. Before, submitted annotations were not read and the PER came back.
    submitted = {"id": 55, "completed_by": 2, "result": copy.deepcopy(PREDICTION["result"]),
                 "parent_prediction": None, "was_cancelled": False}
    editing = draft(without_rui(PREDICTION["result"]), annotation=55)
    regions = answer(client, body_with(predictions=[], drafts=[editing], annotations=[submitted]))
    assert RUI_PER not in places(regions)


def older_prediction() -> dict[str, Any]:
    """Another model version's prediction on the task, with the PER, under ids of its own."""
    older = copy.deepcopy(PREDICTION)
    older.update(id=30, model_version="other-backend")
    for region in older["result"]:
        region["id"] = "old-" + region["id"]
    return older


def newer_prediction() -> dict[str, Any]:
    """The prediction the annotation starts from: without the PER."""
    return {**copy.deepcopy(PREDICTION), "result": without_rui(PREDICTION["result"])}


def test_only_the_prediction_the_draft_started_from_is_held(client):
    # The draft holds the newer prediction's regions under its ids: the older one's PER is nobody's decision on
    # this annotation. Before, every prediction counted as held and the PER was never suggested.
    started = draft(newer_prediction()["result"])
    regions = answer(client, body_with(predictions=[older_prediction(), newer_prediction()], drafts=[started]))
    assert RUI_PER in places(regions)


def test_the_edited_annotations_parent_prediction_is_the_one_held(client):
    # The submitted annotation names the older prediction as its parent: its PER (deleted since) stays held.
    submitted = {"id": 55, "completed_by": 2, "result": newer_prediction()["result"], "parent_prediction": 30,
                 "was_cancelled": False}
    editing = draft(newer_prediction()["result"], annotation=55)
    regions = answer(client, body_with(predictions=[older_prediction(), newer_prediction()], drafts=[editing],
                                       annotations=[submitted]))
    assert RUI_PER not in places(regions)


def test_when_nothing_tells_which_prediction_every_one_is_held(client):
    # A draft with none of their regions under their ids (all replaced): which one it came from is unknown.
    regions = answer(client, body_with(predictions=[older_prediction(), newer_prediction()], drafts=[draft([])]))
    assert RUI_PER not in places(regions)


def test_hand_made_fields_of_any_shape_name_nothing(client):
    # Ids and users as lists or objects (not Label Studio's, but a body may hold them) are no annotation, prediction
    # nor annotator of the task. Before: a 500 (TypeError) for a held region's id as a list (s50-interactive's
    # held ids), and with the first version of this branch for a list as a draft's annotation.
    odd = draft([], user={"email": "ana@example.org"}, annotation=[55])
    submitted = {"id": {"pk": 55}, "result": copy.deepcopy(PREDICTION["result"]), "parent_prediction": [30]}
    predictions = [{**older_prediction(), "id": [30]}, newer_prediction()]
    for region in predictions[0]["result"]:
        region["id"] = ["unhashable"]
    body = body_with(predictions=predictions, drafts=[odd], annotations=[submitted])
    assert answer(client, body) == answer(client, body)
