"""The eighth news probe's studied paragraphs (fixtures/news_probe8): names and claims as its truth says.

The truth was written before the plugins read the texts; the scoring is the
seventh probe's (``tests/test_news_probe7.py``).
"""

from __future__ import annotations


import pytest

from tests.test_news_probe7 import assert_claims_found, assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news_probe8")
# "Google Cloud", left open here, is a platform since news probe 9 ("o uso do Google Cloud").
LEFT_OPEN: dict[str, set[tuple[str, str]]] = {}
# A claim without a cue the plugin weighs: a tour's itinerary (no actor, number or date).
# The company's expectation ("The company expects AMD to use the chips ...") is found since
# news probe 9: one actor's forecast is reported, as what it said is.
CLAIMS_LEFT_OPEN = frozenset({"A digressão passa ainda pelo Porto e por Coimbra."})


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN)


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_paragraphs(paragraph):
    assert_claims_found(paragraph, CLAIMS_LEFT_OPEN)
