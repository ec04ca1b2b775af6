"""Built-in plugin: source loaders for plain text, Markdown, JSON/JSON lines,
CSV and HTML files.

Plain text and Markdown are loaded as they are, so task offsets are offsets
into the file. JSON holds Label Studio task lists (``[{"data": {"text": ...}}]``)
or objects with a text field; CSV a named column; HTML is reduced to the page's
main text by trafilatura, and offsets are offsets into that text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flask import Flask

from server import hookimpl
from server.sources import Document, Loader, LoaderError, read_text

__version__ = "0.1.0"

DEFAULT_TEXT_FIELD = "text"


class PlainTextLoader(Loader):
    name = "text"
    suffixes = (".txt", ".md", ".markdown")

    def load(self, path: Path, source: str) -> Iterator[Document]:
        yield Document(source, read_text(path))


class JsonLoader(Loader):
    """A JSON list (or one object), or JSON lines, of Label Studio tasks or of
    objects with a text field. Other fields of ``data`` travel with the task."""

    name = "json"
    suffixes = (".json", ".jsonl", ".ndjson")

    def __init__(self, text_field: str = DEFAULT_TEXT_FIELD) -> None:
        self.text_field = text_field

    def load(self, path: Path, source: str) -> Iterator[Document]:
        records = list(self._records(read_text(path), path.suffix.lower() != ".json"))
        documents = [doc for index, record in enumerate(records) if (doc := self._document(record, f"{source}#{index}"))]
        if not documents:
            raise LoaderError(f"no record has a non-empty {self.text_field!r} text field")
        yield from documents

    def _records(self, text: str, lines: bool) -> Iterator[Any]:
        if not lines:
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as exc:
                raise LoaderError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
            yield from parsed if isinstance(parsed, list) else [parsed]
            return
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise LoaderError(f"invalid JSON on line {number}: {exc.msg}") from exc

    def _document(self, record: Any, source: str) -> Document | None:
        if not isinstance(record, dict):
            return None
        data = record.get("data") if isinstance(record.get("data"), dict) else record
        text = data.get(self.text_field)
        if not isinstance(text, str) or not text.strip():
            return None
        if "\x00" in text:  # a \u0000 escape: no text column (PostgreSQL's included) stores it
            raise LoaderError(f"record {source.rsplit('#', 1)[1]}: its {self.text_field!r} field holds a NUL character")
        extra = {key: value for key, value in data.items() if key != self.text_field}
        return Document(source, text, extra)


class CsvLoader(Loader):
    """A CSV file with a header; each row's text column is a document."""

    name = "csv"
    suffixes = (".csv",)

    def __init__(self, text_column: str = DEFAULT_TEXT_FIELD) -> None:
        self.text_column = text_column

    def load(self, path: Path, source: str) -> Iterator[Document]:
        reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
        if self.text_column not in (reader.fieldnames or []):
            raise LoaderError(f"no column named {self.text_column!r} (columns: {', '.join(reader.fieldnames or [])})")
        found = False
        for index, row in enumerate(reader):
            text = row.get(self.text_column) or ""
            if text.strip():
                found = True
                yield Document(f"{source}#{index}", text)
        if not found:
            raise LoaderError(f"column {self.text_column!r} is empty in every row")


class HtmlLoader(Loader):
    """The main text of a web page, without navigation, comments or footers."""

    name = "html"
    suffixes = (".html", ".htm")

    def load(self, path: Path, source: str) -> Iterator[Document]:
        # trafilatura's main-content extraction is maintained against real
        # sites and beats tag stripping, which keeps menus and footers.
        import trafilatura

        text = trafilatura.extract(
            read_text(path), include_comments=False, include_tables=False, favor_precision=True
        )
        if not text or not text.strip():
            raise LoaderError("no main text found in the page")
        yield Document(source, text)


@hookimpl
def register_loaders(register: Any, app: Flask) -> None:
    text_field = app.config.get("SOURCE_TEXT_FIELD") or DEFAULT_TEXT_FIELD
    register(PlainTextLoader())
    register(JsonLoader(text_field))
    register(CsvLoader(text_field))
    register(HtmlLoader())
