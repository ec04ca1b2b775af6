"""A plugin whose annotator cannot load its model when the server warms it up
(loaded through ANOTA_PLUGINS), and one beside it that warms up fine."""

from server import Annotator, AnnotatorError, LabelSpec, hookimpl


class MissingModel(Annotator):
    def warm_up(self):
        raise AnnotatorError("no model file at models/missing.bin")

    def annotate(self, text):
        return ()


class Warmed(Annotator):
    warmed = 0

    def warm_up(self):
        Warmed.warmed += 1

    def annotate(self, text):
        return ()


@hookimpl
def register_annotators(register):
    register(MissingModel(name="missing-model", version="1", labels=[LabelSpec("ORG", "span")]))
    register(Warmed(name="warmed", version="1", labels=[LabelSpec("ORG", "span")]))
