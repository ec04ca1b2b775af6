"""Cleaning rules of probe s47-cleaning2 (session 47), see fixtures/s47-cleaning2/README.md.

A short heading told from a kept task by its figures alone ("Versão 6.3 (4 de novembro de 2026)" after "Versão 6.4 (28
de novembro de 2026)") is another release, not a near-duplicate; a paragraph with one number changed still is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from tests.test_cleaning_probe17 import exclusion_reasons, task_texts
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]

NEWER = "A app mostra agora o saldo previsto para os próximos 30 dias, com as despesas fixas já descontadas."
OLDER = "Corrigimos um erro que deixava a notificação de transferência recebida aparecer duas vezes."


def news(first: str, second: str) -> str:
    return f"Novidades da aplicação\n{first}\n{NEWER}\n{second}\n{OLDER}\n"


@pytest.mark.parametrize(("first", "second"), [
    ("Versão 6.4 (28 de novembro de 2026)", "Versão 6.3 (4 de novembro de 2026)"),
    ("Version 2.4 — 28 November 2026", "Version 2.3 — 4 November 2026"),
    ("Release 3.2 (12 March 2026)", "Release 3.1 (2 March 2026)"),
])
def test_short_headings_told_apart_by_their_figures_are_no_near_duplicates(make_app: AppFactory, tmp_path: Path,
                                                                            first: str, second: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"novidades.txt": news(first, second)})
    assert task_texts(app) == ["Novidades da aplicação", first, NEWER, second, OLDER]


def test_a_paragraph_with_one_number_changed_is_still_a_near_duplicate(make_app: AppFactory, tmp_path: Path) -> None:
    changed = NEWER.replace("30", "45")
    app = app_of_pages(make_app, tmp_path / "pages", {"a.txt": f"{NEWER}\n", "b.txt": f"{changed}\n"})
    assert changed not in task_texts(app)
    assert exclusion_reasons(app)[changed].startswith("near-duplicate")
