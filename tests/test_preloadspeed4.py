"""The batch screen's words are the words the chrome check reads: a text in NFD form, a letter folding to ASCII outside
Latin-1, and a cue phrase whose group is glued to a word ("enjoy(ed)?")."""

from __future__ import annotations

import unicodedata

import numpy as np

from server.analysis import WORD_TOKEN, fold, normalise
from server.batch_words import batch_words, isin_sorted
from server.boilerplate import (
    _ENDS_IN_BY, Position, _decide_chrome, _screen_words, ends_in_by, find_cues, is_run_together_menu, may_be_breadcrumb,
)
from tests.test_preload import assert_screen_passes

INSIDE = Position(5, 30)
# A mailing notice's phrase in a sentence long enough that only its screen word lets it through to the full check.
UNSUBSCRIBE = ("Cancelar a inscrição desta lista de envio é simples e pode ser feito a qualquer momento na página de "
               "preferências da sua conta.")


def test_a_cue_phrase_in_nfd_form_passes_the_screen() -> None:
    decomposed = unicodedata.normalize("NFD", UNSUBSCRIBE)
    assert decomposed != UNSUBSCRIBE
    assert _decide_chrome(decomposed, INSIDE) is not None
    assert_screen_passes([decomposed, UNSUBSCRIBE], INSIDE)


def test_words_hash_as_fold_spells_them() -> None:
    """Combining marks and letters outside Latin-1 that fold to ASCII ("ǎ", "ş", "ạ") hash as their folded words; other
    scripts, symbols and emoji as before."""
    for text in ("inscrição política", "nǎo şapka ạnh ế", "İstanbul"):
        for form in ("NFC", "NFD"):
            written = normalise(unicodedata.normalize(form, text))
            assert batch_words([written]).hashes.tolist() == batch_words([fold(written)]).hashes.tolist(), (form, text)
    others = ["ещё раз", "“quoted” — 😀 done", "plain ascii words"]
    mixed = batch_words(["nǎo", *others])
    alone = batch_words(others)
    assert mixed.hashes[1:].tolist() == alone.hashes.tolist()
    assert mixed.counts.tolist() == [1, *alone.counts.tolist()]


def test_a_group_glued_to_a_word_spells_the_word_both_ways() -> None:
    assert _screen_words("enjoy(ed)? this (article|post|story)") == {"enjoy", "enjoyed"}
    # A group glued to a word that is no group of letters leaves the word out of the screen: another word screens it.
    assert _screen_words("comments are (pre-?)?moderated") == {"comments"}
    for text in ("Enjoyed this article? Tell a friend.", "Enjoy this article? Tell a friend."):
        folded = fold(text)
        assert "subscribe prompt" in find_cues(folded, WORD_TOKEN.findall(folded), text), text


def test_isin_sorted_as_a_binary_search() -> None:
    rng = np.random.default_rng(7)
    values = rng.integers(0, 2**32, 50_000, dtype=np.uint32)
    members = np.unique(np.concatenate([values[:300], rng.integers(0, 2**32, 3000, dtype=np.uint32)]))
    expected = members[np.minimum(np.searchsorted(members, values), len(members) - 1)] == values
    assert np.array_equal(isin_sorted(values, members), expected)
    assert isin_sorted(values[:300], members).all()
    assert not isin_sorted(values, members[:0]).any()
    # Hashes in one slot of the table (their low 16 bits), two members' or one's, and an empty slot's.
    slot = 1 << 16
    members = np.array([5, 7, 5 + slot], dtype=np.uint32)
    values = np.array([5, 5 + slot, 5 + 2 * slot, 7, 7 + slot, 0, slot], dtype=np.uint32)
    assert isin_sorted(values, members).tolist() == [True, True, False, True, False, False, False]


def test_batch_owners_and_counts() -> None:
    texts = ["", "one two", "", "três quatro cinco", "x"]
    words = batch_words([normalise(text) for text in texts])
    assert words.counts.tolist() == [0, 2, 0, 3, 1]
    assert words.owners.tolist() == [1, 1, 3, 3, 3, 4]
    assert words.first_words().tolist() == [0, words.hashes[0], 0, words.hashes[2], words.hashes[5]]


def test_may_be_breadcrumb_counts_two_separator_characters() -> None:
    assert may_be_breadcrumb("Home / News / Sport")
    assert may_be_breadcrumb("Início › Notícias » Brasil")  # "›", "»" and "≯" count as ">" and "/" do
    assert may_be_breadcrumb("a ≯ b / c")
    assert not may_be_breadcrumb("Home / News")
    assert not may_be_breadcrumb("no separators at all")


def test_ends_in_by_as_its_search() -> None:
    for text in ("Written by", "Notícias POR  ", "News provided by\n", "Foto pela", "pelo", "standby", "by the river",
                 "Bypass", "Powered by: x", ""):
        assert ends_in_by(text) == (_ENDS_IN_BY.search(text) is not None), text
    assert ends_in_by("Written by") and not ends_in_by("standby")


def test_a_run_together_menu_ends_in_a_word_or_a_count() -> None:
    assert is_run_together_menu("Agro Ciência Economia Educação Mundo Política Saúde Tecnologia")
    assert is_run_together_menu("Code Issues 48 Pull requests 9 Actions Projects Security Insights")
    assert not is_run_together_menu("Agro Ciência Economia Educação Mundo Política Saúde Tecnologia.")
    assert not is_run_together_menu("Seca No Sertão Faz Produtores Perderem Metade Da Safra")
