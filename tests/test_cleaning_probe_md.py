"""Cleaning rules of the Markdown-with-metadata probe (2 December 2026): pages saved by scrapers and static-site tools
(Jina Reader's "Title: / URL Source: / Published Time: / Markdown Content:" header, YAML and TOML front matter, a
Firecrawl page, a text with "Title: / Author: / Date:" header fields), on small texts written for these tests, and
the probe's six studied pages kept in fixtures/unseen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from server.boilerplate import Position
from server.segmentation import metadata_block, segment
from tests.test_cleaning_probe17 import assert_page_matches_truth, exclusion_reasons, task_texts
from tests.test_preload import NO_ANNOTATORS, app_of_pages, assert_kept, assert_left_out, assert_screen_passes

AppFactory = Callable[..., Flask]
UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"


def segments_of(text: str, unit: str = "paragraph") -> list[str]:
    spans = segment(text, unit)
    return [text[start:end] for start, end in spans]


def page_run(make_app: AppFactory, tmp_path: Path, name: str, page: str) -> tuple[list[str], dict[str, str]]:
    app = app_of_pages(make_app, tmp_path / "pages", {name: page})
    return task_texts(app), exclusion_reasons(app)


JINA = """Title: Bristol's new tram line gets the go-ahead

URL Source: https://www.example.co.uk/news/bristol-tram

Published Time: 2025-02-18T07:00:00Z

Markdown Content:
Bristol's new tram line gets the go-ahead
=========================================

The government has approved a tram line linking Temple Meads station with the airport, the mayor said.

[![Image 1: logo](https://www.example.co.uk/logo.png)](https://www.example.co.uk/)

Construction is due to start in 2027, and the first trams should run by 2031.
"""

# ------------------------------------------------------------------ segmentation


def test_a_setext_headings_underline_is_no_wrapped_text() -> None:
    # Two lines of the same width ending mid-sentence read as a hard-wrapped paragraph; the second is the underline.
    page = "Bristol's new tram line gets the go-ahead\n=========================================\n\nThe mayor said so.\n"
    assert segments_of(page)[0] == "Bristol's new tram line gets the go-ahead"
    subtitle = page.replace("=", "-")
    assert segments_of(subtitle)[0] == "Bristol's new tram line gets the go-ahead"


def test_a_tables_wide_rows_and_link_definitions_are_no_wrapped_text() -> None:
    table = ("| Bairro do Recife | Chuva em março de 2025 (mm) | Vistorias da Defesa Civil |\n"
             "| --- | --- | --- |\n| Madalena e Torre, na zona norte da cidade | 640 | 48 |\n"
             "| Ibura e Jordão, na zona sul, nos morros | 598 | 102 |\n")
    # One segment (loaders probe 3): a row alone lost the header that says what its cells are.
    assert segments_of(table) == [table.rstrip("\n")]
    links = "[1]: https://www.lisboa.pt/regulamento-azulejos-2017\n[2]: https://www.patrimoniocultural.gov.pt/azulejos\n"
    assert segments_of(links) == links.splitlines()


def test_a_hard_wrapped_paragraph_is_still_one_segment() -> None:
    wrapped = ("The council said on Monday that the new tram line would be built in three phases, starting\n"
               "with the city centre and then the southern suburbs, and that the airport link would come\n"
               "last, by 2031.\n")
    assert segments_of(wrapped) == [wrapped.strip()]


def test_the_metadata_block_is_one_segment_and_every_segment_a_slice() -> None:
    front = ('---\ntitle: "Ponte Luís I"\ndate: 2025-03-08\ntags: [porto]\n---\n\n# Ponte Luís I\n\n'
             'A ponte tem dois tabuleiros.\n')
    toml = '+++\ntitle = "Ponte Luís I"\ndate = 2025-03-08\n+++\n\n# Ponte Luís I\n\nA ponte tem dois tabuleiros.\n'
    jina_end = JINA.index("Markdown Content:") + len("Markdown Content:")
    for page, block_end in ((front, front.index("\n\n")), (toml, toml.index("\n\n")), (JINA, jina_end)):
        for unit in ("paragraph", "sentence"):
            spans = segment(page, unit)
            assert spans[0] == (0, block_end)
            assert all(page[start:end] == page[start:end].strip() for start, end in spans)


def test_a_page_opening_with_a_rule_or_a_title_sentence_has_no_metadata() -> None:
    # A thematic break over prose (no "key:" field) is no front matter; a "Title:" line alone is no header of fields.
    assert metadata_block("---\n\nThe first surprise: it was raining.\n\n---\n") is None
    assert metadata_block("Title: the word on the sign was the only one in English.\n\nIt rained all day.\n") is None
    assert metadata_block("Title: Field notes\nAuthor: H. Prado\n\nIt rained.\n") is not None


def test_a_header_of_fields_keeps_its_title_when_no_heading_repeats_it() -> None:
    page = "Title: Quarterly notes\nAuthor: J. Smith\nDate: 2024-05-02\n\nThe committee approved the budget.\n"
    assert segments_of(page) == ["Title:", "Quarterly notes", "Author: J. Smith\nDate: 2024-05-02",
                                 "The committee approved the budget."]
    # Its title is the page's heading below, whole or as the headline before " | <site>".
    assert metadata_block(JINA).title is None  # type: ignore[union-attr]
    piped = JINA.replace("go-ahead\n\nURL", "go-ahead | West Country Post\n\nURL")
    assert "| West Country Post" in piped
    assert metadata_block(piped).title is None  # type: ignore[union-attr]


def test_an_html_comment_is_one_segment_outside_code_blocks() -> None:
    page = "Texto.\n\n<!--\n  notas do rascunho\n-->\n\n```html\n<!-- fica -->\n```\n\nUma frase com <!-- no meio -->.\n"
    segments = segments_of(page)
    assert "<!--\n  notas do rascunho\n-->" in segments
    assert "<!-- fica -->" in segments and "Uma frase com <!-- no meio -->." in segments


def test_text_around_a_comment_or_a_fence_in_the_metadata_stays_a_segment() -> None:
    # A comment under a hard-wrapped line: the line is still a segment, nothing of the text goes unlisted.
    wrapped = ("The council said on Monday that the new tram line would be built in three phases, starting\n"
               "<!-- check the date with the council -->\n")
    assert segments_of(wrapped) == wrapped.splitlines()
    # A fence inside the front matter is the metadata's, and opens no code block over the page.
    page = "---\ntitle: Notes\nsnippet: |\n  ```\n---\n\nThe first line of the page.\n\nThe second.\n"
    assert segments_of(page) == ["---\ntitle:", "Notes", "snippet: |\n  ```\n---", "The first line of the page.",
                                 "The second."]


# ------------------------------------------------------------------ cleaning


def test_a_scrapers_header_goes_as_one_and_the_title_heading_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_run(make_app, tmp_path, "jina.md", JINA)
    assert texts[0] == "Bristol's new tram line gets the go-ahead"
    assert "the scraper's header" in reasons[JINA[: JINA.index("Markdown Content:") + 17]]
    logo = "[![Image 1: logo](https://www.example.co.uk/logo.png)](https://www.example.co.uk/)"
    assert "linked image" in reasons[logo]
    assert "Construction is due to start in 2027, and the first trams should run by 2031." in texts


def test_a_short_setext_title_stays_and_a_linked_image_with_words_after_it_stays(make_app: AppFactory,
                                                                                tmp_path: Path) -> None:
    page = ("Sports Day\n==========\n\n"
            "Our annual Sports Day will take place on Wednesday 18 June on the school field.\n\n"
            "[![Photo](https://example.org/field.jpg)](https://example.org/gallery) Children racing on the school "
            "field last year, in the rain.\n")
    texts, _reasons = page_run(make_app, tmp_path, "sports.md", page)
    # A title of two words reads as a label; under its underline it is the page's first heading.
    assert texts[0] == "Sports Day"
    assert texts[-1].endswith("Children racing on the school field last year, in the rain.")


def test_the_document_unit_keeps_the_whole_page_with_its_metadata(make_app: AppFactory, tmp_path: Path) -> None:
    (tmp_path / "jina.md").write_text(JINA, encoding="utf-8")
    app = make_app(SOURCES=[str(tmp_path / "jina.md")], DISABLE_PLUGINS=NO_ANNOTATORS, TASK_UNIT="document")
    assert task_texts(app) == [JINA.strip()]


FRONT_MATTER = """---
title: "Como a IA muda o jornalismo"
date: 2025-03-14
tags: [ia, jornalismo]
author: Maria Silva
---

# Como a IA muda o jornalismo

A redação do jornal passou a usar modelos de linguagem para resumir relatórios públicos, segundo a editora-chefe.

<!-- comentário interno: revisar antes de publicar -->

Os repórteres dizem que o tempo gasto com transcrições caiu 40% desde janeiro.

<!-- a frase abaixo fica --> Os editores revêem cada resumo.
"""


def test_front_matter_goes_as_one_and_the_heading_under_it_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_run(make_app, tmp_path, "post.md", FRONT_MATTER)
    # The heading was left out as a read-also list's title under "tags:".
    assert texts[:2] == ["Como a IA muda o jornalismo", FRONT_MATTER.splitlines()[9]]
    assert "front matter" in reasons[FRONT_MATTER[: FRONT_MATTER.index("---\n\n") + 3]]
    assert "HTML comment" in reasons["<!-- comentário interno: revisar antes de publicar -->"]
    # A line that goes on after its comment is text.
    assert "<!-- a frase abaixo fica --> Os editores revêem cada resumo." in texts


NOTES = """Title: Quarterly notes
Author: J. Smith
Date: 2024-05-02

The committee approved the new budget of $2.3 million after a two-hour debate.

Title: the name of the new fund was chosen by the members, after a vote.

Author: the committee's chair wrote the report herself, over three weekends.
"""


def test_a_texts_header_fields_go_and_its_title_and_body_fields_stay(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_run(make_app, tmp_path, "notes.txt", NOTES)
    lines = NOTES.splitlines()
    assert texts == ["Quarterly notes", lines[4], lines[6], lines[8]]
    assert "header of fields" in reasons["Author: J. Smith\nDate: 2024-05-02"]


REFERENCES = """# Restaurar azulejos

O regulamento municipal proíbe a demolição de fachadas revestidas a azulejo, segundo a [Câmara][1].

[^1]: Dados do relatório anual da associação de proprietários.

[1]: https://www.lisboa.pt/regulamento-azulejos
[2]: https://www.patrimoniocultural.gov.pt/ "Património Cultural"
[3]: veja o regulamento na página da câmara, secção de urbanismo.
"""


def test_a_links_reference_definition_goes_and_a_footnote_stays(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_run(make_app, tmp_path, "azulejos.md", REFERENCES)
    assert "reference definition" in reasons["[1]: https://www.lisboa.pt/regulamento-azulejos"]
    assert "reference definition" in reasons['[2]: https://www.patrimoniocultural.gov.pt/ "Património Cultural"']
    # The footnote's text stays; its "[^1]: " label is a marker, as a list's number is (probe 27).
    assert "Dados do relatório anual da associação de proprietários." in texts
    assert "[3]: veja o regulamento na página da câmara, secção de urbanismo." in texts


TABLE = """# Chuva no Recife

A Apac registrou 612 milímetros de chuva em março no Recife, o maior volume desde 2005.

| Mês | Chuva em 2025 (mm) | Média (mm) |
| --- | --- | --- |
| Janeiro | 98 | 110 |
| Fevereiro | 187 | 165 |
| Março | 612 | 310 |

A Defesa Civil fez 214 vistorias em áreas de morro, segundo a prefeitura.

| [Início](/) | [Cidades](/cidades) | [Contato](/contato) |
| --- | --- | --- |
"""


def test_a_markdown_table_stays_whole_and_a_table_of_links_goes(make_app: AppFactory, tmp_path: Path) -> None:
    texts, reasons = page_run(make_app, tmp_path, "chuva.md", TABLE)
    lines = TABLE.splitlines()
    assert "\n".join(lines[4:9]) in texts  # one task since loaders probe 3: each row with its columns' names
    assert "a menu" in reasons["\n".join(lines[12:14])]


# Found blind: a reuse licence in words closing a report.
LICENCES = [
    ("This report may be shared freely with attribution.",
     "The quote was used with attribution, and the report can be shared with the council, the editor said."),
    ("Este texto pode ser reproduzido desde que citada a fonte.",
     "A fonte citada pelo jornal pode ser ouvida no processo, segundo o juiz."),
]


@pytest.mark.parametrize(("text", "content"), LICENCES)
def test_a_reuse_licence_in_words_goes_and_its_words_in_a_sentence_stay(text: str, content: str) -> None:
    assert_left_out(text, "boilerplate", "copyright notice")
    assert_kept(content)
    for position in (Position(5, 30), Position(1, 30), Position(29, 30)):
        assert_screen_passes([text], position)


# ------------------------------------------------------------------ the studied pages

# The six studied pages' truth, and the four pages kept back as a blind check until the fixes above were made (run once
# then, and fixed after as "found blind").
TRUTH = json.loads((UNSEEN / ".probe_md_truth.json").read_text(encoding="utf-8")) | json.loads(
    (UNSEEN / ".probe_md_blind_truth.json").read_text(encoding="utf-8"))

# What the studied pages still get wrong: chrome lines kept, real lines dropped. Anything else wrong fails the test.
# (Cleaning probe 20 fixed the two left here: a byline whose bar Firecrawl escaped, "Por [Renata Vilela](...) \\|
# 12/03/2025", and the site's name under the header's kept title, "Junta de Freguesia de Campanhã".)
STILL_KEPT: dict[str, set[str]] = {}
STILL_DROPPED: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_studied_page_keeps_its_real_lines_and_leaves_out_its_chrome(make_app: AppFactory, tmp_path: Path,
                                                                      name: str) -> None:
    assert_page_matches_truth(make_app, tmp_path, name, TRUTH[name], STILL_KEPT.get(name, set()),
                              STILL_DROPPED.get(name, set()))
