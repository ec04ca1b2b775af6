"""Cleaning rules of the twenty-ninth probe (3 December 2026): what probe 28 left, on eight new pages of its kinds (a
pt-PT news page and a pt-BR school page laid out in <div>s, a shop's product page with its specifications' table, a
journal's article page, a text e-mail's newsletter, a pt-BR blog with its author's box, two reports exported from PDF),
in fixtures/cleaning29.

What an annotation team expects of them: the HTML extraction keeps the page's headings, lists and tables, wherever
the page's markup puts them; a plain heading under a button or a printed page's running header still heads its
paragraphs; a report's cover (its organisation, title and approval date, which the running header repeats), an
author's box labelled with their name and an affiliation line are no text to annotate."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from plugins.loaders import HtmlLoader, parsed_page, restored_blocks
from tests.test_cleaning_probe17 import assert_page_matches_truth, page_tasks
from tests.test_preload import assert_kept, assert_probe_chrome

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning29"
# The eight studied pages, written with their truth before any run (main: 9 chrome lines kept of 77, 28 real lines
# dropped of 78; this probe: 0 and 0), and the five blind ones, written after the studied fixes and run once (main: 4 of
# 41 and 16 of 44; this probe: 1 and 3, then 1 and 0 after its fix below).
TRUTH = {**json.loads((PROBE / ".probe29_truth.json").read_text(encoding="utf-8")),
         **json.loads((PROBE / ".probe29_blind_truth.json").read_text(encoding="utf-8"))}
# What the rules missed, a journal's dates line in pt-PT ("Aceite", not "Aceito"), probe 30 leaves out.
STILL_KEPT: dict[str, set[str]] = {}


def loaded_text(tmp_path: Path, page: str) -> str:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [document] = HtmlLoader().load(path, "page.html")
    return document.content


# ------------------------------------------------------------------ the HTML loader

LEAD = ("<p>A Câmara Municipal aprovou ontem um pacote de 4,2 milhões de euros para obras em cinco escolas básicas do "
        "concelho, durante as férias de verão.</p>")
CLOSE = "<p>A oposição votou a favor, mas pediu que a câmara publique o calendário de cada obra no site do município.</p>"


def test_a_journals_headings_in_a_page_of_divs_are_put_back(tmp_path: Path) -> None:
    # trafilatura reads a page without <article> or <main> for its paragraphs alone.
    page = (f"<html><body><div class='page'><p><a href='/'>Início</a></p><h2>Resumo</h2>{LEAD}<h2>Introdução</h2>"
            f"{CLOSE}</div></body></html>")
    text = loaded_text(tmp_path, page)
    assert text.split("\n") == ["## Resumo", LEAD[3:-4], "## Introdução", CLOSE[3:-4]]


def test_a_list_laid_out_in_divs_and_a_tables_rows_are_put_back_in_their_place(tmp_path: Path) -> None:
    page = (f"<html><body><div>{LEAD}<div class='list'><div class='item'>Escola Básica de Abraveses, com a nova "
            "cobertura;</div><div class='item'>Escola Básica do Viso, com aquecimento.</div></div><table>"
            "<tr><th>Capacity</th><td>1.7 litres</td></tr><tr><td>Power:</td><td>3000 W</td></tr>"
            f"<tr><td>Site</td><td>Nitrate</td><td>Change</td></tr></table>{CLOSE}</div></body></html>")
    assert loaded_text(tmp_path, page).split("\n")[1:-1] == [
        "Escola Básica de Abraveses, com a nova cobertura;", "Escola Básica do Viso, com aquecimento.",
        "Capacity: 1.7 litres", "Power: 3000 W", "| Site | Nitrate | Change |"]


def test_what_the_extraction_kept_or_left_out_rightly_is_not_put_back(tmp_path: Path) -> None:
    # A list the extraction kept ("- " before its items), links (related stories), a lone <div> of text (a review's
    # byline), a button and what stands before the first line kept or after the last (the page's header and footer; a
    # heading right over the first line kept would head it).
    page = ("<html><body><div><h3>Mais lidas</h3><div><a href='/0'>Viseu abre concurso para 30 auxiliares</a></div>"
            + LEAD + "<ul><li>Escola de Abraveses</li><li>Escola do Viso</li>"
            "</ul><div class='who'>Jen from Leeds · 12 November 2026</div><ul><li><a href='/1'>Viseu abre concurso para "
            "30 auxiliares</a></li><li><a href='/2'>Escola de Mundão recebe painéis solares</a></li></ul><button>Partilhar"
            "</button>" + CLOSE + "<h3>Comunicados relacionados</h3></div></body></html>")
    text = "\n".join([LEAD[3:-4], "- Escola de Abraveses", "- Escola do Viso", CLOSE[3:-4]])
    assert restored_blocks(parsed_page(page), text) == text


# ------------------------------------------------------------------ a heading under chrome

NEWSLETTER = """Hello Daniel,
December is always busy here, so here is everything in one place before the holidays.
[Book your place]
Repair café
Bring a broken toaster or a wobbly chair to the community room on Saturday 13 December between 10am and 1pm.
[Find out more]
Helpful 34
Our volunteers fixed 41 things at the last session, from radios to a rocking chair.
"""


def test_a_plain_heading_under_a_button_heads_the_paragraph_below(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "news.txt", NEWSLETTER)
    assert "Repair café" in texts
    assert "Helpful 34" in reasons  # a count under chrome is no heading


def test_a_section_label_under_the_sites_menu_is_still_left_out(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Início | Política | Economia | Desporto | Cultura\nEconomia\nO Banco de Portugal reviu em alta a previsão de "
            "crescimento da economia para 2027, para 2,1 por cento, com o turismo e as exportações.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "noticia.txt", page)
    assert "Economia" in reasons and texts[0].startswith("O Banco de Portugal")


REPORT = ("AIRE VALLEY RIVERS TRUST\n\nWater Quality Survey 2026\n\n\fAire Valley Rivers Trust — Survey 2026\n\nSummary"
          "\n\nVolunteers sampled 48 sites on the River Aire and its tributaries every month from March to October.\n\n"
          "2\n\fAire Valley Rivers Trust — Survey 2026\n\nFindings\n\nThe worst site was again Gill Beck below Silsden, "
          "where storm overflows spilled on 63 days.\n\n3\n")


def test_a_reports_cover_goes_and_a_heading_under_its_running_header_stays(make_app: AppFactory,
                                                                            tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "report.txt", REPORT)
    assert reasons["AIRE VALLEY RIVERS TRUST"].startswith("a printout's cover")
    assert reasons["Water Quality Survey 2026"].startswith("a printout's cover")
    assert "Summary" in texts and "Findings" in texts


def test_a_first_page_with_a_sentence_is_no_cover(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Relatório 2025\n\nO ano de 2025 foi difícil para a agricultura do vale, com a seca da primavera.\n\n\f"
            "A adega recebeu 4,1 milhões de quilos de uva, dos quais 70 por cento de castas brancas.\n")
    _texts, reasons = page_tasks(make_app, tmp_path, "relatorio.txt", page)
    assert not any(reason.startswith("a printout's cover") for reason in reasons.values())


# ------------------------------------------------------------------ an author's box and affiliation

ARTICLE = ("A horta comunitária do bairro teve 28 talhões ocupados e uma lista de espera de 15 famílias este ano.\n"
           "Regue todo dia no verão e dia sim, dia não no inverno, sempre de manhã cedo, para evitar os fungos.\n"
           "A festa juntou cerca de 1.500 pessoas no largo e deu um saldo positivo de 3.240 euros para a sede.\n"
           "{line}\n")


@pytest.mark.parametrize(("line", "reason"), [
    ("Sobre a Cris: Cristina Vaz é jornalista, mora em Curitiba e cultiva hortaliças em vasos desde 2019.",
     "author bio: a box labelled with the author's name"),
    ("About Maya: Maya Okoro writes about rivers and the people who live by them.",
     "author bio: a box labelled with the author's name"),
    ("School of Geography, University of Leeds, Leeds, United Kingdom",
     "byline or credit: an author's affiliation"),
    ("Universidade Federal do Paraná, Centro de Estudos do Mar, Pontal do Paraná, PR, Brasil",
     "byline or credit: an author's affiliation"),
])
def test_an_authors_named_box_and_an_affiliation_go(make_app: AppFactory, tmp_path: Path, line: str,
                                                     reason: str) -> None:
    _texts, reasons = page_tasks(make_app, tmp_path, "post.txt", ARTICLE.format(line=line))
    assert reasons[line].startswith(reason)


@pytest.mark.parametrize("line", [
    "Sobre o projeto: O projeto começou em 2019 com doze famílias e hoje tem quarenta e dois talhões.",
    "A Universidade de Leeds, que coordena o estudo, vai publicar os dados de cada ponto de recolha em março.",
    "Escola Básica de Abraveses, com a substituição da cobertura, Escola do Viso, com aquecimento;",
])
def test_a_section_on_a_thing_and_sentences_naming_institutions_stay(make_app: AppFactory, tmp_path: Path,
                                                                    line: str) -> None:
    texts, _reasons = page_tasks(make_app, tmp_path, "post.txt", ARTICLE.format(line=line))
    assert line in texts


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Gostou? Compartilhe com quem também tem uma varanda sobrando!", "share prompt",
     "A vizinha gostou tanto da alface que pediu mudas para compartilhar com a filha, que tem uma varanda."),
    ("Enjoyed this post? Share it with a friend who grows tomatoes.", "share prompt",
     "The children enjoyed the visit and shared the tomatoes they picked with the care home next door."),
    ("Dúvidas? Fale com a secretaria pelo WhatsApp (31) 99876-5432.", "contact prompt",
     "As dúvidas dos pais sobre a rematrícula foram tantas que a secretaria abriu num sábado."),
    ("Questions? Contact us on 01225 477 000 or at the front desk.", "contact prompt",
     "The questions the children asked the author were about the Severn bore and her dog."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


def test_a_field_whose_label_is_qualified_in_brackets_is_a_field(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("The BD18 is a compact combi drill for wood, metal and masonry, with a brushless motor.\n"
            "Weight (with battery): 1.4 kg\nWarranty: 3 years\n"
            "Put up six shelves and a curtain pole in brick walls with no trouble at all.\n")
    texts, _reasons = page_tasks(make_app, tmp_path, "drill.txt", page)
    assert "Warranty: 3 years" in texts


def test_an_events_dates_with_their_hours_are_content_under_their_heading(make_app: AppFactory,
                                                                          tmp_path: Path) -> None:
    # Found blind: a date line is a story's dateline, but not with the hours of what happens on it.
    page = ("Children born between September 2022 and August 2023 can start in our Reception class next year.\n"
            "We have 60 places in two classes, and last year 84 families applied for a place in Reception.\n"
            "Open mornings\nTuesday 4 November 2026, 9.30am to 11am\nThursday 20 November 2026, 9.30am to 11am\n"
            "The closing date for applications is 15 January 2027, and offers are made in April.\n"
            "Published: Tuesday 4 November 2026, 10:15\n")
    texts, reasons = page_tasks(make_app, tmp_path, "school.txt", page)
    assert texts[2:5] == ["Open mornings", "Tuesday 4 November 2026, 9.30am to 11am",
                          "Thursday 20 November 2026, 9.30am to 11am"]
    assert reasons["Published: Tuesday 4 November 2026, 10:15"].startswith("byline or credit")


def test_a_sentence_asking_about_doubts_stays() -> None:
    assert_kept("Dúvidas sobre o IRS? Saiba o que muda na declaração deste ano para quem trabalha a recibos verdes.")


# ------------------------------------------------------------------ the studied pages


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()), set(), folder=PROBE)
