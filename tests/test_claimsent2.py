"""Claims and sentiment probe ``claimsent2`` (fixtures/claimsent2): the misses noticed by earlier probes, then the
studied texts' truths and the rules they led to, each on other sentences with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import _scored, main
from plugins.claims import ClaimAnnotator
from plugins.sentiment import read
from server.analysis import AnalyzedText
from tests.test_claims import claims
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = Path(__file__).parent.parent / "fixtures" / "claimsent2"


def unit_explanations(text: str, language: str) -> str:
    """Every unit's explanation, suggested or not, joined."""
    return " | ".join(unit.explanation for unit in ClaimAnnotator().score(AnalyzedText(text, language_hint=language)))


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (PROBE / name).read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------ claims: a customer's experience, a rating

@pytest.mark.parametrize(("sentence", "language"), [
    ("I returned it twice and the second one also stopped charging after 3 days.", "en"),
    ("Ordered them three times, and every time one arrived broken.", "en"),
    ("I have exchanged it 2 times already and the screen still flickers.", "en"),
    ("Troquei duas vezes e o terceiro também veio com defeito.", "pt"),
    ("Comprei 3 unidades e duas chegaram amassadas.", "pt"),
    ("4 out of 5 stars.", "en"),
    ("Dei 2 estrelas porque demorou 10 dias para chegar.", "pt"),
    ("Nota 7 de 10, mas podia ser mais barato.", "pt"),
])
def test_a_customers_own_dealings_and_ratings_are_no_claims(sentence, language):
    assert claims(sentence, language) == {}


@pytest.mark.parametrize(("sentence", "language"), [
    # a campaign's "we", a product's specification, a reviewer's measured test, a count of people
    ("We bought 40 electric buses in 2024.", "en"),
    ("The X5 weighs 198 grams and costs $799.", "en"),
    ("A prefeitura comprou 120 ambulâncias em 2025.", "pt"),
    ("Seven out of 10 voters backed the plan in March.", "en"),
])
def test_purchases_of_others_and_specifications_stay_claims(sentence, language):
    assert list(claims(sentence, language)) == [sentence]


# ------------------------------------------------------------------ claims: changes, cuts, institutions, vocatives

@pytest.mark.parametrize(("sentence", "language"), [
    ("Everything changed after the pandemic.", "en"),
    ("A lot has changed since then.", "en"),
    ("Muita coisa mudou desde então.", "pt"),
])
def test_things_that_just_changed_are_no_action(sentence, language):
    assert "action" not in unit_explanations(sentence, language)


@pytest.mark.parametrize(("sentence", "language"), [
    ("The board changed its bonus rules in 2023.", "en"),
    ("A empresa mudou a sede para Braga em 2021.", "pt"),
    ("A empresa mudou-se para Lisboa em 2020.", "pt"),
])
def test_a_change_of_something_is_an_action(sentence, language):
    assert "action (" in unit_explanations(sentence, language)


@pytest.mark.parametrize(("sentence", "language"), [
    ("Councillor Hughes voted against the school budget three times.", "en"),
    ("They cut bus fares twice in 2023.", "en"),
])
def test_a_counted_act_of_a_named_or_stated_actor_is_a_claim(sentence, language):
    assert "counted action" in claims(sentence, language)[sentence]


def test_a_courtesy_is_still_no_claim():
    assert claims("The Governor thanked firefighters for their courage.", "en") == {}


@pytest.mark.parametrize(("sentence", "institution"), [
    ("The county court fined the landlord last week.", "The county court"),
    ("The federal government sold its stake in March.", "The federal government"),
])
def test_an_institution_with_a_word_before_it_is_definite(sentence, institution):
    assert f"definite institution ({institution})" in unit_explanations(sentence, "en")


@pytest.mark.parametrize(("sentence", "language"), [
    ("A nova lei proíbe celulares em 300 escolas.", "pt"),
    ("The new rule allows drivers 15 minutes of free parking.", "en"),
])
def test_what_a_rule_allows_or_bans_is_an_action(sentence, language):
    assert "action (" in unit_explanations(sentence, language)


@pytest.mark.parametrize(("text", "language", "claim"), [
    ("Pessoal, a ponte da BR-101 foi interditada às 6h.", "pt", "a ponte da BR-101 foi interditada às 6h."),
    ("Folks, the council closed 3 libraries in 2024.", "en", "the council closed 3 libraries in 2024."),
])
def test_a_posts_call_to_its_readers_is_cut_from_the_claim(text, language, claim):
    assert list(claims(text, language)) == [claim]


# ------------------------------------------------------------------ sentiment: heating, faint praise, tags, words

@pytest.mark.parametrize(("text", "sign"), [
    ("Esquenta rápido", 1),
    ("O forno aquece rapidinho.", 1),
    # guards: overheating, and a heating that is not quick
    ("O celular esquenta muito.", -1),
    ("Não esquenta rápido.", -1),
])
def test_quick_heating_is_an_appliance_doing_its_job(text, sign):
    assert read(text, "pt").total * sign > 0


@pytest.mark.parametrize(("text", "label"), [
    ("Decent headphones, sound is fine, a bit tight on the head.", "Neutral"),
    ("The sound is okay, though the case feels flimsy.", "Neutral"),
    # guards: faint praise alone, and strong praise with a reservation
    ("Works fine, arrived on time.", "Positive"),
    ("Great speaker, but the app is clunky.", "Positive"),
])
def test_faint_praise_with_a_reservation_is_lukewarm(text, label):
    found = sentiment(text, "en")
    assert found[0] == label
    # since probe claimsent3, "sound is fine," is also a lukewarm verdict, which the note names first
    assert ("faint praise with a reservation" in found[2] or "lukewarm" in found[2]) == (label == "Neutral")


def test_the_threshold_search_raises_lukewarm_texts_as_the_annotator_does(tmp_path, capsys):
    texts = [{"text": "Produto mediano, nada de especial.", "label": "neutral"},
             {"text": "Produto excelente, chegou antes do prazo.", "label": "positive"}]
    assert [lukewarm for *_, (lukewarm, _) in _scored(texts, "pt")] == [True, False]
    faint = [{"text": "Bass is okay, but the app is clunky.", "label": "neutral"}]
    assert _scored(faint, "en")[0][3][0] is True
    # and the whole search runs with that flag
    b2w = tmp_path / "sentiment" / "b2w-polarity-balanced-test.jsonl"
    b2w.parent.mkdir()
    reviews = [*texts, {"text": "Chegou rápido, bom, nada de especial.", "label": "neutral"},
               {"text": "Veio quebrado, péssimo.", "label": "negative"}]
    b2w.write_text("".join(json.dumps({"id": str(i), **review}) + "\n" for i, review in enumerate(reviews * 4)),
                   encoding="utf-8")
    main([str(tmp_path), "--tune-sentiment"])
    printed = capsys.readouterr().out
    assert "pt:" in printed and "pt-news:" in printed and "en:" in printed


@pytest.mark.parametrize(("text", "label"), [
    ("#LoveIsland is back tonight!", "Neutral"),
    ("#StrangerThings returns on Friday.", "Neutral"),
    # guard: a tag as the writer's comment
    ("#SoProud of my team", "Positive"),
])
def test_a_tag_that_is_a_sentences_subject_is_a_name(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(("text", "sign"), [
    ("Cansei dessa operadora.", -1),
    ("Essa série não cansa de surpreender.", 1),
])
def test_weariness(text, sign):
    assert read(text, "pt").total * sign > 0


def test_every_cents_worth_is_strong_praise():
    assert read("Vale cada centavo.", "pt").total > read("Valeu a espera.", "pt").total > 0


# ------------------------------------------------------------------ the studied texts

def test_the_studied_texts():
    # fixtures/claimsent2/README.md: claims recall 8 -> 11 of 12, precision 8/10 -> 11/11; sentiment 9 -> 12 of 12
    studied = rows("studied.jsonl")
    assert [row["id"] for row in studied if sentiment(row["text"], row["lang"])[0].lower() != row["label"]] == []
    # sp1's count then and now, left open here, is found since probe claimsent3
    for paragraph in studied:
        assert_claims_found(paragraph)


# ------------------------------------------------------------------ the blind texts, run once after the fixes

def test_the_blind_texts():
    # run once on 495f3b3 (fixtures/claimsent2/README.md): claims recall 5/5 at 5/6 (main 5/5 at 5/7), sentiment 4 of
    # 8 (main 4 of 8); the misses, left open, are listed there
    blind = rows("blind.jsonl")
    wrong = [row["id"] for row in blind if sentiment(row["text"], row["lang"])[0].lower() != row["label"]]
    # b3 ("the fit is fine") and b5 ("thanked", "records show") right since probe claimsent3, b4 ("a proposta que reduz
    # a tarifa") since probe claimsent30
    assert wrong == ["b8"]
    for paragraph in blind:
        assert_claims_found(paragraph)
