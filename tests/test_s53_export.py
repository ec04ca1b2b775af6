"""Session 53's export walk (issue 5, fixtures/s53-export and its README): real Label Studio 1.23.2 exports of a
pt/en newsroom (three annotators, skips, a ground truth, relations, Taxonomy, TextArea, per-region answers, emoji,
NFD, \\r\\n) and of HyperText pages labelled with HyperTextLabels and with Labels, in every format and policy."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.exporting.converting import LABELS_NOT_IN_CONFIG

WALK = Path(__file__).resolve().parent.parent / "fixtures" / "s53-export"
STUDIED = WALK / "studied"
NOT_IN_CONFIG = "regions of controls not in the labeling config (exported as they are)"
sys.path.insert(0, str(WALK.parent / "exportprobe41"))
sys.path.insert(0, str(WALK.parent / "exportprobe42"))
from run_exportprobe41 import FORMATS, controls  # noqa: E402
from run_exportprobe42 import expected, judge  # noqa: E402


def export(source: Path, case: str, fmt: str, out: Path, policy: str = "latest") -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["export", str(source), "--format", fmt, "--out", str(out), "--policy", policy,
                                      "--label-config", str(STUDIED / case / "label_config.xml"), "--quiet"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_labels_drawn_on_a_page_are_the_configs_own(tmp_path: Path) -> None:
    """Before: every span of a Labels control on a HyperText object (the editor draws them: its result type
    `labels`) was noted as a region of a control not in the labeling config, and its labels went unchecked."""
    report = export(STUDIED / "page_labels" / "snapshot.json", "page_labels", "jsonl", tmp_path / "out")
    assert NOT_IN_CONFIG not in report["format_notes"]
    assert report["labels"] == {"train": {"ORG": 4, "PER": 2, "LOC": 2}}


def test_a_label_a_page_labels_control_lacks_is_said(tmp_path: Path) -> None:
    tasks = json.loads((STUDIED / "page_labels" / "snapshot.json").read_text(encoding="utf-8"))
    region = next(r for r in tasks[0]["annotations"][-1]["result"] if r["value"].get("text") == "Goiânia")
    region["value"]["labels"] = ["CITY"]
    (tmp_path / "in.json").write_text(json.dumps(tasks), encoding="utf-8")
    report = export(tmp_path / "in.json", "page_labels", "jsonl", tmp_path / "out")
    assert report["details"][LABELS_NOT_IN_CONFIG] == [
        f"task {tasks[0]['id']}, annotation {tasks[0]['annotations'][-1]['id']}, region {region['id']}: "
        "control 'ents' has no 'CITY'"]
    assert NOT_IN_CONFIG not in report["format_notes"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("policy", ["latest", "ground-truth", "majority", "all"])
def test_the_newsroom_keeps_or_reports_everything(tmp_path: Path, policy: str, fmt: str) -> None:
    """exportprobe42's judge on the newsroom's snapshot: every span and choice back from the format, or said."""
    config, _objects = controls((STUDIED / "newsroom" / "label_config.xml").read_text(encoding="utf-8"))
    tasks = json.loads((STUDIED / "newsroom" / "snapshot.json").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    report = export(STUDIED / "newsroom" / "snapshot.json", "newsroom", fmt, out, policy)
    assert judge({"report": report, "policy": policy}, expected(tasks, policy, config), out, fmt) == []


@pytest.mark.parametrize("policy", ["latest", "majority", "all"])
def test_a_per_region_answer_whose_span_is_gone_is_no_task_choice(tmp_path: Path, policy: str) -> None:
    """Before: a perRegion Choices answer under an id no span has (its span deleted, the answer kept) was written
    as the task's choice (`"choices": {"confidence": ["certain"]}`) and noted as a control not in the config."""
    report = export(WALK / "awkward" / "per_region_answer_of_no_span.json", "newsroom", "jsonl", tmp_path / "out",
                    policy)
    lines = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all("confidence" not in line["choices"] for line in lines)
    assert NOT_IN_CONFIG not in report["format_notes"]
    assert [detail for key, details in report["details"].items() if key.startswith("per-region answers")
            for detail in details if "gone1" in detail] == [
        "task 1, annotation 7, region gone1: confidence: ['certain'] (no span has its id 'gone1')"]


@pytest.mark.parametrize("case", ["crlf_folded_text_crlf_offsets", "variation_selector_dropped"])
def test_relations_follow_their_repaired_spans(tmp_path: Path, case: str) -> None:
    """Before: once a tool shortened the text before the spans (a folded \\r\\n, a dropped U+FE0F), the spans were
    moved back onto their quotes (repaired, said) but both relations between them were left out as 'its span is
    not exported with this text'."""
    report = export(WALK / "awkward" / f"{case}.json", "newsroom", "jsonl", tmp_path / "out")
    line = json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))
    spans = line["spans"]
    assert [(spans[r["head"]]["text"], (line["claims"] if r.get("child_in") else spans)[r["child"]]["text"], r["labels"])
            for r in line["relations"]] == [
        ("Magda Chambriard", "Petrobras", ["works_for"]),
        ("Magda Chambriard", "Segundo Magda Chambriard, a meta para 2026 é crescer 12%", ["says"])]
    assert not any(key.startswith("relations") for key in report["left_out"])
    assert report["repaired"]["spans repaired"] >= 2


# The blind set (fixtures/s53-export/blind, truth in its TRUTH.md), pinned as its one run came: each case's
# spans (label, text, start), relations (head, child) and what the report left out.
BLIND = {
    "orphan_per_region_textarea": ("latest", [("ORG", "Petrobras", 2), ("LOC", "Rio de Janeiro", 34),
                                              ("PER", "Magda Chambriard", 83)], [(2, 0), (2, 0)],
                                   {"regions of control type 'textarea' (not exported)": 2}),
    "nfc_text_with_a_relation": ("latest", [("PER", "João Guimarães", 0), ("LOC", "São Paulo", 23),
                                            ("ORG", "Embraer", 49)], [(0, 2)], {}),
    "crlf_folded_ground_truth": ("ground-truth", [("ORG", "Petrobras", 2), ("LOC", "Rio de Janeiro", 34),
                                                  ("PER", "Magda Chambriard", 82)], [], {}),
    "orphan_choice_beside_a_carried_one": ("latest", [("ORG", "Petrobras", 2), ("LOC", "Rio de Janeiro", 34),
                                                      ("PER", "Magda Chambriard", 83)], [(2, 0), (2, 0)],
                                           {"regions of control type 'textarea' (not exported)": 1,
                                            "per-region answers (a perRegion control's, under a span region's id) "
                                            "whose span is not exported": 1}),
    "emoji_added_before_the_spans": ("latest", [("ORG", "Petrobras", 4), ("LOC", "Rio de Janeiro", 36),
                                                ("PER", "Magda Chambriard", 85)], [(2, 0), (2, 0)],
                                     {"regions of control type 'textarea' (not exported)": 1}),
}


@pytest.mark.parametrize("case", sorted(BLIND))
def test_the_blind_set_as_it_came(tmp_path: Path, case: str) -> None:
    policy, spans, relations, left_out = BLIND[case]
    report = export(WALK / "blind" / f"{case}.json", "newsroom", "jsonl", tmp_path / "out", policy)
    line = json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))
    assert [(s["label"], s["text"], s["start"]) for s in line["spans"]] == spans
    assert [(r["head"], r["child"]) for r in line.get("relations", [])] == relations
    assert "confidence" not in line["choices"]
    assert report["left_out"] == left_out


def test_conll_agrees_with_label_studio_sdk_where_the_tokenizers_agree(tmp_path: Path) -> None:
    """English, latest annotation a task: every token both cut alike has the SDK's tag (label-studio-sdk 2.1.2's
    Converter, run in .ls-venv by fixtures/s53-export/compare_conll.py)."""
    import subprocess

    case = STUDIED / "english_conll"
    export(case / "export_JSON.json", "english_conll", "conll", tmp_path / "out")
    python = WALK.parents[1] / ".ls-venv" / "bin" / "python"
    compared = subprocess.run([str(python), str(WALK / "compare_conll.py"), str(case / "export_JSON.json"),
                               str(case / "label_config.xml"), str(tmp_path / "out" / "train.conll")],
                              capture_output=True, text=True, timeout=300, check=True)
    assert compared.stdout.splitlines()[-1] == ("tokens both cut alike: 160: same tag 160, different 0; "
                                                "sdk-only tokens 10, anota-only tokens 20")
