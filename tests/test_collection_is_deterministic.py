"""`make test` runs on every core (pytest-xdist), and each worker collects the
whole suite itself: if two workers collect different test ids (a parameter id
holding the time, a random value or a set's hash order), xdist stops the run
with "Different tests were collected". Session 48 met it once: three ids held
``gzip.compress``'s timestamp, and only workers that straddled a second
differed. This collects the suite twice, in separate processes seconds apart
and with other hash seeds, so such an id fails here every time, not now and
then in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def collected_ids(hash_seed: str) -> list[str]:
    """The test ids a fresh pytest process collects from tests/, in order."""
    # A worker's own variables (PYTEST_XDIST_WORKER, ...) are not the fresh process's.
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    environment["PYTHONHASHSEED"] = hash_seed
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(TESTS)],
        capture_output=True, text=True, env=environment, cwd=TESTS.parent, timeout=600)
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-2000:]
    return [line for line in finished.stdout.splitlines() if "::" in line]


def test_two_collections_seconds_apart_with_other_hash_seeds_list_the_same_tests() -> None:
    first = collected_ids("1")
    second = collected_ids("2")  # a collection takes seconds, so every clock-derived id moves on
    assert len(first) > 1000
    only_first = sorted(set(first) - set(second))
    only_second = sorted(set(second) - set(first))
    assert not only_first and not only_second, (only_first[:5], only_second[:5])
    assert first == second
