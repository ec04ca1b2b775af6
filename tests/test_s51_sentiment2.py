"""Sentiment probe ``s51-sentiment2`` (fixtures/s51-sentiment2): s51-sentiment's leftovers. English "however" weighed
as "but", counted waits in tens of minutes, a repair nobody came to make, an intensified "vale a pena", a requirement
told to the reader ("you can't ... without an internet connection"), "does what it says", "top" naming a place."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    UNMET_VALENCE,
    charge_services_not_given,
    does_what_promised,
    states_a_requirement,
    with_yet_read_as_but,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s51-sentiment2"


# ------------------------------------------------------------------ "however" set off by its comma is a "but"

@pytest.mark.parametrize(("text", "label"), [
    ("The staff were friendly; however, the shower was cold and breakfast was awful.", "Negative"),
    ("The food, however, was awful.", "Negative"),
    ("The checkout was slow; however, the cashier was lovely and apologised.", "Positive"),  # h3
    ("The food was great, however.", "Positive"),  # a closing "however" turns to nothing
    ("Great views, however the room was awful.", "Negative"),  # a clause opened with its subject
    ("I loved it, however hard it was to set up.", "Positive"),  # a degree: no clause of its own
    # claimsent32's b04: the second sentence's "however" turns against the first, whose fall is the news
    ("Britain's economy shrank 0.3% in the third quarter, the Office for National Statistics said, as manufacturing "
     "output slumped to its lowest level in two years. Retail sales, however, surged 1.2% in September.", "Negative"),
])
def test_however_is_weighed_as_but(text, label):
    assert sentiment(text, "en")[0] == label


def test_however_read_as_but_only_with_its_comma():
    words = "the staff were friendly; however, the shower was awful".split()
    lowered = [word.strip(";,") for word in words]
    clauses = [0, 0, 0, 0, 1, 2, 2, 2, 2, 2]
    friendly = [0.0, 0.0, 0.0, 2.2, 0.0, 0.0, 0.0, 0.0, 0.0, -2.0]
    assert with_yet_read_as_but(words, lowered, clauses, friendly)[4] == "but"
    # nothing to weigh before it: the sentence turns against the one before (claimsent32's b04, a news report)
    assert with_yet_read_as_but(words, lowered, clauses, [0.0] * 9 + [-2.0]) == words
    degree = "i loved it, however hard it was".split()  # a degree: no comma after it, no subject
    assert with_yet_read_as_but(degree, [w.strip(",") for w in degree], [0, 0, 0, 1, 1, 1, 1, 1],
                                [0.0, 3.0, 0.0, 0.0, 0.0, -0.4, 0.0, 0.0]) == degree
    both = "it was fine, however, but slow".split()
    assert with_yet_read_as_but(both, [w.strip(",") for w in both], [0, 0, 0, 1, 2, 2],
                                [0.0, 0.0, 0.8, 0.0, 0.0, 0.0]) == both  # VADER's own "but"


# ------------------------------------------------------------------ number words in tens of minutes

@pytest.mark.parametrize(("text", "language", "label"), [
    ("Ficamos quarenta minutos esperando na fila do caixa.", "pt", "Negative"),  # n1
    ("Esperei cinquenta minutos pelo técnico.", "pt", "Negative"),
    ("We waited forty minutes for a table even with a reservation.", "en", "Negative"),  # n2
    ("A viagem dura quarenta minutos de comboio até ao Porto.", "pt", "Neutral"),  # n4: a journey, no wait
    ("The ferry takes forty minutes.", "en", "Neutral"),
])
def test_a_counted_wait_in_tens_of_minutes(text, language, label):
    assert sentiment(text, language)[0] == label


# ------------------------------------------------------------------ a repair nobody came to make

@pytest.mark.parametrize(("text", "label"), [
    ("The room was fine but the air conditioning rattled all night and nobody came to fix it.", "Negative"),  # s10
    ("The room was spacious; however, the air conditioning rattled all night and nobody fixed it.", "Negative"),  # h1
    ("The lift was out for days and no one came to repair it.", "Negative"),
    ("Nobody fixes bikes faster than Joe.", "Neutral"),  # a comparison: no service missing
])
def test_a_service_nobody_gave(text, label):
    assert sentiment(text, "en")[0] == label


def test_charge_services_not_given():
    words = "nobody came to fix it".split()
    valences = [0.0] * len(words)
    assert charge_services_not_given(words, valences) == {3: 0} and valences[3] == UNMET_VALENCE
    no_one = "no one helped us".split()
    assert charge_services_not_given(no_one, [0.0] * 4) == {2: 0}
    outdone = "nobody repairs them better".split()
    assert charge_services_not_given(outdone, [0.0] * 4) == {}


# ------------------------------------------------------------------ "vale a pena" intensified

@pytest.mark.parametrize(("text", "label"), [
    ("Esperei dois anos por este lançamento e valeu muito a pena!", "Positive"),  # s51-sentiment's note
    ("Não vale muito a pena.", "Negative"),
    ("Vale a pena.", "Neutral"),  # lukewarm, as before
    ("Vale pouco a pena.", "Neutral"),  # a hedge is no intensifier
])
def test_an_intensified_verdict_of_worth(text, label):
    assert sentiment(text, "pt")[0] == label


def test_an_intensified_worth_is_read():
    _, _, explanation = sentiment("A fila era longa, mas valeu muito a pena.", "pt")  # w1: read, under the threshold
    assert "'valeu'" in explanation


# ------------------------------------------------------------------ a requirement told to the reader

@pytest.mark.parametrize(("text", "label"), [
    ("You cannot edit documents without an internet connection.", "Neutral"),  # i1
    ("Q: Does it work offline? A: No, you can't log in without an internet connection.", "Neutral"),  # s02
    ("I can't work without internet since Monday.", "Negative"),  # the writer's own loss
    ("Third day without internet and you can't even call support.", "Negative"),  # "you" after "without"
])
def test_a_requirement_is_no_deprivation(text, label):
    assert sentiment(text, "en")[0] == label


def test_states_a_requirement():
    words = "you can't log in without an internet connection".split()
    assert states_a_requirement(words, 4)
    assert not states_a_requirement("i can't work without internet".split(), 3)
    assert not states_a_requirement("you will be without water".split(), 3)


# ------------------------------------------------------------------ "does what it says"

@pytest.mark.parametrize(("text", "label"), [
    ("Does what it says on the box.", "Positive"),  # d1
    ("Cheap little charger, does exactly what it says.", "Positive"),  # d2
    ("Does what it says. Syncs across devices without fuss.", "Positive"),  # s51-sentiment's s13
    ("They did what they promised.", "Positive"),
    ("She did what he said.", "Neutral"),  # obedience, no promise kept
])
def test_doing_what_it_says_is_a_promise_kept(text, label):
    assert sentiment(text, "en")[0] == label


def test_does_what_promised():
    assert does_what_promised("does exactly what it says".split(), 0, "en")
    assert does_what_promised("faz o que promete".split(), 0, "pt")
    assert not does_what_promised("did what he said".split(), 0, "en")
    assert not does_what_promised("faz promessas".split(), 0, "pt")


# ------------------------------------------------------------------ "top" naming a place

@pytest.mark.parametrize(("text", "label"), [
    ("Q: Is the lid dishwasher safe? A: Yes, top rack only.", "Neutral"),  # s51-sentiment's s20
    ("Put the glasses on the top shelf.", "Neutral"),  # t2
    ("This blender is top notch.", "Positive"),  # the slang keeps its praise
    ("Top quality, arrived fast.", "Positive"),
])
def test_top_before_a_part_names_a_place(text, label):
    assert sentiment(text, "en")[0] == label


# ------------------------------------------------------------------ the probe as it stands

def test_studied_set_wrong_ones_are_pinned():
    # p1: plain praise under the review threshold. h2 ("However," opening a sentence, a shower that never got hot),
    # w1 and w3 (an intensified "vale a pena" now weighs as "adorei") and t1 ("safe" by a dishwasher is a feature) were
    # set right by s52-sentiment.
    assert wrong_sentiment("studied.jsonl", PROBE) == ["p1"]


# Run once (committed in 7de1d7f1 before any run): 7 of 12; merge59's code (b651c9a5) 5 of 12 (b02, fifty minutes,
# and b06, "does what it promises", gained). Missed on both: b04 ("vale mesmo muito a pena": "mesmo" before the
# intensifier), b05 ("can't charge": VADER's "charge" flipped), b07 (VADER's "fit" as praise; "top" no longer read),
# b09 ("however" read, but "muffled" and "took forever" carry nothing), b12 ("warm" faint praise with a reservation).
# s52-sentiment set b04 ("mesmo" before the intensifier) and b09 ("was muffled" read) right.
BLIND_WRONG = ["b05", "b07", "b12"]


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
