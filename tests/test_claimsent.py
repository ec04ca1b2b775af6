"""Claims and sentiment probe ``claimsent`` (fixtures/claimsent): the misses noticed after session 22's probes,
then the studied texts' truths and the rules they led to, each on other sentences with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plugins.claims import ClaimAnnotator
from plugins.sentiment import read
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "claimsent"
CONCERT = ("A Orquestra Jovem de Minas apresenta as Bachianas Brasileiras nº 4 e nº 5 no domingo, 16 de março, "
           "às 11h. A regência é da maestra Ana Paula Lins.")


def unit_explanations(text: str, language: str) -> str:
    """Every unit's explanation, suggested or not, joined."""
    return " | ".join(unit.explanation for unit in ClaimAnnotator().score(AnalyzedText(text, language_hint=language)))


# ------------------------------------------------------------------ claims: the misses noticed in session 22

def test_a_counted_voting_record_is_a_claim():
    sentence = "My opponent voted against rent controls four times."
    assert list(claims(sentence, "en")) == [sentence]


def test_a_notice_of_a_meeting_on_a_day_and_hour_is_a_claim():
    sentence = "A reunião de pais será no sábado, às 9h, no auditório."
    assert list(claims(sentence, "pt")) == [sentence]


@pytest.mark.parametrize(("text", "language", "claim"), [
    ("[00:01:14] MIGUEL: O Governo aprovou ontem o orçamento.", "pt", "O Governo aprovou ontem o orçamento."),
    ("[00:02:40] HOST: The council approved 4,200 new homes last year.", "en",
     "The council approved 4,200 new homes last year."),
])
def test_a_speaker_label_after_a_timestamp_is_cut_from_the_claim(text, language, claim):
    assert list(claims(text, language)) == [claim]


def test_a_courtesy_is_no_checkable_action():
    assert claims("The Mayor thanked staff for their hard work.", "en") == {}


def test_a_works_catalogue_number_is_no_quantity():
    assert "quantity (4)" not in unit_explanations(CONCERT, "pt")


# ------------------------------------------------------------------ sentiment: the misses noticed in session 22

@pytest.mark.parametrize(("text", "language", "label"), [
    ("O défice comercial voltou a agravar-se em setembro e atingiu 2,1 mil milhões de euros, um valor que devia "
     "preocupar o Governo, dizem os economistas.", "pt", "Negative"),
    ("Os números do desemprego devem preocupar Bruxelas.", "pt", "Negative"),
    ("Independent testers say early results show performance 13% lower than promised.", "en", "Negative"),
    ("Independent testers say the new chip's benchmarks are leaking ahead of launch, and early results show "
     "performance 13% lower than the company claimed.", "en", "Negative"),
    ("Applicants who lost the form can request a fresh copy at the town hall until Friday. The deadline for the "
     "housing grant is March 31.", "en", "Neutral"),
    ("Hundreds of customers reported outages on the carrier's network on Friday, with calls and data down for up "
     "to six hours in some regions.", "en", "Negative"),
    ("The service was down for six hours on Monday.", "en", "Negative"),
    ("Você vê, um posto de saúde no interior do Amazonas às vezes nem tem aparelho de raio-X funcionando, quanto "
     "mais internet para mandar a imagem para a nuvem. De que adianta o algoritmo?", "pt", "Negative"),
    ("Paguei caro no plano. De que adianta ter 5G se não pega dentro de casa?", "pt", "Negative"),
    ("Watching the #LoveIsland final tonight with my sister.", "en", "Neutral"),
])
def test_the_sentiment_misses_noticed_in_session_22(text, language, label):
    assert sentiment(text, language)[0] == label


# ------------------------------------------------------------------ claims: the rules, on other sentences

def explanation(sentence: str, language: str) -> str:
    """The one suggested claim's explanation: the whole sentence is suggested."""
    return claims(sentence, language)[sentence]


@pytest.mark.parametrize(("text", "language", "claim"), [
    # a recording's timestamp, with or without a speaker after it, in capitals or not
    ("(01:02:03) Ana Ribeiro: A câmara aprovou 12 novas creches em 2025.", "pt",
     "A câmara aprovou 12 novas creches em 2025."),
    ("00:41 The minister resigned on Tuesday after 14 months in office.", "en",
     "The minister resigned on Tuesday after 14 months in office."),
    # a press release's or a wire story's dateline
    ("PORTO, 2 de dezembro de 2026 — A Sonae vendeu 40 lojas no ano passado.", "pt",
     "A Sonae vendeu 40 lojas no ano passado."),
    ("NEW YORK (AP) — Exxon cut 2,000 jobs in 2024.", "en", "Exxon cut 2,000 jobs in 2024."),
    ("BERLIN, Nov 3 (Reuters) - Siemens sold its stake for $1.2 billion.", "en",
     "Siemens sold its stake for $1.2 billion."),
])
def test_a_timestamp_and_a_dateline_are_cut_from_the_claim(text, language, claim):
    assert list(claims(text, language)) == [claim]


def test_a_place_before_a_dash_without_a_date_stays_in_the_sentence():
    text = "Portugal — o país exportou 90 mil toneladas de pera em 2024."
    assert list(claims(text, "pt")) == [text]


@pytest.mark.parametrize(("sentence", "language"), [
    ("The senator praised the firefighters for their courage.", "en"),
    ("O presidente da câmara agradeceu aos voluntários.", "pt"),
    ("A ministra cumprimentou os atletas no aeroporto.", "pt"),
    # the speaker's feelings, reported or not
    ("We are delighted to welcome our new partners, said the chief executive, Anna Berg.", "en"),
    ("Estamos muito satisfeitos com o resultado, afirmou o presidente, João Matos.", "pt"),
    # "cut" as an infinitive and as a noun
    ("The government needs to cut the deficit.", "en"),
    ("Bypass secateurs, 20 mm cut", "en"),
    # a multiple and a span of time are no counted action
    ("Two years later, nobody remembers the scandal.", "en"),
])
def test_courtesies_feelings_and_other_non_events_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language", "cue"), [
    # a courtesy with a number is still a claim
    ("The mayor thanked the 300 volunteers who cleaned the beach on Sunday.", "en", "quantity (300)"),
    # a feeling with a figure in it
    ("We are proud that 3 million people used the app in 2025, said the founder, Rita Gomes.", "en", "quantity (3)"),
    # a count of how often, or of who acted
    ("The council raised parking fees three times.", "en", "counted action"),
    ("O clube venceu duas vezes o campeonato.", "pt", "counted action"),
    ("Cinco deputados votaram contra a proposta.", "pt", "counted action"),
    ("Dozens of families left the village.", "en", "counted action"),
    ("The bank cut its rates twice.", "en", "counted action"),
    # a span between two years is a period
    ("Rents doubled between 2015 and 2024.", "en", "date or period (between 2015)"),
    ("As rendas subiram 40% entre 2019 e 2023.", "pt", "date or period (entre 2019)"),
    # an event on a day, and a plan from a start date
    ("The hearing will be held on March 3 at the county court.", "en", "event on a day"),
    ("A assembleia geral será na quinta-feira.", "pt", "event on a day"),
    ("Os autocarros vão passar de 15 em 15 minutos a partir de segunda-feira.", "pt", "plan on a schedule"),
    ("The new fares will apply to 40 routes starting Monday.", "en", "plan on a schedule"),
])
def test_counted_actions_periods_and_schedules_are_claims(sentence, language, cue):
    assert cue in explanation(sentence, language)


@pytest.mark.parametrize(("sentence", "language"), [
    # guards: a multiple is a comparison, not a count; "twice as" neither; a plan with no day stays speculation
    ("Rents are three times higher than in 2010.", "en"),
    ("It costs twice as much.", "en"),
    ("O governo vai aumentar os impostos.", "pt"),
    ("The company will hire 40 people.", "en"),
    # a time of day alone is still a timetable
    ("Missas às 7h e às 9h.", "pt"),
])
def test_what_the_rules_leave_alone(sentence, language):
    explained = unit_explanations(sentence, language)
    assert "counted action" not in explained and "plan on a schedule" not in explained


# ------------------------------------------------------------------ sentiment: the rules, on other texts

@pytest.mark.parametrize(("text", "language", "label"), [
    # a concern, as "preocupante" is; "amar" in its other persons; its reflexive is caring, no concern
    ("Este número devia preocupar Bruxelas.", "pt", "Negative"),
    ("A queda das exportações preocupa os investidores.", "pt", "Negative"),
    ("Livro indicado para quem se preocupa com a saúde.", "pt", "Neutral"),
    # a question of what use something is
    ("De que serve um seguro se ninguém atende o telefone?", "pt", "Negative"),
    ("What good is a warranty if nobody answers the phone?", "en", "Negative"),
    ("What's the point of paying for premium delivery?", "en", "Negative"),
    # falling short of a promise
    ("The battery life is far shorter than advertised.", "en", "Negative"),
    ("A autonomia ficou muito menor do que a prometida.", "pt", "Negative"),
    # an outage with no supply named, and a service off the air
    ("The bank's app was down for two days.", "en", "Negative"),
    ("O site da receita ficou fora do ar.", "pt", "Negative"),
    # a grant is a transaction; a notice's addressees are its condition
    ("Passengers whose flights were cancelled can claim a refund at the desk.", "en", "Neutral"),
    ("Quem perdeu o prazo pode pedir uma nova data na secretaria.", "pt", "Neutral"),
    # a show's tag after an article is its name
    ("Who else is watching the #HappyValley finale tonight?", "en", "Neutral"),
])
def test_concerns_pointless_questions_shortfalls_outages_notices_and_named_tags(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("text", "language", "label"), [
    # guards: a concern that fell is good news; a question of use that asks; a surplus over a promise; a cost below
    # it; a figure down; addressees before a negated modal still complain; a tag as the writer's comment
    ("Para que serve este botão?", "pt", "Neutral"),
    ("Better than advertised, and the battery lasts two days.", "en", "Positive"),
    ("Shares were down 3% on Friday.", "en", "Neutral"),
    ("Stocks were down for the week.", "en", "Neutral"),
    ("Customers who lost their bags can't get an answer from the airline.", "en", "Negative"),
    ("Finished my first marathon today #SoProud", "en", "Positive"),
])
def test_what_those_rules_leave_alone(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("text", "language", "sign"), [
    # the words' reading, whatever the register's thresholds make of one cue (a review's praise threshold is 0.75,
    # a report's 0.45 either way): "amar" praises, an outage named in a report is bad, a fall of a concern is good,
    # and a cost below a promise no let-down
    ("As crianças amaram o presente.", "pt", 1),
    ("Passengers reported outages on the ticketing system all morning.", "en", -1),
    ("A preocupação com a inflação diminuiu.", "pt", 1),
    ("O preço final ficou abaixo do prometido.", "pt", 1),
])
def test_the_readings_behind_the_rules(text, language, sign):
    assert read(text, language).total * sign > 0


def test_a_grant_is_no_praise():
    assert read("The deadline for the housing grant is March 31.", "en").total == 0.0


def test_the_studied_texts():
    # fixtures/claimsent/README.md: claims 15 -> 19 of 19 (precision 15/16 -> 19/19), sentiment 9 -> 10 of 10
    rows = [json.loads(line) for line in (PROBE / "sentiment.jsonl").read_text(encoding="utf-8").splitlines()]
    wrong = [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]
    assert wrong == []
    paragraphs = [json.loads(line) for line in (PROBE / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    for paragraph in paragraphs:
        assert_claims_found(paragraph)


# ------------------------------------------------------------------ found by the blind texts (fixed after their one run)

@pytest.mark.parametrize(("sentence", "language"), [
    # above or below a figure is a comparison
    ("Os salários da função pública continuam abaixo dos níveis de 2010.", "pt"),
    ("As temperaturas ficaram acima de 40 graus durante três dias.", "pt"),
])
def test_above_or_below_a_mark_is_a_comparison(sentence, language):
    assert "comparison or trend (a" in unit_explanations(sentence, language)


def test_the_writers_bet_is_no_claim():
    assert claims("Eu não apostaria em dólar abaixo de R$ 5 tão cedo.", "pt") == {}


@pytest.mark.parametrize(("text", "language"), [
    # a count of harm with its qualifier before it, cut or reduced, is good news
    ("The new vaccine cut malaria cases by 75% in the trial.", "en"),
    ("The program reduced dengue infections by half.", "en"),
])
def test_a_qualified_count_of_harm_cut_is_good_news(text, language):
    assert "falling" in sentiment(text, language)[2]


def test_a_cut_of_what_is_no_harm_stays_bad_news():
    assert read("The firm cut 2,300 jobs.", "en").total < 0


def test_the_blind_texts():
    # run once on aa6cda7: claims recall 6/7 at 6/6 (b1's "continuam acima dos seis meses" missed), sentiment 5 of 6
    # (x6: "cut malaria cases"); 7/7 at 7/7 and 6 of 6 after the two fixes above
    rows = [json.loads(line) for line in (PROBE / "blind_sentiment.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows if sentiment(row["text"], row["lang"])[0].lower() != row["label"]] == []
    for paragraph in (json.loads(line) for line in (PROBE / "blind_claims.jsonl").read_text(encoding="utf-8")
                      .splitlines()):
        assert_claims_found(paragraph)
