"""Seed-shaped probe 43 (fixtures/seedlike43: two pt-BR, a pt-PT and two English posts in the seed's register, on
coffee drones in Minas, robot arms learning from demonstrations, desalination in the Algarve, heat pumps in Britain and
Chilean wine in Brazil, scraped with chrome earlier probes had not used: a Quora answer, a GitHub discussion, a Moodle
forum, a Tumblr reblog, and a feed with "Ver original" and its disclaimer): what it found, as general features, each
with a guard that must not change. The texts of the rule tests are written for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, is_chat_header
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike40 import assert_names_and_sentiment_as_measured
from tests.test_seedlike41 import assert_post_gives_its_truth_keeping
from tests.test_seedlike_annotators import names_found

AppFactory = Callable[..., Flask]
SEEDLIKE43 = Path(__file__).parent.parent / "fixtures" / "seedlike43"
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("text", [
    "Biólogo marinho · Respondido há 2 h", "Software engineer · Answered 5h ago", "Respondida há um dia (editado)",
    "lucas-m commented Nov 28, 2026", "dev_ana replied on Nov 30", "dev_ana asked this question in Q&A",
    "oceannotes reblogged this from seabirds", "por João Martins - quarta, 3 de dezembro de 2026, 14:05",
    "by Sam Lee - Friday, 5 December 2026, 9:12 AM",
])
def test_a_forums_or_qa_sites_post_header_goes(text: str) -> None:
    assert_probe_chrome(text, "a chat message's author and time", "O recurso foi respondido há 3 dias pelo tribunal.")


@pytest.mark.parametrize("text", ["O recurso foi respondido há 3 dias pelo tribunal.", "Siemens commented on the deal",
                                  "The minister answered 3 questions", "por causa da chuva - sexta, 5 de dezembro"])
def test_guard_a_sentence_on_answering_or_posting_is_no_post_header(text: str) -> None:
    assert not is_chat_header(text)


def test_a_forum_badge_between_the_header_and_the_note_on_the_shared_post(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("The council approved the new bus lanes on Tuesday after a long debate in the chamber.\n"
            "The first routes open in March, and the mayor said more would follow next year.\n"
            "lena-k commented Dec 3, 2026\n"
            "Maintainer\n"
            "Pasting the corrected text here:\n"
            "The council approved the new bus lanes on Tuesday after a long debate in the chamber.\n"
            "The first routes open in April, and the mayor said more would follow next year.\n")
    app = app_of_pages(make_app, tmp_path / "pages", {"discussion.md": page})
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == page.splitlines()[:2]
    notes = [item["text"] for item in excluded_listing(app)["excluded"] if "chat member's note" in item["reason"]]
    assert notes == ["Pasting the corrected text here:"]


# Studied: a forum's login notice, its reply count, its top link; found blind: an e-reader's clipping header, a PDF's
# stamp, a block editor's status, placeholder and revision, a video's transcript prompt, a link aggregator's item.
@pytest.mark.parametrize(("text", "kind"), [
    ("Está a usar o acesso como Rita Sousa (Sair)", "account notice"),
    ("Você acessou como Paulo Lima (Sair)", "account notice"),
    ("Número de respostas: 4", "engagement count"),
    ("Return to top", "navigation"),
    ("Your Highlight on Location 210-214 | Added on Monday, 1 December 2026 22:03:41", "byline or credit"),
    ("Your Note on page 12 | Added on Monday, 1 December 2026 22:05:10", "byline or credit"),
    ("Documento gerado em 02/12/2026 às 10:40 por www.exemplo.pt", "byline or credit"),
    ("Revisão de 2 de dezembro de 2026 às 10:05 por Rui Gomes", "byline or credit"),
    ("Rascunho guardado às 17:48", "account notice"),
    ("Type / to choose a block", "account notice"),
    ("Follow along using the transcript.", "navigation"),
    ("▲ Lisbon trams get a new signalling system (carris.pt)", "navigation"),
])
def test_a_probes_chrome_line_goes(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind, INSIDE)
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "O número de respostas ao inquérito subiu para 4 mil, disse a DGS.",
    "The ministry will return to top form after the vote, its minister said.",
    "O documento gerado pela comissão foi entregue ao ministro em março, disse a agência Lusa.",
    "Your highlight of the year was the trip to Lisbon, she wrote on 5 December 2026.",
    "A revisão de 4 de dezembro de 2026 foi aprovada por unanimidade pelos deputados.",
    "O rascunho guardado pelo ministério foi divulgado às 09:12 pela agência Lusa.",
])
def test_guard_a_sentence_with_a_chrome_lines_words_stays(text: str) -> None:
    assert_kept(text)


# ... found blind (fixtures/seedlike43_blind, after its one run; its chrome lines' rules are with the studied ones above)

@pytest.mark.parametrize("text", ["@radiolisboa  há 2 dias (editado)", "@cityfm 3 hours ago", "▲ pkr 2 hours ago | next [–]",
                                  "▲ pkr 2 hours ago | parent | next [–]"])
def test_a_video_sites_or_aggregators_comment_header_is_a_chat_header(text: str) -> None:
    assert is_chat_header(text)


# ------------------------------------------------------------------ entities

def test_an_embrapa_unit_is_an_organisation(app: Flask) -> None:
    # "Embrapa Café" was a person
    assert ("Embrapa Soja", "ORG") in names_found(app, "Segundo a Embrapa Soja, a produção do Paraná cresceu 8% em 2026.")


def test_t_shirts_are_no_organisation(app: Flask) -> None:
    # "people folding T-shirts" gave "T-shirts" an organisation (LETTER_DASH_WORD)
    found = names_found(app, "The factory in Leeds said it printed 40,000 T-shirts for the festival.")
    assert not any(text == "T-shirts" for text, _label in found)


def test_guard_a_letter_dash_company_stays_an_organisation(app: Flask) -> None:
    assert ("X-energy", "ORG") in names_found(app, "X-energy said it would build four reactors in Texas by 2030.")


# ------------------------------------------------------------------ the probe's posts

SEEDLIKE43_BLIND = SEEDLIKE43.parent / "seedlike43_blind"  # committed before Anota read it, run once at the end
PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE43, SEEDLIKE43_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]
# Chrome lines kept as measured (fixtures/seedlike43/README.md, "Left"): a Quora question's title, a GitHub discussion's
# title with its number, a Moodle course's name and its forum's; blind, after the fixes it found, a crypto feed's closing
# prompt (its tags with a cashtag go since probe 51, its PDF's editor's note over the revised text since seed-shaped
# probe 44: a sharer's note over a copy, ``copy_note_reason``).
KEPT_CHROME = {
    "s1_quora_cafe_drones_ptbr.txt": ["Os drones agrícolas compensam para pequenos produtores de café?"],
    "s2_github_discussion_robot_arms_en.txt": ["Cheap arms in factories? #1842"],
    "s3_moodle_forum_dessalinizacao_ptpt.txt": ["GEO204 — Recursos Hídricos 2026/27", "Fórum de notícias da semana"],
    "b7_square_miners_ai_en.txt": ["Explore the latest crypto news"],
}


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth_keeping(make_app, tmp_path, folder, name, KEPT_CHROME.get(name, []))


# The posts' names and sentiments as measured after the studied fixes. Every name of the truth is found with its label
# but the missed ones, and the spurious ones are found too.
# The blind posts' as at their one run (the same with main's code); since entities47 (its studied kinds) "Os Serviços
# Partilhados do Ministério da Saúde" is found whole and "Riot Platforms" an organisation; since entities 1.2.73
# (s45-entities) "Port of Rotterdam Authority" an organisation, as its head says.
MISSED = {SEEDLIKE43: {"SO-101", "π0.5", "Cosy 6", "aroTHERM plus", "Vinum AI"},
          SEEDLIKE43_BLIND: {"Eleven v3", "Port of Antwerp-Bruges", "Kongsberg",
                             "K-Chief 700", "Amadeus Nevio", "Brentford", "Hudl", "Wyscout", "D9W",
                             "Azure OpenAI", "Bitfarms"}}
SPURIOUS = {SEEDLIKE43: {("Cheap robot arms", "ORG"), ("Cosy 6", "ORG")},
            SEEDLIKE43_BLIND: {("Eleven", "LOC"), ("Port of Antwerp", "LOC"),
                               ("Bruges", "LOC"), ("Kongsberg's K-Chief", "ORG"), ("Amadeus Nevio", "PER"),
                               ("Brentford", "LOC"), ("Hudl's Wyscout", "ORG"), ("D9W", "ORG"), ("SNS", "ORG"),
                               ("Azure", "PRODUCT"), ("OpenAI", "ORG")}}
# Negative by the truth; Neutral or Positive (s4, b2) as measured: sentiment faults handed over, not fixed here.
# Since sentiment 0.6.41 (sentiment54, merged with this probe in session 42) the blind b4 and b5 read Negative as
# their truths say: a closing question turned on itself ("Who ...?") criticises. Their one run, with 0.6.40, missed them.
# Since sentiment 0.6.42 (sentiment55) a paragraph opening on "Você vê,", "You see," or "Repare-se:" argues by any
# closing question that asks no fact, its praise the setup: s2, s4, b1, b2, b3 and b7 read Negative too. s5 closes on
# no question and stays Neutral.
SENTIMENT_MISSED = {"s5_feed_ver_original_vinho_ptbr.txt"}


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_posts_names_and_sentiment_as_measured(app: Flask, folder: Path, name: str) -> None:
    assert_names_and_sentiment_as_measured(app, folder, name, MISSED[folder], SPURIOUS[folder], SENTIMENT_MISSED)
