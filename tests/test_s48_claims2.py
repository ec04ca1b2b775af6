"""Claims, s48-claims2: s48-claims' blind misses and what it noticed, each decided by what a fact-checker wants and
tested on new sentences (none from fixtures/s48-claims), with guards for what must not change.

- A judge's or a court's reported obligation is the ruling's order, checkable against the ruling: a claim. Anyone
  else's ("The mayor said the city must do more") stays an opinion, as before.
- A court appearance on a day is a date in the court's list: an event on a day, as a hearing's.
- A record against everything measured ("ever recorded", "on record", "já registada") spans the whole series: a period.
- "Dyfed-Powys Police": a hyphenated name's first half in -ed is no action.
- "a fifth more", "a third of": fractions, not ordinals ("a fifth term" stays one).
"""

from __future__ import annotations

import pytest

from tests.test_claimsent32 import claim_reading

# ------------------------------------------------------------------ a judge's reported obligation


@pytest.mark.parametrize(("sentence", "language"), [
    ("A juíza afirmou que o município deve reabrir a creche em 30 dias.", "pt"),
    # a bare "disse que" with no detail stays at 0.43, as any bare report does: the obligation only weighs nothing now
    ("O desembargador relator disse que a concessionária tem de indenizar os 212 moradores.", "pt"),
    ("The judge said the council must repay the parking fines.", "en"),
])
def test_a_judges_reported_obligation_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "modal in what was reported" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("O presidente da câmara disse que a cidade precisa de mais habitação.", "pt"),
    ("The mayor said the city must do more for renters.", "en"),
    ("Critics of the judge said he should step down.", "en"),  # the judge is no speaker here
])
def test_anyone_elses_reported_obligation_stays_an_opinion(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and "modal in what was reported" not in explanation, explanation


# ------------------------------------------------------------------ a court appearance on a day

@pytest.mark.parametrize(("sentence", "language"), [
    ("Os três arguidos vão ser presentes a tribunal na quinta-feira.", "pt"),
    ("The two men will appear at Swansea Crown Court on Friday.", "en"),
    ("She is due to appear before magistrates on 14 April.", "en"),
])
def test_a_court_appearance_on_a_day_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "event on a day" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Os arguidos vão ser presentes a tribunal.", "pt"),  # no day: a plan
    ("O juiz vai decidir na segunda-feira.", "pt"),  # a court's plan, no appearance
])
def test_no_appearance_or_no_day_is_no_court_date(sentence, language):
    assert "event on a day" not in claim_reading(sentence, language)[1]


# ------------------------------------------------------------------ a record against everything measured

@pytest.mark.parametrize(("sentence", "language"), [
    ("It was the highest monthly rainfall the Met Office has ever recorded.", "en"),
    ("Wholesale prices hit their lowest level since records began.", "en"),
    ("Foi a maior queda anual já registada pelo instituto.", "pt"),
])
def test_a_record_of_the_whole_series_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "superlative in time" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("It was the best film I have ever seen.", "en"),  # the writer's own experience
    ("The album was recorded in the largest studio in town.", "en"),  # "recorded" without "ever"
])
def test_no_record_of_a_series(sentence, language):
    assert "superlative in time" not in claim_reading(sentence, language)[1]


# ------------------------------------------------------------------ a hyphenated name's first half in -ed

def test_a_hyphenated_names_first_half_is_no_action():
    explanation = claim_reading("Dyfed-Powys Police said a man was arrested in Llanelli.", "en")[1]
    assert "action (dyfed)" not in explanation and "named actor (Dyfed-Powys Police)" in explanation, explanation


def test_a_first_word_in_ed_before_a_hyphen_and_a_small_letter_stays_an_action():
    assert "action (reopened)" in claim_reading("Reopened-ish shops reported 40 sales on Monday.", "en")[1]


# ------------------------------------------------------------------ a fraction is no ordinal

@pytest.mark.parametrize("sentence", [
    "Renters now pay a fifth more for heating than in 2021.",
    "A third of the clinics have closed since 2020.",
])
def test_a_fraction_is_no_ordinal(sentence):
    explanation = claim_reading(sentence, "en")[1]
    assert "ordinal" not in explanation and "proportion" in explanation, explanation


@pytest.mark.parametrize("sentence", [
    "The senator is seeking a fifth term in 2028.",
    "Porto won a third straight title in 2024.",
])
def test_an_ordinal_stays_one(sentence):
    assert "ordinal (a " in claim_reading(sentence, "en")[1]
