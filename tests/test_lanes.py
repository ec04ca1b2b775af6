"""The threads each annotator runs on (server.predicting.Lane)."""

import os
import threading

import pytest

from server.predicting import Lane


def test_a_job_gives_its_result_or_its_exception():
    lane = Lane("test")
    assert lane.submit(lambda a, b: a + b, 2, 3).wait(timeout=5) == 5
    with pytest.raises(ZeroDivisionError):
        lane.submit(lambda: 1 / 0).wait(timeout=5)
    lane.close()


def test_a_lane_whose_threads_are_all_stuck_refuses_work_until_one_is_free():
    lane, release = Lane("test"), threading.Event()
    stuck = [lane.submit(release.wait) for _ in range(Lane.THREADS)]
    with pytest.raises(TimeoutError):
        stuck[0].wait(timeout=0.05)
    assert lane.submit(len, "refused") is None
    release.set()
    assert all(job.wait(timeout=5) for job in stuck)
    assert lane.submit(len, "four").wait(timeout=5) == 4
    lane.close()


def test_a_forked_child_starts_threads_of_its_own():
    # gunicorn --preload forks the app after it may have used its lanes. The
    # parent's threads, just back to waiting for work, leave its queue in a
    # state a child cannot use (about one fork in five): hence 20 forks.
    lane = Lane("test")
    for _ in range(20):
        assert lane.submit(os.getpid).wait(timeout=5) == os.getpid()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports through its exit code
            try:
                os._exit(0 if lane.submit(os.getpid).wait(timeout=2) == os.getpid() else 1)
            except BaseException:
                os._exit(2)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    lane.close()


def test_jobs_one_after_another_share_one_thread():
    # Threads are started only when all are busy: a thread that runs a model
    # keeps its own memory arena.
    lane = Lane("test")
    assert len({lane.submit(threading.get_ident).wait(timeout=5) for _ in range(20)}) == 1
    lane.close()
