"""Interactive pre-annotation: params.context from Label Studio."""

from __future__ import annotations

from typing import Any

import pytest

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="ORG"/><Label value="PER"/><Label value="LOC"/><Label value="PRODUCT"/>
  </Labels>
  <Choices name="sentiment" toName="text" choice="single">
    <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
  </Choices>
</View>"""
TEXT = "A Acme Robótica contratou. Metade da Acme Robótica está em Lisboa; a Acme Robóticas não existe. Acme Robótica!"


def drawn(start: int, end: int, label: str, text: str = TEXT) -> dict[str, Any]:
    return {"from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def interactive(client, context: list[Any], text: str = TEXT) -> list[dict[str, Any]]:
    body = {"tasks": [{"id": 1, "data": {"text": text}}], "label_config": CONFIG,
            "params": {"login": None, "password": None, "context": {"result": context}}}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200, answer.json
    [result] = answer.json["results"]
    return result["result"]


def spans(regions: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    return sorted((r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                  for r in regions if r["type"] == "labels")


def test_the_annotators_label_goes_to_every_other_occurrence(client):
    start = TEXT.index("Acme Robótica")
    regions = interactive(client, [drawn(start, start + len("Acme Robótica"), "ORG")])
    propagated = [r for r in regions if r["id"].startswith("ctx")]
    expected = [(s, s + len("Acme Robótica"), "ORG") for s in (TEXT.index("Acme Robótica", start + 1),
                                                                 TEXT.rindex("Acme Robótica"))]
    # Not the drawn region itself, and not "Acme Robóticas" (a longer word).
    assert spans(propagated) == expected
    assert all(0 < r["score"] <= 1 and r["meta"]["text"] for r in propagated)


def test_suggestions_overlapping_the_annotators_regions_are_dropped(client):
    lisboa = TEXT.index("Lisboa")
    plain = interactive(client, [])
    assert (lisboa, lisboa + 6, "LOC") in spans(plain)
    # The annotator says "em Lisboa" is a PER (odd, but theirs to say): ours must go.
    regions = interactive(client, [drawn(lisboa - 3, lisboa + 6, "PER")])
    assert not [s for s in spans(regions) if s[0] < lisboa + 6 and lisboa - 3 < s[1] and s[2] != "PER"]
    # Suggestions elsewhere and the task-level choice are still there.
    assert any(r["type"] == "choices" for r in regions)


def test_a_choice_the_annotator_made_is_not_suggested_again(client):
    choice = {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["Neutral"]}}
    regions = interactive(client, [choice])
    assert not any(r["type"] == "choices" for r in regions)


def test_context_items_that_are_not_objects_are_a_400_naming_the_field(client):
    body = {"tasks": [{"id": 1, "data": {"text": TEXT}}], "label_config": CONFIG,
            "params": {"context": {"result": [1, "x"]}}}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 400 and "params.context.result.0" in answer.json["message"]


@pytest.mark.parametrize("context", [
    [{"type": "labels"}],
    [{"type": "labels", "from_name": "label", "to_name": "text", "value": {"start": "a", "end": 3, "labels": ["ORG"]}}],
    [drawn(0, 5, "ORG") | {"value": {"start": 500, "end": 510, "text": "?", "labels": ["ORG"]}}],
    [drawn(2, 6, "NOT_A_LABEL")],
    [drawn(2, 6, "ORG") | {"from_name": ["label"]}],
])
def test_malformed_context_regions_are_ignored(client, context):
    assert spans(interactive(client, context)) == spans(interactive(client, []))


def test_a_null_context_is_an_ordinary_prediction(client):
    body = {"tasks": [{"id": 1, "data": {"text": TEXT}}], "label_config": CONFIG,
            "params": {"context": None}}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200 and not any(r["id"].startswith("ctx") for r in answer.json["results"][0]["result"])
