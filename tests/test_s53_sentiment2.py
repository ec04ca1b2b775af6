"""Sentiment probe ``s53-sentiment2`` (fixtures/s53-sentiment2): per-sentence spans (a review's sentence held to
SENTENCE_PRAISE, each sentence read in its text), irony written out ("só que não", "sqn") or marked by 😒, and a
customer's standing ("a loyal customer", "cliente fiel") that carries nothing."""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import sentence_labels, wrong_sentences
from plugins.sentiment import (
    DEFAULT_THRESHOLDS,
    SENTENCE_PRAISE,
    SENTENCE_PRAISE_NOTE,
    SentenceSentimentAnnotator,
    closes_with_written_irony,
    drop_customer_standing,
    read,
    sentence_readings,
    turn_marked_irony,
)
from server.analysis import AnalyzedText
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s53-sentiment2"


def _sentence_thresholds(text: str, language: str):
    analyzed = AnalyzedText(text, language_hint=language)
    return SentenceSentimentAnnotator(DEFAULT_THRESHOLDS).sentence_thresholds(analyzed, language)


# ------------------------------------------------------------------ a review's sentence, one remark

@pytest.mark.parametrize("sentence", [
    "Aplicativo excelente, nunca travou.",  # a02, +0.73 under the review threshold 0.75
    "O app é bonito e fácil de usar.",  # a04
    "Pelo menos o atendente foi simpático.",  # t03
])
def test_a_review_sentence_of_praise_is_a_positive_span(sentence):
    text = f"Comprei pela loja online. {sentence}"
    assert sentence_labels(text, "pt") == {sentence: "positive"}


def test_a_review_sentence_is_held_to_sentence_praise_and_the_text_keeps_its_threshold():
    thresholds, notes = _sentence_thresholds("O app é bonito e fácil de usar.", "pt")
    assert thresholds.positive == SENTENCE_PRAISE and notes == [SENTENCE_PRAISE_NOTE]
    assert sentiment("O app é bonito e fácil de usar.", "pt")[0] == "Neutral"  # the review's lukewarm praise


@pytest.mark.parametrize(("text", "language"), [
    ("Produto mediano, nada de especial. A cor é bonita.", "pt"),  # a lukewarm text keeps its raised threshold
    ("O Flamengo venceu o Palmeiras por 2 a 0 no Maracanã, informou o clube.", "pt"),  # a register's own
    ("The sync works fine on my phone.", "en"),  # English's own 0.05
])
def test_sentence_praise_lowers_only_a_plain_review_threshold(text, language):
    thresholds, notes = _sentence_thresholds(text, language)
    assert SENTENCE_PRAISE_NOTE not in notes and thresholds == SentenceSentimentAnnotator(
        DEFAULT_THRESHOLDS).thresholds_for(AnalyzedText(text, language_hint=language), language)[0]


# ------------------------------------------------------------------ each sentence read in its text

def test_a_salute_before_a_failure_is_an_ironic_span():
    text = "Parabéns à operadora. Três dias sem internet."
    assert sentence_labels(text, "pt") == {"Parabéns à operadora.": "negative", "Três dias sem internet.": "negative"}


def test_the_texts_reading_is_the_sum_of_its_sentences_readings_without_a_verdict():
    text = "Great screen. The speakers are tinny and it runs hot."
    readings, verdict = sentence_readings(text, "en")
    assert verdict == "" and sum(reading.total for reading in readings) == read(text, "en").total


# ------------------------------------------------------------------ irony written out, or an unamused face

@pytest.mark.parametrize("text", [
    "Adorei ficar duas horas na fila do banco, só que não.",  # t03
    "Amei o atendimento da operadora sqn",
    "Serviço nota 10 😒",
])
def test_written_or_unamused_irony_turns_the_praise(text):
    assert sentiment(text, "pt")[0] == "Negative"


def test_so_que_nao_inside_a_sentence_is_no_mark():
    assert not closes_with_written_irony("gostei do fone so que nao veio o cabo".split())
    assert closes_with_written_irony("adorei a fila so que nao".split())
    valences = [1.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert turn_marked_irony("gostei do fone so que nao veio cabo".split(), valences) == []
    assert valences[0] == 1.5


# ------------------------------------------------------------------ a customer's standing

@pytest.mark.parametrize(("text", "language"), [
    ("I have been a loyal customer for nine years.", "en"),  # c01
    ("I've been a faithful Vodafone customer since 2015.", "en"),
    ("Sou cliente fiel da loja há nove anos.", "pt"),
])
def test_a_customers_standing_is_no_praise(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(("words", "language"), [
    ("he is a loyal friend to all of us", "en"),
    ("uma traducao fiel ao original", "pt"),
])
def test_loyalty_away_from_a_customer_keeps_its_valence(words, language):
    lowered = words.split()
    valences = [1.0] * len(lowered)
    drop_customer_standing(lowered, valences, language)
    assert valences == [1.0] * len(lowered)


def test_the_standing_next_to_a_customer_carries_nothing():
    lowered = "sou um cliente fiel de voces".split()
    valences = [0.0, 0.0, 0.0, 1.2, 0.0, 0.0]
    drop_customer_standing(lowered, valences, "pt")
    assert valences[3] == 0.0


# ------------------------------------------------------------------ the probe

# Studied (truth first, ce0718a6): merge61's code (677c0beb) texts 13 of 18, sentences 31 of 43; after, 15 and 38.
STUDIED_WRONG = ["a04", "c04", "s01"]
STUDIED_WRONG_SENTENCES = {"t04": 1, "a02": 1, "c03": 1, "s02": 1, "s04": 1}


def test_the_studied_set():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG
    wrong = {row["id"]: len(wrong_sentences(row)) for row in rows("studied.jsonl", PROBE)}
    assert {key: count for key, count in wrong.items() if count} == STUDIED_WRONG_SENTENCES


# Run once (committed in 027db935 before any run): texts 8 of 10, sentences 16 of 23; merge61's code texts 7 of 10,
# sentences 13 of 23 (b03 "só que não", b06 "Cinco estrelas.", b07 "faithful customer" gained). Missed: b07's and b08's
# texts and b08's "nunca fui tão mal tratado" (a superlative complaint read as a negation), VADER's "stopped spinning"
# and "cancelled the visit twice", LeIA's "descarrega", "simples e rápida" and "finally got me running".
BLIND_WRONG = ["b07", "b08"]
BLIND_WRONG_SENTENCES = {"b02": 1, "b04": 1, "b05": 1, "b06": 1, "b07": 2, "b08": 1}


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
    wrong = {row["id"]: len(wrong_sentences(row)) for row in rows("blind.jsonl", PROBE)}
    assert {key: count for key, count in wrong.items() if count} == BLIND_WRONG_SENTENCES
