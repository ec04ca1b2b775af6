"""Cleaning rules of the thirty-third probe (3 December 2026): what probe 32's blind pages left (GOV.UK's "From:" line
under a title, a newsletter box's heading without a cue word, a repository's item type, a review's "Ficha técnica" list
left out as labels or credits), a guard for a line of places read as a paper's authors, and the new pages in
fixtures/cleaning33 (see its README).

Decided for an annotation team: a film's or book's details listed in a review ("- Direção: ...", "- Elenco: ...") are part
of the article, as a recipe's ingredients are; a plain block of credits on a cinema's page still goes (probe 18). A
repository's item type ("Tipo de documento: Artigo", "Tipo: Dissertação", "Artigo em revista científica" alone) is its
catalogue's field, no text to annotate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from tests.test_cleaning_probe17 import page_tasks
from tests.test_preload import assert_kept, assert_probe_chrome, assert_screen_passes

AppFactory = Callable[..., Flask]

PROSE = "A câmara aprovou ontem o orçamento para 2027, com mais verbas para as escolas e para os transportes."
STORY = "The council approved its budget for 2027 last night, with more money for schools and for buses."


# ------------------------------------------------------------------ cue phrases


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("From: Department for Education", "byline or credit",
     "From the first day, the Department for Education said the schools would stay open."),
    ("From: HM Revenue & Customs and Department for Work and Pensions", "byline or credit",
     "From April, HM Revenue & Customs and the Department for Work and Pensions will share the data."),
    ("Part of: Schools and education", "navigation", "Part of the money went to the schools and to the buses."),
    ("Applies to England and Wales", "navigation", "The law applies to England and Wales from next April, the minister said."),
    ("Never miss a bake", "subscribe prompt", "I never miss a bake sale at the school, she said."),
    ("Não perca nenhuma receita", "subscribe prompt", "O médico pediu que ela não perca nenhuma dose do remédio."),
    ("Be the first to know", "subscribe prompt", "She wanted to be the first to know about the result, and she was."),
    ("Seja o primeiro a saber", "subscribe prompt", "Ele quis ser o primeiro a saber do resultado, e foi."),
    ("Tipo de documento: Artigo", "catalogue field", "O tipo de documento que a lei exige é um artigo assinado pelo autor."),
    ("Item type: Journal article", "catalogue field", "The item type was a journal article, the librarian said."),
    ("Tipo: Dissertação", "catalogue field", "O tipo de dissertação que a banca pediu era mais curto."),
    ("Artigo em revista científica", "catalogue field",
     "O artigo em revista científica saiu em março e foi lido por milhares de pessoas."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


@pytest.mark.parametrize("line", [
    "From the harbour to the hills, the walk takes three hours.",
    "Lisboa, Porto e Coimbra",
    "São Paulo, Rio de Janeiro e Belo Horizonte",  # places of two words, shaped as a paper's authors
    "Vila Real, Ponta Delgada and New York",
])
def test_lines_like_the_probes_chrome_stay(line: str) -> None:
    assert_kept(line)


def test_a_listings_type_is_no_catalogue_field() -> None:
    assert boilerplate_reason("Tipo: Speed", Position(10, 20)) == (
        "fragment", "2 words without sentence punctuation (a label, heading or menu item)")  # kept beside its fields


def test_a_list_of_three_peoples_names_still_goes_as_authors() -> None:
    reason = boilerplate_reason("Ana Lima, Rui Costa e Marta Sousa", Position(2, 30))
    assert reason is not None and "a list of 3 names" in reason[1]
    assert_screen_passes(["Ana Lima, Rui Costa e Marta Sousa"], Position(2, 30))


# ------------------------------------------------------------------ a review's details


REVIEW = f"""# Crítica: O Último Farol

Marco Martins filma a ilha do Corvo como uma personagem: o vento nunca pára e o farol aparece em quase todos os planos.

## Ficha técnica

- Direção: Marco Martins
- Roteiro: Marco Martins e Ana Sofia Fonseca
- Elenco: Nuno Lopes, Beatriz Batarda, Rita Blanco
- Duração: 112 min

{PROSE}
"""


def test_a_reviews_list_of_credits_and_its_heading_stay(make_app: AppFactory, tmp_path: Path) -> None:
    texts, _reasons = page_tasks(make_app, tmp_path, "critica.md", REVIEW)
    assert texts[2:7] == ["Ficha técnica", "Direção: Marco Martins", "Roteiro: Marco Martins e Ana Sofia Fonseca",
                          "Elenco: Nuno Lopes, Beatriz Batarda, Rita Blanco", "Duração: 112 min"]


def test_a_list_of_a_books_short_fields_stays(make_app: AppFactory, tmp_path: Path) -> None:
    page = f"# O Rio que Corre ao Contrário\n\n{PROSE}\n\n## Ficha técnica\n\n- Autora: Lívia Maranhão\n- Editora: " \
           f"Ventania\n- Páginas: 312\n\n{PROSE} E mais.\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "livro.md", page)
    assert ["Ficha técnica", "Autora: Lívia Maranhão", "Editora: Ventania", "Páginas: 312"] == texts[2:6]


def test_a_plain_block_of_credits_still_goes(make_app: AppFactory, tmp_path: Path) -> None:
    # The same credits as plain lines, a cinema's card (probe 18), and a list's labels of one word each.
    page = REVIEW.replace("- ", "")
    texts, reasons = page_tasks(make_app, tmp_path, "cinema.md", page)
    assert "Elenco: Nuno Lopes, Beatriz Batarda, Rita Blanco" not in texts
    assert "credit in a block" in reasons["Direção: Marco Martins"]


def test_a_menus_list_of_labels_still_goes(make_app: AppFactory, tmp_path: Path) -> None:
    page = f"# Notícias\n\n{PROSE}\n\n- Início\n- Sobre\n- Contato\n\n{PROSE} E mais.\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "menu.md", page)
    assert not {"Início", "Sobre", "Contato"} & set(texts)
