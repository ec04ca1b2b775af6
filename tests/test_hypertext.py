"""A HyperText page laid out as Label Studio 1.23.2's editor lays it out
(docs/hypertext.md): the text the annotators read, and a span of it as the
XPaths and offsets of a HyperTextLabels region."""

from __future__ import annotations

import pytest

from server.hypertext import rendered_page


def region(html: str, words: str, inline: bool = True, occurrence: int = 0) -> dict | None:
    page = rendered_page(html, inline)
    start = -1
    for _ in range(occurrence + 1):
        start = page.text.index(words, start + 1)
    return page.region_value(start, start + len(words))


def test_a_name_in_a_nested_inline_tag():
    html = "<div><p>Disse <i>a <b>Maria Silva</b></i> ontem.</p></div>"
    assert region(html, "Maria Silva") == {
        "start": "/div[1]/p[1]/i[1]/b[1]/text()[1]", "startOffset": 0,
        "end": "/div[1]/p[1]/i[1]/b[1]/text()[1]", "endOffset": 11,
        "globalOffsets": {"start": 8, "end": 19}, "text": "Maria Silva"}


def test_a_span_across_an_element_boundary_starts_and_ends_in_different_nodes():
    html = "<p>A <b>Maria</b> Silva chegou</p>"
    assert region(html, "Maria Silva") == {
        "start": "/p[1]/b[1]/text()[1]", "startOffset": 0, "end": "/p[1]/text()[2]", "endOffset": 6,
        "globalOffsets": {"start": 2, "end": 13}, "text": "Maria Silva"}


def test_entities_are_one_character_each():
    # &amp; is "&" and &nbsp; U+00A0 in the text node: offsets count them once.
    html = "<p>Ponte&nbsp;&amp; Cia. e Lula</p>"
    page = rendered_page(html, True)
    assert page.text == "Ponte\u00a0& Cia. e Lula"
    assert region(html, "Lula") == {"start": "/p[1]/text()[1]", "startOffset": 15, "end": "/p[1]/text()[1]",
                                    "endOffset": 19, "globalOffsets": {"start": 15, "end": 19}, "text": "Lula"}


def test_a_br_is_a_line_break_and_one_global_offset():
    html = "<p>Brasília<br>Lula</p>"
    assert rendered_page(html, True).text == "Brasília\nLula"
    # The text after the <br> is the paragraph's second text node; the <br> counts one, as the editor's addBR.
    assert region(html, "Lula") == {"start": "/p[1]/text()[2]", "startOffset": 0, "end": "/p[1]/text()[2]",
                                    "endOffset": 4, "globalOffsets": {"start": 9, "end": 13}, "text": "Lula"}


def test_a_span_starting_on_a_br_is_dropped():
    page = rendered_page("<p>Brasília<br>Lula</p>", True)
    assert page.region_value(8, 13) is None


def test_a_comment_is_gone_and_the_texts_around_it_are_one_node():
    # Label Studio's sanitizer drops comments: "Petro" and "bras" are one text node.
    html = "<p>A Petro<!-- quebra -->bras e <i>Lula</i></p>"
    assert rendered_page(html, True).text == "A Petrobras e Lula"
    assert region(html, "Petrobras") == {"start": "/p[1]/text()[1]", "startOffset": 2, "end": "/p[1]/text()[1]",
                                         "endOffset": 11, "globalOffsets": {"start": 2, "end": 11},
                                         "text": "Petrobras"}
    assert region(html, "Lula")["start"] == "/p[1]/i[1]/text()[1]"


def test_a_script_and_its_text_are_gone():
    html = "<p>Lula</p><script>var Petrobras = 1;</script><p>Petrobras</p>"
    page = rendered_page(html, True)
    assert "var" not in page.text
    assert region(html, "Petrobras") == {"start": "/p[2]/text()[1]", "startOffset": 0, "end": "/p[2]/text()[1]",
                                         "endOffset": 9, "globalOffsets": {"start": 4, "end": 13},
                                         "text": "Petrobras"}


def test_a_style_counts_in_the_offsets_but_is_read_as_spaces():
    html = "<style>p{color:red}</style><p>Lula</p>"
    page = rendered_page(html, True)
    assert page.text.strip() == "Lula" and "color" not in page.text
    assert region(html, "Lula") == {"start": "/p[1]/text()[1]", "startOffset": 0, "end": "/p[1]/text()[1]",
                                    "endOffset": 4, "globalOffsets": {"start": 12, "end": 16}, "text": "Lula"}


def test_blocks_are_read_apart_without_a_global_offset():
    html = "<p>Lula</p><p>Petrobras</p>"
    page = rendered_page(html, True)
    assert page.text == "Lula\nPetrobras"
    assert region(html, "Petrobras")["globalOffsets"] == {"start": 4, "end": 13}


def test_a_span_running_from_one_block_into_another_is_dropped():
    # A menu's items, one per <li>: the model had read "Cidades\nPolítica\nEsportes" as one name.
    page = rendered_page("<ul><li>Cidades</li><li>Política</li><li>Esportes</li></ul><p>Lula e Alckmin</p>", True)
    assert page.text.startswith("Cidades\nPolítica\nEsportes")
    assert page.region_value(0, len("Cidades\nPolítica")) is None
    assert page.region_value(page.text.index("Lula"), page.text.index(" e ")) is not None  # within one block


def test_inline_tags_are_read_together():
    # The guard: no break between inline elements ("<b>Petro</b><i>bras</i>" is one word on the screen).
    assert rendered_page("<p><b>Petro</b><i>bras</i></p>", True).text == "Petrobras"


def test_a_table_gets_the_tbody_the_browser_adds():
    html = "<table><tr><td>Lula</td><td>Petrobras</td></tr></table>"
    assert region(html, "Petrobras")["start"] == "/table[1]/tbody[1]/tr[1]/td[2]/text()[1]"


def test_in_an_iframe_the_root_is_the_body_and_the_head_is_outside():
    html = "<html><head><title>Lula</title><style>b{}</style></head><body><p>Lula e Petrobras</p></body></html>"
    page = rendered_page(html, False)
    assert page.text == "Lula e Petrobras"
    assert region(html, "Lula", inline=False) == {
        "start": "/p[1]/text()[1]", "startOffset": 0, "end": "/p[1]/text()[1]", "endOffset": 4,
        "globalOffsets": {"start": 0, "end": 4}, "text": "Lula"}


def test_inline_a_title_stays_in_the_div_and_counts():
    # innerHTML of a <div> ignores <html>/<head>/<body> but keeps <title> in place, with its text.
    html = "<html><head><title>Lula</title></head><body><p>Lula e Petrobras</p></body></html>"
    page = rendered_page(html, True)
    assert page.text == "    Lula e Petrobras"
    assert region(html, "Lula") == {"start": "/p[1]/text()[1]", "startOffset": 0, "end": "/p[1]/text()[1]",
                                    "endOffset": 4, "globalOffsets": {"start": 4, "end": 8}, "text": "Lula"}


def test_text_straight_in_the_root_is_its_text_node():
    assert region("Lula visitou", "Lula", inline=False)["start"] == "/text()[1]"


def test_offsets_within_a_node_count_utf16_units_and_global_ones_code_points():
    html = "<p>\U0001F600 Lula</p>"
    assert region(html, "Lula") == {"start": "/p[1]/text()[1]", "startOffset": 3, "end": "/p[1]/text()[1]",
                                    "endOffset": 7, "globalOffsets": {"start": 2, "end": 6}, "text": "Lula"}


def test_whitespace_between_blocks_counts():
    html = "<div>\n  <p>Lula</p>\n  <p>Petrobras</p>\n</div>"
    page = rendered_page(html, True)
    assert page.text == "\n  Lula\n  Petrobras\n"
    assert region(html, "Petrobras") == {"start": "/div[1]/p[2]/text()[1]", "startOffset": 0,
                                         "end": "/div[1]/p[2]/text()[1]", "endOffset": 9,
                                         "globalOffsets": {"start": 10, "end": 19}, "text": "Petrobras"}


@pytest.mark.parametrize("inline", [True, False])
def test_a_youtube_iframe_stays_and_other_iframes_go(inline):
    html = ('<p>a</p><iframe src="https://www.youtube.com/embed/x"></iframe><iframe src="https://ads.example/x">'
            '</iframe><p>Lula</p>')
    page = rendered_page(html, inline)
    assert [node.xpath for node in page.nodes] == ["/p[1]/text()[1]", "/p[2]/text()[1]"]


def test_misnested_tags_are_closed_where_label_studios_sanitizer_closes_them():
    # sanitize-html writes "<b><i>Lula</i></b> visitou a Petrobras": the rest is one text node of the root
    # (a browser alone would reopen the <i>: "/i[1]/text()[1]"). Checked against the editor's own code.
    html = "<b><i>Lula</b> visitou</i> a Petrobras"
    assert region(html, "Petrobras") == {"start": "/text()[1]", "startOffset": 11, "end": "/text()[1]",
                                         "endOffset": 20, "globalOffsets": {"start": 15, "end": 24},
                                         "text": "Petrobras"}


def test_a_bold_left_open_ends_with_its_list():
    # htmlparser2 closes the <b> with the </ul>; a browser alone would carry it into the paragraph.
    html = "<ul><li>Dois <b>tres</ul><p>Lula"
    assert region(html, "Lula")["start"] == "/p[1]/text()[1]"


def test_well_closed_tags_keep_their_nesting():
    # The guard: the sanitizer's closings change nothing on a page that closes its own tags.
    html = "<ul><li>Dois <b>tres</b></li></ul><p><b>Lula</b></p>"
    assert region(html, "Lula")["start"] == "/p[1]/b[1]/text()[1]"
