"""A HyperText page's chrome gets no suggestion: what its menus, asides, site
banner and footer hold (by their elements or ARIA roles), and each block the
preload's cleaning leaves out of a Text task, is blanked in the text the
annotators read (RenderedPage.readable_text), offsets kept."""

from __future__ import annotations

import pytest

from server.boilerplate import document_chrome
from server.hypertext import rendered_page
from server.annotators import Span
from server.labeling import map_suggestions, object_text, parse_labeling_config

STORY = "<p>Maria Silva, a engenheira da Petrobras, visitou Recife na terça-feira para ver a obra.</p>"


def readable(html: str) -> str:
    page = rendered_page(html, True)
    assert len(page.readable_text) == len(page.text) and page.readable_text.count("\n") == page.text.count("\n")
    return page.readable_text


@pytest.mark.parametrize("chrome", [
    "<nav><a>Lula</a> <a>Dilma</a> <a>Bolsonaro</a></nav>",
    "<header><a>Jornal do Vale</a> <p>Lula, Dilma e Bolsonaro</p></header>",
    "<footer><p>Lula, Dilma e Bolsonaro</p></footer>",
    '<div role="navigation"><a>Lula</a> <a>Dilma</a></div>',
    '<div role="banner"><p>Lula, Dilma e Bolsonaro</p></div>',
    '<div role="contentinfo"><p>Lula, Dilma e Bolsonaro</p></div>',
    '<ul role="Navigation menubar"><li>Lula</li><li>Dilma</li></ul>',
    "<aside><h3>Mais lidas</h3><ul><li><a>Lula visita Dilma</a></li><li><a>Bolsonaro viaja</a></li></ul></aside>",
    '<div role="complementary"><p>Lula, Dilma e Bolsonaro</p></div>',
])
def test_a_menu_banner_or_footer_is_blanked(chrome):
    text = readable(chrome + STORY)
    assert "Lula" not in text and "Dilma" not in text and "Maria Silva" in text


@pytest.mark.parametrize("tag", ["article", "main"])
def test_an_articles_own_header_and_footer_are_read(tag):
    # Guard: <article><header> holds the story's title; its <footer> its last words.
    html = (f"<{tag}><header><h1>Lula visita o Recife</h1></header>{STORY}"
            f"<footer><p>Dilma Rousseff também esteve na obra.</p></footer></{tag}>")
    text = readable(html)
    assert "Lula visita o Recife" in text and "Dilma Rousseff" in text


@pytest.mark.parametrize("chrome", ["<nav><a>Lula</a> <a>Dilma</a></nav>",
                                    "<aside><p>Leia também: Lula e Dilma</p></aside>"])
def test_a_menu_or_aside_inside_the_article_is_still_chrome(chrome):
    text = readable(f"<article>{chrome}{STORY}</article>")
    assert "Lula" not in text and "Maria Silva" in text


def test_a_block_the_cleaning_leaves_out_is_blanked():
    # No chrome element: the cookie banner and the share bar go by the preload's cues, the story stays.
    html = ("<div><p>Este site usa cookies para melhorar a sua experiência. Ao continuar, você aceita a nossa "
            "Política de Privacidade.</p></div>" + STORY + "<div><a>Compartilhe</a> <a>Facebook</a> <a>WhatsApp</a> "
            "<a>Copiar link</a></div>")
    text = readable(html)
    assert "cookies" not in text and "WhatsApp" not in text and "Maria Silva" in text


@pytest.mark.parametrize("paragraph", [
    "<p>Maria Silva abriu o menu do aplicativo e clicou em compartilhar para mandar a foto da Petrobras.</p>",
    "<p>A Receita de cookies da Maria Silva leva manteiga, açúcar mascavo e gotas de chocolate da Nestlé.</p>",
])
def test_an_articles_paragraph_with_a_menu_or_cookie_word_is_read(paragraph):
    # Guard: the cues leave out chrome, not a sentence that mentions what chrome says.
    assert "Maria Silva" in readable(f"<h1>Notícias</h1>{paragraph}{STORY}")


def test_a_short_heading_or_name_is_read():
    # The cleaning calls a title of a few words a fragment, a label it keeps or not by its neighbours (the preload
    # marks a page's <h1> a title first): a page's title and a name alone on its line are read.
    html = "<h1>Margaret Ellen Hollis</h1><p>Maria Silva</p><p>Dilma Rousseff</p>" + STORY
    page = rendered_page(html, True)
    assert [reason[0] for *_span, reason in document_chrome(page.unframed)] == ["fragment", "fragment"]
    assert "Margaret Ellen Hollis" in page.readable_text and "Dilma Rousseff" in page.readable_text


def test_a_span_reaching_into_the_chrome_gets_no_region():
    # One block, its end a menu: a name the model runs on into it is no suggestion (an annotator may still draw it).
    config = parse_labeling_config('<View><HyperText name="page" value="$html" inline="true"/><HyperTextLabels '
                                   'name="ner" toName="page"><Label value="PER"/></HyperTextLabels></View>')
    page = rendered_page(STORY.replace("</p>", ' <span role="navigation">Lula</span></p>'), True)
    start, lula = page.text.index("Maria"), page.text.index("Lula")
    spans = [Span(start, start + len("Maria Silva"), "PER", 0.9), Span(start, lula + 4, "PER", 0.9)]
    mapped = map_suggestions(config, config.objects[0], page.readable_text, spans, "r", page=page)
    assert [region["value"]["text"] for region in mapped.regions] == ["Maria Silva"]
    assert page.region_value(start, lula + 4) is not None


def test_the_annotators_read_the_page_without_its_chrome():
    # What every annotator (the sentiment's too) reads of a HyperText task.
    [obj] = [obj for obj in parse_labeling_config(
        '<View><HyperText name="page" value="$html"/><Choices name="s" toName="page"><Choice value="A"/></Choices>'
        '</View>').objects]
    text = object_text(obj, {"html": "<nav><a>Péssimo</a></nav>" + STORY})
    assert "Péssimo" not in text and "Maria Silva" in text
    # A page of chrome alone is no text to read.
    assert object_text(obj, {"html": "<nav><a>Péssimo</a> <a>Horrível</a></nav>"}) is None
