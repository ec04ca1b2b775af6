"""`anota serve` runs gunicorn as a real process on loopback."""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request

from tests.conftest import recorded_body
from tests.e2e.servers import ANOTA, free_port, start


def post(url: str, body: dict, headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_serve_answers_health_and_predict_with_auth(tmp_path):
    port = free_port()
    environment = {
        **os.environ,
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}",
        "BASIC_AUTH_USER": "ls",
        "BASIC_AUTH_PASS": "pw",
        "PYTHONUNBUFFERED": "1",
    }
    command = [str(ANOTA), "serve", "--port", str(port), "--workers", "2", "--threads", "2"]
    server = start("anota", command, environment, port, tmp_path)
    try:
        server.wait_until_up(120)
        auth = {"Authorization": "Basic " + base64.b64encode(b"ls:pw").decode()}
        status, answer = post(f"{server.url}/predict", recorded_body("ls_to_backend_predict.json"), auth)
        assert status == 200 and len(answer["results"]) == 3
        assert post(f"{server.url}/predict", recorded_body("ls_to_backend_predict.json"), {})[0] == 401
    finally:
        server.stop()
    assert server.log_text().count("Booting worker") == 2  # gunicorn, not Flask's development server
