"""The export probe ``exportprobe`` (fixtures/exportprobe/: its inputs,
written by make_exportprobe.py; README.md there lists what was expected of
each before the first run, and run_exportprobe.py runs them all as
subprocesses): one test for each fix it called for, then its other inputs,
which stopped or were exported as expected before and after."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import ODD_META_REPAIR, STRAY_SPAN_CHOICES
from plugins.exporters import CHOICES_NOT_IN_CONLL
from server.exporting.converting import WITHOUT_OBJECT_PLACED
from tests.test_export_probe3 import assert_stops_cleanly, run_cli

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe"
SAMPLE = PROBE.parent / "exports" / "export_JSON.json"
FORMATS = ("jsonl", "conll", "spacy", "csv")


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def stops(path: Path, out: Path, *extra: str) -> str:
    result = run_cli(path, "jsonl", out, "--quiet", *extra)
    assert result.exit_code == 1 and not out.exists()
    return result.output


# An audio project's regions count seconds ("start": 1.25): the export stopped at "value.start: Not a
# valid integer", which says nothing of why. The schema's words stay; what the task is follows them.
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_audio_project_is_named_after_what_the_schema_found(tmp_path: Path, fmt: str) -> None:
    path = PROBE / "audio_project.json"
    assert_stops_cleanly(tmp_path, path, fmt, "task 1 at $[0]: annotations[0].result[0].value.start: Not a valid "
                         "integer but a number (1.25); annotations[0].result[0].value.end: Not a valid integer but a "
                         "number (3.5) (data.audio is a link "
                         "to an audio file (.wav), not a text: its regions count time or pixels, not characters; "
                         "anota export writes the labelled texts of text projects)")


# Found by the blind set: a video project's task, whose link the text check names already, had the
# hint after it too, saying the same twice.
def test_a_link_named_as_the_text_gets_no_second_hint(tmp_path: Path) -> None:
    task = {"id": 1, "data": {"video": "s3://bucket/clip.mp4"}, "annotations": [{"id": 1, "result": [
        {"from_name": "box", "to_name": "video", "type": "videorectangle", "value": {"sequence": []}}]}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert stops(path, tmp_path / "out") == (f"Error: {path}: task 1 at $[0]: data.video: a link to a video (.mp4), "
                                             "not a text: anota export writes the labelled texts of text projects; "
                                             "nothing was written\n")


@pytest.mark.parametrize("photo", [None, "https://example.org/a.jpg"])
def test_a_text_task_that_fails_gets_no_media_hint(tmp_path: Path, photo: str | None) -> None:
    # A link beside the text (a photo shown with it) says nothing of a bad offset.
    task = json.loads(SAMPLE.read_text(encoding="utf-8"))[0]
    if photo:
        task["data"]["photo"] = photo
    task["annotations"][0]["result"][0]["value"]["start"] = 2.5
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert stops(path, tmp_path / "out") == (f"Error: {path}: task 1 at $[0]: annotations[0].result[0].value.start: "
                                             "Not a valid integer but a number (2.5); nothing was written\n")


# The labeling config given as INPUT (the arguments swapped) was "an HTML or XML page (a login or error
# page saved instead of the export?)".
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_labeling_config_given_as_the_input_is_named(tmp_path: Path, fmt: str) -> None:
    path = PROBE / "config_xml_as_input.json"
    assert_stops_cleanly(tmp_path, path, fmt, "line 1, column 1: a Label Studio labeling config (XML), not the "
                         "export: give it as --label-config FILE, and the project's JSON export as INPUT: expected "
                         "a JSON list of tasks, found '<View>'")


# Found by the blind set: a config that starts with an XML declaration (or a comment) was the page again.
@pytest.mark.parametrize("head", ['<?xml version="1.0" encoding="UTF-8"?>\n', "<!-- NER -->\n",
                                  '<?xml version="1.0"?><!-- a --><!-- b -->'])
def test_a_labeling_config_after_a_declaration_or_comment_is_named(tmp_path: Path, head: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(head + (PROBE / "config_xml_as_input.json").read_text(encoding="utf-8"), encoding="utf-8")
    assert "a Label Studio labeling config (XML), not the export" in stops(path, tmp_path / "out")


def test_an_html_page_is_still_named_a_page(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text("<!DOCTYPE html><html><body>Sign in</body></html>", encoding="utf-8")
    assert "an HTML or XML page, not JSON (a login or error page" in stops(path, tmp_path / "out")


# A file cut inside a two-byte character was "not UTF-8 text (unexpected end of data)": an encoding
# problem, for a download cut short.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_cut_inside_a_character_is_said_to_be_cut(tmp_path: Path, fmt: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "truncated_mid_utf8.json", fmt, "the file ends inside a character (its "
                         "last bytes begin one in UTF-8): cut short? download or copy it again")


def test_a_byte_that_is_no_utf8_inside_the_file_is_named_as_before(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(SAMPLE.read_bytes().replace("á".encode(), b"\xe1"))
    output = stops(path, tmp_path / "out")
    assert "not UTF-8 text" in output and "ends inside a character" not in output


# A file cut inside an escape (``\u00``) was "invalid JSON in task $[0]: Invalid \uXXXX escape".
@pytest.mark.parametrize("end", ["\\u00", "\\u", "\\", "\\u0"])
def test_a_file_cut_inside_an_escape_is_said_to_be_truncated(tmp_path: Path, end: str) -> None:
    path = tmp_path / "export.json"
    path.write_text('[{"id": 1, "data": {"text": "A Meta est' + end, encoding="utf-8")
    assert stops(path, tmp_path / "out") == (f"Error: {path}: line 1, column 2: the file ends inside task $[0] "
                                             "(truncated JSON); nothing was written\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_probes_cut_escape_is_truncated_in_every_format(tmp_path: Path, fmt: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / "truncated_in_escape.json", fmt,
                         "line 1, column 2: the file ends inside task $[0] (truncated JSON)")


@pytest.mark.parametrize("body", ['{"id": 1, "x": "\\u00zz"}]', '{"id": 1, "x": u}]', '{"id": 1, "x": nux}]'])
def test_a_bad_token_before_the_end_is_no_truncation(tmp_path: Path, body: str) -> None:
    path = tmp_path / "export.json"
    path.write_text("[" + body, encoding="utf-8")
    output = stops(path, tmp_path / "out")
    assert "invalid JSON in task 1 at $[0], x: " in output and "truncated" not in output


# A folder holding a link whose target is gone: "not a regular file", as a pipe or a socket is.
def test_a_dangling_link_in_the_folder_is_named_so(tmp_path: Path) -> None:
    folder = tmp_path / "storage"
    folder.mkdir()
    (folder / "export.json").write_bytes(SAMPLE.read_bytes())
    (folder / "more.json").symlink_to(tmp_path / "gone.json")
    assert stops(folder, tmp_path / "out") == (f"Error: {folder / 'more.json'}: a symbolic link to "
                                               f"{tmp_path / 'gone.json'}, which does not exist, in the folder to "
                                               "export\n")


def test_a_pipe_in_the_folder_is_still_no_regular_file(tmp_path: Path) -> None:
    folder = tmp_path / "storage"
    folder.mkdir()
    (folder / "export.json").write_bytes(SAMPLE.read_bytes())
    os.mkfifo(folder / "pipe.json")
    assert stops(folder, tmp_path / "out") == (f"Error: {folder / 'pipe.json'}: not a regular file, in the folder to "
                                               "export\n")


# An earlier export's --out left inside the folder given next: its card (README.md) was refused as
# "expected a JSON list of tasks, found '---'", which names no dataset.
def test_an_earlier_dataset_inside_the_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "export.json").write_bytes(SAMPLE.read_bytes())
    assert run_cli(folder / "export.json", "jsonl", folder / "data", "--quiet").exit_code == 0
    assert stops(folder, tmp_path / "out") == (f"Error: {folder / 'data'}: a dataset Anota exported (its report.json "
                                               f"says so), inside the folder to export: move it out of {folder}, or "
                                               "give the export file\n")


# --split 0/100 (an evaluation set) wrote test only, and nothing said train was empty.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_split_given_zero_percent_is_noted(tmp_path: Path, fmt: str) -> None:
    result = run_cli(SAMPLE, fmt, tmp_path / "out", "--split", "0/100")
    assert result.exit_code == 0, result.output
    assert "format: splits --split gives 0% (no example, no file): 1" in result.output
    report = report_of(tmp_path / "out")
    assert report["format_notes"] == {"splits --split gives 0% (no example, no file)": 1,
                                      **({CHOICES_NOT_IN_CONLL: 1} if fmt == "conll" else {})}
    assert report["details"]["splits --split gives 0% (no example, no file)"] == ["train"]


def test_a_split_without_a_zero_share_has_no_such_note(tmp_path: Path) -> None:
    result = run_cli(SAMPLE, "jsonl", tmp_path / "out", "--split", "50/50", "--quiet")
    assert result.exit_code == 0 and report_of(tmp_path / "out")["format_notes"] == {}


# A span without its text on a text with emoji: its offsets (UTF-16 units here, as a script counts)
# cannot be checked, and it was placed at code points in silence ('ta e' for 'Meta').
UNQUOTED = ("spans without their text (value.text) on a text with emoji or other characters beyond U+FFFF: placed at "
            "their offsets as code points, unchecked (UTF-16 offsets would shift them)")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_span_without_its_text_on_an_emoji_text_is_noted(tmp_path: Path, fmt: str) -> None:
    result = run_cli(PROBE / "emoji_utf16_without_quote.json", fmt, tmp_path / "out", "--quiet")
    assert result.exit_code == 0, result.output
    report = report_of(tmp_path / "out")
    assert report["format_notes"][UNQUOTED] == 1
    assert report["details"][UNQUOTED] == ["task 1, annotation 1, region #0: 'ta e'"]


@pytest.mark.parametrize("text", ["A Meta está usando dados.", "A Meta 🙂 está usando dados."])
def test_a_quoted_span_or_one_on_a_text_without_emoji_gets_no_such_note(tmp_path: Path, text: str) -> None:
    quoted = "🙂" in text  # the emoji text's span quotes, the other's does not
    value = {"start": 2, "end": 6, "labels": ["ORG"], **({"text": "Meta"} if quoted else {})}
    task = {"id": 1, "data": {"text": text}, "annotations": [{"id": 1, "result": [
        {"from_name": "label", "to_name": "text", "type": "labels", "value": value}]}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert run_cli(path, "jsonl", tmp_path / "out", "--quiet").exit_code == 0
    assert UNQUOTED not in report_of(tmp_path / "out")["format_notes"]


# The probe's other inputs: stopped or exported as expected, before the fixes and after.
STOPPED = {
    "text_null.json": "task 1 at $[0]: data.text: Not a string but null: the text to export",
    "prediction_result_json_string.json": "task 1 at $[0]: predictions[0].result: Not a valid list but a string "
                                          "holding JSON text (the list was encoded twice): decode it",
    "region_without_value.json": "task 1 at $[0]: annotations[0].result[0].value: Missing data for required field",
    # Read as a gzip since exportprobe38: cut short, said so.
    "gzip_truncated.json": "the gzip cannot be read: its data ends early (cut short? download it again)",
    "from_name_a_number.json": "task 1 at $[0]: annotations[0].result[0].from_name: Not a valid string but a "
                               "number (7)",
    "duplicate_id_int_and_string.json": "task 1 at $[1]: id: Not a valid integer but a string ('1')",
    "annotations_ids_only.json": "task 1 at $[0]: annotations[0]: Not a valid mapping type but a number (1); "
                                 "annotations[1]: Not a valid mapping type but a number (2)",
    "label_a_dict.json": "task 1 at $[0]: annotations[0].result[0].value.labels[0]: Not a valid string but an object",
}


@pytest.mark.parametrize("name", sorted(STOPPED))
def test_the_probes_other_malformed_inputs_stop_with_one_line(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, "jsonl", STOPPED[name])


# name -> (extra options, the labels exported, what the report holds besides)
EXPORTED: dict[str, tuple[list[str], list[str], dict[str, int]]] = {
    "annotation_task_mismatch.json": ([], ["ORG"] * 4, {}),
    "to_name_null.json": ([], ["ORG"], {WITHOUT_OBJECT_PLACED: 1}),  # reported since exportprobe27
    "task_meta_a_list.json": ([], ["ORG"] * 2, {ODD_META_REPAIR: 1}),  # read as none since exportprobe33 (it stopped)
    "drafts_a_string.json": ([], ["ORG"] * 2, {}),
    "type_ner.json": ([], [], {"regions of control type 'ner' (not exported)": 1}),
    "polygonlabels_mixed_in.json": ([], ["ORG"], {"regions of control type 'polygonlabels' (not exported)": 1}),
    "span_at_and_past_the_end.json": ([], ["ORG"] * 2, {"spans repaired": 1}),
    "region_id_null.json": ([], ["ORG"], {}),
    "result_labels_with_choices.json": ([], ["ORG"], {STRAY_SPAN_CHOICES: 1}),  # reported since exportprobe27
}


@pytest.mark.parametrize("name", sorted(EXPORTED))
def test_the_probes_other_inputs_export_with_their_reports(tmp_path: Path, name: str) -> None:
    extra, labels, reported = EXPORTED[name]
    result = run_cli(PROBE / name, "jsonl", tmp_path / "out", "--quiet", *extra)
    assert result.exit_code == 0, result.output
    report = report_of(tmp_path / "out")
    written = [span["label"] for path in (tmp_path / "out").glob("*.jsonl")
               for line in path.read_text(encoding="utf-8").splitlines() for span in json.loads(line)["spans"]]
    assert written == labels
    assert {**report["left_out"], **report["repaired"], **report["format_notes"]} == reported
