"""Preload the configured sources into clean, stable annotation tasks.

One pass over the documents, in source order, segment by segment:

1. segmentation into the task unit (``TASK_UNIT``), each segment a slice of its
   document (``text[start:end]``);
2. boilerplate: navigation, buttons, cookie/privacy/copyright/disclaimer
   notices, subscribe/share/read-also prompts, bylines, in Portuguese and
   English, decided by length, position, lexical cues and, after the pass,
   repetition across documents (see :func:`boilerplate_reason`);
3. exact duplicates (same text after case and whitespace normalisation) become
   one task that counts its copies;
4. near-duplicates (one word or number changed) are merged into the first
   occurrence when their estimated Jaccard similarity of character 5-grams
   reaches ``NEAR_DUPLICATE_THRESHOLD`` (MinHash sketches, datasketch's LSH);
5. language of every kept task.

Every segment left out is stored with its reason (``/tasks/excluded``). A
task's id is a hash of its normalised text. The run is recorded with a
fingerprint of the settings and of the sources' contents: starting again on
unchanged sources does no work, and a change replaces the tasks in one
transaction. Only the task index (ids, copy counts, sketches) is kept in memory;
texts go to the database as they are made.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import LeanMinHash, MinHashLSH
from sqlalchemy import delete, insert, update

from server.analysis import detect_language
from server.segmentation import UNITS, segment
from server.sources import Document, Loader, LoaderError, SourceFile, file_digest, find_source_files
from server.tasks import Exclusion, PreloadRun, Task

if TYPE_CHECKING:
    from flask import Flask

    from server.db import Database

log = logging.getLogger(__name__)

# Bump when a change here changes which tasks come out: stored runs are redone.
PIPELINE_VERSION = "1"
PRELOAD_RUN_ID = 1
INSERT_BATCH = 2000

# -------------------------------------------------------------------------
# Normalisation and ids
# -------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Case-folded text with runs of whitespace made one space."""
    return " ".join(text.casefold().split())


def task_id(normalised: str) -> str:
    """The stable id of a task: the same text gives the same id everywhere."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


# -------------------------------------------------------------------------
# Boilerplate
# -------------------------------------------------------------------------

# Lexical cues of page chrome by kind: (strong, phrases). Phrases are regexes
# over case-folded text without accents, each starting with a whole literal
# word, so a segment is only tried against the phrases whose first word it
# contains (one set intersection instead of a scan per phrase). Phrases with
# "^" are tried at the segment's start only. "Strong" kinds are phrases that
# content rarely uses; "weak" kinds (share, subscribe...) are ordinary words
# too, so they count alone only in short segments that are not sentences.
CUES: dict[str, tuple[bool, tuple[str, ...]]] = {
    "cookie notice": (True, (
        "cookie", "cookies", "ao continuar (a )?naveg[a-z]*", "by continuing to (browse|use)",
        "voce concorda com", "you agree to", "aceitar todos", "aceitar cookies", "accept all", "accept cookies",
    )),
    "privacy notice": (True, (
        "politica de privacidade", "aviso de privacidade", "privacy (policy|notice|settings|statement)", "lgpd", "gdpr",
    )),
    "copyright notice": (True, (
        "copyright", "todos os direitos reservados", "all rights reserved", "direitos autorais reservados",
        "proibida a reproducao", "reproducao proibida", "e proibida a reproducao",
    )),
    "disclaimer": (True, (
        "conteudo de terceiros", "conteudos de terceiros", "third-party (content|material|sites?)",
        "third party (content|material|sites?)",
        "fins informativos", "informational purposes", "para fins de informacao",
        "nao (devem?|deve) ser considerad[oa]s?", "nao constitu[ie]m?", "does not constitute",
        "should not be (considered|construed|relied)", "must not be (considered|construed|relied)",
        "aconselhamento (financeiro|profissional|juridico)",
        "recomendacao de investimento", "financial advice", "investment advice", "legal advice", "professional advice",
        "isencao de responsabilidade", "exoneracao de responsabilidade", "disclaimer", "sem representacoes",
        "without (any )?(representations?|warrant[a-z]*)", "opinioes (aqui )?expressas", "views expressed",
        "nao (reflete|refletem|representa|representam) (necessariamente )?(a )?(opiniao|posicao)",
        "do not (necessarily )?reflect", "does not (necessarily )?reflect", "nao se responsabiliza",
        "not responsible for",
    )),
    "terms notice": (True, ("termos (de uso|e condicoes|de servico)", "terms (of (use|service)|and conditions)")),
    "navigation": (True, (
        "skip to (the )?(main )?(content|navigation)", "pular para o conteudo", "ir para o conteudo",
        "back to top", "voltar ao topo", "menu principal", "main menu", "breadcrumb", "breadcrumbs",
        "mapa do site", "sitemap", "seu navegador nao suporta", "your browser does not support",
        "enable javascript", "ative o javascript", "powered by",
    )),
    # A link announced by its prompt: "Leia também: ...", "Read more » ...".
    "link prompt": (True, (
        "^(leia|veja|read|see|acesse|confira|saiba|related|relacionad[oa]s?|more|mais)"
        "( (tambem|mais|more|also|next|on|too))? ?[:|»›>]",
    )),
    "subscribe prompt": (False, (
        "assine", "assinar", "assinante", "inscreva-se", "cadastre-se", "subscribe", "subscription", "sign up",
        "newsletter", "receba (as )?(noticias|novidades)", "caixa de entrada", "inbox", "get the latest",
        "gostou (deste|desse|do) (conteudo|artigo|post|texto)", "ative as notificacoes", "ative o sininho",
        "inscreva-se no (nosso )?canal", "deixe (seu|o seu) like", "enjoyed this (article|post|story)",
        "turn on notifications", "hit the bell",
    )),
    "read-also prompt": (False, (
        "leia (tambem|mais)", "veja (tambem|mais)", "saiba mais", "continue lendo", "continuar lendo",
        "read (more|also|next)", "related (articles?|stories|posts|content)", "mais lidas", "most (read|popular)",
        "recomendado para voce", "recomendados para voce", "recomendadas para voce",
        "recommended (for you|stories)", "continue reading",
        "materias relacionadas", "noticias relacionadas", "you (may|might) also like", "acesse tambem",
        "^(tags|temas|assuntos|topics|topicos) ?:",
    )),
    "share prompt": (False, (
        "compartilhe", "compartilhar", "compartilhamento", "partilhe", "partilhar", "share", "shares", "tweet",
        "whatsapp", "facebook", "linkedin", "telegram", "copiar (o )?link", "copy link", "enviar por e-?mail",
        "email this", "siga-nos", "follow us", "siga (o|a|nosso|nossa) [a-z]+ (no|nas|on)",
    )),
    "button or link label": (False, (
        "^(ver|view|see|show|mostrar|exibir|abrir|open) (o |a )?(original|traducao|translation|more|mais|less|"
        "menos|all|todos|todas|tudo|comments|comentarios|full)",
        "clique aqui", "click here", "carregar mais", "load more", "entrar", "login", "log in", "sign in",
        "fazer login", "logout", "sair", "crie sua conta", "create (an|your) account", "ouca este",
        "listen to this", "imprimir", "print this", "was this (article|page|story) helpful",
        "esta (materia|noticia|pagina) foi util", "este conteudo foi util",
        "^(proxim[oa]|anterior|next|previous|voltar|back)( (pagina|noticia|materia|article|page|post))?$",
    )),
    "advertisement": (False, (
        "^(publicidade|advertisement|anuncio|sponsored|patrocinado|conteudo patrocinado|ads?|advertising)",
    )),
    "byline or credit": (False, (
        "^(foto|fotos|photo|photos|photograph|image|imagem|credito|credit|fonte|source|reportagem|edicao|"
        "reporting|editing|video) ?:",
        r"^(por|by) [^\W\d_]+( [^\W\d_]+){0,3}(,? ?(da|de|do|from|for|of)? ?[^\W\d_]+)?$",
        "tempo de leitura", "min read", "minute read", "minutes read", "minutos de leitura", "min de leitura",
        r"^(publicad[oa]|atualizad[oa]|published|updated|posted)\b[^.!?]*\d",
        r"^\d{1,2}(/|\.|-| de )\S+(/|\.|-| de )\d{2,4}\b",
    )),
    "comments prompt": (False, (
        "comentario", "comentarios", "comment", "comments", "deixe (seu|um|o seu) comentario", "leave a (comment|reply)",
    )),
}
# Cues that start with a symbol, found by a substring test.
SYMBOL_CUES: tuple[tuple[str, str, str], ...] = (
    ("copyright notice", "©", "©"),
    ("copyright notice", "(c)", r"\(c\) ?(19|20)\d\d"),
)
STRONG_KINDS = frozenset(kind for kind, (strong, _phrases) in CUES.items() if strong) | {"copyright notice"}
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]+")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def fold(text: str) -> str:
    """Case-folded text without accents (same length as ``text`` for
    precomposed accented letters, which is what web text uses)."""
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text.casefold()))


def _compile_cues() -> tuple[dict[str, list[tuple[str, re.Pattern[str]]]], list[tuple[str, re.Pattern[str]]]]:
    by_first_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    at_start: list[tuple[str, re.Pattern[str]]] = []
    for kind, (_strong, phrases) in CUES.items():
        for phrase in phrases:
            if phrase.startswith("^"):
                at_start.append((kind, re.compile(phrase)))
                continue
            first_word = re.match(r"[a-z0-9-]+", phrase)
            if first_word is None or phrase[first_word.end() : first_word.end() + 1] not in ("", " "):
                raise ValueError(f"cue {phrase!r} must start with a whole literal word")
            # A literal start lets the regex engine skip ahead fast; the word
            # boundary before it is checked on the (rare) matches.
            pattern = re.compile(rf"{phrase}(?![^\W_])")
            by_first_word.setdefault(first_word.group(), []).append((kind, pattern))
    return by_first_word, at_start


_CUES_BY_FIRST_WORD, _CUES_AT_START = _compile_cues()
_CUE_FIRST_WORDS = frozenset(_CUES_BY_FIRST_WORD)
_SYMBOL_CUES = [(kind, literal, re.compile(pattern)) for kind, literal, pattern in SYMBOL_CUES]


def find_cues(folded: str, tokens: Sequence[str], original: str = "") -> dict[str, list[str]]:
    """Cue phrases found in a folded text, by kind of chrome; quoted from
    ``original`` when folding kept its length (it nearly always does)."""
    quote = original if len(original) == len(folded) else folded
    found: dict[str, set[str]] = {}

    def add(kind: str, match: re.Match[str]) -> None:
        found.setdefault(kind, set()).add(quote[match.start() : match.end()].strip())

    for word in _CUE_FIRST_WORDS.intersection(tokens):
        for kind, pattern in _CUES_BY_FIRST_WORD[word]:
            for match in pattern.finditer(folded):
                if match.start() == 0 or not folded[match.start() - 1].isalnum():
                    add(kind, match)
    for kind, pattern in _CUES_AT_START:
        if match := pattern.match(folded):
            add(kind, match)
    for kind, literal, pattern in _SYMBOL_CUES:
        if literal in folded and (match := pattern.search(folded)):
            add(kind, match)
    return {kind: sorted(phrases) for kind, phrases in found.items()}


# A menu line: several short items between separators.
_MENU_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s{2,}|\t")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…:;]['\"”’»)\]]*$")

# Segments of at most this many words are "short": one weak cue is enough,
# and repeated across documents they are page template.
SHORT_WORDS = 15
# A fragment: this many words or fewer without sentence punctuation is a
# button, label or menu item, not something to annotate.
FRAGMENT_WORDS = 3
# A segment of at least this many words ending in sentence punctuation is a
# sentence, which one weak cue ("share", "login") does not make chrome.
SENTENCE_MIN_WORDS = 5
# Distinct cue phrases needed per this many words in a longer segment.
WORDS_PER_CUE = 30
# How many segments from either end of a document count as its edge, where
# headers and footers live.
EDGE_SEGMENTS = 3
# A menu line has at most this many words.
MENU_MAX_WORDS = 40
# A short segment repeated in this many documents is page template.
TEMPLATE_DOCUMENTS = 3


@dataclass(frozen=True)
class Position:
    """Where a segment is in its document: index among the document's segments."""

    index: int
    count: int

    @property
    def at_edge(self) -> bool:
        return self.index < EDGE_SEGMENTS or self.index >= self.count - EDGE_SEGMENTS

    def describe(self) -> str:
        if self.index >= self.count - EDGE_SEGMENTS:
            return "near the end of the document"
        if self.index < EDGE_SEGMENTS:
            return "near the start of the document"
        return "inside the document"


def boilerplate_reason(text: str, position: Position) -> tuple[str, str] | None:
    """``(kind, reason)`` when ``text`` is page chrome rather than content.

    Short segments (few words) need one cue; longer ones need several distinct
    cue phrases (one per ``WORDS_PER_CUE`` words, at least two, one fewer at
    the document's edges), so an article that mentions cookies or privacy stays.
    """
    folded = fold(text)
    return _chrome(text, folded, _TOKEN.findall(folded), position)


def _chrome(text: str, folded: str, tokens: Sequence[str], position: Position) -> tuple[str, str] | None:
    words = len(tokens)
    phrases = find_cues(folded, tokens, text)
    strong = not STRONG_KINDS.isdisjoint(phrases)
    if not phrases:
        if words <= FRAGMENT_WORDS and not _SENTENCE_PUNCTUATION.search(folded):
            plural = "s" if words != 1 else ""
            return "fragment", f"{words} word{plural} without sentence punctuation (a label, heading or menu item)"
        if words <= MENU_MAX_WORDS and _is_menu(folded):
            return "navigation", "a line of short items between separators (a menu)"
        return None
    distinct = sum(len(found) for found in phrases.values())
    if words <= SHORT_WORDS:
        # One ordinary word ("share", "assinar") does not make a whole
        # sentence chrome; a label, a phrase or a stronger cue does.
        sentence = words >= SENTENCE_MIN_WORDS and _SENTENCE_PUNCTUATION.search(folded)
        decided = strong or distinct >= 2 or not sentence
    else:
        needed = max(2, round(words / WORDS_PER_CUE)) - (1 if position.at_edge and strong else 0)
        decided = distinct >= needed
    if not decided:
        return None
    cues = "; ".join(f"{kind}: {', '.join(repr(p) for p in found)}" for kind, found in phrases.items())
    return "boilerplate", f"{cues}; {words} words, {position.describe()}"


def _is_menu(folded: str) -> bool:
    items = [item for item in _MENU_SEPARATORS.split(folded) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


# -------------------------------------------------------------------------
# Near-duplicate sketches
# -------------------------------------------------------------------------

NUM_PERM = 64
_BIN_BITS = 6  # 2**6 == NUM_PERM bins
# Shingles are words (their first WORD_BYTES bytes): one word changed
# ("twelve" -> "12") changes one shingle in n, and a paragraph has six times
# fewer of them to hash than character n-grams.
WORD_BYTES = 8
_PADDING = b" " * WORD_BYTES
_SPACE = ord(" ")
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_EMPTY = np.uint64(1 << 32)


@dataclass
class Sketch:
    """A text's MinHash signature and, for a text of at most ``NUM_PERM``
    distinct words, its word hashes, so similarity is exact where the
    signature's estimate would be coarse."""

    signature: np.ndarray
    words: np.ndarray | None


def sketches(normalised_texts: Sequence[str]) -> list[Sketch]:
    """Sketches of many texts in one numpy pass (per-call overhead shared).

    The signature uses one hash and ``NUM_PERM`` bins (one-permutation
    hashing; an empty bin takes the next bin's value), so its cost grows with
    the words, not with words x permutations."""
    encoded = [text.encode("utf-8") + _PADDING for text in normalised_texts]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    data = np.frombuffer(b"".join(encoded), dtype=np.uint8)
    starts = np.cumsum(lengths) - lengths
    word_start = np.zeros(len(data), dtype=bool)
    word_start[1:] = (data[:-1] == _SPACE) & (data[1:] != _SPACE)
    word_start[starts] = data[starts] != _SPACE
    positions = np.flatnonzero(word_start[: len(data) - WORD_BYTES + 1])
    owners = np.searchsorted(starts, positions, side="right") - 1
    # Each word's bytes up to the space after it (the padding ends the last).
    words = np.zeros(len(positions), dtype=np.uint64)
    inside = np.ones(len(positions), dtype=bool)
    for offset in range(WORD_BYTES):
        byte = data[positions + offset]
        inside &= byte != _SPACE
        words |= np.where(inside, byte, 0).astype(np.uint64) << np.uint64(8 * offset)
    hashes = _mix(words)
    slots = owners * NUM_PERM + (hashes >> np.uint64(64 - _BIN_BITS)).astype(np.int64)
    signatures = np.full(len(encoded) * NUM_PERM, _EMPTY, dtype=np.uint64)
    np.minimum.at(signatures, slots, hashes & np.uint64(0xFFFFFFFF))
    signatures = _densify(signatures.reshape(len(encoded), NUM_PERM)).astype(np.uint32)
    per_text = np.split(hashes, np.searchsorted(owners, np.arange(1, len(encoded))))
    return [
        Sketch(signature, unique if len(unique := np.unique(text_hashes)) <= NUM_PERM else None)
        for signature, text_hashes in zip(signatures, per_text, strict=True)
    ]


def _mix(values: np.ndarray) -> np.ndarray:
    # splitmix64's finaliser: every input bit reaches every output bit.
    values = (values ^ (values >> np.uint64(30))) * _MIX1
    values = (values ^ (values >> np.uint64(27))) * _MIX2
    return values ^ (values >> np.uint64(31))


# Where an empty bin looks for a value: a fixed random sequence of bins per
# bin (numpy's PCG64 is the same on every machine), so equal texts still
# agree bin by bin, while unrelated texts that share a few common words do not
# agree on whole bands (which borrowing from the next bin would make them do).
_DENSIFY_ATTEMPTS = 64
_DENSIFY_BINS = np.random.default_rng(20251130).integers(0, NUM_PERM, size=(_DENSIFY_ATTEMPTS, NUM_PERM))


def _densify(signatures: np.ndarray) -> np.ndarray:
    result = signatures.copy()
    empty = signatures == _EMPTY
    for bins in _DENSIFY_BINS:
        if not empty.any():
            return result
        borrowed = signatures[:, bins]
        filled = empty & (borrowed != _EMPTY)
        result[filled] = borrowed[filled]
        empty &= ~filled
    # Rarely (a text of one or two words) bins are still empty: take the
    # first filled bin. A text without words keeps them (and matches none).
    first = np.argmax(signatures != _EMPTY, axis=1)
    fallback = signatures[np.arange(len(signatures)), first]
    return np.where(empty, fallback[:, None], result)


def similarity(first: Sketch, second: Sketch) -> float:
    """Jaccard similarity of two texts' words: exact for short texts,
    estimated from the signatures otherwise."""
    if first.words is not None and second.words is not None:
        shared = len(np.intersect1d(first.words, second.words, assume_unique=True))
        return shared / (len(first.words) + len(second.words) - shared)
    return float(np.count_nonzero(first.signature == second.signature)) / NUM_PERM


# One word changed in a text of n distinct words leaves a similarity of
# (n-1)/(n+1): below this many words no change is small enough to be a
# near-duplicate, and such texts (titles, labels) would only crowd the buckets.
NEAR_DUPLICATE_MIN_WORDS = 6


def near_duplicate_possible(sketch: Sketch) -> bool:
    return sketch.words is None or len(sketch.words) >= NEAR_DUPLICATE_MIN_WORDS


class NearDuplicateIndex:
    """Sketches of the kept tasks, and datasketch's LSH buckets to find
    candidates without comparing against every kept task."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        # Weighted towards recall: candidates are checked against the threshold.
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.2, 0.8))
        self.sketches: dict[str, Sketch] = {}

    def find(self, sketch: Sketch, minhash: LeanMinHash) -> tuple[str, float] | None:
        """The most similar kept task at or above the threshold."""
        best: tuple[str, float] | None = None
        for key in self.lsh.query(minhash):
            score = similarity(self.sketches[key], sketch)
            if score >= self.threshold and (best is None or score > best[1]):
                best = (key, score)
        return best

    def add(self, key: str, sketch: Sketch, minhash: LeanMinHash) -> None:
        self.sketches[key] = sketch
        self.lsh.insert(key, minhash, check_duplication=False)

    @staticmethod
    def minhash(sketch: Sketch) -> LeanMinHash:
        return LeanMinHash(seed=1, hashvalues=sketch.signature, scheme="affine32")


# -------------------------------------------------------------------------
# Language
# -------------------------------------------------------------------------

# Frequent words of pt, en and es (folded: no accents). A text with enough
# words of one list and few of the others' is decided here; a short unclear
# text (a title) takes its document's language; anything else goes to the
# language identifier (server.analysis.detect_language), which costs ~0.4 ms.
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
QUICK_LANGUAGE_MIN_HITS = 4
# Below this many words, an unclear text takes its document's language.
SHORT_TEXT_WORDS = 12


def quick_language(tokens: Iterable[str], languages: Sequence[str]) -> str | None:
    """The language whose distinctive words clearly dominate ``tokens``
    (folded words), or None."""
    if not all(language in DISTINCTIVE_STOPWORDS for language in languages):
        return None
    words = set(tokens)
    hits = sorted(((len(words & DISTINCTIVE_STOPWORDS[language]), language) for language in languages), reverse=True)
    best, second = hits[0], hits[1] if len(hits) > 1 else (0, "")
    if best[0] >= QUICK_LANGUAGE_MIN_HITS and best[0] >= 3 * second[0]:
        return best[1]
    return None


def task_language(text: str, languages: Sequence[str]) -> str:
    """The language of one text among ``languages``."""
    return quick_language(_TOKEN.findall(fold(text)), languages) or detect_language(text, languages)


# -------------------------------------------------------------------------
# The preload run
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class PreloadSettings:
    unit: str
    near_duplicate_threshold: float
    languages: tuple[str, ...]
    loaders: tuple[str, ...]

    @classmethod
    def from_app(cls, app: Flask, loaders: Sequence[Loader]) -> PreloadSettings:
        unit = str(app.config["TASK_UNIT"]).strip().lower()
        if unit not in UNITS:
            raise ValueError(f"TASK_UNIT must be one of {', '.join(UNITS)}, not {unit!r}")
        threshold = float(app.config["NEAR_DUPLICATE_THRESHOLD"])
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"NEAR_DUPLICATE_THRESHOLD must be in (0, 1], not {threshold}")
        described = tuple(f"{type(loader).__module__}.{type(loader).__name__}:{loader.version}" for loader in loaders)
        return cls(unit, threshold, tuple(app.config["LANGUAGES"]), described)


@dataclass
class PreloadReport:
    """What a preload did; kept with the run and logged."""

    fingerprint: str = ""
    reused: bool = False
    files: int = 0
    documents: int = 0
    segments: int = 0
    tasks: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def preload_sources(app: Flask) -> PreloadReport | None:
    """Preload ``app.config["SOURCES"]`` into the task tables, unless
    ``PRELOAD`` is off; skip the work when nothing changed since the last run."""
    if not app.config["PRELOAD"]:
        return None
    from server.app import get_state

    state = get_state(app)
    loaders = []
    for plugin, loader in state.loaders:
        if isinstance(loader, Loader):
            loaders.append(loader)
        else:
            log.warning("preload: plugin %s registered %r, not a server.sources.Loader: ignored", plugin, loader)
    return preload(state.database, app.config["SOURCES"], loaders, PreloadSettings.from_app(app, loaders))


def preload(
    database: Database, sources: Sequence[str], loaders: Sequence[Loader], settings: PreloadSettings
) -> PreloadReport:
    started = time.perf_counter()
    files, skipped = find_source_files(sources, loaders)
    signature = _stat_signature(files)
    settings_key = json.dumps([PIPELINE_VERSION, asdict(settings)], sort_keys=True)
    with database.session() as session:
        run = session.get(PreloadRun, PRELOAD_RUN_ID)
        stored = (run.fingerprint, run.stat_signature, run.report) if run else None
    if stored and stored[1] == [settings_key, signature]:
        return _reused(stored[2], started)
    fingerprint = _fingerprint(settings_key, files)
    if stored and stored[0] == fingerprint:
        with database.session() as session:
            session.execute(update(PreloadRun).values(stat_signature=[settings_key, signature]))
        return _reused(stored[2], started)
    report = PreloadReport(fingerprint=fingerprint, skipped=[{"path": s.path, "reason": s.reason} for s in skipped])
    with database.session() as session:
        session.execute(delete(Task))
        session.execute(delete(Exclusion))
        writer = _Writer(session)
        Cleaner(settings, writer, report).run(files)
        writer.flush()
        report.seconds = round(time.perf_counter() - started, 3)
        session.merge(PreloadRun(
            id=PRELOAD_RUN_ID, fingerprint=fingerprint, stat_signature=[settings_key, signature],
            report=report.as_dict(),
        ))
    _log_report(report)
    return report


def _reused(stored_report: dict[str, Any], started: float) -> PreloadReport:
    report = PreloadReport(**{**stored_report, "reused": True})
    report.seconds = round(time.perf_counter() - started, 3)
    log.info("preload: sources unchanged, serving the %d stored tasks", report.tasks)
    return report


def _stat_signature(files: Iterable[SourceFile]) -> list[list[Any]]:
    signature = []
    for source in files:
        path = str(source.path)
        try:
            stat = os.stat(path)
            signature.append([path, stat.st_size, stat.st_mtime_ns])
        except OSError:
            signature.append([path, None, None])
    return signature


def _fingerprint(settings_key: str, files: Iterable[SourceFile]) -> str:
    digest = hashlib.sha256(settings_key.encode())
    for source in files:
        try:
            content = file_digest(source.path)
        except OSError as exc:
            content = f"unreadable: {exc}"
        digest.update(f"{source.name}\0{content}\n".encode())
    return digest.hexdigest()


def _log_report(report: PreloadReport) -> None:
    for error in report.errors:
        log.warning("preload: cannot load %s: %s", error["path"], error["reason"])
    for skip in report.skipped:
        log.info("preload: skipped %s: %s", skip["path"], skip["reason"])
    excluded = ", ".join(f"{count} {kind}" for kind, count in sorted(report.excluded.items())) or "nothing"
    log.info(
        "preload: %d files, %d documents, %d segments -> %d tasks in %.2f s; left out: %s",
        report.files, report.documents, report.segments, report.tasks, report.seconds, excluded,
    )


class _Writer:
    """Batches task and exclusion rows into executemany inserts (Core: the ORM
    would build an object per row for nothing)."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.tasks: list[dict[str, Any]] = []
        self.exclusions: list[dict[str, Any]] = []

    def task(self, row: dict[str, Any]) -> None:
        self.tasks.append(row)
        if len(self.tasks) >= INSERT_BATCH:
            self.flush()

    def exclusion(self, row: dict[str, Any]) -> None:
        self.exclusions.append(row)
        if len(self.exclusions) >= INSERT_BATCH:
            self.flush()

    def flush(self) -> None:
        connection = self.session.connection()
        if self.tasks:
            connection.execute(insert(Task.__table__), self.tasks)
            self.tasks = []
        if self.exclusions:
            connection.execute(insert(Exclusion.__table__), self.exclusions)
            self.exclusions = []


class _Kept:
    """What the index remembers of a kept task."""

    __slots__ = ("copies", "near_duplicates", "documents", "last_document", "short")

    def __init__(self, document: int, short: bool) -> None:
        self.copies = 1
        self.near_duplicates = 0
        self.documents = 1  # distinct documents it was found in
        self.last_document = document
        self.short = short

    def seen_in(self, document: int) -> None:
        self.copies += 1
        if document != self.last_document:  # documents come in order
            self.documents += 1
            self.last_document = document


@dataclass
class _Candidate:
    """A segment that is not chrome, waiting for the duplicate checks."""

    row: dict[str, Any]
    normalised: str
    tokens: list[str]


class Cleaner:
    """Turns documents into task and exclusion rows, in order."""

    def __init__(self, settings: PreloadSettings, writer: _Writer, report: PreloadReport) -> None:
        self.settings = settings
        self.writer = writer
        self.report = report
        self.kept: dict[str, _Kept] = {}
        threshold = settings.near_duplicate_threshold
        self.near = NearDuplicateIndex(threshold) if threshold < 1 else None
        self.position = 0
        self.excluded: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()

    def run(self, files: Sequence[SourceFile]) -> None:
        document_index = 0
        for source in files:
            documents = self._load(source)
            if documents is None:
                continue
            self.report.files += 1
            for document in documents:
                self.add_document(document, document_index)
                document_index += 1
        self.report.documents = document_index
        self._exclude_template_lines()
        self._store_counts()
        self.report.tasks = len(self.kept)
        self.report.excluded = dict(self.excluded)
        self.report.languages = dict(self.languages)

    def _load(self, source: SourceFile) -> list[Document] | None:
        if source.loader is None:
            reason = f"no loader for {source.path.suffix or 'files without a suffix'}"
        else:
            try:
                return list(source.loader.load(source.path, source.name))
            except LoaderError as exc:
                reason = str(exc)
            except Exception as exc:  # a loader plugin's bug costs only its file
                reason = f"loader {source.loader.name!r} failed: {type(exc).__name__}: {exc}"
        self.report.errors.append({"path": str(source.path), "reason": reason})
        return None

    def add_document(self, document: Document, document_index: int) -> None:
        """Chrome out first, segment by segment; then the duplicate checks, in
        order, with the document's signatures computed in one pass."""
        languages = self.settings.languages
        language_of_document = functools.cache(lambda: task_language(document.text[:2000], languages))
        unit_language = language_of_document() if self.settings.unit == "sentence" else None
        spans = segment(document.text, self.settings.unit, unit_language)
        self.report.segments += len(spans)
        candidates = []
        for index, (start, end) in enumerate(spans):
            text = document.text[start:end]
            row = {
                "position": self.position, "text": text, "source": document.source,
                "start": start, "end": end, "data": document.data,
            }
            self.position += 1
            folded = fold(text)
            tokens = _TOKEN.findall(folded)
            chrome = _chrome(text, folded, tokens, Position(index, len(spans))) if tokens else (
                "no-words", "only digits or symbols")
            normalised = normalise(text)
            if chrome is not None:
                self._exclude({**row, "anota_id": task_id(normalised)}, *chrome)
            else:
                candidates.append(_Candidate(row, normalised, tokens))
        if not candidates:
            return
        found = sketches([c.normalised for c in candidates]) if self.near is not None else [None] * len(candidates)
        for candidate, sketch in zip(candidates, found, strict=True):
            self.add_candidate(candidate, document_index, sketch, language_of_document)

    def add_candidate(
        self, candidate: _Candidate, document_index: int, sketch: Sketch | None,
        language_of_document: Callable[[], str],
    ) -> None:
        key = task_id(candidate.normalised)
        row = {**candidate.row, "anota_id": key}
        kept = self.kept.get(key)
        if kept is not None:
            kept.seen_in(document_index)
            self._exclude(row, "duplicate", f"exact duplicate of task {key} (copy {kept.copies})", key)
            return
        minhash = None
        if self.near is not None and sketch is not None and near_duplicate_possible(sketch):
            minhash = self.near.minhash(sketch)
            if match := self.near.find(sketch, minhash):
                original, score = match
                self.kept[original].near_duplicates += 1
                self._exclude(
                    row, "near-duplicate",
                    f"near-duplicate of task {original} (word similarity {score:.2f}"
                    f" >= {self.settings.near_duplicate_threshold:g})", original,
                )
                return
        words = len(candidate.tokens)
        self.kept[key] = _Kept(document_index, short=words <= SHORT_WORDS)
        if minhash is not None:
            self.near.add(key, sketch, minhash)
        languages = self.settings.languages
        language = quick_language(candidate.tokens, languages) or (
            language_of_document() if words < SHORT_TEXT_WORDS else detect_language(row["text"], languages)
        )
        self.languages[language] += 1
        self.writer.task({**row, "language": language, "copies": 1, "near_duplicates": 0})

    def _exclude(self, row: dict[str, Any], kind: str, reason: str, kept_id: str | None = None) -> None:
        self.excluded[kind] += 1
        self.writer.exclusion({**row, "kind": kind, "reason": reason, "kept_id": kept_id})

    def _exclude_template_lines(self) -> None:
        # Only known once every document is read: a short segment found in
        # several documents is the site's template (a tagline, a menu label).
        template = {
            key: kept.documents for key, kept in self.kept.items()
            if kept.short and kept.documents >= TEMPLATE_DOCUMENTS
        }
        if not template:
            return
        self.writer.flush()
        session = self.writer.session
        for key, documents in template.items():
            reason = f"repeated in {documents} documents: page template"
            row = session.get(Task, key)
            self.writer.exclusion({
                "anota_id": key, "position": row.position, "text": row.text, "source": row.source,
                "start": row.start, "end": row.end, "data": row.data, "kind": "boilerplate",
                "reason": reason, "kept_id": None,
            })
            session.execute(
                update(Exclusion).where(Exclusion.kept_id == key)
                .values(kind="boilerplate", reason=reason, kept_id=None)
            )
            session.delete(row)
            self.languages[row.language] -= 1
            excluded_copies = self.kept.pop(key).copies - 1
            self.excluded["duplicate"] -= excluded_copies
            self.excluded["boilerplate"] += excluded_copies + 1
        self.writer.flush()
        self.languages = +self.languages
        self.excluded = +self.excluded

    def _store_counts(self) -> None:
        self.writer.flush()
        merged = [
            {"anota_id": key, "copies": kept.copies, "near_duplicates": kept.near_duplicates}
            for key, kept in self.kept.items() if kept.copies > 1 or kept.near_duplicates
        ]
        if merged:  # an ORM bulk update by primary key
            self.writer.session.execute(update(Task), merged)
