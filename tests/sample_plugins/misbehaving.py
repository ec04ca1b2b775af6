"""Annotators that break the rules in every other way: invalid output, a
timeout, labels the project lacks, an exit, a label or an explanation that
is not a string."""

import time

import numpy as np

from server import Annotator, Choice, LabelSpec, Span, hookimpl


class OutOfBounds(Annotator):
    def annotate(self, text):
        return [Span(0, len(text.text) + 5, "ORG", 0.5)]


class BadScore(Annotator):
    def annotate(self, text):
        return [Choice("Positive", 2.0)]


class BoolScore(Annotator):
    def annotate(self, text):
        return [Span(0, 1, "ORG", True)]  # bool is an int, but no score


class Slow(Annotator):
    def annotate(self, text):
        time.sleep(2)
        return [Span(0, 1, "ORG", 0.5)]


class Exits(Annotator):
    def annotate(self, text):
        raise SystemExit("a plugin must not end the server")


class UnknownLabel(Annotator):
    def annotate(self, text):
        return [Span(0, 1, "WEAPON", 0.5)]


class ListLabel(Annotator):
    def annotate(self, text):
        return [Span(0, 1, ["ORG"], 0.5)]  # unhashable: the label lookup raised, a 500


class ArrayExplanation(Annotator):
    def annotate(self, text):
        return [Span(0, 1, "ORG", 0.5, np.array([0.5, 0.5]))]  # its truth value raised: a 500


@hookimpl
def register_annotators(register):
    span = [LabelSpec("ORG", "span"), LabelSpec("WEAPON", "span")]
    register(OutOfBounds(name="out-of-bounds", version="1", labels=span))
    register(BadScore(name="bad-score", version="1", labels=[LabelSpec("Positive", "choice")]))
    register(BoolScore(name="bool-score", version="1", labels=span))
    register(Slow(name="slow", version="1", labels=span))
    register(UnknownLabel(name="unknown-label", version="1", labels=span))
    register(Exits(name="exits", version="1", labels=span))
    register(ListLabel(name="list-label", version="1", labels=span))
    register(ArrayExplanation(name="array-explanation", version="1", labels=span))
