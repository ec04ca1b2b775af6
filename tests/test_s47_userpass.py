"""Session 47's user walk (bench/HISTORY.md, ``## s47-userpass``): session 46's
leftovers (a refused webhook's project, a ``--project`` Label Studio does not
have), a dataset builder's walk through every format, and a plugin writer's.
Each test failed before its fix."""

from __future__ import annotations

import http.server
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import cli
from tests.conftest import serve_in_background

PROJECTS = [{"id": 1, "title": "Anota"}, {"id": 4, "title": "Reviews\n2026"}]


def fake_label_studio(projects: list[dict[str, object]], listing_status: int = 200) -> type:
    """A Label Studio that holds none of the projects asked for by id, and lists ``projects``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path.startswith("/api/projects/?") and listing_status == 200:
                self.answer(200, {"count": len(projects), "next": None, "previous": None, "results": projects})
            else:
                self.answer(404, {"detail": "No Project matches the given query."})

        def answer(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@pytest.fixture
def label_studio() -> Iterator[Callable[..., str]]:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(projects: list[dict[str, object]], listing_status: int = 200) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), fake_label_studio(projects, listing_status))
        serve_in_background(server)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def export_project(url: str, out: Path) -> str:
    result = CliRunner().invoke(cli, ["export", "--from-label-studio", url, "--project", "7", "--format", "jsonl",
                                      "--out", str(out), "--quiet"], env={"LABEL_STUDIO_API_KEY": "key"})
    assert result.exit_code == 1, result.output
    assert not out.exists()
    return result.stderr.splitlines()[-1]


def test_a_project_label_studio_does_not_have_is_said_with_those_it_has(tmp_path: Path, label_studio) -> None:
    # Before: "cannot export project 7 from URL: HTTP 404 Not Found: No Project matches the given query."
    url = label_studio(PROJECTS)
    assert export_project(url, tmp_path / "out") == (
        f"Error: Label Studio at {url} has no project 7 that this key can see (HTTP 404 Not Found: No Project "
        "matches the given query.); projects it can see: 1 'Anota', 4 'Reviews 2026'; give one of those ids to "
        "--project")


def test_a_key_that_sees_no_project_is_told_so(tmp_path: Path, label_studio) -> None:
    url = label_studio([])
    assert export_project(url, tmp_path / "out").endswith(
        "(HTTP 404 Not Found: No Project matches the given query.); it sees no project (create one, or give the "
        "key of a member of the project's organization)")


def test_a_server_that_lists_no_projects_keeps_its_404(tmp_path: Path, label_studio) -> None:
    # Another server than Label Studio's API: no list to give, and no claim about the key.
    url = label_studio(PROJECTS, listing_status=404)
    assert export_project(url, tmp_path / "out") == (
        f"Error: cannot export project 7 from {url}: HTTP 404 Not Found: No Project matches the given query.")
