"""Entities probe 40 (fixtures/entities40): session 35's misses in new English and Portuguese news. Ranks before a
name, county cricket clubs, bodies' names joined by "and", towns listed with a place; in Portuguese a club "da" its
town, a company named as a town, an office's place, pastoral bodies, a state body's long name, a party's regional
branch inside a paragraph. The studied and the blind paragraphs as their truth says (each written and committed before
the plugins read it), with guards."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities40")
PLACE, ORG, PERSON = "Place", "Organization", "Person"


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a military or a sport's rank before a name is no part of it, nor an organisation alone
    ("Captain Pat Cummins led Australia to victory in Perth.", {("Pat Cummins", PERSON)},
     {("Captain Pat Cummins", PERSON)}),
    ("Lieutenant Colonel Amir Khan thanked the crews.", {("Amir Khan", PERSON)}, {("Lieutenant Colonel", ORG)}),
    # a county in a text of cricket is its club
    ("Surrey beat Essex by an innings at the Oval, with Rory Burns making a century.",
     {("Surrey", ORG), ("Essex", ORG)}, {("Surrey", PLACE), ("Essex", PLACE)}),
    # guard: after a preposition of where it stays the place
    ("Floods hit farms across Yorkshire, and cricket matches were called off.", {("Yorkshire", PLACE)},
     {("Yorkshire", ORG)}),
    # "and" inside a body's name after a word such names join
    ("Engineers at Airbus Defence and Space in Friedrichshafen built the radar.",
     {("Airbus Defence and Space", ORG)}, {("Space", ORG), ("Airbus Defence", ORG)}),
    # guard: two companies stay two
    ("Engineers at Google and Apple built the radar.", {("Google", ORG), ("Apple", ORG)}, set()),
    # towns listed with a place, or after the people who live there
    ("The airline also plans more flights from Cork and Knock to Manchester.", {("Knock", PLACE)}, set()),
    ("Residents of Hucknall and Bulwell will get a tram stop.", {("Hucknall", PLACE), ("Bulwell", PLACE)},
     {("Bulwell", ORG)}),
    # guard: a club the organisations' gazetteer knows keeps its label in a list
    ("Tickets for matches at Chelsea and Arsenal sold out.", {("Arsenal", ORG)}, {("Arsenal", PLACE)}),
    # a party's regional branch the model missed
    ("O PSD-Açores criticou a iniciativa.", {("PSD-Açores", ORG)}, set()),
    # a club "da" its town in a match's phrase
    ("O Benfica recebe o Estrela da Amadora na Luz na próxima jornada.", {("Estrela da Amadora", ORG)},
     {("Estrela da Amadora", PLACE)}),
    # a company named as a town: with a known company as the subject, or the town bare after "em"
    ("A Vale e a Suzano também anunciaram projetos no Espírito Santo.", {("Suzano", ORG)}, {("Suzano", PLACE)}),
    ("A Suzano anunciou lucro recorde. A empresa nasceu em Suzano, na Grande São Paulo.",
     {("Suzano", ORG), ("Suzano", PLACE)}, set()),
    # guard: a country after its article stays one
    ("A China anunciou tarifas, e a Vale cortou a produção na China.", {("China", PLACE)}, {("China", ORG)}),
    # an office held for a place: the name is the place; guard: a person named after it
    ("O TSE rejeitou o recurso contra a prefeita de Contagem.", {("Contagem", PLACE)}, {("Contagem", PERSON)}),
    ("O prefeito de Betim Marcelo Cabral também participou.", {("Marcelo Cabral", PERSON)}, set()),
    # a pastoral body, a state body's long name to "do Estado"
    ("A Diocese pediu doações para a Pastoral da Criança.", {("Pastoral da Criança", ORG)},
     {("Pastoral da Criança", PLACE)}),
    ("O Instituto de Gestão de Activos e Participações do Estado vendeu a posição.",
     {("Instituto de Gestão de Activos e Participações do Estado", ORG)}, set()),
    # places listed after a plural place noun, or after "moradores da" and "e do"
    ("As cheias isolaram os distritos de Búzi, Nhamatanda e Caia.",
     {("Búzi", PLACE), ("Nhamatanda", PLACE), ("Caia", PLACE)}, set()),
    ("Moradores da Rocinha e do Vidigal ficaram sem luz.", {("Rocinha", PLACE), ("Vidigal", PLACE)}, set()),
])
def test_rules_of_probe_40(app, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied paragraphs: "Beeston" and "Doncaster overnight" organisations (a town outside a preposition
# of place, or inside the model's span), "Hove" missed (a surname in WikiANN-en train: the towns' gazetteer leaves it
# out), "a Ação da Cidadania" cut to "Cidadania" (the model's). Found since 1.2.58 (fixtures/entities41): "the Kia
# Oval" no product, "do Estrela, José Faria," the club; since 1.2.59 (fixtures/entities42): "Rival Thales Alenia
# Space" (a company after its role opening the sentence). Since 1.2.60 (session 39) "Moore, Oklahoma" is one place, as
# the model joins most towns with their US states (the truth here names two).
LEFT_OPEN = {
    "e05": {("Beeston", "ORG")}, "e06": {("Doncaster overnight", "ORG")}, "e08": {("Moore, Oklahoma", "LOC")},
    "p07": {("Cidadania", "ORG")},
}
LEFT_MISSED = {
    "e05": {"Beeston"}, "e06": {"Doncaster"}, "e08": {"Moore", "Oklahoma"}, "e10": {"Hove"},
    "p07": {"Ação da Cidadania"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)


# The blind paragraphs (written after the fixes, run once: 69 of 79 names, 8 wrong; main 63 of 79, 13 wrong): what was
# left open. Towns no gazetteer knows outside a list with a place ("troops from Catterick", "from Tralee and
# Killarney", both organisations), a Gaelic football county the model took for a person ("Kerry beat Galway"), a town
# and its state in one span ("Boone, North Carolina"), "em Ouro Branco" an organisation, a stadium named after a person
# (a person), a club after "recebe o" with a host the gazetteer does not know ("o Nacional da Madeira recebe o Arouca",
# a place), an agency's long name with "para a" missed. Found since entities 1.2.58 (fixtures/entities41): "Kerry" (a
# Gaelic county side) and "Agência para a Gestão Integrada de Fogos Rurais"; since 1.2.59 (fixtures/entities42):
# "Catterick" (the towns' gazetteer from GeoNames' places of 1,000 people), "Tralee" and "Killarney" (after a verb of
# travel and "from"), "em Ouro Branco" (an organisation of two words after bare "em" a place); since 1.2.61
# (fixtures/entities43): "recebe o Arouca" (a host a match's word shows a club: "treinador"); since 1.2.76
# (fixtures/s48-entities): "por 2-0 no António Coimbra da Mota" (a ground after a score a place).
BLIND = [json.loads(line) for line in (FIXTURES / "entities40" / "blind.jsonl").read_text(encoding="utf-8").splitlines()]
BLIND_LEFT_OPEN = {
    "b06": {("Boone, North Carolina", "LOC")},
}
BLIND_LEFT_MISSED = {
    "b06": {"Boone", "North Carolina"},
}


def test_names_of_the_blind_paragraphs(app):
    assert_names_found(app, BLIND, BLIND_LEFT_OPEN, BLIND_LEFT_MISSED)
