"""Claims and sentiment probe ``claimsent29`` (fixtures/claimsent29): the misses the issue's review listed and the
studied texts' misses, each fixed by a rule tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent27 import rows
from tests.test_claimsent28 import cues
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent29"


def wrong_sentiment(name: str) -> list[str]:
    return [row["id"] for row in rows(name, PROBE) if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]


# ------------------------------------------------------------------ sentiment: English "but"

@pytest.mark.parametrize("text", [
    "Great screen but the battery dies by noon.",  # the review
    "Nice case, but the hinge snapped after a week.",
    "Good picture but the speakers crackle.",
])
def test_praise_then_a_defect_after_but_is_negative(text):
    assert sentiment(text, "en")[0] == "Negative"


def test_a_complaint_then_praise_after_but_is_positive():
    assert sentiment("The battery is weak, but the camera is superb.", "en")[0] == "Positive"


def test_what_buyers_snapped_up_is_no_defect():
    assert cues("Shoppers snapped up the new console in hours.", "en") == {}


# ------------------------------------------------------------------ sentiment: understated criticism

@pytest.mark.parametrize(("text", "language"), [
    ("The instructions could be a lot clearer.", "en"),  # the review
    ("Setup could be simpler.", "en"),
    ("The speakers could be louder.", "en"),
    ("The interface could be more intuitive.", "en"),
    ("A bateria poderia ser mais duradoura.", "pt"),
    ("O aplicativo deveria ser mais rápido.", "pt"),
    ("The app could use more themes.", "en"),
    ("The kitchen could do with a new oven.", "en"),
    ("The laptop could have more ports.", "en"),
    ("Poderia ter mais opções de cor.", "pt"),
])
def test_a_wish_for_more_of_a_quality_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("I couldn't be happier with it.", "en"),
    ("The manual couldn't be clearer.", "en"),
])
def test_a_wish_negated_is_the_extreme(text, language):
    assert sentiment(text, language)[0] == "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("The total could be more than $2 billion.", "en"),  # a figure, not a quality
    ("O prejuízo poderia ter mais de R$ 2 milhões em multas.", "pt"),
    ("Seria mais fácil se viesse com manual.", "pt"),  # before a condition, a suggestion as read
])
def test_more_than_a_figure_or_a_suggestion_is_no_wish(text, language):
    assert not any(cue.startswith("counterfactual") or "poderia ter" in cue for cue in cues(text, language))


# ------------------------------------------------------------------ sentiment: stop before an activity

@pytest.mark.parametrize("text", [
    "Brussels wants Europe to stop renting its cloud from American companies.",  # the review
    "The city will stop collecting glass from homes in June.",
    "Netflix stopped offering its cheapest plan in Canada.",
])
def test_stopping_an_activity_is_no_feeling(text):
    assert "stop" not in " ".join(cues(text, "en"))


@pytest.mark.parametrize("text", ["My phone stopped charging after a week.", "The app stops working every night."])
def test_stopping_what_a_customer_expects_is_a_failure(text):
    assert sentiment(text, "en")[0] == "Negative"


# ------------------------------------------------------------------ sentiment: criticism reported

@pytest.mark.parametrize("text", [
    "Zero criticou a decisão do governo.",  # the review: -0.38, under the news threshold
    "A associação de moradores denunciou a demora nas obras.",
    "Os professores protestaram em frente à prefeitura.",
])
def test_criticism_reported_is_bad_news(text):
    assert sentiment(text, "pt")[0] == "Negative"


# ------------------------------------------------------------------ sentiment: interest as a cost

@pytest.mark.parametrize("text", [
    # ("A Selic subiu para 11,25% ao ano." is a policy rate's move: Neutral since claimsent30, tests/test_claimsent30.py)
    "Os juros do cheque especial subiram de novo.",
    "O Copom elevou os juros em 1 ponto, o que encarece o crédito.",
])
def test_interest_that_rises_is_bad_news(text):
    assert sentiment(text, "pt")[0] == "Negative"


@pytest.mark.parametrize("text", [
    "Os juros do crédito consignado caíram pela terceira vez seguida, informou o Banco Central.",
    "O banco reduziu a taxa do financiamento para 10,5% ao ano.",
])
def test_interest_that_falls_is_good_news(text):
    # a borrower's interest since claimsent30 (a policy rate's fall, "O Copom reduziu a taxa Selic", is Neutral)
    label, _, explanation = sentiment(text, "pt")
    assert label != "Negative" and "falling" in explanation


@pytest.mark.parametrize("text", [
    "A Selic subiu para 11,25% ao ano.",
    "Os juros caíram pela terceira vez seguida, informou o Banco Central.",
    "O Copom reduziu a taxa Selic para 10,5% ao ano.",
])
def test_a_policy_rate_that_moves_is_no_news(text):
    # claimsent30's rule, one for probes 16 and 29: no borrower named, a central bank's rate
    assert sentiment(text, "pt")[0] == "Neutral"


def test_what_the_interest_weighs_on_falls_badly():
    label, _, explanation = sentiment("A alta dos juros levou a uma queda nas vendas.", "pt")
    assert label == "Negative" and "'juros' falling" not in explanation


def test_interest_free_instalments_are_no_news():
    assert "juros" not in sentiment("Comprei em 10x sem juros e chegou rápido.", "pt")[2]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent29/README.md)

def test_the_studied_texts():
    # main (5f05159): sentiment 27 of 45, claims 11/12 at 11/11; the misses left open are listed in the README
    # (s14 and s30, rate cuts, relabelled Neutral by claimsent30's rule; s18's "next month" a date since then)
    assert wrong_sentiment("studied.jsonl") == ["s43"]
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph)


def test_the_blind_texts():
    # written after the fixes and run once on a675f19: sentiment 26 of 30 (main 20), claims 6/9 at 6/7 (main the same);
    # the misses are listed in the README
    # (b22, a Selic rise, relabelled Neutral by claimsent30's rule; b23, a borrower's interest falling, right since)
    assert wrong_sentiment("blind.jsonl") == ["b01", "b03", "b06"]
    # Since claimsent52 "Love it when my train is cancelled for the third time this week 🙃" is no longer suggested (the
    # writer's trip, their own life).
    left_open = frozenset({
        "The committee will publish its report on Tuesday.",
        "O prefeito criticou o corte de verbas para a saúde anunciado pelo governo estadual.",
        "Motoristas de aplicativo protestaram nesta segunda-feira contra a nova taxa da prefeitura.",
    })
    for paragraph in rows("blind.jsonl", PROBE):
        assert_claims_found(paragraph, left_open)
