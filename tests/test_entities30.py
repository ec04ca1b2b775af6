"""Entities probe 30 (fixtures/entities30): the known misses of session 29 (a company's sector word ending its name, a
club after a match's verb, a stage's group letter, a company's officer after a carmaker, Brazilian parties' codes, an
acronym after a spaced dash), each with guards, and the studied texts' names as their truth says.

The truth (26 studied texts) was written and committed before the plugins read the texts; the scoring is the seventh
news probe's (``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

SENTENCES = studied_paragraphs("entities30")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a company's sector word ends its name, whatever the model guessed; guard: a person's name
    ("A Vale vendeu a unidade para a Manara Minerals, da Arábia Saudita.", {("Manara Minerals", "Organization")},
     {("Manara Minerals", "Person")}),
    ("Shares of Lynas Rare Earths rose after Iluka Resources said it would build a refinery.",
     {("Iluka Resources", "Organization")}, {("Iluka Resources", "Person")}),
    ("A Aegea Saneamento venceu o leilão.", {("Aegea Saneamento", "Organization")}, {("Aegea Saneamento", "Place")}),
    # the other side of a Portuguese match, with its article, is a club though the model read a person
    ("O Benfica empatou com o Famalicão e ficou a cinco pontos do FC Porto.", {("Famalicão", "Organization")},
     {("Famalicão", "Person")}),
    # a letter after a group noun names a stage's group; guard: a company after "o grupo"
    ("O Brasil caiu no grupo E da Copa do Mundo.", {("Brasil", "Place")}, {("E", "Organization")}),
    ("A seleção ficou no grupo C e estreia contra o Marrocos.", set(), {("C", "Organization")}),
    ("O grupo Rede D'Or comprou o hospital.", {("Rede D'Or", "Organization")}, set()),
    ("A fusão foi aprovada pelo grupo E.ON na Alemanha.", {("E.ON", "Organization")}, set()),
    # a company's officer after a carmaker and its role: the maker and the person, no vehicle's model; guard: a model
    ("O CEO da BMW Oliver Zipse disse que a empresa vai investir na China.",
     {("BMW", "Organization"), ("Oliver Zipse", "Person")}, {("BMW Oliver Zipse", "Product")}),
    ("O presidente-executivo da Volkswagen Oliver Blume disse que a fábrica não será fechada.",
     {("Volkswagen", "Organization"), ("Oliver Blume", "Person")}, {("Volkswagen Oliver Blume", "Product")}),
    ("A diretora financeira da Natura Silvia Vilas Boas afirmou que a empresa vai reduzir a dívida.",
     {("Natura", "Organization"), ("Silvia Vilas Boas", "Person")}, {("Natura Silvia Vilas Boas", "Organization")}),
    ("O chefe da Tesla Elon Musk disse que as vendas vão subir.", {("Tesla", "Organization"), ("Elon Musk", "Person")},
     {("Tesla Elon Musk", "Product")}),
    ("A Renault lançou o Renault Kwid E-Tech no Brasil.", {("Renault Kwid E-Tech", "Product")}, set()),
    # Brazilian parties by their codes, where a headline opens with one
    ("PSOL pede cassação de deputado.", {("PSOL", "Organization")}, set()),
    ("MDB lança candidatura de Simone Tebet.", {("MDB", "Organization"), ("Simone Tebet", "Person")}, set()),
    ("PSOL aciona o STF contra a lei.", {("PSOL", "Organization"), ("STF", "Organization")}, set()),
    # an acronym after a spaced dash ends a name's span and stands alone
    ("He spent three seasons with the Rochester Americans - AHL before the Buffalo Sabres called him up.",
     {("Rochester Americans", "Organization"), ("AHL", "Organization")}, set()),
])
def test_misses_noticed_after_entities_probe_29(app, text: str, expected: set[tuple[str, str]],
                                                absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open: a town before a plant's noun, which names the owner as often ("the Windsor plant in Ontario": an
# organisation; "the Tesla plant"). A stadium by its nickname ("na Amoreira") was missed until session 31's stadiums.
LEFT_OPEN = {"e02": {("Windsor", "ORG")}}
LEFT_MISSED = {"e02": {"Windsor"}}


def test_a_resident_lives_in_a_place(app):
    assert_names(app, "Moradores de Paraisópolis reclamam da falta de água.", {("Paraisópolis", "Place")},
                 {("Moradores de Paraisópolis", "Place")})


def test_names_of_the_studied_sentences(app):
    assert_names_found(app, SENTENCES, LEFT_OPEN, LEFT_MISSED)
