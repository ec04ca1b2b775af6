"""Requests per second of Anota's /predict against plain Flask apps.

All run in gunicorn with the same settings (1 worker, 1 thread by default),
started side by side in this one run and measured in interleaved rounds. Anota
runs a no-op annotator (built-in plugins disabled), so what is measured is the
whole request path: body schema, labeling-config mapping, isolation, validation
and the JSON answer. Two baselines answer the same body with Anota's answer,
precomputed:

- plain Flask: the smallest real ML backend, ``request.get_json()`` then
  ``jsonify(answer)`` with Flask's defaults (the goal is measured against it);
- static: reads the body's bytes and returns the answer's bytes, parsing
  nothing (the floor of gunicorn and Flask themselves).

Besides requests per second, the CPU time each server's processes (gunicorn's
master and worker) spent per request: requests/s moves with whatever else the
machine runs and with the client threads sharing its CPUs, the CPU a request
costs much less.

    .venv/bin/python bench/predict.py [--seconds 5] [--rounds 3] [--slices 6]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "fixtures" / "label-studio-1.23.2" / "ls_to_backend_predict.json"
ENVIRONMENT = {"ANOTA_PLUGINS": "bench.noop_plugin", "ANOTA_DISABLE_PLUGINS": "entities,claims,sentiment,loaders"}


# In the texts of the "100 unseen" body, stands for a number that each request
# changes (``fresh_texts``): every text of every request is new to Anota.
UNSEEN = "#" * 9


def bodies() -> dict[str, dict]:
    """The recorded request of 3 tasks; 100 of its tasks (Label Studio sends the
    same tasks again, and Anota remembers their texts' languages); and 100
    tasks of texts never sent before, whose languages are detected."""
    three = json.loads(RECORDED.read_text(encoding="utf-8"))["json"]
    hundred = dict(three, tasks=[dict(three["tasks"][i % 3], id=i + 1) for i in range(100)])
    unseen = dict(three, tasks=[
        dict(task, data=dict(task["data"], text=f"{task['data']['text']} (tarefa {task['id']}, {UNSEEN})"))
        for task in hundred["tasks"]])
    return {"3 tasks": three, "100 tasks": hundred, "100 unseen": unseen}


def fresh_texts(body: bytes) -> Callable[[], bytes]:
    """The body to send next: ``body`` with UNSEEN made a new number, the same
    length (the baselines answer by the body's length)."""
    if UNSEEN.encode() not in body:
        return lambda: body
    numbers = itertools.count()
    return lambda: body.replace(UNSEEN.encode(), b"%09d" % next(numbers))


def baseline_app(parse: bool):  # noqa: ANN201  (gunicorn factory)
    """A Flask app answering /predict with Anota's answer for the same body
    (from BENCH_ANSWERS); ``parse`` makes it read the body as JSON and
    serialise the answer as a plain backend would."""
    from flask import Flask, Response, jsonify, request

    answers = json.loads(Path(os.environ["BENCH_ANSWERS"]).read_text())
    parsed = {length: json.loads(answer) for length, answer in answers.items()}
    app = Flask("plain" if parse else "static")

    @app.post("/predict")
    def predict() -> Response:
        if parse:
            request.get_json()
            return jsonify(parsed[str(request.content_length)])
        return Response(answers[str(len(request.get_data()))], mimetype="application/json")

    @app.get("/health")
    def health() -> dict:
        return {"status": "UP"}

    return app


def anota_answers(payloads: dict[str, dict]) -> dict[str, str]:
    """What Anota answers for each body, keyed by the body's length in bytes."""
    os.environ.update(ENVIRONMENT)
    from server import create_app

    client = create_app({"PRELOAD": False}).test_client()
    answers = {}
    for body in payloads.values():
        encoded = json.dumps(body).encode()
        answer = client.post("/predict", data=encoded, content_type="application/json")
        assert answer.status_code == 200, answer.get_data(as_text=True)
        answers[str(len(encoded))] = answer.get_data(as_text=True)
    return answers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], environment: dict[str, str], port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        command, env=environment, cwd=ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command} did not start")


TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(group: int) -> float:
    """User and system CPU of every live process in process group ``group``
    (a server started in its own session: its master and workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name (field 2) may hold spaces: the fields after it are split.
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[2]) == group:  # pgrp, then utime and stime (fields 5, 14 and 15 of proc(5))
            total += int(fields[11]) + int(fields[12])
    return total / TICKS_PER_SECOND


def requests_per_second(port: int, body: bytes, seconds: float, clients: int) -> float:
    """Closed-loop load from ``clients`` threads; gunicorn's sync worker closes
    each connection, so every request opens a new one (as for both servers)."""
    counts = [0] * clients
    stop_at = time.monotonic() + seconds
    next_body = fresh_texts(body)

    def client(index: int) -> None:
        while time.monotonic() < stop_at:
            connection = HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/predict", next_body(), {"Content-Type": "application/json"})
            answer = connection.getresponse()
            answer.read()
            connection.close()
            if answer.status != 200:
                raise RuntimeError(f"HTTP {answer.status}")
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slices", type=int, default=6, help="turns each server takes in a round")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--pin-baselines", action="store_true",
                        help="run the baselines' worker on one CPU too, as anota serve pins its own")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))  # for bench.noop_plugin
    payloads = bodies()
    scratch = Path(tempfile.mkdtemp(prefix="anota-bench-"))
    answers_file = scratch / "answers.json"
    answers_file.write_text(json.dumps(anota_answers(payloads)))
    bin_dir = Path(sys.executable).parent
    settings = ["--workers", str(args.workers), "--threads", str(args.threads)]
    ports = {"static": free_port(), "plain Flask": free_port(), "Anota": free_port()}
    environment = {
        **os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT), "BENCH_ANSWERS": str(answers_file),
        "ANOTA_DATABASE_URL": f"sqlite:///{scratch / 'bench.db'}", "ANOTA_PRELOAD": "false",
    }
    # The CPU anota serve pins its first worker to (gunicorn counts workers from 1).
    cpus = sorted(os.sched_getaffinity(0))
    pinned = ["taskset", "-c", str(cpus[1 % len(cpus)])] if args.pin_baselines else []
    servers = {
        **{
            # `anota serve` keeps an access log: the baselines keep one too.
            name: start([*pinned, str(bin_dir / "gunicorn"), "--preload", "--access-logfile", "-",
                         "-b", f"127.0.0.1:{ports[name]}", *settings,
                         f"bench.predict:baseline_app(parse={parse})"], environment, ports[name])
            for name, parse in (("static", False), ("plain Flask", True))
        },
        "Anota": start([str(bin_dir / "anota"), "serve", "--port", str(ports["Anota"]), *settings],
                       environment, ports["Anota"]),
    }
    try:
        report(payloads, ports, {name: process.pid for name, process in servers.items()}, args)
    finally:
        for process in servers.values():
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)


def report(payloads: dict[str, dict], ports: dict[str, int], groups: dict[str, int],
           args: argparse.Namespace) -> None:
    print(f"gunicorn {args.workers} worker(s) x {args.threads} thread(s), {args.clients} client threads, "
          f"baselines {'pinned to one CPU like Anota' if args.pin_baselines else 'on every CPU'}, "
          f"{args.rounds} rounds of {args.seconds:g} s per server in {args.slices} interleaved slices; "
          "median req/s and server CPU ms a request, median of the rounds' ratios (Anota's requests per second, "
          "then per CPU second, over the other's)")
    print(f"{'body':<12} {'static':>8} {'plain Flask':>12} {'Anota':>8} {'Anota/plain':>12} {'Anota/static':>13}"
          f"   {'CPU ms: static':>14} {'plain':>6} {'Anota':>6} {'Anota/plain':>12}")
    for name, body in payloads.items():
        rates, cpu_per_request = measure(json.dumps(body).encode(), ports, groups, args)
        static, plain, anota = (statistics.median(rates[s]) for s in ("static", "plain Flask", "Anota"))
        # Ratios within each round are steadier than ratios of medians when the
        # machine's speed drifts between rounds.
        versus_plain = [a / p for a, p in zip(rates["Anota"], rates["plain Flask"])]
        versus_static = [a / s for a, s in zip(rates["Anota"], rates["static"])]
        by_cpu = [p / a for a, p in zip(cpu_per_request["Anota"], cpu_per_request["plain Flask"])]
        cpu = {server: statistics.median(samples) * 1000 for server, samples in cpu_per_request.items()}
        print(f"{name:<12} {static:>8.0f} {plain:>12.0f} {anota:>8.0f} {statistics.median(versus_plain):>11.2f}x "
              f"{statistics.median(versus_static):>12.2f}x   {cpu['static']:>14.2f} {cpu['plain Flask']:>6.2f} "
              f"{cpu['Anota']:>6.2f} {statistics.median(by_cpu):>11.2f}x   per round vs plain: "
              + " ".join(f"{ratio:.2f}" for ratio in versus_plain) + "; by CPU: "
              + " ".join(f"{ratio:.2f}" for ratio in by_cpu))


def measure(body: bytes, ports: dict[str, int], groups: dict[str, int], args: argparse.Namespace
            ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per server, each round's requests per second and CPU seconds a request."""
    rates: dict[str, list[float]] = {server: [] for server in ports}
    cpu_per_request: dict[str, list[float]] = {server: [] for server in ports}
    seconds = args.seconds / args.slices
    for _round in range(args.rounds):
        # Servers take turns in short slices within a round, so that a
        # drift in the machine's speed falls on all of them alike.
        requests = dict.fromkeys(ports, 0.0)
        cpu = dict.fromkeys(ports, 0.0)
        for _slice in range(args.slices):
            for server, port in ports.items():
                before = group_cpu_seconds(groups[server])
                requests[server] += requests_per_second(port, body, seconds, args.clients) * seconds
                cpu[server] += group_cpu_seconds(groups[server]) - before
        for server in ports:
            rates[server].append(requests[server] / args.seconds)
            cpu_per_request[server].append(cpu[server] / requests[server])
    return rates, cpu_per_request

if __name__ == "__main__":
    main()
