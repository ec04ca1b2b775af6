"""exportprobe32: /webhook and the export of a file agree on an annotation's
flags, and ``anota export --from-db`` reports what /webhook stored other than
as it came (see ``fixtures/exportprobe32/README.md``).

The webhook tests' expectations were written in their docstrings before the
fix ran; the probe's tests below assert what its run found and the fixes
(each fails without its fix). Every webhook body goes through a real POST to
the app served on 127.0.0.1, on the test's SQLite file; every export is
``anota export`` on that file.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from server.cli import cli
from tests import test_export_noticed21 as noticed21
from tests.conftest import recorded_body
from tests.test_export_noticed21 import WEBHOOK, as_exported, post
from tests.test_export_probe20 import export_from_db

serving = noticed21.serving  # the app served over HTTP on 127.0.0.1, on the test's SQLite file (a fixture)

NOT_BOOLEANS = ["yes", "true", "false", 1, 0, "1"]


def post_refused(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """POST ``body``; the HTTP status and the JSON answer of a refusal."""
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def export_file(tmp_path: Path, tasks: list[dict[str, Any]], out: Path) -> tuple[int, str]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "jsonl", "--out", str(out)])
    return result.exit_code, result.output


def with_annotation(**changes: Any) -> dict[str, Any]:
    body = recorded_body(WEBHOOK)
    body["annotation"].update(changes)
    return body


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("flag", ["was_cancelled", "ground_truth"])
@pytest.mark.parametrize("value", NOT_BOOLEANS)
def test_a_flag_that_is_no_boolean_is_refused_by_the_webhook_as_by_the_file_export(
        flag: str, value: Any, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: a 400 whose errors name ``annotation.<flag>`` and say what came (a string
    ('yes'), a number (1)); nothing stored, so --from-db finds no annotation and writes nothing; the export
    of the same task as a file stops naming the same flag and value."""
    body = with_annotation(**{flag: value})
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400, answer
    [said] = answer["errors"]["annotation"][flag]
    assert "Not a boolean but" in said and repr(value) in said, said
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code != 0 and "holds no annotation" in output and not (tmp_path / "db").exists()
    code, output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert code != 0 and f"annotations[0].{flag}: Not a boolean but" in output, output


def test_a_bulk_body_with_one_flag_no_boolean_is_refused_whole_naming_which(
        serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: ANNOTATIONS_CREATED with two annotations, the second's was_cancelled "yes":
    a 400 naming ``annotation[1].was_cancelled`` (its index in the list); neither annotation stored."""
    body = recorded_body(WEBHOOK)
    body["action"] = "ANNOTATIONS_CREATED"
    second = {**body["annotation"], "id": 2, "was_cancelled": "yes"}
    body["annotation"], body["task"] = [body["annotation"], second], [body["task"]]
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400 and "was_cancelled" in answer["errors"]["annotation"]["1"], answer
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code != 0 and "holds no annotation" in output


def test_a_boolean_or_null_flag_is_still_stored(serving: Callable[[], str], database_url: str,
                                                 tmp_path: Path) -> None:
    """Expected (as before): true, false and null are stored; the cancelled one is left out, the null one
    exported and reported (session 31)."""
    url = serving()
    for annotation_id, value in ((1, True), (2, False), (3, None)):
        assert post(f"{url}/webhook", with_annotation(id=annotation_id, was_cancelled=value))["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    report = report_of(tmp_path / "db")
    assert report["left_out"]["cancelled (skipped) annotations"] == 1
    assert any("was_cancelled: null" in detail for details in report["details"].values() for detail in details)


@pytest.mark.parametrize("completed_by", [["a@b.c"], True, 1.5, {"name": "Ana"}])
def test_an_annotator_of_an_odd_type_is_refused_by_the_webhook_as_by_the_file_export(
        completed_by: Any, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: a 400 naming ``annotation.completed_by`` (before: stored as the value's
    Python text, "['a@b.c']", "True", and exported as that annotator); the file's export stops on it too."""
    body = with_annotation(completed_by=completed_by)
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400 and "completed_by" in answer["errors"]["annotation"], answer
    code, output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert code != 0 and "completed_by" in output, output


@pytest.mark.parametrize("meta", ["imported by a script", 7, ["a"]])
def test_from_db_reports_a_task_meta_the_webhook_read_as_none(
        meta: Any, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: stored (Label Studio sends the meta an import gave, whatever its type) and
    exported, with the summary and report.json naming task 1, ``meta`` and what it held (before: read as none
    without a word; the file's export of the task stops on it)."""
    body = recorded_body(WEBHOOK)
    body["task"]["meta"] = meta
    assert post(f"{serving()}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    report = report_of(tmp_path / "db")
    details = [detail for kind, found in report["details"].items() if "meta" in kind for detail in found]
    assert len(details) == 1 and details[0].startswith("task 1, meta: "), report["details"]
    assert json.dumps(meta)[:5] in details[0] or type(meta).__name__ in details[0] or "a list" in details[0]
    assert "meta" in output


def test_from_db_says_nothing_of_an_object_or_null_task_meta(serving: Callable[[], str], database_url: str,
                                                              tmp_path: Path) -> None:
    """Expected: an object meta and a null one are no repair (null is what the file path also reads as none)."""
    url = serving()
    for annotation_id, meta in ((1, {"source": "news"}), (2, None)):
        body = recorded_body(WEBHOOK)
        body["task"]["meta"], body["annotation"]["id"] = meta, annotation_id
        body["task"]["id"] = body["annotation"]["task"] = annotation_id
        assert post(f"{url}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    assert not [kind for kind in report_of(tmp_path / "db")["details"] if "meta" in kind]


# -------------------------------------------------------------------------
# The probe's inputs (fixtures/exportprobe32): what failed the expectations, fixed
# -------------------------------------------------------------------------

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe32"
sys.path.insert(0, str(PROBE))
from make_exportprobe32 import (MISSING_OBJECT_CONFIG, NOT_KEPT, annotation, choice, span,  # noqa: E402
                                studied, task, with_annotations)


def exported(tmp_path: Path, tasks: Any, *options: str, fmt: str = "jsonl") -> tuple[int, str, Path]:
    """``anota export`` of ``tasks`` (bytes as they are, else dumped as JSON) into tmp_path/out."""
    path = tmp_path / "export.json"
    path.write_bytes(tasks if isinstance(tasks, bytes) else json.dumps(tasks).encode())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(path), *options, "--format", fmt, "--out", str(out)])
    return result.exit_code, result.output, out


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = {name: content for name, content in studied().items() if name not in NOT_KEPT}
    assert sorted(made) == sorted(path.name for path in PROBE.iterdir() if path.suffix == ".json")
    assert all((PROBE / name).read_bytes() == content for name, content in made.items())


def test_tasks_each_encoded_as_a_string_are_said_so(tmp_path: Path) -> None:
    """Before: "expected a task object at $[0], found '"{\\"id\\": 1, ...' (truncated or not an export?)"."""
    code, output, out = exported(tmp_path, (PROBE / "tasks_each_a_json_string.json").read_bytes())
    assert code != 0 and not out.exists()
    assert "$[0], found a string holding an object's JSON text (the tasks were encoded twice" in output, output


def test_a_string_that_holds_no_object_is_still_shown_as_found(tmp_path: Path) -> None:
    code, output, _out = exported(tmp_path, ["not a task"])
    assert code != 0 and "found '\"not a task\"'" in output and "encoded twice" not in output, output


@pytest.mark.parametrize(("name", "kind", "shown"), [
    ("label_bom_prefixed.json", "labels", "'ORG' and '\\ufeffORG'"),
    ("choice_zero_width_space.json", "choices", "'sentiment=Positive' and 'sentiment=Positive\\u200b'")])
def test_values_differing_only_by_invisible_characters_are_noted(tmp_path: Path, name: str, kind: str,
                                                                  shown: str) -> None:
    """Before: exported as two classes without a word (ORG and \\ufeffORG print alike)."""
    code, output, out = exported(tmp_path, (PROBE / name).read_bytes())
    assert code == 0, output
    [(noted, details)] = [(k, v) for k, v in report_of(out)["details"].items() if "invisible" in k]
    assert noted.startswith(f"{kind} that differ only by invisible characters") and details == [shown]


def test_a_value_with_an_invisible_character_and_no_twin_is_not_noted(tmp_path: Path) -> None:
    code, output, out = exported(tmp_path, [task(result=[span(2, 6, "\u200bORG")])])
    assert code == 0 and not [k for k in report_of(out)["details"] if "invisible" in k], output


def test_an_empty_from_name_is_said_empty_not_missing(tmp_path: Path) -> None:
    """Before: "from_name: Missing data for required field." for a from_name that is there, empty."""
    code, output, _out = exported(tmp_path, (PROBE / "from_name_empty_string.json").read_bytes())
    assert code != 0
    assert "annotations[0].result[0].from_name: Not a valid control name but an empty string ('')" in output


def tied(first: list[dict[str, Any]], second: list[dict[str, Any]], second_hour: int = 6) -> dict[str, Any]:
    return with_annotations(annotation(1, 1, 6, first), annotation(2, 2, second_hour, second))


def test_latest_annotations_tied_on_their_time_and_differing_are_noted(tmp_path: Path) -> None:
    """Before: annotation 2's PER exported, annotation 1's ORG left out without a word."""
    code, output, out = exported(tmp_path, (PROBE / "latest_tie_same_updated_at.json").read_bytes())
    assert code == 0, output
    assert [span["label"] for line in (out / "train.jsonl").read_text().splitlines()
            for span in json.loads(line)["spans"]] == ["PER"]
    details = [v for k, v in report_of(out)["details"].items() if "same moment" in k]
    assert details == [["task 1: annotation 2 counted, 1 left out, all updated at 2026-11-30T06:00:00Z"]]


@pytest.mark.parametrize(("second", "hour"), [([span(2, 6, "ORG")], 6), ([span(2, 6, "PER")], 7)])
def test_no_tie_is_noted_for_equal_labels_or_different_times(tmp_path: Path, second: list[dict[str, Any]],
                                                             hour: int) -> None:
    code, output, out = exported(tmp_path, [tied([span(2, 6, "ORG")], second, hour)])
    assert code == 0 and not [k for k in report_of(out)["details"] if "same moment" in k], output


def test_a_config_whose_control_points_at_no_tag_stops_the_export(tmp_path: Path) -> None:
    """Before: exported, its spans noted as "regions of controls not in the labeling config" (the control is
    there; its toName names no tag)."""
    config = tmp_path / "config.xml"
    config.write_text(MISSING_OBJECT_CONFIG, encoding="utf-8")
    code, output, out = exported(tmp_path, [task()], "--label-config", str(config))
    assert code != 0 and not out.exists()
    assert "Labels 'label' has toName 'body', which no tag of the config is named" in output, output


def test_a_filter_pointing_at_its_labels_control_is_no_stray_to_name(tmp_path: Path) -> None:
    config = tmp_path / "config.xml"
    config.write_text(MISSING_OBJECT_CONFIG.replace('toName="body"', 'toName="text"').replace(
        "</View>", '  <Filter name="filter" toName="label"/>\n</View>'), encoding="utf-8")
    code, output, _out = exported(tmp_path, [task(result=[span(2, 6), choice()])], "--label-config", str(config))
    assert code == 0, output


def test_task_strings_one_a_line_are_said_encoded_twice(tmp_path: Path) -> None:
    """Found by the blind run: JSON lines each a string of a task's JSON read "expected a JSON list of tasks,
    found '"{\\"id\\": 1, ...'", which said not what the file holds."""
    lines = b"\n".join(json.dumps(json.dumps(task(n))).encode() for n in (1, 2)) + b"\n"
    code, output, out = exported(tmp_path, lines)
    assert code != 0 and not out.exists()
    assert "expected a JSON list of tasks, found a string holding an object's JSON text (the tasks were encoded " \
           "twice" in output, output


def test_a_config_saved_with_an_xml_declaration_is_read(tmp_path: Path) -> None:
    """Noticed while checking the toName check: a --label-config file opening with `<?xml version="1.0"
    encoding="UTF-8"?>` (as editors save XML) stopped the export with the SDK's "Unicode strings with encoding
    declaration are not supported. Please use bytes input ..."; read now as without it."""
    config = tmp_path / "config.xml"
    config.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + MISSING_OBJECT_CONFIG.replace(
        'toName="body"', 'toName="text"'), encoding="utf-8")
    code, output, out = exported(tmp_path, [task()], "--label-config", str(config))
    assert code == 0, output
    assert report_of(out)["labels"] == {"train": {"ORG": 2}}
