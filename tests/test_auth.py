"""Basic auth, as Label Studio sends it, and secrets kept out of logs and answers."""

from __future__ import annotations

import base64
import logging

import pytest

from tests.conftest import recorded_body


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def secured(make_app):
    return make_app(BASIC_AUTH_USER="label-studio", BASIC_AUTH_PASS="s3cret").test_client()


def test_health_and_index_stay_open(secured):
    assert secured.get("/health").status_code == 200
    assert secured.get("/").status_code == 200


@pytest.mark.parametrize("path", ["/metrics", "/plugins"])
@pytest.mark.parametrize("headers", [{}, basic("label-studio", "wrong"), basic("other", "s3cret"),
                                     {"Authorization": "Bearer s3cret"}])
def test_wrong_or_missing_credentials_get_401(secured, path, headers):
    answer = secured.get(path, headers=headers)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Basic")
    assert answer.is_json


def test_right_credentials_pass(secured):
    headers = basic("label-studio", "s3cret")
    assert secured.post("/setup", json=recorded_body("ls_to_backend_setup.json"), headers=headers).status_code == 200
    assert secured.post("/predict", json=recorded_body("ls_to_backend_predict.json"), headers=headers).status_code == 200
    assert secured.post("/predict", json=recorded_body("ls_to_backend_predict.json")).status_code == 401


def test_access_token_never_appears_in_answers_or_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    body = recorded_body("ls_to_backend_setup.json")
    token = body["access_token"]
    answers = [client.post("/setup", json=body), client.post("/setup", json={**body, "schema": "<View><x"})]
    for answer in answers:
        assert token not in answer.get_data(as_text=True)
    assert token not in caplog.text
