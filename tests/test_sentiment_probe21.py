"""The sentiment plugin's session-21 features: registers earlier probes did not cover (app-store and hotel
reviews, customer-service chats, press releases, earnings and sports reports, political statements, forum
posts), and the misses probe 20 left; each as a general rule tested on other texts, with texts where the same
words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import RIGHT_CHOICE_VALENCE, read
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment" / "probe21.jsonl"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # under the news thresholds, "acordo" (+2.2) alone made these Positive
        ("A Petrobras assinou nesta terça-feira um acordo com a Sinopec para explorar dois blocos.", "pt"),
        ("Em março, a Embraer e a Boeing firmaram um novo acordo de cooperação.", "pt"),
        ("The EU and Japan signed an agreement on chip supply.", "en"),
        ("Officials said the two unions reached an agreement on Tuesday.", "en"),
        ("The board approved the merger of the two regional utilities.", "en"),
        ("The new inhaler was approved by the FDA on Wednesday.", "en"),
    ],
)
def test_a_deal_or_an_approval_reported_is_neutral(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # what the writer says of a deal still counts, and so does the approval of a customer
        ("O acordo foi um grande sucesso para os trabalhadores.", "pt"),
        ("The agreement was a great success for the workers.", "en"),
        ("Produto aprovado! Recomendo a todos.", "pt"),
        ("My kids approved! Great toy.", "en"),
    ],
)
def test_a_deal_or_an_approval_judged_keeps_its_valence(text, language):
    cues = dict(read(text, language).cues)
    assert any(cue.strip("'") in ("acordo", "agreement", "aprovado", "approved") for cue in cues)
    assert sum(cues.values()) > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ordered a laptop two weeks ago. Still says 'processing'.", "en"),
        ("My order still shows pending.", "en"),
        ("It's Friday and my account still shows the ticket as 'open'.", "en"),
        ("Comprei há dez dias e ainda consta 'em processamento'.", "pt"),
        ("O reembolso continua com o status 'pendente' no aplicativo.", "pt"),
    ],
)
def test_a_status_still_pending_is_a_complaint(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and ("still" in explanation or "ainda" in explanation or "continua" in explanation)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # no word of showing before it, no "still", or "open" as a shop's hours
        ("I'm still processing the news.", "en"),
        ("Seu pedido está em processamento.", "pt"),
        ("Your payment is pending approval.", "en"),
        ("The pharmacy is still open until ten.", "en"),
        ("A farmácia ainda está aberta.", "pt"),
    ],
)
def test_a_status_not_stuck_is_no_complaint(text, language):
    assert all(weight >= 0 for _, weight in read(text, language).cues)


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # the clause after the contrast carries the verdict: a flaw conceded, then the writer's choice
        ("Chega tarde, mas é a decisão certa.", "pt", "Positive"),
        ("It comes late, but it is the right decision.", "en", "Positive"),
        # a praise conceded, then a price: not Positive (probe 19's and 20's "melhor ..., mas ainda caro"); a
        # Portuguese review's praise and complaint across a contrast is mixed, Neutral (claimsent4, as B2W labels)
        ("Está melhor do que o anterior, mas ainda caro.", "pt", "Neutral"),
        ("It's better than the last one, but still expensive.", "en", "Negative"),
    ],
)
def test_the_clause_after_a_contrast_weighs_more(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [
        ("Foi a escolha mais acertada que fiz.", "pt", 1),
        ("That was the right call.", "en", 1),
        ("Não é a decisão certa.", "pt", -1),
        ("It is not the right decision.", "en", -1),
    ],
)
def test_a_verdict_of_rightness_on_a_choice(text, language, sign):
    assert read(text, language).total * sign > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("Chegou no dia certo.", "pt"), ("Tenho certeza de que o caminho é longo.", "pt"),
     ("I need it right now.", "en"), ("Turn right at the next step.", "en")],
)
def test_rightness_without_a_choice_is_no_verdict(text, language):
    assert RIGHT_CHOICE_VALENCE not in [weight for _, weight in read(text, language).cues]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a move right after a conjunction is a second predicate: the loss before it did not fall
        ("Intel reported a quarterly loss of $1.6 billion and cut its full-year revenue forecast.", "en"),
        ("A empresa teve prejuízo de 2 milhões e reduziu a produção.", "pt"),
    ],
)
def test_a_second_predicates_fall_is_not_of_the_bad_thing_before(text, language):
    assert "falling" not in sentiment(text, language)[2] and read(text, language).total < 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("Deaths and injuries fell by a third last year.", "en"), ("The company cut losses and reduced its debt.", "en"),
     ("O desemprego caiu e a inflação recuou.", "pt")],
)
def test_a_bad_thing_before_its_fall_still_falls(text, language):
    assert "falling" in sentiment(text, language)[2] and read(text, language).total > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hi, I'd like to change the delivery date for my order to next Tuesday if possible. Thanks.", "en"),
        ("Could you resend the invoice? Thank you!", "en"),
        ("Gostaria de alterar o endereço de entrega do pedido. Obrigado!", "pt"),
    ],
)
def test_a_bare_thanks_closing_a_request_is_courtesy(text, language):
    assert sentiment(text, language)[0] == "Neutral" and read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The replacement arrived today and works great. Thanks!", "en"),
        ("Could you resend the invoice? Thanks so much, you've been very helpful.", "en"),
        ("Thanks!", "en"),
    ],
)
def test_thanks_for_something_or_without_a_request_still_count(text, language):
    assert any("thank" in cue and weight > 0 for cue, weight in read(text, language).cues)


@pytest.mark.parametrize(("text", "sign"), [("Used to love this app.", -1), ("This used to be a great app.", -1),
                                            ("I used to hate running, now I love it.", 1)])
def test_a_feeling_the_writer_used_to_have_is_lost(text, sign):
    assert read(text, "en").total * sign > 0 and "'used' flips" in sentiment(text, "en")[2]


@pytest.mark.parametrize("text", ["I'm used to great service from them.",
                                  "We used to go there every summer and loved it."])
def test_accustomed_to_or_a_feeling_later_is_no_lost_feeling(text):
    assert sentiment(text, "en")[0] == "Positive" and "flips" not in sentiment(text, "en")[2]


def test_probe21_studied_texts():
    # fixtures/sentiment/README.md, probe 21: 22 of 24 right after the fixes (16 before), 23 after probe 22's
    # ("App leve, rápido e sem anúncios ... nunca travou. Recomendo.": a recommendation is a verdict, "nunca
    # travou" praise); still wrong: "Quarto amplo e limpo ... A localização é perfeita" (+0.62, under 0.75).
    rows = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()]
    right = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() == row["label"]]
    assert len(right) >= 23, sorted(set(row["id"] for row in rows) - set(right))


# Found by probe 21's blind texts (fixed after its one run).
@pytest.mark.parametrize(
    ("text", "language"),
    [("Pelo preço que pagámos, esperava muito mais.", "pt"), ("Esperava mais do produto.", "pt"),
     ("For the price, I expected more.", "en"), ("We hoped for better from this brand.", "en")],
)
def test_a_hope_let_down_is_a_complaint(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and ("mais" in explanation or "more" in explanation or "better" in explanation)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Era exatamente o que esperava.", "pt"), ("Esperava mais tempo na fila, mas fui atendido logo.", "pt"),
     ("I expected more people at the show, and it was great.", "en")],
)
def test_a_hope_met_or_more_of_a_thing_is_no_complaint(text, language):
    assert all(weight >= 0 for _, weight in read(text, language).cues)


@pytest.mark.parametrize("text", ["My router drops the connection every evening.",
                                  "My internet keeps dropping every night."])
def test_a_connection_that_drops_is_an_outage(text):
    label, _, explanation = sentiment(text, "en")
    assert label == "Negative" and "drop" in explanation


def test_prices_that_drop_are_still_good_news():
    assert sentiment("Electricity prices dropped 5% in March.", "en")[0] == "Positive"
