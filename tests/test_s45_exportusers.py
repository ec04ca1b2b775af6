"""One annotator in two forms, and ``--split`` in plain numbers (issue 5, export probe s45-exportprobe's two gaps).

Label Studio writes an annotation's author as a user id (``5``) or as a user object (``{"id": 5, "email": ...}``);
the export names an object by its email. Within a task, an annotator is told apart by the user id whichever form
gives it, and named one way (the object's email), in every reader of ``schemas/``, the webhook's stored author, the
majority's report, ``all``'s examples and ``meta.annotators``. The expectations were written before the fix
(fixtures/s45-exportusers/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.label_studio_export import TaskDecoder, load_task
from schemas.label_studio_schemas import load_with_schemas
from schemas.ml_backend import WebhookSchema
from server.events import _user_of
from server.exporting.converting import SAME_ANNOTATOR
from tests.test_export_probe3 import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "s45-exportusers"
NO_MAJORITY = "spans without a majority of annotators"


def raw_task(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))[0]


def read_by_msgspec(raw: dict[str, Any]) -> Any:
    return TaskDecoder().task(json.dumps(raw).encode())


def read_by_schemas(raw: dict[str, Any]) -> Any:
    return load_with_schemas(raw, "$[0]")


READERS = {"msgspec": read_by_msgspec, "dict": lambda raw: load_task(raw, "$[0]"), "schemas": read_by_schemas}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name,annotators", [
    ("two_forms.json", ["ana@example.org", "ana@example.org", "6", "7"]),  # 5 and {"id": 5, ...}: one person
    ("one_email_two_ids.json", ["ana@example.org (id 5)", "ana@example.org (id 8)", "6"]),  # two ids: two people
    ("one_form.json", ["ana@example.org", "rui@example.org", "eva@example.org"]),  # as before: by email
])
def test_every_reader_names_one_user_one_way(reader: str, name: str, annotators: list[str]) -> None:
    task = READERS[reader](raw_task(name))
    assert task is not None, f"{reader} did not read {name}"
    assert [annotation.annotator for annotation in task.annotations] == annotators


WEBHOOK = json.loads((FIXTURES.parent / "label-studio-1.23.2" / "ls_to_backend_webhook_ANNOTATION_CREATED.json")
                     .read_text(encoding="utf-8"))["json"]


@pytest.mark.parametrize("author,stored", [(5, "5"), ({"id": 5, "email": "ana@example.org"}, "5"),
                                           ({"email": "eva@example.org"}, "eva@example.org")])
def test_the_webhook_stores_the_user_id_when_there_is_one(author: Any, stored: str) -> None:
    """--from-db reads the stored author: the id, as Label Studio's own webhooks send it, so both forms agree."""
    body = json.loads(json.dumps(WEBHOOK))
    body["annotation"]["completed_by"] = author
    assert WebhookSchema().load(body)["annotation"]["completed_by"] == stored


def test_the_stored_author_of_a_body_not_loaded_is_the_same() -> None:
    assert _user_of(5) == "5" and _user_of({"id": 5, "email": "ana@example.org"}) == "5"
    assert _user_of({"email": "eva@example.org"}) == "eva@example.org" and _user_of(None) is None


def export(tmp_path: Path, name: str, *options: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    out = tmp_path / "out"
    result = run_cli(FIXTURES / name, "jsonl", out, "--quiet", *options)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return lines, json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_majority_counts_one_person_in_two_forms_once(tmp_path: Path) -> None:
    lines, report = export(tmp_path, "two_forms.json", "--policy", "majority")
    assert [span["label"] for span in lines[0]["spans"]] == ["PER"]
    assert lines[0]["meta"]["annotators"] == ["6", "7", "ana@example.org"]
    assert report["details"][NO_MAJORITY] == ["task 1: ORG [0, 4) 'Lula' (1 of 3 annotators)"]  # one vote each: s47-export
    assert report["details"][SAME_ANNOTATOR] == ["task 1: annotator 'ana@example.org': annotations [1, 2]"]


def test_all_keeps_one_name_for_one_person(tmp_path: Path) -> None:
    lines, _report = export(tmp_path, "two_forms.json", "--policy", "all")
    assert [line["meta"]["annotators"] for line in lines] == [["ana@example.org"], ["ana@example.org"], ["6"], ["7"]]


def test_one_email_with_two_ids_is_two_annotators(tmp_path: Path) -> None:
    lines, report = export(tmp_path, "one_email_two_ids.json", "--policy", "majority")
    assert lines[0]["meta"]["annotators"] == ["6", "ana@example.org (id 5)", "ana@example.org (id 8)"]
    assert report["details"][NO_MAJORITY] == ["task 2: ORG [0, 4) 'Lula' (1 of 3 annotators)"]
    assert SAME_ANNOTATOR not in report["details"]


@pytest.mark.parametrize("split", ["1e2/0/0", "1_0/90", "\u0668\u0660/\u0662\u0660", "+80/20", ".5/99.5", "80./20",
                                   "inf/0", "nan/100", "0x50/20"])
def test_a_split_in_other_than_plain_decimals_is_refused(tmp_path: Path, split: str) -> None:
    result = run_cli(FIXTURES / "one_form.json", "jsonl", tmp_path / "out", "--split", split)
    assert result.exit_code == 2
    assert f"Invalid value for --split: {split!r}: give 2 or 3 percentages that add up to 100, like 80/10/10, " \
        "each in plain decimal digits (80, 12.5)" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("split", ["80/10/10", "12.5/87.5", " 70 / 30 ", "100/0/0", "33.4/33.3/33.3"])
def test_a_split_in_plain_decimals_is_read(tmp_path: Path, split: str) -> None:
    assert run_cli(FIXTURES / "one_form.json", "jsonl", tmp_path / "out", "--quiet", "--split", split).exit_code == 0
