"""The `anota` command group's own settings, shared by every command."""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from server.cli import cli


@pytest.mark.parametrize(("options", "level"), [([], logging.WARNING), (["--verbose"], logging.DEBUG)])
def test_httpx_request_lines_show_only_with_verbose(tmp_path, options, level):
    httpx_log = logging.getLogger("httpx")
    before = httpx_log.level
    try:
        # Any command runs the group's setup; this one fails fast on its missing input.
        CliRunner().invoke(cli, [*options, "export", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out")])
        assert httpx_log.level == level  # its own level: pytest holds the root logger at WARNING
    finally:
        httpx_log.setLevel(before)
