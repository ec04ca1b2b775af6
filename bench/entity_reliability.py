"""Reliability of the entities plugin's scores: on the dev sets and on the project's news paragraphs.

    .venv/bin/python bench/entity_reliability.py ../shared/datasets/ner [--json report.json]

A suggestion scored 0.9 should be right nine times in ten. This runs the
entities annotator of a real app (``create_app`` with the built-in plugins)
and prints, per corpus and language, a reliability table: the suggestions
binned by score (count, mean score, observed precision) and the expected
calibration error (ECE: the count-weighted gap between a bin's mean score and
its precision), overall, per source (model, rule, both, split, surname, short
form, acronym) and per part. The corpora:

- dev: the held-out dev sentences ``bench/calibrate_entities.py`` fits the
  scores on (WikiANN fragments, the First HAREM hold-out), judged as it judges
  them: exact span and label; PRODUCT, which they have no truth for, counts as
  right unless it sits on a gold name.
- news: today's suggestions on the news paragraphs with complete truth
  (``bench/news_truth.py``), judged as their tests judge them. Today's code
  chose rules on the studied ones and fixed some misses of the blind ones:
  its precision there is optimistic.
- replay: the blind paragraphs' suggestions by the code from before each was
  written (``fixtures/calib35``), scored by today's scores: held-out.

News and replay suggestions fall in a fit or a check half (``news_half``);
``bench/calibrate_entities.py`` fits the pattern sources on the replays.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.calibrate_entities import DEV_SETS, gold_spans_of, is_right  # noqa: E402
from bench.news_truth import (  # noqa: E402
    news_half,
    news_paragraphs,
    news_verdict,
    replayed_suggestions,
)
from bench.quality import annotator_named, build_app  # noqa: E402
from plugins.entities import EntityAnnotator  # noqa: E402
from plugins.ner_training import is_io, load_datasets, sentence_to_doc  # noqa: E402
from server.analysis import MODELS_DIR, AnalyzedText, analyze_together  # noqa: E402
from server.app import get_state  # noqa: E402

Scores = dict[str, dict[str, dict[str, float]]]  # language -> source -> label -> score
BIN_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
BATCH = 256


@dataclass(frozen=True)
class Judged:
    """One suggestion and whether the truth says it is right."""

    corpus: str  # dev, news or replay
    language: str
    part: str  # the dev set's name, or the news paragraph's set (studied or blind)
    half: str  # fit or check (news), all (dev)
    source: str
    label: str
    score: float
    right: bool





def news_records(annotator: EntityAnnotator, paragraphs: Sequence[dict[str, Any]], pipelines: Any) -> list[Judged]:
    texts = [AnalyzedText(p["text"], language_hint=p["lang"][:2], pipelines=pipelines) for p in paragraphs]
    records = []
    for paragraph, text in zip(paragraphs, analyzed(texts)):
        for candidate in annotator.scored_candidates(text):
            verdict = news_verdict(paragraph, text.text[candidate.start:candidate.end], candidate.label)
            if verdict is not None:
                records.append(Judged("news", text.language, paragraph["set"], news_half(paragraph),
                                      candidate.source, candidate.label, candidate.score, verdict))
    return records




def replay_records(scores: Scores) -> list[Judged]:
    """The replayed blind suggestions scored by ``scores``: a short form or an acronym, which takes its name's
    score, as the replayed code scored it."""
    return [Judged("replay", r.language, "blind", r.half, r.source, r.label,
                   scores.get(r.language, scores["en"]).get(r.source, {}).get(r.label, r.score), r.right)
            for r in replayed_suggestions()]


def dev_records(annotator: EntityAnnotator, data_dir: Path, models: Path, language: str, pipelines: Any
                ) -> list[Judged]:
    """The suggestions on the dev sentences ``bench/calibrate_entities.py`` fits on, judged as it judges them."""
    trained_on = json.loads((models / f"ner-{language}" / "scores.json").read_text())["train_sets"]
    sets = load_datasets(data_dir, language, use_lener=False, train_on_dev=f"wikiann-{language}-dev" in trained_on)
    vocab = pipelines.get(language).nlp.vocab
    records = []
    for name, sentences in sets["dev"].items():
        if name not in DEV_SETS[language]:
            continue
        gold_docs = [sentence_to_doc(vocab, sentence) for sentence in sentences]
        texts = [AnalyzedText(doc.text, language_hint=language, pipelines=pipelines) for doc in gold_docs]
        for gold, text in zip(gold_docs, analyzed(texts)):
            gold_spans = gold_spans_of(gold, merge_io=is_io(name))
            records += [Judged("dev", language, name, "all", c.source, c.label, c.score, is_right(c, gold_spans))
                        for c in annotator.scored_candidates(text)]
    return records


def analyzed(texts: list[AnalyzedText]) -> list[AnalyzedText]:
    """``texts`` parsed in batches, as /predict parses a request's tasks."""
    for start in range(0, len(texts), BATCH):
        analyze_together(texts[start:start + BATCH])
    return texts


def reliability(records: Iterable[Judged]) -> dict[str, Any]:
    """The records binned by score (``BIN_EDGES``): count, mean score and precision per bin, and the
    expected calibration error (the count-weighted gap between a bin's mean score and its precision)."""
    bins: dict[int, list[Judged]] = defaultdict(list)
    for record in records:
        bins[min(i for i, edge in enumerate(BIN_EDGES[1:]) if record.score < edge or edge == BIN_EDGES[-1])].append(record)
    rows = []
    for index in sorted(bins):
        members = bins[index]
        rows.append({"bin": f"{BIN_EDGES[index]:.1f}-{BIN_EDGES[index + 1]:.1f}", "count": len(members),
                     "mean_score": round(sum(r.score for r in members) / len(members), 3),
                     "precision": round(sum(r.right for r in members) / len(members), 3)})
    total = sum(row["count"] for row in rows)
    ece = sum(row["count"] * abs(row["mean_score"] - row["precision"]) for row in rows) / max(1, total)
    return {"count": total, "ece": round(ece, 4), "bins": rows}


def report(records: Sequence[Judged]) -> dict[str, Any]:
    """Per corpus and language: the reliability of all suggestions, per source, and per news set and half."""
    result: dict[str, Any] = {}
    groups: dict[tuple[str, str], list[Judged]] = defaultdict(list)
    for record in records:
        groups[(record.corpus, record.language)].append(record)
    for (corpus, language), members in sorted(groups.items()):
        entry = {"all": reliability(members), "sources": {}, "parts": {}}
        for source in sorted({r.source for r in members}):
            entry["sources"][source] = reliability(r for r in members if r.source == source)
        for part in sorted({(r.part, r.half) for r in members}):
            entry["parts"]["/".join(part)] = reliability(r for r in members if (r.part, r.half) == part)
        result[f"{corpus}/{language}"] = entry
    return result


def print_report(result: dict[str, Any]) -> None:
    for group, entry in result.items():
        overall = entry["all"]
        print(f"## {group}: {overall['count']} suggestions, ECE {overall['ece']}")
        print("| bin | count | mean score | precision |\n|---|---|---|---|")
        for row in overall["bins"]:
            print(f"| {row['bin']} | {row['count']} | {row['mean_score']} | {row['precision']} |")
        print("\n| source | count | ECE | bins (count: mean score -> precision) |\n|---|---|---|---|")
        for source, table in entry["sources"].items():
            print(f"| {source} | {table['count']} | {table['ece']} | {bin_summary(table)} |")
        print("\n| set/half | count | ECE |\n|---|---|---|")
        for part, table in entry["parts"].items():
            print(f"| {part} | {table['count']} | {table['ece']} |")
        print()


def bin_summary(table: dict[str, Any]) -> str:
    return "; ".join(f"{row['bin']} {row['count']}: {row['mean_score']} -> {row['precision']}" for row in table["bins"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="the shared ner/ folder")
    parser.add_argument("--lang", nargs="+", default=["pt", "en"])
    parser.add_argument("--json", type=Path, help="also write the tables and every judged suggestion here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        app = build_app(Path(scratch))
        annotator = annotator_named(app, "entities")
        pipelines = get_state(app).predictor.pipelines
        records = judged_suggestions(annotator, args.data_dir, args.lang, pipelines)
    result = report(records)
    print_report(result)
    if args.json:
        payload = {"tables": result, "suggestions": [asdict(r) for r in records]}
        args.json.write_text(json.dumps(payload, ensure_ascii=False) + "\n", encoding="utf-8")


def judged_suggestions(annotator: EntityAnnotator, data_dir: Path, languages: Sequence[str], pipelines: Any
                       ) -> list[Judged]:
    records = [r for r in news_records(annotator, news_paragraphs(), pipelines) if r.language in languages]
    records += [r for r in replay_records(annotator.scores) if r.language in languages]
    for language in languages:
        records += dev_records(annotator, data_dir, MODELS_DIR, language, pipelines)
    return records


if __name__ == "__main__":
    main()
