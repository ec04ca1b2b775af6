"""Seed-shaped probe 19 (fixtures/seedlike19: six posts copied from a news aggregator, a WhatsApp channel, Medium, a
forum, Reddit and a Google Translate view, each with its chrome and the post again): what it found, as general
features, each with a guard that must not change. The texts of the rule tests are written for these tests, not the
probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.tasks import excluded_listing, label_studio_tasks
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
SEEDLIKE19 = Path(__file__).parent.parent / "fixtures" / "seedlike19"


def _texts(make_app: AppFactory, tmp_path: Path, pages: dict[str, str]) -> list[str]:
    return [" ".join(task["data"]["text"].split())
            for task in label_studio_tasks(app_of_pages(make_app, tmp_path / "pages", pages))]


# ------------------------------------------------------------------ cleaning: a post's closing line

POST = [
    "Calor recorde em Lisboa:",
    "O IPMA registou 44,1 graus na Amareleja na terça-feira, o valor mais alto desde 2003, e prevê mais três dias de "
    "aviso vermelho em oito distritos.",
    "A REN disse que o consumo de eletricidade bateu o máximo do ano às 15h, com 9,2 gigawatts, puxado pelo ar "
    "condicionado.",
]


@pytest.mark.parametrize("closing", ["Será que a rede aguenta mais um verão assim? 🤔",
                                     "Fiquem atentos aos avisos. 🥵🔥", "Bom fim de semana a todos! 👋🏽"])
def test_a_posts_closing_line_with_an_emoji_stays_when_the_post_repeats(
        make_app: AppFactory, tmp_path: Path, closing: str) -> None:
    # The line ends its sentence before its emoji: a sentence, not a signature under two posts.
    page = "\n".join(["Canal do Tempo", "12,4 mil seguidores", *POST, closing, "14:32", "Encaminhada", *POST, closing])
    texts = _texts(make_app, tmp_path, {"post.txt": page})
    assert texts == [*POST, closing]


def test_guard_a_signature_with_an_emoji_under_two_posts_goes(make_app: AppFactory, tmp_path: Path) -> None:
    signature = "Um abraço da equipa do Canal do Tempo 🌤️"
    other = "A Proteção Civil pediu aos idosos que evitem sair de casa entre as 11h e as 17h, segundo o comunicado."
    page = "\n".join(["Canal do Tempo", "12,4 mil seguidores", *POST, signature, "14:32", other, signature])
    app = app_of_pages(make_app, tmp_path / "pages", {"feed.txt": page})
    assert signature not in [task["data"]["text"] for task in label_studio_tasks(app)]
    reasons = [item["reason"] for item in excluded_listing(app)["excluded"] if item["text"] == signature]
    assert reasons and all("signature" in reason for reason in reasons)


# ------------------------------------------------------------------ cleaning: a channel's name again over the copy

def test_a_channels_name_from_the_pages_top_goes_again_over_the_posts_copy(make_app: AppFactory, tmp_path: Path) -> None:
    # Left out at the top as a label, its copy over the repeated post is no heading of it.
    page = "\n".join(["Canal", "Tempo Hoje PT", "Canal · 12,4 mil seguidores", "Encaminhada", *POST, "14:32",
                      "Encaminhada", "Tempo Hoje PT", *POST])
    assert _texts(make_app, tmp_path, {"post.txt": page}) == POST


def test_guard_a_heading_in_the_body_stays(make_app: AppFactory, tmp_path: Path) -> None:
    # A name over a short line of the body, not one of the header's labels: kept as its heading.
    page = "\n".join(["Canal", "Tempo Hoje PT", "Canal · 12,4 mil seguidores", *POST, "Proteção Civil",
                      "Evitem sair de casa entre as 11h e as 17h.", POST[1].replace("44,1", "45,2")])
    assert "Proteção Civil" in _texts(make_app, tmp_path, {"post.txt": page})
