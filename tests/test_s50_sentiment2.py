"""Sentiment probe ``s50-sentiment2`` (fixtures/s50-sentiment2): s50-sentiment's leftovers in new words (a service not
given told with "ninguém", a fault begun early, English services undone and a login still failing, a sale "de graça"
at a loss) with guards, and the confidence ceiling of a mixed review's Negative call (MIXED_NEGATIVE_CEILING)."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    DEFAULT_THRESHOLDS,
    DELAY_VALENCE,
    LOSS_VALENCE,
    MIXED_NEGATIVE,
    MIXED_NEGATIVE_CEILING,
    REVIEW_PRAISE_CEILING,
    _negated_having,
    charge_early_wear,
    charge_services_undone,
    charge_sold_for_nothing,
    charge_still_locked_out,
    raised_for_mixed,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s50-sentiment2"


# ------------------------------------------------------------------ a service not given, without "não"

@pytest.mark.parametrize(("text", "label"), [
    ("Mandei três e-mails para o suporte e ninguém deu resposta.", "Negative"),  # c01
    ("A loja não me deu retorno sobre a garantia.", "Negative"),  # a clitic between
    ("Usei na festa e ninguém reclamou do som.", "Neutral"),  # g02: nobody complained
])
def test_nobody_gave_an_answer(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(("sentence", "having"), [
    ("ninguem deu resposta", [1]),
    ("ninguem nos deu retorno", [2]),
    ("nao me deram retorno", [2]),
    ("me deu retorno", []),
    ("ninguem reclamou", []),
])
def test_negated_having(sentence, having):
    assert _negated_having(sentence.split(), "pt") == having


# ------------------------------------------------------------------ a fault begun early

@pytest.mark.parametrize(("text", "label"), [
    ("Bonito e leve, mas o notebook começou a travar com dez dias de uso.", "Negative"),  # c06: was mixed, Neutral
    ("Linda, mas a caixa d'água começou a vazar depois de uma semana.", "Negative"),
    # no fault; since s51-sentiment an improvement (``praise_improvements``), Positive
    ("A bateria começou a durar mais depois de uma semana.", "Positive"),
])
def test_a_fault_begun_early(text, label):
    assert sentiment(text, "pt")[0] == label


def test_charge_early_wear_reads_a_fault_begun():
    folded = "a torneira comecou a pingar depois de uma semana".split()
    valences = [0.0] * len(folded)
    valences[4] = -1.0  # "pingar" as the lexicon reads it
    assert charge_early_wear(folded, valences) == {8: 4}
    assert valences[8] == DELAY_VALENCE
    started = "a bateria comecou a durar mais depois de uma semana".split()
    assert charge_early_wear(started, [0.0] * len(started)) == {}


# ------------------------------------------------------------------ English service complaints

@pytest.mark.parametrize(("text", "label"), [
    ("Recycling bins on our street not collected for three weeks now.", "Negative"),  # c08
    ("The streetlight outside has not been repaired for a month.", "Negative"),
    ("Still can't log in after resetting my password twice.", "Negative"),  # c09
    ("I still cannot access my account after three calls.", "Negative"),
    ("Bins will be collected on Tuesdays from next month.", "Neutral"),  # g05
    ("You can log in after resetting your password from the settings page.", "Neutral"),  # g06
])
def test_english_service_complaints(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(("sentence", "charged"), [
    ("bins not collected for three weeks", {5: 2}),
    ("our bins have not been collected for a fortnight", {8: 5}),
    ("bins not collected for weeks", {4: 2}),
    ("bins are not collected on bank holidays", {}),  # no span: a schedule
    ("bins collected for three weeks", {}),  # no negation
])
def test_charge_services_undone(sentence, charged):
    lowered = sentence.split()
    sentiments = [0.0] * len(lowered)
    assert charge_services_undone(lowered, sentiments) == charged
    assert all(sentiments[unit] == DELAY_VALENCE for unit in charged)


@pytest.mark.parametrize(("sentence", "charged"), [
    ("still can't log in", {2: 0}),
    ("still unable to sign in", {3: 0}),
    ("i still can't believe it", {}),
    ("can't log in", {}),
])
def test_charge_still_locked_out(sentence, charged):
    lowered = sentence.split()
    assert charge_still_locked_out(lowered, [0.0] * len(lowered)) == charged


# ------------------------------------------------------------------ "de graça": the seller's loss

@pytest.mark.parametrize(("text", "label"), [
    ("A colheita foi boa, mas com o preço lá embaixo vendemos quase de graça.", "Negative"),  # c11
    ("Tivemos de liquidar o estoque e vendemos tudo praticamente de graça.", "Negative"),  # c12
    ("Comprei quase de graça na promoção, ótimo negócio!", "Positive"),  # g01: the buyer's bargain
])
def test_sold_for_nothing(text, label):
    assert sentiment(text, "pt")[0] == label


def test_charge_sold_for_nothing():
    folded = "vendemos tudo praticamente de graca".split()
    valences = [0.0] * len(folded)
    assert charge_sold_for_nothing(folded, valences) == {4: 0}
    assert valences[4] == LOSS_VALENCE
    bought = "a loja vendeu quase de graca".split()
    assert charge_sold_for_nothing(bought, [0.0] * len(bought)) == {}


# ------------------------------------------------------------------ a mixed review's Negative call

def test_a_mixed_reviews_complaint_stops_at_its_ceiling():
    mixed = raised_for_mixed(DEFAULT_THRESHOLDS["pt"])
    assert mixed.classify(-1.0) == ("Negative", MIXED_NEGATIVE_CEILING) == ("Negative", 0.6)
    assert mixed.classify(-MIXED_NEGATIVE) == ("Negative", 0.5)
    assert mixed.positive_ceiling == REVIEW_PRAISE_CEILING
    assert DEFAULT_THRESHOLDS["pt"].classify(-1.0) == ("Negative", 1.0)  # a plain complaint: the ramp to 1


def test_a_mixed_review_read_negative_scores_under_the_ceiling():
    # -0.88: a ramp to 1 scored it 0.895, where such calls are right about half the time
    label, score, explanation = sentiment("O produto é ótimo, mas a entrega foi péssima e chegou quebrado!", "pt")
    assert label == "Negative" and score == 0.579
    assert "praise and a complaint across a contrast" in explanation


# ------------------------------------------------------------------ the cases

# Before (merge58, 81fbaaef): 11 of 18; wrong c01 ("ninguém deu resposta"), c06 (a fault begun early after praise:
# mixed), c08, c09 (English complaints without a bad word), c11, c12 ("de graça" read as praise), g04 (praise under the
# review threshold, +0.51, as it was). After: 17 of 18, g04 left (no rule of this task).
# g04 ("começou a durar mais ..., gostei muito") right since s51-sentiment (``praise_improvements``).
CASES_WRONG: list[str] = []


def test_the_cases_as_measured():
    assert wrong_sentiment("cases.jsonl", PROBE) == CASES_WRONG
