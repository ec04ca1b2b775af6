"""Configs that label more than one text of a task (a title and a body, say):
each text gets the regions of the controls that point at it."""

from __future__ import annotations

from label_studio_sdk.label_interface import LabelInterface

from server.labeling import parse_labeling_config

TITLE_AND_BODY = """
<View>
  <Text name="title" value="$title"/>
  <Choices name="tone" toName="title">
    <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
  </Choices>
  <Header value="Instructions"/>
  <Text name="notes" value="$notes"/>
  <Text name="body" value="$body"/>
  <Labels name="ner" toName="body">
    <Label value="ORG"/><Label value="LOC"/>
  </Labels>
</View>
"""

ONE_CONTROL_ON_TWO_TEXTS = """
<View>
  <Text name="question" value="$question"/>
  <Text name="answer" value="$answer"/>
  <Labels name="ner" toName="question,answer">
    <Label value="ORG"/><Label value="LOC"/>
  </Labels>
</View>
"""


def predict(client, config: str, data: dict[str, str]) -> list[dict]:
    answer = client.post("/predict", json={"tasks": [{"id": 1, "data": data}], "label_config": config})
    assert answer.status_code == 200, answer.json
    [prediction] = answer.json["results"]
    interface = LabelInterface(config)
    assert interface.validate_prediction(prediction)
    return prediction["result"]


def test_the_texts_a_config_labels_and_not_those_it_only_shows():
    config = parse_labeling_config(TITLE_AND_BODY)
    assert [(obj.name, obj.key) for obj in config.objects] == [("title", "title"), ("body", "body")]
    assert config.main.name == "title"


def test_each_text_gets_the_regions_of_its_own_controls(client):
    data = {"title": "Ótimo resultado, excelente notícia!", "notes": "A Petrobras não conta.",
            "body": "A Nvidia abriu um escritório em São Paulo."}
    regions = predict(client, TITLE_AND_BODY, data)
    by_text = {(region["to_name"], region["from_name"]) for region in regions}
    assert by_text == {("title", "tone"), ("body", "ner")}
    spans = {region["value"]["text"] for region in regions if region["type"] == "labels"}
    assert {"Nvidia", "São Paulo"} <= spans and "Petrobras" not in spans
    for region in regions:
        if region["type"] == "labels":
            value = region["value"]
            assert data["body"][value["start"]:value["end"]] == value["text"]
    assert len({region["id"] for region in regions}) == len(regions)


def test_one_control_on_two_texts_labels_both(client):
    data = {"question": "Onde fica a sede da Petrobras?", "answer": "A Petrobras tem sede no Rio de Janeiro."}
    regions = predict(client, ONE_CONTROL_ON_TWO_TEXTS, data)
    found = {(region["to_name"], region["value"]["text"]) for region in regions}
    assert {("question", "Petrobras"), ("answer", "Petrobras"), ("answer", "Rio de Janeiro")} <= found
    assert len({region["id"] for region in regions}) == len(regions)


def test_a_task_missing_one_of_its_texts_gets_the_others_regions(client):
    regions = predict(client, TITLE_AND_BODY, {"body": "A Nvidia abriu um escritório em São Paulo."})
    assert regions and all(region["to_name"] == "body" for region in regions)
