"""Session 52's export gaps (issue 5): a Taxonomy of several picks in every format, the per-annotator table
made once, one form for an annotator known by id, the annotator who agrees least, and a JSON-MIN, CSV/TSV or
CoNLL file handed in by mistake (fixtures/s52-export, its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.exporting.annotators import AnnotatorTable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "s52-export"
THREE = FIXTURES / "three_annotators_by_id.json"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["export", *map(str, args)], catch_exceptions=False)


def test_the_per_annotator_table_is_made_once_for_report_and_summary(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    as_dict = AnnotatorTable.as_dict

    def counted(self: AnnotatorTable, names: Any) -> dict[str, Any]:
        made.append(names)
        return as_dict(self, names)

    monkeypatch.setattr(AnnotatorTable, "as_dict", counted)
    result = run(THREE, "--format", "jsonl", "--out", tmp_path / "out", "--language", "pt")
    assert result.exit_code == 0, result.output
    assert "annotators: 3" in result.output  # the summary's line, from the table report.json holds
    assert "annotators" in json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(made) == 1
