"""Placing a span region on its task's text: offsets that do not fit are
repaired only when the region's own text pins the place down unambiguously
(UTF-16 offsets, offsets counted with ``\\r\\n`` as one character, with each line break as two or on the
text's other Unicode form, or the only occurrence); otherwise the span cannot
be placed, and the caller reports why. A quote in another Unicode form than the
text (an accent composed in one, decomposed in the other) is the same text
(canonically equivalent: every reader shows it alike), so it pins a place as
an equal quote does; the span keeps the text's own code points. A span holds
whole user-perceived characters (Unicode's extended grapheme clusters, as
Label Studio's editor selects them): one that ends inside a character of
several code points (a letter and its marks, an emoji's zero-width-joiner
sequence or skin-tone modifier, a flag's regional indicators, a Hangul
syllable in jamo, a conjunct) is widened to its end; one that starts inside
one is left out.
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
# An empty span lies inside the text, so "do not fit" sent builders looking past its end: a region of no
# character (a click without a drag, a script's zero-length match) is a fault of its own.
EMPTY_SPAN = "empty spans (start equals end: they hold no character)"
QUOTE_DIFFERS = "spans whose text differs from the text at their offsets"
STARTS_ON_A_MARK = "spans that start on a combining mark (cut off the letter before it)"
STARTS_INSIDE = ("spans that start inside a character of several code points (an emoji sequence, a flag, a "
                 "syllable: cut off its first part)")
# How a span that did not fit its text as given was repaired (place_span), as the report counts the spans
# repaired: a builder who sees 40 spans moved to the only place their text occurs checks them otherwise than
# 40 spans whose offsets counted emoji as two.
MOVED_UTF16 = "moved, offsets counted in UTF-16 units (a character beyond U+FFFF, an emoji, counted as two)"
MOVED_CRLF = r"moved, offsets counted with \r\n as one character"
MOVED_LF_AS_CRLF = r"moved, offsets counted with each line break as two characters (\r\n), on a text written with \n"
# Offsets an emoji before them and a line break before them would shift alike (a \r\n folded into \n after
# the annotation, beside an emoji): each reading that puts them on their quote is named, none guessed.
MOVED_SEVERAL_WAYS = ("moved, offsets that several counts put on their quote alike (UTF-16 units, line breaks "
                      "counted otherwise: the detail names them)")
MOVED_FORM = "moved, offsets counted on the text in its other Unicode form (NFC, NFD)"
MOVED_ONLY_OCCURRENCE = "moved to the only place their text occurs"
KEPT_OTHER_FORM = "kept at their offsets, quoted in another Unicode form (NFC, NFD: printed alike)"
WIDENED = "widened to the end of their last character (combining marks, an emoji sequence, a flag, a syllable)"
# No character below U+0300 joins the one before it (a combining mark, a zero-width joiner, a skin-tone
# modifier, a regional indicator, a jamo): most span edges are told apart by one comparison.
FIRST_MARK = "\u0300"


def offsets_fit(text: str, start: Any, end: Any) -> bool:
    """Whether ``start`` and ``end`` are offsets of a non-empty slice of ``text``."""
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def why_offsets_misfit(start: int, end: int, length: int) -> str:
    """Why integer offsets that :func:`offsets_fit` refuses do, worded for a
    builder: "do not fit a text of 35 characters" said of ``[15, 15)`` sent
    them looking for an offset past the text."""
    if _is_empty_span(start, end, length):
        return "hold no character (start equals end: an empty span)"
    if start > end:
        return "are reversed (the start after the end)"
    where = "start before the text" if start < 0 else f"end past a text of {length} characters"
    return f"do not fit the text: they {where}"


def _is_empty_span(start: Any, end: Any, length: int) -> bool:
    """Whether integer offsets mark a place in a text of ``length`` characters but no character of it."""
    return isinstance(start, int) and start == end and 0 <= start <= length


ENCODED_TEXT = ("spans on a text that looks base64-encoded (a <Text encoding=\"base64\"> project's?), which only the "
                "labeling config decodes: --label-config FILE exports them")


def unplaced_kind(text: str, region: SpanRegion, config_known: bool = True) -> str:
    """The report's kind for a span :func:`place_span` could not place.
    Without the labeling config, a span whose quote is at its offsets in the
    text base64-decoded is named so: its project's config says the text is
    encoded, and the export needs it."""
    if not config_known and _on_decoded(text, region):
        return ENCODED_TEXT
    start, end = region.value.start, region.value.end
    if not offsets_fit(text, start, end):
        return EMPTY_SPAN if _is_empty_span(start, end, len(text)) else NOT_FIT
    if not inside_a_character(text, start):
        return QUOTE_DIFFERS
    return STARTS_ON_A_MARK if _is_mark(text[start]) else STARTS_INSIDE


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


def place_span(text: str, region: SpanRegion) -> tuple[tuple[int, int] | None, str | None, str | None]:
    """Where ``region`` lies in ``text``: ``((start, end), repair, how)`` with
    ``repair`` saying what was fixed and ``how`` its kind (MOVED_UTF16...;
    both None when nothing was), or ``(None, problem, None)`` when the span
    cannot be placed unambiguously. A span holds whole characters: one that
    ends inside a character of several code points (``Jose`` of a decomposed
    ``José``, the man of a family emoji) takes in the rest of it, as its
    first part is in it; one that starts inside one cannot be placed (which
    character was meant is not said)."""
    bounds, message, how = _placed(text, region)
    if bounds is None or not cuts_a_character(text, *bounds):
        return bounds, message, how
    start, end = bounds
    said = f"{message}; " if message else ""
    if inside_a_character(text, start):
        if _is_mark(text[start]):
            return None, said + (f"[{start}, {end}) starts on the combining mark {ascii(text[start])}, which "
                                 "belongs to the letter before it"), None
        first, last = character_around(text, start)
        return None, said + (f"[{start}, {end}) starts inside the character {ascii(text[first:last])} at "
                             f"[{first}, {last}) (one character of several code points: an emoji sequence, a flag, a "
                             "syllable), on its part " + ascii(text[start])), None
    first, widened = character_around(text, end)
    rest = text[end:widened]
    if all(map(_is_mark, rest)):
        over = f"over the combining marks of its last letter ({ascii(rest)})"
    else:
        over = (f"over the rest of its last character {ascii(text[first:widened])} "
                f"({ascii(rest)}: one character of several code points, an emoji sequence, a flag or a syllable)")
    return (start, widened), said + f"[{start}, {end}) {text[start:end]!r} widened to [{start}, {widened}) {over}", (
        WIDENED if how is None else f"{how}, and {WIDENED}")


# A str of one-byte characters (PEP 393) takes this many bytes more than its length.
_ONE_BYTE_SIZE = "\xe9".__sizeof__() - 1


def one_byte(text: str) -> bool:
    """Whether every character of ``text`` is Latin-1 (one byte in memory: its size tells, without a scan),
    so that it holds no character of several code points. ``__sizeof__`` called as a method: ``sys.getsizeof``
    parses its arguments the old way (a tuple and keywords)."""
    return text.__sizeof__() - len(text) <= _ONE_BYTE_SIZE


def cuts_a_character(text: str, start: int, end: int) -> bool:
    """Whether the span ``[start, end)`` of ``text`` starts or ends inside a
    character of several code points (cuts a letter off its marks, an emoji
    sequence apart). Inline, the comparison that clears most edges."""
    return (text[start] >= FIRST_MARK and inside_a_character(text, start)) or (
        end < len(text) and text[end] >= FIRST_MARK and inside_a_character(text, end))


def inside_a_character(text: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a user-perceived character (an
    extended grapheme cluster) of ``text``. A character below U+0300 never
    joins the one before it (Unicode's rules for a prefix, GB9b, and for
    ``\\r\\n`` apart: neither makes a span edge); nor does one that is no
    mark, joiner, modifier, regional indicator or jamo after a character
    that joins nothing after it (:func:`_may_join`), before the clusters
    around the offset are found."""
    if not 0 < offset < len(text) or text[offset] < FIRST_MARK or not _may_join(text[offset], text[offset - 1]):
        return False
    return character_around(text, offset)[1] > offset


def _may_join(character: str, before: str) -> bool:
    """Whether ``character`` may continue the character ``before`` it, by
    Unicode's grapheme cluster rules (UAX #29): it never starts one (a mark,
    GB9-9a; a joiner or a tag, of category Cf; a skin-tone modifier, a jamo
    vowel or final, a regional indicator, Thai and Lao AM), or ``before`` joins
    what follows (a mark: a virama's conjunct, GB9c; a joiner before an emoji,
    GB11; a jamo initial, GB6; a prefix, GB9b, most of category Cf). Category C
    also takes in what Python's Unicode 14 does not know (marks of later
    versions: unassigned, Cn). A superset, told without the regex module (two
    of its class matches cost twice as much): ``character_around`` decides."""
    return (unicodedata.category(character)[0] in "MC" or "\u1160" <= character <= "\u11ff"
            or "\ud7b0" <= character <= "\ud7ff" or "\U0001f1e6" <= character <= "\U0001f1ff"
            or "\U0001f3fb" <= character <= "\U0001f3ff" or character in _SPACING_LETTERS
            or (before >= FIRST_MARK and (unicodedata.category(before)[0] in "MC" or "\u1100" <= before <= "\u115f"
                                          or "\ua960" <= before <= "\ua97f" or before in _PREFIX_LETTERS)))


# Letters that continue the character before them (Thai and Lao AM, half-width kana voiced marks), and the
# prefixes that are letters (the others are format characters, Cf): Unicode 16's Grapheme_Cluster_Break.
_SPACING_LETTERS = "\u0e33\u0eb3\uff9e\uff9f"
_PREFIX_LETTERS = ("\u0d4e\U000111c2\U000111c3\U0001193f\U00011941\U00011a3a\U00011a84\U00011a85\U00011a86"
                   "\U00011a87\U00011a88\U00011a89\U00011d46\U00011f02")


def character_around(text: str, offset: int) -> tuple[int, int]:
    """Where the character (extended grapheme cluster) that holds the code
    point before ``offset`` starts and ends. Clusters are found from the
    nearest character below U+0300 before it (which always starts one), at
    most ``_LOOK_BACK`` code points back: beyond, a run of regional
    indicators could pair otherwise (more than 30 flags in a row)."""
    begin = offset - 1
    floor = max(0, offset - _LOOK_BACK)
    while begin > floor and text[begin] >= FIRST_MARK:
        begin -= 1
    for match in _grapheme_cluster().finditer(text, begin):
        if match.end() >= offset:
            return match.start(), match.end()
    return offset, offset  # not reached: the clusters from begin cover offset - 1


def _is_mark(character: str) -> bool:
    return character >= FIRST_MARK and unicodedata.category(character).startswith("M")


_LOOK_BACK = 64


@functools.cache
def _grapheme_cluster() -> Any:
    """A whole character (Unicode's extended grapheme cluster, UAX #29, as the regex module implements it).
    Made at the first span edge that may be inside one (importing regex costs 8 ms)."""
    import regex

    return regex.compile(r"\X")


def _placed(text: str, region: SpanRegion) -> tuple[tuple[int, int] | None, str | None, str | None]:
    # An empty quote pins nothing down, as a missing one does not.
    start, end, quoted = region.value.start, region.value.end, region.value.text or None
    fits = offsets_fit(text, start, end)
    if fits and (quoted is None or (sliced := text[start:end]) == quoted):
        return (start, end), None, None
    if fits:
        problem = _quote_mismatch(start, end, sliced, quoted)
        if _canonically_equal(sliced, quoted):
            return (start, end), f"{problem}: kept at its offsets", KEPT_OTHER_FORM
        if _same_text(sliced, quoted):
            # Whitespace apart, the text is the quote's: the offsets hold,
            # unless counted another way they give the quote exactly (UTF-16
            # offsets after an emoji, shifted onto a space: 'Lula😀 ' for 'Lula😀').
            remapped = _remapped(text, start, end, quoted)
            if len(remapped) != 1:  # none, or two readings: the offsets as given
                return (start, end), None, None
            (new_start, new_end), (said, how) = next(iter(remapped.items()))
            return (new_start, new_end), f"{problem}: moved to [{new_start}, {new_end}) ({said})", how
    elif start is None or end is None:
        problem = "the region has no start or end offset"
    else:
        problem = f"offsets [{start}, {end}) {why_offsets_misfit(start, end, len(text))}"
    if not quoted or not quoted.strip():
        return None, problem, None
    candidates = _candidates(text, start, end, quoted)
    if len(candidates) == 1:
        (new_start, new_end), (said, how) = next(iter(candidates.items()))
        return (new_start, new_end), f"{problem}: moved to [{new_start}, {new_end}) ({said})", how
    if candidates:
        return None, f"{problem}; it could be at any of {sorted(candidates)}", None
    occurrences = text.count(quoted)
    return None, (f"{problem}; {quoted!r} occurs {occurrences} times in the text" if occurrences else
                  f"{problem}; {quoted!r} does not occur in the text"), None


def _quote_mismatch(start: int, end: int, sliced: str, quoted: str) -> str:
    """What differs between the text at a span's offsets and its quote. Two
    Unicode forms of one text (an accent composed in one, decomposed in the
    other) print alike: said so, and shown escaped (exportprobe35's blind run:
    "text at [2, 7) is 'José', the region says 'José'")."""
    if _canonically_equal(sliced, quoted):
        return (f"text at [{start}, {end}) is {ascii(sliced)}, the region says {ascii(quoted)}: the same text in "
                "two Unicode forms (an accent composed in one, decomposed in the other), which print alike")
    return f"text at [{start}, {end}) is {sliced!r}, the region says {quoted!r}"


def _same_text(sliced: str, quoted: str) -> bool:
    # Label Studio's ``value.text`` may collapse repeated whitespace.
    return sliced == quoted or sliced.split() == quoted.split()


def _canonically_equal(first: str, second: str) -> bool:
    """Whether two texts are one in Unicode's eyes (their NFC forms are equal)."""
    return unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", second)


def _candidates(text: str, start: Any, end: Any, quoted: str) -> dict[tuple[int, int], tuple[str, str]]:
    """Places for ``quoted`` that the offsets or the text determine exactly,
    each with how it was found: (said in the report's detail, its kind)."""
    found = _remapped(text, start, end, quoted) if isinstance(start, int) and isinstance(end, int) else {}
    if not found and text.count(quoted) == 1:
        position = text.index(quoted)
        found[(position, position + len(quoted))] = ("the only occurrence of its text", MOVED_ONLY_OCCURRENCE)
    return found


def _remapped(text: str, start: int, end: int, quoted: str) -> dict[tuple[int, int], tuple[str, str]]:
    """Where the offsets lie if counted in UTF-16 units or with ``\r\n`` as
    one character, when the text there is exactly the quote; or counted on the
    text's NFC or NFD form (a script normalized the text, or the quote and its
    offsets, after the annotation), when the text there is the quote in
    another Unicode form."""
    readings: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for said, how, mapping in (
            ("UTF-16 offsets", MOVED_UTF16, utf16_to_code_points),
            (r"offsets counted with \r\n as one character", MOVED_CRLF, crlf_to_code_points),
            (r"offsets counted with each line break as \r\n", MOVED_LF_AS_CRLF, lf_as_crlf_to_code_points)):
        mapped = mapping(text, (start, end))
        if mapped is not None and mapped != (start, end) and _quotes(text[mapped[0]:mapped[1]], quoted):
            readings.setdefault(mapped, []).append((said, how))
    # A Unicode form's reading only where no count of code units gives the place: a Portuguese text's accents
    # before a span shift its NFD offsets as an emoji shifts UTF-16 ones, and offsets a tool counted in UTF-16
    # units or with other line breaks are far more common than a text normalized after its annotation.
    for form in ("NFC", "NFD"):
        mapped = form_to_code_points(text, (start, end), form)
        if mapped is not None and mapped != (start, end) and mapped not in readings and _canonically_equal(
                text[mapped[0]:mapped[1]], quoted):
            readings.setdefault(mapped, []).append((
                f"offsets counted on the text in Unicode form {form}, its quote the same text", MOVED_FORM))
    # Two counts that give the same place are both named: which one the offsets were made by, nothing tells.
    return {place: found[0] if len(found) == 1 else (" or ".join(said for said, _how in found) + ": each gives this "
                                                      "place", MOVED_SEVERAL_WAYS)
            for place, found in readings.items()}


def _quotes(sliced: str, quoted: str) -> bool:
    """Whether ``quoted`` is ``sliced``, its line breaks perhaps written ``\n``
    (a tool that counts ``\r\n`` as one character reads it as one)."""
    return sliced == quoted or ("\r\n" in sliced and sliced.replace("\r\n", "\n") == quoted)


def form_to_code_points(text: str, offsets: tuple[int, int], form: str) -> tuple[int, int] | None:
    """``offsets`` counted on ``text`` normalized to ``form`` (NFC, NFD), as
    code points of ``text``; None when the text is in that form already
    (nothing to map) or an offset falls inside what normalizing merged or
    split (a letter and its mark). Each offset is looked for in its line
    (:func:`_form_lines`)."""
    lines = _form_lines(text, form)
    if lines is None:
        return None
    starts, form_starts, form_length = lines
    mapped = []
    for offset in offsets:
        if not 0 <= offset <= form_length:
            return None
        number = bisect.bisect_right(form_starts, offset) - 1
        line_end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        in_line = _prefix_of_form(text[starts[number]:line_end], offset - form_starts[number], form)
        if in_line is None:
            return None
        mapped.append(starts[number] + in_line)
    return mapped[0], mapped[1]


@functools.lru_cache(maxsize=2)
def _form_lines(text: str, form: str) -> tuple[list[int], list[int], int] | None:
    """Where each line of ``text`` starts, in ``text`` and in its normal form
    ``form``, and that form's length; None when ``text`` is in that form. A
    line feed composes with nothing and has no combining class: normalizing
    never joins nor reorders across it, so a line's normal form is the same
    in the whole text's. Kept for the last two texts: a task's regions ask
    about its text one after another (999 misplaced spans of a 20,000-line
    text took 48 s when each normalized the whole text some 20 times)."""
    if text.isascii() or unicodedata.is_normalized(form, text):
        return None
    starts, form_starts, at, form_at = [], [], 0, 0
    for line in text.split("\n"):
        starts.append(at)
        form_starts.append(form_at)
        at += len(line) + 1
        form_at += len(unicodedata.normalize(form, line)) + 1
    return starts, form_starts, form_at - 1


def _prefix_of_form(line: str, offset: int, form: str) -> int | None:
    """The shortest prefix of ``line`` whose normal form is the line's normal
    form up to ``offset``; None when there is none (the offset falls inside
    what normalizing merged or split). The length of a prefix's normal form
    grows with the prefix: a binary search, checked."""
    whole = unicodedata.normalize(form, line)
    if offset > len(whole):
        return None
    low, high = 0, len(line)
    while low < high:
        middle = (low + high) // 2
        if len(unicodedata.normalize(form, line[:middle])) < offset:
            low = middle + 1
        else:
            high = middle
    # The shortest such prefix may stop inside a character that normalizing joins (a letter before its
    # mark, a Hangul syllable's first jamo: found blind): take in what keeps the normal form's length.
    while (low < len(line) and unicodedata.normalize(form, line[:low]) != whole[:offset]
           and len(unicodedata.normalize(form, line[:low + 1])) == offset):
        low += 1
    return low if unicodedata.normalize(form, line[:low]) == whole[:offset] else None


def utf16_to_code_points(text: str, offsets: tuple[int, int]) -> tuple[int, int] | None:
    """``offsets`` counted in UTF-16 units (an emoji counts 2) as code
    points; None when the text has no character beyond the BMP (nothing to
    map) or an offset falls outside it or inside a surrogate pair."""
    if text.isascii():
        return None
    pairs = _surrogate_pairs(text)
    return _counted_twice(offsets, pairs, len(text)) if pairs else None


def lf_as_crlf_to_code_points(text: str, offsets: tuple[int, int]) -> tuple[int, int] | None:
    """``offsets`` counted with each line break written ``\r\n`` (two characters) as code points of ``text``,
    whose breaks are ``\n`` (a tool folded them after the annotation); None when the text has no lone ``\n``
    or an offset falls outside it or between a break's two characters."""
    if "\n" not in text:
        return None
    breaks = _lone_line_breaks(text)
    return _counted_twice(offsets, breaks, len(text)) if breaks else None


def _counted_twice(offsets: tuple[int, int], starts: list[int], length: int) -> tuple[int, int] | None:
    """``offsets`` counted with each character at ``starts`` (in that count) as two, as code points of a text of
    ``length``; None when one falls outside it or inside such a character."""
    mapped = []
    for offset in offsets:
        before = bisect.bisect_left(starts, offset)  # doubled characters that start before the offset
        if not 0 <= offset <= length + len(starts) or (before and starts[before - 1] + 1 == offset):
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
def _lone_line_breaks(text: str) -> list[int]:
    """Where each ``\n`` not after a ``\r`` starts, counting every earlier one as two characters."""
    return [match.start() + number for number, match in enumerate(_LONE_LINE_BREAK.finditer(text))]


_LONE_LINE_BREAK = re.compile("(?<!\r)\n")


@functools.lru_cache(maxsize=1)
def _folded_line_breaks(text: str) -> list[int]:
    """Where each ``\\r\\n`` is, counting every earlier one as one character."""
    return [match.start() - number for number, match in enumerate(re.finditer("\r\n", text))]


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
