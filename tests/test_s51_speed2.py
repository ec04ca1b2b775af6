"""s51-speed2: claims weighs cue pairs only for units with two cue names or more; the same scores as before
(bench/HISTORY.md "## s51-speed2")."""

from __future__ import annotations

import pytest

from plugins import claims
from plugins.claims import CUE_PAIRS, _pairs_weighed


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
