"""Entities probe s50-entities-en (fixtures/s50-entities-en): English news paragraphs of the kinds the English
fixtures held least (sport results, courts, local councils, an NHS hospital, Canadian, Indian, Australian, Kenyan,
Nigerian and South African news). Each rule in a sentence of its own, with guards; the studied paragraphs as their
truth says; the blind set pinned as it came."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE = "Person", "Organization", "Place"


@pytest.mark.parametrize(("text", "expected"), [
    # a state's two-word office before its holder leaves the state (d9441ec3: "Gujarat Chief Minister", "Texas
    # Attorney General" organisations); after "The" there is no place
    ("Gujarat Chief Minister Bhupendra Patel said the plant would open.", [("Gujarat", PLACE),
                                                                          ("Bhupendra Patel", PER)]),
    ("Texas Attorney General Ken Paxton sued the company.", [("Texas", PLACE), ("Ken Paxton", PER)]),
    ("The Chief Minister Rekha Gupta inaugurated the clinic.", [("Rekha Gupta", PER)]),
    # "Treasurer" is a title (d9441ec3: "Treasurer Jim Chalmers" one person)
    ("Treasurer Jim Chalmers welcomed the decision.", [("Jim Chalmers", PER)]),
    # a court officer's lowercase noun after a county is cut, the model's label kept (d9441ec3: "Cook County judge")
    ("A Cook County judge dismissed the case.", [("Cook County", PLACE)]),
    # a power station's name before its lowercase noun is a place (d9441ec3: "Drax power station", "Medupi power
    # station" organisations)
    ("Output fell at the Drax power station in North Yorkshire.", [("Drax", PLACE), ("North Yorkshire", PLACE)]),
    ("Two units at the Medupi power station failed.", [("Medupi", PLACE)]),
    # a player's name after a score and "from" is a person (d9441ec3: "Will Jordan" a place; "All Blacks" now a
    # gazetteer's organisation, "The All Blacks" before)
    ("The All Blacks had led at half-time through a try from Will Jordan.", [("All Blacks", ORG),
                                                                           ("Will Jordan", PER)]),
    # the side a win is against is a team (d9441ec3: "Costa Rica" a place; WikiANN-en's dev has it an organisation);
    # no win, no side
    ("He scored the fourth goal in the 4–1 win against Costa Rica.", [("Costa Rica", ORG)]),
    ("The EU agreed new sanctions against Russia on Monday.", [("EU", ORG), ("Russia", PLACE)]),
    # well-known bodies the gazetteer names now (d9441ec3: "Eskom" missed)
    ("Eskom warned of further power cuts across Gauteng.", [("Eskom", ORG), ("Gauteng", PLACE)]),
])
def test_rules_of_probe_s50_entities_en(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs: "Akash Deep" an organisation (s01: a given name no list knows, a cricketer's
# verb "took ten wickets"), "clear of Liverpool" a place (s02: the club named as its town), "The Brisbane Lions"
# with its sentence's article (s03: WikiANN keeps "The" in some names, no feature told which), "Bola Tinubu in
# Abuja" one organisation (s10: the model's span over a lowercase "in"; WikiANN's titles keep one, "Alice in Chains").
# s50-entities2 cut the "The" before a match's verb (s03); s51-entities2 made a cricketer's name before their deed a
# person (s01) and the side a club is points clear of a club (s02).
LEFT_WRONG = {"s10": {("Bola Tinubu in Abuja", "ORG")}}
LEFT_MISSED = {"s10": {"Bola Tinubu", "Abuja"}}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s50-entities-en"), LEFT_WRONG, LEFT_MISSED)


# The blind set's one run (5fb3b3de's code, entities 1.2.78): 50 of 53 names found, 4 wrong; main (d9441ec3) the same,
# 50 and 4. Nothing was fixed on it: "Karnataka Chief Minister Siddaramaiah" one person (the holder's one name made the
# model's span run on past the office, which the two-word office rule reads only at a span's end), "Newmont" a place
# (before "would reopen its Ahafo mine"), "Newcastle team" with its noun, "the local MP" an organisation.
# s50-entities2, in sentences of its own, dropped "the local MP" (b04) and read Siddaramaiah alone (b06: Karnataka
# is still missed).
BLIND_WRONG = {"b01": {("Newcastle team", "ORG")}, "b09": {("Newmont", "LOC")}}
BLIND_MISSED = {"b06": {"Karnataka"}, "b09": {"Newmont"}}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s50-entities-en" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
