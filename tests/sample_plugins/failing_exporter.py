"""A plugin whose exporter cannot be registered (its format is missing)."""

from server import hookimpl


@hookimpl
def register_exporters(register):
    raise ImportError("the brat writer needs brat-tools")
