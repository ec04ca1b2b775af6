"""s52-preload-speed: the preload's cheaper ways to the same answers (bench/HISTORY.md "## s52-preload-speed")."""

import itertools

from server.analysis import _fold_slowly, casefolded, fold, normalise

# Every character of the scripts the sources hold most (Latin, Greek, Cyrillic, the symbols' blocks), Windows-1252's
# typography and the two Latin-1 letters whose case-folded form is no one Latin-1 character ("ß", "µ").
CHARACTERS = [chr(code) for code in range(0x3000)] + list("“”‘’–—…€ŠšŽžŒœŸ\u212a\ufb01ẞ\U0001f441")
LATIN1_AND_TYPOGRAPHY = [chr(code) for code in range(0x20, 0x100)] + list("“”–…Šž")


def test_casefolded_is_str_casefold_on_every_character_and_pair():
    texts = CHARACTERS + ["".join(pair) for pair in itertools.product(LATIN1_AND_TYPOGRAPHY, repeat=2)]
    assert [casefolded(text) for text in texts] == [text.casefold() for text in texts]
    assert [normalise(f" {text}  Olá ") for text in texts] == [" ".join(f" {text}  Olá ".casefold().split())
                                                              for text in texts]


def test_fold_is_casefold_then_nfd_without_marks_on_every_character_and_pair():
    # The slow definition fold's byte tables stand for (a text in NFC form: precomposed letters, as web text is).
    texts = CHARACTERS + ["".join(pair) for pair in itertools.product(LATIN1_AND_TYPOGRAPHY, repeat=2)]
    assert [fold(text) for text in texts] == [_fold_slowly(text.casefold()) for text in texts]
    assert fold("Straße Nº 5, 10 µm, ÀÉÎÕÜ Ÿ “Ação”") == "strasse nº 5, 10 μm, aeiou y “acao”"


def test_word_joining_count_is_the_regexs_count_on_every_character_and_pair():
    from server.boilerplate import _WORD_JOINING, _word_joining_count

    texts = CHARACTERS + ["".join(pair) for pair in itertools.product(LATIN1_AND_TYPOGRAPHY, repeat=2)]
    assert [_word_joining_count(text) for text in texts] == [len(_WORD_JOINING.findall(text)) for text in texts]


def test_a_trail_is_a_menu_by_each_separator_mark():
    from server.boilerplate import _is_menu

    # The trail's last crumb, the page's title, is too long for a menu's item: only the trail's rule finds them.
    for mark in "/>»›":
        assert _is_menu(f"inicio {mark} saude de a a z {mark} governo anuncia um novo plano de vacinacao contra o "
                        f"sarampo para 2027"), mark
        assert _is_menu(f"voce esta aqui: inicio {mark} noticias {mark} politica {mark} governo anuncia um novo plano "
                        f"de vacinacao contra o sarampo"), mark
        assert not _is_menu(f"inicio {mark} noticias {mark} o governo anuncia um novo plano de vacinacao contra o "
                            f"sarampo."), mark
