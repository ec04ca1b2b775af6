"""s48-plugins-speed: the annotators' shared machinery made cheaper, every answer the same."""

import random
import re

import pytest

from server.segmentation import _CANDIDATE_END, _WORD_BEFORE, ABBREVIATIONS, _is_abbreviation, _word_before

# Letters, digits, the word's inner marks, spaces of several kinds: the word before a period and what may precede it.
ALPHABET = "abCºª._/1 \u00a0\t-'é²xZ"


@pytest.mark.parametrize("seed", range(4))
def test_the_word_before_a_period_is_what_the_search_from_twenty_characters_back_finds(seed):
    # the search starts after the last space before the period (a word never holds one), not 20 characters back
    rnd = random.Random(seed)
    for _ in range(10_000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 30))) + "."
        period = len(text) - 1
        for line_start in (0, rnd.randint(0, period)):
            before = _WORD_BEFORE.search(text, max(line_start, period - 20), period + 1)
            found = _word_before(text, line_start, period)
            assert (found and (found.span(), found.group(1))) == (before and (before.span(), before.group(1))), \
                (text, line_start)


@pytest.mark.parametrize(("text", "expected"), [
    ("Falou o Sr. Silva", True), ("Ganhou a J. Silva", True), ("Veio o sr. Dr. Silva", True),
    ("Saiu cedo. Depois", False), ("A Ltda. cresceu", True), ("O ex-dep. Silva", True), ("Silva et al. 2020", True),
    ("Custou R$ 5. Depois", False), ("Leia a p.ex. Depois", True),
])
def test_abbreviations_before_a_capital(text, expected):
    period = text.index(". ")
    assert _is_abbreviation(text, 0, period, ABBREVIATIONS["pt"], text[period + 2].isdigit()) is expected


def test_a_candidate_sentence_end_is_what_the_repeat_first_pattern_found():
    # "[.!?…][.!?…]*" opens the pattern, so that re scans for its first mark; "[.!?…]+" found the same ends
    repeat_first = re.compile(
        r"[.!?…]+[\"'”’»)\]]*[ \t\u00a0]+(?=[\"'“‘«(\[¿¡]?(?:[A-ZÀ-ÖØ-Þ0-9]|[a-z]{1,2}[A-Z]))")
    rnd = random.Random(5)
    marks = ".!?… \t\u00a0\"'”’»)]“‘«([¿¡AÉ0aBxY\nz"
    for _ in range(30_000):
        text = "".join(rnd.choice(marks) for _ in range(rnd.randint(0, 25)))
        found = [(match.span(), match.group()) for match in _CANDIDATE_END.finditer(text)]
        assert found == [(match.span(), match.group()) for match in repeat_first.finditer(text)], text
