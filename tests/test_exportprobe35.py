"""exportprobe35 (``fixtures/exportprobe35/README.md``).

- A span region's ``from_name`` with no visible character stops the export,
  naming its path, as a choice region's does since session 33 (it was exported
  without a word); each name checked once an export, whatever the policy.
- /webhook's project and task ids: what the strict schema lets through is an
  integer (or an object holding one), read as it is; a negative id is that
  project's (it was read as no project), one beyond 64 bits a 400.
- Webhook bodies of other actions, as Label Studio 1.23.2 sends them
  (PROJECT_UPDATED, ANNOTATIONS_DELETED, TASKS_DELETED with and without a
  project, LABEL_LINK_CREATED): what ``--from-db`` exports after each. Their
  expectations were written in the docstrings before the first run.

Webhook bodies go through a real POST to the app served on 127.0.0.1, on the
test's SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import DRAFTS_LEFT_OUT
from tests.test_export_noticed21 import post
from tests.test_export_probe20 import export_from_db
from tests.test_exportprobe32 import exported, post_refused, report_of, serving, with_annotation

__all__ = ["serving"]  # the fixture, imported to be used here

TEXT = "A Meta está usando dados do modelo Qwen para treinar uma nova geração de modelos."


def region(start: int, end: int, label: str = "ORG", control: str = "label") -> dict[str, Any]:
    return {"from_name": control, "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}}


def task(task_id: int, *annotations: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": task_id, "data": {"text": TEXT}, "predictions": [],
            "annotations": [{"id": task_id * 10 + number, "completed_by": number + 1, "result": result,
                             "created_at": f"2026-11-30T0{number + 1}:00:00Z",
                             "updated_at": f"2026-11-30T0{number + 1}:00:00Z"}
                            for number, result in enumerate(annotations)]}


# -------------------------------------------------------------------------
# A span's from_name with no visible character
# -------------------------------------------------------------------------


@pytest.mark.parametrize("policy", ["latest", "all", "majority", "ground-truth"])
@pytest.mark.parametrize("name", ["  ", "\u200b", "\t"])
def test_a_span_control_without_a_visible_character_stops_the_export(tmp_path: Path, policy: str,
                                                                     name: str) -> None:
    """Before: exported, the span under a control named '  ', without a word."""
    tasks = [task(1, [region(2, 6)]), task(2, [region(2, 6), region(35, 39, control=name)])]
    code, output, out = exported(tmp_path, tasks, "--policy", policy)
    assert code != 0 and not out.exists(), output
    assert "task 2" in output and "annotations[0].result[1].from_name: Not a valid control name but" in output
    assert repr(name) in output


def test_a_blank_span_control_is_found_after_another_projects_control(tmp_path: Path) -> None:
    """Two Labels controls (the name compared last is not every span's): a blank third still stops."""
    tasks = [task(1, [region(2, 6, control="entities"), region(35, 39, control="others")]),
             task(2, [region(35, 39, control="others"), region(2, 6, control=" ")])]
    code, output, _out = exported(tmp_path, tasks)
    assert code != 0 and "task 2" in output and "result[1].from_name" in output, output


def test_named_span_controls_still_export(tmp_path: Path) -> None:
    tasks = [task(1, [region(2, 6, control="entities"), region(35, 39, control="others")]),
             task(2, [region(2, 6, control="entities")], [region(2, 6, control="entities")]),
             task(3, [region(2, 6, control=" ORG"), region(35, 39, "PER", control="entities")])]
    code, output, out = exported(tmp_path, tasks, "--policy", "majority")
    assert code == 0, output
    lines = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [len(json.loads(line)["spans"]) for line in lines] == [2, 1, 2]


def test_from_db_a_stored_blank_span_control_stops_the_export(serving: Callable[[], str], database_url: str,
                                                               tmp_path: Path) -> None:
    body = with_annotation(id=1)
    body["annotation"]["result"][0]["from_name"] = "   "
    assert post(f"{serving()}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code != 0 and "from_name: Not a valid control name but only whitespace ('   ')" in output, output


def test_a_quote_in_another_unicode_form_is_said_so(tmp_path: Path) -> None:
    """The blind run: "text at [2, 7) is 'José', the region says 'José'", two strings that print alike. Since
    exportprobe36 the span is kept at its offsets, a repair (the quote is the same text), said so."""
    text = "O Jose\u0301 e a Meta."
    quoted = {"from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 2, "end": 7, "text": "Jos\u00e9", "labels": ["PER"]}}
    code, output, out = exported(tmp_path, [{**task(1, [quoted]), "data": {"text": text}}])
    assert code == 0, output
    [said] = report_of(out)["details"]["spans repaired"]
    assert "is 'Jose\\u0301', the region says 'Jos\\xe9': the same text in two Unicode forms" in said, said
    assert said.endswith("kept at its offsets"), said


# -------------------------------------------------------------------------
# Drafts
# -------------------------------------------------------------------------


def draft(result: list[dict[str, Any]], user: str = "ana@example.com") -> dict[str, Any]:
    return {"id": 5, "user": user, "result": result, "lead_time": 2.0, "was_postponed": False, "annotation": None,
            "created_at": "2026-11-30T07:00:00Z", "updated_at": "2026-11-30T07:00:00Z"}


def with_drafts(task_of: dict[str, Any], *drafts: dict[str, Any]) -> dict[str, Any]:
    return {**task_of, "drafts": list(drafts)}


@pytest.mark.parametrize("layout", ["compact", "spaced", "schemas"])
def test_drafts_holding_labels_are_said_left_out(tmp_path: Path, layout: str) -> None:
    """Before: a task whose only work is a draft was said "without a finished annotation", and a draft beside
    an annotation not at all. Each reading path: the typed decode (compact, spaced) and the schemas'."""
    only_draft = with_drafts({**task(2), "annotations": []}, draft([region(35, 39)]))
    beside = with_drafts(task(1, [region(2, 6)]), draft([region(35, 39, "PER")], user="rui@example.com"))
    if layout == "schemas":  # a null flag: only the schemas read it
        beside["annotations"][0]["was_cancelled"] = None
    tasks = [beside, only_draft, with_drafts(task(3, [region(2, 6)]), draft([]))]
    data = json.dumps(tasks, separators=(",", ":") if layout == "compact" else None).encode()
    code, output, out = exported(tmp_path, data)
    assert code == 0, output
    report = report_of(out)
    assert report["left_out"][DRAFTS_LEFT_OUT] == 2, report
    assert report["details"][DRAFTS_LEFT_OUT] == ["task 1, drafts: 1 with labels left out (rui@example.com)",
                                                  "task 2, drafts: 1 with labels left out (ana@example.com)"]
    assert report["details"]["tasks without a finished annotation"] == ["task 2"]
    lines = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [[span["label"] for span in json.loads(line)["spans"]] for line in lines] == [["ORG"], ["ORG"]]


@pytest.mark.parametrize("drafts", [[], None, "none", [{"id": 5, "result": []}]])
def test_drafts_without_labels_are_not_said(tmp_path: Path, drafts: Any) -> None:
    code, output, out = exported(tmp_path, [{**task(1, [region(2, 6)]), "drafts": drafts}])
    assert code == 0 and DRAFTS_LEFT_OUT not in report_of(out)["left_out"], output


# -------------------------------------------------------------------------
# /webhook: the ids the schema lets through
# -------------------------------------------------------------------------


def stored_projects(database_url: str) -> list[tuple[int, int | None]]:
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
        return connection.execute("SELECT id, project_id FROM annotations ORDER BY id").fetchall()


@pytest.mark.parametrize("project", [{"id": -3, "title": "p"}, -3])
def test_a_negative_project_id_is_that_project(project: Any, serving: Callable[[], str], database_url: str) -> None:
    """Before: ``str(-3).isdecimal()`` is false: the annotation was stored without its project."""
    assert post(f"{serving()}/webhook", {**with_annotation(id=5), "project": project})["events"] == 1
    assert stored_projects(database_url) == [(5, -3)]


@pytest.mark.parametrize("project", [{"id": 2**63}, 2**64])
def test_a_project_id_beyond_64_bits_is_refused(project: Any, serving: Callable[[], str], database_url: str) -> None:
    status, answer = post_refused(f"{serving()}/webhook", {**with_annotation(id=6), "project": project})
    assert status == 400 and "64" in answer["errors"]["project"][0], answer
    assert stored_projects(database_url) == []


# -------------------------------------------------------------------------
# Webhook bodies of other actions (expectations written before the first run)
# -------------------------------------------------------------------------


def annotated_body(annotation_id: int, task_id: int) -> dict[str, Any]:
    """Label Studio's ANNOTATION_CREATED (recorded) for annotation ``annotation_id`` of task ``task_id``."""
    body = with_annotation(id=annotation_id, task=task_id)
    body["task"]["id"] = task_id
    return body


def project_of(body: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**body["project"], **changes}


def exported_tasks(database_url: str, out: Path) -> tuple[int, list[int] | str]:
    code, output = export_from_db(database_url, out)
    if code != 0:
        return code, output
    return code, [json.loads(line)["meta"]["task_id"]
                  for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


def test_project_updated_with_a_new_config_is_the_one_exported(serving: Callable[[], str], database_url: str,
                                                               tmp_path: Path) -> None:
    """Expected before the run: Label Studio sends PROJECT_UPDATED with the whole project; its new labeling
    config (the Text now reads ``$body``) is what ``--from-db`` reads: the task's ``data.body`` is missing."""
    url = serving()
    body = annotated_body(1, 1)
    assert post(f"{url}/webhook", body)["events"] == 1
    config = body["project"]["label_config"].replace('value="$text"', 'value="$body"')
    updated = {"action": "PROJECT_UPDATED",
               "project": project_of(body, label_config=config, updated_at="2026-12-01T00:00:00.000000Z")}
    assert post(f"{url}/webhook", updated)["status"] == "ok"
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code != 0 and "data.body" in output, output


def test_a_late_project_updated_changes_nothing(serving: Callable[[], str], database_url: str,
                                                tmp_path: Path) -> None:
    """Expected before the run: a PROJECT_UPDATED of an older state of the project (delivered late) leaves the
    stored config: the export reads ``$text`` and writes task 1."""
    url = serving()
    body = annotated_body(1, 1)
    assert post(f"{url}/webhook", body)["events"] == 1
    config = body["project"]["label_config"].replace('value="$text"', 'value="$body"')
    late = {"action": "PROJECT_UPDATED", "project": project_of(body, label_config=config,
                                                               updated_at="2026-11-01T00:00:00.000000Z")}
    post(f"{url}/webhook", late)
    assert exported_tasks(database_url, tmp_path / "db") == (0, [1])


def test_project_updated_with_a_broken_config_is_refused_or_named(serving: Callable[[], str], database_url: str,
                                                                  tmp_path: Path) -> None:
    """Expected before the run: a config cut short (``<View><Text``) is either refused by /webhook (a 400 naming
    ``project.label_config``), or the export names project 1's stored config as not XML; never a traceback.
    Since exportprobe36 /webhook answers 200 saying the config was not stored, and the export reads the
    earlier one (``tests/test_exportprobe36.py``)."""
    url = serving()
    body = annotated_body(1, 1)
    assert post(f"{url}/webhook", body)["events"] == 1
    broken = {"action": "PROJECT_UPDATED", "project": project_of(body, label_config="<View><Text",
                                                                 updated_at="2026-12-01T00:00:00.000000Z")}
    status, answer = post_refused(f"{url}/webhook", broken)
    assert status == 200 and answer["label_config"].startswith("not stored"), answer
    assert exported_tasks(database_url, tmp_path / "db") == (0, [1])


def test_annotations_deleted_as_label_studio_sends_it(serving: Callable[[], str], database_url: str,
                                                      tmp_path: Path) -> None:
    """Expected before the run: ANNOTATIONS_DELETED (``annotations``: ids only, the whole project) deletes
    annotation 1; task 2's annotation is exported alone."""
    url = serving()
    first, second = annotated_body(1, 1), annotated_body(2, 2)
    assert post(f"{url}/webhook", first)["events"] == post(f"{url}/webhook", second)["events"] == 1
    deleted = {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 1}], "project": first["project"]}
    assert post(f"{url}/webhook", deleted)["events"] == 1
    assert exported_tasks(database_url, tmp_path / "db") == (0, [2])


@pytest.mark.parametrize("with_project", [True, False])
def test_tasks_deleted_as_label_studio_sends_it(with_project: bool, serving: Callable[[], str], database_url: str,
                                                tmp_path: Path) -> None:
    """Expected before the run: TASKS_DELETED (``tasks``: ids only) deletes task 1's annotations; task 2's is
    exported. Without ``project`` too: Label Studio's ``DELETE /api/projects/N/tasks/`` sends none."""
    url = serving()
    first, second = annotated_body(1, 1), annotated_body(2, 2)
    post(f"{url}/webhook", first)
    post(f"{url}/webhook", second)
    deleted: dict[str, Any] = {"action": "TASKS_DELETED", "tasks": [{"id": 1}]}
    if with_project:
        deleted["project"] = first["project"]
    assert post(f"{url}/webhook", deleted)["events"] == 1
    assert exported_tasks(database_url, tmp_path / "db") == (0, [2])


def test_an_update_after_the_deletion_does_not_bring_the_annotation_back(
        serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the run: ANNOTATION_UPDATED of annotation 1 delivered after its ANNOTATIONS_DELETED (a
    retried delivery) stores nothing: Label Studio never reuses an annotation's id."""
    url = serving()
    first, second = annotated_body(1, 1), annotated_body(2, 2)
    post(f"{url}/webhook", first)
    post(f"{url}/webhook", second)
    post(f"{url}/webhook", {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 1}], "project": first["project"]})
    late = annotated_body(1, 1)
    late["action"] = "ANNOTATION_UPDATED"
    late["annotation"]["updated_at"] = "2026-12-02T00:00:00.000000Z"
    assert post(f"{url}/webhook", late)["events"] == 0
    assert exported_tasks(database_url, tmp_path / "db") == (0, [2])


@pytest.mark.parametrize("action", ["LABEL_LINK_CREATED", "TASKS_CREATED", "START_TRAINING"])
def test_other_actions_are_taken_and_change_nothing(action: str, serving: Callable[[], str], database_url: str,
                                                    tmp_path: Path) -> None:
    """Expected before the run: a 200 storing no annotation event; the export is as before (task 1)."""
    url = serving()
    body = annotated_body(1, 1)
    post(f"{url}/webhook", body)
    other = {"action": action, "project": body["project"], "label_link": {"id": 1, "from_name": "label"}}
    answer = post(f"{url}/webhook", other)
    assert answer["events"] == 0 and answer["status"] in ("ok", "duplicate"), answer
    assert exported_tasks(database_url, tmp_path / "db") == (0, [1])


def test_an_empty_deletion_changes_nothing(serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    url = serving()
    body = annotated_body(1, 1)
    post(f"{url}/webhook", body)
    assert post(f"{url}/webhook", {"action": "ANNOTATIONS_DELETED", "annotations": [],
                                   "project": body["project"]})["events"] == 0
    assert exported_tasks(database_url, tmp_path / "db") == (0, [1])
