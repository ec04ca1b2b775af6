"""Shared fixtures: apps on real databases (SQLite files), the recorded Label Studio bodies."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server import create_app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RECORDED = FIXTURES / "label-studio-1.23.2"


def recorded_body(name: str) -> dict[str, Any]:
    """The JSON body Label Studio 1.23.2 sent, as recorded."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))["json"]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The database of one test: a SQLite file in ``tmp_path``
    (tests/test_postgres.py overrides it with a fresh PostgreSQL database)."""
    return f"sqlite:///{tmp_path / 'anota.db'}"


@pytest.fixture
def make_app(database_url: str) -> Iterator[Callable[..., Flask]]:
    """Build apps on the test's database (one per test, shared by its apps);
    their connections are closed when the test ends."""
    apps: list[Flask] = []

    def make(**config: Any) -> Flask:
        config.setdefault("DATABASE_URL", database_url)
        apps.append(create_app(config))
        return apps[-1]

    yield make
    for app in apps:
        app.extensions["anota"].database.dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
