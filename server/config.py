"""Settings: defaults, then ``ANOTA_*`` environment variables, then a mapping
(tests pass one to ``create_app``).

Settings are kept in ``app.config`` under their names without the prefix
(``ANOTA_PLUGINS`` -> ``PLUGINS``). List settings accept a comma-separated string.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT_ROOT / "fixtures"

# What one task may be (ANOTA_TASK_UNIT), each a unit server.segmentation splits
# a text into. Defined here so that checking the setting does not load the
# segmentation's patterns, which an export never uses (26M instructions, 5% of a 1-task one's).
UNITS: tuple[str, ...] = ("document", "paragraph", "sentence")

DEFAULTS: dict[str, Any] = {
    # Extra plugin modules, by import path (development and tests).
    "PLUGINS": [],
    # Plugin names (entry-point names or module paths) never to load.
    "DISABLE_PLUGINS": [],
    # Make any plugin load error fatal instead of reported.
    "STRICT_PLUGINS": False,
    # Seconds an annotator may spend on a /predict request, per 100 texts
    # (server/predicting.py caps the sum).
    "PLUGIN_TIMEOUT": 20.0,
    # SQLAlchemy URL; None means a SQLite file in the instance folder.
    "DATABASE_URL": None,
    # Languages the language identifier chooses among.
    "LANGUAGES": ["pt", "en", "es"],
    # What the server preloads into tasks at start-up (files or folders).
    "SOURCES": [str(FIXTURES / "seed")],
    # Preload SOURCES into tasks when an app is created (off: tests, benchmarks).
    "PRELOAD": True,
    # Prepare the preload's batches in worker processes, one a core, for sources of 2 MB or more (same tasks;
    # 100 MB in 0.54 of the time on 2 cores).
    "PRELOAD_WORKERS": True,
    # What one task is: "document", "paragraph" or "sentence".
    "TASK_UNIT": "paragraph",
    # Estimated Jaccard similarity of word sets at which a segment is
    # merged into an earlier one as a near-duplicate; 1 turns merging off.
    "NEAR_DUPLICATE_THRESHOLD": 0.7,
    # Serve what cleaning left out as tasks too (marked in meta).
    "INCLUDE_EXCLUDED": False,
    # The text field of JSON records and the text column of CSV files.
    "SOURCE_TEXT_FIELD": "text",
    # Where texts that tasks link to (valueType="url") are cached; None means
    # the instance folder.
    "REMOTE_TEXT_CACHE": None,
    # Basic auth for every endpoint but /health and /; Label Studio's names.
    "BASIC_AUTH_USER": None,
    "BASIC_AUTH_PASS": None,
    # gunicorn settings for `anota serve`.
    "WORKERS": 1,
    "THREADS": 4,
    # Keep each worker's threads on one CPU (workers take the CPUs in turn):
    # "auto" does when a worker has one request thread (THREADS = 1).
    "PIN_WORKERS": "auto",
}

LIST_SETTINGS = ("PLUGINS", "DISABLE_PLUGINS", "LANGUAGES", "SOURCES")
BOOL_SETTINGS = ("STRICT_PLUGINS", "PRELOAD", "PRELOAD_WORKERS", "INCLUDE_EXCLUDED")
UNPREFIXED_ENVIRONMENT = ("BASIC_AUTH_USER", "BASIC_AUTH_PASS")
# Settings whose value is text. Flask reads an environment value that is JSON
# as JSON: ANOTA_SOURCES=2024 (a folder) became the number 2024.
TEXT_SETTINGS = (*LIST_SETTINGS, "SOURCE_TEXT_FIELD", "REMOTE_TEXT_CACHE", "DATABASE_URL", "TASK_UNIT")
PREFIX = "ANOTA_"
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off", "")
YES_OR_NO = f"{'/'.join(TRUE_WORDS)} or {'/'.join(FALSE_WORDS[:-1])}"


class SettingError(ValueError):
    """A setting whose value Anota cannot use; the message names its
    environment variable, the value and what is wrong, in one line."""


@dataclass
class CommandApp:
    """What a command that starts no server (``anota export``) passes plugins
    as ``app``: the settings, read as ``load_config`` reads them into a Flask
    app's ``config``. Importing Flask would cost an export more memory than
    its tasks."""

    config: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, overrides: Mapping[str, Any] | None = None) -> CommandApp:
        app = cls()
        fill_settings(app.config, overrides)
        return app


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill ``app.config`` from defaults, the environment and ``overrides``."""
    fill_settings(app.config, overrides)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = default_database_url(app.instance_path)


def fill_settings(config: MutableMapping[str, Any], overrides: Mapping[str, Any] | None) -> None:
    """Defaults, then the environment, then ``overrides`` (upper-case names
    only, as Flask's ``Config.from_mapping`` takes them), each checked."""
    config.update(DEFAULTS)
    read_environment(config)
    for name in UNPREFIXED_ENVIRONMENT:
        if os.environ.get(name):
            config[name] = os.environ[name]
    config.update({name: value for name, value in (overrides or {}).items() if name.isupper()})
    for name, check in CHECKS.items():
        config[name] = checked(name, config.get(name), check)
    check_basic_auth(config)


def check_basic_auth(config: Mapping[str, Any]) -> None:
    """Basic auth guards the endpoints only when both its names are set: one
    without the other served every endpoint open, and said nothing. A
    SettingError names the one missing."""
    given = [name for name in UNPREFIXED_ENVIRONMENT if config.get(name)]
    if len(given) == 1:
        missing = next(name for name in UNPREFIXED_ENVIRONMENT if name not in given)
        raise SettingError(f"{given[0]} is set but {missing} is not: set both to require basic auth on every "
                           f"endpoint but /health, or neither")


def default_database_url(instance_path: str) -> str:
    """A SQLite file in the app's instance folder (made if missing)."""
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'anota.db'}"


def setting_before_app(name: str) -> Any:
    """A setting from defaults and the environment, read the way ``load_config``
    reads it, for choices made before any app exists."""
    config = dict(DEFAULTS)
    read_environment(config)
    for unprefixed in UNPREFIXED_ENVIRONMENT:  # as load_config: BASIC_AUTH_USER over ANOTA_BASIC_AUTH_USER
        if os.environ.get(unprefixed):
            config[unprefixed] = os.environ[unprefixed]
    return checked(name, config.get(name), CHECKS[name]) if name in CHECKS else config[name]


def require_sources(sources: list[str]) -> None:
    """Stop a command when a configured source (``ANOTA_SOURCES``) is not a
    file or folder there: the server would start, and ``anota tasks`` or
    ``anota push`` run, with none of its tasks, said only by a warning among
    the start-up lines. A SettingError names each such path."""
    from server.sources import source_problem

    problems = [f"{source} {problem}" for source in sources if (problem := source_problem(Path(source)))]
    if not problems:
        return
    written = os.environ.get("ANOTA_SOURCES", ",".join(sources))
    # docker's --env-file and systemd's EnvironmentFile keep quotes in a value.
    quoted = any(source[:1] in "'\"" or source[-1:] in "'\"" for source in sources)
    hint = "; the quotes are part of the value (an env file keeps them): write the path without them" if quoted else ""
    raise SettingError(f"ANOTA_SOURCES={written}: {'; '.join(problems)}{hint}")


def read_environment(config: MutableMapping[str, Any]) -> None:
    """``ANOTA_*`` variables into ``config``, as Flask's
    ``Config.from_prefixed_env`` reads them (in name order, JSON where they
    are JSON, ``A__B`` into a nested mapping), but a text setting that JSON
    reads as a number, a boolean or null keeps the text it was written as."""
    for variable in sorted(os.environ):
        if not variable.startswith(PREFIX):
            continue
        *parents, name = variable.removeprefix(PREFIX).split("__")
        mapping = config
        for parent in parents:
            mapping = mapping.setdefault(parent, {})
        mapping[name] = _json_or_text(os.environ[variable])
    for name in TEXT_SETTINGS:
        written = os.environ.get(f"ANOTA_{name}")
        if written is not None and not isinstance(config.get(name), (str, list)):
            config[name] = written


def _json_or_text(written: str) -> Any:
    try:
        return json.loads(written)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth: text, as Flask keeps it
        return written


def checked(name: str, value: Any, check: Callable[[Any], Any]) -> Any:
    """``value`` as ``check`` reads it; a SettingError naming ``ANOTA_<name>``
    when it cannot (a bad value would otherwise fail later, as a traceback)."""
    try:
        return check(value)
    except (TypeError, ValueError) as exc:
        raise SettingError(f"ANOTA_{name}={_shown(value)}: {exc}") from None


def _shown(value: Any) -> str:
    # Flask reads a variable that is JSON as JSON: show it as written.
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return [str(item) for item in value]


def as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in TRUE_WORDS
    return bool(value)


def strict_bool(value: Any) -> bool:
    """A yes/no setting; a word that is neither (``maybe``) is an error, not no."""
    if isinstance(value, str) and value.strip().lower() in (*TRUE_WORDS, *FALSE_WORDS) or value in (0, 1):
        return as_bool(value)
    raise ValueError(f"expected {YES_OR_NO}")


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError("expected a number") from None


def _fraction(value: Any) -> float:
    number = _number(value)
    if not 0.0 < number <= 1.0:
        raise ValueError("expected a number above 0 and at most 1")
    return number


def _positive_number(value: Any) -> float:
    number = _number(value)
    if not number > 0.0:
        raise ValueError("expected a number above 0")
    return number


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not str(value).strip().isdigit() or int(value) < 1:
        raise ValueError("expected a whole number, 1 or more")
    return int(value)


def _task_unit(value: Any) -> str:
    unit = str(value).strip().lower()
    if unit not in UNITS:
        raise ValueError(f"expected one of {', '.join(UNITS)}")
    return unit


def _languages(value: Any) -> list[str]:
    languages = as_list(value)
    if not languages:
        raise ValueError("expected language codes, comma-separated, e.g. pt,en,es")
    if languages != DEFAULTS["LANGUAGES"]:
        # The identifier the preload builds for these languages (cached): it knows which it has.
        from server.analysis import language_identifier

        try:
            language_identifier(tuple(languages))
        except ValueError as exc:  # py3langid: "Unknown language code(s): {'xx'}"
            unknown = str(exc).partition(": ")[2]
            raise ValueError(f"codes the language identifier (py3langid) does not know: {unknown}") from None
    return languages


def _pin_workers(value: Any) -> Any:
    if str(value).strip().lower() == "auto":
        return "auto"
    try:
        return strict_bool(value)
    except ValueError:
        raise ValueError(f"expected auto, {YES_OR_NO}") from None


def _database_url(value: Any) -> str | None:
    if not value:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(str(value))
    except ArgumentError:
        raise ValueError("not a database URL; e.g. sqlite:////path/to/anota.db or "
                         "postgresql://user:password@host:5432/anota") from None
    return str(value)


def json_setting(value: Any, example: str) -> Any:
    """A setting given as JSON, parsed: Flask parses an environment value that
    is JSON and leaves one that is not as a string, which is an error here
    (a ValueError quoting ``example``)."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos}); expected e.g. {example}") from None


def _pipelines(value: Any) -> dict[str, str] | None:
    if not value:
        return None
    value = json_setting(value, '{"pt": "/models/ner-pt"}')
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError('expected a JSON object of language -> spaCy pipeline folder, e.g. {"pt": "/models/ner-pt"}')
    return value


# Every setting Anota reads itself, and how: what each gives back is what
# ``app.config`` holds. Plugins check their own settings.
CHECKS: dict[str, Callable[[Any], Any]] = {
    **{name: as_list for name in LIST_SETTINGS if name != "LANGUAGES"},
    **{name: strict_bool for name in BOOL_SETTINGS},
    "LANGUAGES": _languages,
    "TASK_UNIT": _task_unit,
    "NEAR_DUPLICATE_THRESHOLD": _fraction,
    "PLUGIN_TIMEOUT": _positive_number,
    "WORKERS": _positive_int,
    "THREADS": _positive_int,
    "PIN_WORKERS": _pin_workers,
    "DATABASE_URL": _database_url,
    "PIPELINES": _pipelines,
}
