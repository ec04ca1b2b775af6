"""Claims and sentiment probe ``claimsent3`` (fixtures/claimsent3): the misses noticed after session 24's probes,
then the studied texts' truths and the rules they led to, each on other sentences with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import chosen_thresholds
from plugins.claims import ClaimAnnotator
from plugins.sentiment import DEFAULT_THRESHOLDS, LUKEWARM_POSITIVE, Thresholds, read
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "claimsent3"


def unit_explanations(text: str, language: str) -> str:
    """Every unit's explanation, suggested or not, joined."""
    return " | ".join(unit.explanation for unit in ClaimAnnotator().score(AnalyzedText(text, language_hint=language)))


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (PROBE / name).read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------ claims: a sentence's first word, a common noun

@pytest.mark.parametrize(("sentence", "language"), [
    ("Refund took three weeks.", "en"),
    ("Delivery took 12 days.", "en"),
    ("Replacement arrived after 19 days.", "en"),
    ("Entrega demorou 15 dias.", "pt"),
    ("Reembolso levou três semanas.", "pt"),
])
def test_a_common_noun_opening_a_sentence_is_no_named_actor(sentence, language):
    assert "named actor" not in unit_explanations(sentence, language)


def test_a_refund_that_took_three_weeks_is_no_claim():
    assert claims("Refund took three weeks.", "en") == {}


@pytest.mark.parametrize(("sentence", "language", "actor"), [
    # guards: names the gazetteers know, a name the word lists do not know, and a word that names someone
    # mentioned in full before
    ("Boeing delivered 40 jets in May.", "en", "Boeing"),
    ("Lula vetou o projeto.", "pt", "Lula"),
    ("Ocado has not made a profit.", "en", "Ocado"),
    ("Beijing answered within hours.", "en", "Beijing"),
    ("The richest man is Elon Musk. Musk sold 5% of his shares.", "en", "Musk"),
])
def test_a_name_opening_a_sentence_stays_a_named_actor(sentence, language, actor):
    assert f"named actor ({actor})" in unit_explanations(sentence, language)


# ------------------------------------------------------------------ claims: a page's credit line with a time

@pytest.mark.parametrize(("line", "language"), [
    ("Updated by Reuters at 10:32", "en"),
    ("Published at 9:15 a.m. on 3 June 2026", "en"),
    ("Last updated 14:05 GMT", "en"),
    ("Atualizado às 10h32", "pt"),
    ("Publicado por Agência Brasil às 14h", "pt"),
])
def test_a_credit_line_with_a_time_is_no_claim(line, language):
    assert claims(line, language) == {}


def test_an_update_that_is_news_stays_a_claim():
    sentence = "The bank updated its forecast at 10:30 on Tuesday, cutting growth to 1.2%."
    assert list(claims(sentence, "en")) == [sentence]


# ------------------------------------------------------------------ claims: a count then and now

@pytest.mark.parametrize(("sentence", "language"), [
    ("When I took office, this town had one public library; today it has three.", "en"),
    ("A decade ago there were two clinics here, now there are nine.", "en"),
    ("Em 2015, o município tinha duas unidades de saúde; hoje são onze.", "pt"),
    ("Quando assumi, a cidade tinha uma creche; hoje tem seis.", "pt"),
])
def test_a_count_then_and_now_is_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


@pytest.mark.parametrize(("text", "language", "now"), [
    # found by the studied p1 and the blind b6: the comparison over two sentences
    ("In 2012 the club had 40 members. Today it has 310.", "en", "Today it has 310."),
    ("Em 2010 havia duas linhas de metrô. Hoje são cinco.", "pt", "Hoje são cinco."),
])
def test_a_count_then_and_now_over_two_sentences_is_a_claim(text, language, now):
    assert now in claims(text, language)


def test_a_count_of_today_after_a_sentence_without_a_past_count_is_none():
    assert claims("We love this town. Today we have three new cafés to try!", "en") == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: today's counts with no then
    ("Today I have three meetings and one call.", "en"),
    ("Hoje tenho duas reuniões e uma consulta.", "pt"),
])
def test_counts_of_today_alone_are_no_comparison(sentence, language):
    assert claims(sentence, language) == {}


# ------------------------------------------------------------------ claims: a notice of a meeting on a day

@pytest.mark.parametrize(("sentence", "language"), [
    # one rule, as claims_probe11's truth (p02, e03) and tests/test_claimsent.py have it: an event said to be on a
    # stated day is a notice its organiser can confirm, a claim
    ("A reunião será na quinta às 14h.", "pt"),
    ("The board meets again on May 12 at 6 p.m.", "en"),
])
def test_a_notice_of_a_meeting_on_a_day_is_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


def test_an_invitation_to_a_meeting_is_no_claim():
    assert claims("Come to the town hall meeting on Monday at 7pm to hear what's next.", "en") == {}


# ------------------------------------------------------------------ sentiment: lukewarm praise of a fit

@pytest.mark.parametrize(("text", "label"), [
    ("Comfortable enough and the fit is fine, though the colour is a bit duller than in the photos. "
     "It does what I needed.", "Neutral"),
    # a verdict of "fine" alone is lukewarm, as B2W's three-star reviews are labelled neutral
    ("The fit is fine.", "Neutral"),
    ("The sound is fine.", "Neutral"),
    # found by the blind texts: a fair price is lukewarm too
    ("Cushioning is okay and the price is fair, but the soles wear fast.", "Neutral"),
    # guards: strong praise, and faint praise of how it works with nothing lukewarm said of the thing
    ("The fit is perfect.", "Positive"),
    ("Fits perfectly and looks great.", "Positive"),
    ("Works fine, arrived on time.", "Positive"),
])
def test_a_fine_fit_is_lukewarm(text, label):
    assert sentiment(text, "en")[0] == label


# ------------------------------------------------------------------ sentiment: thanks and records in news

@pytest.mark.parametrize("text", [
    "The superintendent thanked teachers at Monday's meeting.",
    "The harbour master thanked crews for working through the weekend.",
    "Records show the council spent $2 million on consultants.",
    "Temperature records fell across the region on Tuesday, officials said.",
])
def test_thanks_and_records_in_news_are_no_praise(text):
    assert sentiment(text, "en")[0] != "Positive"


def test_a_board_that_delayed_a_curriculum_is_bad_news():
    # claimsent2's blind b5, whose truth is Negative
    text = ("The school board voted four times last year to delay the new curriculum, records show. Parents say "
            "little has changed since. The superintendent thanked teachers at Monday's meeting. The board meets "
            "again on May 12 at 6 p.m.")
    assert sentiment(text, "en")[0] == "Negative"


@pytest.mark.parametrize("text", [
    # guards: a record set is still good news
    "The team set a new record in the relay.",
    "Sales hit a record high in May.",
])
def test_a_record_set_is_still_good_news(text):
    assert sentiment(text, "en")[0] == "Positive"


# ------------------------------------------------------------------ sentiment: an appliance that turns itself off

@pytest.mark.parametrize("text", [
    "A TV desliga sozinha.",
    "O notebook desliga sozinho do nada.",
    "A TV desliga sozinha depois de uns vinte minutos.",
])
def test_a_device_that_turns_itself_off_is_a_defect(text):
    assert sentiment(text, "pt")[0] == "Negative"


@pytest.mark.parametrize("text", [
    "A chaleira desliga sozinha quando a água ferve.",
    "O ferro desliga sozinho se ficar parado.",
])
def test_an_automatic_shut_off_on_a_condition_is_a_feature(text):
    assert read(text, "pt").total >= 0


# ------------------------------------------------------------------ the threshold search, as the annotator chooses

def test_the_threshold_search_keeps_a_posts_own_thresholds():
    # the Portuguese search had read every review with the thresholds searched, posts too, which the annotator
    # reads with pt-post's: its score at the default was not the annotator's (0.6295 against 0.6346)
    searched, news = Thresholds(0.6, 0.4), DEFAULT_THRESHOLDS["pt-news"]
    assert chosen_thresholds("post", False, news, searched) == DEFAULT_THRESHOLDS["pt-post"]
    assert chosen_thresholds("review", False, news, searched) == searched
    assert chosen_thresholds(None, False, news, searched) == searched
    assert chosen_thresholds("news", False, news, searched) == news
    assert chosen_thresholds(None, True, news, searched) == Thresholds(LUKEWARM_POSITIVE, 0.4)


# ------------------------------------------------------------------ the studied texts

def test_the_studied_texts():
    # fixtures/claimsent3/README.md: claims recall 5/7 -> 7/7, precision 5/9 -> 7/7; sentiment 4 -> 7 of 8. Left
    # open: p1's growth ("... had 3 bus routes. Now we have 14."), which no sentiment word tells
    studied = rows("studied.jsonl")
    assert [row["id"] for row in studied if sentiment(row["text"], row["lang"])[0].lower() != row["label"]] == ["p1"]
    for paragraph in studied:
        assert_claims_found(paragraph)


# ------------------------------------------------------------------ the blind texts, run once after the fixes

def test_the_blind_texts():
    # run once on de6d14a (fixtures/claimsent3/README.md): claims recall 3/5 at 3/3 (main 3/5 at 3/5), sentiment 4
    # of 6 (main 2 of 6); after two fixes from it b2 ("the price is fair,") and b6's second sentence are right; the
    # misses left open are listed there; b6's first half ("tinha uma creche", the count of one) since claimsent4
    blind = rows("blind.jsonl")
    wrong = [row["id"] for row in blind if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]
    assert wrong == ["b3"]
    for paragraph in blind:
        assert_claims_found(paragraph)
