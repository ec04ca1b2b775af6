"""Cleaning rules of the eleventh probe (1 December 2026), on small texts written for these tests and on its
three pages kept in fixtures/unseen (a columnist's page, a shop's category page, a Portuguese municipal press
release)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason, heading_of
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

CHROME = [
    # A shop's promotions, upsells and their calls.
    ("Leve 2 e pague 1 em protetores solares. Aproveite!", "advertisement"),
    ("Buy one, get one free on all spring bulbs. Shop now", "advertisement"),
    ("Compre pelo app e ganhe frete grátis na primeira compra.", "advertisement"),
    ("Free delivery on your first order over £20. Shop now", "advertisement"),
    ("Members save an extra 15% on every order. Upgrade now", "subscribe prompt"),
    ("Members get free delivery all year. Join the club today", "subscribe prompt"),
    # A paywall's appeal to the reader who enjoys the site's work.
    ("Enjoying our reporting? Support independent journalism from £3 a month.", "subscribe prompt"),
    ("Gosta do nosso jornalismo? Apoie o jornalismo independente.", "subscribe prompt"),
    # A call to report a mistake, however it goes on.
    ("Encontrou um erro nesta matéria? Escreva para a redação.", "correction prompt"),
    ("Encontraste uma gralha neste artigo? Diz-nos.", "correction prompt"),
    ("Spotted a typo in this article? Let us know.", "correction prompt"),
    ("Found a mistake?", "correction prompt"),
    # A listing's pager count.
    ("Showing 25–48 of 310 results", "navigation"),
    ("Mostrando 1 a 20 de 340 produtos", "navigation"),
    # A sponsor's label, alone or opening its ad.
    ("Sponsored", "sponsored content"),
    ("Conteúdo patrocinado", "sponsored content"),
    ("Conteúdo patrocinado: conheça o novo plano de saúde da Vida+, com consultas online 24 horas por dia e sem "
     "carência para exames simples.", "sponsored content"),
    ("Paid partnership: Ten ways to make your kitchen greener this spring, with the experts at HomeWise.",
     "sponsored content"),
    # A press release's label with its date, and the press office signing it.
    ("*Comunicado de imprensa · 3 de março de 2026*", "byline or credit"),
    ("Nota à imprensa", "byline or credit"),
    ("Press release · 3 March 2026", "byline or credit"),
    ("Gabinete de Imprensa", "byline or credit"),
    ("Departamento de Comunicação da Universidade do Minho", "byline or credit"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_eleventh_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


# Who wrote a column, under it (the page's lower half).
AUTHOR_NOTES = [
    "Priya Raman is a columnist for the Evening Post and writes about schools.",
    "Helena Costa é colunista do Diário do Norte.",
    "Marcos Vieira é economista e escreve sobre contas públicas às terças-feiras.",
    "*Rachel Odum is chief executive of the Tenants' Advice Line*",
    "_Tomás Ribeiro é professor de história na Universidade de Coimbra._",
]


@pytest.mark.parametrize("text", AUTHOR_NOTES)
def test_a_columns_author_note_is_left_out_in_the_pages_lower_half(text: str) -> None:
    assert_left_out(text, "boilerplate", "author note", Position(15, 20))
    # The same line opening a page is the column's own opening, not its note.
    assert boilerplate_reason(text, Position(2, 20)) is None


@pytest.mark.parametrize(
    "text",
    [
        # A story's sentences about someone: no role of writing for the page, or no name opening them.
        "Mariana Lopes é escritora e vive em Lisboa há vinte anos.",
        "Pedro Alves é repórter da TV Sul e foi agredido durante a cobertura do protesto.",
        "The mayor, who is a columnist for the Post, said the plan would go ahead.",
        "A vereadora Ana Lima é colunista do jornal e autora do projeto.",
        # Italic prose that opens with no name.
        "*The river is wide and slow here, and the ferry takes ten minutes.*",
        # Ordinary uses of the new cues' words.
        "Aproveite o feriado para visitar o museu, que abre às 10h.",
        "Join us today at the town hall for the vote on the new library.",
        "Na primeira compra, ele gastou R$ 300 em livros usados.",
        "Encontrou algum erro na sua declaração? Veja como retificar.",
        "Found an error in your tax return? Here is how to fix it.",
        "O comunicado de imprensa da PSP diz que o suspeito foi detido ontem à noite.",
        "O gabinete de comunicação da câmara não respondeu até ao fecho desta edição.",
        "Showing the film twice a day, the cinema sold out for a week.",
        "O governo apoia o jornalismo local com verbas de publicidade oficial.",
        "The fund was set up to support local journalism in rural towns.",
    ],
)
def test_eleventh_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(15, 20)) is None


def test_the_chrome_screen_passes_the_eleventh_probe_chrome() -> None:
    assert_screen_passes([text for text, _kind in CHROME] + AUTHOR_NOTES, Position(15, 20))


def test_a_sort_control_heads_no_list_of_links() -> None:
    # Its option names a list ("Most popular"), but the products under it are the page's listing.
    assert heading_of("Sort by: Most popular ▾") is None
    assert heading_of("Ordenar por: Mais vendidos") is None
    assert heading_of("Most popular") == "read-also prompt"


def _tasks(make_app: AppFactory, tmp_path: Path, *names: str) -> list[str]:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (UNSEEN / name).read_bytes() for name in names})
    return [task["data"]["text"] for task in label_studio_tasks(app)]


def test_a_category_page_keeps_its_listing_and_drops_the_sponsored_tile(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _tasks(make_app, tmp_path, "category_garden_tools.html")
    # The page's <h1> is its title (marked since the seventeenth probe).
    assert texts[:4] == [
        "Hand Tools",
        "Good hand tools last for decades. Our range is chosen by the team at our Devon nursery, who use every trowel, "
        "fork and pair of secateurs in the beds before it goes on sale.",
        "Stainless steel trowel with ash handle",
        "Bypass secateurs, 20 mm cut",
    ]
    assert texts[4] == "Choosing the right trowel" and len(texts) == 7


def test_a_columns_sponsored_line_paywall_and_author_note_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _tasks(make_app, tmp_path, "column_commute.txt")
    assert texts[0] == "I gave up my car for a year. The bus was not the hard part"
    assert texts[-1] == "Would I do it again? Yes." and len(texts) == 6


def test_a_press_release_keeps_its_story_and_list_only(make_app: AppFactory, tmp_path: Path) -> None:
    texts = _tasks(make_app, tmp_path, "comunicado_camara_braga.md")
    assert texts[0] == "Câmara investe 2,4 milhões de euros na requalificação das escolas básicas"
    assert texts[-4:] == ["Escola Básica de Soutelo", "Escola Básica da Lage", "Escola Básica de Prado",
                          "Escola Básica de Cervães"]
    assert len(texts) == 10
