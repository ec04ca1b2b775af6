"""``anota export``'s words for what it reports and refuses (issue 5: "a
malformed file stops the export with an error that names the task id, the
JSON path and what is wrong"), after export probe 21 (fixtures/exports/probe21,
README.md's "Noticed, not done"), and six odd but plausible inputs of Label
Studio's own, each with what a dataset builder should get written before it
was run (the checks below were committed before any run)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.test_export_probe2 import QUOTE_DIFFERS
from tests.test_export_probe3 import assert_stops_cleanly, run_cli
from tests.test_export_probe18 import ENCODED_TWICE

BASE = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "export_JSON.json")
                  .read_text(encoding="utf-8"))[0]


def sample(change: Any = None) -> dict[str, Any]:
    """The real sample task (Meta and Qwen, ORG; sentiment Neutral), changed by ``change(task)``."""
    made = copy.deepcopy(BASE)
    if change is not None:
        change(made)
    return made


def export(tmp_path: Path, tasks: list[dict[str, Any]], fmt: str = "jsonl") -> tuple[Any, Path]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    return run_cli(path, fmt, out, "--quiet"), out


def exported(tmp_path: Path, tasks: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The jsonl lines and report.json of an export that must succeed."""
    result, out = export(tmp_path, tasks)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return lines, json.loads((out / "report.json").read_text(encoding="utf-8"))


def nothing_reported(report: dict[str, Any]) -> bool:
    return not report["left_out"] and not report["repaired"]


def regions(made: dict[str, Any]) -> list[dict[str, Any]]:
    return made["annotations"][0]["result"]


# -------------------------------------------------------------------------
# Six odd but plausible inputs: the expectations, written before any run
# -------------------------------------------------------------------------

def test_a_text_that_is_a_number_stops_the_export_naming_task_and_path(tmp_path: Path) -> None:
    """Expected: an error naming task 1 and ``data.text``, a number, not a string; nothing written."""
    result, out = export(tmp_path, [sample(lambda t: t["data"].update(text=42))])
    assert result.exit_code == 1
    assert "task 1 at $[0]: data.text: Not a string but a number" in result.output
    assert not out.exists()


def test_an_expanded_user_names_the_annotator_by_email_else_by_id(tmp_path: Path) -> None:
    """Expected: exported as the sample; the annotator named by the user object's email, or its id without one."""
    with_email = sample(lambda t: t["annotations"][0].update(
        completed_by={"id": 5, "email": "ana@example.com", "first_name": "Ana", "last_name": "Lima"}))
    without_email = sample(lambda t: t["annotations"][0].update(completed_by={"id": 6, "first_name": "Rui"}))
    without_email["id"] = 2
    lines, report = exported(tmp_path, [with_email, without_email])
    assert [line["meta"]["annotators"] for line in lines] == [["ana@example.com"], ["6"]]
    assert [len(line["spans"]) for line in lines] == [2, 2] and nothing_reported(report)


def test_a_null_lead_time_is_no_matter(tmp_path: Path) -> None:
    """Expected: exported as the sample (Anota does not read lead_time), nothing reported."""
    lines, report = exported(tmp_path, [sample(lambda t: t["annotations"][0].update(lead_time=None))])
    assert [span["text"] for span in lines[0]["spans"]] == ["Meta", "Qwen"] and nothing_reported(report)


def test_a_region_changed_from_a_prediction_is_the_annotations(tmp_path: Path) -> None:
    """Expected: Label Studio's ``origin: prediction-changed`` is an annotation's region like any: both spans."""
    lines, report = exported(tmp_path, [sample(lambda t: regions(t)[0].update(origin="prediction-changed"))])
    assert [span["text"] for span in lines[0]["spans"]] == ["Meta", "Qwen"] and nothing_reported(report)


def test_a_regions_note_is_kept_in_jsonl(tmp_path: Path) -> None:
    """Expected: the span exported, and Label Studio's region note (``meta.text``) somewhere in its jsonl line."""
    lines, _report = exported(tmp_path, [sample(lambda t: regions(t)[0].update(meta={"text": ["check the name"]}))])
    assert [span["text"] for span in lines[0]["spans"]] == ["Meta", "Qwen"]
    assert "check the name" in json.dumps(lines[0])


def test_a_choice_written_as_a_string_stops_the_export_naming_its_path(tmp_path: Path) -> None:
    """Expected: an error naming task 1 and ``annotations[0].result[2].value.choices``: not a list."""
    result, out = export(tmp_path, [sample(lambda t: regions(t)[2]["value"].update(choices="Neutral"))])
    assert result.exit_code == 1
    assert "task 1 at $[0]: annotations[0].result[2].value.choices: Not a valid list" in result.output
    assert not out.exists()


# -------------------------------------------------------------------------
# A list encoded twice ("result": "[{...}]") was "Not a valid list."
# -------------------------------------------------------------------------

def assert_refused(tmp_path: Path, made: dict[str, Any], message: str) -> None:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "export.json"
    path.write_text(json.dumps([made], ensure_ascii=False), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", message)


def encode_result(holder: dict[str, Any]) -> None:
    holder["result"] = json.dumps(holder["result"])


def test_a_result_encoded_twice_is_named_as_json_text(tmp_path: Path) -> None:
    assert_refused(tmp_path, sample(lambda t: encode_result(t["annotations"][0])),
                   f"task 1 at $[0]: annotations[0].result: {ENCODED_TWICE}")


def test_a_predictions_result_encoded_twice_is_named_as_json_text(tmp_path: Path) -> None:
    def snapshot_prediction(made: dict[str, Any]) -> None:
        made["predictions"] = [{"id": 3, "model_version": "anota-1", "result": json.dumps(regions(made))}]

    assert_refused(tmp_path, sample(snapshot_prediction), f"task 1 at $[0]: predictions[0].result: {ENCODED_TWICE}")


def test_a_string_that_only_looks_like_a_list_is_not_a_valid_list(tmp_path: Path) -> None:
    """The guard: "[ORG]" is no JSON, and a plain word is a plain string."""
    assert_refused(tmp_path, sample(lambda t: regions(t)[0]["value"].update(labels="[ORG]")),
                   "task 1 at $[0]: annotations[0].result[0].value.labels: Not a valid list but a string ('[ORG]')")
    assert_refused(tmp_path / "word", sample(lambda t: t["annotations"][0].update(result="Meta")),
                   "task 1 at $[0]: annotations[0].result: Not a valid list but a string ('Meta')")


# -------------------------------------------------------------------------
# A quote that disagrees with offsets that fit was counted as a span that
# "does not fit the text": only its detail line said which problem it was.
# -------------------------------------------------------------------------

def summary_of(tmp_path: Path, made: dict[str, Any]) -> list[str]:
    """The summary `anota export` prints (not --quiet)."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps([made], ensure_ascii=False), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_a_quote_that_differs_at_offsets_that_fit_has_its_own_kind(tmp_path: Path) -> None:
    """Probe 21's quote_differs_in_case: offsets 2-6 hold 'Meta', the quote says 'meta'."""
    lines = summary_of(tmp_path, sample(lambda t: regions(t)[0]["value"].update(text="meta")))
    assert f"left out: {QUOTE_DIFFERS}: 1" in lines
    assert not any("do not fit" in line for line in lines)


def test_offsets_beyond_the_text_are_still_spans_that_do_not_fit(tmp_path: Path) -> None:
    """The guard: offsets past the text's end, whatever the quote, keep their kind."""
    lines = summary_of(tmp_path, sample(lambda t: regions(t)[0]["value"].update(start=200, end=204, text="meta")))
    assert "left out: spans that do not fit the text: 1" in lines
    assert not any(QUOTE_DIFFERS in line for line in lines)
