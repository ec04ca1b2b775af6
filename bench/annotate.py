"""Pre-annotation throughput: the three built-in plugins together against the NER model alone.

    .venv/bin/python bench/annotate.py ../shared/datasets/ner/harem-conll/corpus_Paramopama.txt

The corpus (token<TAB>tag lines, blank line between sentences) is detokenized
and cut into tasks of ``--sentences`` sentences. Three contenders, each in its
own process (so each peak memory is its own), on the same tasks and batch size:

- ``tokenizer``: spaCy's bare Portuguese tokenizer (``spacy.blank("pt").pipe``);
- ``ner``: the trained NER pipeline alone (``nlp.pipe``);
- ``plugins``: the /predict pipeline (language, the shared parse, entities with
  rules and learned mentions, claims, sentiment, mapping onto a labeling config),
  batch by batch, as Label Studio sends tasks.

The three worker processes are started together and each processes a warm-up
slice (untimed). Then each round cuts the corpus into ``--slices`` slices (whole
batches) and hands every slice to the three contenders in turn, rotating who
goes first: the machine's speed drifts by a fifth within minutes here, and
drift over a slice falls on all three alike instead of on whichever contender
ran the whole corpus at the wrong moment. Each round has its own part of the
corpus, so that no contender sees a text twice. A round's ratio compares the
contenders' summed wall times of that round (CPU times are shown too: the
plugins' threads and BLAS may use both cores); the median round is reported.
Goal: plugins >= 0.7x the NER model's words/s.

``--per-annotator`` instead times, in this one process, the NER pipeline's
parse of the tasks (batch by batch, as /predict parses them) and then each
annotator over the parsed tasks, and prints each annotator's process time as
a share of the parse's: ratios measured in the same run, so that a new rule's
cost can be checked on a busy machine, where seconds are not comparable.

The garbage collector is set as ``anota serve`` and ``anota tasks
--predictions`` set it (``server.cli.ready_to_predict``): what start-up loaded
is frozen out of its passes, the young generation collected every 10,000
allocations. The two baselines get the same treatment after loading their
pipeline (it changes nearly nothing for them: their processes hold a third of
the objects and create few per task), so that the ratio compares work, not
collector settings; ``--collector default`` runs all three with the
interpreter's defaults. Each contender's collections (per generation) and the
seconds they took are reported, and ``--per-annotator`` shows the seconds of
collection inside each step.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.analysis import MODELS_DIR  # noqa: E402
from server.collector import start_up_objects_frozen  # noqa: E402

CONTENDERS = ("tokenizer", "ner", "plugins")
CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="entities" toName="text">
    <Label value="PER"/><Label value="ORG"/><Label value="LOC"/><Label value="PRODUCT"/>
  </Labels>
  <Labels name="claims" toName="text"><Label value="CLAIM"/></Labels>
  <Choices name="sentiment" toName="text" choice="single">
    <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
  </Choices>
</View>"""


def read_tasks(corpus: Path, sentences_per_task: int, max_words: int | None) -> list[str]:
    from plugins.ner_training import guess_spaces, read_conll_sentences

    texts, words = [], 0
    sentences = read_conll_sentences(corpus, "harem")
    for first in range(0, len(sentences), sentences_per_task):
        parts = []
        for sentence in sentences[first:first + sentences_per_task]:
            tokens = [token for token, _tag in sentence]
            parts.append("".join(t + (" " if space else "") for t, space in zip(tokens, guess_spaces(tokens))))
        texts.append(" ".join(parts))
        words += sum(len(part.split()) for part in parts)
        if max_words and words >= max_words:
            break
    return texts


def batches(texts: list[str], size: int) -> list[list[str]]:
    return [texts[i:i + size] for i in range(0, len(texts), size)]


def pipe_runner(nlp, batch_size: int) -> Callable[[list[str]], None]:
    def run(texts: list[str]) -> None:
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass

    return run


def tokenizer_runner(models: Path, batch_size: int, settle: contextlib.ExitStack | None) -> Callable[[list[str]], None]:
    import spacy

    run = pipe_runner(spacy.blank("pt"), batch_size)
    if settle is not None:
        settle.enter_context(start_up_objects_frozen())
    return run


def ner_runner(models: Path, batch_size: int, settle: contextlib.ExitStack | None) -> Callable[[list[str]], None]:
    from server.analysis import load_pipeline

    run = pipe_runner(load_pipeline(str(models / "ner-pt")).nlp, batch_size)
    if settle is not None:
        settle.enter_context(start_up_objects_frozen())
    return run


def plugins_runner(models: Path, batch_size: int, settle: contextlib.ExitStack | None) -> Callable[[list[str]], None]:
    """The /predict pipeline; with ``settle``, made ready as the commands that predict make it
    (``ready_to_predict``: warmed up, start-up objects frozen) until ``settle`` closes."""
    from server import create_app
    from server.app import get_state
    from server.cli import ready_to_predict
    from server.labeling import parse_labeling_config

    scratch = tempfile.mkdtemp(prefix="anota-bench-")
    atexit.register(shutil.rmtree, scratch, True)  # the worker's app uses it until the worker exits
    database = Path(scratch) / "bench.db"
    pipelines = {lang: str(models / f"ner-{lang}") for lang in ("pt", "en")}
    app = create_app({"DATABASE_URL": f"sqlite:///{database}", "SOURCES": [], "PLUGIN_TIMEOUT": 600,
                      "PIPELINES": pipelines})
    state = get_state(app)
    if state.plugins.load_errors:
        raise SystemExit(f"plugins failed to load: {state.plugins.load_errors}")
    config = parse_labeling_config(CONFIG)
    if settle is not None:
        settle.enter_context(ready_to_predict(app))

    def run(texts: list[str]) -> None:
        for batch in batches(texts, batch_size):
            tasks = [{"id": i, "data": {"text": text}, "project": 1} for i, text in enumerate(batch)]
            state.predictor.predict(config, tasks, project="1.0")

    return run


class CollectorWatch:
    """The garbage collector's passes while installed (``gc.callbacks``):
    how many of each generation, and their wall seconds."""

    def __init__(self) -> None:
        self.passes = [0, 0, 0]
        self.seconds = 0.0
        self._started = 0.0

    def __enter__(self) -> CollectorWatch:
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.passes[info["generation"]] += 1
            self.seconds += time.perf_counter() - self._started

    def take(self) -> dict[str, Any]:
        """The passes and seconds since the last take."""
        taken = {"gc_passes": self.passes, "gc_seconds": self.seconds}
        self.passes, self.seconds = [0, 0, 0], 0.0
        return taken


def annotator_shares(texts: list[str], batch_size: int, warmup: int, settle: contextlib.ExitStack | None) -> None:
    """Print the process time of the NER parse of ``texts`` (after ``warmup`` of them) and each annotator's over
    the parsed texts, as shares of the parse's, and the collector's passes inside each."""
    from server import create_app
    from server.analysis import AnalyzedText, analyze_together
    from server.app import get_state, warm_up
    from server.cli import ready_to_predict

    scratch = tempfile.mkdtemp(prefix="anota-bench-")
    atexit.register(shutil.rmtree, scratch, True)
    app = create_app({"DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.db'}", "SOURCES": []})
    annotators = [registered.annotator for registered in get_state(app).predictor.annotators]
    if settle is None:
        warm_up(app)
    else:
        settle.enter_context(ready_to_predict(app))
    steps = ["NER parse", *(annotator.name for annotator in annotators)]
    seconds = dict.fromkeys(steps, 0.0)
    collected = {step: {"gc_passes": [0, 0, 0], "gc_seconds": 0.0} for step in steps}
    with CollectorWatch() as watch:
        for first, batch in enumerate(batches(texts, batch_size)):
            analyzed = [AnalyzedText(text, language_hint="pt") for text in batch]
            analyze_together(analyzed)
            timed = first * batch_size >= warmup
            watch.take()
            for step, annotator in zip(steps, [None, *annotators], strict=True):
                started = time.process_time()
                for text in analyzed:
                    if annotator is None:
                        text.doc  # noqa: B018 (the batch's parse, shared by the annotators)
                    else:
                        list(annotator.annotate(text))
                seconds[step] += (time.process_time() - started) * timed
                if timed:
                    add_collections(collected[step], watch.take())
    parse = seconds["NER parse"]
    print(f"{len(texts) - warmup} tasks after {warmup} of warm-up, batch size {batch_size}; process time, and the "
          f"garbage collector's passes inside each step ({collector_note(settle is not None)}):\n")
    print("| step | CPU s | x NER parse | GC passes (gen 0/1/2) | GC s |")
    print("|---|---|---|---|---|")
    for step, spent in seconds.items():
        print(f"| {step} | {spent:.2f} | {spent / parse:.3f} | {'/'.join(map(str, collected[step]['gc_passes']))} | "
              f"{collected[step]['gc_seconds']:.2f} |")
    annotating = sum(seconds.values()) - parse
    print(f"\nannotators together = {annotating / parse:.3f} x the NER parse")


def add_collections(total: dict[str, Any], taken: dict[str, Any]) -> None:
    total["gc_passes"] = [a + b for a, b in zip(total["gc_passes"], taken["gc_passes"], strict=True)]
    total["gc_seconds"] += taken["gc_seconds"]


def collector_note(frozen: bool) -> str:
    if frozen:
        return "collector as `anota serve` sets it: start-up objects frozen, young threshold 10,000"
    return "collector at the interpreter's defaults"


def worker(contender: str, models: Path, texts: list[str], batch_size: int, warmup: int, frozen: bool) -> None:
    """Load and warm up, say so, then run the slices the parent names on stdin
    ("START END" task indexes; one line of JSON back each: wall and CPU
    seconds, the collector's passes and their seconds); "end" prints this
    process's peak RSS."""
    runner = {"tokenizer": tokenizer_runner, "ner": ner_runner, "plugins": plugins_runner}[contender]
    with contextlib.ExitStack() as settle, CollectorWatch() as watch:
        run = runner(models, batch_size, settle if frozen else None)
        run(texts[:warmup])
        print("ready", flush=True)
        for line in sys.stdin:
            if line.strip() == "end":
                break
            first, last = map(int, line.split())
            watch.take()
            wall, cpu = time.perf_counter(), time.process_time()
            run(texts[first:last])
            timed = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
            print(json.dumps(timed | watch.take()), flush=True)
    print(json.dumps({"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}), flush=True)


def slices(tasks: int, count: int, batch_size: int) -> list[tuple[int, int]]:
    """``count`` slices of whole batches covering ``tasks`` tasks (fewer if there are fewer batches)."""
    batches_total = -(-tasks // batch_size)
    bounds = [round(i * batches_total / count) * batch_size for i in range(count + 1)]
    return [(first, min(last, tasks)) for first, last in pairwise(bounds) if first < min(last, tasks)]


class Contender:
    """One worker process, driven slice by slice."""

    def __init__(self, name: str, argv: list[str]) -> None:
        self.name = name
        self.process = subprocess.Popen([sys.executable, __file__, *argv, "--worker", name],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def wait_ready(self) -> None:
        line = self.process.stdout.readline()
        if line.strip() != "ready":
            raise SystemExit(f"{self.name} worker failed to start ({line!r})")

    def run(self, first: int, last: int) -> dict[str, float]:
        self.process.stdin.write(f"{first} {last}\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def finish(self) -> int:
        self.process.stdin.write("end\n")
        self.process.stdin.flush()
        peak = json.loads(self.process.stdout.readline())["peak_rss_mb"]
        self.process.wait()
        return peak


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="corpus_Paramopama.txt (token<TAB>tag, CoNLL-like)")
    parser.add_argument("--batch-size", type=int, default=32, help="tasks per /predict request and per nlp.pipe batch")
    parser.add_argument("--sentences", type=int, default=8, help="sentences per task")
    parser.add_argument("--max-words", type=int, default=None, help="stop reading the corpus after this many words")
    parser.add_argument("--warmup", type=int, default=64, help="tasks processed before timing")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slices", type=int, default=8, help="slices of the corpus per round, run in turn")
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="folder with ner-pt/ (and ner-en/)")
    parser.add_argument("--per-annotator", action="store_true",
                        help="time each annotator as a share of the NER parse, in one process")
    parser.add_argument("--collector", choices=("as-served", "default"), default="as-served",
                        help="the garbage collector as `anota serve` sets it (start-up frozen), or the defaults")
    parser.add_argument("--worker", choices=CONTENDERS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    texts = read_tasks(args.corpus, args.sentences, args.max_words)
    frozen = args.collector == "as-served"
    if args.per_annotator:
        with contextlib.ExitStack() as settle:
            annotator_shares(texts, args.batch_size, args.warmup, settle if frozen else None)
        return
    if args.worker:
        worker(args.worker, args.models, texts, args.batch_size, args.warmup, frozen)
        return
    contenders = [Contender(name, argv if argv is not None else sys.argv[1:]) for name in CONTENDERS]
    for contender in contenders:
        contender.wait_ready()
    rounds: list[dict[str, Any]] = []
    turn = 0
    # Each round gets its own part of the corpus (after the warm-up tasks): a
    # text parsed twice would find spaCy's tokenizer cache warm.
    parts = slices(len(texts) - args.warmup, args.rounds, args.batch_size)
    for part_first, part_last in parts:
        totals = {name: {"wall": 0.0, "cpu": 0.0, "gc_passes": [0, 0, 0], "gc_seconds": 0.0} for name in CONTENDERS}
        for first, last in slices(part_last - part_first, args.slices, args.batch_size):
            first, last = first + part_first + args.warmup, last + part_first + args.warmup
            for contender in contenders[turn:] + contenders[:turn]:
                timed = contender.run(first, last)
                totals[contender.name]["wall"] += timed["wall"]
                totals[contender.name]["cpu"] += timed["cpu"]
                add_collections(totals[contender.name], timed)
            turn = (turn + 1) % len(contenders)
        words = sum(len(text.split()) for text in texts[part_first + args.warmup:part_last + args.warmup])
        rounds.append({**totals, "words": words})
        print(json.dumps(rounds[-1]), file=sys.stderr)
    peaks = {contender.name: contender.finish() for contender in contenders}
    report(rounds, peaks, texts, args)


def report(rounds: list[dict[str, Any]], peaks: dict[str, int], texts: list[str],
           args: argparse.Namespace) -> None:
    ratios = [round_["ner"]["wall"] / round_["plugins"]["wall"] for round_ in rounds]
    chosen = rounds[sorted(range(len(rounds)), key=ratios.__getitem__)[len(rounds) // 2]]
    words = chosen["words"]
    print(f"{len(texts) - args.warmup} tasks after {args.warmup} of warm-up, in {len(rounds)} rounds of "
          f"{args.slices} slices taken in turn, batch size {args.batch_size}; the median round "
          f"(by plugins / NER model, {words:,} words):\n")
    print("| contender | words/s | x NER model | CPU s | x NER model (CPU) | peak RSS (MB) | GC passes (gen 0/1/2) "
          "| GC s |")
    print("|---|---|---|---|---|---|---|---|")
    ner = chosen["ner"]
    for name in CONTENDERS:
        times = chosen[name]
        print(f"| {name} | {words / times['wall']:,.0f} | {ner['wall'] / times['wall']:.2f} | {times['cpu']:.1f} | "
              f"{ner['cpu'] / times['cpu']:.2f} | {peaks[name]} | {'/'.join(map(str, times['gc_passes']))} | "
              f"{times['gc_seconds']:.2f} |")
    ratio = ner["wall"] / chosen["plugins"]["wall"]
    print(f"\nplugins / NER model = {ratio:.2f} (goal >= 0.70): {'met' if ratio >= 0.7 else 'NOT met'}; "
          f"rounds: {', '.join(f'{r:.2f}' for r in ratios)}; {collector_note(args.collector == 'as-served')}, "
          "the same for every contender")


if __name__ == "__main__":
    main()
