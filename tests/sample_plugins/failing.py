"""A plugin whose annotator raises on every call (loaded through ANOTA_PLUGINS)."""

from server import Annotator, LabelSpec, hookimpl


class AlwaysFails(Annotator):
    def annotate(self, text):
        raise RuntimeError("this annotator always fails")


@hookimpl
def register_annotators(register):
    register(AlwaysFails(name="always-fails", version="1.0", labels=[LabelSpec("ORG", "span")]))
