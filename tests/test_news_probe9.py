"""The ninth news probe's studied paragraphs (fixtures/news_probe9): names and claims as its truth says.

The truth was written before the plugins read the texts; the scoring is the
seventh probe's (``tests/test_news_probe7.py``), with the names left open told
apart: those missed, and the spans suggested wrong (no name, or mislabelled).
"""

from __future__ import annotations


import pytest

from tests.test_news_probe7 import assert_claims_found, assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news_probe9")
# Left open (fixtures/news_probe9/README.md): per paragraph, the names missed and the spans suggested wrong:
# a model's name of letters and a digit with its trim ("o EV6 GT"), a company after "na" ("injetar ... na
# Efacec"), a club's short form alone ("o Vitória" after "Vitória de Guimarães").
MISSED = {"s05": {"EV6 GT"}, "s07": {"Efacec"}, "s08": {"Vitória"}}
WRONG = {"s05": {("GT", "LOC")}, "s07": {("Efacec", "LOC")}, "s08": {("Vitória", "LOC")}}
# Who did not comment states nothing to check (claims' NO_COMMENT, an earlier choice with its own
# tests); the probe's truth counts it a claim.
CLAIMS_LEFT_OPEN = frozenset({"A Nvidia, em Santa Clara, não comentou."})


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG, MISSED)


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_paragraphs(paragraph):
    assert_claims_found(paragraph, CLAIMS_LEFT_OPEN)
