"""Sentiment probe ``s47-sentiment`` (fixtures/s47-sentiment): issue 4's carried cases in new words and the kinds least
probed (app store and hotel reviews, delivery complaints, forum replies, tweets with emoji). LeIA's "lindamente" is
praise; thanks asked in advance ("I would appreciate a refund", "Agradeço se puderem resolver") are a request's courtesy;
a thing made to be opened that "não abre" is a fault; "paper thin" walls or fabric and "bolor" are faults; a rough act
done to the writer's parcel is a complaint. Every expected outcome of the probe's sets was written before the plugin
read the text.
"""

from __future__ import annotations

import pytest

from plugins.sentiment import charge_rough_handling, drop_requested_thanks, opening_thing, portuguese_lexicon
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s47-sentiment"


def test_lindamente_is_praise():
    assert portuguese_lexicon()["lindamente"] > 0


@pytest.mark.parametrize(("words", "language", "kept"), [
    ("i would appreciate a refund".split(), "en", False),
    ("i'd be grateful if you could look into it".split(), "en", False),
    ("we would really appreciate any advice".split(), "en", False),
    ("i really appreciate your help".split(), "en", True),  # thanks given, not asked
    ("agradeco se puderem resolver".split(), "pt", False),
    ("agradeco que a situacao seja corrigida".split(), "pt", False),
    ("ficaria grata se me respondessem".split(), "pt", False),
    ("fico muito grato pela ajuda".split(), "pt", True),
])
def test_thanks_asked_in_advance_carry_nothing(words, language, kept):
    thanking = next(i for i, word in enumerate(words) if word in {"appreciate", "grateful", "agradeco", "grata", "grato"})
    valences = [0.0] * len(words)
    valences[thanking] = 1.7
    drop_requested_thanks(words, valences, language)
    assert (valences[thanking] > 0) is kept


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Hi, I would appreciate a refund, as the headphones I ordered three weeks ago never arrived.", "en", "Negative"),
    ("I would appreciate any advice on this.", "en", "Neutral"),  # a forum's request, no praise
    ("I really appreciate your help.", "en", "Positive"),
])
def test_a_polite_complaint_is_no_praise(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("sentence", "index", "fails"), [
    ("depois da atualizacao o app nao abre mais", 6, True),
    ("a tampa da marmita nao abre sem uma faca", 5, True),
    ("o site nao abre no celular", 3, True),
    ("a loja nao abre aos domingos", 3, False),  # a notice: a shop is no thing made to be opened
    ("o programa nao abre as inscricoes este ano", 3, False),  # an object: the programme opens something
])
def test_a_thing_that_does_not_open(sentence, index, fails):
    assert opening_thing(sentence.split(), index) is fails


@pytest.mark.parametrize(("text", "language", "label"), [
    ("Depois da atualização o app não abre mais, só aparece o logo e fecha.", "pt", "Negative"),
    ("A loja não abre aos domingos.", "pt", "Neutral"),
    ("Walls are paper thin, we could hear every word from the next room until 2am.", "en", "Negative"),
    ("O quarto tinha bolor no teto e o chuveiro não tinha pressão nenhuma.", "pt", "Negative"),
])
def test_faults_without_a_read_word_before(text, language, label):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("sentence", "language", "charged"), [
    ("driver threw my parcel over the fence".split(), "en", {1: 1}),
    ("o entregador jogou minha caixa no portao".split(), "pt", {2: 2}),
    ("my sister threw my birthday party".split(), "en", {}),  # no goods handled
    ("i just dumped my bags in the room".split(), "en", {}),  # the writer's own act
])
def test_rough_handling_of_the_writers_goods(sentence, language, charged):
    assert charge_rough_handling(sentence, [0.0] * len(sentence), language) == charged


# ------------------------------------------------------------------ the sets

# Before (main at 4e5d03f1): 15 of 25; wrong s01, s02 (LeIA's "lindamente" -1.2), s03 (Positive by "appreciate"), s05,
# s06 ("não abre"), s07, s08 ("paper thin"), s15 ("não" flipped "pressão", no "bolor"), s18 (a parcel thrown), s19.
# After: 22 of 25. Left: s01, s02 ("lindamente" now +2.7, but one praise word stays under the review threshold, 0.75,
# chosen on B2W's lukewarm reviews), s19 (a delivery "reagendada três vezes", a count of a passive act: no rule).
# s47-sentiment2 then read s19 (a delivery's passive reschedules counted, ``charge_repeated_reschedules``).
STUDIED_WRONG = ["s01", "s02"]


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (the set committed in e2172e54, written after the studied fixes): 7 of 12; main's code (4e5d03f1) 5 of 12.
# Gained b01 ("I'd be grateful if you could process my refund"), b02 ("A aplicação do banco não abre no meu telemóvel");
# nothing lost. Missed on both: b05 ("lençóis manchados", "foi grossa": no word LeIA reads), b07 (a pt-PT courier's false
# "ninguém estava em casa"), b08 (VADER's "restore" in instructions), b09 ("quebrando a cabeça", an idiom, read as harm
# over "valeu pela dica"), b12 ("o zíper ... não abre", the zipper seven words before: past OPENED_REACH).
# s47-sentiment2 took b05, b07, b08 and b09 as its leftovers (new words for them in its own studied set): b05, b07 and
# b08 are read since; b09 is Neutral ("quebrando a cabeça" carries nothing, "valeu pela dica" no word read); b12's
# zipper stands ten words before "não abre" (OPENED_REACH 9).
# s49-sentiment2 reads b12 ("emperrou": a wear verb by its lemma).
BLIND_WRONG = ["b09"]


def test_the_blind_set_as_read_now():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
