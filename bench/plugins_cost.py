"""The cost of the plugins' part of /predict alone: entities, claims and sentiment over texts already parsed, and each
text's suggestions mapped onto ``bench/annotate.py``'s labeling config, on ``bench/annotate.py``'s tasks (after its
64 of warm-up, which warm the caches here too). Made to compare two trees' annotators when wall time is noise.

    .venv/bin/python bench/plugins_cost.py CORPUS --max-words 20000 --bytecodes     # Python bytecodes per function
    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no --toggle-collect=starmap_next \\
        .venv/bin/python bench/plugins_cost.py CORPUS --max-words 20000 --callgrind

``--bytecodes`` counts the bytecodes each Python function executes (``sys.settrace`` opcode events): exact and the
same on every run, but blind to the work of C (regexes, spaCy, set look-ups). ``--callgrind`` counts instructions:
start-up and the parse run uninstrumented; the script prints "ready" and its pid and waits until ``FLAGDIR/go``
exists (after ``callgrind_control -i on PID``), then runs the measured part inside ``itertools.starmap``, which no
plugin calls: claims' ``CueIndex.worth_finding`` calls ``functools.reduce`` for every unit, so collecting inside
``functools.reduce`` (``bench/predict_cost.py``'s way) would stop at each of them.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.annotate import CONFIG, batches, read_tasks  # noqa: E402

WARM_UP = 64


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--max-words", type=int, default=20000)
    parser.add_argument("--bytecodes", action="store_true", help="count each Python function's bytecodes")
    parser.add_argument("--callgrind", type=Path, metavar="FLAGDIR", help="wait for FLAGDIR/go before measuring")
    args = parser.parse_args()
    from server import create_app
    from server.analysis import AnalyzedText, analyze_together
    from server.app import get_state
    from server.labeling import parse_labeling_config

    texts = read_tasks(args.corpus, 8, args.max_words)
    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/a.db", "PRELOAD": False, "SOURCES": []})
        predictor = get_state(app).predictor
        config = parse_labeling_config(CONFIG)

        def parsed(chunk: list[str]) -> list[AnalyzedText]:
            analyzed = []
            for batch in batches(chunk, 32):
                some = [AnalyzedText(text, language_hint="pt", pipelines=predictor.pipelines) for text in batch]
                analyze_together(some)
                for text in some:
                    text.doc  # noqa: B018 (the parse is lazy: forced outside the measured part)
                analyzed += some
            return analyzed

        def regions(text: AnalyzedText) -> int:
            row = [list(registered.annotator.annotate(text)) for registered in predictor.annotators]
            return len(predictor.regions(config, config.objects[0], text.text, row))

        for text in parsed(texts[:WARM_UP]):
            regions(text)
        measured = [(text,) for text in parsed(texts[WARM_UP:])]
        if args.bytecodes:
            print_bytecodes(lambda: sum(itertools.starmap(regions, measured)))
            return
        if args.callgrind:
            print("ready", os.getpid(), flush=True)
            while not (args.callgrind / "go").exists():
                sum(range(2000))  # busy: valgrind reads callgrind_control's command only while the program runs
        print(sum(itertools.starmap(regions, measured)), "regions", file=sys.stderr)


def print_bytecodes(run: Any) -> None:
    """Run ``run`` with every Python frame traced by opcode; print the total and the busiest functions."""
    counts: collections.Counter[tuple[str, int, str]] = collections.Counter()

    def trace(frame: Any, _event: str, _arg: Any) -> Any:
        frame.f_trace_opcodes = True
        code = frame.f_code
        key = (code.co_filename.rsplit("/", 1)[-1], code.co_firstlineno, code.co_name)

        def count(_frame: Any, event: str, _arg: Any) -> Any:
            if event == "opcode":
                counts[key] += 1
            return count

        return count

    sys.settrace(trace)
    try:
        run()
    finally:
        sys.settrace(None)
    total = sum(counts.values())
    print(f"{total:,} bytecodes")
    for (file, line, name), count in counts.most_common(40):
        print(f"{count:>10,} {count / total:6.1%} {file}:{line} {name}")


if __name__ == "__main__":
    main()
