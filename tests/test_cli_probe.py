"""What the `anota` commands tell a user who got something wrong, found by
probing the command line and settings with mistakes (session 13): a configured
source that is not there, a path that is not a regular file, a unit in capitals,
``-h``, a mistyped command, and Label Studio answering push with a refusal or
not being Label Studio at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from server.cli import cli
from tests.test_cli import one_error_line, run

TEXT = "O Banco do Brasil anunciou hoje novos resultados trimestrais em Brasília, segundo a imprensa.\n"


def fail_if_the_app_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    # The check comes before the plugins and their models load.
    monkeypatch.setattr("server.app.create_app", lambda *_args: pytest.fail("the app was built"))


# Not `anota plugins`, which lists without preloading (tests/test_s46_userpass2.py).
@pytest.mark.parametrize("command", [["tasks"], ["serve", "--port", "0"]])
def test_a_configured_source_that_is_not_there_stops_the_command(monkeypatch, tmp_path, command):
    # Before: the server started with 0 tasks and `anota tasks` printed [] with
    # exit status 0, a warning aside.
    fail_if_the_app_is_built(monkeypatch)
    missing = tmp_path / "corpus"
    result = run(command, ANOTA_SOURCES=str(missing))
    assert result.exit_code == 1
    assert one_error_line(result) == f"Error: ANOTA_SOURCES={missing}: {missing} does not exist"


def test_only_the_sources_that_are_not_there_are_named(monkeypatch, tmp_path):
    fail_if_the_app_is_built(monkeypatch)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    value = f"{tmp_path / 'a.txt'}, {tmp_path / 'typo'}"
    result = run(["tasks"], ANOTA_SOURCES=value)
    assert one_error_line(result) == f"Error: ANOTA_SOURCES={value}: {tmp_path / 'typo'} does not exist"


def test_quotes_kept_in_a_source_path_are_pointed_out(monkeypatch, tmp_path):
    # An env file read by docker (--env-file) keeps the quotes in the value.
    fail_if_the_app_is_built(monkeypatch)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    quoted = f"'{tmp_path / 'a.txt'}'"
    line = one_error_line(run(["tasks"], ANOTA_SOURCES=quoted))
    assert line == (f"Error: ANOTA_SOURCES={quoted}: {quoted} does not exist; the quotes are part of the value "
                    "(an env file keeps them): write the path without them")


def test_a_missing_source_does_not_matter_without_a_preload(tmp_path):
    result = run(["tasks"], ANOTA_SOURCES=str(tmp_path / "corpus"), ANOTA_PRELOAD="0",
                 ANOTA_DATABASE_URL=f"sqlite:///{tmp_path / 'anota.db'}")
    assert result.exit_code == 0 and result.stdout == "[]\n"


@pytest.fixture
def fifo_sources(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A folder holding a text and a FIFO named like a text, and a FIFO alone."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "alone.txt")
    return folder, folder / "pipe.txt", tmp_path / "alone.txt"


def test_a_fifo_among_the_sources_is_skipped_not_waited_on(tmp_path, fifo_sources):
    # Before: the command read the FIFO and waited for a writer for ever.
    # A real process: a test of the hang would hang in CliRunner.
    folder, inner, alone = fifo_sources
    environment = {**os.environ, "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "TMPDIR": str(tmp_path)}
    anota = str(Path(sys.executable).with_name("anota"))
    finished = subprocess.run([anota, "tasks", str(folder), str(alone)],
                              capture_output=True, text=True, timeout=60, env=environment, check=False)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.count('"anota_id"') == 1
    assert f"skipped {inner}: not a regular file (a FIFO, socket or device)" in finished.stderr
    assert f"skipped {alone}: not a regular file (a FIFO, socket or device)" in finished.stderr


def test_unit_takes_any_case_as_the_setting_does(tmp_path):
    # Before: "'Sentence' is not one of 'document', 'paragraph', 'sentence'",
    # though ANOTA_TASK_UNIT=Sentence was taken.
    (tmp_path / "a.txt").write_text("Uma frase. Outra frase aqui.\n", encoding="utf-8")
    result = run(["tasks", "--unit", "Sentence", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count('"anota_id"') == 2


@pytest.mark.parametrize("command", [[], ["tasks"], ["export"], ["push"]])
def test_h_is_help(command):
    # Before: "No such option: -h" (exit status 2).
    result = run([*command, "-h"])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ") and "-h, --help" in result.stdout


@pytest.mark.parametrize(("typed", "meant"), [("task", "tasks"), ("labelconfig", "label-config"), ("exprot", "export")])
def test_a_mistyped_command_is_told_the_nearest(monkeypatch, typed, meant):
    # As in a new process, no command imported yet (click looked only among those).
    monkeypatch.setattr(cli, "commands", {name: cli.commands[name] for name in ("plugins", "serve")})
    result = run([typed])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: No such command '{typed}'. Did you mean '{meant}'?"


def test_an_unknown_command_far_from_any_is_not_given_a_guess():
    result = run(["frobnicate"])
    assert result.exit_code == 2 and result.stderr.splitlines()[-1] == "Error: No such command 'frobnicate'."


def push(url: str, tmp_path: Path) -> Result:
    return run(["push", "--url", url, "--api-key", "wrong"], ANOTA_PRELOAD="0",
               ANOTA_DATABASE_URL=f"sqlite:///{tmp_path / 'anota.db'}")


@pytest.mark.parametrize("status", [401, 403])
def test_push_refused_names_the_key(answering, tmp_path, status):
    # Before: "Label Studio answered 401: {'detail': 'Invalid token.'}", no word of the key.
    url = answering(status, b'{"detail": "Invalid token."}', "application/json")
    line = one_error_line(push(url, tmp_path))
    reason = {401: "Unauthorized", 403: "Forbidden"}[status]
    assert line == (f"Error: Label Studio at {url} refused the key (HTTP {status} {reason}: Invalid token.); "
                    "check --api-key (LABEL_STUDIO_API_KEY): a legacy token or a personal access token "
                    "from Account & Settings")


def test_push_through_a_proxy_that_fails_names_its_page_not_its_markup(answering, tmp_path):
    # Before: "Label Studio at ... answered 502: <html>\r\n<head><title>502 Bad Gateway</title>..." over lines.
    url = answering(502, b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body></body>\r\n</html>\r\n",
                    "text/html")
    line = one_error_line(push(url, tmp_path))
    assert line == (f"Error: Label Studio at {url} answered HTTP 502 Bad Gateway: the server answered with an HTML "
                    "page titled '502 Bad Gateway', not Label Studio's API")


def test_push_asks_label_studio_before_the_preload(answering, tmp_path, monkeypatch):
    # Before: the sources were preloaded (minutes on a large corpus) and only then was the key refused.
    monkeypatch.setattr("server.push.command_app", lambda *_args: pytest.fail("preloaded before asking"))
    url = answering(401, b'{"detail": "Invalid token."}', "application/json")
    assert "refused the key" in one_error_line(push(url, tmp_path))


def test_push_to_something_else_than_label_studio_names_the_url(answering, tmp_path):
    # Before: "Label Studio answered 200: <html>...", naming neither the address nor --url.
    url = answering(200, b"<html><body>Welcome to nginx!</body></html>", "text/html")
    line = one_error_line(push(url, tmp_path))
    assert line == (f"Error: {url} answered 200 with what Label Studio's API does not send "
                    "(<html><body>Welcome to nginx!</body></html>); check --url (LABEL_STUDIO_URL)")


def test_push_to_an_address_without_a_scheme_names_url(tmp_path):
    line = one_error_line(push("127.0.0.1:1", tmp_path))
    assert line == ("Error: --url 127.0.0.1:1: give the address with http:// or https://, "
                    "e.g. http://127.0.0.1:8080")
