"""Sentiment probe ``sentiment55`` (fixtures/sentiment55): issue 4's open sentiment cases as kinds, in new sentences. A
recipe's "cheiro" is the dish's smell; a disaster told as history is no stance of the writer's; a changelog's entries
("Fixed a crash ...") tell changes; a machine's fault again ("voltou a parar") complains; VADER's "launched" and
"festival" praise nothing; a notice's questions of how to get there ask facts; a strong liking alone ("Gostei muito do
atendimento.") is a verdict; a paragraph opening on "Você vê,"/"You see," argues by its closing question. Each is
tested here on other sentences, with guards; every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    HISTORY_NOTE, LIKED_ALONE_NOTE, argues_by_questions, change_entries, read, told_as_history,
)
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "sentiment55"


# ------------------------------------------------------------------ a dish's smell

@pytest.mark.parametrize("text", [
    "Deixe o bolo no forno até o cheiro tomar conta da casa.",
    "Adoro o cheiro do café passado na hora.",
])
def test_a_dishs_smell_is_no_stench(text):
    assert "'cheiro'" not in [cue for cue, _ in read(text, "pt").cues]


@pytest.mark.parametrize("text", [
    "O carro veio com um cheiro horrível de cigarro.",
    "O tapete tem um cheiro que não sai.",
])
def test_a_smell_elsewhere_is_still_read(text):
    assert "'cheiro'" in [cue for cue, _ in read(text, "pt").cues]


# ------------------------------------------------------------------ history

@pytest.mark.parametrize(("text", "language"), [
    ("The Johnstown Flood struck on 31 May 1889, when the South Fork Dam failed. More than 2,200 people died.", "en"),
    ("A cheia de 1967 matou centenas de pessoas na região de Lisboa.", "pt"),
])
def test_a_disaster_told_as_history_is_not_negative(text, language):
    label, _, why = sentiment(text, language)
    assert (label, HISTORY_NOTE in why) == ("Neutral", True)


@pytest.mark.parametrize(("text", "language"), [
    ("The pound fell to its lowest level since 1985 after the budget.", "en"),  # a record's comparison
    ("In 1998 I lost my job and my house.", "en"),  # the writer's own life
    ("A cheia de ontem matou duas pessoas, a pior desde 1967.", "pt"),  # news of this week
    ("The fire destroyed the warehouse, case 24-CV-1187 says.", "en"),  # a number, no year
    ("O incêndio destruiu 1800 casas.", "pt"),  # a count
])
def test_news_a_life_and_counts_are_no_history(text, language):
    assert not told_as_history(text, language)


def test_a_year_told_later_is_no_history():
    assert not told_as_history("A cidade cresceu muito. O porto foi construído em 1892 e destruído em 1941.", "pt")


def test_praise_told_as_history_keeps_its_threshold():
    text = "The museum, founded in 1890, is a wonderful place with superb collections."
    label, _, why = sentiment(text, "en")
    assert (label, HISTORY_NOTE in why) == ("Positive", True)


# ------------------------------------------------------------------ changelogs and fixes

@pytest.mark.parametrize(("pieces", "language", "entries"), [
    (["Version 1.2.", "Fixed a freeze on the login screen.", "Added a dark theme."], "en", [1, 2]),
    (["Corrigida a falha que apagava os rascunhos.", "O app ficou lento depois disso."], "pt", [0]),
    (["The update fixed nothing.", "Resolvido o problema, fiquei satisfeito."], "pt", []),
    # a review's sentence that turns after the fix is no entry (found at merge: it read Neutral)
    (["Corrigida a falha, mas o app continua lento e horrível."], "pt", []),
    (["Fixed the login bug, but the app still crashes every hour."], "en", []),
])
def test_a_changelogs_entries(pieces, language, entries):
    assert change_entries(pieces, language) == entries


@pytest.mark.parametrize(("text", "expected"), [
    ("The new firmware fixed the crash on startup.", "Neutral"),
    ("The broken hinge was repaired within a day.", "Neutral"),
    ("The new firmware introduced a crash on startup.", "Negative"),
])
def test_a_fault_fixed_is_no_complaint(text, expected):
    assert sentiment(text, "en")[0] == expected


# ------------------------------------------------------------------ a machine's fault again

@pytest.mark.parametrize(("text", "language", "expected"), [
    ("O portão da garagem voltou a avariar.", "pt", "Negative"),
    ("A bomba de água voltou a falhar, e é a segunda vez esta semana.", "pt", "Negative"),
    ("The boiler failed again last night.", "en", "Negative"),
    ("Depois da reparação, o elevador não voltou a parar.", "pt", "Neutral"),
    ("O jogador voltou a treinar com o grupo.", "pt", "Neutral"),
])
def test_a_fault_again_complains(text, language, expected):
    assert sentiment(text, language)[0] == expected


# ------------------------------------------------------------------ launches, festivals, a notice's questions

@pytest.mark.parametrize("text", [
    "The agency launched a weather satellite from French Guiana.",
    "The jazz festival runs from 4 to 9 July in the park.",
])
def test_a_launch_and_a_festival_are_told(text):
    assert sentiment(text, "en")[0] == "Neutral"


@pytest.mark.parametrize(("pieces", "argues"), [
    (["O parque aquático reabre no domingo.", "Como chegar?", "Quanto custa a entrada?"], False),
    (["The new pool opens on Saturday.", "How do I book?", "When does it close?"], False),
    (["A câmara gastou dois milhões em luzes de Natal.", "Quem aprovou?", "Quem vai pagar?"], True),
])
def test_a_notices_practical_questions_ask_facts(pieces, argues):
    assert argues_by_questions(pieces) is argues


# ------------------------------------------------------------------ short clear praise

@pytest.mark.parametrize(("text", "expected"), [
    ("Gostei bastante da entrega.", "Positive"),
    ("Amei o vestido.", "Positive"),
    ("Gostei do atendimento.", "Neutral"),  # plain liking stays lukewarm (B2W labels it so)
    ("Gostei muito pouco do atendimento.", "Neutral"),  # "muito pouco" is no strong liking (read Positive at merge)
    ("Gostei muito do produto, mas a caixa veio amassada e faltou o manual.", "Negative"),
])
def test_a_strong_liking_alone_is_a_verdict(text, expected):
    label, _, why = sentiment(text, "pt")
    assert label == expected
    assert (LIKED_ALONE_NOTE in why) is (expected == "Positive")


# ------------------------------------------------------------------ "Você vê," / "You see,"

@pytest.mark.parametrize(("pieces", "argues"), [
    (["Você vê, o hospital ganhou um robô cirúrgico, e a fila da ortopedia continua com dois anos.",
      "Quem escolheu as prioridades?"], True),
    (["You see, the council found money for a new logo, and the library still shuts at four.",
      "Who decided that?"], True),
    (["Você vê, o kit traz duas baterias.", "Qual delas dura mais?"], False),  # a fact asked
    (["You see, the app is free.", "It has no ads."], False),  # no question
])
def test_a_rhetorical_address_argues_by_its_question(pieces, argues):
    assert argues_by_questions(pieces) is argues


# ------------------------------------------------------------------ the sets

STUDIED_WRONG: list[str] = []


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG
