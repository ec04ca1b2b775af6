"""s51-card (issue 5; bench/HISTORY.md, "## s51-card"): the annotators' outvoted count where a task has several
labelled texts (a task once, its texts apart), the summary's line of the annotators, and the card of annotators
named by bare user id, by email and both, under every policy (fixtures/s51-card/README.md has the working)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from server.exporting.annotators import AnnotatorTable, summary_line
from server.exporting.examples import Labels
from server.exporting.report import summary
from tests.test_export import export
from tests.test_s50_card import FIXTURE as ONE_TEXT

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "s51-card" / "two_texts.json"
ANA, BRUNO, CARLA = "ana@jornal.pt", "bruno@jornal.pt", "carla@jornal.pt"
# Outvoted text by text: carla on task 1's text and both of task 2's texts, ana on task 3's text.
MAJORITY = {ANA: {"tasks": 3, "outvoted": 1, "texts": 6, "outvoted_texts": 1},
            BRUNO: {"tasks": 3, "outvoted": 0, "texts": 6, "outvoted_texts": 0},
            CARLA: {"tasks": 2, "outvoted": 2, "texts": 4, "outvoted_texts": 3}}
SUMMARY = (f"annotators: 3; disagree most: {ANA} and {CARLA} (sentiment kappa 0.0 over 2 shared tasks); "
           f"agrees least: {CARLA} (sentiment kappa 0.0); "  # s52-export
           f"most outvoted: {CARLA} (2 of 2 tasks, 3 of 4 texts)")


def with_authors(tmp_path: Path, author: Any) -> Path:
    """The fixture with each annotation's ``completed_by`` as ``author(user_object, task_id)`` gives it."""
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for task in tasks:
        for annotation in task["annotations"]:
            annotation["completed_by"] = author(annotation["completed_by"], task["id"])
    path = tmp_path / "authors.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


def test_a_task_of_two_texts_is_outvoted_once_and_its_texts_apart(tmp_path: Path) -> None:
    """Fails on main: the votes were counted text by text and called tasks (carla "3 of 4 tasks", sharing 2)."""
    out, report = export(tmp_path, FIXTURE, policy="majority")
    rows = report.as_dict()["annotators"]["by_annotator"]
    assert {name: row["majority"] for name, row in rows.items()} == MAJORITY
    assert {name: row["shared_tasks"] for name, row in rows.items()} == {ANA: 3, BRUNO: 3, CARLA: 2}
    card = (out / "README.md").read_text(encoding="utf-8")
    assert f"| {CARLA} | 2 | 0 | 2 | 0.0 | 0.7273 | 2 of 2 tasks, 3 of 4 texts |" in card
    assert f"| {BRUNO} | 3 | 0 | 3 | 0.6875 | 0.8667 | 0 of 3 tasks, 0 of 6 texts |" in card
    assert "such a task counts once, outvoted when the majority differs from the annotator on any of its texts" in card


def test_one_text_a_task_keeps_the_tasks_alone_and_the_cards_note(tmp_path: Path) -> None:
    """fixtures/s50-card (one text a task): report.json and the card as before this branch."""
    out, report = export(tmp_path, ONE_TEXT, policy="majority")
    rows = report.as_dict()["annotators"]["by_annotator"]
    assert {name: row["majority"] for name, row in rows.items()} == {
        "ana@coop.pt": {"tasks": 4, "outvoted": 1}, "bruno@coop.pt": {"tasks": 3, "outvoted": 2},
        "carla@coop.pt": {"tasks": 2, "outvoted": 2}}
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| carla@coop.pt | 3 | 0 | 2 | -0.2857 | 0.75 | 1.0 | 2 of 2 tasks |" in card
    assert "text by text" not in card


def test_the_summary_names_the_pair_that_disagrees_most_and_the_most_outvoted(tmp_path: Path) -> None:
    """Fails on main: the per-annotator numbers were in report.json and the card only."""
    out, report = export(tmp_path, FIXTURE, policy="majority")
    lines = summary(report, out).splitlines()
    assert SUMMARY in lines
    assert lines.index(SUMMARY) == next(i for i, line in enumerate(lines) if line.startswith("agreement on")) + 1
    out, report = export(tmp_path, ONE_TEXT, policy="majority")
    assert ("annotators: 3; disagree most: ana@coop.pt and carla@coop.pt (sentiment kappa -0.3333 over 2 shared "
            "tasks); agrees least: carla@coop.pt (sentiment kappa -0.2857); most outvoted: carla@coop.pt (2 of 2 tasks)"
            ) in summary(report, out).splitlines()


@pytest.mark.parametrize("policy", ["latest", "all"])
def test_without_majority_the_summary_has_no_outvoted(tmp_path: Path, policy: str) -> None:
    out, report = export(tmp_path, FIXTURE, policy=policy)
    assert SUMMARY.partition("; most")[0] in summary(report, out).splitlines()
    card = (out / "README.md").read_text(encoding="utf-8")
    assert f"| {CARLA} | 2 | 0 | 2 | 0.0 | 0.7273 |\n" in card and "outvoted (majority) |" not in card


def test_one_annotator_has_no_summary_line(tmp_path: Path) -> None:
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for task in tasks:
        task["annotations"] = task["annotations"][:1]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    out, report = export(tmp_path, path, policy="majority")
    assert not any(line.startswith("annotators") for line in summary(report, out).splitlines())


def test_annotators_named_by_bare_user_id_alone(tmp_path: Path) -> None:
    """Label Studio's own JSON export names an author by id (``"completed_by": 1``): the rows and pairs are the
    ids, and the summary and the card call them users ("1 and 3" read as counts; s52-export: the card too)."""
    out, report = export(tmp_path, with_authors(tmp_path, lambda user, _task: user["id"]), policy="majority")
    table = report.as_dict()["annotators"]
    assert {name: row["majority"] for name, row in table["by_annotator"].items()} == {
        str(number): MAJORITY[name] for number, name in enumerate((ANA, BRUNO, CARLA), 1)}
    assert list(table["pairs"]) == ["1 | 2", "1 | 3", "2 | 3"]
    assert "| user 3 | 2 | 0 | 2 | 0.0 | 0.7273 | 2 of 2 tasks, 3 of 4 texts |" in (out / "README.md").read_text("utf-8")
    assert ("annotators: 3; disagree most: user 1 and user 3 (sentiment kappa 0.0 over 2 shared tasks); "
            "agrees least: user 3 (sentiment kappa 0.0); most outvoted: user 3 (2 of 2 tasks, 3 of 4 texts)") in summary(report, out).splitlines()


def test_annotators_named_by_id_and_by_email_in_one_export(tmp_path: Path) -> None:
    """Bruno a bare id throughout (named 2), ana a bare id on task 1 and her user object after it (one annotator,
    her email), carla an object: the same numbers under those names. Bruno and carla's sentiment kappa is 0.0 as
    well as ana and carla's: the tie goes to the pair named first, now "2 | carla@jornal.pt"."""
    def author(user: dict[str, Any], task: int) -> Any:
        return user["id"] if user["email"] == BRUNO or (user["email"] == ANA and task == 1) else user
    out, report = export(tmp_path, with_authors(tmp_path, author), policy="majority")
    rows = report.as_dict()["annotators"]["by_annotator"]
    assert {name: row["majority"] for name, row in rows.items()} == {
        ANA: MAJORITY[ANA], "2": MAJORITY[BRUNO], CARLA: MAJORITY[CARLA]}
    assert SUMMARY.replace(f"{ANA} and", "user 2 and") in summary(report, out).splitlines()


def test_a_tasks_first_text_voted_on_counts_the_task_whichever_text_it_is() -> None:
    """A task counts at its first vote, not at its first text (whose vote a failed link can skip): two tasks of
    two texts and one of one, b outvoted on both texts of the first and on the third."""
    table = AnnotatorTable()
    agreed, other = Labels(choices={"s": ("X",)}), Labels(choices={"s": ("Y",)})
    first, second, third = object(), object(), object()
    for task, b in ((first, other), (first, other), (second, agreed), (second, agreed), (third, other)):
        table.add_votes({"a": agreed, "b": b}, agreed, task)
    table.finished.update(a=3, b=3)
    rows = table.as_dict({})["by_annotator"]
    assert rows["b"]["majority"] == {"tasks": 3, "outvoted": 2, "texts": 5, "outvoted_texts": 3}
    assert rows["a"]["majority"] == {"tasks": 3, "outvoted": 0, "texts": 5, "outvoted_texts": 0}


def test_the_most_outvoted_is_by_share_then_count_then_name() -> None:
    def votes(outvoted: int, tasks: int) -> dict[str, Any]:
        return {"majority": {"tasks": tasks, "outvoted": outvoted}}
    table = {"by_annotator": {name: {"shared_tasks": 4, **votes(outvoted, tasks)} for name, outvoted, tasks in (
        ("z", 1, 2), ("y", 2, 4), ("x", 1, 3), ("w", 0, 0))}, "disagree_most": {}}
    assert summary_line(table, str) == "annotators: 4; most outvoted: y (2 of 4 tasks)"
    table["by_annotator"] = {"b": {"shared_tasks": 2, **votes(0, 2)}, "a": {"shared_tasks": 2, **votes(0, 1)}}
    assert summary_line(table, str) == "annotators: 2; outvoted (majority): none"


def test_pairs_that_all_agree_name_no_pair() -> None:
    """fixtures/s50-export's task of 600 annotators, all agreeing, said "disagree most: user 1 and user 10 (entities
    F1 1.0 ...)" in this branch's first version."""
    agreeing = {"pair": "a | b", "f1": 1.0, "tasks": 3}
    table = {"by_annotator": {"a": {"shared_tasks": 3}, "b": {"shared_tasks": 3}},
             "disagree_most": {"spans entities": agreeing}}
    assert summary_line(table, str) == "annotators: 2; every pair agrees"
    table["disagree_most"]["choices s"] = {"pair": "a | b", "cohen_kappa": 0.5, "tasks": 3}
    assert summary_line(table, str) == "annotators: 2; disagree most: a and b (s kappa 0.5 over 3 shared tasks)"


def test_annotators_who_share_no_task_are_said_so(tmp_path: Path) -> None:
    """Each task one annotator's (the fixture's first annotation of each): no pair, no agreement to name."""
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for index, task in enumerate(tasks):
        task["annotations"] = task["annotations"][index % 2:][:1]
    path = tmp_path / "apart.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    out, report = export(tmp_path, path, policy="majority")
    assert "annotators: 2; no task shared" in summary(report, out).splitlines()
