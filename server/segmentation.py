"""Split a text into paragraphs or sentences, as ``(start, end)`` offsets into it.

Offsets are Python ``str`` indices (code points), the unit Label Studio uses, and
every span is trimmed of surrounding whitespace, so ``text[start:end]`` is the
segment itself. Nothing is ever rewritten: a segment is always a slice.

Paragraphs are lines, except inside a block of hard-wrapped lines (a plain-text
habit: lines of similar width that stop mid-sentence), which is one paragraph,
and inside a Markdown fenced code block, whose lines are one segment in either
unit (its fence lines one each). The metadata block opening a page (YAML or TOML
front matter, a scraper's or a text's header of fields) and an HTML comment are
one segment each too (see ``page_markup_units``).
Sentences end at a line break, always, and at ``. ! ? …`` followed by a capital,
digit or opening quote, unless the word before the period is an abbreviation of
the text's language (``Dra.``, ``Ltda.``, ``jan.``, ``Mr.``, ``e.g.``) or an initial.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from server.config import UNITS

# Abbreviations that are followed by a period and rarely end a sentence,
# lower-cased, without the final period.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "pt": frozenset(
        "sr sra srs sras srta dr dra drs dras prof profa profs exmo exma ilmo ilma revmo "
        "eng enga arq adv des min dep sen ver pres gen cel cap ten sgto maj cmte "
        "ltda cia s.a s/a inc corp univ fac inst assoc "
        "jan fev mar abr mai jun jul ago set out nov dez "
        "seg ter qua qui sex sáb sab dom "
        "av r rod al pça pç est km n nº n.º núm num apto ap depto dpto art arts inc par cap pág pag págs pp p vol ed "
        "ex p.ex obs fig tab aprox máx max mín min tel cel res "
        "a.c d.c séc sec v vs cf id ib op cit".split()
    ),
    "en": frozenset(
        "mr mrs ms dr prof sr jr st mt rev hon gen col capt lt sgt maj gov sen rep pres "
        "inc ltd corp co bros dept univ assn "
        "jan feb mar apr jun jul aug sep sept oct nov dec "
        "mon tue tues wed thu thur thurs fri sat sun "
        "ave blvd rd apt no nos vol vols pp p ed eds fig figs approx est ca cf vs v "
        "e.g i.e a.m p.m u.s u.k u.n".split()
    ),
    "es": frozenset(
        "sr sra srta dr dra lic ing arq prof profa ud uds vd vds sres "
        "ene feb mar abr may jun jul ago sep sept oct nov dic "
        "av avda c nº núm pág págs art cap vol ed p ej aprox tel "
        "s.a s.l cía".split()
    ),
}
ALL_ABBREVIATIONS = frozenset().union(*ABBREVIATIONS.values())
# Abbreviations of one language's list and not of another's ("Mr.", "St." are English only, "Dra.", "Ltda."
# Portuguese only): a period after one ends a sentence or not by the language of its line (``split_sentences``).
ONE_LANGUAGE_ABBREVIATIONS = ALL_ABBREVIATIONS - frozenset.intersection(*ABBREVIATIONS.values())
# Abbreviations that are also everyday words ("The answer was no.", "The cat
# sat."): one is an abbreviation only before a number ("No. 5", "est. 1990")
# or written with a capital ("Sat. and Sun.", "Acme Co.").
WORD_ABBREVIATIONS = frozenset({"no", "nos", "sat", "sun", "wed", "est", "co"})

# A candidate sentence end: terminal punctuation (with closing quotes or
# brackets after it), whitespace on the same line, then something that can
# start a sentence: a capital, a digit, or a name written with a lowercase first letter and an inner capital
# ("... in August 2026. xAI signed only ...", "iPhone", "eBay"; seed-shaped probe 24).
# Its first mark is written apart from the repeat ("[.!?…][.!?…]*", as "[.!?…]+" reads): re scans for a pattern's
# first character in C only when the pattern opens with a set or a literal, not with a repeat (which it tried at every
# character: 11 -> 5.5 us a Paramopama task).
_CANDIDATE_END = re.compile(
    r"[.!?…][.!?…]*[\"'”’»)\]]*[ \t\u00a0]+(?=[\"'“‘«(\[¿¡]?(?:[A-ZÀ-ÖØ-Þ0-9]|[a-z]{1,2}[A-Z]))")
# The word just before a period: letters, inner periods and slashes (``p.ex``, ``s/a``).
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[\w./ºª]*\w)?[ºª]?)\.$")
# "et " as a word, just before the "al" of "et al.".
_ET_BEFORE = re.compile(r"(?:^|[^\w])et\s$", re.IGNORECASE | re.MULTILINE)
_LINE = re.compile(r"[^\n]+")
_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_LIST_OR_HEADING = re.compile(r"\s*(?:[-*•#>]|\d+[.)]\s)")
# A task list's box after its bullet ("- [ ] ", "- [x] ") and a callout's type after its quote mark ("> [!note] ", as
# Obsidian and GitHub write them) are layout too; so is a Markdown footnote's label opening its definition ("[^1]: ",
# probe 27), as a list's number is, and a wikitext table's caption mark ("|+ Tráfego diário").
_MARKER = re.compile(r"(?:#{1,6}|>|[-*+•]|\d{1,3}[.)]|\[\^[^\]\s]+\]:|\|\+)[ \t]+"
                     r"(?:\[[ xX]\][ \t]+|\[![A-Za-z-]+\][+-]?[ \t]+)?")
# An encyclopedia's edit link glued to its section's heading when the page is copied: "Ver também[editar | editar
# código-fonte]", "History[edit]". It is the page's control, not the heading's text (probe 30).
EDIT_LINK = re.compile(r"[ \t]*\[(?:editar|edit)(?: \| editar c[óo]digo-fonte| source)?\][ \t]*$")
# A wikitext heading: its text between runs of two to six "=" ("== História ==", "=== Construção ==="; probe 27).
WIKI_HEADING = re.compile(r"(={2,6})[ \t]*([^=\s](?:[^\n]*?[^=\s])?)[ \t]*\1\s*")
# A line that opens or closes a Markdown code fence; an opening one may name the language.
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$", re.M)

# A setext heading's underline: "=" or "-" alone on the line under the heading's text.
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
# A Markdown link's or footnote's definition opening a line: "[1]: ", "[^nota]: ".
_DEFINITION = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]")

# Hard-wrapped blocks: lines no longer than this, and at least this long
# (except the last line of the block).
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 40
# A PDF's text dump of an A4 page in a 10-point font runs to 110 characters a line (probe 46's council minutes): a
# block this wide is wrapped when its lines are as even as a wrap column makes them, each that goes on mid-sentence
# at least WRAP_EVEN_SHARE of the widest (a stack of a menu, a title and a sentence is not).
DUMP_WRAP_MAX_WIDTH = 120
WRAP_EVEN_SHARE = 0.8
# A wrapped block's line closing a sentence at less than this share of the block's widest line closes a paragraph.
PARAGRAPH_END_SHARE = 0.7
# A gap of this many spaces between two words lays a line out in columns (a PDF's running header: "Diário da
# República, 2.ª série      PARTE H      N.º 233"), which wrapped prose's lines never are.
_COLUMN_GAP = re.compile(r"\S {4,}\S")
# A line that opens with a capitalised label of one to three words and its colon: a field of a header ("De: Maria
# Fernandes <maria@...>", "Enviado em: terça-feira, ...", "Relator: ..."), one a line however wide; wrapped prose's
# lines go on mid-sentence and rarely open with one (probe 44's e-mail thread).
_FIELD_LINE = re.compile(r"[ \t]*[A-ZÀ-Þ][^\W\d_]*(?: [^\W\d_]+){0,2}:[ \t]")
_SENTENCE_FINAL = tuple(".!?…:;\"'”»)")
# A separator between a menu's or a details line's items ("Filter by: All events · Children · Adults", "‹ November
# 2026 | December 2026 ›"): a line with two of them is one line of items, which wrapped prose's lines rarely are, and
# two such lines with no blank line between (a Markdown export's soft line break) are two lines (probe 45). A line
# holding one middle dot between spaces over a line that opens with no small letter is a details line over the next
# (a newsletter's "Agrupamento de Escolas de Ílhavo · Newsletter n.º 12" over "Dezembro de 2026", s48-cleaning, was one
# paragraph); prose wrapped after one goes on in a small letter ("... · the first time to discuss the" over "plan for
# the bridge, ...", probe 45).
_ITEM_SEPARATOR = re.compile(r"[ \t](?:·|\||›|‹|•)[ \t]")


# A carriage return not followed by a newline ends a line too (classic Mac OS
# text, some spreadsheet and mail exports): read as "\n", which keeps offsets.
# A page's dateline: when it went up or was updated, with a figure ("Publicado a 3 de dezembro de 2026", "Posted 5
# December 2026 · Ref HBS-219", "Last updated: 1 December 2026"). Under a title with no blank line between, the two are
# a title and its dateline, no wrapped paragraph: wrapped text goes on in lower case, a verb with a capital opens a line.
# A forum thread's starter line is one too ("Iniciado por peixe_betta, 29 de novembro de 2026", "Started by plot42, 30
# November 2026"; s51-cleaning's blind, s51-cleaning2).
_DATELINE = re.compile(r"[ \t]*(?:(?:Publicad|Atualizad|Actualizad|Postad)[oa]|(?:Last )?(?:[Pp]osted|[Pp]ublished|[Uu]pdated)"
                       r"|(?:Iniciad[oa]|Started) (?:por|by))\b[^\n]{0,60}?\d[^\n]{0,40}")
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")


def line_of(text: str, at: int) -> tuple[int, int]:
    """Where the line holding ``text[at]`` starts and ends (its line feed left out)."""
    line_end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if line_end < 0 else line_end


def with_newline_ends(text: str) -> str:
    """``text`` with each lone carriage return read as a newline (same length)."""
    return _LONE_CARRIAGE_RETURN.sub("\n", text) if "\r" in text else text


def segment(text: str, unit: str, language: str | None = None,
            line_language: Callable[[str], str] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` for the task ``unit``: one for the whole document, its
    paragraphs, or the sentences of its paragraphs (``split_sentences``: ``language`` is the document's,
    ``line_language`` tells a line's own)."""
    text = with_newline_ends(text)
    if unit == "document":
        span = trim(text, 0, len(text))
        return [span] if span else []
    if unit == "paragraph":
        return with_page_markup(text, with_code_blocks(text, with_tables(text, split_paragraphs(text))))
    if unit == "sentence":
        sentences = split_sentences(text, language, line_language)
        return with_page_markup(text, with_code_blocks(text, with_tables(text, sentences)))
    raise ValueError(f"unknown task unit {unit!r}; expected one of {', '.join(UNITS)}")


# A Markdown table's delimiter row ("| --- | :---: |", "---|---"), under its header row.
TABLE_DELIMITER = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*")
_TABLE_DELIMITER_LINE = re.compile(rf"^{TABLE_DELIMITER.pattern}$", re.M)


def with_whole_blocks(spans: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each of ``blocks`` as one segment, in place of the spans it overlaps."""
    if not blocks:
        return spans
    outside = [span for span in spans if not any(span[0] < end and start < span[1] for start, end in blocks)]
    return sorted(outside + blocks)


def with_tables(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each Markdown table (``markdown_tables``) as one segment, in either unit: a row alone
    ("| Bruno Lima | 31/03/2026 |") loses the header that says what its cells are (a person responsible, a
    deadline), which an annotator needs to label them, and a row with its header is no slice of the text."""
    return with_whole_blocks(spans, markdown_tables(text))


def markdown_tables(text: str) -> list[tuple[int, int]]:
    """The spans of the Markdown tables of ``text``: a header row with a '|', the delimiter row under it, and the
    rows with a '|' after them up to a blank line or a line without one (GitHub's tables)."""
    if "|" not in text or "---" not in text:  # nearly every document: no regex run
        return []
    tables = []
    for delimiter in _TABLE_DELIMITER_LINE.finditer(text):
        if delimiter.start() == 0 or (tables and delimiter.start() < tables[-1][1]):
            continue
        header_start = text.rfind("\n", 0, delimiter.start() - 1) + 1
        if "|" not in text[header_start:delimiter.start()] or not text[header_start:delimiter.start()].strip():
            continue
        end = delimiter.end()
        while end < len(text):  # the rows under it, line by line
            row_end = text.find("\n", end + 1)
            row_end = len(text) if row_end < 0 else row_end
            if "|" not in text[end + 1:row_end]:
                break
            end = row_end
        if span := trim(text, header_start, end):
            tables.append(span)
    return tables


def with_code_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each Markdown fenced code block's lines as one segment
    (its fence lines stay segments of their own): line by line, some of a
    block's lines would pass for prose and others for labels."""
    return with_whole_blocks(spans, code_bodies(text))


def code_bodies(text: str) -> list[tuple[int, int]]:
    """The trimmed text between the fences of each fenced code block that
    holds any (``` or ~~~, three or more, indented up to three spaces). A block
    left open runs to the end, as CommonMark reads it, but for the prose after
    it (see ``_open_block_end``)."""
    if "```" not in text and "~~~" not in text:  # nearly every document: no regex run
        return []
    ends, opened, body_start = [], "", 0
    metadata = metadata_block(text)  # a fence inside the page's metadata is the metadata's
    for fence in _FENCE_LINE.finditer(text, metadata.end if metadata else 0):
        if not opened:
            opened, body_start = fence.group(1), fence.end()
        elif fence.group(1)[0] == opened[0] and len(fence.group(1)) >= len(opened) and not fence.group(2).strip():
            ends.append((body_start, fence.start()))
            opened = ""
    if opened:
        ends.append((body_start, _open_block_end(text, body_start)))
    return [body for start, end in ends if (body := trim(text, start, end))]


# Code holds these; prose seldom does: an assignment, a call, a block's braces, a statement's end, a prompt, a pipe.
_CODE_MARK = re.compile(r"[=;{}<>$`|\\]|\w\(|\(\)|^\s", re.M)
# A paragraph of prose has at least this many words, most of them lower-case words.
PROSE_MIN_WORDS = 5
_LOWER_WORD = re.compile(r"[^\W\d_]*[a-zà-ÿ][^\W\d_]*[,.;:!?…]?")


def reads_as_prose(paragraph: str) -> bool:
    """Whether a paragraph reads as prose, not code: opened by a capital, closed by a sentence's end, of
    ``PROSE_MIN_WORDS`` words or more, most of them lower-case words, without code's marks."""
    words = paragraph.split()
    return len(words) >= PROSE_MIN_WORDS and paragraph[0].isupper() and paragraph.rstrip()[-1] in ".!?…:" \
        and _CODE_MARK.search(paragraph) is None and 2 * sum(map(bool, map(_LOWER_WORD.fullmatch, words))) > len(words)


def _open_block_end(text: str, body_start: int) -> int:
    """Where a code block never closed ends: before its first paragraph (after a blank line) that reads as prose, or
    at the text's end; a Markdown heading alone right over that paragraph heads it ("## Configuring the output
    folder"), though a shell comment has its shape: over code, not prose, it stays the code's. A page that lost its
    closing fence (a scraper's cut, an author's slip) would otherwise hand all its text after the code to one code
    segment, and a reader would lose it silently."""
    heading_start = None
    for block in _BLOCK.finditer(text, body_start):
        if text.count("\n", body_start, block.start()) >= 2 and reads_as_prose(text[block.start():block.end()]):
            return block.start() if heading_start is None else heading_start
        heading_start = block.start() if _HEADING_ALONE.fullmatch(text, block.start(), block.end()) else None
    return len(text)


# A Markdown heading on a block of its own: its marks, a capitalised word, no code's marks.
_HEADING_ALONE = re.compile(r" {0,3}#{1,6} [A-ZÀ-Þ][^\n=;{}<>$`|\\()]*\n?")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: each non-empty line, or each hard-wrapped block."""
    spans: list[tuple[int, int]] = []
    # A scan or two a text: most hold no word broken at a line's end ("\r\n" ends a Windows file's lines).
    hyphen_breaks = "-\n" in text or "-\r" in text
    for block in _BLOCK.finditer(text):
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text, block.start(), block.end())]
        heading = _heading_over_wrapped(text, lines)
        if heading:
            spans.append(heading)
            lines = lines[1:]
        if len(lines) > 1 and _is_hard_wrapped(text, lines):
            spans.extend(_wrapped_paragraphs(text, lines))
            continue
        block_spans: list[tuple[int, int]] = []
        for start, end in lines:
            if not (span := trim(text, start, end)):
                continue
            if hyphen_breaks and block_spans and breaks_a_word(text, block_spans[-1][1], span[0]):
                block_spans[-1] = (block_spans[-1][0], span[1])
            else:
                block_spans.append(span)
        spans.extend(block_spans)
    return [_without_marker(text, span) for span in spans]


def breaks_a_word(text: str, end: int, next_start: int) -> bool:
    """Whether a line ending at ``end`` and the line opening at ``next_start`` right under it are one word broken by a
    hyphen, as a PDF's text dump gives it ("... da sua forma-" over "ção como tradutora, ..."): a letter and the hyphen
    close the first, a small letter opens the second. The two are one paragraph whatever their widths (a paragraph
    that ends short beside others, as a dump runs them together, is no hard-wrapped block; s53-cleaning)."""
    return text[end - 1] == "-" and text[end - 2:end - 1].isalpha() and text[next_start].islower()


def _without_marker(text: str, span: tuple[int, int]) -> tuple[int, int]:
    # A Markdown heading, quote, bullet or number marker is layout, not text to label, and so are a wikitext heading's
    # marks on both sides and an edit link after a heading; dropping them keeps the paragraph a slice of the source.
    if text[span[0]] == "=" and (heading := WIKI_HEADING.fullmatch(text, *span)):
        return heading.span(2)
    if text[span[1] - 1] == "]" and (edit_link := EDIT_LINK.search(text, text.rfind("\n", *span) + 1, span[1])) \
            and edit_link.start() > span[0]:
        span = (span[0], edit_link.start())
    marker = _MARKER.match(text, *span)
    return (marker.end(), span[1]) if marker and marker.end() < span[1] else span


def _wrapped_paragraphs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs of a hard-wrapped block: a line that closes a sentence well short of the block's widest line
    closes its paragraph, as a PDF's text dump runs paragraphs together with no blank line between ("... during the
    October speed watch." over "It was resolved ..."; probe 46). A wrapped paragraph's lines fall short of the column
    only by the word that did not fit."""
    widest = max(end - start for start, end in lines)
    paragraphs, start = [], lines[0][0]
    for line_start, line_end in lines[:-1]:
        line = text[line_start:line_end].rstrip()
        if line.endswith(_SENTENCE_FINAL) and len(line) < PARAGRAPH_END_SHARE * widest:
            paragraphs.append(trim(text, start, line_end))
            start = line_end + 1
    paragraphs.append(trim(text, start, lines[-1][1]))
    return [span for span in paragraphs if span]


def _heading_over_wrapped(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of a block's first line when it is a heading over a hard-wrapped paragraph with no blank line between:
    shorter than a wrapped line, no sentence's end, over two lines or more that are wrapped ("95/26 Speed limit on
    Church Lane" over a council's minute, as a PDF's text dump gives it; probe 46)."""
    first_start, first_end = lines[0]
    heading = text[first_start:first_end].rstrip()
    # A heading opens with a letter or digit: a fence ("```") or a tag ("<figure>") over its lines is markup.
    if len(lines) < 3 or len(heading) >= WRAP_MIN_WIDTH or not heading[:1].isalnum() or heading.endswith(_SENTENCE_FINAL) \
            or not _is_hard_wrapped(text, lines[1:]):
        return None
    # Under it, each line goes on mid-sentence or closes a paragraph short of the column: a full line that closes a
    # sentence over a caption ("Rail passenger journeys" over a story's line over "Figure 2: ...") is a stack of lines.
    widest = max(end - start for start, end in lines[1:])
    if any(text[start:end].rstrip().endswith(_SENTENCE_FINAL) and end - start >= PARAGRAPH_END_SHARE * widest
           for start, end in lines[1:-1]):
        return None
    # ... and wrapping shows: some line under the first goes on in lower case, or with a digit or a sign. A heading over
    # lines that each open with a capital is a list of titles ("Notícias relacionadas" over two headlines of a rendered
    # page: tests/test_hypertext_chrome_probe.py), which joined would read as prose and get suggestions.
    if all(text[start:start + 1].isupper() for start, _end in lines[2:]):
        return None
    return trim(text, first_start, first_end)


def _is_wide_and_even(text: str, lines: list[tuple[int, int]], widest: int) -> bool:
    """Whether a block wider than WRAP_MAX_WIDTH is a PDF dump's wrapped text (see DUMP_WRAP_MAX_WIDTH): every line but
    the last that goes on mid-sentence is nearly as wide as the widest."""
    return widest <= DUMP_WRAP_MAX_WIDTH and all(
        end - start >= WRAP_EVEN_SHARE * widest for start, end in lines[:-1]
        if not text[start:end].rstrip().endswith(_SENTENCE_FINAL))


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    # Lines of a wrapped paragraph are all about as wide as the wrap column and
    # mostly stop mid-sentence; lists, headings and one-sentence-per-line text
    # (like the seed) are not wrapped.
    widths = [end - start for start, end in lines]
    if max(widths) > WRAP_MAX_WIDTH and not _is_wide_and_even(text, lines, max(widths)) \
            or min(widths[:-1]) < WRAP_MIN_WIDTH:
        return False
    if any(_LIST_OR_HEADING.match(text, start, end) for start, end in lines) \
            or all(_FIELD_LINE.match(text, start, end) for start, end in lines) \
            or any(len(_ITEM_SEPARATOR.findall(text, start, end)) >= 2 for start, end in lines) \
            or any(text.find(" · ", start, end) >= 0 and not text[next_start].islower()
                   for (start, end), (next_start, _next_end) in zip(lines, lines[1:])) \
            or any(_COLUMN_GAP.search(text, start, end) for start, end in lines) \
            or any(_is_dateline(text, start, end) for start, end in lines[1:]):
        return False
    # A setext heading's underline ("=====" under the title line) is no wrapped text, however wide the title; nor
    # are a Markdown page's link and footnote definitions ("[1]: https://...", "[^1]: ...") or a table's rows
    # ("| Março | 612 | 310 |"), one a line.
    if any(_SETEXT_UNDERLINE.fullmatch(text, start, end) for start, end in lines[1:]) \
            or any(_DEFINITION.match(text, start, end) or text.startswith("|", start) for start, end in lines):
        return False
    open_ended = sum(not text[start:end].rstrip().endswith(_SENTENCE_FINAL) for start, end in lines[:-1])
    return open_ended * 2 >= len(lines) - 1


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether a line is a page's dateline alone (``_DATELINE``): no sentence closes it."""
    return _DATELINE.fullmatch(text, start, end) is not None and not text[start:end].rstrip().endswith(_SENTENCE_FINAL)


def split_sentences(text: str, language: str | None = None,
                    line_language: Callable[[str], str] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; ``language`` picks the abbreviation list
    (all known lists when None or unknown), and ``line_language``, when given, a line's own where a period follows
    an abbreviation of one language only: a Portuguese page may quote an English paragraph ("Mr. Hughes met ...",
    whose "Mr." ended a sentence by the Portuguese list), and a thesis page holds its abstract in both languages
    (s52-acceptance). Asked only then, so that a page's every line is not identified, and the line's list joins the
    page's: a line of mixed words read as the other language still keeps "Pág. 7" whole."""
    document_abbreviations = ABBREVIATIONS.get(language or "", ALL_ABBREVIATIONS)
    text = with_newline_ends(text)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, line_end = _without_marker(text, (line.start(), line.end()))
        abbreviations = document_abbreviations
        if line_language is not None and _holds_one_language_abbreviation(text, start, line_end):
            abbreviations = _abbreviations_of_both(language or "", line_language(text[start:line_end]))
        for end, next_start in _sentence_ends(text, start, line_end, abbreviations):
            if span := trim(text, start, end):
                spans.append(span)
            start = next_start
        if span := trim(text, start, line_end):
            spans.append(span)
    return spans


def _sentence_ends(
    text: str, start: int, end: int, abbreviations: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """``(sentence end, next sentence start)`` pairs inside one line."""
    for candidate in _CANDIDATE_END.finditer(text, start, end):
        punctuation_end = candidate.end() - len(candidate.group()) + len(candidate.group().rstrip())
        if text[candidate.start()] == "." and _is_abbreviation(
                text, start, candidate.start(), abbreviations, before_number=text[candidate.end()].isdigit()):
            continue
        yield punctuation_end, candidate.end()


@functools.cache
def _abbreviations_of_both(document_language: str, line_language: str) -> frozenset[str]:
    return ABBREVIATIONS.get(document_language, ALL_ABBREVIATIONS) | ABBREVIATIONS.get(line_language, frozenset())


def _holds_one_language_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether a candidate sentence end of ``text[start:end]`` is a period after an abbreviation that only some
    languages' lists hold (``ONE_LANGUAGE_ABBREVIATIONS``)."""
    for candidate in _CANDIDATE_END.finditer(text, start, end):
        if text[candidate.start()] == "." and (word := _word_before(text, start, candidate.start())) is not None \
                and word.group(1).casefold() in ONE_LANGUAGE_ABBREVIATIONS:
            return True
    return False


def _is_abbreviation(text: str, line_start: int, period: int, abbreviations: frozenset[str],
                     before_number: bool) -> bool:
    word = _word_before(text, line_start, period)
    if word is None:
        return False
    token = word.group(1)
    folded = token.casefold()
    if folded in WORD_ABBREVIATIONS and not (before_number or (token[0].isupper() and folded not in {"no", "nos"})):
        return False
    if folded == "al" and _ET_BEFORE.search(text, max(line_start, word.start() - 4), word.start()):
        return True  # a citation's "et al.", in any language ("Al." alone may be a name)
    # A single capital is an initial ("J. Silva"); lower case words are matched
    # against the list, so "Dra." and "dra." are both abbreviations.
    return (len(token) == 1 and token.isupper()) or folded in abbreviations


def _word_before(text: str, line_start: int, period: int) -> re.Match[str] | None:
    """``_WORD_BEFORE``'s match of the word before ``text[period]`` (a period), within 20 characters of it. A word
    holds no space, so the search starts after the last space there: from 20 characters back, each try at a letter
    ran on to the next space (1,493 periods of 40,000 Paramopama words: 20 -> 7 us a text, a third of
    ``split_sentences``' time, which claims pays for the three annotators)."""
    earliest = max(line_start, period - 20)
    return _WORD_BEFORE.search(text, max(earliest, text.rfind(" ", earliest, period) + 1), period + 1)


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without surrounding whitespace, or None when empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# ---------------------------------------------------------------- a page's metadata and comments

@dataclass(frozen=True)
class Metadata:
    """The block of metadata that opens a page: ``kind`` is "front matter" (YAML between "---" lines, as Jekyll,
    Hugo and Astro write it, or TOML between "+++" lines), "scraper's header" (Jina Reader's "Title:", "URL Source:",
    "Published Time:", "Markdown Content:") or "header of fields" (a text's "Title:", "Author:", "Date:" lines).
    ``title`` is the span of its title's value when no line of the text below repeats it (the page's only title,
    kept); when a heading repeats it, the heading is the title kept and the whole block is metadata."""

    kind: str
    start: int
    end: int
    title: tuple[int, int] | None


METADATA_MAX_CHARS = 4000
# The first field inside the fences: YAML's "key:" or TOML's "key =".
_FRONT_MATTER_FIELD = {"---": re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)"),
                       "+++": re.compile(r"[A-Za-z_][\w-]*[ \t]*=")}
_FRONT_MATTER_TITLE = {"---": re.compile(r"^title[ \t]*:[ \t]*(\S.*?)[ \t]*$", re.M | re.I),
                       "+++": re.compile(r"^title[ \t]*=[ \t]*(\S.*?)[ \t]*$", re.M | re.I)}
_CLOSING_FENCE = {"---": re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M), "+++": re.compile(r"^\+\+\+[ \t]*$", re.M)}
# A header's field: a capitalised key of one or two words, a colon, its value (none for "Markdown Content:").
_HEADER_FIELD = re.compile(r"([A-ZÀ-Þ][^\W\d_]*(?: [A-Za-zÀ-ÿ][^\W\d_]*)?):(?:[ \t]+(\S[^\n]*?))?[ \t]*(?:\n|$)")
HEADER_OPENINGS = ("Title:", "Título:", "Titulo:", "TITLE:")
HEADER_MIN_FIELDS = 2
HEADER_VALUE_MAX_CHARS = 200
# A title's parts that may stand alone as the page's heading ("<headline> | <site>").
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def metadata_block(text: str) -> Metadata | None:
    """The metadata block that opens ``text``, if any (looked for only when the text starts as one does)."""
    if text.startswith(("---", "+++")):
        return _front_matter(text, text[:3])
    if text.startswith(HEADER_OPENINGS):
        return _field_header(text)
    return None


def _front_matter(text: str, fence: str) -> Metadata | None:
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].strip() != fence:
        return None
    inside = first_end + 1
    closing = _CLOSING_FENCE[fence].search(text, inside, METADATA_MAX_CHARS)
    if closing is None or not _FRONT_MATTER_FIELD[fence].match(text, inside):
        return None
    title = _FRONT_MATTER_TITLE[fence].search(text, inside, closing.start())
    value = _unquoted(text, *title.span(1)) if title else None
    return Metadata("front matter", 0, closing.end(), _unrepeated_title(text, value, closing.end()))


def _field_header(text: str) -> Metadata | None:
    """A header of "Field: value" lines opening with the title: one field a line, or (Jina Reader) one field a
    paragraph, ended by a field without a value ("Markdown Content:")."""
    fields: list[re.Match[str]] = []
    at = 0
    blank_separated = False
    while at < min(len(text), METADATA_MAX_CHARS):
        field = _HEADER_FIELD.match(text, at)
        if field is None or len(field.group(2) or "") > HEADER_VALUE_MAX_CHARS:
            break
        fields.append(field)
        at = field.end()
        if field.group(2) is None:
            break  # "Markdown Content:": the page's text follows
        after_blank = at
        while text.startswith("\n", after_blank) or text.startswith(" ", after_blank):
            after_blank += 1
        if len(fields) == 1:
            blank_separated = after_blank > at
        if (after_blank > at) != blank_separated:
            break
        at = after_blank
    if len(fields) < HEADER_MIN_FIELDS or (blank_separated and fields[-1].group(2) is not None):
        return None
    end = fields[-1].end(2) if fields[-1].group(2) is not None else fields[-1].end(1) + 1
    kind = "scraper's header" if blank_separated else "header of fields"
    return Metadata(kind, 0, end, _unrepeated_title(text, fields[0].span(2), end))


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    if end - start >= 2 and text[start] == text[end - 1] and text[start] in "\"'":
        return start + 1, end - 1
    return start, end


def _unrepeated_title(text: str, value: tuple[int, int] | None, block_end: int) -> tuple[int, int] | None:
    """The title's span, unless a line below the block is the title, or one of its parts ("<headline> | <site>")."""
    if value is None or value[0] >= value[1]:
        return None
    title = text[value[0]:value[1]]
    for part in {title, *_TITLE_PARTS.split(title)}:
        if len(part.split()) >= 2 and re.search(
                rf"^[ \t]*(?:#{{1,6}}[ \t]+)?{re.escape(part.strip())}[ \t#]*$", text[block_end:], re.M):
            return None
    return value


# An HTML comment alone on its lines ("<!-- TODO: ... -->"), up to its first "-->".
_COMMENT = re.compile(r"^[ \t]*<!--(?:(?!-->).)*-->[ \t]*$", re.M | re.S)


def page_markup_units(text: str) -> list[tuple[int, int]]:
    """Spans that are one segment each whatever the unit: the page's metadata block (in two or three pieces around
    its title when that is kept) and each HTML comment outside code blocks."""
    units = []
    metadata = metadata_block(text)
    if metadata is not None:
        cuts = [metadata.start, *(metadata.title or ()), metadata.end]
        units = [span for start, end in zip(cuts, cuts[1:]) if (span := trim(text, start, end))]
    if "<!--" in text:  # nearly every document: no regex run
        code = code_bodies(text)
        units += [(comment.start(), comment.end()) for comment in _COMMENT.finditer(text, metadata.end if metadata else 0)
                  if not any(start < comment.end() and comment.start() < end for start, end in code)]
    return units


def with_page_markup(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the page's metadata block and HTML comments as units (``page_markup_units``)."""
    units = page_markup_units(text) if text.startswith(("---", "+++", *HEADER_OPENINGS)) or "<!--" in text else []
    if not units:
        return spans
    units = sorted(trim(text, start, end) or (start, end) for start, end in units)
    return sorted([piece for span in spans for piece in _outside(text, span, units)] + units)


def _outside(text: str, span: tuple[int, int], units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The trimmed parts of ``span`` outside the (sorted) ``units``: a hard-wrapped block's lines above a comment
    stay a segment."""
    start, end = span
    pieces = []
    for unit_start, unit_end in units:
        if unit_end <= start or unit_start >= end:
            continue
        if unit_start > start and (piece := trim(text, start, unit_start)):
            pieces.append(piece)
        start = max(start, unit_end)
    if start < end and (piece := trim(text, start, end)):
        pieces.append(piece)
    return pieces
