"""Entities probe 46 (fixtures/entities46): entities45's blind misses and session 41's told as kinds in new sentences
(a span run on over a full stop, English road codes after "the", minsters and canals, Portuguese buildings named after
their places, brands after "grife"/"marca", a product's code before its maker, surnames joined by "e" after a title,
roads named after people where a text tells of traffic, a company's own service after "its", a tutor apposed to its
name, a letter that reaches a person). The studied paragraphs as their truth says, with guards."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities46")
PLACE, ORG, PERSON, PRODUCT = "Place", "Organization", "Person", "Product"


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a name ends with its sentence; guards: an abbreviation's dot, initials
    ("The tanker ran aground in the Bay of Biscay. The Princess Royal met the crew.", {("Bay of Biscay", PLACE)},
     {("Bay of Biscay. The Princess Royal", PLACE)}),
    ("The Cardinals play in St. Louis. The game was closed to traffic.", {("St. Louis", PLACE)}, set()),
    ("Warner Bros. Discovery agreed to sell its networks.", {("Warner Bros. Discovery", ORG)}, set()),
    ("O Sp. Braga venceu o Benfica.", {("Sp. Braga", ORG)}, set()),
    # an English road's code after "the" where the text tells of a road; guards: a chip, an Airbus
    ("Rivers burst their banks. The A46 was shut near Evesham.", {("A46", PLACE)}, {("A46", ORG)}),
    ("Police said traffic on the A303 near Stonehenge was held for an hour.", {("A303", PLACE)}, set()),
    ("Apple's M5 chip was shown as traffic grew on the road.", set(), {("M5", PLACE)}),
    ("The A320 landed at Heathrow after the crash closed a runway.", set(), {("A320", PLACE)}),
    # a minster and a canal are places, "&" inside
    ("Evensong at Southwell Minster was cancelled.", {("Southwell Minster", PLACE)}, {("Southwell Minster", PERSON)}),
    ("Volunteers cleared the towpath of the Chesapeake & Ohio Canal.", {("Chesapeake & Ohio Canal", PLACE)}, set()),
    # a company's own made thing after "its" (a service too since entities47); a tutor apposed to its name
    ("Sky said its Sky Glass televisions would reach Ireland.", {("Sky Glass", PRODUCT)}, {("Sky Glass", ORG)}),
    ("Schools now use Khanmigo, the tutor Khan Academy built.", {("Khanmigo", PRODUCT)}, {("Khanmigo", PLACE)}),
    # Portuguese buildings named after their places; brands after their noun
    ("Os turistas visitaram o mosteiro de Alcobaça.", {("Alcobaça", PLACE)}, {("Alcobaça", PERSON)}),
    ("A grife Farm abriu uma loja em Ipanema.", {("Farm", ORG), ("Ipanema", PLACE)}, set()),
    ("A marca Reserva lançou uma coleção.", {("Reserva", ORG)}, {("Reserva", PLACE)}),
    # a product's code before its maker; guards: a feminine event, a code of one letter
    ("O KC-390 da Embraer fez um voo de teste.", {("KC-390", PRODUCT), ("Embraer", ORG)}, {("KC-390", ORG)}),
    ("O drone AR5 da Tekever foi testado.", {("AR5", PRODUCT), ("Tekever", ORG)}, {("AR5 da Tekever", ORG)}),
    ("A COP30 da ONU será em Belém.", {("ONU", ORG)}, {("COP30", PRODUCT)}),
    ("O G20 do Rio terminou.", set(), {("G20", PRODUCT)}),
    # surnames joined by "e" after a title; guards: two people, a given name first
    ("O almirante Gouveia e Melo visitou a base.", {("Gouveia e Melo", PERSON)}, {("Gouveia", PLACE)}),
    ("O embaixador Melo e Castro recebeu o prémio.", {("Melo e Castro", PERSON)}, set()),
    ("O presidente Lula e Janja visitaram Belém.", {("Lula", PERSON)}, {("Lula e Janja", PERSON)}),
    # a road named after a person where the text tells of traffic; guards: a person after "a", a body by its head
    ("Os caminhões seguiram pela Washington Luís até Bauru.", {("Washington Luís", PLACE)},
     {("Washington Luís", ORG)}),
    ("O caminhão seguia pela Marechal Rondon quando a Polícia Militar parou.",
     {("Marechal Rondon", PLACE), ("Polícia Militar", ORG)}, {("Polícia Militar", PLACE)}),
    ("O motorista disse a Pedro Álvares que a estrada estava fechada.", {("Pedro Álvares", PERSON)},
     {("Pedro Álvares", PLACE)}),
    # a letter reaches a person; guard: pilgrims reach a town
    ("A carta chegou a Maria na sexta-feira.", {("Maria", PERSON)}, {("Maria", PLACE)}),
    ("Os peregrinos chegaram a Fátima ontem.", {("Fátima", PLACE)}, {("Fátima", PERSON)}),
])
def test_rules_of_probe_46(app, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied paragraphs: "near Stonehenge" an organisation, "in Brest" an organisation and "Lloyd's List"
# missed, "a Imigrantes" (a road of one word) and "para a Batalha" missed, clubs named by a title ("o Rainha do
# Sertão") or after a person ("o Sampaio Corrêa", a person). "its Sky Glass service" is a product since entities47.
LEFT_OPEN = {"e01": {("Stonehenge", "ORG")}, "e02": {("Brest", "ORG")}, "p09": {("Sampaio Corrêa", "PER")}}
LEFT_MISSED = {
    "e01": {"Stonehenge"}, "e02": {"Brest", "Lloyd's List"}, "p02": {"Imigrantes"},
    "p05": {"Batalha"},
    "p09": {"Rainha do Sertão", "Sampaio Corrêa"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)


# The blind paragraphs (written and committed before any plugin read them, in 687f811; run once with 1.2.68's rules at
# 7adc656: 78 of 89 names, 10 wrong; main's code 76 of 89, 12 wrong). Left open: "near Appleby" and "the Settle-Carlisle
# line" organisations, "when Palma ... are busiest" an organisation, "The Association of British Travel Agents urged
# talks" run on over its verb, "pela Anhanguera" (a road of one word) an organisation, "FURIA" missed, "junto a
# Esposende" an organisation. Found since entities47's rules (told as kinds in its studied set): "Jet2", "A Riot Games",
# "o supercomputador Santos Dumont", "a A28"; since entities48's, "A editora Companhia das Letras" (was cut to
# "Companhia"); since s49-entities', "FURIA" (a side of a score after its article: "venceu a FURIA por 2 a 0").
BLIND = [json.loads(line) for line in (FIXTURES / "entities46" / "blind.jsonl").read_text(encoding="utf-8")
         .splitlines()]
BLIND_LEFT_OPEN = {
    "b01": {("Appleby", "ORG"), ("Settle-Carlisle line", "ORG")},
    "b05": {("Palma", "ORG"), ("The Association of British Travel Agents urged talks", "ORG")},
    "q02": {("Anhanguera", "ORG")}, "r03": {("Esposende", "ORG")},
}
BLIND_LEFT_MISSED = {
    "b01": {"Appleby"}, "b05": {"Association of British Travel Agents", "Palma"}, "q02": {"Anhanguera"},
    "r03": {"Esposende"},
}


def test_names_of_the_blind_paragraphs(app):
    assert_names_found(app, BLIND, BLIND_LEFT_OPEN, BLIND_LEFT_MISSED)
