"""Per-annotator numbers of an export (report.json's ``annotators``, the
dataset card's table): what a team lead asks first of a project several
people annotated. Each annotator's finished and cancelled (skipped)
annotations, the tasks shared with another annotator, agreement with the
others on those tasks (Cohen's kappa per choice control, span F1 for
entities and for claims), under ``majority`` the tasks where the majority's
labels were not the annotator's own, and the pair that disagrees most.

Label Studio Enterprise's Members dashboard shows the same shape (finished,
skipped, an agreement score averaged over the member's pairs, and a pairwise
matrix): the card keeps one row per annotator and names the worst pair;
report.json holds every pair (the matrix).

Counting a task of one annotation is one dict increment
(``TaskConverter.field_examples``); everything else runs only on tasks that
several annotated, and reuses what Agreement worked out: a task of two, its
span comparison; a task of more, each annotation's span answers (working them
out again for each pair cost a task of three annotations ~130k instructions).
"""

from __future__ import annotations

import operator
from collections import Counter
from collections import _count_elements as count_into  # Counter.update's C loop
from collections.abc import Callable, Mapping, Sequence, Set as AbstractSet
from typing import Any

from schemas.label_studio_export import Annotation
from server.exporting.examples import CLAIM_LABELS, Labels, Span, span_answers

LABEL_OF = operator.attrgetter("label")  # a span's label, read in C (by map)

# A choice control's answer: the values chosen, in sorted order (clicked in another order, the same answer).
Answer = tuple[str, ...]
# Two annotations' span answers (span_answers): those both give, and those one of them gives.
SpanComparison = tuple[AbstractSet[Span], AbstractSet[Span]]
# What Agreement.add_task gives back of a task's annotations: of two, their SpanComparison; of more, each
# annotation's span answers, in the annotations' order.
AgreementSpans = SpanComparison | Sequence[AbstractSet[Span]]
SPAN_KINDS = ("entities", "claims")


class ChoiceCounts:
    """Two raters' answers on the items (tasks) both answered one control: what Cohen's kappa needs."""

    def __init__(self) -> None:
        self.items = 0
        self.agreed = 0
        self.first: Counter[Answer] = Counter()
        self.second: Counter[Answer] = Counter()

    def add(self, first: Answer, second: Answer, times: int = 1) -> None:
        """Count ``times`` items where the raters answered ``first`` and ``second``."""
        self.items += times
        self.agreed += (first == second) * times
        self.first[first] += times
        self.second[second] += times

    def merge(self, other: ChoiceCounts, swapped: bool = False) -> None:
        """Add ``other``'s counts; ``swapped``: its first rater is this one's second."""
        self.items += other.items
        self.agreed += other.agreed
        self.first.update(other.second if swapped else other.first)
        self.second.update(other.first if swapped else other.second)

    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is 1 (both always gave one same answer) or no item."""
        if not self.items:
            return None
        observed = self.agreed / self.items
        expected = sum(n * self.second[answer] for answer, n in self.first.items()) / self.items ** 2
        return None if expected >= 1 else round((observed - expected) / (1 - expected), 4)


class PairCounts:
    """What two annotators' finished annotations of the tasks both did give: per choice control, their
    answers; per span label, the answers both give and those only one gives (counted in C, by label: a task
    holds tens of spans; entities and claims are told apart once, at the end). The span answers of the tasks
    that only these two annotated Agreement counts into ``matched`` and ``unmatched`` for both (a task's
    labels counted once, not twice: Agreement.annotator_pairs); those of tasks that more annotated are counted here."""

    def __init__(self) -> None:
        self.tasks = 0
        self.choices: dict[str, ChoiceCounts] = {}
        self.matched: dict[str, int] = {}
        self.unmatched: dict[str, int] = {}
        self.matched_among_more: dict[str, int] = {}
        self.unmatched_among_more: dict[str, int] = {}

    def add(self, first: Labels, second: Labels, compared: SpanComparison) -> None:
        """Count a task's two annotations; ``compared``: their span answers both give and one gives."""
        self.add_choices(first.choices, second.choices)
        count_into(self.matched_among_more, map(LABEL_OF, compared[0]))
        if compared[1]:
            count_into(self.unmatched_among_more, map(LABEL_OF, compared[1]))

    def add_choices(self, first: Mapping[str, Answer], second: Mapping[str, Answer], times: int = 1) -> None:
        """Count ``times`` tasks where the two chose ``first`` and ``second`` (values by control)."""
        for control, values in first.items():
            if (other := second.get(control)) is not None:
                counts = self.choices.get(control) or self.choices.setdefault(control, ChoiceCounts())
                # An answer is the values in sorted order: one value nearly always, its tuple itself then.
                counts.add(values if len(values) < 2 else tuple(sorted(values)),
                           other if len(other) < 2 else tuple(sorted(other)), times)

    def span_counts(self) -> tuple[tuple[dict[str, int], bool], ...]:
        """Its span answers by label, each count with whether they match."""
        return ((self.matched, True), (self.unmatched, False), (self.matched_among_more, True),
                (self.unmatched_among_more, False))

    def merge(self, other: PairCounts, swapped: bool = False) -> None:
        self.tasks += other.tasks
        for control, counts in other.choices.items():
            self.choices.setdefault(control, ChoiceCounts()).merge(counts, swapped)
        for theirs, matched in other.span_counts():
            mine = self.matched if matched else self.unmatched
            for label, n in theirs.items():
                mine[label] = mine.get(label, 0) + n

    def measures(self, claim_labels: frozenset[str]) -> dict[str, Any]:
        """Its kappa per control and F1 per span kind (``claim_labels`` the claims), each with the items or
        tasks it is over."""
        spans: dict[str, list[int]] = {}  # kind -> [matches, |A| + |B|]
        for counts, matched in self.span_counts():
            for label, n in counts.items():
                kind = spans.setdefault(SPAN_KINDS[label in claim_labels], [0, 0])
                kind[0] += n * matched
                kind[1] += n * (1 + matched)
        return {
            "tasks": self.tasks,
            "choices": {control: {"items": c.items, "cohen_kappa": c.kappa()}
                        for control, c in sorted(self.choices.items())},
            "spans": {kind: {"f1": round(2 * spans[kind][0] / spans[kind][1], 4)}
                      for kind in SPAN_KINDS if kind in spans},
        }


class AnnotatorTable:
    """The per-annotator counts of one export, by the annotators' names as the examples give them (renamed at
    the end as they are: ``as_dict``'s ``names``)."""

    def __init__(self) -> None:
        # Finished annotations by annotator (None: an annotation without one, never shown): counted on every task.
        self.finished: dict[str | None, int] = {}
        self.cancelled: Counter[str] = Counter()
        self.shared: Counter[str] = Counter()
        self.pairs: dict[tuple[str, str], PairCounts] = {}
        # Under majority: annotator -> [tasks voted on with others, tasks whose majority labels were not theirs on
        # any of their texts, texts voted on, texts whose majority labels were not theirs]. With several labelled
        # texts a task is voted on text by text: counted by text alone, one task was "2 of 2 tasks".
        self.votes: dict[str, list[int]] = {}
        self.task_voted_on: object = None  # the task whose texts are being voted on
        self.outvoted_in_task: set[str] = set()  # whom its texts voted on so far outvoted
        # Which span labels are claims (Settings.claim_labels): F1 is given for entities and claims apart.
        self.claim_labels = CLAIM_LABELS
        # The tasks of two annotations by two annotators (a fifth of a project of several, nearly all its shared
        # tasks), by (first and second annotator, a task's first Text, each one's choices): one dict increment a
        # task; their pairs' tasks and choices are counted once per key at the end (settle). Counted a task at a
        # time they cost ~25k instructions each (bench/HISTORY.md "## s50-card2").
        self.of_two: dict[tuple[str, str, bool, tuple[tuple[str, Answer], ...], tuple[tuple[str, Answer], ...]],
                          int] = {}

    def pair_of_two(self, placed: Sequence[tuple[Annotation, Labels]]) -> PairCounts | None:
        """The pair of a task's two annotations when two annotators made them (None otherwise): Agreement
        counts their span answers into it (add_task's ``into``)."""
        first, second = placed[0][0].annotator, placed[1][0].annotator
        if first is None or second is None or first == second:
            return None
        key = (first, second) if first < second else (second, first)
        return self.pairs.get(key) or self.pairs.setdefault(key, PairCounts())

    def add_placed(self, placed: Sequence[tuple[Annotation, Labels]], first_text: bool,
                   order: Callable[[Annotation], Any], spans: AgreementSpans | None) -> None:
        """Count a task's (or a later labelled Text's) finished annotations, ``placed``, by annotator: each
        one's latest (``order``, see latest_of_each) against the others'; ``spans``: what Agreement.add_task
        gave back of them (nothing worked out again; None: two annotators' spans it counted for their
        pair)."""
        if len(placed) == 2:  # their spans counted by Agreement into their pair (pair_of_two)
            self._count_of_two(placed, first_text)
            return
        latest = latest_of_each(placed, order)
        if len(latest) < 2:  # one annotator's several annotations: no pair
            return
        own = {name: placed[position][1] for name, position in latest.items()}
        self.add_shared(own, first_text, answers={name: spans[position] for name, position in latest.items()})

    def _count_of_two(self, placed: Sequence[tuple[Annotation, Labels]], first_text: bool) -> None:
        """A task's two annotations, when two annotators made them: counted by what they hold (``of_two``)."""
        (first, mine), (second, theirs) = ((annotation.annotator, labels) for annotation, labels in placed)
        if first is None or second is None or first == second:
            return
        if second < first:
            first, mine, second, theirs = second, theirs, first, mine
        key = (first, second, first_text, tuple(mine.choices.items()), tuple(theirs.choices.items()))
        self.of_two[key] = self.of_two.get(key, 0) + 1

    def settle(self) -> None:
        """Count the tasks of two annotators kept by what they hold (``of_two``) into the shared tasks and
        pairs."""
        for (first, second, first_text, mine, theirs), times in self.of_two.items():
            pair = self.pairs.get((first, second)) or self.pairs.setdefault((first, second), PairCounts())
            if first_text:
                pair.tasks += times
                self.shared[first] += times
                self.shared[second] += times
            pair.add_choices(dict(mine), dict(theirs), times)
        self.of_two.clear()

    def add_shared(self, own: Mapping[str, Labels], first_text: bool,
                   answers: Mapping[str, AbstractSet[Span]] | None = None) -> None:
        """Count annotators' labels of a task against each other: ``own``, each annotator's latest finished
        annotation of it; ``answers``, each one's span answers (worked out here when not given)."""
        names = sorted(own)
        if first_text:
            count_into(self.shared, names)
        if answers is None:
            answers = {name: span_answers(labels) for name, labels in own.items()}
        for index, name in enumerate(names):
            for other in names[index + 1:]:
                pair = self.pairs.get((name, other)) or self.pairs.setdefault((name, other), PairCounts())
                pair.tasks += first_text
                mine, theirs = answers[name], answers[other]
                pair.add(own[name], own[other], (mine & theirs, mine ^ theirs))

    def add_votes(self, own: Mapping[str, Labels], result: Labels, task: object) -> None:
        """Count, under majority, whose labels the majority (``result``) of one of ``task``'s labelled texts
        were not: each text, and the task once (outvoted when it was on any of its texts)."""
        # Told at its first text voted on (not always its first text: one behind a link that failed is not).
        if new_task := task is not self.task_voted_on:
            self.task_voted_on = task
            self.outvoted_in_task.clear()
        kept = span_answers(result)
        chosen = {control: set(values) for control, values in result.choices.items()}
        for name, labels in own.items():
            counts = self.votes.setdefault(name, [0, 0, 0, 0])
            mine = {control: set(values) for control, values in labels.choices.items()}
            outvoted = span_answers(labels) != kept or mine != chosen
            counts[0] += new_task
            counts[2] += 1
            counts[3] += outvoted
            if outvoted and name not in self.outvoted_in_task:
                self.outvoted_in_task.add(name)
                counts[1] += 1

    def several(self, names: Mapping[str, str]) -> bool:
        """Whether the export holds several annotators' annotations (finished or cancelled)."""
        return len({names.get(name, name) for name in (*self.finished, *self.cancelled) if name is not None}) > 1

    def as_dict(self, names: Mapping[str, str]) -> dict[str, Any]:
        """report.json's ``annotators``: a row per annotator, every pair, and the pairs that disagree most."""
        self.settle()
        pairs = self._pairs_named(names)
        rows: dict[str, dict[str, Any]] = {}
        for name in sorted({names.get(n, n) for n in (*self.finished, *self.cancelled) if n is not None}):
            rows[name] = {"finished": 0, "cancelled": 0, "shared_tasks": 0}
        counted_as = ((self.finished, "finished"), (self.cancelled, "cancelled"), (self.shared, "shared_tasks"))
        for counted, key in counted_as:
            for name, n in counted.items():
                if name is not None:
                    rows[names.get(name, name)][key] += n
        # Each pair merged into both its annotators' pools in one pass, in the same order (a pass over every pair
        # for each annotator was 8 of the 13 s CPU of fixtures/s50-export's task of 600 annotators: 180k pairs).
        pooled = {name: PairCounts() for name in rows}
        for (first, second), counts in pairs.items():
            pooled[first].merge(counts)
            pooled[second].merge(counts, swapped=True)
        for name, row in rows.items():
            against_rest = pooled[name]
            if against_rest.choices or against_rest.matched or against_rest.unmatched:
                measures = against_rest.measures(self.claim_labels)
                row["against_the_others"] = {"choices": measures["choices"], "spans": measures["spans"]}
        self._add_votes_to(rows, names)
        measured = {f"{first} | {second}": counts.measures(self.claim_labels)
                    for (first, second), counts in sorted(pairs.items())}
        return {"by_annotator": rows, "pairs": measured, "disagree_most": disagree_most(measured)}

    def _add_votes_to(self, rows: dict[str, dict[str, Any]], names: Mapping[str, str]) -> None:
        """Each row's ``majority``: tasks voted on and outvoted; with several labelled texts (a task of more
        votes than one), texts too (``texts``, ``outvoted_texts``), in every row."""
        by_text = any(tasks != texts for tasks, _outvoted, texts, _of_texts in self.votes.values())
        for name, counts in self.votes.items():
            votes = rows[names.get(name, name)].setdefault("majority", dict.fromkeys(
                ("tasks", "outvoted", "texts", "outvoted_texts") if by_text else ("tasks", "outvoted"), 0))
            for key, n in zip(votes, counts if by_text else counts[:2]):
                votes[key] += n

    def _pairs_named(self, names: Mapping[str, str]) -> dict[tuple[str, str], PairCounts]:
        """The pairs under the annotators' final names: a user first counted under a bare id joins its name."""
        pairs: dict[tuple[str, str], PairCounts] = {}
        for (first, second), counts in self.pairs.items():
            named = names.get(first, first), names.get(second, second)
            if named[0] == named[1]:
                continue  # one person under two names: no pair
            key = tuple(sorted(named))
            pairs.setdefault(key, PairCounts()).merge(counts, swapped=key[0] != named[0])
        return pairs


def disagree_most(pairs: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The pair with the lowest agreement on each measure (each choice control's kappa, each span kind's F1),
    with its number: ties go to the pair named first."""
    worst: dict[str, dict[str, Any]] = {}
    for pair, measures in pairs.items():
        candidates = [(f"choices {control}", "cohen_kappa", m["cohen_kappa"])
                      for control, m in measures["choices"].items()]
        candidates += [(f"spans {kind}", "f1", m["f1"]) for kind, m in measures["spans"].items()]
        for measure, name, value in candidates:
            if value is not None and (measure not in worst or value < worst[measure][name]):
                worst[measure] = {"pair": pair, name: value, "tasks": measures["tasks"]}
    return dict(sorted(worst.items()))


def card_lines(table: dict[str, Any]) -> list[str]:
    """The dataset card's section: one table, a row per annotator, and the pairs that disagree most."""
    rows = table["by_annotator"]
    controls = sorted({c for row in rows.values() for c in row.get("against_the_others", {}).get("choices", {})})
    kinds = [kind for kind in SPAN_KINDS if any(kind in row.get("against_the_others", {}).get("spans", {})
                                                for row in rows.values())]
    majority = any("majority" in row for row in rows.values())
    header = ["annotator", "finished", "cancelled (skipped)", "tasks shared",
              *(f"`{control}` kappa" for control in controls), *(f"{kind} F1" for kind in kinds),
              *(["outvoted (majority)"] if majority else [])]
    lines = ["", "## Annotators", "", "| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    for name, row in rows.items():
        against = row.get("against_the_others", {})
        cells = [_screen_name(name, str), row["finished"], row["cancelled"], row["shared_tasks"],
                 *(_shown(against.get("choices", {}).get(c, {}).get("cohen_kappa")) for c in controls),
                 *(_shown(against.get("spans", {}).get(kind, {}).get("f1")) for kind in kinds)]
        if majority:
            cells.append(outvoted_shown(votes) if (votes := row.get("majority")) else "-")
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    if least := agrees_least(rows):
        name, measure, value = least
        tasks = rows[name]["shared_tasks"]
        lines += ["", f"Agrees least with the others: {_screen_name(name, str)} ({measure} {value} against the "
                      f"others over {tasks} shared task{'s' * (tasks != 1)})."]
    by_text = any("texts" in row.get("majority", {}) for row in rows.values())
    lines += ["", ANNOTATORS_SAID + (OUTVOTED_BY_TEXT_SAID if by_text else "")]
    if worst := table["disagree_most"]:
        lines += ["", "Disagree most: " + "; ".join(
            f"{measure}: {_pair_named(w['pair'], str)} ({_measure_name(w)} over {w['tasks']} shared "
            f"task{'s' * (w['tasks'] != 1)})" for measure, w in worst.items()) + "."]
    return lines


def agrees_least(rows: Mapping[str, dict[str, Any]]) -> tuple[str, str, float] | None:
    """The annotator whose pooled number against the others is the lowest of the card's table (a choice control's
    kappa, a span kind's F1, compared as they are, as "Disagree most" does), with the measure as the table heads it
    and the number; ties to the measure first in the table, then to the name first. Only with three annotators or
    more (two share one pair's number) and below 1 (everyone agreeing on everything names nobody)."""
    if len(rows) < 3:
        return None
    found = []
    for name, row in rows.items():
        against = row.get("against_the_others", {})
        found += [(m["cohen_kappa"], 0, f"`{control}` kappa", name) for control, m in against.get("choices", {}).items()
                  if m.get("cohen_kappa") is not None]
        found += [(m["f1"], 1 + SPAN_KINDS.index(kind), f"{kind} F1", name)
                  for kind, m in against.get("spans", {}).items() if m.get("f1") is not None]
    if not found:
        return None
    value, _order, measure, name = min(found)
    return (name, measure, value) if value < 1 else None


def summary_line(table: Mapping[str, Any], shown: Callable[[str], str]) -> str:
    """The line ``anota export`` prints of several annotators (``shown``: a text as the screen shows it): how
    many, the pair that disagrees most (or that no task was shared) and, under majority, the annotator outvoted
    most (the greatest share of their tasks; ties to the most tasks, then to the name first in order)."""
    rows = table["by_annotator"]
    parts = [f"annotators: {len(rows)}"]
    if worst := table["disagree_most"]:
        parts.append(_disagreeing_most(worst, shown))
        if least := agrees_least(rows):
            name, measure, value = least
            parts.append(f"agrees least: {_screen_name(name, shown)} ({shown(measure.replace('`', ''))} {value})")
    elif not any(row["shared_tasks"] for row in rows.values()):  # each task one annotator's: nothing to compare
        parts.append("no task shared")
    if voted := {name: row["majority"] for name, row in rows.items() if row.get("majority", {}).get("tasks")}:
        name, votes = min(voted.items(), key=lambda item: (-item[1]["outvoted"] / item[1]["tasks"],
                                                           -item[1]["outvoted"], item[0]))
        parts.append(f"most outvoted: {_screen_name(name, shown)} ({outvoted_shown(votes)})" if votes["outvoted"]
                     else "outvoted (majority): none")
    return "; ".join(parts)


def _disagreeing_most(worst: Mapping[str, dict[str, Any]], shown: Callable[[str], str]) -> str:
    """The lowest number of the card's "Disagree most" (``worst``), its pair and measure named; none when it is
    1 (every pair agreeing on everything: a pair named there read as a problem)."""
    measure, pair = min(worst.items(), key=lambda item: item[1].get("cohen_kappa", item[1].get("f1")))
    if pair.get("cohen_kappa", pair.get("f1")) >= 1:
        return "every pair agrees"
    return (f"disagree most: {_pair_named(pair['pair'], shown)} "
            f"({shown(measure.partition(' ')[2])} {_measure_name(pair)} over {pair['tasks']} shared "
            f"task{'s' * (pair['tasks'] != 1)})")


def _screen_name(name: str, shown: Callable[[str], str]) -> str:
    """An annotator as the summary and the card name them: a bare user id as ``user 5`` ("1 and 3" read as counts,
    and a card's row ``1`` as a number; report.json keeps the export's ``1``)."""
    return f"user {name}" if name.isdigit() else shown(name)


def _pair_named(pair: str, shown: Callable[[str], str]) -> str:
    """A pair of report.json (``1 | ana@jornal.pt``) as the summary and the card name it: ``user 1 and ana@...``."""
    first, _bar, second = pair.partition(" | ")
    return f"{_screen_name(first, shown)} and {_screen_name(second, shown)}"


def outvoted_shown(votes: Mapping[str, int]) -> str:
    """A row's ``majority`` as the card and the summary show it: ``2 of 3 tasks``, with several labelled texts
    ``2 of 3 tasks, 3 of 6 texts``."""
    shown = f"{votes['outvoted']} of {votes['tasks']} task{'s' * (votes['tasks'] != 1)}"
    if "texts" in votes:
        shown += f", {votes['outvoted_texts']} of {votes['texts']} text{'s' * (votes['texts'] != 1)}"
    return shown


def _shown(value: float | None) -> str:
    return "-" if value is None else str(value)


def _measure_name(worst: Mapping[str, Any]) -> str:
    return f"kappa {worst['cohen_kappa']}" if "cohen_kappa" in worst else f"F1 {worst['f1']}"


ANNOTATORS_SAID = (
    "Annotators as the export names them. *finished*: annotations submitted (cancelled ones apart); *tasks shared*: "
    "tasks another annotator also finished. Kappa (Cohen's, per choice control) and F1 (spans, as above, entities "
    "and claims apart) compare the annotator's answers on shared tasks with each other annotator's, pooled over "
    "those pairs; of one annotator's several annotations of a task the latest counts; `-`: nothing to compare. "
    "*outvoted*: shared tasks whose majority labels differ from the annotator's own. Every pair is in report.json "
    "(`annotators.pairs`).")
# Said only where a task has several labelled texts (each voted on apart), so that other cards read as before.
OUTVOTED_BY_TEXT_SAID = (
    " Tasks with several labelled texts are voted on text by text: such a task counts once, outvoted when the "
    "majority differs from the annotator on any of its texts; after it, the texts outvoted of those voted on.")


def latest_of_each(placed: Sequence[tuple[Annotation, Labels]], order: Callable[[Annotation], Any]
                   ) -> dict[str, int]:
    """Where each named annotator's annotation of a task is in ``placed``: of their several annotations
    (nearly never), the latest, the greatest ``order`` (asked only then: reading a time costs a thousand
    instructions)."""
    latest: dict[str, int] = {}
    for position, (annotation, _labels) in enumerate(placed):
        if (name := annotation.annotator) is None:
            continue
        if name not in latest or order(annotation) > order(placed[latest[name]][0]):
            latest[name] = position
    return latest
