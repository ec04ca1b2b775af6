"""Cleaning rules of the seed-shaped probe (1 December 2026, fixtures/seedlike): a post scraped from a social or feed
page, with its chrome (hashtag lines, repost and forward headers, follow prompts, view counts, buttons) and the post
again. The studied documents must give the tasks of their truth (fixtures/seedlike/.truth.json), and real text like
the chrome must stay."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
SEEDLIKE = Path(__file__).parent.parent / "fixtures" / "seedlike"

CHROME = [
    # A line made only of hashtags, however many.
    ("#Nvidia #IA #BTC #Chips", "hashtags"),
    ("#Energia #Portugal #DataCenters #IA #Sines", "hashtags"),
    (" ".join(f"#tema{number}x" for number in range(24)), "hashtags"),
    ("#Cripto · #Bitcoin · #Web3", "hashtags"),
    # Who reposted or forwarded the post, over it.
    ("Start Campus partilhou isto", "social activity"),
    ("Marta Reis compartilhou isto", "social activity"),
    ("Radar Tech republicou isto", "social activity"),
    ("Daniel Reyes reposted this", "social activity"),
    ("Encaminhado de Cripto Radar", "byline or credit"),
    ("Forwarded from Market Wire", "byline or credit"),
    ("Crossposted to r/investing by u/ana_k • 3h", "byline or credit"),
    ("Publicado em r/brasil por u/joao_p", "byline or credit"),
    # A follow or join prompt, with the handle or link it sends to.
    ("Siga para mais 👉 t.me/radarcripto", "subscribe prompt"),
    ("Follow for more @ana_k", "subscribe prompt"),
    ("Sigam para mais dicas: @canaltech", "subscribe prompt"),
    ("Entre no canal", "subscribe prompt"),
    ("Junte-se ao nosso grupo", "subscribe prompt"),
    # Counts with an abbreviated magnitude, and a post's hour, date and count.
    ("1,2 mi visualizações", "engagement count"),
    ("3,4 mil curtidas", "engagement count"),
    ("8:05 PM · 3 de dez de 2026 · 4,7 mil visualizações", "engagement count"),
    ("9:14 PM · Nov 28, 2026", "byline or credit"),
    ("21:40 · 3 de dezembro de 2026", "byline or credit"),
    # A button: a UI verb and a generic object.
    ("Show this thread", "button or link label"),
    ("Traduzir post", "button or link label"),
    ("Ver post original", "button or link label"),
    ("Load more replies", "button or link label"),
    ("Mostrar respostas", "button or link label"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_seedlike_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that opens with a button's verb, of normal length.
        "Mostrar o caminho até à escola foi a parte mais difícil do programa, disse a diretora.",
        "Mostrar mais respeito pelos professores é o primeiro passo, disse o ministro na abertura do congresso.",
        "Show this thread to anyone who still thinks the bridge was cheap, the councillor wrote.",
        # Hashtags inside a sentence.
        "A campanha #VacinaJá chegou a 2 milhões de pessoas em uma semana, segundo o ministério.",
        "The #MeToo movement changed how studios handle complaints, the report found.",
        # A paragraph that mentions views and likes.
        "O vídeo do ministro passou de 1,2 mi visualizações em um dia, segundo a plataforma.",
        "The clip drew 12K views in an hour before the platform took it down, the company said.",
        # A repost or a forward told in a sentence.
        "Ana Lima partilhou isto com os colegas antes da reunião de segunda-feira.",
        "The letter was forwarded from the ministry to the police on Monday, officials said.",
        "Siga para a direita na rotunda e depois entre no parque de estacionamento do hospital.",
    ],
)
def test_seedlike_content_stays(text: str) -> None:
    assert boilerplate_reason(text, Position(15, 20)) is None


def test_one_hashtag_alone_is_no_hashtag_line() -> None:
    # A Markdown heading may lose its space ("#Introdução"): it stays a fragment, which a heading can be.
    assert boilerplate_reason("#Introdução", Position(15, 20)) == (
        "fragment", "1 word without sentence punctuation (a label, heading or menu item)")


def test_the_chrome_screen_passes_the_seedlike_chrome() -> None:
    for position in (Position(15, 20), Position(0, 1)):
        assert_screen_passes([text for text, _kind in CHROME], position)


def _tasks(make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> list[dict]:
    return label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", pages))


def _texts(tasks: list[dict]) -> list[str]:
    return [" ".join(task["data"]["text"].split()) for task in tasks]


@pytest.mark.parametrize("name", sorted(json.loads((SEEDLIKE / ".truth.json").read_text(encoding="utf-8"))))
def test_a_studied_document_gives_the_tasks_of_its_truth(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    truth = json.loads((SEEDLIKE / ".truth.json").read_text(encoding="utf-8"))[name]
    # newline="" keeps the document's CRLF and mixed line endings.
    with (SEEDLIKE / name).open(encoding="utf-8", newline="") as page:
        tasks = _tasks(make_app, tmp_path, {name: page.read()})
    assert _texts(tasks) == [" ".join(task["text"].split()) for task in truth["tasks"]]
    assert [(task["meta"]["copies"], task["meta"]["near_duplicates"]) for task in tasks] == [
        (task["copies"], task["near_duplicates"]) for task in truth["tasks"]]


POST = [
    "Preço do cobre bate recorde e mineradoras disparam na bolsa",
    "O cobre fechou a US$ 11.200 a tonelada em Londres, alta de 3% no dia, depois de a Codelco cortar a previsão de "
    "produção do ano no Chile.",
    "A Vale subiu 5% e a Freeport-McMoRan 7% no pregão, segundo a Bloomberg, com fundos comprando posições antes "
    "do relatório de estoques da semana que vem.",
]


def test_a_posts_hook_line_under_chrome_stays_when_the_post_repeats(make_app: AppFactory, tmp_path: Path) -> None:
    # Three chrome lines push the hook out of the page's first three segments; its copy opens the post again.
    page = "\n".join(["Post", "Carla Mendes", "@carla_mercados", *POST, "Mostrar mais", "#Cobre #Vale #Mineração",
                      "Curtir · Comentar · Compartilhar", *POST])
    tasks = _tasks(make_app, tmp_path, {"post.txt": page})
    assert _texts(tasks) == POST and [task["meta"]["copies"] for task in tasks] == [2, 2, 2]


SIGNATURE = "Siga @carla_mercados para mais análises"
OTHER_POST = [
    "O petróleo caiu 2% depois de a Opep confirmar o aumento da produção a partir de janeiro, em reunião em Viena.",
    "Analistas do Goldman Sachs cortaram a previsão do Brent para US$ 70 o barril no primeiro trimestre.",
]


@pytest.mark.parametrize("pages", [
    # A signature under each of two posts.
    {"feed.txt": "\n".join(["Carla Mendes", "@carla_mercados", "há 2 h", *POST, SIGNATURE, *OTHER_POST, SIGNATURE])},
    # The page twice: the signature's copy follows the post, as the first one did, but nothing follows it.
    {"page.txt": "\n".join(["Carla Mendes", "@carla_mercados", "há 2 h", *POST, SIGNATURE, "Mostrar mais",
                            "Curtir · Comentar · Compartilhar", *POST, SIGNATURE])},
    # The signature between the post and its copy, and under the copy.
    {"twice.txt": "\n".join(["Carla Mendes", "@carla_mercados", "há 2 h", *POST[1:], SIGNATURE, *POST[1:],
                             SIGNATURE, *OTHER_POST])},
])
def test_a_signature_under_several_posts_is_still_left_out(
        make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", pages)
    assert SIGNATURE not in _texts(label_studio_tasks(app))
    reasons = [item["reason"] for item in excluded_listing(app)["excluded"] if item["text"] == SIGNATURE]
    assert reasons and all("a signature under its posts" in reason for reason in reasons)


def test_a_feed_posts_chrome_goes_in_context(make_app: AppFactory, tmp_path: Path) -> None:
    # Buttons and a hashtag line between content lines, where a fragment could be taken for a section's heading.
    page = "\n".join(["Carla Mendes", "@carla_mercados", "há 2 h", POST[1], "Traduzir post", POST[2],
                      "#Cobre #Vale", "Show this thread", *OTHER_POST, "Encaminhado de Radar Mercados",
                      "Siga para mais 👉 t.me/radarmercados", "Fim da transmissão ao vivo de hoje."])
    texts = _texts(_tasks(make_app, tmp_path, {"feed.txt": page}))
    assert texts == [POST[1], POST[2], *OTHER_POST, "Fim da transmissão ao vivo de hoje."]
