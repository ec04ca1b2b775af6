"""What session 52's acceptance review (s52-acceptance, issues 3-5 walked as a reviewer with inputs of its own) found
and fixed; the walk itself is in bench/HISTORY.md "## s52-acceptance".

Sentence unit: a document's lines may be in two languages (a Portuguese page quoting an English paragraph, a thesis
page's "Resumo" and "Abstract"). The abbreviation list was the document's language's for every line, so a Portuguese
page split an English line after "Mr." and "St." (and an English page would split a Portuguese one after "Dra." and
"Ltda."): a line with a period after one language's abbreviation now takes its own language's list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Flask

from server.segmentation import split_sentences
from server.tasks import label_studio_tasks

AppFactory = Callable[..., Flask]

PORTUGUESE_PAGE_WITH_AN_ENGLISH_LINE = (
    "A Dra. Beatriz Lemos, da Clínica Vida Ltda., atende às terças desde 3 de jan. de 2025. O agendamento é feito "
    "pelo site.\n"
    "Mr. Hughes met Prof. Lima at 9 a.m. on Jan. 4. They discussed the St. Mary's budget with the parish council.\n"
    "A reunião seguinte fica marcada para março.\n")
ENGLISH_PAGE_WITH_A_PORTUGUESE_LINE = (
    "The clinic opened its second site in Leeds last spring. Patients book online.\n"
    "Our partners in Brazil say the clinic helps many families every week and the waiting list keeps growing.\n"
    "Segundo a Dra. Beatriz Lemos, da Clínica Vida Ltda., o atendimento começa em março. A fila já tem 40 pessoas.\n")


def sentences(text: str, language: str, line_language: Callable[[str], str] | None) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language, line_language)]


def test_a_line_takes_its_own_languages_abbreviations() -> None:
    english_lines = {line for line in PORTUGUESE_PAGE_WITH_AN_ENGLISH_LINE.splitlines() if line.startswith("Mr.")}
    found = sentences(PORTUGUESE_PAGE_WITH_AN_ENGLISH_LINE, "pt",
                      lambda line: "en" if line in english_lines else "pt")
    assert found == ["A Dra. Beatriz Lemos, da Clínica Vida Ltda., atende às terças desde 3 de jan. de 2025.",
                     "O agendamento é feito pelo site.", "Mr. Hughes met Prof. Lima at 9 a.m. on Jan. 4.",
                     "They discussed the St. Mary's budget with the parish council.",
                     "A reunião seguinte fica marcada para março."]
    # Without a line's language (the code before), the Portuguese list split "Mr." and "St." off.
    assert "Mr." in sentences(PORTUGUESE_PAGE_WITH_AN_ENGLISH_LINE, "pt", None)


def test_a_line_with_no_one_language_abbreviation_is_not_identified() -> None:
    asked: list[str] = []
    text = "The ferry left at 9. It came back late.\nA Dra. Lemos chegou. Todos saíram.\n"
    sentences(text, "en", lambda line: asked.append(line) or "pt")
    assert asked == ["A Dra. Lemos chegou. Todos saíram."]


def test_the_preload_splits_each_line_by_its_own_language(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "clinica.txt").write_text(PORTUGUESE_PAGE_WITH_AN_ENGLISH_LINE, encoding="utf-8")
    (tmp_path / "clinic.txt").write_text(ENGLISH_PAGE_WITH_A_PORTUGUESE_LINE, encoding="utf-8")
    app = make_app(SOURCES=[str(tmp_path)], TASK_UNIT="sentence", DISABLE_PLUGINS=["entities", "claims", "sentiment"])
    tasks = {task["data"]["text"]: task["data"]["language"] for task in label_studio_tasks(app)}
    assert tasks["Mr. Hughes met Prof. Lima at 9 a.m. on Jan. 4."] == "en"
    assert tasks["They discussed the St. Mary's budget with the parish council."] == "en"
    assert tasks["Segundo a Dra. Beatriz Lemos, da Clínica Vida Ltda., o atendimento começa em março."] == "pt"
    assert "A Dra. Beatriz Lemos, da Clínica Vida Ltda., atende às terças desde 3 de jan. de 2025." in tasks
    assert not {"Mr.", "St.", "Segundo a Dra.", "Ltda.", "Mary's budget with the parish council."} & tasks.keys()
