"""Preloading with worker processes: the same tasks as in one process, a loader's or a worker's failure reported, and
no worker left behind, whatever ends the preload."""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from server import preload
from server.analysis import normalise
from server.tasks import excluded_listing, label_studio_tasks, preload_report
from tests.conftest import FIXTURES
from tests.test_preload import TASK_TABLE_INDEXES, task_table_indexes

NO_ANNOTATORS = ["entities", "claims", "sentiment"]


def is_text(path: Path) -> bool:
    try:
        return "\0" not in path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False


PAGES = [page for page in sorted(FIXTURES.glob("*/*.txt")) if is_text(page)]  # 181 pages, 0.3 MB


@pytest.fixture
def worker_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Workers (where PRELOAD_WORKERS is on) for any size of sources, batches of about 10 pages; each run's workers."""
    monkeypatch.setattr(preload, "WORKER_MIN_BYTES", 0)
    monkeypatch.setattr(preload, "BATCH_CHARS", 20_000)
    runs: list[int] = []
    by_workers = preload._prepared_by_workers

    def counted(settings: preload.PreloadSettings, loaded: object, count: int) -> object:
        runs.append(count)
        return by_workers(settings, loaded, count)

    monkeypatch.setattr(preload, "_prepared_by_workers", counted)
    # The suite's earlier apps leave their annotators' idle threads behind (blocked on their pipes), which would turn
    # the workers off here; a child never touches what they hold. ``test_no_workers_while_another_thread_runs`` holds
    # the guard itself.
    monkeypatch.setattr(preload.threading, "active_count", lambda: 1)
    return runs


def copy_pages(folder: Path, marked: str | None = None) -> Path:
    """The corpus pages, the second one with ``marked`` as its last line."""
    folder.mkdir()
    for number, page in enumerate(PAGES):
        text = page.read_text(encoding="utf-8") + (f"\n{marked}\n" if marked and number == 1 else "")
        (folder / f"{page.parent.name}-{page.name}").write_text(text, encoding="utf-8")
    return folder


def listing(app: Flask) -> tuple[list[dict[str, object]], dict[str, object]]:
    """Every task, left out or not, and the listing of what was left out (its report but the time it took)."""
    with app.app_context():
        left_out = excluded_listing(app)
    left_out["report"].pop("seconds")
    return list(label_studio_tasks(app, include_excluded=True)), left_out


def test_workers_make_the_tasks_one_process_makes(
    make_app: Callable[..., Flask], tmp_path: Path, worker_runs: list[int]
) -> None:
    corpus = copy_pages(tmp_path / "pages")
    with_workers = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True,
                            DATABASE_URL=f"sqlite:///{tmp_path}/w.db")
    assert worker_runs == [len(os.sched_getaffinity(0))] and worker_runs[0] > 1
    alone = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=False,
                     DATABASE_URL=f"sqlite:///{tmp_path}/a.db")
    assert worker_runs == [worker_runs[0]]
    assert listing(with_workers) == listing(alone)
    assert len(listing(alone)[0]) > 1000 and len(listing(alone)[1]["excluded"]) > 500
    assert multiprocessing.active_children() == []


@pytest.fixture
def asked_languages(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each text (by its id) has its language asked for (``_BatchLanguages.of_all``)."""
    asked: Counter[str] = Counter()
    languages_of_all = preload._BatchLanguages.of_all

    def counted(languages: preload._BatchLanguages, texts: list[tuple[int, str, int]]) -> Iterator[tuple[int, str]]:
        for _number, text, _words in texts:
            asked[preload.task_id(normalise(text))] += 1
        return languages_of_all(languages, texts)

    monkeypatch.setattr(preload._BatchLanguages, "of_all", counted)
    return asked


def test_in_one_process_no_texts_language_is_identified_twice(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked_languages: Counter[str]
) -> None:
    # Batches of about ten pages: a copy is found in its own batch, or among the tasks kept before it.
    monkeypatch.setattr(preload, "BATCH_CHARS", 20_000)
    app = make_app(SOURCES=[str(copy_pages(tmp_path / "pages"))], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=False)
    report = preload_report(app)
    assert report["excluded"]["duplicate"] > 100 and report["tasks"] > 1000
    assert asked_languages.most_common(1)[0][1] == 1
    excluded = report["excluded"]
    assert len(asked_languages) <= report["tasks"] + excluded["near-duplicate"] + excluded["boilerplate"]


def test_in_one_process_a_near_duplicates_copy_in_a_later_batch_needs_no_language(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked_languages: Counter[str]
) -> None:
    # A page a batch: the near-duplicate and its exact copy come in batches after the one that kept the paragraph.
    monkeypatch.setattr(preload, "BATCH_CHARS", 1)
    paragraph = ("A câmara municipal aprovou ontem o orçamento para o próximo ano, com doze votos a favor e três "
                 "contra, depois de uma reunião que durou mais de quatro horas.")
    near = paragraph.replace("doze", "12")
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, opening, text in (("1.txt", "A sessão começou às dez horas com a leitura da ata anterior.", paragraph),
                                ("2.txt", "Os vereadores da oposição pediram mais tempo para ler as contas.", near),
                                ("3.txt", "O presidente lembrou que o prazo legal termina no fim do mês.", near)):
        (pages / name).write_text(f"{opening}\n\n{text}\n", encoding="utf-8")
    app = make_app(SOURCES=[str(pages)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=False)
    report = preload_report(app)
    assert report["tasks"] == 4 and report["excluded"] == {"near-duplicate": 2}
    assert asked_languages[preload.task_id(normalise(near))] == 1
    assert asked_languages.most_common(1)[0][1] == 1


def test_with_workers_a_loader_that_fails_costs_only_its_file(
    make_app: Callable[..., Flask], tmp_path: Path, worker_runs: list[int]
) -> None:
    corpus = copy_pages(tmp_path / "pages")
    (corpus / "a.boom").write_text("Um texto qualquer com palavras suficientes.", encoding="utf-8")
    app = make_app(PLUGINS=["tests.sample_plugins.failing_loaders"], SOURCES=[str(corpus)],
                   DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True)
    assert worker_runs
    tasks, left_out = listing(app)
    [error] = left_out["errors"]
    assert error["path"] == str(corpus / "a.boom")
    assert error["reason"].startswith("loader 'raises' failed: KeyError: 'no parser for this dialect' (")
    assert len({task["meta"]["source"] for task in tasks}) == len(PAGES)


@pytest.mark.parametrize(("failure", "message"), [
    ("raise", "a preload worker failed:\nTraceback"),
    ("die", re.escape(f"a preload worker ended (exit code {-signal.SIGKILL})")),
])
def test_a_worker_that_fails_fails_the_preload_and_leaves_the_stored_tasks(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker_runs: list[int],
    failure: str, message: str,
) -> None:
    database = f"sqlite:///{tmp_path}/f.db"
    stored = make_app(SOURCES=[str(FIXTURES / "seed")], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True,
                      DATABASE_URL=database)
    before = listing(stored)
    segment = preload.segment

    parent = os.getpid()

    def failing(text: str, *args: object) -> list[tuple[int, int]]:
        if "BREAKS THE WORKER" in text:  # in a worker: forked after the patch
            if failure == "die" and os.getpid() != parent:  # never the test's own process, workers or not
                os.kill(os.getpid(), signal.SIGKILL)
            raise ValueError("a bug in segmentation")
        return segment(text, *args)

    monkeypatch.setattr(preload, "segment", failing)
    corpus = copy_pages(tmp_path / "pages", marked="BREAKS THE WORKER")
    with pytest.raises(RuntimeError, match=message) as raised:
        make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True, DATABASE_URL=database)
    if failure == "raise":
        assert "ValueError: a bug in segmentation" in str(raised.value)
    assert len(worker_runs) == 2  # the seed's run and the failed one
    assert multiprocessing.active_children() == []
    assert listing(stored) == before  # no partial task list: the run's transaction is rolled back
    assert task_table_indexes(stored) == TASK_TABLE_INDEXES  # and with it the indexes' drop (_indexes_built_after)


def test_a_worker_killed_between_two_batches_fails_the_preload_with_its_exit_code(
    make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker_runs: list[int]
) -> None:
    # Killed once its batch is back, the worker is gone when the next batch is sent to it: the send breaks the pipe.
    received = preload._received
    killed: list[int] = []

    def then_killed(pipe: object, worker: multiprocessing.process.BaseProcess) -> object:
        batch = received(pipe, worker)
        if not killed:
            os.kill(worker.pid, signal.SIGKILL)
            worker.join()
            killed.append(worker.exitcode)
        return batch

    monkeypatch.setattr(preload, "_received", then_killed)
    corpus = copy_pages(tmp_path / "pages")
    with pytest.raises(RuntimeError, match=re.escape(f"a preload worker ended (exit code {-signal.SIGKILL});")):
        make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True)
    assert killed == [-signal.SIGKILL] and len(worker_runs) == 1
    assert multiprocessing.active_children() == []


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def running(pid: int) -> bool:
    """Whether the process runs (an orphan that ended may wait for init to reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def large_corpus(folder: Path) -> Path:
    """Pages enough for workers (WORKER_MIN_BYTES), of the corpus' paragraphs with a number changed in each copy."""
    folder.mkdir()
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    for number in range(preload.WORKER_MIN_BYTES // len(text.encode()) + 1):
        (folder / f"page-{number:04d}.txt").write_text(text.replace("2", str(number)), encoding="utf-8")
    return folder


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_stopping_the_command_leaves_no_worker(tmp_path: Path, stop: signal.Signals) -> None:
    corpus = large_corpus(tmp_path / "pages")
    environment = {**os.environ, "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}",
                   "ANOTA_DISABLE_PLUGINS": ",".join(NO_ANNOTATORS), "ANOTA_PRELOAD_WORKERS": "1"}
    command = [str(Path(sys.executable).with_name("anota")), "tasks", str(corpus)]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (workers := children(process.pid)) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert workers, "the preload ended before its workers were seen"
    process.send_signal(stop)
    output, _errors = process.communicate(timeout=60)
    assert process.returncode == (128 + stop if stop == signal.SIGTERM else -stop)
    assert output == b""  # no partial task list
    deadline = time.monotonic() + 10  # a worker of a killed command ends at its next batch
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not [worker for worker in workers if running(worker)]


def test_a_restart_after_workers_does_no_work(
    make_app: Callable[..., Flask], tmp_path: Path, worker_runs: list[int]
) -> None:
    corpus = copy_pages(tmp_path / "pages")
    first = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True)
    report = preload_report(first)
    assert worker_runs and report["files"] == len(PAGES) and report["documents"] == len(PAGES) and report["segments"]
    again = make_app(SOURCES=[str(corpus)], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True)
    assert len(worker_runs) == 1  # unchanged sources: no preload, no workers
    assert preload_report(again)["fingerprint"] == report["fingerprint"]
    assert listing(first) == listing(again)


def test_no_workers_while_another_thread_runs(make_app: Callable[..., Flask], tmp_path: Path) -> None:
    # A forked child would inherit one thread's view of the locks the others hold: one process prepares the batches.
    runs: list[int] = []
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(preload, "WORKER_MIN_BYTES", 0)
    by_workers = preload._prepared_by_workers
    monkeypatch.setattr(preload, "_prepared_by_workers", lambda *args: runs.append(args[2]) or by_workers(*args))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        make_app(SOURCES=[str(FIXTURES / "seed")], DISABLE_PLUGINS=NO_ANNOTATORS, PRELOAD_WORKERS=True)
    finally:
        stop.set()
        other.join()
        monkeypatch.undo()
    assert runs == []
