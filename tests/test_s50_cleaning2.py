"""Cleaning of session 50, round 2 (s50-cleaning2), see fixtures/s50-cleaning2/README.md.

s50-cleaning's leftovers, on new pages written for this file: a short job title (two or three words) under a text
page's header (its site's name and menu), over the posting's details (a posted or reference line, a line of place and
pay) and then its prose, is the page's title, not a label; an HTML page's <h1> over a line of two or three items (a
posting's details, no site's menu of four) and then prose is the page's title, not a site's name; and a consultation's
button to take part ("Participar na consulta pública", "Have your say") alone on its line is chrome. Guards: a news
page's section label under its menu (over the kept headline), a blog's one-word label over a byline, a button or a
name over a byline alone (no line of a posting's items) stay out, a site's name in <h1> over its menu of four items
stays out, and sentences on how to take part stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.analysis import WORD_TOKEN, fold
from server.boilerplate import find_cues
from tests.test_cleaning_probe17 import page_tasks

AppFactory = Callable[..., Flask]

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "s50-cleaning2"


def tasks_of(make_app: AppFactory, tmp_path: Path, name: str) -> tuple[list[str], dict[str, str]]:
    """One fixture page's task texts and what was left out of it, with why."""
    return page_tasks(make_app, tmp_path, name, (PAGES / name).read_text(encoding="utf-8"))


# ------------------------------------------------------------------ a page's title over its details

@pytest.mark.parametrize(("name", "title", "details"), [
    ("vaga_motorista_pesados.txt", "Motorista de pesados",
     ["Publicada há 3 dias · Ref. PEA-5512", "Évora · 1.150 € por mês · Tempo inteiro"]),
    ("job_pharmacy_technician.txt", "Pharmacy Technician",
     ["Posted 5 days ago · Ref WCJ-40917", "Exeter · £24,100 a year · Part-time"]),
    ("job_grounds_operative.html", "Grounds Maintenance Operative", ["Salisbury · Permanent · Full-time"]),
])
def test_a_short_title_over_its_details_and_prose_is_kept(make_app: AppFactory, tmp_path: Path, name: str, title: str,
                                                         details: list[str]) -> None:
    texts, reasons = tasks_of(make_app, tmp_path, name)
    assert title in texts
    # The details under it stay out (a posted line, a line of place and pay), as the site's name and menu above it.
    assert [line for line in details if line in texts] == []
    assert [line for line in details if line not in reasons] == []


def test_a_title_of_a_text_page_under_its_menu_and_the_lines_around_it(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = tasks_of(make_app, tmp_path, "job_pharmacy_technician.txt")
    assert "Westcountry Care Jobs" in reasons and "Search jobs | Employers | Advice | Log in" in reasons
    assert texts[0] == "Pharmacy Technician" and texts[1].startswith("A busy community pharmacy")


def test_an_h1_over_a_postings_details_is_the_pages_title(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = tasks_of(make_app, tmp_path, "vaga_enfermeiro.html")
    # Kept before this change too (two words, no site's name's reason): the pt twin of the English page above.
    assert texts[0] == "Enfermeiro de família"
    assert "Braga · Contrato a termo · 35 horas" in reasons


@pytest.mark.parametrize(("name", "label", "kept"), [
    # A news page's section label under the menu stands over the story's headline, kept: no title over details.
    ("guard_noticia_seccao.txt", "Economia", "Fábrica de cortiça de Mirandela contrata 40 pessoas"),
    # A blog's label of one word over a byline is no title of two words or more.
    ("guard_blog_label.txt", "Blog", "The bees have gone quiet for the winter, and we have wrapped the hives in straw "
                                     "boards against the wind from the hill."),
    # A button or a name over a byline alone (no line of a posting's items), then prose: a forum's "Open App" over
    # "Posted by ...", a photo post's author over their handle and date (seedlike19's, unseen's shapes).
    ("guard_forum_byline.txt", "Open App", "I meant to put my garlic in during October, but the plot flooded twice "
                                           "and I only dug the bed over last weekend."),
    ("guard_social_card.txt", "Rui Tavares", "Tirei esta fotografia no regresso do trabalho, sem tripé, encostado ao "
                                             "corrimão da ponte."),
    # A site's name in <h1> over its own menu of four items, then prose.
    ("guard_site_h1_menu.html", "Kestrel Cycling Club", "New riders are welcome on any ride, and the first three are "
                                                        "free before you join."),
])
def test_a_label_or_a_sites_name_over_a_byline_or_a_menu_stays_out(make_app: AppFactory, tmp_path: Path, name: str,
                                                                   label: str, kept: str) -> None:
    texts, reasons = tasks_of(make_app, tmp_path, name)
    assert label not in texts and label in reasons
    assert kept in texts


# ------------------------------------------------------------------ a button to take part

@pytest.mark.parametrize(("name", "buttons"), [
    ("consulta_regulamento_feiras.txt", ["Participar na consulta pública", "Dê a sua opinião"]),
    ("consultation_school_streets.txt", ["Respond to this consultation", "Have your say"]),
])
def test_a_consultations_button_to_take_part_is_left_out(make_app: AppFactory, tmp_path: Path, name: str,
                                                         buttons: list[str]) -> None:
    texts, reasons = tasks_of(make_app, tmp_path, name)
    assert [button for button in buttons if button in texts] == []
    assert [button for button in buttons if not reasons[button].startswith("button or link label")] == []


def test_a_sentence_on_how_to_take_part_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts, _reasons = tasks_of(make_app, tmp_path, "guard_participar_frase.txt")
    assert "Participar na discussão pública é simples: basta preencher o formulário até ao fim do mês." in texts
    assert "Have your say on the new cycle lanes before the end of March, by post or at the library." in texts


@pytest.mark.parametrize(("line", "button"), [
    ("Participar na discussão pública", True),
    ("Enviar contribuição", True),
    ("Responder à consulta pública", True),
    ("Respond online", True),
    ("Take part in the consultation", True),
    ("Submit your comments", True),
    ("Participar na discussão pública é um direito de todos.", False),
    ("Have your say on the plan before March.", False),
    ("Responder à consulta demorou uma hora", False),
])
def test_the_take_part_cue_reads_the_call_alone(line: str, button: bool) -> None:
    folded = fold(line)
    assert ("button or link label" in find_cues(folded, WORD_TOKEN.findall(folded), line)) is button
