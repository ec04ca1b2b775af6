"""Sentiment probe ``s47-sentiment2`` (fixtures/s47-sentiment2): s47-sentiment's leftovers in new words and the kinds
least probed (restaurant reviews, bank and telecom complaints, game reviews, pt-PT forum posts). Dirt and rudeness told
in words LeIA does not score are faults; a courier's claim that no one was home, denied by the writer, is a complaint;
"restore" in a forum's instructions and "quebrar a cabeça" carry nothing; a delivery rescheduled again and again is a
complaint; thanks for an act done ("Agradeço que tenham vindo") are praise; a paper-thin device is praised. Every
expected outcome of the probe's sets was written before the plugin read the text.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    charge_false_absences,
    opening_thing,
    charge_repeated_reschedules,
    charge_rude_staff,
    drop_racked_brains,
    drop_restored_data,
    portuguese_lexicon,
    praise_slim_devices,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s47-sentiment2"


@pytest.mark.parametrize("word", ["manchados", "encardidas", "imundo", "suja", "malcriada"])
def test_dirt_and_rudeness_are_in_the_portuguese_lexicon(word):
    assert portuguese_lexicon()[word] < 0


@pytest.mark.parametrize(("sentence", "rude"), [
    ("a recepcionista foi grossa quando pedimos para trocar", True),
    ("o atendente foi muito grosso comigo", True),
    ("ele foi grosso com a minha mae", True),
    ("a camada de tinta e grossa", False),  # thick: no one serving
    ("o molho ficou grosso demais", False),
])
def test_coarse_is_rude_said_of_staff(sentence, rude):
    folded = sentence.split()
    valences = [0.0] * len(folded)
    charge_rude_staff(folded, valences)
    assert (min(valences) < 0) is rude


@pytest.mark.parametrize(("sentence", "dropped"), [
    ("tava quebrando a cabeca com isso", True),
    ("andei dias a quebrar a cabeca com este erro", True),
    ("o vaso quebrou e a cabeca da boneca caiu", False),
])
def test_racking_ones_brains_is_no_harm(sentence, dropped):
    folded = sentence.split()
    valences = [-2.5 if word.startswith("quebr") else 0.0 for word in folded]
    drop_racked_brains(folded, valences)
    assert (min(valences) == 0.0) is dropped


@pytest.mark.parametrize(("sentence", "language", "charged"), [
    ("o estafeta disse que ninguem estava em casa mas eu estive ca a tarde toda", "pt", True),
    ("a transportadora marcou que nao havia ninguem no endereco mas eu estava em casa", "pt", True),
    ("the courier claimed nobody was home to sign for it but i was by the door", "en", True),
    ("the driver said no one was home so he left it with a neighbour", "en", False),  # reported, not denied
    ("ninguem estava em casa mas a vizinha recebeu", "pt", False),  # no one's claim
])
def test_a_claimed_absence_the_writer_denies(sentence, language, charged):
    lowered = sentence.split()
    assert bool(charge_false_absences(lowered, [0.0] * len(lowered), language)) is charged


@pytest.mark.parametrize(("sentence", "dropped"), [
    ("then restore your backup", True),
    ("choose restore from the last backup", True),
    ("we restore old furniture", False),
])
def test_restoring_data_is_no_relief(sentence, dropped):
    lowered = sentence.split()
    valences = [1.2 if word == "restore" else 0.0 for word in lowered]
    drop_restored_data(lowered, valences)
    assert (max(valences) == 0.0) is dropped


@pytest.mark.parametrize(("text", "label"), [
    ("This phone is paper-thin and feather light.", "Positive"),
    ("A paper thin laptop that weighs nothing.", "Positive"),  # the two words joined as one ("paper_thin")
    ("Walls are paper-thin and we heard everything.", "Negative"),
    ("The fabric is paper thin.", "Negative"),
])
def test_a_paper_thin_device_is_praise(text, label):
    assert sentiment(text, "en")[0] == label


def test_paper_thin_turns_only_near_a_device():
    lowered = ["a", "paper_thin", "laptop"]
    valences = [0.0, -1.5, 0.0]
    praise_slim_devices(lowered, valences)
    assert valences[1] == 1.5


@pytest.mark.parametrize(("sentence", "language", "charged"), [
    ("a entrega ja foi reagendada tres vezes", "pt", True),
    ("my installation has been rescheduled four times", "en", True),
    ("the appointment was moved twice", "en", True),
    ("the minister was asked three times", "en", False),  # nothing scheduled
    ("a reuniao foi adiada duas vezes", "pt", False),  # no delivery or appointment of the writer's
])
def test_a_delivery_rescheduled_again_and_again(sentence, language, charged):
    lowered = sentence.split()
    assert bool(charge_repeated_reschedules(lowered, [0.0] * len(lowered), language)) is charged


def test_a_drawer_that_does_not_open_seven_words_on():
    folded = "a gaveta de baixo da comoda nova simplesmente nao abre esta travada".split()
    assert opening_thing(folded, folded.index("abre"))


@pytest.mark.parametrize(("text", "label"), [
    ("Agradeço que tenham vindo.", "Positive"),
    ("Agradeço muito a toda a equipa do hospital.", "Positive"),  # GRATITUDE's key missed "agradeço" before
    ("Agradeço que a situação seja corrigida o quanto antes.", "Neutral"),  # a request
])
def test_thanks_for_an_act_done(text, label):
    assert sentiment(text, "pt")[0] == label


# ------------------------------------------------------------------ the sets

# Before (22e3fb38): 14 of 21; wrong s01, s02 (dirt and rudeness LeIA does not score), s04, s05 (a courier's false
# "no one was home"), s07 ("quebrar a cabeça" over "resolveu"), s11 ("Agradeço que tenham"), s12 ("paper-thin" phone).
# After: 21 of 21.
STUDIED_WRONG: list[str] = []


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (the set committed in 1d09d7f3, written after the studied fixes): 10 of 12; 22e3fb38's code 8 of 12. Gained
# b04 ("The engineer visit has been rescheduled three times"), b10 ("Agradeço muito a paciência de vocês"); nothing
# lost. Missed on both: b08 ("O entregador informou que ninguém atendeu, mas o porteiro ...": no home named, the
# absence is "ninguém atendeu"), b12 ("Depois de quebrar muito a cabeça": an intensifier inside the idiom). b11 is
# right by "gorgeous" alone at the run: its two-word "Paper thin" stayed a fault (the corrections' phrase is joined into
# one word, "paper_thin", which the rule as first written did not look for; found by this run and turned after it: b11
# now reads 'paper thin' as praise too, its label unchanged).
BLIND_WRONG = ["b08", "b12"]


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
