"""Quality of the built-in pre-annotators on public data, as one table.

    .venv/bin/python bench/quality.py ../shared/datasets [--only entities,claims,sentiment]
    .venv/bin/python bench/quality.py ../shared/datasets --tune-sentiment
    .venv/bin/python bench/quality.py ../shared/datasets --dev   # entities on the held-out dev sets

Every row runs the annotators of a real app (``create_app`` with the built-in
plugins), so it measures what annotators see:

- entities: exact-span P/R/F1 per label (PER, LOC, ORG) on the WikiANN pt and
  en test splits and on miniHAREM (PESSOA->PER, LOCAL->LOC, ORGANIZACAO->ORG;
  its IO tags cannot separate adjacent entities of one type, so adjacent
  predictions of one type are merged there). Each sentence is one text, with
  the corpus tokens joined into normal prose.
- claims: the ClaimPT sample's 84 annotated segments (16 claims); a segment is
  predicted a claim when a CLAIM span covers at least half of it. P/R at the
  plugin's threshold, and held-out P/R where the threshold is chosen on four
  folds of articles and applied to the fifth; the share of real claims per
  score band (calibration); recall on FACTCK.BR's fact-checked claims (it has
  no negatives, so no precision).
- sentiment: B2W test (1,500 reviews). The file is evaluation-only, and there is
  no Portuguese development set here, so it is split in two by a hash of each
  review's id: the development half chose the thresholds (``--tune-sentiment``
  prints that search), the table reports the other half; the all-reviews row
  includes the development half, for comparison with published numbers only.
  News: the project's own pt/en paragraphs (``fixtures/sentiment``, written and
  labelled for it): the dev set chose the news thresholds with the B2W
  development half; the check set was scored once, with the method final.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.ner_training import (  # noqa: E402  (after the path fix)
    LABELS as ENTITY_LABELS,
)
from plugins.ner_training import (  # noqa: E402
    Sentence,
    _merge_adjacent,
    _prf,
    is_io,
    load_datasets,
    read_conll_sentences,
    selection_sets,
    sentence_to_doc,
)
from flask import Flask  # noqa: E402

from server import create_app  # noqa: E402
from server.analysis import AnalyzedText, Pipelines, analyze_together  # noqa: E402
from server.annotators import Annotator, Choice, Span  # noqa: E402
from server.app import get_state  # noqa: E402

if TYPE_CHECKING:
    from plugins.sentiment import Thresholds

SENTIMENT_CLASSES = ("positive", "negative", "neutral")
CLAIM_FOLDS = 5
ENTITY_BATCH = 256
SENTIMENT_SCORE_BANDS = (
    ("Positive", 0.5, 0.75), ("Positive", 0.75, 1.01), ("Negative", 0.5, 0.75), ("Negative", 0.75, 1.01),
    ("Neutral", 0.0, 1.01),
)
NEWS_SENTIMENT = ROOT / "fixtures" / "sentiment"
CLAIM_SCORE_BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))

Row = tuple[str, str, str, dict[str, Any]]  # (task, data set, label, metrics)


def build_app(scratch: Path) -> Flask:
    """A real app with the built-in plugins, its database in ``scratch``."""
    return create_app({"DATABASE_URL": f"sqlite:///{scratch / 'anota.db'}", "SOURCES": []})


def annotator_named(app: Flask, name: str) -> Annotator:
    for registered in get_state(app).annotators:
        if registered.name == name:
            return registered.annotator
    raise SystemExit(f"the app has no {name!r} annotator (see the plugin errors above)")


# ---------------------------------------------------------------- entities


def entity_rows(app: Flask, datasets: Path, dev: bool = False) -> list[Row]:
    annotator = annotator_named(app, "entities")
    pipelines = get_state(app).predictor.pipelines
    rows: list[Row] = []
    for name, sentences, language, merge in entity_sets(datasets, dev):
        counts = score_entities(annotator, sentences, language, merge, pipelines)
        for label in (*ENTITY_LABELS, "micro"):
            rows.append(("entities", name, label, _prf(*counts[label])))
    return rows


EntitySet = tuple[str, list[Sentence], str, bool]  # (name, sentences, language, merge adjacent predictions)


def entity_sets(datasets: Path, dev: bool = False) -> list[EntitySet]:
    """The test splits, or with ``dev`` the held-out dev sets that choose the
    models' checkpoints (``selection_sets``: the 3,000-sentence WikiANN
    samples, the First HAREM hold-out). The rest of WikiANN dev is trained on
    (``--train-on-dev``): the plugin scores 0.886 there against 0.738 on the
    English sample, so all of dev (0.841) says little about unseen text."""
    ner = datasets / "ner"
    if not dev:
        return [
            ("WikiANN-pt test", read_conll_sentences(ner / "wikiann-pt/test.iob2", "wikiann"), "pt", False),
            ("WikiANN-en test", read_conll_sentences(ner / "wikiann-en/test.iob2", "wikiann"), "en", False),
            ("miniHAREM", read_conll_sentences(ner / "harem-conll/corpus_miniHAREM.txt", "harem"), "pt", True),
        ]
    sets: list[EntitySet] = []
    for language in ("pt", "en"):
        chosen = selection_sets(load_datasets(ner, language, use_lener=False, train_on_dev=True))
        sets += [(f"{name} (held-out dev)", sentences, language, is_io(name)) for name, sentences in chosen.items()]
    return sets


def score_entities(
    annotator: Annotator,
    sentences: Sequence[list[tuple[str, str]]],
    language: str,
    merge_adjacent: bool,
    pipelines: Pipelines | None = None,
) -> dict[str, list[int]]:
    """Exact (start, end, label) matches: [true positives, false positives, false negatives].
    Sentences are parsed in batches, as /predict parses a request's tasks."""
    import spacy

    vocab = spacy.blank(language).vocab
    counts = {label: [0, 0, 0] for label in (*ENTITY_LABELS, "micro")}
    gold_docs = [sentence_to_doc(vocab, sentence) for sentence in sentences]
    texts = [
        AnalyzedText(doc.text, language_hint=language, **({"pipelines": pipelines} if pipelines else {}))
        for doc in gold_docs
    ]
    for batch in range(0, len(texts), ENTITY_BATCH):
        analyze_together(texts[batch : batch + ENTITY_BATCH])
    for gold_doc, text in zip(gold_docs, texts):
        gold = {(e.start_char, e.end_char, e.label_) for e in gold_doc.ents if e.label_ in ENTITY_LABELS}
        predicted = {
            (span.start, span.end, span.label)
            for span in annotator.annotate(text)
            if isinstance(span, Span) and span.label in ENTITY_LABELS
        }
        if merge_adjacent:
            predicted = _merge_adjacent(predicted, gold_doc.text)
        for label in ENTITY_LABELS:
            gold_label = {s for s in gold if s[2] == label}
            predicted_label = {s for s in predicted if s[2] == label}
            found = (
                len(gold_label & predicted_label),
                len(predicted_label - gold_label),
                len(gold_label - predicted_label),
            )
            for index, value in enumerate(found):
                counts[label][index] += value
                counts["micro"][index] += value
    return counts


# ---------------------------------------------------------------- claims


def claim_segments(datasets: Path) -> list[tuple[str, str, list[tuple[int, int, bool]]]]:
    """(article name, text, [(begin, end, is_claim)]) for each ClaimPT article."""
    folder = datasets / "claims/claimpt-sample"
    articles = []
    for line in (folder / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (folder / "news_articles" / record["document"]).read_text(encoding="utf-8")
        items = [(item["begin_character"], item["end_character"], item["claim"]) for item in record["items"]]
        articles.append((record["document"], text, items))
    return sorted(articles)


def covered(segment: tuple[int, int, bool], spans: Iterable[tuple[int, int, float]]) -> float:
    """The best score among spans covering at least half of ``segment`` (0 when none does)."""
    begin, end, _ = segment
    best = 0.0
    for start, stop, score in spans:
        if min(end, stop) - max(begin, start) >= (end - begin) / 2:
            best = max(best, score)
    return best


def claim_rows(app: Flask, datasets: Path) -> list[Row]:
    annotator: Any = annotator_named(app, "claims")
    articles = claim_segments(datasets)
    gold: list[bool] = []
    suggested: list[bool] = []
    scored: list[tuple[int, float, bool]] = []  # (article index, score, is_claim)
    for index, (_name, text, segments) in enumerate(articles):
        analyzed = AnalyzedText(text, language_hint="pt")
        spans = [(s.start, s.end, s.score) for s in annotator.annotate(analyzed) if s.label == "CLAIM"]
        sentences = [(s.start, s.end, s.score) for s in annotator.score(analyzed)]
        for segment in segments:
            gold.append(segment[2])
            suggested.append(covered(segment, spans) > 0)
            scored.append((index, covered(segment, sentences), segment[2]))
    threshold = annotator.settings["threshold"]
    rows = [("claims", "ClaimPT sample", f"CLAIM @ {threshold}", binary_metrics(suggested, gold))]
    held_out = cross_validated(scored, len(articles))
    rows.append(("claims", "ClaimPT sample", "CLAIM, held-out threshold", binary_metrics(*held_out)))
    rows.append(("claims", "FACTCK.BR (positives only)", "CLAIM recall", factckbr_recall(annotator, datasets)))
    # Calibration: the share of real claims among segments scored in each band.
    for low, high in CLAIM_SCORE_BANDS:
        in_band = [is_claim for _, score, is_claim in scored if low <= score < high]
        if in_band:
            precision = round(sum(in_band) / len(in_band), 4)
            band = f"score in [{low}, {min(high, 1.0)})"
            rows.append(("claims", "ClaimPT sample", band, {"p": precision, "n": len(in_band)}))
    return rows


def factckbr_recall(annotator: Annotator, datasets: Path) -> dict[str, Any]:
    """The share of claims that fact-checkers checked in which the plugin suggests a CLAIM."""
    with (datasets / "claims/factckbr/FACTCKBR.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        claims = [row["claimReviewed"] for row in rows if row["claimReviewed"].strip()]
    found = sum(any(True for _ in annotator.annotate(AnalyzedText(claim, language_hint="pt"))) for claim in claims)
    return {"r": round(found / len(claims), 4), "n": len(claims)}


def binary_metrics(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, Any]:
    true_positives = sum(p and g for p, g in zip(predicted, gold))
    metrics = _prf(true_positives, sum(predicted) - true_positives, sum(gold) - true_positives)
    metrics["n"] = len(gold)
    return metrics


def cross_validated(scored: list[tuple[int, float, bool]], articles: int) -> tuple[list[bool], list[bool]]:
    """Choose the threshold with the best F1 on the other folds' articles, apply it to each fold."""
    predicted: list[bool] = []
    gold: list[bool] = []
    for fold in range(CLAIM_FOLDS):
        in_fold = [item for item in scored if item[0] % CLAIM_FOLDS == fold]
        training = [item for item in scored if item[0] % CLAIM_FOLDS != fold]
        candidates = sorted({score for _, score, _ in training})

        def training_f1(threshold: float) -> float:
            return _prf(
                sum(s >= threshold and g for _, s, g in training),
                sum(s >= threshold and not g for _, s, g in training),
                sum(s < threshold and g for _, s, g in training),
            )["f"]

        threshold = max(candidates, key=training_f1)
        predicted += [score >= threshold for _, score, _ in in_fold]
        gold += [is_claim for _, _, is_claim in in_fold]
    return predicted, gold


# ---------------------------------------------------------------- sentiment


def b2w_halves(datasets: Path) -> tuple[list[dict], list[dict]]:
    """(development half, reporting half) of B2W, split by a hash of the review id."""
    reviews = [
        json.loads(line)
        for line in (datasets / "sentiment/b2w-polarity-balanced-test.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    development = [r for r in reviews if int(hashlib.sha256(r["id"].encode()).hexdigest(), 16) % 2 == 0]
    reporting = [r for r in reviews if int(hashlib.sha256(r["id"].encode()).hexdigest(), 16) % 2 == 1]
    return development, reporting


def sentiment_metrics(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, Any]:
    f1s = []
    for label in SENTIMENT_CLASSES:
        true_positives = sum(p == label and g == label for p, g in zip(predicted, gold))
        scores = _prf(
            true_positives,
            sum(p == label for p in predicted) - true_positives,
            sum(g == label for g in gold) - true_positives,
        )
        f1s.append(scores["f"])
    accuracy = sum(p == g for p, g in zip(predicted, gold)) / len(gold)
    return {"accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s) / len(f1s), 4), "n": len(gold)}


def news_paragraphs(name: str) -> list[dict]:
    """The project's own news paragraphs (``fixtures/sentiment``), written and labelled for it."""
    return [json.loads(line) for line in (NEWS_SENTIMENT / name).read_text(encoding="utf-8").splitlines()]


def sentiment_choice(annotator: Annotator, text: str, language: str = "pt") -> Choice:
    return next(c for c in annotator.annotate(AnalyzedText(text, language_hint=language)) if isinstance(c, Choice))


@functools.cache
def _leia_analyzer() -> Any:
    with warnings.catch_warnings():  # LeIA opens its lexicon files at import and never closes them
        warnings.simplefilter("ignore", ResourceWarning)
        from LeIA import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.cache
def _vader_analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def as_installed(text: str, language: str = "pt") -> str:
    """The baseline: LeIA (Portuguese) or VADER (English) as installed, at their documented +-0.05."""
    analyzer = _leia_analyzer() if language == "pt" else _vader_analyzer()
    compound = analyzer.polarity_scores(text)["compound"]
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def sentiment_rows(app: Flask, datasets: Path) -> list[Row]:
    annotator = annotator_named(app, "sentiment")
    development, reporting = b2w_halves(datasets)
    rows: list[Row] = []
    halves = (("B2W test, reporting half", reporting), ("B2W test, all (incl. dev half)", development + reporting))
    for name, reviews in halves:
        gold = [r["label"] for r in reviews]
        choices = [sentiment_choice(annotator, r["text"]) for r in reviews]
        rows.append(("sentiment", name, "3 classes", sentiment_metrics([c.label.lower() for c in choices], gold)))
        baseline = sentiment_metrics([as_installed(r["text"]) for r in reviews], gold)
        rows.append(("sentiment", name, "baseline: LeIA as installed", baseline))
        if name.endswith("reporting half"):
            rows += sentiment_bands(choices, gold)
    news = (
        ("news dev (written for the project)", "news_dev.jsonl"),
        ("news check (written for the project)", "news_check.jsonl"),
    )
    for name, file in news:
        rows += news_rows(annotator, name, news_paragraphs(file))
    return rows


def news_rows(annotator: Annotator, name: str, paragraphs: Sequence[dict]) -> list[Row]:
    """Accuracy and macro-F1 on news paragraphs, over both languages and per language, and the baseline."""
    predicted = [sentiment_choice(annotator, p["text"], p["lang"]).label.lower() for p in paragraphs]
    baseline = [as_installed(p["text"], p["lang"]) for p in paragraphs]
    rows: list[Row] = []
    for label, languages in (("3 classes", ("pt", "en")), ("3 classes, pt", ("pt",)), ("3 classes, en", ("en",))):
        chosen = [i for i, p in enumerate(paragraphs) if p["lang"] in languages]
        gold = [paragraphs[i]["label"] for i in chosen]
        rows.append(("sentiment", name, label, sentiment_metrics([predicted[i] for i in chosen], gold)))
    gold = [p["label"] for p in paragraphs]
    rows.append(("sentiment", name, "baseline: LeIA / VADER as installed", sentiment_metrics(baseline, gold)))
    return rows


def sentiment_bands(choices: Sequence[Choice], gold: Sequence[str], data: str = "B2W test, reporting half") -> list[Row]:
    """Calibration: the share of right calls among those given each confidence."""
    rows: list[Row] = []
    for label, low, high in SENTIMENT_SCORE_BANDS:
        right = [c.label.lower() == g for c, g in zip(choices, gold) if c.label == label and low <= c.score < high]
        if right:
            metrics = {"accuracy": round(sum(right) / len(right), 4), "n": len(right)}
            rows.append(("sentiment", data, f"{label} scored [{low}, {min(high, 1.0)})", metrics))
    return rows


def development_bands(datasets: Path) -> list[Row]:
    """The calibration rows on the B2W development half, where the confidences are chosen (the table's rows are the
    reporting half's, for reporting only)."""
    development, _ = b2w_halves(datasets)
    with tempfile.TemporaryDirectory(prefix="anota-quality-") as scratch:
        annotator = annotator_named(build_app(Path(scratch)), "sentiment")
        choices = [sentiment_choice(annotator, review["text"]) for review in development]
    return sentiment_bands(choices, [review["label"] for review in development], "B2W test, development half")


# (compound, register, gold label, (lukewarm, mixed)) per text
Scored = list[tuple[float, str | None, str, tuple[bool, bool]]]


def tune_sentiment(datasets: Path) -> None:
    """Print the threshold searches that chose the defaults, on development data only: the general
    Portuguese thresholds on the B2W development half's texts that do not read as news; the news
    thresholds on the news dev paragraphs together with the whole B2W development half (the general
    thresholds fixed); English on the news dev paragraphs. A lukewarm text's thresholds are raised for praise, and a
    mixed review's for a complaint,
    as the annotator raises them. Then the calibration table on the development half, where the confidences'
    ceilings were chosen."""
    from plugins.sentiment import DEFAULT_THRESHOLDS, Thresholds

    development, _ = b2w_halves(datasets)
    news = news_paragraphs("news_dev.jsonl")
    b2w = _scored(development, "pt")
    news_pt = _scored([p for p in news if p["lang"] == "pt"], "pt")
    news_en = _scored([p for p in news if p["lang"] == "en"], "en")
    general = DEFAULT_THRESHOLDS["pt"]
    steps = [step / 100 for step in range(5, 100, 5)]
    grid = [Thresholds(positive, negative) for positive in steps for negative in steps]

    def macro_f1(scored: Scored, news_thresholds: Thresholds, general_thresholds: Thresholds = general) -> float:
        chosen = [chosen_thresholds(register, lukewarm, news_thresholds, general_thresholds, mixed)
                  for _, register, _, (lukewarm, mixed) in scored]
        predicted = [thresholds.classify(c)[0].lower() for thresholds, (c, _, _, _) in zip(chosen, scored)]
        return sentiment_metrics(predicted, [gold for _, _, gold, _ in scored])["macro_f1"]

    reviews = [text for text in b2w if text[1] != "news"]
    print(f"pt: the {len(reviews)} of {len(b2w)} B2W development reviews that do not read as news")
    print("    (a post keeps its own thresholds, as the annotator gives it); (macro-F1, thresholds):")
    _print_best([(macro_f1(reviews, DEFAULT_THRESHOLDS["pt-news"], t), t) for t in grid])
    print(f"    the default {general}: {macro_f1(reviews, DEFAULT_THRESHOLDS['pt-news'], general)}")
    reads_as_news = sum(register == "news" for _, register, _, _ in news_pt)
    print(f"pt-news: {len(news_pt)} news dev paragraphs ({reads_as_news} read as news) and the B2W development half,")
    print(f"    general thresholds {general}; (mean macro-F1, news, B2W, thresholds):")
    joint = [(macro_f1(news_pt, t), macro_f1(b2w, t), t) for t in grid]
    _print_best([(round((n + b) / 2, 4), n, b, t) for n, b, t in joint])
    print(f"en: {len(news_en)} news dev paragraphs; (macro-F1, thresholds):")
    _print_best([(macro_f1([(c, "news", g, raised) for c, _, g, raised in news_en], t), t) for t in grid])
    print("calibration on the B2W development half (the share of right calls in each score band):")
    print(format_table(development_bands(datasets)))


def chosen_thresholds(register: str | None, lukewarm: bool, news: Thresholds, general: Thresholds,
                      mixed: bool = False) -> Thresholds:
    """The Portuguese thresholds the annotator gives a text of ``register`` (``news`` for a report, its register's
    default for a post, ``general`` for the rest), raised for praise when the text is lukewarm and for a complaint
    when a text that is no news is mixed."""
    from plugins.sentiment import DEFAULT_THRESHOLDS, raised_for_lukewarm, raised_for_mixed

    thresholds = news if register == "news" else DEFAULT_THRESHOLDS.get(f"pt-{register}", general)
    thresholds = raised_for_lukewarm(thresholds) if lukewarm else thresholds
    return raised_for_mixed(thresholds) if mixed and register != "news" else thresholds


def _scored(texts: Sequence[dict], language: str) -> Scored:
    from plugins.sentiment import lukewarm, mixed, read, register_of

    scored = []
    for text in texts:
        sentences = AnalyzedText(text["text"], language_hint=language).sentences
        reading = read(text["text"], language, sentences)
        register = register_of(text["text"], language, sentences)
        raised = (bool(lukewarm(text["text"], language, reading)), mixed(text["text"], language, reading))
        scored.append((reading.compound, register, text["label"], raised))
    return scored


def _print_best(results: list[tuple]) -> None:
    results.sort(key=lambda result: result[0], reverse=True)
    for result in results[:8]:
        print("  ", *result)


# ---------------------------------------------------------------- table


def format_table(rows: Sequence[Row]) -> str:
    lines = [
        "| task | data | label | P | R | F1 | accuracy | macro-F1 | n |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for task, data, label, metrics in rows:
        cells = [metrics.get(key) for key in ("p", "r", "f", "accuracy", "macro_f1")]
        count = metrics.get("n", (metrics.get("tp", 0) + metrics.get("fn", 0)) or "")
        shown = [f"{value:.3f}" if isinstance(value, float) else "" for value in cells]
        lines.append(f"| {task} | {data} | {label} | " + " | ".join(shown) + f" | {count} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", type=Path, help="the shared datasets folder (../shared/datasets)")
    parser.add_argument("--only", default="entities,claims,sentiment", help="comma-separated tasks to score")
    parser.add_argument("--dev", action="store_true",
                        help="entities only: score the held-out dev sets that choose the models, not the test splits")
    parser.add_argument("--tune-sentiment", action="store_true", help="print the sentiment threshold search")
    args = parser.parse_args(argv)
    if args.tune_sentiment:
        tune_sentiment(args.datasets)
        return
    entities = functools.partial(entity_rows, dev=args.dev)
    tasks = {"entities": entities, "claims": claim_rows, "sentiment": sentiment_rows}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="anota-quality-") as scratch:
        app = build_app(Path(scratch))
        for task in ["entities"] if args.dev else args.only.split(","):
            started = time.perf_counter()
            rows += tasks[task](app, args.datasets)
            print(f"{task}: scored in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(format_table(rows))


if __name__ == "__main__":
    main()
