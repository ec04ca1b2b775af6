"""The preload's budget ladder: what each stage adds to the floor, on the same bench pages, side by side in one run.

    .venv/bin/python bench/preload_ladder.py                       # 3 parts (about 15 MB) of bench/preload.py's corpus
    .venv/bin/python bench/preload_ladder.py --parts 2 --rounds 3
    PYTHONHASHSEED=0 OPENBLAS_NUM_THREADS=1 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce .venv/bin/python bench/preload_ladder.py --callgrind near --parts 1

Issue 3 asks for preloading at most 10x the floor (read + SHA-256). The ladder tells how much of that budget the
stages other than the line decisions (boilerplate) already take. Each rung is the one before plus one stage, built from
the preload's own parts (``server.preload``), and each run is a fresh process whose CPU (process time) is measured
around the work only (the app, the imports and the language identifier's model are ready before the clock starts):

1. floor: read every file and SHA-256 its bytes (as ``bench/preload.py``);
2. + decode and split: the loaders read the files (``DocumentReader``: UTF-8, the loaders' parsing) and each
   document is cut into paragraphs (``BatchPreparer._segments``);
3. + normalise and exact duplicates: each segment normalised and its id hashed; a copy of a kept id is a duplicate;
4. + near-duplicates: the batch's words and sketches, and the index of kept tasks (``BatchNearDuplicates``);
5. + language: of every kept task (``_BatchLanguages``, the identifier where the stopwords do not tell);
6. + SQLite writes: tasks and exclusions written as the preload writes them (``_Writer``, indexes built after);
7. full: the preload itself (``preload_sources``: all the above plus boilerplate, with its repetition rules), in one
   process, then with the worker processes the server starts (CPU of the parent and workers, and wall).

Rungs 2-6 keep no line as chrome, so they write more tasks than the full preload does: their cost is an upper bound of
what those stages cost inside it. The rungs run in turns (``--rounds`` of each, in order), and each figure is the
median of its rounds; the floor's is taken before and after every round. Ratios are of CPU to the floor's CPU; the
walls are noise on a loaded machine (only the full preload with workers, whose point is wall time, reports one).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.preload import build_corpus, measure_floor, measure_preload  # noqa: E402

# The rungs between the floor and the full preload, each adding one stage to the one before.
STAGES = ("split", "exact", "near", "language", "sqlite")
LABELS = {
    "floor": "floor: read + SHA-256",
    "split": "+ decode (loaders) + paragraph split",
    "exact": "+ normalise + exact-duplicate hash",
    "near": "+ near-duplicates",
    "language": "+ language",
    "sqlite": "+ SQLite writes",
    "full": "+ boilerplate = the full preload (one process)",
    "workers": "the full preload with workers",
}


class StagedCleaner:
    """The preload's stages up to ``stage`` (one of STAGES), on loaded batches: no line is chrome, each segment is a
    new task, an exact copy or (from "near") a near-duplicate of a kept task."""

    def __init__(self, settings: Any, stage: str, writer: Any = None) -> None:
        from server.near_duplicates import NearDuplicateIndex
        from server.preload import BatchPreparer

        self.settings = settings
        self.depth = STAGES.index(stage)
        self.preparer = BatchPreparer(settings)
        self.writer = writer
        self.kept: dict[int, int] = {}
        self.near = NearDuplicateIndex(settings.near_duplicate_threshold) if self.depth >= STAGES.index("near") else None
        self.position = 0
        self.segments = 0

    def take(self, loaded: Sequence[tuple[Any, ...]]) -> None:
        from server.analysis import normalise
        from server.batch_words import batch_words

        documents = self.preparer.documents(loaded)
        segments = self.preparer._segments(documents)
        self.segments += len(segments)
        if self.depth < STAGES.index("exact") or not segments:
            return
        normalised = [normalise(text) for *_columns, text in segments]
        ids = [hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] for text in normalised]
        words = batch_words(normalised) if self.near is not None else None
        new = self._decide(ids, words)
        languages = self._languages(new, segments, words, documents)
        if self.writer is not None:
            self._write(ids, segments, documents, new, languages)

    def _decide(self, ids: Sequence[str], words: Any) -> dict[int, int]:
        """Each segment's fate: the numbers of the new tasks (-> task number); the others are copies."""
        from server.near_duplicates import BatchNearDuplicates, batch_sketches

        near = BatchNearDuplicates(self.near, batch_sketches(words)) if self.near is not None else None
        new: dict[int, int] = {}
        for number, anota_id in enumerate(ids):
            key = int(anota_id, 16)
            if key in self.kept or (near is not None and near.match(number) is not None):
                continue
            new[number] = self.kept[key] = len(self.kept)
            if near is not None:
                near.add(number, new[number])
        if self.near is not None:
            self.near.end_batch()
        return new

    def _languages(self, new: dict[int, int], segments: Sequence[Any], words: Any, documents: Any) -> dict[int, str]:
        from server.preload import _BatchLanguages

        if self.depth < STAGES.index("language"):
            return {}
        found = _BatchLanguages(self.settings.languages, words, [slot for slot, *_rest in segments], documents)
        counts = words.counts.tolist()
        return dict(found.of_all([(number, segments[number][-1], counts[number]) for number in new]))

    def _write(self, ids: Sequence[str], segments: Sequence[Any], documents: Any, new: dict[int, int],
               languages: dict[int, str]) -> None:
        data = [json.dumps(document.data) for document, _index in documents]
        for number, (slot, _index, _count, start, end, text) in enumerate(segments):
            row = (ids[number], self.position, text, documents[slot][0].source, start, end, data[slot])
            self.position += 1
            if number in new:
                self.writer.task((*row, languages.get(number), 1, 0))
            else:
                self.writer.exclusion((*row, "duplicate", f"copy of a kept task (segment {number})", None))


def measure_stage(parts: list[Path], stage: str) -> dict[str, Any]:
    """CPU and wall of the stages up to ``stage`` on ``parts``, in this process."""
    with tempfile.TemporaryDirectory() as scratch:
        run = stage_runner(_bench_app(f"sqlite:///{scratch}/ladder.db", parts), stage)
        started, cpu = time.perf_counter(), time.process_time()
        counts = run()
        return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, **counts}


def stage_runner(app: Any, stage: str) -> Callable[[], dict[str, int]]:
    """The work of the stages up to ``stage`` on the app's sources, ready to run (the app, its loaders and the language
    identifier's model made first); it returns the segments read and the tasks kept."""
    from server.analysis import detect_language
    from server.app import get_state
    from server.preload import DocumentReader, PreloadReport, PreloadSettings, _indexes_built_after, _Writer
    from server.sources import find_source_files

    state = get_state(app)
    loaders = [loader for _plugin, loader in state.loaders]
    settings = PreloadSettings.from_app(app, loaders)
    detect_language("warm up", app.config["LANGUAGES"])
    files, _skipped = find_source_files(app.config["SOURCES"], loaders)
    sizes = [file.path.stat().st_size for file in files]

    def run() -> dict[str, int]:
        with state.database.session() as session, _indexes_built_after(session):
            writer = _Writer(session) if stage == "sqlite" else None
            cleaner = StagedCleaner(settings, stage, writer)
            for loaded, _read in DocumentReader(PreloadReport()).batches(files, sizes, loaders):
                cleaner.take(loaded)
            if writer is not None:
                writer.flush()
        return {"segments": cleaner.segments, "tasks": len(cleaner.kept)}
    return run


def run_collected(rung: str, parts: list[Path]) -> dict[str, Any]:
    """The rung's work alone inside one ``functools.reduce`` (which nothing else in the run calls), for callgrind to
    count: ``valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce``. The floor's reads are
    system calls, which callgrind does not count: its figure is the hashing and Python's side of the reads. The full
    preload is counted warm (a first preload of the same parts, into another database, compiles the cues)."""
    from bench.preload_profile import preload_once
    from server.analysis import detect_language
    from server.preload import preload_sources

    with tempfile.TemporaryDirectory() as scratch:
        app = _bench_app(f"sqlite:///{scratch}/ladder.db", parts)
        if rung == "floor":
            def run() -> Any:
                return measure_floor(parts)
        elif rung == "full":
            app.config["PRELOAD"] = True
            detect_language("warm up", app.config["LANGUAGES"])
            preload_once([str(part) for part in parts])  # the cue regexes compiled, as in a long run's later batches

            def run() -> Any:
                return preload_sources(app).as_dict()
        else:
            run = stage_runner(app, rung)
        result = functools.reduce(lambda _before, _item: run(), [None], None)
        app.extensions["anota"].database.dispose()
    return {"rung": rung, **{key: value for key, value in result.items() if key in ("bytes", "segments", "tasks")}}


def _bench_app(database_url: str, parts: list[Path]) -> Any:
    """An app as ``bench/preload.py`` makes it: the annotators off, no preload at start."""
    from server import create_app

    return create_app({"DATABASE_URL": database_url, "SOURCES": [str(part) for part in parts], "PRELOAD": False,
                       "DISABLE_PLUGINS": ["entities", "claims", "sentiment"], "PRELOAD_WORKERS": False})


def run_rung(rung: str, corpus: Path, parts: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", rung, "--corpus-dir", str(corpus), "--parts", str(parts)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(rung: str, parts: list[Path]) -> dict[str, Any]:
    if rung == "floor":
        return measure_floor(parts)
    if rung in ("full", "workers"):
        return measure_preload(parts, workers=rung == "workers")
    return measure_stage(parts, rung)


def print_ladder(results: dict[str, list[dict[str, Any]]], megabytes: float) -> None:
    floor_cpu = statistics.median(result["cpu_seconds"] for result in results["floor"])
    floor_wall = statistics.median(result["seconds"] for result in results["floor"])
    print(f"{megabytes:.1f} MB; floor {floor_cpu:.3f} s CPU, {floor_wall:.3f} s wall "
          f"(median of {len(results['floor'])})")
    print(f"{'rung':<48} {'CPU s':>7} {'x floor':>8} {'step':>7}   rounds (CPU s)")
    before = floor_cpu
    for rung in ("floor", *STAGES, "full", "workers"):
        cpus = [result["cpu_seconds"] for result in results[rung]]
        cpu = statistics.median(cpus)
        step = "" if rung in ("floor", "workers") else f"+{(cpu - before) / floor_cpu:.1f}x"
        rounds = ", ".join(f"{value:.2f}" for value in cpus)
        print(f"{LABELS[rung]:<48} {cpu:>7.2f} {cpu / floor_cpu:>7.1f}x {step:>7}   {rounds}")
        if rung != "workers":
            before = cpu
    walls = [result["seconds"] for result in results["workers"]]
    one_walls = [result["seconds"] for result in results["full"]]
    print(f"wall: full preload with workers {statistics.median(walls):.2f} s = "
          f"{statistics.median(walls) / floor_wall:.0f}x the floor's wall; in one process "
          f"{statistics.median(one_walls):.2f} s = {statistics.median(one_walls) / floor_wall:.0f}x")
    full = results["full"][0]
    print(f"full preload: {full['tasks']} tasks of {full['segments']} segments; "
          f"rungs 2-6 keep {results['sqlite'][0]['tasks']} (no line is chrome)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "anota-bench-corpus")
    parser.add_argument("--megabytes", type=int, default=100, help="the corpus built when --corpus-dir has none "
                        "(bench/preload.py's, whose parts the ladder reads)")
    parser.add_argument("--text-from", type=Path, help="see bench/preload.py")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--parts", type=int, default=3, help="the corpus's first parts to read (about 5 MB each)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--measure", choices=["floor", *STAGES, "full", "workers"], help=argparse.SUPPRESS)
    parser.add_argument("--callgrind", choices=["floor", *STAGES, "full"],
                        help="run this rung once inside functools.reduce, for callgrind (see run_collected)")
    args = parser.parse_args()

    parts = sorted(args.corpus_dir.glob("part-*"))[: args.parts]
    if args.measure:
        print(json.dumps(measure(args.measure, parts)))
        return
    if args.callgrind:
        print(json.dumps(run_collected(args.callgrind, parts)))
        return
    if not any(args.corpus_dir.glob("part-*")):
        build_corpus(args.corpus_dir, args.megabytes, args.text_from, args.seed)
    run_rung("floor", args.corpus_dir, args.parts)  # warm the page cache
    results: dict[str, list[dict[str, Any]]] = {rung: [] for rung in ("floor", *STAGES, "full", "workers")}
    for _round in range(args.rounds):
        for rung in ("floor", *STAGES, "full", "workers", "floor"):
            results[rung].append(run_rung(rung, args.corpus_dir, args.parts))
    print_ladder(results, results["floor"][0]["bytes"] / 1e6)


if __name__ == "__main__":
    main()
