"""Entities probe 29 (fixtures/entities29): the known misses (a site's name after "The", an organisation after a civic
body's noun, a party's code before a person, a journal after "publicaram ... na") and what the probe's studied texts
showed, each with guards, and the studied texts' names as their truth says.

The truth (34 studied texts) was written and committed before the plugins read the texts; the scoring is the seventh
news probe's (``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from plugins.entities import FEMININE_GIVEN_NAMES_FILE, is_menu_item, word_list
from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

SENTENCES = studied_paragraphs("entities29")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a publication's name: "The" and a publication's head noun, or a page naming itself; guards: a person's name
    # ending in such a noun, a person owning a page's copyright
    ("The Compute Ledger reported that Nvidia sold more chips.", {("The Compute Ledger", "Organization")},
     {("The Compute Ledger", "Person")}),
    ("Subscribe to The Compute Ledger for weekly analysis.", {("The Compute Ledger", "Organization")},
     {("Subscribe to The Compute Ledger", "Organization")}),
    ("The Silicon Compass reported that chips sold. Subscribe to The Silicon Compass.",
     {("The Silicon Compass", "Organization")}, {("Silicon Compass", "Place"), ("The Silicon Compass", "Person")}),
    ("Heath Ledger starred in the film.", {("Heath Ledger", "Person")}, {("Heath Ledger", "Organization")}),
    ("© 2024 Maria Silva. Todos os direitos reservados.", {("Maria Silva", "Person")},
     {("Maria Silva", "Organization")}),
    ("Assine a newsletter do Nexo Jornal.", {("Nexo Jornal", "Organization")},
     {("Assine a newsletter do Nexo Jornal", "Place")}),
    # a journal: after the kind of publication, or after "publicaram ... na"; guard: a known place
    ("The study, published in the journal Nature Medicine, found a link.", {("Nature Medicine", "Organization")},
     {("journal Nature Medicine", "Organization")}),
    ("Pesquisadores da USP publicaram o estudo na Nature nesta semana.", {("Nature", "Organization")},
     {("Nature", "Place")}),
    ("Uma equipa publicou na Cell um estudo sobre bactérias.", {("Cell", "Organization")}, set()),
    ("A equipe publicou o artigo no Brasil.", {("Brasil", "Place")}, {("Brasil", "Organization")}),
    # a civic body's noun and its qualifiers before the name, or in an apposition after it; guards: the noun
    # capitalised as the name's first word, a person after "de"
    ("A associação ambientalista Zero criticou o governo.", {("Zero", "Organization")}, {("Zero", "Person")}),
    ("A ONG Greenpeace criticou o projeto.", {("Greenpeace", "Organization")},
     {("ONG Greenpeace", "Organization")}),
    ("O Observatório do Clima, rede de organizações da sociedade civil, criticou a licença.",
     {("Observatório do Clima", "Organization")}, {("Observatório do Clima", "Place")}),
    ("A Fundação Getulio Vargas divulgou o índice.", {("Fundação Getulio Vargas", "Organization")}, set()),
    ("O grupo de Bolsonaro reagiu.", {("Bolsonaro", "Person")}, {("Bolsonaro", "Organization")}),
    # a party's code before a person whose given name is in no list; guard: a club's code opens its name
    ("A senadora do PP Tereza Cristina defendeu o agronegócio.",
     {("PP", "Organization"), ("Tereza Cristina", "Person")}, {("PP Tereza", "Organization")}),
    ("O deputado do PL Nikolas Ferreira discursou.", {("PL", "Organization"), ("Nikolas Ferreira", "Person")},
     {("PL Nikolas Ferreira", "Organization")}),
    ("O técnico do FC Porto Francesco Farioli falou.",
     {("FC Porto", "Organization"), ("Francesco Farioli", "Person")}, {("FC", "Organization")}),
    # a member of parliament after the party
    ("Labour MP Rosie Duffield quit the party.", {("Labour", "Organization"), ("Rosie Duffield", "Person")},
     {("Labour MP Rosie Duffield", "Organization")}),
    # a name ends before its verb: an irregular past, or a past before lowercase words
    ("The vaccine developed by Oxford University cut hospital admissions by half.",
     {("Oxford University", "Organization")}, {("Oxford", "Organization")}),
    ("The vaccine developed by Oxford University reduced hospital admissions by half.",
     {("Oxford University", "Organization")}, {("Oxford", "Organization")}),
    ("BYD's Chinese rival Geely overtook Tesla in Europe.", {("Geely", "Organization")}, set()),
    # an oil block is a site
    ("A Galp vendeu a sua participação no bloco de Mopane.", {("Mopane", "Place")}, {("Mopane", "Person")}),
    # a site's menu holds no names; guard: a title and its site
    ("Home | Markets | AI | Policy", set(), {("Markets", "Place"), ("Policy", "Organization"),
                                             ("Policy\n", "Organization")}),
    ("Nvidia beats forecasts | Reuters", {("Reuters", "Organization")}, set()),
])
def test_misses_noticed_in_entities_probe_29(app, text: str, expected: set[tuple[str, str]],
                                             absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


def test_a_menu_line_has_three_short_items_between_bars():
    menu = "Home | Markets | AI | Policy\nThe Silicon Ledger"
    assert is_menu_item(menu, menu.index("Markets"), menu.index("Markets") + 7)
    assert not is_menu_item(menu, menu.index("Silicon"), menu.index("Silicon") + 7)
    title = "Nvidia beats forecasts | Reuters"
    assert not is_menu_item(title, title.index("Reuters"), len(title))


def test_brazilian_spellings_of_womens_given_names():
    assert {"Tereza", "Luíza", "Thaís"} <= word_list(FEMININE_GIVEN_NAMES_FILE)


def test_names_of_the_studied_sentences(app):
    assert_names_found(app, SENTENCES, {})
