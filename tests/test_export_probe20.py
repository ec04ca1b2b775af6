"""Export probe 20 (fixtures/exports/probe20): ``--from-db`` on databases filled by real /webhook calls."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
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
    assert code == 0 and output.startswith("read 1 tasks"), output


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
