"""bench/preload_profile.py: the regex recorder passes each call through and leaves the modules as they were; the
workers' count finds the preparing in them and leaves ``BatchPreparer.prepare`` as it was; the line decisions' timer
tells each line's kind and leaves ``BatchLines.excluded`` as it was."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.preload_profile import _line_kind, _RecordedRegex, line_costs, regex_costs

SEED = str(Path(__file__).resolve().parent.parent / "fixtures" / "seed")


def _module_regexes(kind: type = re.Pattern) -> dict[tuple[str, str], object]:
    return {(module_name, name): value for module_name, module in list(sys.modules.items())
            if module_name.startswith("server.") and module is not None
            for name, value in vars(module).items() if isinstance(value, kind)}


def test_a_recorded_regex_answers_as_the_regex_and_records_the_call():
    calls: dict = {}
    pattern = re.compile(r"\s[>/]\s")
    calls[("crumbs", "split")] = []
    recorded = _RecordedRegex("crumbs", pattern, calls)
    assert recorded.split("Home / News > Sport") == pattern.split("Home / News > Sport")
    assert recorded.pattern == pattern.pattern
    assert calls[("crumbs", "split")] == [("Home / News > Sport",)]


def test_the_regexes_of_a_preload_are_replayed_and_the_modules_restored():
    import server.preload  # noqa: F401

    before = _module_regexes()
    costs = regex_costs([SEED])
    assert costs and all(calls > 0 for _seconds, _name, calls, _length in costs)
    assert any(name.startswith("server.boilerplate.") for _seconds, name, _calls, _length in costs)
    # The preload imports more modules (the app's): those the profile found are their regexes again, and no recorder
    # is left anywhere.
    after = _module_regexes()
    assert all(after.get(key) is value for key, value in before.items())
    assert not _module_regexes(_RecordedRegex)


# In a process of its own: the preload starts workers only while no other thread runs, and a test before this one
# may have left one (the whole suite's run measured no worker at all).
_WORKER_COSTS = """
import json, sys
from server import preload
from bench.preload_profile import worker_costs
original = preload.BatchPreparer.prepare
preload.WORKER_MIN_BYTES = 0  # the seed is far smaller than what starts them
runs = worker_costs([sys.argv[1]], rounds=1)
print(json.dumps({"runs": runs, "restored": preload.BatchPreparer.prepare is original}))
"""


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="the preload starts workers with two cores or more")
def test_the_workers_cpu_is_counted_in_them_and_prepare_restored():
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", _WORKER_COSTS, SEED], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(root)}, cwd=root)
    measured = json.loads(done.stdout.splitlines()[-1])
    runs = measured["runs"]
    assert [workers for workers, *_cpu in runs] == [False, True]
    (_one, one_own, _none, one_prepared), (_workers, own, children, prepared) = runs
    # In one process every batch is prepared here; with workers, in them (the seed: one batch, one worker used).
    assert 0 < one_prepared <= one_own
    assert children > 0 and 0 < prepared <= children
    assert measured["restored"]


def test_the_line_decisions_are_told_by_kind_and_excluded_restored():
    from server.boilerplate import BatchLines

    original = BatchLines.excluded
    kinds, total = line_costs([SEED])
    assert BatchLines.excluded is original
    lines = sum(count for count, _seconds in kinds.values())
    assert lines > 0 and 0 < sum(seconds for _count, seconds in kinds.values()) <= total
    assert {kind[0] for kind in kinds} == {"kept", "left out"}
    assert {kind[3] for kind in kinds} == {"header", "body"}


def test_a_line_is_repeated_at_the_same_text_and_position_only():
    from types import SimpleNamespace

    from server.boilerplate import Position

    top, lower = Position(0, 20), Position(12, 20)
    lines = SimpleNamespace(normalised=["menu", "menu", "menu"], positions=[top, top, lower], counts=[2, 2, 20])
    seen: set = set()
    assert _line_kind(lines, 0, True, (None, None), seen) == ("kept", "first seen", "1-3 words", "header")
    assert _line_kind(lines, 1, False, (("navigation", "menu"), None), seen) == ("left out", "repeated", "1-3 words",
                                                                                  "body")
    assert _line_kind(lines, 2, False, (None, None), seen) == ("kept", "first seen", "16-40 words", "body")
