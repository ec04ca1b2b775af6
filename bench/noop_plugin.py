"""An annotator that suggests nothing (used by bench/predict.py)."""

from server import Annotator, LabelSpec, hookimpl


class Noop(Annotator):
    def annotate(self, text):
        return ()


@hookimpl
def register_annotators(register):
    register(Noop(name="noop", version="1", labels=[LabelSpec("ORG", "span")]))
