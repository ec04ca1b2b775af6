"""The English held-out dev's entity errors, sentence by sentence.

    PYTHONPATH=$PWD .venv/bin/python bench/dev_errors.py /work/shared/datasets --save /tmp/after.json
    PYTHONPATH=$PWD .venv/bin/python bench/dev_errors.py /work/shared/datasets --compare /tmp/before.json

Prints per-label TP/FP/FN and P/R/F1 of the English held-out dev (the sets
``bench/quality.py --dev`` scores), then each sentence with a wrong span:
its text, the gold spans missed (``-``) and the predicted spans not in gold
(``+``). ``--save`` keeps every sentence's predictions as JSON; ``--compare``
reads such a file and counts the gold spans gained and lost since then (what
a rule buys and costs, beyond the net F1). Choose rules on this set only;
the test split is for the table, once.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import ENTITY_BATCH, ENTITY_LABELS, annotator_named, entity_sets  # noqa: E402
from plugins.ner_training import _prf, sentence_to_doc  # noqa: E402
from server import create_app  # noqa: E402
from server.analysis import AnalyzedText, analyze_together  # noqa: E402
from server.annotators import Span  # noqa: E402
from server.app import get_state  # noqa: E402

SpanTuple = tuple[int, int, str]


def english_predictions(datasets: Path) -> list[dict]:
    """Each English dev sentence: its text, gold spans and predicted spans."""
    import spacy

    app = create_app({"PRELOAD": False, "DATABASE_URL": "sqlite://"})
    rows: list[dict] = []
    with app.app_context():
        annotator = annotator_named(app, "entities")
        pipelines = get_state(app).predictor.pipelines
        vocab = spacy.blank("en").vocab
        for _, sentences, language, _ in entity_sets(datasets, dev=True):
            if language != "en":
                continue
            docs = [sentence_to_doc(vocab, sentence) for sentence in sentences]
            texts = [AnalyzedText(doc.text, language_hint="en", pipelines=pipelines) for doc in docs]
            for batch in range(0, len(texts), ENTITY_BATCH):
                analyze_together(texts[batch : batch + ENTITY_BATCH])
            for doc, text in zip(docs, texts):
                gold = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS)
                found = sorted(
                    (s.start, s.end, s.label)
                    for s in annotator.annotate(text)
                    if isinstance(s, Span) and s.label in ENTITY_LABELS
                )
                rows.append({"text": doc.text, "gold": gold, "predicted": found})
    return rows


def label_counts(rows: list[dict]) -> dict[str, list[int]]:
    counts = {label: [0, 0, 0] for label in (*ENTITY_LABELS, "micro")}
    for row in rows:
        gold = {tuple(s) for s in row["gold"]}
        predicted = {tuple(s) for s in row["predicted"]}
        for label in ENTITY_LABELS:
            g = {s for s in gold if s[2] == label}
            p = {s for s in predicted if s[2] == label}
            for index, value in enumerate((len(g & p), len(p - g), len(g - p))):
                counts[label][index] += value
                counts["micro"][index] += value
    return counts


def print_errors(rows: list[dict]) -> None:
    for row in rows:
        gold = {tuple(s) for s in row["gold"]}
        predicted = {tuple(s) for s in row["predicted"]}
        if gold == predicted:
            continue
        text = row["text"]
        print(text)
        for start, end, label in sorted(gold - predicted):
            print(f"  - {label} {text[start:end]!r}")
        for start, end, label in sorted(predicted - gold):
            print(f"  + {label} {text[start:end]!r}")


def print_gained_lost(rows: list[dict], before: list[dict]) -> None:
    """Gold spans right now but not before (gained) and the other way (lost)."""
    gained = lost = 0
    for row, old in zip(rows, before, strict=True):
        gold = {tuple(s) for s in row["gold"]}
        now = gold & {tuple(s) for s in row["predicted"]}
        then = gold & {tuple(s) for s in old["predicted"]}
        gained += len(now - then)
        lost += len(then - now)
        for start, end, label in sorted(then - now):
            print(f"LOST {label} {row['text'][start:end]!r} in {row['text']!r}")
    print(f"gold spans gained {gained}, lost {lost}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path)
    parser.add_argument("--save", type=Path, help="write every sentence's predictions here (JSON)")
    parser.add_argument("--compare", type=Path, help="a --save file to count gained and lost gold spans against")
    parser.add_argument("--quiet", action="store_true", help="counts only, not each wrong sentence")
    args = parser.parse_args()
    rows = english_predictions(args.datasets)
    if args.save:
        args.save.write_text(json.dumps(rows))
    if not args.quiet:
        print_errors(rows)
    for label, (tp, fp, fn) in label_counts(rows).items():
        prf = _prf(tp, fp, fn)
        print(f"{label:5} TP {tp:5} FP {fp:5} FN {fn:5}  P {prf['p']}  R {prf['r']}  F1 {prf['f']}")
    if args.compare:
        print_gained_lost(rows, json.loads(args.compare.read_text()))


if __name__ == "__main__":
    main()
