"""An annotator that says, in its span's note, how the garbage collector stood
while it annotated: the young generation's threshold, and whether the "model"
its warm-up loaded was out of the collector's passes (frozen)."""

import gc

from server import Annotator, LabelSpec, Span, hookimpl


class CollectorProbe(Annotator):
    def __init__(self) -> None:
        super().__init__("collector_probe", "1", [LabelSpec("GC", "span")])
        self.model: dict[str, list[float]] | None = None

    def warm_up(self) -> None:
        self.model = {"weights": [0.5]}  # a container the collector tracks, as a loaded model's objects are

    def annotate(self, text):
        # gc.get_objects() lists what the collector's passes scan, frozen objects left out.
        frozen = self.model is not None and not any(tracked is self.model for tracked in gc.get_objects())
        return [Span(0, 1, "GC", 1.0, f"young threshold {gc.get_threshold()[0]}; model frozen: {frozen}")]


@hookimpl
def register_annotators(register):
    register(CollectorProbe())
