"""s50-card (issue 5; bench/HISTORY.md, "## s50-card"): per-annotator numbers in report.json (``annotators``) and
the dataset card, where several annotated: each against hand-computed numbers on fixtures/s50-card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from server.exporting.annotators import AnnotatorTable
from server.exporting.examples import Labels
from server.exporting.report import ExportReport
from tests.test_export import export

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "s50-card" / "three_annotators.json"
ANA, BRUNO, CARLA = "ana@coop.pt", "bruno@coop.pt", "carla@coop.pt"
ANA_USER = {"id": 1, "email": ANA, "first_name": "Ana", "last_name": ""}


def annotators(tmp_path: Path, policy: str = "latest") -> tuple[Path, dict[str, Any]]:
    out, report = export(tmp_path, FIXTURE, policy=policy)
    return out, report.as_dict()["annotators"]


def against(kappa: float, entities: float, claims: float, items: int) -> dict[str, Any]:
    return {"choices": {"sentiment": {"items": items, "cohen_kappa": kappa}},
            "spans": {"entities": {"f1": entities}, "claims": {"f1": claims}}}


# Hand-computed (fixtures/s50-card/README.md has the working): pairs ana|bruno (tasks 1, 2, 6), ana|carla (2, 3),
# bruno|carla (2). Against the others, each annotator's pairs pooled, the annotator as the first rater.
BY_ANNOTATOR = {
    # sentiment: 5 items, 3 agree; ana N2 Neg2 Pos1, others N2 Neg1 Pos2: pe 8/25, kappa (0.6-0.32)/0.68.
    # entities: 3 of 8 (ana|bruno) + 2 of 4 (ana|carla): 10/12; claims: 0 of 1 + 1 of 2: 2/3.
    ANA: {"finished": 5, "cancelled": 0, "shared_tasks": 4, "against_the_others": against(0.4118, 0.8333, 0.6667, 5)},
    # sentiment: 4 items, 3 agree; bruno N1 Neg2 Pos1, others N2 Neg1 Pos1: pe 5/16, kappa 0.4375/0.6875.
    # entities: 3 of 8 + 1 of 4: 8/12; claims: bruno's one claim on task 6, ana none: 0.
    BRUNO: {"finished": 3, "cancelled": 1, "shared_tasks": 3, "against_the_others": against(0.6364, 0.6667, 0.0, 4)},
    # sentiment: 3 items, none agree; carla N2 Pos1, others Neg2 N1: pe 2/9, kappa -2/7.
    # entities: 2 of 4 + 1 of 4: 6/8; claims: task 3's claim, both: 1.
    CARLA: {"finished": 3, "cancelled": 0, "shared_tasks": 2, "against_the_others": against(-0.2857, 0.75, 1.0, 3)},
}
PAIRS = {
    # sentiment N/N, Neg/Neg, Pos/Pos: kappa 1; entities task 1 two of two each, task 2 PER of two each: 6/8.
    f"{ANA} | {BRUNO}": {"tasks": 3, "choices": {"sentiment": {"items": 3, "cohen_kappa": 1.0}},
                         "spans": {"entities": {"f1": 0.75}, "claims": {"f1": 0.0}}},
    # sentiment Neg/N, N/Pos: observed 0, pe 1/4: -1/3.
    f"{ANA} | {CARLA}": {"tasks": 2, "choices": {"sentiment": {"items": 2, "cohen_kappa": -0.3333}},
                         "spans": {"entities": {"f1": 1.0}, "claims": {"f1": 1.0}}},
    # sentiment Neg/N: observed 0, pe 0: 0; entities PER of two each (Agrovale LOC against ORG): 2/4.
    f"{BRUNO} | {CARLA}": {"tasks": 1, "choices": {"sentiment": {"items": 1, "cohen_kappa": 0.0}},
                           "spans": {"entities": {"f1": 0.5}}},
}


def test_each_annotators_counts_and_agreement_are_the_hand_computed_ones(tmp_path: Path) -> None:
    """Fails on main: report.json had no ``annotators``. Ana is a bare id (1) on task 1 and her user object
    after it: one annotator, named by her email."""
    _out, table = annotators(tmp_path)
    assert table["by_annotator"] == BY_ANNOTATOR
    assert table["pairs"] == PAIRS
    assert table["disagree_most"] == {
        "choices sentiment": {"pair": f"{ANA} | {CARLA}", "cohen_kappa": -0.3333, "tasks": 2},
        "spans claims": {"pair": f"{ANA} | {BRUNO}", "f1": 0.0, "tasks": 3},
        "spans entities": {"pair": f"{BRUNO} | {CARLA}", "f1": 0.5, "tasks": 1},
    }


def test_majority_counts_the_shared_tasks_whose_majority_labels_were_not_the_annotators(tmp_path: Path) -> None:
    """Task 2: bruno's LOC and carla's Neutral outvoted; task 3: Neutral against Positive, a tie, no sentiment kept,
    both outvoted; task 6: bruno's claim outvoted; task 1 unanimous."""
    _out, table = annotators(tmp_path, "majority")
    assert {name: row["majority"] for name, row in table["by_annotator"].items()} == {
        ANA: {"tasks": 4, "outvoted": 1}, BRUNO: {"tasks": 3, "outvoted": 2}, CARLA: {"tasks": 2, "outvoted": 2}}
    _out, latest = annotators(tmp_path / "latest")
    assert not any("majority" in row for row in latest["by_annotator"].values())


def test_the_card_shows_one_row_per_annotator_and_the_pairs_that_disagree_most(tmp_path: Path) -> None:
    out, _table = annotators(tmp_path, "majority")
    card = (out / "README.md").read_text(encoding="utf-8")
    assert ("| annotator | finished | cancelled (skipped) | tasks shared | `sentiment` kappa | entities F1 | claims F1 "
            "| outvoted (majority) |") in card
    assert f"| {ANA} | 5 | 0 | 4 | 0.4118 | 0.8333 | 0.6667 | 1 of 4 tasks |" in card
    assert f"| {BRUNO} | 3 | 1 | 3 | 0.6364 | 0.6667 | 0.0 | 2 of 3 tasks |" in card
    assert f"| {CARLA} | 3 | 0 | 2 | -0.2857 | 0.75 | 1.0 | 2 of 2 tasks |" in card
    assert (f"Disagree most: choices sentiment: {ANA} and {CARLA} (kappa -0.3333 over 2 shared tasks); spans claims: "
            f"{ANA} and {BRUNO} (F1 0.0 over 3 shared tasks); spans entities: {BRUNO} and {CARLA} (F1 0.5 over 1 "
            "shared task).") in card
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["annotators"]["pairs"] == PAIRS


def one_annotator_file(tmp_path: Path) -> Path:
    """The fixture's tasks as ana alone annotated them (her annotations only, cancelled ones none)."""
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for task in tasks:  # ana is a bare id (1) on task 1, a user object after it
        task["annotations"] = [a for a in task["annotations"] if a["completed_by"] in (1, ANA_USER)]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


def test_an_export_of_one_annotator_has_no_annotator_numbers(tmp_path: Path) -> None:
    out, report = export(tmp_path, one_annotator_file(tmp_path))
    assert report.tasks_read == 6 and "annotators" not in report.as_dict()
    assert "## Annotators" not in (out / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("policy", ["latest", "majority"])
def test_one_annotators_second_annotation_of_a_task_is_no_pair_and_the_latest_counts(tmp_path: Path,
                                                                                       policy: str) -> None:
    """Carla's earlier task 2 annotation (Agrovale LOC, Negative) is folded: her latest is compared."""
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    latest = tasks[1]["annotations"][2]
    earlier = {**json.loads(json.dumps(latest)), "id": 190, "updated_at": "2026-10-01T10:00:00Z"}
    earlier["result"][1]["value"]["labels"] = ["LOC"]
    earlier["result"][2]["value"]["choices"] = ["Negative"]
    tasks[1]["annotations"].append(earlier)
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    _out, report = export(tmp_path, path, policy=policy)
    table = report.as_dict()["annotators"]
    assert table["pairs"] == PAIRS
    assert table["by_annotator"][CARLA]["finished"] == 4
    assert table["by_annotator"][CARLA]["against_the_others"] == BY_ANNOTATOR[CARLA]["against_the_others"]


def test_a_report_without_annotations_keeps_its_keys() -> None:
    assert "annotators" not in ExportReport().as_dict()


def test_an_annotator_second_in_a_pair_is_the_first_rater_against_the_others() -> None:
    """b is second in the pair (a, b) and first in (b, c): against the others b's answers are Y, Y, Z and the
    others' X, Z, Z: observed 1/3, pe (Z: 1 x 2) / 9, kappa (1/3 - 2/9) / (7/9) = 1/7 (0 with b's answers of the
    pair (a, b) read as the others')."""
    table = AnnotatorTable()
    answers = [{"a": "X", "b": "Y"}, {"b": "Y", "c": "Z"}, {"a": "Z", "b": "Z"}]
    for task in answers:
        table.finished.update(dict.fromkeys(task, 1))
        table.add_shared({name: Labels(choices={"s": (value,)}) for name, value in task.items()}, True)
    rows = table.as_dict({})["by_annotator"]
    assert rows["b"]["against_the_others"]["choices"] == {"s": {"items": 3, "cohen_kappa": 0.1429}}
    assert rows["b"]["shared_tasks"] == 3 and rows["a"]["shared_tasks"] == 2


def test_a_project_of_spans_alone_gives_span_f1_and_no_kappa(tmp_path: Path) -> None:
    """The fixture without its sentiment: (the first version of this branch stopped the export here: its pooled
    counts were asked for a field they no longer had, read only where no choice came first)."""
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for task in tasks:
        for annotation in task["annotations"]:
            annotation["result"] = [region for region in annotation["result"] if region["type"] == "labels"]
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    _out, report = export(tmp_path, path)
    rows = report.as_dict()["annotators"]["by_annotator"]
    assert {name: row["against_the_others"] for name, row in rows.items()} == {
        name: {"choices": {}, "spans": row["against_the_others"]["spans"]} for name, row in BY_ANNOTATOR.items()}


def test_the_report_reads_the_same_when_asked_twice(tmp_path: Path) -> None:
    """s50-card2: the tasks of two annotators are counted by what they hold and settled into their pairs when
    the report is asked for (AnnotatorTable.settle): asked again, nothing is counted twice."""
    _out, report = export(tmp_path, FIXTURE)
    first = report.as_dict()
    assert report.as_dict()["annotators"] == first["annotators"]
    assert first["annotators"]["pairs"] == PAIRS and first["agreement"] == report.as_dict()["agreement"]
