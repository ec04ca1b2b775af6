"""Interactive pre-annotation answered for what Label Studio 1.23.2's editor sends and does.

The body is the editor's (fixtures/s50-interactive/README.md): ``params.context.result`` holds only the region just
drawn, and the task carries its prediction and the annotator's autosaved draft. Every region of the answer goes into
the annotation at once (a Text has no accept step): one with an id the annotation holds replaces that region, and a
choice replaces the annotation's choice of its control."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

BODY = json.loads((Path(__file__).parent.parent / "fixtures" / "s50-interactive" / "editor_body.json")
                  .read_text(encoding="utf-8"))
TASK = BODY["tasks"][0]
TEXT = TASK["data"]["text"]
FLOR = TEXT.index("Flor da Estrela")
SECOND_FLOR = TEXT.index("Flor da Estrela", FLOR + 1)


def answer(client, body: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.post("/predict", json=body)
    assert response.status_code == 200, response.json
    [prediction] = response.json["results"]
    return prediction["result"]


def body_with(context: list[dict[str, Any]] | None = None, **task: Any) -> dict[str, Any]:
    """The editor's body with other task fields (``predictions``, ``drafts``) or another context."""
    body = copy.deepcopy(BODY)
    body["tasks"][0].update(task)
    if context is not None:
        body["params"]["context"]["result"] = context
    return body


def mark(start: int, words: str, label: str = "ORG", region_id: str = "Kx81mQe2_b") -> dict[str, Any]:
    """A region as the editor serializes one just drawn."""
    return {"value": {"start": start, "end": start + len(words), "text": words, "labels": [label]},
            "id": region_id, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"}


def places(regions: list[dict[str, Any]], control: str | None = None) -> list[tuple[int, int, str]]:
    return sorted((r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in regions
                  if r["type"] == "labels" and control in (None, r["from_name"]))


def test_the_editors_body_gets_only_what_the_annotation_lacks(client):
    # The annotation holds the prediction's regions (the LOC on the first "Flor da Estrela" deleted) and the
    # annotator's Negative; the mark's words elsewhere are all it lacks. Before: the prediction's four other entity
    # regions came back under their own ids (the editor puts them over the annotator's edits) with the Neutral the
    # annotator had changed.
    regions = answer(client, BODY)
    assert places(regions) == [(SECOND_FLOR, SECOND_FLOR + len("Flor da Estrela"), "ORG")]
    assert not [r for r in regions if r["type"] == "choices"]


def test_without_a_draft_the_prediction_is_what_the_annotation_holds(client):
    regions = answer(client, body_with(drafts=[]))
    assert places(regions) == [(SECOND_FLOR, SECOND_FLOR + len("Flor da Estrela"), "ORG")]
    # The prediction's Neutral is in the annotation: a choice sent would replace whatever the annotator made of it.
    assert not [r for r in regions if r["type"] == "choices"]


@pytest.mark.parametrize("predictions", [[], [31]], ids=["none", "as-ids"])
def test_an_entity_mark_leaves_the_claims_over_its_words(client, predictions):
    # A task without a stored prediction (or with predictions sent as ids): all the plugins say is new. Before:
    # both claims were dropped, the first for holding the mark, the second for holding its propagated copy.
    regions = answer(client, body_with(predictions=predictions, drafts=[]))
    claims = places(regions, "claim")
    assert any(start <= FLOR < end for start, end, _ in claims)
    assert any(start <= SECOND_FLOR < end for start, end, _ in claims)
    # The entity control's own suggestions over the mark and its copy still give way.
    entities = places(regions, "label")
    assert not [p for p in entities if p[2] != "ORG" and p[0] < FLOR + 15 and FLOR < p[1]]
    assert not [p for p in entities if p[2] != "ORG" and p[0] < SECOND_FLOR + 15 and SECOND_FLOR < p[1]]


def test_two_answers_never_name_two_regions_alike(client):
    # The editor keys the annotation's regions by id: the second answer's copies must not take the first's ids.
    # Before: both answers named theirs ctx-text-0, ...
    first = answer(client, body_with(predictions=[], drafts=[]))
    serrana = TEXT.index("Serrana Lacticínios")
    second = answer(client, body_with([mark(serrana, "Serrana Lacticínios")], predictions=[], drafts=[]))
    by_id = {r["id"]: places([r]) for r in first}
    assert by_id and all(by_id.get(r["id"], places([r])) == places([r]) for r in second)
    assert [r for r in second if r["meta"].get("plugin") == "propagation"]


def test_a_suggestion_is_not_sent_under_the_id_of_another_region_the_annotation_holds(client):
    # A prediction of an older model numbered its regions otherwise: its "text-a1r2" is the LOC on Viseu, which the
    # plugins now number "text-a1r4"; their "text-a1r2" (Rui Amaral PER) would replace the annotation's Viseu.
    viseu = TEXT.index("Viseu")
    older = {"id": "text-a1r2", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": viseu, "end": viseu + 5, "text": "Viseu", "labels": ["LOC"]}}
    regions = answer(client, body_with(predictions=[{"id": 30, "result": [older], "model_version": "older"}],
                                       drafts=[]))
    rui = [r for r in regions if r["value"].get("text") == "Rui Amaral"]
    assert rui and rui[0]["id"] != "text-a1r2"
    assert (viseu, viseu + 5, "LOC") not in places(regions)


def test_words_the_annotator_marked_before_are_not_copied_over_their_own_region(client):
    # Their first mark, on the second "Flor da Estrela", is in the autosaved draft and not in the prediction: a copy
    # of the new mark there would be a second region over their own. Before: sent (and added).
    earlier = mark(SECOND_FLOR, "Flor da Estrela", region_id="p0Tq7LmW3s")
    draft = {**TASK["drafts"][0], "result": TASK["drafts"][0]["result"] + [earlier]}
    regions = answer(client, body_with(drafts=[draft]))
    assert places(regions) == []
    # Without the draft, the copy is all the answer holds (the prediction has a LOC there, not the mark's ORG).
    assert places(answer(client, body_with(drafts=[]))) == [(SECOND_FLOR, SECOND_FLOR + len("Flor da Estrela"), "ORG")]


def test_a_region_the_annotator_relabelled_is_not_suggested_again(client):
    # A task without a prediction: the annotation is the first answer, accepted, with the LOC on Viseu relabelled ORG
    # (the draft keeps the region's id). Before: the plugin's LOC came back under that id, undoing the relabelling.
    viseu = TEXT.index("Viseu")
    first = answer(client, body_with(predictions=[], drafts=[]))
    [loc] = [r for r in first if r["value"].get("start") == viseu]
    relabelled = {**loc, "value": {**loc["value"], "labels": ["ORG"]}}
    draft = {**TASK["drafts"][0], "result": [relabelled if r is loc else r for r in first]}
    serrana = TEXT.index("Serrana Lacticínios")
    regions = answer(client, body_with([mark(serrana, "Serrana Lacticínios")], predictions=[], drafts=[draft]))
    assert not [r for r in regions if r["id"] == loc["id"] or r["value"].get("start") == viseu]
