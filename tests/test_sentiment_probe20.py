"""The sentiment plugin's session-20 features: news and analysis paragraphs (the seed's register), where loaded
words name a report's topic, a quoted source's feeling or a question, and are not the writer's news; each as a
general rule tested on other texts, with texts where the same words must still be read as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.sentiment import read, register_of
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "sentiment" / "probe20.jsonl"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('A ministra disse estar "muito feliz" com a visita da delegação chinesa a Brasília.', "pt"),
        ("O presidente da câmara afirmou-se «preocupado» e convocou uma reunião para segunda-feira.", "pt"),
        ('The coach said he was "delighted" with the new training ground in Leeds.', "en"),
        ("The mayor described the budget talks as “encouraging” on Tuesday.", "en"),
    ],
)
def test_a_feeling_quoted_after_a_verb_of_saying_is_the_sources(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [
        # the writer's own feeling, unquoted, or a quote that no verb of saying reports
        ("Estou muito feliz com a visita.", "pt", 1),
        ('O ministro está "muito feliz" com o acordo.', "pt", 1),
        ('What a "delightful" mess this launch has been.', "en", 1),
        # a quote longer than a feeling: a statement of the source, read as written
        ('O treinador disse: "foi uma vitória muito bonita do grupo inteiro".', "pt", 1),
    ],
)
def test_a_feeling_not_quoted_from_a_source_still_counts(text, language, sign):
    assert read(text, language).total * sign > 0


@pytest.mark.parametrize(
    ("text", "register"),
    [
        ("Officials warned on Tuesday that the new rules could delay shipments.", "news"),
        ("The minister said the talks would resume in Geneva.", "news"),
        ("I bought this phone and I recommend it.", "review"),
        ("The weather looks grey today.", None),
    ],
)
def test_english_registers(text, register):
    assert register_of(text, "en") == register


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # one word of warning or risk in a report is no bad news (news thresholds, as in Portuguese)
        ("Officials warned on Monday that the storm could reach the coast by Friday.", "Neutral"),
        ("The ministry warned on Thursday that the bridge will close for repairs in May.", "Neutral"),
        # bad news told in a report still is
        ("Officials said on Monday that 40 people died in the floods.", "Negative"),
        # not a report: English's own thresholds
        ("I was warned about the battery.", "Negative"),
    ],
)
def test_english_news_thresholds(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dez dias para religarem a água.", "pt"),
        ("Três semanas para instalarem a fibra em casa.", "pt"),
        ("Two weeks to fix a leaking pipe.", "en"),
    ],
)
def test_a_span_of_time_before_what_it_took_is_a_complaint(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and text.split()[1] in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Parabéns à Vodafone. Três semanas para instalar a fibra.", "pt"),
        ("Great job, UPS. Package marked delivered, nothing at my door.", "en"),
    ],
)
def test_a_salute_before_a_delay_or_nothing_found_is_irony(text, language):
    label, _, explanation = sentiment(text, language)
    assert label == "Negative" and "ironic" in explanation


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O prazo é de 30 dias para entregar a declaração.", "pt"),
        ("Dois dias para o fim do prazo.", "pt"),
        ("You have 30 days to return the form.", "en"),
        ("Two weeks to the vote, and the polls are tied.", "en"),
    ],
)
def test_a_deadline_is_no_delay(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language", "sign"),
    [
        ("Refund issued on the 3rd, still nothing in my account.", "en", -1),
        ("Disseram que enviaram a encomenda e nada na minha caixa de correio.", "pt", -1),
    ],
)
def test_nothing_found_at_the_writers_place_is_a_complaint(text, language, sign):
    assert read(text, language).total * sign > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [("Nothing in the report was new.", "en"), ("Não há nada na agenda de hoje.", "pt")],
)
def test_nothing_elsewhere_is_no_complaint(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A auditoria vai decidir se houve fraude nas contas da empresa.", "pt"),
        ("Regulators are weighing whether to ban the pesticide next year.", "en"),
        ("Prosecutors accuse the company of fraud and negligence.", "en"),
        ("O Ministério Público acusa o ex-prefeito de corrupção.", "pt"),
    ],
)
def test_what_is_in_question_or_alleged_is_no_news(text, language):
    assert read(text, language).total == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the bad word before the question, or told as a fact, still counts
        ("A fraude foi confirmada, e a auditoria vai decidir se há mais casos.", "pt"),
        ("The ban was a disaster, whether you like it or not.", "en"),
        ("O acusado matou a vítima com uma faca.", "pt"),
        ("Se o produto quebrar, devolva.", "pt"),
    ],
)
def test_bad_news_told_as_a_fact_still_counts(text, language):
    assert read(text, language).total < 0


@pytest.mark.parametrize(
    ("text", "language", "total"),
    [
        ("O projeto foi um fracasso.", "pt", -1),
        ("A disputa entre as duas empresas pelo mercado de chips continua.", "pt", 0),
        ("A guerra comercial entre os dois países chegou aos carros elétricos.", "pt", 0),
        ("The trade war between the two countries entered its third year.", "en", 0),
        ("A reunião tratou do orçamento de 2027.", "pt", 0),
    ],
)
def test_lexicon_of_analysis(text, language, total):
    assert (read(text, language).total > 0) - (read(text, language).total < 0) == total


@pytest.mark.parametrize(
    ("text", "language"),
    [("A guerra matou milhares de civis.", "pt"), ("The war killed thousands.", "en")],
)
def test_a_war_is_still_a_war(text, language):
    assert read(text, language).total < 0


def test_being_treated_well_is_still_praise():
    assert dict(read("Fui muito bem tratado pela equipe do hotel.", "pt").cues)["'tratado'"] > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Temperatures could hit record highs across the region on Sunday.", "en"),
        ("O IPMA prevê calor recorde para o Alentejo na sexta-feira.", "pt"),
    ],
)
def test_a_record_of_the_weather_is_a_measure(text, language):
    explanation = read(text, language).explanation()
    assert "'record'" not in explanation and "'recorde'" not in explanation


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Ford reported record profits for the quarter.", "en", "'record'"),
        ("Coal output fell to a record low last year.", "en", "'record'"),
        ("A Petrobras teve lucro recorde no trimestre.", "pt", "'recorde'"),
    ],
)
def test_other_records_keep_their_valence(text, language, cue):
    assert dict(read(text, language).cues)[cue] > 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O treinador viaja para Madrid sem o lesionado Pedri.", "pt"),
        ("A equipa jogou sem os castigados e sem o avançado doente.", "pt"),
    ],
)
def test_without_the_named_thing_negates_no_quality(text, language):
    assert read(text, language).total <= 0


def test_without_a_bad_thing_is_still_good():
    assert read("Chegou sem nenhum defeito e sem atraso.", "pt").total > 0


@pytest.mark.parametrize(
    ("text", "register"),
    [
        ("É uma boa notícia para os hospitais: as obras terminam em março.", "news"),
        ("Os analistas esperam uma decisão em janeiro.", "news"),
        # a review that names a month stays a review
        ("Comprei em março e o produto é ótimo, recomendo.", "review"),
    ],
)
def test_months_analysts_and_news_mark_a_report(text, register):
    assert register_of(text, "pt") == register


def test_probe20_studied_paragraphs():
    # fixtures/sentiment/README.md, probe 20: 21 of 24 right after the fixes (9 before), 22 after probe 21's
    # ("é a decisão certa"); still wrong: the comparison "melhor que o anterior, mas ainda está caro" (Neutral
    # by probe 20's truth, Negative) and "The surge in demand".
    rows = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()]
    right = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() == row["label"]]
    assert len(right) >= 22, sorted(set(r["id"] for r in rows) - set(right))


# Found by probe 20's blind paragraphs (fixed after its one run).
@pytest.mark.parametrize(
    ("text", "language"),
    [("A nova lei das rendas é um retrocesso.", "pt"), ("O plano de vacinação foi um falhanço.", "pt")],
)
def test_verdicts_lexicon_lacked(text, language):
    assert sentiment(text, language)[0] == "Negative"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O governo evitou a greve dos médicos com um acordo de última hora.", "pt"),
        ("O ministro evitou comentar o caso.", "pt"),
        ("The union avoided a strike at the port.", "en"),
    ],
)
def test_what_a_report_says_was_avoided_is_its_topic(text, language):
    assert all(weight >= 0 for _, weight in read(text, language).cues)


@pytest.mark.parametrize(("text", "language"), [("Evitem esta loja.", "pt"), ("Avoid this seller.", "en")])
def test_a_warning_to_avoid_is_still_a_verdict(text, language):
    assert read(text, language).total < 0
