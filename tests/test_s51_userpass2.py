"""Session 51's plugin writer's walk (bench/HISTORY.md "## s51-userpass2"): a SubRip loader and an IOB2 exporter for
Hugging Face datasets, written from docs/plugin_hooks.md as an installed package. Each test failed before its fix."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from plugins.exporters import ConllExporter, TokenizingExporter
from server.cli import cli
from server.exporting.converting import Settings
from server.exporting.examples import SplitFiles
from server.exporting.running import run_export
from server.exporting.sources import file_source
from server.tasks import label_studio_tasks, preload_report
from tests.test_preload import assert_left_out

NO_ANNOTATORS = ["entities", "claims", "sentiment"]


class HuggingFaceIob2(TokenizingExporter):
    """The walk's exporter, as a plugin writes it: one JSON line an example, its tokens and IOB2 tags."""

    name = "hf-iob2"
    description = "IOB2 JSON Lines for Hugging Face datasets"

    def write(self, examples, folder, report):  # noqa: ANN001, ANN201 (as the docs' examples are written)
        with SplitFiles(folder, ".jsonl") as files:
            for example in examples:
                for part in self.parts(example, report):
                    tokens, tags = self.tokens_and_tags(part, report)
                    files(example.split).write(json.dumps({"tokens": tokens, "ner_tags": tags}) + "\n")


def label_studio_export(path: Path, text: str, spans: list[tuple[int, int, str]]) -> Path:
    result = [{"id": f"r{number}", "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}
              for number, (start, end, label) in enumerate(spans)]
    path.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [
        {"id": 10, "completed_by": 1, "result": result, "was_cancelled": False}]}]), encoding="utf-8")
    return path


def test_a_token_format_plugin_gets_the_tokens_and_tags_conll_writes(tmp_path: Path) -> None:
    # Before: docs/plugin_hooks.md named TokenizingExporter's trim and parts, but no way to the tokens; the walk's
    # exporter found ConllExporter.tokens_and_tags by reading plugins/exporters.py (on TokenizingExporter now).
    text = "Ana mora em Lisboa. O Banco Central subiu os juros."
    source = label_studio_export(tmp_path / "export.json", text, [(0, 3, "PER"), (12, 19, "LOC"), (22, 35, "ORG")])
    report = run_export(file_source(source), HuggingFaceIob2(["pt", "en"]), tmp_path / "out", Settings())
    [line] = (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    written = json.loads(line)
    assert written["tokens"][:5] == ["Ana", "mora", "em", "Lisboa", "."]  # as the docs show them
    assert written["ner_tags"][:5] == ["B-PER", "O", "O", "B-LOC", "O"]
    assert written["ner_tags"][6:8] == ["B-ORG", "I-ORG"]
    assert report.as_dict()["details"]["entity spans trimmed of punctuation or whitespace at their edges"] == [
        "task 1: LOC [12, 19) 'Lisboa.' -> [12, 18) 'Lisboa'"]  # the same repair as the built-ins, reported
    conll = tmp_path / "conll"
    run_export(file_source(source), ConllExporter(["pt", "en"]), conll, Settings())
    rows = [row.split(" -X- _ ") for row in (conll / "train.conll").read_text(encoding="utf-8").splitlines()[2:] if row]
    assert rows == [list(pair) for pair in zip(written["tokens"], written["ner_tags"])]


@pytest.fixture
def set_data_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "set_data_plugin.py").write_text(
        "from server import hookimpl\nfrom server.sources import Document, Loader\n\n\n"
        "class SetData(Loader):\n    name = 'setdata'\n    suffixes = ('.setdata',)\n\n"
        "    def load(self, path, source):\n"
        "        yield Document(f'{source}#1', 'Uma frase de legenda com timing.', {'cues': {1, 2}})\n\n\n"
        "@hookimpl\ndef register_loaders(register):\n    register(SetData())\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return "set_data_plugin"


def test_a_document_whose_data_is_not_json_costs_its_file_not_the_preload(
        make_app: Callable[..., Flask], tmp_path: Path, set_data_plugin: str) -> None:
    # Before: TypeError: Object of type set is not JSON serializable, raised in the batch's cleaning: the whole
    # preload stopped (anota tasks printed a traceback), every other file's tasks lost with it.
    (tmp_path / "film.setdata").write_text("anything", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("O Banco Central manteve a taxa de juros.\n", encoding="utf-8")
    app = make_app(PLUGINS=[set_data_plugin], DISABLE_PLUGINS=NO_ANNOTATORS,
                   SOURCES=[str(tmp_path / "film.setdata"), str(tmp_path / "notes.txt")])
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == ["O Banco Central manteve a taxa de juros."]
    [error] = preload_report(app)["errors"]
    assert error["path"].endswith("film.setdata")
    assert error["reason"].startswith("loader 'setdata' failed: a Document's data must be JSON (it goes into its "
                                      "tasks' data): Object of type set is not JSON serializable in {'cues': {1, 2}}")


def test_anota_tasks_names_the_plugins_that_failed_to_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: "cannot load film.srt: no loader for .srt", then "no file in film.srt could be loaded (Anota reads
    # .csv, ...)": the subtitle plugin's import error was far above, among the start's log lines; `anota export
    # --format` named the plugins that failed to load, `anota tasks` did not.
    (tmp_path / "broken_subtitles.py").write_text("from server.sources import read_txt\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "film.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nBoa noite.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(tmp_path / "film.srt")], env={
        "ANOTA_PLUGINS": "broken_subtitles", "ANOTA_DISABLE_PLUGINS": ",".join(NO_ANNOTATORS),
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}"})
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith(
        "; plugins that failed to load: broken_subtitles (import) (each said why above; anota plugins)); "
        "nothing to print")


def test_the_documented_loader_keeps_the_offsets_contract(make_app: Callable[..., Flask], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the docs' SubRip example joined a file's speech lines anew into one document of the whole file, and
    # the docs said nothing of what meta.source, meta.start and meta.end then count in, nor of Document.data.
    docs = (Path(__file__).resolve().parent.parent / "docs" / "plugin_hooks.md").read_text(encoding="utf-8")
    [code] = [code for code in re.findall(r"```python\n(.*?)```", docs, re.S) if "def register_loaders" in code]
    (tmp_path / "documented_subtitles.py").write_text(code, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    film = tmp_path / "film.srt"
    film.write_bytes("1\r\n00:00:01,000 --> 00:00:03,000\r\nO Banco Central manteve a taxa de juros.\r\n\r\n"
                     "2\r\nUma fala sem tempo marcado.\r\n\r\n"
                     "3\r\n00:00:04,000 --> 00:00:06,000\r\nThe Bank of England kept its rate.\r\n".encode())
    app = make_app(PLUGINS=["documented_subtitles"], STRICT_PLUGINS="1", DISABLE_PLUGINS=NO_ANNOTATORS,
                   SOURCES=[str(film)])
    tasks = label_studio_tasks(app)
    assert [(task["meta"]["source"], task["data"]["timing"]) for task in tasks] == [
        ("film.srt#1", "00:00:01,000 --> 00:00:03,000"), ("film.srt#3", "00:00:04,000 --> 00:00:06,000")]
    assert [task["data"]["language"] for task in tasks] == ["pt", "en"]
    text = film.read_text(encoding="utf-8")
    for task in tasks:  # each cue's speech a slice of the file: the task found in it at the cue's offsets
        cue = text.index(task["data"]["text"])
        assert text[cue + task["meta"]["start"]:cue + task["meta"]["end"]] == task["data"]["text"]
    [error] = preload_report(app)["errors"]
    assert error == {"path": f"{film}#2", "reason": "a cue without its timing line"}


def test_a_misspelt_hook_names_the_hook_meant_and_the_writers_line(make_app: Callable[..., Flask]) -> None:
    # Before: "PluginValidationError: unknown hook 'register_annotator' in plugin <module ...> (.../pluggy/
    # _manager.py, line 492)": pluggy's file and line, and no hook to compare the name with.
    listing = make_app(PLUGINS=["tests.sample_plugins.misspelt"], PRELOAD=False).test_client().get("/plugins").json
    [error] = listing["load_errors"]
    sample = Path(__file__).parent / "sample_plugins" / "misspelt.py"
    assert error["error"] == (
        "MisspeltHook: @hookimpl 'register_annotator' is no hook of Anota's: did you mean 'register_annotators'? "
        "(the hooks: annotation_changed, register_annotators, register_exporters, register_loaders) "
        f"({sample}, line 6)")


def test_the_tag_notes_name_the_plugins_format_not_conll(tmp_path: Path) -> None:
    # Before: tokens_and_tags noted "labels with whitespace written with '_' in CoNLL tags" in an hf-iob2 export.
    text = "A multa foi de R$ 300 mil."
    source = label_studio_export(tmp_path / "export.json", text, [(15, 25, "Valor monetário"), (0, 7, "B-Coisa")])
    notes = run_export(file_source(source), HuggingFaceIob2(["pt"]), tmp_path / "out", Settings()).as_dict()["details"]
    assert notes["labels with whitespace written with '_' in hf-iob2 tags"] == [
        "task 1: 'Valor monetário' -> 'Valor_monetário'"]
    assert notes["labels that start like an IOB tag (B-, I-...) written behind the tag's prefix in hf-iob2"] == [
        "task 1: 'B-Coisa' -> 'B-B-Coisa'"]
    conll = run_export(file_source(source), ConllExporter(["pt"]), tmp_path / "conll", Settings()).as_dict()
    assert "labels with whitespace written with '_' in CoNLL tags" in conll["details"]  # conll's words unchanged


# A subtitle's or transcript's sound cue (the walk's SubRip files: "[Música]" was left out as "a text e-mail's
# button"): left out as before, said as what it is; a button's text in brackets stays a button.
@pytest.mark.parametrize("line", ["[Música]", "[Applause]", "[risos]", "[música de fundo]"])
def test_a_sound_cue_alone_in_brackets_is_said_a_sound_cue(line: str) -> None:
    assert_left_out(line, "boilerplate", "a transcript's sound cue alone in brackets (no speech)")


@pytest.mark.parametrize("line", ["[Donate to the PTA]", "[Confirme sua presença]", "[Musicals near you]"])
def test_a_buttons_text_in_brackets_is_no_sound_cue(line: str) -> None:
    assert_left_out(line, "boilerplate", "button or link label: its text alone in brackets")
