"""Cleaning rules of the thirty-seventh session's work on the chrome probes 35 and 36 still kept (4 December 2026): each a
feature of a listing's or a catalogue's page, with a line of the same words that is content and stays.

A line of counts of one item's states ("2 copies, 1 available, 0 holds") is a catalogue's holdings; a short heading over
a line of short noun phrases between dots is a listing's facets; a map link closing an address line is the listing's
button; "<name>, <country> · Stayed in <month> <year>" is a review's reviewer, whose review stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from tests.test_cleaning_probe17 import page_tasks

AppFactory = Callable[..., Flask]

STORY = "The council approved its budget for 2027 last night, with more money for schools and for buses."
BRIDGE = "Engineers closed the old bridge on Monday after divers found cracks in two of its three piers."
PROSE = "A câmara aprovou ontem o orçamento para 2027, com mais verbas para as escolas e para os transportes."


def page_of(*lines: str) -> str:
    return "\n".join(["The Saltmarsh Year", STORY, *lines, BRIDGE, PROSE]) + "\n"


@pytest.mark.parametrize("line", [
    "2 copies, 1 available, 0 holds", "3 exemplares, 1 disponível, 2 reservas", "40 tickets, 12 sold, 28 available"])
def test_a_line_counting_one_items_states_goes(make_app: AppFactory, tmp_path: Path, line: str) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "record.txt", page_of(line))
    assert line not in texts and "catalogue field" in reasons[line]
    assert STORY in texts and BRIDGE in texts


@pytest.mark.parametrize("line", ["2 eggs, 1 onion, 3 carrots", "3 bedrooms, 2 bathrooms, 1 garage"])
def test_a_line_counting_different_things_stays(make_app: AppFactory, tmp_path: Path, line: str) -> None:
    texts, _reasons = page_tasks(make_app, tmp_path, "record.txt", page_of(line))
    assert line in texts


@pytest.mark.parametrize(("heading", "facets"), [
    ("Amenities", "Free parking · Free High Speed Internet (WiFi) · Breakfast included"),
    ("Comodidades", "Estacionamento gratuito dentro da propriedade · Pequeno-almoço incluído · Piscina exterior aquecida"),
])
def test_a_heading_over_a_line_of_facets_goes_with_it(make_app: AppFactory, tmp_path: Path, heading: str,
                                                      facets: str) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "listing.txt", page_of(heading, facets))
    for line in (heading, facets):
        assert line not in texts and "facets" in reasons[line], line
    assert STORY in texts and BRIDGE in texts


@pytest.mark.parametrize(("lines", "kept"), [
    # No heading over it; a sentence among the items; a listing's name over its facets (which go as they may).
    (["Free parking · Free High Speed Internet (WiFi) · Breakfast included"], 0),
    (["Amenities", "We loved the free parking · the pool was heated · breakfast was included."], 1),
    (["The Harbour Light", "Free parking on the property · Free High Speed Internet (WiFi) · Breakfast"], 0),
])
def test_dotted_lines_that_are_no_facets_box_stay(make_app: AppFactory, tmp_path: Path, lines: list[str],
                                                 kept: int) -> None:
    texts, _reasons = page_tasks(make_app, tmp_path, "listing.txt", page_of(*lines))
    assert lines[kept] in texts


def test_a_map_link_closing_an_address_line_takes_it(make_app: AppFactory, tmp_path: Path) -> None:
    address = "West Cliff, Whitby YO21 3EN – Excellent location – show map"
    sentence = "Walkers who want to see the map can ask at the visitor centre by the station."
    texts, reasons = page_tasks(make_app, tmp_path, "hotel.txt", page_of(address, sentence))
    assert address not in texts and "button or link label" in reasons[address]
    assert sentence in texts


REVIEW = "The room was small but the view of the harbour at night made up for it, and the owner gave us a map."


@pytest.mark.parametrize("reviewer", [
    "Helen, United Kingdom · Stayed in October 2026", "Marta, Portugal · Estadia em outubro de 2026"])
def test_a_reviewers_line_goes_and_the_review_over_it_stays(make_app: AppFactory, tmp_path: Path,
                                                            reviewer: str) -> None:
    # Under a box of facilities closed by its "See all" button: the review is no teaser of that box's list.
    page = page_of("Most popular facilities", "Free WiFi", "Family rooms", "See all 24 facilities", "Guest reviews",
                   "Staff 9.6 · Cleanliness 9.4 · Comfort 9.2", REVIEW, reviewer)
    texts, reasons = page_tasks(make_app, tmp_path, "hotel.txt", page)
    assert reviewer not in texts and "byline or credit" in reasons[reviewer]
    assert REVIEW in texts

