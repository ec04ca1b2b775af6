"""exportprobe43 (``fixtures/exportprobe43/README.md``): several texts without a labeling config, each exported
with its own spans; a labeling config holding a DTD (an entity bomb, an external entity) stops naming the file."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.config_checks import label_studio_refusal
from server.exporting.converting import TEXT_KEY_OF_SPANS, TEXTS_OF_SPANS

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe43"
sys.path.insert(0, str(PROBE))
from run_exportprobe43 import FORMATS, judge_export  # noqa: E402

STUDIED = json.loads((PROBE / "truth_studied.json").read_text(encoding="utf-8"))


def export(tmp_path: Path, given: Path, fmt: str = "jsonl", *options: str) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(given), "--format", fmt, "--out", str(out), "--quiet",
                                      "--language", "pt", *options])
    return result.exit_code, result.output, out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("truth", STUDIED, ids=lambda truth: truth["case"])
def test_studied_cases_as_their_truth_says(tmp_path: Path, truth: dict, fmt: str) -> None:
    """Main's code (b71f37e): 20 of 20 BAD (two texts named otherwise than ``text`` stopped the export, a
    summary's spans were left out, a config's DTD gave libxml's words without the file's name)."""
    options = ["--policy", truth["policy"]] + (["--label-config", str(PROBE / truth["config"])]
                                               if truth["config"] else [])
    code, output, out = export(tmp_path, PROBE / truth["input"], fmt, *options)
    assert "Traceback" not in output
    if truth["accept"] == "error":
        assert code == 1 and not out.exists() and len(output.strip().splitlines()) == 1, output
        assert any(word.lower() in output.lower() for word in truth["words"]), output
        assert all(name in output for name in truth["names"]), output
        return
    assert code == 0, output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert judge_export(truth, report, out, fmt) == []


def test_each_labelled_text_is_an_example_and_choices_go_with_the_first(tmp_path: Path) -> None:
    code, output, out = export(tmp_path, PROBE / "studied" / "title_body" / "export.json")
    assert code == 0, output
    title, body = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (title["meta"]["field"], body["meta"]["field"]) == ("titulo", "corpo")
    assert (title["choices"], body["choices"]) == ({"tema": ["Economia"]}, {})
    assert title["meta"]["anota_id"] == body["meta"]["anota_id"]  # one document: one split
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {TEXTS_OF_SPANS: 1} and report["left_out"] == {}


def test_a_late_second_text_adds_the_csv_field_column(tmp_path: Path) -> None:
    """The exporter failed (`dict contains fields not in fieldnames: 'field'`): the first task's examples
    had opened the files without the column. Since session 43 the first task, whose data holds the summary
    too, names its field (``text``) though only a later task labels the summary."""
    code, output, out = export(tmp_path, PROBE / "studied" / "late_second_text" / "export.json", "csv")
    assert code == 0, output
    with (out / "train.spans.csv").open(encoding="utf-8", newline="") as rows:
        assert [(row["task_id"], row["start"], row["field"]) for row in csv.DictReader(rows)] == [
            ("1", "2", "text"), ("2", "8", "resumo"), ("3", "2", "text"), ("3", "8", "resumo")]
    assert (out / "train.csv").read_text(encoding="utf-8").splitlines() == [
        "task_id,anota_id,split,control,choice,annotators,text,field"]
    assert sorted(path.name for path in out.iterdir()) == ["README.md", "report.json", "train.csv",
                                                           "train.spans.csv"]


def test_the_one_labelled_text_of_data_without_a_text_key_is_exported_and_said(tmp_path: Path) -> None:
    code, output, out = export(tmp_path, PROBE / "studied" / "context_text" / "export.json")
    assert code == 0, output
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    # The data holds the question too: the field is named (session 43; before, none with one example).
    assert example["text"] == "A Azul confirmou o voo para Recife." and example["meta"]["field"] == "resposta"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["details"][TEXT_KEY_OF_SPANS] == ["task 1: data.resposta"]


def test_a_text_no_span_was_ever_drawn_on_is_context_not_an_empty_example(tmp_path: Path) -> None:
    """A renamed object (``<Text name="text" value="$content">``): its spans quote data.content, and
    data.text, never labelled, is not written as a text without entities."""
    text = "O Lula visitou Lisboa."
    region = {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 2, "end": 6, "text": "Lula", "labels": ["PER"]}}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": "Outro texto.", "content": text}, "annotations": [
        {"id": 1, "result": [region], "was_cancelled": False, "ground_truth": False,
         "created_at": "2026-12-01T00:00:00Z", "updated_at": "2026-12-01T00:00:00Z"}]}]), encoding="utf-8")
    code, output, out = export(tmp_path, path)
    assert code == 0, output
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (example["text"], example["spans"][0]["text"]) == (text, "Lula")


@pytest.mark.parametrize("case", ["billion_laughs", "external_entity"])
def test_a_config_with_a_dtd_is_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    """It was libxml's `Maximum entity amplification factor exceeded, see xmlCtxtSetMaxAmplification.` and
    `Entity 'host' not defined`, after `labeling config:` and no file name."""
    config = PROBE / "studied" / case / "label_config.xml"
    code, output, out = export(tmp_path, PROBE / "studied" / case / "export.json", "jsonl",
                               "--label-config", str(config))
    assert code == 1 and not out.exists()
    assert output.strip().startswith(f"Error: labeling config {config}: it holds a DTD (<!DOCTYPE ...>), defining ")
    assert "which Label Studio forbids" in output and "xmlCtxt" not in output
    assert label_studio_refusal(config.read_text(encoding="utf-8")).startswith("it holds a DTD")


def test_every_label_config_error_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "config.xml"
    config.write_text("<View><Text name='text' value='$text'/><Labels name='l' toName='nope'><Label value='A'/>"
                      "</Labels></View>", encoding="utf-8")
    code, output, _out = export(tmp_path, PROBE / "studied" / "context_text" / "export.json", "jsonl",
                                "--label-config", str(config))
    assert code == 1 and output.startswith(f"Error: labeling config {config}: Labels 'l' has toName 'nope'"), output


@pytest.mark.parametrize("page", ["<!DOCTYPE html>\n<html><body><p>Sign in</p></body></html>",
                                  "<?xml version='1.0'?><!-- saved --><html><body></body></html>"])
def test_an_html_page_as_the_config_is_named_a_page_not_a_dtd(tmp_path: Path, page: str) -> None:
    """A saved web page's doctype is no entity bomb (found at merge: it was 'it holds a DTD ... its entities could
    expand without end')."""
    config = tmp_path / "config.html"
    config.write_text(page, encoding="utf-8")
    code, output, out = export(tmp_path, PROBE / "studied" / "context_text" / "export.json", "jsonl",
                               "--label-config", str(config))
    assert code == 1 and not out.exists()
    assert output.strip() == (f"Error: labeling config {config}: an HTML page, not the project's labeling config; "
                              "give the config's XML (Settings > Labeling Interface > Code in Label Studio)")
