"""Claims and sentiment probe ``claimsent53`` (fixtures/claimsent53): claimsent52's open cases in new sentences, and FAQ
pages, municipal notices, school communications, product Q&A, social-media posts, travel forums and sports reports. For
sentiment, a column that closes on questions argues by them (its questions' praise and what it reports carry nothing,
and it is no news); a thing out of order or out of service is a failure; the writer's own stay and a chat's tagged turns
are no report; a heater that does not heat fails at its function; a trouble the customer counts ("é a segunda vez que")
and a letter's "Até agora, só ..." are complaints; a recommendation closing a review is its verdict; an FAQ's question
answered after it carries nothing. For claims, what a service's front line told the customer, a wait until an hour and
the nights of the writer's stay are the writer's own life; an official's assurance is a promise. Each is tested here on
other sentences, with guards; every expected outcome was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent53"


# ------------------------------------------------------------------ claims: services' answers, assurances, the stay

@pytest.mark.parametrize(("text", "language"), [
    ("The receptionist told us the pool would reopen soon.", "en"),
    ("Customer services said my parcel was on its way.", "en"),
    ("O atendente disse que o pedido já tinha saído.", "pt"),
    ("A recepção informou que o ar-condicionado seria consertado à tarde.", "pt"),
])
def test_a_services_answer_to_the_customer_is_no_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert "a service's answer to the customer" in explanation and score < 0.5


def test_a_clubs_manager_quoted_is_no_service_answer():
    assert "service's answer" not in claim_reading("Arsenal's manager said the squad was tired.", "en")[1]


@pytest.mark.parametrize(("text", "language"), [
    ("O ministro garante que o novo hospital vai abrir.", "pt"),
    ("A secretária da Educação assegurou que nenhuma escola fechará.", "pt"),
    ("The prime minister assured MPs that the deal would protect farmers.", "en"),
])
def test_an_officials_assurance_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert "promise of a named actor" in explanation and score >= 0.5


def test_a_products_guarantee_is_no_officials_assurance():
    assert claim_reading("A seguradora garante cobertura total.", "pt")[0] < 0.5


@pytest.mark.parametrize(("text", "language"), [
    ("We waited in the lobby until 3am for a taxi.", "en"),
    ("Passámos quatro noites em Tavira em agosto.", "pt"),
    ("We stayed three nights in Porto last spring.", "en"),
])
def test_the_writers_wait_and_stay_are_their_own_life(text, language):
    assert claim_reading(text, language)[0] < 0.5


# ------------------------------------------------------------------ sentiment: columns that argue by questions

@pytest.mark.parametrize(("text", "language"), [
    ("A câmara aprovou um novo estádio de 300 milhões. Quem vai pagar a conta? E as escolas, ficam para quando?", "pt"),
    ("The board has awarded itself a 20% pay rise. Is this really the best it can do for the members? Who signed it off?",
     "en"),
])
def test_a_column_closing_on_questions_is_negative(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "closing questions" in explanation
    assert register_of(text, language) != "news"


@pytest.mark.parametrize(("text", "language"), [
    ("A prefeitura aumentou o IPTU em 12% e cortou a coleta de lixo aos sábados. Quem vai pagar a conta?", "pt"),
    ("The ministry has signed a ten-year cloud contract with no tender. Who audits it?", "en"),
    ("A nova ponte fecha outra vez para obras. Até quando?", "pt"),
])
def test_a_paragraph_closing_on_a_question_of_who_answers_for_it_is_negative(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "closing questions" in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("O campeonato começa no sábado. Quem vai ganhar?", "pt"),
    ("Comprei o fone e veio sem manual. Alguém sabe quem conserta?", "pt"),
    ("The final is on Sunday. Who will lift the trophy?", "en"),
])
def test_any_other_closing_who_is_no_column(text, language):
    assert "closing questions" not in sentiment(text, language)[2]


@pytest.mark.parametrize(("text", "language"), [
    ("Alguém sabe se a loja abre no domingo? Preciso trocar um presente.", "pt"),
    ("Quer um fone bom? Compre este. Como não gostar?", "pt"),
])
def test_one_question_or_none_closing_is_no_column(text, language):
    assert "closing questions" not in sentiment(text, language)[2]


# found at merge: a news report that closes on the facts it cannot tell yet (an explainer's questions) was Negative
@pytest.mark.parametrize(("text", "language"), [
    ("A Apple apresentou o novo iPhone 17 nesta terça-feira. Mas quanto vai custar no Brasil? E quando chega às "
     "lojas?", "pt"),
    ("Apple unveiled the iPhone 17 on Tuesday. But how much will it cost? And when will it ship?", "en"),
])
def test_questions_that_ask_for_facts_are_no_column(text, language):
    label, _score, explanation = sentiment(text, language)
    assert (label, "closing questions" in explanation) == ("Neutral", False)


@pytest.mark.parametrize(("text", "language"), [
    ("Posso devolver um produto com defeito? Sim, em até 30 dias, sem custo.", "pt"),
    ("Why was my card declined? Your bank may have flagged the payment; call them to confirm.", "en"),
])
def test_an_faqs_answered_question_carries_nothing(text, language):
    assert sentiment(text, language)[0] == "Neutral"


def test_a_reviews_question_answered_by_the_writer_keeps_its_complaint():
    assert sentiment("Por que o produto não chegou? Já faz 20 dias e ninguém responde.", "pt")[0] == "Negative"


# ------------------------------------------------------------------ sentiment: failures told without a bad word

@pytest.mark.parametrize(("text", "language"), [
    ("The ticket machine at the station was out of order again.", "en"),
    ("A máquina de café da empresa está fora de funcionamento.", "pt"),
])
def test_out_of_order_is_a_failure(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_the_writers_stay_makes_no_report():
    text = "We arrived on Friday and the porter said the lift had been out of service since Monday."
    assert register_of(text, "en") != "news"


def test_a_chats_turns_make_no_report():
    text = ("Cliente: a entrega foi remarcada para segunda-feira, depois para quarta. Atendente: Entendo, vou verificar com a"
            " transportadora.")
    assert register_of(text, "pt") != "news"


@pytest.mark.parametrize("text", ["O aquecedor elétrico não aquece nada.", "A lareira nova não aquece a casa."])
def test_a_heater_that_does_not_heat_fails(text):
    label, _, explanation = sentiment(text, "pt")
    assert label == "Negative" and "heater's heating" in explanation


def test_a_laptop_that_does_not_heat_stays_praise():
    assert sentiment("O notebook não aquece nem trava.", "pt")[0] == "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("É a quarta vez este mês que o motoboy volta com a encomenda.", "pt"),
    ("This is the second time this month my parcel has been sent back to the depot.", "en"),
])
def test_a_counted_trouble_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_clubs_counted_win_is_no_complaint():
    assert "counted" not in sentiment("É a terceira vez que o Flamengo vence a Libertadores.", "pt")[2]


def test_a_count_in_the_news_is_no_complaint():
    # found at merge: no first person near the count, so nobody's trouble
    assert sentiment("This is the third time this year that the central bank has held rates.", "en")[0] == "Neutral"


@pytest.mark.parametrize(("text", "language"), [
    ("Exmo. Senhor Director, a câmara prometeu um passeio novo em 2023. Até hoje, só pintaram uma passadeira.", "pt"),
    ("Sir, the council pledged a new playground last year. So far, only the fence has gone up.", "en"),
])
def test_a_letters_little_done_since_is_its_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_recommendation_closing_a_review_is_its_verdict():
    assert sentiment("Atendimento rápido e entrega no prazo. Recomendo.", "pt")[0] == "Positive"


# ------------------------------------------------------------------ found at the blind run (fixtures/claimsent53/README.md)

@pytest.mark.parametrize("text", ["The airline guarantees that every bag will arrive on time.",
                                  "The minister assures parents that every child will get a place."])
def test_an_assurance_reported_carries_nothing(text):
    assert sentiment(text, "en")[0] == "Neutral"


def test_the_writers_own_assurance_keeps_its_praise():
    assert "'assure'" in sentiment("Great product, I can assure you it works.", "en")[2]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent53/README.md)

def test_the_studied_texts():
    # main 9382e8d: sentiment 9 of 27, claims 6/9 at 6/14. Left open: s06 ("Subimos oito andares": LeIA's rise; the
    # writer's climb carries nothing since sentiment54), s07 (a
    # night at the gate: no bad word), s17 (an assurance against delays, read as news), s18 (fires in a neutral report),
    # s20 (an FAQ's "cancelar" in its answer); s19 (VADER's "assures") fixed after the blind run found it again; claims s03
    # (an opening line without a detail),
    # s04 ("Ministers say ...": no office named), s12 ("the third time ... I've had to"), s21 (an FAQ's refund days),
    # s23 (a school's meeting date). Since claims54: s03 (a decision of a named actor), s04 (unnamed ministers speak for
    # their office), s23 (a notice to its readers).
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s07", "s17", "s18", "s20"]
    studied = {row["id"]: row for row in rows("studied.jsonl", PROBE)}
    left_open = {"s12": studied["s12"]["not_claims"][0], "s21": studied["s21"]["not_claims"][1]}
    for paragraph in studied.values():
        opened = left_open.get(paragraph["id"])
        assert_claims_found(paragraph, frozenset([opened] if opened else []))
        assert wrong_sentences(paragraph) == []


def test_the_blind_texts():
    # run once on b489aa1 (the set committed in cf78327 with the studied one, before any run): sentiment 15 of 16 (main
    # 9382e8d: 11 of 16), claims 5/5 at 5/7 (main 4/5 at 4/7). Gained: b01 (closing questions), b03 (a lift "out of
    # order"), b04 (a heater's "não aquece"), b06 (a letter's "Até agora, só ..."); claims b08's "Customer services said
    # ..." no longer suggested, b10's "The health minister assures parents that ..." found. Wrong: b10 (VADER's
    # "assures", +0.32 in a neutral report); claims b03's "the manager said a part was on its way" (0.90: "The only" a
    # superlative, "from Tuesday" a start date; "the manager" left out of the service roles) and b15's school notice
    # "informamos que não haverá aulas no dia 8 de dezembro" (0.60) suggested.
    # After fixes found blind (reported apart, never as the blind result): an English assurance reported with its
    # "that" carries nothing (b10): sentiment 16 of 16. Since claims54: claims b03 ("the manager" with nothing between
    # the role and "said" is the customer's service) and b15 (a notice to its readers) no longer suggested, 5/5 at 5/5.
    assert wrong_sentiment("blind.jsonl", PROBE) == []
    for paragraph in rows("blind.jsonl", PROBE):
        assert_claims_found(paragraph)
