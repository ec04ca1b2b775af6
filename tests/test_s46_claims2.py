"""Claims probe ``s46-claims2`` (fixtures/s46-claims2): what s46-claims' blind run left, in new sentences: a wire
story's lede after its dateline read as an opening hook, a delivery or a sale already under way ("já entrega", "já
vende") opening a text, a fact-check's verdict without a figure, and a product's or a job's other "up to" forms. The
studied set is pinned as it stands after the fixes, each rule is tested on other sentences with guards, and the blind
set as its one run measured it; every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "s46-claims2"
STUDIED = rows("studied.jsonl", PROBE)
# Left open at this probe (fixtures/s46-claims2/README.md), right since s47-claims: an order's bare count (a deal's
# counted content) and a product's material (the seller's description of the item).
STUDIED_LEFT_OPEN: dict[str, frozenset[str]] = {}
HOOK = "opening line without a detail"


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph, STUDIED_LEFT_OPEN.get(paragraph["id"], frozenset()))


# ------------------------------------------------------------------ the opening hook

def opening_reading(sentence: str, language: str) -> str:
    """The explanation of ``sentence`` read as the opening line of a text of three sentences."""
    rest = " O resto vem depois. E mais uma frase." if language == "pt" else " The rest follows. And one more."
    return ClaimAnnotator().score(AnalyzedText(sentence + rest, language_hint=language))[0].explanation


@pytest.mark.parametrize(("sentence", "language"), [
    # a lede's day, a year, a delivery or a sale under way: news, not a theme
    ("A Câmara aprovou hoje o novo plano diretor da cidade.", "pt"),
    ("O governo apresentou o plano de investimentos para 2030.", "pt"),
    ("A Randon já exporta reboques para o Chile.", "pt"),
    ("The council approved the new cycle lanes today.", "en"),
    ("Siemens already supplies trains to the Spanish railway.", "en"),
])
def test_a_ledes_detail_is_no_hook(sentence, language):
    explanation = opening_reading(sentence, language)
    assert HOOK not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: a theme, and "já" before a verb that is no delivery or sale
    ("A BYD está mudando o mapa da indústria automotiva.", "pt"),
    ("A inteligência artificial já mudou a forma como trabalhamos.", "pt"),
    ("Electric buses are changing how our cities move.", "en"),
])
def test_a_theme_is_still_a_hook(sentence, language):
    explanation = opening_reading(sentence, language)
    assert HOOK in explanation, explanation


# ------------------------------------------------------------------ a fact-check's verdict

@pytest.mark.parametrize(("text", "language"), [
    ("É falso que o prefeito tenha vendido o estádio.", "pt"),
    ("É, portanto, enganoso que a ponte esteja interditada.", "pt"),
    ("It is false that the council sold the park.", "en"),
    ("It's misleading that the law bans cash payments.", "en"),
])
def test_a_fact_checks_false_verdict_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.5 and "fact-check's verdict" in explanation, explanation


def test_a_verdict_on_a_forecast_is_a_claim():
    # left open here (README) at 0.38, the forecast's "will" outweighing the verdict; since s47-claims the verdict
    # checks the forecast and its plan weighs nothing
    score, explanation = claim_reading("It is false that the school will close next year.", "en")
    assert score >= 0.5 and "fact-check's verdict" in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # guards: a concession, "false" not opening the sentence as a verdict, a headline without its full stop
    ("É verdade que ninguém gosta de pagar impostos.", "pt"),
    ("É falso que o metrô de São Paulo vai fechar aos domingos", "pt"),
    ("It is true that the plan has its critics.", "en"),
    ("He gave a false name to the police.", "en"),
])
def test_a_concession_or_another_false_is_no_verdict(text, language):
    _score, explanation = claim_reading(text, language)
    assert "fact-check's verdict" not in explanation, explanation


# ------------------------------------------------------------------ the seller's and the employer's ceilings

@pytest.mark.parametrize(("text", "language"), [
    ("The cartridge lasts up to 6 months.", "en"),
    ("O filtro dura até 3 meses.", "pt"),
    ("O carregador rende até 5 cargas completas.", "pt"),
    ("The role offers a salary of up to £60,000.", "en"),
    ("A vaga oferece um salário de até R$ 9.000.", "pt"),
    ("The robot vacuum offers up to 90 minutes of cleaning.", "en"),
])
def test_a_products_or_a_jobs_ceiling_is_a_selling_point(text, language):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and "a product's specification" in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # guards: a scheme's grant, and a measured life reported with its study
    ("The scheme offers up to £5,000 to first-time buyers.", "en"),
    ("The filter lasts up to 6 months, a study found.", "en"),
])
def test_a_grant_or_a_found_ceiling_is_no_selling_point(text, language):
    _score, explanation = claim_reading(text, language)
    assert "a product's specification" not in explanation, explanation


# ------------------------------------------------------------------ the blind run (once, fixtures/s46-claims2/README.md)

BLIND = rows("blind.jsonl", PROBE)
# Measured at the one run on 65c2964c: recall 7/7, precision 7/8 (base 2514f6a7: 4/7 at 4/6). Suggested wrong: a
# shop's "Ships free to UK addresses." (b03, 0.53: "ships" an action of a named actor, "UK"); right since s47-claims
# (a shop's terms), so the set is pinned at 7/7 at 7/7 now.
BLIND_LEFT_OPEN: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph, BLIND_LEFT_OPEN.get(paragraph["id"], frozenset()))
