"""The sentiment plugin's session-23 features: the misses probe 22 left (a journey shortened for the writer, a
parking space or a place missing, a sweeping list of pros or cons, lukewarm reviews), and what probe 23's
texts (product and app-store reviews, news, sarcastic posts, complaints, mixed reviews) found; each as a
general rule tested on other texts, with texts where the same words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import read
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the writer's own journey or commute shortened is time saved: a possessive stopped the fall's reach
        ("O novo aplicativo reduziu minha viagem de uma hora para vinte minutos.", "pt"),
        ("The new app cut my commute by 20 minutes.", "en"),
        ("Com a ciclovia, diminuiu nosso trajeto de 50 para 25 minutos.", "pt"),
    ],
)
def test_my_journey_cut_by_minutes_is_time_saved(text, language):
    label, _, explanation = sentiment(text, language)
    assert label != "Negative" and "falling" in explanation and read(text, language).total > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a possessive before what is no time lost is still no filler: a cut of pay is bad news
        ("They cut my pay by 10%.", "en"),
        ("A empresa reduziu meu salário de 3 mil para 2 mil.", "pt"),
        ("The airline cut my flight from its schedule.", "en"),
    ],
)
def test_a_possessive_before_what_is_no_time_lost(text, language):
    assert "falling" not in sentiment(text, language)[2]


@pytest.mark.parametrize(
    "text",
    [
        # a parking space or a place missing ("vaga" read as "vago", vague, and "sem" flipped it to praise)
        "Cheguei às 8h e o estacionamento estava sem vaga.",
        "Rodei meia hora no shopping e nada, sem vaga nenhuma.",
        "Fui matricular meu filho e a escola está sem vaga.",
    ],
)
def test_no_vacancy_is_a_complaint(text):
    assert sentiment(text, "pt")[0] == "Negative"


@pytest.mark.parametrize(
    "text", ["Há vaga para dois carros na garagem.", "Abriu uma vaga de estágio na empresa."],
)
def test_a_vacancy_is_no_valence(text):
    assert read(text, "pt").total == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a list of pros or cons that is one sweeping word is a verdict
        ("Cons: everything. Pros: nothing.", "en"),
        ("Pros: none. Cons: everything.", "en"),
        ("Prós: nenhum. Contras: tudo.", "pt"),
        ("Cons: everything.", "en"),
    ],
)
def test_a_sweeping_list_of_cons_is_negative(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_sweeping_list_of_pros_is_positive():
    assert sentiment("Pros: everything. Cons: none.", "en")[0] == "Positive"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # lists of real items keep probe 22's balance, whatever a word in them says
        ("Pros: everything works out of the box. Cons: nothing else to add, slow shipping.", "en"),
        ("Pros: flexible hours, friendly team. Cons: slow promotions, outdated tools.", "en"),
    ],
)
def test_lists_of_items_stay_a_balance(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # lukewarm reviews: an annotator reads them Neutral ("nothing special" is no complaint)
        ("É ok, nada demais.", "pt"),
        ("Cumpre o que promete, mas a bateria podia durar mais.", "pt"),
        ("Razoável pelo preço.", "pt"),
        ("Produto razoável pelo preço, nada de especial.", "pt"),
        ("O hotel é limpo, mas nada de mais.", "pt"),
        ("Decent for the price, nothing special.", "en"),
        ("The food was nothing special.", "en"),
    ],
)
def test_lukewarm_reviews_are_neutral(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a real complaint or praise beside the idiom keeps its label; "nada" elsewhere still negates
        ("Nada de especial, e ainda chegou quebrado.", "pt", "Negative"),
        ("Não gostei de nada.", "pt", "Negative"),
        ("Nothing special, and it broke in a week.", "en", "Negative"),
        ("Nothing beats this blender. Love it!", "en", "Positive"),
    ],
)
def test_beside_the_lukewarm_idiom(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # probe 23's studied texts: words the lexicons lacked or read in another sense
        ("These headphones are a steal at this price.", "Positive"),
        ("The noise cancelling blocks out the engine noise completely.", "Neutral"),
        ("The council will vote on a proposal to extend library opening hours.", "Neutral"),
        ("The speakers are tinny.", "Negative"),
        ("Logs me out every time I switch screens. Deleting it.", "Negative"),
        ("Uninstalled.", "Negative"),
    ],
)
def test_english_words_of_a_bargain_a_feature_a_fault_and_a_removal(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the same words in their other sense keep their reading
        ("Someone tried to steal my bike last night.", "Negative"),
        ("I deleted the old photos to free up space.", "Neutral"),
        ("We are delighted to extend our partnership.", "Positive"),
    ],
)
def test_english_words_in_their_other_sense(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("O ventilador faz muito barulho.", -1),
        ("Gela rápido e não faz barulho.", 1),
        # "direto" is a way, no praise: the bus that did not stop is no compliment
        ("O ônibus direto para o aeroporto sai às 6h.", 0),
    ],
)
def test_noise_is_a_fault_and_a_direct_line_no_praise(text, sign):
    total = read(text, "pt").total
    assert (total > 0) - (total < 0) == sign


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # an ironic sentence (🙃, 🙄) turns the praise of the sentence before it, which names no failure
        ("Adoro quando o vizinho liga a furadeira às 7h de domingo. Melhor despertador 🙄", "pt"),
        ("Loved spending my whole Saturday at the DMV. Highlight of my week 🙄", "en"),
    ],
)
def test_irony_reaches_back_to_the_praise_before(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the marked sentence holds no praise (an annoyance, not irony): the praise before stands
        ("Amei o show! Só o estacionamento que foi caro 🙄", "pt"),
        ("Great concert! Parking was a nightmare though 🙄", "en"),
    ],
)
def test_an_annoyance_after_praise_leaves_it(text, language):
    assert sentiment(text, language)[0] == "Positive"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a salute addressed by name closing a failure is irony, as one opening it
        ("Terceiro dia sem luz no bairro. Obrigado, Enel.", "pt"),
        ("Package marked delivered, nothing at my door. Thanks, FedEx.", "en"),
    ],
)
def test_a_salute_closing_a_failure_is_irony(text, language):
    assert sentiment(text, language)[0] == "Negative"
    assert any(cue.endswith("ironic") for cue, _ in read(text, language).cues)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # courtesy closing a notice, thanks to the public, thanks after good news: no irony
        ("Amanhã haverá falta de água no bairro das 8h às 17h. Obrigado pela compreensão.", "pt"),
        ("The power went out for an hour. Thanks, everyone, for your patience.", "en"),
        ("Chegou antes do prazo e bem embalado. Obrigado, Americanas.", "pt"),
    ],
)
def test_thanks_after_a_notice_or_good_news_is_no_irony(text, language):
    assert not any(cue.endswith("ironic") for cue, _ in read(text, language).cues)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # after a conjunction opening a clause with an article, what fell is that clause's subject
        ("Two hours on hold and the call dropped.", "en"),
        ("Fiquei uma hora na fila e a ligação caiu.", "pt"),
    ],
)
def test_a_fall_in_a_second_clause_credits_nothing_before_it(text, language):
    assert "falling" not in sentiment(text, language)[2]


@pytest.mark.parametrize(
    ("text", "language"),
    [("Deaths and injuries fell sharply last year.", "en"), ("O número de casos e mortes caiu em março.", "pt")],
)
def test_a_subject_of_two_nouns_still_falls(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Positive" and "falling" in explanation


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # 😭 marks overwhelming joy or laughter as often as grief: the words decide, and it still marks a post
        ("aprovada no vestibular!!! 😭😭", "pt", "Positive"),
        ("consegui a vaga de estágio 😭😭", "pt", "Positive"),
        ("this video is so funny 😭😭", "en", "Positive"),
        ("meu cachorro morreu hoje 😭😭", "pt", "Negative"),
        ("Perdi o último ônibus 😭", "pt", "Negative"),
        ("my flight got cancelled again 😭", "en", "Negative"),
    ],
)
def test_a_loudly_crying_face_follows_its_words(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # asking for one's money back is a complaint, though none of its words is bad
        ("Os montadores nunca vieram. Quero meu dinheiro de volta.", "pt"),
        ("Ninguém me responde. Quero o dinheiro de volta.", "pt"),
        ("I want my money back.", "en"),
    ],
)
def test_asking_for_the_money_back_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language"),
    [("Dei uma volta no parque com o dinheiro do troco.", "pt"), ("The money is back in the account.", "en")],
)
def test_money_and_a_return_apart_are_no_complaint(text, language):
    assert read(text, language).total == 0.0


def test_probe23_studied_texts():
    # fixtures/sentiment/README.md, probe 23: 19 of 24 right after the fixes (12 before); still wrong: p08 (a
    # pt-PT report without a register's cue, under the reviews' 0.75), p11 (a five-star app review, +0.62 under
    # 0.75), e04 ("Nothing says 'customer first' like ..."), e06 (a mixed review whose verdict is lukewarm) and
    # e07 (a wildfire contained, told with "wildfire", "battle", "evacuation").
    rows = [json.loads(line) for line in (PROBE / "probe23.jsonl").read_text(encoding="utf-8").splitlines()]
    right = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() == row["label"]]
    assert len(right) >= 19, sorted(set(row["id"] for row in rows) - set(right))


# Found by probe 23's blind texts (fixed after its one run).
@pytest.mark.parametrize(
    ("text", "language"),
    [
        # an opening exclamation of praise that names whom it praises, before a failure come again
        ("Parabéns à CP, mais um comboio suprimido sem aviso.", "pt"),
        ("Obrigado à Enel, mais um dia sem luz.", "pt"),
        ("Thanks to Comcast, another outage tonight.", "en"),
    ],
)
def test_praise_addressed_before_a_failure_again_is_irony(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the same opening before good news, a longer one, or praise of a thing and not a name, is praise
        ("Parabéns ao time, mais uma vitória na temporada.", "pt"),
        ("Thanks to the volunteers, another successful year.", "en"),
        ("Boa a comida, mais uma vez.", "pt"),
        ("Good to know, another update next week.", "en"),
    ],
)
def test_praise_addressed_before_good_news_stands(text, language):
    assert not any(cue.endswith("ironic") for cue, _ in read(text, language).cues)
