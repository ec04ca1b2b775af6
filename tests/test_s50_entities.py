"""Entities probe s50-entities (fixtures/s50-entities): session 50's entities probe, English and Portuguese, over the
shapes session 49 left open (two names a list joins read as one, a scorer's possessive read as a place, a premier's
title glued to the name, titles without a number) and kinds the fixtures cover least (shipping and ports, insurance
and pensions, religion and charities, fashion and retail, local transport, wildlife). Each rule in sentences of its
own, with guards; the studied paragraphs as their truth says but the spans left open; the blind set pinned as it
came."""

from __future__ import annotations

import json

import pytest

from plugins.entities import Candidate, with_listed_names_parted
from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE, PRODUCT = "Person", "Organization", "Place", "Product"


@pytest.mark.parametrize(("text", "expected"), [
    # two names a list joins before their verb are two (d9441ec3: "Octopus and Ovo" one organisation) ...
    ("Octopus and Ovo raised their tariffs on Monday, the regulator said.", [("Octopus", ORG), ("Ovo", ORG)]),
    # ... not a body's name, nor a firm of a partner's noun
    ("The Food and Drug Administration said the drug was safe.", [("Food and Drug Administration", ORG)]),
    ("Morgan and Sons said the sale was complete.", [("Morgan and Sons", ORG)]),
    # a player by their possessive before what they scored with (d9441ec3: missed) ...
    ("Ndiaye's late strike earned Everton a point.", [("Ndiaye", PER), ("Everton", ORG)]),
    # ... not a club's or a union's possessive
    ("Sunderland's late winner stunned the home fans.", [("Sunderland", ORG)]),
    ("Unite's strike began on Monday.", [("Unite", ORG)]),
    # copies sold in words make a title (d9441ec3: an organisation and a person, a person)
    ("Ubisoft said Assassin's Creed Shadows sold three million copies in a month.",
     [("Ubisoft", ORG), ("Assassin's Creed Shadows", PRODUCT)]),
    ("A Nintendo disse que Donkey Kong Bananza vendeu dois milhões de cópias.",
     [("Nintendo", ORG), ("Donkey Kong Bananza", PRODUCT)]),
    # a number closes a title's part after the colon (d9441ec3: "Kingdom Come: Deliverance")
    ("Warhorse said gamers loved Kingdom Come: Deliverance 2 on every console.",
     [("Warhorse", ORG), ("Kingdom Come: Deliverance 2", PRODUCT)]),
    # "Premier" before initials is a title (d9441ec3: "Premier P.J. Akeeagok" one person), and Yukon a place
    ("Premier P.J. Akeeagok said the territory needed more housing.", [("P.J. Akeeagok", PER)]),
    ("Yukon Premier Currie Dixon met miners in Dawson City.",
     [("Yukon", PLACE), ("Currie Dixon", PER), ("Dawson City", PLACE)]),
    # the company a stake is held in (d9441ec3: "Asos" a place), not a known place
    ("Frasers Group sold its stake in Asos to a US fund.", [("Frasers Group", ORG), ("Asos", ORG), ("US", PLACE)]),
    ("The fund cut its stake in London property.", [("London", PLACE)]),
    # a Portuguese company by what it runs (d9441ec3: a place), not a woman
    ("A Tekever, que opera drones no Báltico, contratou 200 engenheiros.", [("Tekever", ORG), ("Báltico", PLACE)]),
    ("A Ana, que opera a máquina, saiu cedo.", [("Ana", PER)]),
])
def test_rules_of_probe_s50_entities(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


def test_listed_names_are_parted_before_their_verb_only():
    # WikiANN's titles of bands and works stand before no verb; a body's remit words hold its name together
    text = "Fans of Angels and Airwaves, the band, cheered. Octopus and Ovo raised prices. The Competition and " \
           "Markets Authority said so. Primark and Next both beat forecasts."
    spans = [(8, 27), (48, 63), (83, 116), (126, 147)]
    model = [Candidate(start, end, "ORG", "model") for start, end in spans]
    assert [text[c.start:c.end] for c in with_listed_names_parted(model, text)] == [
        "Angels and Airwaves", "Octopus", "Ovo", "Competition and Markets Authority", "Primark", "Next"]


# Left open in the studied paragraphs (fixtures/s50-entities/README.md says why); s51-entities2's national arm made
# "Natural England" (e06) an organisation.
LEFT_OPEN = {
    "e02": {("Phoenix", "LOC")}, "e04": {("Brentford", "PER"), ("Kudus", "ORG")},
    "e06": {("Forest of Bowland", "ORG")},
    "e09": {("Disney for the summer", "ORG"), ("Sinners", "ORG"), ("Weapons", "ORG")},
    "e10": {("Mackenzie Valley Highway", "ORG")}, "p02": {("Ageas Portugal", "PER")}, "p03": {("Cidadania", "ORG")},
    "p06": {("Poconé", "ORG")}, "p07": {("Pote", "LOC"), ("Trincão e Hjulmand", "PER")},
    "p08": {("Stellar Blade", "PER")},
}
LEFT_MISSED = {
    "e02": {"Phoenix"}, "e03": {"Vodacom"}, "e04": {"Brentford", "Kudus"}, "e06": {"Forest of Bowland"},
    "e08": {"CMA"}, "e09": {"Disney"}, "e10": {"Mackenzie Valley Highway"}, "p02": {"Ageas Portugal"},
    "p03": {"Ação da Cidadania", "Jaime Spengler"}, "p06": {"Poconé"}, "p07": {"Pote", "Trincão", "Hjulmand"},
    "p08": {"Stellar Blade", "Returnal"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s50-entities"), LEFT_OPEN, LEFT_MISSED)


# The blind set's one run (06ef0d6d, entities 1.2.78): 53 of 58 names found, 2 wrong; main (d9441ec3) found 49, 4
# wrong. Nothing was fixed on it; s50-entities2 (in sentences of its own) read the hyphened given name whole (b01).
BLIND_WRONG = {"b02": {("Zurich", "LOC")}}
BLIND_MISSED = {"b02": {"Zurich"}, "b04": {"NatureScot"}, "b08": {"Tullow Oil"}}
# ("Dangote said its refinery": found since s51-entities, a company's "its" after a place's possessive)


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s50-entities" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
