"""The ``anota`` command."""

from __future__ import annotations

import contextlib
import errno
import importlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from server.annotators import ANY_LANGUAGE
from server.config import SettingError, as_bool, require_sources, setting_before_app

if TYPE_CHECKING:
    from flask import Flask

# What a shell reports for a command a Ctrl-C stopped (128 + SIGINT).
INTERRUPTED = 130


def one_line(message: str) -> str:
    """``message`` on one line, with nothing a terminal acts on: what it
    quotes as given (a file's name, which may hold a line break or an
    escape) has such characters escaped as Python writes them (``\\n``)."""
    if message.isprintable():  # nearly always
        return message
    return "".join(character if character.isprintable() else ascii(character)[1:-1] for character in message)


# The exit status of a process SIGPIPE ended (128 + 13), which a shell's pipefail reads as the others'.
CLOSED_PIPE_STATUS = 141


def standard_output_dropped() -> None:
    """After standard output failed a write: Python flushes it again at exit,
    and what it still holds goes to /dev/null, not to a second error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)  # its copy on standard output's descriptor is the one kept


@contextlib.contextmanager
def writing_standard_output(what: str) -> Iterator[None]:
    """A failed write of ``what`` to standard output (a full disk, ``/dev/full``)
    as a one-line error, not a traceback; a pipe its reader closed early ends
    the command quietly. Only around the writes: an OSError reading the input
    is not standard output's."""
    try:
        yield
    except BrokenPipeError:
        # The reader left (``anota tasks | head``): quiet, as a Unix tool that SIGPIPE ends, with its status.
        standard_output_dropped()
        raise SystemExit(CLOSED_PIPE_STATUS) from None
    except OSError as exc:
        standard_output_dropped()
        raise click.ClickException(f"cannot write {what} to standard output: {exc.strerror or exc}") from None


class StandardOutput:
    """Standard output's bytes for a listing written as it is made: the loop
    that writes also reads (sources, the database), so the writes alone are
    guarded, each by ``writing_standard_output``."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.buffer = sys.stdout.buffer

    def write(self, data: bytes) -> int:
        with writing_standard_output(self.what):
            return self.buffer.write(data)

    def writelines(self, lines: Iterable[bytes]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        with writing_standard_output(self.what):
            self.buffer.flush()


class LazyGroup(click.Group):
    """A command group that imports a command's module only when that command
    runs (or ``--help`` lists it): ``anota export`` then loads neither the
    Flask app nor SQLAlchemy nor label-studio-sdk, which other commands need."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, str] = {}

    def add_lazy_command(self, name: str, import_path: str) -> None:
        """Register the command at ``import_path`` (``module:attribute``) as ``name``."""
        self.lazy_commands[name] = import_path

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy_commands:
            module, attribute = self.lazy_commands[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands as click does, a lazy one not imported yet from
        its function's docstring, read in its module's source: importing them
        all for their help loaded Flask, SQLAlchemy and label-studio-sdk
        (``anota --help``: 5.6G instructions; 0.39G without them)."""
        listed: dict[str, click.Command] = dict(self.commands)
        for name, import_path in self.lazy_commands.items():
            if name not in listed:
                docstring = _docstring(import_path)
                # No source to read (a module shipped compiled): import it.
                command = self.get_command(ctx, name) if docstring is None else click.Command(name, help=docstring)
                if command is not None:
                    listed[name] = command
        click.Group(commands=listed).format_commands(ctx, formatter)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """A mistyped command is told the nearest one: click (8.4+) looks only
        among the commands imported so far, which leaves out every lazy one."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            import difflib  # here: only a mistyped command needs it

            nearest = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            if nearest:
                raise click.UsageError(f"No such command {name!r}. Did you mean {nearest[0]!r}?", ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a bad setting is one line naming its variable, an
        error quoting a path one line whatever the path holds, and Ctrl-C
        exits as a shell expects (130), without click's exit code 1."""
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:  # a usage error too (its Usage lines are click's own, apart)
            exc.message = one_line(exc.message)
            raise
        except SettingError as exc:
            raise click.ClickException(str(exc)) from None
        except RuntimeError as exc:
            # A plugin that fails with ANOTA_STRICT_PLUGINS; looked up, not imported: a command that loads
            # no plugin (anota export) has no server.plugins, and no such failure.
            plugins = sys.modules.get("server.plugins")
            if plugins is not None and isinstance(exc, plugins.PluginLoadFailure):
                raise click.ClickException(str(exc)) from None
            raise
        except KeyboardInterrupt as exc:
            # An export's interruption says what became of its output (and which signal, by its exit code).
            click.echo(f"\n{exc}" if str(exc) else "\nInterrupted.", err=True)
            raise click.exceptions.Exit(getattr(exc, "exit_code", INTERRUPTED)) from None


def _docstring(import_path: str) -> str | None:
    """The docstring of the function at ``import_path`` (``module:function``),
    read from the module's source without importing it; None when there is none to read."""
    import ast  # here: only `anota --help` reads a source (loaded already, by pluggy through inspect)
    import importlib.util

    module, function = import_path.split(":")
    spec = importlib.util.find_spec(module)
    source = spec.loader.get_source(module) if spec and spec.loader else None
    if source is None:
        return None
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return ast.get_docstring(node, clean=False)
    return None


def command_app(overrides: Mapping[str, Any] | None = None, keep_stored_tasks: bool = False) -> Flask:
    """``create_app`` for a command: a database that cannot be opened is one
    line naming ``ANOTA_DATABASE_URL`` (its password hidden), not a traceback,
    and so is a configured source that is not there (see ``require_sources``).

    ``keep_stored_tasks``, for a command that gives the tasks a server on the same database serves (`anota push`,
    `anota tasks`): where ANOTA_SOURCES is not set, a database holding preloaded tasks keeps them as they are, and
    only an empty one gets the default's (the seed). Preloading the seed there replaced the server's tasks under it
    (s53-userpass: its 9 became the seed's 5)."""
    from server.app import create_app

    overrides = dict(overrides or {})
    preloads = overrides.get("PRELOAD", setting_before_app("PRELOAD"))
    if "SOURCES" not in overrides and preloads:
        require_sources(setting_before_app("SOURCES"))
    deferred = keep_stored_tasks and preloads and "SOURCES" not in overrides and "ANOTA_SOURCES" not in os.environ
    if deferred:
        overrides["PRELOAD"] = False  # until the database is seen to hold no tasks
    with _database_problem_said(overrides):
        app = create_app(overrides)
        if deferred:
            _preload_unless_stored(app)
    return app


def _preload_unless_stored(app: Flask) -> None:
    """Preload the configured sources into an app made without, when its database holds no preload run."""
    from server.app import get_state
    from server.preload import preload_sources
    from server.tasks import stored_run

    if stored_run(app)[0]:
        return
    app.config["PRELOAD"] = True
    preload_sources(app)
    get_state(app).served_run = stored_run(app)


@contextlib.contextmanager
def _database_problem_said(overrides: Mapping[str, Any]) -> Iterator[None]:
    """A database that cannot be opened as one line naming ``ANOTA_DATABASE_URL`` (its password hidden)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

    try:
        yield
    # DatabaseError, not only its OperationalError: a file that is not SQLite's ("file is not a database").
    except (DatabaseError, NoSuchModuleError, ArgumentError) as exc:
        url = overrides.get("DATABASE_URL") or setting_before_app("DATABASE_URL")
        shown = make_url(url).render_as_string(hide_password=True) if url else "the instance folder's SQLite file"
        problem = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        why = None
        if url:
            sqlite_why = sqlite_folder_problem(url) if isinstance(exc, OperationalError) else None
            why = sqlite_why or postgres_problem(url, problem)
        raise click.ClickException(f"ANOTA_DATABASE_URL={shown}: cannot open the database: {problem}"
                                   + (f" ({why})" if why else "")) from None


def sqlite_folder_problem(url: str) -> str | None:
    """Why SQLite cannot make its file in the folder ``url`` names (None: no
    SQLite file, or nothing wrong with its folder): SQLite says only "unable to
    open database file" (fixtures/malformed45: a read-only folder)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    folder = Path(parsed.database).absolute().parent
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        return f"its folder {folder} is on a read-only file system"
    if not os.access(folder, os.W_OK):
        return f"its folder {folder} is not writable by this user"
    return None


def postgres_problem(url: str, problem: str) -> str | None:
    """What to do when PostgreSQL has no database, or no schema, of the name ``url`` gives (None: another problem).
    Anota makes its tables, not these; PostgreSQL says of a schema that ``search_path`` names but does not exist
    only "no schema has been selected to create in" (session 49's user pass)."""
    from urllib.parse import unquote

    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.get_backend_name().startswith("postgresql"):
        return None
    if re.search(r'database ".*" does not exist', problem):
        owner = parsed.username or "USER"
        return f"Anota makes its tables, not the database: create it first, e.g. createdb -O {owner} "\
               f"{parsed.database}, or CREATE DATABASE {parsed.database} OWNER {owner} in psql"
    if "no schema has been selected to create in" in problem:
        options = unquote(str(parsed.query.get("options", "")))
        named = re.search(r"search_path\s*=\s*([^\s]+)", options)
        schema = named.group(1) if named else "the one search_path names"
        return f"the schema {schema} does not exist in database {parsed.database}: create it first, e.g. CREATE "\
               f"SCHEMA {schema} in psql"
    return None


class EnvironmentOption(click.Option):
    """An option that can be set from an environment variable, whose error
    names the variable only when the value came from it: click's named
    ``ANOTA_PORT`` for ``--port -1`` typed on the command line."""

    def get_error_hint(self, ctx: click.Context) -> str:
        hint = " / ".join(f"'{name}'" for name in self.opts)
        if ctx.get_parameter_source(self.name) is click.core.ParameterSource.ENVIRONMENT:
            return f"{hint} (from {self.envvar})"
        return hint


class PortNumber(click.IntRange):
    """A TCP port, 0 to 65535, whose refusal says so: click's said "'http' is
    not a valid integer range". A URL where the port alone belongs (Kubernetes
    sets ``ANOTA_PORT=tcp://10.0.0.7:9090`` for a service named anota) is told
    which number to give."""

    name = "port"

    def __init__(self) -> None:
        super().__init__(0, 65535)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value)
        with contextlib.suppress(ValueError):
            int(text)  # a whole number ("-1" too) is left to IntRange, which says the range
            return super().convert(value, param, ctx)
        _, colon, last = text.rpartition(":")
        hint = f": give the port alone ({last.rstrip('/')})" if colon and last.rstrip("/").isdigit() else ""
        self.fail(f"{text!r} is not a port number (0 to 65535){hint}", param, ctx)


PAGE_EXTRACTION_LOGGERS = ("trafilatura", "htmldate", "justext", "courlan")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages.")
# The package's version; the plugins' are in `anota plugins` (and the model version they make).
@click.version_option(package_name="anota",
                      message="%(package)s %(version)s (plugins and their versions: anota plugins)")
def cli(verbose: bool) -> None:
    """Anota: pre-annotation and dataset export for Label Studio."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs each request at INFO: five lines of an `anota export
    # --from-label-studio` summary, one per page of an `anota push`.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    # -v is for Anota's own steps: these libraries log each web page's extraction at DEBUG, four lines a page
    # (95 of the 530 lines `anota -v tasks` wrote on session 49's folder of 26 pages, 58,000 on a 15,000-page one).
    for name in PAGE_EXTRACTION_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)


@cli.command()
# From the environment too, so that `ANOTA_PORT=9391 make run` (which runs `anota serve` bare) serves elsewhere.
@click.option("--host", cls=EnvironmentOption, default="127.0.0.1", show_default=True, envvar="ANOTA_HOST",
              show_envvar=True, help="Address to listen on.")
@click.option("--port", cls=EnvironmentOption, default=9090, show_default=True, type=PortNumber(),
              envvar="ANOTA_PORT", show_envvar=True, help="Port to listen on; 0 takes a free one (the log says which).")
@click.option("--workers", type=click.IntRange(min=1), help="gunicorn worker processes [ANOTA_WORKERS, 1]")
@click.option("--threads", type=click.IntRange(min=1), help="threads per worker [ANOTA_THREADS, 4]")
def serve(host: str, port: int, workers: int | None, threads: int | None) -> None:
    """Serve the ML backend with gunicorn."""
    from server import metrics

    # Before the models load: a port in use is known at once, in one line
    # (gunicorn would retry five times and log each).
    check_can_listen(host, port)
    # The metrics' storage is chosen before the app creates them.
    workers = workers or setting_before_app("WORKERS")
    metrics.forget_earlier_runs()
    if workers > 1:
        metrics.share_between_processes()
    app = command_app()
    threads = threads or app.config["THREADS"]
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "timeout": 120,  # Label Studio waits up to 100 s for /predict
        # On SIGTERM, how long a request in flight may go on: gunicorn's 30 s ended a /predict of 130 texts taking
        # 32 s without an answer or a line in the log (session 51). Label Studio waits 100 s, which is the most
        # a prediction's answer is of use; an idle server still stops at once.
        "graceful_timeout": 100,
        # With several threads (the default), gunicorn's gthread with a bound on how long a stalled client keeps a
        # request thread (server/gthread_worker.py). With one, gunicorn's sync worker, as gunicorn itself chooses:
        # gthread cost a one-thread server's /predict 0.18 ms of CPU a request (bench/predict.py 0.82x -> 0.65x).
        "worker_class": "server.gthread_worker.Worker" if threads > 1 else "sync",
        "accesslog": "-",
        # gunicorn 25+ opens a control socket at one path per user
        # (~/.gunicorn/gunicorn.ctl): a second server on the machine took it over,
        # and the first to stop removed the other's. Anota has no use for it.
        "control_socket_disable": True,
    }
    if workers > 1:
        options["child_exit"] = lambda _server, worker: metrics.forget_process(worker.pid)
    # Before gunicorn forks: the first /predict of each worker finds the models loaded.
    with ready_to_predict(app):
        logging.getLogger("server.serve").info("%s", serving_summary(app, workers, threads))
        run_gunicorn(app, options)


def serving_summary(app: Flask, workers: int, threads: int) -> str:
    """What the server runs with, in one line of its log: before, the log said nothing of the database, of basic
    auth or of the annotators answering (session 51's operator walk); passwords hidden."""
    from server.app import get_state

    state = get_state(app)
    database = state.database.engine.url.render_as_string(hide_password=True)
    auth = "on" if app.config["BASIC_AUTH_USER"] and app.config["BASIC_AUTH_PASS"] else "off (every endpoint open)"
    annotators = ", ".join(f"{a.name} {a.annotator.version}" for a in state.annotators) or "none"
    summary = (f"serving model version {state.model_version} with {workers} worker(s) x {threads} thread(s); "
               f"database {database}; basic auth {auth}; annotators: {annotators}")
    if state.plugins.load_errors:
        failed = ", ".join(f"{error.plugin} ({error.stage})" for error in state.plugins.load_errors)
        summary += f"; plugins that failed to load: {failed}"
    return summary


@contextlib.contextmanager
def ready_to_predict(app: Flask) -> Iterator[None]:
    """For a command that predicts from here until it ends (``anota serve``,
    ``anota tasks --predictions``, ``anota push --predictions``): the models
    loaded (``warm_up``), then kept out of the garbage collector's passes while
    the block runs (``start_up_objects_frozen``)."""
    from server.app import warm_up  # imported with the app
    from server.collector import start_up_objects_frozen

    warm_up(app)
    with start_up_objects_frozen():
        yield


def check_can_listen(host: str, port: int) -> None:
    """Fail with one line when ``host:port`` cannot be listened on (in use,
    an address not of this machine, a name that does not resolve)."""
    import socket  # here: `anota export` needs no sockets (0.3 MB of its peak memory)

    try:
        family, kind, protocol, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, protocol) as probe:
            # As gunicorn binds: a port whose last connections are closing is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        in_use = getattr(exc, "errno", None) == errno.EADDRINUSE
        hint = "stop the server on it, or choose another --port (0 takes a free one)" if in_use else \
            "check --host and --port"
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}; {hint}") from None


def run_gunicorn(app: Flask, options: dict[str, Any]) -> None:
    """Run ``app`` (already built: models load once, before forking) in gunicorn."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)
            self.cfg.set("preload_app", True)
            self.cfg.set("post_fork", _after_fork)

        def load(self) -> Flask:
            return app

    Server().run()


def _after_fork(_server: Any, worker: Any) -> None:
    from server.app import get_state

    app = worker.app.wsgi()
    # Connections opened before the fork must not be shared between workers.
    get_state(app).database.dispose()
    if pins_workers(app.config["PIN_WORKERS"], worker.cfg.threads):
        pin_to_one_cpu(worker.age)


def pins_workers(setting: Any, threads: int) -> bool:
    """``ANOTA_PIN_WORKERS``: true, false, or "auto", which pins a worker that
    serves one request at a time.

    Measured with the built-in plugins on 2 CPUs: one request thread served
    41 req/s pinned and 39 unpinned (3-task bodies), but four request threads
    4.0 pinned and 4.7 unpinned (100-task bodies, four clients): concurrent
    requests use the other CPU where spaCy's model runs without the GIL."""
    if str(setting).strip().lower() == "auto":
        return threads == 1
    return as_bool(setting)


def pin_to_one_cpu(index: int) -> None:
    """Keep this process's threads (all started after this) on the
    ``index``-th CPU it may use, counting round.

    Every /predict hands its texts to the annotators' threads and takes their
    answers back. Between threads on one CPU a hand-off is a switch; across
    CPUs it wakes an idle one, which cost about a fifth of a small request
    here.
    """
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[index % len(cpus)]})


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON.")
def plugins(as_json: bool) -> None:
    """List plugins, what they contribute, and those that failed to load."""
    from server.api import plugin_listing
    from server.app import get_state

    # Without the preload: a listing has no use for ANOTA_SOURCES, which on a large corpus took
    # minutes and filled stderr with its log (and stopped the listing when a source was missing).
    listing = plugin_listing(get_state(command_app({"PRELOAD": False})))
    if as_json:
        click.echo(json.dumps(listing, indent=2, ensure_ascii=False))
        return
    click.echo(f"model_version: {listing['model_version']}")
    for plugin in listing["plugins"]:
        click.echo(f"{plugin['name']} {plugin['version']}  hooks: {', '.join(plugin['hooks'])}")
        for annotator in plugin["annotators"]:
            labels = ", ".join(f"{label['name']} ({label['kind']})" for label in annotator["labels"])
            click.echo(f"  annotator {annotator['name']} {annotator['version']}: {labels}")
            click.echo(f"    languages: {language_coverage(annotator['languages'])}")
        if plugin["loaders"]:
            click.echo("  loaders: " + "; ".join(f"{name} ({' '.join(suffixes)})"
                                                 for name, suffixes in plugin["loader_suffixes"].items()))
        for exporter, description in plugin["exporter_descriptions"].items():
            click.echo(f"  exporter {exporter}{': ' + description if description else ''}")
        if plugin["errors"]:
            click.secho(f"  errors: {', '.join(f'{n} {kind}' for kind, n in sorted(plugin['errors'].items()))}",
                        fg="red")
    for error in listing["load_errors"]:
        click.secho(f"FAILED {error['plugin']} at {error['stage']}: {error['error']}", fg="red", err=True)


def language_coverage(languages: dict[str, str]) -> str:
    """What an annotator reads in each language, as `anota plugins` prints it ("any other": the "*" key)."""
    if not languages:
        return "any (not stated)"
    return "; ".join(f"{'any other' if code == ANY_LANGUAGE else code}: {what}" for code, what in languages.items())


# Commands defined next to the feature they drive are registered here, by
# import path: a command's module is imported when the command runs.
cli.add_lazy_command("tasks", "server.tasks:tasks_command")
cli.add_lazy_command("label-config", "server.tasks:label_config_command")
cli.add_lazy_command("push", "server.push:push_command")
cli.add_lazy_command("export", "server.exporting.command:export_command")
