"""Claims ``s50-claims2``: s50-claims' leftovers (bench/HISTORY.md "## s50-claims") in new sentences written for this
round: a level or count stated of a named thing with no other cue, a bare plural group's report that holds no figure
and no act, "since records began" read as an action, and a producer's complaint in a figure of speech ("quase de
graça"). Each rule with guards for what must not change.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent32 import claim_reading

# ------------------------------------------------------------------ a level or count stated of a named thing


@pytest.mark.parametrize(("sentence", "language"), [
    ("The scheme reaches about 45,000 households.", "en"),
    ("The average price of a season ticket was £780.", "en"),
    ("The waiting list for social housing in the borough stood at 9,400.", "en"),
    ("A mensalidade média era de R$ 1.850.", "pt"),
    ("O défice da autarquia ficou em 3,2 milhões de euros.", "pt"),
])
def test_a_level_stated_of_a_named_thing_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "a level or count stated of a named thing (" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("The discount is 20% for members this week.", "en"),  # a seller's offer (probe s49-claims)
    ("O desconto é de 10% para quem pagar à vista.", "pt"),
    ("We paid £780 for the season ticket.", "en"),  # no definite subject whose level it states
    ("Turnout was 46.3% in the city.", "en"),  # a rate, weighed as such (probe s49-claims), not twice
])
def test_no_level_stated_without_its_subject_or_for_an_offer(sentence, language):
    _score, explanation = claim_reading(sentence, language)
    assert "a level or count stated of a named thing (" not in explanation, explanation


# ------------------------------------------------------------------ a bare plural group's report

@pytest.mark.parametrize(("sentence", "language"), [
    ("Landlords say they are struggling.", "en"),
    ("Cycling groups said the new lanes were dangerous.", "en"),
    ("Teachers' unions said the plan was unworkable.", "en"),
    ("Shopkeepers said the changes would hurt trade.", "en"),
    ("Comerciantes dizem que as vendas estão fracas.", "pt"),
])
def test_a_bare_group_report_without_detail_is_no_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "report of a group no one can ask (" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Farmers said the drought had cost them 30% of their harvest.", "en"),  # a figure
    ("Residents said the water was cut off on Monday.", "en"),  # a date
    ("Witnesses said the car mounted the pavement.", "en"),  # an act in the past
    ("Police said the man was arrested on Tuesday.", "en"),  # a definite body
    ("The Environment Agency said the river had burst its banks.", "en"),  # a named body
    ("Reuters said the company was in talks.", "en"),  # a name ending in "s", no plural noun
    ("Scientists warned that the ice loss could speed up warming in the Arctic.", "en"),  # a warning (claims46)
])
def test_a_report_with_a_detail_or_by_a_named_body_stays(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "report of a group no one can ask" not in explanation, explanation


# ------------------------------------------------------------------ since records began

@pytest.mark.parametrize("sentence", [
    "It was the wettest February since records began.",
    "Last year was the warmest on record for the region.",
    "Prices hit their highest level since records began.",
])
def test_a_record_since_records_began_is_a_claim_without_began_as_an_act(sentence):
    score, explanation = claim_reading(sentence, "en")
    assert score >= 0.5 and "action (began)" not in explanation, explanation


def test_records_that_began_on_a_date_are_no_act():
    _score, explanation = claim_reading("Records began in 1910, when the station opened.", "en")
    assert "action (began)" not in explanation, explanation


@pytest.mark.parametrize("sentence", [
    "They are the hottest new band in London.",  # a weather word out of a record: weighs nothing
    "The match began at 3pm after a delay.",  # "began" is still an act
])
def test_weather_words_and_began_elsewhere(sentence):
    score, explanation = claim_reading(sentence, "en")
    assert ("comparison or trend" not in explanation) if "band" in sentence else ("action (began)" in explanation), \
        (score, explanation)


# ------------------------------------------------------------------ a price in a figure of speech

@pytest.mark.parametrize(("sentence", "language"), [
    ('"Estamos a vender o leite quase de graça", disse o produtor José Reis.', "pt"),
    ('"A gente está entregando a laranja quase de graça", disse um produtor de Bebedouro.', "pt"),
    ('"We are selling our lambs for next to nothing," said the farmer.', "en"),
])
def test_a_price_in_a_figure_of_speech_is_no_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "a price in a figure of speech (" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ('"Vendemos a 30 cêntimos o quilo, quase de graça", disse o produtor.', "pt"),  # the figure is the claim
    ("The council sold the land for £1 in 2019, next to nothing for a city-centre plot.", "en"),
])
def test_a_price_idiom_beside_a_figure_is_passed_over(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "a price in a figure of speech" not in explanation, explanation


def test_a_warranty_is_no_level_stated():
    _score, explanation = claim_reading("A garantia é de 24 meses pela marca, mais 6 meses da loja.", "pt")
    assert "a level or count stated of a named thing" not in explanation, explanation
