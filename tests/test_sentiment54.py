"""Sentiment probe ``sentiment54`` (fixtures/sentiment54): issue 4's open sentiment cases as kinds. An explainer's
questions of who may apply and how ask for facts, and make its "who pays" one too; a question turned on itself or pressed
("Quem vigia quem?", "What exactly ...?", "..., really?", "..., afinal?") closing a paragraph argues by it; the writer's
own climb ("subimos") is no rise, but a team's or a firm's is; a device that never "gets hot" is praised (the
pattern's key held "get hot" only). Each is tested here on other sentences, with guards; every expected outcome was
written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import SPARED_FAULTS, argues_by_questions, read
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "sentiment54"


# ------------------------------------------------------------------ an explainer's questions

@pytest.mark.parametrize(("text", "language"), [
    ("O novo auxílio começa em abril. Quem pode receber? Quem paga a conta?", "pt"),
    ("O programa de bolsas abriu as inscrições. Como se inscrever? Quem paga a viagem?", "pt"),
    ("The council has launched a home insulation grant. Who is eligible? Who pays for the survey?", "en"),
    ("A new rail card goes on sale on Monday. How do I apply? Who pays the difference?", "en"),
])
def test_an_explainers_questions_ask_for_facts(text, language):
    # the questions carry nothing (the grant's text was written to be Neutral, but VADER's "launched" reads as praise)
    assert "closing questions" not in sentiment(text, language)[2]


@pytest.mark.parametrize(("text", "language"), [
    ("A prefeitura aprovou mais um aumento do IPTU. Quem paga a conta?", "pt"),
    ("The minister signed another consultancy contract. Who pays for it?", "en"),
])
def test_a_lone_question_of_who_pays_still_argues(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ a question turned on itself or pressed

@pytest.mark.parametrize(("text", "language"), [
    ("A escola ainda proíbe o celular, e o aplicativo já corrige a prova. Quem ensina quem?", "pt"),
    ("The regulator still takes a year to reply, and the bank writes its own rules. Who is regulating whom?", "en"),
    ("We spent a fortune on the new ticket machines, and the queue is still out the door. What exactly did we buy?",
     "en"),
    ("The app can order a taxi in four languages, and still nobody in the village has a signal. Who is it for, "
     "really?", "en"),
    ("O novo estádio custou 300 milhões, e o hospital da cidade continua sem obstetra. Para que serve, afinal?", "pt"),
])
def test_a_pressed_closing_question_argues(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize("pieces", [
    ["The semi-final is on Sunday.", "Who will win?"],
    ["The warranty covers two years.", "What exactly is covered?", "The screen and the battery."],
    ["Quem ganhou o jogo?", "O Vasco."],
])
def test_questions_that_ask_do_not_argue(pieces):
    assert not argues_by_questions(pieces)


# ------------------------------------------------------------------ the writer's climb

@pytest.mark.parametrize("text", [
    "Subimos a escadaria até à igreja.",
    "Subi os cinco andares porque o elevador estava parado.",
    "Depois do almoço subimos de teleférico.",
])
def test_the_writers_climb_is_no_rise(text):
    assert "'subi" not in " ".join(cue for cue, _ in read(text, "pt").cues)


@pytest.mark.parametrize("text", [
    "Com o empate, subimos para o quarto lugar.",
    "Este ano subimos 15% nas vendas.",
    "O dólar subiu e a bolsa também.",
])
def test_a_rise_in_the_table_or_a_figure_stays_good_news(text):
    assert read(text, "pt").total > 0


# ------------------------------------------------------------------ a device that never gets hot

@pytest.mark.parametrize("text", ["The charger never gets hot.", "My old phone got hot, this one doesn't get hot at all."])
def test_a_heat_fault_that_does_not_happen_is_read(text):
    assert SPARED_FAULTS["en"].search(text)


def test_a_heater_that_never_gets_hot_fails():
    assert sentiment("The radiator never gets hot, even on full.", "en")[0] == "Negative"


# ------------------------------------------------------------------ the probe's studied set, as measured

STUDIED_WRONG = [
    "s02",  # "Qualquer jovem": LeIA's "jovem" +, read as news at +0.32
    "s07",  # "lindíssima" +0.51 below the Portuguese review threshold (0.75)
    "s08",  # a team's rise +0.72, below it too
    "s17",  # "Who will win?": "win" in a question
    "s18",  # a warranty's "Any fault in the screen": the covered fault read as a complaint
]


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# At its one run (f206d32) b01, b04, b08 and b11 were wrong: 12 of 16, the result that stands. Since sentiment 0.6.42
# (sentiment55, which took them as studied kinds in new sentences) b04 (told as history), b08 (a changelog's entries,
# "supported") and b11 (a lift's fault again, a count closing on "este mês") are right.
BLIND_WRONG = [
    "b01",  # a recipe's warmth: "cheiro" in a sentence of cooking carries nothing now, but no other word praises: Neutral
]


def test_the_blind_set_as_measured_at_its_one_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
