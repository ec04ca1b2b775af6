"""Sentiment probe ``s52-sentiment2`` (fixtures/s52-sentiment2): s52-sentiment's leftovers. A wait counted with
"levou"/"took" and no "esperei"; a fee's or a membership's rise (a cost, bad for the customer) and English "went up";
VADER's "stops" in a plain question about a bus; food or drink served in a state that spoils it."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    UNMET_VALENCE,
    charge_slow_service,
    charge_spoiled_servings,
    drop_stopped_activities,
    phrasal_rises,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s52-sentiment2"


def _words(text: str) -> list[str]:
    return text.lower().replace(",", "").replace(".", "").replace("?", "").split()


# ------------------------------------------------------------------ a counted wait told with "levou" / "took"

@pytest.mark.parametrize(("text", "language"), [
    ("No aeroporto de Lisboa a fila do controlo de passaportes levou uma hora e meia.", "pt"),  # s52-sentiment's a3
    ("A consulta estava marcada para as nove, mas o atendimento levou duas horas e meia.", "pt"),  # w2
    ("It took us ninety minutes to get a table on a Tuesday night.", "en"),  # w3
    ("The queue at security took almost two hours.", "en"),
])
def test_a_counted_wait_told_with_took_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("The dough took two hours to rise", "en"),  # no service, no queue: w4's clause
    ("A fila andou rápido levou dez minutos", "pt"),  # a short wait is no complaint
    ("A obra levou dois anos para ficar pronta", "pt"),
    ("It took us two hours to hike to the top", "en"),
])
def test_what_took_time_without_a_wait_is_no_delay(text, language):
    words = _words(text.replace("á", "a"))
    assert charge_slow_service(words, [0.0] * len(words), language) == {}


# ------------------------------------------------------------------ a rise of what a customer pays

@pytest.mark.parametrize(("text", "language"), [
    ("As quotas do condomínio subiram outra vez este ano.", "pt"),  # p2
    ("Aumentaram a mensalidade de novo.", "pt"),
    ("The classes are varied and the staff are friendly. However, the membership fees went up twice this year.",
     "en"),  # p4
    ("The fees went up again.", "en"),
])
def test_a_rise_of_a_fee_is_bad_for_the_customer(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_went_up_rises_only_what_is_bad():
    assert phrasal_rises(_words("we went up the tower")) == {2}
    assert sentiment("We went up the tower and the view was lovely.", "en")[0] == "Positive"
    assert sentiment("Sales went up 12% this quarter.", "en")[0] == "Positive"


# ------------------------------------------------------------------ a vehicle's stops in a question

@pytest.mark.parametrize("text", [
    "Which stops does the 42 make after the hospital?",  # q1
    "Does anyone know if the school bus still stops on Elm Street this term?",  # s52-sentiment's blind b11
])
def test_a_question_about_stops_is_neutral(text):
    assert sentiment(text, "en")[0] == "Neutral"


def test_a_stop_told_keeps_its_grievance():
    # s45-sentiment's s16: negative only by VADER's "stop", told, not asked
    text = ("I have lived on Carter Street for twelve years. Since the bus route was moved in May, my neighbour, who "
            "is 84, has had to walk a mile to the nearest stop. I would ask the council to think again.")
    assert sentiment(text, "en")[0] == "Negative"
    words = _words("the bus stops working every night")
    valences = [0.0, 0.0, -0.6, 0.0, 0.0, 0.0]
    drop_stopped_activities(words, valences, asked=True)
    assert valences[2] == -0.6  # "working" is what a customer expects: a failure


# ------------------------------------------------------------------ food or drink served spoiled

@pytest.mark.parametrize(("text", "language"), [
    ("O hambúrguer chegou bom, mas a batata veio murcha e fria.", "pt"),  # f1
    ("A cerveja estava quente e o pastel de nata estava seco.", "pt"),  # f2
    ("The beer was warm and the chips were soggy.", "en"),  # f3
    ("O lanche veio certinho, mas o refrigerante estava quente e a batata murcha.", "pt"),  # s52-sentiment's b02
])
def test_food_served_spoiled_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("serve the soup warm with crusty bread", "en"),  # f4's clause: soup is served warm
    ("the bread was still warm", "en"),  # f6's: bread is no fried dish
    ("a cerveja estava geladinha e a batata crocante", "pt"),
    ("tomei uma cerveja num dia quente de verao", "pt"),  # the day is hot, not the beer
    ("um vinho quente para o inverno", "pt"),  # mulled wine
])
def test_a_state_right_for_its_dish_is_no_fault(text, language):
    words = text.split()
    assert charge_spoiled_servings(words, [0.0] * len(words), language) == {}


def test_the_state_overrides_praise_the_lexicon_gives_it():
    words = "the beer was warm".split()
    valences = [0.0, 0.0, 0.0, 0.9]  # VADER's "warm"
    assert charge_spoiled_servings(words, valences, "en") == {3: 1}
    assert valences[3] == UNMET_VALENCE


# ------------------------------------------------------------------ the probe

# Studied (truth committed in da4ee86e before any run): merge60 (df474c8c) 5 of 16, here 13. Left: w4 and f4 (VADER's
# "warm" read as praise in a recipe: a kitchen's, a soup's), p3 ("as vendas aumentaram e o app ficou muito mais
# rápido", +0.57 under the review threshold: a rise of sales is good news and stays so).
# s53-sentiment fixed f4 ("warm" after a serving verb is a dish's temperature).
STUDIED_WRONG = ["w4", "p3"]


def test_the_studied_set():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (committed in b7ba5522 before any run): 10 of 10; merge60's code (df474c8c) 4 of 10.
BLIND_WRONG: list[str] = []


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
