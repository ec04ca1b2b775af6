"""Cleaning rules of the forty-fourth probe (4 December 2026): pages in pt-BR, pt-PT and English of kinds earlier probes
had not studied (a university course page, a court decision, a job posting, a product page with reviews, a podcast
episode, a wiki article with its infobox and contents copied to text, a newsletter's web archive, an e-mail thread, a
transparency portal, a museum exhibition, a match report with its live entries, a library's events calendar), see
fixtures/cleaning44/README.md.

A court decision's record fields go by their labels (and the case number in their run), a case-law site's note by its
words, an office's line by its shape (a place and its opening hours between dots), a file to download by its name and
size, as an attachment; an infobox's rows by their tabs in a run, a contents box by its numbered entries under its
label; an e-mail's header fields are one segment each, never a wrapped paragraph."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from server.boilerplate import Position
from server.segmentation import split_paragraphs
from tests.test_cleaning42 import BRIDGE, STORY
from tests.test_cleaning_probe17 import normal, page_tasks, task_texts
from tests.test_preload import app_of_pages, assert_kept, assert_left_out, assert_probe_chrome, assert_screen_passes

AppFactory = Callable[..., Flask]

RIBEIRA = ("A ribeira nasce na serra de Montejunto e desagua no rio Tejo, perto de Vila Franca de Xira, depois de "
           "atravessar dois concelhos.")
CHEIAS = "As cheias de novembro de 1967 destruíram várias pontes e causaram dezenas de mortos na região."


# ------------------------------------------------------------------ cues and shapes of one line


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Relator: MARIA JOÃO MATOS", "catalogue field",
     "O relator, o juiz Maria João Matos, votou com a maioria e redigiu o acórdão em três semanas."),
    ("Judges: Lord Reed, Lady Rose", "catalogue field",
     "The judges, Lord Reed and Lady Rose, both said the tenant had been left without a roof for months."),
    ("Descritores: ARRENDAMENTO URBANO; OBRAS DE CONSERVAÇÃO; RESOLUÇÃO DO CONTRATO", "catalogue field",
     "Os descritores do acórdão falam de arrendamento urbano e de obras de conservação que nunca foram feitas."),
    ("Votação: UNANIMIDADE", "catalogue field", "A votação terminou por unanimidade, depois de duas horas de debate."),
    ("Decisão: IMPROCEDENTE", "catalogue field",
     "Decisão: o tribunal julgou a ação improcedente porque a autora não provou que as infiltrações vinham do telhado."),
    ("Este documento não substitui o publicado em papel; a informação aqui prestada não dispensa a consulta do processo.",
     "disclaimer", "O advogado disse que a consulta do processo em papel demorou três semanas a ser autorizada."),
    ("This text does not replace the official version.", "disclaimer",
     "The new text does not replace the official guidance on flooding, the minister said, but adds to it."),
    # An office's place and its opening hours between dots (the miss left by probe 42's blind service page).
    ("Controladoria-Geral do Município: Rua XV de Novembro, 512 – Centro · Atendimento ao público de segunda a sexta, "
     "das 8h às 17h", "an office's place and its opening hours",
     "A biblioteca abre de segunda a sexta, das 8h às 17h, na Rua XV de Novembro, 512, no centro da cidade."),
    # Found blind: a judge's label with its gender mark, the court's district, the case-law
    # site's note in other words, an e-mail's confidentiality note and a mail app's line.
    ("Relator(a): Des. Renata Albuquerque", "catalogue field",
     "A relatora, a desembargadora Renata Albuquerque, negou o recurso da operadora por unanimidade."),
    ("Comarca: Campinas", "catalogue field", "A comarca de Campinas tem catorze varas cíveis e duas de família."),
    ("Este documento não substitui a publicação oficial no Diário da Justiça Eletrônico.", "disclaimer",
     "A publicação oficial no Diário da Justiça Eletrônico saiu dois dias depois do julgamento."),
    ("This email and any attachments are confidential and intended solely for the addressee. If you have received it "
     "in error, please notify the sender and delete it.", "disclaimer",
     "The letter was received in error by the neighbours, who opened it and called the parish clerk."),
    ("Sent from my iPhone", "signature notice", "She sent the photos from my iPhone because hers was broken."),
    ("Enviado do meu iPhone", "signature notice", "O vídeo foi enviado do meu iPhone para a redação às 22h."),
    ("Planning office: Town Hall, Market Street · Open Monday to Friday, 9am to 5pm", "an office's place",
     "The planning office in the Town Hall is open Monday to Friday, 9am to 5pm, and on Saturday mornings."),
    # A file to download, its size in brackets: an attachment, not a button (the miss left by session 35).
    ("Relatorio_diarias_2024.pdf (230 KB)", "attachment: a download's file and its size",
     "O relatório de diárias de 2024 tem 230 páginas e foi publicado em PDF no portal."),
    ("[Anexo I – Termo de referência.pdf](/arquivos/anexo1.pdf) (845 KB)", "attachment: a download's file",
     "O termo de referência, anexo I do edital, fixa as quantidades de cada gênero alimentício."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


def test_a_judge_named_in_a_sentence_after_the_label_stays() -> None:
    assert_kept("Relator: o juiz que escreve o acórdão e o apresenta aos outros juízes da secção, que votam.")
    assert_left_out("Relator: MARIA JOÃO MATOS", "boilerplate", "catalogue field", Position(3, 20))


# ------------------------------------------------------------------ runs of lines


def test_a_courts_field_makes_its_run_the_records(make_app: AppFactory, tmp_path: Path) -> None:
    # Found blind: the dates beside the court's fields go with them; a date's field alone beside a story stays.
    fields = ["Órgão julgador: 3ª Câmara de Direito Privado", "Data do julgamento: 12/11/2026",
              "Data de publicação: 14/11/2026"]
    (tmp_path / "court").mkdir(), (tmp_path / "story").mkdir()
    texts, reasons = page_tasks(make_app, tmp_path / "court", "acordao.txt",
                                "\n".join(["Apelação Cível", STORY, *fields, BRIDGE]) + "\n")
    assert not set(fields) & set(texts) and "record fields" in reasons[fields[2]] and {STORY, BRIDGE} <= set(texts)
    texts, _reasons = page_tasks(make_app, tmp_path / "story", "story.txt",
                                 "\n".join(["Apelação Cível", STORY, fields[2], BRIDGE]) + "\n")
    assert fields[2] in texts


def test_an_e_mails_header_fields_are_one_segment_each() -> None:
    # Each line is 40 to 100 characters wide and none ends a sentence: read as wrapped prose, they were one paragraph.
    header = ("De: Maria Fernandes <maria.fernandes@condominio-jardins.example.com.br>\n"
              "Enviado em: terça-feira, 1 de dezembro de 2026 10:42\n"
              "Para: Conselho Fiscal <conselho@condominio-jardins.example.com.br>\n"
              "Assunto: RE: Orçamento da impermeabilização da cobertura\n")
    assert len(split_paragraphs(header)) == 4
    wrapped = ("The council met last night in the old school hall to discuss the\n"
               "plan for the bridge, which engineers closed on Monday after divers\n"
               "found cracks in two of its three piers.\n")
    assert len(split_paragraphs(wrapped)) == 1


def test_the_header_of_an_e_mail_opening_a_page_goes(make_app: AppFactory, tmp_path: Path) -> None:
    header = ["From: Tom Baker <clerk@hollington.example.org.uk>", "Sent: Tuesday, 1 December 2026 09:12",
              "To: Highways Team <highways@eastdown.example.gov.uk>", "Subject: Footpath 14 closure at Mill Lane"]
    texts, _reasons = page_tasks(make_app, tmp_path, "mail.txt", "\n".join([*header, "", STORY, BRIDGE]) + "\n")
    assert not set(header[:3]) & set(texts) and {STORY, BRIDGE} <= set(texts)


INFOBOX = ["Comprimento\t45 km", "Nascente\tSerra de Montejunto", "Foz\tRio Tejo, Vila Franca de Xira",
           "Coordenadas\t38° 57′ 10″ N, 8° 59′ 30″ O"]


def test_an_infoboxs_rows_split_by_tabs_go_in_a_run(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "ribeira.txt", "\n".join(["Ribeira de Alenquer", RIBEIRA, *INFOBOX,
                                                                             CHEIAS]) + "\n")
    assert not {normal(row) for row in INFOBOX} & {normal(text) for text in texts}
    assert "an infobox" in reasons[INFOBOX[2]] and {RIBEIRA, CHEIAS} <= set(texts)


def test_two_rows_split_by_tabs_are_no_infobox(make_app: AppFactory, tmp_path: Path) -> None:
    rows = ["Foz\tRio Tejo, Vila Franca de Xira", "Coordenadas\t38° 57′ 10″ N, 8° 59′ 30″ O"]
    texts, _reasons = page_tasks(make_app, tmp_path, "ribeira.txt", "\n".join([RIBEIRA, *rows, CHEIAS]) + "\n")
    assert {normal(row) for row in rows} <= {normal(text) for text in texts}


@pytest.mark.parametrize(("label", "entries", "left_out"), [
    ("Índice", ["1 Percurso", "2 História", "3 Referências"], True),
    ("Contents", ["1 Course", "2 History", "2.1 Navigation", "3 References"], True),
    # No label over them: a list of the story's own (three steps, a ranking).
    ("As três etapas", ["1 Percurso", "2 História", "3 Referências"], False),
])
def test_a_contents_box_goes_under_its_label(make_app: AppFactory, tmp_path: Path, label: str, entries: list[str],
                                            left_out: bool) -> None:
    texts, _reasons = page_tasks(make_app, tmp_path, "page.txt", "\n".join([STORY, label, *entries, BRIDGE]) + "\n")
    assert (not set(entries) & set(texts)) is left_out and {STORY, BRIDGE} <= set(texts)


def test_the_screen_passes_an_office_line_with_its_hyphenated_name() -> None:
    office = ("Controladoria-Geral do Município: Rua XV de Novembro, 512 – Centro · Atendimento ao público de segunda "
              "a sexta, das 8h às 17h")
    for position in (Position(5, 30), Position(29, 30)):
        assert_screen_passes([office], position)


# ------------------------------------------------------------------ the studied and blind pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning44"
# The twelve studied pages, written with their truth before any run (main 9009c8e: 16 of 121 chrome lines kept, 1 of
# 61 real lines dropped; this probe: 0 and 1). The five blind ones, written after the studied fixes and run once (main:
# 16 of 50 chrome lines kept, 1 of 23 real lines dropped; the studied fixes: 6 and 1; 0 and 1 after the fixes found
# blind).
TRUTH: dict[str, dict[str, Any]] = {
    **json.loads((PROBE / ".probe44_truth.json").read_text(encoding="utf-8")),
    **json.loads((PROBE / ".probe44_blind_truth.json").read_text(encoding="utf-8"))}
# Probe 45 fixed the two misses left here: a wiki article's title between the skip link and "From Wikipedia, the free
# encyclopedia" is kept (it was read as a label), and two Markdown lines of items with no blank line between ("Filter
# by: ..." over the month pager, an exhibition's dates over its buttons) are two lines, each left out (they were one
# task, which no line of the truth names).


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_page_gives_its_real_lines_in_order_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                             name: str) -> None:
    truth = TRUTH[name]
    page = (PROBE / name).read_text(encoding="utf-8")
    tasks = [normal(text) for text in task_texts(app_of_pages(make_app, tmp_path / "pages", {name: page}))]
    # A quoted e-mail's line is a task without its quote mark, as a list item's is without its bullet.
    real = list(dict.fromkeys(normal(line.removeprefix("> ")) for line in truth["real"]))
    assert [text for text in tasks if text in real] == real
    assert not {normal(line) for line, _kind in truth["chrome"]} & set(tasks)
    assert not any(normal(second) in tasks for _first, second in truth["near_duplicates"])
    named = set(real) | {normal(line) for line in truth["either"]}
    either_as_headings = {normal(line.split("[")[0]) for line in truth["either"]}  # a wiki heading without its edit link
    assert not set(tasks) - named - either_as_headings
