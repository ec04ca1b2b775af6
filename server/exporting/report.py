"""The report of an export: what was exported, left out and repaired,
agreement between annotators, and how much of each plugin's pre-annotation
survived; written as ``report.json``, a ``README.md`` dataset card, and the
summary ``anota export`` prints.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections import _count_elements as count_into  # Counter.update's C loop
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import msgspec

from schemas.label_studio_export import ChoiceRegion, split_escaped
from server.exporting.annotators import (AgreementSpans, AnnotatorTable, PairCounts, SpanComparison, card_lines,
                                         summary_line)
from server.exporting.examples import CLAIM_LABELS, Example, Labels, Span, span_answers

DETAILS_KEPT = 50  # detailed messages per kind kept in the report; all are counted
# Anota's own span labels: an export of them, the usual one, asks server.labeling (150 ms to import) nothing.
ANOTA_SPAN_LABELS = frozenset({"PER", "ORG", "LOC", "PRODUCT"}) | CLAIM_LABELS
CLAIMS_READ_AS_ENTITIES = ("spans under a claim's name exported as entities (no labeling config says they are claims: "
                           "give the project's with --label-config FILE)")
LABEL_OF = operator.attrgetter("label")  # a span's label, read in C (by map)


class ExportReport:
    """Everything counted during one export; becomes report.json and README.md."""

    def __init__(self) -> None:
        self.tasks_read = 0
        self.examples: Counter[str] = Counter()
        self.labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.choices: dict[str, Counter[str]] = defaultdict(Counter)
        # The one-value answers (``topics=Economia``) of each value of the answers of several values counted:
        # compared with each other and with the other answers, as two answers' values are (note_alike_values).
        self.answer_values: set[str] = set()
        self.left_out: Counter[str] = Counter()
        self.repaired: Counter[str] = Counter()
        # kind -> how each was repaired -> count, for the kinds a repair says how of (the spans placed).
        self.repaired_how: dict[str, Counter[str]] = defaultdict(Counter)
        self.notes: Counter[str] = Counter()
        self.details: dict[str, list[str]] = defaultdict(list)
        self.agreement = Agreement()
        self.survival = Survival()
        self.annotators = AnnotatorTable()
        self.agreement.annotator_pairs = self.annotators.pairs
        # A user the file gave as a bare id before its object: id -> the object's name, which the examples
        # and details written under the id take at the end (UserNames.renamed; a map of users, not tasks).
        self.renamed_annotators: dict[str, str] = {}
        self._annotators_table: dict[str, Any] | None = None

    def _detail(self, kind: str, detail: str | None) -> None:
        if detail and len(self.details[kind]) < DETAILS_KEPT:
            self.details[kind].append(detail)

    def rename_annotators(self) -> None:
        """Name the annotators in the details (``annotator '5'``) as the
        examples name them once renamed (``renamed_annotators``)."""
        for details in self.details.values():
            for old, new in self.renamed_annotators.items():
                details[:] = [detail.replace(f"annotator {old!r}", f"annotator {new!r}") for detail in details]

    def keeps_detail(self, kind: str) -> bool:
        """Whether a detail of ``kind`` would still be kept: a note given on nearly every example builds its
        detail only then."""
        return len(self.details.get(kind, ())) < DETAILS_KEPT

    def leave_out(self, kind: str, detail: str | None = None, count: int = 1) -> None:
        self.left_out[kind] += count
        self._detail(kind, detail)

    def repair(self, kind: str, detail: str, how: str | None = None) -> None:
        """Count a repair of ``kind``; ``how``, when said, counted apart (report.json's ``repaired_how``)."""
        self.repaired[kind] += 1
        if how is not None:
            self.repaired_how[kind][how] += 1
        self._detail(kind, detail)

    def note(self, kind: str, detail: str | None = None, count: int = 1) -> None:
        """What a format could not hold, or how it resolved it."""
        self.notes[kind] += count
        self._detail(kind, detail)

    def count_example(self, example: Example) -> bool:
        """Count the example in; True when it brings a label or choice not counted before."""
        split = example.split
        count_into(self.examples, (split,))  # a Counter's ``+= 1`` takes the slow path of a subclass's store
        labels, choices = self.labels[split], self.choices[split]
        known = len(labels) + len(choices)
        if example.labels.spans:
            count_into(labels, map(LABEL_OF, example.labels.spans))
        for control_values in example.labels.choices.items():
            count_into(choices, (CHOICE_KEYS[control_values],))
            if len(control_values[1]) > 1:  # nearly never
                control = control_values[0]
                self.answer_values.update(CHOICE_KEYS[control, (value,)] for value in control_values[1])
        return len(labels) + len(choices) != known

    def order_splits(self, names: Sequence[str]) -> None:
        """Put the counts by split in the order ``--split`` names them (train,
        dev, test): they were in the order each split's first example came,
        and the summary said "wrote 33 test, 246 train, 16 dev examples"."""
        rank = {name: n for n, name in enumerate(names)}

        def in_order(by_split: Mapping[str, Any]) -> list[tuple[str, Any]]:
            return sorted(by_split.items(), key=lambda item: rank.get(item[0], len(rank)))

        self.examples = Counter(dict(in_order(self.examples)))
        self.labels = defaultdict(Counter, in_order(self.labels))
        self.choices = defaultdict(Counter, in_order(self.choices))

    def note_alike_values(self) -> None:
        """Note labels, and choice answers, that differ only in their Unicode
        form (``Organização`` composed, NFC, and decomposed, NFD, as a config
        typed on macOS may hold): two classes that print alike; and those that
        differ only in case (``ORG`` and ``Org``: a label typed by hand, a
        config changed while annotating), two classes a model learns apart;
        and those that differ only by invisible characters (``\ufeffORG``
        from a config saved with a byte order mark, ``Positive\u200b`` pasted
        from a web page), two classes that print alike. Checked once, over the
        distinct values counted, not per span."""
        for kind, values in (("labels", self.labels.values()), ("choices", [*self.choices.values(),
                                                                             self.answer_values])):
            forms: dict[str, set[str]] = defaultdict(set)
            for value in dict.fromkeys(itertools.chain.from_iterable(values)):
                forms[value if value.isascii() else unicodedata.normalize("NFC", value)].add(value)  # ASCII: one form
            cases: dict[str, set[str]] = defaultdict(set)
            seen: dict[str, set[str]] = defaultdict(set)
            for form, alike in forms.items():
                cases[form.casefold()].add(form)
                seen[without_invisible(form)].add(form)
                if len(alike) > 1:
                    self.note(f"{kind} that differ only in Unicode form (NFC, NFD): classes that print alike",
                              " and ".join(ascii(value) for value in sorted(alike)))
            for alike in cases.values():
                if len(alike) > 1:
                    self.note(f"{kind} that differ only in case: classes a model learns apart",
                              " and ".join(ascii(value) for value in sorted(alike)))
            for alike in seen.values():
                if len(alike) > 1:
                    self.note(f"{kind} that differ only by invisible characters (zero-width spaces and joiners, "
                              "byte order marks): classes that print alike",
                              " and ".join(ascii(value) for value in sorted(alike)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "tasks_read": self.tasks_read,
            "examples": dict(self.examples),
            "labels": {split: dict(counts.most_common()) for split, counts in self.labels.items()},
            "choices": {split: dict(counts.most_common()) for split, counts in self.choices.items()},
            "left_out": dict(self.left_out.most_common()),
            "repaired": dict(self.repaired.most_common()),
            # Only when a repair said how: every other report.json stays as it was.
            **({"repaired_how": {kind: dict(hows.most_common()) for kind, hows in self.repaired_how.items()}}
               if self.repaired_how else {}),
            "format_notes": dict(self.notes.most_common()),
            "details": dict(self.details),
            "agreement": self.agreement.as_dict(),
            "prediction_survival": self.survival.as_dict(),
            # Only where several annotated: every other report.json stays as it was.
            **({"annotators": table} if (table := self.annotators_table()) else {}),
        }

    def annotators_table(self) -> dict[str, Any] | None:
        """report.json's ``annotators`` (None unless several annotated), made once: the summary reads it after
        report.json, and on 600 annotators it takes seconds (fixtures/s50-export). Asked only when every task is
        converted: the converter adds to its counts until then."""
        if self._annotators_table is None and self.annotators.several(self.renamed_annotators):
            self._annotators_table = self.annotators.as_dict(self.renamed_annotators)
        return self._annotators_table


def without_invisible(value: str) -> str:
    """``value`` without its format characters (Unicode category Cf: zero-width spaces and joiners, the byte
    order mark, the soft hyphen, direction marks), which print as nothing."""
    if value.isascii():
        return value
    return "".join(character for character in value if unicodedata.category(character) != "Cf")


def choice_key(control: str, values: Sequence[str]) -> str:
    """A control's answer as the report counts it: ``control=values`` (:func:`join_values`),
    a ``=`` or ``\\`` in the control's name escaped with a backslash, so that ``topic=sport``
    answering ``yes`` and ``topic`` answering ``sport=yes`` stay two keys: split at the
    first ``=`` that no backslash escapes."""
    if "=" in control or "\\" in control:  # nearly never
        control = control.replace("\\", "\\\\").replace("=", "\\=")
    return f"{control}={join_values(values)}"


class ChoiceKeys(dict[tuple[str, tuple[str, ...]], str]):
    """(control, values) -> :func:`choice_key`, each answer worded once: an
    export asks for every example's choices and every predicted choice, and a
    lookup costs a fifth of the wording. Its size is bounded: answers beyond
    ``KEPT`` (a file of generated values) are worded at each question."""

    KEPT = 10_000

    def __missing__(self, control_values: tuple[str, tuple[str, ...]]) -> str:
        worded = choice_key(*control_values)
        if len(self) < self.KEPT:
            self[control_values] = worded
        return worded


CHOICE_KEYS = ChoiceKeys()


def join_values(values: Sequence[str]) -> str:
    """Several values (a choice control's, an example's annotators) as one
    text, as the CSV and the report write them: joined with ``|``, a ``|`` or
    ``\\`` inside a value escaped with a backslash (``["A|B"]`` is ``A\\|B``,
    ``["A", "B"]`` is ``A|B``): read back unambiguously, splitting at each ``|`` that no
    backslash escapes and then unescaping."""
    joined = "|".join(values)
    # Nearly always nothing to escape; ``in`` costs less than str.count, whose arguments are parsed the old way.
    if "\\" not in joined and ("|" not in joined or all("|" not in value for value in values)):
        return joined
    return "|".join(value.replace("\\", "\\\\").replace("|", "\\|") for value in values)


def split_values(joined: str) -> list[str]:
    """The values :func:`join_values` joined: split at each ``|`` no backslash escapes, then unescaped."""
    return split_escaped(joined, "|")


class Agreement:
    """Agreement between annotators on tasks that several annotated.

    Choices: Fleiss' kappa per control, in its form for a varying number of
    raters per item (for two raters it equals Scott's pi). Spans: pairwise F1
    over every pair of annotations of a task, micro-averaged, overall and per
    label, over the answers a majority votes on (span_answers): spans match
    when start, end and label are equal once whitespace at their edges is
    trimmed, and an annotation's spans that are one answer count once.
    """

    def __init__(self) -> None:
        self.tasks = 0
        # control -> [items, sum of P_i, total ratings]; control -> category -> ratings
        self.choice_items: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
        self.choice_categories: dict[str, Counter[str]] = defaultdict(Counter)
        self.span_pairs = 0
        # Per label over the tasks of three annotations or more: the matches of their pairs, and |A| + |B|.
        self.span_matches: dict[str, int] = {}
        self.span_totals: dict[str, int] = {}
        # Per label over the tasks of two annotations (nearly all): the answers both give, and those one gives.
        # Their pair's |A| + |B| is twice the first plus the second (label_counts): the answers both give
        # are counted once, not three times (a task's tens of labels, each a thousand instructions counted).
        self.pair_matches: dict[str, int] = {}
        self.pair_unmatched: dict[str, int] = {}
        # The annotators' pairs that hold the same counts of the tasks of two annotations by two annotators
        # (add_task's ``into``): added to these at the end (the table's pairs, ExportReport links them).
        self.annotator_pairs: Mapping[Any, PairCounts] = {}

    def add_task(self, annotations: list[Labels], another_text: bool = False, into: PairCounts | None = None
                 ) -> AgreementSpans | None:
        """Count the agreement of a task's annotations; ``another_text``: a
        later labelled Text of a task counted already (its spans and choices
        compared, the task not counted again). Of two annotations, the span
        answers both give and those one gives; of more, each one's span
        answers (the annotators' table counts them by pair, without working
        them out again). ``into``: two annotators' pair, whose counts the
        spans of a task of two are counted into instead of this one's (the
        same, counted once: None given back)."""
        if len(annotations) < 2:
            return None
        self.tasks += not another_text
        if len(annotations) == 2:
            return self._add_pair(*annotations, into)
        controls = {control for labels in annotations for control in labels.choices}
        for control in controls:
            # One answer is the set of values chosen: ["A", "B"] and ["B", "A"]
            # (clicked in another order) agree. By the values themselves: joined,
            # ["A|B"] and ["A", "B"] would agree. Counted in plain dicts: a Counter()
            # cost as much to make as the rest of the counting.
            # A loop, not a comprehension over ``control``: that made it a closure cell, made at every task.
            ratings: dict[tuple[str, ...], int] = {}
            for labels in annotations:
                if (values := labels.choices.get(control)) is not None:
                    answer = tuple(sorted(values))
                    ratings[answer] = ratings.get(answer, 0) + 1
            raters = sum(ratings.values())
            if raters < 2:
                continue
            item = self.choice_items[control]
            item[0] += 1
            item[1] += (sum(n * n for n in ratings.values()) - raters) / (raters * (raters - 1))
            item[2] += raters
            categories = self.choice_categories[control]
            for rating, n in ratings.items():  # Counter.update's own loop, without its Mapping check
                categories[rating] += n
        # Every pair of annotations, counted without going through the pairs
        # (3,000 annotations of one task are 4.5 million pairs: 25 s): an
        # answer that k annotations give matches in k(k-1)/2 pairs, and each
        # annotation's answers count in the n-1 pairs it is in. Answers as a
        # majority counts them (span_answers): "Meta " and "Meta" match, and
        # one annotation drawing both gives one answer.
        # Answers and their labels are counted in C; Python loops over distinct answers and labels.
        answers = [span_answers(labels) for labels in annotations]
        others = len(annotations) - 1
        self.span_pairs += len(annotations) * others // 2
        held: dict[Span, int] = {}
        count_into(held, itertools.chain.from_iterable(answers))
        matches, totals = self.span_matches, self.span_totals
        for span, holders in held.items():  # each distinct answer once: its label's total is told from its holders
            label = span.label
            totals[label] = totals.get(label, 0) + holders * others
            if holders > 1:
                matches[label] = matches.get(label, 0) + holders * (holders - 1) // 2
        return answers

    def _add_pair(self, first: Labels, second: Labels, into: PairCounts | None) -> SpanComparison | None:
        """A task of two annotations: as add_task counts it, with its one pair's sums said directly."""
        self.span_pairs += 1
        for control, values in first.choices.items():
            if (other := second.choices.get(control)) is None:
                continue
            # One answer is the set of values chosen (see add_task); one value nearly always, itself then.
            answer = values if len(values) < 2 else tuple(sorted(values))
            other_answer = other if len(other) < 2 else tuple(sorted(other))
            item = self.choice_items[control]
            item[0] += 1
            item[2] += 2
            if answer == other_answer:  # Fleiss' P_i of two raters: 1 when they agree, else 0
                item[1] += 1.0
            count_into(self.choice_categories[control], (answer, other_answer))
        matches, unmatched = (self.pair_matches, self.pair_unmatched) if into is None else (
            into.matched, into.unmatched)
        answers = span_answers(first)
        if first.controls.keys() == second.controls.keys():  # the same spans drawn: the same answers, all match
            count_into(matches, map(LABEL_OF, answers))
            return None if into is not None else (answers, ())
        other_answers = span_answers(second)
        both, one = answers & other_answers, answers ^ other_answers
        count_into(matches, map(LABEL_OF, both))
        count_into(unmatched, map(LABEL_OF, one))
        return None if into is not None else (both, one)

    def label_counts(self) -> tuple[Counter[str], Counter[str]]:
        """The matches and |A| + |B| of every pair of annotations, per label."""
        matches, totals = Counter(self.span_matches), Counter(self.span_totals)
        for label, n in self.pair_matches.items():
            matches[label] += n
            totals[label] += 2 * n
        for label, n in self.pair_unmatched.items():
            totals[label] += n
        for pair in self.annotator_pairs.values():
            for label, n in pair.matched.items():
                matches[label] += n
                totals[label] += 2 * n
            for label, n in pair.unmatched.items():
                totals[label] += n
        return matches, totals

    def as_dict(self) -> dict[str, Any]:
        choices = {}
        # By name: the controls come from a set (add_task), whose order changes with each run's string hashes.
        for control, (items, sum_p, ratings) in sorted(self.choice_items.items()):
            observed = sum_p / items
            expected = sum((n / ratings) ** 2 for n in self.choice_categories[control].values())
            kappa = None if expected >= 1 else (observed - expected) / (1 - expected)
            choices[control] = {"items": int(items), "observed_agreement": round(observed, 4),
                                "fleiss_kappa": None if kappa is None else round(kappa, 4)}
        matches, totals = self.label_counts()
        per_label = {label: _f1(matches[label], total) for label, total in sorted(totals.items())}
        overall = _f1(sum(matches.values()), sum(totals.values()))
        return {
            "tasks_with_several_annotations": self.tasks,
            "choices": choices,
            "spans": {"pairs": self.span_pairs, "f1": overall, "per_label": per_label},
        }


class Intervals:
    """Whether any of some spans overlaps ``[start, end)``, in O(log n): a
    task's final and predicted spans are compared each with each otherwise.
    A few spans (a task's usual tens) are scanned instead: sorting and indexing
    them cost more than the two or three questions asked of them."""

    SCANNED = 16

    def __init__(self, spans: list[Span]) -> None:
        self.few = spans if len(spans) <= self.SCANNED else None
        if self.few is None:
            ordered = sorted(spans)  # by start first; the order among equal starts does not matter
            self.starts = [span.start for span in ordered]
            self.reach = list(itertools.accumulate((span.end for span in ordered), max))  # furthest end so far

    def overlap(self, start: int, end: int) -> bool:
        if self.few is not None:  # a loop: a generator for any() costs more than the few tests
            for span in self.few:
                if span.start < end and start < span.end:
                    return True
            return False
        before_end = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return before_end > 0 and self.reach[before_end - 1] > start


def _f1(matches: int, total: int) -> float | None:
    return round(2 * matches / total, 4) if total else None


class Survival:
    """How much of each plugin's pre-annotation survived into the final labels.

    Per plugin and label: *kept* (same span and label, or same choice),
    *changed* (an overlapping final span of its kind, ``SpanKind``, with other
    bounds or label; another choice in the same control), *deleted* (nothing
    final of its kind there), and *added* (a final span that no span of its
    kind that the plugin predicted overlaps, where the plugin predicted spans
    of that kind on that task). A predicted region's plugin is its ``meta.plugin``
    (Anota's /predict sets it), else the prediction's model version.
    """

    OUTCOMES = ("kept", "changed", "deleted", "added")
    # Up to this many comparisons of a predicted and a final span, they are compared each with each.
    SCANNED_PAIRS = 256
    NOTED_OUTCOMES = ("kept", "changed", "deleted")

    def __init__(self) -> None:
        # plugin -> outcome -> label (a span's, or a choice's key) -> count: counted by label, where a task gives
        # several spans of one outcome in C (no key tuple a span); as_dict orders them.
        self.counts: dict[str, dict[str, dict[str, int]]] = {}
        # (plugin, outcome) -> predicted regions with a note (meta.text, the model's explanation) so judged.
        self.noted: Counter[tuple[str, str]] = Counter()
        self.tasks = 0
        self.last_task: int | None = None  # a task's examples come one after another
        # Which span labels are claims (Settings.claim_labels): a claim is judged only against claims.
        self.claim_labels = CLAIM_LABELS

    def add(self, predicted: dict[str, Predicted], final: Labels, task_id: int) -> None:
        """Count ``predicted`` against one example's ``final`` labels. ``--policy all``
        gives a task one example per annotation: each counts its outcomes, the task counts once."""
        if predicted and task_id != self.last_task:
            self.tasks += 1
            self.last_task = task_id
        for plugin, entry in predicted.items():
            outcomes = self.counts.get(plugin) or self.counts.setdefault(plugin, {o: {} for o in self.OUTCOMES})
            if entry.spans:
                self._count_spans(plugin, entry, final.controls, outcomes)
            for region in entry.choices:
                chosen = final.choices.get(region.control)
                values = region.value.choices
                # The same values chosen in another order were kept.
                kept = chosen == values or (chosen is not None and len(values) > 1 and set(chosen) == set(values))
                outcome = "deleted" if chosen is None else "kept" if kept else "changed"
                counted, key = outcomes[outcome], CHOICE_KEYS[region.control, values]
                counted[key] = counted.get(key, 0) + 1
                if region.meta.text:
                    self.noted[plugin, outcome] += 1

    def _count_spans(self, plugin: str, entry: Predicted, exact: dict[Span, str],
                     outcomes: dict[str, dict[str, int]]) -> None:
        """The outcomes of one plugin's predicted spans (``entry.spans``: each
        control's spans), and the final spans it did not predict, counted into
        ``outcomes``; those of spans with a note (``entry.noted``) also in ``self.noted``.

        Spans on one text are equal exactly when start, end and label are.
        A predicted span is judged only against the final spans of its kind
        (``SpanKind``): a deleted claim over a sentence whose names were kept
        was deleted, not changed. Most predicted spans are kept as they are,
        and most final spans were predicted as they are: both are found by a
        lookup, and kinds and where spans lie are worked out only for the others."""
        kept, missed, unpredicted = self._kept_as_predicted(plugin, entry, exact)
        if kept:
            count_into(outcomes["kept"], map(LABEL_OF, kept))
        if missed:
            self._count_missed(plugin, entry, exact, missed, outcomes)
        if not unpredicted:
            return
        # Added: a final span where the plugin predicted spans of its kind, none of them over it. A task's
        # usual few spans are compared each with each (_added_scanned).
        if len(unpredicted) * (len(kept) + len(missed)) <= self.SCANNED_PAIRS:
            count_into(outcomes["added"], self._added_scanned(entry.spans, unpredicted))
        else:
            count_into(outcomes["added"], self._added_by_place(entry.spans, unpredicted))

    def _kept_as_predicted(self, plugin: str, entry: Predicted, exact: dict[Span, str]
                           ) -> tuple[list[Span], list[tuple[str, Span]], dict[Span, str]]:
        """The predicted spans final as they are (kept; their notes counted),
        the others with their controls (missed), and the final spans not
        predicted as they are (with their controls)."""
        noted = entry.noted
        kept: list[Span] = []
        missed: list[tuple[str, Span]] = []  # (control, span): predicted, not kept as it is
        # The final spans not predicted as they are, each kept one taken out of a copy (a dict's copy is
        # a block copy; a set difference cost twice as much): a final span equal to a predicted one of another
        # control is one of them.
        unpredicted = exact.copy()
        for control, spans in entry.spans.items():
            for span in spans:
                # The final span's control, taken out; None: not final, or predicted twice (and taken already).
                final_control = unpredicted.pop(span, None)
                if final_control == control or (final_control is None and exact.get(span) == control):
                    kept.append(span)
                    if noted is not None and span in noted:
                        self.noted[plugin, "kept"] += 1
                else:
                    if final_control is not None:  # final, drawn with another control: not predicted as it is
                        unpredicted[span] = final_control
                    missed.append((control, span))
        return kept, missed, unpredicted

    def _count_missed(self, plugin: str, entry: Predicted, exact: dict[Span, str], missed: list[tuple[str, Span]],
                      outcomes: dict[str, dict[str, int]]) -> None:
        """Count each predicted span not kept as it is: changed where a final
        span of its kind overlaps it, else deleted."""
        # A task's usual few spans are compared each with each: grouping them by kind and
        # indexing where they lie (Intervals) cost more than the comparisons.
        claim_labels = self.claim_labels
        if len(missed) * len(exact) <= self.SCANNED_PAIRS:
            for control, span in missed:
                claim, start, end = span.label in claim_labels, span.start, span.end
                outcome = "deleted"
                for final, final_control in exact.items():
                    if (final.start < end and start < final.end and final_control == control
                            and (final.label in claim_labels) == claim):
                        outcome = "changed"
                        break
                self._count_outcome(plugin, entry, span, outcome, outcomes)
            return
        finals = self._by_kind(exact)
        final_places: dict[SpanKind, Intervals] = {}
        for control, span in missed:
            kind = control, span.label in claim_labels  # its SpanKind
            places = final_places.get(kind) or final_places.setdefault(kind, Intervals(finals.get(kind, [])))
            self._count_outcome(plugin, entry, span, "changed" if places.overlap(span.start, span.end) else "deleted",
                                outcomes)

    def _count_outcome(self, plugin: str, entry: Predicted, span: Span, outcome: str,
                       outcomes: dict[str, dict[str, int]]) -> None:
        """Count a predicted span's ``outcome`` by its label, and in
        ``self.noted`` when the span had a note."""
        counted = outcomes[outcome]
        counted[span.label] = counted.get(span.label, 0) + 1
        if entry.noted is not None and span in entry.noted:
            self.noted[plugin, outcome] += 1

    def _added_scanned(self, by_control: dict[str, list[Span]], unpredicted: dict[Span, str]) -> list[str]:
        """The labels of the final spans not predicted as they are (with their
        controls) that were added: where the plugin predicted spans of their
        kind (``by_control``), none of those over them; each compared with each."""
        added: list[str] = []  # their labels, counted in C
        claim_labels = self.claim_labels
        for other, control in unpredicted.items():  # counted, so their order does not matter
            claim, start, end = other.label in claim_labels, other.start, other.end
            of_kind = False
            # Where they lie first (two comparisons, mostly apart); the kind is looked up for a span
            # over it (of its kind: not added), and for the others only until one of its kind is seen.
            for span in by_control.get(control, ()):
                if span.start < end and start < span.end:
                    if (span.label in claim_labels) == claim:
                        break
                elif not of_kind:
                    of_kind = (span.label in claim_labels) == claim
            else:
                if of_kind:
                    added.append(other.label)
        return added

    def _added_by_place(self, by_control: dict[str, list[Span]], unpredicted: dict[Span, str]) -> list[str]:
        """``_added_scanned`` for many spans: the predicted ones grouped by
        kind and indexed by where they lie (Intervals)."""
        added: list[str] = []  # their labels, counted in C
        claim_labels = self.claim_labels
        by_kind: dict[SpanKind, list[Span]] = {}
        for control, spans in by_control.items():
            for span in spans:
                kind = control, span.label in claim_labels  # its SpanKind
                if (same_kind := by_kind.get(kind)) is None:
                    by_kind[kind] = [span]
                else:
                    same_kind.append(span)
        predicted_places: dict[SpanKind, Intervals] = {}
        for other, control in unpredicted.items():  # counted, so their order does not matter
            kind = control, other.label in claim_labels  # its SpanKind
            if (same_kind := by_kind.get(kind)) is not None:
                places = predicted_places.get(kind) or predicted_places.setdefault(kind, Intervals(same_kind))
                if not places.overlap(other.start, other.end):
                    added.append(other.label)
        return added

    def _by_kind(self, exact: dict[Span, str]) -> dict[SpanKind, set[Span]]:
        """The final spans (with their controls) by kind."""
        finals: dict[SpanKind, set[Span]] = {}
        claim_labels = self.claim_labels
        for span, control in exact.items():
            finals.setdefault((control, span.label in claim_labels), set()).add(span)
        return finals

    def as_dict(self) -> dict[str, Any]:
        plugins: dict[str, dict[str, dict[str, int]]] = {}
        counts = {(plugin, label, outcome): n for plugin, outcomes in self.counts.items()
                  for outcome, labels in outcomes.items() for label, n in labels.items()}
        for (plugin, label, outcome), n in sorted(counts.items()):
            plugins.setdefault(plugin, {}).setdefault(label, dict.fromkeys(self.OUTCOMES, 0))[outcome] = n
        survival: dict[str, Any] = {"tasks_with_predictions": self.tasks, "plugins": plugins}
        if self.noted:  # only then: an export without such notes reports as before
            noted: dict[str, dict[str, int]] = {}
            for (plugin, outcome), n in sorted(self.noted.items()):
                noted.setdefault(plugin, dict.fromkeys(self.NOTED_OUTCOMES, 0))[outcome] = n
            survival["regions_with_notes"] = noted
        return survival


# A span's control, and whether it is a claim (``span.label in CLAIM_LABELS``, written
# where it is asked: a call a span cost more): claims and names are judged apart in
# survival even when one control holds both (Anota's own config does).
SpanKind = tuple[str, bool]


class Predicted(msgspec.Struct, gc=False):
    """One plugin's predictions on a task, placed on its text (a struct: made in C)."""

    # Each control's spans, of the span regions that could be placed, in their order (a span twice when
    # two regions predicted it: each counts).
    spans: dict[str, list[Span]]
    choices: list[ChoiceRegion]
    # The spans of regions with a note (meta.text: the model's explanation): counted apart, never exported.
    noted: set[Span] | None = None


# What the card's numbers mean, said under them: a dataset builder reads the card, not this module.
SPAN_AGREEMENT_SAID = (
    "Span F1 compares every two finished annotations of a task: a span matches when both have the same start, end "
    "and label (whitespace at its edges aside); F1 is twice the matches over both annotations' spans, summed over "
    "the pairs.")
# Why a card may count no predictions where Anota predicted every task (s48-userpass: `--from-db`'s card said 0 and
# nothing more).
NO_PREDICTIONS_SAID = (
    "No exported task holds its predictions whole: Label Studio's JSON export gives a prediction's id alone, and its "
    "webhooks (what `--from-db` reads) carry one only where the project's model version is the predictions' (not in a "
    "project `anota push --connect` connected). `anota export --from-label-studio`, or a snapshot made with full "
    "predictions, gives this table.")
SURVIVAL_SAID = (
    "Each predicted span or choice, against the exported labels: *kept* (the same span, same bounds and label; the "
    "same choice), *changed* (a final span of its kind, entity or claim, overlaps it with other bounds or another "
    "label; another choice of its control), *deleted* (nothing final of its kind there); counted under the "
    "predicted label. *added*: a final span that none of the plugin's spans of its kind overlaps, on a task where "
    "it predicted some; counted under the final label. The plugin is the region's `meta.plugin`, else the "
    "prediction's model version.")

# Left out under majority: spans and choice values of a task that no more than half of its annotators gave.
OUTVOTED_SPANS = "spans without a majority of annotators"
OUTVOTED_CHOICES = "choices without a majority of annotators"
# A prediction the annotators tied on is *deleted* in the survival table (nothing final there), which read as an
# annotator's deletion (session 50's walk: sentiment=Positive "deleted 1" where one of two annotators kept it).
OUTVOTED_SAID = (
    "Under `majority`, a predicted span or choice that no majority of the task's annotators gave (left out above, "
    "even where some kept it) counts as *deleted*.")


def dataset_card(report: dict[str, Any], choice_named: ChoiceNamed = lambda _control, _values: None,
                 training: Sequence[str] = ()) -> str:
    """A readable dataset card from the report, its choices named as the exporter's files name them where
    ``choice_named`` (``Exporter.choice_named``) gives a name, and ``training`` (``Exporter.training_lines``) last."""
    report, choices_said = with_choices_named(report, choice_named)
    lines = [
        *hub_front_matter(report["files"], list(report["split"])),
        "# Dataset card", "",
        f"Exported by Anota from {report['source']} as `{report['format']}`, policy `{report['policy']}`.", "",
        f"Files: {', '.join(f'`{name}`' for name in report['files'])}; the full numbers are in `report.json`.", "",
        "## Examples and labels", "",
        "| split | examples |", "|---|---|",
        *(f"| {split} | {n} |" for split, n in report["examples"].items()), "",
        *_split_line(report),
    ]
    lines += _counts_table("label", report["labels"]) + _counts_table("choice", report["choices"])
    lines += choices_said
    lines += ["## Left out, repaired, format notes", ""]
    for title in ("left_out", "repaired", "format_notes"):
        hows = report.get("repaired_how", {}) if title == "repaired" else {}
        for kind, n in report[title].items():
            lines.append(f"- {title.replace('_', ' ')}: {counted_how(kind, n, hows.get(kind))}")
    if not any(report[title] for title in ("left_out", "repaired", "format_notes")):
        lines.append("- nothing")
    agreement = report["agreement"]
    lines += ["", "## Agreement between annotators", "",
              f"Tasks with several finished annotations: {agreement['tasks_with_several_annotations']}.", ""]
    for control, numbers in agreement["choices"].items():
        items = numbers["items"]
        lines.append(f"- `{control}`: Fleiss' kappa {shown_kappa(numbers['fleiss_kappa'])}, observed agreement "
                     f"{numbers['observed_agreement']} over {items} task{'s' * (items != 1)}")
    spans = agreement["spans"]
    if spans["pairs"]:
        lines.append(f"- spans: F1 {spans['f1']} over {spans['pairs']} annotation pairs; per label: "
                     + ", ".join(f"{label} {f1}" for label, f1 in spans["per_label"].items()))
        lines += ["", SPAN_AGREEMENT_SAID]
    if "annotators" in report:
        lines += card_lines(report["annotators"])
    survival = report["prediction_survival"]
    lines += ["", "## Pre-annotations that survived", "",
              f"Exported tasks with predictions: {survival['tasks_with_predictions']}.", ""]
    if not survival["tasks_with_predictions"]:
        lines += [NO_PREDICTIONS_SAID]
    if survival["plugins"]:
        lines += ["| plugin | label | kept | changed | deleted | added |", "|---|---|---|---|---|---|"]
        for plugin, labels_of in survival["plugins"].items():
            lines += [f"| {plugin} | {label} | {c['kept']} | {c['changed']} | {c['deleted']} | {c['added']} |"
                      for label, c in labels_of.items()]
        lines += ["", *never_suggested(survival["plugins"]), SURVIVAL_SAID]
        if report["left_out"].keys() & {OUTVOTED_SPANS, OUTVOTED_CHOICES}:
            lines += ["", OUTVOTED_SAID]
    if noted := survival.get("regions_with_notes"):
        lines += ["", "Predicted regions with a note (meta.text: the model's explanation, not exported as labels):",
                  "", "| plugin | kept | changed | deleted |", "|---|---|---|---|",
                  *(f"| {plugin} | {c['kept']} | {c['changed']} | {c['deleted']} |" for plugin, c in noted.items())]
    if training:
        lines += ["", *training]
    return "\n".join(lines) + "\n"


def never_suggested(plugins: dict[str, dict[str, dict[str, int]]]) -> list[str]:
    """A line under the survival table for each label a plugin predicted none of, only added (s48-userpass: "entities
    Company added 16" read as the plugin's misses, where the project's config gave Company none of its spans); a
    label another plugin suggested is named as that plugin's (s53-userpass: two entity plugins each counted the
    other's labels as added, survival being judged by a span's kind)."""
    suggested = {plugin: suggested_labels(labels_of) for plugin, labels_of in plugins.items()}
    lines = []
    for plugin, labels_of in plugins.items():
        for label in [label for label in labels_of if label not in suggested[plugin]]:
            added = labels_of[label]["added"]
            if others := [other for other, labels in suggested.items() if other != plugin and label in labels]:
                lines.append(f"- {plugin} suggested no `{label}` on these tasks: its {added} counted added are spans "
                             f"of a label {', '.join(others)} suggested, not misses of {plugin}.")
            else:
                lines.append(f"- {plugin} suggested no `{label}` on these tasks, so annotators added every one counted "
                             f"({added}), as they add all of a label the project's config gives none of the plugin's "
                             "labels (`anota push` names such labels).")
    return [*lines, ""] if lines else []


def suggested_labels(labels_of: dict[str, dict[str, int]]) -> set[str]:
    """The labels of a plugin's survival rows that it predicted at least once (kept, changed or deleted): the labels
    it can emit, as far as the export shows. Its other rows are only final spans added beside its predictions."""
    return {label for label, c in labels_of.items() if c["kept"] or c["changed"] or c["deleted"]}


# How an exporter's files name a control's answer (Exporter.choice_named): None where as the report does.
ChoiceNamed = Callable[[str, Sequence[str]], "str | None"]
# A report's choice key (choice_key): the control's name, escapes and all, and the '=' that ends it.
_CHOICE_KEY = re.compile(r"((?:[^\\=]|\\.)*)=", re.DOTALL)


def split_choice_key(key: str) -> tuple[str, list[str]] | None:
    """``(control, values)`` of a :func:`choice_key`; None for a key that is none (a span's label)."""
    if (match := _CHOICE_KEY.match(key)) is None:
        return None
    return re.sub(r"\\(.)", r"\1", match[1]), split_values(key[match.end():])


def with_choices_named(report: dict[str, Any], choice_named: ChoiceNamed) -> tuple[dict[str, Any], list[str]]:
    """``report`` for the card with each choice named as the files name it (``choice_named``): its choice counts
    and the survival of predicted choices (a label of a control the choice counts hold); and the card's lines saying
    so. ``report`` itself is left as it is: report.json keeps its keys."""
    controls = {parts[0] for counts in report["choices"].values() for key in counts
                if (parts := split_choice_key(key))}
    names: dict[str, str] = {}
    chosen = {key for counts in report["choices"].values() for key in counts}
    for key in chosen | {label for labels_of in report["prediction_survival"]["plugins"].values()
                         for label in labels_of}:
        if (parts := split_choice_key(key)) and parts[0] in controls and (named := choice_named(*parts)):
            names[key] = named
    if not names:
        return report, []
    survival = report["prediction_survival"]
    # The shortest the card's choice table shows, printable: a value may be a paragraph.
    example = min(names.keys() & chosen or names, key=lambda key: (len(key), key))
    return {**report, "choices": {split: {names.get(key, key): n for key, n in counts.items()}
                                  for split, counts in report["choices"].items()},
            "prediction_survival": {**survival, "plugins": {
                plugin: {names.get(label, label): c for label, c in labels_of.items()}
                for plugin, labels_of in survival["plugins"].items()}}}, [
        f"Choices are named as the files name them (`{on_screen(names[example])}`); report.json keys them "
        f"`control=values` (`{on_screen(example)}`).", ""]


# Files the Hugging Face `datasets` library reads by their suffix, and its name
# for our dev split.
HUB_SUFFIXES = (".jsonl", ".csv")
HUB_SPLIT_NAMES = {"dev": "validation"}


def hub_front_matter(files: list[str], splits: list[str]) -> list[str]:
    """The card's YAML front matter for the Hugging Face Hub: each kind of
    file (``train.csv`` rows of tasks, ``train.spans.csv`` rows of spans) a
    subset, its files by split, so that ``datasets.load_dataset(FOLDER)``,
    or the folder pushed to the Hub, gives train/validation/test. Without it
    the library would read every ``train.*`` file as one split, task rows and
    span rows mixed. None for files it cannot read (CoNLL, DocBin)."""
    subsets: dict[str, list[tuple[str, str]]] = {}
    # A plugin's exporter may write other files: only <split>[.<kind>].<suffix> are described.
    ours = [name for name in files if name.endswith(HUB_SUFFIXES) and name.split(".")[0] in splits]
    for name in sorted(ours, key=lambda name: splits.index(name.split(".")[0])):
        split, _dot, rest = name.partition(".")
        kind = rest.rpartition(".")[0] or "default"
        subsets.setdefault(kind, []).append((HUB_SPLIT_NAMES.get(split, split), name))
    if not subsets:
        return []
    lines = ["---", "configs:"]
    for kind, split_files in subsets.items():
        lines += [f"- config_name: {kind}", "  data_files:"]
        lines += [line for split, name in split_files for line in (f"  - split: {split}", f"    path: {name}")]
    return [*lines, "---", ""]


def shown_kappa(kappa: float | None) -> str:
    """Kappa as the card and the summary say it: None (chance agreement 1) is no number to print."""
    return "undefined (every rating the same value)" if kappa is None else str(kappa)


UNEVEN_SPLIT = 0.05  # a share this far from the asked one is said in the card


def _split_line(report: dict[str, Any]) -> list[str]:
    """The card's line when the split made is far from the one asked."""
    uneven = uneven_split(report["split"], report.get("split_made"))
    return [f"Split {uneven}.", ""] if uneven else []


def uneven_split(asked: Mapping[str, float], made: Mapping[str, float] | None) -> str | None:
    """"asked 80/10/10, made 100/0/0 of the examples: ..." when the split made
    is far from the one asked (documents are never divided, so a few documents
    cannot give 80/10/10), else None."""
    if not made or all(abs(made[name] - share) <= UNEVEN_SPLIT for name, share in asked.items()):
        return None
    shares_asked = "/".join(f"{100 * share:g}" for share in asked.values())
    shares_made = "/".join(f"{100 * share:g}" for share in made.values())
    empty = [name for name, share in made.items() if not share]
    return (f"asked {shares_asked}, made {shares_made} of the examples: a document's examples are never divided, "
            f"so few documents give uneven shares{'; no example in ' + ', '.join(empty) if empty else ''}")


def split_made(examples: Counter[str], split: Sequence[tuple[str, float]]) -> dict[str, float]:
    """Each split's share of the examples, in the order asked."""
    total = sum(examples.values()) or 1
    return {name: round(examples[name] / total, 4) for name, _share in split}


def _counts_table(name: str, counts_by_split: dict[str, dict[str, int]]) -> list[str]:
    """A Markdown table of counts, one row per ``name`` value, one column per split."""
    values = sorted({value for counts in counts_by_split.values() for value in counts})
    if not values:
        return []
    splits = list(counts_by_split)
    header = [f"| {name} | " + " | ".join(splits) + " |", "|---" * (len(splits) + 1) + "|"]
    rows = [f"| {value} | " + " | ".join(str(counts_by_split[s].get(value, 0)) for s in splits) + " |"
            for value in values]
    return header + rows + [""]


def on_screen(value: str) -> str:
    """A label or model name of the input as the summary prints it: quoted
    and escaped when it holds what a terminal would act on instead of
    showing (an escape sequence that colours or clears the screen)."""
    return value if value.isprintable() else repr(value)


def counted_how(kind: str, n: int, hows: dict[str, int] | None) -> str:
    """``kind: n``, with how they were repaired when a repair said it:
    ``spans repaired: 3 (2 moved to the only place their text occurs; 1 ...)``."""
    if not hows:
        return f"{kind}: {n}"
    ordered = sorted(hows.items(), key=lambda item: (-item[1], item[0]))  # the most first
    return f"{kind}: {n} ({'; '.join(f'{count} {how}' for how, count in ordered)})"


def note_claims_named_otherwise(report: ExportReport) -> None:
    """Note the span labels that are a claim's name for /predict ("Afirmação", "Check-worthy") exported as entities,
    as they are without a labeling config (Settings.claim_labels): whole sentences in the entity tags, unsaid."""
    counts: Counter[str] = Counter()
    for split_counts in report.labels.values():
        counts.update(split_counts)
    others = [label for label in counts if label not in ANOTA_SPAN_LABELS]
    if not others:
        return
    from server.labeling import label_named

    for label in others:
        if label_named(label, ("CLAIM",)):
            report.note(CLAIMS_READ_AS_ENTITIES, f"{label!r}: {counts[label]}", counts[label])


# The note of a labeling config found among a folder's files and used, none given (server.exporting.command):
# the summary says it whatever else is noted, as the option would have been seen on the command line.
FOLDER_CONFIG_USED = "labeling config found in the folder, used as --label-config (none was given)"


def survival_lines(plugins: dict[str, dict[str, dict[str, int]]]) -> list[str]:
    """The summary's line on each plugin's predictions, counting only the labels it suggested (suggested_labels).
    Survival judges a final span by its kind, so with two entity plugins each had the other's labels among its rows,
    kept ones too: summed over every row, walk_money was "added 3" where no MONEY was added (s53-userpass). A label
    no plugin suggested (a config's Company without predicted_values) is named apart; another plugin's, not at all."""
    suggested = {plugin: suggested_labels(labels_of) for plugin, labels_of in plugins.items()}
    anyone_suggested = set().union(*suggested.values())
    lines = []
    for plugin, labels_of in plugins.items():
        totals: Counter[str] = Counter()
        for label in suggested[plugin]:
            totals.update(labels_of[label])
        line = f"predictions of {on_screen(plugin)}: " + ", ".join(f"{o} {totals[o]}" for o in Survival.OUTCOMES)
        if unsuggested := {label: c["added"] for label, c in labels_of.items() if label not in anyone_suggested}:
            line += "; added of labels no plugin suggested: " + ", ".join(
                f"{on_screen(label)} {n}" for label, n in sorted(unsuggested.items(), key=lambda item: (-item[1], item[0])))
        lines.append(line)
    return lines


def summary(report: ExportReport, out: Path, split: Sequence[tuple[str, float]] = (("train", 1.0),)) -> str:
    """The one-screen summary ``anota export`` prints; ``split`` as ``--split`` asked it."""
    written = ", ".join(f"{n} {name}" for name, n in report.examples.items()) or "0"
    # "1 tasks; wrote 1 train examples" was the summary of every one-task export.
    tasks = "task" if report.tasks_read == 1 else "tasks"
    examples = "example" if list(report.examples.values()) == [1] else "examples"
    lines = [f"read {report.tasks_read} {tasks}; wrote {written} {examples} to {out}"]
    lines += [kind for kind in report.notes if kind.startswith(FOLDER_CONFIG_USED)]
    # Said in the dataset card only, an 80/10/10 that gave no test split went unseen.
    if len(split) > 1 and (uneven := uneven_split(dict(split), split_made(report.examples, split))):
        lines.append(f"split: {uneven}")
    labels = Counter()
    for counts in report.labels.values():
        labels.update(counts)
    if labels:
        lines.append("labels: " + ", ".join(f"{on_screen(label)} {n}" for label, n in labels.most_common(12)))
    for title, counts in (("left out", report.left_out), ("repaired", report.repaired),
                          ("format", report.notes)):
        hows = report.repaired_how if title == "repaired" else {}
        lines += [f"{title}: {counted_how(kind, n, hows.get(kind))}" for kind, n in counts.most_common(6)
                  if not kind.startswith(FOLDER_CONFIG_USED)]  # said above
    agreement = report.agreement.as_dict()
    if agreement["tasks_with_several_annotations"]:
        measures = [f"{c} kappa {shown_kappa(v['fleiss_kappa'])}" for c, v in agreement["choices"].items()]
        measures.append(f"span F1 {agreement['spans']['f1']}")
        lines.append(f"agreement on {agreement['tasks_with_several_annotations']} tasks: {'; '.join(measures)}")
    if table := report.annotators_table():  # the card's table in one line: who to look at
        lines.append(summary_line(table, on_screen))
    lines += survival_lines(report.survival.as_dict()["plugins"])
    lines.append(f"details: {out / 'report.json'}, {out / 'README.md'}")
    return "\n".join(lines[:24])
