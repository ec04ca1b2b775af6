"""A throwaway PostgreSQL server for the tests: one cluster in a temporary
folder, listening on 127.0.0.1 at a free port (its unix socket in that folder),
with a fresh schema per test.

The server binaries come from the machine (Debian's ``postgresql`` package, which
``make test`` installs when missing). initdb and postgres refuse to run as root,
so under root they run as the ``postgres`` user, in a folder that user owns.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import psycopg

from tests.e2e.servers import _die_with_parent, free_port

SERVER_USER = "postgres"  # who runs the server when we are root
SUPERUSER = "anota"
DATABASE = "anota_test"
START_SECONDS = 30
STOP_SECONDS = 20


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def find_binaries() -> Path:
    """The folder holding initdb and postgres: Debian's newest version, else PATH."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda path: int(path.parts[-3]))
    if versions:
        return versions[-1].parent
    on_path = shutil.which("postgres")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    raise PostgresUnavailable("no PostgreSQL server binaries (apt-get install postgresql)")


@dataclass
class PostgresCluster:
    """A running server with one database, ``anota_test``; ``create_schema``
    gives an SQLAlchemy URL whose connections see only a new, empty schema
    (a schema costs milliseconds, a database half a second on a busy machine)."""

    folder: Path
    port: int
    process: subprocess.Popen
    _numbers: count = field(default_factory=count)

    def dsn(self, database: str = DATABASE) -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={database}"

    def create_schema(self) -> str:
        name = f"test_{next(self._numbers)}"
        with closing(psycopg.connect(self.dsn(), autocommit=True)) as connection:
            connection.execute(f"CREATE SCHEMA {name}")
        # Unqualified names resolve to the schema: Anota's tables are created and read there.
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}?options=-csearch_path%3D{name}"

    def drop_schema(self, url: str) -> None:
        name = url.rsplit("%3D", 1)[1]
        with closing(psycopg.connect(self.dsn(), autocommit=True)) as connection:
            # A connection a test left in a transaction would block the drop: fail instead.
            connection.execute("SET lock_timeout = '10s'")
            connection.execute(f"DROP SCHEMA {name} CASCADE")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown: roll back, close, exit
            try:
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> PostgresCluster:
    """initdb a temporary cluster and start its server; raise PostgresUnavailable
    when this machine cannot."""
    binaries = find_binaries()
    user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix="anota-postgres-"))
    data = folder / "data"
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    try:
        _run_as(user, [str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                       "--encoding=UTF8", "--locale=C", "--no-sync"], folder)
        port = free_port()
        # Durability settings off: a test database is thrown away, and fsyncs
        # would dominate the run time on a shared disk.
        command = [
            str(binaries / "postgres"), "-D", str(data), "-p", str(port),
            "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={folder}",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ]
        with (folder / "server.log").open("wb") as log:
            process = subprocess.Popen(
                # If pytest dies without its finalizers, the kernel stops the server
                # (the hook runs after the switch of user, which would clear it).
                command, stdout=log, stderr=subprocess.STDOUT, cwd=folder, preexec_fn=_die_with_parent,
                **_user_options(user),
            )
    except (OSError, PostgresUnavailable) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise PostgresUnavailable(f"cannot start PostgreSQL from {binaries}: {error}") from error
    cluster = PostgresCluster(folder, port, process)
    try:
        _wait_until_up(cluster)
        with closing(psycopg.connect(cluster.dsn("postgres"), autocommit=True)) as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")
    except (PostgresUnavailable, psycopg.Error) as error:
        cluster.stop()
        raise PostgresUnavailable(str(error)) from error
    return cluster


def _server_user() -> pwd.struct_passwd | None:
    """The account to run the server as: None to run it as ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError as error:
        raise PostgresUnavailable(f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL") from error


def _user_options(user: pwd.struct_passwd | None) -> dict[str, object]:
    return {} if user is None else {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


def _run_as(user: pwd.struct_passwd | None, command: list[str], folder: Path) -> None:
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, **_user_options(user))
    if done.returncode != 0:
        raise PostgresUnavailable(f"{Path(command[0]).name} failed: {done.stderr.strip() or done.stdout.strip()}")


def _wait_until_up(cluster: PostgresCluster) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if cluster.process.poll() is not None:
            log = (cluster.folder / "server.log").read_text(errors="replace")
            raise PostgresUnavailable(f"postgres exited with {cluster.process.returncode}:\n{log[-2000:]}")
        try:
            psycopg.connect(cluster.dsn("postgres"), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            time.sleep(0.1)
    raise PostgresUnavailable(f"postgres did not accept connections on port {cluster.port} in {START_SECONDS} s")
