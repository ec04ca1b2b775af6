"""Export probe ``exportprobe31`` (fixtures/exportprobe31/README.md).

1. ``--from-db``: a null ``was_cancelled`` or ``ground_truth`` a webhook sent
   is reported as the file's export reports it (it was read as false without
   a word), through a real ``/webhook`` POST to the app served on 127.0.0.1,
   a real SQLite file and ``anota export --from-db``.
2. The studied and blind inputs' outcomes, each written before its first run.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schemas.label_studio_export import NULL_FLAG_REPAIR
from plugins.exporters import CHOICES_NOT_IN_CONLL
from server.cli import cli
from server.exporting.converting import REPEATED_CHOICES
from tests.conftest import recorded_body
from tests import test_export_noticed21 as noticed21
from tests.test_export_noticed21 import WEBHOOK, as_exported, post
from tests.test_export_probe20 import export_from_db
from tests.test_export_probe3 import run_cli

serving = noticed21.serving  # the app served over HTTP on 127.0.0.1, on the test's SQLite file (a fixture)
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe31"
sys.path.insert(0, str(PROBE))
from make_exportprobe31 import NOT_KEPT, choice, dumped, span, studied, task, topics  # noqa: E402

FORMATS = ("jsonl", "conll", "spacy", "csv")


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def examples_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def export_file(tmp_path: Path, tasks: list[dict[str, Any]], out: Path, *options: str) -> str:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(path), *options, "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def flagged(flag: str, value: Any, annotation_id: int = 1, updated_at: str = "2026-12-01T08:00:00Z"
            ) -> dict[str, Any]:
    """The recorded webhook body, its annotation's ``flag`` set to ``value``."""
    body = recorded_body(WEBHOOK)
    body["annotation"].update({flag: value, "id": annotation_id, "updated_at": updated_at})
    return body


# -------------------------------------------------------------------------
# 1. --from-db reports a null flag as the file's export does
# -------------------------------------------------------------------------

@pytest.mark.parametrize("flag", ["was_cancelled", "ground_truth"])
def test_from_db_reports_a_null_flag_a_webhook_sent_as_the_file_export_does(
        flag: str, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: exported as the JSON export of the same task is (null read as false), and the
    summary and report.json name the repair with its path, ``annotations[0].<flag>: null``, in both."""
    body = flagged(flag, None)
    assert post(f"{serving()}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    file_output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert examples_of(tmp_path / "db") == examples_of(tmp_path / "file") != []
    for out, shown in ((tmp_path / "db", output), (tmp_path / "file", file_output)):
        report = report_of(out)
        assert report["repaired"] == {NULL_FLAG_REPAIR: 1}, report["repaired"]
        assert report["details"][NULL_FLAG_REPAIR] == [f"task 1, annotations[0].{flag}: null"]
        assert "given as null, read as false" in shown


def test_from_db_forgets_a_null_flag_a_later_update_sets(serving: Callable[[], str], database_url: str,
                                                          tmp_path: Path) -> None:
    """Expected before the fix: the annotation's later state (was_cancelled false) is what is exported; the null
    its earlier state held is no longer reported."""
    url = serving()
    post(f"{url}/webhook", flagged("was_cancelled", None))
    updated = flagged("was_cancelled", False, updated_at="2026-12-01T09:00:00Z")
    updated["action"] = "ANNOTATION_UPDATED"
    assert post(f"{url}/webhook", updated)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    assert report_of(tmp_path / "db")["repaired"] == {} and "given as null" not in output


def test_from_db_a_null_flag_of_a_cancelled_later_state_is_not_reported(serving: Callable[[], str],
                                                                         database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: the later state says was_cancelled true: left out as cancelled, nothing repaired."""
    url = serving()
    post(f"{url}/webhook", flagged("was_cancelled", None))
    updated = flagged("was_cancelled", True, updated_at="2026-12-01T09:00:00Z")
    updated["action"] = "ANNOTATION_UPDATED"
    post(f"{url}/webhook", updated)
    post(f"{url}/webhook", flagged("was_cancelled", None, annotation_id=2))  # a second annotation, still null
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    report = report_of(tmp_path / "db")
    assert report["left_out"]["cancelled (skipped) annotations"] == 1
    assert report["details"][NULL_FLAG_REPAIR] == ["task 1, annotations[1].was_cancelled: null"]


def test_from_db_exports_a_database_made_before_null_flags_were_kept(serving: Callable[[], str], database_url: str,
                                                                      tmp_path: Path) -> None:
    """A database file whose `anota serve` predates the table: exported as before, nothing reported."""
    import sqlite3

    post(f"{serving()}/webhook", flagged("was_cancelled", False))
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
        connection.execute("DROP TABLE annotation_null_flags")
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    assert len(examples_of(tmp_path / "db")) == 1 and report_of(tmp_path / "db")["repaired"] == {}


# -------------------------------------------------------------------------
# 2. the studied inputs
# -------------------------------------------------------------------------

def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = {name: content for name, content in studied().items() if name not in NOT_KEPT}
    assert sorted(made) == sorted(path.name for path in PROBE.iterdir() if path.suffix == ".json")
    for name, content in made.items():
        assert (PROBE / name).read_bytes() == content, name


def exported(path: Path, out: Path, fmt: str = "jsonl", *extra: str) -> Path:
    result = run_cli(path, fmt, out, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return out


def written(tmp_path: Path, value: Any) -> Path:
    path = tmp_path / "export.json"
    path.write_bytes(dumped(value))
    return path


WEBHOOK_SAID = ("a Label Studio webhook body (action {action}), not a task of an export: send Label Studio's "
                "webhook to Anota's /webhook and export with --from-db, or export the project as JSON")


@pytest.mark.parametrize("name", ["webhook_bodies.json", "webhook_body_one.json"])
def test_saved_webhook_bodies_are_named_not_read_as_tasks(tmp_path: Path, name: str) -> None:
    """Expected before the fix: an error saying these are webhook bodies and what to do; it said 'an object with
    keys [action, annotation, project, task], not a task'."""
    result = run_cli(PROBE / name, "jsonl", tmp_path / "new" / "dataset")
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert WEBHOOK_SAID.format(action="ANNOTATION_CREATED") in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_deletion_webhook_body_is_named_with_its_action(tmp_path: Path) -> None:
    body = {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 7}], "project": {"id": 1}}
    path = written(tmp_path, [body])
    result = run_cli(path, "jsonl", tmp_path / "new" / "dataset")
    assert WEBHOOK_SAID.format(action="ANNOTATIONS_DELETED") in result.output


def test_a_task_holding_an_action_key_is_still_a_task(tmp_path: Path) -> None:
    """An import's own data key named "action" (a task's top level holds what the import gave): no webhook hint."""
    path = written(tmp_path, [task(action="buy")])
    assert len(examples_of(exported(path, tmp_path / "out"))) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_choice_repeated_in_its_region_is_one_value_reported(tmp_path: Path, fmt: str) -> None:
    """Expected before the fix: sentiment Positive (a single choice), the repetition reported as a repair; it was
    exported as two values (jsonl sentiment null, 'Positive|Positive' in CSV) and noted as several sentiments."""
    out = exported(PROBE / "choices_repeated_value.json", tmp_path / "out", fmt)
    report = report_of(out)
    assert report["repaired"] == {REPEATED_CHOICES: 1}
    assert report["details"][REPEATED_CHOICES] == ["task 1, annotation 1, region #2: sentiment: Positive|Positive"]
    assert report["format_notes"] == ({CHOICES_NOT_IN_CONLL: 1} if fmt == "conll" else {})
    assert report["choices"] == {"train": {"sentiment=Positive": 1}}
    if fmt == "jsonl":
        (example,) = examples_of(out)
        assert (example["sentiment"], example["choices"]) == ("Positive", {})
    if fmt == "csv":
        with (out / "train.csv").open(encoding="utf-8", newline="") as rows:
            assert [row["choice"] for row in csv.DictReader(rows)] == ["Positive"]


def test_repeated_values_of_a_multiple_choice_region_are_kept_once_in_order(tmp_path: Path) -> None:
    path = written(tmp_path, [task(result=[span(2, 6), topics("Tecnologia", "Economia", "Tecnologia")])])
    out = exported(path, tmp_path / "out")
    assert examples_of(out)[0]["choices"] == {"topics": ["Tecnologia", "Economia"]}
    assert report_of(out)["repaired"] == {REPEATED_CHOICES: 1}


def test_distinct_values_of_a_region_are_not_reported(tmp_path: Path) -> None:
    path = written(tmp_path, [task(result=[span(2, 6), topics("Tecnologia", "Economia"), choice("Positive")])])
    out = exported(path, tmp_path / "out")
    assert report_of(out)["repaired"] == {}


# -------------------------------------------------------------------------
# 3. blind (written after the fixes, run once)
# -------------------------------------------------------------------------

def test_blind_from_db_a_bulk_event_names_the_null_flag_of_its_second_annotation(
        serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Written before its one run: an ANNOTATIONS_CREATED body (lists) holding a ground truth (annotation 1) and a
    later annotation whose ground_truth is null (2): --policy ground-truth exports annotation 1; the repair names
    annotations[1].ground_truth."""
    body = recorded_body(WEBHOOK)
    first = {**body["annotation"], "id": 1, "ground_truth": True, "updated_at": "2026-12-01T08:00:00Z"}
    second = {**body["annotation"], "id": 2, "ground_truth": None, "updated_at": "2026-12-01T09:00:00Z",
              "result": body["annotation"]["result"][:1]}
    body.update(action="ANNOTATIONS_CREATED", annotation=[first, second], task=[body["task"]])
    assert post(f"{serving()}/webhook", body)["events"] == 2
    code, output = export_from_db(database_url, tmp_path / "db", "--policy", "ground-truth")
    assert code == 0, output
    (example,) = examples_of(tmp_path / "db")
    assert example["meta"]["annotation_ids"] == [1]
    assert report_of(tmp_path / "db")["details"][NULL_FLAG_REPAIR] == ["task 1, annotations[1].ground_truth: null"]


# Fixed after the blind run (its two BAD cases):

OUTVOTED_CHOICES = "choices without a majority of annotators"


@pytest.fixture
def multi_config(tmp_path: Path) -> list[str]:
    from make_exportprobe31 import MULTI_CONFIG

    path = tmp_path / "multi.xml"
    path.write_text(MULTI_CONFIG, encoding="utf-8")
    return ["--label-config", str(path)]


def majority_of(tmp_path: Path, options: list[str], *answers: tuple[str, ...]) -> dict[str, Any]:
    from make_exportprobe31 import annotation, with_annotations

    path = written(tmp_path, [with_annotations(*[annotation(number, number, 6 + number, [span(2, 6), topics(*values)])
                                                 for number, values in enumerate(answers, start=1)])])
    out = exported(path, tmp_path / "out", "jsonl", "--policy", "majority", *options)
    return {**report_of(out), "chosen": examples_of(out)[0]["choices"]}


def test_majority_reports_an_outvoted_value_of_a_multiple_choice_control_each_gave_one_value_of(
        tmp_path: Path, multi_config: list[str]) -> None:
    """The blind case: with its repeat kept once, no annotator gave several values, and Tecnologia (1 of 3) was
    outvoted without a word. The config says the control takes several: each value is a label of its own."""
    found = majority_of(tmp_path, multi_config, ("Economia", "Economia"), ("Tecnologia",), ("Economia",))
    assert found["chosen"] == {"topics": ["Economia"]}
    assert found["details"][OUTVOTED_CHOICES] == ["task 1, topics: Tecnologia 1 (of 3 annotators)"]


def test_majority_says_nothing_of_a_one_value_answer_outvoted_without_a_config_saying_several(
        tmp_path: Path) -> None:
    """As decided before: a single-choice answer outvoted is no label left out (the task keeps the majority's)."""
    found = majority_of(tmp_path, [], ("Economia",), ("Tecnologia",), ("Economia",))
    assert found["chosen"] == {"topics": ["Economia"]} and OUTVOTED_CHOICES not in found["left_out"]


CASE_NOTE = "choices that differ only in case: classes a model learns apart"


@pytest.mark.parametrize("fmt", FORMATS)
def test_values_differing_in_case_within_one_answer_are_noted(tmp_path: Path, fmt: str) -> None:
    """The blind case: 'Positive' and 'positive' in one region are two values (kept), two classes a model learns
    apart: noted as values of two answers are."""
    path = written(tmp_path, [task(result=[span(2, 6), {**choice(), "value": {"choices": ["Positive", "positive"]}}])])
    report = report_of(exported(path, tmp_path / "out", fmt))
    assert report["details"][CASE_NOTE] == ["'sentiment=Positive' and 'sentiment=positive'"]
    assert report["choices"] == {"train": {"sentiment=Positive|positive": 1}}


def test_a_value_of_a_several_valued_answer_is_compared_with_other_answers(tmp_path: Path) -> None:
    path = written(tmp_path, [task(1, result=[span(2, 6), topics("Economia", "Tecnologia")]),
                              task(2, result=[span(2, 6), topics("economia")])])
    report = report_of(exported(path, tmp_path / "out"))
    assert report["details"][CASE_NOTE] == ["'topics=Economia' and 'topics=economia'"]
