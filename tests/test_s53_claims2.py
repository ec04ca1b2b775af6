"""Claims ``s53-claims2``: posts of the kinds the fixtures hold least (press releases, court rulings, health news,
sports reports, opinion columns), in English and European Portuguese, each opening on its theme and closing on a
guess. A trend against another series is a comparison of two published figures (``TREND_AGAINST_A_MEASURE``); a ratio
in words or "halved" is a proportion; an age threshold is a detail of whom a rule covers (``AGE_THRESHOLD``); a judge
named by office acts for the court (a definite institution, after the blind run). Then the
probe's studied and blind sets (fixtures/s53-claims2), pinned as they came out, openings and closing guesses included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_claimsent32 import claim_reading
from tests.test_s51_claims import probe_counts

TREND_AGAINST = "trend against another measure"
PROPORTION = "proportion"
AGE_THRESHOLD = "an age threshold"
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s53-claims2"


@pytest.mark.parametrize(("sentence", "language"), [
    ("Rents in Bristol rose faster than wages between 2015 and 2024.", "en"),
    ("Council tax bills rose above inflation in most of Scotland.", "en"),
    ("As pensões aumentaram mais do que a inflação este ano.", "pt"),
    ("Os salários dos enfermeiros subiram abaixo da inflação na última década.", "pt"),
])
def test_a_trend_against_another_series_is_a_comparison_of_figures(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and TREND_AGAINST in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Prices could rise faster than inflation next year.", "en"),  # a move said to be possible
    ("I feel my patience has fallen below the average.", "en"),  # the writer's own
    ("Os preços podem subir mais do que a inflação em 2027.", "pt"),  # a move said to be possible
])
def test_a_guessed_or_the_writers_trend_stays_under(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Around one in five adults in Scotland smokes.", "en"),
    ("Um em cada quatro alunos chumbou a Matemática.", "pt"),
    ("The new rota halved waiting times at the clinic.", "en"),
])
def test_a_ratio_in_words_or_halved_is_a_proportion(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and PROPORTION in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Come in one at a time, two in a row.", "en"),
    ("The team played well in both halves.", "en"),
    ("Em cada casa há um em cada canto.", "pt"),
])
def test_no_ratio_no_proportion(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and PROPORTION not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("A vacina é gratuita para pessoas com 60 ou mais anos.", "pt"),
    ("O passe é gratuito para os menores de 18 anos.", "pt"),
    ("Prescriptions are free for everyone aged 60 and over.", "en"),
])
def test_an_age_threshold_is_a_rules_detail(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and AGE_THRESHOLD in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Uma atriz com mais de 30 anos de carreira.", "pt"),  # a span of time, no age
    ("O João trabalha na empresa há mais de 20 anos.", "pt"),  # a span of time
    ("I think anyone aged 18 and over should vote.", "en"),  # an opinion with an age
])
def test_a_span_of_time_is_no_age_and_an_opinion_stays_under(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert AGE_THRESHOLD not in explanation or score < 0.5, explanation
    if "anos" in sentence:
        assert AGE_THRESHOLD not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("The judge rejected all nine grounds of appeal.", "en"),
    ("O juiz recusou as duas testemunhas da defesa.", "pt"),
])
def test_a_judge_by_office_acts_for_the_court(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and "action of a definite institution" in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("The judges loved her routine.", "en"),  # a contest's judges' feeling, no act
    ("O juiz foi muito simpático.", "pt"),  # a judgement of him
])
def test_a_judge_without_an_act_stays_under(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5, explanation


def test_the_studied_probe():
    # merge61 (4a5f64ec): 34/39 at 34/34; missed s10's "rose faster than inflation" (0.40), s12's "halved ... one in
    # three patients" (0.45), s17's "com 60 ou mais anos" (0.43), and on both codes s16's "They are now entitled to
    # holiday pay" (a pronoun's, 0.25) and s19's "Foi a sua primeira competição depois de oito meses" (0.33). No
    # opening line or closing guess of the 20 posts suggested, on either code.
    found, claims, _right, wrong = probe_counts("studied", PROBE)
    assert (found, claims, wrong) == (37, 39, 0)


def test_the_blind_probe_as_it_came():
    # written after the rules, committed (185bc577) before its one run: 18/20 at 18/18 (merge61: 16/20 at 16/16, missed
    # b01's and b05's ratios in words). Missed on both: b04's "The judge rejected all nine grounds of appeal." (0.45) and
    # b06's "Prescriptions in Wales have been free for everyone since 2007." (0.43). No opening or closing guess suggested.
    # b04's judge acts for the court since (a judge by office is a definite institution): 19/20, not blind there
    found, claims, _right, wrong = probe_counts("blind", PROBE)
    assert (found, claims, wrong) == (19, 20, 0)
