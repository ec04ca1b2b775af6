"""Built-in plugin: the dataset formats of ``anota export``.

- ``jsonl``: one example per line (``schemas.dataset.ExampleSchema``, written by ``schemas.example_encoding``);
- ``conll``: CoNLL-2003 columns with IOB2 tags over spaCy tokens;
- ``spacy``: a ``DocBin`` per split that ``spacy train`` reads as is;
- ``csv``: one row per task and choice control, one row per span.

Each writes ``<split><suffix>`` files: ``train``, ``dev``, ``test`` with
``--split``, only ``train`` without. Each first trims entity spans of edge
punctuation and whitespace (:func:`trim_entities`), so that all hold the same spans.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import functools
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from plugins import rule_tokenizer
from plugins.rule_tokenizer import RuleTokenizer
from schemas.example_encoding import encode_example, encode_line_safe
from schemas.label_studio_export import PATH_SEPARATOR
from server import hookimpl
from server.config import DEFAULTS
from server.exporting.examples import (
    Example, Exporter, Labels, Span, SplitFiles, is_ragged, renamed, with_attribute, with_notes,
)
from server.exporting.placing import inside_a_character, one_byte
from server.exporting.report import ExportReport, join_values, split_values

if TYPE_CHECKING:
    from flask import Flask

    from server.config import CommandApp
    from server.exporting.converting import Settings
    from server.exporting.training import DocsWritten

__version__ = "0.2.20"

ENTITY_SPANS_KEY = "sc"
DOCSTART = "-DOCSTART-"
# The file's document line, four columns as its token rows, and a blank line after it: Label Studio's
# "-DOCSTART- -X- O", three columns and no blank line, was read by spaCy's own `spacy convert -c ner` as the
# first sentence's first row, which cut every row of it to three columns ("Ill-formed IOB input detected: _").
# This is the line that converter splits documents at; readers that skip a line starting with -DOCSTART-
# (Hugging Face's conll2003, flair) read it as before.
DOCUMENT_LINE = f"{DOCSTART} -X- O O\n\n"
CLAIM_SPANS_KEY = "claims"


MULTI_LANGUAGE = "xx"
_LANGUAGE_CODE = re.compile("[a-z]{2,3}")  # spaCy's language codes (ISO 639-1, a few 639-3, and xx)


# Bounded: ``data.language`` is the task's to give, and a file that gives
# every task a language of its own must not keep a tokenizer for each.
@functools.lru_cache(maxsize=256)
def tokenizer(language: str) -> RuleTokenizer | SpacyTokenizer:
    """spaCy's rule-based tokenizer for ``language`` (no model, offline): a
    tag like ``pt-BR`` or ``en_US`` uses its language's rules; a language
    spaCy has no rules for, its multi-language ones (``tokenizer.lang``
    says which). Shipped rules run without spaCy (:mod:`plugins.rule_tokenizer`)."""
    for candidate in dict.fromkeys((language, re.split("[-_]", language.strip())[0].lower())):
        # spaCy imports spacy.lang.<candidate>: a name like 'punctuation' is one of
        # its helper modules, which has no language (an AttributeError, not an ImportError).
        if not _LANGUAGE_CODE.fullmatch(candidate):
            continue
        shipped = rule_tokenizer.shipped(candidate)
        if shipped is not None:
            return shipped
        try:
            return SpacyTokenizer(candidate)
        except ImportError as exc:  # spaCy has no rules for this language, or they need a package not installed
            if _has_spacy_language(candidate):
                NEEDS_PACKAGE[language] = " ".join(str(exc).split())
            continue
    return rule_tokenizer.shipped(MULTI_LANGUAGE)


# Given language -> spaCy's words on the package its tokenizer needs (SudachiPy for ja, PyThaiNLP for th...),
# filled by tokenizer(): such a language is tokenized by the multi-language rules, and the report says why.
NEEDS_PACKAGE: dict[str, str] = {}


def _has_spacy_language(code: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(f"spacy.lang.{code}") is not None


class SpacyTokenizer:
    """spaCy's own tokenizer, for a language whose rules are not shipped."""

    def __init__(self, language: str) -> None:
        self.spacy = _spacy_tokenizer(language)
        self.lang: str = self.spacy.vocab.lang
        # A tokenizer of another kind (zh's splits characters, ja's runs SudachiPy) has no special cases,
        # and segments the scripts written without spaces between words itself.
        self.rules: dict[str, Any] = getattr(self.spacy, "rules", None) or {}
        self.segments_words = not hasattr(self.spacy, "rules")

    def offsets(self, text: str) -> tuple[list[int], list[int]]:
        """Start and end offsets of the tokens of ``text`` that are not whitespace."""
        return _unspaced_offsets(self.spacy(text))


@functools.cache  # one per language spaCy has rules for (a failed one raises, and is not kept)
def _spacy_tokenizer(language: str) -> Any:
    import spacy

    return spacy.blank(language).tokenizer


# An emoji's skin tone: visible, but part of the emoji before it.
_MODIFIERS = range(0x1F3FB, 0x1F400)
# Characters that join what follows them to what precedes them (zero-width joiner, word joiner).
_JOINERS = "\u200d\u2060"
_ZERO_WIDTH_SPACE = "\u200b"


def _attaches(text: str) -> bool:
    """A token of invisible characters (format characters: zero-width joiner
    and non-joiner, word joiner; variation selectors and other combining
    marks) or skin-tone modifiers: spaCy splits emoji sequences into such
    tokens (``👨``, ``\\u200d``, ``👩``; ``❤``, ``\\ufe0f``), which belong to the
    tokens they touch."""
    return bool(text) and all(unicodedata.category(character) in ("Cf", "Mn", "Me")
                              or ord(character) in _MODIFIERS for character in text)


def example_offsets(example: Example, languages: Sequence[str], report: ExportReport | None = None
                    ) -> tuple[list[int], list[int]]:
    """:func:`token_offsets` of the example's text in its language (given, else
    detected among ``languages``); a language without rules of its own is reported,
    and so is a text cut one token per character (:func:`per_character`)."""
    language = tokenizing_language(example, languages, report)
    _note_per_character(example, language, report)
    return token_offsets(example.text, language)


def example_doc(example: Example, languages: Sequence[str], report: ExportReport | None = None) -> Any:
    """A spaCy ``Doc`` of the example's tokens, as :func:`example_offsets` has them."""
    from spacy.tokens import Doc

    language = tokenizing_language(example, languages, report)
    doc = _spacy_tokenizer(tokenizer(language).lang)(example.text)
    if not _note_per_character(example, language, report):
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    for token in doc:  # a token's pieces touch: only the last keeps the space after it
        pieces = [token.text[start:end] for start, end in _characters(token.text, 0, len(token.text))]
        words += pieces
        spaces += [False] * (len(pieces) - 1) + [bool(token.whitespace_)]
    return Doc(doc.vocab, words=words, spaces=spaces)


def tokenizing_language(example: Example, languages: Sequence[str], report: ExportReport | None = None) -> str:
    """The example's language (given, else detected among ``languages``); one spaCy has no rules for is reported."""
    language = example.language or _detected_language(example.text, languages)
    if report is not None and tokenizer(language).lang == MULTI_LANGUAGE != language:
        if needs := NEEDS_PACKAGE.get(language):
            report.note(TOKENIZER_NEEDS_PACKAGE, f"task {example.task_id}: {language!r}: {needs}")
        else:
            report.note(NO_TOKENIZER, f"task {example.task_id}: {language!r}")
    return language


def _detected_language(text: str, languages: Sequence[str]) -> str:
    # server.analysis is imported here, on first use: a jsonl or csv export seldom
    # detects a language, and it (with server.segmentation's patterns) costs 45M
    # instructions, 9% of a 1-task export's.
    from server.analysis import detect_language

    return detect_language(text, languages)


def _note_per_character(example: Example, language: str, report: ExportReport | None) -> bool:
    """Whether the example's text is cut one token per character (:func:`per_character`); reported."""
    if not per_character(example.text, language):
        return False
    if report is not None:
        report.note(PER_CHARACTER, f"task {example.task_id}: {language!r}")
    return True


NO_TOKENIZER = "languages spaCy has no tokenizer for (its multi-language rules used)"
# Entity spans over whitespace alone (no token holds them), left out of every format (trim_entities, aligned_spans).
NO_TOKEN_SPANS = "spans over no token left out"
TOKENIZER_NEEDS_PACKAGE = ("languages whose spaCy tokenizer needs a package that is not installed (the "
                           "multi-language rules used; the details say which)")
PER_CHARACTER = ("texts in scripts written without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, "
                 "Myanmar) tokenized one token per character, with its marks")


def neighbourhood_offsets(text: str, spans: Sequence[Span], language: str) -> tuple[list[int], list[int]]:
    """:func:`token_offsets` of the whole text's tokens around ``spans``, and
    of no others, tokenizing only those neighbourhoods: each span widened to
    the whitespace around it and over any multi-word special case of the
    tokenizer (Spanish ``EE. UU.``) that crosses its edges. spaCy tokenizes
    the runs between whitespace one by one (as :func:`parts` relies on), so
    these are the whole text's tokens there."""
    specials = _blocked([], text, _spaced_specials(language))
    windows = sorted(_neighbourhood(text, span.start, span.end, specials) for span in spans)
    merged: list[list[int]] = []
    for begin, end in windows:
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    starts: list[int] = []
    ends: list[int] = []
    for begin, end in merged:
        window = text[begin:end]
        window_starts, window_ends = token_offsets(window, language)
        starts += [start + begin for start in window_starts]
        ends += [end + begin for end in window_ends]
    return starts, ends


def _neighbourhood(text: str, start: int, end: int, specials: tuple[list[int], list[int]]) -> tuple[int, int]:
    """``[start, end)`` widened to whitespace (or the text's ends) and over
    the ``specials``' occurrences (merged, in order) that cross its edges."""
    special_starts, special_ends = specials
    while True:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        before_start = bisect.bisect_left(special_starts, start) - 1  # the last one starting before
        before_end = bisect.bisect_left(special_starts, end) - 1
        if before_start >= 0 and special_ends[before_start] > start:
            start = special_starts[before_start]
        elif before_end >= 0 and special_ends[before_end] > end:
            end = special_ends[before_end]
        else:
            return start, end


# spaCy's own limit for one ``nlp()`` call (``Language.max_length``). A longer
# text (a book-length task) is tokenized in parts: one Doc of 50 MB took 4.6 GB.
PART_LENGTH = 1_000_000
CUT_INTO_PARTS = (f"texts over {PART_LENGTH:,} characters tokenized in parts (cut after whitespace outside spans, "
                  "at a line break where the part has one)")


def parts(example: Example, language: str) -> Iterator[Example]:
    """The example itself when its text is at most :data:`PART_LENGTH`
    characters (nearly always); else its text cut into parts of about that
    length, one at a time, each an example of its own (``offset``: where it
    starts) holding the spans inside it. A cut falls after whitespace (a line break when the
    part has one) outside every span and every multi-word special case of the
    tokenizer (Spanish ``EE. UU.``): spaCy tokenizes the runs between
    whitespace one by one, so the parts' tokens, shifted by their offsets, are
    the whole text's (``tests/test_export_probe16.py`` checks it token by token)."""
    text = example.text
    if len(text) <= PART_LENGTH:
        yield example
        return
    spans = sorted(example.entities + example.claims)
    blocked = _blocked(spans, text, _spaced_specials(language))
    begin, first = 0, 0  # first: the first span not in a part yet
    while begin < len(text):
        end = _cut(text, begin, blocked)
        after = bisect.bisect_left(spans, end, lo=first, key=lambda span: span.start)
        part = Example(text=text[begin:end], labels=Labels(
            spans=[Span(s.start - begin, s.end - begin, s.label, s.text) for s in spans[first:after]],
            choices=example.labels.choices), task_id=example.task_id, anota_id=example.anota_id,
            source=example.source, annotators=example.annotators, annotation_ids=example.annotation_ids,
            split=example.split, language=language, claim_labels=example.claim_labels)
        part.offset = begin
        yield part
        begin, first = end, after


@functools.cache
def _spaced_specials(language: str) -> tuple[str, ...]:
    """The tokenizer's special cases that hold whitespace between other characters."""
    return tuple(key for key in tokenizer(language).rules if not key.isspace() and any(map(str.isspace, key)))


def _blocked(spans: list[Span], text: str, specials: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Where no cut may fall: the spans and the specials' occurrences, merged (starts, ends)."""
    ranges = sorted([(span.start, span.end) for span in spans] + [
        (match.start(), match.end()) for special in specials for match in re.finditer(re.escape(special), text)])
    starts: list[int] = []
    ends: list[int] = []
    for start, end in ranges:
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


_SPACE_BEFORE = re.compile(r"\s(?=\S)")  # the end of a run of whitespace


def _cut(text: str, begin: int, blocked: tuple[list[int], list[int]]) -> int:
    """Where the part that starts at ``begin`` ends: after the last line break
    (else whitespace) within :data:`PART_LENGTH` characters outside ``blocked``;
    without one there, at the first such place after it; the text's end at last."""
    stop = begin + PART_LENGTH
    if stop >= len(text):
        return len(text)
    starts, ends = blocked
    for find in (lambda before: text.rfind("\n", begin, before) + 1,
                 lambda before: max(text.rfind(space, begin, before) for space in " \t\r\f\v") + 1):
        before = stop
        while (cut := find(before)) > begin:
            inside = bisect.bisect_left(starts, cut) - 1  # the last blocked range that starts before the cut
            if inside < 0 or ends[inside] <= cut:
                return cut
            before = starts[inside]
    for match in _SPACE_BEFORE.finditer(text, stop):  # a run without whitespace outside a span: on
        cut = match.end()
        inside = bisect.bisect_left(starts, cut) - 1
        if inside < 0 or ends[inside] <= cut:
            return cut
    return len(text)


class TokenizingExporter(Exporter):
    """An exporter that tokenizes (or trims entity spans to tokens, which
    tokenizes the examples that need it); detects languages among the app's
    ``LANGUAGES``."""

    # How the report's notes of :meth:`tokens_and_tags` name the format (None: the exporter's name, a plugin's).
    tag_format: str | None = None

    def __init__(self, languages: Sequence[str] = tuple(DEFAULTS["LANGUAGES"])) -> None:
        self.languages = tuple(languages)

    def trim(self, example: Example, report: ExportReport, offsets: tuple[list[int], list[int]] | None = None
             ) -> None:
        """:func:`trim_entities`, tokenizing only when a span may need it
        (``example.ragged_entities``: nearly never, so jsonl and csv rarely
        tokenize), and then, without the whole text's ``offsets`` (which conll
        and spacy have at hand), only the neighbourhoods of those spans
        (:func:`neighbourhood_offsets`): one span of a book-length text
        tokenized the whole text."""
        if not example.ragged_entities:
            return
        if offsets is None:
            offsets = neighbourhood_offsets(example.text, [span for span in example.entities if is_ragged(span)],
                                            tokenizing_language(example, self.languages, report))
        trim_entities(example, offsets, report)

    def parts(self, example: Example, report: ExportReport) -> Iterable[Example]:
        """:func:`parts` of the example, in the language of its whole text; a cut reported."""
        if len(example.text) <= PART_LENGTH:
            return (example,)
        report.note(CUT_INTO_PARTS, f"task {example.task_id}: {len(example.text):,} characters")
        return parts(example, example.language or _detected_language(example.text, self.languages))

    def tokens_and_tags(self, example: Example, report: ExportReport) -> tuple[list[str], list[str]]:
        """The example's tokens (spaCy's, whitespace left out) and their IOB2 tags (``B-PER``, ``O``), as ``conll``
        writes them: entity spans trimmed (:meth:`trim`), fitted to whole tokens and their overlaps resolved, each
        change reported; claims and choices have no tag (:func:`note_not_tagged` counts them). Public for
        exporter plugins of other token formats (docs/plugin_hooks.md)."""
        starts, ends = example_offsets(example, self.languages, report)
        self.trim(example, report, (starts, ends))
        tags = ["O"] * len(starts)
        # The spans are on whole tokens and do not overlap: tag each span's tokens, not each token.
        aligned = aligned_spans((starts, ends), example.entities, example, report)
        for span in token_entities(aligned, example, report):
            first, after = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
            label = tag_label(span, example, report, self.tag_format or self.name)
            tags[first:after] = [f"B-{label}"] + [f"I-{label}"] * (after - first - 1)
        text = example.text
        return [text[start:end] for start, end in zip(starts, ends)], tags


def resolve_overlaps(spans: Iterable[Span]) -> tuple[list[Span], list[Span]]:
    """The documented overlap rule of ``conll`` and of ``spacy``'s ``doc.ents``:
    the longest span wins, then the earliest; a span overlapping one already
    kept is dropped (and reported). Returns ``(kept in text order, dropped)``."""
    ordered = sorted(spans)  # by start, and spans with one start overlap
    if all(before.end <= after.start for before, after in itertools.pairwise(ordered)):
        return ordered, []  # nearly always: nothing to resolve
    kept: list[Span] = []  # in text order, with their starts and ends: they do not overlap
    starts: list[int] = []
    ends: list[int] = []
    dropped: list[Span] = []
    for span in sorted(ordered, key=lambda s: (s.start - s.end, s.start, s.label)):
        # Only the kept spans on either side can overlap it: a search, not a pass over all
        # of them (20,000 spans of a book-length text with one overlap took 29 s).
        at = bisect.bisect_right(starts, span.start)
        if (at and ends[at - 1] > span.start) or (at < len(starts) and starts[at] < span.end):
            dropped.append(span)
        else:
            kept.insert(at, span)
            starts.insert(at, span.start)
            ends.insert(at, span.end)
    return kept, dropped


def token_offsets(text: str, language: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the tokens of ``text`` in ``language`` that are
    not whitespace, tokens of invisible characters joined to those they touch
    (:func:`_joined`), and tokens in scripts written without spaces between
    words cut one per character (:func:`per_character`)."""
    starts, ends = tokenizer(language).offsets(text)
    if per_character(text, language):
        starts, ends = _per_character(starts, ends, text)
    return _visible(starts, ends, text)


# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Hangul jamo, CJK
# punctuation, kana, bopomofo, Han (with its extensions and compatibility forms), Hangul syllables,
# full- and half-width forms. Rules made for words between spaces see a Japanese or Thai sentence as
# one token, over which every span widens (and all but one are left out); Korean words hold their
# particles ('메타가': 'Meta' and a subject marker). One token per character is the rule of
# character-level corpora (MSRA and Weibo NER for Chinese, KLUE-NER for Korean) and never
# moves a span: each starts and ends between characters.
@functools.cache
def _unspaced_pattern() -> re.Pattern[str]:
    # Compiled on first use: re builds its BMP ranges character by character, 38M
    # instructions (9% of a 1-task export's), and a Latin-1 text (most) never needs it.
    return re.compile("[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3001-\u303f\u3040-\u31ff"
                      "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff01-\uffef"
                      "\U00020000-\U0003ffff]")


def per_character(text: str, language: str) -> bool:
    """Whether ``text`` is cut one token per character where it is in a script
    written without spaces between words: it holds such a character and the
    tokenizer is spaCy's rules, which cut at spaces and punctuation only
    (spaCy's own Chinese, Japanese or Thai tokenizer segments words itself)."""
    if one_byte(text) or _unspaced_pattern().search(text) is None:  # Latin-1 holds none: one step, no scan
        return False
    return not getattr(tokenizer(language), "segments_words", False)


def _per_character(starts: list[int], ends: list[int], text: str) -> tuple[list[int], list[int]]:
    """The tokens that hold a character of :func:`_unspaced_pattern` cut one per character (:func:`_characters`)."""
    cut_starts: list[int] = []
    cut_ends: list[int] = []
    unspaced = _unspaced_pattern()
    for start, end in zip(starts, ends):
        if unspaced.search(text, start, end) is None:
            cut_starts.append(start)
            cut_ends.append(end)
            continue
        for piece_start, piece_end in _characters(text, start, end):
            cut_starts.append(piece_start)
            cut_ends.append(piece_end)
    return cut_starts, cut_ends


def _characters(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut before each character of :func:`_unspaced_pattern`, and
    after it, but for what belongs to the character before (:func:`_continues`):
    a run of other characters ('Meta' in a Japanese sentence) stays whole."""
    piece = start
    unspaced = _unspaced_pattern()
    for at in range(start + 1, end):
        character, before = text[at], text[at - 1]
        if _continues(character, before):
            continue
        if unspaced.match(character) or unspaced.match(before):
            yield piece, at
            piece = at
    yield piece, end


def _continues(character: str, before: str) -> bool:
    """Whether ``character`` is part of the character ``before`` it on screen:
    a mark (Thai vowels and tones, combining marks, and the half-width kana
    voiced marks 'ﾞ' and 'ﾟ', which are marks written apart: their
    compatibility form is U+3099, U+309A), a Hangul vowel or final jamo (a
    syllable in NFD: '메' is 'ᄆ' + 'ᅦ'), or a consonant stacked under the
    one before by an invisible stacker (Khmer coeng, Myanmar's virama)."""
    return (unicodedata.category(unicodedata.normalize("NFKD", character)[0]).startswith("M")
            or "\u1160" <= character <= "\u11ff" or "\ud7b0" <= character <= "\ud7ff"
            or before in _INVISIBLE_STACKERS)


# Unicode's Invisible_Stacker characters (IndicSyllabicCategory.txt) of the scripts above: the consonant
# after one is written under the one before, in one cluster. Other viramas of the same combining class
# (Myanmar's asat U+103A, Thai's phinthu U+0E3A) are seen, and end their syllable.
_INVISIBLE_STACKERS = "\u1039\u17d2"


def doc_offsets(doc: Any) -> tuple[list[int], list[int]]:
    """:func:`token_offsets` of a spaCy ``Doc`` (:func:`example_doc`)."""
    return _visible(*_unspaced_offsets(doc), doc.text)


def _unspaced_offsets(doc: Any) -> tuple[list[int], list[int]]:
    """The offsets of the tokens of ``doc`` that are not whitespace, from its
    token array: a Token object per token costs more than tokenizing."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    words = doc.to_array([IDX, LENGTH, IS_SPACE])
    if words[:, 2].any():  # line breaks, runs of spaces: numpy drops them, no Python step per token
        words = words[words[:, 2] == 0]
    return words[:, 0].tolist(), (words[:, 0] + words[:, 1]).tolist()


def _visible(starts: list[int], ends: list[int], text: str) -> tuple[list[int], list[int]]:
    """The offsets with tokens of invisible characters joined to those they touch (:func:`_joined`)."""
    if _may_attach(text):  # an emoji sequence, a stray joiner, a flag: rare
        # A token that starts inside a character (a flag's second regional indicator) belongs to the one before.
        attaching = [_attaches(text[start:end]) or inside_a_character(text, start) for start, end in zip(starts, ends)]
        if any(attaching):
            return _joined(starts, ends, attaching, text)
    return starts, ends


# The characters of the tokens _attaches finds (their blocks), but for Indic vowel signs and viramas,
# which spaCy keeps in their word; and regional indicators, which spaCy splits, a flag's two apart.
_ATTACHING = re.compile("[\u00ad\u0300-\u036f\u061c\u180e\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u206f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ufeff"
                        "\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0000-\U000e01ef]")


def _may_attach(text: str) -> bool:
    """Whether ``text`` may hold a token of invisible characters. A text of
    one-byte characters (Latin-1: most Portuguese and English) holds none of
    them but the soft hyphen, and its size in memory tells in one step,
    where a regex scans every character (and a spaCy lexeme flag read with
    the offsets cost 3% of a CoNLL export's instructions)."""
    if one_byte(text):
        return "\xad" in text
    return _ATTACHING.search(text) is not None


def _joined(starts: list[int], ends: list[int], attaching: list[int], text: str) -> tuple[list[int], list[int]]:
    """The token offsets with each token of invisible characters (``attaching``)
    joined to the token before it when they touch, and a token after a joiner
    (U+200D, U+2060) to it: ``👨‍👩‍👧`` and ``❤️`` are one token each, as they are
    one character on screen. Such a token that touches no token before it
    joins the token after it, else (between spaces) is no token: a CoNLL line
    holding only invisible characters reads as a missing column, and a label
    cannot be seen on it. A token of zero-width spaces is no token either:
    Thai, Khmer, Lao and Myanmar text marks word breaks with them, and a span
    up to one would widen over it."""
    joined_starts: list[int] = []
    joined_ends: list[int] = []
    held: tuple[int, int] | None = None  # invisible tokens touching nothing before them
    for start, end, attaches in zip(starts, ends, attaching):
        if attaches and not text[start:end].strip(_ZERO_WIDTH_SPACE):  # a word break, as a space is
            held = None
            continue
        if joined_ends and joined_ends[-1] == start and (attaches or text[start - 1] in _JOINERS):
            joined_ends[-1] = end
        elif attaches:
            held = (held[0] if held and held[1] == start else start, end)
        else:
            joined_starts.append(held[0] if held and held[1] == start else start)
            joined_ends.append(end)
            held = None
    return joined_starts, joined_ends


def aligned_spans(offsets: tuple[list[int], list[int]], spans: Iterable[Span], example: Example,
                  report: ExportReport) -> list[Span]:
    """``spans`` fitted to whole tokens (reported when that changes one, as
    widened, narrowed or shifted, with the offsets); a span over whitespace
    only, which no token holds, is left out (reported)."""
    starts, ends = offsets
    aligned = []
    for span in spans:
        first, after = bisect.bisect_right(ends, span.start), bisect.bisect_left(starts, span.end)
        if first >= after:
            report.note(NO_TOKEN_SPANS, f"task {example.task_id}: {span.label} {span.text!r}")
            continue
        start, end = starts[first], ends[after - 1]
        if start == span.start and end == span.end:  # nearly always: the span as it is
            aligned.append(span)
            continue
        fitted = Span(start, end, span.label, example.text[start:end])
        report.note(f"spans {_moved(span, fitted)} to whole tokens", _change(example, span, fitted))
        aligned.append(fitted)
    return aligned


def _moved(before: Span, after: Span) -> str:
    if after.start <= before.start and after.end >= before.end:
        return "widened"
    return "narrowed" if after.start >= before.start and after.end <= before.end else "shifted"


def _change(example: Example, before: Span, after: Span) -> str:
    return (f"task {example.task_id}: {before.label} {_bounds(example, before)} {before.text!r} -> "
            f"{_bounds(example, after)} {after.text!r}")


def _bounds(example: Example, span: Span) -> str:
    """``[start, end)`` in the task's text (a part's spans count from the part's start)."""
    return f"[{span.start + example.offset}, {span.end + example.offset})"


TRIMMED = "entity spans trimmed of punctuation or whitespace at their edges"
# Brackets and quotes, each opener with its closer.
_CLOSERS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›", "“": "”", "„": "“", "‘": "’", "‚": "‘",
            '"': '"', "'": "'"}
_OPENERS = {closer: opener for opener, closer in _CLOSERS.items()}
# Punctuation that ends or splits a sentence or clause; not %, #, &, @, * (a percentage or a handle keeps them).
_EDGE_CATEGORIES = ("Pd", "Ps", "Pe", "Pi", "Pf")
_EDGE_MARKS = frozenset(".,;:!?…¡¿\"'")


def trim_entities(example: Example, offsets: tuple[list[int], list[int]], report: ExportReport) -> None:
    """Trim the example's entity spans of whole tokens of punctuation at
    their edges and of whitespace (reported): a full stop or comma after a
    name (``Lisboa.``), quotes or brackets around it (``"Público"``,
    ``(USP)``), but not a bracket or quote whose pair is inside the span
    (``Apple (UK)``), a stop spaCy keeps in its token (``U.S.``, ``Inc.``) or
    a span of punctuation only. Every format writes the trimmed spans; claims
    (sentences) keep their punctuation, and so does the final stop of any span
    that is a whole sentence (:func:`sentence_stop`: a sentence's sentiment,
    a user's ``Frase``). ``offsets`` need to hold only the tokens around the
    spans that :func:`is_ragged` finds."""
    trimmed = []
    for span in example.entities:
        if not is_ragged(span):  # nothing to trim, and the offsets may hold none of its tokens
            trimmed.append(span)
            continue
        if span.text.isspace():  # a drag over a gap: no token, left out of every format as the token formats do
            report.note(NO_TOKEN_SPANS, f"task {example.task_id}: {span.label} {span.text!r}")
            if example.notes:  # its notes and attributes go with it
                example.notes.pop(span, None)
            if example.attributes:
                example.attributes.pop(span, None)
            continue
        start, end = _trimmed(span, offsets, example.text)
        if end < span.end and (stop := sentence_stop(example.text, span.start, span.end)) is not None:
            end = stop  # the stop a whole sentence ends with is its own, not an entity's edge
        if start == span.start and end == span.end:
            trimmed.append(span)
            continue
        fitted = Span(start, end, span.label, example.text[start:end])
        report.note(TRIMMED, _change(example, span, fitted))
        trimmed.append(fitted)
        if example.notes and (notes := example.notes.pop(span, None)):  # the notes go with the span
            with_notes(example.notes, fitted, notes)
        if example.attributes and (answers := example.attributes.pop(span, None)):  # so do its attributes
            for control, answer in answers.items():
                with_attribute(example.attributes, fitted, control, answer)
        if example.relations:  # and its relations
            example.relations = [relation.moved({span: fitted}) for relation in example.relations]
    example.entities = sorted(dict.fromkeys(trimmed))  # "Lisboa" and "Lisboa." labelled alike: one span


def _trimmed(span: Span, offsets: tuple[list[int], list[int]], text: str) -> tuple[int, int]:
    starts, ends = offsets
    first, after = bisect.bisect_right(ends, span.start), bisect.bisect_left(starts, span.end)
    if first >= after:  # over whitespace only: the aligning step reports it
        return span.start, span.end
    head, tail = first, after  # the tokens [head, tail) the span keeps
    # A token the span cuts is not trimmed (the aligning step widens the span to it).
    whole_head, whole_tail = starts[first] >= span.start, ends[after - 1] <= span.end
    while tail - head > 1:  # a span of punctuation only is kept as it is
        opening, closing = text[starts[head]:ends[head]], text[starts[tail - 1]:ends[tail - 1]]
        inside = text[ends[head]:starts[tail - 1]]
        trim_head = (whole_head or head > first) and _edge_mark(opening)
        trim_tail = (whole_tail or tail < after) and _edge_mark(closing)
        if trim_head and trim_tail and _CLOSERS.get(opening) == closing:  # a pair around the rest
            head, tail = head + 1, tail - 1
        elif trim_head and _CLOSERS.get(opening, "\0") not in inside + closing:
            head += 1
        elif trim_tail and _OPENERS.get(closing, "\0") not in opening + inside:
            tail -= 1
        else:
            break
    return max(span.start, starts[head]), min(span.end, ends[tail - 1])


# A sentence ends with these (a run of them: "?!", "..."), then whitespace or the text's end.
_SENTENCE_STOPS = frozenset(".!?…")
# Lowercase words inside names ("Banco do Brasil", "University of the Arts", "Ludwig van Beethoven"): with one
# or two letters they are never read as a sentence's word; these of three letters are names' particles too.
_NAME_PARTICLES = frozenset({"dos", "das", "del", "der", "den", "van", "von", "the", "and", "les", "las", "los"})


def sentence_stop(text: str, start: int, end: int) -> int | None:
    """Where the final stop of the span ``[start, end)`` ends, when the span
    is a whole sentence, else None. A whole sentence starts where one does
    (the text's start, or after a sentence's stop or a line break, spaces
    aside), ends with its stop at its end (whitespace or the text's end
    after it), and holds a word that no name holds: one starting lowercase,
    of three letters or more, no name's particle ("dos", "van"). A name that
    is a sentence of its own ("Lisboa.") stays an entity, its stop trimmed."""
    # Indices walked, not slices stripped: a slice of the text before a span copies it (a book-length text...).
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop <= start or text[stop - 1] not in _SENTENCE_STOPS or text[stop:stop + 1].strip():
        return None
    before = start
    while before and text[before - 1] in " \t":
        before -= 1
    if before and text[before - 1] not in _SENTENCE_STOPS and text[before - 1] not in "\n\r":
        return None
    words = text[start:stop].split()
    if len(words) < 2 or not any(word[0].islower() and len(word.strip(".,;:!?…")) >= 3
                                 and word.strip(".,;:!?…") not in _NAME_PARTICLES for word in words[1:]):
        return None
    return stop


def _edge_mark(token: str) -> bool:
    return all(character in _EDGE_MARKS or unicodedata.category(character) in _EDGE_CATEGORIES
               for character in token)


NOTES_NOT_WRITTEN = "notes on spans (a region's meta.text) not written: {} has no place for them"


def note_notes_not_written(example: Example, fmt: str, report: ExportReport) -> None:
    """Count each span's notes that format ``fmt`` cannot hold (jsonl and csv write them)."""
    for span, notes in example.notes.items():
        report.note(NOTES_NOT_WRITTEN.format(fmt), f"task {example.task_id}: {span.label} {_bounds(example, span)} "
                                                   f"{span.text!r}: {' | '.join(notes)}")


ATTRIBUTES_NOT_WRITTEN = ("per-region answers (a perRegion control's answer about one span) not written: {} has no "
                          "place for them (jsonl writes them as the span's attributes)")


def note_attributes_not_written(example: Example, fmt: str, report: ExportReport) -> None:
    """Count each span's perRegion answers that format ``fmt`` cannot hold."""
    for span, answers in example.attributes.items():
        report.note(ATTRIBUTES_NOT_WRITTEN.format(fmt), f"task {example.task_id}: {span.label} "
                                                        f"{_bounds(example, span)} {span.text!r}: " + "; ".join(
            f"{control}={answer}" for control, answer in answers.items()), len(answers))


RELATIONS_NOT_WRITTEN = "relations not written: {} has no place for them (jsonl writes them, by their spans' indices)"


def note_relations_not_written(example: Example, fmt: str, report: ExportReport) -> None:
    """Count the example's relations, left out of format ``fmt``: each with its two spans."""
    for relation in example.relations or ():
        head, child = relation.head, relation.child
        report.leave_out(RELATIONS_NOT_WRITTEN.format(fmt), f"task {example.task_id}: {head.label} {head.text!r} "
                         f"[{head.start}, {head.end}) -> {child.label} {child.text!r} [{child.start}, {child.end}) "
                         f"({', '.join(relation.labels)}; {relation.direction})")


# What a token-tag format leaves out (note_not_tagged), the format named in the braces.
CHOICES_NOT_TAGGED = ("choices not written: {} holds tokens and their entity tags (jsonl, csv and spacy's doc.cats "
                      "hold them; the choice counts of the card and report.json are the tasks')")
CLAIMS_NOT_TAGGED = "claim spans not written: {} tags entities only (jsonl, csv and spacy's doc.spans hold them)"
CHOICES_NOT_IN_CONLL = CHOICES_NOT_TAGGED.format("CoNLL")
CLAIMS_NOT_IN_CONLL = CLAIMS_NOT_TAGGED.format("CoNLL")


def note_not_tagged(example: Example, report: ExportReport, fmt: str) -> None:
    """Count the example's choices and claims, which token tags (CoNLL's, a token format plugin's: ``fmt`` names it
    in the notes) have no column for: the report counts them as the example's labels, and a dataset built from the
    file alone would lose them unsaid."""
    if choices := example.labels.choices:
        kind = CHOICES_NOT_TAGGED.format(fmt)
        detail = f"task {example.task_id}: " + "; ".join(
            f"{control}={'|'.join(values)}" for control, values in choices.items()
        ) if report.keeps_detail(kind) else None
        report.note(kind, detail, sum(map(len, choices.values())))
    if claims := example.claims:
        kind = CLAIMS_NOT_TAGGED.format(fmt)
        detail = f"task {example.task_id}: " + "; ".join(
            f"{span.label} {_bounds(example, span)} {span.text!r}" for span in claims
        ) if report.keeps_detail(kind) else None
        report.note(kind, detail, len(claims))


def token_entities(aligned: list[Span], example: Example, report: ExportReport) -> list[Span]:
    """The entity spans that ``conll`` tags and ``doc.ents`` holds, from the
    entities ``aligned`` to whole tokens: overlaps resolved (the dropped ones
    reported)."""
    kept, dropped = resolve_overlaps(aligned)
    for span in dropped:
        report.note("overlapping spans left out of the token tags (longest span wins)",
                    f"task {example.task_id}: {span.label} {_bounds(example, span)} {span.text!r}")
    return kept


class JsonlExporter(TokenizingExporter):
    name = "jsonl"
    description = "one example per line: text, spans, claims, sentiment, choices, meta"

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        with SplitFiles(folder, ".jsonl", binary=True) as files:
            opened = files.files  # split -> its file once opened: looked up here, a call less a line
            for example in examples:
                if example.ragged_entities:  # nearly never (see trim): a call less a line
                    self.trim(example, report)
                (opened.get(example.split) or files(example.split)).write(encode_example(example) + b"\n")


    def rename_annotators(self, folder: Path, names: dict[str, str], report: ExportReport) -> None:
        """Each line's ``meta.annotators`` renamed (``Exporter.rename_annotators``),
        the rest of the line as written: the key is the line's last
        ``"annotators":[`` (a string's quotes are escaped; ``meta`` comes last)."""
        decoder = json.JSONDecoder()
        for path in sorted(folder.glob("*.jsonl")):
            with _rewritten(path) as (lines, out):
                for line in lines:
                    at = line.rfind('"annotators":[') + len('"annotators":')
                    annotators, end = decoder.raw_decode(line, at)
                    if names.keys().isdisjoint(annotators):
                        out.write(line)
                    else:
                        out.write(line[:at] + encode_line_safe(renamed(annotators, names)).decode() + line[end:])


class ConllExporter(TokenizingExporter):
    """CoNLL-2003 columns (``token -X- _ tag``) as Label Studio writes them,
    one blank-line-separated block per example, IOB2 tags over spaCy's tokens
    for the example's language. Entity spans only (claims are sentence-long
    and live in the other formats); whitespace tokens are not written.

    Spans are first trimmed of edge punctuation (:func:`trim_entities`), then
    fitted to whole tokens (a span that starts or ends inside a token tags the
    whole token; reported), then overlaps are resolved: the
    longest span wins, then the earliest; the others are left out of the tags
    and reported. Two spans inside one token therefore keep only one.
    """

    name = "conll"
    description = "CoNLL-2003 IOB2 over spaCy tokens (entities)"
    tag_format = "CoNLL"

    def training_lines(self, folder: Path, report: dict[str, Any]) -> list[str]:
        """How `spacy convert` reads the files (one Doc a file, at their `-DOCSTART-` line) and how to get one an
        example."""
        from server.exporting.training import conll_training_lines

        return conll_training_lines(report["files"])

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        with SplitFiles(folder, ".conll", header=DOCUMENT_LINE) as files:
            for example in examples:
                if example.notes:
                    note_notes_not_written(example, self.name, report)
                if example.attributes:
                    note_attributes_not_written(example, self.name, report)
                if example.relations:
                    self.trim(example, report)  # its ends said as the file holds them (and as csv says them)
                    note_relations_not_written(example, self.name, report)
                if example.labels.choices or example.claims:
                    note_not_tagged(example, report, self.tag_format or self.name)
                handle, written = files(example.split), False
                for part in self.parts(example, report):  # one block, written part by part
                    # Joined in C, without a tuple or an f-string per token.
                    rows = "\n".join(map(" -X- _ ".join, zip(*self.tokens_and_tags(part, report))))
                    if rows:
                        handle.write(rows + "\n")
                        written = True
                    if DOCSTART in part.text and (rows.startswith(DOCSTART) or f"\n{DOCSTART}" in rows):
                        # Written as it is (it is the text's), but readers drop it, and its tag, as a document line.
                        report.note(f"tokens {DOCSTART} in CoNLL (readers take their line for a document break)",
                                    f"task {example.task_id}")
                if not written:  # an empty or all-whitespace text: a block CoNLL readers cannot tell from none
                    report.note("examples without a token (no block in CoNLL)", f"task {example.task_id}")
                handle.write("\n")

    def rename_annotators(self, folder: Path, names: dict[str, str], report: ExportReport) -> None:
        """Nothing to rename: CoNLL writes no annotator."""

    def tagged(self, example: Example, report: ExportReport) -> list[tuple[str, str]]:
        """``(token, tag)`` rows of the example."""
        return list(zip(*self.tokens_and_tags(example, report)))


_WHITESPACE = re.compile(r"\s")
# The first letters of IOB/BIOES/BILOU tags: a label "B-ORG" already reads as a tag.
_TAG_LETTERS = frozenset("BIESLU")


def tag_label(span: Span, example: Example, report: ExportReport, fmt: str) -> str:
    """``span``'s label as a CoNLL tag can hold it: whitespace would split the
    tag column (or the line), so it becomes ``_`` (reported). A label that
    starts like a tag is written as it is, behind the tag's own prefix, and
    reported: a reader that strips one prefix reads it back, one that reads
    ``B-B-ORG`` as a tag of ``B-ORG``, or splits at the last ``-``, may not.
    ``fmt`` names the format in the notes (an exporter plugin's tags are not CoNLL's)."""
    label = span.label
    if label[1:2] == "-" and label[:1] in _TAG_LETTERS:  # a slice and a set, not a regex: once a span
        report.note(f"labels that start like an IOB tag (B-, I-...) written behind the tag's prefix in {fmt}",
                    f"task {example.task_id}: {label!r} -> 'B-{label}'")
    if _WHITESPACE.search(label) is None:
        return label
    tag = _WHITESPACE.sub("_", label)
    report.note(f"labels with whitespace written with '_' in {fmt} tags",
                f"task {example.task_id}: {label!r} -> {tag!r}")
    return tag


# What a Doc of the tokenizer with entities holds per token (``SPACY``, its spaces, is always
# stored): spaCy's default DocBin stores 13 attributes, the other 9 all zero here (the tokenizer
# sets no tag, lemma, parse, morphology or sentence, the exporter no entity IDs), and
# DocBin.to_bytes copies the arrays four times over: a 5 MB text's export peaked at 705 MB
# RSS with all 13, 345 MB with these. The Docs read back are the same.
DOC_BIN_ATTRS = ("ORTH", "NORM", "ENT_IOB", "ENT_TYPE")


class SpacyExporter(TokenizingExporter):
    """A ``DocBin`` per split (``train.spacy`` ...), readable by ``spacy train``:
    entity spans in ``doc.ents`` (overlaps resolved like ``conll``) and all of
    them in ``doc.spans["sc"]``; claims in ``doc.spans["claims"]``; choices in
    ``doc.cats`` (``control:value``, 1.0 for the chosen values, 0.0 for the
    config's other values of an answered multiple-choice control; a ':' in the
    control's name escaped, :func:`cats_key`)."""

    name = "spacy"
    description = "spaCy DocBin per split: ents, spans['sc'], spans['claims'], cats"

    def __init__(self, languages: Sequence[str] = tuple(DEFAULTS["LANGUAGES"])) -> None:
        super().__init__(languages)
        self.written: dict[Path, DocsWritten] = {}  # an export's folder: what its Docs held, until its card
        # An export's folder: its config's multiple-choice controls and their values, until its write.
        self.multiple_choices: dict[Path, dict[str, tuple[str, ...]]] = {}

    def configure(self, folder: Path, settings: Settings) -> None:
        if settings.multiple_choices:
            self.multiple_choices[folder] = settings.multiple_choices

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        from spacy.tokens import DocBin

        from server.exporting.training import DocsWritten

        bins: dict[str, Any] = {}
        written = self.written[folder] = DocsWritten()  # for the card's training commands (training_lines)
        multiple_choices = self.multiple_choices.pop(folder, {})
        for example in examples:
            if example.notes:
                note_notes_not_written(example, self.name, report)
            if example.attributes:
                note_attributes_not_written(example, self.name, report)
            if example.relations:
                self.trim(example, report)  # its ends said as the file holds them (and as csv says them)
                note_relations_not_written(example, self.name, report)
            for part in self.parts(example, report):  # a Doc each: a text's part_offset says where it starts
                doc = self.doc(part, report, multiple_choices)
                if part is not example:
                    doc.user_data["part_offset"] = part.offset
                written.add(doc)
                bins.setdefault(example.split, DocBin(DOC_BIN_ATTRS, store_user_data=True)).add(doc)
        for split, doc_bin in bins.items():
            doc_bin.to_disk(folder / f"{split}.spacy")

    def training_lines(self, folder: Path, report: dict[str, Any]) -> list[str]:
        """The card's `spacy init config` and `spacy train` commands, for what the Docs ``write`` wrote hold."""
        from server.exporting.training import spacy_training_lines

        written = self.written.pop(folder, None)
        return spacy_training_lines(written, report["files"]) if written and written.languages else []

    def choice_named(self, control: str, values: Sequence[str]) -> str:
        """The answer's ``doc.cats`` keys (``overall_tone:Negative``; several values, a key each, joined with " + "):
        the names ``spacy train``'s textcat learns, which the card gives (s48-userpass: it wrote
        ``overall_tone=Negative``, the report's key, and a reader looked for it in the DocBin)."""
        return " + ".join(cats_key(control, value) for value in values)

    def rename_annotators(self, folder: Path, names: dict[str, str], report: ExportReport) -> None:
        """Each Doc's ``user_data["annotators"]`` renamed (``Exporter.rename_annotators``): a DocBin is
        read and written whole (as it is built, in memory, by ``write``)."""
        import srsly
        from spacy.tokens import DocBin

        for path in sorted(folder.glob("*.spacy")):
            doc_bin = DocBin(store_user_data=True).from_disk(path)
            for number, packed in enumerate(doc_bin.user_data):
                user_data = srsly.msgpack_loads(packed)
                if not names.keys().isdisjoint(user_data.get("annotators") or ()):
                    user_data["annotators"] = renamed(user_data["annotators"], names)
                    doc_bin.user_data[number] = srsly.msgpack_dumps(user_data)
            doc_bin.to_disk(path)

    def doc(self, example: Example, report: ExportReport,
            multiple_choices: dict[str, tuple[str, ...]] | None = None) -> Any:
        doc = example_doc(example, self.languages, report)
        offsets = doc_offsets(doc)
        self.trim(example, report, offsets)
        entities = aligned_spans(offsets, example.entities, example, report)
        claims = aligned_spans(offsets, example.claims, example, report)
        doc.ents = [doc.char_span(s.start, s.end, label=s.label) for s in token_entities(entities, example, report)]
        for key, spans in ((ENTITY_SPANS_KEY, entities), (CLAIM_SPANS_KEY, claims)):
            doc.spans[key] = [doc.char_span(s.start, s.end, label=s.label) for s in spans]
        doc.cats = {cats_key(control, value, example, report): 1.0
                    for control, values in example.labels.choices.items() for value in values}
        if multiple_choices and example.labels.choices:
            doc.cats.update(unchosen_cats(example, multiple_choices))
        doc.user_data.update({"task_id": example.task_id, "anota_id": example.anota_id,
                              "annotators": example.annotators, "source": example.source, **_field_cell(example)})
        return doc


def unchosen_cats(example: Example, multiple_choices: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """0.0 for each value of a multiple-choice control (choice="multiple") that its answer left out:
    spaCy's textcat_multilabel reads a key a Doc lacks as unknown, not as 0, and would learn no negative.
    Only for a control the example answers: an unanswered one (no value kept, as under ``majority`` where
    none had a majority) stays unknown; a single-choice control's others stay absent (``textcat`` reads
    them as 0). A Taxonomy's node above a chosen path ("Topic / Economy" of "Topic / Economy / Inflation")
    stays unknown too: the text is not *not* about it."""
    return {cats_key(control, value): 0.0 for control, chosen in example.labels.choices.items()
            for value in multiple_choices.get(control, ()) if value not in chosen and not _above(value, chosen)}


def _above(value: str, chosen: tuple[str, ...]) -> bool:
    """Whether a Taxonomy path is a node above one of the ``chosen`` paths (each joined with " / ")."""
    start = value + PATH_SEPARATOR
    return any(path.startswith(start) for path in chosen)


CATS_ESCAPED = "choice controls whose name holds ':' or '\\' written with a backslash before it in spaCy cats keys"
_CATS_SPECIAL = re.compile(r"([\\:])")


def cats_key(control: str, value: str, example: Example | None = None, report: ExportReport | None = None) -> str:
    """The ``doc.cats`` key of a choice: ``control:value``, read back by
    splitting at the first ':' without a backslash before it (:func:`split_cats_key`). A ':' (or '\\') in
    the control's name is escaped with a backslash (reported): 'topic:sport' +
    'yes' and 'topic' + 'sport:yes' were one key, and one choice was lost."""
    escaped = _CATS_SPECIAL.sub(r"\\\1", control)
    if escaped != control and report is not None and example is not None:
        report.note(CATS_ESCAPED, f"task {example.task_id}: {control!r} -> {escaped!r}")
    return f"{escaped}:{value}"


def split_cats_key(key: str) -> tuple[str, str]:
    """``(control, value)`` of a :func:`cats_key`."""
    control, value = _CATS_KEY.split(key, maxsplit=1)[1:]
    return re.sub(r"\\(.)", r"\1", control), value


_CATS_KEY = re.compile(r"^((?:[^\\:]|\\.)*):", re.DOTALL)  # the control's name, escapes and all, and its ':'


class CsvExporter(TokenizingExporter):
    """``<split>.csv``: one row per task and choice control (the sentiment);
    ``<split>.spans.csv``: one row per span, claims and entities (``kind``).
    A control's several values, and an example's annotators, are one cell
    joined with ``|`` (:func:`~server.exporting.report.join_values`: a ``|`` or ``\\``
    inside a value is escaped with a backslash, and reported)."""

    name = "csv"
    description = "CSV: choices per task, and one row per claim or entity span"

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        from schemas.dataset import CHOICE_ROW_SCHEMA, SPAN_ROW_SCHEMA  # here: the other formats need no marshmallow

        with SplitFiles(folder, ".csv") as choice_files, SplitFiles(folder, ".spans.csv") as span_files:
            choice_writers: dict[str, Any] = {}
            span_writers: dict[str, Any] = {}
            for example in examples:
                split = example.split
                if split not in choice_writers:
                    choice_writers[split] = _writer(choice_files(split), CHOICE_ROW_SCHEMA, example.field_key)
                    span_writers[split] = _writer(span_files(split), SPAN_ROW_SCHEMA, example.field_key)
                elif example.field_key is not None and "field" not in span_writers[split].fieldnames:
                    # Without a labeling config, the first task whose spans are on several texts may come late.
                    choice_writers[split] = _with_field_column(choice_files, split)
                    span_writers[split] = _with_field_column(span_files, split)
                self.trim(example, report)
                if example.attributes:
                    note_attributes_not_written(example, self.name, report)
                if example.relations:
                    note_relations_not_written(example, self.name, report)
                annotators = join_values(example.annotators)
                for row in self.choice_rows(example, annotators, report):
                    note_formula_cells(row, example, report)
                    choice_writers[split].writerow(CHOICE_ROW_SCHEMA.dump(row))
                for row in self.span_rows(example, annotators, report):
                    note_formula_cells(row, example, report)
                    span_writers[split].writerow(SPAN_ROW_SCHEMA.dump(row))

    def choice_rows(self, example: Example, annotators: str, report: ExportReport) -> Iterable[dict[str, Any]]:
        for control, values in example.labels.choices.items():
            choice = join_values(values)
            if "\\" in choice:  # only an escape writes one (a value's own is doubled)
                report.note("choices with '|' or '\\' escaped with a backslash in CSV",
                            f"task {example.task_id}, {control}: {list(values)} -> {choice!r}")
            yield {"task_id": example.task_id, "anota_id": example.anota_id, "split": example.split,
                   "control": control, "choice": choice, "annotators": annotators, "text": example.text,
                   **_field_cell(example)}

    def span_rows(self, example: Example, annotators: str, report: ExportReport) -> Iterable[dict[str, Any]]:
        notes = example.notes or {}
        for kind, spans in (("claim", example.claims), ("entity", example.entities)):
            for span in spans:
                noted = join_values(notes.get(span, ()))
                if "\\" in noted:  # only an escape writes one (a note's own is doubled)
                    report.note("notes with '|' or '\\' escaped with a backslash in CSV",
                                f"task {example.task_id}: {list(notes[span])} -> {noted!r}")
                yield {"task_id": example.task_id, "anota_id": example.anota_id, "split": example.split,
                       "kind": kind, "label": span.label, "start": span.start, "end": span.end, "span": span.text,
                       "annotators": annotators, "notes": noted, **_field_cell(example)}

    def rename_annotators(self, folder: Path, names: dict[str, str], report: ExportReport) -> None:
        """Each row's ``annotators`` cell renamed (``Exporter.rename_annotators``), the other cells as written."""
        for path in sorted(folder.glob("*.csv")):
            with _rewritten(path) as (lines, out):
                rows, writer = csv.reader(lines), csv.writer(out)
                header = next(rows)
                writer.writerow(header)
                column = header.index("annotators")
                for row in rows:
                    if (annotators := split_values(row[column])) and not names.keys().isdisjoint(annotators):
                        row[column] = join_values(renamed(annotators, names))
                    writer.writerow(row)


# What a spreadsheet reads as a formula at a cell's start (OWASP's "CSV injection" list).
FORMULA_STARTS = frozenset("=+-@\t\r")
FORMULA_CELLS = ("CSV cells that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage "
                 "return), written as they are: import the file with its columns as text, not by opening it")


def note_formula_cells(row: dict[str, Any], example: Example, report: ExportReport) -> None:
    """Say which cells a spreadsheet would run as a formula. They are written
    as annotated: a dataset's text and labels must read back as they were
    (``-V3.2``, ``+351 ...``, ``@user`` are text), and OWASP's escape, a
    leading ``'``, would change them for every reader that is not a
    spreadsheet; the note (and the dataset card) tells whoever opens one."""
    for column, value in row.items():
        if type(value) is str and value[:1] in FORMULA_STARTS:
            report.note(FORMULA_CELLS, f"task {example.task_id}, {column}: {value[:40]!r}")


@contextlib.contextmanager
def _rewritten(path: Path) -> Iterator[tuple[Iterable[str], IO[str]]]:
    """``path``'s lines (as written: UTF-8, line ends kept) and a file that
    replaces it when the block ends without an error: a file rewritten as a
    stream, in the export's work folder (nothing is in place before the end)."""
    rewritten = path.with_name(f"{path.name}.renamed")
    with path.open(encoding="utf-8", newline="") as lines, rewritten.open("w", encoding="utf-8", newline="") as out:
        yield lines, out
    os.replace(rewritten, path)


def _field_cell(example: Example) -> dict[str, str]:
    return {} if example.field_key is None else {"field": example.field_key}


def _writer(handle: Any, schema: Any, field: str | None) -> Any:
    """A CSV writer of ``schema``'s columns, ``field`` among them only in an export of several labelled Texts."""
    writer = csv.DictWriter(handle, fieldnames=[name for name in schema.fields if name != "field" or field])
    writer.writeheader()
    return writer


def _with_field_column(files: SplitFiles, split: str) -> Any:
    """A writer of the split's rows to come with a last column ``field``, the
    file's rows so far rewritten with it empty (each its task's one text)."""
    path = Path(files(split).name)
    files(split).close()
    widened = path.with_name(f"{path.name}.field")
    with path.open(encoding="utf-8", newline="") as rows, widened.open("w", encoding="utf-8", newline="") as out:
        reader, writer = csv.reader(rows), csv.writer(out)
        header = [*next(reader), "field"]
        writer.writerow(header)
        writer.writerows([*row, ""] for row in reader)
    widened.replace(path)
    files.files[split] = path.open("a", encoding="utf-8", newline="", buffering=SplitFiles.BUFFER)
    return csv.DictWriter(files.files[split], fieldnames=header)


@hookimpl
def register_exporters(register: Callable[[Exporter], None], app: Flask | CommandApp) -> None:
    languages = app.config["LANGUAGES"]
    for exporter in (JsonlExporter(languages), ConllExporter(languages), SpacyExporter(languages),
                     CsvExporter(languages)):
        register(exporter)
