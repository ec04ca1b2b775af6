"""Session 47's user walk (bench/HISTORY.md, ``## s47-userpass``): session 46's
leftovers (a refused webhook's project, a ``--project`` Label Studio does not
have), a dataset builder's walk through every format, and a plugin writer's.
Each test failed before its fix."""

from __future__ import annotations

import gzip
import http.server
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.exporting.converting import Settings
from server.exporting.examples import Exporter, ExportError
from server.exporting.report import SPAN_AGREEMENT_SAID, SURVIVAL_SAID
from server.exporting.running import run_export
from server.exporting.sources import file_source
from tests.conftest import recorded_body, serve_in_background

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "label-studio-1.23.2"
PROJECTS = [{"id": 1, "title": "Anota"}, {"id": 4, "title": "Reviews\n2026"}]


def fake_label_studio(projects: list[dict[str, object]], listing_status: int = 200) -> type:
    """A Label Studio that holds none of the projects asked for by id, and lists ``projects``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path.startswith("/api/projects/?") and listing_status == 200:
                self.answer(200, {"count": len(projects), "next": None, "previous": None, "results": projects})
            else:
                self.answer(404, {"detail": "No Project matches the given query."})

        def answer(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@pytest.fixture
def label_studio() -> Iterator[Callable[..., str]]:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(projects: list[dict[str, object]], listing_status: int = 200) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), fake_label_studio(projects, listing_status))
        serve_in_background(server)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def export_project(url: str, out: Path) -> str:
    result = CliRunner().invoke(cli, ["export", "--from-label-studio", url, "--project", "7", "--format", "jsonl",
                                      "--out", str(out), "--quiet"], env={"LABEL_STUDIO_API_KEY": "key"})
    assert result.exit_code == 1, result.output
    assert not out.exists()
    return result.stderr.splitlines()[-1]


def test_a_project_label_studio_does_not_have_is_said_with_those_it_has(tmp_path: Path, label_studio) -> None:
    # Before: "cannot export project 7 from URL: HTTP 404 Not Found: No Project matches the given query."
    url = label_studio(PROJECTS)
    assert export_project(url, tmp_path / "out") == (
        f"Error: Label Studio at {url} has no project 7 that this key can see (HTTP 404 Not Found: No Project "
        "matches the given query.); projects it can see: 1 'Anota', 4 'Reviews 2026'; give one of those ids to "
        "--project")


def test_a_key_that_sees_no_project_is_told_so(tmp_path: Path, label_studio) -> None:
    url = label_studio([])
    assert export_project(url, tmp_path / "out").endswith(
        "(HTTP 404 Not Found: No Project matches the given query.); it sees no project (create one, or give the "
        "key of a member of the project's organization)")


def test_a_server_that_lists_no_projects_keeps_its_404(tmp_path: Path, label_studio) -> None:
    # Another server than Label Studio's API: no list to give, and no claim about the key.
    url = label_studio(PROJECTS, listing_status=404)
    assert export_project(url, tmp_path / "out") == (
        f"Error: cannot export project 7 from {url}: HTTP 404 Not Found: No Project matches the given query.")


def refused_warning(make_app: Callable[..., object], caplog: pytest.LogCaptureFixture, **post: object) -> str:
    client = make_app(BASIC_AUTH_USER="label-studio", BASIC_AUTH_PASS="s3cret", PRELOAD=False).test_client()
    with caplog.at_level(logging.WARNING, logger="server.auth"):
        assert client.post("/webhook", **post).status_code == 401
    [message] = [record.getMessage() for record in caplog.records if record.name == "server.auth"]
    return message


def event(project: object) -> dict[str, object]:
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    return {**body, "project": project}


@pytest.mark.parametrize(("project", "named", "title"), [
    ({"id": 3, "title": "Notícias de economia"}, "(ANNOTATION_CREATED, project 3 'Notícias de economia')",
     "'Notícias de economia'"),
    ({"id": 3, "title": "Reviews\n\x1b[2Jnow"}, "(ANNOTATION_CREATED, project 3 'Reviews \\x1b[2Jnow')", "PROJECT"),
    ({"id": 3}, "(ANNOTATION_CREATED, project 3)", "PROJECT"),
    (3, "(ANNOTATION_CREATED, project 3)", "PROJECT"),
])
def test_a_refused_webhook_names_its_project(make_app, caplog, project, named, title) -> None:
    # Before: "this annotation event is lost" and `--title PROJECT`, whichever of the projects connected to
    # this Anota it came from (session 46's leftover). A title with a terminal's escape is shown escaped
    # and not offered as a command's argument.
    message = refused_warning(make_app, caplog, json=event(project))
    assert message.startswith(f"POST /webhook refused (no credentials): this annotation event {named} is lost.")
    assert f"`anota push --connect --title {title}`" in message


@pytest.mark.parametrize("post", [
    {"data": b"not json", "content_type": "application/json"},
    {"json": event("3")},
    {"json": event({"id": True, "title": "x"})},
    {"data": gzip.compress(json.dumps(event({"id": 3, "title": "x"})).encode()),
     "headers": {"Content-Encoding": "gzip"}},  # an unauthenticated body is not decompressed
    {"json": {**event({"id": 3, "title": "x"}), "padding": "x" * (1024 * 1024)}},  # not read past 1 MiB
])
def test_a_refused_webhook_without_a_readable_project_is_said_as_before(make_app, caplog, post) -> None:
    message = refused_warning(make_app, caplog, **post)
    assert message.startswith("POST /webhook refused (no credentials): this annotation event is lost.")
    assert "`anota push --connect --title PROJECT`" in message


class Failing(Exporter):
    """An exporter plugin with a bug (the plugin writer's walk's ``broken``)."""

    name = "broken"

    def write(self, examples, folder, report):
        for example in examples:
            (folder / "half.txt").write_text(example.text)
            raise RuntimeError("disk on fire")


def test_a_failing_exporter_is_said_with_the_line_that_raised(tmp_path: Path) -> None:
    # Before: "the 'broken' exporter failed after 1 tasks: RuntimeError: disk on fire; nothing was written (anota
    # -v export ... shows where)": a loader's or an annotator's failure is said with its file and line.
    with pytest.raises(ExportError) as error:
        run_export(file_source(SAMPLES / "snapshot_full.json"), Failing(), tmp_path / "out", Settings())
    line = Failing.write.__code__.co_firstlineno + 3
    assert str(error.value.message) == (
        f"the 'broken' exporter failed after 1 task: RuntimeError: disk on fire ({__file__}:{line}); nothing was "
        "written (anota -v export ... shows the traceback)")
    assert list(tmp_path.iterdir()) == []


def test_each_exporter_is_listed_with_what_it_writes(make_app) -> None:
    # Before: an exporter's description (docs/plugin_hooks.md asks a plugin's writer for one) was shown nowhere.
    listing = make_app(PRELOAD=False).test_client().get("/plugins").json
    exporters = next(plugin for plugin in listing["plugins"] if plugin["name"] == "exporters")
    assert exporters["exporters"] == ["jsonl", "conll", "spacy", "csv"]  # its shape as clients read it
    assert exporters["exporter_descriptions"]["csv"] == "CSV: choices per task, and one row per claim or entity span"


@pytest.fixture(scope="module")
def bench_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bench/export.py's generated export, 60 tasks: several documents, annotators and predictions."""
    from bench.export import generate

    path = tmp_path_factory.mktemp("bench") / "export.json"
    generate(path, 60)
    return path


def test_the_splits_are_said_in_the_order_asked(tmp_path: Path, bench_export: Path) -> None:
    # Before: in the order each split's first example came: "wrote 4 test, 47 train, 6 dev examples", and the
    # card's tables and report.json's counts in that order too.
    result = CliRunner().invoke(cli, ["export", str(bench_export), "--format", "jsonl", "--out", str(tmp_path / "o"),
                                      "--split", "80/10/10", "--language", "pt"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
    assert list(report["examples"]) == list(report["labels"]) == list(report["choices"]) == ["train", "dev", "test"]
    examples = report["examples"]
    assert result.output.startswith(f"read 60 tasks; wrote {examples['train']} train, {examples['dev']} dev, "
                                    f"{examples['test']} test examples")
    card = (tmp_path / "o" / "README.md").read_text(encoding="utf-8")
    assert "| label | train | dev | test |" in card


def test_the_card_says_what_its_numbers_mean(tmp_path: Path, bench_export: Path) -> None:
    # Before: kept, changed, deleted, added and the span F1 were numbers a builder had to find in the code.
    result = CliRunner().invoke(cli, ["export", str(bench_export), "--format", "conll", "--out", str(tmp_path / "o"),
                                      "--language", "pt"])
    assert result.exit_code == 0, result.output
    card = (tmp_path / "o" / "README.md").read_text(encoding="utf-8")
    assert SPAN_AGREEMENT_SAID in card and SURVIVAL_SAID in card
    assert "Exported tasks with predictions: 59." in card
    # Said where the choice counts are, not "below" them (the card's table of choices is above its notes).
    assert "the choice counts of the card and report.json are the tasks')" in card


def test_spacys_own_converter_reads_the_conll(tmp_path: Path, bench_export: Path) -> None:
    # Before: Label Studio's document line, "-DOCSTART- -X- O" (three columns, no blank line after it), was read by
    # `spacy convert -c ner` as the first sentence's first row, which cut its rows to three columns:
    # "ValueError: [E177] Ill-formed IOB input detected: _" (the dataset builder's walk, found on Label Studio's
    # own CONLL2003 export too).
    from spacy.training.converters import conll_ner_to_docs

    result = CliRunner().invoke(cli, ["export", str(bench_export), "--format", "conll", "--out", str(tmp_path / "o"),
                                      "--language", "pt", "--quiet"])
    assert result.exit_code == 0, result.output
    content = (tmp_path / "o" / "train.conll").read_text(encoding="utf-8")
    docs = list(conll_ner_to_docs(content, n_sents=10, no_print=True))
    rows = [line.split(" ") for line in content.splitlines() if line and not line.startswith("-DOCSTART-")]
    assert sum(len(doc) for doc in docs) == len(rows)
    assert sum(len(doc.ents) for doc in docs) == sum(row[-1].startswith("B-") for row in rows) > 0
