"""Sentiment probe ``s53-sentiment`` (fixtures/s53-sentiment): VADER's "warm" in a recipe's serving step, an
intensified "vale a pena" closing a mixed review and a denied one, a charge moved told from the side of whom charges
it, consent asked in a question, an app that logs its user out and a fix the user had to make, a battery's or an
agreed "charged", and "cutting" as a fall."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    DELAY_VALENCE,
    charge_forced_fixes,
    charged_by_others,
    drop_asked_acceptance,
    drop_battery_and_agreed_charges,
    drop_serving_temperatures,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s53-sentiment"


def _words(text: str) -> list[str]:
    return text.lower().replace(",", "").replace(".", "").replace("?", "").split()


# ------------------------------------------------------------------ a dish's temperature

@pytest.mark.parametrize("text", [
    "Bake for 25 minutes, let the crumble rest for five minutes and serve warm with vanilla ice cream.",  # r1
    "Slice the loaf thickly and serve it warm, with salted butter on the side.",  # r2
    "Serve the soup warm with crusty bread.",  # s52-sentiment2's f4
])
def test_warm_in_a_serving_step_is_no_praise(text):
    assert sentiment(text, "en")[0] == "Neutral"


def test_warmth_away_from_serving_keeps_its_praise():
    assert sentiment("The staff gave us a warm welcome and the room was spotless.", "en")[0] == "Positive"  # r4
    words = _words("they gave us a warm welcome")
    valences = [0.0, 0.0, 0.0, 0.0, 0.9, 1.0]
    drop_serving_temperatures(words, valences)
    assert valences[4] == 0.9


# ------------------------------------------------------------------ worth denied, worth closing a mixed review

@pytest.mark.parametrize("text", [
    "É bonito, mas não vale a pena pelo preço que cobram.",  # v3
    "Não vale a pena.",
    "Nem vale a pena perder tempo com essa loja.",
])
def test_a_denied_worth_is_a_verdict_against(text):
    assert sentiment(text, "pt")[0] == "Negative"


@pytest.mark.parametrize("text", [
    "A bateria do relógio dura pouco e o app às vezes trava, mas no geral vale muito a pena pelo preço.",  # v1
    "A entrega demorou mais do que o previsto, mas a máquina vale mesmo muito a pena.",  # v2
])
def test_an_intensified_worth_closing_a_mixed_review_is_its_verdict(text):
    label, _, note = sentiment(text, "pt")
    assert label == "Positive"
    assert "an intensified worth closing it" in note


@pytest.mark.parametrize("text", [
    "O som é mediano e o cabo é curto, mas vale a pena.",  # v4: a plain worth stays lukewarm
    "A entrega demorou, mas vale muito a pena, mas a caixa veio amassada.",  # a complaint after it
])
def test_a_plain_or_overturned_worth_is_no_closing_verdict(text):
    assert sentiment(text, "pt")[0] == "Neutral"


# ------------------------------------------------------------------ a charge moved, for whom

@pytest.mark.parametrize(("text", "language"), [
    ("O Banco Central aprovou a redução da tarifa cobrada pelas credenciadoras das maquininhas de cartão, que passa a "
     "valer em março.", "pt"),  # c1
    ("Ryanair cut its fares on routes to Portugal after bookings slowed over the summer.", "en"),  # c3
    ("Netflix raised its prices again.", "en"),
    ("A Netflix aumentou os seus preços.", "pt"),
])
def test_a_charge_moved_by_whom_charges_it_takes_no_side(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(("text", "language"), [
    ("They raised my fees again.", "en"),
    ("The fees went up again.", "en"),
    ("As tarifas do plano aumentaram 15% e o sinal continua igual.", "pt"),  # s52-sentiment2's p1
])
def test_a_charge_the_writer_pays_keeps_its_side(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_charge_is_a_third_partys_by_its_owner_or_its_charger():
    assert charged_by_others(_words("easyjet cut its fares"), 3, "en")
    assert charged_by_others(_words("a tarifa cobrada pelas credenciadoras"), 1, "pt")
    assert not charged_by_others(_words("they raised my fees"), 3, "en")
    assert not charged_by_others(_words("the company cut its costs"), 4, "en")  # a cost it pays, no charge


def test_lowering_is_a_fall_and_a_second_verb_moves_what_follows_it():
    # c4: "baixou" lowers the fee; "e ainda aumentou os dados" raises the data, not the fee
    label, _, note = sentiment("A minha operadora baixou a mensalidade e ainda aumentou os dados móveis.", "pt")
    assert "'mensalidade' falling" in note and "rising" not in note
    assert sentiment("The new hospital wing opened on schedule, cutting waiting times for scans from six weeks to ten "
                     "days.", "en")[0] == "Positive"  # n3


@pytest.mark.parametrize(("text", "label"), [
    ("A sardinha voltou, mas o preço não baixou.", "Neutral"),  # news_probe14's b05: no fall, no good news
    ("O desemprego não caiu.", "Negative"),  # what did not fall keeps its own valence
    ("O desemprego caiu.", "Neutral"),  # the fall itself: good news under the review threshold, as on main
])
def test_a_portuguese_fall_denied_is_none(text, label):
    got, _, note = sentiment(text, "pt")
    assert got == label and ("falling" in note) == ("não" not in text)


# ------------------------------------------------------------------ consent asked

@pytest.mark.parametrize(("text", "language"), [
    ("Alguém sabe se a escola aceita matrícula no meio do ano? Vamos mudar de cidade em julho.", "pt"),  # s52's e1
    ("Vocês aceitam cartão de débito?", "pt"),
    ("Does the clinic accept walk-ins on Saturdays?", "en"),
])
def test_consent_asked_is_no_praise(text, language):
    assert sentiment(text, language)[0] == "Neutral"


def test_consent_denied_in_a_question_is_kept():
    words = _words("por que voces nao aceitam devolucao?")
    valences = [0.0, 0.0, 0.0, 1.6, 0.0]
    drop_asked_acceptance(words, valences, "pt")
    assert valences[3] == 1.6


# ------------------------------------------------------------------ an app's faults told without a bad word

@pytest.mark.parametrize("text", [
    "Since the last update the app logs me out every time I switch screens. Had to reinstall it twice.",  # s1
    "It keeps kicking us out of the game.",
    "I had to restart the router twice.",
])
def test_an_app_throwing_its_user_out_or_a_forced_fix_is_a_complaint(text):
    assert sentiment(text, "en")[0] == "Negative"


@pytest.mark.parametrize("text", [
    "i logged out and back in and it worked",  # the user's own act
    "you have to restart it after setup",  # an instruction
])
def test_the_users_own_logout_or_an_instruction_is_no_fault(text):
    words = _words(text)
    assert charge_forced_fixes(words, [0.0] * len(words)) == {}


def test_a_forced_fix_charges_the_verb():
    words = _words("had to reinstall it twice")
    valences = [0.0] * len(words)
    assert charge_forced_fixes(words, valences) == {2: 0}
    assert valences[2] == DELAY_VALENCE


# ------------------------------------------------------------------ "charged": a battery's, a bill as agreed

@pytest.mark.parametrize("text", [
    "The phone charged fully in under an hour.",
    "It takes three hours to get fully charged.",
])
def test_a_battery_charged_is_no_accusation(text):
    assert sentiment(text, "en")[0] == "Neutral"


def test_a_bill_told_alone_keeps_charged():
    words = _words("and charged us £90 for the visit")
    valences = [0.0, -0.8, 0.0, 0.0, 0.0, 0.0, 0.0]
    drop_battery_and_agreed_charges(words, valences)
    assert valences[1] == -0.8


# ------------------------------------------------------------------ the probe

# Studied (truth committed in a0d77f34 before any run): main (c9bbf179) 15 of 28, here 24. Left: c4 and a3 (a
# customer's praise, +0.56 and +0.61, under the Portuguese review threshold), s2 (praise with a wish, +0.40), s3 (VADER's
# "leak" in "found the leak": a tradesman's diagnosis read as a fault).
STUDIED_WRONG = ["c4", "a3", "s2", "s3"]


def test_the_studied_set():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (committed in 181e8231 before any run): 12 of 12; main's code (c9bbf179) 8 of 12 (missed b01 "serve warm or
# cold", b03 "vale super a pena" closing a mixed review, b04 "não vale a pena", b07 "aceita cartão ...?").
BLIND_WRONG: list[str] = []


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
