"""An annotator that takes 10 ms on every text: a corpus of a few hundred
texts takes longer than one time budget."""

import time

from server import Annotator, Choice, LabelSpec, hookimpl


class Steady(Annotator):
    def annotate(self, text):
        time.sleep(0.01)
        return [Choice("Negative", 0.6)]


@hookimpl
def register_annotators(register):
    register(Steady(name="steady", version="1", labels=[LabelSpec("Negative", "choice")]))
