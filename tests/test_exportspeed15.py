"""The typed decode reads a region as one struct (schemas.label_studio_export.ValueRegion),
not as a union tagged by ``type``, and takes a region only when its value holds its type's
keys alone: anything else goes to the paths that word it, as before."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import (
    CHOICES_TYPE,
    SPAN_TYPE,
    STRAY_SPAN_CHOICES,
    TaskDecoder,
    TaskError,
    load_task,
)

EXPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "exports"


def snapshot_task() -> dict[str, Any]:
    return copy.deepcopy(json.loads((EXPORTS / "snapshot_full.json").read_text(encoding="utf-8"))[0])


def test_a_decoded_regions_type_is_the_modules_own_string() -> None:
    task = TaskDecoder().task(json.dumps(snapshot_task()))
    span, _other, choice = task.annotations[0].regions
    # The exporter tells a span by identity (TaskConverter.labels): a copy of "labels" would be no span.
    assert span.type is SPAN_TYPE and choice.type is CHOICES_TYPE
    loaded = load_task(snapshot_task(), "$[0]")
    assert loaded.annotations[0].regions[0].type is SPAN_TYPE and loaded.annotations[0].regions[2].type is CHOICES_TYPE


# A value with the other kind's keys (or without its own): not what the tagged union took, so the typed
# decode leaves it to load_task; None when load_task accepts it too, else load_task's error.
OTHER_KIND: list[tuple[int, dict[str, Any], str | None]] = [
    (0, {"start": 2, "end": 6, "text": "Meta", "labels": ["ORG"], "choices": ["Positive"]}, None),
    (0, {"start": 2, "end": 6, "text": "Meta"}, "value.labels: Missing data for required field."),
    (0, {"choices": ["Positive"]}, "value.labels: Missing data for required field."),
    (2, {"choices": ["Neutral"], "labels": ["ORG"]}, None),
    (2, {"choices": ["Neutral"], "start": 2, "end": 6, "text": "Meta"}, None),
    (2, {"labels": ["ORG"]}, "value.choices: Missing data for required field."),
]


@pytest.mark.parametrize("index,value,error", OTHER_KIND)
def test_a_value_of_the_other_kind_is_left_to_load_task(index: int, value: dict[str, Any], error: str | None) -> None:
    raw = snapshot_task()
    raw["annotations"][0]["result"][index]["value"] = value
    decoder = TaskDecoder()
    assert decoder.task(json.dumps(raw)) is None
    assert decoder.tasks(json.dumps([snapshot_task(), raw]).encode()) is None  # the reader then reads each apart
    if error is not None:
        with pytest.raises(TaskError, match=error):
            load_task(raw, "$[0]")
        return
    loaded = load_task(copy.deepcopy(raw), "$[0]")
    region = loaded.annotations[0].regions[index]
    assert region.type is (SPAN_TYPE if index == 0 else CHOICES_TYPE)
    # What load_task keeps of such a value: its own kind's keys; a span's stray choices are said left out.
    assert (region.value.choices is None) is (index == 0) and (region.value.labels is None) is (index == 2)
    assert [kind for kind, _where in loaded.left_out or ()] == ([STRAY_SPAN_CHOICES] if index == 0 else [])
