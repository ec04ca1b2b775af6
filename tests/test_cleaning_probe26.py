"""Cleaning rules of the twenty-sixth probe (2 December 2026): Markdown and text as users export them (a GitHub
project's README, an Obsidian note with callouts and a task list, meeting minutes with a table, a Jekyll post with
embedded HTML and a footnote, a wiki's page in wikitext), on small texts written for these tests and the probe's five
studied pages in fixtures/cleaning_probe26.

What an annotation team expects of them: a fenced code block of program text is no prose to annotate and goes, as
its own kind ("code"); a block of one line (a command as the page shows it, probe 10's "pip install tidepool", the
sixth probe's "curl ... | sudo bash") or of plain words stays one task. A table's delimiter row is never a task; its rows of words or numbers are the table's data and
stay, one task a row (probe_md pins a row as one segment). A task list's box and a callout's type are layout, like
a bullet. HTML tags, linked images (a README's badges) and wiki links alone on their line are markup, no text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.page_markup import code_reason, markup_line_reason
from server.segmentation import segment
from tests.test_cleaning_probe17 import assert_page_matches_truth, exclusion_reasons, task_texts
from tests.test_preload import app_of_pages, assert_probe_chrome

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning_probe26"
# The five studied pages, and the three blind ones written after the fixes and run once (their one miss, an SQL block,
# fixed after).
TRUTH = {**json.loads((PROBE / ".probe26_truth.json").read_text(encoding="utf-8")),
         **json.loads((PROBE / ".probe26_blind_truth.json").read_text(encoding="utf-8"))}
STILL_KEPT: dict[str, set[str]] = {}  # probe 27: a wikitext heading's "==" marks are markers ("Ver também" goes)


def segments_of(text: str, unit: str = "paragraph") -> list[str]:
    return [text[start:end] for start, end in segment(text, unit)]


# ------------------------------------------------------------------ segmentation


@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_a_task_lists_box_and_a_callouts_type_are_layout(unit: str) -> None:
    page = ("- [ ] Encomendar a análise do solo\n- [x] Pedir a planta do terreno\n* [X] Marcar a limpeza\n"
            "> [!note] Decisão\n> A junta cede o terreno.\n> [!tip]- Dobrado\n")
    assert segments_of(page, unit) == ["Encomendar a análise do solo", "Pedir a planta do terreno", "Marcar a limpeza",
                                       "Decisão", "A junta cede o terreno.", "Dobrado"]


def test_brackets_that_open_a_list_items_text_stay_its_text() -> None:
    # A box needs its bullet and the space after it; a link or a note in brackets is the item's text.
    page = "- [Guia](/guia) de instalação\n- [1] Silva, 2020.\n[ ] sem marcador\n"
    assert segments_of(page) == ["[Guia](/guia) de instalação", "[1] Silva, 2020.", "[ ] sem marcador"]


# ------------------------------------------------------------------ markup alone


@pytest.mark.parametrize("line", [
    "[![PyPI](https://img.shields.io/pypi/v/leitor-nfe.svg)](https://pypi.org/project/leitor-nfe/) "
    "[![Testes](https://github.com/x/y/actions/workflows/t.yml/badge.svg)](https://github.com/x/y/actions)",
    '<img src="/assets/img/starter-day-3.jpg" alt="Starter on day three" width="600">',
    '<div class="callout">', "</div>", "<br/>",
    '<iframe width="560" src="https://www.youtube.com/embed/xyz123" allowfullscreen></iframe>',
    "[[Rio Tejo]]", "[[Voluntários]] · [[Orçamento 2026]]",
])
def test_markup_alone_on_its_line_is_no_text(line: str) -> None:
    assert markup_line_reason(line) is not None


@pytest.mark.parametrize("line", [
    "<p>A padaria abre às sete.</p>", "<https://example.org/guia>", "<ana@example.org>",
    "[[Rio Tejo]] é o maior rio da Península Ibérica.",
    "[![Foto](https://example.org/f.jpg)](https://example.org/g) Crianças no recreio, em 2025.",
])
def test_markup_with_words_beside_it_or_an_address_is_no_markup_alone(line: str) -> None:
    assert markup_line_reason(line) is None


@pytest.mark.parametrize("code", [
    'from leitor_nfe import ler_pasta\n\nnotas = ler_pasta("notas/2026-03")\nprint(notas.sum())',
    '{\n  "output": "./exports",\n  "format": "conll"\n}',
    "const total = itens.reduce((soma, item) => soma + item.valor, 0);\nconsole.log(total);",
    "SELECT id, nome, email\nFROM clientes\nWHERE criado_em < '2020-01-01';",
])
def test_a_code_block_of_program_text_is_code(code: str) -> None:
    assert code_reason(code) is not None and code_reason(code)[0] == "code"  # type: ignore[index]


@pytest.mark.parametrize("block", [
    "pip install tidepool", "pip install tidesense\ntidesense --version", "print(total)",
    "curl -fsSL https://get.example.com/instalar.sh | sudo bash",
    "Querida Ana,\nChegámos bem ao Porto e o tempo está ótimo.",
])
def test_a_code_block_of_plain_words_is_no_code(block: str) -> None:
    assert code_reason(block) is None


def test_program_text_goes_as_code_and_a_command_and_a_tables_rows_stay(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("# Uso\n\nA função devolve uma tabela com uma linha por nota.\n\n```python\nnotas = ler_pasta(\"notas\")\n"
            "print(notas)\n```\n\n```\nnpm install\n```\n\n| Opção | Padrão |\n|---|---|\n| `validar` | `True` |\n")
    app = app_of_pages(make_app, tmp_path / "pages", {"uso.md": page})  # a folder's README is skipped
    texts, reasons = task_texts(app), exclusion_reasons(app)
    assert texts == ["Uso", "A função devolve uma tabela com uma linha por nota.", "npm install",
                     "| Opção | Padrão |\n|---|---|\n| `validar` | `True` |"]  # the table whole (loaders probe 3)
    assert reasons['notas = ler_pasta("notas")\nprint(notas)'].startswith("a fenced code block of program text")


# ------------------------------------------------------------------ cue


def test_an_exports_last_modified_line_goes_and_a_sentence_of_its_words_stays() -> None:
    assert_probe_chrome("*Criado por Ana Souza em 10/03/2026 · Última modificação em 11/03/2026*", "byline or credit",
                        "A última modificação do regulamento foi aprovada pela câmara em março, depois de dois anos.")
    assert_probe_chrome("Last modified on 11/03/2026 by Ana Souza", "byline or credit",
                        "The last modified version of the plan was approved on Monday by the council.")


# ------------------------------------------------------------------ the studied and blind pages


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()), set(),
                              folder=PROBE)
