"""Sentiment probe ``s49-sentiment2`` (fixtures/s49-sentiment2): s49-sentiment's misses. A wish for an extra after a
contrast is no reservation ("App ótimo, mas poderia ter modo escuro"); a product's wear told by a verb the lexicon
lacked ("amarelou", "encardiu", "emperrou"; "escorrega" by its degree); a device named by what it handles ("panela de
pressão", "pressure washer"); a service's delay told as more than a span ("levaram mais de duas semanas para trocar")."""

from __future__ import annotations

import pytest

from plugins.sentiment import DELAY_VALENCE, charge_slow_service, reserves_nothing
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s49-sentiment2"


@pytest.mark.parametrize(("text", "label"), [
    ("Aspirador excelente, mas poderia vir com mais um bocal.", "Positive"),
    ("Teclado ótimo, só que poderia ter teclas iluminadas.", "Positive"),  # "só que" is none of CONTRASTS
    ("Mochila perfeita, mas seria legal se tivesse um bolso lateral.", "Positive"),
    # a defect after the contrast, no wish; broken within a week, a failure (s50-sentiment's charge_early_wear)
    ("Impressora ótima, mas quebrou a bandeja em uma semana.", "Negative"),
    ("Fone ótimo, mas poderia ter vindo com o cabo.", "Neutral"),  # a past counterfactual: what was missing
    ("Celular ótimo, mas deveria trazer o carregador.", "Neutral"),  # "should": a lack
])
def test_a_wish_for_an_extra_after_a_contrast(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(("folded", "reserved"), [
    ("app otimo mas poderia ter modo escuro", False),
    ("otimo mas so poderia incluir uma capa", False),
    ("otimo mas seria bom se tivesse alca", False),
    ("otimo mas poderia ter uma tela maior", True),  # more of a quality: what was wrong
    ("otimo mas poderia ter chegado antes", True),  # a participle: a past counterfactual
    ("otimo mas a tampa solta", True),
    ("otimo e barato", False),
])
def test_which_contrasts_reserve_something(folded, reserved):
    assert reserves_nothing(folded.split()) is not reserved


@pytest.mark.parametrize(("text", "label"), [
    ("As teclas amarelaram depois de um ano.", "Negative"),
    ("A gola da camisa encardiu rápido.", "Negative"),
    ("O zíper emperrou na segunda semana.", "Negative"),
    ("O violão desafina toda hora.", "Negative"),
    ("A palmilha escorrega muito dentro do tênis.", "Negative"),
    ("O chinelo escorrega fácil no molhado.", "Negative"),  # DAMAGING: ease told of a slip
    ("As crianças escorregam no escorregador da praça.", "Neutral"),  # a slide, no fault
])
def test_a_products_wear_told_by_its_verb(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Troquei a válvula da panela de pressão ontem.", "pt", "Neutral"),
    ("O medidor de pressão veio com bolsa e pilhas.", "pt", "Neutral"),
    ("Instalei o detector de fumaça na cozinha.", "pt", "Neutral"),
    ("I ordered a smoke alarm and a fire extinguisher for the flat.", "en", "Neutral"),
    ("The pressure cooker comes with a steaming rack.", "en", "Neutral"),
    ("A falta de pressão no chuveiro é um problema.", "pt", "Negative"),  # no device: the lack is the complaint
    ("The pressure washer broke after two uses.", "en", "Negative"),  # what it did keeps its word
    ("The team crumbled under pressure.", "en", "Negative"),
])
def test_a_device_named_by_what_it_handles(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Levaram mais de três semanas para estornar a compra.", "pt", "Negative"),
    ("A transportadora levou cerca de vinte dias para entregar.", "pt", "Negative"),
    ("It took them more than a month to refund the deposit.", "en", "Negative"),
    ("Levaram mais de cinco anos para construir a barragem.", "pt", "Neutral"),  # a build, no service
])
def test_a_delay_told_as_more_than_a_span(text, language, label):
    assert sentiment(text, language)[0] == label


def test_the_unit_after_mais_de_takes_the_delay():
    folded = "levaram mais de duas semanas para me responder".split()
    valences = [0.0] * len(folded)
    assert charge_slow_service(folded, valences, "pt") == {4: 0}
    assert valences[4] == DELAY_VALENCE


# Before (merge56, 719a1c45): 10 of 22 (wrong c01-c03, c06, c07, c10, c13-c15, c17, c18, c20). After: 19 of 22; left
# c02 ("só podia ser um pouco mais leve": a wish for more of a quality, read as a reservation by design), c06 ("mas
# descolou a sola": praise and a defect across a contrast stay mixed, as claimsent4 chose) and c14 ("funciona muito
# bem": B2W's lukewarm praise, under the review threshold once "pressão" says nothing). s50-sentiment read c06 (a part
# worn out within its first month is a failure, no reservation: ``charge_early_wear``).
CASES_WRONG = ["c02", "c14"]


def test_the_cases_as_measured():
    assert wrong_sentiment("cases.jsonl", PROBE) == CASES_WRONG
