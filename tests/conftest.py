"""Shared fixtures: apps on real SQLite files, the recorded Label Studio bodies."""

from __future__ import annotations

import json
from collections.abc import Callable
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
def make_app(tmp_path: Path) -> Callable[..., Flask]:
    """Build apps on a SQLite file in ``tmp_path`` (one file per test)."""

    def make(**config: Any) -> Flask:
        config.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'anota.db'}")
        return create_app(config)

    return make


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
