"""Whether two checkouts preload the same: every task, left out or not (ids, texts, sources, offsets, languages), and
the listing of what was left out and why, compared source by source.

    .venv/bin/python bench/preload_same.py --against ../main fixtures/*/ /tmp/anota-bench-corpus
    .venv/bin/python bench/preload_same.py --against ../main --workers /tmp/anota-bench-corpus

Each checkout preloads each source (a file or folder) into a new SQLite file, in its own process with that
checkout's ``server`` first on the path; the outputs are written as JSON lines and compared, the first difference
of each source printed. Exits 1 if any source differs. Made to show that a speed-up changes no decision.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

NO_ANNOTATORS = ["entities", "claims", "sentiment"]


def dump(sources: list[str], workers: bool, out: Path) -> None:
    """Preload each source with the ``server`` on the path and write its tasks and listing as JSON lines to ``out``:
    one line a task or exclusion, each source's lines after a line naming it."""
    from server import create_app
    from server.tasks import excluded_listing, iter_label_studio_tasks

    with out.open("w", encoding="utf-8") as lines:
        for source in sources:
            lines.write(json.dumps({"source": source}) + "\n")
            with tempfile.TemporaryDirectory() as scratch:
                app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/same.db", "SOURCES": [source],
                                  "DISABLE_PLUGINS": NO_ANNOTATORS, "PRELOAD_WORKERS": workers})
                for task in iter_label_studio_tasks(app, include_excluded=True):
                    lines.write(json.dumps(task, sort_keys=True, ensure_ascii=False) + "\n")
                with app.app_context():
                    listing = excluded_listing(app)
                # Neither is a decision: the time, and the fingerprint of the settings and versions (a PIPELINE_VERSION
                # bumped for a change that alters nothing here would make every source differ).
                listing["report"].pop("seconds", None)
                listing["report"].pop("fingerprint", None)
                for excluded in listing.pop("excluded"):
                    lines.write(json.dumps(excluded, sort_keys=True, ensure_ascii=False) + "\n")
                lines.write(json.dumps(listing, sort_keys=True, ensure_ascii=False) + "\n")
                app.extensions["anota"].database.dispose()


def by_source(path: Path) -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith('{"source": '):
            current = sources.setdefault(json.loads(line)["source"], [])
        else:
            current.append(line)
    return sources


def run_checkout(checkout: Path, sources: list[str], workers: bool, out: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, __file__, "--dump", str(out), *(["--workers"] if workers else []), *sources]
    subprocess.run(command, check=True, env=environment, cwd=checkout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--against", type=Path, help="the other checkout (this one is the script's)")
    parser.add_argument("--workers", action="store_true", help="preload with worker processes where the size allows")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sources = [str(Path(source).resolve()) for source in args.sources]
    if args.dump:
        dump(sources, args.workers, args.dump)
        return
    if args.against is None:
        parser.error("--against is required")
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as scratch:
        outputs = [Path(scratch) / "this.jsonl", Path(scratch) / "other.jsonl"]
        for checkout, out in zip((here, args.against.resolve()), outputs, strict=True):
            run_checkout(checkout, sources, args.workers, out)
        this, other = (by_source(out) for out in outputs)
        differing = 0
        for source in sources:
            ours, theirs = this.get(source, []), other.get(source, [])
            digest = hashlib.sha256("\n".join(ours).encode()).hexdigest()[:12]
            if ours == theirs:
                print(f"same      {len(ours):7} lines  {digest}  {source}")
                continue
            differing += 1
            first = next((n for n, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
            print(f"DIFFERENT {len(ours):7} vs {len(theirs)} lines, first at line {first}: {source}")
            print(f"  this:  {ours[first][:300] if first < len(ours) else '(none)'}")
            print(f"  other: {theirs[first][:300] if first < len(theirs) else '(none)'}")
    print(f"{len(sources) - differing} of {len(sources)} sources the same")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
