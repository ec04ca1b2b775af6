"""The typed decode reads data and meta of strings only with msgspec, and any
other data as orjson reads it (schemas.label_studio_export.TaskDecoder)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import orjson

from bench.export import task as generated_task
from schemas.label_studio_export import Task, TaskDecoder, load_task
from schemas.label_studio_schemas import TASK_SCHEMA
from server.exporting.sources import JsonTaskReader


def tasks(count: int) -> list[dict[str, Any]]:
    rng = random.Random(13)
    return [generated_task(rng, number) for number in range(1, count + 1)]


def compact(raw: Any) -> bytes:
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode()


ODD_DATA = {"text": "Em Lisboa, Lula disse.", "rank": 2, "score": 0.5, "huge": 2**70, "tags": ["a", 1],
            "extra": {"nested": None}, "flag": True}


def test_data_of_strings_is_read_without_orjson_and_equals_the_schema() -> None:
    decoder = TaskDecoder()
    raws = tasks(5)
    assert [decoder.task(compact(raw)) for raw in raws] == [TASK_SCHEMA.load(raw) for raw in raws]
    assert decoder.tasks(compact(raws)) == [TASK_SCHEMA.load(raw) for raw in raws]
    assert decoder.strings_only


def test_data_of_other_values_is_read_as_orjson_reads_it_from_then_on() -> None:
    raws = tasks(4)
    raws[1]["data"] = {**ODD_DATA}
    raws[2]["meta"] = {"source": "doc.txt", "page": 3}
    decoder = TaskDecoder()
    assert decoder.task(compact(raws[0])) == load_task(raws[0], "$[0]")
    assert decoder.strings_only
    odd = decoder.task(compact(raws[1]))
    assert odd == load_task(raws[1], "$[1]")
    # As every other path reads it: an integer beyond 64 bits a float (msgspec would make it an int).
    assert odd.data == orjson.loads(compact(ODD_DATA)) and type(odd.data["huge"]) is float
    assert not decoder.strings_only  # no refused decode at each task of such a file
    assert decoder.tasks(compact(raws)) == [load_task(raw, f"$[{n}]") for n, raw in enumerate(raws)]


def test_a_batch_with_one_odd_data_is_loaded_whole() -> None:
    raws = tasks(6)
    raws[4]["data"] = {**ODD_DATA}
    decoder = TaskDecoder()
    assert decoder.tasks(compact(raws)) == [load_task(raw, f"$[{n}]") for n, raw in enumerate(raws)]
    assert not decoder.strings_only


def test_a_task_refused_for_its_regions_keeps_the_strings_decode() -> None:
    raw = tasks(1)[0]
    raw["annotations"][0]["result"].append({"id": "t", "from_name": "note", "to_name": "text", "type": "textarea",
                                            "value": {"text": ["a note"]}})
    decoder = TaskDecoder()
    assert decoder.task(compact(raw)) is None  # not plain: load_task reads it
    assert decoder.strings_only


def test_an_export_whose_data_hold_numbers_is_read_by_the_typed_decode(tmp_path: Path) -> None:
    raws = tasks(40)
    for number, raw in enumerate(raws):
        raw["data"]["rank"] = number
    path = tmp_path / "export.json"
    path.write_bytes(compact(raws))  # compact, on one line, as Label Studio writes it
    read = [task for _location, task in JsonTaskReader(path)]
    # Each but the last, whose end is the list's: orjson reads that one, as in any export.
    assert all(type(task) is Task for task in read[:-1])
    assert [load_task(task, f"$[{n}]") for n, task in enumerate(read)] == [
        load_task(raw, f"$[{n}]") for n, raw in enumerate(raws)]
