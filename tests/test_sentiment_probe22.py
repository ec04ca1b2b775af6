"""The sentiment plugin's session-22 features: registers earlier probes did not cover (school, university,
restaurant, employer and game reviews, health-service complaints and notices, letters to the editor, product
Q&A answers, posts on public services), and the misses probe 21 left; each as a general rule tested on other
texts, with texts where the same words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import read
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment" / "probe22.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        # a first-person recommendation is the review's verdict: at "recomendo" 2.2 these stayed Neutral
        "Chegou rápido e funciona. Recomendo.",
        "Meu filho estuda lá há dois anos e evoluiu muito na leitura. As professoras são atenciosas. Recomendo a escola.",
    ],
)
def test_a_recommendation_is_a_reviews_verdict(text):
    assert sentiment(text, "pt")[0] == "Positive"


@pytest.mark.parametrize(
    "text",
    [
        # negated, as strong a verdict the other way; a third person's advice is no verdict of the writer's
        "Chegou rápido, mas não recomendo.",
        "O médico recomenda repouso de três dias.",
    ],
)
def test_a_recommendation_denied_or_reported_is_no_praise(text):
    assert sentiment(text, "pt")[0] != "Positive"


@pytest.mark.parametrize(("text", "label"), [("O app trava toda hora.", "Negative"),
                                             ("Uso todo dia e nunca travou. Recomendo.", "Positive")])
def test_an_app_that_freezes(text, label):
    assert sentiment(text, "pt")[0] == label
