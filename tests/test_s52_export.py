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


def card_of(out: Path) -> str:
    return (out / "README.md").read_text(encoding="utf-8")


def test_an_annotator_known_by_id_is_user_n_in_the_card_as_in_the_summary(tmp_path: Path) -> None:
    result = run(THREE, "--format", "jsonl", "--out", tmp_path / "out", "--language", "pt")
    card = card_of(tmp_path / "out")
    assert "| user 3 | 4 | 0 | 4 | 0.2 | 0.4444 |" in card and "| 3 | 4 |" not in card
    assert ("Disagree most: choices sentiment: user 1 and user 3 (kappa 0.2 over 4 shared tasks); spans entities: "
            "user 1 and user 3 (F1 0.4444 over 4 shared tasks).") in card
    assert "disagree most: user 1 and user 3 (sentiment kappa 0.2 over 4 shared tasks)" in result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert list(report["annotators"]["by_annotator"]) == ["1", "2", "3"]  # report.json keeps the export's ids
