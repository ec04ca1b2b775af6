"""Entities probe s51-entities2 (fixtures/s51-entities2): s51-entities' leftovers in new sentences: a band after its
noun or "os", a club's gap in the league table, a founder's surname after "de" in a company's name, a firm's national
arm, a cricketer named by their deeds. Each rule in sentences of its own, with guards; the studied paragraphs as their
truth says but the films left open. merge59's output (f4abceca) is in each case's comment."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PER, ORG, PLACE = "Person", "Organization", "Place"


@pytest.mark.parametrize(("text", "expected"), [
    # a club's gap in points to another where the text tells of a league (f4abceca: places) ...
    ("Tottenham are two points behind Newcastle after the draw at Wolves.",
     [("Tottenham", ORG), ("Newcastle", ORG), ("Wolves", PLACE)]),
    ("O Benfica está agora dois pontos à frente do Porto na classificação.", [("Benfica", ORG), ("Porto", ORG)]),
    # ... not a poll's gap
    ("Labour is now ten points ahead of Reform in the latest polls.", [("Reform", ORG)]),
    ("Lula tem dez pontos de vantagem sobre o Tarcísio na pesquisa Datafolha.",
     [("Lula", PER), ("Tarcísio", PER), ("Datafolha", ORG)]),
    # nor a driver the model reads as a person
    ("Verstappen is 30 points clear of Norris after winning in Austin.", [("Norris", PER), ("Austin", PLACE)]),
    # a band's or a group's name after its noun (f4abceca: "Last night the Welsh band Stereophonics", a place) ...
    ("Last night the Welsh band Stereophonics closed the festival in Cardiff.",
     [("Stereophonics", ORG), ("Cardiff", PLACE)]),
    ("The American band Vampire Weekend will tour Europe in March.", [("Vampire Weekend", ORG), ("Europe", PLACE)]),
    ("The chemicals group Ineos said it would cut jobs.", [("Ineos", ORG)]),
    # ... not a person after another noun or a group's role
    ("The group chief executive Carlos Tavares said sales fell.", [("Carlos Tavares", PER)]),
    ("The rock band's singer Alex Turner thanked the crowd.", [("Alex Turner", PER)]),
    # a band after "os" parted from its venue, or grown over its words (f4abceca: one organisation; "Pearl" a person)
    ("O festival confirmou os Foo Fighters para o Passeio Marítimo de Algés.",
     [("Foo Fighters", ORG), ("Passeio Marítimo de Algés", PLACE)]),
    ("A organização confirmou os Pearl Jam para o Estádio do Restelo.",
     [("Pearl Jam", ORG), ("Estádio do Restelo", PLACE)]),
    # ... a body's "para a" stays whole
    ("A Fundação para a Ciência e a Tecnologia financiou o projeto.",
     [("Fundação para a Ciência e a Tecnologia", ORG)]),
    # a company after its noun runs on over its founder's surname (f4abceca: "José") ...
    ("O grupo José de Mello vai investir no Porto.", [("José de Mello", ORG), ("Porto", PLACE)]),
    # ... not over a place
    ("A operadora TIM do Brasil anunciou lucros.", [("TIM", ORG), ("Brasil", PLACE)]),
    ("A seguradora Fidelidade de Lisboa pagou indemnizações.", [("Fidelidade", ORG), ("Lisboa", PLACE)]),
    # a firm's national arm (f4abceca: "Mapfre Portugal" a place) ...
    ("A administradora da Mapfre Portugal, Ana Ribeiro, disse que o lucro subiu 5%.",
     [("Mapfre Portugal", ORG), ("Ana Ribeiro", PER)]),
    # ... not a person, a place's own name, nor a town and its state
    ("Rui Portugal disse que o contrato foi assinado.", [("Rui Portugal", PER)]),
    ("He moved from Nova Scotia to Kansas City.", [("Nova Scotia", PLACE), ("Kansas City", PLACE)]),
    ("It is found in Belize, El Salvador and Guatemala.", [("Belize", PLACE), ("El Salvador", PLACE), ("Guatemala", PLACE)]),
    # a cricketer by their deed, or after one with a count of their own (f4abceca: organisations, a place) ...
    ("Arshdeep Singh took two wickets before Varun Chakravarthy bowled the last over.",
     [("Arshdeep Singh", PER), ("Varun Chakravarthy", PER)]),
    # ... not a team
    ("Mumbai Indians scored 200 runs against Chennai Super Kings.",
     [("Mumbai Indians", ORG), ("Chennai Super Kings", ORG)]),
    ("South Africa took four wickets before lunch.", [("South Africa", PLACE)]),
])
def test_rules_of_probe_s51_entities2(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs: films in a list (fixtures/s51-entities2/README.md says why).
LEFT_OPEN = {
    "f01": {("Aftersun", "LOC"), ("Middlemarch and Beloved", "ORG"), ("Past Lives", "ORG")},
    "f02": {("Aquarius", "LOC")},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, studied_paragraphs("s51-entities2"), LEFT_OPEN, {})


# The blind set's one run (bb501ba7's parent's code): 14 of 19 names found, 3 wrong; f4abceca's code found 13, 4
# wrong. Nothing was fixed on it: a gap in points with no league word in the text is not told from a poll's (b02), a
# Portuguese club's gap as subject is not read (b03 "O Porto ficou a três pontos"), nor "os Massive Attack para o
# Altice Arena" (b03).
BLIND_WRONG = {"b02": {("Brighton", "LOC"), ("Newcastle", "LOC")}, "b03": {("Porto", "LOC")}}
BLIND_MISSED = {"b01": {"Headingley"}, "b02": {"Brighton", "Newcastle"}, "b03": {"Massive Attack", "Porto"}}


def test_names_of_the_blind_paragraphs(app):
    blind = (FIXTURES / "s51-entities2" / "blind.jsonl").read_text(encoding="utf-8").splitlines()
    assert_names_found(app, [json.loads(line) for line in blind], BLIND_WRONG, BLIND_MISSED)
