"""Sentiment misses this session's probes noticed (seed-shaped probe 22, sentiment probe 23): each as a general
rule tested on other texts, with a text where the same words must still be read as before."""

from __future__ import annotations

import pytest

from plugins.sentiment import read
from tests.test_sentiment import sentiment


@pytest.mark.parametrize(
    "text",
    [
        # "médio" says which figure fell, as "average" does: it no longer pushes the price out of the fall's reach
        "A CATL anunciou que o preço médio das baterias LFP caiu 30% em um ano.",
        "O preço médio do litro da gasolina caiu 5% em março.",
    ],
)
def test_an_average_price_falling_is_no_bad_news(text):
    label, _, explanation = sentiment(text, "pt")
    assert label != "Negative" and "'preço' falling" in explanation


def test_an_average_that_rose_is_still_read_as_before():
    # guard: the average of a count of harm still rises as bad news
    assert sentiment("O número médio de casos subiu 40% em março.", "pt")[0] == "Negative"


@pytest.mark.parametrize(
    "text",
    [
        # "like" as a preposition is no praise (VADER's +1.5): "Nothing says X like Y" is sarcasm about Y
        "Nothing says 'customer first' like waiting 3 hours on hold.",
        "Nothing says 'premium quality' like a charger that broke after a week.",
    ],
)
def test_nothing_says_like_a_wait_is_sarcasm(text):
    assert sentiment(text, "en")[0] == "Negative"


@pytest.mark.parametrize("text", ["It looks like rain this afternoon.", "It sounds like a plan for Monday."])
def test_like_as_a_preposition_carries_no_valence(text):
    assert read(text, "en").total == 0.0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # guard: "like" the verb after who likes, an auxiliary, a negation or "to", an adverb between
        ("I like this phone.", "Positive"),
        ("We really like the new design.", "Positive"),
        ("I don't like it.", "Negative"),
        # guard: "says" after someone is still a report's mark
        ("The minister says the plan will cost 2 million.", "Neutral"),
    ],
)
def test_like_the_verb_is_read_as_before(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(
    "text",
    [
        # a danger contained or a ban lifted, in the passive, is good news as a bad thing's fall is
        "The wildfire is now 90% contained and evacuation orders were lifted.",
        "The outbreak has been contained.",
        "Firefighters say the blaze is 40% contained.",
    ],
)
def test_a_danger_contained_is_good_news(text):
    label, _, explanation = sentiment(text, "en")
    assert label == "Positive" and "falling" in explanation


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # guard: "contained" saying what something holds, or with an object, is no relief
        ("The team contained costs.", "Neutral"),
        ("The report contained errors.", "Negative"),
        ("The box contained toxic waste.", "Negative"),
    ],
)
def test_what_something_contained_is_read_as_before(text, label):
    label_read, _, explanation = sentiment(text, "en")
    assert label_read == label and "falling" not in explanation


@pytest.mark.parametrize(
    "text",
    [
        # a call dropped is a service failed, as a signal or a connection dropped: a complaint, the thanks after
        # it irony, and in a report still bad news
        "The call dropped twice and nobody called back. Thanks, Vodafone.",
        "Customers said the call dropped twice and nobody called back.",
    ],
)
def test_a_call_or_a_connection_dropped_is_a_complaint(text):
    assert sentiment(text, "en")[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # guard: going without a call is no complaint; a price after a supply falls as before; a call dropped
        # as a demand is no outage
        ("Please, no calls after 9pm.", "Neutral"),
        ("Power prices dropped 5% in May.", "Positive"),
    ],
)
def test_no_call_and_a_supply_s_price_are_read_as_before(text, label):
    assert sentiment(text, "en")[0] == label


def test_a_figure_of_a_supply_falling_is_no_outage():
    # the word between a supply and its fall is a noun the supply qualifies: the figure fell, not the water
    assert "water" not in sentiment("Water use drops 10% in May.", "en")[2]


def test_a_call_dropped_as_a_demand_is_no_outage():
    assert "call" not in sentiment("Unions dropped their call for a strike.", "en")[2]
