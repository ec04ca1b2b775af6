"""Claims probe ``s47-claims2`` (fixtures/s47-claims2): the cases s47-claims left (a transfer's opening line with no
date or figure, a decree's operative infinitive, a link title in a related-links box, a trend by a fraction on the
threshold) in new sentences, and transfer news, official gazettes, transport and city statistics and company press
releases. The studied set is pinned after the fixes, each rule is tested on other sentences with guards, and the blind
set as its one run measured it; every expected outcome was written before the plugin read the sentence. Also the cost
cut: the cues an index now passes by on a mark or a word find what they found.
"""

from __future__ import annotations

import pytest

from plugins.claims import ClaimAnnotator, CueIndex, cues_for
from server.analysis import AnalyzedText
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading
from tests.test_news_probe7 import assert_claims_found

PROBE = "s47-claims2"
STUDIED = rows("studied.jsonl", PROBE)
# s01's "O clube ainda não divulgou os valores." was suggested (0.55, "divulgou" read as a report though negated), left
# open here; s48-claims closed it (what a source has not disclosed, 0.04).
STUDIED_LEFT_OPEN: dict[str, frozenset[str]] = {}


@pytest.mark.parametrize("paragraph", STUDIED, ids=[row["id"] for row in STUDIED])
def test_the_studied_texts(paragraph):
    assert_claims_found(paragraph, STUDIED_LEFT_OPEN.get(paragraph["id"], frozenset()))


def opening_reading(sentence: str, language: str) -> str:
    rest = " O resto vem depois. E mais uma frase." if language == "pt" else " The rest follows. And one more."
    return ClaimAnnotator().score(AnalyzedText(sentence + rest, language_hint=language))[0].explanation


# ------------------------------------------------------------------ a signing or an acquisition in an opening line

@pytest.mark.parametrize(("sentence", "language", "hook"), [
    ("O Vasco acertou a contratação do lateral chileno Pablo Soto.", "pt", False),
    ("Leeds have completed the signing of Brazilian striker Caio Lima.", "en", False),
    ("A Ambev concluiu a aquisição da cervejaria gaúcha Serra Alta.", "pt", False),
    ("O Vasco quer reforçar a defesa.", "pt", True),  # guard: no signing of anyone named
    ("Leeds have completed the signing of a new striker.", "en", True),  # guard: no name
])
def test_a_signing_of_a_named_party_is_no_hook(sentence, language, hook):
    assert ("opening line without a detail" in opening_reading(sentence, language)) is hook


# ------------------------------------------------------------------ a formal act's decision and formula

def units(text: str) -> list[tuple[str, float, str]]:
    return [(text[u.start:u.end], u.score, u.explanation)
            for u in ClaimAnnotator().score(AnalyzedText(text, language_hint="pt"))]


@pytest.mark.parametrize("decision", [
    "Nomear Roberto Lins Farias para o cargo de chefe de gabinete.",
    "Exonerar, a pedido, Marina Costa do cargo de assessora especial.",
    "Designar a servidora Helena Duarte para responder pela coordenação.",
])
def test_an_acts_infinitive_is_its_decision(decision):
    formula = "O PREFEITO MUNICIPAL, no uso de suas atribuições legais, RESOLVE:"
    [(_, formula_score, _), (unit, score, explanation)] = units(f"{formula} {decision}")
    assert unit == decision and score >= 0.5 and "a formal act's decision" in explanation
    assert formula_score < 0.5


@pytest.mark.parametrize("text", [
    "Nomear um novo técnico é a prioridade do clube neste momento.",  # an infinitive as a subject
    "Designar culpados não resolve o problema.",
])
def test_an_infinitive_as_a_subject_is_no_decision(text):
    _score, explanation = claim_reading(text, "pt")
    assert "a formal act's decision" not in explanation, explanation


def test_a_pt_pt_orders_formula_is_parted_and_no_claim():
    formula = "Nos termos do artigo 7.º do Decreto-Lei n.º 12/2015, determino o seguinte:"
    decision = "É nomeada vogal do conselho diretivo a licenciada Inês Sousa, com efeitos a 1 de março de 2027."
    [(first, formula_score, _), (second, score, explanation)] = units(f"{formula} {decision}")
    assert (first, second) == (formula, decision)
    assert formula_score < 0.5 and score >= 0.5 and "a formal act's decision" in explanation


def test_a_quoted_following_stays_one_unit():
    text = "O ministro disse o seguinte: a obra termina em 2027."
    assert [unit for unit, _, _ in units(text)] == [text]


# ------------------------------------------------------------------ a change by a fraction

@pytest.mark.parametrize(("text", "language"), [
    ("Journey times across the city centre have fallen by a quarter.", "en"),  # claims46's s16, 0.50 before
    ("Waiting lists have grown by nearly a third.", "en"),
    ("O desemprego na cidade caiu pela metade.", "pt"),
])
def test_a_change_by_a_fraction_is_a_proportion(text, language):
    score, explanation = claim_reading(text, language)
    assert score >= 0.55 and "proportion" in explanation, explanation


def test_a_quarter_of_a_year_is_no_proportion():
    _score, explanation = claim_reading("Revenue grew in the third quarter of the year.", "en")
    assert "proportion" not in explanation, explanation


# ------------------------------------------------------------------ a line that is only a link

def test_a_link_line_is_navigation():
    text = ("O Braga venceu o Estoril por 2-0 no sábado.\n\n### Leia também\n\n"
            "- [Ricardo Horta renova contrato até 2029](/noticias/horta-renova)\n- [Sub-23 vencem](/noticias/sub23)")
    scored = {unit: (score, explanation) for unit, score, explanation in units(text)}
    score, explanation = scored["[Ricardo Horta renova contrato até 2029](/noticias/horta-renova)"]
    assert score < 0.5 and "a link to another page" in explanation
    assert scored["O Braga venceu o Estoril por 2-0 no sábado."][0] >= 0.5


def test_a_sentence_with_a_link_inside_is_no_link_line():
    text = "O clube anunciou a renovação de [Ricardo Horta](/plantel/horta) até 2029, com cláusula de 40 milhões."
    [(_, score, explanation)] = units(text)
    assert score >= 0.5 and "a link to another page" not in explanation


# ------------------------------------------------------------------ the cost cut: cues passed by on a mark or a word

@pytest.mark.parametrize(("text", "language", "cue"), [
    ("Who pays for the new bridge?", "en", "question"),
    ("What a night for the club!", "en", "exclamation"),
    ("The figures for 2025 are as follows:", "en", "heading"),
    ("Quem paga a conta é o contribuinte.", "pt", "generic subject"),
    ("If the plan fails, 300 jobs will go.", "en", "condition"),
    ("A obra fica pronta até ao fim do próximo ano.", "pt", "deadline"),
    ("The line will reopen by the end of next year.", "en", "deadline"),
])
def test_the_gated_cues_still_show(text, language, cue):
    _score, explanation = claim_reading(text, language)
    assert f"{cue} (" in explanation, explanation


def test_a_mark_gates_its_cues_only():
    index = cues_for("en")
    assert isinstance(index, CueIndex)
    names = {cue.name for cue in index.worth_finding("The council met on Monday.", frozenset("the council met on monday".split()))}
    assert names.isdisjoint({"question", "exclamation", "heading", "generic subject", "condition", "deadline"})
    names = {cue.name for cue in index.worth_finding("Why now?", frozenset({"why", "now"}))}
    assert "question" in names and "exclamation" not in names


# ------------------------------------------------------------------ the blind run (once, fixtures/s47-claims2/README.md)

BLIND = rows("blind.jsonl", PROBE)
# Measured at the one run on c98ec08c: recall 13/13, precision 12/12, boundaries off 1/12 (b06: "Cairn & Co. The
# combined business ..." one sentence, the shared splitter's abbreviation); the base c1d147dc: 12/13 at 11/11, 2/11 off.


@pytest.mark.parametrize("paragraph", BLIND, ids=[row["id"] for row in BLIND])
def test_the_blind_texts_as_measured(paragraph):
    assert_claims_found(paragraph)


def test_a_name_in_a_futures_ending_is_no_plan():
    # s47-userpass2's walk: "Mineirão" (a stadium) read as a verb's future ("-irão"), a plan; the plan cue now reads
    # the unit without its capitalised names, as the other verb cues do, and "ir"'s own future is a word of it.
    score, explanation = claim_reading("O clássico no Mineirão reuniu 60 mil torcedores no domingo.", "pt")
    assert "prediction or plan" not in explanation and score > 0.9
    assert "prediction or plan (irão)" in claim_reading("Os jogadores irão ao Mineirão no domingo.", "pt")[1]
    assert "prediction or plan (abrirá)" in claim_reading("A empresa abrirá 12 lojas em 2026.", "pt")[1]
