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
