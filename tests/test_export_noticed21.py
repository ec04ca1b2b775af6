"""Export gaps noticed in earlier sessions: ``--from-db`` had no labeling
config (Anota now keeps the one Label Studio sends with each webhook event and
to /setup); a Paragraphs project exported without its config gave no hint; a
slow or unreachable Label Studio made ``--from-label-studio`` wait silently."""

from __future__ import annotations

import http.server
import json
import sqlite3
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from werkzeug.serving import make_server

import server.exporting.sources as sources
from server.cli import cli
from tests.conftest import RECORDED, recorded_body, serve_in_background
from tests.test_export_probe20 import PARAGRAPHS_CONFIG, export_from_db, paragraph_region

WEBHOOK = "ls_to_backend_webhook_ANNOTATION_CREATED.json"
DIALOGUE = [{"author": "A", "text": "Meta is here."}, {"author": "B", "text": "So is Qwen."}]


@pytest.fixture
def serving(make_app: Callable[..., Flask]) -> Iterator[Callable[[], str]]:
    """Serve an app on the test's SQLite file over HTTP on 127.0.0.1, as `anota serve` would; give its URL."""
    servers = []

    def start() -> str:
        servers.append(make_server("127.0.0.1", 0, make_app(), threaded=True))
        serve_in_background(servers[-1])
        return f"http://127.0.0.1:{servers[-1].server_port}"

    yield start
    for running in servers:
        running.shutdown()
        running.server_close()


def post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def export_file(export: Path, out: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["export", str(export), *options, "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def examples(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


def as_exported(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON export of the task a webhook body carries, with its annotation, as Label Studio writes it."""
    return [{**body["task"], "annotations": [body["annotation"]]}]


def paragraphs_body() -> dict[str, Any]:
    """The recorded webhook body, of a project whose config labels a dialogue's utterances."""
    body = recorded_body(WEBHOOK)
    body["project"]["id"] = body["annotation"]["project"] = 7
    body["task"]["id"] = body["annotation"]["task"] = body["annotation"]["id"] = 2
    body["project"]["label_config"] = PARAGRAPHS_CONFIG
    body["task"]["data"] = {"title": "A chat about Meta", "dialogue": DIALOGUE}
    body["annotation"]["result"] = [paragraph_region("0", 0, "Meta"), paragraph_region("1", 6, "Qwen")]
    return body


# -------------------------------------------------------------------------
# 1. --from-db reads the annotations by their project's labeling config
# -------------------------------------------------------------------------


def test_a_webhooked_annotation_exports_from_the_database_as_from_the_json_export_with_its_config(
        serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    url = serving()
    assert post(f"{url}/webhook", recorded_body(WEBHOOK)) == {"status": "ok", "events": 1}
    code, output = export_from_db(database_url, tmp_path / "db", "--project", "1")
    assert code == 0, output
    export_file(RECORDED / "export_JSON.json", tmp_path / "file", "--label-config", str(RECORDED / "label_config.xml"))
    assert examples(tmp_path / "db") == examples(tmp_path / "file"), output
    assert examples(tmp_path / "db")[0]["sentiment"] == "Neutral" and "labeling config" not in output


def test_a_paragraphs_projects_annotations_export_from_the_database_without_label_config(
        serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    url = serving()
    body = paragraphs_body()
    assert post(f"{url}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db", "--project", "7")
    assert code == 0, output
    (tmp_path / "export.json").write_text(json.dumps(as_exported(body)), encoding="utf-8")
    config = tmp_path / "config.xml"
    config.write_text(PARAGRAPHS_CONFIG, encoding="utf-8")
    export_file(tmp_path / "export.json", tmp_path / "file", "--label-config", str(config))
    (example,) = examples(tmp_path / "db")
    assert example == examples(tmp_path / "file")[0]
    assert [(s["start"], s["end"], s["text"]) for s in example["spans"]] == [(0, 4, "Meta"), (20, 24, "Qwen")]


def test_the_config_setup_received_is_kept_for_a_project_whose_webhook_carried_none(
        serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    url = serving()
    setup = recorded_body("ls_to_backend_setup.json")
    setup["project"], setup["schema"] = "7.1796020075", PARAGRAPHS_CONFIG
    post(f"{url}/setup", setup)
    body = paragraphs_body()
    del body["project"]["label_config"]
    assert post(f"{url}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db", "--project", "7")
    assert code == 0 and len(examples(tmp_path / "db")[0]["spans"]) == 2, output


def test_a_database_from_before_exports_with_a_note_then_keeps_configs_once_served_again(
        make_app: Callable[..., Flask], serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    post(f"{serving()}/webhook", paragraphs_body())
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:  # the file as Anota left it before it kept configs
        connection.execute("DROP TABLE projects")
    connection.close()
    code, output = export_from_db(database_url, tmp_path / "before", "--project", "7")
    assert code == 0 and "no labeling config stored for project 7" in output, output
    assert "--label-config FILE exports them" in output  # item 2: the Paragraphs regions said left out
    later = paragraphs_body()  # served again (the table added), the project's next event carries its config
    later["action"], later["annotation"]["updated_at"] = "ANNOTATION_UPDATED", "2026-11-30T07:00:00Z"
    assert post(f"{serving()}/webhook", later)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "after", "--project", "7")
    assert code == 0 and "labeling config" not in output and len(examples(tmp_path / "after")[0]["spans"]) == 2


def test_projects_with_different_configs_in_one_dataset_use_none_and_say_so(
        make_app: Callable[..., Flask], database_url: str, tmp_path: Path) -> None:
    client = make_app().test_client()
    client.post("/webhook", json=recorded_body(WEBHOOK))
    client.post("/webhook", json=paragraphs_body())
    code, output = export_from_db(database_url, tmp_path / "out")
    assert code == 0 and "projects with different labeling configs in one dataset: none used" in output, output
    config = tmp_path / "config.xml"  # the guard: a config given is used, and nothing said of the stored ones
    config.write_text(PARAGRAPHS_CONFIG, encoding="utf-8")
    code, output = export_from_db(database_url, tmp_path / "given", "--project", "7", "--label-config", str(config))
    assert code == 0 and "labeling config" not in output and len(examples(tmp_path / "given")[0]["spans"]) == 2


# -------------------------------------------------------------------------
# 2. Regions on a Paragraphs object without the config: said left out, with the fix
# -------------------------------------------------------------------------


def write_export(tmp_path: Path, data: dict[str, Any], result: list[dict[str, Any]]) -> Path:
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"id": 1, "data": data, "annotations": [{"id": 1, "result": result}]}]),
                      encoding="utf-8")
    return export



def test_paragraph_regions_left_out_without_a_config_are_said_with_the_option_that_exports_them(
        tmp_path: Path) -> None:
    export = write_export(tmp_path, {"title": "A chat about Meta", "dialogue": DIALOGUE},
                          [paragraph_region("0", 0, "Meta"), paragraph_region("1", 6, "Qwen")])
    output = export_file(export, tmp_path / "out")
    assert "left out: regions on a Paragraphs object" in output and "--label-config FILE exports them: 2" in output
    textarea = {"from_name": "notes", "to_name": "title", "type": "textarea", "value": {"text": ["fine"]}}
    export = write_export(tmp_path, {"title": "A chat about Meta"}, [textarea])  # the guard: another control type
    output = export_file(export, tmp_path / "other")
    assert "regions of control type 'textarea' (not exported): 1" in output and "--label-config" not in output


@pytest.mark.parametrize("region_type", ["paragraphlabels", "labels"])
def test_a_paragraphs_task_that_cannot_be_read_without_its_config_names_the_option(
        tmp_path: Path, region_type: str) -> None:
    region = paragraph_region("0", 0, "Meta")
    if region_type == "labels":  # a Labels control's region on the utterances: indices as strings, not offsets
        region["type"], region["value"]["labels"] = "labels", region["value"].pop("paragraphlabels")
    export = write_export(tmp_path, {"dialogue": DIALOGUE}, [region])
    result = CliRunner().invoke(cli, ["export", str(export), "--format", "jsonl", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "its regions are on a Paragraphs object" in result.output, result.output
    assert "--label-config FILE exports them); nothing was written" in result.output
    config = tmp_path / "config.xml"  # which it does
    config.write_text(PARAGRAPHS_CONFIG, encoding="utf-8")
    export_file(export, tmp_path / "out", "--label-config", str(config))
    assert [span["text"] for span in examples(tmp_path / "out")[0]["spans"]] == ["Meta"]


def test_a_task_without_a_text_and_no_paragraph_regions_gets_no_paragraphs_hint(tmp_path: Path) -> None:
    span = {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 0, "end": 4, "text": "Meta", "labels": ["ORG"]}}
    export = write_export(tmp_path, {"dialogue": DIALOGUE}, [span])
    result = CliRunner().invoke(cli, ["export", str(export), "--format", "jsonl", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no string value" in result.output and "Paragraphs" not in result.output


# -------------------------------------------------------------------------
# 3. A slow or unreachable Label Studio: progress on stderr, then a clear error
# -------------------------------------------------------------------------


class SlowLabelStudio(http.server.BaseHTTPRequestHandler):
    """Label Studio's export API (a project, an export built at once, its
    file), each answer after ``delay`` seconds or when ``released``."""

    delay = 0.0
    released = threading.Event()
    export = (RECORDED / "export_JSON.json").read_bytes()
    config = (RECORDED / "label_config.xml").read_text(encoding="utf-8")

    def do_GET(self) -> None:  # noqa: N802
        self.released.wait(self.delay)
        if "/download" in self.path:
            self.answer(self.export)
        elif "/exports/" in self.path:
            self.answer(json.dumps({"id": 1, "status": "completed"}).encode())
        else:
            self.answer(json.dumps({"id": 3, "label_config": self.config}).encode())

    def do_POST(self) -> None:  # noqa: N802
        self.answer(json.dumps({"id": 1, "status": "created"}).encode())

    def answer(self, body: bytes) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up waiting (the timeout test), and the answer goes once the test ends:
            # socketserver's traceback would reach whichever test's captured stderr runs then.
            pass

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def slow_label_studio() -> Iterator[Callable[[float], str]]:
    released = threading.Event()
    servers = []

    def start(delay: float) -> str:
        handler = type("Handler", (SlowLabelStudio,), {"delay": delay, "released": released})
        servers.append(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler))
        serve_in_background(servers[-1])
        return f"http://127.0.0.1:{servers[-1].server_address[1]}"

    yield start
    released.set()  # no answer is left waiting
    for running in servers:
        running.shutdown()
        running.server_close()


def export_from_label_studio(url: str, out: Path, *options: str) -> Any:
    return CliRunner().invoke(cli, ["export", "--from-label-studio", url, "--project", "3", *options, "--format",
                                    "jsonl", "--out", str(out)], env={"LABEL_STUDIO_API_KEY": "key"})


@pytest.fixture
def quick_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "PROGRESS_FIRST", 0.1)
    monkeypatch.setattr(sources, "PROGRESS_EVERY", 0.2)


def test_a_slow_label_studio_is_waited_for_with_progress_on_stderr(
        slow_label_studio: Callable[[float], str], quick_progress: None, tmp_path: Path) -> None:
    url = slow_label_studio(0.5)
    result = export_from_label_studio(url, tmp_path / "out", "--label-studio-timeout", "5")
    assert result.exit_code == 0, result.output
    waits = result.stderr.splitlines()
    assert f"waiting for Label Studio at {url}: project 3's labeling config (0 s so far)" in waits, waits
    assert any(line.startswith(f"waiting for Label Studio at {url}: the export's file (") for line in waits), waits
    assert result.stdout.startswith("read 1 task;")
    quiet = export_from_label_studio(url, tmp_path / "quiet", "--quiet")  # the guard: --quiet says nothing
    assert quiet.exit_code == 0 and quiet.output == ""


def test_label_studio_answering_at_once_prints_no_progress(
        slow_label_studio: Callable[[float], str], tmp_path: Path) -> None:
    result = export_from_label_studio(slow_label_studio(0), tmp_path / "out")
    assert result.exit_code == 0 and "waiting" not in result.output, result.output


def test_no_answer_in_time_is_an_error_naming_the_url_what_was_asked_and_the_option(
        slow_label_studio: Callable[[float], str], tmp_path: Path) -> None:
    url = slow_label_studio(30)  # released when the test ends
    result = export_from_label_studio(url, tmp_path / "out", "--label-studio-timeout", "0.3", "--quiet")
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    assert result.output == (f"Error: cannot export project 3 from {url}: no answer in 0.3 s while waiting for "
                             "project 3's labeling config (is Label Studio overloaded? --label-studio-timeout "
                             "SECONDS waits longer)\n")


def test_a_refused_connection_is_an_error_naming_the_url(tmp_path: Path) -> None:
    import socket

    with socket.socket() as unused:  # a port nothing listens on: bound, never listening
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}"
        result = export_from_label_studio(url, tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and result.output.startswith(
        f"Error: cannot export project 3 from {url}: no connection (Connection refused) while waiting for "
        "project 3's labeling config: is Label Studio running there"), result.output
