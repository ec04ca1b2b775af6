"""The words of speculation the claims and sentiment plugins share: a move said to be possible ("pode disparar",
"could skyrocket", "pode voltar a subir") is a forecast, no trend to check (claims) and no news (sentiment).

Written once, with Portuguese accents; the sentiment plugin reads them folded (``folded``), as it reads its words.
"""

from __future__ import annotations

from collections.abc import Mapping

from server.analysis import fold

# Words of possibility right before a move: the modals, and the adverbs that do their work ("talvez suba").
POSSIBILITY_MODALS = {
    "pt": frozenset("pode podem poderá poderão poderia poderiam talvez possivelmente".split()),
    "en": frozenset("may might could possibly perhaps".split()),
}
# Words that only place the move in time or degree, which may stand between the modal and the move ("pode voltar a
# subir", "could still rise", "could even crash").
SPECULATION_FILLERS = {
    "pt": frozenset("voltar a ainda também até mesmo".split()),
    "en": frozenset("even still also well yet".split()),
}


def folded(words: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Each language's words without accents (``server.analysis.fold``)."""
    return {language: frozenset(map(fold, group)) for language, group in words.items()}


def of_any_language(words: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The words of every language together, for a plugin that reads a sentence without its language."""
    return frozenset().union(*words.values())
