"""Every hook has a documentation entry and a test (as datasette does)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server import hookspecs

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "anota_spec"))


def test_hooks_were_found():
    assert {"register_annotators", "register_loaders", "register_exporters", "annotation_changed"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook):
    docs = (ROOT / "docs" / "plugin_hooks.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {hook}\(", docs, re.M), f"docs/plugin_hooks.md has no section for {hook}"
    assert getattr(hookspecs, hook).__doc__, f"{hook} has no docstring"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook):
    tests = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py"))
    assert f"def test_hook_{hook}(" in tests, f"no test named test_hook_{hook}"
