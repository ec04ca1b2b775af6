"""Entities probe 48 (fixtures/entities48): English model spans that run over words no name holds. A sentence's
common noun capitalised only as its opener before a lowercase word is no name, and a span it opens keeps only the
name at its end ("Ships queued outside the Port of Rotterdam"); a port named after its place is no person; two
companies joined by "and" are two; a Portuguese company after its noun runs on over "das" as the model read it. The
studied paragraphs as their truth says, with guards."""

from __future__ import annotations

import pytest

from tests.test_entities import names_in_order
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities48")
PLACE, ORG = "Place", "Organization"


@pytest.mark.parametrize(("text", "expected"), [
    # the sentences, measured on main (e52864c) as written in each comment
    ("Ships queued outside the Port of Rotterdam for days.", [("Port of Rotterdam", PLACE)]),  # the whole, a person
    ("Ships queued outside Rotterdam for days.", [("Rotterdam", PLACE)]),  # and "Ships" a person
    ("Trucks waited outside the Port of Santos.", [("Port of Santos", PLACE)]),  # and "Trucks" an organisation
    ("Dozens of ships queued outside the Port of Rotterdam for days.", [("Port of Rotterdam", PLACE)]),  # nothing
    ("Marathon Digital and Riot Platforms mined more bitcoin.",
     [("Marathon Digital", ORG), ("Riot Platforms", ORG)]),  # one organisation
    ("A editora Companhia das Letras lançou o livro.", [("Companhia das Letras", ORG)]),  # "Companhia"
    ("Shares of Marvell Technology and Micron Technology rose.",
     [("Marvell Technology", ORG), ("Micron Technology", ORG)]),
    # guards: a company's plural name keeps its word class in lowercase; a capital after the opener is a name's
    ("Barclays cut mortgage rates on Monday.", [("Barclays", ORG)]),
    ("Reuters reported the deal first.", [("Reuters", ORG)]),
    ("Siemens said orders rose.", [("Siemens", ORG)]),
    ("Investors Chronicle said the shares were cheap.", [("Investors Chronicle", ORG)]),
    # a common noun's span with no name at its end is dropped whole
    ("Ships queued outside the port for days.", []),
    # "and" after "of" joins one body's words; a company noun's name does not run on over a place
    ("The Ministry of Energy and Resources said prices would rise.", [("Ministry of Energy and Resources", ORG)]),
    ("A montadora chinesa BYD de Camaçari abriu vagas.", [("BYD", ORG), ("Camaçari", PLACE)]),
])
def test_rules_of_probe_48(app, text: str, expected: list[tuple[str, str]]):
    assert names_in_order(app, text) == expected


# Left open in the studied paragraphs until s45-entities2: "Nationwide Building Society and Santander UK" one
# organisation (neither "Society" nor "UK" is a company word; a body's head before "and" and a known organisation
# after it now part them).
LEFT_OPEN: dict[str, set[tuple[str, str]]] = {}
LEFT_MISSED: dict[str, set[str]] = {}


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)
