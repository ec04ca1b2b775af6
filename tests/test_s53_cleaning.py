"""Cleaning of session 53 (s53-cleaning), see fixtures/s53-cleaning/README.md: a word broken by a hyphen at a line's
end (a PDF's text dump) stays in one task; a Title Case row of buttons over prose ("Apply Now Download PDF") is left
out, and the heading over it kept; a left-out line brought back takes its page's language unless its own frequent
words settle another; a fragment over a video's chapters is their label, in HTML as in text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import is_buttons_row
from server.segmentation import split_paragraphs
from server.tasks import label_studio_tasks
from tests.test_cleaning_probe17 import page_tasks
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s53-cleaning"


def probe_page(make_app: AppFactory, tmp_path: Path, name: str, folder: str = "studied") -> tuple[list[str], dict[str, str]]:
    """One probe page's task texts and what was left out of it, with why."""
    return page_tasks(make_app, tmp_path, name, (PROBE / folder / name).read_text(encoding="utf-8"))


def paragraphs(text: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraphs(text)]


# ------------------------------------------------------------------ a word broken by a hyphen at a line's end

def test_a_pdf_dumps_hyphen_broken_words_stay_in_one_task(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "relatorio_clube_leitura.txt")
    for first, second in (("autores portugue-", "ses contemporâneos"), ("sua forma-", "ção como tradutora"),
                          ("as reuni-", "ões de sábado")):
        assert any(first in text and second in text for text in texts), (first, texts)
    assert "Atividade" in texts and "Contas" in texts  # each a heading over its prose
    # Each task is still its source's slice: the break stays in the text, as the PDF shows it.
    assert "quase todos de autores portugue-\nses contemporâneos" in "\n".join(texts)


def test_a_broken_word_joins_two_lines_of_any_width() -> None:
    page = "O clube leu doze livros de autores portugue-\nses.\nA sessão de outubro teve trinta pessoas.\n"
    assert paragraphs(page) == ["O clube leu doze livros de autores portugue-\nses.",
                                "A sessão de outubro teve trinta pessoas."]


@pytest.mark.parametrize("page", [
    "Lista de compras -\narroz e feijão\n",  # a dash after a space is no broken word
    "Preço: 12 €-\nmais IVA\n",  # nor one after a sign
    "Horário da biblioteca de verão-\nSegunda a sexta\n",  # a capital opens the next line
    "- arroz\n- feijão\n",  # a list's bullets
])
def test_lines_that_break_no_word_stay_apart(page: str) -> None:
    assert len(paragraphs(page)) == 2


# ------------------------------------------------------------------ a Title Case row of buttons over prose

def test_a_title_case_row_of_buttons_over_prose_is_left_out_and_its_heading_kept(make_app: AppFactory,
                                                                                 tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "volunteers_harbour_library.txt")
    assert "Apply Now Download PDF" in reasons and "Apply Now Download PDF" not in texts
    assert "Summer Reading Volunteers" in texts  # the page's title over its own buttons
    assert "Read Our Volunteer Stories" in texts  # one verb's label: a headline


def test_a_lessons_title_case_buttons_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "aula_gravada_fotossintese.md")
    assert "Assistir Agora Baixar Slides" in reasons
    assert "Aula 7: Fotossíntese" in texts and "Material de apoio" in texts


def test_a_heading_over_buttons_over_prose_in_the_body_is_kept(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Our library runs schemes for children and adults through the whole year, most of them free.\n\n"
            "Reading Buddies\nJoin Now Read More\n"
            "Older pupils read with younger ones every Thursday after school in the children's room.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "schemes.txt", page)
    assert "Reading Buddies" in texts and "Join Now Read More" in reasons


def test_a_heading_over_buttons_over_no_prose_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Our library runs schemes for children and adults through the whole year, most of them free.\n\n"
            "Reading Buddies\nJoin Now Read More\nHome | Events | Contact\n")
    texts, reasons = page_tasks(make_app, tmp_path, "schemes.txt", page)
    assert "Reading Buddies" in reasons


@pytest.mark.parametrize(("line", "shortest", "row"), [
    ("Apply Now Download PDF", 2, True),
    ("Assistir Agora Baixar Slides", 2, True),
    ("Read Book Review", 2, False),  # "Read" alone, then "Book Review"
    ("Read Book Review", 1, True),
    ("Listen now · Read transcript", 2, True),
    ("Share · Save", 2, False),
])
def test_a_row_of_labels_each_of_some_words(line: str, shortest: int, row: bool) -> None:
    assert is_buttons_row(line, shortest) is row


# ------------------------------------------------------------------ a left-out line's language

def test_a_left_out_line_takes_its_pages_language(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {
        "horta.html": (PROBE / "studied" / "horta_varanda_alfaces.html").read_text(encoding="utf-8")})
    languages = {task["data"]["text"]: task["data"]["language"] for task in label_studio_tasks(app, include_excluded=True)}
    assert languages["Share this: Facebook X"] == "pt" and languages["Relacionado"] == "pt"
    assert set(languages.values()) == {"pt"}


def test_a_left_out_line_of_another_language_keeps_its_own(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("As alfaces crescem bem em vasos pequenos, desde que apanhem sol e a terra nunca seque.\n\n"
            "Semeie em linhas pouco fundas e regue com um borrifador nos primeiros dias.\n\n"
            "We use cookies on this site to make it work and to see how you use it; you can change this in your "
            "settings at any time.\n")
    app = app_of_pages(make_app, tmp_path / "pages", {"horta.txt": page})
    tasks = label_studio_tasks(app, include_excluded=True)
    cookies = next(task for task in tasks if task["data"]["text"].startswith("We use cookies"))
    assert "excluded" in cookies["meta"] and cookies["data"]["language"] == "en"


# ------------------------------------------------------------------ a video's chapters

def test_an_html_fragment_over_chapters_is_their_label(make_app: AppFactory, tmp_path: Path) -> None:
    page = (Path(__file__).resolve().parent.parent / "fixtures" / "s52-cleaning" / "studied"
            / "podcast_sourdough.html").read_text(encoding="utf-8")
    texts, reasons = page_tasks(make_app, tmp_path, "podcast.html", page)
    assert reasons["Chapters"].startswith("the label of a video's list of chapters")


def test_a_markdown_heading_over_chapters_is_their_label(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "aula_gravada_fotossintese.md")
    assert reasons["Capítulos"].startswith("the label of a video's list of chapters")


def test_the_readmes_license_heads_its_text(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "tidyroute_readme.md")
    assert {"License", "Licença", "Installation"} <= set(texts)


# ------------------------------------------------------------------ the blind pages, as their one run gave them

def test_blind_a_condominiums_minutes_as_their_one_run_gave_them(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "ata_condominio_pdf.txt", "blind")
    for first, second in (("a impermeabiliza-", "ção da caixa"), ("os materi-", "ais aplicados"),
                          ("para consti-", "tuir o fundo")):
        assert any(first in text and second in text for text in texts)
    assert "Ponto 2 — Quotas" in reasons  # truth: real (a heading over its wrapped text); dropped in both trees


def test_blind_an_events_title_case_buttons_are_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "event_night_market.html", "blind")
    assert "Book Tickets Add To Calendar" in reasons
    assert {"Riverside Night Market", "Getting There"} <= set(texts)


def test_blind_a_recipes_english_widgets_take_its_language(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {
        "sopa.md": (PROBE / "blind" / "receita_sopa_abobora.md").read_text(encoding="utf-8")})
    tasks = label_studio_tasks(app, include_excluded=True)
    assert {task["data"]["language"] for task in tasks} == {"pt"}
    assert sum("excluded" in task["meta"] for task in tasks) == 3


def test_blind_a_lessons_buttons_and_chapters_as_their_one_run_gave_them(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = probe_page(make_app, tmp_path, "course_watercolour_lesson.txt", "blind")
    assert "Watch Now Download Notes" in reasons
    assert reasons["Chapters"].startswith("the label of a video's list of chapters")
    assert "Lesson 3: Wet-on-Wet Skies" in reasons  # truth: real (the page's title over its buttons); left out


def test_a_blank_line_parts_a_hyphen_from_the_next_line() -> None:
    page = "Lista de compras para a festa: pão, queijo, fruta, sumo-\n\nde laranja e água.\r\nO resto compra-\r\nse lá.\r\n"
    assert paragraphs(page) == ["Lista de compras para a festa: pão, queijo, fruta, sumo-", "de laranja e água.",
                                "O resto compra-\r\nse lá."]
