"""Cleaning rules of the forty-seventh probe (4 December 2026): pages in pt-BR, pt-PT and English of site kinds earlier
probes had used less (news with paywall and newsletter overlays, WordPress comments and related posts, a gov.br page,
MediaWiki articles, SMF and phpBB threads, product pages, a README with badges, saved pages with Didomi's and
OneTrust's dialogs, text copies of pages), and cleaning46's leftovers, see fixtures/cleaning47/README.md.

A forum's reads count and quote header, a byline's credit word over a numeric date, an app store's data-safety lines
and rank, an e-mail's booking button and a pt-PT unsubscribe line are chrome; the HTML loader takes a
footnote's marker out of its sentence, puts back an <h1> the extraction dropped between two lines it kept (an e-mail's in
a layout table), leaves a wiki's infobox out, and names a left-out block by its class's words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from plugins.loaders import LEFT_OUT_BY_LOADER, HtmlLoader
from tests.test_cleaning46 import assert_probe_page
from tests.test_preload import app_of_pages, assert_probe_chrome

AppFactory = Callable[..., Flask]


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("(Read 1,843 times)", "engagement count", "I read it 12 times before the exam, and it still made no sense."),
    ("(Lido 212 vezes)", "engagement count", "O livro foi lido 212 vezes na biblioteca da escola no ano passado."),
    ("Quote from: dave_in_derby on December 01, 2026, 07:41:12 PM", "byline or credit",
     "The quote from the engineer on Monday was £420 for the new valve."),
    ("joana_sintra escreveu: 30 nov 2026, 18:22", "byline or credit",
     "A Joana escreveu em 30 de novembro que o míldio tinha voltado."),
    ("Texto de Rui Pacheco · 04/12/2026 - 09:20", "byline or credit",
     "O texto de Rui Pacheco foi publicado no dia 4 e lido por muitos agricultores."),
    ("Nenhum dado compartilhado com terceiros", "privacy notice",
     "A prefeitura disse que nenhum dado dos alunos foi compartilhado com a empresa."),
    ("Os dados são criptografados em trânsito", "privacy notice",
     "O banco diz que os dados dos clientes estão protegidos desde a mudança de sistema."),
    ("#14 in Weather", "engagement count", "The app climbed to 14th in the weather category after the storm."),
    ("Book a free ticket", "button or link label", "Book a free ticket at the desk on the day of your visit."),
    ("Reservar o meu exemplar", "button or link label", "Quis reservar o meu exemplar, mas a livraria já não tinha."),
    ("Para deixar de receber as nossas novidades, cancele a subscrição aqui. Pode também alterar as suas preferências.",
     "mailing notice", "Os leitores podem deixar a livraria a qualquer hora, disse o livreiro."),
])
def test_a_probe_47_chrome_line_goes_and_a_sentence_of_its_words_stays(chrome: str, kind: str, content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


WIKI = """<!DOCTYPE html><html lang="pt"><head><title>Rio Vouga – Wikipédia</title></head><body><main>
<h1>Rio Vouga</h1><table class="infobox"><tr><th>Comprimento</th><td>148 km</td></tr></table>
<p>O rio Vouga nasce na serra da Lapa e corre 148 quilómetros até à ria de Aveiro.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<p>A sua bacia tem 3635 quilómetros quadrados e abastece de água a cidade de Aveiro.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<div class="sharedaddy"><p>Partilhe este artigo com os seus amigos nas redes sociais</p></div>
</main></body></html>
"""


def test_a_footnotes_marker_and_an_infobox_are_no_text_and_a_blocks_class_names_it(tmp_path: Path) -> None:
    (tmp_path / "vouga.html").write_text(WIKI, encoding="utf-8")
    [document] = HtmlLoader().load(tmp_path / "vouga.html", "vouga.html")
    assert "[1]" not in document.content and "[2]" not in document.content
    assert "ria de Aveiro." in document.content and "Comprimento" not in document.content
    reasons = {document.text[part.start:part.end]: part.reason for part in document.left_out}
    assert reasons["Comprimento: 148 km"].startswith(f"{LEFT_OUT_BY_LOADER}: wiki's summary box by its markup's name")
    assert reasons["Partilhe este artigo com os seus amigos nas redes sociais"].startswith(
        f"{LEFT_OUT_BY_LOADER}: share box by its markup's name")


# ------------------------------------------------------------------ the studied and blind pages


PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning47"
# The nine studied pages, written with their truth before any run (main 3ad5904: 7 of 138 chrome lines kept, 2 of 46
# real lines dropped, 9 tasks no line names; this probe: see STILL_*). The six blind ones, written before any run and
# run once at 7f012d3 (main: 2 of 94 kept, 5 of 26 dropped, 7 unnamed; the one run: 1, 3 and 5).
TRUTH: dict[str, dict[str, Any]] = {
    **json.loads((PROBE / ".probe47_truth.json").read_text(encoding="utf-8")),
    **json.loads((PROBE / ".probe47_blind_truth.json").read_text(encoding="utf-8"))}
# A phpBB post's paragraphs and its topic's <h2>, outside the blocks the extraction reads (found blind), come back since
# loader 17 reads a thread post by post (probe 48).
STILL_DROPPED: dict[str, set[str]] = {}
# Earlier probes' truths have a shop's reviews heading real (probes 28 to 33) and a README's contributing section
# (probe 30), where this probe's has them chrome. (A wiki infobox's title that is the article's, "Rio Mondego", was
# pinned here as kept: it is no segment at all, the kept "Rio Mondego" is the page's <h1>, a real line; the pin could
# not fail and is gone since s47-cleaning2. A wiki's hatnote goes since probe 48's hatnote cue.)
STILL_KEPT = {"produto_cafeteira_loja.html": {"Avaliações dos clientes"},
              "product_walking_boots.html": {"Customer reviews"},
              "README_tidekit.md": {"Contributing", "Pull requests are welcome. For major changes, please open an "
                                                      "issue first to discuss what you would like to change."}}
# A shop's specification rows (real in probe 28's truth and probe 48's decision, chrome in this one's; its product code
# goes since probe 48) and a README's code block without its fences (a phpBB post's profile line and its quote run
# together with its header, found blind, are gone with loader 17).
STILL_UNNAMED = {"produto_cafeteira_loja.html": {"Voltagem: 127V", "Potência: 800 W", "Garantia: 12 meses"},
                 "product_walking_boots.html": {"Upper: Suede / mesh", "Waterproof: Yes"},
                 "README_tidekit.md": {"pip install tidekit"}}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_probe_47_page_gives_its_real_lines_in_order_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                                name: str) -> None:
    app = app_of_pages(make_app, tmp_path / "pages", {name: (PROBE / name).read_bytes()})
    assert_probe_page(app, TRUTH[name], STILL_DROPPED.get(name, set()), STILL_KEPT.get(name, set()),
                      STILL_UNNAMED.get(name, set()))
