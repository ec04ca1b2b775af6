"""Every bad request gets a 4xx JSON body naming the field at fault; none a 500."""

from __future__ import annotations

import pytest

from tests.conftest import recorded_body


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/predict", {"tasks": "x", "label_config": "<View/>"}, "tasks"),
        ("/predict", {"tasks": [], "label_config": "<View/>"}, "tasks"),
        ("/predict", {"tasks": [{"data": "text"}], "label_config": "<View/>"}, "tasks"),
        ("/predict", {"tasks": [{"data": {"text": "x"}}]}, "label_config"),
        ("/predict", {"tasks": [{"data": {"text": "x"}}], "label_config": "<View><oops"}, "label_config"),
        ("/predict", {"tasks": [{"data": {"text": "x"}}], "label_config": "<View></View>"}, "label_config"),
        ("/setup", {"project": "1.1"}, "schema"),
        ("/setup", {"schema": "<View/>", "extra_params": "{not json"}, "extra_params"),
        ("/webhook", {"annotation": {"id": 1}}, "action"),
        ("/webhook", {"action": "ANNOTATION_CREATED", "annotation": {"result": []}}, "annotation"),
        ("/webhook", {"action": "ANNOTATION_CREATED", "annotation": {"id": "x"}}, "annotation"),
    ],
)
def test_bad_bodies_name_the_field(client, path, body, field):
    answer = client.post(path, json=body)
    assert answer.status_code == 400, answer.json
    assert answer.is_json
    assert field in answer.json["errors"]


@pytest.mark.parametrize("data", [b"[1, 2]", b"null", b'"text"'])
def test_bodies_that_are_not_json_objects(client, data):
    answer = client.post("/predict", data=data, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json["errors"] == {"_schema": ["Expected a JSON object."]}


@pytest.mark.parametrize(
    ("data", "where"),
    [(b"not json", "line 1 column 1"), (b"", "line 1 column 1"), (b"\xff\xfe", "UTF-8"),
     (b'{"tasks": [', "line 1 column 12"), (b'{"text": "\\uZZZZ"}', "line 1 column")],
)
def test_bodies_that_are_not_json_say_why(client, data, where):
    answer = client.post("/predict", data=data, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json["message"] == "The body is not valid JSON"
    (reason,) = answer.json["errors"]["_schema"]
    assert where in reason, reason


def test_unknown_keys_from_label_studio_are_ignored(client):
    body = recorded_body("ls_to_backend_predict.json")
    body["a_key_from_a_future_release"] = {"x": 1}
    body["tasks"][0]["another_new_key"] = [1]
    assert client.post("/predict", json=body).status_code == 200


@pytest.mark.parametrize("meta", [-1, True, "imported by a script", ["a"], None])
def test_a_task_meta_that_is_no_object_gives_predictions(client, meta):
    # Label Studio imports any JSON as a task's meta; Anota reads only its language and part hints there.
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"][0]["meta"] = meta
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200, answer.json
    assert answer.json["results"][0]["result"]


def test_unknown_path_and_wrong_method_are_json(client):
    missing = client.get("/nothing-here")
    assert missing.status_code == 404 and missing.is_json
    wrong = client.get("/predict")
    assert wrong.status_code == 405 and wrong.is_json
    assert "POST" in wrong.headers["Allow"]
