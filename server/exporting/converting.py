"""From tasks to examples: load and check each task, place its spans on its
text, apply the policy that decides which annotation counts (latest,
ground-truth, majority, all; cancelled annotations never become labels), and
give each example a split from a hash of its source document.
"""

from __future__ import annotations

import datetime
import functools
import logging
import math
import operator
import os
import re
import sys
import unicodedata
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import orjson

from schemas.label_studio_export import (
    HYPERTEXT_TYPE,
    NO_ZONE,
    SPAN_TYPE,
    Annotation,
    ChoiceRegion,
    Prediction,
    RegionAnswer,
    RelationRegion,
    SpanRegion,
    SpanValue,
    Task,
    TaskError,
    TaxonomyRegion,
    UserNames,
    described,
    instant,
    json_type,
    load_task,
    shown_id,
)
from server.exporting.encoded_texts import with_decoded_texts
from server.exporting.examples import (
    CLAIM_LABELS,
    SENTIMENT_CONTROL,
    Example,
    ExportError,
    Attributes,
    Labels,
    Notes,
    Relation,
    Span,
    leave_out,
    span_answer,
    span_answers,
    with_attribute,
    with_notes,
)
from server.exporting.pages import WITHOUT_OFFSETS, with_page_texts, with_regions
from server.exporting.placing import cuts_a_character, offsets_fit, one_byte, place_span, unplaced_kind
from server.exporting.report import OUTVOTED_CHOICES, OUTVOTED_SPANS, ExportReport, Predicted, join_values
from server.exporting.sources import Source, TaskIds, is_anota_report
from server.remote_texts import LabelStudioConnection, LinkedTexts, TextUnavailable, looks_like_link

if TYPE_CHECKING:  # for hints only: tempfile (with shutil, bz2, lzma, random) is imported at a first link
    import tempfile

log = logging.getLogger(__name__)

PARAGRAPH_TYPE = "paragraphlabels"
REGION_ID = operator.attrgetter("id")

POLICIES = ("latest", "ground-truth", "majority", "all")
# Only schemas.label_studio_export.join_path writes a backslash into a Taxonomy value.
ESCAPED_PATHS = "taxonomy items holding ' / ' or '\\' escaped with a backslash"
LINK_AS_TEXT = "texts that look like a link taken as they are (their spans quote the link itself)"
NAMED_BY_ID = ("annotators the file gave as a bare user id before their user object: exported under the object's "
               "name (its email) throughout, the examples written before it came renamed at the end")
SAME_ANNOTATOR = ("tasks with several finished annotations by one annotator (one vote under majority, their "
                  "latest; each a side of an agreement pair)")
# Under majority, one annotator's second annotation (a correction, a second pass) is no second opinion: one
# annotator, one vote, their latest finished annotation; the others are folded into it, counted here.
FOLDED_VOTES = ("annotations folded under majority: one annotator, one vote (their latest finished annotation "
                "counted, the earlier ones not)")
# Label Studio gives a perRegion control's result the id of the region it describes: an answer about one span
# (a choice, a TextArea's text, a Rating), not about the task: carried on the span (its attributes, which jsonl
# writes); one whose span is not exported goes with it, said.
# A choice under a span region's id whose control the labeling config shows as a task's (not perRegion): a
# script's reused id, or a config changed since; the task's choice, as the config says.
TASK_CHOICE_UNDER_SPAN_ID = ("choices under a span region's id whose control the labeling config does not make "
                             "perRegion, counted as the task's choices")
# Label Studio gives one region one id (its span, and its perRegion answers under the same id); two spans drawn
# apart under one id come from a script or an edited file. Both are exported (the dataset holds no region id); a
# perRegion answer under the id cannot say which it is about. Said there, where the answers are carried (a set of
# every annotation's ids, to say it of spans nothing else names, cost 0.85% of a JSONL export's instructions).
SPANS_SHARING_AN_ID = ("perRegion answers under a region id that spans drawn apart share (the spans all exported, "
                       "each carrying the answers)")
# Where label-studio-sdk looks for the Label Studio that resolves a storage link, when none is given.
LABEL_STUDIO_URL_VARIABLES = ("LABEL_STUDIO_URL", "LABEL_STUDIO_HOST")
FROM_LABEL_STUDIO = "export with --from-label-studio, or set LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY"
PER_REGION_LEFT_OUT = "per-region answers (a perRegion control's, under a span region's id) whose span is not exported"
# Without the config, nothing says which data key holds a Paragraphs object's utterances: what
# is left out so, and what a task whose text is only those utterances fails with.
PARAGRAPHS_WITHOUT_CONFIG = ("regions on a Paragraphs object (an utterance's index and offsets in it), which only "
                             "the project's labeling config places: --label-config FILE exports them")
PARAGRAPHS_HINT = (" (its regions are on a Paragraphs object: an utterance's index and offsets in it, which only the "
                   "project's labeling config places; --label-config FILE exports them)")
REPEATED_ANNOTATIONS = "annotations listed twice in a task (the same content, under one id or none) kept once"
REPEATED_CHOICES = "values repeated in one choice region kept once"
# Label Studio's meta field is a region's: a choice region's (not shown for one) has no span to carry it.
CHOICE_NOTES = "notes on choice regions (meta.text), not exported"
# Label Studio's editor writes a note as a list of strings; a string is what ML backends write there (Anota's
# /predict its cues), which a region an annotator accepted keeps: read as notes, every accepted span would carry
# a model's words as an annotator's. Said, with its path, unless the region names the Anota plugin that
# predicted it (then it is that plugin's explanation), so that a note a script wrote so is not lost unseen.
STRING_NOTES = ("region meta.text given as a string, not exported as a note: an annotator's note is a list of "
                "strings, a string an ML backend's explanation (which an accepted region keeps)")
# Choosing the latest annotation compares their times; one a script wrote as "yesterday" cannot be placed.
UNREAD_TIMES = ("annotations whose updated_at (else created_at) is not an ISO 8601 time, taken as the earliest when "
                "choosing the latest")
# Under ground-truth, a ground truth that was skipped is no label: the latest finished annotation counts, said.
SKIPPED_GROUND_TRUTH = ("tasks whose ground truth (an annotation marked ground_truth) was cancelled (skipped: no "
                        "label), the latest finished one counted")
# Under ground-truth, a task none of whose annotations is marked ground truth counts its latest, said: a project
# that marked none exported as `latest` did, under a card saying `ground-truth` (session 50's walk).
NO_GROUND_TRUTH = "tasks without a ground-truth annotation (an annotation marked ground_truth), the latest counted"
# A time a script wrote without a zone, compared with one that has a zone, is read as UTC: what Label Studio
# writes, but a local time it is not; which annotation is the latest may rest on it. Said once an export.
TIMES_WITHOUT_ZONE = ("times without a time zone read as UTC when choosing the latest, against times with one "
                      "(said once: the first task where they were compared)")
# Two annotations updated at the same moment (an import, a script) leave "the latest" undecided: the greater id
# counts, and when their labels differ, which one did is said.
TIED_LATEST = ("tasks whose latest annotations differ and were updated at the same moment (the greater id, else "
               "the first, counted; --policy all or majority keeps both)")
UNQUOTED_ASTRAL = ("spans without their text (value.text) on a text with emoji or other characters beyond U+FFFF: "
                   "placed at their offsets as code points, unchecked (UTF-16 offsets would shift them)")
# A span's to_name names the Text object it is drawn on; a tool that rewrote the file may have lost it.
_WITHOUT_OBJECT = "spans without a to_name (null, missing, empty or only whitespace)"
WITHOUT_OBJECT_PLACED = f"{_WITHOUT_OBJECT} placed on the main text, the only Text object known"
WITHOUT_OBJECT_QUOTED = (f"{_WITHOUT_OBJECT} placed on the main text, whose words they quote at their offsets (and no "
                         "other Text object's)")
WITHOUT_OBJECT_AMONG_TEXTS = (f"{_WITHOUT_OBJECT} among several Text objects, whose quote does not pin them to the "
                              "main text: not exported")
SPLIT_NAMES = {1: ("train",), 2: ("train", "test"), 3: ("train", "dev", "test")}


# Values the labeling config lacks (an old config, an import Label Studio did not check): exported as they are.
LABELS_NOT_IN_CONFIG = "labels not in the labeling config (exported as they are)"
RELATION_LABELS_NOT_IN_CONFIG = "relation labels not in the labeling config (kept as they are where written)"
CHOICES_NOT_IN_CONFIG = "choices not in the labeling config (exported as they are)"

# A span under a Choices control's name, or a choice under a Labels control's: a config changed since (a
# control renamed), or a script's mistake; exported as it is, as a label the config lacks is.
OTHER_KIND_OF_CONTROL = ("regions of another kind than their control in the labeling config (a span of a Choices "
                         "control, a choice of a Labels control; exported as they are)")


@dataclass
class Settings:
    policy: str = "latest"
    split: tuple[tuple[str, float], ...] = (("train", 1.0),)
    text_key: str | None = None
    language: str | None = None
    # Control name -> its labels or choices, from the labeling config when one is known.
    controls: dict[str, frozenset[str]] | None = None
    # Which of them draw spans (Labels, HyperTextLabels, ParagraphLabels): a span of another is noted.
    # The labels its Relations controls offer (<Relation value=...>); None when it offers none (nothing to check).
    relation_labels: frozenset[str] | None = None
    span_controls: frozenset[str] = frozenset()
    # The config's perRegion Choices and Taxonomy controls: their answers are about a span, never the task's.
    per_region_choices: frozenset[str] = frozenset()
    # Text object name -> the data key it reads, from the labeling config (else judged: TextObjects).
    text_objects: dict[str, str] | None = None
    # The config's Paragraphs objects by name (server.labeling.TextObject): their utterances are joined.
    paragraph_objects: dict[str, Any] | None = None
    # The config's HyperText objects by name (server.labeling.TextObject): each page is exported as its global text.
    hypertext_objects: dict[str, Any] | None = None
    # The config's labelled Text objects (name, data key), in its order, when it has several and --text-key
    # chose none: each is exported as its own example of the task (TaskConverter.examples).
    fields: tuple[tuple[str, str], ...] | None = None
    # Choices and Taxonomy control -> the object it is shown with (its toName): with ``fields``, its values
    # go with that object's example (the first field's, when it is none of them).
    choice_objects: dict[str, str] | None = None
    # The config's Text and HyperText objects whose texts are encoded (encoding="base64"): decoded first.
    encoded_objects: dict[str, Any] | None = None
    # The config's text is a link (<Text valueType="url">); without a config, a
    # task whose text looks like one is taken for such a project's.
    text_is_link: bool = False
    # Label Studio's address and token, to fetch such texts as /predict does
    # (None: from the environment); where to keep them (a folder made when first asked for).
    label_studio: LabelStudioConnection | None = None
    link_cache: Callable[[], Path] | None = None
    # A Choices or Taxonomy control, not named "sentiment", where /predict puts a sentiment (server.labeling) ->
    # its values (a Taxonomy's paths, joined, as exported) -> the sentiment, in the project's words.
    configured_sentiments: dict[str, dict[str, str]] | None = None
    # The config's Choices controls that take one value (choice="single", Label Studio's default).
    single_choice: frozenset[str] = frozenset()
    # The config's Choices controls that take several values (choice="multiple") -> their values, in its order:
    # the `spacy` format writes 0.0 for those an answer left out (a textcat_multilabel learns no negatives else).
    multiple_choices: dict[str, tuple[str, ...]] | None = None
    # The span labels that are claims: any case of CLAIM, and the labels where the config has /predict put them
    # ("Afirmação"); without them such a config's claims were entities, whole sentences that beat the names
    # inside them in CoNLL's and spaCy's entity tags (s47-userpass2).
    claim_labels: frozenset[str] = CLAIM_LABELS
    # Write a dataset without examples (else an export that gives none stops, saying why).
    allow_empty: bool = False

    @property
    def label_config_known(self) -> bool:
        return self.controls is not None  # set from the labeling config, and only from it


# A percentage as people write one: ASCII digits, a fraction after a point (12.5). Python's float also reads
# 1e2, 1_0, +80, .5, inf and other scripts' digits (٨٠): a typo or a pasted value, never a share meant.
PLAIN_PERCENTAGE = re.compile(r"\s*[0-9]+(?:\.[0-9]+)?\s*", re.ASCII)


def parse_split(value: str | None) -> tuple[tuple[str, float], ...]:
    """``"80/10/10"`` -> ``(("train", .8), ("dev", .1), ("test", .1))``;
    each share in plain decimal digits (PLAIN_PERCENTAGE), spaces around it allowed."""
    if not value:
        return (("train", 1.0),)
    written = value.split("/")
    parts = [float(part) for part in written] if all(PLAIN_PERCENTAGE.fullmatch(part) for part in written) else []
    if len(parts) not in SPLIT_NAMES or not math.isclose(sum(parts), 100):
        raise click.BadParameter(f"{value!r}: give 2 or 3 percentages that add up to 100, like 80/10/10, "
                                 "each in plain decimal digits (80, 12.5)", param_hint="--split")
    return tuple(zip(SPLIT_NAMES[len(parts)], (p / 100 for p in parts)))


def split_of(key: str, split: tuple[tuple[str, float], ...]) -> str:
    """The same key always lands in the same split, on any machine."""
    if len(split) == 1:  # no --split: nothing to hash
        return split[0][0]
    position = int.from_bytes(_sha256(key)[:8], "big") / 2**64
    bound = 0.0
    for name, share in split:
        bound += share
        if position < bound:
            return name
    return split[-1][0]


TEXT_KEY_GUESSED = "texts read from the only string of a task's data (no --text-key, no labeling config)"
TEXT_KEY_OF_SPANS = ("texts read from the only data key a task's spans are drawn on (their to_name, their quotes; no "
                     "--text-key, no labeling config)")
NOT_A_STRING_ID = "document sources or ids (meta.source, anota_id) that are not strings, written as their JSON text"


def _non_finite(value: Any, path: str) -> tuple[str, float] | None:
    """The path and value of the first NaN or infinity in ``value`` (a JSON value), if any (an integer of
    hundreds of digits, a HugeInteger, is a number JSON holds)."""
    if type(value) is float:
        return None if math.isfinite(value) else (path, value)
    if isinstance(value, dict):
        items: Iterable[tuple[str, Any]] = ((f"{path}.{key}", item) for key, item in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    return next((found for item_path, item in items if (found := _non_finite(item, item_path)) is not None), None)


def anota_id(task: Task, text: str) -> Any:
    """The stable id Anota gave the task when it preloaded it (a string, unless
    a tool rewrote it), else a hash of its text."""
    return task.data.get("anota_id") or task.meta.get("anota_id") or _sha256(text).hex()[:16]


def _sha256(text: str) -> bytes:
    return _sha256_of()(text.encode()).digest()


@functools.cache
def _sha256_of() -> Callable[[bytes], Any]:
    """SHA-256 without hashlib, whose import loads OpenSSL's libcrypto (+3.3 MB of peak RSS):
    an export of tasks without anota_id (any Anota did not preload) peaked at 24.1 MB for one
    task, above the bench's 21.1 MB for 20,000 (which hold anota_id: nothing hashed). CPython's
    own SHA-256, hashlib's fallback, gives the same digest for 0.07 MB."""
    try:
        from _sha2 import sha256  # Python 3.12 on
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[no-redef]  # Python 3.11
        except ImportError:  # a Python built without them
            from hashlib import sha256
    return sha256


NO_MAIN_YET = "\0 no main text object yet"
FIELDS_EXPORTED = ("tasks whose labelled Texts are each an example, with its own spans (meta.field, CSV's field: the "
                   "data key; choices with the Text they are shown with; --text-key KEY exports one)")
TEXTS_OF_SPANS = ("tasks whose spans are drawn on several of their texts (no labeling config), each text an example "
                  "with its own spans (meta.field, CSV's field: the data key; choices with the first text; --text-key "
                  "KEY exports one)")
WITHOUT_FIELD_TEXT = ("texts of a labelled Text missing from a task's data, or not strings (that Text's example not "
                      "written, its spans with it; its choices go with the first Text's)")
# TextObjects.elsewhere's answer for a span on another labelled Text that is exported as its own example.
EXPORTED_ELSEWHERE = "\0 on another exported text"


class TextObjects:
    """Which Text objects (a span region's ``to_name``) the exported text is.

    A config may label several texts of a task (a title and a body), each
    with its own Labels control; a span drawn on one is meaningless on
    another. Only spans on the main text (the ``--text-key``, else the
    config's first labelled Text) are placed on it; the others are left out
    and reported, never shifted or "repaired" onto it. A labeling config says
    which object reads which data key. An object it does not name (every
    object, without a config) is judged once per export from its spans in
    the first task that tells: the data key whose string their ``value.text``
    quotes at their offsets most often. When that does not tell (a tie, or
    none quotes any), its name does: named like the text key, it is the main
    text; like another data key, it reads that one (for this task: judged
    again at the next); else it is another text once an object is known to
    be the main one, and placed as before (repaired or reported) until then.
    A span without ``to_name`` (null, missing or empty: a rewritten file lost
    it) is placed on the main text when that is the only text known, or
    when its quote pins it there (see left_out_without_object). Choices are
    about the task, whichever object they are shown next to: all exported.
    """

    def __init__(self, text_key: str | None, objects: dict[str, str] | None) -> None:
        self.main: set[str | None] = {None}
        # The other labelled Texts exported as examples of their own (Settings.fields): their spans are theirs.
        self.exported: frozenset[str] = frozenset()
        # Read on every span: a comparison, cheaper than hashing its to_name (a new string each) for a set.
        # Until the main text's object is known, no to_name equals it: each span's is judged (elsewhere).
        self.main_name: str = NO_MAIN_YET
        self.others: dict[str, str] = {}  # object -> the data key it reads
        # What the name alone said, for one task (judged at its first span, not at each).
        self._task: Task | None = None
        self._guesses: dict[str, str | None] = {}
        # The objects of a config that describes the data: a span on another is on no text it knows.
        self.configured: frozenset[str] | None = None
        # A config none of whose texts reads the text key does not describe the data: judged instead.
        if objects and text_key in objects.values():
            self.configured = frozenset(objects)
            for name, key in objects.items():
                if key == text_key:
                    self.add_main(name)
                else:
                    self.others[name] = key

    def elsewhere(self, task: Task, text: str, key: str, name: str | None) -> str | None:
        """Why the spans on object ``name`` are not on ``text`` (the task's
        ``data[key]``), for the report; None when they are on it."""
        if name in self.main:
            return None
        if name in self.exported:
            return EXPORTED_ELSEWHERE
        if self.configured is not None and name not in self.configured:  # a renamed object, or another project's
            return (f"spans on object {name!r}, which the labeling config does not have: only the main text "
                    f"(${key}) is exported")
        reads = self.others.get(name)
        if reads is None:
            reads = self.reads(task, text, key, name)
            if reads == key or (reads is None and len(self.main) == 1):
                return None  # on the text, or nothing tells yet: placed (repaired or reported) as before
        elif reads == key:  # judged before the text was known (TaskConverter.labelled_texts): this text
            return None
        if reads is None:
            return (f"spans on Text {name!r} (its data key unknown): only the main text (${key}) is exported; "
                    "pass --label-config to say which text it is")
        return (f"spans on Text {name!r} (${reads}): only the main text (${key}) is exported; use --text-key "
                f"{reads} to export that one")

    def other_keys(self, task: Task) -> set[str]:
        """The data keys of the other texts known: the export's, and what names told for ``task``."""
        guessed = self._guesses.values() if task is self._task else ()
        return set(self.others.values()).union(key for key in guessed if key is not None)

    def reads(self, task: Task, text: str, key: str, name: str) -> str | None:
        """The data key the spans on ``name`` read: remembered for the export
        when their quotes tell (or it is named like the text key), else for the task."""
        if task is not self._task:
            self._task, self._guesses = task, {}
        if name in self._guesses:
            return self._guesses[name]
        reads, told = self._judge(task, text, key, name)
        if reads == key:
            self.add_main(name)
        elif told:
            self.others[name] = reads
        else:
            self._guesses[name] = reads
        return reads

    def add_main(self, name: str) -> None:
        self.main.add(name)
        if self.main_name is NO_MAIN_YET:
            self.main_name = name

    def _judge(self, task: Task, text: str, key: str, name: str) -> tuple[str | None, bool]:
        """The data key the spans on ``name`` read, and whether their quotes
        told (else the object's name did); ``(None, False)``: nothing tells.
        Quotes tell when most of them fit one key best: one short quote that
        happens to fit another key among spans that fit nothing (offsets
        Label Studio counted otherwise) does not."""
        quoted: Counter[str] = Counter()
        quotes = 0
        strings = [(key, text)] + [(other, value) for other, value in task.data.items()
                                   if other != key and isinstance(value, str)]
        for region in _span_regions(task, name):
            start, end, quote = region.value.start, region.value.end, region.value.text
            if type(start) is int and type(end) is int and quote:
                quotes += 1
                if 0 <= start < end:
                    quoted.update(other for other, value in strings if value[start:end] == quote)
        ranked = quoted.most_common(2)
        if ranked and 2 * ranked[0][1] > quotes and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], True
        if name == key or isinstance(task.data.get(name), str):
            return name, False
        return None, False


# What a link's file name ending says it holds, when that is no text.
MEDIA_SUFFIXES = dict.fromkeys(("jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "svg", "heic"), "an image")
MEDIA_SUFFIXES.update(dict.fromkeys(("mp3", "wav", "ogg", "flac", "m4a", "opus"), "an audio file"))
MEDIA_SUFFIXES.update(dict.fromkeys(("mp4", "webm", "mov", "avi", "mkv"), "a video"), pdf="a PDF")


def media_kind(link: str) -> str | None:
    """``"an image (.jpg)"`` when ``link`` names a file no text can be read from, else None."""
    path = urllib.parse.urlsplit(link.strip()).path
    suffix = path.rpartition(".")[2].lower() if "." in path.rpartition("/")[2] else ""
    return f"{MEDIA_SUFFIXES[suffix]} (.{suffix})" if suffix in MEDIA_SUFFIXES else None


def quoted_on(text: str, annotations: list[Annotation]) -> bool:
    """Whether the annotations' span regions that quote their text (at least
    one) all quote ``text`` at their offsets."""
    quoting = [region.value for annotation in annotations for region in annotation.regions or ()
               if type(region) is SpanRegion and region.value.text]
    return bool(quoting) and all(quotes(text, value) for value in quoting)


def quotes(text: str, value: SpanValue) -> bool:
    """Whether ``text`` holds the span's quote at its offsets."""
    return (type(value.start) is int and 0 <= value.start and type(value.end) is int
            and text[value.start:value.end] == value.text)


def _span_regions(task: Task, name: str) -> Iterator[SpanRegion]:
    """The span regions on object ``name`` in the task's annotations and predictions."""
    for item in (*task.annotations, *task.predictions):
        for region in item.regions or ():
            if type(region) is SpanRegion and region.to_name == name:
                yield region


def copy_extras(labels: Labels, example: Example) -> None:
    """The example given its labels' notes, attributes and relations, as copies: the exporters re-key them on the
    spans they trim."""
    if labels.notes:
        example.notes = dict(labels.notes)
    if labels.attributes:
        example.attributes = dict(labels.attributes)
    if labels.relations:
        example.relations = list(labels.relations)
    example.extras = True


class TaskConverter:
    """Turns loaded tasks into examples under one policy, counting into a report."""

    def __init__(self, settings: Settings, report: ExportReport, user_names: UserNames | None = None) -> None:
        self.settings = settings
        self.report = report
        report.survival.claim_labels = report.annotators.claim_labels = settings.claim_labels
        self.finished_by = report.annotators.finished  # counted on every task: one attribute to read
        self.text_objects = TextObjects(settings.text_key, settings.text_objects)
        # With several labelled Texts (Settings.fields): each field's objects, and which one is converted.
        self.fields = None if settings.fields is None else [
            (name, key, self.field_objects(key, settings)) for name, key in settings.fields]
        self.field_index = 0
        self.field_name: str | None = None
        self.task_fields = self.fields or []  # the fields the task converted holds a text for
        # The first field's document id, source and split, which the task's other fields share: (task, ...).
        self.task_document: tuple[Task, Any, Any, str] | None = None
        if self.fields is None:  # one text (nearly always): its examples without a call between
            self.examples = self.field_examples  # type: ignore[method-assign]
        # Without a labeling config or --text-key, a task whose spans are drawn on several of its texts (a title
        # and a body: Label Studio names a Text by its data key) gives an example of each, as with the config
        # (labelled_texts); before session 42 one text was exported and the others' spans reported.
        self.auto_fields = settings.text_objects is None and settings.fields is None and not settings.text_key
        self.main_objects = self.text_objects
        # Whether the task's text may hold combining marks (one beyond Latin-1): its spans are placed by
        # place_whole_characters.
        self.marks_possible = False
        # The control names found to have a visible character: an export has a few (see check_controls).
        self.checked_controls: set[str] = set()
        # The spans' control name the last check found: nearly every project has one Labels control.
        self.span_control: str | None = None
        # Each user's one name across the file (a bare id and a user object alike).
        self.user_names = UserNames() if user_names is None else user_names
        # Made at the first link: a session and a folder for what is fetched.
        self._linked_texts: LinkedTexts | None = None
        self._link_folder: tempfile.TemporaryDirectory[str] | None = None

    @staticmethod
    def field_objects(key: str, settings: Settings) -> TextObjects:
        """The Text objects as the field reading ``key`` sees them: its own the
        main text, the other fields' exported in their own examples."""
        objects = TextObjects(key, settings.text_objects)
        objects.exported = frozenset(name for name, other in settings.fields or () if other != key)
        return objects

    def examples(self, task: Task) -> list[Example]:
        """The task's examples: one per counted annotation (one under every
        policy but ``all``); with several labelled Texts (Settings.fields), so
        for each of them, in the config's order, its own spans on its own text.
        With one text, ``field_examples`` stands in its place (see __init__)."""
        self.report.note(FIELDS_EXPORTED if self.settings.fields else TEXTS_OF_SPANS, f"task {task.id}")
        found = []
        # A task without a later field's text loses that example, said (one without the main text's stops).
        self.task_fields = [field for index, field in enumerate(self.fields)
                            if not index or self.has_text(task, field[1])]
        try:
            for index, (name, key, objects) in enumerate(self.task_fields):
                self.field_index, self.field_name, self.text_objects = index, name, objects
                found += self.field_examples(task, key)
        finally:
            self.field_index, self.task_document = 0, None
        return found

    def labelled_texts(self, task: Task) -> list[tuple[str, list[str | None]]]:
        """Without a labeling config: the texts of ``task`` its submitted
        annotations draw spans on, (data key, the objects read as it), the
        main text (the guessed key) first, then in the data's order. An
        object's key is judged as TextObjects judges it (its spans' quotes,
        else its name); spans on an object nothing tells of, or on none, are
        the main text's, as with one text. The main text is one of them also
        when none of the task's spans is on it but an earlier task's were (an
        example without spans, as with a config; a text never labelled is
        context, not a text without entities). Empty when the main text is
        the only one."""
        names = dict.fromkeys(region.to_name for annotation in task.annotations if not annotation.was_cancelled
                              for region in annotation.regions or () if type(region) is SpanRegion)
        guess = _guess_text_key(task.data)
        main_text = task.data.get(guess, "") if guess else ""
        keys: dict[str, list[str | None]] = {} if guess is None or self.main_objects.main_name is NO_MAIN_YET else {
            guess: []}
        main = self.main_objects.main
        for name in names:
            if name in main and guess is not None:  # known to read the main text (Anota's own tasks: every one)
                keys.setdefault(guess, []).append(name)
                continue
            reads = None if not name or name.isspace() else self.main_objects.reads(task, main_text, guess or "", name)
            if reads is not None and isinstance(task.data.get(reads), str):
                keys.setdefault(reads, []).append(name)
            elif guess is not None:
                keys.setdefault(guess, []).append(name)
        if guess is not None and list(keys) in ([], [guess]):
            return []
        order = list(task.data)
        return sorted(keys.items(), key=lambda item: (item[0] != guess, order.index(item[0])))

    def texts_examples(self, task: Task, fields: list[tuple[str, list[str | None]]]) -> list[Example]:
        """The examples of a task whose spans are drawn on several texts
        (labelled_texts), one a text, as a config's labelled Texts are
        (``examples``), the objects read as a config's: each text's spans
        its own; choices with the first."""
        objects_of = {name: key for key, names in fields for name in names if name is not None}
        for key, names in fields:  # a text none of whose spans names an object: named as Label Studio names one
            if key not in objects_of.values():
                objects_of.setdefault(key, key)
        converting = []
        for key, names in fields:
            objects = TextObjects(key, objects_of)
            objects.exported = frozenset(name for name, other in objects_of.items() if other != key)
            converting.append((next((name for name in names if name is not None), None), key, objects))
        self.fields = converting
        try:
            return TaskConverter.examples(self, task)
        finally:
            self.fields, self.text_objects, self.task_fields = None, self.main_objects, []

    def has_text(self, task: Task, key: str) -> bool:
        """Whether the task holds the text under ``key``; said when not."""
        try:
            self.text_of(task, key)
        except TaskError as exc:
            path, problem = exc.problems[0]  # "Missing: the text to export (a hint for the main text)"
            self.report.leave_out(WITHOUT_FIELD_TEXT, f"task {task.id}: {path}: {problem.partition(':')[0]}")
            return False
        return True

    def choice_here(self, control: str) -> bool:
        """Whether the field converted gives ``control``'s values (with
        several fields: the field of the object the control is shown with,
        else the first)."""
        if self.fields is None:
            return True
        owner = (self.settings.choice_objects or {}).get(control)
        if owner is not None and any(name == owner for name, _key, _objects in self.task_fields):
            return owner == self.field_name
        return self.field_index == 0

    def field_examples(self, task: Task, key: str | None = None) -> list[Example]:
        """The task's examples on the text under ``key`` (None: the one text exported)."""
        others = False  # whether, without a config, the task's data holds more than its text
        if key is None:
            # One text in the data besides Anota's id and language hint (nearly always, Anota's own tasks
            # included): a length, no look at the regions, which cost such a task 4% (19k instructions).
            data = task.data
            others = self.auto_fields and len(data) - ("anota_id" in data) - ("language" in data) > 1
            if others and (fields := self.labelled_texts(task)):
                if len(fields) > 1:
                    return self.texts_examples(task, fields)
                key = fields[0][0]
                self.report.note(TEXT_KEY_OF_SPANS, f"task {task.id}: data.{key}")
            else:
                key = self.text_key(task)
        text = self.text_of(task, key)
        first = self.field_index == 0  # what is said of the task as a whole is said once
        if first:
            if (named_by_id := self.user_names.name(task.annotations)) is not None:  # nearly never
                self.say_named_by_id(task, named_by_id)
            if task.repairs or task.left_out or len(task.annotations) > 1:  # the call only then
                self.say_of_task(task)
        finished = self.finished(task, said=first)
        if first:  # each annotator's finished annotations: one, nearly always (a loop cost less than a map)
            finished_by = self.finished_by
            for annotation in finished:
                finished_by[annotation.annotator] = finished_by.get(annotation.annotator, 0) + 1
        if finished and (self.settings.text_is_link or looks_like_link(text)):
            if (text := self.text_behind_link(task, key, text, finished)) is None:
                return []
        fitted: dict[SpanValue, list[Span]] = {}  # shared by the task's regions: see place()
        placed = self.placed_labels(task, key, text, finished, fitted)
        if not placed:
            if first:
                self.say_unannotated(task)
            return []
        chosen = self.apply_policy(task, placed)
        # Nearly never (a relation, a TextArea...): said of the counted annotations only. One annotation nearly
        # always: its labels asked, without a generator to make.
        if placed[0][1].left_out is not None or len(placed) > 1 and any(labels.left_out for _a, labels in placed):
            self.say_left_out(placed, chosen)
        # The data key is said with several labelled Texts; without a config, also of a task holding another
        # string: a later task may draw spans on it, and a line written before that was seen would lack it.
        field = key if self.fields is not None or others and _other_strings(task.data, key) else None
        return self.chosen_examples(task, key, text, chosen, fitted, field)

    def placed_labels(self, task: Task, key: str, text: str, finished: list[Annotation],
                      fitted: dict[SpanValue, list[Span]]) -> list[tuple[Annotation, Labels]]:
        """Each finished annotation with its labels placed on ``text``; the
        annotators' agreement counted where there are several."""
        self.marks_possible = not one_byte(text)
        # A loop, not a comprehension: one would make self, task, key, text and fitted closure cells, each
        # made and freed on every task and read through it on every use here (see spans_of).
        placed = []
        for annotation in finished:
            placed.append((annotation, self.labels(task, key, text, annotation, fitted)))
        if len(placed) > 1:  # agreement needs two
            first = self.field_index == 0
            table = self.report.annotators
            # Two annotators' span answers counted once, for Agreement and for their pair
            into = table.pair_of_two(placed) if len(placed) == 2 else None
            spans = self.report.agreement.add_task([labels for _annotation, labels in placed],
                                                   another_text=not first, into=into)
            if first:
                self.check_annotators(task, finished)
            table.add_placed(placed, first, update_order, spans)
        return placed

    def say_named_by_id(self, task: Task, named_by_id: list[tuple[str, str]]) -> None:
        """Say who a user named by a bare id is, once the file gives its
        object, and keep the name for the end of the export, where the
        examples written under the id take it (server.exporting.running)."""
        for user, name in named_by_id:
            self.report.note(NAMED_BY_ID, f"task {task.id}: {user} is {name}")
            self.report.renamed_annotators[user] = name

    def say_of_task(self, task: Task) -> None:
        """Say what the loading found of the task as a whole (repairs, what it
        left out), once a task, and keep an annotation listed twice once."""
        for kind, where in task.repairs or ():
            self.report.repair(kind, f"task {task.id}, {where}")
        for kind, where in task.left_out or ():
            self.report.leave_out(kind, f"task {task.id}, {where}")
        annotations = task.annotations
        if len(annotations) > 1 and len({annotation.id for annotation in annotations}) < len(annotations):
            self.drop_repeated(task)  # an id twice (or several without one): nearly never

    def text_behind_link(self, task: Task, key: str, link: str, finished: list[Annotation]) -> str | None:
        """The text a task's ``link`` stands for: fetched from Label Studio,
        else the link itself when the spans quote it (None, said, when it
        cannot be fetched). A link to media stops the export: no text there."""
        if media := media_kind(link):  # an image project's export, say: nothing to fetch
            raise TaskError(task.id, "", [(f"data.{key}", f"a link to {media}, not a text: anota export writes "
                                           "the labelled texts of text projects")])
        if not self.settings.text_is_link and quoted_on(link, finished):
            # Spans drawn on a fetched text do not quote the link at their offsets: this link is the text.
            self.report.note(LINK_AS_TEXT, f"task {task.id}: {link[:60]!r}")
            return link
        return self.linked_text(task, link)

    def say_unannotated(self, task: Task) -> None:
        """Say that ``task`` gives no example: no finished annotation. A
        snapshot of predictions only (a project never annotated) is said so:
        the error that no task gave an example shows this detail, and
        "without a finished annotation" alone left the builder wondering where
        the labels it saw in Label Studio went."""
        only_predicted = " (predictions only: a prediction is no label)" if (
            task.predictions and not task.annotations) else ""
        self.report.leave_out("tasks without a finished annotation", f"task {task.id}{only_predicted}")

    def chosen_examples(self, task: Task, key: str, text: str, chosen: list[tuple[list[Annotation], Labels]],
                        fitted: dict[SpanValue, list[Span]], field: str | None) -> list[Example]:
        """An example of each of the labels the policy chose (``chosen``: the
        annotations counted, their labels), counted into the report; ``field``
        the data key its ``meta.field`` names (None: none)."""
        if self.task_document is not None and self.task_document[0] is task:  # a later field: the task's document
            _task, the_id, source, split = self.task_document
        else:
            the_id, source, split = self.document(task, text)
            if self.fields is not None:
                self.task_document = (task, the_id, source, split)
        language = self.settings.language or _language_hint(task)
        sentiments = self.settings.configured_sentiments
        examples = []
        for counted, labels in chosen:
            # One annotation counted (nearly always): its annotator and id, without comprehensions to make.
            if len(counted) == 1:
                annotation_ids = [counted[0].id]
                annotators = [] if counted[0].annotator is None else [counted[0].annotator]
            else:
                annotation_ids = [a.id for a in counted]
                annotators = sorted({a.annotator for a in counted if a.annotator is not None})
            # In field order, by position (text, labels, task_id, anota_id, source, annotators,
            # annotation_ids, split, language, claim_labels): a keyword costs its call a name lookup.
            example = Example(
                text, labels, task.id, the_id, source, annotators, annotation_ids, split, language,
                self.settings.claim_labels,
            )
            if sentiments:
                example.configured_sentiment = configured_sentiment(labels, sentiments)
            if labels.extras:  # nearly never: notes, attributes or relations
                copy_extras(labels, example)
            if field is not None:
                example.field_key = field
            self.count_example(task, key, text, counted, example, fitted)
            examples.append(example)
        return examples

    def count_example(self, task: Task, key: str, text: str, counted: list[Annotation], example: Example,
                      fitted: dict[SpanValue, list[Span]]) -> None:
        """Count an example into the report (its labels, and how the
        predictions survived into them), checking on the way what a label
        new to the report may hold."""
        self.count_survival(task, key, text, counted, example, fitted)
        # Compared in C with the spans' name checked last, nearly always theirs: see check_span_controls.
        controls = example.labels.controls
        if operator.countOf(controls.values(), self.span_control) != len(controls):
            self.check_span_controls(task, counted, controls)
        if self.report.count_example(example):
            self.check_visible(task, example.labels)

    def document(self, task: Task, text: str) -> tuple[Any, Any, str]:
        """The task's document id (Anota's, else a hash of ``text``), source and split."""
        the_id = anota_id(task, text)
        source = task.meta.get("source") or task.data.get("source")
        if source is not None and type(source) is not str:
            source = self.as_json_text(task, "source", source, "meta" if task.meta.get("source") else "data")
        if type(the_id) is not str:
            the_id = self.as_json_text(task, "anota_id", the_id, "data" if task.data.get("anota_id") else "meta")
        return the_id, source, split_of(source or the_id, self.settings.split)

    def say_left_out(self, placed: list[tuple[Annotation, Labels]], chosen: list[tuple[list[Annotation], Labels]]
                     ) -> None:
        """Report what the annotations the policy counts hold and no format
        writes (relations, TextAreas, Ratings...): ``latest`` counts one of a
        task's annotations, and the others' were said as if exported."""
        counted = {id(annotation) for annotations, _labels in chosen for annotation in annotations}
        for annotation, labels in placed:
            if id(annotation) in counted and labels.left_out:
                for kind, detail in labels.left_out:
                    self.report.leave_out(kind, detail)

    def as_json_text(self, task: Task, key: str, value: Any, held_in: str) -> str:
        """A document's ``source`` or ``anota_id`` that is not a string (a
        number, an object), as its JSON text: what the split hashes and the
        dataset holds. Python's ``str`` wrote ``{'url': 'a'}`` and ``True``.
        An integer of hundreds of digits (which orjson cannot write) is said
        as such, as errors say it. A NaN or an infinity, anywhere in it, is
        no JSON value (orjson wrote ``null``, and the split hashed that):
        an error naming its path, as a NaN score is."""
        if (found := _non_finite(value, f"{held_in}.{key}")) is not None:
            path, number = found
            raise TaskError(task.id, "", [(path, f"Not a finite number but {described(number)}: give the "
                                                 f"document's {key} as a string, or leave it out")])
        text = orjson.dumps(value, default=described, option=orjson.OPT_SORT_KEYS).decode()
        self.report.note(NOT_A_STRING_ID, f"task {task.id}: {key} {text[:60]}")
        return text

    def text_key(self, task: Task) -> str:
        if key := self.settings.text_key:
            return key
        key = _guess_text_key(task.data)
        if key is None:
            strings = sorted(key for key, value in task.data.items() if isinstance(value, str))
            what = f"cannot tell which of {strings} is the text" if strings else "no string value to export as the text"
            if not strings and (inside := _nested_string_keys(task.data, not _on_paragraphs(task))):  # $doc.body
                what += f"; strings under other keys: {', '.join(inside)}"
            raise TaskError(task.id, "", [("data", f"{what} (pass --text-key or --label-config)")])
        if key != "text":  # a guess: said, as the key a config or --text-key would name
            self.report.note(TEXT_KEY_GUESSED, f"task {task.id}: data.{key}")
        return key

    def text_of(self, task: Task, key: str) -> str:
        text = task.data.get(key)
        stop = None  # where a path into nested data stops
        if text is None and key not in task.data and (nested := nested_value(task.data, key)) is not None:
            found, text = nested
            stop, text = (None, text) if found else (text, None)
        if not isinstance(text, str):
            what = stop or ("Missing" if text is None and key not in task.data else
                            f"Not a string but {json_type(text)}")
            # A config writes the key as "$text"; --text-key takes the data key itself.
            hint = f" (--text-key takes the data key without '$': --text-key {key[1:]})" if (
                key.startswith("$") and key not in task.data and key[1:] in task.data) else ""
            if not hint and key not in task.data:
                hint = _where_strings_are(task.data, not _on_paragraphs(task))
            raise TaskError(task.id, "", [(f"data.{key}", f"{what}: the text to export{hint}")])
        return text

    def linked_text(self, task: Task, url: str) -> str | None:
        """The text behind ``url``, fetched from Label Studio as /predict
        fetches it; None, and the task left out saying why, when it cannot be had."""
        if self._linked_texts is None:
            if self.settings.link_cache is not None:
                cache = self.settings.link_cache()
            else:  # removed with the converter
                import tempfile

                self._link_folder = tempfile.TemporaryDirectory(prefix="anota-linked-texts-")
                cache = Path(self._link_folder.name)
            self._linked_texts = LinkedTexts(cache)
        try:
            return self._linked_texts.fetch(url, task.id, self.settings.label_studio)
        except TextUnavailable as exc:
            self.report.leave_out("tasks whose text (a link) could not be fetched", f"task {task.id}: "
                                                                                    f"{self.not_fetched(url, exc)}")
            return None

    def not_fetched(self, url: str, exc: TextUnavailable) -> str:
        """Why the text behind ``url`` could not be had. A storage link or a
        path on Label Studio (``s3://...``, ``/data/local-files/?d=...``)
        with no Label Studio known: said so, not the SDK's words for it (a
        FileNotFoundError's 200 characters, which made the error 620 long)."""
        if self.settings.label_studio:
            return str(exc)
        if not url.startswith(("http://", "https://")) and not any(map(os.environ.get, LABEL_STUDIO_URL_VARIABLES)):
            return (f"cannot fetch {url}: a link Label Studio resolves (its storage or its files), and no Label "
                    f"Studio is known: {FROM_LABEL_STUDIO}")
        return f"{exc} (without --from-label-studio, Anota fetches it from LABEL_STUDIO_URL with LABEL_STUDIO_API_KEY)"

    def drop_repeated(self, task: Task) -> None:
        """Keep an annotation listed twice in a task (the same id, or none and
        the same content: files merged by a script) once, and say so: counted
        twice, it would be two votes under ``majority`` and a pair in
        agreement. Two different annotations under one id stop the export:
        which one counts cannot be told. Annotations without an id differ by
        their content (annotator, times, result): equal ones are one."""
        first: dict[int, int] = {}
        kept = []
        for index, annotation in enumerate(task.annotations):
            if annotation.id is None:
                twin = next((place for place, other in enumerate(task.annotations[:index])
                             if other.id is None and other == annotation), None)
                if twin is None:
                    kept.append(annotation)
                else:
                    self.report.repair(REPEATED_ANNOTATIONS, f"task {task.id}, annotation without an id: "
                                                             f"annotations[{index}] as annotations[{twin}]")
            elif first.setdefault(annotation.id, index) == index:
                kept.append(annotation)
            elif annotation == task.annotations[first[annotation.id]]:
                self.report.repair(REPEATED_ANNOTATIONS, f"task {task.id}, annotation {annotation.id}: "
                                                         f"annotations[{index}] as annotations[{first[annotation.id]}]")
            else:
                raise TaskError(task.id, "", [(f"annotations[{index}].id", (
                    f"annotation id {annotation.id} is also annotations[{first[annotation.id]}]'s, which differs: "
                    "two annotations under one id (files merged?), which one counts cannot be told"))])
        if len(kept) < len(task.annotations):
            task.annotations = kept

    def check_annotators(self, task: Task, finished: list[Annotation]) -> None:
        """Say when one annotator finished several of a task's annotations.
        Each is a side of an agreement pair (annotations imported under one
        account may be several people's, which nothing tells from one
        person's second annotation); under ``majority`` only the latest is a
        vote (``one_vote_each``). Said, so that it does not pass unseen."""
        annotators = [annotation.annotator for annotation in finished if annotation.annotator is not None]
        if len(set(annotators)) == len(annotators):
            return
        for annotator in sorted({name for name in annotators if annotators.count(name) > 1}):
            ids = [annotation.id for annotation in finished if annotation.annotator == annotator]
            self.report.note(SAME_ANNOTATOR, f"task {task.id}: annotator {annotator!r}: annotations {ids}")

    def finished(self, task: Task, said: bool = True) -> list[Annotation]:
        """The task's annotations that count (not cancelled, with a result),
        what was left out said when ``said`` (once a task)."""
        finished = []
        for annotation in task.annotations:
            if annotation.regions and not annotation.was_cancelled:  # nearly all: no message to word
                finished.append(annotation)
                continue
            if annotation.regions is not None and not annotation.was_cancelled:
                finished.append(annotation)  # an empty result: exported without labels
            if not said:
                continue
            where = f"task {task.id}, annotation {annotation.id}"
            if annotation.was_cancelled:
                self.report.leave_out("cancelled (skipped) annotations", where)
                if annotation.annotator is not None:
                    self.report.annotators.cancelled[annotation.annotator] += 1
            elif annotation.regions is None:
                self.report.leave_out("annotations without a result", where)
            else:
                self.report.note("annotations with an empty result (exported without labels)", where)
        return finished

    def labels(self, task: Task, key: str, text: str, annotation: Annotation, fitted: dict[SpanValue, list[Span]]
               ) -> Labels:
        """The labels ``annotation`` gives the text under ``key``: its spans
        placed on ``text`` (``fitted``: the task's spans placed so far, by
        region value), its choices, the perRegion answers on their spans;
        what no format writes said or kept in ``labels.left_out``."""
        labels = Labels()
        controls = labels.controls
        known = self.settings.controls
        main_name = self.text_objects.main_name
        marks_possible = self.marks_possible
        merging = None  # control -> its values, when a control has several regions (see merge_choices)
        answers = None  # perRegion answers (region, number, answer), carried on their spans after the loop
        relations = None  # relation regions (region, number), kept between their spans after the loop
        for number, region in enumerate(annotation.regions or ()):
            # The span regions' step is inline, not a call: a span region's call cost 0.5k instructions,
            # twenty of them a task.
            if isinstance(region, SpanRegion):
                # On another object, or none (a rewritten file lost it): nearly never.
                if region.to_name != main_name and self.span_elsewhere(task, key, text, annotation, labels, region,
                                                                        number):
                    continue
                if known is not None:
                    self.check_known(known, task, annotation, region, number)
                # Two calls, not a bound method chosen once: calling one from a variable cost 2.6k
                # instructions a task (callgrind), self.place's call is the interpreter's fast one.
                if marks_possible:
                    placed = fitted.get(region.value) or self.place_whole_characters(text, region, fitted, task,
                                                                                     annotation, number)
                else:
                    placed = fitted.get(region.value) or self.place(text, region, fitted, task, annotation, number)
                for span in placed:
                    if span in controls:  # the same span again (a span's hash is computed once)
                        self.say_identical(task, annotation, region, number, span)
                    controls[span] = region.control
                if region.meta.text:  # nearly never: one test per region
                    self.take_notes(task, annotation, labels, region, number, placed)
            elif isinstance(region, ChoiceRegion):
                if self.fields is not None and not self.choice_here(region.control):
                    continue  # another field's example gives it
                if region.meta.text:
                    self.say_choice_notes(task, annotation, region, number)
                if region.id is not None and _about_a_span(annotation, region.id) and not self.task_level(
                        task, annotation, region, number):
                    answers = _with_answer(answers, region, number, list(dict.fromkeys(region.value.choices)))
                elif self.settings.per_region_choices and region.control in self.settings.per_region_choices:
                    # A perRegion answer whose span the annotation no longer holds: no task's choice.
                    leave_out(labels, PER_REGION_LEFT_OUT, self.where(
                        task, annotation, region, number,
                        f"{region.control}: {list(region.value.choices)} ({_no_span_named(region.id)})"))
                else:
                    merging = self.add_choices(task, annotation, labels, region, number, merging)
            elif type(region) is RegionAnswer and _has_span_region(annotation, region.id):
                answers = _with_answer(answers, region, number, region.answer)
            elif type(region) is RelationRegion:  # nearly never: its ends are placed once the loop is done
                relations = _with_answer(relations, region, number, None)
            elif not self.field_index:  # what no format writes is said once, of the first field's
                self.leave_out_region(task, annotation, labels, region, number)
        self.finish_labels(task, key, text, annotation, labels, merging, answers, fitted)
        if relations:
            self.keep_relations(task, text, annotation, labels, relations, fitted)
        return labels

    def keep_relations(self, task: Task, text: str, annotation: Annotation, labels: Labels,
                       relations: list[tuple[Any, int, Any]], fitted: dict[SpanValue, list[Span]]) -> None:
        """Keep each relation between two spans of ``labels`` in ``labels.relations``; one whose end is no
        span of this text (another Text's, a region of another kind, an id the annotation lacks) or a
        region placed as several spans (several labels) is left out, said as before with why."""
        kept = []
        main_name = self.text_objects.main_name
        for region, number, _none in relations:
            ends = [_placed_region(annotation, region_id, text, fitted, labels) for region_id in (region.from_id,
                                                                                             region.to_id)]
            if all(type(end) is Span for end in ends):
                kept.append(Relation(ends[0], ends[1], _relation_labels(region.labels),
                                     _relation_direction(region.direction)))
                self.check_relation_labels(task, annotation, region, number, kept[-1].labels)
            elif not self.field_index if self.fields is None else _drawn_on(annotation, region, main_name,
                                                                            first_field=not self.field_index):
                why = "".join(f": {end}" for end in ends if type(end) is str and end)
                leave_out(labels, RELATIONS_LEFT_OUT, self.where(task, annotation, region, number,
                                                                 f"{relation_ends(annotation, region)}{why}"))
        if kept:
            labels.relations = kept
            labels.extras = True

    def check_relation_labels(self, task: Task, annotation: Annotation, region: RelationRegion, number: int,
                              labels: tuple[str, ...]) -> None:
        """Note a kept relation's labels that the config's Relations do not offer, as a span's are noted: an old
        config or a label typed by hand, kept as they are, never dropped."""
        offered = self.settings.relation_labels
        if offered is not None and (unknown := [label for label in labels if label not in offered]):
            self.report.note(RELATION_LABELS_NOT_IN_CONFIG, self.where(
                task, annotation, region, number,
                f"{relation_ends(annotation, region)}: {'|'.join(unknown)!r} is none of {'|'.join(sorted(offered))}"))

    def task_level(self, task: Task, annotation: Annotation, region: ChoiceRegion, number: int) -> bool:
        """Whether a choice under a span region's id (a perRegion answer to
        Label Studio) is the task's all the same: the labeling config shows
        its control as a task's (not perRegion), so carried on the span it
        would vanish from the task's choices. Said, as the config's reading."""
        if region.control not in (self.settings.choice_objects or {}):  # no config, or a perRegion control
            return False
        self.report.repair(TASK_CHOICE_UNDER_SPAN_ID, self.where(task, annotation, region, number,
                                                                 f"{region.control}: {join_values(region.value.choices)}"))
        return True

    def finish_labels(self, task: Task, key: str, text: str, annotation: Annotation, labels: Labels,
                      merging: dict[str, dict[str, None]] | None, answers: list[tuple[Any, int, Any]] | None,
                      fitted: dict[SpanValue, list[Span]]) -> None:
        """The last steps of :meth:`labels`, once its regions are read: the
        perRegion ``answers`` carried on their spans, the choices of a control
        of several regions (``merging``) merged, the choices' controls
        checked, the spans sorted."""
        choices = labels.choices
        if answers:  # nearly never: perRegion controls
            self.attach_answers(task, key, text, annotation, labels, answers, fitted)
        if merging:
            choices.update((control, tuple(values)) for control, values in merging.items())
        # The choices' control names, checked once an export: their hashes are known (made keys of ``choices``).
        # The spans' are checked on the examples written (``check_span_controls``).
        if not self.checked_controls.issuperset(choices):
            self.check_controls(task, [annotation], choices)
        # Each span once, as ``controls`` holds them (one list append a span less).
        labels.spans = sorted(labels.controls)

    def span_elsewhere(self, task: Task, key: str, text: str, annotation: Annotation, labels: Labels,
                       region: SpanRegion, number: int) -> bool:
        """Whether a span region whose ``to_name`` is not the main text's is
        left out of this text's labels (drawn on another Text: exported with
        that one, or said; on none: see left_out_without_object)."""
        if not region.to_name or region.to_name.isspace():  # "  " names no object either
            return self.left_out_without_object(task, annotation, region, number, text, key)
        if elsewhere := self.text_objects.elsewhere(task, text, key, region.to_name):
            if elsewhere is not EXPORTED_ELSEWHERE:
                leave_out(labels, elsewhere, self.where(task, annotation, region, number, "/".join(region.value.labels)))
            return True
        return False

    def say_identical(self, task: Task, annotation: Annotation, region: SpanRegion, number: int, span: Span
                      ) -> None:
        """Say that ``span`` is in the annotation's labels already (kept once)."""
        self.report.repair("identical spans in one annotation kept once", self.where(
            task, annotation, region, number, f"{span.label} [{span.start}, {span.end})"))

    def take_notes(self, task: Task, annotation: Annotation, labels: Labels, region: SpanRegion, number: int,
                   placed: list[Span]) -> None:
        """Carry a span region's notes (``meta.text``) to its ``placed``
        spans; a string there is no note: said (leave_out_string_note)."""
        if (notes := region.meta.notes) is not None:
            self.keep_notes(labels, placed, notes)
        else:
            self.leave_out_string_note(task, annotation, region, number)

    def say_choice_notes(self, task: Task, annotation: Annotation, region: ChoiceRegion, number: int) -> None:
        """Say that a choice region's note is not exported: a choice has no span to carry it."""
        if (notes := region.meta.notes) is None:
            self.leave_out_string_note(task, annotation, region, number)
        elif any(note.strip() for note in notes):
            self.report.leave_out(CHOICE_NOTES, self.where(task, annotation, region, number, " | ".join(notes)))

    def add_choices(self, task: Task, annotation: Annotation, labels: Labels, region: ChoiceRegion, number: int,
                    merging: dict[str, dict[str, None]] | None) -> dict[str, dict[str, None]] | None:
        """Add a choice region's values to ``labels.choices``, each once; a
        control's second region merged into its first's (``merging``, as
        merge_choices keeps it, returned)."""
        if (known := self.settings.controls) is not None:
            self.check_known(known, task, annotation, region, number)
        values = region.value.choices
        if len(values) > 1:  # nearly never: several values, or one repeated
            values = self.distinct_choices(task, annotation, region, number)
            if len(values) > 1 and type(region) is ChoiceRegion:
                self.note_several_choices(task, annotation, region, number, values)
        if type(region) is TaxonomyRegion and any("\\" in value for value in values):
            self.report.note(ESCAPED_PATHS, self.where(task, annotation, region, number, " | ".join(values)))
        choices = labels.choices
        if region.control in choices:  # Label Studio gives a control one region: keep every value
            merging = self.merge_choices(merging, choices, region.control, values)
            self.report.repair("choice regions of one control merged", self.where(
                task, annotation, region, number, f"{region.control}: + {'|'.join(values)}"))
        else:
            choices[region.control] = values
        return merging

    def leave_out_region(self, task: Task, annotation: Annotation, labels: Labels, region: Any, number: int
                         ) -> None:
        """Keep in ``labels.left_out`` a region of a control no format writes
        (a relation, a TextArea...), said if its annotation is counted."""
        if region.type == PARAGRAPH_TYPE and not self.settings.label_config_known:
            leave_out(labels, PARAGRAPHS_WITHOUT_CONFIG, self.where(task, annotation, region, number))
        elif region.type.lower() == HYPERTEXT_TYPE:  # with offsets, it was made a span (server.exporting.pages)
            leave_out(labels, WITHOUT_OFFSETS, self.where(task, annotation, region, number))
        else:
            leave_out(labels, f"regions of control type {region.type!r} (not exported)",
                      self.where(task, annotation, region, number))

    def attach_answers(self, task: Task, key: str, text: str, annotation: Annotation, labels: Labels,
                       answers: list[tuple[ChoiceRegion | RegionAnswer, int, Any]],
                       fitted: dict[SpanValue, list[Span]]) -> None:
        """Carry each perRegion answer (a result under a span region's id: the
        editor's perRegion Choices, TextArea, Rating...) on the spans of that
        region placed on this text (of each region under the id: one drawn
        through several Labels controls, or spans drawn apart, said), as the
        span's ``attributes`` under the control's name. An answer about a span
        not exported here is left out with it, and said (not when its span is
        another exported text's: that example carries it)."""
        by_id: dict[str | None, list[SpanRegion]] = {}  # one region drawn through several Labels controls: several
        for region in annotation.regions or ():
            if type(region) is SpanRegion:
                by_id.setdefault(region.id, []).append(region)
        if len(by_id) < operator.countOf(map(type, annotation.regions), SpanRegion):  # an id of several spans
            self.say_spans_sharing_an_id(task, annotation, {region.id for region, _number, _answer in answers})
        attributes = labels.attributes if labels.attributes is not None else {}
        for region, number, answer in answers:
            abouts = by_id[region.id]
            spans = [span for about in abouts for span in self.placed_here(text, about, fitted)
                     if span in labels.controls]
            for span in spans:
                with_attribute(attributes, span, region.control, answer)
            if not spans and all(self.text_objects.elsewhere(task, text, key, about.to_name) is not EXPORTED_ELSEWHERE
                                 for about in abouts):
                leave_out(labels, PER_REGION_LEFT_OUT, self.where(task, annotation, region, number,
                                                                  f"{region.control}: {answer}"))
        if attributes:
            labels.attributes = attributes
            labels.extras = True

    @staticmethod
    def placed_here(text: str, region: SpanRegion, fitted: dict[SpanValue, list[Span]]) -> list[Span]:
        """The spans a region was placed as on ``text``: where ``place`` put
        them, or, repaired or not placed on this text, where place_span puts
        it (said already)."""
        placed = fitted.get(region.value)
        if placed is None:
            bounds, _message, _how = place_span(text, region)
            placed = [] if bounds is None else spans_of(bounds[0], bounds[1], region.value.labels,
                                                        text[bounds[0]:bounds[1]])
        return placed

    def say_spans_sharing_an_id(self, task: Task, annotation: Annotation, answered: set[str | None]) -> None:
        """Say the spans drawn apart under an id that perRegion ``answered``
        (``_spans_sharing_an_id``), once an annotation: the first text's."""
        shared = [f"region id {region_id!r}: {spans}" for region_id, spans in _spans_sharing_an_id(annotation.regions)
                  if region_id in answered]
        if shared and not self.field_index:
            self.report.note(SPANS_SHARING_AN_ID, f"task {task.id}, annotation {annotation.id}: {'; '.join(shared)}")

    def left_out_without_object(self, task: Task, annotation: Annotation, region: SpanRegion, number: int,
                                text: str, key: str) -> bool:
        """Say what becomes of a span whose ``to_name`` is null or missing
        (Label Studio always writes the object a region is drawn on; a tool
        that rewrote the file lost it), and whether it is left out. It is
        placed on the main text (reported as a repair) when that is the only
        text the export knows, or when its quote pins it there (its text at its
        offsets on the main text, on no other Text object's); else which text
        it was drawn on cannot be told: left out, reported."""
        what = self.where(task, annotation, region, number, "/".join(region.value.labels))
        objects = self.text_objects
        for other in annotation.regions or ():  # the task's other objects judged first, wherever they come
            if type(other) is SpanRegion and other.to_name:
                objects.elsewhere(task, text, key, other.to_name)
        other_keys = objects.other_keys(task)
        if len(objects.configured or ()) <= 1 and not other_keys:
            self.report.repair(WITHOUT_OBJECT_PLACED, what)
            return False
        value = region.value
        if value.text and quotes(text, value) and not any(type(other := task.data.get(other_key)) is str and quotes(
                other, value) for other_key in other_keys):
            self.report.repair(WITHOUT_OBJECT_QUOTED, what)
            return False
        if value.text and any(type(other := task.data.get(other_key)) is str and quotes(other, value)
                              for _name, other_key, _objects in self.task_fields if other_key != key):
            return True  # another exported Text's words: that example places it (or says why not)
        self.report.leave_out(WITHOUT_OBJECT_AMONG_TEXTS, what)
        return True

    def leave_out_string_note(self, task: Task, annotation: Annotation, region: SpanRegion | ChoiceRegion,
                              number: int) -> None:
        """Say that a region's ``meta.text`` string is not exported (see
        STRING_NOTES): not on a region Anota predicted (``meta.plugin``),
        whose string is its plugin's explanation; a blank one is no note, as an
        empty list is none."""
        text = region.meta.text
        if type(text) is str and text.strip() and not region.meta.plugin:
            self.report.leave_out(STRING_NOTES, self.where(task, annotation, region, number,
                                                           f"meta.text {text[:60]!r}"))

    @staticmethod
    def keep_notes(labels: Labels, spans: list[Span], notes: tuple[str, ...]) -> None:
        """Carry a region's notes to its spans, each once; an empty note (a field cleared) is none."""
        if len(notes) == 1:  # nearly always: Label Studio's meta field holds one
            written = notes if notes[0].strip() else ()
        else:
            written = tuple(dict.fromkeys(note for note in notes if note.strip()))
        if not written or not spans:  # a span left out takes its notes with it: it is reported
            return
        if labels.notes is None:
            labels.notes = {}
            labels.extras = True
        for span in spans:
            with_notes(labels.notes, span, written)

    @staticmethod
    def merge_choices(merging: dict[str, dict[str, None]] | None, choices: dict[str, tuple[str, ...]],
                      control: str, values: tuple[str, ...]) -> dict[str, dict[str, None]]:
        """Add a region's ``values`` to its ``control``'s earlier ones (``merging``:
        control -> its values so far, first seen first, made at the first
        merge). Kept in a dict until the annotation ends: a tuple made anew at
        each region took time as their number squared (10,000 regions: 3 s)."""
        merging = merging if merging is not None else {}
        merged = merging.get(control)
        if merged is None:
            merged = merging[control] = dict.fromkeys(choices[control])
        merged.update(dict.fromkeys(values))
        return merging

    def distinct_choices(self, task: Task, annotation: Annotation, region: ChoiceRegion, number: int
                         ) -> tuple[str, ...]:
        """A region's values, each once, first seen first. Label Studio's
        editor never repeats one; a script that appended to the list did, and
        a single choice given twice was exported as two values (``sentiment``
        left empty, ``Positive|Positive`` in CSV). Reported as a repair."""
        values = tuple(dict.fromkeys(region.value.choices))
        if len(values) < len(region.value.choices):
            self.report.repair(REPEATED_CHOICES, self.where(task, annotation, region, number,
                                                            f"{region.control}: {'|'.join(region.value.choices)}"))
        return values

    @staticmethod
    def check_visible(task: Task, labels: Labels) -> None:
        """Stop at an exported label or choice with no visible character
        (whitespace, a zero-width space, control characters), as at an empty
        one (the schemas refuse that): no class a dataset can name, and a
        CoNLL tag of it (``B- ``) breaks the columns. Called for an example
        that brings a value the report had not counted: a check per region
        cost 0.7% of an export, in the schemas a regex per label more."""
        values = [span.label for span in labels.spans] + [v for vs in labels.choices.values() for v in vs]
        if blank := next((value for value in values if not any(map(_visible, value))), None):
            what = "only whitespace" if blank.isspace() else "no visible character"
            raise TaskError(task.id, "", [(where_value(task, blank),
                                           f"{what} ({blank!r}): a label needs a visible character")])

    def check_controls(self, task: Task, annotations: list[Annotation], names: Iterable[str]) -> None:
        """Stop at a control name (a region's ``from_name``) among ``names``
        with no visible character, as the schemas stop at an empty one: it
        names no control, and its region's values or labels would be written
        under it without a word. Each name is checked once an export."""
        for name in set(names) - self.checked_controls:
            if not any(map(_visible, name)):
                what = "only whitespace" if name.isspace() else "no visible character"
                place, number = next((place, number) for place, annotation in enumerate(task.annotations)
                                     if annotation in annotations
                                     for number, region in enumerate(annotation.regions or ())
                                     if isinstance(region, (SpanRegion, ChoiceRegion)) and region.control == name)
                raise TaskError(task.id, "", [(f"annotations[{place}].result[{number}].from_name",
                                               f"Not a valid control name but {what} ({name!r}).")])
            self.checked_controls.add(name)

    def check_span_controls(self, task: Task, counted: list[Annotation], controls: dict[Span, str]) -> None:
        """Check the Labels controls' names of an example's spans (``check_controls``).
        Their names are not written in the dataset, but say which control
        drew each span (survival and majority compare spans by it). They are
        fresh strings in every region: a set lookup of each, hashing it, cost
        1.1% of a JSONL export (session 33), so ``examples`` compares them in C
        with the name this check found last, and comes here only when one
        differs (a project with several Labels controls, or a new name)."""
        if not self.checked_controls.issuperset(controls.values()):
            self.check_controls(task, counted, controls.values())
        self.span_control = next(iter(controls.values()), self.span_control)

    def check_known(self, known: dict[str, frozenset[str]], task: Task, annotation: Annotation,
                    region: SpanRegion | ChoiceRegion, number: int) -> None:
        """Note labels and controls the labeling config does not have (an old
        config, a renamed control): exported as they are, never dropped."""
        values = region.value.labels if isinstance(region, SpanRegion) else region.value.choices
        if region.control not in known:
            from server.exporting.name_forms import other_form_of  # a note's path: not loaded on an export's

            why = other_form_of(region.control, known) or self.renamed_from(region, values, known)
            self.report.note("regions of controls not in the labeling config (exported as they are)", self.where(
                task, annotation, region, number, f"control {region.control!r}{why}: {'|'.join(values)}"))
        elif (is_span := isinstance(region, SpanRegion)) != (region.control in self.settings.span_controls):
            drawn, given = ("a span", "choices") if is_span else ("a choice", "span labels")
            self.report.note(OTHER_KIND_OF_CONTROL, self.where(
                task, annotation, region, number, f"{drawn} {'|'.join(values)!r} of control {region.control!r}, "
                                                  f"which the config gives {given}"))
        elif unknown := [value for value in values if value not in known[region.control]]:
            # A choice is worded as a choice: "labels" would send a builder to the spans.
            kind, value = (LABELS_NOT_IN_CONFIG, "") if is_span else (CHOICES_NOT_IN_CONFIG, "choice ")
            from server.exporting.name_forms import other_form_of

            forms = "".join(other_form_of(one, known[region.control]) for one in unknown)
            self.report.note(kind, self.where(task, annotation, region, number,
                                              f"control {region.control!r} has no {value}{'|'.join(unknown)!r}{forms}"))

    def renamed_from(self, region: SpanRegion | ChoiceRegion, values: tuple[str, ...],
                     known: dict[str, frozenset[str]]) -> str:
        """The one control of the config, of the region's kind (spans or
        choices), that holds all of its values: most likely the control the
        config renamed since the annotations. Said, not matched: Label Studio
        finds a region's control by its from_name alone."""
        is_span = isinstance(region, SpanRegion)
        holders = [name for name, labels in known.items()
                   if (name in self.settings.span_controls) == is_span and values and labels.issuperset(values)]
        return f" (the config's {holders[0]!r} holds its values: renamed since?)" if len(holders) == 1 else ""

    def note_several_choices(self, task: Task, annotation: Annotation, region: ChoiceRegion, number: int,
                             values: tuple[str, ...]) -> None:
        """Several values of one Choices control: all are exported under
        ``choices``, but where the config allows one (a config changed since,
        or an import Label Studio did not check) or for the sentiment (the
        dataset's one ``sentiment`` then stays empty), a builder should know."""
        if region.control in self.settings.single_choice:
            kind = "several choices on a single-choice control (all exported under choices)"
        elif region.control == SENTIMENT_CONTROL:
            kind = "sentiments of several values (sentiment empty; all under choices)"
        else:
            return
        self.report.note(kind, self.where(task, annotation, region, number, "|".join(values)))

    @staticmethod
    def where(task: Task, annotation: Annotation, region: Any, number: int, what: str = "") -> str:
        where = f"task {task.id}, annotation {annotation.id}, region {region_name(region, number)}"
        return f"{where}: {what}" if what else where

    def place(self, text: str, region: SpanRegion, fitted: dict[SpanValue, list[Span]], task: Task | None = None,
              annotation: Annotation | None = None, number: int = 0) -> list[Span]:
        """The region's spans on ``text``; what was repaired or left out is
        reported for annotations (``task``, ``annotation`` and the region's
        number: apart, as a tuple made for each region cost its making), not
        for predictions (no ``task``). The spans of a region that fits the text as it is
        go into ``fitted`` under its value (never to be changed), where the
        callers look first: most predicted regions equal an annotation's, and
        then share its spans."""
        value = region.value
        # Four assignments: a tuple of four is built and unpacked (3.11 swaps only two or three).
        start = value.start
        end = value.end
        quoted = value.text
        labels = value.labels
        # Nearly every region fits the text as it is: place_span's first test,
        # inline. A slice and a comparison cost less than str.startswith(quoted,
        # start), whose arguments are parsed the old way (about 500 instructions).
        # Offsets are an int or None on every load path (the typed decode, _fast_task and the schemas
        # refuse anything else, a boolean too): ``is not None`` costs less than a type() call.
        if start is not None and end is not None and 0 <= start < end <= len(text) and (
                (sliced := text[start:end]) == quoted or quoted is None):
            # The quote, when there is one, is the span's text: its hash is computed already (the
            # region's value is looked up in ``fitted``), where the slice's would be computed again.
            if quoted is not None:
                sliced = quoted
            elif task is not None and not text.isascii() and max(text) > "\uffff":
                self.note_unchecked(task, annotation, number, region, sliced)
            # Nearly always one label: no call.
            spans = [Span(start, end, labels[0], sliced)] if len(labels) == 1 else spans_of(start, end, labels, sliced)
            fitted[value] = spans
            return spans
        return self.place_unfitted(text, region, task, annotation, number)

    def place_whole_characters(self, text: str, region: SpanRegion, fitted: dict[SpanValue, list[Span]],
                               task: Task | None = None, annotation: Annotation | None = None, number: int = 0
                               ) -> list[Span]:
        """``place`` on a text that may hold combining marks (one beyond
        Latin-1, ``marks_possible``): a span that cuts a letter off its marks,
        which ``place`` would take as it is, goes to ``place_span``, which
        widens it over them (or leaves out one that starts on a mark). Called
        in place of ``place`` when the task's text is beyond Latin-1: on a
        Latin-1 text the check of each span's edges cost 2% of a JSONL
        export's instructions (callgrind)."""
        value = region.value
        if offsets_fit(text, value.start, value.end) and cuts_a_character(text, value.start, value.end):
            return self.place_unfitted(text, region, task, annotation, number)
        return self.place(text, region, fitted, task, annotation, number)

    def place_unfitted(self, text: str, region: SpanRegion, task: Task | None, annotation: Annotation | None,
                       number: int) -> list[Span]:
        """The spans of a region whose offsets or quote do not fit the text as it is (``place``)."""
        labels = region.value.labels
        bounds, message, how = place_span(text, region)
        if task is not None and message:
            detail = (f"task {task.id}, annotation {annotation.id}, region {region_name(region, number)} "
                      f"({'/'.join(labels)}): {message}")
            if bounds is None:
                self.report.leave_out(unplaced_kind(text, region, self.settings.label_config_known), detail)
            else:
                self.report.repair("spans repaired", detail, how)
        if bounds is None:
            return []
        start, end = bounds
        return spans_of(start, end, labels, text[start:end])

    def note_unchecked(self, task: Task, annotation: Annotation, number: int, region: SpanRegion, sliced: str
                       ) -> None:
        """A span without its text on a text holding emoji: its offsets may
        count UTF-16 units (a script's, not Label Studio's), and nothing says
        which; kept as code points, as Label Studio counts, and noted."""
        self.report.note(UNQUOTED_ASTRAL, f"task {task.id}, annotation {annotation.id}, region "
                                          f"{region_name(region, number)}: {sliced!r}")

    def apply_policy(self, task: Task, placed: list[tuple[Annotation, Labels]]
                     ) -> list[tuple[list[Annotation], Labels]]:
        policy = self.settings.policy
        if policy == "all":
            return [([annotation], labels) for annotation, labels in placed]
        if policy == "majority":
            if len(placed) > 1:
                placed = self.one_vote_each(task, placed)
            return [([annotation for annotation, _l in placed], self.majority(task, placed))]
        candidates = placed
        if policy == "ground-truth":
            candidates = [pair for pair in placed if pair[0].ground_truth]
            if not candidates:
                if not self.note_skipped_ground_truth(task):
                    self.report.note(NO_GROUND_TRUTH, f"task {task.id}")
                candidates = placed
            if len(candidates) > 1 and candidates[0][0].ground_truth:  # which is the truth? say which one counted
                self.report.note("tasks with several ground-truth annotations (the latest counted)",
                                 f"task {task.id}: annotations {[a.id for a, _labels in candidates]}")
        annotation, labels = candidates[0] if len(candidates) == 1 else self.latest(task, candidates)
        return [([annotation], labels)]

    def agreeing_relations(self, task: Task, kept_spans: dict[Span, str], voted: list[Labels]
                           ) -> list[Relation] | None:
        """The relations more than half of the annotators drew (the same two ends' answers, labels and
        direction, one vote each) between two spans the majority kept (``kept_spans``), on those spans; the
        others left out, said with their votes."""
        kept = {span_answer(span): span for span in kept_spans}
        # Each annotator's once, in the order drawn (a set's order would follow the hash seed into the report).
        votes = Counter(answer for labels in voted
                        for answer in dict.fromkeys(relation.answer() for relation in labels.relations or ()))
        agreed = []
        for (head, child, labels, direction), n in votes.items():
            if 2 * n > len(voted) and head in kept and child in kept:
                agreed.append(Relation(kept[head], kept[child], labels, direction))
            else:
                why = f"{n} of {len(voted)} annotators" if 2 * n <= len(voted) else "an end without a majority"
                self.report.leave_out(OUTVOTED_RELATIONS, f"task {task.id}: {head.label} {head.text!r} "
                                      f"[{head.start}, {head.end}) {RELATION_ARROWS[direction]} {child.label} "
                                      f"{child.text!r} [{child.start}, {child.end}) ({', '.join(labels)}): {why}")
        return agreed or None

    def one_vote_each(self, task: Task, placed: list[tuple[Annotation, Labels]]) -> list[tuple[Annotation, Labels]]:
        """The votes of a task under majority: of one annotator's several
        finished annotations, the latest (as ``latest`` chooses: the time,
        then the greater id), the others folded and counted in the report.
        Annotations without an annotator are not told apart: each a vote."""
        annotators = [annotation.annotator for annotation, _labels in placed if annotation.annotator is not None]
        if len(set(annotators)) == len(annotators):  # nearly always
            return placed
        folded: set[int] = set()
        for annotator in sorted({name for name in annotators if annotators.count(name) > 1}):
            own = [pair for pair in placed if pair[0].annotator == annotator]
            kept = max(own, key=lambda pair: update_order(pair[0]))[0]
            earlier = [_named(task, annotation) for annotation, _labels in own if annotation is not kept]
            folded.update(id(annotation) for annotation, _labels in own if annotation is not kept)
            self.report.note(FOLDED_VOTES, f"task {task.id}: annotator {annotator!r}: annotation "
                                           f"{_named(task, kept)} counted, {', '.join(earlier)} folded", len(earlier))
        return [pair for pair in placed if id(pair[0]) not in folded]

    def note_skipped_ground_truth(self, task: Task) -> bool:
        """Say a ground truth that was cancelled (skipped: no label), which the
        latest finished annotation stands in for: asked for the truth, a builder
        would otherwise take the latest for it. Whether there was one."""
        if skipped := [_named(task, annotation) for annotation in task.annotations
                       if annotation.ground_truth and annotation.was_cancelled]:
            self.report.note(SKIPPED_GROUND_TRUTH, f"task {task.id}: annotation {', '.join(skipped)} cancelled")
        return bool(skipped)

    def latest(self, task: Task, candidates: list[tuple[Annotation, Labels]]) -> tuple[Annotation, Labels]:
        """The annotation updated last (ties: the greater id, then the first).
        A time that does not read counts as the earliest, and is said: which
        annotation counts then rests on a guess."""
        # Each time read once (datetime.fromisoformat): read twice, they cost the bench 1.0k instructions a task
        # (callgrind), where a fifth of the tasks have several annotations.
        moments = [moment(annotation.updated_at) for annotation, _labels in candidates]
        for (annotation, _labels), at in zip(candidates, moments):
            if at is _EARLIEST and annotation.updated_at:  # none: nothing said
                self.report.repair(UNREAD_TIMES, f"task {task.id}, annotation {annotation.id}: "
                                                 f"{annotation.updated_at[:40]!r}")
        for at in moments:  # a loop, no call: a call and a list cost the bench 0.9k instructions a task (callgrind)
            if at.tzinfo is NO_ZONE:  # nearly never: Label Studio writes "Z"
                if TIMES_WITHOUT_ZONE not in self.report.notes:
                    self.note_times_without_zone(task, candidates, moments)
                break
        (annotation, labels), last = max(zip(candidates, moments), key=lambda pair: (pair[1], pair[0][0].id or 0))
        if moments.count(last) > 1 and last is not _EARLIEST:  # a tie: nearly never
            self.note_tie(task, [pair for pair, at in zip(candidates, moments) if at == last], annotation, labels)
        return annotation, labels

    def note_times_without_zone(self, task: Task, candidates: list[tuple[Annotation, Labels]],
                                moments: list[datetime.datetime]) -> None:
        """Say that a time without a zone was read as UTC, when it was compared
        with one that has a zone (the times of one zone, or all without, keep
        their order whatever the zone)."""
        assumed = [at.tzinfo is NO_ZONE for at in moments if at is not _EARLIEST]
        if any(assumed) and not all(assumed):
            times = ", ".join(f"{_named(task, annotation)} at {annotation.updated_at[:40]}"
                              for annotation, _labels in candidates)
            self.report.note(TIMES_WITHOUT_ZONE, f"task {task.id}: annotations {times}")

    def note_tie(self, task: Task, tied: list[tuple[Annotation, Labels]], chosen: Annotation, labels: Labels
                 ) -> None:
        """Say which of the annotations updated at the same moment counted, when their labels differ."""
        if others := [_named(task, other) for other, other_labels in tied
                      if other is not chosen and other_labels != labels]:
            self.report.note(TIED_LATEST, f"task {task.id}: annotation {_named(task, chosen)} counted, "
                                          f"{', '.join(others)} left out, all updated at {chosen.updated_at[:40]}")

    def agree_extras(self, task: Task, result: Labels, voted: list[Labels]) -> None:
        """The notes, attributes and relations of the annotators' ``voted`` labels that ``result`` (the
        majority's spans) keeps."""
        if any(labels.notes for labels in voted):
            result.notes = agreeing_notes(result.spans, voted)
        if any(labels.attributes for labels in voted):
            result.attributes = self.agreeing_attributes(task, result.spans, voted)
        if any(labels.relations for labels in voted):
            result.relations = self.agreeing_relations(task, result.controls, voted)
        result.extras = True

    def majority(self, task: Task, placed: list[tuple[Annotation, Labels]]) -> Labels:
        """Spans, and values of each choice control, that more than half of
        the annotators gave. A control's values are voted on one by one, as
        spans are: a multiple-choice answer or a Taxonomy path (one value) is
        kept when most chose it, whatever else each of them chose and in
        whichever order (the order kept is the values' first appearance)."""
        voters = len(placed)
        of_voters = _of_voters(placed)
        span_votes = Counter(key for _a, labels in placed for key in span_answers(labels))
        choice_votes: dict[str, Counter[str]] = defaultdict(Counter)
        # Controls of several values, each a label of its own (an outvoted one is a label left out): those the
        # labeling config lets take several (choice="multiple"), and those some annotator gave several.
        several = set(self.settings.controls or ()) - self.settings.single_choice
        for _annotation, labels in placed:
            for control, values in labels.choices.items():
                choice_votes[control].update(dict.fromkeys(values, 1))  # once each; first seen, first kept
                if len(values) > 1:
                    several.add(control)
        controls: dict[Span, str] = {}
        kept_keys = set()  # the first annotator's span of each key kept, as drawn (the exporters trim it)
        for _annotation, labels in placed:
            for span, control in labels.controls.items():
                if 2 * span_votes[key := span_answer(span)] > voters and key not in kept_keys:
                    kept_keys.add(key)
                    controls[span] = control
        result = Labels(spans=sorted(controls), controls=controls)
        if any(labels.extras for _a, labels in placed):  # notes, attributes or relations to agree on
            self.agree_extras(task, result, [labels for _a, labels in placed])
        if len(controls) < len(span_votes):  # some outvoted: named with their votes, for adjudication
            for span in sorted(span for span, n in span_votes.items() if 2 * n <= voters):
                self.report.leave_out(OUTVOTED_SPANS,
                                      f"task {task.id}: {span.label} [{span.start}, {span.end}) {span.text!r} "
                                      f"({span_votes[span]} {of_voters})")
        for control, votes in choice_votes.items():
            if kept := tuple(value for value, n in votes.items() if 2 * n > voters):
                result.choices[control] = kept
            # Named with their votes, for adjudication; a one-value answer outvoted is no label left out.
            if len(kept) < len(votes) and (not kept or control in several):
                counted = ", ".join(f"{join_values([value])} {n}" for value, n in sorted(votes.items())
                                    if 2 * n <= voters)
                self.report.leave_out(OUTVOTED_CHOICES,
                                      f"task {task.id}, {control}: {counted} ({of_voters})")
        own = {annotation.annotator: labels for annotation, labels in placed if annotation.annotator is not None}
        if len(own) > 1:
            self.report.annotators.add_votes(own, result, task)
        return result

    def agreeing_attributes(self, task: Task, kept: list[Span], voters: list[Labels]) -> Attributes | None:
        """The perRegion answers of each span a majority kept, by control: of
        the annotators whose span voted for it (as :func:`agreeing_notes`), the
        answer most gave, the first given on a tie; differing ones are said."""
        kept_by_answer = {span_answer(span): span for span in kept}
        given: dict[tuple[Span, str], Counter[str]] = defaultdict(Counter)
        answers: dict[str, Any] = {}
        for labels in voters:
            for span, by_control in (labels.attributes or {}).items():
                if (voted_for := kept_by_answer.get(span_answer(span))) is not None:
                    for control, answer in by_control.items():
                        answers.setdefault(as_text := orjson.dumps(answer).decode(), answer)
                        given[(voted_for, control)][as_text] += 1
        attributes: Attributes = {}
        for (span, control), counts in given.items():
            (most, votes), *others = counts.most_common()
            if others:
                detail = (f"task {task.id}: {span.label} [{span.start}, {span.end}) {span.text!r}, {control}: "
                          + ", ".join(f"{answer} {n}" for answer, n in counts.items()))
                if others[0][1] == votes:  # a tie is no majority, as of a task's choices: none kept, said
                    self.report.leave_out(TIED_ANSWERS, detail)
                    continue
                self.report.note(DIFFERING_ANSWERS, detail)
            with_attribute(attributes, span, control, answers[most])
        return attributes or None

    def count_survival(self, task: Task, key: str, text: str, annotations: list[Annotation], example: Example,
                       fitted: dict[SpanValue, list[Span]]) -> None:
        predictions = task.predictions or _unique(a.prediction for a in annotations if a.prediction)
        if not predictions:
            return
        if len(predictions) > 1:  # the last of each model version (nearly always one prediction: no dict)
            predictions = list({prediction.model_version: prediction for prediction in predictions}.values())
        predicted: dict[str, Predicted] = {}
        main_name = self.text_objects.main_name
        marks_possible = self.marks_possible
        plugin = entry = None  # the last region's: most regions share their plugin with the one before
        # The last span region's control and its list in ``entry.spans``: most share it with the one before too.
        control = same_control = None
        for prediction in predictions:
            # Interned: the survival counts compare it in every key, by identity then.
            version = sys.intern(prediction.model_version)
            for region in prediction.regions:
                kind = type(region)  # load_task builds exactly these classes
                if kind is SpanRegion:
                    if region.to_name != main_name and self.text_objects.elsewhere(
                            task, text, key, region.to_name):
                        continue  # predicted on another text
                    if marks_possible:  # see labels()
                        spans = fitted.get(region.value) or self.place_whole_characters(text, region, fitted)
                    else:
                        spans = fitted.get(region.value) or self.place(text, region, fitted)
                    if not spans:  # a plugin whose regions all miss the text predicted nothing here
                        continue
                elif kind is not ChoiceRegion and kind is not TaxonomyRegion or (
                        self.fields is not None and not self.choice_here(region.control)):
                    continue
                meta = region.meta
                if (meta.plugin or version) is not plugin:  # a string (see RegionMeta)
                    plugin = meta.plugin or version
                    entry = predicted.get(plugin) or predicted.setdefault(plugin, Predicted({}, []))
                    control = None  # another entry: its list is looked up
                if kind is not SpanRegion:
                    entry.choices.append(region)
                    continue
                if region.control != control:
                    control = region.control
                    if (same_control := entry.spans.get(control)) is None:
                        # A list of its own: ``spans`` is the region's (in ``fitted``), extended below.
                        same_control = entry.spans[control] = []
                same_control += spans
                if meta.text:  # the model's explanation: counted in the survival report, no label
                    entry.noted = (entry.noted or set()).union(spans)
        self.report.survival.add(predicted, example.labels, task.id)


def agreeing_notes(kept: list[Span], voters: list[Labels]) -> Notes | None:
    """The notes of each span a majority kept: the distinct notes of every
    annotator whose span voted for it (the same answer, :func:`span_answer`:
    "Meta " drawn with the space counts for "Meta" and brings its note), in
    the annotations' order (an outvoted span's notes go with it, and it is
    reported)."""
    kept_by_answer = {span_answer(span): span for span in kept}
    notes: Notes = {}
    for labels in voters:
        if labels.notes:
            for span, found in labels.notes.items():
                if (voted_for := kept_by_answer.get(span_answer(span))) is not None:
                    with_notes(notes, voted_for, found)
    return notes or None


DIFFERING_ANSWERS = ("per-region answers that differ between annotators whose spans a majority kept (the answer most "
                     "of them gave kept)")
# Two answers given by as many of them leave the span without one (the first given had been kept, by the
# annotations' order alone): the rule a task's choices follow, where a tie keeps none.
TIED_ANSWERS = ("per-region answers tied between annotators whose spans a majority kept (none kept: a tie is no "
                "majority)")


def _named(task: Task, annotation: Annotation) -> str:
    """An annotation as a note names it: its id, else its place in the task (``annotations[1]``)."""
    if annotation.id is not None:
        return str(annotation.id)
    return f"annotations[{next(n for n, other in enumerate(task.annotations) if other is annotation)}]"


def _of_voters(placed: list[tuple[Annotation, Labels]]) -> str:
    """Who voted, as a majority's report says it: ``of 3 annotators`` (one
    vote each: ``one_vote_each`` folded an annotator's earlier annotations)."""
    return f"of {len(placed)} annotators"


def update_order(annotation: Annotation) -> tuple[datetime.datetime, int]:
    """Which of one annotator's annotations of a task is their latest: the time it was updated, then the id."""
    return moment(annotation.updated_at), annotation.id or 0


def moment(timestamp: str) -> datetime.datetime:
    """``instant``, with a time that does not read (or none) the earliest (``_EARLIEST`` itself)."""
    return instant(timestamp) or _EARLIEST


_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)


def where_value(task: Task, value: str) -> str:
    """The JSON path of the first label or choice ``value`` in the task's annotations."""
    for place, annotation in enumerate(task.annotations):
        for number, region in enumerate(annotation.regions or ()):
            key, values = (("labels", region.value.labels) if isinstance(region, SpanRegion) else
                           ("taxonomy", region.value.choices) if isinstance(region, TaxonomyRegion) else
                           ("choices", region.value.choices) if isinstance(region, ChoiceRegion) else ("", ()))
            if value in values:
                return f"annotations[{place}].result[{number}].value.{key}[{values.index(value)}]"
    return "annotations"


def configured_sentiment(labels: Labels, sentiments: dict[str, dict[str, str]]) -> str | None:
    """The sentiment the chosen values of the config's sentiment controls
    (``Settings.configured_sentiments``) give; None when none does, or when
    they give several (as a sentiment Choices with several values)."""
    found = {sentiment for control, paths in sentiments.items() for value in labels.choices.get(control, ())
             if (sentiment := paths.get(value)) is not None}
    return found.pop() if len(found) == 1 else None


def spans_of(start: int, end: int, labels: tuple[str, ...], text: str) -> list[Span]:
    """A region's spans, one a label. Apart from TaskConverter.place: a comprehension
    there made its offsets and text closure cells, made and freed at every region."""
    return [Span(start, end, label, text) for label in labels]


def _with_answer(answers: list[tuple[Any, int, Any]] | None, region: ChoiceRegion | RegionAnswer, number: int,
                 answer: Any) -> list[tuple[Any, int, Any]]:
    """``answers`` (made at the first) with a perRegion region's answer."""
    answers = answers if answers is not None else []
    answers.append((region, number, answer))
    return answers


def _no_span_named(region_id: str | None) -> str:
    """Why a per-region answer names no span: its id is no span's, or it has none (a script's answer without
    one said "no span has its id None")."""
    return "it has no id: a per-region answer names its span by the span's id" if region_id is None else f"no span has its id {region_id!r}"


def _about_a_span(annotation: Annotation, region_id: str) -> bool:
    """Whether a choice region under ``region_id`` answers about a span: another
    region of the annotation has its id (nearly never; the ids counted in C), a span region."""
    return operator.countOf(map(REGION_ID, annotation.regions), region_id) > 1 and _has_span_region(annotation, region_id)


def _has_span_region(annotation: Annotation, region_id: str) -> bool:
    """Whether a span region of the annotation has the id (a generator in
    TaskConverter.labels made its region a closure cell, made at every call)."""
    return any(type(other) is SpanRegion and other.id == region_id for other in annotation.regions)


def _spans_sharing_an_id(regions: list[Any]) -> Iterator[tuple[str, str]]:
    """Each region id under which span regions are drawn apart, with its
    spans as the report shows them. One region drawn through several Labels
    controls (the same offsets, a result of each control) is not apart."""
    by_id: dict[str, list[SpanRegion]] = {}
    for region in regions:
        if type(region) is SpanRegion and region.id is not None:
            by_id.setdefault(region.id, []).append(region)
    for region_id, spans in by_id.items():
        drawn = {(span.value.start, span.value.end) for span in spans}
        if len(drawn) > 1 or len({span.control for span in spans}) < len(spans):
            yield region_id, ", ".join(f"{'|'.join(span.value.labels)} [{span.value.start}, {span.value.end})"
                                       + (f" {span.value.text!r}" if span.value.text is not None else "")
                                       for span in spans)


OUTVOTED_RELATIONS = "relations without a majority of annotators (or an end without one)"
RELATIONS_LEFT_OUT = "relations whose ends are not two spans of the exported text (not exported)"


def _placed_region(annotation: Annotation, region_id: Any, text: str, fitted: dict[SpanValue, list[Span]],
                   labels: Labels) -> Span | str:
    """The one span of ``labels`` a relation's end (a region id) was placed as on ``text`` (where its offsets
    put it, or where its repair moved it: ``TaskConverter.placed_here``), else why there is none ("": no span
    region has the id, which the relation's detail shows)."""
    for region in annotation.regions or ():
        if type(region) is SpanRegion and region_id is not None and region.id == str(region_id):
            placed = [span for span in TaskConverter.placed_here(text, region, fitted) if span in labels.controls]
            if len(placed) == 1:
                return placed[0]
            return "its span has several labels" if placed else "its span is not exported with this text"
    return ""  # relation_ends says it: "region 'x' (no span region of that id in the annotation)"


def _drawn_on(annotation: Annotation, relation: RelationRegion, name: str, first_field: bool) -> bool:
    """Whether a relation belongs to the text object ``name``, for saying it left out once: its first end that is a
    span region is drawn there (several labelled Texts: each text's example says its own); one with no span end
    belongs to the first text's."""
    for region_id in (relation.from_id, relation.to_id):
        for region in annotation.regions or ():
            if type(region) is SpanRegion and region_id is not None and region.id == str(region_id):
                return region.to_name == name or not region.to_name
    return first_field


def _relation_direction(direction: Any) -> str:
    """Label Studio's direction ("right", "left", "bi"); none or another reads as the editor draws it: "right"."""
    return direction if type(direction) is str and direction in RELATION_ARROWS else "right"


def _relation_labels(labels: Any) -> tuple[str, ...]:
    """A relation's labels as the file gives them (a list of strings; anything else: none)."""
    if type(labels) is list and all(type(label) is str for label in labels):
        return tuple(labels)
    return ()


# How a relation's direction reads between its two ends (Label Studio's "right": from the first to the second).
RELATION_ARROWS = {"right": "->", "left": "<-", "bi": "<->"}


def relation_ends(annotation: Annotation, relation: RelationRegion) -> str:
    """A relation's two ends named by their spans (label, text, offsets)
    and its labels: ``PER 'José Saramago' [0, 13) -> LOC 'Azinhaga' [24,
    32) (nasceu_em)``. An end no span region of the annotation has is said
    by its id. Only where a relation is said left out."""
    ends = [_region_of_id(annotation, region_id) for region_id in (relation.from_id, relation.to_id)]
    arrow = RELATION_ARROWS.get(relation.direction, "->") if type(relation.direction) is str else "->"
    labels = relation.labels
    named = (f" ({', '.join(map(str, labels))})" if type(labels) is list and labels else "")
    return f"{ends[0]} {arrow} {ends[1]}{named}"


def _region_of_id(annotation: Annotation, region_id: Any) -> str:
    for region in annotation.regions or ():
        if type(region) is SpanRegion and region_id is not None and region.id == str(region_id):
            value = region.value
            text = f" {value.text!r}" if value.text is not None else ""
            return f"{'/'.join(value.labels)}{text} [{value.start}, {value.end})"
    if region_id is None:
        return "an end without its region id"
    return f"region {str(region_id)!r} (no span region of that id in the annotation)"


def region_name(region: Any, number: int) -> str:
    return getattr(region, "id", None) or f"#{number}"


def _unique(predictions: Iterable[Prediction | None]) -> list[Prediction]:
    seen, unique = set(), []
    for prediction in predictions:
        if prediction is not None and id(prediction) not in seen:
            seen.add(id(prediction))
            unique.append(prediction)
    return unique


def _guess_text_key(data: dict[str, Any]) -> str | None:
    if "text" in data:
        return "text"
    strings = _string_keys(data)
    return strings[0] if len(strings) == 1 else None


# A data key as Label Studio's editor reads ``$doc.body`` or ``$items[0].text`` (lodash's ``get``): names and
# indices. A pattern, compiled where a key is a path (re caches it): compiling at import cost every export.
_PATH_PART = r"([^.\[\]]+)|\[(\d+)\]"


def nested_value(data: dict[str, Any], key: str) -> tuple[bool, Any] | None:
    """The value at ``key`` read as a path into nested data (``doc.body``,
    ``items[0].text``), as Label Studio's editor reads a ``$`` value the data
    holds no key of: (True, value) when found; (False, why) where the path
    stops; None when ``key`` is no path (a plain name)."""
    if "." not in key and "[" not in key:
        return None
    value: Any = data
    walked = "data"
    for name, index in re.findall(_PATH_PART, key):
        if name.isdigit() and isinstance(value, list):  # items.0.text: lodash's get reads it as items[0].text
            name, index = "", name
        if index and isinstance(value, list):
            if int(index) >= len(value):
                return False, f"{walked} holds {len(value)} items, no [{index}]"
            value, walked = value[int(index)], f"{walked}[{index}]"
        elif name and isinstance(value, dict):
            if name not in value:
                return False, f"Missing: {walked} holds no key {name!r}"
            value, walked = value[name], f"{walked}.{name}"
        else:
            return False, f"{walked} is {json_type(value)}, not {'a list' if index else 'an object'}"
    return True, value


def _other_strings(data: dict[str, Any], key: str) -> bool:
    """Whether ``data`` holds a string besides the text under ``key`` (Anota's
    id and language hint apart): a text that spans may be drawn on."""
    return any(type(value) is str for name, value in data.items()
               if name != key and name != "anota_id" and name != "language")


def _nested_string_keys(data: dict[str, Any], into_lists: bool = True) -> list[str]:
    """The paths of strings one object down (``doc.body``), or in a list of
    one item (``items[0]``, ``items[0].text``), for an error: at most a few.
    A longer list is no text's place, nor a list a Paragraphs object shows
    (``into_lists`` False: a dialogue's utterances)."""
    paths = []
    for key, value in data.items():
        if into_lists and isinstance(value, list) and len(value) == 1:
            key, value = f"{key}[0]", value[0]
            if isinstance(value, str):
                paths.append(key)
        if isinstance(value, dict):
            paths += [f"{key}.{inner}" for inner, text in value.items() if isinstance(text, str)]
    return paths[:5]


def _on_paragraphs(task: Task) -> bool:
    """Whether an annotation's region is on a Paragraphs object (for an error's hint only)."""
    return any(getattr(region, "type", None) == PARAGRAPH_TYPE for annotation in task.annotations
               for region in annotation.regions or ())


def _where_strings_are(data: dict[str, Any], into_lists: bool = True) -> str:
    """A hint for a text key the data lacks: its strings' keys, else the
    paths of strings one object down (``item.text``: a script's or an
    importer's nesting, which --text-key and a config's ``$item.text`` read)."""
    if strings := _string_keys(data):
        return f" (the data holds {', '.join(map(repr, strings))}: give the text's key with --text-key)"
    if inside := _nested_string_keys(data, into_lists):
        return (f" (the data holds strings only nested, at {', '.join(inside)}: give the text's path with "
                f"--text-key {inside[0]}, say, or write it in the config's value as ${inside[0]})")
    return ""


def _string_keys(data: dict[str, Any]) -> list[str]:
    """The keys of the task data's strings that could be its text (not Anota's id)."""
    return [key for key, value in data.items() if isinstance(value, str) and key != "anota_id"]


def _language_hint(task: Task) -> str | None:
    hint = task.data.get("language") or task.meta.get("language")
    return hint if isinstance(hint, str) and hint else None


def iter_examples(source: Source, settings: Settings, report: ExportReport,
                  on_bytes: Callable[[int], None] = lambda _n: None, user_names: UserNames | None = None
                  ) -> Iterator[Example]:
    """Load, check and convert every task of ``source``, one at a time
    (``user_names``: the users' names to start from, else none)."""
    converter = TaskConverter(settings, report, user_names)
    seen = TaskIds()

    def convert(location: str, raw: Any) -> list[Example]:
        try:
            if settings.encoded_objects:
                raw = with_decoded_texts(raw, settings.encoded_objects, report)
            if settings.paragraph_objects:
                raw = joined_paragraphs(raw, settings.paragraph_objects, report)
            if settings.hypertext_objects:
                raw = with_page_texts(raw, settings.hypertext_objects, None, report)
            # isinstance first: a Task the typed decode loaded (nearly every one) skips the property's call.
            elif isinstance(raw, dict) and not settings.label_config_known and isinstance(raw.get("data"), dict):
                raw = with_page_texts(raw, None, settings.text_key or _guess_text_key(raw["data"]), report)
            task = load_task(raw, location)
            if not seen.add(task.id):
                first = next(where for where, other in source.tasks(lambda _n: None) if _raw_id(other) == task.id)
                raise ExportError(f"{source.description}: task id {task.id} appears twice, at {first} and "
                                  f"{location}; nothing was written")
            return converter.examples(task)
        except TaskError as exc:
            if kind := _annotation_or_prediction(raw):
                raise ExportError(f"{source.description}: {location}: {_not_a_task(kind, raw)}; nothing was written"
                                  ) from None
            # What the object is and what to hand in instead: the schema's complaint ("data: Missing data for
            # required field.") would point at a key of a task this object was never meant to be.
            if not_a_task := not_a_task_hint(raw):
                raise ExportError(f"{source.description}: {location}: {not_a_task}; nothing was written") from None
            hint = ("" if settings.label_config_known else _paragraphs_hint(raw)) or _media_hint(raw, exc.shown)
            raise ExportError(f"{source.description}: {TaskError(exc.task_id, location, exc.problems)}"
                              f"{hint}; nothing was written") from None
        except ExportError:
            raise
        except Exception as exc:  # a bug of Anota's on input nobody foresaw: say which task, not which exporter
            log.debug("task %s failed", location, exc_info=True)
            raise ExportError(f"{source.description}: task {shown_id(_raw_id(raw))} at {location} could not be "
                              f"exported: {type(exc).__name__}: {exc} (a bug: anota -v export ... shows where); "
                              "nothing was written") from exc

    location = "its start"
    try:
        for location, raw in source.tasks(on_bytes):
            examples = convert(location, raw)
            report.tasks_read += 1
            yield from examples  # what the exporter raises is not raised here
    except ExportError:
        raise
    except OSError as exc:  # a failing disk or network share mid-file (EIO): the input's fault, not a bug
        raise ExportError(f"{source.description}: cannot read the file after {location}: {exc.strerror or exc}; "
                          "nothing was written") from exc
    except Exception as exc:  # the reader's bug, likewise: the input's place, not the exporter
        log.debug("reading after %s failed", location, exc_info=True)
        raise ExportError(f"{source.description}: reading failed after {location}: {type(exc).__name__}: {exc} "
                          "(a bug: anota -v export ... shows where); nothing was written") from exc


def _raw_id(raw: Any) -> Any:
    """The id of a raw task object, or of a task the reader loaded."""
    if type(raw) is Task:
        return raw.id
    return raw.get("id", "?") if isinstance(raw, dict) else "?"


def _not_a_task(kind: str, raw: dict[str, Any]) -> str:
    """What an annotation or prediction object given as a task is, and what to export instead."""
    nested = raw["task"]
    if isinstance(nested, dict) and "data" in nested and type(nested.get("id")) is not int:
        return (f"an {kind} (id {shown_id(raw.get('id'))}) with its task nested under 'task', as Label Studio's target "
                f"storage writes one file per annotation, but task.id is {json_type(nested.get('id'))}, not a task "
                "id: the annotations of one task cannot be joined without it")
    if isinstance(nested, dict) and "data" in nested:  # a target storage's file: one annotation, its task nested
        return (f"an {kind} (id {shown_id(raw.get('id'))}) with its task (id {shown_id(nested.get('id'))}) nested "
                "under 'task', as Label Studio's target storage writes one file per annotation (its legacy "
                "format), among tasks: give such files apart, in a folder of their own (anota export FOLDER joins "
                "each task's annotations), or export the project as JSON, whose tasks hold all their annotations")
    article = "an" if kind == "annotation" else "a"
    return (f"{article} {kind} (id {shown_id(raw.get('id'))}, of task {shown_id(nested)}), not a task: Label "
            f"Studio's {kind}s without their tasks hold no text; export the project as JSON, whose tasks hold "
            "their annotations")


def _annotation_or_prediction(raw: Any) -> str | None:
    """What an object that fails the task schema is when it is one of Label
    Studio's annotations or predictions (its API's answers): a ``result``
    and the ``task`` it belongs to, no ``data``: "annotation" or "prediction"."""
    if not isinstance(raw, dict) or "data" in raw or "task" not in raw or not isinstance(raw.get("result"), list):
        return None
    return "prediction" if "model_version" in raw or "score" in raw else "annotation"


def _paragraphs_hint(raw: Any) -> str:
    """Why a task whose regions are on a Paragraphs object fails without the
    labeling config: its text is a list of utterances, and its spans count
    within one (``start`` is an utterance's index). Such a task is always a
    raw object: the typed decode takes no such region (schemas.label_studio_export.TaskDecoder)."""
    on_paragraphs = isinstance(raw, dict) and any(
        _on_paragraph(region) for kind in ("annotations", "predictions") for item in _listed(raw.get(kind))
        if isinstance(item, dict) for region in _listed(item.get("result")))
    return PARAGRAPHS_HINT if on_paragraphs else ""


def _media_hint(raw: Any, problems: str) -> str:
    """Why a task of an audio, video or image project fails: its regions
    count seconds or pixels (``"start": 1.25``), and its data holds a link to
    the file and no text (a text task with an image beside it gets no hint);
    nothing when ``problems`` name the link already."""
    data = raw.get("data") if isinstance(raw, dict) else None
    strings = [(key, value) for key, value in data.items() if isinstance(value, str)] if isinstance(data, dict) else []
    links = [(key, media) for key, value in strings if (media := media_kind(value))]
    if not links or any(not looks_like_link(value) for _key, value in strings):
        return ""
    key, media = links[0]
    if f"data.{key}:" in problems:
        return ""
    return (f" (data.{key} is a link to {media}, not a text: its regions count time or pixels, not characters; "
            "anota export writes the labelled texts of text projects)")


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def not_a_task_hint(raw: Any) -> str:
    """Why an object that fails the task schema may not be a task at all."""
    if not isinstance(raw, dict) or "data" in raw:
        return ""
    if isinstance(raw.get("action"), str) and raw.keys() & WEBHOOK_KEYS:
        return (f"a Label Studio webhook body (action {raw['action'][:40]}), not a task of an export: send Label "
                "Studio's webhook to Anota's /webhook and export with --from-db, or export the project as JSON")
    if set(raw) <= API_ERROR_KEYS and isinstance(raw.get("detail"), str):
        return (f"Label Studio's API answered {raw['detail'][:80]!r} instead of an export: check the URL and the "
                "access token, then download the export again")
    if tool := _other_tool(raw):
        return (f"this looks like {tool}, not a Label Studio export: Anota reads the JSON export of a Label Studio "
                "project; import it into Label Studio first")
    # A text alone is no JSON_MIN row (other tools' rows hold one too), nor an id alone.
    if "annotator" in raw or "annotation_id" in raw or ("text" in raw and raw.keys() & JSON_MIN_KEYS):
        return JSON_MIN_HINT
    if is_anota_report(raw):
        return ("Anota's report of a dataset it wrote (report.json), not a Label Studio export: give the export that "
                "dataset was made from")
    if "id" not in raw:
        listed = [key for key, value in raw.items() if isinstance(value, list) and value and isinstance(value[0], dict)]
        where = f"; the tasks look to be the list under {listed[0]!r}: jq '.{listed[0]}' gives it" if listed else ""
        return (f"an object with keys {sorted(raw)[:8]}, not a task: a Label Studio JSON export is a list "
                f"of task objects{where}")
    return ""


# What a Label Studio webhook body holds beside its "action" (server.events reads them), one or several.
WEBHOOK_KEYS = frozenset({"annotation", "annotations", "task", "tasks", "project"})
# The keys of an error Label Studio's API (Django REST framework) answers with.
API_ERROR_KEYS = frozenset({"detail", "status_code", "id", "version", "validation_errors", "exc_info"})


# Said of a JSON_MIN row alone.
JSON_MIN_HINT = ("this looks like a JSON_MIN export (Label Studio's flat row per annotation: no data, no "
                 "annotations): export the project as JSON instead (Label Studio's Export > JSON), which keeps every "
                 "annotation with its regions and annotator")
# What every item of Label Studio's JSON_MIN export holds besides its text and controls.
JSON_MIN_KEYS = frozenset({"id", "annotator", "annotation_id", "lead_time"})


def _other_tool(raw: dict[str, Any]) -> str | None:
    """Which other tool's format an object that is no task is in, when its keys say it."""
    meta, spans, label = raw.get("meta"), raw.get("spans"), raw.get("label")
    if isinstance(meta, dict) and "anota_id" in meta and isinstance(spans, list):
        return "a dataset Anota exported (jsonl)"
    # Prodigy's text classification has no spans: its hashes name it (not the text-classification rows below).
    if (isinstance(spans, list) or "label" in raw) and any(key in raw for key in ("answer", "_input_hash",
                                                                                 "_task_hash")):
        return "a Prodigy dataset (JSONL)"
    entities = raw.get("entities")
    offsets = isinstance(label, list) and label and all(isinstance(item, list) for item in label)
    if offsets or (isinstance(entities, list) and entities and isinstance(entities[0], dict)
                   and "start_offset" in entities[0]):
        return "a doccano export (JSONL)"
    if isinstance(label, (int, str)) and isinstance(raw.get("text"), str) and not raw.keys() & JSON_MIN_KEYS:
        return "a text-classification dataset (a text and its label, as Hugging Face datasets write it)"
    if isinstance(raw.get("tokens"), list) and any(key.endswith("tags") for key in raw):
        return "a token-classification dataset (tokens and their tags, as Hugging Face datasets write CoNLL-2003)"
    if isinstance(raw.get("images"), list) and isinstance(raw.get("categories"), list):
        return "a COCO dataset (images, their boxes and categories)"
    paragraphs = raw.get("paragraphs")
    if isinstance(paragraphs, list) and paragraphs and isinstance(paragraphs[0], dict) and "raw" in paragraphs[0]:
        return "spaCy v2's JSON training format"
    return None


def _visible(character: str) -> bool:
    # Not whitespace, not a format or control character (U+200B, NUL), which print as nothing, and
    # not a combining mark (U+0301), which prints on the character before it: none in a label alone.
    return character.isprintable() and not character.isspace() and unicodedata.category(character) not in ("Mn", "Me")


PARAGRAPHS_JOINED = ("Paragraphs utterances exported as one text, one utterance per line, their regions placed in "
                     "it (tasks)")


def joined_paragraphs(raw: Any, objects: dict[str, Any], report: ExportReport) -> Any:
    """``raw`` with each Paragraphs object's utterances joined one per line (as
    /predict reads them: server.labeling.object_text) and its paragraphlabels
    regions (an utterance's index and offsets within it) made spans of that
    text. A region whose indices name no utterance is left as it was: the
    checks name it. ``raw`` itself is not changed."""
    data = raw.get("data") if isinstance(raw, dict) else None
    lists = {name: obj for name, obj in objects.items()
             if isinstance(data, dict) and isinstance(data.get(obj.key), list)}
    if not lists:
        return raw
    from server.labeling import object_text, utterance_starts

    texts, starts = {}, {}
    for name, obj in lists.items():
        texts[obj.key] = object_text(obj, data) or ""
        starts[name] = utterance_starts(obj, data)
    report.repair(PARAGRAPHS_JOINED, f"task {raw.get('id')}")
    return with_regions({**raw, "data": {**data, **texts}}, lambda region: _paragraph_span(region, starts))


def _on_paragraph(region: Any) -> bool:
    """Whether a raw span region is on a Paragraphs object: a paragraphlabels
    region, or a labels one whose ``start`` and ``end`` are utterance indices
    (Label Studio writes ``"0"``) with ``startOffset`` and ``endOffset`` in
    them (a HyperText region's are XPaths: ``"/p[1]"``)."""
    if not isinstance(region, dict) or not isinstance(value := region.get("value"), dict):
        return False
    return region.get("type") == PARAGRAPH_TYPE or (region.get("type") == SPAN_TYPE and "startOffset" in value and all(
        isinstance(index := value.get(end), str) and index.isascii() and index.isdigit() for end in ("start", "end")))


def _paragraph_span(region: Any, starts: dict[str, list[int]]) -> Any:
    """A region on a Paragraphs object as a labels span of the joined utterances."""
    if not (_on_paragraph(region) and region.get("to_name") in starts):
        return region
    value = region["value"]
    lines = starts[region["to_name"]]
    first, last = _utterance_index(value.get("start"), lines), _utterance_index(value.get("end"), lines)
    offsets = value.get("startOffset"), value.get("endOffset")
    if first is None or last is None or not all(type(offset) is int for offset in offsets):
        return region
    span = {"start": lines[first] + offsets[0], "end": lines[last] + offsets[1], "text": value.get("text"),
            "labels": value.get("paragraphlabels", value.get("labels"))}
    return {**region, "type": "labels", "value": {key: item for key, item in span.items() if item is not None}}


def _utterance_index(index: Any, lines: list[int]) -> int | None:
    # Label Studio writes the index as a string ("0"); an integer is read alike.
    if isinstance(index, str) and index.isascii() and index.isdigit():
        index = int(index)
    return index if type(index) is int and 0 <= index < len(lines) else None
