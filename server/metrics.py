"""Prometheus metrics, one registry per app (two apps in one process, as in the
tests, must not share counters)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 100)


class Metrics:
    """The counters Anota keeps: requests per endpoint, and per plugin its
    suggestions, errors (by kind), time, and labels the project lacked."""

    def __init__(self) -> None:
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
            "Annotator failures per plugin and kind (exception, invalid, timeout, hook)",
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
            ["plugin", "stage"], registry=registry,
        )
        self.webhook_events = Counter(
            "anota_webhook_events", "Webhook events by action and outcome (stored, duplicate, ignored)",
            ["action", "outcome"], registry=registry,
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
