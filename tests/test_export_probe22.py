"""The twenty-second malformed-input probe of ``anota export``
(fixtures/export_probe22/, written by its make_probe22.py; README.md there
lists each input with what was expected before the first run, and
run_probe22.py runs them all as subprocesses): one test for each fix the
probe called for (other tools' files and Label Studio's target-storage files
given as the export, a JSON file given as the labeling config, labels that
differ only in their Unicode form), then the probe's other inputs, which
were exported or refused as expected before and after."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.test_export_probe3 import assert_stops_cleanly, run_cli, spans_of

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "export_probe22"
sys.path.insert(0, str(PROBE))
from make_probe22 import LONG_LABEL, PT_TEXT, unannotated  # noqa: E402

SAMPLE = PROBE.parent / "exports" / "export_JSON.json"
BASE = json.loads(SAMPLE.read_text(encoding="utf-8"))[0]
NOT_LABEL_STUDIO = ("not a Label Studio export: Anota reads the JSON export of a Label Studio project; import it into "
                    "Label Studio first")


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def examples_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def export(path: Path, out: Path, *extra: str, fmt: str = "jsonl") -> dict[str, Any]:
    result = run_cli(path, fmt, out, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return report_of(out)


# Label Studio's target storage (legacy format) writes one file per annotation, its task nested
# under "task": such a file was said to hold no text ("annotations without their tasks"), though it
# holds its task, and its task id was shown as "(an object)". Then (export_gaps) it was named, and
# not exported; now its annotations are joined into their tasks (a folder of them too:
# tests/test_export_gaps.py).

TARGET_STORAGE_JOINED = ("annotations read from Label Studio's target-storage files (one annotation per file, its "
                         "task nested), joined into their tasks")


@pytest.mark.parametrize("name,task_ids", [("target_storage_annotation.json", [1]),
                                           ("target_storage_annotations_cat.json", [1, 2, 3])])
def test_a_target_storage_annotation_file_is_exported_as_its_task(tmp_path: Path, name: str,
                                                                  task_ids: list[int]) -> None:
    report = export(PROBE / name, tmp_path / "out")
    assert [example["meta"]["task_id"] for example in examples_of(tmp_path / "out")] == task_ids
    assert report["format_notes"] == {TARGET_STORAGE_JOINED: len(task_ids)}


def test_an_annotation_whose_task_is_an_id_still_holds_no_text(tmp_path: Path) -> None:
    """The guard: the annotations API's answer (probe 21) keeps its words."""
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps([{**BASE["annotations"][0], "id": 7, "task": 1}]), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", "$[0]: an annotation (id 7, of task 1), not a task: Label Studio's "
                         "annotations without their tasks hold no text; export the project as JSON, whose tasks "
                         "hold their annotations")


# Other tools' datasets were refused by the schema's words alone ("id: Not a valid integer.";
# "data: Missing data"), and COCO's boxes were said to be the tasks ("jq '.annotations' gives it").

@pytest.mark.parametrize("name,where,tool", [
    ("hf_token_classification.jsonl", "object 0",
     "a token-classification dataset (tokens and their tags, as Hugging Face datasets write CoNLL-2003)"),
    ("coco_export.json", "object 0", "a COCO dataset (images, their boxes and categories)"),
    ("spacy_v2_training.json", "$[0]", "spaCy v2's JSON training format"),
])
def test_another_tools_dataset_is_named(tmp_path: Path, name: str, where: str, tool: str) -> None:
    """What the file is and what to give instead; before, the schema's complaint followed ("(read as a task, task 0:
    data: Missing data for required field.)"), about a key of a task this file never meant to hold."""
    assert_stops_cleanly(tmp_path, PROBE / name, "jsonl", f"{where}: this looks like {tool}, {NOT_LABEL_STUDIO}")


def test_a_text_classification_dataset_is_not_called_label_studios_json_min(tmp_path: Path) -> None:
    """Found by the blind run: rows of a text and its label were "a JSON_MIN or CSV-style export"."""
    assert_stops_cleanly(tmp_path, PROBE / "blind" / "hf_text_classification.jsonl", "jsonl",
                         "object 0: this looks like a text-classification dataset (a text and its label, as Hugging "
                         f"Face datasets write it), {NOT_LABEL_STUDIO}")


def test_prodigy_text_classification_is_named_prodigys(tmp_path: Path) -> None:
    """The guard: Prodigy's rows hold a text and a label too, and its hashes."""
    path = tmp_path / "prodigy.jsonl"
    path.write_text(json.dumps({"text": "Péssimo.", "label": "NEGATIVE", "answer": "accept", "_input_hash": 1,
                                "_task_hash": 2}) + "\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert_stops_cleanly(work, path, "jsonl", f"object 0: this looks like a Prodigy dataset (JSONL), {NOT_LABEL_STUDIO}")


def test_label_studios_json_min_is_still_named(tmp_path: Path) -> None:
    """The guard: JSON_MIN's items hold their task id and annotator."""
    assert_stops_cleanly(tmp_path, PROBE.parent / "exports" / "export_JSON_MIN.json", "jsonl",
                         "$[0]: this looks like a JSON_MIN export (Label Studio's flat row per annotation: no data, "
                         "no annotations): export the project as JSON instead (Label Studio's Export > JSON), which "
                         "keeps every annotation with its regions and annotator")  # s52-export: no schema error


# A JSON file given as --label-config: "cannot parse the labeling config: Start tag expected, '<' not found".

@pytest.mark.parametrize("config,message", [
    (PROBE / "label_config_project_api.json",
     "JSON, not XML: a Label Studio project's settings (its API answer?); the labeling config is the string under "
     "'label_config': jq -r .label_config FILE > config.xml gives it"),
    (SAMPLE, "JSON, not the labeling config's XML (the export given as --label-config?); give the project's labeling "
     "config (Settings > Labeling Interface > Code in Label Studio)"),
])
def test_a_json_file_given_as_the_labeling_config_is_named(tmp_path: Path, config: Path, message: str) -> None:
    result = run_cli(SAMPLE, "jsonl", tmp_path / "out", "--label-config", str(config))
    assert result.exit_code == 1
    assert result.output == f"Error: labeling config {config}: {message}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_labeling_config_with_leading_whitespace_is_still_read(tmp_path: Path) -> None:
    """The guard: only a file starting with '{' or '[' is taken for JSON."""
    config = tmp_path / "config.xml"
    config.write_text("\n  " + (PROBE.parent / "exports" / "label_config.xml").read_text(encoding="utf-8"))
    report = export(SAMPLE, tmp_path / "out", "--label-config", str(config))
    assert report["examples"] == {"train": 1}


# Labels (and choices) in two Unicode forms made two classes that print alike, without a word.

ALIKE_LABELS = "labels that differ only in Unicode form (NFC, NFD): classes that print alike"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_labels_in_two_unicode_forms_are_noted(tmp_path: Path, fmt: str) -> None:
    report = export(PROBE / "labels_nfc_and_nfd.json", tmp_path / "out", fmt=fmt)
    assert report["format_notes"] == {ALIKE_LABELS: 1}
    assert report["details"][ALIKE_LABELS] == ["'Organizac\\u0327a\\u0303o' and 'Organiza\\xe7\\xe3o'"]
    assert len(report["labels"]["train"]) == 2  # kept as annotated: the note says they read alike


def test_choices_in_two_unicode_forms_are_noted(tmp_path: Path) -> None:
    tasks = []
    for task_id, form in ((1, "NFC"), (2, "NFD")):
        task = json.loads(json.dumps(BASE))
        task["id"] = task_id
        task["annotations"][0]["result"][2]["value"]["choices"] = [unicodedata.normalize(form, "Não")]
        tasks.append(task)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    report = export(path, tmp_path / "out")
    kind = "choices that differ only in Unicode form (NFC, NFD): classes that print alike"
    assert report["format_notes"] == {kind: 1}
    assert report["details"][kind] == ["'sentiment=Na\\u0303o' and 'sentiment=N\\xe3o'"]


def test_labels_in_one_unicode_form_are_not_noted(tmp_path: Path) -> None:
    """The guard: accented labels alike in every task, and labels alike but for case, are no such note
    (labels alike but for case have their own, tests/test_exportprobe28.py)."""
    text = "A Organização e a organização."
    task = json.loads(json.dumps(BASE))
    task["data"]["text"] = text
    task["annotations"][0]["result"] = [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": start, "end": start + 11, "text": text[start:start + 11], "labels": [label]}}
        for start, label in ((2, "Organização"), (18, "organização"))]
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert export(path, tmp_path / "out")["format_notes"] == {
        "labels that differ only in case: classes a model learns apart": 1}


# The probe's other inputs, exported or refused as README.md expected before any fix.

def test_a_span_cutting_a_portuguese_token_is_kept_in_jsonl_and_widened_in_spacy(tmp_path: Path) -> None:
    globo = PT_TEXT.index("Globo")
    export(PROBE / "pt_span_cuts_token.json", tmp_path / "jsonl")
    assert [(s["start"], s["end"], s["text"]) for s in spans_of(tmp_path / "jsonl")] == [
        (PT_TEXT.index("Mantega"), PT_TEXT.index("Mantega") + 7, "Mantega"), (globo, globo + 5, "Globo")]
    report = export(PROBE / "pt_span_cuts_token.json", tmp_path / "spacy", fmt="spacy")
    assert report["format_notes"] == {"spans widened to whole tokens": 1}
    import spacy
    from spacy.tokens import DocBin

    [doc] = DocBin().from_disk(tmp_path / "spacy" / "train.spacy").get_docs(spacy.blank("pt").vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [("Mantega", "PER"), ("Globonews", "ORG")]


def test_a_choice_with_a_comma_a_quote_and_a_line_break_reads_back(tmp_path: Path) -> None:
    choice = 'Misto, "neutro"\ne positivo'
    export(PROBE / "choice_comma_quote_newline.json", tmp_path / "jsonl")
    assert [example["sentiment"] for example in examples_of(tmp_path / "jsonl")] == [choice]
    export(PROBE / "choice_comma_quote_newline.json", tmp_path / "csv", fmt="csv")
    with (tmp_path / "csv" / "train.csv").open(encoding="utf-8", newline="") as rows:
        assert [row["choice"] for row in csv.DictReader(rows)] == [choice]


def test_a_label_of_thousands_of_characters_is_exported_as_it_is(tmp_path: Path) -> None:
    export(PROBE / "label_5000_chars.json", tmp_path / "out")
    assert [span["label"] for span in spans_of(tmp_path / "out")] == [LONG_LABEL]


def test_one_span_marked_by_two_controls_is_kept_once_and_reported(tmp_path: Path) -> None:
    report = export(PROBE / "two_controls_same_span.json", tmp_path / "out")
    assert report["repaired"] == {"identical spans in one annotation kept once": 1}
    assert [(span["start"], span["end"], span["label"]) for span in spans_of(tmp_path / "out")] == [(2, 6, "ORG")]


def test_tasks_with_the_same_text_fall_in_the_same_split(tmp_path: Path) -> None:
    export(PROBE / "same_text_two_ids_split.json", tmp_path / "out", "--split", "50/50")
    splits: dict[str, set[str]] = {}
    for example in examples_of(tmp_path / "out"):
        splits.setdefault(example["text"], set()).add(example["meta"]["split"])
    assert len(splits) == 20 and all(len(found) == 1 for found in splits.values())
    assert sum(report_of(tmp_path / "out")["examples"].values()) == 40


@pytest.mark.parametrize("annotated", [0, 2])
def test_unannotated_tasks_are_counted_whatever_their_number(tmp_path: Path, annotated: int) -> None:
    tasks = [{**BASE, "id": task_id} for task_id in range(1, annotated + 1)]
    tasks += [unannotated(task_id) for task_id in range(annotated + 1, annotated + 3001)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    # None annotated: an empty dataset is written on demand only (tests/test_export_gaps.py).
    result = run_cli(path, "jsonl", tmp_path / "out", *(() if annotated else ("--allow-empty",)))
    assert result.exit_code == 0, result.output
    assert "left out: tasks without a finished annotation: 3000" in result.output
    assert sum(report_of(tmp_path / "out")["examples"].values()) == annotated


@pytest.mark.parametrize("split", ["0.8/0.1/0.1", "80,10,10", "80/10/10/0", "50/30/30", "a/b/c"])
def test_a_split_that_is_not_two_or_three_percentages_is_refused(tmp_path: Path, split: str) -> None:
    result = run_cli(SAMPLE, "jsonl", tmp_path / "out", "--split", split)
    assert result.exit_code == 2
    assert f"Invalid value for --split: {split!r}: give 2 or 3 percentages that add up to 100, like 80/10/10" \
        in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("split,files", [("100/0/0", ["train.jsonl"]), (" 70 / 30 ", ["train.jsonl"])])
def test_a_split_with_an_empty_share_or_spaces_is_read(tmp_path: Path, split: str, files: list[str]) -> None:
    assert export(SAMPLE, tmp_path / "out", "--split", split)["files"] == files


def test_an_existing_empty_folder_as_out_is_written_into(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert export(SAMPLE, tmp_path / "out")["files"] == ["train.jsonl"]


def test_out_below_a_file_is_refused_and_the_file_untouched(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file.json"
    blocker.write_bytes(SAMPLE.read_bytes())
    for out, message in ((blocker, f"Error: {blocker} is not a folder; choose another --out\n"),
                         (blocker / "out", f"Error: cannot write next to {blocker / 'out'}: {blocker} is a file, "
                                           "not a folder; nothing was written\n")):
        result = run_cli(SAMPLE, "jsonl", out)
        assert (result.exit_code, result.output) == (1, message)
    assert blocker.read_bytes() == SAMPLE.read_bytes() and list(tmp_path.iterdir()) == [blocker]
