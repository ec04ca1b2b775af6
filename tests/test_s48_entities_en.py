"""Entities probe s48-entities-en (fixtures/s48-entities-en): English news paragraphs (UK and US business, unions,
sport, culture, local government) with session 47's English open cases in new sentences. Each rule in a sentence of
its own, with guards; the studied paragraphs as their truth says; the blind set pinned as it came."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE, PRODUCT = "Person", "Organization", "Place", "Product"


@pytest.mark.parametrize(("text", "expected"), [
    # an artist's name before a portrait, the model's place or not, after a sentence's opening article too (27c6dd62:
    # "Hockney" a place)
    ("A Hockney portrait of his parents sold for £12m at auction.", [("Hockney", PER)]),
    ("The museum bought two Lowry paintings and a Freud portrait last year.", [("Lowry", PER), ("Freud", PER)]),
    # a two-word role's lowercase first word is no part of the body's name (27c6dd62: "Unite general" an
    # organisation, "Usdaw general" a place)
    ("Unite general secretary Sharon Graham said members would strike.", [("Unite", ORG), ("Sharon Graham", PER)]),
    ("Usdaw general secretary Joanne Thomas said shop workers were abused.", [("Usdaw", ORG),
                                                                              ("Joanne Thomas", PER)]),
    # nor is a match's score (27c6dd62: "Brentford 2-1"); the ground a place since s48-entities' grounds rule
    ("Fulham beat Brentford 2-1 at Craven Cottage on Saturday.", [("Fulham", ORG), ("Brentford", ORG),
                                                                  ("Craven Cottage", PLACE)]),
    # a name and a lowercase "station" is a place (27c6dd62: an organisation); WikiANN-en's "railway station"
    # titles keep the model's organisation
    ("Passengers were evacuated from Southwark station on Monday.", [("Southwark station", PLACE)]),
    ("He was born near Corrour railway station in 1920.", [("Corrour railway station", ORG)]),
    # a one-word person listed with "and" after a one-word organisation is one too (27c6dd62: "Anchor" a person); a
    # surname of a person the text named in full stays a person (``later_short_forms`` comes after); after "Sales
    # of", brands are products since s48-entities (both labels right for a brand)
    ("Shoppers switched from Lurpak and Anchor to own-label butter.", [("Lurpak", ORG), ("Anchor", ORG)]),
    ("Sales of Lurpak and Anchor fell in the autumn.", [("Lurpak", PRODUCT), ("Anchor", PRODUCT)]),
    ("Mark Jones, the former chairman, said Unilever and Jones had parted.",
     [("Mark Jones", PER), ("Unilever", ORG), ("Jones", PER)]),
    # ... nor where a pattern knows either name (a town the model took for an organisation lists places; the first
    # version of the rule gave "Clare" an organisation)
    ("Met Éireann issued a wind warning for Cork and Clare.", [("Met Éireann", ORG), ("Cork", PLACE),
                                                                ("Clare", PLACE)]),
    # a name apposed to a retailer's noun is a company (27c6dd62: "Zentrix" a person)
    ("Zentrix, the Leeds-based retailer, is moving to Amsterdam.",
     [("Zentrix", ORG), ("Leeds", PLACE), ("Amsterdam", PLACE)]),
    # well-known companies the gazetteer names now (27c6dd62: missed, a person)
    ("Ticketmaster apologised to fans after the presale crashed.", [("Ticketmaster", ORG)]),
    ("Greggs will open 140 shops this year.", [("Greggs", ORG)]),
])
def test_rules_of_probe_s48_entities_en(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs: "Emirates" the airline (s06), missed; in the gazetteer it took "at the
# Emirates", Arsenal's stadium, for the airline in five fixture texts.
LEFT_MISSED = {"s06": {"Emirates"}}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s48-entities-en"), {}, LEFT_MISSED)


# The blind set's one run (9188550b, entities 1.2.76): 44 of 49 names found, 4 wrong; main (27c6dd62) found 43, 5
# wrong ("Bank station" an organisation). Nothing was fixed on it; 8fa7a47e (two fixes found by bench/predict_same.py
# on other fixtures) left it as it was. Merged with s48-entities (brands after "Sales of" are products), b01's
# "Hovis" and "Warburtons" are found (products, as its truth allows).
BLIND_WRONG = {
    "b03": {("Bacon triptych", "LOC")},
    "b09": {("Persil", "LOC"), ("Comfort", "LOC")},
}
BLIND_MISSED = {"b03": {"Bacon"}, "b09": {"Persil", "Comfort"}}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s48-entities-en" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
