"""What an export produces: examples (a text and its final labels), and the
interface of the exporters that write them. Exporter plugins import from here
(docs/plugin_hooks.md): :class:`Exporter`, :class:`Example`, :class:`Span`,
:class:`SplitFiles` and :class:`ExportError`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Sequence, Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar

import click
import msgspec

from server.cli import one_line

if TYPE_CHECKING:
    from server.exporting.converting import Settings
    from server.exporting.report import ExportReport

SENTIMENT_CONTROL = "sentiment"


class ExportError(click.ClickException):
    """An export that cannot go on; nothing has been written."""

    def format_message(self) -> str:
        """The message on one line, with nothing a terminal acts on: a name
        it quotes as given (a file's, which may hold a line break or an escape)
        has such characters escaped, as the values it shows are (``\\n``)."""
        return one_line(self.message)


class Span(msgspec.Struct, frozen=True, order=True, gc=False, cache_hash=True):
    """A labelled span of an example's text: hashable, and ordered like the
    tuple ``(start, end, label, text)``. A msgspec struct is made in C, a
    quarter of a NamedTuple's cost, for the tens of spans of each task; its
    hash is computed once (a span is looked up in several sets and dicts)."""

    start: int
    end: int
    label: str
    text: str


class NotedSpan(Span, frozen=True, gc=False, omit_defaults=True):
    """A span as written with its notes (what annotators typed in its
    region's meta field, Label Studio's ``meta.text``) and its attributes
    (the answers of perRegion controls about it: a TextArea's texts, Choices'
    values, a Rating's stars, by control), each only when it has any: made
    for the output only (:attr:`Example.noted_entities`), never voted on or
    sorted with plain spans, which it does not equal."""

    notes: tuple[str, ...] = ()
    attributes: dict[str, Any] = msgspec.field(default_factory=dict)


Notes = dict[Span, tuple[str, ...]]
# Span -> control -> its answer (a list of strings, or a number), from the perRegion controls' regions.
Attributes = dict[Span, dict[str, Any]]


def leave_out(labels: Labels, kind: str, detail: str) -> None:
    """Keep what the annotation holds that is not exported, to be said when the policy counts it."""
    if labels.left_out is None:
        labels.left_out = []
    labels.left_out.append((kind, detail))


def with_attribute(attributes: Attributes, span: Span, control: str, answer: Any) -> None:
    """Give the span its ``control``'s perRegion ``answer``."""
    attributes.setdefault(span, {})[control] = answer


def with_notes(notes: Notes, span: Span, added: tuple[str, ...]) -> None:
    """Add ``added`` (distinct notes) to the span's notes, each note once, first written first."""
    earlier = notes.get(span)
    notes[span] = added if earlier is None else tuple(dict.fromkeys(earlier + added))


# Every spelling of a claim's label: any case of CLAIM (``label.upper() == "CLAIM"``), the dotless ı too,
# whose upper case is I (tests hold it equal to ``upper`` over every character). Asked for each of a task's
# tens of spans, several times: a set's lookup costs a fifth of ``upper`` and a comparison.
CLAIM_LABELS = frozenset(map("".join, itertools.product("Cc", "Ll", "Aa", "Iiı", "Mm")))


def is_claim(span: Span, claim_labels: frozenset[str] = CLAIM_LABELS) -> bool:
    """A claim is any case of CLAIM, or a label the project's config names claims with (Settings.claim_labels:
    "Afirmação"); every other span is an entity."""
    return span.label in claim_labels


def span_answer(span: Span) -> Span:
    """The answer a span gives, as annotators' spans are compared (majority
    votes, agreement): the span without whitespace at its edges. "Meta " and
    "Meta" (a drag that took the space) are one answer, the span every format
    writes (plugins.exporters.trim_entities); as two, under majority each had
    one vote of two and both were outvoted."""
    text = span.text
    if not (text[:1].isspace() or text[-1:].isspace()) or not (inner := text.strip()):
        return span
    start = span.start + len(text) - len(text.lstrip())
    return Span(start, start + len(inner), span.label, inner)


_TEXT_OF = operator.attrgetter("text")


def span_answers(labels: Labels) -> AbstractSet[Span]:
    """The answers an annotation gives (:func:`span_answer`), each once: "Meta "
    and "Meta" drawn in one annotation are one answer. What majority votes
    count and agreement compares, so that the two agree. Its spans' own set
    when no text has whitespace at an edge (nearly always): ``strip`` returns
    such a text itself, which is told in C (a regular expression searching the
    texts, claims' sentences among them, cost 7% of a JSONL export; one over
    their edges 1.5%)."""
    texts = list(map(_TEXT_OF, labels.spans))
    if not any(map(operator.is_not, texts, map(str.strip, texts))):
        return labels.controls.keys()
    return set(map(span_answer, labels.spans))


def is_ragged(span: Span) -> bool:
    """Whether a span starts or ends with anything but a letter or a digit
    (punctuation, whitespace): only such an entity may be trimmed."""
    return not (span.text[0].isalnum() and span.text[-1].isalnum())


@dataclass
class Labels:
    """The labels of one annotation (or of a policy's combination of several),
    and the control each span was drawn with."""

    spans: list[Span] = field(default_factory=list)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Its keys are exactly ``spans``: the set that agreement and survival look spans up in.
    controls: dict[Span, str] = field(default_factory=dict, repr=False, compare=False)
    # Span -> its notes, set on labels that have any: a class default costs the others nothing.
    notes: ClassVar[Notes | None] = None
    # Span -> its perRegion answers, set on labels that have any (the same way).
    attributes: ClassVar[Attributes | None] = None
    # What the annotation holds that no format writes (kind, detail), said only when the policy counts the
    # annotation (converting.TaskConverter.examples): a relation of an annotation under ``latest``'s was said
    # of the task's every annotation. Set on labels that have any.
    left_out: ClassVar[list[tuple[str, str]] | None] = None
    # The Relations control's arrows between two of ``spans``, set on labels that have any.
    relations: ClassVar[list[Relation] | None] = None
    # True on labels given notes, attributes or relations (set with them): the labels of nearly every annotation
    # have none, and one read says so where three would (s51-export2).
    extras: ClassVar[bool] = False


class Relation:
    """A Relations control's arrow between two spans of the example: ``head``
    the span of Label Studio's ``from_id``, ``child`` of its ``to_id`` (the
    names of Prodigy's ``rel.manual``), its labels and Label Studio's
    ``direction`` ("right": head to child, "left": child to head, "bi"). A
    plain slotted class: a dataclass costs every export's import (s50-export2)."""

    __slots__ = ("head", "child", "labels", "direction")

    def __init__(self, head: Span, child: Span, labels: tuple[str, ...], direction: str) -> None:
        self.head, self.child, self.labels, self.direction = head, child, labels, direction

    def answer(self) -> tuple[Span, Span, tuple[str, ...], str]:
        """What annotators' relations are compared by under ``majority``: the two ends' answers, labels, direction."""
        return span_answer(self.head), span_answer(self.child), self.labels, self.direction

    def moved(self, moved: dict[Span, Span]) -> Relation:
        """The relation between its ends as the exporters trimmed them (``moved``: a span -> its trimmed span)."""
        return Relation(moved.get(self.head, self.head), moved.get(self.child, self.child), self.labels,
                        self.direction)


@dataclass
class Example:
    """One dataset example: a text and its final labels."""

    text: str
    labels: Labels
    task_id: int
    anota_id: str
    source: str | None
    annotators: list[str]
    annotation_ids: list[int | None]
    split: str = "train"
    language: str | None = None
    # The sentiment a control of the config's gave (Settings.configured_sentiments: a Taxonomy path, a
    # "sentimento" Choices), set on an example that has one: a class default costs the others nothing.
    configured_sentiment: ClassVar[str | None] = None
    # Where the example's text starts in its task's text: set on the parts a
    # book-length text is tokenized in (plugins.exporters.parts), 0 otherwise.
    offset: ClassVar[int] = 0
    # Span -> its notes (see NotedSpan), set on an example whose spans have any;
    # kept on the spans the exporters trim (plugins.exporters.trim_entities).
    notes: ClassVar[Notes | None] = None
    # Span -> its perRegion answers (see NotedSpan), the same way.
    attributes: ClassVar[Attributes | None] = None
    # The data key of the example's text, set when a task's several labelled Texts are each an example.
    field_key: ClassVar[str | None] = None
    # Its labels' relations (Labels.relations), set on an example that has any; re-keyed on the spans the
    # exporters trim, as notes are.
    relations: ClassVar[list[Relation] | None] = None
    # True on an example given notes, attributes or relations (Labels.extras, copy_extras): one read for the
    # encoder of nearly every line, which has none.
    extras: ClassVar[bool] = False
    # The labels of its claims (Settings.claim_labels): the config's own name for them ("Afirmação") too.
    claim_labels: frozenset[str] = field(default=CLAIM_LABELS, repr=False, compare=False)

    # Entity and claim spans apart (a claim is any case of CLAIM), sorted once
    # here: exporters read them more than once, and a cached_property takes a
    # lock on every read.
    entities: list[Span] = field(init=False, repr=False, compare=False)
    claims: list[Span] = field(init=False, repr=False, compare=False)
    # Whether an entity span starts or ends with anything but a letter or a
    # digit (punctuation, whitespace): the built-in exporters then trim the
    # entities to tokens (plugins.exporters.trim_entities), which tokenizes.
    ragged_entities: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entities: list[Span] = []
        claims: list[Span] = []
        self.entities, self.claims = entities, claims
        ragged = False
        claim_labels = self.claim_labels
        for span in self.labels.spans:
            # is_claim and is_ragged, inline, here: a loop of its own over the entities
            # cost 1.4% of a JSONL export's instructions per task (callgrind), this 0.7% in all.
            if span.label in claim_labels:
                claims.append(span)
            else:
                entities.append(span)
                # A text of letters and digits only (a one-word name) has both edges so: one call.
                if not ragged and not (text := span.text).isalnum():
                    ragged = not (text[0].isalnum() and text[-1].isalnum())
        self.ragged_entities = ragged

    @property
    def plain_spans(self) -> bool:
        """Whether no span has notes or attributes (nearly always): the spans are written as they are."""
        return self.notes is None and self.attributes is None

    @property
    def noted_entities(self) -> list[Span]:
        """The entity spans as written: each that has notes or attributes a :class:`NotedSpan`."""
        return self.entities if self.plain_spans else self._noted(self.entities)

    @property
    def noted_claims(self) -> list[Span]:
        return self.claims if self.plain_spans else self._noted(self.claims)

    def _noted(self, spans: list[Span]) -> list[Span]:
        notes, attributes = self.notes or {}, self.attributes or {}
        return [NotedSpan(span.start, span.end, span.label, span.text, notes.get(span, ()), attributes.get(span, {}))
                if span in notes or span in attributes else span for span in spans]

    @property
    def sentiment(self) -> str | None:
        """The sentiment when it is one value; several are in :attr:`other_choices`.
        Without a Choices named ``sentiment``, the config's control that
        /predict puts sentiments in gives it (a Taxonomy path, "sentimento")."""
        values = self.labels.choices.get(SENTIMENT_CONTROL)
        if values:
            return values[0] if len(values) == 1 else None
        return self.configured_sentiment

    @property
    def other_choices(self) -> dict[str, list[str]]:
        choices = self.labels.choices
        if not choices or len(choices) == 1 and len(choices.get(SENTIMENT_CONTROL, ())) == 1:
            return {}  # nearly always (none, or a sentiment alone): no comprehension to make
        return {name: list(values) for name, values in choices.items() if name != SENTIMENT_CONTROL or len(values) > 1}


# -------------------------------------------------------------------------
# Exporters (plugins register instances through ``register_exporters``)
# -------------------------------------------------------------------------


class Exporter:
    """Writes examples in one format. Subclasses set ``name`` (the ``--format``
    value) and ``description``, and implement :meth:`write`."""

    name: str = ""
    description: str = ""

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        """Write ``examples`` (each knows its ``split``) into ``folder``.

        Consume the iterable once, as a stream. Count what the format cannot
        hold with ``report.note(kind, detail)``; raise :class:`ExportError` for
        what makes the whole export impossible.
        """
        raise NotImplementedError

    def configure(self, folder: Path, settings: Settings) -> None:
        """Told the export's settings (what the labeling config says) before ``write`` into ``folder``, for a
        format that writes something of the config beside the examples; nothing by default."""

    def choice_named(self, control: str, values: Sequence[str]) -> str | None:
        """How the written files name a choice control's answer, where they name it otherwise than the report and
        the card do (``control=values``, ``server.exporting.report.choice_key``), so that the card names it as the
        files do; None where they name it so or not at all."""
        return None

    def training_lines(self, folder: Path, report: dict[str, Any]) -> list[str]:
        """The card's closing section: how to train on the files ``write`` put in ``folder`` with the tool the
        format is for (``report`` is report.json's document); none by default."""
        return []

    # Optional: ``rename_annotators(folder, names, report)`` gives the annotators written into ``folder``
    # under a key of ``names`` (a bare user id) its value (the name the file gave the user later), once every
    # example is written: the export reads its input once, as a stream, and an example written before the
    # user's object came holds the id. It rewrites as a stream (memory must not grow with the tasks); nearly
    # never called; a format that writes no annotator defines it to do nothing. An exporter without it is
    # given the same names another way: its folder is emptied and ``write`` called again, the input read a
    # second time with every user named from the start (server.exporting.running.written_again).
    rename_annotators: Callable[[Path, dict[str, str], ExportReport], None] | None = None


def renamed(annotators: list[str], names: dict[str, str]) -> list[str]:
    """An example's annotators as ``Exporter.rename_annotators`` gives them:
    each renamed, sorted as several annotators are (TaskConverter)."""
    return sorted(names.get(name, name) for name in annotators)


class SplitFiles:
    """One text file per split, ``<folder>/<split><suffix>``, opened on first use;
    ``binary``: opened to write UTF-8 bytes as they are (no decoding and encoding again)."""

    # Written in 64 KiB blocks: at the default 8 KiB a JSONL export of 20,000 tasks (24 MB) made about
    # 3,000 write calls, 0.09 s of system time in a 1.46 s export (0.06 s in 64 KiB blocks); the buffer
    # adds at most 56 KiB a split to the peak.
    BUFFER = 1 << 16

    def __init__(self, folder: Path, suffix: str, header: str = "", binary: bool = False) -> None:
        self.folder, self.suffix, self.header, self.binary = folder, suffix, header, binary
        self.files: dict[str, IO[Any]] = {}

    def __call__(self, split: str) -> IO[Any]:
        if split not in self.files:
            path = self.folder / f"{split}{self.suffix}"
            if self.binary:
                handle: IO[Any] = path.open("wb", buffering=self.BUFFER)
                handle.write(self.header.encode("utf-8"))
            else:
                handle = path.open("w", encoding="utf-8", newline="", buffering=self.BUFFER)
                handle.write(self.header)
            self.files[split] = handle
        return self.files[split]

    def __enter__(self) -> SplitFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        for handle in self.files.values():
            handle.close()
