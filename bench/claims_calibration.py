"""Whether a monotone mapping of the claims score, fitted on development material, would make its score bands honest.

    .venv/bin/python bench/claims_calibration.py ../shared/datasets

The claims data has no development split: the ClaimPT sample (84 segments, 16 claims) is what ``bench/quality.py``
reports, and FACTCK.BR holds claims only (no negatives to calibrate against). The one labelled material the rules were
developed on is the project's own probes: each ``fixtures/*/studied.jsonl`` sentence marked a claim or not before the
plugin read it. This script prints the share of real claims per score band on the studied sets (development), the
blind sets and ClaimPT, then ClaimPT's bands with an isotonic mapping fitted on the studied sets, and, for information
only, with isotonic and Platt mappings cross-fitted on ClaimPT's own article folds (a mapping fitted there would be
fitted on the reporting sample, so none is shipped from it). Session 53's answer (bench/HISTORY.md "## s53-claims"): no
mapping fitted on the probes makes ClaimPT's bands honest, so the plugin's scores stay as they are.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from quality import CLAIM_FOLDS, CLAIM_SCORE_BANDS, ROOT, claim_segments, covered

from plugins.claims import ClaimAnnotator, claim_content
from server.analysis import AnalyzedText

Scored = list[tuple[float, bool]]  # (score, is a claim)


def probe_units(annotator: ClaimAnnotator, pattern: str) -> Scored:
    """The score of each unit of the probes' rows that holds, or lies in, a sentence marked a claim or not."""
    scored: Scored = []
    for path in sorted(ROOT.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "claims" not in row or "not_claims" not in row:
                continue
            text = row["text"]
            for unit in annotator.score(AnalyzedText(text, language_hint=row["lang"][:2])):
                part = text[unit.start:unit.end].strip()
                truth = _truth(part, row["claims"], row["not_claims"])
                if truth is not None:
                    scored.append((unit.score, truth))
    return scored


def _truth(part: str, claims: Sequence[str], not_claims: Sequence[str]) -> bool | None:
    if any(claim_content(claim).strip() in part or part in claim for claim in claims):
        return True
    if any(sentence.strip() in part or part in sentence for sentence in not_claims):
        return False
    return None


def claimpt_units(annotator: ClaimAnnotator, datasets: Path) -> list[tuple[int, float, bool]]:
    """(article index, best covering score, is a claim) for each ClaimPT segment, as ``bench/quality.py`` scores them."""
    scored = []
    for index, (_name, text, segments) in enumerate(claim_segments(datasets)):
        units = [(u.start, u.end, u.score) for u in annotator.score(AnalyzedText(text, language_hint="pt"))]
        scored += [(index, covered(segment, units), segment[2]) for segment in segments]
    return scored


def isotonic(scored: Scored) -> Callable[[float], float]:
    """Pool-adjacent-violators: the share of claims of each block of scores, non-decreasing."""
    blocks: list[list[float]] = []  # [claims, count, highest score]
    for score, truth in sorted(scored):
        blocks.append([float(truth), 1.0, score])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            claims, count, highest = blocks.pop()
            blocks[-1] = [blocks[-1][0] + claims, blocks[-1][1] + count, highest]
    return lambda score: next((c / n for c, n, high in blocks if score <= high), blocks[-1][0] / blocks[-1][1])


def platt(scored: Scored, steps: int = 3000, rate: float = 0.05) -> Callable[[float], float]:
    """A logistic of the score's log-odds, fitted by gradient descent."""
    points = [(math.log(max(s, 1e-4) / max(1 - s, 1e-4)), truth) for s, truth in scored]
    slope, bias = 1.0, 0.0
    for _ in range(steps):
        errors = [(1 / (1 + math.exp(-(slope * x + bias))) - truth, x) for x, truth in points]
        slope -= rate * sum(e * x for e, x in errors) / len(points)
        bias -= rate * sum(e for e, _ in errors) / len(points)
    return lambda s: 1 / (1 + math.exp(-(slope * math.log(max(s, 1e-4) / max(1 - s, 1e-4)) + bias)))


def cross_fitted(scored: list[tuple[int, float, bool]], fit: Callable[[Scored], Callable[[float], float]]) -> Scored:
    """Each fold's scores mapped by a fit on the other folds' articles."""
    mapped: Scored = []
    for fold in range(CLAIM_FOLDS):
        mapping = fit([(s, truth) for index, s, truth in scored if index % CLAIM_FOLDS != fold])
        mapped += [(mapping(s), truth) for index, s, truth in scored if index % CLAIM_FOLDS == fold]
    return mapped


def bands(scored: Scored) -> str:
    cells = []
    for low, high in CLAIM_SCORE_BANDS:
        inside = [truth for score, truth in scored if low <= score < high]
        cells.append(f"{sum(inside) / len(inside):.3f} of {len(inside)}" if inside else "-")
    return " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", type=Path)
    datasets = parser.parse_args().datasets
    annotator = ClaimAnnotator()
    studied = probe_units(annotator, "fixtures/*/studied.jsonl")
    claimpt = claimpt_units(annotator, datasets)
    claimpt_scores = [(s, truth) for _, s, truth in claimpt]
    fitted_on_studied = isotonic(studied)
    rows = [
        ("probes' studied sets (development)", studied),
        ("probes' blind sets", probe_units(annotator, "fixtures/*/blind*.jsonl")),
        ("ClaimPT sample, as scored", claimpt_scores),
        ("ClaimPT, isotonic fitted on the studied sets", [(fitted_on_studied(s), t) for s, t in claimpt_scores]),
        ("ClaimPT, isotonic cross-fitted on its folds (information)", cross_fitted(claimpt, isotonic)),
        ("ClaimPT, Platt cross-fitted on its folds (information)", cross_fitted(claimpt, platt)),
    ]
    header = " | ".join(f"[{low}, {min(high, 1.0)})" for low, high in CLAIM_SCORE_BANDS)
    print(f"| share of claims per score band | n | {header} |")
    print("|---|---|" + "---|" * len(CLAIM_SCORE_BANDS))
    for name, scored in rows:
        print(f"| {name} | {len(scored)} | {bands(scored)} |")


if __name__ == "__main__":
    main()
