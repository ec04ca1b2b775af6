"""Cleaning rules of probe s47 (session 47, `s47-cleaning`), see fixtures/s47-cleaning/README.md.

A changelog is content: a release's version line ("Version 2.14.0", "Versão 3.1 — 12 de março de 2026") that heads
prose, right under it or under the release's date line, stays, and so does a short title over the first of them
("Histórico de versões", "What's New"); a bare tag ("v2.4.0") or a version after an entry's date ("Mar 4, 2025 ·
Version 3.2", test_cleaning30) is still chrome. A release's date alone after its label ("Released: 3 December 2026"),
a bulletin's issue after its parish's name ("Paróquia de São Vicente de Fora · Boletim n.º 412") and a store's
"Esta avaliação foi marcada como útil por 112 pessoas" are chrome."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.boilerplate import Position, boilerplate_reason
from tests.test_cleaning46 import assert_probe_page
from tests.test_cleaning_probe17 import exclusion_reasons, normal, task_texts
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]

NOTES = ("A pesquisa encontra agora as faturas pelo NIF do cliente e pelo valor, mesmo quando o cliente tem dois nomes "
         "registados.")
FIX = "Corrigimos um erro que repetia o número da última fatura quando a ligação caía a meio do envio."


@pytest.mark.parametrize(("line", "kind"), [
    ("Released: 3 December 2026", "byline or credit"), ("Released on November 21, 2026", "byline or credit"),
    ("Lançada em 2 de março de 2026", "byline or credit"),
    ("Paróquia de São Vicente de Fora · Boletim n.º 412", "byline or credit"),
    ("Esta avaliação foi marcada como útil por 112 pessoas", "engagement count"),
])
def test_a_release_date_a_bulletin_issue_and_a_review_s_helpfulness_are_chrome(line: str, kind: str) -> None:
    reason = boilerplate_reason(line, Position(5, 10))
    assert reason is not None and reason[1].startswith(kind)


@pytest.mark.parametrize("line", ["Released in 2019, the album sold a million copies in its first year.",
                                  "Início | Política | Economia"])
def test_a_sentence_or_a_menu_is_no_release_date_nor_bulletin_issue(line: str) -> None:
    reason = boilerplate_reason(line, Position(5, 10))
    assert reason is None or not reason[1].startswith("byline or credit")


def changelog(title: str, first: str, second: str) -> str:
    return f"Faturix · faturação simples\n{title}\n{first}\n{NOTES}\n{second}\n{FIX}\n© 2026 Faturix, Lda.\n"


@pytest.mark.parametrize(("first", "second"), [
    ("Versão 3.1 — 12 de março de 2026", "Versão 3.0 — 9 de janeiro de 2026"),
    ("Versão 5.1 (20 de novembro de 2026)", "Versão 5.0 (2 de outubro de 2026)"),
    ("Version 3.1\nReleased: 12 March 2026", "Version 3.0\nReleased: 9 January 2026"),
])
def test_a_changelog_keeps_its_title_and_its_version_lines(make_app: AppFactory, tmp_path: Path, first: str,
                                                           second: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"notas.txt": changelog("Histórico de versões", first, second)})
    versions = [line for line in (first + "\n" + second).split("\n") if line.startswith("Vers")]
    assert task_texts(app) == ["Histórico de versões", versions[0], NOTES, versions[1], FIX]
    assert all(reason.startswith("byline or credit") for line, reason in exclusion_reasons(app).items()
               if line.startswith("Released"))


def test_a_bare_tag_or_a_version_over_no_prose_is_still_chrome(make_app: AppFactory, tmp_path: Path) -> None:
    page = changelog("Histórico de versões", "v3.1.0", "Versão 3.0\nDescarregar")
    texts = task_texts(app_of_pages(make_app, tmp_path / "pages", {"notas.txt": page}))
    assert not {"v3.1.0", "Versão 3.0", "Histórico de versões"} & set(texts)


# ------------------------------------------------------------------ the probe's pages

PROBE = Path(__file__).parent.parent / "fixtures" / "s47-cleaning"
TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s47_truth.json").read_text(encoding="utf-8"))
# (A text bulletin's first section heading under its header's date line, "Avisos da semana", is kept since
# s47-cleaning2: heads_first_section_under_dateline. A store page's one "What's New" box's heading and version line are
# the store's template, chrome, since then, as in probes 49 and 50: README.md.)
STILL_DROPPED: dict[str, set[str]] = {}
# A Play Store page's "Novidades" over its latest notes: chrome in the truth since s47-cleaning2, kept (a short title over
# prose, as a section's heading; the App Store pages' box goes as a fragment).
STILL_KEPT = {"app_loja_receitas.html": {"Novidades"}}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_s47_page_gives_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                        name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "studied" / name).read_bytes()})
    assert_probe_page(app, TRUTH[name], STILL_DROPPED.get(name, set()), STILL_KEPT.get(name, set()), set())


# ------------------------------------------------------------------ the blind pages, pinned as they came

BLIND_TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s47_blind_truth.json").read_text(encoding="utf-8"))
# At the one run (1784f9d0; main 4e5d03f1: 8 of 32 real lines dropped, 7 of 31 chrome lines kept): 2 of 32 dropped, 4
# of 31 kept ("Versão 6.3 (4 de novembro de 2026)" goes as a near-duplicate of "Versão 6.4 (28 de novembro de 2026)").
# Then the rule read a store page's one version as a changelog's (probes 49 and 50 call it chrome, see
# heads_release_notes): with that fixed, the store page's "Novidades" and "Versão 3.12.0" go, 4 of 32 dropped.
# "Versão 6.3 (4 de novembro de 2026)" is kept since s47-cleaning2 (a short heading told by its figures is no
# near-duplicate, test_s47_cleaning2); the store page's "Novidades" and "Versão 3.12.0" are chrome in its truth since
# then (a store's template, README.md), as probes 49 and 50 have them.
# "This week" stays since s48-cleaning (a one-section bulletin's heading under its issue's name and date lines).
BLIND_STILL_DROPPED: dict[str, set[str]] = {}
# "St Aidan's, Brackley · Weekly Bulletin No. 1187" and "Property reference: NL-3387 · Added on 2 December 2026" go
# since s47-cleaning2 (a word before a bulletin's kind; a listing's reference code); "Respira Bem-Estar Ltda." since
# s48-cleaning (a company's name line under the page's title).
BLIND_STILL_KEPT = {"app_store_meditacao.html": {"Grátis · Oferece compras no app"}}


@pytest.mark.parametrize("name", sorted(BLIND_TRUTH))
def test_a_probe_s47_blind_page_comes_out_as_pinned(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "blind" / name).read_bytes()})
    assert_probe_page(app, BLIND_TRUTH[name], {normal(line) for line in BLIND_STILL_DROPPED.get(name, set())},
                      {normal(line) for line in BLIND_STILL_KEPT.get(name, set())}, set())
