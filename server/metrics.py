"""Prometheus metrics, one registry per app (two apps in one process, as in the
tests, must not share counters).

With several gunicorn workers each process counts its own requests, so
``anota serve`` switches prometheus-client to its multiprocess mode: values go
to files in ``PROMETHEUS_MULTIPROC_DIR`` and ``/metrics`` (and ``/plugins``)
add up every worker's, whichever worker answers.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess, values
from prometheus_client.metrics_core import Metric

from server.config import SettingError

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
# What prometheus-client's multiprocess mode writes: a file per metric type and process
# (counter_<pid>.db, histogram_<pid>.db, gauge_max_<pid>.db, ...).
VALUE_FILES = ("counter_*.db", "gauge_*.db", "histogram_*.db", "summary_*.db")

log = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 100)


class Metrics:
    """The counters Anota keeps: requests per endpoint, and per plugin its
    suggestions, errors (by kind), time, and labels the project lacked."""

    def __init__(self) -> None:
        check_multiprocess_dir()
        self.registry = CollectorRegistry(auto_describe=True)
        registry = self.registry
        self.requests = Counter(
            "anota_requests", "HTTP requests by endpoint and status", ["endpoint", "status"],
            registry=registry,
        )
        self.request_seconds = Histogram(
            "anota_request_seconds", "Request latency by endpoint", ["endpoint"],
            buckets=LATENCY_BUCKETS, registry=registry,
        )
        self.suggestions = Counter(
            "anota_plugin_suggestions", "Regions sent to Label Studio, per annotator",
            ["plugin", "annotator"], registry=registry,
        )
        self.plugin_errors = Counter(
            "anota_plugin_errors",
            "Plugin failures per plugin, annotator (or loader) and kind (exception, invalid, timeout, hook, loader)",
            ["plugin", "annotator", "kind"], registry=registry,
        )
        self.plugin_seconds = Histogram(
            "anota_plugin_seconds", "Time spent in each annotator per request",
            ["plugin", "annotator"], buckets=LATENCY_BUCKETS, registry=registry,
        )
        self.dropped_labels = Counter(
            "anota_dropped_labels",
            "Suggestions dropped because the project's labeling config lacks the label",
            ["annotator", "label"], registry=registry,
        )
        self.load_errors = Gauge(
            "anota_plugin_load_errors", "Plugins that failed to load, by stage",
            # Every worker loads the same plugins: one value, not their sum.
            ["plugin", "stage"], registry=registry, multiprocess_mode="max",
        )
        self.text_fetch_errors = Counter(
            "anota_text_fetch_errors",
            "Tasks whose text URL (valueType=\"url\") could not be had, by reason (fetch, decode, deadline)",
            ["reason"], registry=registry,
        )
        self.skipped_texts = Counter(
            "anota_skipped_texts",
            "Texts no annotator was run on, by their language: one outside ANOTA_LANGUAGES, which the annotators' "
            "models, lexicons and rules are not for",
            ["language"], registry=registry,
        )
        self.skipped_writes = Counter(
            "anota_skipped_database_writes",
            "Writes a request went on without because another writer held the database locked past their short "
            "wait (SKIPPABLE_WRITE_WAIT) or it could not be used, by what they would have stored",
            ["what"], registry=registry,
        )
        self.webhook_events = Counter(
            "anota_webhook_events", "Webhook events by action and outcome (stored, duplicate, ignored)",
            ["action", "outcome"], registry=registry,
        )

        self.multiprocess = bool(os.environ.get(MULTIPROCESS_DIR))
        # Looking up a labelled child costs more than counting: every request
        # would pay for it once per metric and annotator.
        self._request_children: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._plugin_seconds_children: dict[tuple[str, str], Any] = {}

    def count_request(self, endpoint: str, status: str, seconds: float) -> None:
        children = self._request_children.get((endpoint, status))
        if children is None:
            children = (self.requests.labels(endpoint, status), self.request_seconds.labels(endpoint))
            self._request_children[(endpoint, status)] = children
        children[0].inc()
        children[1].observe(seconds)

    def observe_plugin_seconds(self, plugin: str, annotator: str, seconds: float) -> None:
        child = self._plugin_seconds_children.get((plugin, annotator))
        if child is None:
            child = self._plugin_seconds_children[(plugin, annotator)] = self.plugin_seconds.labels(plugin, annotator)
        child.observe(seconds)

    def families(self) -> Iterable[Metric]:
        """Every metric family, summed over the server's processes."""
        return self._readable_registry().collect()

    def exposition(self) -> bytes:
        return generate_latest(self._readable_registry())

    def _readable_registry(self) -> CollectorRegistry:
        if not self.multiprocess:
            return self.registry
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry


def check_multiprocess_dir() -> None:
    """A ``PROMETHEUS_MULTIPROC_DIR`` that is no folder is one line naming it:
    prometheus-client fails only when a value is first written or read, with
    a traceback (at start-up, or on every /metrics and /plugins)."""
    folder = os.environ.get(MULTIPROCESS_DIR)
    if folder and not os.path.isdir(folder):
        raise SettingError(f"{MULTIPROCESS_DIR}={folder}: not a folder; create it, or unset it "
                           "(anota serve with several workers then uses a temporary one)")


def share_between_processes() -> None:
    """Put metrics in prometheus-client's multiprocess mode (before any app is
    created): in ``PROMETHEUS_MULTIPROC_DIR`` if set, else in a temporary
    folder removed at exit."""
    if not os.environ.get(MULTIPROCESS_DIR):
        folder = tempfile.mkdtemp(prefix="anota-metrics-")
        atexit.register(_remove_folder, folder, os.getpid())
        os.environ[MULTIPROCESS_DIR] = folder
    # prometheus-client picks its value class when imported; pick it again.
    values.ValueClass = values.get_value_class()


def forget_earlier_runs() -> None:
    """Remove the values an earlier server left in ``PROMETHEUS_MULTIPROC_DIR``
    (``anota serve``, before its app counts anything).

    /metrics adds up every file there, a finished process's too: after a restart
    the counters went on from the last run's values (and a worker given the same
    pid, as in a container, reopened its file), and a plugin that failed to load
    then was still reported as failing (``anota_plugin_load_errors`` takes the
    highest value of every file) once fixed and restarted. prometheus-client asks
    for the folder to be wiped between runs; a restart is a counter reset, which
    Prometheus's ``rate()`` expects."""
    folder = os.environ.get(MULTIPROCESS_DIR)
    if not folder or not os.path.isdir(folder):  # unset, or check_multiprocess_dir's one line to come
        return
    stale = [path for pattern in VALUE_FILES for path in Path(folder).glob(pattern)]
    for path in stale:
        path.unlink(missing_ok=True)
    if stale:
        log.info("metrics: %d files of an earlier run removed from %s=%s (a restart starts the counters at zero)",
                 len(stale), MULTIPROCESS_DIR, folder)


def _remove_folder(folder: str, owner: int) -> None:
    # Forked workers inherit this exit handler: a worker that exits (and is
    # replaced) must not take the folder from the server still running.
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)


def forget_process(pid: int) -> None:
    """Drop a finished worker's live gauges (its counters still count)."""
    if os.environ.get(MULTIPROCESS_DIR):
        multiprocess.mark_process_dead(pid)
