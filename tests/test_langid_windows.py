"""The windowed language identifier finds py3langid's own features and scores, to the last bit."""

from __future__ import annotations

import copy
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from server.analysis import DEFAULT_LANGUAGES, LANGUAGE_SAMPLE, identified_language
from server.langid_windows import MODEL_DIR, UNUSED_FOR_SECONDS, WindowedIdentifier, cache_key

TEXTS = [
    "A Meta está usando dados do modelo Qwen para treinar uma nova geração de modelos.",
    "O presidente Lula visitou Lisboa e elogiou o excelente acordo comercial.",
    "Produto chegou antes do prazo, recomendo!!! Nota 10",
    "Microsoft opened an office in Lisbon last year, the company said.",
    "I'd buy it again - it's great :)",
    "El gobierno de España anunció nuevas medidas en Madrid ayer por la tarde.",
    "¿Dónde está la biblioteca? ¡Allí!",
    "La dolce vita di Federico Fellini",
    "Il governo italiano ha approvato la nuova legge di bilancio per il prossimo anno.",
    "Die Bundesregierung hat heute neue Maßnahmen für die Wirtschaft beschlossen.",
    "Le gouvernement français a annoncé des mesures très importantes aujourd'hui.",
    "Bobrowniki, Ciechocin, Lipno",
    "Привет, как дела? Всё хорошо.",
    "東京は日本の首都です。中文文本测试，한국어 문장입니다.",
    "مرحبا بكم في المدينة",
    "Adorei 😍😍 o produto 🎉👍🏽 chegou rápido",
    "😀🎉",
    "ESTE PRODUTO É MUITO BOM E CHEGOU NO PRAZO",
    "Cafe\u0301 com leite, a\u0300 tarde",  # decomposed accents, which py3langid composes (NFC)
    "a",
    "",
    "   \n\t ",
    "12345 67890 !!! ???",
    "x\x00y\x7f\u00ff\u00fe\ufffd tab\tnew\nline",
    "surrogate \udcff inside",
    "https://example.com/path?query=1&b=2 #hashtag @user",
    "ação " * 300,  # over 1,500 bytes
    "São Paulo " + "€" * 200 + " fim",  # three bytes a character: the sample's bytes go far beyond its characters
    ("The quick brown fox jumps over the lazy dog. " * 40),
    b"bytes de um texto em portugu\xc3\xaas",
    b"invalid \xff\xfe utf-8 \xc3",
    b"\xc3\xa7\xc3",  # a partial character at the end, which py3langid trims
]


@pytest.fixture(scope="module", params=["decoded", "mapped"])
def identifiers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[LanguageIdentifier, LanguageIdentifier]:
    """The windowed identifier Anota uses, decoded from py3langid's model or mapped from the arrays a decoding kept,
    and py3langid's own, over every language."""
    cache = tmp_path_factory.mktemp("cache")
    decoded = WindowedIdentifier.load(cache=cache)  # nothing kept yet: decoded, and kept
    windowed = decoded if request.param == "decoded" else WindowedIdentifier.load(cache=cache)
    assert is_mapped(windowed) == (request.param == "mapped")
    return windowed, LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def is_mapped(identifier: WindowedIdentifier) -> bool:
    return isinstance(identifier.nb_ptc.base, np.memmap)


def test_the_language_identifiers_model_is_decoded_once_then_mapped(tmp_path: Path) -> None:
    decoded = WindowedIdentifier.load(cache=tmp_path)
    [kept] = tmp_path.iterdir()
    mapped = WindowedIdentifier.load(cache=tmp_path)
    assert not is_mapped(decoded) and is_mapped(mapped) and list(tmp_path.iterdir()) == [kept]
    for name in ("nb_ptc", "nb_pc", "_window_starts", "_slot_keys"):
        assert getattr(mapped, name).dtype == getattr(decoded, name).dtype
        assert np.array_equal(getattr(mapped, name), getattr(decoded, name))
    assert mapped.nb_classes == decoded.nb_classes


def test_a_kept_model_cut_short_is_decoded_and_kept_again(tmp_path: Path) -> None:
    WindowedIdentifier.load(cache=tmp_path)
    [kept] = tmp_path.iterdir()
    scores = kept / "nb_ptc.npy"
    scores.write_bytes(scores.read_bytes()[: scores.stat().st_size // 2])
    decoded = WindowedIdentifier.load(cache=tmp_path)
    assert not is_mapped(decoded) and decoded.classify(TEXTS[3])[0] == "en"
    mapped = WindowedIdentifier.load(cache=tmp_path)
    assert is_mapped(mapped) and list(tmp_path.iterdir()) == [kept]
    assert np.array_equal(mapped.nb_ptc, decoded.nb_ptc)


def test_every_install_of_one_py3langid_shares_the_kept_model(tmp_path: Path) -> None:
    """Each venv (a fresh clone's, a worktree's) installs py3langid's wheel elsewhere, keeping its files' times: each
    wrote another 30 MB copy into the cache, which nothing removes. The model found elsewhere finds the same one."""
    elsewhere = tmp_path / Path(MODEL_FILE).name
    shutil.copy2(MODEL_DIR / MODEL_FILE, elsewhere)
    assert cache_key(elsewhere) == cache_key()
    elsewhere.touch()  # the guard: another model file (here, its time) is another key
    assert cache_key(elsewhere) != cache_key()


def test_a_new_kept_model_removes_those_no_process_mapped_for_a_month(tmp_path: Path) -> None:
    """Every upgrade of py3langid or of langid_windows.py keeps a new 30 MB copy under a new key: the copies of keys
    nothing has mapped for UNUSED_FOR_SECONDS go when the next one is kept; the others stay."""
    stale, recent = tmp_path / "langid-stale", tmp_path / "langid-recent"
    for folder in (stale, recent):
        folder.mkdir()
        (folder / "nb_ptc.npy").write_bytes(b"an older model")
    long_ago = time.time() - UNUSED_FOR_SECONDS - 3600
    os.utime(stale, (long_ago, long_ago))
    WindowedIdentifier.load(cache=tmp_path)
    assert sorted(folder.name for folder in tmp_path.iterdir()) == sorted(["langid-recent", f"langid-{cache_key()}"])


def test_mapping_a_kept_model_marks_it_used(tmp_path: Path) -> None:
    WindowedIdentifier.load(cache=tmp_path)
    [kept] = tmp_path.iterdir()
    long_ago = time.time() - UNUSED_FOR_SECONDS - 3600
    os.utime(kept, (long_ago, long_ago))
    assert is_mapped(WindowedIdentifier.load(cache=tmp_path))
    assert kept.stat().st_mtime > time.time() - 60


def test_without_a_writable_cache_the_model_is_decoded(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        identifier = WindowedIdentifier.load(cache=blocked)
        assert not is_mapped(identifier) and identifier.classify(TEXTS[0])[0] == "pt"


def restricted(identifier: LanguageIdentifier, languages: tuple[str, ...]) -> LanguageIdentifier:
    listed = copy.copy(identifier)
    listed.set_languages(languages)
    return listed


@pytest.mark.parametrize("text", TEXTS)
def test_the_features_are_py3langids_visits_in_the_order_of_their_first_visit(identifiers, text):
    windowed, reference = identifiers
    encoded = reference._encode(text)
    visits = visit_counts(reference.tk_nextmove, reference._rowbase, reference.tk_output, encoded) or {}
    features, counts = windowed.features(encoded)
    assert list(zip(features.tolist(), counts.tolist())) == list(visits.items())


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("languages", [None, ("pt", "en", "es"), ("pt", "en"), ("de", "sr", "it")])
def test_the_scores_and_the_choice_are_py3langids_to_the_last_bit(identifiers, text, languages):
    windowed, reference = identifiers
    if languages:
        windowed, reference = restricted(windowed, languages), restricted(reference, languages)
    for sample in (text, text[:LANGUAGE_SAMPLE]):
        assert np.array_equal(windowed._decide(sample), reference._decide(sample))
        assert windowed.classify(sample) == reference.classify(sample)
        assert windowed.rank(sample) == reference.rank(sample)


@pytest.mark.parametrize("text", [text for text in TEXTS if isinstance(text, str)])
def test_a_texts_identified_language_is_py3langids_two_stage_decision(identifiers, text):
    _, reference = identifiers
    if not text.strip():
        assert identified_language(text) == (DEFAULT_LANGUAGES[0], False)
        return
    likeliest, probability = reference.classify(text[:LANGUAGE_SAMPLE])
    if likeliest in DEFAULT_LANGUAGES:
        assert identified_language(text) == (likeliest, True)
    elif identified_language(text)[1]:
        assert identified_language(text)[0] == likeliest and probability >= 0.9
    else:
        listed = restricted(reference, DEFAULT_LANGUAGES).classify(text[:LANGUAGE_SAMPLE])[0]
        assert identified_language(text) == (listed, False)


@pytest.mark.parametrize("text", [text for text in TEXTS if isinstance(text, str)])
def test_a_text_encoded_once_scores_as_its_text_under_the_full_and_the_listed_identifier(identifiers, text):
    windowed, _ = identifiers
    encoded = windowed.encoded_all([text])[0]
    assert bytes(encoded) == LanguageIdentifier._encode(text)
    for identifier in (windowed, restricted(windowed, DEFAULT_LANGUAGES), restricted(windowed, ("de", "sr", "it"))):
        assert np.array_equal(identifier._decide(encoded), identifier._decide(text))
        assert identifier.classify(encoded) == identifier.classify(text)


def test_texts_encoded_together_find_each_ones_own_features(identifiers):
    """One search and one count for a batch's texts (their windows side by side) find what each text's own do: no
    window of a text reaches into the one before it, and the visits of a feature two texts share (each text twice, side
    by side) count in each."""
    windowed, _ = identifiers
    texts = [text for text in TEXTS if isinstance(text, str) for _twice in range(2)]
    together = windowed.encoded_all(texts)
    assert len(together) == len(texts)
    for text, encoded in zip(texts, together, strict=True):
        assert bytes(encoded) == LanguageIdentifier._encode(text)
        alone = windowed.features(LanguageIdentifier._encode(text))
        assert all(np.array_equal(found, own) for found, own in zip(encoded.features, alone, strict=True))
    assert windowed.encoded_all([]) == []


def test_texts_encoded_together_are_classified_as_each_alone_to_the_last_bit(identifiers):
    """``encoded_all`` classifies a batch's texts in one array (the matrix product text by text, as BLAS adds): each
    text's language and probability are py3langid's for it alone, bit for bit, and an identifier restricted to some
    languages, which did not encode it, scores it with its own columns."""
    windowed, reference = identifiers
    listed, listed_reference = restricted(windowed, DEFAULT_LANGUAGES), restricted(reference, DEFAULT_LANGUAGES)
    texts = [text for text in TEXTS for _twice in range(2)]
    for batch in (texts, texts[:1], texts[19:24], ["", "a"]):
        for text, encoded in zip(batch, windowed.encoded_all(batch), strict=True):
            assert encoded.classified_by is windowed
            assert windowed.classify(encoded) == reference.classify(text)
            assert listed.classify(encoded) == listed_reference.classify(text)
