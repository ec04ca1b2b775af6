"""Entities probe 42 (fixtures/entities42): news of registers the probes before it left out, in English and Portuguese.
Towns after "from" and in lists, routes' ends, small towns of Great Britain and Ireland, Irish provinces as rugby
sides, a company after its role, space companies, landforms; in Portuguese a town after bare "em", an institution's
name with a comma list, a club a match names before its coach, a sport's hall, a river's lowercase noun. The studied
and the blind paragraphs as their truth says (each written and committed before the plugins read it), with guards."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities42")
PLACE, ORG, PERSON, PRODUCT = "Place", "Organization", "Person", "Product"


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # towns after people or a verb of travel and "from", the last of a list too; a journey's ends
    ("Volunteers from Tralee and Killarney joined the search.", {("Tralee", PLACE), ("Killarney", PLACE)},
     {("Tralee", ORG), ("Killarney", ORG)}),
    ("CalMac cancelled sailings from Ullapool to Stornoway.", {("Ullapool", PLACE), ("Stornoway", PLACE)},
     {("Stornoway", ORG)}),
    # guard: a club a player moves from keeps the model's label
    ("He signed from Fulham in 2010 and moved to Chelsea.", set(), {("Fulham", PLACE)}),
    # guard: a firm's service to another firm makes it no place
    ("The bank provides cloud services to Nvidia.", {("Nvidia", ORG)}, {("Nvidia", PLACE)}),
    # a town of the gazetteer as the head of a longer name the model missed is no place
    ("It was built by the New Haven and Hartford Railroad.", set(), {("Hartford", PLACE)}),
    # an Irish province as a match's side
    ("Leinster beat Munster, and Ulster lost to the Stormers in Cape Town.", {("Ulster", ORG), ("Leinster", ORG)},
     {("Ulster", PERSON)}),
    # a company after its role opening the sentence, missed by the model
    ("Airbus Defence and Space will build two satellites at its Stevenage plant for the European Space Agency. "
     "Rival Thales Alenia Space also bid for the contract.", {("Thales Alenia Space", ORG)}, set()),
    # a landform's tail (an organisation to the model), and a town of 1,000 people after people and "from"
    ("The Army sent 200 soldiers from Catterick to clear snow in Leyburn and Hawes, North Yorkshire Council said. "
     "Roads over the Buttertubs Pass stayed closed.", {("Buttertubs Pass", PLACE), ("Catterick", PLACE)},
     {("Buttertubs Pass", ORG), ("Catterick", ORG)}),
    # guard: a title of four words ends so
    ("All Things Must Pass is an album by George Harrison.", set(), {("All Things Must Pass", PLACE)}),
    # Portuguese: a town after bare "em", an institution's name with a list, a sport's hall, a river's noun
    ("A Ação da Cidadania distribuiu cestas básicas em Ouro Branco.", {("Ouro Branco", PLACE)},
     {("Ouro Branco", ORG)}),
    ("O Ministério da Agricultura, Pecuária e Abastecimento suspendeu a venda.",
     {("Ministério da Agricultura, Pecuária e Abastecimento", ORG)}, {("Ministério da Agricultura", ORG)}),
    ("O Flamengo venceu o Franca no ginásio Pedrocão.", {("Pedrocão", PLACE)}, set()),
    ("As cheias do rio Búzi isolaram Chibabava e Machanga.", {("Búzi", PLACE)}, {("rio Búzi", PLACE)}),
    # a club a match of the text names, before its coach between commas
    ("O Penafiel empatou com o Boavista. O treinador do Penafiel, Hugo Oliveira, elogiou a defesa.",
     {("Penafiel", ORG), ("Hugo Oliveira", PERSON)}, {("Penafiel", PLACE)}),
    ("O 1.º de Agosto venceu o Sagrada Esperança em Luanda.", {("1.º de Agosto", ORG), ("Luanda", PLACE)}, set()),
])
def test_rules_of_probe_42(app, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied paragraphs: a town and its state one span ("Boone, North Carolina": WikiANN-en labels 211
# such names in its held-out dev as one place, prose like "She was born in Ventura, California." too), "Turin for the
# European Space Agency" one organisation (no gazetteer knows Turin, so nothing cuts the model's span). Since 1.2.60
# (session 39) the towns the model parted from their US states are joined too ("Johnson City, Tennessee").
LEFT_OPEN = {
    "e01": {("Boone, North Carolina", "LOC"), ("Johnson City, Tennessee", "LOC")},
    "e04": {("Turin for the European Space Agency", "ORG")},
}
LEFT_MISSED = {
    "e01": {"Boone", "North Carolina", "Johnson City", "Tennessee"}, "e04": {"Turin", "European Space Agency"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)


# The blind paragraphs (written and committed before the fixes ran on them, run once: 68 of 77 names, 6 wrong; main
# 66 of 77, 9 wrong): what was left open. A town and its state one span ("Searcy, Arkansas"). Found since entities
# 1.2.61 (fixtures/entities43): "Harrogate manager Simon Weaver" (a club before its staff's role), "Cork and Clare"
# (a county listed with a place), "between Dingle and Annascaul" (the other end of a stretch), "A Ação Cristã Vicente
# Moretti" (a body named after a person), "O treinador do Alverca, Vasco Matos," (the coach between commas),
# "em Mabote e Funhalouro" (a list after "em"), "Programa Mundial de Alimentação" (a world programme).
BLIND = [json.loads(line) for line in (FIXTURES / "entities42" / "blind.jsonl").read_text(encoding="utf-8")
         .splitlines()]
BLIND_LEFT_OPEN = {"b01": {("Searcy, Arkansas", "LOC")}}
BLIND_LEFT_MISSED = {"b01": {"Searcy", "Arkansas"}}


def test_names_of_the_blind_paragraphs(app):
    assert_names_found(app, BLIND, BLIND_LEFT_OPEN, BLIND_LEFT_MISSED)
