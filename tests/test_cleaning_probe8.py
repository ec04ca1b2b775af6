"""Cleaning rules of the eighth probe (1 December 2026), on small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out

AppFactory = Callable[..., Flask]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Comments are subject to moderation and may take a day to appear.", "account notice"),
        ("Os comentários estão sujeitos a moderação.", "account notice"),
        ("Report a problem with this website", "button or link label"),
        # A link to a file with its type and size.
        ("Download the meeting agenda (PDF, 240 KB)", "button or link label"),
        ("Baixe o edital completo (PDF, 2 MB)", "button or link label"),
        # A show's crowdfunding pitch and what it offers.
        ("Support us on Patreon and get bonus episodes every month.", "subscribe prompt"),
        ("Apoie a gente no Catarse e ganhe vídeos extras todo mês.", "subscribe prompt"),
        ("Receba os novos episódios", "subscribe prompt"),
        ("Edições anteriores", "read-also prompt"),
        # A product's or club's sales pitch.
        ("Start your free trial today", "advertisement"),
        ("Teste grátis por 30 dias, sem cartão de crédito necessário.", "advertisement"),
        ("Seja sócia e ganhe desconto na mensalidade da academia.", "advertisement"),
        # A Q&A thread's bylines, an episode's length, a state's press office.
        ("Pergunta de Renata S. em 03/04/2026", "byline or credit"),
        ("Question from Tom B. on 4 May 2026", "byline or credit"),
        ("Duration: 38 min", "byline or credit"),
        ("Por Carla Mendes, da Secretaria de Estado da Comunicação Social", "byline or credit"),
    ],
)
def test_eighth_probe_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # A box's text closed by its button: a newsletter's pitch, an appeal.
        "Get our digest of local news in one short email every Friday morning. Subscribe",
        "Uma seleção das melhores reportagens da semana, toda sexta-feira. Assinar",
        "The museum relies on visitors like you to keep its doors open. Donate today.",
    ],
)
def test_a_box_closed_by_its_button_is_chrome(text: str) -> None:
    assert_left_out(text, "boilerplate", "a box closed by its button")


@pytest.mark.parametrize(
    "text",
    [
        # Prose that says share, subscribe or trial, and does not end on a button.
        "The council said it would share the data with residents. Nobody asked why.",
        "Ela assinou o contrato na segunda-feira. A obra começa em maio.",
        "The drug's free trial ended in March, when the company ran out of money.",
        "Duração: 6 meses, com aulas aos sábados.",
        "Order a brochure, visit an open day or talk to a student before you apply.",
    ],
)
def test_eighth_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(5, 20)) is None


def test_three_calls_of_four_words_between_separators_are_a_menu() -> None:
    assert_left_out("Order a brochure | Visit an open day | Talk to a student", "navigation", "a menu")
    # Items of four words with a sentence end are sentences' parts, no menu.
    assert boilerplate_reason("Tickets cost five pounds | children under twelve go free | booking is essential.",
                              Position(5, 20)) is None


# A page's title under a site's menu and over its listen-on links; under a breadcrumb and over a menu.
EPISODE = """Rádio Vale FM
Notícias | Esportes | Programação | Contato
Programa 214: como funciona a coleta seletiva na cidade
Ouça no Spotify | Deezer | YouTube
Neste programa, a equipe visita a cooperativa de reciclagem do bairro Jardim Europa e conversa com os catadores.
A coleta passa em cada rua uma vez por semana, e o material separado vira renda para quarenta famílias.
© 2026 Rádio Vale FM
"""

COURSE = """Northfield College
Home / Courses / Building trades / Plumbing Level 2 Diploma
Plumbing Level 2 Diploma
Apply now | Enquire | Open days
Learn to install and repair hot and cold water systems in our new workshop, with two days a week on site.
The course runs for one year and is free for students aged 16 to 18.
© 2026 Northfield College
"""

# A radio's tagline over its menu, whose first item is a listen-live link: still the site's tagline.
RADIO = """Coast FM — your local sound
Listen live | News | Sport | What's on
Harbour car park to close for resurfacing
The harbour car park will close for two weeks from Monday while the council resurfaces it.
© 2026 Coast FM
"""

# Letters signed with a name over an office, over the page's footer.
LETTER = """Friends of Abbey Park
Home | News | Join | Contact
Our spring litter pick filled forty bags, and the new benches by the pond are finally in place.
Thank you to everyone who came along on such a cold morning.
David Whitfield
Secretary
Read more news
© 2026 Friends of Abbey Park
"""

CARTA = """Associação de Moradores do Bairro Alto
Início | Notícias | Associe-se | Contato
A assembleia aprovou a compra de um desfibrilador para a sede, que ficará à disposição de todo o bairro.
Agradecemos a cada morador que contribuiu com a vaquinha ao longo do ano.
Maria Lúcia Ferraz
Presidente da Associação
Veja também
© 2026 Associação de Moradores do Bairro Alto
"""


@pytest.fixture
def kept(make_app: AppFactory, tmp_path: Path) -> dict[str, list[str]]:
    """The kept texts of the pages above, by page."""
    pages = {"episode": EPISODE, "course": COURSE, "radio": RADIO, "letter": LETTER, "carta": CARTA}
    app = app_of_pages(make_app, tmp_path / "pages", {f"{name}.txt": text for name, text in pages.items()})
    texts: dict[str, list[str]] = {}
    for task in label_studio_tasks(app):
        texts.setdefault(task["meta"]["source"].rsplit("/", 1)[1].removesuffix(".txt"), []).append(task["data"]["text"])
    return texts


def test_a_title_over_its_listen_on_links_is_no_tagline(kept: dict[str, list[str]]) -> None:
    assert kept["episode"][0] == "Programa 214: como funciona a coleta seletiva na cidade"
    # A site's menu holding one listen-live link is still a menu: the tagline above it goes.
    assert kept["radio"][0] == "Harbour car park to close for resurfacing"


def test_a_title_under_a_breadcrumb_is_no_tagline(kept: dict[str, list[str]]) -> None:
    assert kept["course"][:2] == ["Plumbing Level 2 Diploma", "Learn to install and repair hot and cold water systems in our "
                                  "new workshop, with two days a week on site."]


def test_a_name_over_an_office_under_the_text_is_its_signature(kept: dict[str, list[str]]) -> None:
    assert kept["letter"][-2:] == ["David Whitfield", "Secretary"]
    assert kept["carta"][-2:] == ["Maria Lúcia Ferraz", "Presidente da Associação"]
