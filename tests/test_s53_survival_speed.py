"""s53-survival-speed: the survival count finds a predicted region's spans by
the equal value of the annotation that accepted it (compared in order, no
hash), and counts exactly what the lookup by the predicted value counted."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from plugins.exporters import JsonlExporter
from schemas.label_studio_export import SpanValue, load_task
from server.exporting import converting
from server.exporting.converting import Settings, TaskConverter
from server.exporting.examples import Span
from server.exporting.report import ExportReport
from server.exporting.running import run_export
from server.exporting.sources import file_source

TEXT = ("A Meta e a Qwen em Lisboa. O Banco Central subiu os juros no Porto. "
        "A Embraer vendeu aviões a Coimbra e a Braga.")


def entity(word: str, label: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(word), "text": word, "labels": [label]}}


def sentiment(value: str) -> dict[str, Any]:
    return {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": [value]}}


PREDICTED = [entity("Meta", "ORG"), entity("Lisboa", "LOC"), entity("Banco Central", "ORG"), entity("Porto", "LOC"),
             entity("Embraer", "ORG"), entity("Coimbra", "LOC"), sentiment("Neutral")]
ADDED = [entity("Qwen", "ORG"), entity("Braga", "LOC"), entity("Central", "ORG"), entity("A Embraer", "ORG"),
         entity("juros", "MISC"), entity("aviões", "MISC")]


def task_of(annotations: list[list[dict[str, Any]]], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": 1, "data": {"text": TEXT}, "predictions": [{"id": 9, "model_version": "v1", "result": predicted}],
            "annotations": [{"id": n + 1, "completed_by": n + 1, "result": regions, "was_cancelled": False,
                             "ground_truth": False, "created_at": f"2026-0{n + 1}", "updated_at": f"2026-0{n + 1}"}
                            for n, regions in enumerate(annotations)]}


# The shapes an annotation takes of a prediction: accepted as it is; regions added before, between (more in a row
# than SURVIVAL_LOOKAHEAD) and after the accepted ones; in another order; predicted ones deleted or redrawn; the
# accepted regions only in a second annotator's (``all`` and ``majority`` count the first's as well).
SHAPES = {
    "accepted": [PREDICTED],
    "added in between": [[PREDICTED[0], *ADDED[:2], PREDICTED[1], *ADDED[2:], *PREDICTED[2:]]],
    "added first": [[*ADDED, *PREDICTED]],
    "reversed": [PREDICTED[::-1]],
    "deleted and redrawn": [[PREDICTED[0], entity("Lisbo", "LOC"), *PREDICTED[3:5], entity("Coimbra", "ORG")]],
    "a second annotator": [[sentiment("Positive")], [*ADDED[:3], *PREDICTED]],
    "nothing drawn": [[]],
}
EXPECTED_ACCEPTED = {  # by hand: every predicted span and the choice kept
    "LOC": {"kept": 3, "changed": 0, "deleted": 0, "added": 0},
    "ORG": {"kept": 3, "changed": 0, "deleted": 0, "added": 0},
    "sentiment=Neutral": {"kept": 1, "changed": 0, "deleted": 0, "added": 0}}


def survival(tmp_path: Path, annotations: list[list[dict[str, Any]]], policy: str) -> tuple[dict, bytes, bytes]:
    tmp_path.mkdir()
    path = tmp_path / "task.json"
    path.write_text(json.dumps([task_of(annotations, PREDICTED)]), encoding="utf-8")
    out = tmp_path / f"out-{policy}"
    report = run_export(file_source(path), JsonlExporter(), out, Settings(policy=policy, language="pt"), force=True)
    return (report.survival.as_dict(), (out / "report.json").read_bytes().replace(str(tmp_path).encode(), b"TMP"),
            (out / "train.jsonl").read_bytes())


@pytest.mark.parametrize("policy", ["latest", "all", "majority"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_survival_counts_the_same_with_and_without_the_annotations_values(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str, policy: str) -> None:
    annotations = SHAPES[shape]
    paired = survival(tmp_path / "paired", annotations, policy)
    monkeypatch.setattr(converting, "SURVIVAL_LOOKAHEAD", 0)  # no annotation's region compared: the lookup alone
    assert survival(tmp_path / "looked-up", annotations, policy) == paired
    if shape == "accepted":
        assert paired[0]["plugins"]["v1"] == EXPECTED_ACCEPTED


class LookedUp(dict):
    """The task's placed spans by region value, recording the keys asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[SpanValue] = []

    def get(self, key: Any, default: Any = None) -> Any:
        self.asked.append(key)
        return super().get(key, default)


def test_an_accepted_region_is_looked_up_by_the_annotations_value() -> None:
    # Three regions added in a row are passed over (SURVIVAL_LOOKAHEAD 4); a predicted region the annotator
    # deleted (Porto) is looked up by its own value, and the next accepted one is found again.
    drawn = [PREDICTED[0], *ADDED[:3], PREDICTED[1], PREDICTED[2], *PREDICTED[4:]]
    task = load_task(task_of([drawn], PREDICTED), "$[0]")
    converter = TaskConverter(Settings(language="pt"), ExportReport())
    converter.marks_possible = False
    fitted = LookedUp()
    annotation = task.annotations[0]
    labels = converter.labels(task, "text", TEXT, annotation, fitted)
    fitted.asked.clear()
    converter.count_survival(task, "text", TEXT, [annotation], SimpleNamespace(labels=labels), fitted)
    values = {id(region.value): number for number, region in enumerate(annotation.regions)}
    predicted_values = [region.value for region in task.predictions[0].regions[:6]]
    assert [values.get(id(key), "own" if key is predicted else None)
            for key, predicted in zip(fitted.asked, predicted_values, strict=True)] == [0, 4, 5, "own", 6, 7]
    porto = Span(TEXT.index("Porto"), TEXT.index("Porto") + 5, "LOC", "Porto")
    assert converter.report.survival.as_dict()["plugins"]["v1"]["LOC"] == {
        "kept": 2, "changed": 0, "deleted": 1, "added": 1}
    assert porto not in labels.controls
