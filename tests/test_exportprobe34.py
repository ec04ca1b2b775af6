"""exportprobe34 (``fixtures/exportprobe34/README.md``): what its first run found, each test failing before its fix.

- /webhook refuses a deleted annotation's or task's id, a project's id and a bulk annotation's task that are not
  JSON integers (``"12"`` had deleted annotation 12, ``12.5`` too; a project ``{"id": "3"}`` was read as 3 and
  ``{"id": 3.5}`` as no project), as it refuses an annotation's id since session 33;
- a task holding both ``annotations`` and Label Studio 0.x ``completions``: the completions are said left out
  (they had been dropped without a word);
- a whole export encoded as one JSON string is said so;
- ``--from-label-studio``: a redirect loop, a cut download, an answer of another shape and an HTML page saved as the
  export are each one line naming what was asked, never the SDK's internals nor the download's temporary path.

Webhook bodies go through a real POST to the app served on 127.0.0.1, on the test's SQLite file; Label Studio's
answers come from a real HTTP server on 127.0.0.1 (``fixtures/exportprobe34/label_studio_answers.py``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schemas.label_studio_export import COMPLETIONS_LEFT_OUT, COMPLETIONS_READ
from server.cli import cli
from tests.test_export_noticed21 import WEBHOOK, post
from tests.test_export_probe20 import export_from_db
from tests.test_exportprobe32 import exported, post_refused, report_of, serving, span, task, with_annotation

__all__ = ["serving"]  # the fixture, imported to be used here

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe34"
sys.path.insert(0, str(PROBE))
from label_studio_answers import label_studio  # noqa: E402
from make_exportprobe34 import NOT_KEPT, studied  # noqa: E402

NOT_INTEGERS = ["12", 12.5, True]


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = {name: content for name, content in studied().items() if name not in NOT_KEPT and name[0] != "@"}
    kept = sorted(path.name for path in PROBE.iterdir() if path.suffix in (".json", ".csv", ".tsv", ".conll"))
    assert sorted(made) == kept
    assert all((PROBE / name).read_bytes() == content for name, content in made.items())


# -------------------------------------------------------------------------
# /webhook: ids that are no JSON integers
# -------------------------------------------------------------------------


def stored_then(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """Store annotation 1 of task 1, then POST ``body``."""
    assert post(f"{url}/webhook", with_annotation(id=1))["events"] == 1
    return post_refused(f"{url}/webhook", body)


@pytest.mark.parametrize("value", NOT_INTEGERS)
@pytest.mark.parametrize(("action", "key"), [("ANNOTATIONS_DELETED", "annotations"), ("TASKS_DELETED", "tasks")])
def test_a_deletion_naming_an_id_that_is_no_integer_is_refused_and_deletes_nothing(
        value: Any, action: str, key: str, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Before: "1" and 1.5 deleted annotation 1 (and task 1's annotations)."""
    status, answer = stored_then(serving(), {"action": action, key: [{"id": value}], "project": {"id": 1}})
    assert status == 400 and "Not a valid integer" in answer["errors"][key]["0"]["id"][0], answer
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output


@pytest.mark.parametrize("project", [{"id": "1"}, {"id": 1.5}, "1", {"id": True}])
def test_a_project_id_that_is_no_integer_is_refused(project: Any, serving: Callable[[], str], database_url: str,
                                                    tmp_path: Path) -> None:
    """Before: {"id": "1"} stored as project 1, {"id": 1.5} as no project (left out of --from-db --project 1)."""
    body = {**with_annotation(id=2), "project": project}
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400 and "project" in answer["errors"], answer
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code != 0 and "holds no annotation" in output


def test_a_bulk_annotations_task_that_is_no_integer_is_refused(serving: Callable[[], str]) -> None:
    from tests.conftest import recorded_body

    body = recorded_body(WEBHOOK)
    body["action"] = "ANNOTATIONS_CREATED"
    second = {**body["annotation"], "id": 2, "task": "1"}
    body["annotation"], body["task"] = [body["annotation"], second], [body["task"]]
    status, answer = post_refused(f"{serving()}/webhook", body)
    assert status == 400 and "Not a valid integer" in answer["errors"]["annotation"]["1"]["task"][0], answer


@pytest.mark.parametrize("project", [{"id": 1, "title": "p"}, 1, {"title": "no id"}, None])
def test_integer_ids_and_an_object_without_id_are_still_stored(project: Any, serving: Callable[[], str]) -> None:
    url = serving()
    assert post(f"{url}/webhook", {**with_annotation(id=3), "project": project})["events"] == 1
    deleted = {"action": "ANNOTATIONS_DELETED", "annotations": [{"id": 3}], "project": project}
    assert post(f"{url}/webhook", deleted)["events"] == 1


# -------------------------------------------------------------------------
# The export of a file
# -------------------------------------------------------------------------


@pytest.mark.parametrize("policy", ["latest", "all"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_completions_beside_annotations_are_said_left_out(tmp_path: Path, policy: str, fmt: str) -> None:
    """Before: exported with the annotations' labels, the completions (Qwen PER) dropped without a word."""
    both = task(result=[span(2, 6)], completions=[{"id": 2, "completed_by": 2, "result": [span(35, 39, "PER")]},
                                                  {"id": 3, "completed_by": 3, "result": []}])
    code, output, out = exported(tmp_path, [both, task(2)], "--policy", policy, fmt=fmt)
    assert code == 0, output
    assert report_of(out)["left_out"][COMPLETIONS_LEFT_OUT] == 1, report_of(out)
    assert "completions: 2 left out, annotations: 1 read" in json.dumps(report_of(out)["details"])


@pytest.mark.parametrize("completions", [[], None])
def test_empty_completions_beside_annotations_are_not_said(tmp_path: Path, completions: Any) -> None:
    code, output, out = exported(tmp_path, [task(completions=completions)])
    assert code == 0 and COMPLETIONS_LEFT_OUT not in report_of(out)["left_out"], output


def test_completions_alone_are_read_as_the_annotations(tmp_path: Path) -> None:
    """An old export until s50-export2, which reads them as Label Studio 1.x reads a 0.x project."""
    old = {"id": 1, "data": {"text": "A Meta."}, "completions": [{"id": 1, "result": []}]}
    code, output, out = exported(tmp_path, [old])
    assert code == 0 and report_of(out)["repaired"] == {COMPLETIONS_READ: 1}, output


def test_a_whole_export_encoded_as_one_string_is_said_so(tmp_path: Path) -> None:
    code, output, out = exported(tmp_path, (PROBE / "whole_export_encoded_twice.json").read_bytes())
    assert code != 0 and not out.exists()
    assert "found a string holding a list's JSON text (the export was encoded twice" in output, output


def test_an_export_encoded_three_times_says_how_often(tmp_path: Path) -> None:
    """Found by the blind run: "expected a JSON list of tasks, found '"\\"[{...'" (only one string was looked into)."""
    code, output, out = exported(tmp_path, json.dumps(json.dumps(json.dumps([task()]))).encode())
    assert code != 0 and not out.exists()
    assert ("a string holding a list's JSON text inside 1 more string(s) (the export was encoded 3 times: decode it "
            "2 times)") in output, output


def test_a_csv_separated_by_semicolons_is_said_csv(tmp_path: Path) -> None:
    """Found by the blind run: Excel's CSV in a locale whose decimal mark is a comma separates by ';'."""
    code, output, out = exported(tmp_path, b"annotation_id;annotator;id;label;text\n1;1;1;[];A Meta.\n")
    assert code != 0 and not out.exists() and "CSV or TSV, not JSON" in output, output


# -------------------------------------------------------------------------
# --from-label-studio against a real server
# -------------------------------------------------------------------------


def from_label_studio(url: str, out: Path) -> str:
    result = CliRunner().invoke(cli, ["export", "--from-label-studio", url, "--project", "3", "--format", "jsonl",
                                      "--quiet", "--out", str(out)], env={"LABEL_STUDIO_API_KEY": "key"})
    assert result.exit_code == 1 and not out.exists(), result.output
    assert len(result.output.splitlines()) == 1, result.output
    return result.output


@pytest.mark.parametrize(("scenario", "said"), [
    ("redirect_to_login", "redirected again and again while waiting for project 3's labeling config, last to "
                          "{url}/user/login/?next=/api/projects/3: is the URL Label Studio's address"),
    ("download_cut", "the connection broke while waiting for the export's file (peer closed connection without "
                     "sending complete message body"),
    ("project_a_list", "the answer to the request for project 3's labeling config is not what Label Studio's API "
                       "answers (the SDK could not read it: TypeError)"),
    ("download_html", "Error: the export of project 3 downloaded from {url}: line 1, column 1: an HTML or XML page"),
])
def test_label_studio_answering_oddly_is_one_line_saying_what(scenario: str, said: str, tmp_path: Path) -> None:
    """Before: TooManyRedirects: Exceeded maximum allowed redirects.; RemoteProtocolError: ...; TypeError:
    ...UncheckedBaseModel.model_construct() argument after ** must be a mapping, not list; and
    /tmp/anota-download-.../label-studio-export.json: line 1, ... (a path deleted as the error was shown)."""
    with label_studio(scenario) as url:
        output = from_label_studio(url, tmp_path / "out")
    assert said.format(url=url) in output, output
    assert "anota-download-" not in output and "model_construct" not in output


def test_label_studio_answering_as_it_does_still_exports(tmp_path: Path) -> None:
    with label_studio("normal") as url:
        result = CliRunner().invoke(cli, ["export", "--from-label-studio", url, "--project", "3", "--format",
                                          "jsonl", "--quiet", "--out", str(tmp_path / "out")],
                                    env={"LABEL_STUDIO_API_KEY": "key"})
    assert result.exit_code == 0 and report_of(tmp_path / "out")["examples"].get("train", 0) > 0, result.output
