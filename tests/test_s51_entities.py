"""Entities probe s51-entities (fixtures/s51-entities): session 50's open shapes in new sentences (a company after a
country's possessive, an insurer named like its city, two names joined in object place, a cooperative, a Portuguese
surname joined by "e") and kinds the fixtures cover least (aviation, universities, cooperatives, festivals and labels,
telecoms regulators, African and Asian business). Each rule in sentences of its own, with guards; the studied
paragraphs as their truth says but the spans left open; the blind set pinned as it came. c8346fe8's output is in each case's comment."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE = "Person", "Organization", "Place"


@pytest.mark.parametrize(("text", "expected"), [
    # a company after a place's possessive, before a company's "its" or reported results (c8346fe8: missed) ...
    ("Japan's Rakuten said it would list its bank in Tokyo.", [("Japan", PLACE), ("Rakuten", ORG), ("Tokyo", PLACE)]),
    ("Egypt's Fawry and Nigeria's Interswitch both reported record transaction volumes.",
     [("Egypt", PLACE), ("Fawry", ORG), ("Nigeria", PLACE), ("Interswitch", ORG)]),
    # ... not a leader, whose sentence has no such cue, nor a known person's surname before "its"
    ("India's Modi said the new airport would open next year.", [("India", PLACE)]),
    ("Britain's Starmer said its economy would grow.", [("Britain", PLACE)]),
    # a place before a verb and its dividend is a company named like it (c8346fe8: a place) ...
    ("Zurich raised its interim dividend after a strong year, chief executive Mario Greco said.",
     [("Zurich", ORG), ("Mario Greco", PER)]),
    # ... not before a town's budget
    ("Madrid raised its budget for schools after the protests.", [("Madrid", PLACE)]),
    # two names in object place with a side the gazetteer knows are two (c8346fe8: "BT and Vodafone" one) ...
    ("Ofcom told BT and Vodafone to publish clearer broadband prices.", [("Ofcom", ORG), ("BT", ORG), ("Vodafone", ORG)]),
    # ... a firm the gazetteer knows whole stays whole
    ("Shoppers told Marks and Spencer to bring back the old range.", [("Marks and Spencer", ORG)]),
    # a cooperative's closing word and apposed noun (c8346fe8: "Aurora Coop" a person, "Coamo" a place)
    ("A Embrapa e a Aurora Coop assinaram um acordo em Chapecó.",
     [("Embrapa", ORG), ("Aurora Coop", ORG), ("Chapecó", PLACE)]),
    ("A Coamo, maior cooperativa agrícola do país, recebeu mais soja este ano.", [("Coamo", ORG)]),
    # a one-word person after a company, "e" and an article is a company (c8346fe8: "Azul" a person) ...
    ("A Anac multou a Gol e a Azul por atrasos no feriado.", [("Anac", ORG), ("Gol", ORG), ("Azul", ORG)]),
    # ... not a given name
    ("A Anac multou a Gol e a Mariana por atrasos no feriado.", [("Anac", ORG), ("Mariana", PER)]),
    # a surname joined by "e" before a singular verb of saying (c8346fe8: "Pedro Castro" and "Almeida") ...
    ("O presidente executivo Pedro Castro e Almeida disse que o banco vai contratar mais pessoas.",
     [("Pedro Castro e Almeida", PER)]),
    # ... two people before a plural verb stay two
    ("Ana Rita Costa e Almeida disseram que o acordo estava fechado.", [("Ana Rita Costa", PER), ("Almeida", PER)]),
])
def test_rules_of_probe_s51_entities(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs (fixtures/s51-entities/README.md says why); s51-entities2 found the cricketers
# (e05), the band after its noun (e07) and the band after "os" (q04).
LEFT_OPEN = {
    "e06": {("Anora", "LOC"), ("Conclave", "LOC"), ("Conclave", "ORG"), ("Longlegs", "LOC"), ("The Brutalist", "ORG")},
    "e07": {("Leeds", "LOC"), ("Reading", "ORG")},
    "p04": {("Anitta", "LOC")},
}
LEFT_MISSED = {"e02": {"ARIA"}, "e06": {"Neon"}, "p04": {"Anitta"}}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s51-entities"), LEFT_OPEN, LEFT_MISSED)


# The blind set's one run (9a41c957, entities 1.2.79): 49 of 57 names found, 3 wrong; c8346fe8's code found 47, 3
# wrong ("Shoprite" and "Vingroup" after their country's possessive are this round's). Nothing was fixed on it.
# s51-entities2 (its rules, not fixed on this set: the leftovers it was given) found "Liverpool" a club (b04), and
# "Arctic Monkeys", "Meco" and "Valentim de Carvalho" (b07): 53 of 57, none wrong.
BLIND_WRONG: dict[str, set[tuple[str, str]]] = {}
BLIND_MISSED = {"b01": {"daa"}, "b02": {"VinFast"}, "b03": {"Priya Natarajan"}, "b07": {"Música no Coração"}}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s51-entities" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
