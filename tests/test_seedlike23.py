"""Seed-shaped probe 23 (fixtures/seedlike23: three Portuguese posts in the seed's register, on chip export licences,
data-centre power in Sines and Chinese open-weight models, scraped like the seed with "Ver original", a
third-party-content disclaimer and the post again): what it found, as general features, each with a guard that must
not change. The texts of the rule tests are written for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from tests.test_claims import claimed
from tests.test_preload import assert_kept, assert_left_out, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth
from tests.test_seedlike_annotators import names_found

AppFactory = Callable[..., Flask]
SEEDLIKE23 = Path(__file__).parent.parent / "fixtures" / "seedlike23"
SEEDLIKE23_BLIND = SEEDLIKE23.parent / "seedlike23_blind"  # run once at the end


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        ("Você vê, o Google e a Microsoft vendem caro os seus modelos fechados.", "Google", "pt"),
        ("Veja bem, a Tesla controla o mercado dos carros elétricos.", "Tesla", "pt"),
        ("You see, Google and Microsoft sell their closed models dear.", "Google", "en"),
    ],
)
def test_the_writer_turning_to_the_reader_argues_no_claim(text: str, fragment: str, language: str) -> None:
    assert not claimed(text, fragment, language)


@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        # a detail to check outweighs the aside, as in the seed's "Você vê, ... com 1/10 do poder de processamento"
        ("Você vê, a Nvidia perdeu US$ 5 bilhões em 2025 com as novas regras.", "Nvidia", "pt"),
        # the same action of a named actor without the aside stays a claim
        ("O Google e a Microsoft vendem caro os seus modelos fechados.", "Google", "pt"),
        # "you see" inside a sentence is no aside
        ("The figures you see, the report says, show 40% growth in 2025.", "figures", "en"),
    ],
)
def test_guard_a_detail_after_the_aside_and_a_plain_action_stay_claims(text: str, fragment: str, language: str) -> None:
    assert claimed(text, fragment, language)


# ------------------------------------------------------------------ entities

@pytest.mark.parametrize(("text", "name"), [
    ("A Merlin Properties vai construir dois centros de dados em Lisboa.", "Merlin Properties"),
    ("Iberdrola Renewables signed a deal to power the site in Ohio.", "Iberdrola Renewables"),
])
def test_a_name_ending_in_a_property_or_power_developers_word_is_a_company(app: Flask, text: str, name: str) -> None:
    assert (name, "ORG") in names_found(app, text)


def test_guard_a_person_before_a_company_word_stays_one(app: Flask) -> None:
    assert ("Maria Duarte", "PER") in names_found(app, "Maria Duarte comprou três propriedades em Lisboa.")


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE23, SEEDLIKE23_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)


# ------------------------------------------------------------------ found blind (b1, b2, b3), fixed after the blind run

def test_a_pt_pt_note_shared_for_information_without_warranties_goes() -> None:
    text = ("Nota: o artigo contém conteúdo de terceiros e é publicado sem garantias de qualquer espécie, como todos os "
            "do portal.")
    assert_left_out(text, "boilerplate", "disclaimer", Position(12, 20))
    assert_screen_passes([text], Position(12, 20))


@pytest.mark.parametrize("text", [
    "O banco emprestou 3 milhões à empresa sem garantias e o caso foi parar ao tribunal em 2024.",
    "A câmara divulgou os números a título informativo e o presidente prometeu um relatório completo em março.",
])
def test_guard_a_storys_loan_without_guarantees_or_figures_for_information_stay(text: str) -> None:
    assert_kept(text)


def test_a_unit_alone_after_its_number_is_no_name(app: Flask) -> None:
    found = names_found(app, "A Casa dos Ventos afirmou que vai fornecer 300 MW ao projeto no Ceará.")
    assert not any(text == "MW" for text, _label in found) and ("Ceará", "LOC") in found


def test_guard_a_units_letters_as_a_name_without_a_number_stay(app: Flask) -> None:
    assert ("GB News", "ORG") in names_found(app, "A GB News disse que vai fornecer os dados ao regulador.")


@pytest.mark.parametrize(("text", "name"), [
    ("A Lumen captou R$ 80 milhões em uma rodada liderada pela Kaszek, segundo o jornal.", "Kaszek"),
    ("A startup fechou uma ronda de 20 milhões de euros liderada pela Indico, em Lisboa.", "Indico"),
])
def test_who_leads_a_funding_round_is_an_investor(app: Flask, text: str, name: str) -> None:
    assert (name, "ORG") in names_found(app, text)


def test_guard_a_place_or_a_person_leading_something_else_stay(app: Flask) -> None:
    found = names_found(app, "A rodada de negociações liderada pela França terminou, e a marcha liderada pela Maria "
                             "Silva passou pela Bahia.")
    assert {("França", "LOC"), ("Maria Silva", "PER"), ("Bahia", "LOC")} <= found


@pytest.mark.parametrize(("text", "name"), [
    ("A Zhipu disse que o Z1 foi baixado 2 milhões de vezes no Hugging Face.", "Z1"),
    ("Xiaomi said the K9 was downloaded 5 million times in a week.", "K9"),
])
def test_a_code_released_or_downloaded_is_a_product(app: Flask, text: str, name: str) -> None:
    assert (name, "PRODUCT") in names_found(app, text)


@pytest.mark.parametrize("text", ["Xiaomi said the Q3 was released late, with sales up 9%.",
                                  "A Xiaomi disse que o Z1 foi testado por 2 mil pessoas em Pequim."])
def test_guard_a_quarter_released_or_a_code_tested_is_no_product(app: Flask, text: str) -> None:
    assert not any(label == "PRODUCT" for _text, label in names_found(app, text))
