"""s46-export2 (issue 5): an empty span's own kind in the report, a note where
a time without a zone decides ``latest``, and the multi-annotator policy probe
``fixtures/s46-policies`` (its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_export_probe3 import run_cli
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


# -------------------------------------------------------------------------
# 2. A time without a zone is read as UTC when it decides ``latest``: said, once
# -------------------------------------------------------------------------

TIMES_WITHOUT_ZONE = ("times without a time zone read as UTC when choosing the latest, against times with one "
                      "(said once: the first task where they were compared)")


def two_answers(task_id: int, first_time: str, second_time: str) -> dict[str, Any]:
    """The sample task, answered twice: Meta by annotation 1 at ``first_time``, Qwen by annotation 2 at ``second_time``."""
    made = sample()
    made["id"] = task_id
    first = made["annotations"][0]
    second = json.loads(json.dumps(first))
    first.update(id=task_id * 10 + 1, completed_by=1, updated_at=first_time, result=first["result"][:1])
    second.update(id=task_id * 10 + 2, completed_by=2, updated_at=second_time, result=second["result"][1:2])
    made["annotations"] = [first, second]
    return made


def exported_latest(tmp_path: Path, tasks: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(path, "jsonl", out, "--quiet")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return lines, json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_a_time_without_zone_against_one_with_a_zone_is_said_once(tmp_path: Path) -> None:
    # 10:00 without a zone is read as 10:00 UTC, after 09:30Z: Qwen counts (in Brasilia's -03:00 it would be 13:00).
    tasks = [two_answers(task_id, "2026-11-30T09:30:00Z", "2026-11-30T10:00:00") for task_id in (1, 2)]
    lines, report = exported_latest(tmp_path, tasks)
    assert [[span["text"] for span in line["spans"]] for line in lines] == [["Qwen"], ["Qwen"]]
    assert report["format_notes"][TIMES_WITHOUT_ZONE] == 1
    assert report["details"][TIMES_WITHOUT_ZONE] == [
        "task 1: annotations 11 at 2026-11-30T09:30:00Z, 12 at 2026-11-30T10:00:00"]


@pytest.mark.parametrize("times", [("2026-11-30T09:30:00", "2026-11-30T10:00:00"),
                                   ("2026-11-30T09:30:00Z", "2026-11-30T10:00:00+02:00")])
def test_times_all_without_a_zone_or_all_with_one_say_nothing(tmp_path: Path, times: tuple[str, str]) -> None:
    _lines, report = exported_latest(tmp_path, [two_answers(1, *times)])
    assert TIMES_WITHOUT_ZONE not in report["format_notes"]


# -------------------------------------------------------------------------
# 3. fixtures/s46-policies: what its run found wrong (its README)
# -------------------------------------------------------------------------

POLICIES_PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s46-policies"


def probe_export(tmp_path: Path, case: str, policy: str, *extra: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    out = tmp_path / "out"
    result = run_cli(POLICIES_PROBE / "inputs" / f"{case}.json", "jsonl", out, "--policy", policy, "--language", "pt",
                     "--quiet", *extra)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return lines, json.loads((out / "report.json").read_text(encoding="utf-8"))


SKIPPED_GROUND_TRUTH = ("tasks whose ground truth (an annotation marked ground_truth) was cancelled (skipped: no "
                        "label), the latest finished one counted")


def test_a_ground_truth_that_was_skipped_is_said_when_the_latest_stands_in(tmp_path: Path) -> None:
    """Annotation 31, the ground truth, was cancelled: no label; 32, the latest finished, counts. It was counted
    in silence (only "cancelled (skipped) annotations: 1"), as if no ground truth had been given."""
    lines, report = probe_export(tmp_path, "ground_truth_cancelled", "ground-truth")
    assert [line["meta"]["annotation_ids"] for line in lines] == [[32]]
    assert report["format_notes"][SKIPPED_GROUND_TRUTH] == 1
    assert report["details"][SKIPPED_GROUND_TRUTH] == ["task 3: annotation 31 cancelled"]


def test_a_skipped_ground_truth_is_no_matter_to_the_other_policies(tmp_path: Path) -> None:
    _lines, report = probe_export(tmp_path, "ground_truth_cancelled", "latest")
    assert SKIPPED_GROUND_TRUTH not in report["format_notes"]


TIED_ANSWERS = "per-region answers tied between annotators whose spans a majority kept (none kept: a tie is no majority)"


def test_a_per_region_answer_tied_two_to_two_is_no_majority(tmp_path: Path) -> None:
    """Four annotators give the second sentence's tone Negative, Neutral, Negative, Neutral: the first given
    (Negative) was kept, by the annotations' order alone; a task's choices tied so keep none."""
    lines, report = probe_export(tmp_path, "per_region_tone", "majority",
                                 "--label-config", str(POLICIES_PROBE / "label_config.xml"))
    tones = {span["text"]: span.get("attributes") for span in lines[0]["spans"] if span["label"] == "Frase"}
    # Whole sentences: their stops kept since s47-export.
    assert tones == {"Gostei da câmera do Galaxy S24.": {"tone": ["Positive"]},  # 3 of 4
                     "A bateria do iPhone 15 dura pouco.": None}
    assert report["left_out"] == {TIED_ANSWERS: 1}
    assert report["details"][TIED_ANSWERS] == [
        "task 9: Frase [32, 66) 'A bateria do iPhone 15 dura pouco.', tone: [\"Negative\"] 2, [\"Neutral\"] 2"]
