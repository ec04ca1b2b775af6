"""The first-letter lookaheads that speed claims' cue searches (``_led_by``, the phrase cues of ``_phrases``) must
lose no match: their letters are written by hand (``_led_by``) or from the phrases, and a letter left out would drop
its alternatives' matches without an error. Every cue pattern that opens on such a lookahead is searched with and
without it over the annotators' probe texts (``bench/predict_same.py``'s)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from plugins import claims

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from predict_same import fixture_texts  # noqa: E402

LOOKAHEAD = re.compile(r"(\(\?<!\\w\))?\(\?=\[([^\]]+)\]\)")


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
    found = sorted(set(fixture_texts(ROOT)))
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
