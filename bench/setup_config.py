"""Time one ``/setup`` of a labeling config of many labels through a real app, this tree's code against another
tree's, alternating, each in its own process (its caches cold, as a new project's config finds them).

``python bench/setup_config.py --against /work/main [--labels 20000] [--pairs 3]``: one line per run, then the
median of each side and their ratio (this tree / the other).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TREE = Path(__file__).resolve().parent.parent

ONE_SETUP = r"""
import sys, time
from server.app import create_app
app = create_app({"PRELOAD": False, "DATABASE_URL": f"sqlite:///{sys.argv[1]}"})
client = app.test_client()
small = '<View><Text name="text" value="$text"/><Labels name="l" toName="text"><Label value="A"/></Labels></View>'
client.post("/setup", json={"project": "1.1", "schema": small})  # the SDK's imports, before the clock
labels = "".join(f'<Label value="L{i:05d}"/>' for i in range(int(sys.argv[2])))
config = f'<View><Text name="text" value="$text"/><Labels name="label" toName="text">{labels}</Labels></View>'
started = time.perf_counter()
answer = client.post("/setup", json={"project": "45.1", "schema": config})
assert answer.status_code == 200, answer.json
print(time.perf_counter() - started)
"""


def one_run(tree: Path, labels: int) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        environment = {**os.environ, "PYTHONPATH": str(tree)}
        output = subprocess.run([sys.executable, "-c", ONE_SETUP, f"{scratch}/anota.db", str(labels)],
                                env=environment, capture_output=True, text=True, check=True, cwd=scratch)
    return float(output.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="the other tree (e.g. /work/main)")
    parser.add_argument("--labels", type=int, default=20000)
    parser.add_argument("--pairs", type=int, default=3)
    options = parser.parse_args()
    ours, theirs = [], []
    for pair in range(options.pairs):
        theirs.append(one_run(options.against, options.labels))
        ours.append(one_run(TREE, options.labels))
        print(f"pair {pair + 1}: {options.against} {theirs[-1]:.2f} s, {TREE} {ours[-1]:.2f} s", flush=True)
    print(f"median {statistics.median(theirs):.2f} s against {statistics.median(ours):.2f} s: "
          f"ratio {statistics.median(ours) / statistics.median(theirs):.2f}")


if __name__ == "__main__":
    main()
