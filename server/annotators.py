"""What a pre-annotator is, and what it may suggest.

Plugins subclass :class:`Annotator` and register instances through the
``register_annotators`` hook. Suggestions are plain frozen dataclasses with
offsets in Python code points of the task text, which is what Label Studio uses.
"""

from __future__ import annotations

import importlib.util
import runpy
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from server.analysis import AnalyzedText

LabelKind = Literal["span", "choice"]


@dataclass(frozen=True)
class LabelSpec:
    """A label an annotator can emit: a span label (``Labels`` control) or a
    task-level choice (``Choices`` control). ``description`` is the label's
    hint in the generated labeling config; ``color`` (a CSS colour, span labels
    only) its background there, where Label Studio would otherwise pick one,
    and may pick the same hue for two labels."""

    name: str
    kind: LabelKind
    description: str = ""
    color: str = ""


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

# The key of ``Annotator.languages`` that stands for every language it does not name.
ANY_LANGUAGE = "*"


class AnnotatorError(Exception):
    """Raised by an annotator for a failure it expected and can word (a missing
    model file, a text it cannot read): counted like any other exception, but the
    log gives its message alone, without the type and line meant for bugs."""


def failure_detail(exc: BaseException) -> str:
    """What the log says of an exception that cost an annotator its output:
    an AnnotatorError's own words, else the type, the message and the line that
    raised it, so that a plugin's writer finds the bug without a debugger."""
    if isinstance(exc, AnnotatorError):
        return str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


@dataclass
class Annotator:
    """Base class of pre-annotators.

    Subclasses set ``name``, ``version`` and ``labels`` and implement
    :meth:`annotate`. ``settings`` holds whatever changes the annotator's output
    (thresholds, pattern files...): it goes into the model version, so Label
    Studio asks for new predictions when it changes. ``languages`` says what it
    reads in each language it suggests for (``{"pt": "cue words", "en": "cue
    words"}``; ``ANY_LANGUAGE`` for all the others): /predict gives it no text
    in another language (Portuguese cue words on Spanish would be guesses), and
    /plugins lists them. Left empty, it is given every language.
    """

    name: str
    version: str
    labels: Sequence[LabelSpec]
    settings: Mapping[str, Any] = field(default_factory=dict)
    languages: Mapping[str, str] = field(default_factory=dict)

    def annotate(self, text: AnalyzedText) -> Iterable[Suggestion]:
        """Return suggestions for one analysed text."""
        raise NotImplementedError

    def warm_up(self) -> None:
        """Load now what :meth:`annotate` loads on first use (models, lexicons).

        ``anota serve`` calls it before it serves, so that the first /predict
        does not wait for them, and an app that was not warmed up calls it
        before its first prediction's time budget starts; commands that predict
        nothing (``anota tasks``, ``anota label-config``, ``anota export``)
        never do, and pay nothing."""

    def label_kinds(self) -> dict[str, LabelKind]:
        return {spec.name: spec.kind for spec in self.labels}

    def reads(self, language: str) -> bool:
        """Whether it is given texts in ``language`` (see ``languages``)."""
        return not self.languages or language in self.languages or ANY_LANGUAGE in self.languages


def annotator_problem(annotator: object) -> str | None:
    """Why ``annotator`` cannot be registered, or None. Checked at start-up: a
    malformed annotator would otherwise fail every request, or the app's
    creation (``label_kinds``, the model version), instead of its plugin only."""
    if not isinstance(annotator, Annotator):
        return f"{annotator!r} is not a server.annotators.Annotator"
    missing = [name for name in ("name", "version", "labels", "settings") if not hasattr(annotator, name)]
    if missing:  # a subclass __init__ that skipped the dataclass's
        return (f"{type(annotator).__name__} has no {', '.join(missing)}: "
                "call super().__init__(name=..., version=..., labels=...)")
    if not (isinstance(annotator.name, str) and annotator.name):
        return f"annotator name {annotator.name!r} is not a non-empty string"
    if not isinstance(annotator.settings, Mapping):
        return f"annotator {annotator.name!r}: settings must be a mapping, not {type(annotator.settings).__name__}"
    languages = getattr(annotator, "languages", None)
    if not (isinstance(languages, Mapping) and all(isinstance(key, str) and isinstance(what, str)
                                                   for key, what in languages.items())):
        return (f"annotator {annotator.name!r}: languages must map language codes to what it reads in them, "
                f"not {languages!r}")
    return _labels_problem(annotator.name, annotator.labels)


def _labels_problem(name: str, labels: object) -> str | None:
    if isinstance(labels, str) or not isinstance(labels, Sequence):
        return f"annotator {name!r}: labels must be a list of LabelSpec, not {type(labels).__name__}"
    kinds: dict[str, str] = {}
    for spec in labels:
        if not isinstance(spec, LabelSpec):
            return f"annotator {name!r}: label {spec!r} is not a LabelSpec(name, 'span' | 'choice')"
        # A name or description that is no string would fail every /predict or /label-config that reads it.
        if not (isinstance(spec.name, str) and spec.name):
            return f"annotator {name!r}: label name {spec.name!r} is not a non-empty string"
        if not isinstance(spec.description, str):
            return f"annotator {name!r}: label {spec.name!r} has a description that is not a string"
        if not isinstance(spec.color, str):
            return f"annotator {name!r}: label {spec.name!r} has a color that is not a string"
        if spec.kind not in ("span", "choice"):
            return f"annotator {name!r}: label {spec.name!r} has kind {spec.kind!r}, not 'span' or 'choice'"
        if kinds.setdefault(spec.name, spec.kind) != spec.kind:
            return f"annotator {name!r}: label {spec.name!r} is declared both a span and a choice"
    return None


def check_suggestion(suggestion: object, text: str, kinds: Mapping[str, LabelKind]) -> str | None:
    """Return why ``suggestion`` is invalid for ``text``, or None when it is fine."""
    if isinstance(suggestion, Span):
        problem = _check_span(suggestion, text)
        if problem:
            return problem
        expected_kind = "span"
    elif isinstance(suggestion, Choice):
        expected_kind = "choice"
    else:
        return f"not a Span or Choice: {type(suggestion).__name__}"
    try:
        declared = kinds.get(suggestion.label)
    except TypeError:  # an unhashable label (a list) must cost the annotator its output, not fail the request
        declared = None
    if declared != expected_kind:
        return f"label {suggestion.label!r} is not a declared {expected_kind} label"
    # bool is an int: True would pass as a score of 1.0, or an offset of 1.
    if isinstance(suggestion.score, bool) or not (
            isinstance(suggestion.score, (int, float)) and 0.0 <= suggestion.score <= 1.0):
        return f"score {suggestion.score!r} is outside [0, 1]"
    # It becomes the region's note: anything else failed the whole request (a numpy array's truth value raises).
    if suggestion.explanation is not None and not isinstance(suggestion.explanation, str):
        return f"explanation {type(suggestion.explanation).__name__} is not a string"
    return None


def _check_span(span: Span, text: str) -> str | None:
    if not all(isinstance(offset, int) and not isinstance(offset, bool) for offset in (span.start, span.end)):
        return "span offsets are not integers"
    if not 0 <= span.start < span.end <= len(text):
        return f"span [{span.start}, {span.end}) does not fit a text of length {len(text)}"
    return None


# What a drag selection catches at a span's edges and is no part of the words:
# whitespace, punctuation next to them, quotes, brackets around them or not
# closed inside them, and a sentence's full stop (not an abbreviation's).
QUOTES = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_EDGE_PUNCTUATION = ",;:!?" + QUOTES
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_OPENERS = {closing: opening for opening, closing in _BRACKETS.items()}
# Abbreviations that end a name with their full stop ("Acme Inc.", "Irmãos Lda.", "Martin Luther King Jr.").
_NAME_ENDINGS = frozenset("inc ltd lda ltda corp co cia bros jr sr".split())


def selected_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` of an annotator's selection without what it caught
    around the words: " Lisboa," and "(Lisboa)" are Lisboa; "S.A." keeps its
    full stop and "Acme (PT)" its brackets. Interactive propagation and
    learning read a selection alike."""
    while start < end:
        first, last = text[start], text[end - 1]
        if end - start > 1 and _BRACKETS.get(first) == last and _nested(text[start + 1:end - 1]):
            start, end = start + 1, end - 1  # "(Acme (PT))" is Acme (PT)
        elif first.isspace() or first in _EDGE_PUNCTUATION or (
                first in _BRACKETS and _BRACKETS[first] not in text[start + 1:end - 1]):
            start += 1
        elif last.isspace() or last in _EDGE_PUNCTUATION or (
                last in _OPENERS and _OPENERS[last] not in text[start:end - 1]) or (
                last == "." and "." not in text[start:end - 1] and not _ends_a_name(text[start:end - 1])):
            end -= 1
        else:
            break
    return start, end


def _ends_a_name(words: str) -> bool:
    """Whether the full stop after ``words`` is their last word's, an abbreviation that ends a name."""
    last = words.rsplit(None, 1)[-1] if words.strip() else ""
    return " " in words.strip() and last.lower() in _NAME_ENDINGS


def _nested(words: str) -> bool:
    """Whether every bracket in ``words`` closes in order ("A) and (B" does not)."""
    open_brackets: list[str] = []
    for char in words:
        if char in _BRACKETS:
            open_brackets.append(_BRACKETS[char])
        elif char in _OPENERS and (not open_brackets or open_brackets.pop() != char):
            return False
    return not open_brackets


# What may stand between a sentence's end and its first word: "Fim. (Claro" opens a sentence.
_OPENING = " \t" + QUOTES + "([{-\u2013\u2014\u2022*"
_SENTENCE_ENDS = ".!?\u2026:\n\r"


def mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is inside a sentence, not its first word
    (after a full stop, a colon, a line break or at the text's start), where
    any word is capitalised."""
    before = start
    while before > 0 and text[before - 1] in _OPENING:
        before -= 1
    return before > 0 and text[before - 1] not in _SENTENCE_ENDS


@cache
def common_words() -> frozenset[str]:
    """spaCy's stop words of the languages Anota serves by default, run from
    their files: importing them as modules imports all of spaCy first, 1.5 to
    3 s that the first webhook after a start would wait (Label Studio gives up
    after 1 s); the files define the sets and import nothing."""
    # Here, not at the top: an export imports this module, and none of the text analysis.
    from server.analysis import DEFAULT_LANGUAGES

    folder = Path(str(importlib.util.find_spec("spacy").origin)).parent / "lang"  # type: ignore[union-attr]
    words: set[str] = set()
    for language in DEFAULT_LANGUAGES:
        words |= runpy.run_path(str(folder / language / "stop_words.py"))["STOP_WORDS"]
    return frozenset(words)
