"""Interactive pre-annotation: Label Studio sends what the annotator has drawn
so far (``params.context.result``); Anota answers with the annotator's labels
propagated to every other occurrence of the same words in the task, plus the
plugins' suggestions that do not overlap the annotator's regions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.analysis import words_pattern
from server.labeling import LabelingConfig, check_region_offsets

# The annotator chose this label for these words; a repetition is wrong only
# where the same words mean something else.
PROPAGATED_SCORE = 0.95


def drawn_spans(config: LabelingConfig, text: str, context: Sequence[Any]) -> list[dict[str, Any]]:
    """The annotator's span regions that fit this text and this config."""
    drawn = []
    for region in context:
        if not isinstance(region, dict) or region.get("type") != "labels":
            continue
        if not (isinstance(region.get("from_name"), str) and isinstance(region.get("to_name"), str)):
            continue
        value = region.get("value")
        labels = value.get("labels") if isinstance(value, dict) else None
        if not (isinstance(labels, list) and labels and all(isinstance(label, str) for label in labels)):
            continue
        start, end = value.get("start"), value.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        drawn.append({**region, "value": {**value, "text": text[start:end]}})
    return [region for region in drawn if not config.shape_errors(_as_prediction_region(region, "probe"))]


def with_annotator_regions(
    config: LabelingConfig, text: str, context: Sequence[Any], suggested: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Propagated regions, then the suggestions that leave the annotator's
    regions (and choices they already made) alone."""
    drawn = drawn_spans(config, text, context)
    propagated = propagate(text, drawn)
    taken = drawn + propagated
    answered = {region["from_name"] for region in context if isinstance(region, dict)
                and region.get("type") == "choices" and isinstance(region.get("from_name"), str)}
    kept = [
        region for region in suggested
        if not any(_overlap(region, other) for other in taken) and region["from_name"] not in answered
    ]
    return propagated + kept


def propagate(text: str, drawn: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each drawn region's label on every other whole-word occurrence of its
    words; longer regions first where occurrences overlap."""
    propagated: list[dict[str, Any]] = []
    for region in sorted(drawn, key=lambda r: r["value"]["start"] - r["value"]["end"]):
        words = region["value"]["text"]
        if not words.strip():
            continue
        for match in words_pattern([words]).finditer(text):
            copy = _as_prediction_region(region, f"ctx{len(propagated)}", match.start(), match.end(), text)
            if not any(_overlap(copy, other) for other in drawn + propagated):
                propagated.append(copy)
    return [region for region in propagated if check_region_offsets(region, text) is None]


def _as_prediction_region(
    region: dict[str, Any], region_id: str, start: int | None = None, end: int | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    value = dict(region["value"])
    if start is not None and end is not None and text is not None:
        value.update(start=start, end=end, text=text[start:end])
    return {
        "id": region_id,
        "from_name": region.get("from_name"),
        "to_name": region.get("to_name"),
        "type": "labels",
        "value": {key: value[key] for key in ("start", "end", "text", "labels")},
        "score": PROPAGATED_SCORE,
        "meta": {"text": f"same words as your region at {region['value']['start']}-{region['value']['end']}"},
    }


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    va, vb = a["value"], b["value"]
    if "start" not in va or "start" not in vb:
        return False
    return va["start"] < vb["end"] and vb["start"] < va["end"]
