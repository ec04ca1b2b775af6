"""Session 48 round 2, sentiment: s48-sentiment's noticed cases, in new sentences (none from the fixtures).

The pt-PT "desiludir" in the forms LeIA lacks, "direitinho", "exemplar" (praise after its noun, a copy after an
article or a figure), English "hassle" (so "no hassle at all" is the absence of a trouble, not VADER's bare "no"),
a half unit inside a wait ("uma hora e meia na fila", "an hour and a half in the queue") and an English service that
"took nine days to refund". Each case of ``test_fixed`` fails on merge55's code; ``test_unchanged`` guards what must
stay as it was (it passes there too).
"""

from __future__ import annotations

import pytest

from plugins.sentiment import DELAY_VALENCE, after_half, charge_slow_service, drop_copies
from tests.test_sentiment import sentiment


@pytest.mark.parametrize(("text", "language", "label"), [
    ("A nova temporada desiludiu os fãs.", "pt", "Negative"),
    ("Os auscultadores desiludiram-me logo na primeira semana.", "pt", "Negative"),
    ("O carregador funcionou direitinho.", "pt", "Positive"),
    ("Returned the kettle at the counter, no hassle at all.", "en", "Positive"),
    ("The shop took eleven days to refund my deposit.", "en", "Negative"),
    ("They took three weeks to reply to my email.", "en", "Negative"),
    ("It took them a month and a half to fix the boiler.", "en", "Negative"),
    ("Esperei uma hora e meia na fila do banco.", "pt", "Negative"),
    ("Duas horas e meia na fila da farmácia.", "pt", "Negative"),
])
def test_fixed(text: str, language: str, label: str):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize(("text", "language", "label"), [
    # what took time to build is no service's delay; a time to come is no delay
    ("It took two years to build the new bridge.", "en", "Neutral"),
    ("Delivery will take five days to arrive.", "en", "Neutral"),
    # a half hour spent at leisure is no wait
    ("Passei uma hora e meia na praia com os miúdos.", "pt", "Neutral"),
    ("Fiquei desiludida com o hotel, o quarto não era o das fotos.", "pt", "Negative"),
    ("I waited an hour and a half on hold.", "en", "Negative"),
])
def test_unchanged(text: str, language: str, label: str):
    assert sentiment(text, language)[0] == label


@pytest.mark.parametrize("text", [
    "A editora vendeu cinco mil exemplares do livro.",
    "Comprei um exemplar usado na feira.",
    "O museu guarda o último exemplar conhecido da espécie.",
])
def test_a_copy_of_a_book_reads_as_nothing(text: str):
    assert sentiment(text, "pt") == ("Neutral", 0.45, "no sentiment words (LeIA (corrected) +0.00)")


def test_exemplar_after_its_noun_is_praise_and_after_a_figure_a_copy():
    assert sentiment("Atendimento exemplar da farmácia.", "pt")[1] > 0 and "exemplar" in sentiment(
        "Atendimento exemplar da farmácia.", "pt")[2]
    valences = [0.0, 2.2, 0.0, 0.0, 2.2]
    drop_copies(["servico", "exemplar", "e", "300", "exemplares"], valences)
    assert valences == [0.0, 2.2, 0.0, 0.0, 0.0]


def test_a_half_unit_is_part_of_the_span():
    assert after_half(["uma", "hora", "e", "meia", "na", "fila"], 1, "pt") == 4
    assert after_half(["an", "hour", "and", "a", "half", "in"], 1, "en") == 5
    assert after_half(["uma", "hora", "na", "fila"], 1, "pt") == 2


def test_slow_service_charges_the_unit_only_before_a_service_act():
    words = "the shop took nine days to refund my deposit".split()
    valences = [0.0] * len(words)
    assert charge_slow_service(words, valences, "en") == {4: 2}
    assert valences[4] == DELAY_VALENCE
    assert charge_slow_service("it took nine days to paint".split(), [0.0] * 6, "en") == {}
    assert charge_slow_service("it took".split(), [0.0] * 2, "en") == {}


@pytest.mark.parametrize("text", [
    # Open (issue 4): one praise word, or a negated trouble, in a Portuguese review of more than six words stays under
    # the review threshold (0.75, chosen on B2W's lukewarm reviews). Pinned so that a change is seen.
    "Atendimento exemplar da farmácia.",
    "Montei a estante sozinho e ficou tudo direitinho.",
    "Troquei de operadora e não tive nenhuma dor de cabeça com a portabilidade.",
])
def test_open_single_praise_in_a_review_stays_neutral(text: str):
    assert sentiment(text, "pt")[0] == "Neutral"
