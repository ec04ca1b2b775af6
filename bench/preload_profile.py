"""Where a warm preload's CPU goes: by function (a sampler), or by regex (each call recorded, then replayed).

    .venv/bin/python bench/preload_profile.py /tmp/anota-bench-corpus/part-000 /tmp/anota-bench-corpus/part-001
    .venv/bin/python bench/preload_profile.py --regexes SOURCE...
    .venv/bin/python bench/preload_profile.py --lines SOURCE...

Each source (a file or folder) is preloaded twice in this process, each time into a new SQLite file, in one
process (PRELOAD_WORKERS off), the annotators off; only the second preload is measured, so that the cue regexes
are compiled and the process warm, as in most of a long run.

- By default a SIGPROF sampler (every ``--interval`` s of CPU) counts each function once per sample in which it is
  on the stack (inclusive) and the one running (self), named by file, name and first line (a generator expression's
  line tells which one). Shares only: the sampler runs on the kernel's tick (4 ms here), so a 10 MB preload gives
  700-800 samples, and a function under 1% moves by about that from run to run.
- ``--workers``: the warm preload by turns in one process and with forked workers (PRELOAD_WORKERS, one a core),
  ``--rounds`` times: each run's CPU (resource usage) in this process and in its workers, and the part of either
  spent inside ``BatchPreparer.prepare`` (each process adds up its own calls' usage in a scratch file): what the
  workers' pipes, forks and split line caches cost beside the work they share out.
- ``--regexes``: every call of a compiled regex kept in a module attribute of ``server`` (``_POSTCODE.search``,
  ``WORD_TOKEN.findall``) is recorded with its arguments, then replayed alone three times and timed by CPU: what
  each regex costs, free of the timers' own cost. Regexes kept elsewhere (the cue tables' compiled cues, those in
  lists and tuples) are not seen: ``find_cues``' scans show in the sampler.
- ``--lines``: each line decision (``BatchLines.excluded``) timed by CPU and told by kind: kept or left out, first
  seen or repeated (the same text and ``Position`` earlier in the run), its words (1-3, 4-15, 16-40, over 40), and
  whether its page's header was being read (``header_of``, or the page's first line: where the site's name,
  letterhead and breadcrumb rules ask about it). The per-line timer adds its own cost (about 1 us a line).
None changes a decision: the tasks and exclusions are printed at the end to compare with a plain run.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REGEX_METHODS = ("search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn")


def preload_once(sources: list[str], workers: bool = False) -> Any:
    """Preload ``sources`` into a new SQLite file, in this process (or its forked ``workers``, where the preload
    starts them), and return the report."""
    from server import create_app
    from server.analysis import detect_language
    from server.preload import preload_sources

    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/profile.db", "SOURCES": sources, "PRELOAD": False,
                          "DISABLE_PLUGINS": ["entities", "claims", "sentiment"], "PRELOAD_WORKERS": workers})
        app.config["PRELOAD"] = True
        detect_language("warm up", app.config["LANGUAGES"])  # the model loads once per process
        report = preload_sources(app)
        app.extensions["anota"].database.dispose()
    return report


def sampled(sources: list[str], interval: float) -> tuple[collections.Counter[str], collections.Counter[str], int]:
    """The warm preload's samples by function: inclusive and self counts, and the number of samples."""
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    samples = 0

    def sample(_signal: int, frame: FrameType | None) -> None:
        nonlocal samples
        samples += 1
        on_stack = set()
        if frame is not None:
            own[_function_name(frame)] += 1
        while frame is not None:
            on_stack.add(_function_name(frame))
            frame = frame.f_back
        inclusive.update(on_stack)

    preload_once(sources)
    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        report = preload_once(sources)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    print(f"{report.tasks} tasks; left out {report.excluded}")
    return inclusive, own, samples


def _function_name(frame: FrameType) -> str:
    code = frame.f_code
    return f"{Path(code.co_filename).name}:{code.co_name}:{code.co_firstlineno}"


class _RecordedRegex:
    """A compiled regex that records each call of its methods (``calls``: name and method -> arguments)."""

    def __init__(self, name: str, pattern: re.Pattern[str], calls: dict[tuple[str, str], list[tuple[Any, ...]]]):
        self._name, self._pattern, self._calls = name, pattern, calls
        self.pattern, self.flags, self.groups, self.groupindex = pattern.pattern, pattern.flags, pattern.groups, \
            pattern.groupindex

    def __getattr__(self, method: str) -> Callable[..., Any]:
        bound = getattr(self._pattern, method)
        if method not in REGEX_METHODS:
            return bound

        def recorded(*arguments: Any) -> Any:
            self._calls[self._name, method].append(arguments)
            return bound(*arguments)
        return recorded


def regex_costs(sources: list[str]) -> list[tuple[float, str, int, float]]:
    """Each module regex's calls in the warm preload, replayed: (CPU seconds, name.method, calls, mean text length),
    costliest first."""
    import server.preload  # noqa: F401 (imports the modules whose regexes are recorded)

    preload_once(sources)
    calls: dict[tuple[str, str], list[tuple[Any, ...]]] = collections.defaultdict(list)
    originals = {}
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("server.") and module is not None:
            for name, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    originals[module, name] = value
                    setattr(module, name, _RecordedRegex(f"{module_name}.{name}", value, calls))
    try:
        report = preload_once(sources)
    finally:
        for (module, name), value in originals.items():
            setattr(module, name, value)
    print(f"{report.tasks} tasks; left out {report.excluded}")
    patterns = {f"{module.__name__}.{name}": value for (module, name), value in originals.items()}
    costs = []
    for (name, method), arguments in calls.items():
        call = getattr(patterns[name], method)
        started = time.process_time()
        for _round in range(3):
            for args in arguments:
                result = call(*args)
                if method == "finditer":
                    list(result)
        text = 1 if method in ("sub", "subn") else 0  # the argument searched
        lengths = [len(args[text]) for args in arguments if len(args) > text and isinstance(args[text], str)]
        costs.append(((time.process_time() - started) / 3, f"{name}.{method}", len(arguments),
                      sum(lengths) / max(1, len(lengths))))
    return sorted(costs, reverse=True)


WORD_BANDS = ((3, "1-3 words"), (15, "4-15 words"), (40, "16-40 words"), (sys.maxsize, "over 40 words"))


def _line_kind(lines: Any, number: int, header: bool, outcome: tuple[Any, Any], seen: set[tuple[str, Any]]) \
        -> tuple[str, ...]:
    """A line decision's kind (see ``--lines``): its ``outcome``, whether the same text at the same ``Position`` was
    decided earlier in the run, its words, and whether it came in its page's ``header``."""
    place = (lines.normalised[number], lines.positions[number])
    repeated = place in seen
    seen.add(place)
    band = next(name for most, name in WORD_BANDS if lines.counts[number] <= most)
    return ("kept" if outcome[0] is None else "left out", "repeated" if repeated else "first seen", band,
            "header" if header else "body")


def line_costs(sources: list[str]) -> tuple[dict[tuple[str, ...], list[float]], float]:
    """The warm preload's line decisions by kind: kind -> [lines, CPU seconds]; and the preload's CPU seconds."""
    from server.boilerplate import BatchLines

    original = BatchLines.excluded
    kinds: dict[tuple[str, ...], list[float]] = collections.defaultdict(lambda: [0, 0.0])
    seen: set[tuple[str, Any]] = set()

    def excluded(self: Any, number: int) -> Any:
        # Read before the decision, which moves the header on.
        header = self.header_of == self.segments[number][0] or self.positions[number].index == 0
        started = time.process_time()
        outcome = original(self, number)
        spent = time.process_time() - started
        kind = _line_kind(self, number, header, outcome, seen)
        kinds[kind][0] += 1
        kinds[kind][1] += spent
        return outcome

    total = warm_preload_with_line_decisions(sources, excluded)
    return dict(kinds), total


def warm_preload_with_line_decisions(sources: list[str], excluded: Any) -> float:
    """Preload ``sources`` once to warm up, then again with ``excluded`` as the line decisions
    (``BatchLines.excluded``, put back after); the second preload's CPU seconds."""
    from server.boilerplate import BatchLines

    original = BatchLines.excluded
    preload_once(sources)
    BatchLines.excluded = excluded  # type: ignore[method-assign]
    try:
        started = time.process_time()
        report = preload_once(sources)
        total = time.process_time() - started
    finally:
        BatchLines.excluded = original  # type: ignore[method-assign]
    print(f"{report.tasks} tasks; left out {report.excluded}")
    return total


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def worker_costs(sources: list[str], rounds: int) -> list[tuple[bool, float, float, float]]:
    """The warm preload ``rounds`` times in one process and with workers, by turns: (workers, CPU seconds of this
    process, of its workers, and of all the processes' ``BatchPreparer.prepare`` calls) of each run."""
    from server import preload

    original = preload.BatchPreparer.prepare
    with tempfile.TemporaryDirectory() as scratch:
        spent = {"seconds": 0.0}  # the process's own calls' (a worker forks with the run's zero)

        def prepare(self: Any, *arguments: Any) -> Any:
            before = _cpu(resource.getrusage(resource.RUSAGE_SELF))
            batch = original(self, *arguments)
            spent["seconds"] += _cpu(resource.getrusage(resource.RUSAGE_SELF)) - before
            Path(scratch, str(os.getpid())).write_text(repr(spent["seconds"]))
            return batch

        preload.BatchPreparer.prepare = prepare  # type: ignore[method-assign]
        try:
            preload_once(sources)
            runs = []
            for _round in range(rounds):
                for workers in (False, True):
                    for spent_file in Path(scratch).iterdir():
                        spent_file.unlink()
                    spent["seconds"] = 0.0
                    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
                    preload_once(sources, workers)
                    runs.append((workers, _cpu(resource.getrusage(resource.RUSAGE_SELF)) - _cpu(own),
                                 _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - _cpu(children),
                                 sum(float(spent_file.read_text()) for spent_file in Path(scratch).iterdir())))
        finally:
            preload.BatchPreparer.prepare = original  # type: ignore[method-assign]
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--regexes", action="store_true", help="each module regex's CPU instead of the sampler")
    parser.add_argument("--workers", action="store_true", help="one process against forked workers, by turns")
    parser.add_argument("--lines", action="store_true", help="the line decisions' CPU by kind of line")
    parser.add_argument("--rounds", type=int, default=3, help="--workers' runs of each kind")
    parser.add_argument("--interval", type=float, default=0.001, help="the sampler's period, seconds of CPU")
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    if args.workers:
        for workers, own, children, prepared in worker_costs(args.sources, args.rounds):
            print(f"{'workers' if workers else 'one process'}: {own + children:.2f} s of CPU (this process {own:.2f}, "
                  f"workers {children:.2f}), {prepared:.2f} s of it preparing batches")
        return
    if args.lines:
        kinds, total = line_costs(args.sources)
        decided = sum(seconds for _lines, seconds in kinds.values())
        print(f"preload {total:.2f} s of CPU, line decisions {decided:.2f} s ({100 * decided / total:.0f}%)")
        for kind, (lines, seconds) in sorted(kinds.items(), key=lambda item: -item[1][1])[: args.top]:
            print(f"{lines:7d} lines {seconds / lines * 1e6:6.0f} us {100 * seconds / decided:5.1f}% of the decisions "
                  f"{100 * seconds / total:5.1f}% of the preload  {', '.join(kind)}")
        return
    if args.regexes:
        costs = regex_costs(args.sources)
        print(f"all module regexes: {sum(cost for cost, *_rest in costs) * 1000:.0f} ms of CPU")
        for seconds, name, count, length in costs[: args.top]:
            print(f"{seconds * 1000:7.1f} ms {count:7d} calls {seconds / count * 1e6:6.2f} us, "
                  f"{length:5.0f} characters  {name}")
        return
    inclusive, own, samples = sampled(args.sources, args.interval)
    print(f"{samples} samples")
    for name, count in inclusive.most_common(args.top):
        print(f"{100 * count / samples:5.1f}% inclusive {100 * own[name] / samples:5.1f}% self  {name}")


if __name__ == "__main__":
    main()
