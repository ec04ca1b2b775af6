"""Export speed-ups of the exportspeed6 session, held to what they replace."""

from __future__ import annotations

import itertools

from server.exporting.examples import CLAIM_LABELS, Span, is_claim

CLAIM_LABEL = "CLAIM"


def test_claim_labels_are_exactly_the_labels_whose_upper_case_is_claim() -> None:
    """The set replaces ``label.upper() == CLAIM_LABEL``: a label's upper case is CLAIM exactly when each of
    its characters' upper case is one of CLAIM's letters in turn (no character's upper case is two of them)."""
    parts = {CLAIM_LABEL[i:j] for i in range(len(CLAIM_LABEL)) for j in range(i + 1, len(CLAIM_LABEL) + 1)}
    upper_cased: dict[str, list[str]] = {}
    for point in range(0x110000):
        if not 0xD800 <= point < 0xE000 and (upper := chr(point).upper()) in parts:
            upper_cased.setdefault(upper, []).append(chr(point))
    assert set(upper_cased) == set(CLAIM_LABEL)
    every_spelling = set(map("".join, itertools.product(*(upper_cased[letter] for letter in CLAIM_LABEL))))
    assert CLAIM_LABELS == every_spelling
    assert "claım" in CLAIM_LABELS and "cLaIm" in CLAIM_LABELS
    assert all(label.upper() == CLAIM_LABEL for label in CLAIM_LABELS)
    assert not {"CLAIMS", "CLAM", " CLAIM", "ＣＬＡＩＭ", ""} & CLAIM_LABELS


def test_is_claim_asks_the_set() -> None:
    assert is_claim(Span(0, 4, "Claım", "Meta"))
    assert not is_claim(Span(0, 4, "ORG", "Meta"))
