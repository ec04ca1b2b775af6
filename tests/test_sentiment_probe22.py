"""The sentiment plugin's session-22 features: registers earlier probes did not cover (school, university,
restaurant, employer and game reviews, health-service complaints and notices, letters to the editor, product
Q&A answers, posts on public services), and the misses probe 21 left; each as a general rule tested on other
texts, with texts where the same words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import read
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment" / "probe22.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        # a first-person recommendation is the review's verdict: at "recomendo" 2.2 these stayed Neutral
        "Chegou rápido e funciona. Recomendo.",
        "Meu filho estuda lá há dois anos e evoluiu muito na leitura. As professoras são atenciosas. "
        "Recomendo a escola.",
    ],
)
def test_a_recommendation_is_a_reviews_verdict(text):
    assert sentiment(text, "pt")[0] == "Positive"


@pytest.mark.parametrize(
    "text",
    [
        # negated, as strong a verdict the other way; a third person's advice is no verdict of the writer's
        "Chegou rápido, mas não recomendo.",
        "O médico recomenda repouso de três dias.",
    ],
)
def test_a_recommendation_denied_or_reported_is_no_praise(text):
    assert sentiment(text, "pt")[0] != "Positive"


@pytest.mark.parametrize(("text", "label"), [("O app trava toda hora.", "Negative"),
                                             ("Uso todo dia e nunca travou. Recomendo.", "Positive")])
def test_an_app_that_freezes(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # time lost is a cost: its fall is good news (probe 21's blind "bus lanes cut ... commute times")
        ("Bus lanes cut average commute times by 12 minutes, the council said.", "en"),
        ("The new triage system cut waiting times in A&E by half.", "en"),
        ("Delays fell by 30% after the new timetable.", "en"),
        ("A prefeitura informou que a medida reduziu o tempo de espera nos postos em 20 minutos.", "pt"),
    ],
)
def test_time_lost_that_falls_is_good_news(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Positive" and "falling" in explanation


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("Waiting times rose again in March, the hospital said.", "en", "Negative"),
        ("Segundo a secretaria, o tempo de espera nas emergências subiu.", "pt", "Negative"),
        # not time lost: the weather's "tempo", a verb of expecting, time as a part of a job
        ("Tempo instável, com queda de temperatura.", "pt", None),
        # (claimsent29 credits the fall of interest, a cost: "espera" is tested before the fall of the dollar)
        ("O mercado espera queda do dólar.", "pt", None),
        ("The company cut part time staff.", "en", "Negative"),
    ],
)
def test_time_lost_that_rises_or_no_time_lost(text, language, label):
    got, _, explanation = sentiment(text, language)
    assert "falling" not in explanation and (label is None or got == label)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a fault denied by someone quoted is their claim: in a complaint it read as the writer's praise
        ("ISP keeps saying there's no fault on the line.", "en"),
        ("The landlord claims there are no problems with the heating.", "en"),
        ("A operadora diz que não foi encontrado nenhum problema na linha.", "pt"),
        ("O técnico alega que não há defeito nenhum no aparelho.", "pt"),
    ],
)
def test_a_fault_denied_by_someone_quoted_is_no_praise(text, language):
    assert all(weight <= 0 for _, weight in read(text, language).cues)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the writer's own experience keeps its praise, and so does a finding not quoted
        ("Não tive nenhum problema com o produto.", "pt"),
        ("No problems at all, works great.", "en"),
        ("The technician found no fault with the boiler.", "en"),
    ],
)
def test_a_fault_the_writer_denies_is_praise(text, language):
    assert read(text, language).total > 0


def test_a_negation_in_concord_negates_once():
    # "não ... nenhum" is one negation in Portuguese: flipped twice, it read as a complaint
    assert read("Não tive nenhum problema com a entrega.", "pt").total > 0
    assert read("Este sistema não opera nada bem.", "pt").total < 0


@pytest.mark.parametrize(
    "text",
    ["The app keeps crashing after the update.", "Crashes every twenty minutes. Uninstalled.",
     "The servers are down again.", "Laggy and buggy since launch."],
)
def test_an_app_or_a_game_that_fails(text):
    assert sentiment(text, "en")[0] == "Negative"


@pytest.mark.parametrize("text", ["The lid is sold separately, and it is dishwasher safe.",
                                  "The bowl is microwave safe."])
def test_a_products_specification_is_no_praise(text):
    assert sentiment(text, "en")[0] == "Neutral"


@pytest.mark.parametrize(("text", "label"), [("The neighbourhood feels safe at night.", "Positive"),
                                             ("Server costs fell 10% last year.", "Positive")])
def test_safety_and_a_servers_costs_keep_their_reading(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [("A nova linha reduziu a viagem de uma hora para vinte minutos, segundo a prefeitura.", "pt"),
     ("The new line cut the journey by 40 minutes, officials said.", "en")],
)
def test_a_journey_cut_by_minutes_is_time_saved(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Positive" and "falling" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [("A empresa reduziu as viagens de 20 para 10 por dia, segundo a prefeitura.", "pt"),
     ("The airline cut the trip to Lisbon from its schedule in March, officials said.", "en")],
)
def test_trips_cut_without_their_minutes_are_no_time_saved(text, language):
    assert "falling" not in sentiment(text, language)[2]


@pytest.mark.parametrize(
    ("text", "language"),
    [("By the time I got through all the appointments were gone.", "en"),
     ("No appointments available for three weeks.", "en"),
     ("Liguei às 7h e as vagas já acabaram.", "pt"),
     ("Cheguei cedo e o posto já estava sem vagas.", "pt")],
)
def test_appointments_gone_are_a_complaint(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(("text", "language"), [("The appointment went well.", "en"),
                                                ("Vagas abertas para o curso de inglês.", "pt")])
def test_an_appointment_or_an_opening_without_a_lack(text, language):
    assert all(weight >= 0 for _, weight in read(text, language).cues)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Pros: flexible hours, friendly team. Cons: slow promotions, outdated tools.", "en"),
     ("Prós: ótimo salário, equipe amigável. Contras: pouca chance de crescer.", "pt")],
)
def test_pros_and_cons_listed_without_a_verdict_are_neutral(text, language):
    assert sentiment(text, language)[0] == "Neutral"


@pytest.mark.parametrize(
    "text",
    ["Pros: flexible hours, friendly team. Cons: slow promotions. Would recommend to a friend.",
     "Pros: great pay, amazing team."],
)
def test_a_verdict_beside_the_lists_or_one_list_alone_counts(text):
    assert sentiment(text, "en")[0] == "Positive"


def test_probe22_studied_texts():
    # fixtures/sentiment/README.md, probe 22: 23 of 24 right after the fixes (18 before); still wrong: s08, a
    # bus line that "reduziu minha viagem de uma hora para vinte minutos" (a possessive before the journey; since
    # probe 23 the journey's cut is read, +0.71, still under the reviews' 0.75).
    rows = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()]
    right = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() == row["label"]]
    assert len(right) >= 23, sorted(set(row["id"] for row in rows) - set(right))


# Found by probe 22's blind texts (fixed after its one run).
@pytest.mark.parametrize(
    ("text", "language"),
    [("Yes, the bowl is microwave safe.", "en"), ("Yes, it ships with two batteries.", "en"),
     ("Sim, o cabo acompanha o produto.", "pt")],
)
def test_a_yes_answering_a_question_is_no_approval(text, language):
    assert sentiment(text, language)[0] == "Neutral" and read(text, language).total == 0.0


@pytest.mark.parametrize("text", ["Yes! It finally arrived.", "I said yes, and it was great."])
def test_a_yes_exclaimed_or_inside_a_sentence_keeps_its_valence(text):
    assert any(cue == "'yes'" and weight > 0 for cue, weight in read(text, "en").cues)


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [("Em dois anos fui promovido.", "pt", 1), ("A rua está toda esburacada.", "pt", -1),
     ("Very professional, would book again.", "en", 1)],
)
def test_words_the_lexicons_lacked_or_mistranslated(text, language, sign):
    assert read(text, language).total * sign > 0


def test_where_one_lives_is_no_praise():
    # "morar" had +0.5 from a mistranslation: "a rua onde moro" was praise
    assert read("Moro nesta rua há dez anos.", "pt").total == 0.0
