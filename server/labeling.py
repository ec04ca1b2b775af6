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


@dataclass
class LabelingConfig:
    """A parsed labeling config: the text key, and model label -> target maps."""

    xml: str
    interface: LabelInterface
    text_key: str
    to_name: str
    spans: dict[str, Target]
    choices: dict[str, Target]
    # valueType="url": tasks hold a link to the text (server.remote_texts).
    text_is_url: bool = False
    _shape_errors: dict[tuple, list[str]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def span_target(self, label: str) -> Target | None:
        return self.spans.get(label) or self.spans.get(label.casefold())

    def choice_target(self, label: str) -> Target | None:
        return self.choices.get(label) or self.choices.get(label.casefold())

    def labels(self) -> dict[str, list[str]]:
        """Config labels by kind, as the project names them."""
        return {
            "span": sorted({target.value for target in self.spans.values()}),
            "choice": sorted({target.value for target in self.choices.values()}),
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
    text_object = _text_object(interface)
    spans: dict[str, Target] = {}
    choices: dict[str, Target] = {}
    for control in interface.controls:
        if text_object.name not in (control.to_name or []):
            continue
        if control.tag == "Labels":
            _add_targets(spans, control, "labels")
        elif control.tag == "Choices":
            _add_targets(choices, control, "choices")
    return LabelingConfig(
        xml=xml,
        interface=interface,
        text_key=text_object.value.lstrip("$"),
        to_name=text_object.name,
        spans=spans,
        choices=choices,
        text_is_url=(text_object.attr or {}).get("valueType") == "url",
    )


def _text_object(interface: LabelInterface) -> Any:
    # The text the annotators label is the object that a Labels or Choices
    # control points at; a config may also show other texts (titles, notes).
    objects = {obj.name: obj for obj in interface.objects if obj.tag in TEXT_OBJECT_TAGS}
    for control in interface.controls:
        for name in control.to_name or []:
            if control.tag in ("Labels", "Choices") and name in objects:
                return objects[name]
    if objects:
        return next(iter(objects.values()))
    raise LabelingConfigError("the labeling config has no Text object")


def _add_targets(targets: dict[str, Target], control: Any, region_type: str) -> None:
    single = (control.attr or {}).get("choice", "single") == "single"
    for value, tag in (control.labels_attrs or {}).items():
        attrs = getattr(tag, "attr", None) or {}
        target = Target(control.name, control.to_name[0], region_type, value, single)
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
    config: LabelingConfig, text: str, suggestions: Iterable[Span | Choice], id_prefix: str
) -> MappedRegions:
    """Turn one annotator's suggestions into regions of ``config``."""
    regions: list[dict[str, Any]] = []
    dropped: list[str] = []
    for suggestion in suggestions:
        region = _region(config, text, suggestion, f"{id_prefix}{len(regions)}")
        if region is None or config.shape_errors(region):
            dropped.append(suggestion.label)
        else:
            regions.append(region)
    return MappedRegions(regions, dropped)


def _region(
    config: LabelingConfig, text: str, suggestion: Span | Choice, region_id: str
) -> dict[str, Any] | None:
    if isinstance(suggestion, Span):
        target = config.span_target(suggestion.label)
        if target is None:
            return None
        value: dict[str, Any] = {
            "start": suggestion.start,
            "end": suggestion.end,
            "text": text[suggestion.start : suggestion.end],
            "labels": [target.value],
        }
    else:
        target = config.choice_target(suggestion.label)
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
    if suggestion.explanation:
        region["meta"] = {"text": suggestion.explanation}
    return region


def keep_best_single_choices(config: LabelingConfig, regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A single-choice control takes one value: keep the best-scored choice."""
    best: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for region in regions:
        target = config.choice_target(region["value"]["choices"][0]) if region["type"] == "choices" else None
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
