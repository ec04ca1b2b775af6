"""A dataset builder's walkthrough of ``anota export`` on valid, demanding
Label Studio exports (fixtures/exports/walkthrough/, written by its
make_walkthrough.py): three annotators disagreeing, a ground truth, nested
spans, Portuguese, emoji and CRLF, relations and a TextArea, documents split
80/10/10, a snapshot with two plugins' predictions. expected.json, written
by hand before Anota ran on them, says what each must give; the outputs are
read back as a user would (json, a plain CoNLL reader, DocBin, csv), and the
spaCy output trains as it is."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugins.exporters import CHOICES_NOT_IN_CONLL
from server.cli import cli

WALKTHROUGH = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "walkthrough"
EXPECTED = json.loads((WALKTHROUGH / "expected.json").read_text(encoding="utf-8"))
CONFIG = WALKTHROUGH.parent.parent / "label-studio-1.23.2" / "label_config.xml"
POLICIES = ["latest", "ground-truth", "majority"]


def export(name: str, fmt: str, out: Path, *extra: str) -> dict[str, Any]:
    """Export one walkthrough file; its report."""
    result = CliRunner().invoke(cli, ["export", str(WALKTHROUGH / name), "--format", fmt, "--out", str(out),
                                      "--label-config", str(CONFIG), "--quiet", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def examples(out: Path) -> dict[str, dict[str, Any]]:
    """task id -> its first example, as [label, text] spans and a sentiment."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(out.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            example = json.loads(line)
            found.setdefault(str(example["meta"]["task_id"]), {
                "spans": [[span["label"], span["text"]] for span in example["spans"]],
                "sentiment": example["sentiment"]})
    return found


def conll_blocks(out: Path) -> list[list[list[str]]]:
    """A plain CoNLL reader: the document line dropped, blocks at blank lines, first and last column."""
    text = (out / "train.conll").read_text(encoding="utf-8").removeprefix("-DOCSTART- -X- O O\n\n")
    return [[[line.split(" ")[0], line.split(" ")[-1]] for line in block.splitlines()]
            for block in text.split("\n\n") if block]


CASES = [(name, policy) for name, expected in EXPECTED.items() if name.endswith(".json")
         for policy in POLICIES if policy in expected]


@pytest.mark.parametrize(("name", "policy"), CASES)
def test_examples_are_the_expected_ones(tmp_path: Path, name: str, policy: str) -> None:
    expected = EXPECTED[name]
    report = export(name, "jsonl", tmp_path / "out", "--policy", policy)
    assert examples(tmp_path / "out") == expected[policy]
    if policy == "majority" and "majority_left_out" in expected:
        assert {kind: report["left_out"].get(kind) for kind in expected["majority_left_out"]} == \
            expected["majority_left_out"]
    if "left_out" in expected and policy == "latest":
        assert {kind: report["left_out"].get(kind) for kind in expected["left_out"]} == expected["left_out"]
    if "agreement" in expected:
        assert report["agreement"] == expected["agreement"]
    if "survival" in expected:
        assert report["prediction_survival"] == expected["survival"]


@pytest.mark.parametrize("name", [name for name, expected in EXPECTED.items() if "all_examples" in expected])
def test_policy_all_gives_one_example_per_annotation(tmp_path: Path, name: str) -> None:
    report = export(name, "jsonl", tmp_path / "out", "--policy", "all")
    assert sum(report["examples"].values()) == EXPECTED[name]["all_examples"]


@pytest.mark.parametrize("name", [name for name, expected in EXPECTED.items() if "conll" in expected])
def test_conll_tags_and_notes(tmp_path: Path, name: str) -> None:
    report = export(name, "conll", tmp_path / "out")
    assert dict(zip(EXPECTED[name]["latest"], conll_blocks(tmp_path / "out"))) == EXPECTED[name]["conll"]
    assert report["format_notes"] == EXPECTED[name]["conll_notes"]


def test_spacy_ents_resolve_overlaps_and_spans_keep_all(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    export("nested_overlap.json", "spacy", tmp_path / "out")
    docs = DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(spacy.blank("pt").vocab)
    found = {str(doc.user_data["task_id"]): {"ents": [[e.label_, e.text] for e in doc.ents],
                                             "sc": [[s.label_, s.text] for s in doc.spans["sc"]]} for doc in docs}
    for task_id, expected in EXPECTED["nested_overlap.json"]["spacy"].items():
        assert found[task_id] == expected


def test_emoji_and_crlf_survive_every_format(tmp_path: Path) -> None:
    source = json.loads((WALKTHROUGH / "emoji_crlf.json").read_text(encoding="utf-8"))[0]["data"]["text"]
    export("emoji_crlf.json", "jsonl", tmp_path / "jsonl")
    assert json.loads((tmp_path / "jsonl" / "train.jsonl").read_text(encoding="utf-8"))["text"] == source
    report = export("emoji_crlf.json", "conll", tmp_path / "conll")
    rows = [row for block in conll_blocks(tmp_path / "conll") for row in block]
    assert [row for row in rows if row[1] != "O"] == EXPECTED["emoji_crlf.json"]["conll_tagged"]
    assert not any(token.isspace() or "\r" in token or "\n" in token for token, _tag in rows)
    assert report["format_notes"] == {CHOICES_NOT_IN_CONLL: 1}  # its sentiment: not in CoNLL's columns
    export("emoji_crlf.json", "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "train.csv").open(encoding="utf-8", newline="") as rows_file:
        assert [row["text"] for row in csv.DictReader(rows_file)] == [source]


def test_relations_and_textareas_are_reported(tmp_path: Path) -> None:
    report = export("relations_textarea.json", "jsonl", tmp_path / "out")
    assert examples(tmp_path / "out") == EXPECTED["relations_textarea.json"]["latest"]
    # Since s51-export the relation between its two spans is written into the line (JSONL).
    assert report["left_out"] == {"regions of control type 'textarea' (not exported)": 1}
    [line] = (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(json.loads(line)["relations"]) == 1


def test_documents_never_straddle_splits(tmp_path: Path) -> None:
    placed = []
    for run in ("first", "second"):
        report = export("split_documents.json", "jsonl", tmp_path / run, "--split", "80/10/10")
        assert sum(report["examples"].values()) == EXPECTED["split_documents.json"]["examples"]
        splits: dict[str, set[str]] = {}
        for path in (tmp_path / run).glob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                splits.setdefault(json.loads(line)["meta"]["source"], set()).add(path.stem)
        assert all(len(names) == 1 for names in splits.values())
        placed.append(splits)
    assert placed[0] == placed[1]


def test_spacy_output_trains_as_it_is(tmp_path: Path) -> None:
    export("split_documents.json", "spacy", tmp_path / "data", "--split", "80/10/10")
    config = tmp_path / "ner.cfg"
    python = [sys.executable, "-m", "spacy"]
    subprocess.run([*python, "init", "config", str(config), "--lang", "pt", "--pipeline", "ner"],
                   check=True, capture_output=True)
    dev = "dev.spacy" if (tmp_path / "data" / "dev.spacy").exists() else "train.spacy"
    trained = subprocess.run([*python, "train", str(config), "--paths.train", str(tmp_path / "data" / "train.spacy"),
                              "--paths.dev", str(tmp_path / "data" / dev), "--training.max_steps", "20",
                              "--training.eval_frequency", "10", "--output", str(tmp_path / "model")],
                             capture_output=True, text=True)
    assert trained.returncode == 0, trained.stderr[-2000:]
    assert (tmp_path / "model" / "model-last").is_dir()


# The fixes the walkthrough called for: each failed before them.


def test_survival_counts_a_task_once_under_policy_all(tmp_path: Path) -> None:
    """One example per annotation, but a task is a task: its predictions were
    counted as 4 tasks for 3, where two annotators finished one of them."""
    report = export("snapshot_predictions.json", "jsonl", tmp_path / "out", "--policy", "all")
    assert report["prediction_survival"] == EXPECTED["snapshot_predictions.json"]["survival_all"]
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "Exported tasks with predictions: 3." in card


def test_span_rows_name_their_annotators(tmp_path: Path) -> None:
    """With --policy all a task's spans come once per annotation: span rows
    without their annotators could not be told apart (the choice rows had them)."""
    export("three_annotators.json", "csv", tmp_path / "out", "--policy", "all")
    with (tmp_path / "out" / "train.spans.csv").open(encoding="utf-8", newline="") as rows:
        found = {(row["task_id"], row["annotators"], row["label"], row["span"]) for row in csv.DictReader(rows)}
    assert ("101", "3", "ORG", "A Petrobras") in found
    assert ("101", "1", "ORG", "A Petrobras") not in found
    assert {(task, label, span) for task, who, label, span in found if who == "2"} == {
        ("101", "ORG", "Petrobras"), ("101", "LOC", "Brasília"), ("102", "ORG", "Itaú"), ("102", "PER", "Bradesco")}


def test_card_says_why_kappa_is_undefined(tmp_path: Path) -> None:
    """Every annotator chose one value: kappa is undefined (chance agreement
    is 1). The card printed Python's ``None``."""
    export("snapshot_predictions.json", "jsonl", tmp_path / "out")
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "None" not in card
    assert "Fleiss' kappa undefined (every rating the same value), observed agreement 1.0 over 1 task" in card


def test_majority_names_what_was_outvoted(tmp_path: Path) -> None:
    """The details said 'task 101: 1' and a Python dict of tuples; a dataset
    builder needs which span lost, with its votes, to adjudicate it."""
    report = export("three_annotators.json", "jsonl", tmp_path / "out", "--policy", "majority")
    assert report["details"]["spans without a majority of annotators"] == [
        "task 101: ORG [0, 11) 'A Petrobras' (1 of 3 annotators)",
        "task 102: ORG [11, 19) 'Bradesco' (1 of 3 annotators)",
        "task 102: PER [11, 19) 'Bradesco' (1 of 3 annotators)"]
    assert report["details"]["choices without a majority of annotators"] == [
        "task 102, sentiment: Negative 1, Neutral 1, Positive 1 (of 3 annotators)"]


def test_uneven_split_is_said(tmp_path: Path) -> None:
    """Documents are never divided, so 5 documents cannot give 80/10/10: the
    card said nothing of the 60/40/0 it made, nor of the missing test split."""
    report = export("split_documents.json", "jsonl", tmp_path / "out", "--split", "80/10/10")
    assert report["split_made"] == {"train": 0.6, "dev": 0.4, "test": 0.0}
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "Split asked 80/10/10, made 60/40/0" in card


def test_uneven_split_is_said_in_the_summary_too(tmp_path: Path) -> None:
    """The summary said only "wrote 3 train, 2 dev examples": that --split
    80/10/10 gave no test split was in the card alone."""
    result = CliRunner().invoke(cli, ["export", str(WALKTHROUGH / "split_documents.json"), "--format", "jsonl",
                                      "--out", str(tmp_path / "out"), "--label-config", str(CONFIG),
                                      "--split", "80/10/10"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert ("split: asked 80/10/10, made 60/40/0 of the examples: a document's examples are never divided, so few "
            "documents give uneven shares; no example in test") in result.stdout.splitlines()
    even = CliRunner().invoke(cli, ["export", str(WALKTHROUGH / "split_documents.json"), "--format", "jsonl",
                                    "--out", str(tmp_path / "even"), "--label-config", str(CONFIG),
                                    "--split", "40/60"], catch_exceptions=False)
    assert even.exit_code == 0 and "wrote 8 train, 12 test" in even.stdout and "split:" not in even.stdout
