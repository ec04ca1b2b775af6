"""s49-claims2: s49-claims' open cases in new sentences (none copied from the fixtures), each rule with guards for
what must not change. Decided first, by what a fact-checker checks:

- a person a crime or crash report names by role, who fled ("The gunman fled on foot", "A motorista fugiu sem prestar
  socorro") states the event a police statement confirms: a claim; how the person is described, or a state that goes
  on ("The suspect remains at large"), is none;
- "a year ago"/"há um ano" dates a comparison's base ("Rents are a quarter higher than a year ago");
- "um quinto"/"um décimo" before "mais"/"menos" is a proportion, as "a fifth more" is in English, and a month after a
  price's "mais cara em"/"dearer in" is when the change starts, a timetable ("vai ficar um quinto mais cara em março");
- a company's office-holder by title with no name ("O diretor financeiro disse que ...") speaks for the company as "the
  minister" speaks for a ministry: the company can confirm it.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent32 import claim_reading


def _is_claim(sentence: str, language: str) -> tuple[bool, str]:
    score, explanation = claim_reading(sentence, language)
    return score >= 0.5, f"{score:.2f} {explanation}"


# ------------------------------------------------------------------ a person named by role who fled

@pytest.mark.parametrize(("sentence", "language"), [
    ("The gunman fled on foot towards the railway station.", "en"),
    ("The driver of a silver hatchback failed to stop.", "en"),
    ("A motorista fugiu sem prestar socorro.", "pt"),
    ("O suspeito escapou pelos fundos da casa.", "pt"),
])
def test_a_person_named_by_role_who_fled_is_a_claim(sentence, language):
    claim, reading = _is_claim(sentence, language)
    assert claim and "flight of a person named by role" in reading, reading


@pytest.mark.parametrize(("sentence", "language"), [
    ("The driver is described as a white man in his thirties.", "en"),
    ("The suspect remains at large.", "en"),
    ("O suspeito continua foragido.", "pt"),
    ("O motorista estava nervoso.", "pt"),
    ("O caso segue em investigação.", "pt"),
    ("The driver must stop at the red light.", "en"),
])
def test_a_description_or_a_lasting_state_stays_no_claim(sentence, language):
    claim, reading = _is_claim(sentence, language)
    assert not claim and "flight" not in reading, reading


# ------------------------------------------------------------------ "a year ago" / "há um ano" in a comparison

@pytest.mark.parametrize(("sentence", "language", "date"), [
    ("Rents are a quarter higher than a year ago.", "en", "a year ago"),
    ("Os aluguéis estão um quarto mais caros do que há um ano.", "pt", "há um ano"),
])
def test_one_period_back_dates_a_comparison(sentence, language, date):
    claim, reading = _is_claim(sentence, language)
    assert claim and f"date or period ({date})" in reading, reading


@pytest.mark.parametrize(("sentence", "language"), [
    # with no measure the comparison stays vague
    ("Prices are higher than a year ago.", "en"),
    ("Os preços estão mais altos do que há um ano.", "pt"),
])
def test_a_dated_comparison_without_a_measure_stays_no_claim(sentence, language):
    claim, reading = _is_claim(sentence, language)
    assert not claim and "date or period" in reading, reading


# ------------------------------------------------------------------ a fraction more, starting in a month

@pytest.mark.parametrize(("sentence", "language", "fraction", "start"), [
    ("O passe do metrô vai ficar um décimo mais caro em fevereiro.", "pt", "um décimo mais", "mais caro em fevereiro"),
    ("O gás de botija vai ficar um quinto mais barato em julho.", "pt", "um quinto mais", "mais barato em julho"),
    ("Electricity will get a fifth dearer in April.", "en", "a fifth dearer", "dearer in April"),
])
def test_a_fraction_more_from_a_month_is_a_claim(sentence, language, fraction, start):
    claim, reading = _is_claim(sentence, language)
    assert claim and f"proportion ({fraction})" in reading and f"start date ({start})" in reading, reading
    assert "ordinal" not in reading, reading  # "a fifth dearer" is a fraction, no place in a series


@pytest.mark.parametrize(("sentence", "language"), [
    # a plan merely dated stays the plan it was
    ("A empresa vai contratar mais engenheiros em março.", "pt"),
    ("O governo vai anunciar o plano em março.", "pt"),
])
def test_a_month_without_a_price_change_is_no_start(sentence, language):
    claim, reading = _is_claim(sentence, language)
    assert not claim and "start date" not in reading, reading


# ------------------------------------------------------------------ a job title without a name as the reporter

@pytest.mark.parametrize(("sentence", "language", "title"), [
    ("O diretor comercial disse que a loja do centro será fechada.", "pt", "O diretor"),
    ("A porta-voz da empresa afirmou que o voo será remarcado.", "pt", "A porta-voz"),
    ("The chairman said the plant would close.", "en", "The chairman"),
])
def test_an_office_holder_by_title_reports_for_the_company(sentence, language, title):
    claim, reading = _is_claim(sentence, language)
    assert claim and f"definite institution ({title})" in reading, reading


def test_a_title_inside_the_sentence_is_no_reporter():
    # the title must open the sentence, as an institution's noun must
    claim, reading = _is_claim("Ninguém sabe ainda quem será o diretor da escola.", "pt")
    assert not claim and "definite institution" not in reading, reading
