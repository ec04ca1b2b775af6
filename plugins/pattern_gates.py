"""Token patterns that run only on texts that can hold a match.

spaCy's ``Matcher`` tries every token pattern at every token, and a ``REGEX``
or ``IN`` predicate is a Python call per token: the shipped versioned-name and
institution patterns cost the entities plugin about 6.7 us a word, half of its
rule work, on news text where most documents mention no AI model and no
"Secretaria de ...". A pattern's first required token must match somewhere, so
whether one of the document's distinct tokens is among the texts it lists, or is
found by its regular expression, decides whether the pattern needs the matcher at
all; each distinct text is checked once, when first seen. Patterns whose first required
token cannot be turned into such a check (``LOWER``, ``POS``, a lemma...)
always run. The gate is a necessary condition only: a match is never lost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, filterfalse, repeat
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.pipeline import EntityRuler
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

Match = tuple[int, int, int]
# Operators under which a token spec need not match any token's text: the token
# may be absent (also "{0,n}", "{,n}") or must not match ("!").
OPTIONAL_OPS = ("?", "*", "!")
# Anchors that mean the start or end of the whole string, which the token
# lines of a document do not keep: such a regex is not gated.
STRING_ANCHORS = re.compile(r"\\[AZ]")


def first_required_token(pattern: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The first token spec a match must contain, or None if every one is optional."""
    for spec in pattern:
        op = spec.get("OP")
        # "!" consumes a token but says only what its text is not.
        if op in OPTIONAL_OPS or (isinstance(op, str) and op.startswith(("{0", "{,"))):
            continue
        return spec
    return None


def most_tokens(spec: Mapping[str, Any]) -> int | None:
    """The most tokens a token ``spec`` can match in a row, by its ``OP``; None when unbounded ("*", "+", "{n,}") or
    not one of spaCy's quantifiers."""
    op = spec.get("OP")
    if op is None or op in ("!", "?", "1"):
        return 1
    counts = QUANTIFIER.fullmatch(op) if isinstance(op, str) else None
    most = counts and (counts["exactly"] or counts["most"])
    return int(most) if most else None


# spaCy's "{n}", "{n,m}", "{,m}" and "{n,}" operators.
QUANTIFIER = re.compile(r"\{(?:(?P<exactly>\d+)|\d*,(?P<most>\d*))\}")


def reach(pattern: Sequence[Mapping[str, Any]]) -> tuple[int | None, int | None]:
    """How many tokens a match of ``pattern`` can hold before the first token that matches its first required spec
    (``first_required_token``) and after it, each None when unbounded (or when no spec is required): every match lies
    within that many tokens of a token that opens its gate."""
    spec = first_required_token(pattern)
    if spec is None:
        return None, None
    at = next(index for index, item in enumerate(pattern) if item is spec)
    before = [most_tokens(item) for item in pattern[:at]]
    after = [most_tokens(item) for item in pattern[at:]]
    if after[0] is not None:
        after[0] -= 1  # the first token of the required spec opens the gate; the rest of its run follows it
    return (None if None in before else sum(before)), (None if None in after else sum(after))


def text_gate(spec: Mapping[str, Any]) -> str | None:
    """A regex that any token ``spec`` can match, by its ``ORTH``/``TEXT``, is
    found in (``re.search`` over the token's text, as spaCy's ``REGEX`` does),
    or None when the spec says nothing checkable about the token's text."""
    for attribute in ("ORTH", "TEXT"):
        value = spec.get(attribute)
        if isinstance(value, str):
            return f"^{re.escape(value)}$"
        if isinstance(value, Mapping):
            if isinstance(value.get("IN"), list) and all(isinstance(v, str) for v in value["IN"]):
                return "^(?:" + "|".join(re.escape(v) for v in value["IN"]) + ")$"
            regex = value.get("REGEX")
            # Over the document's tokens a line, ^ and $ match at every token's
            # edges (re.MULTILINE), so each token that matches still does.
            if isinstance(regex, str) and not STRING_ANCHORS.search(regex):
                return regex
    return None


def listed_texts(spec: Mapping[str, Any]) -> frozenset[str] | None:
    """The texts a token ``spec`` matches when its ``ORTH``/``TEXT`` names them (a string, or its ``IN`` list),
    else None. Such a gate is a look-up in the set of the document's tokens: a search of the tokens' lines for the
    same words tried each alternative at each token (24 of the 42 shipped gates; gating a Paramopama paragraph
    took 0.66 ms, 0.50 so)."""
    for attribute in ("ORTH", "TEXT"):
        value = spec.get(attribute)
        if isinstance(value, str):
            return frozenset({value})
        if isinstance(value, Mapping):
            if isinstance(value.get("IN"), list) and all(isinstance(v, str) for v in value["IN"]):
                return frozenset(value["IN"])
            if isinstance(value.get("REGEX"), str):
                return None  # as ``text_gate`` reads it
    return None


def compile_gate(regex: str) -> re.Pattern[str]:
    """Search for ``regex`` within any one token of a text written as a newline
    before each token. A regex anchored at the token's start is tried only
    after each newline, a literal that the regex engine scans for in C; any
    other is tried at every character of every token (twice as slow as the
    matching it spares, on the shipped patterns, had they all been so)."""
    if anchored_at_start(regex):
        return re.compile(rf"\n(?:{regex})", re.MULTILINE)
    return re.compile(rf"\n[^\n]*?(?:{regex})", re.MULTILINE)


def anchored_at_start(regex: str) -> bool:
    """Whether every top-level alternative of ``regex`` starts with ``^``."""
    alternatives, depth, index = [0], 0, 0
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 1
        elif char == "[":  # a class: skip to its end, where "]" first in it is literal
            index = regex.find("]", index + 2 if regex[index + 1:index + 2] != "^" else index + 3)
            if index < 0:
                return False
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(index + 1)
        index += 1
    return all(regex.startswith("^", start) for start in alternatives)


def pattern_gate(pattern: Sequence[Mapping[str, Any]]) -> str | None:
    spec = first_required_token(pattern)
    return text_gate(spec) if spec is not None else None


def pattern_texts(pattern: Sequence[Mapping[str, Any]]) -> frozenset[str] | None:
    """The texts of which the first required token of ``pattern`` must be one (``listed_texts``), or None."""
    spec = first_required_token(pattern)
    return listed_texts(spec) if spec is not None else None


# What a group of patterns needs in a document: one of a set of token texts, a token a regex finds
# (``compile_gate``), or nothing that can be checked (None).
Gate = frozenset[str] | re.Pattern[str] | None


class GatedMatcher:
    """Token patterns grouped by gate, one spaCy ``Matcher`` per group.

    Which gates a token text opens is worked out once per distinct text and kept, by the text's ``ORTH`` id, as a
    bit mask (bit ``i`` for ``groups[i]``): news repeats its words from task to task, and a document's gates are then
    one look-up a distinct token instead of a set look-up or a regex search of all its tokens per gate (the
    case-insensitive alternation of the AI models' names cost 75 us a Paramopama task alone). Kept like spaCy's
    vocabulary, which holds every text it has seen too.

    An open group's matcher runs only over the tokens its matches can reach (``reach``) from the first and the last
    token that opens its gate: spaCy's ``Matcher`` tries each pattern at every token of what it is given, so a
    group opened by one word of a 300-token task (a street's noun, "Santa") cost it that many steps."""

    def __init__(self, vocab: Vocab, token_patterns: Mapping[str, Iterable[list[dict[str, Any]]]]) -> None:
        from spacy.matcher import Matcher

        groups: dict[frozenset[str] | str | None, Matcher] = {}
        reaches: dict[frozenset[str] | str | None, list[tuple[int | None, int | None]]] = {}
        for key, patterns in token_patterns.items():
            for pattern in patterns:
                gate = pattern_texts(pattern) or pattern_gate(pattern)
                groups.setdefault(gate, Matcher(vocab)).add(key, [pattern])
                reaches.setdefault(gate, []).append(reach(pattern))
        self.groups: list[tuple[Gate, Matcher]] = [
            (compile_gate(gate) if isinstance(gate, str) else gate, matcher) for gate, matcher in groups.items()]
        # per group, the most tokens before and after a gate's token that a match of any of its patterns holds
        self.reaches: list[tuple[int | None, int | None]] = [
            (farthest(before for before, _after in group), farthest(after for _before, after in group))
            for group in reaches.values()]
        self.gated = any(gate is not None for gate, _matcher in self.groups)
        # the bits of the set gates each of their texts opens: one look-up a new text, not one a gate
        self.listed: dict[str, int] = {}
        for index, (gate, _matcher) in enumerate(self.groups):
            for text in gate if isinstance(gate, frozenset) else ():
                self.listed[text] = self.listed.get(text, 0) | 1 << index
        self.opened: dict[int, int] = {}

    def __call__(self, doc: Doc) -> list[Match]:
        windows = self.windows(self.token_masks(doc), len(doc)) if self.gated else {}
        matches: list[Match] = []
        for index, (gate, matcher) in enumerate(self.groups):
            if gate is None:
                matches += matcher(doc)
            elif (window := windows.get(index)) is not None:
                matches += matches_within(matcher, doc, *window)
        return matches

    def windows(self, masks: list[int], length: int) -> dict[int, tuple[int, int]]:
        """The tokens each opened group's matches can lie in (by the group's index), of a document of ``length`` tokens
        whose tokens open the gates ``masks`` says: from the group's reach before the first token that opens its gate
        to its reach after the last. Read from each distinct mask's set bits: a document has a few distinct masks (0.48
        besides 0 on Paramopama), where asking each of the 59 groups of every mask cost 17 us a document."""
        last = len(masks) - 1
        backwards = masks[::-1]
        spread: dict[int, tuple[int, int]] = {}  # per opened group, its first and last opening token
        for mask in set(masks) - {0}:
            first, final = masks.index(mask), last - backwards.index(mask)
            for index in set_bits(mask):
                earliest, latest = spread.get(index, (first, final))
                spread[index] = (min(earliest, first), max(latest, final))
        windows = {}
        for index, (first, final) in spread.items():
            before, after = self.reaches[index]
            windows[index] = (0 if before is None else max(0, first - before),
                              length if after is None else min(length, final + after + 1))
        return windows

    def token_masks(self, doc: Doc) -> list[int]:
        """The bits of the groups whose gate each token of ``doc`` opens, read without making ``Token`` objects."""
        from spacy.attrs import ORTH

        keys = doc.to_array(ORTH).tolist()
        opened = self.opened
        masks = list(map(opened.get, keys))
        if None in masks:
            new = list(dict.fromkeys(filterfalse(opened.__contains__, keys)))  # without a Python step a token
            strings = doc.vocab.strings
            opened.update(zip(new, self.gates_of([strings[key] for key in new]), strict=True))
            masks = list(map(opened.__getitem__, keys))
        return masks

    def gates_of(self, texts: list[str]) -> list[int]:
        """The bits of the gates each of ``texts`` opens: the set gates' by one look-up (``listed``), a regex gate by
        searching the texts each after a newline (``compile_gate``), from each match's start on again, so that a match
        that ran on over the next text's newline does not hide that text's own."""
        bits = list(map(self.listed.get, texts, repeat(0)))
        lines = "".join(["\n" + text for text in texts])
        starts = list(accumulate((1 + len(text) for text in texts[:-1]), initial=0))
        for index, (gate, _matcher) in enumerate(self.groups):
            if gate is not None and not isinstance(gate, frozenset):
                found = gate.search(lines)
                while found is not None:
                    # the text whose line the match starts in (a text of spaces may hold newlines of its own)
                    bits[bisect_right(starts, found.start()) - 1] |= 1 << index
                    found = gate.search(lines, found.start() + 1)
        return bits


def set_bits(mask: int) -> Iterator[int]:
    """The indexes of the bits set in ``mask``, lowest first."""
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


def farthest(counts: Iterable[int | None]) -> int | None:
    """The largest of ``counts``, None (unbounded) if any is."""
    counts = list(counts)
    return None if None in counts else max(counts)


def matches_within(matcher: Matcher, doc: Doc, start: int, end: int) -> list[Match]:
    """``matcher``'s matches over ``doc[start:end]``, placed in ``doc``; a match is made of the tokens it covers alone
    (spaCy's token patterns look neither behind nor ahead), so the window finds those of the whole document that lie
    inside it."""
    if start == 0 and end == len(doc):
        return matcher(doc)
    return [(key, first + start, final + start) for key, first, final in matcher(doc[start:end])]


class GatedRuler:
    """An ``EntityRuler``'s patterns, matched as its ``match`` does (phrase and
    token matches, empty ones dropped, longest first) but with gated token patterns."""

    def __init__(self, ruler: EntityRuler) -> None:
        self.ruler = ruler
        self.ent_id_sep = ruler.ent_id_sep
        self.token_matcher = GatedMatcher(ruler.nlp.vocab, ruler.token_patterns)

    def match(self, doc: Doc) -> list[Match]:
        matches = self.token_matcher(doc)
        if len(self.ruler.phrase_matcher):
            matches += self.ruler.phrase_matcher(doc)
        found = {(match_id, start, end) for match_id, start, end in matches if start != end}
        return sorted(found, key=lambda match: (match[2] - match[1], -match[1]), reverse=True)
