"""Real servers for the end-to-end tests: Label Studio from ``.ls-venv`` and
Anota from ``.venv``, each in its own process group on a free loopback port,
and the ``Servers`` a test session drives."""

from __future__ import annotations

import base64
import contextlib
import ctypes
import hashlib
import json
import os
import re
import shutil
import signal
from contextlib import closing
import socket
import sqlite3
import subprocess
import time
import traceback
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from server.cli import cli

ROOT = Path(__file__).resolve().parents[2]
LABEL_STUDIO = ROOT / ".ls-venv" / "bin" / "label-studio"
ANOTA = ROOT / ".venv" / "bin" / "anota"
# Migrated Label Studio data folders, kept between runs (gitignored).
LS_CACHE = ROOT / ".ls-cache"
LABEL_STUDIO_VERSION = "1.23.2"

# Throwaway credentials: this Label Studio lives on loopback for one session.
LS_USER = "e2e@example.com"
LS_PASSWORD = "e2e-throwaway-password"
LS_LEGACY_TOKEN = "e2e-legacy-token"
ANOTA_USER = "label-studio"
ANOTA_PASSWORD = "e2e-backend-password"

# A cold start (244 migrations) took 147 to 293 s on the shared, loaded 2-core machine.
STARTUP_SECONDS = 600
STOP_SECONDS = 20

# What Label Studio logs when it rejects predictions or cannot use a backend.
LOG_PROBLEMS = re.compile(
    r"\[(ERROR|CRITICAL)\]|Traceback|Error validating prediction|Prediction not created"
    r"|ML backend returns an incorrect|Number of tasks and responses are not equal|one-by-one"
    r"|Bad Request: /api/(ml|dm|predictions)|Internal Server Error"
)

# What Anota must never answer or log, whatever Label Studio sends it.
ANOTA_LOG_PROBLEMS = re.compile(r'" 5\d\d \d|Traceback')


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A free loopback port: any, or the first free one of ``E2E_PORTS`` ("16400-16439") where several people
    share a machine and each is given a range."""
    first, _, last = os.environ.get("E2E_PORTS", "0-0").partition("-")
    # Not one handed out already: its server may not listen yet.
    for port in sorted(set(range(int(first), int(last or first) + 1)) - _HANDED_OUT):
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind(("127.0.0.1", port))
            port = sock.getsockname()[1]
            _HANDED_OUT.add(port)
            return port
    raise RuntimeError(f"no free port in E2E_PORTS={os.environ['E2E_PORTS']}")


def log_problems(text: str) -> list[str]:
    """Lines of a Label Studio log that report a rejected prediction or a
    failing ML backend (Label Studio logs each line twice: keep one)."""
    return sorted({line.strip() for line in text.splitlines() if LOG_PROBLEMS.search(line)})


@dataclass
class Server:
    """One server process; ``stop`` ends its whole process group."""

    name: str
    url: str
    process: subprocess.Popen
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_until_up(self, seconds: float = STARTUP_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:
                    if json.load(answer).get("status") == "UP":
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} did not answer {self.url}/health in {seconds:g} s:\n{self.log_text()[-3000:]}")

    def stop(self) -> None:
        for sig, seconds in ((signal.SIGTERM, STOP_SECONDS), (signal.SIGKILL, STOP_SECONDS)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break  # the whole group is gone
            try:
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                continue
            if not _group_alive(self.process.pid):
                break


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _die_with_parent() -> None:
    # Even when pytest itself is killed (no finalizer runs), the server's
    # leader gets SIGTERM from the kernel and takes its group down.
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start(name: str, command: list[str], environment: dict[str, str], port: int, workdir: Path) -> Server:
    log_path = workdir / f"{name}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, env=environment, cwd=workdir, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent,
        )
    return Server(name, f"http://127.0.0.1:{port}", process, log_path)


def label_studio_environment(data_dir: Path) -> dict[str, str]:
    """Headless, offline, strict: the settings of the reference, section 4."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LABEL_STUDIO_")}
    environment.update(
        LABEL_STUDIO_USERNAME=LS_USER,
        LABEL_STUDIO_PASSWORD=LS_PASSWORD,
        LABEL_STUDIO_USER_TOKEN=LS_LEGACY_TOKEN,
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        LABEL_STUDIO_BASE_DATA_DIR=str(data_dir),
        ML_BLOCK_LOCAL_IP="false",
        SSRF_PROTECTION_ENABLED="false",
        COLLECT_ANALYTICS="false",
        LATEST_VERSION_CHECK="false",
        SENTRY_DSN="",
        FRONTEND_SENTRY_DSN="",
        fflag_feat_utc_210_prediction_validation_15082025="true",
        PYTHONUNBUFFERED="1",  # the log is checked after every test
        # Local storage, whose tasks link to their texts (valueType="url").
        LOCAL_FILES_SERVING_ENABLED="true",
        LOCAL_FILES_DOCUMENT_ROOT=str(local_files_root(data_dir)),
    )
    return environment


def local_files_root(data_dir: Path) -> Path:
    """The folder Label Studio's local storage may serve files from."""
    return data_dir.parent / "local-files"


def start_label_studio(data_dir: Path, workdir: Path) -> Server:
    port = free_port()
    command = [
        str(LABEL_STUDIO), "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(port),
        "--data-dir", str(data_dir), "--enable-legacy-api-token",
    ]
    return start("label-studio", command, label_studio_environment(data_dir), port, workdir)


def check_label_studio_port(server: Server) -> None:
    # `label-studio start` moves to the next port when its port is taken:
    # make sure the one answering is ours.
    if f"Starting development server at {server.url}/" not in server.log_text():
        raise RuntimeError(f"Label Studio did not start on {server.url}:\n{server.log_text()[-3000:]}")


def template_path() -> Path:
    key = hashlib.sha256(f"{LABEL_STUDIO_VERSION} {LS_USER} {LS_PASSWORD} {LS_LEGACY_TOKEN}".encode()).hexdigest()
    return LS_CACHE / f"label-studio-{LABEL_STUDIO_VERSION}-{key[:12]}"


def prepare_data_dir(data_dir: Path) -> bool:
    """Fill ``data_dir`` from the cached migrated template (with the user and
    the legacy token, which only a first start can enable); False when there
    is none yet and Label Studio must start cold."""
    template = template_path()
    if not template.is_dir():
        return False
    shutil.copytree(template, data_dir)
    return True


def save_data_template(data_dir: Path) -> None:
    """Cache a data folder Label Studio has just migrated, while it runs idle:
    SQLite's online backup copies a consistent database."""
    template = template_path()
    LS_CACHE.mkdir(exist_ok=True)
    partial = LS_CACHE / f"{template.name}.partial-{os.getpid()}"
    shutil.copytree(data_dir, partial, ignore=shutil.ignore_patterns("*.sqlite3*"))
    for database in data_dir.glob("*.sqlite3"):
        with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(partial / database.name)) as copy:
            source.backup(copy)
    try:
        partial.rename(template)  # atomic: another session never sees half a copy
    except OSError:  # another session made it first
        shutil.rmtree(partial)


def start_anota(database: Path, workdir: Path, name: str = "anota", **settings: str) -> Server:
    """``anota serve`` with basic auth on a free port; ``settings`` are more
    environment variables (``ANOTA_PLUGINS=...``)."""
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("ANOTA_", "BASIC_AUTH_"))}
    environment.update(
        ANOTA_DATABASE_URL=f"sqlite:///{database}", BASIC_AUTH_USER=ANOTA_USER, BASIC_AUTH_PASS=ANOTA_PASSWORD,
        # The texts fetched behind links stay in the test's folder, not in the checkout's instance/.
        ANOTA_REMOTE_TEXT_CACHE=str(workdir / f"{name}-remote-texts"),
        PYTHONUNBUFFERED="1",  # its log is checked before it stops
        PYTHONPATH=str(ROOT),  # the test plugins in tests.sample_plugins
        **settings,
    )
    return start(name, [str(ANOTA), "serve", "--host", "127.0.0.1", "--port", str(port)], environment, port, workdir)


@dataclass
class Servers:
    """The two servers of a test session, and what tests do with them."""

    label_studio: Server
    anota: Server
    anota_database: Path
    local_files: Path
    # How far Label Studio's log has been checked.
    log_checked_to: int = 0

    def new_log_problems(self) -> list[str]:
        """Problems Label Studio logged since the last call."""
        with self.label_studio.log_path.open("rb") as log:
            log.seek(self.log_checked_to)
            text = log.read()
        self.log_checked_to += len(text)
        return log_problems(text.decode("utf-8", errors="replace"))

    def anota_get(self, path: str, anota: Server | None = None) -> Any:
        """GET a JSON answer from Anota (or another ``start_anota`` server), with its basic auth."""
        credentials = base64.b64encode(f"{ANOTA_USER}:{ANOTA_PASSWORD}".encode()).decode()
        url = f"{(anota or self.anota).url}{path}"
        request = urllib.request.Request(url, headers={"Authorization": f"Basic {credentials}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)

    def run_anota(self, *arguments: str, api_key: str = LS_LEGACY_TOKEN, **settings: str) -> str:
        """Run an ``anota`` command next to the running server (same database
        and credentials), as a person would, with ``settings`` as more
        environment variables; return what it printed. In-process: a new
        interpreter would spend seconds importing the same modules."""
        environment: dict[str, str | None] = {
            key: None for key in os.environ if key.startswith(("ANOTA_", "LABEL_STUDIO_", "BASIC_AUTH_"))
        }
        environment.update(
            ANOTA_DATABASE_URL=f"sqlite:///{self.anota_database}",
            ANOTA_URL=self.anota.url,
            BASIC_AUTH_USER=ANOTA_USER,
            BASIC_AUTH_PASS=ANOTA_PASSWORD,
            LABEL_STUDIO_URL=self.label_studio.url,
            LABEL_STUDIO_API_KEY=api_key,
        )
        environment.update(settings)
        done = CliRunner().invoke(cli, list(arguments), env=environment)
        trace = "".join(traceback.format_exception(done.exception)) if done.exception else ""
        assert done.exit_code == 0, f"anota {' '.join(arguments)} failed:\n{done.output}\n{trace}"
        return done.output
