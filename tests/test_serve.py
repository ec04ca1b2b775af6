"""`anota serve` runs gunicorn as a real process on loopback."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import cli, pins_workers
from tests.conftest import recorded_body
from tests.e2e.servers import ANOTA, free_port, start
from tests.test_plugins import FAILING, MISBEHAVING, metric


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
        "ANOTA_PIN_WORKERS": "true",
    }
    command = [str(ANOTA), "serve", "--port", str(port), "--workers", "2", "--threads", "2"]
    server = start("anota", command, environment, port, tmp_path)
    try:
        server.wait_until_up(120)
        auth = {"Authorization": "Basic " + base64.b64encode(b"ls:pw").decode()}
        status, answer = post(f"{server.url}/predict", recorded_body("ls_to_backend_predict.json"), auth)
        assert status == 200 and len(answer["results"]) == 3
        assert post(f"{server.url}/predict", recorded_body("ls_to_backend_predict.json"), {})[0] == 401
        pinned = pinned_workers(server.process.pid, workers=2)
    finally:
        server.stop()
    assert server.log_text().count("Booting worker") == 2  # gunicorn, not Flask's development server
    assert "Control socket" not in server.log_text()  # one per user: servers side by side would share it
    # All of a worker's threads on one CPU, the two workers on different ones.
    assert all(len(threads) == 1 and len(next(iter(threads))) == 1 for threads in pinned), pinned
    assert len({next(iter(threads)) for threads in pinned}) == min(2, len(os.sched_getaffinity(0)))


@pytest.mark.parametrize(("setting", "threads", "pinned"), [
    ("auto", 1, True), ("auto", 4, False), ("true", 4, True), ("false", 1, False), ("0", 1, False),
])
def test_pinning_follows_the_setting_and_auto_pins_single_threaded_workers(setting, threads, pinned):
    assert pins_workers(setting, threads) is pinned


def test_workers_with_several_threads_keep_every_cpu_by_default(tmp_path):
    port = free_port()
    environment = {**{name: value for name, value in os.environ.items() if name != "ANOTA_PIN_WORKERS"},
                   "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}", "ANOTA_PRELOAD": "false"}
    command = [str(ANOTA), "serve", "--port", str(port), "--workers", "1", "--threads", "4"]
    server = start("anota", command, environment, port, tmp_path)
    try:
        server.wait_until_up(120)
        (worker,) = worker_pids(server.process.pid)
        assert worker_cpus(worker) == {frozenset(os.sched_getaffinity(0))}
    finally:
        server.stop()


def worker_pids(master: int) -> list[int]:
    """The processes whose parent is ``master``."""
    children = []
    for entry in Path("/proc").iterdir():
        try:
            parent = int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):  # not a process, or one that just ended
            continue
        if parent == master:
            children.append(int(entry.name))
    return children


def worker_cpus(pid: int) -> set[frozenset[int]]:
    """The sets of CPUs the process's threads may run on (one if all agree)."""
    return {frozenset(os.sched_getaffinity(int(thread.name))) for thread in Path(f"/proc/{pid}/task").iterdir()}


def pinned_workers(master: int, workers: int, wait: float = 30.0) -> list[set[frozenset[int]]]:
    """``worker_cpus`` of each of ``master``'s workers, once there are ``workers`` of them each on one CPU, or as they
    stand after ``wait`` seconds: gunicorn forks the second worker after the first answers, and a worker pins itself
    just after it boots, so a look at once may find one worker, or one not pinned yet."""
    deadline = time.monotonic() + wait
    while True:
        pinned = [worker_cpus(worker) for worker in worker_pids(master)]
        settled = len(pinned) == workers and all(len(threads) == 1 and len(next(iter(threads))) == 1
                                                 for threads in pinned)
        if settled or time.monotonic() > deadline:
            return pinned
        time.sleep(0.1)


@pytest.mark.parametrize("metrics_dir_given", [True, False], ids=["PROMETHEUS_MULTIPROC_DIR", "temporary folder"])
def test_metrics_and_plugin_errors_add_up_over_workers(tmp_path, metrics_dir_given):
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    port = free_port()
    environment = {
        **{name: value for name, value in os.environ.items() if name != "PROMETHEUS_MULTIPROC_DIR"},
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}",
        "ANOTA_PRELOAD": "false",
        # The misbehaving plugin's slow annotator holds each request for the
        # timeout, so that both workers must answer some.
        "ANOTA_PLUGINS": f"{FAILING},{MISBEHAVING}",
        "ANOTA_PLUGIN_TIMEOUT": "0.3",
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),  # for the tests' sample plugins
        "ANOTA_DISABLE_PLUGINS": "entities,claims,sentiment,loaders",
        **({"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)} if metrics_dir_given else {}),
        # Read before the app exists, to choose where metrics live.
        "ANOTA_WORKERS": "2",
    }
    command = [str(ANOTA), "serve", "--port", str(port), "--threads", "1"]
    server = start("anota", command, environment, port, tmp_path)
    requests = 24
    try:
        server.wait_until_up(120)
        body = recorded_body("ls_to_backend_predict.json")

        def predict_all(count: int) -> None:
            with ThreadPoolExecutor(6) as clients:
                statuses = list(clients.map(lambda _: post(f"{server.url}/predict", body, {})[0], range(count)))
            assert statuses == [200] * count

        def assert_counted(count: int) -> None:
            for _ in range(4):  # whichever worker answers
                with urllib.request.urlopen(f"{server.url}/metrics", timeout=30) as answer:
                    text = answer.read().decode()
                assert metric(text, "anota_requests_total", endpoint="api.predict", status="200") == count
                assert metric(text, "anota_plugin_errors_total", annotator="always-fails", kind="exception") == 3 * count
                with urllib.request.urlopen(f"{server.url}/plugins", timeout=30) as answer:
                    listing = json.load(answer)
                failing = next(p for p in listing["plugins"] if p["name"] == FAILING)
                assert failing["errors"] == {"exception": 6 * count}

        predict_all(requests)
        if metrics_dir_given:
            assert len(list(metrics_dir.glob("counter_*.db"))) == 2  # each worker counted some
        assert_counted(requests)
        # A worker that exits is replaced; what it counted, and the metrics'
        # folder, stay.
        worker = int(Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()[0])
        os.kill(worker, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while server.log_text().count("Booting worker") < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        server.wait_until_up(60)
        predict_all(6)
        assert_counted(requests + 6)
    finally:
        server.stop()


def test_a_port_in_use_is_one_line_before_the_models_load(monkeypatch):
    # Before: gunicorn tried five times, 48 lines of log, after loading every model.
    monkeypatch.setattr("server.cli.command_app", lambda *_: pytest.fail("the app was built"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"Error: cannot listen on 127.0.0.1:{port}: Address already in use; stop "
                                          "the server on it, or choose another --port (0 takes a free one)"]


def test_serve_takes_its_address_from_anota_host_and_port(monkeypatch):
    # Before: `make run` (a bare `anota serve`) always took 127.0.0.1:9090, whatever the environment said.
    monkeypatch.setattr("server.cli.command_app", lambda *_: pytest.fail("the app was built"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve"], env={"ANOTA_HOST": "127.0.0.1", "ANOTA_PORT": str(port)})
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{port}: ")
    result = CliRunner().invoke(cli, ["serve"], env={"ANOTA_PORT": "http"})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for '--port' (from ANOTA_PORT): 'http'")


@pytest.mark.parametrize(("arguments", "environment", "code", "error"), [
    (["--port", "-1"], {}, 2, "Error: Invalid value for '--port': -1 is not in the range 0<=x<=65535."),
    (["--workers", "0"], {}, 2, "Error: Invalid value for '--workers': 0 is not in the range x>=1."),
    (["--threads", "0"], {}, 2, "Error: Invalid value for '--threads': 0 is not in the range x>=1."),
    ([], {"ANOTA_WORKERS": "two"}, 1, "Error: ANOTA_WORKERS=two: expected a whole number, 1 or more"),
    (["--host", "999.1.1.1"], {}, 1, "Error: cannot listen on 999.1.1.1:"),
])
def test_serve_refuses_what_it_cannot_serve_on_in_one_line(monkeypatch, arguments, environment, code, error):
    # Before: an OverflowError traceback (port -1), a ValueError one (ANOTA_WORKERS),
    # one worker served for --workers 0, gunicorn's retries for a bad host.
    monkeypatch.setattr("server.cli.command_app", lambda *_: pytest.fail("the app was built"))
    result = CliRunner().invoke(cli, ["serve", "--port", str(free_port()), *arguments], env=environment)
    assert result.exit_code == code and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(error), result.stderr
