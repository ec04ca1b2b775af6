"""What a new user meets following README.md and docs/ step by step: each
test holds a discrepancy the walkthrough found, fixed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import click
import pytest
from click.testing import CliRunner
from flask import Flask

from server.cli import cli
from server.config import DEFAULTS, load_config, setting_before_app
from server.push import push


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


class FakeLabelStudio:
    """The few calls of label-studio-sdk's client that ``push`` makes, on
    projects and tasks kept in memory (Label Studio itself: tests/e2e)."""

    def __init__(self) -> None:
        self.configs: dict[int, str] = {}
        self.imported: dict[int, list[dict[str, Any]]] = {}
        self.projects = SimpleNamespace(list=self._list_projects, create=self._create, import_tasks=self._import,
                                        get=lambda id: SimpleNamespace(label_config=self.configs[id]))
        self.tasks = SimpleNamespace(list=self._list_tasks)

    def _list_projects(self, title: str, page: int, page_size: int) -> Any:
        return self._page([SimpleNamespace(id=id, title=title) for id in self.configs])

    def _create(self, title: str, label_config: str) -> Any:
        self.configs[len(self.configs) + 1] = label_config
        return SimpleNamespace(id=len(self.configs))

    def _import(self, id: int, request: list[dict[str, Any]], commit_to_project: bool) -> None:
        self.imported.setdefault(id, []).extend(request)

    def _list_tasks(self, project: int, page: int, page_size: int) -> Any:
        return self._page([SimpleNamespace(data=task["data"]) for task in self.imported.get(project, [])])

    @staticmethod
    def _page(items: list[Any]) -> Any:
        return SimpleNamespace(items=items, response=SimpleNamespace(total=len(items)))


TEXTO_CONFIG = '''<View><Text name="texto" value="$texto"/>
  <Labels name="ner" toName="texto"><Label value="Pessoa"/><Label value="Local"/></Labels></View>'''
TITLE_BODY_CONFIG = '''<View><Text name="titulo" value="$titulo"/><Text name="corpo" value="$corpo"/>
  <Labels name="ner" toName="corpo"><Label value="PER"/></Labels></View>'''


def seed_app(make_app: Any) -> Any:
    return make_app(DISABLE_PLUGINS=["claims", "sentiment"])


def test_push_puts_the_text_where_the_projects_config_reads_it(make_app):
    fake, app = FakeLabelStudio(), seed_app(make_app)
    result = push(fake, app, "Texto", TEXTO_CONFIG, predictions=True)  # type: ignore[arg-type]
    assert (result.project_id, result.imported) == (1, 5)
    task = fake.imported[1][0]
    assert "text" not in task["data"] and task["data"]["texto"].startswith("Há um fenômeno interessante")
    assert {region["to_name"] for region in task["predictions"][0]["result"]} == {"texto"}
    # The project, found again with its own config, holds every task already.
    assert push(fake, app, "Texto").imported == 0  # type: ignore[arg-type]


def test_push_refuses_a_config_of_two_texts_before_creating_the_project(make_app):
    fake = FakeLabelStudio()
    with pytest.raises(click.UsageError, match=r"reads Text \$titulo, Text \$corpo; Anota's tasks hold one text"):
        push(fake, seed_app(make_app), "Título e corpo", TITLE_BODY_CONFIG)  # type: ignore[arg-type]
    assert fake.configs == {}
