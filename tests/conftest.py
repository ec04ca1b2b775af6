"""Shared fixtures: apps on real databases (SQLite files), the recorded Label Studio bodies, and a
local HTTP server that answers as told (a Label Studio refusing a key, a proxy's error page)."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socketserver
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import create_app

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS.parent / "fixtures"
RECORDED = FIXTURES / "label-studio-1.23.2"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`make test` runs the tests on every core (pytest-xdist, ``--dist
    loadgroup``): each file's tests in one worker, so that its module fixtures
    start once, and the end-to-end files together, since they share one Label
    Studio (a package fixture)."""
    for item in items:
        path = Path(item.path).relative_to(TESTS)
        item.add_marker(pytest.mark.xdist_group("e2e" if path.parts[0] == "e2e" else path.as_posix()))


# serve_forever looks for a shutdown() request every poll_interval, 0.5 s by default: every
# test that stopped a server waited up to that long in its teardown (54 teardowns took 0.4-0.5 s
# in session 33's full run); at 0.05 s a server idles at 20 wake-ups a second.
SHUTDOWN_POLL_SECONDS = 0.05


def serve_in_background(server: socketserver.BaseServer) -> threading.Thread:
    """Serve on a daemon thread that ``server.shutdown()`` ends within SHUTDOWN_POLL_SECONDS."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
                              daemon=True)
    thread.start()
    return thread


def recorded_body(name: str) -> dict[str, Any]:
    """The JSON body Label Studio 1.23.2 sent, as recorded."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))["json"]


# Where the system has a tmpfs (Linux's /dev/shm), the tests' SQLite files live there: on disk,
# each new app's schema and first writes waited for fsync, 0.70 s of wall time per app on the
# loaded 2-core machine against 0.05 s on tmpfs (the same SQLite, locks and WAL included), and
# some 850 tests each build an app.
MEMORY_FOLDER = Path("/dev/shm")


@pytest.fixture
def database_folder(tmp_path: Path) -> Iterator[Path]:
    """The folder of the test's SQLite file: a fresh one on tmpfs, removed after the test, else ``tmp_path``."""
    if not (MEMORY_FOLDER.is_dir() and os.access(MEMORY_FOLDER, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="anota-test-", dir=MEMORY_FOLDER))
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def database_url(database_folder: Path) -> str:
    """The database of one test: a SQLite file in ``database_folder``
    (tests/test_postgres.py overrides it with a fresh PostgreSQL database)."""
    return f"sqlite:///{database_folder / 'anota.db'}"


@pytest.fixture
def make_app(database_url: str) -> Iterator[Callable[..., Flask]]:
    """Build apps on the test's database (one per test, shared by its apps);
    their connections are closed when the test ends."""
    apps: list[Flask] = []

    def make(**config: Any) -> Flask:
        config.setdefault("DATABASE_URL", database_url)
        apps.append(create_app(config))
        return apps[-1]

    yield make
    for app in apps:
        app.extensions["anota"].database.dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def answering() -> Iterator[Callable[[int, bytes, str], str]]:
    """Start a 127.0.0.1 server answering every request with one status and body; give its URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(status: int, body: bytes, content_type: str) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *_args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        serve_in_background(server)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
