"""Entities probe 28 (fixtures/entities28): the misses left by entities probe 27's blind run and Portuguese roles
before men's names, each with guards, and the studied sentences' names as their truth says.

The truth (64 studied sentences) was written and committed before the plugins read the texts; the scoring is the
seventh news probe's (``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from plugins.entities import PORTUGUESE_GIVEN_NAMES_FILE, all_given_names, word_list
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

SENTENCES = studied_paragraphs("entities28")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a body after researchers, experts or a survey's noun, a place to the model; guards: places the gazetteer knows
    ("Segundo levantamento do Dieese, a cesta básica subiu.", {("Dieese", "Organization")}, {("Dieese", "Place")}),
    ("Pesquisadores do Butantan testam uma vacina.", {("Butantan", "Organization")}, {("Butantan", "Place")}),
    ("Investigadores da Nova SBE analisaram os salários.", {("Nova SBE", "Organization")}, {("Nova SBE", "Place")}),
    ("Um estudo da Bahia mostra que a seca piorou.", {("Bahia", "Place")}, {("Bahia", "Organization")}),
    ("Cientistas do Brasil e da Argentina assinaram a carta.", {("Brasil", "Place"), ("Argentina", "Place")},
     {("Brasil", "Organization")}),
    # an English club the side of a win or a defeat, or leaving the relegation zone; guard: a person beaten
    ("Arsenal went top with a win over Leeds on Saturday.", {("Leeds", "Organization")}, {("Leeds", "Place")}),
    ("Leeds climbed out of the relegation zone after a draw with Everton.", {("Leeds", "Organization")},
     {("Leeds", "Place")}),
    ("Biden's win over Trump in 2020 was narrow.", {("Trump", "Person")}, {("Trump", "Organization")}),
    # a Portuguese club into a zone of the table, or after an infinitive of the match
    ("O Fortaleza caiu para a zona de rebaixamento.", {("Fortaleza", "Organization")}, {("Fortaleza", "Place")}),
    ("O Grêmio perdeu força depois de perder para o Bahia.", {("Bahia", "Organization")}, {("Bahia", "Place")}),
    # a company after a possessive, a demonym and its relation; a demonym after a possessive is no name; guards: a
    # rival or an owner who is a person
    ("Temu's Chinese parent PDD Holdings reported lower profits.", {("PDD Holdings", "Organization")}, set()),
    ("Samsung's South Korean rival LG Electronics cut its forecast.",
     {("Samsung", "Organization"), ("LG Electronics", "Organization")},
     {("South Korean", "Person"), ("South Korean", "Organization"), ("Samsung's South Korean", "Organization")}),
    ("Trump's rival Kamala Harris conceded on Wednesday.", {("Kamala Harris", "Person")},
     {("Kamala Harris", "Organization")}),
    ("Chelsea's American owner Todd Boehly spoke.", {("Todd Boehly", "Person")}, {("Todd Boehly", "Organization")}),
    # a club a pattern knows as a place before its coach; guard: a governor's state
    ("O técnico do São Paulo Hernán Crespo elogiou o time.",
     {("São Paulo", "Organization"), ("Hernán Crespo", "Person")}, {("São Paulo", "Place")}),
    ("O governador de São Paulo Tarcísio de Freitas visitou a obra.",
     {("São Paulo", "Place"), ("Tarcísio de Freitas", "Person")}, set()),
    # a portfolio opening the person's span after a role; a man's given name of the Portuguese training data cuts a
    # club from its coach; guard: a given name after "de" is a surname
    ("A ministra da Saúde Ana Paula Martins visitou o hospital.", {("Ana Paula Martins", "Person")},
     {("Saúde Ana Paula Martins", "Person")}),
    ("O treinador do Vitória Rui Borges chegou ontem.", {("Vitória", "Organization"), ("Rui Borges", "Person")},
     {("Vitória Rui Borges", "Person")}),
    ("A vereadora do Rio Tainá de Paula criticou a prefeitura.", set(), {("Paula", "Person")}),
    # deputado, senador, vereador before a body and the person
    ("O deputado do PT Lindbergh Farias discursou.", {("PT", "Organization"), ("Lindbergh Farias", "Person")},
     set()),
    ("O senador do MDB Renan Calheiros votou contra.", {("MDB", "Organization"), ("Renan Calheiros", "Person")},
     {("MDB Renan Calheiros", "Organization")}),
])
def test_misses_noticed_before_entities_probe_28(app, text: str, expected: set[tuple[str, str]],
                                                 absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


def test_portuguese_mens_given_names_come_from_the_training_data():
    # men's names the English training data's people did not open, and no title or common noun written lowercase
    assert {"Paulo", "Rui", "Marcelo", "Henrique", "Sérgio"} <= all_given_names()
    assert not {"Papa", "Professor", "Dona", "Rosa"} & word_list(PORTUGUESE_GIVEN_NAMES_FILE)


# Left open in the studied set (fixtures/entities28/README.md): the head of state's office (HAREM marks offices as
# people), a party's state branch, a bill's words and its place as one English organisation. (The journal after
# "publicaram o estudo na", a place to the model, is an organisation since entities probe 29.)
LEFT_OPEN = {"k20": {("Presidente da República", "ORG")},
             "s21": {("PL de Minas Gerais", "ORG")}, "e22": {("AI safety bill in Sacramento", "ORG")}}
LEFT_MISSED = {"s21": {"PL", "Minas Gerais"}, "e22": {"Sacramento"}}


def test_names_of_the_studied_sentences(app):
    assert_names_found(app, SENTENCES, LEFT_OPEN, LEFT_MISSED)
