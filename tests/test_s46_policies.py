"""fixtures/s46-policies (its README): several annotators under each policy, in each format, judged by the truth
written before the run. The runs still BAD are pinned as measured: a sentence span labelled other than CLAIM is
trimmed of its stop as an entity (reported; a decision for issue 5, not made here)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s46-policies"
sys.path.insert(0, str(PROBE))
from run_s46_policies import FORMATS, POLICIES, judge  # noqa: E402

CASES = json.loads((PROBE / "truth.json").read_text(encoding="utf-8"))
TRIMMED_SENTENCES = {"sentence_labels", "per_region_tone"}  # jsonl and csv show the stop cut off


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case["case"])
def test_each_run_as_measured(case: dict, policy: str, fmt: str, tmp_path: Path) -> None:
    problems = judge(case, policy, fmt, tmp_path)["problems"]
    if case["case"] in TRIMMED_SENTENCES and fmt in ("jsonl", "csv"):
        assert problems and all("simpático" in p or "dura pouco" in p for p in problems), problems
    else:
        assert problems == []


BLIND = json.loads((PROBE / "truth_blind.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("case", BLIND, ids=lambda case: case["case"])
def test_each_blind_run_as_measured(case: dict, policy: str, fmt: str, tmp_path: Path) -> None:
    """The blind set, run once after the fixes: 0 BAD of 48."""
    assert judge(case, policy, fmt, tmp_path)["problems"] == []
