"""s47-export2 (issue 5): what s47-export's malformed47 probe left said badly or not at all
(``fixtures/malformed47/README.md``), each part with its test here."""

from __future__ import annotations

from pathlib import Path

from server.exporting.converting import CHOICES_NOT_IN_CONFIG, LABELS_NOT_IN_CONFIG
from tests.test_s47_export import annotation, choice, export, span

MALFORMED47 = Path(__file__).resolve().parent.parent / "fixtures" / "malformed47"
CONFIG = str(MALFORMED47 / "config.xml")  # Labels `label` PER/LOC, task-level Choices `sentiment` Positive/Negative


# -------------------------------------------------------------------------
# 2. A choice the labeling config lacks is worded as a choice, a label as a label
# -------------------------------------------------------------------------

def test_a_choice_not_in_the_config_is_reported_as_a_choice(tmp_path: Path) -> None:
    result = [span(2, 11, "ORG"), span(42, 48, "LOC"), choice("Neutral")]
    lines, report = export(tmp_path, [{"id": 1, "data": {"text": "A Petrobras e a Vale anunciaram lucros em Lisboa."},
                                       "annotations": [annotation(1, 1, "2026-11-01T10:00:00Z", result)]}],
                           "jsonl", "--label-config", CONFIG)
    assert lines[0]["sentiment"] == "Neutral"  # exported as it is
    assert report["format_notes"] == {LABELS_NOT_IN_CONFIG: 1, CHOICES_NOT_IN_CONFIG: 1}
    assert report["details"][CHOICES_NOT_IN_CONFIG] == [
        "task 1, annotation 1, region c: control 'sentiment' has no choice 'Neutral'"]
    assert report["details"][LABELS_NOT_IN_CONFIG] == [
        "task 1, annotation 1, region r0-2: control 'label' has no 'ORG'"]
