"""Cleaning rules of the forty-fifth probe (4 December 2026): pages in pt-BR, pt-PT and English in every format the
preload reads (forum threads and newsletters pasted as text, Markdown exports of a wiki and a blog, HTML of WordPress,
Drupal and Ghost layouts, a forum's posts as JSON Lines, a newsletter as a Label Studio task list, a blog's posts as
CSV), see fixtures/cleaning45/README.md.

An e-mail's header fields go with a header's reason whatever cue their line holds, and the signatory under the
sign-off of a document that opens with one goes as its signature; a wiki's title under its skip link stays, named by
the first paragraph; two Markdown lines of items with no blank line between are two lines; a two-column table above
the article's first paragraph is an infobox; a clock time alone is named so; what an HTML page hides is not listed,
and a submenu's items are a line of their menu's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.segmentation import split_paragraphs
from tests.test_cleaning_probe17 import exclusion_reasons, normal, page_tasks, task_texts
from tests.test_cleaning44 import BRIDGE, STORY
from tests.test_preload import app_of_pages, assert_left_out, assert_probe_chrome

AppFactory = Callable[..., Flask]


# ------------------------------------------------------------------ cues of one line


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Se não conseguir ver este e-mail, abra-o no seu navegador.", "mailing notice",
     "O boletim da junta foi aberto no navegador da biblioteca por mais de cem pessoas."),
    ("Recebeu este boletim porque se inscreveu no site da Junta.", "mailing notice",
     "A junta recebeu este ano mais inscrições do que em todos os anteriores."),
    ("Tópico iniciado por rodrigo_mtb · 28/11/2026 às 07:52", "byline or credit",
     "O tópico iniciado por um leitor ganhou 300 respostas em dois dias."),
    ("Thread started by greenfingers_jo · 3 Dec 2026", "byline or credit",
     "The thread started by a reader in March now has more than 300 replies."),
    # Found blind: a view-in-browser link said whole, a forum reply's author and date.
    ("Não está conseguindo ver as imagens? Clique aqui para ver no navegador.", "mailing notice",
     "O prefeito disse que não sabia ver as imagens no navegador do celular."),
    ("Reply from greenfingers_jo · 5 Dec 2026, 09:47", "byline or credit",
     "The reply from the council came on 5 December 2026, three weeks after the letter."),
    ("Resposta de Lúcia_Horta · 05/12/2026 18:40", "byline or credit",
     "A resposta de Lúcia chegou em 5 de dezembro de 2026, três semanas depois da carta."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


def test_a_clock_time_alone_is_named_so() -> None:
    assert_left_out("22:33", "fragment", "a clock time alone on its line")


# ------------------------------------------------------------------ e-mails


HEADER = ["From: Kennet Canal Trust <news@kennetcanaltrust.example.org.uk>", "To: j.holloway@example.net",
          "Subject: Winter stoppages and the lock 78 appeal", "Date: Thu, 3 Dec 2026 08:00:12 +0000"]
SIGNED = ["With best wishes,", "Helen Marsh", "Chair, Kennet Canal Trust"]


def test_an_e_mails_header_fields_go_as_a_header_whatever_cue_they_hold(make_app: AppFactory, tmp_path: Path) -> None:
    # The sender's and the recipient's addresses were "contact prompt"; "Data: 1 de dezembro" a byline.
    texts, reasons = page_tasks(make_app, tmp_path, "mail.txt", "\n".join([*HEADER, "", STORY, BRIDGE]) + "\n")
    assert all(reasons[field].startswith("a field of an e-mail's header") for field in HEADER)
    assert {STORY, BRIDGE} <= set(texts)


def test_the_signatory_of_an_e_mail_goes_and_a_letters_stays(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "mail").mkdir(), (tmp_path / "letter").mkdir()
    texts, reasons = page_tasks(make_app, tmp_path / "mail", "mail.txt",
                                "\n".join([*HEADER, "", STORY, BRIDGE, "", *SIGNED]) + "\n")
    assert not set(SIGNED[1:]) & set(texts) and "an e-mail's signature" in reasons[SIGNED[1]]
    texts, _reasons = page_tasks(make_app, tmp_path / "letter", "letter.txt",
                                 "\n".join([STORY, BRIDGE, "", *SIGNED]) + "\n")
    assert set(SIGNED[1:]) <= set(texts)


# ------------------------------------------------------------------ a page's top


BREDE = ("The River Brede is a river in East Sussex, England, which rises near Battle and flows east to join the River "
         "Rother at Rye.")


def test_a_title_under_the_skip_link_stays_when_the_first_paragraph_names_it(make_app: AppFactory,
                                                                             tmp_path: Path) -> None:
    (tmp_path / "wiki").mkdir(), (tmp_path / "site").mkdir()
    rows = ["Length\t50 km (31 mi)", "Source\tNear Battle, East Sussex", "Mouth\tRiver Rother at Rye"]
    texts, _reasons = page_tasks(make_app, tmp_path / "wiki", "brede.txt", "\n".join(
        ["Jump to content", "River Brede", "From Wikipedia, the free encyclopedia", *rows, BREDE, BRIDGE]) + "\n")
    assert texts[:2] == ["River Brede", BREDE]
    # A site's name under the skip link, over its menu: no paragraph names it.
    texts, _reasons = page_tasks(make_app, tmp_path / "site", "news.txt", "\n".join(
        ["Skip to main content", "Sussex Courier", "News | Sport | Weather | Jobs", BREDE, BRIDGE]) + "\n")
    assert "Sussex Courier" not in texts and BREDE in texts


def test_two_markdown_lines_of_items_are_two_lines() -> None:
    menus = ("Filter by: All events · Children · Adults · Digital skills · Reading groups\n"
             "‹ November 2026 | December 2026 | January 2027 ›\n")
    assert len(split_paragraphs(menus)) == 2
    wrapped = ("The council met last night in the old school hall · the first time to discuss the\n"
               "plan for the bridge, which engineers closed on Monday after divers found cracks.\n")
    assert len(split_paragraphs(wrapped)) == 1


INFOBOX = "| Altitude | 1993 m |\n| --- | --- |\n| Localização | Guarda e Castelo Branco |\n| Cordilheira | Sistema Central |"
ESTRELA = ("A Serra da Estrela é a maior elevação de Portugal continental, com 1993 metros de altitude no planalto da "
           "Torre.")


@pytest.mark.parametrize(("page", "left_out"), [
    (f"# Serra da Estrela\n\nOrigem: Wikipédia, a enciclopédia livre.\n\n{INFOBOX}\n\n{ESTRELA}\n", True),
    # Under the article's first paragraph: the text's own table.
    (f"# Serra da Estrela\n\n{ESTRELA}\n\n{INFOBOX}\n\nO planalto guarda marcas da última glaciação.\n", False),
])
def test_a_two_column_table_above_the_first_paragraph_is_an_infobox(make_app: AppFactory, tmp_path: Path, page: str,
                                                                    left_out: bool) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "serra.md", page)
    assert (INFOBOX not in texts) is left_out and ESTRELA in texts
    assert not left_out or "(an infobox)" in reasons[INFOBOX]


# ------------------------------------------------------------------ HTML


HIDDEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Tram extension approved | Westbridge Courier</title></head><body>
<a class="sr-only sr-only-focusable" href="#main">Skip to main content</a>
<header><nav><h2 class="visually-hidden">Main navigation</h2>
<ul class="menu"><li><a href="/news">News</a></li><li><a href="/politics">Politics</a><ul><li><a href="/council">Council</a></li></ul></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="search" hidden><p>Search the Courier</p></div></header>
<main id="main"><article><h1>Tram extension approved</h1>
<p>Westbridge City Council voted last night to extend the tram line by 2.4 miles from Temple Quay to Harbourside.</p>
<div style="display: none"><p>Subscribe for 99p a week and read without limits.</p></div>
<p hidden>Subscribers read this story first, on the morning of the vote.</p>
<p>Work on the depot at Cumberland Basin could start in the spring, the council leader said after the vote.</p>
</article></main>
<div class="share-bar"><span class="screen-reader-text">Share this story:</span> <a href="#">Facebook</a> <a href="#">Email</a></div>
</body></html>
"""


def test_what_a_page_hides_is_not_listed_and_a_submenu_is_a_line_of_its_menu(make_app: AppFactory,
                                                                             tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"tram.html": HIDDEN_PAGE})
    listed = exclusion_reasons(app)
    assert {"Skip to main content", "News · Politics · Council · Sport", "Facebook Email"} <= set(listed)
    # Found blind: a hidden paragraph inside the article was the extraction's text (trafilatura reads no CSS).
    hidden = ["Main navigation", "Search the Courier", "Subscribe for 99p a week", "Share this story", "Subscribers read"]
    assert not [text for text in [*listed, *task_texts(app)] for part in hidden if part in text]


# ------------------------------------------------------------------ the studied and blind pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning45"
# The nine studied pages, written with their truth before any run (main 77618fd: 7 of 94 chrome lines kept and one
# task of four chrome lines joined, 0 of 47 real lines dropped; this probe: 1 and 0).
# The five blind ones, written before any run and run once (main: 5 of 51 chrome lines kept and one task of four chrome
# lines joined, 0 of 25 real lines dropped; the studied fixes: 3 and 0; 1 and 0 after the fixes found blind).
TRUTH: dict[str, dict[str, Any]] = {
    **json.loads((PROBE / ".probe45_truth.json").read_text(encoding="utf-8")),
    **json.loads((PROBE / ".probe45_blind_truth.json").read_text(encoding="utf-8"))}
# A forum member's motto before their name ('"Quem planta colhe" — Seu Dito, Contagem/MG'): a pull quote has the same
# shape, so it stays; so does a member's place and since when they grow, found blind.
STILL_KEPT = {"forum_hortas_urbanas.jsonl": {'"Quem planta colhe" — Seu Dito, Contagem/MG'},
              "thread_allotment_slugs.jsonl": {"Plot 14, Ashton Road · growing since 1987"}}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_page_gives_its_real_lines_in_order_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                             name: str) -> None:
    truth = TRUTH[name]
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / name).read_text(encoding="utf-8")})
    tasks = [normal(text) for text in task_texts(app)]
    real = list(dict.fromkeys(normal(line) for line in truth["real"]))
    assert [text for text in tasks if text in real] == real
    assert {normal(line) for line, _kind in truth["chrome"]} & set(tasks) == STILL_KEPT.get(name, set())
    assert not any(normal(second) in tasks for _first, second in truth["near_duplicates"])
    named = {normal(line) for line in [*truth["real"], *truth["either"], *(line for line, _kind in truth["chrome"])]}
    named |= {normal(line.split("[")[0]) for line in truth["either"]}  # a wiki's heading without its edit link
    assert not set(tasks) - named
    listed = [*exclusion_reasons(app), *task_texts(app)]
    assert not [text for text in listed for hidden in truth["hidden"] if hidden in text]
