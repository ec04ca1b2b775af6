"""The tenth news probe's studied paragraphs (fixtures/news_probe10): names and claims as its truth says.

The truth was written before the plugins read the texts; the scoring is the
seventh probe's (``tests/test_news_probe7.py``), with the names left open told
apart: those missed, and the spans suggested wrong (no name, or mislabelled).
"""

from __future__ import annotations


import pytest

from tests.test_news_probe7 import assert_claims_found, assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("news_probe10")
# Left open (fixtures/news_probe10/README.md): per paragraph, the names missed and the spans suggested wrong:
# a sentence's first word that is also a bank ("Safra recorde") ("a Avenida da Liberdade", an organisation, is a
# place since entities 1.2.56: a street's head after an article; "O Metro de Lisboa" known since entities probe 31's transit operators), a chain named with a common word ("Boots will close"), and a stadium at
# the end of an opening line ("Noite de emoções no Dragão").
# A plant's name with its noun ("its Byron nuclear plant") is "Byron" since news probe 11; a store after "its"
# ("its Play Store") is a product since products probe 2 (products.jsonl).
MISSED = {"s04": {"Boots"},
          "s07": {"Dragão"}}
WRONG = {"s01": {("Safra", "ORG")},
         "s07": {("Noite de emoções no Dragão", "ORG")}}
# A writer's frame before a counted fact ("Vale lembrar que a última greve durou três dias": 0.45) and two
# agencies' plan dated by a year as an adjective ("under a 2024 agreement": no date cue).
CLAIMS_LEFT_OPEN = frozenset({"Vale lembrar que a última greve durou três dias.",
                              "NASA and JAXA will share the data under a 2024 agreement."})


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, WRONG, MISSED)


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_paragraphs(paragraph):
    assert_claims_found(paragraph, CLAIMS_LEFT_OPEN)
