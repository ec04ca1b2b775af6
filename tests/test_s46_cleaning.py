"""Cleaning rules of probe s46 (session 46, `s46-cleaning`, 5 December 2026), see fixtures/s46-cleaning/README.md.

The cleaning leaves out a link whose label names its file's format in brackets, no size ("Ver ficha completa (PDF)"),
and, in a file of records (a JSONL, CSV or Label Studio task list), the labelled fields set between a record's name and
its text when another record of the file gives the same label ("Module leader:", "Promoter:", "Em vigor:"); and a
record's short name ("Urban Ecology", "Sunday folk session") stays over its fields, kept or not, and its text. A single
page's fields stay: older probes' truths keep a product's, a course's, a bike's ("Marca: Orbea", "Carga Horária Total:
60 h"), and a product's measured specifications stay in a file of records too."""

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


@pytest.mark.parametrize("line", ["Ver ficha completa (PDF)", "Download full datasheet (PDF)",
                                  "Regulamento do concurso [PDF, em inglês]", "Relatório e contas 2025 (PDF, inglês)"])
def test_a_link_to_a_file_named_by_its_format_goes_as_an_attachment(line: str) -> None:
    reason = boilerplate_reason(line, Position(5, 12))
    assert reason is not None and reason[1].startswith("attachment: a link to a file, its format in brackets")


@pytest.mark.parametrize("line", ["O relatório completo está disponível no site da câmara (PDF).",
                                  "The council published the full report (PDF) on Monday: read it before the vote.",
                                  "Formatos aceites: (PDF)"])
def test_a_sentence_that_mentions_a_pdf_is_no_link_to_a_file(line: str) -> None:
    reason = boilerplate_reason(line, Position(5, 12))
    assert reason is None or "link to a file" not in reason[1]


RECORD = ("{{\"text\": \"{name}\\nModule code: {code} · Credits: 10\\nModule leader: {leader}\\n{text}\\n"
          "View module specification (PDF)\"}}\n")
MODULES = [("Urban Ecology", "GEOG2260", "Prof. Tomasz Wierzbicki",
            "Students study how plants and animals live in towns, from street trees to railway verges, and survey three "
            "green spaces."),
           ("Coastal Hazards and Society", "GEOG2270", "Dr Ruth Okafor",
            "The module follows storms, floods and erosion from the physics of waves to the people who must move away "
            "from the sea.")]


def test_a_file_of_records_leaves_out_the_fields_its_records_share_and_keeps_a_short_name(
        make_app: AppFactory, tmp_path: Path) -> None:
    lines = "".join(RECORD.format(name=name, code=code, leader=leader, text=text) for name, code, leader, text in MODULES)
    app = app_of_pages(make_app, tmp_path / "pages", {"modules.jsonl": lines})
    tasks = task_texts(app)
    assert tasks == [MODULES[0][0], MODULES[0][3], MODULES[1][0], MODULES[1][3]]
    reasons = exclusion_reasons(app)
    assert reasons["Module leader: Dr Ruth Okafor"].startswith("record fields:")
    assert reasons["View module specification (PDF)"].startswith("attachment:")


def test_one_page_keeps_its_fields_and_a_file_of_records_its_measured_specifications(
        make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Bicicleta de estrada Orbea Orca\nMarca: Orbea\nTamanho do quadro: 53\nEstado: Usado - Como novo\n"
            "Vendo por ter mudado de cidade; foi sempre guardada em casa e tem a revisão feita em outubro.\n")
    record = ("{{\"text\": \"{name}\\nPotência: {watts} W\\nCapacidade: {litres} litros\\n{text}\"}}\n")
    products = (record.format(name="Liquidificador Turbo 1200", watts=1200, litres=3,
                              text="Tritura gelo em segundos e tem doze velocidades para sopas e batidos.")
                + record.format(name="Liquidificador Compacto 600", watts=600, litres=1.5,
                                text="Pequeno e leve, cabe em qualquer armário e é fácil de lavar à mão."))
    app = app_of_pages(make_app, tmp_path / "pages", {"anuncio.txt": page, "produtos.jsonl": products})
    tasks = set(task_texts(app))
    assert {"Marca: Orbea", "Tamanho do quadro: 53", "Estado: Usado - Como novo"} <= tasks
    assert {"Potência: 1200 W", "Capacidade: 3 litros", "Potência: 600 W"} <= tasks


# ------------------------------------------------------------------ the probe's pages

PROBE = Path(__file__).parent.parent / "fixtures" / "s46-cleaning"
TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s46_truth.json").read_text(encoding="utf-8"))
# The studied pages' fields no rule leaves out: a single page's (older truths keep a product's, a course's, a bike's).
STILL_KEPT = {
    "apply_disabled_parking_permit.html": {"Processing time: up to 8 weeks", "Service owner: Parking Services"},
    "aviso_concurso_tecnico.html": {"Prazo de candidatura: até 15 de janeiro de 2027", "Remuneração base: 1.385,99 €"},
    "call_for_papers_coasts.txt": {"Submission deadline: 15 February 2027", "Notification of acceptance: 30 March 2027"},
    "catalogo_licenciatura_geografia.html": {"Coordenador do curso: Prof. Doutor Álvaro Nunes Teixeira",
                                             "Regime: Diurno", "Vagas: 95"},
    "ficha_tecnica_furadeira.html": {"Garantia: 12 meses"},
    "forum_homebrew_thread.html": {"Brewing since: 2014", "Brewing since: 2019"},
    "forum_pedal_trilhas.txt": {"Bike: Caloi Elite Carbon 2022"},
    "lentil_soup_recipe.md": {"Serves: 4 · Prep: 15 min · Cook: 35 min"},
    "receita_bolo_laranja.html": {"Rendimento: 12 fatias", "Tempo de preparo: 50 minutos", "Dificuldade: fácil"},
    "sensor_datasheet.txt": {"Part number: TMP-117B-Q1", "Package: 6-pin WSON"},
    "servico_cartao_estacionamento.md": {"Prazo de resposta: 15 dias úteis"},
}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_s46_page_gives_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                        name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "studied" / name).read_bytes()})
    assert_probe_page(app, TRUTH[name], set(), {normal(line) for line in STILL_KEPT.get(name, set())}, set())


# ------------------------------------------------------------------ the blind pages, pinned as they came

BLIND_TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s46_blind_truth.json").read_text(encoding="utf-8"))
# At the one run (34dbba94; main 4cf1acf: 4 of 28 real lines dropped, 20 of 49 chrome lines kept): 0 of 28 dropped,
# 7 of 49 kept: a single page's fields (a forum card's, a recipe's, a service page's), a recipe site's name over its
# title, and the courses' fee field, under the text (no record's name over it; left out since s46-cleaning2's fields
# under a record's text: 5 of 49 kept).
BLIND_STILL_KEPT = {
    "forum_allotment_thread.md": {"Plot size: half plot, Yorkshire"},
    "receita_caldo_verde.txt": {"Tachos da Avó Rosa · receitas portuguesas", "Doses: 6 pessoas", "Tempo: 45 minutos"},
    "servico_segunda_via_rg.html": {"Tempo estimado: até 10 dias úteis"},
}


@pytest.mark.parametrize("name", sorted(BLIND_TRUTH))
def test_a_probe_s46_blind_page_comes_out_as_pinned(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "blind" / name).read_bytes()})
    assert_probe_page(app, BLIND_TRUTH[name], set(), {normal(line) for line in BLIND_STILL_KEPT.get(name, set())}, set())
