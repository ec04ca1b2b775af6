"""Entities probe 45 (fixtures/entities45): news of fields the probes before it did not use (military, energy, health
systems, the music industry, space, courts, fashion, local government, diplomacy), with entities44's blind misses told
as kinds in new sentences: a title of a place ("the Archbishop of York"), a tunnel, a bridge or a dam, a Portuguese
road named after a man after a feminine article, a town one arrives at, a writer named like a town, a body's own
system after "its", "GP", a regulator split at a lowercase word. The studied and the blind paragraphs as their truth
says (each written and committed before the plugins read it), with guards."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities45")
PLACE, ORG, PERSON, PRODUCT = "Place", "Organization", "Person", "Product"


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a tunnel, a bridge or a dam is a place, over the capitalised words that end the model's span
    ("Freight through the Channel Tunnel rose, Getlink said.", {("Channel Tunnel", PLACE)},
     {("Channel Tunnel", ORG), ("Freight through the Channel Tunnel", PLACE)}),
    ("Engineers at the Hoover Dam cut its output.", {("Hoover Dam", PLACE)}, {("Hoover Dam", ORG)}),
    # ... and the name after a Portuguese work's noun
    ("A circulação na ponte 25 de Abril foi cortada.", {("25 de Abril", PLACE)}, set()),
    ("O túnel do Marão esteve fechado.", {("Marão", PLACE)}, set()),
    # a title of a place is its holder, never a place; guards: a race named after one, a town named after one
    ("The Archbishop of York led prayers at the cathedral.", {("Archbishop of York", PERSON)},
     {("Archbishop of York", PLACE)}),
    ("It was the first home of the Prince of Wales Stakes.", set(), {("Prince of Wales Stakes", PERSON)}),
    ("A Polícia Civil prendeu 14 suspeitos em Duque de Caxias.", set(), {("Duque de Caxias", PERSON)}),
    ("O Duque de Caxias venceu o Vasco por 2 a 1.", {("Duque de Caxias", ORG)}, {("Duque de Caxias", PERSON)}),
    # a road named after a man after a feminine article; guard: a woman so written stays a person
    ("Os romeiros voltaram pela Fernão Dias até Pouso Alegre.", {("Fernão Dias", PLACE)}, {("Fernão Dias", PERSON)}),
    ("A carta foi escrita pela Ana Paula Arósio no Rio.", {("Ana Paula Arósio", PERSON)}, set()),
    # ... nor one after "à" or "da", which a woman's name takes, nor after a passive's "pela" (found at merge: "à Britney
    # Spears" on the WikiANN-pt test split, the given names not only Portuguese men's; the others written to try it)
    ("O festival abriu com uma homenagem à Britney Spears.", {("Britney Spears", PERSON)}, {("Britney Spears", PLACE)}),
    ("Os fãs da Taylor Swift fizeram fila.", {("Taylor Swift", PERSON)}, {("Taylor Swift", PLACE)}),
    ("A reunião foi conduzida pela Jennifer Lopez.", {("Jennifer Lopez", PERSON)}, {("Jennifer Lopez", PLACE)}),
    # a town one arrives at, or a stretch's far end; guards: a person reached named whole, a feast
    ("Os peregrinos chegaram a Fátima ontem.", {("Fátima", PLACE)}, {("Fátima", PERSON)}),
    ("A denúncia chegou a Maria Silva na terça-feira.", {("Maria Silva", PERSON)}, set()),
    ("Havia filas até ao Montijo na manhã de sexta-feira.", {("Montijo", PLACE)}, {("Montijo", ORG)}),
    ("As lojas abrem até ao Natal, disse a Sonae.", {("Sonae", ORG)}, {("Natal", PLACE)}),
    # ... nor a person the model found after pt-BR's "até a"/"até o", a conjunction's too (found at merge)
    ("Esperei até a Maria chegar em casa.", {("Maria", PERSON)}, {("Maria", PLACE)}),
    ("Ficou tudo parado até o João voltar de Lisboa.", {("João", PERSON)}, {("João", PLACE)}),
    # a writer named like a town; guards: a town after "em", a rule's organisation, a place after a feminine article
    ("A Flip homenageia este ano Conceição Evaristo.", {("Conceição Evaristo", PERSON)},
     {("Conceição Evaristo", PLACE)}),
    ("Mas o ministro tinha tido uma pega com ele em Lourenço Marques.", {("Lourenço Marques", PLACE)}, set()),
    ("Os números já começaram a chegar, disse a Jerónimo Martins.", {("Jerónimo Martins", ORG)}, set()),
    ("A grife abriu uma loja na Oscar Freire em maio.", {("Oscar Freire", PLACE)}, {("Oscar Freire", PERSON)}),
    # "GP" names no one; a body's own system after "its" is a product
    ("A GP in Leeds sees 40 patients a day.", {("Leeds", PLACE)}, {("GP", ORG)}),
    ("Lando Norris won the GP in Abu Dhabi.", {("Lando Norris", PERSON)}, {("GP", ORG)}),
    ("NHS England said its Helios system would flag patients at risk.", {("Helios", PRODUCT)}, {("Helios", ORG)}),
    ("Philips said its IntelliVue monitors had been recalled.", {("IntelliVue", PRODUCT)}, set()),
    # a person apart from the place before a comma and an honorific
    ("A GP in Cardiff, Dr Owen Price, said the alerts came late.", {("Cardiff", PLACE), ("Owen Price", PERSON)},
     {("Cardiff, Dr Owen Price", ORG)}),
    # a publisher after "editora"; the regulator whole
    ("A editora Malê reeditou os contos de Lima Barreto.", {("Malê", ORG), ("Lima Barreto", PERSON)}, set()),
    ("The Medicines and Healthcare products Regulatory Agency warned doctors.",
     {("Medicines and Healthcare products Regulatory Agency", ORG)}, {("Regulatory Agency", ORG)}),
])
def test_rules_of_probe_45(app, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied paragraphs ("Guy's and St Thomas" without its closing apostrophe until s53-entities),
# "Abu Dhabi for McLaren" one place, "a Via Dutra" an organisation (a road: "Via" a company's word too, "Via Varejo"),
# "produtores de Sorriso" a person, "para a Batalha" missed, "a Vasco da Gama" (the bridge) an organisation.
LEFT_OPEN = {
    "e08": {("Abu Dhabi for McLaren", "LOC")},
    "p01": {("Via Dutra", "ORG")}, "p05": {("Sorriso", "PER")}, "p08": {("Vasco da Gama", "ORG")},
}
LEFT_MISSED = {
    "e08": {"Abu Dhabi", "McLaren"}, "p01": {"Via Dutra"}, "p05": {"Sorriso"},
    "p07": {"Batalha"}, "p08": {"Vasco da Gama"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)


# The blind paragraphs (written and committed before any plugin read them, in 2f06663; run once with 1.2.66's rules at
# 3216528: 73 of 84 names, 8 wrong; main's code 72 of 84, 15 wrong). What the run found wrong in the new rules and was
# fixed after it: "na Oscar Freire" made a person by the rule for people named like towns (62e32f6). Left open:
# "Strait of Hormuz. The Prince of Wales" one place across a full stop, "the M5" missed, "A grife Osklen" missed,
# "Assis Valente" a place, "a Artesp" a place, "pela Castello Branco" an organisation and "a Raposo Tavares" missed
# (roads named after men whose first word is no given name here, or after "a"), "mosteiro da Batalha" missed, "do
# Alfeite" an organisation, "o almirante Gouveia e Melo" two places. Since entities 1.2.68 (entities46's kinds) the full
# stop cuts the place ("Wales" of the title left a place), and "the M5", "A grife Osklen", "mosteiro da Batalha" and
# "o almirante Gouveia e Melo" are found; "York Minster" (studied) is a place.
BLIND = [json.loads(line) for line in (FIXTURES / "entities45" / "blind.jsonl").read_text(encoding="utf-8")
         .splitlines()]
BLIND_LEFT_OPEN = {
    "b01": {("Wales", "LOC")}, "q04": {("Assis Valente", "LOC")},
    "q05": {("Artesp", "LOC"), ("Castello Branco", "ORG")}, "r02": {("Alfeite", "ORG")},
}
BLIND_LEFT_MISSED = {
    "q04": {"Assis Valente"}, "q05": {"Artesp", "Castello Branco", "Raposo Tavares"}, "r02": {"Alfeite"},
}


def test_names_of_the_blind_paragraphs(app):
    assert_names_found(app, BLIND, BLIND_LEFT_OPEN, BLIND_LEFT_MISSED)
