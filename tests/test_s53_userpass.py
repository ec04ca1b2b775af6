"""Session 53's user walks (bench/HISTORY.md "## s53-userpass"): a plugin writer's loader package edited without a
new version (the stored tasks were served as its code before made them), and an annotator's interactive
pre-annotation when the database cannot be read. Each test failed before its fix."""

from __future__ import annotations

import copy
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import preload
from server.app import get_state
from server.db import Database
from server.tasks import label_studio_tasks
from tests.conftest import recorded_body
from tests.test_s50_interactive import answer, body_with, places
from tests.test_s52_interactive import FIRST_MARK, PREDICTION, SECOND_SERRANA_ID, SECOND_SERRANA_ORG, autosaved
from tests.test_s52_userpass2 import CUES_PACKAGE, DIALOGUE, FILM, NO_ANNOTATORS, install

# The writer's edit: a dialogue's cue no longer cut a task a speaker (the loader's own unit, a cue a task, for all).
EDITED = CUES_PACKAGE.replace('unit="paragraph" if dialogue else None', "unit=None")
WHOLE_DIALOGUE = "- Onde estiveste?\r\n- Em Lisboa, com a minha irmã."


@pytest.fixture
def film(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "site").mkdir()
    monkeypatch.delitem(sys.modules, "anota_cues", raising=False)  # another test's package: not this one's file
    install(tmp_path / "site", "anota_cues", CUES_PACKAGE, monkeypatch)
    (tmp_path / "film.srt").write_bytes(FILM.encode())
    return tmp_path / "film.srt"


def restarted_after_editing(film: Path, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The package's module rewritten as its writer edits it (`pip install -e`: the same version), then imported
    anew, as a restarted server imports it."""
    (film.parent / "site" / "anota_cues.py").write_text(code, encoding="utf-8")
    monkeypatch.delitem(sys.modules, "anota_cues")


def texts(app: Flask) -> list[str]:
    return [task["data"]["text"] for task in label_studio_tasks(app)]


def test_an_edited_loader_prepares_the_stored_tasks_again(
        make_app: Callable[..., Flask], film: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the second start found its settings and files unchanged and served the dialogue's two tasks.
    first = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, STRICT_PLUGINS="1", SOURCES=[str(film)])
    assert DIALOGUE[0] in texts(first) and WHOLE_DIALOGUE not in texts(first)
    restarted_after_editing(film, EDITED, monkeypatch)
    edited = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, STRICT_PLUGINS="1", SOURCES=[str(film)])
    assert WHOLE_DIALOGUE in texts(edited) and DIALOGUE[0] not in texts(edited)


def test_an_unedited_loader_serves_the_stored_tasks(
        make_app: Callable[..., Flask], film: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Imported anew but the same file: the stored tasks are served (the same digest; no preparation).
    make_app(DISABLE_PLUGINS=NO_ANNOTATORS, STRICT_PLUGINS="1", SOURCES=[str(film)])
    restarted_after_editing(film, CUES_PACKAGE, monkeypatch)
    monkeypatch.setattr(preload, "Cleaner", None)  # a preparation would call it
    again = make_app(DISABLE_PLUGINS=NO_ANNOTATORS, STRICT_PLUGINS="1", SOURCES=[str(film)])
    assert DIALOGUE[0] in texts(again)



def older_prediction() -> dict[str, Any]:
    """The task's prediction by an earlier model version that did not find the second "Serrana Lacticínios": Anota
    numbers a plugin's regions in order, so its later entity regions hold the ids one down (its "text-a1r1" is the
    PER the newer calls "text-a1r2")."""
    older = copy.deepcopy(PREDICTION) | {"id": 30, "model_version": "anota-older"}
    older["result"] = [region for region in older["result"] if region["id"] != SECOND_SERRANA_ID]
    entities = [region for region in older["result"] if region["id"].startswith("text-a1r")]
    for number, region in enumerate(entities):
        region["id"] = f"text-a1r{number}"
    return older


def test_a_copy_goes_under_no_id_that_another_prediction_gives_another_place(client: FlaskClient) -> None:
    # Before: the second "Serrana" came under "text-a1r1", the one id the newer prediction holds there; in an
    # annotation pre-labelled from the older one (Label Studio keeps both, and the request does not say which the
    # editor used) that id is the PER on "Rui Amaral", which the copy replaced: the annotator's region lost.
    older = older_prediction()
    [per] = [region for region in older["result"] if region["id"] == SECOND_SERRANA_ID]
    assert per["value"]["labels"] == ["PER"]
    regions = answer(client, body_with([FIRST_MARK], drafts=[], predictions=[older, PREDICTION]))
    assert SECOND_SERRANA_ID not in {region["id"] for region in regions}
    # The same prediction alone still brings the copy under its id (test_s52_interactive).
    alone = answer(client, body_with([FIRST_MARK], drafts=[], predictions=[PREDICTION]))
    assert SECOND_SERRANA_ORG in places([region for region in alone if region["id"] == SECOND_SERRANA_ID])


def prediction_saying(label: str) -> dict[str, Any]:
    """The task's prediction with another label on the second "Serrana Lacticínios"."""
    said = copy.deepcopy(PREDICTION)
    for region in said["result"]:
        if region["id"] == SECOND_SERRANA_ID:
            region["value"]["labels"] = [label]
    return said


def copies_at_the_second_serrana(client: FlaskClient, **task: Any) -> list[tuple[str, list[str]]]:
    regions = answer(client, body_with([FIRST_MARK], **task))
    return [(region["id"], region["value"]["labels"]) for region in regions
            if region["type"] == "labels" and region["value"]["start"] == SECOND_SERRANA_ORG[0]]


def test_a_copy_over_a_predictions_other_label_on_the_same_words_replaces_it(client: FlaskClient) -> None:
    # The model said LOC on the second "Serrana Lacticínios", the annotator marks the first ORG. Before: the ORG copy
    # came under an id of its own, beside the LOC (two regions on one name, the LOC left for the annotator to
    # delete); now under the LOC's id, which the editor replaces. Before the first autosave and after it, where the
    # draft holds the prediction's region untouched (origin "prediction").
    # (The autosaved draft's first: a draftless answer's places are the next draft's, answered before.)
    said_loc = prediction_saying("LOC")
    untouched = [region | {"origin": "prediction"} for region in said_loc["result"]]
    assert copies_at_the_second_serrana(client, drafts=[autosaved(*untouched)], predictions=[said_loc]) == [
        (SECOND_SERRANA_ID, ["ORG"])]
    assert copies_at_the_second_serrana(client, drafts=[], predictions=[said_loc]) == [(SECOND_SERRANA_ID, ["ORG"])]


def test_a_region_the_annotator_relabelled_is_not_replaced(client: FlaskClient) -> None:
    # Relabelled by the annotator (the editor makes it "prediction-changed"), the LOC is theirs: the copy, if any,
    # comes under an id of its own.
    said_loc = prediction_saying("LOC")
    changed = [region | {"origin": "prediction-changed" if region["id"] == SECOND_SERRANA_ID else "prediction"}
               for region in said_loc["result"]]
    copies = copies_at_the_second_serrana(client, drafts=[autosaved(*changed)], predictions=[said_loc])
    assert all(region_id != SECOND_SERRANA_ID for region_id, _labels in copies)


def test_a_statement_at_fault_in_the_answered_places_read_is_not_hidden(
        app: Flask, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A database without the answered places' table (a statement at fault, not one out of reach): before, the read
    # caught any OperationalError and went on without the memory ("not read"), so a fault of the read alone (a
    # column misnamed in its query) never failed a request nor a test; here the write after it failed the request.
    # Now the read raises as the learned names' read does (503, the database cannot be used); a database out of
    # reach still costs only the memory (test_s51_interactive).
    tables_missing = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    app.extensions["anota"].predictor.answered.database = tables_missing
    drafted = body_with([FIRST_MARK], drafts=[autosaved(FIRST_MARK)])
    with caplog.at_level(logging.WARNING):
        response = app.test_client().post("/predict", json=drafted)
    tables_missing.dispose()
    assert response.status_code == 503 and "no such table: answered_places" in response.json["message"]
    assert "not read" not in caplog.text


def test_the_documented_annotation_changed_example_runs_as_written(
        make_app: Callable[..., Flask], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the example called `remember`, defined nowhere: copied as it stood, it failed on every event (a
    # NameError counted as the hook's error). Now it counts the labels given, and a webhook's annotation reaches it.
    docs = (Path(__file__).resolve().parent.parent / "docs" / "plugin_hooks.md").read_text(encoding="utf-8")
    [example] = [code for code in re.findall(r"```python\n(.*?)```", docs, re.S) if "def annotation_changed" in code]
    (tmp_path / "documented_learning.py").write_text(example, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "documented_learning", raising=False)
    app = make_app(PLUGINS=["documented_learning"], STRICT_PLUGINS="1", DISABLE_PLUGINS=NO_ANNOTATORS)
    body = recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json")
    assert app.test_client().post("/webhook", json=body).status_code in (200, 201)
    given = sys.modules["documented_learning"].LABELS_GIVEN
    monkeypatch.delitem(sys.modules, "documented_learning")
    labels = [label for region in body["annotation"]["result"] for label in region["value"].get("labels", [])]
    assert labels and sum(given.values()) == len(labels)
    assert get_state(app).metrics.plugin_errors.labels("documented_learning", "", "hook")._value.get() == 0
