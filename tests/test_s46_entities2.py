"""Entities probe s46-entities2 (fixtures/s46-entities2): English and Portuguese company earnings notes, court rulings,
museum listings and hardware reviews, with the shapes session 46's first probe left open. Each rule in a sentence of
its own, with guards; the studied paragraphs as their truth says, but the spans left open; the blind set pinned as it
came."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE, PRODUCT = "Person", "Organization", "Place", "Product"


@pytest.mark.parametrize(("text", "expected"), [
    # a possessive whose owned words run past the model's span into the subject's noun and its verb: the owner
    # alone (b630529e: "Unilever's quarterly", an organisation); a species' possessive alone in its line stays
    ("Unilever's quarterly sales beat forecasts.", [("Unilever", ORG)]),
    ("Apple's quarterly revenue rose.", [("Apple", ORG)]),
    # a side that came from behind to beat another is a club (b630529e: a place); a town alone stays one
    ("Bournemouth came from behind to beat Leeds United 3-2.", [("Bournemouth", ORG), ("Leeds United", ORG)]),
    ("Bournemouth is a town on the south coast.", [("Bournemouth", PLACE)]),
    # a capitalised word and a model's code after a possessive is the maker's product (b630529e: missed)
    ("Intel's Arc B570 is the cheaper card.", [("Intel", ORG), ("Arc B570", PRODUCT)]),
    # a group's acronym and a word with a capital inside, in a text of traffic, is its road concession (b630529e:
    # "CCR" alone)
    ("A Motiva, antiga CCR, teve alta de 12% no lucro, puxada pelo tráfego na Via Dutra e nas rodovias da CCR "
     "ViaOeste. O movimento na Bandeirantes cresceu 4%.",
     [("Motiva", ORG), ("CCR", ORG), ("Via Dutra", PLACE), ("CCR ViaOeste", ORG), ("Bandeirantes", PLACE)]),
    # a road after "trechos da" in a text of traffic (b630529e: an organisation)
    ("O tráfego cresceu e a empresa quer novos trechos da Régis Bittencourt.", [("Régis Bittencourt", PLACE)]),
    # a product line's letters and number after its maker (b630529e: the maker alone); not a table's row of figures,
    # nor after a maker in capitals
    ("O notebook Dell XPS 13 tem 16 GB de memória.", [("Dell", ORG), ("XPS 13", PRODUCT)]),
    ("Korsnäs IF FK 22 12 6 4 47-22 42", [("Korsnäs IF", ORG)]),
    ("The BBC ONE 2 show.", [("BBC", ORG)]),
    # an office after its owner's possessive is nobody's name (b630529e: "Prime Minister" a product, as "Prime" opens
    # a known product's name); the product itself stays
    ("Britain's Prime Minister said on Monday that taxes would rise.", [("Britain", PLACE)]),
    ("Amazon's Prime Video grew.", [("Amazon", ORG), ("Prime Video", PRODUCT)]),
    # nor a person, as the owner's person rule read it ("Foreign Minister" a person); the owner's person stays one
    ("Germany's Foreign Minister met Brazil's President.", [("Germany", PLACE), ("Brazil", PLACE)]),
    ("Galaxy Digital's Mike Novogratz said prices would rise.", [("Galaxy Digital", ORG), ("Mike Novogratz", PER)]),
    # an English name closed by a street's or a square's noun is a place (4cf1acf: "Trafalgar Square" an organisation)
    ("Protesters gathered in Trafalgar Square on Saturday.", [("Trafalgar Square", PLACE)]),
])
def test_rules_of_probe_s46_entities2(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs (fixtures/s46-entities2/README.md says why).
LEFT_OPEN = {
    "e02": {("Dove", "PER"), ("Hellmann", "PER")}, "e03": {("Getty", "LOC")}, "e05": {("Nam June Paik", "ORG")},
    "e07": {("German translation", "ORG"), ("Mozilla", "LOC"), ("Zen", "ORG")},
    "p07": {("Genshin Impact", "ORG")},
}
LEFT_MISSED = {
    "e02": {"Dove", "Hellmann's"}, "e03": {"Getty"}, "e05": {"Nam June Paik"},
    "e06": {"B580"}, "e07": {"Arc", "Mozilla", "The Browser Company", "Zen"}, "p05": {"Tarsila do Amaral"},
    "p06": {"Amadeo de Souza-Cardoso"}, "p07": {"Genshin Impact"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s46-entities2"), LEFT_OPEN, LEFT_MISSED)


# The blind set's one run (0cd7a753): 32 of 39 names found, 4 wrong; since then (session 46, after the merge) an
# English name closed by a square's noun is a place, and b04's "Trafalgar Square" is found: 33 of 39, 3 wrong; since
# s47-entities a numbered title in a text about games and an "OS" are products (b03's "Hades II", "SteamOS"): 35 of
# 39, 1 wrong; since s48-entities a name closed by a tier letter in a text about games is a product (b03's "Legion
# Go S").
BLIND_WRONG = {
    "q04": {("Motorola Edge", "ORG")},
}
BLIND_MISSED = {
    "b03": {"Legion", "Valve"},
    "q04": {"Motorola Edge 60"},
}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s46-entities2" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
