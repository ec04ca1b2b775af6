"""What Label Studio 1.23.2's editor makes of a HyperText page before the
browser parses it (``sanitizeHtml`` in libs/editor/src/utils/html.js):
sanitize-html, on htmlparser2, writes the page again. Comments and the doctype
are dropped, a script and an iframe that is not YouTube's go with their
content, ``on*`` attributes go, and the tags are closed where htmlparser2
closes them, which is not always where a browser would: ``<b><i>a</b> b</i>``
becomes ``<b><i>a</i></b> b``, a ``<b>`` left open ends with its list. The
browser then parses this page, so its tree, and Label Studio's XPaths, follow
htmlparser2's closings (docs/hypertext.md).

Python's ``html.parser`` tokenizes as htmlparser2 does for what pages hold; the
closing rules below are htmlparser2's (lib/Parser.js, as bundled)."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from urllib.parse import urlsplit

EMBEDDABLE_HOSTS = frozenset(("www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com",
                              "youtu.be"))
_P = frozenset(("p",))
_FORM = frozenset(("input", "option", "optgroup", "select", "button", "datalist", "textarea"))
# htmlparser2's openImpliesClose: opening the key closes these while they are the innermost open tag.
OPEN_IMPLIES_CLOSE: dict[str, frozenset[str]] = {
    "tr": frozenset(("tr", "th", "td")), "th": frozenset(("th",)), "td": frozenset(("thead", "th", "td")),
    "body": frozenset(("head", "link", "script")), "li": frozenset(("li",)),
    **{name: _P for name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote",
                             "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header",
                             "hr", "main", "nav", "ol", "pre", "section", "table", "ul")},
    **{name: _FORM for name in ("select", "input", "output", "button", "datalist", "textarea")},
    "option": frozenset(("option",)), "optgroup": frozenset(("optgroup", "option")),
    "dd": frozenset(("dd", "dt")), "dt": frozenset(("dd", "dt")), "rt": frozenset(("rt", "rp")),
    "rp": frozenset(("rt", "rp")), "tbody": frozenset(("thead", "tbody")), "tfoot": frozenset(("thead", "tbody")),
}
VOID_TAGS = frozenset(("area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input",
                       "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"))
# Where a "<tag/>" closes itself (SVG, MathML) and where HTML takes over again inside them.
FOREIGN_TAGS = frozenset(("math", "svg"))
HTML_INTEGRATION_TAGS = frozenset(("mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
                                   "title"))
# Written as they are, not escaped (sanitize-html's ontext).
RAW_TEXT_TAGS = frozenset(("script", "style"))


def sanitized(page: str) -> str:
    """``page`` as Label Studio's ``sanitizeHtml`` writes it again."""
    writer = _Sanitizer()
    writer.feed(page)
    writer.close()
    return "".join(writer.out)


def _dropped(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether the sanitizer drops this element with its content (its exclusiveFilter)."""
    if tag == "iframe":
        source = urlsplit(dict(attrs).get("src") or "")
        return not (source.scheme == "https" and source.hostname in EMBEDDABLE_HOSTS)
    return tag == "script"


class _Sanitizer(HTMLParser):
    """htmlparser2's open-tag stack and sanitize-html's writing, on Python's tokenizer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []
        # Where each open element's tag was written, and whether it is dropped at its close.
        self.opened: list[tuple[int, bool]] = []
        self.foreign: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        implied = OPEN_IMPLIES_CLOSE.get(tag, frozenset())
        while self.stack and self.stack[-1] in implied:
            self._close_innermost()
        kept = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attrs
                       if not name.startswith("on"))
        if tag in VOID_TAGS:
            self.out.append(f"<{tag}{kept} />")
            return
        self.opened.append((len(self.out), _dropped(tag, attrs)))
        self.stack.append(tag)
        if tag in FOREIGN_TAGS or tag in HTML_INTEGRATION_TAGS:
            self.foreign.append(tag in FOREIGN_TAGS)
        self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<p/>" is "<p>" in HTML; it closes itself only in SVG or MathML.
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.foreign and self.foreign[-1] and self.stack[-1] == tag:
            self._close_innermost()

    def handle_endtag(self, tag: str) -> None:
        if tag in FOREIGN_TAGS or tag in HTML_INTEGRATION_TAGS:
            if self.foreign:
                self.foreign.pop()
        if tag in VOID_TAGS:
            if tag == "br":  # "</br>" is a <br>
                self.out.append("<br />")
            return
        if tag in self.stack:
            while self.stack[-1] != tag:
                self._close_innermost()
            self._close_innermost()
        elif tag == "p":  # a "</p>" with no <p> open is an empty paragraph
            self.out.append("<p></p>")

    def handle_data(self, data: str) -> None:
        raw = self.stack and self.stack[-1] in RAW_TEXT_TAGS
        self.out.append(data if raw else data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close_innermost()

    def _close_innermost(self) -> None:
        tag = self.stack.pop()
        start, dropped = self.opened.pop()
        if dropped:
            del self.out[start:]
        else:
            self.out.append(f"</{tag}>")
