"""Label Studio's ML backend protocol (``/health``, ``/setup``, ``/predict``,
``/webhook``, ``/metrics``) and Anota's own listing, ``/plugins``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from prometheus_client import CONTENT_TYPE_LATEST

from schemas.ml_backend import PredictSchema, SetupSchema, WebhookSchema, plain_predict_body
from server.app import AnotaState, get_state
from server.config_checks import config_verdict, label_studio_refusal
from server.errors import BadRequest
from server.events import PROJECT_DELETED, AnnotationEvent, event_project, store_event
from server.json_provider import json_response
from server.labeling import LabelingConfig, LabelingConfigError, parse_labeling_config
from server.metrics import Metrics
from server.remote_texts import LabelStudioConnection
from server.request_body import body_bytes, json_object

log = logging.getLogger(__name__)

blueprint = Blueprint("api", __name__)
setup_schema = SetupSchema()
predict_schema = PredictSchema()
webhook_schema = WebhookSchema()

MODEL_CLASS = "Anota"


def state() -> AnotaState:
    return get_state(current_app)


def json_body() -> dict[str, Any]:
    # Whatever the Content-Type: a body that is JSON is read as JSON.
    return json_object(body_bytes(request))


@blueprint.get("/")
def index() -> ResponseReturnValue:
    return health()


@blueprint.get("/health")
def health() -> ResponseReturnValue:
    return jsonify(status="UP", model_class=MODEL_CLASS, model_version=state().model_version)


@blueprint.post("/setup")
def setup() -> ResponseReturnValue:
    body = setup_schema.load(json_body())
    labeling_config(body["schema"], field="schema")
    if body["project"]:
        sent = body["hostname"] or body["access_token"]
        connection = LabelStudioConnection(body["hostname"], body["access_token"]) if sent else None
        state().set_up(body["project"], body["schema"], connection)
    return jsonify(model_version=state().model_version)


@blueprint.post("/predict")
def predict() -> ResponseReturnValue:
    raw = body_bytes(request)
    body = plain_predict_body(raw)
    if body is None:
        body = predict_schema.load(json_object(raw))
    current = state()
    current.recheck_projects()  # every worker drops a deleted project's token, whichever project it serves
    xml = body["label_config"] or (current.setup_config(body["project"]) if body["project"] else None)
    if not xml:
        raise BadRequest("No labeling config", {"label_config": ["Missing, and no /setup for this project."]})
    config = labeling_config(xml, field="label_config")
    context = (body["params"] or {}).get("context") or {}
    tasks = body["tasks"]
    for obj in config.objects:
        if obj.is_url:
            connection = current.setup_connection(body["project"]) if body["project"] else None
            tasks = current.remote_texts.resolve(tasks, obj.key, connection)
    results = current.predictor.predict(config, tasks, project=body["project"], context=context.get("result"))
    return json_response({"results": results})


@blueprint.post("/webhook")
def webhook() -> ResponseReturnValue:
    body = webhook_schema.load(json_body())
    current = state()
    refusal, about_config = check_project_config(body)
    said = {"label_config": about_config} if about_config else {}
    events = store_event(current.database, body, refused_config=refusal)
    # After storing: a /predict meanwhile would read the config as it was, and keep it.
    if (project_id := event_project(body)) is not None:
        if body["action"] == PROJECT_DELETED:
            current.forget_project(project_id)  # also on a repeated delivery
        else:
            current.stored_configs.pop(project_id, None)  # the event may have changed the project's config
    if events is None:
        current.metrics.webhook_events.labels(body["action"], "duplicate").inc()
        return jsonify(status="duplicate", events=0, **said)
    current.metrics.webhook_events.labels(body["action"], "stored" if events else "ignored").inc()
    for event in events:
        notify_plugins(current, event)
    return jsonify(status="ok", events=len(events), **said)


def check_project_config(body: dict[str, Any]) -> tuple[str | None, str | None]:
    """Why the labeling config a webhook body's project carries is refused
    (None: it is not), and what to say of it; a config Label Studio would
    refuse is taken out of the body, so that
    neither the database (whose earlier config stays) nor a plugin gets it.
    The annotation is stored either way: Label Studio does not send an event
    again, and refusing it for its project's config would lose it. Said in
    the answer and the log (a sender that is not Label Studio reads the
    first, whoever runs Anota the second)."""
    project = body.get("project")
    if not isinstance(project, dict) or project.get("label_config") is None:
        return None, None
    refusal, said = config_verdict(project["label_config"])
    if refusal is not None:
        body["project"] = {key: value for key, value in project.items() if key != "label_config"}
    if said:
        log.warning("/webhook %s of project %s: labeling config %s", body.get("action"), project.get("id"), said)
    return refusal, said


def notify_plugins(current: AnotaState, event: AnnotationEvent) -> None:
    """Pass ``event`` to every plugin's ``annotation_changed``; one that raises
    is logged and counted, and the webhook still succeeds."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    for plugin, _registered, exc in current.plugins.call_each("annotation_changed", event=event, app=app):
        if exc is not None:
            # with the traceback: the plugin's writer needs the line that failed
            log.warning("plugin %s failed on annotation_changed: %s", plugin, exc, exc_info=exc)
            current.metrics.plugin_errors.labels(plugin, "", "hook").inc()


@blueprint.get("/metrics")
def metrics() -> ResponseReturnValue:
    return Response(state().metrics.exposition(), mimetype=CONTENT_TYPE_LATEST)


@blueprint.get("/plugins")
def plugins() -> ResponseReturnValue:
    return jsonify(plugin_listing(state()))


def plugin_listing(current: AnotaState) -> dict[str, Any]:
    """Name, version, hooks and contributions of every loaded plugin, with its
    request-time error counts, and the plugins that failed to load."""
    errors = request_errors(current)
    plugins = []
    for name in current.plugins.names():
        annotators = [a for a in current.annotators if a.plugin == name]
        plugins.append({
            "name": name,
            "version": current.plugins.versions.get(name, "unknown"),
            "hooks": current.plugins.hooks_of(name),
            "annotators": [
                {
                    "name": a.name,
                    "version": a.annotator.version,
                    "labels": [{"name": spec.name, "kind": spec.kind} for spec in a.annotator.labels],
                    # What it reads in each language it is given ("*": the others); empty: every language, unstated.
                    "languages": dict(a.annotator.languages),
                }
                for a in annotators
            ],
            "loaders": [getattr(obj, "name", repr(obj)) for plugin, obj in current.loaders if plugin == name],
            # Which files of a folder each loader takes; beside "loaders", whose list of names stays as clients read it.
            "loader_suffixes": {getattr(obj, "name", repr(obj)): list(getattr(obj, "suffixes", ()))
                                for plugin, obj in current.loaders if plugin == name},
            "exporters": [getattr(obj, "name", repr(obj)) for plugin, obj in current.exporters if plugin == name],
            # What each writes, as its plugin describes it (shown nowhere before: a plugin's writer set it for nothing).
            "exporter_descriptions": {getattr(obj, "name", repr(obj)): str(getattr(obj, "description", "") or "")
                                      for plugin, obj in current.exporters if plugin == name},
            "errors": errors.get(name, {}),
        })
    return {
        "model_version": current.model_version,
        "plugins": plugins,
        "load_errors": [error.as_dict() for error in current.plugins.load_errors],
    }


def request_errors(current: AnotaState) -> dict[str, dict[str, int]]:
    """Request-time errors per plugin and kind, read back from the metrics."""
    counts: dict[str, dict[str, int]] = {}
    for family in current.metrics.families():
        if family.name != "anota_plugin_errors":
            continue
        for sample in family.samples:
            if sample.name.endswith("_total"):
                plugin, kind = sample.labels["plugin"], sample.labels["kind"]
                per_plugin = counts.setdefault(plugin, {})
                per_plugin[kind] = per_plugin.get(kind, 0) + int(sample.value)
    return counts


def labeling_config(xml: str, field: str) -> LabelingConfig:
    """``xml`` parsed, or a 400 naming ``field``: also for a config Label Studio
    would refuse, so that /predict and /setup agree (before, /predict answered
    empty predictions for a Labels bound to no object, which /setup refused,
    and Label Studio stored them as the task's done predictions)."""
    if (refusal := label_studio_refusal(xml)) is not None:
        raise BadRequest("A labeling config Label Studio would refuse", {field: [refusal]})
    try:
        return parse_labeling_config(xml)
    except LabelingConfigError as exc:
        raise BadRequest(str(exc), {field: [str(exc)]}) from exc


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.wsgi_app = _counted(app.wsgi_app, get_state(app).metrics)  # type: ignore[method-assign]


def _counted(wsgi_app: Callable[..., Any], metrics: Metrics) -> Callable[..., Any]:
    """Count and time each request of one app (its metrics bound once) where
    its response starts: cheaper than an ``after_request`` hook, which Flask
    checks for a coroutine on every request and which read the request through
    its context proxy."""
    def counted(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        started = time.perf_counter()

        def start_counted(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            # Flask's request for this environ (werkzeug keeps it there): its endpoint, None where no route matched.
            flask_request = environ.get("werkzeug.request")
            endpoint = flask_request.endpoint if flask_request is not None else None
            metrics.count_request(endpoint or "unknown", status.partition(" ")[0], time.perf_counter() - started)
            return start_response(status, headers, exc_info)

        return wsgi_app(environ, start_counted)
    return counted
