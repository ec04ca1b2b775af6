"""Interactive pre-annotation: params.context from Label Studio."""

from __future__ import annotations

import json
from typing import Any

import pytest

from server.interactive import PROPAGATION
from tests.test_export_notes import export, jsonl_lines, report_of

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
    # JSON true is no offset (Python reads it as 1).
    [drawn(2, 6, "ORG") | {"value": {"start": True, "end": 6, "text": TEXT[1:6], "labels": ["ORG"]}}],
])
def test_malformed_context_regions_are_ignored(client, context):
    assert spans(interactive(client, context)) == spans(interactive(client, []))


def test_a_null_context_is_an_ordinary_prediction(client):
    body = {"tasks": [{"id": 1, "data": {"text": TEXT}}], "label_config": CONFIG,
            "params": {"context": None}}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200 and not any(r["id"].startswith("ctx") for r in answer.json["results"][0]["result"])


def propagated_spans(regions: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    return spans([r for r in regions if r["id"].startswith("ctx")])


@pytest.mark.parametrize("selected", ["Acme ", " Acme", "Acme,", "(Acme)", "Acme.", "«Acme»"])
def test_what_a_selection_picks_up_around_the_words_is_not_part_of_them(client, selected):
    text = "Vi a (Acme) ontem. A Acme, que vende, e a Acme. «Acme» e Acme contrataram."
    start = text.index(selected)
    regions = interactive(client, [drawn(start, start + len(selected), "ORG", text)], text)
    occurrences = [i for i in range(len(text)) if text.startswith("Acme", i)]
    expected = [(i, i + 4, "ORG") for i in occurrences if not start <= i < start + len(selected)]
    assert propagated_spans(regions) == expected


def test_the_same_words_broken_across_lines_are_the_same_words(client):
    text = "A Acme Robótica contratou.\nMetade da Acme\nRobótica está em Lisboa. Acme  Robótica!"
    for words in ("Acme Robótica", "Acme\nRobótica"):
        start = text.index(words)
        regions = interactive(client, [drawn(start, start + len(words), "ORG", text)], text)
        expected = {"Acme Robótica", "Acme\nRobótica", "Acme  Robótica"} - {words}
        assert {r["value"]["text"] for r in regions if r["id"].startswith("ctx")} == expected


def test_words_the_annotator_labelled_two_ways_are_left_to_them(client):
    text = "Apple lançou o iPhone. Comprei um Apple ontem. A Apple lucrou. Ver a Samsung e a Samsung."
    second = text.index("Apple", 1)
    samsung = text.index("Samsung")
    regions = interactive(client, [drawn(0, 5, "ORG", text), drawn(second, second + 5, "PRODUCT", text),
                                   drawn(samsung, samsung + 7, "ORG", text)], text)
    # The other Apples may be either: only Samsung, labelled once, propagates.
    assert propagated_spans(regions) == [(text.rindex("Samsung"), len(text) - 1, "ORG")]


def test_a_region_whose_text_differs_from_its_offsets_is_not_propagated(client):
    text = "Apple e Samsung. Apple lucra; Samsung perde."
    stale = drawn(0, 5, "ORG", text) | {"value": {"start": 0, "end": 5, "text": "Sams", "labels": ["ORG"]}}
    regions = interactive(client, [stale], text)
    assert not propagated_spans(regions)
    # The region is where its offsets say, though: nothing of ours goes there.
    assert not [s for s in spans(regions) if s[0] < 5]


TWO_TEXTS = """<View>
  <Text name="title" value="$title"/>
  <Labels name="title_label" toName="title"><Label value="ORG"/><Label value="PER"/></Labels>
  <Text name="body" value="$body"/>
  <Labels name="body_label" toName="body"><Label value="ORG"/><Label value="PER"/></Labels>
</View>"""


def test_words_drawn_on_one_text_go_to_every_text_of_the_task(client):
    title, body = "Acme compra a Beta", "A Acme pagou. A Beta aceitou. Acme e Beta!"
    context = [{"from_name": "title_label", "to_name": "title", "type": "labels",
                "value": {"start": 0, "end": 4, "text": "Acme", "labels": ["ORG"]}},
               {"from_name": "body_label", "to_name": "body", "type": "labels",
                "value": {"start": 16, "end": 20, "text": "Beta", "labels": ["ORG"]}}]
    answer = client.post("/predict", json={"tasks": [{"id": 1, "data": {"title": title, "body": body}}],
                                           "label_config": TWO_TEXTS, "params": {"context": {"result": context}}})
    regions = [r for r in answer.json["results"][0]["result"] if r["id"].startswith("ctx")]
    got = sorted((r["from_name"], r["to_name"], r["value"]["start"], r["value"]["text"]) for r in regions)
    assert got == [("body_label", "body", 2, "Acme"), ("body_label", "body", 30, "Acme"),
                   ("body_label", "body", 37, "Beta"), ("title_label", "title", 14, "Beta")]
    assert len({r["id"] for r in regions}) == len(regions)


@pytest.mark.parametrize("selected", ["Acme (PT)", "(Acme (PT))", "Acme (PT)."])
def test_brackets_of_the_words_stay_theirs(client, selected):
    text = "A (Acme (PT)) vende. A Acme (PT). Acme (PT) e Acme (PT)!"
    start = text.index(selected)
    regions = interactive(client, [drawn(start, start + len(selected), "ORG", text)], text)
    assert {r["value"]["text"] for r in regions if r["id"].startswith("ctx")} == {"Acme (PT)"}
    assert len(propagated_spans(regions)) == 3


def test_an_accepted_propagation_exports_without_its_explanation_read_as_a_note(client, tmp_path):
    """Label Studio keeps an accepted region's meta; a string ``meta.text`` with
    no ``meta.plugin`` is reported by `anota export` as a note it cannot take."""
    start = TEXT.index("Acme Robótica")
    mark = drawn(start, start + len("Acme Robótica"), "ORG")
    propagated = [r for r in interactive(client, [mark]) if r["id"].startswith("ctx")]
    assert {r["meta"]["plugin"] for r in propagated} == {PROPAGATION}
    task = {"id": 1, "data": {"text": TEXT}, "annotations": [
        {"id": 1, "completed_by": 1, "was_cancelled": False, "result": [{**mark, "id": "m1"}, *propagated]}]}
    out = export(tmp_path, [task])
    assert report_of(out)["left_out"] == {}
    assert [span["text"] for span in json.loads(jsonl_lines(out)[0])["spans"]] == ["Acme Robótica"] * 3
