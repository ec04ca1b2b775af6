"""malformed47 (``fixtures/malformed47/README.md``): hostile export files of kinds malformed43-46 lack, each a clear
error naming the task and the JSON path, or a reported repair; never a traceback, never a partial output. Every
case run in process (JSONL) and judged by its truth; the fix (a choice under a span's region id whose control the
config makes a task's is the task's choice, said) checked in the formats that write choices."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from server.exporting.converting import TASK_CHOICE_UNDER_SPAN_ID

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "malformed47"
_SPEC = importlib.util.spec_from_file_location("run_malformed47", PROBE / "run_malformed47.py")
runner = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(runner)  # type: ignore[union-attr]
CASES = json.loads((PROBE / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", autouse=True)
def inputs() -> None:
    runner.write_inputs()


@pytest.fixture(autouse=True)
def in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner.m46, "IN_PROCESS", True)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["case"])
def test_each_case_holds_its_truth(tmp_path: Path, case: dict) -> None:
    result = runner.run_case(case, "jsonl", tmp_path)
    assert result["class"] != "BAD", result


def shared_id_export(tmp_path: Path, fmt: str) -> Path:
    result = runner.run_case({"case": "region_id_shared_by_span_and_choice", "accept": ["repair"],
                              "words": ["perRegion"]}, fmt, tmp_path)
    assert result["class"] == "repair", result
    return tmp_path / "region_id_shared_by_span_and_choice" / fmt / "dataset"


def test_a_task_choice_under_a_spans_id_is_the_tasks_in_jsonl(tmp_path: Path) -> None:
    """main carried it on the span as a perRegion answer (``attributes``), the task's sentiment null, unsaid."""
    out = shared_id_export(tmp_path, "jsonl")
    first = json.loads((out / "train.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["sentiment"] == "Positive" and all("attributes" not in span for span in first["spans"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["details"][TASK_CHOICE_UNDER_SPAN_ID] == ["task 1, annotation 1, region r0: sentiment: Positive"]


def test_a_task_choice_under_a_spans_id_is_the_tasks_in_csv_and_spacy(tmp_path: Path) -> None:
    """main wrote no choice row and no category: 'per-region answers ... not written'."""
    with (shared_id_export(tmp_path / "c", "csv") / "train.csv").open(encoding="utf-8", newline="") as handle:
        assert [(row["task_id"], row["choice"]) for row in csv.DictReader(handle)] == [("1", "Positive")]
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(shared_id_export(tmp_path / "s", "spacy") / "train.spacy").get_docs(
        spacy.blank("pt").vocab))
    assert [max(doc.cats, key=doc.cats.get) if doc.cats else None for doc in docs] == ["sentiment:Positive", None]
