"""A plugin whose annotator takes a name another plugin already uses."""

from server import Annotator, LabelSpec, hookimpl


@hookimpl
def register_annotators(register):
    register(Annotator(name="entities", version="9", labels=[LabelSpec("ORG", "span")]))
