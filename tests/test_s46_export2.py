"""s46-export2 (issue 5): an empty span's own kind in the report, a note where
a time without a zone decides ``latest``, and the multi-annotator policy probe
``fixtures/s46-policies`` (its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_export_words22 import regions, sample, summary_of

EMPTY_SPAN = "empty spans (start equals end: they hold no character)"
NOT_FIT = "spans that do not fit the text"


# -------------------------------------------------------------------------
# 1. An empty span lies inside the text: "do not fit" sent builders past its end
# -------------------------------------------------------------------------

def test_an_empty_span_has_its_own_kind_in_the_summary_and_report(tmp_path: Path) -> None:
    # [2, 2) lies inside the text "Meta ..." and holds no character; no quote to repair it from.
    lines = summary_of(tmp_path, sample(lambda t: regions(t)[0]["value"].update(start=2, end=2, text="")))
    assert f"left out: {EMPTY_SPAN}: 1" in lines
    assert not any(NOT_FIT in line for line in lines)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["left_out"] == {EMPTY_SPAN: 1}
    assert "[2, 2) hold no character" in report["details"][EMPTY_SPAN][0]


@pytest.mark.parametrize("start", [200, -1])
def test_an_empty_span_outside_the_text_still_does_not_fit(tmp_path: Path, start: int) -> None:
    lines = summary_of(tmp_path, sample(lambda t: regions(t)[0]["value"].update(start=start, end=start, text="")))
    assert f"left out: {NOT_FIT}: 1" in lines

