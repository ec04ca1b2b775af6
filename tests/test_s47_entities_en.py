"""Entities probe s47-entities-en (fixtures/s47-entities-en): English news paragraphs of kinds the probes before it used
least (consumer goods, a retail boardroom, diplomacy, a tech event, a museum listing, a picture agency, brand
marketing, football, government, aviation), with session 46's English open cases in new sentences. Each rule in a
sentence of its own, with guards; the studied paragraphs as their truth says, but the spans left open; the blind set
pinned as it came."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE = "Person", "Organization", "Place"


@pytest.mark.parametrize(("text", "expected"), [
    # an office after its country's short form, in prose, is no name but the country (4e5d03f1: "The US Secretary
    # of State" an organisation); after a demonym nothing is ("the French Foreign Minister", an organisation)
    ("The US Secretary of State arrived in Riyadh on Tuesday.", [("US", PLACE), ("Riyadh", PLACE)]),
    ("A day after the French Foreign Minister visited Cairo.", [("Cairo", PLACE)]),
    ("US Secretary of State Marco Rubio said.", [("US", PLACE), ("Marco Rubio", PER)]),
    # ... not a company named by a short form, nor a body's acronym before an office
    ("US Steel said.", [("US Steel", ORG)]),
    ("UN Secretary-General Antonio Guterres spoke.", [("UN Secretary", ORG), ("Antonio Guterres", PER)]),
    # a capitalised officer's role after a possessive (4e5d03f1: "Executive Ken Murphy" a person; M&S's "Executive"
    # a person and the company missed), as the lowercase role is read
    ("Tesco's Chief Executive Ken Murphy said sales rose.", [("Tesco", ORG), ("Ken Murphy", PER)]),
    ("Marks & Spencer's Chief Executive Stuart Machin told investors.", [("Marks & Spencer", ORG),
                                                                        ("Stuart Machin", PER)]),
    ("Marks & Spencer's Chief Executive said.", [("Marks & Spencer", ORG)]),
    ("Chief Financial Officer Amy Hood said margins rose.", [("Amy Hood", PER)]),
    ("Tesco's chief executive Ken Murphy said sales rose.", [("Tesco", ORG), ("Ken Murphy", PER)]),
    # two or three personal names right after an artist's works and "by" are the artist (4e5d03f1: an
    # organisation); an agency after a verb and "by" stays one
    ("The exhibition of video works by Nam June Paik opens in May.", [("Nam June Paik", PER)]),
    ("Photographs supplied by Getty Images showed crowds.", [("Getty Images", ORG)]),
    # ... or after a club's name and a role's lowercase noun (4e5d03f1: "Unai Emery" an organisation)
    ("Aston Villa manager Unai Emery said the squad was lifted.", [("Aston Villa", ORG), ("Unai Emery", PER)]),
    # ... or right after a role title outside the model's span (WikiANN-en held-out dev, 4e5d03f1: a place); a
    # company that a title's word opens stays one
    ("It was founded by CEO Samer Hamadeh.", [("Samer Hamadeh", PER)]),
    ("General Motors said.", [("General Motors", ORG)]),
    # a sentence's conjunction, gerund, or word and preposition before "the" and a name, a clause going on after
    # it, are no part of the name (4e5d03f1: "When the Red Army" an organisation; "Roaming the streets" one)
    ("When the Red Army returned to Sanok in 1944, he left.", [("Red Army", ORG), ("Sanok", PLACE)]),
    ("Admission to the Red River Athletic Conference is pending.", [("Red River Athletic Conference", ORG)]),
    ("Roaming the streets, they chanced upon a house.", []),
    # ... but a title that spans its line, and a name joined by "of", stay whole
    ("Welcome to the Fishbowl", [("Welcome to the Fishbowl", ORG)]),
    ("Bank of the West said profits rose.", [("Bank of the West", ORG)]),
])
def test_rules_of_probe_s47_entities_en(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs (fixtures/s47-entities-en/README.md says why).
LEFT_OPEN = {
    "e07": {("Colman", "PER")},  # "Dove soap": s47-entities2; "sales of Persil and Marmite": s48-entities
    "e08": {("Villa Park", "ORG")}, "e09": {("Truro", "ORG")}, "e10": {("Iberia", "LOC")},
}
LEFT_MISSED = {
    "e07": {"Heinz", "Colman's"}, "e08": {"Villa Park"}, "e09": {"Truro"},
    "e10": {"Iberia"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s47-entities-en"), LEFT_OPEN, LEFT_MISSED)


# The blind set's one run (entities 1.2.75, this branch): 39 of 48 names found, 7 wrong; main (4e5d03f1) found 38,
# 9 wrong ("Financial Officer" a person, "When the High Court" an organisation). Nothing was fixed on it. Session 47's
# s47-entities2 read "Google I/O" whole (an organisation, optional here; "Google I" was a person): 6 wrong.
BLIND_WRONG = {
    "b04": {("Fulham", "LOC")},
    "b05": {("Mountain View, Sundar Pichai", "LOC"), ("Pixel phones", "LOC")},
    "b09": {("Emirates", "LOC")},
    "b10": {("Dettol", "LOC"), ("Durex", "LOC")},
}
BLIND_MISSED = {
    "b04": {"Fulham"}, "b05": {"Mountain View", "Sundar Pichai", "Pixel"}, "b09": {"777X", "Emirates"},
    "b10": {"Reckitt", "Dettol", "Durex"},
}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s47-entities-en" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
