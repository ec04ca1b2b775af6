"""s50-export (issue 5; bench/HISTORY.md, "## s50-export"): a label or control the config holds in another Unicode
form (1), and a corpus of malformed exports of kinds earlier fixtures lacked (3, fixtures/s50-export)."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from server.exporting.converting import CHOICES_NOT_IN_CONFIG, LABELS_NOT_IN_CONFIG
from tests.test_export_probe3 import run_cli
from tests.test_s48_export import exported

# -------------------------------------------------------------------------
# 1. A name the config holds in another Unicode form: said, not matched (Label Studio compares names as they are)
# -------------------------------------------------------------------------

FORMS_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="Localização"/></Labels>
  <Choices name="tópico" toName="text"><Choice value="Política"/><Choice value="Economia"/></Choices>
</View>
"""
TEXT = "Ana mora em Lisboa."


def nfd(name: str) -> str:
    return unicodedata.normalize("NFD", name)


def regions(label: str, choice: str, control: str = "tópico") -> list[dict[str, Any]]:
    return [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 12, "end": 18, "text": "Lisboa", "labels": [label]}},
            {"id": "c1", "from_name": control, "to_name": "text", "type": "choices",
             "value": {"choices": [choice]}}]


def forms_report(tmp_path: Path, result: list[dict[str, Any]]) -> dict[str, Any]:
    (tmp_path / "config.xml").write_text(FORMS_CONFIG, encoding="utf-8")
    task = {"id": 1, "data": {"text": TEXT}, "annotations": [{"id": 1, "completed_by": 1, "result": result}]}
    (tmp_path / "export.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return exported(tmp_path / "export.json", tmp_path / "out", "--label-config", str(tmp_path / "config.xml"))


def said_twin(twin: str, how: str) -> str:
    return (f" (the config's {twin!r} in {how}: Label Studio compares names as they are, so it is exported as it is; "
            "fix the annotations or the config to make them one)")


def test_a_label_and_a_choice_in_nfd_name_the_configs_nfc_twin(tmp_path: Path) -> None:
    """Fails on main: "control 'label' has no 'Localização'" alone, which reads as if the config lacked it."""
    report = forms_report(tmp_path, regions(nfd("Localização"), nfd("Política")))
    nfd_form = "another Unicode form (NFD; the config's is NFC)"
    assert report["details"][LABELS_NOT_IN_CONFIG] == [
        f"task 1, annotation 1, region r1: control 'label' has no {nfd('Localização')!r}"
        + said_twin("Localização", nfd_form)]
    assert report["details"][CHOICES_NOT_IN_CONFIG] == [
        f"task 1, annotation 1, region c1: control 'tópico' has no choice {nfd('Política')!r}"
        + said_twin("Política", nfd_form)]
    rows = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[0]["spans"][0]["label"] == nfd("Localização")  # exported as it is, as Label Studio keeps it


def test_a_full_width_label_names_its_compatibility_twin(tmp_path: Path) -> None:
    report = forms_report(tmp_path, regions("ＰＥＲ", "Economia"))
    assert report["details"][LABELS_NOT_IN_CONFIG] == [
        "task 1, annotation 1, region r1: control 'label' has no 'ＰＥＲ'" + said_twin(
            "PER", "a compatibility form (full-width letters, ligatures, superscripts... that NFKC folds)")]


def test_a_control_renamed_to_another_form_names_its_twin(tmp_path: Path) -> None:
    report = forms_report(tmp_path, regions("PER", "Economia", control=nfd("tópico")))
    kind = "regions of controls not in the labeling config (exported as they are)"
    assert report["details"][kind] == [
        f"task 1, annotation 1, region c1: control {nfd('tópico')!r}"
        + said_twin("tópico", "another Unicode form (NFD; the config's is NFC)") + ": Economia"]


def test_a_control_renamed_since_names_the_config_control_holding_its_values(tmp_path: Path) -> None:
    """Fails on main: "control 'ner': LOC" alone. A choice whose values no control holds alone is said as before."""
    renamed = regions("Localização", "Economia")
    renamed[0]["from_name"] = "ner"
    report = forms_report(tmp_path, renamed + [{**regions("PER", "Triste", control="humor")[1], "id": "c2"}])
    kind = "regions of controls not in the labeling config (exported as they are)"
    assert report["details"][kind] == [
        "task 1, annotation 1, region r1: control 'ner' (the config's 'label' holds its values: renamed since?): "
        "Localização", "task 1, annotation 1, region c2: control 'humor': Triste"]


@pytest.mark.parametrize("label", ["MISC", "Localizacao"])
def test_a_label_of_no_twin_is_said_as_before(tmp_path: Path, label: str) -> None:
    report = forms_report(tmp_path, regions(label, "Economia"))
    assert report["details"][LABELS_NOT_IN_CONFIG] == [f"task 1, annotation 1, region r1: control 'label' has no {label!r}"]


# -------------------------------------------------------------------------
# 3. Malformed exports of kinds earlier fixtures lacked (fixtures/s50-export): what their run found
# -------------------------------------------------------------------------

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s50-export"
_SPEC = importlib.util.spec_from_file_location("run_s50_export", PROBE / "run_s50_export.py")
runner = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(runner)  # type: ignore[union-attr]
CASES = json.loads((PROBE / "truth.json").read_text(encoding="utf-8"))
# Amended after main's run, as the README says: the truth counted the second task's spans as 3 (it has 2); a zip
# of two JSON files stops before any task is read, saying to give one export (the truth wanted "twice"); the
# per-region transcriptions are written in JSONL as the span's attributes, nothing to say.
AMENDED = {"json_lines_export": {"spans": 5}, "json_lines_crlf_and_blank_lines": {"spans": 5},
           "ls_completions_folder_of_task_files": {"spans": 5},
           "zip_of_json_and_its_jsonl": {"words": ["2 JSON files"], "error_has": ["give one export"]},
           "textarea_per_region": {"accept": ["repair", "export"]}}


@pytest.fixture(scope="module")
def corpus() -> None:
    runner.write_inputs()


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_each_malformed_export_holds_its_truth(tmp_path: Path, case: dict[str, Any], corpus: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """On main, data_nests_the_text fails (its error said data.text is missing, not that the text is at
    item.text)."""
    monkeypatch.setattr(runner.m46, "IN_PROCESS", True)
    result = runner.run_case({**case, **AMENDED.get(case["case"], {})}, "jsonl", tmp_path)
    assert result["class"] != "BAD", result


def test_a_text_nested_in_the_data_is_pointed_at(tmp_path: Path) -> None:
    """Fails on main: "data.text: Missing: the text to export" alone. The path the hint gives is read."""
    task = {"id": 1, "data": {"item": {"text": TEXT, "source": "Público"}},
            "annotations": [{"id": 1, "completed_by": 1, "result": regions("LOC", "Economia")[:1]}]}
    (tmp_path / "export.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result = run_cli(tmp_path / "export.json", "jsonl", tmp_path / "out", "--quiet", "--text-key", "text")
    assert result.exit_code == 1 and "data.text: Missing: the text to export (the data holds strings only nested, " \
        "at item.text, item.source: give the text's path with --text-key item.text, say, or write it in the " \
        "config's value as $item.text)" in result.output, result.output
    assert exported(tmp_path / "export.json", tmp_path / "given", "--text-key", "item.text")["tasks_read"] == 1


# The blind set, written after the fixes and run once (results/blind_all.jsonl): pinned as it came, but for its one
# BAD, a text nested in a list (data.items[0].text), pointed at since s50-export2 (tests/test_s50_export2.py).
BLIND = json.loads((PROBE / "blind_truth.json").read_text(encoding="utf-8"))
BLIND_BAD: set[str] = set()


@pytest.mark.parametrize("case", BLIND, ids=[case["case"] for case in BLIND])
def test_each_blind_case_holds_as_its_one_run_found(tmp_path: Path, case: dict[str, Any], corpus: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner.m46, "IN_PROCESS", True)
    result = runner.run_case(case, "jsonl", tmp_path)
    assert (result["class"] == "BAD") == (case["case"] in BLIND_BAD), result
