"""Whether two checkouts pre-annotate the same: ``/predict`` over the fixtures' probe texts and the start of a corpus,
every prediction compared.

    .venv/bin/python bench/predict_same.py --against ../main ../shared/datasets/ner/harem-conll/corpus_Paramopama.txt

The texts: every string of 15 characters or more with a space in the JSON (``*.json``, ``*.jsonl``) of the fixture
folders that probe the three annotators (``FIXTURE_FOLDERS``), then the first ``--max-words`` words of the corpus cut
into tasks as ``bench/annotate.py`` cuts them. Each checkout, in its own process with its own code first on the path,
posts them to ``/predict`` (``bench/annotate.py``'s labeling config, batches of 32, as Label Studio sends them) and
writes each task's text and predictions as a JSON line; both files are sorted and compared, the first difference
printed. Exits 1 if any prediction differs. Made to show that a speed-up of the annotators changes no output.
``--without FOLDER`` leaves a fixture folder's texts out: a probe's blind set that has not had its one run yet must not
be read before it (entities45 read its own that way in session 41).
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
# Session 45 on, a probe's folder is named after its branch ("s45-claims", "s47-entities-en", "s47-claims2").
FIXTURE_FOLDERS = ("entities*", "claims*", "claimsent*", "sentiment*", "news*", "reviews*", "products*", "seedlike*",
                   "unseen", "calib*", "s[0-9]*-entities*", "s[0-9]*-claims*", "s[0-9]*-sentiment*")
BATCH = 32


def strings_in(value: Any) -> Iterator[str]:
    """Every string of a decoded JSON value, keys and values, depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def fixture_texts(root: Path, without: list[Path] = ()) -> list[str]:
    """The probe texts of ``FIXTURE_FOLDERS`` under ``root``'s ``fixtures/``, in file order, but those under
    ``without``."""
    left_out = [folder.resolve() for folder in without]
    files = sorted({path for folder in FIXTURE_FOLDERS for path in (root / "fixtures").glob(f"{folder}/**/*.json*")
                    if path.suffix in (".json", ".jsonl")
                    and not any(path.resolve().is_relative_to(other) for other in left_out)})
    texts = []
    for path in files:
        content = path.read_text(encoding="utf-8")
        values = [json.loads(line) for line in content.splitlines() if line.strip()] if path.suffix == ".jsonl" \
            else [json.loads(content)]
        texts += [text for value in values for text in strings_in(value) if len(text) >= 15 and " " in text]
    return texts


def dump(texts: list[str], config: str, out: Path) -> None:
    """Post ``texts`` to ``/predict`` of an app of the ``server`` on the path, with the labeling ``config``, and write
    each task's text and predictions as a JSON line to ``out``."""
    from server import create_app

    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/same.db", "SOURCES": [], "PLUGIN_TIMEOUT": 600})
        client = app.test_client()
        with out.open("w", encoding="utf-8") as lines:
            for first in range(0, len(texts), BATCH):
                batch = texts[first:first + BATCH]
                tasks = [{"id": first + i + 1, "data": {"text": text}, "project": 1} for i, text in enumerate(batch)]
                response = client.post("/predict", json={"tasks": tasks, "project": "1.0", "label_config": config})
                if response.status_code != 200:
                    raise SystemExit(f"/predict answered {response.status_code}: {response.get_data(as_text=True)}")
                for text, prediction in zip(batch, response.get_json()["results"], strict=True):
                    lines.write(json.dumps({"text": text, "prediction": prediction}, sort_keys=True,
                                           ensure_ascii=False) + "\n")
        app.extensions["anota"].database.dispose()


def run_checkout(checkout: Path, texts_file: Path, out: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, __file__, "--dump", str(out), "--texts", str(texts_file)]
    subprocess.run(command, check=True, env=environment, cwd=checkout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, nargs="?", help="corpus_Paramopama.txt (token<TAB>tag, CoNLL-like)")
    parser.add_argument("--against", type=Path, help="the other checkout (this one is the script's)")
    parser.add_argument("--max-words", type=int, default=60000, help="the corpus's words posted (its first ones)")
    parser.add_argument("--without", type=Path, action="append", default=[],
                        help="a fixture folder (or file) whose texts are left out, e.g. a blind set not yet run")
    parser.add_argument("--keep", type=Path, help="a folder to keep both checkouts' sorted predictions in")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        inputs = json.loads(args.texts.read_text(encoding="utf-8"))
        dump(inputs["texts"], inputs["config"], args.dump)
        return
    if args.against is None:
        parser.error("--against is required")
    # this checkout's bench script, also for the other checkout's run: the dump imports none of it (it would put this
    # checkout first on the path)
    from annotate import CONFIG, read_tasks

    texts = fixture_texts(ROOT, args.without) + (read_tasks(args.corpus, 8, args.max_words) if args.corpus else [])
    print(f"{len(texts)} texts")
    with tempfile.TemporaryDirectory() as scratch:
        texts_file = Path(scratch) / "texts.json"
        texts_file.write_text(json.dumps({"texts": texts, "config": CONFIG}, ensure_ascii=False), encoding="utf-8")
        sorted_lines = []
        for checkout, name in ((ROOT, "this"), (args.against.resolve(), "other")):
            out = Path(scratch) / f"{name}.jsonl"
            run_checkout(checkout, texts_file, out)
            sorted_lines.append(sorted(out.read_text(encoding="utf-8").splitlines()))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{name}.jsonl").write_text("\n".join(sorted_lines[-1]) + "\n", encoding="utf-8")
    ours, theirs = sorted_lines
    for name, lines in (("this", ours), ("other", theirs)):
        digest = hashlib.md5("".join(line + "\n" for line in lines).encode()).hexdigest()
        print(f"{name:5}  {len(lines)} predictions  md5 {digest}")
    if ours == theirs:
        print("the same")
        return
    first = next((n for n, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
    print(f"DIFFERENT, {sum(a != b for a, b in zip(ours, theirs, strict=False))} lines apart, first at line {first}:")
    print(f"  this:  {ours[first][:600] if first < len(ours) else '(none)'}")
    print(f"  other: {theirs[first][:600] if first < len(theirs) else '(none)'}")
    sys.exit(1)


if __name__ == "__main__":
    main()
