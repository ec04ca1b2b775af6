"""The embedded database (server.db)."""

from __future__ import annotations

import threading

from sqlalchemy import select

from plugins.entity_memory import VotesRevision
from server.db import Database, StoredAnnotation, increment


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
