"""Entities probe s47-entities2 (fixtures/s47-entities2): session 47's second entities probe, English and Portuguese,
over the shapes s47-entities and s47-entities-en left open (a graphics card's tier after its code, an upscaler in
capitals and its number, "Google I/O", "General secretary" opening a sentence, a firm's staff, a brand before a
household noun, an artist before their works' noun). Each rule in a sentence of its own, with guards; the studied
paragraphs as their truth says but the spans left open; the blind set pinned as it came."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE, PRODUCT = "Person", "Organization", "Place", "Product"


@pytest.mark.parametrize(("text", "expected"), [
    # a graphics card's tier after its code is part of the product (22e3fb38: "Radeon RX 9070", "GeForce RTX 5070")
    ("AMD's Radeon RX 9070 XT beat the GeForce RTX 5070 Ti in our tests.",
     [("AMD", ORG), ("Radeon RX 9070 XT", PRODUCT), ("GeForce RTX 5070 Ti", PRODUCT)]),
    # an acronym and a number of one or two digits in a text about games or graphics is a title (22e3fb38: "FSR 4"
    # missed, "DLSS" and "GTA" organisations) ...
    ("In graphics tests at 1440p, FSR 4 closed the gap with DLSS 4.", [("FSR 4", PRODUCT), ("DLSS 4", PRODUCT)]),
    ("Rockstar said GTA 6 would need more copies than any game before it.", [("Rockstar", ORG), ("GTA 6", PRODUCT)]),
    # ... not outside such a text, nor a year after a body in a text about games
    ("The CBI 2 report said growth would slow.", [("CBI 2", ORG)]),
    ("The UEFA 2024 games sold out in Munich.", [("UEFA 2024", ORG), ("Munich", PLACE)]),
    # a model span cut inside an acronym joined by a slash runs on to its end, no person (22e3fb38: "Google I" a
    # person); two places a slash joins stay two
    ("At Google I/O in Mountain View, Sundar Pichai spoke.",
     [("Google I/O", ORG), ("Mountain View, Sundar Pichai", PLACE)]),
    ("Trains run from Leeds/Bradford to London.", [("Leeds", PLACE), ("Bradford", PLACE), ("London", PLACE)]),
    # a role in sentence case opening a sentence is no name (22e3fb38: "General secretary" an organisation)
    ("General secretary Mick Lynch said the RMT would strike.", [("Mick Lynch", PER)]),
    ("The vote passed. Deputy leader Angela Rayner said so.", [("Angela Rayner", PER)]),
    # a firm's staff (22e3fb38: "Canva" and "Atlassian" places)
    ("Staff at Canva and Atlassian walked out in Sydney.", [("Canva", ORG), ("Atlassian", ORG), ("Sydney", PLACE)]),
    # a brand before a household good's noun is a product (22e3fb38: "Dove soap" and "Colgate" organisations); a
    # demonym or a county's adjective before one is no brand (the model's span, as 22e3fb38)
    ("Sales of Dove soap and Colgate toothpaste rose in Leeds.",
     [("Dove", PRODUCT), ("Colgate", PRODUCT), ("Leeds", PLACE)]),
    ("Shoppers bought French bread and Cornish butter at Asda.",
     [("French bread and Cornish butter", PLACE), ("Asda", ORG)]),
    # an artist's name between a lowercase word and their works' noun is a person (22e3fb38: "Turner seascapes" an
    # organisation, "Banksy" and "Lowry" missed); not a demonym, nor the model's place of the name alone
    # ("Tate Britain" an organisation since s51-entities2's national arms: the gallery's body; its probe takes both)
    ("Tate Britain lends two Turner seascapes to Leeds.", [("Tate Britain", ORG), ("Turner", PER), ("Leeds", PLACE)]),
    ("Collectors paid more for Banksy prints and Lowry paintings in London.",
     [("Banksy", PER), ("Lowry", PER), ("London", PLACE)]),
    ("The museum shows French paintings and Venice watercolours.", [("Venice", PLACE)]),
])
def test_rules_of_probe_s47_entities2(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs (fixtures/s47-entities2/README.md says why).
LEFT_OPEN = {
    "e02": {("Legion Go S", "ORG")},
    "e04": {("Anchor", "PER"), ("Arla", "PER"), ("Volumes of Lurpak", "PER")},
}
LEFT_MISSED = {
    "e02": {"Legion Go S", "ROG Ally X"}, "e04": {"Anchor", "Arla", "Lurpak"},
    "p01": {"Ecovias"},  # "TUC" (e06) and "Ticketmaster" (e07): the gazetteer's since s48-entities-en; "B570"
    # (e02, a priced bare code) and "Imigrantes" (p01, a road by its lanes) found since s49-entities
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s47-entities2"), LEFT_OPEN, LEFT_MISSED)


# The blind set's one run (written after the fixes, committed in 57fdd930 before any run; code 17731e1a): 45 of 47
# names found, 1 wrong; 22e3fb38's code 36 of 47, 11 wrong. It holds the fixed shapes with other names, so it shows
# that the rules carry to new names more than how often the shapes come. Nothing was fixed on it.
BLIND_WRONG = {"b03": {("Aquafresh", "LOC")}}
BLIND_MISSED = {"b03": {"Aquafresh", "Vanish"}}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s47-entities2" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
