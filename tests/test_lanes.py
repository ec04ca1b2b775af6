"""The threads each annotator runs on (server.predicting.Lane)."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from server import create_app
from server.app import get_state
from server.predicting import Lane, Waiter

ROOT = Path(__file__).resolve().parent.parent


def test_a_job_gives_its_result_or_its_exception():
    lane, waiter = Lane("test"), Waiter()
    assert lane.submit(waiter, lambda a, b: a + b, 2, 3).wait(timeout=5) == 5
    with pytest.raises(ZeroDivisionError):
        lane.submit(waiter, lambda: 1 / 0).wait(timeout=5)
    lane.close()


def test_a_lane_whose_threads_are_all_stuck_refuses_work_until_one_is_free():
    lane, waiter, release = Lane("test"), Waiter(), threading.Event()
    stuck = [lane.submit(waiter, release.wait) for _ in range(Lane.THREADS)]
    with pytest.raises(TimeoutError):
        stuck[0].wait(timeout=0.05)
    assert lane.submit(waiter, len, "refused") is None
    release.set()
    assert all(job.wait(timeout=5) for job in stuck)
    assert lane.submit(waiter, len, "four").wait(timeout=5) == 4
    lane.close()


def test_a_forked_child_starts_threads_of_its_own():
    # gunicorn --preload forks the app after it may have used its lanes. The
    # parent's threads, just back to waiting for work, leave its queue in a
    # state a child cannot use (about one fork in five): hence 20 forks.
    # They fork a fresh interpreter: forked from pytest, whose heap holds the
    # models the suite loaded by then, they took 20.8 s of a full run (1.1 s alone).
    code = "import sys; from tests.test_lanes import fork_and_use_lanes; sys.exit(fork_and_use_lanes(20))"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def fork_and_use_lanes(forks: int) -> str | None:
    """Use a lane, fork, and have the child use it, ``forks`` times; what went wrong, if anything."""
    lane, waiter = Lane("test"), Waiter()
    for fork in range(forks):
        if lane.submit(waiter, os.getpid).wait(timeout=5) != os.getpid():
            return f"fork {fork}: the parent's job ran in another process"
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports through its exit code
            try:
                os._exit(0 if lane.submit(waiter, os.getpid).wait(timeout=2) == os.getpid() else 1)
            except BaseException:
                os._exit(2)
        _, status = os.waitpid(child, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return f"fork {fork}: the child exited with {os.waitstatus_to_exitcode(status)}"
    lane.close()
    return None


def test_jobs_one_after_another_share_one_thread():
    # Threads are started only when all are busy: a thread that runs a model
    # keeps its own memory arena.
    lane, waiter = Lane("test"), Waiter()
    assert len({lane.submit(waiter, threading.get_ident).wait(timeout=5) for _ in range(20)}) == 1
    lane.close()


def test_a_late_wake_up_from_an_abandoned_job_does_not_end_a_later_wait():
    lane, waiter, release = Lane("test"), Waiter(), threading.Event()
    abandoned = lane.submit(waiter, release.wait)
    with pytest.raises(TimeoutError):
        abandoned.wait(timeout=0.01)
    release.set()  # its wake-up now waits in the waiter's pipe
    slow = lane.submit(waiter, lambda: time.sleep(0.2) or "slow")
    assert slow.wait(timeout=5) == "slow"
    lane.close()


def test_a_forked_child_waits_on_a_pipe_of_its_own(tmp_path):
    # Sharing the parent's, one process could swallow the other's wake-ups.
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "PRELOAD": False})
    predictor = get_state(app).predictor
    parents = predictor._waiter()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit code
        os._exit(0 if predictor._waiter() is not parents else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert predictor._waiter() is parents


def test_wake_ups_nobody_reads_never_block_a_lane():
    # A thread whose jobs are always done before it waits never reads its pipe.
    lane, waiter = Lane("test"), Waiter()
    for _ in range(70_000):  # more wake-ups than a pipe holds (64 KiB)
        waiter.wake()
    assert lane.submit(waiter, len, "ok").wait(timeout=5) == 2
    lane.close()
