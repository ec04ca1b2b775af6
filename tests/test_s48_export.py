"""s48-export (issue 5): what s47-export2 left (bench/HISTORY.md, "## s48-export"), each part with its test here."""

from __future__ import annotations

import gzip
import io
import json
import py_compile
import tarfile
import zipfile
from pathlib import Path
from typing import Any

from server.exporting.converting import NAMED_BY_ID, Settings
from server.exporting.examples import Exporter
from server.exporting.report import FOLDER_CONFIG_USED
from server.exporting.running import run_export
from server.exporting.sources import BINARY_FILES, NOT_EXPORT_FILES, OTHER_TEXT_FILES, file_source
from tests.test_export_probe3 import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LABEL_STUDIO = FIXTURES / "label-studio-1.23.2"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20


def exported(folder: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = run_cli(folder, "jsonl", out, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def folder_with(tmp_path: Path, *names: str) -> Path:
    """A folder holding the named files of Label Studio 1.23.2's recorded project."""
    folder = tmp_path / "project"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes((LABEL_STUDIO / name).read_bytes())
    return folder


# -------------------------------------------------------------------------
# 2. A binary file of a folder (a picture, a zip of pictures, a .pyc) is skipped and said
# -------------------------------------------------------------------------

def tar_gz_of_a_picture() -> bytes:
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w") as archive:
        member = tarfile.TarInfo("shot.png")
        member.size = len(PNG)
        archive.addfile(member, io.BytesIO(PNG))
    return gzip.compress(packed.getvalue())


def test_a_folders_binary_files_are_skipped_and_said(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "export_JSON.json")
    (folder / "shot.png").write_bytes(PNG)
    with zipfile.ZipFile(folder / "shots.zip", "w") as archive:
        archive.writestr("shot.png", PNG)
    py_compile.compile(str(Path(__file__)), cfile=str(folder / "make.cpython-312.pyc"), doraise=True)
    (folder / "shots.tar.gz").write_bytes(tar_gz_of_a_picture())
    (folder / "notas.txt").write_bytes("ação;1\n".encode("cp1252"))  # text, but not UTF-8
    report = exported(folder, tmp_path / "out")
    assert report["tasks_read"] == 1
    assert report["left_out"] == {BINARY_FILES: 5}
    assert report["details"][BINARY_FILES] == [
        "make.cpython-312.pyc (binary data, not text)", "notas.txt (not UTF-8 text)", "shot.png (a PNG image)",
        "shots.tar.gz (a gzip file of a tar archive)", "shots.zip (a zip file holding no JSON export: it holds shot.png)"]


def test_a_binary_named_as_an_export_or_utf16_text_still_stops(tmp_path: Path) -> None:
    """A picture saved as ``export.json`` is read and stops, as a UTF-16 file does (an export Notepad saved as
    "Unicode": the error says to save it as UTF-8); a zip is an export's by its member, not its name."""
    for name, content, said in (("export.json", PNG, "not UTF-8 text (a PNG image"),
                                ("tasks.txt", "\ufeff[]".encode("utf-16"), "save it as UTF-8")):
        folder = folder_with(tmp_path / name, "export_JSON.json")
        (folder / name).write_bytes(content)
        result = run_cli(folder, "jsonl", tmp_path / name / "out", "--quiet")
        assert result.exit_code != 0 and said in result.output, result.output
    folder = folder_with(tmp_path / "zip", "export_JSON.json")
    with zipfile.ZipFile(folder / "export.json.zip", "w") as archive:  # no .json name ends it: a zip, read
        archive.writestr("shot.png", PNG)
    result = run_cli(folder, "jsonl", tmp_path / "zip" / "out", "--quiet")
    assert result.exit_code == 0 and BINARY_FILES in json.loads(
        (tmp_path / "zip" / "out" / "report.json").read_text(encoding="utf-8"))["left_out"]


def test_a_folder_of_binaries_and_other_text_only_stops_naming_them(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "export_CONLL2003.conll")
    (folder / "shot.png").write_bytes(PNG)
    result = run_cli(folder, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code != 0
    assert "no file of the folder holds JSON (export_CONLL2003.conll, shot.png)" in result.output


# -------------------------------------------------------------------------
# 3. A folder's JSON that is no export (recorded calls, an API answer, JSON_MIN) is skipped and said
# -------------------------------------------------------------------------

RECORDED_CALLS = ("backend_calls.json", "bad_import.json", "export_JSON_MIN.json", "ls_to_backend_health.json",
                  "ls_to_backend_webhook_ANNOTATION_CREATED.json")


def test_a_folders_json_that_is_no_export_is_skipped_naming_it_and_why(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "export_JSON.json", *RECORDED_CALLS)
    (folder / "webhook.json").write_text(json.dumps({"action": "ANNOTATIONS_CREATED", "annotations": [{"id": 1}]}))
    report = exported(folder, tmp_path / "out")
    assert report["tasks_read"] == 1 and report["left_out"] == {NOT_EXPORT_FILES: 6}
    details = report["details"][NOT_EXPORT_FILES]
    assert [detail.split(" (", 1)[0] for detail in details] == sorted([*RECORDED_CALLS, "webhook.json"])
    assert details[0] == ("backend_calls.json (an object with keys ['args', 'headers', 'json', 'method', 'path', "
                          "'raw', 'ts'], not a task: a Label Studio JSON export is a list of task objects)")
    assert details[1].startswith("bad_import.json (Label Studio's API answered 'Validation error' instead of an "
                                 "export")
    assert details[2] == ("export_JSON_MIN.json (this looks like a JSON_MIN export (Label Studio's flat row per "
                          "annotation: no data, no annotations): export the project as JSON instead (Label Studio's "
                          "Export > JSON), which keeps every annotation with its regions and annotator)")
    assert details[-1].startswith("webhook.json (a Label Studio webhook body (action ANNOTATIONS_CREATED)")


def test_the_recorded_label_studio_folder_now_stops_on_its_two_exports_of_one_project(tmp_path: Path) -> None:
    """fixtures/label-studio-1.23.2 given whole: its recorded calls are skipped; its JSON export and its snapshot
    hold the same task, which no rule can choose between."""
    result = run_cli(LABEL_STUDIO, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code != 0
    assert ("label-studio-1.23.2: task id 1 appears twice, at $[0] of export_JSON.json and $[0] of "
            "snapshot_full.json") in result.output


def test_a_malformed_export_in_a_folder_still_stops_with_its_error(tmp_path: Path) -> None:
    """By shape: a task's keys (an id with annotations, its data missing), a value that is no object where a task
    stands, a cut file, a non-task after a task: an export's errors, said as before."""
    cases = {"no_data.json": ([{"id": 2, "annotations": []}], "data: Missing data for required field"),
             "strings.json": (["Lisboa"], "expected a task object at $[0], found '\"Lisboa\"'"),
             "second.json": ([{"id": 2, "data": {"text": "Porto."}}, {"ts": 1}], "$[1] of second.json: an object "
                             "with keys ['ts'], not a task")}
    for name, (content, said) in cases.items():
        folder = folder_with(tmp_path / name, "export_JSON.json")
        (folder / name).write_text(json.dumps(content))
        result = run_cli(folder, "jsonl", tmp_path / name / "out", "--quiet")
        assert result.exit_code != 0 and said in result.output, result.output
    folder = folder_with(tmp_path / "cut", "export_JSON.json")
    (folder / "cut.json").write_text('[{"ts": 1, "method": "GET"')
    result = run_cli(folder, "jsonl", tmp_path / "cut" / "out", "--quiet")
    assert result.exit_code != 0 and "cut.json" in result.output, result.output


def test_a_file_given_alone_or_a_folder_of_no_export_stops(tmp_path: Path) -> None:
    result = run_cli(LABEL_STUDIO / "backend_calls.json", "jsonl", tmp_path / "one", "--quiet")
    assert result.exit_code != 0 and "not a task" in result.output
    folder = folder_with(tmp_path, "backend_calls.json", "bad_import.json", "label_config.xml")
    result = run_cli(folder, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code != 0
    assert "project: no JSON file of the folder is an export (backend_calls.json (an object with keys" in result.output


# -------------------------------------------------------------------------
# 5. An exporter plugin without rename_annotators names the annotators as the built-in formats do
# -------------------------------------------------------------------------

USERS = FIXTURES / "s46-exportusers"
EMAIL = "ana@example.org"


class AnnotatorsExporter(Exporter):
    """A plugin's exporter that writes each example's annotators, and has no ``rename_annotators``."""

    name = "annotators"

    def __init__(self) -> None:
        self.writes = 0

    def write(self, examples: Any, folder: Path, report: Any) -> None:
        self.writes += 1
        with (folder / "annotators.txt").open("w", encoding="utf-8") as handle:
            for example in examples:
                handle.write("|".join(example.annotators) + "\n")


def test_a_plugin_exporter_without_the_rename_gets_the_names_the_built_in_formats_write(tmp_path: Path) -> None:
    """s46-exportusers' id_first.json gives user 5 as a bare id before its object (ana@example.org): jsonl renames
    the examples it wrote (test_s47_export); a plugin's exporter is given the examples again, named from the start."""
    exporter = AnnotatorsExporter()
    report = run_export(file_source(USERS / "id_first.json"), exporter, tmp_path / "out", Settings(policy="all"))
    lines = (tmp_path / "out" / "annotators.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [EMAIL, "6", EMAIL, "6", EMAIL, EMAIL, "6"]  # the jsonl's meta.annotators (test_s47_export)
    assert exporter.writes == 2 and sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "README.md", "annotators.txt", "report.json"]
    _lines, jsonl = users_jsonl(tmp_path / "jsonl")
    assert report.tasks_read == jsonl["tasks_read"] and dict(report.examples) == jsonl["examples"]
    assert report.details[NAMED_BY_ID] == jsonl["details"][NAMED_BY_ID] == [f"task 2: 5 is {EMAIL}"]
    assert report.notes[NAMED_BY_ID] == 1


def test_a_plugin_exporter_is_written_once_when_no_user_is_renamed(tmp_path: Path) -> None:
    exporter = AnnotatorsExporter()
    run_export(file_source(LABEL_STUDIO / "export_JSON.json"), exporter, tmp_path / "out", Settings(policy="all"))
    assert exporter.writes == 1


def users_jsonl(out: Path) -> tuple[list[str], dict[str, Any]]:
    result = run_cli(USERS / "id_first.json", "jsonl", out, "--quiet", "--policy", "all")
    assert result.exit_code == 0, result.output
    return (out / "train.jsonl").read_text(encoding="utf-8").splitlines(), json.loads(
        (out / "report.json").read_text(encoding="utf-8"))


# -------------------------------------------------------------------------
# 4. A labeling config among a folder's files is used as --label-config when none is given, and said
# -------------------------------------------------------------------------

BODY_CONFIG = """<View>
  <Labels name="label" toName="body"><Label value="PER"/><Label value="LOC"/></Labels>
  <Text name="body" value="$body"/>
</View>
"""
BODY = "Ana Souza mora em Lisboa."


def folder_of_body_tasks(tmp_path: Path, *configs: tuple[str, str]) -> Path:
    """An export whose text is under ``body`` beside a ``title``, which only the config says."""
    folder = tmp_path / "project"
    folder.mkdir(parents=True)
    region = {"id": "r1", "from_name": "label", "to_name": "body", "type": "labels",
              "value": {"start": 18, "end": 24, "text": "Lisboa", "labels": ["LOC"]}}
    task = {"id": 1, "data": {"text": "Notícia do dia", "body": BODY},
            "annotations": [{"id": 1, "completed_by": 1, "result": [region]}]}
    (folder / "export.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    for name, xml in configs:
        (folder / name).write_text(xml, encoding="utf-8")
    return folder


def jsonl_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_folders_labeling_config_is_used_when_none_is_given_and_said(tmp_path: Path) -> None:
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", BODY_CONFIG))
    result = run_cli(folder, "jsonl", tmp_path / "out")
    assert result.exit_code == 0, result.output
    used = f"{FOLDER_CONFIG_USED}: label_config.xml"
    assert used == "labeling config found in the folder, used as --label-config (none was given): label_config.xml"
    assert result.output.splitlines()[1] == used  # the summary's second line
    (example,) = jsonl_of(tmp_path / "out")
    assert example["text"] == BODY and example["spans"] == [{"start": 18, "end": 24, "label": "LOC", "text": "Lisboa"}]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {used: 1} and not report["left_out"]
    # As --label-config gives it: the same dataset.
    given = run_cli(folder / "export.json", "jsonl", tmp_path / "given", "--quiet", "--label-config",
                    str(folder / "label_config.xml"))
    assert given.exit_code == 0 and jsonl_of(tmp_path / "given") == [example]


def test_a_folders_labeling_config_given_otherwise_or_twice_or_unusable_is_listed_with_why(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text(BODY_CONFIG, encoding="utf-8")
    folder = folder_of_body_tasks(tmp_path / "given", ("label_config.xml", BODY_CONFIG))
    report = exported(folder, tmp_path / "given" / "out", "--label-config", str(other))
    assert report["details"][OTHER_TEXT_FILES] == ["label_config.xml (a labeling config, not used: --label-config "
                                                   "gave another)"]
    folder = folder_of_body_tasks(tmp_path / "two", ("a.xml", BODY_CONFIG), ("b.xml", BODY_CONFIG))
    report = exported(folder, tmp_path / "two" / "out")
    assert report["details"][OTHER_TEXT_FILES] == [
        f"{name} (a labeling config, not used: one of 2 labeling configs in the folder: give one as --label-config)"
        for name in ("a.xml", "b.xml")]
    folder = folder_of_body_tasks(tmp_path / "image", ("label_config.xml", '<View><Image name="i" value="$img"/>'
                                                                             "</View>"))
    report = exported(folder, tmp_path / "image" / "out")
    assert report["details"][OTHER_TEXT_FILES] == [
        "label_config.xml (a labeling config, not used: it has no Text, HyperText or Paragraphs object, so no text "
        "to export)"]
    assert report["tasks_read"] == 1 and not any(kind.startswith(FOLDER_CONFIG_USED) for kind in report["format_notes"])
