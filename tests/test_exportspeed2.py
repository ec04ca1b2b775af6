"""Export fixes of the exportspeed2 session: the report's agreement keys in
a stable order, target-storage files of both formats for one task joined,
and a pipe read as it comes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from server.exporting.examples import Labels
from server.exporting.report import Agreement
from server.exporting.sources import file_source
from tests.test_export_gaps import JOINED, export, folders  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "fixtures" / "exports" / "export_JSON.json"
CONTROLS = [f"topic_{letter}" for letter in "qwertyuiopasdfghjklz"]


def test_agreement_on_several_choice_controls_is_reported_by_control_name() -> None:
    agreement = Agreement()
    agreement.add_task([Labels(choices={name: ("yes",) for name in CONTROLS}),
                        Labels(choices={name: ("no",) for name in reversed(CONTROLS)})])
    assert list(agreement.as_dict()["choices"]) == sorted(CONTROLS)


def test_report_json_is_the_same_under_any_string_hashing(tmp_path: Path) -> None:
    """The controls were gathered in a set, whose order follows each run's string hashes."""
    task = json.loads(EXPORT.read_text(encoding="utf-8"))[0]
    base = task["annotations"][0]
    task["annotations"] = [dict(base, id=number, completed_by=number, result=[
        {"from_name": name, "to_name": "text", "type": "choices", "value": {"choices": [answer]}}
        for name in CONTROLS]) for number, answer in ((1, "yes"), (2, "no"))]
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    reports = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        finished = subprocess.run([sys.executable, "-c", "import sys; from server.cli import cli; sys.exit(cli())",
                                   "export", str(path), "--format", "jsonl", "--out", str(out), "--quiet"],
                                  capture_output=True, env=environment, cwd=ROOT, check=False, timeout=120)
        assert finished.returncode == 0, finished.stderr
        reports.append((out / "report.json").read_text(encoding="utf-8").replace(str(out), "OUT"))
    assert reports[0] == reports[1]
    assert list(json.loads(reports[0])["agreement"]["choices"]) == sorted(CONTROLS)


def test_a_task_in_both_target_storage_formats_is_joined(tmp_path: Path, folders: Path) -> None:  # noqa: F811
    """Task 1's object (new format) holds annotator 1's annotation; annotator 2's is a legacy file."""
    mixed = tmp_path / "storage"
    mixed.mkdir()
    task = json.loads((folders / "target_storage_tasks" / "1.json").read_text(encoding="utf-8"))
    task["annotations"] = task["annotations"][:1]
    (mixed / "1.json").write_text(json.dumps(task), encoding="utf-8")
    for name in ("2", "3"):  # annotator 2's annotation of task 1; task 2's only annotation
        (mixed / name).write_bytes((folders / "target_storage_legacy" / name).read_bytes())
    report = export(mixed, tmp_path / "out", "--policy", "all")
    lines = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(line["meta"]["task_id"], line["meta"]["annotators"]) for line in lines] == [(1, ["1"]), (1, ["2"]),
                                                                                        (2, ["1"])]
    assert report["tasks_read"] == 2
    assert report["details"][JOINED] == ["task 1: files 1.json, 2", "task 2: file 3"]
    assert report["format_notes"] == {JOINED: 2}


def test_a_legacy_file_before_its_task_object_is_joined_into_it(tmp_path: Path, folders: Path) -> None:  # noqa: F811
    mixed = tmp_path / "storage"
    mixed.mkdir()
    task = json.loads((folders / "target_storage_tasks" / "1.json").read_text(encoding="utf-8"))
    task["annotations"] = task["annotations"][1:]  # annotator 2's; annotator 1's is legacy file 1, read first
    (mixed / "9.json").write_text(json.dumps(task), encoding="utf-8")
    (mixed / "1").write_bytes((folders / "target_storage_legacy" / "1").read_bytes())
    report = export(mixed, tmp_path / "out", "--policy", "all")
    lines = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(line["meta"]["annotators"][0] for line in lines) == ["1", "2"]
    assert report["tasks_read"] == 1 and report["details"][JOINED] == ["task 1: files 9.json, 1"]


def test_a_pipe_is_read_as_it_comes(tmp_path: Path) -> None:
    """The first tasks come while the writer still holds the rest (before, the
    whole pipe was copied first, and the progress bar waited for its end)."""
    task = json.loads(EXPORT.read_text(encoding="utf-8"))[0]
    lines = [json.dumps(dict(task, id=number), ensure_ascii=False) for number in range(1, 301)]
    content = ("[\n" + ",\n".join(lines) + "\n]\n").encode()
    fifo = tmp_path / "export.fifo"
    os.mkfifo(fifo)
    rest_wanted, written_all = threading.Event(), threading.Event()

    def write() -> None:
        with fifo.open("wb") as pipe:
            half = len(content) // 2
            pipe.write(content[:half])
            pipe.flush()
            rest_wanted.wait(timeout=10)
            pipe.write(content[half:])
        written_all.set()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    spool = tmp_path / "spool"
    spool.mkdir()
    tasks = iter(file_source(fifo, spool=lambda: spool).tasks(lambda _n: None))
    first = next(tasks)
    came_before_the_end = not written_all.is_set()
    rest_wanted.set()
    ids = [first[1].id] + [raw.id for _location, raw in tasks]
    writer.join(timeout=10)
    assert came_before_the_end
    assert ids == list(range(1, 301))
    assert (spool / "input.json").read_bytes() == content
