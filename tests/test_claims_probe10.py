"""Claims probe 10 (fixtures/claims_probe10): the studied texts' claims as their truth says, and the rules the probe
led to (with the misses the previous session noticed), each on other sentences with a guard that must not change.

The truth was written before the plugin read the texts;
``fixtures/claims_probe9/score.py fixtures/claims_probe10`` prints precision, recall
and boundaries.
"""

from __future__ import annotations

import pytest

from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("claims_probe10")
# Left open (fixtures/claims_probe10/README.md): a police-report sentence with nothing but a record to go on and a
# study's finding told without its source (probe 11 found the passive action at a time of day and the target).
LEFT_OPEN = frozenset({
    "Um dos detidos tinha já antecedentes criminais pelo mesmo tipo de crime.",
    "The benefit levelled off at higher step counts.",
})


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_texts(paragraph):
    assert_claims_found(paragraph, LEFT_OPEN)


def explanation(sentence: str, language: str) -> str:
    return claims(sentence, language)[sentence]


@pytest.mark.parametrize(("sentence", "language"), [
    # a country or a city said to find something out is a figure of speech
    ("O Brasil descobriu que a política industrial voltou.", "pt"),
    ("Britain has realised that China is winning the AI race.", "en"),
    # a loaded verb on an institution or what a government ran is a verdict
    ("Labour wrecked the NHS.", "en"),
    ("The Tories wrecked the housing market.", "en"),
    ("O governo anterior destruiu a economia.", "pt"),
    ("Bolsonaro sucateou o SUS.", "pt"),
    # an evaluative superlative in time of something not measured is an opinion with a date
    ("This is the worst government since 1979.", "en"),
    ("The Tories are the worst government since 1979.", "en"),
    ("Lula é o pior presidente da história desde 1985.", "pt"),
    # a company's measure is no actor
    ("Our EBITDA margin improved.", "en"),
    # a number to call is no quantity
    ("A Proteção Civil pede que ligue 112 em caso de emergência.", "pt"),
    ("A GNR apela aos condutores para que denunciem situações suspeitas através do 112.", "pt"),
    ("Police Scotland asks drivers to call 999 if they see anything suspicious.", "en"),
    # the speaker's pledge without a number is still a wish
    ("We will fight on until the end of this year.", "en"),
    ("Vamos vencer esta batalha até ao fim do ano.", "pt"),
])
def test_figures_of_speech_verdicts_unmeasured_records_metrics_and_phone_lines_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


def test_a_country_discovering_is_no_claim_as_a_texts_opening_line():
    text = ("O Brasil descobriu que a política industrial voltou. A Petrobras anunciou R$ 35 bilhões em refinarias. "
            "O BNDES emprestou R$ 12 bilhões à indústria em 2024.")
    assert not any(span.startswith("O Brasil") for span in claims(text, "pt"))


@pytest.mark.parametrize(("sentence", "language", "cue"), [
    # guard: people who can be asked found it, or a number makes it a claim
    ("Investigadores da USP descobriram que o vírus sobrevive 3 dias.", "pt", "reported speech (descobriram que)"),
    ("O Brasil descobriu que tem 11 milhões de analfabetos.", "pt", "quantity (11)"),
    # guard: a literal destruction is an event, and a harvest is no institution
    ("Russia destroyed the Kakhovka dam in June 2023.", "en", "action of a named actor (destroyed + Russia)"),
    # (probe claimsent3: "Hail", a noun with a plural, no longer opens as a named actor, so the count of what was
    # ruined makes the claim; "Hail ruined the harvest in 2021." alone scores 0.40)
    ("Hail ruined the harvest of 4,000 farms in 2021.", "en", "date or period (in 2021)"),
    ("O incêndio destruiu 200 casas em Pedrógão.", "pt", "quantity (200)"),
    # guard: a measured thing's record in time
    ("This is the worst inflation since 1979.", "en", "superlative in time"),
    ("Foi o pior resultado trimestral desde 2015.", "pt", "superlative in time"),
    ("Real Madrid had the best start to a season since 1992.", "en", "superlative in time"),
    # guard: a measure's figure is still a quantity, and a count is not a phone line
    ("EBITDA rose to $4.2 billion in 2025.", "en", "quantity ($4.2 billion)"),
    ("Police arrested 112 people.", "en", "quantity (112)"),
    # a release on a day is scheduled, as an event is
    ("The Pixel 10 will be available from August 28 in 12 countries.", "en", "scheduled for a date"),
    ("O novo Galaxy estará disponível a partir de 22 de setembro.", "pt", "scheduled for a date"),
    # the speaker's pledge with a number, and a deadline named from now
    ("Vamos abrir 20 novas escolas até ao fim do próximo ano.", "pt", "the speaker's pledge with a number"),
    ("We will build 1,000 new classrooms by the end of next year.", "en", "deadline (by the end of next year)"),
])
def test_findings_events_measured_records_figures_releases_and_pledges_are_claims(sentence, language, cue):
    assert cue in explanation(sentence, language)


def test_a_metric_acronym_is_no_named_actor():
    assert "named actor" not in explanation("EBITDA rose to $4.2 billion in 2025.", "en")
    # guard: a company's acronym still is one
    assert "named actor (BYD)" in explanation("BYD sold 4.3 million cars in 2024.", "en")


@pytest.mark.parametrize(("sentence", "language"), [
    # after the blind run: an impersonal expectation is a forecast, and "the second half" a period, no share or rank
    ("GDP growth is expected to remain subdued in the second half of the year.", "en"),
    ("Sales are projected to recover in the first half of next year.", "en"),
    # ... and a state after a linking verb is no action
    ("The Committee remains focused on squeezing out persistent inflationary pressures.", "en"),
    ("Investors remain worried about the Fed.", "en"),
])
def test_an_impersonal_forecast_a_half_year_and_a_state_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language", "cue"), [
    # guard: the expectation in a relative clause hedges only its detail
    ("The board approved the merger of the two utilities, which is expected to close in the first quarter.", "en",
     "action (approved)"),
    # guard: a half that is a share, and an attributed expectation with its figure
    ("Half of the voters backed the plan in 2024.", "en", "quantity in words (half)"),
    ("GDP is expected to grow 2% in 2026, according to the IMF.", "en", "reported forecast"),
    # guard: a passive after "is" is still an action
    ("The Committee was informed of the breach in March.", "en", "action (informed)"),
])
def test_a_detail_forecast_a_share_a_reported_forecast_and_a_passive_stay_claims(sentence, language, cue):
    assert cue in explanation(sentence, language)
