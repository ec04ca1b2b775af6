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

import hashlib
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
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

# Lexical cues of page chrome by kind, matched on case-folded text. "Strong"
# kinds are phrases content rarely uses; "weak" kinds (share, subscribe...) are
# ordinary words too, so they count only in short segments or together.
STRONG_CUES: dict[str, str] = {
    "cookie notice": r"\bcookies?\b|ao continuar (a )?naveg|by continuing to (browse|use)|você concorda com|you agree to",
    "privacy notice": r"pol[íi]tica de privacidade|aviso de privacidade|privacy (policy|notice|settings|statement)|\blgpd\b|\bgdpr\b",
    "copyright notice": r"©|\(c\) ?(19|20)\d\d|\bcopyright\b|todos os direitos reservados|all rights reserved|direitos autorais reservados",
    "disclaimer": (
        r"conte[úu]dos? de terceiros|third[- ]party (content|material|sites?)|fins informativos|"
        r"informational purposes|(para|for) (fins de )?informa[çc][ãa]o apenas|"
        r"n[ãa]o (devem?|deve) ser considerad[oa]s?|n[ãa]o constitu[ie]m?|does not constitute|"
        r"(should|must) not be (considered|construed|relied)|aconselhamento (financeiro|profissional|jur[íi]dico)|"
        r"recomenda[çc][ãa]o de investimento|(financial|investment|legal|professional) advice|"
        r"(isen[çc][ãa]o|exonera[çc][ãa]o) de responsabilidade|\bdisclaimer\b|sem representa[çc][õo]es|"
        r"without (any )?(representations?|warrant)|(as )?opini[õo]es (aqui )?expressas|views expressed|"
        r"n[ãa]o (reflete|refletem|representa) (necessariamente )?a? ?(opini[ãa]o|posi[çc][ãa]o)|"
        r"do(es)? not (necessarily )?reflect|n[ãa]o se responsabiliza|not responsible for"
    ),
    "terms notice": r"termos (de uso|e condi[çc][õo]es|de servi[çc]o)|terms (of (use|service)|and conditions)",
    "navigation": (
        r"skip to (the )?(main )?(content|navigation)|pular para o conte[úu]do|ir para o conte[úu]do|"
        r"back to top|voltar ao topo|menu principal|main menu|\bbreadcrumbs?\b|mapa do site|\bsitemap\b"
    ),
}
WEAK_CUES: dict[str, str] = {
    "subscribe prompt": (
        r"\b(assine|assinar|assinante|inscreva-se|cadastre-se|subscribe|subscription|sign up|newsletter|"
        r"receba (as )?(not[íi]cias|novidades)|caixa de entrada|inbox|get the latest)\b"
    ),
    "read-also prompt": (
        r"\b(leia (tamb[ée]m|mais)|veja (tamb[ée]m|mais)|saiba mais|continue lendo|continuar lendo|"
        r"read (more|also|next)|related (articles?|stories|posts|content)|mais lidas|most (read|popular)|"
        r"recomendad[oa]s? para voc[êe]|recommended (for you|stories)|continue reading|"
        r"mat[ée]rias relacionadas|not[íi]cias relacionadas|you (may|might) also like)\b"
    ),
    "share prompt": (
        r"\b(compartilh(e|ar|amento)|partilh(e|ar)|share|shares|tweet|whatsapp|facebook|linkedin|telegram|"
        r"copiar (o )?link|copy link|enviar por e-?mail|email this)\b"
    ),
    "button or link label": (
        r"^(ver|view|see|show|mostrar|exibir|abrir|open) (o |a )?(original|tradu[çc][ãa]o|translation|"
        r"more|mais|less|menos|all|todos|todas|tudo|comments|coment[áa]rios|full)\b|"
        r"clique aqui|click here|carregar mais|load more|\b(entrar|login|log in|sign in|fazer login|logout|sair)\b|"
        r"^(pr[óo]xim[oa]|anterior|next|previous|voltar|back)( (p[áa]gina|not[íi]cia|mat[ée]ria|article|page|post))?$"
    ),
    "advertisement": r"^(publicidade|advertisement|an[úu]ncio|sponsored|patrocinado|conte[úu]do patrocinado|ads?|advertising)\b",
    "byline or credit": (
        r"^(foto|fotos|photo|photos|image|imagem|cr[ée]dito|credit|fonte|source|reportagem|edi[çc][ãa]o|reporting|editing)\s*:|"
        r"^(por|by) [^\W\d_]+( [^\W\d_]+){0,3}(,? ?(da|de|do|from|for|of)? ?[^\W\d_]+)?$|"
        r"tempo de leitura|\d+\s*min(utos?|utes?)? (de leitura|read)|"
        r"^(publicad[oa]|atualizad[oa]|published|updated|posted)\b[^.!?]*\d|"
        r"^\d{1,2}(/|\.|-| de )\S+(/|\.|-| de )\d{2,4}\b"
    ),
    "comments prompt": r"coment[áa]rios?\s*\(\d+\)|\d+\s+(coment[áa]rios?|comments?)|deixe (seu|um|o seu) coment[áa]rio|leave a (comment|reply)",
}
_CUE_PATTERNS = [
    (kind, strong, re.compile(pattern)) for strong, cues in ((True, STRONG_CUES), (False, WEAK_CUES))
    for kind, pattern in cues.items()
]
# A menu line: several short items between separators.
_MENU_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s{2,}|\t")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…:;]['\"”’»)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# Segments of at most this many words are "short": one weak cue is enough,
# and repeated across documents they are page template.
SHORT_WORDS = 15
# A fragment: this many words or fewer without sentence punctuation is a
# button, label or menu item, not something to annotate.
FRAGMENT_WORDS = 3
# Distinct cue phrases needed per this many words in a longer segment.
WORDS_PER_CUE = 30
# How many segments from either end of a document count as its edge, where
# headers and footers live.
EDGE_SEGMENTS = 3
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


def boilerplate_reason(text: str, words: int, position: Position) -> tuple[str, str] | None:
    """``(kind, reason)`` when ``text`` is page chrome rather than content.

    Short segments (few words) need one cue; longer ones need several distinct
    cue phrases (one per ``WORDS_PER_CUE`` words, at least two, one fewer at
    the document's edges), so an article that mentions cookies or privacy stays.
    """
    folded = text.casefold().strip()
    phrases: dict[str, list[str]] = {}
    strong = False
    for kind, is_strong, pattern in _CUE_PATTERNS:
        found = sorted({match.group(0).strip() for match in pattern.finditer(folded)})
        if found:
            phrases[kind] = found
            strong = strong or is_strong
    if not phrases:
        if words <= FRAGMENT_WORDS and not _SENTENCE_PUNCTUATION.search(folded):
            plural = "s" if words != 1 else ""
            return "fragment", f"{words} word{plural} without sentence punctuation (a label, heading or menu item)"
        if _is_menu(folded):
            return "navigation", "a line of short items between separators (a menu)"
        return None
    distinct = sum(len(found) for found in phrases.values())
    if words <= SHORT_WORDS:
        # One ordinary word ("share", "assinar") does not make a whole
        # sentence chrome; a label, a phrase or a stronger cue does.
        sentence = words > FRAGMENT_WORDS * 2 and _SENTENCE_PUNCTUATION.search(folded)
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

NUM_PERM = 128
SHINGLE_BYTES = 5
_BIN_BITS = 7  # 2**7 == NUM_PERM bins
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_BYTE_WEIGHTS = np.array([1 << (8 * i) for i in range(SHINGLE_BYTES)], dtype=np.uint64)
_EMPTY = np.uint64(1 << 32)


def sketch(normalised: str) -> np.ndarray:
    """A MinHash signature of the text's character 5-grams (UTF-8 bytes),
    made with one hash and ``NUM_PERM`` bins (one-permutation hashing, empty
    bins filled from the next bin), so its cost grows with the text, not with
    text x permutations."""
    data = np.frombuffer(normalised.encode("utf-8"), dtype=np.uint8)
    if len(data) < SHINGLE_BYTES:
        data = np.pad(data, (0, SHINGLE_BYTES - len(data)))
    windows = np.lib.stride_tricks.sliding_window_view(data, SHINGLE_BYTES)
    hashes = _mix(windows @ _BYTE_WEIGHTS)
    bins = (hashes >> np.uint64(64 - _BIN_BITS)).astype(np.intp)
    values = hashes & np.uint64(0xFFFFFFFF)
    signature = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    np.minimum.at(signature, bins, values)
    return _densify(signature).astype(np.uint32)


def _mix(values: np.ndarray) -> np.ndarray:
    # splitmix64's finaliser: every input bit reaches every output bit.
    values = (values ^ (values >> np.uint64(30))) * _MIX1
    values = (values ^ (values >> np.uint64(27))) * _MIX2
    return values ^ (values >> np.uint64(31))


def _densify(signature: np.ndarray) -> np.ndarray:
    empty = signature == _EMPTY
    if not empty.any():
        return signature
    filled = np.flatnonzero(~empty)
    # Each empty bin borrows the next filled bin's value (wrapping round), the
    # same way in every text, so equal texts still agree bin by bin.
    following = np.searchsorted(filled, np.arange(NUM_PERM)) % len(filled)
    return signature[filled[following]]


class NearDuplicateIndex:
    """Sketches of the kept tasks, and LSH buckets to find candidates fast."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        # Weighted towards recall: candidates are checked against the threshold.
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.2, 0.8))
        self.signatures: dict[str, np.ndarray] = {}

    def find(self, signature: np.ndarray) -> tuple[str, float] | None:
        """The most similar kept task at or above the threshold."""
        best: tuple[str, float] | None = None
        for key in self.lsh.query(self._minhash(signature)):
            similarity = float(np.mean(self.signatures[key] == signature))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best

    def add(self, key: str, signature: np.ndarray) -> None:
        self.signatures[key] = signature
        self.lsh.insert(key, self._minhash(signature), check_duplication=False)

    @staticmethod
    def _minhash(signature: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=1, hashvalues=signature, scheme="affine32")


# -------------------------------------------------------------------------
# Language
# -------------------------------------------------------------------------

# Frequent words that tell pt, en and es apart (shared ones left out). A text
# with enough of one list's words and few of the others' is decided here;
# anything less clear goes to the language identifier, which costs ~0.4 ms.
STOPWORDS: dict[str, frozenset[str]] = {
    "pt": frozenset(
        "o os e do da dos das não é em na nas um uma com ao à às mais também são foi está isso "
        "pelo pela pelos pelas seu sua seus suas ou já muito quando então ele ela eles elas mas "
        "num numa este esse essa isto aquele até depois sobre há ser tem têm".split()
    ),
    "en": frozenset(
        "the and of to is in that it for was on with as by be are this have from or at an not "
        "but which they has their he she we you will been would its were there what".split()
    ),
    "es": frozenset(
        "el la los las y del es con una un pero más al lo su sus fue muy también hay "
        "ser ha han este esta eso esto cuando entre sobre hasta donde porque".split()
    ),
}
QUICK_LANGUAGE_MIN_HITS = 4


def task_language(text: str, languages: Sequence[str]) -> str:
    """The language of a task among ``languages``."""
    words = set(text.casefold().split())
    if all(language in STOPWORDS for language in languages):
        hits = sorted(((len(words & STOPWORDS[language]), language) for language in languages), reverse=True)
        best, second = hits[0], hits[1] if len(hits) > 1 else (0, "")
        if best[0] >= QUICK_LANGUAGE_MIN_HITS and best[0] >= 3 * second[0]:
            return best[1]
    return detect_language(text, languages)


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
    loaders = [loader for _plugin, loader in state.loaders if isinstance(loader, Loader)]
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
        session.merge(PreloadRun(
            id=PRELOAD_RUN_ID, fingerprint=fingerprint, stat_signature=[settings_key, signature], report={},
        ))
        report.seconds = round(time.perf_counter() - started, 3)
        session.execute(update(PreloadRun).values(report=report.as_dict()))
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
        try:
            stat = source.path.stat()
            signature.append([str(source.path), stat.st_size, stat.st_mtime_ns])
        except OSError:
            signature.append([str(source.path), None, None])
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
    """Batches task and exclusion rows into executemany inserts."""

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
        if self.tasks:
            self.session.execute(insert(Task), self.tasks)
            self.tasks = []
        if self.exclusions:
            self.session.execute(insert(Exclusion), self.exclusions)
            self.exclusions = []


@dataclass
class _Kept:
    """What the index remembers of a kept task."""

    copies: int = 1
    near_duplicates: int = 0
    documents: set[int] = field(default_factory=set)
    short: bool = False


class Cleaner:
    """Turns documents into task and exclusion rows, in order."""

    def __init__(self, settings: PreloadSettings, writer: _Writer, report: PreloadReport) -> None:
        self.settings = settings
        self.writer = writer
        self.report = report
        self.kept: dict[str, _Kept] = {}
        self.near = NearDuplicateIndex(settings.near_duplicate_threshold) if settings.near_duplicate_threshold < 1 else None
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
        language = None
        if self.settings.unit == "sentence":
            language = task_language(document.text[:2000], self.settings.languages)
        spans = segment(document.text, self.settings.unit, language)
        for index, (start, end) in enumerate(spans):
            self.report.segments += 1
            self.add_segment(document, document_index, start, end, Position(index, len(spans)))

    def add_segment(self, document: Document, document_index: int, start: int, end: int, position: Position) -> None:
        text = document.text[start:end]
        normalised = normalise(text)
        key = task_id(normalised)
        row = {
            "anota_id": key, "position": self.position, "text": text, "source": document.source,
            "start": start, "end": end, "data": document.data,
        }
        self.position += 1
        words = len(_WORD.findall(text))
        chrome = boilerplate_reason(text, words, position) if words else ("no-words", "only digits or symbols")
        if chrome is not None:
            self._exclude(row, *chrome)
            return
        kept = self.kept.get(key)
        if kept is not None:
            kept.copies += 1
            kept.documents.add(document_index)
            self._exclude(row, "duplicate", f"exact duplicate of task {key} (copy {kept.copies})", key)
            return
        signature = sketch(normalised) if self.near is not None else None
        if signature is not None and (match := self.near.find(signature)):
            original, similarity = match
            self.kept[original].near_duplicates += 1
            self._exclude(
                row, "near-duplicate",
                f"near-duplicate of task {original} (estimated similarity {similarity:.2f}"
                f" >= {self.settings.near_duplicate_threshold:g})", original,
            )
            return
        self.kept[key] = _Kept(documents={document_index}, short=words <= SHORT_WORDS)
        if signature is not None:
            self.near.add(key, signature)
        language = task_language(text, self.settings.languages)
        self.languages[language] += 1
        self.writer.task({**row, "language": language, "copies": 1, "near_duplicates": 0})

    def _exclude(self, row: dict[str, Any], kind: str, reason: str, kept_id: str | None = None) -> None:
        self.excluded[kind] += 1
        self.writer.exclusion({**row, "kind": kind, "reason": reason, "kept_id": kept_id})

    def _exclude_template_lines(self) -> None:
        # Only known once every document is read: a short segment found in
        # several documents is the site's template (a tagline, a menu label).
        template = {
            key: len(kept.documents) for key, kept in self.kept.items()
            if kept.short and len(kept.documents) >= TEMPLATE_DOCUMENTS
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
