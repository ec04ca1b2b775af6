"""bench/preload_ladder.py's rungs do their stage's work (a copy is a duplicate from the exact rung on, a near-copy
from the near rung on, the SQLite rung writes every segment); bench/preload_templates.py's tally finds a page repeated
in its site as hits that agree, and leaves ``BatchLines.excluded`` as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.preload_ladder import measure_stage
from bench.preload_templates import measure

PARAGRAPH = ("The council approved the new budget for the river park on Tuesday after a long debate about the costs "
             "of the bridge and the playground.")
NEAR_COPY = PARAGRAPH.replace("Tuesday", "Wednesday")
OTHER = "Residents asked for more benches, better lighting and a second footpath along the eastern bank of the river."
THIRD = "The park will open next spring, the mayor said, and the work on the bridge starts in January with local firms."
PAGE = "Skip to main content\nRiver Gazette\n{body}\nShare this article\n© 2026 River Gazette. All rights reserved.\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "part-000"
    folder.mkdir()
    (folder / "page-1.txt").write_text(PAGE.format(body=f"{PARAGRAPH}\n{OTHER}"), encoding="utf-8")
    (folder / "page-2.txt").write_text(PAGE.format(body=f"{PARAGRAPH}\n{OTHER}"), encoding="utf-8")
    (folder / "page-3.txt").write_text(PAGE.format(body=NEAR_COPY), encoding="utf-8")
    (folder / "page-4.txt").write_text(PAGE.format(body=f"{PARAGRAPH}\n{THIRD}"), encoding="utf-8")
    return folder


def test_each_rung_adds_its_stage(site: Path):
    split = measure_stage([site], "split")
    exact = measure_stage([site], "exact")
    near = measure_stage([site], "near")
    written = measure_stage([site], "sqlite")
    assert split["segments"] == exact["segments"] == 23
    assert split["tasks"] == 0  # no id is made before the exact rung
    # Page 2 is page 1 again: its 6 lines are copies; page 3's chrome lines are copies too, its paragraph is new; page
    # 4's lines are copies but its last paragraph.
    assert exact["tasks"] == 23 - 6 - 4 - 5
    assert near["tasks"] == exact["tasks"] - 1  # page 3's paragraph is a near-duplicate of page 1's
    assert written["tasks"] == near["tasks"]


def test_the_templates_tally_finds_a_repeated_page_and_restores_the_rules(site: Path):
    from server.boilerplate import BatchLines

    original = BatchLines.excluded
    tally, _seconds = measure([str(site)], [0, 1])
    assert BatchLines.excluded is original
    assert tally.lines == 23
    # Every line of page 2 has page 1's text, neighbours, place and reading state; page 3, a line shorter, has none
    # at page 1's places (its index from the end is part of the key). Page 4 is page 1 with another last paragraph:
    # alone, each line but that one is page 1's (window 0); with a line either side, those next to it are not.
    assert tally.counts[0]["hits"] == 6 + 5
    assert tally.counts[1]["hits"] == 6 + 3
    assert tally.counts[0]["wrong"] == tally.counts[1]["wrong"] == 0
    assert tally.counts[1]["wrong"] == 0
