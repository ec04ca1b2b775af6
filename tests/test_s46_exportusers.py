"""One name per annotator across a whole export (issue 5; fixtures/s46-exportusers/README.md).

Label Studio writes an author as a user id (``5``) or a user object (``{"id": 5, "email": ...}``). Session 45 named
both forms one way within a task; a user given as ``5`` in one task and as the object in another was still two
annotators (``5`` and ``ana@example.org``) in ``all``'s examples, ``meta.annotators`` and the majority's notes. The
export streams: the first name the file gives a user is kept for the whole file (schemas.label_studio_export.UserNames,
a map of users, not of tasks), and the report says who an id is once the file gives its email."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import Annotation, UserNames
from server.exporting.converting import FOLDED_VOTES, NAMED_BY_ID, SAME_ANNOTATOR
from tests.test_export_probe3 import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "s46-exportusers"


def export(tmp_path: Path, name: str, policy: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    out = tmp_path / "out"
    result = run_cli(FIXTURES / name, "jsonl", out, "--quiet", "--policy", policy)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return lines, json.loads((out / "report.json").read_text(encoding="utf-8"))


def annotators(lines: list[dict[str, Any]]) -> list[tuple[int, list[str]]]:
    return [(line["meta"]["task_id"], line["meta"]["annotators"]) for line in lines]


def test_an_id_before_its_user_object_takes_its_email_by_the_end(tmp_path: Path) -> None:
    """s46: the id for the whole file ("5" in every example); since s47-export the best name known by the end."""
    lines, report = export(tmp_path, "id_first.json", "all")
    email = "ana@example.org"
    assert annotators(lines) == [(1, [email]), (1, ["6"]), (2, [email]), (2, ["6"]), (3, [email]), (3, [email]),
                                 (3, ["6"])]
    assert report["details"][NAMED_BY_ID] == ["task 2: 5 is ana@example.org"]
    assert report["details"][SAME_ANNOTATOR] == ["task 3: annotator 'ana@example.org': annotations [5, 6]"]


def test_the_majority_counts_one_user_in_two_forms_in_two_tasks_once(tmp_path: Path) -> None:
    lines, report = export(tmp_path, "id_first.json", "majority")
    assert annotators(lines) == [(1, ["6", "ana@example.org"]), (2, ["6", "ana@example.org"]),
                                 (3, ["6", "ana@example.org"])]
    # One vote each (s47-export): user 5's two annotations of task 3 are one vote, its latest.
    assert report["details"][FOLDED_VOTES] == ["task 3: annotator 'ana@example.org': annotation 6 counted, 5 folded"]


def test_a_user_object_before_its_id_names_both_by_the_email(tmp_path: Path) -> None:
    lines, report = export(tmp_path, "object_first.json", "all")
    assert annotators(lines) == [(1, ["ana@example.org"]), (1, ["6"]), (2, ["ana@example.org"]), (2, ["6"])]
    assert NAMED_BY_ID not in report["details"]


def test_one_email_with_two_ids_in_two_tasks_is_two_annotators(tmp_path: Path) -> None:
    lines, _report = export(tmp_path, "one_email_two_ids_two_tasks.json", "all")
    assert annotators(lines) == [(1, ["ana@example.org"]), (2, ["ana@example.org (id 8)"])]


def annotation(annotator: str | None, user_id: str | None = None) -> Annotation:
    return Annotation(None, [], False, False, annotator, "", "", None, user_id)


@pytest.mark.parametrize("tasks,names,renamed", [
    ([[("5", None)], [("ana@x", "5")], [("5", None)]], ["5", "5", "5"], {"5": "ana@x"}),
    ([[("ana@x", "5")], [("5", None)]], ["ana@x", "ana@x"], {}),
    ([[("ana@x", None)], [("ana@x", "5")]], ["ana@x", "ana@x"], {}),  # a bare email (an old stored row), its object
    ([[("ana@x", "5")], [("ana@x", "8")], [("8", None)]], ["ana@x", "ana@x (id 8)", "ana@x (id 8)"], {}),
    ([[("ana@x", "5")], [("8", None)], [("ana@x", "8")]], ["ana@x", "8", "8"], {"8": "ana@x (id 8)"}),
    ([[(None, None)], [("7", None)]], [None, "7"], {}),
])
def test_user_names_keeps_one_name_per_user_along_the_stream(tasks: list, names: list, renamed: dict) -> None:
    """The name along the stream, and (since s47-export) the best name by the end of a user first seen as an id."""
    users, given = UserNames(), []
    for task in tasks:
        annotations = [annotation(*author) for author in task]
        users.name(annotations)
        given += [item.annotator for item in annotations]
    assert given == names and len(users.names) <= 3  # a map of the users, whatever the number of tasks
    assert users.renamed == renamed
