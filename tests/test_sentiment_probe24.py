"""The sentiment plugin's session-24 features: the misses noticed after probe 23 (a danger controlled in the active
voice or in Portuguese, a plural subject that likes, "Nothing says X like Y", a brand addressed after thanks, a
pt-PT report without a register's word), and what probe 24's texts (reviews with mixed aspects, service chats,
tweets, earnings and sports news, weather alerts, obituaries, a recall) found; each as a general rule tested on
other texts, with texts where the same words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import read, register_of
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a danger brought under control is good news, in the active voice and in Portuguese
        ("Firefighters contained the fire.", "en"),
        ("Firefighters contained the Cedar Ridge wildfire on Sunday.", "en"),
        ("The blaze is now under control.", "en"),
        ("O incêndio foi controlado.", "pt"),
        ("Incêndio controlado.", "pt"),
        ("Os bombeiros controlaram o incêndio na serra.", "pt"),
        ("O incêndio que lavrava desde domingo na serra foi dado como dominado.", "pt"),
        ("O surto de sarampo foi contido.", "pt"),
    ],
)
def test_a_danger_controlled_is_good_news(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Positive" and "controlled" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # not controlled, only tried, out of control, or what a thing holds: as before
        ("The fire is not contained.", "en"),
        ("The fire has yet to be contained.", "en"),
        ("The fire is still out of control.", "en"),
        ("The report contained errors.", "en"),
        ("O incêndio ainda não foi controlado.", "pt"),
        ("Bombeiros tentam controlar o incêndio.", "pt"),
        ("O incêndio está fora de controle.", "pt"),
        ("O fogão pegou fogo no primeiro uso.", "pt"),
    ],
)
def test_no_control_leaves_the_danger(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "controlled" not in explanation and "falling" not in explanation


@pytest.mark.parametrize(
    "text", ["Kids like it.", "My kids like it!", "My parents really like them.", "Customers like it a lot."]
)
def test_a_plural_subject_likes(text):
    assert sentiment(text, "en")[0] == "Positive"


@pytest.mark.parametrize(
    "text", ["It looks like it will rain.", "It sounds like them.", "Things like this happen.", "Cities like Paris."]
)
def test_like_after_seeming_or_before_a_thing_is_a_preposition(text):
    assert read(text, "en").total == 0.0


@pytest.mark.parametrize(
    "text",
    [
        # "Nothing says X like Y" praises Y by X when Y holds nothing bad ...
        "Nothing says love like a homemade cake.",
        "Nothing says summer like a cold beer on the porch.",
    ],
)
def test_nothing_says_x_like_y_praises_y(text):
    assert sentiment(text, "en")[0] == "Positive"


@pytest.mark.parametrize(
    "text",
    [
        # ... and is irony when Y is bad
        "Nothing says 'we care' like losing my luggage twice.",
        "Nothing says great service like a cancelled flight and no refund.",
    ],
)
def test_nothing_says_x_like_a_bad_y_is_irony(text):
    assert sentiment(text, "en")[0] == "Negative"
    assert any(cue.endswith("ironic") for cue, _ in read(text, "en").cues)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Valeu, Vivo!", "pt"), ("Obrigado, Vivo, pelo atendimento.", "pt"), ("Thanks, Joy Foods.", "en")],
)
def test_whom_thanks_address_is_a_name(text, language):
    assert not any("viv" in cue or "joy" in cue for cue, _ in read(text, language).cues)


def test_a_name_not_addressed_keeps_the_headline_reading():
    # a short headline's capitalised words still count ("drop_names"): "vivo" there is alive
    assert read("Resgatado Vivo!", "pt").total > 0


@pytest.mark.parametrize(
    "text",
    [
        # a person's age in apposition or at an event, a pt-PT dating by "esta": marks of a report
        "O Hospital de Santa Maria realizou com sucesso o primeiro transplante de pulmão em criança. A menina, de 9 "
        "anos, já recebeu alta.",
        "Morreu aos 84 anos o escritor que marcou uma geração.",
        "O comboio voltou a circular esta manhã na linha do Norte.",
    ],
)
def test_an_age_or_a_dating_marks_a_report(text):
    assert register_of(text, "pt") == "news"


@pytest.mark.parametrize(
    "text", ["Comprei para o meu filho de 9 anos e ele adorou.", "Chegou esta manhã, comprei na promoção e gostei."]
)
def test_a_review_with_an_age_or_a_morning_stays_a_review(text):
    assert register_of(text, "pt") == "review"
