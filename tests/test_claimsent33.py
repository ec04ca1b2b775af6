"""Claims and sentiment probe ``claimsent33`` (fixtures/claimsent33): a tool doing its job on what is meant to go, a
patient's state, a fall from a height, a rise in apposition to a count of harm, the deleted lexicon entries that came
back through their lemma, job cuts in other forms; for claims, a place in a table and the plan of an institution or a
project. Each is tested here on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.sentiment import word_valence
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent33"


# ------------------------------------------------------------------ sentiment: a tool doing its job

@pytest.mark.parametrize(("text", "language"), [
    ("This blender crushes ice in seconds.", "en"),
    ("The spray kills 99.9% of germs on contact.", "en"),
    ("It fights bad odors all week.", "en"),
    ("O aspirador elimina os ácaros do colchão.", "pt"),
    ("Esse produto mata 99% das bactérias e acaba com o mau cheiro.", "pt"),
])
def test_removing_what_is_meant_to_go_is_no_harm(text, language):
    label, _, explanation = sentiment(text, language)
    assert label != "Negative" and "crushes" not in explanation and "mata" not in explanation


@pytest.mark.parametrize(("text", "language"), [
    ("The storm killed three people.", "en"),
    ("This update kills the battery in two hours.", "en"),  # the battery is meant to last
    ("O incêndio destruiu três casas.", "pt"),
])
def test_destruction_of_what_should_stay_is_still_harm(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ sentiment: a patient's state

@pytest.mark.parametrize("text", [
    "O paciente passa bem.",
    "O doente foi operado ontem no Hospital de Santo António.",
])
def test_a_patients_state_is_news(text):
    assert sentiment(text, "pt")[0] == "Neutral"


@pytest.mark.parametrize(("text", "label"), [
    ("O filme passa bem a mensagem sobre a amizade.", "'bem'"),  # an object follows: praise
    ("Fiquei doente depois de comer lá.", "'doente'"),  # the writer fell ill
])
def test_praise_and_illness_keep_their_words(text, label):
    assert label in sentiment(text, "pt")[2]


# ------------------------------------------------------------------ sentiment: a fall from a height

@pytest.mark.parametrize("text", [
    "Um idoso morreu após uma queda de 3 metros em casa.",
    "O trabalhador ficou ferido após uma queda do 5º andar.",
])
def test_a_fall_from_a_height_is_an_accident(text):
    label, _, explanation = sentiment(text, "pt")
    assert label == "Negative" and "falling" not in explanation


# ------------------------------------------------------------------ sentiment: a rise in apposition

@pytest.mark.parametrize(("text", "label"), [
    ("O estado registrou 5.300 casos de dengue em outubro, alta de 40% sobre setembro.", "Negative"),
    ("A gasolina chegou a R$ 6,20 o litro, alta de 3% no mês.", "Negative"),
    ("As vendas do varejo somaram R$ 40 bilhões em outubro, alta de 5% sobre setembro.", "Positive"),  # no harm
])
def test_a_rise_in_apposition_tells_what_the_clause_before_counted(text, label):
    assert sentiment(text, "pt")[0] == label


# ------------------------------------------------------------------ sentiment: a deleted entry stays deleted

@pytest.mark.parametrize("word", ["cara", "mina", "interesses", "privado"])
def test_a_deleted_entry_does_not_come_back_through_its_lemma(word):
    # "cara" (a guy, a face) had read as "caro" (expensive) -1.2, "mina" (a mine) as "minar"
    assert word_valence(word) == 0.0


def test_the_lemma_still_answers_for_words_never_listed():
    assert word_valence("maravilhosas") > 0 > word_valence("quebraram")


# ------------------------------------------------------------------ sentiment: jobs cut, in every form

@pytest.mark.parametrize(("text", "language"), [
    ("The appliance maker will close a plant, eliminating about 1,000 jobs.", "en"),
    ("The bank eliminates 300 jobs in Ireland.", "en"),
    ("A montadora elimina 800 empregos na fábrica de Taubaté.", "pt"),
])
def test_jobs_eliminated_are_bad_news(text, language):
    assert sentiment(text, language)[0] == "Negative"


# ------------------------------------------------------------------ claims: a place in a table

@pytest.mark.parametrize(("text", "language"), [
    ("Com a vitória, o Benfica sobe ao terceiro lugar do campeonato.", "pt"),
    ("The win lifts Leeds to third in the Championship.", "en"),  # claimsent31's blind b02, missed there
])
def test_a_place_in_a_table_is_checkable(text, language):
    score, explanation = claim_reading(text, language)
    assert "ordinal" in explanation and score >= 0.5


@pytest.mark.parametrize("text", [
    "Em primeiro lugar, quero agradecer a todos os que vieram.",  # a speech's order, no table
    "Em segundo lugar, a proposta é cara demais.",
])
def test_a_speech_in_order_is_no_place_in_a_table(text):
    assert "ordinal" not in claim_reading(text, "pt")[1]


# ------------------------------------------------------------------ claims: an institution's or a project's plan

@pytest.mark.parametrize(("text", "language"), [
    ("The project will power about 60,000 homes and created 400 construction jobs.", "en"),  # session 32's open s08
    ("The new plant will employ 500 people and opened a training centre last week.", "en"),
])
def test_a_projects_plan_with_a_figure_is_on_the_record(text, language):
    score, explanation = claim_reading(text, language)
    assert "plan of a named actor" in explanation and score >= 0.5


@pytest.mark.parametrize(("text", "language"), [
    ("The government will probably cut 5,000 jobs.", "en"),  # hedged: still speculation
    ("The plant will look great in the garden.", "en"),  # no figure, no date
])
def test_a_hedged_or_unmeasured_plan_is_no_claim(text, language):
    assert claim_reading(text, language)[0] < 0.5


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent33/README.md)

def test_the_studied_texts():
    # main (8d125ab): sentiment 10 of 12, claims 10/12 at 10/10, sentences 13 of 15. Left open: s07 (a column whose
    # "acho difícil" does not make it the writer's: -0.42 under the news threshold 0.45; test_sentiment keeps a post
    # that says "acho" once among news marks as news) and s12's "A cirurgia durou nove horas e foi considerada um
    # sucesso pela equipe médica." (0.45)
    assert wrong_sentiment("studied.jsonl", PROBE) == ["s07"]
    left_open = {"s12": frozenset({"A cirurgia durou nove horas e foi considerada um sucesso pela equipe médica."})}
    for paragraph in rows("studied.jsonl", PROBE):
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    assert [row["id"] for row in rows("studied.jsonl", PROBE) if wrong_sentences(row)] == []


@pytest.mark.parametrize(("text", "label"), [
    ("It makes the smoothest hummus I've ever had.", "Positive"),
    ("The update made scrolling smoother.", "Positive"),
])
def test_smooth_is_a_reviews_praise(text, label):
    assert sentiment(text, "en")[0] == label


def test_the_blind_texts():
    # written after the fixes (0b31aec) and run once on 9beffc4: sentiment 5 of 8, claims 6/6 at 6/6, sentences 4 of 6
    # (main the same). Open: b05 (a draw "dropping two points"), b07 (a column's cost and doubt, no sentiment words),
    # b08 ("a killer feature" read as harm); b01's sentence ("whisper quiet") and b08's
    # b08 right since "killer feature" (a later run), b07 since sentiment47 ("duvido que" after a contrast: the writer's
    # doubt, -1.5)
    assert wrong_sentiment("blind.jsonl", PROBE) == ["b05"]
    for paragraph in rows("blind.jsonl", PROBE):
        assert_claims_found(paragraph)
    assert [row["id"] for row in rows("blind.jsonl", PROBE) if wrong_sentences(row)] == []  # b01, b08 since (later runs)


@pytest.mark.parametrize(("text", "label"), [
    # found by the blind run's b08 and b01 (later runs, no longer blind)
    ("Offline maps are the killer feature of this app.", "Positive"),
    ("The killer was arrested on Monday.", "Negative"),  # a killer is still one
    ("The new fridge is whisper quiet.", "Positive"),
    ("She spoke in a whisper, quiet and calm.", "Positive"),  # "calm": no phrase across the comma
])
def test_a_reviews_slang_praise(text, label):
    label_found, _, explanation = sentiment(text, "en")
    assert label_found == label and ("whisper" in explanation) == ("whisper quiet" in text)
