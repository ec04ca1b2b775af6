"""s51-export (issue 5; bench/HISTORY.md, "## s51-export"): a dataset builder's gaps left open by session 50.
Label Studio 0.x times in milliseconds read (4). Each test says what it gave before the fix (checked by running it
with the fix taken out)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.label_studio_export import COMPLETIONS_READ
from tests.test_export_probe3 import run_cli, spans_of
from tests.test_s48_export import exported

TEXT = "Ada Lovelace trabalhou com Charles Babbage em Londres."
ADA = {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
       "value": {"start": 0, "end": 12, "text": "Ada Lovelace", "labels": ["PER"]}}
BABBAGE = {"id": "b2", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 27, "end": 42, "text": "Charles Babbage", "labels": ["PER"]}}
LONDON = {"id": "l3", "from_name": "label", "to_name": "text", "type": "labels",
          "value": {"start": 46, "end": 53, "text": "Londres", "labels": ["LOC"]}}


def write(tmp_path: Path, tasks: list[dict[str, Any]], name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


# -------------------------------------------------------------------------
# 4. Label Studio 0.x created_at in milliseconds
# -------------------------------------------------------------------------

def test_a_completion_time_in_milliseconds_is_read(tmp_path: Path) -> None:
    """Before: "completions[0].created_at: Not a valid string but a number (1588000000123)" and nothing written."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [{"id": 1, "result": [ADA], "created_at": 1588000000123}]}
    report = exported(write(tmp_path, [old]), tmp_path / "out")
    assert report["details"][COMPLETIONS_READ] == [
        "task 7, completions: 1 read (a created_at or updated_at in milliseconds since 1970)"]
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Ada Lovelace"]


def test_the_latest_completion_is_chosen_across_seconds_and_milliseconds(tmp_path: Path) -> None:
    """A completion in milliseconds (2020-04-27) is earlier than one in seconds (2025-12-06): read as the same
    clock, the one in seconds is the latest (as raw numbers the milliseconds would win)."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [
        {"id": 1, "result": [ADA], "created_at": 1588000000123},
        {"id": 2, "result": [LONDON], "created_at": 1764979200}]}
    exported(write(tmp_path, [old]), tmp_path / "out")
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Londres"]


def test_a_number_no_clock_gives_stays_an_error(tmp_path: Path) -> None:
    """Guard: beyond milliseconds up to the year 5138 (here microseconds), no time is guessed."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [{"id": 1, "result": [ADA], "created_at": 1588000000123456}]}
    result = run_cli(write(tmp_path, [old]), "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and "completions[0].created_at: Not a valid string" in result.output, result.output


# -------------------------------------------------------------------------
# 2. spaCy cats: 0.0 for a multiple-choice control's other values
# -------------------------------------------------------------------------

CHOICES_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="topics" toName="text" choice="multiple">
    <Choice value="Economia"/><Choice value="Política" alias="politica"/><Choice value="Esporte"/>
  </Choices>
  <Choices name="tone" toName="text"><Choice value="Positivo"/><Choice value="Negativo"/></Choices>
</View>
"""


def choice(control: str, *values: str) -> dict[str, Any]:
    return {"id": f"{control}-{len(values)}", "from_name": control, "to_name": "text", "type": "choices",
            "value": {"choices": list(values)}}


def spacy_cats(tmp_path: Path, tasks: list[dict[str, Any]], *extra: str) -> list[dict[str, float]]:
    import spacy
    from spacy.tokens import DocBin

    (tmp_path / "config.xml").write_text(CHOICES_CONFIG, encoding="utf-8")
    result = run_cli(write(tmp_path, tasks), "spacy", tmp_path / "out", "--quiet", "--language", "pt",
                     "--label-config", str(tmp_path / "config.xml"), *extra)
    assert result.exit_code == 0, result.output
    docs = DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(spacy.blank("pt").vocab)
    return [doc.cats for doc in docs]


def test_a_multiple_choice_controls_other_values_are_written_as_zero(tmp_path: Path) -> None:
    """Before: {'topics:Economia': 1.0, 'topics:politica': 1.0, 'tone:Negativo': 1.0} (no 0.0 for Esporte). A
    value with an alias is the alias, as Label Studio writes it and the 1.0 keys have it."""
    tasks = [{"id": 1, "data": {"text": TEXT}, "annotations": [
        {"id": 1, "result": [choice("topics", "Economia", "politica"), choice("tone", "Negativo")]}]}]
    [cats] = spacy_cats(tmp_path, tasks)
    assert cats == {"topics:Economia": 1.0, "topics:politica": 1.0, "tone:Negativo": 1.0, "topics:Esporte": 0.0}
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "--pipeline textcat_multilabel" in card and "0.0 for its other values" in card


def test_single_and_unanswered_controls_get_no_zero(tmp_path: Path) -> None:
    """Guard: a single-choice control keeps its chosen value alone; a multiple-choice control nobody answered
    (here: none of two annotators' topics has a majority) has no key, unknown rather than 'none of them'."""
    tasks = [{"id": 1, "data": {"text": TEXT}, "annotations": [
        {"id": 1, "completed_by": 1, "result": [choice("topics", "Economia"), choice("tone", "Positivo")]},
        {"id": 2, "completed_by": 2, "result": [choice("topics", "Esporte"), choice("tone", "Positivo")]}]}]
    assert spacy_cats(tmp_path, tasks, "--policy", "majority") == [{"tone:Positivo": 1.0}]
