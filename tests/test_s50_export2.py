"""s50-export2 (issue 5; bench/HISTORY.md, "## s50-export2"): s50-export's four leftovers. A text in a list under
``data`` pointed at, and ``--text-key items.0.text`` read (1); a tar archive said as one, not as "not UTF-8 text" (2);
a left-out relation naming its two spans (3); a Label Studio 0.x export's ``completions`` read as annotations (4).
Each test says what it gave before the fix (checked by running it on merge58's code)."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import COMPLETIONS_LEFT_OUT, COMPLETIONS_READ
from server.exporting.converting import RELATIONS_LEFT_OUT
from tests.test_export_probe3 import run_cli, spans_of
from tests.test_s48_export import exported

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/><Label value="ORG"/></Labels>
  <Relations><Relation value="trabalhou_com"/><Relation value="sediada_em"/></Relations>
</View>
"""
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


def config(tmp_path: Path) -> Path:
    (tmp_path / "config.xml").write_text(CONFIG, encoding="utf-8")
    return tmp_path / "config.xml"


def task(data: dict[str, Any], result: list[dict[str, Any]], key: str = "annotations",
         **annotation: Any) -> dict[str, Any]:
    return {"id": 7, "data": data, key: [{"id": 1, "completed_by": 1, "result": result, **annotation}]}


# -------------------------------------------------------------------------
# 1. A text inside a list under data
# -------------------------------------------------------------------------

def test_a_text_in_a_list_is_pointed_at(tmp_path: Path) -> None:
    """Before: "data.text: Missing: the text to export" alone (the hint looked one object down only)."""
    path = write(tmp_path, [task({"items": [{"text": TEXT, "lang": "pt"}]}, [ADA])])
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet", "--label-config", str(config(tmp_path)))
    assert result.exit_code == 1 and "data.text: Missing: the text to export (the data holds strings only nested, " \
        "at items[0].text, items[0].lang: give the text's path with --text-key items[0].text, say, or write it in " \
        "the config's value as $items[0].text)" in result.output, result.output


def test_a_list_of_one_string_is_pointed_at(tmp_path: Path) -> None:
    """Before: nothing after "Missing: the text to export"."""
    path = write(tmp_path, [task({"paragraphs": [TEXT]}, [ADA])])
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet", "--text-key", "text")
    assert result.exit_code == 1 and "(the data holds strings only nested, at paragraphs[0]: give the text's " \
        "path with --text-key paragraphs[0]" in result.output, result.output


def test_a_dialogues_utterances_are_not_pointed_at(tmp_path: Path) -> None:
    """Guard: a list of several objects (a Paragraphs dialogue) is no text's place: no path into it is offered."""
    dialogue = [{"author": "Ana", "text": "Bom dia."}, {"author": "Rui", "text": TEXT}]
    path = write(tmp_path, [task({"dialogue": dialogue}, [ADA])])
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet", "--text-key", "text")
    assert result.exit_code == 1 and "data.text: Missing: the text to export; nothing was written" in result.output, \
        result.output


@pytest.mark.parametrize("key", ["items[0].text", "items.0.text"])
def test_the_text_key_reads_a_list_item_as_lodash_get_does(tmp_path: Path, key: str) -> None:
    """Before, items.0.text: "data.items is a list, not an object" (items[0].text was read already: a guard)."""
    path = write(tmp_path, [task({"items": [{"text": TEXT, "lang": "pt"}]}, [ADA, LONDON])])
    report = exported(path, tmp_path / "out", "--text-key", key)
    assert report["labels"]["train"] == {"PER": 1, "LOC": 1}
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Ada Lovelace", "Londres"]


def test_a_digit_key_of_an_object_stays_a_key(tmp_path: Path) -> None:
    """Guard: only a list is indexed by a digit name; an object's key "0" is read as a key."""
    path = write(tmp_path, [task({"versions": {"0": {"text": TEXT}}}, [ADA])])
    assert exported(path, tmp_path / "out", "--text-key", "versions.0.text")["tasks_read"] == 1


def test_an_index_beyond_the_list_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, [task({"items": [{"text": TEXT}]}, [ADA])])
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet", "--text-key", "items.1.text")
    assert result.exit_code == 1 and "data.items holds 1 items, no [1]" in result.output, result.output


# -------------------------------------------------------------------------
# 2. A tar archive
# -------------------------------------------------------------------------

def tar_of_the_export(tmp_path: Path, mode: str, name: str) -> Path:
    export = json.dumps([task({"text": TEXT}, [ADA])]).encode()
    path = tmp_path / name
    with tarfile.open(path, mode) as archive:
        member = tarfile.TarInfo("project-3-at-2026-12-06/export.json")
        member.size = len(export)
        archive.addfile(member, io.BytesIO(export))
    return path


@pytest.mark.parametrize(("mode", "name", "unpack"), [("w:gz", "export.tar.gz", "tar -xzf"),
                                                      ("w", "export.tar", "tar -xf")])
def test_a_tar_archive_is_said_as_one(tmp_path: Path, mode: str, name: str, unpack: str) -> None:
    """Before: "not UTF-8 text (a tar archive: extract it first)", as if the export's encoding were wrong."""
    path = tar_of_the_export(tmp_path, mode, name)
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1, result.output
    assert "a tar archive (a bundle of files), not a JSON export: extract it first " \
        f"({unpack}) and give the export file it holds; nothing was written" in result.output, result.output
    assert "UTF-8" not in result.output and not (tmp_path / "out").exists()


def test_a_utf16_export_still_says_not_utf8(tmp_path: Path) -> None:
    """Guard: a file that is text, in another encoding, keeps its message."""
    path = tmp_path / "export.json"
    path.write_bytes(json.dumps([task({"text": TEXT}, [ADA])]).encode("utf-16"))
    result = run_cli(path, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and ": not UTF-8 text (" in result.output, result.output


# -------------------------------------------------------------------------
# 3. Relations named by their spans
# -------------------------------------------------------------------------

# Since s51-export a relation between two exported spans is written (JSONL); one without both is left out so.
RELATIONS = RELATIONS_LEFT_OUT


def relation(from_id: Any, to_id: Any, direction: str = "right", labels: Any = ("trabalhou_com",)) -> dict[str, Any]:
    return {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": direction, "labels": list(labels)}


@pytest.mark.parametrize("flags", [{}, {"was_cancelled": None}], ids=["fast path", "schema path"])
def test_a_left_out_relation_names_its_two_spans(tmp_path: Path, flags: dict[str, Any]) -> None:
    """Before: "task 7, annotation 1, region #3" alone. The schema path (a null flag: repaired) says the same.
    Since s51-export the first two are written into the line; the one to a missing region is said so."""
    result = [ADA, BABBAGE, LONDON, relation("a1", "b2"), relation("b2", "l3", "bi", ()),
              relation("a1", "gone", "left")]
    path = write(tmp_path, [task({"text": TEXT}, result, **flags)])
    report = exported(path, tmp_path / "out", "--label-config", str(config(tmp_path)))
    assert report["details"][RELATIONS] == [
        "task 7, annotation 1, region #5: PER 'Ada Lovelace' [0, 12) <- region 'gone' (no span region of that id "
        "in the annotation) (trabalhou_com)"]
    assert report["left_out"][RELATIONS] == 1 and report["labels"]["train"] == {"PER": 2, "LOC": 1}


def test_relations_leave_the_dataset_as_it_was(tmp_path: Path) -> None:
    """Guard: the spans written are the same with and without the relations (since s51-export the line holds
    them too, under ``relations``)."""
    plain = write(tmp_path, [task({"text": TEXT}, [ADA, BABBAGE])], "plain.json")
    related = write(tmp_path, [task({"text": TEXT}, [ADA, BABBAGE, relation("a1", "b2")])], "related.json")
    exported(plain, tmp_path / "plain")
    exported(related, tmp_path / "related")
    [line] = (tmp_path / "related" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    written = json.loads(line)
    assert written.pop("relations") == [{"head": 0, "child": 1, "labels": ["trabalhou_com"], "direction": "right"}]
    assert json.loads((tmp_path / "plain" / "train.jsonl").read_text(encoding="utf-8")) == written


# -------------------------------------------------------------------------
# 4. Label Studio 0.x completions
# -------------------------------------------------------------------------

def test_completions_are_read_as_the_annotations(tmp_path: Path) -> None:
    """Before: "completions: a Label Studio 0.x export (...), which Anota does not read" and nothing written."""
    old = task({"text": TEXT}, [{**ADA, "source": "$text"}, {**LONDON, "source": "$text"}], "completions",
               created_at=1764979200, lead_time=4.5)
    report = exported(write(tmp_path, [old]), tmp_path / "out", "--label-config", str(config(tmp_path)))
    assert report["repaired"] == {COMPLETIONS_READ: 1}
    assert report["details"][COMPLETIONS_READ] == ["task 7, completions: 1 read"]
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Ada Lovelace", "Londres"]


def test_the_latest_completion_is_chosen_by_its_seconds(tmp_path: Path) -> None:
    """0.x wrote created_at as seconds since 1970: read as that time, the later completion is the latest."""
    old = {"id": 7, "data": {"text": TEXT}, "completions": [
        {"id": 1, "result": [ADA], "created_at": 1764979300},
        {"id": 2, "result": [LONDON], "created_at": 1764979200}]}
    exported(write(tmp_path, [old]), tmp_path / "out")
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Ada Lovelace"]


def test_a_fault_in_a_completion_is_shown_where_the_file_has_it(tmp_path: Path) -> None:
    old = task({"text": TEXT}, [{**ADA, "value": {**ADA["value"], "start": "0"}}], "completions")
    result = run_cli(write(tmp_path, [old]), "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and "completions[0].result[0].value.start" in result.output, result.output
    assert "annotations[0]" not in result.output


def test_completions_beside_annotations_are_still_left_out(tmp_path: Path) -> None:
    """Guard: a half-migrated task's annotations are read and its completions left out, as before."""
    both = {**task({"text": TEXT}, [ADA]), "completions": [{"id": 9, "result": [LONDON]}]}
    report = exported(write(tmp_path, [both]), tmp_path / "out")
    assert report["left_out"] == {COMPLETIONS_LEFT_OUT: 1} and COMPLETIONS_READ not in report["repaired"]
    assert [span["text"] for span in spans_of(tmp_path / "out")] == ["Ada Lovelace"]


def test_completions_that_are_no_list_stay_an_error(tmp_path: Path) -> None:
    old = {"id": 7, "data": {"text": TEXT}, "completions": {"result": [ADA]}}
    result = run_cli(write(tmp_path, [old]), "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and "completions: a Label Studio 0.x export" in result.output, result.output


def test_the_malformed_fixtures_0x_task_exports(tmp_path: Path) -> None:
    """fixtures/exports/malformed/completions.json was an error (tests/test_export.py pinned it until s50-export2)."""
    report = exported(Path(__file__).parent.parent / "fixtures/exports/malformed/completions.json", tmp_path / "out")
    assert report["tasks_read"] == 1 and report["repaired"] == {COMPLETIONS_READ: 1}
