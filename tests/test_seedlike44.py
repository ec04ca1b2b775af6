"""Seed-shaped probe 44 (fixtures/seedlike44: two pt-BR, a pt-PT and two English posts in the seed's register, on
Recife's AI park, open-source maintainers and AI pull requests, predictive maintenance in Lisbon's metro, humanoid robots
in car factories and AI influencers in Brazil, scraped with chrome earlier probes had not used: a Threads post, a DEV
Community article, a Mastodon post, an X post and an Instagram caption, each pasted again under a sharer's note): what
it found, as general features, each with a guard that must not change. The texts of the rule tests are written for
these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes
from tests.test_seedlike40 import assert_names_and_sentiment_as_measured
from tests.test_seedlike41 import assert_post_gives_its_truth_keeping
from tests.test_seedlike_annotators import names_found

AppFactory = Callable[..., Flask]
SEEDLIKE44 = Path(__file__).parent.parent / "fixtures" / "seedlike44"
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning: chrome lines

@pytest.mark.parametrize(("text", "kind"), [
    # a social app's counters and action buttons with their counts
    ("7 impulsos", "engagement count"), ("18 favoritos", "engagement count"), ("3 boosts", "engagement count"),
    ("11 favourites", "engagement count"), ("Curtir 2,4 mil", "engagement count"), ("Reply 17", "engagement count"),
    # a post's age or stamp alone
    ("3 d", "byline or credit"), ("8 sem", "byline or credit"), ("2w", "byline or credit"),
    ("12 nov, 18:40", "byline or credit"), ("Nov 12, 6:40 PM", "byline or credit"),
    # a reply's header
    ("Replying to @portwatch", "byline or credit"), ("Em resposta a @ana_m e @rui.t", "byline or credit"),
    # a thread's link, a comment box's placeholder, a cover's alternative text
    ("Ver conversa completa", "button or link label"), ("View full conversation", "button or link label"),
    ("Show this thread", "button or link label"), ("Add to the discussion", "comments prompt"),
    ("Cover image for Why our tram signals keep failing", "image or caption"),
    # a social app's walls for readers who are not signed in
    ("New to Bluesky?", "subscribe prompt"), ("Novo no Threads?", "subscribe prompt"),
    ("Sign up now to get your own personalized timeline!", "subscribe prompt"),
    ("Veja o que as pessoas estão falando e participe da conversa.", "subscribe prompt"),
    ("Login to follow profiles or hashtags, favorite, share and reply to posts.", "account notice"),
    ("Iniciar sessão para seguir perfis ou marcadores, favoritar, partilhar e responder a publicações.",
     "account notice"),
    # ... found blind (fixtures/seedlike44_blind, after its one run): one member's like, a channel's media count, a
    # count in thousands alone, a platform's content rules
    ("Liked by Joana Reis", "engagement count"), ("640 fotos", "engagement count"), ("1,8 mil", "engagement count"),
    ("Política de conteúdo", "terms notice"), ("Regras do r/portugal", "terms notice"),
    # a federated server's or a forum software's line on itself
    ("social.exemplo.pt é um dos muitos servidores Mastodon independentes que pode utilizar para participar no "
     "fediverso.", "navigation"),
    ("Built on Forem — the open source software that powers DEV and other inclusive communities.", "navigation"),
])
def test_a_probes_chrome_line_goes(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind, INSIDE)
    for position in (INSIDE, Position(1, 30), Position(29, 30)):
        assert_screen_passes([text], position)


@pytest.mark.parametrize("text", [
    "A câmara vai curtir 2 mil metros de praia, disse o presidente.",
    "O ministro disse que vai participar da conversa com os sindicatos na segunda-feira.",
    "Built on reclaimed land, the stadium holds 40,000 people and opened in 2019.",
    "The 18 favourites for the award were announced in London on Tuesday.",
    "Os 7 impulsos elétricos por segundo bastam para o sensor, segundo a Siemens.",
    "In 3 d printing, the nozzle moves faster than the old machines did.",
    "New to the job, the minister said she would visit Porto on Friday.",
    "A cover image for the report was chosen by the agency's designers in March.",
    "Liked by critics, the film sold 2 million tickets in its first week.",
    "A política de conteúdo da plataforma mudou em março, disse a empresa.",
])
def test_guard_a_sentence_with_a_chrome_lines_words_stays(text: str) -> None:
    assert_kept(text)


# ------------------------------------------------------------------ cleaning: a sharer's note over the copy

def copy_page(header: str, note: str, opening: str = "A câmara aprovou as novas faixas de ônibus na terça-feira:") -> str:
    return (f"{opening}\n"
            "O vereador disse que 12 linhas ganham faixas exclusivas até março, segundo a prefeitura.\n"
            "A empresa de ônibus afirma que a viagem média cai para 38 minutos no centro.\n"
            f"{header}\n"
            f"{note}\n"
            f"{opening}\n"
            "O vereador disse que 14 linhas ganham faixas exclusivas até março, segundo a prefeitura.\n"
            "A empresa de ônibus afirma que a viagem média cai para 38 minutos no centro.\n")


@pytest.mark.parametrize(("header", "note"), [
    ("3 h", "a versão corrigida que ela postou depois, copio aqui:"),
    ("Replying to @busfan", "The figure in the first post was wrong, this is the corrected text:"),
    ("marta.lima", "o texto da legenda antiga:"),
])
def test_a_sharers_note_over_the_copy_goes(make_app: AppFactory, tmp_path: Path, header: str, note: str) -> None:
    page = copy_page(header, note)
    app = app_of_pages(make_app, tmp_path / "pages", {"post.txt": page})
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == page.splitlines()[:3]
    notes = [item["text"] for item in excluded_listing(app)["excluded"] if "a sharer's note" in item["reason"]]
    assert notes == [note]


def test_guard_the_posts_opening_line_changed_in_its_copy_is_no_note(make_app: AppFactory, tmp_path: Path) -> None:
    # the second copy's opening line says "quarta-feira": said once, under chrome, over the copy's sentences
    page = copy_page("3 h", "A câmara aprovou as novas faixas de ônibus na quarta-feira:")
    app = app_of_pages(make_app, tmp_path / "pages", {"post.txt": page})
    listing = excluded_listing(app)["excluded"]
    assert not any("a sharer's note" in item["reason"] for item in listing)


def test_guard_an_instruction_over_a_code_fence_said_before_stays(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("# harbourctl\n\n## Install\n\n```bash\npip install harbourctl\n```\n\n"
            "It needs Python 3.11 or later and keeps its cache in your home folder.\n\n## Usage\n\n"
            "Give it the name of the port and the day you want the berths for:\n\n```bash\n"
            "harbourctl berths --port leixoes --day 2026-12-05\n```\n\n"
            "It prints one line a berth, with the ship and the hours it is booked for.\n")
    app = app_of_pages(make_app, tmp_path / "pages", {"harbourctl.md": page})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert "Give it the name of the port and the day you want the berths for:" in texts


# ------------------------------------------------------------------ entities

def test_the_first_word_of_a_compound_is_no_name(app: Flask) -> None:
    # "Open-source maintainers" at a line's start gave "Open" a place
    found = names_found(app, "Open-source maintainers in Berlin said the new rules cost them 12 hours a week.")
    assert not any(text == "Open" for text, _label in found)
    assert ("Berlin", "LOC") in found


def test_guard_a_name_of_two_capitalised_parts_stays(app: Flask) -> None:
    found = names_found(app, "Rolls-Royce said it would build six reactors in Wales, while Coca-Cola cut 300 jobs.")
    assert {("Rolls-Royce", "ORG"), ("Coca-Cola", "ORG")} <= found


def test_guard_a_name_before_a_compounds_dash_inside_a_sentence_stays(app: Flask) -> None:
    # the capital inside a sentence is the name's: "the Maryland-based developer", "a Leeds-born striker"
    found = names_found(app, "The Maryland-based developer said its reactor would be built by a Leeds-born engineer.")
    assert {("Maryland", "LOC"), ("Leeds", "LOC")} <= found


def test_the_studied_posts_products_and_organisations(app: Flask) -> None:
    found = names_found(app, "UBTech said it would sell 200 Walker S2 robots, and Figure AI showed its Figure 03.")
    assert {("UBTech", "ORG"), ("Walker S2", "PRODUCT"), ("Figure AI", "ORG"), ("Figure 03", "PRODUCT")} <= found
    assert ("Linux Foundation", "ORG") in names_found(app, "The Linux Foundation said 40 companies joined in 2026.")


# ------------------------------------------------------------------ the probe's posts

SEEDLIKE44_BLIND = SEEDLIKE44.parent / "seedlike44_blind"  # committed before Anota read it, run once at the end
PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE44, SEEDLIKE44_BLIND)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]
# Chrome lines kept as measured (fixtures/seedlike44/README.md, "Left"): a DEV Community article's title and the site's
# line on itself; blind, after the fixes it found, LinkedIn's author, the titles and
# subtitles of Substack, Reddit and Medium, Reddit's flair, Medium's "Writer for ..." (its Telegram editor's note goes
# since probe 51's editor's notes, merged beside it in session 43; "... e outras N pessoas" since probe s45's reacted
# names).
KEPT_CHROME = {
    "s2_devto_maintainers_en.txt": ["The pull requests nobody asked for", "DEV Community — A space to discuss and keep "
                                    "up software development and manage your software career"],
    "b1_linkedin_bancos_agentes_ptbr.txt": ["Marina Couto"],
    "b2_substack_ireland_grid_en.txt": ["Dublin's data centres are eating the grid",
                                        "Why the connection queue is back on the table"],
    "b3_reddit_llms_governo_ptbr.txt": ["Os LLMs brasileiros têm chance no governo?", "Discussão"],
    "b4_medium_voice_clones_en.txt": ["The Narrators Who Trained Their Replacements",
                                      "Voice cloning is cheap. The voices were not.", "Writer for Audio Futures"],
}


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth_keeping(make_app, tmp_path, folder, name, KEPT_CHROME.get(name, []))


# The posts' names and sentiments as measured after the studied fixes (the blind ones after the fixes they found:
# "AMALIA", "Citius" and "Amazônia IA" products). Every name of the truth is found with its label but the missed ones,
# and the spurious ones are found too.
MISSED = {SEEDLIKE44: {"Metro"},
          SEEDLIKE44_BLIND: {"BIA", "Dublin", "Clonee", "Meta", "Eleven Multilingual v2", "Dresden"}}
SPURIOUS = {SEEDLIKE44: set(),
            SEEDLIKE44_BLIND: {("BIA", "ORG"), ("Dublin region", "LOC"), ("Clonee, Meta", "ORG"),
                               ("English-language audiobooks", "LOC"), ("Eleven Multilingual", "ORG")}}
# Negative by the truth, Neutral as measured on the branch (the blind b4 Positive): eight posts' paragraphs opening on
# "Você vê,"/"You see,"/"Repare-se:" and closing on a question. Every one right since sentiment55's rhetorical address
# (sentiment 0.6.42, merged beside this probe in session 43, written on seedlike43's posts without sight of these).
SENTIMENT_MISSED: set[str] = set()


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_posts_names_and_sentiment_as_measured(app: Flask, folder: Path, name: str) -> None:
    assert_names_and_sentiment_as_measured(app, folder, name, MISSED[folder], SPURIOUS[folder], SENTIMENT_MISSED)
