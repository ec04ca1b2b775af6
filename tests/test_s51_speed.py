"""s51-speed's cuts give what the code they replaced gave: the kept spans' bisect (``overlaps_a_span``) answers as
``Candidate.overlaps`` against each kept span, and ``CueIndex._cues_of`` picks the cues of a combination's bits in
their order, on random cases of a fixed seed."""

import random

from plugins.claims import cues_for
from plugins.entities import Candidate, overlaps_a_span


def test_overlaps_a_span_answers_as_each_kept_candidate_would():
    draw = random.Random(51)
    for _ in range(300):
        kept: list[Candidate] = []
        spans: list[tuple[int, int]] = []
        for _ in range(draw.randint(1, 40)):
            start = draw.randint(0, 120)
            candidate = Candidate(start, start + draw.randint(0, 12), "ORG", "model")
            expected = any(candidate.overlaps(other) for other in kept)
            assert overlaps_a_span(sorted(spans), candidate.start, candidate.end) == expected
            if not expected:
                kept.append(candidate)
                spans.append((candidate.start, candidate.end))


def test_cues_of_a_combination_are_its_bits_cues_in_order():
    index = cues_for("pt")
    draw = random.Random(51)
    for _ in range(500):
        found = draw.getrandbits(len(index.cues)) & draw.getrandbits(len(index.cues))
        expected = tuple(cue for position, cue in enumerate(index.cues) if found >> position & 1)
        assert index._cues_of(found) == expected
