"""/predict's body: the plain check in front of PredictSchema gives exactly
what the schema gives, and leaves every other body to the schema."""

from __future__ import annotations

import pytest

from schemas.ml_backend import PredictSchema, _plain_predict_body, load_predict_body
from tests.conftest import recorded_body

SCHEMA = PredictSchema()
TASKS = [{"id": 1, "data": {"text": "Olá"}}, {"id": 2}]


def recorded() -> dict:
    return recorded_body("ls_to_backend_predict.json")


@pytest.mark.parametrize(
    "body",
    [
        recorded(),
        {**recorded(), "a_key_from_a_future_release": 1},
        {"tasks": TASKS},
        {"tasks": TASKS, "project": None, "label_config": None},
        {"tasks": TASKS, "params": {}},
        {"tasks": TASKS, "params": {"login": None, "password": None, "context": None}},
    ],
)
def test_bodies_label_studio_sends_take_the_plain_path_with_the_schemas_result(body):
    assert _plain_predict_body(body) is not None
    assert load_predict_body(body, SCHEMA) == SCHEMA.load(body)


@pytest.mark.parametrize(
    "body",
    [
        {"tasks": TASKS, "params": {"context": {"result": [{"type": "labels"}]}}},
        {"tasks": TASKS, "params": {"context": {"result": [1]}}},
        {"tasks": TASKS, "params": None},
        {"tasks": TASKS, "project": 3},
        {"tasks": TASKS, "label_config": ["<View/>"]},
        {"tasks": []},
        {"tasks": ({"data": {}},)},
        {"tasks": [{"data": "text"}]},
        {"tasks": [[]]},
        {},
    ],
)
def test_every_other_body_is_the_schemas_to_load_or_reject(body):
    assert _plain_predict_body(body) is None
    try:
        expected = SCHEMA.load(body)
    except Exception as error:  # noqa: BLE001 - the same error, whatever it is
        with pytest.raises(type(error)) as raised:
            load_predict_body(body, SCHEMA)
        assert str(raised.value) == str(error)
    else:
        assert load_predict_body(body, SCHEMA) == expected


def test_a_context_whose_result_is_null_is_a_plain_prediction(make_app):
    # It was a 400 ("Field may not be null."): nothing drawn yet, as with an empty list.
    app = make_app(DISABLE_PLUGINS=["entities", "sentiment"])
    config = '<View><Text name="text" value="$text"/><Labels name="l" toName="text"><Label value="CLAIM"/></Labels></View>'
    bodies = [{"tasks": [{"id": 1, "data": {"text": "A Petrobras lucrou R$ 35 bilhões em 2024."}}],
               "label_config": config, "params": {"context": {"result": result}}} for result in (None, [])]
    answers = [app.test_client().post("/predict", json=body) for body in bodies]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert answers[0].json == answers[1].json
