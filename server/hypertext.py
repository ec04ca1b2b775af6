"""A HyperText task's page as Label Studio 1.23.2's editor lays it out, so that
a span of the text a reader sees becomes a ``HyperTextLabels`` region: the
XPaths of the text nodes holding its first and last characters, the offsets
within them, and its global offsets. What the editor does is written down,
with its source files, in docs/hypertext.md.

The page is first written again as the editor's sanitizer writes it
(server.hypertext_sanitizer); html5lib then builds the tree the browser builds
of that (WHATWG tree construction: an implied ``<tbody>``, the head and body
of an iframe's document, the fragment case of a ``<div>``'s ``innerHTML``),
which lxml's libxml2 parser does not."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from server.hypertext_sanitizer import sanitized

# Text nodes a reader does not see: they count in the global offsets, but the
# annotators read spaces in their place.
HIDDEN_TAGS = frozenset(("style", "title", "noscript", "head"))
# Blocks: a reader sees a line break between two, which the markup need not
# hold ("<p>a</p><p>b</p>"), so the annotators read one there.
BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
))
# The page's chrome by its markup: a menu, an <aside> (a sidebar's "most
# read", a "read also" box, a share bar, nearby listings: on each of the ten
# fixture pages that have one, inside an <article> too), and the site's banner
# and footer (an <article>'s or <main>'s own <header> and <footer> hold its
# title and byline, its content), or an element whose ARIA role says it is
# one of them.
MENU_TAGS = frozenset(("nav", "aside"))
SITE_TAGS = frozenset(("header", "footer"))
CONTENT_TAGS = frozenset(("article", "main"))
CHROME_ROLES = frozenset(("navigation", "complementary", "banner", "contentinfo"))
# What the preload's cleaning says of a line that is no chrome: a short label (a heading, a name, a list's item),
# which it keeps or leaves out by its neighbours; a page's headings and names are read.
NOT_CHROME_KINDS = frozenset(("fragment",))
# Nor is a byline or credit ("Por Juliana Arruda — Corumbá (MS)", "Foto: Reuters"): a Text task leaves it out as no
# paragraph of the story, but a page shows it to its annotators with the people, places and agencies it names.
# (How server.boilerplate's reasons for such lines open; it is imported only for a page to suggest on.)
PAGE_CONTENT_REASONS = ("byline or credit",)


@dataclass(frozen=True)
class TextNode:
    """A text node under the root: its XPath, where it starts in the global
    offsets (code points), and its characters."""

    xpath: str
    start: int
    data: str


@dataclass(frozen=True)
class RenderedPage:
    """The page's text nodes, and the text the annotators read: every node's
    characters (hidden ones as spaces), a line break per ``<br>`` (one global
    offset each, as in the editor) and a line break ``added`` between blocks
    (no global offset)."""

    text: str
    nodes: tuple[TextNode, ...]
    added: tuple[int, ...]
    # The global text: every node's characters and "\n" per <br>, as the editor counts them.
    global_text: str
    # :attr:`text` with what the page's chrome elements (MENU_TAGS, ...) hold as spaces, its line breaks kept.
    unframed: str

    @functools.cached_property
    def readable_text(self) -> str:
        """:attr:`text` with its chrome blanked (spaces, so that offsets hold):
        what the chrome elements hold, and each block (a line of the text) that
        the preload's cleaning leaves out of a Text task, read among the blocks
        left, but a short label (NOT_CHROME_KINDS) and a byline or credit
        (PAGE_CONTENT_REASONS). The suggestions are made on it, so none lands
        on a menu, a cookie banner or a share bar."""
        # The cleaning loads only for a page to suggest on (an export of pages needs none).
        from server.boilerplate import document_chrome

        readable = list(self.unframed)
        for start, end, (kind, why) in document_chrome(self.unframed):
            if kind not in NOT_CHROME_KINDS and not why.startswith(PAGE_CONTENT_REASONS):
                readable[start:end] = _blanked(self.unframed[start:end])
        return "".join(readable)

    def reads(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is all in :attr:`readable_text`: a span
        the model ran on into the page's chrome is no suggestion."""
        return self.readable_text[start:end] == self.text[start:end]

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [node.start for node in self.nodes]

    @functools.cached_property
    def _by_xpath(self) -> dict[str, TextNode]:
        return {node.xpath: node for node in self.nodes}

    def xpath_offsets(self, value: Any) -> tuple[int, int] | None:
        """The global offsets of a region by its XPaths and offsets (``start``,
        ``startOffset``, ``end``, ``endOffset``), as the editor loads a
        prediction first: a text node's path and a UTF-16 offset in it, or an
        element's path and an offset in its text nodes' characters (the
        xpath-range library of older editors). None when a path names nothing
        on the page, an offset falls outside it or cuts a character, or the
        span would be empty."""
        if not isinstance(value, dict):
            return None
        start, end = value.get("start"), value.get("end")
        start_offset, end_offset = value.get("startOffset"), value.get("endOffset")
        if not (type(start) is str and type(end) is str and type(start_offset) is int and type(end_offset) is int):
            return None
        first = self._at(start, start_offset, ending=False)
        last = self._at(end, end_offset, ending=True)
        return (first, last) if first is not None and last is not None and first < last else None

    def _at(self, xpath: str, offset: int, ending: bool) -> int | None:
        """The global offset ``offset`` UTF-16 units into the text under
        ``xpath``: a start lies before a character of a node, an end may
        close one (``offset`` equal to the node's length)."""
        node = self._by_xpath.get(xpath)
        nodes = [node] if node is not None else [other for other in self.nodes if other.xpath.startswith(xpath + "/")]
        if offset < 0:
            return None
        for node in nodes:
            length = _utf16_length(node.data)
            if offset < length or (ending and offset == length):
                characters = _code_points(node.data, offset)
                return None if characters is None else node.start + characters
            offset -= length
        return None

    def _global(self, position: int) -> int:
        """The global offset of the character at ``position`` of :attr:`text`, not an added break."""
        return position - bisect.bisect_left(self.added, position)

    @functools.cached_property
    def _added_offsets(self) -> list[int]:
        """The global offset each added break stands before."""
        return [position - index for index, position in enumerate(self.added)]

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the characters of global offsets ``start`` to ``end`` (``end``
        > ``start``) are in :attr:`text`: a region Label Studio saved, read
        where the annotators read it (an added break inside it included)."""
        def position(offset: int) -> int:
            return offset + bisect.bisect_right(self._added_offsets, offset)
        return position(start), position(end - 1) + 1

    def _node_at(self, offset: int) -> TextNode | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        node = self.nodes[index]
        return node if offset < node.start + len(node.data) else None

    def region_value(self, start: int, end: int) -> dict[str, Any] | None:
        """The value of a HyperTextLabels region over ``text[start:end]``
        (without its labels); None when it is empty, holds a break added
        between blocks (menu items the model read as one name; a span that
        starts or ends on such a break too), or starts or ends on a ``<br>``."""
        if end <= start or bisect.bisect_left(self.added, start) != bisect.bisect_left(self.added, end):
            return None
        first, last = self._global(start), self._global(end - 1)
        start_node, end_node = self._node_at(first), self._node_at(last)
        if start_node is None or end_node is None:
            return None
        return {
            "start": start_node.xpath,
            "startOffset": _utf16_length(start_node.data[: first - start_node.start]),
            "end": end_node.xpath,
            "endOffset": _utf16_length(end_node.data[: last + 1 - end_node.start]),
            "globalOffsets": {"start": first, "end": last + 1},
            "text": self.global_text[first : last + 1],
        }


def global_offsets(value: Any) -> tuple[int, int] | None:
    """A HyperTextLabels region value's ``globalOffsets``, when two integers."""
    offsets = value.get("globalOffsets") if isinstance(value, dict) else None
    if not isinstance(offsets, dict):
        return None
    start, end = offsets.get("start"), offsets.get("end")
    return (start, end) if type(start) is int and type(end) is int else None


def holds(page: RenderedPage, value: dict[str, Any]) -> bool:
    """Whether a region's global offsets (else its XPaths') fall on ``page``'s
    global text and hold its ``text`` there (whitespace squeezed: Label Studio may collapse it)."""
    offsets = region_offsets(page, value)
    if offsets is None or not 0 <= offsets[0] < offsets[1] <= len(page.global_text):
        return False
    written = value.get("text")
    return written is None or page.global_text[offsets[0]:offsets[1]].split() == str(written).split()


def likeliest_page(pages: Iterable[RenderedPage], values: list[dict[str, Any]]) -> RenderedPage | None:
    """The page (a layout of a task's field) that holds most of the regions'
    ``values``; the first on a tie."""
    return max(pages, key=lambda page: sum(holds(page, value) for value in values), default=None)


def _code_points(text: str, units: int) -> int | None:
    """How many characters of ``text`` its first ``units`` UTF-16 code units
    hold; None when they end inside a character past U+FFFF (half of its pair)."""
    if text.isascii():
        return units
    for index, char in enumerate(text):
        if units <= 0:
            return index if units == 0 else None
        units -= 2 if ord(char) > 0xFFFF else 1
    return len(text) if units == 0 else None


def region_offsets(page: RenderedPage, value: Any) -> tuple[int, int] | None:
    """A region's ``globalOffsets``, else where its XPaths and offsets put it on ``page``."""
    return global_offsets(value) or page.xpath_offsets(value)


def _utf16_length(text: str) -> int:
    """A DOM Range offset counts UTF-16 code units: a character past U+FFFF is two."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


@functools.lru_cache(maxsize=256)
def rendered_page(html: str, inline: bool) -> RenderedPage:
    """The page of ``html`` as the editor lays it out: the children of a
    ``<div>`` (``inline="true"``) or of an iframe's ``<body>`` (the default)."""
    # Imported here, not with the module: 36 ms and 11 MB that every server loading the
    # entities plugin (whose learning reads this module) paid for its first page, if any.
    import html5lib

    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    if inline:
        root = parser.parseFragment(sanitized(html), container="div")
    else:
        # An iframe's srcdoc document is never in quirks mode, doctype or not.
        # No <body> in a frameset document: no text either.
        root = parser.parse("<!DOCTYPE html>" + sanitized(html)).find("body")
    layout = _Layout()
    if root is not None:
        layout.walk(root, "", hidden=False, chrome=False, in_content=False)
    return layout.page()


def _local_name(element: ElementTree.Element) -> str:
    """An element's name as the editor writes it in a path: lower-cased, without namespace ("foreignobject")."""
    return str(element.tag).rsplit("}", 1)[-1].lower()


def _blanked(text: str) -> str:
    """``text`` as spaces but its line breaks: the lines stay the blocks they were."""
    return "".join(char if char == "\n" else " " for char in text)


def _is_chrome(element: ElementTree.Element, name: str, in_content: bool) -> bool:
    """Whether an element is a page's menu, aside, banner or footer (see MENU_TAGS)."""
    roles = str(element.get("role") or "").lower().split()
    return name in MENU_TAGS or (name in SITE_TAGS and not in_content) or not CHROME_ROLES.isdisjoint(roles)


def _children(element: ElementTree.Element) -> Iterator[str | ElementTree.Element]:
    """An element's child nodes in order: texts (ElementTree keeps them as text and tails) and elements."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


class _Layout:
    """Walks the tree as the editor's TreeWalker does (domManager.ts), writing each text node's path and offset."""

    def __init__(self) -> None:
        self.shown: list[str] = []  # the parts of RenderedPage.text
        self.unframed: list[str] = []  # the parts of RenderedPage.unframed
        self.shown_length = 0
        self.counted: list[str] = []  # the parts of RenderedPage.global_text
        self.offset = 0  # global
        self.nodes: list[TextNode] = []
        self.added: list[int] = []
        self.after_block = False

    def walk(self, element: ElementTree.Element, path: str, hidden: bool, chrome: bool, in_content: bool) -> None:
        counters: dict[str, int] = {}
        for child in _children(element):
            name = "text()" if isinstance(child, str) else _local_name(child)
            counters[name] = counters.get(name, 0) + 1
            step = f"{path}/{name}[{counters[name]}]"
            if isinstance(child, str):
                self.text_node(child, step, hidden, chrome)
            elif name == "br":
                self.line_break()
            elif name != "template":  # a template's content is no child node in the browser
                block = name in BLOCK_TAGS
                self.after_block = self.after_block or block
                self.walk(child, step, hidden or name in HIDDEN_TAGS, chrome or _is_chrome(child, name, in_content),
                          in_content or name in CONTENT_TAGS)
                self.after_block = self.after_block or block

    def text_node(self, data: str, xpath: str, hidden: bool, chrome: bool) -> None:
        self.nodes.append(TextNode(xpath, self.offset, data))
        self.counted.append(data)
        self.offset += len(data)
        shown = " " * len(data) if hidden else data
        if self.after_block and shown.strip():
            if self.shown and not self.shown[-1][-1].isspace() and not shown[0].isspace():
                self.add("\n", counts=False)
            self.after_block = False
        self.add(shown, counts=True, chrome=chrome)

    def line_break(self) -> None:
        # One global offset, as the editor counts a <br> (DomData.addBR).
        self.counted.append("\n")
        self.offset += 1
        self.add("\n", counts=True)

    def add(self, text: str, counts: bool, chrome: bool = False) -> None:
        if not counts:
            self.added.append(self.shown_length)
        self.shown.append(text)
        self.unframed.append(_blanked(text) if chrome else text)
        self.shown_length += len(text)

    def page(self) -> RenderedPage:
        return RenderedPage("".join(self.shown), tuple(self.nodes), tuple(self.added), "".join(self.counted),
                            "".join(self.unframed))
