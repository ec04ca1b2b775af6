"""Session 53's second user pass (fixtures/s53-userpass2): the two defects s53-userpass's walks left.

1. `anota push` (and `anota tasks`) run without the server's ANOTA_SOURCES preloaded the seed into the database the
   running server used: its 9 tasks became the seed's 5, the log saying only "the sources changed".
2. `anota export`'s summary charged each of two entity plugins with the other's added labels.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from server import push
from server.cli import cli
from server.config import FIXTURES
from server.tasks import stored_run
from tests.test_loaders4 import served
from tests.test_walkthrough import FakeLabelStudio

# ---------------------------------------------------------------------------------------------------------------
# 1. A command beside a server: the tasks it gives, and the server told when they change under it
# ---------------------------------------------------------------------------------------------------------------

NO_ANNOTATORS = ["entities", "claims", "sentiment"]
# A server's corpus: two newsroom files, three tasks (none of the seed's five).
NEWSROOM = {
    "porto.txt": "O porto de Sines recebeu ontem o maior navio de contentores do ano.\n\n"
                 "A autarquia anunciou obras no cais norte a partir de maio.\n",
    "council.md": "The county council approved the new cycle lanes on Tuesday evening.\n",
}


@pytest.fixture
def newsroom(tmp_path: Path) -> list[str]:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    for name, text in NEWSROOM.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in NEWSROOM]


@pytest.fixture
def beside_the_server(monkeypatch: pytest.MonkeyPatch, database_url: str) -> FakeLabelStudio:
    """A command's environment beside a server on ``database_url``, ANOTA_SOURCES not set (the walk's first push);
    `anota push`'s Label Studio client the in-memory fake (a real Label Studio 1.23.2: fixtures/s53-userpass2)."""
    monkeypatch.delenv("ANOTA_SOURCES", raising=False)
    monkeypatch.setenv("ANOTA_DATABASE_URL", database_url)
    monkeypatch.setenv("ANOTA_DISABLE_PLUGINS", ",".join(NO_ANNOTATORS))
    fake = FakeLabelStudio()
    monkeypatch.setattr(push, "label_studio_client", lambda url, key, http: fake)
    return fake


def pushed(fake: FakeLabelStudio) -> tuple[str, list[str]]:
    result = CliRunner().invoke(cli, ["push", "--url", "http://127.0.0.1:18401", "--api-key", "key"])
    assert result.exit_code == 0, result.output
    return result.output, sorted(task["data"]["text"] for task in fake.imported.get(1, []))


def served_texts(url: str) -> list[str]:
    with urllib.request.urlopen(f"{url}/tasks", timeout=60) as answer:
        return sorted(task["data"]["text"] for task in json.load(answer))


def test_push_without_anota_sources_pushes_the_tasks_the_server_serves(
        make_app: Callable[..., Flask], newsroom: list[str], beside_the_server: FakeLabelStudio) -> None:
    server = make_app(SOURCES=newsroom, DISABLE_PLUGINS=NO_ANNOTATORS)
    before = stored_run(server)
    with served(server) as url:
        texts = served_texts(url)
        assert len(texts) == 3
        output, imported = pushed(beside_the_server)
        # Before: the seed was preloaded over them, its 5 tasks pushed and served ("the sources changed").
        assert imported == texts
        assert served_texts(url) == texts
    assert stored_run(server) == before  # not even prepared again
    assert (f"pushing the 3 tasks stored in {server.config['DATABASE_URL']}, preloaded from {', '.join(newsroom)} "
            "(ANOTA_SOURCES is not set: the database's tasks, as a server on it serves them)") in output.splitlines()


def test_push_of_an_empty_database_without_anota_sources_preloads_the_seed(
        beside_the_server: FakeLabelStudio, database_url: str) -> None:
    output, imported = pushed(beside_the_server)
    assert len(imported) == 5
    assert output.startswith(f"pushing the 5 tasks preloaded from {FIXTURES / 'seed'} into "
                             f"{database_url}\n")


def test_push_of_other_sources_says_whose_tasks_it_replaced_and_the_server_says_so_once(
        make_app: Callable[..., Flask], newsroom: list[str], beside_the_server: FakeLabelStudio,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    server = make_app(SOURCES=newsroom, DISABLE_PLUGINS=NO_ANNOTATORS)
    seed = str(FIXTURES / "seed")
    monkeypatch.setenv("ANOTA_SOURCES", seed)
    caplog.set_level(logging.INFO)
    with served(server) as url:
        newsroom_texts = served_texts(url)
        output, imported = pushed(beside_the_server)  # given: the seed is preloaded, and pushed
        assert len(imported) == 5
        assert (f"pushing the 5 tasks preloaded from {seed} into {server.config['DATABASE_URL']}, replacing its 3 "
                f"tasks preloaded from {', '.join(newsroom)}: a server on this database serves the new ones from now "
                "on") in output.splitlines()
        assert f"preload: preparing the tasks again: ANOTA_SOURCES names other sources ({seed}) than the 3 stored " \
            f"tasks were preloaded from ({', '.join(newsroom)})" in caplog.text
        caplog.clear()
        assert served_texts(url) == imported != newsroom_texts
        served_texts(url)  # said once
    said = [record.getMessage() for record in caplog.records if "prepared again by another process" in record.getMessage()]
    assert said == [f"the tasks in {server.config['DATABASE_URL']} were prepared again by another process since this "
                    f"server read them: 5 tasks from {seed}, where it served 3 from {', '.join(newsroom)}; /tasks "
                    "gives the new ones"]
    assert [record.levelname for record in caplog.records if record.getMessage() == said[0]] == ["WARNING"]


def test_anota_tasks_without_anota_sources_lists_the_stored_tasks(
        make_app: Callable[..., Flask], newsroom: list[str], beside_the_server: FakeLabelStudio,
        tmp_path: Path) -> None:
    server = make_app(SOURCES=newsroom, DISABLE_PLUGINS=NO_ANNOTATORS)
    before = stored_run(server)
    result = CliRunner().invoke(cli, ["tasks", "--out", str(tmp_path / "tasks.json")])
    assert result.exit_code == 0, result.output
    listed = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert len(listed) == 3 and stored_run(server) == before
    assert result.stderr.splitlines()[-1].startswith(f"listed the 3 tasks stored in {server.config['DATABASE_URL']}")

# ---------------------------------------------------------------------------------------------------------------
# 2. The export summary's survival line, with two entity plugins
# ---------------------------------------------------------------------------------------------------------------

PAYMENT = "A Lusitânia Transportes pagou 30 mil euros à Câmara de Lisboa em março."


def region(words: str, label: str, plugin: str | None = None) -> dict[str, Any]:
    start = PAYMENT.index(words)
    found: dict[str, Any] = {"id": f"{label}-{start}", "from_name": "label", "to_name": "text", "type": "labels",
                             "value": {"start": start, "end": start + len(words), "text": words, "labels": [label]}}
    if plugin:
        found["meta"] = {"plugin": plugin}
    return found


def two_plugin_task() -> dict[str, Any]:
    """entities suggested the Câmara as ORG, walk_money the 30 mil euros; the annotator keeps both and adds the
    company as ORG: an ORG entities missed, nothing walk_money missed."""
    predicted = [region("Câmara de Lisboa", "ORG", "entities"), region("30 mil euros", "MONEY", "walk_money")]
    final = [region("Câmara de Lisboa", "ORG"), region("30 mil euros", "MONEY"),
             region("Lusitânia Transportes", "ORG")]
    return {"id": 1, "data": {"text": PAYMENT}, "predictions": [{"model_version": "anota", "result": predicted}],
            "annotations": [{"id": 1, "completed_by": 2, "was_cancelled": False, "result": final}]}


def test_the_summary_charges_each_plugin_only_with_labels_it_suggested(tmp_path: Path) -> None:
    source = tmp_path / "project.json"
    source.write_text(json.dumps([two_plugin_task()]), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "jsonl", "--language", "pt",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Summed over their rows, entities was "added 1; MONEY 1" (walk_money's kept MONEY beside its predictions) and
    # walk_money "added 2" (entities' kept Câmara and the company it missed).
    assert "predictions of entities: kept 1, changed 0, deleted 0, added 1" in lines
    assert "predictions of walk_money: kept 1, changed 0, deleted 0, added 0" in lines
    report = json.loads((out / "report.json").read_text())
    # report.json and the card's table keep their rows by label, as before.
    assert report["prediction_survival"]["plugins"]["walk_money"]["ORG"] == \
        {"kept": 0, "changed": 0, "deleted": 0, "added": 2}
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| walk_money | ORG | 0 | 0 | 0 | 2 |" in card
    assert ("- walk_money suggested no `ORG` on these tasks: its 2 counted added are spans of a label entities "
            "suggested, not misses of walk_money.") in card
    assert "- walk_money suggested no `ORG` on these tasks, so annotators" not in card


def test_the_summary_names_apart_the_labels_no_plugin_suggested(tmp_path: Path) -> None:
    # One plugin; the annotator adds the company under a label nothing suggests (a config's Company).
    task = two_plugin_task()
    task["predictions"][0]["result"] = [region("Câmara de Lisboa", "ORG", "entities")]
    task["annotations"][0]["result"] = [region("Câmara de Lisboa", "ORG"), region("Lusitânia Transportes", "Company")]
    source = tmp_path / "project.json"
    source.write_text(json.dumps([task]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "jsonl", "--language", "pt",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert ("predictions of entities: kept 1, changed 0, deleted 0, added 0; added of labels no plugin suggested: "
            "Company 1") in result.output.splitlines()


class FakeLabelStudioWithBackends(FakeLabelStudio):
    """FakeLabelStudio with the ML backend and webhook calls of `anota push --connect`."""

    def __init__(self) -> None:
        super().__init__()
        self.backends: list[dict[str, Any]] = []
        self.ml = SimpleNamespace(list=lambda project: [], create=self._connect, update=None)
        self.webhooks = SimpleNamespace(list=lambda project: [],
                                        create=lambda url, project, **settings: SimpleNamespace(id=1))

    def _connect(self, project: int, **settings: Any) -> Any:
        self.backends.append(settings)
        return SimpleNamespace(id=len(self.backends))


@pytest.mark.parametrize("server_disables", [["entities", "claims"], NO_ANNOTATORS], ids=["other", "same"])
def test_push_with_predictions_says_when_the_connected_server_predicts_otherwise(
        make_app: Callable[..., Flask], newsroom: list[str], beside_the_server: FakeLabelStudio,
        monkeypatch: pytest.MonkeyPatch, server_disables: list[str]) -> None:
    """The walk's push without the server's ANOTA_PLUGINS: predictions without its money plugin imported, the
    project's model version theirs, and nothing said. Here the server runs sentiment, which the push disables."""
    server = make_app(SOURCES=newsroom, DISABLE_PLUGINS=server_disables)
    fake = FakeLabelStudioWithBackends()
    monkeypatch.setattr(push, "label_studio_client", lambda url, key, http: fake)
    with served(server) as url:
        result = CliRunner().invoke(cli, ["push", "--url", "http://127.0.0.1:18401", "--api-key", "key",
                                          "--predictions", "--connect", "--backend-url", url])
    assert result.exit_code == 0, result.output
    assert fake.backends and fake.backends[0]["url"] == url
    said = [line for line in result.stderr.splitlines() if line.startswith(f"Anota at {url} serves model version")]
    if server_disables == NO_ANNOTATORS:
        assert said == []
        return
    pushed_version = fake.imported[1][0]["predictions"][0]["model_version"]
    assert pushed_version != server.extensions["anota"].model_version
    assert said == [f"Anota at {url} serves model version {server.extensions['anota'].model_version}, but the 3 tasks "
                    f"were imported with predictions of {pushed_version} (this command's plugins and settings): Label "
                    "Studio asks Anota again for none of them. Run `anota push --predictions` with the settings "
                    "`anota serve` runs with (ANOTA_PLUGINS, ANOTA_DISABLE_PLUGINS, PYTHONPATH), or Data Manager > "
                    "Actions > Delete Predictions, then Retrieve Predictions"]


def test_push_says_so_when_the_database_holds_no_task(beside_the_server: FakeLabelStudio, database_url: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANOTA_PRELOAD", "0")
    output, imported = pushed(beside_the_server)
    assert imported == [] and output.startswith(f"pushing no task: {database_url} holds none preloaded\n")
