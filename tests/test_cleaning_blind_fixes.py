"""Chrome the blind checks of the eleventh and twelfth cleaning probes kept (fixtures/unseen/README.md), left out by
general features after they were reported: a page count closing a running header, a byline of a name and a stamp
after a bar or dot, a press release's contact heading, a place and date at a letter's top, a product's upsell, a help
box's call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]

CHROME = [
    # A printed page's count closing a running header, after a separator.
    ("IPT – Relatório anual – Página 3 de 12", "navigation"),
    ("Annual report | Page 2 of 7", "navigation"),
    # A byline: a name, then the story's stamp after a bar or a dot.
    ("Rita Lopes | 2 out 2025, 08:30", "byline or credit"),
    ("Ana Maria da Costa · 3 de março de 2026", "byline or credit"),
    ("Tom Harris | 14 Sept. 2025", "byline or credit"),
    # A press release's contact heading.
    ("Mais informações para a imprensa:", "byline or credit"),
    ("Media enquiries:", "byline or credit"),
    # A help box's heading and its call in one line (the eleventh probe's blind check).
    ("Ainda precisa de ajuda? Fale com a gente pelo chat do app, 24 horas.", "contact prompt"),
    # A product's upsell under a feature.
    ("Available on the Pro plan. [Upgrade your plan](/billing) to unlock custom fields.", "subscribe prompt"),
    ("Disponível no plano Empresas. Faça upgrade do seu plano para usar relatórios.", "subscribe prompt"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_blind_check_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


# A letter's or press release's place and date, among the page's first lines.
LETTERHEAD = ["Recife, 12 de janeiro de 2026", "São José dos Campos (SP), 4 de abril de 2025", "London, 3 March 2026"]


@pytest.mark.parametrize("text", LETTERHEAD)
def test_a_place_and_date_at_the_pages_top_is_a_letterhead(text: str) -> None:
    assert_left_out(text, "boilerplate", "a place and date alone at the page's top", Position(4, 20))


def test_a_place_and_date_lower_down_stays() -> None:
    assert boilerplate_reason(LETTERHEAD[0], Position(8, 20)) is None


@pytest.mark.parametrize(
    "text",
    [
        # A sentence naming a page, with or without its count.
        "O formulário está na página 1 de 2 do edital, no quadro de vagas.",
        "Veja a tabela na página 1 de 2.",
        "A página 1 traz as regras e a segunda, os prazos.",
        # A quote or a title with a bar, and a date in a sentence.
        '"Vamos até o fim | sem medo", disse Ana Lima.',
        "Viseu | A feira abriu a 14 set 2025 com 40 expositores.",
        # "A gente" is everyday speech.
        "Se tiver dúvidas, fale com a gente, disse o prefeito aos moradores da rua.",
        # A story's own dateline opening its lead.
        "Lisboa, 3 de março de 2026 – O Governo aprovou hoje o orçamento retificativo.",
        # A plan in a story; an upgrade of other things.
        "The council said the upgrade of the ring road would follow the Business plan approved in May.",
        "Members who upgrade their plan before June keep the old price, the company said.",
    ],
)
def test_similar_content_stays(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_the_blind_check_chrome() -> None:
    assert_screen_passes([text for text, _kind in CHROME] + LETTERHEAD, Position(4, 20))


RELEASE = """UNIVERSIDADE ESTADUAL DO LITORAL
NOTA À IMPRENSA
Santos, 2 de fevereiro de 2026
Laboratório da universidade mapeia microplásticos em 14 praias do litoral paulista
O estudo, feito ao longo de dois anos, encontrou partículas de plástico em todas as amostras de areia colhidas.
UEL – Nota à imprensa – Página 1 de 2
A concentração mais alta foi medida perto do porto, com 310 partículas por quilo de areia seca.
Os dados serão entregues à Cetesb e às prefeituras da região em março.
Mais informações para a imprensa:
Assessoria de Comunicação – UEL
(13) 3202-5500 | imprensa@uel.edu.br
www.uel.edu.br/imprensa
UEL – Nota à imprensa – Página 2 de 2
"""


def test_a_press_release_keeps_its_title_and_story_only(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"release.txt": RELEASE})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    # The university's name goes too: a letterhead's name in capitals over its place and date (the fourteenth probe;
    # a line in capitals alone is still no cue).
    assert texts == [
        "Laboratório da universidade mapeia microplásticos em 14 praias do litoral paulista",
        "O estudo, feito ao longo de dois anos, encontrou partículas de plástico em todas as amostras de areia colhidas.",
        "A concentração mais alta foi medida perto do porto, com 310 partículas por quilo de areia seca.",
        "Os dados serão entregues à Cetesb e às prefeituras da região em março.",
    ]
