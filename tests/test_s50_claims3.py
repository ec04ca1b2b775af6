"""Claims ``s50-claims3``: s50-claims2's bare-group rule (``GROUP_REPORT``, -0.6) narrowed. A group named by an
official, investigative, scientific, medical or expert role (``_ASKABLE_ROLES``) reports a finding a fact-checker can
attribute and query ("Researchers said the drug was effective in trials"), so it is not "a group no one can ask";
interested parties' opinion reports ("Landlords say ...", "Comerciantes dizem ...") still are. New sentences written
for this round, with guards for s50-claims2's cases.
"""

from __future__ import annotations

import pytest

from tests.test_claimsent32 import claim_reading

GROUP_REPORT = "report of a group no one can ask"


@pytest.mark.parametrize(("sentence", "language"), [
    ("Researchers said the drug was effective in trials.", "en"),
    ("Scientists said the vaccine was safe.", "en"),
    ("Engineers said the dam was structurally sound.", "en"),
    ("Inspectors said the kitchen was unsafe.", "en"),
    ("Médicos disseram que o tratamento é eficaz.", "pt"),
])
def test_a_finding_reported_by_a_role_is_a_claim(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and GROUP_REPORT not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Doctors say the new drug is safe for children.", "en"),
    ("Experts say the bridge is unsafe.", "en"),
    ("Especialistas dizem que a água é potável.", "pt"),
])
def test_a_role_is_never_a_group_no_one_can_ask(sentence, language):
    # present-tense reports stay under the threshold for other reasons (0.43); only the group cue is asserted
    _score, explanation = claim_reading(sentence, language)
    assert GROUP_REPORT not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Officials said the bridge would stay closed.", "en"),  # already a definite body (_OFFICIAL_BODIES)
    ("Investigators said the fire started in the kitchen.", "en"),
])
def test_official_bodies_stay_claims(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score >= 0.5 and GROUP_REPORT not in explanation, explanation


@pytest.mark.parametrize(("sentence", "language"), [
    ("Fans said the referee was biased.", "en"),
    ("Hoteliers say the season has been disappointing.", "en"),
    ("Road safety charities said the sentence was too lenient.", "en"),  # s50-claims2's case
    ("Landlords say rising costs leave them little choice.", "en"),  # s50-claims2's case
    ("Comerciantes dizem que o movimento está fraco.", "pt"),
])
def test_interested_parties_opinion_stays_a_group_report(sentence, language):
    score, explanation = claim_reading(sentence, language)
    assert score < 0.5 and GROUP_REPORT + " (" in explanation, explanation
