"""The second product-name probe (fixtures/products_probe2): phones, apps, cars, aircraft, hardware and AI models
with new naming shapes, their makers labelled by use, and guards that look like versions but are no products.

The truth was written before the plugins read the texts; the scoring is the first product probe's
(``tests/test_products_probe1.py``: ``misses``).
"""

from __future__ import annotations

from tests.test_news_probe7 import studied_paragraphs
from tests.test_products_probe1 import misses

PARAGRAPHS = studied_paragraphs("products_probe2")


def test_names_of_the_studied_paragraphs(app):
    assert misses(app, PARAGRAPHS) == {}
