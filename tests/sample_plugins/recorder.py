"""A plugin that records the annotation events it is told about."""

from server import hookimpl


@hookimpl
def annotation_changed(event, app):
    app.extensions.setdefault("recorded_events", []).append(event)
