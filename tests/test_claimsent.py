"""Claims and sentiment probe ``claimsent`` (fixtures/claimsent): the misses noticed after session 22's probes,
then the studied texts' truths and the rules they led to, each on other sentences with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_sentiment import sentiment

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
