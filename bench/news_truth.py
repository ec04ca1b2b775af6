"""The project's news paragraphs with complete entity truth, and the blind paragraphs' held-out suggestions.

Shared by ``bench/calibrate_entities.py`` (which blends the pattern sources' scores with the blind replays) and
``bench/entity_reliability.py`` (which reports how reliable the scores are on them).

- ``news_paragraphs``: the paragraphs of ``fixtures/`` whose truth names every name a careful annotator would
  mark (``NEWS_PROBES``; written before the plugins read them). The ``studied`` ones chose rules; the ``blind``
  ones were run once after them, and later sessions fixed some of their misses: today's code has seen both.
- ``replayed_suggestions``: the blind paragraphs' suggestions by the code from before each blind set was written
  (``fixtures/calib35``), which no rule was chosen on: held-out evidence of how often each source is right on news.
- ``news_half``: each paragraph falls in a fit or a check half by a hash of its probe and id, so that what is fitted
  on one half is checked on the other.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from plugins.entities import EXPLANATIONS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# The fixture folders whose paragraphs carry complete entity truth (``entities`` and ``ignore``). The
# entitiesen* probes and the ``known.jsonl`` cases list only some names (``expected``/``absent``), the
# sentiment paragraphs none: a suggestion outside them cannot be judged. Since session 45 the entities probes
# are named after their session (s45-entities, s46-entities).
NEWS_PROBES = ("entities*", "news*", "products_probe*", "s[0-9]*-entities*")
REPLAYS = FIXTURES / "calib35" / "blind_replays.jsonl"


class Replayed(NamedTuple):
    """A blind paragraph's suggestion by the code from before the paragraph was written, judged by its truth."""

    language: str
    half: str
    source: str
    label: str
    score: float  # as that code scored it
    right: bool


def news_paragraphs(fixtures: Path = FIXTURES) -> list[dict[str, Any]]:
    """The paragraphs with complete entity truth, each with its ``probe`` (folder) added."""
    paragraphs = []
    for pattern in NEWS_PROBES:
        for path in sorted(fixtures.glob(f"{pattern}/*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                paragraph = json.loads(line)
                if "entities" in paragraph and "ignore" in paragraph:
                    paragraphs.append({**paragraph, "probe": path.parent.name})
    return paragraphs


def news_half(paragraph: dict[str, Any]) -> str:
    """fit or check, by a hash of the paragraph's probe and id (stable across runs and machines)."""
    key = f"{paragraph['probe']}/{paragraph['id']}".encode()
    return "fit" if hashlib.sha256(key).digest()[0] % 2 == 0 else "check"


def news_verdict(paragraph: dict[str, Any], text: str, label: str) -> bool | None:
    """Whether a suggestion of ``text`` as ``label`` is right by the paragraph's truth, as the probes' tests judge
    it: its text (or an alt) with one of the name's labels, or a part the truth accepts instead of the whole
    (``or``). None when the truth neither accepts nor rejects it (``ignore``, optional names)."""
    ignored = set(paragraph["ignore"])
    for name in paragraph["entities"]:
        accepted = {(surface, accepted_label) for surface in [name["text"], *name.get("alts", [])]
                    for accepted_label in name.get("labels", [name["label"]])}
        accepted |= {tuple(part) for part in name.get("or", [])}
        if (text, label) in accepted:
            return True
        if name.get("optional"):
            ignored.add(name["text"])
    return None if text in ignored else False


def replayed_suggestions(replays: Path = REPLAYS, fixtures: Path = FIXTURES) -> list[Replayed]:
    """The replayed suggestions (``fixtures/calib35/replay_blind.py``) the truth judges, with their sources."""
    paragraphs = {(p["probe"], p["id"]): p for p in news_paragraphs(fixtures) if p["set"] == "blind"}
    judged = []
    for line in replays.read_text(encoding="utf-8").splitlines():
        suggestion = json.loads(line)
        paragraph = paragraphs[(suggestion["probe"], suggestion["id"])]
        verdict = news_verdict(paragraph, suggestion["text"], suggestion["label"])
        if verdict is not None:
            judged.append(Replayed(paragraph["lang"][:2], news_half(paragraph), source_of(suggestion["explanation"]),
                                   suggestion["label"], suggestion["score"], verdict))
    return judged


def source_of(explanation: str) -> str:
    """The source an explanation names (``EXPLANATIONS``: the longest template opening it matches)."""
    openings = sorted(((template.split("{")[0], source) for source, template in EXPLANATIONS.items()),
                      key=lambda opening: -len(opening[0]))
    return next(source for opening, source in openings if explanation.startswith(opening))
