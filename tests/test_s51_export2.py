"""s51-export2 (issue 5; bench/HISTORY.md, "## s51-export2"): s51-export's leftovers. Label Studio's
``choice="single-radio"`` read as one value at every place that asks (1); the JSONL encoder's one read of
``extras`` (2); exportprobe41/42's judge counting a relation "not written" under ``majority`` by its task's
annotators (3); a relation left out of CoNLL, CSV and spaCy said with its ends trimmed in each (4). Each test says
what it gave before the fix (checked by running it with the fix taken out)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from server.labeling import keep_best_single_choices, parse_labeling_config, takes_one_value
from tests.test_export_probe3 import run_cli
from tests.test_s51_export import SAID, SAID_ADA, SAID_CLAIM, SAID_LONDON, TEXT, choice, relation, relations_export, write

# -------------------------------------------------------------------------
# 1. choice="single-radio": one value, as Label Studio 1.23.2's editor keeps it
# -------------------------------------------------------------------------

# Label Studio 1.23.2's Choices (web/dist/apps/labelstudio/358.js): choice is one of "single", "single-radio",
# "multiple", default "single"; shouldBeUnselected for "single" and "single-radio", and validate refuses a second
# value unless "multiple".
RADIO_CONFIG = """<View>
  <Text name="title" value="$title"/>
  <Text name="text" value="$text"/>
  <Choices name="tone" toName="title,text" choice="single-radio">
    <Choice value="Positivo"/><Choice value="Negativo"/><Choice value="Neutro"/>
  </Choices>
  <Choices name="topics" toName="text" choice="multiple"><Choice value="Economia"/><Choice value="Esporte"/></Choices>
  <Choices name="plain" toName="text"><Choice value="Sim"/><Choice value="Não"/></Choices>
</View>
"""


@pytest.mark.parametrize(("attrs", "one"), [
    ({"choice": "single-radio"}, True), ({"choice": "single"}, True), ({}, True), (None, True),
    ({"choice": "multiple"}, False)])
def test_takes_one_value_as_label_studio_decides(attrs: dict[str, str] | None, one: bool) -> None:
    """Before (``== "single"``): "single-radio" was a control of several values."""
    assert takes_one_value(attrs) is one


def test_the_config_reads_single_radio_as_one_value() -> None:
    """The labeling config's targets (/predict and the exporters read them): before, tone's were not single."""
    config = parse_labeling_config(RADIO_CONFIG)
    text = next(obj for obj in config.objects if obj.name == "text")
    assert [text.choice_target(value).single for value in ("Positivo", "Economia", "Sim")] == [True, False, True]


def test_predict_keeps_one_choice_of_a_single_radio_control_over_two_texts() -> None:
    """/predict's output for such a config: the best-scored of the title's and the body's choice (before: both,
    two values a radio button cannot show)."""
    config = parse_labeling_config(RADIO_CONFIG)
    regions = [{"from_name": "tone", "to_name": name, "type": "choices", "value": {"choices": [value]},
                "score": score} for name, value, score in (("title", "Negativo", 0.6), ("text", "Positivo", 0.9))]
    assert [region["to_name"] for region in keep_best_single_choices(config, regions)] == ["text"]


def test_the_export_settings_read_single_radio_as_one_value() -> None:
    from server.exporting.command import _multiple_choice_values, _single_choice_controls

    assert _single_choice_controls(RADIO_CONFIG) == {"tone", "plain"}  # before: {"plain"}
    assert _multiple_choice_values(RADIO_CONFIG) == {"topics": ("Economia", "Esporte")}  # before: tone's too


def radio_export(tmp_path: Path, tasks: list[dict[str, Any]], fmt: str, *extra: str) -> dict[str, Any]:
    (tmp_path / "config.xml").write_text(RADIO_CONFIG, encoding="utf-8")
    result = run_cli(write(tmp_path, tasks), fmt, tmp_path / "out", "--quiet", "--language", "pt",
                     "--label-config", str(tmp_path / "config.xml"), *extra)
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))


def test_spacy_cats_and_card_give_a_single_radio_control_no_zeros(tmp_path: Path) -> None:
    """Before: 'tone:Negativo' and 'tone:Neutro' 0.0 (a textcat_multilabel's negatives), and the card would
    say that 0.0 was written where only the radio control was answered; the multiple-choice control keeps its
    0.0 (guard)."""
    import spacy
    from spacy.tokens import DocBin

    from server.exporting.training import MULTILABEL_CATS_SAID, MULTILABEL_ZEROS_SAID

    tasks = [{"id": 1, "data": {"title": "Boa notícia", "text": TEXT}, "annotations": [
        {"id": 1, "result": [choice("tone", "Positivo"), choice("topics", "Economia")]}]}]
    radio_export(tmp_path, tasks, "spacy")
    [doc] = DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(spacy.blank("pt").vocab)
    assert doc.cats == {"tone:Positivo": 1.0, "topics:Economia": 1.0, "topics:Esporte": 0.0}
    only_tone = tmp_path / "only_tone"
    only_tone.mkdir()
    radio_export(only_tone, [{"id": 1, "data": {"title": "Boa notícia", "text": TEXT}, "annotations": [
        {"id": 1, "result": [choice("tone", "Negativo")]}]}], "spacy")
    card = (only_tone / "out" / "README.md").read_text(encoding="utf-8")  # no 0.0 written: the card says none
    assert MULTILABEL_CATS_SAID in card and MULTILABEL_ZEROS_SAID not in card


def test_two_values_on_a_single_radio_control_are_said(tmp_path: Path) -> None:
    """An import Label Studio did not check: two values of a radio control. Before: exported silently (read as a
    multiple-choice control)."""
    tasks = [{"id": 1, "data": {"title": "Boa notícia", "text": TEXT}, "annotations": [
        {"id": 1, "result": [choice("tone", "Positivo", "Negativo")]}]}]
    report = radio_export(tmp_path, tasks, "jsonl")
    assert report["format_notes"].get("several choices on a single-choice control (all exported under choices)") \
        == 1, report["format_notes"]


def test_under_majority_a_single_radio_answer_is_voted_as_one() -> None:
    """Guard: "single" and "single-radio" controls are one set for ``majority`` (converting.majority's
    ``several``): the settings give both."""
    from server.exporting.command import _single_choice_controls

    assert _single_choice_controls(RADIO_CONFIG.replace('choice="single-radio"', "")) == \
        _single_choice_controls(RADIO_CONFIG)


# -------------------------------------------------------------------------
# 2. One flag for notes, attributes or relations (the JSONL encoder's one read)
# -------------------------------------------------------------------------

def test_extras_are_flagged_where_they_are_copied() -> None:
    """An example with relations has ``extras`` (the encoder writes them only then); one without keeps the class
    default, False (break check: with ``copy_extras`` not setting it, the relations tests of test_s51_export lose
    their ``relations`` key)."""
    from schemas.example_encoding import encode_example
    from server.exporting.converting import copy_extras
    from server.exporting.examples import Example, Labels, Relation, Span

    ada, london = Span(0, 3, "PER", "Ada"), Span(35, 42, "LOC", "Londres")
    labels = Labels(spans=[ada, london])
    plain = Example(SAID, labels, 3, "x", None, [], [1])
    assert not plain.extras and "relations" not in json.loads(encode_example(plain))
    labels.relations, labels.extras = [Relation(london, ada, (), "bi")], True
    noted = Example(SAID, labels, 3, "x", None, [], [1])
    copy_extras(labels, noted)
    assert noted.extras and json.loads(encode_example(noted))["relations"] == [
        {"head": 1, "child": 0, "labels": [], "direction": "bi"}]


# -------------------------------------------------------------------------
# 3. The probes' judge: a relation "not written" counted by its task's annotators
# -------------------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES / "exportprobe42"))
import run_exportprobe42  # noqa: E402, F401  (it puts exportprobe41's runner on the path)
from run_exportprobe41 import accounted  # noqa: E402

NOT_WRITTEN = "relations not written: conll has no place for them (jsonl writes them, by their spans' indices)"


@pytest.mark.parametrize(("voters", "counted"), [({3: 1}, 1), ({3: 2}, 2), ({3: 3}, 2), ({}, 1)])
def test_the_judge_counts_a_relation_not_written_by_its_tasks_annotators(voters: dict[int, int],
                                                                        counted: int) -> None:
    """Under ``majority`` a kept relation was drawn by more than half of its task's annotators: one of one, two of
    two or three. Before: 2 whatever the task (1 on a task of one annotator over-counted)."""
    report = {"policy": "majority", "left_out": {NOT_WRITTEN: 1},
              "details": {NOT_WRITTEN: ["task 3: PER 'Ada' [0, 3) -> LOC 'Londres' [35, 42) (; right)"]}}
    assert accounted(report, "relation", Path("/nonexistent"), "conll", voters) == counted


# -------------------------------------------------------------------------
# 4. A relation left out: its ends said trimmed, in every format
# -------------------------------------------------------------------------

def test_a_relation_not_written_is_said_alike_in_conll_csv_and_spacy(tmp_path: Path) -> None:
    """Before: CoNLL and spaCy said the head as drawn ('Ada ' [0, 4)), CSV trimmed ('Ada' [0, 3), as every
    format writes the span)."""
    from plugins.exporters import RELATIONS_NOT_WRITTEN

    tasks = [{"id": 3, "data": {"text": SAID}, "annotations": [
        {"id": 1, "completed_by": 1, "result": [SAID_ADA, SAID_CLAIM, SAID_LONDON, relation("s1", "s3")]}]}]
    said = {fmt: relations_export(tmp_path / fmt, tasks, fmt)["details"][RELATIONS_NOT_WRITTEN.format(fmt)]
            for fmt in ("conll", "csv", "spacy")}
    assert said == dict.fromkeys(said, ["task 3: PER 'Ada' [0, 3) -> LOC 'Londres' [35, 42) (; right)"])
