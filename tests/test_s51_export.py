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
# s50-export2's task (Ada Lovelace, Charles Babbage, Londres) and its writer
from tests.test_s50_export2 import ADA, LONDON, TEXT, write


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


# -------------------------------------------------------------------------
# 1. Relations: written into JSONL by their spans' indices, said left out of the other formats
# -------------------------------------------------------------------------

RELATIONS_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/><Label value="CLAIM"/></Labels>
  <Relations><Relation value="trabalhou_com"/><Relation value="fonte"/></Relations>
</View>
"""
SAID = "Ada disse que Babbage trabalhou em Londres."
SAID_ADA = {"id": "s1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 0, "end": 4, "text": "Ada ", "labels": ["PER"]}}  # a trailing space: trimmed
SAID_CLAIM = {"id": "s2", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 14, "end": 43, "text": "Babbage trabalhou em Londres.", "labels": ["CLAIM"]}}
SAID_LONDON = {"id": "s3", "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": 35, "end": 42, "text": "Londres", "labels": ["LOC"]}}


def relation(from_id: str, to_id: str, *labels: str, direction: str = "right") -> dict[str, Any]:
    return {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": direction, "labels": list(labels)}


def relations_export(tmp_path: Path, tasks: list[dict[str, Any]], fmt: str = "jsonl", *extra: str
                     ) -> dict[str, Any]:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "config.xml").write_text(RELATIONS_CONFIG, encoding="utf-8")
    result = run_cli(write(tmp_path, tasks), fmt, tmp_path / "out", "--quiet", "--language", "pt",
                     "--label-config", str(tmp_path / "config.xml"), *extra)
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))


def lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


def test_relations_are_written_by_their_spans_indices(tmp_path: Path) -> None:
    """Before: no ``relations`` key; each said "regions of control type 'relation' (not exported)". A claim's
    end indexes ``claims`` (``child_in``); an end trimmed by the exporter ("Ada " -> "Ada") keeps its relation."""
    result = [SAID_ADA, SAID_CLAIM, SAID_LONDON, relation("s1", "s2", "fonte"),
              relation("s3", "s1", direction="bi")]
    report = relations_export(tmp_path, [{"id": 3, "data": {"text": SAID}, "annotations": [
        {"id": 1, "completed_by": 1, "result": result}]}])
    [line] = lines(tmp_path / "out")
    assert [span["text"] for span in line["spans"]] == ["Ada", "Londres"]
    assert line["relations"] == [
        {"head": 0, "child": 0, "child_in": "claims", "labels": ["fonte"], "direction": "right"},
        {"head": 1, "child": 0, "labels": [], "direction": "bi"}]
    assert list(line)[-2:] == ["relations", "meta"] and report["left_out"] == {}


def test_a_line_with_relations_is_the_schemas_dump(tmp_path: Path) -> None:
    """The fast encoder writes exactly EXAMPLE_SCHEMA's JSON, relations included, and the schema loads it."""
    from schemas.dataset import EXAMPLE_SCHEMA
    from schemas.example_encoding import encode_example
    from server.exporting.examples import Example, Labels, Relation, Span

    ada, london = Span(0, 3, "PER", "Ada"), Span(35, 42, "LOC", "Londres")
    claim = Span(14, 43, "CLAIM", "Babbage trabalhou em Londres.")
    labels = Labels(spans=[ada, claim, london])
    labels.relations = [Relation(claim, ada, ("fonte",), "left")]
    example = Example(SAID, labels, 3, "x", None, [], [1])
    example.relations = labels.relations
    example.extras = True  # as converting.copy_extras sets it (s51-export2: the encoder reads the flag first)
    dumped = EXAMPLE_SCHEMA.dump(example)
    assert json.loads(encode_example(example)) == dumped
    assert dumped["relations"] == [{"head": 0, "head_in": "claims", "child": 0, "labels": ["fonte"],
                                    "direction": "left"}]
    assert EXAMPLE_SCHEMA.load(dumped)["relations"] == dumped["relations"]


def test_under_majority_a_relation_needs_a_majority_and_its_two_ends(tmp_path: Path) -> None:
    """Two of three drew Ada -> claim (kept); one drew London -> Ada (outvoted, said); two drew claim -> London,
    but London itself has one vote of three (its end gone: said)."""
    def annotation(number: int, spans: list[dict[str, Any]], *relations: dict[str, Any]) -> dict[str, Any]:
        return {"id": number, "completed_by": number, "result": [*spans, *relations]}

    tasks = [{"id": 3, "data": {"text": SAID}, "annotations": [
        annotation(1, [SAID_ADA, SAID_CLAIM, SAID_LONDON], relation("s1", "s2", "fonte"),
                   relation("s3", "s1"), relation("s2", "s3")),
        annotation(2, [SAID_ADA, SAID_CLAIM], relation("s1", "s2", "fonte")),
        annotation(3, [SAID_ADA, SAID_CLAIM], relation("s2", "s1"))]}]
    report = relations_export(tmp_path, tasks, "jsonl", "--policy", "majority")
    [line] = lines(tmp_path / "out")
    assert line["relations"] == [{"head": 0, "child": 0, "child_in": "claims", "labels": ["fonte"],
                                  "direction": "right"}]
    from server.exporting.converting import OUTVOTED_RELATIONS

    assert report["left_out"][OUTVOTED_RELATIONS] == 3
    assert "task 3: LOC 'Londres' [35, 42) -> PER 'Ada' [0, 3) (): 1 of 3 annotators" in report["details"][
        OUTVOTED_RELATIONS]


def test_the_other_formats_say_each_relation_left_out(tmp_path: Path) -> None:
    """CoNLL, CSV and spaCy have no place for a relation: each is counted under the format's own key, with its
    two spans, and the card lists it (the spans and labels are written as before)."""
    from plugins.exporters import RELATIONS_NOT_WRITTEN

    tasks = [{"id": 3, "data": {"text": SAID}, "annotations": [
        {"id": 1, "completed_by": 1, "result": [SAID_ADA, SAID_CLAIM, SAID_LONDON, relation("s1", "s2", "fonte")]}]}]
    for fmt in ("conll", "csv", "spacy"):
        report = relations_export(tmp_path / fmt, tasks, fmt)
        kind = RELATIONS_NOT_WRITTEN.format(fmt)
        assert report["left_out"] == {kind: 1}, fmt
        [detail] = report["details"][kind]  # the head as the format holds it then ('Ada ' [0, 4) before its trim)
        assert detail.startswith("task 3: PER 'Ada") and detail.endswith(
            "-> CLAIM 'Babbage trabalhou em Londres.' [14, 43) (fonte; right)"), detail
        assert kind in (tmp_path / fmt / "out" / "README.md").read_text(encoding="utf-8")


# -------------------------------------------------------------------------
# The fixture (fixtures/s51-export/README.md)
# -------------------------------------------------------------------------

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "s51-export"


def test_the_fixtures_relations_under_latest_and_majority(tmp_path: Path) -> None:
    from server.exporting.converting import OUTVOTED_RELATIONS, RELATIONS_LEFT_OUT

    found = {}
    for policy in ("latest", "majority"):
        report = exported(FIXTURE / "relations_and_choices.json", tmp_path / policy, "--label-config",
                          str(FIXTURE / "config.xml"), "--policy", policy, "--language", "pt")
        found[policy] = ([line["relations"] for line in lines(tmp_path / policy)],
                         report["left_out"].get(OUTVOTED_RELATIONS, 0), report["left_out"][RELATIONS_LEFT_OUT])
    source = [{"head": 0, "child": 1, "labels": ["sediada_em"], "direction": "right"},
              {"head": 0, "head_in": "claims", "child": 0, "labels": ["fonte"], "direction": "right"}]
    assert found["latest"] == ([source, [{"head": 1, "child": 0, "labels": ["trabalha_em"], "direction": "right"}]],
                               0, 1)
    assert found["majority"] == ([source, [{"head": 0, "child": 1, "labels": ["trabalha_em"],
                                            "direction": "right"}]], 2, 1)


def test_the_fixtures_completions_are_ordered_on_one_clock(tmp_path: Path) -> None:
    exported(FIXTURE / "completions_milliseconds.json", tmp_path / "out", "--language", "pt")
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Embrapa", "Brasília"]


def test_relations_of_several_labelled_texts_go_with_their_text(tmp_path: Path) -> None:
    """Each labelled Text is its own example: a relation within one is written with it; one across the two, or to
    a missing region, is said left out once (by the text of its first span end), not once a text."""
    from server.exporting.converting import RELATIONS_LEFT_OUT

    (tmp_path / "config.xml").write_text(
        '<View><Text name="title" value="$title"/><Text name="body" value="$body"/><Labels name="label" '
        'toName="title,body"><Label value="PER"/><Label value="ORG"/></Labels><Relations><Relation value="r"/>'
        '</Relations></View>', encoding="utf-8")
    title, body = "Ana na Embrapa", "Rui trabalha na Natura."

    def on(region_id: str, name: str, text: str, start: int, end: int, label: str) -> dict[str, Any]:
        return {"id": region_id, "from_name": "label", "to_name": name, "type": "labels",
                "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}

    result = [on("a", "title", title, 0, 3, "PER"), on("e", "title", title, 7, 14, "ORG"),
              on("r", "body", body, 0, 3, "PER"), on("n", "body", body, 16, 22, "ORG"),
              relation("a", "e", "r"), relation("r", "n", "r"), relation("r", "zz", "r"), relation("a", "n", "r")]
    report = exported(write(tmp_path, [{"id": 1, "data": {"title": title, "body": body},
                                        "annotations": [{"id": 1, "result": result}]}]), tmp_path / "out",
                      "--label-config", str(tmp_path / "config.xml"), "--language", "pt")
    written = {line["meta"]["field"]: line["relations"] for line in lines(tmp_path / "out")}
    same = [{"head": 0, "child": 1, "labels": ["r"], "direction": "right"}]
    assert written == {"title": same, "body": same} and report["left_out"] == {RELATIONS_LEFT_OUT: 2}


# -------------------------------------------------------------------------
# Relations' labels checked against the config, as spans' are (merger, session 51)
# -------------------------------------------------------------------------

def test_a_relation_label_the_config_does_not_offer_is_noted_and_kept(tmp_path: Path) -> None:
    """Before: "casou_com" written into the JSONL line and said nowhere, where a span's label the config lacks is
    noted (s50-export's blind_relation_labels_unknown, judged a silent export once JSONL wrote relations)."""
    result = [SAID_ADA, SAID_CLAIM, SAID_LONDON, relation("s1", "s2", "fonte"), relation("s1", "s3", "casou_com")]
    report = relations_export(tmp_path, [{"id": 3, "data": {"text": SAID}, "annotations": [
        {"id": 1, "completed_by": 1, "result": result}]}])
    [line] = lines(tmp_path / "out")
    assert [relation["labels"] for relation in line["relations"]] == [["fonte"], ["casou_com"]]
    from server.exporting.converting import RELATION_LABELS_NOT_IN_CONFIG
    assert report["format_notes"][RELATION_LABELS_NOT_IN_CONFIG] == 1
    [detail] = report["details"][RELATION_LABELS_NOT_IN_CONFIG]
    assert detail.startswith("task 3, annotation 1, region #4: PER 'Ada ' [0, 4) -> LOC 'Londres' [35, 42)")
    assert detail.endswith(": 'casou_com' is none of fonte|trabalhou_com"), detail


def test_relation_labels_go_unchecked_where_the_config_offers_none(tmp_path: Path) -> None:
    """Guard: a config whose Relations name no label (or that has none) gives nothing to check a label against."""
    result = [SAID_ADA, SAID_LONDON, relation("s1", "s3", "casou_com")]
    tasks = [{"id": 3, "data": {"text": SAID}, "annotations": [{"id": 1, "completed_by": 1, "result": result}]}]
    (tmp_path / "config.xml").write_text(RELATIONS_CONFIG.replace(
        '<Relations><Relation value="trabalhou_com"/><Relation value="fonte"/></Relations>', "<Relations/>"),
        encoding="utf-8")
    outcome = run_cli(write(tmp_path, tasks), "jsonl", tmp_path / "out", "--quiet", "--language", "pt",
                      "--label-config", str(tmp_path / "config.xml"))
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert outcome.exit_code == 0 and not any("relation" in note for note in report["format_notes"]), report
    assert [relation["labels"] for relation in lines(tmp_path / "out")[0]["relations"]] == [["casou_com"]]
