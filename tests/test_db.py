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
