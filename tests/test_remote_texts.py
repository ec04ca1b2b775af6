"""Tasks whose text is a link (``<Text valueType="url">``): Anota fetches the
text from Label Studio (a real HTTP server on 127.0.0.1 standing in for it)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from server import remote_texts
from tests.conftest import serve_in_background
from tests.test_plugins import metric
from tests.test_protocol import assert_valid_predictions

TOKEN = "secret-token"
STORY = "Segundo a Reuters, a Nvidia vendeu 35% mais chips na China em 2024, disse Jensen Huang em Pequim. 🚀"
PUBLIC = "A Petrobras anunciou lucro recorde no Rio de Janeiro."
# What Label Studio's storage proxy serves, by the file path it is asked for.
UPLOADS = {"upload/1/story.txt": STORY.encode(), "upload/1/latin1.txt": "café".encode("latin-1")}
CONFIG = """<View>
  <Text name="text" value="$text" valueType="url"/>
  <Labels name="label" toName="text">
    <Label value="ORG"/><Label value="LOC"/><Label value="PER"/>
  </Labels>
</View>"""


class FakeLabelStudio(BaseHTTPRequestHandler):
    seen_tokens: list[str | None] = []
    # Slow requests being answered now, and the most at once.
    slow_now = 0
    slow_most = 0
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        url = urlparse(self.path)
        self.seen_tokens.append(self.headers.get("Authorization"))
        if url.path == "/public/other.txt":
            return self.answer(200, PUBLIC.encode())
        if url.path.startswith("/slow/"):  # a Label Studio that has become slow
            with self.lock:
                FakeLabelStudio.slow_now += 1
                FakeLabelStudio.slow_most = max(FakeLabelStudio.slow_most, FakeLabelStudio.slow_now)
            time.sleep(0.4)
            with self.lock:
                FakeLabelStudio.slow_now -= 1
            return self.answer(200, PUBLIC.encode())
        if self.headers.get("Authorization") != f"Token {TOKEN}":
            return self.answer(401, b"no token")
        body = UPLOADS.get(parse_qs(url.query).get("filepath", [""])[0]) if url.path.startswith("/storage-data") else None
        return self.answer(200, body) if body is not None else self.answer(404, b"not found")

    def answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def label_studio() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLabelStudio)
    FakeLabelStudio.seen_tokens = []
    FakeLabelStudio.slow_most = 0
    serve_in_background(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def found_labels(prediction: dict) -> set[tuple[str, str]]:
    return {(region["value"]["text"], region["value"]["labels"][0]) for region in prediction["result"]}


def test_linked_texts_are_fetched_with_the_setup_token(make_app, tmp_path, label_studio, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    client = make_app(REMOTE_TEXT_CACHE=str(tmp_path / "cache")).test_client()
    setup = {"project": "7.1700000000", "schema": CONFIG, "hostname": label_studio, "access_token": TOKEN}
    assert client.post("/setup", json=setup).status_code == 200
    tasks = [
        {"id": 1, "data": {"text": "/data/upload/1/story.txt"}},
        {"id": 2, "data": {"text": f"{label_studio}/public/other.txt"}},
        {"id": 3, "data": {"text": "/data/upload/1/missing.txt"}},
        {"id": 4, "data": {"text": "/data/upload/1/latin1.txt"}},
        # What Label Studio imports from an uploaded .txt file even here: the text itself.
        {"id": 5, "data": {"text": PUBLIC}},
    ]
    body = {"tasks": tasks, "label_config": CONFIG, "project": "7.1700000000"}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    results = answer.json["results"]
    fetched = {"tasks": [{"data": {"text": STORY}}, {"data": {"text": PUBLIC}}, *tasks[2:]], "label_config": CONFIG}
    assert found_labels(results[4]) == found_labels(results[1])
    assert_valid_predictions(fetched, answer.json, "text")
    found = [found_labels(result) for result in results]
    assert {("Nvidia", "ORG"), ("Pequim", "LOC")} <= found[0]
    assert ("Petrobras", "ORG") in found[1]
    assert results[2]["result"] == [] and results[3]["result"] == []
    metrics = client.get("/metrics").get_data(as_text=True)
    assert metric(metrics, "anota_text_fetch_errors_total", reason="fetch") == 1
    assert metric(metrics, "anota_text_fetch_errors_total", reason="decode") == 1
    # The token goes to Label Studio's own host only... which here serves the
    # public file too; so check it was sent, and the files came from the cache
    # the second time (no new requests).
    assert f"Token {TOKEN}" in FakeLabelStudio.seen_tokens
    requests_so_far = len(FakeLabelStudio.seen_tokens)
    assert client.post("/predict", json={**body, "tasks": tasks[:2]}).json["results"] == results[:2]
    assert len(FakeLabelStudio.seen_tokens) == requests_so_far


def test_without_label_studio_address_linked_texts_get_empty_results(make_app, tmp_path, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_HOST", raising=False)
    client = make_app(REMOTE_TEXT_CACHE=str(tmp_path / "cache")).test_client()
    body = {"tasks": [{"id": 1, "data": {"text": "/data/upload/1/story.txt"}}], "label_config": CONFIG}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200 and answer.json["results"][0]["result"] == []
    assert metric(client.get("/metrics").get_data(as_text=True), "anota_text_fetch_errors_total", reason="fetch") == 1


def test_a_request_stops_fetching_once_its_budget_is_spent(make_app, tmp_path, label_studio, monkeypatch):
    monkeypatch.setattr(remote_texts, "FETCH_BUDGET", 1.0)  # 50 s in service: Label Studio waits 100 s
    client = make_app(REMOTE_TEXT_CACHE=str(tmp_path / "cache")).test_client()
    # Five rounds of FETCH_THREADS links at 0.4 s each: about three fit in 1 s.
    count = 5 * remote_texts.FETCH_THREADS
    tasks = [{"id": n, "data": {"text": f"{label_studio}/slow/{n}.txt"}} for n in range(count)]
    answer = client.post("/predict", json={"tasks": tasks, "label_config": CONFIG})
    assert answer.status_code == 200 and len(answer.json["results"]) == count
    metrics = client.get("/metrics").get_data(as_text=True)
    skipped = metric(metrics, "anota_text_fetch_errors_total", reason="deadline")
    fetched = sum(1 for result in answer.json["results"] if result["result"])
    assert skipped >= remote_texts.FETCH_THREADS and fetched >= 1 and skipped + fetched == count


def test_links_are_fetched_several_at_once_and_each_once(make_app, tmp_path, label_studio):
    client = make_app(REMOTE_TEXT_CACHE=str(tmp_path / "cache")).test_client()
    links = [f"{label_studio}/slow/{n}.txt" for n in range(6)]
    tasks = [{"id": n, "data": {"text": link}} for n, link in enumerate(links + links)]
    answer = client.post("/predict", json={"tasks": tasks, "label_config": CONFIG})
    assert answer.status_code == 200
    assert all(("Petrobras", "ORG") in found_labels(result) for result in answer.json["results"])
    assert FakeLabelStudio.slow_most > 1
    assert len(FakeLabelStudio.seen_tokens) == len(links)


def test_the_sdk_logs_no_line_per_file_and_its_localhost_hint_once(make_app, tmp_path, label_studio, caplog):
    client = make_app(REMOTE_TEXT_CACHE=str(tmp_path / "cache")).test_client()
    localhost = label_studio.replace("127.0.0.1", "localhost")
    setup = {"project": "7.1700000000", "schema": CONFIG, "hostname": localhost, "access_token": TOKEN}
    assert client.post("/setup", json=setup).status_code == 200
    tasks = [{"id": n, "data": {"text": f"{localhost}/public/other.txt?copy={n}"}} for n in range(3)]
    with caplog.at_level(logging.INFO):
        answer = client.post("/predict", json={"tasks": tasks, "label_config": CONFIG, "project": "7.1700000000"})
    assert all(("Petrobras", "ORG") in found_labels(result) for result in answer.json["results"])
    assert sum(record.getMessage().startswith("Using `localhost`") for record in caplog.records) <= 1
    # "Resolving url ...", "File downloaded to ...": two INFO lines a task before.
    assert not [record for record in caplog.records if record.name.startswith("label_studio_sdk")
                and record.levelno < logging.WARNING]
