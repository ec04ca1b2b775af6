"""The embedded database (server.db)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from plugins.entity_memory import SuggestedEntities, VotesRevision
from server.db import SKIPPABLE_WRITE_WAIT, SQLITE_BUSY_TIMEOUT_MS, Database, StoredAnnotation, increment, upsert


def test_an_in_memory_database_is_one_database_for_every_thread():
    # `anota tasks SOURCES` cleans ad-hoc sources in memory while the
    # annotators, on threads of their own, read what annotators taught them.
    database = Database("sqlite://")
    database.create_all()
    found: list[object] = []

    def read() -> None:
        with database.session() as session:
            found.append(session.scalars(select(StoredAnnotation)).all())

    reader = threading.Thread(target=read)
    reader.start()
    reader.join()
    assert found == [[]]


def test_increment_inserts_a_counter_at_one_then_adds_one(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'counter.db'}")
    database.create_all()
    column = VotesRevision.__table__.c.revision
    for expected in (1, 2, 3):
        with database.session() as session:
            increment(session, column, {"project_key": 5})
        with database.session() as session:
            assert session.get(VotesRevision, 5).revision == expected
    database.dispose()


def test_upsert_replaces_the_rows_of_its_keys_each_time_with_its_statement_built_once(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'upsert.db'}")
    database.create_all()
    table = SuggestedEntities.__table__
    writes = [[("a", [[0, 4, "ORG"]]), ("b", [[1, 2, "PER"]])], [("b", [[5, 9, "LOC"]]), ("c", [])]]
    for rows in writes:  # the second write reuses the statement the first built (``upsert_statement``)
        with database.session() as session:
            upsert(session, table, [{"text_digest": key, "spans": spans} for key, spans in rows], "text_digest")
    with database.session() as session:
        stored = {row.text_digest: row.spans for row in session.scalars(select(SuggestedEntities))}
    assert stored == {"a": [[0, 4, "ORG"]], "b": [[5, 9, "LOC"]], "c": []}
    database.dispose()


def closed(connection: object) -> bool:
    """Whether a DB-API connection (sqlite3's or psycopg's) was closed."""
    try:
        connection.cursor().execute("SELECT 1")  # type: ignore[attr-defined]
    except Exception as error:  # sqlite3.ProgrammingError, psycopg.OperationalError
        assert "closed" in str(error), error
        return True
    return False


def test_a_connection_given_back_after_dispose_is_closed_not_left_in_the_pool(database_url):
    """A thread still in a query when the app's database is disposed (the
    projects watcher, a request ending) gives its connection back afterwards.
    It was put in the pool dispose() had discarded, open, until the garbage
    collector found it: psycopg's ResourceWarning failed an unrelated test."""
    database = Database(database_url)
    with database.session() as session:
        returned_before = session.connection().connection.dbapi_connection
    assert not closed(returned_before)  # the guard: given back before dispose, it stays open in the pool
    with database.session() as session:
        held = session.connection().connection.dbapi_connection
        database.dispose()
        assert session.execute(select(1)).scalar() == 1  # the holder finishes its work
    assert closed(held)


def busy_timeout(database: Database) -> int:
    """The busy timeout of the SQLite connection ``database``'s pool gives out next (the one used last)."""
    with database.engine.connect() as connection:
        return connection.exec_driver_sql("PRAGMA busy_timeout").scalar()


def test_a_write_a_request_can_do_without_is_skipped_on_a_locked_database_not_waited_for(tmp_path):
    # fixtures/malformed45's predict_db_locked: another process held the SQLite file locked, and the entities
    # plugin's record of its suggestions waited SQLite's 5 s busy timeout, then lost the plugin's output.
    from tests.test_malformed45 import runner

    path = tmp_path / "locked.db"
    database = Database(f"sqlite:///{path}")
    database.create_all()
    skipped: list[str] = []
    database.on_skipped_write = skipped.append

    def write(session) -> None:
        increment(session, VotesRevision.__table__.c.revision, {"project_key": 7})

    assert database.write_unless_busy("a revision", write) is True
    locker = runner.hold_lock(path, 30)
    try:
        started = time.monotonic()
        assert database.write_unless_busy("a revision", write) is False
        waited = time.monotonic() - started
    finally:
        locker.kill()
        locker.communicate()
    assert SKIPPABLE_WRITE_WAIT <= waited < 3  # not the busy timeout
    assert skipped == ["a revision"]
    assert busy_timeout(database) == SQLITE_BUSY_TIMEOUT_MS  # put back for every other statement
    assert database.write_unless_busy("a revision", write) is True
    with database.session() as session:
        assert session.get(VotesRevision, 7).revision == 2  # the skipped write left nothing half done
    database.dispose()


def test_a_write_that_fails_for_another_reason_than_a_lock_still_raises(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'other.db'}")  # no tables created
    database.on_skipped_write = pytest.fail

    with pytest.raises(OperationalError, match="no such table"):
        database.write_unless_busy("a revision", lambda session: increment(
            session, VotesRevision.__table__.c.revision, {"project_key": 7}))
    database.dispose()
