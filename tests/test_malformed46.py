"""malformed46 (``fixtures/malformed46/README.md``): hostile export files, each a clear error naming the task and
the JSON path, or a reported repair; never a traceback, never a partial output. Every case run in process (JSONL)
and judged by its truth; the fix (a syntax error inside a task names the task's id, the path in it and a foreign
spelling) pinned in words."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "malformed46"
_SPEC = importlib.util.spec_from_file_location("run_malformed46", PROBE / "run_malformed46.py")
runner = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(runner)  # type: ignore[union-attr]
CASES = json.loads((PROBE / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", autouse=True)
def inputs() -> None:
    runner.write_inputs()


@pytest.fixture(autouse=True)
def in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "IN_PROCESS", True)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["case"])
def test_each_case_holds_its_truth(tmp_path: Path, case: dict) -> None:
    result = runner.run_case(case, "jsonl", tmp_path)
    assert result["class"] != "BAD", result


@pytest.mark.parametrize("case,said", [
    ("python_false", "line 1, column 447: invalid JSON in task 1 at $[0], annotations[0].was_cancelled: Expecting "
                     "value (found 'False': Python's spelling of false)"),
    ("python_none_prediction", "line 1, column 491: invalid JSON in task 1 at $[0], annotations[0].prediction: "
                               "Expecting value (found 'None': Python's spelling of null)"),
    ("curly_quoted_key", "line 1, column 12: invalid JSON in task 1 at $[0]: Expecting property name enclosed in "
                         "double quotes (found '\u201c': JSON quotes strings and names with \" only)"),
])
def test_a_syntax_error_names_the_task_the_path_and_the_spelling(tmp_path: Path, case: str, said: str) -> None:
    """main said only ``invalid JSON in task $[0]: Expecting value`` (results/main_jsonl.jsonl)."""
    source = runner.input_of(case)
    code, shown = runner.run_command(runner.export_args({"case": case}, "jsonl", tmp_path / "out"), tmp_path)
    assert code == 1 and shown == f"Error: {source}: {said}; nothing was written" and not (tmp_path / "out").exists()
