"""Seed-shaped probe 25 (fixtures/seedlike25: two Portuguese and two English posts in the seed's register, on AI
diagnostics in Brazil's health system, India's chip fabs, Big Tech's nuclear deals and AI music licensing, scraped
with other chrome than the seed's: "Ver artigo no idioma original", "Auto-translated from Korean · See original",
other disclaimers, share bars): what it found, as general features, each with a guard that must not change. The
texts of the rule tests are written for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from tests.test_preload import assert_kept, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth
from tests.test_seedlike_annotators import name_pieces, names_found
from tests.test_sentiment import sentiment

AppFactory = Callable[..., Flask]
SEEDLIKE25 = Path(__file__).parent.parent / "fixtures" / "seedlike25"
SEEDLIKE25_BLIND = SEEDLIKE25.parent / "seedlike25_blind"  # run once, after the studied fixes
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("text", [
    # the views named first, then "as do site": the site's own
    "As opiniões expressas nesta coluna são do colunista e não refletem necessariamente as do portal.",
    # English says "does not represent the views of", as pt-BR's "não representa a opinião"
    "This thread may include third-party material and does not represent the views of the moderators.",
])
def test_a_notice_that_the_views_are_not_the_sites_goes_inside_the_page(text: str) -> None:
    assert_probe_chrome(text, "disclaimer", "As opiniões do ministro dividiram o governo em 2024.")
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "The deal does not represent the views of the whole board, a director said on Tuesday.",
    "O acordo não reflete as do governo anterior, disse o ministro em Brasília na terça-feira passada.",
])
def test_guard_a_storys_sentence_on_whose_views_with_who_said_it_stays(text: str) -> None:
    assert_kept(text)


@pytest.mark.parametrize("text", [
    # found blind: a contributor's text the newsroom did not check, with whose it is
    "Nota: este artigo foi enviado por um leitor e não passou por revisão editorial; o conteúdo é de "
    "responsabilidade do autor.",
    "Note: this story was sent in by a reader and was not reviewed by our editors, and its views are the author's own.",
])
def test_a_notice_that_the_newsroom_did_not_check_the_text_goes_inside_the_page(text: str) -> None:
    assert_probe_chrome(text, "disclaimer", "O texto do leitor foi revisado e publicado em 2024.")
    assert_screen_passes([text], INSIDE)


def test_guard_a_bills_final_wording_stays() -> None:
    assert_kept("O projeto não passou pela revisão da redação final do Senado em 2024.")


@pytest.mark.parametrize("text", [
    "Mostrar publicação no idioma original", "Read this story in its original language"])
def test_a_button_to_the_post_in_its_own_language_goes(text: str) -> None:
    assert_probe_chrome(text, "button or link label", "O livro saiu em 2019 no idioma original, disse a editora.")


def test_guard_a_sentence_opening_on_seeing_something_in_its_language_stays() -> None:
    assert_kept("Ver o filme no idioma original é outra experiência, diz a crítica.")


# ------------------------------------------------------------------ entities

def test_a_model_span_ends_where_a_clause_begins() -> None:
    # "hate AI they don't get paid for" was one organisation; "Aurora reactor running in Idaho" another
    assert name_pieces("Fans don't hate Spotify they hate the ads", 4, 7) == ["Spotify"]
    assert name_pieces("its first Aurora reactor running in Idaho by 2027", 2, 7)[0].startswith("Aurora")
    assert not any("running" in piece for piece in name_pieces("its first Aurora reactor running in Idaho", 2, 7))


def test_guard_a_name_with_a_lowercase_connector_stays_whole() -> None:
    assert name_pieces("the Diocese of Poreč i Pula", 1, 6) == ["Diocese of Poreč i Pula"]


def test_a_names_elided_word_after_it_is_part_of_it(app: Flask) -> None:
    # the model's span ends before the elided word; after a company noun, the rule's does
    assert ("Rede D'Or", "ORG") in names_found(app, "Em março, a Dasa e a Rede D'Or compraram clínicas.")
    assert ("Rede D'Or", "ORG") in names_found(app, "O grupo Rede D'Or fechou um acordo com o Google.")


def test_a_company_after_its_noun_and_a_states_demonym_is_a_company(app: Flask) -> None:
    assert ("Cora Pagamentos", "ORG") in names_found(app, "A fintech mineira Cora Pagamentos levantou R$ 100 milhões.")


def test_guard_a_person_after_a_states_demonym_alone_stays_a_person(app: Flask) -> None:
    assert ("Ivete Sangalo", "PER") in names_found(app, "A baiana Ivete Sangalo cantou em Lisboa no sábado.")


def test_a_vendors_named_system_is_a_product(app: Flask) -> None:
    assert ("Aidoc Briefcase", "PRODUCT") in names_found(
        app, "O hospital comprou o sistema Aidoc Briefcase para ler tomografias.")
    assert ("Qure Lung", "PRODUCT") in names_found(app, "A clínica usa o sistema Qure Lung em 40 cidades.")


# ------------------------------------------------------------------ sentiment

def test_a_plan_that_stumbles_is_bad_news() -> None:
    assert sentiment("O projeto parecia promissor, mas tropeçou na falta de energia.", "pt")[0] == "Negative"


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE25, SEEDLIKE25_BLIND) if (folder / ".truth.json").exists()
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)
