"""Cleaning rules of the twenty-eighth probe (3 December 2026): twelve pages of kinds the earlier probes used little (a
government press release, a recipe blog with its page's tools, a forum thread with signatures and quoted replies, a
shop's product page, a live blog, a newsletter e-mail saved as text, a Substack post in Portuguese, a report exported
from PDF, a wiki page, a podcast's transcript, a job ad, a journal's abstract page), in fixtures/cleaning28.

What an annotation team expects of them: a signature under its "--" is the member's, not the post; a forum's "Quote
from: ... on <date>" heads a copy of a post above; a report's contents list and its page numbers by the form feed are
the printout's; a live blog's entry headline under its time heads the entry; a recipe's title over "Pular para a
receita · Imprimir receita" is the page's, those are its tools and no site's menu; a text e-mail's "[Confirme sua
presença]" is a button."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from plugins.loaders import HtmlLoader, shortens
from server.boilerplate import Position, boilerplate_reason, is_contents_entry
from tests.test_cleaning_probe17 import assert_page_matches_truth, page_tasks
from tests.test_preload import assert_kept, assert_left_out, assert_probe_chrome

AppFactory = Callable[..., Flask]
PROBE = Path(__file__).parent.parent / "fixtures" / "cleaning28"
# The twelve studied pages, written with their truth before any run, and the eight blind ones written after the fixes
# and run once (9 chrome lines kept of 132, 9 real lines dropped of 70); the misses fixed after are tested below.
TRUTH = {**json.loads((PROBE / ".probe28_truth.json").read_text(encoding="utf-8")),
         **json.loads((PROBE / ".probe28_blind_truth.json").read_text(encoding="utf-8"))}
# What the rules still miss on the studied pages, as `normal` has the lines: a wiki's section headings keep their
# "[edit]" and go; a heading over a line of chrome ("Customer reviews" over "Sort by: ...") goes. Probe 29 (session
# 25) put back the list in <div>s, the product's table and the journal's headings the HTML extraction dropped, kept a
# plain heading under chrome over prose, and left out a report's cover lines, "Sobre a Lu:" and the affiliation.
# Probe 30 (session 26) took a wiki's "[edit]" off its headings (the truth here now names the headings without it) and
# kept a heading over its section's sort control or notice ("Customer reviews" over "Sort by: ...", "Transcript" over
# "This transcript was generated automatically", which this truth had as chrome: the heading of what was said is the
# transcript's, as "Reviews" is the reviews'). Still: a heading over its chrome section ("See also" over its links) and
# a plain text's "Customer reviews" over three lines of chrome before the first review.
STILL_KEPT: dict[str, set[str]] = {}
STILL_DROPPED: dict[str, set[str]] = {
    "wiki_tide_mill.html": {"See also"},
    "kitchen_scale_product.txt": {"About this item", "Customer reviews"},
}


# ------------------------------------------------------------------ a line's own cues


@pytest.mark.parametrize(("chrome", "kind", "content"), [
    ("Não está vendo as imagens? Veja este e-mail no seu navegador.", "mailing notice",
     "A professora pediu que os alunos vissem o vídeo no navegador da escola, porque o celular não abria."),
    ("We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. This "
     "may include adverts from us and 3rd parties based on our understanding. You can unsubscribe at any time.",
     "mailing notice", "The council said residents could sign up for the scheme at the library until Friday."),
    ("Obrigada por ler os Cadernos de Campo de Ourique! Subscreva gratuitamente para receber novas publicações e apoiar o "
     "meu trabalho.", "subscribe prompt",
     "A associação pediu aos moradores que subscrevessem a petição contra o fecho da mercearia do bairro."),
    ("Mais de 1.200 subscritores", "engagement count",
     "A petição já tem mais de 1.200 subscritores, diz a associação de moradores do bairro."),
    ("If you enjoyed this episode, please rate and review Slow Rails wherever you listen. It really helps new listeners "
     "find us.", "subscribe prompt", "Inspectors rate and review every school in the county once every four years."),
    ("Slow Rails is produced by Tinplate Audio. Music by Lena Farrow.", "agency credits",
     "The wine is produced by forty families in the village, and the music by the local band opens the harvest fair."),
    ("Show 14 earlier updates", "button or link label",
     "The app will show 14 earlier updates to the timetable before the new one starts in May."),
    ("£89.99 £119.99 Save £30.00", "price or payment",
     "The drill costs £89.99, down from £119.99, and shoppers save £30 until Sunday."),
    ("Quote from: wheelie_ken on 11 March 2026, 21:40", "quoted e-mail header",
     "A quote from the mayor on 11 March 2026 opened the report on the new bridge."),
    ("Citação de: joana_r em 3 de março de 2026", "quoted e-mail header",
     "A citação de Camões em 3 de março de 2026 abriu a sessão solene da câmara."),
    ("Página 3", "navigation", "A página 3 do relatório explica como foram gastos os 212 mil euros do ano passado."),
    # Found blind.
    ("Only 3 left in stock – order soon.", "button or link label",
     "Only 3 left the village school with a place at the grammar school this year."),
    ("RRP £24.99 · You save £7.00 (28%)", "button or link label",
     "You save money by cooking lentils at home, the council's food adviser told parents."),
    ("FREE delivery Tuesday 2 December", "button or link label",
     "The shop offered free delivery to the care home every Tuesday during the strike."),
    ("Top reviews from the United Kingdom", "button or link label",
     "The top reviews of the play came from critics in the United Kingdom and Ireland."),
    ("Tem de iniciar sessão para responder a este tópico.", "account notice",
     "O ministro tem de responder a este tópico no parlamento até ao fim do mês, disse a deputada."),
])
def test_the_probes_chrome_goes_by_its_cues_and_a_sentence_of_its_words_stays(chrome: str, kind: str,
                                                                              content: str) -> None:
    assert_probe_chrome(chrome, kind, content)


@pytest.mark.parametrize("line", [
    "Mensagem do Presidente da Direção .................................. 3",
    "2. Water quality . . . . . . . . . 12",
    "Demonstrações financeiras ………… 9",
])
def test_a_contents_entry_is_navigation(line: str) -> None:
    assert is_contents_entry(line)
    assert_left_out(line, "navigation", "a table of contents' entry")


@pytest.mark.parametrize("line", ["The total was 12....4", "Ele esperou... 3 horas", "Capítulo 3", "1998"])
def test_dots_or_a_number_without_a_leader_are_no_contents_entry(line: str) -> None:
    assert not is_contents_entry(line)


@pytest.mark.parametrize("line", ["[Confirme sua presença]", "[Donate to the PTA]"])
def test_a_buttons_text_alone_in_brackets_is_a_button(line: str) -> None:
    assert_left_out(line, "boilerplate", "button or link label: its text alone in brackets")


@pytest.mark.parametrize("line", ["[00:02:15]", "[Read more](https://example.org/more)", "Veja o vídeo [aqui]"])
def test_a_stamp_a_markdown_link_or_a_word_in_brackets_in_a_sentence_is_no_bracketed_button(line: str) -> None:
    decision = boilerplate_reason(line, Position(10, 20))
    assert decision is None or "in brackets" not in decision[1]


# ------------------------------------------------------------------ a line among its neighbours


REPORT = ("COOPERATIVA DO VALE\n\n\fCooperativa do Vale — Relatório 2025\n\nÍndice\n\n1. Mensagem .......... 3\n"
          "2. Atividade .......... 4\n\n2\n\fCooperativa do Vale — Relatório 2025\n\n1. Mensagem\n\nO ano de 2025 foi "
          "difícil para a agricultura do vale, com a seca da primavera.\n\nPágina 3\n\fCooperativa do Vale — Relatório "
          "2025\n\nA adega recebeu 4,1 milhões de quilos de uva, dos quais 70 por cento de castas brancas.\n\n4\n")


def test_a_reports_page_numbers_by_its_form_feeds_and_its_contents_go(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "relatorio.txt", REPORT)
    assert "2" not in texts and "Página 3" not in texts and "4" not in texts
    assert reasons["2"].startswith("running header or footer: a page's number by the break between pages")
    assert reasons["Atividade .......... 4"].startswith("a table of contents' entry")
    assert "O ano de 2025 foi difícil para a agricultura do vale, com a seca da primavera." in texts


def test_a_number_alone_without_a_form_feed_is_no_page_number(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Resultados da votação\n\nA favor\n\n12\n\nContra\n\n3\n\nA proposta foi aprovada pela assembleia de "
            "freguesia, com a abstenção de dois eleitos.\n")
    _texts, reasons = page_tasks(make_app, tmp_path, "votacao.txt", page)
    assert not any(reasons.get(number, "").startswith("running header or footer") for number in ("12", "3"))


FORUM = """Re: tubeless tyres on a tour?
Posted by dave_r on 12 March 2026
I have run tubeless on two long tours and never had a flat that the sealant did not fix within a minute.
--
Ride slow, see more. Touring since 1988.
Quote · Reply · Report
Posted by ana_k on 12 March 2026
Thanks!
Carry a spare tube anyway: a torn sidewall needs one, and the sealant will not close a cut that long.
"""


def test_a_motto_under_a_signatures_delimiter_goes_and_the_next_posts_reply_stays(make_app: AppFactory,
                                                                                tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "forum.txt", FORUM)
    assert reasons["Ride slow, see more. Touring since 1988."].startswith("a signature: a short line under its delimiter")
    assert "Thanks!" in texts


def test_a_markdown_rule_is_no_signatures_delimiter(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("# Notas da horta\n\nEste ano plantei tomates, feijão e abóboras no canteiro grande.\n\n---\n\n"
            "Colheita de outubro\n\nAs abóboras pesaram 31 quilos, mais do que em todos os anos anteriores.\n")
    _texts, reasons = page_tasks(make_app, tmp_path, "horta.md", page)
    assert not reasons.get("Colheita de outubro", "").startswith("a signature")


LIVE = """Storm live: trees down across Kent
Key events
Show key events only
16:42
Southern Water warns of low pressure in Gillingham
Southern Water says customers in Gillingham may have low water pressure until about 8pm, after a power cut at a pumping station.
Share
16:05
Rochester Bridge reopens
Kent Police say Rochester Bridge has reopened in both directions after a fallen tree was cleared this afternoon.
Share
"""


def test_a_live_blogs_entry_headline_under_its_time_heads_the_entry(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_tasks(make_app, tmp_path, "live.txt", LIVE)
    assert "Southern Water warns of low pressure in Gillingham" in texts and "Rochester Bridge reopens" in texts
    assert "16:42" in reasons and "Share" in reasons


def test_a_recipes_title_over_its_tools_is_the_pages_title(tmp_path: Path, make_app: AppFactory) -> None:
    page = ("# Bolo de laranja da vó Dirce\nPular para a receita · Imprimir receita\nA vó Dirce fazia esse bolo todo "
            "domingo, batido no liquidificador com a laranja inteira, casca e tudo.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "bolo.md", page)
    assert texts[0] == "Bolo de laranja da vó Dirce"
    assert "Pular para a receita · Imprimir receita" in reasons


def test_a_sites_name_over_its_menu_still_goes(make_app: AppFactory, tmp_path: Path) -> None:
    page = ("Cozinha da Lu\nReceitas · Sobre mim · Contato\nA vó Dirce fazia esse bolo todo domingo, batido no "
            "liquidificador com a laranja inteira, casca e tudo.\n")
    texts, reasons = page_tasks(make_app, tmp_path, "lu.txt", page)
    assert "Cozinha da Lu" in reasons and "Receitas · Sobre mim · Contato" in reasons and texts[0].startswith("A vó")


PDF_PAGES = ("Freguesia de Lamas · Plano 2027          Pág. 2\n\nO orçamento total é de 1.240.000 euros, mais 8 por cento "
             "do que em 2026.\n\n- 2 -\n\fFreguesia de Lamas · Plano 2027          Pág. 3\n\nOs subsídios às 14 "
             "associações da freguesia sobem para 62.000 euros.\n\n- 3 -\n")


def test_a_running_header_closed_by_its_page_number_by_a_form_feed_goes(make_app: AppFactory, tmp_path: Path) -> None:
    # Found blind: two copies only, each with its own number, are no repeated line.
    texts, reasons = page_tasks(make_app, tmp_path, "plano.txt", PDF_PAGES)
    assert reasons["Freguesia de Lamas · Plano 2027          Pág. 3"].startswith("running header or footer")
    assert reasons["2 -"].startswith("running header or footer")  # "- " opens a list item: layout
    assert texts == ["O orçamento total é de 1.240.000 euros, mais 8 por cento do que em 2026.",
                     "Os subsídios às 14 associações da freguesia sobem para 62.000 euros."]


NEWSLETTER = """What a term it has been! Here is what is coming up before Christmas at the school.
Autumn fair
The autumn fair is on Saturday 6 December from 11am to 2pm in the school hall, with a tombola and a cake stall.
Uniform swap
Pre-loved uniform will be on the playground every Friday after school until the end of term.
Helpful 34
Our thanks go to everyone who walked in October: the sponsored walk raised money for new library books.
"""


def test_a_plain_heading_between_two_paragraphs_heads_the_one_below(make_app: AppFactory, tmp_path: Path) -> None:
    # Found blind: "Autumn fair" and "Uniform swap" were left out as labels; a count between paragraphs still goes.
    texts, reasons = page_tasks(make_app, tmp_path, "pta.txt", NEWSLETTER)
    assert "Autumn fair" in texts and "Uniform swap" in texts
    assert "Helpful 34" in reasons


def test_a_markdown_title_again_over_its_recipe_card_is_no_signature(make_app: AppFactory, tmp_path: Path) -> None:
    # Found blind: the title's two copies below the page's top went as a signature under two posts.
    page = ("[Recipes](/r) [About](/a) [Shop](/s)\n\n[Jump to Recipe](#r)\n\n# Red lentil and carrot soup\n\nThis is "
            "the soup I make on the first cold Sunday of every autumn, when the allotment gives me carrots.\n\nIt costs "
            "about £2.40 for six bowls and takes half an hour, so I always make a double batch.\n\n## Red lentil and "
            "carrot soup\n\nFry the cumin in the oil for one minute, then add the onion and cook until soft.\n")
    texts, _reasons = page_tasks(make_app, tmp_path, "soup.md", page)
    assert texts[0] == "Red lentil and carrot soup"


# ------------------------------------------------------------------ the HTML loader


def test_a_title_brought_back_goes_under_the_breadcrumb_the_page_puts_above_it(tmp_path: Path) -> None:
    # Found blind: at the text's top, over the breadcrumb, the title read as the site's name over its menu.
    page = ("<html><head><title>Campanha de vacinação chega aos bairros - Prefeitura de Lavras</title></head><body>"
            "<div><a href='/'>Prefeitura</a> <a href='/s'>Serviços</a> <a href='/n'>Notícias</a></div><div>"
            "<p>Você está aqui: Início › Notícias › Saúde</p><h1>Campanha de vacinação chega aos bairros</h1>"
            "<p>A Secretaria Municipal de Saúde realiza neste sábado a segunda etapa da campanha de vacinação de cães "
            "e gatos, com 42 postos espalhados pelos bairros da cidade.</p></div></body></html>")
    path = tmp_path / "vacinacao.html"
    path.write_text(page, encoding="utf-8")
    [document] = HtmlLoader().load(path, "vacinacao.html")
    assert document.content.split("\n")[:2] == ["Você está aqui: Início › Notícias › Saúde",
                                              "# Campanha de vacinação chega aos bairros"]


@pytest.mark.parametrize(("title", "heading", "expected"), [
    ("Densidade do caranguejo-uçá em manguezais do litoral do Paraná",
     "Densidade do caranguejo-uçá (Ucides cordatus) em manguezais do litoral do Paraná após a mortandade de 2019", True),
    ("Lumora Trail 900 review", "Lumora Trail 900 review: a light that outlasts the winter", True),
    ("Notícias da freguesia", "Notícias da freguesia de São Vicente", False),  # too few words to tell
    ("Festival de Sopas regressa ao Largo", "Mercado de Natal abre inscrições para artesãos", False),
])
def test_a_title_that_shortens_the_heading(title: str, heading: str, expected: bool) -> None:
    assert shortens(title, heading) is expected


def test_a_heading_under_the_menu_that_the_pages_title_shortens_opens_the_text(tmp_path: Path) -> None:
    page = ("<html><head><title>Densidade do caranguejo-uçá em manguezais do Paraná - Revista Costeira</title></head>"
            "<body><div><a href='/'>SciELO</a> <a href='/j'>Periódicos</a> <a href='/s'>Sobre</a></div><div>"
            "<p>Revista Costeira · v. 18 · 2026</p><h1>Densidade do caranguejo-uçá (Ucides cordatus) em manguezais do "
            "Paraná após 2019</h1><p>Estimamos a densidade de tocas ativas do caranguejo-uçá em 24 parcelas de manguezal "
            "na Baía de Paranaguá entre 2021 e 2025, e a densidade média subiu de 0,8 para 2,1 tocas.</p></div>"
            "</body></html>")
    path = tmp_path / "artigo.html"
    path.write_text(page, encoding="utf-8")
    [document] = HtmlLoader().load(path, "artigo.html")
    assert document.content.startswith("# Densidade do caranguejo-uçá (Ucides cordatus)")


# ------------------------------------------------------------------ the studied pages


def test_a_sentence_with_a_price_and_save_stays() -> None:
    assert_kept("£89.99 was the price, and you save £30.00 if you buy two before Sunday.")


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()), folder=PROBE)
