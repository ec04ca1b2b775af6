"""The eighteenth news probe (fixtures/news_probe18): its studied paragraphs' names as its truth says, and the rules
it led to (the misses noticed after news probe 17 first), each on other sentences with a guard that must not change.

The truth was written before the plugins read the texts; the scoring is the seventh probe's
(``tests/test_news_probe7.py``).
"""

from __future__ import annotations

import pytest

from tests.test_entities import assert_names
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news_probe18")
# Left open (fixtures/news_probe18/README.md); "a Category 5 storm" no organisation since news probe 19.
MISSED = {"p01": {"Sisu"}}
WRONG = {"e02": {("Boeing", "ORG")}}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG, MISSED)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a British party's short name before its politician's role ("Labour councillor Tom Renhard": Labour missed)
    ("Bristol City Council voted on Tuesday. Labour councillor Tom Renhard called the vote rushed.",
     {("Labour", "Organization"), ("Tom Renhard", "Person")}, set()),
    ("Green candidate Ann Lee won the seat.", {("Green", "Organization"), ("Ann Lee", "Person")}, set()),
    # guard: the common noun opening a sentence is no party
    ("Labour costs rose 4% in March.", set(), {("Labour", "Organization")}),
    # a sentence's article before a name ending on an institution's head is cut
    ("The West of England Combined Authority will review the plan in January.",
     {("West of England Combined Authority", "Organization")},
     {("The West of England Combined Authority", "Organization")}),
    # guard: a name without such a head keeps what it had ("The Athletic" is a title)
    ("Crystal Palace agreed a fee, according to The Athletic.", {("The Athletic", "Organization")}, set()),
    # the company whose shares rose, one organisation with "Shares of" or a place
    ("They will seek a ban through the International Trade Commission. Shares of Masimo rose 6% on the Nasdaq.",
     {("Masimo", "Organization")}, {("Shares of Masimo", "Organization")}),
    ("Shares in Ryanair rose 2% in early trading.", {("Ryanair", "Organization")}, {("Ryanair", "Place")}),
    # guards: a market's region keeps its pattern, and a town before "-based" stays a place
    ("Shares in Asia fell, and shares in Japan rose.", {("Asia", "Place"), ("Japan", "Place")},
     {("Asia", "Organization"), ("Japan", "Organization")}),
    ("Shares of the Tallinn-based company rose.", {("Tallinn", "Place")}, {("Tallinn-based", "Organization")}),
    # the club a player moves from or to ("from Dortmund" a place)
    ("Chelsea signed winger Jamie Gittens from Dortmund.",
     {("Chelsea", "Organization"), ("Dortmund", "Organization"), ("Jamie Gittens", "Person")}, set()),
    # guard: a place after "from" without a player's move stays one
    ("Chelsea fans travelled from Dortmund by train.", set(), {("Dortmund", "Organization")}),
    # Santa Casa da Misericórdia, an institution, not a place
    ("A unidade será gerida pela Santa Casa da Misericórdia. A Santa Casa da Misericórdia de Braga abriu outra.",
     {("Santa Casa da Misericórdia", "Organization"), ("Santa Casa da Misericórdia de Braga", "Organization")},
     {("Santa Casa da Misericórdia", "Place")}),
    # kin named after their plural noun ("her children, Anne and Robert": Robert missed)
    ("She married Geoffrey Hollis in 1961. She leaves her children, Anne and Robert, five grandchildren and two "
     "great-grandchildren.", {("Anne", "Person"), ("Robert", "Person")}, set()),
    ("Deixa os filhos, Ana e Pedro, e cinco netos.", {("Ana", "Person"), ("Pedro", "Person")}, set()),
    # guard: kin without names
    ("He has two children and lives in Paris.", {("Paris", "Place")}, {("Paris", "Person")}),
    # the maker's watch is a product, not an organisation (already so before this probe)
    ("A federal judge ordered Apple to pay $634 million after a jury found the Apple Watch infringed a patent.",
     {("Apple", "Organization"), ("Apple Watch", "Product")}, {("Apple Watch", "Organization")}),
])
def test_misses_noticed_before_the_eighteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                         absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the Holy See, Caritas and its national branches, Euronext and airlines by gazetteer
    ("The Holy See's spokesman said Caritas Lebanon had asked for aid.",
     {("Holy See", "Organization"), ("Caritas Lebanon", "Organization")}, {("Caritas Lebanon", "Place")}),
    ("Ryanair has ordered more jets, and easyJet and Lufthansa will follow. Shares rose on Euronext.",
     {("Ryanair", "Organization"), ("easyJet", "Organization"), ("Lufthansa", "Organization"),
      ("Euronext", "Organization")}, {("Euronext", "Place")}),
    # a Mass is a rite, no name
    ("The trip would include a Mass in Beirut.", {("Beirut", "Place")}, {("Mass", "Organization")}),
    # a dam's water named with "do" ("a barragem do Alqueva", a person)
    ("O presidente diz que a barragem do Alqueva garantiu a rega.", {("Alqueva", "Place")},
     {("Alqueva", "Person")}),
    # guard: a stadium "do" a club is the club's
    ("O jogo será no estádio do Benfica.", {("Benfica", "Organization")}, {("Benfica", "Place")}),
    # an artist after a retrospective ("uma retrospectiva de Tarsila do Amaral", a place)
    ("O museu abre no sábado uma retrospectiva de Tarsila do Amaral com 90 obras.",
     {("Tarsila do Amaral", "Person")}, {("Tarsila do Amaral", "Place")}),
])
def test_studied_fixes_of_the_eighteenth_news_probe(app, text: str, expected: set[tuple[str, str]],
                                                    absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)
