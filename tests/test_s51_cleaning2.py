"""Cleaning of session 51, round 2 (s51-cleaning2), see fixtures/s51-cleaning2/README.md: s51-cleaning's leftovers on
new pages (pt and en, HTML and text). A page's title under a site's name of four words or more (left out by the
site-header pass, not by its own decision) over its details; an HTML page's <h2> ("Reviews", "Avaliações") over its
ratings' summary; a forum thread's starter line under its title with no blank line, and a reply's "X respondeu · 2 h";
a signature of a name and a tagline by its place under a post; a feedback widget's question with its answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.segmentation import split_paragraphs
from tests.test_cleaning_probe17 import page_tasks

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s51-cleaning2"


def probe_page(make_app: AppFactory, tmp_path: Path, folder: str, name: str) -> tuple[list[str], dict[str, str]]:
    """One probe page's task texts and what was left out of it, with why."""
    return page_tasks(make_app, tmp_path, name, (PROBE / folder / name).read_text(encoding="utf-8"))


# ------------------------------------------------------------------ a title under a long site's name

@pytest.mark.parametrize(("name", "title"), [
    ("vaga_eletricista_litoral.txt", "Eletricista"), ("job_plumber_southwest.txt", "Plumber"),
])
def test_a_title_under_a_long_site_name_over_its_details_is_kept(make_app: AppFactory, tmp_path: Path, name: str,
                                                                  title: str) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "studied", name)
    assert texts[0] == title
    site = next(line for line in reasons if len(line.split()) >= 5 and "|" not in line)
    assert "a site's name or tagline above its menu" in reasons[site]


# ------------------------------------------------------------------ an <h2> over its ratings' summary

@pytest.mark.parametrize(("name", "heading", "review"), [
    ("product_desk_lamp.html", "Reviews", "The warm setting is lovely"),
    ("produto_cafeteira.html", "Avaliações", "Faz o café bem rápido"),
])
def test_an_html_reviews_heading_over_its_ratings_summary_heads_the_reviews(make_app: AppFactory, tmp_path: Path,
                                                                            name: str, heading: str, review: str) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "studied", name)
    assert heading in texts and texts[texts.index(heading) + 1].startswith(review)
    assert any("engagement count" in reason for reason in reasons.values())


def test_a_comments_heading_over_its_count_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "studied", "produto_cafeteira.html")
    assert "Comentários" not in texts and "12 comentários" in reasons
    assert texts[-1].startswith("Alguém sabe se essa cafeteira")


# ------------------------------------------------------------------ a thread's starter and reply lines

# The title and its starter line alone in their block, as the blind forum_aquario.txt has them.
@pytest.mark.parametrize("page", [
    "Folhas do tomateiro amarelando de baixo para cima\nIniciado por dona_cida, 1 de dezembro de 2026\n\n"
    "Meus tomateiros de vaso estão com as folhas de baixo amarelando e secando.\n",
    "Slugs eating every lettuce seedling on the plot\nStarted by plot42, 30 November 2026\n\n"
    "Every lettuce I plant out is gone within two nights.\n",
])
def test_a_thread_title_over_its_starter_line_is_no_wrapped_paragraph(page: str) -> None:
    assert len(split_paragraphs(page)) == 3


@pytest.mark.parametrize(("name", "reply"), [
    ("forum_horta_tomate.txt", "jardineiro_sp respondeu · 2 de dezembro de 2026"),
    ("forum_allotment_slugs.txt", "greenfingers_ed replied · 1 December 2026"),
    ("forum_bicicleta_urbana.html", "roberto.bike respondeu · 2 h"),
])
def test_a_reply_line_is_a_byline(make_app: AppFactory, tmp_path: Path, name: str, reply: str) -> None:
    _texts, reasons = probe_page(make_app, tmp_path, "studied", name)
    assert "byline or credit" in reasons[reply]


def test_the_blind_thread_title_is_its_own_task(make_app: AppFactory, tmp_path: Path) -> None:
    page = (PROBE.parent / "s51-cleaning" / "blind" / "forum_aquario.txt").read_text(encoding="utf-8")
    texts, reasons = page_tasks(make_app, tmp_path, "forum_aquario.txt", page)
    assert "Algas verdes no vidro depois de trocar a luminária" in texts
    assert "byline" in reasons["Iniciado por peixe_betta, 29 de novembro de 2026"]


# ------------------------------------------------------------------ a signature by its place

@pytest.mark.parametrize(("name", "signatures"), [
    ("forum_horta_tomate.txt", ["Cida — horta no quintal em Sorocaba (SP)", "Paulo — cultivando orgânicos desde 2003"]),
    ("forum_allotment_slugs.txt", ["Jean — plot 42, Fulwood allotments", "Ed — growing on the same plot since 1994"]),
    ("forum_sourdough_starter.txt", ["Mark — baking bread since 1987"]),
    ("forum_bicicleta_urbana.html", ["Carla — pedalando em Curitiba desde 2015"]),
])
def test_a_signature_under_a_post_is_left_out(make_app: AppFactory, tmp_path: Path, name: str,
                                              signatures: list[str]) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "studied", name)
    for signature in signatures:
        assert signature not in texts and "signature" in reasons[signature]


# Guards: a headline of a signature's shape in a list of stories (over its own byline and teaser, under the story
# above), and a story's subheading over its prose, stay.
@pytest.mark.parametrize(("name", "headline"), [
    ("blog_lista_viagens.txt", "Porto — a cidade que desce até ao rio"),
    ("blog_lista_viagens.txt", "Évora — três dias entre muralhas e vinhas"),
    ("story_council_budget.txt", "Libraries — the branches that stay open"),
])
def test_a_headline_of_a_signatures_shape_stays(make_app: AppFactory, tmp_path: Path, name: str, headline: str) -> None:
    texts, _reasons = probe_page(make_app, tmp_path, "guards", name)
    assert headline in texts


# ------------------------------------------------------------------ a feedback widget

@pytest.mark.parametrize(("name", "widget"), [
    ("council_parking_permits.txt", "Did you find what you were looking for? Yes · No"),
    ("licencas_estacionamento.txt", "Encontrou o que procurava? Sim · Não"),
])
def test_a_feedback_widget_with_its_answers_is_left_out(make_app: AppFactory, tmp_path: Path, name: str,
                                                        widget: str) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "studied", name)
    assert widget not in texts and "survey prompt" in reasons[widget]
    assert texts[-1].endswith(".")
