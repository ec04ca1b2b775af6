"""Claims and sentiment probe ``claimsent48`` (fixtures/claimsent48): letters and reader comments, admissions, bare
verdicts, a tax rise ruled out, press releases, courts, sports and weather. For sentiment, the writer's apology retracts
their earlier criticism; a recommendation alone is the review; a letter's challenge to those in charge is a complaint and marks
a column; a rise of a bad thing denied or ruled out is no news of it. For claims, the writer's own life is no claim; a
run of results is an ordinal and a named actor's place in a series a claim; a measure with its unit attached is a
quantity. Each is tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import read, register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent48"

# ------------------------------------------------------------------ sentiment: an apology retracts the criticism


@pytest.mark.parametrize(("text", "language"), [
    ("Two years ago I wrote that the tram would be a costly failure. I owe the mayor an apology.", "en"),
    ("No ano passado critiquei a nova ciclovia neste espaço. Devo desculpas à prefeitura.", "pt"),
])
def test_the_writers_apology_retracts_their_criticism(text, language):
    reading = read(text, language)
    assert reading.total > 0 and any("retracts a doubt" in cue for cue, _ in reading.cues)


def test_a_companys_apology_retracts_nothing():
    text = "Our payments failed for six hours on Tuesday. We owe our customers an apology."
    assert sentiment(text, "en")[0] == "Negative" and "retracts" not in sentiment(text, "en")[2]


# ------------------------------------------------------------------ sentiment: a recommendation alone


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Recomendo.", "pt", "Positive"),
    ("Super recomendo!", "pt", "Positive"),
    ("Highly recommended.", "en", "Positive"),
    ("Não recomendo.", "pt", "Negative"),
    ("Gostei do produto.", "pt", "Neutral"),  # lukewarm praise alone (probe 17's "Gostei do produto!")
    ("Recomendo, mas é caro.", "pt", "Neutral"),  # not all praise
])
def test_a_recommendation_alone_is_the_review(text, language, label):
    assert sentiment(text, language)[0] == label


# ------------------------------------------------------------------ sentiment: a letter's challenge


@pytest.mark.parametrize(("text", "language"), [
    ("Será que o prefeito já tentou atravessar esta avenida a pé?", "pt"),
    ("Has anyone at the council ever tried to cross this road at 8am?", "en"),
    ("Perhaps the minister would like to try the A12 at rush hour.", "en"),
])
def test_a_challenge_to_those_in_charge_is_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [
    ("Será que o Brasil já teve um presidente tão popular?", "pt"),
    ("It is the largest loan the bank has ever taken.", "en"),
])
def test_a_question_of_fact_is_no_challenge(text, language):
    assert sentiment(text, language)[0] != "Negative"


def test_a_challenge_makes_a_column():
    report = "O ministério anunciou 200 milhões de reais para escolas, disse o ministro na segunda-feira."
    assert register_of(report, "pt") == "news"
    assert register_of(f"{report} Será que o ministro já tentou estudar numa escola sem telhado?", "pt") != "news"


# ------------------------------------------------------------------ sentiment: a rise denied or ruled out


@pytest.mark.parametrize(("text", "language"), [
    ("A ministra garantiu que não haverá aumento de impostos em 2027.", "pt"),
    ("O governo afastou um aumento dos impostos.", "pt"),
    ("The chancellor ruled out a rise in unemployment.", "en"),
])
def test_a_rise_denied_or_ruled_out_is_no_news_of_it(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(("text", "language"), [
    ("O governo anunciou um aumento de impostos.", "pt"),
    ("Unemployment rose to 5%.", "en"),
])
def test_a_rise_stays_a_rise(text, language):
    assert "rising" in sentiment(text, language)[2]


# ------------------------------------------------------------------ claims: the writer's own life


@pytest.mark.parametrize(("text", "language"), [
    ("I have lived in Didcot for thirty years.", "en"),
    ("My son started secondary school in September.", "en"),
    ("Moro em Campinas há vinte anos.", "pt"),
    ("Sou assinante do jornal desde 1998.", "pt"),
    ("A minha mãe esperou seis horas na urgência.", "pt"),
    # since the blind run: the writer's habits for years, the answers to their letters
    ("I have used this bank for twelve years.", "en"),
    ("The council ignored our letters for months.", "en"),
    ("A prefeitura nunca respondeu às minhas reclamações.", "pt"),
])
def test_the_writers_own_life_is_no_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and "the writer's own life" in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("The mayor has lived in the city since 1990.", "en"),
    ("A mãe do suspeito foi ouvida pela polícia na sexta-feira.", "pt"),
])
def test_anothers_life_is_not_the_writers(text, language):
    assert "the writer's own life" not in claim_reading(text, language)[1]


# ------------------------------------------------------------------ claims: a place in a series, a measure


@pytest.mark.parametrize(("text", "language"), [
    ("O Sporting somou a terceira vitória seguida.", "pt"),
    ("Chelsea suffered their second straight defeat on Sunday.", "en"),
    ("The win lifts Arsenal to second in the table.", "en"),
])
def test_a_named_actors_place_in_a_series_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.5 and "place in a series of a named actor" in explanation


@pytest.mark.parametrize(("text", "quantity"), [
    ("Up to 50mm of rain fell overnight in Cumbria.", "quantity (50mm)"),
    ("Winds of 70mph hit the coast on Sunday.", "quantity (70mph)"),
])
def test_a_measure_with_its_unit_attached_is_a_quantity(text, quantity):
    assert quantity in claim_reading(text, "en")[1]


def test_a_chips_name_is_no_measure():
    assert "quantity" not in claim_reading("Today: AMD's MI355X and Huawei's Ascend 910C.", "en")[1]


# ------------------------------------------------------------------ found at the blind run (fixtures/claimsent48/README.md)


@pytest.mark.parametrize(("text", "language"), [
    ("Há dois anos escrevi neste jornal que a nova biblioteca seria inútil para o bairro. Devo desculpas à vereadora.", "pt"),
    ("Last year I wrote that the new bridge would be a vanity project. I owe the council an apology.", "en"),
])
def test_an_apology_retracts_the_writers_earlier_view_whatever_its_words(text, language):
    assert sentiment(text, language)[0] == "Positive"


def test_an_admission_after_a_prediction_retracts_a_hope():
    assert sentiment("I predicted the update would fix it. I was wrong.", "en")[0] == "Negative"


def test_a_companys_years_are_not_the_writers():
    assert "the writer's own life" not in claim_reading("The company has operated the line for forty years.", "en")[1]


@pytest.mark.parametrize(("text", "found"), [
    ("Para a relatora, a empresa não comprovou os gastos.", True),
    ("Para os fãs, foi o melhor show do ano.", False),
    ("Para mim, foi uma decisão errada.", False),
])
def test_a_view_given_as_an_authoritys_is_reported(text, found):
    assert ("view given as someone's" in claim_reading(text, "pt")[1]) == found


def test_a_view_given_keeps_the_speaker_named_after_a_quote():
    # found writing this: a second "reported speech" cue lost the speaker of a quote's frame ("afirmou Mário Nogueira")
    text = ("“Os apoios à habitação são indispensáveis para os professores que não conseguem suportar o custo da "
            "habitação”, afirmou Mário Nogueira.")
    assert "named actor (Mário Nogueira)" in claim_reading(text, "pt")[1]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent48/README.md)

def test_the_studied_texts():
    # main (30da66f): sentiment 13 of 20, claims 21/24 at 21/25, sentences 10 of 13. Left open: s12 (closures ruled
    # unlawful, campaigners cheering: -0.53 by "unlawful", "failed", "affected"), s18 (a reader's praise in no good word);
    # claims: s16's "Up to 10cm of snow could fall ..." (0.18, a forecast's hedge), found since claimsent50 (an amount
    # of snow or rain is a figure however hedged: 0.57).
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s12", "s18"]
    studied = {row["id"]: row for row in rows("studied.jsonl", PROBE)}
    for paragraph in studied.values():
        assert_claims_found(paragraph)
    assert [row["id"] for row in studied.values() for _ in wrong_sentences(row)] == ["s18"]


def test_the_blind_texts():
    # run once on 61f9e42 (the set committed in c7591f4 with the studied one, before any run): sentiment 9 of 14 (main
    # 30da66f 7 of 14), claims 10/12 at 10/13 (main the same), sentences 2 of 8 (main the same). The rules reached b01
    # ("Recomendo muito.") and b05 ("I owe Stagecoach an apology"). Wrong: b02 ("Não vale o preço.", no word read),
    # b06 (the earlier view "seria mais um elefante branco" holds no bad word to retract), b07 (a letter's complaint
    # with no bad word), b12 (a draw that costs the lead, -0.40 under the news threshold), b14 ("offline" a harm in a
    # launch note); claims: b07's residents' wait and the council's replies "às nossas cartas" and b08's "I have taken
    # the 7.15 from Didcot for eleven years" suggested, b10's acquittal (0.38, an opening line) and its reason (0.25)
    # missed.
    # After fixes found blind (reported apart, never as the blind result): sentiment 10 of 14 (b06: an apology retracts
    # the writer's earlier view whatever its words), claims 11/12 at 11/12 (b07's "às nossas cartas" and b08's "for
    # eleven years" the writer's own life, b10's "Para os desembargadores," a view given as someone's).
    # Since claimsent49 (fixtures/claimsent49): b02 ("Não vale o preço.", a verdict of worth) and b12 (a standing lost)
    # right, b14 Neutral ("offline sync" no harm), b10's acquittal found (a court's verdict a detail).
    # Since claimsent50: b14 right ("The update is free for all existing users." a gift) and its sentence.
    assert wrong_sentiment("blind.jsonl", PROBE) == ["b07"]
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    left_open = {"b07": frozenset([blind["b07"]["not_claims"][0]])}
    for paragraph in blind.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    wrong = [row["id"] for row in blind.values() for _ in wrong_sentences(row)]
    assert wrong == ["b05", "b06", "b07", "b13"]  # b12 since claimsent49, b14 since claimsent50
