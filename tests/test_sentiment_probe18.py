"""The sentiment plugin's session-18 features: the misses probe 17's blind texts left and those of probe 18,
each as a general rule tested on other texts, with texts where the same words were read right before and
still are."""

from __future__ import annotations

import pytest

from plugins.sentiment import read, word_valence
from tests.test_sentiment import sentiment


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # words of outrage LeIA lacks
        ("Cobraram duas vezes a mesma fatura. É intolerável.", "Negative"),
        ("O que fizeram com os passageiros é revoltante.", "Negative"),
    ],
)
def test_words_of_outrage_the_lexicon_lacked(text, label):
    assert sentiment(text, "pt")[0] == label


# praise it lacks: "impecável", pt-PT "excecional"
@pytest.mark.parametrize(("text", "word"), [("O acabamento do sofá é impecável.", "'impecável'"),
                                            ("Um serviço excecional do princípio ao fim.", "'excecional'")])
def test_praise_the_lexicon_lacked(text, word):
    assert dict(read(text, "pt").cues)[word] > 0


def test_urgency_is_no_praise():
    assert "'urgente'" not in dict(read("Preciso de uma resposta urgente sobre a fatura.", "pt").cues)


@pytest.mark.parametrize(("word", "sign"), [("mal-educado", -1), ("mal-acabada", -1), ("bem-sucedido", 1)])
def test_a_compound_of_manner_says_what_its_adverb_says(word, sign):
    assert word_valence(word) * sign > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Paguei há duas semanas e ainda não recebi o produto.", "pt"),
        ("A encomenda nunca chegou.", "pt"),
        ("Mandei três e-mails e ninguém respondeu.", "pt"),
        ("O carregador não carrega o telemóvel.", "pt"),
        ("A comida veio fria e não voltamos.", "pt"),
        ("The parcel never arrived.", "en"),
        ("The charger doesn't work.", "en"),
    ],
)
def test_what_a_customer_waits_for_said_not_to_happen_is_a_complaint(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative"
    assert "flips" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # said without a negation, the same verbs carry nothing
        ("Recebi o produto ontem à tarde.", "pt"),
        ("The package arrived on Monday.", "en"),
        # an auxiliary before "a" and an infinitive
        ("O projeto não chegou a ser votado na sessão de ontem.", "pt"),
    ],
)
def test_the_same_verbs_said_to_happen_or_as_auxiliaries_carry_nothing(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # newer emoji of feeling: a post's tone, so VADER's thresholds
        ("Consegui terminar a tese, nem acredito 🥹", "pt", "Positive"),
        ("Obrigada por tudo, amigas 🫶", "pt", "Positive"),
        ("Formatura da minha irmã 🎊", "pt", "Positive"),
    ],
)
def test_newer_emoji_of_feeling_mark_a_post(text, language, label):
    called, _, explanation = sentiment(text, language)
    assert called == label and "read as post" in explanation


def test_the_sun_is_a_good_mood_but_no_posts_tone():
    assert dict(read("Praia cheia hoje ☀️", "pt").cues)["☀"] > 0
    assert sentiment("Bom dia ☀️", "pt")[0] == "Neutral"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # an exclamation without its mark: "Que" and a word of valence
        ("Que jantar maravilhoso com os amigos de sempre", "Positive"),
        ("Que tarde espetacular no parque com os miúdos", "Positive"),
    ],
)
def test_an_exclamation_without_its_mark_is_a_post(text, label):
    called, _, explanation = sentiment(text, "pt")
    assert called == label and "read as post" in explanation


@pytest.mark.parametrize("text", ["Que horas abre a loja de Braga?", "Que produto bom, recomendo."])
def test_a_question_or_a_purchase_opening_with_que_is_no_post(text):
    assert "read as post" not in sentiment(text, "pt")[2]


@pytest.mark.parametrize(
    "text",
    ["Hi, I'd like to change the delivery date of my order.", "We would like to book a table for six on Friday."],
)
def test_a_requests_would_like_is_no_liking(text):
    assert sentiment(text, "en")[0] == "Neutral"


def test_liking_is_still_liking():
    assert sentiment("I like this phone a lot.", "en")[0] == "Positive"


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [
        ("Um hotel de cinco estrelas.", "pt", 1),
        ("Dou 4 estrelas pela entrega.", "pt", 1),
        ("Nota 10 para o atendimento.", "pt", 1),
        ("Nota zero para o atendimento.", "pt", -1),
        ("Nem uma estrela para a loja.", "pt", -1),
        ("Five stars for the staff.", "en", 1),
        ("1 star for the staff.", "en", -1),
    ],
)
def test_a_rating_is_a_verdict(text, language, sign):
    assert read(text, language).total * sign > 0


def test_a_middling_rating_or_an_invoice_is_no_verdict():
    assert read("Três estrelas para o quarto.", "pt").total == 0.0
    assert "'nota'" not in dict(read("Envio a nota fiscal 4521 em anexo.", "pt").cues)


@pytest.mark.parametrize(("text", "sign"), [("Havemos de voltar.", 1), ("Vamos voltar com certeza.", 1),
                                            ("Quero repetir!", 1), ("Não vamos voltar.", -1)])
def test_a_verdict_told_as_a_future_with_an_auxiliary(text, sign):
    assert read(text, "pt").total * sign > 0


@pytest.mark.parametrize("text", ["Vou voltar para casa amanhã.", "Vamos voltar ao hotel depois do jantar.",
                                  "Vou voltar a estudar em março."])
def test_a_return_to_a_place_or_doing_again_is_no_verdict(text):
    assert read(text, "pt").total == 0.0


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Acabou a luz no prédio todo.", "pt", "'acabou luz'"),
        ("Mais uma queda de energia no bairro.", "pt", "'queda energia'"),
        ("My internet goes down every evening.", "en", "'internet down'"),
        ("The power went out at noon.", "en", "'power out'"),
    ],
)
def test_a_supply_said_to_fail_is_bad(text, language, cue):
    assert dict(read(text, language).cues)[cue] < 0


@pytest.mark.parametrize(("text", "language"), [("O preço da energia caiu 5% em março.", "pt"),
                                                ("The cost of power is down 3% this year.", "en")])
def test_the_fall_of_a_supplys_price_is_no_outage(text, language):
    assert read(text, language).total >= 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("A pizza chegou fria.", "pt"), ("A caixa veio toda aberta.", "pt"), ("The soup arrived cold.", "en")],
)
def test_what_arrived_in_a_bad_state_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_state_after_an_article_is_a_noun():
    assert read("Chegou o frio ao Sul do país.", "pt").total == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Adorei esperar duas horas por uma encomenda que veio aberta.", "pt"),
        ("Adoro quando a internet cai no meio do trabalho.", "pt"),
        ("Love how the power goes out every time it rains.", "en"),
        ("Just love waiting for a parcel that never arrived.", "en"),
    ],
)
def test_loving_what_failed_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "ironic" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # something good in the clause, or nothing bad: loved sincerely
        ("Adorei conhecer o restaurante e a comida é ótima.", "pt"),
        ("Adorei assistir ao jogo com os amigos.", "pt"),
        ("Love how fast this laptop boots.", "en"),
        # loving a thing, not an act or a fact
        ("I love this phone, even if the case broke.", "en"),
    ],
)
def test_loving_an_act_that_did_not_fail_is_no_irony(text, language):
    assert "ironic" not in sentiment(text, language)[2]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Que beleza de serviço, três horas na fila 🙃", "pt"),
        ("Adorei a reunião de três horas 🙄", "pt"),
        ("Great meeting, very productive 🙃", "en"),
    ],
)
def test_praise_beside_an_emoji_of_irony_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "ironic" in explanation


def test_an_emoji_of_irony_without_praise_turns_nothing():
    assert "ironic" not in sentiment("Segunda-feira outra vez 🙃", "pt")[2]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # praise opening a failure that is not said to come again
        ("Maravilha, acabou a água logo de manhã.", "pt"),
        ("Ótimo, não recebi o produto.", "pt"),
        ("Great, the power is out.", "en"),
    ],
)
def test_praise_opening_a_failure_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "ironic" in explanation


def test_praise_opening_good_news_is_no_irony():
    assert "ironic" not in sentiment("Ótimo, chegou rápido e bem embalado.", "pt")[2]


def test_well_before_a_place_or_a_moment_is_right_there():
    assert "'bem'" not in dict(read("O árbitro apitou bem no meio do lance.", "pt").cues)
    assert dict(read("Funciona bem no frio.", "pt").cues)["'bem'"] > 0


def test_a_number_is_no_feeling():
    # found by probe 18's blind texts
    assert sentiment("Hi, my order number is 55821. When will it ship?", "en")[0] == "Neutral"
