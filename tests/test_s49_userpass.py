"""Session 49's user walk: a corpus builder's folder of mixed files preloaded, pushed to a real Label Studio 1.23.2
and connected. Each test fails without its fix."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time

import click
import pytest

from server.push import wait_for_backend
from tests.conftest import serve_in_background
from tests.test_tasks_cli import run, scratch  # noqa: F401 (a fixture: TMPDIR in the test's folder)


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"status": "UP"}')

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connecting_waits_for_anota_serve_to_listen(capsys):
    # Before: `anota push --connect` run while `anota serve` still loaded its models had Label Studio connect a
    # backend that did not answer, and stopped on its "health check failed" after importing the tasks (s48's walk).
    port = free_port()
    servers: list[http.server.HTTPServer] = []

    def start_later() -> None:
        time.sleep(1)
        servers.append(http.server.HTTPServer(("127.0.0.1", port), Health))
        serve_in_background(servers[0])

    threading.Thread(target=start_later, daemon=True).start()
    started = time.monotonic()
    try:
        wait_for_backend(f"http://127.0.0.1:{port}", 3, wait=60, poll=0.1)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    assert time.monotonic() - started >= 1
    said = capsys.readouterr().err
    assert f"waiting for Anota at http://127.0.0.1:{port}" in said and "models are loaded" in said


def test_connecting_gives_up_saying_what_to_do_when_nothing_serves():
    port = free_port()
    with pytest.raises(click.ClickException) as raised:
        wait_for_backend(f"http://127.0.0.1:{port}", 7, wait=0.3, poll=0.1)
    message = raised.value.message
    assert f"nothing answers at http://127.0.0.1:{port}" in message
    assert "start `anota serve`" in message and "project 7 and its tasks are in place" in message


def test_connecting_does_not_wait_for_an_address_only_label_studio_may_reach():
    # A Docker network's name (anota:9090) this machine cannot resolve: Label Studio is left to try it.
    started = time.monotonic()
    wait_for_backend("http://anota-backend.invalid:9090", 1, wait=30, poll=0.1)
    assert time.monotonic() - started < 10


COPIED_STORY = ("The Environment Agency issued flood warnings for the River Ouse in York after two days of heavy rain, "
                "and residents were told to move valuables upstairs.")


@pytest.mark.usefixtures("scratch")
def test_the_summary_says_how_many_tasks_include_excluded_brings_back(tmp_path):
    # Before: "left out: 7 duplicate, 4 boilerplate, 3 near-duplicate (listed above; --include-excluded brings them
    # back)", and the list then held 4 more tasks, not 14 (session 49's folder: 403 left out, 35 brought back): a copy
    # of a task's text is that task, and a line left out on every page comes back once.
    folder = tmp_path / "posts"
    folder.mkdir()
    for number in range(4):
        (folder / f"post-{number}.txt").write_text(
            f"Post {number} opens with a sentence of its own about the weather in the north this week.\n\n"
            f"{COPIED_STORY}\n\n{COPIED_STORY}\n\nPartilhe este artigo!\n", encoding="utf-8")
    listed = run(["tasks", str(folder)], tmp_path)
    included = run(["tasks", "--include-excluded", str(folder)], tmp_path)
    assert listed.exit_code == included.exit_code == 0, listed.output
    added = len(json.loads(included.stdout)) - len(json.loads(listed.stdout))
    assert added == 4
    summary = listed.stderr.splitlines()[-1]
    assert "7 duplicate, 4 boilerplate, 3 near-duplicate" in summary
    assert "--include-excluded brings back 4: each text once" in summary
    assert "(4 of them in the list all the same: each text once" in included.stderr.splitlines()[-1]
