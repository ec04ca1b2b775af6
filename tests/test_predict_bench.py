"""bench/predict.py's bodies: the "100 unseen" one must be new to Anota on every request."""

from __future__ import annotations

import json

from bench.predict import bodies, fresh_texts


def texts(body: bytes) -> list[str]:
    return [task["data"]["text"] for task in json.loads(body)["tasks"]]


def test_every_request_of_the_unseen_body_sends_texts_never_sent_before() -> None:
    next_body = fresh_texts(json.dumps(bodies()["100 unseen"]).encode())
    first, second = next_body(), next_body()
    assert len(first) == len(second)  # the baselines answer by the body's length
    sent = texts(first) + texts(second)
    assert len(set(sent)) == len(sent) == 200


def test_the_recorded_bodies_are_sent_as_they_are() -> None:
    body = json.dumps(bodies()["100 tasks"]).encode()
    assert fresh_texts(body)() == body
