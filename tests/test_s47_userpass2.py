"""Session 47's second user walk (bench/HISTORY.md, ``## s47-userpass2``): s47-userpass's leftover (a record left
out of a JSON Lines file was said as a file that could not be loaded) and what an annotator's walk through a real
Label Studio 1.23.2, with a labeling config of its own (Portuguese label names, labels Anota cannot emit, a
TextArea), found. Each test failed before its fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from server.cli import cli

NO_ANNOTATORS = "entities,claims,sentiment"

RECORDS = ('{"text": "A Petrobras anunciou lucro recorde em 2025."}\n'
           '{"text": "O Banco do Brasil abriu uma agência em Manaus."}\n'
           '{"text": "Maria Silva visitou Lisboa em março."}\n'
           '{"texto": "um registo sem o campo de texto"}\n')


def test_anota_tasks_says_a_record_left_out_not_a_file_that_failed(tmp_path: Path) -> None:
    # It said "cannot load FILE#4: no 'text' field" though the file loaded and its three other records were tasks.
    source = tmp_path / "reviews.jsonl"
    source.write_text(RECORDS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(source)], env={
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "ANOTA_DISABLE_PLUGINS": NO_ANNOTATORS})
    assert result.exit_code == 0, result.stderr
    assert "cannot load" not in result.stderr
    assert f"left out record {source}#4 (the rest of the file loaded): no 'text' field\n" in result.stderr
    assert "3 tasks (3 pt) from 1 file" in result.stderr and "1 record not loaded (above)" in result.stderr


def test_a_file_that_failed_is_still_said_as_one(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": 5}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(source)], env={
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "ANOTA_DISABLE_PLUGINS": NO_ANNOTATORS})
    assert f"cannot load {source}: no record could be loaded" in result.stderr


def test_the_server_logs_a_record_left_out_as_such(
        make_app: Callable[..., Flask], tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = tmp_path / "reviews.jsonl"
    source.write_text(RECORDS, encoding="utf-8")
    make_app(SOURCES=[str(source)], DISABLE_PLUGINS=NO_ANNOTATORS.split(","))
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and r.name == "server.preload"]
    assert warnings == [f"preload: left out record {source}#4 (the rest of the file loaded): no 'text' field"]
