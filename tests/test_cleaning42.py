"""Cleaning rules of the forty-second probe (4 December 2026): pages in pt-BR, pt-PT and English of kinds earlier probes
left as gaps (forum threads with their posts' headers and signatures, notices with attachment lists, a department page
whose <h1> is its <title>, an arXiv-like abstract page, a recipe blog, a classifieds listing, a press release with its
contact block, council pages with service links), see fixtures/cleaning42/README.md.

A forum reply's numbered header, a listing's posting time by a relative day, a seller's card and a preprint's
classification fields go by their cues; a signature by its shape (a name and a quoted motto under a post), a service's
link by its verb and object beside another or over chrome, and a page's <h1> that is its whole <title> is its title."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from plugins.loaders import HtmlLoader
from tests.test_cleaning_probe17 import normal, page_tasks, task_texts
from tests.test_preload import app_of_pages, assert_probe_chrome

AppFactory = Callable[..., Flask]

STORY = "The council approved its budget for 2027 last night, with more money for schools and for buses."
BRIDGE = "Engineers closed the old bridge on Monday after divers found cracks in two of its three piers."
RECOLHA = "A recolha do lixo é feita todas as noites, entre as 22h e as 5h, em todas as freguesias do concelho."
ECOPONTOS = "Os ecopontos são esvaziados duas vezes por semana; o vidro vai no verde, sem tampas nem rolhas."


# ------------------------------------------------------------------ cues


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Reply #1 by MillerDave on 21 Nov 2026, 9:14 pm", "byline or credit",
     "The first reply, by a miller from Devon, said the starter was only hungry."),
    ("Resposta #3 de rui_m em 2 dez 2026, 21:07", "byline or credit",
     "A resposta do ministro chegou três dias depois, por carta."),
    ("Braga, São Vicente · Publicado hoje às 11:42", "byline or credit",
     "O decreto foi publicado hoje às 11h42 no Diário da República, disse o ministério."),
    ("Listed yesterday at 9:15", "byline or credit",
     "The house was listed yesterday at a price far below what the owners had paid for it."),
    ("Rui Carvalho · Utilizador desde 2019 · Responde normalmente em 1 hora", "byline or credit",
     "O Rui é utilizador da biblioteca desde 2019 e responde às cartas dos leitores."),
    ("ACM classes: I.2.7", "catalogue field",
     "The classes of the ACM's scheme were revised in 2012, and I.2.7 now covers language."),
    ("Journal reference: Marine Ecology 41 (2027) 112-130", "catalogue field",
     "The journal's reference list runs to nine pages, most of them papers on seagrass."),
    ("Linha Verde do Ambiente: 800 203 112 (chamada gratuita, dias úteis das 9h às 17h)", "contact prompt",
     "A linha verde do ambiente recebeu 800 chamadas em novembro, quase todas sobre monos."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


# ------------------------------------------------------------------ shapes in their place


@pytest.mark.parametrize("signature", ['Dave — "Flour, water, salt, time."', 'Jo Price – “Bake, share, repeat.”'])
def test_a_name_and_a_quoted_motto_under_a_post_is_its_signature(make_app: AppFactory, tmp_path: Path,
                                                                 signature: str) -> None:
    page = "\n".join(["Starter smells of acetone", STORY, signature, BRIDGE]) + "\n"
    texts, reasons = page_tasks(make_app, tmp_path, "thread.txt", page)
    assert signature not in texts and "a signature: a name and a quoted motto" in reasons[signature]
    assert {STORY, BRIDGE} <= set(texts)


def test_a_quoted_line_under_no_prose_is_no_signature(make_app: AppFactory, tmp_path: Path) -> None:
    # A play's cue over its line opens the page: no post above it.
    page = "\n".join(['Ana — "Vem cá!"', STORY, BRIDGE]) + "\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "play.txt", page)
    assert 'Ana — "Vem cá!"' in texts


@pytest.mark.parametrize(("links", "language"), [
    (["Report a missed bin", "Order a new bin"], "en"),
    (["Pedir a recolha de monos", "Comunicar contentor cheio ou danificado"], "pt"),
])
def test_service_links_beside_each_other_go(make_app: AppFactory, tmp_path: Path, links: list[str],
                                            language: str) -> None:
    prose = [STORY, BRIDGE] if language == "en" else [RECOLHA, ECOPONTOS]
    page = "\n".join(["Bins and recycling", prose[0], *links, prose[1]]) + "\n"
    texts, reasons = page_tasks(make_app, tmp_path, "service.txt", page)
    assert not set(links) & set(texts) and all("a service's link" in reasons[link] for link in links)
    assert set(prose) <= set(texts)


def test_following_a_request_up_is_a_service_link_too(make_app: AppFactory, tmp_path: Path) -> None:
    # Found blind: "Acompanhar solicitação" between "Solicitar poda ..." and "Consultar espécies ..." (over prose).
    links = ["Solicitar poda ou remoção de árvore", "Acompanhar solicitação", "Consultar espécies indicadas para calçadas"]
    page = "\n".join(["Poda de árvores", RECOLHA, *links, ECOPONTOS]) + "\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "poda.txt", page)
    assert not set(links) & set(texts) and {RECOLHA, ECOPONTOS} <= set(texts)


@pytest.mark.parametrize(("heading", "paragraph", "left_out"), [
    # Found blind: a press release's box under a bold heading, its paragraph opening with when it was founded.
    ("**Sobre a Biblioteca Municipal Murilo Mendes**",
     "Fundada em 1943, a biblioteca tem 180 mil itens e recebe cerca de 90 mil visitantes por ano.", True),
    ("About Hebridean Ferries", "Founded in 1998, Hebridean Ferries operates 14 routes to 22 islands.", True),
    # A story's section on a thing that opens with something else is its content.
    ("**Sobre a Biblioteca Municipal Murilo Mendes**",
     "Os leitores pediram mais horas de abertura, e a câmara prometeu uma resposta em janeiro.", False),
])
def test_an_organisations_box_under_a_bold_heading_goes(make_app: AppFactory, tmp_path: Path, heading: str,
                                                        paragraph: str, left_out: bool) -> None:
    page = "\n\n".join(["# Acervo digital aberto", STORY, BRIDGE, RECOLHA, heading, paragraph]) + "\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "release.md", page)
    assert (paragraph not in texts) is left_out


def test_a_service_link_over_a_form_goes(make_app: AppFactory, tmp_path: Path) -> None:
    page = "\n".join(["Bin collection days", STORY, "Search for your collection day",
                      "Enter your postcode: [          ] Find", BRIDGE]) + "\n"
    texts, _reasons = page_tasks(make_app, tmp_path, "bins.txt", page)
    assert "Search for your collection day" not in texts and {STORY, BRIDGE} <= set(texts)


@pytest.mark.parametrize("page", [
    # A section's heading over its prose, and a page's title (its first line, or marked) over chrome.
    f"Blue badges\n{STORY}\nApply for a blue badge\n{BRIDGE}\n",
    "Apply for a blue badge\nPublished 3 December 2026\n" + f"{STORY}\n",
    f"[Home](/) › [Parking](/parking)\n\n# Apply for a blue badge\n\nPublished 3 December 2026\n\n{STORY}\n",
])
def test_a_service_heading_or_title_stays(make_app: AppFactory, tmp_path: Path, page: str) -> None:
    name = "badge.md" if page.startswith("#") else "badge.txt"
    texts, _reasons = page_tasks(make_app, tmp_path, name, page)
    assert "Apply for a blue badge" in texts


# ------------------------------------------------------------------ a page's <h1> that is its <title>

BODY = ("<p>A câmara aprovou ontem o orçamento de 2027, com mais dinheiro para as escolas e para os autocarros.</p>"
        "<p>O novo plano prevê ainda a reabilitação de três pontes e de duas piscinas até ao fim do mandato.</p>")
MENU = '<nav><a href="/">Início</a> <a href="/noticias">Notícias</a> <a href="/agenda">Agenda</a></nav>'


@pytest.mark.parametrize(("body", "kept"), [
    # In the header under the site's menu, and in a hero box over <main>: the page's title.
    (f"<header>{MENU}<h1>Orçamento aprovado</h1></header><main>{BODY}</main>", True),
    (f'<section class="hero"><h1>Orçamento aprovado</h1></section><main>{BODY}</main>', True),
    # A site's name: a logo linking home, or in its header over the menu (a home page's <title> is the site's name).
    (f'<header><h1><a href="/">Orçamento aprovado</a></h1>{MENU}</header><main>{BODY}</main>', False),
    (f"<header><h1>Orçamento aprovado</h1>{MENU}</header><main>{BODY}</main>", False),
])
def test_an_h1_that_is_the_whole_title_opens_the_text(tmp_path: Path, body: str, kept: bool) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Orçamento aprovado</title></head><body>{body}</body></html>", encoding="utf-8")
    [document] = HtmlLoader().load(path, "page.html")
    assert document.content.startswith("# Orçamento aprovado\n") is kept


# ------------------------------------------------------------------ the studied and blind pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning42"
# The eleven studied pages, written with their truth before any run (main 2abb585: 7 chrome lines kept of 141, 0 real
# lines dropped of 70; this probe: 0 and 0).
# The eight blind ones, written after the studied fixes and run once (main 2abb585: 8 of 89 chrome lines kept, 0 of 50
# real lines dropped; the studied fixes: 5 and 0; 1 and 0 after the fixes found blind).
TRUTH: dict[str, dict[str, Any]] = {
    **json.loads((PROBE / ".probe42_truth.json").read_text(encoding="utf-8")),
    **json.loads((PROBE / ".probe42_blind_truth.json").read_text(encoding="utf-8"))}
# As normal() has them. The office's address and hours on one line of 19 words, still kept here, goes since probe 44 by
# its shape (an office's place and its opening hours between dots).
STILL_KEPT: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_page_gives_its_real_lines_in_order_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                             name: str) -> None:
    truth = TRUTH[name]
    page = (PROBE / name).read_text(encoding="utf-8")
    tasks = [normal(text) for text in task_texts(app_of_pages(make_app, tmp_path / "pages", {name: page}))]
    real = list(dict.fromkeys(normal(line) for line in truth["real"]))
    assert [text for text in tasks if text in real] == real
    assert {normal(line) for line, _kind in truth["chrome"]} & set(tasks) == STILL_KEPT.get(name, set())
    assert not any(normal(second) in tasks for _first, second in truth["near_duplicates"])
