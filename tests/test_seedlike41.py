"""Seed-shaped probe 41 (fixtures/seedlike41: a pt-BR, a pt-PT and two English posts in the seed's register, on robots
in Brazil's car plants, the Portuguese state's AI models, Nvidia's H20/H200 sales under export controls and quantum
computing's revenue, scraped with chrome earlier probes had not used: a Wayback Machine capture's toolbar, a feed
reader's item, a read-later app's highlights, a Notion page's comments): what it found, as general features, each with
a guard that must not change. The texts of the rule tests are written for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike40 import assert_names_and_sentiment_as_measured
from tests.test_seedlike_annotators import names_found

AppFactory = Callable[..., Flask]
SEEDLIKE41 = Path(__file__).parent.parent / "fixtures" / "seedlike41"
SEEDLIKE41_BLIND = SEEDLIKE41.parent / "seedlike41_blind"  # committed after the studied fixes, before Anota read it
INSIDE = Position(12, 20)


# ------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("text", ["Salvar para ler depois", "Guardar para ler mais tarde", "Save for later",
                                  "Read later", "Original page", "Página original"])
def test_a_read_later_apps_buttons_go(text: str) -> None:
    assert_probe_chrome(text, "button or link label", "Salvar para depois o que se pode fazer hoje custou caro, disse ela.")


@pytest.mark.parametrize("text", ["Highlights (3)", "Destaques (12)"])
def test_a_tab_of_highlights_with_its_count_goes(text: str) -> None:
    assert_probe_chrome(text, "button or link label", "Highlights (3) of the match were shown twice on the news.")


def test_a_feed_readers_more_from_this_feed_goes_in_portuguese() -> None:
    assert_probe_chrome("Mais notícias desta fonte", "read-also prompt",
                        "Mais notícias desta fonte chegaram ao jornal na segunda-feira, disse o editor.")


def test_a_pages_name_and_its_web_address_alone_go() -> None:
    for position in (Position(0, 20), INSIDE):
        assert_left_out("Internet Archive - https://web.archive.org/web/20260101000000/https://www.example.com.br/a",
                        "boilerplate", "a page's name and its web address", position)


@pytest.mark.parametrize("text", [
    "Veja os dados completos do IBGE - https://www.ibge.gov.br/estatisticas",  # a sentence's words before it
    "O relatório completo está em https://www.ibge.gov.br/estatisticas",
])
def test_guard_a_sentence_giving_a_web_address_stays(text: str) -> None:
    assert_kept(text)


@pytest.mark.parametrize("text", [
    "Página arquivada: imagens e anúncios podem não aparecer como no original.",
    "Archived copy: some links and images on this page may not display as on the original.",
])
def test_an_archives_note_on_its_copy_goes_inside_the_page(text: str) -> None:
    assert_left_out(text, "boilerplate", "disclaimer", INSIDE)
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "A página arquivada do ministério mostra que o contrato foi assinado em 2019, segundo a Folha.",
    "Cached copies of the ministry's page show the contract was signed in 2019, the paper said.",
    "Os freios podem não funcionar como no original, disse o mecânico ao juiz em março.",
])
def test_guard_a_storys_sentence_on_an_archived_page_stays(text: str) -> None:
    assert_kept(text)


PULL_QUOTE_PAGE = (
    "The council approved the new bus lanes on Tuesday, and the mayor said the first routes would open in March.\n"
    "\u201cthe first routes would open in March\u201d\n"
    "\u201cWe will not wait for the state to pay for it,\u201d the mayor told reporters after the vote.\n"
    "\u201cNobody asked the drivers what they think about any of this at all.\u201d\n"
)


def test_a_pull_quote_of_the_pages_own_words_goes_and_a_quoted_paragraph_stays(
        make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"council.txt": PULL_QUOTE_PAGE})
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert texts == [line for number, line in enumerate(PULL_QUOTE_PAGE.splitlines()) if number != 1]
    [left_out] = [item for item in excluded_listing(app)["excluded"] if item["text"].startswith("\u201cthe first")]
    assert "pull quote" in left_out["reason"]


def test_guard_a_quoted_paragraph_repeated_whole_keeps_its_first_copy(make_app: AppFactory, tmp_path: Path) -> None:
    post = ("The council approved the new bus lanes on Tuesday after a long debate.\n"
            "\u201cWe will not wait for the state to pay for the new bus lanes, not this time.\u201d\n"
            "The first routes open in March, the council said.\n")
    tasks = label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", {"post.txt": post + post}))
    assert [task["data"]["text"] for task in tasks] == post.splitlines()
    assert [task["meta"]["copies"] for task in tasks] == [2, 2, 2]


# ... found blind

@pytest.mark.parametrize("text", ["Printed from example-news.co.uk on 3 March 2026, 10:02 GMT",
                                  "Impresso a partir de www.jornal-exemplo.pt em 03/03/2026"])
def test_a_print_views_stamp_of_the_site_it_was_printed_from_goes(text: str) -> None:
    assert_probe_chrome(text, "byline or credit", "Printed from recycled paper, the new notes enter circulation in March.")


@pytest.mark.parametrize("text", [
    "This copy is for your personal, non-commercial use only. Order presentation-ready copies from our Reprints desk.",
    "Esta cópia destina-se a uso pessoal. Para republicar, contacte a redação do jornal.",
])
def test_a_print_views_terms_of_use_go_inside_the_page(text: str) -> None:
    assert_left_out(text, "boilerplate", "copyright notice", INSIDE)
    assert_screen_passes([text], INSIDE)


@pytest.mark.parametrize("text", [
    "The licence is for your personal, non-commercial use, the judge said, and the firm must pay $2 million.",
    "A licença era para uso pessoal e não comercial, disse o juiz, e a empresa terá de pagar 2 milhões de euros.",
])
def test_guard_a_storys_sentence_on_personal_use_stays(text: str) -> None:
    assert_kept(text)


# ------------------------------------------------------------------ entities

@pytest.mark.parametrize(("text", "name"), [
    ("Fujitsu said its Monaka processor will ship in 2027.", "Monaka"),
    ("The Fugaku supercomputer ranked first again, the institute said.", "Fugaku"),
])
def test_a_name_before_a_processors_or_supercomputers_noun_is_the_product(app: Flask, text: str, name: str) -> None:
    assert (name, "PRODUCT") in names_found(app, text)


def test_a_name_before_an_assistants_noun_is_the_product(app: Flask) -> None:
    # "its Dragon Copilot assistant" was an organisation (found blind)
    assert ("Nova Scribe", "PRODUCT") in names_found(app, "The trust said its Nova Scribe assistant writes 4,000 notes a day.")


def test_guard_a_known_company_before_a_processor_stays_the_company(app: Flask) -> None:
    assert ("Intel", "ORG") in names_found(app, "The laptop runs on an Intel processor, the company said.")


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE41, SEEDLIKE41_BLIND) if (folder / ".truth.json").exists()
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]
# Chrome lines kept as measured (fixtures/seedlike41/README.md, "Left"): a section's label over the post, a reader's
# note, a sync status and a shared page's two comments (a comment's text is the page's in cleaning probe 47's truth).
KEPT_CHROME = {
    "s3_readlater_h20_h200_en.txt": ["Chips & Trade", "Note: check the 10-Q before quoting"],
    "s4_notion_quantum_revenue_en.txt": ["Synced from the public web version", "Add the IonQ numbers next week?",
                                         "Done, they are in the table below."],
}


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth_keeping(make_app, tmp_path, folder, name, KEPT_CHROME.get(name, []))


def assert_post_gives_its_truth_keeping(make_app: AppFactory, tmp_path: Path, folder: Path, name: str,
                                        kept_chrome: list[str]) -> None:
    """A seed-shaped probe's post gives the paragraphs of its truth, each with its copies, and, among them, the chrome
    lines ``kept_chrome`` still kept as measured."""
    truth = json.loads((folder / ".truth.json").read_text(encoding="utf-8"))[name]
    with (folder / name).open(encoding="utf-8", newline="") as page:  # CRLF kept
        tasks = label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", {name: page.read()}))
    paragraphs = [" ".join(p["text"].split()) for p in truth["paragraphs"]]
    texts = [" ".join(task["data"]["text"].split()) for task in tasks]
    assert [text for text in texts if text not in paragraphs] == kept_chrome
    assert [text for text in texts if text in paragraphs] == paragraphs
    copies = [1 + sum(line.get("para") == i and line["kind"] == "duplicate" for line in truth["lines"])
              for i in range(len(paragraphs))]
    assert [task["meta"]["copies"] for task in tasks if " ".join(task["data"]["text"].split()) in paragraphs] == copies


# The posts' names and sentiments as measured: the studied ones after their fixes, the blind ones after the fixes they
# found (cleaning, and "assistant" as a product's noun: fixtures/seedlike41/README.md) and seedlike42's gazetteer
# entries ("Pecém", "Medicines and Healthcare products Regulatory Agency": entities 1.2.67). Every name of the truth is
# found with its label but the missed ones, and the spurious ones are found too.
# Since entities 1.2.66 (fixtures/entities45) "its Helios system" is a product and "GP practices" no organisation;
# since 1.2.67 (seedlike42) the gazetteers hold "Pecém" and the MHRA whole.
MISSED: dict[Path, set[str]] = {SEEDLIKE41: set(), SEEDLIKE41_BLIND: set()}
SPURIOUS: dict[Path, set[tuple[str, str]]] = {SEEDLIKE41: set(), SEEDLIKE41_BLIND: set()}
# Negative by the truth. The studied three ("Quem vai treinar esse operário?", "Quem audita estes contratos?", "Who is
# actually being controlled here?") are Negative since claimsent53: a paragraph that closes on a question of who answers
# for it argues by it; the blind b1, b2 and b3 (Neutral, Positive, Neutral) since sentiment 0.6.42 (sentiment55): a
# paragraph opening on "Você vê,", "You see," or "Repare-se," argues by its closing question.
SENTIMENT_MISSED: set[str] = set()


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_posts_names_and_sentiment_as_measured(app: Flask, folder: Path, name: str) -> None:
    assert_names_and_sentiment_as_measured(app, folder, name, MISSED[folder], SPURIOUS[folder], SENTIMENT_MISSED)
