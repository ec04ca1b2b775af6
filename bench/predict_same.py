"""Whether two checkouts predict the same: /predict (the labeling config of ``bench/annotate.py``) over the texts of
the annotators' fixtures and a slice of the throughput corpus, compared byte for byte.

    .venv/bin/python bench/predict_same.py --against ../main ../shared/datasets/ner/harem-conll/corpus_Paramopama.txt

The texts: every string of 15 characters or more with a space in the JSON and JSON lines files of the fixtures'
``entities*``, ``claims*``, ``claimsent*``, ``sentiment*``, ``news*``, ``reviews*``, ``products*``, ``seedlike*``,
``unseen`` and ``calib*`` folders (in the order of their paths), then the first ``--max-words`` words of the corpus
as ``bench/annotate.py`` cuts it into tasks. Each checkout runs them through its own predictor (batches of
``--batch-size`` tasks, as Label Studio sends them) in its own process, with that checkout first on the path, and
writes one JSON line a task (its text and its prediction, keys sorted); the lines are sorted and their MD5s
compared, the first difference printed. Exits 1 if they differ. Made to show that a speed-up changes no output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_FOLDERS = ("entities*", "claims*", "claimsent*", "sentiment*", "news*", "reviews*", "products*", "seedlike*",
                   "unseen", "calib*")
MIN_CHARS = 15


def fixture_texts(fixtures: Path) -> list[str]:
    """The strings of MIN_CHARS characters or more with a space in the fixtures' JSON, each once, in path order."""
    folders = sorted({folder for pattern in FIXTURE_FOLDERS for folder in fixtures.glob(pattern) if folder.is_dir()})
    texts: dict[str, None] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".json", ".jsonl"):
                continue
            lines = path.read_text(encoding="utf-8").splitlines() if path.suffix == ".jsonl" else [path.read_text(
                encoding="utf-8")]
            for line in lines:
                if line.strip():
                    texts.update(dict.fromkeys(text for text in strings(json.loads(line))
                                               if len(text) >= MIN_CHARS and " " in text))
    return list(texts)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value, keys excepted."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def dump(corpus: Path, max_words: int, batch_size: int, out: Path) -> None:
    """Predict every text with the ``server`` on the path and write the sorted JSON lines to ``out``."""
    sys.path.insert(0, str(Path.cwd()))  # the checkout's bench/annotate.py and plugins, not this file's
    from bench.annotate import CONFIG, batches, read_tasks
    from server import create_app
    from server.app import get_state
    from server.labeling import parse_labeling_config

    texts = fixture_texts(Path.cwd() / "fixtures") + read_tasks(corpus, 8, max_words)
    lines = []
    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/same.db", "SOURCES": [], "PLUGIN_TIMEOUT": 600})
        predictor = get_state(app).predictor
        config = parse_labeling_config(CONFIG)
        for batch in batches(texts, batch_size):
            tasks = [{"id": i, "data": {"text": text}, "project": 1} for i, text in enumerate(batch)]
            for text, prediction in zip(batch, predictor.predict(config, tasks, project="1.0"), strict=True):
                lines.append(json.dumps({"text": text, "prediction": prediction}, sort_keys=True, ensure_ascii=False))
        app.extensions["anota"].database.dispose()
    out.write_text("".join(line + "\n" for line in sorted(lines)), encoding="utf-8")
    print(f"{len(texts):,} texts", file=sys.stderr)


def run_checkout(checkout: Path, args: argparse.Namespace, out: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, __file__, "--dump", str(out), "--max-words", str(args.max_words),
               "--batch-size", str(args.batch_size), str(args.corpus.resolve())]
    subprocess.run(command, check=True, env=environment, cwd=checkout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="corpus_Paramopama.txt (token<TAB>tag, CoNLL-like)")
    parser.add_argument("--against", type=Path, help="the other checkout (this one is the script's)")
    parser.add_argument("--max-words", type=int, default=60_000, help="words of the corpus predicted")
    parser.add_argument("--batch-size", type=int, default=32, help="tasks per /predict")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(args.corpus, args.max_words, args.batch_size, args.dump)
        return
    if args.against is None:
        parser.error("--against is required")
    with tempfile.TemporaryDirectory() as scratch:
        outputs = [Path(scratch) / "this.jsonl", Path(scratch) / "other.jsonl"]
        for checkout, out in zip((ROOT, args.against.resolve()), outputs, strict=True):
            run_checkout(checkout, args, out)
        digests = [hashlib.md5(out.read_bytes()).hexdigest() for out in outputs]
        print(f"{ROOT}: {digests[0]}\n{args.against}: {digests[1]}")
        if digests[0] == digests[1]:
            print("identical")
            return
        this, other = (out.read_text(encoding="utf-8").splitlines() for out in outputs)
        for mine, theirs in zip(this, other):
            if mine != theirs:
                print(f"first difference:\n  this:  {mine[:600]}\n  other: {theirs[:600]}")
                break
        else:
            print(f"one has more lines: {len(this)} against {len(other)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
