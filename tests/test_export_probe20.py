"""Export probe 20 (fixtures/exports/probe20): ``--from-db`` on databases filled by real /webhook calls."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from flask import Flask

from server.cli import cli
from tests.conftest import recorded_body


def export_from_db(url: str, out: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", "--from-db", *options, "--format", "jsonl", "--out", str(out)],
                                env={"ANOTA_DATABASE_URL": url})
    return result.exit_code, result.output


def receive(app: Flask, task_id: int, project: int) -> None:
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    body["project"]["id"] = body["annotation"]["project"] = project
    body["task"]["id"] = body["annotation"]["task"] = body["annotation"]["id"] = task_id
    answer = app.test_client().post("/webhook", data=json.dumps(body), content_type="application/json")
    assert answer.status_code == 200


def test_a_database_that_never_received_an_annotation_is_an_error_not_an_empty_dataset(
        make_app: Callable[..., Flask], database_url: str, tmp_path: Path) -> None:
    make_app()  # the tables, as `anota serve` makes them
    code, output = export_from_db(database_url, tmp_path / "out")
    assert code == 1 and "holds no annotation" in output and "/webhook" in output, output
    assert not (tmp_path / "out").exists()


def test_a_project_never_stored_is_an_error_naming_the_projects_stored(
        make_app: Callable[..., Flask], database_url: str, tmp_path: Path) -> None:
    app = make_app()
    receive(app, 1, project=1)
    receive(app, 2, project=2)
    code, output = export_from_db(database_url, tmp_path / "out", "--project", "99")
    assert code == 1 and "no annotation of project 99" in output and "projects 1, 2" in output, output
    assert not (tmp_path / "out").exists()
    code, output = export_from_db(database_url, tmp_path / "two", "--project", "2")  # the guard: a stored project
    assert code == 0 and output.startswith("read 1 task;"), output


def test_annotations_of_several_projects_are_exported_with_a_note_naming_them(
        make_app: Callable[..., Flask], database_url: str, tmp_path: Path) -> None:
    app = make_app()
    receive(app, 1, project=1)
    receive(app, 2, project=2)
    code, output = export_from_db(database_url, tmp_path / "out")
    assert code == 0 and "annotations of 2 projects (1, 2)" in output, output
    receive(app, 3, project=1)  # the guard: one project's export says nothing of projects
    code, output = export_from_db(database_url, tmp_path / "one", "--project", "1")
    assert code == 0 and "projects" not in output, output


def test_a_database_url_naming_a_folder_says_so(tmp_path: Path) -> None:
    code, output = export_from_db(f"sqlite:///{tmp_path}", tmp_path / "out")
    assert code == 1 and "a folder, not a database file" in output, output
    code, output = export_from_db(f"sqlite:///{tmp_path / 'missing.db'}", tmp_path / "out")  # the guard
    assert code == 1 and "missing.db: no such file" in output, output


PARAGRAPHS_CONFIG = ('<View><Paragraphs name="dialogue" value="$dialogue" layout="dialogue"/>'
                     '<ParagraphLabels name="label" toName="dialogue"><Label value="ORG"/></ParagraphLabels></View>')


def paragraph_region(index: str, start: int, word: str) -> dict:
    return {"id": f"p{index}", "from_name": "label", "to_name": "dialogue", "type": "paragraphlabels",
            "value": {"start": index, "end": index, "startOffset": start, "endOffset": start + len(word),
                      "text": word, "paragraphlabels": ["ORG"]}}


def test_a_paragraphs_projects_regions_are_exported_on_its_utterances_one_per_line(tmp_path: Path) -> None:
    config = tmp_path / "config.xml"
    config.write_text(PARAGRAPHS_CONFIG, encoding="utf-8")
    task = {"id": 1, "data": {"dialogue": [{"author": "A", "text": "Meta is here."},
                                           {"author": "B", "text": "So is Qwen."}]},
            "annotations": [{"id": 1, "result": [paragraph_region("0", 0, "Meta"), paragraph_region("1", 6, "Qwen")]}]}
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(export), "--label-config", str(config), "--format", "jsonl",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (example,) = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text().splitlines()]
    assert example["text"] == "Meta is here.\nSo is Qwen."
    assert [(s["start"], s["end"], s["text"]) for s in example["spans"]] == [(0, 4, "Meta"), (20, 24, "Qwen")]
    assert "Paragraphs" in result.output  # said: the text is the utterances joined


def test_a_paragraph_region_across_utterances_spans_the_line_break_and_a_wrong_index_is_not_placed(
        tmp_path: Path) -> None:
    from server.exporting.converting import joined_paragraphs
    from server.exporting.report import ExportReport
    from server.labeling import parse_labeling_config

    (obj,) = parse_labeling_config(PARAGRAPHS_CONFIG).objects
    across = paragraph_region("0", 5, "is here.\nSo")
    across["value"]["end"] = "1"
    across["value"]["endOffset"] = 2
    wrong = paragraph_region("7", 0, "Meta")
    task = {"id": 1, "data": {"dialogue": [{"text": "Meta is here."}, {"text": "So is Qwen."}]},
            "annotations": [{"id": 1, "result": [across, wrong]}]}
    joined = joined_paragraphs(task, {obj.name: obj}, ExportReport())
    assert joined["annotations"][0]["result"][0]["value"] == {"start": 5, "end": 16, "text": "is here.\nSo",
                                                                "labels": ["ORG"]}
    assert joined["annotations"][0]["result"][1] == wrong  # no utterance 7: left to the checks, which name it
    assert task["data"]["dialogue"][0] == {"text": "Meta is here."}  # the raw task untouched


def test_an_annotations_table_of_another_schema_is_named_so(tmp_path: Path) -> None:
    import sqlite3

    older = tmp_path / "older.db"
    with sqlite3.connect(older) as connection:  # an annotations table without project_id, deleted, ...
        connection.execute("CREATE TABLE annotations (id INTEGER PRIMARY KEY, task_id INTEGER, result TEXT)")
    connection.close()
    code, output = export_from_db(f"sqlite:///{older}", tmp_path / "out")
    assert code == 1 and "no such column: annotations.project_id" in output, output
    assert "not the one Anota stores /webhook annotations in" in output, output
