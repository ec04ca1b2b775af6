"""`anota serve` runs gunicorn as a real process on loopback."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import recorded_body

ANOTA = Path(sys.executable).parent / "anota"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "anota serve exited early"
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=1) as answer:
                return json.load(answer)
        except OSError:
            time.sleep(0.2)
    raise AssertionError("anota serve did not answer /health in time")


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
    }
    process = subprocess.Popen(
        [str(ANOTA), "serve", "--port", str(port), "--workers", "2", "--threads", "2"],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        assert wait_for_health(url, process)["status"] == "UP"
        auth = {"Authorization": "Basic " + base64.b64encode(b"ls:pw").decode()}
        status, answer = post(f"{url}/predict", recorded_body("ls_to_backend_predict.json"), auth)
        assert status == 200 and len(answer["results"]) == 3
        assert post(f"{url}/predict", recorded_body("ls_to_backend_predict.json"), {})[0] == 401
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0].decode()
    assert "Booting worker" in output  # gunicorn, not Flask's development server
