"""bench/predict.py's bodies (the "100 unseen" one must be new to Anota on every request) and its CPU reading."""

from __future__ import annotations

import json
import subprocess
import sys

from bench.predict import bodies, fresh_texts, group_cpu_seconds


def texts(body: bytes) -> list[str]:
    return [task["data"]["text"] for task in json.loads(body)["tasks"]]


def test_every_request_of_the_unseen_body_sends_texts_never_sent_before() -> None:
    next_body = fresh_texts(json.dumps(bodies()["100 unseen"]).encode())
    first, second = next_body(), next_body()
    assert len(first) == len(second)  # the baselines answer by the body's length
    sent = texts(first) + texts(second)
    assert len(set(sent)) == len(sent) == 200


def test_the_recorded_bodies_are_sent_as_they_are() -> None:
    body = json.dumps(bodies()["100 tasks"]).encode()
    assert fresh_texts(body)() == body


def test_a_servers_cpu_is_its_process_groups_children_included() -> None:
    # A session leader that starts a child, both burning CPU, then both waiting to be told to end.
    burn = "import time\nstart = time.process_time()\nwhile time.process_time() - start < 0.4: pass\n"
    script = (f"import subprocess, sys\n{burn}"
              f"child = subprocess.Popen([sys.executable, '-c', {burn + 'print(1, flush=True); input()'!r}], "
              "stdin=subprocess.PIPE, stdout=subprocess.PIPE)\n"
              "child.stdout.readline(); print(1, flush=True); input(); child.communicate(b'\\n')")
    leader = subprocess.Popen([sys.executable, "-c", script], start_new_session=True, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert leader.stdout.readline() == "1\n"
        assert 0.75 <= group_cpu_seconds(leader.pid) < 2.0
        assert group_cpu_seconds(leader.pid + 10**7) == 0.0  # no such group
    finally:
        leader.communicate("\n", timeout=30)
