"""Fixtures for the end-to-end tests: a real Label Studio 1.23.2 with strict
prediction validation and a real ``anota serve``, both on loopback, started
once for this package and stopped when its last test is done, whatever
happens; Label Studio's log is checked around every test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest
from label_studio_sdk.client import LabelStudio

from tests.e2e.servers import (
    ANOTA_LOG_PROBLEMS,
    LABEL_STUDIO,
    LS_LEGACY_TOKEN,
    Servers,
    check_label_studio_port,
    local_files_root,
    prepare_data_dir,
    save_data_template,
    start_anota,
    start_label_studio,
)


@pytest.fixture(scope="package")
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
        running = Servers(label_studio, anota, database, local_files_root(data_dir))
        yield running
        problems = running.new_log_problems()
        assert not problems, "Label Studio logged problems when the tests were done:\n" + "\n".join(problems)
        anota_problems = [line for line in anota.log_text().splitlines() if ANOTA_LOG_PROBLEMS.search(line)]
        assert not anota_problems, "Anota answered 5xx or raised:\n" + "\n".join(anota_problems)


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


@pytest.fixture(scope="package")
def client(servers: Servers) -> Iterator[LabelStudio]:
    with httpx.Client(timeout=120) as http:
        yield LabelStudio(base_url=servers.label_studio.url, api_key=LS_LEGACY_TOKEN, httpx_client=http)
