"""The sentiment plugin's session-17 features: the misses session 16 left (posts' clear feelings scored
under the review flag, contrast, words of degree, double negation, irony without a colon) and those of
probe 17, each as a general rule tested on other texts, with texts where the same words were read right
before and still are."""

from __future__ import annotations

import pytest

from plugins.sentiment import read
from tests.test_sentiment import sentiment


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # quantity words that LeIA took from "absolute", "enormous" (+1.3 each)
        ("Os números absolutos de matrículas foram divulgados ontem.", "Neutral"),
        ("A empresa teve um enorme prejuízo no trimestre.", "Negative"),
        # adverbs of degree intensify and carry no valence of their own ("super" +2.9, "terrivelmente" +1.7)
        ("O atendimento foi terrivelmente lento.", "Negative"),
        ("O filme é super chato.", "Negative"),
    ],
)
def test_words_of_quantity_and_degree_carry_no_valence(text, label):
    assert sentiment(text, "pt")[0] == label


def test_well_is_still_good_on_its_own():
    assert dict(read("O produto funciona bem.", "pt").cues)["'bem'"] > 0


@pytest.mark.parametrize(("text", "word"), [("Hoje o bairro vai festejar o título.", "'festejar'"),
                                            ("O cenário do filme é incrível.", "'incrível'"),
                                            ("Uma atuação espetacular do elenco.", "'espetacular'")])
def test_words_of_celebration_and_wonder_are_good(text, word):
    assert dict(read(text, "pt").cues)[word] > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Excelente, o elevador parou de novo.", "pt"),
        ("Que maravilha, mais uma fatura com cobrança indevida.", "pt"),
        ("Oh great, the train is late again.", "en"),
        ("Perfect, another weekend of rain.", "en"),
    ],
)
def test_praise_opening_a_failure_that_came_again_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative"
    assert "ironic" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # what came again is good
        ("Ótimo, mais uma vez a entrega chegou rápido!", "pt"),
        ("Great, another win for the team!", "en"),
        # a verdict on a thing, not an exclamation alone
        ("Produto bom, mais uma vez comprei aqui e recomendo.", "pt"),
    ],
)
def test_praise_before_good_news_or_a_verdict_is_no_irony(text, language):
    assert sentiment(text, language)[0] != "Negative"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a denied negation is no complaint ("ruim" and "goste" were read as the statements)
        ("Não é que não seja bom.", "pt"),
        ("Não é que eu não goste do filme.", "pt"),
        ("Não é que o serviço seja ruim, só é caro.", "pt"),
        ("Not that it isn't good.", "en"),
        ("It's not that I didn't enjoy the show.", "en"),
    ],
)
def test_a_denial_negates_the_statement_it_opens(text, language):
    assert read(text, language).total > 0


@pytest.mark.parametrize(("text", "language"), [("It is not that bad.", "en"), ("Not that bad at all.", "en")])
def test_not_that_as_a_degree_is_negated_once(text, language):
    assert read(text, language).total > 0


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a post's exclaimed feeling, once Neutral (+0.4 to +0.6 under the reviews' 0.75) or flagged
        ("Ótima notícia!", "pt", "Positive"),
        ("Que jogo! 💙", "pt", "Positive"),
        ("Título merecido, que alegria!", "pt", "Positive"),
        ("Que vergonha! 😡", "pt", "Negative"),
        # a shouted exclamation in English too
        ("Good news!", "en", "Positive"),
    ],
)
def test_a_posts_exclaimed_feeling_is_called_with_confidence(text, language, label):
    called, score, explanation = sentiment(text, language)
    assert (called, score >= 0.75) == (label, True)
    assert language == "en" or "read as post" in explanation


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a customer's words make a review, whatever its tone: lukewarm praise stays Neutral there
        ("Gostei do produto!", "Neutral"),
        # a thumbs-up closes notices: no post's tone
        ("Reunião remarcada para quinta às 15h, mesmo link 👍", "Neutral"),
    ],
)
def test_a_review_or_a_notice_is_no_post(text, label):
    called, _, explanation = sentiment(text, "pt")
    assert called == label and "read as post" not in explanation


def test_a_contrast_weighs_the_celebration_after_it():
    # "festejar" was missing from the lexicon: the loss before "mas" decided
    assert read("Perdemos o primeiro jogo, mas hoje é dia de festejar", "pt").total > 0
    assert sentiment("Foi um ano difícil, mas hoje é dia de festejar!", "pt")[0] == "Positive"


@pytest.mark.parametrize(
    ("text", "word"),
    [("O hotel é antigo, mas a localização compensa.", "'compensa'"), ("Voltaremos com certeza.", "'voltaremos'")],
)
def test_a_verdict_without_praise_words_is_good(text, word):
    assert dict(read(text, "pt").cues)[word] > 0


def test_a_verdict_denied_is_bad():
    assert read("A comida estava fria e não voltaremos.", "pt").total < 0
