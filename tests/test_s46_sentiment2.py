"""Sentiment probe ``s46-sentiment2`` (fixtures/s46-sentiment2): round 1's open cases in new words and the kinds least
probed (app store, hotel and restaurant reviews, polite complaints, mixed reviews whose verdict comes last). Thanks for
something that open a text and praise it are its verdict; "valeu a pena cada minuto" is praise; a question how long a
natural process takes (a personal infinitive, "quanto tempo demora") says nothing; a counted act praised after is
sincere thanks; a return refused closes as the verdict; a plea to fix complains; "por favor" is no favour. Every
expected outcome of the probe's sets was written before the plugin read the text.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import asks_about_a_process, refused_return, turn_thanks_for_failing_acts
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s46-sentiment2"


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Obrigada por cuidar das minhas plantas enquanto eu viajava, estão todas lindas.", "pt", "Positive"),
    ("Valeu pela carona ontem, cara, salvou meu dia.", "pt", "Positive"),
    # guards: a notice's courtesy praises nothing beyond the thanks; ironic thanks hold something bad
    ("Obrigado pela compreensão.", "pt", "Neutral"),
    ("Obrigado à clínica por remarcar o meu exame pela terceira vez.", "pt", "Negative"),
    ("Valeu a pena.", "pt", "Neutral"),  # the lukewarm "vale a pena" of B2W's reviews, no thanks
])
def test_opening_thanks_for_something_praised_are_the_verdict(text, language, label):
    assert sentiment(text, language)[0] == label


def test_every_minutes_worth_is_praise():
    assert sentiment("A viagem foi longa, mas valeu a pena cada minuto.", "pt")[0] == "Positive"


@pytest.mark.parametrize(("question", "language", "process"), [
    ("Quanto tempo demora para as estacas enraizarem na água?", "pt", True),
    ("Porque é que demora tanto para as sementes germinarem?", "pt", True),
    ("Quanto tempo demora para entregarem o meu pedido?", "pt", False),  # "-em" off a service's verb
])
def test_a_personal_infinitive_of_a_process(question, language, process):
    assert asks_about_a_process(question, language) is process


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Quanto tempo demora para as estacas enraizarem na água?", "pt", "Neutral"),
    ("How long does it take for a burn to heal?", "en", "Neutral"),
    ("Quanto tempo demora para entregarem o meu pedido?", "pt", "Negative"),  # a service: left as it reads
])
def test_how_long_a_process_takes_is_a_question_of_fact(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("words", "valences", "turned"), [
    ("thank you for taking my call a second time and sorting out the booking really appreciated".split(),
     [1.5, *[0.0] * 13, 2.3], []),
    ("thank you for taking my call a second time".split(), [1.5, *[0.0] * 8], [0]),
])
def test_a_counted_act_praised_after_is_sincere(words, valences, turned):
    assert turn_thanks_for_failing_acts(words, valences, "en") == turned


@pytest.mark.parametrize(("sentence", "language", "refused"), [
    ("Wouldn't stay again.", "en", True),
    ("We won't be staying here again.", "en", True),
    ("Nunca mais volto.", "pt", True),
    ("Would stay again.", "en", False),
    ("Não volto a trabalhar amanhã porque é feriado e vou descansar em casa.", "pt", False),  # more than a refusal
])
def test_a_return_refused(sentence, language, refused):
    assert (refused_return(sentence, language) is not None) is refused


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Great location and friendly staff, but the room smelled of damp and the AC never worked. Wouldn't stay again.",
     "en", "Negative"),
    ("O quarto era lindo. Não volto mais.", "pt", "Negative"),
    ("Great location and friendly staff. Would stay again.", "en", "Positive"),
])
def test_a_return_refused_closes_as_the_verdict(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Since the last update the app logs me out every time I switch screens. Please fix.", "en", "Negative"),
    ("O app trava toda hora. Por favor, corrijam isso.", "pt", "Negative"),
    ("Great app, please fix the dark mode.", "en", "Positive"),  # praise with a wish
    ("They fixed it quickly.", "en", "Neutral"),  # a fix told
])
def test_a_plea_to_fix_complains(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("text", "language", "label"), [
    ("The mattress is so cozy that I can't get out of bed in the morning.", "en", "Positive"),
    ("The armchair is so comfy that I couldn't get up all afternoon.", "en", "Positive"),
])
def test_comfort_is_praise(text, language, label):
    assert sentiment(text, language)[0] == label


# ------------------------------------------------------------------ the sets

# Before (02dd73db, s46-sentiment merged): 13 of 25. Left: s09 ("O aplicativo não abre": "abrir" negated is no unmet
# expectation, as a shop that does not open on Sundays is none), s11 ("muito prestável" +0.49, under the review
# threshold), s13 ("had not been cleaned", "paper thin": no word VADER reads), s18 (a pt-PT bank complaint in formal
# words: "venho por este meio informar", "comissão que não reconheço").
# Since sentiment 0.6.46 (probe s47-sentiment): s09 ("não abre" said of an app) and s13 ("paper thin") right.
STUDIED_WRONG = ["s11", "s18"]


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (the set committed in 0e7292ad, written after the studied fixes): 9 of 12; the base's code (02dd73db) 7 of
# 12. Gained b02 ("Valeu pela ajuda"), b03 ("Quanto tempo leva para um osso quebrado cicatrizar"); nothing lost. Missed
# on both: b01 (LeIA reads "lindamente" as negative), b07 ("I would appreciate it if you could refund the duplicate
# payment": a polite complaint read by "appreciate"), b08 (a pt-PT courier complaint with no word read).
# Since sentiment 0.6.46 (probe s47-sentiment, later runs, no longer blind): b01 ("lindamente" praise) and b07 (thanks
# asked in advance carry nothing) right.
BLIND_WRONG = ["b08"]


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
