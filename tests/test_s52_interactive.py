"""The annotator's first mark, before any autosave, and a database Anota cannot open.

Label Studio 1.23.2's editor sends the first mark's interactive request with no draft: ``lsf:regionFinishedDrawing``
(``main.js``, ``DataManager.jsx``) posts the drawn regions at once, while the annotation's autosave is a trailing
throttle of 5 s (``Annotation.js`` ``startAutosave``: ``throttle(saveDraft, autosaveDelay=5000, {leading: false})``),
so the task Label Studio adds (``ml/models.py`` ``interactive_annotating``) carries no draft of this annotation yet.
Nothing then tells whether the editor pre-labelled it from a prediction. A copy at a place a prediction holds goes
under that prediction region's id: the editor stores an accepted answer's region under its id and the annotation
(``deserializeSingleResult``: ``<id>#<annotation>``), so in an annotation pre-labelled from the prediction
(``addAnnotationFromPrediction`` keeps its ids) it replaces the same region, and elsewhere it is added. The editor
serializes every region with its ``origin`` (``Result.js``): "prediction" for one pre-labelled, "manual" for one
drawn or taken from an answer. Bodies in the editor's shape (fixtures/s50-interactive/editor_body.json)."""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy import text

from server.db import Database, out_of_reach
from tests.test_s50_interactive import BODY, TEXT, answer, body_with, mark, places

PREDICTION = BODY["tasks"][0]["predictions"][0]
DRAFT = BODY["tasks"][0]["drafts"][0]
SERRANA = "Serrana Lacticínios"
FIRST_SERRANA = TEXT.index(SERRANA)
SECOND_SERRANA = TEXT.index(SERRANA, FIRST_SERRANA + 1)
SECOND_SERRANA_ORG = (SECOND_SERRANA, SECOND_SERRANA + len(SERRANA), "ORG")
# The prediction's ORG on the second "Serrana Lacticínios".
SECOND_SERRANA_ID = "text-a1r1"
VISEU_LOC = (TEXT.index("Viseu"), TEXT.index("Viseu") + len("Viseu"), "LOC")
FIRST_MARK = mark(FIRST_SERRANA, SERRANA, region_id="Hq2nV7dL_x")


def first_mark_answer(client) -> list[dict[str, Any]]:
    """The answer to the first mark: the editor's body with no draft yet."""
    return answer(client, body_with([FIRST_MARK], drafts=[]))


def autosaved(*regions: dict[str, Any]) -> dict[str, Any]:
    """The draft the editor autosaves 5 s after the first change, its regions serialized with their origin."""
    return {**copy.deepcopy(DRAFT), "result": [copy.deepcopy(region) for region in regions]}


def taken(region: dict[str, Any]) -> dict[str, Any]:
    """An answer's region as the annotation then holds it: stored under its id, origin "manual"."""
    return {key: value for key, value in region.items() if key in ("id", "from_name", "to_name", "type", "value")
            } | {"origin": "manual"}


def test_the_first_marks_copy_at_a_predictions_place_is_sent_under_its_id(client):
    # Before: withheld (the prediction counted as held), and lost where the annotation did not start from it: the
    # next mark's context holds only the next drawn region, so this copy never came.
    [copy_] = [region for region in first_mark_answer(client) if region["value"].get("start") == SECOND_SERRANA]
    assert places([copy_]) == [SECOND_SERRANA_ORG]
    assert copy_["id"] == SECOND_SERRANA_ID  # the editor replaces the prediction's region of that id, if it holds it


def test_a_place_two_predictions_hold_under_different_ids_is_still_withheld(client):
    # Which of them the editor pre-labelled from (its first shown, or the project's model version) the request does
    # not say: a copy under the other id would sit beside the region.
    other = copy.deepcopy(PREDICTION) | {"id": 32, "model_version": "older"}
    for region in other["result"]:
        region["id"] = f"old-{region['id']}"
    regions = answer(client, body_with([FIRST_MARK], drafts=[], predictions=[PREDICTION, other]))
    assert SECOND_SERRANA_ORG not in places(regions)


def test_the_copy_taken_under_a_predictions_id_does_not_pass_for_a_prelabelled_annotation(client):
    # A project without pre-labelling: the autosaved draft holds the mark and the copy (origin "manual") under the
    # prediction's id and place. Before the origin was read, that made the prediction count as held on the next
    # mark, and the plugins' LOC on Viseu (which the annotation never held) was withheld.
    copy_ = next(region for region in first_mark_answer(client) if region["id"] == SECOND_SERRANA_ID)
    draft = autosaved(FIRST_MARK, taken(copy_))
    regions = answer(client, body_with([mark(TEXT.index("Rui Amaral"), "Rui Amaral", "PER", "Pp4sX9wQ_c")],
                                       drafts=[draft]))
    assert VISEU_LOC in places(regions)


def test_a_prelabelled_annotation_still_holds_its_prediction_after_the_copy(client):
    # Pre-labelled: the draft holds the prediction's regions (origin "prediction"), the copy replacing its own.
    copy_ = next(region for region in first_mark_answer(client) if region["id"] == SECOND_SERRANA_ID)
    kept = [region | {"origin": "prediction"} for region in PREDICTION["result"] if region["id"] != SECOND_SERRANA_ID]
    draft = autosaved(*kept, FIRST_MARK, taken(copy_))
    regions = answer(client, body_with([mark(TEXT.index("Rui Amaral"), "Rui Amaral", "PER", "Pp4sX9wQ_c")],
                                       drafts=[draft]))
    assert VISEU_LOC not in places(regions)


# A SQLite file Anota cannot open or write: out of reach, as a PostgreSQL server down (``write_unless_busy`` skips).


def failure(database: Database) -> OperationalError:
    with pytest.raises(OperationalError) as raised, database.session() as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS t (x INTEGER)"))
        session.execute(text("INSERT INTO t VALUES (1)"))
    database.dispose()
    return raised.value


def test_a_sqlite_file_that_cannot_be_opened_or_written_is_out_of_reach(tmp_path):
    assert out_of_reach(failure(Database(f"sqlite:///{tmp_path / 'removed' / 'anota.db'}")))  # SQLITE_CANTOPEN
    Database(f"sqlite:///{tmp_path / 'anota.db'}").create_all()
    read_only = Database(f"sqlite:///file:{tmp_path / 'anota.db'}?mode=ro&uri=true")
    assert out_of_reach(failure(read_only))  # SQLITE_READONLY (file permissions do not stop root)
    no_table = Database(f"sqlite:///{tmp_path / 'anota.db'}")
    with pytest.raises(OperationalError) as raised, no_table.session() as session:
        session.execute(text("SELECT x FROM missing_table"))
    no_table.dispose()
    assert not out_of_reach(raised.value)  # a statement at fault


def test_a_read_only_database_costs_the_memory_not_the_answer(app, tmp_path, caplog):
    # The answered places' writes skipped through write_unless_busy alone (before: AnsweredRegions caught the error
    # itself beside it; with that catch removed and SQLite's codes unknown to out_of_reach, the mark got a 503).
    Database(f"sqlite:///{tmp_path / 'anota.db'}").create_all()
    read_only = Database(f"sqlite:///file:{tmp_path / 'anota.db'}?mode=ro&uri=true")
    skipped: list[str] = []
    read_only.on_skipped_write = skipped.append
    app.extensions["anota"].predictor.answered.database = read_only
    with caplog.at_level(logging.WARNING):
        regions = answer(app.test_client(), body_with([FIRST_MARK], drafts=[]))
    assert SECOND_SERRANA_ORG in places(regions)
    assert skipped == ["answered_places"]
    assert "cannot be reached now: answered_places not stored" in caplog.text
    read_only.dispose()
