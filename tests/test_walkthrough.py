"""What a new user meets following README.md and docs/ step by step: each
test holds a discrepancy the walkthrough found, fixed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from server.cli import cli
from server.config import DEFAULTS, load_config, setting_before_app


@pytest.mark.parametrize(("written", "name", "value"), [
    ("2024", "SOURCES", ["2024"]),  # a folder named by its year
    ("null", "SOURCES", ["null"]),
    ('["a", "b"]', "SOURCES", ["a", "b"]),  # a JSON list still reads as one
    ("123", "SOURCE_TEXT_FIELD", "123"),  # a CSV column named by a number
    ("1234", "REMOTE_TEXT_CACHE", "1234"),
    ("true", "DISABLE_PLUGINS", ["true"]),
])
def test_a_text_setting_keeps_what_was_written_where_json_reads_a_number(monkeypatch, tmp_path, written, name, value):
    monkeypatch.setenv(f"ANOTA_{name}", written)
    app = Flask("walkthrough", instance_path=str(tmp_path))
    load_config(app, None)
    assert app.config[name] == value
    assert setting_before_app(name) == value


def test_tasks_of_a_source_folder_named_by_a_number(monkeypatch, tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "note.txt").write_text("O presidente chegou a Lisboa ontem à noite.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["tasks"], env={
        "ANOTA_SOURCES": "2024", "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}",
        "ANOTA_DISABLE_PLUGINS": "entities,claims,sentiment",
    })
    assert result.exit_code == 0, result.stderr
    [task] = json.loads(result.stdout)
    assert task["meta"]["source"] == "2024/note.txt"


def test_a_metrics_folder_that_does_not_exist_is_one_line(tmp_path):
    missing = tmp_path / "missing"
    result = CliRunner().invoke(cli, ["plugins"], env={
        "PROMETHEUS_MULTIPROC_DIR": str(missing), "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}",
        "ANOTA_PRELOAD": "0",
    })
    assert result.exit_code == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [
        f"Error: PROMETHEUS_MULTIPROC_DIR={missing}: not a folder; create it, or unset it "
        "(anota serve with several workers then uses a temporary one)"
    ]


ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETTINGS_TABLE = README.split("| variable | default | meaning |", 1)[1].split("\n\n", 1)[0]


def test_every_setting_anota_reads_is_in_the_readmes_table():
    documented = set(re.findall(r"`(?:ANOTA_)?([A-Z_]+)`", SETTINGS_TABLE))
    assert set(DEFAULTS) - documented == set()


def test_every_setting_in_the_readmes_table_is_read():
    code = "\n".join(path.read_text(encoding="utf-8") for folder in ("server", "plugins")
                     for path in (ROOT / folder).glob("*.py"))
    unread = {name for name in re.findall(r"`ANOTA_([A-Z_]+)`", SETTINGS_TABLE)
              if name not in DEFAULTS and f'"{name}"' not in code and f'"ANOTA_{name}"' not in code}
    assert unread == set()


def test_every_link_of_the_readme_to_a_file_of_the_repository_leads_to_one():
    targets = [target for target in re.findall(r"\]\(([^)#\s]+)[^)]*\)", README) if "://" not in target]
    assert "docs/plugin_hooks.md" in targets
    assert [target for target in targets if not (ROOT / target).exists()] == []
