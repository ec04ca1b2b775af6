"""Entities s49-entities2: s49-entities' misses, each in new sentences of its own, with guards for what must not
change. The "was" comments give merge56's (719a1c45) output."""

from __future__ import annotations

import pytest

from tests.test_entities import names_in_order

PER, ORG, PLACE = "Person", "Organization", "Place"


@pytest.mark.parametrize(("text", "expected"), [
    # a title's word keeps an organisation listed before a person from becoming one (was a person) ...
    ("Retailers said Mario Kart World and Zelda Notes sold out within hours of the launch.",
     [("Mario Kart World", ORG), ("Zelda Notes", PER)]),  # "Zelda Notes": the model's person, left
    # ... and a plain full name still becomes one
    ("Bukayo Saka and Declan Rice combined well.", [("Bukayo Saka", PER), ("Declan Rice", PER)]),
    # a tennis match's sets make its sides players (were organisations) ...
    ("Sinner beat Zverev 6-3 6-4 in Shanghai on Sunday.", [("Sinner", PER), ("Zverev", PER), ("Shanghai", PLACE)]),
    ("Swiatek lost to Sabalenka 4-6 3-6 in the semi-final.", [("Swiatek", PER), ("Sabalenka", PER)]),
    ("Draper beat Fritz 7-6 6-7 7-5 in the deciding set.", [("Draper", PER), ("Fritz", PER)]),
    # ... not a football score, nor a club the gazetteer knows
    ("Leeds beat Hull 6-3 in a wild game.", [("Leeds", ORG), ("Hull", ORG)]),
    ("Bristol Rovers lost 2-0 to Barrow in the rain.", [("Bristol Rovers", ORG), ("Barrow", ORG)]),
    # the company whose shares move, in Portuguese (was a place) ...
    ("Os papéis da Ambipar despencaram 20% na sessão.", [("Ambipar", ORG)]),
    # ... not a country's shares
    ("As ações do Japão subiram 2% nesta segunda-feira.", [("Japão", PLACE)]),
    # a mine after its output in a text about mining is a place, its operator an organisation (were organisations) ...
    ("Codelco said copper output at El Teniente fell 8% after the accident.",
     [("Codelco", ORG), ("El Teniente", PLACE)]),
    ("Anglo American said copper production at Los Bronces fell 15%.",
     [("Anglo American", ORG), ("Los Bronces", PLACE)]),
    # ... not a carmaker's output
    ("Output at Toyota fell 5% after the chip shortage hit its plants.", [("Output", ORG), ("Toyota", ORG)]),
    # a country's board setting a price is an organisation (was a place); a country's region stays a place
    ("Ghana's Cocobod cut the price it pays farmers for cocoa beans.", [("Ghana", PLACE), ("Cocobod", ORG)]),
    ("China's Guangdong raised its growth target.", [("China", PLACE), ("Guangdong", PLACE)]),
    # a footballer named as a substitute is a person without the word (was one organisation with it)
    ("Substitute Mustapha Bundu headed in the winner in stoppage time.", [("Mustapha Bundu", PER)]),
    ("A substitute goalkeeper was named.", []),
])
def test_misses_of_s49_entities(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected
