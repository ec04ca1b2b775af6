"""/predict's body: the plain path in front of PredictSchema gives what the
schema gives, in all that /predict reads of it, and leaves every other body to
the schema (through orjson, as the app parses it)."""

from __future__ import annotations

import dataclasses
import json

import orjson
import pytest

from schemas.ml_backend import PredictSchema, plain_predict_body
from server.analysis import AnalyzedText
from server.labeling import parse_labeling_config
from server.metrics import Metrics
from server.predicting import Predictor
from tests.conftest import recorded_body

SCHEMA = PredictSchema()
TASKS = [{"id": 1, "data": {"text": "Olá"}}, {"id": 2}]


def recorded() -> dict:
    return recorded_body("ls_to_backend_predict.json")


def read_by_predict(body: dict) -> dict:
    """What /predict reads of a loaded body: of each task its id, data, project
    and its meta's language and part (``Predictor.analyze``, ``RemoteTexts.resolve``)."""
    def task_read(task: dict) -> dict:
        read = {key: task[key] for key in ("id", "data", "project") if key in task}
        if "meta" in task:
            meta = task["meta"]
            read["meta"] = {key: meta[key] for key in ("language", "part", "parts") if key in meta} \
                if isinstance(meta, dict) else meta
        return read
    return {**body, "tasks": [task_read(task) for task in body["tasks"]]}


def plain(body: object) -> dict | None:
    return plain_predict_body(json.dumps(body).encode())


@pytest.mark.parametrize(
    "body",
    [
        recorded(),
        {**recorded(), "a_key_from_a_future_release": 1},
        {"tasks": TASKS},
        {"tasks": TASKS, "project": None, "label_config": None},
        {"tasks": TASKS, "params": {}},
        {"tasks": TASKS, "params": {"login": None, "password": None, "context": None}},
        {"tasks": [{"data": {"text": "Olá", "n": [1.5, None, {"a": True}]}, "project": "3",
                    "meta": {"language": "pt", "part": 1, "parts": 4, "source": "x"}}]},
        {"tasks": [{"data": {"text": "Olá"}, "meta": None, "project": None, "id": "a"}]},
    ],
)
def test_bodies_label_studio_sends_take_the_plain_path_with_the_schemas_result(body):
    assert plain(body) is not None
    assert read_by_predict(plain(body)) == read_by_predict(SCHEMA.load(body))


@pytest.mark.parametrize(
    "body",
    [
        {"tasks": TASKS, "params": {"context": {"result": [{"type": "labels"}]}}},
        {"tasks": TASKS, "params": {"context": {"result": [1]}}},
        {"tasks": TASKS, "params": None},
        {"tasks": TASKS, "project": 3},
        {"tasks": TASKS, "label_config": ["<View/>"]},
        {"tasks": []},
        {"tasks": [{"data": "text"}]},
        {"tasks": [{"data": None}]},
        {"tasks": [[]]},
        {},
        [],
        # Read by the schema (a meta that is no object is ignored), or by orjson: an integer past 64 bits is a float there.
        {"tasks": [{"data": {}, "meta": [1]}]},
        {"tasks": [{"data": {}, "id": 2**63}]},
        {"tasks": [{"data": {}, "project": -(2**63) - 1}]},
        {"tasks": [{"data": {}, "meta": {"part": 0, "parts": 2**70}}]},
        {"tasks": [{"data": {}, "id": [1]}]},
    ],
)
def test_every_other_body_is_the_schemas_to_load_or_reject(body):
    assert plain(body) is None


@pytest.mark.parametrize("raw", [b"", b"{", b'{"tasks": [{"data": {}}]} x', b'{"tasks": [{"data": {"a": NaN}}]}',
                                 b'{"tasks": [{"data": {"a": "\\ud800"}}]}', b"\xef\xbb\xbf{}", b'{"tasks": [{"data": {"a": 1e400}}]}'])
def test_what_orjson_does_not_read_is_not_read_on_the_plain_path(raw):
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(raw)
    assert plain_predict_body(raw) is None


def test_duplicate_keys_are_read_as_orjson_reads_them():
    raw = (b'{"tasks": [{"data": {"text": "a", "text": "b"}, "project": 1, "project": "2"}], "tasks": '
           b'[{"data": {"text": "c"}, "data": {"text": "d"}, "meta": {"part": 0, "part": 1, "parts": 2}}], '
           b'"label_config": null, "label_config": "<View/>"}')
    assert read_by_predict(plain_predict_body(raw)) == read_by_predict(SCHEMA.load(orjson.loads(raw)))


def test_a_context_whose_result_is_null_is_a_plain_prediction(make_app):
    # It was a 400 ("Field may not be null."): nothing drawn yet, as with an empty list.
    app = make_app(DISABLE_PLUGINS=["entities", "sentiment"])
    config = '<View><Text name="text" value="$text"/><Labels name="l" toName="text"><Label value="CLAIM"/></Labels></View>'
    bodies = [{"tasks": [{"id": 1, "data": {"text": "A Petrobras lucrou R$ 35 bilhões em 2024."}}],
               "label_config": config, "params": {"context": {"result": result}}} for result in (None, [])]
    answers = [app.test_client().post("/predict", json=body) for body in bodies]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert answers[0].json == answers[1].json


def test_each_task_is_read_into_the_fields_of_its_text():
    # Predictor.analyze builds each text's AnalyzedText with its fields in order (keywords cost a dict a text): a
    # field added to AnalyzedText or moved must not shift what the others hold.
    assert [field.name for field in dataclasses.fields(AnalyzedText)] == [
        "text", "language_hint", "languages", "pipelines", "project_id", "part", "batch", "whole", "offset", "as_sent"]
    predictor = Predictor([], Metrics(), 5.0, ["pt", "en"])
    config = parse_labeling_config('<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
                                   '<Label value="PER"/></Labels></View>')
    sent = "Lula\x00 visitou Lisboa."
    task = {"id": 1, "project": 7, "meta": {"part": 1, "parts": 3}, "data": {"text": sent, "language": "pt-BR"}}
    [text] = predictor.analyze_tasks([task], config.objects)
    assert (text.text, text.language_hint, text.language, text.project_id, text.part, text.batch, text.whole,
            text.offset, text.as_sent) == ("Lula  visitou Lisboa.", "pt", "pt", 7, (1, 3), None, None, 0, sent)
    assert text.languages == ("pt", "en") and text.pipelines is predictor.pipelines
    [plain] = predictor.analyze_tasks([{"id": 2, "data": {"text": "O presidente visitou a cidade de Lisboa."}}],
                                      config.objects, 9)
    assert (plain.project_id, plain.part, plain.as_sent, plain.language) == (9, None, None, "pt")
