"""The cost of one /predict in process, for bench/predict.py's three bodies: what a change to the request path
costs, without gunicorn, sockets or the baselines (whose speed moves with the machine).

    .venv/bin/python bench/predict_cost.py [--requests 300] [--rounds 3]     # CPU ms a request, each round
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=starmap_next \\
        --dump-before=itertools_starmap .venv/bin/python bench/predict_cost.py --callgrind

With ``--callgrind`` each body's requests run inside one ``itertools.starmap`` (a request a step), which neither
the request path nor a plugin calls, so callgrind collects the requests alone and dumps each body's instructions when
the next body's ``starmap`` is made: the first dump is empty, the next two are 400 requests of 3 tasks and 100 of 100
tasks, the final file (no number) 20 of 100 unseen texts (the request's thread only: the annotators' lanes are not
counted). Not ``functools.reduce`` (sessions 34-44's toggle): claims' ``CueIndex.worth_finding`` calls it for every
unit, which would stop the collection inside each and dump once a unit if claims ran here. Instruction counts move
far less than CPU time on a shared machine: compile both trees first
(``python -m compileall -q server schemas plugins``) and compare them so.
"""

from __future__ import annotations

import argparse
import collections
import gc
import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.predict import ENVIRONMENT, bodies, fresh_texts  # noqa: E402

# Requests of each body under callgrind (its dumps after the first, in this order).
CALLGRIND_REQUESTS = {"3 tasks": 400, "100 tasks": 100, "100 unseen": 20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="a round's requests of each body")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--callgrind", action="store_true", help="each body's requests inside itertools.starmap")
    args = parser.parse_args()
    os.environ.update(ENVIRONMENT)
    from server import create_app

    with tempfile.TemporaryDirectory() as scratch:
        client = create_app({"DATABASE_URL": f"sqlite:///{scratch}/anota.db", "PRELOAD": False}).test_client()
        senders = {name: fresh_texts(json.dumps(body).encode()) for name, body in bodies().items()}

        def post(name: str) -> None:
            answer = client.post("/predict", data=senders[name](), content_type="application/json")
            assert answer.status_code == 200, answer.get_data(as_text=True)

        for name in senders:  # warmed up: models, caches, the project's usual language
            for _ in range(20):
                post(name)
        gc.freeze()  # as `anota serve` does after start-up
        if args.callgrind:
            for name, requests in CALLGRIND_REQUESTS.items():
                collections.deque(itertools.starmap(post, itertools.repeat((name,), requests)), maxlen=0)
            return
        for name in senders:
            rounds = []
            for _ in range(args.rounds):
                started = time.process_time()
                for _ in range(args.requests):
                    post(name)
                rounds.append((time.process_time() - started) * 1000 / args.requests)
            print(f"{name:<11} CPU ms a request: " + " ".join(f"{cost:.3f}" for cost in rounds), flush=True)


if __name__ == "__main__":
    main()
