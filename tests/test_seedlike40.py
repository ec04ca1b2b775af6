"""Seed-shaped probe 40 (fixtures/seedlike40: two Portuguese and two English posts in the seed's register, on
satellite internet in the Amazon, Korean and Japanese chip policy, data centres' water and open-weight model releases,
scraped with other chrome than earlier probes': a paywall's meter and login wall, an e-mail newsletter's masthead and
footer, a cookie banner and a reactions bar, a Discourse thread quoting the post): what it found, as general
features, each with a guard that must not change. The texts of the rule tests are written for these tests, not the
probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from tests.test_preload import assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth
from tests.test_seedlike_annotators import names_found
from tests.test_sentiment import sentiment

AppFactory = Callable[..., Flask]
SEEDLIKE40 = Path(__file__).parent.parent / "fixtures" / "seedlike40"
SEEDLIKE40_BLIND = SEEDLIKE40.parent / "seedlike40_blind"  # committed before Anota read it, run once at the end
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("text", [
    "Você chegou ao limite de 5 matérias gratuitas deste mês.",
    "You've read all 5 of your free articles this month.",
])
def test_a_paywalls_count_of_free_reads_goes(text: str) -> None:
    assert_probe_chrome(text, "account notice", "O prefeito atingiu o limite de 2 mandatos em 2024, disse o tribunal.")


@pytest.mark.parametrize("text", ["How do you feel about this article?", "O que você achou desta matéria?"])
def test_a_reactions_bars_question_goes(text: str) -> None:
    assert_probe_chrome(text, "survey prompt", "How do you feel about this deal with the unions, the reporter asked.")


def test_a_byline_said_as_who_reported_it_goes() -> None:
    assert_probe_chrome("Reported by Sam Okoro | March 3, 2026", "byline or credit",
                        "Reported by the BBC first, the fire spread to three floors in March.")


@pytest.mark.parametrize("text", ["Ler no site original", "Read it on the source site", "Abrir a versão web",
                                  "Open the web version"])
def test_a_button_to_the_source_site_or_the_web_version_goes(text: str) -> None:
    assert_probe_chrome(text, "button or link label", "Ler no site do governo é mais difícil do que parece, diz o estudo.")


@pytest.mark.parametrize("text", ["Boletim do Clima · N.º 12 · 3 de março de 2026",
                                  "Notes on Grid Policy from Brussels · No. 112 · March 3, 2026"])
def test_a_newsletters_masthead_with_its_issue_number_and_date_goes(text: str) -> None:
    assert_left_out(text, "boilerplate", "masthead", Position(1, 20))
    assert_left_out(text, "boilerplate", "masthead", INSIDE)
    assert_screen_passes([text], INSIDE)


def test_guard_a_sentence_citing_a_numbered_act_and_its_date_stays() -> None:
    assert_kept("O decreto n.º 87 · de 1 de dezembro de 2026 · foi revogado pelo governo.")


@pytest.mark.parametrize("text", [
    # the page's own text prepared with AI's help, and checked by the newsroom: two cues, inside the page too
    "Este texto foi elaborado com auxílio de inteligência artificial e revisto pela equipa editorial.",
    "This summary was drafted with the help of AI and checked by our editors before publication.",
    # republished with leave, or syndicated, and who does not answer for it
    "Reprodução autorizada de conteúdo de agência. O portal não se responsabiliza pelas opiniões do colunista.",
    "Syndicated story: the site is not responsible for the accuracy of figures supplied by third parties.",
    # a forum's note on whose views its posts are
    "Messages represent the opinions of their posters, not those of the board staff. Quotes keep their licence.",
])
def test_a_notice_on_who_made_or_answers_for_the_text_goes_inside_the_page(text: str) -> None:
    assert_left_out(text, "boilerplate", "disclaimer", INSIDE)
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "O diagnóstico foi feito com apoio de inteligência artificial no Hospital das Clínicas.",
    "O relatório foi revisado pela equipe do ministério em março de 2024.",
    "A reprodução autorizada pelo juiz mostrou o vídeo inteiro aos jurados.",
    "Syndicated loans rose 12% in 2024, the bank said in its annual report.",
])
def test_guard_a_storys_sentence_on_ai_review_or_republishing_stays(text: str) -> None:
    assert_kept(text)


# ... found blind

@pytest.mark.parametrize("text", [
    "Maybe the GDPR will end up like the cookie law: famous everywhere, feared nowhere.",
    "A LGPD completou cinco anos e as multas ainda são raras, diz o estudo.",
])
def test_a_sentence_naming_a_privacy_law_stays(text: str) -> None:
    assert_kept(text)


def test_guard_a_footers_link_to_the_privacy_law_goes() -> None:
    assert_left_out("Política de privacidade · LGPD", "boilerplate", "privacy notice", Position(19, 20))


@pytest.mark.parametrize(("text", "kind"), [
    ("Texto de Marina Lopes · 4 min", "byline or credit"),
    ("Conteúdo de parceiro. Os dados acima não foram verificados pela redação.", "disclaimer"),
    ("First published by our partner site. Statements attributed to third parties are theirs.", "disclaimer"),
    ("Join today to unlock all articles: your first month is free.", "subscribe prompt"),
])
def test_a_partners_text_its_byline_and_a_members_offer_go(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind, INSIDE)
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "O texto de Machado de Assis · um clássico · foi reeditado em 2024.",
    "The app was first published by a student in Lisbon in 2019, the company said.",
])
def test_guard_a_storys_sentence_on_a_text_or_its_first_publisher_stays(text: str) -> None:
    assert_kept(text)


# ------------------------------------------------------------------ entities

def test_a_one_word_name_after_a_portuguese_sites_noun_is_its_place(app: Flask) -> None:
    # "a fábrica de Chitose, em Hokkaido" gave a person
    assert ("Chitose", "LOC") in names_found(app, "A Rapidus vai ampliar a fábrica de Chitose, em Hokkaido, até 2027.")


def test_guard_a_company_after_a_sites_noun_and_its_article_stays_a_company(app: Flask) -> None:
    assert ("Tesla", "ORG") in names_found(app, "A fábrica da Tesla em Berlim parou por duas semanas.")


@pytest.mark.parametrize("text", [
    "Maybe the next battle over AI won't be about chips at all.",  # "AI won't"
    "Open-weight models just had their best month ever, analysts said.",  # "Open-weight models just", a place
])
def test_a_model_spans_lowercase_clause_is_no_name(app: Flask, text: str) -> None:
    assert names_found(app, text) == set()


def test_guard_a_names_hyphenated_lowercase_half_stays(app: Flask) -> None:
    assert ("X-energy", "ORG") in names_found(app, "Amazon invested $500 million in X-energy last year.")


def test_a_project_named_in_portuguese_is_the_product(app: Flask) -> None:
    assert ("Projeto Kuiper", "PRODUCT") in names_found(app, "A Amazon vai lançar o Projeto Kuiper no Brasil.")


# ------------------------------------------------------------------ sentiment

def test_a_clause_after_yet_is_what_the_writer_means() -> None:
    assert sentiment("The company promised a great plan, yet the town still lost its wells.", "en")[0] == "Negative"


@pytest.mark.parametrize("text", ["The deal is not yet signed, but the talks went well.",
                                  "They have yet to lose a game this great season."])
def test_guard_yet_as_time_weighs_nothing(text: str) -> None:
    assert sentiment(text, "en")[0] == "Positive"


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE40, SEEDLIKE40_BLIND) if (folder / ".truth.json").exists()
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)


# The posts' names and sentiments as measured: the studied ones after their fixes, the blind ones at their one run
# (ebfe9c4; the fixes found blind were to cleaning only). Every name of the truth is found with its label but the
# missed ones, and the spurious ones are found too (fixtures/seedlike40/README.md, "Left"). Since entities 1.2.64
# (fixtures/entities44) the blind post's "8R" (a tractor's code after "trator autônomo") is found and its "Super Bowl
# ad" is no organisation; "The Dalles, Oregon" stays one place, the WikiANN convention the plugin keeps.
MISSED = {SEEDLIKE40: {"The Dalles", "Oregon"}, SEEDLIKE40_BLIND: set()}
SPURIOUS = {SEEDLIKE40: {("The Dalles, Oregon", "LOC"), ("Norte", "LOC"), ("LMArena leaderboard", "ORG")},
            SEEDLIKE40_BLIND: set()}
# s2 and b1 were Neutral; since sentiment 0.6.42 (sentiment55) their "Repare-se:"/"Você vê," paragraphs argue by the
# closing question, and both read Negative as their truths say.
SENTIMENT_MISSED: set[str] = set()


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_posts_names_and_sentiment_as_measured(app: Flask, folder: Path, name: str) -> None:
    assert_names_and_sentiment_as_measured(app, folder, name, MISSED[folder], SPURIOUS[folder], SENTIMENT_MISSED)


def assert_names_and_sentiment_as_measured(app: Flask, folder: Path, name: str, missed: set[str],
                                           spurious: set[tuple[str, str]], sentiment_missed: set[str]) -> None:
    """Every name of a probe post's truth is found with one of its labels but the ``missed`` ones, the names found
    beyond the truth are the ``spurious`` ones the post holds, and the sentiment judged is right unless the post is
    among ``sentiment_missed``."""
    truth = json.loads((folder / ".truth.json").read_text(encoding="utf-8"))[name]
    extra: set[tuple[str, str]] = set()
    for paragraph in truth["paragraphs"]:
        found = {(text, label) for text, label in names_found(app, paragraph["text"]) if text not in paragraph["open"]}
        for text, labels in paragraph["entities"]:
            if text not in missed:
                assert any((text, label) in found for label in labels.split("|")), (text, found)
        extra |= {(text, label) for text, label in found
                  if not any(text == right and label in labels.split("|") for right, labels in paragraph["entities"])}
        if paragraph["sentiment"]:
            right = sentiment(paragraph["text"], truth["language"])[0] == paragraph["sentiment"]
            assert right is (name not in sentiment_missed)
    assert extra == {(text, label) for text, label in spurious if text in (folder / name).read_text("utf-8")}
