"""The seventh news probe's studied paragraphs (fixtures/news_probe7): names and claims as its truth says.

The truth was written before the plugins read the texts; the scoring is the
probe's (fixtures/news_probe6/README.md): a name is found when its text (or an
alt) has one of its labels, every other predicted span not ignored is wrong; a
claim is found when a CLAIM span covers it, an opinion must not be covered.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask

from plugins.claims import ClaimAnnotator, claim_content
from server.analysis import AnalyzedText
from tests.conftest import FIXTURES



def studied_paragraphs(probe: str) -> list[dict[str, Any]]:
    """A news probe's studied paragraphs with their truth (``fixtures/<probe>/studied.jsonl``)."""
    return [json.loads(line) for line in (FIXTURES / probe / "studied.jsonl").read_text(encoding="utf-8").splitlines()]


PARAGRAPHS = studied_paragraphs("news_probe7")
CONFIG = """<View><Text name="text" value="$text"/><Labels name="label" toName="text">
<Label value="PER"/><Label value="ORG"/><Label value="LOC"/><Label value="PRODUCT"/></Labels></View>"""
# Left open in session 14 and named in the gazetteer of people since (news probe 8):
# "Beyoncé" and "Kylian Mbappé", organisations to the English model.
LEFT_OPEN: dict[str, set[tuple[str, str]]] = {}


def predicted(app: Flask, paragraphs: list[dict[str, Any]] = PARAGRAPHS) -> dict[str, set[tuple[str, str]]]:
    """The names /predict suggests, as (text, label), per paragraph id."""
    tasks = [{"id": i, "data": {"text": p["text"]}, "project": 1} for i, p in enumerate(paragraphs)]
    answer = app.test_client().post("/predict", json={"tasks": tasks, "label_config": CONFIG})
    assert answer.status_code == 200, answer.json
    return {p["id"]: {(r["value"]["text"], r["value"]["labels"][0]) for r in result["result"] if r["type"] == "labels"}
            for p, result in zip(paragraphs, answer.json["results"], strict=True)}


def scored(paragraph: dict[str, Any], found: set[tuple[str, str]]) -> tuple[list[str], set[tuple[str, str]]]:
    """The names missed and the predicted spans that are wrong."""
    used, missed = set(), []
    for name in paragraph["entities"]:
        hits = {(text, label) for text in [name["text"], *name.get("alts", [])]
                for label in name.get("labels", [name["label"]])} & found
        used |= hits
        if not hits and not name.get("optional"):
            missed.append(name["text"])
    # an optional name is ignored under any label, but a strict one (a person's title, "Duke of Kent": a person or
    # nothing) counts wrong under a label not its own
    ignored = set(paragraph["ignore"]) | {n["text"] for n in paragraph["entities"]
                                          if n.get("optional") and not n.get("strict")}
    return missed, {span for span in found - used if span[0] not in ignored}


def assert_names_found(app: Flask, paragraphs: list[dict[str, Any]], left_open: dict[str, set[tuple[str, str]]],
                       left_missed: dict[str, set[str]] | None = None) -> None:
    """Each paragraph's names are found with their labels, but those left open: the spans found wrong
    (``left_open``), and the names missed (``left_missed``; by default the texts of the wrong spans)."""
    found = predicted(app, paragraphs)
    for paragraph in paragraphs:
        missed, wrong = scored(paragraph, found[paragraph["id"]])
        left = left_open.get(paragraph["id"], set())
        expected_missed = {text for text, _ in left} if left_missed is None else left_missed.get(paragraph["id"], set())
        assert (set(missed), wrong) == (expected_missed, left), paragraph["id"]


def test_names_of_the_studied_paragraphs(app):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN)


def assert_claims_found(paragraph: dict[str, Any], left_open: frozenset[str] = frozenset()) -> None:
    """Every claim of the paragraph inside a suggested span but those ``left_open``; no opinion inside one
    but those ``left_open`` (the sentences left open either way)."""
    text = paragraph["text"]
    spans = [text[s.start:s.end] for s in
             ClaimAnnotator().annotate(AnalyzedText(text, language_hint=paragraph["lang"][:2]))]
    # a claim written with its speaker label or dateline is found by what a span covers of it (``claim_content``)
    missed = {claim for claim in paragraph["claims"] if not any(claim_content(claim) in span for span in spans)}
    assert missed == left_open & set(paragraph["claims"])
    suggested = {opinion for opinion in paragraph["not_claims"] if any(opinion in span for span in spans)}
    assert suggested == left_open & set(paragraph["not_claims"])


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_paragraphs(paragraph):
    assert_claims_found(paragraph)
