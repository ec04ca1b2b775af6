"""News probe 20 (fixtures/news20): the misses noticed by earlier probes, each on a sentence like the one it was
seen in with a guard, the studied paragraphs' names as their truth says, and the fixes the studied set showed.

The truth was written before the plugins read the texts; the scoring is the seventh news probe's
(``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news20")


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an author before a possessive and their works; a composer the gazetteer knows
    ("The pianist recorded all of Beethoven's late sonatas.", {("Beethoven", "Person")}, {("Beethoven", "Place")}),
    ("The orchestra played Brahms and Beethoven on Friday night.", {("Brahms", "Person"), ("Beethoven", "Person")},
     {("Beethoven", "Place")}),
    # guard: a company's possessive before what it makes stays the company's
    ("Nvidia's chips sold out in a week.", {("Nvidia", "Organization")}, {("Nvidia", "Person")}),
    # a person's possessive before a band, a clause after it (one organisation, split as owner and person)
    ("Mick Fleetwood played drums in Peter Green's Fleetwood Mac before the band moved to California.",
     {("Peter Green", "Person"), ("Fleetwood Mac", "Organization")},
     {("Peter Green", "Organization"), ("Fleetwood Mac", "Person")}),
    # guard: a company's possessive before its person
    ("Galaxy Digital's Mike Novogratz said bitcoin would rise.",
     {("Galaxy Digital", "Organization"), ("Mike Novogratz", "Person")}, {("Mike Novogratz", "Organization")}),
    # a town before a facility's noun after "a"
    ("Dominic Solanke will miss six weeks, the club said after scans at a London clinic.", {("London", "Place")},
     {("London clinic", "Organization")}),
    # guard: the facility named by its own name keeps it
    ("He was treated at the Mayo Clinic in Rochester.", {("Mayo Clinic", "Organization")}, set()),
    # the exchange where shares trade; guard: a known place there stays one
    ("As ações da Embraer subiram 4% na B3 nesta sexta-feira.", {("B3", "Organization")}, set()),
    ("As ações da Embraer subiram 4% no Brasil.", {("Brasil", "Place")}, {("Brasil", "Organization")}),
    # an aircraft's code after a verb of making it
    ("O acordo reforça a posição da brasileira frente à Airbus, que fabrica o A220.",
     {("A220", "Product"), ("Airbus", "Organization")}, set()),
    ("Boeing makes the 737 MAX in Renton.", {("737 MAX", "Product")}, set()),
    # a service after its crew ("equipe do Samu", a place to the model); guard: a known place there stays one
    ("Uma equipe do Samu atendeu o motorista no local.", {("Samu", "Organization")}, {("Samu", "Place")}),
    ("As equipes do Brasil chegaram ontem.", {("Brasil", "Place")}, {("Brasil", "Organization")}),
    # where a site stands, after its noun ("fab at Dholera", an organisation to the model)
    ("Tata Electronics is building the country's first fab at Dholera with Taiwan's PSMC.",
     {("Dholera", "Place"), ("Tata Electronics", "Organization"), ("PSMC", "Organization")},
     {("Dholera", "Organization"), ("PSMC", "Place")}),
    # guard: no site's noun, no place
    ("Analysts at Jefferies said the company could cut more jobs.", {("Jefferies", "Organization")},
     {("Jefferies", "Place")}),
    # a party before its lowercase noun, a member "of the" party
    ("Jairam Ramesh of the Congress party said the subsidies favoured large groups.",
     {("Jairam Ramesh", "Person"), ("Congress", "Organization")},
     {("Jairam Ramesh of the Congress party", "Person"), ("Congress party", "Organization")}),
    # guard: a party's capitalised noun is its name's
    ("He joined the ruling Bharatiya Janata Party in 2014.", {("Bharatiya Janata Party", "Organization")},
     {("Bharatiya Janata", "Organization")}),
    # a country's company speaking (or its acronym, above: "Taiwan's PSMC"); guard: a country's region is a place
    ("Japan's Renesas said it would expand its joint venture with CG Power.", {("Renesas", "Organization")},
     {("Renesas", "Place")}),
    ("China's Xinjiang is rich in coal.", {("Xinjiang", "Place")}, {("Xinjiang", "Organization")}),
    # the misses fixed by news probe 19, on new sentences: an app showing things, a letter-dash company, the
    # hospital by its patron, the government by its demonym, a storm's category and name, a composer's work with
    # its credit, an edition for an audience, a kind of product described at a sentence's start, a press release
    ("O Instagram passou a mostrar anúncios nos Reels, disse a Meta.", {("Instagram", "Product")},
     {("Instagram", "Organization")}),
    ("Chevron said it would buy fuel from X-energy.", {("X-energy", "Organization")}, {("X-energy", "Place")}),
    ("Pacientes do Einstein relataram atrasos, segundo o Hospital Israelita Albert Einstein.",
     {("Einstein", "Organization")}, {("Einstein", "Person")}),
    ("Segundo o Governo brasileiro, a Petrobras vai investir mais.", {("Petrobras", "Organization")},
     {("Governo", "Organization")}),
    ("Typhoon Ragasa strengthened into a Category 4 storm near Taiwan.", {("Taiwan", "Place")},
     {("Category 4 storm", "Organization"), ("Typhoon Ragasa", "Person")}),
    ("The Met will stage Puccini's Tosca, conducted by Yannick Nézet-Séguin.", {("Puccini", "Person")},
     {("Puccini's Tosca", "Organization")}),
    ("A Microsoft lançou o Copilot for Education no Brasil.", {("Copilot for Education", "Product")},
     {("Copilot", "Product")}),
    ("Cheap Chinese chips are flooding Europe, analysts at Bernstein said.", {("Europe", "Place")},
     {("Cheap Chinese", "Product")}),
    ("Press release: Pfizer will cut prices in Brazil.", {("Pfizer", "Organization")}, {("Press", "Organization")}),
])
def test_misses_noticed_before_the_twentieth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                        absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied set (fixtures/news20/README.md), a scorer the English model takes for a club ("Bukayo Saka
# scored twice"), is a person since news probe 21 (``english_scorers``).
WRONG: dict[str, set[tuple[str, str]]] = {}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a player without an article before widening or narrowing the score, after "e" or a semicolon too
    ("Pedro abriu o placar e Arrascaeta ampliou no segundo tempo; Vitor Roque descontou para o time paulista.",
     {("Arrascaeta", "Person"), ("Vitor Roque", "Person")}, {("Arrascaeta", "Place")}),
    # guard: a club before what it widened
    ("O Benfica ampliou a vantagem no campeonato.", {("Benfica", "Organization")}, {("Benfica", "Person")}),
    # a person after an academic title (since s52-entities2 the title kept in the name, the project's convention, as
    # WikiANN and HAREM keep it); a vaccine's code before its noun
    ("A malaria vaccine was approved, the World Health Organization said. Dr Tedros Adhanom Ghebreyesus called the "
     "R21 vaccine a turning point.",
     {("Dr Tedros Adhanom Ghebreyesus", "Person"), ("R21", "Product")},
     {("Tedros Adhanom Ghebreyesus", "Organization"), ("Dr Tedros Adhanom Ghebreyesus", "Organization"),
      ("R21", "Organization")}),
    # guard: a maker before "vaccine" is whose vaccine, not which
    ("The Pfizer vaccine was approved in May.", {("Pfizer", "Organization")}, {("Pfizer", "Product")}),
    # a party named by its members, and a member "of the" party
    ("The Conservatives, led by Pierre Poilievre, accused the government of weakness.",
     {("Conservatives", "Organization"), ("Pierre Poilievre", "Person")}, set()),
    ("Ana Paula of the Workers' Party spoke.", {("Ana Paula", "Person"), ("Workers' Party", "Organization")},
     {("Workers' Party", "Person")}),
])
def test_studied_fixes_of_the_twentieth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                   absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)
