"""The sentiment plugin's session-19 features: the shapes probe 18 noticed but left and those of probe 19,
each as a general rule tested on other texts, with texts where the same words must not be read the new way."""

from __future__ import annotations

import pytest

from plugins.sentiment import read
from tests.test_sentiment import sentiment


@pytest.mark.parametrize("text", ["Formatura da minha prima na sexta 🎓", "Meu irmão se formou em medicina 🎓"])
def test_a_graduation_cap_is_a_celebration(text):
    called, _, explanation = sentiment(text, "pt")
    assert called == "Positive" and "🎓" in explanation


@pytest.mark.parametrize(("text", "sign"), [("Queremos repetir a visita.", 1), ("Quero repetir o jantar!", 1),
                                            ("Não quero repetir a experiência.", -1)])
def test_repeating_takes_its_object_after_an_article(text, sign):
    assert read(text, "pt").total * sign > 0


@pytest.mark.parametrize(("text", "sign"), [("Atrasou, mas valeu a espera.", 1), ("Valeu cada centavo.", 1),
                                            ("Não vale cada centavo que custa.", -1)])
def test_a_verdict_of_worth(text, sign):
    assert read(text, "pt").total * sign > 0


@pytest.mark.parametrize("text", ["Comprei um vale-presente de 50 reais.", "O vale do rio Douro tem vinhas.",
                                  "No geral, vale a pena."])
def test_a_voucher_a_valley_or_a_lukewarm_worth_is_no_verdict(text):
    assert read(text, "pt").total == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [("Obrigado por nada, TAP.", "pt"), ("Obrigada mesmo por nada.", "pt"), ("Thank you for nothing, Ryanair.", "en")],
)
def test_thanks_for_nothing_are_a_reproach(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "ironic" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [("Obrigada por tudo, amigas.", "pt"), ("Por nada! Obrigado a você.", "pt"),
     ("Thanks for the help, nothing else is needed.", "en")],
)
def test_thanks_for_something_are_thanks(text, language):
    assert read(text, language).total > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("O chopp veio geladinho.", "pt"), ("Refrigerante gelado e pastel quentinho.", "pt"),
     ("The beer arrived cold.", "en"), ("Cold beer and a view of the bay.", "en")],
)
def test_a_cold_drink_is_praise(text, language):
    assert read(text, language).total > 0


@pytest.mark.parametrize(("text", "language"), [("A sopa chegou fria.", "pt"), ("The fries arrived cold.", "en")])
def test_cold_food_is_still_a_complaint(text, language):
    assert read(text, language).total < 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Parabéns à Vodafone. Mais um dia sem rede.", "pt"),
        ("Bom trabalho, Águas do Porto. O bairro inteiro sem água desde ontem.", "pt"),
        ("Great job, FedEx. The parcel never arrived.", "en"),
    ],
)
def test_a_salute_before_a_failure_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "ironic" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a verdict addressed to no one: praise and a complaint, no irony
        ("Ótimo atendimento. A comida chegou fria.", "pt"),
        ("Great service. The soup arrived cold.", "en"),
        # a salute before a sentence that names no failure, or something good
        ("Obrigado, equipa. Foi um ano difícil.", "pt"),
        ("Parabéns à EDP. Sem luz por uma hora, mas resolveram rápido.", "pt"),
    ],
)
def test_praise_before_a_complaint_or_thanks_before_bad_news_is_no_irony(text, language):
    assert "ironic" not in sentiment(text, language)[2]


@pytest.mark.parametrize(
    "text",
    ["Atenção, clientes: a loja abre às 10h amanhã.",
     "Procure o centro de saúde se tiver febre alta ou falta de ar."],
)
def test_a_notices_call_and_a_symptoms_name_carry_no_feeling(text):
    assert sentiment(text, "pt")[0] == "Neutral"


@pytest.mark.parametrize("text", ["Que falta de educação do atendente.", "Estou com falta de ar e dor no peito."])
def test_a_lack_of_something_else_or_a_pain_is_still_a_complaint(text):
    assert sentiment(text, "pt")[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a fate escaped: no praise, no harm
        ("The hotel could have been worse.", "en", "Neutral"),
        ("O jogo podia ter sido pior.", "pt", "Neutral"),
        # a lack
        ("The food could have been a lot better.", "en", "Negative"),
        ("O atendimento podia ter sido melhor.", "pt", "Negative"),
        # negated, a comparative at its extreme
        ("It couldn't have been better.", "en", "Positive"),
        ("A viagem não podia ter sido melhor!", "pt", "Positive"),  # a review's 0.75 wants more without "!"
    ],
)
def test_a_counterfactual_says_what_did_not_happen(text, language, label):
    called, _, explanation = sentiment(text, language)
    assert called == label and (label == "Neutral" or "counterfactual" in explanation)


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # what has been is real
        ("It has been better than ever.", "en", "Positive"),
        ("Tem sido pior a cada dia.", "pt", "Negative"),
        # a counterfactual with a condition is a suggestion, and one negated escaped a problem
        ("Teria sido melhor se viesse com manual.", "pt", "Neutral"),
        ("Isso não teria sido problema com um manual.", "pt", "Neutral"),
    ],
)
def test_what_has_been_or_a_suggestion_is_no_counterfactual_verdict(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The blender barely works on frozen fruit.", "en"),
        ("My phone hardly charges with this cable.", "en"),
        ("The battery doesn't last a day.", "en"),
        ("A bateria não dura nem um dia.", "pt"),
        ("Returning it tomorrow.", "en"),
        ("Sent it back after a week.", "en"),
    ],
)
def test_what_lasts_or_works_barely_or_goes_back_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The battery lasts two days.", "en"),
        ("I barely noticed the delivery van.", "en"),
        ("Returning customers get a discount on Fridays.", "en"),
        ("A reunião dura duas horas.", "pt"),
    ],
)
def test_lasting_or_barely_alone_or_returning_customers_carry_nothing(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    "text",
    ["O Benfica venceu o Porto por 2-0 e lidera o campeonato.", "O Brasil marcou três gols e garantiu a vitória no torneio."],
)
def test_a_sports_report_is_read_as_news(text):
    called, _, explanation = sentiment(text, "pt")
    assert called == "Positive" and "read as news" in explanation


def test_a_review_naming_a_team_is_still_a_review():
    assert "read as news" not in sentiment("Comprei a camisa da seleção, o tecido é ótimo e veio rápido.", "pt")[2]


@pytest.mark.parametrize(
    "text",
    # found by probe 19's blind texts: a weather service's alert is a notice, its hazard its topic
    ["A flood watch is in effect for the county until Friday.", "A heat advisory covers the valley through Sunday."],
)
def test_a_weather_alert_is_a_notice(text):
    assert sentiment(text, "en")[0] == "Neutral"


def test_the_hazard_itself_is_still_bad_news():
    assert sentiment("The flood destroyed 40 homes.", "en")[0] == "Negative"
    assert sentiment("Watch out, this charger is terrible.", "en")[0] == "Negative"
