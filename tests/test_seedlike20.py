"""Seed-shaped probe 20 (fixtures/seedlike20: six posts on oil, polls, the transfer market, flu vaccination,
launches and EU trade rules, copied from aggregators, a portal, a blog, Flipboard and LinkedIn with their chrome and the
post again): what it found, as general features, each with a guard that must not change. The texts of the rule tests
are written for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth
from tests.test_seedlike_annotators import names_found

AppFactory = Callable[..., Flask]
SEEDLIKE20 = Path(__file__).parent.parent / "fixtures" / "seedlike20"
SEEDLIKE20_BLIND = SEEDLIKE20.parent / "seedlike20_blind"  # run once at the end, then fixed


def _texts(make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> list[str]:
    return [" ".join(task["data"]["text"].split())
            for task in label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", pages))]


# ------------------------------------------------------------------ cleaning: who answers for a post passed on

CHROME = [
    ("Conteúdo fornecido por Diário do Sul. As informações publicadas são da responsabilidade do parceiro e não "
     "representam necessariamente a opinião da plataforma.", "disclaimer"),
    ("Artigo cedido por Jornal da Serra. Os textos de opinião são da exclusiva responsabilidade dos seus autores.",
     "disclaimer"),
    ("Content provided by Coastal Daily. The views expressed are the author's own and do not reflect ours.",
     "disclaimer"),
    ("Nota: os preços são recolhidos de fontes de terceiros e podem mudar sem aviso. Este site não tem qualquer "
     "vínculo com as lojas citadas.", "disclaimer"),
    ("Opinions are my own and do not represent my employer. Links are shared for information only.", "disclaimer"),
    ("Scores come from third-party outlets and may change. This blog is not affiliated with the league or its clubs.",
     "disclaimer"),
    ("Flipped into Morning Briefing", "feed header"),
    ("Flipado em Ciência Hoje", "feed header"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_probe20_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # The same words inside a story's sentences.
        "O texto fornecido pelo governo tem 40 páginas e será votado na terça-feira.",
        "O conteúdo fornecido pela empresa aos investigadores incluía 2 milhões de mensagens, disse o tribunal.",
        "O suspeito não tem vínculo com a facção, disse a polícia.",
        "The group is not affiliated with Hamas, police said on Monday.",
        "A manutenção da estrada é da responsabilidade do município, lembrou o ministro.",
        "Her views are her own business, the coach told reporters after the match.",
        "The hospital flipped into crisis mode after the storm, staff said.",
        "A Anatel multou a operadora por usar dados de terceiros sem autorização.",
    ],
)
def test_probe20_words_in_sentences_stay(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_probe20_chrome() -> None:
    texts = [text for text, _kind in CHROME]
    for position in (Position(15, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes(texts, position)


# ------------------------------------------------------------------ cleaning: a site's name over a menu, an item a line

POST = [
    "O Sporting vendeu o avançado por 70 milhões de euros, segundo o clube, e ficou com 10% de uma venda futura.",
    "O Benfica respondeu com a contratação de um médio do Brasil, por 18 milhões, disse o jornal A Bola.",
]


@pytest.mark.parametrize("under", [["segunda-feira, 1 de dezembro de 2026"], []])
def test_a_sites_name_over_a_menu_of_one_word_lines_goes(
        make_app: AppFactory, tmp_path: Path, under: list[str]) -> None:
    page = "\n".join(["Diário do Leão e da Bola", "Início", "Mercado", "Jogos", *under, *POST])
    assert _texts(make_app, tmp_path, {"post.txt": page}) == POST


@pytest.mark.parametrize("under", [["Por Rui Matos", "Ontem"], ["Desporto"], ["Desporto", "Ontem, 18:04"]])
def test_guard_a_headline_over_its_byline_or_section_stays(
        make_app: AppFactory, tmp_path: Path, under: list[str]) -> None:
    headline = "Sporting vende avançado por 70 milhões"
    page = "\n".join([headline, *under, *POST])
    assert _texts(make_app, tmp_path, {"post.txt": page})[0] == headline


# ------------------------------------------------------------------ claims

def test_a_deal_its_subject_holds_is_a_claim() -> None:
    from tests.test_claims import claimed

    assert claimed("O Porto, entretanto, já tem acordo com o médio Pedro Gomes para renovar até 2029.", "Porto",
                   "pt")
    assert claimed("O Sporting tem um contrato de patrocínio com a Betano até 2028.", "Sporting", "pt")


def test_guard_an_opinion_on_a_deal_or_a_state_is_no_claim() -> None:
    from tests.test_claims import claimed

    assert not claimed("Acho que o Porto já tem acordo com o médio Pedro Gomes.", "Porto", "pt")
    assert not claimed("O treinador do Porto tem confiança total no plantel.", "Porto", "pt")


# ------------------------------------------------------------------ entities

def test_a_name_ends_before_the_next_clauses_subject(app: Flask) -> None:
    # "told Reuters the continent needs": the model ran the name on over "the city".
    found = names_found(app, "Mayor Carlos Moedas told Lusa the city needs at least 5,000 more homes.")
    assert any(text == "Lusa" for text, _label in found) and not any("city" in text for text, _label in found)


def test_guard_a_name_with_the_inside_stays_whole(app: Flask) -> None:
    found = names_found(app, "Bank of the West opened 12 branches in California, and Alexander the Great was "
                             "on the cover of the magazine.")
    assert ("Bank of the West", "ORG") in found
    # A sentence's or a line's first word, capitalised as its opener, is no name left over.
    assert not names_found(app, "Got the job!!! Still can't believe it 🎉")
    assert not names_found(app, "Q: Is the kettle safe to leave on overnight?")


def test_a_sentences_opening_phrase_is_no_part_of_its_subjects_name(app: Flask) -> None:
    found = names_found(app, "Under the Digital Markets Act, Microsoft must now let rival browsers run on Windows 11 "
                             "in the EU.")
    assert ("Microsoft", "ORG") in found and not any(text.startswith("Under") for text, _label in found)


def test_guard_a_name_opening_a_sentence_after_a_comma_stays(app: Flask) -> None:
    found = names_found(app, "In Lisbon, Galp said it will cut 300 jobs. Galp, Repsol and Cepsa sell fuel in Spain.")
    assert ("Lisbon", "LOC") in found and ("Galp", "ORG") in found


def test_a_vaccines_lineage_code_is_part_of_its_name(app: Flask) -> None:
    found = names_found(app, "A Comirnaty KP.2 e a Spikevax LP.8.1 estão a ser dadas nas farmácias desde outubro.")
    assert {("Comirnaty KP.2", "PRODUCT"), ("Spikevax LP.8.1", "PRODUCT")} <= found


def test_guard_a_code_after_a_name_in_another_sentence_is_not_joined(app: Flask) -> None:
    found = names_found(app, "A Pfizer vende a Comirnaty. U.S. regulators approved it in 2021.")
    assert ("Comirnaty", "PRODUCT") in found


def test_portuguese_pollsters_and_papers_are_organisations(app: Flask) -> None:
    found = names_found(app, "A sondagem da Intercampus para o Correio da Manhã dá 30% ao PS, e a da Aximage para o "
                             "Jornal de Notícias dá 29%.")
    assert {("Intercampus", "ORG"), ("Correio da Manhã", "ORG"), ("Aximage", "ORG"),
            ("Jornal de Notícias", "ORG")} <= found


def test_launch_vehicles_are_products(app: Flask) -> None:
    found = names_found(app, "United Launch Alliance said its Vulcan Centaur and Atlas V will fly 14 missions in 2027.")
    assert {("Vulcan Centaur", "PRODUCT"), ("Atlas V", "PRODUCT"), ("United Launch Alliance", "ORG")} <= found


def test_a_name_of_a_landform_is_a_place(app: Flask) -> None:
    found = names_found(app, "A Petrobras quer perfurar na Margem Equatorial e ampliar a produção na Bacia de Santos, "
                             "enquanto a Exxon aposta na Permian Basin.")
    assert {("Margem Equatorial", "LOC"), ("Bacia de Santos", "LOC")} <= found
    assert ("Petrobras", "ORG") in found


def test_guard_a_company_named_like_a_landform_stays_an_organisation(app: Flask) -> None:
    found = names_found(app, "A Vale anunciou lucro de 2 mil milhões, e a Gulf Air cortou voos para Lisboa.")
    assert ("Vale", "ORG") in found and ("Gulf Air", "ORG") in found


# ------------------------------------------------------------------ found blind (b1, b2), fixed after the blind run

@pytest.mark.parametrize(
    "text",
    [
        "Aviso legal: os textos desta secção são de autoria de terceiros. O portal não endossa as opiniões publicadas "
        "e não se responsabiliza pelo seu uso.",
        "Legal notice: this section is written by third-party contributors, and we do not endorse the views expressed.",
    ],
)
def test_a_legal_notice_on_third_party_authors_goes(text: str) -> None:
    assert_left_out(text, "boilerplate", "disclaimer")
    assert_screen_passes([text], Position(15, 30))


@pytest.mark.parametrize(
    "text",
    [
        "O sindicato não endossa as opiniões do antigo líder, disse o porta-voz.",
        "The union does not endorse the views of its former leader, a spokesman said.",
        "Aviso legal da Câmara sobre as obras na Rua Direita foi publicado ontem no Diário da República.",
        "O livro é de autoria de três investigadores do Porto, disse a editora.",
    ],
)
def test_guard_not_endorsing_a_persons_views_is_news(text: str) -> None:
    assert_kept(text)


def test_airbus_models_opec_plus_and_a_letter_dash_number_model_are_named(app: Flask) -> None:
    # The maker's name with its model, as "Airbus A350" is (tests/test_entities.py).
    found = names_found(app, "A TAP vai trocar os Airbus A320neo por Airbus A321XLR, e a OPEP+ reúne-se em Viena.")
    assert {("Airbus A320neo", "PRODUCT"), ("Airbus A321XLR", "PRODUCT"), ("OPEP+", "ORG")} <= found
    found = names_found(app, "Delta took its first Airbus A350-900, OPEC+ met in Vienna and the Pentagon said the "
                             "MQ-9 Reaper fleet will shrink.")
    assert {("Airbus A350-900", "PRODUCT"), ("OPEC+", "ORG"), ("MQ-9 Reaper", "PRODUCT")} <= found


def test_guard_a_maker_alone_or_before_a_year_stays_an_organisation(app: Flask) -> None:
    found = names_found(app, "A Embraer entregou 64 jatos em 2025, e a Airbus 2026 será melhor, disse a Boeing.")
    assert ("Embraer", "ORG") in found and ("Boeing", "ORG") in found
    assert not any(label == "PRODUCT" for _text, label in found)
    # A code before a lowercase word keeps its own name only.
    found = names_found(app, "OpenAI said the GPT-5 launch drew 700 million users in a week.")
    assert ("GPT-5", "PRODUCT") in found and not any(text.startswith("GPT-5 ") for text, _label in found)


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("OPEC+ agreed on Sunday to raise output by 137,000 barrels a day from January.", "en", "Neutral"),
        ("The two sides agreed to meet again in March, the ministry said.", "en", "Neutral"),
        ("Os ministros concordaram em adiar a votação para março.", "pt", "Neutral"),
    ],
)
def test_an_agreement_to_act_is_news(text: str, language: str, label: str) -> None:
    from tests.test_sentiment import sentiment

    assert sentiment(text, language)[0] == label


def test_guard_agreeing_with_someone_keeps_its_warmth() -> None:
    from tests.test_sentiment import sentiment

    assert sentiment("I agree with every word of this, brilliant thread!", "en")[0] == "Positive"


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE20, SEEDLIKE20_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)
