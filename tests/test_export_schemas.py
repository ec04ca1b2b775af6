"""The load schemas of Label Studio's export, and the fast path that must agree with them."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from bench.export import task as generated_task
from schemas.label_studio_export import (
    ChoiceRegion,
    ChoiceValue,
    OtherRegion,
    SpanRegion,
    SpanValue,
    TaskDecoder,
    TaskError,
    _fast_task,
    load_task,
)
from schemas.label_studio_schemas import TASK_SCHEMA

EXPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "exports"


def real_tasks() -> list[dict[str, Any]]:
    tasks = []
    for name in ("snapshot_full.json", "export_JSON.json", "english_export.json", "multi_text_export.json"):
        tasks += json.loads((EXPORTS / name).read_text(encoding="utf-8"))
    rng = random.Random(3)
    return tasks + [generated_task(rng, number) for number in range(1, 40)]


def test_real_and_generated_tasks_take_the_fast_path_and_equal_the_schema() -> None:
    for raw in real_tasks():
        fast = _fast_task(raw)
        assert fast is not None
        assert fast == TASK_SCHEMA.load(raw)


def test_real_and_generated_tasks_take_the_typed_decode_and_equal_the_schema() -> None:
    tasks = real_tasks()
    expected = [TASK_SCHEMA.load(raw) for raw in tasks]
    assert [TaskDecoder().task(json.dumps(raw)) for raw in tasks] == expected
    assert [TaskDecoder().task(json.dumps(raw, ensure_ascii=False).encode()) for raw in tasks] == expected


def test_snapshot_is_loaded_into_plain_objects() -> None:
    snapshot = json.loads((EXPORTS / "snapshot_full.json").read_text(encoding="utf-8"))
    task = load_task(snapshot[0], "$[0]")
    assert task.id == 1 and task.data["text"].startswith("A Meta")
    (annotation,) = task.annotations
    assert annotation.annotator == "1" and not annotation.was_cancelled
    assert annotation.regions == [
        SpanRegion(control="label", value=SpanValue(start=2, end=6, text="Meta", labels=("ORG",)), to_name="text"),
        SpanRegion(control="label", value=SpanValue(start=35, end=39, text="Qwen", labels=("ORG",)), to_name="text"),
        ChoiceRegion(control="sentiment", value=ChoiceValue(("Neutral",))),
    ]
    (prediction,) = task.predictions
    assert prediction.model_version == "probe-0.1" and prediction.regions[0].score == 0.9
    # The plain export lists prediction ids only.
    plain = json.loads((EXPORTS / "export_JSON.json").read_text(encoding="utf-8"))
    assert load_task(plain[0], "$[0]").predictions == []


# Each mutation: a path into the first snapshot task and a new value. Either
# both paths accept (with equal results) or the schema refuses with this message.
MUTATIONS: list[tuple[tuple, Any, str | None]] = [
    (("annotations", 0, "result", 0, "value", "start"), True, "value.start: Not a valid integer but a boolean (true)"),
    (("annotations", 0, "result", 0, "value", "start"), "2", "value.start: Not a valid integer but a string ('2')"),
    (("annotations", 0, "result", 0, "value", "start"), 2.5, "value.start: Not a valid integer but a number (2.5)"),
    (("annotations", 0, "result", 0, "value", "start"), None, None),
    (("annotations", 0, "result", 0, "value", "labels"), [],
     "Not a valid list of values but an empty list: give at least one"),
    (("annotations", 0, "result", 0, "value", "labels"), [1], "labels[0]: Not a valid string but a number (1)"),
    (("annotations", 0, "result", 0, "value", "labels"), ["ORG", ""],
     "labels[1]: Not a valid value but an empty string ('')"),
    (("annotations", 0, "result", 2, "value", "choices"), [""], "choices[0]: Not a valid value but an empty string ('')"),
    (("annotations", 0, "result", 0, "value"), "x", "value: Not a valid mapping type but a string ('x')"),
    (("annotations", 0, "result", 0, "type"), 3, "result[0].type: Not a valid string but a number (3)"),
    (("annotations", 0, "result", 0, "type"), "rating", None),
    (("annotations", 0, "result", 0, "from_name"), None, "result[0].from_name: Missing data"),
    (("annotations", 0, "result", 0, "to_name"), ["text"], "result[0].to_name: Not a valid string but a list"),
    (("annotations", 0, "result", 0, "to_name"), None, None),
    (("annotations", 0, "result", 2, "to_name"), 5, None),  # a choice is about the task: its to_name is not read
    (("annotations", 0, "result", 2, "value", "choices"), "Neutral",
     "value.choices: Not a valid list but a string ('Neutral')"),
    # Strict, as offsets are: marshmallow's Boolean read "true", "off" and 0 (tests/test_export_probe3.py).
    (("annotations", 0, "was_cancelled"), "true", "was_cancelled: Not a boolean but a string ('true')"),
    (("annotations", 0, "ground_truth"), 1, "ground_truth: Not a boolean but a number (1)"),
    (("annotations", 0, "was_cancelled"), "maybe", "was_cancelled: Not a boolean but a string ('maybe')"),
    (("annotations", 0, "completed_by"), {"id": 3, "email": "a@b.c"}, None),
    (("annotations", 0, "completed_by"), [3], "completed_by: Not a user id or a user object but a list"),
    (("annotations", 0, "completed_by"), {"first_name": "Ana"},
     "completed_by: Not a user id or a user object: an object without an email or id"),
    (("annotations", 0, "result", 0, "type"), {"labels": 1}, "result[0].type: Not a valid string but an object"),
    (("annotations", 0, "result"), None, None),
    (("annotations", 0, "result"), {"a": 1}, "annotations[0].result: Not a valid list but an object"),
    (("annotations", 0, "prediction"), {"result": [{"type": "labels"}]}, "prediction.result[0]"),
    # A number's text ("0.5") is a reported repair (tests/test_exportprobe28.py); another string, an error.
    (("predictions", 0, "result", 0, "score"), " 0.5", "score: Not a valid number but a string (' 0.5')"),
    (("predictions", 0, "result", 0, "score"), float("nan"), "score: Not a finite number but a number (NaN)"),
    (("predictions", 0), "x", "predictions[0]: Not a prediction object or a prediction id but a string ('x')"),
    (("predictions", 0, "result", 0, "meta"), {"plugin": "entities", "other": [1]}, None),
    (("predictions", 0, "result", 0, "meta"), {"plugin": 5}, None),
    (("predictions", 0, "result", 0, "meta"), [5], "meta: Not a valid mapping type but a list"),
    (("predictions", 0, "result", 0, "id"), 7, None),
    (("data",), [], "data: Not a valid mapping type but a list"),
    (("id",), "1", "id: Not a valid integer but a string ('1')"),
    (("meta",), None, None),
    (("annotations",), None, None),
]


@pytest.mark.parametrize("path,value,error", MUTATIONS, ids=[f"{'.'.join(map(str, p))}={v!r}" for p, v, _ in MUTATIONS])
def test_fast_path_never_accepts_more_than_the_schema(path: tuple, value: Any, error: str | None) -> None:
    raw = copy.deepcopy(json.loads((EXPORTS / "snapshot_full.json").read_text(encoding="utf-8"))[0])
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    fast = _fast_task(raw)
    decoded = TaskDecoder().task(json.dumps(raw))
    if error is None:
        loaded = load_task(raw, "$[0]")
        assert loaded == TASK_SCHEMA.load(raw)
        assert fast is None or fast == loaded
        assert decoded is None or decoded == loaded
        return
    assert fast is None and decoded is None
    with pytest.raises(TaskError) as caught:
        load_task(raw, "$[0]")
    assert str(caught.value).startswith("task 1 at $[0]: ")
    assert error in str(caught.value)


def test_unknown_keys_are_ignored_and_unknown_region_types_kept_as_such() -> None:
    raw = {"id": 5, "data": {"text": "x"}, "brand_new_key": 1,
           "annotations": [{"id": 1, "result": [{"type": "hologram", "from_name": "h", "value": {}, "new": 2}],
                            "future": True}]}
    task = load_task(raw, "$[4]")
    assert task.annotations[0].regions == [OtherRegion("hologram")]


def test_an_item_that_is_not_an_object_is_named() -> None:
    with pytest.raises(TaskError, match=r"task \? at \$\[2\]: \$: expected a task object, got list"):
        load_task([1], "$[2]")


def test_the_fast_example_encoding_equals_the_schema_dump(tmp_path: Path) -> None:
    from schemas.dataset import EXAMPLE_SCHEMA
    from schemas.example_encoding import encode_example
    from server.exporting.converting import Settings, TaskConverter
    from server.exporting.report import ExportReport

    converter = TaskConverter(Settings(policy="all"), ExportReport())
    examples = [example for raw in real_tasks() for example in converter.examples(load_task(raw, "$"))]
    assert len(examples) > 40 and any(example.claims for example in examples)
    for example in examples:
        dumped = json.dumps(EXAMPLE_SCHEMA.dump(example), ensure_ascii=False, separators=(",", ":"))
        assert encode_example(example).decode() == dumped


@pytest.mark.parametrize("plugin,loaded", [(5, "5"), ({"name": "x"}, "{'name': 'x'}"), (0, 0), ("", ""),
                                           ([], []), ("entities", "entities")])
def test_a_regions_plugin_is_loaded_as_a_string_or_a_false_value(plugin: Any, loaded: Any) -> None:
    # The exporter counts survival under ``meta.plugin or model_version`` without checking its type.
    raw = copy.deepcopy(json.loads((EXPORTS / "snapshot_full.json").read_text(encoding="utf-8"))[0])
    raw["predictions"][0]["result"][0]["meta"] = {"plugin": plugin}
    for task in (load_task(raw, "$[0]"), TASK_SCHEMA.load(raw)):
        assert task.predictions[0].regions[0].meta.plugin == loaded
