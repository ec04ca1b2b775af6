"""exportprobe37 (``fixtures/exportprobe37/README.md``).

- ``anota export --from-db`` and a labeling config /webhook refused (session
  35: not stored, the annotation stored, the reason in the webhook's answer):
  the export says, in its summary and report, that the project's latest
  config was refused and why, and which config it used instead (the one
  stored before it) or that it had none. Expectations written in the
  docstrings before the first run. Webhook bodies go through a real POST to
  the app served on 127.0.0.1, on the test's SQLite file; every export is
  ``anota export --from-db`` on that file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.test_export_noticed21 import post
from tests.test_export_probe20 import export_from_db
from tests.test_exportprobe32 import report_of, serving
from tests.test_exportprobe35 import annotated_body, project_of
from tests.test_exportprobe36 import REFUSED_BY_LABEL_STUDIO, VALID, with_config

__all__ = ["serving"]  # the fixture, imported to be used here

REFUSED = REFUSED_BY_LABEL_STUDIO["toName names no tag"][0]


def all_notes(out: Path) -> str:
    return json.dumps(report_of(out), ensure_ascii=False)


def test_an_export_after_a_refused_config_says_it_used_the_earlier_one(serving: Callable[[], str],
                                                                       database_url: str, tmp_path: Path) -> None:
    """Expected before the run: both tasks exported with the config stored before (as session 35 did); the
    summary and report.json say that project 1's latest config was not stored, why (``'body'``, the toName
    naming no tag), and that the export used the config stored before it. Before: nothing said."""
    url = serving()
    assert post(f"{url}/webhook", annotated_body(1, 1))["events"] == 1
    assert post(f"{url}/webhook", with_config(2, REFUSED))["label_config"].startswith("not stored")
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    for said in (output, all_notes(tmp_path / "db")):
        assert "project 1" in said and "would refuse" in said and "'body'" in said, said
        assert "stored before" in said, said


def test_an_export_when_the_only_config_was_refused_says_it_had_none(serving: Callable[[], str],
                                                                     database_url: str, tmp_path: Path) -> None:
    """Expected before the run: the task is exported without a config (controls judged from the data, as for
    annotations stored before Anota kept configs); the note says why there is none: the config its webhook
    sent was refused, and the reason. Before: "no labeling config stored ... (annotations received before
    Anota kept the config each webhook event carries)", which is not why."""
    url = serving()
    assert post(f"{url}/webhook", with_config(1, REFUSED))["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    for said in (output, all_notes(tmp_path / "db")):
        assert "project 1" in said and "would refuse" in said and "'body'" in said, said
        assert "received before Anota kept" not in said, said


def test_a_config_stored_after_the_refused_one_is_used_without_a_word(serving: Callable[[], str],
                                                                      database_url: str, tmp_path: Path) -> None:
    """Expected before the run: a later PROJECT_UPDATED with a config Label Studio keeps replaces the refused
    one: the export uses it and says nothing of the refusal. The same after a refused config of an older
    state of the project (a late delivery, ``updated_at`` before the stored config's): nothing said."""
    url = serving()
    body = with_config(1, REFUSED, updated_at="2026-12-01T00:00:00.000000Z")
    assert post(f"{url}/webhook", body)["events"] == 1
    updated = {"action": "PROJECT_UPDATED",
               "project": project_of(body, label_config=VALID, updated_at="2026-12-02T00:00:00.000000Z")}
    assert post(f"{url}/webhook", updated)["status"] == "ok"
    late = with_config(2, REFUSED, updated_at="2026-11-30T00:00:00.000000Z")
    assert post(f"{url}/webhook", late)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0 and "would refuse" not in output and "would refuse" not in all_notes(tmp_path / "db"), output


def test_a_refused_config_of_another_project_is_not_said(serving: Callable[[], str], database_url: str,
                                                         tmp_path: Path) -> None:
    """Expected before the run: ``--project 1`` says nothing of project 2's refused config; the export of
    both names project 2 only."""
    url = serving()
    assert post(f"{url}/webhook", annotated_body(1, 1))["events"] == 1
    other = with_config(2, REFUSED, id=2)
    other["annotation"]["project"] = 2
    assert post(f"{url}/webhook", other)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "one", "--project", "1")
    assert code == 0 and "would refuse" not in output, output
    code, output = export_from_db(database_url, tmp_path / "both")
    assert code == 0 and "project 2" in output and "would refuse" in output and "project 1'" not in output, output
