"""Claims and sentiment probe ``claimsent31`` (fixtures/claimsent31): a review's closing verdict, savers' returns
against borrowers' costs, "alta de X%" of a price, speculation's loaded words, the writer's stated opinion, each
fixed by a rule tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claimsent27 import rows
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent31"


def wrong_sentiment(name: str) -> list[str]:
    return [row["id"] for row in rows(name, PROBE) if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]


def claim_score(text: str, language: str) -> float:
    [unit] = ClaimAnnotator().score(AnalyzedText(text, language_hint=language))
    return unit.score


# ------------------------------------------------------------------ sentiment: a review's closing verdict decides

@pytest.mark.parametrize(("text", "language", "label"), [
    ("O tecido é fino e a cor desbotou um pouco. No geral, gostei muito e usaria de novo.", "pt", "Positive"),
    ("A tela é linda e o som é ótimo. Resumindo, uma porcaria: travou na primeira semana.", "pt", "Negative"),
    ("The lid leaks a little. All in all, a great mug and I love it.", "en", "Positive"),
    ("Shipping was fast and the box was nice. Overall, it's a terrible blender.", "en", "Negative"),
])
def test_a_closing_verdict_decides(text, language, label):
    label_found, _, explanation = sentiment(text, language)
    assert label_found == label and "closing verdict" in explanation


@pytest.mark.parametrize(("text", "language"), [
    # "No mais" is "besides", no verdict: B2W labels this review neutral
    ("Travou umas três vezes nos primeiros dias. No mais, achei um aparelho muito bom.", "pt"),
    ("Overall, the weather was good.", "en"),  # one sentence: nothing to sum up
    ("The screen is great. Overall, good battery but a terrible camera.", "en"),  # a mixed verdict
])
def test_no_closing_verdict(text, language):
    assert "closing verdict" not in sentiment(text, language)[2]


@pytest.mark.parametrize(("text", "language", "label"), [
    # a report's last sentence is one more fact, not the writer's sum of the others (found in the merge's review)
    ("The storm destroyed 200 homes in the county on Tuesday, officials said. Three people died and dozens were "
     "injured. That said, the power company restored electricity to most homes by Thursday.", "en", "Negative"),
    ("A tempestade destruiu 200 casas no município na terça-feira, segundo a Defesa Civil. Três pessoas morreram. "
     "No geral, a resposta dos bombeiros foi rápida e eficiente.", "pt", "Negative"),
])
def test_no_closing_verdict_in_news(text, language, label):
    label_found, _, explanation = sentiment(text, language)
    assert label_found == label and "read as news" in explanation and "closing verdict" not in explanation


def test_a_lukewarm_verdict_stays_lukewarm():
    assert sentiment("The strap is stiff. Overall, it's fine.", "en")[0] != "Positive"


# ------------------------------------------------------------------ sentiment: savers' returns, borrowers' costs

@pytest.mark.parametrize(("text", "language", "label"), [
    ("O Tesouro Selic rendeu 11% em 2024, segundo a B3.", "pt", "Positive"),
    ("Os fundos de renda fixa vão render mais com os juros altos.", "pt", "Positive"),
    ("A poupança rendeu menos que a inflação pelo segundo ano.", "pt", "Negative"),
    ("Savings accounts will earn less after the rate cut.", "en", "Negative"),
    ("As prestações do crédito à habitação sobem em janeiro.", "pt", "Negative"),
    ("As prestações da casa vão descer para quem tem crédito indexado à Euribor.", "pt", "Positive"),
])
def test_savers_gain_and_borrowers_pay(text, language, label):
    assert sentiment(text, language)[0] == label


def test_a_device_yield_is_no_saving():
    assert "earned" not in sentiment("A bateria rende 10 horas e o carregador é rápido.", "pt")[2]


@pytest.mark.parametrize("text", [
    "A Euribor recuou para 2,4% em novembro.",  # no borrower named: a rate to report
    "A Selic teve alta de 0,5 ponto nesta quarta-feira.",  # a policy rate's rise, as "subiu"
])
def test_a_rate_with_no_borrower_is_reported(text):
    assert sentiment(text, "pt")[0] == "Neutral"


# ------------------------------------------------------------------ sentiment: "alta de X%"

@pytest.mark.parametrize(("text", "label"), [
    ("O preço do café teve alta de 9% em outubro, segundo o IBGE.", "Negative"),
    ("Os aluguéis em alta pressionam as famílias de Lisboa.", "Negative"),
    ("As exportações de soja tiveram alta de 14% no semestre.", "Positive"),
])
def test_a_rise_noun_with_its_figure(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize("text", [
    "O paciente recebeu alta nesta sexta-feira, informou o hospital.",
    "Produto de alta qualidade.",
])
def test_alta_alone_is_no_rise(text):
    assert "rising" not in sentiment(text, "pt")[2]


def test_at_the_pumps_is_no_bomb():
    assert "'bombas'" not in sentiment("O diesel está mais barato nas bombas desde segunda-feira.", "pt")[2]


# ------------------------------------------------------------------ speculation: no feeling, no trend to check

@pytest.mark.parametrize(("text", "language"), [
    ("O Ibovespa fechou em 128 mil pontos. O índice pode despencar se o acordo fracassar.", "pt"),
    ("As ações podem voltar a subir na semana que vem.", "pt"),
    ("Gold closed at $2,400 on Friday. Prices could soar or plunge next week.", "en"),
])
def test_a_move_said_to_be_possible_is_no_news(text, language):
    assert sentiment(text, language)[0] == "Neutral"


def test_a_possible_move_is_only_a_move():
    assert sentiment("O dólar despencou 3% nesta segunda-feira.", "pt")[0] == "Negative"  # a move that happened
    # written Negative, a warning: "quebrar" stays out of the speculated moves; "com uma queda" (a drop of the thing)
    # read as the fall of a bad thing until claimsent32 (an accident's fall moves nothing before it)
    assert sentiment("O produto pode quebrar com uma queda.", "pt")[0] == "Negative"


def test_a_move_said_to_be_possible_is_no_claim():
    text = "O euro pode disparar 8% até março."
    [unit] = ClaimAnnotator().score(AnalyzedText(text, language_hint="pt"))
    assert "move said to be possible (disparar)" in unit.explanation and unit.score < 0.5
    # "skyrocket" is an English word of trend since claimsent32: said to be possible, it weighs nothing
    assert claim_score("Oil could skyrocket 40% by the summer.", "en") < 0.5


def test_a_move_that_happened_is_still_a_trend():
    assert claim_score("O euro disparou 8% em março.", "pt") >= 0.5


# ------------------------------------------------------------------ sentiment: the writer's opinion, a column

@pytest.mark.parametrize(("text", "language"), [
    ("A prefeitura anunciou nesta terça-feira um túnel de R$ 2 bilhões. A meu ver, é um desperdício.", "pt"),
    ("The council announced a $30 million parking garage, officials said. In my view, that is a waste.", "en"),
])
def test_a_stated_opinion_is_labelled(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "read as news" not in explanation


def test_money_thrown_away_is_a_complaint():
    assert sentiment("Comprei dois e joguei dinheiro fora.", "pt")[0] == "Negative"


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent31/README.md)

def test_the_studied_texts():
    # main (8b49c86): sentiment 4 of 12, claims 11/11 at 11/11; s09 (a playground opened: no word of feeling) left open
    assert wrong_sentiment("studied.jsonl") == ["s09"]
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph)


def test_the_blind_texts():
    # written after the fixes and run once on be9249a: sentiment 4 of 6 (main 4), claims 6/8 at 6/6 (main the same);
    # the misses (waiting lists that grew, b04; a fire with no one hurt, b06; two claims) are in the README
    assert wrong_sentiment("blind.jsonl") == ["b04", "b06"]
