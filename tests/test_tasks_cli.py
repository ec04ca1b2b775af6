"""``anota tasks`` on a corpus of any size: ad-hoc sources preloaded into a
temporary SQLite file, the list streamed from it as ``GET /tasks`` streams it,
``--out`` replaced only once complete, progress on stderr only when asked for."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result
from flask import Flask

from server import tasks as tasks_module
from server.cli import cli
from server.tasks import iter_label_studio_tasks, json_list, label_studio_tasks
from tests.conftest import FIXTURES
from tests.test_exportprobe40 import signals_at_defaults
from tests.test_tasks_api import NO_BUILT_IN_ANNOTATORS, THIS_PLUGIN

CORPUS = FIXTURES / "corpus"
PLUGIN_SETTINGS = {"PLUGINS": [THIS_PLUGIN], "DISABLE_PLUGINS": NO_BUILT_IN_ANNOTATORS}


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder temporary files go to during the test (what TMPDIR names)."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def run(arguments: list[str], tmp_path: Path) -> Result:
    environment = {
        # The configured database: ad-hoc sources must leave it alone.
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'configured.db'}",
        "ANOTA_PLUGINS": THIS_PLUGIN,
        "ANOTA_DISABLE_PLUGINS": ",".join(NO_BUILT_IN_ANNOTATORS),
    }
    return CliRunner().invoke(cli, arguments, env=environment)


def spy_on_tasks(monkeypatch: pytest.MonkeyPatch, each: Callable[[Flask, int], None]) -> None:
    """Call ``each(app, n)`` before the command reads its n-th task (from 0)."""
    def spied(app: Flask, *args: Any) -> Iterator[dict[str, Any]]:
        for number, task in enumerate(iter_label_studio_tasks(app, *args)):
            each(app, number)
            yield task

    monkeypatch.setattr(tasks_module, "iter_label_studio_tasks", spied)


def fail_at(number: int) -> Callable[[Flask, int], None]:
    def each(_app: Flask, current: int) -> None:
        if current == number:
            raise RuntimeError("the database went away")
    return each


@pytest.mark.parametrize("indent", [False, True])
def test_json_list_gives_the_bytes_orjson_gives_for_the_whole_list(monkeypatch, indent):
    items = [{"text": "two\nlines \"quoted\"", "meta": {}, "list": [], "nested": [1, {"a": [2.5, None]}]},
             {"text": "ção " * 40}, [], "plain"]
    option = orjson.OPT_INDENT_2 if indent else 0
    monkeypatch.setattr(tasks_module, "SEND_CHUNK", 50)  # several chunks, cut between items
    for some in ([], items[:1], items):
        chunks = list(json_list(iter(some), indent=indent))
        assert b"".join(chunks) == orjson.dumps(some, option=option)
        assert len(chunks) > 1 or len(some) < 2


@pytest.mark.parametrize("options", [[], ["--include-excluded"], ["--predictions"], ["--unit", "sentence"]])
def test_the_output_is_the_list_printed_at_once_before(make_app, tmp_path, scratch, options):
    result = run(["tasks", *options, str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    settings: dict[str, Any] = {"SOURCES": [str(CORPUS)], **PLUGIN_SETTINGS}
    if "--unit" in options:
        settings["TASK_UNIT"] = "sentence"
    app = make_app(**settings)
    expected = label_studio_tasks(app, predictions="--predictions" in options,
                                  include_excluded="--include-excluded" in options)
    # What the command printed before it streamed: one orjson dump of the whole list.
    assert result.stdout_bytes == orjson.dumps(expected, option=orjson.OPT_INDENT_2) + b"\n"
    assert 'excluded boilerplate corpus/river_flood_barriers.txt[0:20] "Skip to main content"' in result.stderr


def test_text_field_names_the_csv_column_the_texts_are_read_from(tmp_path, scratch):
    # Before: only ANOTA_SOURCE_TEXT_FIELD named it (s52-acceptance2 looked for an option); the option wins over it.
    sheet = tmp_path / "reviews.csv"
    sheet.write_text("id,review_text\n1,The kettle boils in two minutes and the lid closes well.\n"
                     "2,A chaleira ferve em dois minutos e a tampa fecha bem.\n", encoding="utf-8")
    result = run(["tasks", "--text-field", "review_text", str(sheet)], tmp_path)
    assert result.exit_code == 0, result.output
    assert [task["data"]["text"] for task in orjson.loads(result.stdout_bytes)] == [
        "The kettle boils in two minutes and the lid closes well.",
        "A chaleira ferve em dois minutos e a tampa fecha bem."]
    unnamed = run(["tasks", str(sheet)], tmp_path)
    assert "no column named 'text'" in unnamed.stderr


def test_ad_hoc_sources_are_preloaded_into_a_temporary_file_removed_at_exit(monkeypatch, tmp_path, scratch):
    seen: list[tuple[str, bool]] = []

    def each(app: Flask, _number: int) -> None:
        database = Path(app.config["DATABASE_URL"].removeprefix("sqlite:///"))
        seen.append((str(database.parent.parent), database.is_file()))

    spy_on_tasks(monkeypatch, each)
    result = run(["tasks", str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    # Before: "sqlite://", a database in memory.
    assert seen and set(seen) == {(str(scratch), True)}
    assert list(scratch.iterdir()) == []
    assert not (tmp_path / "configured.db").exists()


def test_the_list_is_written_while_the_tasks_are_read(monkeypatch, tmp_path, scratch):
    # The command holds no list: the first tasks are out before the last is read.
    events: list[str] = []
    spy_on_tasks(monkeypatch, lambda _app, _number: events.append("read"))
    chunks = tasks_module.json_list

    def recorded(*args: Any, **kwargs: Any) -> Iterator[bytes]:
        for chunk in chunks(*args, **kwargs):
            events.append("written")
            yield chunk

    monkeypatch.setattr(tasks_module, "json_list", recorded)
    monkeypatch.setattr(tasks_module, "SEND_CHUNK", 1)
    result = run(["tasks", str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    assert events.count("read") == 12
    assert events.index("written") < len(events) - 1 - events[::-1].index("read")


def test_out_writes_the_list_stdout_would_show(tmp_path, scratch):
    out = tmp_path / "tasks.json"
    printed = run(["tasks", str(CORPUS)], tmp_path)
    written = run(["tasks", "--out", str(out), str(CORPUS)], tmp_path)
    assert written.exit_code == 0, written.output
    assert written.stdout == "" and out.read_bytes() == printed.stdout_bytes
    assert "excluded near-duplicate corpus/weekly_digest.html" in written.stderr
    # Made as a shell's redirection makes it, not 0600 as a temporary file is.
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(path.name for path in tmp_path.iterdir()) == ["scratch", "tasks.json"]


@pytest.mark.parametrize("old", [None, b'[{"data": {"text": "yesterday\'s list"}}]\n'])
def test_an_error_midway_leaves_out_as_it_was(monkeypatch, tmp_path, scratch, old):
    out = tmp_path / "tasks.json"
    if old is not None:
        out.write_bytes(old)
    monkeypatch.setattr(tasks_module, "SEND_CHUNK", 1)  # the first tasks are written when the error comes
    spy_on_tasks(monkeypatch, fail_at(5))
    result = run(["tasks", "--out", str(out), str(CORPUS)], tmp_path)
    assert isinstance(result.exception, RuntimeError)
    assert (out.read_bytes() if out.exists() else None) == old
    assert sorted(path.name for path in tmp_path.iterdir()) == ["scratch"] + (["tasks.json"] if old else [])
    assert list(scratch.iterdir()) == []


def test_ctrl_c_midway_leaves_out_as_it_was_and_no_temporary_database(monkeypatch, tmp_path, scratch):
    out = tmp_path / "tasks.json"
    out.write_bytes(b"[]\n")

    def interrupted(_app: Flask, number: int) -> None:
        if number == 5:
            raise KeyboardInterrupt

    monkeypatch.setattr(tasks_module, "SEND_CHUNK", 1)
    spy_on_tasks(monkeypatch, interrupted)
    result = run(["tasks", "--out", str(out), str(CORPUS)], tmp_path)
    assert result.exit_code == 130
    assert out.read_bytes() == b"[]\n" and sorted(path.name for path in tmp_path.iterdir()) == ["scratch", "tasks.json"]
    assert list(scratch.iterdir()) == []


def test_an_out_file_that_cannot_be_written_fails_before_the_preload(monkeypatch, tmp_path, scratch):
    monkeypatch.setattr("server.tasks.command_app", lambda *_args: pytest.fail("preloaded before failing"))
    out = tmp_path / "missing-folder" / "tasks.json"
    result = run(["tasks", "--out", str(out), str(CORPUS)], tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {out}: No such file or directory\n"


def test_an_empty_out_is_a_usage_error_not_a_traceback(monkeypatch, tmp_path, scratch):
    monkeypatch.setattr("server.tasks.command_app", lambda *_args: pytest.fail("preloaded before failing"))
    result = run(["tasks", "--out", "", str(CORPUS)], tmp_path)
    assert result.exit_code == 2
    assert "--out names no file" in result.stderr


def test_terminating_the_command_removes_its_temporary_database(tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    out = tmp_path / "tasks.json"
    environment = {**os.environ, "TMPDIR": str(scratch), "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"}
    command = [str(Path(sys.executable).with_name("anota")), "tasks", "--out", str(out), str(CORPUS)]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # The temporary database is made before the app loads its plugins (seconds).
    deadline = time.monotonic() + 30
    while not any(scratch.iterdir()) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _output, errors = process.communicate(timeout=60)
    # Before: killed at once (-15), its database and partial output left behind.
    assert process.returncode == 128 + signal.SIGTERM, errors.decode()
    assert list(scratch.iterdir()) == [] and list(tmp_path.glob("*tasks.json*")) == []


def test_a_termination_while_a_plugin_is_imported_ends_the_command(tmp_path):
    """Not taken for the plugin's own ``sys.exit()`` at import (a plugin's
    failure): the command went on and ended with 0, its output written."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (tmp_path / "terminated_at_import.py").write_text(
        "import os, signal, time\nos.kill(os.getpid(), signal.SIGTERM)\ntime.sleep(5)\n")
    out = tmp_path / "tasks.json"
    environment = {**os.environ, "TMPDIR": str(scratch), "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
                   "ANOTA_PLUGINS": "terminated_at_import", "ANOTA_DISABLE_PLUGINS": ",".join(NO_BUILT_IN_ANNOTATORS),
                   "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    command = [str(Path(sys.executable).with_name("anota")), "tasks", "--out", str(out), str(CORPUS)]
    done = subprocess.run(command, env=environment, capture_output=True, timeout=120)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr.decode()
    assert "failed at import" not in done.stderr.decode()
    assert list(scratch.iterdir()) == [] and not out.exists()


SIGNALLING_ANNOTATOR = """
import os, signal, time
from server import Annotator, LabelSpec, hookimpl

class Signalling(Annotator):
    def __init__(self):
        super().__init__("signalling", "1.0", [LabelSpec("ORG", "span")])

    def annotate(self, text):
        os.kill(os.getpid(), signal.{name})
        time.sleep(1)  # the command waits for this annotator meanwhile
        return []

@hookimpl
def register_annotators(register):
    register(Signalling())
"""


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_the_plugins_annotate_ends_the_command(tmp_path: Path, number: int) -> None:
    """Before: the exception the signal raised in the command waiting for an
    annotator was taken for that annotator's failure (its suggestions dropped,
    an error counted), and the command went on to the end: Ctrl-C did not stop
    ``anota tasks --predictions``."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (tmp_path / "signalling.py").write_text(SIGNALLING_ANNOTATOR.format(name=signal.Signals(number).name))
    out = tmp_path / "tasks.json"
    environment = {**os.environ, "TMPDIR": str(scratch), "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
                   "ANOTA_PLUGINS": "signalling", "ANOTA_DISABLE_PLUGINS": ",".join(NO_BUILT_IN_ANNOTATORS),
                   "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    command = [str(Path(sys.executable).with_name("anota")), "tasks", "--predictions", "--out", str(out),
               str(CORPUS)]
    done = subprocess.run(command, env=environment, capture_output=True, timeout=120,
                          preexec_fn=signals_at_defaults)
    said = done.stderr.decode()
    assert done.returncode == 128 + number, said
    assert said.strip().splitlines()[-1] == f"Interrupted ({signal.Signals(number).name}); {out} was not written"
    assert list(scratch.iterdir()) == [] and not out.exists()


@pytest.mark.parametrize("ignored", [False, True])
def test_a_hangup_ends_the_command_cleanly_unless_it_is_ignored(monkeypatch, tmp_path, scratch, ignored):
    out = tmp_path / "tasks.json"
    spy_on_tasks(monkeypatch, lambda _app, number: number == 5 and os.kill(os.getpid(), signal.SIGHUP))
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN if ignored else signal.SIG_DFL)
    try:
        result = run(["tasks", "--out", str(out), str(CORPUS)], tmp_path)
    finally:
        signal.signal(signal.SIGHUP, before)
    assert list(scratch.iterdir()) == []
    if ignored:  # under nohup: the whole list (before: the same; the handler must not override SIG_IGN)
        assert result.exit_code == 0 and len(orjson.loads(out.read_bytes())) == 12
    else:  # before: the process (here pytest) killed at once
        assert result.exit_code == 128 + signal.SIGHUP and not out.exists()


def test_progress_is_quiet_when_stderr_is_not_a_terminal(tmp_path, scratch):
    result = run(["tasks", "--predictions", str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    # Before: "predicting" in a log file or a pipe, where no bar is drawn.
    assert "predicting" not in result.stderr
    *listed, summary = result.stderr.splitlines()
    assert all(line.startswith(("excluded ", "skipped ")) for line in listed)
    assert summary.startswith("12 tasks ")


def test_the_listing_ends_with_a_summary(tmp_path, scratch):
    result = run(["tasks", str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    skipped = sum(line.startswith("skipped ") for line in result.stderr.splitlines())
    excluded = [line.split()[1] for line in result.stderr.splitlines() if line.startswith("excluded ")]
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("12 tasks (7 en, 5 pt) from 3 files, ") and "(listed above; --include-excluded" in summary
    assert all(f"{excluded.count(kind)} {kind}" in summary for kind in excluded)  # each kind listed, counted
    assert summary.endswith(f"; {skipped} file{'s' if skipped > 1 else ''} not loaded or skipped (above)")


@pytest.mark.parametrize(("options", "label"), [([], "writing"), (["--predictions"], "predicting")])
def test_progress_on_a_terminal_covers_preloading_and_writing(monkeypatch, caplog, tmp_path, scratch, options, label):
    monkeypatch.setattr(tasks_module, "_stderr_is_terminal", lambda _out: True)
    monkeypatch.setattr("server.preload.PROGRESS_SECONDS", 0.0)
    caplog.set_level(logging.INFO)  # the root logger's level without -v
    result = run(["tasks", *options, "--out", str(tmp_path / "tasks.json"), str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    assert label in result.stderr  # click draws the bar only on a real terminal, its label here
    preload_lines = [record.getMessage() for record in caplog.records if record.name == "server.preload"]
    assert preload_lines and all(" files read " in line for line in preload_lines)


@pytest.mark.parametrize("options", [[], ["--include-excluded"]])
def test_progress_with_verbose_is_logged_and_counts_every_task(monkeypatch, caplog, tmp_path, scratch, options):
    monkeypatch.setattr("server.preload.PROGRESS_SECONDS", 0.0)
    caplog.set_level(logging.DEBUG)
    result = run(["-v", "tasks", *options, str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    lines = [record.getMessage() for record in caplog.records if record.name == "server.tasks"]
    total = len(orjson.loads(result.stdout_bytes))
    assert total > 12 or not options
    assert lines[-1].startswith(f"tasks: writing {total} of {total} in ")
