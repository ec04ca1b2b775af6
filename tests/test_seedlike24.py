"""Seed-shaped probe 24 (fixtures/seedlike24: three Portuguese and three English posts in the seed's register, on AI in
Brazilian farming, undersea cables, battery recycling, the EU AI Act, the launch market and open-model leaderboards,
scraped with other chrome than the seed's: "Ver artigo original", "Translated by ...", other disclaimers, share bars):
what it found, as general features, each with a guard that must not change. The texts of the rule tests are written
for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.segmentation import split_sentences
from tests.test_claims import claimed, claims
from tests.test_preload import assert_kept, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth
from tests.test_seedlike_annotators import names_found

AppFactory = Callable[..., Flask]
SEEDLIKE24 = Path(__file__).parent.parent / "fixtures" / "seedlike24"
SEEDLIKE24_BLIND = SEEDLIKE24.parent / "seedlike24_blind"  # run once, after the studied fixes
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("text", [
    "Translated from Spanish",
    "Translated by Marta Kowalski from the Polish original",
    "Traduzido do inglês pelo Google",
])
def test_a_translated_posts_credit_alone_on_its_line_goes(text: str) -> None:
    assert_probe_chrome(text, "byline or credit", "Translated by Gregory Rabassa, the novel sold two million copies.")


@pytest.mark.parametrize("text", [
    "Translated by Gregory Rabassa, the novel sold two million copies in English.",
    "Traduzido do inglês, o livro vendeu 2 milhões de cópias no Brasil.",
])
def test_guard_a_sentence_opening_on_its_translation_stays(text: str) -> None:
    assert_kept(text)


@pytest.mark.parametrize("text", [
    # pt-BR's "de responsabilidade do autor", without the article
    "As informações desta publicação são de responsabilidade do autor e não refletem necessariamente a posição da "
    "plataforma.",
    # the site's view it does not represent (found blind)
    "As opiniões publicadas neste perfil são de inteira responsabilidade do autor e não representam a visão da "
    "plataforma.",
])
def test_a_notice_on_whose_the_post_is_goes_inside_the_page(text: str) -> None:
    assert_probe_chrome(text, "disclaimer", "A multa é de responsabilidade do autor da infração, disse o juiz.")
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "O acidente é de responsabilidade do condutor, segundo a polícia.",
    "O relatório não representa a visão da maioria dos economistas ouvidos em 2024.",
])
def test_guard_a_storys_responsibility_or_view_stays(text: str) -> None:
    assert_kept(text)


# ------------------------------------------------------------------ entities

def test_a_count_before_a_versioned_name_and_a_noun_after_a_name_are_no_part_of_it(app: Flask) -> None:
    found = names_found(app, "Arianespace has a backlog of 30 Ariane 6 launches, and Isar Aerospace lost its first "
                             "Spectrum rocket 40 seconds after liftoff.")
    assert {("Ariane 6", "PRODUCT"), ("Spectrum", "PRODUCT")} <= found
    assert not any(text.startswith("30") or "seconds" in text for text, _label in found)


def test_guard_a_number_that_is_a_name_stays_whole(app: Flask) -> None:
    assert ("50 Cent", "PER") in names_found(app, "The rapper 50 Cent performed twice in 2024.")


def test_an_introductory_phrases_preposition_is_no_part_of_a_name(app: Flask) -> None:
    found = names_found(app, "Under the AI Act, providers of the largest models face fines.")
    assert not any(text.startswith("Under") for text, _label in found)


def test_guard_a_name_opening_on_a_preposition_stays(app: Flask) -> None:
    assert ("Under Armour", "ORG") in names_found(app, "Under Armour said sales rose 5%.")


def test_the_first_person_contracted_is_no_name(app: Flask) -> None:
    assert not names_found(app, "Everyone keeps saying the launch market is getting competitive, but I'm not so sure.")


@pytest.mark.parametrize(("text", "name"), [
    ("A Carmela, subsidiária da Vale, vende minério em Minas Gerais.", "Carmela"),
    ("A Tivoli, filial da Cosan, opera dois portos.", "Tivoli"),
])
def test_a_subsidiary_in_commas_is_a_company(app: Flask, text: str, name: str) -> None:
    assert (name, "ORG") in names_found(app, text)


def test_guard_a_person_in_commas_before_a_relative_stays(app: Flask) -> None:
    assert ("Maria Silva", "PER") in names_found(app, "A Maria Silva, filha da Joana, mora em Braga.")


def test_a_womans_given_name_before_a_compass_point_is_a_place(app: Flask) -> None:
    found = names_found(app, "O cabo Nuvem vai entre a Carolina do Sul, as Bermudas e Portugal.")
    assert ("Carolina do Sul", "LOC") in found


def test_guard_a_woman_named_after_the_article_stays_a_person(app: Flask) -> None:
    assert ("Carolina Mendes", "PER") in names_found(app, "A Carolina Mendes disse que vai ao Sul.")


def test_a_name_after_robots_is_a_product(app: Flask) -> None:
    assert ("Tarvo", "PRODUCT") in names_found(app, "A empresa já tem 300 robôs Tarvo rodando nas fazendas do Paraná.")


def test_a_lowercase_model_with_its_size_is_a_product(app: Flask) -> None:
    assert ("gpt-oss-20b", "PRODUCT") in names_found(app, "The model trails OpenAI's gpt-oss-20b on every benchmark.")


def test_a_mine_after_the_article_is_named_after_its_place(app: Flask) -> None:
    assert ("Escondida", "LOC") in names_found(app, "BHP said the Escondida mine produced 1.2 million tonnes.")


def test_guard_the_company_that_closes_its_mine_stays(app: Flask) -> None:
    assert ("Rio Tinto", "ORG") in names_found(app, "Rio Tinto closed its mine in Quebec last year.")


# ------------------------------------------------------------------ claims and sentences

@pytest.mark.parametrize(("text", "fragment", "language"), [
    ("Vê-se bem: quem controla os cabos controla os dados, e isso devia preocupar Bruxelas muito mais do que "
     "preocupa.", "cabos", "pt"),
    ("Brussels just found out how hard it is to regulate something that changes every three months.", "Brussels",
     "en"),
])
def test_an_aside_on_what_should_be_and_a_thing_learned_are_no_claims(text: str, fragment: str, language: str) -> None:
    assert not claimed(text, fragment, language)


@pytest.mark.parametrize(("text", "fragment", "language"), [
    ("Vê-se bem nos números: a exportação caiu 12% em 2025, segundo o INE.", "INE", "pt"),
    ("Researchers found that 40% of the models had seen the test.", "Researchers", "en"),
])
def test_guard_a_figure_with_its_source_and_a_finding_stay_claims(text: str, fragment: str, language: str) -> None:
    assert claimed(text, fragment, language)


def test_a_sentence_may_open_on_a_name_written_lowercase() -> None:
    text = "The AI Office will start enforcing the rules in August 2026. xAI signed only the safety chapter."
    assert [text[start:end] for start, end in split_sentences(text, "en")] == [
        "The AI Office will start enforcing the rules in August 2026.", "xAI signed only the safety chapter."]
    assert "xAI signed only the safety chapter, Reuters reported." in claims(
        "The AI Office will start in August 2026. xAI signed only the safety chapter, Reuters reported.", "en")


def test_guard_an_abbreviation_before_a_lowercase_name_ends_nothing() -> None:
    text = "The report looks at the U.S. iPhone market in 2025."
    assert split_sentences(text, "en") == [(0, len(text))]


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE24, SEEDLIKE24_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)
