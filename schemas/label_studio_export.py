"""Loading Label Studio's JSON export and snapshot: tasks, their annotations
and predictions, and the regions inside them, into the objects defined here.

Label Studio adds keys over time, so unknown keys are excluded, not rejected.
Types are checked strictly (a start offset of ``"5"`` is an error, not a
guess): a malformed file must stop an export, never shift a label. Offsets are
*not* checked against the text here; that needs the text key and is the
exporter's job, which can repair what the text pins down unambiguously.

``load_task`` turns one task object into plain objects (msgspec structs,
made in C: a dataclass's keyword ``__init__`` cost five times as much), or
raises :class:`TaskError` naming the task id, the JSON path and what is wrong.

Speed: marshmallow spends about 100 us per nested object, 3 ms on a task with
two annotations and a prediction, which would make reading the export the
slowest part of an export. ``load_task`` therefore tries ``_fast_task`` first: a
plain-Python check that accepts only a strict subset of what the schemas accept
(exact JSON types, no coercion) and builds the same objects through the same
constructors. Anything it does not accept goes through the marshmallow
schemas (:mod:`schemas.label_studio_schemas`), which decide and word the
error. ``tests/test_export_schemas.py`` checks that both paths agree.

Faster still, :class:`TaskDecoder` reads
a task's JSON bytes with msgspec straight into typed structs that hold only
the keys Anota reads; the many others Label Studio writes are skipped
without building an object. It
accepts a strict subset of what ``_fast_task`` accepts and builds the same
objects; on anything else it returns None and the caller parses and loads as
above, so every error keeps its wording.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

import msgspec
import orjson

SPAN_TYPE = "labels"
# A HyperTextLabels control's regions: a page's spans, by XPaths and global offsets (so are a Labels control's
# drawn on a page: :func:`page_region`).
HYPERTEXT_TYPE = "hypertextlabels"
CHOICES_TYPE = "choices"
TAXONOMY_TYPE = "taxonomy"
# A Taxonomy's selected path ("Topic", "Economy", "Inflation") is exported as
# one choice, its items joined with this: Label Studio's own default
# ``pathSeparator``, so the value reads as Label Studio shows the full path.
# Label Studio asks that no choice value holds it; a path whose items do (or
# hold a backslash) is escaped (join_path), so that split_path reads it back.
PATH_SEPARATOR = " / "
# The region types whose values are read and checked.
VALUE_TYPES = (SPAN_TYPE, CHOICES_TYPE, TAXONOMY_TYPE)


# 64-bit integers: orjson reads a larger one as a float, which the load paths
# refuse (and msgspec bounds no wider): such a task takes their way.
_Int = Annotated[int, msgspec.Meta(ge=-(1 << 63), le=(1 << 63) - 1)]
_Control = Annotated[str, msgspec.Meta(min_length=1)]
# A label or choice is a non-empty string (an empty one would make a CoNLL tag ``B-``).
_Values = Annotated[tuple[Annotated[str, msgspec.Meta(min_length=1)], ...], msgspec.Meta(min_length=1)]
# A region's names (its control, the object it is drawn on, its labels or choices) are read as these bounds
# (strings), or as Literals of the names a file's first tasks hold (TaskDecoder): one class either way.
_C = TypeVar("_C", bound=_Control)
_O = TypeVar("_O", bound=str | None)
_V = TypeVar("_V", bound=_Values)
# An object passed on as it is (task data and meta) is parsed by orjson on
# every path, so that its numbers read the same.
_NULL = msgspec.Raw(b"null")


# Its hash is kept: the exporter looks a region's value up, then stores it under it. A key Label Studio
# does not write there (start, end, text and labels are all) fails the typed decode, so that the task
# takes the paths below: ``choices`` beside a span's labels (a tool merged a choice into it) is reported
# left out there (see load_task), not dropped unseen. Checked so at no cost (a field never set cost
# 0.35% of an export's instructions).
class SpanValue(msgspec.Struct, Generic[_V], frozen=True, gc=False, kw_only=True, cache_hash=True,
                forbid_unknown_fields=True):
    start: _Int | None = None
    end: _Int | None = None
    text: str | None = None
    labels: _V


class ChoiceValue(msgspec.Struct, Generic[_V], frozen=True, gc=False):
    choices: _V


class RegionMeta(msgspec.Struct, frozen=True, gc=False):
    """What Anota reads of a region's ``meta``: the plugin that predicted it,
    and its ``text``. The typed decode takes a string or null for ``plugin``;
    the paths below keep a string or a false value (the exporter then counts
    under the model version) and turn any other JSON value into its string, so
    that ``plugin or version`` is a string without a check per region.

    ``text`` is an annotator's note when it is a list of strings (what Label
    Studio's editor writes from the region's meta field), exported with the
    span; a string is an ML backend's explanation (Anota's /predict writes the
    cues it found there), which a region accepted from a prediction keeps, and
    no annotator's note."""

    plugin: str | None = None
    text: tuple[str, ...] | str | None = None

    @property
    def notes(self) -> tuple[str, ...] | None:
        """The annotator's notes: ``text`` when a list (see above)."""
        return self.text if type(self.text) is tuple else None


_NO_META = RegionMeta()


class _RegionStruct(msgspec.Struct, tag_field="type", gc=False):
    """A region as Label Studio writes it, read by msgspec from JSON or built
    by the paths below; the many keys Anota does not read are skipped."""


# A region's fields in the order Label Studio writes its keys (id, from_name, to_name, type, value, score,
# meta), as the typed decode's are (see _Task): made by keyword, as ``id`` comes first.
class SpanRegion(_RegionStruct, Generic[_C, _O, _V], tag=SPAN_TYPE, kw_only=True):
    id: str | None = None
    control: _C = msgspec.field(name="from_name")
    # The Text object the span is drawn on (a title or a body, in a config
    # with several): the exporter places only the main text's spans. A choice
    # is about the task, whichever object it is shown next to: not read there.
    to_name: _O = None
    value: SpanValue[_V]
    score: float | None = None  # msgspec refuses a number beyond a float's range: always finite
    meta: RegionMeta = _NO_META


class ChoiceRegion(_RegionStruct, Generic[_C, _V], tag=CHOICES_TYPE, kw_only=True):
    id: str | None = None
    control: _C = msgspec.field(name="from_name")
    value: ChoiceValue[_V]
    score: float | None = None
    meta: RegionMeta = _NO_META


class TaxonomyRegion(ChoiceRegion, tag=TAXONOMY_TYPE):
    """A task-level Taxonomy's region, its selected paths joined
    (:data:`PATH_SEPARATOR`) into choices: exported as Choices are. A
    perRegion Taxonomy's region (its value also holds the span it labels)
    is an :class:`OtherRegion`, not exported."""


def joined_paths(paths: list[list[str]]) -> ChoiceValue:
    return ChoiceValue(tuple(map(join_path, paths)))


def join_path(path: list[str] | tuple[str, ...]) -> str:
    """A Taxonomy path as one value: its items joined with ``" / "``. When
    that would not split back into the items (an item holds ``" / "``, or
    starts with ``"/ "`` or ends with ``" /"``) or an item holds a backslash,
    every ``/`` and ``\\`` inside the items is escaped with a backslash
    (``["Rota", "Lisboa / Porto"]`` is ``Rota / Lisboa \\/ Porto``):
    :func:`split_path` reads either back."""
    joined = PATH_SEPARATOR.join(path)
    if "\\" not in joined and joined.split(PATH_SEPARATOR) == list(path):  # nearly always
        return joined
    return PATH_SEPARATOR.join(item.replace("\\", "\\\\").replace("/", "\\/") for item in path)


def split_path(value: str) -> list[str]:
    """The items of a Taxonomy path exported as one value (:func:`join_path`):
    split at each ``" / "`` whose ``/`` no backslash escapes, then unescaped."""
    return split_escaped(value, PATH_SEPARATOR)


def split_escaped(value: str, separator: str) -> list[str]:
    """``value`` split at each ``separator`` that no backslash escapes, each
    part unescaped (a backslash keeps the character after it): how a Taxonomy
    path (:func:`join_path`) and a CSV cell of several values
    (``server.exporting.report.join_values``) are read back."""
    if "\\" not in value:
        return value.split(separator)
    items, current, position = [], [], 0
    while position < len(value):
        character = value[position]
        if character == "\\" and position + 1 < len(value):
            current.append(value[position + 1])
            position += 2
        elif value.startswith(separator, position):
            items.append("".join(current))
            current = []
            position += len(separator)
        else:
            current.append(character)
            position += 1
    return [*items, "".join(current)]


def page_region(region: Any) -> bool:
    """Whether a raw region is on a HyperText object: a hypertextlabels one (in any case), or a labels one whose
    ``start`` is an XPath (``"/p[1]/text()[1]"``): Label Studio 1.23.2's editor lets a Labels control draw on a
    page (RichText's ``getAvailableStates``), the region's type the control's, its value a page region's. The
    one reading of a page's spans: ``anota export``, /predict's learning (plugins.entity_memory)."""
    if type(region) is not dict or type(value := region.get("value")) is not dict:
        return False
    kind = region.get("type")
    if kind == SPAN_TYPE:
        return type(start := value.get("start")) is str and start.startswith("/")
    return type(kind) is str and kind.lower() == HYPERTEXT_TYPE


def page_labels(region: Any) -> Any:
    """The labels of a region on a HyperText page (:func:`page_region`), under either span type's key; None
    for another region. Not checked: a list of strings is the caller's to ask for."""
    if not page_region(region):
        return None
    value = region["value"]
    return value.get(HYPERTEXT_TYPE, value.get(SPAN_TYPE))


def of_a_region(value: dict[str, Any]) -> bool:
    """Whether a taxonomy value is a perRegion Taxonomy's: Label Studio
    writes the region's own keys (start, end, text; x, y...) next to it."""
    return any(key != TAXONOMY_TYPE for key in value)


@dataclass(slots=True)
class OtherRegion:
    """A region of a control Anota does not export (textarea, rating, relation...)."""

    type: str
    # Not kept (nothing refers to it), but read like every region's: the ids of a result are gathered in C.
    id: ClassVar[str | None] = None


RELATION_TYPE = "relation"


class RelationRegion(OtherRegion):
    """A Relations control's arrow between two regions (their ids, as the
    file writes them; its direction and labels): not exported, but kept to
    name its ends where it is said left out ("region #3" told nothing). A
    plain class: as a dataclass, importing this module and the converter
    cost every export 2.32M instructions more than before it, as this class
    0.26M (callgrind), for a region most exports never hold."""

    __slots__ = ("from_id", "to_id", "direction", "labels")

    def __init__(self, from_id: Any, to_id: Any, direction: Any, labels: Any) -> None:
        super().__init__(RELATION_TYPE)
        self.from_id, self.to_id, self.direction, self.labels = from_id, to_id, direction, labels


def relation_region(raw: dict[str, Any]) -> RelationRegion:
    return RelationRegion(raw.get("from_id"), raw.get("to_id"), raw.get("direction"), raw.get("labels"))


@dataclass(slots=True)
class RegionAnswer:
    """A region of another control that holds an answer and an id (a
    TextArea's texts, a Rating's stars, a Number, a perRegion Taxonomy's
    paths): under a span region's id it is a perRegion control's answer about
    that span, which the converter carries on the span (its attributes);
    else it is left out as any :class:`OtherRegion` (Label Studio gives a
    whole-task TextArea an id too)."""

    type: str
    id: str
    control: str
    answer: Any


def other_region(region_type: str, control: Any, value: dict[str, Any], region_id: str | None
                 ) -> OtherRegion | RegionAnswer:
    """A region of a control Anota exports no label of: a :class:`RegionAnswer`
    when it has an id, a control's name and an answer of a JSON shape a span
    can carry (texts, a finite number, Taxonomy paths), else an :class:`OtherRegion`."""
    if region_id is None or type(control) is not str or not control or region_type.lower().endswith("labels"):
        return OtherRegion(region_type)  # a span control's region the loader did not read as a span: no answer
    answer = value.get("text") if region_type == "textarea" else value.get(region_type)
    if region_type == TAXONOMY_TYPE:
        answer = list(joined_paths(answer).choices) if type(answer) is list and answer and all(
            map(_strings, answer)) else None
    elif type(answer) is list:
        answer = answer if answer and all(type(item) is str for item in answer) else None
    elif type(answer) is float:
        answer = answer if math.isfinite(answer) else None
    elif type(answer) not in (int, str):
        answer = None
    return OtherRegion(region_type) if answer is None else RegionAnswer(region_type, region_id, control, answer)


Region = SpanRegion | ChoiceRegion | OtherRegion | RelationRegion | RegionAnswer


class Prediction(msgspec.Struct, gc=False):
    id: int | None
    model_version: str
    regions: list[Region]


class Annotation(msgspec.Struct, gc=False):
    id: int | None
    # None when the annotation has no ``result`` at all (not even an empty list).
    regions: list[Region] | None
    was_cancelled: bool
    ground_truth: bool
    annotator: str | None
    created_at: str
    updated_at: str
    prediction: Prediction | None
    # A user object's id beside the email that names it (``annotator``): what tells it apart from a user of the
    # same email, and the name a bare ``5`` of the same task takes (one_name_per_user, which then sets it on that
    # ``5`` too, for UserNames). None otherwise.
    user_id: str | None = None


class Task(msgspec.Struct, gc=False):
    id: int
    data: dict[str, Any]
    meta: dict[str, Any]
    annotations: list[Annotation]
    predictions: list[Prediction]
    # What loading repaired, (kind, where): for the export's report (see _repair_regions).
    repairs: list[tuple[str, str]] | None = None
    # What loading left out, (kind, where): for the export's report (see _skip_odd_prediction_notes).
    left_out: list[tuple[str, str]] | None = None


class TaskError(ValueError):
    """A task that does not match Label Studio's export format."""

    def __init__(self, task_id: Any, location: str, problems: list[tuple[str, str]]) -> None:
        self.task_id = task_id
        self.location = location
        self.problems = problems
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        # The problems, without the task: "data: Missing data for required field; text: ...".
        self.shown = "; ".join(f"{path}: {as_clause(message)}" for path, message in problems[:5]) + more
        super().__init__(f"task {shown_id(task_id)} at {location}: {self.shown}")


def as_clause(message: str) -> str:
    """A schema's message ("Missing data for required field.") as a clause of the one line an error is: the
    problems are joined by "; " and the line goes on ("; nothing was written", a hint), so a message's own final
    period goes, and no error reads ".; " (an ellipsis keeps its dots)."""
    return message[:-1] if message.endswith(".") and not message.endswith("..") else message


def instant(timestamp: str | None) -> datetime.datetime | None:
    """When a Label Studio time is, to compare two; None when it does not
    read. Their strings do not compare: Label Studio leaves out a fraction of
    zero ("06:27:55Z" is before "06:27:55.5Z", and sorts after it), and a
    rewritten file may give another offset ("+02:00"). A time without one is
    taken as UTC, as Label Studio writes, in ``NO_ZONE`` (UTC under its own
    name, so that a caller can tell it was assumed)."""
    try:
        parsed = datetime.datetime.fromisoformat(timestamp or "")
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=NO_ZONE)


# UTC as assumed for a time written without a zone: an instance of its own (``is`` tells it from a "Z").
NO_ZONE = datetime.timezone(datetime.timedelta(0), "UTC (assumed: no zone given)")


def json_type(value: Any) -> str:
    """``value``'s JSON type, for messages: ``a number``, ``null``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), type(value).__name__)


def json_literal(value: bool | float | None) -> str:
    """How JSON spells null, a boolean, NaN or an infinity (as json.dumps writes the last two)."""
    if value is None or type(value) is bool:
        return {None: "null", True: "true", False: "false"}[value]
    return "NaN" if value != value else f"{'-' * (value < 0)}Infinity"


def described(value: Any) -> str:
    """What a JSON value is, for an error saying what was found: its type,
    and a boolean, number or string itself (a long string's start, cut);
    a list or an object by its type only (its text can be long, and says little)."""
    kind = json_type(value)
    if isinstance(value, bool):
        return f"{kind} ({json_literal(value)})"
    if isinstance(value, HugeInteger):
        return f"a number of {value.digits} digits"
    if isinstance(value, float) and not math.isfinite(value):  # read from NaN, Infinity or 1e400
        literal = json_literal(value)
        return f"{kind} ({literal})" if value != value else f"{kind} ({literal}, or beyond a double's range)"
    if isinstance(value, (int, float)):
        return f"{kind} ({value!r})"
    if isinstance(value, str):  # repr: quoted, control characters and lone surrogates escaped
        return f"{kind} ({value!r})" if len(value) <= SHOWN_CHARACTERS else f"{kind} ({value[:SHOWN_CHARACTERS]!r}...)"
    return kind


SHOWN_CHARACTERS = 40


class HugeInteger(float):
    """An integer literal beyond a double's range (hundreds or thousands of
    digits): orjson refuses it, and json's ``int()`` refuses more than 4,300
    digits with a ValueError that names no task. The reader's json fallback
    reads it as this infinite float that keeps its number of digits, so that
    the schema refuses it where it stands, as beyond 64 bits."""

    digits: int


def integer_literal(literal: str) -> int | float:
    """A JSON integer as orjson reads one: an int within 64 bits, a float beyond."""
    digits = len(literal.lstrip("-"))
    if digits > 308:  # beyond any double: 1e308 has 309 digits
        huge = HugeInteger("-inf" if literal.startswith("-") else "inf")
        huge.digits = digits
        return huge
    value = int(literal)
    return value if -2**63 <= value < 2**64 else float(value)


def beyond_64_bits(value: Any) -> bool:
    """Whether ``value`` is what an integer beyond 64 bits is read as: a whole float outside int64."""
    return isinstance(value, HugeInteger) or (
        type(value) is float and value.is_integer() and not -2**63 <= value < 2**63)


def shown_id(task_id: Any) -> str:
    """A task id as an error message shows it. An id that is wrong may be a
    list or an object (whose text can be huge, or too deep for ``str``) or a
    long string: the message then says what it is, or its start."""
    if isinstance(task_id, (list, dict)):
        return f"({'a list' if isinstance(task_id, list) else 'an object'})"
    if isinstance(task_id, HugeInteger):
        return f"(a number of {task_id.digits} digits)"
    if beyond_64_bits(task_id):
        return f"(a number beyond 64 bits, about {task_id:.4g})"
    if task_id is None or type(task_id) is bool or (isinstance(task_id, float) and not math.isfinite(task_id)):
        return json_literal(task_id)  # as the file spells it: "task true", not Python's "task True"
    text = str(task_id)
    return text if len(text) <= 40 else f"{text[:37]}..."


def build_region(
    region_type: str, control: str | None, value: dict[str, Any], region_id: Any, score: float | None,
    meta: dict[str, Any] | None, to_name: str | None,
) -> Region:
    region_id = None if region_id is None else str(region_id)
    if region_type == SPAN_TYPE:
        span = SpanValue(start=value.get("start"), end=value.get("end"), text=value.get("text"),
                         labels=tuple(value["labels"]))
        return SpanRegion(id=region_id, control=control or "", to_name=to_name, value=span, score=score,
                          meta=_region_meta(meta))
    if region_type == CHOICES_TYPE:
        choices = ChoiceValue(tuple(value["choices"]))
        return ChoiceRegion(id=region_id, control=control or "", value=choices, score=score, meta=_region_meta(meta))
    if region_type == TAXONOMY_TYPE and not of_a_region(value):
        return TaxonomyRegion(id=region_id, control=control or "", value=joined_paths(value["taxonomy"]), score=score,
                              meta=_region_meta(meta))
    return other_region(region_type, control, value, region_id)


def _region_meta(meta: dict[str, Any] | None) -> RegionMeta:
    if not meta:
        return _NO_META
    plugin, text = meta.get("plugin"), meta.get("text")
    if type(text) is list and all(type(note) is str for note in text):
        text = tuple(text)
    elif text is not None and type(text) is not str:
        raise _NotFast  # the schema words it (the schema path checks it first)
    plugin = plugin if type(plugin) is str or not plugin else str(plugin)
    return RegionMeta(plugin, text)


def build_annotation(
    data: dict[str, Any], regions: list[Region] | None, annotator: str | None, prediction: Prediction | None,
    user_id: str | None = None,
) -> Annotation:
    return Annotation(
        id=data.get("id"),
        regions=regions,
        was_cancelled=bool(data.get("was_cancelled")),
        ground_truth=bool(data.get("ground_truth")),
        annotator=annotator,
        created_at=data.get("created_at") or "",
        updated_at=data.get("updated_at") or data.get("created_at") or "",
        prediction=prediction,
        user_id=user_id,
    )


def user_object_annotator(email: Any, user_id: Any) -> tuple[Any, str | None]:
    """A user object's name and the id that tells its user apart, as every
    reader takes them: named by its email, else by its id (None when neither:
    the caller's error, worded its way); the id as a string, beside an email
    only (without one the name is the id already). An id that is no number or
    string is not one: the email names the user, as before ids counted."""
    is_id = (type(user_id) is int or type(user_id) is str) and user_id != ""
    return email or user_id, str(user_id) if email and is_id else None


def one_name_per_user(annotations: list[Annotation]) -> list[Annotation]:
    """Name each of a task's annotators one way. Label Studio writes an author
    as a user id (``5``) or a user object (``{"id": 5, "email": ...}``, named
    by its email); one user in both forms is one annotator (the id decides),
    named by the object's email, so that the majority's count, ``all``'s
    examples and ``meta.annotators`` agree. One id with two emails takes the
    first; one email with two ids is two users, each named ``email (id N)``.
    Within a task; across the file, :class:`UserNames` keeps each user one
    name (a renamed bare id keeps its id in ``user_id`` for that)."""
    if len(annotations) < 2:  # one annotator: nothing to tell apart (nearly every task)
        return annotations
    emails: dict[str, str] = {}  # user id -> the email naming it
    for annotation in annotations:
        if annotation.user_id is not None and annotation.annotator is not None:
            emails.setdefault(annotation.user_id, annotation.annotator)
    if not emails:
        return annotations
    named = list(emails.values())
    for annotation in annotations:
        user = annotation.annotator if annotation.user_id is None else annotation.user_id
        if user in emails:
            email = emails[user]
            annotation.annotator = f"{email} (id {user})" if named.count(email) > 1 else email
            annotation.user_id = user
    return annotations


class UserNames:
    """One name per user across a whole export, read as it streams. A user is
    told by the id when one is known (``5``, or ``{"id": 5, ...}``), else by
    its name; the first name the file gives a user is kept for every later
    annotation of it, and a user first given as a bare id (``5``) whose
    object (``{"id": 5, "email": ...}``) comes later gets its best name by
    the end: ``renamed`` maps the id to it, which the examples written under
    the id take once the stream ends (server.exporting.running). A map of the
    file's users, not of its tasks."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # user (id, else name) -> the name it is exported under
        self.email_ids: dict[str, str] = {}  # an email -> the user id first named by it
        # Users first seen as a bare id and later as an object: id -> the name the object gives it (its email,
        # else ``email (id N)`` when another id took that email first).
        self.renamed: dict[str, str] = {}

    def name(self, annotations: list[Annotation]) -> list[tuple[str, str]] | None:
        """Give each of a task's annotations its user's name (set on ``annotator``); the users first
        named by a bare id whose object this task gave first (id, its best name: ``renamed``), to be said;
        None nearly always."""
        names = self.names
        newly = None
        for annotation in annotations:
            annotator = annotation.annotator
            if annotator is None:
                continue
            user = annotation.user_id or annotator
            known = names.get(user)
            if known is None:
                known = names[user] = self._new_name(annotator, annotation.user_id)
            if known != annotator:
                if known == user and annotation.user_id is not None and user not in self.renamed:
                    self.renamed[user] = self._new_name(annotator, annotation.user_id)
                    newly = (newly or []) + [(user, self.renamed[user])]
                annotation.annotator = known
        return newly

    def settled(self) -> UserNames:
        """Names to read the file again with: each user under the name this
        reading gave it by the end, a bare id renamed from its first task on
        (an exporter that cannot rename what it wrote writes it all again)."""
        again = UserNames()
        again.names = {**self.names, **self.renamed}
        again.email_ids = dict(self.email_ids)
        return again

    def _new_name(self, annotator: str, user_id: str | None) -> str:
        """A user's first name: the email of a user object, unless another id took it already (then
        ``email (id N)``, as one_name_per_user names two ids of one email within a task)."""
        if user_id is None:
            return annotator
        first = self.email_ids.setdefault(annotator, user_id)
        return annotator if first == user_id else f"{annotator} (id {user_id})"


def _embedded_prediction(value: Any, load: Any) -> Prediction | None:
    # Label Studio writes ``{}`` when the annotation did not start from a prediction.
    if not isinstance(value, dict) or not value.get("result"):
        return None
    return load(value)


OLD_EXPORT = ("a Label Studio 0.x export (annotations were 'completions' then), which Anota does not read: "
              "export the project again from Label Studio 1.x")


def load_task(raw: Any, location: str) -> Task:
    """Load one task; ``location`` is its JSON path in the file (``$[3]``).
    A task :meth:`TaskDecoder.task` already loaded is returned as it is."""
    if type(raw) is Task:
        return raw
    if not isinstance(raw, dict):
        raise TaskError("?", location, [("$", f"expected a task object, got {type(raw).__name__}")])
    task = _fast_task(raw)
    if task is not None:
        return task
    # Here only: marshmallow is a tenth of a JSONL export's memory, and a plain
    # export never leaves the fast paths.
    from schemas.label_studio_schemas import load_with_schemas

    raw, read_completions = _completions_as_annotations(raw)
    repairs = read_completions + _repair_regions(raw) + _null_flags(raw) + _odd_meta(raw)
    skipped = (_skip_odd_prediction_notes(raw) + _stray_span_choices(raw) + _completions_beside_annotations(raw)
               + _drafts_left_out(raw))
    try:
        task = load_with_schemas(raw, location)
    except TaskError as exc:
        if not read_completions:
            raise
        # The file says "completions": a problem is shown at its path there.
        raise TaskError(exc.task_id, exc.location, [(_as_completions(path), message)
                                                    for path, message in exc.problems]) from None
    task.repairs = repairs or None
    task.left_out = skipped or None
    return task


ODD_PREDICTION_NOTES = ("notes of an odd type (not a string or a list of strings) on predicted regions, skipped "
                        "(the region kept)")


def _skip_odd_prediction_notes(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """Drop a predicted region's ``meta.text`` that is neither a string (an
    ML backend's explanation) nor a list of strings (a note), as other ML
    backends write a number or an object there, and say where. A note is
    no label, and a prediction only counts in the survival report: such a
    note stopped the export. An annotation's odd note still stops it (an
    annotator's words, which a rewritten file may have broken)."""
    skipped = []
    for where, regions in _region_lists(raw):
        if where.startswith("annotations[") and not where.endswith(".prediction.result"):
            continue
        for index, region in enumerate(regions):
            meta = region.get("meta") if type(region) is dict else None
            if type(meta) is not dict or (text := meta.get("text")) is None or type(text) is str or (
                    type(text) is list and all(type(note) is str for note in text)):
                continue
            skipped.append((ODD_PREDICTION_NOTES, f"{where}[{index}].meta.text: {json_type(text)}"))
            region["meta"] = {key: value for key, value in meta.items() if key != "text"}
    return skipped


STRAY_SPAN_CHOICES = ("choices inside a labels region (value.choices, beside the span's labels: about that span, not "
                      "the task), not exported")


def _stray_span_choices(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """Where an annotation's ``labels`` region holds ``choices`` too, and
    which: the span is exported, and they are left out, as a span's choices
    (perRegion ones are their own region, left out too); the schemas would
    drop them unseen. A prediction's are not said (a prediction is no label)."""
    stray = []
    for where, regions in _region_lists(raw):
        if not where.startswith("annotations[") or where.endswith(".prediction.result"):
            continue
        for index, region in enumerate(regions):
            value = region.get("value") if type(region) is dict and region.get("type") == SPAN_TYPE else None
            if type(value) is dict and (choices := value.get("choices")) is not None:
                shown = "|".join(choices) if type(choices) is list and all(type(c) is str for c in choices) else (
                    described(choices))
                stray.append((STRAY_SPAN_CHOICES, f"{where}[{index}].value.choices: {shown}"))
    return stray


COMPLETIONS_READ = ("Label Studio 0.x 'completions' (no 'annotations') read as the annotations, as Label Studio 1.x "
                    "reads a 0.x project (a created_at in seconds read as that UTC time)")


def _completions_as_annotations(raw: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A Label Studio 0.x task (``completions``, no ``annotations``) as the
    1.x task Label Studio makes of it (core/old_ls_migration.py): the
    completions as its annotations, their ``created_at`` (0.x wrote seconds
    since 1970) as a time. ``raw`` is not changed; the repair said, with how
    many were read. Completions beside annotations: left out, said
    (_completions_beside_annotations); not a list: the schema's error."""
    completions = raw.get("completions")
    if not completions or raw.get("annotations") or type(completions) is not list:
        return raw, []
    task = {key: value for key, value in raw.items() if key != "completions"}
    task["annotations"] = [_with_time_strings(completion) for completion in completions]
    detail = f"completions: {len(completions)} read"
    if any(_in_milliseconds(completion) for completion in completions):
        detail += " (a created_at or updated_at in milliseconds since 1970)"
    return task, [(COMPLETIONS_READ, detail)]


# Seconds since 1970 below this (the year 5138); milliseconds from it up to 1e14 (the same year in milliseconds).
# Some 0.x frontends and scripts wrote JavaScript's Date.now() (milliseconds): 1588000000123 is 2020-04-27, and
# as seconds it is no date Python can show. The two ranges cannot be confused for any time after 1973.
MILLISECONDS_FROM = 1e11


def _epoch_seconds(value: Any) -> float | None:
    """A 0.x time number as seconds since 1970, or None if it is none."""
    if type(value) not in (int, float) or not math.isfinite(value) or value < 0:
        return None
    if value < MILLISECONDS_FROM:
        return value
    return value / 1000 if value < MILLISECONDS_FROM * 1000 else None


def _in_milliseconds(completion: Any) -> bool:
    return type(completion) is dict and any(
        _epoch_seconds(value := completion.get(key)) is not None and value >= MILLISECONDS_FROM
        for key in ("created_at", "updated_at"))


def _with_time_strings(completion: Any) -> Any:
    if type(completion) is not dict:
        return completion
    times = {key: datetime.datetime.fromtimestamp(seconds, datetime.UTC).isoformat().replace("+00:00", "Z")
             for key in ("created_at", "updated_at")
             if (seconds := _epoch_seconds(completion.get(key))) is not None}
    return {**completion, **times} if times else completion


def _as_completions(path: str) -> str:
    return "completions" + path.removeprefix("annotations") if path.startswith("annotations") else path


COMPLETIONS_LEFT_OUT = ("Label Studio 0.x annotations ('completions') of tasks that also have Label Studio 1.x "
                        "'annotations', not exported (the 'annotations' are)")


def _completions_beside_annotations(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """A task with both lists: a 0.x task's ``completions`` merged by hand
    or by a script into a 1.x export. Its ``annotations`` are read, as in any
    1.x task, and the completions said left out, with how many: they may be
    the same labels again, or others, which only the builder can tell (a
    task with completions only is a 0.x export: the schema's error)."""
    completions = raw.get("completions")
    if not completions or not raw.get("annotations"):
        return []
    annotations = raw["annotations"]
    return [(COMPLETIONS_LEFT_OUT, f"completions: {_count(completions)} left out, annotations: "
                                   f"{_count(annotations)} read")]


DRAFTS_LEFT_OUT = "drafts (labels saved in the editor, never submitted), not exported"


def _drafts_left_out(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """A task's ``drafts`` that hold labels, said left out with whose they
    are: a draft is no finished annotation (Label Studio's own exports leave
    it out too), but a task whose only work is a draft was reported only as
    one "without a finished annotation", and a draft beside an annotation not
    at all. Anything else there (empty drafts, a value that is no list) holds
    no labels, and is not said."""
    drafts = raw.get("drafts")
    if type(drafts) is not list:
        return []
    with_labels = [draft for draft in drafts if type(draft) is dict and draft.get("result")]
    if not with_labels:
        return []
    users = sorted({str(draft.get("user")) for draft in with_labels if draft.get("user") is not None})
    return [(DRAFTS_LEFT_OUT, f"drafts: {len(with_labels)} with labels left out" + (
        f" ({', '.join(users)})" if users else ""))]


def _count(items: Any) -> int:
    return len(items) if type(items) is list else 1


NULL_FLAG_REPAIR = ("annotation flags (was_cancelled, ground_truth) given as null, read as false (Label Studio's default; "
                    "it never writes null there)")


def _null_flags(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """Where an annotation's ``was_cancelled`` or ``ground_truth`` is null.
    Label Studio's model holds each as a boolean that defaults to false and
    never writes null: a script or a hand edit did. Read as false, as a key
    left out is (an annotation is finished unless it says it was skipped),
    and said, since the writer may have meant a skip it did not know."""
    found = []
    annotations = raw.get("annotations")
    for index, annotation in enumerate(annotations if type(annotations) is list else ()):
        if type(annotation) is dict:
            found += [(NULL_FLAG_REPAIR, f"annotations[{index}].{flag}: null") for flag in ("was_cancelled",
                      "ground_truth") if flag in annotation and annotation[flag] is None]
    return found


ODD_META_REPAIR = ("task meta of another type than an object, read as none (Label Studio passes on what an import "
                   "gave there; Anota reads only an object's hints: source, anota_id, language)")


def _odd_meta(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """Read a task ``meta`` that is not an object (nor null) as none, and say
    what it held. Label Studio stores whatever JSON an import gave there and
    exports it as it came, so such a file is Label Studio's own; what Anota
    reads there are an object's keys, which it does not have. The same as
    ``--from-db`` reads one /webhook stored."""
    meta = raw.get("meta")
    if meta is None or type(meta) is dict:
        return []
    raw["meta"] = None
    return [(ODD_META_REPAIR, f"meta: {described(meta)}")]


TYPE_CASE_REPAIR = "region types read in lower case ('Labels' as 'labels')"
SCORE_TEXT_REPAIR = "region scores given as a number's text (\"0.5\"), read as that number"
# A JSON number's text: what a tool that wrote the score as a string meant, with nothing to guess
# (Label Studio reads a prediction's score with float(), which also takes " 0.5" and "1_000").
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
XPATH_REPAIR = "spans with XPath offsets (a HyperText object's) placed by their text"


def _repair_regions(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """Repair three spellings of a region (in ``raw``, before the schemas read
    it), and say where; only tasks the fast paths did not take get here.

    Lower-case the ``type`` of regions spelled "Labels" or "CHOICES". Label
    Studio writes its control's tag name in lower case; another case means a
    tool rewrote the file, and there is no other type it could mean
    (HyperTextLabels is "hypertextlabels"). Left as it was, the region was
    "not exported".

    Read a span's XPath ``start`` and ``end`` (``"/p[1]/text()[1]"``: a Labels
    control on a HyperText object, whose offsets count inside an HTML node)
    as missing: the exporter then places the span by its ``text`` where that
    is unambiguous, else reports it left out. They stopped the export as
    "Not a valid integer".

    Read a region's ``score`` given as a JSON number's text (``"0.5"``) as
    that number (SCORE_TEXT_REPAIR): a score is no label, and Label Studio
    reads one so; any other string stays the schemas' error."""
    repairs = []
    for where, regions in _region_lists(raw):
        for index, region in enumerate(regions):
            region_type = region.get("type") if type(region) is dict else None
            if type(region_type) is not str:
                continue
            if (lower := region_type.lower()) in VALUE_TYPES and lower != region_type:
                region["type"] = lower
                repairs.append((TYPE_CASE_REPAIR, f"{where}[{index}].type: {region_type!r}"))
            value = region.get("value")
            if lower == SPAN_TYPE and type(value) is dict and _xpath(value.get("start")) and _xpath(value.get("end")):
                repairs.append((XPATH_REPAIR, f"{where}[{index}].value: {value['start']!r}"))
                region["value"] = {**value, "start": None, "end": None}
            if type(score := region.get("score")) is str and _JSON_NUMBER.fullmatch(score) and math.isfinite(
                    float(score)):
                repairs.append((SCORE_TEXT_REPAIR, f"{where}[{index}].score: {score!r}"))
                region["score"] = float(score)
    return repairs


def _xpath(offset: Any) -> bool:
    return type(offset) is str and offset.startswith("/")


def _region_lists(raw: dict[str, Any]) -> Iterator[tuple[str, list[Any]]]:
    """Each region list of a raw task, with its JSON path; whatever is not a list is the schemas' to word."""
    for key in ("annotations", "predictions"):
        items = raw.get(key)
        for index, item in enumerate(items if type(items) is list else ()):
            if type(item) is not dict:
                continue
            holders = [(f"{key}[{index}]", item)]
            if type(embedded := item.get("prediction")) is dict:
                holders.append((f"{key}[{index}].prediction", embedded))
            for where, holder in holders:
                if type(result := holder.get("result")) is list:
                    yield f"{where}.result", result


# -------------------------------------------------------------------------
# The fast path: exact JSON types only; None means "let the schema decide".
# -------------------------------------------------------------------------


class _NotFast(Exception):
    pass


def _fast_task(raw: dict[str, Any]) -> Task | None:
    try:
        task_id, data, meta = raw["id"], raw["data"], raw.get("meta")
        annotations, predictions = raw.get("annotations"), raw.get("predictions")
        _require(_is_int(task_id) and type(data) is dict and _is_dict_or_none(meta))
        _require(_is_list_or_none(annotations) and _is_list_or_none(predictions))
        # A Label Studio 0.x export (the schema says so), or its completions beside annotations (left out, said)
        _require(not raw.get("completions"))
        return Task(
            id=task_id,
            data=data,
            meta=meta or {},
            annotations=one_name_per_user([_fast_annotation(item) for item in annotations or ()]),
            predictions=[p for item in predictions or () if (p := _fast_prediction_or_id(item)) is not None],
            left_out=_drafts_left_out(raw) or None,
        )
    except (_NotFast, KeyError):
        return None


def _fast_annotation(raw: Any) -> Annotation:
    _require(type(raw) is dict)
    result, annotator = raw.get("result"), raw.get("completed_by")
    _require(_is_int_or_none(raw.get("id")) and _is_list_or_none(result))
    # Spelled out: two generators an annotation cost more than the tests.
    # Absent is false; null is too, but said (load_task's NULL_FLAG_REPAIR): not taken here.
    _require(type(raw.get("was_cancelled", False)) is bool and type(raw.get("ground_truth", False)) is bool)
    _require(type(raw.get("created_at")) in _OPTIONAL_STR and type(raw.get("updated_at")) in _OPTIONAL_STR)
    user_id = None
    if type(annotator) is dict:  # a user object: one without an email or id is the schema's error
        annotator, user_id = user_object_annotator(annotator.get("email"), annotator.get("id"))
        _require(annotator is not None)
    _require(type(annotator) in (int, str, type(None)))
    regions = None if result is None else [_fast_region(region) for region in result]
    prediction = _embedded_prediction(raw.get("prediction"), _fast_prediction)
    return build_annotation(raw, regions, None if annotator is None else str(annotator), prediction, user_id)


def _fast_prediction_or_id(raw: Any) -> Prediction | None:
    if _is_int(raw):
        return None
    return _fast_prediction(raw)


def _fast_prediction(raw: Any) -> Prediction:
    _require(type(raw) is dict)
    result, version = raw.get("result"), raw.get("model_version")
    _require(_is_int_or_none(raw.get("id")) and _is_list_or_none(result) and type(version) in (str, type(None)))
    return Prediction(raw.get("id"), version or "unknown", [_fast_region(region) for region in result or ()])


def _fast_region(raw: Any) -> Region:
    # The hot loop of an export (tens of regions per task): checks inlined.
    if type(raw) is not dict:
        raise _NotFast
    region_type, control, value = raw["type"], raw.get("from_name"), raw.get("value", _NO_VALUE)
    score, meta, region_id = raw.get("score"), raw.get("meta"), raw.get("id")
    if type(value) is not dict or type(meta) not in _OPTIONAL_DICT or type(region_type) is not str:
        raise _NotFast
    if type(score) is int:
        score = float(score)
    elif score is not None and (type(score) is not float or not math.isfinite(score)):
        raise _NotFast
    if region_id is not None and type(region_id) is not str:
        region_id = str(region_id)
    if region_type == SPAN_TYPE:
        labels, start, end, text = value["labels"], value.get("start"), value.get("end"), value.get("text")
        to_name = raw.get("to_name")
        if (type(control) is not str or not control or type(start) not in _OPTIONAL_INT
                or value.get("choices") is not None
                or type(end) not in _OPTIONAL_INT or type(text) not in _OPTIONAL_STR or not _strings(labels)
                or type(to_name) not in _OPTIONAL_STR):
            raise _NotFast
        span = SpanValue(start=start, end=end, text=text, labels=tuple(labels))
        return SpanRegion(id=region_id, control=control, to_name=to_name, value=span, score=score,
                          meta=_region_meta(meta))
    if region_type == CHOICES_TYPE:
        if type(control) is not str or not control or not _strings(value["choices"]):
            raise _NotFast
        return ChoiceRegion(id=region_id, control=control, value=ChoiceValue(tuple(value["choices"])), score=score,
                            meta=_region_meta(meta))
    if region_type == TAXONOMY_TYPE and not of_a_region(value):
        paths = value.get(TAXONOMY_TYPE)
        if type(control) is not str or not control or type(paths) is not list or not paths or not all(
                map(_strings, paths)):
            raise _NotFast
        return TaxonomyRegion(id=region_id, control=control, value=joined_paths(paths), score=score,
                              meta=_region_meta(meta))
    # "Labels" or "CHOICES": load_task reads it in lower case and says so (a perRegion "taxonomy" is plain).
    if type(control) not in _OPTIONAL_STR or (region_type.lower() in VALUE_TYPES and region_type != TAXONOMY_TYPE):
        raise _NotFast
    if region_type == RELATION_TYPE:
        return relation_region(raw)
    return other_region(region_type, control, value, region_id)


_NO_VALUE: dict[str, Any] = {}
_OPTIONAL_INT = (int, type(None))
_OPTIONAL_STR = (str, type(None))
_OPTIONAL_DICT = (dict, type(None))


def _require(condition: bool) -> None:
    if not condition:
        raise _NotFast


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_int_or_none(value: Any) -> bool:
    return value is None or type(value) is int


def _is_dict_or_none(value: Any) -> bool:
    return value is None or type(value) is dict


def _is_list_or_none(value: Any) -> bool:
    return value is None or type(value) is list


def _strings(value: Any) -> bool:
    """A non-empty list of non-empty strings."""
    if type(value) is not list or not value:
        return False
    if len(value) == 1:
        return type(value[0]) is str and value[0] != ""
    return all(type(item) is str and item != "" for item in value)


# -------------------------------------------------------------------------
# The typed decode: JSON bytes straight into structs of the keys Anota reads.
# -------------------------------------------------------------------------

_Regions = list[SpanRegion | ChoiceRegion]  # another region type: not plain, the paths above read it
# A task's regions: read as _Regions, or with their names as Literals (_Names.regions).
_R = TypeVar("_R", bound=_Regions)


# The fields in the order Label Studio writes its keys: msgspec looks a key up from the field after the
# last one found, so that a key in that order is found at the first comparison.
class _Prediction(msgspec.Struct, Generic[_R], gc=False):
    id: _Int | None = None
    result: _R | None = None
    model_version: str | None = None


class _User(msgspec.Struct, gc=False):
    id: str | _Int | None = None
    email: str | _Int | None = None


class _Annotation(msgspec.Struct, Generic[_R], gc=False):
    id: _Int | None = None
    completed_by: str | _Int | _User | None = None
    result: _R | None = None
    was_cancelled: bool = False  # null is not plain: load_task reads it and says so
    ground_truth: bool = False
    created_at: str | None = None
    updated_at: str | None = None
    prediction: _Prediction[_R] | None = None


class _Task(msgspec.Struct, Generic[_R], gc=False, kw_only=True):
    id: _Int
    annotations: list[_Annotation[_R]] | None = None
    # Empty, as Label Studio writes a task nobody left a draft of: a task with drafts takes the paths below,
    # which say them left out when they hold labels (_drafts_left_out). Read as a list, and looked at here,
    # they cost 0.12% of a JSONL export's instructions. Between annotations and predictions: Label Studio's order.
    drafts: tuple[()] | None = None
    predictions: list[_Int | _Prediction[_R]] | None = None
    data: msgspec.Raw
    meta: msgspec.Raw = _NULL
    completions: msgspec.Raw = _NULL  # a Label Studio 0.x export: the schema says so


class _StringsTask(_Task[_R], Generic[_R], gc=False, kw_only=True):
    """A task whose data and meta hold strings only (Anota's preloaded tasks:
    text, anota_id, source), built by msgspec: parsed apart by orjson, they
    cost 2% of a JSONL export's instructions. A string reads the same in
    both (escapes, pairs of surrogates; both refuse a lone one)."""

    data: dict[str, str]
    meta: dict[str, str] | None = None


class TaskDecoder:
    """The typed decode of tasks, for one file: data and meta read as objects
    of strings first (:class:`_StringsTask`), and as any JSON (passed to
    orjson, so that numbers read as on every path: orjson reads an integer
    beyond 64 bits as a float, msgspec as an integer) from the first task
    whose data or meta are not, so that such a file does not pay a refused
    decode at each task.

    The names of regions (controls, objects, labels and choices) are learnt
    from the first tasks decoded, and read from then on as ``Literal`` types of
    them (:meth:`_Names.regions`): msgspec then returns each name's one
    string, whose hash is kept, where it made, hashed and freed a string for
    every name of every region (2.9% of a JSONL task's instructions, 2.5% of
    its CPU time: bench/HISTORY.md, session 40). A task holding a name not
    learnt is refused by that decode and read as before, and its names learnt;
    after ``LEARNINGS`` decoders so made (a file of ever new names) names are
    read as strings."""

    LEARNINGS = 4
    # Names are learnt once this many tasks are read: making the decoders that read them goes through typing's
    # generics (1-14 ms), which a small export would not win back (the bench's tasks save about 1 us each).
    LEARN_AFTER = 256

    def __init__(self) -> None:
        self.strings_only = True
        self.names = _Names(set(), set(), set())
        self.learnings = 0
        self.plain_tasks = 0  # read with names as strings (all of them learnt)
        self.named: Any = None  # the type of a task's regions with the names learnt as Literals
        # (a list of tasks, data of strings only) -> the decoder reading ``named``, made when first asked.
        self.decoders: dict[tuple[bool, bool], msgspec.json.Decoder] = {}

    def task(self, data: bytes | memoryview | str) -> Task | None:
        """One task object (JSON bytes or text), loaded; None when it is not in
        the plain form the typed decode reads (the caller then parses it and
        loads it with :func:`load_task`, which words any error)."""
        try:
            return _task_of(self._decoded(False, data))
        # ValidationError is a DecodeError; msgspec raises RecursionError on an object
        # nested about 1,000 deep, even in a key it skips (orjson and json then word it).
        except (msgspec.DecodeError, orjson.JSONDecodeError, _NotFast, RecursionError):
            return None

    def tasks(self, data: bytes) -> list[Task] | None:
        """Several task objects (a JSON list of them), loaded at once; None when
        one of them is not in the plain form :meth:`task` reads (the
        caller then reads them one by one). One decode for several tasks of
        Label Studio's compact export: finding each task's end and decoding it
        apart cost about a tenth of a JSONL export's instructions."""
        try:
            return list(map(_task_of, self._decoded(True, data)))
        except (msgspec.DecodeError, orjson.JSONDecodeError, _NotFast, RecursionError):
            return None

    def _decoded(self, many: bool, data: bytes | memoryview | str) -> Any:
        if self.named is not None:
            key = many, self.strings_only
            decoder = self.decoders.get(key) or self.decoders.setdefault(key, _decoder(self.named, *key))
            try:
                return decoder.decode(data)
            except msgspec.ValidationError:  # a name not learnt, or data not of strings: read as below
                pass
        decoded = self._plain(many, data)
        if self.learnings < self.LEARNINGS:
            self._learn(decoded if many else [decoded])
        else:
            self.named = None
        return decoded

    def _plain(self, many: bool, data: bytes | memoryview | str) -> Any:
        if self.strings_only:
            try:
                return _plain_decoder(many, True).decode(data)
            except msgspec.ValidationError:  # a value of another type: data's or meta's, or a region's
                pass
        decoded = _plain_decoder(many, False).decode(data)
        self.strings_only = False  # it was data's or meta's
        return decoded

    def _learn(self, tasks: list[_Task]) -> None:
        """Learn the names of the tasks' regions, and once ``LEARN_AFTER``
        tasks are read, read them as Literals from the next decode on. The
        names of every task read are learnt, each name's first string kept:
        the export's counts are keyed by the first strings it met, and a learnt
        string that is that one is compared by identity (learnt from a later
        task, an equal string of its own: 4.1k instructions a task more)."""
        self.plain_tasks += len(tasks)
        for task in tasks:
            for annotation in task.annotations or ():
                self.names.add(annotation.result)
                if annotation.prediction is not None:
                    self.names.add(annotation.prediction.result)
            for prediction in task.predictions or ():
                if type(prediction) is not int:
                    self.names.add(prediction.result)
        if self.plain_tasks >= self.LEARN_AFTER:
            self.learnings += 1
            self.named = self.names.regions()
            self.decoders = {}


@dataclass
class _Names:
    """The names a file's regions hold (see TaskDecoder)."""

    controls: set[str]
    objects: set[str]
    values: set[str]

    def add(self, regions: _Regions | None) -> None:
        for region in regions or ():
            self.controls.add(region.control)
            if type(region) is SpanRegion:
                if region.to_name is not None:
                    self.objects.add(region.to_name)
                self.values.update(region.value.labels)
            else:
                self.values.update(region.value.choices)

    def regions(self) -> Any:
        """The type of a task's regions whose names are these (as ``Literal`` types):
        still :class:`SpanRegion` and :class:`ChoiceRegion`, parametrized. None
        before any region is seen."""
        if not self.controls:
            return None
        control = Literal[tuple(sorted(self.controls))]  # type: ignore[valid-type]
        # A file whose spans name no object (a tool's export) reads them as strings, as before.
        objects = Literal[tuple(sorted(self.objects))] if self.objects else str  # type: ignore[valid-type]
        values = Annotated[tuple[Literal[tuple(sorted(self.values))], ...],  # type: ignore[valid-type]
                           msgspec.Meta(min_length=1)]
        span = SpanRegion[control, objects | None, values]  # type: ignore[valid-type]
        return list[span | ChoiceRegion[control, values]]  # type: ignore[valid-type]


def _decoder(regions: Any, many: bool, strings_only: bool) -> msgspec.json.Decoder:
    """The typed decode of a task (``many``: of a list of tasks) whose regions are of type ``regions``
    (None: :data:`_Regions`, names read as strings), its data and meta read as objects of strings
    (``strings_only``: :class:`_StringsTask`) or as any JSON."""
    task = _StringsTask if strings_only else _Task
    if regions is not None:  # parametrized only then: typing's generics cost about 1 ms a type
        task = task[regions]
    return msgspec.json.Decoder(list[task] if many else task)


@functools.cache
def _plain_decoder(many: bool, strings_only: bool) -> msgspec.json.Decoder:
    """:func:`_decoder` reading names as strings: made when first asked (an export uses one or two)."""
    return _decoder(None, many, strings_only)


def _object(raw: msgspec.Raw) -> dict[str, Any] | None:
    value = orjson.loads(memoryview(raw))
    if value is not None and type(value) is not dict:
        raise _NotFast
    return value


def _task_of(raw: _Task) -> Task:
    data, meta = raw.data, raw.meta
    if type(data) is not dict:  # any JSON (see TaskDecoder): parsed by orjson, as on every path
        data, meta = _object(data), None if meta is _NULL else _object(meta)
    if data is None or raw.completions is not _NULL:  # the schema's error, or left out and said
        raise _NotFast
    return Task(  # id, data, meta, annotations, predictions: by position (see _annotation_of)
        raw.id,
        data,
        meta or {},
        one_name_per_user([_annotation_of(item) for item in raw.annotations or ()]),
        [_prediction_of(item) for item in raw.predictions or () if type(item) is not int],
    )


def _annotation_of(raw: _Annotation) -> Annotation:
    annotator, prediction, user_id = raw.completed_by, raw.prediction, None
    if type(annotator) is _User:  # one without an email or id is the schema's error
        annotator, user_id = user_object_annotator(annotator.email, annotator.id)
        if annotator is None:
            raise _NotFast
    # In field order, by position: a keyword costs the call a name lookup.
    return Annotation(
        raw.id,  # id
        raw.result,  # regions
        raw.was_cancelled,
        raw.ground_truth,
        None if annotator is None else str(annotator),  # annotator
        raw.created_at or "",
        raw.updated_at or raw.created_at or "",
        # prediction: Label Studio writes ``{}`` when the annotation did not start from a prediction.
        _prediction_of(prediction) if prediction is not None and prediction.result else None,
        user_id,
    )


def _prediction_of(raw: _Prediction) -> Prediction:
    return Prediction(raw.id, raw.model_version or "unknown", raw.result or [])
