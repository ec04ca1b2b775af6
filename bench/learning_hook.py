"""How long the entities plugin's learning takes inside /webhook (Label Studio waits 1 s; goal < 50 ms).

    .venv/bin/python bench/learning_hook.py [--annotations 50]

Posts annotations of the seed text (its six entity names labelled at both of their
places, against a prediction that also held spans the annotator deleted) to an
app on a fresh SQLite file, and times the whole webhook and the
``annotation_changed`` hook alone (median and maximum), side by side with the
webhook of an app without the entities plugin (storing the event only).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flask import Flask

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server import create_app  # noqa: E402
from server.events import AnnotationEvent  # noqa: E402

SEED = (Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_3734a0b2899233d0.txt").read_text()
NAMES = [("China", "LOC"), ("EUA", "LOC"), ("Meta", "ORG"), ("Deepseek", "ORG"), ("BlackWell", "PRODUCT"),
         ("Qwen", "PRODUCT")]
DELETED = [("Gate", "ORG"), ("CheckPoints", "PRODUCT")]


def regions(pairs: list[tuple[str, str]]) -> list[dict]:
    found = []
    for words, label in pairs:
        for start in (SEED.index(words), SEED.rindex(words)):
            found.append({"from_name": "label", "to_name": "text", "type": "labels",
                          "value": {"start": start, "end": start + len(words), "text": words, "labels": [label]}})
    return found


def body(annotation_id: int) -> dict:
    return {"action": "ANNOTATION_CREATED", "project": {"id": 1}, "task": {"id": annotation_id, "data": {"text": SEED}},
            "annotation": {"id": annotation_id, "result": regions(NAMES), "updated_at": f"2026-01-01T00:00:{annotation_id}",
                           "prediction": {"result": regions(NAMES + DELETED)}}}


@contextlib.contextmanager
def scratch_app(**settings: Any) -> Iterator[Flask]:
    """An app whose database lives in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="anota-bench-") as scratch:
        yield create_app({"DATABASE_URL": f"sqlite:///{scratch}/bench.db", "SOURCES": [], **settings})


def time_webhooks(disable: list[str], count: int) -> list[float]:
    seconds = []
    with scratch_app(DISABLE_PLUGINS=disable) as app:
        client = app.test_client()
        for annotation_id in range(1, count + 1):
            started = time.perf_counter()
            client.post("/webhook", json=body(annotation_id))
            seconds.append(time.perf_counter() - started)
    return seconds


def time_hook(count: int) -> list[float]:
    from plugins.entities import annotation_changed

    result = regions(NAMES)
    seconds = []
    with scratch_app() as app:
        for annotation_id in range(1, count + 1):
            event = AnnotationEvent("ANNOTATION_CREATED", annotation_id, 1, annotation_id, {"text": SEED}, result,
                                    {"result": regions(NAMES + DELETED)})
            started = time.perf_counter()
            annotation_changed(event, app)
            seconds.append(time.perf_counter() - started)
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotations", type=int, default=50)
    args = parser.parse_args(argv)
    rows = [("webhook, store only (no entities plugin)", time_webhooks(["entities"], args.annotations)),
            ("webhook with entities learning", time_webhooks([], args.annotations)),
            ("annotation_changed hook alone", time_hook(args.annotations))]
    print(f"{args.annotations} annotations, {len(regions(NAMES))} kept and {len(regions(DELETED))} deleted spans each\n")
    print("| what | median ms | max ms |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {statistics.median(seconds) * 1000:.1f} | {max(seconds) * 1000:.1f} |")


if __name__ == "__main__":
    main()
