"""s53-survival-speed: count_survival keeps the last span region's control
and its list of predicted spans, looked up again only when the control or the
plugin changes; what it counts is what it counted before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plugins.exporters import JsonlExporter
from server.exporting.converting import Settings
from server.exporting.running import run_export
from server.exporting.sources import file_source

TEXT = "A Meta e a Qwen em Lisboa. O Porto e Braga."


def region(word: str, label: str, control: str = "label", plugin: str | None = None) -> dict[str, Any]:
    start = TEXT.index(word)
    drawn: dict[str, Any] = {"from_name": control, "to_name": "text", "type": "labels",
                             "value": {"start": start, "end": start + len(word), "text": word, "labels": [label]}}
    if plugin:
        drawn["meta"] = {"plugin": plugin}
    return drawn


def survival(tmp_path: Path, final: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    task = {"id": 1, "data": {"text": TEXT},
            "annotations": [{"id": 1, "completed_by": 1, "was_cancelled": False, "ground_truth": False,
                             "created_at": "2026", "updated_at": "2026", "result": final}],
            "predictions": [{"id": 9, "model_version": "v1", "result": predicted}]}
    path = tmp_path / "task.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    report = run_export(file_source(path), JsonlExporter(), tmp_path / "out", Settings(language="pt"), force=True)
    return report.survival.as_dict()["plugins"]


def outcomes(kept: int = 0, changed: int = 0, deleted: int = 0, added: int = 0) -> dict[str, int]:
    return {"kept": kept, "changed": changed, "deleted": deleted, "added": added}


def test_regions_of_controls_and_plugins_in_turn_are_counted_each_under_its_own(tmp_path: Path) -> None:
    # By hand. Two plugins' regions in turn on one control, then a second control between two of the first's:
    # a span goes to its own plugin and control, whichever region came before it. entities: Meta kept twice
    # (predicted twice), Porto deleted, Lisboa (control ner) kept; places: Braga kept, Qwen (predicted as LOC
    # where the final says ORG) changed. A final span is added only by a plugin that predicted its kind.
    final = [region("Meta", "ORG"), region("Qwen", "ORG"), region("Braga", "LOC"), region("Lisboa", "LOC", "ner")]
    predicted = [region("Meta", "ORG", plugin="entities"), region("Braga", "LOC", plugin="places"),
                 region("Meta", "ORG", plugin="entities"), region("Lisboa", "LOC", "ner", plugin="entities"),
                 region("Porto", "LOC", plugin="entities"), region("Qwen", "LOC", plugin="places")]
    assert survival(tmp_path, final, predicted) == {
        "entities": {"LOC": outcomes(kept=1, deleted=1, added=1), "ORG": outcomes(kept=2, added=1)},
        "places": {"LOC": outcomes(kept=1, changed=1), "ORG": outcomes(added=1)}}
