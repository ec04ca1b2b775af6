"""Claims and sentiment probe ``claimsent34`` (fixtures/claimsent34): a speech's address to the chamber, a fault
before its fixing, a record of a cost, "up" with its figure, a coloured weather warning, a result below what was
expected, agreed terms; for claims, a copula with an adjective, time passing, a bill's present-tense provisions and
"she added" after a quote. Each is tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent34"


# ------------------------------------------------------------------ sentiment: a speech's address to the chamber

@pytest.mark.parametrize(("text", "language"), [
    ("Sr. Presidente, a reforma da previdência cortou 800 mil benefícios, segundo o INSS. É uma vergonha.", "pt"),
    ("Mr Speaker, 4.2 million children live in poverty, according to official figures. It is a disgrace.", "en"),
])
def test_a_speech_is_the_speakers_stance(text, language):
    assert register_of(text, language) == "post" and sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    # the chair named inside a report, not addressed at its opening
    ("O presidente da Câmara, Hugo Motta, disse que a votação fica para terça-feira, segundo a assessoria.", "pt"),
    ("The Speaker, Lindsay Hoyle, said the vote would take place on Tuesday, according to a statement.", "en"),
])
def test_a_report_that_names_the_chair_is_no_speech(text, language):
    assert register_of(text, language) != "post"


# ------------------------------------------------------------------ sentiment: a fault before its fixing

@pytest.mark.parametrize("text", [
    "O defeito foi corrigido na mesma semana.",
    "Problema solucionado em dois dias.",
])
def test_a_fault_fixed_is_no_complaint(text):
    label, _, explanation = sentiment(text, "pt")
    assert label != "Negative" and "defeito" not in explanation and "problema" not in explanation.lower()


def test_a_fault_not_fixed_is_still_a_complaint():
    assert sentiment("O defeito não foi corrigido até hoje.", "pt")[0] == "Negative"


# ------------------------------------------------------------------ sentiment: a record of a cost, "up" with its figure

@pytest.mark.parametrize(("text", "language"), [
    ("O preço do azeite atingiu um recorde em outubro.", "pt"),
    ("Petrol prices hit a record high this summer.", "en"),
    ("Dengue hit a record number of cases in the state this year.", "en"),
])
def test_a_record_of_a_cost_or_a_harm_is_bad_news(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("A Embraer entregou um número recorde de jatos em 2025.", "pt"),
    ("The airline carried a record 5 million passengers in August.", "en"),
])
def test_a_record_of_the_rest_keeps_its_praise(text, language):
    # (the Portuguese one is +0.46, Neutral under the threshold of a text that is no news: the record's word is praise)
    assert sentiment(text, language)[2].startswith("positive: 'record")


@pytest.mark.parametrize(("text", "label"), [
    ("Hospital admissions for flu reached 2,300 last week, up from 1,100 a fortnight earlier.", "Negative"),
    ("Energy prices averaged 28p per kWh in the quarter, up 12% on last year.", "Negative"),
    ("Exports reached $30 billion in May, up 6% on April.", "Positive"),  # no harm: a rise
])
def test_up_with_its_figure_is_a_rise(text, label):
    assert sentiment(text, "en")[0] == label


def test_up_to_a_figure_is_no_rise():
    assert "up" not in sentiment("Up to 15cm of rain could fall over the weekend.", "en")[2]


# ------------------------------------------------------------------ sentiment: a coloured weather warning

@pytest.mark.parametrize(("text", "language"), [
    ("A Defesa Civil emitiu alerta vermelho para chuvas fortes na região serrana.", "pt"),
    ("The Met Office issued a red warning for wind across Wales.", "en"),
    ("An amber alert for heat is in place until Friday.", "en"),  # VADER's "alert" is +1.2
])
def test_a_coloured_warning_is_a_danger(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize("text", [
    "O Benfica vestiu vermelho e deu o alerta aos rivais.",  # a colour away from the warning
    "O IPMA colocou o distrito de Faro sob aviso amarelo devido ao calor.",  # yellow: be aware, a notice
])
def test_a_colour_away_from_a_warning_or_yellow_is_no_danger(text):
    assert sentiment(text, "pt")[0] != "Negative"


# ------------------------------------------------------------------ sentiment: below what was expected

@pytest.mark.parametrize(("text", "language"), [
    ("Quarterly revenue came in below Wall Street estimates.", "en"),
    ("As vendas de Natal ficaram abaixo das expectativas do setor.", "pt"),
])
def test_a_result_below_expectations_is_a_miss(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("Inflation came in below forecasts in October.", "en"),  # a cost below forecasts: no miss
    ("The temperature fell below zero overnight.", "en"),  # no forecast
])
def test_below_of_a_cost_or_without_a_forecast_is_no_miss(text, language):
    assert "below" not in sentiment(text, language)[2]


# ------------------------------------------------------------------ sentiment: terms agreed, "softer demand", outages

@pytest.mark.parametrize("text", [
    "Arsenal have agreed a £40m fee with Wolves for the defender.",
    "The striker has agreed personal terms with Newcastle.",
])
def test_a_fee_or_terms_agreed_is_news(text):
    assert "agreed" not in sentiment(text, "en")[2]  # (VADER's "defender" is praise: +0.10, left alone)


def test_agreeing_with_someone_keeps_its_warmth():
    assert "agree" in sentiment("I agree with every word of this review.", "en")[2]


@pytest.mark.parametrize("text", [
    "Storm Bert caused power cuts across Cornwall, forecasters said.",
    "Retailers reported softer demand for electronics in November.",
])
def test_outages_and_softer_demand_are_bad_news(text):
    # one bad phrase alone is -0.36, under the news threshold (0.45): the phrase is what is tested
    explanation = sentiment(text, "en")[2]
    assert explanation.startswith("negative: 'power cuts'") or explanation.startswith("negative: 'softer demand'")
    assert "falling" not in explanation


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize("text", [
    "O atendimento foi rápido e a comida estava ótima.",
    "A explicação foi válida, mas o garçom foi tímido.",
])
def test_a_copula_with_an_adjective_is_no_action(text):
    assert "action" not in claim_reading(text, "pt")[1]


def test_a_passive_keeps_its_participle():
    assert "action (foi aprovado)" in claim_reading("O orçamento foi aprovado pela Câmara.", "pt")[1]


def test_time_passing_is_no_event():
    assert "passaram" not in claim_reading("Já se passaram duas semanas e nada foi feito.", "pt")[1]


def test_a_bills_present_provisions_are_actions():
    score, explanation = claim_reading("A lei estabelece multa de R$ 5 mil para quem descumprir a regra.", "pt")
    assert "action (estabelece)" in explanation and score >= 0.5


@pytest.mark.parametrize(("text", "found"), [
    ('"We expect to hire 2,000 engineers next year," he added.', True),
    ("The economy added 200,000 jobs in March.", False),  # an action, no one speaking
    ("I added a splash of milk and it tasted great.", False),
])
def test_she_added_is_reported_speech(text, found):
    assert ("reported speech" in claim_reading(text, "en")[1]) == found


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent34/README.md)

def test_the_studied_texts():
    # main (dceea2f): sentiment 15 of 24, claims 25/28 at 26/29, sentences 23 of 33. Left open: s03 (2.1 million
    # vaccinated: no sentiment words), s15 (a resolved complaint: +0.49 under the review threshold 0.75), s24 (an
    # investment tripled: no sentiment words); claims: s20's and s21's quotations are found as the quotations (the
    # plugin's unit for a long quote), not the sentences with their attribution the truth names; s15's update ("a
    # empresa entrou em contato ... trocou o produto em 3 dias") 0.55.
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s03", "s15", "s24"]
    left_open = {
        "s15": frozenset({"Atualização: a empresa entrou em contato no dia seguinte, trocou o produto em 3 dias e ainda "
                          "mandou um cupom de desconto."}),
        "s20": frozenset(row for row in rows("studied.jsonl", PROBE)[19]["claims"] if row.startswith('"')),
        "s21": frozenset(row for row in rows("studied.jsonl", PROBE)[20]["claims"] if row.startswith('"')),
    }
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    # sentences: s01's figure without its verdict, s08's warning alone (-0.36) and s21's "Shares fell 8%" (-0.25) under
    # the news threshold 0.45; s15's and s16's praise under the review threshold 0.75. s01's "1,6 milhões de utentes sem
    # médico de família" right since s45-sentiment (a doctor is an essential one goes without).
    wrong = [row["id"] for row in rows("studied.jsonl", PROBE) if wrong_sentences(row)]
    # s15's and s16's praise right since s53-sentiment2 (a review's sentence held to SENTENCE_PRAISE, 0.3)
    assert wrong == ["s08", "s21"]


def test_the_blind_texts():
    # written after the fixes (66e184b), committed (9267195) and run once: sentiment 8 of 10, claims 8/9 at 8/8,
    # sentences 9 of 12 (main the same). Missed: b05 (an apology not made read as praise), b08 (a council's pledge "to
    # cut carbon emissions" read as a cut), b09's "É a capital mais cara do país para alugar." (0.29: a superlative
    # whose subject is the sentence before), b04's sentence ("the Wi-Fi kept dropping"). Since the fixes they found
    # (later runs, no longer blind): sentiment 10 of 10, sentences 12 of 12; b09's claim stays open.
    assert wrong_sentiment("blind.jsonl", PROBE) == []
    left_open = {"b09": frozenset({"É a capital mais cara do país para alugar."})}
    for paragraph in rows("blind.jsonl", PROBE):
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    assert [row["id"] for row in rows("blind.jsonl", PROBE) if wrong_sentences(row)] == []


# ------------------------------------------------------------------ found by the blind run (later runs, not blind)

@pytest.mark.parametrize(("text", "language"), [
    ("A encomenda chegou errada e a loja nem pediu desculpas.", "pt"),
    ("O motorista não pediu desculpa pelo atraso.", "pt"),
    ("The airline never apologised for losing our bags.", "en"),
])
def test_an_apology_not_made_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_an_apology_made_is_no_feeling_of_its_own():
    assert "desculpa" not in sentiment("Peço desculpa pela demora na resposta.", "pt")[2]


@pytest.mark.parametrize(("text", "language"), [
    ("The Wi-Fi kept dropping every night.", "en"),
    ("O Wi-Fi caiu várias vezes durante a estadia.", "pt"),
])
def test_wi_fi_with_its_hyphen_is_a_supply(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize("text", [
    "The state pledged to cut greenhouse gas emissions by half by 2035.",
    "The new filters cut pollution from the plant by a third.",
])
def test_cutting_emissions_is_no_loss(text):
    assert "cut" not in sentiment(text, "en")[2]


def test_a_cut_of_jobs_beside_emissions_keeps_its_harm():
    assert sentiment("The steelmaker will cut 800 jobs to meet emissions targets.", "en")[0] == "Negative"


@pytest.mark.parametrize(("text", "word"), [
    ("The hotel never apologised for losing our booking.", "'losing'"),  # the loss is not denied
    ("We didn't care for the bland pasta.", "'bland'"),
])
def test_a_negation_stops_at_a_preposition(text, word):
    label, _, explanation = sentiment(text, "en")
    assert label == "Negative" and f"flips {word}" not in explanation and word in explanation


def test_a_negation_still_flips_what_it_reaches():
    assert "'not' flips 'bad'" in sentiment("Not bad for the price.", "en")[2]


def test_a_negation_right_before_a_preposition_negates_its_phrase():
    assert sentiment("Prices have changed a lot, and not for the better.", "en")[0] == "Negative"
