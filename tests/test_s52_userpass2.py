"""Session 52's plugin writer's walk (bench/HISTORY.md "## s52-userpass2"), s51-userpass2's leftovers: a loader
chooses its documents' task unit (``Loader.unit``, ``Document.unit``), tried with a loader package installed as a
plugin writer installs one (a distribution with an ``anota`` entry point on the path), in one process and with the
preload's worker processes; and ``note_not_tagged`` names the format that calls it. Each test failed before its fix."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from plugins.exporters import CHOICES_NOT_IN_CONLL, CLAIMS_NOT_IN_CONLL, ConllExporter, note_not_tagged
from server import preload
from server.app import get_state
from server.exporting.converting import Settings
from server.exporting.running import run_export
from server.exporting.sources import file_source
from server.preload import PreloadSettings
from server.tasks import label_studio_tasks, preload_report
from tests.test_s51_userpass2 import HuggingFaceIob2, label_studio_export

NO_ANNOTATORS = ["entities", "claims", "sentiment"]

# The package as its writer has it: a SubRip loader whose cue is one task (its lines are one utterance, broken for the
# screen), but a dialogue's cue (each line a speaker's, opening with a dash) a task a line; a cue without speech is
# left out.
CUES_PACKAGE = '''\
import re

from server import hookimpl
from server.sources import Document, LeftOut, Loader, LoaderError, read_text

CUE = re.compile(r"^(\\d+)\\r?\\n(.*)\\n((?:[^\\S\\n]*\\S.*(?:\\n|$))*)", re.M)


class SubtitleLoader(Loader):
    name = "cues"
    suffixes = (".srt",)
    unit = "document"  # a cue's lines are one utterance, broken for the screen

    def load(self, path, source):
        text = read_text(path)
        cues = list(CUE.finditer(text))
        if not cues:
            raise LoaderError("no SubRip cue")
        for cue in cues:
            speech = cue[3].rstrip("\\r\\n")
            if not speech.strip():
                yield LeftOut(cue[1], "a cue without speech")
                continue
            dialogue = speech.lstrip().startswith("-")
            yield Document(f"{source}#{cue[1]}", speech, {"timing": cue[2].strip()},
                           unit="paragraph" if dialogue else None)


@hookimpl
def register_loaders(register):
    register(SubtitleLoader())
'''

FILM = ("1\r\n00:00:01,000 --> 00:00:04,000\r\nEu avisei-te ontem\r\nque o comboio partia cedo.\r\n\r\n"
        "2\r\n00:00:05,000 --> 00:00:08,000\r\n- Onde estiveste?\r\n- Em Lisboa, com a minha irmã.\r\n\r\n"
        "3\r\n00:00:09,000 --> 00:00:12,000\r\nWe need to leave now.\r\nThe storm is coming.\r\n")
# Under the default paragraph each cue's two lines were two tasks: "Eu avisei-te ontem" alone, a sentence cut.
CUE_ONE = "Eu avisei-te ontem\r\nque o comboio partia cedo."
CUE_THREE = "We need to leave now.\r\nThe storm is coming."
DIALOGUE = ["Onde estiveste?", "Em Lisboa, com a minha irmã."]  # the dashes are no part of what each says
# A plain text file beside the subtitles: its loader (the built-in) chooses no unit, so the setting cuts it.
NOTES = "A reunião do conselho durou três horas e terminou sem acordo.\nO orçamento volta a votos na próxima semana.\n"


def install(folder: Path, name: str, code: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The package ``name`` installed in ``folder`` as pip installs one: the module, and its distribution's metadata
    with an entry point in group ``anota`` (read from the path, as Anota reads every installed plugin's)."""
    (folder / f"{name}.py").write_text(code, encoding="utf-8")
    info = folder / f"{name}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[anota]\n{name} = {name}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    importlib.invalidate_caches()
    return name


@pytest.fixture
def cues_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The cues package installed, and the sources: a film's subtitles and a text file of notes."""
    (tmp_path / "site").mkdir()
    install(tmp_path / "site", "anota_cues", CUES_PACKAGE, monkeypatch)
    film, notes = tmp_path / "film.srt", tmp_path / "notes.txt"
    film.write_bytes(FILM.encode())
    notes.write_text(NOTES, encoding="utf-8")
    return [str(film), str(notes)]


def preloaded_tasks(app: Flask, sources: list[str]) -> list[tuple[str, str, int, int]]:
    """Each task's source, text and offsets; and each holds the offsets contract, counted in its document."""
    film = Path(sources[0]).read_bytes().decode()
    tasks = label_studio_tasks(app)
    for task in tasks:
        meta, text = task["meta"], task["data"]["text"]
        document = NOTES if meta["source"] == "notes.txt" else film[film.index(text) - meta["start"]:]
        assert document[meta["start"]:meta["end"]] == text
    return [(task["meta"]["source"], task["data"]["text"], task["meta"]["start"], task["meta"]["end"])
            for task in tasks]


SECOND_LINE = len("- Onde estiveste?\r\n- ")
NOTES_LINES = NOTES.splitlines()
EXPECTED = [("film.srt#1", CUE_ONE, 0, len(CUE_ONE)),
            ("film.srt#2", DIALOGUE[0], 2, 2 + len(DIALOGUE[0])),
            ("film.srt#2", DIALOGUE[1], SECOND_LINE, SECOND_LINE + len(DIALOGUE[1])),
            ("film.srt#3", CUE_THREE, 0, len(CUE_THREE)),
            ("notes.txt", NOTES_LINES[0], 0, len(NOTES_LINES[0])),
            ("notes.txt", NOTES_LINES[1], len(NOTES_LINES[0]) + 1, len(NOTES) - 1)]


def test_a_loader_chooses_its_documents_task_unit(make_app: Callable[..., Flask], cues_sources: list[str]) -> None:
    # Before: a cue of two lines was two tasks (under the default paragraph), and ANOTA_TASK_UNIT=document, the only
    # way out, made the notes file one task too; a Document had no unit to choose.
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, STRICT_PLUGINS="1", SOURCES=cues_sources)
    assert "anota_cues" in get_state(app).plugins.names()  # found through its entry point, as installed
    assert preloaded_tasks(app, cues_sources) == EXPECTED
    tasks = label_studio_tasks(app)
    assert [task["data"]["timing"] for task in tasks[:4]] == [
        "00:00:01,000 --> 00:00:04,000", "00:00:05,000 --> 00:00:08,000", "00:00:05,000 --> 00:00:08,000",
        "00:00:09,000 --> 00:00:12,000"]
    assert [task["data"]["language"] for task in tasks] == ["pt", "pt", "pt", "en", "pt", "pt"]
    # The setting still cuts what chooses nothing: the notes file as sentences, the cues as their loader chose.
    sentences = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, SOURCES=cues_sources, TASK_UNIT="sentence",
                         DATABASE_URL=f"sqlite:///{Path(cues_sources[0]).parent / 'sentences.db'}")
    assert [text for _source, text, _start, _end in preloaded_tasks(sentences, cues_sources)][:4] == [
        CUE_ONE, *DIALOGUE, CUE_THREE]


def test_the_preloads_workers_cut_each_document_into_its_loaders_unit(
        make_app: Callable[..., Flask], cues_sources: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The unit travels with each loaded document to the forked workers that segment it (a batch a document here).
    monkeypatch.setattr(preload, "WORKER_MIN_BYTES", 0)
    monkeypatch.setattr(preload, "BATCH_CHARS", 1)
    monkeypatch.setattr(preload.threading, "active_count", lambda: 1)  # the suite's idle threads (test_preload_workers)
    runs: list[int] = []
    by_workers = preload._prepared_by_workers

    def counted(settings: PreloadSettings, loaded: object, count: int) -> object:
        runs.append(count)
        return by_workers(settings, loaded, count)

    monkeypatch.setattr(preload, "_prepared_by_workers", counted)
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, STRICT_PLUGINS="1", SOURCES=cues_sources, PRELOAD_WORKERS=True)
    assert runs and runs[0] >= 2
    assert preloaded_tasks(app, cues_sources) == EXPECTED


def test_a_loaders_unit_is_in_the_preloads_settings(make_app: Callable[..., Flask], cues_sources: list[str]) -> None:
    # Another unit cuts the stored files anew; a loader choosing none is named as before (built-ins: no reload).
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD=False)
    loaders = [loader for _plugin, loader in get_state(app).loaders]
    described = PreloadSettings.from_app(app, loaders).loaders
    assert any(entry.startswith("anota_cues.SubtitleLoader:1:document@") for entry in described)  # s53: its code too
    assert all(entry.count(":") == 1 and "@" not in entry for entry in described if entry.startswith("plugins."))


BAD_UNITS = {
    "loader": CUES_PACKAGE.replace('unit = "document"', 'unit = "cue"'),
    "document": CUES_PACKAGE.replace('unit="paragraph" if dialogue else None', 'unit="line"'),
}


@pytest.mark.parametrize("where", sorted(BAD_UNITS))
def test_a_unit_anota_has_not_is_said_where_it_was_chosen(
        make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    # A loader's unit is checked at its registration (else every file of it would fail), a document's costs its file.
    (tmp_path / "site").mkdir()
    install(tmp_path / "site", f"bad_{where}_unit", BAD_UNITS[where], monkeypatch)
    film = tmp_path / "film.srt"
    film.write_bytes(FILM.encode())
    app = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, SOURCES=[str(film)])
    if where == "loader":
        [error] = get_state(app).plugins.load_errors
        assert (error.plugin, error.stage) == ("bad_loader_unit", "register_loaders")
        assert error.error == ("ValueError: loader 'cues': unit must be one of document, paragraph, sentence (or None: "
                               "ANOTA_TASK_UNIT's), not 'cue'")
        return
    [error] = preload_report(app)["errors"]
    assert error == {"path": str(film), "reason": "loader 'cues' failed: a Document's unit must be one of document, "
                                                  "paragraph, sentence (or None: its loader's), not 'line'"}
    assert label_studio_tasks(app) == []


def test_the_not_tagged_notes_name_the_format_that_calls_them(tmp_path: Path) -> None:
    # Before: note_not_tagged said "CoNLL holds tokens ..." and "CoNLL tags entities only" whatever the format, so an
    # exporter plugin of another token format could not reuse it (s51-userpass2's hf-iob2 counted choices itself).
    class TaggingIob2(HuggingFaceIob2):
        def write(self, examples, folder, report):  # noqa: ANN001, ANN201 (as the docs' examples are written)
            def noted(examples):  # noqa: ANN001, ANN202
                for example in examples:
                    note_not_tagged(example, report, self.name)
                    yield example
            super().write(noted(examples), folder, report)

    text = "O Banco Central manteve a taxa de juros."
    source = label_studio_export(tmp_path / "export.json", text, [(2, 15, "ORG")])
    tasks = json.loads(source.read_text(encoding="utf-8"))
    tasks[0]["annotations"][0]["result"] += [
        {"id": "c", "from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["neutral"]}},
        {"id": "k", "from_name": "claim", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 40, "text": text, "labels": ["CLAIM"]}}]
    source.write_text(json.dumps(tasks), encoding="utf-8")
    notes = run_export(file_source(source), TaggingIob2(["pt"]), tmp_path / "out", Settings()).as_dict()
    conll = run_export(file_source(source), ConllExporter(["pt"]), tmp_path / "conll", Settings()).as_dict()
    assert conll["format_notes"] == {CHOICES_NOT_IN_CONLL: 1, CLAIMS_NOT_IN_CONLL: 1}  # conll's words unchanged
    assert notes["format_notes"] == {
        "choices not written: hf-iob2 holds tokens and their entity tags (jsonl, csv and spacy's doc.cats hold them; "
        "the choice counts of the card and report.json are the tasks')": 1,
        "claim spans not written: hf-iob2 tags entities only (jsonl, csv and spacy's doc.spans hold them)": 1}
    assert CHOICES_NOT_IN_CONLL.startswith("choices not written: CoNLL holds tokens and their entity tags")
