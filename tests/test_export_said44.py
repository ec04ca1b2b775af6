"""Session 43's export faults (exportsplit44): the summary and report.json say how the spans repaired were
repaired, by kind with counts; and without a labeling config a task that holds another string says its
``meta.field`` (a later task may label that string: the export streams, and a first line written without it
stayed so)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin

from server.cli import cli
from server.exporting.placing import MOVED_CRLF, MOVED_ONLY_OCCURRENCE, MOVED_UTF16, WIDENED

PROBE43 = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe43"


def export(tmp_path: Path, tasks: list[dict[str, Any]] | Path, fmt: str = "jsonl", *options: str
           ) -> tuple[str, Path]:
    if isinstance(tasks, Path):
        given = tasks
    else:
        given = tmp_path / "export.json"
        given.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"out-{fmt}"
    result = CliRunner().invoke(cli, ["export", str(given), "--format", fmt, "--out", str(out), "--language", "pt",
                                      *options])
    assert result.exit_code == 0, result.output
    return result.output, out


def span(start: int, end: int, text: str, label: str = "ORG", to_name: str = "text") -> dict[str, Any]:
    return {"id": f"r{start}", "from_name": "label", "to_name": to_name, "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def task(task_id: int, data: dict[str, str], *regions: dict[str, Any]) -> dict[str, Any]:
    return {"id": task_id, "data": data, "annotations": [
        {"id": task_id, "result": list(regions), "was_cancelled": False, "ground_truth": False,
         "created_at": "2026-12-01T00:00:00Z", "updated_at": "2026-12-01T00:00:00Z"}]}


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def lines_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


REPAIRED = [
    # Offsets counted in UTF-16 units: the emoji before "Meta" counts two.
    task(1, {"text": "Olá 😀 a Meta e a Qwen."}, span(9, 13, "Meta"), span(18, 22, "Qwen")),
    # Offsets beyond the text: its quote occurs once.
    task(2, {"text": "A Petrobras e a Vale."}, span(40, 44, "Vale")),
    # Offsets counted with \r\n as one character.
    task(3, {"text": "Linha um\r\nA Meta."}, span(11, 15, "Meta")),
    # A span that ends between a letter and its combining mark (José decomposed).
    task(4, {"text": "O Jose\u0301 saiu."}, span(2, 6, "Jose", "PER")),
]


def test_the_summary_and_the_report_say_how_spans_were_repaired(tmp_path: Path) -> None:
    """Before: ``repaired: spans repaired: 5``, how only in each detail (exportprobe43's blind
    ``long_text_emoji_crlf``)."""
    output, out = export(tmp_path, REPAIRED)
    hows = {MOVED_UTF16: 2, MOVED_ONLY_OCCURRENCE: 1, MOVED_CRLF: 1, WIDENED: 1}
    report = report_of(out)
    assert report["repaired"] == {"spans repaired": 5}  # the kind and its count as before
    assert report["repaired_how"] == {"spans repaired": hows}
    # The most first, then by name.
    said = (f"spans repaired: 5 (2 {MOVED_UTF16}; 1 {MOVED_ONLY_OCCURRENCE}; 1 {MOVED_CRLF}; "
            f"1 {WIDENED})")
    assert f"repaired: {said}" in output.splitlines()
    assert f"- repaired: {said}" in (out / "README.md").read_text(encoding="utf-8").splitlines()
    assert [[(s["start"], s["end"]) for s in example["spans"]] for example in lines_of(out)] == [
        [(8, 12), (17, 21)], [(16, 20)], [(12, 16)], [(2, 7)]]


def test_a_span_moved_then_widened_says_both(tmp_path: Path) -> None:
    text = "😀 O Jose\u0301 saiu."
    _output, out = export(tmp_path, [task(1, {"text": text}, span(5, 9, "Jose", "PER"))])
    assert report_of(out)["repaired_how"] == {"spans repaired": {f"{MOVED_UTF16}, and {WIDENED}": 1}}
    assert lines_of(out)[0]["spans"][0]["text"] == "Jose\u0301"


def test_an_export_without_repairs_has_no_repaired_how(tmp_path: Path) -> None:
    _output, out = export(tmp_path, [task(1, {"text": "A Meta."}, span(2, 6, "Meta"))])
    assert "repaired_how" not in report_of(out)


def test_without_a_config_a_task_holding_another_string_names_its_field(tmp_path: Path) -> None:
    """exportprobe43's blind ``no_config_uneven_texts``: task 1's spans are all on ``text``, task 2 labels
    ``summary``; task 1's line had no ``meta.field`` (written before task 2 was read)."""
    _output, out = export(tmp_path, PROBE43 / "blind" / "no_config_uneven_texts" / "export.json")
    assert [(line["meta"]["task_id"], line["meta"]["field"]) for line in lines_of(out)] == [
        (1, "text"), (2, "text"), (2, "summary"), (3, "text"), (3, "summary")]


def test_the_field_named_is_the_one_the_labels_point_to_never_an_unlabelled_string(tmp_path: Path) -> None:
    """Without a config, an ``answer`` beside the text that no task labels is context: each line names the
    field its spans are drawn on (``text``: the key to read the text back from in the source data), in
    every format, whatever the data's order; ``answer`` is neither named nor exported as a text. A span
    whose ``to_name`` says ``answer`` but whose quote is the text's is the text's (speed45, item 4)."""
    tasks = [task(1, {"text": "A Meta e a Vale.", "answer": "Sim, a Meta."}, span(2, 6, "Meta"), span(11, 15, "Vale")),
             task(2, {"answer": "Não.", "text": "A TIM."}, span(2, 5, "TIM")),
             task(3, {"text": "A Vivo.", "answer": "Talvez."}, span(2, 6, "Vivo", to_name="answer"))]
    _output, out = export(tmp_path, tasks)
    assert [(line["meta"]["task_id"], line["meta"]["field"], line["text"]) for line in lines_of(out)] == [
        (1, "text", "A Meta e a Vale."), (2, "text", "A TIM."), (3, "text", "A Vivo.")]
    _output, rows = export(tmp_path, tasks, "csv")
    with (rows / "train.spans.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["field"] for row in csv.DictReader(handle)} == {"text"}
    _output, docs = export(tmp_path, tasks, "spacy")
    nlp = spacy.blank("pt")
    assert [doc.user_data["field"] for doc in DocBin().from_disk(docs / "train.spacy").get_docs(nlp.vocab)] == [
        "text"] * 3


def test_a_question_beside_a_labelled_answer_names_the_answer(tmp_path: Path) -> None:
    """exportprobe43's blind ``no_config_question_answer`` (no ``text`` key; a question no task labels, the answer
    labelled): each line is the answer's, naming ``answer``, the field its labels point to; the question is
    context. Its truth (written in session 42, before the export named the field of every task holding another
    string) wants no ``meta.field``: session 44 judged the field the labels point to what a dataset builder
    reads the text back by, and kept it."""
    _output, out = export(tmp_path, PROBE43 / "blind" / "no_config_question_answer" / "export.json")
    assert [(line["meta"]["field"], line["text"][:8]) for line in lines_of(out)] == [
        ("answer", "A Natura"), ("answer", "A Vale t")]


def test_a_task_of_one_text_keeps_its_line(tmp_path: Path) -> None:
    """Data of one string (Anota's id and language hint apart), or another key that holds no string: no field,
    the line as before; with --text-key, the one text chosen, none either."""
    tasks = [task(1, {"text": "A Meta.", "anota_id": "a1", "language": "pt"}, span(2, 6, "Meta")),
             task(2, {"text": "A Vale.", "rank": 3}, span(2, 6, "Vale")),
             task(3, {"text": "A TIM.", "title": "TIM"}, span(2, 5, "TIM"))]
    _output, out = export(tmp_path, tasks)
    assert [line["meta"].get("field") for line in lines_of(out)] == [None, None, "text"]
    (tmp_path / "key").mkdir()
    _output, chosen = export(tmp_path / "key", tasks, "jsonl", "--text-key", "text")
    assert all("field" not in line["meta"] for line in lines_of(chosen))


def test_a_late_second_text_has_its_field_from_the_first_row_in_csv_and_spacy(tmp_path: Path) -> None:
    given = PROBE43 / "studied" / "late_second_text" / "export.json"
    _output, out = export(tmp_path, given, "csv")
    with (out / "train.spans.csv").open(encoding="utf-8", newline="") as rows:
        assert [(row["task_id"], row["field"]) for row in csv.DictReader(rows)] == [
            ("1", "text"), ("2", "resumo"), ("3", "text"), ("3", "resumo")]
    _output, out = export(tmp_path, given, "spacy")
    docs = list(DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("pt").vocab))
    # Task 2's spans are all on the summary: its main text is an example without spans (an earlier task's were).
    assert [doc.user_data["field"] for doc in docs] == ["text", "text", "resumo", "text", "resumo"]
