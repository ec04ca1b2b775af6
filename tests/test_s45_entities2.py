"""Entities probe s45-entities2 (fixtures/s45-entities2): what round 1 of session 45 (fixtures/s45-entities) and the
probes before it left open, fixed where a rule of shape, position or cue words can; each rule in a sentence of its
own, with guards; the new blind set pinned as it came (nothing fixed after its one run)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found

PER, ORG, PLACE, PRODUCT = "Person", "Organization", "Place", "Product"


@pytest.mark.parametrize(("text", "expected"), [
    # a browser's noun names its product, after the name or before it (before: "Comet" missed); Safari, a
    # well-known browser, is in the gazetteer (before: an organisation), and a longer name keeps it
    ("Just tried @perplexity_ai's Comet browser on my Pixel 9 — it booked a table in Dublin faster than Gemini did.",
     [("Comet", PRODUCT), ("Pixel 9", PRODUCT), ("Dublin", PLACE), ("Gemini", PRODUCT)]),
    ("O navegador Comet, da Perplexity, chegou ao Brasil.",
     [("Comet", PRODUCT), ("Perplexity", ORG), ("Brasil", PLACE)]),
    ("Apple, which is paid to make Google the default on Safari, gained 3%.",
     [("Apple", ORG), ("Google", ORG), ("Safari", PRODUCT)]),
    ("Relocated to Knowsley Safari Park.", [("Knowsley Safari Park", ORG)]),
    # a count, a demonym and lowercase nouns are no name (before: "20 African countries" an organisation); a count
    # before a model's code keeps the model
    ("Starlink is now licensed in 20 African countries after Somalia and Lesotho approved it this month.",
     [("Starlink", PRODUCT), ("Somalia", PLACE), ("Lesotho", PLACE)]),
    ("Airbus delivered 20 A321neo jets to IndiGo last year.", [("Airbus", ORG), ("A321neo", PRODUCT), ("IndiGo", ORG)]),
    # "quer" is a present tense, not an infinitive after a sentence's verb (before: "Bruxelas" dropped as "Vale" is
    # in "Vale lembrar")
    ("Bruxelas quer rever o Chips Act europeu depois de a Intel ter adiado a fábrica de Magdeburgo.",
     [("Bruxelas", PLACE), ("Chips Act", ORG), ("Intel", ORG), ("Magdeburgo", PLACE)]),
    ("Vale lembrar que a Petrobras subiu.", [("Petrobras", ORG)]),
    # a place's noun in the plural opens a body's name (before: "Portos do Paraná" a place); one port stays a place
    ("Transportadores reclamaram da demora no Porto de Paranaguá, e a Portos do Paraná prometeu abrir um novo "
     "pátio.",
     [("Porto de Paranaguá", PLACE), ("Portos do Paraná", ORG)]),
    # the names after a verb of speech that a model span ran on over; a possessed known product runs on with its
    # capitalised words before a service's noun (before: "Azure" alone, or nothing after "Lloyds")
    ("Lloyds said Microsoft's Azure AI Foundry service runs its new fraud checks.",
     [("Lloyds", ORG), ("Microsoft", ORG), ("Azure AI Foundry", PRODUCT)]),
    ("Engineers at Atom Bank now use GitHub's Copilot agent, and Lloyds said Microsoft's Azure AI Foundry service runs "
     "its new fraud checks.",
     [("Atom Bank", ORG), ("GitHub", ORG), ("Copilot", PRODUCT), ("Lloyds", ORG), ("Microsoft", ORG),
      ("Azure AI Foundry", PRODUCT)]),
    ("Nvidia told Reuters that demand was strong.", [("Nvidia", ORG), ("Reuters", ORG)]),
    # "and" between a body's head and an organisation the gazetteer knows parts two names (entities48: one span); a
    # name of one word before "and" stays whole
    ("Barclays cut mortgage deals, while Nationwide Building Society and Santander UK held theirs.",
     [("Barclays", ORG), ("Nationwide Building Society", ORG), ("Santander UK", ORG)]),
    ("Procter and Gamble said sales rose.", [("Procter and Gamble", ORG)]),
    # roads in a text of traffic: after "que a" (a clause's subject) and after a verb closing a road and "a"
    # (before: a person, an organisation); a woman after "que a" stays a person
    ("Um engavetamento fechou a pista sul da Régis Bittencourt, e a Arteris informou que a Ayrton Senna opera "
     "normalmente.", [("Régis Bittencourt", PLACE), ("Arteris", ORG), ("Ayrton Senna", PLACE)]),
    ("No trânsito, o motorista disse que a Maria Silva ajudou.", [("Maria Silva", PER)]),
    ("Um acidente com uma carreta interditou a Bandeirantes em Jundiaí, e o trânsito foi desviado para a Anhanguera.",
     [("Bandeirantes", PLACE), ("Jundiaí", PLACE), ("Anhanguera", PLACE)]),
])
def test_rules_of_probe_s45_entities2(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# The blind set's one run (fixtures/s45-entities2/blind.jsonl), pinned as it came: nothing was fixed after it in
# session 45. Session 46 (s46-entities, entities 1.2.74) studied its misses: "Vivaldi browser", "Firefox", "Gemini
# Enterprise do Google" and "Sporting Cristal pela" are right now.
BLIND_WRONG = {
    "c01": {("OCI Supercluster", "ORG")},
    "c02": {("Brave", "ORG"), ("Samsung", "ORG")},
    "c04": {("Toulouse", "ORG")},
    "s02": {("Marginal Pinheiros", "ORG")},
    "s04": {("Cruzeiro de Leonardo Jardim", "ORG")},
}
BLIND_MISSED = {
    "c01": {"Fluidstack", "OCI Supercluster"}, "c02": {"Brave", "Samsung Internet"},
    "c04": {"Toulouse"}, "s01": {"Copilot+ PC", "Jaguariúna"},
    "s02": {"Marginal Pinheiros", "Pinheiros"}, "s04": {"Cruzeiro", "Leonardo Jardim"},
}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s45-entities2" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
