"""Session 50's user pass, as an annotation team lead: a project made with ``anota label-config``, ten tasks pushed
with predictions into a real Label Studio 1.23.2, three annotators (invited users) accepting, correcting, deleting
and adding spans and choices, the webhook's learning, a restart, and the three exports. Found and fixed: a name the
annotators all labelled ORG, whose LOC suggestion they deleted, came back "labelled ORG 68% consistently" (below one
confirmation's 0.75); ``GET /tasks/excluded`` had no count by reason; the terminal's overflow listings piled up in
TMPDIR; a PostgreSQL URL without psycopg was a traceback. Each test fails without its fix."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plugins.entity_memory import KnownMentions, Tally
from server import tasks as tasks_module
from server.cli import cli
from server.exporting.report import OUTVOTED_SAID
from tests.test_entities import annotation_body, predict, region_of
from tests.test_export_probe3 import run_cli
from tests.test_s46_export2 import two_answers
from tests.test_tasks_cli import CORPUS, run, scratch  # noqa: F401 (a fixture: TMPDIR in the test's folder)

TEXT = "A cooperativa Agrovale abriu uma fábrica."


def test_deleting_another_labels_suggestion_does_not_lower_the_learned_score(make_app):
    app = make_app()
    client = app.test_client()
    # Three annotators label Agrovale Organization; two of them deleted a Place suggestion on it first.
    for annotation_id in (1, 2, 3):
        wrong = [("Agrovale", "Place")] if annotation_id < 3 else []
        client.post("/webhook", json=annotation_body(annotation_id, TEXT, [("Agrovale", "Organization")],
                                                     prediction=[*wrong, ("Agrovale", "Organization")]))
    region = region_of(predict(app, "A Agrovale contratou.")[0], "Agrovale")
    # Before: (3 + 0.5) / (5 + 1) = 0.58, the deleted Places counted against the label everyone gave.
    assert region["value"]["labels"] == ["Organization"]
    assert region["score"] == pytest.approx((3 + 0.5) / (3 + 1))


@pytest.mark.parametrize(("tallies", "score"), [
    ({"ORG": Tally(confirmed=7, latest=9), "LOC": Tally(rejected=3)}, (7 + 0.5) / (7 + 1)),  # the walk's Agrovale
    # Guards: its own deletions, and other labels given, still count against a label.
    ({"ORG": Tally(confirmed=2, rejected=1, latest=2)}, (2 + 0.5) / (3 + 1)),
    ({"ORG": Tally(confirmed=3, latest=3), "LOC": Tally(confirmed=1, latest=4)}, (3 + 0.5) / (4 + 1)),
])
def test_the_learned_score_counts_other_labels_given_and_its_own_deletions(tallies, score):
    assert KnownMentions(1, {"Agrovale": tallies}).labels["Agrovale"] == ("ORG", pytest.approx(score))


def test_tasks_excluded_counts_what_was_left_out_by_reason(make_app):
    app = make_app(SOURCES=[str(CORPUS)], PRELOAD=True)
    listing = app.test_client().get("/tasks/excluded").json
    by_reason = listing["by_reason"]
    assert sum(row["count"] for row in by_reason) == len(listing["excluded"]) > 5
    assert [row["count"] for row in by_reason] == sorted((row["count"] for row in by_reason), reverse=True)
    first = by_reason[0]
    assert sum(item["kind"] == first["kind"] and tasks_module.reason_family(item["reason"]) == first["reason"]
               for item in listing["excluded"]) == first["count"]


@pytest.mark.usefixtures("scratch")
def test_old_overflow_listings_are_removed_and_the_newest_kept(monkeypatch, tmp_path):
    folder = Path(tempfile.gettempdir())
    old = [folder / f"anota-left-out-old{number}.txt" for number in range(7)]
    for age, path in enumerate(old):
        path.write_text("excluded ...\n", encoding="utf-8")
        stamp = time.time() - 3600 * (age + 1)  # old0 the newest
        os.utime(path, (stamp, stamp))
    unrelated = folder / "notes.txt"
    unrelated.write_text("mine", encoding="utf-8")
    monkeypatch.setattr(tasks_module, "_stderr_is_terminal", lambda _out: True)
    monkeypatch.setattr(tasks_module, "LEFT_OUT_ON_SCREEN", 5)
    result = run(["tasks", "--out", str(tmp_path / "tasks.json"), str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    kept = sorted(folder.glob("anota-left-out-*.txt"))
    assert len(kept) == tasks_module.OVERFLOW_FILES_KEPT
    assert set(old[:tasks_module.OVERFLOW_FILES_KEPT - 1]) < set(kept)  # the newest four, and this run's
    assert f"removed 3 older left-out listings from {folder} (the newest 5 are kept)" in result.stderr
    assert unrelated.exists()


def test_a_postgresql_url_without_psycopg_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as where the postgres extra is not installed
    monkeypatch.setenv("ANOTA_DATABASE_URL", "postgresql://anota:secret@127.0.0.1:1/anota")
    result = CliRunner().invoke(cli, ["tasks"])
    assert result.exit_code == 1
    # Before: psycopg's ModuleNotFoundError, a traceback.
    assert result.output == (
        "Error: ANOTA_DATABASE_URL=postgresql://anota:***@127.0.0.1:1/anota: cannot open the database: its driver "
        "psycopg is not installed (pip install 'anota[postgres]', or .venv/bin/pip install -e '.[postgres]' in a "
        "clone)\n")


NO_GROUND_TRUTH = "tasks without a ground-truth annotation (an annotation marked ground_truth), the latest counted"


@pytest.mark.parametrize(("marked", "without"), [((), 2), ((1,), 1), ((1, 2), None)])
def test_ground_truth_says_how_many_tasks_had_none(tmp_path, marked, without):
    # The walk's project marked no ground truth: `--policy ground-truth` exported what `latest` did, in silence.
    tasks = []
    for task_id in (1, 2):
        task = two_answers(task_id, "2026-11-30T09:30:00Z", "2026-11-30T10:00:00Z")
        task["annotations"][0]["ground_truth"] = task_id in marked
        tasks.append(task)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out", "--policy", "ground-truth", "--quiet")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"].get(NO_GROUND_TRUTH) == without
    if without:
        assert report["details"][NO_GROUND_TRUTH] == [f"task {task_id}" for task_id in (1, 2) if task_id not in marked]


@pytest.mark.parametrize(("policy", "said"), [("majority", True), ("latest", False)])
def test_the_card_says_a_prediction_without_a_majority_counts_as_deleted(tmp_path, policy, said):
    # Two annotators: one keeps the predicted Meta, the other Qwen; neither has a majority under `majority`.
    task = two_answers(1, "2026-11-30T09:30:00Z", "2026-11-30T10:00:00Z")
    predicted = {"result": task["annotations"][0]["result"], "model_version": "anota-x"}  # Meta, from a plugin
    for annotation in task["annotations"]:
        annotation["prediction"] = predicted
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out", "--policy", policy, "--quiet")
    assert result.exit_code == 0, result.output
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "| kept | changed | deleted | added |" in card
    assert (OUTVOTED_SAID in card) is said
