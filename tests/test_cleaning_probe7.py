"""Cleaning rules of the seventh probe (1 December 2026), on small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out

AppFactory = Callable[..., Flask]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Comments are moderated before they appear. See our community guidelines.", "account notice"),
        ("Os comentários são moderados e seguem as regras da comunidade.", "account notice"),
        ("Você precisa estar conectado para comentar.", "account notice"),
        ("Todos os horários são GMT-3. Agora são 08:02.", "account notice"),
        ("Estimated reading time: 6 minutes", "byline or credit"),
        ("The Hartwell Trust is a registered charity in England.", "company details"),
        ("by Marcus T. on 14 March 2026 - Verified owner", "byline or credit"),
        ("por Joana R. em 3 de maio de 2026", "byline or credit"),
        ("Discussion in 'Raised beds' started by allotment_al, 3 Mar 2026.", "byline or credit"),
        ("Gostou? Avalie esta matéria!", "subscribe prompt"),
        ("Enjoying the podcast? Support the show on Ko-fi for the price of a coffee.", "subscribe prompt"),
        ("Ouvir esta página", "button or link label"),
        ("Página inicial > Serviços de A a Z > Alvará de funcionamento", "navigation"),
        ("Home > Visit us and plan your day > Parking", "navigation"),
    ],
)
def test_seventh_probe_chrome_is_recognised(text: str, kind: str) -> None:
    if kind == "navigation":
        assert_left_out(text, "navigation", "a menu")
    else:
        assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # An appointment: a date without its year, then its hour.
        "Sábado, 14 de março, às 20h",
        "Quarta-feira, 2 de abril, a partir das 9h",
        # A sentence that opens with "By" and holds a date.
        "By Friday on 3 April 2026 the road had reopened to buses.",
        "The club was started by Harold, 2 years after the war.",
    ],
)
def test_seventh_probe_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(5, 20)) is None


def test_a_dateline_without_an_hour_is_still_chrome() -> None:
    assert_left_out("Quinta-feira, 6 de março", "boilerplate", "byline or credit")


NOTICEBOARD = """Ashby Community Noticeboard
Home | Events | Groups | Contact
Home > Events > Spring
Spring evenings at the Ashby centre
Join us for three evenings of music and food in the community hall this spring.
Ceilidh Night
Friday 20 March, 7.30pm
St Mary's Hall
Free
Bring your dancing shoes: the Ashby Fiddlers play until eleven, and a caller teaches every dance.
Add to calendar
Share
We need volunteers on the night for these jobs:
Set up chairs
Serve teas
Count the raffle tickets afterwards
Water quality
The hall's water was tested in January and meets every standard for drinking and cooking.
If you can help, leave your name at the reception desk by Wednesday.
Share
© 2026 Ashby Community Association
"""

FORUM = """Fórum Horta Urbana
Entrar | Registrar
Fórum > Pragas > Pulgões
Pulgões na couve
hortelinha_rj
Membro
Mensagens: 18
Minhas couves estão cheias de pulgões desde que o calor chegou. Alguém tem uma receita caseira que funcione?
Responder   Citar
Zé Canteiro
Moderador
Mensagens: 2.410
Eu uso uma calda simples, que dá certo aqui em casa.
Sabão neutro
Óleo de neem
Borrife no fim da tarde, por baixo das folhas, duas vezes por semana.
Responder   Citar
Lúcia Prado
Membro
Mensagens: 7
Obrigada, vou testar no sábado e conto aqui como foi.
Responder   Citar
Você precisa estar conectado para responder.
"""

NOTICE = """Paróquia Santa Luzia
Início | Missas | Pastorais | Contato
Falecimento
A comunidade comunica com pesar o falecimento de Dona Odete Ramos, aos 93 anos, catequista por quatro décadas.
Velório
Capela do Cemitério da Saudade
Terça-feira, 10 de março, a partir das 8h
Sepultamento
Cemitério da Saudade
Terça-feira, 10 de março, às 16h
Pe. Anselmo Duarte
Vigário
Rezemos por ela e por toda a sua família neste momento de dor.
Compartilhe este aviso
© 2026 Paróquia Santa Luzia
"""

LISTING = """Casa Certa Imóveis
Comprar | Alugar | Anunciar | Entrar
Casa com 3 quartos em Itapoã
Rua das Gaivotas, 88 - Itapoã, Vila Velha - ES
R$ 690.000
Condomínio: isento
Casa térrea reformada, a três quadras da praia, com quintal, churrasqueira e garagem para dois carros.
Anunciante
Imobiliária Maré Alta Ltda
Ao enviar, você concorda com os Termos de Uso e a Política de Privacidade.
"""

JOB = """VagasSul
Vagas | Empresas | Entrar
Vagas > Saúde > Pelotas
Técnica de Enfermagem
Hospital Beneficência Sul de Pelotas
Candidatar-se
Salário: R$ 3.100,00
Buscamos técnica de enfermagem para o plantão noturno da UTI adulta, em escala 12x36.
Compartilhar vaga
© 2026 VagasSul
"""


@pytest.fixture
def pages(make_app: AppFactory, tmp_path: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The kept texts of the five pages above, by page, and the reasons of what was left out."""
    pages = {"noticeboard": NOTICEBOARD, "forum": FORUM, "notice": NOTICE, "listing": LISTING, "job": JOB}
    app = app_of_pages(make_app, tmp_path / "pages", {f"{name}.txt": text for name, text in pages.items()})
    kept: dict[str, list[str]] = {}
    for task in label_studio_tasks(app):
        kept.setdefault(task["meta"]["source"].rsplit("/", 1)[1].removesuffix(".txt"), []).append(task["data"]["text"])
    reasons = {item["text"]: item["reason"] for item in excluded_listing(app)["excluded"]}
    return kept, reasons


def test_names_prices_and_list_items_between_content_lines_stay(pages: tuple[dict[str, list[str]], Any]) -> None:
    kept, _reasons = pages
    # An event's name over its date, its venue and its price; two short list items after a sentence.
    assert {"Ceilidh Night", "St Mary's Hall", "Free", "Set up chairs", "Serve teas"} <= set(kept["noticeboard"])
    # A service's places and times, and the priest's name and title under them.
    assert {"Velório", "Capela do Cemitério da Saudade", "Terça-feira, 10 de março, a partir das 8h", "Sepultamento",
            "Cemitério da Saudade", "Terça-feira, 10 de março, às 16h", "Pe. Anselmo Duarte", "Vigário"} <= set(kept["notice"])
    # A listing's price between its address and its fields; a remedy's two ingredients.
    assert "R$ 690.000" in kept["listing"]
    assert {"Sabão neutro", "Óleo de neem"} <= set(kept["forum"])
    # A job's title under a short breadcrumb, over its employer: a name in the page's header.
    assert kept["job"][:2] == ["Técnica de Enfermagem", "Hospital Beneficência Sul de Pelotas"]


def test_labels_cards_and_plain_headings_stay_out(pages: tuple[dict[str, list[str]], dict[str, str]]) -> None:
    kept, reasons = pages
    everything = {text for texts in kept.values() for text in texts}
    # A button between a paragraph and chrome, a section's plain heading over prose, a forum's member
    # cards (handles, names over roles, counts), its post buttons, a listing's agent box over the footer.
    for chrome in ("Add to calendar", "Water quality", "hortelinha_rj", "Zé Canteiro", "Moderador", "Lúcia Prado",
                   "Mensagens: 18", "Responder   Citar", "Anunciante", "Imobiliária Maré Alta Ltda"):
        assert chrome not in everything, chrome
    assert reasons["Você precisa estar conectado para responder."].startswith("account notice")


# Runs of three or more short lines inside a page's body (the seventh probe's check): a table's cells
# when hours, days, prices or describing phrases fill them; a menu of links or a footer otherwise.
TIMETABLE = """Hollins Swim and Fitness
Pool | Gym | Classes | Join
Our studio classes run every week of the year except bank holidays, so you can plan around them.
Thursday
Yoga Flow
9.30am - 10.30am
Studio A
Boxercise
6pm - 6.45pm
Sports Hall
Spaces are limited to twenty people, so arrive ten minutes early to sign in at the desk.
About us
Careers
Contact
© 2026 Hollins Leisure Ltd
"""

SCHOOL_MENU = """Creche Pequeno Príncipe
Início | Turmas | Cardápio | Contato
Este é o cardápio das crianças para a semana, preparado pela nutricionista da creche.
Segunda-feira
Purê de batata
Peixe assado
Melancia
Terça-feira
Canja de galinha
Torradas
Pera
Pedimos que os pais avisem a coordenação sobre qualquer alergia alimentar da criança.
Fale conosco
Trabalhe conosco
Ouvidoria
© 2026 Creche Pequeno Príncipe
"""

PRICE_LIST = """Barbearia do Tião
Serviços | Agenda | Contato
Atendemos de terça a sábado e aceitamos cartão, Pix e dinheiro em todos os serviços da casa.
Corte masculino
R$ 45
Barba completa
R$ 35
Corte infantil
R$ 30
Os preços valem para agendamentos feitos pelo site até o fim de dezembro de 2026.
Instagram
Facebook
WhatsApp
© 2026 Barbearia do Tião
"""

# A menu of page names between two paragraphs: links, with no day, hour or price.
LINKS_IN_BODY = """Clube de Leitura da Vila
Este clube se reúne para conversar sobre os livros escolhidos pelos sócios ao longo do ano.
Eventos
Galeria
Sócios
Parceiros
As reuniões acontecem na biblioteca municipal e são abertas a quem quiser participar.
"""


@pytest.fixture
def tables(make_app: AppFactory, tmp_path: Path) -> dict[str, list[str]]:
    """The kept texts of the four pages above, by page."""
    pages = {"timetable": TIMETABLE, "menu": SCHOOL_MENU, "prices": PRICE_LIST, "links": LINKS_IN_BODY}
    app = app_of_pages(make_app, tmp_path / "tables", {f"{name}.txt": text for name, text in pages.items()})
    kept: dict[str, list[str]] = {}
    for task in label_studio_tasks(app):
        kept.setdefault(task["meta"]["source"].rsplit("/", 1)[1].removesuffix(".txt"), []).append(task["data"]["text"])
    return kept


@pytest.mark.parametrize(
    ("page", "cells"),
    [
        ("timetable", ["Thursday", "Yoga Flow", "9.30am - 10.30am", "Studio A", "Boxercise", "6pm - 6.45pm", "Sports Hall"]),
        ("menu", ["Segunda-feira", "Purê de batata", "Peixe assado", "Melancia", "Terça-feira", "Canja de galinha",
                  "Torradas", "Pera"]),
        ("prices", ["Corte masculino", "R$ 45", "Barba completa", "R$ 35", "Corte infantil", "R$ 30"]),
    ],
)
def test_a_table_of_short_lines_between_paragraphs_stays(tables: dict[str, list[str]], page: str,
                                                         cells: list[str]) -> None:
    kept = tables[page]
    assert [text for text in kept if text in cells] == cells
    # The page's menu and footer links still go.
    assert len(kept) == len(cells) + 2, kept


def test_a_menu_of_page_names_between_paragraphs_stays_out(tables: dict[str, list[str]]) -> None:
    assert not {"Eventos", "Galeria", "Sócios", "Parceiros"} & set(tables["links"])
