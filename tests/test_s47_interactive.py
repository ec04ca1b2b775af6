"""Interactive probe s47 (fixtures/s47-interactive/cases.py, expected answers
written first: 9 of 12 held before its fixes, 12 after), its blind set pinned as
it came, and what the fixes hold beyond the probe's texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.test_interactive_probe2 import predict, runner

PROBE = FIXTURES / "s47-interactive"
probe = runner.load(str(PROBE / "cases.py"))
CONFIG = probe.TEXT_CONFIG


@pytest.mark.parametrize("case", probe.CASES, ids=[case["name"] for case in probe.CASES])
def test_probe_case(client, case):
    assert runner.problems(client, case, probe.CONFIGS) == []


def copied(client, text: str, context: list[Any]) -> list[tuple[int, str, str]]:
    """Where the regions copied from the annotator's are: start, words, label."""
    return [(r["value"]["start"], r["value"]["text"], r["value"]["labels"][0])
            for r in predict(client, CONFIG, {"text": text}, context) if r["id"].startswith("ctx")]


def test_a_name_that_runs_on_after_a_connector_is_another_name(client):
    text = "Cheguei ao Rio ontem. O Rio de Janeiro e o Rio Grande do Sul são estados; o Rio acordou."
    assert copied(client, text, [probe.span(text, "Rio", "LOC")]) == [(text.index("Rio acordou"), "Rio", "LOC")]


def test_names_one_a_line_are_not_one_longer_name(client):
    text = "Lojas:\nRio\nSão Paulo\nCuritiba\n\nAbrimos no Rio e em Curitiba."
    assert copied(client, text, [probe.span(text, "Rio", "LOC", 1)]) == [(text.index("Rio"), "Rio", "LOC")]


def test_words_drawn_inside_a_longer_name_are_copied_inside_it_too(client):
    # The annotator chose "Magazine" of "Magazine Luiza": the same choice elsewhere is theirs.
    text = "O Magazine Luiza vendeu. A Magazine Luiza lucrou."
    assert copied(client, text, [probe.span(text, "Magazine", "PRODUCT")]) \
        == [(text.index("Magazine", 5), "Magazine", "PRODUCT")]


def test_two_labels_at_one_place_and_one_elsewhere_are_left_alone(client):
    text = "O Nubank abriu. O Nubank cobra. O Nubank cresce."
    first = probe.span(text, "Nubank", "ORG")
    both = [first, first | {"id": "b", "value": first["value"] | {"labels": ["PRODUCT"]}}]
    assert len(copied(client, text, both)) == 4
    assert copied(client, text, [*both, probe.span(text, "Nubank", "ORG", 1)]) == []


def test_two_labels_at_one_place_have_distinct_region_ids(client):
    text = "O Nubank abriu. O Nubank cobra."
    first = probe.span(text, "Nubank", "ORG")
    regions = predict(client, CONFIG, {"text": text},
                      [first, first | {"id": "b", "value": first["value"] | {"labels": ["PRODUCT"]}}])
    ids = [r["id"] for r in regions]
    assert len(ids) == len(set(ids))


def test_blind_set_as_it_came(client):
    blind = runner.load(str(Path(PROBE / "blind.py")))
    held = {case["name"] for case in blind.CASES if not runner.problems(client, case, blind.CONFIGS)}
    assert held == blind.HELD


def test_words_that_end_a_longer_name_are_another_name(client):
    text = "America votes today. The Bank of America and the University of America closed; America waits."
    assert copied(client, text, [probe.span(text, "America", "LOC")]) == [(text.index("America waits"), "America", "LOC")]


def test_words_drawn_at_the_end_of_a_longer_name_are_copied_there_too(client):
    # The annotator chose "São Paulo" inside "Universidade de São Paulo": their choice holds where it recurs so.
    text = "A Universidade de São Paulo abriu. A Universidade de São Paulo e São Paulo votam."
    assert [start for start, *_ in copied(client, text, [probe.span(text, "São Paulo", "LOC")])] \
        == [text.index("São Paulo", 40), text.index(" e São Paulo") + 3]


def test_a_title_before_a_name_does_not_make_it_another_name(client):
    text = "Lula falou. O Presidente Lula viajou."
    assert copied(client, text, [probe.span(text, "Lula", "PER")]) == [(text.index("Lula viajou"), "Lula", "PER")]


def test_a_title_case_headline_does_not_make_a_longer_name(client):
    text = "Nvidia Beats Estimates\n\nNvidia reported record sales. Nvidia Shield sold out."
    assert copied(client, text, [probe.span(text, "Nvidia", "ORG", 1)]) == [(0, "Nvidia", "ORG")]
