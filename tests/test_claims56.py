"""Claims probe ``claims56`` (fixtures/claims56): claims55's blind run's wrong kinds in new texts: a dose after a
medicine's name, a leaflet's instructions, a property listing's offer, an obituary's family and a funeral's or a wake's
hour, a named body's advice against something, a release named with its version, and the writer's own upgrade. The
studied set's truth is pinned, and each rule is tested on other sentences, with guards; every expected outcome was
written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from tests.test_claims import claimed, claims
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "claims56"
STUDIED = rows("studied.jsonl", PROBE)


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph)


@pytest.mark.parametrize(("text", "language", "number"), [
    # a medicine's strength after its name, first in the sentence or not
    ("Omeprazol 20 mg cápsulas está indicado no tratamento da azia.", "pt", "20"),
    ("Your doctor may prescribe Sertraline 50 mg tablets for anxiety.", "en", "50"),
])
def test_a_dose_after_a_medicines_name_is_no_quantity(text, language, number):
    _score, explanation = claim_reading(text, language)
    assert f"quantity ({number})" not in explanation and f"version ({number})" not in explanation, explanation


@pytest.mark.parametrize(("text", "language", "number"), [
    # guards: a dose taken, and a study's dose, are counted
    ("Patients took 500 mg of the drug twice a day for 12 weeks.", "en", "500"),
    ("Os doentes receberam 40 mg por dia durante seis meses.", "pt", "40"),
])
def test_a_dose_given_is_still_a_quantity(text, language, number):
    _score, explanation = claim_reading(text, language)
    assert f"quantity ({number})" in explanation, explanation


@pytest.mark.parametrize(("text", "language", "cue"), [
    ("Chew two tablets when symptoms appear, up to four times a day.", "en", "a leaflet's instruction"),
    ("Não tome este medicamento se estiver grávida.", "pt", "a leaflet's instruction"),
    ("Asking price £250,000, with a garage and a large garden.", "en", "a property listing's offer"),
    ("Apartamento com 2 quartos e 65 m² perto do metrô.", "pt", "a property listing's offer"),
    ("He is survived by his wife, Jean, and three daughters.", "en", "the family an obituary names"),
    ("Deixa viúva e dois filhos.", "pt", "the family an obituary names"),
    ("O enterro será no sábado, às 10h, no Cemitério do Caju.", "pt", "a funeral's or a wake's hour"),
    ("The funeral will be held at Leeds Minster at 1pm on 19 December.", "en", "a funeral's or a wake's hour"),
    ("I installed iOS 26 on my old phone last night and the battery drains faster.", "en",
     "the customer's own experience"),
    ("Atualizei o Windows 11 ontem e o computador ficou mais lento.", "pt", "the customer's own experience"),
])
def test_leaflets_listings_obituaries_and_the_writers_upgrade_are_no_claims(text, language, cue):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and cue in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # guards: a city's average price, a trial's dose figure, a state funeral's crowd and a death toll with its
    # survivors are news
    ("The average two-bedroom flat in London now costs £610,000, up 4% on last year, Rightmove said.", "en"),
    ("Em ensaios clínicos, doentes que tomaram 2 comprimidos por dia tiveram 30% menos crises.", "pt"),
    ("More than 250,000 people queued to see the Queen lying in state before the funeral, officials said.", "en"),
    ("O acidente deixou 12 mortos e 40 feridos, segundo os bombeiros.", "pt"),
])
def test_news_with_those_words_stays_a_claim(text, language):
    assert claimed(text, text, language), claims(text, language)


@pytest.mark.parametrize(("text", "language"), [
    # a named body's advice against something, and what a release ships with, named with its version
    ("The Foreign Office advises against all travel to the region.", "en"),
    ("O Governo desaconselhou as viagens ao Médio Oriente até janeiro.", "pt"),
    ("The new Pixel arrives with Android 17 in June.", "en"),
    ("O novo iPad chega com o iPadOS 27 em setembro.", "pt"),
])
def test_advice_against_and_a_release_with_its_version_are_claims(text, language):
    assert claimed(text, text, language), claims(text, language)


def test_an_obituarys_liking_is_no_action():
    _score, explanation = claim_reading("He loved sailing and the poetry of Seamus Heaney.", "en")
    assert "action" not in explanation, explanation


# ------------------------------------------------------------------ the blind run (once, fixtures/claims56/README.md)

BLIND = rows("blind.jsonl", PROBE)
# Measured at the one run: recall 11/11, precision 11/13 (main's code 9/11 at 9/16), wrong b03's flat's walk to a
# garden and b04's cottage's school and station, a listing's selling points without a listing's words; right since
# claims 0.5.49 (probe s45-claims: where a place stands, 0.57 -> 0.23 and 0.73 -> 0.38).
BLIND_LEFT_OPEN: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph, BLIND_LEFT_OPEN.get(paragraph["id"], frozenset()))
