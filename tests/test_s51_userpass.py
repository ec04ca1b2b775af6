"""Session 51's operator walk: Anota run as a service (PostgreSQL, several
workers, basic auth, Prometheus), restarted and upgraded (bench/HISTORY.md
"## s51-userpass")."""

from __future__ import annotations

import os
import urllib.request
from pathlib import Path

from tests.conftest import recorded_body
from tests.e2e.servers import ANOTA, free_port, start
from tests.test_plugins import BROKEN, FAILING, metric
from tests.test_serve import post

REPOSITORY = Path(__file__).resolve().parent.parent


def served_metrics(tmp_path: Path, metrics_dir: Path, plugins: str, workers: str, run: str) -> tuple[str, str]:
    """Start `anota serve` (its log named after ``run``), send it one /predict,
    and give back its /metrics and its log, stopped."""
    port = free_port()
    environment = {
        **os.environ,
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}",
        "ANOTA_PRELOAD": "false",
        "ANOTA_PLUGINS": plugins,
        "PYTHONPATH": str(REPOSITORY),  # for the tests' sample plugins
        "ANOTA_DISABLE_PLUGINS": "entities,claims,sentiment,loaders",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "ANOTA_WORKERS": workers,
    }
    server = start(run, [str(ANOTA), "serve", "--port", str(port), "--threads", "1"], environment, port, tmp_path)
    try:
        server.wait_until_up(120)
        assert post(f"{server.url}/predict", recorded_body("ls_to_backend_predict.json"), {})[0] == 200
        with urllib.request.urlopen(f"{server.url}/metrics", timeout=30) as answer:
            return answer.read().decode(), server.log_text()
    finally:
        server.stop()


def test_a_restart_with_the_operators_metrics_folder_starts_the_counters_again(tmp_path):
    """The first run had a plugin that failed to load and one that failed at
    each request; the operator removes both and restarts on the same
    PROMETHEUS_MULTIPROC_DIR (one worker this time: the folder is read then too).
    The second run's /metrics said the removed plugin still failed to load
    (anota_plugin_load_errors 1.0, read from the first run's gauge file) and
    counted both runs' requests."""
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    first, _log = served_metrics(tmp_path, metrics_dir, f"{FAILING},{BROKEN}", "2", "first")
    assert metric(first, "anota_plugin_load_errors", plugin=BROKEN, stage="import") == 1
    assert metric(first, "anota_plugin_errors_total", annotator="always-fails", kind="exception") == 3  # a count a task
    assert metric(first, "anota_requests_total", endpoint="api.predict", status="200") == 1

    second, log = served_metrics(tmp_path, metrics_dir, "", "1", "second")
    assert "anota_plugin_load_errors{" not in second
    assert metric(second, "anota_plugin_errors_total", annotator="always-fails", kind="exception") == 0
    assert metric(second, "anota_requests_total", endpoint="api.predict", status="200") == 1
    assert "files of an earlier run removed from PROMETHEUS_MULTIPROC_DIR=" in log
