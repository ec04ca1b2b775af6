"""Entities probe 34 (fixtures/entities34): English offices and their holders (a body's office before its holder, a
department's minister, a bare office title that names no one), a public body's "the", a source after a comma, judges,
teams' nicknames, sport bodies; the known cases and the studied paragraphs as their truth says (both written and
committed before the plugins read them), with guards."""

from __future__ import annotations

import pytest

from tests.test_entities import assert_names
from tests.test_entitiesen30 import assert_case_found, probe_cases
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities34")
KNOWN = probe_cases("known.jsonl", "entities34")


# All found: the last one left open, a holder named by initials after a company's office ("Chief Executive of
# Barclays C. S. Venkatakrishnan", one person to the model), since session 50's rules (entities 1.2.78).
@pytest.mark.parametrize("case", KNOWN, ids=lambda c: c["text"][:40])
def test_known_misses_of_session_32(app, case: dict):
    assert_case_found(app, case)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # an office of a body or a department before its holder: the body, the person
    ("Governor of the Reserve Bank of Australia Michele Bullock said rates would stay.",
     {("Michele Bullock", "Person")}, {("Governor of the Reserve Bank of Australia Michele Bullock", "Organization")}),
    ("Minister of Foreign Affairs Penny Wong arrived in Jakarta.", {("Penny Wong", "Person"), ("Jakarta", "Place")},
     {("Minister of Foreign Affairs Penny Wong", "Organization")}),
    # a bare office after "the", or right before its holder, is no name; with a department before the role too
    ("The Chancellor of the Exchequer will speak on Monday.", set(),
     {("Chancellor of the Exchequer", "Organization"), ("The Chancellor of the Exchequer", "Organization")}),
    ("Officials said the Home Secretary would visit Kent.", {("Kent", "Place")}, {("Home Secretary", "Person")}),
    # guards: an office standing as a name in a list or a heading stays (WikiANN-en labels it)
    ("Head of government: Prime Minister of Liechtenstein, Klaus Tschütscher",
     {("Prime Minister of Liechtenstein", "Organization")}, set()),
    ("Commissioner of Northwest Territories – Hugh Andrew Young", {("Commissioner of Northwest Territories",
                                                                   "Organization")}, set()),
    # a public body without the "the" before it where a clause goes on; a title's "The" stays
    ("The Financial Conduct Authority fined the bank.", {("Financial Conduct Authority", "Organization")},
     {("The Financial Conduct Authority", "Organization")}),
    ("At the Supreme Court in Ottawa, the judges heard the case.", {("Ottawa", "Place")},
     {("At the Supreme Court", "Organization")}),
    # a secretary general after the body's name; a person after an office's title, with a middle initial
    ("UN Secretary General Antonio Guterres said the talks failed.", {("UN", "Organization")},
     {("UN Secretary General", "Organization")}),
    ("Transport Secretary Heidi Alexander said the line would reopen.", {("Heidi Alexander", "Person")}, set()),
    # a source that "said" after a comma is a name of its own
    ("The plan was agreed with the European Commission, Downing Street said.",
     {("European Commission", "Organization")}, {("European Commission, Downing Street", "Organization")}),
    # a judge by the court's style: the surname
    ("Mrs Justice Joanna Smith adjourned the hearing; Mr Justice Fancourt ruled on Friday.",
     {("Fancourt", "Person")}, {("Mr Justice Fancourt", "Organization")}),
    # guard: a judge's office after the style is no surname (found on WikiANN-en dev outside its held-out sample)
    ("Lord Justice General — The Duke of Montrose", set(), {("General", "Person")}),
    # a team's nickname after a known place, later alone
    ("The Chicago Bulls beat the Miami Heat, and the Bulls moved up to sixth.",
     {("Chicago Bulls", "Organization"), ("Bulls", "Organization")}, set()),
    # an English model span opening with a lowercase word inside its sentence: the name after its preposition (a
    # blind paragraph's miss, fixed after the blind run)
    ("The Home Secretary will set out new asylum rules in Parliament.", {("Parliament", "Organization")},
     {("asylum rules in Parliament", "Organization")}),
    # a sport's governing body named after its country
    ("Cricket Australia confirmed the squad for Perth.", {("Cricket Australia", "Organization"), ("Perth", "Place")},
     {("Cricket Australia", "Place")}),
])
def test_rules_of_probe_34(app, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    assert_names(app, text, expected, absent)


# Left open in the studied paragraphs: places the English model calls organisations and no gazetteer knows (Filton,
# Essonne), "the Moon", a footballer read as an organisation, a town and its state in one span (WikiANN-en's way:
# "Mayor of Spokane, Washington"), "First Selectman" a person, the index's "Nikkei" alone, a model called "R2",
# "WorkSafe Victoria". Found since entities 1.2.59 (fixtures/entities42): "a warehouse in Geelong" (a site's noun).
LEFT_OPEN = {
    "s03": {("Nikkei", "ORG")}, "s06": {("Bukayo Saka", "ORG")}, "s09": {("Moon", "ORG")},
    "s13": {("Filton", "ORG")}, "s14": {("First Selectman", "PER"), ("Greenwich, Connecticut", "LOC")},
    "s20": {("Essonne", "ORG")},
}
LEFT_MISSED = {
    "s06": {"Bukayo Saka"}, "s09": {"Moon"}, "s12": {"R2"}, "s13": {"Filton"}, "s14": {"Greenwich", "Connecticut"},
    "s19": {"WorkSafe Victoria"}, "s20": {"Essonne"},
}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)
