"""The garbage collector's settings for a process that predicts until it ends.

Start-up loads hundreds of thousands of objects that live as long as the
process: spaCy's pipelines, the pattern tables, LeIA's, VADER's and
simplemma's lexicons, label-studio-sdk and SQLAlchemy (219,000 tracked objects
with the built-in plugins). Each task creates and frees many small containers,
and every so often the collector's full pass scans all of them: 0.4-0.6 s, once
every 1,500 Paramopama tasks or so (``bench/annotate.py`` counts the passes and
their seconds). Reference counting frees nearly everything a task creates
(about two objects a task are cyclic garbage), so frozen start-up objects are
never worth scanning.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# A request's objects are freed by reference counting when it ends; at the
# default young-generation threshold (700) a 100-task /predict (about a
# thousand containers alive at once) set off a collection on every request.
YOUNG_GC_THRESHOLD = 10_000


@contextlib.contextmanager
def start_up_objects_frozen(collect_first: bool = True) -> Iterator[None]:
    """While the block runs, what is alive on entering it (what start-up
    loaded: enter it after the models load) is out of the collector's passes
    (``gc.freeze``), and the young generation is collected every 10,000
    allocations instead of 700. On leaving, the collector is as it was: a
    command run inside another program (a test's ``CliRunner``) leaves that
    program's collector alone. ``collect_first`` frees start-up's garbage
    before freezing, so that it is not kept for good: one full pass, whose
    cost grows with the whole heap (inside a test run, every test's objects)."""
    thresholds = gc.get_threshold()
    if collect_first:
        gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
