"""The `anota` command group's own settings, shared by every command, and what
its commands tell a user who got something wrong."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from server.cli import cli


@pytest.mark.parametrize(("options", "level"), [([], logging.WARNING), (["--verbose"], logging.DEBUG)])
def test_httpx_request_lines_show_only_with_verbose(tmp_path, options, level):
    httpx_log = logging.getLogger("httpx")
    before = httpx_log.level
    try:
        # Any command runs the group's setup; this one fails fast on its missing input.
        CliRunner().invoke(cli, [*options, "export", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out")])
        assert httpx_log.level == level  # its own level: pytest holds the root logger at WARNING
    finally:
        httpx_log.setLevel(before)


# A database no test writes to: a command that got past its settings would fail on it.
UNUSED_DATABASE = "sqlite:////nonexistent-folder/anota.db"
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"


def run(arguments: list[str], **environment: str) -> Result:
    return CliRunner().invoke(cli, arguments, env={"ANOTA_DATABASE_URL": UNUSED_DATABASE, **environment})


def one_error_line(result: Result) -> str:
    """The one line a user error prints on stderr (no traceback, nothing on stdout)."""
    assert result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    (line,) = result.stderr.splitlines()
    return line


@pytest.mark.parametrize(("variable", "value", "problem"), [
    ("ANOTA_TASK_UNIT", "foo", "expected one of document, paragraph, sentence"),
    ("ANOTA_NEAR_DUPLICATE_THRESHOLD", "2", "expected a number above 0 and at most 1"),
    ("ANOTA_NEAR_DUPLICATE_THRESHOLD", "high", "expected a number"),
    ("ANOTA_LANGUAGES", "pt,xx", "codes the language identifier (py3langid) does not know: {'xx'}"),
    ("ANOTA_LANGUAGES", " , ", "expected language codes"),
    ("ANOTA_DATABASE_URL", "garbage", "not a database URL"),
    ("ANOTA_PIPELINES", "{bad json", "not valid JSON"),
    ("ANOTA_PIPELINES", '["ner-pt"]', "expected a JSON object of language -> spaCy pipeline folder"),
    ("ANOTA_PRELOAD", "maybe", "expected 1/true/yes/on or 0/false/no/off"),
    ("ANOTA_PLUGIN_TIMEOUT", "-1", "expected a number above 0"),
    ("ANOTA_PIN_WORKERS", "sometimes", "expected auto, 1/true/yes/on or 0/false/no/off"),
])
def test_a_bad_setting_is_one_line_naming_its_variable(variable, value, problem):
    # Before: tracebacks (ValueError, ArgumentError, AttributeError), or silently
    # no preload for PRELOAD=maybe; the error names the variable and the value.
    result = run(["tasks"], **{variable: value})
    assert result.exit_code == 1
    assert one_error_line(result).startswith(f"Error: {variable}={value}: {problem}")


def test_export_reports_a_bad_setting_in_one_line_too(tmp_path):
    result = run(["export", str(tmp_path / "missing.json"), "--format", "jsonl", "--out", str(tmp_path / "out")],
                 ANOTA_STRICT_PLUGINS="maybe")
    assert result.exit_code == 1
    assert one_error_line(result) == "Error: ANOTA_STRICT_PLUGINS=maybe: expected 1/true/yes/on or 0/false/no/off"


def test_a_database_that_cannot_be_opened_is_named_with_its_password_hidden():
    result = run(["label-config"], ANOTA_DATABASE_URL="postgresql://anota:secret@127.0.0.1:1/anota")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert line.startswith("Error: ANOTA_DATABASE_URL=postgresql://anota:***@127.0.0.1:1/anota: cannot open the "
                           "database: "), line
    assert "secret" not in line


@pytest.mark.parametrize("name", ["empty folder", "notes.xyz"])
def test_tasks_of_sources_with_nothing_to_load_is_an_error(tmp_path, name):
    # Before: `[]` and exit code 0, as if the sources held no text.
    source = tmp_path / name
    if name.endswith(".xyz"):
        source.write_text("text of no known type\n", encoding="utf-8")
    else:
        source.mkdir()
    result = run(["tasks", str(source)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"Error: no file in {source} could be loaded (Anota reads .csv, " in result.stderr


def test_tasks_of_files_that_all_failed_points_to_their_reasons_not_to_the_types(tmp_path):
    # A .jsonl is a type Anota reads: listing the types after its own reason misled (malformed44, session 42).
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": 5}\n', encoding="utf-8")
    result = run(["tasks", str(source)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"cannot load {source}: no record could be loaded" in result.stderr
    assert result.stderr.strip().endswith(f"Error: no file in {source} could be loaded (each said why above); "
                                          "nothing to print")


def test_tasks_names_the_files_of_a_folder_it_skipped(tmp_path):
    (tmp_path / "post.txt").write_text("A paragraph about the Petrobras results in Rio de Janeiro.\n", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("not read\n", encoding="utf-8")
    result = run(["tasks", str(tmp_path)])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    assert f"skipped {tmp_path / 'notes.xyz'}: " in result.stderr


def test_ctrl_c_exits_130(monkeypatch):
    # Before: click's "Aborted!" and exit code 1. The list streams to stdout
    # (--out is the file that is whole or untouched: tests/test_tasks_cli.py).
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("server.tasks.iter_label_studio_tasks", interrupted)
    result = run(["tasks", str(SEED)])
    assert result.exit_code == 130
    assert result.stdout == "" and result.stderr.strip().splitlines()[-1] == "Interrupted."


@pytest.mark.parametrize(("content", "problem"), [
    (b"\xff\xfe<\x00V\x00", "is not UTF-8 text; give the labeling config XML"),
    (b'{"text": "a task, not a config"}', "is not XML; give the labeling config XML (see `anota label-config`)"),
])
def test_push_refuses_a_label_config_that_is_not_xml_before_anything_else(tmp_path, content, problem):
    # Before: a UnicodeDecodeError traceback; a JSON file went to Label Studio.
    config = tmp_path / "config.xml"
    config.write_bytes(content)
    result = run(["push", "--url", "http://127.0.0.1:1", "--api-key", "x", "--label-config", str(config)])
    assert result.exit_code == 2
    assert f"Error: Invalid value for --label-config: {config} {problem}" in result.stderr


def test_the_command_list_reads_lazy_commands_help_without_importing_them():
    """`anota --help` lists each lazy command from its docstring in the source:
    the same lines as with every command imported, in a process that loaded
    none of the stacks those commands import."""
    heavy = ["server.tasks", "server.push", "server.exporting.command", "flask", "sqlalchemy", "label_studio_sdk"]
    listing, imported = help_in_a_fresh_process(heavy, import_commands_first=False)
    assert imported == []
    assert listing == help_in_a_fresh_process([], import_commands_first=True)[0]
    assert "  export        Export finished labels from INPUT" in listing


def help_in_a_fresh_process(modules: list[str], import_commands_first: bool) -> tuple[str, list[str]]:
    """`anota --help`'s output, and which of ``modules`` it imported."""
    import subprocess
    import sys

    code = ("import json, sys\nfrom server.cli import cli\n"
            "if sys.argv[2] == 'yes':  # as click lists commands it has imported\n"
            "    context = cli.make_context('anota', ['--help'], resilient_parsing=True)\n"
            "    for name in cli.lazy_commands:\n        cli.get_command(context, name)\n"
            "try:\n    cli(['--help'], prog_name='anota')\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(name for name in sys.argv[1].split(',') if name in sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code, ",".join(modules), "yes" if import_commands_first else "no"],
                          capture_output=True, text=True, check=True)
    *listing, imported = done.stdout.splitlines()
    return "\n".join(listing), json.loads(imported)


@pytest.mark.parametrize("command, what", [(["label-config"], "the labeling config"), (["tasks"], "the tasks")])
def test_standard_output_that_cannot_take_a_listing_is_one_error_line(tmp_path, command, what):
    # Before: a traceback (OSError: [Errno 28] No space left on device) and exit 1.
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    post = tmp_path / "post.txt"
    post.write_text("A paragraph about the Petrobras results in Rio de Janeiro.\n", encoding="utf-8")
    arguments = [*command, str(post)] if command == ["tasks"] else command
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH"))))}
    with open("/dev/full", "wb") as full:
        program = "import sys; from server.cli import cli; sys.exit(cli(sys.argv[1:]))"
        done = subprocess.run([sys.executable, "-c", program, *arguments], stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env,
                              timeout=300)
    assert (done.returncode, done.stderr.strip().splitlines()[-1:]) == (
        1, [f"Error: cannot write {what} to standard output: No space left on device"]), done.stderr
    assert "Traceback" not in done.stderr


def test_a_pipe_its_reader_closed_ends_a_listing_quietly(tmp_path):
    # Before: "Error: cannot write the tasks to standard output: Broken pipe" and exit 1 (`anota tasks | head -c 10`).
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    post = tmp_path / "post.txt"
    post.write_text("A paragraph about the Petrobras results in Rio de Janeiro.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH"))))}
    reader, writer = os.pipe()
    os.close(reader)  # closed before the command starts, so its first write meets no reader
    try:
        program = "import sys; from server.cli import cli; sys.exit(cli(sys.argv[1:]))"
        done = subprocess.run([sys.executable, "-c", program, "tasks", str(post)], stdout=writer,
                              stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env, timeout=300)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (141, ""), done.stderr


def test_anota_says_its_version():
    # Before: "No such option: --version".
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("anota 0.") and "anota plugins" in result.output


@pytest.mark.parametrize(("environment", "backend_url"), [
    ({}, "http://127.0.0.1:9090"),
    ({"ANOTA_PORT": "9391"}, "http://127.0.0.1:9391"),
    ({"ANOTA_PORT": "9391", "ANOTA_URL": "http://anota.lan:80"}, "http://anota.lan:80"),
])
def test_push_connects_label_studio_to_the_port_anota_serves_on(monkeypatch, environment, backend_url):
    # Before: a server started with ANOTA_PORT=9391 (`make run`) was registered at 9090 unless ANOTA_URL said otherwise.
    from server.push import push_command

    for name in ("ANOTA_PORT", "ANOTA_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    context = push_command.make_context("push", ["--url", "http://127.0.0.1:8080", "--api-key", "key"])
    assert context.params["backend_url"] == backend_url
