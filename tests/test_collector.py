"""The garbage collector while Anota predicts: what start-up loaded is out of
the collector's passes in the commands that predict until they end (``anota
serve``, ``anota tasks --predictions``, and ``anota push --predictions`` in
``tests/e2e/test_e2e_loop.py``), and only there."""

from __future__ import annotations

import gc
import json
import os
import urllib.request
import weakref
from pathlib import Path

from click.testing import CliRunner
from flask import Flask

from server.cli import cli
from server.collector import YOUNG_GC_THRESHOLD, start_up_objects_frozen
from tests.e2e.servers import ANOTA, free_port, start

ROOT = Path(__file__).resolve().parent.parent
PROBE = "tests.sample_plugins.collector_probe"
NO_BUILT_IN_ANNOTATORS = "entities,claims,sentiment"
FROZEN = f"young threshold {YOUNG_GC_THRESHOLD}; model frozen: True"
CONFIG = '<View><Text name="text" value="$text"/><Labels name="gc" toName="text"><Label value="GC"/></Labels></View>'


class Node:
    """A container that can refer to itself."""


def tracked(obj: object) -> bool:
    """Whether the collector's passes scan ``obj`` (frozen objects are not listed)."""
    return any(listed is obj for listed in gc.get_objects())


def test_what_is_alive_on_entering_is_left_out_of_the_passes_until_leaving():
    loaded = {"weights": [0.5]}
    thresholds = gc.get_threshold()
    with start_up_objects_frozen():
        created = {"per task": [0]}
        assert not tracked(loaded) and tracked(created)
        assert gc.get_threshold() == (YOUNG_GC_THRESHOLD, *thresholds[1:])
    assert tracked(loaded) and gc.get_threshold() == thresholds


def test_garbage_left_by_start_up_is_freed_not_frozen():
    cycle = Node()
    cycle.itself = cycle
    gone = weakref.ref(cycle)
    del cycle
    with start_up_objects_frozen():
        assert gone() is None  # frozen, it would have stayed until the process ended


def prediction_notes(predictions: list[dict]) -> set[str]:
    return {region["meta"]["text"] for prediction in predictions for region in prediction["result"]}


def test_anota_tasks_predicts_with_start_up_frozen_and_leaves_the_collector_as_it_found_it(tmp_path: Path):
    (tmp_path / "one.txt").write_text("O Banco do Brasil anunciou hoje resultados.\n", encoding="utf-8")
    thresholds = gc.get_threshold()
    result = CliRunner().invoke(cli, ["tasks", "--predictions", str(tmp_path / "one.txt")], env={
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "ANOTA_PLUGINS": PROBE,
        "ANOTA_DISABLE_PLUGINS": NO_BUILT_IN_ANNOTATORS})
    assert result.exit_code == 0, result.output
    (task,) = json.loads(result.stdout)
    assert prediction_notes(task["predictions"]) == {FROZEN}
    assert gc.get_threshold() == thresholds  # CliRunner runs it inside pytest


def test_anota_export_leaves_the_collector_as_it_found_it(tmp_path: Path):
    # It froze start-up for good before: inside pytest (CliRunner) every later object
    # stayed out of the passes, and the garbage of later tests with it.
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    result = CliRunner().invoke(cli, ["export", str(ROOT / "fixtures/label-studio-1.23.2/export_JSON.json"),
                                      "--format", "jsonl", "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (gc.get_threshold(), gc.get_freeze_count()) == (thresholds, frozen)


def test_anota_serve_predicts_with_start_up_frozen(tmp_path: Path):
    port = free_port()
    environment = {**os.environ, "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}", "ANOTA_PRELOAD": "0",
                   "ANOTA_PLUGINS": PROBE, "ANOTA_DISABLE_PLUGINS": NO_BUILT_IN_ANNOTATORS,
                   "PYTHONPATH": str(ROOT)}  # the probe plugin in tests.sample_plugins, from a clean clone too
    server = start("anota", [str(ANOTA), "serve", "--port", str(port), "--workers", "2"], environment, port, tmp_path)
    body = {"tasks": [{"id": 1, "data": {"text": "Meta abriu um laboratório em Lisboa."}}], "label_config": CONFIG}
    try:
        server.wait_until_up(120)
        request = urllib.request.Request(f"{server.url}/predict", json.dumps(body).encode(),
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            results = json.load(answer)["results"]
    finally:
        server.stop()
    assert prediction_notes(results) == {FROZEN}  # in a forked worker too


def test_an_app_built_in_another_program_leaves_its_collector_alone(make_app):
    app: Flask = make_app(PRELOAD=False, PLUGINS=[PROBE], DISABLE_PLUGINS=NO_BUILT_IN_ANNOTATORS.split(","))
    answer = app.test_client().post("/predict", json={"tasks": [{"id": 1, "data": {"text": "Meta."}}],
                                                      "label_config": CONFIG})
    assert prediction_notes(answer.get_json()["results"]) == {
        f"young threshold {gc.get_threshold()[0]}; model frozen: False"}


def test_the_annotate_bench_counts_each_pass_of_the_collector_and_starts_again_after_a_take():
    from bench.annotate import CollectorWatch

    with CollectorWatch() as watch:
        gc.collect(0)
        gc.collect(2)
        first = watch.take()
        gc.collect(1)
        second = watch.take()
    gc.collect()  # after leaving: not counted
    assert first["gc_passes"] == [1, 0, 1] and first["gc_seconds"] > 0
    assert second["gc_passes"] == [0, 1, 0] and watch.take()["gc_passes"] == [0, 0, 0]
