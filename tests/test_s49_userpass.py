"""Session 49's user walk: a corpus builder's folder of mixed files preloaded, pushed to a real Label Studio 1.23.2
and connected. Each test fails without its fix."""

from __future__ import annotations

import http.server
import socket
import threading
import time

import click
import pytest

from server.push import wait_for_backend
from tests.conftest import serve_in_background


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
