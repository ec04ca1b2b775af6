"""Export probe ``exportprobe31`` (fixtures/exportprobe31/README.md).

1. ``--from-db``: a null ``was_cancelled`` or ``ground_truth`` a webhook sent
   is reported as the file's export reports it (it was read as false without
   a word), through a real ``/webhook`` POST to the app served on 127.0.0.1,
   a real SQLite file and ``anota export --from-db``.
2. The studied and blind inputs' outcomes, each written before its first run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schemas.label_studio_export import NULL_FLAG_REPAIR
from server.cli import cli
from tests.conftest import recorded_body
from tests import test_export_noticed21 as noticed21
from tests.test_export_noticed21 import WEBHOOK, as_exported, post
from tests.test_export_probe20 import export_from_db

serving = noticed21.serving  # the app served over HTTP on 127.0.0.1, on the test's SQLite file (a fixture)


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def examples_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def export_file(tmp_path: Path, tasks: list[dict[str, Any]], out: Path, *options: str) -> str:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(path), *options, "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def flagged(flag: str, value: Any, annotation_id: int = 1, updated_at: str = "2026-12-01T08:00:00Z"
            ) -> dict[str, Any]:
    """The recorded webhook body, its annotation's ``flag`` set to ``value``."""
    body = recorded_body(WEBHOOK)
    body["annotation"].update({flag: value, "id": annotation_id, "updated_at": updated_at})
    return body


# -------------------------------------------------------------------------
# 1. --from-db reports a null flag as the file's export does
# -------------------------------------------------------------------------

@pytest.mark.parametrize("flag", ["was_cancelled", "ground_truth"])
def test_from_db_reports_a_null_flag_a_webhook_sent_as_the_file_export_does(
        flag: str, serving: Callable[[], str], database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: exported as the JSON export of the same task is (null read as false), and the
    summary and report.json name the repair with its path, ``annotations[0].<flag>: null``, in both."""
    body = flagged(flag, None)
    assert post(f"{serving()}/webhook", body)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    file_output = export_file(tmp_path, as_exported(body), tmp_path / "file")
    assert examples_of(tmp_path / "db") == examples_of(tmp_path / "file") != []
    for out, shown in ((tmp_path / "db", output), (tmp_path / "file", file_output)):
        report = report_of(out)
        assert report["repaired"] == {NULL_FLAG_REPAIR: 1}, report["repaired"]
        assert report["details"][NULL_FLAG_REPAIR] == [f"task 1, annotations[0].{flag}: null"]
        assert "given as null, read as false" in shown


def test_from_db_forgets_a_null_flag_a_later_update_sets(serving: Callable[[], str], database_url: str,
                                                          tmp_path: Path) -> None:
    """Expected before the fix: the annotation's later state (was_cancelled false) is what is exported; the null
    its earlier state held is no longer reported."""
    url = serving()
    post(f"{url}/webhook", flagged("was_cancelled", None))
    updated = flagged("was_cancelled", False, updated_at="2026-12-01T09:00:00Z")
    updated["action"] = "ANNOTATION_UPDATED"
    assert post(f"{url}/webhook", updated)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    assert report_of(tmp_path / "db")["repaired"] == {} and "given as null" not in output


def test_from_db_a_null_flag_of_a_cancelled_later_state_is_not_reported(serving: Callable[[], str],
                                                                         database_url: str, tmp_path: Path) -> None:
    """Expected before the fix: the later state says was_cancelled true: left out as cancelled, nothing repaired."""
    url = serving()
    post(f"{url}/webhook", flagged("was_cancelled", None))
    updated = flagged("was_cancelled", True, updated_at="2026-12-01T09:00:00Z")
    updated["action"] = "ANNOTATION_UPDATED"
    post(f"{url}/webhook", updated)
    post(f"{url}/webhook", flagged("was_cancelled", None, annotation_id=2))  # a second annotation, still null
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    report = report_of(tmp_path / "db")
    assert report["left_out"]["cancelled (skipped) annotations"] == 1
    assert report["details"][NULL_FLAG_REPAIR] == ["task 1, annotations[1].was_cancelled: null"]


def test_from_db_exports_a_database_made_before_null_flags_were_kept(serving: Callable[[], str], database_url: str,
                                                                      tmp_path: Path) -> None:
    """A database file whose `anota serve` predates the table: exported as before, nothing reported."""
    import sqlite3

    post(f"{serving()}/webhook", flagged("was_cancelled", False))
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
        connection.execute("DROP TABLE annotation_null_flags")
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    assert len(examples_of(tmp_path / "db")) == 1 and report_of(tmp_path / "db")["repaired"] == {}
