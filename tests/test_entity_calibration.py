"""The entities plugin's scores on news (issue 4: a suggestion at 0.9 should be right about nine times in ten).

The dev sets (Wikipedia fragments, the First HAREM hold-out) understate the patterns on news: the pattern sources'
scores are blended with the blind news paragraphs' replayed suggestions (``bench/calibrate_entities.py``,
``fixtures/calib35``); ``bench/entity_reliability.py`` reports the reliability tables.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench.calibrate_entities import NEWS_SOURCES, blended_with_news, calibration_error
from bench.entity_reliability import Judged, news_records, reliability, replay_records
from bench.news_truth import (
    REPLAYS,
    Replayed,
    news_half,
    news_paragraphs,
    news_verdict,
    replayed_suggestions,
    source_of,
)
from plugins.entities import EXPLANATIONS, load_calibration
from server.analysis import AnalyzedText
from server.app import get_state
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = {
    "probe": "example", "id": "p1", "ignore": ["Music of the Spheres"],
    "entities": [
        {"text": "The Rolling Stones", "label": "ORG", "alts": ["Rolling Stones"]},
        {"text": "Seleção", "label": "ORG", "labels": ["ORG", "LOC"]},
        {"text": "Boeing 737 MAX 9", "label": "PRODUCT", "or": [["Boeing", "ORG"], ["737 MAX 9", "PRODUCT"]]},
        {"text": "Oregon", "label": "LOC", "optional": True},
    ],
}


@pytest.mark.parametrize(("text", "label", "verdict"), [
    ("Rolling Stones", "ORG", True),  # an alt
    ("Seleção", "LOC", True),  # one of the labels that count
    ("Boeing", "ORG", True),  # a part the truth accepts instead of the whole
    ("Boeing 737 MAX 9", "PRODUCT", True),
    ("The Rolling Stones", "PER", False),  # mislabelled
    ("Boeing 737", "PRODUCT", False),  # a wrong edge
    ("Music of the Spheres", "ORG", None),  # ignored
    ("Oregon", "PER", None),  # an optional name, found or not
])
def test_a_news_suggestion_is_judged_as_the_probes_tests_judge_it(text: str, label: str, verdict: bool | None):
    assert news_verdict(PARAGRAPH, text, label) is verdict


def test_the_news_paragraphs_are_those_with_complete_truth_in_two_stable_halves():
    paragraphs = news_paragraphs()
    probes = {p["probe"] for p in paragraphs}
    assert {"entities37", "news_probe6", "products_probe1", "news22"} <= probes
    # the partial truths (expected/absent cases) cannot judge a suggestion outside them
    assert not {"entitiesen30", "entitiesen31"} & probes
    halves = Counter(news_half(p) for p in paragraphs)
    assert min(halves.values()) > 0.4 * len(paragraphs)
    # a hash of the probe and id: the same half on every machine
    assert news_half({"probe": "entities37", "id": "b01"}) == news_half({"probe": "entities37", "id": "b01"})
    assert {news_half({"probe": "news19", "id": f"p{i:02}"}) for i in range(1, 9)} == {"fit", "check"}


@pytest.mark.parametrize("source", sorted(EXPLANATIONS))
def test_an_explanation_names_its_source(source: str):
    assert source_of(EXPLANATIONS[source].format(label="ORG", score=0.81)) == source


def test_every_replayed_blind_paragraph_is_judged_by_todays_truth():
    replays = replayed_suggestions()
    lines = REPLAYS.read_text(encoding="utf-8").splitlines()
    probes = {json.loads(line)["probe"] for line in lines}
    blind_probes = {p["probe"] for p in news_paragraphs() if p["set"] == "blind"}
    assert probes == blind_probes
    # only the spans the truth ignores go unjudged
    assert 0.95 * len(lines) < len(replays) <= len(lines)
    assert {r.language for r in replays} == {"pt", "en"}


def test_the_session_prefixed_probes_blind_sets_are_replayed_on_the_parents_of_their_commits():
    # s45-entities, s45-entities2, s46-entities: the folders named after their session count as news probes too
    # (NEWS_PROBES), each blind set replayed on the parent of the commit that added it (replay_all.sh)
    lines = [json.loads(line) for line in REPLAYS.read_text(encoding="utf-8").splitlines()]
    replayed = {(line["probe"], line["code"]) for line in lines}
    assert {("s45-entities", "e02abf3"), ("s45-entities2", "ff9ae53"), ("s46-entities", "74b6feb")} <= replayed
    assert {"s45-entities", "s45-entities2", "s46-entities"} <= {p["probe"] for p in news_paragraphs()}


def test_the_shipped_scores_are_the_dev_scores_blended_with_the_replayed_news():
    calibration = load_calibration()
    replays = replayed_suggestions()
    for language, dev_scores in calibration["dev_scores"].items():
        blended = blended_with_news(dev_scores, [r for r in replays if r.language == language])
        assert blended == calibration["scores"][language]
        # the model's scores stay the dev sets'
        assert blended["model"] == dev_scores["model"]


def test_a_pattern_source_moves_towards_its_news_precision_by_its_count():
    dev = {"model": {"ORG": 0.69}, "rule": {"ORG": 0.5, "LOC": 0.3}, "both": {"ORG": 0.8}}
    assert blended_with_news(dev, []) == dev  # no news: the dev scores
    right = Replayed("en", "fit", "rule", "ORG", 0.5, True)
    blended = blended_with_news(dev, [right] * 10 + [right._replace(source="model")] * 10)
    assert blended["rule"]["ORG"] == 0.75  # (10 right + 10 x 0.5) / (10 + 10)
    assert blended["rule"]["LOC"] == 0.3 and blended["model"]["ORG"] == 0.69 and blended["both"]["ORG"] == 0.8
    assert set(NEWS_SOURCES) == {"rule", "both", "split"}


@pytest.mark.parametrize("language", ["pt", "en"])
@pytest.mark.parametrize(("fitted", "checked"), [("fit", "check"), ("check", "fit")])
def test_blending_one_half_lowers_the_calibration_error_on_the_other(language: str, fitted: str, checked: str):
    dev_scores = load_calibration()["dev_scores"][language]
    replays = [r for r in replayed_suggestions() if r.language == language]
    blended = blended_with_news(dev_scores, [r for r in replays if r.half == fitted])
    held_out = [r for r in replays if r.half == checked]
    assert calibration_error(blended, held_out) < calibration_error(dev_scores, held_out)


def test_reliability_bins_by_score_and_weighs_the_gaps_by_count():
    def judged(score: float, right: bool) -> Judged:
        return Judged("news", "pt", "blind", "fit", "rule", "ORG", score, right)

    records = [judged(0.95, i < 9) for i in range(10)] + [judged(0.55, i < 4) for i in range(10)]
    table = reliability(records)
    assert [(row["bin"], row["count"], row["precision"]) for row in table["bins"]] == [
        ("0.5-0.6", 10, 0.4), ("0.9-1.0", 10, 0.9)]
    assert table["ece"] == pytest.approx((0.15 + 0.05) / 2)
    assert reliability([judged(1.0, True)])["bins"][0]["bin"] == "0.9-1.0"


def test_the_annotators_candidates_are_its_suggestions_with_their_sources(app):
    [annotator] = [a.annotator for a in get_state(app).annotators if a.name == "entities"]
    pipelines = get_state(app).predictor.pipelines
    [paragraph] = [p for p in news_paragraphs() if (p["probe"], p["id"]) == ("entities37", "b01")]
    candidates = annotator.scored_candidates(AnalyzedText(paragraph["text"], language_hint="en", pipelines=pipelines))
    spans = annotator.annotate(AnalyzedText(paragraph["text"], language_hint="en", pipelines=pipelines))
    assert [(c.start, c.end, c.label, c.score) for c in candidates] == [(s.start, s.end, s.label, s.score) for s in spans]
    scores = load_calibration()["scores"]["en"]
    records = news_records(annotator, [paragraph], pipelines)
    assert records and all(r.score == scores[r.source][r.label] for r in records if r.source in scores)
    assert {r.source for r in records} >= {"model", "both"}


def test_replay_records_take_todays_scores():
    scores = load_calibration()["scores"]
    records = replay_records(scores)
    both = [r for r in records if r.language == "en" and r.source == "both" and r.label == "ORG"]
    assert both and {r.score for r in both} == {scores["en"]["both"]["ORG"]}


def test_the_replay_script_reads_a_trees_suggestions_and_their_sources(tmp_path: Path):
    blind = FIXTURES / "entities37" / "blind.jsonl"
    run = subprocess.run([sys.executable, str(FIXTURES / "calib35" / "replay_blind.py"), str(ROOT), str(blind),
                          "entities37", "HEAD"], capture_output=True, text=True, check=True, cwd=ROOT)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    scores = load_calibration()["scores"]["en"]
    assert len(lines) > 30
    for line in lines:
        source = source_of(line["explanation"])
        assert source not in scores or line["score"] == scores[source][line["label"]]
