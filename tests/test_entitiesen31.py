"""Entities en31 (fixtures/entitiesen31): a model span ends before a bracket that an adverb opens ("Rush
(temporarily)", "Twitter (now X)", "Petrobras (atualmente ...)"): a note on the name, no part of it.

Measured on the held-out WikiANN-en dev sample: plugin F1 0.7639 -> 0.7644 (WikiANN-pt sample and First HAREM
hold-out unchanged).
"""

from __future__ import annotations

import json

import pytest
import spacy

from plugins.entities import opens_an_adverbs_note
from tests.conftest import FIXTURES
from tests.test_entities import assert_names, entities, predict

LABELS = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}


def probe_cases(name: str) -> list[dict]:
    with (FIXTURES / "entitiesen31" / name).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def labelled(pairs: list[list[str]]) -> set[tuple[str, str]]:
    return {(words, LABELS[label]) for words, label in pairs}


CASES = [case for name in ("probe.jsonl", "probe_blind.jsonl") for case in probe_cases(name)]


@pytest.mark.parametrize("case", [c for c in CASES if "miss" not in c], ids=lambda c: c["text"][:40])
def test_probe_names(app, case: dict):
    assert_names(app, case["text"], labelled(case["expected"]), labelled(case["absent"]))


@pytest.mark.parametrize("case", [c for c in CASES if "miss" in c], ids=lambda c: c["text"][:40])
def test_known_misses_stay_as_recorded(app, case: dict):
    # the README records these as not changed: a fix should move them to the cases above
    found = entities(predict(app, case["text"])[0])
    assert not labelled(case["expected"]) <= found
    assert not labelled(case["absent"]) & found  # the bracket is cut all the same


@pytest.mark.parametrize(("text", "note"), [
    ("Rush (temporarily) left", True),
    ("Twitter (now X) was", True),
    ("Petrobras (atualmente sob nova direção)", True),
    ("Kingdom of Mysore (princely state)", False),  # an adjective in -ly: WikiANN keeps the bracket in the name
    ("Pieris (butterfly)", False),
    ("Xu Wei (musician)", False),  # Wikipedia's disambiguation, a noun
    ("Nvidia (NVDA) rose", False),
])
def test_which_brackets_an_adverb_opens(text: str, note: bool):
    doc = spacy.blank("en")(text)
    bracket = next(token for token in doc if token.text == "(")
    assert opens_an_adverbs_note(bracket, len(doc)) is note


def test_a_bracket_at_the_spans_end_opens_no_note():
    doc = spacy.blank("en")("Rush (temporarily)")
    assert not opens_an_adverbs_note(doc[1], 2)  # the span ends at the bracket: nothing of it to cut
