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

AppFactory = Callable[..., Flask]
SEEDLIKE20 = Path(__file__).parent.parent / "fixtures" / "seedlike20"


def _texts(make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> list[str]:
    return [" ".join(task["data"]["text"].split())
            for task in label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", pages))]


# ------------------------------------------------------------------ cleaning: who answers for a post passed on

CHROME = [
    ("Conteúdo fornecido por Diário do Sul. As informações publicadas são da responsabilidade do parceiro e não "
     "representam necessariamente a opinião da plataforma.", "disclaimer"),
    ("Artigo cedido por Jornal da Serra. Os textos de opinião são da exclusiva responsabilidade dos seus autores.",
     "disclaimer"),
    ("Content provided by Coastal Daily. The views expressed are the author's own and do not reflect ours.", "disclaimer"),
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


# ------------------------------------------------------------------ cleaning: a site's name over its menu, one item a line

POST = [
    "O Sporting vendeu o avançado por 70 milhões de euros, segundo o clube, e ficou com 10% de uma venda futura.",
    "O Benfica respondeu com a contratação de um médio do Brasil, por 18 milhões, disse o jornal A Bola.",
]


@pytest.mark.parametrize("under", [["segunda-feira, 1 de dezembro de 2026"], []])
def test_a_sites_name_over_a_menu_of_one_word_lines_goes(make_app: AppFactory, tmp_path: Path, under: list[str]) -> None:
    page = "\n".join(["Diário do Leão e da Bola", "Início", "Mercado", "Jogos", *under, *POST])
    assert _texts(make_app, tmp_path, {"post.txt": page}) == POST


@pytest.mark.parametrize("under", [["Por Rui Matos", "Ontem"], ["Desporto"], ["Desporto", "Ontem, 18:04"]])
def test_guard_a_headline_over_its_byline_or_section_stays(
        make_app: AppFactory, tmp_path: Path, under: list[str]) -> None:
    headline = "Sporting vende avançado por 70 milhões"
    page = "\n".join([headline, *under, *POST])
    assert _texts(make_app, tmp_path, {"post.txt": page})[0] == headline


# ------------------------------------------------------------------ the probe's posts

@pytest.mark.parametrize("name", sorted(json.loads((SEEDLIKE20 / ".truth.json").read_text(encoding="utf-8"))))
def test_a_probe_post_gives_the_paragraphs_of_its_truth(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    truth = json.loads((SEEDLIKE20 / ".truth.json").read_text(encoding="utf-8"))[name]
    with (SEEDLIKE20 / name).open(encoding="utf-8", newline="") as page:  # CRLF kept
        tasks = label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", {name: page.read()}))
    assert [" ".join(task["data"]["text"].split()) for task in tasks] == [
        " ".join(p["text"].split()) for p in truth["paragraphs"]]
    copies = [1 + sum(line.get("para") == i and line["kind"] == "duplicate" for line in truth["lines"])
              for i in range(len(truth["paragraphs"]))]
    assert [task["meta"]["copies"] for task in tasks] == copies
