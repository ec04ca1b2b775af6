"""Session 49's second user pass: ``anota tasks`` on a large folder listed every segment left out on the terminal
after its progress (99,277 lines for 50 MB); a long listing now goes to a file named in the summary, with a count by
reason on screen, while scripts that read stderr get every line as before. On PostgreSQL (the README's path: an empty
database, ANOTA_DATABASE_URL, preload, restart: same ids, checked by hand) a missing database or a search_path schema
that does not exist now says what to create. Each test fails without its fix."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click
import pytest

from server import tasks as tasks_module
from server.cli import command_app, postgres_problem
from server.tasks import reason_counts, reason_family
from tests.test_postgres import postgres  # noqa: F401 (the session's PostgreSQL server; skips where none starts)
from tests.test_tasks_cli import CORPUS, run, scratch  # noqa: F401 (a fixture: TMPDIR in the test's folder)


def scratch_files() -> list[Path]:
    """The left-out listings made in the temporary folder (the ``scratch`` fixture's)."""
    return sorted(Path(tempfile.gettempdir()).glob("anota-left-out-*"))


def listed_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("excluded ")]


@pytest.mark.usefixtures("scratch")
def test_stderr_that_is_no_terminal_still_lists_every_segment(tmp_path):
    # Guard: scripts and redirects (`2> left-out.txt`) read the listing on stderr, as before; no file is made.
    result = run(["tasks", str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    assert len(listed_lines(result.stderr)) > 5
    assert "(listed above; --include-excluded" in result.stderr.splitlines()[-1]
    assert not scratch_files()


@pytest.mark.usefixtures("scratch")
def test_a_long_listing_on_a_terminal_goes_to_a_file_named_in_the_summary(monkeypatch, tmp_path):
    expected = listed_lines(run(["tasks", str(CORPUS)], tmp_path).stderr)
    monkeypatch.setattr(tasks_module, "_stderr_is_terminal", lambda _out: True)
    monkeypatch.setattr(tasks_module, "LEFT_OUT_ON_SCREEN", 5)  # the corpus leaves out fewer than a screen's 40
    result = run(["tasks", "--out", str(tmp_path / "tasks.json"), str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    # Before: every segment on the terminal, under the progress bar.
    assert not listed_lines(result.stderr)
    [listing] = scratch_files()
    assert listing.read_text(encoding="utf-8").splitlines() == expected  # nothing hidden: the same lines
    summary = result.stderr.splitlines()[-1]
    assert f"(listed in {listing}; --include-excluded brings back " in summary
    # The count by reason last, under the progress, with the summary: what stays on the screen.
    assert result.stderr.index("writing") < result.stderr.index(f"left out, by reason (each segment in {listing}):")


@pytest.mark.usefixtures("scratch")
def test_a_short_listing_on_a_terminal_stays_there(monkeypatch, tmp_path):
    monkeypatch.setattr(tasks_module, "_stderr_is_terminal", lambda _out: True)
    result = run(["tasks", "--out", str(tmp_path / "tasks.json"), str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    assert listed_lines(result.stderr) and not scratch_files()


@pytest.mark.parametrize("options", [[], ["--include-excluded"]])
@pytest.mark.usefixtures("scratch")
def test_left_out_writes_the_listing_and_counts_it_by_reason(tmp_path, options):
    expected = listed_lines(run(["tasks", str(CORPUS)], tmp_path).stderr)
    listing = tmp_path / "left-out.txt"
    result = run(["tasks", *options, "--left-out", str(listing), str(CORPUS)], tmp_path)
    assert result.exit_code == 0, result.output
    assert listing.read_text(encoding="utf-8").splitlines() == expected and not listed_lines(result.stderr)
    counts = result.stderr.splitlines()
    start = counts.index(f"left out, by reason (each segment in {listing}):")
    counted = [int(line.split()[0].replace(",", "")) for line in counts[start + 1:-1]]
    assert sum(counted) == len(expected)  # every segment counted once
    assert f"listed in {listing}; " in counts[-1]


@pytest.mark.usefixtures("scratch")
def test_left_out_to_a_path_that_cannot_be_written_fails_before_the_preload(tmp_path):
    result = run(["tasks", "--left-out", str(tmp_path / "missing" / "left-out.txt"), str(CORPUS)], tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {tmp_path / 'missing' / 'left-out.txt'}: No such file or directory\n"


@pytest.mark.parametrize(("reason", "family"), [
    ("3 words without sentence punctuation (a label, heading or menu item)", "N words without sentence punctuation"),
    ("1 word without sentence punctuation (a label, heading or menu item)", "N words without sentence punctuation"),
    ("near-duplicate of task 36e7eb9988362fed (word similarity 0.70 >= 0.7)", "near-duplicate of task N"),
    ("exact duplicate of task 63f6ad11cb3a8255 (copy 2)", "exact duplicate of task N"),
    ("share prompt: 'Copy Link', 'Facebook'; 38 words, inside the document", "share prompt"),
    ("left out by the HTML loader: in the page's footer (<footer class=\"ac-gf\">)",
     "left out by the HTML loader: in the page's footer"),
    ("repeated in 3 documents: page template", "repeated in N documents: page template"),
])
def test_reasons_are_counted_without_their_particulars(reason, family):
    assert reason_family(reason) == family


def test_the_count_by_reason_shows_the_most_frequent_and_sums_the_rest(monkeypatch):
    monkeypatch.setattr(tasks_module, "REASONS_SHOWN", 2)
    lines = reason_counts({"a": 1, "b": 5, "c": 3, "d": 1})
    assert [line.split(maxsplit=1)[1] for line in lines] == ["b", "c", "for 2 other reasons"]
    assert lines[-1].split()[0] == "2"


def test_the_summary_names_the_file_with_include_excluded():
    report = {"tasks": 1, "files": 1, "segments": 3, "languages": {"en": 1}, "excluded": {"duplicate": 2}}
    summary = tasks_module.preload_summary(report, True, 1, Path("/tmp/x.txt"))
    assert "(listed in /tmp/x.txt; 1 of them in the list all the same: " in summary


@pytest.mark.parametrize(("url", "problem", "advice"), [
    ("postgresql://anota:secret@127.0.0.1:5432/corpus", 'connection failed: FATAL:  database "corpus" does not exist',
     "create it first, e.g. createdb -O anota corpus, or CREATE DATABASE corpus OWNER anota in psql"),
    ("postgresql://anota@127.0.0.1/anota?options=-csearch_path%3Dnews", "no schema has been selected to create in",
     "the schema news does not exist in database anota: create it first, e.g. CREATE SCHEMA news in psql"),
    ("postgresql+psycopg://anota@127.0.0.1/anota", "connection failed: Connection refused", None),
    ("sqlite:////tmp/anota.db", "no schema has been selected to create in", None),
])
def test_what_postgresql_lacks_is_said(url, problem, advice):
    said = postgres_problem(url, problem)
    assert said == advice or (advice and said.endswith(advice))


def test_a_search_path_schema_that_does_not_exist_is_named_on_a_real_server(postgres, monkeypatch):  # noqa: F811
    # Before: "cannot open the database: no schema has been selected to create in", PostgreSQL's words alone.
    url = postgres.create_schema().rsplit("%3D", 1)[0] + "%3Dnot_made_yet"
    monkeypatch.setenv("ANOTA_DATABASE_URL", url)
    with pytest.raises(click.ClickException) as raised:
        command_app({"PRELOAD": False})
    assert raised.value.message.endswith(
        "(the schema not_made_yet does not exist in database anota_test: create it first, e.g. CREATE SCHEMA "
        "not_made_yet in psql)")
