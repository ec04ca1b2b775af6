"""Cleaning rules of the fifty-first probe (5 December 2026): the cases probe 50 and seed-shaped probe 43 left open, on
new pages in pt-BR, pt-PT and English (a wire's trust box, a forum's lone signatures, a conference programme's rows, a
PDF's editor's note, a crypto feed's cashtags, a wiki talk page's title), see fixtures/cleaning51/README.md.

The cleaning leaves out a wire agency's "Our Standards: ..." box, a signature alone on its line ("— Maria, Lisboa"), a
contribution's "Track:", "Session:", "Contribution type:" and "Room:" rows, an editor's note opening its line however
long, a line of hashtags with cashtags after the first, and a talk page's "Talk:..." title; a sentence of their words
stays."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from tests.test_cleaning46 import assert_probe_page
from tests.test_preload import app_of_pages, assert_probe_chrome

AppFactory = Callable[..., Flask]


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Our Standards: The Meridian Trust Principles.", "agency credits",
     "Our standards for the new quays were set by the port authority in 2019."),
    ("Nossos Padrões: Os Princípios de Confiança da Agência Sul.", "agency credits",
     "Os nossos padrões de consumo de água mudaram depois da seca de 2022."),
    ("Nota do editor: esta versão foi corrigida em 2 de dezembro de 2026; a edição anterior trazia a perda média de "
     "Cascavel trocada com a de Toledo.", "editor's note",
     "A nota do editor da revista, publicada em dezembro, explicava a correção dos números de Cascavel e Toledo."),
    ("Editor’s note: This story was updated on Dec. 4 to correct the name of the port's operator.", "editor's note",
     "The editor's note at the top of the story said the port's operator had been misnamed."),
    ("#Ethereum #IA $ETH $SOL", "hashtags", "The fund bought $ETH and $SOL tokens worth $4 million last week."),
])
def test_a_probe_51_chrome_line_goes_and_a_sentence_of_its_words_stays(chrome: str, kind: str, content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


@pytest.mark.parametrize(("line", "kind"), [
    ("— Maria, Lisboa", "byline or credit: a signature alone"),
    ("-- Tom Hale", "byline or credit: a signature alone"),
    ("Track: Coastal morphology", "field label"),
    ("Sessão: Dunas e praias", "field label"),
    ("Talk:Wharfe Canal Basin", "a wiki talk page's title"),
    ("Discussão:Rio Vez", "a wiki talk page's title"),
])
def test_a_signature_a_programme_row_and_a_talk_pages_title_are_chrome(line: str, kind: str) -> None:
    reason = boilerplate_reason(line, Position(5, 30))
    assert reason is not None and reason[1].startswith(kind)


@pytest.mark.parametrize("line", ["— Sim, senhor", "— Maria disse que sim.", "Talk: we need a better source",
                                  "Track and field records fell at the games."])
def test_a_dialogue_line_a_sentence_and_a_label_with_a_space_are_no_such_chrome(line: str) -> None:
    reason = boilerplate_reason(line, Position(5, 30))
    assert reason is None or not reason[1].startswith(("byline or credit: a signature", "field label", "a wiki talk"))


# ------------------------------------------------------------------ the studied pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning51"
# The nine studied pages, written with their truth before any run (main fe7ff96: 2 of 28 real lines dropped, 14 of 72
# chrome lines kept; this probe's code: pinned here).
TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe51_truth.json").read_text(encoding="utf-8"))
# (A text talk page's headings over signed comments stay since probe s45, which reads a signature's "(UTC)" stamp as
# a comment's end; a contribution's time span and a one-page PDF's running header go.)
STILL_DROPPED: dict[str, set[str]] = {}
STILL_KEPT: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_51_page_gives_its_real_lines_in_order_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                                name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "studied" / name).read_bytes()})
    assert_probe_page(app, TRUTH[name], STILL_DROPPED.get(name, set()), STILL_KEPT.get(name, set()), set())
