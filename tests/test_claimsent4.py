"""Claims and sentiment probe ``claimsent4`` (fixtures/claimsent4): the gaps noticed after session 25 and the
studied texts' misses, each fixed by a rule tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.claims import ClaimAnnotator
from plugins.sentiment import MIXED_NOTE, read
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "claimsent4"


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (PROBE / name).read_text(encoding="utf-8").splitlines()]


def wrong_sentiment(name: str) -> list[str]:
    return [row["id"] for row in rows(name) if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]


def unit_explanations(text: str, language: str) -> str:
    """Every unit's explanation, suggested or not, joined."""
    return " | ".join(unit.explanation for unit in ClaimAnnotator().score(AnalyzedText(text, language_hint=language)))


# ------------------------------------------------------------------ claims: how a customer's order came

@pytest.mark.parametrize(("sentence", "language"), [
    ("Produto excelente, chegou antes do prazo e bem embalado.", "pt"),
    ("Meu pedido chegou na sexta-feira, dois dias antes do prazo.", "pt"),
    ("Chegou dentro do prazo, bem embalada, com nota fiscal.", "pt"),
    ("My order arrived on time, well packaged, with 2 spare filters.", "en"),
    ("We waited 45 minutes for our mains and the steak came out cold.", "en"),
    ("Esperei duas horas na fila e ninguém atendeu.", "pt"),
    ("Amazon replaced it twice without argument, which I appreciate.", "en"),
    # after the blind run (its b06: "left without fixing the socket, and charged us £90 for the visit")
    ("The plumber charged me £120 and the tap still drips.", "en"),
    ("O técnico me cobrou R$ 150 pela visita e não trouxe a peça.", "pt"),
])
def test_a_customers_order_and_wait_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: a public work's deadline, years waited for a town's bridge, a company's refunds counted
    ("A obra do viaduto foi entregue dois meses antes do prazo, informou a prefeitura.", "pt"),
    ("We waited 45 years for this bridge, and the state finally opened it on Monday.", "en"),
    ("The airline refunded 1.2 million passengers in 2024, the regulator said.", "en"),
    ("The bank charged customers £2.3 million in overdraft fees last year.", "en"),
])
def test_news_of_deadlines_and_waits_stays_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


# ------------------------------------------------------------------ claims: a day given to act

@pytest.mark.parametrize(("sentence", "language"), [
    ("Regulators have until March 14 to decide.", "en"),
    ("The company has until 30 June to respond to the complaint.", "en"),
    ("A empresa tem até 30 de junho para responder ao Procon.", "pt"),
])
def test_a_day_given_to_act_is_a_claim(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


def test_a_wish_until_a_day_is_none():
    assert claims("I can't wait until March 14 to see you all!", "en") == {}


# ------------------------------------------------------------------ claims: a surname that is also a noun

@pytest.mark.parametrize(("sentence", "language", "actor"), [
    ("Rocha anunciou a demissão do secretário.", "pt", "Rocha"),
    ("Coelho negou nesta quarta que vá deixar o partido.", "pt", "Coelho"),
    ("Pereira disse que o acordo está fechado.", "pt", "Pereira"),
    ("Baker said the plan would cost more.", "en", "Baker"),
])
def test_a_surname_that_is_a_noun_before_a_persons_verb_is_a_named_actor(sentence, language, actor):
    assert f"named actor ({actor})" in unit_explanations(sentence, language)


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: a common noun before a verb things do
    ("Entrega demorou 15 dias.", "pt"),
    ("Produto chegou quebrado.", "pt"),
    ("Refund took three weeks.", "en"),
])
def test_a_common_noun_before_a_verb_things_do_stays_no_named_actor(sentence, language):
    assert "named actor" not in unit_explanations(sentence, language)


# ------------------------------------------------------------------ claims: the count of one, then and now

@pytest.mark.parametrize(("text", "language", "then"), [
    ("Quando me mudei pra cá, o bairro tinha uma creche. Hoje tem quatro.", "pt",
     "Quando me mudei pra cá, o bairro tinha uma creche."),
    ("Em 2010 a vila tinha um posto de saúde. Hoje são três.", "pt", "Em 2010 a vila tinha um posto de saúde."),
    ("When I moved here, the town had one school. Today it has four.", "en",
     "When I moved here, the town had one school."),
])
def test_a_count_of_one_then_is_half_of_the_comparison(text, language, then):
    assert then in claims(text, language)


def test_one_without_a_count_now_is_no_count():
    assert "quantity in words (uma)" not in unit_explanations("Ela tinha uma ideia. Hoje está feliz.", "pt")


# ------------------------------------------------------------------ sentiment: defects, heaters, insurance, exchanges

@pytest.mark.parametrize(("text", "language"), [
    ("A tela risca com facilidade.", "pt"),
    ("Riscou fácil, na primeira semana.", "pt"),
    ("A lente veio riscada.", "pt"),
    ("The screen scratches easily.", "en"),
    ("The cable frays at the plug.", "en"),
])
def test_a_scratch_or_a_fray_is_a_defect(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language", "ease"), [
    # guards: ease that is praise
    ("Montagem fácil e acabamento bonito.", "pt", "'fácil'"),
    ("Easy to set up and it works well.", "en", "'easy'"),
])
def test_ease_that_is_praise_stays(text, language, ease):
    assert dict(read(text, language).cues)[ease] > 0


@pytest.mark.parametrize("text", [
    "O forno elétrico esquenta por igual.",
    "O aquecedor esquenta o quarto em minutos.",
    "A chaleira esquenta a água para o chimarrão.",
])
def test_an_appliance_made_to_heat_that_heats_is_no_fault(text):
    assert all(weight >= 0 for _, weight in read(text, "pt").cues)


def test_a_phone_that_heats_stays_a_fault():
    assert sentiment("O celular esquenta muito.", "pt")[0] == "Negative"


@pytest.mark.parametrize("text", [
    "Contratei o seguro junto com a geladeira.",
    "O seguro não cobre o conserto.",
    "Comprei com seguro.",
])
def test_insurance_is_no_safety(text):
    assert all(weight <= 0 for _, weight in read(text, "pt").cues)


def test_a_safe_thing_stays_praise():
    assert dict(read("O site é seguro e a entrega foi rápida.", "pt").cues)["'seguro'"] > 0


@pytest.mark.parametrize("text", ["A troca foi feita em uma semana.", "Fiz a troca na loja."])
def test_an_exchange_is_no_complaint(text):
    assert sentiment(text, "pt")[0] == "Neutral"


def test_an_exchange_unanswered_stays_a_complaint():
    assert sentiment("Pedi a troca e até hoje não responderam.", "pt")[0] == "Negative"


# ------------------------------------------------------------------ sentiment: fixed faults, readers' questions

@pytest.mark.parametrize("text", [
    "O encanador resolveu o vazamento em meia hora.",
    "Consertaram o defeito rápido.",
    "O técnico corrigiu o problema no mesmo dia.",
])
def test_a_fault_fixed_is_no_complaint(text):
    assert all(weight >= 0 for _, weight in read(text, "pt").cues)


@pytest.mark.parametrize("text", ["Não resolveram o problema.", "Ele resolveu devolver o produto quebrado."])
def test_a_fault_not_fixed_or_a_decision_stays_a_complaint(text):
    assert sentiment(text, "pt")[0] == "Negative"


@pytest.mark.parametrize("text", [
    "Em caso de dúvidas, ligue 156.",
    "Dúvidas podem ser enviadas pelo aplicativo.",
    "Tire suas dúvidas no site da prefeitura.",
])
def test_a_readers_questions_are_no_doubt(text):
    assert read(text, "pt").cues == []


def test_the_writers_doubt_stays():
    assert sentiment("Tenho minhas dúvidas.", "pt")[0] == "Negative"


# ------------------------------------------------------------------ sentiment: what no one knows

@pytest.mark.parametrize(("text", "language"), [
    ("Comprei há 20 dias e ninguém sabe quando chega.", "pt"),
    ("Não sei se funciona no modelo antigo.", "pt"),
    ("The merger could lead to higher prices, some analysts fear, although it is too early to say.", "en"),
    ("A fusão pode elevar os preços, mas ainda é cedo para dizer.", "pt"),
])
def test_what_no_one_knows_is_no_feeling(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(("text", "language"), [
    # guards: a parcel that did not come, a fear not hedged
    ("Comprei há 20 dias e o pedido não chega.", "pt"),
    ("The merger will lead to higher prices, analysts fear.", "en"),
])
def test_what_did_not_come_or_is_feared_stays_negative(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ sentiment: a mixed review

@pytest.mark.parametrize("text", [
    "O celular é ótimo, mas o carregador esquenta um pouco.",
    "Ótimo, mas esquenta um pouco.",
    "Produto bonito, mas o acabamento é fraco.",
])
def test_praise_and_a_complaint_across_a_contrast_is_mixed(text):
    label, _, explanation = sentiment(text, "pt")
    assert label == "Neutral" and MIXED_NOTE in explanation


def test_a_slight_reservation_after_praise_is_neutral():
    # no word of the lexicon says "um pouco grande" is a complaint: Neutral without the mixed review's note
    assert sentiment("Bonito e confortável, porém o tamanho veio um pouco grande.", "pt")[0] == "Neutral"


@pytest.mark.parametrize("text", [
    # guards: a thing that failed after the praise, a strong complaint, news
    "O hotel é bonito nas fotos, mas o ar-condicionado não funcionava.",
    "Bonito, mas quebrou no primeiro dia, péssimo, horrível.",
])
def test_a_failure_or_a_strong_complaint_after_praise_stays_negative(text):
    assert sentiment(text, "pt")[0] == "Negative"


def test_a_report_keeps_its_thresholds():
    text = "O governo anunciou o reajuste do salário mínimo, mas a inflação subiu 0,8% em março, informou o IBGE."
    assert MIXED_NOTE not in sentiment(text, "pt")[2]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent4/README.md)

def test_the_studied_texts():
    # main: sentiment 9 of 18, claims 11/13 at 11/13; the misses left open are listed in the README; s04 ("Surely our
    # money would be better spent") fixed by claimsent27; s10 (a plumber's review closing on "Recomendo.") by claimsent53;
    # s18's "O governador disse que ..." by claims54 (what an office says pairs as a name's)
    assert wrong_sentiment("studied.jsonl") == ["s05", "s06", "s16", "s18"]
    for paragraph in rows("studied.jsonl"):
        assert_claims_found(paragraph)


def test_the_blind_texts():
    # run once on cb73fa7: sentiment 9 of 12 (main 8), claims 7/9 at 7/8 (main 7/9 at 7/8); b06's "charged us"
    # fixed afterwards
    # b05 (rents rising) fixed by claimsent27; b10 ("Produto bom, chegou rápido.") by s48-sentiment (a short review's
    # praise of how the thing performed)
    assert wrong_sentiment("blind.jsonl") == ["b01"]
    # b11's "The club will pay just £1 a year in rent for 99 years." found since s52-claims2 (a club among the company
    # nouns: its plan with a figure)
    left_open = frozenset({"A 34-year-old man remains in hospital."})
    for paragraph in rows("blind.jsonl"):
        assert_claims_found(paragraph, left_open)


# ------------------------------------------------------------------ sentiment: a fall told by its figures

@pytest.mark.parametrize("text", [
    "O número de homicídios passou de 1.020 para 740 em dois anos, informou a Secretaria da Segurança.",
    "Os casos de dengue passaram de 1.480 em 2024 para 312 em 2025, segundo o ministério.",
])
def test_a_bad_thing_going_from_a_figure_to_a_smaller_one_is_good_news(text):
    label, _, explanation = sentiment(text, "pt")
    assert label == "Positive" and "falling" in explanation


def test_a_bad_thing_going_to_a_larger_figure_is_no_good_news():
    text = "O número de homicídios passou de 740 para 1.020 em dois anos, informou a Secretaria da Segurança."
    assert sentiment(text, "pt")[0] == "Negative"
