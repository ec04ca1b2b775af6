"""Learning from annotators through /webhook: what the learning probe
(30 webhook sequences an annotation team produces) found wrong."""

from __future__ import annotations

import pytest

from plugins.entity_memory import KnownMentions, Tally, suggestable
from server.annotators import selected_words
from tests.test_entities import PROJECT, annotation_body, entities, predict

PROBE = "O Jandaia, da Pindorama Labs, já tem mil usuários; a Quixaba Dados e a empresa de Recife também."


def taught(regions: list[dict]) -> set[tuple[str, str]]:
    """The spans suggested from what the project's annotators labelled."""
    return {(r["value"]["text"], r["value"]["labels"][0]) for r in regions
            if r["type"] == "labels" and "annotators" in r["meta"]["text"]}


@pytest.mark.parametrize("selected, surface", [
    (" Pindorama Labs.", "Pindorama Labs"),
    ("(Jandaia),", "Jandaia"),
    ("\u201cQuixaba Dados\u201d", "Quixaba Dados"),
    ("Jandaia S.A.", "Jandaia S.A."),  # an abbreviation keeps its full stop
    ("Banco (Brasil)", "Banco (Brasil)"),
    ("(Banco", "Banco"),
    (" , ", ""),
    ("(Banco (Brasil))", "Banco (Brasil)"),  # enclosing brackets go, the words' own stay
    ("(Jandaia) e (Quixaba)", "(Jandaia) e (Quixaba)"),  # not one pair around the words
    ("Acme Inc.", "Acme Inc."),  # a name's abbreviation keeps its full stop
    ("Irmãos Lda.,", "Irmãos Lda."),
])
def test_a_selection_is_trimmed_of_the_punctuation_at_its_edges(selected, surface):
    text = f"xx {selected} yy"
    start, end = selected_words(text, 3, 3 + len(selected))
    assert text[start:end] == surface


def test_a_span_is_learned_without_the_spaces_and_punctuation_selected_with_it(make_app):
    app = make_app()
    text = "Segundo a  Pindorama Labs. e o (Jandaia), tudo bem."
    body = annotation_body(1, text, [(" Pindorama Labs.", "Organization"), ("(Jandaia)", "Product")])
    app.test_client().post("/webhook", json=body)
    assert {("Pindorama Labs", "Organization"), ("Jandaia", "Product")} <= taught(predict(app, PROBE)[0])


@pytest.mark.parametrize("surface, kept", [("A", False), ("de", False), ("the", False), ("The", False),
                                           ("-", False), ("US", True), ("Jandaia", True), ("X9", True)])
def test_a_lone_letter_or_a_common_word_is_not_suggested_from_learning(surface, kept):
    assert suggestable(surface) is kept


def test_a_slip_of_the_mouse_is_not_suggested_in_every_text(make_app):
    app = make_app()
    text = "A Quixaba Dados de Recife contratou the team."
    body = annotation_body(1, text, [("A", "Organization"), ("de", "Place"), ("the", "Organization"),
                                     ("Quixaba Dados", "Organization")])
    app.test_client().post("/webhook", json=body)
    assert taught(predict(app, "A empresa de Recife e a Quixaba Dados: the end. A")[0]) == {
        ("Quixaba Dados", "Organization")}


def test_a_region_beyond_the_text_does_not_stop_the_others_being_learned(make_app):
    app = make_app()
    text = "A startup lançou o assistente Jandaia ontem."
    body = annotation_body(1, text, [("Jandaia", "Product")])
    body["annotation"]["result"].append(
        {"type": "labels", "value": {"start": 0, "end": 999, "text": "x", "labels": ["Organization"]}})
    app.test_client().post("/webhook", json=body)
    assert ("Jandaia", "Product") in taught(predict(app, PROBE)[0])


def test_a_deleted_suggestion_stays_deleted_when_the_annotation_is_updated(make_app):
    app = make_app()
    client = app.test_client()
    text = "A Meta e a Nvidia falaram com a China."
    assert ("Meta", "Organization") in entities(predict(app, text)[0])
    kept = [("Nvidia", "Organization"), ("China", "Place")]
    client.post("/webhook", json=annotation_body(1, text, kept))  # the annotator deleted Meta
    # Anota, having learned it, stops suggesting Meta for this text; the
    # annotator then changes another label: Meta's deletion must hold.
    assert ("Meta", "Organization") not in entities(predict(app, text)[0])
    client.post("/webhook", json=annotation_body(1, text, [("Nvidia", "Organization"), ("China", "Organization")],
                                                 action="ANNOTATION_UPDATED", updated_at="2026-11-30T09:00:00Z"))
    assert ("Meta", "Organization") not in entities(predict(app, "A Meta cresceu.", project=PROJECT)[0])


def test_a_deleted_project_forgets_what_it_taught_and_only_it(make_app):
    app = make_app()
    client = app.test_client()
    text = "A startup lançou o assistente Jandaia ontem."
    client.post("/webhook", json=annotation_body(1, text, [("Jandaia", "Product")]))
    other = annotation_body(2, text, [("Jandaia", "Product")])
    other["project"] = {"id": PROJECT + 1}
    client.post("/webhook", json=other)
    assert client.post("/webhook", json={"action": "PROJECT_DELETED", "project": {"id": PROJECT}}).json["events"] == 1
    assert taught(predict(app, PROBE)[0]) == set()
    assert ("Jandaia", "Product") in taught(predict(app, PROBE, project=PROJECT + 1)[0])


def test_a_learned_name_is_found_where_a_text_breaks_it_across_lines():
    # The learned surfaces were looked up by a match's exact text: "Pindorama\nLabs" was not found.
    known = KnownMentions((1, 1), {"Pindorama Labs": {"ORG": Tally(confirmed=2)}})
    assert [(start, end, label) for start, end, label, _score in known.find("A Pindorama\nLabs cresceu.")] == [
        (2, 16, "ORG")]
