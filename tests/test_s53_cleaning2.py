"""Cleaning of session 53's second probe (s53-cleaning2), see fixtures/s53-cleaning2/README.md: a wiki's skip links
past its metadata are left out; an agenda's items ("Sábado, 18 de abril — limpeza do jardim") are no dateline; a
footer's address whose street and postcode are parts between dots is an address; scraped posts' chrome inside the
text field and near-duplicates across a corpus's documents, as the probe's runs gave them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import is_postal_address
from tests.test_cleaning_probe17 import page_tasks, task_texts
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s53-cleaning2"


def probe_page(make_app: AppFactory, tmp_path: Path, name: str, folder: str = "studied") -> tuple[list[str], dict[str, str]]:
    """One probe page's task texts and what was left out of it, with why."""
    return page_tasks(make_app, tmp_path, name, (PROBE / folder / name).read_bytes().decode("utf-8"))


# ------------------------------------------------------------------ a wiki's skip links past its metadata

def test_a_wikis_skip_links_past_its_metadata_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "confluence_release_process.md")
    assert reasons["Skip to end of metadata"].startswith("navigation")
    assert reasons["Go to start of metadata"].startswith("navigation")
    assert {"Release process for the mobile app", "Overview", "Steps", "Rollback"} <= set(texts)


def test_a_sentence_about_metadata_is_kept(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Our wiki keeps each page's owner in its metadata.\n\n"
            "Go to the start of the metadata panel to see who last edited a page, then ask them before you move it.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "wiki.txt", page)
    assert not reasons


# ------------------------------------------------------------------ a newsletter's agenda and its footer's address

def test_a_newsletters_agenda_items_and_heading_are_kept(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "newsletter_associacao.txt")
    assert {"Agenda", "Sábado, 18 de abril — limpeza do jardim",
            "Quinta, 30 de abril — assembleia geral, na sede, às 21h"} <= set(texts)
    assert reasons["Associação de Moradores do Bairro da Graça · Largo da Graça 12 · 1170-165 Lisboa"].startswith(
        "a street address with a postcode")


@pytest.mark.parametrize("line", [
    "Sábado, 18 de abril — Lusa",  # a dateline's agency: one word after the dash
    "Sábado, 18 de abril — por Ana Lima",  # a byline after it
    "quinta-feira, 6 de março",
])
def test_a_datelines_weekday_and_date_stay_out(make_app: AppFactory, tmp_path: Path, line: str) -> None:
    page = (f"{line}\n\nA câmara abriu hoje as inscrições para as hortas urbanas do parque da cidade, que têm "
            "quarenta talhões.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "noticia.txt", page)
    assert reasons[line].startswith("byline or credit")


@pytest.mark.parametrize(("line", "address"), [
    ("Associação de Moradores · Largo da Graça 12 · 1170-165 Lisboa", True),
    ("Rua do Sol 12 | 4000-123 Porto", True),
    ("Visite-nos no Largo da Graça 12 · 1170-165 Lisboa", False),  # the street after a word: a sentence's
    ("Largo da Graça · 1170-165 Lisboa", True),  # a square's name over its postcode, read as "Largo da Graça, 1170"
    ("Sessão às 21h · Sala 12 · 1170-165 Lisboa", False),  # a room, no street
])
def test_an_address_in_parts_between_separators(line: str, address: bool) -> None:
    assert is_postal_address(line) is address


# ------------------------------------------------------------------ scraped posts and a corpus, as the probe gave them

def test_scraped_posts_chrome_inside_the_text_field(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "posts_grupo_bairro.csv")
    assert {"Curtir · Responder · 3 h", "Ver tradução", "12 comentários 4 partilhas",
            "Curtir Comentar Partilhar"} <= set(reasons)
    # Left: a post's "… Ver mais" stays at its line's end (a task is its source's slice; no rule cuts inside a line).
    assert any(text.endswith("no salão da igreja. … Ver mais") for text in texts)


def test_scraped_posts_engagement_lines_in_jsonl(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "posts_transit.jsonl")
    assert {"12:04 PM · Apr 29, 2026 · 4,210 Views", "18 Reposts 6 Quotes 41 Likes 3 Bookmarks", "Show this thread",
            "Translate post", "Reply Repost Like Share"} <= set(reasons)
    assert len(texts) == 3


def test_a_near_duplicate_in_another_document_is_merged(make_app: AppFactory, tmp_path: Path) -> None:
    folder = PROBE / "studied" / "corpus_comunicados"
    app = app_of_pages(make_app, tmp_path / "pages", {
        page.name: page.read_text(encoding="utf-8") for page in sorted(folder.iterdir())})
    texts = task_texts(app)
    assert not any("custaram 1,3 milhões" in text for text in texts)
    assert sum(text.startswith("Segundo a vereadora") for text in texts) == 1
    assert any(text.startswith("Os utentes ouvidos") for text in texts)


# ------------------------------------------------------------------ the blind pages (one run at bdb183ce; see README)

def test_blind_a_council_page_as_its_one_run_gave_it(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "council_bulky_waste.html", "blind")
    assert {"Book a bulky waste collection", "Cost", "What we cannot take"} <= set(texts)
    assert "Skip to main content" in reasons and "Last updated: 2 March 2026" in reasons


def test_blind_a_shops_last_review_is_dropped_by_the_extraction(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "loja_moinho_cafe.html", "blind")
    assert any(text.startswith("Mói de forma muito uniforme") for text in texts)
    # Truth: real. trafilatura drops the last review and restored_blocks puts nothing back after the last line kept
    # (a page's footer): left out in both trees, pinned as it came.
    [reason] = [reason for text, reason in reasons.items() if text.startswith("A manivela solta-se")]
    assert reason.startswith("left out by the HTML loader: ratings by its markup's name")


def test_a_page_exports_properties_and_see_also_link_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    # Kept in the blind run (bdb183ce), fixed after it: no longer blind evidence.
    texts, reasons = probe_page(make_app, tmp_path, "notion_planeamento_feira.md", "blind")
    assert reasons["Criado por: Inês Carvalho"].startswith("byline or credit")
    assert any(text.startswith("Ver também: [Lista de voluntários]") for text in reasons)
    assert {"Planeamento da feira de trocas", "Tarefas", "Reservar as mesas da junta"} <= set(texts)


def test_a_sentence_opening_with_criado_por_is_kept(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Criado por um grupo de pais em 2019, o clube de xadrez da escola reúne-se às quartas-feiras na biblioteca.\n\n"
            "Ver também o regulamento do torneio, que a direção aprovou em março e que vale para todos os escalões.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "clube.txt", page)
    assert not reasons


def test_blind_posts_and_a_corpus_as_their_one_run_gave_them(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "posts_agua_amoreiras.jsonl", "blind")
    assert {"Responder · Partilhar · 5 min", "Ver mais respostas", "Traduzir publicação",
            "3 gostos · Responder"} <= set(reasons) and len(texts) == 3
    folder = PROBE / "blind" / "corpus_notices"
    app = app_of_pages(make_app, tmp_path / "corpus", {
        page.name: page.read_text(encoding="utf-8") for page in sorted(folder.iterdir())})
    corpus = task_texts(app)
    assert not any("421 residents" in text for text in corpus) and len(corpus) == 5
