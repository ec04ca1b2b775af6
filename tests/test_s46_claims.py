"""Claims probe ``s46-claims`` (fixtures/s46-claims): wire stories with datelines, transcripts with speaker labels, a
live blog, a fact-check, an abstract, the Diário Oficial, a crop report, crypto news, a job advert, an encyclopedia's
entry, an explainer in Q and A, and the cases session 45 left open in new sentences ("já entrega", a feature's "blocks
up to 98%", a contract "renovado até 2030" with no actor, the dateline and speaker-label convention). The studied set
is pinned as it stands after the fixes, with what was left open; each rule is tested on other sentences, with guards;
every expected outcome was written before the plugin read the sentence.
"""

from __future__ import annotations

import pytest

from plugins.claims import claim_content
from tests.test_claims import claimed, claims
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "s46-claims"
STUDIED = rows("studied.jsonl", PROBE)
# Left open after the fixes (fixtures/s46-claims/README.md): a club's "garantiu a continuidade" (an opening hook) read
# as an assurance, as "garantiu que" is. (The Diário Oficial's formula ending on a colon, s15, is its own unit since
# s47-claims' operative colon, and no longer inside the claim's span.)
STUDIED_LEFT_OPEN = {
    "s10": frozenset({"O FC Porto garantiu a continuidade de uma das suas maiores promessas."}),
}


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph, STUDIED_LEFT_OPEN.get(paragraph["id"], frozenset()))


# ------------------------------------------------------------------ the scorers' convention

@pytest.mark.parametrize(("sentence", "content"), [
    ("FRANKFURT (Reuters) - The ECB held rates.", "The ECB held rates."),
    ("São Paulo, 2 de dezembro de 2026 – A PagFácil atingiu 10 milhões de usuários.",
     "A PagFácil atingiu 10 milhões de usuários."),
    ("SECRETÁRIO: A rede realizou 1,2 milhão de consultas.", "A rede realizou 1,2 milhão de consultas."),
    ("21:30 Turnout reached 64%.", "Turnout reached 64%."),
    # no label: a source's acronym, a place before a dash without a date, a speaker in title case stay in the span
    ("ONU: 3 milhões de deslocados.", "ONU: 3 milhões de deslocados."),
    ("BRASÍLIA — O Senado aprovou o projeto.", "BRASÍLIA — O Senado aprovou o projeto."),
    ("Minister: We cut the list by 18%.", "Minister: We cut the list by 18%."),
])
def test_a_claims_content_is_what_follows_its_label_or_dateline(sentence, content):
    assert claim_content(sentence) == content


# ------------------------------------------------------------------ the rules

@pytest.mark.parametrize(("text", "language"), [
    # a contract, a lease or a concession renewed or extended to a year, in the passive with no actor
    ("O contrato com o autódromo foi renovado até 2030.", "pt"),
    ("A concessão da ponte foi prorrogada por mais cinco anos, até 2035.", "pt"),
    ("The café concession was renewed until 2029.", "en"),
    ("The deadline for the bids was extended to March 31, 2027.", "en"),
])
def test_a_term_renewed_to_a_date_is_a_claim(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.5 and "term renewed or extended to a date" in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # guards: a horizon, a renewal with no date, and a year that is no new end
    ("A seca deve durar até 2030.", "pt"),
    ("O programa foi estendido a todo o país.", "pt"),
    ("The lease, renewed in 2019, covers the whole site.", "en"),
])
def test_a_horizon_or_an_undated_renewal_is_no_term(text, language):
    _score, explanation = claim_reading(text, language)
    assert "term renewed" not in explanation, explanation


@pytest.mark.parametrize("text", [
    "3/ Enquanto isso, a Huawei já entrega o Ascend 910C para clientes chineses.",
    "A Embraer já entrega aviões para a United.",
    "A Petrobras já compra gás da Bolívia.",
])
def test_a_delivery_already_under_way_is_an_action(text):
    score, explanation = claim_reading(text, "pt")
    assert score >= 0.5 and ("action (entrega)" in explanation or "action (compra)" in explanation), explanation


def test_a_shops_delivery_line_is_still_no_action():
    _score, explanation = claim_reading("Entrega grátis para todo o Brasil.", "pt")
    assert "action" not in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # a feature's ceiling: the seller's selling point
    ("Noise cancellation blocks up to 98% of background noise.", "en"),
    ("The HEPA filter captures up to 99.97% of airborne particles.", "en"),
    ("O cancelamento de ruído bloqueia até 95% dos sons externos.", "pt"),
    ("O filtro retém até 99% das bactérias.", "pt"),
])
def test_a_features_ceiling_is_a_selling_point(text, language):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and "a product's specification" in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    # guards: a maker's figure reported as one, a study's finding
    ("Google says the earbuds block up to 95% of background noise.", "en"),
    ("The new mask blocks up to 90% of particles, a study found.", "en"),
    ("Segundo a Anvisa, o filtro retém até 99% das bactérias.", "pt"),
])
def test_a_reported_or_found_ceiling_stays_news(text, language):
    _score, explanation = claim_reading(text, language)
    assert "a product's specification" not in explanation, explanation


@pytest.mark.parametrize(("text", "language"), [
    ("A oposição promete recorrer ao Supremo, mas é difícil prever o desfecho.", "pt"),
    ("The party says it will appeal, but it is hard to predict the outcome.", "en"),
])
def test_hard_to_foresee_is_speculation(text, language):
    score, explanation = claim_reading(text, language)
    assert score < 0.5 and "speculative frame" in explanation, explanation


def test_where_a_role_is_based_is_no_action():
    _score, explanation = claim_reading(
        "The role is based in our Manchester office, with two days a week from home.", "en")
    assert "action" not in explanation, explanation


def test_a_company_based_somewhere_keeps_its_other_acts():
    text = "The company is based in London and employs 300 people."
    assert claimed(text, text, "en"), claims(text, "en")


# ------------------------------------------------------------------ the blind run (once, fixtures/s46-claims/README.md)

BLIND = rows("blind.jsonl", PROBE)
# Measured at the one run on b20d912: recall 6/9, precision 6/8 (main 4cf1acf's code the same under this convention).
# Missed: a wire story's first sentence after its dateline read as an opening hook (b01, 0.38: "hoje" and "para 2027"
# are no details) and the same for "A WEG já entrega ..." (b03, 0.38, the action found: 0.17 on main); a fact-check's
# verdict without a figure (b07, 0.29). Suggested wrong: a filter's "lasts up to 150 litres" (b04, 0.65: not a verb
# of the ceiling's list) and a job advert's "offers a salary of up to £52,000" (b08, 0.80). Fixed by s46-claims2
# (claims 0.5.50 still): b01, b03, b04 and b07 (a lede's day or year and a delivery under way are no hook, a
# fact-check's "falso que", a product's life "lasts up to"); b08 stays, its "offers" past the sentence's first words.
BLIND_LEFT_OPEN = {
    "b08": frozenset({"The post is based at St Mary's Hospital and offers a salary of up to £52,000."}),
}


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph, BLIND_LEFT_OPEN.get(paragraph["id"], frozenset()))
