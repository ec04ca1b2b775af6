"""The sentiment plugin: corrected LeIA for Portuguese, VADER for English."""

from __future__ import annotations

import pytest

from plugins.sentiment import (
    DEFAULT_THRESHOLDS,
    SentimentAnnotator,
    Thresholds,
    portuguese_compound,
    portuguese_lexicon,
    word_valence,
)
from server.analysis import AnalyzedText
from server.app import get_state
from tests.conftest import recorded_body


def sentiment(text: str, language: str) -> tuple[str, float, str]:
    [choice] = SentimentAnnotator(DEFAULT_THRESHOLDS).annotate(AnalyzedText(text, language_hint=language))
    return choice.label, choice.score, choice.explanation or ""


@pytest.mark.parametrize(
    "sentence",
    [
        # LeIA as installed scores these -0.15 and +0.54: "para" and "há"/"você"
        # carry the valence of mistranslated English words.
        "A reunião foi marcada para terça às 10h.",
        "Há uma loja perto de você.",
        # "ai" (the acronym AI, or "aí" without its accent) and "engenheiros".
        "A empresa contratou engenheiros de AI em Lisboa.",
    ],
)
def test_mistranslated_neutral_words_carry_no_sentiment(sentence):
    assert portuguese_compound(sentence) == 0.0
    assert sentiment(sentence, "pt")[0] == "Neutral"


def test_inflections_missing_from_the_lexicon_fall_back_to_their_lemma():
    lexicon = portuguese_lexicon()
    for word, sign in (("maravilhosas", 1), ("felizes", 1), ("quebraram", -1), ("tristes", -1)):
        assert word not in lexicon
        assert word_valence(word) * sign > 0


def test_negation_flips_and_contrast_weighs_the_second_clause():
    assert portuguese_compound("O produto é bom.") > 0 > portuguese_compound("O produto não é bom.")
    assert portuguese_compound("O produto é bonito, mas quebrou no primeiro dia.") < 0
    assert portuguese_compound("O produto quebrou, mas a loja trocou rápido e o atendimento foi ótimo.") > 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Adorei! Produto excelente, chegou antes do prazo e funciona perfeitamente. Recomendo!", "Positive"),
        ("Péssimo. Veio quebrado, com defeito, e até hoje não consegui a devolução.", "Negative"),
        ("O pedido foi entregue na quarta-feira pela transportadora.", "Neutral"),
    ],
)
def test_portuguese_reviews(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I love this phone, it works great and the battery lasts for days!", "Positive"),
        ("This is the worst purchase I have ever made. It broke after one day.", "Negative"),
        ("The meeting is scheduled for Tuesday at ten.", "Neutral"),
    ],
)
def test_english_uses_vader(text, label):
    found, _, explanation = sentiment(text, "en")
    assert found == label
    assert explanation.startswith("VADER")


def test_confidence_is_half_at_a_threshold_and_grows_away_from_it():
    thresholds = Thresholds(positive=0.6, negative=0.2)
    assert thresholds.classify(0.6) == ("Positive", 0.5)
    assert thresholds.classify(0.8) == ("Positive", 0.75)
    assert thresholds.classify(1.0) == ("Positive", 1.0)
    assert thresholds.classify(-0.2) == ("Negative", 0.5)
    assert thresholds.classify(-0.6) == ("Negative", 0.75)
    assert thresholds.classify(0.0) == thresholds.classify(0.5) == thresholds.classify(-0.1) == ("Neutral", 0.45)


def test_thresholds_come_from_the_config_and_change_the_model_version(make_app):
    default = make_app(DISABLE_PLUGINS=["entities", "claims"])
    tuned = make_app(DISABLE_PLUGINS=["entities", "claims"], SENTIMENT_THRESHOLDS={"pt": [0.2, 0.2]})
    [annotator] = [r.annotator for r in get_state(tuned).annotators if r.name == "sentiment"]
    assert annotator.settings["pt"] == [0.2, 0.2] and annotator.settings["en"] == [0.05, 0.05]
    assert get_state(default).model_version != get_state(tuned).model_version


def test_predict_answers_the_projects_sentiment_choice(make_app):
    client = make_app(DISABLE_PLUGINS=["entities", "claims"]).test_client()
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"] = [{"id": 1, "data": {"text": "Produto péssimo, veio com defeito e a loja não resolveu nada."}}]
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    [region] = answer.json["results"][0]["result"]
    assert region["from_name"] == "sentiment" and region["value"]["choices"] == ["Negative"]
    assert region["meta"]["text"].startswith("LeIA (corrected) compound score -")


SENTENCE_CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="tone" toName="text">
    <Label value="Positive"/>
    <Label value="Negative"/>
    <Label value="Neutral"/>
  </Labels>
  <Choices name="overall" toName="text" choice="single">
    <Choice value="Positive"/>
    <Choice value="Negative"/>
    <Choice value="Neutral"/>
  </Choices>
</View>"""


def test_sentence_spans_are_opt_in_and_land_on_the_labels_control(make_app):
    text = "O atendimento foi péssimo e o produto veio quebrado. A entrega foi na terça. Adorei a cor, é linda!"
    body = {"label_config": SENTENCE_CONFIG, "tasks": [{"id": 1, "data": {"text": text}}]}
    plain = make_app(DISABLE_PLUGINS=["entities", "claims"]).test_client().post("/predict", json=body)
    assert [r["from_name"] for r in plain.json["results"][0]["result"]] == ["overall"]

    app = make_app(DISABLE_PLUGINS=["entities", "claims"], SENTENCE_SENTIMENT="1")
    answer = app.test_client().post("/predict", json=body)
    assert answer.status_code == 200
    regions = answer.json["results"][0]["result"]
    spans = {r["value"]["text"]: r["value"]["labels"] for r in regions if r["from_name"] == "tone"}
    assert spans == {
        "O atendimento foi péssimo e o produto veio quebrado.": ["Negative"],
        "Adorei a cor, é linda!": ["Positive"],
    }
