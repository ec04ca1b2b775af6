"""Cleaning of session 51 (s51-cleaning), see fixtures/s51-cleaning/README.md.

Session 50's carried cases first, each on new pages written for this file: a job's title of one word ("Enfermeiro",
"Electrician") under a page's header, over its posted line and its place-and-pay line, then prose, is the page's title
(it went as a label); a page's title and its dateline ("Publicado a ...") with no blank line between them are two
lines, not one hard-wrapped paragraph (they went as one task). Then the studied and blind pages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.segmentation import split_paragraphs
from server.tasks import label_studio_tasks
from tests.test_cleaning46 import assert_probe_page
from tests.test_cleaning_probe17 import page_tasks
from tests.test_preload import app_of_pages

AppFactory = Callable[..., Flask]

# ------------------------------------------------------------------ a job's title of one word

VAGA = """Emprego Centro
Ofertas | Empresas | Formação | Entrar

Canalizador
Publicado há 2 dias · Ref.ª EC-7720
Leiria · Contrato sem termo · 1.100 € brutos

Uma empresa de instalações de Leiria procura um canalizador com carta de condução para obras de moradias e pequenos prédios.

O horário é de segunda a sexta, das 8h às 17h, e a viatura da empresa fica com o trabalhador durante a semana.
"""
JOB = """Coastline Jobs
Search jobs | Employers | Sign in

Electrician
Posted 3 December 2026 · Job ref CJ-5531
Plymouth · £36,000 a year · Permanent

A facilities company in Plymouth needs a qualified electrician to look after the wiring and lighting of six office buildings.

You will have an 18th Edition certificate and a driving licence, and you will share a call-out rota with three colleagues.
"""
# The place-and-pay line alone under the title, no posted line.
VAGA_SEM_DATA = """Emprego Alto Minho
Ofertas | Empresas | Entrar

Cozinheiro
Ponte de Lima · Contrato a termo · 950 € brutos

Um restaurante de Ponte de Lima procura um cozinheiro para a época de inverno, com experiência em cozinha tradicional minhota.

As folgas são à segunda e terça-feira, e o restaurante assegura alojamento a quem vier de fora.
"""


@pytest.mark.parametrize(("name", "page", "title"), [
    ("vaga.txt", VAGA, "Canalizador"), ("job.txt", JOB, "Electrician"), ("cozinheiro.txt", VAGA_SEM_DATA, "Cozinheiro"),
])
def test_a_one_word_job_title_over_its_details_is_the_pages_title(make_app: AppFactory, tmp_path: Path, name: str,
                                                                   page: str, title: str) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, name, page)
    assert texts[0] == title and len(texts) == 3
    assert "a menu" in next(reason for line, reason in reasons.items() if " · Contrato" in line or " a year" in line)


# Guard: a section's one-word label over its own menu (a line of items) and then prose stays out (as a site's name over
# its menu: another rule decides it first).
SECTION_OVER_ITS_MENU = """Diário do Oeste
Início | Região | Desporto | Opinião

Desporto
Liga 3 · Taça de Portugal · Modalidades · Vídeos

O Caldas Sport Clube venceu o Torreense por dois golos a um e subiu ao terceiro lugar da Liga 3, a dois pontos do líder.

O treinador elogiou a defesa, que não sofria golos em casa desde outubro.
"""


def test_a_one_word_label_over_items_alone_stays_out(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "desporto.txt", SECTION_OVER_ITS_MENU)
    assert "Desporto" not in texts and "Desporto" in reasons
    assert texts[0].startswith("O Caldas Sport Clube venceu")


# ------------------------------------------------------------------ a title and its dateline with no blank line

NOTICE = """Câmara Municipal de Tomar
Início | Serviços | Avisos

Corte de trânsito na Ponte Velha para obras de reparação
Publicado a 4 de dezembro de 2026

Entre 7 e 18 de dezembro a Ponte Velha fica fechada ao trânsito automóvel, para a reparação do tabuleiro e dos passeios.

Os peões podem atravessar pelo passadiço provisório montado do lado de montante.
"""
UPDATE = """Riverside Borough Council
Home | Roads | Parking | Contact

Temporary closure of the Mill Lane car park in December
Last updated: 2 December 2026

Mill Lane car park will close from 8 to 12 December while the surface is relaid and the bays are repainted.

Season ticket holders may park at the Station Road car park during the closure at no extra cost.
"""


@pytest.mark.parametrize(("name", "page", "title", "dateline"), [
    ("aviso.txt", NOTICE, "Corte de trânsito na Ponte Velha para obras de reparação", "Publicado a 4 de dezembro de 2026"),
    ("notice.txt", UPDATE, "Temporary closure of the Mill Lane car park in December", "Last updated: 2 December 2026"),
])
def test_a_title_over_its_dateline_with_no_blank_line_is_two_lines(make_app: AppFactory, tmp_path: Path, name: str,
                                                                   page: str, title: str, dateline: str) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, name, page)
    assert texts[0] == title
    assert "byline" in reasons[dateline]


# A hard-wrapped paragraph goes on in lower case, or names a date mid-sentence: still one paragraph.
WRAPPED = ("The council's budget for the coming year was approved on Tuesday after a debate of\n"
           "more than three hours, and it was published on 3 December 2026 with the minutes.\n")
WRAPPED_PT = ("A assembleia aprovou o orçamento municipal para o próximo ano depois de um debate de\n"
              "Publicado o edital, os munícipes têm trinta dias para consultar o documento e 2 anexos.\n")


def test_a_wrapped_paragraph_stays_one_paragraph() -> None:
    assert len(split_paragraphs(WRAPPED)) == 1


def test_a_line_opening_with_a_posting_verb_that_closes_a_sentence_is_no_dateline() -> None:
    assert len(split_paragraphs(WRAPPED_PT)) == 1


# ------------------------------------------------------------------ a product page's buttons and its reviews' heading

PRODUCT = """Loja do Ciclista
Bicicletas | Acessórios | Oficina | Carrinho

Capacete urbano Vento com luz traseira
R$ 249,90 · Frete grátis para o Sudeste
Comprar agora Adicionar ao carrinho

Capacete leve com luz traseira recarregável por USB e regulagem por roda na nuca, para quem pedala na cidade.
Peso: 310 g
Tamanhos: M e G

Avaliações
4,8 de 5 · 56 avaliações
A luz é forte e a bateria dura a semana inteira indo e voltando do trabalho, só achei a viseira pequena.
Esta avaliação foi útil? Sim (3) · Não (0)
"""


def test_a_buy_button_beside_an_add_button_is_a_buttons_line(make_app: AppFactory, tmp_path: Path) -> None:
    _texts, reasons = page_tasks(make_app, tmp_path, "capacete.txt", PRODUCT)
    assert "button or link label" in reasons["Comprar agora Adicionar ao carrinho"]


def test_a_reviews_heading_over_the_ratings_summary_heads_the_reviews(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "capacete.txt", PRODUCT)
    assert "Avaliações" in texts and "engagement count" in reasons["4,8 de 5 · 56 avaliações"]
    assert texts[texts.index("Avaliações") + 1].startswith("A luz é forte")


# ------------------------------------------------------------------ the studied and blind pages

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s51-cleaning"
# The thirteen studied pages, their truth committed in d09e4cab before any run (main c8346fe8: 4 of 72 real lines
# dropped, 4 of 75 chrome lines kept; see the README's results).
TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s51_truth.json").read_text(encoding="utf-8"))
# What this probe's code still got wrong, pinned (a pin turned over fails the page): the <h2> "Avaliações" over its
# ratings' summary dropped and three signatures "Name — tagline" kept, all fixed by s51-cleaning2 (its README), so no
# pin is left.
STILL_DROPPED: dict[str, set[str]] = {}
STILL_KEPT: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_gives_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                       name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "studied" / name).read_bytes()})
    assert_probe_page(app, without_exact_copies(TRUTH[name]), STILL_DROPPED.get(name, set()),
                      STILL_KEPT.get(name, set()), set())


def without_exact_copies(truth: dict[str, Any]) -> dict[str, Any]:
    """A truth without its pairs whose second copy is the first word for word (a forum's quoted post): the task of
    the first holds both (its ``copies`` 2, checked below), which the near-duplicate check cannot tell from the second
    kept."""
    return {**truth, "near_duplicates": [pair for pair in truth["near_duplicates"] if pair[0] != pair[1]]}


@pytest.mark.parametrize("name", ["forum_brompton_hinge.txt", "forum_horta_pragas.html"])
def test_a_quoted_post_is_a_copy_of_the_post(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "studied" / name).read_bytes()})
    quoted = next(first for first, second in TRUTH[name]["near_duplicates"] if first == second)
    copies = [task["meta"]["copies"] for task in label_studio_tasks(app) if task["data"]["text"] == quoted]
    assert copies == [2]


# The eight blind pages, written after the fixes and run once at f5bc0ca0 (main c8346fe8: 3 of 39 real lines dropped,
# 3 of 42 chrome kept; this probe's code: the same lines), pinned as they came: "Soldador" under a site's name of four
# words (decided a site's name by a later pass, so not chrome when the title rule asks) dropped; an <h2> "Reviews" over
# its ratings' summary dropped (the HTML page's heading path); a thread's title joined to its "Iniciado por ..." line
# (no posting verb of the dateline's) and a reply's "... respondeu · 30 de novembro de 2026" kept; two buttons on a
# line ("Candidatar Descarregar brochura") and a feedback prompt ("Did you find what you were looking for? Yes · No")
# kept. The quoted post is folded into its first copy (see without_exact_copies). s51-cleaning2 fixed all but the
# buttons' line (on its own new pages first: fixtures/s51-cleaning2/README.md), which s52-cleaning fixed.
BLIND_TRUTH: dict[str, dict[str, Any]] = json.loads((PROBE / ".probe_s51_blind_truth.json").read_text(encoding="utf-8"))
BLIND_STILL_DROPPED: dict[str, set[str]] = {}
BLIND_STILL_KEPT: dict[str, set[str]] = {}
BLIND_STILL_UNNAMED: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(BLIND_TRUTH))
def test_a_blind_page_as_its_one_run_found_it(make_app: AppFactory, tmp_path: Path, name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / "blind" / name).read_bytes()})
    assert_probe_page(app, without_exact_copies(BLIND_TRUTH[name]), BLIND_STILL_DROPPED.get(name, set()),
                      BLIND_STILL_KEPT.get(name, set()), BLIND_STILL_UNNAMED.get(name, set()))
