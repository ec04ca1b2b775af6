"""What the cleaner says of a page's markup that is no text to annotate: its metadata block (front matter, a
scraper's or a text's header of fields), an HTML comment, a linked image alone on its line, a link's reference
definition; and which Markdown lines are content in a shape chrome also takes (a table's rows, a setext heading).

Each test is gated by a character test or a dictionary look-up, so the many segments that are none of these cost
next to nothing."""

from __future__ import annotations

import re

from server.segmentation import TABLE_DELIMITER, Metadata

Reason = tuple[str, str]

METADATA_REASONS = {
    "front matter": "front matter: the page's metadata (title, date, tags...) between its fences, for the site's "
                    "generator",
    "scraper's header": "the scraper's header: the page's title, address and time, over the page's text",
    "header of fields": "the text's header of fields (author, date, source...): its metadata, over the text",
}

# Linked images alone on their line ("[![Image 1: logo](...logo.png)](https://...)", a README's row of badges): pictures,
# no text.
_LINKED_IMAGE = re.compile(r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)(?:[ \t]+\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\))*")
# HTML tags alone on a line of a Markdown page ("<img src=... alt=...>", "<div class=\"note\">", "<iframe ...></iframe>"):
# the element's markup; the words between tags, on their own lines, are the text.
_HTML_TAGS_ALONE = re.compile(r"(?:</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>[ \t]*)+")
# Wiki links alone on a line ("[[Rio Tejo]]", "[[Voluntários]] · [[Orçamento 2026]]"): links to other pages, no text.
_WIKI_LINKS_ALONE = re.compile(r"\[\[[^\]\n]+\]\](?:[ \t]*[,·•|]?[ \t]*\[\[[^\]\n]+\]\])*")
# A wikitext table's markup alone on its line ("{| class="wikitable"", a row's "|-", the closing "|}") and a template
# alone ("{{Reflist}}", an infobox's opening "{{Info/Rio" and closing "}}"): the page's layout (probe 27).
_WIKI_MARKUP_ALONE = re.compile(r"\{\|.*|\|-(?:[ \t].*)?|\|\}|\{\{[^{}\n]*(?:\}\})?|\}\}")
# A wikitext template's parameter on its line ("| nome = Rio Mondego" in an infobox's "{{Info/Rio" ... "}}").
_TEMPLATE_PARAMETER = re.compile(r"\|[ \t]*[^\W\d][\w -]*?[ \t]*=(?!=).*")
# A wikitext table's row on one line, its cells joined by "||" (or "!!" in its header row): "| Rio Dão || direita || 92 km".
_WIKI_TABLE_ROW = re.compile(r"[|!](?![-}+]).*(?:\|\||!!).*")
# A line of program text: an assignment, a call, a block's braces, a statement's end, a prompt, a pipe, an indent, an
# SQL clause in capitals ("SELECT id, nome", "FROM clientes"; found blind in probe 26), or a configuration's key, a
# lower-case name before its colon ("tempo_minutos: 40", "- name: build", a YAML block's lines; probe 27), or a
# module's import ("from tidyclip import clean", "import os", "#include <stdio.h>"; s52-acceptance2's README, whose
# two-line example was kept as prose for want of it).
_CODE_LINE = re.compile(r"[=;{}<>$`|\\]|\w\(|\(\)|^\s|^(?:SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|INSERT INTO|UPDATE|"
                        r"DELETE FROM|CREATE TABLE|ALTER TABLE|VALUES)\b|^(?:- )?[a-z_][\w.-]*:(?:[ \t]|$)"
                        r"|^(?:from [\w.]+ import|import [\w.]+(?: as \w+)?$|#include\b)")
# A link's reference definition ("[1]: https://... "Title""): the address a "[text][1]" link points to.
_REFERENCE_DEFINITION = re.compile(
    r"\[[^\]^][^\]]*\]:[ \t]*<?(?:[a-z][\w+.-]*://|/|#)\S*>?(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?")


def metadata_reason(metadata: Metadata | None, start: int, end: int) -> Reason | None:
    """Why the segment from ``start`` to ``end`` is left out as the page's metadata block (its title's value, when
    kept, is no part of it; a whole document, the "document" unit's task, is more than its metadata)."""
    if metadata is None or end > metadata.end or (metadata.title is not None and start == metadata.title[0]):
        return None
    return "boilerplate", METADATA_REASONS[metadata.kind]


def markup_line_reason(text: str) -> Reason | None:
    """Why a segment is markup alone: an HTML comment, a linked image, a link's reference definition."""
    first = text[0]
    if first == "<" and text.startswith("<!--") and text.endswith("-->"):
        return "boilerplate", "an HTML comment: a note in the page's source, not its text"
    if first == "[" and text.startswith("[![") and _LINKED_IMAGE.fullmatch(text):
        return "boilerplate", "image or caption: a linked image alone on its line, no text"
    if first == "<" and _HTML_TAGS_ALONE.fullmatch(text):
        return "boilerplate", "HTML tags alone on their line: an element's markup, no text"
    if first == "[" and text.startswith("[[") and _WIKI_LINKS_ALONE.fullmatch(text):
        return "boilerplate", "wiki links alone on their line: links to other pages, no text"
    if first == "[" and _REFERENCE_DEFINITION.fullmatch(text):
        return "boilerplate", "a link's reference definition: the address a '[text][1]' link points to, no text"
    if first in "{|}" and _WIKI_MARKUP_ALONE.fullmatch(text):
        return "boilerplate", "wikitext markup alone on its line (a table's or template's braces and bars), no text"
    return None


def template_parameter_reason(document: str, start: int, text: str) -> Reason | None:
    """Why a segment is a parameter of the wikitext template open above it (an infobox's "| comprimento = 234 km"):
    the template's data for the page's layout, as front matter is."""
    if text[0] != "|" or not _TEMPLATE_PARAMETER.fullmatch(text) \
            or document.rfind("{{", 0, start) <= document.rfind("}}", 0, start):
        return None
    return "boilerplate", "a wikitext template's parameter (an infobox's field), the page's layout data"


def code_reason(text: str) -> Reason | None:
    """Why a fenced code block's text is left out: it has lines, most of them program text (assignments, calls,
    braces...), not prose to annotate. A block of one line stays one task, a command as the page shows it ("pip install
    tidepool", "curl -fsSL https://... | sudo bash"), and so does a block of plain words (a text example)."""
    lines = [line for line in text.splitlines() if line.strip()]
    code_lines = sum(_CODE_LINE.search(line) is not None for line in lines)
    if len(lines) < 2 or 2 * code_lines <= len(lines):
        return None
    return "code", f"a fenced code block of program text ({code_lines} of its {len(lines)} lines read as code), not prose"


def is_table_row(document: str, start: int, text: str) -> bool:
    """Whether the segment at ``start`` is a row of words or numbers of a Markdown table (a header or delimiter row
    right above it, or it is the header over the delimiter), or a wikitext table's row on one line: the table's data.
    A row of links alone is a layout table's menu."""
    if text[0] in "|!" and _WIKI_TABLE_ROW.fullmatch(text) \
            and document.rfind("{|", 0, start) > document.rfind("|}", 0, start):  # inside a wikitext table
        return "](" not in text and any(map(str.isalnum, text))
    if not text.startswith("|") or "](" in text or not any(map(str.isalnum, text)):
        return False
    line_start = document.rfind("\n", 0, start) + 1
    row = line_start
    while row > 0:  # up the table's rows to its delimiter row
        above = document.rfind("\n", 0, row - 1) + 1
        line = document[above:row - 1]
        if not line.lstrip().startswith("|"):
            break
        if TABLE_DELIMITER.fullmatch(line):
            return True
        row = above
    line_end = document.find("\n", start)
    below_end = document.find("\n", line_end + 1) if line_end >= 0 else -1
    below = document[line_end + 1: below_end if below_end >= 0 else len(document)] if line_end >= 0 else ""
    return TABLE_DELIMITER.fullmatch(below) is not None


def is_data_table(text: str) -> bool:
    """Whether a segment is a whole Markdown table (``server.segmentation.markdown_tables``: its header row over
    its delimiter row) of words or numbers, not links: content, though its cells are split by '|' as a menu's items."""
    lines = text.split("\n", 2)
    return len(lines) > 1 and TABLE_DELIMITER.fullmatch(lines[1]) is not None and "](" not in text


def setext_level(document: str, start: int) -> int:
    """The level of the setext heading whose text is the line at ``start`` (1 under "===", 2 under "---"), or 0."""
    line_end = document.find("\n", start)
    if line_end < 0 or document[line_end + 1: line_end + 2] not in ("=", "-"):
        return 0
    below_end = document.find("\n", line_end + 1)
    underline = document[line_end + 1: below_end if below_end >= 0 else len(document)].rstrip()
    if len(underline) < 3 or len(set(underline)) != 1:
        return 0
    return 1 if underline[0] == "=" else 2
