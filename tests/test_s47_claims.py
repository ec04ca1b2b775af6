"""Claims probe ``s47-claims`` (fixtures/s47-claims): the open cases s46-claims2 left, in new sentences (a seller's
material and a shop's terms, an order's count, a verdict on a forecast, "garantiu" without "que", a formal act's
"RESOLVE:"), and earnings calls, transfers, health bulletins, elections and science releases. The studied set is
pinned after the fixes, each rule is tested on other sentences with guards, and the blind set as its one run measured
it; every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "s47-claims"
STUDIED = rows("studied.jsonl", PROBE)


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph)


# ------------------------------------------------------------------ the seller's item and the shop's terms

@pytest.mark.parametrize(("text", "language", "cue"), [
    ("Made from 100% organic cotton.", "en", "a product's specification"),
    ("Woven from 80% recycled wool.", "en", "a product's specification"),
    ("Fabricado em aço inox 304.", "pt", "a product's specification"),
    ("Ships free to UK addresses.", "en", "a shop's terms"),
    ("Returns accepted within 14 days.", "en", "a shop's terms"),
    ("Frete grátis para compras acima de R$ 199.", "pt", "a shop's terms"),
])
def test_a_sellers_material_and_a_shops_terms_are_no_claims(text, language, cue):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and cue in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # guards: a subject before the participle or the verb, and a maker's reported claim
    ("The bridge was made of 4,000 tonnes of steel.", "en"),
    ("Royal Mail delivered 7 million parcels in December.", "en"),
    ("Made from recycled bottles, the jackets cut emissions by 30%, the company said.", "en"),
])
def test_a_subject_or_a_report_is_no_shop_line(text, language):
    _score, explanation = claim_reading(text, language)
    assert "a product's specification" not in explanation and "a shop's terms" not in explanation, explanation


# ------------------------------------------------------------------ a deal's counted content and a contract's end

@pytest.mark.parametrize(("text", "language"), [
    ("A encomenda inclui 40 aviões.", "pt"),
    ("O acordo prevê 12 navios-patrulha.", "pt"),
    ("The order covers 30 trains.", "en"),
    ("O jogador assinou contrato até 2030.", "pt"),
    ("He signed a deal until June 2030.", "en"),
])
def test_a_deals_count_or_a_contracts_end_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.5, explanation


def test_a_customers_own_order_is_no_deal():
    _score, explanation = claim_reading("My order includes 2 mugs and a teapot.", "en")
    assert "a deal's counted content" not in explanation, explanation


def test_a_renewal_is_counted_once():
    _score, explanation = claim_reading("O contrato foi renovado até 2030.", "pt")
    assert "a contract's end date" not in explanation and "term renewed" in explanation, explanation


# ------------------------------------------------------------------ guidance and a verdict on a forecast

@pytest.mark.parametrize(("text", "language"), [
    ("We now expect full-year revenue of $12 billion to $12.5 billion.", "en"),
    ("Esperamos um lucro de R$ 2 bilhões em 2027.", "pt"),
])
def test_a_companys_guidance_with_its_figure_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.5 and "a company's guidance" in explanation, explanation


def test_an_expectation_without_a_financial_figure_stays_hedged():
    score, explanation = claim_reading("We expect a busy summer with lots of visitors.", "en")
    assert score < 0.5 and "a company's guidance" not in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    ("It is false that the bank will close its Leeds branch in May.", "en"),
    ("É falso que o metrô vai fechar aos domingos.", "pt"),
])
def test_a_verdict_on_a_forecast_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.5 and "fact-check's verdict" in explanation, explanation


# ------------------------------------------------------------------ the opening hook and an adverb in -s

def opening_reading(sentence: str, language: str) -> str:
    rest = " O resto vem depois. E mais uma frase." if language == "pt" else " The rest follows. And one more."
    return ClaimAnnotator().score(AnalyzedText(sentence + rest, language_hint=language))[0].explanation


@pytest.mark.parametrize(("sentence", "language", "hook"), [
    ("A Sabesp assinou um acordo com a Prefeitura de Santos.", "pt", False),
    ("Ørsted signed a deal with Equinor for offshore wind.", "en", False),
    ("A Sabesp quer um acordo com todos.", "pt", True),  # guard: no named party
])
def test_a_deal_with_a_named_party_is_no_hook(sentence, language, hook):
    assert ("opening line without a detail" in opening_reading(sentence, language)) is hook


def test_an_adverb_in_s_is_no_present_verb():
    _score, explanation = claim_reading("Summer is always a busy time for the RNLI.", "en")
    assert "action" not in explanation, explanation


# ------------------------------------------------------------------ a formal act's operative colon

def units(text: str) -> list[str]:
    return [text[u.start:u.end] for u in ClaimAnnotator().score(AnalyzedText(text, language_hint="pt"))]


def test_an_acts_operative_colon_parts_its_formula_from_its_decision():
    text = ("O DIRETOR-GERAL, no uso de suas atribuições, DECRETA: Art. 1º Fica criada a Escola Municipal Maria "
            "Lopes, com 400 vagas.")
    assert units(text) == ["O DIRETOR-GERAL, no uso de suas atribuições, DECRETA:",
                           "Art. 1º Fica criada a Escola Municipal Maria Lopes, com 400 vagas."]


def test_a_quoted_rule_stays_one_unit():
    text = "Segundo o relator, a lei determina: quem desmatar paga multa de 5 mil reais."
    assert units(text) == [text]


# ------------------------------------------------------------------ the blind run (once, fixtures/s47-claims/README.md)

BLIND = rows("blind.jsonl", PROBE)
# Measured at the one run on 827b588f: recall 9/12, precision 9/9 (main 4e5d03f1: 8/12 at 8/9). Missed: b02's
# transfer opening "O Palmeiras acertou a contratação ..." (0.38, a hook) and "O defensor assinou vínculo até dezembro
# de 2029." (0.40: the contract's end given by its month), b05's act in the infinitive "Exonerar, a pedido, ..."
# (0.43). After the month fix (reported apart): 10/12 at 10/10; s47-claims2 closed the two left (the signing's named
# player is a lede's detail, the act's infinitive its decision): 12/12 at 12/12.
BLIND_LEFT_OPEN: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph, BLIND_LEFT_OPEN.get(paragraph["id"], frozenset()))
