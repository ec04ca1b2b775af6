"""Sentiment probe ``s50-sentiment`` (fixtures/s50-sentiment): calibration of the Portuguese review's Positive calls
(a route's confidence rises to its ceiling: REVIEW_PRAISE_CEILING for praise read by the review threshold alone,
STRONG_PRAISE_CEILING for a word of the highest praise), and the probe's fixes."""

from __future__ import annotations

import pytest

from bench.quality import sentiment_bands
from plugins.sentiment import (
    DEFAULT_THRESHOLDS,
    DELAY_VALENCE,
    REVIEW_PRAISE_CEILING,
    STRONG_PRAISE_CEILING,
    Thresholds,
    charge_double_charges,
    charge_early_wear,
    raised_for_lukewarm,
    raised_for_mixed,
)
from server.annotators import Choice
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


def test_the_calibration_rows_name_their_half():
    # bench/quality.py --tune-sentiment prints the development half's bands with these rows
    choices = [Choice("Positive", 0.6), Choice("Positive", 0.7), Choice("Negative", 0.9)]
    rows = sentiment_bands(choices, ["positive", "neutral", "negative"], "B2W test, development half")
    assert rows == [
        ("sentiment", "B2W test, development half", "Positive scored [0.5, 0.75)", {"accuracy": 0.5, "n": 2}),
        ("sentiment", "B2W test, development half", "Negative scored [0.75, 1.0)", {"accuracy": 1.0, "n": 1}),
    ]


# ------------------------------------------------------------------ the probe's fixes

@pytest.mark.parametrize(("text", "label"), [
    ("Sandália linda, mas a tira soltou na segunda semana de uso.", "Negative"),  # issue 4's open case
    ("Ótimo produto, mas o cabo soltou com duas semanas de uso.", "Negative"),
    ("A camisa é linda, mas desbotou na primeira lavagem.", "Negative"),
    ("A alça da mochila rasgou em dez dias.", "Negative"),
    ("O Brasil quebrou o recorde na segunda semana dos jogos.", "Neutral"),  # a record, no wear
    ("O app é ótimo, mas demorou dez dias para chegar.", "Neutral"),  # a delay after praise stays mixed
])
def test_a_part_worn_out_early_is_a_failure_not_a_reservation(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(("sentence", "charged"), [
    ("a tira soltou na segunda semana de uso", {5: 2}),
    ("a alca rasgou em dez dias", {5: 2}),
    ("a tela quebrou depois de cinco anos de uso", {}),  # years: a long life
    ("escorregou no primeiro dia de aula", {}),  # a slip is the writer's
    ("quebrou o recorde na segunda semana", {}),
])
def test_charge_early_wear(sentence, charged):
    folded = sentence.split()
    valences = [0.0] * len(folded)
    assert charge_early_wear(folded, valences) == charged
    assert all(valences[unit] == DELAY_VALENCE for unit in charged)


@pytest.mark.parametrize(("text", "label"), [
    ("Passei a manhã inteira na fila e saí sem ser atendido.", "Negative"),
    ("A loja não deu retorno sobre a troca.", "Negative"),
    ("O problema é do roteador e não da internet.", "Negative"),  # "da" is no "dá": only "problema" reads
])
def test_a_service_not_given(text, label):
    assert sentiment(text, "pt")[0] == label


def test_the_internet_after_da_is_not_deprived():
    assert "internet" not in sentiment("O problema é do roteador e não da internet.", "pt")[2]


@pytest.mark.parametrize(("text", "label"), [
    ("A aplicação cobrou-me duas vezes a mesma encomenda.", "Negative"),  # s08
    ("Fui cobrado em dobro pela entrega.", "Negative"),
    ("A loja cobrou duas vezes menos que a concorrente.", "Neutral"),  # a comparison
    ("A academia cobra duas vezes por mês.", "Neutral"),  # a schedule, no charge made
])
def test_a_charge_made_twice(text, label):
    assert sentiment(text, "pt")[0] == label


def test_charge_double_charges():
    folded = "o app cobrou a assinatura duas vezes no mes".split()
    valences = [0.0] * len(folded)
    assert charge_double_charges(folded, valences) == {6: 2}
    assert valences[6] == DELAY_VALENCE


@pytest.mark.parametrize(("text", "label"), [
    ("The driver was polite and helpful.", "Positive"),
    ("A gripping thriller from start to finish.", "Positive"),
    ("This sequel is a cash grab.", "Negative"),
    ("The new ticket prices are a rip-off.", "Negative"),
])
def test_words_vader_lacked(text, label):
    assert sentiment(text, "en")[0] == label


# ------------------------------------------------------------------ the sets

# Before (main, d9441ec3): 13 of 24; wrong s01 (a softened wish after praise), s02 (a defect after praise), s03
# ("funciona muito bem", +0.46), s07 (VADER lacks "polite"), s08 (charged twice), s10 (+0.51, one review's praise
# under the threshold), s13 (VADER's "combat" in a game review), s15 ("cash grab"), s17-s19 (public service
# complaints told without a bad word).
# After: 20 of 24 (s08, the double charge, read after the blind run: a studied case, the blind labels unchanged by it);
# left s01 (plain praise with a softened wish: under the review threshold, +0.54, as B2W's 3-star reviews read), s03
# ("funciona muito bem" in a review of seven words: the B2W development half labels such longer reviews neutral 8 of
# 16, so the short-verdict rule was not widened), s10 (+0.51, one review's praise under the threshold), s19 (bins not
# collected for a fortnight: no rule; read since s50-sentiment2's ``charge_services_undone``).
STUDIED_WRONG = ["s01", "s03", "s10"]


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (committed in e669aaa1, after the studied fixes, 951d26a0): 8 of 12; main's code (d9441ec3) 7 of 12 (b07,
# "rip-off", gained). Missed on both: b05 ("can't log in", "support just sends me the same link": no word VADER reads),
# b06 ("a campanha prende": praise LeIA lacks, "linda" alone under the review threshold), b09 ("ninguém deu resposta":
# the negated giving reads "não", not "ninguém"), b11 ("Adorámos", +0.56, one praise word under the review threshold).
# b03 and b12 hold "polite"/"impolite", words this probe added before the blind set was written. Since
# s50-sentiment2 ("ninguém" negates a giving, ``_negated_having``), b09 is right, and since s51-sentiment (a
# first-person "I can't log in", ``charge_still_locked_out``) b05: 10 of 12 (its run's 8 stand above).
BLIND_WRONG = ["b06", "b11"]


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
