"""Entities probe s49-entities-en2: the English misses s49-entities-en's blind set left and what it noticed, each in
sentences of our own (none from ``fixtures/``), with guards for what must not change."""

from __future__ import annotations

import pytest

from tests.test_entities import names_in_order

PER, ORG, PLACE = "Person", "Organization", "Place"


@pytest.mark.parametrize(("text", "expected"), [
    # a province's premier before two name-shaped words is a title, though no list knows the given name (merge56:
    # "Manitoba Premier Wab Kinew" one organisation)
    ("Manitoba Premier Wab Kinew announced a freeze on fuel taxes.", [("Manitoba", PLACE), ("Wab Kinew", PER)]),
    # guards: a listed given name as before; a league's "Premier" before no person's names stays in its name
    ("Alberta Premier Danielle Smith met oil executives in Calgary.",
     [("Alberta", PLACE), ("Danielle Smith", PER), ("Calgary", PLACE)]),
    ("Tickets for the Premier League Darts sold out.", [("Premier League Darts", ORG)]),
    ("He scored twice in the Ukrainian Premier League last season.", [("Ukrainian Premier League", ORG)]),
    # a New York borough before a party's member is the place (merge56: "Queens Democrat", "Bronx Democrat"
    # organisations)
    ("Councilman Robert Holden, a Queens Democrat, opposed the rezoning.", [("Robert Holden", PER), ("Queens", PLACE)]),
    ("A Bronx Democrat, Assemblyman Jeffrey Dinowitz, voted against it.", [("Bronx", PLACE),
                                                                          ("Jeffrey Dinowitz", PER)]),
    # guard: the borough is read only before a party's member
    ("Queens Park Rangers lost again at home.", [("Queens Park Rangers", ORG)]),
    # the university or the hospital is a body (merge56: "Johns Hopkins" researchers a person); its longer names stay
    ("Johns Hopkins researchers said the vaccine held up.", [("Johns Hopkins", ORG)]),
    ("A study from Johns Hopkins University tracked 4,000 patients.", [("Johns Hopkins University", ORG)]),
    # a river named after its noun is a place (merge56: "River Ouse", "River Wear" organisations)
    ("The River Ouse was at its highest level since 2000.", [("River Ouse", PLACE)]),
    ("The River Wear flooded parts of Durham.", [("River Wear", PLACE), ("Durham", PLACE)]),
])
def test_rules_of_probe_s49_entities_en2(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open here: two banks joined by "and" stayed one organisation, as a firm named after two partners does
# ("Marks and Spencer"). s50-entities parts them before a plural's or a past verb (``with_listed_names_parted``; the
# well-known firms of two names are in the gazetteer).
def test_two_banks_joined_by_and_parted_before_their_verb(app):
    assert names_in_order(app, "Customers of Monzo and Starling reported outages on Friday.") == [
        ("Monzo", ORG), ("Starling", ORG)]


# Left open: a body's "The" before "of" and a place stays where no pattern knows the name. Taking it off in
# ``without_article_before_a_body`` was tried and dropped: where a pattern knows the name ("The Supreme Court of
# Norway", "the Reserve Bank of India") the span stayed the same but its explanation fell from the pattern's 0.931 to
# the model's 0.69.
def test_article_before_a_body_of_a_place_left(app):
    assert names_in_order(app, "The Securities and Exchange Board of India fined the broker.") == [
        ("The Securities and Exchange Board of India", ORG)]
