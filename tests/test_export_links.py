"""Exports of projects whose tasks hold links (``<Text valueType="url">``):
the text behind each link is fetched from Label Studio (a real HTTP server on
127.0.0.1 standing in for it) as /predict fetches it, so the spans fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_export import annotation, entity, read_jsonl, run_cli
from tests.test_remote_texts import CONFIG, STORY, TOKEN, label_studio  # noqa: F401 (the fixture)

NVIDIA = STORY.index("Nvidia")


def linked_export(tmp_path: Path) -> Path:
    tasks = [
        {"id": 1, "data": {"text": "/data/upload/1/story.txt"},
         "annotations": [annotation(1, 1, [entity(NVIDIA, NVIDIA + 6, "ORG", STORY)], "2026")]},
        {"id": 2, "data": {"text": "/data/upload/1/missing.txt"},
         "annotations": [annotation(2, 1, [entity(0, 4, "ORG", "Acme")], "2026")]},
    ]
    path = tmp_path / "linked.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


@pytest.mark.parametrize("with_config", [True, False])
def test_the_text_behind_a_link_is_fetched_and_a_missing_one_reported(
    tmp_path: Path, label_studio: str, monkeypatch: pytest.MonkeyPatch, with_config: bool  # noqa: F811
) -> None:
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", TOKEN)
    config = tmp_path / "config.xml"
    config.write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "out"
    arguments = [str(linked_export(tmp_path)), "--format", "jsonl", "--out", str(out)]
    done = run_cli(*arguments, *(["--label-config", str(config)] if with_config else []))
    assert done.exit_code == 0, done.output
    (example,) = read_jsonl(out).values()
    assert example["text"] == STORY
    assert example["spans"] == {(NVIDIA, NVIDIA + 6, "ORG")}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "tasks whose text (a link) could not be fetched: 1" in done.output
    assert any("task 2" in detail and "missing.txt" in detail for details in report["details"].values()
               for detail in details), report


def test_without_label_studio_address_a_linked_task_is_left_out_saying_how_to_fetch_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LABEL_STUDIO_URL", "LABEL_STUDIO_HOST", "LABEL_STUDIO_API_KEY"):
        monkeypatch.delenv(variable, raising=False)
    out = tmp_path / "out"
    done = run_cli(str(linked_export(tmp_path)), "--format", "jsonl", "--out", str(out))
    assert done.exit_code == 1 and "with --from-label-studio, or set LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY" in \
        done.output, done.output  # s49-export: a storage link with no Label Studio known, said without the SDK's words
    done = run_cli(str(linked_export(tmp_path)), "--format", "jsonl", "--out", str(out), "--allow-empty")
    assert done.exit_code == 0, done.output
    assert "wrote 0 examples" in done.output
    report = (out / "report.json").read_text(encoding="utf-8")
    assert "with --from-label-studio, or set LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY" in report
