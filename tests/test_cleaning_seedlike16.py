"""Feed and platform chrome that session 16's seed-shaped probe found kept (eight posts copied from apps and web
pages, fixtures/seedlike16: 22 of 218 chrome lines kept), as general cues: a post's counters in any number format, a
messenger's view count, a post's action buttons alone, who may reply, a forwarded message's header, the footers of
thread unroll apps and blog platforms, a blog's popular-posts gadget, a channel's name over its badge at a page's top,
and a day and month that count nothing. The texts of the cue tests are written for these tests, not the probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.tasks import label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
SEEDLIKE16 = Path(__file__).parent.parent / "fixtures" / "seedlike16"

CHROME = [
    # A post's counters alone on their line, in pt and en, in any number format.
    ("845 gostos", "engagement count"),
    ("1 gosto", "engagement count"),
    ("1,2 mil partilhas", "engagement count"),
    ("3.402 reações", "engagement count"),
    ("14K reposts", "engagement count"),
    ("1 quote", "engagement count"),
    ("27 retweets", "engagement count"),
    # A messenger's view count with the hour, edited or not.
    ("👁 12,4 mil editado 21:40", "engagement count"),
    ("👁️ 3.1K 08:05", "engagement count"),
    ("👁 950 edited 17:02", "engagement count"),
    # A post's action buttons, each alone, and who may reply.
    ("Traduzir", "button or link label"),
    ("Comentar", "button or link label"),
    ("Responder", "button or link label"),
    ("Translate", "button or link label"),
    ("Only people you mention can reply", "button or link label"),
    ("Todos podem responder", "button or link label"),
    # A messenger's header over a forwarded message, with its channel.
    ("Mensagem encaminhada de Rádio Litoral – Notícias", "feed header"),
    ("Message forwarded from Market Wire Daily", "feed header"),
    ("Publicação encaminhada por Clube do Livro", "feed header"),
    # A thread unroll app's page around the thread.
    ("Thread by @joana_dados on Thread Reader App", "navigation"),
    ("Missing some posts in this thread? Try to force a refresh.", "navigation"),
    ("Get notified when new unrolls from this author are available!", "navigation"),
    ("This thread might be removed anytime!", "disclaimer"),
    ("X may remove this content at anytime! Save it as PDF.", "disclaimer"),
    ("Keep Current with Joana Prates", "subscribe prompt"),
    ("Stay up to date with Rui Campos", "subscribe prompt"),
    # A blog platform's footer and share button, and its popular-posts gadget.
    ("Com tecnologia do Blogger.", "navigation"),
    ("Tecnologia do WordPress", "navigation"),
    ("Blog at WordPress.com.", "navigation"),
    ("BlogThis!", "share prompt"),
    ("Publicações mais populares", "read-also prompt"),
    ("Popular posts", "read-also prompt"),
]


@pytest.mark.parametrize(("text", "kind"), CHROME)
def test_platform_chrome_is_recognised(text: str, kind: str) -> None:
    assert_left_out(text, "boilerplate", kind)


@pytest.mark.parametrize(
    "text",
    [
        # The same words inside a story's sentences.
        "A publicação teve 14 partilhas em uma hora, segundo a empresa.",
        "O vídeo passou de 2.318 gostos em poucos minutos, disse a produtora.",
        "The clip drew 14K reposts before the account was suspended, the company said.",
        "Comentar a proposta é um direito de todos os moradores, lembrou a vereadora.",
        "Responder às perguntas dos leitores leva tempo, admitiu o editor.",
        "Traduzir o relatório custou 12 mil euros à autarquia.",
        "Everybody can reply to the consultation until Friday, the council said.",
        "Mensagem encaminhada de um número desconhecido pedia dinheiro aos idosos.",
        "The documents may be removed at any time if they break the rules, the company said.",
        "Stay up to date with the rules before you travel.",
        "Tecnologia da Informação é o setor que mais contratou em 2026, segundo o IBGE.",
        "O blog usa tecnologia do Google para traduzir os textos.",
        "Popular posts on the forum were mostly about rent and wages.",
        "A thread reader would find the argument hard to follow.",
    ],
)
def test_platform_words_in_sentences_stay(text: str) -> None:
    assert_kept(text)


def test_the_chrome_screen_passes_platform_chrome() -> None:
    texts = [text for text, _kind in CHROME]
    for position in (Position(15, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes(texts, position)


def _texts(make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> list[str]:
    return [" ".join(task["data"]["text"].split())
            for task in label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", pages))]


POST = [
    "A câmara aprovou ontem o novo plano de mobilidade, que prevê 14 km de ciclovias até 2028.",
    "O vereador João Neves disse que as obras começam em junho e custam 3 milhões de euros.",
]


@pytest.mark.parametrize("badge", ["12,3 mil inscritos", "Subscribe", "Seguir"])
def test_a_channel_name_over_its_badge_and_a_date_among_counters_go(
        make_app: AppFactory, tmp_path: Path, badge: str) -> None:
    # The channel's name heads the page over its badge; the post's day and month lie among its counters.
    page = "\n".join(["Rádio Litoral – Notícias", badge, "3 de março", *POST, "845 gostos", "3 de março",
                      "Ver todos os 12 comentários", "Traduzir"]) + "\n"
    assert _texts(make_app, tmp_path, {"post.txt": page}) == POST


def test_a_headline_over_its_byline_stays(make_app: AppFactory, tmp_path: Path) -> None:
    headline = "Câmara aprova plano de mobilidade com 14 km de ciclovias"
    page = "\n".join([headline, "Por Ana Lima", "3 de março de 2026", *POST, "Partilhar", "Comentar"]) + "\n"
    assert _texts(make_app, tmp_path, {"story.txt": page}) == [headline, *POST]


def test_a_recipe_keeps_its_quantities(make_app: AppFactory, tmp_path: Path) -> None:
    # A quantity of a thing is no date: only a day and a month count nothing.
    page = "\n".join([
        "Bolo de laranja da avó", "Ingredientes",
        "3 ovos", "2 laranjas", "1 de maizena", "200 g de açúcar",
        "Bata os ovos com o açúcar até a massa ficar clara e junte o sumo das laranjas.",
        "Leve ao forno a 180 graus durante 40 minutos.",
    ]) + "\n"
    assert {"3 ovos", "2 laranjas", "1 de maizena", "200 g de açúcar"} <= set(_texts(make_app, tmp_path, {"r.txt": page}))


@pytest.mark.parametrize("name", sorted(json.loads((SEEDLIKE16 / ".truth.json").read_text(encoding="utf-8"))))
def test_a_probe_post_gives_the_paragraphs_of_its_truth(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    truth = json.loads((SEEDLIKE16 / ".truth.json").read_text(encoding="utf-8"))[name]
    page = (SEEDLIKE16 / name).read_text(encoding="utf-8")
    assert _texts(make_app, tmp_path, {name: page}) == [" ".join(p["text"].split()) for p in truth["paragraphs"]]
