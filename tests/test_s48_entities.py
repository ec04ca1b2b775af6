"""Entities probe s48-entities (fixtures/s48-entities): session 48's entities probe, English and Portuguese, over the
shapes session 47 left open (a tier letter closing a product's name, game titles without a number, brands joined by
"and", grounds read as organisations, a port as a place or its authority, a company noun before a name) in match
reports, retail, ports, roads, a court and space news. Each rule in a sentence of its own, with guards; the studied
paragraphs as their truth says but the spans left open; the blind set pinned as it came."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE, PRODUCT = "Person", "Organization", "Place", "Product"


@pytest.mark.parametrize(("text", "expected"), [
    # a ground where a match was played is a place, the side a score was lost to a club (27c6dd62: "Villa Park",
    # "Hampden Park" and "Mineirão" organisations, "Hibernian" a place) ...
    ("Burnley beat Wolves 2-0 at Turf Moor on Saturday.",  # 27c6dd62: "Turf Moor on Saturday" an organisation
     [("Burnley", ORG), ("Wolves", ORG), ("Turf Moor", PLACE)]),
    ("Everton will face Fulham at Craven Cottage next week.",
     [("Everton", ORG), ("Fulham", ORG), ("Craven Cottage", PLACE)]),
    ("Dundee lost 3-1 to Hibernian at Easter Road.", [("Dundee", ORG), ("Hibernian", ORG), ("Easter Road", PLACE)]),
    ("O Bahia venceu o Vitória por 1 a 0 na Arena Fonte Nova.",
     [("Bahia", ORG), ("Vitória", ORG), ("Arena Fonte Nova", PLACE)]),
    # ... not without a match around it (WikiANN's titles: a stadium alone stays the model's)
    ("The council met at Craven Cottage to discuss parking.", [("Craven Cottage", ORG)]),
    # a port after a preposition of place is a place, before a reporting verb its authority (27c6dd62: both one label)
    ("A container ship ran aground outside the Port of Hamburg. The Port of Hamburg said the channel was clear.",
     [("Port of Hamburg", PLACE), ("Port of Hamburg", ORG)]),
    # brands after the sales or the price of are products (27c6dd62: "Persil" a place, "Lynx" a person, "Omo" missed)
    ("Sales of Lynx and Radox rose at Boots.", [("Lynx", PRODUCT), ("Radox", PRODUCT), ("Boots", ORG)]),
    ("Os preços de Omo e Qboa subiram em Recife.", [("Omo", PRODUCT), ("Qboa", PRODUCT), ("Recife", PLACE)]),
    # ... not a name the gazetteers know, nor a name before a possessive
    ("Sales of Tesla fell in Norway.", [("Tesla", ORG), ("Norway", PLACE)]),
    ("The price of London homes fell.", [("London", PLACE)]),
    # in a text about games: a name closed by a tier letter (27c6dd62: "Xbox Ally X" a person, "Legion Go S"
    # missed), a title around a colon, the name that sold copies (27c6dd62: organisations or a person)
    ("Gamers bought the Xbox Ally X and the Legion Go S for their handheld libraries.",
     [("Xbox Ally X", PRODUCT), ("Legion Go S", PRODUCT)]),
    ("Hollow Knight: Silksong reached a million players on console.", [("Hollow Knight: Silksong", PRODUCT)]),
    ("Capcom said Monster Hunter Wilds has sold 10 million copies.",
     [("Capcom", ORG), ("Monster Hunter Wilds", PRODUCT)]),
    # ... not outside such a text, nor a tier letter after one word ("Plan B"), nor a known maker before the colon
    ("The Treasury said Plan B would follow in March.", [("Treasury", ORG), ("Plan B", ORG)]),
    ("Sony: PlayStation sales of games rose.", [("Sony", ORG)]),
    # a Portuguese company noun before a name (27c6dd62: "Motiva" a person)
    ("A concessionária Motiva prevê obras até março.", [("Motiva", ORG)]),
    # a sentence's opening preposition before a name and a comma is cut (27c6dd62: "At Southwark Crown Court")
    ("At Blackfriars Crown Court, Judge Ian Darling jailed a former Network Rail engineer.",
     [("Blackfriars Crown Court", ORG), ("Ian Darling", PER), ("Network Rail", ORG)]),
])
def test_rules_of_probe_s48_entities(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs (fixtures/s48-entities/README.md says why).
LEFT_OPEN = {
    "e02": {("Battlefield 6", "ORG")},
    "e03": {("Bukayo Saka", "ORG")},
    "e07": {("Europa Clipper", "LOC")},
    "p08": {("Ghost of Yotei", "ORG"), ("Mario Kart World", "PER")},
}
LEFT_MISSED = {
    "e02": {"Battlefield 6", "Ebuyer"}, "e03": {"Bukayo Saka"}, "e04": {"Ariel"},
    "e07": {"Europa Clipper", "Juice"}, "p01": {"Imigrantes"}, "p06": {"Deimos"},
    "p08": {"Donkey Kong Bananza", "Ghost of Yotei", "Mario Kart World"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s48-entities"), LEFT_OPEN, LEFT_MISSED)


# The blind set's one run (written after the fixes, committed in b524c494 before any run; code 218e63c5): 37 of 52
# names found, 10 wrong; 27c6dd62's code 33 of 52, 14 wrong. Nothing was fixed on it. The ground rules did not carry
# to a score with its club between them and the ground ("drew 1-1 with Brighton at St James' Park", "perdeu por 2 a 1
# para o Ceará no Castelão", "empatou 1-1 com o Gil Vicente no Estádio D. Afonso Henriques"); the brand rule parted
# "Sensodyne" from the model's "Sensodyne at Boots and Superdrug", which left the two shops unfound.
# s48-entities2 then fixed those shapes in sentences of its own (tests/test_s48_entities2.py): 46 of 52 found, 4 wrong.
BLIND_WRONG = {
    "b04": {("MSI Claw A8", "ORG"), ("Steam Deck", "PRODUCT")},
    "b05": {("Skyrora", "PRODUCT")},
    "q02": {("Régis Bittencourt", "PER")},
}
BLIND_MISSED = {
    "b01": {"Isak"}, "b04": {"MSI Claw A8", "Steam Deck OLED"}, "b05": {"Skyrora"}, "q02": {"Régis Bittencourt"},
    "q03": {"Gil Vicente"},
}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s48-entities" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
