"""The embedded database: SQLite by default, any SQLAlchemy URL (PostgreSQL) works.

Every table of Anota and of its built-in plugins derives from :class:`Base`;
``Database.create_all`` creates them, so a plugin that keeps state declares its
model on the same ``Base`` and imports nothing else.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    JSON, BigInteger, Boolean, DateTime, String, Table, Text, create_engine, delete, event, func, insert, select,
    tuple_,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool


T = TypeVar("T")

log = logging.getLogger(__name__)

# SQLite's wait for another connection's lock before a statement fails with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 5000
# How long a write that a request can do without (``Database.write_unless_busy``) waits for another writer's lock:
# a /predict must not wait SQLITE_BUSY_TIMEOUT_MS, nor lose its suggestions, for a record of what it suggested;
# a webhook's write or another worker's /predict holds the lock for milliseconds.
SKIPPABLE_WRITE_WAIT = 0.5
# Error codes of a wait for a lock that ran out: SQLite's SQLITE_BUSY and SQLITE_LOCKED (the low byte of an
# extended code), PostgreSQL's lock_not_available (SQLSTATE).
_SQLITE_LOCK_CODES = (5, 6)
_POSTGRESQL_LOCK_STATE = "55P03"
# SQLite's codes of a file it cannot open or write at all (the low byte of an extended code): SQLITE_READONLY (a
# read-only file or mount, a file moved away under an open connection) and SQLITE_CANTOPEN (its folder removed):
# as out of reach as a PostgreSQL server down, and no statement of Anota's at fault.
_SQLITE_UNOPENABLE_CODES = (8, 14)


class Base(DeclarativeBase):
    pass


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class StoredAnnotation(Base):
    """The latest state of one Label Studio annotation, as received by webhook."""

    __tablename__ = "annotations"

    # Label Studio's ids, 64-bit as SQLite's integers are (PostgreSQL's INTEGER is 32-bit).
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # the annotation's
    project_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    task_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    task_data: Mapped[dict] = mapped_column(JSON, default=dict)
    task_meta: Mapped[dict] = mapped_column(JSON, default=dict)
    result: Mapped[list] = mapped_column(JSON, default=list)
    prediction: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    was_cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    ground_truth: Mapped[bool] = mapped_column(Boolean, default=False)
    # Text, not String(n): these come from the request as they are, and
    # PostgreSQL (unlike SQLite) would refuse a longer value.
    completed_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class StoredProject(Base):
    """A Label Studio project's labeling config, as its webhook events or
    /setup last sent it: ``anota export --from-db`` reads the project's
    annotations by it (which text a span is on, a Paragraphs object's
    utterances). A table of its own, not a column: ``create_all`` adds it to a
    database made before it, which needs no migration."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # Label Studio's
    label_config: Mapped[str] = mapped_column(Text)
    # The project's updated_at as its webhook sent it: a late delivery of an older state changes nothing.
    updated_at: Mapped[str | None] = mapped_column(Text, nullable=True)


class RefusedConfig(Base):
    """The latest labeling config /webhook did not store for a project (one
    Label Studio would refuse, or no string: ``server.config_checks``), and
    why: ``anota export --from-db`` says that the config it read is an
    earlier one, or that it has none for this reason. Gone once a config of a
    later state of the project is stored. A table of its own, as
    ``projects``: ``create_all`` adds it to a database made before it."""

    __tablename__ = "refused_configs"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # the project's, Label Studio's
    reason: Mapped[str] = mapped_column(Text)
    # The project's updated_at as the refusing event sent it: a late delivery of an older state is no refusal.
    updated_at: Mapped[str | None] = mapped_column(Text, nullable=True)


class NullAnnotationFlags(Base):
    """The flags (``was_cancelled``, ``ground_truth``) that an annotation's
    latest webhook event sent as null, which Label Studio never writes there.
    ``annotations`` holds such a flag as false (its boolean columns refuse
    null in every database made so far); this names it, so that ``anota
    export --from-db`` reports the repair as the export of a file does. A
    table of its own, as ``projects``: ``create_all`` adds it to a database
    made before it, which needs no migration."""

    __tablename__ = "annotation_null_flags"

    annotation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    flags: Mapped[list] = mapped_column(JSON)  # the flags' names


class DeletedProject(Base):
    """A project Label Studio deleted (PROJECT_DELETED), kept so that its late
    events (sent before the deletion, delivered after it) store nothing of it
    again, after a restart and on every worker; a /setup of a project Label
    Studio created after ``deleted_at`` (when Anota received the deletion, on
    its clock) lifts it (``server.events._set_up_again``)."""

    __tablename__ = "deleted_projects"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # Label Studio's
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AnsweredPlace(Base):
    """One region place (control, span, labels: ``place``, as JSON) that an
    interactive answer gave an annotator on a task's object and text
    (``server.interactive.AnsweredRegions``): kept here, not in a worker's
    memory, so that every worker and a restarted server know it (the editor
    put it into the annotation: answered again, a region the annotator
    deleted would come back). ``annotator`` is '' for answers before the
    annotator's first autosave (claimed by their first request with a draft).
    Rows a task has not added to for ``ANSWERED_DAYS`` are deleted."""

    __tablename__ = "answered_places"

    task_key: Mapped[str] = mapped_column(Text, primary_key=True)  # "<project>/<task id>"
    annotator: Mapped[str] = mapped_column(Text, primary_key=True)  # the drafts' user, Label Studio's email
    object_name: Mapped[str] = mapped_column(Text, primary_key=True)
    text_crc: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    place: Mapped[str] = mapped_column(Text, primary_key=True)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class WebhookEvent(Base):
    """One received webhook event, keyed by a digest of its content, so that a
    repeated delivery is recognised and changes nothing."""

    __tablename__ = "webhook_events"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    action: Mapped[str] = mapped_column(Text)  # as Label Studio sent it
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="")


class ChangeSignal:
    """Tells every worker of one database that something in it changed, without
    a query: a writer calls ``notify()`` once its change is committed (before
    it answers the request that made it), and a reader compares ``token()``,
    taken before it reads, with the one it took last time; an equal token
    means nothing changed since. Each worker of ``anota serve`` on a SQLite
    file reads a small file beside the database (one read of 16 bytes); a
    database in memory has one process, which counts. On another database
    (PostgreSQL, whose workers may share no folder) every token differs: the
    reader reads the database each time.

    SQLite's ``PRAGMA data_version`` (on a connection that never writes, it
    changes whenever another connection commits) is as cheap to read (5.1 us
    against 5.7 us for the file), but it tells that anything was committed,
    and every /predict commits what it suggested (the entities plugin's
    ``entity_suggestions``): it changed before 199 of 200 /predicts, each of
    which then read the votes again (1 query a /predict instead of 0)."""

    def __init__(self, path: Path | None = None, *, one_process: bool = False) -> None:
        self.path = path  # the file beside a SQLite database
        self.one_process = one_process  # a database in memory: its writers and readers are this process
        self._count = 0

    def notify(self) -> None:
        if self.path is not None:
            # Written in place: a reader sees new bytes, never a missing file.
            with self.path.open("r+b" if self.path.exists() else "wb") as file:
                file.write(os.urandom(16))
        else:
            self._count += 1

    def token(self) -> object:
        if self.path is not None:
            try:
                descriptor = os.open(self.path, os.O_RDONLY)
            except FileNotFoundError:
                return b""  # nothing notified yet
            try:
                return os.pread(descriptor, 16, 0)
            finally:
                os.close(descriptor)
        return self._count if self.one_process else object()


class Database:
    """An engine and a session factory for one app."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(with_driver(url))
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _tune_sqlite)
        event.listen(self.engine, "checkin", self._close_if_disposed)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Set by dispose(): the threads of the app that owns the database stop.
        self.closed = threading.Event()
        # Told what each write ``write_unless_busy`` went on without would have stored (the app counts it).
        self.on_skipped_write: Callable[[str], None] = _ignore
        self._signals: dict[str, ChangeSignal] = {}
        self._signals_lock = threading.Lock()

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error."""
        with self.sessions() as session, session.begin():
            yield session

    def write_unless_busy(self, what: str, write: Callable[[Session], None]) -> bool:
        """Run ``write`` in a transaction of its own, unless another writer holds the database for longer than
        SKIPPABLE_WRITE_WAIT: then it is left undone, logged and told to ``on_skipped_write`` (``what`` it would have
        stored), and False is returned; so when it cannot be reached (``out_of_reach``). For what a request can go on
        without (the entities plugin's record of its suggestions): a SQLite file another process held locked kept a
        /predict waiting SQLite's busy timeout, 5 s, and then lost the entities annotator's output for the task
        (fixtures/malformed45, ``predict_db_locked``)."""
        try:
            with self.session() as session, _lock_wait(session, SKIPPABLE_WRITE_WAIT):
                write(session)
        except OperationalError as exc:
            # Nor when it cannot be reached (PostgreSQL stopped: the entities annotator lost its output, session 51).
            if not (waited_for_lock(exc) or out_of_reach(exc)):
                raise
            why = f"stayed locked by another writer for {SKIPPABLE_WRITE_WAIT:g} s" if waited_for_lock(exc) else \
                "cannot be reached now"
            log.warning("the database %s: %s not stored (%s)", why, what, str(exc.orig or exc).strip().splitlines()[0])
            self.on_skipped_write(what)
            return False
        return True

    def signal(self, name: str) -> ChangeSignal:
        """The change signal ``name`` of this database (``ChangeSignal``)."""
        with self._signals_lock:
            if name not in self._signals:
                self._signals[name] = self._new_signal(name)
            return self._signals[name]

    def _new_signal(self, name: str) -> ChangeSignal:
        url = self.engine.url
        if is_sqlite_memory(url):
            return ChangeSignal(one_process=True)
        if url.drivername.startswith("sqlite"):
            return ChangeSignal(Path(f"{url.database}-{name}"))
        return ChangeSignal()

    def dispose(self) -> None:
        self.closed.set()
        self.engine.dispose()

    def _close_if_disposed(self, _connection: DBAPIConnection | None, record: ConnectionPoolEntry) -> None:
        # A thread still in a query at dispose() (the projects watcher, a
        # request ending) gives its connection back afterwards, into the pool
        # dispose() discarded: closed now, not left open there until the
        # garbage collector finds it (psycopg's ResourceWarning, in a later test).
        if self.closed.is_set():
            record.invalidate()


def _ignore(_what: str) -> None:
    pass


@contextmanager
def _lock_wait(session: Session, seconds: float) -> Iterator[None]:
    """``session``'s transaction waits at most ``seconds`` for a lock another writer holds: SQLite's busy timeout
    for its connection, put back afterwards (the connection returns to the pool); PostgreSQL's ``lock_timeout`` for
    the transaction alone. A SQLite database in memory has no other writer."""
    connection = session.connection()
    milliseconds = round(seconds * 1000)
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {milliseconds}")
        yield
    elif connection.dialect.name == "sqlite" and not is_sqlite_memory(connection.engine.url):
        driver = connection.connection.driver_connection  # a PRAGMA outside SQLAlchemy's statement handling
        driver.execute(f"PRAGMA busy_timeout={milliseconds}")
        try:
            yield
        finally:
            driver.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    else:
        yield


def waited_for_lock(exc: OperationalError) -> bool:
    """Whether ``exc`` is a statement that waited for another writer's lock in vain (not a full disk, a lost
    connection or a bad file)."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _SQLITE_LOCK_CODES
    return getattr(exc.orig, "sqlstate", None) == _POSTGRESQL_LOCK_STATE


def out_of_reach(exc: OperationalError) -> bool:
    """Whether ``exc`` is the database out of reach (a connection refused or lost, a SQLite file that cannot be
    opened or written: ``_SQLITE_UNOPENABLE_CODES``), not a statement that failed: psycopg's own connection failures
    carry no SQLSTATE, the server's are of classes 08 and 57P."""
    if exc.connection_invalidated:
        return True
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _SQLITE_UNOPENABLE_CODES
    sqlstate = getattr(exc.orig, "sqlstate", "")  # SQLite's errors have none
    return sqlstate is None or sqlstate.startswith(("08", "57P"))


# The first key of PostgreSQL's two-key advisory locks that Anota takes: the
# second is a project's; another application's locks on the database use other
# first keys (or the one-key form), and do not collide with ours.
PROJECT_LOCKS = 0x616E6F74  # "anot"


def lock_project(session: Session, project_id: int) -> None:
    """Make ``session``'s transaction the only writer of ``project_id`` until it
    ends: what it reads after this call (a deletion's record) stays true until
    it commits. Call it first in the transaction. On PostgreSQL an advisory
    lock of the project (in READ COMMITTED each later statement then sees what
    the previous holder committed); on SQLite, which has one writer at a time,
    the write lock taken at BEGIN (a deferred transaction reads a snapshot that
    another writer may have changed before it writes). A database in memory
    has one connection that every thread shares: SQLite runs its statements one
    at a time, and no transaction can be opened on it beside another's."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        # Two 32-bit keys; projects whose ids share the low 31 bits share a lock, which only makes one wait.
        session.execute(select(func.pg_advisory_xact_lock(PROJECT_LOCKS, project_id & 0x7FFFFFFF)))
    elif bind.dialect.name == "sqlite" and not is_sqlite_memory(bind.engine.url):
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")


def retry_on_conflict(write: Callable[[], T], attempts: int = 3) -> T:
    """Run ``write`` (a function that commits one transaction of its own), again
    when a concurrent transaction inserted one of its keys first. On SQLite
    writers take turns; on PostgreSQL two requests can both find a key absent
    and both insert it. The other transaction has committed when ours fails, so
    a new try sees its rows."""
    for _ in range(attempts - 1):
        try:
            return write()
        except IntegrityError:
            continue
    return write()


def upsert(session: Session, table: Table, rows: list[dict[str, Any]], key: str) -> None:
    """Insert ``rows`` into ``table``, replacing those whose ``key`` is there
    already. On SQLite and PostgreSQL it is INSERT ... ON CONFLICT DO UPDATE,
    which concurrent writers of the same key cannot race (a delete then an
    insert can: each finds nothing to delete, then both insert). Rows go in key
    order, so that two writers lock them in the same order, one statement per
    row (executemany), so that no batch meets a limit on parameters."""
    if not rows:
        return
    rows = sorted(rows, key=lambda row: row[key])
    dialect = session.get_bind().dialect.name
    if dialect not in _UPSERTING_INSERTS:  # another database: delete, then insert
        session.execute(delete(table).where(table.c[key].in_([row[key] for row in rows])))
        session.execute(insert(table), rows)
        return
    session.execute(upsert_statement(dialect, table, key), rows)


_UPSERTING_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


@functools.lru_cache(maxsize=32)
def upsert_statement(dialect: str, table: Table, key: str) -> Any:
    """``upsert``'s INSERT ... ON CONFLICT DO UPDATE of ``table`` on ``key`` for a dialect that has it, built once:
    a statement is immutable, and building it (the ``excluded`` alias and its columns) and deriving its cache key
    anew cost the entities plugin's record of a request's suggestions 0.55 ms of CPU, 0.39 ms with it reused."""
    statement = _UPSERTING_INSERTS[dialect](table)
    replaced = {column.name: statement.excluded[column.name] for column in table.columns if column.name != key}
    return statement.on_conflict_do_update(index_elements=[key], set_=replaced)


def insert_or_touch(session: Session, table: Table, rows: list[dict[str, Any]], touched: str) -> None:
    """Insert ``rows`` into ``table``; where a row's primary key is there already, only its ``touched`` column takes
    the new value (INSERT ... ON CONFLICT DO UPDATE on SQLite and PostgreSQL: two writers of one key cannot race)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect not in _UPSERTING_INSERTS:  # another database: delete, then insert
        key = list(table.primary_key.columns)
        session.execute(delete(table).where(tuple_(*key).in_([tuple(row[c.name] for c in key) for row in rows])))
        session.execute(insert(table), rows)
        return
    statement = _UPSERTING_INSERTS[dialect](table)
    session.execute(statement.on_conflict_do_update(index_elements=list(table.primary_key.columns),
                                                    set_={touched: statement.excluded[touched]}), rows)


def increment(session: Session, column: Any, key: dict[str, Any]) -> None:
    """Add 1 to ``column`` in the row of its table that ``key`` (the primary
    key's columns and values) names, inserting the row with 1 when there is
    none: one statement on SQLite and PostgreSQL (INSERT ... ON CONFLICT DO
    UPDATE, which two first increments at once cannot both insert)."""
    table = column.table
    dialect_insert = _UPSERTING_INSERTS.get(session.get_bind().dialect.name)
    if dialect_insert is None:  # another database: update, or insert when nothing was updated
        where = [table.c[name] == value for name, value in key.items()]
        if session.execute(table.update().where(*where).values({column.name: column + 1})).rowcount == 0:
            session.execute(insert(table).values({**key, column.name: 1}))
        return
    statement = dialect_insert(table).values({**key, column.name: 1})
    session.execute(statement.on_conflict_do_update(index_elements=list(key), set_={column.name: column + 1}))


def _engine(url: URL) -> Engine:
    """The engine of ``url``; a driver that is not installed is NoSuchModuleError saying what to install (the
    commands show it as one line): a PostgreSQL URL without the postgres extra was psycopg's ModuleNotFoundError, a
    traceback (carried from session 49's user pass)."""
    if is_sqlite_memory(url):
        # Each connection to ":memory:" is a database of its own, and the
        # annotators run on threads of their own: all share one connection.
        return create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    try:
        return create_engine(url)
    except ImportError as exc:
        extra = " (pip install 'anota[postgres]', or .venv/bin/pip install -e '.[postgres]' in a clone)" \
            if url.get_driver_name() == "psycopg" else ""
        raise NoSuchModuleError(f"its driver {exc.name or url.get_driver_name()} is not installed{extra}") from exc


def with_driver(url: str) -> URL:
    """``url`` with psycopg 3 as the driver of a plain ``postgresql://`` URL:
    the one ``anota[postgres]`` installs (SQLAlchemy before 2.1 would pick psycopg2)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+psycopg") if parsed.drivername == "postgresql" else parsed


def is_sqlite_memory(url: URL) -> bool:
    return url.drivername.startswith("sqlite") and (
        url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    )


def _tune_sqlite(connection: object, _record: object) -> None:
    # WAL lets gunicorn workers read while one writes; NORMAL sync keeps a
    # webhook write well under Label Studio's 1 s timeout and is still durable
    # against application crashes.
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()
