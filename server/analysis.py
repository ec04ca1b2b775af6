"""Analyse each text once, share the analysis with every annotator.

Language identification, sentence boundaries and tokens are needed by several
plugins; computing them once per text (and lazily: a plugin that needs none pays
nothing) keeps the plugins' combined cost close to the cost of one model pass.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import re
import threading
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, overload

from server.segmentation import split_sentences

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc

    from server.langid_windows import EncodedText

DEFAULT_LANGUAGES = ("pt", "en", "es")
LANGUAGE_SAMPLE = 400
MODELS_DIR = Path(__file__).resolve().parent.parent / "plugins" / "models"
# The statistical NER pipelines the project trains (plugins/ner_training.py) are
# the languages' analysis pipelines: their tokens feed every plugin.
DEFAULT_PIPELINES = {"pt": str(MODELS_DIR / "ner-pt"), "en": str(MODELS_DIR / "ner-en")}
# A text longer than this reaches the annotators of spans in pieces of at most
# this many characters (``AnalyzedText.pieces``): the entity rules' cost grows
# with the square of a text's names (a 300 KB text took 9 times a 100 KB one's),
# and a request's deadline can stop an annotator only between two pieces. Ten
# thousand characters keep a few pages together, with the names they repeat.
PIECE_CHARS = 10_000
# Texts of a batch are parsed together in rounds of about this many characters:
# the memory a parse holds grows with its round (a 1 MB task's /predict peaked
# at 3.3 GB parsed and annotated whole, at 0.54 GB in pieces and rounds), and a
# round is the longest an annotator that asks for a Doc cannot be stopped (1-2 s).
PARSE_ROUND_CHARS = 50_000
# Where a piece may begin (``piece_start``), best first: after a blank line,
# after a line break, at a sentence's start, after any whitespace (which ends
# the piece before it).
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
LINE_BREAK = re.compile(r"\n\s*")
WHITESPACE = re.compile(r"\s+")


@functools.cache
def language_identifier(languages: tuple[str, ...]) -> Any:
    """py3langid's identifier over every language it knows, for texts whose
    language is one of ``languages`` or another (``detect_language``), built
    once per process; a ValueError names the codes of ``languages`` it does not know.
    Its features are found and scored with numpy (``WindowedIdentifier``): the
    same scores as py3langid's, at half its cost."""
    from server.langid_windows import WindowedIdentifier

    identifier = WindowedIdentifier.load(norm_probs=True)
    if unknown := set(languages) - set(identifier.nb_classes):
        raise ValueError(f"Unknown language code(s): {unknown}")
    return identifier


@functools.cache
def listed_language_identifier(languages: tuple[str, ...]) -> Any:
    """``language_identifier`` restricted to ``languages``: the likeliest of
    them, for a text the full one finds likelier in another. It shares the
    full identifier's arrays but the model's columns of ``languages``, which
    it copies (0.6 MB for three)."""
    listed = copy.copy(language_identifier(languages))
    listed.set_languages(languages)
    return listed


def words_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A regex finding any of ``phrases`` as whole words (not inside a longer
    word), with any whitespace between their words (a name may break across
    lines: ``squeezed`` reads a match back as the phrase), preferring the
    longest where they overlap."""
    alternatives = "|".join(r"\s+".join(map(re.escape, phrase.split()))
                            for phrase in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def squeezed(words: str) -> str:
    """``words`` with one space between them and none around."""
    return " ".join(words.split())


# A text is in a language outside ``languages`` (``detect_language``) when the identifier gives that language
# at least this probability over all it knows, and the text reads as a sentence (``reads_as_sentences``): on 1,500 B2W reviews no Portuguese text reached 0.8, while a list of Polish
# place names does (WikiANN), and real French, Italian, German, Catalan, Galician, Dutch sentences gave 0.97-1.0.
FOREIGN_MIN_PROBABILITY = 0.9
FOREIGN_MIN_WORDS = 5


def detect_language(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str:
    """Return the ISO 639-1 code of ``text``'s language: the likeliest of
    ``languages``, unless the text is plainly in another (a French review
    among Portuguese ones is "fr", not the nearest listed language, "es")."""
    return identified_language(text, languages)[0]


def identified_language(
    text: str, languages: Sequence[str] = DEFAULT_LANGUAGES, sample: EncodedText | None = None
) -> tuple[str, bool]:
    """``detect_language``'s choice, and whether the identifier found it the
    likeliest of all the languages it knows: a listed language chosen for a text
    the identifier found likelier in an unlisted one is a guess ("La dolce vita
    di Federico Fellini": Italian, below FOREIGN_MIN_PROBABILITY, so "es").
    ``sample``: the text's, as ``encoded_samples`` gave it, when it was found with others'."""
    if not text.strip():
        return languages[0], False
    languages = tuple(languages)
    identifier = language_identifier(languages)
    if sample is None:
        sample = encoded_samples([text], languages)[0]
    # The likeliest language, not a ranking of all 97: sorting them cost as much as scoring the text.
    likeliest, probability = identifier.classify(sample)
    if likeliest in languages:
        return likeliest, True
    if probability >= FOREIGN_MIN_PROBABILITY and reads_as_sentences(text):
        return likeliest, True
    # Among the languages in scope only, the short texts' choice is far more reliable than over all.
    return listed_language_identifier(languages).classify(sample)[0], False


def encoded_samples(texts: Sequence[str], languages: Sequence[str] = DEFAULT_LANGUAGES) -> list[EncodedText]:
    """The part of each of ``texts`` that ``identified_language`` reads, encoded with its features found (once, for
    both identifiers it may ask), all in one search: a batch's texts cost less together than one by one."""
    # The identifier's cost grows with the text; 400 characters (60 words) decide
    # as well as a whole document and keep it a small share of a /predict.
    return language_identifier(tuple(languages)).encoded_all([text[:LANGUAGE_SAMPLE] for text in texts])


def reads_as_sentences(text: str) -> bool:
    """Whether ``text`` has FOREIGN_MIN_WORDS words or more, two in five of them lower-case or more: prose (German
    capitalises its nouns: half its words), not a list of names ("Bobrowniki, Ciechocin, Lipno", "Comuna de Lipowiec
    Kościelny")."""
    words = WORD_TOKEN.findall(text[:LANGUAGE_SAMPLE])
    return len(words) >= FOREIGN_MIN_WORDS and 5 * sum(word[0].islower() for word in words) >= 2 * len(words)


# A text with this many lower-case words reads as words of a language, not as names: without frequent words that
# settle it, the language identifier's choice for it is its own, whatever its project's usual language ("Arsenal
# defender William Saliba signed a new contract." in a project of mostly Portuguese texts is English).
LANGUAGE_WORDS = 3


def reads_as_words(text: str) -> bool:
    """Whether ``text`` has LANGUAGE_WORDS lower-case words or more (in its first LANGUAGE_SAMPLE characters)."""
    sample = text[:LANGUAGE_SAMPLE]
    words: Iterable[str] | None = ascii_words(sample)
    if words is None:  # read up to the words it needs: prose has them first
        words = (word.group() for word in WORD_TOKEN.finditer(sample))
    lower = 0
    for word in words:
        if word[0].islower():
            lower += 1
            if lower == LANGUAGE_WORDS:
                return True
    return False


_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]+")
# A word: letters and digits, maybe joined by a hyphen or an apostrophe.
WORD_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Each ASCII byte that is in no word (WORD_TOKEN: none but letters, digits, hyphens and apostrophes) made a space, the
# others kept (``folded_words``).
_ASCII_NO_WORD = bytes(code if code >= 128 or chr(code).isalnum() or chr(code) in "-'" else 32 for code in range(256))


# Each Latin-1 byte in no word made a space, the others kept, as _ASCII_NO_WORD (WORD_TOKEN's letters and digits are
# the characters ``str.isalnum`` tells: "ç", "º", "²" are, "×", "«", nbsp are not).
_LATIN1_NO_WORD = bytes(code if chr(code).isalnum() or chr(code) in "-'" else 32 for code in range(256))
# Where a hyphen or an apostrophe joins no two words, in a text padded with a space each side: beside a space (a dash,
# a quotation mark), or beside another.
_SPACED_JOINERS = (b" -", b"- ", b" '", b"' ")
_LONE_JOINERS = (*_SPACED_JOINERS, b"--", b"''", b"-'", b"'-")


def folded_words(folded: str) -> list[str]:
    """``WORD_TOKEN.findall(folded)``, split on the bytes of no word by one table where the text is Latin-1 and each
    of its hyphens and apostrophes joins two words or stands beside a space (most texts once folded: ASCII alone,
    without joiners, was 0.93 of B2W's reviews and 0.62 of WikiANN-pt's sentences; this is 0.82 of the bench pages'
    lines and 0.65 of their paragraphs, folded or normalised): three quarters of the regular expression's cost on a
    paragraph, which allocates its stack again at every word."""
    try:
        spaced = folded.encode("latin-1").translate(_LATIN1_NO_WORD)
    except UnicodeEncodeError:
        return WORD_TOKEN.findall(folded)
    if b"-" in spaced or b"'" in spaced:
        spaced = _without_spaced_joiners(spaced)
        if any(pair in spaced for pair in _LONE_JOINERS):  # a joiner beside another, or beside one that was
            return WORD_TOKEN.findall(folded)
    return spaced.decode("latin-1").split()


def _without_spaced_joiners(spaced: bytes) -> bytes:
    """``spaced`` padded with a space each side, each hyphen or apostrophe beside a space made one."""
    spaced = b" " + spaced + b" "
    for pair in _SPACED_JOINERS:
        spaced = spaced.replace(pair, b"  ")
    return spaced


def ascii_words(text: str) -> list[str] | None:
    """``WORD_TOKEN.findall(text)`` of an ASCII text without hyphens and apostrophes, its bytes of no word made spaces
    by one table and the text split there: a sixth of the regular expression's cost (which allocates its stack again
    at every word; ``str.translate`` raises a KeyError inside for every character it keeps). None for another text."""
    if not text.isascii():
        return None
    spaced = text.encode("ascii").translate(_ASCII_NO_WORD)
    return None if b"-" in spaced or b"'" in spaced else spaced.decode("ascii").split()


def _fold_slowly(text: str) -> str:
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text))


# Each Latin-1 character as fold() leaves it: its base letter, or itself. A Latin-1 letter's decomposition is its base
# letter and one mark, and no Latin-1 character is a mark, so a text of them folds character by character.
_LATIN1_FOLDED = bytes(ord(_fold_slowly(chr(code))) for code in range(256))


def _windows_1252_folded() -> bytes:
    """Each Windows-1252 byte's character as fold() leaves it, as that byte again (the five bytes the code page leaves
    undefined, which no encoded text holds, as themselves). The code page is Latin-1's letters with its C1 controls
    swapped for web text's typography (curly quotes, dashes, the ellipsis, the euro sign) and "š", "ž", "œ": no
    character of it is a mark, and each folds to one of its characters, so its texts too fold character by character."""
    table = bytearray(range(256))
    for code in range(256):
        with contextlib.suppress(UnicodeDecodeError):
            table[code] = _fold_slowly(bytes([code]).decode("cp1252")).encode("cp1252")[0]
    return bytes(table)


_WINDOWS_1252_FOLDED = _windows_1252_folded()


def fold(text: str) -> str:
    """Case-folded text without accents (same length as ``text`` for
    precomposed accented letters, which is what web text uses)."""
    if text.isascii():  # str.lower has an ASCII path that casefold lacks (a third of its cost), and the same answer
        return text.lower()
    # western languages' texts are mostly in Latin-1: a byte table takes case and accents off in one pass (the text
    # encoded once: a second try, of the case-folded text, cost as much again in its error)
    if (latin1 := _latin1_without_long_folds(text)) is not None:
        return latin1.translate(_LATIN1_CASE_FOLDED).decode("latin-1")
    return _fold_beyond_latin1(text.casefold())


# Latin-1's two characters whose case-folded form is no one Latin-1 character: "ß" ("ss") and "µ" (Greek "μ").
_LATIN1_LONG_FOLDS = (b"\xdf", b"\xb5")
# Each other Latin-1 character case-folded (``str.casefold``), and that taken through _LATIN1_FOLDED (``fold``).
_LATIN1_CASEFOLDED = bytes(code if bytes([code]) in _LATIN1_LONG_FOLDS else ord(chr(code).casefold())
                           for code in range(256))
_LATIN1_CASE_FOLDED = _LATIN1_CASEFOLDED.translate(_LATIN1_FOLDED)


def _latin1_without_long_folds(text: str) -> bytes | None:
    """``text`` in Latin-1 if it is in Latin-1 and holds neither of _LATIN1_LONG_FOLDS; else None."""
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return None if _LATIN1_LONG_FOLDS[0] in latin1 or _LATIN1_LONG_FOLDS[1] in latin1 else latin1


def casefolded(text: str) -> str:
    """``text.casefold()``, for most texts by a cheaper way with the same answer: ``str.lower``'s ASCII path (casefold
    has none: it looks each character up in the Unicode tables, 5% of the preload's instructions), or a byte table for
    a Latin-1 text (a third of casefold's cost on a Portuguese paragraph)."""
    if text.isascii():
        return text.lower()
    if (latin1 := _latin1_without_long_folds(text)) is not None:
        return latin1.translate(_LATIN1_CASEFOLDED).decode("latin-1")
    return text.casefold()


def _fold_beyond_latin1(folded: str) -> str:
    """``fold``'s end for a case-folded text outside Latin-1 (or one that held "ß" or "µ"): by Windows-1252's byte table
    where the text is in that code page (a Latin-1 text with curly quotes or dashes: two fifths of _fold_slowly's cost),
    else by NFD. The table folds ASCII and Latin-1's characters as _LATIN1_FOLDED does ("ß" folded to "ss" is ASCII)."""
    try:
        windows_1252 = folded.encode("cp1252")
    except UnicodeEncodeError:
        return _fold_slowly(folded)
    return windows_1252.translate(_WINDOWS_1252_FOLDED).decode("cp1252")


def normalise(text: str) -> str:
    """Case-folded text with runs of whitespace made one space: what task ids and duplicates compare."""
    folded = casefolded(text)
    # Most lines are normalised already: every whitespace character but the ASCII space is unprintable,
    # so a printable text without doubled or outer spaces comes out as it is (without splitting it into words).
    if folded.isprintable() and "  " not in folded and folded[:1] != " " and folded[-1:] != " ":
        return folded
    return " ".join(folded.split())


# Frequent words of pt, en and es (folded: no accents). A text with enough
# words of one list and few of the others' is decided by them; anything else
# goes to the language identifier (``detect_language``), which costs ~0.4 ms.
STOPWORDS: dict[str, frozenset[str]] = {
    "pt": frozenset(fold(
        "o os e do da dos das não é em na nas um uma com ao à às mais também são foi está isso "
        "pelo pela pelos pelas seu sua seus suas ou já muito quando então ele ela eles elas mas "
        "num numa este esse essa isto aquele até depois sobre há ser tem têm nos pelo"
    ).split()),
    "en": frozenset(
        "the and of to is in that it for was on with as by be are this have from or at an not "
        "but which they has their he she we you will been would its were there what".split()
    ),
    "es": frozenset(fold(
        "el la los las y del es con una un pero más al lo su sus fue muy también hay "
        "ser ha han este esta eso esto cuando entre sobre hasta donde porque"
    ).split()),
}
# Only words of one language tell languages apart.
DISTINCTIVE_STOPWORDS = {
    language: words - frozenset().union(*(other for name, other in STOPWORDS.items() if name != language))
    for language, words in STOPWORDS.items()
}
# Frequent words of other languages (French, Italian, German, Dutch, Catalan, Galician), none a word of pt, en
# or es ("per", "von", "die", "mit", "polo", "dei", "alla", "les", "sur", "très", "über" are, and are left out:
# "tres" is three, "Uber" a company): a French text has as many
# words of the Spanish list ("la", "un", "y", "entre") as a Spanish one of a few lines, and was decided "es" by
# them. A text with as many of these is decided by the language identifier, over every language it knows.
OTHER_LANGUAGES_STOPWORDS = frozenset(fold(
    "le des est et une pour dans qui pas avec ce ces aux du il elle nous vous ont sont cette leur être été "
    "di che non sono della delle degli nella gli anche questo nel molto hanno più und ist nicht ein eine sich "
    "auf für dem zu auch wird sind wir ich aber oder nach werden haben het een zijn niet voor wordt ook naar "
    "maar heeft worden deze els amb aquest aquesta dels també doncs dunha tamén moito xa"
).split())
assert not OTHER_LANGUAGES_STOPWORDS & frozenset().union(*STOPWORDS.values())
QUICK_LANGUAGE_MIN_HITS = 4


def leads_clearly(best: Any, second: Any, other: Any) -> Any:
    """Whether a language's ``best`` count of distinct stopwords decides a
    text (elementwise, for arrays of counts): enough of them, three times the
    ``second`` listed language's and twice the ``other`` languages'."""
    return (best >= QUICK_LANGUAGE_MIN_HITS) & (best >= 3 * second) & (best >= 2 * other)


def decide_languages(hits: np.ndarray, languages: Sequence[str], other_hits: np.ndarray | None = None
                     ) -> list[str | None]:
    """For rows of distinct stopword hits per language (and ``other_hits``:
    of OTHER_LANGUAGES_STOPWORDS), the language that ``leads_clearly`` (an
    English page quoting a sentence in French is English), or None."""
    import numpy as np  # not at import: `anota export` reads this module and needs no numpy

    ordered = np.sort(hits, axis=1)
    best = ordered[:, -1]
    second = ordered[:, -2] if hits.shape[1] > 1 else np.zeros_like(best)
    clear = leads_clearly(best, second, 0 if other_hits is None else other_hits)
    winners = np.argmax(hits, axis=1)
    return [languages[winner] if decided else None for winner, decided in zip(winners.tolist(), clear.tolist())]


def quick_language(tokens: Iterable[str], languages: Sequence[str]) -> str | None:
    """The language whose distinctive words clearly dominate ``tokens``
    (folded words), or None: ``decide_languages`` for one text, without
    numpy, whose set-up cost more than the rest (15 µs a text)."""
    return told_languages(stopword_hits(tokens), languages)[0]


# What a text leans to when the frequent words of languages without a list outnumber the listed ones'.
OTHER_LANGUAGE = "other"
# From this many words, an unclear text whose stopwords lean to another language
# than its document's (or project's) is identified on its own (a paragraph in English quoted in a
# Portuguese page); a shorter one ("Ok.", "Ver original") takes its document's.
LEANING_TEXT_WORDS = 4
# From this many words, a text the identifier finds in a language outside the listed ones is in that language
# though its page is in a listed one (a paragraph quoted in French); a shorter one is a name or title in it
# ("Chama cha Demokrasia na Maendeleo", "Weißt du wohin wir gehen"), which its page's annotators label as the
# page's, and which takes the page's language.
FOREIGN_IN_PAGE_WORDS = 8


def leaning_language(tokens: Iterable[str], languages: Sequence[str]) -> str | None:
    """The listed language with the most distinct distinctive frequent words among ``tokens`` (folded words) when
    no other listed one has as many, OTHER_LANGUAGE when other languages' frequent words outnumber them, else None
    (the preload counts the same for a whole batch at once)."""
    return told_languages(stopword_hits(tokens), languages)[1]


# The language of each distinctive frequent word (no two languages share one), and OTHER_LANGUAGE for the other
# languages' frequent words (none a word of a listed language's).
STOPWORD_LANGUAGES = {word: language for language, words in DISTINCTIVE_STOPWORDS.items() for word in words} | \
    dict.fromkeys(OTHER_LANGUAGES_STOPWORDS, OTHER_LANGUAGE)
_STOPWORDS_OF_SOME_LANGUAGE = frozenset(STOPWORD_LANGUAGES)


def stopword_hits(tokens: Iterable[str]) -> dict[str, int]:
    """How many distinct distinctive frequent words of each language ``tokens`` (folded words) hold, under
    OTHER_LANGUAGE those of the other languages: one look-up a word, where counting each language's took a set of
    the words and an intersection a language."""
    hits: dict[str, int] = {}
    for word in _STOPWORDS_OF_SOME_LANGUAGE.intersection(tokens):
        language = STOPWORD_LANGUAGES[word]
        hits[language] = hits.get(language, 0) + 1
    return hits


def told_languages(hits: Mapping[str, int], languages: Sequence[str]) -> tuple[str | None, str | None]:
    """What a text's ``stopword_hits`` tell: the listed language they settle (``quick_language``: with at least
    QUICK_LANGUAGE_MIN_HITS that ``leads_clearly``, of the listed languages when each has a list) and the one they
    lean to (``leaning_language``: the listed language with the most when no other has as many, OTHER_LANGUAGE when
    other languages' outnumber it); None for each they do not tell."""
    counts = [hits.get(language, 0) for language in languages]
    best, other = max(counts), hits.get(OTHER_LANGUAGE, 0)
    leader = languages[counts.index(best)]
    settled = None
    if best >= QUICK_LANGUAGE_MIN_HITS and all(map(DISTINCTIVE_STOPWORDS.__contains__, languages)):
        second = sorted(counts)[-2] if len(counts) > 1 else 0
        settled = leader if leads_clearly(best, second, other) else None
    if other > best:
        return settled, OTHER_LANGUAGE
    return settled, leader if counts.count(best) == 1 else None


def its_own_language(language: str, likeliest: bool, leaning: str | None, words: int,
                     languages: Sequence[str]) -> bool | None:
    """Whether the identifier's ``language`` for a text that leans away from its page's (or project's) is the
    text's own, or the text takes its page's: a text leaning to other languages' frequent words that the identifier
    gives a listed language is a name in its page's ("Louis-René des Forêts" in an English page), and a short one in
    an unlisted language, or given a listed one that the identifier did not find the ``likeliest``, a title in a page
    in a listed one (FOREIGN_IN_PAGE_WORDS). None: its own only if its page's is unlisted."""
    if language in languages and leaning == OTHER_LANGUAGE:
        return False
    if words >= FOREIGN_IN_PAGE_WORDS:
        return True
    if language in languages:
        return likeliest
    return None


class FrequentWords(NamedTuple):
    """What a text's frequent words tell of its language (``frequent_words_languages``)."""

    settled: str | None  # the language they settle (``quick_language``)
    leaning: str | None  # the one they lean to (``leaning_language``)
    tokens: tuple[str, ...]  # its folded words, for ``language_past_frequent_words``


def frequent_words_languages(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> FrequentWords:
    """The language ``text``'s frequent words settle and the one they lean to, None for each they do not tell."""
    tokens = tuple(folded_words(fold(text)))
    return FrequentWords(*told_languages(stopword_hits(tokens), languages), tokens)


def task_language(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES, usual: str | None = None) -> str:
    """The language of one text among ``languages``: by its frequent words
    when they settle it, else by the language identifier. The preload and
    /predict decide a text's language alike: given the ``usual`` language of
    the text's project (``server.predicting.UsualLanguages``), a text whose
    frequent words do not lean away from it takes it, as a segment takes its
    page's in the preload: a name, a list of names or a field line carries no
    language of its own, and the identifier read "Prime Minister: Adolphe
    Muzito" as Portuguese (the wrong model and lexicons for it)."""
    tokens = folded_words(fold(text))
    return quick_language(tokens, languages) or language_past_frequent_words(text, tokens, languages, usual)


def language_past_frequent_words(text: str, tokens: Sequence[str], languages: Sequence[str],
                                 usual: str | None = None, sample: EncodedText | None = None) -> str:
    """``task_language`` of a text whose frequent words do not settle it, given its folded words (``tokens``:
    /predict has them from ``frequent_words_languages``, and does not fold and split a new text twice) and maybe
    its ``sample``, as ``encoded_samples`` gave it with other texts'."""
    if usual is None or reads_as_words(text):
        return identified_language(text, languages, sample)[0]
    leaning = leaning_language(tokens, languages)
    if len(tokens) < LEANING_TEXT_WORDS or leaning in (None, usual):
        return usual
    language, likeliest = identified_language(text, languages, sample)
    own = its_own_language(language, likeliest, leaning, len(tokens), languages)
    return language if own or (own is None and usual not in languages) else usual


# A language tag as tasks state it: "pt", "pt-BR", "PT", "pt_PT", "eng".
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*", re.IGNORECASE)
# Three-letter codes (ISO 639-2) of the languages Anota ships pipelines or lexicons for.
_TWO_LETTER_CODES = {"por": "pt", "eng": "en", "spa": "es"}


def language_code(tag: object) -> str | None:
    """A task's stated language as Anota's pipelines, lexicons and
    ``ANOTA_LANGUAGES`` name it: "pt-BR", "PT" and "por" are "pt"; None for
    what is no language tag ("", "Portuguese", a number), whose text's language
    is then detected. Without this a "pt-BR" text got no trained model and no
    sentiment: they are looked up by the bare code."""
    if not isinstance(tag, str) or not (match := _LANGUAGE_TAG.fullmatch(tag.strip())):
        return None
    code = match.group(1).lower()
    return _TWO_LETTER_CODES.get(code, code)


@dataclass(frozen=True)
class Pipeline:
    """A loaded spaCy pipeline and the lock that serialises its use: spaCy does
    not promise that one ``Language`` object is safe to call from two threads."""

    nlp: Language
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False)

    def pipe(self, texts: Sequence[str]) -> list[Doc]:
        """The texts parsed, each with its Unicode spaces read as plain ones (``plain_spaces``)."""
        with self.lock:
            return list(self.nlp.pipe(map(plain_spaces, texts), batch_size=max(1, len(texts))))


# Space separators other than U+0020: a no-break space (HTML's &nbsp;, what
# word processors put after "Sr." or inside "R$ 35"), thin, narrow and em
# spaces. spaCy splits words on U+0020 only and makes each of these a token of
# its own, so "Olaf\u00a0Scholz" was two words with a space token between, and
# the model saw no name there.
_UNICODE_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_AS_PLAIN_SPACES = {ord(space): " " for space in "\u00a0\u1680\u202f\u205f\u3000"} | {
    code: " " for code in range(0x2000, 0x200B)}


def plain_spaces(text: str) -> str:
    """``text`` with its Unicode space separators as U+0020: the same length,
    so every offset holds (regions quote the task's own text)."""
    return text.translate(_AS_PLAIN_SPACES) if _UNICODE_SPACES.search(text) else text


@functools.cache
def load_pipeline(path: str) -> Pipeline:
    """Load a saved spaCy pipeline once per process."""
    import spacy

    return Pipeline(spacy.load(path))


@functools.cache
def blank_pipeline(language: str) -> Pipeline:
    """Tokens only, for a language without a trained pipeline."""
    import spacy

    try:
        return Pipeline(spacy.blank(language))
    except ImportError:  # spaCy has no tokenizer rules for this language
        return Pipeline(spacy.blank("xx"))


class Pipelines:
    """Which pipeline analyses which language: a trained one from a folder when
    it is there, spaCy's rule-based tokenizer otherwise."""

    def __init__(self, paths: Mapping[str, str]) -> None:
        # Checked once: a model folder is shipped or trained before the app starts.
        self.paths = {language: str(path) for language, path in paths.items()}
        self.missing = {lang: path for lang, path in self.paths.items() if not (Path(path) / "meta.json").is_file()}

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Pipelines:
        """The ``PIPELINES`` setting (language -> model folder), or the shipped models."""
        return cls(config.get("PIPELINES") or DEFAULT_PIPELINES)

    def get(self, language: str) -> Pipeline:
        path = self.paths.get(language)
        if path is None or language in self.missing:
            return blank_pipeline(language)
        return load_pipeline(path)


def piece_bounds(text: str, language: str | None = None, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text`` that cover it, each
    of at most ``limit`` characters, each but the first beginning a paragraph,
    else a line, else a sentence, else a word (``piece_start``)."""
    bounds, start = [], 0
    while len(text) - start > limit:
        end = piece_start(text, start + limit // 2, start + limit, language)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def piece_start(text: str, earliest: int, latest: int, language: str | None) -> int:
    """The best place from ``earliest`` to ``latest`` for a piece to begin:
    the last paragraph's start there, else the last line's, sentence's or
    word's; ``latest`` when the window is one word."""
    for found in (PARAGRAPH_BREAK, LINE_BREAK, None, WHITESPACE):
        if found is None:  # a sentence's start, the first sentence of the window being cut
            starts = [earliest + start for start, _end in split_sentences(text[earliest:latest], language)[1:]]
        else:
            starts = [match.end() for match in found.finditer(text, earliest, latest)]
        if starts := [start for start in starts if earliest < start <= latest]:
            return starts[-1]
    return latest


def parse_rounds(lengths: Sequence[int], limit: int = PARSE_ROUND_CHARS) -> list[int]:
    """The round of each text (by its length, in order) when consecutive texts
    are parsed together up to ``limit`` characters a round (one text at least)."""
    rounds, round_number, chars = [], 0, 0
    for length in lengths:
        if chars and chars + length > limit:
            round_number, chars = round_number + 1, 0
        rounds.append(round_number)
        chars += length
    return rounds


class TextBatch:
    """Texts analysed together: the first plugin that asks for a text's
    ``Doc`` gets the text's round of the batch (``parse_rounds``; a request of
    ordinary tasks is one round) parsed with ``nlp.pipe`` (one call per
    language), which is several times faster than parsing text by text."""

    def __init__(self, texts: Sequence[AnalyzedText]) -> None:
        # Weak references: each text refers to its batch, and a cycle would
        # leave every /predict's texts to the garbage collector (a full young-
        # generation pass per request) instead of freeing them on return.
        self._texts = [weakref.ref(text) for text in texts]
        # Each text's parse round (parse_rounds), made at the first parse: a request whose annotators read no
        # Doc needs none.
        self._rounds: dict[int, int] | None = None
        self._docs: dict[int, Doc] = {}
        self._lock = threading.Lock()

    @property
    def texts(self) -> list[AnalyzedText]:
        return [text for text in (ref() for ref in self._texts) if text is not None]

    def is_last(self, text: AnalyzedText) -> bool:
        """Whether ``text`` is the batch's last (plugins that buffer per batch flush there)."""
        return bool(self._texts) and self._texts[-1]() is text

    def doc(self, text: AnalyzedText) -> Doc:
        with self._lock:
            if id(text) not in self._docs:
                if self._rounds is None:
                    texts = self.texts
                    self._rounds = dict(zip(map(id, texts), parse_rounds([len(each.text) for each in texts])))
                self._parse(self._rounds, self._rounds[id(text)])
        return self._docs[id(text)]

    def _parse(self, rounds: dict[int, int], round_number: int) -> None:
        by_language: dict[str, list[AnalyzedText]] = defaultdict(list)
        for text in self.texts:
            if rounds[id(text)] == round_number:
                by_language[text.language].append(text)
        for group in by_language.values():
            parsed = group[0].pipeline.pipe([text.text for text in group])
            self._docs.update((id(text), doc) for text, doc in zip(group, parsed))


def analyze_together(texts: Sequence[AnalyzedText]) -> None:
    """Make ``texts`` share one batched parse (lazily, on the first ``doc``)."""
    batch = TextBatch(texts)
    for text in texts:
        text.batch = batch


Value = TypeVar("Value")


class computed_once(Generic[Value]):  # noqa: N801  (used as a decorator, like functools.cached_property)
    """A property computed on its first read and then stored in the instance,
    as ``functools.cached_property`` without its lock: Python 3.11's lock is one
    per property, shared by every instance, so each text's first read of
    ``language`` contended with the annotators' threads reading other texts'
    (a /predict of 100 tasks spent more in that lock than in the languages).
    For values computed purely and cheaply, where two threads computing one at
    once is harmless."""

    def __init__(self, compute: Callable[[Any], Value]) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> computed_once[Value]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> Value: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Value | computed_once[Value]:
        if instance is None:
            return self
        # Stored under the same name, the value hides this (non-data) descriptor from now on.
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass
class AnalyzedText:
    """One task text and what has been worked out about it so far."""

    text: str
    language_hint: str | None = None
    languages: Sequence[str] = DEFAULT_LANGUAGES
    pipelines: Pipelines = field(default_factory=lambda: Pipelines(DEFAULT_PIPELINES), repr=False)
    # Label Studio's project id, when known: plugins that learn keep per-project state.
    project_id: int | None = None
    # ``(part, parts)``: the text is part ``part`` (from 0) of the ``parts`` tasks
    # of its source document, when the task says so (Anota's preload writes it
    # in ``meta``): a paragraph task tells a document's opening from the rest.
    part: tuple[int, int] | None = None
    batch: TextBatch | None = field(default=None, repr=False)
    # A piece of a long text (``pieces``): that text, and where the piece starts in it.
    whole: AnalyzedText | None = field(default=None, repr=False, compare=False)
    offset: int = 0
    # The task's text as Label Studio holds it, when ``text`` is its readable copy (``readable_text``): regions are
    # sliced from it; None when the two are the same.
    as_sent: str | None = field(default=None, repr=False, compare=False)

    @computed_once
    def language(self) -> str:
        # A text whose frequent words settle it needs no language identifier
        # (a third of its cost here), and gets the same language as from the preload.
        return self.language_hint or task_language(self.text, self.languages)

    @property
    def pipeline(self) -> Pipeline:
        return self.pipelines.get(self.language)

    @functools.cached_property
    def doc(self) -> Doc:
        """The text parsed by its language's pipeline: tokens and, where a
        trained model exists, its named entities."""
        if self.batch is not None:
            return self.batch.doc(self)
        return self.pipeline.pipe([self.text])[0]

    def pieces(self) -> list[AnalyzedText]:
        """The text in pieces of at most PIECE_CHARS characters
        (``piece_bounds``): the text alone when it is no longer. A piece has
        the text's language and project, the text as its ``whole`` and its
        ``offset`` there, and after the first one its place among the pieces as
        its ``part`` (only the first opens the text)."""
        if len(self.text) <= PIECE_CHARS:
            return [self]
        bounds = piece_bounds(self.text, self.language)
        return [
            AnalyzedText(self.text[start:end], language_hint=self.language, languages=self.languages,
                         pipelines=self.pipelines, project_id=self.project_id,
                         part=self.part if index == 0 else (index, len(bounds)), whole=self, offset=start)
            for index, (start, end) in enumerate(bounds)
        ]

    @computed_once
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence boundaries as ``(start, end)`` offsets, whitespace trimmed
        (language-aware: see :mod:`server.segmentation`)."""
        return split_sentences(self.text, self.language)
