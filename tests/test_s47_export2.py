"""s47-export2 (issue 5): what s47-export's malformed47 probe left said badly or not at all
(``fixtures/malformed47/README.md``), each part with its test here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from server.exporting.converting import CHOICES_NOT_IN_CONFIG, LABELS_NOT_IN_CONFIG, SPANS_SHARING_AN_ID
from tests.test_export_probe3 import run_cli
from tests.test_s47_export import annotation, choice, export, span

MALFORMED47 = Path(__file__).resolve().parent.parent / "fixtures" / "malformed47"
CONFIG = str(MALFORMED47 / "config.xml")  # Labels `label` PER/LOC, task-level Choices `sentiment` Positive/Negative


# -------------------------------------------------------------------------
# 2. A choice the labeling config lacks is worded as a choice, a label as a label
# -------------------------------------------------------------------------

def test_a_choice_not_in_the_config_is_reported_as_a_choice(tmp_path: Path) -> None:
    result = [span(2, 11, "ORG"), span(42, 48, "LOC"), choice("Neutral")]
    lines, report = export(tmp_path, [{"id": 1, "data": {"text": "A Petrobras e a Vale anunciaram lucros em Lisboa."},
                                       "annotations": [annotation(1, 1, "2026-11-01T10:00:00Z", result)]}],
                           "jsonl", "--label-config", CONFIG)
    assert lines[0]["sentiment"] == "Neutral"  # exported as it is
    assert report["format_notes"] == {LABELS_NOT_IN_CONFIG: 1, CHOICES_NOT_IN_CONFIG: 1}
    assert report["details"][CHOICES_NOT_IN_CONFIG] == [
        "task 1, annotation 1, region c: control 'sentiment' has no choice 'Neutral'"]
    assert report["details"][LABELS_NOT_IN_CONFIG] == [
        "task 1, annotation 1, region r0-2: control 'label' has no 'ORG'"]


# -------------------------------------------------------------------------
# 3. JSON Lines whose lines are lists: the error says why and what to do
# -------------------------------------------------------------------------

def test_json_lines_of_lists_say_what_they_look_like_and_what_to_do(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(MALFORMED47 / "inputs" / "json_lines_of_lists_named_json.json", "jsonl", out, "--quiet")
    assert result.exit_code != 0 and not out.exists()
    assert ("json_lines_of_lists_named_json.json: line 2, column 1: unexpected data after the list of tasks, found "
            "'[': this line starts another list (JSON Lines whose lines are lists of tasks, or exports joined);"
            ) in result.output
    assert "write each list to a file of its own and export their folder, or join the lists into one" in result.output


def test_data_after_the_list_on_its_own_line_is_said_as_before(tmp_path: Path) -> None:
    """A list after the list on the same line is no JSON Lines, nor anything else after it."""
    for tail in (' [{"id": 2}]\n', '\n{"id": 2}\n'):
        path = tmp_path / "export.json"
        path.write_text(json.dumps([{"id": 1, "data": {"text": "Lisboa."}, "annotations": []}]) + tail)
        result = run_cli(path, "jsonl", tmp_path / "out", "--quiet")
        assert result.exit_code != 0
        assert "unexpected data after the list of tasks, found" in result.output
        assert "JSON Lines" not in result.output


# -------------------------------------------------------------------------
# 1. Spans drawn apart under one region id: said where perRegion answers name the id
# -------------------------------------------------------------------------

ANA = "Ana Souza mora em Lisboa e trabalha na Embraer."
ANSWER = {"id": "r0", "from_name": "certeza", "to_name": "text", "type": "textarea", "value": {"text": ["alta"]}}


def labelled(region_id: str, start: int, end: int, label: str, control: str = "label") -> dict[str, Any]:
    return {"id": region_id, "from_name": control, "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": ANA[start:end], "labels": [label]}}


def ana_task(task_id: int, *annotations: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": task_id, "data": {"text": ANA}, "annotations": [
        annotation(number, number, f"2026-11-0{number}T10:00:00Z", result)
        for number, result in enumerate(annotations, 1)]}


def test_a_per_region_answer_under_a_shared_id_goes_on_each_span_as_said(tmp_path: Path) -> None:
    result = [labelled("r0", 0, 9, "PER"), labelled("r0", 18, 24, "LOC"), labelled("r1", 39, 46, "ORG"), ANSWER]
    lines, report = export(tmp_path, [ana_task(1, result)])
    assert [span.get("attributes") for span in lines[0]["spans"]] == [{"certeza": ["alta"]}] * 2 + [None]
    assert report["format_notes"] == {SPANS_SHARING_AN_ID: 1}
    assert report["details"][SPANS_SHARING_AN_ID] == [
        "task 1, annotation 1: region id 'r0': PER [0, 9) 'Ana Souza', LOC [18, 24) 'Lisboa'"]


def test_a_region_of_several_controls_with_its_answer_is_not_said(tmp_path: Path) -> None:
    """Label Studio's own sharing: one region drawn through two Labels controls, and its perRegion answer, carried
    on both (before s47-export2, on the last region's span only)."""
    result = [labelled("r0", 0, 9, "PER"), labelled("r0", 0, 9, "HUMANO", "papel"), ANSWER]
    lines, report = export(tmp_path, [ana_task(1, result)])
    assert [(span["label"], span.get("attributes")) for span in lines[0]["spans"]] == [
        ("HUMANO", {"certeza": ["alta"]}), ("PER", {"certeza": ["alta"]})]
    assert not report["format_notes"]


def test_spans_sharing_an_id_nothing_else_names_are_exported_unsaid(tmp_path: Path) -> None:
    """Pinned as it stands: no output holds a region id, and a set of every annotation's ids to say it cost 0.85%
    of a JSONL export (bench/HISTORY.md, s47-export2)."""
    lines, report = export(tmp_path, [ana_task(1, [labelled("r0", 0, 9, "PER"), labelled("r0", 18, 24, "LOC")])])
    assert [span["label"] for span in lines[0]["spans"]] == ["PER", "LOC"]
    assert not report["format_notes"]


# -------------------------------------------------------------------------
# 4. A folder's files that hold other text (CoNLL, XML, CSV...) are skipped and said
# -------------------------------------------------------------------------

LABEL_STUDIO = MALFORMED47.parent / "label-studio-1.23.2"


def folder_of_label_studio_files(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "other").mkdir(parents=True)
    for name in ("export_JSON.json", "export_CONLL2003.conll", "label_config.xml"):
        (folder / name).write_bytes((LABEL_STUDIO / name).read_bytes())
    (folder / "README.md").write_text("# Notícias\n", encoding="utf-8")
    (folder / "other" / "export.csv").write_text("id,text\n1,Lisboa\n", encoding="utf-8")
    (folder / "make.py").write_text('"""Writes this folder."""\n', encoding="utf-8")  # three quotes open no JSON
    return folder


def test_a_folders_conll_xml_csv_and_markdown_are_skipped_and_said(tmp_path: Path) -> None:
    folder = folder_of_label_studio_files(tmp_path)
    out = tmp_path / "out"
    result = run_cli(folder, "jsonl", out)
    assert result.exit_code == 0, result.output
    # Since s48-export the folder's labeling config is used as --label-config, said (tests/test_s48_export.py).
    assert "left out: files of the folder that hold text but no JSON (CoNLL, XML, CSV, Markdown...), skipped: 4" \
        in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (kind,) = report["left_out"]
    assert report["details"][kind] == ["README.md", "export_CONLL2003.conll", "make.py", "other/export.csv"]
    assert report["tasks_read"] == 1  # export_JSON.json's


def test_a_folder_of_no_json_stops_naming_its_files(tmp_path: Path) -> None:
    folder = folder_of_label_studio_files(tmp_path)
    (folder / "export_JSON.json").unlink()
    result = run_cli(folder, "jsonl", tmp_path / "out")
    assert result.exit_code != 0
    assert ("project: no file of the folder holds JSON (README.md, export_CONLL2003.conll, label_config.xml, "
            "make.py, other/export.csv); give the Label Studio JSON export file") in result.output


def test_a_file_named_as_an_export_or_one_that_may_be_json_still_stops(tmp_path: Path) -> None:
    """What the reader words (a page saved as the export, JSON after a no-break space) is not skipped."""
    for name, content in (("export.json", "<html><body>Login</body></html>"),
                          ("export", "\u00a0[]"), ("tasks.txt", "version https://git-lfs.github.com/spec/v1\n")):
        folder = folder_of_label_studio_files(tmp_path / name)
        (folder / name).write_text(content, encoding="utf-8")
        result = run_cli(folder, "jsonl", tmp_path / name / "out")
        assert result.exit_code != 0, name
        assert f"{name}: line 1, column 1:" in result.output, result.output
