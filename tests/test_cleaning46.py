"""Cleaning rules of the forty-sixth probe (4 December 2026): pages in pt-BR, pt-PT and English of formats and site
kinds earlier probes had not used (PDFs' text dumps, AMP recipes with JSON-LD, e-mail newsletters as HTML, app-store
listings, a Read the Docs page, Hugo and Jekyll posts with front matter, a help centre's JSON Lines and a live blog's
CSV with chrome rows), see fixtures/cleaning46/README.md.

A PDF dump's wrapped paragraphs are one task each, a heading over one without a blank line its own, a line laid out in
columns no wrapped line; its running line by a page break, repeated on another page, and a form's blank to sign are
chrome; a help centre's "Não encontrou o que procurava?" is a contact prompt; an HTML heading's permalink is no part of
it, and what only a screen reader reads is taken out of the text and listed as such."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.segmentation import split_paragraphs
from tests.test_cleaning_probe17 import exclusion_reasons, normal, page_tasks, task_texts
from tests.test_preload import app_of_pages, assert_left_out, assert_probe_chrome

AppFactory = Callable[..., Flask]


# ------------------------------------------------------------------ a PDF's text dump


MINUTE = ("95/26 Speed limit on Church Lane\n"
          "Residents asked the council to support a 20 mph limit on Church Lane, where 31 vehicles were recorded above\n"
          "30 mph in a single morning during the October speed watch.\n"
          "It was resolved unanimously to write to the county highways team asking for the limit to be included in\n"
          "next year's programme, and to repeat the speed watch in March.\n")


def test_a_dumps_heading_and_the_paragraphs_it_runs_together_are_one_task_each() -> None:
    paragraphs = [" ".join(MINUTE[start:end].split()) for start, end in split_paragraphs(MINUTE)]
    assert paragraphs == ["95/26 Speed limit on Church Lane",
                          "Residents asked the council to support a 20 mph limit on Church Lane, where 31 vehicles "
                          "were recorded above 30 mph in a single morning during the October speed watch.",
                          "It was resolved unanimously to write to the county highways team asking for the limit to "
                          "be included in next year's programme, and to repeat the speed watch in March."]


def test_a_heading_over_titles_that_each_open_with_a_capital_is_a_list_not_a_wrapped_paragraph() -> None:
    # A rendered page's related stories (tests/test_hypertext_chrome_probe.py): joined, the headlines read as prose.
    related = ("Notícias relacionadas\nEscola Monsenhor José Paulino completa 90 anos com festa para ex-alunos\n"
               "Câmara aprova nome de professora para biblioteca de bairro\n")
    assert [related[start:end] for start, end in split_paragraphs(related)] == related.splitlines()

def test_a_line_laid_out_in_columns_is_no_wrapped_line() -> None:
    header = "Diário da República, 2.ª série          PARTE H          N.º 233 — 3 de dezembro de 2026\nPág. 412\n"
    assert len(split_paragraphs(header)) == 2


HEADER = "ASHCOMBE PARISH COUNCIL                                   Minutes – 2 December 2026"
PAGE_ONE = "Apologies were received from Cllr J. Ferris, who was unwell, and accepted by the council."
PAGE_TWO = "The clerk presented the draft budget, and the council set the precept at £38,400 for next year."


def test_a_running_line_by_a_page_break_repeated_on_another_page_is_chrome(make_app: AppFactory,
                                                                          tmp_path: Path) -> None:
    # Two copies: preload's repeated lines want three for a running header; the page break tells it here.
    texts, reasons = page_tasks(make_app, tmp_path, "minutes.txt", f"{HEADER}\n\n{PAGE_ONE}\n\n\f{HEADER}\n\n{PAGE_TWO}\n")
    assert texts == [PAGE_ONE, PAGE_TWO]
    assert "a line by the break between a PDF's pages, repeated on another page" in reasons[HEADER]


def test_a_forms_blank_to_sign_is_chrome() -> None:
    assert_left_out("Signed: ................................ Chairman          Date: ......................",
                    "boilerplate", "a form's blank")
    assert_left_out("Assinatura: ______________________", "boilerplate", "a form's blank")


@pytest.mark.parametrize(("chrome", "content"), [
    ("Não encontrou o que procurava? Ligue 217 206 707, dias úteis das 9h às 19h, ou use o atendimento e-balcão.",
     "Quem não encontrou o que procurava na feira voltou no dia seguinte, quando chegaram mais bancas."),
    ("Didn't find what you were looking for? Contact us.",
     "The divers said they found what they were looking for under the pier on the second day."),
])
def test_a_help_centres_contact_prompt_goes_and_a_sentence_of_its_words_stays(chrome: str, content: str) -> None:
    assert_probe_chrome(chrome, "contact prompt", content)


# ------------------------------------------------------------------ HTML


UNSEEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Harbour wall repairs start in January | Portbury News</title></head><body>
<header><nav><h2 class="visually-hidden">Main navigation</h2><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article><h1>Harbour wall repairs start in January<a class="headerlink" href="#top" title="Permalink">¶</a></h1>
<p>The council's <a href="/report.pdf" target="_blank">engineering report<span class="screen-reader-text"> (opens in a new tab)</span></a> found that the east wall had lost a third of its mortar since the storms of 2024.</p>
<h2 id="cost">What it costs<a class="headerlink" href="#cost">#</a></h2>
<p><span class="sr-only">Published </span>Repairs will cost £1.2 million and close the slipway for ten weeks, from 11 January to 22 March.</p>
<p class="visually-hidden">Chart: the cost by month, from £0.1 million in January to £0.4 million in March.</p>
<p>Fishermen will land their catch at the west quay during the works, the harbour master said.</p>
</article></main></body></html>
"""


def test_a_headings_permalink_and_a_screen_readers_words_are_no_text_and_the_words_are_listed(
        make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"wall.html": UNSEEN_PAGE})
    texts, listed = task_texts(app), exclusion_reasons(app)
    assert texts[:4] == ["Harbour wall repairs start in January",
                         "The council's engineering report found that the east wall had lost a third of its mortar "
                         "since the storms of 2024.", "What it costs",
                         "Repairs will cost £1.2 million and close the slipway for ten weeks, from 11 January to 22 "
                         "March."]
    assert listed["(opens in a new tab)"].startswith("screen-reader-only text") and "Published" in listed
    # A block of its own in the article, which the extraction kept, is listed too.
    assert [text for text in listed if text.startswith("Chart: the cost")] and not [
        text for text in texts if "Chart" in text]
    # A screen reader's heading of a menu was never text: not listed (probe 45).
    assert not [text for text in listed if "Main navigation" in text]


# ------------------------------------------------------------------ the studied and blind pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning46"
# The nine studied pages, written with their truth before any run (main 30da66f: 11 of 86 chrome lines kept, 7 of 51
# real lines dropped, 12 tasks no line names; this probe: 5, 1 and 3). The five blind ones, written before any run and
# run once (main: 2 of 47 kept, 6 of 30 dropped, 14 unnamed; this probe: 2, 2 and 2).
TRUTH: dict[str, dict[str, Any]] = {
    **json.loads((PROBE / ".probe46_truth.json").read_text(encoding="utf-8")),
    **json.loads((PROBE / ".probe46_blind_truth.json").read_text(encoding="utf-8"))}
# (An App Store listing's "What's New" heading, pinned here as still dropped, is chrome in the truth since s47-cleaning2:
# a store's template over its latest notes, as probes 49 and 50 have it. An e-mail's <h1> in a layout table's cell,
# which the extraction drops, comes back since probe 47, and its buttons, its unsubscribe line and an app's
# data-safety lines are left out.)
STILL_DROPPED: dict[str, set[str]] = {}
# An app store's install note: left out, it made the page's title over it "a site's name above its menu" (and the
# listing's headings fragments), so it stays.
# A Play Store page's "Novidades" over its latest notes: chrome since s47-cleaning2 (a store's template, as probes 49
# and 50 have it), kept (a short title over prose, as a section's heading).
STILL_KEPT = {"app_horta_viva_loja.html": {"Este app está disponível para todos os seus dispositivos", "Novidades"}}
# A post's title from its front matter (the preload's page title, where the truth has the whole front matter as
# chrome), and a Sphinx note's title and text.
STILL_UNNAMED = {"post_hugo_castanhas.md": {"Apanhar castanhas em Trás-os-Montes"},
                 "notes_jekyll_tidepools.md": {"Counting anemones in the Wembury rock pools"},
                 "docs_sphinx_install.html": {"Note", "This page documents version 3.2. See the changelog for older "
                                                      "releases."}}


def probe_page_faults(tasks: list[str], listed: list[str], truth: dict[str, Any], still_dropped: set[str],
                      still_kept: set[str], still_unnamed: set[str]) -> list[str]:
    """What a page's ``tasks`` (normalised) and its ``listed`` texts (tasks and exclusions) get wrong against its
    ``truth``, the pinned lines aside: a real line missing or out of order, a chrome line kept, a near-duplicate's
    second copy kept, a task no line of the truth names, hidden text shown. A pinned line must still be pinned: a
    line still dropped is a real line of the truth and no task, a line still kept a chrome line and a task (a pin
    that could not fail hid its line's fix, or its line's loss, from every run)."""
    real_lines = list(dict.fromkeys(normal(line) for line in truth["real"]))
    # A chrome line with a real line's text (a wiki infobox's title) cannot be told from it by the tasks' texts.
    chrome_lines = {normal(line) for line, _kind in truth["chrome"]} - set(real_lines)
    real = [line for line in real_lines if line not in still_dropped]
    named = {normal(line) for line in [*truth["real"], *truth["either"], *(line for line, _kind in truth["chrome"])]}
    checks = {
        "real lines missing or out of order": [text for text in tasks if text in real] != real,
        "chrome kept but the pins": chrome_lines & set(tasks) != still_kept,
        "a near-duplicate kept": any(normal(second) in tasks for _first, second in truth["near_duplicates"]),
        "tasks unnamed but the pins": set(tasks) - named != still_unnamed,
        "hidden text listed": any(hidden in text for text in listed for hidden in truth["hidden"]),
        "a line pinned as still dropped is no real line, or is kept": not still_dropped <= set(real_lines) - set(tasks),
    }
    return [fault for fault, failed in checks.items() if failed]


def flipped(tasks: list[str], line: str) -> list[str]:
    """``tasks`` with ``line``'s outcome turned over: dropped if it is a task, kept (last) if not."""
    return [text for text in tasks if text != line] if line in tasks else [*tasks, line]


def assert_probe_page(app: Flask, truth: dict[str, Any], still_dropped: set[str], still_kept: set[str],
                      still_unnamed: set[str]) -> None:
    """A probe's page preloaded in ``app`` gives the real lines of its ``truth`` in order (but those still dropped),
    leaves out its chrome lines (but those still kept), merges its near-duplicates, keeps no task no line of the truth
    names (but those still unnamed), and neither keeps nor lists the text the page hides; and each pinned line's
    outcome, turned over, would fail the page (a pin that cannot fail is no pin)."""
    tasks = [normal(text) for text in task_texts(app)]
    listed = [*exclusion_reasons(app), *task_texts(app)]
    pins = (still_dropped, still_kept, still_unnamed)
    assert probe_page_faults(tasks, listed, truth, *pins) == []
    assert [line for line in set().union(*pins) if not probe_page_faults(flipped(tasks, line), listed, truth, *pins)
            ] == []


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_page_gives_its_real_lines_in_order_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                             name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / name).read_bytes()})
    assert_probe_page(app, TRUTH[name], STILL_DROPPED.get(name, set()), STILL_KEPT.get(name, set()),
                      STILL_UNNAMED.get(name, set()))
