"""Claims probe ``s50-claims`` (fixtures/s50-claims): session 49's open cases (a change by a fraction without a number,
a reported mood) in new sentences, and court rulings and sentencing, public health advice, crime statistics, transfer
fees and records, housing and rents. The studied set is pinned after the fixes (its open sentences named), each rule
is tested on other sentences with guards, and the blind set as its one run measured it; every expected outcome was
written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "s50-claims"
STUDIED = rows("studied.jsonl", PROBE)
# Left open (fixtures/s50-claims/README.md): a vague view with a comparison's word, "Para os pesquisadores, a queda
# precisa ser vista com cautela" (0.60). s50-claims2 found s08's present-tense count ("a level or count stated of a
# named thing") and dropped s12's group report ("report of a group no one can ask"), both written for session 50's
# round 2 in its own sentences (tests/test_s50_claims2.py).
STUDIED_LEFT_OPEN = {
    "s13": frozenset({"Para os pesquisadores, a queda precisa ser vista com cautela."}),
}


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph, STUDIED_LEFT_OPEN.get(paragraph["id"], frozenset()))


# ------------------------------------------------------------------ a change by a fraction right after its verb

@pytest.mark.parametrize(("sentence", "language"), [
    ("Applications fell a quarter last year.", "en"),
    ("As exportações de café caíram um quarto no ano passado.", "pt"),
    ("O número de passageiros cresceu um terço em 2024.", "pt"),
])
def test_a_fraction_after_a_verb_of_moving_is_a_proportion(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "proportion (" in explanation and "ordinal (" not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("She rose a fifth time to speak.", "en"),  # a place in a series, no share
    ("O hóspede subiu ao quarto andar.", "pt"),  # a floor, no share
])
def test_a_place_after_a_verb_of_moving_is_no_proportion(sentence, language):
    _score, explanation = claim_reading(sentence, language)
    assert "proportion (" not in explanation, explanation


# ------------------------------------------------------------------ a reported mood

@pytest.mark.parametrize(("sentence", "language"), [
    ("O diretor financeiro disse que está otimista.", "pt"),
    ("João Silva disse que está otimista.", "pt"),
    ("A secretária afirmou estar preocupada com a seca.", "pt"),
    ("The chairman said he was optimistic about the outlook.", "en"),
    ("The club's owner said they were disappointed.", "en"),
])
def test_a_reported_mood_is_no_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "the speaker's feelings (" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    # what the same speaker reports as a fact or a plan, or a mood with a figure in it
    ("The chairman said the plant would close in March.", "en"),
    ("Ken Murphy said he was confident sales would rise 5% this year.", "en"),
    ("O diretor financeiro disse que a fábrica será fechada em março.", "pt"),
])
def test_a_report_beside_a_mood_stays_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5, explanation


# ------------------------------------------------------------------ a record against a history

@pytest.mark.parametrize(("sentence", "language"), [
    ("Foi a maior goleada da história do campeonato.", "pt"),
    ("É a terceira maior venda da história do clube.", "pt"),
    ("It was the highest score in Arsenal's history.", "en"),
    ("It is the biggest sale in the club's history.", "en"),
])
def test_a_record_against_a_history_is_a_period(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "superlative in time" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("A venda seria a maior da história do clube.", "pt"),
    ("The deal would be the biggest in the club's history.", "en"),
])
def test_a_conditional_record_stays_unconfirmed(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "date or period" not in explanation, explanation


# ------------------------------------------------------------------ a penalty's term, a bench's split

@pytest.mark.parametrize(("sentence", "language"), [
    ("O arguido ficou proibido de conduzir durante três anos.", "pt"),
    ("O jogador foi suspenso por dois jogos.", "pt"),
    ("He was banned from driving for three years.", "en"),
    ("The player was suspended for six matches.", "en"),
])
def test_a_penalty_with_its_term_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "a penalty's term (" in explanation, explanation


def test_a_closure_for_a_while_is_no_penalty():
    score, explanation = claim_reading("The road will be closed for two weeks.", "en")
    assert "a penalty's term" not in explanation and score < 0.5, explanation


@pytest.mark.parametrize("sentence", [
    "The Supreme Court ruled 6-3 that the law was unconstitutional.",
    "A federal appeals court on Tuesday struck down the rule, ruling 2-1 that it exceeded the agency's powers.",
])
def test_a_benchs_split_is_a_tally(sentence):
    score, explanation = claim_reading(sentence, "en")
    assert score >= 0.5 and "a vote's tally (" in explanation, explanation


def test_anyone_affected_can_contact_is_an_appeal():
    score, explanation = claim_reading("Anyone affected can contact the council's helpline.", "en")
    assert score < 0.5 and "an appeal to the public" in explanation, explanation


# ------------------------------------------------------------------ the blind run (once, fixtures/s50-claims/README.md)

BLIND = rows("blind.jsonl", PROBE)
# One run on 24d453e0: 11/12 at 11/13, 0 off. Missed a level with no other cue; suggested two vague reports by a
# group ("Road safety charities said ...", "Landlords say ...": reported speech and an action, 0.55). The three were
# s50-claims2's brief (its rules written on its own sentences): now 12/12 at 12/12.
BLIND_AS_MEASURED: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph, BLIND_AS_MEASURED.get(paragraph["id"], frozenset()))
