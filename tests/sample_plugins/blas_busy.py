"""An annotator that multiplies matrices with BLIS (spaCy's BLAS) for about
two seconds on every text: a request that gives up on it leaves a thread in
BLAS, as the entities' model on a long text did."""

import time

import numpy
from blis.py import gemm

from server import Annotator, Choice, LabelSpec, hookimpl


class BlasBusy(Annotator):
    def annotate(self, text):
        matrix = numpy.ones((600, 600), dtype="float32")
        until = time.monotonic() + 2.0
        while time.monotonic() < until:
            gemm(matrix, matrix)
        return [Choice("Negative", 0.6)]


@hookimpl
def register_annotators(register):
    register(BlasBusy(name="blas-busy", version="1", labels=[LabelSpec("Negative", "choice")]))
