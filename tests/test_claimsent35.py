"""Claims and sentiment probe ``claimsent35`` (fixtures/claimsent35): charges a court cleared someone of, evidence
said to be missing, two negations ("hard not to be impressed"), a conceded quality ("por mais bonito que pareça"), a
lead let slip, a championship's and a promise's participle as no feeling; for claims, "stressed that" as reported
speech and a superlative of the writer's own experience. Each is tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import read, register_of
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent35"


# ------------------------------------------------------------------ sentiment: charges cleared, evidence missing

@pytest.mark.parametrize(("text", "language", "charge"), [
    ("A jury cleared the former minister of all charges.", "en", "charges"),
    ("O ex-deputado foi absolvido da acusação de corrupção.", "pt", "corrupção"),
])
def test_charges_cleared_are_no_harm(text, language, charge):
    label, _, explanation = sentiment(text, language)
    assert label != "Negative" and charge not in explanation


def test_a_conviction_stays_bad_news():
    assert sentiment("The former minister was convicted of fraud.", "en")[0] == "Negative"


def test_clearing_a_road_lifts_no_harm_after_it():
    explanation = sentiment("Firefighters cleared the road after the crash of two lorries killed a driver.", "en")[2]
    assert "'killed'" in explanation and "'crash'" in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("Police found no evidence of foul play.", "en"),  # main: Positive by "play", VADER's "no" -1.2
    ("Não há indícios de fraude na eleição.", "pt"),
    ("A polícia não encontrou indícios de crime.", "pt"),
])
def test_what_there_is_no_evidence_of_carries_nothing(text, language):
    assert sentiment(text, language)[:1] == ("Neutral",) and read(text, language).total == 0.0


@pytest.mark.parametrize(("text", "language"), [
    ("Investigators found evidence of fraud.", "en"),
    ("Fiquei sem sinal o dia todo.", "pt"),  # a phone's signal missing is a complaint, no evidence
])
def test_evidence_found_and_a_missing_signal_stay_bad(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ sentiment: two negations, a conceded quality

@pytest.mark.parametrize(("text", "language"), [
    ("It's impossible not to love this little café.", "en"),
    ("It is hard not to be impressed by the new station.", "en"),
    ("É impossível não gostar deste lugar.", "pt"),  # +0.36: under a review's praise threshold, its reading tested
])
def test_two_negations_are_praise(text, language):
    assert read(text, language).total > 0 and "flips" not in sentiment(text, language)[2]


def test_a_difficulty_before_a_plain_negation_is_no_double_negation():
    assert "'not' flips 'easy'" in sentiment("The exam was hard, not easy.", "en")[2]


@pytest.mark.parametrize(("text", "language", "conceded"), [
    ("No matter how good the screen is, the battery dies by lunchtime.", "en", "good"),
    ("Por melhor que seja a câmera, a bateria não dura nada.", "pt", "melhor"),
])
def test_a_conceded_quality_is_not_asserted(text, language, conceded):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and conceded not in explanation


def test_por_mais_without_que_is_no_concession():
    assert "adorei" in sentiment("Trabalhei ali por mais de dez anos e adorei.", "pt")[2]


# ------------------------------------------------------------------ sentiment: a lead let slip, a championship, a promise

def test_a_victory_let_slip_is_a_loss():
    label, _, explanation = sentiment("O Porto deixou escapar a vitória nos descontos.", "pt")
    assert label == "Negative" and "vitória" not in explanation


def test_a_victory_held_on_to_keeps_its_praise():
    assert read("O Benfica não deixou escapar a vitória.", "pt").total > 0


def test_a_championship_is_no_feeling():
    assert "campeonato" not in sentiment("O Porto perdeu em casa e caiu para o terceiro lugar do campeonato.", "pt")[2]
    assert sentiment("The championship resumes on Saturday after the international break.", "en")[0] == "Neutral"


def test_clinching_the_championship_is_the_win():
    label, _, explanation = sentiment("Leeds clinched the championship with three games to spare.", "en")
    assert label == "Positive" and explanation.startswith("positive: 'clinched'")


def test_a_promised_date_is_no_praise():
    label, _, explanation = sentiment("A entrega atrasou e chegou depois da data prometida.", "pt")
    assert label == "Negative" and "prometida" not in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("O preço final ficou abaixo do prometido.", "pt"),
    ("The final price was lower than advertised.", "en"),
])
def test_a_cost_below_the_promise_is_good_news(text, language):
    assert read(text, language).total > 0


# ------------------------------------------------------------------ sentiment: a chronic condition's count

@pytest.mark.parametrize(("text", "language", "label"), [
    ("A obesidade infantil aumentou 10% no país.", "pt", "Negative"),  # main: +0.27 by "aumentou"
    ("Childhood obesity rose to 23% last year.", "en", "Negative"),
])
def test_a_chronic_conditions_count_rising_is_bad_news(text, language, label):
    assert sentiment(text, language)[0] == label


def test_a_chronic_conditions_count_falling_is_good_news():
    # (main: Positive at +0.05 by VADER's "share", with "fell" a loss)
    label, _, explanation = sentiment("The share of obese adults fell from 28% to 26%.", "en")
    assert label == "Positive" and "'obese' falling" in explanation


# ------------------------------------------------------------------ after the blind run (no longer blind)

@pytest.mark.parametrize(("text", "language", "lost"), [
    ("Judge Mark Hayes said she had betrayed the trust of staff and donors.", "en", "trust"),
    ("O governo perdeu a confiança dos eleitores.", "pt", "confiança"),  # -0.40: under the news threshold
])
def test_what_is_lost_or_betrayed_carries_no_praise(text, language, lost):
    assert read(text, language).total < 0 and lost not in sentiment(text, language)[2]


def test_what_is_never_lost_keeps_its_praise():
    assert read("O tecido nunca perde a qualidade nem a cor.", "pt").total > 0


def test_a_charity_is_no_feeling():
    label, _, explanation = sentiment("A charity worker was stabbed outside the shelter.", "en")
    assert label == "Negative" and "charity" not in explanation


def test_never_again_is_a_reviews_complaint():
    assert sentiment("Never again.", "en")[0] == "Negative"


def test_a_side_pulling_clear_is_no_isolation():
    assert "isolou" not in sentiment("O Benfica venceu e isolou-se no segundo lugar.", "pt")[2]


@pytest.mark.parametrize("text", [
    "O Sporting empatou em casa e o treinador foi assobiado pelos adeptos.",
    "O guarda-redes defendeu um penálti aos 90 minutos.",
])
def test_a_sports_reports_roles_and_rounds_are_news(text):
    assert register_of(text, "pt") == "news"


# ------------------------------------------------------------------ claims

@pytest.mark.parametrize(("text", "language", "found"), [
    ("Officials stressed that the risk to the public remains very low.", "en", True),
    ("A ministra reiterou que o prazo se mantém.", "pt", True),
    ("I was stressed all week.", "en", False),
])
def test_stressed_that_is_reported_speech(text, language, found):
    assert ("reported speech" in claim_reading(text, language)[1]) == found


@pytest.mark.parametrize(("text", "language"), [
    ("This is the worst pizza I've ever had, and it cost £18.", "en"),
    ("Foi a melhor compra que já fiz por R$ 200.", "pt"),
])
def test_the_writers_own_superlative_is_no_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and "the writer's own experience" in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("It was the best quarter we have ever had, with revenue up 12%, the CEO said.", "en"),
    ("O Brasil teve o melhor resultado que o país registrou desde 2010, segundo o IBGE.", "pt"),
])
def test_a_record_someone_reports_stays_a_claim(text, language):
    assert claim_reading(text, language)[0] >= 0.5


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent35/README.md)

def test_the_studied_texts():
    # main (2abb585): sentiment 8 of 12, claims 21/26 at 21/22, sentences 9 of 16. Left open: s11 (a column's doubt,
    # "gostaria de acreditar ..., mas a experiência não deixa" and "nenhum pacote ... sai do papel": no word of it is
    # bad); claims: s09's comparison of regions, the authors' attribution without a name and "uma em cada oito" (0.43,
    # 0.43, 0.33: one cue each), s10's "About 120,000 birds will be culled" (0.40: a plan whose actor is the sentence
    # before's). Since claimsent50 s06 (a nurse cleared of all charges) is labelled neutral, as claimsent50 decided
    # acquittals for every probe, and reads Positive by her quoted relief and her lawyer's hope (+0.64).
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s06", "s11"]
    studied = {row["id"]: row for row in rows("studied.jsonl", PROBE)}
    left_open = {
        # the authors' attribution found since sentiment47 ("atribuem": a cause someone gives is an act)
        "s09": frozenset([studied["s09"]["claims"][1], *studied["s09"]["claims"][3:]]),
        "s10": frozenset(["About 120,000 birds will be culled."]),
    }
    for paragraph in studied.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))


def test_the_blind_texts():
    # run once on f2095f1, before the fixes the run found: sentiment 4 of 8 (main 4), claims 10/13 at 10/11 (main the
    # same). Since those fixes: b03 (a win, "isolou-se", read as a report) and b04 (a theft, "charity", "betrayed the
    # trust") right. Left open: b07 (a column's doubt: "promessas", "promete" praise), b08 ("I was sceptical ... I was
    # wrong"); claims: b05's result below expectations without a figure, b06's "The charity credits ... to", b07's
    # dates against a promise, b08's "I was sceptical when the city banned cars ..." suggested.
    # Since claims46 (claims 0.5.38, sentiment 0.6.31): b08 right ("I was wrong" retracts the doubt before it) and its
    # "I was sceptical when ..." no longer suggested (the writer's doubt is opinion).
    assert wrong_sentiment("blind.jsonl", PROBE) == ["b07"]
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    left_open = {
        "b05": frozenset([blind["b05"]["claims"][1]]),
        "b06": frozenset([blind["b06"]["claims"][1]]),
        "b07": frozenset(blind["b07"]["claims"]),
    }
    for paragraph in blind.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
