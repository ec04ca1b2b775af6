"""News probe 19 (fixtures/news19): the misses noticed after news probe 18 and seed-shaped probe 25, each on a
sentence like the one it was seen in with a guard, and the studied paragraphs' names as their truth says.

The truth was written before the plugins read the texts; the scoring is the seventh news probe's
(``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news19")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an app as its sentence's subject before what it shows or lets people do: the app, a product
    ("O WhatsApp passou a exibir anúncios na aba Atualizações, informou a Meta.",
     {("WhatsApp", "Product"), ("Meta", "Organization")}, {("WhatsApp", "Organization")}),
    ("Instagram now lets users repost videos, Meta said.", {("Instagram", "Product")}, set()),
    # guard: the company that owns the app stays one where it acts as a company
    ("O WhatsApp informou que vai recorrer da multa.", {("WhatsApp", "Organization")}, {("WhatsApp", "Product")}),
    # a product's name with a field's prefix glued by a dash ("Med-Gemini", a person)
    ("A Rede D'Or fechou um acordo com o Google para usar o Med-Gemini em seus hospitais.",
     {("Med-Gemini", "Product"), ("Google", "Organization")}, {("Med-Gemini", "Person"), ("Gemini", "Product")}),
    # a company named by a letter, a dash and a lowercase word ("X-energy", a place)
    ("Amazon said it would invest $500 million in X-energy, Bloomberg reported.",
     {("X-energy", "Organization")}, {("X-energy", "Place")}),
    # guard: an X-ray is no company
    ("Doctors read the X-rays in minutes.", set(), {("X-rays", "Organization")}),
    # the hospital named by its patron's surname, before its full name ("o Einstein", a person)
    ("Enquanto isso, o Einstein e a Rede D'Or correm atrás: o Hospital Israelita Albert Einstein investiu R$ 150 "
     "milhões em IA desde 2022.",
     {("Einstein", "Organization"), ("Hospital Israelita Albert Einstein", "Organization")}, {("Einstein", "Person")}),
    # guard: the person stays one where no organisation bears the name
    ("O físico Albert Einstein publicou a teoria da relatividade em 1915.", {("Albert Einstein", "Person")},
     {("Albert Einstein", "Organization")}),
    # "o Governo indiano": the government said of by its demonym, as "o Estado francês" (a stray "Governo")
    ("Segundo o Governo indiano, a Tata Electronics vai investir 11 mil milhões de dólares.",
     {("Tata Electronics", "Organization")}, {("Governo", "Organization")}),
    # a storm's category is no organisation
    ("Hurricane Melissa made landfall in Jamaica as a Category 5 storm.", {("Jamaica", "Place")},
     {("Category 5 storm", "Organization"), ("Category 5", "Organization")}),
    # the composer's possessive before a work's title: the composer, not one organisation
    ("The Royal Opera House will open its season with Verdi's Aida, directed by Robert Carsen.",
     {("Verdi", "Person"), ("Royal Opera House", "Organization")}, {("Verdi's Aida", "Organization")}),
    # a product's edition for an audience ("Gemini for Education", cut to "Gemini")
    ("O Google ofereceu o Gemini for Education de graça a 45 mil professores do Paraná.",
     {("Gemini for Education", "Product")}, {("Gemini", "Product")}),
    # guard: "for" and a lowercase audience is no edition
    ("Google made Gemini free for students.", {("Gemini", "Product")}, {("Gemini free", "Product")}),
    # an adjective opening the sentence before a product's kind ("Cheap AI chips": "Cheap AI" a product)
    ("Cheap AI chips are the new battleground. Cerebras said its WSE-3 processor trained a model.",
     {("WSE-3", "Product")}, {("Cheap AI", "Product"), ("Cheap AI", "Organization")}),
    # a press release's heading is no organisation ("Press release:" gave "Press")
    ("Press release: Mayo Clinic will open a diagnostic centre in Rochester.",
     {("Mayo Clinic", "Organization")}, {("Press", "Organization")}),
    # guard: the agency keeps its word
    ("The Associated Press reported the deal.", {("Associated Press", "Organization")}, set()),
])
def test_misses_noticed_before_the_nineteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                         absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied set (fixtures/news19/README.md): a programme's last word taken for a place.
WRONG = {"p02": {("Europa", "LOC")}}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG, {})


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # institutions headed "Ordem" and "Direção" ("A Ordem dos Médicos considera", missed; "Direção Executiva do SNS"
    # cut to "SNS")
    ("O bastonário da Ordem dos Advogados criticou a Direção Executiva do SNS.",
     {("Ordem dos Advogados", "Organization"), ("Direção Executiva do SNS", "Organization")},
     {("SNS", "Organization")}),
    ("Segundo o Executivo espanhol, o plano avança.", set(), {("Executivo", "Organization")}),
    # a performer named by voice or instrument before the name
    ("Tenor Freddie De Tommaso sang at the Proms.", {("Freddie De Tommaso", "Person")},
     {("Tenor Freddie De Tommaso", "Person")}),
    # a company said of by its town after "the"
    ("The London company announced a new season on Thursday.", {("London", "Place")},
     {("London company", "Organization")}),
    # the author before a possessive and a credited work
    ("Shakespeare's Hamlet, directed by Robert Icke, opens in May.",
     {("Shakespeare", "Person"), ("Robert Icke", "Person")}, {("Shakespeare's Hamlet", "Organization")}),
    # a person in commas after a role's noun is split from the model's span over the company (the studied e01's
    # "Google's education chief, Shantanu Sinha,"; the model seldom runs on so); guards: a band after a capitalised
    # "Head" in a list, and a company in commas after a noun, stay organisations
    ("Musically, the band is influenced by Alice in Chains, Pantera, Korn, Machine Head, Pearl Jam, Pink Floyd and "
     "Tool.", {("Pearl Jam", "Organization")}, {("Pearl Jam", "Person")}),
    ("The company's owner, Acme Holdings, said no.", {("Acme Holdings", "Organization")},
     {("Acme Holdings", "Person")}),
    # a scorer opening the score, an organisation to the model after a match's sentence
    ("O Palmeiras venceu o Santos. Vitor Roque abriu o placar aos 12 minutos.", {("Vitor Roque", "Person")},
     {("Vitor Roque", "Organization")}),
    # a club named after a place, back on the pitch against another ("contra o Bahia" a place)
    ("O Grêmio volta a campo no sábado contra o Goiás, em Goiânia.",
     {("Goiás", "Organization"), ("Goiânia", "Place")}, {("Goiás", "Place")}),
    # guard: a state visited stays a place
    ("O presidente viajou à Bahia no sábado.", {("Bahia", "Place")}, {("Bahia", "Organization")}),
    # a kind of product described at a sentence's start, plural too; a company so named keeps its name
    ("Faster AI models are coming, analysts say.", set(), {("Faster AI", "Organization"), ("Faster AI", "Product")}),
    ("Stability AI models are popular.", {("Stability AI", "Organization")}, set()),
    # an edition for an audience, and a field's prefix glued to a known model
    ("OpenAI sells ChatGPT for Teams to firms.", {("ChatGPT for Teams", "Product")}, set()),
    ("A Google lançou o Med-PaLM em 2023.", {("Med-PaLM", "Product")}, {("Med-PaLM", "Person")}),
    ("O Jean-Pierre chegou ontem a Paris.", set(), {("Jean-Pierre", "Product")}),
    # a letter-dash-lowercase company the gazetteer does not know (a place to the model)
    ("Google ordered reactors from Kairos Power, and Amazon said it would invest $500 million in Y-energy, Bloomberg "
     "reported.", {("Y-energy", "Organization")}, {("Y-energy", "Place")}),
    # an app that gains a feature
    ("O Instagram ganhou um novo recurso de mensagens.", {("Instagram", "Product")}, set()),
    # a reactor's model before its noun ("its first Xe-100 reactors", missed)
    ("GE Vernova will build its BWRX-300 reactors in Ontario.", {("BWRX-300", "Product")}, set()),
    # a role opening the sentence is no owner of "its" ("Chief executive Clay Sell said ... its plant" gave "Chief")
    ("The plant is in Texas. Chief executive Clay Sell said the money would pay for its TRISO-X plant.",
     {("Clay Sell", "Person")}, {("Chief", "Organization")}),
])
def test_studied_fixes_of_the_nineteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                    absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)
