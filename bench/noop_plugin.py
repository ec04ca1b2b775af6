"""An annotator that suggests nothing (used by bench/predict.py)."""

from collections.abc import Callable, Iterable

from server import Annotator, LabelSpec, hookimpl
from server.analysis import AnalyzedText


class Noop(Annotator):
    def annotate(self, text: AnalyzedText) -> Iterable:
        return ()


@hookimpl
def register_annotators(register: Callable[[Annotator], None]) -> None:
    register(Noop(name="noop", version="1", labels=[LabelSpec("ORG", "span")]))
