"""Seed-shaped probe 21 (fixtures/seedlike21: six posts on AI and its geopolitics away from probes 19's and 16's
subjects - PL 2338, the B30A and H20, open-weight releases, Big Tech capex, humanoid robots, data centres' power -
scraped like the seed with "Ver original", a third-party-content disclaimer and the post again): what it found, as
general features, each with a guard that must not change. The texts of the rule tests are written for these tests,
not the probe's."""

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
from tests.test_seedlike_annotators import name_pieces, names_found
from tests.test_sentiment import sentiment

AppFactory = Callable[..., Flask]
SEEDLIKE21 = Path(__file__).parent.parent / "fixtures" / "seedlike21"
SEEDLIKE21_BLIND = SEEDLIKE21.parent / "seedlike21_blind"  # run once at the end


# ------------------------------------------------------------------ claims

def test_an_attribution_after_a_name_is_no_ordinal() -> None:
    # The names left out of the verb cues brought "em" next to "segundo": "em segundo" read as the ordinal.
    assert claimed("O resto do investimento vai para redes no Paraná e em Goiás, segundo a Folha.", "Folha", "pt")


def test_guard_segundo_after_em_is_still_the_ordinal() -> None:
    assert not claimed("A equipa ficou em segundo lugar e quer melhorar.", "segundo", "pt")


def test_what_a_rule_holds_a_thing_to_be_is_a_claim() -> None:
    assert claimed("O regulamento classifica como de alto risco os sistemas usados na triagem de doentes.",
                   "regulamento", "pt")


def test_guard_sorting_things_is_no_claim() -> None:
    assert not claimed("O aplicativo classifica as fotos como favoritas quando você toca nelas.", "aplicativo", "pt")


# ------------------------------------------------------------------ entities

def test_an_english_name_ends_before_a_prepositions_lowercase_words(app: Flask) -> None:
    found = names_found(app, "xAI keeps its cluster in Memphis on gas turbines while it trains the model.")
    assert ("Memphis", "LOC") in found and not any(" on " in text for text, _label in found)


def test_guard_a_name_with_a_preposition_inside_stays_whole(app: Flask) -> None:
    found = names_found(app, "Bank of the West opened 12 branches in California last year.")
    assert ("Bank of the West", "ORG") in found


def test_a_site_in_a_place_is_two_names() -> None:
    # A model span over "Lancaster site in Pennsylvania" (the English model's "its Abilene site in Texas").
    assert name_pieces("Anthropic said its Lancaster site in Pennsylvania will open in 2027.", 3, 7) == [
        "Lancaster", "Pennsylvania"]


def test_guard_a_site_of_an_owner_and_a_name_with_in_stay_as_they_were() -> None:
    assert name_pieces("Aviva said its Manchester office of Aviva Investors will close.", 3, 8) == [
        "Manchester", "Aviva Investors"]
    assert name_pieces("Jack in the Box opened 30 restaurants.", 0, 4) == ["Jack in the Box"]


def test_a_versioned_name_ends_before_a_contracted_negative(app: Flask) -> None:
    found = names_found(app, "Perhaps Claude 5 won't need a bigger cluster, and Llama 6 can't ship this year.")
    assert not any("wo" in text.split() or "ca" in text.split() or "n't" in text for text, _label in found)
    assert ("Claude 5", "PRODUCT") in found


def test_a_name_ending_in_a_models_code_is_no_person(app: Flask) -> None:
    found = names_found(app, "A Fourier diz ter encomendas de 80 milhões para o Harmony R3.")
    assert ("Harmony R3", "PRODUCT") in found


def test_guard_a_person_keeps_being_one(app: Flask) -> None:
    found = names_found(app, "A ministra Marina Silva disse que o Brasil vai cumprir a meta.")
    assert ("Marina Silva", "PER") in found


def test_a_name_and_its_version_is_a_product_and_an_administracao_an_institution(app: Flask) -> None:
    found = names_found(app, "A Xpeng diz que o Iron V2 chega às fábricas em 2026, e a Administração do Porto de "
                             "Santos aprovou a obra.")
    assert {("Iron V2", "PRODUCT"), ("Administração do Porto de Santos", "ORG")} <= found


def test_guard_an_engine_code_alone_and_a_government_by_its_leader_stay(app: Flask) -> None:
    found = names_found(app, "O carro tem um motor V8, e a Administração Trump cortou verbas para a NASA.")
    assert not any(text.endswith("V8") for text, _label in found)
    assert not any(text.startswith("Administração Trump ") for text, _label in found)


# ------------------------------------------------------------------ sentiment

@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O projeto foi aprovado em dezembro e agora está numa comissão especial da Câmara, com relatoria do deputado.",
         "pt"),
        ("The special committee will vote on the bill in March.", "en"),
        ("The UN special envoy arrived in Damascus on Monday.", "en"),
    ],
)
def test_a_bodys_kind_is_no_praise(text: str, language: str) -> None:
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(
    ("text", "language"),
    [("Foi um dia muito especial, obrigada a todos!", "pt"), ("Thank you for making my birthday so special!", "en")],
)
def test_guard_a_special_day_keeps_its_warmth(text: str, language: str) -> None:
    assert sentiment(text, language)[0] == "Positive"


# ------------------------------------------------------------------ found blind (b2), fixed after the blind run

@pytest.mark.parametrize(
    "text",
    [
        "Nota: as opiniões publicadas são de terceiros e não refletem a linha editorial. Nada disto é recomendação de "
        "investimento, e o site não responde por perdas.",
        "Note: the opinions expressed here are those of third parties and do not constitute investment advice. Always "
        "check the figures yourself before you trade.",
    ],
)
def test_a_note_that_the_views_are_third_parties_goes(text: str) -> None:
    assert_left_out(text, "boilerplate", "disclaimer", Position(12, 20))
    assert_screen_passes([text], Position(12, 20))


def test_guard_what_is_of_third_parties_in_a_story_stays() -> None:
    assert_kept("Segundo o juiz, as provas apresentadas pela defesa são de terceiros e não foram verificadas pela "
                "polícia, que pediu mais 30 dias para concluir o inquérito.")


# ------------------------------------------------------------------ found while fixing it: a story's sentence on views

@pytest.mark.parametrize(
    "text",
    [
        "A nova proposta não representa a opinião do partido, disse o deputado ontem.",
        "The statement does not reflect the views of the board, a spokesman said on Monday.",
    ],
)
def test_a_sentence_on_whose_views_with_its_speaker_stays(text: str) -> None:
    assert_kept(text)


def test_guard_a_pages_notice_on_views_still_goes() -> None:
    assert_left_out("As opiniões expressas não refletem a posição da plataforma.", "boilerplate", "disclaimer",
                    Position(12, 20))
    assert_left_out("The views expressed are the author's own and do not necessarily reflect those of the publisher.",
                    "boilerplate", "disclaimer", Position(12, 20))


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE21, SEEDLIKE21_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)
