"""s47-export (issue 5): one annotator, one vote under ``majority``; whole-sentence
spans keep their final stop in every format; hostile inputs of
``fixtures/malformed47`` (its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from server.exporting.converting import FOLDED_VOTES
from tests.test_export_probe3 import run_cli

TEXT = "A Petrobras e a Vale anunciaram lucros em Lisboa."


def span(start: int, end: int, label: str, number: int = 0, text: str = TEXT) -> dict[str, Any]:
    return {"id": f"r{number}-{start}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def choice(value: str) -> dict[str, Any]:
    return {"id": "c", "from_name": "sentiment", "to_name": "text", "type": "choices",
            "value": {"choices": [value]}}


def annotation(number: int, user: int, updated_at: str, result: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": number, "completed_by": user, "was_cancelled": False, "ground_truth": False,
            "created_at": updated_at, "updated_at": updated_at, "result": result}


def export(tmp_path: Path, tasks: list[dict[str, Any]], fmt: str = "jsonl", *extra: str
           ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(path, fmt, out, "--quiet", "--language", "pt", *extra)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    lines = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
             ] if fmt == "jsonl" else []
    return lines, report


# -------------------------------------------------------------------------
# 1. Under majority, one annotator is one vote: their latest finished annotation
# -------------------------------------------------------------------------

def twice_by_one(second_first: bool = False) -> list[dict[str, Any]]:
    """Annotator 1 said ORG Petrobras and Negative, then corrected it to LOC Lisboa and Positive (the later
    time); annotator 2 said LOC Lisboa and Positive. Listed in time order, or the correction first."""
    first = annotation(11, 1, "2026-11-01T10:00:00Z", [span(2, 11, "ORG"), choice("Negative")])
    corrected = annotation(12, 1, "2026-11-02T10:00:00Z", [span(42, 48, "LOC"), choice("Positive")])
    other = annotation(13, 2, "2026-11-01T12:00:00Z", [span(42, 48, "LOC"), choice("Positive")])
    annotations = [corrected, first, other] if second_first else [first, corrected, other]
    return [{"id": 1, "data": {"text": TEXT}, "annotations": annotations}]


@pytest.mark.parametrize("second_first", [False, True])
def test_one_annotators_earlier_annotation_is_folded_into_their_latest(tmp_path: Path, second_first: bool
                                                                        ) -> None:
    # Before: three votes; ORG Petrobras 1 of 3 and Negative 1 of 3 out, and the outvoted said "of 3 annotations,
    # by 2 annotators". Now two votes (12 and 13), agreeing: everything kept, nothing outvoted.
    lines, report = export(tmp_path, twice_by_one(second_first), "jsonl", "--policy", "majority")
    assert [(s["label"], s["text"]) for s in lines[0]["spans"]] == [("LOC", "Lisboa")]
    assert lines[0]["sentiment"] == "Positive"
    assert sorted(lines[0]["meta"]["annotation_ids"]) == [12, 13]
    assert report["format_notes"][FOLDED_VOTES] == 1
    assert report["details"][FOLDED_VOTES] == ["task 1: annotator '1': annotation 12 counted, 11 folded"]
    assert "spans without a majority of annotators" not in report.get("left_out", {})


def test_the_fold_counts_every_earlier_annotation_and_keeps_the_unnamed_apart(tmp_path: Path) -> None:
    # Annotator 1 three times (ORG, ORG, then LOC), two annotations without an annotator (each a vote: nothing
    # tells them apart) saying ORG: ORG 2 of 3 kept, LOC 1 of 3 out.
    made = [annotation(20 + n, 1, f"2026-11-0{n + 1}T10:00:00Z", [span(2, 11, "ORG" if n < 2 else "LOC")])
            for n in range(3)]
    unnamed = [annotation(30 + n, 1, "2026-11-01T10:00:00Z", [span(2, 11, "ORG")]) for n in range(2)]
    for one in unnamed:
        del one["completed_by"]
    lines, report = export(tmp_path, [{"id": 2, "data": {"text": TEXT}, "annotations": made + unnamed}],
                           "jsonl", "--policy", "majority")
    assert [(s["label"], s["text"]) for s in lines[0]["spans"]] == [("ORG", "Petrobras")]
    assert report["format_notes"][FOLDED_VOTES] == 2
    assert report["details"][FOLDED_VOTES] == ["task 2: annotator '1': annotation 22 counted, 20, 21 folded"]
    assert report["details"]["spans without a majority of annotators"] == [
        "task 2: LOC [2, 11) 'Petrobras' (1 of 3 annotators)"]


@pytest.mark.parametrize("policy", ["latest", "all"])
def test_the_other_policies_fold_nothing(tmp_path: Path, policy: str) -> None:
    lines, report = export(tmp_path, twice_by_one(), "jsonl", "--policy", policy)
    assert len(lines) == (3 if policy == "all" else 1)
    assert FOLDED_VOTES not in report.get("format_notes", {})


# -------------------------------------------------------------------------
# 2. A span that is a whole sentence keeps its final stop, in every format
# -------------------------------------------------------------------------

REVIEW = "O atendimento foi rápido e simpático. A entrega atrasou duas semanas.\nEle mora em Lisboa. Lisboa."


def sentence_task() -> list[dict[str, Any]]:
    """Anota's per-sentence sentiment spans (whole sentences, stop included), a name drawn with the stop after it
    inside a sentence, and a name that is a sentence of its own."""
    result = [span(0, 37, "Positive", 1, REVIEW), span(38, 69, "Negative", 2, REVIEW),
              span(82, 89, "LOC", 3, REVIEW), span(90, 97, "LOC", 4, REVIEW)]
    return [{"id": 1, "data": {"text": REVIEW}, "annotations": [annotation(1, 1, "2026-11-01T10:00:00Z", result)]}]


WANTED = [(0, 37, "Positive"), (38, 69, "Negative"), (82, 88, "LOC"), (90, 96, "LOC")]


def test_a_whole_sentence_keeps_its_stop_in_jsonl(tmp_path: Path) -> None:
    # Before: [0, 36) 'O atendimento foi rápido e simpático' and [38, 68), trimmed as if names.
    lines, report = export(tmp_path, sentence_task())
    assert [(s["start"], s["end"], s["label"]) for s in lines[0]["spans"]] == WANTED
    assert lines[0]["spans"][0]["text"] == "O atendimento foi rápido e simpático."
    assert report["format_notes"] == {"entity spans trimmed of punctuation or whitespace at their edges": 2}


def test_a_whole_sentence_keeps_its_stop_in_csv(tmp_path: Path) -> None:
    import csv

    export(tmp_path, sentence_task(), "csv")
    with (tmp_path / "out" / "train.spans.csv").open(encoding="utf-8", newline="") as handle:
        spans = [(int(row["start"]), int(row["end"]), row["label"]) for row in csv.DictReader(handle)]
    assert spans == WANTED


def test_a_whole_sentence_keeps_its_stop_in_conll(tmp_path: Path) -> None:
    export(tmp_path, sentence_task(), "conll")
    rows = [line.split() for line in (tmp_path / "out" / "train.conll").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("-DOCSTART-")]
    tags = [(row[0], row[-1]) for row in rows]
    assert tags[:7] == [("O", "B-Positive"), ("atendimento", "I-Positive"), ("foi", "I-Positive"),
                        ("rápido", "I-Positive"), ("e", "I-Positive"), ("simpático", "I-Positive"),
                        (".", "I-Positive")]
    assert (".", "I-Negative") in tags
    assert [tag for token, tag in tags if token == "."][2:] == ["O", "O"]  # the names' stops stay out


def test_a_whole_sentence_keeps_its_stop_in_spacy(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    export(tmp_path, sentence_task(), "spacy")
    doc = next(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(spacy.blank("pt").vocab))
    spans = doc.spans["sc"] if doc.spans.get("sc") else doc.ents
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == WANTED


# -------------------------------------------------------------------------
# 3. A bare id seen before its user's object: the best name known by the end
# -------------------------------------------------------------------------

USERS = Path(__file__).resolve().parent.parent / "fixtures" / "s46-exportusers"
EMAIL = "ana@example.org"


def users_export(tmp_path: Path, fmt: str, policy: str = "all") -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "out"
    result = run_cli(USERS / "id_first.json", fmt, out, "--quiet", "--language", "pt", "--policy", policy)
    assert result.exit_code == 0, result.output
    return out, json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_the_examples_written_before_the_email_take_it_in_jsonl(tmp_path: Path) -> None:
    # Before: task 1's and task 3's examples of user 5 (given as a bare id in task 1) were "5" (s46-exportusers).
    out, report = users_export(tmp_path, "jsonl")
    lines = (out / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["meta"]["annotators"] for line in lines] == [[EMAIL], ["6"], [EMAIL], ["6"], [EMAIL],
                                                                          [EMAIL], ["6"]]
    # Each line as the encoder writes one: compact, keys in place, nothing else changed.
    assert all(line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) for line in lines)
    assert report["details"]["tasks with several finished annotations by one annotator (one vote under majority, "
                              "their latest; each a side of an agreement pair)"] == [
        f"task 3: annotator '{EMAIL}': annotations [5, 6]"]
    assert not list(out.glob("*.renamed"))


def test_the_examples_written_before_the_email_take_it_in_csv(tmp_path: Path) -> None:
    import csv

    out, _report = users_export(tmp_path, "csv", "majority")
    with (out / "train.spans.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["annotators"] for row in csv.DictReader(handle)} == {f"6|{EMAIL}"}  # sorted, as written


def test_the_examples_written_before_the_email_take_it_in_spacy(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    out, _report = users_export(tmp_path, "spacy")
    docs = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("pt").vocab)
    assert [list(doc.user_data["annotators"]) for doc in docs] == [[EMAIL], ["6"], [EMAIL], ["6"], [EMAIL],
                                                                   [EMAIL], ["6"]]
