"""Near-duplicate texts: one-permutation MinHash sketches of their word sets, found through LSH bands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from server.batch_words import BatchWords, mix_hash

# A text's sketch is a one-permutation MinHash of its distinct words: each
# word's hash falls into one of SKETCH_BINS bins by its top bits, and a bin
# keeps its smallest hash (or stays empty). Changing one word changes at most
# two bins, so near-duplicates agree on most bands of BAND_ROWS bins, and the
# share of agreeing bins among those filled in either text estimates the
# Jaccard similarity of the two word sets (exactly, for short texts whose
# words all fall into different bins). Empty bins are left empty rather than
# filled from others, so two short texts agree on a band only through words
# they share. A bin keeps the low 16 bits of its minimum (two different minima
# agree by chance once in 65,536 bins), so a sketch is 64 bytes.
SKETCH_BINS = 32
BAND_ROWS = 4
BANDS = SKETCH_BINS // BAND_ROWS
_BIN_SHIFT = np.uint32(32 - (SKETCH_BINS - 1).bit_length())
_EMPTY_HASH = np.uint32(0xFFFFFFFF)
_EMPTY_BIN = np.uint16(0xFFFF)
_BAND_SEEDS = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
# One word changed in a text of n distinct words leaves a similarity of
# (n-1)/(n+1): below this many words no change is small enough to be a
# near-duplicate, and such texts (titles, labels) would only crowd the buckets.
NEAR_DUPLICATE_MIN_WORDS = 6


def sketches(words: BatchWords) -> np.ndarray:
    """One sketch (a row of SKETCH_BINS uint16) per text of the batch."""
    owners, hashes = words.distinct
    minima = np.full(len(words.counts) * SKETCH_BINS, _EMPTY_HASH, dtype=np.uint32)
    np.minimum.at(minima, owners * SKETCH_BINS + (hashes >> _BIN_SHIFT), hashes)
    return (minima & np.uint32(0xFFFF)).astype(np.uint16).reshape(len(words.counts), SKETCH_BINS)


def band_keys(sketch: np.ndarray) -> np.ndarray:
    """A key per band of each sketch (0 for a band whose bins are all empty):
    texts that share a key agree on all of that band's bins."""
    rows = sketch.reshape(len(sketch), BANDS, BAND_ROWS).astype(np.uint64)
    keys = _BAND_SEEDS.copy()[None, :].repeat(len(sketch), axis=0)
    for row in range(BAND_ROWS):
        keys = mix_hash(keys ^ rows[:, :, row])
    keys |= np.uint64(1)  # never 0, which marks an empty band
    keys[(rows == _EMPTY_BIN).all(axis=2)] = 0
    return keys


def shares_band_with_earlier(keys: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """Which texts of a batch share a band key with an earlier eligible text
    of the batch (only those can have a candidate kept during the batch)."""
    rows = np.repeat(np.arange(len(keys)), BANDS)
    used = (keys.ravel() != 0) & np.repeat(eligible, BANDS)
    flat, rows = keys.ravel()[used], rows[used]
    _unique, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    shared = np.zeros(len(keys), dtype=bool)
    shared[rows[rows[first][inverse] < rows]] = True
    return shared


def similarity(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of the word sets of sketch rows, pairwise."""
    # Sums of booleans (count_nonzero with an axis costs more in Python than in the counting: it is asked per segment).
    filled_first, filled_second = first != _EMPTY_BIN, second != _EMPTY_BIN
    agreeing = ((first == second) & filled_first).sum(axis=-1)
    return agreeing / np.maximum((filled_first | filled_second).sum(axis=-1), 1)


class NearDuplicateIndex:
    """The sketches of the kept tasks (one growing array) and the LSH index:
    each band key maps to the first kept task with that band. Keys of earlier
    batches live in a few sorted numpy runs (12 bytes a key, merged as they
    grow); keys first seen in the current batch in a dict, for the lookups
    that must follow the batch's order."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.sketches = np.empty((1024, SKETCH_BINS), dtype=np.uint16)
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []  # sorted band keys, their tasks
        self.recent: dict[int, int] = {}
        # The batch's keys held by one text alone, which no lookup of the batch can find (a text looks up only keys it
        # holds itself, and only after every earlier text's add): indexed at the batch's end, with the sketches of the
        # tasks kept during the batch, in a few numpy calls where a key at a time in ``recent`` was the search's
        # costliest Python loop. Each: the batch's sketches, band keys, which keys wait, the numbers and tasks added.
        self.later: list[tuple[np.ndarray, np.ndarray, np.ndarray, list[int], list[int]]] = []

    def best_earlier(
        self, sketches: np.ndarray, keys: np.ndarray, eligible: np.ndarray
    ) -> tuple[dict[int, tuple[int, float]], np.ndarray]:
        """For a batch's texts, by text number, the most similar task kept
        before the batch at or above the threshold (all candidate pairs checked
        in one numpy call); and which of their band keys the runs hold."""
        tasks = self._run_tasks(keys)
        tasks[(keys == 0) | ~eligible[:, None]] = -1
        texts, bands = np.nonzero(tasks >= 0)
        pairs = _distinct_pairs(texts, tasks[texts, bands])
        best: dict[int, tuple[int, float]] = {}
        if len(pairs):
            scores = similarity(self.sketches[pairs[:, 1]], sketches[pairs[:, 0]])
            order = np.lexsort((pairs[:, 1], -scores, pairs[:, 0]))
            for (number, task), score in zip(pairs[order].tolist(), scores[order].tolist(), strict=True):
                if score >= self.threshold and number not in best:
                    best[number] = (task, score)
        return best, tasks >= 0

    def _run_tasks(self, keys: np.ndarray) -> np.ndarray:
        """The task each band key maps to in the runs, -1 where none does. The keys are looked up in sorted order:
        numpy's search starts each key's where the key before's ended, in a part of the run the cache holds, where a
        batch's keys in their own order land anywhere in a run that outgrows the cache as the corpus grows (random keys,
        a batch's 27k against a run of 150k, about a 10 MB corpus's: 3.6 -> 1.6 ms)."""
        flat = keys.ravel()
        tasks = np.full(len(flat), -1, dtype=np.int64)
        if self.runs:
            order = np.argsort(flat)
            ordered = flat[order]
            for run_keys, run_tasks in self.runs:
                places = np.minimum(np.searchsorted(run_keys, ordered), len(run_keys) - 1)
                found = run_keys[places] == ordered
                tasks[order[found]] = run_tasks[places[found]]
        return tasks.reshape(keys.shape)

    def best(
        self, sketch: np.ndarray, keys: Sequence[int], earlier: tuple[int, float] | None
    ) -> tuple[int, float] | None:
        """The most similar kept task at or above the threshold: ``earlier``
        (from :meth:`best_earlier`) or one kept during this batch."""
        get = self.recent.get
        recent = sorted({task for key in keys if key and (task := get(key)) is not None})
        if not recent:
            return earlier
        scores = similarity(self.sketches[recent], sketch[None, :])
        best = int(scores.argmax())
        if scores[best] >= self.threshold and (earlier is None or scores[best] > earlier[1]):
            return recent[best], float(scores[best])
        return earlier

    def add(self, task: int, sketch: np.ndarray, keys: Sequence[int], known: Sequence[bool]) -> None:
        """Add kept task number ``task`` (numbered from 0, in order) with the
        band keys the runs do not hold yet."""
        self._make_room(task)
        self.sketches[task] = sketch
        setdefault = self.recent.setdefault
        for key, in_runs in zip(keys, known):
            if key and not in_runs:
                setdefault(key, task)

    def _make_room(self, task: int) -> None:
        while task >= len(self.sketches):
            self.sketches = np.concatenate([self.sketches, np.empty_like(self.sketches)])

    def _later_keys(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The keys that waited for the batch's end (see ``later``) and their tasks; the kept tasks' sketches stored."""
        keys, tasks = [], []
        for sketch, key_array, waiting, numbers, added in self.later:
            if not numbers:
                continue
            self._make_room(max(added))
            self.sketches[added] = sketch[numbers]
            waits = waiting[numbers]
            keys.append(key_array[numbers][waits])
            tasks.append(np.repeat(np.array(added, dtype=np.int32), waits.sum(axis=1)))
        self.later = []
        return keys, tasks

    def end_batch(self) -> None:
        """Move the batch's keys into a sorted run; merge runs of similar
        size, so there are few runs and each key is moved a few times."""
        later_keys, later_tasks = self._later_keys()
        keys = np.concatenate([np.fromiter(self.recent, dtype=np.uint64, count=len(self.recent)), *later_keys])
        tasks = np.concatenate([np.fromiter(self.recent.values(), dtype=np.int32, count=len(self.recent)),
                                *later_tasks])
        self.recent = {}
        if not len(keys):
            return
        order = np.argsort(keys)
        self.runs.append((keys[order], tasks[order]))
        while len(self.runs) > 1 and len(self.runs[-2][0]) <= 2 * len(self.runs[-1][0]):
            (newer_keys, newer_tasks), (older_keys, older_tasks) = self.runs.pop(), self.runs.pop()
            keys, tasks = np.concatenate([older_keys, newer_keys]), np.concatenate([older_tasks, newer_tasks])
            order = np.argsort(keys, kind="stable")
            self.runs.append((keys[order], tasks[order]))


def _distinct_pairs(texts: np.ndarray, tasks: np.ndarray) -> np.ndarray:
    """The distinct ``(text, task)`` pairs of two arrays of non-negative ints, as rows sorted by text, then task:
    ``np.unique(np.stack([texts, tasks], axis=1), axis=0)`` through one int64 key a pair, where unique along an axis
    sorts the rows as records (30,000 random pairs: 0.4 ms against 16 ms; a 10 MB corpus's batch has about 3,000)."""
    span = int(tasks.max()) + 1 if len(tasks) else 1
    keys = np.unique(texts.astype(np.int64) * span + tasks)
    return np.stack([keys // span, keys % span], axis=1)


class BatchSketches(NamedTuple):
    """One batch's texts' sketches, band keys, which texts have words enough to be near-duplicates, and which share a
    band with an earlier such text of the batch: all the batch's own, worked out for the whole batch at once, before
    (or while) earlier batches are cleaned. ``keys``: as lists of ints, the keys another eligible text of the batch
    holds too (0 for the others: only these can be looked up during the batch), ``repeated``: whether a text has one;
    ``single``: which keys of an eligible text no other eligible text of the batch holds (indexed at the batch's end)."""

    sketch: np.ndarray
    key_array: np.ndarray
    keys: list[list[int]]
    repeated: list[bool]
    single: np.ndarray
    eligible_array: np.ndarray
    eligible: list[bool]
    in_batch: list[bool]


def batch_sketches(words: BatchWords) -> BatchSketches:
    sketch = sketches(words)
    key_array = band_keys(sketch)
    eligible_array = words.distinct_counts() >= NEAR_DUPLICATE_MIN_WORDS
    used = (key_array != 0) & eligible_array[:, None]
    _unique, inverse, counts = np.unique(key_array[used], return_inverse=True, return_counts=True)
    single = np.zeros_like(used)
    single[used] = counts[inverse] == 1
    repeated = used & ~single
    return BatchSketches(sketch, key_array, np.where(repeated, key_array, 0).tolist(), repeated.any(axis=1).tolist(),
                         single, eligible_array, eligible_array.tolist(),
                         shares_band_with_earlier(key_array, eligible_array).tolist())


class BatchNearDuplicates:
    """One batch's side of the near-duplicate search: the best match of each of its texts (``batch``: their
    sketches) among tasks kept before the batch, worked out for the whole batch at once; the index answers for the
    tasks kept during the batch."""

    def __init__(self, index: NearDuplicateIndex, batch: BatchSketches) -> None:
        self.index = index
        self.sketch, self.keys, self.eligible, self.in_batch = batch.sketch, batch.keys, batch.eligible, batch.in_batch
        self.repeated = batch.repeated
        self.earlier, known_array = index.best_earlier(batch.sketch, batch.key_array, batch.eligible_array)
        self.known = known_array.tolist()
        self.numbers: list[int] = []
        self.tasks: list[int] = []
        index.later.append((batch.sketch, batch.key_array, batch.single & ~known_array, self.numbers, self.tasks))

    def match(self, number: int) -> tuple[int, float] | None:
        """The kept task that text ``number`` nearly duplicates, and their similarity."""
        if not self.eligible[number]:
            return None
        match = self.earlier.get(number)
        if self.in_batch[number]:
            match = self.index.best(self.sketch[number], self.keys[number], match)
        return match

    def add(self, number: int, task: int) -> None:
        """Text ``number`` was kept as task ``task``: its sketch and the keys only it holds wait for the batch's end."""
        self.numbers.append(number)
        self.tasks.append(task)
        if self.repeated[number]:
            self.index.add(task, self.sketch[number], self.keys[number], self.known[number])
