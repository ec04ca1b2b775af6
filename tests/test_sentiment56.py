"""Sentiment probe ``sentiment56`` (fixtures/sentiment56): sentiment55's blind misses and issue 4's merge findings as
kinds, in new sentences. Release notes' entries that say what now happens or no longer does are told; a notice's
apology for the trouble is courtesy; "gostaríamos" and "please" are a request's formula; a disaster opened as "The 1902
eruption" is history; a letter to whoever is in charge is no report; a fault counted by its run ("pela terceira semana
seguida") complains; a bare outrage closing the text is its verdict; "Isn't it wonderful?" asks to agree. Each rule is
tested on other sentences, with guards; every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    HISTORY_NOTE, argues_by_questions, change_entries, drop_requests_please, notice_apologies, told_as_history,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "sentiment56"


# ------------------------------------------------------------------ release notes

@pytest.mark.parametrize(("pieces", "language", "entries"), [
    (["Version 5.0.", "Uploads now resume after a lost signal.", "The keyboard no longer freezes."], "en", [1, 2]),
    (["Fixed a crash on start.", "Backups now run at night."], "en", [0, 1]),
    (["Novidades:", "o app agora avisa quando a bateria está fraca.", "O mapa não trava mais."], "pt", [1, 2]),
    # a review with no heading and no entry: its "no longer" complains
    (["After the update the app no longer opens.", "Useless."], "en", []),
    (["Depois da atualização o aplicativo não abre mais."], "pt", []),
    # an entry that turns is a review's
    (["Version 2.1.", "Sync now works, but the app is still slow."], "en", []),
])
def test_release_notes_entries_are_told(pieces, language, entries):
    assert change_entries(pieces, language) == entries


def test_a_review_that_no_longer_works_still_complains():
    assert sentiment("After the update the app no longer opens. Useless.", "en")[0] == "Negative"


# ------------------------------------------------------------------ a notice's apology

@pytest.mark.parametrize(("pieces", "language", "apologies"), [
    (["Olá, Pedro.", "Pedimos desculpas pelo incômodo.", "A versão 1.4 resolve."], "pt", [1]),
    (["Sentimos muito pelo transtorno causado pela manutenção."], "pt", [0]),
    (["We apologise for the inconvenience caused by the outage."], "en", [0]),
    # after a greeting of two words (found at the blind run: its b08)
    (["Hi Ana, we're sorry for the hassle with the invoices."], "en", [0]),
    # a customer's regret, and an apology that turns
    (["Lamento ter comprado este telemóvel."], "pt", []),
    (["Lamentamos o transtorno, mas o erro é do seu aparelho."], "pt", []),
])
def test_a_notices_apology_is_courtesy(pieces, language, apologies):
    assert notice_apologies(pieces, language) == apologies


def test_a_developers_apology_is_neutral():
    assert sentiment("Lamentamos o incômodo com a atualização. A versão 2.0.1 corrige o problema.", "pt")[0] == "Neutral"


# ------------------------------------------------------------------ a request's formula

def test_gostariamos_is_no_praise():
    assert sentiment("Gostaríamos de saber quando a piscina reabre.", "pt")[0] == "Neutral"


@pytest.mark.parametrize(("words", "kept"), [
    (["please", "tell", "us", "when"], False),
    (["please", "write", "to", "us"], False),  # found at the blind run (its b08)
    (["please", "no", "calls"], True),
])
def test_a_requests_please_is_no_praise(words, kept):
    sentiments = [1.3] + [0.0] * (len(words) - 1)
    drop_requests_please(words, sentiments)
    assert (sentiments[0] == 1.3) is kept


# ------------------------------------------------------------------ history

def test_a_disaster_opened_by_its_year_is_history():
    text = "The 1927 flood of the Mississippi drowned hundreds of people and left 700,000 homeless."
    label, _, why = sentiment(text, "en")
    assert (label, HISTORY_NOTE in why) == ("Neutral", True)


@pytest.mark.parametrize("text", [
    "The 2019 fire destroyed the roof of the cathedral.",  # not a year before 1990
    "The 1980s were a terrible decade for the town.",  # a decade, no year
    "The 1988 drought killed our cattle.",  # the writer's own
])
def test_recent_years_decades_and_lives_are_no_history(text):
    assert not told_as_history(text, "en")


# ------------------------------------------------------------------ letters and runs of trouble

@pytest.mark.parametrize(("text", "language"), [
    ("Dear Mr Lowe, the lift in Block A has been out of service since 12 May. We have reported it four times. "
     "Please tell us when it will be repaired.", "en"),
    ("Prezado síndico, pelo segundo mês consecutivo a bomba da piscina não funciona. Gostaríamos de uma resposta.",
     "pt"),
])
def test_a_residents_complaint_is_negative(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_run_with_good_news_is_no_complaint():
    assert sentiment("A inflação caiu pela terceira semana seguida, segundo o boletim Focus.", "pt")[0] != "Negative"


# ------------------------------------------------------------------ closing outrage, questions of agreement

@pytest.mark.parametrize(("text", "label"), [
    ("Como chegar a um consenso se cada um puxa para o seu lado? É uma vergonha.", "Negative"),
    ("Prometeram um hospital novo e entregaram um posto de saúde. Que absurdo.", "Negative"),
    ("You see, the town's first cinema in twenty years opened on Friday. Isn't that great?", "Positive"),
    ("Isn't it awful?", "Negative"),
])
def test_closing_outrage_and_agreement(text, label):
    assert sentiment(text, "en" if text.isascii() else "pt")[0] == label


@pytest.mark.parametrize(("pieces", "argues"), [
    (["Como chegar a um acordo se ninguém cede?"], False),
    (["O museu abre sábado.", "Como chegar ao museu?"], False),  # a reader's question
    (["You see, the pool reopened.", "Isn't it lovely?"], False),
    (["You see, the arm learns fifty tasks, and the worker is paid by the hour.", "Isn't that convenient?"], True),
])
def test_agreement_after_an_address_argues_only_against_a_cost(pieces, argues):
    assert argues_by_questions(pieces) is argues


# ------------------------------------------------------------------ the sets

# s09 ("O bolo fica com um cheiro delicioso de canela.", +0.48 by "delicioso" alone) stayed under the review threshold
# here: reading short strong praise at a verdict's threshold moved 17 B2W development labels (macro-F1 0.6591 ->
# 0.6573). Since s45-sentiment a smell praised in so many words is a verdict (SENSED_PRAISE; no B2W review has one).
STUDIED_WRONG: list[str] = []


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# At its one run (fd58082) b01, b07 and b08 were wrong: 8 of 11, the result that stands. b08's two faults (an apology
# after "Hi Tom,", "please write to") were fixed after it; b01 ("The dark theme is easier on the eyes", no "now") and
# b07 ("Se algo continuar errado, escreva ...") are still read as praise and as a complaint.
BLIND_WRONG = ["b01", "b07"]


def test_the_blind_set_as_measured_after_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
