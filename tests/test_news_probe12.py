"""The twelfth news probe's studied paragraphs (fixtures/news_probe12): names and claims as its truth says.

The truth was written before the plugins read the texts; the scoring is the
seventh probe's (``tests/test_news_probe7.py``), with the names left open told
apart: those missed, and the spans suggested wrong (no name, or mislabelled).
"""

from __future__ import annotations


import pytest

from tests.test_news_probe7 import assert_claims_found, assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news_probe12")
# Left open (fixtures/news_probe12/README.md): per paragraph, the names missed and the spans suggested wrong:
# a club's company named with its club ("A SAD do Benfica", which the truth counts as the club alone). Found since
# the thirteenth probe: the companies after "to"/"from" ("sold its stake to Ardian for £455 million", "order 50 new
# trains from Alstom"); since seed-shaped probe 24, the launch site "from Andøya" (a person to the model), which the
# patterns now know.
MISSED: dict[str, set[str]] = {}
WRONG = {"s08": {("SAD do Benfica", "ORG")}}
# A text's opening line that names a record without its number ("O Pix bateu mais um recorde."): suggested.
CLAIMS_LEFT_OPEN = frozenset({"O Pix bateu mais um recorde."})


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG, MISSED)


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_paragraphs(paragraph):
    assert_claims_found(paragraph, CLAIMS_LEFT_OPEN)
