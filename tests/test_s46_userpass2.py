"""Session 46's second user walk (bench/HISTORY.md, ``## s46-userpass2``): round
one's leftovers (a picture saved as .txt, ``anota plugins`` preloading, a bad
``ANOTA_PORT``, ``GET /plugins`` without the loaders' suffixes) and what a walk
through a real Label Studio 1.23.2 found. Each test failed before its fix."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from plugins.loaders import HtmlLoader, PlainTextLoader
from server.cli import cli
from server.exporting import sources as export_sources
from server.sources import LoaderError
from tests.conftest import recorded_body

# The first bytes of each kind of picture, as their formats define them.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01"
GIF = b"GIF89a\x10\x00\x10\x00\xf7\x00\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"


def basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize(("head", "kind"), [(PNG, "PNG"), (JPEG, "JPEG"), (GIF, "GIF"), (WEBP, "WebP")])
def test_a_picture_saved_as_text_is_called_a_picture(tmp_path: Path, head: bytes, kind: str) -> None:
    # Before: "not UTF-8: undecodable byte 0x89 at offset 0 (line 1)", which sends a user looking for an encoding.
    path = tmp_path / "photo.txt"
    path.write_bytes(head + bytes(range(256)))
    with pytest.raises(LoaderError) as error:
        list(PlainTextLoader().load(path, "photo.txt"))
    assert str(error.value) == f"not text: a {kind} image"


def test_a_picture_saved_as_a_page_is_called_a_picture(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PNG)
    with pytest.raises(LoaderError) as error:
        list(HtmlLoader().load(path, "page.html"))
    assert "a PNG image" in str(error.value)


def test_a_picture_given_to_export_is_called_a_picture() -> None:
    assert export_sources.binary_kind(PNG) == "a PNG image: give the JSON file Label Studio exported"
    assert export_sources.binary_kind(b"caf\xe9") is None  # text in another encoding is no picture


def test_plugins_lists_without_preloading_the_sources(tmp_path: Path) -> None:
    # Before: `anota plugins` preloaded ANOTA_SOURCES (minutes of a large corpus, its log on stderr) and a
    # source that was not there stopped the listing.
    result = CliRunner().invoke(cli, ["plugins"], env={
        "ANOTA_SOURCES": str(tmp_path / "not-there"), "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}"})
    assert result.exit_code == 0, result.output
    assert "loaders: text (.txt .text .md .markdown)" in result.stdout
    assert "preload" not in result.stderr.lower()


@pytest.mark.parametrize(("value", "problem"), [
    ("http", "'http' is not a port number (0 to 65535)"),
    # Kubernetes sets <SERVICE>_PORT=tcp://address:port for a service named "anota".
    ("tcp://10.0.0.7:9090", "'tcp://10.0.0.7:9090' is not a port number (0 to 65535): give the port alone (9090)"),
    ("70000", "70000 is not in the range 0<=x<=65535."),
])
def test_a_bad_anota_port_is_called_no_port_number(value: str, problem: str) -> None:
    # Before: "'http' is not a valid integer range" (click's wording for any IntRange).
    result = CliRunner().invoke(cli, ["serve"], env={"ANOTA_PORT": value})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '--port' (from ANOTA_PORT): {problem}"


def test_a_bad_port_typed_is_not_blamed_on_the_variable() -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "x"])
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for '--port': 'x' is not a port number (0 to 65535)"


def test_get_plugins_names_each_loaders_suffixes(make_app) -> None:
    # Before: loaders by name only, where `anota plugins` showed their suffixes.
    listing = make_app(PRELOAD=False).test_client().get("/plugins").json
    loaders = next(plugin for plugin in listing["plugins"] if plugin["name"] == "loaders")
    assert loaders["loaders"] == ["text", "json", "csv", "html"]  # its shape as clients read it
    assert loaders["loader_suffixes"]["text"] == [".txt", ".text", ".md", ".markdown"]
    assert loaders["loader_suffixes"]["json"] == [".json", ".jsonl", ".ndjson"]


@pytest.mark.parametrize(("headers", "why"), [({}, "no credentials"), (basic("label-studio", "wrong"), "wrong credentials")])
def test_a_webhook_refused_for_its_credentials_says_the_event_is_lost_and_the_fix(make_app, caplog, headers, why):
    # Before: a project connected by hand (Settings > Model, with basic auth) got a webhook without credentials,
    # and the log said only "POST /webhook 401": every annotation event was lost unseen.
    client = make_app(BASIC_AUTH_USER="label-studio", BASIC_AUTH_PASS="s3cret", PRELOAD=False).test_client()
    with caplog.at_level(logging.WARNING, logger="server.auth"):
        answer = client.post("/webhook", json=recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json"),
                             headers=headers)
    assert answer.status_code == 401
    [message] = [record.getMessage() for record in caplog.records if record.name == "server.auth"]
    # Session 47 named the project the body names (tests/test_s47_userpass.py).
    assert message.startswith(f"POST /webhook refused ({why}): this annotation event (ANNOTATION_CREATED, project 1 "
                              "'e2e-1796020075') is lost.")
    assert "anota push --connect --title e2e-1796020075" in message


def test_other_refused_requests_are_not_logged(make_app, caplog):
    client = make_app(BASIC_AUTH_USER="label-studio", BASIC_AUTH_PASS="s3cret", PRELOAD=False).test_client()
    with caplog.at_level(logging.WARNING, logger="server.auth"):
        assert client.get("/plugins").status_code == 401
    assert not [record for record in caplog.records if record.name == "server.auth"]


@pytest.mark.parametrize(("url", "problem"), [
    ("127.0.0.1:8080", "give the address with http:// or https://, e.g. http://127.0.0.1:8080"),
    # What `anota push` prints, and the browser's address bar shows.
    ("http://127.0.0.1:8080/projects/1", "give Label Studio's address, not one of its pages: http://127.0.0.1:8080"),
    ("https://ls.example.org/tools/ls/projects/3/data?tab=2",
     "give Label Studio's address, not one of its pages: https://ls.example.org/tools/ls"),
    ("http://127.0.0.1:8080/api/", "give Label Studio's address, not one of its pages: http://127.0.0.1:8080"),
    ("http://127.0.0.1:8080", None), ("https://ls.example.org/tools/ls/", None),
    ("http://127.0.0.1:8080/my-projects", None),  # a prefix of its own, not a page's path
])
def test_a_label_studio_address_is_checked_before_it_is_asked(url, problem):
    assert export_sources.label_studio_address_problem(url) == problem


def test_export_from_a_project_page_says_which_address_to_give(tmp_path):
    # Before: "HTTP 404 Not Found: the server answered with an HTML page titled '404 | Label Studio'"; without
    # http://, "the connection broke while waiting for project 1's labeling config (Request URL is missing ...)".
    result = CliRunner().invoke(cli, ["export", "--from-label-studio", "http://127.0.0.1:1/projects/1", "--project", "1",
                                      "--format", "jsonl", "--out", str(tmp_path / "out")],
                                env={"LABEL_STUDIO_API_KEY": "key"})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: --from-label-studio http://127.0.0.1:1/projects/1: give Label "
                                              "Studio's address, not one of its pages: http://127.0.0.1:1")


def test_push_to_a_project_page_says_which_address_to_give():
    result = CliRunner().invoke(cli, ["push", "--url", "http://127.0.0.1:1/projects/1", "--api-key", "key"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == ("Error: --url http://127.0.0.1:1/projects/1: give Label Studio's "
                                              "address, not one of its pages: http://127.0.0.1:1")


def test_label_studios_validation_errors_are_shown() -> None:
    # Before: "HTTP 400 Bad Request: Validation error", the reason (here Anota refusing Label Studio's /setup) unsaid.
    body = {"status_code": 400, "detail": "Validation error", "validation_errors": {"non_field_errors": [
        "Successfully connected to http://127.0.0.1:9090 but it doesn't look like a valid ML backend. Reason: 401 "
        "Client Error: UNAUTHORIZED for url: http://127.0.0.1:9090/setup.\nCheck the ML backend server console logs"]}}
    assert export_sources.answer_shown(400, body) == (
        "HTTP 400 Bad Request: Validation error: Successfully connected to http://127.0.0.1:9090 but it doesn't look "
        "like a valid ML backend. Reason: 401 Client Error: UNAUTHORIZED for url: http://127.0.0.1:9090/setup. Check "
        "the ML backend server console logs")
    assert export_sources.answer_shown(400, {"detail": "Validation error", "validation_errors": {"url": ["bad"]}}) == \
        "HTTP 400 Bad Request: Validation error: url: bad"


@pytest.mark.parametrize(("environment", "error"), [
    ({}, "Error: Anota at http://127.0.0.1:9 asks for basic auth: run `anota push` with the BASIC_AUTH_USER and "
         "BASIC_AUTH_PASS that `anota serve` runs with"),
    ({"BASIC_AUTH_USER": "label-studio", "BASIC_AUTH_PASS": "wrong"},
     "Error: Anota at http://127.0.0.1:9 refuses BASIC_AUTH_USER and BASIC_AUTH_PASS: give `anota push` those "
     "`anota serve` runs with"),
])
def test_push_connect_stops_before_anything_when_anota_refuses_the_credentials(monkeypatch, environment, error):
    # Before: the project was created and its tasks imported, then Label Studio refused to connect the backend
    # with "HTTP 400 Bad Request: Validation error".
    import httpx

    asked = []
    monkeypatch.setattr("server.push.find_project", lambda client, title: None)
    monkeypatch.setattr("server.push.command_app", lambda *_: pytest.fail("the app was built (and sources preloaded)"))
    monkeypatch.setattr("server.push.httpx.get", lambda url, auth, timeout: asked.append((url, auth)) or
                        httpx.Response(401, request=httpx.Request("GET", url)))
    result = CliRunner().invoke(cli, ["push", "--url", "http://127.0.0.1:1", "--api-key", "key", "--connect",
                                      "--backend-url", "http://127.0.0.1:9"], env={
        "BASIC_AUTH_USER": None, "BASIC_AUTH_PASS": None, **environment})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == error
    assert asked == [("http://127.0.0.1:9/plugins", tuple(environment.values()) or None)]
