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

Each contender first processes a warm-up slice (untimed), then the whole corpus.
Rounds alternate the contenders (the machine is shared); the best round counts.
Goal: plugins >= 0.7x the NER model's words/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.analysis import MODELS_DIR  # noqa: E402

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


def tokenizer_runner(models: Path, batch_size: int) -> Callable[[list[str]], None]:
    import spacy

    return pipe_runner(spacy.blank("pt"), batch_size)


def ner_runner(models: Path, batch_size: int) -> Callable[[list[str]], None]:
    from server.analysis import load_pipeline

    return pipe_runner(load_pipeline(str(models / "ner-pt")).nlp, batch_size)


def plugins_runner(models: Path, batch_size: int) -> Callable[[list[str]], None]:
    from server import create_app
    from server.app import get_state
    from server.labeling import parse_labeling_config

    database = Path(tempfile.mkdtemp()) / "bench.db"
    pipelines = {lang: str(models / f"ner-{lang}") for lang in ("pt", "en")}
    app = create_app({"DATABASE_URL": f"sqlite:///{database}", "SOURCES": [], "PLUGIN_TIMEOUT": 600,
                      "PIPELINES": pipelines})
    state = get_state(app)
    if state.plugins.load_errors:
        raise SystemExit(f"plugins failed to load: {state.plugins.load_errors}")
    config = parse_labeling_config(CONFIG)

    def run(texts: list[str]) -> None:
        for batch in batches(texts, batch_size):
            tasks = [{"id": i, "data": {"text": text}, "project": 1} for i, text in enumerate(batch)]
            state.predictor.predict(config, tasks, project="1.0")

    return run


def worker(contender: str, models: Path, texts: list[str], batch_size: int, warmup: int) -> dict:
    """Load, warm up, then time one pass over every text; peak RSS of this process."""
    started = time.perf_counter()
    run = {"tokenizer": tokenizer_runner, "ner": ner_runner, "plugins": plugins_runner}[contender](models, batch_size)
    run(texts[:warmup])
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    run(texts)
    seconds = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"contender": contender, "words": words, "seconds": round(seconds, 2),
            "words_per_s": round(words / seconds), "load_and_warmup_s": round(load_seconds, 1),
            "peak_rss_mb": round(peak_mb)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="corpus_Paramopama.txt (token<TAB>tag, CoNLL-like)")
    parser.add_argument("--batch-size", type=int, default=32, help="tasks per /predict request and per nlp.pipe batch")
    parser.add_argument("--sentences", type=int, default=8, help="sentences per task")
    parser.add_argument("--max-words", type=int, default=None, help="stop reading the corpus after this many words")
    parser.add_argument("--warmup", type=int, default=64, help="tasks processed before timing")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="folder with ner-pt/ (and ner-en/)")
    parser.add_argument("--worker", choices=CONTENDERS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    texts = read_tasks(args.corpus, args.sentences, args.max_words)
    if args.worker:
        print(json.dumps(worker(args.worker, args.models, texts, args.batch_size, args.warmup)))
        return
    rounds: list[dict[str, dict]] = []
    for _round in range(args.rounds):
        rounds.append({})
        for contender in CONTENDERS:
            command = [sys.executable, __file__, *(argv if argv is not None else sys.argv[1:]), "--worker", contender]
            result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            print(json.dumps(result), file=sys.stderr)
            rounds[-1][contender] = result
    report(rounds, len(texts), args)


def report(rounds: list[dict[str, dict]], tasks: int, args: argparse.Namespace) -> None:
    best = {contender: max((r[contender] for r in rounds), key=lambda row: row["words_per_s"])
            for contender in CONTENDERS}
    ner = best["ner"]["words_per_s"]
    print(f"{tasks} tasks, {best['ner']['words']} words, batch size {args.batch_size}, best of {args.rounds} rounds\n")
    print("| contender | words/s | x NER model | peak RSS (MB) |")
    print("|---|---|---|---|")
    for contender in CONTENDERS:
        row = best[contender]
        print(f"| {contender} | {row['words_per_s']:,} | {row['words_per_s'] / ner:.2f} | {row['peak_rss_mb']} |")
    ratio = best["plugins"]["words_per_s"] / ner
    per_round = ", ".join(f"{r['plugins']['words_per_s'] / r['ner']['words_per_s']:.2f}" for r in rounds)
    print(f"\nplugins / NER model = {ratio:.2f} (goal >= 0.70): {'met' if ratio >= 0.7 else 'NOT met'}; "
          f"within each round: {per_round}")


if __name__ == "__main__":
    main()
