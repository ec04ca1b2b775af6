"""Built-in plugin: source loaders for plain text, Markdown, JSON/JSON lines,
CSV and HTML files.

Plain text and Markdown are loaded as they are, so task offsets are offsets
into the file. JSON holds Label Studio task lists (``[{"data": {"text": ...}}]``)
or objects with a text field; CSV a named column; HTML is reduced to the page's
main text by trafilatura (its first ``<h1>`` marked as a Markdown title, its
``<h2>`` to ``<h6>`` as Markdown headings, and the headings, list items and table
rows it left out between two lines it kept put back); the rest of the text the page
shows follows it, one line a part, listed as left out (``Document.left_out``), and
offsets are offsets into that text.
"""

from __future__ import annotations

import bisect
import csv
import html
import io
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from flask import Flask

from server import hookimpl
from server.analysis import squeezed
from server.segmentation import EDIT_LINK
from server.sources import Document, LeftOut, Loader, LoaderError, read_source_bytes, read_text, source_suffix

__version__ = "0.1.0"

DEFAULT_TEXT_FIELD = "text"


class PlainTextLoader(Loader):
    name = "text"
    suffixes = (".txt", ".text", ".md", ".markdown")

    def load(self, path: Path, source: str) -> Iterator[Document]:
        yield Document(source, read_text(path))


class JsonLoader(Loader):
    """A JSON list (or one object), or JSON lines, of Label Studio tasks or of
    objects with a text field. Other fields of ``data`` travel with the task."""

    name = "json"
    # 2: records without text are reported; 3: a JSON document saved as .jsonl reads as JSON,
    # and the text field is named in any case ("Text"); 4: a record holding a lone surrogate is reported
    # 5: records are numbered from 1 (a JSON lines record by its line); 6: a JSON lines file's line that is not
    # JSON is reported and the other lines load (the whole file was refused), unless half its lines are not JSON
    version = "6"
    suffixes = (".json", ".jsonl", ".ndjson")
    # How many of the records' fields a file none of whose records has the text
    # field is refused naming: the setting to choose is among them (body, content).
    _FIELDS_NAMED = 8

    def __init__(self, text_field: str = DEFAULT_TEXT_FIELD) -> None:
        self.text_fields = text_field_names(text_field)

    def load(self, path: Path, source: str) -> Iterator[Document | LeftOut]:
        numbered = self._records(read_text(path), source_suffix(path) != ".json")
        loaded = [self._document(record, source, number) for number, record in numbered]
        if not any(isinstance(item, Document) for item in loaded):
            if refused := [item for item in loaded if isinstance(item, LeftOut) and item.reason.startswith("its ")]:
                raise LoaderError(f"no record could be loaded ({source}#{refused[0].record}: {refused[0].reason})")
            records = [record for _number, record in numbered]
            raise LoaderError(f"no record has a non-empty {names_said(self.text_fields)} text field"
                              f"{self._fields_of(records)}")
        yield from loaded

    def _fields_of(self, records: list[Any]) -> str:
        """The fields the records have instead, as the refusal names them (" (fields: title, body)")."""
        fields: dict[str, None] = {}
        for record in records:
            if isinstance(record, dict):
                fields.update(dict.fromkeys(str(key) for key in _task_data(record)))
        named = [name for name in fields if name not in self.text_fields]
        if not named:
            return ""
        shown = ", ".join(named[:self._FIELDS_NAMED]) + (", ..." if len(named) > self._FIELDS_NAMED else "")
        return f" (fields: {shown}; ANOTA_SOURCE_TEXT_FIELD names the one to read)"

    def _records(self, text: str, lines: bool) -> list[tuple[int, Any]]:
        """The file's records, each with the number that names it (``file.jsonl#7``),
        counted from 1 as an editor counts: its line in a JSON lines file, its
        place in a JSON list."""
        if lines:
            try:
                return self._lines(text)
            except LoaderError as line_error:
                # A JSON document saved as .jsonl (a Label Studio export renamed, a
                # list printed one item a line) reads as JSON; else the line's error stands.
                try:
                    return self._records(text, lines=False)
                except LoaderError:
                    raise line_error from line_error.__cause__
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LoaderError(f"invalid JSON at line {exc.lineno}: {json_problem(exc)}") from exc
        return list(enumerate(parsed if isinstance(parsed, list) else [parsed], start=1))

    @staticmethod
    def _lines(text: str) -> list[tuple[int, Any]]:
        """The records of a JSON lines file; a line that is not JSON is a LeftOut
        (a file cut off mid-line by a crashed writer loses its last line, not its
        records), unless as many lines are not JSON as are: then the file is not
        JSON lines, and the first such line's error stands."""
        records: list[tuple[int, Any]] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                # Lines cut from a JSON list keep the list's commas, which JSON lines have none of.
                comma = exc.msg == "Extra data" and line.rstrip().endswith(",")
                hint = " (a ',' after the record: JSON lines separate records by line breaks only)" if comma else ""
                records.append((number, LeftOut(str(number), f"invalid JSON: {json_problem(exc)}{hint}")))
        invalid = [(number, record) for number, record in records if isinstance(record, LeftOut)]
        if invalid and 2 * len(invalid) >= len(records):
            number, first = invalid[0]
            raise LoaderError(f"invalid JSON on line {number}: {first.reason.removeprefix('invalid JSON: ')}")
        return records

    def _document(self, record: Any, file_source: str, record_number: int) -> Document | LeftOut:
        number = str(record_number)
        if isinstance(record, LeftOut):  # a line that is not JSON
            return record
        if not isinstance(record, dict):
            return LeftOut(number, f"a JSON {type(record).__name__}, not an object")
        data = _task_data(record)
        field_name = first_name_in(self.text_fields, data)
        if field_name is None or data[field_name] is None:
            return LeftOut(number, f"no {names_said(self.text_fields)} field")
        text = data[field_name]
        # The setting's name, as before names were listed; of several, the one this record has.
        said = repr(self.text_fields[0] if len(self.text_fields) == 1 else field_name)
        if not isinstance(text, str):
            return LeftOut(number, f"its {said} field is not text but {type(text).__name__}")
        if not text.strip():
            return LeftOut(number, f"its {said} field is empty")
        if "\x00" in text:  # a \u0000 escape: no text column (PostgreSQL's included) stores it
            raise LoaderError(f"{file_source}#{number}: its {said} field holds a NUL character")
        extra = {key: value for key, value in data.items() if key != field_name}
        for name, value in ((field_name, text), *extra.items()):
            if isinstance(value, str) and (half := _LONE_SURROGATE.search(value)):
                return LeftOut(number, f"its {name!r} field holds a lone surrogate (\\u{ord(half.group()):04x} at "
                                       f"offset {half.start()}: half of a character's UTF-16 pair), not text")
        return Document(f"{file_source}#{number}", text, extra)


# A surrogate code point in a decoded JSON string: an escape ("\ud83d") whose pair
# is missing (json.loads joins the halves of a pair into one character). No UTF-8
# text, SQLite's or Label Studio's, holds one, and the preload's word batch failed on it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_problem(error: json.JSONDecodeError) -> str:
    """What the parser says is wrong, its place said where the message points at it: Python's "Unterminated string
    starting at" (a file cut off inside a string) stopped there, "invalid JSON on line 6: Unterminated string starting
    at" (session 49's walk)."""
    return f"{error.msg} column {error.colno}" if error.msg.endswith(" at") else error.msg


def text_field_names(setting: str) -> tuple[str, ...]:
    """ANOTA_SOURCE_TEXT_FIELD's names, comma-separated: a corpus's spreadsheet may call its text column "Texto" where
    its JSON lines say "text" (session 49's walk; one name made that two runs). A file, or a JSON record, reads the
    first of them it has."""
    return tuple(name.strip() for name in setting.split(",") if name.strip()) or (DEFAULT_TEXT_FIELD,)


def names_said(names: Sequence[str]) -> str:
    """The names as a message says them: "'text'", "'text' or 'Texto'"."""
    return " or ".join(map(repr, names))


def first_name_in(wanted: Sequence[str], names: Collection[str]) -> str | None:
    """The first of ``wanted`` that ``names`` hold, as they write it (see name_in_any_case)."""
    for name in wanted:
        if (found := name_in_any_case(name, names)) is not None:
            return found
    return None


def name_in_any_case(wanted: str, names: Collection[str]) -> str | None:
    """``wanted`` as ``names`` write it: exactly, else the one name that differs
    only in case or surrounding spaces ("Text", " text"), as spreadsheets and
    their exports write a column's or field's name."""
    if wanted in names:
        return wanted
    folded = wanted.strip().casefold()
    matches = [name for name in names if name.strip().casefold() == folded]
    return matches[0] if len(matches) == 1 else None


def _task_data(record: dict[str, Any]) -> dict[str, Any]:
    """A record's task fields: a Label Studio task's ``data``, else the record itself."""
    return record["data"] if isinstance(record.get("data"), dict) else record


# Spreadsheets in decimal-comma locales (Portuguese among them) save CSV with ';'
# between fields; tab- and '|'-separated files are saved as .csv too (and .tsv).
# ',' first: a file that reads with it reads as it always did.
_CSV_DELIMITERS = (",", ";", "\t", "|")


class CsvLoader(Loader):
    """A CSV file with a header; each row's text column is a document."""

    name = "csv"
    # 2: rows without text are reported; 3: ';', tab and '|' separators, the column's name in any case;
    # 4: rows are numbered by the line they start on (the header is line 1)
    version = "4"
    suffixes = (".csv", ".tsv")

    def __init__(self, text_column: str = DEFAULT_TEXT_FIELD) -> None:
        self.text_columns = text_field_names(text_column)

    def load(self, path: Path, source: str) -> Iterator[Document | LeftOut]:
        text = read_text(path)
        delimiter, column = self._layout(text)
        rows = list(_rows_by_line(text, delimiter, column))
        if not any(text.strip() for _line, text in rows):
            raise LoaderError(f"column {column!r} is empty in every row")
        for line, text in rows:
            yield Document(f"{source}#{line}", text) if text.strip() else LeftOut(
                str(line), f"its {column!r} column is empty")

    def _layout(self, text: str) -> tuple[str, str]:
        """The separator whose header names the text column, and that column's name
        as the header writes it; raises :class:`LoaderError` when no header names it."""
        headers = {delimiter: next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
                   for delimiter in _CSV_DELIMITERS}
        for delimiter, header in headers.items():
            if (column := self._text_column_in(header)) is not None:
                return delimiter, column
        widest = max(headers.values(), key=len)
        # As a JSON file without the field says (JsonLoader._fields_of): the setting is the way out, and CSV files
        # said only the columns (session 49's walk: a spreadsheet's "Texto").
        raise LoaderError(f"no column named {names_said(self.text_columns)} (columns: {', '.join(widest)}; "
                          "ANOTA_SOURCE_TEXT_FIELD names the one to read)")

    def _text_column_in(self, header: list[str]) -> str | None:
        return first_name_in(self.text_columns, header)


def _rows_by_line(text: str, delimiter: str, column: str) -> Iterator[tuple[int, str]]:
    """Each row's ``column`` under the header, with the line the row starts on,
    counted from 1 (the header's line): an editor's line, and a spreadsheet's
    row number, which tell the user where to look (``reviews.csv#3``)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    position = header.index(column)
    for row in reader:
        if not row:  # a blank line: no row
            continue
        # line_num is the row's last line: a quoted cell may hold line breaks.
        first_line = reader.line_num - sum(cell.count("\n") for cell in row)
        yield first_line, row[position] if position < len(row) else ""


_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_SECTION_HEADING = re.compile(r"<h([2-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


# A charset the page declares in its first bytes: <meta charset="..."> or http-equiv's content="...; charset=...".
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)


def read_page(path: Path) -> str:
    """A web page's text: UTF-8, or the charset the page declares (older Portuguese
    sites are often windows-1252 or ISO-8859-1); never a guess. A page whose
    bytes do not decode is refused, saying which charset was tried."""
    try:
        return read_text(path)
    except LoaderError as utf8_error:
        raw = read_source_bytes(path)
        declared = _DECLARED_CHARSET.search(raw[:4096])
        if declared is None or not str(utf8_error).startswith("not UTF-8"):
            raise
        charset = declared.group(1).decode("ascii")
        try:
            page = raw.decode(charset)
        except LookupError:
            raise LoaderError(f"{utf8_error}, and the page declares an unknown charset {charset!r}") from None
        except UnicodeDecodeError as exc:
            raise LoaderError(f"{utf8_error}, nor the {charset} it declares (byte at offset {exc.start})") from None
        if "\x00" in page:
            raise LoaderError(f"not text in its declared {charset}: NUL character at offset {page.index(chr(0))}")
        return page


def _heading_text(markup: str) -> str:
    """A heading's text, without the edit link a wiki puts in it ("History[edit]")."""
    return " ".join(EDIT_LINK.sub("", html.unescape(_TAG.sub(" ", markup))).split())


def mark_title(page: str, text: str) -> str:
    """``text`` with its line that is the page's first ``<h1>`` marked as a Markdown title ("# Taberna do Cais"), and
    each line that is an ``<h2>`` to ``<h6>`` as a Markdown heading ("## Getting there"): the extraction keeps no
    heading marks, and without one a short title or a section's heading reads as a label to the cleaning.
    A title the extraction left out with the ``<header>`` it sits in (``<article><header><h1>``, as
    WordPress and most news sites write it) opens the text again when it stands in the page's content (see names_the_page),
    and so does one the text follows (see opens_the_text)."""
    heading = _FIRST_H1.search(page)
    title = _heading_text(heading.group(1)) if heading else ""
    sections = {_heading_text(match.group(2)) for match in _SECTION_HEADING.finditer(page)} - {""}
    if not title and not sections:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        flat = " ".join(EDIT_LINK.sub("", line).split())
        if title and flat == title:
            lines[index], title = f"# {line}", ""
        elif flat in sections:
            lines[index] = f"## {line}"
    if title and heading and (names_the_page(page, heading.start()) or opens_the_text(page, heading, text)
                              or under_the_sites_menu(page, heading.start()) and opens_the_title(page, title)
                              or is_the_whole_title(page, heading, title)):
        lines.insert(lines_above_heading(page, heading, lines), f"# {title}")
    return "\n".join(lines)


# How much of a line is looked for in the page's text around its heading.
LINE_PREFIX_CHARS = 60


def lines_above_heading(page: str, heading: re.Match[str], lines: list[str]) -> int:
    """How many of the text's first lines the page puts above the ``<h1>`` ``heading``: a breadcrumb or a journal's
    name over an article's title stay over it when the title opens the text again (probe 28's "Você está aqui: Início ›
    Notícias › Saúde" over the story's title), and are no site's name under its title. The text keeps the page's
    order, so only the page above the heading (its header, most often short) is read."""
    above = _heading_text(page[:heading.start()])
    count = 0
    for line in lines:
        flat = " ".join(line.split())[:LINE_PREFIX_CHARS]
        if not flat or flat not in above:
            break
        count += 1
    return count


_LINK = re.compile(r"<a\b", re.IGNORECASE)
# Links above an <h1> that make a site's menu over it.
MENU_LINKS = 3


def under_the_sites_menu(page: str, at: int) -> bool:
    """Whether the site's menu (MENU_LINKS links or more) is above the ``<h1>`` at ``at``: the heading is the page's,
    not the site's name or a newsletter's masthead, which open the page over its menu."""
    return len(_LINK.findall(page, 0, at)) >= MENU_LINKS


_PAGE_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# The separator between a page's name and its site's in its <title> ("Festival de Sopas ... | Junta de Freguesia").
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+·\s+")


def opens_the_title(page: str, heading: str) -> bool:
    """Whether ``heading`` (the page's first ``<h1>``) opens the page's ``<title>``, the site's name after it ("Lumora
    Trail 900 review: ... | GearLoop"): the page's own title, wherever its markup puts it (a site laid out in
    ``<div>``s, with no ``<article>`` or ``<main>``). A site's name in its header is the part after the separator."""
    page_title = _PAGE_TITLE.search(page)
    if page_title is None:
        return False
    parts = _TITLE_SEPARATOR.split(_heading_text(page_title.group(1)), maxsplit=1)
    return len(parts) == 2 and bool(parts[1]) and (parts[0] == heading or shortens(parts[0], heading))


def is_the_whole_title(page: str, heading: re.Match[str], title: str) -> bool:
    """Whether the ``<h1>`` ``heading``, of text ``title``, is the page's whole ``<title>`` and no link: the page's own
    title (probe 42: "Recolha de resíduos" in a hero box over the page's ``<main>``, or in the ``<header>`` under the
    site's menu), which the extraction drops as it drops the header it stands in. A site's name as its logo links to
    the home page (``<h1><a href="/">``), and one in the header over no menu is the site's, whatever its <title>."""
    page_title = _PAGE_TITLE.search(page)
    if page_title is None or _heading_text(page_title.group(1)) != title or _LINK.search(heading.group(1)):
        return False
    return not _inside(page, heading.start(), _CHROME_OPENING) or under_the_sites_menu(page, heading.start())


# The fewest words of a <title> that shortens its page's <h1>: fewer say too little to tell the page's title.
SHORTENED_TITLE_WORDS = 4
_WORD = re.compile(r"\w+")


def shortens(title: str, heading: str) -> bool:
    """Whether ``title`` is ``heading`` shortened, as a site's <title> often is (probe 28: "Densidade do caranguejo-uçá
    em manguezais do litoral do Paraná" for the article's "Densidade do caranguejo-uçá (Ucides cordatus) em manguezais
    do litoral do Paraná após a mortandade de 2019"): the title's words, SHORTENED_TITLE_WORDS or more, are the
    heading's first word and more of its words in their order."""
    title_words, heading_words = _WORD.findall(title.casefold()), iter(_WORD.findall(heading.casefold()))
    return len(title_words) >= SHORTENED_TITLE_WORDS and title_words[0] == next(heading_words, None) \
        and all(word in heading_words for word in title_words[1:])


_CONTENT_OPENING = re.compile(r"<(article|main)\b", re.IGNORECASE)
_CHROME_OPENING = re.compile(r"<(header|nav|footer|aside)\b", re.IGNORECASE)


def names_the_page(page: str, at: int) -> bool:
    """Whether the ``<h1>`` at ``at`` is the page's own title: it stands inside
    the page's ``<article>`` or ``<main>``. Themes also write the site's name
    as an ``<h1>`` in the site's header ("Blog da Tia Nena"), and a newsletter
    its masthead: outside the content, and not brought back."""
    return _inside(page, at, _CONTENT_OPENING)


def _inside(page: str, at: int, openings: re.Pattern[str]) -> bool:
    """Whether an element ``openings`` finds is open at ``at`` (opened before it, not closed since)."""
    before = page[:at]
    lowered = before.lower()
    return any(f"</{opening.group(1).lower()}" not in lowered[opening.end():]
               for opening in openings.finditer(before))


# How much of the page after a title is read for the text that follows it: the
# markup between a heading and its first paragraph is a few tags.
_AFTER_TITLE_CHARS = 4000


def opens_the_text(page: str, heading: re.Match[str], text: str) -> bool:
    """Whether the ``<h1>`` ``heading`` opens the extracted ``text``: nothing
    but markup stands between it and the text's first line, and it is in no
    header, navigation, footer or aside. A chapter of an e-book (an XHTML
    file: ``<body><section><h1>Chapter One</h1><p>...``) and a plain page
    have no ``<article>``, and the extraction drops their title; a site's name
    in its header is followed by its menu, and stays out."""
    if _inside(page, heading.start(), _CHROME_OPENING):
        return False
    first_line = " ".join(text.split("\n", 1)[0].split())[:60]
    following = _heading_text(page[heading.end():heading.end() + _AFTER_TITLE_CHARS])
    return bool(first_line) and following.startswith(first_line)


# Elements whose text is no part of the page's content, skipped whole when looking for the blocks the extraction left
# out: the site's header, menus, footer and side boxes, forms and their buttons, and what is not shown.
_CHROME_TAGS = frozenset(("head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                          "button", "select", "textarea", "svg", "iframe", "figure"))
_BLOCK_TAGS = frozenset(("p", "div", "section", "article", "main", "blockquote", "dl", "dt", "dd", "ul", "ol", "li",
                         "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                         "pre", "center", "address", "details", "summary", "fieldset"))
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_CELLS = frozenset(("td", "th"))
# A block at least this long is found in the text wherever the extraction put it (inside a longer line, across lines it
# broke); a shorter one ("Methods", "Power base") only as a line of its own, as a word in a sentence is no heading.
_FOUND_INSIDE_CHARS = 25
# A block whose text is this much or more inside links is a menu's or a list of links' (related stories, "Voltar ao
# topo"), which the extraction leaves out rightly.
_LINK_SHARE = 0.8
# The mark the extraction puts before a list's item ("- "), or mark_title before a heading ("## "), which the page's
# text of the item or heading has not.
_LIST_MARK = re.compile(r"^(?:[-*•] |\d{1,3}[.)] |#{1,6} )")


def _tag(element: Any) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _shown(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is None and element.get("aria-hidden") != "true" and "display:none" not in style


# Classes that hide an element: from sight, for screen readers only (Bootstrap's "sr-only", Drupal's and Bootstrap 5's
# "visually-hidden", WordPress's "screen-reader-text", Drupal 7's "element-invisible"), or from everyone ("hidden",
# "d-none"). What they hide is no part the page shows: not listed as left out (probe 45); but a link or a
# "...-focusable" element, which shows when it takes the focus (a skip link). The elements whose class holds one of
# their stems are found by one XPath query a page, and only they are tested (callgrind: probe 45's cost, in
# bench/HISTORY.md's "README history moved in session 53").
_HIDING_CLASSES = frozenset(("sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "element-invisible",
                             "hidden", "d-none", "is-hidden"))
_MAYBE_HIDDEN_BY_CLASS = "//*[@class][not(self::a)][contains(@class, 'hidden') or contains(@class, 'sr-only') or " \
                         "contains(@class, 'screen-reader') or contains(@class, 'invisible') or contains(@class, 'd-none')]"


def without_hidden_by_class(root: Any) -> Any:
    """``root`` without the elements a class hides (see _HIDING_CLASSES), their tails kept."""
    for element in root.xpath(_MAYBE_HIDDEN_BY_CLASS):
        classes = element.get("class").lower().split()
        if _HIDING_CLASSES.intersection(classes) and not any("focusable" in name for name in classes):
            element.drop_tree()
    return root


def _has_block_inside(element: Any) -> bool:
    return any(_tag(inner) in _BLOCK_TAGS for inner in element.iterdescendants())


def _page_blocks(element: Any) -> Iterator[Any]:
    """The page's blocks under ``element`` in their order: each heading, list item, table row and block of text
    alone (a ``<p>``, or a ``<div>`` of a list laid out in ``<div>``s), but the chrome's (see _CHROME_TAGS). A row
    whose cells hold blocks is a layout table's (an e-mail's), read for the blocks inside it."""
    for child in element:
        tag = _tag(child)
        if not tag or tag in _CHROME_TAGS or not _shown(child):
            continue
        if tag in _HEADINGS or tag in _BLOCK_TAGS and not _has_block_inside(child) and tag not in _CELLS:
            yield child
        elif tag == "tr" and all(not _has_block_inside(cell) for cell in child if _tag(cell) in _CELLS):
            yield child
        else:
            yield from _page_blocks(child)


def _restorable(block: Any) -> bool:
    """Whether a block the extraction left out is put back: a section's heading, a list's item or a table's row, or an
    item of a list laid out in ``<div>``s (a ``<div>`` of text beside another of its class). A lone block of text the
    extraction left out on purpose (a review's byline, a share box) stays out. A page's ``<h1>`` comes back only
    between two lines kept (restored_blocks): an e-mail's heading in a layout table's cell, which the extraction drops
    (cleaning46's two e-mails); one above the text is mark_title's. A wiki's infobox or navbox row stays out: the box
    sums up the article beside it (probe 47)."""
    tag = _tag(block)
    if tag == "tr":
        return not any(_SUMMARY_BOX.search(table.get("class") or "") for table in block.iterancestors("table"))
    if tag != "div":
        return tag in _HEADINGS or tag in ("li", "h1")
    return any(neighbour is not None and _tag(neighbour) == "div" and neighbour.get("class") == block.get("class")
               and not _has_block_inside(neighbour) for neighbour in (block.getprevious(), block.getnext()))


# A wiki's summary boxes, by MediaWiki's classes: the infobox beside the lead ("Comprimento 258 km"), the navbox under
# the article ("Rios de Portugal: Douro · Tejo · ...").
_SUMMARY_BOX = re.compile(r"(?<![\w-])(?:infobox|navbox|vertical-navbox)(?![\w-])", re.IGNORECASE)


def _link_share(element: Any) -> float:
    text = squeezed(element.text_content())
    linked = sum(len(squeezed(link.text_content())) for link in element.iter("a"))
    return linked / len(text) if text else 1.0


def _block_lines(block: Any) -> list[str]:
    """A block as lines of the text: a list item marked as one ("- "), a table row of a name and its value as a field
    ("Power: 3000 W", as a shop's specifications read), a wider row as a Markdown table's row; a table's first row of
    three cells or more is its header, with the delimiter row under it, so the table reads as one (probe 30)."""
    tag = _tag(block)
    if tag == "li":
        return [f"- {squeezed(block.text_content())}"]
    if tag == "tr":
        cells = [squeezed(cell.text_content()) for cell in block if _tag(cell) in _CELLS]
        cells = [cell for cell in cells if cell]
        if len(cells) == 2:
            return [f"{cells[0].rstrip(':')}: {cells[1]}"]
        if len(cells) < 2:
            return [" ".join(cells)]
        row = "| " + " | ".join(cells) + " |"
        return [row, "| " + " | ".join("---" for _cell in cells) + " |"] if _opens_its_table(block) else [row]
    return [squeezed(block.text_content())]


def _opens_its_table(row: Any) -> bool:
    """Whether a table's row is its first (in a ``<thead>``, ``<tbody>`` or the ``<table>`` itself)."""
    table = next((ancestor for ancestor in row.iterancestors() if _tag(ancestor) == "table"), None)
    return table is not None and next((first for first in table.iter() if _tag(first) == "tr"), None) is row


class _ExtractedLines:
    """The extracted text's lines, flattened and without their list marks, and where a page's block is among them."""

    def __init__(self, text: str) -> None:
        self.lines = [_LIST_MARK.sub("", squeezed(line)) for line in text.split("\n")]
        self.joined = " ".join(self.lines)
        self.at: dict[str, list[int]] = {}
        self.starts: list[int] = []  # where each line starts in ``joined``
        offset = 0
        for index, line in enumerate(self.lines):
            self.at.setdefault(line, []).append(index)
            self.starts.append(offset)
            offset += len(line) + 1

    def holds(self, flat_block: str) -> bool:
        """Whether the text holds the block anywhere (see _FOUND_INSIDE_CHARS)."""
        return flat_block in self.joined if len(flat_block) >= _FOUND_INSIDE_CHARS else flat_block in self.at

    def unclaimed_line(self, flat_block: str, start: int, claimed: set[int]) -> int | None:
        """The line that is the block, not ``claimed`` by a block before it: the first from ``start``, else one above
        (a title put first), else None. A line is one block: a second block of its text (an infobox's title under the
        page's <h1>, a paragraph the page repeats and the extraction kept once) is a copy the text does not hold."""
        copies = [index for index in self.at[flat_block] if index not in claimed]
        return next((index for index in copies if index >= start), copies[0] if copies else None)

    def line_inside(self, flat_block: str, start: int, whole: set[int]) -> int | None:
        """The line a block that is no line of its own starts in (a long block inside a line, or across lines the
        extraction broke it into), but for the ``whole`` lines, each another block's whole text (a site's name in its
        header, "Câmara Municipal de Ponta Delgada", is in the lead's first sentence but no part of that block): the
        first from ``start``, else the first from the top (a title put first), else None."""
        if len(flat_block) < _FOUND_INSIDE_CHARS:
            return None
        for offset in (self.starts[start] if start < len(self.starts) else len(self.joined), 0):
            while (found := self.joined.find(flat_block, offset)) >= 0:
                line = bisect.bisect_right(self.starts, found) - 1
                if line not in whole:
                    return line
                offset = found + 1
        return None

    def line_of(self, flat_block: str, start: int) -> int | None:
        """The first line from ``start`` that holds the block: the block alone, or a long block inside a line or
        across lines the extraction broke it into (the line it starts in)."""
        first = next((index for index in self.at.get(flat_block, ()) if index >= start), None)
        if len(flat_block) < _FOUND_INSIDE_CHARS:
            return first
        found = self.joined.find(flat_block, self.starts[start] if start < len(self.starts) else len(self.joined))
        if found < 0:
            return first
        inside = bisect.bisect_right(self.starts, found) - 1
        return inside if first is None else min(first, inside)


def parsed_page(page: str) -> Any:
    """The page's element tree (lxml's, as trafilatura parses it), or None when it does not parse."""
    from lxml import etree, html as lxml_html  # trafilatura's own parser

    try:
        return lxml_html.document_fromstring(page.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


# The elements a page hides from every reader: the ``hidden`` attribute, an inline ``display: none`` (any case, any
# spaces). One XPath query a page on the tree parsed anyway: a regex over the page's source first cost more (callgrind).
_HIDDEN_FROM_ALL = "//*[@hidden] | //*[@style][contains(translate(@style, 'DISPLAYNOE ', 'displaynoe'), 'display:none')]"


def without_hidden(page: str, root: Any, changed: bool = False) -> str:
    """``page`` without the elements it hides from every reader (``_HIDDEN_FROM_ALL``), taken out of ``root`` (its
    tree) too: their text is no part of what it shows, though an extraction that reads no CSS keeps it (a paywall's
    line inside the article, found blind in probe 45). What follows such an element stays. ``changed``: ``root`` was
    changed already (without_unseen_words), and is the page to read."""
    hidden = root.xpath(_HIDDEN_FROM_ALL)
    if not hidden and not changed:
        return page
    for element in hidden:
        element.drop_tree()  # its tail, the text after it, stays
    from lxml import html as lxml_html

    return lxml_html.tostring(root, encoding="unicode")


# Classes that show an element to screen readers alone (a part of _HIDING_CLASSES): inside the article's text they add
# words no reader sees, which trafilatura, reading no CSS, keeps ("engineering report (opens in a new tab) found that",
# WordPress's note on a link; "Published Repairs will cost ...", probe 46). "hidden" and "d-none" are left in: a
# script may show what they hide (a "read more" box), and probe 45 found none of them inside an article.
_SCREEN_READER_CLASSES = frozenset(("sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                    "element-invisible"))
_MAYBE_SCREEN_READER_ONLY = "//*[@class][not(self::a)][contains(@class, 'sr-only') or contains(@class, 'visually') " \
                            "or contains(@class, 'screen-reader') or contains(@class, 'invisible')]"
# A heading's permalink: a link to its own anchor whose text is a glyph (Sphinx's and MkDocs' "¶", "#", "§", "🔗"), no
# word of the heading ("Installing Tidewell ¶", probe 46).
# Found from the page's in-page links, which are few, up to their heading: a third of the time of a walk from every
# element that is a heading.
_HEADING_LINKS = "//a[starts-with(@href, '#')][ancestor::h1 or ancestor::h2 or ancestor::h3 or ancestor::h4 or " \
                 "ancestor::h5 or ancestor::h6]"
_PERMALINK_GLYPHS = frozenset("¶#§🔗⚓")
# A footnote's marker: a superscript link to the note, its text a number or a letter in brackets or a glyph (MediaWiki's
# "[1]", "[a]", "[nota 2]"; "↑", "*"), no word of the sentence it follows (probe 47: "...na Figueira da Foz.[1]").
_FOOTNOTE_MARKS = "//sup[a[starts-with(@href, '#')]]"
_FOOTNOTE_MARK = re.compile(r"\[(?:[^\W_]{1,8} )?[\w]{1,3}\]|[↑*†‡]|\d{1,3}")
# The blocks of running text a screen reader's note may sit in; one elsewhere (a menu's heading) was never text.
_TEXT_BLOCKS = frozenset(("p", "li", "td", "th", "dd", "dt", "figcaption", "caption", "blockquote", "h2", "h3", "h4",
                          "h5", "h6"))
SCREEN_READER_REASON = "screen-reader-only text: a class hides it from sight, so a reader of the page never sees it"
# What of a footnote's marker is listed (issue 3, s49-cleaning): a word in it ("[nota 2]", "[note b]"). Glyphs and
# numbers alone ("[1]", "[a]", "↑", a permalink's "¶") are a reference's or an anchor's signs, no text an annotator
# marks: a wiki article has hundreds, and listing each would bury the listing's lines.
_MARK_WORD = re.compile(r"[^\W\d_]{2}")
LEFT_OUT_BY_LOADER = "left out by the HTML loader"
FOOTNOTE_MARK_REASON = f"{LEFT_OUT_BY_LOADER}: a footnote's marker, a link to its note"


def without_unseen_words(root: Any) -> tuple[list[tuple[str, Any | None, str]], bool]:
    """Take out of ``root`` its headings' permalinks, its footnotes' markers and the elements only a screen reader reads (see
    _SCREEN_READER_CLASSES; not a link, nor a "...-focusable" one: a skip link shows when it takes the focus), their
    tails kept. Returns each note that sat in a block of running text, with that block, or in the article (``None``),
    and each footnote's marker that holds a word, with its block, and why, for the listing; and whether anything was
    taken out."""
    changed = False
    for link in root.xpath(_HEADING_LINKS):
        if set(squeezed(link.text_content())) <= _PERMALINK_GLYPHS:
            link.drop_tree()
            changed = True
    notes = []
    for mark in root.xpath(_FOOTNOTE_MARKS):
        if _FOOTNOTE_MARK.fullmatch(text := squeezed(mark.text_content())):
            if _MARK_WORD.search(text):  # "[nota 2]": a word, listed; "[1]", "↑": none
                notes.append((text, _text_block(mark), FOOTNOTE_MARK_REASON))
            mark.drop_tree()
            changed = True
    for element in root.xpath(_MAYBE_SCREEN_READER_ONLY):
        classes = element.get("class").lower().split()
        if _SCREEN_READER_CLASSES.isdisjoint(classes) or any("focusable" in name for name in classes):
            continue
        ancestors = [_tag(ancestor) for ancestor in element.iterancestors()]
        block = _text_block(element)
        # A block of its own in the article (a chart's description for screen readers) is listed too: the extraction
        # would have kept it, and nothing leaves the text unsaid. One elsewhere (a menu's heading) was never text.
        if (block is not None or "article" in ancestors or "main" in ancestors) \
                and (text := squeezed(element.text_content())):
            notes.append((text, block, SCREEN_READER_REASON))
        element.drop_tree()
        changed = True
    return notes, changed


def _text_block(element: Any) -> Any | None:
    """The block of running text (see _TEXT_BLOCKS) ``element`` sits in, or None."""
    return next((ancestor for ancestor in element.iterancestors() if _tag(ancestor) in _TEXT_BLOCKS), None)


def screen_reader_parts(notes: list[tuple[str, Any | None, str]], content: str) -> list[tuple[str, int, str]]:
    """The screen reader's notes and the footnotes' markers with a word, taken out of blocks that ``content`` holds,
    or out of the article as blocks of their own, as parts left out (see left_out_runs)."""
    extracted = _ExtractedLines(content)
    line_ends = list(itertools.accumulate(len(line) + 1 for line in content.split("\n")))
    parts = []
    for text, block, reason in notes:
        if block is None:  # a block of its own in the article: after the text
            parts.append((text, len(content), reason))
            continue
        line = extracted.line_of(_LIST_MARK.sub("", squeezed(block.text_content())), 0)
        if line is not None:
            parts.append((text, min(line_ends[line], len(content)), reason))
    return parts


def in_page_order(root: Any, text: str) -> str:
    """``text`` with its first line put back in its place in the page. trafilatura may put a block it reads first
    over the page's title (a live blog's first entry, in a ``<div class="post">``, over "LIVE" and the headline; probe
    50). A line is placed by the page's block it holds when both are found once ("Reply" and "Share" may be found many
    times); the first line placed, when lines placed under it come before it in the page, goes right over the first of
    them that comes after it (its following entry). The other lines keep the extraction's order, which may join a
    list's items into one line and so be placed by no block."""
    extracted, ranks = _ExtractedLines(text), {}
    blocks = [flat for block in _page_blocks(root) if (flat := squeezed(block.text_content()))]
    counts = Counter(blocks)
    for rank, flat in enumerate(blocks):
        if counts[flat] == 1 and len(extracted.at.get(flat, ())) <= 1 \
                and (line := extracted.line_of(flat, 0)) is not None:
            ranks.setdefault(line, rank)
    placed = sorted(ranks)
    if len(placed) < 2 or ranks[placed[0]] < min(ranks[line] for line in placed[1:]):
        return text
    first = placed[0]
    after = next((line for line in placed[1:] if ranks[line] > ranks[first]), None)
    lines = text.split("\n")
    moved = lines[: first + 1]
    if after is None:
        return "\n".join([*lines[first + 1 :], *moved])
    return "\n".join([*lines[first + 1 : after], *moved, *lines[after:]])


def restored_blocks(root: Any, text: str) -> str:
    """``text`` with the page's headings, list items, table rows and blocks of text that the extraction left out
    between two blocks it kept put back in their place. trafilatura reads a page without ``<article>`` or ``<main>``
    (a site laid out in ``<div>``s) for its paragraphs alone, and so drops a journal's ``<h2>`` section headings and
    a list laid out in ``<div>``s; a table it drops everywhere, as tables are mostly layout (probe 28: a product's
    specifications). What it keeps bounds the page's content: a block left out before the first line kept (but the
    headings right over it) or after the last is the page's header or footer, and stays out; so do menus and lists of
    links (see _LINK_SHARE)."""
    lines, extracted = text.split("\n"), _ExtractedLines(text)
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    kept_line, left_out = None, []
    for block in _page_blocks(root):
        flat_block = squeezed(block.text_content())
        if not flat_block:
            continue
        line = extracted.line_of(flat_block, kept_line or 0)
        if line is not None and _tag(block) == "h1":
            # An <h1> the text holds bounds nothing: the page's title, which the text also holds where a link repeats
            # it (a mailing list's "Next message: <title>" over the message, cleaning35).
            continue
        if line is not None:
            if left_out and kept_line is None:
                before[line] = left_out
            elif left_out:
                after.setdefault(kept_line, []).extend(left_out)
            kept_line, left_out = line, []
        elif not extracted.holds(flat_block) and _restorable(block) and _link_share(block) < _LINK_SHARE \
                and (kept_line is not None or _tag(block) in _HEADINGS):
            left_out.extend(_block_lines(block))
        elif kept_line is None:
            # Above the first line kept, only the headings right over it are the content's ("Resumo" over the
            # abstract); what stands above them is the page's header.
            left_out = []
    if not before and not after:
        return text
    restored: list[str] = []
    for index, line in enumerate(lines):
        restored.extend(before.get(index, ()))
        restored.append(line)
        restored.extend(after.get(index, ()))
    return "\n".join(restored)


# Elements whose text is not shown as the page's text (or is a form's choices): not text the loader left out.
_UNSHOWN_TAGS = frozenset(("head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
                           "select", "textarea", "video", "audio", "map"))
# Elements that stand as blocks of their own: a run of text stops at each (inline elements' text runs on).
_FLOW_BLOCKS = _BLOCK_TAGS | {"html", "body", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
                              "menu", "hgroup", "caption", "legend", "br", "hr"}
# Inline elements a page shows apart from the text beside them: a form's label and buttons ("Pesquisar" "Procurar").
_SPACED_INLINE = frozenset(("button", "label", "input", "img"))
# The page's landmarks that hold its chrome, by element and by ARIA role, named as a reader calls them.
_CHROME_LANDMARKS = {"nav": "navigation", "header": "header", "footer": "footer", "aside": "aside box", "form": "form"}
_CHROME_ROLES = {"navigation": "navigation", "banner": "header", "contentinfo": "footer", "complementary": "aside box",
                 "search": "search form", "dialog": "dialog", "alertdialog": "dialog", "menu": "menu",
                 "menubar": "menu"}
# What of an element's class a reason quotes: enough to recognise it ("share-bar", "cookie-notice").
_QUOTED_CLASS_CHARS = 40


class _TextRun(NamedTuple):
    """A run of the page's text as a reader sees it: a block's own text up to its next inner block (or line break),
    the element holding it, the landmark (see _CHROME_LANDMARKS) and the element with a class or id nearest it, and
    how much of it is link text."""

    text: str
    element: Any
    landmark: Any
    classed: Any
    linked: int


def _is_chrome_landmark(element: Any, tag: str) -> bool:
    return tag in _CHROME_LANDMARKS or (element.get("role") or "").strip().lower() in _CHROME_ROLES


def _holds_a_block(element: Any) -> bool:
    return any(_tag(inner) in _FLOW_BLOCKS for inner in element.iterdescendants())


def _text_runs(element: Any, runs: list[_TextRun], landmark: Any = None, classed: Any = None) -> list[_TextRun]:
    """``runs`` and the runs of text of the page under ``element`` after them, in the page's order (see _TextRun); a
    table's row of cells without blocks is one run, as restored_blocks writes it ("Power: 3000 W"). Appended to one
    list, as a generator's items would pass up through every generator of the tree's depth."""
    tag = _tag(element)
    if _is_chrome_landmark(element, tag):
        landmark = element
    if element.get("class") or element.get("id"):
        classed = element
    if tag == "tr" and all(not _holds_a_block(cell) for cell in element if _tag(cell) in _CELLS):
        if row := _block_lines(element)[0]:
            runs.append(_TextRun(row, element, landmark, classed, _link_share_chars(element)))
        return runs
    if tag == "dd" and _defined_term(element.getprevious()) is not None:
        return runs  # the term's run holds it
    if (pair := _defined_term(element)) is not None:
        runs.append(_TextRun(pair, element, landmark, classed, _link_share_chars(element)))
        return runs
    run, linked = [element.text or ""], 0
    for child in element:
        child_tag = _tag(child)
        if child_tag in _UNSHOWN_TAGS or (child_tag and not _shown(child)):
            pass
        elif child_tag in _FLOW_BLOCKS or child_tag and _holds_a_block(child):
            if text := squeezed("".join(run)):
                runs.append(_TextRun(text, element, landmark, classed, linked))
            run, linked = [], 0
            _text_runs(child, runs, landmark, classed)
        elif child_tag:
            inline = child.text_content()
            run.append(f" {inline} " if child_tag in _SPACED_INLINE else inline)
            linked += len(squeezed(inline)) if child_tag == "a" else _link_share_chars(child)
        run.append(child.tail or "")
    if text := squeezed("".join(run)):
        runs.append(_TextRun(text, element, landmark, classed, linked))
    return runs


def _defined_term(term: Any) -> str | None:
    """A description list's term and its one definition as one line, "Capacity: 1.7 litres", as a table's row of a name
    and its value reads (a shop's specifications in a ``<dl>``, probe 48, found blind), or None: a term with several
    definitions (a forum poster's name over their counts) or a block inside is read as it is."""
    if term is None or _tag(term) != "dt":
        return None
    definition = term.getnext()
    if definition is None or _tag(definition) != "dd" or _holds_a_block(term) or _holds_a_block(definition):
        return None
    following = definition.getnext()
    if following is not None and _tag(following) == "dd":
        return None
    name, value = squeezed(term.text_content()).rstrip(":"), squeezed(definition.text_content())
    return f"{name}: {value}" if name and value else None


# The fields a store lists about a listing rather than about the thing it sells (App Store's "Information", Google
# Play's "About this app", in English and Portuguese): who sells it, its size, category, compatibility, languages, age
# rating, copyright, price, updates and installs. A shop's specifications ("Potência", "Capacity", "Material") name
# the product's own properties.
_LISTING_FIELD = re.compile(
    r"(?:seller|provider|developer|publisher|offered by|vendedor|fornecedor|desenvolvedora?|oferecido por|"
    r"size|tamanho|category|categoria|compatibility|compatibilidade|requires|requer|languages?|idiomas?|"
    r"age rating|content rating|rated|classificação(?: etária| indicativa)?|copyright|direitos autorais|"
    r"price|preço|in-app purchases|compras no app|updated(?: on)?|atualizado em|downloads|installs|instalações|"
    r"released(?: on)?|lançado em|version|versão)", re.IGNORECASE)
# The least rows of a description list, and the share of them that are a listing's fields (_LISTING_FIELD), for the
# list to be a store's information about its listing.
_LISTING_ROWS = 3
_LISTING_SHARE = 0.5


def _is_listing_information(terms: list[Any]) -> bool:
    """Whether a description list, by its ``terms``, is a store's information about its listing ("Seller", "Size",
    "Age Rating": probe 46's App Store page, probe 49's), which describes the listing, not the thing it sells: chrome,
    where a shop's specification list is the product's facts (probes 28, 48, 49)."""
    fields = sum(bool(_LISTING_FIELD.fullmatch(squeezed(term.text_content()).rstrip(":"))) for term in terms)
    return len(terms) >= _LISTING_ROWS and fields >= _LISTING_SHARE * len(terms)


def _listing_terms(root: Any) -> set[Any]:
    """The terms of the page's description lists that are a store's information about its listing (see
    _is_listing_information)."""
    lists: dict[Any, list[Any]] = {}
    for term in root.iter("dt"):
        holder = next(term.iterancestors("dl"), None)
        lists.setdefault(holder, []).append(term)
    return {term for holder, terms in lists.items() if holder is not None and _is_listing_information(terms)
            for term in terms}


def with_terms_defined(root: Any, text: str) -> str:
    """``text`` with a description list's term and its one definition, which the extraction gives as two lines (two
    list items), as one line (see _defined_term); a store's information about its listing (see
    _is_listing_information) is left out, term and definition, and listed with the parts of the page left out."""
    listing = _listing_terms(root)
    pairs = {(squeezed(term.text_content()).rstrip(":"), squeezed(term.getnext().text_content())):
             "" if term in listing else pair
             for term in root.iter("dt") if (pair := _defined_term(term)) is not None}
    if not pairs:
        return text
    lines = text.split("\n")
    joined: list[str] = []
    index = 0
    while index < len(lines):
        pair = pairs.get((_LIST_MARK.sub("", squeezed(lines[index])).rstrip(":"),
                          _LIST_MARK.sub("", squeezed(lines[index + 1])))) if index + 1 < len(lines) else None
        # A list's mark stays ("- Capacity: 1.7 litres"): the extraction made the term a list's item, and a heading
        # over a list's items is the list's (the cleaning's heads_markdown_section).
        mark = _LIST_MARK.match(lines[index].lstrip()) if pair else None
        if pair != "":
            joined.append(lines[index] if pair is None else (mark[0] if mark else "") + pair)
        index += 2 if pair is not None else 1
    return "\n".join(joined)


def _link_share_chars(element: Any) -> int:
    return sum(len(squeezed(link.text_content())) for link in element.iter("a"))


def _markup(element: Any) -> str:
    """An element as a reason quotes it: its tag and its role, id or class (``<div class="share-bar">``)."""
    for name in ("role", "id", "class"):
        if value := squeezed(element.get(name) or ""):
            shown = value if len(value) <= _QUOTED_CLASS_CHARS else value[:_QUOTED_CLASS_CHARS] + "..."
            return f'<{_tag(element)} {name}="{shown}">'
    return f"<{_tag(element)}>"


# What a block outside the main text is, by the words of its class or id (or an ancestor's): themes name their chrome
# ("entry-meta", "sharedaddy", "jp-relatedposts", "comment-respond", "paywall", "didomi-popup", "catlinks"). Looked for
# at a name's start, after a hyphen or an underscore ("post-tags", "sd-like"), nearest the run first; the first kind a
# name holds, in this order. Half of probe 46's listed chrome said only "outside the page's main text".
_MARKUP_KINDS = (
    ("cookie notice", r"cookie\w*|consent\w*|didomi\w*|onetrust\w*|gdpr|cmp"),
    ("paywall", r"paywall\w*|meter|regwall"),
    ("subscribe prompt", r"newsletter\w*|subscri\w*|signup|sign-up|assine|assinatura"),
    ("share box", r"share\w*|sharing|sharedaddy|compartilh\w*|partilh\w*|social"),
    ("related links", r"related\w*|relacionad\w*|leia-tambem|leia-mais|read-more|more-stories|recommend\w*|vitrine|recs"),
    ("comments", r"comment\w*|respond|reply|coment\w*"),
    ("advertisement", r"ad|ads|adslot|advert\w*|publicidade|dfp|sponsor\w*"),
    ("byline", r"byline|author|autor|entry-meta|post-meta|posted-on|keyinfo|poster|postprofile|postedby|dateline"),
    ("tags or categories", r"tags?|cat-links|categor\w*"),
    ("breadcrumb", r"breadcrumbs?|navigate_section|trilha"),
    ("signature", r"signature\w*"),
    ("ratings", r"rating\w*|stars|avaliac\w*|reviews?"),
    ("price or payment", r"price|preco|installments|parcelas|klarna"),
    ("buttons", r"quickbuttons|buttons|btn\w*"),
    ("navigation", r"nav\w*|menu\w*|pagelinks|pagination|pager|nextlinks|jump\w*|skip\w*|toolbar"),
    ("references", r"references?|citations?|footnotes?|reflist"),
    ("wiki's summary box", r"infobox|navbox|catlinks"),
    ("header", r"header\w*|masthead|topbar|forumtitle|site-title|logo"),
    ("footer", r"footer\w*|rodape|colophon|site-info|copyright"),
)
_MARKUP_KIND = re.compile("|".join(f"(?P<k{index}>(?:^|[-_ ])(?:{names})(?=$|[-_ ]))"
                                   for index, (_kind, names) in enumerate(_MARKUP_KINDS)), re.IGNORECASE)
# How far up from a run its markup's names are looked for.
_MARKUP_KIND_DEPTH = 4


def markup_kind(element: Any) -> str | None:
    """What ``element`` or one of its nearest ancestors is by the words of its class or id (see _MARKUP_KINDS)."""
    for holder in itertools.islice(itertools.chain((element,), element.iterancestors()), _MARKUP_KIND_DEPTH):
        for name in (holder.get("class"), holder.get("id")):
            if name and (found := _MARKUP_KIND.search(name)):
                return _MARKUP_KINDS[int(found.lastgroup[1:])][0]
    return None


def _left_out_reason(run: _TextRun) -> str:
    """Why a run of the page's text is not in the loader's text: the landmark that held it (the page's navigation, its
    footer), else that the extraction found it outside the page's main text, in the markup nearest it."""
    if run.landmark is not None:
        tag = _tag(run.landmark)
        role = (run.landmark.get("role") or "").strip().lower()
        return f"{LEFT_OUT_BY_LOADER}: in the page's {_CHROME_ROLES.get(role) or _CHROME_LANDMARKS[tag]} " \
               f"({_markup(run.landmark)})"
    # What the run is, when its markup does not say: a menu's line of links, a live entry's stamp (probe 45). Imported
    # here: the cleaning rules' module compiles 1,300 regexes, which `anota label-config` must not pay for.
    from server.boilerplate import is_named_clock_time

    links = ", a line of links" if run.linked >= _LINK_SHARE * len(run.text) else \
        ", a clock time alone (a time stamp)" if is_named_clock_time(run.text) else ""
    holder = run.classed if run.classed is not None else run.element
    kind = markup_kind(run.element)
    named = f"{kind} by its markup's name, " if kind else ""
    return f"{LEFT_OUT_BY_LOADER}: {named}outside the page's main text as the extraction found it " \
           f"(in {_markup(holder)}{links})"


def _copy_reason(run: _TextRun) -> str:
    """Why a run whose text is a line of the loader's text, each copy of it a run before, is left out: the page shows it
    again (an infobox's title under the <h1>, cleaning47's Rio Mondego; a paragraph printed twice, which the extraction
    keeps once, cleaning35), and was neither a task nor listed."""
    kind = markup_kind(run.element)
    holder = run.classed if run.classed is not None else run.element
    return f"{LEFT_OUT_BY_LOADER}: a copy of a line the text holds, from another place in the page " \
           f"(in {_markup(holder)}{f', {kind} by its markup' if kind else ''})"


def _outermost_list(item: Any) -> Any:
    """The list a list's item is in, or the list of the item that list is nested in, and so on up: a menu's submenu
    ("Região" over "Monchique", "Silves") is a line of the menu's (probe 45)."""
    outer = item.getparent()
    while (holder := outer.getparent()) is not None and _tag(holder) == "li" and holder.getparent() is not None:
        outer = holder.getparent()
    return outer


# A table of contents' entry: a link to an anchor in the page whose heading reads as the link does (s49-cleaning). The
# heading in the body is the line the text holds, the entry above it the copy: had the entry claimed the line, the
# heading would have been listed as the copy.
CONTENTS_ENTRY_REASON = f"{LEFT_OUT_BY_LOADER}: a table of contents, each entry a link to the heading it names in the page"


def _is_contents_entry(root: Any, run: _TextRun) -> bool:
    """Whether a run is all one link to an anchor in the page (``href="#..."``) whose element is a heading of the run's
    text, or holds one first (a ``<section id>`` over its ``<h2>``)."""
    if run.linked != len(run.text):  # most runs: not all link text
        return False
    link = run.element if _tag(run.element) == "a" else run.element.find("a")
    href = "" if link is None else link.get("href") or ""
    if not href.startswith("#") or len(href) < 2 or squeezed(link.text_content()) != run.text:
        return False
    target = root.get_element_by_id(href[1:], None)
    if target is None:
        return False
    heading = target if _tag(target) in _HEADINGS or _tag(target) == "h1" else next(
        (inner for inner in target.iterdescendants() if _tag(inner) in _HEADINGS or _tag(inner) == "h1"), None)
    return heading is not None and squeezed(heading.text_content()) == run.text


def left_out_runs(root: Any, content: str) -> list[tuple[str, int, str]]:
    """The page's runs of text that ``content`` (the loader's text) does not hold, in the page's order, each as
    ``(text, at, reason)`` (see Document.with_left_out): ``at`` is the end of the content's line kept last above it.
    A list's items left out one after another for the same reason are one line ("Início · Notícias · Agenda"), as a
    menu reads, its submenus' items too. Only what the page shows is read: no script, style or hidden element."""
    extracted = _ExtractedLines(content)
    line_ends = list(itertools.accumulate(len(line) + 1 for line in content.split("\n")))
    left_out: list[tuple[str, int, str]] = []
    kept_line, last_list = None, None
    body = root.find("body")
    runs = _text_runs(root if body is None else body, [])
    whole = {line for run in runs for line in extracted.at.get(run.text, ())}
    claimed: set[int] = set()  # the lines that a run is (see _ExtractedLines.unclaimed_line)
    for run in runs:
        is_a_line = run.text in extracted.at
        contents_entry = is_a_line and _is_contents_entry(root, run)  # its heading, further down, is the line
        line = None if contents_entry else extracted.unclaimed_line(run.text, kept_line or 0, claimed) if is_a_line \
            else extracted.line_inside(run.text, kept_line or 0, whole)
        if line is not None:
            if is_a_line:
                claimed.add(line)
            if line >= (kept_line or 0):  # not a title put first
                kept_line, last_list = line, None
            continue
        at = 0 if kept_line is None else min(line_ends[kept_line], len(content))
        reason = CONTENTS_ENTRY_REASON if contents_entry else _copy_reason(run) if is_a_line else _left_out_reason(run)
        parent = _outermost_list(run.element) if _tag(run.element) == "li" else None
        if parent is not None and parent is last_list and left_out[-1][1:] == (at, reason):
            left_out[-1] = (f"{left_out[-1][0]} · {run.text}", at, reason)
        else:
            left_out.append((run.text, at, reason))
        last_list = parent
    return left_out


# A forum's post, by the id its software gives it: phpBB's "p90211", vBulletin's "post_441201", SMF's "msg_12345",
# MyBB's "post_123", XenForo's "js-post-123", Discourse's "post_1". The elements whose id opens so are found by one
# XPath query a page, and only they are matched.
# A Q&A site's question and answers are a thread's posts too: Stack Exchange's "question" and "answer-131209"
# (probe 49).
_POST_ID = re.compile(r"(?:p|post[_-]?|msg[_-]?|js-post-|answer-)\d+|question")
_MAYBE_POSTS = "//*[starts-with(@id, 'p') or starts-with(@id, 'msg') or starts-with(@id, 'js-post') or " \
               "starts-with(@id, 'answer-') or @id = 'question']"
_DIGITS = re.compile(r"\d+")
# The headings a thread's title may be, above its first post.
_THREAD_TITLES = frozenset(("h1", "h2", "h3"))


def _post_box(element: Any, marked_inside: Counter[Any]) -> Any:
    """The box of the post whose id ``element`` carries: its outermost ancestor (or itself) that holds no other element
    with a post's id (``marked_inside`` counts them by element). Most forums put the id on the post's box (phpBB's
    ``<div id="p90211" class="post">``); SMF 2.0 puts it on the message alone (``<div class="inner" id="msg_38120">``,
    probe 49), inside the box that holds the post's card, subject and signature."""
    box = element
    for ancestor in element.iterancestors():
        if marked_inside[ancestor] > 1:
            break
        box = ancestor
    return box


def _thread_posts(root: Any) -> list[Any]:
    """A forum thread's posts (see _POST_ID and _post_box), outermost, outside the page's chrome, when there are two
    or more: boxes holding blocks (a post's card and message), not a document's numbered paragraphs
    (``<p id="p1">``). A form that holds the posts (SMF's moderation form around the thread) is no chrome of theirs."""
    marked = [element for element in root.xpath(_MAYBE_POSTS) if _POST_ID.fullmatch(element.get("id"))]
    # Keyed by the elements themselves, which keeps lxml's proxies alive, and so the same, for _post_box's walk.
    marked_inside = Counter(ancestor for element in marked for ancestor in element.iterancestors())
    boxes = [box for box in dict.fromkeys(_post_box(element, marked_inside) for element in marked)
             if _has_block_inside(box)]
    posts = [box for box in boxes if not any(ancestor in boxes or marked_inside[ancestor] < 2 and
                                             _is_chrome_landmark(ancestor, _tag(ancestor))
                                             for ancestor in box.iterancestors())]
    return posts if len(posts) >= 2 else []


def _step(element: Any) -> tuple[str, str, str]:
    """An element as a post's path names it: its tag, class, and id without the post's number."""
    return _tag(element), element.get("class") or "", _DIGITS.sub("", element.get("id") or "")


def _message_path(post: Any, holder: Any) -> list[tuple[str, str, str]]:
    """The steps from a post down to the element that holds its message."""
    steps = []
    for element in itertools.chain((holder,), holder.iterancestors()):
        if element is post:
            return steps[::-1]
        steps.append(_step(element))
    return []


def _followed(post: Any, path: list[tuple[str, str, str]]) -> Any | None:
    """The element that holds a post's message, down ``path`` from the post; or, where the post's markup differs on the
    way (Stack Exchange's answer in an "answercell" where the question's is in a "postcell", probe 49), the one element
    inside the post of the message holder's tag and class."""
    element = post
    for step in path:
        element = next((child for child in element if _step(child) == step), None)
        if element is None:
            break
    if element is not None or not path or not path[-1][1]:
        return element
    tag, classes, _id = path[-1]
    holders = [inner for inner in post.iter(tag) if inner.get("class") == classes]
    return holders[0] if len(holders) == 1 else None


def _common_holder(elements: list[Any]) -> Any:
    """The innermost element that holds all of ``elements``."""
    holders = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        inside = {id(ancestor) for ancestor in itertools.chain((element,), element.iterancestors())}
        holders = [holder for holder in holders if id(holder) in inside]
    return holders[0]


def _quote_sources_apart(message: Any) -> None:
    """A quote's source ("oakshavings wrote: ↑ Sat Nov 28, 2026", in a <cite> that opens the quote) as a line of its
    own, as the forum shows it, not run into the quoted text (probe 47's phpBB quote was one task with its header)."""
    from lxml import etree

    for cite in message.iter("cite"):
        parent = cite.getparent()
        if parent is not None and cite.getprevious() is None and not (parent.text or "").strip() and \
                any(_tag(ancestor) == "blockquote" for ancestor in cite.iterancestors()):
            cite.addnext(etree.Element("br"))
            cite.getnext().tail, cite.tail = cite.tail, None


def _is_message_run(run: _TextRun) -> bool:
    """Whether a run of a post is its message's: not what its markup names as chrome (a byline, a signature, a profile,
    buttons) nor a line of links ("Quote", "Post Reply")."""
    return run.landmark is None and markup_kind(run.element) is None and run.linked < _LINK_SHARE * len(run.text)


def _message_lines(message: Any) -> list[str]:
    """A post's message as lines: its runs of text that are the message's (see _is_message_run)."""
    _quote_sources_apart(message)
    return [run.text for run in _text_runs(message, []) if _is_message_run(run)]


def _thread_title(root: Any, posts: list[Any], first_message: Any | None) -> str:
    """The thread's title: the first post's subject, a heading inside it above its message that the page's
    ``<title>`` opens with (SMF 2.0's ``<h5>``, under a bar "Autor Tópico: ... (Lida 1.318 vezes)", probe 49), or
    else the heading last above the first post, h1 to h3, outside the page's chrome (a form that holds the posts,
    SMF's, is not chrome)."""
    page_title = squeezed(root.findtext(".//title") or "")
    holders = {ancestor for post in posts for ancestor in post.iterancestors()}
    last_above, subject, above = "", "", True
    for element in root.iter():
        above = above and element is not posts[0]
        if element is first_message or not above and first_message is None:
            break
        tag = _tag(element)
        if (tag in _HEADINGS or tag == "h1") and not any(_is_chrome_landmark(ancestor, _tag(ancestor)) and
                                                         ancestor not in holders
                                                         for ancestor in element.iterancestors()):
            text = squeezed(element.text_content())
            if not above and text and page_title.startswith(text):
                subject = text
            elif above and tag in _THREAD_TITLES:
                last_above = text
    return subject or last_above


def with_thread_posts(root: Any, text: str) -> str:
    """``text`` with a forum thread's posts read post by post. trafilatura reads a thread's posts (phpBB's, vBulletin's)
    as blocks of their own: it keeps the one it finds the page's main text and drops the others' messages and the
    thread's title (probe 47's phpBB thread, blind; probe 48's vBulletin thread), or keeps them with their posters'
    profiles and signatures (probe 48's phpBB thread). The lines the posts' text held are read again: each post's
    message where a kept message is in its post's markup (the same tags and classes down from the post), without
    what its markup names as chrome; the thread's title, the heading above the first post, opens them."""
    posts = _thread_posts(root)
    if not posts:
        return text
    extracted = _ExtractedLines(text)
    runs = [_text_runs(post, []) for post in posts]
    held = [[run for run in post_runs if len(run.text) >= _FOUND_INSIDE_CHARS and extracted.holds(run.text)]
            for post_runs in runs]
    messages_held = [[run for run in post_held if _is_message_run(run)] for post_held in held]
    kept, kept_held = max(zip(posts, messages_held), key=lambda pair: len(pair[1]))
    at = [line for post_held in held for run in post_held if (line := extracted.line_of(run.text, 0)) is not None]
    if not kept_held or not at:
        return text
    first, last = min(at), max(at)
    posts_texts = {run.text for post_runs in runs for run in post_runs}
    while first > 0 and extracted.lines[first - 1] in posts_texts:
        first -= 1
    while last + 1 < len(extracted.lines) and extracted.lines[last + 1] in posts_texts:
        last += 1
    # Only the posts' own lines are read again: a line between them from elsewhere (a heading of the page's between two
    # boxes that only look like posts) leaves the text as it is.
    posts_joined = "\n".join(posts_texts)
    if any(line and line not in posts_joined for line in extracted.lines[first:last + 1]):
        return text
    path = _message_path(kept, _common_holder([run.element for run in kept_held]))
    title = _thread_title(root, posts, _followed(posts[0], path))
    thread = [title] if title and not extracted.holds(title) else []
    for message in (_followed(post, path) for post in posts):
        if message is not None:
            thread.extend(_message_lines(message))
    lines = text.split("\n")
    return "\n".join([*lines[:first], *thread, *lines[last + 1:]])


# The fewest words of a paragraph that is a page's standfirst under its title, and what ends it: a sentence's stop.
STANDFIRST_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# The most paragraphs of a title's box that come back under it.
STANDFIRST_PARAGRAPHS = 3


def with_standfirst(page: str, root: Any, content: str) -> str:
    """``content`` with the prose that follows the page's first ``<h1>`` in its own box, up to the first block the
    content holds, under the content's title line (``# ...``): a hero ``<section>`` over ``<main>`` or an article's
    ``<header>`` holds the title and its standfirst ("Three summers of trial and error taught me..."), which the
    extraction drops with the box, and mark_title puts back only the title. Prose is a sentence of STANDFIRST_WORDS
    words or more, not mostly links; a byline or a date in the box ("Posted on 12 November 2026 by Hannah") stays out."""
    first_h1, heading = _FIRST_H1.search(page), next(root.iter("h1"), None)
    lines = content.split("\n")
    if first_h1 is None or heading is None or f"# {_heading_text(first_h1.group(1))}" not in lines:
        return content
    extracted = _ExtractedLines(content)
    standfirst = []
    for sibling in heading.itersiblings():
        tag = _tag(sibling)
        if tag in _HEADINGS or tag == "h1" or len(standfirst) == STANDFIRST_PARAGRAPHS:
            break
        if tag not in ("p", "div") or not _shown(sibling) or _holds_a_block(sibling):
            continue
        text = squeezed(sibling.text_content())
        if extracted.holds(text):
            break  # the extraction's text goes on from here
        if len(text.split()) >= STANDFIRST_WORDS and _SENTENCE_END.search(text) and _link_share(sibling) < _LINK_SHARE:
            standfirst.append(text)
    if not standfirst:
        return content
    at = lines.index(f"# {_heading_text(first_h1.group(1))}") + 1
    return "\n".join([*lines[:at], *standfirst, *lines[at:]])


class HtmlLoader(Loader):
    """The main text of a web page, without navigation, comments or footers, which follow it as parts left out."""

    name = "html"
    # 2: a page precision mode finds nothing in is read in balanced mode; 3: the page's <h1> is marked as its title;
    # 4: its <h2> to <h6> as headings; 5: a page that is not UTF-8 is read in the charset it declares;
    # 6: a title the extraction left out with its <header> opens the text; 7: so does one that the text follows
    # (an e-book chapter's <section><h1>); 8: and one that opens the page's <title>; 9: or that the <title> shortens,
    # under the lines the page puts above it; 10: the headings, list items, table rows and lists in <div>s the
    # extraction left out between two lines it kept are put back; 11: a table's header row of three cells or more has
    # the delimiter row under it, and a heading with a wiki's edit link is marked as one; 12: an <h1> that is the
    # page's whole <title>, no link, opens the text (outside the header, or in it under the site's menu); 13: the text
    # the extraction left out follows the page's text, listed as left out (Document.left_out), and the standfirst in
    # the box of a title put back follows it (with_standfirst); 14: what a hiding class hides
    # ("sr-only", "visually-hidden", "screen-reader-text", "hidden") is not listed, but a link (a skip link), a
    # submenu's items left out are a line of their menu's, and a clock time alone is named so; what the page hides
    # from every reader (``hidden``, ``display: none``) is taken out before the extraction, which kept it; 15: so are
    # a heading's permalink ("¶") and what only a screen reader reads, listed when it was inside the text (probe 46);
    # 16: and a footnote's marker ("[1]"); an <h1> between two lines kept comes back (an e-mail's, in a layout table);
    # a wiki's infobox and navbox rows do not; a left-out block's reason names what its class says it is (probe 47);
    # 17: a forum thread is read post by post (probe 48); 18: SMF 2.0's and a Q&A site's too, and a description list's
    # term and its one definition are one line, but a store's information about its listing, left out (probe 49); 19:
    # the extraction's first line put back in its place when the page has it lower (a live blog's entry; probe 50);
    # 20: a line's second copy (an infobox's title under the <h1>) and a header's name inside the text's first
    # sentence are listed as left out, no longer taken for kept text (s48-cleaning); 21: a table of contents' entry
    # is listed as the copy, not its heading in the body, and a footnote's marker with a word ("[nota 2]") is listed
    # (s49-cleaning)
    version = "21"
    suffixes = (".html", ".htm", ".xhtml")

    def load(self, path: Path, source: str) -> Iterator[Document]:
        # trafilatura's main-content extraction is maintained against real
        # sites and beats tag stripping, which keeps menus and footers.
        import trafilatura

        page = read_page(path)
        root = parsed_page(page)
        notes: list[tuple[str, Any | None, str]] = []
        if root is not None:
            notes, changed = without_unseen_words(root)
            page = without_hidden(page, root, changed)
        text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True)
        if not text or not text.strip():
            # Precision mode finds nothing in a page without an article-like
            # block, such as an e-mail newsletter laid out in tables; the
            # balanced mode reads it, and the cleaning leaves its chrome out.
            text = trafilatura.extract(page, include_comments=False, include_tables=False)
        if not text or not text.strip():
            raise LoaderError("no main text found in the page")
        if root is None:
            yield Document(source, mark_title(page, text))
            return
        root = without_hidden_by_class(root)
        content = with_standfirst(page, root, mark_title(page, with_terms_defined(
            root, with_thread_posts(root, restored_blocks(root, in_page_order(root, text))))))
        left_out = left_out_runs(root, content)
        if notes:
            left_out = sorted([*left_out, *screen_reader_parts(notes, content)], key=lambda part: part[1])
        yield Document.with_left_out(source, content, left_out)


@hookimpl
def register_loaders(register: Callable[[Loader], None], app: Flask) -> None:
    text_field = app.config.get("SOURCE_TEXT_FIELD") or DEFAULT_TEXT_FIELD
    register(PlainTextLoader())
    register(JsonLoader(text_field))
    register(CsvLoader(text_field))
    register(HtmlLoader())
