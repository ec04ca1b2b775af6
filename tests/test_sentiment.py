"""The sentiment plugin: corrected LeIA for Portuguese, VADER for English."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path
from typing import Any

import pytest

from plugins.sentiment import (
    BOOST,
    DEFAULT_THRESHOLDS,
    REVIEW_PRAISE_CEILING,
    Reading,
    SentenceSentimentAnnotator,
    SentimentAnnotator,
    Thresholds,
    _TOKEN,
    compound_score,
    emoji_valences,
    portuguese_lexicon,
    read,
    register_of,
    split_tokens,
    thresholds_from_config,
    word_valence,
)
from server.analysis import AnalyzedText
from server.app import get_state
from tests.conftest import recorded_body

FIXTURES = Path(__file__).parent.parent / "fixtures"


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
        # "inteligência" is +2.1, but not in "inteligência artificial".
        "A empresa contratou engenheiros de inteligência artificial em Lisboa.",
        # Forms LeIA holds alone, with no other form of their lemma (session 28): talking, emphasising, going on,
        # estimated, amounts; a chip war is the contest of two industries.
        "Talvez daqui a cinco anos a gente esteja falando de chips chineses no Brasil.",
        "O relatório enfatiza que o projeto prossegue com um custo estimado em novos valores.",
        "A guerra dos chips entrou numa nova fase.",
    ],
)
def test_mistranslated_neutral_words_carry_no_sentiment(sentence):
    assert compound_score(sentence, "pt") == 0.0
    assert sentiment(sentence, "pt")[0] == "Neutral"


def test_inflections_missing_from_the_lexicon_fall_back_to_their_lemma():
    lexicon = portuguese_lexicon()
    for word, sign in (("maravilhosas", 1), ("felizes", 1), ("quebraram", -1), ("tristes", -1)):
        assert word not in lexicon
        assert word_valence(word) * sign > 0


def test_negation_flips_and_contrast_weighs_the_second_clause():
    assert compound_score("O produto é bom.", "pt") > 0 > compound_score("O produto não é bom.", "pt")
    assert compound_score("O produto é bonito, mas quebrou no primeiro dia.", "pt") < 0
    assert compound_score("O produto quebrou, mas a loja trocou rápido e o atendimento foi ótimo.", "pt") > 0


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
        # a field and an industries' contest, no feeling ("intelligence" +2.1, "war" -2.9 in VADER)
        ("The company hired artificial intelligence engineers in Dublin.", "Neutral"),
        ("The chip war entered a new phase this year.", "Neutral"),
        # a trust that is a body, no feeling (VADER's "trust" +1.7 made these Positive: seed-shaped probe 41, blind);
        # the writer's trust keeps its warmth
        ("The NHS trust will open the new ward in March.", "Neutral"),
        ("Two hospital trusts and a river trust signed the plan.", "Neutral"),
        ("The trust said the ward would open in March.", "Neutral"),
        ("I trust this brand, it never lets me down.", "Positive"),
    ],
)
def test_english_uses_vader(text, label):
    found, _, explanation = sentiment(text, "en")
    assert found == label
    assert "(VADER " in explanation


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # Words LeIA and VADER lack, or carry in another sense ("maior" +3.2, "shares", "interest").
        ("A montadora anunciou 2.800 demissões e o fechamento da fábrica.", "pt", "Negative"),
        ("As exportações bateram recorde em 2025, a maior alta da série, informou o governo.", "pt", "Positive"),
        ("O Supremo Tribunal Federal julga na quarta a ação sobre segurança pública.", "pt", "Neutral"),
        ("Amazon will cut 14,000 jobs in its largest round of layoffs.", "en", "Negative"),
        ("Nvidia reported record revenue, and demand surged.", "en", "Positive"),
        ("The Fed held interest rates, and shares of banks closed where they opened.", "en", "Neutral"),
        # A bad thing said to fall is good news; anything else falling is not.
        ("O desemprego caiu para 5,8% em setembro, o menor nível da série, informou o IBGE.", "pt", "Positive"),
        ("As ações da empresa caíram 5% nesta sexta-feira.", "pt", "Negative"),
        ("Violent crime fell 18% last year.", "en", "Positive"),
        ("Its shares fell 26% in after-hours trading.", "en", "Negative"),
        # Raising money is good news for a company.
        ("A fintech paulista captou R$ 300 milhões com investidores estrangeiros.", "pt", "Positive"),
        # A headline's capitalised words are not names.
        ("Amazon Posts Great Results As Sales Surge", "en", "Positive"),
    ],
)
def test_news_reports(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "plain", "language"),
    [
        # "alegre" +2.5, "boa" +1.9 in LeIA; "best" +3.2, "pleasant" +2.3 in VADER.
        ("A chuva fraca continua em Porto Alegre no domingo.", "A chuva fraca continua em Curitiba no domingo.", "pt"),
        ("A prefeitura de Boa Vista abriu as inscrições.", "A prefeitura de Manaus abriu as inscrições.", "pt"),
        ("Shares of Best Buy closed lower on Friday.", "Shares of Walmart closed lower on Friday.", "en"),
        ("The dam at Pleasant Valley failed on Friday.", "The dam at Springfield failed on Friday.", "en"),
    ],
)
def test_names_carry_no_sentiment(text, plain, language):
    assert compound_score(text, language) == compound_score(plain, language)


@pytest.mark.parametrize(
    ("text", "plain", "language"),
    [
        # "acordo" +2.2 in LeIA: "de acordo com" is "according to", news' commonest attribution
        ("A produção de aço recuou, de acordo com o sindicato.", "A produção de aço recuou, segundo o sindicato.",
         "pt"),
        # "bem" +1.1 ("well"), but "much" before a comparison
        ("O reajuste dos servidores ficou bem abaixo da inflação.",
         "O reajuste dos servidores ficou abaixo da inflação.", "pt"),
        # "deter" -1.8 from the English "deter": in Portuguese, to hold
        ("O fundo passou a deter 15% da operadora.", "O fundo passou a ter 15% da operadora.", "pt"),
        # "alone" -1.0 in VADER: in the news, "only"
        ("In Chile alone, the company shipped 40,000 phones.", "In Chile, the company shipped 40,000 phones.", "en"),
    ],
)
def test_phrases_that_say_nothing_good_or_bad_carry_no_sentiment(text, plain, language):
    assert compound_score(text, language) == compound_score(plain, language)


def test_an_arrest_is_still_bad_news():
    assert compound_score("A polícia deteve dois suspeitos de fraude no porto.", "pt") < compound_score(
        "A polícia ouviu dois suspeitos de fraude no porto.", "pt"
    )


def test_lukewarm_praise_is_neutral_in_a_review_and_good_news_is_positive_in_a_report():
    review, report = "Produto bom, chegou no prazo.", "A seleção venceu a final neste domingo."
    assert compound_score(review, "pt") == compound_score(report, "pt")
    assert sentiment(review, "pt")[0] == "Neutral" and "read as" not in sentiment(review, "pt")[2]
    assert sentiment(report, "pt")[0] == "Positive" and "read as news)" in sentiment(report, "pt")[2]


@pytest.mark.parametrize(
    ("text", "register"),
    [
        ("Comprei e gostei.", "review"),
        ("ÓTIMO PRODUTO, RECOMENDO", "review"),
        ("Chegou na terça-feira. Pessimo atendimento.", "review"),  # a review's mark wins
        ("A prefeitura de Boa Vista divulgou o calendário.", "news"),  # a name's words are no cue
        ("Boa parte dos moradores votou no domingo.", "news"),  # "boa parte": most of
        ("O Flamengo venceu o Palmeiras por 2 a 0.", "news"),  # a match's result, since probe claimsent50
        ("O Flamengo venceu o Palmeiras.", None),
    ],
)
def test_registers(text, register):
    assert register_of(text, "pt") == register


def test_the_news_dev_paragraphs_the_method_was_chosen_on():
    # fixtures/sentiment/README.md: written and labelled for the project (news_check.jsonl is left to the bench).
    lines = (FIXTURES / "sentiment" / "news_dev.jsonl").read_text(encoding="utf-8").splitlines()
    for language in ("pt", "en"):
        paragraphs = [p for p in map(json.loads, lines) if p["lang"] == language]
        right = sum(sentiment(p["text"], language)[0].lower() == p["label"] for p in paragraphs)
        assert right / len(paragraphs) >= 0.85, language


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
    assert annotator.settings["pt-news"] == [0.3, 0.45]
    assert get_state(default).model_version != get_state(tuned).model_version


def test_predict_answers_the_projects_sentiment_choice(make_app):
    client = make_app(DISABLE_PLUGINS=["entities", "claims"]).test_client()
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"] = [{"id": 1, "data": {"text": "Produto péssimo, veio com defeito e a loja não resolveu nada."}}]
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    [region] = answer.json["results"][0]["result"]
    assert region["from_name"] == "sentiment" and region["value"]["choices"] == ["Negative"]
    assert region["meta"]["text"].startswith("negative: 'péssimo', 'defeito'")
    assert "(LeIA (corrected) -" in region["meta"]["text"]


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


def test_frightening_the_market_is_bad_news_in_every_form():
    # LeIA has "assusta" only; "assustar" carries its valence to "assustou" and "assustaram" through the lemma
    assert word_valence("assustar") < 0 and word_valence("assustou") < 0
    assert compound_score("O dólar voltou a assustar o mercado nesta semana.", "pt") < 0


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # harm LeIA and VADER lacked, so its fall was no news at all: now good news
        ("O desmatamento na Amazônia caiu 30% em um ano, informou o governo.", "pt", "Positive"),
        ("Amazon deforestation fell 30% last year.", "en", "Positive"),
        # VADER has "illegal" but not "illegally"
        ("A federal judge ruled on Monday that the company illegally kept its monopoly.", "en", "Negative"),
    ],
)
def test_fourth_news_probe_lexicon_gaps(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # "presente" +1.9 from "a present", "energia" +1.2 from "energetic": neutral in the news
        ("Uma proteína presente no sangue antecipa o diagnóstico.",
         "Uma proteína do sangue antecipa o diagnóstico."),
        ("O preço da energia subiu em março.", "O preço do gás subiu em março."),
        # forced is no thanks ("obrigado" +1.9)
        ("O governo talvez seja obrigado a rever as metas.", "O governo talvez tenha de rever as metas."),
    ],
)
def test_fourth_news_probe_words_that_say_nothing_good_or_bad(text, plain):
    assert compound_score(text, "pt") == compound_score(plain, "pt")


def test_a_negation_inside_an_idiom_negates_nothing():
    # "sem dúvida" is undoubtedly: "boa" three words on was read as "sem ... boa"
    undoubtedly = compound_score("Será, sem dúvida, uma boa notícia.", "pt")
    assert undoubtedly == compound_score("Será uma boa notícia.", "pt")
    # "não param de crescer" is keep growing ("crescer" +1.0, as "crescimento" +1.6)
    assert compound_score("As vendas não param de crescer.", "pt") > 0


def test_a_blog_post_that_says_acho_once_among_news_marks_reads_as_news():
    post = ("O time venceu no domingo, diante de 68 mil torcedores. O técnico disse que o elenco precisa "
            "melhorar. Acho que ninguém segura esse time.")
    assert register_of(post, "pt") == "news"
    assert register_of("Acho que chegou na terça-feira. Comprei e gostei.", "pt") == "review"


@pytest.mark.parametrize(("text", "language"), [
    ("La inflación subió un 3,2% en octubre y el desempleo cayó, una excelente noticia.", "es"),
    ("Die Regierung hat beschlossen, dass die Steuern sinken. Das ist eine sehr gute Nachricht.", "de"),
])
def test_no_sentiment_is_suggested_in_a_language_without_a_lexicon(text, language):
    # VADER would read German "Die" as the English verb, and both lexicons find nothing else.
    analyzed = AnalyzedText(text, language_hint=language)
    assert list(SentimentAnnotator(DEFAULT_THRESHOLDS).annotate(analyzed)) == []
    assert list(SentenceSentimentAnnotator(DEFAULT_THRESHOLDS).annotate(analyzed)) == []


@pytest.mark.parametrize(("value", "problem"), [
    ('{"pt": [0.75, 0.05]', "not valid JSON"),
    ("[0.75, 0.05]", "expected a JSON object"),
    ({"pt": [0.75]}, "'pt' needs [positive, negative], two numbers from 0 to 1, not [0.75]"),
    ({"en": [2, 0.05]}, "'en' needs [positive, negative]"),
])
def test_a_bad_thresholds_setting_is_a_load_error_naming_it(make_app, value, problem):
    app = make_app(DISABLE_PLUGINS=["entities", "claims"], SENTIMENT_THRESHOLDS=value)
    [error] = get_state(app).plugins.load_errors
    assert error.plugin == "sentiment" and "ANOTA_SENTIMENT_THRESHOLDS=" in error.error and problem in error.error


def test_a_sentence_sentiment_setting_that_is_neither_yes_nor_no_is_a_load_error_naming_it(make_app):
    # "maybe" was read as no, in silence: the project's per-sentence labels got nothing.
    app = make_app(DISABLE_PLUGINS=["entities", "claims"], SENTENCE_SENTIMENT="maybe")
    [error] = get_state(app).plugins.load_errors
    assert error.plugin == "sentiment" and "ANOTA_SENTENCE_SENTIMENT=maybe: expected" in error.error


def test_thresholds_given_as_json_text_are_read():
    # a default's confidence ceiling is kept (s50-sentiment); a language without a default gets the plain ramp
    assert thresholds_from_config('{"pt": [0.2, 0.3]}')["pt"] == Thresholds(0.2, 0.3, REVIEW_PRAISE_CEILING)
    assert thresholds_from_config('{"es": [0.2, 0.3]}')["es"] == Thresholds(0.2, 0.3)


@pytest.mark.parametrize(
    ("text", "plain", "language"),
    [
        # fifth news probe: a disease's name is a health report's topic ("doença" -1.7, "câncer" -3.4,
        # "gripe" -1.6, "cancer" -3.4, "flu" -1.6), and "combate" (-1.5) the fight against something bad
        ("O hospital abriu um ambulatório para pacientes com câncer.",
         "O hospital abriu um ambulatório para pacientes com asma.", "pt"),
        ("A vacinação contra a gripe começa em abril.", "A vacinação contra o sarampo começa em abril.", "pt"),
        ("O estudo mede a renda e as doenças dos moradores.", "O estudo mede a renda e a escolaridade dos moradores.",
         "pt"),
        ("A prefeitura reforçou o combate ao mosquito.", "A prefeitura reforçou a ação contra o mosquito.", "pt"),
        # "fatores de risco": a technical term ("risco" -1.6)
        ("O estudo mede os fatores de risco do diabetes.", "O estudo mede as causas do diabetes.", "pt"),
        ("The clinic opened a cancer screening unit.", "The clinic opened a lung screening unit.", "en"),
        ("The flu season starts in October.", "The school season starts in October.", "en"),
    ],
)
def test_fifth_news_probe_words_that_say_nothing_good_or_bad(text, plain, language):
    assert compound_score(text, language) == compound_score(plain, language)


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a count of harm said to fall is good news, though it carries no valence alone (a report's words
        # such as "informou" make the text read as news, with its thresholds)
        ("Os casos de dengue caíram 40% em março, informou a secretaria.", "pt", "Positive"),
        ("As internações por covid recuaram pela terceira semana seguida, segundo o ministério.", "pt", "Positive"),
        ("Infections fell by a third this winter.", "en", "Positive"),
        # what fell may stand further away when articles, prepositions and numbers come between
        ("O número de mortes de crianças por sarampo caiu, informou o governo.", "pt", "Positive"),
        # ... but a verb's object is what it cut: the reason given after it is still bad news
        ("The airline will cut 900 jobs, blaming weak demand.", "en", "Negative"),
        # a fall of anything else is a loss, "recuou" as "caiu"
        ("A produção de aço recuou 3% em julho.", "pt", "Negative"),
        # breaking a record is good news ("quebrou" -2.1, "broke" -1.8)
        ("A cantora quebrou o recorde de público do estádio neste sábado.", "pt", "Positive"),
        ("She broke the world record in the 400 metres.", "en", "Positive"),
        # a figure compared with a larger earlier one ("contra", "ante") is a fall; with a smaller, a rise
        ("A cidade registrou 8 homicídios em março, contra 21 um ano antes, disse a polícia.", "pt", "Positive"),
        ("A cidade registrou 21 homicídios em março, contra 8 um ano antes, disse a polícia.", "pt", "Negative"),
        ("Foram 3,2 mil roubos no semestre, ante 4,1 mil um ano antes, segundo a polícia.", "pt", "Positive"),
    ],
)
def test_fifth_news_probe_falls_and_records(text, language, label):
    assert sentiment(text, language)[0] == label


def test_a_low_level_after_a_credited_fall_tells_the_same_fall():
    # "lowest" (-1.6) would take back most of what the fall of unemployment credits
    assert compound_score("Unemployment dropped to 4.1%, its lowest level in a decade.", "en") == compound_score(
        "Unemployment dropped to 4.1%, its level in a decade.", "en"
    )
    assert compound_score("Shares dropped to their lowest level in a decade.", "en") < 0


# Session 15: posts and market lines (emoji, slang, market moves) and the explanation's cues.


@pytest.mark.parametrize(
    ("text", "plain", "language"),
    [
        # an emoji carries the writer's feeling in both languages (VADER read "🔥" as its description, "fire")
        ("Chegou hoje 😡", "Chegou hoje", "pt"),
        ("Finalmente saiu a nova temporada 🙌", "Finalmente saiu a nova temporada", "pt"),
        ("The new album dropped today 🔥", "The new album dropped today", "en"),
        ("The update shipped today 🙄", "The update shipped today", "en"),
    ],
)
def test_emoji_carry_the_writers_feeling(text, plain, language):
    emoji = text.split()[-1]
    assert math.copysign(1, compound_score(text, language) - compound_score(plain, language)) == math.copysign(
        1, emoji_valences()[emoji]
    )


def test_an_emoji_is_neither_negated_nor_turned_good_by_a_fall_and_a_repeat_only_intensifies():
    # "não ... 😡" is not a happy face; "as ações caíram 😡" is not good news
    assert compound_score("O pedido não chegou 😡", "pt") < compound_score("O pedido não chegou", "pt")
    assert compound_score("As ações caíram 😡", "pt") < compound_score("As ações caíram", "pt") < 0
    assert compound_score("It did not arrive 😡", "en") < compound_score("It did not arrive", "en")
    for language in ("pt", "en"):
        once, twice = (read(f"show 🔥{'🔥' * repeat}", language).total for repeat in (0, 1))
        assert twice == pytest.approx(once + BOOST, abs=0.01), language


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a market move has a direction: a rise is good news, and with its figure the line reads as news
        ("O Ibovespa sobe 2% e fecha no maior nível do ano.", "pt", "Positive"),
        ("As vendas do comércio disparam 8% em dezembro.", "pt", "Positive"),
        ("As ações da Galp valorizaram-se 5% esta semana.", "pt", "Positive"),
        ("As ações da operadora afundaram 9% na bolsa.", "pt", "Negative"),
        ("Stocks sank and the index shed 3% on Friday.", "en", "Negative"),
        # ... but the rise of a bad thing, or of a cost, is bad news
        ("A inflação dispara e chega a 7% em doze meses.", "pt", "Negative"),
        ("Os preços dos alimentos subiram 11% no ano.", "pt", "Negative"),
        ("Unemployment jumped to 5.2% in May.", "en", "Negative"),
        ("Prices rose 3% in March.", "en", "Negative"),
    ],
)
def test_market_moves_and_their_direction(text, language, label):
    assert sentiment(text, language)[0] == label


def test_a_market_move_with_its_figure_reads_as_news():
    assert register_of("O Ibovespa sobe 2% nesta terça.", "pt") == "news"
    assert register_of("O Ibovespa sobe.", "pt") is None
    assert register_of("Comprei e gostei, o preço caiu 10%.", "pt") == "review"  # a review's marks still win


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [
        # the words of a post: slang praise ("top"; "sensacional" was -0.3 in LeIA), a curse, a verdict
        ("top o show de ontem", "pt", 1),
        ("banda sensacional, que noite", "pt", 1),
        ("pqp, de novo sem luz aqui", "pt", -1),
        ("This new feature is a game changer for us.", "en", 1),
        ("The whole thing was overblown.", "en", -1),
        # laughter and a holiday are no sentiment ("lol" +1.8, "holiday" +1.7, "feriado" +1.7)
        ("lol does anyone know if the shop opens on the holiday?", "en", 0),
        ("kkkk alguém sabe se o mercado abre no feriado?", "pt", 0),
    ],
)
def test_the_words_of_a_post(text, language, sign):
    compound = compound_score(text, language)
    assert (compound > 0) - (compound < 0) == sign
    if sign == 0:
        assert sentiment(text, language)[0] == "Neutral"


def test_intensifiers_of_a_post_and_a_clitic_verb():
    # "mds" before its word; a European Portuguese verb with its clitic ("valorizaram-se")
    assert compound_score("mds que vergonha", "pt") < compound_score("que vergonha", "pt") < 0
    assert word_valence("valorizaram-se") == word_valence("valorizaram") > 0


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        # what fell is in the fall's clause: the flop is not what tanked, the curse not what went down
        ("The new phone is a total flop, sales tanked in the first week.", "en", "'flop'"),
        ("pqp, caiu a internet de novo", "pt", "'pqp'"),
        # a negation negates within its clause: "não funciona" is not negated again by "não recomendo"
        ("Não recomendo, não funciona.", "pt", "'não' flips 'funciona'"),
    ],
)
def test_falls_and_negations_stay_in_their_clause(text, language, cue):
    assert dict(read(text, language).cues)[cue] < 0
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language", "note"),
    [
        ("O produto não é bom.", "pt", "negative: 'não' flips 'bom'"),
        ("O desemprego caiu para 5,8% em setembro.", "pt", "positive: 'desemprego' falling"),
        ("A inflação dispara e chega a 7%.", "pt", "negative: 'inflação' rising"),
        ("Boa notícia: a linha vai abrir 🙌", "pt", "positive: 🙌, 'boa'"),
        ("The food is not good.", "en", "negative: 'not' flips 'good'"),
        ("The meeting is on Tuesday.", "en", "no sentiment words"),
    ],
)
def test_the_explanation_names_the_cues_that_decided(text, language, note):
    explanation = sentiment(text, language)[2]
    assert explanation.startswith(note)
    assert "LeIA (corrected) " in explanation if language == "pt" else "(VADER " in explanation


def test_the_explanation_puts_the_weightier_side_first_and_names_three_cues_a_side():
    reading = Reading(0.0, [("'a'", 1.0), ("'b'", 2.0), ("'c'", 0.5), ("'d'", 0.2), ("'e'", -0.4), ("'b'", 0.5)])
    assert reading.explanation() == "positive: 'b', 'a', 'c'; negative: 'e'"
    assert Reading(0.0, [("'a'", 1.0), ("'e'", -3.0)]).explanation() == "negative: 'e'; positive: 'a'"


@pytest.mark.parametrize("text", ["Ele DIED ontem.", "He dİed at 90.", "He dıed at 90.", "He diꜱed.", "He dieſ now."])
def test_a_keyed_pattern_finds_what_its_case_blind_regex_finds(text: str) -> None:
    """A whole-text rule's regex runs only on a text holding one of its keys, in any case: re also takes "İ" and
    "ı" for "i" and "ſ" for "s", which the keys must not miss."""
    from plugins.sentiment import KeyedPattern

    pattern = re.compile(r"\b(?:died|dies)\b", re.IGNORECASE)
    keyed = KeyedPattern(pattern, ("died", "dies"))
    assert keyed.findall(text) == pattern.findall(text)
    assert bool(keyed.search(text)) == bool(pattern.search(text))


@pytest.mark.parametrize("text", [
    "", "   ", "O governo anunciou 3,5% de alta.", "ª²³µ¹º¼½¾ × ÷ _under_score_ ß ÿ", "Ação, coração; pão.",
    "valorizaram-se -a b- c--d d'água '", "Que dia!!! Ótimo!", "Eu 😀 gostei ☀⭐", "Não é “bom”, é ‘ótimo’.",
    "a\u00a0b\tc\nd\x85e\x1cf",
])
def test_split_tokens_is_the_token_regex(text):
    assert split_tokens(text) == _TOKEN.findall(text)


def test_split_tokens_is_the_token_regex_on_random_texts():
    """The byte-table split (Latin-1 texts without hyphens, apostrophes and "!") and the regex it stands for agree
    on every character of Latin-1 and some beyond it."""
    latin1 = [chr(code) for code in range(256)]
    characters = latin1 + list("’“”😀☀⭐–—İı") + ["a", "é", " "] * 30
    choices = random.Random(40)
    for alphabet in (characters, [char for char in characters if char not in "-'!"]):
        for _ in range(20_000):
            text = "".join(choices.choice(alphabet) for _ in range(choices.randint(0, 24)))
            assert split_tokens(text) == _TOKEN.findall(text), repr(text)


def test_a_sentence_folded_at_once_is_its_words_folded():
    """``sentence_tokens`` folds a sentence that ``_spaced`` splits at once: the same forms as its words' one by one
    (``_folded``), on every character of Latin-1 and some beyond it, words that fold to nothing ("ß", "µ") among
    them."""
    from plugins.sentiment import _folded, sentence_tokens

    characters = [chr(code) for code in range(256)] + list("’😀İı") + ["a", "é", "ß", " "] * 30
    choices = random.Random(44)
    for _ in range(20_000):
        text = "".join(choices.choice(characters) for _ in range(choices.randint(0, 24)))
        words, folded = sentence_tokens(text)
        assert folded == tuple(map(_folded, words)), repr(text)



def _gated_portuguese_rules() -> list[tuple[frozenset[str], Any, tuple[Any, ...]]]:
    """(the words one of which a rule needs, the rule, its arguments after the folded words and valences) for each
    rule that ``portuguese_reading`` passes by with its sentence's word set (sentspeed41)."""
    from plugins import sentiment

    return [(needed, rule, ("pt",)) for needed, rule in sentiment._WORD_RULES_PT] + [
        (sentiment.POSSIBLE["pt"], sentiment.drop_speculation, ("pt",)),
        (frozenset([sentiment.NOTHING["pt"]]), sentiment.charge_nothing_found, ("pt",)),
        (sentiment.STILL["pt"], sentiment.charge_stuck_statuses, ("pt",)),
        (sentiment.STILL["pt"], sentiment.charge_unanswered, ("pt",)),
        (sentiment.HOPED["pt"], sentiment.charge_let_down_hopes, ("pt", lambda: None)),
        (frozenset(["dinheiro"]), sentiment.charge_money_complaints, ()),
        (sentiment.CONTACTING["pt"], sentiment.charge_repeated_contacts, ("pt",)),
        (sentiment.POSTPONING["pt"], sentiment.charge_postponed_plans, ("pt",)),
    ]


def _words_read_by(function: Any) -> list[str]:
    """The Portuguese words of the word sets a rule names (its globals, and the functions it calls), sorted."""
    from plugins import sentiment

    words: set[str] = set()
    seen, names = set(), list(function.__code__.co_names)
    while names:
        value = vars(sentiment).get(name := names.pop())
        if name in seen:
            continue
        seen.add(name)
        words_of = value.get("pt") if isinstance(value, dict) else value
        if isinstance(words_of, frozenset | tuple):
            words |= {word for word in words_of if isinstance(word, str)}
        if callable(value) and hasattr(value, "__code__"):
            names += value.__code__.co_names
    return sorted(words)


@pytest.mark.parametrize("index", range(len(_gated_portuguese_rules())))
def test_a_rule_passed_by_for_want_of_its_words_would_have_changed_nothing(index: int) -> None:
    """Each rule that ``portuguese_reading`` runs only when the sentence holds one of its words leaves a sentence
    without any of them as it was (valences and answer), on random sentences of the words the rule reads (those
    sentences make 11 of the 17 rules act where the words are allowed: the others need a figure or a phrase)."""
    needed, rule, arguments = _gated_portuguese_rules()[index]
    vocabulary = _words_read_by(rule) + ["a", "o", "de", "que", "3", "10", "muito", "bom", "ruim"]
    choices = random.Random(41)
    for _ in range(3000):
        folded = tuple(choices.choice(vocabulary) for _ in range(choices.randint(1, 10)))
        valences = [choices.choice([0.0, 1.5, -2.0]) for _ in folded]
        kept = list(valences)
        answer = rule(folded, valences, *arguments)
        if needed.isdisjoint(folded):
            assert not answer and valences == kept, folded


@pytest.mark.parametrize("sentence", [
    "A estrada foi REABERTA depois da queda de barreira.", "Reabertura da ponte, destruída pela cheia.",
    "A linha Voltou a Funcionar após o incêndio.", "A luz foi restabelecida.", "Não reabriu a estrada.",
    "The road has REOPENED after the flood.", "Power was Restored after the storm.", "Nada aconteceu hoje.",
])
def test_restoring_is_searched_where_its_pattern_would_find_it(sentence: str) -> None:
    from plugins.sentiment import RESTORING

    for keyed in RESTORING.values():
        found, plain = keyed.search(sentence), keyed.pattern.search(sentence)
        assert (found and found.span()) == (plain and plain.span())
