"""Placing a span region on its task's text: offsets that do not fit are
repaired only when the region's own text pins the place down unambiguously
(UTF-16 offsets, offsets counted with ``\\r\\n`` as one character, or the only
occurrence); otherwise the span cannot be placed, and the caller reports why.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Any

from schemas.label_studio_export import SpanRegion

# Why a span that cannot be placed is left out, as the report counts them: a
# builder fixes offsets beyond the text and a quote that disagrees differently.
NOT_FIT = "spans that do not fit the text"
QUOTE_DIFFERS = "spans whose text differs from the text at their offsets"


def offsets_fit(text: str, start: Any, end: Any) -> bool:
    """Whether ``start`` and ``end`` are offsets of a non-empty slice of ``text``."""
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


ENCODED_TEXT = ("spans on a text that looks base64-encoded (a <Text encoding=\"base64\"> project's?), which only the "
                "labeling config decodes: --label-config FILE exports them")


def unplaced_kind(text: str, region: SpanRegion, config_known: bool = True) -> str:
    """The report's kind for a span :func:`place_span` could not place.
    Without the labeling config, a span whose quote is at its offsets in the
    text base64-decoded is named so: its project's config says the text is
    encoded, and the export needs it."""
    if not config_known and _on_decoded(text, region):
        return ENCODED_TEXT
    return QUOTE_DIFFERS if offsets_fit(text, region.value.start, region.value.end) else NOT_FIT


def _on_decoded(text: str, region: SpanRegion) -> bool:
    value = region.value
    decoded = _base64_decoded(text)
    return decoded is not None and bool(value.text) and offsets_fit(decoded, value.start, value.end) and (
        decoded[value.start:value.end] == value.text)


@functools.lru_cache(maxsize=1)
def _base64_decoded(text: str) -> str | None:
    """``text`` decoded as the editor decodes ``encoding="base64unicode"``
    (UTF-8), else ``"base64"`` (a character a byte); None when it is no base64."""
    if len(text) < 8 or not _BASE64_TEXT.fullmatch(text):  # cheap: most texts hold a space or punctuation
        return None
    from server.labeling import forgiving_base64  # only for a span that does not fit

    raw = forgiving_base64(text)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_BASE64_TEXT = re.compile(r"[A-Za-z0-9+/\s]+={0,2}\s*")


def place_span(text: str, region: SpanRegion) -> tuple[tuple[int, int] | None, str | None]:
    """Where ``region`` lies in ``text``: ``((start, end), repair)`` with
    ``repair`` saying what was fixed (None when nothing was), or
    ``(None, problem)`` when the span cannot be placed unambiguously."""
    # An empty quote pins nothing down, as a missing one does not.
    start, end, quoted = region.value.start, region.value.end, region.value.text or None
    fits = offsets_fit(text, start, end)
    if fits and (quoted is None or (sliced := text[start:end]) == quoted):
        return (start, end), None
    if fits:
        problem = _quote_mismatch(start, end, sliced, quoted)
        if _same_text(sliced, quoted):
            # Whitespace apart, the text is the quote's: the offsets hold,
            # unless counted another way they give the quote exactly (UTF-16
            # offsets after an emoji, shifted onto a space: 'Lula😀 ' for 'Lula😀').
            remapped = _remapped(text, start, end, quoted)
            if len(remapped) != 1:  # none, or two readings: the offsets as given
                return (start, end), None
            (new_start, new_end), how = next(iter(remapped.items()))
            return (new_start, new_end), f"{problem}: moved to [{new_start}, {new_end}) ({how})"
    elif start is None or end is None:
        problem = "the region has no start or end offset"
    else:
        problem = f"offsets [{start}, {end}) do not fit a text of {len(text)} characters"
    if not quoted or not quoted.strip():
        return None, problem
    candidates = _candidates(text, start, end, quoted)
    if len(candidates) == 1:
        (new_start, new_end), how = next(iter(candidates.items()))
        return (new_start, new_end), f"{problem}: moved to [{new_start}, {new_end}) ({how})"
    if candidates:
        return None, f"{problem}; it could be at any of {sorted(candidates)}"
    occurrences = text.count(quoted)
    return None, f"{problem}; {quoted!r} occurs {occurrences} times in the text" if occurrences else \
        f"{problem}; {quoted!r} does not occur in the text"


def _quote_mismatch(start: int, end: int, sliced: str, quoted: str) -> str:
    """What differs between the text at a span's offsets and its quote. Two
    Unicode forms of one text (an accent composed in one, decomposed in the
    other) print alike: said so, and shown escaped (exportprobe35's blind run:
    "text at [2, 7) is 'José', the region says 'José'")."""
    if unicodedata.normalize("NFC", sliced) == unicodedata.normalize("NFC", quoted):
        return (f"text at [{start}, {end}) is {ascii(sliced)}, the region says {ascii(quoted)}: the same text in "
                "two Unicode forms (an accent composed in one, decomposed in the other), which print alike")
    return f"text at [{start}, {end}) is {sliced!r}, the region says {quoted!r}"


def _same_text(sliced: str, quoted: str) -> bool:
    # Label Studio's ``value.text`` may collapse repeated whitespace.
    return sliced == quoted or sliced.split() == quoted.split()


def _candidates(text: str, start: Any, end: Any, quoted: str) -> dict[tuple[int, int], str]:
    """Places for ``quoted`` that the offsets or the text determine exactly."""
    found = _remapped(text, start, end, quoted) if isinstance(start, int) and isinstance(end, int) else {}
    if not found and text.count(quoted) == 1:
        position = text.index(quoted)
        found[(position, position + len(quoted))] = "the only occurrence of its text"
    return found


def _remapped(text: str, start: int, end: int, quoted: str) -> dict[tuple[int, int], str]:
    """Where the offsets lie if counted in UTF-16 units or with ``\r\n`` as
    one character, when the text there is exactly the quote."""
    found: dict[tuple[int, int], str] = {}
    for how, mapping in (("UTF-16 offsets", utf16_to_code_points),
                         (r"offsets counted with \r\n as one character", crlf_to_code_points)):
        mapped = mapping(text, (start, end))
        if mapped is not None and text[mapped[0]:mapped[1]] == quoted and mapped != (start, end):
            found.setdefault(mapped, how)
    return found


def utf16_to_code_points(text: str, offsets: tuple[int, int]) -> tuple[int, int] | None:
    """``offsets`` counted in UTF-16 units (an emoji counts 2) as code
    points; None when the text has no character beyond the BMP (nothing to
    map) or an offset falls outside it or inside a surrogate pair."""
    if text.isascii():
        return None
    pairs = _surrogate_pairs(text)
    if not pairs:
        return None
    mapped = []
    for offset in offsets:
        before = bisect.bisect_left(pairs, offset)  # pairs that start before the offset
        if not 0 <= offset <= len(text) + len(pairs) or (before and pairs[before - 1] + 1 == offset):
            return None
        mapped.append(offset - before)
    return mapped[0], mapped[1]


def crlf_to_code_points(text: str, offsets: tuple[int, int]) -> tuple[int, int] | None:
    """``offsets`` counted with each ``\\r\\n`` as one character, as code
    points; None when the text has no ``\\r\\n`` or an offset falls outside it.
    An offset at a line break lands before its ``\\r``."""
    if "\r\n" not in text:
        return None
    breaks = _folded_line_breaks(text)
    mapped = []
    for offset in offsets:
        if not 0 <= offset <= len(text) - len(breaks):
            return None
        mapped.append(offset + bisect.bisect_left(breaks, offset))
    return mapped[0], mapped[1]


# The spans of one task are placed on one text: index it once, not once per
# offset (a loop over a long text per offset took minutes). One text is kept.
@functools.lru_cache(maxsize=1)
def _surrogate_pairs(text: str) -> list[int]:
    """Where each character beyond the BMP starts, in UTF-16 units."""
    return [match.start() + number for number, match in enumerate(_ASTRAL.finditer(text))]


@functools.lru_cache(maxsize=1)
def _folded_line_breaks(text: str) -> list[int]:
    """Where each ``\\r\\n`` is, counting every earlier one as one character."""
    return [match.start() - number for number, match in enumerate(re.finditer("\r\n", text))]


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
