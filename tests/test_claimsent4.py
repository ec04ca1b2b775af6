"""Claims and sentiment probe ``claimsent4`` (fixtures/claimsent4): the gaps noticed after session 25 and the
studied texts' misses, each fixed by a rule tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_sentiment import sentiment


def unit_explanations(text: str, language: str) -> str:
    """Every unit's explanation, suggested or not, joined."""
    return " | ".join(unit.explanation for unit in ClaimAnnotator().score(AnalyzedText(text, language_hint=language)))


# ------------------------------------------------------------------ claims: how a customer's order came

@pytest.mark.parametrize(("sentence", "language"), [
    ("Produto excelente, chegou antes do prazo e bem embalado.", "pt"),
    ("Meu pedido chegou na sexta-feira, dois dias antes do prazo.", "pt"),
    ("Chegou dentro do prazo, bem embalada, com nota fiscal.", "pt"),
    ("My order arrived on time, well packaged, with 2 spare filters.", "en"),
    ("We waited 45 minutes for our mains and the steak came out cold.", "en"),
    ("Esperei duas horas na fila e ninguém atendeu.", "pt"),
    ("Amazon replaced it twice without argument, which I appreciate.", "en"),
])
def test_a_customers_order_and_wait_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: a public work's deadline, years waited for a town's bridge, a company's refunds counted
    ("A obra do viaduto foi entregue dois meses antes do prazo, informou a prefeitura.", "pt"),
    ("We waited 45 years for this bridge, and the state finally opened it on Monday.", "en"),
    ("The airline refunded 1.2 million passengers in 2024, the regulator said.", "en"),
])
def test_news_of_deadlines_and_waits_stays_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


# ------------------------------------------------------------------ claims: a day given to act

@pytest.mark.parametrize(("sentence", "language"), [
    ("Regulators have until March 14 to decide.", "en"),
    ("The company has until 30 June to respond to the complaint.", "en"),
    ("A empresa tem até 30 de junho para responder ao Procon.", "pt"),
])
def test_a_day_given_to_act_is_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


def test_a_wish_until_a_day_is_none():
    assert claims("I can't wait until March 14 to see you all!", "en") == {}


# ------------------------------------------------------------------ claims: a surname that is also a noun

@pytest.mark.parametrize(("sentence", "language", "actor"), [
    ("Rocha anunciou a demissão do secretário.", "pt", "Rocha"),
    ("Coelho negou nesta quarta que vá deixar o partido.", "pt", "Coelho"),
    ("Pereira disse que o acordo está fechado.", "pt", "Pereira"),
    ("Baker said the plan would cost more.", "en", "Baker"),
])
def test_a_surname_that_is_a_noun_before_a_persons_verb_is_a_named_actor(sentence, language, actor):
    assert f"named actor ({actor})" in unit_explanations(sentence, language)


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: a common noun before a verb things do
    ("Entrega demorou 15 dias.", "pt"),
    ("Produto chegou quebrado.", "pt"),
    ("Refund took three weeks.", "en"),
])
def test_a_common_noun_before_a_verb_things_do_stays_no_named_actor(sentence, language):
    assert "named actor" not in unit_explanations(sentence, language)


# ------------------------------------------------------------------ claims: the count of one, then and now

@pytest.mark.parametrize(("text", "language", "then"), [
    ("Quando me mudei pra cá, o bairro tinha uma creche. Hoje tem quatro.", "pt",
     "Quando me mudei pra cá, o bairro tinha uma creche."),
    ("Em 2010 a vila tinha um posto de saúde. Hoje são três.", "pt", "Em 2010 a vila tinha um posto de saúde."),
    ("When I moved here, the town had one school. Today it has four.", "en",
     "When I moved here, the town had one school."),
])
def test_a_count_of_one_then_is_half_of_the_comparison(text, language, then):
    assert then in claims(text, language)


def test_one_without_a_count_now_is_no_count():
    assert "quantity in words (uma)" not in unit_explanations("Ela tinha uma ideia. Hoje está feliz.", "pt")
