"""s53-survival-speed: the survival count's kept spans found in C where a
plugin's predicted spans and every final span are of one control (nearly
always), counting exactly what the general loop counts."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from plugins.exporters import JsonlExporter
from server.exporting.converting import Settings
from server.exporting.examples import Span
from server.exporting.report import Predicted, Survival
from server.exporting.running import run_export
from server.exporting.sources import file_source

WORDS = ["Meta", "Lisboa", "Banco Central", "Porto", "Embraer", "Coimbra", "Braga", "Qwen"]
LABELS = ["ORG", "LOC", "PER", "CLAIM"]


def random_spans(rng: random.Random, count: int) -> list[Span]:
    """Spans on a text of eight words, a fifth of them claims (judged apart from names)."""
    spans = []
    for _ in range(count):
        start = rng.randrange(8) * 10
        end = start + rng.choice([4, 6, 9, 30])
        spans.append(Span(start, end, rng.choice(LABELS), WORDS[start // 10]))
    return spans


def counted(predicted: dict[str, list[Span]], final: list[tuple[Span, str]], general: bool) -> dict[str, Any]:
    """The survival of one task's predicted spans against its final ones; ``general``: the loop that handles
    notes and several controls (an empty set of noted spans takes it and counts no note)."""
    survival = Survival()
    entry = Predicted({control: [*spans] for control, spans in predicted.items()}, [], set() if general else None)
    labels = type("Labels", (), {"controls": dict(final), "choices": {}})()
    survival.add({"plugin": entry}, labels, 1)
    return survival.as_dict()


def test_one_controls_spans_count_as_the_general_loop_counts() -> None:
    # Predicted spans kept, twice predicted, deleted, redrawn (changed), final ones added, claims beside names,
    # few and many spans (the comparisons each with each, and Intervals past SCANNED_PAIRS); truth: the
    # general loop, which also judges spans of several controls.
    rng = random.Random(53)
    fast_path_results = 0
    for _ in range(600):
        final_spans = random_spans(rng, rng.choice([0, 1, 3, 8, 25]))
        predicted = rng.sample(final_spans, rng.randint(0, len(final_spans)))
        predicted += random_spans(rng, rng.choice([0, 1, 2, 20]))  # not final: changed or deleted
        predicted += rng.sample(predicted, min(len(predicted), rng.choice([0, 0, 1])))  # predicted twice
        rng.shuffle(predicted)
        final = [(span, "label") for span in final_spans]
        fast = counted({"label": predicted}, final, general=False)
        assert fast == counted({"label": predicted}, final, general=True)
        fast_path_results += bool(fast["plugins"])
    assert fast_path_results > 500


def test_the_one_control_path_is_taken_only_where_it_applies(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    one_control = Survival._kept_in_one_control
    monkeypatch.setattr(Survival, "_kept_in_one_control", staticmethod(
        lambda *arguments: calls.append(arguments[0]) or one_control(*arguments)))
    meta, lisboa = Span(2, 6, "ORG", "Meta"), Span(19, 25, "LOC", "Lisboa")
    kept = {"kept": 1, "changed": 0, "deleted": 0, "added": 0}
    assert counted({"label": [meta]}, [(meta, "label")], general=False)["plugins"]["plugin"]["ORG"] == kept
    assert calls == ["label"]
    # A final span of another control: the general loop (the plugin predicted no span of that control, so
    # Lisboa is not added), and Meta drawn with another control is not kept.
    assert counted({"label": [meta]}, [(meta, "label"), (lisboa, "ner")], general=False)["plugins"] == {
        "plugin": {"ORG": kept}}
    assert counted({"label": [meta]}, [(meta, "ner"), (lisboa, "ner")], general=False)["plugins"] == {
        "plugin": {"ORG": {"kept": 0, "changed": 0, "deleted": 1, "added": 0}}}
    # Two predicted controls: the general loop (Lisboa predicted with "ner", final with "label": another kind,
    # so deleted and added).
    assert counted({"label": [meta], "ner": [lisboa]}, [(meta, "label"), (lisboa, "label")],
                   general=False)["plugins"]["plugin"] == {
        "LOC": {"kept": 0, "changed": 0, "deleted": 1, "added": 1}, "ORG": kept}
    assert calls == ["label"]


def test_an_export_counts_survival_as_before(tmp_path: Path) -> None:
    # By hand: Meta predicted twice and kept (two), Porto predicted and deleted, Lisboa redrawn shorter
    # (changed), Braga added; the sentiment kept.
    text = "A Meta e a Qwen em Lisboa. O Porto e Braga."

    def entity(word: str, label: str, end_cut: int = 0) -> dict[str, Any]:
        start = text.index(word)
        end = start + len(word) - end_cut
        return {"from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}

    sentiment = {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["Neutral"]}}
    task = {"id": 1, "data": {"text": text},
            "annotations": [{"id": 1, "completed_by": 1, "was_cancelled": False, "ground_truth": False,
                             "created_at": "2026", "updated_at": "2026",
                             "result": [entity("Meta", "ORG"), entity("Lisboa", "LOC", 1), entity("Braga", "LOC"),
                                        sentiment]}],
            "predictions": [{"id": 9, "model_version": "v1", "result": [
                entity("Meta", "ORG"), entity("Meta", "ORG"), entity("Lisboa", "LOC"), entity("Porto", "LOC"),
                sentiment]}]}
    path = tmp_path / "task.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    report = run_export(file_source(path), JsonlExporter(), tmp_path / "out", Settings(language="pt"), force=True)
    assert report.survival.as_dict()["plugins"] == {"v1": {
        "LOC": {"kept": 0, "changed": 1, "deleted": 1, "added": 1},
        "ORG": {"kept": 2, "changed": 0, "deleted": 0, "added": 0},
        "sentiment=Neutral": {"kept": 1, "changed": 0, "deleted": 0, "added": 0}}}
