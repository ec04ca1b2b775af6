"""What session 52's second acceptance review (s52-acceptance2: issues 3-5 walked again with harder inputs of its own,
fixtures/s52-acceptance2) found; the walk is in bench/HISTORY.md "## s52-acceptance2".

Fixed: a pasted PDF report's running footer with its page number ("Documento interno — não distribuir   2/3"), on
two pages with no form feed between them, was kept as a task (two copies were a running line only by a form feed, three
by the repeated-lines count): two copies in one document, apart, the number changed, are a running line now.
A Markdown README's fenced example of two lines, a module's import and a call ("from tidyclip import clean",
"print(clean(...))"), was kept as a task: only one line in two read as program text, so the block was taken for a
text example. An import line is program text now.

Pinned as the review found them: the six pages' tasks (issue 3) and the export of three annotators through every
policy and format, read back against labels worked out by hand before the first export (issue 5)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import ends_in_running_page_number
from server.page_markup import code_reason
from server.tasks import label_studio_tasks
from tests.test_export_probe3 import run_cli

AppFactory = Callable[..., Flask]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "s52-acceptance2"
EXPORT = FIXTURES / "export"
sys.path.insert(0, str(EXPORT))
from expected import EXPECTED  # noqa: E402  (the hand-worked labels beside the export they describe)
from readback import conll_entities, from_csv, from_jsonl  # noqa: E402


# ------------------------------------------------------------------ the fix: an import line is program text

def test_a_fenced_example_with_an_import_is_code() -> None:
    block = 'from tidyclip import clean\nprint(clean("https://shop.example.com/item?id=4&utm_source=mail"))'
    assert code_reason(block) is not None
    assert code_reason("import os\nos.listdir(path)") is not None
    assert code_reason("#include <stdio.h>\nint main(void)") is not None


def test_commands_and_prose_in_a_fence_stay_tasks() -> None:
    # A command as the page shows it, and words that merely start with "import" or "from", are no program text.
    assert code_reason("pip install tidyclip\ntidyclip --daemon") is None
    assert code_reason("import duties rose by 5% last year\nfrom March the ferry runs hourly") is None
    assert code_reason("from tidyclip import clean") is None  # one line: a command's place, kept as the page shows it


# ------------------------------------------------------------------ issue 3: the six pages, as the review judged them

KEPT = {
    "news_comments.html": [
        "Ferry fares to rise in spring", "Return tickets on the island ferry", "The company said rising fuel bills",
        "Councillors on the island were divided."],
    "blog_author.html": [
        "Como organizei minha horta no apartamento", "Quando me mudei para um apartamento",
        "Comecei com vasos de manjericão", "O segredo foi a rega"],
    # Not met, left for the next session: hyphenated line breaks ("associa-\ndas") stay in the task's text.
    "report_pdf.txt": [
        "Introdução", "Em 2025 a associação reuniu 214 famílias associa-\ndas", "A principal obra do ano", "Contas",
        "As receitas somaram", "Próximos passos", "Para 2026 a direção propõe"],
    "README_tool.md": [
        "tidyclip", "tidyclip watches your clipboard", "Installation", "pip install tidyclip\ntidyclip --daemon",
        "Usage", "Run it once and leave it in the background."],
    "reviews.csv": [
        "Ferve a água em menos de três minutos", "A tampa começou a soltar", "Bright enough for reading",
        "Arrived with a cracked base"],
    "chat.jsonl": [
        "Olá! Em que posso ajudar hoje?", "Comprei um aspirador na sexta-feira", "Lamento o transtorno.",
        "Obrigada pela paciência!"],
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_a_pages_tasks_are_its_text(make_app: AppFactory, name: str) -> None:
    app = make_app(SOURCES=[str(FIXTURES / "pages" / name)], SOURCE_TEXT_FIELD="review_text,text",
                   DISABLE_PLUGINS=["entities", "claims", "sentiment"])
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert len(texts) == len(KEPT[name])
    assert all(text.startswith(opening) for text, opening in zip(texts, KEPT[name])), texts


# ------------------------------------------------------------------ issue 5: three annotators, every policy and format

@pytest.mark.parametrize("policy", sorted(EXPECTED))
def test_every_format_gives_the_policys_labels(tmp_path: Path, policy: str) -> None:
    expected = {task: sorted(examples, key=repr) for task, examples in EXPECTED[policy].items()}
    folders = {}
    for fmt in ("jsonl", "csv", "conll", "spacy"):
        folders[fmt] = tmp_path / fmt
        result = run_cli(EXPORT / "three_annotators.json", fmt, folders[fmt], "--policy", policy,
                         "--label-config", str(EXPORT / "label_config.xml"), "--quiet")
        assert result.exit_code == 0, result.output
    assert from_jsonl(folders["jsonl"]) == expected
    assert from_csv(folders["csv"]) == expected
    entities = sorted(spans for examples in expected.values() for spans, _choice in examples)
    assert conll_entities(folders["conll"] / "train.conll") == entities
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    docs = list(DocBin().from_disk(folders["spacy"] / "train.spacy").get_docs(spacy.blank("xx").vocab))
    assert sorted(tuple(sorted((ent.text, ent.label_) for ent in doc.ents)) for doc in docs) == entities
    choices = sorted(str(choice) for examples in expected.values() for _spans, choice in examples)
    assert sorted(next((key.split(":")[1] for key, value in doc.cats.items() if value == 1.0), "None")
                  for doc in docs) == choices


# ------------------------------------------------------------------ the fix: a running footer on two pasted pages

SECOND_PAGE = ("As contas do trimestre fecharam com saldo positivo, graças às rendas dos pavilhões municipais.\n\n"
               "O relatório completo fica disponível na secretaria durante as horas de expediente.\n\n")
PAGE = ("O conselho reuniu-se em janeiro e aprovou o plano de obras para o ano, com três empreitadas novas.\n\n"
        "A primeira empreitada arranca em março e a segunda só depois do verão, se o orçamento o permitir.\n\n")


def kept_texts(make_app: AppFactory, folder: Path, text: str) -> list[str]:
    (folder / "ata.txt").write_text(text, encoding="utf-8")
    app = make_app(SOURCES=[str(folder / "ata.txt")], DISABLE_PLUGINS=["entities", "claims", "sentiment"])
    return [task["data"]["text"] for task in label_studio_tasks(app)]


def test_a_numbered_footer_on_two_pages_is_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    footer = "Ata da reunião de 12 de janeiro — Junta de Freguesia de Vila Seca          {}/2\n\n"
    texts = kept_texts(make_app, tmp_path, PAGE + footer.format(1) + SECOND_PAGE + footer.format(2))
    assert not any(text.startswith("Ata da reunião") for text in texts), texts
    assert len(texts) == 4


def test_two_near_copies_without_a_page_number_stay(make_app: AppFactory, tmp_path: Path) -> None:
    # A line said twice with a word changed, no page number at its end, is the text's (or a near-duplicate), as before.
    line = "Próxima reunião marcada para a sede da junta em {}\n\n"
    texts = kept_texts(make_app, tmp_path, PAGE + line.format("março") + SECOND_PAGE + line.format("abril"))
    assert "Próxima reunião marcada para a sede da junta em março" in texts


def test_a_running_page_number_closes_a_laid_out_line() -> None:
    assert ends_in_running_page_number("Documento interno — não distribuir fora da associação       2/3")
    assert ends_in_running_page_number("Relatório Anual 2025 · Página 2")
    assert not ends_in_running_page_number("As receitas somaram 18 420 euros.")
    assert not ends_in_running_page_number("Os valores estão no quadro da página 2")  # said, not laid out
