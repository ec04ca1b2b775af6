"""Claims and sentiment probe ``claimsent32`` (fixtures/claimsent32): English market verbs as trends, a fall that
befell someone, deposits as savings, hospital admissions as counted harm, and the speculation words both plugins
read from one list (plugins/speculation.py), each tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins import speculation
from plugins.claims import ClaimAnnotator
from plugins.sentiment import POSSIBLE, SPECULATION_FILLERS
from server.analysis import AnalyzedText, fold
from tests.test_claimsent27 import rows
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent32"


def wrong_sentiment(name: str, probe: str = PROBE) -> list[str]:
    return [row["id"] for row in rows(name, probe) if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]


def claim_reading(text: str, language: str) -> tuple[float, str]:
    [unit] = ClaimAnnotator().score(AnalyzedText(text, language_hint=language))
    return unit.score, unit.explanation or ""


# ------------------------------------------------------------------ speculation: one list for both plugins

def test_sentiment_reads_the_shared_speculation_words_folded():
    assert POSSIBLE["pt"] == {fold(word) for word in speculation.POSSIBILITY_MODALS["pt"]}
    assert "podera" in POSSIBLE["pt"] and "poderá" not in POSSIBLE["pt"]
    assert SPECULATION_FILLERS["pt"] == {fold(word) for word in speculation.SPECULATION_FILLERS["pt"]}


@pytest.mark.parametrize(("text", "language"), [
    # the adverbs of possibility were the sentiment plugin's only; claims reads them now as well
    ("O dólar talvez dispare 10% até dezembro.", "pt"),
    ("Prices will possibly rise 5% next year.", "en"),
    ("The stock could soar even higher if demand holds up.", "en"),
])
def test_a_move_said_to_be_possible_is_no_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert "move said to be possible" in explanation and score < 0.5


# ------------------------------------------------------------------ claims: a market's loaded verbs are trends

@pytest.mark.parametrize(("text", "verb"), [
    ("Mortgage approvals plunged to their lowest level in a year.", "plunged"),
    ("Car sales slumped in the second quarter.", "slumped"),
    ("Rents in Lisbon have skyrocketed since 2015.", "skyrocketed"),
    ("Imports surged after the tariff was lifted.", "surged"),
    ("The shares plummeted on Friday.", "plummeted"),
])
def test_a_loaded_market_verb_is_a_trend(text, verb):
    assert f"comparison or trend ({verb})" in claim_reading(text, "en")[1]


def test_surgery_is_no_surge():
    assert "comparison or trend" not in claim_reading("The surgery took four hours on Monday.", "en")[1]


def test_a_plunge_with_its_figure_is_a_claim():
    assert claim_reading("Mortgage approvals plunged 18% in March.", "en")[0] >= 0.5


# ------------------------------------------------------------------ sentiment: a fall that befell someone

@pytest.mark.parametrize("text", [
    "Um idoso morreu após uma queda em casa, segundo a polícia.",
    "A ciclista ficou ferida numa queda durante a prova.",
    "O produto pode quebrar com uma queda.",  # claimsent31's warning, left open there
])
def test_a_fall_that_befell_someone_is_no_good_news(text):
    label, _, explanation = sentiment(text, "pt")
    assert label == "Negative" and "falling" not in explanation


@pytest.mark.parametrize("text", [
    # a figure after the fall measures a move: the bad thing before it fell
    "O desemprego fechou o trimestre com uma queda de 0,5 ponto, segundo o IBGE.",
    "O desemprego teve queda de 2% em março.",
])
def test_a_measured_fall_is_still_a_move(text):
    label, _, explanation = sentiment(text, "pt")
    assert label == "Positive" and "'desemprego' falling" in explanation


# ------------------------------------------------------------------ sentiment: deposits, admissions

@pytest.mark.parametrize(("text", "language", "label"), [
    ("Os depósitos a prazo renderam em média 2,9% no ano passado.", "pt", "Positive"),
    ("Os depósitos bancários vão render menos depois do corte dos juros.", "pt", "Negative"),
    ("Savings accounts earned on average 4% last year, the Bank of England said.", "en", "Positive"),
    ("Hospital admissions for flu rose 30% in December.", "en", "Negative"),
    ("Hospital admissions fell by a fifth after the vaccine was rolled out.", "en", "Positive"),
])
def test_savers_gain_and_counted_harm(text, language, label):
    assert sentiment(text, language)[0] == label


def test_a_return_in_a_year_is_no_figure():
    # the year after "em" is when, not how much: no gain without a figure of return
    assert "earned" not in sentiment("Os depósitos renderam em 2024 o que renderam em 2023.", "pt")[2]


# ------------------------------------------------------------------ sentiment: a measure's kind, a share's valuation

@pytest.mark.parametrize(("text", "label"), [
    ("The company reported a gross profit of $10 million.", "Positive"),
    ("Gross domestic product grew 2.1% in the third quarter.", "Positive"),
    ("It was a gross error by the referee.", "Negative"),  # disgust, no measure
])
def test_gross_names_a_measure(text, label):
    label_found, _, explanation = sentiment(text, "en")
    assert label_found == label and ("'gross'" in explanation) == (label == "Negative")


@pytest.mark.parametrize(("text", "label"), [
    ("Goldman Sachs cut its price target on Tesla to $180.", "Negative"),
    ("Analysts raised their price target to $16.", "Neutral"),  # a raise alone carries no valence, as "rose" does not
    ("The retailer raised prices by 8% in March.", "Negative"),  # a price raised stays a cost
])
def test_a_price_target_is_no_cost(text, label):
    label_found, _, explanation = sentiment(text, "en")
    assert label_found == label and "'price' rising" not in explanation


# ------------------------------------------------------------------ sentiment: the market's loaded verbs are moves

@pytest.mark.parametrize(("text", "label"), [
    # found by the blind b04: "slumped" was no word of a fall, so the bad word itself "fell" by "lowest"
    ("Manufacturing output slumped to its lowest level in two years.", "Negative"),
    ("Unemployment slumped to 3.9% in the spring.", "Positive"),
    ("Rents have skyrocketed since 2015.", "Negative"),
    ("The pound slumped against the dollar.", "Negative"),  # nothing bad moved: the word's own valence
])
def test_a_loaded_market_verb_is_a_move(text, label):
    assert sentiment(text, "en")[0] == label


# ------------------------------------------------------------------ sentiment: a body recovered is no rescue

@pytest.mark.parametrize(("text", "language"), [
    # found by the blind b03: the rescue's praise left a fatal fall's report Neutral
    ("Um pescador morreu afogado no rio Tejo. O corpo foi resgatado pelos mergulhadores ao fim da tarde.", "pt"),
    ("A hiker died after a fall near the summit. His body was recovered by a rescue team on Monday.", "en"),
])
def test_a_body_recovered_is_no_rescue(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "resgatado" not in explanation and "rescue" not in explanation


@pytest.mark.parametrize(("text", "language", "rescue"), [
    ("O Corpo de Bombeiros resgatou duas crianças com vida.", "pt", "resgatou"),  # a corps, no body
    ("Firefighters rescued two children from a burning building.", "en", "rescued"),
])
def test_a_rescue_is_still_praise(text, language, rescue):
    assert f"'{rescue}'" in sentiment(text, language)[2]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent32/README.md)

def test_the_studied_texts():
    # main (8038707): sentiment 6 of 10, claims 11/13 at 11/11, sentences 9 of 14. Left open: s03 (the injury -0.44
    # under the news threshold 0.45, "passa bem" praise), s08's "The project will power about 60,000 homes and
    # created 400 construction jobs." (0.40: the plan lowers it), two sentences under the per-sentence threshold
    # (s07's "fotos lindas", s09's "por falta de médicos"). s03 and s08 right since claimsent33 ("passa bem" is a
    # patient's state, a project's plan with a figure is on the record)
    assert wrong_sentiment("studied.jsonl") == []
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph)
    wrong = {row["id"]: [sentence for sentence, _, _ in wrong_sentences(row)] for row in rows("studied.jsonl", PROBE)}
    # s07's "fotos lindas" (+0.51) right since s53-sentiment2 (a review's sentence held to SENTENCE_PRAISE)
    assert {key: len(found) for key, found in wrong.items() if found} == {"s09": 1}


def test_the_blind_texts():
    # written after the fixes (6e4368a) and run once on c3e07ef: sentiment 3 of 5 (main 3 of 5), claims 5/5 at 5/5,
    # sentences 4 of 6 (main the same). b04 ("output slumped to its lowest level" read as a bad word falling) and b03
    # (a fatal fall whose "O corpo foi resgatado" read as a rescue) are right since the fixes they found (later runs,
    # no longer blind); b02's sentence ("crushes ice" a complaint) right since claimsent33 (a tool's job on what is
    # meant to go, "smoothest" praise)
    assert wrong_sentiment("blind.jsonl") == []
    for paragraph in rows("blind.jsonl", PROBE):
        assert_claims_found(paragraph)
    assert [row["id"] for row in rows("blind.jsonl", PROBE) if wrong_sentences(row)] == []
