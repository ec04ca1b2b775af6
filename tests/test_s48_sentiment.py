"""Sentiment probe ``s48-sentiment`` (fixtures/s48-sentiment) and the module's names.

The module's names: ``plugins/sentiment.py`` had bound ``LEAVING`` twice (the forms of "deixar" read by "deixar a
desejar" and "deixar escapar", then the verbs leaving a table's zone), and the second replaced the first at import, so
that "deixava a desejar", "deixando a desejar" and "deixar escapar" went unread. The two sets are named apart now
(``DEIXAR_FORMS``, ``ZONE_EXITS``), and the checks below keep any module-level name from being bound twice and any two
module constants from holding the same set.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

import plugins.sentiment as sentiment_module
from tests.test_sentiment import sentiment

SENTIMENT_SOURCE = Path(sentiment_module.__file__)


def module_bindings(source: Path) -> dict[str, list[int]]:
    """Each name bound at a module's top level (assignments, functions, classes) with the lines that bind it."""
    bindings: dict[str, list[int]] = defaultdict(list)
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bindings[node.name].append(node.lineno)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    bindings[name.id].append(node.lineno)
    return bindings


def test_no_module_name_of_the_sentiment_plugin_is_bound_twice():
    twice = {name: lines for name, lines in module_bindings(SENTIMENT_SOURCE).items() if len(lines) > 1}
    assert twice == {}


def test_no_two_constants_of_the_sentiment_plugin_hold_the_same_set():
    holders: dict[frozenset, list[str]] = defaultdict(list)
    for name, value in vars(sentiment_module).items():
        if name.lstrip("_").isupper() and isinstance(value, (set, frozenset)) and value:
            holders[frozenset(value)].append(name)
    assert [names for names in holders.values() if len(names) > 1] == []


@pytest.mark.parametrize(("text", "label"), [
    ("A bateria deixava a desejar.", "Negative"),
    ("O atendimento está deixando a desejar.", "Negative"),
    ("O time acabou por deixar escapar a vitória nos acréscimos.", "Negative"),
])
def test_the_forms_of_deixar_are_read_again(text, label):
    assert sentiment(text, "pt")[0] == label


def test_leaving_a_zone_is_read_as_before():
    assert sentiment("O Sport deixou a zona de rebaixamento.", "pt")[2].startswith("positive: 'deixou'")
