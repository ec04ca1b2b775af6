"""Interactive pre-annotation: Label Studio's editor sends the regions the
annotator has just drawn (``params.context.result``: not the whole annotation);
Anota answers with their labels propagated to every other occurrence of the
same words in the task, plus the plugins' suggestions that do not overlap an
annotator's region of their own control, and nothing it answered the same
annotator on the task before (``AnsweredRegions``).

The editor (Label Studio 1.23.2) adds every region of the answer to the
annotation at once (a Text has no accept/reject step): a region whose id the
annotation already has replaces that region, any other is added, and a choice
replaces the annotation's choice of its control. So the answer leaves out what
the annotation already holds as far as the task tells (its predictions, which
an annotation starts from, and this annotator's autosaved drafts: Label Studio
sends both with the task), and names each region by its place and labels, so
that a repeated answer replaces its own regions and no other.

Regions are read and written in the text of each object (``object_text``):
a Text's offsets, a Paragraphs utterance's index and offsets, a HyperText
page's global offsets (``Layout``)."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
import zlib
from datetime import timedelta
from collections.abc import Callable, Hashable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from server.analysis import squeezed
from server.db import AnsweredPlace, Database, insert_or_touch, out_of_reach, utcnow
from server.annotators import common_words, mid_sentence, selected_words
from server.hypertext import global_offsets, holds
from server.labeling import (
    CHOICE_CONTROLS,
    SPAN_CONTROLS,
    LabelingConfig,
    TextObject,
    utterance_value,
)
from server.segmentation import line_of

if TYPE_CHECKING:
    from server.hypertext import RenderedPage

log = logging.getLogger(__name__)

# The annotator chose this label for these words; a repetition is wrong only
# where the same words mean something else.
PROPAGATED_SCORE = 0.95
# What a propagated region names as its maker in ``meta.plugin``, as the plugins' regions name theirs.
PROPAGATION = "propagation"
# A region Label Studio copied from a prediction and nobody changed: Anota's
# own suggestion, not the annotator's word on the words.
FROM_PREDICTION = "prediction"
# A region the annotator drew, or the editor took from an answer (``Regions.js``: any region not from a prediction).
MANUAL = "manual"
# An English possessive a double-click selects with the name ("Apple's").
_POSSESSIVE = re.compile(r"['’]s$")
_APOSTROPHES = "'’"
# After a match: no letter, digit, nor an accent of the match's last letter
# (a decomposed "José" is not "Jose").
_WORD_END = r"(?![\w\u0300-\u036f])"
# Not the name of a possessive ("Apple" of "Apple's").
_NOT_POSSESSIVE = r"(?!['’]s(?!\w))"
# After an occurrence: the words run on into a longer name ("Rio" of "Rio Grande do Sul", "Magazine" of
# "Magazine Luiza"): a capitalised word on the same line, maybe after a connector. Not across a line break:
# a list puts one name a line; not a word in capitals: a headline's "SÃO PAULO TEM" is no longer name.
_RUNS_ON = re.compile(r"[^\S\n]+(?:(?:de|da|do|das|dos|del|di|of)[^\S\n]+)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Before an occurrence: a longer name it ends ("America" of "Bank of America", "São Paulo" of "Universidade de
# São Paulo"): a capitalised word and a connector on the same line. Only after a connector: a capitalised word
# right before is as often a title that is no part of the name ("Presidente Lula", "Dr. Silva").
_NAME_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)[^\S\n]+(de|da|do|das|dos|del|di|of)[^\S\n]+$")
# How far back the connector and the word before it can start: longer words are not worth a longer search.
_NAME_BEFORE_REACH = 40


# A span region of one object as its control, place in the text and labels (``_place_key``).
Place = tuple[Any, ...]
# How long an answered place is kept after it was last answered: an annotator back on a task after longer may see a
# region they deleted there come back once.
ANSWERED_DAYS = 30
# The annotator of places answered before their first autosave (``AnsweredRegions``).
_UNCLAIMED = ""
# What the skipped writes of ``AnsweredRegions`` are counted as (anota_skipped_database_writes_total{what=...}).
ANSWERED_PLACES = "answered_places"


class AnsweredRegions:
    """What Anota answered each annotator on each task: the places of the
    regions, by object, in the database (``AnsweredPlace``), which every
    worker and a restarted server read. The editor adds every region of an
    answer to the annotation at once, so a place answered before is in the
    annotation or was deleted there: either way not to be answered again.

    The request names its annotator only through their drafts (Label Studio
    sends the requesting user's, ``ml/mixins.py`` ``InteractiveMixin``; no
    other field names a user), so answers given before the first autosave
    are kept without an annotator and go to the first annotator whose draft
    a later request on the task carries. A request without a draft recalls
    nothing: it cannot be told from another annotator's first mark or a
    hand-made request. Places are kept by object and text (``where``): a
    task whose text changed is another task. Writes are skipped rather than
    waited for when another writer holds the database (``write_unless_busy``):
    a place not stored may be answered once more."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def recall(self, key: tuple[Hashable, ...]) -> dict[Hashable, set[Place]]:
        """The places answered under ``key`` (:func:`answer_key`) by object
        and text, those answered on its task without an annotator now among
        them; none for a key without an annotator."""
        if key[-1] is None:
            return {}
        task_key, annotator = _task_key(key), str(key[-1])
        try:
            with self.database.session() as session:
                rows = session.execute(select(
                    AnsweredPlace.annotator, AnsweredPlace.object_name, AnsweredPlace.text_crc, AnsweredPlace.place,
                ).where(AnsweredPlace.task_key == task_key, AnsweredPlace.annotator.in_([annotator, _UNCLAIMED]))).all()
        except OperationalError as exc:
            # The answer matters more than what it leaves out, when the database is out of reach; a statement at fault
            # (a table missing, a column misnamed) is Anota's bug and shows, as the learned names' read does: caught
            # whole, it would have left the memory off for good behind a warning a mark.
            if not out_of_reach(exc):
                raise
            log.warning("answered places of task %s not read, the answer may repeat some: %s", task_key, exc.orig)
            return {}
        places: dict[Hashable, set[Place]] = {}
        for row in rows:
            places.setdefault((row.object_name, row.text_crc), set()).add(_place_from_json(row.place))
        if unclaimed := [row for row in rows if row.annotator == _UNCLAIMED]:
            claimed = [_place_row(task_key, annotator, (row.object_name, row.text_crc), row.place) for row in unclaimed]
            self._write(lambda session: _claim(session, task_key, claimed))
        return places

    def remember(self, key: tuple[Hashable, ...], where: Hashable, places: AbstractSet[Place]) -> None:
        if not places:
            return
        task_key, annotator = _task_key(key), _UNCLAIMED if key[-1] is None else str(key[-1])
        rows = [_place_row(task_key, annotator, where, _place_json(place)) for place in sorted(places, key=repr)]
        self._write(lambda session: _add_places(session, rows))

    def _write(self, write: Callable[[Session], None]) -> None:
        """``write`` unless the database is busy or out of reach (``write_unless_busy`` logs and counts it as a
        skipped write): a place not stored may be answered once more."""
        self.database.write_unless_busy(ANSWERED_PLACES, write)


def _task_key(key: tuple[Hashable, ...]) -> str:
    project, task_id, _annotator = key
    return f"{project}/{task_id}"


def _place_row(task_key: str, annotator: str, where: Hashable, place: str) -> dict[str, Any]:
    object_name, text_crc = where  # type: ignore[misc]
    return {"task_key": task_key, "annotator": annotator, "object_name": object_name, "text_crc": text_crc,
            "place": place, "answered_at": utcnow()}


def _place_json(place: Place) -> str:
    from_name, (start, end), labels = place
    return json.dumps([from_name, start, end, list(labels)], ensure_ascii=False)


def _place_from_json(stored: str) -> Place:
    from_name, start, end, labels = json.loads(stored)
    return from_name, (start, end), tuple(labels)


def _add_places(session: Session, rows: list[dict[str, Any]]) -> None:
    """Store answered places (one answered again: its time renewed), and forget those older than ANSWERED_DAYS."""
    insert_or_touch(session, AnsweredPlace.__table__, rows, "answered_at")
    session.execute(delete(AnsweredPlace).where(
        AnsweredPlace.answered_at < utcnow() - timedelta(days=ANSWERED_DAYS)))


def _claim(session: Session, task_key: str, claimed: list[dict[str, Any]]) -> None:
    """The task's places answered before an autosave, now the annotator's (``claimed``)."""
    insert_or_touch(session, AnsweredPlace.__table__, claimed, "answered_at")
    session.execute(delete(AnsweredPlace).where(AnsweredPlace.task_key == task_key,
                                                AnsweredPlace.annotator == _UNCLAIMED))


def answer_key(task: dict[str, Any]) -> tuple[Hashable, ...] | None:
    """Whose answers on which task: the task's project and id and the
    annotator whose drafts the task carries (None before their first
    autosave); None for a task without an id."""
    task_id = task.get("id")
    if type(task_id) is not int:
        return None
    annotators = {str(user) for user in _ids(draft.get("user") for draft in _entries(task, "drafts"))}
    return str(task.get("project")), task_id, min(annotators) if annotators else None


def answered_where(layout: Layout) -> Hashable:
    """Which object and text an answer's places are of."""
    return layout.obj.name, zlib.crc32(layout.text.encode("utf-8", "surrogatepass"))


def answered_places(layout: Layout, regions: Sequence[dict[str, Any]]) -> set[Place]:
    """The places of an answer's span regions on this object."""
    return {key for region in regions if (key := _place_key(layout, region)) is not None}


@dataclass(frozen=True)
class Layout:
    """Where the regions of one object are in its text: a Text's offsets, a
    Paragraphs object's utterances (``starts`` in the joined text), or a
    HyperText ``page``."""

    obj: TextObject
    text: str
    starts: Sequence[int] = (0,)
    page: RenderedPage | None = None

    @property
    def value_kind(self) -> str:
        """Which span type's value a region of this object holds: a page's XPaths and global offsets whatever its
        control (a Labels control draws on a page too), an utterance's index and offsets, or a text's offsets."""
        if self.obj.is_hypertext:
            return "hypertextlabels"
        return "paragraphlabels" if self.obj.paragraph_key is not None else "labels"

    def locate(self, value: dict[str, Any]) -> tuple[int, int] | None:
        """Where a region's ``value`` of this object is in the text; None
        when it is not one of this layout's or does not fit the text."""
        if self.page is not None:
            offsets = global_offsets(value)
            return self.page.text_span(*offsets) if offsets and holds(self.page, value) else None
        if self.obj.paragraph_key is not None:
            return self._utterance_span(value)
        start, end = value.get("start"), value.get("end")
        # type(), not isinstance: JSON true is no offset.
        if type(start) is int and type(end) is int and 0 <= start < end <= len(self.text):
            return start, end
        return None

    def _utterance_span(self, value: dict[str, Any]) -> tuple[int, int] | None:
        first, last = str(value.get("start")), str(value.get("end"))
        start_offset, end_offset = value.get("startOffset"), value.get("endOffset")
        if not (first.isdigit() and last.isdigit() and type(start_offset) is int and type(end_offset) is int):
            return None
        if not int(first) <= int(last) < len(self.starts):
            return None
        start, end = self.starts[int(first)] + start_offset, self.starts[int(last)] + end_offset
        return (start, end) if 0 <= start < end <= len(self.text) else None

    def value(self, start: int, end: int) -> dict[str, Any] | None:
        """The value (without labels) of a region over ``text[start:end]``;
        None where this layout cannot hold one (across utterances, on a
        page's chrome or an added break)."""
        if self.page is not None:
            return self.page.region_value(start, end) if self.page.reads(start, end) else None
        if self.obj.paragraph_key is not None:
            return utterance_value(self.text, self.starts, start, end)
        return {"start": start, "end": end, "text": self.text[start:end]}


@dataclass(frozen=True)
class Drawn:
    """One span region of the annotator's: where its value says (``value``),
    the text it says it selected (``written``) and its labels."""

    from_name: str
    to_name: str
    type: str
    value: dict[str, Any]
    written: str | None
    labels: tuple[str, ...]
    from_prediction: bool


@dataclass(frozen=True)
class Source:
    """Words to propagate, and the labels and control of their region:
    where the words are (``place``, None on another text) and whether they
    run on there into a longer name (``runs_on``) or end one (``runs_back``)."""

    words: str
    labels: tuple[str, ...]
    from_name: str | None
    drawn_on: str
    place: tuple[int, int] | None = None
    runs_on: bool = False
    runs_back: bool = False


def with_annotator_regions(
    config: LabelingConfig, layout: Layout, context: Sequence[Any], suggested: list[dict[str, Any]],
    task: dict[str, Any] | None = None, answered_before: AbstractSet[Place] = frozenset(),
) -> list[dict[str, Any]]:
    """This object's propagated regions, then the suggestions that leave the
    annotator's regions of their control (and choices already made) alone;
    none that the annotation holds as far as ``task`` tells (:func:`held_by_annotation`),
    nor any at a place of ``answered_before`` (this annotator's earlier answers on the
    task: each went into the annotation at once, so one the draft lacks was deleted).

    Words drawn on another text of the task (a title) propagate here too,
    through this text's control that offers their labels."""
    obj, text = layout.obj, layout.text
    drawn = [d for d in drawn_regions(context)
             if not config.shape_errors(_shape_probe(d.from_name, d.to_name, d.type, d.labels))]
    # The annotator's regions are where their values say, whatever their text.
    here = [(d, place) for d in drawn if d.to_name == obj.name and obj.span_controls.get(d.from_name) == d.type
            and (place := layout.locate(d.value))]
    # Per control: an entity mark says nothing about a claim over the same words.
    taken: dict[str, bytearray] = {}
    for region, (start, end) in here:
        _take(taken, region.from_name, len(text), start, end)
    sources = _own_sources(layout, here) + _other_sources(layout, drawn)
    propagated = propagate(config, layout, sources, taken)
    drafted = _results(_entries(task or {}, "drafts"))
    held = held_by_annotation(task or {})
    answered = answered_controls(context) | answered_controls(held)
    # The draft's regions are the annotator's (drawn, kept or relabelled): as theirs in the context, a plugin's
    # suggestion gives way to them on its control.
    for region in drafted:
        if (key := _place_key(layout, region)) is not None:
            _take(taken, key[0], len(text), *key[1])
    kept = [region for region in suggested if region["from_name"] not in answered
            and not _is_taken(taken.get(region["from_name"]), layout.locate(region["value"]))]
    held_places = {key for region in held if (key := _place_key(layout, region)) is not None} | answered_before
    # Any prediction's ids too: a suggestion under one would pass, on the next mark, for a region the annotation
    # kept from that prediction (``started_from``).
    held_ids = _ids(region.get("id") for region in held + _results(_entries(task or {}, "predictions")))
    return _copies_lacking(layout, propagated, held_places, answered_before, task or {}) + [
        _named_by_place(layout, region) if region["id"] in held_ids else region
        for region in kept if _place_key(layout, region) not in held_places]


def _copies_lacking(layout: Layout, propagated: list[dict[str, Any]], held_places: AbstractSet[Place],
                    answered_before: AbstractSet[Place], task: dict[str, Any]) -> list[dict[str, Any]]:
    """The propagated copies the annotation lacks: none at a place it holds or was answered before, but one at a
    place only a prediction may hold (``_maybe_held_ids``) under that region's id, and one over a prediction's
    region of other labels on the same words (``_relabelled_ids``) under that region's id."""
    maybe_held = _maybe_held_ids(layout, task)
    relabelled = _relabelled_ids(layout, task, maybe_held)
    copies = []
    for region in propagated:
        key = _place_key(layout, region)
        if key in answered_before:
            continue
        if key in maybe_held:
            copies.append({**region, "id": maybe_held[key]})
        elif key not in held_places:
            copies.append({**region, "id": relabelled[key[:2]]} if key and key[:2] in relabelled else region)
    return copies


def _relabelled_ids(layout: Layout, task: dict[str, Any], maybe_held: dict[Place, str]) -> dict[tuple[Any, ...], str]:
    """The ids of the predictions' regions a copy of other labels on the same words should replace, by control and
    span: the draft's regions still as the prediction gave them (origin "prediction": the editor makes a region the
    annotator relabels "prediction-changed", ``updateOriginOnEdit``), else, before the first autosave, those only a
    prediction may hold (``_maybe_held_ids``). The editor replaces the annotation's region of an answer's id, so the
    other mention of words the annotator marked ORG where the model said PER becomes ORG, not ORG over PER (two
    regions on one name, the PER left for the annotator to delete: session 53's walk)."""
    if _nothing_tells(task):
        places = list(maybe_held.items())
    else:
        places = [(key, region["id"]) for region in _results(_entries(task, "drafts"))
                  if region.get("origin") == FROM_PREDICTION and type(region.get("id")) is str
                  and (key := _place_key(layout, region)) is not None]
    ids: dict[tuple[Any, ...], set[str]] = {}
    for key, region_id in places:
        ids.setdefault(key[:2], set()).add(region_id)
    # One region alone on those words: with two (PER and LOC there), which one the copy stands for is not known.
    return {span: next(iter(found)) for span, found in ids.items() if len(found) == 1}


def _maybe_held_ids(layout: Layout, task: dict[str, Any]) -> dict[Place, str]:
    """Before the first autosave (the editor saves a draft 5 s after the first change, so the first mark's request
    has none) nothing tells whether the annotation holds the task's predictions: the places of this object they
    hold, each with the id of its region where one id alone holds it there. A copy sent there under that id
    replaces the prediction's own region in an annotation started from it (the editor keeps a region id's place)
    and is added to one that did not start from it: one region either way, none lost. Not an id that names another
    region in another prediction of the task (a model version before: Anota numbers a plugin's regions in order, so
    its ids name other places): in an annotation started from that one the copy would replace that region."""
    if not _nothing_tells(task):
        return {}
    ids: dict[Place, set[str]] = {}
    places_named: dict[str, set[Place | None]] = {}
    for region in _results(_entries(task, "predictions")):
        if type(region_id := region.get("id")) is str:
            places_named.setdefault(region_id, set()).add(key := _place_key(layout, region))
            if key is not None:
                ids.setdefault(key, set()).add(region_id)
    return {key: region_id for key, found in ids.items()
            if len(found) == 1 and places_named[region_id := next(iter(found))] == {key}}


def _nothing_tells(task: dict[str, Any]) -> bool:
    """Whether the request cannot tell which prediction, if any, the annotation being edited started from: no
    region drafted and no submitted annotation edited (:func:`started_from` then holds them all)."""
    drafts = _entries(task, "drafts")
    return not _results(drafts) and not _ids(draft.get("annotation") for draft in drafts)


def held_by_annotation(task: dict[str, Any]) -> list[dict[str, Any]]:
    """The regions the annotation being edited holds as far as ``task`` tells:
    this annotator's drafts, the submitted annotation a draft edits (its
    ``annotation``) and the prediction it started from (:func:`started_from`).
    Not the other submitted annotations: Label Studio sends every annotator's
    (``BaseExportDataSerializer.annotations``, unfiltered), and an annotator
    working alone on a task others have done is owed the suggestions."""
    drafts = _entries(task, "drafts")
    edited = _ids(draft.get("annotation") for draft in drafts)
    annotations = [entry for entry in _entries(task, "annotations") if _ids([entry.get("id")]) & edited]
    return (_results(started_from(task, drafts, annotations)) + _results(annotations)
            + _results(drafts))


def started_from(task: dict[str, Any], drafts: Sequence[dict[str, Any]],
                 annotations: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The task's predictions the annotation being edited started from: the
    edited annotation's ``parent_prediction`` (Label Studio records it on a
    submitted annotation; a draft has none), else those whose regions the
    drafts hold unchanged under their ids (``addAnnotationFromPrediction``
    keeps a prediction's region ids); none when the drafts hold regions and
    not one of theirs (the editor pre-labels only from a prediction it shows,
    and Label Studio sends every prediction of the task: a project without
    "Use predictions to prelabel tasks" has them all); else all of them
    (no draft yet, or an emptied one: nothing tells)."""
    predictions = _entries(task, "predictions")
    parents = _ids(annotation.get("parent_prediction") for annotation in annotations)
    if chosen := [prediction for prediction in predictions if _ids([prediction.get("id")]) & parents]:
        return chosen
    drafted = _results(drafts)
    # Not a region the annotator drew or accepted ("manual"): a copy sent under a prediction's id before the first
    # autosave (``_maybe_held_ids``) is one, and tells nothing of where the annotation started.
    kept_ids = {_identity(region) for region in drafted if region.get("origin") != MANUAL}
    kept = [prediction for prediction in predictions
            if any(_identity(region) in kept_ids for region in _results([prediction]))]
    return kept or ([] if drafted else predictions)


def _identity(region: dict[str, Any]) -> tuple[Any, ...]:
    """A region as its id, control, object and place (its value without labels nor text): the same in a draft
    that kept a prediction's region, relabelled or not."""
    value = region.get("value")
    place = sorted((key, repr(item)) for key, item in value.items() if key not in (region.get("type"), "text")
                   ) if isinstance(value, dict) else []
    return repr(region.get("id")), repr(region.get("from_name")), repr(region.get("to_name")), tuple(place)


def _ids(values: Iterable[Any]) -> set[int | str]:
    """The ids among ``values``: Label Studio's are numbers (a user's, their email); anything else (a hand-made
    body's) names nothing."""
    return {value for value in values if type(value) in (int, str)}


def _entries(task: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The task's ``kind`` entries that are objects (outside interactive requests Label Studio may send
    predictions as ids)."""
    entries = task.get(kind)
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


def _results(entries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [region for entry in entries if isinstance(result := entry.get("result"), list)
            for region in result if isinstance(region, dict)]


def _place_key(layout: Layout, region: dict[str, Any]) -> tuple[Any, ...] | None:
    """A span region of this object as its control, place and labels; None
    for a choice, a region of another object or one that fits no place."""
    kind, value = region.get("type"), region.get("value")
    if (region.get("to_name") != layout.obj.name or layout.obj.span_controls.get(region.get("from_name")) != kind
            or not isinstance(value, dict)):
        return None
    labels = value.get(kind)
    span = layout.locate(value)
    if span is None or not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        return None
    return region.get("from_name"), span, tuple(sorted(labels))


def _named_by_place(layout: Layout, region: dict[str, Any]) -> dict[str, Any]:
    """``region`` with an id of its control, place and labels: the editor
    replaces the annotation's region of the same id, and a plugin's id (its
    order among the plugin's regions) names another region in a prediction
    that is not the same as this answer. A choice by its control: the editor
    puts it over the control's choice whatever its id."""
    key = _place_key(layout, region)
    if key is None:
        is_choice = region.get("type") in CHOICE_CONTROLS.values()
        return {**region, "id": f"suggested-{region['from_name']}".replace("#", "")} if is_choice else region
    from_name, (start, end), labels = key
    return {**region, "id": _place_id("suggested", from_name, start, end, labels)}


def _place_id(prefix: str, from_name: str, start: int, end: int, labels: Sequence[str]) -> str:
    # "#" ends a region's id for the editor.
    return f"{prefix}-{from_name}-{start}-{end}-{'+'.join(labels)}".replace("#", "")


def _take(taken: dict[str, bytearray], control: str, length: int, start: int, end: int) -> None:
    """Mark ``start:end`` as holding a region of ``control``."""
    taken.setdefault(control, bytearray(length))[start:end] = b"\1" * (end - start)


def _own_sources(layout: Layout, here: list[tuple[Drawn, tuple[int, int]]]) -> list[Source]:
    """The words of the annotator's regions on this object. A region whose
    text differs from what its place selects (beyond whitespace, which Label
    Studio may collapse) comes from another version of the task's text:
    neither is the annotator's selection to trust. A region without text (a
    hand-made request) selects what its place does."""
    sources = []
    for region, (start, end) in here:
        selected = layout.text[start:end]
        if region.from_prediction or (region.written is not None and squeezed(region.written) != squeezed(selected)):
            continue
        word_start, word_end = selected_words(layout.text, start, end)
        sources.append(Source(_words(layout.text, selected), region.labels, region.from_name, "",
                              (word_start, word_end), _RUNS_ON.match(layout.text, word_end) is not None,
                              _ends_longer_name(layout.text, word_start)))
    return sources


def _other_sources(layout: Layout, drawn: list[Drawn]) -> list[Source]:
    """The words drawn on the task's other texts, for this object's control
    that offers their labels."""
    return [Source(_words(layout.text, region.written), region.labels,
                   _control_for(layout, region.labels), f" of {region.to_name}")
            for region in drawn if region.to_name != layout.obj.name and region.written and not region.from_prediction]


def _words(text: str, selected: str) -> str:
    """The selected words without what the selection picked up around them,
    and without an English possessive where ``text`` has the name without it
    ("Apple's" is Apple; "McDonald's" stays whole)."""
    words = squeezed(selected[slice(*selected_words(selected, 0, len(selected)))])
    name = _POSSESSIVE.sub("", words)
    if name != words and name and _phrase_pattern(name, text, _NOT_POSSESSIVE).search(text):
        return name
    return words


def answered_controls(context: Sequence[Any]) -> set[str]:
    """The choice controls the annotator has answered: a control answered on
    one text of the task is answered for all it points at."""
    return {region["from_name"] for region in context if isinstance(region, dict)
            and region.get("type") in CHOICE_CONTROLS.values()}


def drawn_regions(context: Sequence[Any]) -> list[Drawn]:
    """The context's span regions that are well formed; which object and
    control they fit is checked where they are used."""
    drawn = []
    for region in context:
        if not isinstance(region, dict) or region.get("type") not in SPAN_CONTROLS.values():
            continue
        kind = region["type"]
        from_name, to_name, value = region.get("from_name"), region.get("to_name"), region.get("value")
        if not (isinstance(from_name, str) and isinstance(to_name, str) and isinstance(value, dict)):
            continue
        labels, written = value.get(kind), value.get("text")
        if not (isinstance(labels, list) and labels and all(isinstance(label, str) for label in labels)):
            continue
        drawn.append(Drawn(from_name, to_name, kind, value, written if isinstance(written, str) else None,
                           tuple(labels), region.get("origin") == FROM_PREDICTION))
    return drawn


def propagate(config: LabelingConfig, layout: Layout, sources: Sequence[Source], taken: dict[str, bytearray]
              ) -> list[dict[str, Any]]:
    """Each source's labels on every other whole-word occurrence of its words
    in the text where its control has no region yet (marked in ``taken``);
    longer words first where occurrences overlap. Not where the words run on
    into a longer name, or end one, where their selection did not ("Rio" of
    "Rio Grande do Sul", "America" of "Bank of America"): that is another name."""
    same_words: dict[str, list[Source]] = {}
    for source in sources:
        same_words.setdefault(_comparable(source.words), []).append(source)
    propagated: list[dict[str, Any]] = []
    for group in sorted(same_words.values(), key=lambda group: -len(group[0].words)):
        # Labels not this object's control's fit no occurrence.
        labellings = [source for source in _labellings(group) if source.from_name is not None
                      and (kind := layout.obj.span_controls.get(source.from_name)) is not None
                      and not config.shape_errors(_shape_probe(source.from_name, layout.obj.name, kind,
                                                               source.labels, layout.value_kind))]
        if not labellings or not group[0].words:
            continue
        look_ahead = not any(source.runs_on for source in group)
        look_back = not any(source.runs_back for source in group)
        for match in _phrase_pattern(group[0].words, layout.text).finditer(layout.text):
            start, end = match.span()
            if (look_ahead and _runs_on(layout.text, start, end)) or (look_back and _ends_longer_name(layout.text, start)):
                continue
            free = [source for source in labellings if not _is_taken(taken.get(source.from_name), (start, end))]
            value = layout.value(start, end) if free else None
            if value is None:
                continue
            for source in free:
                _take(taken, source.from_name, len(layout.text), start, end)
                propagated.append(_region(layout, source, value, _place_id("ctx", source.from_name, start, end,
                                                                           source.labels)))
    return propagated


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` run on into a longer name
    (:data:`_RUNS_ON`), on a line that is not a title-case headline, where every
    word is capitalised ("Nvidia Beats Estimates" is Nvidia)."""
    return _RUNS_ON.match(text, end) is not None and not _title_case_line(text, start)


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` capitalises all its words of four letters or more, three at least."""
    line = text[slice(*line_of(text, at))]
    long_words = [word for word in _LETTERS.findall(line) if len(word) > 3]
    return len(long_words) >= 3 and all(word[0].isupper() for word in long_words)


def _ends_longer_name(text: str, start: int) -> bool:
    """Whether the words at ``start`` end a longer name (:data:`_NAME_BEFORE`).
    A sentence's first word is capitalised whatever it is: there, only an
    English name of the "Bank of" kind, not a common word ("Most of", and
    Portuguese's "Depois da", "Metade da", whose words are not all common)."""
    before = _NAME_BEFORE.search(text, max(0, start - _NAME_BEFORE_REACH), start)
    if before is None:
        return False
    if mid_sentence(text, before.start()):
        return True
    return before.group(2) == "of" and before.group(1).lower() not in common_words()


def _labellings(group: list[Source]) -> list[Source]:
    """One source per labelling of the same words, or none where the
    annotator labelled them differently at different places: which a
    repetition has is theirs to say. Regions drawn over the very same words
    (two labels of a single-label control) are one place with both."""
    at_place: dict[object, set[tuple[str, ...]]] = {}
    for n, source in enumerate(group):
        # Each region of another text is a place of its own.
        at_place.setdefault(source.place or ("other", n), set()).add(tuple(sorted(source.labels)))
    if len({frozenset(labels) for labels in at_place.values()}) > 1:
        return []
    distinct: dict[tuple[str, ...], Source] = {}
    for source in group:
        distinct.setdefault(tuple(sorted(source.labels)), source)
    return list(distinct.values())


def _comparable(words: str) -> str:
    """What two drawn regions' words compare as: precomposed accents, one apostrophe."""
    return unicodedata.normalize("NFC", words).replace("’", "'")


def _phrase_pattern(words: str, text: str, after: str = "") -> re.Pattern[str]:
    """``words`` as whole words in ``text``: any whitespace between them (a
    name breaks across lines), an accent precomposed or not, either
    apostrophe, and in capitals when they are a capitalised name (a
    headline's "META" is Meta; "meta" is another word). The variants only
    where ``text`` may hold them: a pattern that starts with plain letters
    is searched for as fast as a string."""
    words = _comparable(words)
    capitals = words.upper()
    forms = [words] + ([capitals] if words[:1].isupper() and capitals != words and capitals.split()[0] in text else [])
    decomposed = not unicodedata.is_normalized("NFC", text)
    alternatives = "|".join(r"\s+".join(_letters(part, decomposed) for part in form.split()) for form in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives}){_WORD_END}{after}")


def _letters(word: str, decomposed: bool) -> str:
    """``word`` as a pattern: either apostrophe, and where ``decomposed``, each accented letter either way."""
    pattern = []
    for char in word:
        if char in _APOSTROPHES:
            pattern.append("['’]")
        elif decomposed and (parts := unicodedata.normalize("NFD", char)) != char:
            pattern.append(f"(?:{re.escape(char)}|{re.escape(parts)})")
        else:
            pattern.append(re.escape(char))
    return "".join(pattern)


def _control_for(layout: Layout, labels: tuple[str, ...]) -> str | None:
    """This object's span control offering all of ``labels`` (as values)."""
    offered: dict[str, set[str]] = {}
    for target in layout.obj.spans.values():
        offered.setdefault(target.from_name, set()).add(target.value)
    return next((name for name, values in offered.items() if set(labels) <= values), None)


def _region(layout: Layout, source: Source, value: dict[str, Any], region_id: str) -> dict[str, Any]:
    kind = layout.obj.span_controls[source.from_name]  # propagate's labellings are of this object's controls
    return {
        "id": region_id,
        "from_name": source.from_name,
        "to_name": layout.obj.name,
        "type": kind,
        "value": {**value, kind: list(source.labels)},
        "score": PROPAGATED_SCORE,
        # Named like a plugin's region: an accepted one keeps its explanation, which
        # `anota export` then knows for Anota's words and not an annotator's note.
        "meta": {"text": f"same words as your region “{source.words}”{source.drawn_on}", "plugin": PROPAGATION},
    }


# A value of each span type's shape (``Layout.value_kind``), for checking a drawn region's control and labels.
_PROBE_VALUES: dict[str, dict[str, Any]] = {
    "labels": {"start": 0, "end": 1, "text": ""},
    "paragraphlabels": {"start": "0", "end": "0", "startOffset": 0, "endOffset": 1, "text": ""},
    "hypertextlabels": {"start": "/p[1]/text()[1]", "startOffset": 0, "end": "/p[1]/text()[1]", "endOffset": 1,
                        "globalOffsets": {"start": 0, "end": 1}, "text": ""},
}


def _shape_probe(from_name: str, to_name: str, kind: str, labels: Sequence[str],
                 value_kind: str | None = None) -> dict[str, Any]:
    """A region of this control, object, type and labels, for checking that they fit the config; its value of
    ``value_kind``'s shape (a page's, for a Labels control on a page), of the type's own by default."""
    return {"from_name": from_name, "to_name": to_name, "type": kind,
            "value": {**_PROBE_VALUES[value_kind or kind], kind: list(labels)}}


def _is_taken(taken: bytearray | None, span: tuple[int, int] | None) -> bool:
    """Whether a span overlaps a character already taken (choices, regions
    without a place and controls without regions overlap nothing)."""
    return taken is not None and span is not None and taken.find(1, span[0], span[1]) != -1
