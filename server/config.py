"""Settings: defaults, then ``ANOTA_*`` environment variables, then a mapping
(tests pass one to ``create_app``).

Settings are kept in ``app.config`` under their names without the prefix
(``ANOTA_PLUGINS`` -> ``PLUGINS``). List settings accept a comma-separated string.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Config, Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT_ROOT / "fixtures"

DEFAULTS: dict[str, Any] = {
    # Extra plugin modules, by import path (development and tests).
    "PLUGINS": [],
    # Plugin names (entry-point names or module paths) never to load.
    "DISABLE_PLUGINS": [],
    # Make any plugin load error fatal instead of reported.
    "STRICT_PLUGINS": False,
    # Seconds an annotator may spend on one /predict request.
    "PLUGIN_TIMEOUT": 20.0,
    # SQLAlchemy URL; None means a SQLite file in the instance folder.
    "DATABASE_URL": None,
    # Languages the language identifier chooses among.
    "LANGUAGES": ["pt", "en", "es"],
    # What the server preloads into tasks at start-up (files or folders).
    "SOURCES": [str(FIXTURES / "seed")],
    # Preload SOURCES into tasks when an app is created (off: tests, benchmarks).
    "PRELOAD": True,
    # What one task is: "document", "paragraph" or "sentence".
    "TASK_UNIT": "paragraph",
    # Estimated Jaccard similarity (character 5-grams) at which a segment is
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
BOOL_SETTINGS = ("STRICT_PLUGINS", "PRELOAD", "INCLUDE_EXCLUDED")
UNPREFIXED_ENVIRONMENT = ("BASIC_AUTH_USER", "BASIC_AUTH_PASS")


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Fill ``app.config`` from defaults, the environment and ``overrides``."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("ANOTA")
    for name in UNPREFIXED_ENVIRONMENT:
        if os.environ.get(name):
            app.config[name] = os.environ[name]
    app.config.from_mapping(overrides or {})
    for name in LIST_SETTINGS:
        app.config[name] = as_list(app.config[name])
    for name in BOOL_SETTINGS:
        app.config[name] = as_bool(app.config[name])
    if not app.config["DATABASE_URL"]:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["DATABASE_URL"] = f"sqlite:///{Path(app.instance_path) / 'anota.db'}"


def setting_before_app(name: str) -> Any:
    """A setting from defaults and the environment, read the way ``load_config``
    reads it, for choices made before any app exists."""
    config = Config(PROJECT_ROOT)
    config.from_mapping(DEFAULTS)
    config.from_prefixed_env("ANOTA")
    return config[name]


def as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return [str(item) for item in value]


def as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
