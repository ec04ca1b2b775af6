"""Entities probe 38 (fixtures/entities38): the language of a short task from its project's usual one, and English
field labels, a campus and its town, a role's noun before a person, a group's noun opening a sentence, a maker's
nouns after it, the two ends of a route; the studied paragraphs as their truth says (written and committed before
the plugins read them), with guards."""

from __future__ import annotations

import pytest
from flask import Flask

from server.analysis import AnalyzedText, task_language
from server.app import get_state
from server.labeling import parse_labeling_config
from server.predicting import USUAL_LANGUAGE_MEMORY, UsualLanguages
from tests.test_entities import CONFIG, entities, predict
from tests.test_news_probe7 import assert_names_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("entities38")
ENGLISH_PARAGRAPHS = (
    "The council said the new bridge would open in the spring, and that it had been paid for by the government.",
    "Shares in the company rose after it said that profits were higher than they had been last year.",
    "The team won the match in the final minute, and the coach said that he was proud of the players.")
PORTUGUESE_PARAGRAPHS = (
    "A prefeitura disse que a nova ponte será aberta na primavera e que a obra foi paga pelo governo do estado.",
    "As ações da empresa subiram depois que ela informou que os lucros foram maiores do que no ano passado.",
    "O time venceu a partida no último minuto, e o técnico disse que estava orgulhoso dos jogadores.")
FIELD_LINE = "Prime Minister: Adolphe Muzito"


# ----------------------------------------------------------------------------------------------- languages


@pytest.mark.parametrize(("text", "usual", "language"), [
    # names alone carry no language of their own: the project's usual one (the identifier read this as Portuguese)
    (FIELD_LINE, "en", "en"),
    ("Carlos Berlocq Fernando Verdasco Leonardo Mayer", "pt", "pt"),
    ("Emilio Longoni (1859–1932), painter", "en", "en"),
    # three lowercase words read as a language: the identifier's, whatever the project's
    ("Arsenal defender William Saliba signed a new contract.", "pt", "en"),
    # a short text whose frequent words lean away from the usual language is identified on its own
    ("Bosnia and Herzegovina national football team", "pt", "en"),
    # frequent words that settle it
    ("O governo anunciou que o programa será ampliado em todo o país e nas capitais", "en", "pt"),
])
def test_a_short_text_takes_its_projects_usual_language(text: str, usual: str, language: str):
    assert task_language(text, usual=usual) == language


def test_without_a_usual_language_the_identifier_decides_as_before():
    assert task_language(FIELD_LINE) == "pt"  # why a project's language is needed: py3langid reads the name


def test_usual_languages_need_a_clear_lead_and_a_known_project():
    usual = UsualLanguages()
    for language in ("en", "en", "pt"):
        usual.learn(7, language)
        usual.learn(None, "en")  # tasks of no known project may be of several: nothing learnt
    assert usual.of(7) is None and usual.of(None) is None  # two English texts are too few
    usual.learn(7, "en")
    assert usual.of(7) == "en"  # three, three times the Portuguese one
    usual.learn(7, "pt")
    assert usual.of(7) is None  # 3 to 2: no clear lead


def test_usual_languages_weigh_recent_texts_and_forget_old_projects():
    usual = UsualLanguages(projects=2)
    for _ in range(USUAL_LANGUAGE_MEMORY - 1):
        usual.learn(1, "pt")
    for _ in range(USUAL_LANGUAGE_MEMORY // 2):
        usual.learn(1, "en")
    usual.learn(1, "pt")  # the thousandth: both counts halved
    assert usual.of(1) is None
    for _ in range(3 * USUAL_LANGUAGE_MEMORY // 2):
        usual.learn(1, "en")
    assert usual.of(1) == "en"
    usual.learn(2, "pt")
    usual.learn(3, "pt")
    assert usual.of(1) is None  # the least recently learnt of three projects is forgotten


def settled(app: Flask, texts: list[str], project: int) -> list[str]:
    """The languages /predict's predictor gives ``texts``, tasks of ``project`` in one request without a stated one."""
    predictor = get_state(app).predictor
    config = parse_labeling_config(CONFIG)
    analyzed = predictor.analyze_tasks([{"id": i, "data": {"text": text}, "project": project}
                                        for i, text in enumerate(texts)], config.objects)
    return [text.language for text in analyzed if text is not None]


def test_a_field_line_among_english_paragraphs_is_english(app: Flask):
    assert settled(app, [FIELD_LINE, *ENGLISH_PARAGRAPHS], project=3) == ["en"] * 4  # learnt before settling
    assert settled(app, [FIELD_LINE], project=4) == ["pt"]  # another project: nothing known of it


def test_names_among_portuguese_paragraphs_are_portuguese(app: Flask):
    names = ["Council on Foreign Relations", "Georg August Goldfuss", "Jesse Spencer"]
    # an English name whose frequent word leans to English keeps the identifier's
    assert settled(app, [*PORTUGUESE_PARAGRAPHS, *names], project=5) == ["pt"] * 3 + ["en", "pt", "pt"]


def test_other_languages_frequent_words_teach_no_language(app: Flask):
    french = ["Selon la mairie de Lyon, la vitesse sera limitée dans toutes les rues du centre.",
              "Les commerçants du quartier ont critiqué une mesure qui selon eux fait fuir les clients.",
              "Le maire a répondu que la mesure est nécessaire pour la sécurité des piétons et des cyclistes."]
    settled(app, french, project=9)
    assert get_state(app).predictor.usual_languages.of(9) is None  # no "other": it is no language


def test_a_stated_language_teaches_the_project(app: Flask):
    predictor = get_state(app).predictor
    config = parse_labeling_config(CONFIG)
    stated = predictor.analyze_tasks([{"id": i, "data": {"text": "Adolphe Muzito", "language": "en"}, "project": 8}
                                      for i in range(3)], config.objects)
    assert {text.language for text in stated if text is not None} == {"en"} and predictor.usual_languages.of(8) == "en"


def test_predict_reads_a_field_line_with_the_projects_model(app: Flask):
    alone = entities(predict(app, FIELD_LINE, project=11)[0])
    together = entities(predict(app, *ENGLISH_PARAGRAPHS, FIELD_LINE, project=12)[-1])
    # the English model labels the office as WikiANN-en does; the Portuguese one did not see it
    assert ("Prime Minister", "Organization") in together - alone
    assert ("Adolphe Muzito", "Person") in together & alone


# ----------------------------------------------------------------------------------------------- entities


def english_names(app: Flask, text: str) -> set[tuple[str, str]]:
    """The names suggested for an English task (its language stated: these are the entity rules' cases)."""
    tasks = [{"id": 0, "data": {"text": text, "language": "en"}, "project": 1}]
    answer = app.test_client().post("/predict", json={"tasks": tasks, "label_config": CONFIG})
    assert answer.status_code == 200, answer.json
    return entities(answer.json["results"][0]["result"])


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a field's noun alone before the colon is no name, and a capitalised label's last word is none either
    ("Capital: Windhoek", {("Windhoek", "Place")}, {("Capital", "Place")}),
    ("Spouse: Carrie Symonds", {("Carrie Symonds", "Person")}, {("Spouse", "Organization")}),
    ("Chief Minister: Mamata Banerjee", {("Mamata Banerjee", "Person")}, {("Minister", "Person")}),
    ("Chief Executive: Satya Nadella", {("Satya Nadella", "Person")}, {("Executive", "Person")}),
    # guard: a name opening a line of results
    ("Brazil: 3 medals", {("Brazil", "Place")}, set()),
    # a campus named in prose, then the town it is in
    ("A team from the Tata Institute of Fundamental Research in Mumbai built a sensor.",
     {("Tata Institute of Fundamental Research", "Organization"), ("Mumbai", "Place")},
     {("Tata Institute of Fundamental Research in Mumbai", "Organization")}),
    ("The Indian Institute of Science in Bengaluru will build it.",
     {("Indian Institute of Science", "Organization"), ("Bengaluru", "Place")}, set()),
    # guard: an encyclopedia's title holds its town
    ("Institute of Chartered Accountants in Australia",
     {("Institute of Chartered Accountants in Australia", "Organization")}, set()),
    # a role's lowercase noun before a person's name
    ("Defender Max Cleworth is expected back, and defender Max Cleworth trained today.",
     {("Max Cleworth", "Person")}, {("defender Max Cleworth", "Person")}),
    ("Vincent van Gogh painted sunflowers.", {("Vincent van Gogh", "Person")}, set()),  # guard: a particle
    # a group's plural noun and its preposition opening the sentence
    ("Alumni of the University of Adelaide include two prime ministers.",
     {("University of Adelaide", "Organization")}, {("Alumni of the University of Adelaide", "Organization")}),
    ("Friends of the Earth said the plan was weak.", {("Friends of the Earth", "Organization")}, set()),  # guard
    # what a maker makes, and who belong to a body, after its name
    ("IndiGo ordered 30 more Airbus jets for routes from Delhi.", {("Airbus", "Organization")},
     {("Airbus jets", "Organization")}),
    # the two ends of a route after "between"
    ("The king opened a new rail line between Tangier and Marrakesh on Wednesday.",
     {("Tangier", "Place"), ("Marrakesh", "Place")}, {("Tangier and Marrakesh", "Organization")}),
    # no name holds "between": the model ran on over a clause, or over a sentence's first word
    ("Police closed the road between Patchway and Filton after the crash.",
     {("Patchway", "Place"), ("Filton", "Place")}, {("Police closed the road between Patchway", "Organization")}),
    ("Trains between Leeds and Harrogate run every hour.", {("Leeds", "Place"), ("Harrogate", "Place")},
     {("Trains", "Organization"), ("Trains between Leeds", "Organization")}),
    ("Talks between Microsoft and OpenAI stalled.", {("Microsoft", "Organization"), ("OpenAI", "Organization")},
     set()),
    ("The border between Bosnia and Herzegovina and Serbia was closed.", {("Bosnia and Herzegovina", "Place")},
     {("Bosnia", "Place")}),  # guard: a pair the gazetteer knows as one place
])
def test_rules_of_probe_38(app: Flask, text: str, expected: set[tuple[str, str]], absent: set[tuple[str, str]]):
    found = english_names(app, text)
    assert expected <= found and not absent & found


def test_a_town_after_a_campus_is_read_in_prose_only(app: Flask):
    doc = AnalyzedText("Performance from the Isabella Stewart Gardner Museum in MP3 format", language_hint="en",
                       pipelines=get_state(app).predictor.pipelines).doc
    assert {(ent.text, ent.label_) for ent in doc.ents} >= {("MP3", "ORG")}
    assert ("MP3", "Organization") in english_names(app, doc.text)  # no town: not title-cased


# Left open in the studied paragraphs: a county in a runaway span ("the Hornsea wind farms off the Yorkshire coast"), a
# place with a lowercase word after it ("Thornbury open") and a bus station's name, a scientist and a hospital the
# model misses in their paragraphs, a fly-half missed and a club a place, and two cities joined by "and" with nothing
# around them. Found since entities 1.2.57
# (fixtures/entities40): "Airbus Defence and Space" ("and" after a word bodies' names join), and in the blind
# paragraphs "Yorkshire beat Lancashire" (county cricket clubs) and "Captain Jonny Bairstow" (a rank before a name);
# since 1.2.59 (fixtures/entities42) "the trips to Bolton and Barnsley" (a journey's noun and "to"; people before).
LEFT_OPEN = {
    "s07": {("Cribbs Causeway bus station", "ORG"), ("Thornbury open", "ORG")},
    "s13": {("Saracens", "LOC")},
    "f07": {("Manchester and Liverpool", "ORG")},
}
LEFT_MISSED = {
    "s04": {"Yorkshire"}, "s07": {"Thornbury"},
    "s11": {"Kasturi Saha"}, "s12": {"Moorfields Eye Hospital"}, "s13": {"Finn Russell"},
    "f07": {"Manchester", "Liverpool"},
}


def test_names_of_the_studied_paragraphs(app: Flask):
    assert_names_found(app, PARAGRAPHS, LEFT_OPEN, LEFT_MISSED)
