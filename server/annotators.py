"""What a pre-annotator is, and what it may suggest.

Plugins subclass :class:`Annotator` and register instances through the
``register_annotators`` hook. Suggestions are plain frozen dataclasses with
offsets in Python code points of the task text, which is what Label Studio uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from server.analysis import AnalyzedText

LabelKind = Literal["span", "choice"]


@dataclass(frozen=True)
class LabelSpec:
    """A label an annotator can emit: a span label (``Labels`` control) or a
    task-level choice (``Choices`` control)."""

    name: str
    kind: LabelKind
    description: str = ""


@dataclass(frozen=True)
class Span:
    """A labelled stretch of the text, ``text[start:end]``."""

    start: int
    end: int
    label: str
    score: float
    explanation: str | None = None


@dataclass(frozen=True)
class Choice:
    """A label for the whole task (e.g. its sentiment)."""

    label: str
    score: float
    explanation: str | None = None


Suggestion = Span | Choice


class AnnotatorError(Exception):
    """Raised by an annotator for an expected failure; reported like any other."""


@dataclass
class Annotator:
    """Base class of pre-annotators.

    Subclasses set ``name``, ``version`` and ``labels`` and implement
    :meth:`annotate`. ``settings`` holds whatever changes the annotator's output
    (thresholds, pattern files...): it goes into the model version, so Label
    Studio asks for new predictions when it changes.
    """

    name: str
    version: str
    labels: Sequence[LabelSpec]
    settings: Mapping[str, Any] = field(default_factory=dict)

    def annotate(self, text: AnalyzedText) -> Iterable[Suggestion]:
        """Return suggestions for one analysed text."""
        raise NotImplementedError

    def label_kinds(self) -> dict[str, LabelKind]:
        return {spec.name: spec.kind for spec in self.labels}


def check_suggestion(suggestion: object, text: str, kinds: Mapping[str, LabelKind]) -> str | None:
    """Return why ``suggestion`` is invalid for ``text``, or None when it is fine."""
    if isinstance(suggestion, Span):
        problem = _check_span(suggestion, text)
    elif isinstance(suggestion, Choice):
        problem = None
    else:
        return f"not a Span or Choice: {type(suggestion).__name__}"
    if problem:
        return problem
    expected_kind = "span" if isinstance(suggestion, Span) else "choice"
    if kinds.get(suggestion.label) != expected_kind:
        return f"label {suggestion.label!r} is not a declared {expected_kind} label"
    if not (isinstance(suggestion.score, (int, float)) and 0.0 <= suggestion.score <= 1.0):
        return f"score {suggestion.score!r} is outside [0, 1]"
    return None


def _check_span(span: Span, text: str) -> str | None:
    if not (isinstance(span.start, int) and isinstance(span.end, int)):
        return "span offsets are not integers"
    if not 0 <= span.start < span.end <= len(text):
        return f"span [{span.start}, {span.end}) does not fit a text of length {len(text)}"
    return None
