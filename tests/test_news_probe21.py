"""News probe 21 (fixtures/news21): the misses noticed by probe 20, each with guards, and the studied sentences'
names as their truth says.

The truth (42 studied sentences, 21 blind) was written and committed before the plugins read the texts; the scoring
is the seventh news probe's (``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

SENTENCES = studied_paragraphs("news21")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a player of two words before a verb of scoring, whatever the English model guessed
    ("Bukayo Saka scored twice and Declan Rice added a third.", {("Bukayo Saka", "Person")},
     {("Bukayo Saka", "Organization")}),
    # guards: a club's word ends or opens the name, or a pattern knows a part of it; a given name before a club's word
    ("Aston Villa scored late to draw with Tottenham.", {("Aston Villa", "Organization"), ("Tottenham", "Organization")},
     {("Aston Villa", "Person"), ("Tottenham", "Place")}),
    ("Crystal Palace scored twice in the second half.", {("Crystal Palace", "Organization")},
     {("Crystal Palace", "Person")}),
    ("David Villa scored twice.", {("David Villa", "Person")}, {("David Villa", "Organization")}),
    # a club's word opens no person's name
    ("Real Madrid striker Kylian Mbappé missed a penalty against Athletic Bilbao.",
     {("Real Madrid", "Organization"), ("Kylian Mbappé", "Person"), ("Athletic Bilbao", "Organization")},
     {("Athletic Bilbao", "Person")}),
    # a Portuguese player without an article before an infinitive of what a player does
    ("O Sporting venceu, antes de Samu reduzir para os portistas.", {("Samu", "Person")}, {("Samu", "Place")}),
    # guard: a town a pattern knows keeps its label
    ("Antes de Lisboa perder o título, o clube venceu.", {("Lisboa", "Place")}, {("Lisboa", "Person")}),
    # a company's shares by their article alone, after the sentence's shares; guard: a known place keeps its label
    ("As ações da empresa subiram 3%, enquanto as da Marfrig recuaram 1%.", {("Marfrig", "Organization")},
     {("Marfrig", "Place")}),
    ("As ações da Petrobras subiram, e as do Japão caíram.", {("Japão", "Place")}, {("Japão", "Organization")}),
    # an accented preterite after two subjects
    ("A Marfrig e a BRF concluíram a fusão.", {("Marfrig", "Organization"), ("BRF", "Organization")},
     {("Marfrig", "Place")}),
    # a public body's noun before its name
    ("Output fell in May, the federal statistics office Destatis said.", {("Destatis", "Organization")},
     {("Destatis", "Place")}),
    ("O gabinete de estatísticas europeu Eurostat divulgou os dados.", {("Eurostat", "Organization")},
     {("Eurostat", "Person")}),
    # guards: a holder after "do" is no body's name; nor is a day after the noun
    ("O gabinete do primeiro-ministro Luís Montenegro reagiu.", {("Luís Montenegro", "Person")},
     {("Luís Montenegro", "Organization")}),
    ("He told the agency Friday that he would resign.", set(), {("Friday", "Organization")}),
    # a player's role after the club, cut from it; the club before a role was missed
    ("Liverpool forward Mohamed Salah has signed a new contract.",
     {("Liverpool", "Organization"), ("Mohamed Salah", "Person")}, {("Liverpool forward", "Organization")}),
    ("Arsenal midfielder Declan Rice was booked.", {("Arsenal", "Organization")}, set()),
    # a road after a feminine preposition's article, or the road's noun and number (LOC: HAREM's and LeNER-Br's
    # annotators' choice; WikiANN's roads are organisations)
    ("Um ônibus caiu de uma ponte na BR-116, em Minas Gerais.", {("BR-116", "Place")}, {("BR-116", "Organization")}),
    ("O acidente na SP-330 matou dois motoristas.", {("SP-330", "Place")}, {("SP-330", "Organization")}),
    ("A bridge on Interstate 95 collapsed after a tanker fire.", {("Interstate 95", "Place")},
     {("A bridge on Interstate 95", "Organization")}),
    ("Traffic on the M25 was halted after a lorry crash.", {("M25", "Place")}, {("M25", "Organization")}),
    # guards: a title's road is left to the model; Apple's chip stays a product; Audi's car is masculine
    ("João Pessoa - Interseção com a BR-101", set(), {("BR-101", "Place")}),
    ("Apple's new MacBook Air runs on the M4 chip, which closed the gap.", {("M4", "Product")}, {("M4", "Place")}),
    ("O Audi A1 chega ao Brasil.", set(), {("A1", "Place")}),
    # a team by its university, cut from the noun; guard: a national team's qualifiers keep the name whole
    ("The Oxford team behind the vaccine published its results.", {("Oxford", "Organization")},
     {("Oxford team", "Organization")}),
    ("He played for the Georgia national football team.", set(), {("Georgia", "Organization")}),
    # an accelerator by its noun, by a lone capital; guard: a letter and a dash is still a car's model
    ("A aceleradora Y-Combinator investiu na Cloudwalk.", {("Y-Combinator", "Organization")},
     {("Y-Combinator", "Product")}),
    ("The startup, backed by Y Combinator, raised $20 million.", {("Y Combinator", "Organization")},
     {("Y Combinator", "Person")}),
    ("O novo T-Roc chega em março.", {("T-Roc", "Product")}, set()),
    # an app's features, and the app after one; an app is no place
    ("O Instagram passou a mostrar anúncios nos Reels, disse a Meta.", {("Reels", "Product")},
     {("Reels", "Person")}),
    ("A Meta testa anúncios nos Reels do Instagram.", {("Reels", "Product"), ("Instagram", "Product")},
     {("Reels do Instagram", "Person")}),
    ("YouTube Shorts will allow longer videos, Google said.", {("YouTube Shorts", "Product")},
     {("YouTube Shorts", "Person")}),
    ("Instagram Reels now has more viewers than TikTok in India.", {("Instagram Reels", "Product")},
     {("TikTok", "Place")}),
])
def test_misses_noticed_before_the_twenty_first_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                           absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied set (fixtures/news21/README.md), found since news probe 22 (tests/test_news22.py): a player
# named right after his role and club, without commas ("O atacante do Flamengo Pedro foi convocado").
MISSED: dict[str, set[str]] = {}


def test_names_of_the_studied_sentences(app):
    assert_names_found(app, SENTENCES, {}, MISSED)
