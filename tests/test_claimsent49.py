"""Claims and sentiment probe ``claimsent49`` (fixtures/claimsent49): claimsent48's misses and more of their kinds. For
sentiment, "Não vale o preço" / "o que custa" is a verdict of worth; a guarantee told after its clause ("..., garantiu o
ministro.") carries nothing; "offline" before a product's feature is no harm; a standing lost ("perdeu a liderança") is a
fall. For claims, a court's verdict is a detail (no opening hook); "Brasileirão" is no future verb. Each is tested here
on other sentences, with guards.

Every expected outcome here was written before the plugins read the sentence.
"""

from __future__ import annotations

import pytest

from fixtures.claimsent32.score import wrong_sentences
from plugins.claims import ClaimAnnotator
from server.analysis import AnalyzedText
from tests.test_claimsent27 import rows
from tests.test_claimsent32 import claim_reading, wrong_sentiment
from tests.test_news_probe7 import assert_claims_found
from tests.test_sentiment import sentiment

PROBE = "claimsent49"

# ------------------------------------------------------------------ sentiment


@pytest.mark.parametrize(("text", "label"), [
    ("Não vale o que paguei.", "Negative"),
    ("Não vale o preço que cobram.", "Negative"),
    ("Ganhei um vale de R$ 50 na compra.", "Neutral"),  # a voucher
])
def test_the_price_is_an_object_of_worth(text, label):
    assert sentiment(text, "pt")[0] == label


def test_a_guarantee_told_after_its_clause_carries_nothing():
    text = "Não haverá cortes nas pensões, garantiu a ministra."
    assert sentiment(text, "pt")[0] == "Neutral" and "garantiu" not in sentiment(text, "pt")[2]


def test_what_a_guarantee_secures_keeps_its_word():
    assert "garantiu" in sentiment("O Benfica garantiu a vitória nos descontos.", "pt")[2]


@pytest.mark.parametrize(("text", "label"), [
    ("The app now offers offline playback.", "Neutral"),
    ("The website went offline for six hours.", "Negative"),  # an outage
])
def test_offline_before_a_feature_is_no_harm(text, label):
    assert sentiment(text, "en")[0] == label


@pytest.mark.parametrize(("text", "label"), [
    ("O Porto perdeu a liderança da Liga.", "Negative"),
    ("O Porto não perdeu a liderança.", "Positive"),
])
def test_a_standing_lost_is_a_fall(text, label):
    assert sentiment(text, "pt")[0] == label


# ------------------------------------------------------------------ claims


@pytest.mark.parametrize(("text", "language"), [
    ("A jury convicted the former mayor of bribery.", "en"),
    ("O tribunal absolveu o autarca.", "pt"),
])
def test_a_courts_verdict_is_a_cue(text, language):
    assert "court's verdict" in claim_reading(text, language)[1]


def test_a_verdict_opening_a_story_is_no_hook():
    text = ("O Tribunal de Contas condenou o antigo presidente da junta de Valongo. Os juízes ouviram seis "
            "testemunhas. O antigo autarca não quis comentar.")
    [first, *_] = ClaimAnnotator().score(AnalyzedText(text, language_hint="pt"))
    assert "opening line" not in first.explanation


def test_the_brasileirao_is_no_plan():
    text = "O Flamengo venceu o Brasileirão de 2019 com o Gabigol e o Arrascaeta no ataque."
    assert "prediction or plan" not in claim_reading(text, "pt")[1]


# ------------------------------------------------------------------ the probe's texts (fixtures/claimsent49/README.md)

def test_the_studied_texts():
    # claimsent48 (c42ba71): sentiment 3 of 15, claims 13/16 at 13/14, sentences 1 of 7. Left open: m-s12 (closures
    # ruled unlawful), m-s18 and m-b07 (praise and complaint in no sentiment word), m-b14 and s05 (launch notes, Neutral
    # now "offline" is no harm), s04 ("cleared ... of all charges" praise), s06 ("saiu do G4"), s07 (rain that could
    # fall, no bad word); claims: m-s16's "Up to 10cm of snow could fall" (0.18), m-b07's residents' wait suggested.
    # Since claimsent50: s04 (an acquittal no praise), s06 ("saiu do G4" a place lost), s07 (a measured fall of rain a
    # danger) right, and m-s16's snow found (an amount of snow a figure however hedged); after claimsent50's blind run
    # m-b14 too ("The update is free for all existing users." a gift) and its sentence.
    assert wrong_sentiment("studied.jsonl", PROBE) == ["m-s12", "m-s18", "m-b07", "s05"]
    studied = {row["id"]: row for row in rows("studied.jsonl", PROBE)}
    left_open = {"m-b07": frozenset([studied["m-b07"]["not_claims"][0]])}
    for paragraph in studied.values():
        assert_claims_found(paragraph, left_open.get(paragraph["id"], frozenset()))
    wrong = [row["id"] for row in studied.values() for _ in wrong_sentences(row)]
    assert wrong == ["m-s18", "m-b07", "s05"]


def test_the_blind_texts():
    # run once on 433f847 (the set committed in 7a410a5 with the studied one, before any run): sentiment 5 of 11
    # (claimsent48's code 4), claims 6/6 at 6/7 (claimsent48 5/6 at 5/6), sentences 1 of 2 (the same).
    # Since claimsent50 (no longer blind): b02 ("Vale cada cêntimo." a verdict), b06 ("saiu do G6"), b07 (an acquittal
    # no praise), b08 ("at no extra cost" a gift), b10 (a measured fall of rain) right, and b05's "We have asked the
    # council four times ..." no longer suggested (the writer's counted contacts): sentiment 10 of 11, claims 6/6 at
    # 6/6, sentences 2 of 2. Left open: b11 (praise in no good word).
    assert wrong_sentiment("blind.jsonl", PROBE) == ["b11"]
    blind = {row["id"]: row for row in rows("blind.jsonl", PROBE)}
    for paragraph in blind.values():
        assert_claims_found(paragraph)
    assert [row["id"] for row in blind.values() for _ in wrong_sentences(row)] == []
