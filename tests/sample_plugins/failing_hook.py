"""A plugin whose annotation_changed hook always raises."""

from server import hookimpl


@hookimpl
def annotation_changed(event):
    raise RuntimeError("cannot learn from this")
