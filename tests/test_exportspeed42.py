"""Session 40 (exportspeed42): the typed decode reads region names as Literals of the names it learnt from a
file's first tasks; the tasks it loads are those it loaded before (equal, of the same classes), whatever names
come later."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from bench.export import task as generated_task
from schemas.label_studio_export import ChoiceRegion, SpanRegion, SpanValue, TaskDecoder
from schemas.label_studio_schemas import TASK_SCHEMA
from tests.test_export_schemas import real_tasks


@pytest.fixture
def learning_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TaskDecoder, "LEARN_AFTER", 0)


def _batch(tasks: list[dict[str, Any]]) -> bytes:
    return json.dumps(tasks, ensure_ascii=False).encode()


def _regions(task: Any) -> list[Any]:
    return [region for annotation in task.annotations for region in annotation.regions or ()]


@pytest.mark.usefixtures("learning_at_once")
def test_tasks_read_with_learnt_names_equal_the_schemas(monkeypatch: pytest.MonkeyPatch) -> None:
    # Exports of several projects in a row (their names new at each): learnt at each, however many.
    monkeypatch.setattr(TaskDecoder, "LEARNINGS", 100)
    decoder = TaskDecoder()
    tasks = real_tasks()
    expected = [TASK_SCHEMA.load(raw) for raw in tasks]
    assert [decoder.task(json.dumps(raw)) for raw in tasks] == expected
    assert decoder.named is not None
    assert decoder.tasks(_batch(tasks)) == expected


@pytest.mark.usefixtures("learning_at_once")
def test_learnt_names_are_one_string_each_and_the_classes_stay() -> None:
    rng = random.Random(5)
    decoder = TaskDecoder()
    first = decoder.tasks(_batch([generated_task(rng, number) for number in range(1, 9)]))
    assert first is not None and decoder.named is not None and decoder.learnings == 1
    later = decoder.tasks(_batch([generated_task(rng, number) for number in range(9, 17)]))
    assert later is not None and decoder.learnings == 1  # nothing new: read by the learnt names
    regions = [region for task in later for region in _regions(task)]
    assert {type(region) for region in regions} == {SpanRegion, ChoiceRegion}
    assert all(type(region.value) is SpanValue for region in regions if type(region) is SpanRegion)
    controls = {region.control: region.control for region in regions}
    assert all(region.control is controls[region.control] for region in regions)
    labels = {label: label for region in regions if type(region) is SpanRegion for label in region.value.labels}
    assert all(label is labels[label] for region in regions if type(region) is SpanRegion
               for label in region.value.labels)


@pytest.mark.usefixtures("learning_at_once")
def test_a_name_not_learnt_is_read_and_learnt() -> None:
    rng = random.Random(6)
    decoder = TaskDecoder()
    assert decoder.tasks(_batch([generated_task(rng, number) for number in range(1, 5)])) is not None
    odd = generated_task(rng, 5)
    region = odd["annotations"][0]["result"][0]
    region["from_name"], region["to_name"], region["value"]["labels"] = "ner", "body", ["GPE"]
    odd["annotations"][0]["result"].append({"from_name": "topic", "to_name": "body", "type": "choices",
                                            "value": {"choices": ["Economia"]}})
    (task,) = decoder.tasks(_batch([odd]))
    assert task == TASK_SCHEMA.load(odd)
    assert decoder.learnings == 2 and {"ner", "topic"} <= decoder.names.controls
    assert {"body"} <= decoder.names.objects and {"GPE", "Economia"} <= decoder.names.values
    assert decoder.task(json.dumps(odd)) == task and decoder.learnings == 2  # read by the names learnt now


@pytest.mark.usefixtures("learning_at_once")
def test_a_file_of_ever_new_names_is_read_with_names_as_strings() -> None:
    rng = random.Random(7)
    decoder = TaskDecoder()
    for number in range(1, TaskDecoder.LEARNINGS + 4):
        raw = generated_task(rng, number)
        raw["annotations"][0]["result"][0]["value"]["labels"] = [f"LABEL{number}"]
        assert decoder.task(json.dumps(raw)) == TASK_SCHEMA.load(raw)
    assert decoder.learnings == TaskDecoder.LEARNINGS and decoder.named is None


def test_a_small_file_learns_no_names() -> None:
    # Making the decoders that read names costs typing's generics a few milliseconds: a small export keeps strings.
    rng = random.Random(8)
    decoder = TaskDecoder()
    assert decoder.tasks(_batch([generated_task(rng, number) for number in range(1, 9)])) is not None
    assert decoder.learnings == 0 and decoder.named is None and TaskDecoder.LEARN_AFTER > 8
