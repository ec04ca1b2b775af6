"""A plugin whose annotators fail on every call (loaded through ANOTA_PLUGINS):
one with a bug, one with a failure it expected and worded."""

from server import Annotator, AnnotatorError, LabelSpec, hookimpl


class AlwaysFails(Annotator):
    def annotate(self, text):
        raise RuntimeError("this annotator always fails")


class NoModel(Annotator):
    def annotate(self, text):
        raise AnnotatorError("no model for this language: install my-models")


@hookimpl
def register_annotators(register):
    register(AlwaysFails(name="always-fails", version="1.0", labels=[LabelSpec("ORG", "span")]))
    register(NoModel(name="no-model", version="1.0", labels=[LabelSpec("ORG", "span")]))
