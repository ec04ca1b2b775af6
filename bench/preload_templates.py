"""How often a line decision could be reused per page template, and whether it would be right: a design prototype.

    .venv/bin/python bench/preload_templates.py /tmp/anota-bench-corpus/part-000
    .venv/bin/python bench/preload_templates.py fixtures/*/

The design asked about (issue 3's 10x; session 46's closing note): a line whose text, place and neighbours are those of
a line already decided in the same site takes that line's decision, without the rules. The site is the folder of the
document's source (a bench part, a fixture folder). ``BatchLines.excluded`` is wrapped: before each call the line's
template key is made; after it, its outcome (chrome reason, footer note) and the reading state it leaves
(``BatchLines``' list, section, header and last-chrome notes, relative to the line) are what a reuse would have to
give. For each key, by how many lines around it a key holds (``--windows``):

- hits: lines whose key was seen before in their site (a reuse would answer them);
- wrong: hits whose outcome or reading state differs from the first line's with that key (a reuse would change a
  decision: the key is not enough);
- the CPU the hits' ``excluded`` calls took: the ceiling of what the reuse saves, against the line decisions' whole
  CPU and the preload's; and the CPU of making the keys, which a reuse would pay for every line (a timer's cost in
  both).

The key: the line's text, its place (``Position.facts``, and its index from either end of its document up to
``EDGE_REACH``), the texts of ``window`` lines above and below it in its document (None past either end), and the
reading state it finds. The preload runs twice in one process (the second measured: the cue regexes compiled), with
the annotators off and no workers; it changes no decision (its tasks and exclusions are printed, to compare).
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.preload_profile import warm_preload_with_line_decisions  # noqa: E402

EDGE_REACH = 12  # a line's index from its document's start and end is part of its key up to this many lines


def reading_state(lines: Any, number: int) -> tuple[Any, ...]:
    """What ``BatchLines`` carries from line to line, told relative to line ``number`` (its document, its index)."""
    slot, index = lines.segments[number][0], lines.positions[number].index
    link_list, under, chrome_at = lines.link_list, lines.paragraph_under, lines.chrome_at
    return (
        None if link_list is None else (link_list[0] == slot, link_list[1]),
        lines.list_under_markdown_heading, lines.list_heading_level,
        None if lines.list_line < 0 else min(number - lines.list_line, EDGE_REACH),
        None if under is None else (under[0] == slot, *under[1:]),
        lines.header_of == slot,
        None if chrome_at is None or chrome_at[0] != slot else min(index - chrome_at[1], EDGE_REACH),
        lines.release_ended == slot,
        frozenset(lines.site_headers.get(slot, ())), frozenset(lines.byline_names.get(slot, ())),
    )


def template_key(lines: Any, number: int, window: int) -> tuple[Any, ...]:
    """The line's text and place, the texts of ``window`` lines either side in its document, and the state it finds."""
    slot, index, count = lines.segments[number][:3]
    first = number - index
    around = tuple(lines.texts[first + other] if 0 <= other < count else None
                   for other in range(index - window, index + window + 1))
    return (lines.positions[number].facts, min(index, EDGE_REACH), min(count - 1 - index, EDGE_REACH), around,
            reading_state(lines, number))


def site_of(lines: Any, number: int) -> str:
    return os.path.dirname(lines.documents[lines.segments[number][0]][0].source)


class TemplateTally:
    """Per window: lines, hits, wrong hits and the hits' CPU, over a preload's line decisions."""

    def __init__(self, windows: list[int]) -> None:
        self.windows = windows
        self.seen: dict[int, dict[tuple[Any, ...], tuple[Any, ...]]] = {window: {} for window in windows}
        self.counts: dict[int, collections.Counter[str]] = {window: collections.Counter() for window in windows}
        self.hit_seconds: dict[int, float] = dict.fromkeys(windows, 0.0)
        self.key_seconds: dict[int, float] = dict.fromkeys(windows, 0.0)
        self.wrong_examples: dict[int, list[str]] = {window: [] for window in windows}
        self.lines, self.seconds = 0, 0.0

    def wrap(self, original: Any) -> Any:
        def excluded(lines: Any, number: int) -> Any:
            keys = {}
            for window in self.windows:
                keyed = time.process_time()
                keys[window] = (site_of(lines, number), *template_key(lines, number, window))
                self.key_seconds[window] += time.process_time() - keyed
            started = time.process_time()
            outcome = original(lines, number)
            spent = time.process_time() - started
            self.note(keys, (outcome, reading_state(lines, number)), spent, lines.texts[number])
            return outcome
        return excluded

    def note(self, keys: dict[int, tuple[Any, ...]], result: tuple[Any, ...], spent: float, text: str) -> None:
        self.lines += 1
        self.seconds += spent
        for window, key in keys.items():
            earlier = self.seen[window].setdefault(key, result)
            if earlier is result:
                continue
            self.counts[window]["hits"] += 1
            self.counts[window]["kept hits" if result[0][0] is None else "left-out hits"] += 1
            self.hit_seconds[window] += spent
            if earlier != result:
                self.counts[window]["wrong"] += 1
                if len(self.wrong_examples[window]) < 3:
                    self.wrong_examples[window].append(f"{text[:60]!r}: {earlier[0]} -> {result[0]}")


def measure(sources: list[str], windows: list[int]) -> tuple[TemplateTally, float]:
    from server.boilerplate import BatchLines

    tally = TemplateTally(windows)
    return tally, warm_preload_with_line_decisions(sources, tally.wrap(BatchLines.excluded))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--windows", default="0,1,2,3", help="lines either side a key holds, comma-separated")
    args = parser.parse_args()
    windows = [int(window) for window in args.windows.split(",")]
    tally, total = measure(args.sources, windows)
    print(f"{tally.lines} line decisions, {tally.seconds:.2f} s CPU of a {total:.2f} s preload (timers included)")
    print(f"{'window':>6} {'hits':>7} {'hit %':>6} {'kept':>6} {'left out':>8} {'wrong':>6} "
          f"{'hits CPU s':>10} {'of lines':>8} {'of preload':>10} {'keys CPU s':>10}")
    for window in windows:
        counts, seconds = tally.counts[window], tally.hit_seconds[window]
        print(f"{window:>6} {counts['hits']:>7} {100 * counts['hits'] / max(1, tally.lines):>5.1f}% "
              f"{counts['kept hits']:>6} {counts['left-out hits']:>8} {counts['wrong']:>6} {seconds:>10.3f} "
              f"{100 * seconds / max(tally.seconds, 1e-9):>7.1f}% {100 * seconds / max(total, 1e-9):>9.1f}% "
              f"{tally.key_seconds[window]:>10.3f}")
        for example in tally.wrong_examples[window]:
            print(f"         wrong: {example}")


if __name__ == "__main__":
    main()
