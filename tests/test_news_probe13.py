"""The thirteenth news probe (fixtures/news_probe13): its studied paragraphs' names and claims as its truth
says, and the rules it led to, each on other sentences with a guard that must not change.

The truth was written before the plugins read the texts; the scoring is the
seventh probe's (``tests/test_news_probe7.py``).
"""

from __future__ import annotations


import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_entities import assert_names, names_in_order
from tests.test_news_probe7 import assert_claims_found, assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news_probe13")
# Left open (fixtures/news_probe13/README.md): a rail service's brand before lowercase nouns after "the" ("the
# Lumo open-access service", a place to the model; the nouns are cut since the blind fixes).
MISSED = {"s02": {"Lumo"}}
WRONG = {"s02": {("Lumo", "LOC")}}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG, MISSED)


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_paragraphs(paragraph):
    assert_claims_found(paragraph)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an English institution by the capitalised words before its head ("High Court", "Competition Appeal
    # Tribunal"), also joined by "and"
    ("Lawyers said the Employment Appeal Tribunal would hear the case again.",
     {("Employment Appeal Tribunal", "Organization")}, set()),
    ("Shares fell after the Energy and Climate Change Commission opened an inquiry.",
     {("Energy and Climate Change Commission", "Organization")}, {("Climate Change Commission", "Organization")}),
    # guard: a head alone, or after a sentence's function word, is no name
    ("The court said it would rule in May. In Court the lawyers were quiet.", set(),
     {("Court", "Organization"), ("In Court", "Organization")}),
    # a company's name ending in "Rail"
    ("Beacon Rail leased 30 trains to the operator.", {("Beacon Rail", "Organization")},
     {("Beacon Rail", "Person")}),
    # an English sentence's subject that owns something with "its" is no person
    ("Wessex Trent sold its stake to a fund.", {("Wessex Trent", "Organization")}, {("Wessex Trent", "Person")}),
    ("Kingfisher cut its profit forecast on Tuesday.", {("Kingfisher", "Organization")}, set()),
    # a company before the price it was sold to or bought from for
    ("Thames Water sold its stake to Ardian for £455 million.", {("Ardian", "Organization")}, {("Ardian", "Place")}),
    # guard: a known place keeps its label, a person owns with "his"
    ("Germany raised its defence budget by 8%.", {("Germany", "Place")}, {("Germany", "Organization")}),
    ("Peter Morgan raised his offer on Tuesday.", {("Peter Morgan", "Person")}, {("Peter Morgan", "Organization")}),
    ("Peter Morgan remains its chairman after the vote.", {("Peter Morgan", "Person")},
     {("Peter Morgan", "Organization")}),
])
def test_english_names_of_the_thirteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                    absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


@pytest.mark.parametrize(("text", "expected"), [
    # a one-word organisation named again later is the same organisation ("that Ofwat had acted" was a place)
    ("Ofwat said bills will rise. The court ruled that Ofwat had acted lawfully.",
     [("Ofwat", "Organization"), ("Ofwat", "Organization")]),
    # where the model saw no name later, the organisation is named there too (news probe 14; it was not added then)
    ("Ofgem said bills will rise. The court ruled that Ofgem had acted lawfully.",
     [("Ofgem", "Organization"), ("Ofgem", "Organization")]),
    # guard: the word inside a longer name later is that name's
    ("Ofgem said bills will rise. The Ofgem Review Panel met on Monday.",
     [("Ofgem", "Organization"), ("The Ofgem Review", "Organization")]),
])
def test_later_mentions_of_an_organisation(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a buyer or seller after "à"/"ao" (maybe "ao fundo") before the price is an organisation
    ("A empresa vendeu a rede de hotéis à Blackstone por 900 milhões de euros.", {("Blackstone", "Organization")},
     {("Blackstone", "Place")}),
    ("A empresa vendeu 40% do capital ao fundo Patria por R$ 2 bilhões.", {("Patria", "Organization")}, set()),
    # guard: a person before the price stays one, and a known place keeps its label
    ("O clube vendeu o avançado ao Joaquim por 20 milhões de euros.", {("Joaquim", "Person")},
     {("Joaquim", "Organization")}),
    ("O governo vendeu petróleo à China por 3 mil milhões de dólares.", {("China", "Place")},
     {("China", "Organization")}),
    # a marketplace where purchases are made
    ("Os clientes fizeram compras na Kabum em novembro.", {("Kabum", "Organization")}, {("Kabum", "Place")}),
    ("As compras na Espanha cresceram 4%.", {("Espanha", "Place")}, {("Espanha", "Organization")}),
    # a club opening a sentence before its report, after the masculine article
    ("O Sampaio Corrêa informou que o estádio estará pronto em março.", {("Sampaio Corrêa", "Organization")}, set()),
    ("O Brasil anunciou novas tarifas.", {("Brasil", "Place")}, {("Brasil", "Organization")}),
    # a dam's or reservoir's name is a place
    ("O nível da barragem de Odeleite subiu.", {("Odeleite", "Place")}, {("Odeleite", "Person")}),
    ("A água da barragem de Castelo de Bode chega a Lisboa.", {("Castelo de Bode", "Place")}, set()),
])
def test_portuguese_names_of_the_thirteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                       absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


def claims_in(text: str, language: str) -> list[str]:
    return [text[s.start:s.end] for s in ClaimAnnotator().annotate(AnalyzedText(text, language_hint=language))]


@pytest.mark.parametrize(("text", "language", "claim"), [
    # an institution or a company due to act within a month or a year: the organiser can confirm it
    ("Regulators are due to publish their verdict in March.", "en", True),
    ("The council is scheduled to vote on the budget by 2027.", "en", True),
    ("The watchdog is due to rule on the merger in June.", "en", True),
    # guard: "due to" a cause, and a plan without a date
    ("I think the rise is due to higher costs in May.", "en", False),
    ("I think the club is due to sign a striker at some point.", "en", False),
])
def test_claims_of_the_thirteenth_news_probe(text: str, language: str, claim: bool):
    assert bool(claims_in(text, language)) is claim


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a name after "the" without the lowercase nouns that say what it is ("the Markbygden project" was whole)
    ("The permit for the Kruger wind project was valid.", {("Kruger", "Organization")},
     {("Kruger wind project", "Organization")}),
    ("Operators praised the Brightline rail service in Florida.", {("Brightline", "Organization")},
     {("Brightline rail service", "Organization")}),
    ("Travellers liked the Ouigo low-cost service.", set(), {("Ouigo low-", "Organization"), ("Ouigo low-", "Place")}),
    # guard: a name that ends on a capitalised word keeps it
    ("Residents opposed the Hornsea Three Wind Farm in court.", set(), {("Hornsea", "Organization")}),
    # the maker a number of things is ordered or bought from ("order 50 new trains from Alstom." was a place)
    ("The city bought 40 electric buses from Solaris.", {("Solaris", "Organization")}, {("Solaris", "Place")}),
    # guard: a known place keeps its label
    ("Poland bought 250 tanks from Korea last year.", {("Korea", "Place")}, {("Korea", "Organization")}),
    # a company a regulator fines by a sum, after the feminine article ("multou a Shein em R$ 11 milhões" a place)
    ("O Procon multou a Kabum em R$ 3 milhões por atrasos.", {("Kabum", "Organization")}, {("Kabum", "Person")}),
    # guard: a woman fined by her given name stays a person
    ("O tribunal multou a Beatriz Costa em 500 euros.", {("Beatriz Costa", "Person")},
     {("Beatriz Costa", "Organization")}),
    # the writer's verb before "para que" opening a sentence ("Torço para que" was a person)
    ("Torço para que o Grêmio vença no domingo.", {("Grêmio", "Organization")}, {("Torço", "Person")}),
    # guard: a name before "para que" inside a sentence stays
    ("O dinheiro foi enviado ao Grêmio para que pague os salários.", {("Grêmio", "Organization")}, set()),
])
def test_blind_fixes_of_the_thirteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                  absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)
