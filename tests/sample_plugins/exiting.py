"""A plugin whose hooks call sys.exit(): that must end neither the server's
start nor a request (as an annotator's exit ends only its own output)."""

import sys

from server import hookimpl


@hookimpl
def register_annotators(register):
    sys.exit("no annotators today")


@hookimpl
def annotation_changed(event):
    sys.exit("a plugin must not end the server")
