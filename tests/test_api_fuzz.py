"""A deterministic structural fuzzer of the ML backend: mutants of the bodies
Label Studio 1.23.2 really sent, and of an interactive /predict (with what an
annotator drew in ``params.context``), with values of another JSON type, keys deleted
or odd unicode put into strings, must each get a JSON answer, 200 or a 4xx that
names what is wrong: never a 500. Each mutant comes from its own seeded
generator, so ``-k 'mutant_37]'`` rebuilds exactly that one.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from server import create_app
from tests.conftest import recorded_body



def interactive_body() -> dict[str, Any]:
    """The recorded /predict body with what an annotator drew: params.context."""
    body = recorded_body("ls_to_backend_predict.json")
    text = body["tasks"][0]["data"]["text"]
    start = text.index("Qwen")
    body["params"] = {"context": {"result": [{
        "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
        "value": {"start": start, "end": start + 4, "text": "Qwen", "labels": ["PRODUCT"]}}]}}
    return body


BODIES = {  # what is mutated -> where it is posted, and the body
    "predict": ("/predict", lambda: recorded_body("ls_to_backend_predict.json")),
    "interactive": ("/predict", interactive_body),
    "setup": ("/setup", lambda: recorded_body("ls_to_backend_setup.json")),
    "webhook": ("/webhook", lambda: recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")),
}
ODD_VALUES: list[Any] = [None, 0, -1, 1.5, 2**70, "", "x", "😀\u200b", [], {}, [None], {"a": 1}, True,
                         "a" * 20_000, "<View><Text name='t' value='$text'/></View>", "\r\n"]
ODD_TEXT = ["😀", "\r\n", "\u0301", "\u200d", "ção", "\x00"]
MUTANTS = 240


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    database = tmp_path_factory.mktemp("fuzz") / "anota.db"
    app = create_app({"DATABASE_URL": f"sqlite:///{database}", "PRELOAD": False, "TESTING": True})
    yield app.test_client()
    app.extensions["anota"].database.dispose()


def places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every key and item inside ``value``."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        yield (*path, key)
        yield from places(inner, (*path, key))


def mutant(number: int) -> tuple[str, dict[str, Any]]:
    """Where to post, and the body: one of BODIES with one to three changes."""
    rng = random.Random(number)
    path, make_body = BODIES[rng.choice(sorted(BODIES))]
    body = make_body()
    for _ in range(rng.randint(1, 3)):
        where = rng.choice(list(places(body)))
        parent = body
        for key in where[:-1]:
            parent = parent[key]
        last, roll = where[-1], rng.random()
        if roll < 0.7:
            parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif roll < 0.85:
            del parent[last]
        elif isinstance(parent[last], str):
            cut = rng.randint(0, len(parent[last]))
            parent[last] = parent[last][:cut] + rng.choice(ODD_TEXT) + parent[last][cut:]
    return path, body


def post(client: FlaskClient, path: str, body: dict[str, Any]) -> Any:
    # Sent as the standard library writes it: the test client's own JSON (orjson) refuses 2**70.
    return client.post(path, data=json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("number", range(MUTANTS), ids=lambda number: f"mutant_{number}")
def test_a_mutated_label_studio_body_gets_a_json_answer(client: FlaskClient, number: int) -> None:
    path, body = mutant(number)
    answer = post(client, path, body)
    assert answer.is_json, answer.data[:200]
    assert answer.status_code == 200 or 400 <= answer.status_code < 500, (answer.status_code, answer.json)
    if answer.status_code != 200:
        assert answer.json["errors"], answer.json  # names what is wrong
    elif path == "/predict":
        assert len(answer.json["results"]) == len(body["tasks"])


def test_the_fuzzer_reaches_every_endpoint_and_both_answers(client: FlaskClient) -> None:
    # A fuzzer whose mutants all failed validation (or none did) would test little.
    sample = [mutant(number) for number in range(40)]
    assert {path for path, _body in sample} == {path for path, _make in BODIES.values()}
    statuses = {post(client, path, body).status_code // 100 for path, body in sample}
    assert statuses == {2, 4}
