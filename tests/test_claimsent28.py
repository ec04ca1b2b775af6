"""Claims and sentiment probe ``claimsent28`` (fixtures/claimsent28): the misses session 27 left open and the
studied texts' misses, each fixed by a rule tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import read
from tests.test_claims import claims
from tests.test_claimsent27 import rows
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent28"


def wrong_sentiment(name: str) -> list[str]:
    return [row["id"] for row in rows(name, PROBE) if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]


def cues(text: str, language: str) -> dict[str, float]:
    return dict(read(text, language).cues)


# ------------------------------------------------------------------ sentiment: one counterfactual rule

@pytest.mark.parametrize(("text", "language", "sign"), [
    ("Could have been better.", "en", -1),  # past, good: a lack
    ("A embalagem podia ter sido melhor.", "pt", -1),
    ("It couldn't have been better.", "en", 1),  # negated comparative: its extreme
    ("Não podia ter sido melhor.", "pt", 1),
    ("Could be better.", "en", -1),  # present
    ("Não poderia ser melhor.", "pt", 1),
])
def test_past_and_present_counterfactuals_read_alike(text, language, sign):
    [(cue, weight)] = read(text, language).cues
    assert cue.startswith("counterfactual") and weight * sign > 0


@pytest.mark.parametrize(("text", "language"), [
    ("It could have been worse.", "en"),  # a bad word after a past one: a fate escaped
    ("It could be worse.", "en"),  # and after a present one, now the same
])
def test_a_fate_escaped_is_no_complaint(text, language):
    assert sentiment(text, language)[0] != "Negative"


def test_a_past_counterfactual_before_a_condition_is_left_as_read():
    assert cues("Teria sido melhor se viesse com manual.", "pt") == cues("Melhor se viesse com manual.", "pt")


# ------------------------------------------------------------------ sentiment: a top rating alone

@pytest.mark.parametrize("text", ["Vendedor nota dez.", "Dou cinco estrelas.", "Atendimento nota 10, recomendo."])
def test_a_top_rating_with_nothing_against_it_is_praise(text):
    assert sentiment(text, "pt")[0] == "Positive"


@pytest.mark.parametrize("text", [
    "a compra foi cancelada, mas deu tudo certo! Atendimento nota 10",  # a B2W development review labelled neutral
    "Nota 10, nada de especial.",  # a lukewarm verdict keeps its raised threshold
])
def test_a_top_rating_against_a_complaint_or_lukewarm_is_no_verdict(text):
    assert sentiment(text, "pt")[0] == "Neutral"


# ------------------------------------------------------------------ sentiment: costs, cuts and losses

@pytest.mark.parametrize(("text", "language"), [
    ("O litro do etanol subiu R$ 0,15 nos postos de Goiânia.", "pt"),  # fuel at the pump is a cost
    ("Diesel prices increased 6% in April.", "en"),
    ("A inflação acelerou para 4,8% em 12 meses.", "pt"),
    ("O Banco Central elevou os depósitos compulsórios e a inflação subiu.", "pt"),
    ("The change could lead to longer delays for patients.", "en"),  # "longer" tells a rise
    ("They raised the price of the basic plan again.", "en"),
])
def test_a_cost_rising_is_bad_news(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("The carmaker confirmed the loss of 1,100 jobs at its Swindon plant.", "en"),
    ("A siderúrgica vai eliminar 800 vagas até março.", "pt"),
    ("The retailer will cut about 10% of its workforce.", "en"),
    ("A prefeitura anunciou um corte de R$ 40 milhões no orçamento da saúde.", "pt"),
    ("The council will cut £2 million from the library budget.", "en"),
])
def test_jobs_lost_or_a_budget_cut_are_bad_news(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "cut" in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("A empresa cortou custos e manteve os empregos.", "pt"),  # the jobs are another predicate's
    ("The government cut the budget deficit to 3%.", "en"),  # the deficit is the cost that fell
])
def test_a_cut_of_something_else_is_no_job_or_budget_cut(text, language):
    assert "cut" not in sentiment(text, language)[2]


def test_higher_education_and_a_higher_court_are_no_praise():
    assert cues("O Governo reforçou o ensino superior e o Superior Tribunal de Justiça.", "pt") == {}


def test_superior_quality_stays_praise():
    assert cues("O atendimento é superior ao da concorrência.", "pt")


@pytest.mark.parametrize(("text", "language"), [
    ("Health officials confirmed 34 new cases of measles in Leeds.", "en"),
    ("O estado registrou 1.200 novos casos de dengue na semana.", "pt"),
])
def test_new_cases_counted_are_a_rise(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_new_cases_that_fell_are_a_fall():
    assert sentiment("New cases fell 20% this week.", "en")[0] == "Positive"


# ------------------------------------------------------------------ sentiment: better ways said to exist

@pytest.mark.parametrize(("text", "language"), [
    ("There are better ways to help small businesses than another tax break.", "en"),
    ("Há formas melhores de resolver isso.", "pt"),
    ("Com certeza haveria melhores formas de gastar este dinheiro.", "pt"),
])
def test_better_ways_said_to_exist_are_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_better_ways_offered_stay_praise():
    assert sentiment("The app offers better ways to organise photos.", "en")[0] == "Positive"


# ------------------------------------------------------------------ sentiment: a mixed review's cutoff

def test_praise_and_a_late_delivery_are_mixed():
    assert sentiment("O produto é bom, mas a entrega atrasou uma semana.", "pt")[0] == "Neutral"


def test_praise_and_a_strong_complaint_stay_negative():
    text = ("O produto é excelente, mas a entrega é péssima... Demoram uma semana só para emitir a N.F. e com "
            "sorte, umas duas semanas para a entrega.")  # a B2W development review labelled negative
    assert sentiment(text, "pt")[0] == "Negative"


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize(("sentence", "language"), [
    ("Intel will cut about 15% of its workforce.", "en"),
    ("Petrobras vai investir R$ 100 bilhões em refino até 2030.", "pt"),
])
def test_a_first_word_named_actors_plan_with_a_number_is_a_claim(sentence, language):
    assert "plan of a named actor" in claims(sentence, language)[sentence]


@pytest.mark.parametrize("sentence", ["Prices will rise 5% next year.", "Maybe it will rain."])
def test_a_plural_or_an_opening_word_before_will_is_no_actor(sentence):
    assert "named actor" not in claims(sentence, "en").get(sentence, "")


@pytest.mark.parametrize("sentence", [
    "A proposta ainda precisa passar pela Câmara.",
    "O texto ainda precisa ser votado no Senado.",
])
def test_a_step_still_to_come_is_a_claim(sentence):
    assert list(claims(sentence, "pt")) == [sentence]


def test_a_wish_still_to_come_is_no_claim():
    assert claims("O país ainda precisa melhorar muito.", "pt") == {}


@pytest.mark.parametrize(("sentence", "language"), [
    ("Duas urgências pediátricas vão estar fechadas no fim de semana.", "pt"),
    ("The library will be closed on Monday.", "en"),
])
def test_a_closure_on_a_day_is_a_notice(sentence, language):
    assert "event on a day" in claims(sentence, language)[sentence]


def test_being_open_to_an_idea_is_no_notice():
    assert claims("I will be open to suggestions.", "en") == {}


@pytest.mark.parametrize(("sentence", "language"), [
    ("Este Governo prometeu tudo e não cumpriu quase nada.", "pt"),
    ("The government promised everything and delivered nothing.", "en"),
])
def test_a_sweeping_account_of_deeds_is_a_verdict(sentence, language):
    assert claims(sentence, language) == {}


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent28/README.md)

def test_the_studied_texts():
    # main (cb2caf8): sentiment 31 of 50, claims 34/37 at 34/35; the misses left open are listed in the README (s21,
    # a rate rise, is right since session 28's lexicon deletions: "crédito" no longer carries +1.6 from "credit")
    assert wrong_sentiment("studied.jsonl") == ["s12", "s13", "s15", "s16", "s26", "s37", "s40", "s47", "s48"]
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph)


def test_the_blind_texts():
    # written after the fixes and run once on 29abc11: sentiment 18 of 25 (main 14), claims 16/16 at 16/16 (main 15/16
    # at 15/15); the misses are listed in the README (claimsent29 fixed b18, "could be a lot clearer")
    assert wrong_sentiment("blind.jsonl") == ["b03", "b14", "b15", "b20", "b24", "b25"]
    for paragraph in rows("blind.jsonl", PROBE):
        assert_claims_found(paragraph)
