"""Session 36 (exportspeed16): the report's counts of a JSONL export, cut by set operations and
two-annotation sums, count as the plain definitions do."""

from __future__ import annotations

import itertools
import random

from server.exporting.examples import Labels, Span
from server.exporting.report import Agreement, Predicted, Survival


def _spans(rng: random.Random, count: int) -> list[Span]:
    labels = ["ORG", "PER", "CLAIM", "claim"]
    return [Span(start, start + rng.randint(1, 9), rng.choice(labels), "x")
            for start in (rng.randint(0, 40) for _n in range(count))]


def _survival(by_control: dict[str, list[Span]], final: dict[Span, str]) -> dict[str, dict[str, int]]:
    """Survival's outcomes per label as defined, span by span (see Survival)."""
    def overlap(one: Span, other: Span) -> bool:
        return one.start < other.end and other.start < one.end

    def claim(span: Span) -> bool:
        return span.label.upper() == "CLAIM"

    counts: dict[str, dict[str, int]] = {}
    for control, spans in by_control.items():
        for span in spans:
            outcome = "kept" if final.get(span) == control else "changed" if any(
                overlap(span, other) and other_control == control and claim(other) == claim(span)
                for other, other_control in final.items()) else "deleted"
            counts.setdefault(span.label, dict.fromkeys(Survival.OUTCOMES, 0))[outcome] += 1
    for other, control in final.items():
        of_kind = [span for span in by_control.get(control, []) if claim(span) == claim(other)]
        if other not in of_kind and of_kind and not any(overlap(span, other) for span in of_kind):
            counts.setdefault(other.label, dict.fromkeys(Survival.OUTCOMES, 0))["added"] += 1
    return counts


def test_survival_counts_each_outcome_as_defined() -> None:
    """Survival counts each plugin's outcomes by label (no key tuple a span): the same counts as span by span,
    with spans predicted twice, of two controls, and of several kinds, few (compared each with each) and many
    (indexed)."""
    rng = random.Random(36)
    for _round in range(400):
        final_spans = _spans(rng, rng.randint(0, 30 if rng.random() < 0.2 else 12))
        final = {span: "label" if rng.random() < 0.9 else "other" for span in final_spans}
        predicted = _spans(rng, rng.randint(1, 4)) + rng.sample(final_spans, k=rng.randint(0, len(final_spans)))
        predicted += rng.sample(predicted, k=rng.randint(0, 1))  # a span predicted twice
        by_control: dict[str, list[Span]] = {}
        for span in predicted:
            by_control.setdefault("label" if rng.random() < 0.9 else "other", []).append(span)
        survival = Survival()
        survival.add({"plugin": Predicted(by_control, [])}, Labels(spans=sorted(final), controls=final), task_id=1)
        assert survival.as_dict()["plugins"]["plugin"] == dict(sorted(_survival(by_control, final).items()))


def _pairwise(annotations: list[Labels]) -> dict:
    """Fleiss' kappa's sums and span F1's counts as defined: rater by rater, pair by pair."""
    items: dict[str, list] = {}
    categories: dict[str, dict[tuple[str, ...], int]] = {}
    for control in sorted({control for labels in annotations for control in labels.choices}):
        answers = [tuple(sorted(labels.choices[control])) for labels in annotations if control in labels.choices]
        if len(answers) < 2:
            continue
        ratings: dict[tuple[str, ...], int] = {}
        for answer in answers:
            ratings[answer] = ratings.get(answer, 0) + 1
        item = items.setdefault(control, [0, 0.0, 0])
        item[0] += 1
        item[1] += (sum(n * n for n in ratings.values()) - len(answers)) / (len(answers) * (len(answers) - 1))
        item[2] += len(answers)
        for answer, n in ratings.items():
            categories.setdefault(control, {})[answer] = categories.get(control, {}).get(answer, 0) + n
    matches: dict[str, int] = {}
    totals: dict[str, int] = {}
    for first, second in itertools.combinations(annotations, 2):
        for span in set(first.spans) & set(second.spans):
            matches[span.label] = matches.get(span.label, 0) + 1
        for span in first.spans + second.spans:
            totals[span.label] = totals.get(span.label, 0) + 1
    return {"items": items, "categories": categories, "matches": matches, "totals": totals}


def test_agreement_of_two_annotations_sums_as_every_pair_and_rater() -> None:
    """Two annotations' choices and spans are summed directly (Agreement._add_pair), the matches counted once
    for |A| + |B|: the same sums as rater by rater and pair by pair, in the same order of categories."""
    rng = random.Random(16)
    pool = [Span(start, start + 4, label, "Meta") for start in range(0, 30, 5) for label in ("ORG", "PER")]
    agreement = Agreement()
    expected: dict = {"items": {}, "categories": {}, "matches": {}, "totals": {}}
    for _round in range(300):
        annotations = []
        shared = rng.sample(pool, rng.randint(0, 5))
        for _n in range(rng.choice([2, 2, 2, 3])):
            spans = list(dict.fromkeys(shared + rng.sample(pool, rng.randint(0, 2)) if rng.random() < 0.5 else shared))
            choices = {control: tuple(rng.sample(["A", "B", "C"], rng.randint(1, 2)))
                       for control in ("sentiment", "topics") if rng.random() < 0.8}
            annotations.append(Labels(spans=sorted(spans), choices=choices, controls=dict.fromkeys(spans, "label")))
        agreement.add_task(annotations)
        one = _pairwise(annotations)
        for control, (n, p, r) in one["items"].items():
            item = expected["items"].setdefault(control, [0, 0.0, 0])
            item[0], item[1], item[2] = item[0] + n, item[1] + p, item[2] + r
        for control, ratings in one["categories"].items():
            for answer, n in ratings.items():
                counted = expected["categories"].setdefault(control, {})
                counted[answer] = counted.get(answer, 0) + n
        for kind in ("matches", "totals"):
            for label, n in one[kind].items():
                expected[kind][label] = expected[kind].get(label, 0) + n
    matches, totals = agreement.label_counts()
    assert {control: list(item) for control, item in agreement.choice_items.items()} == expected["items"]
    assert {control: list(ratings.items()) for control, ratings in agreement.choice_categories.items()} == {
        control: list(ratings.items()) for control, ratings in expected["categories"].items()}
    assert (dict(+matches), dict(totals)) == (expected["matches"], expected["totals"])
