"""The sentiment plugin's session-16 features: the misses of session 15 and of probe 16 (news, reviews, posts
and customer-service messages), each as a general rule tested on other texts, with texts where the same words
were read right before and still are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import compound_score, read
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment" / "probe16.jsonl"


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a service, a procedure or a study makes the bad thing it deals with its topic ("lixo" -2.8,
        # "homicídio" -2.8, "loneliness" and "stress", "crime" -2.5)
        ("O camião da recolha do lixo passa às terças e sextas.", "pt", "Neutral"),
        ("O julgamento do acusado de homicídio ficou para junho.", "pt", "Neutral"),
        ("A survey of loneliness and stress among 2,000 adults was published on Tuesday.", "en", "Neutral"),
        ("The city expanded its crime prevention program.", "en", "Neutral"),
        # the same words, said of what happened, are still bad
        ("O produto é um lixo.", "pt", "Negative"),
        ("Um homicídio assustou o bairro ontem à noite.", "pt", "Negative"),
        ("Crime rose 12% last year.", "en", "Negative"),
    ],
)
def test_a_service_a_procedure_or_a_study_makes_a_bad_thing_its_topic(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Abri o chamado na segunda e até agora nenhuma resposta.", "pt", "'nenhuma resposta'"),
        ("Os moradores estão há dois dias sem água.", "pt", "'sem água'"),
        ("We have been without power since Sunday night.", "en", "'without power'"),
    ],
)
def test_going_without_an_essential_service_is_bad(text, language, cue):
    assert dict(read(text, language).cues)[cue] < 0
    assert sentiment(text, language)[0] == "Negative"


def test_a_deprivation_needs_the_service_right_after_it():
    # "sem dúvida" is an idiom, and what "sem" is followed by here is no service
    assert compound_score("Sem dúvida, a internet da operadora é ótima.", "pt") > 0
    assert compound_score("Chegou sem atraso, funcionando.", "pt") > 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # pt-PT (and pt-BR slang) praise: "brutal" -3.1 and "insano" -1.7 in LeIA
        ("Que festa tão boa, a banda esteve brutal!", "Positive"),
        ("Som insano, adorei o show 🤩", "Positive"),
        # their harm stays where nothing praises, or harm is near
        ("Um assalto brutal assustou os comerciantes.", "Negative"),
        ("O trânsito hoje está brutal.", "Negative"),
        # "calor" was +2.0 (from "warmth"): heat is no praise to agree with
        ("O calor está brutal hoje.", "Negative"),
    ],
)
def test_a_word_of_intensity_agrees_with_its_sentence(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "realizar" is to hold or carry out ("realiza" +1.7, "realizada" +1.8 in LeIA)
        ("O congresso realiza-se em maio na Universidade do Minho.", "Neutral"),
        ("A feira será realizada no sábado na praça central.", "Neutral"),
        # a dream fulfilled is still good ("sonho" as LeIA's "sonhos")
        ("Realizei o sonho de conhecer Lisboa e amei cada dia!", "Positive"),
    ],
)
def test_realizar_is_to_hold_or_carry_out(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # "honestly" +2.0, "sincerely" +2.1: a stance, a letter's close
        ("Honestly, the store opens at nine on Sundays.", "en", "Neutral"),
        ("The report is attached. Sincerely, Ana", "en", "Neutral"),
        ("Honestamente, a reunião é na terça.", "pt", "Neutral"),
        ("Honestly, this is the best phone I have owned.", "en", "Positive"),
    ],
)
def test_a_stance_marker_is_no_praise(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # greetings, a request's "gostaria"/"possível", thanks in advance, a helpline's "apoio"
        ("Bom dia, gostaria de saber se é possível trocar a cor do pedido.", "pt", "Neutral"),
        ("Boa noite, liguei para a linha de apoio ao cliente. Desde já, obrigado.", "pt", "Neutral"),
        ("Good morning, could you tell me when my order ships? Thanks in advance.", "en", "Neutral"),
        # thanks for something are still thanks
        ("Atendimento excelente, resolveram tudo na hora. Obrigado!", "pt", "Positive"),
        ("Thanks so much, the replacement arrived today and works great.", "en", "Positive"),
    ],
)
def test_courtesy_formulas_carry_no_feeling(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # buying again is a verdict; a product that heats up has a fault ("esquenta" +0.8 from "warm")
        ("Bonito, mas não compraria de novo.", "pt", "Negative"),
        ("I would never buy again.", "en", "Negative"),
        ("The box was dented and setup took an hour. Would buy again.", "en", "Positive"),
        ("O carregador esquenta muito depois de meia hora.", "pt", "Negative"),
        # managing, or not, to do something ("conseguiu" is +1.8 in LeIA, "consegui" was missing)
        ("Não consegui usar o aplicativo.", "pt", "Negative"),
        # waiting on hold
        ("I spent an hour on hold this morning.", "en", "Negative"),
    ],
)
def test_a_customers_verdicts_and_complaints(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Obrigado, Claro, pela ótima cobertura: cinco dias sem sinal em casa.", "pt"),
        ("Thanks, Comcast, for the great service: no internet since Friday.", "en"),
    ],
)
def test_thanks_for_a_failure_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative"
    assert "ironic" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a good reason after the colon, or no colon: thanks are thanks
        ("Parabéns à loja pela entrega: chegou em dois dias, bem embalado.", "pt"),
        ("Obrigado pela ótima cobertura, mas ontem fiquei sem sinal.", "pt"),
        ("Thanks for the great service: it arrived a day early.", "en"),
    ],
)
def test_thanks_are_no_irony_without_a_bad_reason_after_a_colon(text, language):
    assert "ironic" not in sentiment(text, language)[2]
    if ":" in text:
        assert compound_score(text, language) > 0


def test_the_studied_half_of_probe_16():
    # 6 of 20 right before the session-16 fixes; still wrong: a review's verdict "valeu cada centavo"
    # ("valeu" as praise cost the B2W development half), and irony told without a colon ("Oh great, another
    # update that deletes ...").
    texts = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()]
    right = [sentiment(t["text"], t["lang"])[0].lower() == t["label"] for t in texts]
    assert sum(right) >= 18


def test_a_judgement_before_a_head_is_no_compound():
    # "crime prevention" is a compound; "terrible treatment" a judgement
    assert sentiment("Terrible treatment by the staff at the front desk.", "en")[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # a cut of an interest rate is policy to report (a blind seed-shaped post's "The Fed cut rates" read Negative)
        ("The Fed cut rates by another 25 basis points today, taking the target range to 3.25%-3.5%.", "en", "Neutral"),
        ("The Bank of England cut interest rates to 4%.", "en", "Neutral"),
        ("O Copom cortou a Selic em 0,5 ponto, para 10,5% ao ano.", "pt", "Neutral"),
        # a cut of something else beside a rate keeps its harm
        ("The company cut 2,000 jobs as the unemployment rate rose.", "en", "Negative"),
        ("A fábrica cortou 500 vagas e os juros do financiamento seguem em 12% ao ano.", "pt", "Negative"),
    ],
)
def test_a_rate_cut_is_news_a_cut_beside_a_rate_still_hurts(text, language, label):
    assert sentiment(text, language)[0] == label
