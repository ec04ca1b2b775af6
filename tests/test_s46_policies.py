"""fixtures/s46-policies (its README): several annotators under each policy, in each format, judged by the truth
written before the run. The 16 runs left BAD by s46-export2 (a sentence span labelled other than CLAIM trimmed of
its stop as an entity) pass since s47-export: a whole sentence keeps its stop (plugins.exporters.sentence_stop)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s46-policies"
sys.path.insert(0, str(PROBE))
from run_s46_policies import FORMATS, POLICIES, judge  # noqa: E402

CASES = json.loads((PROBE / "truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case["case"])
def test_each_run_as_measured(case: dict, policy: str, fmt: str, tmp_path: Path) -> None:
    assert judge(case, policy, fmt, tmp_path)["problems"] == []


BLIND = json.loads((PROBE / "truth_blind.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("case", BLIND, ids=lambda case: case["case"])
def test_each_blind_run_as_measured(case: dict, policy: str, fmt: str, tmp_path: Path) -> None:
    """The blind set, run once after the fixes: 0 BAD of 48."""
    assert judge(case, policy, fmt, tmp_path)["problems"] == []
