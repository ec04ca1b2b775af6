"""The malformed-input probes' runners and makers (fixtures/malformed*/*.py) import nothing they do not use: they
are outside the lint's paths (ruff's F401 runs on server, plugins, schemas, bench and tests), so this test holds
them to it. malformed44's runner imported urllib.parse unused until session 46."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCRIPTS = sorted(FIXTURES.glob("malformed*/*.py"))


def unused_imports(source: str) -> list[str]:
    """The names a module imports and never reads (``from __future__`` aside)."""
    tree = ast.parse(source)
    imported: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported[alias.asname or alias.name.split(".")[0]] = node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            for alias in node.names:
                imported[alias.asname or alias.name] = node.lineno
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    # Names read only inside string annotations (``"http.client.HTTPResponse"``) count as read.
    used |= {part for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             for part in node.value.replace("[", " ").replace("]", " ").replace(",", " ").split()}
    used |= {text.split(".")[0] for text in set(used)}
    return sorted(f"{name} (line {line})" for name, line in imported.items() if name not in used)


def test_there_are_scripts_to_check() -> None:
    assert {path.parent.name for path in SCRIPTS} >= {"malformed43", "malformed44", "malformed45", "malformed46"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_probe_script_imports_only_what_it_uses(script: Path) -> None:
    assert unused_imports(script.read_text(encoding="utf-8")) == []


def test_an_unused_import_is_found() -> None:
    assert unused_imports("import os\nimport urllib.parse\nprint(os.sep)\n") == ["urllib (line 2)"]
