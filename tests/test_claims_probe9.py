"""Claims probe 9 (fixtures/claims_probe9): the studied texts' claims as their truth says, and the rules the probe
led to, each on other sentences with a guard that must not change.

The truth was written before the plugin read the texts; the scoring is the seventh news probe's
(``tests/test_news_probe7.py``); ``fixtures/claims_probe9/score.py`` prints precision, recall and boundaries.
"""

from __future__ import annotations

import pytest

from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("claims_probe9")
# Left open (fixtures/claims_probe9/README.md): a generic fact about a group, a capability with a number under
# "pode" (both no claim by the plugin's conventions unless attributed: ``test_claims_noticed.py``) and a court's
# order under "must".
LEFT_OPEN = frozenset({
    "Os idosos e as crianças pequenas são os mais vulneráveis.",
    "Em 30 minutos, a temperatura dentro de um carro ao sol pode subir mais de 20 graus.",
    "The council must now reconsider the closure and pay the campaigners' costs of £48,000.",
})


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_texts(paragraph):
    assert_claims_found(paragraph, LEFT_OPEN)


@pytest.mark.parametrize(("sentence", "language"), [
    # a fact-check's source said not to answer ("procurou o autor, mas não obteve resposta") is no claim
    ("A reportagem procurou a Prefeitura, mas não obteve retorno até a publicação.", "pt"),
    ("We contacted the ministry for comment but received no response.", "en"),
    # a feeling after a copula is no action of the named product ("we're thrilled to introduce Lumen 2")
    ("Today we're thrilled to introduce Nimbus 3, our lightest laptop ever!", "en"),
    # a first word before the perfect is no actor when it is a group of people or a plural
    ("People have lost faith in politics.", "en"),
    ("Prices have not fallen much.", "en"),
    # a dated start with the writer's wish and no date to check
    ("From 2027, we must do better.", "en"),
    ("A partir de amanhã, devemos todos ser mais gentis.", "pt"),
])
def test_no_answer_a_feeling_people_and_a_wish_are_no_claims(sentence: str, language: str):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language", "cue"), [
    # guard: a finding with the same words stays a claim
    ("40% dos pacientes não obtiveram resposta ao tratamento, segundo o estudo.", "pt", "quantity (40%)"),
    ("We're thrilled to report that sales rose 40% in 2025.", "en", "quantity (40%)"),
    # what a message or a post is said to claim, as a fact-check quotes it
    ("Um vídeo alegando que as urnas foram fraudadas em 2022 circula nas redes.", "pt", "reported speech (alegando)"),
    ("A viral post claiming that the vaccine alters DNA was shared widely in May.", "en",
     "reported speech (claiming that)"),
    # a named actor opening the sentence before the perfect ("Newcastle have now lost")
    ("Leicester have now won six of their last seven home games.", "en", "named actor (Leicester)"),
    # ... or before the negated perfect (the blind run's "Ocado has not made an annual profit since 2017")
    ("Boeing has not delivered a single 777X since 2019.", "en", "named actor (Boeing)"),
    # a measure in inches is a quantity as one in centimetres is
    ("The 11-inch screen now reaches 264 pixels per inch.", "en", "quantity in words (inch)"),
    # what a rule obliges from the date it takes effect
    ("From 2 August 2026, providers of high-risk AI systems must register them in an EU database.", "en",
     "rule in force from a date"),
    ("A partir de 1 de janeiro de 2027, os bancos devem informar as taxas ao cliente.", "pt",
     "rule in force from a date"),
])
def test_reported_claims_first_word_actors_measures_and_rules_are_claims(sentence: str, language: str, cue: str):
    assert cue in claims(sentence, language)[sentence]


@pytest.mark.parametrize(("sentence", "language", "actor"), [
    # an explanation names the actor as the sentence does: with its first word, on over "de"/"of"
    ("Declan Rice restored the lead on 58 minutes.", "en", "named actor (Declan Rice)"),
    ("Em 2025, o Ministério da Saúde aplicou 58 milhões de doses.", "pt", "named actor (Ministério da Saúde)"),
    # guard: a word that opens sentences is no part of the name
    ("The Court of Appeal ruled in June that the closure was unlawful.", "en", "named actor (Court of Appeal)"),
    ("Em Lisboa, a Carris comprou 40 autocarros elétricos.", "pt", "named actor (Lisboa)"),
])
def test_an_explanation_names_the_actor_whole(sentence: str, language: str, actor: str):
    assert actor in claims(sentence, language)[sentence]


def test_a_day_after_its_month_is_a_date_not_a_version():
    sentence = "It ships on October 3 in the US, UK and Canada, starting at $149."
    explanation = claims(sentence, "en")[sentence]
    assert "date or period (october)" in explanation
    assert "version" not in explanation and "quantity (3)" not in explanation
    # guard: a number after a product's name is still its version
    assert "version (4)" in claims("Meta released Llama 4 in April.", "en")["Meta released Llama 4 in April."]


def test_an_explanation_names_the_first_action_whatever_its_form():
    # "houve", a listed word, was shown before "aplicou", a preterite found by its ending
    sentence = "Em 2025, o Ministério da Saúde aplicou 58 milhões de doses, e não houve casos graves."
    assert "action of a named actor (aplicou + Ministério da Saúde)" in claims(sentence, "pt")[sentence]
