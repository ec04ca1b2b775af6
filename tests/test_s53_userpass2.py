"""Session 53's second user pass (fixtures/s53-userpass2): the two defects s53-userpass's walks left.

1. `anota push` (and `anota tasks`) run without the server's ANOTA_SOURCES preloaded the seed into the database the
   running server used: its 9 tasks became the seed's 5, the log saying only "the sources changed".
2. `anota export`'s summary charged each of two entity plugins with the other's added labels.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from server.cli import cli

# ---------------------------------------------------------------------------------------------------------------
# 2. The export summary's survival line, with two entity plugins
# ---------------------------------------------------------------------------------------------------------------

PAYMENT = "A Lusitânia Transportes pagou 30 mil euros à Câmara de Lisboa em março."


def region(words: str, label: str, plugin: str | None = None) -> dict[str, Any]:
    start = PAYMENT.index(words)
    found: dict[str, Any] = {"id": f"{label}-{start}", "from_name": "label", "to_name": "text", "type": "labels",
                             "value": {"start": start, "end": start + len(words), "text": words, "labels": [label]}}
    if plugin:
        found["meta"] = {"plugin": plugin}
    return found


def two_plugin_task() -> dict[str, Any]:
    """entities suggested the Câmara as ORG, walk_money the 30 mil euros; the annotator keeps both and adds the
    company as ORG: an ORG entities missed, nothing walk_money missed."""
    predicted = [region("Câmara de Lisboa", "ORG", "entities"), region("30 mil euros", "MONEY", "walk_money")]
    final = [region("Câmara de Lisboa", "ORG"), region("30 mil euros", "MONEY"),
             region("Lusitânia Transportes", "ORG")]
    return {"id": 1, "data": {"text": PAYMENT}, "predictions": [{"model_version": "anota", "result": predicted}],
            "annotations": [{"id": 1, "completed_by": 2, "was_cancelled": False, "result": final}]}


def test_the_summary_charges_each_plugin_only_with_labels_it_suggested(tmp_path: Path) -> None:
    source = tmp_path / "project.json"
    source.write_text(json.dumps([two_plugin_task()]), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "jsonl", "--language", "pt",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Summed over their rows, entities was "added 1; MONEY 1" (walk_money's kept MONEY beside its predictions) and
    # walk_money "added 2" (entities' kept Câmara and the company it missed).
    assert "predictions of entities: kept 1, changed 0, deleted 0, added 1" in lines
    assert "predictions of walk_money: kept 1, changed 0, deleted 0, added 0" in lines
    report = json.loads((out / "report.json").read_text())
    # report.json and the card's table keep their rows by label, as before.
    assert report["prediction_survival"]["plugins"]["walk_money"]["ORG"] == \
        {"kept": 0, "changed": 0, "deleted": 0, "added": 2}
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| walk_money | ORG | 0 | 0 | 0 | 2 |" in card
    assert ("- walk_money suggested no `ORG` on these tasks: its 2 counted added are spans of a label entities "
            "suggested, not walk_money's misses.") in card
    assert "- walk_money suggested no `ORG` on these tasks, so annotators" not in card


def test_the_summary_names_apart_the_labels_no_plugin_suggested(tmp_path: Path) -> None:
    # One plugin; the annotator adds the company under a label nothing suggests (a config's Company).
    task = two_plugin_task()
    task["predictions"][0]["result"] = [region("Câmara de Lisboa", "ORG", "entities")]
    task["annotations"][0]["result"] = [region("Câmara de Lisboa", "ORG"), region("Lusitânia Transportes", "Company")]
    source = tmp_path / "project.json"
    source.write_text(json.dumps([task]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "jsonl", "--language", "pt",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert ("predictions of entities: kept 1, changed 0, deleted 0, added 0; added of labels no plugin suggested: "
            "Company 1") in result.output.splitlines()
