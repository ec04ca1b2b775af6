"""Claims ``s51-claims2``: s51-claims' leftovers in new sentences. A cause stated ("se deve a", "is due to the") is no
obligation (``STATED_CAUSE``); a stated cap or value with its figure ("pode chegar a 400 euros", "can reach £10,000",
"is worth £2.5 million") is no guess (``STATED_CAP``); a feeling's intensifier is any "-ly"/"-mente" adverb; a company
named by its common noun plans on the record with a figure (``_DEFINITE_COMPANY``); a timetable's frequency is no
forecast (``TIMETABLE``). Each with guards of what must not change.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent32 import claim_reading

OBLIGATION = "obligation or wish"
HEDGING = "hedging or speculation"
CAUSE = "a cause stated"
CAP = "a stated cap or value with its figure"
FEELING = "the speaker's feelings"
ACTOR_PLAN = "plan of a named actor ("
TIMETABLE = "a service's frequency"


@pytest.mark.parametrize(("sentence", "language"), [
    ("Economistas afirmam que a queda do desemprego se deve sobretudo ao turismo.", "pt"),
    ("O aumento do preço do azeite deve-se à seca em Espanha.", "pt"),
])
def test_a_cause_stated_is_a_claim_not_an_obligation(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and CAUSE in explanation and OBLIGATION not in explanation, explanation


def test_an_english_cause_is_read_as_one():
    _score, explanation = claim_reading("The fall in admissions was largely due to the new vaccine.", "en")
    assert CAUSE in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Não se deve confundir a taxa de juro com a inflação.", "pt"),  # no "a" after it: an impersonal "should"
    ("Os bancos devem reduzir as taxas para ajudar as famílias.", "pt"),
])
def test_an_obligation_stays_one(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and OBLIGATION in explanation and CAUSE not in explanation, explanation


def test_due_to_before_a_verb_is_a_timetable_not_a_cause():
    _score, explanation = claim_reading("The bridge is due to reopen in May.", "en")
    assert CAUSE not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("O subsídio pode chegar a 400 euros por mês.", "pt"),
    ("Fines can reach £10,000 under the new rules.", "en"),
    ("The collection is worth £2.5 million.", "en"),
])
def test_a_stated_cap_or_value_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and CAP in explanation and HEDGING not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("O preço pode chegar a 10 euros no próximo ano.", "pt"),  # a coming time: a guess
    ("O preço do café poderá chegar a 10 euros até ao verão.", "pt"),  # the future
    ("Prices could reach $100 a barrel by spring.", "en"),
    ("O desconto pode chegar a 30% nas compras online.", "pt"),  # a seller's terms (s47-claims)
])
def test_a_guessed_level_or_a_sellers_discount_is_no_cap(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and CAP not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("We are enormously grateful to the volunteers, the organiser said.", "en"),
    ("Estamos verdadeiramente orgulhosos desta equipa, afirmou a diretora.", "pt"),
    ("The chief executive said she was quietly confident about the second half.", "en"),
    ("We are so proud of the team, the coach said.", "en"),  # a short intensifier, as before
])
def test_a_feeling_with_any_intensifier_is_the_speakers(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and FEELING in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("A seguradora vai devolver 40 milhões aos clientes.", "pt"),
    ("The airline will cut 1,200 jobs.", "en"),
])
def test_a_companys_plan_with_a_figure_is_on_the_record(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and ACTOR_PLAN in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("The company expects demand to stay strong next year.", "en"),  # a forecast, no plan
    ("A companhia levou cinco dias a devolver-me o dinheiro.", "pt"),  # a customer's experience
    ("The company will hold its annual meeting in Leeds.", "en"),  # no figure
])
def test_a_companys_view_deed_or_plan_without_a_figure_keeps_its_weight(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and ACTOR_PLAN not in explanation, explanation


def test_a_companys_plan_with_a_count_in_words_is_left():
    # a count in words as a plan's figure moved 5 fixture units, each wrongly; left (s51-claims' s11, "vai distribuir
    # metade dos lucros", is a share of a whole since s52-claims: tests/test_s52_claims.py)
    score, explanation = claim_reading("A empresa vai contratar dois diretores.", "pt")
    assert score < 0.5 and "with a number" not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Only two buses an hour will run on the coastal route during the works.", "en"),
    ("Durante a greve, vão circular três comboios por hora entre Braga e o Porto.", "pt"),
])
def test_a_timetables_frequency_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and TIMETABLE in explanation, explanation


def test_the_writers_own_plan_stays_theirs():
    score, _explanation = claim_reading("I will take one train a day and see how it goes.", "en")
    assert score < 0.5


# Written after the rules, each marked a claim (True) or not before its one run on c2c75e87: 12/14 right (wt-baseR2c
# 10/14). Missed: "can receive up to" (the cap's verbs are "reach", "total", "exceed") and a timetable in the present
# with no figure in digits ("passa apenas um autocarro por hora", 0.35: the frequency's +0.4 alone). Pinned as it came.
BLIND = [
    (True, "pt", "A descida da taxa de natalidade deve-se em parte à emigração dos jovens, segundo o INE."),
    (True, "en", "The jump in complaints was mainly due to the new billing system, the regulator said."),
    (False, "pt", "Não se deve deixar a medicação sem falar com o médico."),
    (True, "en", "Tenants can receive up to £1,500 under the scheme."),
    (True, "pt", "A indemnização pode atingir 20 mil euros por família."),
    (False, "en", "Shares could reach $300 by the end of the year, one analyst reckons."),
    (False, "en", "We are tremendously excited about the season ahead, the manager said."),
    (False, "pt", "Estamos extremamente satisfeitos com a adesão, disse a organizadora."),
    (True, "en", "The bank will close 40 branches across Wales by June."),
    (False, "pt", "A empresa vai investir muito na região."),
    (True, "en", "Three trains an hour will call at Ely during the engineering works."),
    (True, "pt", "Durante as obras, passa apenas um autocarro por hora na Rua Direita."),
    (True, "en", "The estate is valued at £4.2 million."),
    (False, "pt", "O meu carro vale bem mais do que isso."),
]


def test_blind_set_as_it_came():
    wrong = [sentence for claim, language, sentence in BLIND if (claim_reading(sentence, language)[0] >= 0.5) != claim]
    # "Tenants can receive up to £1,500" a stated cap since s52-claims; "passa apenas um autocarro por hora" a timetable
    # with its count of one since s52-claims2
    assert wrong == []
