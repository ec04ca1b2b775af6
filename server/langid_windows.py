"""py3langid's identifier with its features found for all of a text's bytes at once.

py3langid finds a text's features (byte n-grams of up to six bytes) by walking
an Aho-Corasick automaton one byte at a time in Python, and scores them with a
float16 matrix that numpy converts to float32 slowly (27 µs for a 100-byte text:
more than the rest of the identification). Both give way to numpy here, with the
same scores to the last bit (tests/test_langid_windows.py compares them):

- The automaton's state after a byte is the longest suffix of the bytes read so
  far that is a node of its trie (six bytes at most), and the feature counted
  there is a function of that state. So the feature at every position is a
  function of the six bytes ending there: read as one 48-bit number, last byte
  most significant, it falls in one of a sorted set of intervals, each with its
  feature, which one ``np.searchsorted`` finds for every position at once.
- The float16 rows of the features found are widened to float32 by shifting
  their bits (every value of the model is a negative normal number).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
import time
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import py3langid
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

log = logging.getLogger(__name__)

WINDOW = 6  # bytes: the longest trie node of py3langid 0.4's model
# Read before a text's first byte: a byte on no edge of the trie (never in UTF-8), so no match reaches past the start.
START_PAD = b"\xff"
# A window is read as a little-endian 8-byte number ending at its last byte, its two lowest bytes shifted out.
READ_BYTES = 8
SHIFT = 8 * (READ_BYTES - WINDOW)
# A visit's sort key: its feature above, its position (among texts of under 4 GB together) below; visits of no feature
# sort last.
POSITION_BITS = 32
NO_FEATURE = 1 << 62
# ``_visits``'s ``starts`` for the windows of one text.
ONE_TEXT = np.zeros(1, dtype=np.int64)
# A negative normal float16's bits, shifted into a float32's place, give its float32's bits less this constant
# (the sign moves from bit 28 to 31, the exponent's bias from 15 to 127; the mantissa gains 13 zero bits below).
NEGATIVE_HALF_TO_SINGLE = np.uint32((1 << 31) - (1 << 28) + ((127 - 15) << 23))


def trie_nodes(identifier: LanguageIdentifier) -> tuple[np.ndarray, np.ndarray]:
    """The automaton's trie: each state's depth, and the key of its string
    (its bytes, the last one in the top byte of 48 bits, the others below it)."""
    width = {2: np.uint16, 4: np.uint32, 8: np.uint64}
    rows = np.frombuffer(identifier.tk_nextmove, dtype=width[identifier.tk_nextmove.itemsize]).reshape(-1, 256)
    row_of_state = np.frombuffer(identifier.tk_row, dtype=width[identifier.tk_row.itemsize])
    depth = np.full(len(row_of_state), -1, dtype=np.int16)
    key = np.zeros(len(row_of_state), dtype=np.uint64)
    depth[0] = 0
    frontier = np.zeros(1, dtype=np.int64)
    while len(frontier):
        children = []
        for chunk in np.array_split(frontier, max(1, len(frontier) // 4096)):  # bounds the 256-wide gather's memory
            # take: a plain gather (indexing by an array walks it as a general index, at twice the cost), and the
            # moves' own width, not widened: this walk is most of the identifier's set-up after the model's loading.
            targets = rows.take(row_of_state.take(chunk), axis=0)
            # A move to a state not reached yet goes one byte deeper: a trie edge (any other move keeps or loses depth).
            moves = np.flatnonzero(depth.take(targets) < 0)
            parents, letters = np.divmod(moves, 256)
            states = targets.ravel().take(moves).astype(np.int64)
            if len(np.unique(states)) != len(states):
                raise ValueError("py3langid's automaton is not an Aho-Corasick trie")
            depth[states] = depth[chunk[parents]] + 1
            key[states] = (letters.astype(np.uint64) << np.uint64(8 * WINDOW - 8)) | (key[chunk[parents]] >> np.uint64(8))
            children.append(states)
        frontier = np.concatenate(children)
    if depth.max() > WINDOW or (depth < 0).any():
        raise ValueError(f"py3langid's trie is deeper than {WINDOW} bytes, or has a state it cannot reach")
    if START_PAD in bytes(np.unique((key >> np.uint64(8 * WINDOW - 8)).astype(np.uint8)[1:])):
        raise ValueError("the start pad byte is on a trie edge")
    return depth, key


def window_features(identifier: LanguageIdentifier) -> tuple[np.ndarray, np.ndarray]:
    """Sorted interval starts over windows read as 8 bytes (``WindowedIdentifier.features``),
    and for each interval, after a leading slot, the sort key of its feature (NO_FEATURE if none)."""
    depth, key = trie_nodes(identifier)
    states = np.arange(len(depth))
    output = np.asarray(identifier.tk_output, dtype=np.int64)
    span = np.uint64(1) << (np.uint64(8) * (WINDOW - depth[1:]).astype(np.uint64))
    starts = np.unique(np.concatenate([np.zeros(1, dtype=np.uint64), key[1:], key[1:] + span]))
    starts = starts[starts < np.uint64(1 << 8 * WINDOW)]
    # The state at a window is its longest suffix that is a trie node: the deepest node whose interval holds it.
    state_at = np.zeros(len(starts), dtype=np.int64)
    for length in range(1, WINDOW + 1):
        at_length = depth == length
        order = np.argsort(key[at_length])
        keys, nodes = key[at_length][order], states[at_length][order]
        found = np.searchsorted(keys, starts, side="right") - 1
        unit = np.uint64(8 * (WINDOW - length))
        inside = (found >= 0) & ((keys[found] >> unit) == (starts >> unit))
        state_at[inside] = nodes[found[inside]]
    feature = output[state_at]
    keep = np.concatenate([[True], feature[1:] != feature[:-1]])  # neighbours with one feature make one interval
    starts, feature = starts[keep], feature[keep]
    # searchsorted(side="right") finds the interval after a window's: a slot before the first keeps the indices aligned.
    slot_keys = np.where(feature >= 0, feature << POSITION_BITS, NO_FEATURE)
    return starts << np.uint64(SHIFT), np.concatenate([[NO_FEATURE], slot_keys]).astype(np.int64)


# The arrays a WindowedIdentifier scores with, as the cache holds them (one .npy file each, memory-mapped when read).
CACHED_ARRAYS = ("nb_ptc", "nb_pc", "_window_starts", "_slot_keys")
# A kept model no process has mapped for this long was made for another py3langid or an older version of this module.
UNUSED_FOR_SECONDS = 30 * 24 * 3600


def cache_directory() -> Path:
    """Where the decoded model is kept between processes: ``$XDG_CACHE_HOME/anota``, else ``~/.cache/anota``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "anota"


def cache_key(model: Path = MODEL_DIR / MODEL_FILE) -> str:
    """What the cached arrays are made from: py3langid's version and model file (its size and time), and this module's
    code, which finds the windows: any change gives another key, so a stale cache is never read. Not where the model
    is installed: every venv of one py3langid wheel (each clone's, each worktree's) shares one kept copy of 30 MB,
    where each wrote its own before."""
    stat = model.stat()
    made_by = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return hashlib.sha256(f"{py3langid.__version__}\0{stat.st_size}\0{stat.st_mtime_ns}\0{made_by}".encode()
                          ).hexdigest()[:24]


def _mark_used(folder: Path) -> None:
    """Give a kept model the time it was last mapped (``remove_unused_models`` reads it). A cache that cannot be
    written is still read."""
    try:
        os.utime(folder)
    except OSError as exc:
        log.debug("cannot mark the language model in %s as used: %s", folder, exc)


def remove_unused_models(kept: Path, unused_for: float = UNUSED_FOR_SECONDS) -> list[Path]:
    """Remove the models beside ``kept`` that no process has mapped for ``unused_for`` seconds: each upgrade of
    py3langid or of this module keeps another 30 MB copy under a new key, and the old ones are read by nothing once
    every venv has moved on. Run when a model is kept, which is when a new key appears. Returns what was removed."""
    cutoff = time.time() - unused_for
    removed = []
    for other in kept.parent.glob("langid-*"):  # the kept models only: a scratch folder's name starts with a dot
        if other != kept and other.stat().st_mtime < cutoff:
            shutil.rmtree(other, ignore_errors=True)  # a process that mapped it keeps its pages until it unmaps them
            removed.append(other)
    return removed


class EncodedText:
    """A text encoded as py3langid reads it (``data``), with the features it visits found once
    (``WindowedIdentifier.encoded_all``): the full identifier and the one restricted to
    the listed languages, which share the automaton, both score it without finding them again.
    The identifier that encoded it has classified it too (``classification``, ``classified_by``).
    Slots, not a subclass of bytes: an instance of that keeps its attributes in a dict of its own, made for each
    text."""

    __slots__ = ("data", "features", "classification", "classified_by")

    def __init__(self, data: bytes, features: tuple[np.ndarray, np.ndarray]) -> None:
        self.data = data
        self.features = features
        self.classification: tuple[str, float] | None = None
        self.classified_by: WindowedIdentifier | None = None

    def __len__(self) -> int:
        return len(self.data)

    def __bytes__(self) -> bytes:
        return self.data


class WindowedIdentifier(LanguageIdentifier):
    """py3langid's ``LanguageIdentifier`` (``classify``, ``rank``,
    ``set_languages`` and the scores' normalisation are its own), finding
    features by window keys and widening the model's rows through a table."""

    __slots__ = ("_window_starts", "_slot_keys")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._window_starts, self._slot_keys = window_features(self)
        bits = self.nb_ptc.view(np.uint16)
        # From the least negative normal (sign 1, exponent 1) to below minus infinity's bits (exponent 31).
        if bits.min() < 0x8400 or bits.max() >= 0xFC00:
            raise ValueError("py3langid's model has a log-probability that is not a negative normal float16")

    @classmethod
    def load(cls, norm_probs: bool = True, cache: Path | None = None) -> WindowedIdentifier:
        """The model py3langid ships in its wheel (offline), read from the arrays its decoding gave, kept in ``cache``
        (default ``cache_directory()``): decoding it (LZMA, then the automaton's walk) takes 0.6-0.9 s of every
        process that identifies a language, mapping the kept arrays about a millisecond, and their pages are read
        only as features need them, and shared by every process. Without a usable cache it is decoded, and kept
        for the next process if the cache's folder can be written."""
        folder = (cache or cache_directory()) / f"langid-{cache_key()}"
        try:
            identifier = cls._mapped(folder, norm_probs)
        except (OSError, ValueError, KeyError) as exc:  # none yet (or unreadable, or cut short): decoded, and kept
            log.debug("language model cache %s unusable (%s): decoding the model", folder, exc)
        else:
            _mark_used(folder)
            return identifier
        identifier = cls.from_model_file(MODEL_FILE, norm_probs=norm_probs)
        try:
            identifier._keep(folder)
            remove_unused_models(folder)
        except OSError as exc:
            log.debug("cannot keep the decoded language model in %s: %s", folder, exc)
        return identifier

    @classmethod
    def _mapped(cls, folder: Path, norm_probs: bool) -> WindowedIdentifier:
        """An identifier over the arrays kept in ``folder`` (``_keep``), memory-mapped. Only the windows find features
        here (``features``), so py3langid's automaton is not kept: it has none (a text without features, which is all
        py3langid's own walk is asked, needs none)."""
        # Plain arrays over the mapped pages: a memmap's every operation passes through Python (its array_wrap).
        arrays = {name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in CACHED_ARRAYS}
        classes = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
        scores, windows = arrays["nb_ptc"], arrays["_window_starts"]
        if scores.ndim != 2 or scores.shape[1] != len(classes) or arrays["nb_pc"].shape != (len(classes),) \
                or len(windows) + 1 != len(arrays["_slot_keys"]):
            raise ValueError("the kept arrays do not fit together")
        identifier = cls.__new__(cls)
        LanguageIdentifier.__init__(identifier, arrays["nb_ptc"], arrays["nb_pc"], classes, array("H"), [],
                                    norm_probs=norm_probs, tk_row=array("H"))
        identifier._window_starts, identifier._slot_keys = arrays["_window_starts"], arrays["_slot_keys"]
        return identifier

    def _keep(self, folder: Path) -> None:
        """Write the arrays ``_mapped`` reads into ``folder``, whole or not at all: written in a folder beside it,
        renamed into place (a process that finds it there reads it complete). A process that mapped the folder it
        replaces keeps reading the old files, which go when it unmaps them."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder.parent, prefix=f".{folder.name}-") as scratch:
            written = Path(scratch) / "model"
            written.mkdir()
            for name in CACHED_ARRAYS:
                np.save(written / f"{name}.npy", np.ascontiguousarray(getattr(self, name)))
            (written / "classes.json").write_text(json.dumps(list(self.nb_classes)), encoding="utf-8")
            try:
                written.rename(folder)
            except OSError:  # a folder there already: one that could not be read (why this was decoded), or one
                folder.rename(Path(scratch) / "replaced")  # another process has just kept: replaced all the same
                written.rename(folder)

    def set_languages(self, langs: Any = None) -> None:
        """py3langid's, its model's columns of ``langs`` kept row by row: it
        takes them as a strided array, which ``take`` copied whole every call (0.6 ms)."""
        super().set_languages(langs)
        self.nb_ptc = np.ascontiguousarray(self.nb_ptc)

    def encoded_all(self, texts: Sequence[str]) -> list[EncodedText]:
        """Each of ``texts`` as ``classify`` reads it, its features found (``classify`` takes it as it is), the
        intervals of all their windows found in one search and their visits counted in one sort: the table of 1.4 MB
        it searches leaves the cache between the calls of a preload's loop (a call there cost three times one alone),
        and numpy's every call costs about a microsecond (a /predict of 100 new texts counted each one's alone:
        12.4 -> 5.6 us a text)."""
        data = [LanguageIdentifier._encode(text) for text in texts]
        # Each text after its own pad, as ``features`` reads one: no window reaches back into the text before.
        padding = START_PAD * (READ_BYTES - 1)
        intervals = self._intervals(padding + padding.join(data))
        starts = np.cumsum([0] + [len(each) + len(padding) for each in data[:-1]])  # of each text's windows
        features, counts, owners = self._visits(intervals, starts)
        bounds = owners.searchsorted(np.arange(len(data) + 1)).tolist()
        encoded = [EncodedText(each, (features[start:end], counts[start:end]))
                   for each, start, end in zip(data, bounds, bounds[1:])]
        self._classify_all(encoded, features, counts, bounds)
        return encoded

    def classify(self, text: Any) -> tuple[str, float]:
        """py3langid's, or what ``encoded_all`` found for ``text`` when this identifier encoded it."""
        if isinstance(text, EncodedText) and text.classified_by is self:
            return text.classification  # type: ignore[return-value]  (set with classified_by)
        return super().classify(text)

    def _classify_all(self, encoded: Sequence[EncodedText], features: np.ndarray, counts: np.ndarray,
                      bounds: Sequence[int]) -> None:
        """``classify`` of each text of ``encoded``, kept in it: py3langid's ``_decide`` for all of them in one array,
        each row to the last bit as its own (tests/test_langid_windows.py), but the matrix product, made text by text
        as there (BLAS's order of adding): a text's two dozen numpy calls (each about a microsecond) are now one."""
        if not encoded or not self._norm_probs:  # raw scores (Anota asks for none): ``classify`` scores each alone
            return
        scores = np.zeros((len(encoded), len(self.nb_classes)), dtype=np.float32)  # a text without features: 0.0
        featured = [index for index, (start, end) in enumerate(zip(bounds, bounds[1:])) if start < end]
        if featured:
            rows, weights = self.single_rows(features), np.log1p(counts.astype(np.float32))
            for index in featured:
                start, end = bounds[index], bounds[index + 1]
                np.matmul(weights[start:end], rows[start:end], out=scores[index])
            scores += self.nb_pc
            if len(featured) < len(encoded):
                scores[sorted(set(range(len(encoded))) - set(featured))] = 0.0
        # py3langid multiplies by a Python float: a float32 of it, under numpy's promotion rules
        scores *= np.array([1.0 / math.sqrt(len(text) or 1) for text in encoded], dtype=np.float32)[:, None]
        np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        for i, j in self._alias_pairs:  # py3langid's folding of aliased columns
            scores[:, i] += scores[:, j]
            scores[:, j] = 0.0
        likeliest = scores.argmax(axis=1)
        confidences = scores[np.arange(len(encoded)), likeliest].tolist()
        for text, index, confidence in zip(encoded, likeliest.tolist(), confidences):
            below = self.min_confidence is not None and confidence < self.min_confidence
            text.classification = ("und" if below else self.nb_classes[index], confidence)
            text.classified_by = self

    @staticmethod
    def _encode(text: Any) -> Any:
        return text if isinstance(text, EncodedText) else LanguageIdentifier._encode(text)

    def features(self, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The features ``text`` (encoded) visits, in the order of their first
        visit, and how many times: py3langid's ``visit_counts``."""
        features, counts, _owners = self._visits(self._intervals(START_PAD * (READ_BYTES - 1) + text), ONE_TEXT)
        return features, counts

    def _intervals(self, padded: bytes) -> np.ndarray:
        """The interval (``searchsorted`` in ``_window_starts``) of the window ending at each byte of ``padded`` after
        its first READ_BYTES - 1, which only the windows read."""
        # Each position's window, its bytes before the last six left in the low 16 bits, which
        # move no window across an interval's start (a multiple of 2 ** 16).
        windows = np.ndarray((len(padded) - READ_BYTES + 1,), dtype="<u8", buffer=padded, strides=(1,))
        return self._window_starts.searchsorted(windows, side="right")

    def _visits(self, intervals: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``features`` of texts from the intervals of their windows, in order, the texts' windows beginning at
        ``starts``: each text's features in the order of their first visit, their counts, and the index of the text
        of each (ascending)."""
        keys = self._slot_keys.take(intervals)
        keys += np.arange(len(intervals))
        keys.sort()  # by feature, each one's visits in order
        keys = keys[:keys.searchsorted(NO_FEATURE)]
        features = keys >> POSITION_BITS
        places = keys & ((1 << POSITION_BITS) - 1)
        owners = starts.searchsorted(places, side="right") - 1
        edges = np.ones(len(keys) + 1, dtype=bool)
        np.not_equal(features[1:], features[:-1], out=edges[1:-1])
        edges[1:-1] |= owners[1:] != owners[:-1]  # one feature's visits in two texts
        edges = edges.nonzero()[0]  # where each text's feature's visits begin, and the end
        first = edges[:-1]
        by_first_visit = places.take(first).argsort()  # each text's after the text before's
        return (features.take(first).take(by_first_visit), (edges[1:] - first).take(by_first_visit),
                owners.take(first).take(by_first_visit))

    def _raw_score(self, text: bytes) -> np.ndarray:
        features, counts = text.features if isinstance(text, EncodedText) else self.features(text)
        if not len(features):
            return super()._raw_score(b"")  # py3langid's score of a text without features
        return np.log1p(counts.astype(np.float32)) @ self.single_rows(features) + self.nb_pc

    def single_rows(self, features: np.ndarray) -> np.ndarray:
        """The model's float16 rows of ``features`` as float32: what numpy's
        conversion gives (bit for bit), at a tenth of its cost."""
        rows = np.left_shift(self.nb_ptc.view(np.uint16).take(features, axis=0), np.uint32(13), dtype=np.uint32)
        rows += NEGATIVE_HALF_TO_SINGLE
        return rows.view(np.float32)
