"""The embedded database (server.db)."""

from __future__ import annotations

import threading

from sqlalchemy import select

from server.db import Database, StoredAnnotation


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
