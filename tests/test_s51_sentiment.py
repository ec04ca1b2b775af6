"""Sentiment probe ``s51-sentiment`` (fixtures/s51-sentiment): session 50's open cases (a first-person lock-out
without "still", a third-person seller's loss "de graça", an improvement begun with "gostei muito"), a counted wait
without a place, "still await a reply", and the mixed route's Negative ceiling on texts that are no reviews."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    DELAY_VALENCE,
    IMPROVED_NOTE,
    IMPROVED_VALENCE,
    LOSS_VALENCE,
    MIXED_NEGATIVE_CEILING,
    MIXED_NOTE,
    charge_sold_for_nothing,
    charge_still_locked_out,
    charge_waits_spent,
    praise_improvements,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s51-sentiment"


# ------------------------------------------------------------------ a lock-out told in the first person

@pytest.mark.parametrize(("text", "label"), [
    ("Ever since the latest update I can't sign in on my tablet.", "Negative"),  # s01
    ("Since the last update I can't log in and support just sends me the same link.", "Negative"),  # s50's b05
    ("We cannot access the shared folder anymore.", "Negative"),
    ("You can't log in without a code from the app.", "Neutral"),  # an instruction: no first person
    ("Still can't log in after resetting my password twice.", "Negative"),  # s50-sentiment2's case, as it was
])
def test_a_first_person_lock_out(text, label):
    assert sentiment(text, "en")[0] == label


def test_charge_still_locked_out_reads_a_first_person_lead():
    words = "since the update i can't sign in".split()
    sentiments = [0.0] * len(words)
    assert charge_still_locked_out(words, sentiments) == {5: 3}
    assert sentiments[5] == DELAY_VALENCE
    assert charge_still_locked_out("you can't log in without it".split(), [0.0] * 6) == {}


def test_still_awaiting_a_reply_is_no_praise():
    label, _, explanation = sentiment("We still await a reply to our complaint.", "en")
    assert label == "Negative" and "still await a reply" in explanation


# ------------------------------------------------------------------ a sale at a loss told in the third person

@pytest.mark.parametrize(("text", "label"), [
    ("Sem comprador, o produtor acabou vendendo a produção quase de graça.", "Negative"),  # s03: forced
    ("O produtor vendeu o leite quase de graça.", "Negative"),  # session 50's open case: a producer's sale
    ("Os pescadores tiveram de vender o peixe quase de graça.", "Negative"),
    ("A loja vendeu quase de graça, ótimo negócio!", "Positive"),  # a shop's sale: the buyer's luck
    ("Comprei quase de graça, ótimo negócio!", "Positive"),
])
def test_a_forced_or_producers_sale_for_nothing_is_a_loss(text, label):
    assert sentiment(text, "pt")[0] == label


def test_charge_sold_for_nothing_third_person():
    forced = "o agricultor teve de vender quase de graca".split()
    valences = [0.0] * len(forced)
    assert charge_sold_for_nothing(forced, valences) == {7: 4} and valences[7] == LOSS_VALENCE
    shop = "a loja vendeu quase de graca".split()
    assert charge_sold_for_nothing(shop, [0.0] * len(shop)) == {}


# ------------------------------------------------------------------ an improvement begun

@pytest.mark.parametrize(("text", "label"), [
    ("Depois da atualização a bateria começou a durar mais, gostei muito.", "Positive"),  # s04, issue's open case
    ("Depois da troca, a impressora começou a funcionar melhor.", "Positive"),
    ("O carro começou a gastar mais depois da revisão.", "Neutral"),  # no improvement
    ("A bateria começou a durar mais, mas o app trava toda hora.", "Neutral"),  # something bad: no verdict
])
def test_an_improvement_begun(text, label):
    assert sentiment(text, "pt")[0] == label


def test_praise_improvements_and_its_note():
    folded = "a bateria comecou a durar mais".split()
    valences = [0.0] * len(folded)
    assert praise_improvements(folded, valences) == {5: 2} and valences[5] == IMPROVED_VALENCE
    assert IMPROVED_NOTE in sentiment("A bateria começou a durar mais, gostei muito.", "pt")[2]


# ------------------------------------------------------------------ a counted wait without a place

@pytest.mark.parametrize(("text", "language", "label"), [
    ("Esperamos uma hora pelo prato principal.", "pt", "Negative"),
    ("We waited an hour for our starters.", "en", "Negative"),
    ("Esperei dois anos por este lançamento.", "pt", "Neutral"),  # years: a fan's anticipation, no service's wait
    ("Passei duas horas na praia.", "pt", "Neutral"),  # no wait, no place of waiting
])
def test_a_counted_wait_of_minutes_or_hours(text, language, label):
    assert sentiment(text, language)[0] == label


def test_charge_waits_spent_without_a_place():
    words = "esperamos uma hora pelo prato".split()
    valences = [0.0] * len(words)
    assert charge_waits_spent(words, valences, "pt") == {2: 0} and valences[2] == DELAY_VALENCE


# ------------------------------------------------------------------ the mixed route's ceiling on other texts

def test_the_mixed_ceiling_holds_on_texts_that_are_no_reviews():
    # s51-sentiment's own non-review mixed texts: the mixed route's Negative calls were right 1 of 2 (s06, a lovely
    # show and a chaotic way home, neutral; s24, a party ending with injuries, negative): no evidence that they are
    # right more often than the ceiling says, so it stays where it applies (every "pt" text not read as news)
    label, score, explanation = sentiment(
        "A festa no parque foi bonita, mas terminou com dois feridos e muita confusão na saída.", "pt")
    assert label == "Negative" and MIXED_NOTE in explanation and score <= MIXED_NEGATIVE_CEILING


# ------------------------------------------------------------------ the probe, as measured

# Before (main c8346fe8) 10 of 24; after 13 of 24: s01 (a first-person lock-out), s03 (a producer's forced sale), s04
# (an improvement begun). Left: s02 (VADER's "without internet" in an instruction), s06 (mixed post, neutral, read
# Negative at 0.53), s07 ("quarenta minutos": no number word), s09 (plain praise +0.61 under the review threshold), s10
# ("nobody came to fix it" after "fine"), s11 (a counted wait now read, but mixed with "gostosa" under the raised
# threshold), s13 ("does what it says"), s16 (a request repeated), s20 ("top rack" read as slang), s21 ("aguenta bem
# as quedas"), s22 ("however" after "pleasant"; "still await a reply" now read, the sum still positive).
# s51-sentiment2 fixed s02 (a requirement told to the reader), s10 (a repair nobody came to make), s13 ("does what it
# says"), s20 ("top rack" names a place) and s22 ("however" weighed as "but"); s07's forty minutes are read now, the
# text read as news (its opening question) under the news threshold.
STUDIED_WRONG = ["s06", "s07", "s09", "s11", "s16", "s21"]


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (committed in fbbc16f7 before any run): 11 of 12; main's code (c8346fe8) 10 of 12 (b04, "we can't log in",
# gained). Missed on both: b11 (a mixed forum post, "se recusa a trocar mesmo dentro da garantia", -0.23, under the
# mixed route's raised threshold).
BLIND_WRONG = ["b11"]


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
