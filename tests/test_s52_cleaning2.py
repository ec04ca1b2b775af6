"""Cleaning of session 52, round 2 (s52-cleaning2), see fixtures/s52-cleaning2/README.md: a statute's numbered provision
("Artigo 1.º", "Section 4", "§ 2") over its text kept; a heading under an ad's labels ("Publicidade" then "Preparação")
kept; a wiki's origin line of any wiki left out and the article's title over it kept; a Title Case headline that the
buttons' row reads ("Read Book Review") kept over its prose; a video's "Chapters" left out with its timestamps; the
buttons' row told by a set of verbs instead of a compiled alternation (the same lines)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import BUTTONS_RUN_REASON, _buttons_or_download, is_buttons_row
from tests.test_cleaning_probe17 import page_tasks

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s52-cleaning2"


def probe_page(make_app: AppFactory, tmp_path: Path, name: str) -> tuple[list[str], dict[str, str]]:
    """One probe page's task texts and what was left out of it, with why."""
    return page_tasks(make_app, tmp_path, name, (PROBE / name).read_text(encoding="utf-8"))


# ------------------------------------------------------------------ a statute's provisions

def test_a_statutes_numbered_provisions_head_their_text(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "lei_arrendamento_lojas.txt")
    for heading in ("Artigo 1.º", "Artigo 2.º", "§ 2"):
        assert heading in texts and heading not in reasons
    assert texts.index("Artigo 2.º") + 1 == texts.index("§ 2") - 1  # each over its own text


def test_a_provisions_number_over_no_text_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    # An index of a code's articles, one a line, heads no prose.
    page = ("Código do Trabalho\n\nÍndice\nArtigo 1.º\nArtigo 2.º\nArtigo 3.º\n\n"
            "O código regula as relações de trabalho subordinado entre empregadores e trabalhadores.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "indice.txt", page)
    assert "Artigo 1.º" in reasons and "Artigo 2.º" in reasons


def test_an_html_bylaws_headings_stay(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "bylaw_street_markets.html")
    assert {"Section 4", "Article 5", "Fees"} <= set(texts) and "Advertisement" in reasons


# ------------------------------------------------------------------ a heading under an ad's labels

def test_a_heading_under_an_ads_label_heads_the_next_section(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "receita_arroz_pato.txt")
    assert "Ingredientes" in texts and "Preparação" in texts
    assert reasons["Publicidade"].startswith("advertisement")


def test_a_label_under_an_ad_over_no_prose_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("O mercado de Natal abre no sábado na praça central, com quarenta bancas de artesanato e doces.\n"
            "Publicidade\nMais lidas\nFeira do livro\nConcerto de Ano Novo\n")
    texts, reasons = page_tasks(make_app, tmp_path, "mercado.txt", page)
    assert "Mais lidas" in reasons


# ------------------------------------------------------------------ wikis

@pytest.mark.parametrize(("name", "title", "origin"), [
    ("wiki_river_kent.txt", "River Kent", "From Wikipedia, the free encyclopedia"),
    ("wiki_rio_sado.txt", "Rio Sado", "Origem: Wikipédia, a enciclopédia livre."),
])
def test_a_wikis_title_over_its_origin_line_is_kept(make_app: AppFactory, tmp_path: Path, name: str, title: str,
                                                    origin: str) -> None:
    texts, reasons = probe_page(make_app, tmp_path, name)
    assert texts[0] == title and reasons[origin].startswith("navigation")


def test_any_wikis_origin_line_goes(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Serra do Caramulo\nOrigem: TerrasWiki, a enciclopédia livre.\nAltitude: 1076 m\n\n"
            "A serra do Caramulo fica entre os distritos de Viseu e Aveiro e foi um lugar de sanatórios.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "caramulo.txt", page)
    assert texts[0] == "Serra do Caramulo" and "Origem: TerrasWiki, a enciclopédia livre." in reasons


# ------------------------------------------------------------------ buttons' row and headlines

def test_a_title_case_headline_over_its_prose_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts, _reasons = probe_page(make_app, tmp_path, "news_book_review.html")
    assert texts[0] == "Read Book Review"


def test_a_row_of_buttons_over_prose_still_goes(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Episode 12: Winter cycling\nListen now Read transcript\n\n"
            "In this episode we ride to work through the coldest week of the year and talk about lights.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "episode.txt", page)
    assert BUTTONS_RUN_REASON in reasons["Listen now Read transcript"]


@pytest.mark.parametrize(("line", "buttons"), [
    ("Book a viewing Request details", True), ("Ir para a receita · Imprimir receita", True),
    ("Candidatar-se Descarregar brochura", True), ("Save · Share · Print brochure", True),
    ("Read Book Review", True),  # read alone as a row; over prose, a headline (above)
    ("Apply the Rules and Save Money", False), ("Share E-mail", False), ("Share · Save · Print · Order", False),
    ("Book now Save ·", False), ("Read more about the Lakes Share", False), ("Ler", False),
    ("Book  Save", False), ("Ver 2 fotos Partilhar", False),
])
def test_the_buttons_row_by_its_verbs(line: str, buttons: bool) -> None:
    assert is_buttons_row(line) is buttons
    assert (_buttons_or_download(line, line.casefold()) == BUTTONS_RUN_REASON) is buttons


# ------------------------------------------------------------------ chapters

def test_chapters_go_with_their_timestamps(make_app: AppFactory, tmp_path: Path) -> None:
    # Decided: a video's or podcast's chapters are links into the recording; the heading over them heads nothing kept.
    texts, reasons = probe_page(make_app, tmp_path, "video_bike_repair.txt")
    assert "Chapters" in reasons and "00:00 Intro" in reasons and "12:31 Replacing the cassette" in reasons
