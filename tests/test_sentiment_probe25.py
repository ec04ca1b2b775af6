"""The sentiment plugin's session-25 features, found by probe 25 (economy figures, company results, product
launches, reported problems and lukewarm reviews): words of a transaction or an aside that carry no valence, a
lukewarm verdict that makes faint praise Neutral, plans put off as bad news and a failure to manage; each as a
general rule tested on other texts, with texts where the same words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import lukewarm_verdict, read
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a payment and a capital contribution are transactions; "vê-se bem que" an aside; "em vigor" in force
        ("O banco fez o pagamento das parcelas em março.", "pt"),
        ("O fundo anunciou novos aportes na empresa.", "pt"),
        ("Vê-se bem que o mercado mudou.", "pt"),
        ("Nota-se bem a diferença de preço entre as lojas.", "pt"),
        ("A nova lei entra em vigor em janeiro.", "pt"),
        # "fresh" as "another": a fresh copy of a form, a fresh batch
        ("You can request a fresh copy at the front desk.", "en"),
        ("The lab ordered a fresh batch of samples.", "en"),
    ],
)
def test_transactions_asides_and_a_fresh_copy_carry_no_valence(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [
        # praise of the same words elsewhere: the work done well, vigour, fresh food, a fresh start
        ("O produto funciona bem.", "pt", 1),
        ("Jogou com vigor do início ao fim.", "pt", 1),
        ("The bread was fresh and warm.", "en", 1),
        ("A fresh start for the team.", "en", 1),
    ],
)
def test_the_same_words_elsewhere_keep_their_valence(text, language, sign):
    assert read(text, language).total * sign > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a lukewarm verdict makes the rest's faint praise Neutral
        ("It's fine. Does the job, nothing special.", "en"),
        ("It’s okay. Comfortable enough for short walks.", "en"),
        ("Decent blender, okay for smoothies, nothing to write home about.", "en"),
        ("Nice enough hotel, breakfast was average, friendly staff.", "en"),
        ("Gostei, mas é um produto mediano. Nada de especial.", "pt"),
        ("Quebra o galho, entrega rápida.", "pt"),
    ],
)
def test_a_lukewarm_verdict_is_neutral(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Neutral" and "lukewarm" in explanation


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a verdict above or below the average is no lukewarm one; strong praise beside "it's fine" stays Positive
        ("The food is above average and the staff were lovely.", "en", "Positive"),
        ("Way below average, the worst pizza in town.", "en", "Negative"),
        ("Absolutely love it, best purchase this year, great quality and it's fine in the dishwasher too.", "en",
         "Positive"),
        ("Produto mediano e chegou quebrado, péssimo.", "pt", "Negative"),
    ],
)
def test_no_lukewarm_verdict_or_a_stronger_one(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a fine that is a state, an average that is a measure, a median income, praise
        ("It's fine now that they fixed it.", "en"),
        ("Average commute times fell.", "en"),
        ("A renda mediana das famílias subiu 3%.", "pt"),
        ("Boa qualidade.", "pt"),
    ],
)
def test_what_is_no_lukewarm_verdict(text, language):
    assert lukewarm_verdict(text, language) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # plans put off are bad news for an economy or a company
        ("Com a crise, as empresas adiaram investimentos.", "pt"),
        ("A montadora suspendeu as contratações na fábrica do ABC.", "pt"),
        ("The retailer shelved its expansion plans for next year.", "en"),
        ("Several banks froze hiring in the second quarter.", "en"),
    ],
)
def test_plans_put_off_are_bad_news(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and any(plan in explanation for plan in ("invest", "contrat", "expansion", "hiring"))


@pytest.mark.parametrize(
    ("text", "language"),
    [("O julgamento foi adiado para março.", "pt"), ("A empresa adiou a reunião com os acionistas.", "pt"),
     ("The council postponed the vote on the budget.", "en")],
)
def test_a_postponement_of_no_plan_is_not_charged(text, language):
    # only the word of postponement's own valence, if any: no span of a plan put off
    assert all(" " not in cue for cue, _ in read(text, language).cues)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a fall of what a business or an economy makes or sells is bad news, however mild its word
        ("Shipments fell 74% in the quarter, the company said.", "en"),
        ("Quarterly revenue declined 6%, the retailer reported.", "en"),
        ("O lucro da empresa caiu 30% no trimestre.", "pt"),
        ("As exportações de calçado recuaram 4% em maio.", "pt"),
    ],
)
def test_a_fall_of_sales_or_output_is_bad_news(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "falling" in explanation


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a fall of a cost or a harm is still good news; sales that rise, and a comparison, are no fall
        ("Prices fell 3% in March, the agency said.", "en", "Positive"),
        ("O desemprego caiu para 7% no trimestre.", "pt", "Positive"),
        ("As vendas subiram 12% em março.", "pt", "Positive"),
    ],
)
def test_other_moves_keep_their_reading(text, language, label):
    assert sentiment(text, language)[0] == label


def test_a_comparison_or_a_cut_is_no_fall_of_business():
    assert all("falling" not in cue for cue, _ in read("Lower sales than expected; the firm cut output.", "en").cues)


@pytest.mark.parametrize(
    ("text", "sign"),
    [("Os clientes não conseguem acessar o aplicativo.", -1), ("Conseguiu resolver tudo na hora.", 1)],
)
def test_managing_is_praise_and_not_managing_a_failure(text, sign):
    assert read(text, "pt").total * sign > 0


def test_probe25_studied_texts():
    # fixtures/sentiment/README.md, probe 25: 19 of 20 right after the fixes (13 before); e04 (a notice whose
    # "housing grant", +1.5 in VADER, outweighed "lost the form") right since probe claimsent: 20 of 20.
    rows = [json.loads(line) for line in (PROBE / "probe25.jsonl").read_text(encoding="utf-8").splitlines()]
    right = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() == row["label"]]
    assert len(right) >= 20, sorted(set(row["id"] for row in rows) - set(right))


# Found by probe 25's blind texts (fixed after its one run).
@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a fall told as "slipped", a cancellation of flights or an order
        ("Home sales slipped 2% in June.", "en"),
        ("O cancelamento de 40 voos deixou passageiros retidos no aeroporto.", "pt"),
    ],
)
def test_a_slip_and_a_cancellation_are_bad_news(text, language):
    assert read(text, language).total < 0


def test_a_bad_thing_that_slipped_is_good_news():
    label, _, explanation = sentiment("Unemployment slipped to 4.1% in May.", "en")
    assert label == "Positive" and "falling" in explanation


@pytest.mark.parametrize("text", ["Produto mediano.", "Nada que impressione.", "Bonito, mas nada que surpreenda."])
def test_a_portuguese_lukewarm_verdict_is_no_complaint(text):
    assert read(text, "pt").total >= 0


def test_probe25_blind_texts():
    # run once on 0.6.13 before these fixes: 6 of 10 (5 on 0.6.12); x02 (cancelled flights), x05 (a lukewarm review
    # read as a complaint) and x06 (sales that "slipped") right since; x07 (outages told without a
    # word of feeling: "calls and data down for up to six hours"), right since probe claimsent: 10 of 10
    rows = [json.loads(line) for line in (PROBE / "probe25_blind.jsonl").read_text(encoding="utf-8").splitlines()]
    right = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() == row["label"]]
    assert len(right) >= 10, sorted(set(row["id"] for row in rows) - set(right))
