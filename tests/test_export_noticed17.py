"""Export defects noticed in session 17: an HTML error page from Label Studio's
address shown as ``<html>\\r``, and jsonl/csv tokenizing a whole text to trim
one span's edges."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import plugins.exporters as exporters
from server.cli import cli
from server.exporting.examples import Example, Labels, Span, is_ragged
from server.exporting.report import ExportReport
from tests.test_export_probe16 import _real_text

NGINX_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
             b"</center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n")


@pytest.fixture
def proxy_error(answering: Callable[[int, bytes, str], str]) -> str:
    return answering(502, NGINX_502, "text/html")


@pytest.fixture
def refused_key(answering: Callable[[int, bytes, str], str]) -> str:
    return answering(401, b'{"detail": "Invalid token."}', "application/json")


def export_from(url: str, tmp_path: Path) -> str:
    # --quiet: the SDK retries a 502 for a second or two, which prints a wait on stderr.
    result = CliRunner().invoke(cli, ["export", "--from-label-studio", url, "--project", "3", "--format", "jsonl",
                                      "--quiet", "--out", str(tmp_path / "out")], env={"LABEL_STUDIO_API_KEY": "key"})
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    return result.output


def test_an_html_error_page_is_named_by_its_status_and_title(proxy_error: str, tmp_path: Path) -> None:
    # Before: the SDK's ApiError as text, every header and the page itself, "\r\n" and all.
    assert export_from(proxy_error, tmp_path) == (
        f"Error: cannot export project 3 from {proxy_error}: HTTP 502 Bad Gateway: the server answered with an HTML "
        "page titled '502 Bad Gateway', not Label Studio's API (still HTTP 502 after 2 retries over 3 s of waiting; try "
        "again later)\n")


def test_label_studio_refusing_the_key_is_its_detail(refused_key: str, tmp_path: Path) -> None:
    assert export_from(refused_key, tmp_path) == (
        f"Error: cannot export project 3 from {refused_key}: HTTP 401 Unauthorized: Invalid token.\n")


# -------------------------------------------------------------------------
# jsonl and csv trim a span's edges from the tokens around it, not the whole text's
# -------------------------------------------------------------------------


def ragged_example(text: str, language: str) -> Example:
    """Entities with punctuation or whitespace at an edge (and some without), all over ``text``."""
    spans = [Span(match.start(), match.end(), "ORG", match.group())
             for n, match in enumerate(re.finditer(r"[\s(«\"]?\w+(?:\.? \w+)?[.,;)»\"]?", text)) if n % 3 == 0]
    return Example(text=text, labels=Labels(spans=spans), task_id=1, anota_id="a", source=None, annotators=[],
                   annotation_ids=[1], language=language)


@pytest.mark.parametrize("language", ["pt", "es", "en"])
def test_the_tokens_around_spans_are_the_whole_texts(language: str) -> None:
    text = _real_text()
    spans = [span for span in ragged_example(text, language).entities if is_ragged(span)]
    starts, ends = exporters.token_offsets(text, language)
    around_starts, around_ends = exporters.neighbourhood_offsets(text, spans, language)
    whole = set(zip(starts, ends))
    assert set(zip(around_starts, around_ends)) <= whole
    assert len(around_starts) < len(starts)  # not the whole text's
    for span in spans:  # every token a span touches is there
        assert {(s, e) for s, e in whole if s < span.end and span.start < e} <= set(zip(around_starts, around_ends))


@pytest.mark.parametrize("language", ["pt", "es"])
def test_jsonl_trims_as_conll_does(language: str) -> None:
    text = _real_text()
    whole, around = ragged_example(text, language), ragged_example(text, language)
    exporters.trim_entities(whole, exporters.token_offsets(text, language), ExportReport())
    exporters.JsonlExporter().trim(around, ExportReport())
    assert around.entities == whole.entities
    given = ragged_example(text, language).entities
    assert sum(map(is_ragged, given)) > 200 and len(set(given) - set(whole.entities)) > 200  # trimmed


def test_a_span_at_a_multi_word_special_case_is_widened_over_it() -> None:
    text = "Los EE. UU. y la UE."
    specials = exporters._blocked([], text, exporters._spaced_specials("es"))
    assert exporters._neighbourhood(text, 8, 11, specials) == (4, 11)  # 'UU.' of 'EE. UU.'
    starts, ends = exporters.token_offsets(text, "es")
    assert exporters.neighbourhood_offsets(text, [Span(8, 11, "LOC", "UU.")], "es") == (starts[1:2], ends[1:2])
