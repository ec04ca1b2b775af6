"""Seed-shaped probe 42 (fixtures/seedlike42: a pt-BR, a pt-PT and two English posts in the seed's register, on deepfake
fraud in Pix, rare-earth magnets in Portugal's car-parts plants, AI weather models and AI glasses, scraped with chrome
earlier probes had not used: a Slack thread, a forwarded e-mail, a Discord channel, a browser's Reader view): what it
found, as general features, each with a guard that must not change. The texts of the rule tests are written for these
tests, not the probe's."""

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
SEEDLIKE42 = Path(__file__).parent.parent / "fixtures" / "seedlike42"
SEEDLIKE42_BLIND = SEEDLIKE42.parent / "seedlike42_blind"  # committed with the studied set, before Anota read either
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("text", ["ana.souza — Today at 11:02 PM", "pedro_m — Yesterday at 8:15 AM",
                                  "Marta Lopes  14:07", "rui.dev — 03/12/2026 21:40", "Última resposta hoje às 9:12",
                                  "Last reply today at 16:30"])
def test_a_chat_messages_author_and_time_go(text: str) -> None:
    assert_probe_chrome(text, "a chat message's author and time", "Marta Lopes said on Tuesday that the 14:07 train was cut.")


@pytest.mark.parametrize("text", ["Sessão das 21:30", "Abertura 09:00", "O jogo começa hoje às 21:30",
                                  "Benfica – Porto  20:45", "Benfica - Porto  20:45",
                                  # a programme's lines in a news story (found at merge: they were left out)
                                  "Abertura dos portões — 18:00", "Quarteto Sampa — 19:30"])
def test_guard_a_timetables_line_is_no_chat_header(text: str) -> None:
    assert not is_chat_header(text)


@pytest.mark.parametrize("text", ["Ana Lima entrou em #vendas-norte.", "sam joined #general.", "Rui left the channel #ops"])
def test_a_chats_join_or_leave_line_goes(text: str) -> None:
    assert_left_out(text, "boilerplate", "feed header", INSIDE)
    assert_screen_passes([text], INSIDE)


def test_guard_a_sentence_on_joining_stays() -> None:
    assert_kept("O ministro entrou em campo ontem e saiu sem falar com a imprensa, segundo a agência Lusa.")


@pytest.mark.parametrize("text", ["Se não consegue ver este email, clique aqui.", "Can't see this message? Open it online."])
def test_an_e_mails_cant_see_this_prompt_goes(text: str) -> None:
    assert_left_out(text, "boilerplate", "mailing notice", INSIDE)


def test_guard_a_sentence_on_not_seeing_stays() -> None:
    assert_kept("O tribunal não consegue ver este processo antes de março, disse a juíza ao jornal.")


CHAT_PAGE = (
    "#equipa\n"
    "joana_r — Today at 9:02 AM\n"
    "the whole piece, since the link is broken:\n"
    "The council approved the new bus lanes on Tuesday after a long debate in the chamber.\n"
    "The first routes open in March, and the mayor said more would follow next year.\n"
    "tiago.p — Today at 9:20 AM\n"
    "source for the March date?\n"
    "joana_r — Today at 9:25 AM\n"
    "here it is again, updated:\n"
    "The council approved the new bus lanes on Tuesday after a long debate in the chamber.\n"
    "The first routes open in March, and the mayor said more would follow next year.\n"
)


def test_a_chat_members_note_on_the_shared_post_goes(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"chat.txt": CHAT_PAGE})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert texts == CHAT_PAGE.splitlines()[3:5]
    notes = [item for item in excluded_listing(app)["excluded"] if "chat member's note" in item["reason"]]
    assert [item["text"] for item in notes] == ["the whole piece, since the link is broken:", "source for the March date?",
                                                "here it is again, updated:"]


def test_guard_a_chat_message_of_its_own_stays(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("joana_r — Today at 9:02 AM\n"
            "Meeting moved to Friday.\n"
            "The council approved the new bus lanes on Tuesday after a long debate in the chamber.\n")
    app = app_of_pages(make_app, tmp_path / "pages", {"chat.txt": page})
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == page.splitlines()[1:]


def test_a_signatures_lines_under_the_senders_name_go(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("The council approved the new bus lanes on Tuesday after a long debate in the chamber.\n"
            "The first routes open in March, and the mayor said more would follow next year.\n"
            "--\n"
            "Joana Ribeiro\n"
            "Head of Transport | Northvale Council\n"
            "Tel. +44 20 7946 0000\n")
    app = app_of_pages(make_app, tmp_path / "pages", {"mail.txt": page})
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == page.splitlines()[:2]


# ... found blind

@pytest.mark.parametrize("text", ["Canal Mercados, [04.12.26 18:02]", "Tech Daily, [12/03/2026 21:40:12]"])
def test_a_telegram_desktop_copys_channel_and_time_in_brackets_go(text: str) -> None:
    # "Floresta Segura, [05.12.26 09:14]" got a claim and a person
    assert_probe_chrome(text, "a chat message's author and time", "Canal Mercados, disse o jornal, abriu a 4 de dezembro.")


@pytest.mark.parametrize("text", ["Ver o relatório, [ver anexo]", "Lisboa, [05.12.26]"])
def test_guard_a_bracketed_note_without_a_time_is_no_chat_header(text: str) -> None:
    assert not is_chat_header(text)



# ------------------------------------------------------------------ entities

def test_a_name_closing_with_gen_runs_on_over_its_number_as_a_product(app: Flask) -> None:
    # "its Ray-Ban Meta Gen 2" was a person, "Ray-Ban Meta Gen"
    assert ("Pixel Buds Gen 3", "PRODUCT") in names_found(app, "Google said the Pixel Buds Gen 3 sold 2 million units.")


def test_a_code_of_capitals_a_dot_and_a_number_is_a_product(app: Flask) -> None:
    # "o ID.4" was an organisation, and so was this ID.3 (the model's span, relabelled; it finds no span on some codes)
    text = "A Volkswagen disse que a linha do ID.7 em Emden vai parar 9 dias, enquanto o ID.3 segue em Zwickau."
    assert ("ID.3", "PRODUCT") in names_found(app, text)


def test_guard_a_companys_name_with_an_acronym_stays_the_company(app: Flask) -> None:
    assert ("BMW", "ORG") in names_found(app, "A BMW disse que a fábrica de Munique vai parar 9 dias em março.")


@pytest.mark.parametrize(("text", "name", "label"), [
    ("The Medicines and Healthcare products Regulatory Agency said the tools need no approval.",
     "Medicines and Healthcare products Regulatory Agency", "ORG"),
    ("Você vê, o Pecém exporta energia limpa para Pequim, disse o governo do Ceará.", "Pecém", "LOC"),
])
def test_seedlike41s_blind_names_are_found_whole(app: Flask, text: str, name: str, label: str) -> None:
    assert (name, label) in names_found(app, text)


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE42, SEEDLIKE42_BLIND) if (folder / ".truth.json").exists()
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]
# Chrome lines kept as measured (fixtures/seedlike42/README.md, "Left"): the forwarder's note in an e-mail's body.
KEPT_CHROME = {
    "s2_email_reencaminhado_imanes_ptpt.txt": ["Vejam isto antes da reunião de segunda."],
}


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth_keeping(make_app, tmp_path, folder, name, KEPT_CHROME.get(name, []))


# The posts' names and sentiments as measured after the studied fixes (the blind ones, at their one run, the same as
# main's). Every name of the truth is found with its label but the missed ones, and the spurious ones are found too
# ("Japan" in "Japan's drones" is a place the blind truth left out). "its Sky Hub service" found since entities47 (a
# service after "its" is a product).
MISSED = {SEEDLIKE42: {"HRES", "WeatherNext 2", "Aurora", "Quark AI Glasses S1"},
          SEEDLIKE42_BLIND: {"Khanmigo", "Rakuten", "Ministry of Land, Infrastructure, Transport and Tourism",
                             "AR3", "Tekever"}}
SPURIOUS = {SEEDLIKE42: {("PIN", "ORG"), ("Smart glasses", "LOC"), ("Quark AI Glasses S1", "ORG")},
            SEEDLIKE42_BLIND: {("Khanmigo", "LOC"), ("Rakuten", "PER"), ("Japan", "LOC"),
                               ("Ministry of Land", "ORG"), ("Transport and Tourism", "ORG"), ("AR3 da Tekever", "PRODUCT")}}
# Negative by the truth. s1's, s4's and b2's closing questions argue since sentiment54 ("Quem está protegendo quem?",
# "Who is this for, really?", "What exactly have we fixed?"); b1's "Você vê, o professor ainda ganha ..." since
# sentiment 0.6.42 (sentiment55: after "Você vê," the gain is the setup, and the closing question argues).
SENTIMENT_MISSED: set[str] = set()


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_posts_names_and_sentiment_as_measured(app: Flask, folder: Path, name: str) -> None:
    assert_names_and_sentiment_as_measured(app, folder, name, MISSED[folder], SPURIOUS[folder], SENTIMENT_MISSED)
