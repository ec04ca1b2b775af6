"""The first-letter lookaheads that speed claims' cue searches (``_led_by``, the phrase cues of ``_phrases``) must
lose no match: their letters are written by hand (``_led_by``) or from the phrases, and a letter left out would drop
its alternatives' matches without an error. Every cue pattern that opens on such a lookahead is searched with and
without it over every string of the fixtures' JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plugins import claims

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LOOKAHEAD = re.compile(r"(\(\?<!\\w\))?\(\?=\[([^\]]+)\]\)")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if len(value) >= 15 and " " in value else []
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _fixture_texts() -> list[str]:
    texts: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.json*")):
        try:
            lines = [path.read_text(encoding="utf-8")] if path.suffix == ".json" else \
                path.read_text(encoding="utf-8").splitlines()
            for line in lines:
                texts.update(_strings(json.loads(line)))
        except (ValueError, UnicodeDecodeError, RecursionError):
            continue  # the probes' malformed and deeply nested files
    return sorted(texts)


def _led_patterns() -> list[tuple[str, re.Pattern[str]]]:
    cues = [*claims.PORTUGUESE_CUES, *claims.ENGLISH_CUES]
    return [(cue.name, cue.pattern) for cue in cues
            if cue.pattern is not None and LOOKAHEAD.match(cue.pattern.pattern)]


def _without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(LOOKAHEAD.sub(lambda m: m.group(1) or "", pattern.pattern, count=1), pattern.flags)


def test_some_cues_open_on_a_lookahead() -> None:
    assert len(_led_patterns()) >= 3  # the date's, the action's and the phrase cues'


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = _fixture_texts()
    assert len(found) > 5000
    return found


@pytest.mark.parametrize("name, pattern", _led_patterns(), ids=[name for name, _ in _led_patterns()])
def test_a_lookahead_loses_no_match(name: str, pattern: re.Pattern[str], texts: list[str]) -> None:
    plain = _without_lookahead(pattern)
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text)


def test_the_check_fails_on_a_letter_left_out() -> None:
    led = claims._led_by("ab", r"\bapple|\bbanana|\bcherry")
    plain = _without_lookahead(led)
    text = "an apple, a banana and a cherry"
    assert [m.group() for m in plain.finditer(text)] == ["apple", "banana", "cherry"]
    assert [m.group() for m in led.finditer(text)] == ["apple", "banana"]
