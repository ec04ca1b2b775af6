"""Cleaning of session 48's round 2 (s48-cleaning2): s48-cleaning's blind misses and what it noticed, on new pages.
A Keep a Changelog "## [Unreleased]" heading is a release's heading, not a site's name; a record's kind and number set
apart from when it was posted or updated ("Evento n.º 3177 · Atualizado a ...") is chrome whatever the kind; a plain-text
page's first line "name · section" over a plain title over its prose is the site's; one word heads a bulletin's first
section when the chrome above names the issue by its number."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from tests.test_cleaning_probe17 import page_tasks

AppFactory = Callable[..., Flask]

CHANGELOG = ("# Changelog\n\nAll notable changes to this project will be documented in this file. The format is based on "
             "[Keep a Changelog](https://keepachangelog.com/en/1.1.0/).\n\n## [Unreleased]\n\n### Fixed\n\n"
             "- The importer no longer skips rows whose first cell is empty.\n\n## [2.4.0] - 2026-10-02\n\n### Added\n\n"
             "- A dry-run flag that prints what would be written without writing it.\n")


def test_an_unreleased_heading_in_a_keep_a_changelog_file_is_kept(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "history.md", CHANGELOG)
    assert "[Unreleased]" in texts and "[2.4.0] - 2026-10-02" in texts and "Fixed" in texts
    assert any(reason.startswith("changelog template") for reason in reasons.values())


AGENDA = ("Museu da Cidade · Agenda\nVisita guiada às reservas do museu\n"
          "Uma conservadora mostra as peças que nunca saíram das reservas, do século XVI aos nossos dias.\n"
          "Sábado, 12 de dezembro · 11h00 · Entrada livre\nEvento n.º 3177 · Atualizado a 28 de novembro de 2026\n"
          "Oficina de encadernação\n"
          "Durante a tarde, as famílias aprendem a coser e a encadernar um caderno de viagem com papel reciclado.\n"
          "Domingo, 13 de dezembro · 15h00 · 5 €\nEvento n.º 3180 · Atualizado a 30 de novembro de 2026\n")


def test_an_events_number_and_update_date_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "agenda.txt", AGENDA)
    assert "Evento n.º 3177 · Atualizado a 28 de novembro de 2026" in reasons
    assert "Evento n.º 3180 · Atualizado a 30 de novembro de 2026" in reasons
    assert any(text.startswith("Uma conservadora mostra") for text in texts)


@pytest.mark.parametrize("line", [
    "Evento n.º 2291 · Atualizado a 1 de dezembro de 2026",
    "Event No. 1042 · Updated 2 December 2026",
    "Job #5521 · Posted 3 hours ago",
    "Pedido nº 88 · Criado em 12/11/2026",
    "Ticket #4410 · Updated on December 2, 2026",
])
def test_a_records_kind_and_number_before_a_date_is_a_credit_line(line: str) -> None:
    reason = boilerplate_reason(line, Position(5, 10))
    assert reason is not None and reason[1].startswith("byline or credit"), reason


@pytest.mark.parametrize("line", [
    # No date after the dot: a room's seats, a law's subject, a match's score.
    "Sala n.º 2 · 40 lugares",
    "Lei n.º 12 · Regime do arrendamento urbano",
    # The number not closed by the dot (a law's number and year).
    "Lei n.º 5/2026 · 12 de março de 2026",
])
def test_a_number_and_a_dot_without_a_date_after_are_no_credit_line(line: str) -> None:
    reason = boilerplate_reason(line, Position(5, 10))
    assert reason is None or not reason[1].startswith("byline or credit"), reason


CLASSIFIED = ("Feira do Usado Jornal da Serra · Imóveis\nAluga-se apartamento T2 no centro de Viseu\n"
              "Apartamento mobilado com duas assoalhadas, cozinha equipada e varanda virada a sul, a cinco minutos da Sé.\n"
              "Renda: 650 € · Viseu\nAnúncio n.º 40122 · Publicado a 2 de dezembro de 2026\n")


def test_a_plain_text_pages_site_line_over_its_plain_title_is_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "anuncio.txt", CLASSIFIED)
    assert reasons["Feira do Usado Jornal da Serra · Imóveis"].startswith("a site's name and its section")
    assert texts[0] == "Aluga-se apartamento T2 no centro de Viseu"


STORY = ("Cultura · Livros\nA biblioteca de Viseu abre ao domingo a partir de janeiro\n"
         "A câmara aprovou o alargamento do horário depois de um inquérito aos leitores feito no outono.\n")


def test_a_first_line_of_one_word_and_a_section_is_not_read_as_a_site_line(make_app: AppFactory,
                                                                           tmp_path: Path) -> None:
    # A site's name has two words or more before the dot: a news section's label and its subsection over a headline
    # are left to the other rules, and the headline stays.
    texts, reasons = page_tasks(make_app, tmp_path, "story.txt", STORY)
    assert "A biblioteca de Viseu abre ao domingo a partir de janeiro" in texts
    assert not reasons.get("Cultura · Livros", "").startswith("a site's name and its section")


BULLETIN = ("Holy Trinity, Ashford · Parish Bulletin No. 88\nSunday 6 December 2026 · Second Sunday of Advent\n"
            "{first}\nThe Christmas fair raised more than eight hundred pounds for the roof fund; thank you to everyone "
            "who baked or helped.\nFlowers for Christmas can be given in memory of loved ones by leaving a note in the "
            "box by the porch before Friday.\nRota\nCoffee after the morning service will be served by the Wilson and "
            "Okafor families this week.\n")


def test_one_word_heads_a_bulletins_first_section_under_its_numbered_issue(make_app: AppFactory, tmp_path: Path) -> None:
    texts, _reasons = page_tasks(make_app, tmp_path, "bulletin.txt", BULLETIN.format(
        first="Announcements"))
    assert texts[:2] == ["Announcements", texts[1]] and "Rota" in texts


def test_one_word_under_a_dated_line_naming_no_issue_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    # Without an issue's number above, one word under a date line is a label (a post's "Join", seedlike22/43/44).
    page = BULLETIN.format(first="Announcements").replace(" · Parish Bulletin No. 88", "")
    texts, _reasons = page_tasks(make_app, tmp_path, "bulletin.txt", page)
    assert "Announcements" not in texts
