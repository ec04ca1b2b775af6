"""Claims probe 11 (fixtures/claims_probe11): the studied texts' claims as their truth says, and the rules the probe
led to (with the misses probe 10 noticed), each on other sentences with a guard that must not change.

The truth was written before the plugin read the texts;
``fixtures/claims_probe9/score.py fixtures/claims_probe11`` prints precision, recall
and boundaries.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_claims_probe10 import explanation
from tests.test_news_probe7 import assert_claims_found, studied_paragraphs

PARAGRAPHS = studied_paragraphs("claims_probe11")
# Left open by probe 11 (fixtures/claims_probe11/README.md) and found since probe claimsent: a count of votes in words,
# and a meeting on a day and an hour told in the future.
# p02's school notice of a date was a claim to this probe; claimsent53 and claims54 decided that an institution's notice
# to its own readers ("Informamos que ...", "Dear parents, please note that ...") is none (tests/test_claims54.py).
LEFT_OPEN: frozenset[str] = frozenset({"Informamos que as aulas do segundo semestre começam no dia 5 de agosto."})


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_claims_of_the_studied_texts(paragraph):
    assert_claims_found(paragraph, LEFT_OPEN)


@pytest.mark.parametrize(("text", "language", "claim"), [
    ("NARRADOR: O Governo aprovou ontem o orçamento.", "pt", "O Governo aprovou ontem o orçamento."),
    ("MODERATOR: Rents have gone up 38% since 2019.", "en", "Rents have gone up 38% since 2019."),
    ("O Sr. Ministro (Manuel Pizarro): — O SNS fez 2 milhões de consultas em 2024.", "pt",
     "O SNS fez 2 milhões de consultas em 2024."),
    ("A Sr.ª Deputada Inês Calado (PSD): — O Governo contratou 900 médicos.", "pt",
     "O Governo contratou 900 médicos."),
])
def test_a_claim_starts_after_the_speaker_label(text, language, claim):
    assert list(claims(text, language)) == [claim]


@pytest.mark.parametrize(("sentence", "language"), [
    # the label alone is no actor
    ("NARRADOR: A cidade acordou cedo.", "pt"),
    ("MODERATOR: The senator voted against the bill.", "en"),
    # a qualifier in -ed before a name and an acronym in -ed are no actions
    ("Adjusted EBITDA margin improved.", "en"),
    ("The Nova X2 has an OLED screen and a fast chip.", "en"),
    # a number after a sentence's first name is the name's
    ("Aria 5 is the best phone ever made.", "en"),
    # a single name that "has realised" is a figure of speech, as a listed place is
    ("America has realised that it cannot win alone.", "en"),
    # a case number, a page's timestamp and a timetable count nothing
    ("Hearing summary — Case No. 24-CV-1187", "en"),
    ("Publicado em 14/04/2026 às 10h02", "pt"),
    ("14 May, 2025, 07:00 GMT", "en"),
    ("Domingo de Páscoa: Missas às 7h, 9h30 e 18h.", "pt"),
    # a target without a number is an ambition
    ("Our goal is to be the best bank in the world.", "en"),
    # "may" before a verb still hedges
    ("The court may rule in June.", "en"),
])
def test_labels_qualifiers_names_figures_identifiers_timestamps_and_ambitions_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language", "cue"), [
    # a stated target with a number, and the speaker's pledge with a number but no date
    ("The government's target is 300,000 a year.", "en", "stated target with a number"),
    ("A meta do governo é vacinar 90% das crianças.", "pt", "stated target with a number"),
    ("We will build 300,000 homes a year.", "en", "the speaker's pledge with a number"),
    # an action at a time of day, a police report's or minutes'
    ("O suspeito foi detido cerca das 3h40.", "pt", "action at a time of day"),
    ("The ticket was valid until 14:32, and the notice was issued at 14:29.", "en", "action at a time of day"),
    # "May" before a day is the month; a full date with its year is a date
    ("The next hearing is set for May 6, 2025.", "en", "date or period (May 6, 2025)"),
    # an office-holder and an institution after an opening phrase act as definite institutions
    ("E o prefeito cancelou a campanha de vacinação semana passada.", "pt", "action of a definite institution"),
    ("On March 12, the court heard arguments on the motion.", "en", "action of a definite institution"),
    # guard: a quantifier before a count, a time taken, and an -ed verb after its subject
    ("Only 5 were found in the river.", "en", "quantity (5)"),
    ("Apenas 5 foram presos.", "pt", "quantity (5)"),
    ("He ran the second half in 1:02:10.", "en", "quantity (1)"),
    ("Adjusted EBITDA rose to $388 million in the quarter.", "en", "quantity ($388 million)"),
])
def test_targets_pledges_timed_actions_dates_and_office_holders_are_claims(sentence, language, cue):
    assert cue in explanation(sentence, language)


def test_a_qualifier_in_ed_is_no_action_but_its_measures_rise():
    found = explanation("Adjusted EBITDA rose to $388 million in the quarter.", "en")
    assert "action (adjusted)" not in found
    assert "comparison or trend (rose)" in found


def scored_explanation(sentence: str, language: str) -> str:
    """The explanation of the sentence's one unit, suggested or not."""
    [unit] = ClaimAnnotator().score(AnalyzedText(sentence, language_hint=language))
    return unit.explanation


def test_a_single_name_in_the_perfect_is_a_figure_but_a_group_of_people_is_not():
    assert "figure of speech" in scored_explanation("America has realised that it cannot win alone in 2026.", "en")
    assert "figure of speech" not in scored_explanation("Economists have realised that rates rose in 2025.", "en")
    # guard: scientists who discovered a number still state a claim
    assert "quantity (3)" in explanation("Scientists have discovered that the virus survives 3 days.", "en")
