"""A plugin that contributes one of everything, to test each hook's plumbing."""

from server import hookimpl


class TextLoader:
    name = "sample-loader"
    suffixes = (".sample",)


class Exporter:
    name = "sample-format"


@hookimpl
def register_loaders(register, app):
    register(TextLoader())


@hookimpl
def register_exporters(register):
    register(Exporter())


@hookimpl
def annotation_changed(event, app):
    app.extensions.setdefault("sample_events", []).append(event.annotation_id)
