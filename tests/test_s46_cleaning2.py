"""Cleaning rules of probe s46's second round (session 46, `s46-cleaning2`), see fixtures/s46-cleaning2/README.md.

In a file of records (a JSONL, CSV or Label Studio task list) whose records set labelled fields right under their names,
a run of fields under a record's text, with chrome or the record's end under it, is left out when another record of the
file gives one of its labels ("Salário:", "Fee:", "Size:"); where a file's records give fields only under their text
(fixtures/unseen's events, "Quando:"/"Onde:"), they stay, as the older truth has them. A company's legal form closes no
sentence: "Empresa: Faróis Digitais, Lda." is a field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.boilerplate import is_fields_row
from tests.test_cleaning46 import assert_probe_page
from tests.test_cleaning_probe17 import exclusion_reasons, normal, task_texts
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]

JOB = "{{\"text\": \"{name}{header}\\n{text}\\nSalário: {pay}\\nCandidatar\"}}\n"
COMPANIES = ["Faróis Digitais, Lda.", "Clínica Dentária Avenida"]
JOBS = [("Programador(a) backend Python", "Vais trabalhar na equipa da plataforma de reservas, com Django e PostgreSQL, "
         "e participar nas revisões de código desde o primeiro mês.", "32 000 € brutos por ano"),
        ("Técnico(a) de apoio informático", "Procuramos alguém que resolva os problemas dos computadores de três "
         "clínicas e trate das cópias de segurança.", "1 150 € brutos por mês")]


def jobs_file(with_company: bool) -> str:
    """The two job offers as JSONL, each with its employer's field under its name or none."""
    return "".join(JOB.format(name=name, header=f"\\nEmpresa: {company}" if with_company else "", text=text, pay=pay)
                   for (name, text, pay), company in zip(JOBS, COMPANIES, strict=True))


def test_a_file_of_records_leaves_out_the_shared_fields_under_its_text(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"vagas.jsonl": jobs_file(with_company=True)})
    assert task_texts(app) == [JOBS[0][0], JOBS[0][1], JOBS[1][0], JOBS[1][1]]
    reasons = exclusion_reasons(app)
    assert reasons["Salário: 1 150 € brutos por mês"].startswith("record fields: one of 1 labelled fields under a record's")
    assert reasons["Empresa: Faróis Digitais, Lda."].startswith("record fields: one of 1 labelled fields between")


def test_records_whose_only_fields_follow_their_text_keep_them(make_app: AppFactory, tmp_path: Path) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {"vagas.jsonl": jobs_file(with_company=False)})
    assert {"Salário: 32 000 € brutos por ano", "Salário: 1 150 € brutos por mês"} <= set(task_texts(app))


@pytest.mark.parametrize(("line", "field"), [("Empresa: Faróis Digitais, Lda.", True),
                                             ("Employer: Harbourside Engineering Ltd.", True),
                                             ("Horários: quatro comboios por dia.", False),
                                             ("Nota: a entrada é gratuita.", False)])
def test_a_company_s_legal_form_ends_no_field(line: str, field: bool) -> None:
    assert is_fields_row(line) is field


# ------------------------------------------------------------------ the probe's pages

PROBE = Path(__file__).parent.parent / "fixtures" / "s46-cleaning2"
TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s46_2_truth.json").read_text(encoding="utf-8"))
# Left by this round: a single page's fields (older truths keep them), and a conference's and a congress's site name
# over the title (a changelog's "Version 2.14.0" over its record's text stays since s47-cleaning; the congress's
# name over its Markdown "# title" goes since s48-cleaning).
STILL_KEPT = {
    "conference_programme_day2.txt": {"Coastal Futures 2027 · Plymouth, 14 to 16 April", "Time: 09:30 to 10:15",
                                      "Time: 10:45 to 11:30"},
}
STILL_DROPPED: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_s46_2_page_gives_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                          name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "studied" / name).read_bytes()})
    assert_probe_page(app, TRUTH[name], STILL_DROPPED.get(name, set()),
                      {normal(line) for line in STILL_KEPT.get(name, set())}, set())


# ------------------------------------------------------------------ the blind pages, pinned as they came

BLIND_TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s46_2_blind_truth.json").read_text(encoding="utf-8"))
# At the one run (f6ade1b3; base 72cd0290: 3 of 25 real lines dropped, 5 of 35 chrome lines kept): 3 of 25 dropped (a
# version history's title and its "Versão 5.1 (20 de novembro de 2026)" headings, a version cue), 1 of 35 kept (a
# single page's "Contacto:" field). Since s47-cleaning the version history's title and headings stay (0 of 25 dropped).
BLIND_STILL_KEPT = {"lancamento_imovel_porto.md": {"Contacto: Imobiliária Douro Norte, Lda."}}
BLIND_STILL_DROPPED: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(BLIND_TRUTH))
def test_a_probe_s46_2_blind_page_comes_out_as_pinned(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "blind" / name).read_bytes()})
    assert_probe_page(app, BLIND_TRUTH[name], {normal(line) for line in BLIND_STILL_DROPPED.get(name, set())},
                      {normal(line) for line in BLIND_STILL_KEPT.get(name, set())}, set())
