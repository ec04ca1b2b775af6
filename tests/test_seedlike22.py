"""Seed-shaped probe 22 (fixtures/seedlike22: six posts, half Portuguese and half English, on fabs in Japan and
Europe, robotaxis, satellite internet, quantum funding, lithium and open-weight licences, scraped like the seed with
"Ver original"/"View original", a third-party-content disclaimer and the post again): what it found, as general
features, each with a guard that must not change. The texts of the rule tests are written for these tests, not the
probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from tests.test_claims import claimed
from tests.test_preload import assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth
from tests.test_seedlike_annotators import name_pieces, names_found
from tests.test_sentiment import sentiment

AppFactory = Callable[..., Flask]
SEEDLIKE22 = Path(__file__).parent.parent / "fixtures" / "seedlike22"
SEEDLIKE22_BLIND = SEEDLIKE22.parent / "seedlike22_blind"  # run once at the end (f4f2502)


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        ("A ministra admite que só 12 das 40 escolas vão abrir em setembro.", "ministra", "pt"),
        ("O regulador reconhece que a meta de 2030 ficou longe.", "regulador", "pt"),
        ("The ministry acknowledges that only 12 of the 40 plants will open by 2030.", "ministry", "en"),
    ],
)
def test_what_someone_concedes_in_the_present_is_reported(text: str, fragment: str, language: str) -> None:
    assert claimed(text, fragment, language)


@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        ("A escola admite alunos de outras cidades.", "escola", "pt"),
        ("O novo telemóvel reconhece o rosto do dono.", "telemóvel", "pt"),
        ("The university admits students from many countries.", "university", "en"),
    ],
)
def test_guard_admitting_or_recognising_someone_is_no_report(text: str, fragment: str, language: str) -> None:
    assert not claimed(text, fragment, language)


# ------------------------------------------------------------------ entities

@pytest.mark.parametrize("text", ["The fastest car in the race was German, and the slowest was Italian.",
                                  "Her parents are Brazilian."])
def test_a_demonym_closing_a_clause_is_no_name(app: Flask, text: str) -> None:
    assert names_found(app, text) == set()


def test_guard_a_name_opening_with_a_demonym_and_a_place_closing_a_clause_stay(app: Flask) -> None:
    assert {("European Union", "ORG"), ("Kentucky", "LOC")} <= names_found(
        app, "The European Union fined the firm, and the rider from Kentucky won.")


@pytest.mark.parametrize(("text", "name"), [("In Seoul, Pony.ai plans to run 500 cars by June.", "Pony.ai"),
                                            ("Later, Wayve.ai said it will test in London.", "Wayve.ai")])
def test_a_name_ending_in_a_web_domain_is_an_organisation(app: Flask, text: str, name: str) -> None:
    assert (name, "ORG") in names_found(app, text)


def test_guard_a_lowercase_web_address_is_no_name(app: Flask) -> None:
    assert names_found(app, "The full list is at example.com and on the city's site.") == set()


@pytest.mark.parametrize(("text", "start", "end", "label", "names"), [
    # a list of places that goes on past the span, closed by "and" and its last item
    ("Buses now run across Leeds, York, Hull and Bath.", 4, 7, "LOC", ["Leeds", "York"]),
    # what a verb of moving moved, and where ("Magistral Small to Apache 2.0" was one organisation)
    ("Alibaba moved Qwen Coder Plus to Apache 2.0 last week.", 2, 8, "ORG", ["Qwen Coder Plus", "Apache 2.0"]),
    # ... or what a verb of releasing released, and under what licence
    ("Mistral released Devstral Medium under Apache 2.0 today.", 2, 7, "ORG", ["Devstral Medium", "Apache 2.0"]),
])
def test_a_model_span_over_two_names_is_cut(text: str, start: int, end: int, label: str, names: list[str]) -> None:
    assert name_pieces(text, start, end, label) == names


@pytest.mark.parametrize(("text", "start", "end", "label", "name"), [
    # a town and its region, before "and" and another kind of name, in a list of such pairs, or before its country
    # (WikiANN-en dev's)
    ("He studied in Ann Arbor, Michigan, and Verona Area High School.", 3, 7, "LOC", "Ann Arbor, Michigan"),
    ("Brooklyn, New York, Naranja, Florida, and Stone Mountain, Georgia", 5, 8, "LOC", "Naranja, Florida"),
    ("Tokorozawa, Saitama, Japan", 0, 3, "LOC", "Tokorozawa, Saitama"),
    # a title holding "to"
    ("The Rough Guide to Arabic Revolution", 0, 6, "ORG", "The Rough Guide to Arabic Revolution"),
    ("They moved Bridge to Terabithia up the list.", 2, 5, "ORG", "Bridge to Terabithia"),
    ("They watched Twenty Thousand Leagues Under the Sea again.", 2, 8, "ORG", "Twenty Thousand Leagues Under the Sea"),
])
def test_guard_a_place_and_its_region_and_a_title_with_to_stay_one_name(
        text: str, start: int, end: int, label: str, name: str) -> None:
    assert name_pieces(text, start, end, label) == [name]


def test_a_subject_raising_money_at_a_valuation_is_a_company(app: Flask) -> None:
    assert ("Tidewell", "ORG") in names_found(
        app, "Tidewell raised $300m at a $2bn valuation, and its founder Lena Brandt said the money goes to Lisbon.")


def test_guard_a_person_raising_money_for_charity_stays_one(app: Flask) -> None:
    assert ("Marisol", "PER") in names_found(app, "Marisol raised $2 million for charity at a gala in Miami.")


def test_robotaxi_quantum_and_lithium_companies_are_known(app: Flask) -> None:
    # The model took "Waymo" for a place and missed "Zoox" and "IonQ"; the patterns name the sectors' companies.
    found = names_found(app, "Zoox and WeRide expanded their fleets, IonQ and Quantinuum hired, and Albemarle cut "
                             "output while Waymo grew.")
    assert {("Zoox", "ORG"), ("WeRide", "ORG"), ("IonQ", "ORG"), ("Quantinuum", "ORG"), ("Albemarle", "ORG"),
            ("Waymo", "ORG")} <= found


# ------------------------------------------------------------------ cleaning

def test_a_forums_vote_count_alone_is_chrome() -> None:
    assert_probe_chrome("1,2k upvotes", "engagement count", "O post teve 1.200 upvotes antes de ser apagado.")


def test_a_note_that_the_content_is_third_parties_responsibility_goes() -> None:
    text = ("Nota: o texto é da responsabilidade de terceiros e foi partilhado pelo leitor. Não reflete a posição do "
            "jornal.")
    assert_left_out(text, "boilerplate", "disclaimer", Position(12, 20))
    assert_screen_passes([text], Position(12, 20))


def test_guard_a_storys_third_parties_in_charge_stay() -> None:
    assert_kept("A manutenção da estrada é da responsabilidade de terceiros, disse o presidente da câmara, que pediu "
                "mais 2 milhões ao Governo para a obra.")


@pytest.mark.parametrize(("text", "kind", "content"), [
    ("Read the original article", "link prompt",
     "Read the original article to see what the senator actually said about the tariffs."),
    ("Leia a matéria original", "link prompt", "A matéria original saiu na Folha e mostrava que 40% das escolas fecharam."),
    ("Posted in r/SelfDrivingCars", "byline or credit",
     "Posted in a forum last year, the video shows 3 robotaxis blocking a street in Austin."),
    ("Originally posted on Medium", "byline or credit", "Originally published in 1954, the novel sold 2 million copies."),
    ("Publicado originalmente no Substack", "byline or credit",
     "Publicado em 2019, o relatório mostrava que 30% das escolas não tinham internet."),
])
def test_a_link_to_a_posts_original_and_where_it_was_posted_are_chrome(text: str, kind: str, content: str) -> None:
    # Found sweeping the lines scraped posts carry around "Ver original"/"View original", the seed's chrome.
    assert_probe_chrome(text, kind, content)


# ------------------------------------------------------------------ found blind (b1, b2, b3), fixed after the blind run

@pytest.mark.parametrize("text", ["Opposition parties walked out of parliament on Tuesday.",
                                  "The electoral court told parties to file their lists of candidates by Friday."])
def test_a_party_in_politics_is_no_celebration(text: str) -> None:
    assert sentiment(text, "en")[0] == "Neutral"


@pytest.mark.parametrize("text", ["We had the best birthday party ever!", "Thanks for a wonderful party last night!"])
def test_guard_a_party_among_friends_keeps_its_warmth(text: str) -> None:
    assert sentiment(text, "en")[0] == "Positive"


def test_a_note_that_this_text_is_third_parties_goes() -> None:
    text = "Nota: este texto foi escrito por terceiros e é publicado a título informativo. Não reflete a posição do jornal."
    assert_left_out(text, "boilerplate", "disclaimer", Position(12, 20))
    assert_screen_passes([text], Position(12, 20))


def test_guard_a_storys_text_written_by_third_parties_stays() -> None:
    assert_kept("O juiz disse que o texto foi escrito por terceiros e que o réu não o leu antes de o assinar em 2024.")


def test_an_english_genitive_in_a_portuguese_source_is_part_of_its_name(app: Flask) -> None:
    assert ("Tom's Guide", "ORG") in names_found(app, "A Nvidia confirmou o chip, segundo a Tom's Guide, e a AMD "
                                                      "respondeu no mesmo dia.")


def test_guard_a_person_quoted_after_segundo_stays_one(app: Flask) -> None:
    assert ("Maria", "PER") in names_found(app, "Segundo a Maria, a dívida vai subir.")


def test_the_public_a_survey_counts_by_its_demonym_is_no_name(app: Flask) -> None:
    found = names_found(app, "A poll by Ipsos found 40% of French voters distrust the news.")
    assert ("Ipsos", "ORG") in found and not any(text.startswith("French") for text, _label in found)


def test_guard_a_company_opening_with_a_demonym_stays(app: Flask) -> None:
    assert ("British Airways", "ORG") in names_found(app, "British Airways cut 20 flights.")


def test_battery_makers_are_known(app: Flask) -> None:
    assert {("Northvolt", "ORG"), ("Gotion", "ORG")} <= names_found(
        app, "A Gotion comprou uma fábrica na Eslováquia e os ativos da Northvolt em Gdansk foram vendidos.")


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE22, SEEDLIKE22_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)
