"""The words of a batch of texts, split and hashed by numpy for the whole batch."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from server.analysis import fold, normalise

# Everything below works on whole batches of segments at once: the segments'
# normalised texts are joined into one byte array and split into words by
# table lookups, so the cost per word is a few numpy element operations, not
# Python calls. A word is a run of letters and digits (ASCII, or any byte of a
# character outside U+0080-U+00BF and U+2000-U+2BFF, the blocks of symbols and
# punctuation such as nbsp, «, ©, ’, “, …, •). Latin-1 accented letters fold to
# their base letter, as :func:`fold` does, so "política" and "politica" are one
# word. A word is identified by a hash of its first and last WORD_BYTES bytes
# and its length (all of it, for words of up to twice WORD_BYTES bytes).
WORD_BYTES = 8
_LETTERS, _DIGITS, _HIGH = (np.uint8(ord("a")), 26), (np.uint8(ord("0")), 10), np.uint8(0x80)
_SYMBOL_LEADS = {0xC2: 1, 0xE2: 2}  # lead byte -> continuation bytes of symbol blocks
_LATIN1_LEAD = 0xC3
# The continuation byte of U+00C0-U+00FF (after 0xC3) -> its folded ASCII letter.
_ACCENT_BASE = np.arange(256, dtype=np.uint8)
for _code in range(0xC0, 0x100):
    if len(_base := fold(chr(_code))) == 1 and _base.isascii():
        _ACCENT_BASE[0x80 + _code - 0xC0] = ord(_base)
_PREFIX_MASKS = np.array([(1 << (8 * length)) - 1 for length in range(WORD_BYTES)] + [(1 << 64) - 1], dtype=np.uint64)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_NEWLINE = ord("\n")


@dataclass
class BatchWords:
    """The words of a batch of normalised texts (none contains a newline)."""

    hashes: np.ndarray  # uint32 hash of every word, in text order
    owners: np.ndarray  # index of the text each word belongs to
    counts: np.ndarray  # words per text

    @functools.cached_property
    def distinct(self) -> tuple[np.ndarray, np.ndarray]:
        """``(owners, hashes)`` of every text's distinct words, by text."""
        keys = np.unique((self.owners.astype(np.uint64) << np.uint64(32)) | self.hashes)
        return (keys >> np.uint64(32)).astype(np.int64), (keys & np.uint64(0xFFFFFFFF)).astype(np.uint32)

    def distinct_counts(self, members: np.ndarray | None = None) -> np.ndarray:
        """Distinct words per text, or distinct words of the sorted hash array ``members``."""
        owners, hashes = self.distinct
        if members is not None:
            owners = owners[isin_sorted(hashes, members)]
        return np.bincount(owners, minlength=len(self.counts))

    def first_words(self) -> np.ndarray:
        """The hash of each text's first word (0 for a text without words)."""
        first = np.zeros(len(self.counts), dtype=np.uint32)
        has_words = self.counts > 0
        first[has_words] = self.hashes[(np.cumsum(self.counts) - self.counts)[has_words]]
        return first


def batch_words(normalised_texts: Sequence[str]) -> BatchWords:
    """Split and hash the words of many normalised texts in one numpy pass."""
    data = _folded_bytes(normalised_texts)
    leads = np.flatnonzero(data[:-1] == _LATIN1_LEAD)
    data[leads + 1] = _ACCENT_BASE[data[leads + 1]]
    folded = leads[data[leads + 1] < 0x80]
    if len(folded):
        data = np.delete(data, folded)
    in_word = _word_bytes(data)
    for lead, continuation in _SYMBOL_LEADS.items():
        at = np.flatnonzero(data == lead)
        for offset in range(continuation + 1):
            in_word[np.minimum(at + offset, len(data) - 1)] = False
    # Words start and end by turns: the edges, in order, are a start, its end, the next start ...
    edges = np.flatnonzero(np.diff(in_word.view(np.int8), prepend=np.int8(0), append=np.int8(0)))
    starts, ends = edges[0::2], edges[1::2]
    padded = np.concatenate([data, np.zeros(WORD_BYTES, dtype=np.uint8)])
    # Eight bytes from every word's start and end in two gathers (an unaligned view).
    windows = np.ndarray(shape=(len(data),), dtype="<u8", buffer=padded, strides=(1,))
    lengths = ends - starts
    head_mask = _PREFIX_MASKS[np.minimum(lengths, WORD_BYTES)]
    heads = windows[starts] & head_mask
    tails = windows[np.maximum(ends - WORD_BYTES, starts)] & head_mask
    words = mix_hash(heads ^ (lengths.astype(np.uint64) << np.uint64(56))) ^ tails
    # A text's words are those that start before its newline and after the one before (no word holds a newline).
    counts = np.diff(np.searchsorted(starts, np.flatnonzero(data == _NEWLINE)), prepend=0)
    owners = np.repeat(np.arange(len(counts)), counts)
    return BatchWords((mix_hash(words) >> np.uint64(32)).astype(np.uint32), owners, counts)


def _word_bytes(data: np.ndarray) -> np.ndarray:
    """Which bytes may be in a word: ASCII letters and digits, and every byte over 0x7F. Three comparisons (an ASCII
    letter or digit is one of a run, counted from its first with wrapping uint8 arithmetic) cost a seventh of a
    256-entry table's lookup, whose uint8 indices numpy widens first (5.7 ms against 0.8 ms a batch)."""
    (letter, letters), (digit, digits) = _LETTERS, _DIGITS
    return ((data - letter) < letters) | ((data - digit) < digits) | (data >= _HIGH)


# UTF-8 lead bytes of the characters other than Latin-1's that fold to an ASCII letter or away: U+0100-U+036F (0xC4-0xCD:
# the Latin Extended letters, "ǎ", "ş", and the combining marks of a text in NFD form) and U+1E00-U+1EFF (0xE1 and
# 0xB8-0xBB: "ạ", "ế").
_EXTENDED_LEADS = (0xC4, 0xCD)
_ADDITIONAL_LEAD, _ADDITIONAL_SECONDS = 0xE1, (0xB8, 0xBB)


def _folded_bytes(normalised_texts: Sequence[str]) -> np.ndarray:
    """The texts' UTF-8 bytes, each ended by a newline; a text that holds a letter folding to ASCII outside Latin-1, or
    a combining mark, folded whole first (batch_words folds Latin-1's letters by a byte table), so that its words
    hash as the words fold gives the chrome check do: "inscrição" in NFD form is "inscricao", as in NFC form."""
    data = np.frombuffer(("\n".join(normalised_texts) + "\n").encode("utf-8"), dtype=np.uint8).copy()
    high = np.flatnonzero(data >= _EXTENDED_LEADS[0])  # a few bytes of most batches (symbols, other scripts)
    lead, second = data[high], data[np.minimum(high + 1, len(data) - 1)]
    additional = (lead == _ADDITIONAL_LEAD) & (second >= _ADDITIONAL_SECONDS[0]) & (second <= _ADDITIONAL_SECONDS[1])
    extended = high[(lead <= _EXTENDED_LEADS[1]) | additional]
    if not len(extended):
        return data
    # Each such text's bytes are replaced by its folded text's, the others' copied as they are (not encoded again).
    text_ends = np.flatnonzero(data == _NEWLINE)
    pieces, copied = [], 0
    for index in np.unique(np.searchsorted(text_ends, extended)).tolist():
        start = int(text_ends[index - 1]) + 1 if index else 0
        pieces += [data[copied:start], np.frombuffer(fold(normalised_texts[index]).encode("utf-8"), dtype=np.uint8)]
        copied = int(text_ends[index])
    return np.concatenate([*pieces, data[copied:]])


def mix_hash(values: np.ndarray) -> np.ndarray:
    # splitmix64's finaliser: every input bit reaches every output bit.
    values = (values ^ (values >> np.uint64(30))) * _MIX1
    values = (values ^ (values >> np.uint64(27))) * _MIX2
    return values ^ (values >> np.uint64(31))


def word_hash_set(words: Iterable[str]) -> np.ndarray:
    """Sorted distinct hashes of ``words``, as :func:`batch_words` hashes them."""
    return np.unique(batch_words([normalise(word) for word in words]).hashes)


# The low bits of a hash that index the table of the members (LOW_BITS: 65,536 slots).
LOW_BITS = 16
_LOW_MASK = (1 << LOW_BITS) - 1


def isin_sorted(values: np.ndarray, members: np.ndarray) -> np.ndarray:
    """Which of the hashes ``values`` are among the sorted hashes ``members``. A table holds each member in the slot
    of its low bits (members are a few thousand words, values a batch's), so one gather and one comparison answer a
    value; only the values whose slot two members share are searched. A binary search costs about fifty instructions
    a value, and a look for the slot alone let a fifth of a batch's words through to it: the cue phrases' words and
    the stopwords are frequent ones."""
    if not len(members):
        return np.zeros(len(values), dtype=bool)
    table, shared = _member_table(members.tobytes(), members.dtype.str)
    slots = values & _LOW_MASK
    found = np.take(table, slots) == values  # take: a plain gather, where [] iterates
    if shared is not None:
        maybe = np.flatnonzero(np.take(shared, slots))
        candidates = values[maybe]
        found[maybe] = members[np.minimum(np.searchsorted(members, candidates), len(members) - 1)] == candidates
    return found


@functools.lru_cache(maxsize=32)
def _member_table(members: bytes, dtype: str) -> tuple[np.ndarray, np.ndarray | None]:
    """isin_sorted's table of the hashes ``members`` by their low bits, and which slots two members share (None: none
    does). Cached by the members' bytes: they are a few sets (the cue screen's words, each language's stopwords) asked
    of every batch, and building a table costs more than a batch's look-up in it."""
    hashes = np.frombuffer(members, dtype=dtype)
    slots = hashes & _LOW_MASK
    # An empty slot holds a hash of other low bits (0, or 1 in slot 0), which no value looked up in it equals.
    table = np.zeros(1 << LOW_BITS, dtype=hashes.dtype)
    table[0] = 1
    table[slots] = hashes
    ordered = np.sort(slots)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(twice):
        return table, None
    shared = np.zeros(1 << LOW_BITS, dtype=bool)
    shared[twice] = True
    return table, shared
