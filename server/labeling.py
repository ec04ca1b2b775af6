"""Map annotators' labels onto a project's labeling config, and check regions
before they leave.

A labeling config is parsed once (``LabelInterface`` is slow to build) and
cached by its XML; so is the mapping of our labels onto its names (exact
names, ``alias`` and ``predicted_values`` first, then the common names of
:data:`LABEL_NAMES`, in Portuguese and English, whatever their case).
Validation through ``LabelInterface.validate_prediction`` depends only on a
region's control, object, type and labels, never on offsets or scores (which we
check ourselves), so each such *shape* is validated once per config and
remembered.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from server.annotators import Choice, Span

if TYPE_CHECKING:
    # label-studio-sdk's LabelInterface, with the faker, jsf and smart_open it imports, only when a config is
    # parsed: `anota tasks` and `anota label-config` parse none (its import took 0.68 s of each here)
    from label_studio_sdk.label_interface import LabelInterface

    # html5lib only for a page: an export of a Text project's tasks reads this config too
    from server.hypertext import RenderedPage

log = logging.getLogger(__name__)

# Bump when a change here maps some config's labels or choices differently: it is
# part of the model version, and Label Studio asks again only for another version.
LABEL_MAPPING_VERSION = "9"

# Objects that show a task's text, with the types of the span regions they
# take: Labels on a Text, ParagraphLabels on Paragraphs (offsets within one
# utterance), HyperTextLabels on HyperText (XPaths of the page's text nodes:
# server.hypertext), and Labels there too: Label Studio 1.23.2's editor lets
# any labels control draw on a page (RichText's ``getAvailableStates``), the
# region's type the control's (``labels``), its value a page region's (XPaths
# and ``globalOffsets``); none on a Header (a headline "$title" takes choices only).
TEXT_OBJECT_TAGS = {"Text": ("labels",), "HyperText": ("hypertextlabels", "labels"),
                    "Paragraphs": ("paragraphlabels",), "Header": ()}
SPAN_CONTROLS = {"Labels": "labels", "ParagraphLabels": "paragraphlabels", "HyperTextLabels": "hypertextlabels"}
# Controls that take a task-level suggestion (a sentiment), with their region type.
CHOICE_CONTROLS = {"Choices": "choices", "Taxonomy": "taxonomy"}
# A Choices control's ``choice``: Label Studio 1.23.2 takes "single" (the default), "single-radio" (one value drawn
# as radio buttons) and "multiple"; its editor lets only "multiple" keep more than one value (ChoicesModel's
# validate and shouldBeUnselected). The label config Anota writes says SINGLE_CHOICE.
SINGLE_CHOICE = "single"
MULTIPLE_CHOICE = "multiple"


def takes_one_value(control_attrs: dict[str, Any] | None, tag: str = "Choices") -> bool:
    """Whether a choice control keeps one value a task, as Label Studio 1.23.2's editor decides: a Choices control
    with any ``choice`` but "multiple"; a Taxonomy, which has no ``choice``, only with ``maxUsages="1"`` (its
    TaxonomyModel: ``maxUsagesReached = selected.length >= maxusages``, attribute names read lower-cased), any
    number of paths otherwise. /predict and ``anota export`` both read a control this way."""
    attrs = control_attrs or {}
    if tag == "Taxonomy":
        return any(name.lower() == "maxusages" and str(value).strip() == "1" for name, value in attrs.items())
    return attrs.get("choice", SINGLE_CHOICE) != MULTIPLE_CHOICE


# A statement qualified as one to check is a claim, the qualifier before it in
# English ("Checkable claim", "Factual statement") or after it in Portuguese
# ("Afirmação checável", "Declaração verificável"): teams name it either way.
CLAIM_HEADS = ("claim", "statement", "afirmacao", "alegacao", "declaracao")
CLAIM_QUALIFIERS = ("checkworthy", "checkable", "verifiable", "factual", "checavel", "verificavel", "fatual")
# ... or by what is to be done with it, after it in both languages, the same in the plural ("Afirmações a checar").
CLAIM_PURPOSES = ("tocheck", "toverify", "tofactcheck", "achecar", "averificar", "parachecar", "paraverificar",
                  "parachecagem", "paraverificacao")


def _portuguese_plural(word: str) -> str:
    """The plural of a folded Portuguese word: "afirmacao" -> "afirmacoes",
    "checavel" -> "checaveis", "local" -> "locais", "lugar" -> "lugares"."""
    for singular, plural in (("ao", "oes"), ("vel", "veis"), ("al", "ais"), ("r", "res"), ("z", "zes")):
        if word.endswith(singular):
            return word[: -len(singular)] + plural
    return word + "s"


def qualified_claims() -> tuple[str, ...]:
    """Folded claim names: each head with each qualifier, in either order, and
    in the Portuguese plural ("afirmacoeschecaveis": the English plural is
    one "s" at the end, which every name gets)."""
    pairs = [(head, qualifier) for head in CLAIM_HEADS for qualifier in CLAIM_QUALIFIERS]
    purposes = [(head, purpose) for head in CLAIM_HEADS for purpose in CLAIM_PURPOSES]
    return tuple(name for head, qualifier in pairs for name in (
        qualifier + head, head + qualifier, _portuguese_plural(head) + _portuguese_plural(qualifier))) + tuple(
        name for head, purpose in purposes for name in (head + purpose, _portuguese_plural(head) + purpose))


# What projects call our labels, compared folded (:func:`label_key`: case, accents,
# spaces and punctuation ignored) and with their plurals (:func:`_plurals`).
# First tier: our label under another name (Portuguese, English, the usual NER
# tag sets; a few Spanish and French forms cost nothing). Second tier: a broader
# class a project may file ours under when it has no name of its own for it
# (OntoNotes' GPE for places; CoNLL's MISC, HAREM's OUTRO/COISA for products;
# a review's Good/Bad, Bom/Ruim for sentiment). Within a tier, whole names
# come before the parts of a name that joins several ("Pessoa / Person",
# "Local (LOC)", "1 - Negativo").
# Narrower names are left out on purpose ("Empresa", "Company", "Country"):
# ours would often be wrong there, and a wrong suggestion costs an annotator more
# than none.
LABEL_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "PER": (("per", "pes", "person", "people", "pessoa", "persona", "personne"), ()),
    "ORG": (("org", "organization", "organisation", "organizacao", "organizacion"), ()),
    "LOC": (("loc", "location", "local", "localizacao", "localidade", "lugar", "place", "lieu", "ubicacion"),
            ("gpe",)),
    "PRODUCT": (("product", "produto", "producto", "produit", "prod"),
                ("misc", "miscellaneous", "diversos", "outro", "other", "coisa")),
    "CLAIM": (("claim", "checkworthy", "afirmacao", "alegacao", *qualified_claims()), ()),
    "Positive": (("positive", "positivo", "positiva", "pos", "positif", "positiv"), ("good", "bom", "boa")),
    "Negative": (("negative", "negativo", "negativa", "neg", "negatif", "negativ"), ("bad", "mau", "ruim")),
    "Neutral": (("neutral", "neutro", "neutra", "neu", "neutre"), ()),
}


class LabelingConfigError(ValueError):
    """The labeling config cannot be parsed, labels nothing, or has no text
    object where one is needed."""


def label_key(name: str) -> str:
    """A label name as the key :data:`LABEL_NAMES` holds it under: "Organização" -> "organizacao",
    "Check-worthy" -> "checkworthy"."""
    if name.isascii():  # the same key, without a pass per character (a config may hold 20,000 labels)
        return _NOT_ASCII_ALNUM.sub("", name.lower())
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if char.isalnum())


_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]")


def _plurals(name: str) -> tuple[str, ...]:
    """A folded name and its plurals in English and Portuguese ("locais", "organizacoes", "lugares")."""
    return tuple(dict.fromkeys((name, name + "s", _portuguese_plural(name))))


# What joins the parts of a label named twice ("Pessoa / Person", "PER - Pessoa").
NAME_PARTS = re.compile(r"[/|()\[\],;]|\s[-–]\s")


def _parts(name: str) -> list[str]:
    parts = NAME_PARTS.split(name)
    return [key for part in parts if (key := label_key(part))] if len(parts) > 1 else []


# Words a team adds to one of our names to say what kind of label it is
# ("Positive sentiment", "Sentimento positivo", "Person name", "Nome de pessoa"), or what it marks: a sentence
# (ANOTA_SENTENCE_SENTIMENT's spans: "Positive sentence", "Frase negativa", "Positive tone"; s48-userpass).
KIND_WORDS = frozenset(("sentiment", "sentimento", "polarity", "polaridade", "name", "nome", "entity",
                        "entidade", "de", "da", "do", "of", "sentence", "sentences", "sentenca", "sentencas",
                        "frase", "frases", "tone", "tom"))


def _core(name: str) -> list[str]:
    """The one word left of a name of several once its :data:`KIND_WORDS` are
    dropped ("Sentimento positivo" -> "positivo"); none when more are left
    ("Very positive", "Pessoa física" say more than ours)."""
    words = name.split()
    if len(words) < 2:
        return []
    left = [key for word in words if (key := label_key(word)) and key not in KIND_WORDS]
    return left if len(left) == 1 else []


# LABEL_NAMES with the plurals, as sets: built once.
_KNOWN_NAMES = {
    label: tuple(frozenset(form for name in tier for form in _plurals(name)) for tier in tiers)
    for label, tiers in LABEL_NAMES.items()
}
# Second-tier names narrower than ours: a span a project labels so is ours
# (every GPE is a place), unlike a broader class (a MISC span may be no product).
NARROWER_NAMES = {"LOC": frozenset(_plurals("gpe"))}


def label_named(name: str, labels: Iterable[str]) -> str | None:
    """Which of our ``labels`` a project's label ``name`` stands for, when its
    config is not at hand (a webhook before any /setup): ours in any case, a
    common name of it (LABEL_NAMES' first tier), or a narrower class of it."""
    folded = label_key(name)
    for label in labels:
        if folded == label_key(label) or folded in _KNOWN_NAMES[label][0] or folded in NARROWER_NAMES.get(label, ()):
            return label
    return None


@dataclass(frozen=True)
class Target:
    """Where one model label lands in the project: a control and a value."""

    from_name: str
    to_name: str
    type: str
    value: str
    single: bool = False
    # A Taxonomy's choice: the values from the top of the tree down to it.
    path: tuple[str, ...] = ()
    # A span on a HyperText page: its value the page's XPaths and global offsets, whatever its type.
    on_page: bool = False


@dataclass(frozen=True)
class TextObject:
    """One text the project labels (a ``Text`` tag and the controls pointing
    at it): its name, its key in a task's data, and model label -> target maps."""

    name: str
    key: str
    spans: dict[str, Target]
    choices: dict[str, Target]
    # valueType="url": tasks hold a link to the text (server.remote_texts).
    is_url: bool = False
    # A Paragraphs object: a task holds a list of utterances, each text under this key.
    paragraph_key: str | None = None
    # A HyperText object: a task holds a page, shown in a <div> when inline, else in an iframe.
    is_hypertext: bool = False
    inline: bool = False
    # encoding="base64" or "base64unicode" on a Text or HyperText: tasks hold the
    # text encoded, and the editor decodes it before it counts any offset.
    encoding: str = "none"

    def span_target(self, label: str) -> Target | None:
        return self.spans.get(label) or self.spans.get(label.casefold())

    @functools.cached_property
    def span_controls(self) -> dict[str, str]:
        """The span controls on this text by name, each with the type of its regions (a page takes two)."""
        return {target.from_name: target.type for target in self.spans.values()}

    def choice_target(self, label: str) -> Target | None:
        return self.choices.get(label) or self.choices.get(label.casefold())


@dataclass
class LabelingConfig:
    """A parsed labeling config: the texts it labels (a title and a body, say),
    the first of them the main one."""

    xml: str
    interface: LabelInterface
    objects: list[TextObject]
    _shape_errors: dict[tuple, list[str]] = field(default_factory=dict, repr=False)
    # By the target's id, with the target: a Target's dataclass hash is a Python call, dearer than the shape's.
    _target_errors: dict[int, tuple[Target, list[str]]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def main(self) -> TextObject:
        if not self.objects:
            raise LabelingConfigError("the labeling config has no Text object")
        return self.objects[0]

    def labels(self) -> dict[str, list[str]]:
        """Config labels by kind, as the project names them."""
        return {
            "span": sorted({target.value for obj in self.objects for target in obj.spans.values()}),
            "choice": sorted({target.value for obj in self.objects for target in obj.choices.values()}),
        }

    def shape_errors(self, region: dict[str, Any]) -> list[str]:
        """``validate_prediction``'s errors for a region's shape (cached)."""
        shape = _shape(region)
        errors = self._shape_errors.get(shape)
        if errors is None:
            probe = {"result": [region], "score": 0.5, "model_version": "probe"}
            errors = self.interface.validate_prediction(probe, return_errors=True) or []
            with self._lock:
                self._shape_errors[shape] = errors
        return errors

    def target_errors(self, target: Target, region: dict[str, Any]) -> list[str]:
        """``shape_errors`` of ``region``, a region of ``target``: every region of a target has the same shape (its
        value's keys and label are the target's), but a HyperText page's (whose value the page makes), so the shape
        is found and looked up once a target instead of once a region (callgrind: 6% of the mapping's and checks'
        instructions a suggestion)."""
        if target.on_page:
            return self.shape_errors(region)
        known = self._target_errors.get(id(target))
        if known is not None and known[0] is target:
            return known[1]
        errors = self.shape_errors(region)
        with self._lock:
            self._target_errors[id(target)] = (target, errors)
        return errors


def _shape(region: dict[str, Any]) -> tuple:
    value = region["value"]
    keys = tuple(sorted(value))
    # Each span type keeps its labels under its own name ("paragraphlabels").
    listed = value.get("labels") or value.get(region["type"]) or value.get("choices") or ()
    names = tuple(tuple(name) if isinstance(name, list) else name for name in listed)
    return (region["from_name"], region["to_name"], region["type"], keys, names)


@functools.lru_cache(maxsize=64)
def parse_labeling_config(xml: str) -> LabelingConfig:
    """Parse ``xml`` into a :class:`LabelingConfig` (cached by the XML text)."""
    from label_studio_sdk.label_interface import LabelInterface

    try:
        interface = LabelInterface(xml)
    except Exception as exc:  # the SDK raises many types on bad XML
        raise LabelingConfigError(f"cannot parse the labeling config: {exc}") from exc
    if not interface.objects:
        raise LabelingConfigError("the labeling config has no object to label (no Text, Image, ... tag)")
    texts = [obj for obj in interface.objects if obj.tag in TEXT_OBJECT_TAGS and str(obj.value).startswith("$")]
    # The texts annotators label are those a Labels or Choices control points
    # at; a config may also show texts nobody labels (notes, instructions). A
    # config that labels no text (an image project) gets empty predictions.
    paths = taxonomy_paths(xml)
    labelled = [_text_object(interface, text, paths) for text in texts]
    unlabelled = [obj for obj, text in zip(labelled, texts) if text.tag != "Header"]
    objects = [obj for obj in labelled if obj.spans or obj.choices] or unlabelled[:1]
    return LabelingConfig(xml=xml, interface=interface, objects=objects)


@functools.lru_cache(maxsize=1024)
def span_label_names(xml: str, labels: tuple[str, ...]) -> dict[str, str]:
    """A config's span labels (upper-cased) that stand for one of ``labels``,
    mapped onto it: cached by the XML text (small, so it holds far more
    configs than ``parse_labeling_config``'s cache, which every project's
    /predict shares; past 64 projects each webhook event parsed its project's
    config again, 0.5 ms). Callers must not change the dict."""
    names = {}
    for obj in parse_labeling_config(xml).objects:
        for name, target in obj.spans.items():
            if name.upper() in labels:
                names[target.value.upper()] = name.upper()
    return names


def taxonomy_nodes(xml: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every choice of every Taxonomy control: the control's name and the
    choice's path from the top ("Sentiment", "Positive"). LabelInterface
    flattens the tree into values, so the XML is read again."""
    if "<Taxonomy" not in xml:
        return
    for taxonomy in ElementTree.fromstring(xml).iter("Taxonomy"):
        below: list[tuple[ElementTree.Element, tuple[str, ...]]] = [(taxonomy, ())]
        while below:
            element, path = below.pop()
            for choice in element.findall("Choice"):
                node = (*path, choice.get("value", ""))
                yield taxonomy.get("name", ""), node
                below.append((choice, node))


def taxonomy_paths(xml: str) -> dict[str, dict[str, tuple[str, ...] | None]]:
    """Each Taxonomy control's choices, by value, with their path from the
    top; None for a value found at two places (an aspect's "Positive" under
    each aspect is no task-level sentiment)."""
    found: dict[str, dict[str, tuple[str, ...] | None]] = {}
    for name, path in taxonomy_nodes(xml):
        paths = found.setdefault(name, {})
        paths[path[-1]] = None if path[-1] in paths else path
    return found


def _text_object(
    interface: LabelInterface, text: Any, paths: dict[str, dict[str, tuple[str, ...] | None]]
) -> TextObject:
    attrs = text.attr or {}
    span_types = TEXT_OBJECT_TAGS[text.tag]
    on_page = text.tag == "HyperText"
    spans: list[tuple[str, Target]] = []
    choices: list[tuple[str, Target]] = []
    for control in interface.controls:
        if text.name not in (control.to_name or []):
            continue
        if (span_type := SPAN_CONTROLS.get(control.tag)) in span_types:
            spans += _offered(control, span_type, text.name, on_page=on_page)
        # A perRegion choice belongs to a region the annotator selects, not to
        # the task: a task-level suggestion has no place there.
        elif control.tag in CHOICE_CONTROLS and (control.attr or {}).get("perRegion") != "true":
            choices += _offered(control, CHOICE_CONTROLS[control.tag], text.name, paths.get(control.name))
    return TextObject(
        name=text.name,
        key=text.value.lstrip("$"),
        spans=_targets(spans),
        choices=_targets(choices),
        is_url=attrs.get("valueType") == "url",
        paragraph_key=attrs.get("textKey", "text") if text.tag == "Paragraphs" else None,
        is_hypertext=on_page,
        inline=str(attrs.get("inline", "")).lower() == "true",
        encoding=attrs.get("encoding", "none") if text.tag in ("Text", "HyperText") else "none",
    )


def _offered(
    control: Any, region_type: str, to_name: str, paths: dict[str, tuple[str, ...] | None] | None = None,
    on_page: bool = False,
) -> list[tuple[str, Target]]:
    """Each name a control's labels go by (value, alias, predicted_values), with
    where a suggestion under that name lands, in the config's order; a
    Taxonomy's choices only where their ``paths`` are known."""
    single = takes_one_value(control.attr, control.tag)
    offered = []
    for value, tag in (control.labels_attrs or {}).items():
        path = (paths or {}).get(value) or ()
        if paths is not None and not path:
            continue
        target = Target(control.name, to_name, region_type, value, single, path, on_page)
        offered += [(name, target) for name in _label_names(value, getattr(tag, "attr", None) or {})]
    return offered


def _label_names(value: str, attrs: dict[str, Any]) -> Iterable[str]:
    # ``value`` is what results must carry: the label's alias when it has one
    # (Label Studio stores the alias), its value otherwise.
    yield value
    if attrs.get("value") and str(attrs["value"]) != value:  # the value again, when the label has no alias
        yield str(attrs["value"])
    for attribute in ("predicted_values", "alias"):
        for alias in str(attrs.get(attribute) or "").split(","):
            if alias.strip():
                yield alias.strip()


def _targets(offered: Sequence[tuple[str, Target]]) -> dict[str, Target]:
    """Model label (and its casefolded form) -> target: names the config gives
    first, then the common names of LABEL_NAMES, tier by tier."""
    targets: dict[str, Target] = {}
    for name, target in offered:
        # The first control that offers a label wins: deterministic, and
        # what Label Studio's own reference backend does.
        targets.setdefault(name, target)
        targets.setdefault(name.casefold(), target)
    folded = [(label_key(name), target) for name, target in offered]
    folded += [(part, target) for name, target in offered for part in [*_parts(name), *_core(name)]]
    # Where each folded name first comes: a tier's label is the earliest of its names' (a scan of `folded` per
    # tier and label cost a config of 20,000 labels a second).
    first: dict[str, tuple[int, Target]] = {}
    for index, (name, target) in enumerate(folded):
        first.setdefault(name, (index, target))
    for label, tiers in _KNOWN_NAMES.items():
        if label in targets or label.casefold() in targets:
            continue
        for names in tiers:
            found = [first[name] for name in names if name in first]
            if found:
                targets[label] = targets[label.casefold()] = min(found, key=lambda place: place[0])[1]
                break
    return targets


@dataclass
class MappedRegions:
    """Regions ready for Label Studio, and the labels the project did not have."""

    regions: list[dict[str, Any]]
    dropped: list[str]


def map_suggestions(
    config: LabelingConfig, obj: TextObject, text: str, suggestions: Iterable[Span | Choice], id_prefix: str,
    plugin: str | None = None, starts: Sequence[int] = (0,), page: RenderedPage | None = None,
) -> MappedRegions:
    """Turn one annotator's suggestions for the text of ``obj`` into regions of
    ``config``; each region names its ``plugin`` in ``meta.plugin``, so that an
    export can tell how much of each plugin's pre-annotation survived.
    ``starts``: where each utterance of a Paragraphs object begins in ``text``;
    ``page``: a HyperText object's page, whose text ``text`` is."""
    regions: list[dict[str, Any]] = []
    dropped: list[str] = []
    for suggestion in suggestions:
        target = obj.span_target(suggestion.label) if isinstance(suggestion, Span) else \
            obj.choice_target(suggestion.label)
        region = None if target is None else \
            _region(target, text, suggestion, f"{id_prefix}{len(regions)}", plugin, starts, page)
        if region is None or config.target_errors(target, region):
            dropped.append(suggestion.label)
        else:
            regions.append(region)
    return MappedRegions(regions, dropped)


def _region(
    target: Target, text: str, suggestion: Span | Choice, region_id: str, plugin: str | None,
    starts: Sequence[int], page: RenderedPage | None = None,
) -> dict[str, Any] | None:
    """``suggestion`` as a region of ``target`` (its control for the suggestion's label), or None where it has no
    place (a span across utterances, outside a page's text)."""
    if isinstance(suggestion, Span):
        if target.type == "paragraphlabels":
            value = utterance_value(text, starts, suggestion.start, suggestion.end)
            if value is None:
                return None
        elif target.on_page:
            value = page.region_value(suggestion.start, suggestion.end) \
                if page and page.reads(suggestion.start, suggestion.end) else None
            if value is None:
                return None
        else:
            value = {"start": suggestion.start, "end": suggestion.end, "text": text[suggestion.start : suggestion.end]}
        value[target.type] = [target.value]
    else:
        value = {"taxonomy": [list(target.path)]} if target.path else {"choices": [target.value]}
    region = {
        "id": region_id,
        "from_name": target.from_name,
        "to_name": target.to_name,
        "type": target.type,
        "value": value,
        "score": round(float(suggestion.score), 4),
    }
    meta = {"text": in_project_words(suggestion.explanation, suggestion.label, target.value)} \
        if suggestion.explanation else {}
    if plugin:
        meta["plugin"] = plugin
    if meta:
        region["meta"] = meta
    return region


def in_project_words(note: str, label: str, project_label: str) -> str:
    """A plugin's ``note`` on a region with its class ``label`` named as the project's label: a Place region's note
    says "labelled Place 62% consistently", not LOC, which the annotator never sees. Only the class as a whole word,
    case and all, changes (a sentiment note's "positive:" cue list stays); the plugin's other words stay its own."""
    if label == project_label or label not in note:
        return note
    return _whole_word(label).sub(lambda _: project_label, note)


@functools.lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def utterance_value(text: str, starts: Sequence[int], start: int, end: int) -> dict[str, Any] | None:
    """A span of the joined utterances as Label Studio's Paragraphs region:
    the utterance's index (a string, as Label Studio stores it) and offsets
    within it; None for a span across utterances."""
    index = bisect.bisect_right(starts, start) - 1
    utterance_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    if end > utterance_end:
        return None
    offset = starts[index]
    return {"start": str(index), "end": str(index), "startOffset": start - offset, "endOffset": end - offset,
            "text": text[start:end]}


def object_text(obj: TextObject, data: dict[str, Any]) -> str | None:
    """The text of ``obj`` in a task's data; a Paragraphs object's utterances
    one per line; what a reader sees of a HyperText object's page, its chrome
    blanked (RenderedPage.readable_text). None when the task has none."""
    value = decoded_value(obj, data.get(obj.key))
    if obj.is_hypertext:
        page = object_page(obj, data)
        return page.readable_text if page and page.readable_text.strip() else None
    if obj.paragraph_key is None:
        return value if isinstance(value, str) and value else None
    utterances = _utterances(obj, value)
    return "\n".join(utterances) if any(utterances) else None


def object_page(obj: TextObject, data: dict[str, Any]) -> RenderedPage | None:
    """A HyperText object's page in a task's data, laid out as Label Studio shows it."""
    from server.hypertext import rendered_page

    value = decoded_value(obj, data.get(obj.key))
    return rendered_page(value, obj.inline) if obj.is_hypertext and isinstance(value, str) else None


def decoded_value(obj: TextObject, value: Any) -> Any:
    """A task's ``value`` for ``obj`` as the editor shows it (RichText/model.js
    ``setRemoteValue``): with ``encoding="base64"`` the decoded bytes read as
    Latin-1, one character a byte, as the browser's ``atob`` gives them; with
    ``"base64unicode"`` read as UTF-8. None for a value that does not decode,
    which the editor cannot show either; any other value as it is."""
    if obj.encoding not in TEXT_ENCODINGS or not isinstance(value, str):
        return value
    raw = forgiving_base64(value)
    if raw is None:
        return None
    if obj.encoding == "base64":
        return raw.decode("latin-1")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # decodeURIComponent throws a URIError there
        return None


def decoded_data(xml: str | None, data: dict[str, Any]) -> dict[str, Any]:
    """A task's ``data`` with the texts that ``xml`` says are encoded decoded
    (see :func:`decoded_value`); ``data`` itself when none is, or the config
    is missing or does not parse."""
    try:
        objects = [obj for obj in parse_labeling_config(xml).objects if obj.encoding in TEXT_ENCODINGS] if xml else []
    except LabelingConfigError:
        return data
    if not objects:
        return data
    return {**data, **{obj.key: decoded_value(obj, data.get(obj.key)) for obj in objects if obj.key in data}}


# The encodings a Text or HyperText object may name (RichText/model.js).
TEXT_ENCODINGS = ("base64", "base64unicode")
_BASE64_ALPHABET = re.compile(r"[A-Za-z0-9+/]*")
# What the forgiving-base64 decode skips: ASCII whitespace.
_ASCII_WHITESPACE = {ord(space): None for space in " \t\n\f\r"}


def forgiving_base64(value: str) -> bytes | None:
    """``value``'s bytes as the browser's ``atob`` decodes them (the WHATWG
    forgiving-base64 decode): ASCII whitespace skipped, the padding optional,
    anything else outside the alphabet refused (None)."""
    letters = value.translate(_ASCII_WHITESPACE)
    if len(letters) % 4 == 0 and letters.endswith("="):
        letters = letters[:-2] if letters.endswith("==") else letters[:-1]
    if len(letters) % 4 == 1 or not _BASE64_ALPHABET.fullmatch(letters):
        return None
    try:
        return base64.b64decode(letters + "=" * (-len(letters) % 4), validate=True)
    except binascii.Error:
        return None



def utterance_starts(obj: TextObject, data: dict[str, Any]) -> list[int]:
    """Where each utterance of a Paragraphs object begins in its :func:`object_text`."""
    starts, position = [], 0
    for utterance in _utterances(obj, data.get(obj.key)):
        starts.append(position)
        position += len(utterance) + 1
    return starts or [0]


def _utterances(obj: TextObject, value: Any) -> list[str]:
    # An utterance without text keeps its place: regions name utterances by index.
    if not isinstance(value, list):
        return []
    texts = [item.get(obj.paragraph_key) if isinstance(item, dict) else None for item in value]
    return [text if isinstance(text, str) else "" for text in texts]


def keep_best_single_choices(config: LabelingConfig, regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A single-choice control takes one value per task, even one that points
    at several texts (a title and a body, each suggested a choice): keep the
    best-scored choice."""
    if not regions:  # most tasks of most requests
        return regions
    objects = {obj.name: obj for obj in config.objects}
    best: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for region in regions:
        obj, kind = objects.get(region["to_name"]), region["type"]
        target = None  # a span's region (most of them) is looked at no further
        if obj and kind == "choices":
            target = obj.choice_target(region["value"]["choices"][0])
        elif obj and kind == "taxonomy":  # a path: the value it was found by is its last node (taxonomy_paths)
            target = obj.choice_target(region["value"]["taxonomy"][0][-1])
        if target is None or not target.single:
            kept.append(region)
        elif region["from_name"] not in best or region["score"] > best[region["from_name"]]["score"]:
            best[region["from_name"]] = region
    return kept + list(best.values())


def check_region_offsets(region: dict[str, Any], text: str) -> str | None:
    """Our own check, which ``validate_prediction`` does not make."""
    value = region["value"]
    # A Paragraphs region (offsets within an utterance) is cut from the joined
    # text at offsets check_suggestion has checked (utterance_value).
    if "start" not in value or "startOffset" in value:
        return None
    start, end = value["start"], value["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"offsets [{start}, {end}) do not fit a text of length {len(text)}"
    if value.get("text") != text[start:end]:
        return "region text differs from the task text at its offsets"
    return None
