"""exportprobe33: session 32's probe's follow-ups (``fixtures/exportprobe32/README.md``).

- /webhook refuses an annotation or task id that is not a JSON integer (``"12"`` had been stored as 12,
  where the export of the same task as a file stops on it), as it refuses a flag that is not a boolean;
- a choice's control name (``from_name``) with no visible character stops the export, as an empty one does (it
  had been written as the choice's control without a word); a ``to_name`` of only whitespace names no object, as
  an empty one;
- a task ``meta`` that is not an object is read as none by the export of a file, a reported repair, as
  ``--from-db`` reads one /webhook stored (the file's export had stopped on it).

Each test failed before its change. Webhook bodies go through a real POST to the app served on 127.0.0.1,
on the test's SQLite file; every export is ``anota export``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import ODD_META_REPAIR
from server.exporting.converting import WITHOUT_OBJECT_PLACED
from tests.conftest import recorded_body
from tests.test_export_noticed21 import WEBHOOK, as_exported, post
from tests.test_export_probe20 import export_from_db
from tests.test_exportprobe32 import (annotation, choice, exported, export_file, post_refused, report_of, serving, span,
                                      task, with_annotation, with_annotations)

__all__ = ["serving"]  # the fixture, imported to be used here

NOT_INTEGERS = ["12", 12.5, 12.0, True]


@pytest.mark.parametrize("value", NOT_INTEGERS)
def test_an_annotation_id_that_is_no_integer_is_refused_by_the_webhook_as_by_the_file_export(
        value: Any, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Before: "12" (and 12.5, true) stored as the number 12 (12, 1) and exported by --from-db."""
    body = with_annotation(id=value)
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400 and "Not a valid integer" in answer["errors"]["annotation"]["id"][0], answer
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code != 0 and "holds no annotation" in output
    code, output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert code != 0 and "annotations[0].id: Not a valid integer" in output, output


@pytest.mark.parametrize("value", NOT_INTEGERS)
def test_a_task_id_that_is_no_integer_is_refused_by_the_webhook_as_by_the_file_export(
        value: Any, serving: Callable[[], str], tmp_path: Path) -> None:
    body = recorded_body(WEBHOOK)
    body["task"]["id"] = value
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400 and "Not a valid integer" in answer["errors"]["task"]["id"][0], answer
    code, output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert code != 0 and "id: Not a valid integer" in output, output


def test_an_integer_id_is_still_stored(serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    assert post(f"{serving()}/webhook", with_annotation(id=12))["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    [line] = (tmp_path / "db" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["meta"]["annotation_ids"] == [12]


@pytest.mark.parametrize("policy", ["latest", "majority", "all"])
@pytest.mark.parametrize(("name", "what"), [("  ", "only whitespace"), ("\u200b", "no visible character")])
def test_a_choice_control_name_with_no_visible_character_stops_the_export(tmp_path: Path, policy: str, name: str,
                                                                           what: str) -> None:
    """Before: exported, the choice under a control named '  ' (``"choices": {"  ": ["Positive"]}``). The second
    annotation's second region: the path names both."""
    blank = {**choice("Positive"), "from_name": name}
    tasks = [with_annotations(annotation(1, 1, 6, [span(2, 6), choice()]), annotation(2, 2, 7, [span(2, 6), blank]))]
    code, output, out = exported(tmp_path, tasks, "--policy", policy)
    assert code != 0 and not out.exists(), output
    assert (f"annotations[1].result[1].from_name: Not a valid control name but {what} ({name!r})"
            in output), output


def test_a_to_name_of_only_whitespace_is_a_span_without_object(tmp_path: Path) -> None:
    """Before: placed on the main text without a word, as if its to_name named it."""
    code, output, out = exported(tmp_path, [task(result=[{**span(2, 6), "to_name": " \t"}])])
    assert code == 0, output
    assert report_of(out)["details"][WITHOUT_OBJECT_PLACED] == ["task 1, annotation 1, region #0: ORG"]


@pytest.mark.parametrize(("meta", "shown"), [("imported by a script", "a string ('imported by a script')"),
                                            (7, "a number (7)"), (["a"], "a list"), (False, "a boolean (false)")])
def test_a_task_meta_that_is_no_object_is_read_as_none_alike_from_a_file_and_from_the_database(
        meta: Any, shown: str, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Before: the file's export stopped on it ("meta: Not a valid mapping type"), where --from-db read it as
    none with a note. Now both read it as none, and report it in the same words."""
    body = recorded_body(WEBHOOK)
    body["task"]["meta"] = meta
    code, output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert code == 0 and "meta" in output, output
    from_file = report_of(tmp_path / "file")
    assert from_file["repaired"] == {ODD_META_REPAIR: 1}
    assert from_file["details"][ODD_META_REPAIR] == [f"task 1, meta: {shown}"]
    assert post(f"{serving()}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    assert report_of(tmp_path / "db")["details"][ODD_META_REPAIR] == [f"task 1, meta: {shown}"]
    assert (tmp_path / "db" / "train.jsonl").read_bytes() == (tmp_path / "file" / "train.jsonl").read_bytes()
