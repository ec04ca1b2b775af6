"""An annotator that takes 100 ms on every text and counts the texts it
started: a request of many texts overruns a short time budget part way."""

import time

from server import Annotator, Choice, LabelSpec, hookimpl


class Paced(Annotator):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.started = 0

    def annotate(self, text):
        self.started += 1
        time.sleep(0.1)
        return [Choice("Negative", 0.6)]


@hookimpl
def register_annotators(register):
    register(Paced(name="paced", version="1", labels=[LabelSpec("Negative", "choice")]))
