"""Sentiment probe ``s49-sentiment`` (fixtures/s49-sentiment): a word of the highest praise in a Portuguese review of
any length, a service's delay told in Portuguese ("levaram nove dias para reembolsar"), a return promised with its
certainty ("Voltaremos de certeza."), and words the lexicons lacked (English "exemplary", "impeccable", "spotless",
"shambles"; Portuguese "jogaço", "golaço", "vexame")."""

from __future__ import annotations

import pytest

from plugins.sentiment import DELAY_VALENCE, RETURNING, charge_slow_service
from tests.test_claimsent32 import wrong_sentiment
from tests.test_sentiment import sentiment

PROBE = "s49-sentiment"


@pytest.mark.parametrize(("text", "label"), [
    ("A cafeteira é excelente, chegou antes do prazo e veio bem embalada.", "Positive"),  # issue 4's open case
    ("O secador é fantástico, seca o cabelo em metade do tempo.", "Positive"),
    ("Comprei para o escritório e a qualidade do som é ótima.", "Positive"),
    ("Monitor com imagem impecável, montei em dez minutos.", "Positive"),
    ("Produto bom, chegou no prazo.", "Neutral"),  # no word of the highest praise: lukewarm, as B2W labels it
    ("Recomendo o produto, entrega no prazo.", "Neutral"),
    ("O produto é excelente?", "Neutral"),  # a question
    ("A air fryer é ótima e esquenta rápido, mas a cesta é pequena para uma família de quatro.", "Neutral"),  # contrast
    ("O colchão é excelente, pena ter escolhido a densidade errada.", "Neutral"),  # something against it
])
def test_a_word_of_the_highest_praise_is_a_reviews_verdict(text, label):
    assert sentiment(text, "pt")[0] == label


@pytest.mark.parametrize(("text", "label"), [
    ("Levaram nove dias para reembolsar.", "Negative"),
    ("Demoraram quase três semanas para me responder.", "Negative"),
    ("A oficina levou dois meses a reparar o carro, e só depois de muita insistência.", "Negative"),  # pt-PT "a"
    ("Levaram dois anos para construir a ponte.", "Neutral"),  # a build, no service
])
def test_a_service_that_took_a_span_of_time_in_portuguese(text, label):
    assert sentiment(text, "pt")[0] == label


def test_a_delay_already_told_by_its_verb_is_charged_once():
    folded = "mas demorou dez dias para chegar".split()
    valences = [0.0, -1.2, 0.0, 0.0, 0.0, 0.0]
    assert charge_slow_service(folded, valences, "pt") == {}
    folded = "levaram dez dias para devolver-me o dinheiro".split()
    valences = [0.0] * len(folded)
    assert charge_slow_service(folded, valences, "pt") == {2: 0}
    assert valences[2] == DELAY_VALENCE


@pytest.mark.parametrize(("text", "promised"), [
    ("Comida caseira e preço justo. Voltarei com certeza!", True),
    ("Quarto limpo e bem localizado. Voltaremos sem dúvida.", True),
    ("Friendly staff and a quiet room. We'll definitely be back.", True),
    ("Quiet room near the station. We will certainly return.", True),
    ("Voltaremos de certeza ao tema na próxima semana.", False),  # not a closing sentence
])
def test_a_return_promised_with_its_certainty(text, promised):
    assert bool(RETURNING.search(text)) is promised


def test_a_return_promised_with_its_certainty_is_a_verdict():
    assert sentiment("Quarto limpo e bem localizado. Voltaremos sem dúvida.", "pt")[0] == "Positive"


@pytest.mark.parametrize(("text", "language", "label"), [
    ("An exemplary response from the council.", "en", "Positive"),
    ("The bathroom was spotless.", "en", "Positive"),
    ("Impeccably organised trip.", "en", "Positive"),
    ("The defence was a shambles all night.", "en", "Negative"),
    ("An abysmal second half.", "en", "Negative"),
    ("Que golaço do Hulk!", "pt", "Positive"),
    ("A eliminação em casa foi um vexame.", "pt", "Negative"),
])
def test_words_the_lexicons_lacked(text, language, label):
    assert sentiment(text, language)[0] == label


# ------------------------------------------------------------------ the sets

# Before (main, ca417c98): 17 of 27; wrong s01-s03 (one word of the highest praise in a longer review), s04 and s06
# ("exemplary", "impeccable": VADER lacks them), s12 ("Voltaremos de certeza."), s17 (praise with a wish after "mas"),
# s22 ("jogaço"), s24 ("shambles"), s27 ("escorrega bastante"). s07-s09 (a delay of a refund) were right on main by
# other words ("cancelada", "reembolso", "devolver-me"); they now read the delay too. After: 25 of 27; left s17 (the
# contrast guard, chosen on claimsent4's s11, keeps "App ótimo, mas poderia ter modo escuro." Neutral) and s27 (a rug
# that "escorrega": the verb is no fault in general). s49-sentiment2 read both (a wish for an extra after "mas"; a slip
# told by its degree, "escorrega bastante").
STUDIED_WRONG: list[str] = []


def test_the_studied_set_as_measured():
    assert wrong_sentiment("studied.jsonl", PROBE) == STUDIED_WRONG


# Run once (committed in 3ef2ce92, after the studied fixes): 12 of 13; main's code (ca417c98) 11 of 13 (b06, "Excelente
# trabalho.", gained). Missed on both: b01 ("panela de pressão": the cooker's name read as "pressão", a complaint, beside
# "perfeito"). The contrast guard was added after this run (for claimsent4's s11, a fixture's regression); the blind
# labels are the same with and without it. s49-sentiment2 read b01 (a device named by what it handles says nothing).
BLIND_WRONG: list[str] = []


def test_the_blind_set_as_measured_at_its_run():
    assert wrong_sentiment("blind.jsonl", PROBE) == BLIND_WRONG
