"""Sentiment probe ``s50-sentiment`` (fixtures/s50-sentiment): calibration of the Portuguese review's Positive calls
(a route's confidence rises to its ceiling: REVIEW_PRAISE_CEILING for praise read by the review threshold alone,
STRONG_PRAISE_CEILING for a word of the highest praise), and the probe's fixes."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    DEFAULT_THRESHOLDS,
    REVIEW_PRAISE_CEILING,
    STRONG_PRAISE_CEILING,
    Thresholds,
    raised_for_lukewarm,
    raised_for_mixed,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s50-sentiment"


# ------------------------------------------------------------------ calibration

def test_a_reviews_praise_rises_to_its_ceiling_and_a_complaint_to_one():
    review = DEFAULT_THRESHOLDS["pt"]
    assert review.classify(review.positive) == ("Positive", 0.5)
    assert review.classify(1.0) == ("Positive", REVIEW_PRAISE_CEILING)
    assert review.classify(-1.0) == ("Negative", 1.0)
    assert Thresholds(0.6, 0.2).classify(1.0) == ("Positive", 1.0)  # a route without a ceiling: the ramp to 1


def test_raised_thresholds_keep_the_ceiling():
    review = DEFAULT_THRESHOLDS["pt"]
    assert raised_for_lukewarm(review).positive_ceiling == REVIEW_PRAISE_CEILING
    assert raised_for_mixed(review).positive_ceiling == REVIEW_PRAISE_CEILING


@pytest.mark.parametrize("text", [
    # praise read by the review threshold alone: right about six times in ten on B2W's development half
    "Gostei muito, chegou rápido e é muito bonito, recomendo a todos!",
    "Produto bonito, confortável e muito bom, gostei bastante.",
])
def test_praise_read_by_the_review_threshold_stays_under_the_ceiling(text):
    label, score, _ = sentiment(text, "pt")
    assert label == "Positive" and 0.5 <= score <= REVIEW_PRAISE_CEILING


def test_a_word_of_the_highest_praise_scores_up_to_its_own_ceiling():
    label, score, explanation = sentiment("Produto excelente, ótima qualidade, chegou rápido. Adorei!", "pt")
    assert label == "Positive" and REVIEW_PRAISE_CEILING < score <= STRONG_PRAISE_CEILING
    assert "highest praise" in explanation


# ------------------------------------------------------------------ the sets

# Before (main, d9441ec3): 13 of 24; wrong s01 (a softened wish after praise), s02 (a defect after praise), s03
# ("funciona muito bem", +0.46), s07 (VADER lacks "polite"), s08 (charged twice), s10 (+0.51, one review's praise
# under the threshold), s13 (VADER's "combat" in a game review), s15 ("cash grab"), s17-s19 (public service
# complaints told without a bad word).
STUDIED_WRONG = ["s01", "s02", "s03", "s07", "s08", "s10", "s13", "s15", "s17", "s18", "s19"]


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG
