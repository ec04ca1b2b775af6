"""Session 49's user walk: a corpus builder's folder of mixed files preloaded, pushed to a real Label Studio 1.23.2
and connected. Each test fails without its fix."""

from __future__ import annotations

import http.server
import json
import logging
import socket
import threading
import time
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner
from label_studio_sdk.core.api_error import ApiError

from plugins.loaders import CsvLoader, JsonLoader
from server.cli import PAGE_EXTRACTION_LOGGERS, cli
from server.app import get_state
from server.push import push, wait_for_backend
from server.sources import LeftOut, LoaderError
from server.tasks import label_studio_tasks
from tests.conftest import serve_in_background
from tests.test_preload import NO_ANNOTATORS
from tests.test_tasks_cli import run, scratch  # noqa: F401 (a fixture: TMPDIR in the test's folder)
from tests.test_walkthrough import FakeLabelStudio


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"status": "UP"}')

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connecting_waits_for_anota_serve_to_listen(capsys):
    # Before: `anota push --connect` run while `anota serve` still loaded its models had Label Studio connect a
    # backend that did not answer, and stopped on its "health check failed" after importing the tasks (s48's walk).
    port = free_port()
    servers: list[http.server.HTTPServer] = []

    def start_later() -> None:
        time.sleep(1)
        servers.append(http.server.HTTPServer(("127.0.0.1", port), Health))
        serve_in_background(servers[0])

    threading.Thread(target=start_later, daemon=True).start()
    started = time.monotonic()
    try:
        wait_for_backend(f"http://127.0.0.1:{port}", 3, wait=60, poll=0.1)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    assert time.monotonic() - started >= 1
    said = capsys.readouterr().err
    assert f"waiting for Anota at http://127.0.0.1:{port}" in said and "models are loaded" in said


def test_connecting_gives_up_saying_what_to_do_when_nothing_serves():
    port = free_port()
    with pytest.raises(click.ClickException) as raised:
        wait_for_backend(f"http://127.0.0.1:{port}", 7, wait=0.3, poll=0.1)
    message = raised.value.message
    assert f"nothing answers at http://127.0.0.1:{port}" in message
    assert "start `anota serve`" in message and "project 7 and its tasks are in place" in message


def test_connecting_does_not_wait_for_an_address_only_label_studio_may_reach():
    # A Docker network's name (anota:9090) this machine cannot resolve: Label Studio is left to try it.
    started = time.monotonic()
    wait_for_backend("http://anota-backend.invalid:9090", 1, wait=30, poll=0.1)
    assert time.monotonic() - started < 10


COPIED_STORY = ("The Environment Agency issued flood warnings for the River Ouse in York after two days of heavy rain, "
                "and residents were told to move valuables upstairs.")


@pytest.mark.usefixtures("scratch")
def test_the_summary_says_how_many_tasks_include_excluded_brings_back(tmp_path):
    # Before: "left out: 7 duplicate, 4 boilerplate, 3 near-duplicate (listed above; --include-excluded brings them
    # back)", and the list then held 4 more tasks, not 14 (session 49's folder: 403 left out, 35 brought back): a copy
    # of a task's text is that task, and a line left out on every page comes back once.
    folder = tmp_path / "posts"
    folder.mkdir()
    for number in range(4):
        (folder / f"post-{number}.txt").write_text(
            f"Post {number} opens with a sentence of its own about the weather in the north this week.\n\n"
            f"{COPIED_STORY}\n\n{COPIED_STORY}\n\nPartilhe este artigo!\n", encoding="utf-8")
    listed = run(["tasks", str(folder)], tmp_path)
    included = run(["tasks", "--include-excluded", str(folder)], tmp_path)
    assert listed.exit_code == included.exit_code == 0, listed.output
    added = len(json.loads(included.stdout)) - len(json.loads(listed.stdout))
    assert added == 4
    summary = listed.stderr.splitlines()[-1]
    assert "7 duplicate, 4 boilerplate, 3 near-duplicate" in summary
    assert "--include-excluded brings back 4: each text once" in summary
    assert "(4 of them in the list all the same: each text once" in included.stderr.splitlines()[-1]


@pytest.mark.parametrize(("content", "reason"), [
    # A JSON lines file whose writer stopped mid-line: its other records load.
    ('{"text": "A whole record."}\n{"text": "Another."}\n{"text": "Cut off in the mid', ("3", "invalid JSON: "
                                                                                   "Unterminated string starting at column 10")),
    ('{"text": "A tab\tinside"}\n{"text": "fine"}\n{"text": "fine too"}\n', ("1", "invalid JSON: Invalid control "
                                                                              "character at column 16")),
], ids=["cut-off", "control-character"])
def test_a_json_error_that_points_at_a_place_names_it(tmp_path, content, reason):
    # Before: "invalid JSON: Unterminated string starting at", cut where Python's message gives the place apart.
    path = tmp_path / "feed.jsonl"
    path.write_text(content, encoding="utf-8")
    left_out = [(item.record, item.reason) for item in JsonLoader().load(path, path.name) if isinstance(item, LeftOut)]
    assert left_out == [reason]


def test_a_json_file_cut_off_says_where():
    with pytest.raises(LoaderError, match=r"^invalid JSON at line 1: Unterminated string starting at column 10$"):
        JsonLoader()._records('{"text": "cut', lines=False)


@pytest.mark.usefixtures("scratch")
def test_latin_1_files_are_told_how_to_load_under_the_summary(tmp_path):
    # Before: each said "undecodable byte 0xE7 ('ç' in Latin-1 or windows-1252) at offset 6 (line 1)" among the
    # listing's many lines, and nothing said what to do.
    folder = tmp_path / "blog"
    folder.mkdir()
    for number in range(2):
        (folder / f"latin1-{number}.txt").write_bytes("A autarquia aprovou o orçamento ontem.\n".encode("latin-1"))
    (folder / "post.txt").write_text("A post in UTF-8 about the council's budget, approved yesterday.\n", "utf-8")
    result = run(["tasks", str(folder)], tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith(
        "2 files above are Latin-1 or windows-1252 text, not UTF-8 (Anota guesses no encoding): save them as UTF-8, "
        "e.g. `iconv -f windows-1252 -t utf-8 old.txt > new.txt`")
    assert "Latin-1 or windows-1252 text, not UTF-8" not in run(["tasks", str(folder / "post.txt")], tmp_path).stderr


def test_a_csv_without_the_text_column_names_the_setting_as_a_json_file_does(tmp_path):
    path = tmp_path / "avaliacoes.csv"
    path.write_text("id;produto;Texto;nota\n1;aspirador;Aspira bem os tapetes.;4,5\n", encoding="utf-8")
    with pytest.raises(LoaderError) as raised:
        list(CsvLoader().load(path, path.name))
    assert str(raised.value) == ("no column named 'text' (columns: id, produto, Texto, nota; ANOTA_SOURCE_TEXT_FIELD "
                                 "names the one to read)")


# What Label Studio 1.23.2 answered the walk's `anota push --connect` while nothing listened at the backend's address.
HEALTH_CHECK_FAILED = {"detail": "Validation error", "validation_errors": {"url": [
    "Can't connect to ML backend {url}, health check failed. Make sure it is up and your firewall is properly "
    'configured. <a href="https://labelstud.io/guide/ml.html">Learn more</a> about how to set up an ML backend. '
    "Additional info: HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /health"]}}


class UnreachingLabelStudio(FakeLabelStudio):
    """A Label Studio whose health check of the backend fails: it runs where the address is not Anota's."""

    def __init__(self, backend_url: str) -> None:
        super().__init__()
        body = json.loads(json.dumps(HEALTH_CHECK_FAILED).replace("{url}", backend_url))
        self.ml = SimpleNamespace(list=lambda project: [], create=self._refuse)
        self.refusal = ApiError(status_code=400, body=body)

    def _refuse(self, **settings: object) -> None:
        raise self.refusal


def test_a_failed_health_check_of_an_answering_anota_says_what_to_do(make_app):
    # Before: "Label Studio at ... answered HTTP 400 Bad Request: Validation error: url: Can't connect to ML backend
    # ..., health check failed. ... <a href="https://labelstud.io/guide/ml.html">Learn more</a> ...": its web page's
    # markup, and no word of --backend-url.
    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    serve_in_background(server)
    backend_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with pytest.raises(click.ClickException) as raised:
            push(UnreachingLabelStudio(backend_url), make_app(), "Anota", backend_url=backend_url)
    finally:
        server.shutdown()
        server.server_close()
    message = raised.value.message
    assert message.startswith(f"Label Studio could not reach Anota at {backend_url}, which answers on this machine")
    assert "give --backend-url (ANOTA_URL)" in message and "project 1 and its tasks are in place" in message
    assert "Learn more (https://labelstud.io/guide/ml.html) about" in message and "<a" not in message


def test_verbose_logs_anotas_steps_not_each_pages_extraction():
    # Before: `anota -v tasks` on 26 web pages wrote 95 lines of trafilatura's and htmldate's DEBUG among its own.
    names = ("", *PAGE_EXTRACTION_LOGGERS)
    levels = {name: logging.getLogger(name).level for name in names}
    try:
        # As -v makes it (logging.basicConfig does nothing here: pytest's handlers are on the root logger).
        logging.getLogger().setLevel(logging.DEBUG)
        CliRunner().invoke(cli, ["-v", "plugins", "--help"])
        assert not logging.getLogger("trafilatura.main_extractor").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("htmldate.validators").isEnabledFor(logging.DEBUG)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def test_a_new_text_field_setting_preloads_again(make_app, tmp_path):
    # Before: set on a stored database, ANOTA_SOURCE_TEXT_FIELD=Texto changed nothing: the last preload was reused
    # (the setting was not in its fingerprint), and the CSV still said "no column named 'text'".
    sheet = tmp_path / "avaliacoes.csv"
    sheet.write_text("id;Texto\n1;O aspirador aspira bem os tapetes e a bateria dura uma hora.\n", encoding="utf-8")
    first = make_app(SOURCES=[str(sheet)], DISABLE_PLUGINS=NO_ANNOTATORS)
    assert label_studio_tasks(first) == []
    again = make_app(SOURCES=[str(sheet)], DISABLE_PLUGINS=NO_ANNOTATORS, SOURCE_TEXT_FIELD="Texto")  # the same file
    assert str(get_state(again).database.engine.url) == str(get_state(first).database.engine.url)
    assert [task["data"]["text"] for task in label_studio_tasks(again)] == [
        "O aspirador aspira bem os tapetes e a bateria dura uma hora."]


def test_the_text_field_setting_takes_several_names_each_file_reading_the_first_it_has(tmp_path):
    # Before: one name for every file: a folder with a spreadsheet's "Texto" column and a feed's "text" field took two
    # runs (and ANOTA_SOURCE_TEXT_FIELD="text,Texto" was a name no file had).
    sheet = tmp_path / "avaliacoes.csv"
    sheet.write_text("id;Texto;text\n1;O aspirador aspira bem.;nota interna\n", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "A feed post."}\n{"Texto": "Um post do feed."}\n{"title": "no text"}\n'
                    '{"text": "Another post."}\n', encoding="utf-8")
    # The setting's order decides, not the file's: "Texto" first reads the sheet's Texto column.
    assert [document.text for document in CsvLoader("Texto, text").load(sheet, sheet.name)] == [
        "O aspirador aspira bem."]
    loaded = list(JsonLoader("text,Texto").load(feed, feed.name))
    assert [getattr(item, "text", None) or item.reason for item in loaded] == [
        "A feed post.", "Um post do feed.", "no 'text' or 'Texto' field", "Another post."]
    with pytest.raises(LoaderError, match=r"^no column named 'body' or 'corpo' \(columns: id, Texto, text;"):
        list(CsvLoader("body,corpo").load(sheet, sheet.name))


def test_the_preloads_log_says_how_to_load_latin_1_files(make_app, tmp_path, caplog):
    # `anota serve` with ANOTA_SOURCES: its log is where the preload's problems are told.
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / "latin1.txt").write_bytes("A autarquia aprovou o orçamento ontem.\n".encode("latin-1"))
    (folder / "post.txt").write_text("A post in UTF-8 about the council's budget, approved yesterday.\n", "utf-8")
    caplog.set_level(logging.WARNING, logger="server.preload")
    make_app(SOURCES=[str(folder)], DISABLE_PLUGINS=NO_ANNOTATORS)
    said = [record.getMessage() for record in caplog.records if record.name == "server.preload"]
    assert "preload: 1 file above is Latin-1 or windows-1252 text, not UTF-8 (Anota guesses no encoding): save it " \
           "as UTF-8, e.g. `iconv -f windows-1252 -t utf-8 old.txt > new.txt`, and preload again" in said
