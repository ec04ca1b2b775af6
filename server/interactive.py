"""Interactive pre-annotation: Label Studio sends what the annotator has drawn
so far (``params.context.result``); Anota answers with the annotator's labels
propagated to every other occurrence of the same words in the task, plus the
plugins' suggestions that do not overlap the annotator's regions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from server.analysis import squeezed, words_pattern
from server.annotators import selected_words
from server.labeling import CHOICE_CONTROLS, LabelingConfig, TextObject

# The annotator chose this label for these words; a repetition is wrong only
# where the same words mean something else.
PROPAGATED_SCORE = 0.95


@dataclass(frozen=True)
class Drawn:
    """One span region of the annotator's, on one of the task's texts."""

    from_name: str
    to_name: str
    start: int
    end: int
    text: str | None
    labels: tuple[str, ...]

    @property
    def words(self) -> str:
        """The selected words without what the selection picked up around them."""
        text = self.text or ""
        return text[slice(*selected_words(text, 0, len(text)))]


def with_annotator_regions(
    config: LabelingConfig, obj: TextObject, text: str, context: Sequence[Any], suggested: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """This text's propagated regions, then the suggestions that leave the
    annotator's regions (and choices they already made) alone.

    Words drawn on another text of the task (a title) propagate here too,
    through this text's control that offers their labels."""
    drawn = [d for d in drawn_regions(context)
             if not config.shape_errors(_region(d.from_name, d.to_name, d, d.start, d.end, "", "probe"))]
    # The annotator's regions are where their offsets say, whatever their text.
    here = [d for d in drawn if d.to_name == obj.name and d.end <= len(text)]
    taken = bytearray(len(text))
    for region in here:
        taken[region.start:region.end] = b"\1" * (region.end - region.start)
    propagated = propagate(obj, text, _sources(obj, text, here, drawn), taken)
    answered = answered_controls(context)
    kept = [region for region in suggested
            if region["from_name"] not in answered and not _is_taken(taken, region["value"])]
    return propagated + kept


def _sources(obj: TextObject, text: str, here: list[Drawn], drawn: list[Drawn]) -> list[Drawn]:
    """The regions whose words to propagate. A text that differs from what
    its offsets select comes from another version of the task's text: neither
    is the annotator's selection to trust. A region without text (a hand-made
    request) selects what its offsets do."""
    own = [d if d.text is not None else replace(d, text=text[d.start:d.end]) for d in here]
    others = [d for d in drawn if d.to_name != obj.name and d.text is not None and len(d.text) == d.end - d.start]
    return [d for d in own if d.text == text[d.start:d.end]] + others


def answered_controls(context: Sequence[Any]) -> set[str]:
    """The choice controls the annotator has answered: a control answered on
    one text of the task is answered for all it points at."""
    return {region["from_name"] for region in context if isinstance(region, dict)
            and region.get("type") in CHOICE_CONTROLS.values()}


def drawn_regions(context: Sequence[Any]) -> list[Drawn]:
    """The context's span regions that are well formed; which text and
    control they fit is checked where they are used."""
    drawn = []
    for region in context:
        if not isinstance(region, dict) or region.get("type") != "labels":
            continue
        from_name, to_name, value = region.get("from_name"), region.get("to_name"), region.get("value")
        if not (isinstance(from_name, str) and isinstance(to_name, str) and isinstance(value, dict)):
            continue
        labels, start, end, words = value.get("labels"), value.get("start"), value.get("end"), value.get("text")
        if not (isinstance(labels, list) and labels and all(isinstance(label, str) for label in labels)):
            continue
        # type(), not isinstance: JSON true is no offset.
        if not (type(start) is int and type(end) is int and 0 <= start < end):
            continue
        drawn.append(Drawn(from_name, to_name, start, end, words if isinstance(words, str) else None, tuple(labels)))
    return drawn


def propagate(obj: TextObject, text: str, drawn: Sequence[Drawn], taken: bytearray) -> list[dict[str, Any]]:
    """Each drawn region's labels on every other whole-word occurrence of its
    words in ``text`` (marked in ``taken``); longer words first where
    occurrences overlap. Words the annotator gave different labels are left
    alone: which label a repetition has is theirs to say."""
    labels_of: dict[str, set[tuple[str, ...]]] = {}
    for region in drawn:
        labels_of.setdefault(squeezed(region.words), set()).add(tuple(sorted(region.labels)))
    propagated: list[dict[str, Any]] = []
    for region in sorted(drawn, key=lambda r: -len(r.words)):
        key = squeezed(region.words)
        from_name = region.from_name if region.to_name == obj.name else _control_for(obj, region.labels)
        if not key or len(labels_of[key]) > 1 or from_name is None:
            continue
        for match in words_pattern([key]).finditer(text):
            start, end = match.span()
            if _is_taken(taken, {"start": start, "end": end}):
                continue
            taken[start:end] = b"\1" * (end - start)
            propagated.append(_region(from_name, obj.name, region, start, end, match.group(),
                                      f"ctx-{obj.name}-{len(propagated)}"))
    return propagated


def _control_for(obj: TextObject, labels: tuple[str, ...]) -> str | None:
    """This text's span control offering all of ``labels`` (as values)."""
    offered: dict[str, set[str]] = {}
    for target in obj.spans.values():
        if target.type == "labels":
            offered.setdefault(target.from_name, set()).add(target.value)
    return next((name for name, values in offered.items() if set(labels) <= values), None)


def _region(
    from_name: str, to_name: str, drawn: Drawn, start: int, end: int, words: str, region_id: str
) -> dict[str, Any]:
    where = "" if drawn.to_name == to_name else f" of {drawn.to_name}"
    return {
        "id": region_id,
        "from_name": from_name,
        "to_name": to_name,
        "type": "labels",
        "value": {"start": start, "end": end, "text": words, "labels": list(drawn.labels)},
        "score": PROPAGATED_SCORE,
        "meta": {"text": f"same words as your region at {drawn.start}-{drawn.end}{where}"},
    }


def _is_taken(taken: bytearray, value: dict[str, Any]) -> bool:
    """Whether a span region overlaps a character already taken (choices
    and regions without offsets overlap nothing)."""
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return False
    return taken.find(1, start, end) != -1
