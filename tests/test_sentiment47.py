"""Sentiment and claims probe ``sentiment47`` (fixtures/sentiment47): claims46's blind misses read as general rules. For
sentiment, the writer's doubt said alone, as disbelief or as a wish to be wrong; a reported guarantee is no praise; "ter
do que" reaches its negation; being let down; "never been" before a comparative. For claims, a plan with its number,
an office named in lower case, what starts on a day, a record's mark set in a year, a cause someone gives, what a deal
adds; the writer's own one's doings and a feeling after a copula are no acts. Each is tested here on other sentences,
with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import read, register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found

PROBE = "sentiment47"

# ------------------------------------------------------------------ sentiment: the writer's doubt


@pytest.mark.parametrize(("text", "language"), [
    ("Duvido.", "pt"),
    ("Não acredito que o metrô fique pronto este ano.", "pt"),
    ("Gostaria de estar enganada.", "pt"),
    ("Espero estar enganado.", "pt"),
    ("I hope I'm wrong.", "en"),
    ("I'd love to be proved wrong.", "en"),
])
def test_a_writers_doubt_is_a_complaint(text, language):
    assert read(text, language).total < 0


REPORT = "O ministério anunciou 200 milhões de reais para escolas, disse o ministro na segunda-feira."


@pytest.mark.parametrize("doubt", ["Duvido.", "Não acredito que o dinheiro chegue.", "Gostava de estar enganado."])
def test_a_writers_doubt_makes_a_column(doubt):
    assert register_of(REPORT, "pt") == "news"
    assert register_of(f"{REPORT} {doubt}", "pt") != "news"


def test_a_reported_guarantee_is_no_praise_but_the_writers_is():
    assert read("O ministro garantiu que o hospital abre em março.", "pt").total == 0.0
    assert read("Garanto que vale cada centavo.", "pt").total > 0
    assert read("O gol nos acréscimos garantiu a vitória do Bahia.", "pt").total > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("Não tenho do que reclamar.", 1),
    ("Não há do que reclamar do atendimento.", 1),
    ("Tenho do que reclamar.", -1),
])
def test_having_something_to_complain_of_reaches_its_negation(text, sign):
    assert read(text, "pt").total * sign > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("The airline let us down again.", -1),
    ("My old car never let me down.", 1),
])
def test_being_let_down(text, sign):
    assert read(text, "en").total * sign > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("I have never felt better.", 1),
    ("The coach said she had never been happier.", 1),
    ("The service has never been worse.", -1),
    ("It is not better than the old one.", -1),
])
def test_never_been_before_a_comparative_is_a_record(text, sign):
    assert read(text, "en").total * sign > 0


# ------------------------------------------------------------------ claims


@pytest.mark.parametrize(("text", "language", "cue"), [
    ("The new plant will employ about 1,200 people.", "en", "plan of a named actor with a number"),
    ("A Sabesp vai investir 3 bilhões na rede.", "pt", "plan of a named actor with a number"),
    ("The 600-megawatt plant will power 400,000 homes.", "en", "definite institution"),
    ("A secretaria regional de educação diz que vai contratar professores.", "pt", "definite institution"),
    ("As matrículas começam na próxima terça-feira.", "pt", "event on a day"),
    ("Voting begins on Monday.", "en", "event on a day"),
    ("The record high was set in 1998.", "en", "superlative in time"),
    ("Analistas atribuem a queda ao câmbio.", "pt", "action"),
    ("The merger adds 40 branches to the bank.", "en", "action"),
])
def test_claim_cues_from_the_studied_misses(text, language, cue):
    assert cue in claim_reading(text, language)[1]


@pytest.mark.parametrize(("text", "language", "cue", "found"), [
    ("Mine broke after a week.", "en", "the customer's own experience", True),
    ("Mine arrived two days late.", "en", "the customer's own experience", True),
    ("For £20, I was impressed.", "en", "action", False),
    ("The film will be released later.", "en", "plan of a named actor with a number", False),
    ("O filme começa devagar.", "pt", "event on a day", False),
    ("Prices were low in 2017.", "en", "superlative", False),
])
def test_claim_cues_guards(text, language, cue, found):
    assert (cue in claim_reading(text, language)[1]) == found


# ------------------------------------------------------------------ the probe's blind texts (fixtures/sentiment47/README.md)

def test_the_blind_texts():
    # run once (the set committed in 4abc096, before any run): sentiment 12 of 14 (main 77618fd and claims46 11 of 14),
    # claims 12/14 at 12/16 (main 11/14 at 11/15), sentences 13 of 21 (main 12). The fixes reached b14 ("never been
    # happier") and b13's "A pasta atribui a baixa adesão ..."; wrong: b07 (a letter's complaint of a bus line cut, read
    # -0.20 as a report), b13 (a neutral report read Negative by "notícias falsas"); claims: b04's and b08's letter
    # sentences and b07's opening suggested, b06's "Saracens scored three tries to one" (0.45) and b12's "Consultation
    # on the route closes on 31 January." (0.29) missed. Since claimsent48 b07's "Escrevo na qualidade de utente ..." and
    # b08's "Last month my father spent ten days on Ward 7 ..." are no longer suggested (the writer's own life), and since
    # claimsent52 b04's "We were told at the gate, ..." (what the writer was told). Since s45-sentiment b07's letter,
    # opening "Escrevo na qualidade de utente", is read as a letter, not a report: Negative, its truth. Since s52-claims
    # (a place or line that opens or closes on a day is a stated timetable), b12's "Consultation on the route closes on
    # 31 January." is found.
    assert wrong_sentiment("blind.jsonl", PROBE) == ["b13"]
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    left_open = {
        "b06": frozenset([blind["b06"]["claims"][1]]),
        "b08": frozenset([blind["b08"]["not_claims"][1]]),
    }
    for paragraph in blind.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    wrong = [row["id"] for row in blind.values() for _ in wrong_sentences(row)]
    # Since claimsent51 b03's "Já liguei quatro vezes ... e continuo sem reembolso." reads Negative alone (the writer
    # who called writes no report), and since s45-sentiment b07's "Os autocarros chegam cheios e há dias em que
    # simplesmente não aparecem." (a letter's sentence, read at a letter's thresholds).
    assert wrong == ["b01", "b02", "b07", "b10", "b11", "b13"]
