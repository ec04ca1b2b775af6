"""Learning from a HyperText project's annotations through /webhook: its
``hypertextlabels`` regions (XPaths, offsets in the text nodes, global
offsets, text) teach the entities plugin as a Text project's regions do."""

from __future__ import annotations

from typing import Any

import pytest

from server.hypertext import rendered_page
from tests.test_entities import PROJECT, annotation_body, entities, predict
from tests.test_learning_probe import taught

PAGE_CONFIG = """<View>
  <HyperText name="page" value="$html"/>
  <HyperTextLabels name="ner" toName="page">
    <Label value="Pessoa" predicted_values="PER"/>
    <Label value="Empresa" predicted_values="ORG"/>
    <Label value="Lugar" predicted_values="LOC"/>
    <Label value="Produto" predicted_values="PRODUCT"/>
  </HyperTextLabels>
</View>"""
INLINE_CONFIG = PAGE_CONFIG.replace('value="$html"', 'value="$html" inline="true"')
PROBE = "O Jandaia, da Pindorama Labs, já tem mil usuários; a Quixaba Dados e a empresa de Recife também."


def page_regions(html: str, spans: list[tuple[str, str]], inline: bool) -> list[dict[str, Any]]:
    """HyperTextLabels regions over the words, as Label Studio 1.23.2 sends them in a webhook."""
    page = rendered_page(html, inline)
    regions = []
    for words, label in spans:
        start = page.text.index(words)
        value = page.region_value(start, start + len(words))
        assert value is not None, words
        regions.append({"id": f"r{len(regions)}", "from_name": "ner", "to_name": "page", "type": "hypertextlabels",
                        "origin": "manual", "value": {**value, "hypertextlabels": [label]}})
    return regions


def page_body(annotation_id: int, html: str, spans: list[tuple[str, str]], *, config: str | None = PAGE_CONFIG,
              inline: bool = False, prediction: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """A webhook body of a HyperText project; ``config`` None: a project sent without its label_config."""
    body = annotation_body(annotation_id, "", [])
    body["task"]["data"] = {"html": html}
    body["annotation"]["result"] = page_regions(html, spans, inline)
    if prediction is not None:
        body["annotation"]["prediction"] = {"result": page_regions(html, prediction, inline)}
    if config is not None:
        body["project"]["label_config"] = config
    return body


def post(app, body: dict[str, Any]) -> None:
    answer = app.test_client().post("/webhook", json=body)
    assert answer.status_code == 200 and answer.json["events"] == 1, answer.json


def test_spans_labelled_on_a_page_are_learned(make_app):
    app = make_app()
    html = "<p>A startup <b>Pindorama</b> Labs lançou</p><p>o assistente <i>Jandaia</i> ontem.</p>"
    post(app, page_body(1, html, [("Pindorama Labs", "Empresa"), ("Jandaia", "Produto")]))
    assert {("Pindorama Labs", "Organization"), ("Jandaia", "Product")} <= taught(predict(app, PROBE)[0])


def test_a_selection_on_a_page_is_learned_without_its_punctuation(make_app):
    app = make_app()
    html = "<p>Segundo a <b>(Jandaia),</b> tudo bem.</p>"
    post(app, page_body(1, html, [("(Jandaia),", "Produto")]))
    assert ("Jandaia", "Product") in taught(predict(app, PROBE)[0])


def test_a_suggestion_deleted_on_a_page_stops_being_suggested(make_app):
    app = make_app()
    html = "<p>A <b>Meta</b> e a Nvidia falaram com a China.</p>"
    answer = app.test_client().post("/predict", json={
        "tasks": [{"id": 1, "data": {"html": html}, "project": PROJECT}], "label_config": PAGE_CONFIG})
    suggested = {(r["value"]["text"], r["value"]["hypertextlabels"][0]) for r in answer.json["results"][0]["result"]}
    assert ("Meta", "Empresa") in suggested
    # The annotator deleted Meta; no prediction in the webhook: Anota's suggestions for the page are the reference.
    post(app, page_body(1, html, [("Nvidia", "Empresa"), ("China", "Lugar")]))
    after = entities(predict(app, "Meta anunciou resultados. A Meta cresceu e a Nvidia também.")[0])
    assert ("Meta", "Organization") not in after and ("Nvidia", "Organization") in after


def test_a_suggestion_deleted_on_a_page_with_a_menu_stops_being_suggested(make_app):
    # The suggestions were made on the page without its menu (RenderedPage.readable_text): found by that text's digest.
    app = make_app()
    html = "<nav><a>Início</a> <a>Economia</a> <a>Esportes</a> <a>Contato</a></nav>" \
           "<p>A <b>Meta</b> e a Nvidia falaram com a China.</p>"
    answer = app.test_client().post("/predict", json={
        "tasks": [{"id": 1, "data": {"html": html}, "project": PROJECT}], "label_config": PAGE_CONFIG})
    assert ("Meta", "Empresa") in {(r["value"]["text"], r["value"]["hypertextlabels"][0])
                                   for r in answer.json["results"][0]["result"]}
    post(app, page_body(1, html, [("Nvidia", "Empresa"), ("China", "Lugar")]))
    after = entities(predict(app, "Meta anunciou resultados. A Meta cresceu e a Nvidia também.")[0])
    assert ("Meta", "Organization") not in after and ("Nvidia", "Organization") in after


def test_deletions_against_the_prediction_a_page_annotation_started_from(make_app):
    app = make_app()
    html = "<div><p>O <b>Gemini</b> e o Qwen3</p><p>competem.</p></div>"
    post(app, page_body(1, html, [("Qwen3", "Produto")], prediction=[("Gemini", "Produto"), ("Qwen3", "Produto")]))
    assert ("Gemini", "Product") not in entities(predict(app, "O Gemini cresce; o Qwen3 também.")[0])


# The <title> is in the page's text inline (a <div>'s innerHTML), in the head outside the body in an iframe:
# the global offsets of the paragraph's words differ by its length.
TITLED = "<html><head><title>Jornal</title></head><body><p>O assistente Jandaia saiu.</p></body></html>"


def test_the_configs_layout_places_a_pages_regions(make_app):
    app = make_app()
    post(app, page_body(1, TITLED, [("Jandaia", "Produto")], config=INLINE_CONFIG, inline=True))
    assert ("Jandaia", "Product") in taught(predict(app, PROBE)[0])
    assert rendered_page(TITLED, True).global_text != rendered_page(TITLED, False).global_text


def test_a_page_region_the_configs_layout_does_not_hold_at_its_offsets_is_not_learned(make_app):
    # Offsets of the iframe's layout read inline fall on "istente": not shifted to where "Jandaia" is.
    app = make_app()
    post(app, page_body(1, TITLED, [("Jandaia", "Produto")], config=INLINE_CONFIG, inline=False))
    assert ("Jandaia", "Product") not in taught(predict(app, PROBE)[0])


@pytest.mark.parametrize("inline", [True, False])
def test_without_a_config_the_layout_holding_the_regions_texts_is_read(make_app, inline):
    app = make_app()
    post(app, page_body(1, TITLED, [("Jandaia", "Produto")], config=None, inline=inline))
    assert ("Jandaia", "Product") in taught(predict(app, PROBE)[0])


def test_a_text_projects_annotation_is_still_read_as_text(make_app):
    # Guard: a config showing a page and a text, the annotation labelling the text.
    app = make_app()
    config = PAGE_CONFIG.replace("</View>", '<Text name="text" value="$text"/>'
                                 '<Labels name="label" toName="text"><Label value="Product"/></Labels></View>')
    body = annotation_body(1, "O assistente Jandaia saiu.", [("Jandaia", "Product")])
    body["task"]["data"]["html"] = "<p>Outra página.</p>"
    body["project"]["label_config"] = config
    post(app, body)
    assert ("Jandaia", "Product") in taught(predict(app, PROBE)[0])
