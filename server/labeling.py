"""Map annotators' labels onto a project's labeling config, and check regions
before they leave.

A labeling config is parsed once (``LabelInterface`` is slow to build) and
cached by its XML. Validation through ``LabelInterface.validate_prediction``
depends only on a region's control, object, type and labels, never on offsets
or scores (which we check ourselves), so each such *shape* is validated once per
config and remembered.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from label_studio_sdk.label_interface import LabelInterface

from server.annotators import Choice, Span

log = logging.getLogger(__name__)

TEXT_OBJECT_TAGS = ("Text", "HyperText", "Paragraphs")


class LabelingConfigError(ValueError):
    """The labeling config cannot be parsed, or has no text object."""


@dataclass(frozen=True)
class Target:
    """Where one model label lands in the project: a control and a value."""

    from_name: str
    to_name: str
    type: str
    value: str
    single: bool = False


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

    def span_target(self, label: str) -> Target | None:
        return self.spans.get(label) or self.spans.get(label.casefold())

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
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def main(self) -> TextObject:
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


def _shape(region: dict[str, Any]) -> tuple:
    value = region["value"]
    keys = tuple(sorted(value))
    names = tuple(value.get("labels") or value.get("choices") or ())
    return (region["from_name"], region["to_name"], region["type"], keys, names)


@functools.lru_cache(maxsize=64)
def parse_labeling_config(xml: str) -> LabelingConfig:
    """Parse ``xml`` into a :class:`LabelingConfig` (cached by the XML text)."""
    try:
        interface = LabelInterface(xml)
    except Exception as exc:  # the SDK raises many types on bad XML
        raise LabelingConfigError(f"cannot parse the labeling config: {exc}") from exc
    texts = [obj for obj in interface.objects if obj.tag in TEXT_OBJECT_TAGS]
    if not texts:
        raise LabelingConfigError("the labeling config has no Text object")
    # The texts annotators label are those a Labels or Choices control points
    # at; a config may also show texts nobody labels (notes, instructions).
    labelled = [_text_object(interface, text) for text in texts]
    objects = [obj for obj in labelled if obj.spans or obj.choices] or labelled[:1]
    return LabelingConfig(xml=xml, interface=interface, objects=objects)


def _text_object(interface: LabelInterface, text: Any) -> TextObject:
    spans: dict[str, Target] = {}
    choices: dict[str, Target] = {}
    for control in interface.controls:
        if text.name not in (control.to_name or []):
            continue
        if control.tag == "Labels":
            _add_targets(spans, control, "labels", text.name)
        elif control.tag == "Choices":
            _add_targets(choices, control, "choices", text.name)
    return TextObject(
        name=text.name,
        key=text.value.lstrip("$"),
        spans=spans,
        choices=choices,
        is_url=(text.attr or {}).get("valueType") == "url",
    )


def _add_targets(targets: dict[str, Target], control: Any, region_type: str, to_name: str) -> None:
    single = (control.attr or {}).get("choice", "single") == "single"
    for value, tag in (control.labels_attrs or {}).items():
        attrs = getattr(tag, "attr", None) or {}
        target = Target(control.name, to_name, region_type, value, single)
        for name in _model_names(value, attrs):
            # The first control that offers a label wins: deterministic, and
            # what Label Studio's own reference backend does.
            targets.setdefault(name, target)
            targets.setdefault(name.casefold(), target)


def _model_names(value: str, attrs: dict[str, Any]) -> Iterable[str]:
    yield value
    for attribute in ("predicted_values", "alias"):
        for alias in str(attrs.get(attribute) or "").split(","):
            if alias.strip():
                yield alias.strip()


@dataclass
class MappedRegions:
    """Regions ready for Label Studio, and the labels the project did not have."""

    regions: list[dict[str, Any]]
    dropped: list[str]


def map_suggestions(
    config: LabelingConfig, obj: TextObject, text: str, suggestions: Iterable[Span | Choice], id_prefix: str,
    plugin: str | None = None,
) -> MappedRegions:
    """Turn one annotator's suggestions for the text of ``obj`` into regions of
    ``config``; each region names its ``plugin`` in ``meta.plugin``, so that an
    export can tell how much of each plugin's pre-annotation survived."""
    regions: list[dict[str, Any]] = []
    dropped: list[str] = []
    for suggestion in suggestions:
        region = _region(obj, text, suggestion, f"{id_prefix}{len(regions)}", plugin)
        if region is None or config.shape_errors(region):
            dropped.append(suggestion.label)
        else:
            regions.append(region)
    return MappedRegions(regions, dropped)


def _region(
    obj: TextObject, text: str, suggestion: Span | Choice, region_id: str, plugin: str | None
) -> dict[str, Any] | None:
    if isinstance(suggestion, Span):
        target = obj.span_target(suggestion.label)
        if target is None:
            return None
        value: dict[str, Any] = {
            "start": suggestion.start,
            "end": suggestion.end,
            "text": text[suggestion.start : suggestion.end],
            "labels": [target.value],
        }
    else:
        target = obj.choice_target(suggestion.label)
        if target is None:
            return None
        value = {"choices": [target.value]}
    region = {
        "id": region_id,
        "from_name": target.from_name,
        "to_name": target.to_name,
        "type": target.type,
        "value": value,
        "score": round(float(suggestion.score), 4),
    }
    meta = {"text": suggestion.explanation} if suggestion.explanation else {}
    if plugin:
        meta["plugin"] = plugin
    if meta:
        region["meta"] = meta
    return region


def keep_best_single_choices(obj: TextObject, regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A single-choice control takes one value: keep the best-scored choice."""
    best: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for region in regions:
        target = obj.choice_target(region["value"]["choices"][0]) if region["type"] == "choices" else None
        if target is None or not target.single:
            kept.append(region)
        elif region["from_name"] not in best or region["score"] > best[region["from_name"]]["score"]:
            best[region["from_name"]] = region
    return kept + list(best.values())


def check_region_offsets(region: dict[str, Any], text: str) -> str | None:
    """Our own check, which ``validate_prediction`` does not make."""
    value = region["value"]
    if "start" not in value:
        return None
    start, end = value["start"], value["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"offsets [{start}, {end}) do not fit a text of length {len(text)}"
    if value.get("text") != text[start:end]:
        return "region text differs from the task text at its offsets"
    return None
