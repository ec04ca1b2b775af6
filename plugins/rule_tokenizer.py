"""spaCy's rule-based tokenizer, run without importing spaCy.

``anota export --format conll`` (and the span trimming of ``jsonl`` and
``csv``) needs spaCy's tokens and nothing else of spaCy, whose import alone
takes about 90 MB, more than the whole export. A tokenizer of spaCy's is data
(prefix, suffix and infix expressions, a URL and a token expression, and
special cases) run by a short algorithm (``spacy/tokenizer.pyx``:
``_tokenize_affixes``, ``_split_affixes``, ``_attach_tokens`` and
``_apply_special_cases``). The data is exported from the installed spaCy into
``plugins/data/tokenizer_rules/<language>.json`` (``python -m
plugins.rule_tokenizer LANGUAGE...``; ``tests/test_rule_tokenizer.py`` fails
when it no longer matches spaCy) and run here, step for step as spaCy runs it,
on each run of text between whitespace; tests hold the tokens equal to
spaCy's on every text of the fixtures and on generated texts made of the
rules' own pieces. A language without a file here is tokenized by spaCy.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

RULES_FOLDER = Path(__file__).parent / "data" / "tokenizer_rules"
# The languages whose rules are shipped: Anota's own (pt, en) and spaCy's
# multi-language rules, which tokenize every language spaCy has no rules for.
SHIPPED_LANGUAGES = ("pt", "en", "xx")
# Runs between whitespace, tokenized one by one as spaCy does (``str.isspace``
# is what ``\s`` matches in a str pattern).
_CHUNK = re.compile(r"\S+")
# Distinct runs whose pieces are kept: the frequent words of a corpus come
# back; a bound keeps memory flat over a large export.
CACHE_SIZE = 8192

# A run's token offsets (None: the run is one token); whether its first token may close,
# and its last token open, a special case's pieces across runs (a bridge); and then its
# tokens before special cases are looked for among them.
Run = tuple[tuple[tuple[int, int], ...] | None, bool, bool, tuple[str, ...] | None]


class RuleTokenizer:
    """spaCy's tokenizer for one language from its exported rules:
    :meth:`offsets` gives the start and end of every token that is not
    whitespace, as spaCy's ``Doc`` has them."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self.lang: str = rules["language"]
        self.rules: dict[str, tuple[str, ...]] = {key: tuple(orths) for key, orths in rules["specials"].items()}
        self._prefix = _search(rules["prefix"])
        self._suffix = _search(rules["suffix"])
        self._infix = _compiled(rules["infix"])
        self._token_match = _match(rules["token_match"])
        self._url_match = _match(rules["url_match"])
        # Special cases that affixes or infixes would split are also looked for among the
        # tokens (spaCy's special-case matcher): by the tokens the rules without special
        # cases give them.
        self._by_pieces = {self._tokens(key, {}): key for key in self.rules
                           if not key.isspace() and (not rules["faster_heuristics"] or self._splits(key))}
        self._longest = max(map(len, self._by_pieces), default=0)
        # Two runs apart by one space hold no whitespace token between them, so a special
        # case's pieces can run across them: such a match changes nothing (its text holds
        # the space) but, as in spaCy, it keeps the matches it overlaps from changing anything.
        self._bridges = {pair for pieces in self._by_pieces for pair in zip(pieces, pieces[1:])}
        self._bridge_lefts = {left for left, _ in self._bridges}
        self._bridge_rights = {right for _, right in self._bridges}
        self.pieces: Callable[[str], Run] = functools.lru_cache(maxsize=CACHE_SIZE)(self._run)

    def offsets(self, text: str) -> tuple[list[int], list[int]]:
        """Start and end offsets of the tokens of ``text`` that are not whitespace."""
        starts: list[int] = []
        ends: list[int] = []
        pieces = self.pieces
        # Runs joined by possible bridges make a group, tokenized again as one when it ends.
        group_start = group_token = 0  # where the group begins, in the text and in the tokens
        grouped = False  # whether the group holds more than one run
        after = -2  # the end of the run before, and whether its last token may open a bridge
        opens_bridge = False
        for match in _CHUNK.finditer(text):
            start = match.start()
            cut, closes_bridge, next_opens_bridge, _ = pieces(match.group())
            if closes_bridge and opens_bridge and start == after + 1 and text[after] == " ":
                grouped = True
            else:
                if grouped:
                    self._tokenize_group(text, group_start, after, group_token, starts, ends)
                    grouped = False
                group_start, group_token = start, len(starts)
            if cut is None:
                starts.append(start)
                ends.append(match.end())
            else:
                for piece_start, piece_end in cut:
                    starts.append(start + piece_start)
                    ends.append(start + piece_end)
            after, opens_bridge = match.end(), next_opens_bridge
        if grouped:
            self._tokenize_group(text, group_start, after, group_token, starts, ends)
        return starts, ends

    def _run(self, run: str) -> Run:
        tokens = self._tokens(run, self.rules)
        final = self._special_cases_among([tokens])[0] if self._by_pieces else tokens
        closes, opens = tokens[0] in self._bridge_rights, tokens[-1] in self._bridge_lefts
        return None if len(final) == 1 else _offsets(final), closes, opens, tokens if closes or opens else None

    def _tokenize_group(self, text: str, begin: int, end: int, first_token: int, starts: list[int],
                        ends: list[int]) -> None:
        """The tokens of the runs between ``begin`` and ``end``, apart by one
        space each, special cases matched across them, in place of those from
        ``first_token`` on (each run's own)."""
        del starts[first_token:], ends[first_token:]
        runs = list(_CHUNK.finditer(text, begin, end))
        # A run in a group may open or close a bridge: its tokens are kept with its offsets.
        for run, tokens in zip(runs, self._special_cases_among([self.pieces(run.group())[3] for run in runs])):
            for piece_start, piece_end in _offsets(tokens):
                starts.append(run.start() + piece_start)
                ends.append(run.start() + piece_end)

    def _splits(self, key: str) -> bool:
        return bool(self._prefix(key) or self._suffix(key) or self._infix.search(key) or " " in key)

    def _tokens(self, run: str, specials: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        """spaCy's ``_split_affixes`` then ``_attach_tokens`` on a run without
        whitespace, with the ``specials`` given (none: the tokens the special
        case matcher looks for)."""
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        while run and len(run) != last_size:
            if (self._token_match and self._token_match(run)) or run in specials:
                break
            last_size = len(run)
            prefix = self._prefix(run)
            if prefix:
                if run[prefix:] in specials:
                    prefixes.append(run[:prefix])
                    run = run[prefix:]
                    break
            suffix = self._suffix(run[prefix:])
            if suffix:
                if run[:-suffix] in specials:
                    suffixes.append(run[-suffix:])
                    run = run[:-suffix]
                    break
            if prefix and suffix and prefix + suffix <= len(run):
                prefixes.append(run[:prefix])
                suffixes.append(run[-suffix:])
                run = run[prefix:-suffix]
            elif prefix:
                prefixes.append(run[:prefix])
                run = run[prefix:]
            elif suffix:
                suffixes.append(run[-suffix:])
                run = run[:-suffix]
        return (*prefixes, *self._core(run, specials), *reversed(suffixes))

    def _core(self, run: str, specials: dict[str, tuple[str, ...]]) -> Iterable[str]:
        if not run:
            return ()
        if run in specials:
            return specials[run]
        if (self._token_match and self._token_match(run)) or (self._url_match and self._url_match(run)):
            return (run,)
        tokens = []
        start = 0
        for infix in self._infix.finditer(run):
            if infix.start() == 0:  # an infix at the start splits nothing (spaCy skips it)
                continue
            if infix.start() != start:
                tokens.append(run[start:infix.start()])
            if infix.start() != infix.end():
                tokens.append(infix.group())
            start = infix.end()
        tokens.append(run[start:])
        return [token for token in tokens if token]

    def _special_cases_among(self, runs: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """spaCy's ``_apply_special_cases`` on the tokens of runs apart by one
        space each: every sequence of tokens that is a special case's pieces,
        the longest first (then the earliest), becomes that special case's
        tokens, unless its first or last token is in a sequence met before (as
        spaCy filters them). A sequence across runs holds a space, which no
        special case here holds: it only stops those it overlaps."""
        tokens = [token for run in runs for token in run]
        run_of = [index for index, run in enumerate(runs) for _ in run]
        found = [(first, after) for first in range(len(tokens))
                 for after in range(first + 1, min(len(tokens), first + self._longest) + 1)
                 if tuple(tokens[first:after]) in self._by_pieces]
        if not found:
            return runs
        seen: set[int] = set()
        taken: dict[int, int] = {}
        for first, after in sorted(found, key=lambda match: (match[0] - match[1], match[0])):
            if first not in seen and after - 1 not in seen and run_of[first] == run_of[after - 1]:
                taken[first] = after
            seen.update(range(first, after))
        replaced: list[list[str]] = [[] for _ in runs]
        at = 0
        while at < len(tokens):
            after = taken.get(at)
            if after is None:
                replaced[run_of[at]].append(tokens[at])
                at += 1
            else:
                replaced[run_of[at]] += self.rules[self._by_pieces[tuple(tokens[at:after])]]
                at = after
        return [tuple(run) for run in replaced]


def _offsets(tokens: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The tokens' offsets in the run they make up."""
    offsets = []
    start = 0
    for token in tokens:
        offsets.append((start, start + len(token)))
        start += len(token)
    return tuple(offsets)


@functools.cache  # one per language: its expressions compile and its special cases tokenize once
def shipped(language: str) -> RuleTokenizer | None:
    """The tokenizer of a language whose rules are shipped, else None."""
    if language not in SHIPPED_LANGUAGES:
        return None
    return RuleTokenizer(json.loads((RULES_FOLDER / f"{language}.json").read_text(encoding="utf-8")))


def _compiled(rule: dict[str, Any] | None) -> re.Pattern[str] | None:
    return None if rule is None else re.compile(rule["pattern"], rule["flags"])


def _search(rule: dict[str, Any] | None) -> Callable[[str], int]:
    """The length of what the expression finds in a text (0: nothing), as spaCy's ``find_prefix``."""
    pattern = _compiled(rule)
    if pattern is None:
        return lambda text: 0

    def found(text: str) -> int:
        match = pattern.search(text)
        return 0 if match is None else match.end() - match.start()

    return found


def _match(rule: dict[str, Any] | None) -> Callable[[str], Any] | None:
    pattern = _compiled(rule)
    return None if pattern is None else pattern.match


def exported_rules(language: str) -> dict[str, Any]:
    """The installed spaCy's tokenizer rules for ``language``, as
    :class:`RuleTokenizer` reads them (needs spaCy)."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = spacy.blank(language).tokenizer
    if type(tokenizer) is not Tokenizer:
        raise ValueError(f"{language}: spaCy's tokenizer for it is {type(tokenizer).__name__}, not rules")
    spaced = [key for key in tokenizer.rules if not key.isspace() and any(map(str.isspace, key))]
    if spaced:  # they cross runs of text, which are tokenized one by one here
        raise ValueError(f"{language}: special cases with whitespace inside: {spaced[:3]}")

    def expression(function: Any) -> dict[str, Any] | None:
        pattern = getattr(function, "__self__", None)
        return None if pattern is None else {"pattern": pattern.pattern, "flags": pattern.flags}

    return {"spacy": spacy.__version__, "language": language,
            "prefix": expression(tokenizer.prefix_search), "suffix": expression(tokenizer.suffix_search),
            "infix": expression(tokenizer.infix_finditer), "token_match": expression(tokenizer.token_match),
            "url_match": expression(tokenizer.url_match), "faster_heuristics": tokenizer.faster_heuristics,
            "specials": {key: [piece.get(ORTH, piece.get("ORTH")) for piece in pieces]
                         for key, pieces in sorted(tokenizer.rules.items())}}


def write_rules(languages: Iterable[str]) -> None:
    RULES_FOLDER.mkdir(parents=True, exist_ok=True)
    for language in languages:
        text = json.dumps(exported_rules(language), ensure_ascii=False, indent=1, sort_keys=True)
        (RULES_FOLDER / f"{language}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_rules(sys.argv[1:] or SHIPPED_LANGUAGES)
