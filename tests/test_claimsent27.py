"""Claims and sentiment probe ``claimsent27`` (fixtures/claimsent27): the misses session 26 left open and the
studied texts' misses, each fixed by a rule tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import CONTRASTS, mixed, read
from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "claimsent27"


def rows(name: str, probe: str = PROBE.name) -> list[dict]:
    return [json.loads(line) for line in (PROBE.parent / probe / name).read_text(encoding="utf-8").splitlines()]


def wrong_sentiment(name: str) -> list[str]:
    return [row["id"] for row in rows(name) if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]


def cue_words(text: str, language: str) -> str:
    return " ".join(cue for cue, _ in read(text, language).cues)


# ------------------------------------------------------------------ sentiment: one set of contrast words

@pytest.mark.parametrize("contrast", ["mas", "porém", "contudo", "entretanto", "todavia", "no entanto", "más"])
def test_every_contrast_word_makes_praise_and_a_complaint_mixed(contrast):
    text = f"A tela é linda, {contrast} a bateria dura pouco e esquenta muito."
    assert mixed(text, "pt", read(text, "pt"))


def test_praise_and_a_complaint_without_a_contrast_are_not_mixed():
    text = "A tela é linda e a bateria dura pouco e esquenta muito."
    assert not mixed(text, "pt", read(text, "pt"))


def test_the_contrast_words_are_folded():
    assert all(word.isascii() and word.islower() for word in CONTRASTS)


# ------------------------------------------------------------------ sentiment: a word's sense told by its neighbours

@pytest.mark.parametrize("text", [
    "O preço nas bombas de gasóleo voltou a descer.",
    "Abasteci no posto e as bombas de etanol estavam fechadas para manutenção.",
])
def test_pumps_of_fuel_are_no_bombs(text):
    assert "bombas" not in cue_words(text, "pt")


def test_a_bomb_stays_bad_news():
    assert sentiment("Duas bombas explodiram perto da estação.", "pt")[0] == "Negative"


def test_the_bass_of_a_sound_is_no_gravity():
    assert "graves" not in cue_words("Caixa de som com graves potentes, recomendo.", "pt")


def test_grave_problems_stay_bad():
    assert "graves" in cue_words("Houve problemas graves na entrega.", "pt")


# ------------------------------------------------------------------ sentiment: damage that comes easily

@pytest.mark.parametrize(("text", "language"), [
    ("A capa quebra muito fácil.", "pt"),
    ("O tecido mancha fácil.", "pt"),
    ("The handle snaps easily.", "en"),
    ("The paint chips very easily.", "en"),
])
def test_ease_after_a_verb_of_damage_is_the_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [("Montagem fácil, instruções claras.", "pt"), ("It cleans easily.", "en")])
def test_ease_of_use_stays_praise(text, language):
    assert all(weight > 0 for _, weight in read(text, language).cues)


# ------------------------------------------------------------------ sentiment: wishing a thing were better

@pytest.mark.parametrize(("text", "language"), [
    ("The packaging could be better.", "en"),
    ("A embalagem poderia ser melhor.", "pt"),
    ("That money would be better used on schools.", "en"),
])
def test_a_wish_that_it_were_better_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_it_could_not_be_better_is_praise():
    assert sentiment("It couldn't be better.", "en")[0] == "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("Seria melhor ainda se viesse com capa.", "pt"),  # a suggestion
    ("The plan would be better for workers, the union said.", "en"),  # a benefit told
])
def test_a_suggestion_or_a_benefit_is_no_complaint(text, language):
    assert sentiment(text, language)[0] != "Negative"


def test_surely_is_no_praise():
    assert read("Surely they will come.", "en").cues == []


# ------------------------------------------------------------------ sentiment: costs that move

@pytest.mark.parametrize(("text", "language"), [
    ("O défice orçamental desceu para 3%.", "pt"),
    ("The budget deficit fell to 3% of GDP.", "en"),
    ("A inflação abrandou em março.", "pt"),
    ("As listas de espera para consultas diminuíram 20%.", "pt"),
])
def test_a_cost_falling_is_good_news(text, language):
    assert sentiment(text, language)[0] == "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("Os aluguéis aumentaram 12% em Curitiba.", "pt"),
    ("Rents rose 9% in Manchester last year.", "en"),
    ("Os preços dos alimentos aumentaram 7% em um ano.", "pt"),
])
def test_a_cost_rising_is_bad_news(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize("text", [
    "A renda das famílias subiu 3%.",  # income, in Brazil
    "Não haverá aumento de impostos, garantiu o ministro.",  # a rise denied
    "A lista de compras aumentou.",  # no waiting list
])
def test_income_a_denied_rise_or_another_list_is_no_bad_news(text):
    assert sentiment(text, "pt")[0] != "Negative"


# ------------------------------------------------------------------ sentiment: English defects and harm

@pytest.mark.parametrize("text", [
    "Police found two bombs in the car.",
    "It tore on the second day.",
    "The sole came apart after a month.",
])
def test_bombs_and_defects_are_bad(text):
    assert sentiment(text, "en")[0] == "Negative"


def test_apart_from_is_no_defect():
    assert sentiment("Apart from the price, it is great.", "en")[0] == "Positive"


# ------------------------------------------------------------------ claims: a possible consequence reported

@pytest.mark.parametrize(("sentence", "language"), [
    ("Unions warned the reform could result in fewer teachers.", "en"),
    ("O sindicato alertou que o corte de verbas pode levar ao fechamento de escolas.", "pt"),
    # news probe 4 held this a claim; its modal now weighs as a forecast's without a figure
    ("Entidades do setor criticaram o resultado e dizem que a medida pode levar à remoção de posts.", "pt"),
])
def test_a_reported_possible_consequence_is_no_claim(sentence, language):
    assert claims(sentence, language) == {}


def test_a_reported_possible_consequence_with_a_figure_stays_a_claim():
    sentence = "The regulator said the merger could lead to price rises of up to 8%."
    assert "reported forecast (could)" in claims(sentence, "en")[sentence]


@pytest.mark.parametrize(("sentence", "language"), [
    ("O ministro afirmou que o défice caiu para 2%.", "pt"),
    ("A ministra da Saúde disse que as listas de espera caíram 15%.", "pt"),
])
def test_an_office_holders_reported_figure_is_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent27/README.md)

def test_the_studied_texts():
    # main (aca8a84): sentiment 28 of 49, claims 28/28 at 28/30; the misses left open are listed in the README
    # (s01 "nota dez" and s42 "loss of 400 jobs" fixed by claimsent28). Since sentiment47 s31 is wrong: "O
    # primeiro-ministro garantiu que não haverá aumento de impostos" was Neutral by "garantiu" (+1.6) against "impostos";
    # a reported guarantee now carries nothing and the denied tax rise reads as a harm (-0.08). Since claimsent48 a rise
    # of a bad thing denied or ruled out carries nothing, and s31 is Neutral again. Since s48-sentiment a short review's
    # praise of how the thing performed is its verdict, and s15 ("Entrega rápida, produto conforme anunciado.") is right.
    assert wrong_sentiment("studied.jsonl") == ["s05", "s27", "s28", "s40"]
    for paragraph in rows("studied.jsonl"):
        assert_claims_found(paragraph)


def test_the_blind_texts():
    # run once on 096d5ad: sentiment 18 of 25 (main 16), claims 10/10 at 10/11 (main the same)
    # claimsent28 fixed b03 (diesel per litre), b07 (longer waiting times), b12 (a budget cut), b17 (mixed at -0.42)
    # and b19 ("haveria melhores formas")
    assert wrong_sentiment("blind.jsonl") == ["b05", "b13"]
    left_open = frozenset({"Surely there are better ways to spend £3 million than on a statue."})
    for paragraph in rows("blind.jsonl"):
        assert_claims_found(paragraph, left_open)
