"""Claims probe ``s49-claims`` (fixtures/s49-claims): session 48's open cases (a police appeal for witnesses, a
proportion change without a verb of moving, forecasts by a named body or by no one) in new sentences, and election
polls and results, weather records, earnings calls, education statistics and transport. The studied set is pinned
after the fixes, each rule is tested on other sentences with guards, and the blind set as its one run measured it;
every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "s49-claims"
STUDIED = rows("studied.jsonl", PROBE)
# s03's "O condutor fugiu do local." was left open here (0.25); s49-claims2 reads a person named by role who fled as
# a claim (0.55, ``_FLED``), so no sentence is left open now.
STUDIED_LEFT_OPEN: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph, STUDIED_LEFT_OPEN.get(paragraph["id"], frozenset()))


# ------------------------------------------------------------------ a police appeal

@pytest.mark.parametrize(("sentence", "language"), [
    ("Detectives are appealing for information about a burglary at a jeweller's in Chester.", "en"),
    ("Kent Police is appealing for help to find a 16-year-old boy from Margate.", "en"),
    ("A GNR pede a quem tenha visto o veículo que ligue para o posto de Loulé.", "pt"),
    ("A Polícia Civil pede informações sobre o paradeiro do suspeito.", "pt"),
])
def test_a_bare_police_appeal_is_no_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "an appeal to the public" in explanation, explanation
    assert "action (" not in explanation or language == "pt"  # the appeal's own verb is no act


@pytest.mark.parametrize(("sentence", "language"), [
    # the event the appeal follows is stated, and checked
    ("Avon and Somerset Police are appealing for witnesses after a 24-year-old woman was robbed in Bath on Friday.", "en"),
    ("Durham Police are appealing for witnesses to a crash that killed two people on the A1 on Sunday.", "en"),
    # an appeal against a decision is an act
    ("The council is appealing the High Court's ruling on the 2025 budget.", "en"),
])
def test_an_appeal_that_names_its_event_or_a_legal_appeal_stays_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "an appeal to the public" not in explanation, explanation


# ------------------------------------------------------------------ a change measured without a verb of moving

@pytest.mark.parametrize(("sentence", "language"), [
    ("Tenants will pay a third more for gas from October.", "en"),
    ("Os clientes da Sabesp vão pagar um quinto a mais pela água a partir de março.", "pt"),
])
def test_a_fraction_more_on_a_timetable_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "comparison or trend" in explanation and "start date" in explanation, explanation


def test_a_fraction_before_a_preposition_is_no_superlative():
    _score, explanation = claim_reading("Os clientes vão pagar um terço a mais pela água.", "pt")
    assert "superlative" not in explanation and "comparison or trend (terço a mais)" in explanation, explanation


def test_an_ordinal_before_more_is_no_change():
    _score, explanation = claim_reading("It was the third more serious incident at the plant.", "en")
    assert "comparison or trend" not in explanation, explanation


# ------------------------------------------------------------------ a rate stated

@pytest.mark.parametrize(("sentence", "language"), [
    ("Turnout was 58.2%.", "en"),
    ("A taxa de desemprego ficou em 5,6%.", "pt"),
    ("A margem de erro é de dois pontos percentuais.", "pt"),
])
def test_a_rate_stated_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "a rate stated" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("The discount is 20% for members.", "en"),
    ("O desconto é de 15% para sócios.", "pt"),
])
def test_a_sellers_rate_is_an_offer(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "a rate stated" not in explanation, explanation


# ------------------------------------------------------------------ forecasts: who stands for them

@pytest.mark.parametrize(("sentence", "language", "claim"), [
    ("The Met Office expects rainfall of up to 80mm in Cumbria on Sunday.", "en", True),  # a named forecaster
    ("A Conab prevê safra de 330 milhões de toneladas de grãos em 2026.", "pt", True),
    ("Segundo a Fenabrave, as vendas devem crescer 5% em 2026.", "pt", True),  # a source
    ("House prices are expected to recover later in the year.", "en", False),  # no one behind it
    ("A Petrobras deve anunciar um novo reajuste nos próximos dias.", "pt", False),
    ("A eleição promete ser a mais disputada dos últimos anos.", "pt", False),  # a thing's prospect
    ("O governador promete entregar a nova linha até 2027.", "pt", True),  # a named office's promise stays
])
def test_a_forecast_is_a_claim_when_someone_named_stands_for_it(sentence, language, claim):
    score, explanation = claim_reading(sentence, language)
    assert (score >= 0.5) is claim, explanation


def test_a_half_year_by_its_ordinal_dates_a_reported_forecast():
    # written first with "O diretor financeiro disse ...": 0.45 with the date, a role without a name, as any bare report
    score, explanation = claim_reading(
        "O diretor financeiro, Paulo Nunes, disse que as vendas devem continuar fracas no terceiro trimestre.", "pt")
    assert score >= 0.5 and "date or period (no terceiro trimestre)" in explanation, explanation


# ------------------------------------------------------------------ the blind run (once, fixtures/s49-claims/README.md)

BLIND = rows("blind.jsonl", PROBE)
# Measured at the one run on 68528828: recall 16/17, precision 16/16, boundaries off 0/16; main ca417c98 15/17 at
# 15/15 (b07's "Season tickets will cost a tenth more from January." 0.25 missed too). Missed: b01's "The driver of a
# dark blue van failed to stop." (0.25), the kind studied s03 left open; found since s49-claims2 (``_FLED``, 0.55), so
# the set is no longer blind and nothing is missed.
BLIND_MISSED: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph, BLIND_MISSED.get(paragraph["id"], frozenset()))
