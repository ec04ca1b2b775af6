"""Seed-shaped probe 22 (fixtures/seedlike22: six posts, half Portuguese and half English, on fabs in Japan and
Europe, robotaxis, satellite internet, quantum funding, lithium and open-weight licences, scraped like the seed with
"Ver original"/"View original", a third-party-content disclaimer and the post again): what it found, as general
features, each with a guard that must not change. The texts of the rule tests are written for these tests, not the
probe's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from tests.test_claims import claimed
from tests.test_preload import assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes
from tests.test_seedlike19 import assert_post_gives_its_truth

AppFactory = Callable[..., Flask]
SEEDLIKE22 = Path(__file__).parent.parent / "fixtures" / "seedlike22"


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        ("A ministra admite que só 12 das 40 escolas vão abrir em setembro.", "ministra", "pt"),
        ("O regulador reconhece que a meta de 2030 ficou longe.", "regulador", "pt"),
        ("The ministry acknowledges that only 12 of the 40 plants will open by 2030.", "ministry", "en"),
    ],
)
def test_what_someone_concedes_in_the_present_is_reported(text: str, fragment: str, language: str) -> None:
    assert claimed(text, fragment, language)


@pytest.mark.parametrize(
    ("text", "fragment", "language"),
    [
        ("A escola admite alunos de outras cidades.", "escola", "pt"),
        ("O novo telemóvel reconhece o rosto do dono.", "telemóvel", "pt"),
        ("The university admits students from many countries.", "university", "en"),
    ],
)
def test_guard_admitting_or_recognising_someone_is_no_report(text: str, fragment: str, language: str) -> None:
    assert not claimed(text, fragment, language)


# ------------------------------------------------------------------ cleaning

def test_a_forums_vote_count_alone_is_chrome() -> None:
    assert_probe_chrome("1,2k upvotes", "engagement count", "O post teve 1.200 upvotes antes de ser apagado.")


def test_a_note_that_the_content_is_third_parties_responsibility_goes() -> None:
    text = ("Nota: o texto é da responsabilidade de terceiros e foi partilhado pelo leitor. Não reflete a posição do "
            "jornal.")
    assert_left_out(text, "boilerplate", "disclaimer", Position(12, 20))
    assert_screen_passes([text], Position(12, 20))


def test_guard_a_storys_third_parties_in_charge_stay() -> None:
    assert_kept("A manutenção da estrada é da responsabilidade de terceiros, disse o presidente da câmara, que pediu "
                "mais 2 milhões ao Governo para a obra.")


# ------------------------------------------------------------------ the probe's posts

PROBE_POSTS = [(folder, name) for folder in (SEEDLIKE22,)
               for name in sorted(json.loads((folder / ".truth.json").read_text(encoding="utf-8")))]


@pytest.mark.parametrize(("folder", "name"), PROBE_POSTS, ids=[name for _folder, name in PROBE_POSTS])
def test_a_probe_post_gives_the_paragraphs_of_its_truth(
        make_app: AppFactory, tmp_path: Path, folder: Path, name: str) -> None:
    assert_post_gives_its_truth(make_app, tmp_path, folder, name)
