"""Session fixtures for the end-to-end tests: a real Label Studio 1.23.2 with
strict prediction validation and a real ``anota serve``, both on loopback,
stopped whatever happens; Label Studio's log is checked after every test."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import traceback
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from label_studio_sdk.client import LabelStudio

from server.cli import cli
from tests.e2e.servers import (
    ANOTA_PASSWORD,
    ANOTA_USER,
    LABEL_STUDIO,
    LS_LEGACY_TOKEN,
    Server,
    check_label_studio_port,
    log_problems,
    prepare_data_dir,
    save_data_template,
    start_anota,
    start_label_studio,
)


@dataclass
class Servers:
    label_studio: Server
    anota: Server
    anota_database: Path
    # How far Label Studio's log has been checked.
    log_checked_to: int = 0

    def new_log_problems(self) -> list[str]:
        """Problems Label Studio logged since the last call."""
        with self.label_studio.log_path.open("rb") as log:
            log.seek(self.log_checked_to)
            text = log.read()
        self.log_checked_to += len(text)
        return log_problems(text.decode("utf-8", errors="replace"))

    def anota_get(self, path: str) -> Any:
        """GET a JSON answer from Anota, with its basic auth."""
        credentials = base64.b64encode(f"{ANOTA_USER}:{ANOTA_PASSWORD}".encode()).decode()
        request = urllib.request.Request(f"{self.anota.url}{path}", headers={"Authorization": f"Basic {credentials}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)

    def run_anota(self, *arguments: str, api_key: str = LS_LEGACY_TOKEN) -> str:
        """Run an ``anota`` command next to the running server (same database
        and credentials), as a person would; return what it printed. In-process:
        a new interpreter would spend seconds importing the same modules."""
        environment: dict[str, str | None] = {
            key: None for key in os.environ if key.startswith(("ANOTA_", "LABEL_STUDIO_", "BASIC_AUTH_"))
        }
        environment.update(
            ANOTA_DATABASE_URL=f"sqlite:///{self.anota_database}",
            ANOTA_URL=self.anota.url,
            BASIC_AUTH_USER=ANOTA_USER,
            BASIC_AUTH_PASS=ANOTA_PASSWORD,
            LABEL_STUDIO_URL=self.label_studio.url,
            LABEL_STUDIO_API_KEY=api_key,
        )
        done = CliRunner().invoke(cli, list(arguments), env=environment)
        trace = "".join(traceback.format_exception(done.exception)) if done.exception else ""
        assert done.exit_code == 0, f"anota {' '.join(arguments)} failed:\n{done.output}\n{trace}"
        return done.output


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    if not LABEL_STUDIO.exists():
        pytest.fail(f"{LABEL_STUDIO} is missing: `make label-studio` installs it")
    workdir = tmp_path_factory.mktemp("e2e")
    database = workdir / "anota.db"
    data_dir = workdir / "label-studio-data"
    with contextlib.ExitStack() as stack:
        # Anota boots while Label Studio starts.
        anota = start_anota(database, workdir)
        stack.callback(anota.stop)
        warm = prepare_data_dir(data_dir)
        label_studio = start_label_studio(data_dir, workdir)
        stack.callback(label_studio.stop)
        label_studio.wait_until_up()
        check_label_studio_port(label_studio)
        if not warm:
            save_data_template(data_dir)
        anota.wait_until_up()
        running = Servers(label_studio, anota, database)
        yield running
        problems = running.new_log_problems()
        assert not problems, "Label Studio logged problems at the end of the session:\n" + "\n".join(problems)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "label_studio_errors_expected: the test provokes errors in Label Studio's log and checks them itself"
    )


@pytest.fixture(autouse=True)
def label_studio_log_stays_clean(request: pytest.FixtureRequest, servers: Servers) -> Iterator[None]:
    """Fail the test during which (or during whose fixtures) Label Studio
    logged a rejected prediction or an ML backend error."""
    problems = servers.new_log_problems()
    assert not problems, "Label Studio logged problems while fixtures were set up:\n" + "\n".join(problems)
    yield
    if request.node.get_closest_marker("label_studio_errors_expected"):
        return  # the test reads and checks them itself
    problems = servers.new_log_problems()
    assert not problems, "Label Studio logged problems:\n" + "\n".join(problems)


@pytest.fixture(scope="session")
def client(servers: Servers) -> Iterator[LabelStudio]:
    with httpx.Client(timeout=120) as http:
        yield LabelStudio(base_url=servers.label_studio.url, api_key=LS_LEGACY_TOKEN, httpx_client=http)
