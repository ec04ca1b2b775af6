"""s51-speed2: claims' cue search joins a unit's words once for all its cues, and weighs cue pairs only for units
with two cue names or more; the same scores as before (bench/HISTORY.md "## s51-speed2")."""

from __future__ import annotations

import pytest

from plugins import claims
from plugins.claims import CUE_PAIRS, _WORD, Cue, _cues_in_unit, _pairs_weighed, cues_for

# Our own units: names inside a unit (a verb cue reads the words without them), months in a name (a date's reads
# the words without them), affixed words (prefix and suffix cues), and plain ones; each with its language's cues.
UNITS = [
    "A Prefeitura de Curitiba anunciou ontem que vai reabrir a Rua 7 de Setembro em março.",
    "O deputado Rodrigues reafirmou que a obra custará 12 milhões de reais até dezembro.",
    "Segundo a Anvisa, o medicamento foi reavaliado e aprovado em 3 de maio de 2026.",
    "The council reopened the bridge on Tuesday after repairs costing £2.4 million.",
    "Smithfield Foods announced it would relocate 300 jobs to Ohio by next summer.",
    "Os moradores da Avenida 25 de Abril reclamaram novamente do barulho durante a madrugada.",
    "Honestly, I think the new season is the best one yet.",
    "A reunião foi remarcada para quinta-feira, às 14h30, na sede da Fiocruz.",
    "Os preços dos combustíveis aumentaram outra vez na última semana.",
    "Os vereadores aprovariam o projeto se houvesse verba para a obra.",
    "Local farmers harvested less wheat this year and prices increased sharply.",
]


def _scored(unit: str) -> tuple[float, list[tuple[str, str]]]:
    found: list[tuple[str, str]] = []
    cues = cues_for("en" if " the " in unit or unit.startswith(("The ", "Honestly", "Local")) else "pt")
    log_odds, _speaker = _cues_in_unit(unit, _WORD.findall(unit.lower()), cues, "", found, {})
    return log_odds, found


@pytest.mark.parametrize("unit", UNITS)
def test_the_words_joined_once_a_unit_find_what_each_cue_joining_them_found(unit: str,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    joined_once = _scored(unit)
    # each cue joins the words itself again (the search before this branch): ``spelled`` None
    monkeypatch.setattr(claims, "_spelled_out", lambda kept, _words, _spelled: (*kept, None))
    original_find = Cue.find
    monkeypatch.setattr(Cue, "find", lambda self, unit, words, word_set, unit_words=None, spelled=None:
                        original_find(self, unit, words, word_set, unit_words))
    assert joined_once == _scored(unit)


def test_a_kept_word_list_is_joined_on_its_own_and_the_units_join_is_reused_when_nothing_was_left_out() -> None:
    words = ["a", "rua", "7", "de", "setembro", "reabre"]
    spelled = " ".join(words)
    assert claims._spelled_out((words, frozenset(words)), words, spelled)[2] is spelled
    kept = ["a", "rua", "7", "reabre"]
    assert claims._spelled_out((kept, frozenset(kept)), words, spelled)[2] == "a rua 7 reabre"


def test_an_affixed_cue_reads_the_joined_words_it_is_given() -> None:
    cue = Cue("test", 1.0, prefixes=("reab",))
    words = ["a", "ponte", "reabriu"]
    assert cue.find("A ponte reabriu", words, frozenset(words)) == "reabriu"
    assert cue.find("A ponte reabriu", words, frozenset(words), spelled="a ponte reabriu") == "reabriu"
    # the joined words are the screen: what they lack is not looked for word by word
    assert cue.find("A ponte reabriu", words, frozenset(words), spelled="a ponte") is None


def test_every_cue_pair_holds_two_names_none_of_them_a_pairs_own() -> None:
    """The premise of ``_pairs_weighed``'s screen (a unit with fewer than two cue names has no pair)."""
    pair_names = {pair_name for _pair, pair_name in CUE_PAIRS}
    assert all(len(pair) >= 2 and pair.isdisjoint(pair_names) for pair, _name in CUE_PAIRS)


class _NotToBeRead(tuple):
    def __iter__(self):  # type: ignore[override]
        raise AssertionError("the cue pairs were walked for a unit with one cue name")


def test_a_unit_with_one_cue_name_walks_no_cue_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claims, "CUE_PAIRS", _NotToBeRead(CUE_PAIRS))
    found = [("action", "anunciou")]
    assert _pairs_weighed(0.5, "A empresa anunciou cortes.", found, {"action"}) == 0.5
    assert found == [("action", "anunciou")]


def test_a_unit_with_a_pairs_two_names_still_weighs_it() -> None:
    found = [("action", "anunciou"), (claims.NAMED_ACTOR, "Petrobras")]
    names = {"action", claims.NAMED_ACTOR}
    assert _pairs_weighed(0.0, "A Petrobras anunciou cortes.", found, names) > 0.0
    assert "action of a named actor" in names
