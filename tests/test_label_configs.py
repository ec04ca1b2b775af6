"""Labeling configs as real teams write them (fixtures/configs/, from the
labeling-config probe): our labels land on whatever each config calls them,
nothing goes to a control that cannot take it, and every prediction passes
Label Studio's own ``validate_prediction``.

The app tests load this module as a plugin (``PLUGINS``): its annotator
suggests one of each of our labels, at fixed places, so that they test the
mapping and not the built-in plugins' judgement."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from label_studio_sdk.label_interface import LabelInterface

from server import Annotator, Choice, LabelSpec, Span, hookimpl
from server.labeling import label_key, label_named, map_suggestions, parse_labeling_config

CONFIGS = Path(__file__).resolve().parent.parent / "fixtures" / "configs"
TEXT = "Lula visitou a Petrobras em Brasília e comprou um iPhone."
NAMES = {"PER": "Lula", "ORG": "Petrobras", "LOC": "Brasília", "PRODUCT": "iPhone"}
SPAN_LABELS = ("PER", "ORG", "LOC", "PRODUCT", "CLAIM")
CHOICE_LABELS = ("Positive", "Negative", "Neutral")


class EveryLabel(Annotator):
    """One span of each of our span labels where its words are, the whole
    text as a claim, and a Positive choice."""

    def annotate(self, text: Any) -> list[Span | Choice]:
        suggestions: list[Span | Choice] = []
        for label, words in NAMES.items():
            if (start := text.text.find(words)) >= 0:
                suggestions.append(Span(start, start + len(words), label, 0.9))
        claim_end = text.text.find("\n") if "\n" in text.text else len(text.text)
        suggestions.append(Span(0, claim_end, "CLAIM", 0.8, "reported act"))
        suggestions.append(Choice("Positive", 0.7))
        return suggestions


@hookimpl
def register_annotators(register: Any) -> None:
    labels = [LabelSpec(label, "span") for label in SPAN_LABELS]
    register(EveryLabel(name="every-label", version="1", labels=labels + [LabelSpec("Positive", "choice")]))


def sentiment(control: str, positive: str, negative: str, neutral: str) -> dict[str, tuple[str, str]]:
    return {"Positive": (control, positive), "Negative": (control, negative), "Neutral": (control, neutral)}


# Config -> our label -> (control, value) it must land on; a label left out
# must land nowhere. Each of these configs lost labels before this mapping (as
# did 19_no_text: 18 of the probe's 22); the four others are WORKED_BEFORE.
EXPECTED: dict[str, dict[str, tuple[str, str]]] = {
    "01_pt_plain": {"PER": ("entidades", "Pessoa"), "ORG": ("entidades", "Organização"),
                    "LOC": ("entidades", "Local"), "PRODUCT": ("entidades", "Produto"),
                    "CLAIM": ("entidades", "Afirmação"), **sentiment("sentimento", "Positivo", "Negativo", "Neutro")},
    "02_en_long": {"PER": ("label", "Person"), "ORG": ("label", "Organization"), "LOC": ("label", "Location"),
                   "PRODUCT": ("label", "Product"), "CLAIM": ("label", "Claim"),
                   **sentiment("sentiment", "positive", "negative", "neutral")},
    "03_ontonotes": {"PER": ("ner", "PERSON"), "ORG": ("ner", "ORG"), "LOC": ("ner", "GPE")},
    "04_conll": {"PER": ("label", "PER"), "ORG": ("label", "ORG"), "LOC": ("label", "LOC"),
                 "PRODUCT": ("label", "MISC")},
    # Label Studio stores a label's alias, not its value.
    "05_alias": {"PER": ("ner", "PER"), "ORG": ("ner", "ORG"), "LOC": ("ner", "loc"), "PRODUCT": ("ner", "prod"),
                 **sentiment("polarity", "pos", "neg", "neu")},
    "06_case": {"PER": ("tags", "PERSON"), "ORG": ("tags", "org"), "LOC": ("tags", "Loc"),
                "PRODUCT": ("tags", "product"), "CLAIM": ("tags", "claim"),
                **sentiment("sentiment", "POSITIVE", "NEGATIVE", "NEUTRAL")},
    "07_rating": {"PER": ("ner", "Person"), "ORG": ("ner", "Organization"), "LOC": ("ner", "Location")},
    # Per-region choices (veredito, tom_da_afirmacao) take no task-level sentiment.
    "08_perregion": {"CLAIM": ("claims", "Afirmação verificável"),
                     **sentiment("sentimento", "Positiva", "Negativa", "Neutra")},
    "10_title_body": {"PER": ("entidades", "Pessoa"), "ORG": ("entidades", "Organização"),
                      "LOC": ("entidades", "Local"), "PRODUCT": ("entidades", "Produto"),
                      "CLAIM": ("afirmacoes", "Alegação"), **sentiment("tom", "Positivo", "Negativo", "Neutro")},
    "12_url": {"PER": ("label", "Person"), "ORG": ("label", "Organisation"), "LOC": ("label", "Location"),
               "PRODUCT": ("label", "Product"), **sentiment("sentiment", "Positive", "Negative", "Neutral")},
    "14_dialogue": {"PER": ("ner", "Pessoa"), "ORG": ("ner", "Organização"), "LOC": ("ner", "Local"),
                    **sentiment("sentimento", "Positivo", "Negativo", "Neutro")},
    "15_nested_visible": {"PER": ("ner", "Pessoa"), "ORG": ("ner", "Organização"), "LOC": ("ner", "Local"),
                          "PRODUCT": ("ner", "Produto"), **sentiment("sentiment", "Positivo", "Negativo", "Neutro")},
    "17_sentiment_only": sentiment("polaridade", "Positivo", "Negativo", "Neutro"),
    "18_claim_only": {"CLAIM": ("checkworthiness", "Check-worthy")},
    "20_comments_whitespace": {"PER": ("ents", "Pessoas"), "ORG": ("ents", "Organizações"), "LOC": ("ents", "Locais"),
                               "PRODUCT": ("ents", "Produtos"), "CLAIM": ("ents", "Afirmações"),
                               **sentiment("sent", "Positivo", "Negativo", "Neutro")},
    "21_choices_on_header": {"PER": ("ner", "Pessoa"), "ORG": ("ner", "Organização"), "LOC": ("ner", "Local"),
                             **sentiment("tom_manchete", "Positivo", "Negativo", "Neutro")},
    "22_sentence_sentiment": {"PER": ("entities", "Person"), "ORG": ("entities", "Org"),
                              "LOC": ("entities", "Place"), "PRODUCT": ("entities", "Product"),
                              **sentiment("overall", "Positivo", "Negativo", "Neutro")},
    # Written for the end-to-end run of every config (tests/e2e/test_e2e_configs.py).
    "23_two_labels_one_text": {"PER": ("entidades", "Pessoa"), "ORG": ("entidades", "Organização"),
                               "LOC": ("entidades", "Local"), "CLAIM": ("afirmacoes", "Afirmação checável")},
    # Company is narrower than ORG: nothing lands there.
    "24_multiple_choice_sentiment": {"PER": ("label", "Person"), "LOC": ("label", "Place"),
                                     **sentiment("sentiment", "Positive", "Negative", "Neutral")},
    "25_predicted_values": {"PER": ("rotulos", "Quem"), "ORG": ("rotulos", "Instituição"), "LOC": ("rotulos", "Onde"),
                            "PRODUCT": ("rotulos", "Marca"),
                            **sentiment("avaliacao", "Gostei", "Não gostei", "Tanto faz")},
    "26_content_url": {"PER": ("ner", "PER"), "ORG": ("ner", "ORG"), "LOC": ("ner", "LOC"),
                       **sentiment("tone", "positive", "negative", "neutral")},
    # A sentiment in a Taxonomy lands on its path ("Sentiment", "Positive").
    "16_taxonomy_word": {"PER": ("ner", "PER"), "ORG": ("ner", "ORG"), "LOC": ("ner", "LOC"),
                         **sentiment("sentiment_tax", "Positive", "Negative", "Neutral")},
    "27_panels_dynamic_choices": {"PER": ("label", "Pessoa"), "ORG": ("label", "Organização"),
                                  "LOC": ("label", "Local"),
                                  **sentiment("sentiment", "Sentimento positivo", "Sentimento negativo",
                                              "Sentimento neutro")},
    "28_paragraphs_custom_keys": {"PER": ("labels", "Person name"), "ORG": ("labels", "Organization name"),
                                  "LOC": ("labels", "Location name")},
    "29_choice_on_two_texts": {"PER": ("ner", "PER"), "ORG": ("ner", "ORG"), "LOC": ("ner", "LOC"),
                               **sentiment("sentiment", "Positive", "Negative", "Neutral")},
    # Spaces kept in a value; '&' joins no parts: 'Org & Instituições' is no name of ours.
    "30_odd_names": {"PER": ("ner.v2", " Pessoa "), "LOC": ("ner.v2", "Local"),
                     **sentiment("tom", "pos", "neg", "neu")},
    # Spans as XPath regions of the page (server/hypertext.py).
    "13_hypertext": {"PER": ("ner", "Person"), "ORG": ("ner", "Organization"),
                     **sentiment("sentiment", "Positive", "Negative", "Neutral")},
}
WORKED_BEFORE = ("09_multiple_header", "11_content_relations")


def config_xml(name: str) -> str:
    return (CONFIGS / f"{name}.xml").read_text(encoding="utf-8")


def landing(xml: str, kind: str) -> dict[str, tuple[str, str]]:
    """Our label -> (control, value), over every labelled text of the config."""
    found: dict[str, tuple[str, str]] = {}
    for obj in parse_labeling_config(xml).objects:
        for label in SPAN_LABELS if kind == "span" else CHOICE_LABELS:
            target = obj.span_target(label) if kind == "span" else obj.choice_target(label)
            if target is not None:
                found.setdefault(label, (target.from_name, target.value))
    return found


def test_every_probe_config_is_tested():
    assert sorted([*EXPECTED, *WORKED_BEFORE, "19_no_text"]) == sorted(path.stem for path in CONFIGS.glob("*.xml"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_our_labels_land_on_what_the_config_calls_them(name):
    xml = config_xml(name)
    found = {**landing(xml, "span"), **landing(xml, "choice")}
    assert found == EXPECTED[name]


@pytest.mark.parametrize(
    ("value", "label"),
    [("PESSOAS", "PER"), ("Persons", "PER"), ("organisations", "ORG"), ("Organizações", "ORG"),
     ("Localização", "LOC"), ("Lugares", "LOC"), ("locations", "LOC"), ("PRODUTOS", "PRODUCT"),
     ("Claims", "CLAIM"), ("Check worthy", "CLAIM"), ("Alegações", "CLAIM"), ("POSITIVA", "Positive"),
     ("Negativos", "Negative"), ("neutra", "Neutral"),
     # A statement qualified as checkable, in either language's order.
     ("Afirmação checável", "CLAIM"), ("Afirmações checáveis", "CLAIM"), ("Declaração verificável", "CLAIM"),
     ("Factual statement", "CLAIM"), ("Verifiable claims", "CLAIM"), ("Alegação fatual", "CLAIM"),
     # ... or by what is to be done with it (the config sweep's blind check: "Afirmação a checar").
     ("Afirmação a checar", "CLAIM"), ("Afirmações para verificar", "CLAIM"), ("Claims to check", "CLAIM"),
     ("Statement to fact-check", "CLAIM"),
     # One of our names with a word that says what kind of label it is.
     ("Positive sentiment", "Positive"), ("Sentimento negativo", "Negative"), ("Polaridade neutra", "Neutral"),
     ("Person name", "PER"), ("Nome de pessoa", "PER"), ("Nome da organização", "ORG"), ("Location entity", "LOC"),
     # ... or what it marks: a sentence's sentiment (s48-userpass's "Positive sentence" got nothing).
     ("Positive sentence", "Positive"), ("Negative sentences", "Negative"), ("Frase negativa", "Negative"),
     ("Sentença positiva", "Positive"), ("Positive tone", "Positive")],
)
def test_common_names_are_matched_in_any_case_accent_and_plural(value, label):
    kind = "choice" if label in CHOICE_LABELS else "span"
    tag, item = ("Choices", "Choice") if kind == "choice" else ("Labels", "Label")
    xml = f'<View><Text name="t" value="$t"/><{tag} name="c" toName="t"><{item} value="{value}"/></{tag}></View>'
    assert landing(xml, kind) == {label: ("c", value)}


@pytest.mark.parametrize(
    ("values", "expected"),
    [(("Pessoa / Person", "Local (LOC)", "ORG - Organização"),
      {"PER": "Pessoa / Person", "LOC": "Local (LOC)", "ORG": "ORG - Organização"}),
     # A whole name wins over a part of another.
     (("Produto | Marca", "Product"), {"PRODUCT": "Product"}),
     # The parts are compared whole: a negated name is no name of ours.
     (("Claim / Afirmação", "Not a claim / Não é afirmação"), {"CLAIM": "Claim / Afirmação"})],
)
def test_a_label_named_twice_is_matched_by_either_name(values, expected):
    labels = "".join(f'<Label value="{value}"/>' for value in values)
    xml = f'<View><Text name="t" value="$t"/><Labels name="c" toName="t">{labels}</Labels></View>'
    assert landing(xml, "span") == {label: ("c", value) for label, value in expected.items()}


@pytest.mark.parametrize(
    "value", ["Very positive", "Not positive", "Pessoa física", "Nome da empresa", "Local do crime"])
def test_a_name_that_says_more_than_ours_is_not_ours(value):
    kind, tag, item = ("choice", "Choices", "Choice") if "positive" in value else ("span", "Labels", "Label")
    xml = f'<View><Text name="t" value="$t"/><{tag} name="c" toName="t"><{item} value="{value}"/></{tag}></View>'
    assert landing(xml, kind) == {}


def test_a_review_good_and_bad_are_sentiment_when_nothing_says_positive():
    xml = """<View><Text name="t" value="$t"/><Choices name="c" toName="t">
      <Choice value="1 - Ruim"/><Choice value="2 - Neutro"/><Choice value="3 - Bom"/></Choices></View>"""
    assert landing(xml, "choice") == {"Positive": ("c", "3 - Bom"), "Negative": ("c", "1 - Ruim"),
                                      "Neutral": ("c", "2 - Neutro")}


def test_a_label_of_its_own_name_wins_over_a_broader_class():
    xml = """<View><Text name="t" value="$t"/><Labels name="c" toName="t">
      <Label value="MISC"/><Label value="GPE"/><Label value="Produto"/><Label value="Lugar"/>
      <Label value="Not check-worthy"/></Labels></View>"""
    assert landing(xml, "span") == {"LOC": ("c", "Lugar"), "PRODUCT": ("c", "Produto")}


def test_predicted_values_win_over_common_names():
    xml = """<View><Text name="t" value="$t"/><Labels name="c" toName="t">
      <Label value="Local"/><Label value="Cidade" predicted_values="LOC"/></Labels></View>"""
    assert landing(xml, "span") == {"LOC": ("c", "Cidade")}


@pytest.fixture
def labelled(make_app):
    """A client whose only annotator is EveryLabel."""
    app = make_app(PLUGINS=[__name__], DISABLE_PLUGINS=["entities", "claims", "sentiment"], PRELOAD=False)
    return app.test_client()


def task_data(xml: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    interface = LabelInterface(xml)
    for obj in interface.objects:
        key = str(obj.value).lstrip("$")
        if obj.tag == "Paragraphs":
            name, text = obj.attr.get("nameKey", "author"), obj.attr.get("textKey", "text")
            data[key] = [{name: "Ana", text: TEXT}, {name: "Bruno", text: "Concordo."}]
        else:
            data[key] = TEXT
    return data


def predict(client: Any, xml: str, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    answer = client.post("/predict", json={"tasks": tasks, "label_config": xml, "project": "7.1"})
    assert answer.status_code == 200, answer.json
    predictions = answer.json["results"]
    assert len(predictions) == len(tasks)
    interface = LabelInterface(xml)
    for prediction in predictions:
        assert interface.validate_prediction(prediction, return_errors=True) == []
    return predictions


# The link configs fetch their texts (tests/test_remote_texts.py).
@pytest.mark.parametrize("name", sorted(set(EXPECTED) - {"12_url", "26_content_url"}) + list(WORKED_BEFORE))
def test_each_config_gets_valid_predictions_with_every_label_it_has(labelled, name):
    xml = config_xml(name)
    [prediction] = predict(labelled, xml, [{"id": 1, "data": task_data(xml)}])
    # A Taxonomy's choice is its path: its last value is the choice.
    got = {(region["from_name"], label[-1] if isinstance(label, list) else label) for region in prediction["result"]
           for label in region["value"].get(region["type"], [])}
    expected = EXPECTED.get(name)
    if expected is not None:
        emitted = {*SPAN_LABELS, "Positive"}
        assert got == {target for label, target in expected.items() if label in emitted}


def test_per_region_choices_get_no_task_level_choice():
    xml = """<View><Text name="t" value="$t"/>
      <Labels name="l" toName="t"><Label value="CLAIM"/></Labels>
      <Choices name="tone" toName="t" perRegion="true"><Choice value="Positive"/><Choice value="Negative"/></Choices>
    </View>"""
    assert landing(xml, "choice") == {}


def test_a_config_that_labels_no_text_gets_empty_predictions(labelled):
    xml = config_xml("19_no_text")
    tasks = [{"id": 1, "data": {"image": "https://example.org/a.jpg"}}, {"id": 2, "data": {"image": "b.png"}}]
    assert [prediction["result"] for prediction in predict(labelled, xml, tasks)] == [[], []]


def test_a_dialogue_gets_utterance_regions(labelled):
    xml = config_xml("14_dialogue")
    [prediction] = predict(labelled, xml, [{"id": 1, "data": task_data(xml)}])
    lula = next(region["value"] for region in prediction["result"] if region["value"].get("text") == "Lula")
    assert lula == {"start": "0", "end": "0", "startOffset": 0, "endOffset": 4, "text": "Lula",
                    "paragraphlabels": ["Pessoa"]}


def test_a_span_across_utterances_is_dropped():
    config = parse_labeling_config(config_xml("14_dialogue"))
    [obj] = config.objects
    text = "Fala, Ana\nBrasília hoje"
    spans = [Span(6, 9, "PER", 0.9), Span(6, 18, "LOC", 0.9), Span(10, 18, "LOC", 0.9)]
    mapped = map_suggestions(config, obj, text, spans, "r", starts=[0, 10])
    assert [(r["value"]["start"], r["value"]["startOffset"], r["value"]["text"]) for r in mapped.regions] == [
        ("0", 6, "Ana"), ("1", 0, "Brasília")]
    assert mapped.dropped == ["LOC"]


def test_a_headline_takes_choices_and_no_spans():
    config = parse_labeling_config(config_xml("21_choices_on_header"))
    headline = next(obj for obj in config.objects if obj.name == "manchete")
    assert headline.spans == {} and headline.choice_target("Neutral").value == "Neutro"
    assert config.main.name == "manchete"


@pytest.mark.parametrize("inline", ["true", "false"])
def test_a_page_gets_xpath_regions_of_its_text_nodes(labelled, inline):
    xml = config_xml("13_hypertext").replace('inline="true"', f'inline="{inline}"')
    html = "<p>Lula visitou a <b>Petrobras</b> em Bras&iacute;lia.</p>"
    [prediction] = predict(labelled, xml, [{"id": 1, "data": {"html": html}}])
    values = {region["value"]["text"]: region["value"] for region in prediction["result"]
              if region["type"] == "hypertextlabels"}
    assert values["Petrobras"] == {"start": "/p[1]/b[1]/text()[1]", "startOffset": 0, "end": "/p[1]/b[1]/text()[1]",
                                   "endOffset": 9, "globalOffsets": {"start": 15, "end": 24}, "text": "Petrobras",
                                   "hypertextlabels": ["Organization"]}
    assert values["Lula"]["start"] == "/p[1]/text()[1]" and values["Lula"]["hypertextlabels"] == ["Person"]
    assert [region["value"] for region in prediction["result"] if region["type"] == "choices"] == [
        {"choices": ["Positive"]}]


def test_a_page_with_a_claim_label_gets_its_claim_across_inline_tags(labelled):
    xml = """<View><HyperText name="page" value="$html"/>
      <HyperTextLabels name="marks" toName="page">
        <Label value="Pessoa"/><Label value="Afirmação checável"/>
      </HyperTextLabels>
    </View>"""
    html = "<p>Lula visitou a <b>Petrobras</b> em Brasília.</p><p>Outro parágrafo.</p>"
    [prediction] = predict(labelled, xml, [{"id": 1, "data": {"html": html}}])
    claim = next(region["value"] for region in prediction["result"]
                 if region["value"]["hypertextlabels"] == ["Afirmação checável"])
    # The claim is the first paragraph: it starts in one text node and ends in another, after the <b>.
    assert claim == {"start": "/p[1]/text()[1]", "startOffset": 0, "end": "/p[1]/text()[2]", "endOffset": 13,
                     "globalOffsets": {"start": 0, "end": 37}, "text": "Lula visitou a Petrobras em Brasília.",
                     "hypertextlabels": ["Afirmação checável"]}


def test_html_takes_choices_and_a_labels_controls_spans():
    # s53-export2: Label Studio's editor lets a Labels control draw on a page (regions of type labels, a page's
    # values); it had no spans here before.
    xml = config_xml("13_hypertext").replace("HyperTextLabels", "Labels")
    [obj] = parse_labeling_config(xml).objects
    assert obj.choice_target("Positive").value == "Positive"
    person = obj.span_target("PER")
    assert person is not None and person.type == "labels" and person.on_page and person.value == "Person"


def test_fold():
    assert [label_key(name) for name in ("Organização", "Check-worthy", " PER ")] == ["organizacao", "checkworthy", "per"]


@pytest.mark.parametrize(("name", "label"), [
    ("Pessoa", "PER"), ("PERSONS", "PER"), ("Organizações", "ORG"), ("locais", "LOC"), ("GPE", "LOC"),
    ("Produto", "PRODUCT"), ("org", "ORG"), ("MISC", None), ("Empresa", None), ("DATE", None),
])
def test_a_projects_label_is_read_back_as_ours_without_its_config(name, label):
    # What the entities plugin learns from a webhook of a project whose config it has not seen.
    assert label_named(name, ("PER", "ORG", "LOC", "PRODUCT")) == label


CHOICE_ON_TWO_TEXTS = """<View><Text name="titulo" value="$titulo"/><Text name="corpo" value="$corpo"/>
  <Labels name="ner" toName="corpo"><Label value="PER"/></Labels>
  <Choices name="tom" toName="titulo,corpo"><Choice value="Positivo"/><Choice value="Negativo"/></Choices></View>"""


def test_a_single_choice_control_on_two_texts_gets_one_choice(labelled):
    # Both texts are suggested Positive: one region, not one per text.
    [prediction] = predict(labelled, CHOICE_ON_TWO_TEXTS, [{"id": 1, "data": {"titulo": TEXT, "corpo": TEXT}}])
    assert [region["value"]["choices"] for region in prediction["result"] if region["type"] == "choices"] == [
        ["Positivo"]]


def test_a_choice_answered_on_one_text_is_answered_for_the_control(labelled):
    answered = {"from_name": "tom", "to_name": "titulo", "type": "choices", "value": {"choices": ["Negativo"]}}
    answer = labelled.post("/predict", json={
        "tasks": [{"id": 1, "data": {"titulo": TEXT, "corpo": TEXT}}], "label_config": CHOICE_ON_TWO_TEXTS,
        "project": "7.1", "params": {"context": {"result": [answered]}}})
    assert answer.status_code == 200, answer.json
    [prediction] = answer.json["results"]
    assert [region for region in prediction["result"] if region["type"] == "choices"] == []


def test_a_taxonomy_sentiment_is_suggested_by_its_path(labelled):
    [prediction] = predict(labelled, config_xml("16_taxonomy_word"), [{"id": 1, "data": {"text": TEXT}}])
    [region] = [region for region in prediction["result"] if region["from_name"] == "sentiment_tax"]
    assert region["type"] == "taxonomy" and region["value"] == {"taxonomy": [["Sentiment", "Positive"]]}


def test_a_taxonomy_of_aspects_gets_no_task_level_sentiment():
    xml = """<View><Text name="t" value="$t"/><Taxonomy name="aspects" toName="t">
      <Choice value="Preço"><Choice value="Positivo"/><Choice value="Negativo"/></Choice>
      <Choice value="Entrega"><Choice value="Positivo"/><Choice value="Negativo"/></Choice></Taxonomy></View>"""
    assert landing(xml, "choice") == {}


def test_a_page_whose_sentiment_is_answered_gets_spans_and_no_sentiment(labelled):
    # Interactive mode on a HyperText page: what the annotator drew is not propagated (XPath regions), but a
    # control they answered is still theirs.
    answered = {"from_name": "sentiment", "to_name": "page", "type": "choices", "value": {"choices": ["Negative"]}}
    answer = labelled.post("/predict", json={
        "tasks": [{"id": 1, "data": {"html": f"<p>{TEXT}</p>"}}], "label_config": config_xml("13_hypertext"),
        "project": "7.1", "params": {"context": {"result": [answered]}}})
    assert answer.status_code == 200, answer.json
    [prediction] = answer.json["results"]
    assert {region["type"] for region in prediction["result"]} == {"hypertextlabels"}
