"""Cleaning rules of the nineteenth probe (2 December 2026): what its eight studied pages kept in fixtures/unseen
showed (a pt-BR petition in Markdown, an English hiking trail page in HTML, a pt-PT online dictionary entry, an English
library catalogue record, a pt-BR transit service alert in HTML, an English council consultation in Markdown, an
English book page with ratings and reviews, a pt-PT TV streaming episode page in HTML), and four misses left by the
seventeenth and eighteenth ("**9** days to go", an app store's data-safety paragraph, a cinema's "Audio-described ...
screenings available", a one-word Markdown heading over its section), on small texts written for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from plugins.loaders import mark_title
from tests.test_cleaning_probe17 import assert_page_matches_truth, task_texts
from tests.test_preload import app_of_pages, assert_kept, assert_probe_chrome

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

# Each cue's chrome line, its kind, and a sentence of content with the same words, which stays.
CHROME = [
    # A dictionary's box on how to cite the entry, and the citation to copy.
    ("Como referenciar este artigo", "reference list",
     "Como citar este artigo sem violar direitos é a dúvida de muitos estudantes, diz a professora."),
    ("desenrascar in Dicionário Lusitano [em linha]. Porto: Edições Lusitano, 2003-2025. Consultado em 2025-11-20.",
     "reference list", "A loja em linha da editora abriu em março de 2025, segundo o jornal."),
    # A library catalogue's record: its way back, availability and fields.
    ("Back to search results", "button or link label",
     "Back to results from the census: the council published the figures on Monday."),
    ("Available at 3 of 5 libraries", "catalogue field",
     "Available at 3 of 5 libraries last year, the book is now in every branch of the county."),
    ("ISBN: 9781838219047", "catalogue field", "The ISBN of the new edition is different from the first, the publisher said."),
    ("Physical description: 312 pages : illustrations, maps ; 22 cm", "catalogue field",
     "The physical description of the suspect was given to the police by two witnesses."),
    ("Subjects: Salt marshes -- England -- Essex. | Natural history -- England -- Essex.", "catalogue field",
     "Subjects taught at the school include maths, history and science."),
    # A book page's details and buttons.
    ("First published March 4, 2021", "byline or credit", "First published in 1851, the novel sold poorly at first."),
    ("Rate this book to see more reviews.", "button or link label",
     "Rate this book highly, the critics said, though its ending disappoints."),
    # A streaming service's episode: until when it streams, its buttons; a cinema's accessible screenings.
    ("Disponível até 12 mar 2026", "byline or credit", "O passe está disponível até 12 mar 2026 nas bilheteiras do metro."),
    ("▶ Ver episódio + A minha lista Partilhar", "button or link label",
     "Ver o episódio de ontem foi difícil para a família, contou Manuel."),
    ("Audio-described and subtitled screenings available", "button or link label",
     "Screenings available to schools were cut last year, the council said."),
    # A petition's tally, its form's checkbox, who opened it, an update's date; a consultation's closing date.
    ("**12.408** pessoas assinaram. Vamos chegar a 15.000!", "engagement count",
     "Ao todo, 1.200 pessoas assinaram a carta enviada ao ministro em março."),
    ("Exibir meu nome e comentário nesta petição", "button or link label",
     "Exibir meu nome na lista foi a condição que impus, disse a vizinha."),
    ("**Aberta por Associação de Moradores do Porto** · Pelotas, RS · 14 de fevereiro de 2025", "byline or credit",
     "Criada por imigrantes italianos em 1890, a festa atrai 20 mil visitantes."),
    ("**Atualização · 3 de março de 2025**", "byline or credit",
     "A atualização de 3 de março de 2025 corrigiu o erro do aplicativo."),
    ("**Status:** Open · **Closes:** 11:59pm, 15 January 2026", "byline or credit",
     "The pool closes at 8pm on weekdays, the council said."),
    # A crowdfunding campaign's days to go with the figure in bold (probe 17's miss).
    # Found blind (the probe's six pages kept back, run once): a service status's update times, a letters page's note
    # on its editing (with its e-mail address, two cues).
    ("Status: Amber – disruption possible · Updated 07:45, Friday 21 November", "byline or credit",
     "The timetable was updated at 07:45 on Friday, the company said."),
    ("Next update: 16:00 today", "byline or credit", "The next update to the app will add offline maps, the company said."),
    ("Letters may be edited for length. Write to letters@wensleydalecourier.co.uk, including your full address.",
     "comments prompt", "The contract may be edited for length before it is signed, the lawyer said."),
    ("Cartas podem ser editadas por questões de espaço. Escreva para cartas@jornal.pt com o seu nome completo.",
     "comments prompt", "As cartas podem ser editadas por questões de espaço, explicou o diretor do jornal."),
    ("**9** days to go", "engagement count", "Only 9 days to go before the election, the polls are tied."),
    # An app store's data-safety paragraph (probe 17's miss).
    ("A segurança começa com a compreensão de como os desenvolvedores coletam e compartilham seus dados. As práticas de "
     "privacidade e segurança de dados podem variar de acordo com o uso, a região e a idade.", "privacy notice",
     "Os desenvolvedores coletam dados dos usuários sem aviso, diz a investigação da polícia federal."),
]


@pytest.mark.parametrize(("text", "kind", "content"), CHROME)
def test_nineteenth_probe_chrome_goes_and_its_words_in_a_sentence_stay(text: str, kind: str, content: str) -> None:
    assert_probe_chrome(text, kind, content)


def test_a_letters_subject_line_stays() -> None:
    """A catalogue's "Subjects:" is in the plural; a letter's subject, in the singular, is what it is about."""
    assert_kept("Assunto: Obras na cobertura do edifício n.º 212 da Rua de Cedofeita")


EPISODE = """# Os pastores de Manteigas
T2 · Ep. 5 · 48 min · 2025 · M/6
No inverno, quando a neve fecha os caminhos da Serra da Estrela, restam em Manteigas apenas quatro famílias que vivem da pastorícia.
O episódio mostra a ordenha ao amanhecer e a feitura do queijo na cave da casa.
"""
SITE = """# Rádio Serrana
Início · Notícias · Desporto · Podcasts · Contactos
No inverno, quando a neve fecha os caminhos da Serra da Estrela, restam em Manteigas apenas quatro famílias que vivem da pastorícia.
O episódio mostra a ordenha ao amanhecer e a feitura do queijo na cave da casa.
"""


def test_a_title_over_its_details_line_is_no_sites_name(make_app: AppFactory, tmp_path: Path) -> None:
    """A line of items mostly carrying figures under a page's opening line is its details ("T2 · Ep. 5 · 48 min"), not
    a menu: the line above is the title; a site's name above its menu of words still goes."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"episode.md": EPISODE, "site.md": SITE}))
    assert "Os pastores de Manteigas" in texts and "Rádio Serrana" not in texts


CONSULTATION = """# Walcot Road cycle lanes

**Status:** Open · **Closes:** 11:59pm, 15 January 2026

## Overview

We are proposing to build protected cycle lanes on both sides of Walcot Road between the station and the roundabout.

## Location

Walcot Library, Saturday 6 December, 10am to 1pm.

## Documents

[Walcot Road cycle lanes – consultation leaflet (PDF, 2.1 MB)](/docs/walcot-leaflet.pdf)

## Nearby

[Fairfield Road bus lane](/consultations/fairfield)

Page last updated: 18 November 2025
"""


def test_a_markdown_heading_over_its_sections_prose_stays(make_app: AppFactory, tmp_path: Path) -> None:
    """'## Overview' and '## Location' head a sentence of the text; '## Documents' and '## Nearby' head links."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"consultation.md": CONSULTATION}))
    assert "Overview" in texts and "Location" in texts
    assert "Documents" not in texts and "Nearby" not in texts


TRAIL = """<!DOCTYPE html><html lang="en"><head><title>Coombe Ridge Circular</title></head><body>
<nav><a href="/">TrailNotes</a> <a href="/explore">Explore</a> <a href="/login">Log in</a></nav>
<main><article>
<h1>Coombe Ridge Circular</h1>
<p>The walk starts from the small car park at Coombe Bridge and climbs through oak woodland to the open ridge, where on a
clear day you can see across the Bristol Channel to Wales.</p>
<h2>Getting there</h2>
<p>The car park holds about fifteen cars and fills by ten on summer weekends. The 198 bus from Minehead stops at Coombe
Cross, a ten-minute walk from the start.</p>
<h2>Key facts</h2>
<p>Length: 11.2 km, a loop</p>
<p>Elevation gain: 412 m over the ridge</p>
<p>The path along the ridge is wide and well marked, but the descent into Hollow Combe is steep and can be slippery after
rain, so take care on the last kilometre.</p>
<h2>Other routes</h2>
<p>Need help? Call our visitor centre on 0800 066 5000 (8am to 8pm daily).</p>
</article></main>
<footer><p>© 2025 TrailNotes Ltd · Privacy · Terms</p></footer>
</body></html>
"""


def test_an_html_pages_section_headings_over_their_content_stay(make_app: AppFactory, tmp_path: Path) -> None:
    """The HTML loader marks an <h2> to <h6> as a Markdown heading, which stays over a sentence ("Getting there") or
    over two short lines of content ("Key facts"); a heading over the footer's help line at the page's end goes with
    it ("Other routes")."""
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"trail.html": TRAIL}))
    assert "Getting there" in texts and "Key facts" in texts and "Length: 11.2 km, a loop" in texts
    assert "Other routes" not in texts and not any(text.startswith("Need help?") for text in texts)


def test_the_html_loader_marks_section_headings() -> None:
    page = "<h1>Title</h1><p>Body.</p><h2>Getting <em>there</em></h2><h3>By bus</h3><p>Getting there by car</p>"
    assert mark_title(page, "Title\nBody.\nGetting there\nBy bus\nGetting there by car") == \
        "# Title\nBody.\n## Getting there\n## By bus\nGetting there by car"


# The eight studied pages' truth, and the six pages kept back as a blind check until the fixes above were made (run once
# then, and fixed after as "found blind").
TRUTH = json.loads((UNSEEN / ".probe19_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe19_blind_truth.json").read_text(encoding="utf-8"))

# What the studied pages still get wrong (fixtures/unseen/README.md): chrome lines kept, real lines dropped. Anything
# else wrong fails the test.
STILL_KEPT: dict[str, set[str]] = {}
STILL_DROPPED = {
    # Two weak cues in a petition's call to share it, with the hearing's date after the colon.
    "peticao_arvores_praca.md": {"Assine e compartilhe com quem passa pela praça: a audiência pública sobre a reforma "
                                 "está marcada para 20 de março, na Câmara de Vereadores."},
}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()))
