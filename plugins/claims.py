"""Built-in plugin: check-worthy claims, as CLAIM spans over sentences.

Each sentence gets a score from the cues it contains, in the spirit of
ClaimBuster's features: what makes a statement checkable (attribution and
reported speech, quantities, dates, comparisons and trends, actions of named
actors) raises it; what makes it an opinion (first-person belief, hedging and
speculation, obligations, questions, exclamations) lowers it. The weights add
up to a log-odds that a logistic function turns into a score in [0, 1]; a
sentence is suggested when its score reaches the threshold. The span is the
sentence, and its explanation lists the cues found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flask import Flask

from server import Annotator, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText

DEFAULT_THRESHOLD = 0.5
ATTRIBUTION = "reported speech"
# Log-odds of a sentence without any cue: most sentences are not claims.
BIAS = -1.6


@dataclass(frozen=True)
class Cue:
    """A kind of evidence, the pattern that finds it, and its weight in log-odds."""

    name: str
    weight: float
    pattern: re.Pattern[str]


def _words(alternatives: str) -> str:
    """A regex alternation of whitespace-separated phrases ("_" stands for a space)."""
    return "|".join(re.escape(word).replace("_", r"\s+") for word in alternatives.split())


def _cue(name: str, weight: float, regex: str) -> Cue:
    return Cue(name, weight, re.compile(regex, re.IGNORECASE))


def _word_cue(name: str, weight: float, alternatives: str) -> Cue:
    return _cue(name, weight, rf"(?<!\w)(?:{_words(alternatives)})(?!\w)")


_MONTHS = (
    r"(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
# Quantities (not days of a month): numbers with units, fractions, percentages, money; years are
# dates (below), not quantities.
_NUMBER = (
    r"(?:R\$|US\$|\$|€|£)\s*\d|\d+(?:[.,]\d+)*\s*(?:%|por\s+cento|percent)"
    r"|(?<![\w.,/-])\d+/\d+\b|(?<![\w.,/-])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\b(?!\s+(?:de\s+)?" + _MONTHS + ")"
)
_NUMBER_WORDS_PT = (
    "dois duas três quatro cinco seis sete oito nove dez onze doze vinte trinta quarenta cinquenta "
    "sessenta setenta oitenta noventa cem cento centenas dezenas mil milhares milhão milhões "
    "bilião biliões bilhão bilhões trilhão trilhões metade dobro triplo terço quarto_de maioria minoria"
)
_NUMBER_WORDS_EN = (
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "hundreds dozens thousand thousands million millions billion billions trillion half double twice "
    "triple third majority minority"
)
# What someone did or is doing: Portuguese preterite (the listed words only look
# like one), perfect and progressive; English -ed, irregular past and -ing.
_ACTION_PT = (
    r"\b(?!(?:estou|sou|vou|dou|ou|eu|seu|meu|teu|céu|europeu|judeu|museu)\b)\w{2,}(?:ou|aram|eram|iram|iu|eu)\b"
    r"|\b(?:foi|foram|fez|fizeram|teve|tiveram|houve)\b|\b(?:tem|têm|tinha|tinham)\s+\w+(?:ado|ido)\b"
    r"|\b(?:está|estão|estava|estavam)\s+(?:a\s+\w+[aei]r|\w+ndo)\b"
)
_ACTION_EN = (
    r"\b\w{3,}ed\b|\b(?:was|were|did|had|made|took|gave|said|told|began|rose|fell|grew|won|lost|built"
    r"|sold|bought|spent|left)\b|\b(?:is|are|was|were)\s+\w+ing\b"
)

PORTUGUESE_CUES = (
    _word_cue(
        ATTRIBUTION,
        1.3,
        "segundo de_acordo_com conforme menciona mencionou mencionam afirma afirmou afirmaram disse "
        "disseram diz dizem declarou declara anunciou anuncia informou informa revelou revela "
        "confirmou confirma relatou relata indicou indica referiu acrescentou explicou adiantou "
        "garantiu sublinhou salientou assegurou divulgou publicou noticiou reportou admitiu negou "
        "alegou estimou estima apontou aponta mostra mostrou demonstra demonstrou prova provou",
    ),
    _word_cue(
        "source",
        0.7,
        "estudo estudos pesquisa pesquisas relatório relatórios dados artigo levantamento inquérito "
        "sondagem estatísticas censo balanço documento comunicado investigação",
    ),
    _cue("quantity", 1.3, _NUMBER),
    _word_cue("quantity in words", 0.9, _NUMBER_WORDS_PT),
    _cue(
        "date or period",
        0.7,
        r"\b(?:em|desde|até|de|no\s+ano\s+de)\s+(?:19|20)\d\d\b|\b(?:ontem|anteontem)\b"
        r"|\b(?:no|na|nos|nas)\s+(?:ano|mês|semana|década|século)s?\s+passad[oa]s?\b"
        r"|\bnos?\s+últim[oa]s\s+\w+|\bhá\s+(?:\w+\s+)?(?:anos|meses|semanas|dias|décadas)\b"
        r"|\bno\s+passado\b|\batualmente\b|\b" + _MONTHS,
    ),
    _cue(
        "comparison or trend",
        0.7,
        r"\b(?:mais|menos)\s+(?:\w+\s+){0,3}(?:do\s+)?que\b|\b(?:maior|menor|superior|inferior)(?:es)?\b"
        r"|\b(?:aument|diminu|duplic|triplic|ultrapass|dispar)\w*|\b(?:cresceu|cresceram|crescimento|caiu"
        r"|caíram|queda|subiu|subiram|dobrou|superou|superaram|reduziu|redução|recuou|recorde)\b"
        r"|\bo\s+primeiro\b|\ba\s+primeira\b|\batrás\s+de\b|\bentre\s+os\s+melhores\b",
    ),
    _cue("action", 0.5, _ACTION_PT),
    _word_cue(
        "opinion",
        -1.6,
        "acho achamos penso pensamos julgo julgamos acredito acreditamos creio cremos espero "
        "esperamos considero consideramos entendo entendemos parece-me parece-nos na_minha_opinião "
        "a_meu_ver defendo defendemos temos_esperança desejo gostaria gostaríamos",
    ),
    _word_cue(
        "hedging or speculation",
        -1.2,
        "pode podem poderá poderão poderia poderiam talvez possivelmente provavelmente "
        "eventualmente parece parecem quiçá hipoteticamente pode_vir",
    ),
    _cue(
        "prediction or plan",
        -0.6,
        r"\b\w{2,}(?:arão|erão|irão|ará|erá|irá|aremos|eremos|iremos|arei|erei|irei)\b|\b(?:será|serão|seremos)\b"
        r"|\b(?:vamos|vai|vão|irá|irão)\s+\w+[aei]r\b",
    ),
    _word_cue(
        "obligation or wish",
        -1.2,
        "deve devem devemos deveria deveriam tem_de têm_de temos_de tem_que têm_que temos_que "
        "tenho_que tenho_de é_preciso são_precisas são_precisos é_necessário é_essencial "
        "é_fundamental é_importante precisamos precisa_de há_que importa",
    ),
    _word_cue(
        "evaluation",
        -0.5,
        "interessante claramente obviamente evidentemente infelizmente felizmente incrível "
        "fantástico excelente lamentável vergonhoso inaceitável admissível",
    ),
)

ENGLISH_CUES = (
    _word_cue(
        ATTRIBUTION,
        1.3,
        "according_to said says say stated states told announced announces reported reports "
        "confirmed confirms revealed reveals claimed claims disclosed noted mentioned mentions "
        "estimated estimates showed shows found finds admitted denied",
    ),
    _word_cue(
        "source",
        0.7,
        "study studies survey report reports data paper research statistics census poll document",
    ),
    _cue("quantity", 1.3, _NUMBER),
    _word_cue("quantity in words", 0.9, _NUMBER_WORDS_EN),
    _cue(
        "date or period",
        0.7,
        r"\b(?:in|since|until|by)\s+(?:19|20)\d\d\b|\byesterday\b|\blast\s+(?:year|month|week|decade)\b"
        r"|\b(?:the\s+)?(?:past|last)\s+\w+\s+(?:years|months|weeks|days|decades)\b|\b\w+\s+(?:years|months)\s+ago\b"
        r"|\bcurrently\b|\b" + _MONTHS,
    ),
    _cue(
        "comparison or trend",
        0.7,
        r"\b(?:more|less|fewer)\s+(?:\w+\s+){0,3}than\b|\b\w+er\s+than\b|\b(?:higher|lower|larger|smaller)\b"
        r"|\b(?:increas|decreas|grow|grew|rose|rise|fell|fall|doubl|tripl|surpass|overtak|declin|drop)\w*"
        r"|\brecord\b|\bthe\s+first\b|\bbehind\b",
    ),
    _cue("action", 0.5, _ACTION_EN),
    _word_cue(
        "opinion",
        -1.6,
        "I_think we_think I_believe we_believe I_feel I_hope we_hope I_guess in_my_opinion "
        "in_our_view I_suppose I_expect we_expect I'd_like we'd_like",
    ),
    _word_cue(
        "hedging or speculation",
        -1.2,
        "may might could_be could perhaps maybe possibly probably seems seem appears likely unlikely",
    ),
    _cue("prediction or plan", -0.6, r"\b(?:will|won't|shall)\b|'ll\b|\bgoing\s+to\b"),
    _word_cue(
        "obligation or wish",
        -1.2,
        "should must need_to needs_to have_to has_to ought_to it_is_essential it_is_important let's",
    ),
    _word_cue(
        "evaluation",
        -0.5,
        "interesting clearly obviously evidently unfortunately fortunately amazing incredible "
        "excellent terrible shameful unacceptable",
    ),
)

# Proper names inside the sentence (a capital after a word, so not the first
# word) or acronyms: an actor or a place someone can check.
_NAMED_ACTOR = Cue("named actor", 0.6, re.compile(r"(?<=\w\s|\w,)\s?[A-ZÀ-Ý][\w-]+|\b[A-Z]{2,}\b"))
_QUESTION = Cue("question", -1.5, re.compile(r"\?\s*[\"'”»]?\s*$"))
_EXCLAMATION = Cue("exclamation", -0.7, re.compile(r"!\s*[\"'”»]?\s*$"))
_HEADING = Cue("heading", -0.8, re.compile(r":\s*$"))
_WORD = re.compile(r"\w+")
# Fewer words than this cannot carry a checkable statement ("Ver original").
MIN_WORDS = 6
SHORT_PENALTY = -2.0


# Quotations: the statement is what is inside the marks, and who said it is
# outside. A quote may open or close in a neighbouring sentence.
_QUOTE_MARKS = re.compile(r'[“”«»"]')
_OPENING = "“«"
_CLOSING = "”»"


@dataclass(frozen=True)
class ScoredUnit:
    """A sentence, or a quotation inside one, with its claim score."""

    start: int
    end: int
    score: float
    cues: tuple[tuple[str, str], ...]  # (cue name, the words that matched)

    @property
    def explanation(self) -> str:
        found = [f"{name} ({words})" for name, words in self.cues]
        return "cues: " + "; ".join(found) if found else "no claim cues"


def cues_for(language: str) -> Sequence[Cue]:
    language_cues = ENGLISH_CUES if language == "en" else PORTUGUESE_CUES
    return (*language_cues, _NAMED_ACTOR, _QUESTION, _EXCLAMATION, _HEADING)


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of ``text[start:end]`` inside quotation marks, of at least
    MIN_WORDS words; a quote left open runs to the end, one closed without
    opening runs from the start."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARKS.finditer(text, start, end):
        char, position = mark.group(), mark.start()
        if char in _OPENING or (char == '"' and opened is None and _opens(text, position, start)):
            if opened is None:
                opened = position + 1
        else:
            found.append((start if opened is None else opened, position))
            opened = None
    if opened is not None:
        found.append((opened, end))
    return [(s, e) for s, e in found if len(_WORD.findall(text, s, e)) >= MIN_WORDS]


def _opens(text: str, position: int, start: int) -> bool:
    # A straight quote opens when it starts the sentence or follows a space.
    return position == start or text[position - 1].isspace() or text[position - 1] in "([:"


def score_unit(text: str, start: int, end: int, cues: Sequence[Cue], frame: str = "") -> ScoredUnit:
    """Score ``text[start:end]`` from the cues found in it; ``frame`` is the rest
    of the sentence around a quotation, where only attribution is looked for."""
    unit = text[start:end]
    log_odds = BIAS
    found: list[tuple[str, str]] = []
    for cue in cues:
        match = cue.pattern.search(unit) or (cue.name == ATTRIBUTION and cue.pattern.search(frame))
        if match:
            log_odds += cue.weight
            found.append((cue.name, " ".join(match.group().split())))
    if len(_WORD.findall(unit)) < MIN_WORDS:
        log_odds += SHORT_PENALTY
        found.append(("too short", unit.strip()[:20]))
    return ScoredUnit(start, end, 1.0 / (1.0 + math.exp(-log_odds)), tuple(found))


def score_sentence(text: str, start: int, end: int, cues: Sequence[Cue]) -> list[ScoredUnit]:
    """The sentence as one unit, or each long quotation in it as a unit of its own."""
    quotes = quotations(text, start, end)
    if not quotes:
        return [score_unit(text, start, end, cues)]
    frame, previous = [], start
    for quote_start, quote_end in quotes:
        frame.append(text[previous:quote_start])
        previous = quote_end
    frame.append(text[previous:end])
    return [score_unit(text, *_trimmed(text, s, e), cues, " ".join(frame)) for s, e in quotes]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    # Leave out surrounding spaces and the sentence's final punctuation inside the quote.
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    return start, end


class ClaimAnnotator(Annotator):
    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        super().__init__(
            name="claims",
            version="0.2.0",
            labels=[LabelSpec("CLAIM", "span", "a check-worthy factual statement")],
            settings={"threshold": threshold},
        )
        self.threshold = threshold

    def score(self, text: AnalyzedText) -> list[ScoredUnit]:
        """Every unit (sentence or quotation) of ``text`` with its claim score, suggested or not."""
        cues = cues_for(text.language)
        return [unit for start, end in text.sentences for unit in score_sentence(text.text, start, end, cues)]

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:
        for unit in self.score(text):
            if unit.score >= self.threshold:
                yield Span(unit.start, unit.end, "CLAIM", round(unit.score, 4), unit.explanation)


@hookimpl
def register_annotators(register, app: Flask) -> None:
    register(ClaimAnnotator(float(app.config.get("CLAIMS_THRESHOLD", DEFAULT_THRESHOLD))))
