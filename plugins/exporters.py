"""Built-in plugin: the dataset formats of ``anota export``.

- ``jsonl``: one example per line (``schemas.dataset.ExampleSchema``);
- ``conll``: CoNLL-2003 columns with IOB2 tags over spaCy tokens;
- ``spacy``: a ``DocBin`` per split that ``spacy train`` reads as is;
- ``csv``: one row per task and choice control, one row per span.

Each writes ``<split><suffix>`` files: ``train``, ``dev``, ``test`` with
``--split``, only ``train`` without.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from flask import Flask

from schemas.dataset import CHOICE_ROW_SCHEMA, SPAN_ROW_SCHEMA, encode_example
from server import hookimpl
from server.analysis import DEFAULT_LANGUAGES, detect_language
from server.exporting.examples import Example, Exporter, Span, SplitFiles
from server.exporting.report import ExportReport, join_values

__version__ = "0.1.0"

ENTITY_SPANS_KEY = "sc"
DOCSTART = "-DOCSTART-"
CLAIM_SPANS_KEY = "claims"


MULTI_LANGUAGE = "xx"
_LANGUAGE_CODE = re.compile("[a-z]{2,3}")  # spaCy's language codes (ISO 639-1, a few 639-3, and xx)


# Bounded: ``data.language`` is the task's to give, and a file that gives
# every task a language of its own must not keep a tokenizer for each.
@functools.lru_cache(maxsize=256)
def tokenizer(language: str) -> Any:
    """spaCy's rule-based tokenizer for ``language`` (no model, offline): a
    tag like ``pt-BR`` or ``en_US`` uses its language's rules; a language
    spaCy has no rules for, its multi-language ones (``tokenizer.vocab.lang``
    says which)."""
    for candidate in dict.fromkeys((language, re.split("[-_]", language.strip())[0].lower())):
        # spaCy imports spacy.lang.<candidate>: a name like 'punctuation' is one of
        # its helper modules, which has no language (an AttributeError, not an ImportError).
        if not _LANGUAGE_CODE.fullmatch(candidate):
            continue
        try:
            return _spacy_tokenizer(candidate)
        except ImportError:  # spaCy has no rules for this language
            continue
    return _spacy_tokenizer(MULTI_LANGUAGE)


@functools.cache  # one per language spaCy has rules for (a failed one raises, and is not kept)
def _spacy_tokenizer(language: str) -> Any:
    import spacy

    return spacy.blank(language).tokenizer


def tokenize(example: Example, languages: Sequence[str], report: ExportReport | None = None) -> Any:
    """A ``Doc`` of the example's tokens, in its language (given, else detected
    among ``languages``); a language without rules of its own is reported."""
    language = example.language or detect_language(example.text, languages)
    chosen = tokenizer(language)
    if report is not None and chosen.vocab.lang == MULTI_LANGUAGE != language:
        report.note("languages spaCy has no tokenizer for (its multi-language rules used)",
                    f"task {example.task_id}: {language!r}")
    return chosen(example.text)


class TokenizingExporter(Exporter):
    """An exporter that tokenizes; detects languages among the app's ``LANGUAGES``."""

    def __init__(self, languages: Sequence[str] = DEFAULT_LANGUAGES) -> None:
        self.languages = tuple(languages)


def resolve_overlaps(spans: Iterable[Span]) -> tuple[list[Span], list[Span]]:
    """The documented overlap rule of ``conll`` and of ``spacy``'s ``doc.ents``:
    the longest span wins, then the earliest; a span overlapping one already
    kept is dropped (and reported). Returns ``(kept in text order, dropped)``."""
    ordered = sorted(spans)  # by start, and spans with one start overlap
    if all(before.end <= after.start for before, after in itertools.pairwise(ordered)):
        return ordered, []  # nearly always: nothing to resolve
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in sorted(ordered, key=lambda s: (s.start - s.end, s.start, s.label)):
        if any(span.start < other.end and other.start < span.end for other in kept):
            dropped.append(span)
        else:
            kept.append(span)
    return sorted(kept, key=lambda s: s.start), dropped


def token_offsets(doc: Any) -> tuple[list[int], list[int]]:
    """Start and end offsets of the tokens that are not whitespace. From the
    token array: a Token object per token costs more than tokenizing."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH  # here: a jsonl or csv export needs no spaCy

    words = doc.to_array([IDX, LENGTH, IS_SPACE])
    if words[:, 2].any():  # line breaks, runs of spaces: numpy drops them, no Python step per token
        words = words[words[:, 2] == 0]
    return words[:, 0].tolist(), (words[:, 0] + words[:, 1]).tolist()


def aligned_spans(offsets: tuple[list[int], list[int]], spans: Iterable[Span], example: Example,
                  report: ExportReport) -> list[Span]:
    """``spans`` widened to whole tokens (reported when that changes one); a
    span over whitespace only, which no token holds, is left out (reported)."""
    starts, ends = offsets
    aligned = []
    for span in spans:
        first, after = bisect.bisect_right(ends, span.start), bisect.bisect_left(starts, span.end)
        if first >= after:
            report.note("spans over no token left out", f"task {example.task_id}: {span.label} {span.text!r}")
            continue
        start, end = starts[first], ends[after - 1]
        if start == span.start and end == span.end:  # nearly always: the span as it is
            aligned.append(span)
            continue
        report.note("spans widened to whole tokens",
                    f"task {example.task_id}: {span.label} {span.text!r} -> {example.text[start:end]!r}")
        aligned.append(Span(start, end, span.label, example.text[start:end]))
    return aligned


def token_entities(aligned: list[Span], example: Example, report: ExportReport) -> list[Span]:
    """The entity spans that ``conll`` tags and ``doc.ents`` holds, from the
    entities ``aligned`` to whole tokens: overlaps resolved (the dropped ones
    reported)."""
    kept, dropped = resolve_overlaps(aligned)
    for span in dropped:
        report.note("overlapping spans left out of the token tags (longest span wins)",
                    f"task {example.task_id}: {span.label} [{span.start}, {span.end}) {span.text!r}")
    return kept


class JsonlExporter(Exporter):
    name = "jsonl"
    description = "one example per line: text, spans, claims, sentiment, choices, meta"

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        with SplitFiles(folder, ".jsonl", binary=True) as files:
            for example in examples:
                files(example.split).write(encode_example(example) + b"\n")


class ConllExporter(TokenizingExporter):
    """CoNLL-2003 columns (``token -X- _ tag``) as Label Studio writes them,
    one blank-line-separated block per example, IOB2 tags over spaCy's tokens
    for the example's language. Entity spans only (claims are sentence-long
    and live in the other formats); whitespace tokens are not written.

    Spans are first widened to whole tokens (a span that starts or ends inside
    a token tags the whole token; reported), then overlaps are resolved: the
    longest span wins, then the earliest; the others are left out of the tags
    and reported. Two spans inside one token therefore keep only one.
    """

    name = "conll"
    description = "CoNLL-2003 IOB2 over spaCy tokens (entities)"

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        with SplitFiles(folder, ".conll", header=f"{DOCSTART} -X- O\n") as files:
            for example in examples:
                # Joined in C, without a tuple or an f-string per token.
                rows = "\n".join(map(" -X- _ ".join, zip(*self.tokens_and_tags(example, report))))
                if not rows:  # an empty or all-whitespace text: a block CoNLL readers cannot tell from none
                    report.note("examples without a token (no block in CoNLL)", f"task {example.task_id}")
                elif DOCSTART in example.text and (rows.startswith(DOCSTART) or f"\n{DOCSTART}" in rows):
                    # Written as it is (it is the text's), but readers drop it, and its tag, as a document line.
                    report.note(f"tokens {DOCSTART} in CoNLL (readers take their line for a document break)",
                                f"task {example.task_id}")
                files(example.split).write(rows + "\n\n" if rows else "\n")

    def tagged(self, example: Example, report: ExportReport) -> list[tuple[str, str]]:
        """``(token, tag)`` rows of the example."""
        return list(zip(*self.tokens_and_tags(example, report)))

    def tokens_and_tags(self, example: Example, report: ExportReport) -> tuple[list[str], list[str]]:
        starts, ends = token_offsets(tokenize(example, self.languages, report))
        tags = ["O"] * len(starts)
        # The spans are on whole tokens and do not overlap: tag each span's tokens, not each token.
        aligned = aligned_spans((starts, ends), example.entities, example, report)
        for span in token_entities(aligned, example, report):
            first, after = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
            label = tag_label(span, example, report)
            tags[first:after] = [f"B-{label}"] + [f"I-{label}"] * (after - first - 1)
        text = example.text
        return [text[start:end] for start, end in zip(starts, ends)], tags


_WHITESPACE = re.compile(r"\s")


def tag_label(span: Span, example: Example, report: ExportReport) -> str:
    """``span``'s label as a CoNLL tag can hold it: whitespace would split the
    tag column (or the line), so it becomes ``_`` (reported)."""
    label = span.label
    if _WHITESPACE.search(label) is None:
        return label
    tag = _WHITESPACE.sub("_", label)
    report.note("labels with whitespace written with '_' in CoNLL tags",
                f"task {example.task_id}: {label!r} -> {tag!r}")
    return tag


class SpacyExporter(TokenizingExporter):
    """A ``DocBin`` per split (``train.spacy`` ...), readable by ``spacy train``:
    entity spans in ``doc.ents`` (overlaps resolved like ``conll``) and all of
    them in ``doc.spans["sc"]``; claims in ``doc.spans["claims"]``; choices in
    ``doc.cats`` (``control:value``, 1.0 for the chosen values)."""

    name = "spacy"
    description = "spaCy DocBin per split: ents, spans['sc'], spans['claims'], cats"

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        from spacy.tokens import DocBin

        bins: dict[str, Any] = {}
        for example in examples:
            doc = self.doc(example, report)
            bins.setdefault(example.split, DocBin(store_user_data=True)).add(doc)
        for split, doc_bin in bins.items():
            doc_bin.to_disk(folder / f"{split}.spacy")

    def doc(self, example: Example, report: ExportReport) -> Any:
        doc = tokenize(example, self.languages, report)
        offsets = token_offsets(doc)
        entities = aligned_spans(offsets, example.entities, example, report)
        claims = aligned_spans(offsets, example.claims, example, report)
        doc.ents = [doc.char_span(s.start, s.end, label=s.label) for s in token_entities(entities, example, report)]
        for key, spans in ((ENTITY_SPANS_KEY, entities), (CLAIM_SPANS_KEY, claims)):
            doc.spans[key] = [doc.char_span(s.start, s.end, label=s.label) for s in spans]
        doc.cats = {f"{control}:{value}": 1.0 for control, values in example.labels.choices.items()
                    for value in values}
        doc.user_data.update({"task_id": example.task_id, "anota_id": example.anota_id,
                              "annotators": example.annotators, "source": example.source})
        return doc


class CsvExporter(Exporter):
    """``<split>.csv``: one row per task and choice control (the sentiment);
    ``<split>.spans.csv``: one row per span, claims and entities (``kind``).
    A control's several values, and an example's annotators, are one cell
    joined with ``|`` (:func:`~server.exporting.report.join_values`: a ``|`` or ``\\``
    inside a value is escaped with a backslash, and reported)."""

    name = "csv"
    description = "CSV: choices per task, and one row per claim or entity span"

    def write(self, examples: Iterable[Example], folder: Path, report: ExportReport) -> None:
        with SplitFiles(folder, ".csv") as choice_files, SplitFiles(folder, ".spans.csv") as span_files:
            choice_writers: dict[str, Any] = {}
            span_writers: dict[str, Any] = {}
            for example in examples:
                split = example.split
                if split not in choice_writers:
                    choice_writers[split] = _writer(choice_files(split), CHOICE_ROW_SCHEMA)
                    span_writers[split] = _writer(span_files(split), SPAN_ROW_SCHEMA)
                annotators = join_values(example.annotators)
                for row in self.choice_rows(example, annotators, report):
                    choice_writers[split].writerow(CHOICE_ROW_SCHEMA.dump(row))
                for row in self.span_rows(example, annotators):
                    span_writers[split].writerow(SPAN_ROW_SCHEMA.dump(row))

    def choice_rows(self, example: Example, annotators: str, report: ExportReport) -> Iterable[dict[str, Any]]:
        for control, values in example.labels.choices.items():
            choice = join_values(values)
            if "\\" in choice:  # only an escape writes one (a value's own is doubled)
                report.note("choices with '|' or '\\' escaped with a backslash in CSV",
                            f"task {example.task_id}, {control}: {list(values)} -> {choice!r}")
            yield {"task_id": example.task_id, "anota_id": example.anota_id, "split": example.split,
                   "control": control, "choice": choice, "annotators": annotators, "text": example.text}

    def span_rows(self, example: Example, annotators: str) -> Iterable[dict[str, Any]]:
        for kind, spans in (("claim", example.claims), ("entity", example.entities)):
            for span in spans:
                yield {"task_id": example.task_id, "anota_id": example.anota_id, "split": example.split,
                       "kind": kind, "label": span.label, "start": span.start, "end": span.end, "span": span.text,
                       "annotators": annotators}


def _writer(handle: Any, schema: Any) -> Any:
    writer = csv.DictWriter(handle, fieldnames=list(schema.fields))
    writer.writeheader()
    return writer


@hookimpl
def register_exporters(register, app: Flask) -> None:
    languages = app.config["LANGUAGES"]
    for exporter in (JsonlExporter(), ConllExporter(languages), SpacyExporter(languages), CsvExporter()):
        register(exporter)
