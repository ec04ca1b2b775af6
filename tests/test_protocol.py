"""Replay what Label Studio 1.23.2 sent to an ML backend, and check every answer
the way Label Studio would."""

from __future__ import annotations

from typing import Any

from label_studio_sdk.label_interface import LabelInterface

from tests.conftest import RECORDED, recorded_body

RENAMED_CONFIG = """<View>
  <Header value="Leia o texto"/>
  <Text name="doc" value="$content"/>
  <Labels name="ner" toName="doc">
    <Label value="Pessoa" predicted_values="PER"/>
    <Label value="Organização" predicted_values="ORG"/>
    <Label value="Local" predicted_values="LOC"/>
  </Labels>
  <Choices name="tom" toName="doc" choice="single">
    <Choice value="Bom" predicted_values="Positive"/>
    <Choice value="Ruim" predicted_values="Negative"/>
    <Choice value="Neutro" predicted_values="Neutral"/>
  </Choices>
</View>"""


def assert_valid_predictions(body: dict[str, Any], answer: dict[str, Any], text_key: str) -> None:
    """Exactly what Label Studio's strict validation, and our own rules, demand."""
    interface = LabelInterface(body["label_config"])
    results = answer["results"]
    assert len(results) == len(body["tasks"])
    for task, prediction in zip(body["tasks"], results):
        assert interface.validate_prediction(prediction, return_errors=True) == []
        assert 0.0 <= prediction["score"] <= 1.0
        text = task["data"][text_key]
        ids = [region["id"] for region in prediction["result"]]
        assert len(ids) == len(set(ids))
        for region in prediction["result"]:
            assert 0.0 <= region["score"] <= 1.0
            value = region["value"]
            if "start" in value:
                assert 0 <= value["start"] < value["end"] <= len(text)
                assert value["text"] == text[value["start"] : value["end"]]


def test_recorded_setup_and_predict(client):
    setup = client.post("/setup", json=recorded_body("ls_to_backend_setup.json"))
    assert setup.status_code == 200
    body = recorded_body("ls_to_backend_predict.json")
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    assert_valid_predictions(body, answer.json, "text")
    versions = {prediction["model_version"] for prediction in answer.json["results"]}
    assert versions == {setup.json["model_version"]}
    # The gazetteer stand-in and its successors all know these two names.
    first = answer.json["results"][0]["result"]
    assert {"Meta"} <= {r["value"]["text"] for r in first if r["type"] == "labels"}
    assert any(r["from_name"] == "sentiment" for r in first)


def test_predictions_follow_task_order(client):
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"] = list(reversed(body["tasks"]))
    answer = client.post("/predict", json=body).json
    for task, prediction in zip(body["tasks"], answer["results"]):
        for region in prediction["result"]:
            if "start" in region["value"]:
                assert region["value"]["text"] in task["data"]["text"]


def test_renamed_config_gets_valid_predictions(client):
    body = recorded_body("ls_to_backend_predict.json")
    body["label_config"] = RENAMED_CONFIG
    for task in body["tasks"]:
        task["data"] = {"content": task["data"]["text"]}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    assert_valid_predictions(body, answer.json, "content")
    regions = [r for p in answer.json["results"] for r in p["result"]]
    assert {r["from_name"] for r in regions} == {"ner", "tom"}
    assert {r["to_name"] for r in regions} == {"doc"}
    assert "Organização" in {label for r in regions for label in r["value"].get("labels", [])}
    assert {r["value"]["choices"][0] for r in regions if r["type"] == "choices"} <= {"Bom", "Ruim", "Neutro"}


def test_labels_the_project_lacks_are_dropped_and_counted(client):
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"][0]["data"]["text"] = "O chip BlackWell da Nvidia."  # PRODUCT: not in this config
    answer = client.post("/predict", json=body).json
    labels = {label for r in answer["results"][0]["result"] for label in r["value"].get("labels", [])}
    assert "PRODUCT" not in labels
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'anota_dropped_labels_total{annotator="entities",label="PRODUCT"}' in metrics


def test_task_without_text_gets_an_empty_result(client):
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"][1]["data"] = {"image": "x.png"}
    body["tasks"][2]["data"]["text"] = ""
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    results = answer.json["results"]
    assert len(results) == 3
    assert results[1]["result"] == [] and results[2]["result"] == []
    assert results[0]["result"]


def test_model_version_is_deterministic_and_follows_settings(make_app):
    first = make_app().extensions["anota"].model_version
    assert make_app().extensions["anota"].model_version == first
    assert make_app(DISABLE_PLUGINS=["claims"]).extensions["anota"].model_version != first


def test_model_version_follows_the_label_mapping(make_app, monkeypatch):
    first = make_app().extensions["anota"].model_version
    monkeypatch.setattr("server.predicting.LABEL_MAPPING_VERSION", "next")
    assert make_app().extensions["anota"].model_version != first


def test_health_and_index(client):
    for path in ("/health", "/"):
        answer = client.get(path)
        assert answer.status_code == 200
        assert answer.json["status"] == "UP"


def test_setup_accepts_extra_params_as_object_string_or_null(client):
    body = recorded_body("ls_to_backend_setup.json")
    for extra in ({"plugins": ["ner"]}, '{"plugins": ["ner"]}', None, ""):
        assert client.post("/setup", json={**body, "extra_params": extra}).status_code == 200


def test_predict_without_label_config_uses_the_setup_one(client):
    client.post("/setup", json=recorded_body("ls_to_backend_setup.json"))
    body = recorded_body("ls_to_backend_predict.json")
    del body["label_config"]
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    assert len(answer.json["results"]) == 3


def test_recorded_fixtures_are_complete():
    names = {path.name for path in RECORDED.iterdir()}
    assert {"ls_to_backend_setup.json", "ls_to_backend_predict.json", "label_config.xml"} <= names
