"""Claims and sentiment probe ``claimsent52`` (fixtures/claimsent52): claimsent51's open cases in new sentences, and
app, hotel and restaurant reviews, customer-service chats, letters, columns' promises, press releases, earnings calls,
speeches and sports commentary. For claims, a promise made by a named actor or an office is reported speech, and the
writer's trip, what they asked for and were told and the hour they ordered at are their own life. For sentiment, a
device's named fault that does not happen is praise when nothing else is bad; a letter's salutation makes a letter, whose
grievances ("nobody answers", "Continuamos a ...", "should try it") are its complaint and whose quoted promise's praise
carries nothing; "may have views" and a bare "Faltam dois anos." are a column's doubt; a return promised closes a review
as its verdict; jobs created are good news and a customer's counted chats a complaint. Each is tested here on other
sentences, with guards; every expected outcome was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent52"


# ------------------------------------------------------------------ claims: promises, the writer's own life

@pytest.mark.parametrize(("text", "language"), [
    ("O prefeito prometeu asfaltar todas as ruas do bairro até dezembro.", "pt"),
    ("The minister pledged that every school will have a nurse by September.", "en"),
])
def test_an_offices_promise_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert "promise of a named actor" in explanation and score >= 0.5


@pytest.mark.parametrize(("text", "language"), [
    ("Faz o que promete e ainda é barato.", "pt"),
    ("It does what it promises and the battery lasts.", "en"),
    ("I promised my son we would go to the match.", "en"),
])
def test_a_products_or_the_writers_promise_is_none(text, language):
    explanation = claim_reading(text, language)[1]
    assert "reported speech (prom" not in explanation and "promise (" not in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("We were told the room would be ready by noon.", "en"),
    ("My train to Leeds has been cancelled three times this month.", "en"),
    ("Pedi às 13h e a pizza chegou fria.", "pt"),
])
def test_the_writers_trip_and_what_they_were_told_are_their_own_life(text, language):
    assert claim_reading(text, language)[0] < 0.5


def test_a_bodys_trains_stay_a_claim():
    assert claim_reading("The operator cancelled 1,200 trains in March, the regulator said.", "en")[0] >= 0.5


# ------------------------------------------------------------------ sentiment: faults that do not happen

@pytest.mark.parametrize(("text", "language"), [
    ("Uso o notebook o dia todo e ele não esquenta nem trava.", "pt"),
    ("The game never stutters and the console doesn't overheat.", "en"),
])
def test_faults_that_do_not_happen_are_praise(text, language):
    assert sentiment(text, language)[0] == "Positive"


@pytest.mark.parametrize(("text", "language"), [
    ("O aquecedor chegou riscado e não aquece direito.", "pt"),
    ("The screen is too dim and it doesn't lag only because nothing runs on it. Terrible.", "en"),
])
def test_a_fault_not_happening_in_a_complaint_is_no_praise(text, language):
    assert "faults that do not happen" not in sentiment(text, language)[2]


def test_a_generic_problem_not_happening_keeps_the_review_threshold():
    assert sentiment("Chegou no prazo. Sem problemas.", "pt")[0] == "Neutral"


# ------------------------------------------------------------------ sentiment: letters

@pytest.mark.parametrize(("text", "language"), [
    ("Sir, the minister says the new ward will open in spring.", "en"),
    ("Exmo. Senhor Director, a escola anunciou obras para o verão.", "pt"),
])
def test_a_letters_salutation_makes_no_report(text, language):
    assert register_of(text, language) != "news"


@pytest.mark.parametrize(("text", "language"), [
    ("Dear editor, the library on Park Road has been shut since March and nobody at the council replies to emails.", "en"),
    ("Senhor director, a câmara prometeu um parque infantil em 2021. Continuamos a brincar na rua.", "pt"),
    ("Sir, the council says the new bins will make our streets cleaner. The councillors should try living here.", "en"),
])
def test_a_letters_grievances_are_its_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_nobody_answering_outside_a_letter_is_left_as_it_reads():
    assert "in a letter" not in sentiment("Nobody answered the door, so the courier left a note.", "en")[2]


# ------------------------------------------------------------------ sentiment: columns, verdicts, jobs, chats

@pytest.mark.parametrize(("text", "language"), [
    ("The council says the new junction will cut queues. Drivers stuck there every evening might have their doubts.", "en"),
    ("A secretária garante que o hospital abre em 2027. Faltam três anos.", "pt"),
])
def test_a_columns_doubt_in_others_views_or_time_left(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_time_left_inside_a_sentence_is_no_doubt():
    assert register_of("Faltam dois anos para a eleição, disse o ministro ontem em Brasília.", "pt") == "news"


@pytest.mark.parametrize(("text", "language"), [
    ("Atendimento atencioso e pratos bem feitos. Voltarei.", "pt"),
    ("Friendly staff, clean rooms. We'll be back.", "en"),
])
def test_a_return_promised_closes_a_review(text, language):
    assert sentiment(text, language)[0] == "Positive"


def test_a_return_after_a_complaint_is_no_praise():
    assert sentiment("A comida veio fria e o garçom foi grosseiro. Não voltaremos.", "pt")[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("A montadora vai abrir 1.200 empregos na nova fábrica de Betim.", "pt"),
    ("The new warehouse will create 800 jobs, the company said.", "en"),
])
def test_jobs_created_are_good_news(text, language):
    assert sentiment(text, language)[0] == "Positive"


def test_a_wish_to_create_jobs_is_no_news_of_any():
    assert "created" not in sentiment("O país precisa criar empregos de qualidade.", "pt")[2]


@pytest.mark.parametrize(("text", "language"), [
    ("Customer: This is my third call about the same bill.", "en"),
    ("Cliente: este é o meu quarto contato sobre a mesma cobrança.", "pt"),
])
def test_a_customers_counted_contacts_are_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ found at the blind run (fixtures/claimsent52/README.md)

@pytest.mark.parametrize(("text", "language"), [
    ("O lucro caiu 8% no semestre, pressionado pela queda nas exportações.", "pt"),
    ("Operating profit fell 15%, hit by the fall in orders from China.", "en"),
])
def test_what_a_fall_pressed_did_not_fall(text, language):
    assert sentiment(text, language)[0] == "Negative"


def test_a_fall_after_an_agent_keeps_what_falls_after_it():
    assert "'vendas' falling" in sentiment("O faturamento encolheu, puxado pela queda nas vendas.", "pt")[2]


def test_an_app_that_never_errs_is_praised():
    assert sentiment("Aplicativo leve, nunca deu erro.", "pt")[0] == "Positive"


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent52/README.md)

def test_the_studied_texts():
    # main 57905db: sentiment 7 of 24, claims 13/16 at 13/16. Left open: s10 and s11 (a promise against a figure that
    # contradicts it), s12 (a wind farm in operation), s16 (a speech's "a carga fiscal subiu"), s19 (live commentary).
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s10", "s11", "s12", "s16", "s19"]
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph, frozenset())
        assert wrong_sentences(paragraph) == []


def test_the_blind_texts():
    # run once on 6ba75b8 (the set committed in b818c91 with the studied one, before any run): sentiment 9 of 14 (main
    # 57905db: 7 of 14), claims 6/8 at 6/7 (the same), sentences 0 of 1 (the same). Gained: b07 ("may have doubts"),
    # b14 ("não bloqueia"). Wrong: b01 ("Nunca deu erro"), b04 (a lift "out of order", read as news by "said"), b06 (a
    # letter's "Até agora, só colocaram os tapumes."), b10 ("pressionada pela queda nas vendas" read as a falling cost),
    # b13 (the order's "terceira vez", no contact counted); claims: b04's "Reception said ..." suggested, b08's
    # "Formam-se, por ano, cerca de 500." and b11's "two maternity units ... have shut their doors" missed, and b11's
    # sentence Neutral.
    # After fixes found blind (reported apart, never as the blind result): a fall after an agent's preposition moved
    # nothing before it (b10), an app's "nunca deu erro" is a fault that does not happen (b01): sentiment 11 of 14.
    # Since claimsent53 (its rules told in new sentences of these kinds): b04 (a lift "out of order" in "our whole stay"),
    # b06 (a letter's "Até agora, só ...") and b13 (a trouble counted) are Negative, and b04's "Reception said ..." the
    # customer's own stay (0.80 -> 0.17): sentiment 14 of 14.
    assert wrong_sentiment("blind.jsonl", PROBE) == []
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    left_open = {"b08": frozenset([blind["b08"]["claims"][1]]), "b11": frozenset([blind["b11"]["claims"][1]])}
    for paragraph in blind.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    assert [row["id"] for row in blind.values() for _ in wrong_sentences(row)] == ["b11"]
