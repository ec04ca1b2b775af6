"""Claims probe ``claims54`` (fixtures/claims54): reported decisions, unnamed official bodies as speakers, notices to
their readers, service talk and the minutes' formulas. The studied set's truth is pinned, and each rule is tested on
other sentences, with guards; every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from tests.test_claims import claimed, claims
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "claims54"
STUDIED = rows("studied.jsonl", PROBE)


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph)


@pytest.mark.parametrize(("text", "language"), [
    # what a named actor or an institution decided, an opening line's too
    ("A Câmara do Porto decidiu encerrar o mercado do Bolhão durante o verão. As bancas mudam-se para a praça. "
     "Os comerciantes não gostaram.", "pt"),
    ("The council decided to scrap the bus lane on Mill Road.", "en"),
    # what unnamed officers or office-holders say
    ("Authorities say the fire is under control.", "en"),
    ("Officials said the bridge would reopen in May.", "en"),
    ("As autoridades dizem que o incêndio está controlado.", "pt"),
    # guards: a company's notice in the third person is reported speech; a club's named manager is quoted
    ("A Petrobras informou que o lucro caiu 20% no trimestre.", "pt"),
    ("The Leeds manager said the striker would be out for a month.", "en"),
    ("Your energy bills will rise by 10% in April, Ofgem said.", "en"),
])
def test_claims(text, language):
    assert claimed(text, text.split(". ")[0], language), claims(text, language)


@pytest.mark.parametrize(("text", "language", "cue"), [
    ("I decided to return the kettle the next day.", "en", ""),
    ("We've decided to stay another night.", "en", ""),
    # a notice to its readers
    ("Caros pais, informamos que a escola estará encerrada no dia 3 de março.", "pt", "a notice to its readers"),
    ("Dear residents, please note that the car park will be closed on Saturday 9 May.", "en",
     "a notice to its readers"),
    # service talk
    ("The manager told us a new chef starts on Monday.", "en", "a service's answer to the customer"),
    ("A gerente disse que o reembolso saía em cinco dias úteis.", "pt", "a service's answer to the customer"),
    ("Your refund was issued on 12 May and should reach your account within five days.", "en",
     "a service's answer to the customer"),
    # the minutes' formulas
    ("A reunião foi encerrada às 22h15.", "pt", "the minutes' formula"),
    ("The meeting closed at 8.40pm.", "en", "the minutes' formula"),
])
def test_no_claims(text, language, cue):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and cue in explanation, explanation


# ------------------------------------------------------------------ after the blind run (reported apart in the README)

@pytest.mark.parametrize(("text", "language"), [
    # the evidence a court was given
    ("The jury heard that the defendant had sent 40 messages to the victim.", "en"),
    ("An inquest heard that the boy waited four hours for an ambulance.", "en"),
    # a bulletin's accumulated rain and gusts
    ("Os acumulados de chuva podem passar dos 150 mm até domingo.", "pt"),
    # guard: the White House is no home
    ("A Casa Branca anunciou sanções contra 12 empresas chinesas.", "pt"),
])
def test_claims_found_blind(text, language):
    assert claimed(text, text, language), claims(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("O suporte disse que o problema era do meu modem e que a troca demora dez dias.", "pt"),
    ("Tech support told me the outage would last until 6pm.", "en"),
    ("Aos quinze dias do mês de março de 2025, reuniu-se a assembleia de condóminos do prédio.", "pt"),
    ("Cá em casa a luz falha duas vezes por semana desde outubro.", "pt"),
    # guard: what the writer heard is no court's evidence
    ("I heard that the shop is closing.", "en"),
])
def test_no_claims_found_blind(text, language):
    assert claims(text, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # found at merge in session 42: claims54's staff roles took a club's manager's, a council engineer's and a coach's
    # news for a service's answer to its customer (each a claim on main, none with the roles)
    ("The manager said Kane would miss the next four games with an ankle injury.", "en"),
    ("The manager said the club had agreed a £60m fee with Chelsea.", "en"),
    ("The engineer said the bridge had 14 cracked beams and should close.", "en"),
    ("O técnico disse que Neymar está fora por três semanas com uma lesão na coxa.", "pt"),
    # ... and its notice to readers a company's release of its results
    ("Informamos que a empresa registrou lucro de R$ 3 milhões em 2025.", "pt"),
])
def test_staff_and_notices_that_report_a_name_or_a_figure_are_claims(sentence: str, language: str) -> None:
    assert list(claims(sentence, language)) == [sentence], claims(sentence, language)


@pytest.mark.parametrize(("sentence", "language"), [
    ("Our engineer confirmed the part will arrive on Tuesday.", "en"),  # a day is the customer's appointment
    ("Tech support told me the outage would last until 6pm.", "en"),  # an hour too
    ("O técnico disse que a peça chega no dia 3 de março.", "pt"),  # and a date
    ("Dear parents, the school trip costs £25 and leaves at 8am.", "en"),  # a notice's price, no statistic
])
def test_a_services_day_hour_or_price_stays_its_customers(sentence: str, language: str) -> None:
    assert claims(sentence, language) == {}
