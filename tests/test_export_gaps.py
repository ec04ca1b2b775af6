"""Gaps of ``anota export`` noticed after probe 22 (fixtures/export_gaps/README.md
states what a dataset builder should get, written before the fixes):
folders of Label Studio's target-storage files and of export files, ...."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.test_export import read_conll, read_csv, read_jsonl, read_spacy
from tests.test_export_probe3 import run_cli

GAPS = Path(__file__).resolve().parent.parent / "fixtures" / "export_gaps"
sys.path.insert(0, str(GAPS))
from make_export_gaps import tasks, write_folders  # noqa: E402


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture folders, written again (and checked equal to the committed ones)."""
    root = tmp_path_factory.mktemp("gaps")
    write_folders(root)
    for folder in ("target_storage_legacy", "target_storage_tasks", "exports"):
        for path in (root / folder).iterdir():
            assert path.read_bytes() == (GAPS / folder / path.name).read_bytes(), path
    return root


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def export(path: Path, out: Path, *extra: str, fmt: str = "jsonl") -> dict[str, Any]:
    result = run_cli(path, fmt, out, "--quiet", "--language", "pt", *extra)
    assert result.exit_code == 0, result.output
    return report_of(out)


def stops(path: Path, out: Path, *extra: str) -> str:
    result = run_cli(path, "jsonl", out, "--quiet", *extra)
    assert result.exit_code != 0, result.output
    assert not out.exists()
    return result.output


# What the sample's tasks hold (make_export_gaps.tasks): task 1's latest annotation is annotator 2's.
LATEST = {1: {"text": "A Meta está usando dados do modelo Qwen para treinar uma nova geração de modelos.",
              "spans": {(2, 6, "ORG")}, "choices": {"sentiment": "Neutral"}},
          2: {"text": "O presidente Lula visitou Lisboa e elogiou o excelente acordo comercial.",
              "spans": {(13, 17, "PER")}, "choices": {"sentiment": "Positive"}}}


# -------------------------------------------------------------------------
# 1. Folders: target storage (both formats) and export files
# -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,read", [("jsonl", read_jsonl), ("csv", read_csv), ("spacy", read_spacy)])
@pytest.mark.parametrize("folder", ["target_storage_legacy", "target_storage_tasks", "exports"])
def test_a_folder_is_exported_with_each_task_once(tmp_path: Path, folders: Path, folder: str, fmt: str,
                                                  read: Any) -> None:
    report = export(folders / folder, tmp_path / "out", fmt=fmt)
    assert read(tmp_path / "out") == LATEST
    assert report["tasks_read"] == 3 and report["examples"] == {"train": 2}
    assert report["left_out"] == {"cancelled (skipped) annotations": 1, "tasks without a finished annotation": 1}
    assert report["agreement"]["tasks_with_several_annotations"] == 1  # task 1's two annotators, one task


def test_target_storage_files_are_joined_into_their_tasks_and_reported(tmp_path: Path, folders: Path) -> None:
    report = export(folders / "target_storage_legacy", tmp_path / "out", "--policy", "all")
    lines = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(line["meta"]["task_id"], line["meta"]["annotators"]) for line in lines] == [(1, ["1"]), (1, ["2"]),
                                                                                        (2, ["1"])]
    assert report["format_notes"] == {JOINED: 4}
    assert report["details"][JOINED] == ["task 1: files 1, 2", "task 2: file 3", "task 3: file 4"]


def test_a_conll_export_of_a_target_storage_folder_equals_the_export_files(tmp_path: Path, folders: Path) -> None:
    export(folders / "target_storage_legacy", tmp_path / "a", fmt="conll")
    export(folders / "exports", tmp_path / "b", fmt="conll")
    assert read_conll(tmp_path / "a") == read_conll(tmp_path / "b") != []


def test_one_legacy_file_is_exported_as_its_task(tmp_path: Path, folders: Path) -> None:
    report = export(folders / "target_storage_legacy" / "3", tmp_path / "out")
    assert read_jsonl(tmp_path / "out") == {2: LATEST[2]}
    assert report["format_notes"] == {JOINED: 1}


def test_the_same_task_in_two_export_files_names_both(tmp_path: Path, folders: Path) -> None:
    twice = tmp_path / "twice"
    shutil.copytree(folders / "exports", twice)
    shutil.copy(twice / "export-a.json", twice / "export-c.json")
    output = stops(twice, tmp_path / "out")
    assert output == (f"Error: {twice}: task id 1 appears twice, at $[0] of export-a.json and $[0] of export-c.json; "
                      "nothing was written\n")


def test_an_empty_folder_and_a_file_that_is_no_json_stop_naming_them(tmp_path: Path, folders: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden files are skipped
    assert stops(empty, tmp_path / "out") == (
        f"Error: {empty}: a folder without files; give the Label Studio JSON export file, or a folder of export "
        "or target-storage files\n")
    mixed = tmp_path / "mixed"
    shutil.copytree(folders / "target_storage_legacy", mixed)
    (mixed / "notes.csv").write_text("id,text,label\n1,A Meta,ORG\n", encoding="utf-8")
    # Skipped and said since s47-export2 (it stopped the export); a file named as an export still stops it.
    result = run_cli(mixed, "jsonl", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "left out: files of the folder that hold text but no JSON (CoNLL, XML, CSV, Markdown...), skipped: 1" \
        in result.output
    (mixed / "notes.csv").rename(mixed / "notes.json")
    output = stops(mixed, tmp_path / "out2")
    assert output.startswith(f"Error: {mixed / 'notes.json'}: line 1, column 1: CSV or TSV, not JSON: expected a "
                             "JSON list of tasks")


def test_out_inside_the_input_folder_is_refused(tmp_path: Path, folders: Path) -> None:
    folder = tmp_path / "storage"
    shutil.copytree(folders / "target_storage_legacy", folder)
    result = run_cli(folder, "jsonl", folder / "dataset", "--quiet")
    assert result.exit_code == 2 and "is inside INPUT" in result.output
    assert sorted(path.name for path in folder.iterdir()) == ["1", "2", "3", "4"]


JOINED = ("annotations read from Label Studio's target-storage files (one annotation per file, its task nested), "
          "joined into their tasks")


def test_a_target_storage_annotation_after_a_task_in_one_file_is_named(tmp_path: Path, folders: Path) -> None:
    # The file starts as an export: read as a stream of tasks, where an annotation object is no task.
    task = json.loads((folders / "target_storage_tasks" / "1.json").read_text(encoding="utf-8"))
    annotation = json.loads((folders / "target_storage_legacy" / "3").read_text(encoding="utf-8"))
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([task, annotation]), encoding="utf-8")
    output = stops(path, tmp_path / "out")
    assert output.startswith(f"Error: {path}: $[1]: an annotation (id 3) with its task (id 2) nested under 'task'")
    assert "in a folder of their own (anota export FOLDER joins each task's annotations)" in output


# -------------------------------------------------------------------------
# 4. Notes on predicted regions (meta.text): an ML backend's explanation
# -------------------------------------------------------------------------

ODD_PREDICTION_NOTES = ("notes of an odd type (not a string or a list of strings) on predicted regions, skipped "
                        "(the region kept)")


def with_prediction_notes() -> list[dict[str, Any]]:
    """The sample's tasks; task 1's prediction explains Meta (a string, as Anota's /predict writes) and adds Qwen
    with a number as its note, task 2's gives Lula an object as its note (other ML backends')."""
    made = tasks()
    first = made[0]["predictions"][0]["result"]
    first[0]["meta"] = {"text": "a capitalised name after an article"}
    first.append({"from_name": "label", "id": "q1", "to_name": "text", "type": "labels", "score": 0.5,
                  "value": {"start": 35, "end": 39, "text": "Qwen", "labels": ["ORG"]}, "meta": {"text": 42}})
    made[1]["predictions"][0]["result"][0]["meta"] = {"text": {"why": "a person's name"}}
    return made


def write_tasks(tmp_path: Path, made: list[dict[str, Any]]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(made, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_odd_notes_on_predictions_are_skipped_and_reported_never_a_stop(tmp_path: Path, fmt: str) -> None:
    report = export(write_tasks(tmp_path, with_prediction_notes()), tmp_path / "out", fmt=fmt)
    assert report["left_out"] == {"cancelled (skipped) annotations": 1, "tasks without a finished annotation": 1,
                                  ODD_PREDICTION_NOTES: 2}
    assert report["details"][ODD_PREDICTION_NOTES] == [
        "task 1, predictions[0].result[2].meta.text: a number", "task 2, predictions[0].result[0].meta.text: an object"]
    read = read_jsonl if fmt == "jsonl" else read_csv
    assert read(tmp_path / "out") == LATEST  # the labels are the annotators'


def test_prediction_notes_are_counted_in_survival_not_written_as_labels(tmp_path: Path) -> None:
    report = export(write_tasks(tmp_path, with_prediction_notes()), tmp_path / "out")
    lines = (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8")
    assert "notes" not in lines and "capitalised" not in lines  # a model's words are no annotator's note
    survival = report["prediction_survival"]
    assert survival["plugins"]["probe-0.1"]["ORG"] == {"kept": 1, "changed": 0, "deleted": 1, "added": 0}
    assert survival["regions_with_notes"] == {"probe-0.1": {"kept": 1, "changed": 0, "deleted": 0}}
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "Predicted regions with a note (meta.text: the model's explanation, not exported as labels)" in card
    assert "| probe-0.1 | 1 | 0 | 0 |" in card


def test_an_export_without_prediction_notes_reports_none(tmp_path: Path) -> None:
    report = export(write_tasks(tmp_path, tasks()), tmp_path / "out")
    assert "regions_with_notes" not in report["prediction_survival"]  # other exports' reports stay as they were


# -------------------------------------------------------------------------
# 7. HyperText regions without globalOffsets: placed by their XPaths
# -------------------------------------------------------------------------

from server.exporting.converting import TEXT_KEY_GUESSED  # noqa: E402
from server.exporting.pages import PAGES_AS_TEXT  # noqa: E402
from server.hypertext import rendered_page  # noqa: E402
from tests.test_export_hypertext import PAGE, config_file, expected, regions, write_export  # noqa: E402

PLACED_BY_XPATH = ("HyperText regions without globalOffsets placed by their XPaths and offsets, as Label Studio's "
                   "editor loads them")
NOT_PLACED = ("HyperTextLabels regions without globalOffsets whose XPaths and offsets name no text of the page, "
              "not exported")


def without_global_offsets(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Regions as other ML backends (and older exports) write them: XPaths and offsets only."""
    return [{**region, "value": {k: v for k, v in region["value"].items() if k != "globalOffsets"}}
            for region in found]


@pytest.mark.parametrize("inline", [True, False])
@pytest.mark.parametrize("fmt,read", [("jsonl", read_jsonl), ("spacy", read_spacy)])
def test_regions_without_global_offsets_are_placed_by_their_xpaths(tmp_path: Path, inline: bool, fmt: str,
                                                                   read: Any) -> None:
    path = write_export(tmp_path, without_global_offsets(regions(PAGE, inline)))
    report = export(path, tmp_path / "out", "--label-config", str(config_file(tmp_path, inline)), fmt=fmt)
    assert read(tmp_path / "out") == expected(inline)
    assert report["format_notes"] == {PAGES_AS_TEXT: 1, PLACED_BY_XPATH: 3}
    assert not report["left_out"] and not report["repaired"]


def test_without_a_config_xpath_regions_are_placed_on_the_iframe_layout(tmp_path: Path) -> None:
    # Both layouts hold the paths of the body's text nodes: Label Studio's default (an iframe) is taken.
    report = export(write_export(tmp_path, without_global_offsets(regions(PAGE, True))), tmp_path / "out")
    [example] = read_jsonl(tmp_path / "out").values()
    assert example["text"] == rendered_page(PAGE, False).text
    assert sorted(example["text"][start:end] for start, end, _label in example["spans"]) == [
        "Lula", "Petrobras", "Tim Cook"]
    assert report["format_notes"] == {PAGES_AS_TEXT: 1, PLACED_BY_XPATH: 3, TEXT_KEY_GUESSED: 1}  # data.html
    assert not report["left_out"]


def xpath_region(number: int, label: str, text: str, start: str, start_offset: int, end: str, end_offset: int
                 ) -> dict[str, Any]:
    return {"id": f"x{number}", "from_name": "ner", "to_name": "page", "type": "hypertextlabels",
            "value": {"start": start, "startOffset": start_offset, "end": end, "endOffset": end_offset,
                      "text": text, "hypertextlabels": [label]}}


def test_xpath_regions_across_nodes_after_an_emoji_and_on_elements(tmp_path: Path) -> None:
    page = "<div><p>😀 Ana <b>Lima</b> visitou a Vale.</p><p>Fim.</p></div>"
    found = [
        # Across two text nodes: "Ana " and "Lima"; the offsets count UTF-16 units (the emoji is two).
        xpath_region(1, "Person", "Ana Lima", "/div[1]/p[1]/text()[1]", 3, "/div[1]/p[1]/b[1]/text()[1]", 4),
        # An element's path (as the xpath-range library of older editors wrote): offsets in its text.
        xpath_region(2, "Organization", "Vale", "/div[1]/p[1]", 22, "/div[1]/p[1]", 26),
        # A path that names nothing on this page, and offsets beyond their node: left out, reported.
        xpath_region(3, "Person", "Fim", "/div[1]/p[9]/text()[1]", 0, "/div[1]/p[9]/text()[1]", 3),
        xpath_region(4, "Person", "Fim", "/div[1]/p[2]/text()[1]", 0, "/div[1]/p[2]/text()[1]", 40),
    ]
    report = export(write_export(tmp_path, found, html=page), tmp_path / "out",
                    "--label-config", str(config_file(tmp_path, False)))
    [example] = read_jsonl(tmp_path / "out").values()
    assert example["text"] == "😀 Ana Lima visitou a Vale.\nFim."  # a line break between blocks (exportprobe42)
    assert sorted((example["text"][start:end], label) for start, end, label in example["spans"]) == [
        ("Ana Lima", "Person"), ("Vale", "Organization")]
    assert report["format_notes"] == {PAGES_AS_TEXT: 1, PLACED_BY_XPATH: 2}
    assert report["left_out"] == {NOT_PLACED: 2}
    assert report["details"][NOT_PLACED] == ["task 1, annotation 10, region #2", "task 1, annotation 10, region #3"]


# -------------------------------------------------------------------------
# 8. An annotation's embedded prediction (the one it started from)
# -------------------------------------------------------------------------

@pytest.mark.parametrize("with_offsets", [True, False])
def test_an_embedded_prediction_on_a_page_counts_in_survival_as_the_tasks_would(tmp_path: Path,
                                                                                with_offsets: bool) -> None:
    # A plain JSON export lists prediction ids only; each annotation holds the prediction it started from, whose
    # HyperText regions were left unconverted (regions of another control type) and counted nowhere.
    found = regions(PAGE, False)
    predicted = found if with_offsets else without_global_offsets(found)
    path = write_export(tmp_path, found[:2])  # the annotator deleted "Tim Cook"
    made = json.loads(path.read_text(encoding="utf-8"))
    made[0]["predictions"] = [7]
    made[0]["annotations"][0]["prediction"] = {"id": 7, "model_version": "other-ml-1", "score": 0.5,
                                               "result": predicted}
    path.write_text(json.dumps(made), encoding="utf-8")
    report = export(path, tmp_path / "out", "--label-config", str(config_file(tmp_path, False)))
    assert report["prediction_survival"] == {"tasks_with_predictions": 1, "plugins": {"other-ml-1": {
        "Organization": {"kept": 1, "changed": 0, "deleted": 0, "added": 0},
        "Person": {"kept": 1, "changed": 0, "deleted": 1, "added": 0}}}}
    assert not report["left_out"]  # the labels are the annotation's own
    [example] = read_jsonl(tmp_path / "out").values()
    assert len(example["spans"]) == 2


# -------------------------------------------------------------------------
# 2. Nothing to write: an error, unless --allow-empty
# -------------------------------------------------------------------------

def unannotated(count: int) -> list[dict[str, Any]]:
    """The sample's task 2 (no annotation) ``count`` times, and task 3's cancelled annotation once."""
    made = tasks()
    plain = {key: value for key, value in made[1].items() if key != "annotations"}
    return [{**plain, "id": number, "annotations": []} for number in range(1, count + 1)] + [
        {**made[2], "id": count + 1}]


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "spacy", "csv"])
def test_an_export_without_a_finished_annotation_stops_and_writes_nothing(tmp_path: Path, fmt: str) -> None:
    path = write_tasks(tmp_path, unannotated(5))
    result = run_cli(path, fmt, tmp_path / "new" / "out", "--quiet", "--language", "pt")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: none of the 6 tasks read gave an example to write (tasks without a finished annotation: "
        "6, e.g. task 1 (predictions only: a prediction is no label); cancelled (skipped) annotations: 1, e.g. task 6, annotation 4); nothing was written "
        "(--allow-empty writes the empty dataset and its report)\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["export.json"]


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "spacy", "csv"])
def test_allow_empty_writes_the_empty_dataset_and_says_why(tmp_path: Path, fmt: str) -> None:
    # As a split without examples has no file (--split 100/0/0): the report and the card only, in every format.
    report = export(write_tasks(tmp_path, unannotated(5)), tmp_path / "out", "--allow-empty", fmt=fmt)
    assert report["examples"] == {} and report["tasks_read"] == 6 and report["files"] == []
    assert report["left_out"] == {"tasks without a finished annotation": 6, "cancelled (skipped) annotations": 1}
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["README.md", "report.json"]


def test_an_empty_list_of_tasks_stops_too(tmp_path: Path) -> None:
    path = write_tasks(tmp_path, [])
    assert stops(path, tmp_path / "out") == (
        f"Error: {path}: the input holds no task, so no example to write; nothing was written (--allow-empty writes "
        "the empty dataset and its report)\n")


# -------------------------------------------------------------------------
# 3. A file that is no export: what it is and what to give instead (not what the schema found)
# -------------------------------------------------------------------------

@pytest.mark.parametrize("content,message", [
    ('{"foo": 1}', "object 0: an object with keys ['foo'], not a task: a Label Studio JSON export is a list of task "
                   "objects"),
    ('[{"text": "A Meta cresceu.", "label": "positivo"}]',
     "$[0]: this looks like a text-classification dataset (a text and its label, as Hugging Face datasets write it), "
     "not a Label Studio export: Anota reads the JSON export of a Label Studio project; import it into Label Studio "
     "first"),
    ("id,text,label\n1,A Meta,ORG\n", "line 1, column 1: CSV or TSV, not JSON: expected a JSON list of tasks, found "
                                      "'id,text,label': export the project as JSON instead (Label Studio's Export > "
                                      "JSON), which keeps every annotation"),  # s52-export: the export to give
    ("-DOCSTART- -X- O\nA -X- _ O\n", "line 1, column 1: CoNLL, not JSON: expected a JSON list of tasks, found "
                                      "'-DOCSTART- -X- O': Label Studio's CONLL2003 export (tokens and tags, no "
                                      "offsets nor annotators); export the project as JSON instead (Label Studio's "
                                      "Export > JSON), which keeps every annotation, and --format conll writes CoNLL "
                                      "from it"),
])
def test_a_file_that_is_no_export_is_named_first(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "input.json"
    path.write_text(content, encoding="utf-8")
    assert stops(path, tmp_path / "out") == f"Error: {path}: {message}; nothing was written\n"


# -------------------------------------------------------------------------
# 6. An encoded-text project's export without its config
# -------------------------------------------------------------------------

ENCODED = ("spans on a text that looks base64-encoded (a <Text encoding=\"base64\"> project's?), which only the "
           "labeling config decodes: --label-config FILE exports them")


def encoded_tasks() -> list[dict[str, Any]]:
    """The sample's annotated tasks 1 and 2 with their texts base64-encoded (UTF-8), the regions as annotated on the
    decoded text, as Label Studio's editor shows a <Text encoding="base64unicode"> task."""
    import base64

    made = tasks()[:2]
    for task in made:
        task["data"]["text"] = base64.b64encode(task["data"]["text"].encode()).decode()
    return made


def test_spans_on_a_base64_text_without_the_config_are_named_so(tmp_path: Path) -> None:
    path = write_tasks(tmp_path, encoded_tasks())
    result = run_cli(path, "jsonl", tmp_path / "out", "--language", "pt")
    assert result.exit_code == 0, result.output
    assert f"left out: {ENCODED}: 4" in result.output  # task 1: 2 + 1 spans (two annotators), task 2: 1
    report = report_of(tmp_path / "out")
    assert report["left_out"] == {ENCODED: 4}
    assert report["details"][ENCODED][0] == ("task 1, annotation 1, region #0 (ORG): text at [2, 6) is 'BNZX', the "
                                             "region says 'Meta'; 'Meta' does not occur in the text")
    config = tmp_path / "config.xml"
    config.write_text((GAPS.parent / "exports" / "label_config.xml").read_text(encoding="utf-8").replace(
        '<Text name="text" value="$text"/>', '<Text name="text" value="$text" encoding="base64unicode"/>'),
        encoding="utf-8")
    export(path, tmp_path / "decoded", "--label-config", str(config))  # the guard: with it, the labels
    assert read_jsonl(tmp_path / "decoded") == LATEST


def test_a_text_that_only_looks_base64_is_reported_as_before(tmp_path: Path) -> None:
    # The guard: a word of the base64 alphabet whose decoding does not hold the quote is no encoded text.
    made = tasks()[:1]
    made[0]["data"]["text"] = "MetaQwenMetaQwen"
    export(write_tasks(tmp_path, made), tmp_path / "out", "--allow-empty")
    assert ENCODED not in report_of(tmp_path / "out")["left_out"]


# -------------------------------------------------------------------------
# Found by the blind run (fixtures/export_gaps/run_blind.py)
# -------------------------------------------------------------------------

def test_a_target_storage_file_whose_task_has_no_id_is_named_so(tmp_path: Path, folders: Path) -> None:
    # It was told to give such files "in a folder of their own", which it was.
    annotation = json.loads((folders / "target_storage_legacy" / "3").read_text(encoding="utf-8"))
    del annotation["task"]["id"]
    folder = tmp_path / "storage"
    folder.mkdir()
    (folder / "3").write_text(json.dumps(annotation), encoding="utf-8")
    assert stops(folder, tmp_path / "out") == (
        f"Error: {folder}: object 0 of 3: an annotation (id 3) with its task nested under 'task', as Label Studio's "
        "target storage writes one file per annotation, but task.id is null, not a task id: the annotations of one "
        "task cannot be joined without it; nothing was written\n")


def test_rows_of_a_text_and_other_keys_are_no_json_min(tmp_path: Path) -> None:
    # spaCy-style rows were called "a JSON_MIN or CSV-style export"; JSON_MIN's rows hold its own keys (the guard:
    # tests/test_export_probe22.py's Label Studio JSON_MIN sample is still named so).
    path = write_tasks(tmp_path, [{"text": "A Meta cresceu.", "ents": [[2, 6, "ORG"]]}])
    assert stops(path, tmp_path / "out") == (
        f"Error: {path}: $[0]: an object with keys ['ents', 'text'], not a task: a Label Studio JSON export is a list "
        "of task objects; nothing was written\n")


def test_an_object_with_an_id_alone_is_no_json_min_either(tmp_path: Path) -> None:
    path = write_tasks(tmp_path, [{"id": 1, "foo": 2}])
    assert stops(path, tmp_path / "out") == (
        f"Error: {path}: task 1 at $[0]: data: Missing data for required field; nothing was written\n")


def test_a_dataset_anota_exported_given_as_the_folder_is_named(tmp_path: Path, folders: Path) -> None:
    # Its README.md (the card) would have been the first file refused, as no JSON.
    export(folders / "exports", tmp_path / "dataset")
    assert stops(tmp_path / "dataset", tmp_path / "out") == (
        f"Error: {tmp_path / 'dataset'}: a dataset Anota exported (its report.json says so), not Label Studio's "
        "files: give the Label Studio export, or the folder of its files\n")
