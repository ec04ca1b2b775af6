"""Entities en31 (fixtures/entitiesen31): a model span ends before a bracket that an adverb opens ("Rush
(temporarily)", "Twitter (now X)", "Petrobras (atualmente ...)"): a note on the name, no part of it; an English
person's span is cut at "of" before the band, company or place the person is of ("Chris Taylor of Grizzly Bear").

Measured on the held-out WikiANN-en dev sample: plugin F1 0.7639 -> 0.7644 -> 0.7651 (WikiANN-pt sample and First
HAREM hold-out unchanged).
"""

from __future__ import annotations

import pytest
import spacy

from plugins.entities import opens_a_persons_affiliation, opens_an_adverbs_note
from tests.test_entities import assert_names
from tests.test_entitiesen30 import assert_case_found, assert_miss_stays, probe_cases

PROBES = ("probe.jsonl", "probe_blind.jsonl", "probe_of.jsonl", "probe_of_blind.jsonl", "probe_roles.jsonl",
          "probe_roles_blind.jsonl")
CASES = [case for name in PROBES for case in probe_cases(name, "entitiesen31")]


@pytest.mark.parametrize("case", [c for c in CASES if "miss" not in c], ids=lambda c: c["text"][:40])
def test_probe_names(app, case: dict):
    assert_case_found(app, case)


@pytest.mark.parametrize("case", [c for c in CASES if "miss" in c], ids=lambda c: c["text"][:40])
def test_known_misses_stay_as_recorded(app, case: dict):
    assert_miss_stays(app, case)


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


def test_a_person_of_a_place_takes_its_label_from_the_gazetteer(app):
    # what a person is of: a known place is a place, anything else an organisation
    assert_names(app, "Chris Taylor of Connecticut said it.", {("Chris Taylor", "Person"), ("Connecticut", "Place")},
                 {("Chris Taylor of Connecticut", "Person"), ("Connecticut", "Organization")})


@pytest.mark.parametrize(("text", "split"), [
    ("Chris Taylor of Grizzly Bear", True),
    ("Roger Fry of the Bloomsbury Group", True),
    ("Princess Margriet of the Netherlands", False),  # a title opens it
    ("Catherine of Aragon", False),  # one name before "of"
    ("Zorblax Taylor of Grizzly Bear", False),  # no given name first ...
    ("Zorblax Taylor of Nvidia", True),  # ... but an organisation the gazetteer knows after "of"
    ("Chris Taylor of the", False),  # no name after "of"
])
def test_which_people_are_of_another_name(text: str, split: bool):
    doc = spacy.blank("en")(text)
    of = next(token for token in doc if token.text == "of")
    assert opens_a_persons_affiliation(of, 0, len(doc)) is split
