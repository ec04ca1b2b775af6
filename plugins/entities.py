"""Built-in plugin: named entities (PER, ORG, LOC, PRODUCT).

Three sources; where their spans overlap, the learned one wins, then the
longer one, then the pattern over the model:

1. the statistical NER pipeline of the text's language (``plugins/models/ner-<lang>``,
   trained by ``plugins/ner_training.py``), whose ``Doc`` the shared analysis
   computes once for every plugin;
2. spaCy EntityRuler patterns: the shipped gazetteers and versioned-name rules in
   ``plugins/patterns/*.jsonl``, plus the files of the ``ENTITY_PATTERNS`` setting;
3. what annotators taught this project (``plugins/entity_memory.py``): surface
   forms they labelled, and suggestions they deleted, which are then dropped.

Scores are precisions measured on held-out data (``plugins/entity_scores.json``,
written by ``bench/calibrate_entities.py``): a span scored 0.9 was right nine
times in ten for its label and source. Learned spans score how consistently
the annotators labelled them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
import threading
import weakref
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise, takewhile
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from flask import Flask
from sqlalchemy.exc import OperationalError

from plugins.entity_memory import (
    VOTES_CHANGED,
    KnownMentions,
    load_known,
    record_annotation,
    remember_suggestions,
    revision,
    text_digest,
)
from plugins.pattern_gates import GatedRuler
from server import ANY_LANGUAGE, Annotator, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText, Pipeline, Pipelines, plain_spaces
from server.app import get_state
from server.config import as_list, checked
from server.db import out_of_reach
from server.events import AnnotationEvent
from server.labeling import label_named, span_label_names
from server.segmentation import ALL_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

LABELS = ("PER", "ORG", "LOC", "PRODUCT")


def opening(words: str, *not_after: str) -> str:
    """A regex of ``words`` (alternatives separated by "|", each opening with a plain letter) that open a word:
    not after ``not_after`` (each of them; by default a letter, digit, "_" or "-"). The look-behinds follow each first
    letter, so that re scans the text for those letters (a pattern that opens with a look-behind is tried at every
    character: 3 to 9 times slower on a task), and inside an alternation re passes over a word at once where its first
    letter differs (a look-behind first is tried for each word of the alternation, at every place)."""
    behinds = not_after or (r"[\w-]",)
    return "(?:" + "|".join(word[0] + "".join(f"(?<!{behind}{word[0]})" for behind in behinds) + word[1:]
                            for word in words.split("|")) + ")"


@functools.lru_cache(maxsize=8)
def language_of(vocab: Vocab) -> str:
    """The language of a document's vocabulary (``language_of(doc.vocab)``, what ``doc.lang_`` reads): ``Doc.lang_``
    asks the vocabulary's language getter anew on each read, three calls, one of them in Python; the rules read it
    some 18 times a model span (3% of the plugin's instructions), and a process holds a few vocabularies, its
    pipelines'."""
    return vocab.lang


@functools.lru_cache(maxsize=1)
def tokens_of(doc: Doc) -> list[Token]:
    """A document's tokens as a list made once (the last document's kept; a Doc hashes by identity): ``doc[i]`` makes a
    new ``Token`` on each read (so does ``span[i]``, through it), and the rules read the words around each model span
    some thirty times (``doc[words.start - 1]``, ``words[0]``); the plugin reads one document at a time. Indexed as
    ``doc[i]`` is, negative indexes included; read, never changed."""
    return list(doc)


@functools.cache
def span_type() -> type[SpacySpan]:
    """spaCy's ``Span``, imported at its first use: the module loads without spaCy."""
    from spacy.tokens import Span as SpacySpan

    return SpacySpan


def words_between(doc: Doc, start: int, end: int) -> SpacySpan:
    """``doc[start:end]`` where ``0 <= start <= end <= len(doc)`` is known: ``Span(doc, start, end)`` costs a third of
    the slice, which goes through spaCy's Python slice normalisation (the rules cut some 25 spans a task). Unlike the
    slice, which clamps bounds out of range, it raises on them: only for bounds that cannot be."""
    return span_type()(doc, start, end)


# What annotators read on hovering a label, and a colour each (Okabe-Ito's palette, which
# readers with colour blindness tell apart too): Label Studio's own picks gave PRODUCT the
# green of the claims' long spans, so a product inside a claim did not show.
LABEL_SPECS = (
    LabelSpec("PER", "span", "a person, by name", "#D55E00"),
    LabelSpec("ORG", "span", "an organisation: company, lab, institution, party, team", "#0072B2"),
    LabelSpec("LOC", "span", "a place: country, region, city, landmark", "#009E73"),
    LabelSpec("PRODUCT", "span", "a product: AI model, chip, device, software", "#CC79A7"),
)
HERE = Path(__file__).resolve().parent
SHIPPED_PATTERNS = tuple(sorted(str(path) for path in (HERE / "patterns").glob("*.jsonl")))
# Words the model takes for names that are none on their own ("IA", "GPUs", "Janeiro").
NOT_NAMES_FILE = HERE / "patterns" / "not_names.txt"
# Portuguese common nouns written as acronyms that name companies in English ("IAG", the airline group).
PORTUGUESE_NOT_NAMES_FILE = HERE / "patterns" / "not_names_pt.txt"
DEMONYMS_FILE = HERE / "patterns" / "demonyms.txt"
VEHICLE_MAKERS_FILE = HERE / "patterns" / "vehicle_makers.txt"
FEMININE_GIVEN_NAMES_FILE = HERE / "patterns" / "feminine_given_names.txt"
# The given names of the Portuguese model's training data (``python -m plugins.ner_training --given-names``): "Paulo",
# "Rui", "Marcelo", which the English training data's (``given_names``) lack.
PORTUGUESE_GIVEN_NAMES_FILE = HERE / "patterns" / "given_names_pt.txt"
PRODUCTS_FILE = HERE / "patterns" / "products.jsonl"
PLACES_FILE = HERE / "patterns" / "places.jsonl"
# Towns of Great Britain and Ireland from GeoNames, built by ``plugins/town_gazetteer.py``
TOWNS_FILE = HERE / "patterns" / "towns.jsonl"
ORGANISATIONS_FILE = HERE / "patterns" / "organisations.jsonl"
PEOPLE_FILE = HERE / "patterns" / "people.jsonl"
WORD_LIST_FILES = (NOT_NAMES_FILE, PORTUGUESE_NOT_NAMES_FILE, DEMONYMS_FILE, VEHICLE_MAKERS_FILE, FEMININE_GIVEN_NAMES_FILE,
                   PORTUGUESE_GIVEN_NAMES_FILE)
# Per language, the names of the model's training data that mostly take one
# label (``python -m plugins.ner_training --name-labels``): the model mislabels
# some of the names it was trained on ("Kingdom of Munster" as LOC).
NAME_LABELS = {path.stem.removeprefix("name_labels_"): path for path in (HERE / "data").glob("name_labels_*.tsv")}
CALIBRATION = HERE / "entity_scores.json"
# Where spans overlap: what the annotators taught wins; otherwise the longer
# span (a place name inside a model's "University of London" is not a place,
# "Deepseek -V3.2" is more than "Deepseek"); on equal spans a pattern corrects
# the model's label.
NAME_CONNECTORS = {"de", "da", "do", "das", "dos", "e", "em", "no", "na", "nos", "nas", "para", "a", "o", "ao", "à",
                   "di", "del", "la", "y",
                   "of", "the", "and", "for", "in", "at", "on", "von", "van", "der", "&"}
SENTENCE_ENDS = frozenset({".", "!", "?"})
INFINITIVE_ENDINGS = ("ar", "er", "ir")
POSSESSIVE = re.compile(r"['’]s\b")
POSSESSIVES = frozenset({"'s", "’s"})
POSSESSIVE_TEXTS = tuple(POSSESSIVES)
# A sentence's end right after a name: the next sentence's first word is no part of it.
FULL_STOP_AFTER = re.compile(r"[.!?]\s+\S")
# Connectors that place a name somewhere rather than continue it.
LOCATIVES = frozenset({"em", "no", "na", "nos", "nas", "in", "at", "on"})
# Prepositions after which a model span's opening common words reach a name (``name_after_common_words``).
NAME_PREPOSITIONS = LOCATIVES | {"de", "do", "da", "dos", "das", "of", "from", "for", "with", "com"}
COORDINATORS = frozenset({"e", "and", "y", "&"})
ARTICLES = frozenset({"o", "a", "os", "as", "the"})
# Prepositions that open a sentence's adverbial phrase before its subject ("Under the new rules, Apple ...").
OPENING_PREPOSITIONS = frozenset({"under", "after", "before", "despite", "following", "during", "since", "amid", "with",
                                  "without", "in", "at", "for", "from", "sob", "após", "apesar", "durante", "desde",
                                  "com", "sem", "em", "segundo"})
ENGLISH_ARTICLES = frozenset({"the", "a", "an"})
# A word of a person's full name: capitalised letters, maybe hyphenated or with an apostrophe.
# A word written as a product's name: a capital inside it ("FedWatch", "iPhone") or a digit ("H200", "GPT-5").
PRODUCT_SHAPE = re.compile(r"\w*[a-z][A-Z]\w*|[A-Za-z]+-?\d[\w.-]*")
PERSONAL_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'][A-ZÀ-Ýa-zà-ÿ]+)*")
# ... or a surname with a capital after its prefix ("DeSantis", "McCarthy"), where a role already says a person follows
PREFIXED_SURNAME = re.compile(rf"(?:Mc|Mac|De|Di|Du|La|Le){PERSONAL_NAME.pattern}")
# The source of a later mention by a name's short form, per label (``later_short_forms``).
SHORT_FORM_SOURCES = {"PER": "surname", "PRODUCT": "short form", "ORG": "short form"}
PRIORITY = {"model": 0, "both": 1, "rule": 1, "split": 1, "learned": 2, "confirmed": 2}
# What annotators taught: it wins over what overlaps it.
TAUGHT = frozenset({"learned", "confirmed"})
# The id of the patterns (institutions.jsonl) for an institution named after
# a place or a field ("Prefeitura de Belo Horizonte", "Supreme Court of
# Canada"), which the model cuts down to the place: a head word, a connector
# and capitalised words or connectors up to a capitalised word. They only add
# or relabel what the model did not find as an organisation.
INSTITUTION = "institution"
# The id of the patterns (institutions.jsonl) for an English institution's head that ends its name ("the High
# Court", "the Competition and Markets Authority"): the capitalised words before it make the name
# (``institution_before_its_head``), and the match is then an institution's.
INSTITUTION_BY_HEAD = "institution_by_head"
# The id of the patterns (places.jsonl) for a street, a square or a road by its
# head ("Passeio Marítimo de Algés", "Rua 25 de Março"): they add what the
# model missed or cut, and leave its label on the same words.
PLACE_HEAD = "place_head"
# The id of patterns/parties.jsonl: a party in brackets, after a politician's name.
PARTY = "party"
# The id of patterns/common_word_names.jsonl: Portuguese parties and papers named
# with a common word ("o Livre", "o Chega", "segundo o Público"), which the model
# took for places: a name after an article (``after_an_article``), where the
# word is capitalised only as a name, and not before another name ("o Novo Banco").
COMMON_WORD_NAME = "common_word_name"
# The id of patterns/towns.jsonl (GeoNames' towns of Great Britain and Ireland): a town adds a place the model missed,
# and names one over the model's other label only after a preposition of place (``is_town_of_the_gazetteer``).
TOWN = "town"
PORTUGUESE_ARTICLES = frozenset("o a do da no na ao à pelo pela".split())
# Brazilian states' codes after a party ("(PL-MG)"): no part of its name.
STATE_CODES = frozenset("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split())
# A model span with more lowercase words than this is a runaway transition
# ("Manila forced the evacuation of 29,000 people").
MAX_LOWERCASE_WORDS = 2
# The lowercase words that end a national team's name ("Georgia national football team", "Canada men's national
# under-20 ice hockey team"): WikiANN-en train has 44 such teams, 39 organisations; one name however many they are.
NATIONAL_TEAM = re.compile(r"(?<!\S)(?:(?:men|women)'s\s+)?national\s+(?:under-\d+\s+)?(?:[a-z]+\s+){0,2}team$")
# A word of a personal name: letters, and an initial's dot, a hyphen or an apostrophe ("E.", "Jean-Luc", "O'Neill").
NAME_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*\.?")
PARENTHESES = re.compile(r"\([^)]*\)?")
# A product name goes on inside its word after the pattern's last token: the
# tokenizers cut "V3.2-Exp" ("V3." + "2-Exp" in pt, "V3.2" + "-" + "Exp" in en),
# "Qwen3-235B-A22B" and "o3-pro" differently. A piece joins when it has a digit,
# a capital or is a lowercase variant, so "Qwen3-based" stays "Qwen3".
GLUED_PIECE = re.compile(r"[-–.]?([^\W_]+)")
# Words that begin no name, at the start of a model span (capitalised because
# they open a sentence); CLAUSE_VERBS below are words no name runs on into.
OPENING_ADVERBS = frozenset({"Perhaps", "Maybe", "However", "Meanwhile", "Yesterday", "Talvez", "Ontem", "Entretanto",
                             "Contudo", "Porém", "Todavia"})
# Conjunctions and determiners that open a sentence's clause, not a name, when
# lowercase words follow in the span ("Whether American workers and
# suppliers", "If Chinese brands keep"); a title is capitalised throughout
# ("If I Were a Boy").
OPENING_CONJUNCTIONS = frozenset({"Whether", "If", "Unless", "Although", "Another", "Embora", "Caso"})
# A subject or interrogative pronoun followed by lowercase words opens a
# clause, not a name ("I think the new iPhone 16", "Who knows"): they are no
# part of the name that follows.
OPENING_PRONOUNS = frozenset({"I", "We", "You", "He", "She", "They", "It", "Who", "What", "Eu", "Nós", "Você", "Vocês",
                              "Ele", "Ela", "Eles", "Elas", "Quem"})
# Subjects that open news sentences, capitalised only there: groups of people
# and quantifiers ("Moradores do bairro Jardim Ângela", "Several aldermen", a
# lone "Vereadores"). Like a pronoun, each is cut with the lowercase words after
# it; titles that start with one go on with a capital ("Some Time in New York").
OPENING_SUBJECTS = frozenset(
    "Moradores Residentes Vereadores Deputados Senadores Pesquisadores Investigadores Cientistas Especialistas "
    "Analistas Economistas Médicos Enfermeiros Estudantes Alunos Professores Trabalhadores Funcionários Servidores "
    "Eleitores Torcedores Adeptos Jogadores Turistas Passageiros Policiais Agentes Bombeiros Manifestantes "
    "Consumidores Clientes Usuários Utilizadores Diplomatas Investidores Empresários Agricultores Motoristas "
    "Pacientes Famílias Autoridades Vítimas Críticos Parlamentares Militares Soldados Vários Várias Muitos Muitas "
    "Alguns Algumas Ambos Bancos Empresas Companhias Entidades Montadoras Operadoras Fabricantes Concorrentes "
    "Residents Aldermen Councilors Councillors Lawmakers Legislators Senators Researchers Scientists Experts "
    "Analysts Economists Doctors Nurses Students Teachers Workers Employees Voters Fans Supporters Players Tourists "
    "Passengers Police Officers Firefighters Protesters Consumers Customers Users Diplomats Investors Farmers "
    "Drivers Patients Families Officials Authorities Critics Troops Soldiers Several Many Some Most Both Few Banks "
    "Companies Firms Carmakers Automakers Rivals Competitors Lawyers Attorneys Prosecutors Judges Athletes Advogados "
    "Promotores Procuradores Juízes Atletas Habitantes".split()
)
# "de", alone or with an article: what joins a group of people to where they belong ("Moradores do bairro",
# "Moradores de Paraisópolis").
GROUP_LINKS_PT = frozenset({"de", "do", "da", "dos", "das"})
CLAUSE_VERBS = frozenset({
    # reporting verbs
    "said", "says", "told", "tells", "added", "announced", "reported", "stated", "wrote",
    "disse", "diz", "afirmou", "afirma", "declarou", "anunciou", "acrescentou", "explicou",
    # auxiliaries and modals, which open a predicate ("Microsoft will invest")
    "will", "would", "can", "could", "may", "might", "must", "should", "is", "are", "was", "were", "has", "have",
    "had", "vai", "vão", "irá", "irão", "pode", "podem", "deve", "devem",
})
# The same before "n't", as the English tokenizer splits them ("won't" is "wo" and "n't", "can't" "ca" and "n't").
CONTRACTED_AUXILIARIES = frozenset({"wo", "ca", "does", "did", "do", "is", "are", "was", "were", "has", "have"})
# What one named actor does to another in the news: names stand on both sides
# ("Manchester City beat Real Madrid", "a Nvidia comprou a Mellanox").
ACTOR_VERBS = frozenset({
    "beat", "beats", "defeated", "defeats", "signed", "acquired", "acquires", "bought", "sued", "joined", "joins",
    "venceu", "vence", "derrotou", "bateu", "enfrenta", "enfrentou", "comprou", "adquiriu", "processou", "assinou",
    # a seller and what or whom it sold to ("Kingfisher sold 30 Screwfix shops" was one place)
    "sold", "sells", "vendeu",
})
# Past verbs (English, Portuguese preterite) and what opens the object after one.
PAST_ENDINGS = ("ed", "ou", "iu")
DETERMINERS = ARTICLES | {"a", "an", "its", "their", "his", "her", "um", "uma", "seu", "sua", "seus", "suas"}
# Roles written before a person's name; annotators mark the name without them,
# and a span of roles alone ("Prime Minister") is no name.
ROLE_TITLES = frozenset({
    "President", "Vice", "Prime", "Minister", "Governor", "Mayor", "Senator", "Chancellor", "Secretary", "Chair",
    "Chairman", "Chairwoman", "CEO", "Coach", "Presidente", "Vice-presidente", "Ministro", "Ministra", "Governador",
    "Governadora", "Prefeito", "Prefeita", "Senador", "Senadora", "Deputado", "Deputada", "Vereador", "Vereadora",
    "Secretário", "Secretária", "Chanceler", "Técnico", "Treinador", "Chief", "Justice", "Judge", "Attorney",
    "General", "Commissioner", "Juiz", "Juíza", "Desembargador", "Desembargadora",
    # members of a parliament after their party ("Labour MP Rosie Duffield" was one organisation)
    "MP", "MEP", "MSP", "Congressman", "Congresswoman",
    # a city's or a state's elected members ("Alderman Scott Waguespack" was one person with the title; s49-entities-en)
    "Alderman", "Alderwoman", "Councilman", "Councilwoman", "Councilmember", "Councillor", "Councilor",
    "Assemblyman", "Assemblywoman", "Assemblymember",
    # a government's treasurer, as Australia's states and Commonwealth title one ("Treasurer Jim Chalmers" was one
    # person with the title; s50-entities-en)
    "Treasurer",
    "presidente", "ministro", "ministra", "governador", "governadora", "prefeito", "prefeita", "senador", "senadora",
    "deputado", "deputada", "vereador", "vereadora", "secretário", "secretária", "técnico", "treinador", "chanceler",
    # performers named by their voice or instrument ("Soprano Angel Blue" was one person with the role)
    "Soprano", "Mezzo-soprano", "Tenor", "Baritone", "Pianist", "Violinist", "Cellist", "Conductor",
    # players named by their position ("Forward Logan Shaw scored" was one person with it)
    "Forward", "Striker", "Goalkeeper", "Goaltender", "Defender", "Defenceman", "Defenseman", "Midfielder", "Winger",
    "Quarterback", "Pitcher",
    # ... or as one sent on ("Substitute Mustapha Bundu headed in" was one organisation; s49-entities2)
    "Substitute",
    # ... or by their occupation ("Comedian David Baddiel", "Analyst Daniel Ives"; English words that are no
    # Portuguese one, nor a common surname: not "Singer", "Painter", "Director", "Actor")
    "Comedian", "Novelist", "Writer", "Author", "Poet", "Playwright", "Historian", "Economist", "Analyst",
    "Strategist", "Guitarist", "Bassist", "Drummer", "Rapper", "Composer", "Journalist", "Columnist",
    "Representative", "Entrepreneur", "Billionaire", "Investor",
    # police and school officers ("Detective Inspector Sarah Hall", "Superintendent Toni Jones" were one person)
    "Detective", "Inspector", "Superintendent",
    # military and sport ranks ("Captain Pat Cummins led Australia", "Lieutenant Colonel Amir Khan" were one person
    # with the rank, or the ranks an organisation); not "Major" ("Major League Baseball") nor "Private"
    "Captain", "Skipper", "Lieutenant", "Colonel", "Sergeant", "Corporal", "Admiral", "Commodore", "Brigadier",
    "Commander", "Marshal",
})
# Academic and medical titles, which WikiANN and HAREM keep in the person's name ("Dr. James Wilson", "Prof. Dr.
# Alfredo Halpern"): ``person_after_title``.
ACADEMIC_TITLES = frozenset("Dr Dr. Dra. Professor Prof Prof.".split())
# A role apposed after a person's name, before the body where it is held ("Fatih
# Birol, director of the IEA", "Rafael Menezes, diretor de tecnologia da
# Cloudwalk"), maybe with a word before it ("regional director", "presidente
# executivo"): the name before is a person's (``person_before_role``).
_APPOSED_ROLES_PT = (
    "diretor diretora presidente fundador fundadora cofundador ministro ministra secretário secretária porta-voz "
    "economista economista-chefe analista professor professora investigador investigadora pesquisador "
    "pesquisadora líder governador governadora prefeito prefeita chefe gerente coordenador coordenadora "
    "comissário comissária embaixador embaixadora")
_APPOSED_ROLES = (
    "director directors head chief chairman chairwoman chair president founder co-founder cofounder CEO "
    "spokesman spokeswoman spokesperson minister secretary governor mayor economist analyst "
    "researcher executive manager leader commissioner ambassador " + _APPOSED_ROLES_PT)
APPOSED_ROLE = re.compile(
    rf",[^\S\n]+(?:(?:the|o|a)[^\S\n]+)?(?:[a-z]+[^\S\n]+)?(?:{'|'.join(map(re.escape, _APPOSED_ROLES.split()))})"
    r"(?:[^\S\n]+[a-z]+)?[^\S\n]+(?:of|at|for|da|do|de|das|dos)\b")
APPOSED_ROLE_WORDS_PT = tuple(_APPOSED_ROLES_PT.split())
APPOSED_ROLE_WORDS = frozenset(_APPOSED_ROLES.split())
# The body a role is held at, and a person's name (for ``context_phrases``).
BODY_RUN = r"[A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*){0,4}"
PERSON_RUN = r"[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*){0,3}"
# Religious titles before a person's name ("Dom Sérgio da Rocha", "Frei
# Betto", "Padre Fábio de Melo"): the Portuguese model read such names as
# places, as some are ("Padre Miguel", a Rio district: ``person_with_religious_title``).
RELIGIOUS_TITLES = frozenset({"Dom", "Frei", "Padre", "Madre", "Irmã", "Monsenhor", "Cardeal"})
# Prepositions before a place's name, not a person's.
PLACE_PREPOSITIONS = frozenset({"de", "para", "até", "from", "to"})
# Nouns for what a person does, written before the name in the news ("the
# singer Aurora", "organiser Emily Eavis", "o produtor Liminha", "o prefeito
# Coronel Dimas"): the capitalised words after one are a person's
# (``names_in_context``), and after a demonym one is no name ("Dutch cyclist",
# "Australian swimmer" were places).
PERSON_NOUNS = {
    "en": "singer rapper guitarist drummer bassist frontman frontwoman songwriter composer conductor actor actress "
          "filmmaker novelist writer journalist presenter organiser organizer cyclist swimmer sprinter runner skier "
          "golfer boxer gymnast jockey striker midfielder defender goalkeeper quarterback astronaut physicist "
          "astronomer prosecutor detective inspector sheriff councillor councilman archbishop bishop cardinal "
          "pastor priest rabbi imam cleric billionaire entrepreneur chef photographer banker economist lawyer",
    "pt": "vocalista cantor cantora guitarrista baterista baixista compositor compositora maestro maestrina ator "
          "atriz realizador realizadora cineasta escritor escritora jornalista apresentador apresentadora piloto "
          "ciclista nadador nadadora tenista judoca ginasta maratonista atleta jogador jogadora atacante zagueiro "
          "goleiro guarda-redes avançado médio oposta levantador levantadora ponteira ponteiro líbero técnico "
          "treinador treinadora pesquisador pesquisadora investigador investigadora cientista astronauta "
          "professor professora juiz juíza desembargador desembargadora promotor promotora procurador procuradora "
          "advogado advogada delegado delegada inspetor inspetora vereador vereadora prefeito prefeita "
          "vice-prefeito vice-prefeita deputado deputada senador senadora ministro ministra governador "
          "governadora secretário secretária padre bispo arcebispo cardeal pastor pastora rabino imã frei "
          "empresário empresária produtor estilista fotógrafo fotógrafa",
}
# Stems of Portuguese verbs that take a person after "em" ("votou em Lula",
# "confia em Haddad", "apostou em Neymar"), where "em" is otherwise a place's.
PERSON_AFTER_EM = ("vot", "confi", "acredit", "apost", "pens", "inspir", "mir", "bat")
# Nouns for a band or a festival before its name ("a banda Os Paralamas do
# Sucesso", "o festival João Rock", "the band Arctic Monkeys").
GROUP_NOUNS = {"en": "band orchestra festival", "pt": "banda orquestra festival"}
# Nouns for a person's kin in the plural, before their names ("She leaves her children, Anne and Robert": the second
# was missed; "os filhos, Ana e Pedro").
KIN_NOUNS = {"en": "children sons daughters siblings brothers sisters grandchildren",
             "pt": "filhos filhas irmãos irmãs netos netas"}
KIN_AND = {"en": "and", "pt": "e"}
# Portuguese demonyms in the plural: after an article they name a group before
# its name ("os britânicos Arctic Monkeys", "dos norte-americanos The Killers").
PLURAL_DEMONYMS = (
    "americanos norte-americanos britânicos ingleses escoceses irlandeses galeses australianos canadenses "
    "canadianos franceses alemães italianos espanhóis holandeses belgas suecos noruegueses dinamarqueses "
    "finlandeses islandeses japoneses coreanos sul-coreanos chineses brasileiros portugueses argentinos "
    "mexicanos colombianos chilenos cubanos jamaicanos nigerianos angolanos moçambicanos cabo-verdianos"
)
# A firm of partners, named by their surnames with commas and an ampersand
# before the last ("Cravath, Swaine & Moore", "Morais Leitão, Galvão Teles,
# Soares da Silva & Associados"): one organisation, which the model cut at
# the commas. A list of names has "and"/"e" before its last, not "&".
_PARTNER = r"[A-ZÀ-Ý][\w'’-]+(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w'’-]+){0,2}"
FIRM_OF_PARTNERS = re.compile(rf"({_PARTNER}(?:,[^\S\n]+{_PARTNER}){{1,5}}[^\S\n]+&[^\S\n]+{_PARTNER})")
# First words of an event's name: a festival, a tournament, a race (WikiANN-pt
# train labels 213 of 245 spans opening with one ORG; "Grand" alone opens
# places: "Grand Rapids").
EVENT_HEADS = frozenset({"Festival", "Copa", "Taça", "Liga", "Campeonato", "Torneio", "Jogos", "Grand Slam",
                         "Grand Prix", "Grande Prêmio", "Grande Prémio"})
# The last word of an English event's name ("Super Bowl", "World Cup"), and the nouns after one that make it a time or
# a stage, no organisation ("a Super Bowl ad", "the World Cup final"): ``without_events_told_as_times``.
EVENT_LAST_WORDS_EN = frozenset("Bowl Cup Olympics Games Open Championship Championships Final Series Prix "
                                "Marathon".split())
NOUNS_AFTER_AN_EVENT_EN = frozenset("ad ads advert adverts advertisement advertisements commercial commercials "
                                    "halftime half-time spot slot party parade week weekend viewers audience "
                                    "broadcast".split())
# A league's or a cup's word alone names the competition, never a place ("lidera a Liga", "isolou-se no topo da Liga":
# a place to the Portuguese model; s52-acceptance2, s53-entities); WikiANN-pt's train and dev splits label no span
# opening with "Liga" a place. ("Copa" alone is also Rio's Copacabana.)
LEAGUE_WORDS = frozenset({"Liga", "Taça"})
# The first words of the event heads of two words: a token holds no space, so a span's first two words are one of
# those heads only after one of these (``is_event``).
EVENT_HEAD_OPENERS = frozenset(head.split()[0] for head in EVENT_HEADS if " " in head)
# The head of a police operation's name, after a locative inside a model span.
OPERATION_WORDS = frozenset({"Operação", "Operation", "Operación"})
# A day named by capitalised words before a weekday, maybe with its year (``is_named_day``).
NAMED_DAY = re.compile(r"(?:[A-Z][a-z]+[^\S\n]+)+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                       r"(?:[^\S\n]+(?:de|of)[^\S\n]+(?:19|20)\d\d)?")
# What a demonym is said of in the news (``is_demonym_phrase``).
DEMONYM_GROUPS = frozenset(
    "labs companies firms startups providers officials authorities banks investors regulators researchers "
    "scientists manufacturers makers giants rivals brands users consumers workers troops forces assets markets "
    "stocks exports imports tariffs models chips products people citizens students tourists leaders lawmakers "
    "diplomats outlets hackers developers engineers carmakers automakers suppliers customers buyers producers "
    "exporters importers lenders insurers airlines refiners miners government governments "
    # what a country's people buy or make, counted ("Chinese shoppers spent 18% less", "Chilean copper output fell")
    "shoppers farmers growers households output production sales "
    # courts and police ("A German court", "Saudi prosecutors"), and armies described, not named ("the Ukrainian
    # army"; WikiANN-en tags "the Mexican Navy", "Nigerian Armed Forces", capitalised, as organisations)
    "court courts prosecutors police judges army armies navy navies military "
    # the public a survey counts ("30% of British adults saw a political deepfake", found blind by seed-shaped probe 22)
    "adults teenagers teens voters residents viewers listeners readers "
    # the pronoun that stands for any of these ("ships French docs alongside the English ones", an organisation;
    # s46-entities)
    "one ones".split()
) | frozenset(PERSON_NOUNS["en"].split())
# A team named by a noun, and what it did to another ("the hosts beat Getafe").
TEAM_NOUNS = ("side", "team", "club", "hosts", "visitors", "champions", "holders", "leaders")
TEAM_VERBS = ("beat", "beats", "thrashed", "defeated", "edged", "drew", "lost")
# A British party's short name before the role of one of its politicians ("Labour councillor Tom Renhard": the
# party was missed); the role words alone, not "government" or "voters", whose party annotators label less alike.
PARTY_SHORT_NAMES = ("Labour", "Conservative", "Tory", "Green", "Reform", "SNP", "Plaid", "Lib Dem",
                     "Liberal Democrat")
PARTY_ROLES = "councillor councillors MP MPs MSP MSPs MEP MEPs peer leader candidate backbencher backbenchers " \
              "mayor spokesperson spokesman spokeswoman"
# ... or before its members in the plural, named or not ("Labour ministers had ignored the county": a person to the
# model)
PARTY_MEMBERS = "ministers MPs MSPs MEPs councillors peers backbenchers frontbenchers"
# ... which the English model may take with the party as one organisation ("Conservative MPs"): the members are none
# (``without_party_members``; the phrase of ``names_in_context`` gives the party).
PARTY_AND_MEMBERS = re.compile(rf"(?:{'|'.join(PARTY_SHORT_NAMES)})[^\S\n]+(?:{'|'.join(PARTY_MEMBERS.split())})")
# The company whose shares a sentence's figures are of ("Shares of Masimo rose", "Shares in Ryanair rose": one
# organisation or a place to the model), not a market's region ("Shares in Asia fell": ``accepted_share_issuer``).
SHARES_OF = re.compile(r"(?<!\S)[Ss]hares[^\S\n]+(?:of|in)[^\S\n]+"
                       r"((?:[A-ZÀ-Ý]|[a-z]{1,2}[A-Z])[\w&]*(?:[^\S\n]+&?[^\S\n]*[A-ZÀ-Ý][\w&]*){0,3})(?![\w-])")
# ... or before "shares" and how they moved ("Glencore shares fell 2%": missed by the model; s49-entities); not a
# market's or a sector's ("US shares rose", "Asian shares", "Mining shares fell": ``is_share_issuer``).
SHARES_MOVED = re.compile(r"(?<![\w'’-])([A-Z][\w&]*(?:[^\S\n]+[A-Z][\w&]*){0,2})[^\S\n]+shares[^\S\n]+"
                          r"(?:fell|rose|jumped|slid|dropped|climbed|gained|sank|surged|tumbled|slumped|rallied|soared"
                          r"|plunged|edged|closed|lost|added)(?![\w-])")
# A sector's or a class's words, capitalised where a sentence opens on them ("Mining shares fell", "Class A shares").
SHARE_SECTORS = frozenset("tech technology bank banks banking mining miners oil energy chip chipmaker chipmakers defence "
                          "defense property retail retailer retailers airline airlines insurance insurer insurers utility "
                          "utilities healthcare pharma drug drugmaker car carmaker carmakers auto media telecom telecoms "
                          "steel gold class ordinary preference growth value".split())
# Words that make a name a fund's, a traded product ("Solana ETF", "a spot Bitcoin ETF" were ORG).
FUND_WORDS = frozenset({"ETF", "ETFs"})
# Nouns for a site after "its"/"their" and a name ("at its Pyeongtaek plant"):
# the name is where the site is, its owner is elsewhere (the model said ORG).
SITE_NOUNS = frozenset("plant plants factory factories fab fabs facility facilities refinery site campus mine lab labs "
                       "laboratory office offices centre centres center depot depots warehouse".split())
OWNER_PRONOUNS = frozenset({"its", "their"})
# An English clause's subject, lowercase inside a sentence (``runs_into_a_clause``).
CLAUSE_SUBJECTS = frozenset({"they", "we", "he", "she", "you"})  # not "i", a Catalan "and"
# A mine or a deposit is named after where it is, after "the" too ("runs the Mountain Pass mine in California" was
# an organisation; found blind by seed-shaped probe 24).
MINE_NOUNS = frozenset("mine mines deposit deposits oilfield".split())
ARTICLES_BEFORE_A_MINE = OWNER_PRONOUNS | {"the"}
# After the article, the nouns of what a company runs that end a model span and say the kind of name before
# them ("the Markbygden project", "the Lumo open-access service"), in ``without_common_nouns_after_an_owner``;
# not others, which WikiANN keeps in the name ("the Georgia senate", "the Zhou dynasty").
RUN_NOUNS = SITE_NOUNS | frozenset("project projects service services scheme schemes programme route "
                                   # what a company sells ("the Arcadium lithium business" was a place)
                                   "business businesses".split())
# A capitalised run of up to three words, an organisation's name after an
# article in Portuguese (``organisations_in_context``).
# (an English genitive is a word of the name in Portuguese, which has none: "segundo a Tom's Hardware")
_ARTICLE_NAME = r"((?:[A-ZÀ-Ý]|[a-z][A-Z])[\w&-]*(?:['’]s)?(?:[^\S\n]+[A-ZÀ-Ý][\w&-]*(?:['’]s)?){0,2})"
# What follows a Portuguese clause's subject: a verb in the preterite (its accent too: "A Marfrig e a BRF
# concluíram", a place) or one of the commonest verbs and adverbs before one ("A Comlurb recolheu", "que a
# REN tenha de", "A Start Campus confirmou", "A Betano é a nova patrocinadora").
# Only after a feminine article, a company's ("a empresa"): after "o" a city stands as often ("O Porto
# recebeu") and so do common nouns ("O Sistema foi criado", in HAREM).
_SUBJECT_NEXT = (r"(?:(?!europeu\b|museu\b)\w{2,}(?:ou|iu|eu|aram|eram|iram|íram)|vai|vão|tem|têm|tenha|tinha|está"
                 r"|estão|estava|foi|é|será|deve|pode|quer|já|não|também|ainda|diz|disse|disseram|afirma|anuncia"
                 r"|informa|confirma|garante|prevê|pretende|espera|planeja|planeia|recebe|prepara)(?!\w)")
# A source after "segundo"/"conforme"/"de acordo com" and an article ("segundo
# a Ticketline"): the person a news story quotes takes no article there; a
# subject after a feminine article, before its verb or its place in commas.
# Every context opens a word (after a space, or no letter nor dash), with its words' letters (``each_opening``), so
# that at a word's start re passes at once over the contexts whose first letters differ, instead of trying each
# one's look-behind (two thirds of the time on Paramopama's texts, the same matches).
_SPACED = r"\S"  # (a word after a space, or first)
_SOURCE_WORDS = r"Segundo|segundo|Conforme|conforme|De[^\S\n]+acordo[^\S\n]+com|de[^\S\n]+acordo[^\S\n]+com"
# After a publishing verb or a book's "sai", within a few words, "pela"/"pelo" and the publisher.
_BY_PUBLISHER = rf"(?:[^\S\n]+[^\s.!?]+){{0,4}}?[^\S\n]+pel[ao][^\S\n]+{_ARTICLE_NAME}"


def each_opening(words: str, rest: str, *not_after: str) -> list[str]:
    """The alternatives of a context, one a word of ``words`` (as ``opening`` makes it) followed by ``rest``: when
    every alternative of a pattern opens with its plain letter, re scans the text for those letters in C and passes
    over an alternative at once where its letter differs, where a pattern that opens with a group or a look-behind
    is tried at every character (``PORTUGUESE_ORGANISATION_CONTEXTS``: a third of its time on Paramopama's texts,
    the same matches, as each word's own group tried in order)."""
    return [opening(word, *not_after)[len("(?:"):-len(")")] + rest for word in words.split("|")]


_PORTUGUESE_CONTEXTS = [
    *each_opening(_SOURCE_WORDS, rf"[^\S\n]+[ao]s?[^\S\n]+{_ARTICLE_NAME}", _SPACED),
    *each_opening("A|a", rf"[^\S\n]+{_ARTICLE_NAME}"
                  rf"(?=[^\S\n]+(?:e[^\S\n]+a[^\S\n]+{_ARTICLE_NAME[1:-1]}[^\S\n]+)?{_SUBJECT_NEXT}"
                  # (and the first of two subjects: "a Superbet e a Estrela Bet já cumprem"),
                  # or before where it is or is from, in commas ("A Northvolt, na Suécia, declarou", "A Tekever, de
                  # Lisboa, vendeu"): a known place keeps its pattern; or before who controls or owns it ("A Cielo,
                  # controlada por") or before what company it is to another, in commas ("A Brunp, subsidiária da
                  # CATL, processa", a person to the model; seed-shaped probe 24) or what it runs ("a Yilport, que opera
                  # o terminal", a person; s50-entities)
                  rf"|,[^\S\n]+(?:(?:em|n[ao]|de|d[ao])[^\S\n]+[A-ZÀ-Ý]|(?:controlad|detid|comprad|adquirid)a[^\S\n]+p"
                  rf"|que[^\S\n]+(?:opera|gere|explora|administra|controla|detém)[^\S\n]"
                  rf"|(?:subsidiária|filial|controladora|concorrente|rival|fornecedora|fabricante)[^\S\n]+d[aoe]s?"
                  rf"[^\S\n]))"),
    # or after its verb, ending the sentence ("informou a Secultfor."); not after a verb
    # that takes a person with "a" ("disse a Maria": to her)
    *each_opening("informou|informa|esclareceu|acrescentou|comunicou|destacou",
                  rf"[^\S\n]+a[^\S\n]+{_ARTICLE_NAME}(?=[^\S\n]*(?:[.;]|$))", _SPACED),
    # or as what a company owns ("A Sonae MC, dona do Continente,"), or a chain's shop ("uma loja da Fast Shop")
    *each_opening("don[oa]s?|loja|lojas|filial|filiais", rf"[^\S\n]+d[oa]s?[^\S\n]+{_ARTICLE_NAME}", _SPACED),
    # or as a journal ("um artigo publicado na Cell", "publicaram o estudo na Nature", a place to the model), after
    # the verb and up to three words of what was published: a known place keeps its pattern ("publicado no Brasil")
    *each_opening("public", rf"(?:ad[oa]s?|aram|ou|am)(?:[^\S\n]+[^\s.!?]+){{0,3}}?[^\S\n]+n[ao][^\S\n]+"
                  rf"{_ARTICLE_NAME}", _SPACED),
    # or as a book's publisher after "pela"/"pelo" ("o novo romance sai em março pela Todavia", "publicada pela
    # Companhia das Letras"): within a few words of a publishing verb; a known place keeps its pattern
    *each_opening("publicad|editad|reeditad|traduzid", rf"[oa]s?{_BY_PUBLISHER}", _SPACED),
    *each_opening("livro|romance|obra|biografia",
                  rf"[^\S\n]+(?:[^\s.!?]+[^\S\n]+){{0,2}}?(?:sai|saiu|sairá){_BY_PUBLISHER}", _SPACED),
    # or as who builds, makes or runs something, after its participle and "pela" ("navios construídos pela West
    # Sea", a place to the model): a woman named there by her given name stays a person
    *each_opening("construíd|fabricad|controlad|operad|desenvolvid|produzid|gerid|detid",
                  rf"[oa]s?[^\S\n]+pela[^\S\n]+{_ARTICLE_NAME}", _SPACED),
    # or after the noun of a fund or an asset manager ("liderada pelo fundo Lightsmith": a person to the model),
    # not the idiom "no fundo" ("No fundo Pedro sabia": deep down)
    *each_opening("fundo|fundos|gestora", rf"[^\S\n]+{_ARTICLE_NAME}", _SPACED, r"[Nn]o[^\S\n]"),
    # or as who leads a funding round ("uma rodada liderada pela Iconiq", a place to the model): an investor;
    # a known place keeps its pattern, a person named there stays one
    *each_opening("rodada|rodadas|ronda|aporte|captação",
                  rf"(?:[^\S\n]+[^\s.!?]+){{0,6}}?[^\S\n]+liderad[oa]s?[^\S\n]+pel[ao][^\S\n]+{_ARTICLE_NAME}", _SPACED),
    # or as the company whose stake or shares change hands ("comprou a fatia da Sinochem", a place to the model);
    # a known place keeps its pattern ("a participação do Brasil")
    *each_opening("fatia|participação|ações", rf"[^\S\n]+d[ao][^\S\n]+{_ARTICLE_NAME}", _SPACED)]
# Every context opens a word: the pattern takes the character before it (no letter, digit, "_" nor "-"; a space put
# first in the text stands for the text's start, ``organisations_in_context``) and looks ahead for a context's
# first letter, so that re scans the text for such characters in C instead of trying a look-behind at every
# character (62 us a task in s48-plugins-speed; 0.38 s against 0.23 s over Paramopama's corpus, the same matches).
PORTUGUESE_ORGANISATION_CONTEXTS = re.compile(
    rf"[^\w-](?=[{''.join(sorted({context[0] for context in _PORTUGUESE_CONTEXTS}))}])"
    rf"(?:{'|'.join(_PORTUGUESE_CONTEXTS)})")
# A takeover's, a merger's or a bid's company (``deal_targets``), not an owner's
# possessive ("takeover of Britain's biggest brewer").
DEAL_WORDS = re.compile(r"takeover|acquisition|merger|buyout|aquisição|fusão|b(?<!\wb)id\b|o(?<!\wo)ferta\b")
# One of them in every match of DEAL_WORDS: looked for as plain strings first (a sixth of the regex's time on
# Paramopama's texts, which seldom hold one; the regex is tried at each of their letters)
DEAL_STRINGS = ("takeover", "acquisition", "merger", "buyout", "aquisição", "fusão", "bid", "oferta")
DEAL_TARGET = re.compile(
    r"\b(?:(?:takeover|acquisition|buyout)[^\S\n]+of|merger[^\S\n]+with|bid[^\S\n]+for"
    r"|(?:aquisição|oferta[^\S\n]+(?:de[^\S\n]+compra|pública))[^\S\n]+d[ao]|fusão[^\S\n]+com[^\S\n]+a)"
    r"[^\S\n]+([A-Z][\w&-]+)(?![\w&'’-]|[^\S\n]+[A-ZÀ-Ý])")
# The words that join two names in a list ("Maersk and Hapag-Lloyd", "a Bunge e a Cargill").
COORDINATION = re.compile(r"[^\S\n]+(?:and|e)[^\S\n]+(?:[ao][^\S\n]+)?")
# A verb two subjects say or do together, after them ("Maersk and Hapag-Lloyd said", "both raised",
# "a Bunge e a Cargill anunciaram").
SUBJECTS_VERB = re.compile(r"[^\S\n]+(?:both[^\S\n]+|jointly[^\S\n]+)?(?:said|say|says|reported|announced|told|"
                           r"agreed|warned|raised|cut|disseram|anunciaram|informaram|afirmaram)\b")
# A name joined to a company before their verb ("Hershey and Mondelez both raised"): the name is group 1.
ARTICLED_PAIR = re.compile(r"[^\S\n]+e[^\S\n]+[ao][^\S\n]+")
NEXT_COMPANY = re.compile(rf"{COORDINATION.pattern}([A-Z][\w&'’-]*(?:[^\S\n]+[A-Z][\w&'’-]*){{0,2}})"
                          rf"(?={SUBJECTS_VERB.pattern})")
# English names a source after "according to": an organisation or a person, not a place ("according to Solana Beach");
# a journal after "published in" ("a paper published in Cell"); a company before "which" and what it runs or
# owns ("Getlink, which runs the Channel Tunnel"); a company a stake is held in ("a bigger stake in Boohoo", a place;
# s50-entities). A known place keeps its pattern ("published in London").
_ENGLISH_NAME = r"([A-Z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){0,2})"
ENGLISH_ORGANISATION_CONTEXTS = re.compile(
    rf"\baccording[^\S\n]+to[^\S\n]+(?:the[^\S\n]+)?{_ENGLISH_NAME}(?![\w'’])"
    rf"|\bpublished[^\S\n]+in[^\S\n]+(?:the[^\S\n]+journal[^\S\n]+)?{_ENGLISH_NAME}(?![\w'’])"
    rf"|\b{_ENGLISH_NAME},[^\S\n]+which[^\S\n]+(?:runs|operates|owns|manages|makes|builds)\b"
    rf"|\bstake[^\S\n]+in[^\S\n]+{_ENGLISH_NAME}(?![\w'’])")
ENGLISH_CONTEXT_WORDS = frozenset({"according", "published", "which", "stake"})
# A company by its board ("joined the board of Lyten" was a person, "The board of Pestana approved" a place;
# "entrou para o conselho de administração da Lyten"): a board sits at an organisation (``boards_in_context``).
BOARD_OF = {
    "en": re.compile(rf"\bboard[^\S\n]+of[^\S\n]+(?:directors[^\S\n]+(?:of|at)[^\S\n]+)?{_ENGLISH_NAME}(?![\w'’])"),
    "pt": re.compile(rf"\bconselho[^\S\n]+(?:de[^\S\n]+administração[^\S\n]+)?d[ao][^\S\n]+{_ENGLISH_NAME}(?![\w'’])"),
}
BOARD_KEYWORDS = frozenset({"board", "conselho"})
# An English sentence's subject of one capitalised word before a verb of reporting (``with_reporting_subjects``).
# Not "reports", as often the noun ("Bug reports and pull requests are welcome").
_REPORTING = "said says reported announced told confirmed".split()
REPORTING_VERBS = frozenset(verb + end for verb in _REPORTING for end in ("", ","))
REPORTING_SUBJECT = re.compile(rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))([A-Z][\w&-]*[a-z][\w&-]*)"
                               rf"(?=[^\S\n]+(?:{'|'.join(_REPORTING)})\b)")
# A source after a comma before "reported" that ends its sentence ("..., Variety reported.", "from BAE Systems,
# Janes reported."): a publication, an organisation (``with_reporting_subjects``).
_SOURCE_VERBS = "reported reports"
REPORTING_SOURCE = re.compile(rf",[^\S\n]+([A-Z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){{0,2}})"
                              rf"(?=[^\S\n]+(?:{'|'.join(_SOURCE_VERBS.split())})[.!?])")
SOURCE_VERBS = frozenset(_SOURCE_VERBS.split())
SOURCE_KEYWORDS = frozenset(verb + end for verb in SOURCE_VERBS for end in ".!?")
# An English sentence's subject before a verb and "its" (``with_owners_of_its``): what it does to its own
# is a company's or a country's doing ("Severn Trent sold its", "Wessex Water raised its"), a person's takes
# "his"/"her". Not a verb of reporting, whose "its" may be another's ("Smith said its profits rose"), nor one of
# a role held in it ("Smith is its chairman", "Jones founded its lab"), nor a visit, which a person pays to a
# company's site ("Jane Smith toured its factory"); a plan with "will" and a verb is the doing too ("Qantas will
# fly its first A350"), not a role's verb there ("Smith will be its chair", "will lead its").
_ROLE_IN_IT = "said says told is was has had remains remained becomes became joined joins led leads heads headed " \
              "chairs chaired founded runs ran left serves served toured tours visited visits inspected inspects"
_ROLE_AFTER_WILL = "|".join("be have become join lead head chair found run leave serve remain say tell tour visit "
                            "inspect".split())
OWNER_OF_ITS = re.compile(rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))([A-Z][\w&-]*[a-z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){{0,2}})"
                          rf"(?=[^\S\n]+(?:will[^\S\n]+(?!(?:{_ROLE_AFTER_WILL})\b))?"
                          rf"(?!(?:{'|'.join(_ROLE_IN_IT.split())})\b)(?:[a-z]+ed|[a-z]+s|sold|bought|cut|"
                          r"won|lost|made|took|set|paid|kept|held|gave|grew|began|(?<=will[^\S\n])[a-z]+)"
                          r"[^\S\n]+its\b)")
# The counterpart of a sale before its price (``counterparts_in_context``): who buys or sells for a sum is a
# company or a fund ("sold its stake to Ardian for £455 million", "vendeu a participação à Brookfield por 3,2
# mil milhões", "ao fundo Kaszek por R$ 1,8 bilhão"); a person there keeps the model's label.
SALE_WORDS = frozenset("sold bought sells buys sell buy vendeu venderam vende vendem vender comprou compraram compra "
                       "compram comprar".split())
_PRICE = r"(?=[^\S\n]+(?:for|por)[^\S\n]+(?:US\$|R\$|[$£€]|\d))"
COUNTERPARTS = {
    "en": re.compile(rf"\b(?:to|from)[^\S\n]+{_ENGLISH_NAME}{_PRICE}"),
    "pt": re.compile(rf"(?<!\S)(?:à|ao|da|do)[^\S\n]+(?:(?:fundo|gestora|grupo|empresa|operadora)[^\S\n]+)?"
                     rf"({BODY_RUN}){_PRICE}"),
}
# The maker a number of things is ordered or bought from, whose price the sentence may not give ("order 50
# new trains from Alstom.", "ordered 25 high-speed trains from Stadler,"): a company; a known place keeps its
# pattern ("bought 40 jets from France"). In Portuguese what a number of things is ordered from ("encomendou 117
# comboios à Stadler", "vai comprar 12 helicópteros AW119 Koala à Leonardo", a person or a place to the model): a
# maker, which no one names by a person's single name.
ORDER_WORDS = frozenset("order orders ordered buy buys bought purchase purchases purchased encomendou encomendaram "
                        "encomenda encomendar comprou compraram comprar compra comprará".split())
_ORDERED = rf"(?:{'|'.join(sorted(ORDER_WORDS))})[^\S\n]+\d[\d,.]*[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}?"
ORDERED_FROM = {
    "en": re.compile(rf"\b{_ORDERED}from[^\S\n]+{_ENGLISH_NAME}(?![\w'’])"),
    "pt": re.compile(rf"(?<!\S){_ORDERED}(?:à|ao|da|do)[^\S\n]+({BODY_RUN})"),
}
# What a regulator fines by a sum after the feminine article, a company's ("multou a Shein em R$ 11 milhões",
# a place to the model): a woman fined there by her given name keeps hers (``words_opening_no_organisation``).
FINED_COMPANY = re.compile(rf"(?<!\S)(?:multou|multaram|multa|multar)[^\S\n]+a[^\S\n]+{_ARTICLE_NAME}"
                           r"(?=[^\S\n]+em[^\S\n]+(?:US\$|R\$|€|\d))")
# A shop after the purchases made there ("compras na Shopee"), and a club opening a sentence after "O" before its
# statement ("O Vasco da Gama informou"): cities do not inform, and a known place keeps its pattern ("compras na
# China", "O Brasil anunciou") unless the model takes it for an organisation there ("O Santos informou": a city
# named with the article is its club; ``pattern_candidates``). After "O" a person is named too ("O Neymar
# disse"): the model's label stands.
# The heads of a property's name, which is bought and sold too ("comprou a Quinta do Vale": a place).
# In English what a regulator fines by a sum ("fined Entain £585,000", missed) and the brand a count of shops is of
# ("close 200 William Hill shops", a person): a company. A person fined keeps the model's label.
FINED_COMPANY_EN = re.compile(rf"\bfined[^\S\n]+{_ENGLISH_NAME}(?=[^\S\n]+(?:US\$|[$£€])\d)")
SHOP_NOUNS = frozenset("shops stores branches outlets restaurants pubs supermarkets".split())
# The same as words between spaces (``has_keyword``), also at a sentence's or a clause's end ("sold 30 Screwfix shops.")
SHOP_KEYWORDS = SHOP_NOUNS | frozenset(noun + end for noun in SHOP_NOUNS for end in ".,;")
SHOPS_OF_A_BRAND = re.compile(rf"(?<![\w.,])\d[\d,]*[^\S\n]+{_ENGLISH_NAME}"
                              rf"[^\S\n]+(?:{'|'.join(sorted(SHOP_NOUNS))})\b")
PROPERTY_HEADS = ("Quinta", "Herdade", "Fazenda", "Casa", "Vila", "Ilha", "Torre", "Mansão", "Chácara")
# What a company buys or sells after the feminine article in Portuguese ("O Google comprou a Wiz", "A Americanas
# vendeu a Hortifruti Natural da Terra"): a company, as a city takes no article; a known place keeps its pattern
# ("a Groenlândia"), a woman named by her given name stays a person (``words_opening_no_organisation``).
BOUGHT_COMPANY = re.compile(rf"(?<!\S)(?:comprou|compraram|comprará|adquiriu|adquiriram|vendeu|venderam)"
                            rf"[^\S\n]+a[^\S\n]+(?!(?:{'|'.join(PROPERTY_HEADS)})\b)({BODY_RUN})")
PURCHASES_AT = re.compile(rf"(?<!\S)[Cc]ompras[^\S\n]+n[ao][^\S\n]+{_ARTICLE_NAME}")
_STATEMENT_VERBS = "informou anunciou comunicou confirmou afirmou".split()
CLUB_STATEMENT = re.compile(rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))O[^\S\n]+({BODY_RUN})"
                            rf"(?=[^\S\n]+(?:{'|'.join(_STATEMENT_VERBS)})\b)")
STATEMENT_VERBS = frozenset(_STATEMENT_VERBS)
# Owners of a possessive inside a name, not a person's owner ("Women's World
# Cup", "People's Liberation Army", "Queen's Park Rangers").
GENERIC_OWNERS = frozenset("Women Men Children People Queen King Saint St Lady Lord Boys Girls Mother Father Nation "
                           "Nations Workers Farmers Veterans Citizens Warriors It".split())
# Lowercase particles that open a surname used alone ("van der Poel", "von der Leyen", "bin Salman").
SURNAME_PARTICLES = frozenset("van von der den ter ten bin ibn al".split())
# Two-letter words that open sentences, capitalised, and end no person's name.
SHORT_WORDS = frozenset("em um as os no na do da de di du eu ao se só já lá it he we in on at by to an if or so up go my "
                        "me us be is am of".split())
# Last words that make a name a company's, whatever the model guessed ("Joby
# Aviation" as a person, "Iconiq Capital" as a place).
COMPANY_WORDS = frozenset(
    "Aviation Airlines Airways Capital Partners Holdings Holding Group Grupo Dynamics Technologies Technology "
    "Tecnologia Systems Motors Pharmaceuticals Pharma Therapeutics Labs Ventures Software Semiconductor "
    "Semiconductors Robotics Inc Corp Corporation Ltd Ltda Investimentos Participações Seguros "
    # shipping, rail and telecoms operators ("Hutchison Ports" was a person)
    "Ports Terminals Logistics Shipping Railways Telecom "
    # train leasing and rail companies ("Eversholt Rail", "Beacon Rail" were people)
    "Rail Railway "
    # law firms ("Pinheiro Neto Advogados" was a person)
    "Advogados Associados LLP "
    # property and renewable-power developers, who build data centres ("Merlin Properties" was a person)
    "Properties Realty Renewables "
    # a sector's plural or mass noun, in English or Portuguese, ends a company's name ("Manara Minerals" was a person,
    # "Aegea Saneamento" a place); in WikiANN train the multi-word spans ending in the ones it holds are organisations
    # (Resources 3, Steel 4, Industries 4, Services 4, Entertainment 23, Records 65, Pictures 7, Sciences 11)
    "Minerals Mining Mineração Metals Resources Steel Energy Energia Saneamento Foods Alimentos Industries Indústrias "
    "Insurance Investments Services Serviços Solutions Engenharia Logística Entertainment Records Pictures Biotech "
    "Biosciences Chemicals Química Celulose Bioenergia Agronegócio "
    # a cooperative's closing word ("Aurora Coop" was a person; s51-entities)
    "Coop "
    # a county's police force ("Derbyshire Constabulary" was a person)
    "Constabulary "
    # a space company ("Thales Alenia Space" was a place; WikiANN-en train: 2 of 3 such names organisations)
    "Space "
    # a maker of games or of a platform ("A Riot Games" and "Riot Platforms" were people; entities46, entities47): an
    # event's "Games" ("Commonwealth Games") is an organisation to the truths too
    "Games Platforms Studios "
    # a bitcoin miner's or a lab's ("Marathon Digital and Riot Platforms", "Core Scientific"; entities48: no name of
    # WikiANN-en's train split ends in either)
    "Digital Scientific".split()
)
# Words after a vehicle maker's name that are its own, not a model's (``vehicle_models``):
# the company's, a country's unit's or a role's ("Toyota Motor", "Renault Portugal", "Tesla CEO"), and the
# words of a maker's sister companies ("Mitsubishi UFJ", a bank, "Mitsubishi Heavy Industries", "Hyundai Electric").
MAKERS_OWN_WORDS = COMPANY_WORDS | ROLE_TITLES | frozenset(
    "Motor Auto Brasil Portugal Europe Europa China India UK US USA America América Foundation "
    "UFJ Financial Bank Heavy Electric Chemical".split())
# An acronym that says, asks or orders something is a body's ("ERCOT asked Texans
# to conserve power", "PJM, which runs the grid for 65 million people, asked",
# "a ANEEL determinou"): grid operators, regulators and agencies the model
# misses; a figure's acronym does not speak ("GDP rose", "o PIB cresceu").
# Two letters only where a sentence opens ("SJ ordered 25 trains"): inside one they are as often a title's ("the PM
# said"); a known place keeps its pattern ("US said").
# (each look-behind follows the first capital, as in ``opening``)
ACRONYM_ACTOR = re.compile(
    r"[A-Z](?:(?<![\w.-][A-Z])[A-Z]{2,5}|(?:(?<=^[A-Z])|(?<=[.!?][^\S\n][A-Z])|(?<=\n[A-Z]))[A-Z])(?![\w-])"
    r"(?=(?:,[^\S\n]+(?:which|the|a|an|que|o)\b[^,.\n]{0,100},)?[^\S\n]+"
    r"(?:said|says|reported|reports|asked|asks|issued|issues|announced|warned|told|ordered|urged|approved|fined|"
    r"ruled|declared|"
    r"disse|diz|afirmou|anunciou|pediu|emitiu|informou|alertou|avisou|aprovou|declarou|determinou|multou)\b)")
# An acronym in parentheses right after a name ("Companhia Nacional de Abastecimento (Conab)").
ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÀ-Ý][A-Za-zÀ-ÿ]{1,9})\)")
# An acronym, a dash and the name it spells ("CP - Comboios de Portugal",
# "ABC – American Broadcasting Company"): two organisations (``acronyms_and_names``).
ACRONYM_DASH = re.compile(r"\b([A-Z]{2,6})[^\S\n]+[-–][^\S\n]+(?=[A-ZÀ-Ý])")
_NAME_WORD = r"[A-ZÀ-Ý][\w'’-]*"
NAME_AFTER_DASH = re.compile(rf"{_NAME_WORD}(?:[^\S\n]+(?:(?:d[aeo]s?|of|and|e|the)[^\S\n]+){{0,2}}{_NAME_WORD}){{1,6}}")
# A country's part after its own name ("Rio Grande do Sul state", "Washington
# state"; 2 spans of WikiANN-en train end so), not after its country's
# abbreviation: a "U.S. state" is a kind of place, and WikiANN labels it so.
STATE_NOUNS = frozenset({"state", "province"})
# What a place or a company has, written after its name in English ("the
# Arizona desert", "the Phoenix plant", "the Nvidia conference"): no part of
# the name (``name_words``). WikiANN-en train has none of these inside a name (only "area",
# "region" and "factories" are, so they are not here).
HELD_NOUNS = frozenset(
    "desert plant plants factory fab fabs facility facilities refinery site campus mine headquarters office "
    "offices conference event festival market markets unit division subsidiary ground grounds system systems "
    # what is made against a disease ("a Covid-19 vaccine" was an organisation)
    "vaccine vaccines drug drugs "
    # a team's post ("took the England job" was one place; WikiANN-en's train and dev: no name holds "job")
    "job".split()
) | STATE_NOUNS
# Roles between a company and the person who holds it ("Hershey chief
# executive Kirk Tanner", "Ryanair boss Michael O'Leary"); comma-separated.
# A company's officers, who are nobody else's ("Ryanair's chief executive"; a politician has a spokesman too).
COMPANY_OFFICERS = ("chief executive,chief executive officer,chief financial officer,chief operating officer,"
                    "chairman,chairwoman,founder,co-founder,CEO")
COMPANY_OFFICER_WORDS = frozenset(COMPANY_OFFICERS.replace(",", " ").split())
ROLES_AFTER_COMPANY = (COMPANY_OFFICERS + ",boss,spokesman,spokeswoman,spokesperson,"
                       # a club's ("Bayern coach Vincent Kompany": the club was missed), and its players' ("Liverpool
                       # forward Mohamed Salah": one organisation with the role; "Arsenal midfielder", missed)
                       "coach,head coach,manager,captain,forward,striker,midfielder,defender,goalkeeper,keeper,winger")


def officer_roles_in_both_cases() -> list[str]:
    """The company officers' roles as prose writes them and as a title ("chief executive", "Chief Executive": "Marks &
    Spencer's Chief Executive Stuart Machin" left the company unfound)."""
    roles = COMPANY_OFFICERS.split(",")
    return roles + [role.title() for role in roles if role.title() != role and not role.isupper()]


# Their first words, which gate their regex (``has_keyword``), and all their words.
ROLE_KEYWORDS = frozenset(role.split()[0] for role in ROLES_AFTER_COMPANY.split(","))
ROLE_WORDS = frozenset(ROLES_AFTER_COMPANY.replace(",", " ").split())
# The first words of the officers' roles in both cases, alone or before a comma ("Ryanair's CEO, Michael O'Leary").
POSSESSIVE_OFFICER_KEYWORDS = frozenset(role.split()[0] + end for role in officer_roles_in_both_cases()
                                        for end in ("", ","))
# A public body's or a start-up programme's noun right before its name ("the federal statistics office Destatis said",
# a place to the English model; "o gabinete de estatísticas europeu Eurostat", a person; "a aceleradora
# Y-Combinator", a product): the name is an organisation's. Portuguese says what body after the noun, in adjectives
# and one "de" phrase ("o instituto nacional de estatística INE"), never with "do"/"da" and a holder ("o gabinete do
# primeiro-ministro Luís Montenegro"); in English the noun stands right before the name, not before a day or a
# one-letter pronoun ("told the agency Friday", "the agency I run"). (``context_phrases``)
BODY_NOUNS = {
    "en": "office agency bureau institute regulator watchdog accelerator incubator",
    "pt": "gabinete instituto órgão agência autarquia regulador reguladora aceleradora incubadora",
}
# ... and a civic or a professional body's, or a publication's ("a associação ambientalista Zero", a person to the
# model; "a ONG Greenpeace", "o movimento Vem Pra Rua", "a revista científica Nature Medicine"), only as written: a
# capital makes one the name's first word ("Jornal Alvorada", "Fundação Getulio Vargas"), and "Grupo E" a stage.
CIVIC_BODY_NOUNS_PT = ("associação organização ONG fundação movimento coletivo grupo entidade federação confederação "
                       "sindicato revista jornal")
_NOT_A_QUALIFIER = r"(?!(?:de|do|da|dos|das|o|a|os|as|e|em|no|na|nos|nas|por|pelo|pela|para|com|que|se|ao|à)(?![\w-]))"
_QUALIFIER = rf"{_NOT_A_QUALIFIER}[a-zà-ÿ][a-zà-ÿ-]*[^\S\n]+"
BODY_QUALIFIERS_PT = rf"(?:{_QUALIFIER})?(?:de[^\S\n]+{_QUALIFIER})?(?:{_QUALIFIER})?"
DAYS_AND_MONTHS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June " \
                  "July August September October November December"
# A company's kin, supplier or customer after another's possessive, maybe a demonym, and the noun ("Temu's Chinese
# parent PDD Holdings", missed by the model), its owner or rival after a demonym ("Samsung's South Korean rival"), which
# a person is not ("Trump's rival Kamala Harris", "Chelsea's American owner Todd Boehly": ``is_related_company``).
COMPANY_RELATIONS = frozenset("parent supplier suppliers customer customers subsidiary unit".split())
RIVAL_OR_OWNER = frozenset("owner owners rival rivals competitor competitors".split())
RELATED_COMPANY_NOUNS = sorted(COMPANY_RELATIONS | RIVAL_OR_OWNER)
# What a company is to the one the news is about, capitalised as a sentence's first word before the company's name
# ("Rival Thales Alenia Space also bid", "Partner Northrop Grumman will supply": one organisation to the model); not
# "Unit" nor "Parent", which open names ("Unit 731").
COMPANY_ROLE_OPENERS = RIVAL_OR_OWNER | frozenset(
    "partner partners supplier suppliers customer customers client clients contractor contractors".split())
# People named with their employer after them ("Analysts at Goldman Sachs",
# "economistas do Itaú"): the employer is an organisation; in Portuguese not a place the gazetteer knows
# ("analistas do Brasil": ``is_no_known_place``), where "do" says where they work, not for whom.
EMPLOYED_PEOPLE = {
    "en": "analyst analysts economist economists strategist strategists trader traders researchers executives "
          "engineers bankers employees "
          # (a firm's staff: "support staff at Canva and Atlassian in Sydney", both places to the model;
          # s47-entities2)
          "staff",
    "pt": "analistas economistas estrategistas executivos executivas",
}
# Experts or researchers of a school or institute, before its name ("Especialistas do Insper", missed by the model;
# "Pesquisadores do Butantan", a place to it), and a survey or a study by the body that made it ("levantamento do
# Dieese", "pesquisa do Datafolha"); not of a country or a region the gazetteer knows ("especialistas do Brasil",
# "pesquisa da Bahia"): ``is_no_known_place``.
EXPERTS = ("especialistas investigadores investigadoras pesquisadores pesquisadoras cientistas levantamento "
           "levantamentos pesquisa pesquisas sondagem sondagens inquérito estudo relatório boletim")
# Who works at a research institute, before its code ("Investigadores do i3S"): a word with a digit or two
# capitals, and a second code after it ("INESC TEC").
RESEARCHERS = "investigadores investigadoras pesquisadores pesquisadoras cientistas"
INSTITUTE_CODE = r"(?=[\w-]*(?:\d|[A-Z][\w-]*[A-Z]))[A-Za-z][\w-]*(?:[^\S\n]+[A-Z]{2,}(?![\w-]))?"
# Companies named as examples of their kind ("Chinese toolmakers such as Naura
# and Piotech", "140 Chinese entities ..., including Naura and Piotech"): up to
# eight words between, none a place's kind ("firms from 12 countries, including Brazil").
COMPANY_GROUPS = ("companies firms makers chipmakers toolmakers carmakers automakers drugmakers suppliers entities "
                  "startups rivals competitors vendors labs manufacturers lenders insurers airlines brands")
# Nouns of a player's move before "de" and the player's full name ("a venda de
# Geovany Quenda", "a contratação de Vitor Roque"): a company takes an article there ("a venda da Nexperia").
TRANSFER_NOUNS = "venda contratação transferência empréstimo renovação saída chegada"
# ... and a retrospective's, only of an artist ("uma retrospectiva de Tarsila do Amaral" was a place).
ARTIST_SHOW_NOUNS = "retrospectiva retrospectivas"
# Water a dam holds, named with "do"/"da" too ("a barragem do Alqueva" was a person); a stadium or a field "do" is
# its club's ("o estádio do Benfica"), so only these.
WATER_FACILITY_NOUNS = "barragem albufeira represa"
# Nouns for a place before "of"/"de" and its name ("the port of San Pedro",
# "o município de Sorriso"); not "estado de" ("estado de Direito") nor "region
# of" (a name's: "Region of Murcia").
PLACE_NOUNS = {
    "en": "port city town village province county island towns villages cities counties",
    "pt": "porto cidade município vila aldeia freguesia concelho distrito bairro "
          "cidades municípios vilas aldeias freguesias concelhos distritos bairros "
          "incêndio incêndios",  # a fire by where it burns ("o incêndio de Arganil" was missed)
}
# ... and the people who live there, a sentence's first word too ("Residents of Dorchester told the council", missed).
RESIDENT_NOUNS = {"en": "residents", "pt": "moradores habitantes"}
# Portuguese nouns of a place's kind, lowercase before its name, which HAREM leaves out of it ("a rua Augusta", "o
# bairro Barreiro", "as cheias do rio Búzi", "as ilhas de Cabo Verde", "o porto da Beira"), maybe with the name's
# preposition ("a ilha das Flores").
LOWERCASE_PLACE_HEADS = frozenset("bairro rua avenida praça travessa largo cidade município vila aldeia freguesia "
                                  "concelho distrito região ilha ilhas porto rio rios".split())
PLACE_HEAD_PREPOSITIONS = frozenset("de da do das dos".split())
# Portuguese nouns for a built place before its name, with or without "de" ("o aeroporto Humberto
# Delgado", "a ponte Vasco da Gama", "o estádio de São Januário"): a place named after a person is no person;
# dams and reservoirs too ("a barragem de Alqueva", "a albufeira de Odeleite" were people).
# And sites of production ("a adega de Gaia", "o campo de Peregrino"; "o bloco de Mopane", an oil block, was a person);
# and halls of sport ("no ginásio Pedrocão", missed).
FACILITY_NOUNS = "aeroporto aeródromo ponte viaduto túnel estádio autódromo barragem albufeira represa " \
                 "adega refinaria usina campo bloco poço ginásio pavilhão velódromo hipódromo kartódromo"
# Nouns for a machine before its name, which is often a person's ("o supercomputador Santos Dumont", "o navio Almirante
# Saldanha", "the research ship Sir David Attenborough": people to the model; entities46, entities47): a product.
MACHINE_NOUNS = {
    "pt": "supercomputador navio navio-patrulha navio-escola navio-hospital rebocador fragata corveta submarino "
          "porta-aviões satélite telescópio veleiro petroleiro graneleiro quebra-gelo",
    "en": "supercomputer ship vessel frigate destroyer submarine icebreaker tanker telescope satellite",
}
# A machine's name: capitalised words (a person's particle between, "Vasco da Gama") and a number after ("Amazonia 1").
MACHINE_NAME = r"([A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*){0,3}(?:[^\S\n]+\d{1,2}(?![\w-]))?)"
# Capitalised words that open a sentence before a name ("On Monday Hershey
# chief executive", "Former Tesla boss"), in ``names_in_context``.
SENTENCE_OPENERS = frozenset("On In At For From By With After Before As Under Former Then Interim Acting Outgoing New "
                             "Deputy Ex".split())
# Nouns for a company that the news puts between a demonym and the company's
# name ("the Japanese drugmaker Takeda", "a fabricante chinesa BYD"): the name
# is the company's, whatever the model guessed ("a startup brasileira Eve" as
# a person, "Japanese" as a place and "iQPS" missed).
COMPANY_NOUNS = {
    "en": "maker chipmaker drugmaker carmaker automaker startup start-up company firm group giant conglomerate "
          "lender bank insurer airline carrier retailer manufacturer supplier miner producer developer operator "
          "broadcaster utility chain",
    "pt": "fabricante montadora startup empresa companhia gigante varejista mineradora petroleira farmacêutica "
          "operadora banco grupo fintech siderúrgica construtora aérea trading escritório promotora produtora "
          "gravadora distribuidora seguradora corretora consultoria incorporadora transportadora cooperativa rede "
          # "a concessionária Motiva" (a person to the model; s48-entities)
          "concessionária "
          # "a editora Malê" (a person to the model; entities45)
          "revista jornal sociedade editora "
          # "A grife Osklen" missed, "a marca Reserva" a place (entities45, entities46)
          "grife marca "
          # a game studio and an esports team ("o estúdio Aquiris" a person, "a equipe FURIA" missed; s52-entities)
          "estúdio equipe equipa "
          # a retail chain ("A cadeia Kero" a person to the model; s52-entities2)
          "cadeia",
}
# The English nouns that name a company and never a person's trade ("the carmaker Lucid" a person to the model;
# s52-entities): right after "the" they stand before the company's name with no demonym. Not "developer",
# "producer", "operator", "group" nor "company" ("the developer Hideo Kojima", "the company John Smith founded").
BARE_COMPANY_NOUNS_EN = ("carmaker automaker chipmaker drugmaker startup start-up lender insurer airline retailer "
                         "manufacturer broadcaster")
# The nouns split once, not for each text (``companies_after_demonyms``' screen).
COMPANY_NOUN_WORDS = {language: tuple(nouns.split()) for language, nouns in COMPANY_NOUNS.items()}
# One company said of by its demonym ("the Saudi oil giant said") is no name either.
ENGLISH_COMPANY_NOUNS = frozenset(COMPANY_NOUNS["en"].split())
# The nouns cut from a name after "the" (``without_common_nouns_after_an_owner``): what is run, a company said of
# by its town ("the London company announced", one organisation to the model), and a team by its university or its
# town right before it ("the Oxford team behind the vaccine", "a Cambridge team found"; WikiANN's "the Georgia
# national football team" is one name).
TEAM_WORDS = frozenset({"team", "teams"})
NOUNS_AFTER_THE_NAME = RUN_NOUNS | ENGLISH_COMPANY_NOUNS | TEAM_WORDS
# The same after "a"/"an", and a site's noun where a town says where it is ("scans at a London clinic", one
# organisation to the model).
FACILITY_NOUNS_EN = frozenset("clinic clinics hospital hospitals hotel hotels court school studio gallery".split())
NOUNS_AFTER_A_NAME = NOUNS_AFTER_THE_NAME | FACILITY_NOUNS_EN
# A sentence's subject before a verb of raising money, its sum and where it came from ("Stegra raised €4.7bn in debt
# and equity", "O Ebanx levantou US$ 430 milhões com investidores"; a star raises money for charity), or a purchase
# or a sale of a business or a site for a price ("Prada bought the Milan atelier ... for €40 million"; a footballer
# buys a yacht), or a count of shops bought or sold ("Currys sold 12 Carphone shops to Vodafone", a place to the
# model; no price needed: no person or place deals in shops by the dozen), or a club moving a player by the player's
# role (``PLAYER_MOVES``), or one that the sentence's end names by a company's noun ("Nintendo sold 10.4 million
# consoles ..., the company said"): a company or a fund (``with_financed_subjects``); in Portuguese after "O" (after
# "A" the subject rule of ``PORTUGUESE_ORGANISATION_CONTEXTS`` finds it). A known place keeps its pattern
# ("Germany raised €5bn in bonds"), a person of the text stays one.
_SUM = r"(?:US\$|R\$|[$£€]|\d)"
# What a company does to something, not what a figure does ("Sales rose 5%, the company said": no company).
_COMPANY_ACTIONS = "sold delivered shipped built opened closed cut hired launched signed bought won agreed paid " \
                   "invested produced posted recorded booked cancelled canceled ordered suspended acquired filed " \
                   "appointed named released unveiled"
_IN_SENTENCE = r"(?:[^.!?\n]|(?<=\d)\.(?=\d))"  # a character of the same sentence, a decimal point too ("10.4")
# ... a valuation too ("raised $1bn at a $7bn valuation": only an investor values what it buys into).
_FUNDING = "bond bonds round funding investors investor debt equity IPO listing notes loan loans shares rights " \
           "financing lenders valuation investidores rodada títulos dívida debêntures ações aporte empréstimo " \
           "financiamento credores avaliação"
_BUSINESSES = " ".join(sorted(SITE_NOUNS)) + " business businesses unit arm division stake brand chain stores shops " \
              "atelier workshop studio operations portfolio"
_COMPANY_SAID = (rf"{_IN_SENTENCE}*,[^\S\n]+the[^\S\n]+(?:{'|'.join(sorted(ENGLISH_COMPANY_NOUNS))})"
                 r"[^\S\n]+(?:said|says)\.")
# A club moving a player it names by the player's role ("Everton loaned striker Beto to Olympique Lyonnais", missed):
# only a club signs, loans or sells a striker.
PLAYER_MOVES = "signed signs loaned loans sold sells released releases recalled bought buys sacked sacks"
PLAYER_MOVE_WORDS = frozenset(PLAYER_MOVES.split())
PLAYER_ROLES = "striker strikers forward midfielder defender goalkeeper keeper winger full-back right-back left-back " \
               "centre-back center-back playmaker"
FINANCED_SUBJECT = {
    "en": re.compile(rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n)){_ENGLISH_NAME}"
                     rf"(?=[^\S\n]+(?:(?:raised|raises|secured|secures|borrowed|borrows)[^\S\n]+{_SUM}"
                     rf"{_IN_SENTENCE}{{0,60}}?\b(?:{'|'.join(_FUNDING.split())})\b"
                     rf"|(?:bought|buys|acquired|acquires|sold|sells)\b{_IN_SENTENCE}{{0,60}}?"
                     rf"\b(?:{'|'.join(_BUSINESSES.split())})\b{_IN_SENTENCE}{{0,80}}?\bfor[^\S\n]+{_SUM}"
                     rf"|(?:bought|buys|sold|sells)[^\S\n]+\d[\d,]*[^\S\n]+{_IN_SENTENCE}{{0,40}}?"
                     rf"\b(?:{'|'.join(sorted(SHOP_NOUNS))})\b"
                     rf"|(?:{'|'.join(PLAYER_MOVES.split())})[^\S\n]+(?:[\w-]+[^\S\n]+)?"
                     rf"(?:{'|'.join(PLAYER_ROLES.split())})[^\S\n]+[A-Z]"
                     rf"|(?:{'|'.join(_COMPANY_ACTIONS.split())})\b{_COMPANY_SAID}))"),
    "pt": re.compile(rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))O[^\S\n]+({BODY_RUN})"
                     rf"(?=[^\S\n]+(?:levantou|levanta|captou|capta|arrecadou|obteve)[^\S\n]+{_SUM}"
                     rf"{_IN_SENTENCE}{{0,60}}?\b(?:{'|'.join(_FUNDING.split())})\b)"),
}
# An English sentence's subject whose site the sentence names with "its" ("Helsing will build 6,000 drones for
# Ukraine at its factory in Bavaria", a place to the model): a company; a person's site is "his"/"her", and a
# reporting or a role's verb first says nothing of the subject's ("Smith said its plant", ``_ROLE_IN_IT``).
OWNER_OF_ITS_SITE = re.compile(
    rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))([A-Z][\w&-]*[a-z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){{0,2}})"
    rf"(?=[^\S\n]+(?!(?:{'|'.join(_ROLE_IN_IT.split())})\b)[a-z]{_IN_SENTENCE}{{0,80}}?"
    rf"\bits[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:{'|'.join(sorted(SITE_NOUNS))})\b)")
FINANCING_WORDS = frozenset("raised raises secured secures borrowed borrows bought buys acquired acquires sold sells "
                            "said. says. levantou levanta captou capta arrecadou obteve".split()) | PLAYER_MOVE_WORDS
# Nouns that say what a name is in an apposition after it ("a Emdec, empresa
# municipal de trânsito", "Emdec, the city's traffic agency,"): an
# organisation, whatever the model guessed (the agency was a person). Not the
# nouns that also name a person's job ("promotora", "produtora", "operadora").
APPOSED_COMPANY_NOUNS = {
    "en": "company firm agency authority utility regulator startup start-up carmaker chipmaker drugmaker lender "
          # ... and a shop's, an airline's and an insurer's ("Zentrix, the Leeds-based retailer"; not "maker": "The
          # Browser Company, the maker of Arc" lost its "The", which this phrase's name drops as a sentence's opener)
          "operator retailer supermarket airline insurer",
    "pt": "empresa companhia estatal autarquia agência fundação órgão montadora fabricante mineradora petroleira "
          "varejista fintech startup banco seguradora construtora incorporadora gravadora farmacêutica "
          # and a civic body's ("O Observatório do Clima, rede de organizações da sociedade civil," was a place)
          "associação organização ONG rede coalizão coligação entidade movimento sindicato federação confederação "
          # a cooperative's ("A Coamo, maior cooperativa agrícola" was a place; s51-entities)
          "cooperativa",
}
# Portuguese demonyms as written after the noun (lowercase; the English ones
# are in patterns/demonyms.txt, capitalised before it).
PORTUGUESE_DEMONYMS = (
    "americana americano norte-americana norte-americano chinesa chinês alemã alemão japonesa japonês francesa "
    "francês brasileira brasileiro britânica britânico coreana coreano sul-coreana sul-coreano taiwanesa "
    "taiwanês holandesa holandês sueca sueco italiana italiano espanhola espanhol indiana indiano canadense "
    "suíça suíço israelense russa russo mexicana mexicano argentina argentino europeia europeu australiana "
    "australiano saudita finlandesa finlandês dinamarquesa dinamarquês norueguesa norueguês irlandesa irlandês "
    "belga portuguesa português chilena chileno colombiana colombiano"
)
PORTUGUESE_DEMONYM_WORDS = frozenset(PORTUGUESE_DEMONYMS.split())
# A Brazilian state's or a Portuguese city's demonym, between a company noun and its name ("a startup paulista Portal
# Telemedicina" was a person; seed-shaped probe 25). Only there: alone after an article it names a person as often
# ("a baiana Ivete Sangalo").
REGIONAL_DEMONYMS = (
    "paulista paulistano paulistana carioca fluminense mineira mineiro gaúcha gaúcho baiana baiano catarinense "
    "paranaense pernambucana pernambucano cearense goiana goiano capixaba amazonense paraense potiguar "
    "portuense lisboeta nortenha nortenho"
)
# A feminine demonym after an article, which stands for a company noun before
# a one-word name ("a alemã Lilium", "da norueguesa Equinor" were PER; a woman
# is more often named in full: "a americana Simone Biles"). Searched only before
# the model's one-word spans: at every article it cost 0.1 us a word.
FEMININE_DEMONYM_BEFORE = re.compile(
    r"(?<!\w)(?:[AaÀà]|[DdNn]a|[Pp]ela)\s+(?:"
    + "|".join(word for word in sorted(PORTUGUESE_DEMONYM_WORDS) if word.endswith(("a", "ã"))) + r")\s+\Z")
# A company's name after its noun: capitalised words, or one with a capital
# after a lowercase start ("iQPS", "eBay") or a capital glued by a dot ("Mobi.E"),
# up to four, maybe joined by a spaced ampersand ("o escritório Sérvulo & Associados"), not a role ("Nvidia CEO").
# A word of it may be elided onto a capital ("o grupo Rede D'Or" gave "Rede D"; seed-shaped probe 25), not a possessive.
_ELIDED = r"(?:['’][A-ZÀ-Ý][\w&-]*)?"
# Not a lone capital, which names a stage's group or a class ("o Brasil caiu no grupo E"), unless a dot glues a
# name's next capital ("o grupo E.ON").
_LONE_CAPITAL = r"[A-ZÀ-Ý](?![\w&'’-]|\.[A-ZÀ-Ý])"
COMPANY_NAME = (rf"((?!{_LONE_CAPITAL})(?:[A-ZÀ-Ý]|[a-z]{{1,2}}[A-Z])[\w&-]*{_ELIDED}(?:\.[A-ZÀ-Ý][\w&-]*)?"
                rf"(?:\s+(?:&\s+)?(?!CEO\b|Chief\b)[A-ZÀ-Ý][\w&-]*{_ELIDED}){{0,3}})")
# Aircraft written after their model ("35 of its 737 MAX jets", "the A321neo
# planes"): a model name has a digit and a capital; without them the words are
# an airline's or a maker's ("the Ryanair jets", "Boeing planes"), whose
# aircraft they are, or a count ("44 aircraft"); so with helicopters, drones and fighters ("6,000 HX-2 strike
# drones" a model, "the Navy drones" whose).
AIRCRAFT_NOUNS = frozenset("jet jets aircraft airliner airliners plane planes helicopter helicopters drone drones "
                           "fighter fighters".split())
# Aircraft nouns before a name name the model only ("aviões Embraer E195-E2", "drones AR5").
AIRCRAFT_NOUNS_BEFORE = frozenset(
    "avião aviões jato jatos aeronave aeronaves helicóptero helicópteros drone drones".split())
# Vehicles of any kind after a name: a model's only when the name is a model's ("its Gen-7 vehicles" was an
# organisation; "Waymo vehicles", "the Uber robotaxis" are whose), as with aircraft (``product_names``).
GENERIC_VEHICLE_NOUNS = frozenset("vehicle vehicles robotaxi robotaxis".split())
# So with vaccines: "the R21 vaccine" names one (an organisation to the model), "the Pfizer vaccine" its maker.
VACCINE_NOUNS = frozenset("vaccine vaccines".split())
# Nouns for a made thing that news writes next to its name: before it
# ("a vacina Arexvy", "o satélite Aeros MH-1", "o foguetão Falcon 9", "the
# drug Wegovy", maybe after a Portuguese demonym: "o foguete chinês Longa
# Marcha 5") or, in English, after it for vehicles and instruments ("the Blue
# Moon lander", "a New Glenn rocket", "the Webb telescope"): the name is a
# product's, unless it opens with a known name of another kind ("a SpaceX
# rocket"), a word of ``not_names`` or a demonym ("a Chinese rocket").
PRODUCT_NOUNS_BEFORE = frozenset(
    "vacina vacinas medicamento medicamentos remédio fármaco satélite satélites nanossatélite microssatélite "
    "foguete foguetão sonda telescópio processador chip celular celulares smartphone smartphones telemóvel "
    "telemóveis "
    "drug vaccine medicine satellite nanosatellite rocket lander spacecraft telescope rover smartphone "
    # software and hardware of AI posts ("o app Threads", "a plataforma Bluesky", "o framework ElizaOS")
    "aplicativo app plataforma framework GPU "
    # ... and a vendor's named system ("o seu sistema Lunit INSIGHT CXR", an organisation's acronym to the model;
    # seed-shaped probe 25)
    "sistema software "
    # farm and factory machines ("200 robôs Solix", a person to the model; seed-shaped probe 24)
    "robô robôs drone drones trator tratores colheitadeira colheitadeiras "
    # a maker's device ("o novo sensor Smart Trac Ultra", missed; s45-entities), a web browser ("o navegador Comet")
    "sensor sensores navegador navegadores "
    # a model of AI or of a car, after a masculine word only ("o modelo Granite", an organisation to the model; "a
    # modelo Gisele" is a person: ``MODEL_NOUNS_PT``)
    "modelo modelos".split()
) | AIRCRAFT_NOUNS_BEFORE
# A Portuguese demonym or a machine's kind between a product's noun and its name ("o foguete chinês Longa Marcha 5",
# "o seu trator autônomo 8R").
WORDS_BETWEEN_A_PRODUCT_NOUN_AND_NAME = PORTUGUESE_DEMONYM_WORDS | frozenset(
    "autônomo autônoma autónomo autónoma elétrico elétrica eléctrico eléctrica".split())
# Portuguese nouns of a product that are a person's after a feminine word ("a modelo", a fashion model).
MODEL_NOUNS_PT = frozenset({"modelo", "modelos"})
FEMININE_WORDS_BEFORE_A_NOUN = frozenset("a as da das na nas à às pela pelas uma umas sua suas nova novas".split())
PRODUCT_NOUNS_AFTER = AIRCRAFT_NOUNS | frozenset(
    "rocket rockets lander landers spacecraft capsule rover telescope satellite satellites "
    # "built on the ElizaOS framework", "the Blackwell GPU", "the Cursor app", "the Llama model",
    # "CME Group's FedWatch tool"
    "framework app platform model chip chips GPU GPUs tool "
    # game consoles ("10.4 million Switch 2 consoles" was an organisation), radars ("its Shadowtrack radar" a place),
    # reactors ("its first Xe-100 reactors", missed); processors and supercomputers ("its Nighthawk processor", "the
    # Frontier supercomputer" were organisations; seed-shaped probe 41), assistants ("its Dragon Copilot assistant", an
    # organisation: found blind in that probe)
    "console consoles radar radars reactor reactors processor processors supercomputer supercomputers assistant "
    "assistants "
    # farm machines ("its autonomous 8R tractors", missed)
    "tractor tractors sprayer sprayers "
    # web browsers ("@perplexity_ai's Comet browser", missed; s45-entities blind)
    "browser browsers "
    # a brand's household goods ("Dove soap", "Hovis bread and Weetabix cereal": organisations or one span to the
    # model; s47-entities-en, s47-entities2); not a cheese nor a drink, which places name ("Cheddar", "Yorkshire")
    "soap shampoo toothpaste deodorant detergent bread cereal butter mustard ketchup crisps biscuits".split()
) | GENERIC_VEHICLE_NOUNS | VACCINE_NOUNS
# ``product_names`` tells the two patterns' matches apart by the last word, in lower case.
PRODUCT_NOUNS_AFTER_LOWER = frozenset(noun.lower() for noun in PRODUCT_NOUNS_AFTER)
# What a vehicle does or carries, between its name and its noun ("the NISAR
# radar satellite", "Starlink internet satellites"): no part of the name.
VEHICLE_KINDS = frozenset(
    "radar weather spy communications observation navigation imaging internet broadband cargo crewed uncrewed "
    "research science reconnaissance military climate strike attack combat".split())
# Nouns after a vehicle's noun that make it a modifier ("Maxar satellite
# images", "a Viasat satellite operator"): the name before is the maker's or
# the owner's, no model's (a launch is still the rocket's: "a Vulcan Centaur rocket launch").
MODIFIED_NOUNS = frozenset(
    "image images imagery data photo photos picture pictures operator operators company companies "
    "maker makers firm business industry network service services programme program dish".split())
# The id of the token patterns (``product_noun_patterns``) of such a noun and a name.
PRODUCT_NOUN = "product_noun"
# Words that open no product's name before a noun: determiners at a
# sentence's start ("The rocket"), and the bodies a vehicle goes to ("the Mars
# rover", "a Moon lander").
NOT_PRODUCT_OPENINGS = frozenset("The A An This That These Its Their Our His Her Each Every Another No Mars Moon "
                                 "Lunar Earth Venus O Os As Um Uma Este Esta Esse Essa Seu Sua".split())
# What a performer or a maker owns, named after its possessive in lowercase
# ("Beyoncé's world tour", "Apple's new phone"): the owner is the name, where
# WikiANN-en keeps a species' or a theorem's possessive ("Wallace's hawk-eagle").
OWNED_NOUNS = frozenset(
    "tour tours album albums concert concerts show shows song songs single film films series book campaign "
    "phone phones chip chips model models app platform plan group team lawyers".split())
# Words that open a time after a place, no part of its name ("in Washington last
# week", "em Lisboa ontem"): a model span ends before one.
TIME_WORDS = frozenset("last next this yesterday today tonight tomorrow earlier ontem hoje amanhã".split())
# Units after a number: a quantity ("585 GW", "12 TWh"), never a name.
UNITS = frozenset("W kW MW GW TW Wh kWh MWh GWh TWh mAh V kV Hz MHz GHz KB MB GB TB PB nm mm cm km kg".split())
# A verb of selling or launching, a determiner, maybe the thing's noun, and a word or two and a model's number
# (not a year: "lançou a maquininha Moderninha Smart 3"), or a model's code ("a Unitree vende o G1", a company
# to the NER model): a product (``models_on_sale``), unless the word is a part or a stage of something ("lançou
# a Fase 2") or the code a quarter, a half or Formula One ("released its Q3 results").
MODEL_ON_SALE = re.compile(
    r"\b(?:vend\w*|lanç\w*|apresent\w*|estre\w*|launch\w*|unveil\w*|sell\w*|sold|releas\w*|ship\w*|introduc\w*"
    # or of making it ("a Airbus, que fabrica o A220", missed); not of building, which roads take ("the M25")
    r"|fabric\w*|produz\w*|produc\w*|manufactur\w*|makes|made)"
    r"(?:[^\S\n]+(?:o|a|os|as|um|uma|seu|sua|novo|nova|the|its|their|an|new)){1,2}[^\S\n]+(?:[a-zà-ÿ]{3,}[^\S\n]+)?"
    r"(([A-Z][a-z]+)(?:[^\S\n]+[A-Z][a-z]+)?[^\S\n]+\d{1,3}|(?!Q[1-4]|H[12]|F1)[A-Z]{1,2}\d{1,3}[a-z]?)(?![\w.,-]*\d)")
# ... or a model's code that was released, sold or downloaded, in the passive ("o M2 foi baixado mais de 3 milhões
# de vezes", missed): a road closed or a quarter reported is none of these ("a A1 foi cortada").
MODEL_RELEASED = re.compile(
    opening("o|a|the", r"\w") + r"[^\S\n]+((?!Q[1-4]|H[12]|F1)[A-Z]{1,2}\d{1,3}[a-z]?)[^\S\n]+(?:já[^\S\n]+)?"
    r"(?:foi|foram|was|were|has[^\S\n]+been)[^\S\n]+(?:baixad|descarregad|lançad|vendid|downloaded|released|sold)")
# Every match of MODEL_RELEASED holds one of these between spaces (``has_keyword``, cheaper than the regex).
RELEASE_AUXILIARIES = frozenset(("foi", "foram", "was", "were", "been"))
DIGIT = re.compile(r"\d")
# A year of the last two centuries ("machines in 2025", ``without_runaway_words``).
YEAR = re.compile(r"(?:19|20)\d\d")
NOT_MODELS = frozenset("Fase Etapa Parte Lote Rodada Temporada Episódio Volume Capítulo Plano Programa Lei Artigo "
                       "Phase Part Round Stage Season Episode Chapter Plan Program Programme Act Article".split())
# A cloud named after its company ("Google Cloud", "AWS", "Azure"), and the words
# before it where it is a platform something runs on, maybe after another one
# ("on both AWS and Google Cloud"): ``as_platforms``.
CLOUD_NAME = re.compile(r"(?:Microsoft[^\S\n]+)?Azure|AWS|Amazon[^\S\n]+Web[^\S\n]+Services|[A-Z][\w-]*[^\S\n]+Cloud")
_ANOTHER_CLOUD = rf"(?:(?:{CLOUD_NAME.pattern})[^\S\n]+(?:and|e|or|ou)[^\S\n]+|(?:{CLOUD_NAME.pattern}),[^\S\n]+)*"
PLATFORM_BEFORE = re.compile(
    rf"(?:\b(?:on|onto|via)(?:[^\S\n]+both)?|\b(?:uso|usos|clientes|migração|migrar)[^\S\n]+d[oa]s?)"
    rf"[^\S\n]+{_ANOTHER_CLOUD}$")
# An app named like its company ("WhatsApp", "Instagram"; organisations.jsonl), and the word before it where people
# use it, maybe before another app ("on TikTok and YouTube"), a product: "no Instagram", "pelo WhatsApp"; not where
# it is owned or bought ("dono do Instagram", "a stake in TikTok"), which the company is. "Threads" and "Bluesky" are
# products.jsonl's: "Threads" is a common word only lowercase, capitalised Meta's app (a place to the Portuguese
# model: "Baixei o Threads"). A game store and a streaming site are apps so named ("on Steam", "na Steam", "on Twitch":
# places to the models; s53-entities).
APP_NAME = re.compile(
    r"WhatsApp|Whatsapp|Instagram|Facebook|Messenger|TikTok|Tiktok|YouTube|Youtube|Telegram|Snapchat|Threads|Bluesky"
    r"|Twitch|Steam")
APP_USED_BEFORE = re.compile(rf"(?<!\S)(?:[Nn][oa]|pel[oa]|via|on|On|through)[^\S\n]+"
                             rf"(?:(?:{APP_NAME.pattern})(?:,|[^\S\n]+(?:e|and|or|ou))[^\S\n]+(?:n[oa][^\S\n]+)?)*$")
# ... and the words after it where it shows, lets people do or gets something ("O WhatsApp passou a exibir
# anúncios", "Instagram now lets users repost"): what the app does on a screen, a product; not where it speaks,
# decides or is fined ("O WhatsApp informou", "WhatsApp said"), which the company does.
APP_SHOWING_AFTER = re.compile(
    r"[^\S\n]+(?:(?:já|agora|também|vai|deve|passou[^\S\n]+a|passa[^\S\n]+a|começou[^\S\n]+a|começa[^\S\n]+a"
    r"|now|will|also|began|started|has[^\S\n]+begun)[^\S\n]+)?"
    r"(?:exib\w+|mostr\w+|permit\w+|ganh\w+|show|shows|showing|display|displays|displaying|lets|let|allows|allow"
    r"|gets|get|getting)(?![\w-])")
# Microsoft's apps named by common words ("Word", "Teams", "Outlook"), a product only beside another product they
# are listed with ("integrou o Copilot ao Word e ao Excel", "into Windows 11 and Teams"): ``with_listed_apps``.
LISTED_APP = re.compile(rf"{opening('Word|Teams|Outlook')}(?![\w-])")
LIST_LINK = re.compile(r"(?:,|[^\S\n]+(?:e|and|ou|or))[^\S\n]+(?:(?:ao|à|o|a|no|na|the|to|into)[^\S\n]+)?")
# A letter, a dash and a capitalised word is a model's name ("T-Roc", "X-Trail",
# "E-Pace"), which the Portuguese model took for a person or a place; not for an
# organisation, which such names also are ("T-Mobile").
LETTER_DASH_NAME = re.compile(r"[A-Z]-[A-Z][a-z]{2,}")
# A model's code of capitals, a dot and its number ("o ID.4", "the EX.5"; "ID.4" was an organisation in seed-shaped
# probe 42): a product, as no company's name is written so. Only the model's span is relabelled: a pattern would find
# a section's number too ("Anexo II.1").
DOTTED_CODE = re.compile(r"[A-Z]{1,3}\.\d{1,2}")
# ... and with a lowercase word, a company's ("X-energy", a place to the English model; ``model_label``).
LETTER_DASH_WORD = re.compile(r"[A-Z]-[a-z]{3,}")
# A lowercase word joined by a dash after a sentence's capitalised first word makes the pair a compound adjective or
# noun, no name: "Open-source maintainers" (a line's first words, "Open" a place to the English model; seed-shaped
# probe 44), "Low-cost airlines", "Check-in from 3pm" (an organisation). Inside a sentence the capital is the name's
# ("Maryland-based", "Paris-born"), and a name's second part opens with a capital ("Rolls-Royce").
COMPOUND_TAIL = re.compile(r"-[a-zà-ÿ]{2,}")


def opens_sentence_compound(text: str, start: int, end: int) -> bool:
    """Whether the one word ``text[start:end]`` opens its sentence (or line) and a compound (``COMPOUND_TAIL``)."""
    if " " in text[start:end] or COMPOUND_TAIL.match(text, end) is None:
        return False
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:" or "\n" in text[len(before):start]
# ... and a model's letters and number opening a longer name ("F-150 Lightning", "MQ-9 Reaper"; found blind in
# seed-shaped probe 20, an organisation).
LETTER_DASH_NUMBER = re.compile(r"[A-Z]{1,3}-\d{1,4}[A-Za-z]?")
# Such a code and the capitalised name after it ("AH-64E Apache helicopters", "the MQ-9B SkyGuardian"): a product,
# where the NER model took the name alone for a company or missed both; not a code alone ("F-35", "COVID-19"), nor
# the words of a longer title ("List of B-52 Units of the United States Air Force", WikiANN's).
# (LETTER_DASH_NUMBER, its look-behind after the first capital as in ``opening``)
CODE_AND_NAME = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{0,2}-\d{1,4}[A-Za-z]?[^\S\n]+[A-Z][a-z][A-Za-z]*(?![\w-])"
                           r"(?![^\S\n]+(?:of\b|[A-Z]))")
# Roles written after an organisation's name ("Bundesbank chief Joachim Nagel",
# "Tesla boss"): the model ran the name on over the role.
TRAILING_ROLES = frozenset("chief boss head spokesman spokeswoman spokesperson".split())


def trailing_role_words(words: SpacySpan) -> int:
    """How many words at an English span's end are a role its body's name is followed by: one of ``TRAILING_ROLES``
    ("Bundesbank chief") or a secretary general ("NATO Secretary General"), none otherwise."""
    last = words[-1].text  # the word first: cheaper than the doc's language
    if (last not in TRAILING_ROLES and last != "General") or len(words) < 2 or language_of(words.doc.vocab) != "en":
        return 0
    if last == "General":
        return 2 if len(words) > 2 and words[-2].text == "Secretary" else 0
    return 1


# A two-word role's lowercase first word and its second, after a body's name ("Unite general secretary Sharon Graham":
# the model ran "Unite" on over "general"; s48-entities-en): the first word is cut, the body kept as an organisation.
ROLE_PAIRS = frozenset({("general", "secretary"), ("general", "manager"), ("managing", "director"),
                        ("deputy", "leader"), ("deputy", "chairman"), ("vice", "president"), ("executive", "director")})


def role_opening_at_the_end(words: SpacySpan) -> int:
    """1 where an English span's last word is lowercase and opens a two-word role with the word after the span
    (``ROLE_PAIRS``), else 0."""
    doc = words.doc
    if len(words) < 2 or not words[-1].is_lower or words.end >= len(doc):
        return 0
    return int((words[-1].text, doc[words.end].text) in ROLE_PAIRS)


# The tiers a product's name goes on with after its version ("Snapdragon 8 Elite
# Gen 5", "Galaxy S25 Ultra", "iPhone 17 Pro Max", "Galaxy S25 FE"), one or more; after
# a known name, also the lineage code of a variant's vaccine ("Comirnaty JN.1", "Spikevax LP.8.1").
# (a graphics card's tiers, "XT", "XTX", "Ti", "GRE": "the Radeon RX 9070 XT" was cut before "XT", "XT" an
# organisation; s47-entities2)
_TIERS = r"Gen[^\S\n]*\d+|Ultra|Plus|Pro|Max|Mini|Elite|Lite|Edge|FE|SE|LTE|5G|XTX|XT|Ti|GRE"
_TIER_TAIL = rf"(?:[^\S\n]+(?:{_TIERS})(?![\w-]))+"
PRODUCT_TAIL = re.compile(rf"(?:[^\S\n]+(?:{_TIERS}|[A-Z]{{1,3}}\.\d+(?:\.\d+)*)(?![\w-]))+")
# A model's code and its tiers, without its line's name ("the S24 FE", "o A56 Pro"): a product.
CODE_AND_TIER = re.compile(rf"[A-Z]{{1,3}}\d+[a-z]?{_TIER_TAIL}")
# A product's edition for an audience, capitalised as part of its name ("Gemini for Education", "ChatGPT for
# Teams", "Copilot for Business"; "Gemini free for students" is none): ``product_end``.
AUDIENCE_EDITION = re.compile(
    r"[^\S\n]+for[^\S\n]+(?:Education|Enterprise|Business|Government|Work|Teams|Healthcare|Science|Developers"
    r"|Nonprofits|Startups|Workspace|Students|Schools|Research|Finance|Sales|Security)(?![\w-])")
# The same as a word of the text (``codes_with_tiers``), looked for where a tier is a word of it.
CODE_WITH_TIER = re.compile(rf"(?<![\w-]){CODE_AND_TIER.pattern}")
TIER_WORDS = frozenset(tier + end
                       for tier in "Ultra Plus Pro Max Mini Elite Lite Edge FE SE LTE 5G XTX XT Ti GRE".split()
                       for end in ("", ",", ".", ";"))
# Capitalised words after a known product's name, in a model span: its variant's.
VARIANT_WORDS = re.compile(r"(?:[^\S\n]+[A-ZÀ-Ý][a-zà-ÿ]+)+")
# A lowercase word after a name that is no connector inside one ("Banco do Brasil", "Bank of America"): the model's
# span runs on past the name into the sentence ("Grok 4 Fast on the Colossus cluster").
RUN_ON_PAST_A_NAME = re.compile(r"[^\S\n]+(?!(?:de|do|da|dos|das|del|di|du|of|the|von|van)\b)[a-zà-ÿ]")
LOWERCASE_VARIANTS = frozenset({"mini", "nano", "pro", "max", "turbo", "flash", "lite", "instruct", "preview", "exp",
                                "chat", "base", "it", "high"})


EXPLANATIONS = {
    "model": "statistical model: {label} right {score:.0%} of the time on held-out data",
    "rule": "pattern (known name): {label} right {score:.0%} of the time on held-out data",
    "both": "model and pattern agree: {label} right {score:.0%} of the time on held-out data",
    "split": "pattern (known name) inside a longer span of the model, split from it: {label} right {score:.0%} of the "
             "time on held-out data",
    "learned": "learned from this project's annotators: labelled {label} {score:.0%} consistently",
    "confirmed": "found by the model or a pattern and labelled so by this project's annotators: {label}, "
                 "scored as the surer of the two ({score:.0%})",
    "surname": "surname of a person named in full earlier: {label} right {score:.0%} of the time on held-out data",
    "short form": "short form of a {label} name found earlier, scored as that name: right {score:.0%} of the time",
    "acronym": "acronym in parentheses after a {label} name, scored as that name: right {score:.0%} of the time",
}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    # model, rule, both (model and rule agree), split (a rule's name cut out of the model's longer span,
    # ``split_from``), surname or short form (``later_short_forms``), acronym, learned, or confirmed (learned, and
    # found by the model or a pattern too)
    source: str
    score: float = 0.0

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def scored(self, score: float) -> Candidate:
        return Candidate(self.start, self.end, self.label, self.source, score)

    def explanation(self) -> str:
        return EXPLANATIONS[self.source].format(label=self.label, score=self.score)


class EntityAnnotator(Annotator):
    def __init__(self, app: Flask, pipelines: Pipelines, pattern_files: Sequence[str],
                 calibration: Mapping[str, Any]) -> None:
        super().__init__(
            name="entities",
            version="1.2.81",
            labels=list(LABEL_SPECS),
            settings={
                "models": {lang: folder_digest(path) for lang, path in sorted(pipelines.paths.items())},
                "patterns": {pattern_file_name(path): file_digest(path) for path in pattern_files},
                "word_lists": {path.name: file_digest(str(path)) for path in WORD_LIST_FILES},
                "name_labels": {lang: file_digest(str(path)) for lang, path in sorted(NAME_LABELS.items())},
                "calibration": calibration.get("version"),
            },
            languages={**{language: "trained NER model, rules and learned mentions" for language in sorted(pipelines.paths)},
                       ANY_LANGUAGE: "rules (gazetteers, patterns) and learned mentions, scored as in English"},
        )
        self.app = app
        self.pipelines = pipelines
        self.pattern_files = tuple(pattern_files)
        self.scores: Mapping[str, Mapping[str, Mapping[str, float]]] = calibration["scores"]
        # Per project: the learned mentions, the batch they were last checked for, and the
        # votes' change token (``ChangeSignal``) read before they were.
        self._known: dict[int | None, tuple[KnownMentions, weakref.ref | None, object]] = {}
        self._pending: dict[str, list[tuple[int, int, str]]] = {}
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        # Each language's pipeline (spaCy and the trained model: seconds) and the patterns compiled for it.
        for language in self.app.config["LANGUAGES"]:
            entity_ruler(self.pipelines.get(language), self.pattern_files)

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:
        kept = self.scored_candidates(text)
        spans = [Span(c.start, c.end, c.label, c.score, c.explanation()) for c in kept]
        self.remember(text, [(s.start, s.end, s.label) for s in spans])
        return spans

    def scored_candidates(self, text: AnalyzedText) -> list[Candidate]:
        """The suggestions for ``text`` with their sources and scores (``bench/entity_reliability.py``
        reads the sources, which the spans do not carry)."""
        scores = self.scores.get(text.language) or self.scores["en"]
        known = self.known(text)
        candidates = [
            candidate.scored(scores[candidate.source][candidate.label])
            for candidate in found_by_model_and_rules(text.pipeline, text.doc, plain_spaces(text.text), self.pattern_files)
            if not known.rejected(text.text[candidate.start:candidate.end], candidate.label)
        ]
        candidates += learned_candidates(known.find(text.text), candidates)
        # a pattern's name split from the model's span (``split_from``) is scored once resolve has found it so
        resolved = [c.scored(scores["split"][c.label]) if c.source == "split" else c
                    for c in resolve(candidates, text.text)]
        return patrons_as_institutions(with_later_short_forms(
            with_acronyms(resolved, text.text), text.text, scores["surname"]["PER"],
            lambda mention: not known.rejected(text.text[mention.start:mention.end], mention.label)),
            text.text, scores["model"]["ORG"])

    def remember(self, text: AnalyzedText, spans: list[tuple[int, int, str]]) -> None:
        """Keep what was suggested, so that deletions can be learned when Label
        Studio's webhook omits the prediction; written once per batch (one
        transaction per text would cost more than the rules)."""
        digest = text_digest((text.whole or text).text)
        spans = [(start + text.offset, end + text.offset, label) for start, end, label in spans]
        with self._lock:
            # A long text's pieces add up to its suggestions (the webhook's annotation is of the whole text).
            self._pending[digest] = self._pending.get(digest, []) + spans if text.offset else spans
            if text.batch is not None and not text.batch.is_last(text):
                return
            pending, self._pending = self._pending, {}
        remember_suggestions(self.database, pending)

    @property
    def database(self) -> Any:
        return get_state(self.app).database

    def known(self, text: AnalyzedText) -> KnownMentions:
        """The project's learned mentions: checked once per batch of texts,
        with no query when no annotation changed the votes since the last
        check (in any worker: ``VOTES_CHANGED``), reloaded only when the
        project's votes changed."""
        project_id = text.project_id
        cached, checked_for, token = self._known.get(project_id, (None, None, None))
        if cached is not None and text.batch is not None and checked_for is not None and checked_for() is text.batch:
            return cached
        try:
            latest = self.database.signal(VOTES_CHANGED).token()  # before reading: a later change changes it
            if cached is None or (latest != token and cached.revision != revision(self.database, project_id)):
                cached = load_known(self.database, project_id)
        except OperationalError as exc:
            if not out_of_reach(exc):
                raise
            # Learning adds to the model's and the rules' names: a database out of reach (PostgreSQL stopped) lost
            # the annotator's whole output (session 51). The last votes read, or none; read again next time.
            log.warning("entities: the learned names cannot be read now, suggested without them: %s",
                        str(exc.orig or exc).strip().splitlines()[0])
            return cached or KnownMentions(0)
        self._known[project_id] = (cached, weakref.ref(text.batch) if text.batch is not None else None, latest)
        return cached


def found_by_model_and_rules(pipeline: Pipeline, doc: Doc, text: str, pattern_files: tuple[str, ...]
                              ) -> list[Candidate]:
    """The model's entities and the patterns' matches in ``doc`` (whose text is ``text``: ``doc.text`` joins the
    tokens' texts again on every read, a sixth of the rules' time when each step read it), unscored and possibly
    overlapping; a span both found with the same label is one ``both`` candidate.
    The steps: the model's spans, cleaned and relabelled (``model_candidates``), a town and its US state joined
    (``towns_with_their_states``) and a township and its county parted (``townships_apart_from_counties``);
    those a company's phrase after a demonym covers give way to it
    (``without_phrases_of_companies``); the patterns' matches
    (``pattern_candidates``), which cut the model's spans of a sentence's first word and a known place to the place
    (``places_without_openers``), and the names that regexes find
    (``with_regex_rules``); the names the words around them show
    (``with_names_in_context``); then the two sides merged (``merged``) and
    clouds where something runs on them made products (``as_platforms``), an app's features and the app
    (``with_app_features``), and apps where people use them (``as_apps_in_use``), and Microsoft's apps listed with
    them (``with_listed_apps``); last, what a name's neighbours show once both sides are in
    (``with_names_their_neighbours_tell``)."""
    model, products = model_candidates(doc, text)
    language = language_of(doc.vocab)
    model = townships_apart_from_counties(towns_with_their_states(model, text, language), text)
    companies = companies_run_on_as_the_model_reads(companies_after_demonyms(text, language), model, text)
    model = without_phrases_of_companies(model, companies)
    rules, by_noun, model = pattern_candidates(pipeline, doc, text, pattern_files, model)
    model = without_initiatives(places_without_openers(
        listed_names_apart(places_apart_from_known_bodies(towns_apart(model, text), rules, text), rules, text), rules,
        text), rules, text)
    model = with_companies_of_legal_form(with_share_issuers(model, rules, text), rules, text)
    with_regex_rules(rules, text, companies, products)
    model, rules = with_names_in_context(model, rules, by_noun, text, language)
    candidates = with_listed_apps(as_apps_in_use(with_app_features(as_platforms(merged(model, rules), text), text),
                                                 text), text)
    return with_names_their_neighbours_tell(candidates, text, language)


# The states of the United States: an English text names a town by its state after a comma ("Paris, Kentucky"),
# one place, as Wikipedia titles it and WikiANN-en labels it (``towns_with_their_states``).
US_STATES = frozenset((
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"))
# A town's state after its comma: not a list of states ("Quebec, Washington, Montana") (``towns_with_their_states``).
STATE_AFTER_A_COMMA = re.compile(r",[^\S\n]+")
# A list's conjunction before the town: the state after it is of every town listed ("Phoenix and Scottsdale, Arizona").
LISTED_BEFORE = re.compile(r"(?:\band|\bor|&)[^\S\n]+$")
# A site's last noun: a base, a field or a ground in a state is a site and its state, two names ("Drew Field,
# Florida", "Dyess AFB, Texas").
SITE_NAME_ENDS = frozenset("Field Airfield Airport AFB Base Stadium Arena".split())


def towns_with_their_states(model: list[Candidate], text: str, language: str) -> list[Candidate]:
    """``model`` with an English town's place span and its US state's after a comma joined into one place ("Paris,
    Kentucky", "Meigs County, Tennessee"): the way an English text names a town, and WikiANN-en's one place (the model
    mostly joins them itself: 127 of 138 on its held-out dev). Left apart: a state listed with states ("Iowa,
    Missouri", "Quebec, Washington, Montana"), the last town of a list ("Phoenix and Scottsdale, Arizona": the state
    is each town's) and a site ("Drew Field, Florida"). A span the model gave another label over a town of
    capitalised words and its state is the place too ("College Station, Texas" was an organisation). Portuguese is
    left alone: WikiANN-pt parts "Los Angeles, Califórnia"."""
    if language != "en" or ", " not in text:  # the characters first: most texts name no town with its state
        return model
    kept: list[Candidate] = []
    for candidate in model:  # in the model's order, which the later steps read
        town = kept[-1] if kept else None
        if town is not None and is_state_of_a_town(town, candidate, text):
            kept[-1] = Candidate(town.start, candidate.end, "LOC", town.source)
        elif candidate.label != "LOC" and is_town_and_state(text[candidate.start:candidate.end]):
            kept.append(Candidate(candidate.start, candidate.end, "LOC", candidate.source))
        else:
            kept.append(candidate)
    return kept


def is_town_and_state(words: str) -> bool:
    """Whether ``words`` are a town of capitalised words, a comma and its US state ("College Station, Texas"; not
    "Battle of Vicksburg, Mississippi", nor a site: "Drew Field, Florida")."""
    town, _, state = words.partition(", ")
    return state in US_STATES and town not in US_STATES and bool(town) and all(
        word[:1].isupper() for word in town.split()) and town.split()[-1] not in SITE_NAME_ENDS


def is_state_of_a_town(town: Candidate, state: Candidate, text: str) -> bool:
    """Whether ``state`` is a US state named after ``town``'s comma, the town a place of its own (no state, no site,
    not the last of a list) and the state not followed by another (a list of states)."""
    if town.label != "LOC" or state.label != "LOC" or text[town.end:state.start] != ", ":
        return False
    name = text[town.start:town.end]
    if text[state.start:state.end] not in US_STATES or name in US_STATES or name.split()[-1] in SITE_NAME_ENDS:
        return False
    after = STATE_AFTER_A_COMMA.match(text, state.end)
    if after is not None and any(text.startswith(other, after.end()) for other in US_STATES):
        return False  # "Quebec, Washington, Montana": a list of states
    return LISTED_BEFORE.search(text, 0, town.start) is None


# An administrative unit's noun that ends its name ("Lee Township", "Midland County") (``townships_apart_from_counties``).
UNIT_NOUNS = frozenset("Township County Municipality Region Province District Parish Prefecture Oblast "
                       "Governorate".split())


def townships_apart_from_counties(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with a place's span over two units, each named with its unit's noun, cut at their comma: "Lee
    Township, Midland County" and "Thisted Municipality, North Denmark Region" are a unit and the one it lies in, two
    names (WikiANN-en labels them apart). With its state after them the three are one name, as Wikipedia titles a US
    township ("Coal Township, Jackson County, Ohio": 16 of 17 such names one place on WikiANN-en's held-out dev), and a town
    before its unit stays one place ("Kąty, Gmina Sobienie-Jeziory")."""
    kept = []
    for candidate in model:
        # the characters first: most spans hold no comma
        names = text[candidate.start:candidate.end].split(", ") if candidate.label == "LOC" else []
        if len(names) != 2 or not all(is_unit_name(name) for name in names):
            kept.append(candidate)
            continue
        comma = len(names[0])
        kept += [Candidate(candidate.start, candidate.start + comma, "LOC", candidate.source),
                 Candidate(candidate.start + comma + 2, candidate.end, "LOC", candidate.source)]
    return kept


def is_unit_name(words: str) -> bool:
    """Whether ``words`` name an administrative unit by a capitalised name and its noun ("Boyd County")."""
    split = words.split()
    return len(split) > 1 and split[-1] in UNIT_NOUNS and split[0][:1].isupper()


# A government's programme named by capitalised words ("Nova Rota da Seda", "Belt and Road Initiative", "Global
# Gateway"): none of the four labels, which the models take for a place or an organisation, the country that runs it
# included ("a Nova Rota da Seda da China" was one place; "China" alone is the place): ``without_initiatives``.
INITIATIVE = re.compile(
    r"(?:Iniciativa[^\S\n]+|Initiative[^\S\n]+)?(?:(?:Nova|New)[^\S\n]+(?:Rota[^\S\n]+da[^\S\n]+Seda|Silk[^\S\n]+Roads?)"
    r"|(?:Cinturão|Faixa)[^\S\n]+e[^\S\n]+Rota|Uma[^\S\n]+Faixa,?[^\S\n]+Uma[^\S\n]+Rota|Belt[^\S\n]+and[^\S\n]+Road"
    r"|One[^\S\n]+Belt,?[^\S\n]+One[^\S\n]+Road|Global[^\S\n]+Gateway|NextGenerationEU|Next[^\S\n]+Generation[^\S\n]+EU)"
    r"(?:[^\S\n]+Initiative)?(?![\w-])")
INITIATIVE_WORDS = ("Rota", "Road", "Gateway", "Generation")


def without_initiatives(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                        text: str) -> list[Candidate]:
    """``model`` without the spans that hold a word of a programme's name (``INITIATIVE``), but the places the
    patterns know in them outside the name ("da China"): the model found their words, the pattern says what they
    are."""
    if not contains_any(text, INITIATIVE_WORDS):  # plain look-ups: most texts name no programme
        return model
    initiatives = [match.span() for match in INITIATIVE.finditer(text)]
    kept = []
    for candidate in model:
        inside = [(start, end) for start, end in initiatives if candidate.start < end and start < candidate.end]
        if not inside:
            kept.append(candidate)
            continue
        kept.extend(Candidate(start, end, "LOC", candidate.source) for start, end, label in rules
                    if label == "LOC" and candidate.start <= start and end <= candidate.end
                    and not any(start < i_end and i_start < end for i_start, i_end in inside))
    return kept


# "e"/"and" and an article between two names of a list ("A Embrapa e a Companhia Nacional de Abastecimento"), before
# the second's capital.
LISTED_WITH_AN_ARTICLE = re.compile(r"[^\S\n]+(?:e|and)[^\S\n]+(?:o|a|os|as|the)[^\S\n]+(?=[A-ZÀ-Ý])")
CAPITALISED_ARTICLES = frozenset({"", "O ", "A ", "Os ", "As ", "The "})


def listed_names_apart(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                       text: str) -> list[Candidate]:
    """``model`` with a span that opens with a name a pattern knows, maybe after a sentence's article, and runs on
    over "e"/"and", an article and a capitalised name ("A Embrapa e a Companhia Nacional de Abastecimento elevaram":
    one organisation to the model) cut into the two names: the known one with the pattern's label, the other with the
    model's. A title whose first noun no pattern knows stays whole ("O Cravo e a Rosa", a soap opera to WikiANN)."""
    kept = []
    for candidate in model:
        # the regex over the span's characters first: most spans list nothing, and the rules need not be read
        first = next((rule for rule in rules.values() if candidate.start <= rule.start and rule.end < candidate.end
                      and rule.label != "PRODUCT" and text[candidate.start:rule.start] in CAPITALISED_ARTICLES), None) \
            if LISTED_WITH_AN_ARTICLE.search(text, candidate.start, candidate.end) else None
        listed = LISTED_WITH_AN_ARTICLE.match(text, first.end, candidate.end) if first is not None else None
        if listed is None:
            kept.append(candidate)
            continue
        kept += [Candidate(first.start, first.end, first.label, candidate.source),
                 Candidate(listed.end(), candidate.end, candidate.label, candidate.source)]
    return kept


# Two names joined by "and" or "e" (``towns_apart``).
TWO_JOINED_NAMES = re.compile(r"(.+?)[^\S\n]+(?:and|e)[^\S\n]+(.+)")


def towns_apart(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with a place's span over two places joined by "and", one of them a town of the towns' gazetteer and
    the other a known place ("Oban and Fort William": one place to the model), cut into the two; a place the
    gazetteers name whole stays ("Blairgowrie and Rattray", "Trinidad and Tobago")."""
    kept = []
    for candidate in model:
        # the characters first: most spans join nothing
        joined = TWO_JOINED_NAMES.fullmatch(text, candidate.start, candidate.end) \
            if candidate.label == "LOC" and (" and " in text[candidate.start:candidate.end]) else None
        names = [joined.group(1), joined.group(2)] if joined is not None else []
        if not names or joined.group() in place_names() or not set(names) <= place_names() \
                or set(names).isdisjoint(town_names()):
            kept.append(candidate)
            continue
        kept += [Candidate(*joined.span(1), "LOC", candidate.source), Candidate(*joined.span(2), "LOC", candidate.source)]
    return kept


# "em" and a run of capitalised words to a model span's end, after a known organisation ("o Sporting de Braga em
# Alvalade": where a club played).
AT_A_PLACE = re.compile(r"[^\S\n]+em[^\S\n]+([A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*)*)")


def places_apart_from_known_bodies(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                   text: str) -> list[Candidate]:
    """``model`` with an organisation's span that opens with a body the organisations' gazetteer names
    (``organisation_names``) and runs on over "em" and capitalised words ("O Benfica empatou com o Sporting de Braga
    em Alvalade": one organisation to the model) cut into the body and the place it is in; where the place is a
    pattern's too, ``joins_names`` already parts them."""
    kept = []
    for candidate in model:
        # the characters first: most spans hold no "em", and the rules need not be read
        body = known_body_opening(candidate, rules, text) if " em " in text[candidate.start:candidate.end] else None
        place = AT_A_PLACE.fullmatch(text, body.end, candidate.end) if body is not None else None
        if place is None:
            kept.append(candidate)
            continue
        kept += [Candidate(body.start, body.end, "ORG", candidate.source),
                 Candidate(place.start(1), candidate.end, "LOC", candidate.source)]
    return kept


def known_body_opening(candidate: Candidate, rules: Mapping[tuple[int, int, str], Candidate],
                       text: str) -> Candidate | None:
    """The organisation a pattern of the organisations' gazetteer (``organisation_names``) finds at the start of a
    model organisation's span and before its end, if any."""
    if candidate.label != "ORG":
        return None
    return next((rule for rule in rules.values() if rule.start == candidate.start and rule.end < candidate.end
                 and rule.label == "ORG" and text[rule.start:rule.end] in organisation_names()), None)


def model_candidates(doc: Doc, text: str) -> tuple[list[Candidate], list[Candidate]]:
    """The model's spans as candidates (``model_candidate``), and the products
    among them, which the model has no label for, as rules'; a span over line breaks is read a line at a time, and
    not in a Title Case headline (``lines_of_a_span``). The words that are no names
    are the language's (``not_names_in``), but a Portuguese acronym listed after an organisation is one; the items of
    a site's menu are none (``is_menu_item``: a pattern's known name there stays), nor is a sentence's first word
    opening a compound (``opens_sentence_compound``: "Open-source")."""
    excluded = not_names_in(language_of(doc.vocab))
    labels = known_labels(language_of(doc.vocab))
    model, products = [], []
    menu = "|" in text  # once a text: most have no menu
    ensembles = ENSEMBLE_NOUN.search(text) is not None  # once a text: most name no band or group
    for previous, ent in pairwise([None, *doc.ents]):
        # an acronym listed after a company is one ("a Lufthansa e a IAG apresentaram propostas")
        listed = previous is not None and previous.label_ == "ORG" \
            and COORDINATION.fullmatch(text, previous.end_char, ent.start_char) is not None
        for line_part in lines_of_a_span(ent, text) if "\n" in text[ent.start_char:ent.end_char] else (ent,):
            for words in name_parts(line_part):
                candidate = model_candidate(line_part, words, text, labels, not_names() if listed else excluded,
                                            ensembles)
                if candidate is not None and not (menu and is_menu_item(text, candidate.start, candidate.end)) \
                        and not opens_sentence_compound(text, candidate.start, candidate.end):
                    (products if candidate.source == "rule" else model).append(candidate)
    return model, products


# A headline in Title Case: four words or more, every one capitalised, one of them a short word that prose writes in
# lowercase ("US Tightens Curbs On Chip Tools Bound For China"): the model reads its capitals as one long name.
TITLE_CASE_FUNCTION_WORDS = frozenset("On For To Of In With At As By From Over After Into Amid Against Is Are".split())


def is_title_case_line(line: str) -> bool:
    """Whether ``line`` is a Title Case headline (``TITLE_CASE_FUNCTION_WORDS``)."""
    words = [word for word in line.split() if word[:1].isalpha()]
    return len(words) >= 4 and all(word[:1].isupper() for word in words) \
        and any(word in TITLE_CASE_FUNCTION_WORDS for word in words[1:])


def lines_of_a_span(ent: SpacySpan, text: str) -> list[SpacySpan]:
    """The parts of a model span that runs over line breaks, one a line, without those of a Title Case headline
    (``is_title_case_line``): a name never crosses a line, and a headline's capitals are no names' (the patterns still
    find the known ones in it: "US", "China")."""
    doc, parts, start = ent.doc, [], ent.start
    for i in range(ent.start, ent.end + 1):
        if i < ent.end and not (doc[i].is_space and "\n" in doc[i].text):
            continue
        if start < i:
            line_start = text.rfind("\n", 0, doc[start].idx) + 1
            line_end = text.find("\n", doc[i - 1].idx)
            if not is_title_case_line(text[line_start:line_end if line_end >= 0 else len(text)]):
                parts.append(doc[start:i])
        start = i + 1
    return parts


def model_candidate(ent: SpacySpan, words: SpacySpan, text: str, labels: Mapping[str, str],
                    excluded: frozenset[str], ensembles: bool = False) -> Candidate | None:
    """One name a model span ran over (``words``), as a candidate, or None.
    Spans that are not name-like (``name_like``) are runaway transitions, and
    dropped, as are English spans without a capital ("boom slowing", the
    English model's junk on news: 0.001 of its held-out dev F1, where
    Portuguese lost 0.003 by the same test) and Portuguese ones after a
    definite article ("O governo federal anunciou": a common noun with its
    article; WikiANN-pt's lowercase names, "perda de habitat", have none), those that are a word of
    ``not_names`` or a demonym before common nouns (``is_demonym_phrase``), a storm's name (``STORM_WORDS``),
    a verb opening a sentence (``is_verb_opening_a_sentence``), a day the
    shops keep (``is_named_day``: "Black Friday de 2025") and a state said of
    by its demonym (``is_state_by_its_demonym``: "do Estado francês").
    The person named after a role, an academic or a religious title, before an apposed role
    or after a possessive is a person; an organisation's trailing role
    ("Bundesbank chief") and an officer's role after its possessive
    ("Ryanair's chief executive": ``owner_of_a_role``) are cut, and so are an
    English apposition after a comma (``without_apposition``) and the
    lowercase nouns after a name that "its" owns
    (``without_common_nouns_after_an_owner``); the label is
    then ``model_label``'s, and a fund or a model named with a letter and a
    dash is a product ("Solana ETF", "T-Roc"), as is a model's code and its
    tiers ("S24 FE")."""
    # (the checks that only English can meet are asked only of English: each asks the language itself)
    english = language_of(ent.doc.vocab) == "en"
    person = person_the_span_names(ent, words, text)
    royal = person_with_royal_title(words) if not person and english else None
    if royal is not None and royal.name is None:
        return None if royal.owner is None else Candidate(royal.owner.start_char, royal.owner.end_char, "LOC", "model")
    person = person or (royal and royal.name)
    words = person or words
    if not person and english and (is_owner_of_a_title(words) or is_office_in_prose(words) or (
            is_officer_word_in_title(words[0]) and is_office_in_prose(ent))):
        # "Fed Chair Jerome Powell": the body is a pattern's, the person the model's next span; "M&S's Chief
        # Executive said": an office the person's title rule cut to "Executive"
        return state_of_its_office(words)
    office = country_of_an_office(words) if not person and english else None
    if office is not None:  # "The US Secretary of State": "US" alone is a name
        country = office.country
        return None if country is None else Candidate(country.start_char, country.end_char, "LOC", "model")
    owner = owner_of_a_role(words) if english else None
    trailing = (trailing_role_words(words) or role_opening_at_the_end(words)) if english else 0
    role_owner = owner is not None or trailing > 0
    if role_owner:
        # "Bundesbank chief", "Ryanair's chief executive", "NATO Secretary General": the organisation, whatever the
        # model guessed
        words = owner or words[:-trailing]
    words = name_words_of(words, ent, text, english)
    if words is None:
        return None
    if ensembles and (act := name_after_a_group_noun(words)) is not None:
        return Candidate(act.start_char, end_without_glued_dot(act), "ORG", "model")
    # the span's text read once, from the text the doc was parsed from: a spaCy span builds its tokens anew each time
    name = text[words.start_char:words.end_char]
    if not is_name_kept(ent, words, name, text, excluded) or is_unnamed_group(words) or (
            english and is_described_role(words)):
        return None  # is_unnamed_group: "Industry insiders told 36Kr": who spoke, described, not named
    return labelled_candidate(ent, words, name, text, labels, bool(person), role_owner)


# A band's, a group's or an ensemble's noun before its name ("the Welsh band Stereophonics", "the Irish band Fontaines
# D.C.", "the chemicals group Ineos": an organisation run on over its noun, or a place; s51-entities2): what follows
# the noun is the group's name, whatever the model read. Not after an indefinite article ("a group Musk backs").
ENSEMBLE_NOUNS = frozenset("band group duo trio quartet quintet orchestra choir collective "
                        "banda grupo dupla quarteto quinteto orquestra coro coletivo".split())
INDEFINITE_ARTICLES = frozenset("a an um uma".split())
# (the text searched once first: most texts have no such noun)
ENSEMBLE_NOUN = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(ENSEMBLE_NOUNS))})(?!\w)")


def name_after_a_group_noun(words: SpacySpan) -> SpacySpan | None:
    """The capitalised words after a lowercase group's noun (``ENSEMBLE_NOUNS``) inside ``words`` or just before them,
    or None where there is no such noun or one of the words after it is lowercase."""
    doc = words.doc
    start = next((token.i + 1 for token in reversed(words[:-1]) if token.text in ENSEMBLE_NOUNS), None)
    if start is None:
        start = words.start if words.start > 0 and doc[words.start - 1].text in ENSEMBLE_NOUNS else None
    if start is None or (start > 1 and doc[start - 2].lower_ in INDEFINITE_ARTICLES):
        return None
    act = doc[start:words.end]
    # (a name's first word capitalised: not a title's bracket, "Taxi (band)" in WikiANN-en)
    return act if act[0].text[:1].isupper() and all(token.text[:1].isupper() or not token.is_alpha for token in act) \
        else None


def person_the_span_names(ent: SpacySpan, words: SpacySpan, text: str) -> SpacySpan | None:
    """The person a model span names by the words around it (a role, an academic or a religious title before, an
    apposed role, a possessive, a credited work, a group they own), if any."""
    # the text and the characters after the span first: cheaper than reading spaCy tokens, and seldom true
    titled = not ACADEMIC_TITLES.isdisjoint(spaced_words(text))
    owned = text.startswith(POSSESSIVE_TEXTS, words.end_char)
    return person_after_role(words, ent.label_) or (titled and person_after_title(words)) \
        or person_with_religious_title(words) or person_before_role(words, text) or (
        ent.start < words.start - 1 and person_after_possessive(words)) or author_of_a_credited_work(words, text) \
        or person_apposed_to_a_role(words) or (owned and person_owning_a_group(ent, words))


def is_described_role(words: SpacySpan) -> bool:
    """Whether an English span is a lowercase word and role titles, no name ("the local MP", an organisation to the
    model; s50-entities2)."""
    return words[0].is_lower and len(words) > 1 and all(
        token.is_lower or token.text in ROLE_TITLES for token in words) and not words[-1].is_lower


def name_words_of(words: SpacySpan, ent: SpacySpan, text: str, english: bool) -> SpacySpan | None:
    """``words`` without what a model span runs over besides the name (runaway words, common nouns after a possessive
    or an owner, an article before a body, a party's noun, an apposition), with a number before a company word and an
    elided word after, or the place after a demonym's group; None for an English compound adjective that opens it."""
    words = without_runaway_words(words)
    if english and "Test " in text and words:  # (the characters first: seldom true)
        words = without_cricket_format(words)
    if english and " than" in text and words and " than" in text[words.start_char:words.end_char]:
        words = without_comparison(words)
    if not words:
        return None  # a sentence's common noun before its verb ("Trucks waited"): no name
    # (the characters first, by slices and no call: a span of one word, most, has no verb after its name)
    if english and " " in text[words.start_char:words.end_char] and words[-1].is_lower:
        subject = name_before_its_verb(words)
        words = words if subject is None else subject
    if english and text[words.start_char:words.start_char + 3] == "At ":
        words = without_opening_at(words)
    words = without_common_nouns_after_a_possessive(words)
    if english:  # (``english``: the checks that only English can meet, each of which asks the language itself)
        words = without_common_nouns_after_an_owner(without_court_officer(without_power_plant_noun(
            without_a_score(words))))
        if is_opening_compound_adjective(words, ent):
            return None
        words = without_article_before_a_club(without_article_before_a_body(words))
    if text.endswith(" party", 0, words.end_char):  # the characters first: a spaCy token costs more to read
        words = without_party_noun(words)
    words = with_elided_word_after(with_number_before_a_company_word(without_apposition(words) if english else words))
    return place_after_a_demonym_group(words) or words


# Cricket's format, "Test", before its noun or after an ordinal ("left out of the Test squad", "the third Test at
# Lord's"): an organisation to the model, or a player's name run on into it ("Akash Deep in the Test squad"; s52-entities
# blind b08). A format is no name.
CRICKET_FORMAT_NOUNS = frozenset("squad side team series match matches cricket captain captaincy debut century hundred "
                                 "career win victory defeat".split())
TEST_ORDINALS = frozenset("first second third fourth fifth final opening only deciding".split())


def without_cricket_format(words: SpacySpan) -> SpacySpan:
    """An English model span without cricket's "Test" format (``CRICKET_FORMAT_NOUNS``, ``TEST_ORDINALS``) and what
    joins it to the name: the capitalised words before it, else those after ("Test at Lord's": the ground), else
    nothing."""
    doc = words.doc
    for token in words:
        if token.text == "Test" and ((token.i + 1 < len(doc) and doc[token.i + 1].lower_ in CRICKET_FORMAT_NOUNS)
                                     or (token.i > 0 and doc[token.i - 1].lower_ in TEST_ORDINALS)):
            before = doc[words.start:token.i]
            while before and not before[-1].text[:1].isupper():
                before = before[:-1]
            if before:
                return before
            after = doc[token.i + 1:words.end]
            while after and not after[0].text[:1].isupper():
                after = after[1:]
            return after
    return words


# A match's score after a side's name ("Fulham beat Brentford 2-1 at Craven Cottage": the model ran the club on over
# it; s48-entities-en): no name ends with one.
# ... or the margin it was won by ("The Brisbane Lions beat Geelong by 20": "Geelong by 20"; s50-entities2).
SCORE_AT_THE_END = re.compile(r"[^\S\n]+(?:\d{1,3}[-–]\d{1,3}|by[^\S\n]+\d{1,3})$")


# A power station's lowercase noun after its name, maybe with its fuel ("the Medupi power station", "Drax power
# station", "a coal-fired power plant"; s50-entities-en): the model ran the name on over it, an organisation. The name
# is the site's, where it stands (``names_a_power_plant``).
POWER_PLANT_NOUN = re.compile(r"[^\S\n]+(?:(?:nuclear|coal|gas|coal-fired|gas-fired|hydroelectric|solar|wind)[^\S\n]+)?"
                              r"power[^\S\n]+(?:station|plant)s?(?![\w-])")


# A court's officer named in lowercase after the county or the court that appoints them ("A Maricopa County judge
# ruled", "a Westminster magistrate"; s50-entities-en): the model ran the name on over the officer. The place keeps
# the model's label, as a place or the body a county is.
COURT_OFFICERS = frozenset("judge judges magistrate magistrates coroner".split())


def without_court_officer(words: SpacySpan) -> SpacySpan:
    """An English span without a court officer's lowercase noun that closes it after a capitalised word
    (``COURT_OFFICERS``)."""
    if len(words) > 1 and words[-1].text in COURT_OFFICERS and words[-2].is_title:
        return words[:-1]
    return words


def without_power_plant_noun(words: SpacySpan) -> SpacySpan:
    """An English span without a power station's lowercase noun that closes it (``POWER_PLANT_NOUN``), where a
    capitalised word is left."""
    doc = words.doc
    if len(words) < 3 or words[-1].lower_ not in ("station", "plant", "stations", "plants"):  # the word first
        return words
    for end in range(words.end - 2, words.start, -1):
        if doc[end - 1].is_title and POWER_PLANT_NOUN.fullmatch(doc.text, doc[end - 1].idx + len(doc[end - 1]),
                                                               words.end_char):
            return doc[words.start:end]
    return words


def names_a_power_plant(words: SpacySpan, text: str) -> bool:
    """Whether a power station's noun follows an English span (``POWER_PLANT_NOUN``): a site's name, a place."""
    return POWER_PLANT_NOUN.match(text, words.end_char) is not None


def without_a_score(words: SpacySpan) -> SpacySpan:
    """An English span without the match's score that closes it (``SCORE_AT_THE_END``), its tokens however spaCy
    split it ("2-1" or "2", "-", "1")."""
    doc, text = words.doc, words.text
    if len(words) < 2 or not text[-1].isdigit() or (score := SCORE_AT_THE_END.search(text)) is None:
        return words
    end = words.end
    while end > words.start and doc[end - 1].idx >= words.start_char + score.start() + 1:
        end -= 1
    return doc[words.start:end] if end > words.start else words


def is_name_kept(ent: SpacySpan, words: SpacySpan, name: str, text: str, excluded: frozenset[str]) -> bool:
    """Whether a model span's ``name`` is a name at all: of a label Anota has, name-like, not a word that is no name
    nor a common phrase, not lowercase where the language has capitals for names, and none of the model's usual junk
    (a demonym's phrase, a verb opening a sentence, a named day, a metric, a field's label, a unit, a state by its
    demonym, an opener before a kind, a storm)."""
    return (ent.label_ in LABELS and name_like(name) and name not in excluded
            and not (name.islower() and (language_of(words.doc.vocab) == "en"
                                         or is_common_noun_with_its_article(words)))
            and not (opens_with_a_demonym(name) and is_demonym_phrase(with_common_nouns_after(words, name)))
            and not is_lone_demonym(words) and not (name[:1].isdigit() and is_counted_demonym_group(words))
            and not is_common_phrase(name, excluded) and not is_verb_opening_a_sentence(words)
            and not is_named_day(name) and not is_metric_before_its_score(words) and not is_field_label(words, text)
            and not is_unit_of_a_number(words) and not is_state_by_its_demonym(words)
            and not is_opener_before_a_kind(words) and words[0].text not in STORM_WORDS)


def opens_with_a_demonym(name: str) -> bool:
    """Whether a name's first word is a demonym: ``is_demonym_phrase`` needs one, and is asked only then, so that the
    words after the span (``with_common_nouns_after``) are read for few names."""
    return name.split(maxsplit=1)[0] in word_list(DEMONYMS_FILE)


def is_counted_demonym_group(words: SpacySpan) -> bool:
    """Whether a span is a count, a demonym and lowercase nouns ("licensed in 20 African countries", an organisation
    to the model; s45-entities): a number of things described, no name (a name's words after a count are capitalised,
    "20 A321neo jets" keeps its model)."""
    return len(words) > 2 and words[1].text in word_list(DEMONYMS_FILE) \
        and all(token.is_lower and token.is_alpha for token in words[2:])


def labelled_candidate(ent: SpacySpan, words: SpacySpan, name: str, text: str, labels: Mapping[str, str],
                       person: bool, role_owner: bool) -> Candidate:
    """A kept model name as a candidate: a product (a rule's, the model has no PRODUCT) where a generation's number, a
    product noun or the name's shape tells one, else ``model_label``'s label (an organisation where a role's owner)."""
    end = end_without_glued_dot(words)
    if (generation_end := generation_number_end(words)) is not None:
        return Candidate(words.start_char, generation_end, "PRODUCT", "rule")  # "Ray-Ban Meta Gen" was a person
    if is_apposed_to_a_product_noun(words):
        return Candidate(words.start_char, end, "PRODUCT", "rule")  # "its largest Llama 4 model, Behemoth,"
    label = "ORG" if role_owner else model_label(
        words, text, "PER" if person else labels.get(text[words.start_char:end], affiliation_label(ent, words)),
        person)
    if is_product_by_its_shape(words, name, text, end, label):
        return Candidate(words.start_char, end, "PRODUCT", "rule")  # the model has no PRODUCT
    if label == "PER":
        end = end_with_hyphened_given_name(words, text, end)
        if is_place_after_near(words, name, text):
            label = "LOC"
    return Candidate(words.start_char, end, label, "model")


# The lowercase half of a romanised given name after its hyphen ("Cho Jung-tai", "Chang Yen-i"; s50-entities2): the
# English model ends the person at the hyphen. A syllable of five letters at most, after a name word as short.
HYPHENED_NAME_HALF = re.compile(r"-[a-z]{1,5}(?![\w-])")
# The words a compound adjective makes after a person's name, none a given name's half ("a Truss-era policy").
COMPOUND_HALVES = frozenset("era style led like based backed born type free linked made owned run ish".split())


def end_with_hyphened_given_name(words: SpacySpan, text: str, end: int) -> int:
    """The end of a person's model span with the lowercase half of the hyphened given name it stopped at
    (``HYPHENED_NAME_HALF``), else ``end``."""
    if not text.startswith("-", end) or len(words) < 2 or len(words[-1].text) > 5:
        return end  # the character first: a hyphen after a person is rare
    half = HYPHENED_NAME_HALF.match(text, end)
    return end if half is None or half.group()[1:] in COMPOUND_HALVES else half.end()


# A place's preposition of nearness before a name ("perto de Sinop", "near Kisumu"; s50-entities2): the model read an
# unknown town as a person. Not a given name ("sentou-se perto de Maria").
NEAR_BEFORE = re.compile(r"(?:(?:perto|próximo|pr[oó]xima|junto|ao redor|em torno) d[eoa]s?|near|nearby) $", re.I)


def is_place_after_near(words: SpacySpan, name: str, text: str) -> bool:
    """Whether a one-word person of the model stands after a preposition of nearness (``NEAR_BEFORE``) and is no
    given name: a place."""
    start = words.start_char
    return len(words) == 1 and NEAR_BEFORE.search(text, max(0, start - 16), start) is not None \
        and name not in all_given_names()


def is_product_by_its_shape(words: SpacySpan, name: str, text: str, end: int, label: str) -> bool:
    """Whether a model name is a product by its shape: a fund or a model named with a letter and a dash ("Solana
    ETF", "T-Roc"), a model's code and its tiers ("S24 FE"), a "person" with a code that holds a digit first or last,
    a dotted code, a prefixed product, or an owner's known product after its possessive."""
    # a person's name has no code with a digit first or last ("cargueiros KC-390 Millennium", "o Walker S2" were
    # people; "o Estadual Sub-17 de futsal" is no product either), nor is an owner's known product ("Google's
    # Gemini Live")
    return (len(words) > 1 and (words[-1].text in FUND_WORDS or is_code_and_name(words))) \
        or CODE_AND_TIER.fullmatch(text, words.start_char, end) is not None or (
        label in ("PER", "LOC") and len(words) == 1 and LETTER_DASH_NAME.fullmatch(name) is not None
        and not is_after_a_body_noun(words)) or (
        label == "PER" and any(PRODUCT_SHAPE.fullmatch(word.text) and DIGIT.search(word.text)
                               for word in (words[0], words[-1]))) or DOTTED_CODE.fullmatch(name) is not None \
        or is_prefixed_product(text, words.start_char, end) or (
        # the characters before the span first: cheaper than reading spaCy tokens, and seldom true
        text.endswith(POSSESSIVE_TEXTS, 0, words.start_char - 1) and is_product_after_possessive(words))


# An infobox's one-word field labels, none a name ("Capital: Lilongwe", "Spouse: Carrie Symonds"); not offices
# ("President:", an organisation to WikiANN-en) nor words for a kind of place ("City:", "Country:").
FIELD_LABEL_NOUNS = frozenset(
    "Capital Spouse Spouses Born Died Founded Headquarters Location Venue Genre Genres Label Labels Website Industry "
    "Ground Stadium Population Currency Religion Nickname Nationality Residence Occupation Parents Children Partner "
    "Owner Owners Coach Manager Captain Director Producer Editor Publisher Founder Founders Chairman Area Languages "
    "Language Motto Anthem Products Services Subsidiaries Employees Revenue Type Status".split())


def is_field_label(words: SpacySpan, text: str) -> bool:
    """Whether an English span is the label of a field line, or a part of it, before a colon that ends it: capitalised
    words and lowercase nouns opening their line ("Parent company: Jet Airways", "Record label: Def Jam": an infobox's
    line, WikiANN-en's kind), a field's noun alone there (``FIELD_LABEL_NOUNS``: "Capital: Lilongwe"), or the last
    words of a capitalised label ("Minister" of "Chief Minister: Mamata Banerjee"); no name. Not a name with a
    connector ("Segunda División de Chile: 1971"; "Head of government:" is a person to WikiANN-en), nor a name opening
    a line of results ("Brazil: 3 medals")."""
    start, end = words.start_char, words.end_char
    if not (text.startswith(":", end) or text.startswith(" :", end)) or language_of(words.doc.vocab) != "en":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if start > line_start:  # the span ends a label that capitalised words open
        return LABEL_OPENING.fullmatch(text, line_start, start) is not None
    if len(words) == 1:
        return words[0].text in FIELD_LABEL_NOUNS
    return words[0].is_title and all(token.is_lower and token.is_alpha for token in words[1:]) \
        and not any(token.lower_ in OFFICE_CONNECTORS for token in words)


# One or two capitalised words opening a field line's label before the model's span ("Chief " of "Chief Minister:").
LABEL_OPENING = re.compile(r"(?:[A-Z][a-z]+ ){1,2}")


def is_menu_item(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are on a line of three items or more between vertical bars, each of one
    or two words: a site's menu ("Home | Markets | AI | Policy"), not a title and its site ("Nvidia beats forecasts
    | Reuters"). Not between bullets, which list people as often ("• Joanna Smolarek• Jolanta Janota", WikiANN-en's)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    items = text[line_start:line_end if line_end >= 0 else len(text)].split("|")
    return len(items) > 2 and all(len(item.split()) <= 2 for item in items)


def is_after_a_body_noun(words: SpacySpan) -> bool:
    """Whether a company's or a public body's noun stands right before the span ("a aceleradora Y-Combinator", no
    model like "o T-Roc"): the name is the organisation's (``BODY_NOUNS``, ``COMPANY_NOUNS``)."""
    doc = words.doc
    return words.start > 0 and doc[words.start - 1].lower_ in body_and_company_nouns(language_of(doc.vocab))


@functools.cache
def body_and_company_nouns(language: str) -> frozenset[str]:
    civic = CIVIC_BODY_NOUNS_PT if language == "pt" else ""
    return frozenset(f"{BODY_NOUNS.get(language, '')} {civic} {COMPANY_NOUNS.get(language, '')}".split())


# A capitalised word glued by a dash before a product's name ("Med-Gemini", "Med-PaLM"; one token to the Portuguese
# tokenizer, whose model took it for a person): ``is_prefixed_product``.
PREFIXED_NAME = re.compile(r"[A-Z][a-z]+-([A-Z][\w.]+)")


def is_prefixed_product(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are a capitalised prefix, a dash and a product of the shipped gazetteer
    (``one_word_products``): a product's edition for a field ("o Med-Gemini"), not a double surname, whose second
    part is no product ("Jean-Pierre")."""
    match = PREFIXED_NAME.fullmatch(text, start, end)
    return match is not None and match.group(1) in one_word_products()


@functools.cache
def one_word_products() -> frozenset[str]:
    """The products of one word that the shipped gazetteer names (``PRODUCTS_FILE``: "Gemini", "PaLM")."""
    return frozenset(pattern["pattern"] for pattern in read_patterns(str(PRODUCTS_FILE))
                     if isinstance(pattern["pattern"], str) and " " not in pattern["pattern"])


def is_code_and_name(words: SpacySpan) -> bool:
    """Whether a span is a model's letters and number and its capitalised name ("F-150 Lightning", "MQ-9 Reaper"); a
    lowercase word after the code ("GPT-5 launch") is no part of a name."""
    return LETTER_DASH_NUMBER.fullmatch(words[0].text) is not None \
        and all(word.text[:1].isupper() for word in words[1:])


# The prepositions after a group of people or things before where they are ("Indian farmers protested in Delhi").
GROUP_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "em", "de"})
# The unnamed sources and groups a story opens a sentence with ("Industry insiders told ...", "Market watchers expect").
UNNAMED_SOURCES = frozenset("insiders sources watchers observers analysts executives experts traders".split())


# Portuguese prepositions contracted with the definite article: "do governo federal", "pelo governo federal" carry the
# article as "o governo federal" does.
ARTICLE_CONTRACTIONS = frozenset(
    "do da dos das no na nos nas pelo pela pelos pelas ao à aos às num numa nuns numas dum duma".split())


def is_common_noun_with_its_article(words: SpacySpan) -> bool:
    """Whether a Portuguese span stands right after "o", "a", "os" or "as" (or a preposition contracted with one:
    "pelo governo federal") and before no capitalised word: a title before a name is the name's in HAREM ("a senhora
    deputada Ulla Sandbæk", two spans of the model's)."""
    doc = words.doc
    return language_of(doc.vocab) == "pt" and words.start > 0 and (
        doc[words.start - 1].lower_ in ARTICLES or doc[words.start - 1].lower_ in ARTICLE_CONTRACTIONS) and not (
        words.end < len(doc) and doc[words.end].is_title)


def place_after_a_demonym_group(words: SpacySpan) -> SpacySpan | None:
    """The capitalised words after "in"/"at"/"from" that end a span opening with a demonym's group ("Indian
    farmers protested in Delhi": Delhi, where they are), or None; a group before another preposition is dropped
    whole (``is_demonym_phrase``: "Chinese models on MMLU")."""
    doc = words.doc
    tokens = tokens_of(doc)
    for token in tokens[words.start + 1:words.end - 1]:
        if token.lower_ in GROUP_PLACE_PREPOSITIONS and tokens[token.i + 1].is_title \
                and is_demonym_phrase(words_between(doc, words.start, token.i + 1).text):
            return words_between(doc, token.i + 1, words.end)
    return None


METRIC_NOUNS = frozenset({"score", "scores"})


def is_metric_before_its_score(words: SpacySpan) -> bool:
    """Whether a span is one code with a digit before "score" ("The model's F1 score rose" gave "F1" as the model's
    organisation): a metric's name, as ``FORMULA_ONE`` leaves it; "F1 team" and "Formula 1" stay."""
    doc = words.doc
    return len(words) == 1 and DIGIT.search(tokens_of(doc)[words.start].text) is not None and words.end < len(doc) \
        and doc[words.end].lower_ in METRIC_NOUNS


def is_unnamed_group(words: SpacySpan) -> bool:
    """Whether an English span opens its sentence with a word capitalised as the opener only, then lowercase words
    ending in a group of people ("Industry insiders", "Market watchers", "Government officials"): a description. Not
    with a connector, as a title has ("Head of government")."""
    doc = words.doc
    if language_of(doc.vocab) != "en":  # the language first: cheaper than the tokens before the span
        return False
    at_start = words.start == 0 or doc[words.start - 1].text in SENTENCE_ENDS or doc[words.start - 1].is_space
    return at_start and len(words) > 1 and words[0].is_title \
        and all(token.is_lower and token.text not in NAME_CONNECTORS for token in words[1:]) \
        and words[-1].text in UNNAMED_SOURCES | DEMONYM_GROUPS


# Nouns of an AI model or a chip that a product's name is apposed to ("its seventh-generation TPU, Ironwood,").
APPOSED_PRODUCT_NOUNS = frozenset("model models chip chips processor accelerator TPU GPU NPU LLM chatbot "
                                  "modelo modelos processador acelerador".split())


def is_apposed_to_a_product_noun(words: SpacySpan) -> bool:
    """Whether a one-word name stands in commas right after a model's or chip's noun ("its largest Llama 4 model,
    Behemoth, after", "o novo chip, Ascend, que"): the name of that product, whatever the model guessed."""
    doc = words.doc
    return len(words) == 1 and words[0].is_title and words.start >= 2 and doc[words.start - 1].text == "," \
        and doc[words.start - 2].text in APPOSED_PRODUCT_NOUNS and words.end < len(doc) \
        and doc[words.end].text in (",", ".")


def without_common_nouns_after_an_owner(words: SpacySpan) -> SpacySpan:
    """An English span after "its"/"their" without the lowercase words that end
    it ("its Le Shuttle service", "its Byron nuclear plant"): the owner names
    what it runs, and the noun says what that is; after "the" or an owner's possessive only before a noun of
    what is run or of a company (``NOUNS_AFTER_THE_NAME``: "the Markbygden project", "the London company",
    "Microsoft's Azure OpenAI service"), after
    "a"/"an" of a facility too (``NOUNS_AFTER_A_NAME``: "a London clinic"); the article may open the model's span
    ("The Harvard team used", "the" being the sentence's first word)."""
    doc = words.doc
    if language_of(doc.vocab) != "en":
        return words
    if len(words) > 2 and words[0].lower_ in ENGLISH_ARTICLES:
        cut = without_common_nouns_after_an_owner(words[1:])
        return cut if len(cut) < len(words) - 1 else words
    if words.start == 0 or not (doc[words.start - 1].lower_ in OWNER_PRONOUNS or (
            (doc[words.start - 1].lower_ == "the" or doc[words.start - 1].text in POSSESSIVES)
            and doc[words.end - 1].lower_ in NOUNS_AFTER_THE_NAME) or (
            doc[words.start - 1].lower_ in ("a", "an") and doc[words.end - 1].lower_ in NOUNS_AFTER_A_NAME)) or (
            doc[words.end - 1].lower_ in TEAM_WORDS and len(words) > 2 and doc[words.end - 2].is_lower):
        return words
    end = words.end
    # a hyphen joins lowercase words into one noun ("open-access"), and goes with them
    while end > words.start + 1 and (doc[end - 1].is_lower or doc[end - 1].text in ("-", "–")):
        end -= 1
    return doc[words.start:end]


def without_party_noun(words: SpacySpan) -> SpacySpan:
    """An English span without the lowercase noun "party" after a party's capitalised name, nor the article before
    it ("the Congress party", "The Labour party" were organisations with their noun): the party's name."""
    doc = words.doc
    if len(words) < 2 or words[-1].text != "party" or not words[-2].text[:1].isupper() or language_of(doc.vocab) != "en":
        return words
    start = words.start + (words[0].lower_ == "the")
    return doc[start:words.end - 1] if start < words.end - 1 else words


def is_party_of_a_member(token: Token, span_end: int) -> bool:
    """Whether "of the" inside an English model span joins a person's two names to a party ending the span ("Jairam
    Ramesh of the Congress party", "Ana Paula of the Workers' Party", one person to the model): two names."""
    doc = token.doc
    return (token.lower_ == "of" and token.i + 3 < span_end and doc[token.i + 1].lower_ == "the"
            and doc[span_end - 1].lower_ == "party" and language_of(doc.vocab) == "en" and token.i >= 2
            and all(PERSONAL_NAME.fullmatch(word.text) for word in doc[token.i - 2:token.i]))


def without_common_nouns_after_a_possessive(words: SpacySpan) -> SpacySpan:
    """An English span cut before a possessive that only lowercase words follow, as a sentence's subject before
    its verb or a comma ("Birmingham's bin strike is", "Wagamama's owner, The Restaurant Group," were places):
    the owner is the name, what it owns a common noun. Not a span alone in its line, WikiANN's species and
    theorems ("Wallace's hawk-eagle", "Froda's theorem."), nor a name after the possessive, which
    ``name_parts`` splits ("Ryanair's Michael O'Leary")."""
    doc = words.doc
    if language_of(doc.vocab) != "en":  # the language first: cheaper than the span's slice
        return words
    possessive = next((token.i for token in words[1:] if token.text in POSSESSIVES), None)
    if possessive is None or possessive + 1 >= words.end or not all(
            token.is_lower or token.is_punct for token in doc[possessive + 1:words.end]):
        return words
    after = words.end if doc[words.end - 1].text != "," else words.end - 1  # the model's span may hold the comma
    if after >= len(doc) or not (doc[after].text in CLAUSE_VERBS or doc[after].text == ","
                                 or is_role_before_its_holder(doc[after]) or is_noun_before_a_verb(doc, after)):
        return words
    return doc[words.start:possessive]


def is_noun_before_a_verb(doc: Doc, index: int) -> bool:
    """Whether a lowercase word and a clause's verb come at ``index``: the subject's noun ran on past the model's
    span ("Unilever's quarterly sales beat forecasts" gave "Unilever's quarterly", an organisation; s46-entities2)."""
    if index + 1 >= len(doc) or not doc[index].is_lower:
        return False
    # a clause's verb, one actor's on another, or a figure's move ("revenue rose", "sales grew")
    verb = doc[index + 1].text
    return verb in CLAUSE_VERBS or verb in ACTOR_VERBS or verb in TABLE_MOVES or verb in ("grew", "grows")


def is_role_before_its_holder(token: Token) -> bool:
    """Whether a lowercase role's word comes before a capitalised name ("Victoria's transport minister Gabrielle
    Williams": the model's place ran over "transport")."""
    return token.is_lower and (token.text.capitalize() in ROLE_TITLES or token.text in ROLE_WORDS) \
        and token.i + 1 < len(token.doc) and token.doc[token.i + 1].is_title


def without_runaway_words(words: SpacySpan) -> SpacySpan:
    """A model span without the words it ran over (seed-shaped probe 24): a count before a name
    (``is_count_before_a_name``: "a backlog of 30 Ariane 6 launches" gave "30 Ariane 6"), an English name's noun
    and the quantity after it ("its first Spectrum rocket 40 seconds after" was one organisation; WikiANN's long
    titles, "A roads in Zone 4 of ...", are left as they were), and an introductory phrase's preposition and
    article opening the sentence, before its comma ("Under the AI Act, providers" gave "Under the AI Act"; "Under
    Armour" has no article), and a company's role opening the sentence before a name of two words or more that
    a lowercase word follows (``COMPANY_ROLE_OPENERS``: "Partner Northrop Grumman will supply"; a title, "Rival
    Schools", stands alone), and a sentence's common noun before a lowercase word, with all it ran over but a name at
    its end (``is_common_plural_opener``, ``name_at_the_end``: "Trucks waited" is no name)."""
    doc = words.doc
    if is_count_before_a_name(words):
        words = words[1:]
    if language_of(doc.vocab) != "en":
        return words
    if is_common_plural_opener(words[0]) and heads_a_clause(words):  # (the word first: it seldom is one)
        return name_at_the_end(words)  # "Ships queued outside the Port of Rotterdam": the port, past the clause
    if len(words) < 2:
        return words
    if len(words) > 3 and words[-3].is_lower and words[-2].is_digit and words[-1].is_lower \
            and all(token.text[:1].isupper() for token in words[:-3]):
        return words[:-3]  # "Spectrum rocket 40 seconds": a name, its noun, then a quantity
    if len(words) > 3 and words[-3].is_lower and words[-2].lower_ in ("in", "by") and YEAR.fullmatch(words[-1].text) \
            and not any(token.is_lower for token in words[:-3]):
        return words[:-3]  # "High-NA EUV machines in 2025" (s52-acceptance): a name, its noun, then a year
    if len(words) > 2 and words[0].lower_ in COMPANY_ROLE_OPENERS and opens_a_sentence(words[0]) \
            and words.end < len(doc) and doc[words.end].is_lower:
        return words[1:]  # "Rival Thales Alenia Space also bid": the company's role to the one speaking, no name's
    if len(words) > 2 and words[0].is_sent_start and words[0].lower_ in OPENING_PREPOSITIONS \
            and words[1].lower_ == "the" and words.end < len(doc) and doc[words.end].text == ",":
        return words[2:]
    lead = clause_lead_before_the(words)
    if lead:
        return without_lowercase_tail(words[lead:]) if words[lead].is_title else words[:0]
    return without_lowercase_tail(words)


# Verbs a subject's name is followed by in the news, which no name holds (WikiANN-en's train and dev: no gold span
# holds one): "Ukraine participates, but" and "Samsung ordered two" were one model span each.
SUBJECT_VERBS = frozenset("participates participated competes competed qualified qualifies withdrew withdraws ordered "
                          "orders announced said says won wins beat beats joined joins".split())


def name_before_its_verb(words: SpacySpan) -> SpacySpan | None:
    """The capitalised words of an English model span before a lowercase verb of ``SUBJECT_VERBS`` it ran on into,
    with all after it cut ("Ukraine participates" gives "Ukraine"); None where no such verb follows a capitalised
    run."""
    for token in words[1:]:
        if token.is_lower:
            return words.doc[words.start:token.i] if token.text in SUBJECT_VERBS else None
    return None


def without_opening_at(words: SpacySpan) -> SpacySpan:
    """An English model span without the "At" that opens its sentence before a capitalised name, where prose goes on
    after it ("At Southwark Crown Court on Monday, Judge" gave "At Southwark Crown Court"); a title alone on its line
    keeps it ("At Folsom Prison": WikiANN-en's train has four such names)."""
    doc = words.doc
    if len(words) > 2 and opens_a_sentence(words[0]) and words[1].is_title and words.end < len(doc) \
            and (doc[words.end].is_lower or doc[words.end].text == ","):
        return words[1:]
    return words


def without_comparison(words: SpacySpan) -> SpacySpan:
    """An English span cut before a comparison's "than" that only lowercase words follow ("more hours on Valorant
    than on football" gave "Valorant than on football"; s53-entities). WikiANN-en's three gold spans with "than"
    hold a capitalised word after it ("Thicker than Water"), none ends in lowercase words after it."""
    for token in words[1:]:
        if token.text == "than":
            after = words.doc[token.i + 1:words.end]
            return words.doc[words.start:token.i] if all(is_lowercase_word(word) for word in after) else words
    return words


# Words that open an English clause before "the" and a name, no name's (``clause_lead_before_the``): a conjunction
# of time or a preposition after the sentence's first word ("When the Red Army returned", "Admission to the Red
# River Athletic Conference is pending"); "of" joins names ("Bank of the West said").
CLAUSE_CONJUNCTIONS = frozenset("when while once until unless because although though whereas".split())
LEAD_PREPOSITIONS = frozenset("to from at for with into onto on in by".split())


def clause_lead_before_the(words: SpacySpan) -> int:
    """How many words a model span that opens its sentence ran over before the name after "the" (0 for none): a
    conjunction (``CLAUSE_CONJUNCTIONS``), a gerund, or a capitalised word and a preposition (``LEAD_PREPOSITIONS``),
    then "the", where the span is prose's, a clause going on after it ("When the Red Army returned", "Similar to the
    Great Windmill, but", "Roaming the streets, they": no name at all). WikiANN-en's titles span their line ("Welcome
    to the Fishbowl", "Communes of the Doubs department") and stay whole."""
    doc = words.doc
    if len(words) < 3 or not words[0].is_sent_start or words.end >= len(doc):
        return 0
    follower = doc[words.end]
    if not (follower.text == "," or (follower.is_lower and follower.is_alpha)):
        return 0
    first = words[0]
    if words[1].lower_ == "the" and (first.lower_ in CLAUSE_CONJUNCTIONS or is_gerund_opener(first)):
        return 2
    if len(words) > 3 and words[1].lower_ in LEAD_PREPOSITIONS and words[1].is_lower and words[2].lower_ == "the":
        return 3
    return 0


def is_gerund_opener(token: Token) -> bool:
    """Whether a sentence's capitalised first word is a verb in -ing ("Roaming the streets, they"; ``is_gerund``
    reads lowercase words)."""
    return len(token) > 5 and token.text.endswith("ing") and token.is_title and not token.vocab[token.lower_].is_oov


def heads_a_clause(words: SpacySpan) -> bool:
    """Whether the words after a span's first word (the word after it, for one word) hold a lowercase word no name
    joins ("Ships queued", "Dozens of ships": a verb, a noun), and a sentence's end follows: a clause of prose, not a
    list's title ("Lists of railway stations", "Adventures from the Book of Virtues": WikiANN's names), nor a name
    with its connectors ("Marks and Spencer", "Louis de Broglie")."""
    doc = words.doc
    return any(word.is_lower and word.lower_ not in NAME_CONNECTORS
               for word in doc[words.start + 1:max(words.end, words.start + 2)]) \
        and any(word.text in SENTENCE_ENDS for word in doc[words.end:])


# Shops named by a common noun's plural, which open news sentences as subjects ("Boots will close 40 stores", news
# probe 10): no gazetteer pattern, which would find them in "new boots. Boots and gloves".
COMPANIES_NAMED_BY_PLURALS = frozenset({"Boots", "Currys", "Clarks"})


def is_common_plural_opener(token: Token) -> bool:
    """Whether an English word is a common noun's plural capitalised only as its sentence's opener ("Ships queued
    outside the Port of Rotterdam" was a person, "Trucks waited" an organisation, "Dozens of ships queued ..." a place
    the plugin dropped whole; entities48): the Brown word classes the English model reads put the lowercase word in
    another class than the capitalised one, where a company's plural name keeps its class in both ("Barclays",
    "Reuters", "Siemens": their lowercase forms are the name lowercased), and the singular has a class too (a place's
    or a person's "s" is no plural's: "Texas was not", "Sears", "James"). A word without a class tells nothing; a
    company named by a plural (``COMPANIES_NAMED_BY_PLURALS``, the gazetteer's) is none."""
    word = token.text
    if len(word) < 4 or word[-1] != "s" or word[-2] == "s" or not word.istitle() or not opens_a_sentence(token):
        return False  # (the characters first: most spans open on no plural)
    classes = token.vocab.vectors.key2row
    lowercase_class = classes.get(token.lower)
    return lowercase_class is not None and lowercase_class != classes.get(token.orth) \
        and token.vocab.strings[word[:-1].lower()] in classes and word not in COMPANIES_NAMED_BY_PLURALS \
        and word not in organisation_names()


def name_at_the_end(words: SpacySpan) -> SpacySpan:
    """The capitalised name that ends a model span opened by a common noun (``is_common_plural_opener``), without
    the article before it ("the Port of Rotterdam"): capitalised words and the connectors between them, back to the
    first lowercase word; empty where the span ends in no such name ("Trucks waited")."""
    start = len(words)
    while start > 1 and (is_capitalised(words[start - 1]) or (
            words[start - 1].lower_ in NAME_CONNECTORS and start > 2 and is_capitalised(words[start - 2]))):
        start -= 1
    return words[start:]


def is_capitalised(token: Token) -> bool:
    """Whether a word opens with a capital or is a number of a name ("Hut 8 Corp")."""
    return token.text[:1].isupper() or token.is_digit


# A negative auxiliary's clitic ("won't" is "wo" and "n't") and adverbs of a clause's verb: a clause's words, in a
# model span's lowercase tail (``without_lowercase_tail``). No gold span of WikiANN-en's train and dev splits (42,077)
# ends in lowercase words holding one, where 2,169 end in lowercase words ("Communes of the Marne department").
NEGATIVE_CLITICS = frozenset({"n't", "n’t"})
CLAUSE_ADVERBS = frozenset({"just", "still", "already", "never", "even", "really", "always"})


def without_lowercase_tail(words: SpacySpan) -> SpacySpan:
    """An English span without the lowercase words that end it after a capitalised one when they hold a clause's
    word (``CLAUSE_ADVERBS``, a negative clitic after a verb; seed-shaped probe 40: "over AI won't be" gave "AI
    won't", "Open-weight models just had" "Open-weight models just"): the sentence's clause the model ran on into.
    A connector stays ("Bank of the West" ends capitalised anyway), and so does a hyphen's lowercase half
    ("X-energy"), as what is left (``is_opening_compound_adjective``)."""
    doc = words.doc
    end = words.end
    while end - 1 > words.start and (doc[end - 1].text in NEGATIVE_CLITICS or (
            is_lowercase_word(doc[end - 1]) and doc[end - 1].lower_ not in NAME_CONNECTORS
            and doc[end - 2].text not in HYPHENS)):
        end -= 1
    if end == words.end or not (doc[end - 1].text[:1].isupper() or doc[end - 2].text in HYPHENS):
        return words
    clause = any(token.lower_ in CLAUSE_ADVERBS
                 or (token.text in NEGATIVE_CLITICS and is_lowercase_word(doc[token.i - 1]))
                 for token in doc[end:words.end])
    return doc[words.start:end] if clause else words


def is_opening_compound_adjective(words: SpacySpan, ent: SpacySpan) -> bool:
    """Whether what is left of a model span cut short (``without_lowercase_tail``) is its sentence's first word and a
    hyphen's lowercase half: a compound adjective, no name ("Open-weight models just had" was a place)."""
    return (len(words) == 3 and words.end < ent.end and words[1].text in HYPHENS and words[0].is_sent_start
            and is_lowercase_word(words[2]))


HYPHENS = ("-", "–")


def opens_a_sentence(token: Token) -> bool:
    """Whether a word is its text's first or follows a sentence's end or a line break (the pipelines set no sentence
    boundaries: ``is_sent_start`` holds for a text's first word alone)."""
    return token.i == 0 or token.nbor(-1).text in SENTENCE_ENDS or token.nbor(-1).is_space


def is_count_before_a_name(words: SpacySpan) -> bool:
    """Whether a span opens with a count of what a model's versioned name and the plural noun after the span make
    ("30 Ariane 6 launches"); not a year ("2014 Winter Olympics"), a date ("28 March Stadium"), a company word's
    number ("777 Partners") nor a name without a version ("50 Cent performed"), which WikiANN keeps whole."""
    doc = words.doc
    return len(words) > 2 and words[0].is_digit and len(words[0]) < 4 and words[1].text[:1].isupper() \
        and words[1].text not in COMPANY_WORDS and words[1].text not in MONTHS_AND_DAYS \
        and any(char.isdigit() for char in words[1:].text) \
        and words.end < len(doc) and doc[words.end].is_lower and doc[words.end].text.endswith("s")


# A name's word elided onto the next, capitalised after its apostrophe ("D'Or", "d'Ávila", "O'Neill").
ELIDED_NAME_WORD = re.compile(r"[A-Za-z]['’][A-ZÀ-Ý]\w*")


def with_elided_word_after(words: SpacySpan) -> SpacySpan:
    """A span with the elided word right after it, which the model left out ("a Rede D'Or fechou" gave "Rede";
    seed-shaped probe 25): a name goes on over such a word ("Rede D'Or", "Banca d'Italia")."""
    doc = words.doc
    tokens = tokens_of(doc)
    if words.end < len(doc) and tokens[words.end - 1].whitespace_ \
            and ELIDED_NAME_WORD.fullmatch(tokens[words.end].text):
        return doc[words.start:words.end + 1]
    return words


def with_number_before_a_company_word(words: SpacySpan) -> SpacySpan:
    """A span of one company word with the number right before it ("da 777 Partners" gave "Partners"):
    the company's name, number and all."""
    doc = words.doc
    if len(words) == 1 and words.start > 0 and words[0].text in COMPANY_WORDS and doc[words.start - 1].is_digit:
        return doc[words.start - 1:words.end]
    return words


def owner_of_a_role(words: SpacySpan) -> SpacySpan | None:
    """The owner before the possessive of an English span that ends in a role held there ("Ryanair's chief
    executive" was one person): the organisation; or None."""
    if language_of(words.doc.vocab) != "en" or len(words) < 3 or words[-1].text not in COMPANY_OFFICER_WORDS:
        return None
    possessive = next((token.i for token in words[1:] if token.text in POSSESSIVES), None)
    if possessive is None or not all(token.text in COMPANY_OFFICER_WORDS
                                     for token in words.doc[possessive + 1:words.end]):
        return None
    return words.doc[words.start:possessive]


def without_apposition(words: SpacySpan) -> SpacySpan:
    """An English span cut before a comma and an article ("Ferrovial, the motorway operator" was one
    person): what follows says what the name is."""
    doc = words.doc
    if language_of(doc.vocab) != "en":
        return words
    comma = next((token.i for token in words[1:-1]
                  if token.text == "," and doc[token.i + 1].lower_ in ENGLISH_ARTICLES), None)
    return words if comma is None else doc[words.start:comma]


def is_owner_of_a_title(words: SpacySpan) -> bool:
    """Whether an English span is a body's name and a capitalised role before
    a person's name ("Fed Chair Jerome Powell", "Texas Governor Greg Abbott"):
    a title, no person; not a title alone ("Prime Minister", "Vice President"). A province's or a state's premier
    before a given name is one too ("Ontario Premier Doug Ford": "Ontario Premier" an organisation; s49-entities-en),
    and so is a state's two-word office after its place (``TWO_WORD_TITLES``: "Gujarat Chief Minister")."""
    doc = words.doc
    title = words[-1]
    if language_of(doc.vocab) != "en" or len(words) < 2 or words.end >= len(doc) \
            or not (title.text in ROLE_TITLES or is_premier_before_a_given_name(title)):
        return False
    owner_end = len(words) - 1 - is_two_word_title(words)  # (after the title's check: most spans end in none)
    return doc[words.end].is_title and not any(word.text in ROLE_TITLES or word.text in SENTENCE_OPENERS
                                               for word in words[:owner_end])


# A state's or a city's offices named in two capitalised words after the place that elects them ("Gujarat Chief
# Minister Bhupendra Patel", "Texas Attorney General Ken Paxton": the model's span ran the place on over the office, an
# organisation or a person; s50-entities-en). "Prime Minister" is read after a country by ``country_of_an_office``; a
# chief justice's owner is a court, no place, and is left out.
TWO_WORD_TITLES = frozenset({("Chief", "Minister"), ("Attorney", "General"), ("Lieutenant", "Governor")})


def is_two_word_title(words: SpacySpan) -> bool:
    """Whether an English span of three words or more ends in a two-word office (``TWO_WORD_TITLES``) after a name
    (not "The Chief Minister")."""
    return len(words) > 2 and (words[-2].text, words[-1].text) in TWO_WORD_TITLES and not words[0].is_stop


def state_of_its_office(words: SpacySpan) -> Candidate | None:
    """The place before a state's two-word office (``TWO_WORD_TITLES``: "Gujarat" of "Gujarat Chief Minister"), which
    no gazetteer may know; None before another title, whose body a pattern names ("Fed Chair")."""
    if not is_two_word_title(words):
        return None
    return Candidate(words.start_char, words[-3].idx + len(words[-3].text), "LOC", "model")


# A port's noun and its connector open the name of a port named after its place ("the Port of Rotterdam", "o Porto de
# Sines"), which is no person's name (``is_port_of_a_place``).
PORT_OPENINGS = frozenset({("Port", "of"), ("Porto", "de"), ("Porto", "do"), ("Porto", "da")})


def is_port_of_a_place(words: SpacySpan) -> bool:
    """Whether a name opens with a port's noun and its connector (``PORT_OPENINGS``)."""
    return len(words) > 2 and (words[0].text, words[1].text) in PORT_OPENINGS


def model_label(words: SpacySpan, text: str, label: str, named_by_role: bool) -> str:
    """The label of a model span from the model's or the training data's
    (``known_labels``) ``label``, PER for a person ``named_by_role`` (or by a
    title: ``model_candidate``): another person after "em" or opening with a port's noun ("Port of Rotterdam") is a
    place, and so is an organisation of one or two
    capitalised words (``is_after_em``); a name
    ending in a company word or an event's, or a person's opening with a club's word (``CLUB_OPENERS``) or a
    lone capital consonant (``LONE_CONSONANT``), or a Portuguese word after a feminine demonym ("a italiana
    Prada"), an organisation; an organisation between "its" and a site's noun ("its Pyeongtaek plant"), or before a
    site's noun and its owner ("the Manchester office of Aviva Investors"), a place, as is a name of a
    landform (``names_a_landform``: "Margem Equatorial"); a letter, a dash and a lowercase word, a company's name
    ("X-energy"), no person's or place's."""
    if label == "PER" and not named_by_role and (is_after_em(words) or is_port_of_a_place(words)):
        label = "LOC"
    if label == "ORG" and len(words) <= 2 and all(word.is_title and word.is_alpha for word in words) \
            and is_after_em(words):
        label = "LOC"  # "cestas básicas em Ouro Branco": a body takes an article after "em" ("na Vale"), a town none
    if label == "PER" and len(words) > 1 and (words[0].text in CLUB_OPENERS or LONE_CONSONANT.fullmatch(words[0].text)):
        # "against Athletic Bilbao", "pelo Borussia Mönchengladbach": a club's word opens no person's name, nor does a
        # lone capital without its dot ("backed by Y Combinator", "X Corp"; "J. Cole" has one)
        label = "ORG"
    if (len(words) > 1 and (words[-1].text in COMPANY_WORDS or is_event(words))) \
            or text[words.start_char:words.end_char] in LEAGUE_WORDS or (
            language_of(words.doc.vocab) == "pt" and len(words) == 1 and FEMININE_DEMONYM_BEFORE.search(
                text, max(0, words.start_char - 30), words.start_char)):
        label = "ORG"
    if label in ("PER", "LOC") and LETTER_DASH_WORD.fullmatch(text, words.start_char, words.end_char):
        label = "ORG"  # "invest $500 million in X-energy" was a place
    if label in ("PER", "LOC") and is_publication_name(words, text):
        label = "ORG"  # "The Compute Ledger": a site's or a newspaper's name, no person's nor place's
    if (label == "ORG" and is_station_by_its_noun(words)) or (label != "LOC" and names_a_power_plant(words, text)):
        label = "LOC"
    return label_by_the_words_around(words, text, label)


def is_station_by_its_noun(words: SpacySpan) -> bool:
    """Whether an English span is a name in title case and the lowercase "station" right after it ("a second
    entrance at Southwark station", an organisation to the model; s48-entities-en): a place, where passengers go. A
    lowercase noun between keeps the model's label: "Corrour railway station", a Wikipedia title that WikiANN-en
    labels an organisation (3 of 3 on its dev), "a Capital radio station" a broadcaster."""
    return len(words) > 1 and words[-1].text == "station" and words[-2].is_title


def label_by_the_words_around(words: SpacySpan, text: str, label: str) -> str:
    """The later steps of ``model_label``: a model label ``label`` as the words around the name tell it (a possessive
    of works, a party, a company of a place, a site, a route, a landform, a regional branch, an office, a club's
    demonym, a Portuguese article before a church's body or a street)."""
    # the characters around first (a possessive, "party"): a spaCy token costs more to read
    if label != "PER" and text.startswith(POSSESSIVE_TEXTS, words.end_char) and is_author_of_works(words):
        label = "PER"
    if label != "PER" and language_of(words.doc.vocab) == "en" and is_person_by_the_words_before(words):
        label = "PER"
    if (text.endswith("Party", 0, words.end_char) or text.startswith(" party", words.end_char)) \
            and language_of(words.doc.vocab) == "en":
        label = "ORG"  # "the Congress party", "the Workers' Party": a party, whoever the model took it for
    if label == "LOC" and text.endswith(POSSESSIVE_TEXTS, 0, max(0, words.start_char - 1)) \
            and is_company_of_a_place(words):
        label = "ORG"
    if label == "ORG" and text.endswith(SITE_PREPOSITION_TEXTS, 0, words.start_char) and (
            is_place_of_a_site(words) or (language_of(words.doc.vocab) == "en" and is_town_of_a_campus(words))):
        label = "LOC"
    if label == "ORG" and text.endswith(OUTPUT_PREPOSITION_TEXTS, 0, words.start_char) \
            and is_mine_by_its_output(words, text):
        label = "LOC"
    if label != "LOC" and language_of(words.doc.vocab) == "en" and is_end_of_a_route(words):
        label = "LOC"
    if label == "PER" and is_place_of_a_portuguese_site(words):
        label = "LOC"
    if label == "ORG" and (is_site_of_an_owner(words) or is_site_before_its_owner(words)
                           or is_site_of_an_owner(words, ARTICLES_BEFORE_A_MINE, MINE_NOUNS)) \
            or label != "LOC" and names_a_landform(words):
        label = "LOC"
    # (a word's token, not the span's text: one token costs less to read than a span's text)
    if label != "ORG" and len(words) == 1 and is_regional_branch(tokens_of(words.doc)[words.start].text):
        label = "ORG"  # "O PS-Açores acusou": a party's or a body's branch in a region, not the region
    if label == "PER" and is_place_of_an_office(words):
        label = "LOC"  # "contra a prefeita de Contagem": the office is the person, the name its town
    if label != "ORG" and is_club_named_by_its_demonym(words):
        label = "ORG"  # "O Tondela recebe o Feirense": a club named after its town's people, no person's name
    if language_of(words.doc.vocab) == "pt" and len(words) > 1 and is_after_a_portuguese_article(words):
        if words[0].text in CHURCH_BODY_HEADS:
            label = "ORG"  # "A Arquidiocese de São Paulo divulgou": the body that acts, not its territory
        elif words[0].text in STREET_HEADS and label != "LOC":
            label = "LOC"  # "fechar a Avenida Paulista": a street, not the soap opera "Avenida Brasil"
    if label == "ORG" and len(words) > 1 and words[-1].text in STREET_CLOSERS \
            and language_of(words.doc.vocab) == "en" and not is_said_by_a_body(words):
        label = "LOC"  # "gathered in Trafalgar Square": a square or a street by its closing noun, not a body
    return label


def is_said_by_a_body(words: SpacySpan) -> bool:
    """Whether a company's verb follows a span (``COMPANY_CLAUSE_VERBS``): a street that speaks or acts is the body it
    stands for ("Downing Street said", the government; the later rules make a speaking place its person)."""
    doc = words.doc
    return words.end < len(doc) and doc[words.end].text in COMPANY_CLAUSE_VERBS


# Masculine articles and their contractions before a Portuguese club's name (``is_club_named_by_its_demonym``).
MASCULINE_ARTICLES_PT = frozenset("o O do ao pelo no".split())


def is_club_named_by_its_demonym(words: SpacySpan) -> bool:
    """Whether a Portuguese one-word name in -ense follows a masculine article ("o Feirense", "do Torreense", "ao
    Moreirense"): a club named after its town's people (Farense, Portimonense, Figueirense); a person's name does not
    end so, and the demonym itself is lowercase ("o paraense")."""
    doc = words.doc
    return language_of(doc.vocab) == "pt" and len(words) == 1 and tokens_of(doc)[words.start].text.endswith("ense") \
        and words.start > 0 and tokens_of(doc)[words.start - 1].text in MASCULINE_ARTICLES_PT


# A Portuguese church's bodies by their heads ("Arquidiocese de Braga", "Patriarcado de Lisboa"): WikiANN-pt labels
# them places (30 of 31 archdioceses in its train split, every one a page's title without an article), news text
# names the body that speaks or acts, after its article ("A Arquidiocese de São Paulo divulgou", "a Diocese do Porto
# vai reabrir"): an organisation there (``model_label``). Session 34 made them institutions' heads everywhere and
# lost 0.003 of WikiANN-pt's held-out dev F1.
CHURCH_BODY_HEADS = frozenset("Arquidiocese Diocese Patriarcado Prelazia Eparquia Paróquia Cúria Nunciatura".split())
# Portuguese heads of a street's or a square's name: after an article or its contraction ("na Avenida Paulista",
# "fechar a Avenida Paulista", an organisation to the model) a place; without one the model's label stands (WikiANN-pt
# labels "Avenida Brasil", a soap opera's title, an organisation). First HAREM and Paramopama label all 35 such names
# places.
STREET_HEADS = frozenset("Avenida Rua Praça Largo Travessa Alameda Rotunda Calçada Estrada Rodovia".split())
# Articles and their contractions with a preposition before a Portuguese name ("a", "na", "pela", "à" ...).
ARTICLE_FORMS_PT = frozenset("o a os as do da dos das no na nos nas ao à aos às pelo pela pelos pelas".split())


# A body's code in capitals glued by a hyphen to a region's name ("PS-Açores", "PSD-Madeira"): one word to the
# tokenizer, a place to the model; the code makes it the body's regional branch (``is_regional_branch``).
REGIONAL_BRANCH = re.compile(r"[A-Z]{2,6}-([A-ZÀ-Ý][a-zà-ÿ]+)")


def is_regional_branch(word: str) -> bool:
    """Whether a word is a code in capitals and a place the gazetteer knows, joined by a hyphen (``REGIONAL_BRANCH``);
    not a code and another code ("CDS-PP") or a word no gazetteer lists as a place."""
    branch = REGIONAL_BRANCH.fullmatch(word)
    return branch is not None and branch.group(1) in place_names()


def regional_branches(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` that are a body's regional branch (``is_regional_branch``): "O PSD-Açores criticou", where
    the model found no span, as in a paragraph it often does not ("O PS-Madeira e o JPP apresentaram")."""
    return [match.span() for match in REGIONAL_BRANCH_WORD.finditer(text) if is_regional_branch(match.group())]


# (its first capital before the look-behind, so that re scans for capitals: ``opening``)
REGIONAL_BRANCH_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{1,5}-([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w-])")


# Portuguese offices held for a place, lowercase before "de"/"do"/"da" and its name ("a prefeita de Contagem", "o
# governador do Pará", "o bispo de Setúbal"); the person, when named, follows in commas.
OFFICES_OF_A_PLACE_PT = frozenset("prefeito prefeita vice-prefeito vice-prefeita governador governadora "
                                  "vice-governador vice-governadora bispo arcebispo autarca edil".split())


def is_place_of_an_office(words: SpacySpan) -> bool:
    """Whether a Portuguese model person's span follows an office held for a place and its "de"
    (``OFFICES_OF_A_PLACE_PT``) and holds no given name: the place ("a prefeita de Contagem", a person to the model),
    not the person ("o prefeito de Betim Marcelo Cabral" keeps a given name)."""
    doc = words.doc
    return (language_of(doc.vocab) == "pt" and words.start > 1 and doc[words.start - 1].lower_ in PLACE_HEAD_PREPOSITIONS
            and doc[words.start - 2].lower_ in OFFICES_OF_A_PLACE_PT
            and not any(word.text in given_names() for word in words))


def is_after_a_portuguese_article(words: SpacySpan) -> bool:
    """Whether a span follows an article or its contraction with a preposition (``ARTICLE_FORMS_PT``), a sentence's
    first word too ("A Arquidiocese")."""
    return words.start > 0 and words.doc[words.start - 1].lower_ in ARTICLE_FORMS_PT


# The head nouns of a newspaper's, a magazine's or a newsletter's name after its article ("The Compute Ledger", "The
# Washington Post"): WikiANN-en's train split has 21 names so, all organisations; without the article the nouns end
# people's names too ("Heath Ledger", "Jim Courier"), so they make an organisation only after "The".
PUBLICATION_HEADS = frozenset("Ledger Times Post Journal Review Gazette Herald Tribune Chronicle Daily Weekly Observer "
                              "Guardian Economist Register Monitor Digest Bulletin Dispatch Courier Telegraph Magazine "
                              "Inquirer Examiner Newsletter Reporter Sentinel Informer Brief Briefing Wire".split())
# Where a page names itself: after the copyright sign (and a year), after "Subscribe to", or before "newsletter"
# ("© 2025 The Compute Ledger", "Subscribe to The Compute Ledger"); the characters checked first, as most texts have
# none.
PUBLICATION_CUES = ("©", "ubscribe", "ewsletter")
# A page's owner after the copyright sign and its years, or a newsletter's publisher ("© 2025 Núcleo Jornalismo",
# "a newsletter do Núcleo Jornalismo", missed by the model): an organisation where no given name opens it
# (``opens_with_no_given_name``), in ``context_phrases``.
PUBLICATION_KEYWORDS = ("©", "newsletter", "Newsletter")
PAGE_OWNER = re.compile(
    r"(?:©[^\S\n]*(?:\d{4}(?:[-–]\d{4})?,?[^\S\n]+)?|(?<!\S)[Nn]ewsletter[^\S\n]+(?:d[oa]|of)[^\S\n]+)"
    r"((?:The[^\S\n]+)?[A-ZÀ-Ý][\w&'’-]*(?:[^\S\n]+(?:(?:d[aeo]s?|of)[^\S\n]+)?[A-ZÀ-Ý][\w&'’-]*){0,3})")


def is_publication_name(words: SpacySpan, text: str) -> bool:
    """Whether an English person's or place's span is a publication's name: "The" opens it (or stands right before
    it) and a publication's head noun ends it (``PUBLICATION_HEADS``), or the text names it as a page names itself
    (``PUBLICATION_CUES``: "© 2025 The Compute Ledger") and no given name opens it. A person's name takes no
    article, but a stage name or a show's does ("The Notorious B.I.G.", "The Jeff Dunham Show": WikiANN-en's
    people), so "The" alone makes no publication (0.001 of WikiANN-en's held-out dev F1); nor does it make a place
    one (none there ends in a head noun)."""
    # the characters first: cheaper than reading spaCy tokens, and seldom true
    if not (text.startswith("The ", words.start_char) or text.endswith(("The ", "the "), 0, words.start_char)) \
            or language_of(words.doc.vocab) != "en":
        return False
    doc = words.doc
    named = words[1:] if words[0].text == "The" else words
    if not named or not (named is not words or doc[words.start - 1].lower_ == "the"):
        return False
    if named[-1].text in PUBLICATION_HEADS:
        return True
    if not contains_any(text, PUBLICATION_CUES) or named[0].text in all_given_names():
        return False
    name = rf"(?:[Tt]he[^\S\n]+)?{re.escape(named.text)}"
    return re.search(rf"(?:©[^\S\n]*(?:\d{{4}}[^\S\n]*)?|[Ss]ubscribe[^\S\n]+to[^\S\n]+){name}(?![\w-])"
                     rf"|(?<![\w-]){name}(?:['’]s)?[^\S\n]+[Nn]ewsletter", text) is not None


# Words that open a storm's name ("Typhoon Ragasa", a person to the English model): a storm is none of our labels.
STORM_WORDS = frozenset("Hurricane Typhoon Cyclone Furacão Tufão Ciclone".split())
# Nouns of an author's works after the author's possessive ("Beethoven's sonatas", a place to the English model);
# not what a company or a band also owns ("music", "songs", "works").
AUTHORS_WORKS = frozenset("sonata sonatas symphony symphonies concerto concertos opera operas quartet quartets "
                          "requiem novel novels poem poems poetry paintings sculptures".split())


def is_author_of_works(words: SpacySpan) -> bool:
    """Whether an English span of one or two words stands before a possessive and an author's works (lowercase,
    maybe after an ordinal or an adjective: "Beethoven's late quartets"): their author, a person."""
    doc = words.doc
    after = words.end + 1
    if len(words) > 2 or after >= len(doc) or doc[words.end].text not in POSSESSIVES or language_of(doc.vocab) != "en":
        return False
    return doc[after].lower_ in AUTHORS_WORKS or (
        after + 1 < len(doc) and doc[after].is_lower and doc[after + 1].lower_ in AUTHORS_WORKS)


# What an artist makes, after which "by" names the artist (``is_person_by_the_words_before``).
ARTISTS_WORKS = AUTHORS_WORKS | frozenset("works drawings prints portraits".split())


# A player's score in a match report, before "from" and the player's name ("a try from Will Jordan", "a late goal
# from Bukayo Saka", "a hat-trick from"; s50-entities-en): ``is_person_by_the_words_before``.
SCORING_NOUNS = frozenset("goal goals try tries header brace trick penalty century fifty strike double".split())


def is_person_by_the_words_before(words: SpacySpan) -> bool:
    """Whether an English span of two or three personal names stands where only a person's name does: right after a
    role title ("founded by CEO Samer Hamadeh", a place), after an
    artist's works and "by" ("video works by Nam June Paik", an organisation to the English model), after a player's
    score and "from" (``SCORING_NOUNS``), or after a club's or a company's name and a role's lowercase noun ("Aston
    Villa manager Unai Emery", an organisation: the role's holder; ``ROLE_WORDS``)."""
    doc = words.doc
    start = words.start
    if not 2 <= len(words) <= 3 or start < 2 or words[-1].text in COMPANY_WORDS \
            or not all(PERSONAL_NAME.fullmatch(word.text) for word in words):
        return False
    before = doc[start - 1]
    if before.lower_ == "by":  # right after the works: "photographs supplied by Getty Images" are an agency's
        return doc[start - 2].lower_ in ARTISTS_WORKS and words.text not in organisation_names()
    if before.lower_ == "from":  # "a try from Will Jordan" was a place: a player's score
        return doc[start - 2].lower_ in SCORING_NOUNS
    if before.text in ROLE_TITLES:
        return True  # "founded by CEO Samer Hamadeh": the title's holder, whatever the model's label
    role = start - 1
    while role > 0 and doc[role].is_lower and doc[role].text in ROLE_WORDS:
        role -= 1
    return role < start - 1 and doc[role].is_title and not doc[role].is_sent_start


# Verbs a company's sentence goes on with after its name, but not a place's ("Japan's Renesas said").
COMPANY_CLAUSE_VERBS = frozenset("said says told added announced reported stated will would plans agreed "
                                 # a board's or a regulator's price or rate ("Ghana's Cocobod cut", s49-entities2)
                                 "cut cuts raised raises lowered lifted hiked".split())


def is_company_of_a_place(words: SpacySpan) -> bool:
    """Whether an English span of one word stands after a place's possessive and before a verb of speaking or a
    modal ("Japan's Renesas said", a place to the model), or is an acronym there ("with Taiwan's PSMC"): a
    country's company speaks, a country's region seldom does, nor is it written in capitals."""
    doc = words.doc
    return (len(words) == 1 and words.start >= 2 and doc[words.start - 1].text in POSSESSIVES and language_of(doc.vocab) == "en"
            and ((words.end < len(doc) and doc[words.end].text in COMPANY_CLAUSE_VERBS) or is_acronym(words[0]))
            and doc[words.start - 2].ent_type_ == "LOC")


# A site's noun and the preposition of where it stands ("the country's first fab at Dholera", an organisation to the
# English model; "a job at Google" has no site's noun).
SITE_PREPOSITIONS = frozenset({"at", "near", "in"})
SITE_PREPOSITION_TEXTS = tuple(f" {word} " for word in SITE_PREPOSITIONS)


def is_place_of_a_site(words: SpacySpan) -> bool:
    """Whether an English span of one word follows a site's noun and "at"/"near"/"in" (``SITE_PREPOSITIONS``):
    where the site is."""
    doc = words.doc
    return (len(words) == 1 and words.start >= 2 and doc[words.start - 1].lower_ in SITE_PREPOSITIONS
            and doc[words.start - 2].lower_ in SITE_NOUNS and language_of(doc.vocab) == "en")


# What a mine yields, before "at"/"from" and the mine's name ("output at El Teniente fell", "production at Los
# Bronces": organisations to the English model; s49-entities2), in a text about mining (``MINING_WORDS``): a place,
# its operator named apart. A name the gazetteer knows as an organisation keeps its label ("output at Toyota").
OUTPUT_NOUNS = frozenset("output production operations mining".split())
OUTPUT_PREPOSITIONS = frozenset({"at", "from"})
OUTPUT_PREPOSITION_TEXTS = tuple(f" {word} " for word in OUTPUT_PREPOSITIONS)  # a text's check, before a token's
MINING_WORDS = frozenset("mine mines mining miner miners copper gold ore lithium nickel zinc silver coal "
                         "cobalt deposit deposits".split())


def is_mine_by_its_output(words: SpacySpan, text: str) -> bool:
    """Whether an English span follows a mine's yield and "at"/"from" (``OUTPUT_NOUNS``) in a text about mining:
    the mine, a place."""
    doc = words.doc
    return (words.start >= 2 and doc[words.start - 1].lower_ in OUTPUT_PREPOSITIONS
            and doc[words.start - 2].lower_ in OUTPUT_NOUNS and language_of(doc.vocab) == "en"
            and has_keyword(text, MINING_WORDS) and words.text not in organisation_names())


# Portuguese nouns of a site, before "de"/"em" and the place it stands in: without an article the name is a place's
# ("a fábrica de Chitose, em Hokkaido" gave a person; seed-shaped probe 40), with one an owner's ("a fábrica da Tesla").
SITE_NOUNS_PT = frozenset("fábrica fábricas usina usinas refinaria refinarias planta plantas mina minas campus "
                          "unidade unidades".split())
SITE_PREPOSITIONS_PT = frozenset({"de", "em"})


def is_place_of_a_portuguese_site(words: SpacySpan) -> bool:
    """Whether a Portuguese span of one word follows a site's noun and "de"/"em" without an article
    (``SITE_NOUNS_PT``): where the site is."""
    doc = words.doc
    return (len(words) == 1 and words.start >= 2 and language_of(doc.vocab) == "pt"
            and doc[words.start - 1].lower_ in SITE_PREPOSITIONS_PT and doc[words.start - 2].lower_ in SITE_NOUNS_PT)


# Nouns of a landform or a sea that a place's name opens or ends with ("Margem Equatorial", "Bacia de Campos",
# "Permian Basin", "Strait of Hormuz"). Not those that are also surnames or companies ("Serra", "Vale", "Costa"), nor
# "Gulf", which opens airlines' and oil companies' names.
LANDFORM_HEADS = frozenset("Margem Bacia Planalto Golfo Península Arquipélago Chapada Baía Estreito Strait".split())
# ... and a mountain road or a valley's ("the Buttertubs Pass" was an organisation; WikiANN-en train: 4 such names,
# places all), a lake, a forest, a range's ("Virginia Water Lake", "Lincoln National Forest" were organisations;
# WikiANN-en train: lakes 7 of 9 places, forests 10 of 12, "Mountains" 8 of 9, glaciers and peaks 9 of 9).
LANDFORM_TAILS = frozenset("Basin Plateau Peninsula Strait Archipelago Pass Gorge Canyon Lake Forest Mountains Glacier "
                           "Peak".split())
# The nouns after "National" that end a protected land's name, of any length ("Great Smoky Mountains National Park";
# WikiANN-en train: 21 of 27 places; "State Park" is mostly an organisation there, as a body runs it).
NATIONAL_LANDS = frozenset("Park Forest".split())


def names_a_landform(words: SpacySpan) -> bool:
    """Whether a name of two words or more opens with a landform's noun, or of two or three ends with one, or ends
    with a national park's or forest's nouns, or is "River" and one word ("the River Ouse" was an organisation;
    WikiANN-en train: 5 of 6 such names places, the other a person's, "River Tam"; s49-entities-en2): a place,
    whatever the model guessed (a title runs longer: "All Things Must Pass")."""
    return len(words) > 1 and (words[0].text in LANDFORM_HEADS or (words[-1].text in LANDFORM_TAILS and len(words) < 4)
                               or (words[-2].text == "National" and words[-1].text in NATIONAL_LANDS)
                               or (len(words) == 2 and words[0].text == "River"))


# A Portuguese connector and capitalised words that a company's name runs on with, which ``COMPANY_NAME`` does not
# take ("A editora Companhia das Letras lançou" was cut to "Companhia"; entities48).
COMPANY_NAME_RUN_ON = re.compile(r"[^\S\n]+d[aeo]s?[^\S\n]+[A-ZÀ-Ý][\w-]*(?:[^\S\n]+[A-ZÀ-Ý][\w-]*)*")


def companies_run_on_as_the_model_reads(companies: list[tuple[int, int, int]], model: list[Candidate], text: str
                                        ) -> list[tuple[int, int, int]]:
    """The companies after their noun (``companies_after_demonyms``), each to the end of the model's organisation
    that opens with it where that runs on over a connector and capitalised words (``COMPANY_NAME_RUN_ON``:
    where the name holds "das", the model read it whole, and the phrase's regex stops before it), or else over a
    founder's surname (``FOUNDERS_SURNAME``)."""
    if not companies:
        return companies
    ends = {candidate.start: candidate.end for candidate in model if candidate.label == "ORG"}
    places = {candidate.start for candidate in model if candidate.label == "LOC"}
    return [(phrase, start, ends[start] if start in ends and COMPANY_NAME_RUN_ON.fullmatch(text, end, ends[start])
             else end_with_founders_surname(text, end, places)) for phrase, start, end in companies]


# A company named after its founder, whose name runs on with a Portuguese connector and a surname of one word that
# is no place ("A editora Valentim de Carvalho lançou" was cut to "Valentim", missed by the model; s51-entities
# blind; "O grupo José de Mello", "José"); a place there, a gazetteer's or the model's, is where the company is ("a operadora TIM do Brasil",
# "a seguradora Fidelidade de Lisboa").
FOUNDERS_SURNAME = re.compile(r"[^\S\n]+d[aeo]s?[^\S\n]+([A-ZÀ-Ý][\w-]*)(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")


def end_with_founders_surname(text: str, end: int, places: Container[int]) -> int:
    """The end of a company's name after its noun with the founder's surname after it (``FOUNDERS_SURNAME``), else
    ``end``; not over a place (``place_names``, or the model's starting in ``places``)."""
    surname = FOUNDERS_SURNAME.match(text, end)
    if surname is None or surname.start(1) in places or surname.group(1) in place_names():
        return end
    return surname.end()


def without_phrases_of_companies(model: list[Candidate], companies: list[tuple[int, int, int]]) -> list[Candidate]:
    """``model`` without the spans inside a demonym's phrase before a company
    (``companies_after_demonyms``: phrase start, name start, name end), but the company's own ORG."""
    for phrase_start, start, end in companies:
        model = [c for c in model if (c.start, c.end, c.label) == (start, end, "ORG")
                 or c.end <= phrase_start or end <= c.start]
    return model


def pattern_candidates(pipeline: Pipeline, doc: Doc, text: str, pattern_files: tuple[str, ...], model: list[Candidate]
                       ) -> tuple[dict[tuple[int, int, str], Candidate], list[SpacySpan], list[Candidate]]:
    """The patterns' matches as rules' candidates by (start, end, label), the
    matches of a product's noun and a name (for ``product_names``), and the
    model's candidates without those a party's or an institution's match
    replaces. Each kind of match is read by its pattern id: a party only in
    brackets after a name (``party_in_brackets``), a name with a common word
    only after an article (``after_an_article``), a street's head only where
    the model has no label on the same words, an institution with the
    qualifiers before it (``with_qualifiers_before``) and only where the model
    did not find it; a product match runs to the end of its word (``product_end``) and from the capitalised word a
    dash glues to its start (``with_glued_start``: "Med-Gemini")."""
    ruler = entity_ruler(pipeline, pattern_files)
    strings = pipeline.nlp.vocab.strings
    with pipeline.lock:
        matches = ruler.match(doc)
    rules = {}
    by_noun = []
    statements = club_statement_subjects(text, language_of(doc.vocab))
    towns = university_towns(pattern_files)
    places = [(start, end) for match_id, start, end in matches
              if strings[match_id].partition(ruler.ent_id_sep)[0] == "LOC"]
    place_starts = {start for start, _ in places}
    for match_id, start, end in matches:
        span = words_between(doc, start, end)  # a match's bounds lie in the document
        label, _, pattern_id = strings[match_id].partition(ruler.ent_id_sep)
        if pattern_id == PRODUCT_NOUN:
            by_noun.append(span)
            continue
        if pattern_id == PARTY:
            party = party_in_brackets(span)
            if party is not None:
                rules[(*party, "ORG")] = Candidate(*party, "ORG", "rule")
                model = [c for c in model if c.start != party[0] or c.end == party[1]]  # the state in "PSB-PR"
            continue
        if is_match_left_out(span, pattern_id, label, model, text, statements):
            continue
        if label == "ORG" and span.text in towns and (
                is_site_of_an_owner(span, OWNER_PRONOUNS | {"the"}) or is_after_a_place_preposition(span)):
            label = "LOC"  # "GSK bought the Cambridge lab", "near Cambridge": the town the university is named after
        if pattern_id == INSTITUTION_BY_HEAD:
            span = institution_before_its_head(span)
            if span is None:
                continue
            pattern_id = INSTITUTION
        if pattern_id == INSTITUTION:
            span, model = institution_match(span, model, text, places, place_starts)
            if span is None:
                continue
        if label == "PRODUCT":
            span = with_glued_start(span)  # "o Med-Gemini", a person to the model
        end_char = product_end(text, span.start_char, span.end_char) if label == "PRODUCT" else span.end_char
        rules[(span.start_char, end_char, label)] = Candidate(span.start_char, end_char, label, "rule")
    return rules, by_noun, model


def is_match_left_out(span: SpacySpan, pattern_id: str, label: str, model: list[Candidate], text: str,
                      statements: Container[tuple[int, int]]) -> bool:
    """Whether a pattern's match is no rule's candidate (``pattern_candidates``): a name with a common word neither
    after an article nor listed with a party's code, a verb opening a sentence, a street's head where the model has
    a label on the same words, a town the gazetteer does not stand for, or a club's city in its statement where the
    model found the club."""
    if pattern_id == COMMON_WORD_NAME and not (after_an_article(span) or listed_with_a_party_code(span)):
        return True
    if is_verb_opening_a_sentence(span):
        return True
    if pattern_id == PLACE_HEAD and any((c.start, c.end) == (span.start_char, span.end_char) for c in model):
        return True  # the model's label stands on the same words ("Avenida Brasil" is also a soap opera)
    if pattern_id == TOWN and not is_town_of_the_gazetteer(span, model, text):
        return True
    # "O Santos informou": the model's club over the city; "O Brasil anunciou" is a place to it
    return label == "LOC" and (span.start_char, span.end_char) in statements and any(
        (c.start, c.end, c.label) == (span.start_char, span.end_char, "ORG") for c in model)


def institution_match(span: SpacySpan, model: list[Candidate], text: str, places: list[tuple[int, int]],
                      place_starts: set[int]) -> tuple[SpacySpan | None, list[Candidate]]:
    """An institution's match (``pattern_candidates``) as its rule's span, with the qualifiers before it, before a
    known place and an office's holder, and the model's candidates without the spans over it; None where the head
    alone is left, where it is a person's government or where the model found the institution."""
    whole = span
    span = before_a_known_place(span, place_starts)
    if span is None:
        return None, model  # "Agência para Portugal": the head alone is left
    span = before_a_title_and_its_holder(before_an_office_holder(with_qualifiers_before(span), model), model)
    if is_government_of_a_person(span, model):
        return None, model
    # a model span over the body and its place does not hide the body: ``joins_names`` drops it, as a span
    # over two names of two kinds joined by "em"
    around = [c for c in model if c.label == "ORG" and c.start <= span.start_char and span.end_char <= c.end
              and not runs_over_where_it_is(c, span, whole, places)]
    if any(not is_article_before(c, span, text) for c in around):
        return None, model  # the model found the institution, maybe whole ("University of Texas at Austin")
    return span, [c for c in model if c not in around]


# Prepositions that put something in or by a town, not at its university ("studied at Cambridge", "a paper from
# Oxford"): ``is_after_a_place_preposition``.
TOWN_PREPOSITIONS = frozenset("in near outside around across em".split())


def is_town_of_the_gazetteer(span: SpacySpan, model: list[Candidate], text: str) -> bool:
    """Whether a match of the towns' gazetteer (``TOWN``) is the place: no model span around it ("George Coventry,
    8th Earl of Coventry", "Cricklewood railway station") nor a capitalised word or a number right before it where
    there is none, no other label of the model on its words elsewhere in the text nor a club a match names so
    (``clubs_named_after_places``: "Bath and Saracens will meet ... after Bath beat"), and one on the same words only
    after a preposition of
    place ("a car park in Wantage", an organisation to the model; "away to Fulham" and "at Highbury" are a club's,
    as WikiANN labels them)."""
    same = [c for c in model if c.start < span.end_char and span.start_char < c.end]
    if any(c.label != "LOC" and text[c.start:c.end] == span.text for c in model if c not in same) or any(
            text[start:end] == span.text for start, end in clubs_named_after_places(text, language_of(span.doc.vocab))):
        return False  # the same words are another name elsewhere, a club ("Bath and Saracens ... after Bath beat")
    if not same:
        # not the tail of a name the model missed, nor an event's edition ("Bluefish Cove", "2003 Wimbledon"), nor
        # its head ("the New Haven and Hartford Railroad") or an author's before a year ("(Stainton, 1850)"), nor an
        # actor's name before its deed ("Everton loaned striker Beto": a club's, ``with_financed_subjects``)
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end:span.end + 2]
        return (before is None or not ((before.is_title and not before.is_stop) or before.like_num)) and not (
            after and (after[0].is_title or (after.text.startswith(",") and after[-1].like_num)
                       or after[0].lower_ in ACTOR_VERBS or after[0].lower_ in PLAYER_MOVE_WORDS))
    return all((c.start, c.end) == (span.start_char, span.end_char) for c in same) and is_after_a_place_preposition(
        span)


# People named by where they come from ("Volunteers from Tralee", "soldiers from Catterick") and verbs of travel
# ("Fans travelled from Tralee"): "from" after them is of place, where after a transfer's verb it is a club's
# ("signed from Fulham", "moved from Fulham").
FROM_A_PLACE_AFTER = frozenset(
    "people residents volunteers soldiers troops man woman men women boy girl boys girls family families pupils "
    "students children teenager teenagers walker walkers climbers firefighters crews fans supporters travelled "
    "traveled flew drove walked evacuated commuted".split())


def is_after_a_place_preposition(span: SpacySpan) -> bool:
    """Whether a match stands right after a preposition of place (``TOWN_PREPOSITIONS``: "the A14 near Cambridge",
    "roads in Oxford"), or "from" after people or a verb of travel (``FROM_A_PLACE_AFTER``), maybe as the last of a
    list of capitalised names ("Volunteers from Tralee and Killarney")."""
    doc, before = span.doc, span.start - 1
    while before > 1 and doc[before].text in (",", "and") and doc[before - 1].is_title:
        before -= 2
        while before >= 0 and doc[before].is_title:
            before -= 1
    return before >= 0 and (doc[before].lower_ in TOWN_PREPOSITIONS or (
        doc[before].lower_ == "from" and before > 0 and doc[before - 1].lower_ in FROM_A_PLACE_AFTER))


# A sentence's first word and a locative before a place, and a clause going on after it: where the place is a
# pattern's, the word is a common noun capitalised as the sentence's opener ("Robotaxis in Wuhan now carry", one
# organisation to the model), not a name's head as in "Sisters in Crime", whose last word is no place; a title that
# ends there is one name ("Religião na Coreia do Sul", WikiANN's article on it).
OPENER_BEFORE_PLACE = re.compile(r"(?:^|(?<=[.!?][^\S\n])|(?<=\n))[A-ZÀ-Ý][\w-]*[^\S\n]+(?:in|at|em|no|na)[^\S\n]+")
CLAUSE_AFTER = re.compile(r"[^\S\n]+[a-zà-ÿ]")


def places_without_openers(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                        text: str) -> list[Candidate]:
    """``model`` with the spans of a sentence's first word, a locative and a place a pattern knows, to the span's
    end, before a clause's lowercase word (``OPENER_BEFORE_PLACE``, ``CLAUSE_AFTER``), cut to the place: the model
    found its words, the pattern says what they are; and a model's organisation of a known place and lowercase nouns
    (``is_common_noun_tail``) cut to the place, but for a national team (``NATIONAL_TEAM``)."""
    places = {(start, end) for start, end, label in rules if label == "LOC"}
    place_ends = {start: end for start, end in places}
    kept = []
    for candidate in model:
        opener = OPENER_BEFORE_PLACE.match(text, candidate.start)
        if opener and opener.end() < candidate.end and (opener.end(), candidate.end) in places \
                and CLAUSE_AFTER.match(text, candidate.end):
            candidate = Candidate(opener.end(), candidate.end, "LOC", candidate.source)
        elif candidate.label == "ORG" and candidate.start in place_ends and is_common_noun_tail(
                text[place_ends[candidate.start]:candidate.end]) and not NATIONAL_TEAM.search(
                text, candidate.start, candidate.end):
            candidate = Candidate(candidate.start, place_ends[candidate.start], "LOC", candidate.source)
        kept.append(without_opening_preposition(candidate, text))
    return kept


# A preposition opening a sentence before a name and a comma ("At Southwark Crown Court, Judge ...": one organisation
# to the model; s48-entities): an adverbial phrase, whose preposition is no part of the name.
OPENING_PREPOSITION = re.compile(
    r"(?:^|(?<=[.!?][^\S\n])|(?<=\n))(?:At|In|On|From|Near|Outside|Inside|Under)[^\S\n]+(?=[A-ZÀ-Ý])")


def without_opening_preposition(candidate: Candidate, text: str) -> Candidate:
    """``candidate`` without a sentence's opening preposition (``OPENING_PREPOSITION``) when a comma follows it."""
    if text[candidate.start:candidate.start + 1] not in "AIOFNU" or not text.startswith(",", candidate.end):
        return candidate
    opener = OPENING_PREPOSITION.match(text, candidate.start)
    if opener is None or opener.end() >= candidate.end:
        return candidate
    return Candidate(opener.end(), candidate.end, candidate.label, candidate.source, candidate.score)


def is_common_noun_tail(words: str) -> bool:
    """Whether the words after a known place in a model's organisation are lowercase nouns, no name's connector:
    the place's noun phrase ran on ("Eurozone inflation eased", "Europe growth"), the place is the name."""
    return bool(words) and words[0].isspace() and all(
        word.isalpha() and word.islower() and word not in NAME_CONNECTORS for word in words.split())


def with_share_issuers(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                       text: str) -> list[Candidate]:
    """``model`` with the name after "shares of"/"shares in" (``SHARES_OF``) or before "shares" and their move
    (``SHARES_MOVED``) as an organisation: the model's span
    from "Shares" to the name's end cut to the name ("Shares of Masimo rose"), then the name added or the model's
    place or person on it made one ("Shares in Ryanair", a place); a place a pattern knows keeps its label ("Shares
    in Asia fell")."""
    if "hares" not in text:
        return model
    for match in SHARES_OF.finditer(text):
        start, end = match.span(1)
        model = [Candidate(start, end, "ORG", c.source) if (c.start, c.end) == (match.start(), end) else c
                 for c in model]
        make_organisation(model, [*model, *rules.values()], start, end, relabelled=("LOC", "PER"))
    for match in SHARES_MOVED.finditer(text):
        if is_share_issuer(match.group(1)):
            make_organisation(model, [*model, *rules.values()], *match.span(1), relabelled=("LOC", "PER"))
    return model


def is_share_issuer(name: str) -> bool:
    """Whether the name before "shares" and their move (``SHARES_MOVED``) is a company's: no sector's or class's word
    (``SHARE_SECTORS``), no word that opens a sentence and is no name ("Its", "Asian"), no place the gazetteer knows."""
    return not any(word.lower() in SHARE_SECTORS or word in opening_words() for word in name.split()) \
        and name not in place_names()


def before_an_office_holder(span: SpacySpan, model: list[Candidate]) -> SpacySpan:
    """An English institution's match after a role and "of" cut before the person the model found inside it
    ("Governor of the Bank of England Andrew Bailey": the bank, then its governor; the pattern ran over the
    holder's capitalised names)."""
    doc = span.doc
    opening = span.start - (2 if span.start > 1 and doc[span.start - 1].lower_ == "the" else 1)
    if language_of(doc.vocab) != "en" or opening < 1 or doc[opening].lower_ != "of" or doc[opening - 1].text not in ROLE_TITLES:
        return span
    holder = min((c.start for c in model if c.label == "PER" and span.start_char < c.start < span.end_char),
                 default=None)
    if holder is None:
        return span
    cut = next(token.i for token in span if token.idx >= holder)
    return doc[span.start:cut] if cut - span.start > 1 and doc[cut - 1].is_title else span


def before_a_title_and_its_holder(span: SpacySpan, model: list[Candidate]) -> SpacySpan:
    """An English institution's match cut before a role title it ran over (``ROLE_TITLES``) and the person the model
    found right after it, within the match or not ("Bank of England Governor Andrew Bailey" was one organisation: the
    bank, then its governor; s49-entities-en)."""
    doc = span.doc
    if len(span) < 4 or span.end >= len(doc) or language_of(doc.vocab) != "en":  # the head, "of", a word, the title
        return span
    holders = {c.start for c in model if c.label == "PER" and span.start_char < c.start}
    title = next((token.i for token in span[3:] if token.text in ROLE_TITLES and doc[token.i + 1].idx in holders),
                 None)
    return span if title is None else doc[span.start:title]


def is_government_of_a_person(span: SpacySpan, model: list[Candidate]) -> bool:
    """Whether an institution's span is a government's noun, its preposition and (the start of) a person the model
    found ("O Governo de Luís Montenegro quer"): the person is the name there, the government a common noun."""
    return len(span) > 2 and [span[0].text, span[1].text] in GOVERNMENT_OF and any(
        c.label == "PER" and c.start == span[2].idx for c in model)


def club_statement_subjects(text: str, language: str) -> set[tuple[int, int]]:
    """The names opening a Portuguese sentence after "O" before a statement (``CLUB_STATEMENT``), as (start, end)."""
    if language != "pt" or not has_keyword(text, STATEMENT_VERBS):
        return set()
    return {match.span(1) for match in CLUB_STATEMENT.finditer(text)}


@functools.cache
def university_towns(pattern_files: tuple[str, ...]) -> frozenset[str]:
    """The one-word organisations of the patterns that are also "University of <it>" or "Universidade de <it>"
    ("Cambridge", "Oxford"): a university by its town's name, so the town's where a site is (``is_site_of_an_owner``)."""
    rows = [json.loads(line) for path in pattern_files for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    strings = {row["pattern"] for row in rows if row.get("label") == "ORG" and isinstance(row.get("pattern"), str)}
    return frozenset(name for name in strings if " " not in name
                     and {f"University of {name}", f"Universidade de {name}"} & strings)


# Formula One by its short name ("a temporada de F1", "F1's revenue"): a competition, an organisation; not the AI
# texts' "F1 score", a key, a hybrid's generation or a visa, nor the first word of a longer name ("F1 Academy").
FORMULA_ONE = re.compile(rf"{opening('F1')}(?![\w-])(?![^\S\n]+(?:[A-Z]|(?:score|key|hybrid|visa)s?\b))")


# A competition by its head and what it is of ("a final da Copa do Brasil", where the place patterns found "Brasil";
# "Taça de Portugal", "Liga dos Campeões"): an organisation, as the probes' convention has it.
COMPETITION = re.compile(rf"{opening('Copa|Taça|Supertaça|Liga|Campeonato|Torneio')}[^\S\n]+d[aoe]s?[^\S\n]+"
                         r"[A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*){0,2}")


# X, the social network, by the words around its one letter: a post on it ("Elon Musk wrote on X", "publicou no X"),
# its noun ("a rede social X", "the social network X") or its old name ("X, formerly Twitter", "X (antigo Twitter)").
_POSTED = "wrote writes posted posts said says shared shares published announced replied tweeted commented"
_POSTADO = "escreveu escreve publicou publica postou disse afirmou anunciou comentou partilhou compartilhou"
SOCIAL_NETWORK_X = re.compile(
    rf"(?:\b(?:{'|'.join(_POSTED.split())})[^\S\n]+on|(?<!\S)(?:{'|'.join(_POSTADO.split())})[^\S\n]+n[oa]"
    rf"|\b(?:rede[^\S\n]+social|social[^\S\n]+(?:network|media[^\S\n]+platform|platform)))[^\S\n]+(X)(?![\w-])"
    r"|(?<![\w-])(X)(?=,?[^\S\n]+\(?(?:formerly|antigo|antiga|ex-)[^\S\n]*(?:known[^\S\n]+as[^\S\n]+)?Twitter)")


def social_network_x(text: str) -> list[tuple[int, int]]:
    """Where X is the social network (``SOCIAL_NETWORK_X``)."""
    if "X" not in text:
        return []
    return [match.span(1) if match.group(1) else match.span(2) for match in SOCIAL_NETWORK_X.finditer(text)]


# A party named by its members after "the" ("The Conservatives, led by Pierre Poilievre", missed), maybe with its
# qualifier ("the Liberal Democrats").
PARTY_PLURALS = frozenset("Conservatives Liberals Democrats Republicans Socialists Tories Greens".split()) | frozenset(
    word + end for word in "Conservatives Liberals Democrats Republicans Socialists Tories Greens".split()
    for end in ",.;:")
PARTY_BY_ITS_MEMBERS = re.compile(
    r"(?<![\w-])[Tt]he[^\S\n]+((?:(?:Liberal|Social|Christian)[^\S\n]+)?"
    r"(?:Conservatives|Liberals|Democrats|Republicans|Socialists|Tories|Greens))(?![\w'’-])")


# A company named with its legal form ("Zaffari Comércio e Indústria Ltda.", "Americanas S.A.", "Sonae SGPS, S.A.",
# "Frutas do Oeste, Lda."): capitalised words, "de"/"e"/"&" between them, up to the form, which ends the name (the model
# cut "Zaffari Comércio" before "e"). The form's dot is the name's ("Ltda." ends a sentence with it).
_CAPITALISED = r"[A-ZÀ-Ý][\w'’&-]*"
COMPANY_WITH_ITS_FORM = re.compile(
    rf"(?<![\w-]){_CAPITALISED}(?:[^\S\n]+(?:(?:d[aeo]s?|e|&)[^\S\n]+)?{_CAPITALISED}){{0,5}}"
    r",?[^\S\n]+(?:S\.[^\S\n]?A\.|S/A|Ltda\.?|Lda\.?)(?![\w/])")


def with_companies_of_legal_form(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate],
                                 text: str) -> list[Candidate]:
    """``model`` without its pieces of a company named with its legal form (``COMPANY_WITH_ITS_FORM``), which
    ``rules`` gets whole, past a sentence's opening article ("A Americanas S.A. informou"). Not where a model span
    already ends with the form: its start stands (WikiANN's "REDIRECIONAMENTO Telecomunicações Brasileiras S.A.")."""
    if "S.A" not in text and "S/A" not in text and "Ltda" not in text and "Lda" not in text:  # most texts name none
        return model
    for match in COMPANY_WITH_ITS_FORM.finditer(text):
        start, end = past_sentence_openers(text, *match.span()), match.end()
        if any(c.start <= start and end <= c.end or c.end == end for c in model):
            continue
        rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
        model = [c for c in model if not (start <= c.start and c.end <= end)]
    return model


# A news dateline: a line that opens with a place in capitals and a long dash, or an agency in brackets and a dash,
# before a sentence of prose ("WASHINGTON — The department said", "SÃO PAULO (Reuters) - A Petrobras"): the place the
# story was filed from, which the models, trained on mixed-case text, miss. Not WikiANN's acronym before a hyphen and
# a name ("UMDNJ - University Behavioral HealthCare"), which has no lowercase word.
DATELINE = re.compile(r"(?m)^([A-ZÀ-Ý]{3,}(?:[^\S\n][A-ZÀ-Ý]{2,}){0,2})(?:,[^\S\n][A-Z][a-z]+\.?)?"
                      r"(?:[^\S\n]+[—–]|[^\S\n]\([A-Z][\w ]*\)[^\S\n]+[—–-])[^\S\n]"
                      r"(?=[^\n]*?[^\S\n][a-zà-ÿ]{2,}[^\S\n])")


def with_regex_rules(rules: dict[tuple[int, int, str], Candidate], text: str, companies: list[tuple[int, int, int]],
                     products: list[Candidate]) -> None:
    """Add to ``rules`` the companies after demonyms, the models on sale
    (``models_on_sale``), vehicles' (``vehicle_models``) and models' codes with
    their tiers (``codes_with_tiers``), an aircraft and its maker (``aircraft_of_makers``), a company's unit in a
    country (``national_units``), the model's products, an acronym and the name it spells around a dash
    (``acronyms_and_names``), Formula One's short name (``FORMULA_ONE``), competitions (``COMPETITION``) and X, the
    social network (``social_network_x``), a party named by its members (``PARTY_BY_ITS_MEMBERS``), a body's regional
    branch (``regional_branches``), a dateline's place (``DATELINE``), and an
    acronym that speaks or acts
    (``ACRONYM_ACTOR``) where no pattern named it otherwise ("USA"), operating systems (``operating_systems``) and
    what a maker makes (``products_of_makers``)."""
    for _, start, end in companies:
        rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    for start, end in [*models_on_sale(text), *vehicle_models(text), *codes_with_tiers(text), *versioned_models(text),
                       *coded_products_after_possessives(text), *operating_systems(text),
                       *products_of_makers(text)]:
        rules[(start, end, "PRODUCT")] = Candidate(start, end, "PRODUCT", "rule")
    for start, end, label in aircraft_of_makers(text):
        rules[(start, end, label)] = Candidate(start, end, label, "rule")
    for start, end in national_units(rules, text):
        rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    rules.update({(product.start, product.end, product.label): product for product in products})
    for start, end in products_run_on_after_possessives(rules, text) if "s " in text else ():
        rules[(start, end, "PRODUCT")] = Candidate(start, end, "PRODUCT", "rule")
    for start, end in acronyms_and_names(text) if " - " in text or " – " in text else ():
        rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    for start, end in [*(match.span() for match in [*FORMULA_ONE.finditer(text), *COMPETITION.finditer(text)]),
                       *social_network_x(text)]:
        rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    for start, end in regional_branches(text) if "-" in text else ():
        rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    if has_keyword(text, PARTY_PLURALS):
        for match in PARTY_BY_ITS_MEMBERS.finditer(text):
            rules[(*match.span(1), "ORG")] = Candidate(*match.span(1), "ORG", "rule")
    for match in DATELINE.finditer(text) if "— " in text or "– " in text or ") - " in text else ():
        rules[(*match.span(1), "LOC")] = Candidate(*match.span(1), "LOC", "rule")
    named = {(start, end) for start, end, _ in rules}
    for match in ACRONYM_ACTOR.finditer(text):
        if match.span() not in named:
            rules[(*match.span(), "ORG")] = Candidate(*match.span(), "ORG", "rule")


def with_names_in_context(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate],
                          by_noun: list[SpacySpan], text: str, language: str
                          ) -> tuple[list[Candidate], dict[tuple[int, int, str], Candidate]]:
    """The model's and the rules' candidates with what the words around names
    show: a known product's variant (``with_product_variants``), an
    organisation (``with_organisations_in_context``, ``with_owners_of_its``, ``with_financed_subjects``,
    ``with_fined_and_counted_companies``), a scorer (``with_scorers``), a place in a known place
    (``with_places_in_places``), where a company is based (``with_based_places``), a road (``with_roads``), a
    person, a group or a place
    (``names_in_context``), a product by its noun (``product_names``) and a club named after a place
    (``clubs_named_after_places``); a company named as a town (``with_companies_named_as_towns``) and towns listed
    with a place (``with_places_listed_with_places``); names closed by a model's code
    (``with_coded_names_as_products``) and numbered games (``with_numbered_titles``), products."""
    with_lines_after_makers(model, rules, text)
    model = with_slashed_words_whole(model, text) if "/" in text else model
    model = with_artists_before_their_works(model, rules, text) if language == "en" else model
    model = with_chip_processes(with_numbered_titles(with_coded_names_as_products(model, rules, text), rules, text),
                                rules, text)
    # (the screens inline, no call a text: each helper called on every text cost 0.04% of the annotator's calls)
    if "machine" in text or "scanner" in text or "lithograph" in text or "litografia" in text:
        model = with_machines_by_their_noun(model, text)
    if " and St" in text:
        model = with_saints_pairs(model, rules, text)
    if has_keyword(text, GAMING_WORDS):  # asked once for both: the rules hold only in a text about games
        model = with_titles_by_what_they_do(with_tier_letter_names(model, rules, text), rules, text)
    model = with_organisations_in_context(with_product_variants(with_model_codes(model, rules, text), rules, text),
                                          rules, text, language)
    if language == "en":
        model = with_brands_listed_with_companies(model, rules, text)
    if "owner of" in text or "dono d" in text or "dona d" in text or "donos d" in text:  # (no call a text)
        model = with_brands_of_owners(model, rules, text)
    if language == "en" and ("'s " in text or "’s " in text) and (" its " in text or "reported" in text):
        model = with_missed_companies_of_places(model, rules, text)
    if language == "en" and " its " in text:
        model = with_companies_by_what_they_pay(model, rules, text)
    model = with_companies_named_as_towns(model, rules, text, language)
    model = with_financed_subjects(with_owners_of_its(model, rules, text, language), rules, text, language)
    model = with_fined_and_counted_companies(model, rules, text, language)
    model = with_scorers(with_coaches_of_clubs(model, rules, text, language), rules, text, language)
    model = with_people_after_role_and_body(model, rules, text, language)
    model = with_based_places(with_places_in_places(model, rules, text), rules, text, language)
    model = with_roads(model, rules, text, language)
    if language == "pt":
        model = with_units_of_known_bodies(model, rules, text)
        with_banks_by_their_noun(rules, model, text)
    in_context = has_keyword(text, context_keywords(language))
    if in_context and language == "en":
        model = without_party_members(model, text)
    for start, end, label in names_in_context(text, language) if in_context else ():
        rules.setdefault((start, end, label), Candidate(start, end, label, "rule"))
    # after the names in context, whose organisations keep their label ("analysts at Jefferies and Bernstein")
    model = with_places_listed_with_places(model, rules, text, language)
    known_starts = {c.start for c in rules.values() if c.label != "PRODUCT"}
    people = {c.start for c in rules.values() if c.label == "PER"}
    for name in product_names(by_noun, known_starts, people):
        end_char = end_without_glued_dot(name)
        rules[(name.start_char, end_char, "PRODUCT")] = Candidate(name.start_char, end_char, "PRODUCT", "rule")
        if rules.pop((name.start_char, end_char, "PER"), None):  # a person's name before the noun: the product's
            model = [c for c in model if (c.start, c.end, c.label) != (name.start_char, end_char, "PER")]
    clubs = clubs_named_after_places(text, language) if in_context else set()
    if clubs:
        model = [as_club(piece, clubs, text, language) for c in model for piece in club_and_venue(c, clubs, text)]
        rules = {(c.start, c.end, c.label): c for c in map(functools.partial(as_club, clubs=clubs, text=text,
                                                                             language=language), rules.values())}
        # a club the model missed where a match or the table names it ("Newcastle climbed to sixth after beating
        # Brentford": the model's span over the verb was cut to nothing)
        for start, end in clubs:
            if not any(c.start < end and start < c.end for c in (*model, *rules.values())):
                rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
        for start, end in venues_after_clubs(clubs, text, language):
            if not any(c.start < end and start < c.end for c in (*model, *rules.values())):
                rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
    venues = venues_after_match_verbs(text, language) if in_context else set()
    model = [Candidate(c.start, c.end, "LOC", c.source) if c.label == "PER" and (c.start, c.end) in venues else c
             for c in model]
    model = with_grounds_as_places(with_ports_by_context(model, rules, text, language), rules, text, language)
    model = with_priced_bare_codes(with_sides_of_scores(model, rules, text, language), rules, text, language)
    model = with_roads_by_their_lanes(with_places_between_places(model, text, language), rules, text, language)
    if language == "pt" and " e " in text:
        model = with_surnames_joined_by_e(model, text)
    if language == "pt" and ("os " in text or "Os " in text):
        model = with_acts_after_plural_articles(model, text)
    if language == "en" and has_keyword(text, cricket_keywords()):
        model = with_players_by_their_deeds(model, text)
    if language == "en" and " at " in text:
        model = with_events_parted_from_venues(model, text)
    model = with_people_listed_with_people(with_listed_names_parted(with_national_arms(model, text), text), text)
    return with_sold_and_priced_brands(model, rules, text, language), rules


# An event's name, "at" and its venue in one model span ("the Brazilian Grand Prix at Interlagos", "the Open at
# Royal Troon": one organisation to the model; s53-entities): the event and the venue, a place. No gold span of
# WikiANN-en's train and dev splits holds an event's noun before "at"; a university's campus does ("University of
# Texas at Austin") and stays whole.
EVENT_AT_VENUE = re.compile(rf"(.*?(?:{'|'.join(sorted(EVENT_LAST_WORDS_EN))}|Festival|Trophy|Classic|Masters))"
                            r"[^\S\n]+at[^\S\n]+([A-Z].*)")


def with_events_parted_from_venues(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with a span over an event and its venue (``EVENT_AT_VENUE``) parted into the event, with the model's
    label, and the venue, a place."""
    out = []
    for c in model:
        parts = EVENT_AT_VENUE.fullmatch(text, c.start, c.end) if c.label != "PER" else None
        out += [Candidate(*parts.span(1), c.label, c.source), Candidate(*parts.span(2), "LOC", c.source)] \
            if parts else [c]
    return out


# A band named in Portuguese with "os" and where it will play after "para o" ("confirmou os Arctic Monkeys para o
# Meco": one organisation to the model), and the capitalised words after a band's first word that the model read as a
# person ("os Pearl Jam": "Pearl"); a person takes no plural article (s51-entities2).
ACT_AND_VENUE = re.compile(r"((?:[A-ZÀ-Ý][\w'’&.-]*[^\S\n]*)+?)[^\S\n]+para[^\S\n]+(?:o|a|os|as)[^\S\n]+([A-ZÀ-Ý].*)")
NAME_WORDS_AFTER = re.compile(r"(?:[^\S\n]+[A-ZÀ-Ý][\w'’&-]*)+")


def with_acts_after_plural_articles(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with a span after "os" over a band and its venue (``ACT_AND_VENUE``) parted into the band, an
    organisation, and the place, and a one-word person after "os" grown over the capitalised words after it no span
    covers, an organisation."""
    taken = {c.start for c in model}
    out = []
    for c in model:
        if text[max(c.start - 3, 0):c.start] not in ("os ", "Os ") or (c.start > 3 and text[c.start - 4].isalpha()):
            out.append(c)
        elif c.label == "ORG" and (parts := ACT_AND_VENUE.fullmatch(text, c.start, c.end)):
            out += [Candidate(*parts.span(1), "ORG", c.source), Candidate(*parts.span(2), "LOC", c.source)]
        elif c.label == "PER" and " " not in text[c.start:c.end] and (rest := NAME_WORDS_AFTER.match(text, c.end)) \
                and not any(c.end < start < rest.end() for start in taken):
            out.append(Candidate(c.start, rest.end(), "ORG", c.source))
        else:
            out.append(c)
    return out


# What a cricketer does after their name ("Harshit Rana took three wickets", "Varun Chakravarthy bowled the last
# over": organisations to the model; s51-entities), and a name after such a deed and "and" with its count alone, the
# verb left out ("... took three wickets and Prasidh Krishna two", a place).
PLAYERS_DEED = re.compile(r"[^\S\n]+(?:took|takes|claimed|claims|bowled|bowls|scored|scores|hit|hits|made|makes)"
                          r"(?:[^\S\n]+[\w-]+){0,3}?[^\S\n]+(?:wickets?|runs|century|half-century|fifty|sixes|fours"
                          r"|catches|overs?|maiden)(?![\w-])")
DEED_BEFORE = re.compile(r"(?:wickets?|runs|sixes|catches)[^\S\n]+and[^\S\n]+$")
# ... or a dismissal between two players' names ("Akash Deep bowled Joe Root for a duck", "Akash Deep bowled Zak
# Crawley": organisations to the model; s53-entities): a dismissal's verb right before the batter's name.
DISMISSAL = re.compile(r"[^\S\n]+(?:bowled|dismissed|trapped|removed|stumped)[^\S\n]+")
# (the count ends its clause: "two.", "two as India beat", "two while")
COUNT_AFTER = re.compile(r"[^\S\n]+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
                         r"(?=[^\S\n]*(?:[,.;]|$)|[^\S\n]+(?:as|while|before|after|when)[^\S\n])")


def with_players_by_their_deeds(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with an organisation's or a place's name of two or three words a cricketer's (``could_be_a_player``)
    where a player's deed follows it (``PLAYERS_DEED``), a dismissal (``DISMISSAL``) joins it to a person or another
    such name, or it follows a deed and "and" with a count of its own (``DEED_BEFORE``, ``COUNT_AFTER``); not a team's
    name (a known organisation or place, or one opening with a place: "Mumbai Indians scored 200 runs")."""
    out, people = [], {c.start for c in model if c.label == "PER" or could_be_a_player(c, text)}
    batters = {dismissal.end() for c in model if c.start in people and (dismissal := DISMISSAL.match(text, c.end))
               and dismissal.end() in people}
    for c in model:
        if could_be_a_player(c, text) and (
                PLAYERS_DEED.match(text, c.end) or c.start in batters
                or (dismissal := DISMISSAL.match(text, c.end)) and dismissal.end() in batters
                or DEED_BEFORE.search(text, max(c.start - 20, 0), c.start) and COUNT_AFTER.match(text, c.end)):
            c = Candidate(c.start, c.end, "PER", c.source)
        out.append(c)
    return out


def could_be_a_player(candidate: Candidate, text: str) -> bool:
    """Whether a model's organisation or place may be a cricketer's name: two or three capitalised words, no team's
    (``is_team_name``)."""
    words = text[candidate.start:candidate.end].split() if candidate.label in ("ORG", "LOC") else ()
    return 1 < len(words) < 4 and all(word[:1].isupper() for word in words) and not is_team_name(words)


@functools.cache
def cricket_keywords() -> frozenset[str]:
    """``CRICKET_WORDS`` as the set ``has_keyword`` asks."""
    return frozenset(CRICKET_WORDS)


def is_team_name(words: list[str]) -> bool:
    """Whether a name's words are a known organisation's or place's, a club's (``is_club_name``), or open with a
    place."""
    name = " ".join(words)
    return name in organisation_names() or name in place_names() or words[0] in place_names() \
        or words[0] in town_names() or is_club_name(words)


# The words that open a place's own name of two words before a place ("Nova Lisboa", "Northern Ireland", "Grande
# Lisboa", "County Armagh", "El Salvador"), or a place's, a road's or a venue's own noun ("o bairro Jardim Pantanal",
# entities30; "Avenida Brasil", "na Arena Barueri"): no firm's national arm (``with_national_arms``).
ARM_PLACE_OPENERS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater "
                              "Great New Old Nova Novo Grande Alto Baixo Norte Sul Leste Oeste Santa Santo São San "
                              "Saint St El La Le Los Las County Condado Province Província Port Porto Fort Mount Lake "
                              "Cape Rio Costa Ilha Isla Jardim Vila Parque Bairro Praia Serra Vale Campo Ponta Park "
                              "Garden Bay Arena Estádio Avenida Rua Praça Largo Rodovia Estrada Stadium Avenue Street "
                              "Road Square".split())
# A Portuguese preposition joined to an article before a firm ("da Ageas Portugal"): no person without a given name
# stands there, where an English person's surname may be a city's ("Dinah Washington", WikiANN-en).
ARTICLED_PREPOSITIONS = ("da ", "do ", "na ", "no ", "pela ", "pelo ", "à ", "ao ")


# A brand's one word: no comma after it, which a town's before its state has ("Hastings, Nebraska", WikiANN-en).
BRAND_WORD = re.compile(r"[A-Z][\w&-]*")


@functools.cache
def country_and_city_names() -> frozenset[str]:
    """The countries, regions and cities of the places' gazetteer (``PLACES_FILE``), not the towns' ("Annan")."""
    return frozenset(pattern["pattern"] for pattern in read_patterns(str(PLACES_FILE))
                     if isinstance(pattern["pattern"], str))


def with_national_arms(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with a firm's national arm an organisation: a person or a place of two words, the second a
    gazetteer's country, region or city (``country_and_city_names``) and the first a brand's word (``BRAND_WORD``),
    neither a place, a given name nor a place's opener (``ARM_PLACE_OPENERS``); a person only after a Portuguese
    preposition and article (``ARTICLED_PREPOSITIONS``) ("da Ageas Portugal", a person to the model; "da Mapfre
    Portugal", a place; s51-entities2)."""
    # (two words first, by one count of spaces: most of the model's places are one word)
    arms = {c.start for c in model if (c.label == "LOC" or (c.label == "PER" and text.endswith(
        ARTICLED_PREPOSITIONS, 0, c.start))) and text.count(" ", c.start, c.end) == 1 and is_national_arm(
        text[c.start:c.end])}
    return [Candidate(c.start, c.end, "ORG", c.source) if c.start in arms else c for c in model] if arms else model


def is_national_arm(name: str) -> bool:
    """Whether a name of two words is a firm's and its country's, region's or city's (``with_national_arms``)."""
    first, last = name.split(" ")
    return last in country_and_city_names() and BRAND_WORD.fullmatch(first) is not None \
        and first not in ARM_PLACE_OPENERS and first not in place_names() and first not in all_given_names() \
        and name not in place_names()


# A singular verb of saying after a person (``with_surnames_joined_by_e``): one person spoke.
SINGULAR_SPEAKER_NEXT = re.compile(r",?[^\S\n]+(?:disse|afirmou|explicou|garantiu|referiu|declarou|admitiu|anunciou"
                                   r"|acrescentou|defendeu|sublinhou|frisou|considerou|adiantou|revelou)(?![\w-])")


def with_surnames_joined_by_e(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with a Portuguese person of two words or more, "e" and a person of one word that is no given name
    made one person where a singular verb of saying follows (``SINGULAR_SPEAKER_NEXT``): a surname joined by "e"
    ("Pedro Castro e Almeida disse", two people to the model; s51-entities). Two people take a plural verb."""
    # the people "e" follows, by where the next name would start: one pass, most texts have none
    before_e = {c.end + 3: c for c in model if c.label == "PER" and text.startswith(" e ", c.end)
                and " " in text[c.start:c.end]}
    if not before_e:
        return model
    joined, skip = [], set()
    for second in model:
        first = before_e.get(second.start)
        if first is not None and second.label == "PER" and " " not in text[second.start:second.end] \
                and text[second.start:second.end] not in all_given_names() and SINGULAR_SPEAKER_NEXT.match(text, second.end):
            joined.append(Candidate(first.start, second.end, "PER", first.source, first.score))
            skip.update((id(first), id(second)))
    return [c for c in model if id(c) not in skip] + joined if joined else model


# One capitalised word or an acronym after a place's possessive, before what only a company does: a company's verb
# and "its" later in the sentence ("Japan's Rakuten said it would list its bank") or results reported ("Egypt's
# Fawry and Nigeria's Interswitch both reported record volumes"), maybe after another place's company of a list;
# missed by the English model (s50-entities2, s51-entities). A leader stands there as often ("India's Modi said the
# airport would open"): his sentence has no "its" of his and he reports no results.
_COMPANY_ONLY_NEXT = (r"(?:both[^\S\n]+)?reported(?![\w'’-])|(?:" + "|".join(sorted(COMPANY_CLAUSE_VERBS))
                      + r")(?![\w'’-])[^.!?\n]*?[^\S\n]its[^\S\n]")
COMPANY_AFTER_A_PLACES_POSSESSIVE = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)['’]s[^\S\n]+([A-Z][a-z]+|[A-Z]{2,})(?=[^\S\n]+"
    r"(?:and[^\S\n]+[A-Z][a-z]+['’]s[^\S\n]+[A-Z]\w+[^\S\n]+)?(?:" + _COMPANY_ONLY_NEXT + "))")


@functools.cache
def known_people_words() -> frozenset[str]:
    """The words of the names of ``people.jsonl`` (a leader by his surname: "Britain's Starmer said its")."""
    return frozenset(word for pattern in read_patterns(str(PEOPLE_FILE)) if isinstance(pattern["pattern"], str)
                     for word in pattern["pattern"].split())


def with_missed_companies_of_places(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate],
                                    text: str) -> list[Candidate]:
    """``model`` and ``rules`` with each company after a place's possessive that no candidate holds
    (``COMPANY_AFTER_A_PLACES_POSSESSIVE``) as an organisation: the owner a place the gazetteer knows, the word no
    given name ("Britain's Rachel said" is a person's), no word of a known person's name (``people.jsonl``: "Xi",
    "Starmer") nor a place ("Brazil's Bahia said"). A model's span of the
    owner and the company ("Egypt's Fawry", lost to the gazetteer's place) gives way."""
    for match in COMPANY_AFTER_A_PLACES_POSSESSIVE.finditer(text):
        start, end = match.span(2)
        if match.group(1) not in place_names() or match.group(2) in all_given_names() \
                or match.group(2) in place_names() or match.group(2) in known_people_words():
            continue
        model = [c for c in model if (c.start, c.end) != (match.start(1), end)]
        if not any(c.start < end and start < c.end for c in (*model, *rules.values())):
            rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    return model


# What a listed company pays or answers to and a town does not, after the name's verb and "its" (and maybe one
# adjective): "Zurich raised its interim dividend" (a place by the gazetteer; s50-entities2, s51-entities). A town
# has a budget, revenue and debts, so those nouns are not here.
COMPANY_PAYS_NEXT = re.compile(r"[^\S\n]+[a-z]+[^\S\n]+its[^\S\n]+(?:[a-z]+[^\S\n]+)?"
                               r"(?:dividends?|shareholders|buybacks?|payouts?)(?![\w'’-])")


def with_companies_by_what_they_pay(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate],
                                    text: str) -> list[Candidate]:
    """``model`` and ``rules`` with an English place of one word before a verb and what a company pays
    (``COMPANY_PAYS_NEXT``) made an organisation: a company named like a town ("Zurich", "Santander")."""
    places = {(c.start, c.end) for c in (*model, *rules.values()) if c.label == "LOC"}
    for start, end in places:
        if " " not in text[start:end] and COMPANY_PAYS_NEXT.match(text, end):
            model = with_rule_span(model, rules, start, end, "ORG")
    return model


# What lists two names (``with_brands_listed_with_companies``).
LISTED_WITH_AND = re.compile(r"[^\S\n]+and[^\S\n]+")


def with_brands_listed_with_companies(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                      text: str) -> list[Candidate]:
    """``model`` with an English person of one word joined by "and" to an organisation of one word made an
    organisation ("Sales of Lurpak and Anchor fell": a brand listed with a brand, "Anchor" a person to the model;
    s48-entities-en); not where a pattern knows either name ("for Cork and Clare": the town the model took for an
    organisation lists a place). (A surname of a person the text named in full is
    made a person again after this, by ``later_short_forms``: "Mark Jones ... said Unilever and Jones had parted".)"""
    if " and " not in text:
        return model
    listed = set()
    for first, second in pairwise(sorted(model, key=lambda c: c.start)):
        if {first.label, second.label} != {"ORG", "PER"} or not LISTED_WITH_AND.fullmatch(text, first.end, second.start):
            continue
        if " " not in text[first.start:first.end] + text[second.start:second.end] \
                and not any(start < c.end and c.start < end for start, end, _ in rules for c in (first, second)):
            listed.add(first if first.label == "PER" else second)
    return [Candidate(c.start, c.end, "ORG", c.source) if c in listed else c for c in model]


# An artist's surname (or two names) between a lowercase word and the noun of their works ("two Turner seascapes", an
# organisation with the noun to the model; "a Hockney portrait", a place; "Banksy prints", missed; s47-entities2): a
# person. Not a demonym, a place or an organisation the gazetteers know, nor a word that is no name ("French
# paintings"), nor the model's place of the name alone ("Venice watercolours") but before a portrait, which shows a
# person, not a place ("A Hockney portrait of his parents sold", a place to the model; s48-entities-en). The name may
# follow a sentence's opening article.
ARTWORK_NOUNS = frozenset("painting paintings portrait portraits seascape seascapes landscape landscapes prints "
                          "sculpture sculptures drawing drawings watercolour watercolours watercolor watercolors "
                          "etching etchings mural murals".split())
PORTRAIT_NOUNS = frozenset(("portrait", "portraits"))
ARTIST_BEFORE_WORKS = re.compile(
    r"(?:(?<=[a-z,][^\S\n])|(?<=^A[^\S\n])|(?<=^An[^\S\n])|(?<=[.!?\n][^\S\n]A[^\S\n])|(?<=[.!?\n][^\S\n]An[^\S\n]))"
    rf"([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)[^\S\n]+({'|'.join(ARTWORK_NOUNS)})(?![\w-])")


def with_artists_before_their_works(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                                    ) -> list[Candidate]:
    """``model`` without its spans over an artist's name before their works' noun (``ARTIST_BEFORE_WORKS``), which
    ``rules`` gets as a person."""
    if not has_keyword(text, ARTWORK_NOUNS):
        return model
    known = not_names() | word_list(DEMONYMS_FILE) | place_names() | organisation_names()
    places = {(c.start, c.end) for c in model if c.label == "LOC"}
    for match in ARTIST_BEFORE_WORKS.finditer(text):
        start, end = match.span(1)
        if ((start, end) in places and match.group(2) not in PORTRAIT_NOUNS) \
                or any(word in known for word in match.group(1).split()):
            continue
        rules[(start, end, "PER")] = Candidate(start, end, "PER", "rule")
        model = [c for c in model if c.end <= start or end <= c.start]
    return model


# A model span's last word in capitals, one to three letters, and the rest of the word it makes with a slash ("Google
# I/O", whose "Google I" was a person to the model; s47-entities2); not two names a slash joins ("Leeds/Bradford").
SLASHED_ACRONYM_REST = re.compile(r"(?<![\w/])[A-Z]{1,3}(/[A-Z0-9]{1,3})+(?![\w/])")


def with_slashed_words_whole(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with each span that stops inside an acronym joined by a slash run on to its end ("Google I/O"); no
    person's name holds a slash, so a person's becomes an organisation's (an event or a company named after one)."""
    whole = []
    for candidate in model:
        rest = SLASHED_ACRONYM_REST.match(text, max(text.rfind(" ", 0, candidate.end) + 1, candidate.start))
        if rest is None or rest.start(1) != candidate.end:
            whole.append(candidate)
        else:
            label = "ORG" if candidate.label == "PER" else candidate.label
            whole.append(Candidate(candidate.start, rest.end(), label, candidate.source, candidate.score))
    return whole


# A Portuguese match's verb, then "no"/"na" and a ground's capitalised words ("o Casa Pia perdeu no Joaquim de Almeida
# Freitas": a stadium named after a person, a person to the model).
VENUE_AFTER_MATCH_VERB = re.compile(
    opening("venceu|vence|perdeu|perde|empatou|empata|goleou|jogou|joga|jogará", r"\S") + r"[^\S\n]+n[oa][^\S\n]+"
    r"([A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*)*)")


def venues_after_match_verbs(text: str, language: str) -> set[tuple[int, int]]:
    """Where a Portuguese match was played, right after its verb (``VENUE_AFTER_MATCH_VERB``): the grounds' starts
    and ends. No person is won or lost "no" ("perdeu no Joaquim de Almeida Freitas")."""
    if language != "pt":
        return set()
    return {match.span(1) for match in VENUE_AFTER_MATCH_VERB.finditer(text)}


def venues_after_clubs(clubs: set[tuple[int, int]], text: str, language: str) -> list[tuple[int, int]]:
    """Where a Portuguese match's club plays, "em"/"no"/"na" and a place's capitalised words right after it
    (``VENUE_AFTER_CLUB``: "enfrenta o Grêmio em Itaquera", missed by the model): the places' starts and ends."""
    if language != "pt":
        return []
    return [venue.span(1) for venue in (VENUE_AFTER_CLUB.match(text, end) for _, end in clubs) if venue is not None]


# Where a match was played (the group "ground"): "at" and a ground's capitalised words after a score or a match's verb
# and a club ("beat Aston Villa 3-1 at Villa Park", "meet Rangers at Hampden Park", "lost 2-0 to Hibernian at
# Tynecastle"), or "no"/"na"/"em" after a Portuguese score ("por 2 a 0 no Mineirão", "por 3-1 no Estádio José
# Alvalade"): organisations to the model (s48-entities). A ground is a place; its club is the organisation. WikiANN
# labels a stadium's title ORG (46 of 54 "Estádio" in its Portuguese dev), but its titles hold no match around them.
_GROUND = r"[A-ZÀ-Ý][\w'’-]*(?:[^\S\n]+[A-ZÀ-Ý][\w'’-]*){0,3}"
_SCORE = r"\d{1,2}[^\S\n]*(?:[-–x]|a)[^\S\n]*\d{1,2}(?![\w.,]\d)"
# The side a score was drawn with or lost to may stand between it and the ground ("drew 1-1 with Brighton at St
# James' Park", "perdeu por 2 a 1 para o Ceará no Castelão": one organisation, or a place and an organisation, to the
# model; s48-entities2); a Portuguese name's word may be an initial ("Estádio D. Afonso Henriques").
_PT_NAME_WORD = r"(?:[A-Z]\.(?=[^\S\n]+[A-ZÀ-Ý])|[A-ZÀ-Ý][\w-]*)"
_PT_CLUB = rf"{_PT_NAME_WORD}(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?{_PT_NAME_WORD}){{0,2}}"
GROUND_AFTER_MATCH = {
    "en": re.compile(rf"(?:{_SCORE}(?:[^\S\n]+(?:to|with|against)[^\S\n]+({_GROUND}))?|"
                     rf"{opening('beat|beats|meet|meets|face|faces|host|hosts|play|plays|played|drew with|lost to')}"
                     rf"[^\S\n]+({_GROUND})(?:[^\S\n]+{_SCORE})?)[^\S\n]+at[^\S\n]+(?P<ground>{_GROUND})"),
    "pt": re.compile(rf"{_SCORE}(?:[^\S\n]+(?:(?:para|com|contra)[^\S\n]+[oa]|diante[^\S\n]+d[oa])[^\S\n]+"
                     rf"({_PT_CLUB}))?[^\S\n]+(?:n[oa]|em)[^\S\n]+"
                     rf"(?P<ground>{_PT_NAME_WORD}(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?{_PT_NAME_WORD}){{0,3}})"),
}


# The heads of a competition's name, which a score may be before too ("por 3 a 1 na Superliga", "no Brasileirão"),
# and an acronym is a league's ("por 88 a 80 no NBB"): no ground.
COMPETITION_HEADS = frozenset("Liga Superliga Copa Taça Série Campeonato Brasileirão Libertadores Champions Premier "
                              "League Cup Championship Serie".split())


def is_ground_name(name: str) -> bool:
    """Whether the words after a match's "at"/"no" may name its ground: no competition (``COMPETITION_HEADS``)."""
    return not name.isupper() and name.split()[0] not in COMPETITION_HEADS


MATCH_VERBS_EN = frozenset("beat beats meet meets face faces host hosts play plays played drew lost".split())


def is_match_report(text: str, language: str) -> bool:
    """Whether ``text`` may name a match's ground (``GROUND_AFTER_MATCH``): a score's digit, or in English "at" and a
    match's verb; a cheap gate before the regex."""
    if language == "pt":
        return DIGIT.search(text) is not None
    return " at " in text and (DIGIT.search(text) is not None or has_keyword(text, MATCH_VERBS_EN))


def with_grounds_as_places(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                           language: str) -> list[Candidate]:
    """``model`` with each ground where a match was played (``GROUND_AFTER_MATCH``) a place, its organisation's or
    person's span relabelled (and cut to it where it runs on over lowercase words: "Turf Moor on Saturday"), and in
    English the match's sides clubs (``match_sides``): a side's place or person
    relabelled, a span over a side and the ground parted ("Hibernian at Easter Road", one place to the model);
    ``rules`` likewise, and a ground nothing found gets a rule's place."""
    pattern = GROUND_AFTER_MATCH.get(language)
    if pattern is None or not is_match_report(text, language):
        return model
    matches = list(pattern.finditer(text))
    if not matches:
        return model
    grounds = {match.span("ground") for match in matches if is_ground_name(match.group("ground"))}
    sides, over_grounds = match_sides(matches, text, language)
    ground_ends = dict(grounds)
    relabelled = []
    for c in model:
        if c.start in ground_ends and c.end >= ground_ends[c.start]:  # the model's span may run on ("on Saturday")
            c = Candidate(c.start, ground_ends[c.start], "LOC", c.source, c.score)
        elif (c.start, c.end) in sides and c.label in ("LOC", "PER"):
            c = Candidate(c.start, c.end, "ORG", c.source, c.score)
        elif (c.start, c.end) in over_grounds:  # a side and its ground in one span
            (_, side_end), (ground_start, _) = over_grounds[(c.start, c.end)]
            relabelled.append(Candidate(c.start, side_end, "ORG", c.source, c.score))
            c = Candidate(ground_start, c.end, "LOC", c.source, c.score)
        relabelled.append(c)
    for key in [key for key in rules if key[:2] in grounds and key[2] != "LOC"]:
        del rules[key]
    for key in [key for key in rules if key[:2] in sides and key[2] in ("LOC", "PER")]:
        rules[(*key[:2], "ORG")] = Candidate(*key[:2], "ORG", rules.pop(key).source)
    for start, end in grounds:
        if not any(c.start < end and start < c.end for c in (*relabelled, *rules.values())):
            rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
    return relabelled


# The home side before a match's verb or its score ("Dundee lost 3-1 to", "Everton will face": places to the model).
HOME_SIDE = re.compile(rf"(?<![\w'’-])({_GROUND})[^\S\n]+(?:(?:will|could|would|can)[^\S\n]+)?"
                       r"(?:(?:lost|won|drew)[^\S\n]+)?$")


def match_sides(matches: list[re.Match[str]], text: str, language: str
                ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], tuple[tuple[int, int], tuple[int, int]]]]:
    """The sides of matches (``GROUND_AFTER_MATCH``; in English the home side too, ``HOME_SIDE``), and the spans
    that run from the side right before the ground's preposition over the ground, each with the side and the
    ground."""
    sides, over_grounds = set(), {}
    for match in matches:
        home = HOME_SIDE.search(text, max(match.start() - 60, 0), match.start()) if language == "en" else None
        if home is not None:
            sides.add(home.span(1))
        away = next((match.span(group) for group in range(1, match.re.groupindex["ground"])
                     if match.start(group) >= 0), None)
        if away is not None:
            sides.add(away)
            if GROUND_PREPOSITION.fullmatch(text, away[1], match.start("ground")):
                over_grounds[(away[0], match.end("ground"))] = (away, match.span("ground"))
    return sides, over_grounds


# The sides a match's verb and its score name, a ground after them or not ("Gil Vicente venceu o Arouca por 2-0",
# "Sheffield Wednesday drew 1-1 with Preston": a person, or missed, to the model; s49-entities): clubs. A person
# beats a person by a score too ("Sinner beat Zverev 6-3", "Littler beat Humphries 7-3"), so only a place is
# relabelled in English; in Portuguese a person too, since the second side follows its article ("venceu o Arouca"),
# which a person's name seldom has in the news. A side nothing found gets a rule's club.
SIDES_OF_A_SCORE = {
    "pt": re.compile(rf"(?<![\w-])(?:[OA][^\S\n]+)?({_PT_CLUB})[^\S\n]+(?:venceu|bateu|goleou|derrotou"
                     rf"|empatou[^\S\n]+com|perdeu[^\S\n]+para)[^\S\n]+[oa][^\S\n]+({_PT_CLUB})[^\S\n]+"
                     rf"(?:por[^\S\n]+)?{_SCORE}"),
    "en": re.compile(rf"(?<![\w'’-])({_GROUND})[^\S\n]+(?:(?:beat|drew[^\S\n]+with|lost[^\S\n]+to)[^\S\n]+"
                     rf"({_GROUND})[^\S\n]+{_SCORE}|(?:drew|lost|won)[^\S\n]+{_SCORE}[^\S\n]+(?:with|to|against)"
                     rf"[^\S\n]+({_GROUND}))"),
}
# Every match of SIDES_OF_A_SCORE holds one of these between spaces (``has_keyword``, cheaper than the regex).
SCORE_VERBS = frozenset("venceu bateu goleou derrotou empatou perdeu beat drew lost won".split())
RELABELLED_SIDES = {"pt": ("PER", "LOC"), "en": ("LOC",)}
# A tennis match's score: two sets or more (six games to four or fewer, seven to five or six, either way round), or
# one set won seven games to five or six. Its sides are players ("Sinner beat Zverev 6-3 6-4", "Swiatek lost to
# Sabalenka 4-6 3-6": organisations to the rule of clubs; s49-entities2); football has one score ("Leeds beat Hull
# 6-3"), seldom 7-5.
_SET = r"(?:6[-–][0-4]|[0-4][-–]6|7[-–][56]|[56][-–]7)"
SET_SCORE = re.compile(rf"(?<![\d.,])(?:{_SET}(?:,?[^\S\n]+{_SET})+|7[-–][56]|[56][-–]7)(?![\d.,]?\d)")
SETS_AFTER = 24  # characters after a match's first set that its next sets take ("6-7 (5-7) 7-5 6-4")
SIDE_RELABELLED = {"PER": ("ORG", "LOC"), "ORG": ("PER", "LOC")}


def with_sides_of_scores(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                         language: str) -> list[Candidate]:
    """``model`` with the sides of a score (``SIDES_OF_A_SCORE``) clubs, or players in English by a set's score
    (``SET_SCORE``): a span over one side alone relabelled (``RELABELLED_SIDES``; a player's organisation or place),
    and a side no span covers a rule's club or player."""
    pattern = SIDES_OF_A_SCORE.get(language)
    if pattern is None or not has_keyword(text, SCORE_VERBS) or DIGIT.search(text) is None:
        return model
    sides = {}
    for match in pattern.finditer(text):
        # the match holds the first set's score; the next ones follow it
        players = language == "en" and SET_SCORE.search(text, match.start(), match.end() + SETS_AFTER) is not None
        sides.update((side, "PER" if players and text[slice(*side)] not in organisation_names() else "ORG")
                     for side in map(without_opening_words, match.groups(), match.regs[1:]) if side is not None)
    if not sides:
        return model
    relabelled = {"ORG": RELABELLED_SIDES[language], "PER": SIDE_RELABELLED["PER"]}
    model = [Candidate(c.start, c.end, label, c.source, c.score)
             if (label := sides.get((c.start, c.end))) and c.label in relabelled[label] else c for c in model]
    for key in [key for key in rules if key[:2] in sides and key[2] in relabelled[sides[key[:2]]]]:
        label = sides[key[:2]]
        rules[(*key[:2], label)] = Candidate(*key[:2], label, rules.pop(key).source)
    for (start, end), label in sides.items():
        if is_uncovered([*model, *rules.values()], start, end):
            rules[(start, end, label)] = Candidate(start, end, label, "rule")
    return model


def without_opening_words(name: str | None, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of a side's name after the words that open a sentence and are no names (``opening_words``: "On
    Tuesday Sheffield Wednesday drew"), or None where no name is left or the side was not matched."""
    if name is None:
        return None
    for word in re.finditer(r"\S+", name):
        if word.group() not in opening_words():
            return span[0] + word.start(), span[1]
    return None


GROUND_PREPOSITION = re.compile(r"[^\S\n]+(?:at|n[oa]|em)[^\S\n]+")


# A port by what the sentence does with it (s48-entities): after a preposition of where a ship is or goes ("near the
# Port of Rotterdam", "stuck at the Port of Santos") a place; before a reporting verb ("The Port of Rotterdam said") its
# authority, an organisation. The model reads both one way; with neither around, its label stays.
# In Portuguese "o Porto de Lisboa anunciou" (a place to the model, s48-entities2) and "no Porto de Santos" likewise.
PORT_NAME = {
    "en": re.compile(r"(?<![\w-])Port[^\S\n]+of[^\S\n]+[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*)?"),
    "pt": re.compile(r"(?<![\w-])Porto[^\S\n]+d[eo][^\S\n]+[A-ZÀ-Ý][\w'’-]*(?:[^\S\n]+[A-ZÀ-Ý][\w'’-]*)?"),
}
PORT_WORDS = {"en": "Port of", "pt": "Porto d"}
PORT_AS_PLACE = {
    "en": re.compile(opening("near|at|in|into|off|outside|to|from|towards|leaving|entering")
                     + r"[^\S\n]+the[^\S\n]+$"),
    "pt": re.compile(opening(r"no|ao|do|pelo|para[^\S\n]+o|junto[^\S\n]+ao|perto[^\S\n]+do|até[^\S\n]+ao")
                     + r"[^\S\n]+$"),
}
PORT_AS_AUTHORITY = {
    "en": re.compile(r"[^\S\n]+(?:has[^\S\n]+|had[^\S\n]+)?(?:said|says|announced|reported|expects|warned"
                     r"|plans|confirmed)(?![\w-])"),
    "pt": re.compile(r"[^\S\n]+(?:anunciou|anuncia|informou|informa|disse|diz|afirmou|afirma|confirmou|confirma"
                     r"|prevê|previu|garantiu|garante|comunicou|alertou|avisou|espera|planeia|planeja)(?![\w-])"),
}

# A port's name inside an organisation's ("Administração do Porto de Lisboa", "Authority of the Port of Dover").
PORT_IN_A_NAME = re.compile(r"[A-ZÀ-Ý][\w-]*[^\S\n]+(?:d[oa]|of[^\S\n]+the)[^\S\n]+$")


def with_ports_by_context(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                          language: str) -> list[Candidate]:
    """``model`` and ``rules`` with each "Port of ..." or "Porto de ..." (``PORT_NAME``) one span labelled by its
    context (``PORT_AS_PLACE``, ``PORT_AS_AUTHORITY``), over the spans that overlap it."""
    if language not in PORT_NAME or PORT_WORDS[language] not in text:
        return model
    for match in PORT_NAME[language].finditer(text):
        start, end = match.span()
        if "Authority" in match.group() or text.startswith(" Authority", end) \
                or PORT_IN_A_NAME.search(text, max(start - 40, 0), start):
            continue  # "Port of Rotterdam Authority", "Administração do Porto de Lisboa": an organisation's own name
        if PORT_AS_AUTHORITY[language].match(text, end):
            label = "ORG"
        elif PORT_AS_PLACE[language].search(text, max(start - 20, 0), start):
            label = "LOC"
        else:
            continue
        model = with_rule_span(model, rules, start, end, label)
    return model


def overlaps_a_rules_name(rules: Mapping[tuple[int, int, str], Candidate], start: int, end: int) -> bool:
    """Whether a rule's organisation or place overlaps ``start:end`` (a name a product's rule leaves alone)."""
    return any(c.start < end and start < c.end and c.label in ("ORG", "LOC") for c in rules.values())


def with_rule_span(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], start: int, end: int,
                   label: str) -> list[Candidate]:
    """``model`` without its spans over ``start:end``, which ``rules`` gets as a rule's ``label`` in place of the
    rules over it."""
    for key in [key for key in rules if key[0] < end and start < key[1]]:
        del rules[key]
    rules[(start, end, label)] = Candidate(start, end, label, "rule")
    return [c for c in model if c.end <= start or end <= c.start]


# A chip maker's manufacturing process by its code, after the maker's possessive or "its" and before "process" or
# "node" ("Intel's 14A process": missed; "TSMC's A16 node": an organisation to the model; s52-acceptance), or in
# Portuguese after "processo" or "nó" and before "da"/"do" ("o processo 18A da Intel", "o nó N2 da empresa"): a product, as the
# chips made on it are. A code of one or two digits with a capital ("its 2025 process", "its 3 nm node" stay unnamed).
_PROCESS_CODE = r"(?=\w*[A-Z])([A-Z]{0,2}\d{1,2}[A-Z]{0,2})(?![\w.-])"
CHIP_PROCESS = re.compile(
    rf"(?:['’]s|(?<![\w-])its)[^\S\n]+{_PROCESS_CODE}[^\S\n]+(?:process|node)(?:es|s)?(?![\w-])"
    rf"|(?<![\w-])(?:processo|nó)[^\S\n]+{_PROCESS_CODE}[^\S\n]+d[aeo][^\S\n]")
CHIP_PROCESS_WORDS = ("process", "node", "processo", "nó")


def with_chip_processes(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                        ) -> list[Candidate]:
    """``model`` without its spans over a chip maker's process (``CHIP_PROCESS``), which ``rules`` gets as a
    product."""
    if not contains_any(text, CHIP_PROCESS_WORDS):  # the words first: re tries the regex at every word
        return model
    for match in CHIP_PROCESS.finditer(text):
        group = 1 if match.start(1) >= 0 else 2
        model = with_rule_span(model, rules, *match.span(group), "PRODUCT")
    return model


# A machine's name of two or three words closed by an acronym, before a machine's noun ("two High-NA EUV machines",
# "its first High-NA EUV scanner": an organisation to the model; s52-entities2, s53-entities): a product. Only such a
# name: a political machine is named by a place or a hall ("the Tammany Hall machine"), and a lone acronym is more
# often its maker's ("an ASML scanner").
MACHINE_NAME_BEFORE_NOUN = re.compile(
    r"[^\S\n]+(?:machines?|scanners?|lithography|litografia)(?![\w-])")


def with_machines_by_their_noun(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with an organisation's name of two or three words ending in an acronym a product where a machine's
    noun follows it (``MACHINE_NAME_BEFORE_NOUN``); a known organisation's or place's name stays (the caller screens
    the text for a machine's noun)."""
    out = []
    for c in model:
        words = text[c.start:c.end].split() if c.label == "ORG" else ()
        if 1 < len(words) < 4 and words[-1].isupper() and words[-1].isalpha() and 1 < len(words[-1]) < 6 \
                and MACHINE_NAME_BEFORE_NOUN.match(text, c.end) and not is_team_name(words):
            c = Candidate(c.start, c.end, "PRODUCT", "rule")
        out.append(c)
    return out


# Two possessive names joined by "and", the second a saint's ("Guy's and St Thomas'", "King's and St Mary's": a
# hospital trust named after its hospitals, split in two or missed by the model; s52-entities, s53-entities): one
# organisation, with its trust's words ("Guy's and St Thomas' NHS Foundation Trust"). A saint's name closed by a
# possessive names a hospital, a church or a school, not a person.
SAINTS_PAIR = re.compile(r"(?<![\w-])[A-Z][a-z]+['’]s?[^\S\n]+and[^\S\n]+St\.?[^\S\n]+[A-Z][a-z]+(?:['’]s|['’](?<=s['’]))"
                         r"(?:[^\S\n]+(?:NHS|Foundation|Trust|Hospitals?|Charity))*(?![\w-])")


def with_saints_pairs(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                      ) -> list[Candidate]:
    """``model`` without its spans over a pair of possessive names (``SAINTS_PAIR``), which ``rules`` gets as one
    organisation (the caller screens the text for " and St")."""
    for match in SAINTS_PAIR.finditer(text):
        model = with_rule_span(model, rules, *match.span(), "ORG")
    return model


# A brand after "the owner of", apposed to its owner's name ("Inditex, the owner of Zara, opened", "Fast Retailing, the
# owner of Uniqlo,": a place to the model; s52-entities): an organisation, unless a gazetteer or a rule names it. Also
# after "co-owner"/"former owner" or Portuguese "dono do" ("John Textor, dono do Botafogo e do Lyon"), and two names
# joined by "and"/"e" (s53-entities). A person owns places too ("Lord Bath, the owner of Longleat"): after a person
# the brand is a club only where the text speaks of one ("Todd Boehly, the co-owner of Chelsea, ... the club") or
# the other owned name is an organisation.
_OWNED_NAME = r"[A-Z][\w&'’-]*(?:[^\S\n]+[A-Z][\w&'’-]*){0,2}"
BRAND_OF_AN_OWNER = re.compile(
    r",[^\S\n]+(?:the[^\S\n]+(?:(?:co-|former[^\S\n]+|majority[^\S\n]+)?owners?)[^\S\n]+of"
    r"|(?:o[^\S\n]+|a[^\S\n]+)?(?:co-?)?don[oa]s?[^\S\n]+d[oa]s?)[^\S\n]+"
    rf"({_OWNED_NAME})(?:[^\S\n]+(?:and|e)[^\S\n]+(?:(?:the|d[oa]s?)[^\S\n]+)?({_OWNED_NAME}))?(?=[,;)])")
CLUB_WORDS = ("club", "clube")


def with_brands_of_owners(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                          ) -> list[Candidate]:
    """``model`` with the places ``BRAND_OF_AN_OWNER`` finds after an owner's name made organisations: after an
    organisation, after a person in a text about a club (``CLUB_WORDS``), or beside an owned organisation (the caller
    screens the text for an owner's words)."""
    for match in BRAND_OF_AN_OWNER.finditer(text):
        every = [*model, *rules.values()]
        owner = next((c.label for c in every if c.end == match.start()), None)
        owned = [match.span(group) for group in (1, 2) if match.start(group) >= 0]
        beside_an_organisation = any(c.label == "ORG" and (c.start, c.end) in owned for c in every)
        if owner == "ORG" or beside_an_organisation or owner == "PER" and contains_any(text, CLUB_WORDS):
            model = [Candidate(c.start, c.end, "ORG", c.source)
                     if c.label == "LOC" and (c.start, c.end) in owned and not overlaps_a_rules_name(rules, c.start, c.end)
                     else c for c in model]
    return model


# A Portuguese bank by its capitalised noun and a name in capitals ("o Banco BAI financia a obra": missed by the model,
# where "Banco BIC" was found; s52-entities): the bank, where nothing else is named.
BANK_BY_ITS_NOUN = re.compile(r"(?<![\w-])Banco[^\S\n]+[A-Z]{2,6}(?![\w-])")


def with_banks_by_their_noun(rules: dict[tuple[int, int, str], Candidate], model: list[Candidate], text: str) -> None:
    """Add to ``rules`` each bank ``BANK_BY_ITS_NOUN`` finds that no candidate overlaps, an organisation."""
    if "Banco " not in text:
        return
    named = [(c.start, c.end) for c in [*model, *rules.values()]]
    for match in BANK_BY_ITS_NOUN.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in named):
            rules[(*match.span(), "ORG")] = Candidate(*match.span(), "ORG", "rule")


# A model's bare code after a determiner ("cut the price of the B570", "o A36 chega às lojas", "com o G86"): capitals
# and two to four digits, in a text that gives a price: products (s49-entities: missed, or organisations to the
# model). Not in a text about roads ("the A14 was shut", ``ROAD_WORDS``; a Portuguese road takes a feminine article:
# "a A28"), nor a quarter, a half, Formula One or a code a gazetteer knows ("the G20 pledged $50 billion").
# A line's letters may stand apart from its number, and a tier's capitals may close it ("the RX 9060 XT").
_BARE_CODE = (r"[^\S\n]+((?!Q[1-4]|H[12]|F1)[A-Z]{1,2}\d{2,4}[a-z]?"
              r"|[A-Z]{2,3}[^\S\n]\d{3,5}(?:[^\S\n][A-Z]{1,3}(?![\w-]))?)(?![\w-])")
# A road's code after a preposition of place and "the" ("close to the A660", "off the M62") is none.
BARE_CODE = {
    "en": re.compile(r"(?<!to )(?<!near )(?<!off )(?<!on )(?<!along )(?<!onto )(?<!via )(?<!from )(?<!by )"
                     + opening("the|The") + _BARE_CODE),
    "pt": re.compile(opening("o|O|do|no|ao|pelo|um") + _BARE_CODE),
}
PRICE = re.compile(r"(?:[£$€]|R\$)[^\S\n]?\d")
# ... screened first by its symbols: ``in`` finds none in most texts at a tenth of the regex's search.
PRICE_SYMBOLS = "$£€"


def with_priced_bare_codes(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                           language: str) -> list[Candidate]:
    """``model`` without its spans over a bare code (``BARE_CODE``) in a text that gives a price (``PRICE``), which
    ``rules`` gets as a product; a code inside a longer name stays that name's."""
    pattern = BARE_CODE.get(language)
    if pattern is None or not contains_any(text, PRICE_SYMBOLS) or PRICE.search(text) is None \
            or (language == "en" and has_keyword(text, ROAD_WORDS)):
        return model
    for match in pattern.finditer(text):
        start, end = match.span(1)
        spans = [(c.start, c.end) for c in (*model, *rules.values()) if c.start < end and start < c.end]
        if all(span == (start, end) for span in spans) and match.group(1) not in organisation_names() \
                and match.group(1) not in place_names():
            model = with_rule_span(model, rules, start, end, "PRODUCT")
    return model


# Two places after "entre"/"between", joined by "e"/"and" ("entre São Bernardo do Campo e Cubatão", one place to the
# model; s49-entities): a stretch between two places, each its own name; not a place whose name holds the joiner
# ("between Bosnia and Herzegovina", which the gazetteer knows).
BETWEEN_PLACES = {"pt": ("entre ", " e "), "en": ("between ", " and ")}


def with_places_between_places(model: list[Candidate], text: str, language: str) -> list[Candidate]:
    """``model`` with a place right after "entre"/"between" that holds one "e"/"and" and a capital after it
    (``BETWEEN_PLACES``) parted in two places."""
    opener, joiner = BETWEEN_PLACES.get(language, ("", ""))
    if not opener or (opener not in text and opener.capitalize() not in text):
        return model
    after_opener = {c.start for c in model if c.label == "LOC" and text[c.start - len(opener):c.start].lower() == opener}
    if not after_opener:
        return model
    parted = []
    for c in model:
        joint = text.find(joiner, c.start, c.end)
        if c.label == "LOC" and joint > c.start and c.start in after_opener \
                and text.count(joiner, c.start, c.end) == 1 and text[joint + len(joiner)].isupper() \
                and text[c.start:c.end] not in place_names():
            parted += [Candidate(c.start, joint, "LOC", c.source, c.score),
                       Candidate(joint + len(joiner), c.end, "LOC", c.source, c.score)]
        else:
            parted.append(c)
    return parted


# A Portuguese road by what it has: lanes closed, stretches, queues ("a Imigrantes terá faixas interditadas", missed
# by the model; s49-entities): a place. Its operator takes the same article, but speaks or acts ("a Ecovias
# informou", "a Ecovias interditou"), and stays an organisation.
ROAD_BY_ITS_LANES = re.compile(
    rf"{opening('a|na|pela')}[^\S\n]+{_ARTICLE_NAME}[^\S\n]+(?:terá|tem|teve|está[^\S\n]+com|ficará[^\S\n]+com"
    r"|segue[^\S\n]+com|registra|registrou|registou)[^\S\n]+(?:\w+[^\S\n]+)?(?:faixas?|pistas?|trechos?|lentidão"
    r"|congestionamentos?|filas?|bloqueios?|interdições|interdição)(?![\w-])")
# Every match of ROAD_BY_ITS_LANES holds one of these between spaces (``has_keyword``, cheaper than the regex).
LANE_WORDS = frozenset("faixa faixas pista pistas trecho trechos lentidão congestionamento congestionamentos fila filas "
                       "bloqueio bloqueios interdição interdições".split())


def with_roads_by_their_lanes(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                              language: str) -> list[Candidate]:
    """``model`` with each road a Portuguese sentence gives lanes or queues (``ROAD_BY_ITS_LANES``) a place: the
    model's organisation or person on its words relabelled, or a rule's place where nothing covers them."""
    if language != "pt" or not has_keyword(text, LANE_WORDS):
        return model
    for match in ROAD_BY_ITS_LANES.finditer(text):
        start, end = match.span(1)
        if is_uncovered([*model, *rules.values()], start, end):
            rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
        else:
            model = [Candidate(start, end, "LOC", c.source, c.score) if (c.start, c.end) == (start, end) else c
                     for c in model]
    return model


# A person's full name joined by "and"/"e" to an organisation of two or three plain capitalised words ("Bukayo Saka
# and Eberechi Eze combined": a name of no English or Portuguese origin, an organisation to the model; s49-entities):
# a person, as the list shows. Not a name a gazetteer knows or one with a company's or an institution's word ("Morgan
# Stanley and Jamie Dimon", "Joby Aviation", "the Mayo Clinic and Eric Topol").
PERSON_JOINER = re.compile(r"[^\S\n]+(?:and|e)[^\S\n]+")
INSTITUTION_WORDS = frozenset("Clinic Hospital University College School Council Trust Bank Institute Foundation Society "
                              "Association Agency Authority Commission Committee Ministry Department Office Service "
                              "Court Club Party Union Church Museum Center Centre Fund Board Company Press News".split())


# Two names a list joins that the model read as one ("Stagecoach and Arriva will run", "Primark and Next both beat",
# "a Renner e a Riachuelo perderam": one organisation or one person; s50-entities): one to three capitalised words on
# each side of "and"/"e", a "both" after them the model took in too ...
_LISTED_PART = r"[A-ZÀ-Ý][\w&'’.-]*(?:[^\S\n]+[A-ZÀ-Ý][\w&'’.-]*){0,2}"
_TOGETHER = r"both|jointly|ambos|ambas"
LISTED_NAMES = re.compile(rf"({_LISTED_PART})[^\S\n]+(?:and|e)[^\S\n]+({_LISTED_PART})(?:[^\S\n]+(?:{_TOGETHER}))?")
# ... as the verb after them shows: a plural's or a past one, or a "both" (WikiANN's titles of works, bands and
# railways, "Angels and Airwaves", "Boston and Maine Railroad", one name each, seldom stand before a verb: without
# this its held-out dev's ORG F1 fell 0.795 -> 0.788 in Portuguese and 0.668 -> 0.660 in English).
PLURAL_SUBJECTS_VERB = re.compile(
    rf"[^\S\n]+(?:(?:{_TOGETHER}|will|would|could|can|may|must|should|are|were|have|had|say|said|kept|won|lost|beat|"
    r"sold|made|took|led|ran|told|grew|fell|rose|[a-z]+ed|[a-zà-ú]+(?:am|ão|êm))(?![\w'’-]))")
# The nouns of a firm named after its partners or family ("Smith and Sons", "Ferreira e Filhos"): one name.
PARTNER_NOUNS = frozenset("Son Sons Co Co. Company Partners Associates Brothers Daughters Filhos Irmãos Cia".split())
# What a public body's name says it is for, joined by "and" in the name ("UK Research and Innovation", "Competition
# and Markets Authority", "Fire and Rescue Service": one body each, parted by s50-entities' first try).
REMIT_WORDS = frozenset("Research Innovation Markets Competition Technology Media Sport Arts Sciences Skills Standards "
                        "Conservation Wildlife Heritage Planning Communications Employment Pensions Welfare Rescue "
                        "Safety Resources Tourism Fisheries Food Drug Drugs Exchange Securities Pesquisa Inovação "
                        "Ciência Tecnologia Saúde Cultura Desporto Esporte Turismo Comércio Indústria".split())


def with_listed_names_parted(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with each organisation or person that is two names a list joins (``LISTED_NAMES``) before a plural's
    verb (``PLURAL_SUBJECTS_VERB``; or the "both" inside it), or an organisation with a side the gazetteer knows
    (``has_a_known_company``), parted in two of its label. Not a name the gazetteers
    know ("Slaughter and May", "Procter and Gamble", "Bosnia and Herzegovina"), a name with a lowercase word inside
    ("Centers for Disease Control and Prevention": no match) or a body's word (``body_name_words``: "Competition and
    Markets Authority"), one name twice ("Johnson and Johnson") or a firm's partner noun ("Smith and Sons"); a person
    only where both sides have as many words ("Bukayo Saka and Eberechi Eze", not "José Pinto e Silva", a Portuguese
    surname joined by "e"). A place stays whole ("Tyne and Wear")."""
    if " and " not in text and " e " not in text:
        return model
    parted = []
    for candidate in model:
        # ("find" first: a Portuguese text holds " e " nearly always, its names seldom)
        match = LISTED_NAMES.fullmatch(text, candidate.start, candidate.end) if candidate.label in ("ORG", "PER") and (
            text.find(" and ", candidate.start, candidate.end) >= 0
            or text.find(" e ", candidate.start, candidate.end) >= 0) else None
        if match is None or PLURAL_SUBJECTS_VERB.match(text, candidate.end) is None and match.end(2) == candidate.end \
                and not has_a_known_company(match, candidate.label) or not are_two_listed_names(match, candidate.label):
            parted.append(candidate)
            continue
        parted.extend(Candidate(*match.span(side), candidate.label, candidate.source, candidate.score)
                      for side in (1, 2))
    return parted


@functools.cache
def body_name_words() -> frozenset[str]:
    """The words of a body's name (``with_listed_names_parted``): an office's or a public body's
    (``OFFICE_ENDS``), an institution's (``INSTITUTION_WORDS``) and a remit's (``REMIT_WORDS``)."""
    return OFFICE_ENDS | INSTITUTION_WORDS | REMIT_WORDS


def has_a_known_company(match: re.Match[str], label: str) -> bool:
    """Whether an organisation of ``LISTED_NAMES`` has a side the organisations' gazetteer knows ("told BT and
    Vodafone to publish": in object place no verb follows; s51-entities): a known firm is no first word of a work's
    or a band's title, which need the verb after them (``PLURAL_SUBJECTS_VERB``)."""
    return label == "ORG" and (match.group(1) in organisation_names() or match.group(2) in organisation_names())


def are_two_listed_names(match: re.Match[str], label: str) -> bool:
    """Whether a match of ``LISTED_NAMES`` of ``label`` lists two names (``with_listed_names_parted``)."""
    first, second = match.group(1), match.group(2)
    whole = match.string[match.start(1):match.end(2)]
    words = whole.split()
    return first != second and whole not in organisation_names() and whole not in place_names() \
        and PARTNER_NOUNS.isdisjoint(second.split()) and body_name_words().isdisjoint(words) \
        and (label == "ORG" or len(first.split()) == len(second.split()))


def with_people_listed_with_people(model: list[Candidate], text: str) -> list[Candidate]:
    """``model`` with each organisation that a list joins before a person of two words or more (``PERSON_JOINER``)
    relabelled a person, where its words are plain capitalised ones (``is_plain_full_name``); not one after a person
    ("More from Hannah Okafor and Better Engineering Teams", a newsletter)."""
    people = [c for c in model if c.label == "PER" and " " in text[c.start:c.end]]
    if not people:
        return model
    joined = set()  # the ends of organisations listed right before a person
    for person in people:
        joiner = PERSON_JOINER.search(text, max(person.start - 5, 0), person.start)
        if joiner is not None and joiner.end() == person.start:
            joined.add(joiner.start())
    return [Candidate(c.start, c.end, "PER", c.source, c.score)
            if c.label == "ORG" and c.end in joined and is_plain_full_name(text[c.start:c.end]) else c for c in model]


# Nouns that name a game's, a show's or a product's kind or world, seldom a person's name ("Mario Kart World",
# "Gran Turismo Legends": people by the list rule; s49-entities2).
TITLE_WORDS = frozenset("World Worlds Edition Legends Online Deluxe Remastered Remake Collection Chronicles Saga "
                        "Adventures Origins Wars Quest Odyssey Universe Arena Rescue Racing Simulator Kart Tactics "
                        "Kingdom Reloaded Unleashed".split())


def is_plain_full_name(name: str) -> bool:
    """Whether ``name`` is two or three capitalised words of letters, none a company's, an institution's or a title's
    word (``COMPANY_WORDS``, ``INSTITUTION_WORDS``, ``TITLE_WORDS``), and no gazetteer knows it as an organisation or
    a place."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(word.isalpha() and word.istitle() and word not in COMPANY_WORDS
                                        and word not in INSTITUTION_WORDS and word not in TITLE_WORDS
                                        for word in words) \
        and name not in organisation_names() and name not in place_names()


# A brand or two after the sales or the price of ("sales of Persil and Marmite", "the price of Ariel and Fairy",
# "os preços de Omo e Ypê", "o preço do Comfort": places, or missed by the model; s48-entities): products, one word
# each. A name the gazetteers know as an organisation or a place, or a given name, is no brand ("sales of Tesla",
# "prices of London homes"), nor a word before a capitalised one or a possessive ("sales of Nvidia's chips"), an
# acronym ("sales of GPUs"), a word of ``not_names`` or a feast ("vendas de Natal").
_BRAND = r"[A-ZÀ-Ý][a-zà-ÿ][\w-]*(?![\w'’-]|[^\S\n]+[A-ZÀ-Ý])"
# Feasts whose sales the news gives ("as vendas de Natal"; "Christmas" and "Easter" are ``not_names``).
SALES_SEASONS = frozenset("Natal Páscoa Carnaval".split())
SOLD_OR_PRICED_BRANDS = re.compile(
    rf"(?:{opening('sales|Sales|price|Price|prices|Prices')}[^\S\n]+of|{opening('vendas|Vendas')}[^\S\n]+de"
    rf"|{opening('preço|Preço|preços|Preços')}[^\S\n]+d[eo])[^\S\n]+"
    rf"({_BRAND}(?:,[^\S\n]+{_BRAND})*(?:,?[^\S\n]+(?:and|e)[^\S\n]+{_BRAND})?)")
BRAND = re.compile(_BRAND)


def with_sold_and_priced_brands(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                                language: str) -> list[Candidate]:
    """``model`` without its spans over the brands whose sales or price the text gives (``SOLD_OR_PRICED_BRANDS``),
    which ``rules`` gets as products; a brand a rule already names stays the rule's."""
    if "ales of" not in text and "rice" not in text and "reço" not in text and "endas de" not in text:
        return model
    brands = []
    for match in SOLD_OR_PRICED_BRANDS.finditer(text):
        for brand in BRAND.finditer(text, match.start(1), match.end(1)):
            name = brand.group()
            if not is_known_word(name, language) and name not in SALES_SEASONS \
                    and not any(key[:2] == brand.span() for key in rules):
                brands.append(brand.span())
    for start, end in brands:
        rules[(start, end, "PRODUCT")] = Candidate(start, end, "PRODUCT", "rule")
    kept = []
    for c in model:
        overlapped = [end for start, end in brands if c.start < end and start < c.end]
        kept.extend(names_after_brands(c, max(overlapped), text) if overlapped else [c])
    return kept


# A capitalised run, a name in what a model span holds after a brand.
NAME_RUN = re.compile(r"[A-ZÀ-Ý][\w'’&-]*(?:[^\S\n]+[A-ZÀ-Ý][\w'’&-]*)*")


def names_after_brands(candidate: Candidate, brands_end: int, text: str) -> list[Candidate]:
    """The names a model span holds after the brands parted out of it, each with the span's label ("Sensodyne at
    Boots and Superdrug", one organisation to the model: the shops stay organisations; s48-entities2)."""
    return [Candidate(*name.span(), candidate.label, candidate.source, candidate.score)
            for name in NAME_RUN.finditer(text, brands_end, candidate.end)]


def is_known_word(name: str, language: str) -> bool:
    """Whether a gazetteer knows ``name`` as an organisation or a place, or as a given name, or it is no name."""
    return name in organisation_names() or name in place_names() or name in all_given_names() \
        or name in not_names_in(language)


# A Portuguese subject after a feminine article, before its verb ("A Suzano anunciou", "A Vale e a Suzano também
# anunciaram"): the subject context of ``PORTUGUESE_ORGANISATION_CONTEXTS``, each name a group.
FEMININE_SUBJECTS = re.compile(rf"{opening('A|a')}[^\S\n]+{_ARTICLE_NAME}(?:[^\S\n]+e[^\S\n]+a[^\S\n]+"
                               rf"{_ARTICLE_NAME})?(?=[^\S\n]+{_SUBJECT_NEXT})")


def with_companies_named_as_towns(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                                  language: str) -> list[Candidate]:
    """``model`` and ``rules`` with a company named as a town the gazetteer knows made an organisation where it is a
    Portuguese subject after a feminine article (``FEMININE_SUBJECTS``) and the text shows it is no such place: the
    town stands bare after "em" elsewhere ("A Suzano anunciou ... nasceu em Suzano": a place that takes an article
    is "na China", "na Bahia", "na Amadora", never "em"), or it is the subject with a company the organisations'
    gazetteer knows ("A Vale e a Suzano também anunciaram"). "A China anunciou" keeps its place."""
    if language != "pt":
        return model
    for match in FEMININE_SUBJECTS.finditer(text):
        names = [match.span(group) for group in (1, 2) if match.start(group) >= 0]
        with_a_company = any(text[start:end] in organisation_names() for start, end in names)
        for start, end in names:
            name = text[start:end]
            if name in place_names() and (with_a_company or re.search(
                    rf"(?<!\S)em[^\S\n]+{re.escape(name)}(?![\w-])", text)):
                rules.pop((start, end, "LOC"), None)
                model = [Candidate(c.start, c.end, "ORG", c.source) if (c.start, c.end) == (start, end) else c
                         for c in model]
                if not any((c.start, c.end) == (start, end) for c in model):
                    rules[(start, end, "ORG")] = Candidate(start, end, "ORG", "rule")
    return model


def without_party_members(model: list[Candidate], text: str) -> list[Candidate]:
    """The model's candidates without a span of a party's short name and its members (``PARTY_AND_MEMBERS``:
    "Conservative MPs" was one organisation)."""
    return [c for c in model if not PARTY_AND_MEMBERS.fullmatch(text, c.start, c.end)]


def merged(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate]) -> list[Candidate]:
    """The model's candidates and the rules', where the two that agree on
    words and label are one ``both`` candidate."""
    # one pass over the model's candidates: a candidate equal to an agreed one has its words and label, so is one
    # (``c not in agreed`` compared each with every agreed one, a dataclass's __eq__ a pair)
    agreed, alone = [], []
    for c in model:
        (agreed if (c.start, c.end, c.label) in rules else alone).append(c)
    for candidate in agreed:
        rules.pop((candidate.start, candidate.end, candidate.label))
    return alone + list(rules.values()) + [
        Candidate(c.start, c.end, c.label, "both") for c in agreed
    ]


def as_platforms(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a cloud named after its company (``CLOUD_NAME``) a
    product where something runs on it ("run on both AWS and Google Cloud",
    "o uso do Google Cloud"), and the company's unit, an organisation, where it
    acts ("AWS said", "Google Cloud cut prices")."""
    if "Cloud" not in text and "AWS" not in text and "Azure" not in text:
        return candidates
    return [Candidate(c.start, c.end, "PRODUCT", "rule")
            if c.label == "ORG" and CLOUD_NAME.fullmatch(text, c.start, c.end) and PLATFORM_BEFORE.search(
                text, max(0, c.start - 60), c.start) else c for c in candidates]


# An app's feature named after the app, or in Portuguese before "do"/"da" and it ("Instagram Reels", "YouTube
# Shorts", "os Reels do Instagram": people to the models), a product (``with_app_features``).
APP_FEATURE = re.compile(rf"(?:{APP_NAME.pattern})[^\S\n]+[A-Z][a-z]+")
FEATURE_OF_AN_APP = re.compile(rf"([A-Z][a-z]+)[^\S\n]+d[oa][^\S\n]+({APP_NAME.pattern})")
# ... or one capitalised word after the app's possessive ("Snapchat's Spotlight", "Facebook's Marketplace", missed by
# the models); not a name's first word ("YouTube's Neal Mohan", "Facebook's Oversight Board").
FEATURE_AFTER_AN_APP = re.compile(rf"(?:{APP_NAME.pattern})['’]s[^\S\n]+([A-Z][a-z]+)(?![\w-]|[^\S\n]+[A-Z])")
# The apps' names as words between spaces, alone or before a punctuation mark or a possessive (``with_app_features``).
APP_WORDS = frozenset(name + end for name in APP_NAME.pattern.split("|") for end in ("", ",", ".", ";", ":", "'s", "’s"))
# Portuguese plural articles: no person's one-word name follows one ("nos Reels", "dos Shorts").
PLURAL_ARTICLES = frozenset("os as dos das nos nas aos às pelos pelas Os As Nos Nas Dos Das".split())


def with_app_features(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` in a text that names an app (``APP_WORDS``), with the app's features as products
    (``APP_FEATURE``, ``FEATURE_OF_AN_APP``, then the app a product too), and the labels of ``app_text_label``."""
    if spaced_words(text).isdisjoint(APP_WORDS):  # the text's words, split once: a regex would cost 1% more
        return candidates
    relabelled, apps = [], set()
    for candidate in candidates:
        of_an_app = FEATURE_OF_AN_APP.fullmatch(text, candidate.start, candidate.end)
        if of_an_app:
            relabelled.append(Candidate(*of_an_app.span(1), "PRODUCT", "rule"))
            apps.add(of_an_app.span(2))
            continue
        label = app_text_label(candidate, text)
        if label != candidate.label:  # a product is the rules' alone: the model has no such label
            candidate = Candidate(candidate.start, candidate.end, label,
                                  "rule" if label == "PRODUCT" else candidate.source)
        relabelled.append(candidate)
    kept = [c for c in relabelled if (c.start, c.end) not in apps]
    return kept + [Candidate(start, end, "PRODUCT", "rule") for start, end in sorted(apps)] + features_after_apps(text)


def features_after_apps(text: str) -> list[Candidate]:
    """The app's features after its possessive (``FEATURE_AFTER_AN_APP``), as products; not a word that names no
    feature there: a given name, a month or a day, a demonym ("TikTok's Chinese owner")."""
    return [Candidate(*match.span(1), "PRODUCT", "rule") for match in FEATURE_AFTER_AN_APP.finditer(text)
            if match.group(1) not in words_naming_no_feature()]


@functools.cache
def words_naming_no_feature() -> frozenset[str]:
    """The capitalised words after an app's possessive that name no feature of it (``features_after_apps``)."""
    return not_names() | word_list(DEMONYMS_FILE) | given_names()


def app_text_label(candidate: Candidate, text: str) -> str:
    """A candidate's label in a text that names an app: an app's feature named after it a product ("YouTube
    Shorts"), and a person's one plural word after a Portuguese plural article ("criadores dos Shorts",
    ``PLURAL_ARTICLES``); an app the model took for a place ("than TikTok in India") an organisation, the company
    that shares its name."""
    start, end, label = candidate.start, candidate.end, candidate.label
    if label == "LOC" and APP_NAME.fullmatch(text, start, end):
        return "ORG"
    if label != "PRODUCT" and APP_FEATURE.fullmatch(text, start, end) or (
            label == "PER" and text[end - 1] == "s" and " " not in text[start:end]
            and not PLURAL_ARTICLES.isdisjoint(text[max(0, start - 7):start].split()[-1:])):
        return "PRODUCT"
    return label


def as_apps_in_use(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with an app named like its company (``APP_NAME``) a product where people use it
    (``APP_USED_BEFORE``: "no Instagram e no Messenger", "posted on TikTok") or where it shows or lets them do
    something (``APP_SHOWING_AFTER``: "O WhatsApp passou a exibir anúncios"); elsewhere its label stands."""
    return [Candidate(c.start, c.end, "PRODUCT", "rule")
            if c.label != "PRODUCT" and APP_NAME.fullmatch(text, c.start, c.end) and (
                APP_USED_BEFORE.search(text, max(0, c.start - 60), c.start) or APP_SHOWING_AFTER.match(text, c.end))
            else c for c in candidates]


def with_listed_apps(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` and Microsoft's apps named by common words (``LISTED_APP``) where a list links them to
    another product (``LIST_LINK``: "ao Word e ao Excel", "Windows 11 and Teams"), which the NER model missed."""
    if LISTED_APP.search(text) is None:
        return candidates
    products = [c for c in candidates if c.label == "PRODUCT"]
    listed = [Candidate(*app.span(), "PRODUCT", "rule") for app in LISTED_APP.finditer(text)
              if any(LIST_LINK.fullmatch(text, app.end(), p.start) or LIST_LINK.fullmatch(text, p.end, app.start())
                     for p in products)]
    return candidates + listed


# The capitalised words a known product runs on with after a possessive, before its service's noun ("Microsoft's Azure
# AI Foundry service", cut to "Azure"; s45-entities blind): ``products_run_on_after_possessives``.
POSSESSED_PRODUCT_TAIL = re.compile(
    r"(?:[^\S\n]+[A-Z][\w-]*){1,2}(?=[^\S\n]+(?:service|services|platform|app|tool|suite)\b)")


def products_run_on_after_possessives(rules: dict[tuple[int, int, str], Candidate], text: str
                                      ) -> list[tuple[int, int]]:
    """Where a rule's product after a possessive runs on with one or two capitalised words before a service's noun
    (``POSSESSED_PRODUCT_TAIL``): the owner's named service, the product's edition ("Microsoft's Azure AI Foundry
    service"). Each longer name's start and end."""
    return [(product.start, tail.end()) for product in list(rules.values())
            if product.label == "PRODUCT" and text.endswith(POSSESSIVE_TEXTS, 0, product.start - 1)
            and (tail := POSSESSED_PRODUCT_TAIL.match(text, product.end)) is not None]


def with_product_variants(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate],
                          text: str) -> list[Candidate]:
    """The model's candidates without the organisations that run a known
    product's name on with capitalised words, its variant ("Pix Parcelado",
    "ChatGPT Atlas"), which become the rules' products; a person keeps the name
    ("Claude Monet"), and so does a place ("Palm Beach", before the words
    around it make it a source: ``with_organisations_in_context``). A model's
    span that runs on past the product over a lowercase word ("Grok 4 Fast on
    the Colossus cluster", ``RUN_ON_PAST_A_NAME``) is dropped: the product stands."""
    starts: dict[int, int] = {}
    for product in (c for c in rules.values() if c.label == "PRODUCT"):
        # the longest product at its start: "TPU v7" runs on into "Ironwood", the family's "TPU" does not
        starts[product.start] = max(product.end, starts.get(product.start, product.end))
    if not starts:
        return model
    kept = []
    for candidate in model:
        end = starts.get(candidate.start)
        if candidate.label == "ORG" and end is not None and candidate.end > end \
                and VARIANT_WORDS.fullmatch(text, end, candidate.end):
            rules[(candidate.start, candidate.end, "PRODUCT")] = Candidate(
                candidate.start, candidate.end, "PRODUCT", "rule")
        elif end is None or candidate.end <= end or not RUN_ON_PAST_A_NAME.match(text, end):
            kept.append(candidate)
    return kept


# A model's code right after a product's name: capitals, maybe a dash, digits and a suffix ("Radeon AI Pro R9700",
# "Galaxy Tab S10"); not a year ("Windows 2000" is a product's number, which the patterns read whole).
MODEL_CODE_AFTER = re.compile(r"[^\S\n]+[A-Z]{1,4}-?\d{2,5}[A-Za-z]{0,4}(?![\w-])")


# A capitalised word and a model's code after a maker's possessive ("Intel's Arc B570", missed; "Sony's Bravia XR90";
# s46-entities2): the maker's product. The code's letters and digits make it a model, the possessive its maker.
CODED_PRODUCT_AFTER_POSSESSIVE = re.compile(
    r"(?<=[A-Za-z]['’]s[^\S\n])([A-Z][a-zA-Z]+[^\S\n]+[A-Z]{1,4}-?\d{2,5}[A-Za-z]{0,4})(?![\w-])")


def coded_products_after_possessives(text: str) -> list[tuple[int, int]]:
    """Where a capitalised word and a model's code follow a possessive (``CODED_PRODUCT_AFTER_POSSESSIVE``): a
    product. Each name's start and end."""
    if DIGIT.search(text) is None:
        return []
    return [match.span(1) for match in CODED_PRODUCT_AFTER_POSSESSIVE.finditer(text)]


# A product line's letters and number, or a model's hyphened code, right after its maker ("o notebook Dell XPS 13",
# "Sony WH-1000XM5": the maker alone to the model; s46-entities2): ``with_lines_after_makers``.
# (not a row of a table's figures: "Korsnäs IF FK 22 12 6 4", WikiANN-en)
LINE_AFTER_MAKER = re.compile(
    r"[^\S\n]+([A-Z]{2,4}[^\S\n]+\d{1,3}(?!\d)|[A-Z]{1,4}-\d{3,5}[A-Z]{0,3}\d?)(?![\w.,-]\w|[^\S\n]+\d)")


def with_lines_after_makers(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str) -> None:
    """Add to ``rules`` the product whose line or code follows an organisation's name (``LINE_AFTER_MAKER``), where
    nothing else is named; the maker stays its own name, as "Airbus" before "A320"."""
    if DIGIT.search(text) is None:
        return
    named = [(c.start, c.end) for c in [*model, *rules.values()]]
    # (a maker in capitals is more often a body than a maker: "BBC ONE 2", "FIFA WC 26")
    for maker in [c for c in [*model, *rules.values()] if c.label == "ORG" and not text[c.start:c.end].isupper()]:
        line = LINE_AFTER_MAKER.match(text, maker.end)
        if line is not None and not any(start < line.end(1) and line.start(1) < end for start, end in named):
            rules[(*line.span(1), "PRODUCT")] = Candidate(*line.span(1), "PRODUCT", "rule")


def with_model_codes(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                     ) -> list[Candidate]:
    """``model`` without the names that open with a known product and stop before a model's code
    (``MODEL_CODE_AFTER``: "the Radeon AI Pro R9700 cards", which the model ends at "Pro"; s46-entities), which become
    the rules' products with the code, the shorter spans at their starts dropped."""
    products = {c.start for c in rules.values() if c.label == "PRODUCT"}
    codes: dict[int, int] = {}  # a product's start -> its code's end
    for candidate in [*model, *rules.values()]:
        code = MODEL_CODE_AFTER.match(text, candidate.end) if candidate.start in products else None
        if code is not None:
            codes[candidate.start] = max(code.end(), codes.get(candidate.start, 0))
    if not codes:
        return model
    for key in [key for key in rules if key[0] in codes and key[1] < codes[key[0]]]:
        del rules[key]
    for start, end in codes.items():
        rules[(start, end, "PRODUCT")] = Candidate(start, end, "PRODUCT", "rule")
    return [c for c in model if c.start not in codes]


# A model's code closing a name ("the Arc B770 is due", "da Arc B580": the model's organisation), or right after a
# one-word name of the model's ("its Arc B580": "Arc" a place; s47-entities): a product. A
# letter or two and three to five digits, no year nor road ("M25"); not after a name in capitals ("BBC ONE 2").
CLOSING_MODEL_CODE = re.compile(r"[A-Z]{1,2}\d{3,5}[A-Za-z]{0,3}")


def with_coded_names_as_products(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                                 ) -> list[Candidate]:
    """``model`` without the names closed by a model's code (``CLOSING_MODEL_CODE``), an organisation of two words or
    more, or one word of any label with the code after it: ``rules`` gets each as a product. A name a
    gazetteer or a rule knows stays, and so does a known maker before its code, its own name ("Nvidia GB200")."""
    if DIGIT.search(text) is None:
        return model
    known = {(c.start, c.end) for c in rules.values()}
    kept = []
    for candidate in model:
        product = coded_product(candidate, text) if (candidate.start, candidate.end) not in known else None
        if product is None:
            kept.append(candidate)
        else:
            rules[(*product, "PRODUCT")] = Candidate(*product, "PRODUCT", "rule")
    return kept


def coded_product(candidate: Candidate, text: str) -> tuple[int, int] | None:
    """The span of the product a model's name and a model's code make (``with_coded_names_as_products``), or None."""
    words = text[candidate.start:candidate.end].split()
    if words[0].isupper() or not words[0][:1].isupper():
        return None
    if candidate.label == "ORG" and len(words) > 1 and CLOSING_MODEL_CODE.fullmatch(words[-1]) \
            and " ".join(words[:-1]) not in organisation_names():  # a known maker and its code are two names
        return candidate.start, candidate.end
    code = MODEL_CODE_AFTER.match(text, candidate.end)
    if len(words) == 1 and code is not None and CLOSING_MODEL_CODE.fullmatch(code.group().strip()) \
            and words[0] not in organisation_names():
        return candidate.start, code.end()
    return None


# A game's, a console's or an upscaler's name and its number, Arabic or Roman ("Cyberpunk 2077", "Hades II", "Alan
# Wake 2", "XeSS 2", "Switch 2"; missed, or people and organisations to the model; s47-entities), in a text about games
# or graphics (``GAMING_WORDS``): a product. Not a month's or a season's number ("March 2025", "Season 2"), a decimal
# ("Gemini 2.5"), a score ("Arsenal 2-1", "2 x 1"), nor a number before a unit ("Steam 10 GB"). An acronym and a
# number of one or two digits is one too ("FSR 4", "DLSS 4", "GTA 6": organisations or missed; s47-entities2), unless
# the gazetteer knows it as an organisation; a screen's resolution is a text about graphics ("at 1440p"), and so is a
# console's or a game store's name ("lançou Horizon Chase 2 para PlayStation 5": a person; s53-entities; tried in
# s52-entities, when "the PlayStation 5 Pro had sold" was cut to "Pro", which s52-entities2 mended). A title's first
# word may be two joined by a hyphen ("Counter-Strike 2": a person "Counter-Strike"; s53-entities).
_GAMING_WORDS = "copies cópias frames fps quadros console consoles handheld gaming gameplay jogos games videogame " \
    "videogames upscaling upscaler graphics 1080p 1440p 2160p PlayStation Xbox Nintendo Steam"
GAMING_WORDS = frozenset(word + end for word in _GAMING_WORDS.split() for end in ("", ",", ".", ";"))
ROMAN_NUMBER = re.compile(r"II|III|IV|VI|VII|VIII|IX")
NUMBERED_TITLE = re.compile(
    r"(?<![\w'’-])((?!(?:" + "|".join(DAYS_AND_MONTHS.split()) + r"|The|In|On|At|By|For|From|Since|Until|Top|Season|"
    r"Chapter|Episode|Part|Game|Level|Round|Patch|Version|Gen|Series|World|War|Windows)(?![\w-]))"
    r"[A-Z][A-Za-z]*[a-z][A-Za-z]*(?:-[A-Z][a-z]+)?(?:[^\S\n]+[A-Z][a-z]+){0,2}|[A-Z]{2,5}(?=[^\S\n]+\d{1,2}(?!\d)))"
    rf"[^\S\n]+(\d{{1,4}}|{ROMAN_NUMBER.pattern})(?![\w%-]|[.,]\d|[^\S\n]*(?:x|GB|TB|MB|fps|frames|quadros)\b)")


def with_numbered_titles(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                         ) -> list[Candidate]:
    """``model`` without its spans inside a numbered title (``NUMBERED_TITLE``) in a text about games
    (``GAMING_WORDS``), which ``rules`` gets as a product. A title over a known organisation or place stays apart,
    and so does the model's place or organisation (``is_title_words``), and a given name and a Roman number, a
    monarch's or a pope's ("Elizabeth II")."""
    if not has_keyword(text, GAMING_WORDS):
        return model
    for match in NUMBERED_TITLE.finditer(text):
        start, end = match.span()
        roman = ROMAN_NUMBER.fullmatch(match.group(2)) is not None
        if roman and match.group(1).split()[0] in all_given_names() \
                or match.group(1).isupper() and match.group(1) in organisation_names():
            continue
        overlapping = [c for c in [*model, *rules.values()] if c.start < end and start < c.end]
        if any(c in rules.values() and c.label in ("ORG", "LOC") or not is_title_words(c, match, roman, text)
               for c in overlapping):
            continue
        rules[(start, end, "PRODUCT")] = Candidate(start, end, "PRODUCT", "rule")
        model = [c for c in model if c.end <= start or end <= c.start]
    return model


def is_title_words(candidate: Candidate, title: re.Match[str], roman: bool, text: str) -> bool:
    """Whether a name over a numbered title may be the title's: a person ("Hades II", "Alan Wake"), a product, the
    model's organisation over the whole title and its Roman number ("Hades II"), of one word with a capital inside
    ("XeSS", "XeSS 3"), or over an acronym's title ("DLSS 4."); not a place, nor another organisation ("Arsenal 2")."""
    whole = (candidate.start, candidate.end) == title.span()
    if candidate.label in ("PER", "PRODUCT") or (roman and whole):
        return True
    words = text[candidate.start:candidate.end].split()
    if candidate.label == "ORG" and words[0] == title.group(1) and words[0].isupper():
        return len(words) <= 2  # an acronym's title: the model's organisation over it ("DLSS 4.", its dot glued)
    return candidate.label == "ORG" and PRODUCT_SHAPE.fullmatch(words[0]) is not None \
        and not DIGIT.search(words[0]) and (len(words) == 1 or whole)


# A name of two or three capitalised words closed by a tier's single capital letter ("the Xbox Ally X", "the Legion Go
# S": a person, or missed by the model; s48-entities), in a text about games (``GAMING_WORDS``): a product. "Plan
# B" and "Class A" have the shape with one word before the letter, and outside a text about games the shape is rare.
TIER_LETTER_NAME = re.compile(r"(?<![\w'’-])((?!The[^\S\n])[A-Z][\w-]*(?:[^\S\n]+[A-Z][\w-]*){1,2}[^\S\n]+[B-HJ-Z])"
                              r"(?![\w'’-])")


def with_tier_letter_names(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                           ) -> list[Candidate]:
    """``model`` without its spans inside a name closed by a tier's letter (``TIER_LETTER_NAME``), which ``rules``
    gets as a product (the caller asks whether the text is about games). A known maker opening it stays its own name
    ("Asus ROG Ally X"), and a name over a rule's organisation or place stays as it is."""
    for match in TIER_LETTER_NAME.finditer(text):
        start, end = match.span()
        maker = match.group().split()[0]
        if maker in organisation_names():
            start += len(maker) + 1
        if overlaps_a_rules_name(rules, start, end):
            continue
        model = with_rule_span(model, rules, start, end, "PRODUCT")
    return model


# A game's title by what the text says of it, in a text about games (s48-entities): its two parts around a colon
# ("Hollow Knight: Silksong": a person and an organisation to the model), or the name that sold copies ("Elden Ring
# has now sold 30 million copies", "Balatro vendeu 5 milhões de cópias": an organisation). Not a known organisation
# before the colon, whose news it heads ("Sony: PlayStation sales"), nor the seller of copies of a game ("Sega sold 3.2
# million copies of the game").
_TITLE_WORDS = r"[A-Z][\w'’-]*(?:[^\S\n]+(?:of|the|in|[A-Z][\w'’-]*)){0,3}"
# ... and the seller of copies, whose name may hold a number ("the PlayStation 5 Pro had sold two million units" was
# cut to "Pro"; s52-entities2)
_SOLD_TITLE_WORDS = r"[A-Z][\w'’-]*(?:[^\S\n]+(?:of|the|in|\d{1,3}|[A-Z][\w'’-]*)){0,3}"
# The copies sold in words as in digits ("vendeu oito milhões de cópias", "sold two million copies"; s50-entities).
COUNT_WORDS = "one two three four five six seven eight nine ten um dois três quatro cinco seis sete oito nove dez"
TITLE_BY_WHAT_IT_DOES = re.compile(
    # a number closes the part after the colon ("Clair Obscur: Expedition 33" was cut before it; s50-entities)
    rf"(?<![\w'’-])(?:({_TITLE_WORDS}:[^\S\n]+{_TITLE_WORDS}(?:[^\S\n]+\d{{1,3}}(?![\w.,]))?)(?![\w'’-]|[^\S\n]+[A-Z])"
    rf"|({_SOLD_TITLE_WORDS})[^\S\n]+(?:(?:has|have|had)[^\S\n]+)?(?:(?:now|already|just|já)[^\S\n]+)?"
    rf"(?:sold|vendeu|vendeu[^\S\n]+mais[^\S\n]+de)[^\S\n]+(?:over[^\S\n]+|more[^\S\n]+than[^\S\n]+)?"
    rf"(?:[\d.,]+|(?:{'|'.join(COUNT_WORDS.split())})(?![\w-]))"
    rf"(?:[^\S\n]+(?:million|milhões|milhão|m))?[^\S\n]+(?:de[^\S\n]+)?(?:copies|cópias|units|unidades)"
    r"(?![^\S\n]+(?:of|d[eoa]s?)[^\S\n]))")


def with_titles_by_what_they_do(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str
                                ) -> list[Candidate]:
    """``model`` without its spans over a game's title the text shows (``TITLE_BY_WHAT_IT_DOES``), which ``rules``
    gets as a product (the caller asks whether the text is about games); a title over a known organisation or a
    rule's place stays as it is."""
    for match in TITLE_BY_WHAT_IT_DOES.finditer(text):
        group = 1 if match.start(1) >= 0 else 2
        start, end = match.span(group)
        title = match.group(group)
        if title.split(":")[0] in organisation_names() or title in organisation_names() \
                or overlaps_a_rules_name(rules, start, end):
            continue
        model = with_rule_span(model, rules, start, end, "PRODUCT")
    return model


# The names after "the maker of" (a list joined by commas and "and"), what a company makes ("The Browser Company, the
# maker of Arc and Dia": "Arc and Dia" one organisation to the model; "a fabricante do Ozempic"; s47-entities):
# products.
_MADE_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:[^\S\n]+[A-ZÀ-Ý0-9][\w'’-]*){0,2}"
MADE_BY_A_MAKER = re.compile(
    rf"(?<![\w-])(?:[Mm]akers?[^\S\n]+of|[Ff]abricantes?[^\S\n]+d[oa]s?)[^\S\n]+(?:the[^\S\n]+)?"
    rf"({_MADE_NAME}(?:,[^\S\n]+{_MADE_NAME})*(?:,?[^\S\n]+(?:and|e)[^\S\n]+{_MADE_NAME})?)")
MADE_NAME = re.compile(_MADE_NAME)


def products_of_makers(text: str) -> list[tuple[int, int]]:
    """Where names follow "the maker of" or "a fabricante do" (``MADE_BY_A_MAKER``): each a product. Each name's start
    and end."""
    if "aker" not in text and "abricante" not in text:
        return []
    return [(match.start(1) + name.start(), match.start(1) + name.end())
            for match in MADE_BY_A_MAKER.finditer(text) for name in MADE_NAME.finditer(match.group(1))]


# An operating system named with "OS" after a lowercase letter ("SteamOS", "HarmonyOS", "iPadOS": organisations to the
# model; s47-entities): a product, with its version when one follows ("visionOS 26", "SteamOS 3.7": products_probe2's
# blind b3). Not an acronym ("BIOS") nor a word in capitals; not a count after it ("iOS 2 million").
OPERATING_SYSTEM = re.compile(
    r"(?<![\w-])[A-Za-z]*[a-z]OS(?:[^\S\n]+\d{1,2}(?:\.\d+)*(?![\w%-]|[.,]\d|[^\S\n]+(?:million|milhões|mil|bn)\b))?"
    r"(?![\w-])")


def operating_systems(text: str) -> list[tuple[int, int]]:
    """Where a word ends in "OS" after a lowercase letter (``OPERATING_SYSTEM``): a product. Each name's start and
    end."""
    return [match.span() for match in OPERATING_SYSTEM.finditer(text)] if "OS" in text else []


def models_on_sale(text: str) -> list[tuple[int, int]]:
    """Where a word and a model's number follow a verb of selling, launching or making and a determiner
    ("começou a vender o Ioniq 5", "launched the Magic 8", "fabrica o A220"), or a model's code was released
    ("o M2 foi baixado", ``MODEL_RELEASED``): a
    product, which the model missed or took for its maker; a band or a
    channel so named ("Maroon 5", "Antena 3") is not sold. Each name's start and end."""
    if DIGIT.search(text) is None:
        return []
    return [match.span(1) for match in MODEL_ON_SALE.finditer(text) if match.group(2) not in NOT_MODELS] + [
        match.span(1) for match in (MODEL_RELEASED.finditer(text) if has_keyword(text, RELEASE_AUXILIARIES) else ())]


WORD_RUN = re.compile(r"\S+")


def codes_with_tiers(text: str) -> list[tuple[int, int]]:
    """Where a model's code runs on with its tiers ("o A16 LTE da Samsung", "the S24 FE"), a product the
    NER model has no label for and often misses. Only in texts with a tier as a word. Each name's start and end."""
    if not has_keyword(text, TIER_WORDS):
        return []
    return [match.span() for match in CODE_WITH_TIER.finditer(text)]


# A capitalised name and a "V" and its number, a version ("o Optimus V3", "the Sentinel V2"): a product, where the
# NER model saw nothing or a person. Not a letter and a number alone ("V8"), nor a lowercase word before ("motor V8").
VERSIONED_MODEL = re.compile(r"[A-ZÀ-Ý](?<![\w-][A-ZÀ-Ý])[a-zà-ÿ]{2,}[^\S\n]V\d{1,2}(?![\w.-])")
VERSION_MARK = re.compile(r"V\d")  # what every match of VERSIONED_MODEL holds


# Apple's M chip after its maker's possessive ("Apple's M5", "Apple's M4 Max"; "Apple M5" is in products.jsonl): a
# letter and a digit alone are a road or a size ("on the M5"), so only the maker's possessive makes it the chip.
APPLE_CHIP = re.compile(r"M(?<=\bApple['’]s[^\S\n]M)[1-9](?:[^\S\n](?:Pro|Max|Ultra))?(?![\w-])")


# The name of an assistant someone launched ("lançou o assistente Phoenix", "launched its AI assistant Nova"):
# a product; "assistente"/"assistant" alone is a person's job too ("o assistente Pedro Costa"), so only after a
# verb of launching, which no person is the object of (a club "apresentou o assistente Pedro Costa", its coach).
LAUNCHED_ASSISTANT = re.compile(
    opening("lançou|lançaram|lança|lançará|launched|launches|released|releases", r"\S")
    + r"[^\S\n]+(?:o|um|seu|the|an|its|their)[^\S\n]+(?:(?:novo|new|AI)[^\S\n]+)*(?:assistente|assistant)"
    r"(?:[^\S\n]+(?:de[^\S\n]+IA|virtual))?[^\S\n]+([A-ZÀ-Ý][\w-]*(?:[^\S\n]+[A-ZÀ-Ý][\w-]*)?)")


def versioned_models(text: str) -> list[tuple[int, int]]:
    """Where a name runs on with its version's "V" and number (``VERSIONED_MODEL``), Apple's M chips after
    its possessive (``APPLE_CHIP``), a letters-dash-number code before its name (``CODE_AND_NAME``) and an
    assistant's name after its launch (``LAUNCHED_ASSISTANT``). Each name's start and end."""
    # the version's letter and digit, and the assistant's noun, looked for first: re finds them faster than the names
    # before them, and most texts hold neither
    patterns = (VERSIONED_MODEL, APPLE_CHIP, CODE_AND_NAME) if VERSION_MARK.search(text) else (APPLE_CHIP, CODE_AND_NAME)
    return [match.span() for pattern in patterns for match in pattern.finditer(text)] + [
        match.span(1) for match in (LAUNCHED_ASSISTANT.finditer(text) if "assist" in text else ())]


# An aircraft's code before its maker ("um A320 da Airbus", "the E195-E2 from Embraer", "o 737 MAX da Boeing"): the
# code is a product and the maker a company, both of which the NER model misses there. A bare number is a count
# ("737 da Boeing"), so digits alone need a variant after them.
AIRCRAFT_MAKER = re.compile(r"Airbus|Boeing|Embraer|Bombardier|ATR|Comac|COMAC")
AIRCRAFT_OF_MAKER = re.compile(
    r"(?<![\w-])((?:[A-Z]{1,3}\d{2,3}(?:-[A-Z]?\d{1,4})?|\d{3}(?=-|[^\S\n]MAX)(?:-[A-Z]?\d{1,4})?)"
    r"(?:neo|ceo|XLR|LR|XWB|ER)?(?:[^\S\n]MAX(?:[^\S\n]\d{1,2})?)?)"
    rf"[^\S\n]+(?:da|do|of|from)[^\S\n]+(?:the[^\S\n]+)?({AIRCRAFT_MAKER.pattern})(?![\w-])")


def aircraft_of_makers(text: str) -> list[tuple[int, int, str]]:
    """Where an aircraft's code comes before "da"/"of" and its maker (``AIRCRAFT_OF_MAKER``): the code's start,
    end and label PRODUCT, the maker's and ORG. Most texts name no maker, which re finds faster than the codes."""
    if not AIRCRAFT_MAKER.search(text):
        return []
    return [(*match.span(group), label) for match in AIRCRAFT_OF_MAKER.finditer(text)
            for group, label in ((1, "PRODUCT"), (2, "ORG"))]


def national_units(rules: Mapping[tuple[int, int, str], Candidate], text: str) -> list[tuple[int, int]]:
    """Where a company a pattern knows runs on with a place a pattern knows, one space apart ("a Amazon
    Brasil", "Samsung UK said"): the company's unit there, one organisation, not a company and a place.
    Each name's start and end."""
    places = {start: end for start, end, label in rules if label == "LOC"}
    return [(start, places[end + 1]) for start, end, label in rules
            if label == "ORG" and end + 1 in places and text[end:end + 1] == " "]


# A sports ground's nouns: after a sponsor's name they name the ground ("the Kia Oval", "Mercedes-Benz Arena", "Audi
# Field"), no vehicle's model (``vehicle_models``).
GROUND_NOUNS = frozenset("Oval Arena Stadium Ground Field Park Bowl Dome Riverside Centre Center Estádio".split())


def vehicle_models(text: str) -> list[tuple[int, int]]:
    """Where a vehicle maker's name (``vehicle_makers.txt``) runs on with a
    model's words, up to three capitalised words or codes ("Renault 5 E-Tech",
    "BYD Seal U", "Citroën ë-C3 Aircross", "Volkswagen ID.7 Tourer", "Peugeot e-208"): the model,
    maker and all, which the NER model cuts or takes for the maker. Not the
    maker's own words ("Volkswagen Group", "Toyota Brasil") nor a role
    ("Tesla CEO Elon Musk"), nor a person's name after it ("O CEO da BMW Oliver Zipse": a given name and a
    capitalised word, ``is_person_opening``) nor anything after a Portuguese role held at the maker ("O chefe da
    Tesla Elon Musk": the body of ``ROLE_BEFORE_BODY``), nor a ground the maker sponsors (``GROUND_NOUNS``: "the Kia
    Oval"). Each name's start and end."""
    spans = []
    matches = list(vehicle_model_pattern().finditer(text))
    if matches and not spaced_words(text).isdisjoint(PLAYER_ROLES_PT):
        bodies = {role.end() for role in ROLE_BEFORE_BODY.finditer(text)}
        matches = [match for match in matches if match.start() not in bodies]
    for match in matches:
        words = list(WORD_RUN.finditer(match.group(2)))
        kept = list(takewhile(lambda pair: pair[1].group() not in MAKERS_OWN_WORDS and not is_person_opening(
            words[pair[0]:]), enumerate(words)))
        if kept and not any(word.group() in GROUND_NOUNS for _, word in kept):
            spans.append((match.start(), match.start(2) + kept[-1][1].end()))
    return spans


def is_person_opening(words: Sequence[re.Match[str]]) -> bool:
    """Whether the words open with a person's name: a given name (``all_given_names``) and a capitalised word after
    it ("Oliver Zipse"; not a model's "Leon" alone, nor "Zoe E-Tech")."""
    return len(words) > 1 and words[0].group() in all_given_names() and PERSONAL_NAME.fullmatch(words[1].group()) \
        is not None


@functools.cache
def vehicle_model_pattern() -> re.Pattern[str]:
    makers = "|".join(sorted(map(re.escape, word_list(VEHICLE_MAKERS_FILE)), key=len, reverse=True))
    # an electric version's "e-" before a capital or a number too ("Peugeot e-208", "Opel e-Corsa")
    word = r"(?:(?:e-)?[A-ZÀ-Ýë\d][\w'’-]*(?:\.\w+)*)"
    # (the makers open a word: ``opening``, so that re scans for their first letters, not tries each at every character)
    return re.compile(rf"({opening(makers)})((?:[^\S\n]+{word}){{1,3}})(?![\w-])")


def is_site_before_its_owner(words: SpacySpan) -> bool:
    """Whether an English span stands before a site's noun and "of" and its owner ("the Manchester office of Aviva
    Investors"): where the site is."""
    doc = words.doc
    return words.end + 2 < len(doc) and is_site_of_another(doc[words.end], len(doc))


def is_site_of_an_owner(words: SpacySpan, determiners: frozenset[str] = OWNER_PRONOUNS,
                        sites: frozenset[str] = SITE_NOUNS) -> bool:
    """Whether an English span is a name between "its"/"their" (or other ``determiners``: "the Cambridge lab")
    and a noun for a site ("at its Pyeongtaek plant"; a mine after "the": ``MINE_NOUNS``): where the site is,
    not who owns it."""
    doc = words.doc
    return (language_of(doc.vocab) == "en" and words.start > 0 and doc[words.start - 1].lower_ in determiners
            and words.end < len(doc) and doc[words.end].lower_ in sites)


def with_organisations_in_context(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                                  language: str) -> list[Candidate]:
    """The model's candidates with the organisations that the words around a
    name show (``organisations_in_context``). In Portuguese a name no
    candidate covers is added as the model's ORG, and a one-word person is
    relabelled ("segundo a Riotur": news names a person it quotes without an
    article); in both languages a place is relabelled ("according to Solana
    Beach"), also where the model ran it on from lowercase words ("the
    journal Joule"), and a one-word person a deal is for (``deal_targets``:
    "the takeover of Britvic"). A name a pattern knows (not only a part of
    it) keeps the pattern's label ("a França anunciou"). Then companies listed
    with companies (``with_coordinated_organisations``), English sentences'
    subjects before a verb of reporting (``with_reporting_subjects``), and people speaking that the model took
    for places (``with_speaking_people``)."""
    portuguese = language == "pt"
    in_context = [(start, end, portuguese) for start, end in organisations_in_context(text, language)]
    in_context += counterparts_in_context(text, language) + boards_in_context(text, language)
    for start, end, people_too in in_context + [(start, end, True) for start, end in deal_targets(text)]:
        if any(rule_start <= start and end <= rule_end for rule_start, rule_end, _ in rules):
            continue
        around = [c for c in model if c.start < end and start < c.end]
        if not around and portuguese:
            model.append(Candidate(start, end, "ORG", "model"))
        elif len(around) == 1 and is_name_with_lowercase_before(around[0], start, end, text) and (
                around[0].label == "LOC" or (around[0].label == "PER" and people_too and " " not in text[start:end])):
            model[model.index(around[0])] = Candidate(start, end, "ORG", around[0].source)
    model = with_reporting_subjects(with_coordinated_organisations(model, rules, text), rules, text, language)
    model = with_companies_after_their_role(model, rules, text, language)
    return with_speaking_people(model, rules, text, language)


# A verb of speaking right after a name, an artist's work and "by" right before it, and the first words of places'
# names of two or three words ("South Korea said", "New Zealand told", "Santa Clara says"), which no person's name
# opens with.
SPEAKING_AFTER = re.compile(r"[^\S\n]+(?:said|says|told|tells|added|wrote|argued|warned)\b")
WORK_BY = re.compile(r"\b(?:work|works|painting|paintings|portrait|sculpture|sculptures|commission|novel|poem|poems|"
                     r"album|song|songs|photograph|photographs|installation|retrospective|play|memoir|opera|symphony|"
                     r"mural|drawing|drawings)[^\S\n]+by[^\S\n]+$")
PLACE_QUALIFIERS = frozenset("North South East West Northern Southern Eastern Western New Upper Lower Great Greater "
                             "Central Saint St San Santa Los Las Port Fort Mount Lake Old".split())


def with_speaking_people(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                         language: str) -> list[Candidate]:
    """``model`` with the English model's places of two or three personal names before a verb of speaking or after
    an artist's work and "by" made people ("Kemi Badenoch said the Conservatives would vote against it", a place
    after a sentence ending on a town; "a commission by El Anatsui"): a place speaks in the news by a government's
    name, which the patterns know ("South Korea said") or a qualifier opens ("North Yorkshire said"), and a
    company's name holds a company word ("Thames Water said")."""
    if language != "en" or not (SPEAKING_AFTER.search(text) or " by " in text):
        return model
    places = [c for c in rules.values() if c.label == "LOC"]
    return [Candidate(c.start, c.end, "PER", c.source) if is_person_speaking(c, text, places) else c for c in model]


def is_person_speaking(candidate: Candidate, text: str, places: list[Candidate]) -> bool:
    """Whether the model's place ``candidate`` is two or three personal names before a verb of speaking or after an
    artist's work and "by", no word of it a place qualifier or a company word and no known place over it
    (``with_speaking_people``)."""
    words = text[candidate.start:candidate.end].split()
    return (candidate.label == "LOC" and candidate.source == "model" and 2 <= len(words) <= 3
            and (SPEAKING_AFTER.match(text, candidate.end) is not None
                 or WORK_BY.search(text, max(0, candidate.start - 40), candidate.start) is not None)
            and all(PERSONAL_NAME.fullmatch(word) for word in words) and words[0] not in PLACE_QUALIFIERS
            and not set(words) & COMPANY_WORDS and not any(place.overlaps(candidate) for place in places))


def is_name_with_lowercase_before(candidate: Candidate, start: int, end: int, text: str) -> bool:
    """Whether ``candidate`` is the name at ``start:end``, or runs into it from lowercase words
    ("the journal Joule" was one place to the model: the noun says what the name is)."""
    return candidate.end == end and (candidate.start == start or (
        candidate.start < start and text[candidate.start:start].islower()))


def with_reporting_subjects(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                            language: str) -> list[Candidate]:
    """``model`` with the English sentences' subjects of one capitalised word before a verb of
    reporting (``REPORTING_SUBJECT``: "Fluence said on Wednesday", "Eurostar said") as organisations,
    added where no candidate covers them, or a place the model guessed made one; a place a pattern
    knows keeps its label ("Ukraine said"). News quotes a person there by the surname it gave before,
    so no word of a person of the text is one; nor a plural ("Analysts said", "Sources said") nor a
    word that opens sentences ("Police said", "It said"). A source after a comma before "reported" ending
    its sentence (``REPORTING_SOURCE``: "..., Janes reported.") is one too, a person's guess there made one."""
    if language != "en" or not has_keyword(text, REPORTING_VERBS | SOURCE_KEYWORDS):
        return model
    named = [*model, *rules.values()]
    openers = opening_words() | OPENING_SUBJECTS | OPENING_PRONOUNS
    skipped = openers | words_of_people(named, text)
    for match in REPORTING_SUBJECT.finditer(text):
        word, (start, end) = match.group(1), match.span(1)
        if word in skipped or (word.endswith("s") and word[-2].islower()):
            continue
        make_organisation(model, named, start, end, relabelled=("LOC",))
    for match in REPORTING_SOURCE.finditer(text):
        # a person's words elsewhere in the text, not the model's guess of a person on the source itself
        # ("..., Les Echos reported." was a person)
        others = [c for c in named if (c.start, c.end) != match.span(1)]
        if not set(match.group(1).split()) & (openers | words_of_people(others, text)):
            make_organisation(model, named, *match.span(1), relabelled=("LOC", "PER"))
    return model


# A company's role opening a sentence (``COMPANY_ROLE_OPENERS``), the company's capitalised words, and its verb's
# lowercase word ("Rival Thales Alenia Space also bid", missed by the model in a paragraph on space).
COMPANY_AFTER_ITS_ROLE = re.compile(
    rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))(?:{'|'.join(word.capitalize() for word in sorted(COMPANY_ROLE_OPENERS))})"
    r"[^\S\n]+([A-Z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){0,3})(?=[^\S\n]+[a-z])")


def with_companies_after_their_role(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                    text: str, language: str) -> list[Candidate]:
    """``model`` with the English names after a company's role that opens their sentence (``COMPANY_AFTER_ITS_ROLE``)
    as organisations, added where no candidate covers them, or the model's person or place on the same words made
    one; a name a pattern knows keeps its label."""
    if language != "en":
        return model
    named = [*model, *rules.values()]
    for match in COMPANY_AFTER_ITS_ROLE.finditer(text):
        make_organisation(model, named, *match.span(1), relabelled=("PER", "LOC"))
    return model


def past_a_company_role(text: str, start: int, end: int) -> tuple[int, int]:
    """A subject's span past the company's role that opens it and its sentence (``COMPANY_ROLE_OPENERS``: "Partner
    Northrop Grumman will supply the motors, and ... its plant")."""
    role, _, rest = text[start:end].partition(" ")
    if rest and role.lower() in COMPANY_ROLE_OPENERS and role[0].isupper():
        return start + len(role) + 1, end
    return start, end


def words_of_people(candidates: list[Candidate], text: str) -> set[str]:
    """The words of the people among ``candidates``."""
    return {word for c in candidates if c.label == "PER" for word in text[c.start:c.end].split()}


def is_lone_word_no_given_name(candidate: Candidate, text: str) -> bool:
    """Whether ``candidate`` is a person of one word that no given names' list holds."""
    name = text[candidate.start:candidate.end]
    return candidate.label == "PER" and " " not in name and name not in all_given_names()


def with_coordinated_organisations(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                   text: str) -> list[Candidate]:
    """``model`` with a place joined by "and"/"e" to an organisation, before
    the verb the two say or do together, made an organisation ("Maersk and
    Hapag-Lloyd said": the news lists companies with companies, and the model
    took the second for a place). Not in a list without such a verb, where
    the model's organisation is as often the mistake ("natives of Punjab and
    Haryana, while"); a place a pattern knows keeps its label. A name no
    candidate covers there is added ("Hershey and Mondelez both raised": missed). After an organisation, "e" and an
    article, the model's place no pattern knows is one too, verb or not ("para o TikTok e o Kwai": Portuguese puts no
    article before a town's name, and the patterns know the countries and regions that take one, ``ARTICLED_PAIR``),
    and so is a person of one word that is no given name ("multou a Gol e a Azul": "Azul" a person; s51-entities)."""
    places = set()
    for first, second in pairwise(sorted(model, key=lambda c: c.start)):
        if {first.label, second.label} == {"ORG", "LOC"} and COORDINATION.fullmatch(text, first.end, second.start) \
                and SUBJECTS_VERB.match(text, second.end):
            place = first if first.label == "LOC" else second
            if not any(start <= place.start and place.end <= end for start, end, _ in rules):
                places.add(place)
    for company in [c for c in [*model, *rules.values()] if c.label == "ORG"]:
        place = next((c for c in model if c.label in ("LOC", "PER") and ARTICLED_PAIR.fullmatch(text, company.end, c.start)
                      and (c.label == "LOC" or is_lone_word_no_given_name(c, text))), None)
        if place is not None and not any(start < place.end and place.start < end for start, end, _ in rules):
            places.add(place)
    model = [Candidate(c.start, c.end, "ORG", c.source) if c in places else c for c in model]
    named = [*model, *rules.values()]
    for company in [c for c in named if c.label == "ORG"]:
        match = NEXT_COMPANY.match(text, company.end)
        if match and not any(c.start < match.end(1) and match.start(1) < c.end for c in named):
            model.append(Candidate(*match.span(1), "ORG", "model"))
    return model


# The exchange where shares trade, one word after "na"/"no" later in the sentence of shares ("As ações da Embraer
# subiram 4% na B3", missed): a known place keeps its pattern ("as ações subiram no Japão").
SHARES_TRADED_AT = re.compile(r"(?<!\S)(?:ações|papéis)(?![\w-])[^.!?\n]{0,80}?[^\S\n]n[ao][^\S\n]+"
                              r"([A-Z][A-Za-z0-9&]{1,9})(?![\w-])")
# Another company's shares later in the sentence of shares, by their article alone ("As ações da empresa subiram 3%,
# enquanto as da Marfrig recuaram 1%", a place to the model): a known place keeps its pattern ("e as do Japão").
SHARES_OF_ANOTHER = re.compile(rf"(?<!\S)(?:ações|papéis)(?![\w-])[^.!?\n]{{0,80}}?[^\S\n](?:as|os)[^\S\n]+d[ao]"
                               rf"[^\S\n]+{_ARTICLE_NAME}")
# The company whose shares move, after "as ações da"/"os papéis do" and before its verb ("Os papéis da Ambipar
# despencaram", a place to the model): the counterpart of the English ``SHARES_MOVED``; a known place keeps its pattern ("as
# ações do Japão subiram").
SHARES_MOVED_PT = re.compile(rf"(?<!\S)(?:ações|papéis)[^\S\n]+d[ao][^\S\n]+{_ARTICLE_NAME}"
                             rf"(?=[^\S\n]+{_SUBJECT_NEXT})")
# A service's crew or vehicles before "do"/"da" and the service ("uma equipe do Samu atendeu", a place to the model).
CREW_NOUNS = frozenset("equipe equipes ambulância ambulâncias viatura viaturas socorristas".split())
CREW_OF_A_SERVICE = re.compile(rf"(?<!\S)(?:{'|'.join(sorted(CREW_NOUNS))})[^\S\n]+d[oa][^\S\n]+{_ARTICLE_NAME}")


def counterparts_in_context(text: str, language: str) -> list[tuple[int, int, bool]]:
    """Organisations by the words around them that no person takes, as (start, end, people too): the
    counterpart of a sale before its price (``COUNTERPARTS``), not a person there ("vendeu a casa ao
    Joaquim por"); the maker of a number of things ordered (``ORDERED_FROM``; in Portuguese a person's
    one word there too); in Portuguese a shop after purchases (``PURCHASES_AT``), a company fined a sum
    (``FINED_COMPANY``) and one bought or sold after "a" (``BOUGHT_COMPANY``), where no person stands, a
    club opening a sentence after "O" before its statement (``CLUB_STATEMENT``), not a person there, the exchange
    where shares trade (``SHARES_TRADED_AT``), another company whose shares the sentence names by their article
    (``SHARES_OF_ANOTHER``), the company whose shares move (``SHARES_MOVED_PT``) and a service after its crew or vehicles (``CREW_OF_A_SERVICE``)."""
    found = []
    if language in COUNTERPARTS and has_keyword(text, SALE_WORDS):
        found += [(*match.span(1), False) for match in COUNTERPARTS[language].finditer(text)]
    if language in ORDERED_FROM and has_keyword(text, ORDER_WORDS):
        found += [(*match.span(1), language == "pt") for match in ORDERED_FROM[language].finditer(text)]
    if language == "pt":
        if "ompras" in text:
            found += [(*match.span(1), True) for match in PURCHASES_AT.finditer(text)]
        if "mult" in text:
            found += [(*match.span(1), True) for match in FINED_COMPANY.finditer(text)]
        if has_keyword(text, SALE_WORDS) or "adquiri" in text:
            found += [(*match.span(1), True) for match in BOUGHT_COMPANY.finditer(text)]
        found += [(start, end, False) for start, end in sorted(club_statement_subjects(text, language))]
        if "ações" in text or "papéis" in text:
            found += [(*match.span(1), False) for pattern in (SHARES_TRADED_AT, SHARES_OF_ANOTHER, SHARES_MOVED_PT)
                      for match in pattern.finditer(text)]
        if has_keyword(text, CREW_NOUNS):
            found += [(*match.span(1), False) for match in CREW_OF_A_SERVICE.finditer(text)]
    skipped = words_opening_no_organisation()
    return [(start, end, people_too) for start, end, people_too in found if text[start:end].split()[0] not in skipped]


def with_owners_of_its(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                       language: str) -> list[Candidate]:
    """``model`` with the English sentences' subjects before a verb and "its" (``OWNER_OF_ITS``: "Severn
    Trent sold its", "Wessex Water raised its") as organisations: added where no candidate covers them, or
    the model's person or place on the same words made one; a name a pattern knows keeps its label
    ("Germany raised its"), and so do the words that open sentences ("The", "It"). So with the subject of a
    sentence that names its site with "its" later (``OWNER_OF_ITS_SITE``), where only a place is relabelled."""
    if language != "en" or " its " not in text:
        return model
    named = [*model, *rules.values()]
    # a role opening the sentence is its person's ("Chief executive Clay Sell said ... its plant" gave "Chief")
    skipped = opening_words() | OPENING_PRONOUNS | ROLE_TITLES
    # the owner of a site later in the sentence is made one from a place only: a person may stand between
    for pattern, relabelled in ((OWNER_OF_ITS, ("PER", "LOC")), (OWNER_OF_ITS_SITE, ("LOC",))):
        for match in pattern.finditer(text):
            start, end = past_a_company_role(text, *match.span(1))
            if text[start:end].split()[0] not in skipped:
                make_organisation(model, named, start, end, relabelled=relabelled)
    return model


def with_financed_subjects(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                           language: str) -> list[Candidate]:
    """``model`` with the sentences' subjects that raise a sum, buy or sell for one, move a player, or that the
    sentence's end calls a company (``FINANCED_SUBJECT``: "Stegra raised €4.7bn", "O Ebanx levantou US$ 430 milhões",
    "Prada bought ... for €40 million", "Everton loaned striker Beto", "Nintendo sold ..., the company said.") as
    organisations: added where no candidate covers
    them, or the model's place on the same words made one; a name a pattern knows keeps its label, and so do a
    person of the text ("Musk raised $6bn" after "Elon Musk") and the words that open sentences ("The", "It"); a
    person of one word is made one ("Mowi raised €500 million" was a person: news names a person it has not named
    before in full); not a group of people opening the sentence ("Investors raised $2bn", ``DEMONYM_GROUPS``),
    nor a figure's verb ("Sales rose 5%, the company said")."""
    if language not in FINANCED_SUBJECT or not has_keyword(text, FINANCING_WORDS):
        return model
    named = [*model, *rules.values()]
    skipped = opening_words() | OPENING_PRONOUNS | OPENING_SUBJECTS | ROLE_TITLES  # "Chief executive X raised"
    for match in FINANCED_SUBJECT[language].finditer(text):
        start, end = match.span(1)
        # a person named elsewhere in the text, not the model's guess on these words alone
        people = {word for c in named if c.label == "PER" and (c.start, c.end) != (start, end)
                  for word in text[c.start:c.end].split()}
        first = text[start:end].split()[0]
        if first not in skipped | people and first.lower() not in DEMONYM_GROUPS | UNNAMED_SOURCES:
            relabelled = ("LOC",) if " " in text[start:end] else ("LOC", "PER")
            make_organisation(model, named, start, end, relabelled=relabelled)
    return model


def with_fined_and_counted_companies(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                     text: str, language: str) -> list[Candidate]:
    """``model`` with the English names of a company fined a sum (``FINED_COMPANY_EN``: "fined Entain £585,000") and
    of a brand a count of shops is of (``SHOPS_OF_A_BRAND``: "200 William Hill shops") as organisations: added where
    no candidate covers them, or the model's place (and, before shops, its person) on the same words made one; a
    name a pattern knows keeps its label, and a person fined keeps the model's ("fined José Mourinho £50,000")."""
    if language != "en":
        return model
    named = [*model, *rules.values()]
    if "fined" in text:
        for match in FINED_COMPANY_EN.finditer(text):
            make_organisation(model, named, *match.span(1), relabelled=("LOC",))
    if has_keyword(text, SHOP_KEYWORDS):
        for match in SHOPS_OF_A_BRAND.finditer(text):
            make_organisation(model, named, *match.span(1), relabelled=("PER", "LOC"))
    return model


# After a Portuguese club or company, "de" and a person's two or three names ("o Benfica de José Mourinho", one
# organisation to the model or the club alone): whose team it is (``with_coaches_of_clubs``).
COACH_AFTER_CLUB = re.compile(rf"[^\S\n]+de[^\S\n]+({PERSONAL_NAME.pattern}(?:[^\S\n]+{PERSONAL_NAME.pattern}){{1,2}})"
                              r"(?![\w-])")


def with_coaches_of_clubs(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                          language: str) -> list[Candidate]:
    """``model`` with the person after a Portuguese organisation that a pattern knows and "de" (``COACH_AFTER_CLUB``:
    "O Benfica de José Mourinho empatou"), its coach or owner: the model's organisation over both is split in two,
    and the person is added where the model saw nothing. A known place after "de" stays in the club's name
    ("Sporting de Braga"), and a name no pattern knows before "de" is one ("Universidade de São Paulo")."""
    if language != "pt" or " de " not in text:
        return model
    places = {(c.start, c.end) for c in rules.values() if c.label == "LOC"}
    for club in [c for c in rules.values() if c.label == "ORG"]:
        match = COACH_AFTER_CLUB.match(text, club.end)
        if match is None or match.span(1) in places:
            continue
        start, end = match.span(1)
        around = [c for c in model if c.start < end and start < c.end]
        if around == [c for c in around if c.label == "ORG" and (c.start, c.end) == (club.start, end)]:
            model = [c for c in model if c not in around] + [Candidate(start, end, "PER", "model")] + [
                Candidate(club.start, club.end, "ORG", c.source) for c in around]
    return model


# A Portuguese player's or coach's role, or one held at a body, before "do"/"da"/"de", the club, body or place, and
# the person with no comma ("O atacante do Flamengo Pedro foi convocado": "Pedro" missed; "O avançado do Sporting Luis
# Suárez", "O presidente do Banco Central Gabriel Galípolo", "O governador de São Paulo Tarcísio de Freitas" one name):
# ``with_people_after_role_and_body``.
SPORT_ROLES_PT = frozenset(
    "atacante avançado meia médio meio-campista zagueiro defesa defensor central goleiro guarda-redes lateral volante "
    "extremo ponta centroavante ponta-de-lança técnico treinador treinadora".split())
PLAYER_ROLES_PT = SPORT_ROLES_PT | frozenset(
    "CEO reitor reitora vice-presidente secretário-geral secretária-geral presidenta deputado deputada senador senadora "
    "vereador vereadora presidente-executivo presidente-executiva diretor-executivo diretora-executiva diretor-geral "
    "diretora-geral".split()) | frozenset(APPOSED_ROLE_WORDS_PT)
# (the role maybe with one qualifier: "A diretora financeira da Natura Silvia Vilas Boas", "o diretor técnico do")
ROLE_BEFORE_BODY = re.compile(
    rf"(?<!\S)(?:{'|'.join(sorted(map(re.escape, PLAYER_ROLES_PT)))})(?:[^\S\n]+{_NOT_A_QUALIFIER}[a-zà-ÿ]{{4,}})?"
    r"[^\S\n]+d[aeo]s?[^\S\n]+(?=[A-ZÀ-Ý])")
# ... where the role is a player's or a coach's, the place a pattern knows there is the club's name ("O técnico do São
# Paulo Hernán Crespo": ``clubs_before_their_people``); the roles that are no common word elsewhere ("central",
# "defesa", "médio": one Paramopama text in eleven holds one)
CLUB_ROLES_PT = SPORT_ROLES_PT - frozenset("central defesa lateral médio meia ponta".split())
SPORT_ROLE_BEFORE_CLUB = re.compile(
    rf"(?<!\S)(?:{'|'.join(sorted(map(re.escape, CLUB_ROLES_PT)))})[^\S\n]+d[aeo][^\S\n]+(?=[A-ZÀ-Ý])")
PERSON_AFTER_BODY = re.compile(rf"[^\S\n]+({PERSON_RUN})(?=[^\S\n]+[a-zà-ÿ]|[^\S\n]*[,.;:!?])")
# Heads of a body named after a person ("Hospital Albert Einstein", "Escola Estadual Anísio Teixeira", "Fundação
# Getulio Vargas"): a given name after one is the body's name, not its officer's.
NAMED_AFTER_HEADS = frozenset(
    "Hospital Escola Colégio Liceu Instituto Fundação Universidade Faculdade Centro Museu Biblioteca Teatro Estádio "
    "Arena Ginásio Aeroporto Ponte Praça Rua Avenida Rodovia Parque Memorial Casa Creche Grupo Prêmio Troféu".split())


def with_people_after_role_and_body(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                    text: str, language: str) -> list[Candidate]:
    """``model`` with the person right after a Portuguese role, "do"/"da"/"de" and a body or place
    (``ROLE_BEFORE_BODY``, ``PERSON_AFTER_BODY``): the body is the longest a pattern knows there, else the model's
    span cut where a person's name begins in it (``person_inside``); the model's span over both is cut to the body, and
    the person replaces the model's pieces of it ("Cármen Lúcia", where the model saw "Lúcia")."""
    if language != "pt" or spaced_words(text).isdisjoint(PLAYER_ROLES_PT):
        return model
    for role in ROLE_BEFORE_BODY.finditer(text):
        # (a person's span may open with the body: "A ministra da Saúde Ana Paula Martins", one person to the model)
        # (a club's code opens its name, a party's stands alone: "do FC Porto", "do PP Tereza Cristina")
        party_role = role.group().split()[0] not in SPORT_ROLES_PT
        body_end = max([c.end for c in rules.values() if c.label in ("ORG", "LOC") and c.start == role.end()] or [
            end for c in model if c.start == role.end()
            for end in [person_inside(c, text, rules, party_role)] if c.label in ("ORG", "LOC") or end < c.end] or [-1])
        person = PERSON_AFTER_BODY.match(text, body_end) if body_end > 0 else None
        if person is None or any(c.start == person.start(1) and c.label != "PER" for c in rules.values()):
            continue  # a name a pattern knows goes on the body's ("O presidente da Câmara Municipal")
        start, end = person.span(1)
        around = [c for c in model if c.start < end and start < c.end]
        fused = [c for c in around if c.start == role.end() and (c.label in ("ORG", "LOC") or c.end > body_end)]
        if all(c in fused or (c.label == "PER" and start <= c.start and c.end <= end) for c in around):
            model = [c for c in model if c not in around] + [Candidate(start, end, "PER", "model")] + [
                Candidate(role.end(), body_end, "ORG" if c.label == "PER" else c.label, c.source) for c in fused]
    return model


def person_inside(body: Candidate, text: str, rules: Mapping[tuple[int, int, str], Candidate],
                  acronym_alone: bool = False) -> int:
    """Where the body's name ends in a model span after a role that ran on over a person's ("FC Porto Alan Varela"):
    before its first word past the first that is a given name (``given_names``, ``feminine_given_names.txt``) or
    opens a person a pattern knows; the span's end where there is none, or where the body is named after the person
    (``NAMED_AFTER_HEADS``: "Hospital Albert Einstein"). Where no given name is known and the body's code stands
    alone (``acronym_alone``: a party's or a company's, not a club's), the code before two capitalised words or more
    ("do PL Nikolas Ferreira": the person's given name is in no list)."""
    words = list(WORD_RUN.finditer(text, body.start, body.end))
    if len(words) < 2 or words[0].group() in NAMED_AFTER_HEADS:
        return body.end
    people = {c.start for c in rules.values() if c.label == "PER"}
    # (a given name after "de" is a surname: "Tainá de Paula")
    named = next((before.end() for before, word in pairwise(words)
                  if (word.group() in all_given_names() and before.group() not in NAME_CONNECTORS_PT)
                  or word.start() in people), body.end)
    if named == body.end and acronym_alone and len(words) > 2 and BODY_CODE.fullmatch(words[0].group()) \
            and all(PERSONAL_NAME.fullmatch(word.group()) or word.group() in NAME_CONNECTORS_PT for word in words[1:]):
        return words[0].end()
    return named


# A body's code of capitals ("PL", "MDB", "PSOL"), which a person's name after a role and "do" follows.
BODY_CODE = re.compile(r"[A-Z]{2,6}")


NAME_CONNECTORS_PT = frozenset("de do da dos das".split())


@functools.cache
def all_given_names() -> frozenset[str]:
    """Given names in both languages: the English training data's (``given_names``), the Portuguese training
    data's (``given_names_pt.txt``) and the Portuguese women's (``feminine_given_names.txt``)."""
    return given_names() | word_list(PORTUGUESE_GIVEN_NAMES_FILE) | word_list(FEMININE_GIVEN_NAMES_FILE)


# A Portuguese sentence's subject of one to three names without an article before a verb of scoring and the goals
# ("Vitor Roque marcou os dois gols", missed by the model; "Arrascaeta marcou duas vezes", a place): a player, as a
# club takes its article ("O Palmeiras marcou") and a club a pattern knows keeps its label (``with_scorers``).
SCORING_VERBS = frozenset({"marcou", "marcará", "fez", "anotou"})
# ... or before opening or widening the score ("Vitor Roque abriu o placar", an organisation to the model).
SCORE_OPENINGS = frozenset({"abriu", "ampliou", "inaugurou"})
# ... or, one name too after "e" or a semicolon, before widening or narrowing the score and when or how
# ("e Arrascaeta ampliou no segundo tempo", a place to the model; "Vitor Roque descontou para o time paulista"):
# not before what it widened ("Benfica ampliou a vantagem", a club without its article in a headline).
SCORE_CHANGES = frozenset({"ampliou", "descontou"})
SCORER = re.compile(
    rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))({PERSONAL_NAME.pattern}(?:[^\S\n]+{PERSONAL_NAME.pattern}){{0,2}})"
    rf"(?=[^\S\n]+(?:(?:{'|'.join(sorted(SCORING_VERBS))})[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}?(?:gols?|golos?|vezes)\b"
    rf"|(?:{'|'.join(sorted(SCORE_OPENINGS))})[^\S\n]+o[^\S\n]+(?:placar|marcador)\b))")
SCORE_CHANGER = re.compile(
    rf"(?:^|(?<=[.!?;][^\S\n])|(?<=\n)|(?<=[^\S\n]e[^\S\n]))"
    rf"({PERSONAL_NAME.pattern}(?:[^\S\n]+{PERSONAL_NAME.pattern}){{0,2}})"
    rf"(?=[^\S\n]+(?:{'|'.join(sorted(SCORE_CHANGES))})[^\S\n]+(?:n[oa]|aos?|às?|de|para|com|em)[^\S\n])")


# A Portuguese name of one to three words without an article after a verb that praises, boos, honours, replaces or
# calls up a person ("o técnico elogiou Arrascaeta", "a torcida aplaudiu Arrascaeta": a place to the model): a
# person, as a club or a country takes its article ("elogiou o Flamengo") and a town a pattern knows keeps its label.
PERSON_OBJECT_VERBS = frozenset("elogiou elogiaram elogia aplaudiu aplaudiram aplaude vaiou vaiaram homenageou "
                                "homenagearam substituiu poupou escalou convocou".split())
PERSON_AS_OBJECT = re.compile(
    rf"(?<!\S)(?:{'|'.join(sorted(PERSON_OBJECT_VERBS))})[^\S\n]+"
    rf"({PERSONAL_NAME.pattern}(?:[^\S\n]+{PERSONAL_NAME.pattern}){{0,2}})(?![\w'’-]|[^\S\n]+[A-ZÀ-Ý])")
# A Portuguese player without an article after "antes de", "depois de", "após" or "até" before an infinitive of what
# a player does with the ball ("até Samu empatar aos 70 minutos", a place to the model): a club or a country takes its
# article there ("antes de o Porto empatar"), and a town a pattern knows keeps its label (``with_scorers``).
PLAYER_INFINITIVES = frozenset("marcar empatar reduzir ampliar igualar descontar sofrer perder falhar desperdiçar "
                               "converter cabecear rematar finalizar cobrar".split())
PLAYER_BEFORE_INFINITIVE = re.compile(
    rf"(?<!\S)(?:[Aa]ntes[^\S\n]+de|[Dd]epois[^\S\n]+de|[Aa]pós|[Aa]té)[^\S\n]+"
    rf"({PERSONAL_NAME.pattern}(?:[^\S\n]+{PERSONAL_NAME.pattern}){{0,2}})"
    rf"(?=[^\S\n]+(?:{'|'.join(sorted(PLAYER_INFINITIVES))})(?![\w-]))")
# An English name of two or three words before a verb of scoring ("Bukayo Saka scored twice", an organisation to the
# English model; "Aston Villa scored late", a person): a club's when a club's word opens or ends it (a club's last
# word ends a person's name too: "David Villa", a given name first) or a pattern knows a part of it ("Real Madrid"),
# a player's otherwise.
ENGLISH_SCORING_VERBS = frozenset("scored scores netted nets equalised equalized".split())
ENGLISH_SCORING_AFTER = tuple(f" {verb}" for verb in sorted(ENGLISH_SCORING_VERBS))
# A capital consonant alone, a word of a name ("Y Combinator"); not a vowel, a Portuguese article or an English pronoun
# ("A", "O", "I") or a Burmese honorific ("U Thant").
LONE_CONSONANT = re.compile(r"[B-DF-HJ-NP-TV-Z]")
CLUB_OPENERS = frozenset("Real Atlético Atletico Athletic Borussia Bayern Bayer Inter Sporting Olympique Dynamo "
                         "Dinamo Racing Deportivo".split())
CLUB_ENDINGS = frozenset("United City Villa Rovers Wanderers Albion Town County Palace Forest Hotspur Athletic Rangers "
                         "Argyle Orient FC AFC".split())


def with_scorers(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                 language: str) -> list[Candidate]:
    """``model`` with the players a Portuguese sentence says scored (``SCORER``), widened or narrowed the score
    (``SCORE_CHANGER``) or did so with the ball after a preposition of time (``PLAYER_BEFORE_INFINITIVE``), and the
    names a verb praises, boos, honours, replaces or calls up without an article (``PERSON_AS_OBJECT``), as people,
    where no candidate of the model's or the patterns' covers them, or the model's organisation or place on the same
    words alone does ("Vitor Roque abriu o placar": a club takes its article, "O Palmeiras abriu o placar"): a team
    without its article that a pattern knows keeps its label ("Cabo Verde marcou dois golos", a place; "Manchester
    United marcou" an organisation). In English the scorers are the model's (``english_scorers``) and those named
    by their possessive (``with_scorers_by_their_possessive``)."""
    if language == "en":
        return with_scorers_by_their_possessive(english_scorers(model, rules, text), rules, text)
    if language != "pt":
        return model
    matches = [*(SCORER.finditer(text) if has_keyword(text, SCORING_VERBS | SCORE_OPENINGS) else ()),
               *(SCORE_CHANGER.finditer(text) if has_keyword(text, SCORE_CHANGES) else ()),
               *(PLAYER_BEFORE_INFINITIVE.finditer(text) if has_keyword(text, PLAYER_INFINITIVES) else ()),
               *(PERSON_AS_OBJECT.finditer(text) if has_keyword(text, PERSON_OBJECT_VERBS) else ())]
    named = [*model, *rules.values()]
    for match in matches:
        start, end = match.span(1)
        around = [c for c in named if c.start < end and start < c.end]
        if not around:
            model.append(Candidate(start, end, "PER", "model"))
        elif around == [c for c in model if (c.start, c.end) == (start, end) and c.label in ("ORG", "LOC")]:
            model[model.index(around[0])] = Candidate(start, end, "PER", around[0].source)
    return model


def english_scorers(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                    text: str) -> list[Candidate]:
    """``model`` with its names of two or three capitalised words before a verb of scoring (``ENGLISH_SCORING_AFTER``)
    labelled as a club's or a player's (``is_club_name``)."""
    if not has_keyword(text, ENGLISH_SCORING_VERBS):
        return model
    relabelled = []
    for candidate in model:
        words = text[candidate.start:candidate.end].split()
        if candidate.label in ("PER", "ORG", "LOC") and 2 <= len(words) <= 3 \
                and text.startswith(ENGLISH_SCORING_AFTER, candidate.end) \
                and all(PERSONAL_NAME.fullmatch(word) for word in words):
            label = "ORG" if is_club_name(words) or any(
                candidate.start <= c.start and c.end <= candidate.end for c in rules.values()) else "PER"
            candidate = Candidate(candidate.start, candidate.end, label, candidate.source)
        relabelled.append(candidate)
    return relabelled


# A player by their possessive before what they scored with ("Mustapha Bundu's late strike", a place to the English
# model; "Ndiaye's 88th-minute header", missed; s50-entities): a header, a volley, an equaliser or a winner, or a
# strike or a goal with a word of its time or kind before it ("Unite's strike" is a union's). A club's possessive is
# as common ("Everton's late winner"): the model's organisation and a name the gazetteers know ("Hull's late winner")
# keep theirs.
_GOAL_TIMES = r"late|early|first|second|third|opening|fine|superb|stunning|long-range|stoppage-time|injury-time|" \
    r"first-half|second-half|\d{1,3}(?:st|nd|rd|th)-minute"
SCORER_BY_POSSESSIVE = re.compile(
    rf"(?<![\w'’-])({PERSONAL_NAME.pattern}(?:[^\S\n]+{PERSONAL_NAME.pattern}){{0,2}})['’]s[^\S\n]+"
    rf"(?:(?:(?:{_GOAL_TIMES})[^\S\n]+)?(?:header|volley|equaliser|equalizer|winner|brace|tap-in)"
    rf"|(?:{_GOAL_TIMES})[^\S\n]+(?:strike|goal|penalty|free-kick|finish))(?![\w-])")


def with_scorers_by_their_possessive(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                                     text: str) -> list[Candidate]:
    """``model`` with the English players ``SCORER_BY_POSSESSIVE`` names as people: the model's place on their words
    relabelled, and its span of any label over them and the possessive ("Mustapha Bundu's 88th-minute", an
    organisation) cut to them, a name nothing covers added; not a name a pattern or the gazetteers know (a club
    named after its town), nor the model's organisation or person on the name alone."""
    if "'s " not in text and "’s " not in text:
        return model
    for match in SCORER_BY_POSSESSIVE.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if name in place_names() or name in town_names() or name in organisation_names() \
                or overlaps_a_rules_name(rules, start, end):
            continue
        around = [c for c in model if c.start < end and start < c.end]
        if not around:
            model.append(Candidate(start, end, "PER", "model"))
        elif len(around) == 1 and around[0].start == start and (around[0].label == "LOC" or around[0].end > end):
            model[model.index(around[0])] = Candidate(start, end, "PER", around[0].source)
    return model


def is_club_name(words: list[str]) -> bool:
    """Whether a name's words are a club's: a club's word opens it (``CLUB_OPENERS``: "Real Madrid"), or ends it
    after no given name (``CLUB_ENDINGS``: "Aston Villa", not "David Villa")."""
    return words[0] in CLUB_OPENERS or (words[-1] in CLUB_ENDINGS and words[0] not in given_names())


# A name after a locative, then a comma and (maybe the locative again and) the next name ("em Chitose, em Hokkaido",
# "in Chitose, Hokkaido"): where the next name is a known place, the first is a place in it (``with_places_in_places``).
PLACE_IN_PLACE = re.compile(opening("em|in|at", r"\S") + r"[^\S\n]+"
                            r"([A-ZÀ-Ý][\w-]*[a-zà-ÿ](?:[^\S\n]+[A-ZÀ-Ý][\w-]*[a-zà-ÿ]){0,2}),"
                            r"[^\S\n]+(?:(?:em|no|na|in)[^\S\n]+)?(?=[A-ZÀ-Ý])")


def with_places_in_places(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate],
                          text: str) -> list[Candidate]:
    """``model`` with the names no candidate covers after a locative and before a comma and a place that a pattern
    knows or the model found (``PLACE_IN_PLACE``: "produziu os protótipos em Chitose, em Hokkaido", missed) added as
    the model's places."""
    if "," not in text:
        return model
    named = [*model, *rules.values()]
    place_starts = {c.start for c in named if c.label == "LOC"}
    for match in PLACE_IN_PLACE.finditer(text):
        start, end = match.span(1)
        if match.end() in place_starts and not any(c.start < end and start < c.end for c in named):
            model.append(Candidate(start, end, "LOC", "model"))
    return model


# An English place before "-based" and a company's or a person's noun or a company's name ("Tallinn-based Marduk
# Technologies", "Berlin-based startup Parloa", the town missed or a place after "Shares of the"): where they are
# based; a tool or a chip is based on a technology ("a Python-based tool", "Arm-based chips"), which no such noun
# follows. The company's name after its noun is the second group.
BASED_NOUNS = " ".join(sorted(ENGLISH_COMPANY_NOUNS)) + " investor fund charity club team band artist designer " \
              "author writer journalist lawyer entrepreneur founder researchers scientists"
BASED_IN = re.compile(rf"(?<![\w-])([A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)-based[^\S\n]+"
                      rf"(?:(?:[a-z-]+[^\S\n]+)?(?:{'|'.join(BASED_NOUNS.split())})\b(?:[^\S\n]+{_ENGLISH_NAME})?"
                      rf"|(?=(?:[A-Z][\w&-]*[^\S\n]+){{1,2}}(?:{'|'.join(sorted(COMPANY_WORDS))})\b))")


def with_based_places(model: list[Candidate], rules: Mapping[tuple[int, int, str], Candidate], text: str,
                      language: str) -> list[Candidate]:
    """``model`` with the English places where a company or a person is based (``BASED_IN``) as the model's places:
    added where no candidate covers them, or cut from the model's span that ends on them ("Shares of the Tallinn");
    a name a pattern knows keeps its label. The company named after its noun is one (``make_organisation``)."""
    if language != "en" or "-based" not in text:
        return model
    named = [*model, *rules.values()]
    for match in BASED_IN.finditer(text):
        start, end = match.span(1)
        around = [c for c in named if c.start < end and start < c.end]
        # the pattern's own match of the town does not keep the model's span over it ("Shares of the Tallinn")
        spans = [c for c in around if c in model]
        known = [c for c in around if c not in model]
        if not around:
            model.append(Candidate(start, end, "LOC", "model"))
        elif len(spans) == 1 and spans[0].end == end and all((c.start, c.end) == (start, end) for c in known):
            label = known[0].label if known else "LOC"
            model[model.index(spans[0])] = Candidate(start, end, label, spans[0].source)
        if match.group(2):
            make_organisation(model, named, *match.span(2), relabelled=("LOC", "PER"))
    return model


# A road by its code where the sentence puts a vehicle or a place on it: a place, as HAREM's and LeNER-Br's
# annotators mark "na BR-116" and "Rodovia Presidente Dutra" (WikiANN, typed from Wikipedia's articles, makes roads
# organisations, and the models learned it: "na SP-330", "the M25", "A bridge on Interstate 95" were organisations).
# In Portuguese after a feminine preposition's article (a road is "a rodovia", "a autoestrada", "a estrada
# nacional"; "o A1" is Audi's car) or opening a sentence: Brazil's federal and state roads ("BR-116", "SP-330") and
# Portugal's motorways and national roads ("A1", "EN125"), or after a masculine one its "itinerários" ("IC19"); "a"
# too ("fechou a A28": an organisation; entities46, entities47). A code alone or in a title's list ("BR-101 - Termina
# em", "Interseção com a BR-101": WikiANN's organisation) is left to the model. (``with_roads``)
ROAD_CODES_PT = re.compile(
    rf"(?:(?<!\S)(?:[Nn]a|[Dd]a|[Pp]ela|à|(?<!com )a)|(?:^|(?<=[.!?][^\S\n])|(?<=\n))A)[^\S\n]+"
    rf"((?:BR|{'|'.join(sorted(STATE_CODES))})-\d{{3}}|A\d{{1,2}}|EN\d{{1,3}})(?![\w-])"
    r"|(?<!\S)(?:[Nn]o|[Dd]o|[Pp]elo|o)[^\S\n]+(I[CP]\d{1,2})(?![\w-])")
# A Portuguese road's code anywhere in a text, searched before ``ROAD_CODES_PT`` where the model found no name there
ROAD_CODE_SHAPE_PT = re.compile(r"(?<![\w-])(?:A|EN|I[CP]|[A-Z]{2}-)\d")
# ... screened first by the character its digit follows: a lookbehind the engine tries at every position made the
# shape's search alone cost 23 us a Paramopama task (8 sentences), the screen's a sixth of it.
ROAD_CODE_DIGIT_PT = re.compile(r"[ACNP-]\d")
# In English after a preposition or a verb of closing: a road's noun and number ("on Interstate 95", "along Route
# 66"), or after "the" a British or an American road's code where the sentence says what happened on the road
# (``ROAD_WORDS``: "Traffic on the M25 was halted"; Apple's "M5" and "A14" are chips, "on the M5" a Mac's).
ROAD_WORDS = frozenset("traffic motorway motorways crash crashes lorry lorries junction carriageway road roads lane "
                       "lanes collision accident closed northbound southbound eastbound westbound tailbacks bridge "
                       "highway shut".split())
_ROAD_BEFORE_EN = r"(?<!\S)(?:on|along|off|onto|near|closed|reopened|blocked|shut)[^\S\n]+"
ROADS_EN = re.compile(rf"{_ROAD_BEFORE_EN}(?:the[^\S\n]+)?((?:U\.S\.[^\S\n]+)?(?:Interstate|Route|Highway)"
                      r"[^\S\n]+\d{1,3})(?![\w-])")
# How far around a model's span its road's preposition ("closed the ", "Na ") and the words after it ("chip") are read.
ROAD_CONTEXT = 16
_NOT_A_ROADS_CODE = r"(?![^\S\n]+(?:chips?|processors?|Bionic|Pro|Max|Ultra)\b)"
ROAD_CODES_EN = re.compile(rf"{_ROAD_BEFORE_EN}the[^\S\n]+([AM]\d{{1,4}}|I-\d{{1,3}})(?![\w-]){_NOT_A_ROADS_CODE}")
# The same code after "the" alone, where the model found nothing on it or the code alone ("traffic on the A303", "the
# M5 near Bridgwater": missed; "the A46 was shut": an organisation; entities45, entities46) and the sentence says what happened on a road; not an Airbus
# ("the A320", "the A350").
ROAD_CODE_AFTER_THE_EN = re.compile(
    rf"(?<![\w-])[Tt]he[^\S\n]+(?!A(?:220|3[0-8]0|321)(?![\w-]))([AM]\d{{1,4}})(?![\w-]){_NOT_A_ROADS_CODE}")


def with_roads(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
               language: str) -> list[Candidate]:
    """``model`` without its spans over a road (``ROAD_CODES_PT``, ``ROADS_EN``, ``ROAD_CODES_EN``), which ``rules``
    gets as a place. Only where the model found a name: the roads' regexes are searched around its spans, at a
    fortieth of the cost of searching the whole text (a road is a name to the model, of some label); but an English
    code after "the" (``ROAD_CODE_AFTER_THE_EN``), searched in the whole text where a road's word is one of it, as the
    model misses such codes or takes one alone for an organisation."""
    if language == "pt":
        patterns: tuple[re.Pattern[str], ...] = (ROAD_CODES_PT,)
    elif language == "en":
        patterns = (ROADS_EN, ROAD_CODES_EN) if has_keyword(text, ROAD_WORDS) else (ROADS_EN,)
    else:
        return model
    for candidate in [c for c in model if DIGIT.search(text, c.start, c.end)]:  # every road's name has a number
        window = (max(0, candidate.start - ROAD_CONTEXT), candidate.end + ROAD_CONTEXT)
        for match in (match for pattern in patterns for match in pattern.finditer(text, *window)):
            start, end = matched_group_span(match)
            if start < candidate.end and candidate.start < end:
                rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
                model = [c for c in model if c.end <= start or end <= c.start]
    if language == "pt" and ROAD_CODE_DIGIT_PT.search(text) and ROAD_CODE_SHAPE_PT.search(text) is not None:
        # a code the model missed ("fechou a A28 perto de Viana")
        for match in ROAD_CODES_PT.finditer(text):
            start, end = matched_group_span(match)
            if is_uncovered(model, start, end):
                rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
    if language == "en" and len(patterns) > 1:
        for match in ROAD_CODE_AFTER_THE_EN.finditer(text):
            start, end = match.span(1)
            model = [c for c in model if (c.start, c.end) != (start, end)]  # "the A46 was shut": an organisation
            if is_uncovered(model, start, end):
                rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
    return model


# A Portuguese public body's unit named by its head and capitalised words before "do"/"da" and the body it belongs to
# ("Os Serviços Partilhados do Ministério da Saúde", "a Secretaria-Geral do Ministério da Educação": the ministry
# alone to the gazetteer, the unit missed; entities47): ``with_units_of_known_bodies``.
UNIT_HEADS_PT = "Serviços Serviço Secretaria-Geral Direção-Geral Direcção-Geral Inspeção-Geral Inspecção-Geral " \
                "Gabinete Departamento Divisão Unidade Núcleo Centro Comissão Conselho"
UNIT_BEFORE_ITS_BODY_PT = re.compile(rf"(?<![\w-])(?:{'|'.join(UNIT_HEADS_PT.split())})(?:[^\S\n]+[A-ZÀ-Ý][\w-]*)+"
                                     r"[^\S\n]+d[oa][^\S\n]+$")
# How far before a body its unit's name is read
UNIT_CONTEXT = 80


def with_units_of_known_bodies(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate],
                               text: str) -> list[Candidate]:
    """``model`` without its spans inside a body's unit that an organisation ends (``UNIT_BEFORE_ITS_BODY_PT``), which
    ``rules`` gets whole in place of the body alone: the unit is the actor the sentence names."""
    bodies = [c for c in (*model, *rules.values()) if c.label == "ORG" and text.endswith((" do ", " da "), 0, c.start)]
    for body in bodies:
        unit = UNIT_BEFORE_ITS_BODY_PT.search(text, max(0, body.start - UNIT_CONTEXT), body.start)
        if unit is None:
            continue
        rules.pop((body.start, body.end, body.label), None)
        rules[(unit.start(), body.end, "ORG")] = Candidate(unit.start(), body.end, "ORG", "rule")
        model = [c for c in model if c.end <= unit.start() or body.end <= c.start]
    return model


def matched_group_span(match: re.Match[str]) -> tuple[int, int]:
    """The span of a match's first group that matched (a pattern of alternatives, each with its group)."""
    return next(match.span(g) for g in range(1, match.re.groups + 1) if match.start(g) >= 0)


# Two or three names listed after a preposition of where ("around Barnsley, Rotherham and Doncaster", "flights from
# Cork and Knock"), each of one to three capitalised words; the last ends at a word's end ("Procter & Gamble").
_LISTED_NAME = r"([A-Z][a-z][\w-]*(?:[^\S\n]+[A-Z][a-z][\w-]*){0,2})"
LISTED_AFTER_WHERE = re.compile(rf"(?<!\S)(?:around|in|at|from|to|near|across|through)[^\S\n]+{_LISTED_NAME}"
                                rf"(?:,[^\S\n]+{_LISTED_NAME})?,?[^\S\n]+and[^\S\n]+{_LISTED_NAME}(?![\w&'’-])")


def with_places_listed_with_places(model: list[Candidate], rules: dict[tuple[int, int, str], Candidate], text: str,
                                   language: str) -> list[Candidate]:
    """``model`` with the one-word names listed with a place after a preposition of where (``LISTED_AFTER_WHERE``)
    made places: a town the English model took for an organisation ("around Barnsley, Rotherham and Doncaster", a
    club's town) or missed ("from Cork and Knock"), given to ``rules``. A list names things of one kind; a name the
    organisations' gazetteer knows ("to Chelsea and Arsenal") or a given name keeps its label."""
    if language != "en" or " and " not in text:
        return model
    for match in LISTED_AFTER_WHERE.finditer(text):
        spans = [match.span(group) for group in range(1, 4) if match.start(group) >= 0]
        labels = {span: {c.label for c in (*model, *rules.values()) if (c.start, c.end) == span} for span in spans}
        if not any(found == {"LOC"} for found in labels.values()):
            continue
        for start, end in spans:
            name = text[start:end]
            if labels[(start, end)] == {"LOC"} or " " in name or name in organisation_names() \
                    or name in given_names():
                continue
            overlapping = [c for c in model if c.start < end and start < c.end]
            if all((c.start, c.end) == (start, end) and c.label in ("ORG", "PER") for c in overlapping) and not any(
                    r.start < end and start < r.end for r in rules.values()):
                model = [c for c in model if c not in overlapping]
                rules[(start, end, "LOC")] = Candidate(start, end, "LOC", "rule")
    return model


def make_organisation(model: list[Candidate], named: list[Candidate], start: int, end: int,
                      relabelled: tuple[str, ...]) -> None:
    """The words at ``start:end`` as an organisation in ``model``: added as the model's where no candidate of
    ``named`` (the model's and the patterns') covers them, or the model's one candidate on exactly those words
    made one when its label is one of ``relabelled``; a pattern's candidate there keeps its label."""
    around = [c for c in named if c.start < end and start < c.end]
    if not around:
        model.append(Candidate(start, end, "ORG", "model"))
    elif around == [c for c in model if c.start < end and start < c.end] and len(around) == 1 \
            and (around[0].start, around[0].end) == (start, end) and around[0].label in relabelled:
        model[model.index(around[0])] = Candidate(start, end, "ORG", around[0].source)


def deal_targets(text: str) -> list[tuple[int, int]]:
    """Where a name is what a takeover, a merger or a bid is for ("completed its
    takeover of Britvic", "a aquisição da Britvic"): a company, which the model
    took for a person. Each name's start and end."""
    if not contains_any(text, DEAL_STRINGS) or not DEAL_WORDS.search(text):
        return []
    return [match.span(1) for match in DEAL_TARGET.finditer(text)]


def boards_in_context(text: str, language: str) -> list[tuple[int, int, bool]]:
    """The organisations named after "board of" (``BOARD_OF``), each with its start and end and True: a person
    the model saw there is relabelled too (no one sits on a person's board)."""
    if language not in BOARD_OF or not has_keyword(text, BOARD_KEYWORDS):
        return []
    skipped = words_opening_no_organisation()
    return [(*match.span(1), True) for match in BOARD_OF[language].finditer(text)
            if match.group(1).split()[0] not in skipped]


def organisations_in_context(text: str, language: str) -> list[tuple[int, int]]:
    """Where a name is an organisation by the words around it, whatever the
    model guessed: in Portuguese a source after "segundo"/"de acordo com" and
    an article, or a capitalised run after "a" and before a verb ("A Comlurb
    recolheu", "que a REN tenha"; the place patterns keep "a Bahia") or after
    a chain's shop ("uma loja da Fast Shop"), in
    English a source after "according to", a journal after "published in" and
    a company that runs or owns something (``ENGLISH_ORGANISATION_CONTEXTS``).
    Each name's start and end."""
    if language == "pt":  # (its contexts take the character before them: a space stands for the start)
        pattern, searched, shift = PORTUGUESE_ORGANISATION_CONTEXTS, " " + text, 1
    elif language == "en" and has_keyword(text, ENGLISH_CONTEXT_WORDS):
        pattern, searched, shift = ENGLISH_ORGANISATION_CONTEXTS, text, 0
    else:
        return []
    # every context puts an article before the name, after which an adverb's word is a name ("pela Todavia"); a
    # street's head opens a place there ("a Avenida Paulista ficou fechada")
    skipped = words_opening_no_organisation_in_context()
    spans = (next((match.start(g) - shift, match.end(g) - shift) for g in range(1, pattern.groups + 1)
                  if match.start(g) >= 0)
             for match in pattern.finditer(searched))
    return [(start, end) for start, end in spans
            if text[start:end].split()[0] not in skipped and not is_state_said_of(text, start, end)]


def is_state_said_of(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are a state's noun before a lowercase demonym ("segundo o Governo
    indiano"), as ``is_state_by_its_demonym`` tells of a model's span."""
    following = text[end:end + 24].split()[:1]
    return text[start:end] in STATE_POWER_NOUNS and bool(following) \
        and following[0].rstrip(",.;:") in PORTUGUESE_DEMONYM_WORDS


@functools.cache
def words_opening_no_organisation_in_context() -> frozenset[str]:
    """The first words that make a name in an organisation's context none (``organisations_in_context``): those of
    ``words_opening_no_organisation`` but an adverb's word, and a street's head; made once, not once a text."""
    return words_opening_no_organisation() - OPENING_ADVERBS | STREET_HEADS


@functools.cache
def words_opening_no_organisation() -> frozenset[str]:
    """The first words of a name in context that make it no organisation: ``opening_words``, and a woman's given
    name, which takes the article as a company's does ("A Maria é professora")."""
    return opening_words() | word_list(FEMININE_GIVEN_NAMES_FILE)


def after_an_article(span: SpacySpan) -> bool:
    """Whether a Portuguese one-word match stands after an article, as a name
    named with a common word does ("o Livre anunciou"), and no capitalised
    word or acronym follows it ("o Novo Banco", "O Novo Testamento", "obras do Novo PAC"), but a person's given name
    after a role and the article ("O líder do Chega André Ventura": ``with_people_after_role_and_body`` takes the
    person)."""
    doc = span.doc
    return (language_of(doc.vocab) == "pt" and span.start > 0 and doc[span.start - 1].lower_ in PORTUGUESE_ARTICLES
            and not (span.end < len(doc) and (doc[span.end].is_title or is_acronym(doc[span.end])) and not (
                span.start > 1 and doc[span.start - 2].text in PLAYER_ROLES_PT
                and doc[span.end].text in all_given_names())))


# A party's code: capitals, maybe a lowercase "do" inside ("PT", "PSDB", "PCdoB").
PARTY_CODE = re.compile(r"[A-Z]{2,5}|[A-Z]+do[A-Z]")


def listed_with_a_party_code(span: SpacySpan) -> bool:
    """Whether a Portuguese one-word match is listed with a party's code, with no article before it ("PSDB e Novo
    criticaram", "Novo, PL e PP votaram"), or after another such name with its article ("o Livre e Chega votaram":
    the article is said once for both), and no capitalised word follows it ("o PT e Novo Hamburgo")."""
    doc = span.doc
    if language_of(doc.vocab) != "pt" or len(span) != 1 or (span.end < len(doc) and doc[span.end].is_title):
        return False
    before = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].text in ("e", ",") else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text in ("e", ",") else None
    return any(word is not None and PARTY_CODE.fullmatch(word.text) for word in (before, after)) or (
        before is not None and before.text in common_word_names() and after_an_article(doc[before.i:before.i + 1]))


@functools.cache
def common_word_names() -> frozenset[str]:
    """The names of the shipped patterns with the ``COMMON_WORD_NAME`` id (parties and papers named with a common
    word: "Livre", "Chega", "Novo")."""
    return frozenset(name for pattern in read_patterns(str(HERE / "patterns" / "common_word_names.jsonl"))
                     if pattern.get("id") == COMMON_WORD_NAME
                     for name in pattern["pattern"][0]["ORTH"]["IN"])


# Portuguese verbs of the present ending as an infinitive does, after their subject ("Bruxelas quer rever o Chips Act",
# dropped as "Vale lembrar" is; s45-entities): ``is_verb_opening_a_sentence``.
PRESENT_TENSES_LIKE_INFINITIVES = frozenset({"quer", "requer"})


def is_verb_opening_a_sentence(span: SpacySpan) -> bool:
    """Whether a Portuguese one-word match opens a sentence before an
    infinitive or "a pena", so is the verb "valer" ("Vale lembrar que",
    "Vale a pena ver"), not the company: a name there has a verb after it;
    or before "que" or "para que", so is the writer's verb ("Aposto que", "Acho que", "Torço para que"); or the
    writer's preterite before a lowercase word ("Troquei a pasta", ``is_first_person_preterite``)."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc) or language_of(doc.vocab) != "pt":  # the language last: it costs most to read
        return False
    tokens = tokens_of(doc)
    if span.start > 0 and not (tokens[span.start - 1].text in SENTENCE_ENDS or tokens[span.start - 1].is_space):
        return False
    after = tokens[span.end]
    word = after.text
    # (the next word's text before the two words': a slice's text costs a span and its tokens)
    return (after.is_lower and after.is_alpha and len(after) > 3 and word.endswith(INFINITIVE_ENDINGS)
            and word not in PRESENT_TENSES_LIKE_INFINITIVES) or (
        word == "a" and doc[span.end:span.end + 2].text == "a pena") or word == "que" or (
        word == "para" and doc[span.end:span.end + 2].text == "para que") or (
        after.is_lower and is_first_person_preterite(span.text))


# Given names ending as a Portuguese first-person preterite does ("Andrei", not "Comprei"), beyond ``given_names``.
NAMES_IN_EI = frozenset("Andrei Aleksei Alexei Sergei Matvei Timofei Mattei".split())


def is_first_person_preterite(word: str) -> bool:
    """Whether a capitalised word is the writer's preterite of an -ar verb ("Troquei", "Baixei", "Comprei"), which
    opens a review's sentence: five letters or more ending in "ei" ("Wei", "Lei" are names), not a given name."""
    return len(word) >= 5 and word.endswith("ei") and word.isalpha() and word not in NAMES_IN_EI \
        and word not in given_names()


def party_in_brackets(span: SpacySpan) -> tuple[int, int] | None:
    """Where the party is in a match of patterns/parties.jsonl ("Paulo Haddad
    Filho (PSOL)", "(PL-MG)" without its state): only after a capitalised
    word, a politician's name; in brackets elsewhere such letters are as often
    a country's code or a note ("(PT)" after a word in Portuguese). The
    patterns' bracket is optional, so that their gate is the party's name (a
    bracket is in most texts): a match without one is no party's."""
    doc = span.doc
    if span[0].text != "(" or span.start == 0 or not doc[span.start - 1].is_title:
        return None
    inner = span[1:-1]
    name, _, state = inner.text.rpartition("-")
    end = inner.start_char + len(name) if len(inner) == 1 and state in STATE_CODES else inner.end_char
    return inner.start_char, end


def is_lone_demonym(words: SpacySpan) -> bool:
    """Whether an English model span is a demonym alone before a lowercase
    word, an adjective ("the European leg sold", "a Japanese novelist"), not a
    name; WikiANN-en labels a few such LOC (16 spans of train) where the model
    also tags whole names that start so ("European Union")."""
    doc = words.doc
    return (language_of(doc.vocab) == "en" and len(words) == 1 and words.text in word_list(DEMONYMS_FILE)
            and (words.end == len(doc) or is_lowercase_word(doc[words.end]) or ends_a_clause(doc[words.end])))


def ends_a_clause(token: Token) -> bool:
    """Whether a token is a clause's closing punctuation: after a demonym alone, the demonym is what someone or
    something is said to be ("only one horse is American:"), an adjective, as before a lowercase word."""
    return token.text in {".", ",", ":", ";", "!", "?"}


def is_after_em(words: SpacySpan) -> bool:
    """Whether a Portuguese span follows "em" ("lançou em Sorriso": a town the
    model took for a person): WikiANN-pt train has 238 places, 28
    organisations and 7 people after it. Not after a verb of choosing or
    trusting, which takes a person so ("votou em Lula", "confia em Haddad")."""
    doc = words.doc
    if language_of(doc.vocab) != "pt" or words.start == 0 or tokens_of(doc)[words.start - 1].text != "em":
        return False
    return words.start < 2 or not tokens_of(doc)[words.start - 2].lower_.startswith(PERSON_AFTER_EM)


def is_named_day(words: str) -> bool:
    """Whether a span is a day named by capitalised words before a weekday, maybe with its year ("Black
    Friday", "Black Friday de 2025", "Cyber Monday"): a date the shops keep, no name."""
    return NAMED_DAY.fullmatch(words) is not None


def is_event(words: SpacySpan) -> bool:
    """Whether a span names an event by its first words ("Grand Slam de Abu
    Dhabi", "Festival de Verão de Salvador", "Copa do Brasil"), which the model
    often takes for the place after them."""
    first = tokens_of(words.doc)[words.start].text
    # (a head of two words needs its first word first: a span's slice and text cost more)
    return first in EVENT_HEADS or (first in EVENT_HEAD_OPENERS and words[:2].text in EVENT_HEADS)


def as_club(candidate: Candidate, clubs: set[tuple[int, int]], text: str, language: str) -> Candidate:
    """A place's candidate as the club named after it, where ``clubs`` holds its words; a person's too where its
    words are a club's (``is_club_name``: "Aston Villa moved up to fifth", a person to the model; not "Carlos
    Alcaraz beat Jannik Sinner") or an Irish county's or province's ("Kerry beat Derry", ``GAELIC_COUNTY``; "Ulster
    lost to", ``IRISH_PROVINCE``) or the text Portuguese, whose match phrases take the article a club has and news
    gives no player ("O Benfica empatou com o Famalicão", a person to the model)."""
    name = text[candidate.start:candidate.end]
    if (candidate.start, candidate.end) in clubs and (candidate.label == "LOC" or (candidate.label == "PER" and (
            language == "pt" or is_club_name(name.split()) or GAELIC_COUNTY.fullmatch(name)
            or IRISH_PROVINCE.fullmatch(name)))):
        return Candidate(candidate.start, candidate.end, "ORG", candidate.source)
    return candidate


# Where a Portuguese match was played, after its club: "no"/"na"/"nos"/"nas" or "em" ("perdeu com o Gil Vicente em
# Barcelos") and a place's capitalised words.
VENUE_AFTER_CLUB = re.compile(
    r"[^\S\n]+(?:n[oa]s?|em)[^\S\n]+([A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*)*)")


def club_and_venue(candidate: Candidate, clubs: set[tuple[int, int]], text: str) -> list[Candidate]:
    """A model's span that runs from a club a match names on over where it played ("perdeu com o Casa Pia nos Açores",
    "enfrenta o Grêmio na Neo Química Arena": one organisation to the model) as the club and the place; any other
    span as it is. Only a match's club is cut so: Wikipedia's titles keep "na"/"no" ("Reino Unido na Fed Cup")."""
    for start, end in clubs:
        if candidate.start == start and candidate.end > end:
            venue = VENUE_AFTER_CLUB.fullmatch(text, end, candidate.end)
            if venue is not None:
                return [Candidate(start, end, "ORG", candidate.source),
                        Candidate(venue.start(1), candidate.end, "LOC", candidate.source)]
    return [candidate]


# A city's demonym by its ending, between a Portuguese company noun and its name ("a startup curitibana Olist" was
# missed, "a empresa recifense", "a fintech soteropolitana"): a city has too many to list, and before a capitalised
# name after a company's noun the ending is a demonym's.
CITY_DEMONYM_PT = r"[a-zà-ÿ]{3,}(?:ense|enses|ana|anas|ano|anos|ina|inas|ino|inos)"
# An English name's lowercase words, then its capitalised one, after a Portuguese company noun ("a promotora
# Everything is New" was cut to "Everything"): no Portuguese word, so in Portuguese text the name runs on.
ENGLISH_WORDS_OF_A_NAME = r"(?:[^\S\n]+(?:is|of|the|and|for|in|on|at|to)[^\S\n]+[A-Z][\w&-]*)*"


def companies_after_demonyms(text: str, language: str) -> list[tuple[int, int, int]]:
    """Where a company's name follows a demonym and a company noun ("the Dutch
    chipmaker ASML", "a montadora alemã Volkswagen"), or in Portuguese a
    company noun alone ("a trading Cargill"): the phrase's start and
    the name's start and end. The model's spans over the phrase give way to
    the name as ORG."""
    pattern = company_phrase(language)
    # the nouns as plain strings first: re tries the regex at every word, and most texts name no company so
    if pattern is None or not contains_any(text, COMPANY_NOUN_WORDS[language]):
        return []
    return [(match.start(), match.start(1), match.end(1)) for match in pattern.finditer(text)]


@functools.cache
def company_phrase(language: str) -> re.Pattern[str] | None:
    """The regex of ``companies_after_demonyms`` for a language: in English the
    demonym comes first and up to two lowercase words may precede the noun
    ("the Chinese electric-car maker BYD"); in Portuguese it follows the noun,
    maybe after a qualifier ("a fabricante de chips taiwanesa TSMC"), or
    without one ("a trading Cargill", "o escritório Pinheiro Neto Advogados";
    in English a noun alone before a capital is as often a sentence's end, but
    not right after "the" when it names no person's trade: "the carmaker
    Lucid", ``BARE_COMPANY_NOUNS_EN``)."""
    nouns = COMPANY_NOUNS.get(language)
    if nouns is None:
        return None
    noun = "|".join(map(re.escape, nouns.split()))
    if language == "en":
        demonym = "|".join(map(re.escape, sorted(word_list(DEMONYMS_FILE))))
        # the lookahead skips the alternation at lowercase words: 0.41 -> 0.18 us a word on fixtures' texts
        bare = "|".join(map(re.escape, BARE_COMPANY_NOUNS_EN.split()))
        return re.compile(rf"\b(?=[A-Z]|the\s)(?:(?:{demonym})\s+(?:[a-z-]+\s+){{0,2}}(?:{noun})|[Tt]he\s+(?:{bare}))"
                          rf"\s+{COMPANY_NAME}")
    demonym = "|".join(map(re.escape, (PORTUGUESE_DEMONYMS + " " + REGIONAL_DEMONYMS).split()))
    return re.compile(rf"\b(?:{noun})[^\S\n]+(?:(?:(?:de\s+)?[a-zà-ÿ]+\s+)?(?:{demonym}|{CITY_DEMONYM_PT})\s+)?"
                      rf"({COMPANY_NAME}{ENGLISH_WORDS_OF_A_NAME})")


# A line's name after "the" or an operator's possessive, one to three capitalised words and "line" ("the Elizabeth
# line", "the MBTA's Red Line"); not a party's line, nor before a name or "up" ("the Democratic Party line up").
TRANSIT_LINE = re.compile(
    r"(?:\bthe|['’]s)[^\S\n]+((?:(?!Party\b)[A-Z][\w&-]*[^\S\n]+){1,3}[Ll]ine)\b(?![^\S\n]+(?:[A-Z]|up\b))")
TRANSIT_LINE_KEYWORDS = tuple(word + mark for word in ("line", "Line") for mark in ("", ",", ".", ";", ":"))
# The words that tell of trains and metros in a text (``is_told_of_transport``).
TRANSPORT_WORDS = frozenset(word + mark for word in (
    "station stations train trains metro subway tube Tube Underground underground rail Rail railway Railway tram trams "
    "transit Transit Transport commuters passengers riders platform platforms signalling signaling MBTA TfL").split()
    for mark in ("", ",", ".", ";", "'s"))


def is_told_of_transport(text: str, match: re.Match[str]) -> bool:
    """Whether a text naming a line (``TRANSIT_LINE``) tells of trains or metros (``TRANSPORT_WORDS``), not of a
    company's products ("Samsung's Galaxy line")."""
    return not spaced_words(text).isdisjoint(TRANSPORT_WORDS)


def names_in_context(text: str, language: str) -> list[tuple[int, int, str]]:
    """Where the words around a name say its label, whatever the model guessed:
    an organisation before a person's role and name ("Hershey chief executive
    Kirk Tanner", "Ryanair boss Michael O'Leary": the company was missed) or
    after people it employs ("Traders at Olam and Barry Callebaut", "analistas
    do Itaú BBA": a place and a person before); a place after a noun for one
    ("the port of San Pedro", "o município de Sorriso") or a built place's ("o
    aeroporto Humberto Delgado", a person to the model). The names' starts,
    ends and labels."""
    found = []
    for phrase in context_phrases(language):
        for match in phrase.finditer(text):
            for group in range(1, phrase.pattern.groups + 1):
                start, end = match.span(group)
                start = past_sentence_openers(text, start, end)
                if start < end:
                    found.append((start, end, phrase.label))
    return found


def past_sentence_openers(text: str, start: int, end: int) -> int:
    """``start`` moved past the words that open a sentence or a time, not a
    name ("Former", "On Monday", "The"), in a run of capitalised words (an
    unmatched group's -1 stays)."""
    skipped = opening_words()
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group() not in skipped:
            return start + word.start()
    return end


@functools.cache
def opening_words() -> frozenset[str]:
    return (not_names() | word_list(PORTUGUESE_NOT_NAMES_FILE) | word_list(DEMONYMS_FILE) | OPENING_ADVERBS | OPENING_CONJUNCTIONS | NOT_PRODUCT_OPENINGS
            | SENTENCE_OPENERS)


class Phrase:
    """A regex of names in context, run only on texts that hold one of its
    ``keywords`` as a word (``has_keyword``)."""

    def __init__(self, keywords: Iterable[str], pattern: re.Pattern[str], label: str = "ORG",
                 accepted: Callable[[str, re.Match[str]], bool] | None = None) -> None:
        self.keywords = frozenset(keywords)
        self.pattern = pattern
        self.label = label
        self.accepted = accepted

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        if not has_keyword(text, self.keywords):
            return ()
        matches = self.pattern.finditer(text)
        return matches if self.accepted is None else (m for m in matches if self.accepted(text, m))


def contains_any(text: str, strings: Iterable[str]) -> bool:
    """Whether one of ``strings`` is in ``text`` anywhere, inside a word too (a rule's screen before its regex). A
    loop, not ``any()`` over a generator: the generator's every step is a call, ~28,000 a pass of the fixtures' 384
    texts through the seven screens (s52-entities: 1.7% of the annotator's calls)."""
    for string in strings:
        if string in text:
            return True
    return False


def has_keyword(text: str, keywords: frozenset[str]) -> bool:
    """Whether a word of ``text`` between spaces is one of ``keywords`` (each
    phrase has spaces around its keyword, so no match is lost). A regex of
    the keywords tried at every character cost more than all the phrases'
    work: on 1,000 WikiANN-en sentences 4.0 us a text, this split 1.0."""
    return not keywords.isdisjoint(spaced_words(text))


@functools.lru_cache(maxsize=8)
def spaced_words(text: str) -> frozenset[str]:
    """The words of ``text`` between spaces, split once a text: the rules ask ``has_keyword`` of the same text about
    25 times (a text is a task's, or a piece of one; eight of them cover the annotators' threads)."""
    return frozenset(text.split())


@functools.cache
def context_keywords(language: str) -> frozenset[str]:
    """The keywords of every phrase of ``names_in_context`` and
    ``clubs_named_after_places``: most texts hold none, and one test skips both."""
    return frozenset().union(*(phrase.keywords for phrase in context_phrases(language) + club_phrases(language)))


def either_case(words: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """An alternation of ``words`` as written and capitalised (a sentence's
    first), and both forms as the keywords that gate it."""
    forms = [form for word in words for form in (word, word[0].upper() + word[1:])]
    return "|".join(forms), tuple(forms)


# A name in context: a capitalised word (or one with a lowercase prefix, "iPhone", "eBay") and up to three more
CONTEXT_NAME = r"((?:[A-ZÀ-Ý]|[a-z]{1,2}[A-Z])[\w&-]*(?:[^\S\n]+&?[^\S\n]*[A-ZÀ-Ý][\w&-]*){0,3})"
# A publisher's name, which may join two capitalised runs by "and" or "&" ("Faber and Faber", "Hodder and Stoughton")
PUBLISHER_NAME = r"((?:[A-Z]|[a-z]{1,2}[A-Z])[\w&-]*(?:[^\S\n]+(?:(?:and|&)[^\S\n]+)?[A-Z][\w&-]*){0,3})"
# A Portuguese body's name, which may hold "do", "das" between its words ("Observatório do Clima")
BODY_NAME_PT = r"((?:[A-ZÀ-Ý]|[a-z]{1,2}[A-Z])[\w&-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w&-]*){0,3})"


@functools.cache
def context_phrases(language: str) -> tuple[Phrase, ...]:
    """The regexes of ``names_in_context`` for a language: the name is group
    1 (and a second one joined by "and"/"e" group 2)."""
    if language not in EMPLOYED_PEOPLE:
        return ()
    shared = (*people_and_groups(language), Phrase(("&",), FIRM_OF_PARTNERS, accepted=opens_a_firm),
              Phrase(PUBLICATION_KEYWORDS, PAGE_OWNER, accepted=opens_with_no_given_name))
    if language == "en":
        return (*shared, *english_company_phrases(), *english_people_and_team_phrases(), *english_body_phrases(),
                machines_after_their_noun(language))
    return (*shared, *portuguese_context_phrases(), machines_after_their_noun(language))


def machines_after_their_noun(language: str) -> Phrase:
    """A machine's name after its noun (``MACHINE_NOUNS``): a product, though it is often a person's name."""
    nouns = MACHINE_NOUNS[language].split()
    return Phrase(nouns, re.compile(rf"(?<![\w-])(?:{'|'.join(nouns)})[^\S\n]+{MACHINE_NAME}"), "PRODUCT")


def english_company_phrases() -> tuple[Phrase, ...]:
    """The English phrases that tell a company by the words around it: an apposed company noun, a person's role
    after it, a related company, an officer after its possessive, the staff at it, a place of a noun for one or after
    "located around", a club after "coach of", a publisher after "published by", and the companies a group's examples
    list."""
    name = CONTEXT_NAME[:-1] + JOINED_BY_AND + ")"
    staff, staff_keywords = either_case(EMPLOYED_PEOPLE["en"].split())
    places = context_place_nouns("en")
    apposed = APPOSED_COMPANY_NOUNS["en"].split()
    roles = ROLES_AFTER_COMPANY.split(",")
    return (
        # the noun ends the apposition ("Smith, a company director" is a person), so a
        # punctuation mark may be glued to it, as its keyword
        Phrase([noun + end for noun in apposed for end in ("", ",", ".", ";")], re.compile(
            rf"\b(?=[A-Z]){name},[^\S\n]+(?:a|an|the)[^\S\n]+(?:[\w’'-]+[^\S\n]+){{0,3}}?(?:{'|'.join(apposed)})"
            r"(?=[,;.]|[^\S\n]+(?:that|which|based|owned|run|in|of|for)\b)")),
        # the lookahead skips the rest at lowercase words, as in ``company_phrase``
        Phrase(ROLE_KEYWORDS, re.compile(rf"\b(?=[A-Z]){name}[^\S\n]+(?:{'|'.join(roles)})[^\S\n]+(?=[A-Z])")),
        Phrase(RELATED_COMPANY_NOUNS, re.compile(
            rf"['’]s[^\S\n]+(?:[A-Z][a-z]+[^\S\n]+){{0,2}}(?:{'|'.join(RELATED_COMPANY_NOUNS)})[^\S\n]+{name}"),
            accepted=is_related_company),
        # and before its possessive and an officer's role ("Ryanair's chief executive, Michael O'Leary,")
        Phrase(POSSESSIVE_OFFICER_KEYWORDS, re.compile(
            rf"\b(?=[A-Z]){name}['’]s[^\S\n]+(?:{'|'.join(officer_roles_in_both_cases())})\b")),
        Phrase(staff_keywords,
               re.compile(rf"(?<!\S)(?:{staff})[^\S\n]+at[^\S\n]+{name}(?:[^\S\n]+and[^\S\n]+{name})?")),
        Phrase(tuple(places), re.compile(rf"(?<!\S)(?:{'|'.join(places)})[^\S\n]+of[^\S\n]+{listed_places('and')}"),
               "LOC"),
        # a place after "located around"/"located near" ("located around Geelong" was an organisation)
        Phrase(("located",), re.compile(rf"\blocated[^\S\n]+(?:around|near)[^\S\n]+{listed_places('and')}"), "LOC"),
        # a club after its coach's "coach of" ("appointed coach of Raja Casablanca" was a person, "the former coach of
        # Brighton" a place; WikiANN-en's dev: 4 of 5 such names an organisation), not a possessive ("coach of
        # England's Test side", whose side it is); a publisher after "published by", whose name may join two by "and"
        # ("published by Faber and Faber" was a person "Faber"; WikiANN-en's train and dev: 13 of 13 organisations)
        # (one phrase for both: each phrase asks its keywords of every text in context)
        Phrase(("coach", "published"), re.compile(
            rf"\bcoach[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?{CONTEXT_NAME}(?![\w'’])"
            rf"|\bpublished[^\S\n]+by[^\S\n]+(?:the[^\S\n]+)?{PUBLISHER_NAME}(?![\w'’])")),
        Phrase(("including", "such"), re.compile(
            rf"(?<!\S)(?=[a-z])(?:{'|'.join(COMPANY_GROUPS.split())})"
            r"(?:[^\S\n]+(?!countries\b|nations\b|cities\b|states\b|regions\b)[^\s.!?;:]+){0,8}?,?[^\S\n]+"
            rf"(?:including|such[^\S\n]+as)[^\S\n]+{name}(?:,[^\S\n]+{name})?(?:,?[^\S\n]+and[^\S\n]+{name})?")),
    )


def english_people_and_team_phrases() -> tuple[Phrase, ...]:
    """The English phrases that tell a team, a party, a club or a person by the words around it: a team's opponent,
    a party's short name before its roles, the club a player moves from or to, an office's holder, a judge."""
    name = CONTEXT_NAME[:-1] + JOINED_BY_AND + ")"
    return (
        # a team's opponent, whatever the model guessed ("the Spanish side beat Getafe 3-0" gave a person)
        Phrase(TEAM_VERBS, re.compile(rf"(?<!\S)(?:{'|'.join(TEAM_NOUNS)})[^\S\n]+"
                                      rf"(?:{'|'.join(TEAM_VERBS)})[^\S\n]+(?:with[^\S\n]+|to[^\S\n]+)?{name}")),
        Phrase([party.split()[0] for party in PARTY_SHORT_NAMES], re.compile(
            rf"(?<![\w-])({'|'.join(PARTY_SHORT_NAMES)})"
            rf"(?=[^\S\n]+(?:(?:{'|'.join(PARTY_ROLES.split())})[^\S\n]+[A-Z]"
            rf"|(?:{'|'.join(PARTY_MEMBERS.split())})(?![\w-])))")),
        # the club a player moves from or to, after the club's verb and the player's role ("Chelsea signed winger
        # Jamie Gittens from Dortmund", the city to the model; ``FINANCED_SUBJECT`` finds the subject)
        Phrase(PLAYER_MOVES.split(), re.compile(
            rf"(?<!\S)(?:{'|'.join(PLAYER_MOVES.split())})[^\S\n]+(?:[\w-]+[^\S\n]+)?"
            rf"(?:{'|'.join(PLAYER_ROLES.split())})[^\S\n]+{PERSON_RUN}[^\S\n]+(?:from|to)[^\S\n]+{name}")),
        # a person after an office's title ("Health Secretary Wes Streeting called", "Coach JJ Redick said": the
        # model kept the title alone, or nothing); two or three names (an initial between, "Jr." after: "Robert F.
        # Kennedy Jr. said"), then a clause or a mark; not a secretary general's
        Phrase(OFFICE_TITLES, re.compile(
            rf"(?<![\w-])(?:{'|'.join(OFFICE_TITLES)})[^\S\n]+(?!General\b)((?:[A-Z]{{2}}|[A-Z][a-z]+)"
            r"(?:[^\S\n]+[A-Z]\.)?(?:[^\S\n]+[A-Z][a-z][\w'’-]*){1,2}(?:[^\S\n]+Jr\.)?)"
            r"(?=[^\S\n]*[,.;:]|[^\S\n]+[a-z])"), "PER"),
        # an English judge by the court's style ("Mr Justice Fancourt ruled", "Lord Justice Green said": one
        # organisation to the model): the surname
        Phrase(("Justice",), re.compile(
            rf"(?<![\w-])(?:{'|'.join(JUDGES_STYLES)})[^\S\n]+Justice[^\S\n]+(?!General\b)"
            r"([A-Z][a-z][\w'’-]+)(?![\w-])"),
            "PER"),
    )


def english_body_phrases() -> tuple[Phrase, ...]:
    """The English phrases that tell a body after a noun for one ("the agency Ofgem") and a railway or metro line."""
    name = CONTEXT_NAME[:-1] + JOINED_BY_AND + ")"
    bodies = BODY_NOUNS["en"].split()
    return (
        Phrase(bodies, re.compile(rf"(?<!\S)(?:{'|'.join(bodies)})[^\S\n]+"
                                  rf"(?!(?:{'|'.join(DAYS_AND_MONTHS.split())})\b)(?=[\w&-]{{2}}){name}"
                                  r"(?=[^\S\n]*[,.;:]|[^\S\n]+[a-z]|$)")),
        # a railway or metro line ("the Elizabeth line", "the MBTA's Red Line": people to the model) where the
        # text tells of transport (not "Samsung's Galaxy line"); WikiANN-en train labels 23 of 24 names ending in
        # "Line" organisations
        Phrase(TRANSIT_LINE_KEYWORDS, TRANSIT_LINE, accepted=is_told_of_transport),
    )


def context_place_nouns(language: str) -> list[str]:
    """The nouns before a place's name in a language ("the port of", "o município de"), residents' nouns in either
    case."""
    return [*PLACE_NOUNS[language].split(), *either_case(RESIDENT_NOUNS[language].split())[1]]


def portuguese_context_phrases() -> tuple[Phrase, ...]:
    """The Portuguese phrases of ``names_in_context``: a body after its staff, experts or researchers, a person after
    a role held at a body, a person whose transfer or show is told, a body apposed to a company noun or after a
    civic body's noun, and a place after a noun for one or a built place's noun."""
    name = CONTEXT_NAME
    of = r"[^\S\n]+d[oa]s?[^\S\n]+"
    staff, staff_keywords = either_case(EMPLOYED_PEOPLE["pt"].split())
    researchers, researcher_keywords = either_case(RESEARCHERS.split())
    experts, experts_keywords = either_case(EXPERTS.split())
    places = context_place_nouns("pt")
    apposed = APPOSED_COMPANY_NOUNS["pt"].split()
    bodies = BODY_NOUNS["pt"].split()
    return (
        Phrase(staff_keywords, re.compile(rf"(?<!\S)(?:{staff}){of}{name}(?:[^\S\n]+e{of}{name})?"),
               accepted=is_no_known_place),
        Phrase(experts_keywords, re.compile(rf"(?<!\S)(?:{experts}){of}{name}"), accepted=is_no_known_place),
        # a person in commas after the role held at a body ("O presidente do Vasco da Gama, Pedrinho, informou"):
        # news names one there, and the model misses a lone nickname
        Phrase(APPOSED_ROLE_WORDS_PT, re.compile(
            rf"(?<!\S)(?:{'|'.join(map(re.escape, APPOSED_ROLE_WORDS_PT))}){of}(?:[a-zà-ÿ]+|{BODY_RUN}),[^\S\n]+"
            rf"({PERSON_RUN}),"), "PER"),
        # researchers of an institute its code names ("Investigadores do i3S", "cientistas do INESC TEC");
        # not of a place ("cientistas do Brasil"), which no code names
        Phrase(researcher_keywords, re.compile(rf"(?<!\S)(?:{researchers}){of}({INSTITUTE_CODE})")),
        Phrase((*TRANSFER_NOUNS.split(), *ARTIST_SHOW_NOUNS.split()), re.compile(
            rf"(?<!\S)(?:{'|'.join((*TRANSFER_NOUNS.split(), *ARTIST_SHOW_NOUNS.split()))})[^\S\n]+de[^\S\n]+"
            r"([A-ZÀ-Ý][a-zà-ÿ][\w'’-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*){1,3})"),
            "PER"),
        # after an article, not a locative: "na Bahia, empresa X demitiu" opens a clause; the name may hold "do"
        # ("O Observatório do Clima, rede de organizações"), as the article and the comma bound it
        Phrase(apposed, re.compile(rf"(?<!\S)(?:[AaOo]|d[ao]|à|ao|pel[ao])[^\S\n]+{BODY_NAME_PT},[^\S\n]+"
                                   rf"(?:(?:a|o|uma|um)[^\S\n]+)?(?:(?:maior|principal)[^\S\n]+)?"
                                   rf"(?:{'|'.join(apposed)})(?!\S)")),
        Phrase(tuple(places), re.compile(rf"(?<!\S)(?:{'|'.join(places)})[^\S\n]+(?:de|d[ao]s?)[^\S\n]+"
                                         rf"{listed_places('e')}"), "LOC"),
        Phrase((*either_case(bodies)[1], *CIVIC_BODY_NOUNS_PT.split()), re.compile(
            rf"(?<!\S)(?:{either_case(bodies)[0]}|{'|'.join(CIVIC_BODY_NOUNS_PT.split())})[^\S\n]+{BODY_QUALIFIERS_PT}"
            rf"(?=[\w&-]{{2}}){name}")),  # a letter names a stage's group ("no grupo E")
        Phrase(FACILITY_NOUNS.split(), re.compile(
            rf"(?<!\S)(?:{'|'.join(FACILITY_NOUNS.split())})[^\S\n]+(?:de[^\S\n]+)?{PLACE_NAME}"), "LOC"),
        Phrase(WATER_FACILITY_NOUNS.split(), re.compile(
            rf"(?<!\S)(?:{'|'.join(WATER_FACILITY_NOUNS.split())})[^\S\n]+d[oa][^\S\n]+{PLACE_NAME}"), "LOC"),
    )


def opens_with_no_given_name(text: str, match: re.Match[str]) -> bool:
    """Whether the name a phrase found opens with no given name (``all_given_names``), past its article ("© 2025 The
    Silicon Ledger"): a person may own a page's copyright ("© 2024 Maria Silva")."""
    words = match.group(1).split()
    first = words[1] if words[0] == "The" and len(words) > 1 else words[0]
    return first not in all_given_names()


def is_related_company(text: str, match: re.Match[str]) -> bool:
    """Whether the name after a possessive and a company's relation (``RELATED_COMPANY_NOUNS``) is a company's: the
    relation is one a company has (``COMPANY_RELATIONS``), or a rival or owner after a demonym, and no given name
    (``all_given_names``) opens the name."""
    *qualifiers, relation = text[match.start():match.start(1)].split()[1:]
    return match.group(1).split()[0] not in all_given_names() and (
        relation in COMPANY_RELATIONS or not word_list(DEMONYMS_FILE).isdisjoint(qualifiers))


def is_no_known_place(text: str, match: re.Match[str]) -> bool:
    """Whether the name a phrase found is no place the shipped gazetteer lists (``place_names``)."""
    return match.group(1) not in place_names()


@functools.cache
def organisation_names() -> frozenset[str]:
    """The organisations the shipped gazetteer names by their words (``ORGANISATIONS_FILE``): "Nvidia", "Meta"."""
    return frozenset(pattern["pattern"] for pattern in read_patterns(str(ORGANISATIONS_FILE))
                     if isinstance(pattern["pattern"], str))


@functools.cache
def town_names() -> frozenset[str]:
    """The towns of the towns' gazetteer (``TOWNS_FILE``): "Didcot", "Fort William"."""
    return frozenset(pattern["pattern"] for pattern in read_patterns(str(TOWNS_FILE)))


@functools.cache
def place_names() -> frozenset[str]:
    """The places the shipped gazetteers name by their words (``PLACES_FILE``, ``TOWNS_FILE``, all LOC): "Brasil",
    "Bahia", "São Paulo", "Didcot"."""
    return frozenset(pattern["pattern"] for path in (PLACES_FILE, TOWNS_FILE) for pattern in read_patterns(str(path))
                     if isinstance(pattern["pattern"], str))


def opens_a_firm(text: str, match: re.Match[str]) -> bool:
    """Whether a match of FIRM_OF_PARTNERS starts a name: not after a
    capitalised word, a comma or an ampersand, where it would be the tail of
    a list of names ("George Clinton & Parliament Funkadelic, Robert Randolph
    & The Family Band" lists two bands)."""
    before = text[:match.start()].split()[-1:]
    return not before or not (before[0][0].isupper() or before[0][-1] in ",&")


# The words that an English body's name joins by "and" ("Airbus Defence and Space", "the Health and Safety Executive",
# "HM Revenue and Customs"): after one, "and" goes on in the name, and the name in context (``context_phrases``) is not
# cut there ("Engineers at Airbus Defence and Space" was two companies, "Airbus Defence" and "Space").
NAME_WORDS_JOINED_BY_AND = ("Defence Defense Space Safety Health Security Customs Excise Trade Industry Energy "
                            "Climate Science Technology Innovation Skills Research Development Environment Affairs "
                            "Education Culture Media Sport Food Drug Drugs Marine Aviation Maritime Transport Housing "
                            "Communities Justice Pensions Employment Welfare Infrastructure Planning").split()
_JOINED_WORD = rf"(?:{'|'.join(NAME_WORDS_JOINED_BY_AND)})"
_AFTER_A_JOINED_WORD = "(?:" + "|".join(rf"(?<=\b{word})" for word in NAME_WORDS_JOINED_BY_AND) + ")"
JOINED_BY_AND = rf"(?:{_AFTER_A_JOINED_WORD}[^\S\n]+and[^\S\n]+{_JOINED_WORD}(?:[^\S\n]+[A-Z][\w&-]*)?(?![\w&-]))?"


# A place's name in context: up to four capitalised words, maybe joined by "de"/"da"/"do" ("Ribas do Rio Pardo").
PLACE_NAME = r"([A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?[A-ZÀ-Ý][\w-]*){0,3})"


def listed_places(conjunction: str) -> str:
    """A place's capitalised words after a place's noun (``PLACE_NOUNS``, ``RESIDENT_NOUNS``), and up to two more
    listed with it, by a comma and ``conjunction`` ("Residents of Hucknall and Bulwell", "nos distritos de Búzi,
    Nhamatanda e Dondo", "Moradores da Rocinha e do Vidigal"); each a group. The last ends at a word's end, so a name
    of another kind is not cut to its first letters ("the port of Dover and P&O")."""
    place, article = PLACE_NAME, r"(?:d[aeo]s?[^\S\n]+)?" if conjunction == "e" else ""
    return (rf"{place}(?:,[^\S\n]+{article}{place})?(?:,?[^\S\n]+{conjunction}[^\S\n]+{article}{place}"
            r"(?![\w&'’-]))?")


# The Portuguese academic titles, with and without their dot (``people_and_groups``).
PORTUGUESE_TITLE_KEYWORDS = tuple(title + dot for title in ("Dr", "Dra", "Prof", "Profa") for dot in ("", "."))


def people_and_groups(language: str) -> tuple[Phrase, ...]:
    """A person after a noun for what they do ("o produtor Liminha", "organiser
    Emily Eavis"), a band or a festival after its noun ("o festival João Rock",
    "the band Arctic Monkeys"), and in Portuguese a woman's given name
    (``feminine_given_names.txt``) after the article ("a Inês") and a group after
    a plural demonym ("os britânicos Arctic Monkeys": one person is never plural)."""
    person = (r"([A-ZÀ-Ý][a-zà-ÿ][\w'’-]*(?:[^\S\n]+(?:(?:d[aeo]s?|van|von|der|bin)[^\S\n]+)*"
              r"[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*){0,3})")
    group = (r"((?:[A-ZÀ-Ý]|[a-z]{1,2}[A-Z])[\w&'’-]*(?:[^\S\n]+(?:(?:d[aeo]s?|of|the|in)[^\S\n]+)?"
             r"[A-ZÀ-Ý0-9][\w&'’-]*){0,4})")
    roles = PERSON_NOUNS[language].split()
    groups = GROUP_NOUNS[language].split()
    phrases = [
        # the lookahead skips the alternation at capitalised words and digits, as in ``company_phrase``
        Phrase(roles, re.compile(rf"(?<!\S)(?=[a-zà-ÿ])(?:{'|'.join(map(re.escape, roles))})[^\S\n]+{person}"),
               "PER"),
        Phrase(groups, re.compile(rf"(?<!\S)(?=[a-z])(?:{'|'.join(groups)})[^\S\n]+{group}")),
        Phrase(KIN_NOUNS[language].split(), re.compile(
            rf"(?<!\S)(?:{'|'.join(KIN_NOUNS[language].split())}),?[^\S\n]+{person}"
            rf"(?:,?[^\S\n]+{KIN_AND[language]}[^\S\n]+{person})?(?![\w-])"), "PER"),
    ]
    if language == "pt":
        # a woman's given name after the article, which the model misses alone ("a Inês e mais 27 colegas")
        given = "|".join(sorted(word_list(FEMININE_GIVEN_NAMES_FILE), key=len, reverse=True))
        # a compass point after it names a place ("entre a Carolina do Sul e as Bermudas"; seed-shaped probe 24)
        surname = (r"[^\S\n]+(?:d[aeo]s?[^\S\n]+)?(?!(?:Sul|Norte|Leste|Oeste|Nordeste|Sudeste)(?![\w-]))"
                   r"[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*")
        article = opening("A|a", r"\S")  # its letters first, so that re scans for them
        phrases.append(Phrase(("a", "A"), re.compile(
            rf"{article}[^\S\n]+((?:{given})(?:{surname}){{0,3}})(?![\w-])"), "PER"))
        # a doctor or a professor by the title without its dot, which the model misses ("O Dr Armindo Tiago visitou";
        # s52-entities blind b03): the person, the title kept in the name as HAREM keeps it (``ACADEMIC_TITLES``)
        phrases.append(Phrase(PORTUGUESE_TITLE_KEYWORDS, re.compile(
            rf"(?<!\S)((?:Dra?|Profa?)\.?(?:{surname}){{2,3}})(?![\w-])"), "PER"))
        phrases.append(Phrase(PLURAL_DEMONYMS.split(), re.compile(
            rf"(?<!\S)(?:[OoDdAa]os|[Pp]elos|[Oo]s)[^\S\n]+(?:{'|'.join(PLURAL_DEMONYMS.split())})[^\S\n]+(?>{group})"
            # not the first of a list of people ("os britânicos Eustace Miles e Neville Bulwer")
            r"(?![^\S\n]*,[^\S\n]*[A-ZÀ-Ý]|[^\S\n]+e[^\S\n]+[A-ZÀ-Ý])")))
    return tuple(phrases)


def clubs_named_after_places(text: str, language: str) -> set[tuple[int, int]]:
    """Where a place's name is a club's, by a match's verb and the other side
    ("O Braga venceu o Benfica", "empatou com o Guimarães", "Leeds beat
    Porto"), or by its player's or coach's role before them ("O técnico do
    São Paulo Hernán Crespo": ``clubs_before_their_people``): the names'
    starts and ends. Portuguese names a club with an
    article ("o Braga"), a city without one; "o Brasil" is a team there too:
    once a match shows a club, so does "o"/"ao" before its name elsewhere in
    the text ("O Braga não perdia em casa desde 2019")."""
    clubs = {match.span(group) for phrase in club_phrases(language) for match in phrase.finditer(text)
             for group in range(1, phrase.pattern.groups + 1) if match.start(group) >= 0}
    if language == "pt" and not spaced_words(text).isdisjoint(CLUB_ROLES_PT):
        clubs |= clubs_before_their_people(text, {text[start:end] for start, end in clubs})
    if language != "pt" or not clubs:
        return clubs
    names = "|".join(sorted({re.escape(text[start:end]) for start, end in clubs}))
    return clubs | {match.span(1) for match in re.finditer(rf"(?<!\w)(?:[Oo]|ao)[^\S\n]+({names})(?![\w-])", text)}


def clubs_before_their_people(text: str, matched: Container[str]) -> set[tuple[int, int]]:
    """The places a pattern knows (``place_names``), a club's short form (``is_short_form_of_a_club``) or a club a
    match of the text names (``matched``: "O Penafiel empatou ... O treinador do Penafiel"), after a player's or
    coach's Portuguese role and "do"/"da" (``SPORT_ROLE_BEFORE_CLUB``), or a word in capitals there (``CLUB_ACRONYM``),
    and before a person's name or with it between commas (``PERSON_AFTER_BODY``, ``PERSON_BETWEEN_COMMAS``): clubs
    ("O técnico do São Paulo Hernán Crespo", "O treinador do Vitória, Luís Pinto, disse", "O técnico da FURIA,
    Sidnei Macedo,"); the longest of up to four words."""
    clubs = set()
    for role in SPORT_ROLE_BEFORE_CLUB.finditer(text):
        ends = [word.end() - (text[word.end() - 1] == ",") for word in islice(WORD_RUN.finditer(text, role.end()), 4)]
        end = next((end for end in reversed(ends) if text[role.end():end] in place_names()
                    or text[role.end():end] in matched or is_short_form_of_a_club(text, text[role.end():end])
                    or CLUB_ACRONYM.fullmatch(text, role.end(), end)), None)
        if end is not None and (PERSON_AFTER_BODY.match(text, end) or PERSON_BETWEEN_COMMAS.match(text, end)):
            clubs.add((role.end(), end))
    return clubs


# A club's one word in capitals ("O técnico da FURIA, Sidnei Macedo, disse", missed; s46-entities).
CLUB_ACRONYM = re.compile(r"[A-ZÀ-Ý]{2,}")
# A person's name between commas after a club ("O treinador do Estrela, José Faria, elogiou").
PERSON_BETWEEN_COMMAS = re.compile(rf",[^\S\n]+({PERSON_RUN}),")


def is_short_form_of_a_club(text: str, name: str) -> bool:
    """Whether ``name`` opens a longer name elsewhere in the text, joined by "de"/"da"/"do" ("O Vitória de Guimarães
    venceu ... O treinador do Vitória"): the club named again by its first words."""
    return bool(name) and re.search(rf"(?<!\S){re.escape(name)}[^\S\n]+d[aeo][^\S\n]+[A-ZÀ-Ý]", text) is not None


# How a side came to its win, between its name and "to beat" (``club_phrases``).
COMEBACK = r"(?:came[^\S\n]+from[^\S\n]+behind|fought[^\S\n]+back|rallied|recovered)"
# A match's nouns in Portuguese, before "contra" and the other side (``club_phrases``).
MATCH_NOUNS = "|".join("rodada jornada jogo partida final estreia clássico duelo confronto".split())


@functools.cache
def club_phrases(language: str) -> tuple[Phrase, ...]:
    """The regexes of ``clubs_named_after_places``; each name is a group. A Portuguese club's name may hold "de"/"da"
    ("o Estrela da Amadora empatou", a place to the model)."""
    name = r"([A-ZÀ-Ý][\w-]*(?:[^\S\n]+[A-ZÀ-Ý][\w-]*){0,2})"
    club_name = r"([A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[aeo][^\S\n]+)?[A-ZÀ-Ý][\w-]*){0,2})"
    if language == "en":
        # the second side ends a clause or gives a score ("beat Wall Street forecasts" is no match)
        # or the other side of a draw, whoever drew ("Aston Villa scored late to draw with Tottenham", a place)
        # or the margin ("beat Leicestershire by 40 runs", "by six wickets")
        end = r"(?=[^\S\n]*(?:[\d,.;:!?]|$|(?:on|in|at|and|after|for|by)\b))"
        # or the side a win is over or against or a defeat to ("with a win over Leeds", a place to the model; "the
        # 4-1 win against Costa Rica", WikiANN-en's organisation, a place to the model: s50-entities-en)
        return (Phrase(("beat", "beats", "thrashed", "drew", "draw", "lost", "win", "victory", "defeat", "loss"),
                       re.compile(
            # (also after the way it won: "Brentford came from behind to beat Aston Villa", a place to the model)
            rf"\b(?=[A-Z]){name}[^\S\n]+(?:{COMEBACK}[^\S\n]+to[^\S\n]+)?"
            rf"(?:beat|beats|thrashed|drew[^\S\n]+with|lost[^\S\n]+to)"
            rf"[^\S\n]+(?:the[^\S\n]+)?{name}{end}|(?<!\S)(?:(?:drew|draw)[^\S\n]+with|(?:win|victory)[^\S\n]+(?:over|against)"
            rf"|(?:defeat|loss)[^\S\n]+(?:to|by))[^\S\n]+{name}{end}")),
            Phrase(TABLE_MOVES, re.compile(rf"\b(?=[A-Z]){name}{TABLE_MOVE}"), accepted=is_told_of_a_league),
            Phrase(LEAD_NOUNS, re.compile(rf"\b(?=[A-Z]){name}{LEAD_AT_THE_TOP}"), accepted=is_told_of_a_league),
            Phrase(("clear", "ahead", "behind"), re.compile(
                rf"\b(?=[A-Z]){name}[^\S\n]+(?:{'|'.join(GAP_VERBS)})(?:[^\S\n]+now)?[^\S\n]+(?:\w+[^\S\n]+)?"
                rf"{POINTS_GAP}{name}|(?<!\S){POINTS_GAP}{name}"), accepted=is_told_of_a_league),
            Phrase(CRICKET_WORDS, COUNTY_CLUB, accepted=is_county_side),
            Phrase(GAELIC_GAMES_WORDS, GAELIC_COUNTY, accepted=is_county_side))
    if language == "pt":
        won = "venceu vence derrotou derrota goleou eliminou empatou empata".split()
        # and after an infinitive of the match ("após perder para o Bahia", "antes de vencer o Vitória")
        to_play = ("vencer", "derrotar", "golear", "eliminar", "empatar com", "perder para")
        # the other side only after facing it ("enfrenta o Grêmio"; "O Brasil enfrenta uma crise" names no club)
        faced = ("enfrenta", "enfrentou", "enfrentará")
        keywords = (*won, *faced, "perdeu", "perde", "campo", *(words.split()[0] for words in to_play))
        spaced_to_play = "|".join(words.replace(" ", r"[^\S\n]+") for words in to_play)
        # the subject (the verb left for the other side's match), or the other side, also after a match's noun
        # and "contra" ("campeão na última rodada, contra o Fortaleza"; not "a guerra contra o Irã"); one regex,
        # one gate
        return (Phrase(keywords, re.compile(
            rf"\b[Oo][^\S\n]+{club_name}(?=[^\S\n]+(?:{'|'.join(won)}|perdeu[^\S\n]+(?:para|com))(?!\S))"
            rf"|(?<!\S)(?:(?:{'|'.join((*won, *faced))}|perdeu|perde)[^\S\n]+(?:(?:com|para)[^\S\n]+)?"
            rf"|(?:{spaced_to_play})[^\S\n]+"
            # (or back on the pitch against it: "volta a campo na quarta-feira contra o Bahia", a place)
            rf"|(?:(?:{MATCH_NOUNS}),?|a[^\S\n]+campo(?:[^\S\n]+[\w-]+){{0,4}}?)[^\S\n]+contra[^\S\n]+)"
            rf"o[^\S\n]+{club_name}")),
            Phrase(CLUB_STANDING_KEYWORDS, CLUB_STANDING),
            # (or the side a club's gap in points is to: "dois pontos à frente do Porto", a place to the model)
            Phrase(("frente", "atrás", "vantagem"), re.compile(rf"(?<!\S){POINTS_GAP_PT}{club_name}"),
                   accepted=is_gap_in_a_league),
            Phrase(HOSTING_VERBS, re.compile(rf"\b[Oo][^\S\n]+{KNOWN_CLUB_SLOT}[^\S\n]+(?:{'|'.join(HOSTING_VERBS)})"
                                             rf"[^\S\n]+o[^\S\n]+{club_name}"), accepted=is_club_hosting_a_club),
            # (a visit to come, its host untold: "antes de visitar o Santa Clara")
            Phrase(TO_HOST, re.compile(rf"(?<!\S)(?:{'|'.join(TO_HOST)})[^\S\n]+o[^\S\n]+{club_name}"),
                   accepted=is_visited_club))
    return ()


# The first-class county cricket clubs, named by their counties ("Surrey beat Essex by an innings", "Nottinghamshire
# host Somerset": places to the English model and the gazetteer), and a cricket word that shows the text is of the game.
COUNTY_CLUB = re.compile(r"(?<![\w-])(Derbyshire|Durham|Essex|Glamorgan|Gloucestershire|Hampshire|Kent|Lancashire"
                         r"|Leicestershire|Middlesex|Northamptonshire|Nottinghamshire|Somerset|Surrey|Sussex"
                         r"|Warwickshire|Worcestershire|Yorkshire)(?![\w-])(?![^\S\n]+[A-Z])")
CRICKET_WORDS = tuple(word + mark for word in "cricket wicket wickets innings overs bowler bowlers batting bowling "
                      "batter batters runs century half-century".split() for mark in ("", ",", ".", ";"))
# Ireland's 32 counties, whose Gaelic football and hurling sides are named by them alone ("Limerick beat Clare in the
# Munster hurling final", "Kilkenny face Galway": places or people to the English model), and a word that shows the
# text is of those games. Not "Down" (a sentence's "Down the road"); "Kerry" and "Clare" are no gazetteer's places.
GAELIC_COUNTY = re.compile(r"(?<![\w-])(Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Dublin|Fermanagh|Galway"
                           r"|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly"
                           r"|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)(?![\w-])"
                           r"(?![^\S\n]+[A-Z])")
GAELIC_GAMES_WORDS = tuple(word + mark for word in "hurling hurlers Gaelic GAA All-Ireland camogie Croke".split()
                           for mark in ("", ",", ".", ";"))
# Ireland's four provinces, named alone as their rugby sides ("Ulster lost to the Stormers", a person to the model).
IRISH_PROVINCE = re.compile(r"Connacht|Leinster|Munster|Ulster")
# Words before a county that make it the place, not its club ("the trip to Kent", "born in Yorkshire", "the Yorkshire
# coast").
COUNTY_AS_PLACE_BEFORE = frozenset("in at from to near of across around the into off outside throughout".split())


# What a county's club does after its name ("Surrey beat Essex", "Sussex need a win", "Derbyshire were bowled out"),
# and the words that end its name as a match's side ("host Somerset at Trent Bridge", "beat Kent by six wickets").
COUNTY_WORDS_AFTER = frozenset("beat beats host hosts need needs were was have has had would will won lost drew face "
                               "faces made make reached resumed declared collapsed chased finished ended play "
                               "played at by in on and after before for with".split())


# Characters read on either side of a match for the word next to it (longer than any word those checks ask about).
WORD_WINDOW = 32


def is_county_side(text: str, match: re.Match[str]) -> bool:
    """Whether a county named in a text of cricket (``COUNTY_CLUB``) is its club: no preposition or article before it
    that makes it the place (``COUNTY_AS_PLACE_BEFORE``), and no lowercase noun after it ("the Yorkshire coast")."""
    before = text[max(0, match.start() - WORD_WINDOW):match.start()].split()[-1:]
    after = text[match.end():match.end() + WORD_WINDOW].split()[:1]
    return (not before or before[0].lower() not in COUNTY_AS_PLACE_BEFORE) and not (
        after and after[0].isalpha() and after[0].islower() and after[0] not in COUNTY_WORDS_AFTER)


# A Portuguese club receiving or visiting another ("o Sporting recebe o Famalicão em Alvalade": a person to the model):
# the guest is a club where the host is a club a pattern knows (``is_club_hosting_a_club``), as a president receives a
# pope ("O Presidente recebe o Papa").
HOSTING_VERBS = ("recebe", "recebeu", "receberá", "visita", "visitou", "visitará", "defronta", "defrontou",
                 "defrontará")
TO_HOST = ("visitar", "receber", "defrontar")
KNOWN_CLUB_SLOT = r"(?P<host>[A-ZÀ-Ý][\w-]*(?:[^\S\n]+(?:d[eao][^\S\n]+)?[A-ZÀ-Ý][\w-]*){0,2})"


# A match's words in a Portuguese text, which show a town's name before "recebe o" to be its club's; a league's
# name ("lidera a Liga 2") too.
MATCH_WORDS_PT = frozenset(word + mark for word in (
    "jornada rodada jogo partida campeonato golo golos gol gols treinador técnico adeptos torcida estádio Liga"
    ).split() for mark in ("", ",", ".", ";"))
# Who is received or visited by a title, not as a club ("O Presidente recebe o Papa").
DIGNITARIES_PT = ROLE_TITLES | RELIGIOUS_TITLES | frozenset(
    "Papa Rei Rainha Príncipe Princesa Primeiro-Ministro Primeira-Ministra Imperador Sultão Emir".split())


def is_club_hosting_a_club(text: str, match: re.Match[str]) -> bool:
    """Whether the host of a Portuguese "o X recebe o Y" is a club: a name the organisations' gazetteer lists
    ("Sporting", "Sporting de Braga"), or a name a match's word in the text shows to be one (``is_told_of_a_match``:
    "O Braga recebe o Famalicão na próxima jornada", "o Leixões visita o Penafiel ... lidera a Liga 2")."""
    host = match.group("host")
    return host in organisation_names() or is_told_of_a_match(text, host)


def is_told_of_a_match(text: str, name: str) -> bool:
    """Whether a Portuguese text holds a match's word (``MATCH_WORDS_PT``) and ``name`` opens with no title of a
    dignitary (``DIGNITARIES_PT``)."""
    return name.split()[0] not in DIGNITARIES_PT and not spaced_words(text).isdisjoint(MATCH_WORDS_PT)


# A Portuguese club's gap in points to another ("dois pontos à frente do Porto", "atrás do Braga", "de vantagem sobre
# o Sporting"), and the table in the text ("na classificação") that tells it from a poll's gap.
POINTS_GAP_PT = (r"pontos?[^\S\n]+(?:(?:à[^\S\n]+frente|atrás)[^\S\n]+do|de[^\S\n]+vantagem[^\S\n]+sobre"
                 r"[^\S\n]+o)[^\S\n]+")
LEAGUE_TABLE_PT = re.compile(r"(?<!\S)(?:n[ao][^\S\n]+(?:classificação|tabela|Liga|liga|campeonato"
                             r"|Campeonato|Brasileirão|Série|série|jornada|rodada)\b)")


def is_gap_in_a_league(text: str, match: re.Match[str]) -> bool:
    """Whether a Portuguese gap in points (``POINTS_GAP_PT``) is a league's: the table in the text
    (``LEAGUE_TABLE_PT``) or a match's word (``is_told_of_a_match``)."""
    return LEAGUE_TABLE_PT.search(text) is not None or is_told_of_a_match(text, match.group(1))


def is_visited_club(text: str, match: re.Match[str]) -> bool:
    """Whether the name a Portuguese "visitar o"/"receber o" opens (``club_phrases``) is a club's by a match's word in
    the text ("antes de visitar o Santa Clara nos Açores": one place to the model)."""
    return is_told_of_a_match(text, match.group(1))


# An English club by its move in the league table ("Tottenham climbed to fourth", a place to the model) or its lead
# in points ("doubled Barcelona's lead at the top"), where the table or points follow or a match's word is in the text
# (``is_told_of_a_league``); not a country's ranking ("Japan slipped to fourth place as the world's ...": the move
# ends the clause or a preposition follows it) nor its lead in a field ("China's lead in batteries").
TABLE_MOVES = ("climbed", "climbs", "moved", "moves", "rose", "rises", "dropped", "drops", "slipped", "slips", "fell",
               "falls", "jumped", "jumps")
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
             "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")
TABLE_MOVE = (rf"[^\S\n]+(?:{'|'.join(TABLE_MOVES)})[^\S\n]+(?:(?:(?:up|down|back)[^\S\n]+)?to[^\S\n]+"
              rf"(?:{'|'.join(_ORDINALS.split())}|\d+(?:st|nd|rd|th)|the[^\S\n]+top)(?:[^\S\n]+place)?"
              r"(?=[^\S\n]*(?:[,.;!?]|$|(?:in|of)[^\S\n]+the[^\S\n]+(?:table|standings|league)|after|with|on))"
              # or into or out of the relegation zone ("Leeds climbed out of the relegation zone", a place)
              r"|(?:out[^\S\n]+of|into)[^\S\n]+the[^\S\n]+relegation[^\S\n]+zone\b)")
LEAD_NOUNS = tuple(noun + mark for noun in ("lead", "deficit", "advantage") for mark in ("", ",", ".", ";"))
LEAD_AT_THE_TOP = r"['’]s[^\S\n]+(?:lead|deficit|advantage)(?=[^\S\n]*(?:[,.;!?]|$|at|to|of|over))"
# What tells of a league after a club's move or lead: the table itself or points after it, or a match's word in the
# text ("Kudus scored twice and Tottenham climbed to fourth.").
LEAGUE_AFTER = re.compile(r"[^\S\n]*(?:(?:in|of)[^\S\n]+the[^\S\n]+(?:table|standings|league)|at[^\S\n]+the[^\S\n]+"
                          r"(?:top|summit)|(?:with|on|to|of|over)[^\S\n]+(?:\w+[^\S\n]+)?points?\b)")
# A club's gap to another in the league table ("Arsenal are now five points clear of Liverpool", "two points behind
# Chelsea": places to the model), the subject before its verb and the gap, or the other side alone; a poll's gap
# ("ten points ahead of Reform in the polls") tells of no league (``is_told_of_a_league``). Gated by the gap's word,
# rarer in news than "points".
POINTS_GAP = (r"points?[^\S\n]+(?:clear[^\S\n]+of|ahead[^\S\n]+of|behind)[^\S\n]+")
GAP_VERBS = "are is was were moved moves went goes stay stays stayed remain remains remained sit sits sat pulled".split()
MATCH_WORDS = frozenset(word + mark for word in (
    "scored scores goal goals win won winner beat beating draw drew defeat losing match league table season striker "
    "midfielder winger penalty opener equaliser equalizer header").split() for mark in ("", ",", ".", ";"))


def is_told_of_a_league(text: str, match: re.Match[str]) -> bool:
    """Whether a club's move in the table or lead (``TABLE_MOVE``, ``LEAD_AT_THE_TOP``) is a league's: the table or
    points after it (``LEAGUE_AFTER``), or a match's word in the text (``MATCH_WORDS``), not a country's ranking."""
    return LEAGUE_AFTER.match(text, match.end()) is not None or not spaced_words(text.lower()).isdisjoint(MATCH_WORDS)


# A Portuguese club by its article and where a match or the table leaves it: losing or winning at home or away ("O
# Porto perdeu em casa"), behind or ahead at a moment of the match ("O Braga estava a perder ao intervalo"), or in the
# table's relegation zone or last place ("O Santos estava na zona de rebaixamento"), places to the models; a city's
# losing or winning goes on with its object ("O Porto estava a perder habitantes").
_CLUB_AT = r"[^\S\n]*(?:[,.;!?]|$|ao[^\S\n]+intervalo|por[^\S\n]+\d|em[^\S\n]+casa|fora[^\S\n]+de[^\S\n]+casa)"
CLUB_STANDING = re.compile(
    r"\b[Oo][^\S\n]+([A-ZÀ-Ý][\w-]*(?:[^\S\n]+[A-ZÀ-Ý][\w-]*){0,2})[^\S\n]+"
    rf"(?:(?:perdeu|venceu|ganhou|empatou)(?={_CLUB_AT})"
    r"|(?:estava|está|esteve|segue|continua|ficou|terminou)[^\S\n]+"
    rf"(?:a[^\S\n]+(?:perder|vencer|ganhar|empatar)(?={_CLUB_AT})"
    r"|n[ao][^\S\n]+(?:zona[^\S\n]+d[eao][^\S\n]+(?:rebaixamento|despromoção|descida)|lanterna)\b)"
    # or moving in the table, and then the clause ends, the match or the table follows ("O Bahia subiu para o quinto
    # lugar após vencer o Vitória", a place to the model; not "subiu para o quinto lugar no ranking das cidades")
    r"|(?:subiu|caiu|desceu|saltou|pulou)[^\S\n]+(?:para[^\S\n]+[oa]|ao|à)[^\S\n]+(?:[\w-]+[^\S\n]+)?"
    r"(?:lugar|posto|posição|colocação|liderança)(?=[^\S\n]*(?:[,.;!?]|$)|[^\S\n]+(?:após|depois|com|ao|"
    r"(?:d[oa]|n[oa])[^\S\n]+(?:tabela|classificação|campeonato|Campeonato|Brasileirão|Liga|Série|grupo))\b)"
    # or into or out of a zone of the table ("O Fortaleza caiu para a zona de rebaixamento", a place to the model)
    r"|(?:subiu|caiu|desceu|entrou|saiu)[^\S\n]+(?:para[^\S\n]+a|na|à|da)[^\S\n]+zona[^\S\n]+d[eao][^\S\n]+"
    r"(?:rebaixamento|despromoção|descida|classificação|Libertadores|Champions)\b)")
CLUB_STANDING_KEYWORDS = tuple(word + mark for word in ("perdeu", "venceu", "ganhou", "empatou", "perder", "vencer",
                                                       "ganhar", "empatar", "rebaixamento", "despromoção", "descida",
                                                       "lanterna", "subiu", "caiu", "desceu", "saltou", "pulou",
                                                       "entrou", "saiu")
                               for mark in ("", ",", ".", ";"))


def product_noun_patterns() -> list[dict[str, Any]]:
    """Token patterns of a noun of PRODUCT_NOUNS_BEFORE and a name, and of a
    name and a noun of PRODUCT_NOUNS_AFTER; the matcher returns every length
    of the name, ``product_names`` picks one. Each pattern's first required
    token is the noun, so the matcher runs only on texts that hold one
    (``GatedRuler``: a regex for the names at every capitalised word cost 0.95
    us a word of English)."""
    def forms(nouns: frozenset[str]) -> list[str]:
        return sorted(form for noun in nouns for form in (noun, noun.capitalize()))

    # a code opening with its digits is a model's name too ("o trator 8R", "o seu trator autônomo 8R" missed; the
    # sentence's full stop glued to it, as the tokenizer leaves it, is cut by ``end_without_glued_dot``)
    first = {"TEXT": {"REGEX": "^(?:[A-ZÀ-Ý]|[a-z]{1,2}[A-Z]|\\d+[A-Z]+\\.?$)"}}
    more = {"TEXT": {"REGEX": "^(?:[A-ZÀ-Ý]|[a-z]{1,2}[A-Z]|\\d)"}}
    demonym = {"ORTH": {"IN": sorted(WORDS_BETWEEN_A_PRODUCT_NOUN_AND_NAME)}, "OP": "?"}
    return [
        {"label": "PRODUCT", "id": PRODUCT_NOUN,
         "pattern": [{"ORTH": {"IN": forms(PRODUCT_NOUNS_BEFORE)}}, demonym, first, {**more, "OP": "{0,2}"}]},
        {"label": "PRODUCT", "id": PRODUCT_NOUN,
         "pattern": [{**more, "OP": "{0,3}"}, {"ORTH": {"IN": sorted(VEHICLE_KINDS)}, "OP": "?"},
                     {"ORTH": {"IN": forms(PRODUCT_NOUNS_AFTER)}}]},
    ]


def product_names(matches: list[SpacySpan], known_starts: set[int], people: set[int]) -> list[SpacySpan]:
    """The product names of ``product_noun_patterns``' matches: per noun, the
    longest name without the noun (and a demonym after it) that opens with
    no word of NOT_PRODUCT_OPENINGS, ``not_names`` or demonyms, nor where a
    known name of another kind starts ("a SpaceX rocket", but "the SpaceX
    Falcon 9 rocket" gives Falcon 9). A known person's one word next to the noun is the product named after them
    ("the Vivaldi browser", "o navegador Vivaldi", "the Hubble telescope"; s46-entities: a person): no one is a
    browser or a telescope."""
    common = not_names() | word_list(DEMONYMS_FILE) | NOT_PRODUCT_OPENINGS
    best: dict[tuple[int, bool], SpacySpan] = {}
    for match in matches:
        before = match[-1].lower_ not in PRODUCT_NOUNS_AFTER_LOWER  # a match of the first pattern ends with a name
        name = match[1 + (match[1].text in WORDS_BETWEEN_A_PRODUCT_NOUN_AND_NAME):] if before else with_glued_start(
            match[:-1 - (len(match) > 1 and match[-2].text in VEHICLE_KINDS)])
        if before and match[0].is_title and match.start > 0 and match.doc[match.start - 1].is_title:
            continue  # the noun among capitals, a headline's or a name's word ("Curbs On Chip Tools Bound For")
        if before and match[0].lower_ in AIRCRAFT_NOUNS_BEFORE and not is_model_name(name.text):
            continue  # "aviões F-15" cut at the dash, "aviões da Embraer": no model named
        if before and match[0].lower_ in MODEL_NOUNS_PT and match.start > 0 \
                and match.doc[match.start - 1].lower_ in FEMININE_WORDS_BEFORE_A_NOUN:
            continue  # "a modelo Gisele Bündchen": a person
        if before and name and name.start_char in known_starts and is_model_name(name[1:].text):
            name = name[1:]  # the maker before its model: "aviões Embraer E195-E2", "celulares Motorola Edge 50"
        while not before and len(name) > 1 and name[0].like_num and any(char.isupper() for char in name[1:].text):
            name = name[1:]  # a count before a name: "20 A321neo jets", "100,000 H100 GPUs", "24 Starlink satellites"
        named_after = len(name) == 1 and name.start_char in people
        if not name or name[0].text in common or (name.start_char in known_starts and not named_after) or (
                not before and not any(char.isupper() for char in name.text)) or is_opener_before_a_kind(name):
            continue  # a count alone names nothing: "12 000 GPUs"
        if not before and match.end < len(match.doc) and match.doc[match.end].lower_ in MODIFIED_NOUNS:
            continue  # "Maxar satellite images": whose images
        if not before and name.text in UNITS:
            continue  # a size's unit after its count: "the 32GB model" (s47-entities: "GB" a product)
        if not before and match[-1].is_title:
            continue  # a capitalised noun after a name is a word of it ("Cripto Radar", a channel)
        if not before and match[-1].lower_ in AIRCRAFT_NOUNS | GENERIC_VEHICLE_NOUNS | VACCINE_NOUNS \
                and not is_model_name(name.text):
            continue  # "the Ryanair jets": whose aircraft, not which; "delivered 44 aircraft": how many
        noun = (match.start if before else match.end, before)
        if noun not in best or len(name) > len(best[noun]):
            best[noun] = name
    return list(best.values())


def is_opener_before_a_kind(words: SpacySpan) -> bool:
    """Whether a span is a sentence's first word and a common acronym of ``not_names`` before a product's noun, maybe
    plural ("Cheap AI chips are the new battleground", a product or an organisation "Cheap AI"; "Faster AI
    models"): a kind of product described, its first word capitalised as the opener; a company so named is in the
    gazetteer ("Stability AI"); so with a demonym ("Cheap Chinese chips")."""
    doc = words.doc
    if len(words) != 2:
        return False
    second = words[1].text
    return (second in not_names() or second in word_list(DEMONYMS_FILE)) and words.end < len(doc) \
        and doc[words.end].lower_.removesuffix("s") in PRODUCT_NOUNS_AFTER_LOWER \
        and (words.start == 0 or doc[words.start - 1].text in SENTENCE_ENDS or doc[words.start - 1].is_space)


def with_glued_start(name: SpacySpan) -> SpacySpan:
    """A name before a product's noun with the word a dash glues to its start
    ("its Vikram-S rocket" matched "S" alone: the tokenizer splits at the dash)."""
    doc, start = name.doc, name.start
    if name and start > 1 and doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and doc[start - 2].text[:1].isupper():
        return doc[start - 2:name.end]
    return name


def is_model_name(words: str) -> bool:
    """Whether words hold a digit and a capital, as a model's name does ("737 MAX", "A321neo"), or end in a
    variant's one capital after a name ("Gripen E", "Model Y")."""
    return (any(char.isdigit() for char in words) and any(char.isupper() for char in words)) \
        or VARIANT_LETTER.search(words) is not None


# A name and a variant's one capital at its end (``is_model_name``).
VARIANT_LETTER = re.compile(r"[A-Z][a-z]+[^\S\n]+[A-Z]$")


def is_article_before(candidate: Candidate, span: SpacySpan, text: str) -> bool:
    """Whether a model span is an institution's match with only an article
    before it ("The Supreme Court of Canada" opening a sentence)."""
    before = text[candidate.start:span.start_char].split()
    return candidate.end == span.end_char and len(before) == 1 and before[0].lower() in ARTICLES


# Prepositions a Portuguese institution's name may carry between its capitalised words ("Secretaria de Parcerias em
# Investimentos", "Agência para Modernização Administrativa"; the pattern cut them at "em" before), unless a place of
# the gazetteer follows: then they say where the institution is ("Secretaria de Saúde em Campinas").
INSTITUTION_INNER_PREPOSITIONS = frozenset({"em", "para"})


def before_a_known_place(span: SpacySpan, place_starts: set[int]) -> SpacySpan | None:
    """An institution's match cut before an inner preposition (``INSTITUTION_INNER_PREPOSITIONS``) that a place of
    the gazetteer follows (its tokens' starts: ``place_starts``), without the connectors left at its end; None where
    no head, connector and capitalised word are left."""
    end = next((token.i for token in span[1:] if token.lower_ in INSTITUTION_INNER_PREPOSITIONS
                and token.i + 1 in place_starts), span.end)
    if end == span.end:
        return span
    while end > span.start + 1 and not span.doc[end - 1].is_title:
        end -= 1
    return span.doc[span.start:end] if end - span.start >= 3 else None


def runs_over_where_it_is(candidate: Candidate, body: SpacySpan, match: SpacySpan, places: list[tuple[int, int]]) -> bool:
    """Whether a model's organisation runs from an institution's name over the place it is in: the pattern's match
    was cut before "em"/"para" and a place (``before_a_known_place``: "Conselho Nacional de Educação em Portugal"), the
    model's span ends with it, and the body's name ends with no place of its own, as a campus's does ("Universidade da
    Califórnia em Los Angeles", one organisation to WikiANN-pt)."""
    return (body.end < match.end and candidate.end >= match.end_char
            and not any(end == body.end for _, end in places))


def with_qualifiers_before(span: SpacySpan) -> SpacySpan:
    """An English institution's match with the capitalised words before its
    head ("Supreme Court of Canada"), but not an article or another function
    word ("The University of Toronto"); Portuguese puts them after it
    ("Tribunal Regional Eleitoral de"), and a capitalised word before is more
    often a sentence's first. Done here, on the few matches, because a pattern
    that may start at any capitalised word costs the ruler a pass."""
    start = span.start
    while language_of(span.doc.vocab) == "en" and start > 0 and span.doc[start - 1].is_title and not span.doc[start - 1].is_stop:
        start -= 1
    return span.doc[start:span.end]


def institution_before_its_head(head: SpacySpan) -> SpacySpan | None:
    """An English institution's name by its head and the capitalised words before it, maybe joined by
    "and" ("High Court", "Competition and Markets Authority"), or None: a head alone ("the court", "In
    Court") names none, and Portuguese puts the head first (the ``INSTITUTION`` patterns)."""
    doc, start = head.doc, head.start
    while language_of(doc.vocab) == "en" and start > 0:
        before = doc[start - 1]
        if before.is_title and not before.is_stop and before.text not in opening_words():
            start -= 1
        elif before.lower_ == "and" and start - 1 > 0 and start < head.start and doc[start - 2].is_title \
                and not doc[start - 2].is_stop and doc[start - 2].text not in opening_words():
            start -= 1
        else:
            break
    return doc[start:head.end] if start < head.start else None


def name_parts(ent: SpacySpan) -> list[SpacySpan]:
    """The names a model span ran over: it ends where its sentence does
    ("Hugging Face. In the end") or a clause begins ("Microsoft will invest",
    "Satya Nadella told investors", "Oxford University cut hospital admissions": ``name_end``), and is cut in two at a
    verb between two actors ("Manchester City beat Real Madrid"; the second piece only when it
    starts with a capital: ``pieces_of``). Each piece loses the words around its name
    (``name_words``)."""
    english = language_of(ent.doc.vocab) == "en"  # once a span: the English checks of each token below
    end = name_end(ent, english)
    if english and is_owners_demonym(ent):
        return []
    label = ent.label_  # read once a span: each read looks the label up in spaCy's string store
    pieces = pieces_of(ent, end, label, english)
    names = [name_words(name_after_common_words(piece) or piece, label) for piece in pieces[:1]]
    # (a later piece opens with a capitalised word, a product's shape or an acronym: "Halifax Citadels - AHL")
    names += [name_words(piece, label) for piece in pieces[1:]
              if piece and (piece[0].is_title or PRODUCT_SHAPE.fullmatch(piece[0].text) or is_acronym(piece[0]))]
    names = [name for name in names if name and not is_role_before_a_name(name)]
    return names + names_reported_after(ent, end)


# Verbs of speech between a speaker and the names of what was said, which the model may run on over ("Lloyds said
# Microsoft's Azure AI Foundry service runs", one organisation; s45-entities blind): ``names_reported_after``.
SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "disse", "diz"})


def names_reported_after(ent: SpacySpan, end: int) -> list[SpacySpan]:
    """The names of a model span after a verb of speech where its speaker's name ends (``name_end``), read as a span
    of their own when a capitalised word follows the verb (``SPEECH_VERBS``): what was said opens with a name. The
    lowercase words the span ends with are no name's ("Industry insiders told 36Kr that": "36Kr")."""
    doc = ent.doc
    if end + 1 >= ent.end or doc[end].text not in SPEECH_VERBS or not doc[end + 1].text[:1].isupper():
        return []
    last = ent.end
    while last > end + 2 and doc[last - 1].is_lower:
        last -= 1
    return name_parts(span_type()(doc, end + 1, last, label=ent.label))


# The texts of which a token must be one for a check of ``name_end`` that is not English's alone to end a name there:
# a full stop (``ends_a_sentence``), a clause's verb, a time word, a locative (``opens_an_operation``), a bracket
# (``opens_an_unclosed_bracket``, ``opens_an_adverbs_note``) and "the" (``opens_a_noun_phrase``).
NAME_END_TEXTS = frozenset({".", "(", "the"}) | CLAUSE_VERBS | TIME_WORDS | LOCATIVES


def name_end(ent: SpacySpan, english: bool) -> int:
    """Where the name a model span opens ends: at its sentence's end or where a clause begins (``name_parts``), and
    before the past verbs it ends with ("The Supreme Court of Canada ruled"). The checks that only English can meet
    are asked only of English (``english``): each asks the language itself, after a call and a token's text."""
    tokens = tokens_of(ent.doc)
    span_end = ent.end
    # (outside English a token's text screens the checks: each of theirs needs one of ``NAME_END_TEXTS``)
    end = next((token.i for token in tokens[ent.start:span_end] if (english or token.text in NAME_END_TEXTS) and (
                ends_a_sentence(token, span_end) or token.text in CLAUSE_VERBS
                or (english and (is_irregular_past_after_a_name(token)
                                 or is_past_verb_before_a_lowercase_tail(token, span_end)))
                or (token.text in TIME_WORDS and token.i > ent.start) or opens_an_operation(token, span_end)
                or opens_an_unclosed_bracket(token, span_end) or opens_an_adverbs_note(token, span_end)
                or opens_a_noun_phrase(token, span_end)
                or (english and (opens_a_lowercase_tail(token, span_end) or is_negated_after_a_version(token)
                                 or runs_into_a_clause(token))))), span_end)
    while end - 1 > ent.start and is_past_verb(tokens[end - 1]):
        end -= 1
    return end


def pieces_of(ent: SpacySpan, end: int, label: str, english: bool) -> list[SpacySpan]:
    """The pieces of a model span up to its name's ``end`` (``name_end``), cut where a word joins two names
    (``cut_at``), and the next sentence's subject that the span ran on into after a full stop."""
    doc = ent.doc
    pieces, start = [], after_an_opening_phrase(ent, end)
    # (outside English and persons a token's text screens the cases: each of theirs needs a comma, an actor's verb or
    # a past verb's ending)
    screened = not english and label != "PER"
    for token in tokens_of(doc)[ent.start:end]:
        if screened and token.text in JOINING_WORDS_PT:
            cut = cut_at_a_joining_word(token, start, end)
        elif screened and not may_cut_a_name(token.text):
            continue
        else:
            cut = cut_at(token, ent, start, end, label, english)
        if cut is not None:
            piece, start = cut
            if piece is not None:
                pieces.append(piece)
    pieces.append(doc[start:end])
    if end < ent.end and doc[end].text == "." and is_name_run(words_between(doc, end + 1, ent.end)) \
            and not is_common_noun_opening(words_between(doc, end + 1, ent.end)):
        # the next sentence's subject ("evening. Network Rail"), without its article ("Sunday. The Spaniard")
        pieces.append(doc[end + 1 + (doc[end + 1].lower_ in ARTICLES):ent.end])
    return pieces


def may_cut_a_name(text: str) -> bool:
    """Whether a token's text may cut a model span that is neither English nor a person's (``cut_at``): a comma
    (``is_comma_in_a_list_of_places``, ``is_comma_before_a_source``, ``is_comma_before_a_roles_holder``), an actor's
    verb or a past verb's ending (``acts_on_another``)."""
    return text == "," or text in ACTOR_VERBS or text.endswith(PAST_ENDINGS)


def cut_at(token: Token, ent: SpacySpan, start: int, end: int, label: str, english: bool
           ) -> tuple[SpacySpan | None, int] | None:
    """Where a word joins two names in a model span whose current piece starts at ``start`` (``pieces_of``): the piece
    before it (None for none) and where the next piece starts, in the cases an owner, an action on another, a list
    or a pair tell (``cut_before_a_second_name`` for the rest); else None."""
    doc = ent.doc
    # (before a person's two names: "Samsung's South Korean rival")
    if english and owns_a_demonym(token, end):
        return doc[start:token.i], end  # "TikTok's Chinese owner": the owner, and an adjective
    if acts_on_another(token) or (english and (owns_a_person(token, end) or owns_a_product(token, end)
                                               or owns_a_group(token, end))):
        return doc[start:token.i], token.i + 1
    if is_comma_in_a_list_of_places(token, ent):
        return doc[start:token.i], token.i + 1  # "across Phoenix, San Francisco, Los Angeles and Austin"
    if english and token.text == "between" and token.i + 1 < end:
        # "Police closed the road between Patchway": no name holds "between" (WikiANN-en's train split: 44 times,
        # all outside names), so the model ran on over a clause; what precedes it is a name only if capitalised,
        # and not a sentence's capitalised first word alone ("Trains between Leeds and Harrogate")
        before = doc[start:token.i]
        named = not any(is_lowercase_word(word) for word in before) and not (
            len(before) == 1 and (start == 0 or doc[start - 1].text in SENTENCE_ENDS))
        return (before if named else None), token.i + 1
    if english and joins_two_companies(token, start, end):
        return doc[start:token.i], token.i + 1  # "Marathon Digital and Riot Platforms": two companies
    if english and is_and_between_two_ends(token, start, end):
        return doc[start:token.i], token.i + 1  # "a rail line between Tangier and Marrakesh": two places
    if english and is_town_after_a_campus(token, end):
        return doc[start:token.i], token.i + 1  # "the Indian Institute of Science in Bengaluru": the body, the town
    if english and is_street_after_on(token, start, end):
        return doc[start:token.i], token.i + 1  # "Le Bibent on Place du Capitole": the restaurant, the square
    return cut_before_a_second_name(token, ent, start, end, label, english)


# A street's or a square's head, opening its name in the languages a guide quotes ("Place du Capitole", "Rue de
# Rivoli", "Via Roma") or closing an English one ("Oxford Street"): ``is_street_after_on``.
STREET_OPENERS = frozenset("Place Rue Avenue Boulevard Via Calle Plaza Piazza Rua Avenida Praça".split())
STREET_CLOSERS = frozenset("Street Road Avenue Square Lane Boulevard Drive".split())


def is_street_after_on(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` is "on" inside a model span between a capitalised name and a street's (``STREET_OPENERS``,
    ``STREET_CLOSERS``): a venue and the street it stands on ("book a table at Le Bibent on Place du Capitole", one
    place; s46-entities). A town on its river keeps it ("Newcastle on Tyne")."""
    doc = token.doc
    if token.text != "on" or token.i == start or token.i + 1 >= end or not doc[start].is_title:
        return False
    return doc[token.i + 1].text in STREET_OPENERS or (end - token.i > 2 and doc[end - 1].text in STREET_CLOSERS)


def cut_at_a_joining_word(token: Token, start: int, end: int) -> tuple[SpacySpan, int] | None:
    """Where a Portuguese word that names hold too ("do", "pela": ``JOINING_WORDS_PT``) joins two names in a model
    span that is not a person's, as ``cut_at`` returns it; else None."""
    if is_by_between_two_names(token, start, end) or is_maker_after_its_product(token, start, end):
        # "o Sporting Cristal pela Libertadores": the club, the competition; "o Gemini Enterprise do Google": the
        # product, its maker
        return token.doc[start:token.i], token.i + 1
    return None


# "pela"/"pelo" ("by", "for", "through") inside a Portuguese model span: a match's competition or a route after a
# name ("venceu o Sporting Cristal pela Libertadores", one organisation; s46-entities): ``is_by_between_two_names``.
BY_CONTRACTIONS_PT = frozenset({"pela", "pelo", "pelas", "pelos"})
JOINING_WORDS_PT = BY_CONTRACTIONS_PT | {"do", "da"}
# The heads of a body named for its cause with "pela"/"pelo" ("Frente Ampla pela Democracia"), beside the civic ones.
CAUSE_BODY_HEADS_PT = frozenset(
    "comitê comité frente campanha marcha aliança coalizão coligação comissão liga união conselho fórum rede "
    "partido núcleo centro instituto sociedade".split()) | frozenset(CIVIC_BODY_NOUNS_PT.split())


def is_by_between_two_names(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` is "pela"/"pelo" (``BY_CONTRACTIONS_PT``) that ends a model span, or stands between a name of
    two capitalised words or more and a capitalised word: two names. A cause's body names itself with it after its
    head ("Movimento pela Paz", "Frente Ampla pela Democracia": ``CAUSE_BODY_HEADS_PT``), so those stay whole."""
    doc = token.doc
    if token.text not in BY_CONTRACTIONS_PT or token.i == start:
        return False
    if token.i + 1 == end:
        return True  # the span's last word: no name ends with it ("o Sporting Cristal pela Sul-Americana")
    before = doc[start:token.i]
    return doc[token.i + 1].is_title and len(before) >= 2 and all(word.is_title for word in before) \
        and not any(word.lower_ in CAUSE_BODY_HEADS_PT for word in before)


def is_maker_after_its_product(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` is "do"/"da" between a name that opens with a known product's word (``one_word_products``)
    and the rest of the span, an organisation the gazetteer knows (``organisation_names``): a product and its maker
    ("o Gemini Enterprise do Google", one organisation; s46-entities), as "o Copilot da Microsoft" is read apart."""
    doc = token.doc
    return token.text in ("do", "da") and token.i > start and doc[start].text in one_word_products() \
        and doc[token.i + 1:end].text in organisation_names()


def cut_before_a_second_name(token: Token, ent: SpacySpan, start: int, end: int, label: str, english: bool
                             ) -> tuple[SpacySpan | None, int] | None:
    """The later cases of ``cut_at``: a comma before a source or a role's holder, a party of a member, a spaced
    hyphen, a person after a role of a place or before an affiliation, two persons, a move, a site, or None."""
    doc = ent.doc
    if is_comma_before_a_source(token, end) or is_comma_before_a_roles_holder(token, end):
        # "for Apple, Variety reported", "Google's education chief, Shantanu Sinha": two names
        return doc[start:token.i], token.i + 1
    if english and is_party_of_a_member(token, end):
        return doc[start:token.i], token.i + 2  # the member, and the party past "of the"
    if english and is_spaced_hyphen(token, start, end):
        return doc[start:token.i], token.i + 1  # "Staind - Dysfunction": a band and its album
    if english and (person_start := person_after_a_role_of_a_place(token, start, end)) is not None:
        return doc[token.i + 1:person_start], person_start  # "Mayor of London Sadiq Khan": the place, the person
    if english and names_a_person(ent) and opens_a_persons_affiliation(token, start, end):
        # "Chris Taylor of Grizzly Bear": the person, and whose
        return doc[start:token.i], token.i + 1 + (doc[token.i + 1].lower_ == "the")
    if label == "PER" and joins_two_one_word_names(token, ent):
        return doc[start:token.i], token.i + 1  # "elogiou Pedro e Plata": two players
    if label == "PER" and opens_the_next_person(token, start, end):
        return doc[start:token.i], token.i  # "Gunnar Jeannette Tommy Milner": two drivers
    if english and is_move_to_another(token, start, end):
        return doc[start:token.i], token.i + 1  # "moved Magistral Small to Apache 2.0": what moved, and where
    if english and (is_site_of_another(token, end, SITE_LINKS)
                    or is_site_of_another(token, end, SALE_LINKS, SHOP_NOUNS)):
        # past "of"; past "to" ("Carphone shops to Vodafone": the brand, and the buyer)
        return doc[start:token.i], token.i + 2
    return None


# The rest of a list of names after its first two items: one or more after commas, then "and"/"e" and the last one,
# which no comma follows (a pair's region would), each item taken whole.
_CAPITALISED_RUN = r"[A-ZÀ-Ý][\w'.-]*(?:[^\S\n]+(?:(?:de|do|da|dos|das|of)[^\S\n]+)?[A-ZÀ-Ý][\w'.-]*)*"
LIST_OF_NAMES_CLOSING = re.compile(
    rf"(?:,[^\S\n]*{_CAPITALISED_RUN})+,?[^\S\n]+(?:and|e)[^\S\n]+{_CAPITALISED_RUN}"
    rf"(?![\w'.-]|[^\S\n]*,|[^\S\n]+(?:(?:de|do|da|dos|das|of)[^\S\n]+)?[A-ZÀ-Ý])")
# Verbs of moving or releasing something, before what moved and "to" where it went, or what was released and "under"
# its licence ("moved Magistral Small to Apache 2.0", "released Devstral Medium under Apache 2.0").
MOVING_VERBS = frozenset("moved moves switched switches shifted shifts migrated migrates ported ports transferred "
                         "transfers relicensed relicenses released releases published publishes licensed licenses "
                         "shipped ships open-sourced".split())
MOVE_PREPOSITIONS = frozenset({"to", "under"})


# The nouns of a place of study, research, care or display, which news names before the town it is in ("the Tata
# Institute of Fundamental Research in Mumbai").
CAMPUS_NOUNS = frozenset("Institute University College School Hospital Centre Center Laboratory Observatory Academy "
                         "Museum".split())


# Nouns of what runs between two places ("a rail line between Tangier and Marrakesh", "flights between Leeds and
# Belfast"): the two names after "between" are places, whatever the model took them for.
ROUTE_NOUNS = frozenset("line lines road roads route routes railway rail flights flight trains train services service "
                        "motorway highway bridge tunnel link ferry ferries corridor border journey trip trips sailings "
                        "buses".split())
# ... those that carry people to a place, not a firm's dealings with another ("services to Apple", "line to Nvidia")
JOURNEY_NOUNS = ROUTE_NOUNS - frozenset("line lines service services link bridge tunnel corridor border".split())


def joins_two_companies(token: Token, start: int, end: int) -> bool:
    """Whether "and" inside an English model span joins two companies' names, each of capitalised words (or a
    number, "Hut 8 Corp") ending in a company word (``COMPANY_WORDS``: "Marathon Digital and Riot Platforms" was one
    organisation; entities48), or the first ending in a body's head (``BODY_HEADS_EN``) and the second opening with
    an organisation the gazetteer knows ("Nationwide Building Society and Santander UK", entities48). A name of one
    word before "and" is a list's or a name's own ("Procter and Gamble")."""
    doc = token.doc
    if token.text != "and" or token.i - start < 2 or end - token.i < 2 or not is_capitalised(doc[token.i - 2]) \
            or not all(is_capitalised(word) for word in doc[token.i + 1:end]):
        return False
    head = doc[token.i - 1].text
    return (head in COMPANY_WORDS and end - token.i > 2 and doc[end - 1].text in COMPANY_WORDS) or (
        head in COMPANY_WORDS | BODY_HEADS_EN and doc[token.i + 1].text in organisation_names())


def is_and_between_two_ends(token: Token, start: int, end: int) -> bool:
    """Whether "and" inside an English model span that opens right after "between" joins two names of one word each
    (a pair the gazetteer knows as one place, "Bosnia and Herzegovina", stays whole): the two ends of what lies
    between them."""
    doc = token.doc
    return token.text == "and" and start > 0 and doc[start - 1].lower_ == "between" and token.i == start + 1 \
        and end == token.i + 2 and doc[start].is_title and doc[token.i + 1].is_title \
        and doc[start:end].text not in place_names()


def is_end_of_a_route(words: SpacySpan) -> bool:
    """Whether an English one-word name is one of the two after a route's noun and "between" (``ROUTE_NOUNS``), or
    after a journey's noun and "to" or "from" (``JOURNEY_NOUNS``: "routes to Stornoway", "sailings from Ullapool to
    Stornoway"): a place."""
    doc, start = words.doc, words.start
    if len(words) == 1 and start > 1 and doc[start - 1].lower_ in ("to", "from"):
        opening = start - 3 if start > 3 and doc[start - 3].lower_ == "from" else start - 1
        return doc[opening - 1].lower_ in JOURNEY_NOUNS
    between = start - 1 if start > 0 and doc[start - 1].lower_ == "between" else start - 3
    return len(words) == 1 and between > 0 and doc[between].lower_ == "between" \
        and doc[between - 1].lower_ in ROUTE_NOUNS and (between == start - 1 or doc[start - 1].text == "and")


def is_town_after_a_campus(token: Token, end: int) -> bool:
    """Whether "in" inside an English model span tells where the body before it is (``campus_before``), capitalised
    words only following it to the span's end."""
    return token.text == "in" and token.i + 1 < end and all(word.is_title for word in token.doc[token.i + 1:end]) \
        and campus_before(token)


def campus_before(preposition: Token) -> bool:
    """Whether the capitalised words (and connectors) right before ``preposition`` name a campus (a noun of
    ``CAMPUS_NOUNS``) in prose: after "the" or a lowercase word, where the town after "in" is no part of the name. A
    name alone, as an encyclopedia's title or list writes it, may hold one ("Institute of Chartered Accountants in
    Australia": WikiANN-en)."""
    doc, index = preposition.doc, preposition.i - 1
    while index >= 0 and (doc[index].is_title or doc[index].lower_ in OFFICE_CONNECTORS) and doc[index].lower_ != "the":
        index -= 1
    return index >= 0 and (doc[index].is_lower or doc[index].lower_ == "the") \
        and any(word.text in CAMPUS_NOUNS for word in doc[index + 1:preposition.i])


def is_town_of_a_campus(words: SpacySpan) -> bool:
    """Whether an English span of capitalised words follows "in" after a campus's name in prose (``campus_before``):
    the town."""
    start = words.start
    return start > 1 and words.doc[start - 1].text == "in" and all(word.is_title for word in words) \
        and campus_before(words.doc[start - 1])


def is_comma_in_a_list_of_places(token: Token, ent: SpacySpan) -> bool:
    """Whether a comma inside a model place's span parts two items of a list that goes on after the span and closes
    with "and"/"e" and its last item ("across Phoenix, San Francisco, Los Angeles and Austin."). A town and its region
    or country ("Tokorozawa, Saitama, Japan", "Brooklyn, New York, Naranja, Florida, and Stone Mountain, Georgia":
    pairs, the last one too) stay one name."""
    doc = ent.doc
    return (token.text == "," and ent.label_ == "LOC" and ent.start < token.i < ent.end - 1
            and doc[token.i + 1].is_title and LIST_OF_NAMES_CLOSING.match(doc.text, ent.end_char) is not None)


def is_spaced_hyphen(token: Token, piece_start: int, span_end: int) -> bool:
    """Whether a hyphen with a space on each side parts two names inside a model span ("Staind - Dysfunction",
    "Halifax Citadels - AHL"): a name's own hyphen is unspaced ("Austria-Hungary"). In WikiANN-en train a spaced
    hyphen lies between two names 169 times and inside one 21 times; the spaced en dash, 152 and 41 times, stays
    (splitting at it too lost 0.001 of held-out dev F1 where the hyphen alone gained 0.0019). English only: in
    Portuguese the split lost 0.002 on the WikiANN-pt dev sample and 0.008 on the First HAREM hold-out."""
    return (token.text == "-" and piece_start < token.i < span_end - 1 and token.whitespace_ != ""
            and token.doc[token.i - 1].whitespace_ != "")


def joins_two_one_word_names(token: Token, ent: SpacySpan) -> bool:
    """Whether "e"/"and" joins the two one-word names of a model person's span of three words in prose, a given name
    first ("elogiou Pedro e Plata": players known by one name each): two surnames so joined are one person's ("Costa e
    Silva"), and a page's title names a duo as one ("Hermes e Renato", after no lowercase word)."""
    return (len(ent) == 3 and token.i == ent.start + 1 and token.lower_ in ("e", "and") and ent[2].is_title
            and ent.start > 0 and ent.doc[ent.start - 1].is_lower and ent[0].text in all_given_names())


def opens_the_next_person(token: Token, piece_start: int, span_end: int) -> bool:
    """Whether a given name (``all_given_names``) opens a second person inside a model person's span of capitalised
    words alone, two words or more on each side, the word before it no initial ("Maria Sanchez Yasmin Schnack",
    "James Hinchcliffe E. J. Viso": a list of people without commas, one person to the model; "John Hunt, Baron
    Hunt" has a comma). On the WikiANN-en held-out dev sample 3 spans became 6 right ones."""
    doc = token.doc
    if not (token.i - piece_start >= 2 and span_end - token.i >= 2 and token.text in all_given_names()):
        return False
    before = doc[token.i - 1]
    return len(before.text) > 2 and not before.text.endswith(".") and all(
        word.text[:1].isupper() and NAME_WORD.fullmatch(word.text) for word in doc[piece_start:span_end])


# Titles of nobility and the church that open a person's name before "of" and a place ("Princess Margriet of the
# Netherlands", "Patriarch Kirill of Moscow"): one name.
NOBLE_TITLES = frozenset("Prince Princess King Queen Lord Lady Duke Duchess Earl Baron Baroness Count Countess Emperor "
                         "Empress Saint St St. Sir Dame Bishop Archbishop Pope Patriarch Marquess Marquis Viscount "
                         "Archduke Archduchess Tsar Sultan Abbot".split())


def opens_a_persons_affiliation(token: Token, piece_start: int, span_end: int) -> bool:
    """Whether "of" inside an English model person's span joins a person of two or three names, a given name first
    (``all_given_names``) or an organisation the gazetteer knows after "of" (``organisation_names``: "Jensen Huang
    of Nvidia"), and no title (``NOBLE_TITLES``; a role, ``ROLE_TITLES``, only before them), to the band, company or
    place they are of ("Chris Taylor of Grizzly Bear", "Sarah Chen of Morgan Stanley": one person to the model): two
    names. WikiANN-en train has 5 such pairs against 9 people named so whole ("Johann Theodor of
    Bavaria"); news names people by where they work, not by their seat."""
    doc = token.doc
    if token.text != "of":
        return False
    role = piece_start < token.i and doc[piece_start].text in ROLE_TITLES
    while piece_start < token.i and doc[piece_start].text in ROLE_TITLES:
        piece_start += 1  # "Representative Maria Salazar of Florida": the role is cut with the person's piece
    if not (2 <= token.i - piece_start <= 3 and token.i + 1 < span_end):
        return False
    after = doc[token.i + 1 + (doc[token.i + 1].lower_ == "the" and token.i + 2 < span_end)]
    names = doc[piece_start:token.i]
    affiliation = doc[after.i:span_end].text
    # a role before the names makes them a person's where the place they are of is known ("Senator Sherrod Brown of
    # Ohio"); an occupation right before the span, whatever they are of ("analyst Mat Piscatella of Circana", one
    # person to the model; s47-entities)
    known = names[0].text in all_given_names() or affiliation in organisation_names() or (
        role and affiliation in place_names()) or is_occupation_before(doc, piece_start)
    return after.text[:1].isupper() and known and all(
        PERSONAL_NAME.fullmatch(word.text) and word.text not in NOBLE_TITLES and word.text not in ROLE_TITLES
        for word in names)


# The occupations of ROLE_TITLES whose holder is named by the body they work for ("analyst X of Circana").
OCCUPATIONS_BEFORE_AN_AFFILIATION = frozenset(
    "Economist Analyst Strategist Historian Journalist Columnist Writer Author Investor Professor".split())


def is_occupation_before(doc: Doc, start: int) -> bool:
    """Whether the word before ``start`` is an occupation (``OCCUPATIONS_BEFORE_AN_AFFILIATION``), capitalised or not
    ("Analyst", "analyst"), none of a ruler's or an officer's that a seat follows ("Governor", "Mayor": the place they
    are of)."""
    return start > 0 and doc[start - 1].text.capitalize() in OCCUPATIONS_BEFORE_AN_AFFILIATION


def person_after_a_role_of_a_place(token: Token, piece_start: int, span_end: int) -> int | None:
    """Where the person starts after a role "of" a place the gazetteer knows, the model span's last two or three
    personal names ("Mayor of London Sadiq Khan": one person to the English model), or the span's end where the role
    and the place end it before a capitalised word ("The Mayor of London" a person, then "Boris Johnson"), or None;
    the role is cut, as before a name ("Mayor Karen Bass")."""
    if token.text != "of":
        return None
    doc = token.doc
    role_start = piece_start + (doc[piece_start].lower_ == "the")
    if token.i <= role_start or any(
            word.text not in ROLE_TITLES for word in doc[role_start:token.i]):
        return None
    if span_end < len(doc) and doc[span_end].is_title and doc[token.i + 1:span_end].text in place_names():
        return span_end
    for person_start in range(token.i + 2, min(token.i + 5, span_end - 1)):
        if doc[token.i + 1:person_start].text in place_names() and 2 <= span_end - person_start <= 3 and all(
                is_personal_name_after_a_role(word) for word in doc[person_start:span_end]):
            return person_start
    return None


def names_a_person(ent: SpacySpan) -> bool:
    """Whether a model span is a person's, or an organisation's that a role and a personal name open ("Senator
    Sherrod Brown of Ohio", one organisation to the English model): the person and what they are of."""
    return ent.label_ == "PER" or (ent.label_ == "ORG" and len(ent) > 3 and ent[0].text in ROLE_TITLES
                                   and PERSONAL_NAME.fullmatch(ent[1].text) is not None)


def affiliation_label(ent: SpacySpan, words: SpacySpan) -> str:
    """The model's label for a name it ran over, but LOC or ORG for what a person is of
    (``opens_a_persons_affiliation``): a place the gazetteer knows ("Erin Brady of Connecticut"), else an
    organisation ("Chris Taylor of Grizzly Bear")."""
    doc = words.doc
    before = doc[words.start - 1].lower_ if words.start > ent.start else ""
    of = before == "of" or (before == "the" and words.start - 1 > ent.start and doc[words.start - 2].lower_ == "of")
    if not of or language_of(doc.vocab) != "en" or not names_a_person(ent):
        return ent.label_
    return "LOC" if words.text in place_names() else "ORG"


def is_move_to_another(token: Token, piece_start: int, span_end: int) -> bool:
    """Whether a lowercase "to" or "under" inside an English model span, after a name of two words or more that a
    verb of moving or releasing comes right before, joins two names ("Mistral moved Magistral Small to Apache 2.0",
    "released Devstral Medium under Apache 2.0" were one organisation each): a title holds "to" ("The Rough Guide to
    Arabic Revolution", "Who Wants to Be a Millionaire?")."""
    doc = token.doc
    return (token.text in MOVE_PREPOSITIONS and language_of(doc.vocab) == "en" and token.i - piece_start >= 2
            and token.i + 1 < span_end and piece_start > 0 and doc[piece_start - 1].lower_ in MOVING_VERBS
            and doc[token.i + 1].text[:1].isupper()
            and all(word.text[:1].isupper() for word in doc[piece_start:token.i]))


def is_comma_before_a_roles_holder(token: Token, span_end: int) -> bool:
    """Whether a comma after a role's noun opens the person holding it, to the span's end
    (``person_apposed_to_a_role``)."""
    doc = token.doc
    return token.text == "," and token.i > 0 and doc[token.i - 1].text in APPOSED_ROLE_WORDS \
        and person_apposed_to_a_role(doc[token.i + 1:span_end]) is not None


def is_comma_before_a_source(token: Token, span_end: int) -> bool:
    """Whether a comma inside a model span comes before capitalised words that end the span right before
    "reported" or "said" ("his next film for Apple, Variety reported" was one place, "talks with the European
    Commission, Downing Street said" one organisation): a name, then the source that
    reported it (``REPORTING_SOURCE``); or before its possessive, which opens an apposition ("Stellantis, Europe's
    second-largest carmaker" was one place)."""
    doc = token.doc
    return token.text == "," and token.i + 1 < span_end < len(doc) and (
        doc[span_end].lower_ in SOURCE_VERBS or doc[span_end].lower_ in ("said", "says")
        or doc[span_end].text in POSSESSIVES) \
        and all(word.text[:1].isupper() for word in doc[token.i + 1:span_end])


def opens_a_noun_phrase(token: Token, span_end: int) -> bool:
    """Whether a lowercase "the" inside a model span, right after a name's word and before a common noun, opens the
    next clause's subject ("told Reuters the continent needs"): a name holds "the" after a connector ("Bank of the
    West") or before a capital ("Alexander the Great"), and a word after no word is capitalised as its sentence's or
    line's opener ("Got the job!!!", "Q: Does the kettle ...": no name to keep)."""
    doc = token.doc
    return (token.text == "the" and token.i + 1 < span_end and is_lowercase_word(doc[token.i + 1])
            and token.i > 1 and doc[token.i - 2].is_alpha
            and doc[token.i - 1].text[:1].isupper() and doc[token.i - 1].lower_ not in NAME_CONNECTORS)


def is_negated_after_a_version(token: Token) -> bool:
    """Whether a word inside an English model span is an auxiliary before "n't" right after a version's number ("GPT 6
    won't be" was one organisation): a versioned name ends there. Elsewhere such a span is a clause the model took
    for a name ("Honestly, I can't", "Still can't believe it"), dropped whole as it was."""
    doc = token.doc
    return (token.lower_ in CONTRACTED_AUXILIARIES and language_of(doc.vocab) == "en" and 0 < token.i < len(doc) - 1
            and doc[token.i + 1].lower_ in ("n't", "n’t") and DIGIT.search(doc[token.i - 1].text) is not None)


def runs_into_a_clause(token: Token) -> bool:
    """Whether a word inside an English model span, after a capitalised one, opens a clause the model ran on into
    (seed-shaped probe 25): a subject pronoun ("hate AI they don't get paid for" gave "AI they don't"), or a noun and
    its participle ("its first Aurora reactor running in Idaho" was one organisation). No name holds a lowercase
    pronoun, nor a lowercase noun with a lowercase "-ing" word after it ("Stratford-upon-Avon", "Bank of the West")."""
    doc = token.doc
    if language_of(doc.vocab) != "en" or token.i == 0 or not doc[token.i - 1].text[:1].isupper():
        return False
    if token.text in CLAUSE_SUBJECTS:
        return True
    return (is_lowercase_word(token) and token.i + 1 < len(doc) and is_lowercase_word(doc[token.i + 1])
            and doc[token.i + 1].text.endswith("ing") and len(doc[token.i + 1]) > 4)


def opens_a_lowercase_tail(token: Token, span_end: int) -> bool:
    """Whether an English preposition inside a model span, right after a name's word, opens lowercase words only to
    the span's end ("in Memphis on gas turbines" was one place): a phrase of the sentence, as no name ends in lowercase
    words after a preposition ("Bank of the West", "Stratford-upon-Avon" end capitalised)."""
    doc = token.doc
    return (token.text in LOCATIVES and language_of(doc.vocab) == "en" and token.i > 0 and doc[token.i - 1].text[:1].isupper()
            and token.i + 1 < span_end and all(is_lowercase_word(word) for word in doc[token.i + 1:span_end]))


def after_an_opening_phrase(ent: SpacySpan, end: int) -> int:
    """Where the name starts in a model span that opens its sentence with a prepositional phrase and a comma ("Under
    the Digital Markets Act, Apple must"): after the phrase's last comma; else where the span starts. A name whose
    first word is a preposition has no comma after it ("For Your Eyes Only"). A Portuguese writer's preterite and
    lowercase words opening the span are no name either ("Liguei para a Vivo", ``is_first_person_preterite``): the
    name starts at the next capitalised word."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text not in SENTENCE_ENDS:
        return ent.start
    if is_first_person_preterite(ent[0].text) and language_of(doc.vocab) == "pt":
        return next((token.i for token in doc[ent.start + 1:end] if not token.is_lower), ent.start)
    if ent[0].lower_ not in OPENING_PREPOSITIONS:
        return ent.start
    commas = [token.i for token in doc[ent.start:end] if token.text == ","]
    return commas[-1] + 1 if commas and commas[-1] + 1 < end else ent.start


def is_site_of_another(token: Token, span_end: int, links: frozenset[str] = frozenset({"of"}),
                       nouns: frozenset[str] = SITE_NOUNS) -> bool:
    """Whether a model span goes on over a site's noun (or another of ``nouns``) and "of" (or another of ``links``)
    to a capitalised name ("the Manchester office of Aviva Investors" was one organisation): where the site is, and
    whose it is, two names."""
    doc = token.doc
    # the word before the language, here and in the per-token checks of name_parts: the language costs a call
    # (``language_of``), more than a token's text, and the word seldom matches
    return token.lower_ in nouns and language_of(doc.vocab) == "en" and token.i + 2 < span_end \
        and doc[token.i + 1].lower_ in links and doc[token.i + 2].is_title


# What joins a site's noun to the next name in a model span: its owner, or the place it is in ("its Abilene site in
# Texas" was one organisation); and a count of shops to whom they are sold or from whom bought ("sold 12 Carphone
# shops to Vodafone" was one organisation).
SITE_LINKS = frozenset({"of", "in", "at"})
SALE_LINKS = frozenset({"to", "from"})


# ... and "to", after a verb opening the next sentence ("Gemini 3. Subscribe to The Inference").
OPENING_NOUN_PREPOSITIONS = NAME_PREPOSITIONS | {"to"}


def is_common_noun_opening(words: SpacySpan) -> bool:
    """Whether one capitalised word opens a sentence before a preposition ("Applications from Indian students",
    "Subscribe to"): a common noun or a verb, capitalised as the sentence's first word, not the next sentence's subject
    ("Network Rail said")."""
    doc = words.doc
    return len(words) == 1 and words.end < len(doc) and doc[words.end].lower_ in OPENING_NOUN_PREPOSITIONS \
        and is_lowercase_word(doc[words.end])


def owns_a_person(token: Token, span_end: int) -> bool:
    """Whether a possessive inside an English model span joins an owner to a
    person's name after it ("Galaxy Digital's Mike Novogratz" was one ORG):
    two or three personal names to the span's end, before a clause's lowercase
    word, after an owner that is not a group of people ("Women's World Cup").
    A title ends without a clause after it ("Asimov's Science Fiction", "Peter
    Green's Fleetwood Mac": WikiANN-en's dev lost 11 spans without that check)."""
    doc = token.doc
    if token.text not in POSSESSIVES or language_of(doc.vocab) != "en" or token.i == 0 or doc[token.i - 1].text in GENERIC_OWNERS:
        return False
    return (span_end < len(doc) and is_lowercase_word(doc[span_end])
            and person_after_possessive(doc[token.i + 1:span_end]) is not None)


def owns_a_product(token: Token, span_end: int) -> bool:
    """Whether a possessive inside an English model span joins an owner to the
    one word of a product's name after it, written as products are, with a
    capital inside or a digit, maybe with its noun ("CME Group's FedWatch tool",
    "Google's TensorFlow", "Nvidia's H200"): two names, the product a
    pattern's or its noun's (``product_names``); or to two or three words opening with a known product's
    ("Microsoft's Xbox Game Pass": ``is_product_after_possessive``)."""
    doc = token.doc
    if token.text not in POSSESSIVES or language_of(doc.vocab) != "en" or token.i == 0 or token.i + 2 > span_end:
        return False
    # (the product's words without a run noun after them: "Microsoft's Azure AI Foundry service", s45-entities blind)
    name_end = span_end - (doc[span_end - 1].lower_ in RUN_NOUNS)
    if token.i + 3 <= name_end <= token.i + 4 and is_product_after_possessive(doc[token.i + 1:name_end]):
        return True
    noun_after = token.i + 3 == span_end and doc[token.i + 2].lower_ in PRODUCT_NOUNS_AFTER_LOWER
    return (token.i + 2 == span_end or noun_after) and PRODUCT_SHAPE.fullmatch(doc[token.i + 1].text) is not None


def owns_a_demonym(token: Token, span_end: int) -> bool:
    """Whether a possessive inside a model span joins an owner to the demonym that ends the span before a lowercase
    word ("TikTok's Chinese owner", "Nissan's Japanese rivals", a place and an organisation to the English model):
    the owner's adjective, no name."""
    doc = token.doc
    return token.text in POSSESSIVES and token.i > 0 and token.i + 1 < span_end < len(doc) \
        and doc[span_end - 1].text in word_list(DEMONYMS_FILE) and is_lowercase_word(doc[span_end]) \
        and all(word.text in PLACE_QUALIFIERS for word in doc[token.i + 1:span_end - 1])


def is_owners_demonym(ent: SpacySpan) -> bool:
    """Whether a model span is a demonym alone after a possessive, before a lowercase word ("Samsung's South Korean
    rival", where the model's span of the owner ended at its possessive): the owner's adjective, no name (as
    ``owns_a_demonym`` finds it in a span that holds the owner)."""
    doc = ent.doc
    return ent.start > 0 and doc[ent.start - 1].text in POSSESSIVES and ent.end < len(doc) \
        and ent[-1].text in word_list(DEMONYMS_FILE) and is_lowercase_word(doc[ent.end]) \
        and all(word.text in PLACE_QUALIFIERS for word in ent[:-1])


def person_apposed_to_a_role(words: SpacySpan) -> SpacySpan | None:
    """Two or three personal names in commas right after a role's noun ("Google's education chief, Shantanu Sinha,
    said", one organisation to the English model from the company on), the role's holder, or None; the noun as
    written, lowercase ("Machine Head, Pearl Jam, Pink Floyd" lists bands)."""
    doc = words.doc
    if not 2 <= len(words) <= 3 or words.start < 2 or doc[words.start - 1].text != "," \
            or doc[words.start - 2].text not in APPOSED_ROLE_WORDS or words.end >= len(doc) or doc[words.end].text != ",":
        return None  # the comma before first: the rarest
    return words if all(PERSONAL_NAME.fullmatch(token.text) for token in words) else None


# A comma and a verb that credits a staged or printed work after its title ("Verdi's Aida, directed by").
CREDIT_AFTER = re.compile(r",[^\S\n]+(?:directed|conducted|staged|choreographed|produced|translated|designed|adapted)"
                          r"[^\S\n]+by\b")


def author_of_a_credited_work(words: SpacySpan, text: str) -> SpacySpan | None:
    """The author's one to three names before a possessive and a work's capitalised title, where a credit follows
    ("with Verdi's Aida, directed by Robert Carsen", one organisation to the English model): the author is a
    person, the title no name of ours; elsewhere WikiANN-en keeps such a span whole ("Peter Green's Fleetwood
    Mac"), or None."""
    if CREDIT_AFTER.match(text, words.end_char) is None:
        return None  # checked first: a credit after a span is rare
    doc = words.doc
    possessive = next((token.i for token in words[1:4] if token.text in POSSESSIVES), None)
    if language_of(doc.vocab) != "en" or possessive is None or possessive + 1 >= words.end:
        return None
    author = doc[words.start:possessive]
    return author if all(PERSONAL_NAME.fullmatch(token.text) for token in author) else None


def person_after_possessive(words: SpacySpan) -> SpacySpan | None:
    """A span of two or three personal names right after a possessive (its
    owner's person: "Galaxy Digital's Mike Novogratz"), or None; not after a person's possessive, unless a given
    name opens the span too (``owner_is_a_person``: "Peter Green's Fleetwood Mac" is his band), nor an office
    (``is_office_in_prose``: "Germany's Foreign Minister")."""
    doc = words.doc
    if not words or words.start == 0 or doc[words.start - 1].text not in POSSESSIVES or not 2 <= len(words) <= 3:
        return None
    if owner_is_a_person(doc, words.start - 1) and words[0].text not in given_names():
        return None
    if all(PERSONAL_NAME.fullmatch(token.text) for token in words) and words[-1].text not in COMPANY_WORDS \
            and not is_product_after_possessive(words) and not is_office_in_prose(words):
        return words
    return None


def is_product_after_possessive(words: SpacySpan) -> bool:
    """Whether a span of two or three words after a possessive (before a run noun) opens with a known product's first
    word (``product_first_words``): the owner's product or its edition ("Google's Gemini Live", "Microsoft's Xbox
    Game Pass", people to the model), not its officer."""
    doc = words.doc
    return 2 <= len(words) <= 3 and words.start > 0 and doc[words.start - 1].text in POSSESSIVES \
        and words[0].text in product_first_words()


@functools.cache
def product_first_words() -> frozenset[str]:
    """The first words of the products the shipped gazetteer names (``PRODUCTS_FILE``: "Gemini", "Xbox" of "Xbox
    Series X"), but given names ("Claude")."""
    return frozenset(pattern["pattern"].split()[0] for pattern in read_patterns(str(PRODUCTS_FILE))
                     if isinstance(pattern["pattern"], str)) - given_names()


@functools.cache
def given_names() -> frozenset[str]:
    """English given names: the first words of the training data's people of two words or more
    (``known_labels``) that open three people or more, and three times as many people as other names ("Peter",
    not "Morgan Stanley"'s "Morgan" nor "Bank")."""
    people: Counter[str] = Counter()
    others: Counter[str] = Counter()
    for name, label in known_labels("en").items():
        first, _, rest = name.partition(" ")
        if rest:
            (people if label == "PER" else others)[first] += 1
    return frozenset(word for word, count in people.items() if count >= 3 and count > 3 * others[word])


def owner_is_a_person(doc: Doc, possessive: int) -> bool:
    """Whether two or three personal names before the possessive at ``possessive``, a given name first
    (``given_names``), name a person ("Peter Green's")."""
    start = possessive
    while start > max(0, possessive - 3) and PERSONAL_NAME.fullmatch(doc[start - 1].text):
        start -= 1
    return possessive - start >= 2 and doc[start].text in given_names()


def owns_a_group(token: Token, span_end: int) -> bool:
    """Whether a possessive inside an English model span joins a person to a group of capitalised words after it
    ("Peter Green's Fleetwood Mac before the band", one organisation to the model) before a clause's lowercase word:
    the person, and the group (a person's person: ``owns_a_person``). Alone in its line the span is a title, kept
    whole as WikiANN-en keeps it."""
    doc = token.doc
    return (token.text in POSSESSIVES and language_of(doc.vocab) == "en" and token.i + 1 < span_end < len(doc)
            and is_lowercase_word(doc[span_end])
            and all(word.text[:1].isupper() for word in doc[token.i + 1:span_end])
            and owner_is_a_person(doc, token.i) and doc[token.i + 1].text not in given_names())


def person_owning_a_group(ent: SpacySpan, words: SpacySpan) -> SpacySpan | None:
    """The person of ``owns_a_group`` ("Peter Green" of "Peter Green's Fleetwood Mac"), or None."""
    doc = words.doc
    if words.end + 1 < ent.end and owns_a_group(doc[words.end], ent.end):
        return words
    return None


def name_after_common_words(words: SpacySpan) -> SpacySpan | None:
    """The capitalised run a model span reaches after a sentence's opening
    common words and a preposition, when a clause goes on after the run
    ("Independent testers at LMArena found", "Analistas do BTG Pactual calculam"),
    or None: only the sentence's first word has a capital there. Not a name
    whose first word a connector follows ("Battle of the Somme"), nor a title
    that ends at the run ("Protected areas of Thailand", "Guetos judeus na Europa"). An English span that opens with
    a lowercase word inside its sentence is read alike ("set out new asylum rules in Parliament.": the model's
    organisation ran from "asylum")."""
    doc = words.doc
    if not words:
        return None
    tokens = tokens_of(doc)
    opens_a_sentence = tokens[words.start].is_title and (
        words.start == 0 or tokens[words.start - 1].text in SENTENCE_ENDS)
    if not opens_a_sentence and not (is_lowercase_word(tokens[words.start]) and language_of(doc.vocab) == "en"):
        return None
    common = words.start + 1
    while common < words.end and is_lowercase_word(tokens[common]) and tokens[common].text not in NAME_CONNECTORS:
        common += 1
    if common == words.start + 1 or common + 1 >= words.end or tokens[common].lower_ not in NAME_PREPOSITIONS:
        return None
    end = common + 1
    while end < words.end and (tokens[end].is_title or tokens[end].is_upper or tokens[end].text[:1].isupper()):
        end += 1
    clause = end < len(doc) and is_lowercase_word(tokens[end]) and tokens[end].text not in NAME_CONNECTORS
    # (inside a sentence the run may end it: no title opens with a lowercase word)
    ends = not opens_a_sentence and end == words.end and (end == len(doc) or tokens[end].text in SENTENCE_ENDS)
    return doc[common + 1:end] if end > common + 1 and (clause or ends) else None


def opens_an_operation(token: Token, span_end: int) -> bool:
    """Whether a locative inside a model span is followed by a police
    operation's name ("Polícia Judiciária na Operação Tempestade Perfeita"):
    who ran it is one name, the operation another."""
    return (token.text in LOCATIVES and token.i + 1 < span_end
            and token.doc[token.i + 1].text in OPERATION_WORDS)


def opens_an_unclosed_bracket(token: Token, span_end: int) -> bool:
    """Whether a model span runs into an opening bracket it does not close
    ("Zé Maria do Posto (Republicanos"): a name ends before the note in
    brackets after it, its party or its acronym."""
    return token.text == "(" and not any(other.text == ")" for other in token.doc[token.i + 1:span_end])


# Adjectives and nouns that end as adverbs do ("Kingdom of Mysore (princely state)", "Pieris (butterfly)": WikiANN-en
# keeps such a bracket in the name).
ADVERB_LOOKALIKES = frozenset("early daily weekly monthly yearly quarterly family holy only princely butterfly friendly "
                              "elderly lovely ugly jolly silly curly assembly supply rally".split())
# Adverbs of time that open a bracket's note of a name's other name ("Twitter (now X)", "(agora ...)").
RENAMING_ADVERBS = frozenset({"now", "agora"})


def opens_an_adverbs_note(token: Token, span_end: int) -> bool:
    """Whether a model span runs into a bracket that an adverb opens ("Rush (temporarily)", "Arthur Galston
    (unwittingly)", "Twitter (now X)", "Petrobras (atualmente ...)"): a note on the name, no part of it. In WikiANN-en
    train and dev a lowercase word in "-ly" after a name and "(" is outside the name 15 times of 17 (the other two
    are "princely" and "butterfly", no adverbs); WikiANN-pt's six "-mente" words after "(" are in no name."""
    if token.text != "(" or token.i + 1 >= span_end:
        return False
    word = token.doc[token.i + 1].text
    return word in RENAMING_ADVERBS or (word.islower() and word.endswith(("ly", "mente"))
                                        and word not in ADVERB_LOOKALIKES)


def acts_on_another(token: Token) -> bool:
    """Whether a word inside a model span is a verb between two actors: one of
    ACTOR_VERBS, or a lowercase past verb before an article or a name
    ("MediaTek unveiled the Dimensity 9400", "a Embraer entregou a Azul";
    names hold past participles before nouns: "spotted eagle", "ringed plover")."""
    if token.text in ACTOR_VERBS:
        return True
    if not is_past_verb(token):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and (following.is_title or following.lower_ in DETERMINERS)


# English verbs whose past ends in no "-ed" (``is_past_verb``), which news puts after a subject's name ("the vaccine
# developed by Oxford University cut hospital admissions", "BYD's Chinese rival Geely overtook"): the name ends there.
# Not "ran", said of a show as often ("Drinking Made Easy ran on AXS TV", WikiANN-en's: a title, none of the labels).
IRREGULAR_PAST_VERBS = frozenset(
    "cut won lost rose fell hit led made took gave paid grew kept spent sent struck overtook began broke brought chose "
    "drew drove fought held met saw stood threw became came went got put set shut sank slid swung fled built "
    "sought taught bore forecast".split())


def is_irregular_past_after_a_name(token: Token) -> bool:
    """Whether a word inside an English model span is a verb of ``IRREGULAR_PAST_VERBS`` right after a capitalised
    word: the clause after the subject's name, which the model ran on into."""
    return token.text in IRREGULAR_PAST_VERBS and token.i > 0 and token.doc[token.i - 1].text[:1].isupper()


def is_past_verb_before_a_lowercase_tail(token: Token, span_end: int) -> bool:
    """Whether a past verb (``is_past_verb``) right after a capitalised word opens two lowercase words or more to an
    English model span's end ("Oxford University reduced hospital admissions"): a clause, as a name's participle has
    one noun after it ("Little ringed plover")."""
    doc = token.doc
    return span_end - token.i > 2 and token.i > 0 and doc[token.i - 1].text[:1].isupper() and is_past_verb(token) \
        and all(is_lowercase_word(word) for word in doc[token.i + 1:span_end])


def is_past_verb(token: Token) -> bool:
    """A lowercase word of more than four letters in a past ending ("ruled",
    "entregou"), not the end of a compound ("German-occupied Poland",
    "Free-tailed Bat")."""
    return (is_lowercase_word(token) and len(token) > 4 and token.text.endswith(PAST_ENDINGS)
            and (token.i == 0 or bool(token.doc[token.i - 1].whitespace_)))


def is_name_run(words: SpacySpan) -> bool:
    """Whether every word is capitalised or a connector ("Network Rail", not "In the end")."""
    return len(words) > 0 and words[0].is_title and all(
        token.is_title or token.is_upper or token.text in NAME_CONNECTORS for token in words)


def person_after_role(words: SpacySpan, label: str) -> SpacySpan | None:
    """The person a model span of any label names after a role title ("Energy
    Secretary Ed Miliband" as ORG, "Chief Justice John Roberts"): the two or
    three capitalised words after the span's last title, not a company's
    ("General Mills Inc"), a judge's surname ("Mr Justice Fancourt"), or after "of" and an office
    (``holder_after_an_office``, by the model's ``label``), or None."""
    roles = [token.i for token in tokens_of(words.doc)[words.start:words.end - 1]
             if token.text in ROLE_TITLES or is_premier_before_a_given_name(token) or is_officer_word_in_title(token)]
    if not roles:
        return None
    name = words.doc[roles[-1] + 1:words.end]
    if name[0].lower_ == "of":
        name = holder_after_an_office(name, label)
    if name is None:
        return None
    # (a judge's office is no surname: "Lord Justice General", Scotland's highest judge, is whole to WikiANN-en)
    role = roles[-1]
    judge = words.doc[role].text == "Justice" and role > 0 and words.doc[role - 1].text in JUDGES_STYLES \
        and name[0].text not in ROLE_TITLES
    # one name after an office of two title words is a person's ("Chief Minister Siddaramaiah"; s50-entities2)
    # ("Chief Financial Officer Kate Thomson": the office's own last word is none)
    single = len(name) == 1 and (judge or (len(roles) > 1 and roles[-2] == role - 1 and name[0].text not in
                                           ROLE_TITLES and not is_officer_word_in_title(name[0])))
    if (2 <= len(name) <= 3 or single) and all(is_personal_name_after_a_role(t) for t in name):
        return None if name[-1].text in COMPANY_WORDS else name
    return None


def is_officer_word_in_title(token: Token) -> bool:
    """Whether a capitalised word goes on a company officer's role after a role title ("Chief Executive Ken Murphy",
    "Chief Financial Officer Jane Doe": "Executive Ken Murphy" was the person), as the lowercase role does
    (``COMPANY_OFFICER_WORDS``)."""
    doc = token.doc
    return token.i > 0 and token.is_title and token.lower_ in COMPANY_OFFICER_WORDS \
        and (doc[token.i - 1].text in ROLE_TITLES or is_officer_word_in_title(doc[token.i - 1]))


# A given name's initials ("R.J. Simpson", "P.J. Akeeagok": "Premier R.J. Simpson" was one person; s50-entities).
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def is_premier_before_a_given_name(token: Token) -> bool:
    """Whether a word is the title of a state's or a province's head of government before a given name ("Premier
    Chris Minns said", one person with the title to the English model) or initials ("Premier R.J. Simpson";
    s50-entities), or after a known place and before two name-shaped words (``is_name_pair_ending_there``: "Manitoba
    Premier Wab Kinew", whose given name no list knows; s49-entities-en2); not a league's word ("FA Premier Academy League", "Premier League Darts"), which no given name
    follows."""
    doc = token.doc
    if token.text != "Premier" or token.i + 1 >= len(doc):
        return False
    return doc[token.i + 1].text in all_given_names() or INITIALS.fullmatch(doc[token.i + 1].text) is not None or (
        token.i > 0 and doc[token.i - 1].text in place_names() and is_name_pair_ending_there(doc[token.i + 1:]))


def is_name_pair_ending_there(words: SpacySpan) -> bool:
    """Whether ``words`` open with two personal names (``is_personal_name_after_a_role``) that are no competition's
    heads ("Premier League Cup") and after which the name ends (no third capitalised word)."""
    return (len(words) >= 2 and all(is_personal_name_after_a_role(word) and word.text not in COMPETITION_HEADS
                                    for word in words[:2])
            and (len(words) == 2 or not words[2].is_title))


# What an English judge's title opens with ("Mr Justice Fancourt", "Lord Justice Green"): the surname alone follows.
JUDGES_STYLES = frozenset("Mr Mrs Ms Lord Lady".split())


# The titles of offices held by one person, before the holder's names (``context_phrases``).
OFFICE_TITLES = ("Secretary", "Minister", "Chancellor", "Governor", "Mayor", "Senator", "Coach", "Superintendent",
                 "Inspector", "Commissioner", "Councillor", "Sheriff")
# Words an office's name may hold between its capitalised words ("Governor of the Bank of England")
OFFICE_CONNECTORS = frozenset({"the", "of", "and", "for"})
# A public body's last word ("Monetary Policy Committee", "High Court", "Food and Drug Administration", "The Victorian
# Government said", India's "Lok Sabha").
PUBLIC_BODY_NOUNS = frozenset(
    "Bank Reserve Commission Council Court Fund Agency Board Committee Authority Service Department Office Ministry "
    "Assembly Parliament Senate Congress Union Organization Organisation Nations Administration Police Government "
    "Sabha".split())
# A government department's words ("Secretary of Energy", "Minister of Foreign Affairs", "Home Secretary").
DEPARTMENT_WORDS = frozenset(
    "Affairs State Defense Defence Energy Health Finance Justice Commerce Treasury Education Agriculture Transport "
    "Transportation Interior Labor Labour Trade Economy Environment Housing Security Industry Culture Development "
    "Home Foreign Business Work Science".split())
# The last words of what an office is of: a department's or a body's ("Minister of Foreign Affairs Wang Yi",
# "President of the European Central Bank Christine Lagarde"): the names after one are its holder's.
OFFICE_ENDS = PUBLIC_BODY_NOUNS | DEPARTMENT_WORDS


def holder_after_an_office(words: SpacySpan, label: str) -> SpacySpan | None:
    """After a role, the holder's names that follow "of" and the office's capitalised words ("Secretary of State Marco
    Rubio", one organisation to the English model; "Governor of the Bank of England Andrew Bailey"): the last two or
    three names from a given name, or the last two after a one-word office in a model organisation's span (``label``:
    a role opens no organisation's name), or None where no office word stands before them. Else the span keeps its
    office whole ("Secretary of State for the Northern Department", "Governor of New South Wales": whole people to
    WikiANN-en)."""
    doc, end, given = words.doc, words.end, all_given_names()
    start = next((i for i in (end - 3, end - 2) if i > words.start + 1 and doc[i].text in given),
                 end - 2 if (label == "ORG" and end - 2 == words.start + 2) or (
                     end - 2 > words.start + 1 and doc[end - 3].text in OFFICE_ENDS) else None)
    office = doc[words.start + 1 + (doc[words.start + 1].lower_ == "the"):start] if start is not None else None
    if not office or not office[0].is_title or any(
            not word.is_title and word.lower_ not in OFFICE_CONNECTORS for word in office):
        return None
    return doc[start:end]


def is_personal_name_after_a_role(token: Token) -> bool:
    """Whether a word after a role title is a person's name (``PERSONAL_NAME``, or a ``PREFIXED_SURNAME``) or a given
    name's ``INITIALS``."""
    return bool(PERSONAL_NAME.fullmatch(token.text) or PREFIXED_SURNAME.fullmatch(token.text)
                or INITIALS.fullmatch(token.text))


def person_after_title(words: SpacySpan) -> SpacySpan | None:
    """A model span of two or three personal names after an academic title, before it or opening it ("Dr Tedros
    Adhanom Ghebreyesus called", an organisation to the English model), the person (with the title where the span
    holds it or not, as the training data writes it: "Dr Samuel Owusu said" dropped the title the model left out, where
    "a Dra Luciana Prado" kept it; s52-entities2), or None."""
    doc = words.doc
    titled = words[0].text in ACADEMIC_TITLES
    names = words[1:] if titled else words
    if not titled and (words.start == 0 or doc[words.start - 1].text not in ACADEMIC_TITLES):
        return None
    if 2 <= len(names) <= 3 and all(PERSONAL_NAME.fullmatch(token.text) for token in names) \
            and names[-1].text not in COMPANY_WORDS:
        return words if titled else doc[words.start - 1:words.end]
    return None


def person_before_role(words: SpacySpan, text: str) -> SpacySpan | None:
    """A model span of any label that names a person by the role apposed after
    it ("Fatih Birol, director of the IEA" was an organisation, "Ana Paula
    Vescovi, economista-chefe do Santander"): two or three personal names
    before a comma, a role (``APPOSED_ROLE``) and the body it is held at; or
    None. ``text`` is the doc's (spaCy joins it again on every read)."""
    doc = words.doc
    if not 2 <= len(words) <= 3 or not all(PERSONAL_NAME.fullmatch(token.text) for token in words) \
            or words[-1].text in COMPANY_WORDS or words.end >= len(doc) or doc[words.end].text != ",":
        return None
    return words if APPOSED_ROLE.match(text, doc[words.end].idx) else None


# A monarch's or a Gulf ruler's titles before the names, which WikiANN-en keeps in the person's span ("Crown Prince
# Willem-Alexander", "Sultan Iskandar", "King Frederick VIII": 98 of 101 such names of its train and dev splits), and
# the particles of an Arabic name between them ("Mohammed bin Salman", "Sabah Al-Khalid Al-Sabah").
ROYAL_TITLES = frozenset("Crown King Queen Prince Princess Emir Sheikh Sheikha Sultan".split())
ARABIC_NAME_PARTICLES = frozenset("bin bint ibn al el Al El -".split())
# ... of which those that link a person to a parent ("Mohammed bin Salman"): a titled name with one is a person's.
ARABIC_NAME_LINKS = frozenset({"bin", "bint", "ibn"})
# Offices a royal title opens, no names ("Queen Consort", "Prince Regent", "Queen Mother").
ROYAL_OFFICES = frozenset("Consort Regent Mother Dowager".split())
ROMAN_NUMERAL = re.compile(r"[IVX]{1,4}")


class RoyalTitle(NamedTuple):
    """What ``person_with_royal_title`` found in a span: the person (None where the titles name no one), and a place
    whose possessive stood before the titles ("Jordan's King")."""
    name: SpacySpan | None
    owner: SpacySpan | None


def person_with_royal_title(words: SpacySpan) -> RoyalTitle | None:
    """An English model span of any label that names a monarch or a Gulf ruler by their titles (``ROYAL_TITLES``):
    the person from the titles on, after a demonym the span opened with ("Saudi Crown Prince Mohammed bin Salman" was
    a person with "Saudi", "Kuwaiti Crown Prince Sheikh Sabah Al-Khalid Al-Sabah" an organisation), or without one
    where two titles or an Arabic parent's link say it is a ruler ("Emir Sheikh Tamim", "Sultan Haitham bin Tariq").
    Titles that name no one after a demonym, a possessive or another title are no name, but the country whose
    possessive is before them is a place ("Jordan's King", then "Abdullah II"; "Emir Sheikh", then "Tamim bin Hamad Al
    Thani"). None where the span has no such titles, or one ends a name ("Burger King", "Ryan King": a word no demonym
    before it), or opens an office ("Queen Consort").
    """
    doc = words.doc
    if language_of(doc.vocab) != "en":  # the language first: cheaper than a span's slice
        return None
    first = next((token.i for token in words[:3] if token.text in ROYAL_TITLES), None)
    if first is None or (doc[first].text == "Crown" and (
            first + 1 == words.end or doc[first + 1].text not in ("Prince", "Princess"))):
        return None
    before = doc[words.start:first]
    owned = len(before) == 2 and before[1].text in POSSESSIVES
    if before and not owned and not (len(before) == 1 and before.text in word_list(DEMONYMS_FILE)):
        return None
    names_start = first
    while names_start < words.end and doc[names_start].text in ROYAL_TITLES:
        names_start += 1
    names = doc[names_start:words.end]
    if not names:
        if not before and names_start - first < 2:
            return None  # "Prince", "the King": the model's
        return RoyalTitle(None, before[:1] if owned and before[0].is_title else None)
    titles = sum(token.text != "Crown" for token in doc[first:names_start])
    arabic = any(token.lower_ in ARABIC_NAME_LINKS for token in names)
    if not before and titles < 2 and not arabic:
        return None  # "Queen Seondeok", a drama, "Sultan Sumagka", a town: WikiANN-en's labels, which the model learnt
    if owned or names[0].text in ROYAL_OFFICES or sum(token.text != "-" for token in names) > 6 or not all(
            PERSONAL_NAME.fullmatch(token.text) or ROMAN_NUMERAL.fullmatch(token.text)
            or token.text in ARABIC_NAME_PARTICLES for token in names) \
            or names[-1].text in ARABIC_NAME_PARTICLES or names[-1].text in COMPANY_WORDS:
        return None
    end = words.end
    if end + 1 < len(doc) and doc[end].text in ("Al", "El") and doc[end + 1].is_title and arabic:
        end += 2  # "King Hamad bin Isa" and then "Al Khalifa": the family's name, outside the model's span
    return RoyalTitle(doc[first:end], None)


def person_with_religious_title(words: SpacySpan) -> SpacySpan | None:
    """A Portuguese model span that names a person by a religious title ("Dom
    Sérgio da Rocha", "Frei Betto", both places to the model), title and all
    as WikiANN-pt marks them ("Dom Pedro I"), or None; not after a locative or
    "de", where the span is a place named after one ("em Padre Miguel", "o
    bairro de Dom Bosco")."""
    doc = words.doc
    if language_of(doc.vocab) != "pt" or len(words) < 2 or words[0].text not in RELIGIOUS_TITLES or not words[1].is_title:
        return None
    before = doc[words.start - 1].lower_ if words.start else ""
    return None if before in LOCATIVES or before in PLACE_PREPOSITIONS else words


def is_office_in_prose(words: SpacySpan) -> bool:
    """Whether an English model span is an office that news names no one by: role titles, maybe after a department
    ("Home Secretary"), maybe "of" or "for" and what the office is of ("Prime Minister", "Secretary of Energy",
    "Governor of the Bank of England"), after "the" ("The Prime Minister will travel", "a spokesman for the Prime
    Minister"), after an owner's possessive ("Britain's Prime Minister") or right before its holder's names ("Secretary of Defense Pete Hegseth": the person is the model's
    next span). A bare office stands as a name in
    WikiANN-en's lists and headings ("Prime Minister: Adolphe Muzito", "President of Brazil (1964-1967)"), which
    have neither, and stays there."""
    doc = words.doc
    if language_of(doc.vocab) != "en":  # the language first: cheaper than the span's tokens and slice below
        return False
    opened = words[0].text in ("the", "The") and len(words) > 1
    if not names_an_office(words[1:] if opened else words):
        return False
    # after "the" or an owner's possessive ("Britain's Prime Minister said": a product to the possessive's rules, as
    # "Prime" opens a known product's name)
    after_the = opened or (words.start > 0 and (doc[words.start - 1].lower_ == "the"
                                                or doc[words.start - 1].text in POSSESSIVES))
    return after_the or is_holder_next(doc, words.end)


def names_an_office(office: SpacySpan) -> bool:
    """Whether words are role titles, maybe after a department's, maybe before "of" or "for" and what the office is
    of ("Prime Minister", "Home Secretary", "Secretary of State")."""
    if not office or (office[0].text not in ROLE_TITLES and office[0].text not in DEPARTMENT_WORDS):
        return False
    connector = next((token.i for token in office if token.lower_ in ("of", "for")), office.end)
    roles = office.doc[office.start:connector]
    return bool(roles) and (roles[-1].text in ROLE_TITLES or is_officer_word_in_title(roles[-1])) and all(
        token.text in ROLE_TITLES or token.text in DEPARTMENT_WORDS or is_officer_word_in_title(token)
        for token in roles)


# A country's short form that news writes before its offices ("the US Secretary of State", "a UK Home Office
# minister"): the country is a place (``country_of_an_office``).
COUNTRY_SHORT_FORMS = frozenset("US U.S. UK USA".split())


class OfficeOfACountry(NamedTuple):
    """What ``country_of_an_office`` found: an office after its country's adjective or short form; the country
    where a short form names it (a demonym names none)."""
    country: SpacySpan | None


def country_of_an_office(words: SpacySpan) -> OfficeOfACountry | None:
    """An English model span that is an office after the adjective or short form of its country, in prose ("The US
    Secretary of State arrived", "the French Foreign Minister visited", organisations to the English model, which a
    news annotator marks no name but "US"): after "the" or right before its holder's names, as ``is_office_in_prose``
    asks of a bare office. None where the span is no such office ("US Steel", "French Open", "UN Secretary": a body's
    acronym is no country's)."""
    doc = words.doc
    opened = words[0].text in ("the", "The")
    country = words.start + opened
    if len(words) < 2 + opened or (doc[country].text not in COUNTRY_SHORT_FORMS
                                   and doc[country].text not in word_list(DEMONYMS_FILE)):
        return None
    if not names_an_office(doc[country + 1:words.end]):
        return None
    after_the = opened or (words.start > 0 and doc[words.start - 1].lower_ == "the")
    if not after_the and not is_holder_next(doc, words.end):
        return None
    return OfficeOfACountry(doc[country:country + 1] if doc[country].text in COUNTRY_SHORT_FORMS else None)


def without_article_before_a_body(words: SpacySpan) -> SpacySpan:
    """An English span without the "the" before a public body's name where a clause goes on after it ("The Monetary
    Policy Committee voted": WikiANN-en leaves "the" out of 70 of 72 such names, train and dev; a title's "The" stands
    alone, "''The Kurosagi Corpse Delivery Service''") nor the preposition opening a sentence before it ("At the High
    Court in London")."""
    doc = words.doc
    if words[-1].text not in PUBLIC_BODY_NOUNS or len(words) < 3 or words.end >= len(doc) \
            or not doc[words.end].is_lower or language_of(doc.vocab) != "en":
        return words
    opened = words[0].lower_ in OPENING_PREPOSITIONS and (words.start == 0 or doc[words.start - 1].text in ".!?")
    start = words.start + opened
    return doc[start + 1:words.end] if doc[start].lower_ == "the" and start + 2 < words.end else words


def without_article_before_a_club(words: SpacySpan) -> SpacySpan:
    """An English span without the "The" before a club's two names, the last a plural nickname, where a match's verb
    follows (``TEAM_VERBS``: "The Brisbane Lions beat Geelong"; s50-entities2): the article is the sentence's, as
    before a body."""
    doc = words.doc
    if len(words) != 3 or words[0].text != "The" or words.end >= len(doc) or doc[words.end].text not in TEAM_VERBS \
            or not (words[1].is_title and words[2].is_title and words[2].text.endswith("s")):
        return words
    return words[1:]


def is_holder_next(doc: Doc, start: int) -> bool:
    """Whether two personal names open the words at ``start`` ("... Pete Hegseth arrived")."""
    return start + 1 < len(doc) and all(is_personal_name_after_a_role(token) for token in doc[start:start + 2])


def is_role_before_a_name(words: SpacySpan) -> bool:
    """Whether a span is only the role of the person named next ("Prime
    Minister" in "Prime Minister Mark Carney"); a role on its own is an
    office, which WikiANN labels ORG ("re-elected as President")."""
    after = words.end
    return (all(token.text in ROLE_TITLES or is_officer_word_in_title(token) or is_role_in_sentence_case(token, words)
                for token in words)
            and after < len(words.doc) and words.doc[after].is_title)


def is_role_in_sentence_case(token: Token, words: SpacySpan) -> bool:
    """Whether a lowercase word goes on a role that opens a sentence in sentence case ("General secretary Paul Nowak
    said": "General secretary" an organisation to the model; s47-entities2), as a title's capitalised word does."""
    if not token.is_lower or token.i == words.start or token.text.capitalize() not in ROLE_TITLES:
        return False  # (most spans' words: the cheap facts first)
    return words.start == 0 or words.doc[words.start - 1].text in (".", "!", "?", "\n")


def ends_a_sentence(token: Token, span_end: int) -> bool:
    """Whether a full stop inside a model span ends a sentence: not after an
    abbreviation or an initial ("Sgt. Pepper's", "Vol. 2", "Richard A. Baker"),
    and either after a lowercase word (a sentence's last: "on Monday evening.
    Network Rail") or before a clause, not a name ("Hugging Face. In the end",
    "Hugging Face. Network Rail said", "Fidelity. Mistral AI released", where "Blvd. of Broken Dreams", "Sault
    Ste. Marie" and "Love. Angel. Music. Baby." read on as one name)."""
    doc = token.doc
    if token.text != "." or token.i == 0 or token.i + 1 >= span_end or not doc[token.i + 1].is_title:
        return False
    before = doc[token.i - 1].text.lower()
    if (len(before) < 2 and not before.isdigit()) or before in ALL_ABBREVIATIONS:
        return False  # an initial, not a number: "Channel 9. Fans believe" ends a sentence
    if len(before) == 4 and before.isdigit():
        return True  # a year ends its sentence: "a gap of £12bn by 2029. Reform UK leader" (not "1. FC Köln")
    if is_lowercase_word(doc[token.i - 1]) or doc[token.i + 1].text in OPENING_ADVERBS:
        return True  # "Ironwood. Perhaps the real winner"
    if doc[token.i + 1].text in word_list(DEMONYMS_FILE):
        return True  # a demonym opens the next sentence's subject: "in Jeddah. Australian swimmer"
    if doc[token.i - 1].text in not_names():
        return True  # a day or a month: "on Sunday. The Spaniard"
    if doc[token.i - 1].is_upper and doc[token.i - 1].is_alpha:
        return True  # an acronym or a trim's code ends the sentence: "as many as the S24 FE. Vodafone said"
    if span_end < len(doc) and (doc[span_end].text in CLAUSE_VERBS or is_past_verb(doc[span_end])):
        return True  # what follows the full stop is a clause's subject ("Fidelity. Mistral AI released")
    if span_end < len(doc) and is_lowercase_word(doc[span_end]) and doc[span_end].text not in NAME_CONNECTORS:
        # capitalised words, then a sentence's lowercase words ("Council. Applications from Indian", "Legal & General.
        # Green Party leader Tony Dyer", "International Trade Commission. Shares of Masimo rose")
        return True
    rest = PARENTHESES.sub(" ", doc[token.i + 1:span_end].text).split()
    return any(word.isalpha() and word.islower() and word not in NAME_CONNECTORS for word in rest)


# Prepositions after an English verb opening a model span before "The" and a name ("Subscribe to The Compute Ledger",
# "Welcome to The Verge"): WikiANN-en's train split has one name so ("Music from The Body").
VERB_PREPOSITIONS = frozenset("to for from with by at".split())
# The kinds of publication before a name, which the English model runs a name on from ("the journal Nature Medicine").
PUBLICATION_NOUNS = frozenset("journal magazine newspaper newsletter tabloid outlet website blog podcast".split())
PUBLICATION_NOUNS_PT_EN = PUBLICATION_NOUNS | frozenset("revista jornal site portal coluna".split())


def name_words(ent: SpacySpan, label: str | None = None) -> SpacySpan:
    """A model span without the sentence adverb, or the conjunction before
    lowercase words (OPENING_CONJUNCTIONS), or the subject or interrogative
    pronoun and its lowercase words, or a Portuguese demonym, it started from
    ("Perhaps Huawei", "Whether American workers", "I think the new iPhone",
    "Who knows", "alemã Lilium") or a Portuguese place's lowercase kind
    ("bairro Barreiro"), in English without a noun of HELD_NOUNS (and its
    one modifier) after a capitalised word ("Kumamoto factory") or a possessive before
    lowercase words ("Dua Lipa's new album"), and, for a person, without the
    role title before the name ("Mayor Brandon Johnson", "Prime Minister Mark
    Carney"; not a town named after one: "em Governador Valadares"), and
    without a list's separator at its end ("Wolverhampton,", "Juventus -"): transitions
    the English model often runs on with."""
    tokens = tokens_of(ent.doc)
    english = language_of(ent.doc.vocab) == "en"  # once a span: read for each check below
    start, end = start_past_openers(ent, tokens, english), ent.end
    # (not "em Governador Valadares")
    if label == "PER" and start < end and not is_after_em(words_between(ent.doc, start, end)):
        start = start_past_role_titles(ent, tokens, start, english)
    if english:
        start, end = english_name_bounds(ent, tokens, start, end)
    while end - start > 1 and (tokens[end - 1].text in LIST_SEPARATORS or is_full_stop_after_a_word(tokens[end - 1])
                               or tokens[end - 1].is_space):
        end -= 1  # "Wolverhampton," of "Wolverhampton, Beatties": the English model runs on into a list; and a line's
        # break ("Policy\n" of a site's menu)
    # (each step above moves start on only while it stays before end, and end back only to a word past start)
    return words_between(ent.doc, start, end)


def start_past_openers(ent: SpacySpan, tokens: list[Token], english: bool) -> int:
    """Where a model span's name starts past the words it opened with (``name_words``): a count of a maker's model, a
    sentence adverb or a gerund, a Portuguese demonym or a place's lowercase kind, in English a verb and its
    preposition before "The", a publication's kind or an opening group, a conjunction before lowercase words, a
    pronoun that opens a clause and its lowercase words."""
    start, end = ent.start, ent.end
    if is_count_of_a_makers_model(ent):
        start += 1  # "grounded 40 Boeing 737 MAX 9 jets": how many of the maker's model
    while start < end and (is_sentence_adverb(tokens[start]) or is_gerund(tokens[start])):
        start += 1
    if end - start > 1 and tokens[start].text in PORTUGUESE_DEMONYM_WORDS:
        start += 1  # a demonym that stands for a company noun: "A alemã Lilium"
    if end - start > 1 and tokens[start].text in LOWERCASE_PLACE_HEADS:
        # a place's kind before its name: "nos postos do bairro Barreiro", "a ilha das Flores" (HAREM leaves "rua",
        # "bairro", "ilhas de" out)
        if tokens[start + 1].is_title:
            start += 1
        elif end - start > 2 and tokens[start + 1].text in PLACE_HEAD_PREPOSITIONS and tokens[start + 2].is_title:
            start += 2
    if english and end - start > 3 and tokens[start + 1].text in VERB_PREPOSITIONS \
            and tokens[start + 2].text == "The" and tokens[start].is_title:
        start += 2  # "Subscribe to The Compute Ledger": a verb and its preposition before a name with its article
    if english and end - start > 1 and tokens[start].text in PUBLICATION_NOUNS \
            and tokens[start + 1].is_title:
        start += 1  # "the journal Nature Medicine": the kind of publication before its name
    if english:
        start = after_an_opening_group(ent.doc, start, end)
    if start < end and tokens[start].text in OPENING_CONJUNCTIONS and any(
            is_lowercase_word(token) and token.text not in NAME_CONNECTORS for token in ent.doc[start + 1:end]):
        start += 1
    # Only a pronoun that a lowercase word follows: "I Love Lucy" is a title, and
    # so is "It's Always Sunny in Philadelphia" ("'s" is no word of a clause).
    # (the first word's text first: ``opens_a_clause`` needs a pronoun or a subject there, and its span costs more)
    if start < end and tokens[start].text in CLAUSE_OPENERS and opens_a_clause(words_between(ent.doc, start, end)):
        start += 1
        while start < end and is_lowercase_word(tokens[start]):
            start += 1
    return start


def start_past_role_titles(ent: SpacySpan, tokens: list[Token], start: int, english: bool) -> int:
    """Where a person's name starts past the role titles before it (``name_words``), and in English past a role's
    lowercase noun."""
    end = ent.end
    title_end = start
    while title_end + 1 < end and tokens[title_end].text in ROLE_TITLES:
        title_end += 1
    if tokens[title_end].is_title:
        start = title_end
    while english and end - start > 1 and is_lowercase_word(tokens[start]) \
            and tokens[start].text not in NAME_CONNECTORS | SURNAME_PARTICLES and tokens[start + 1].is_title:
        start += 1  # "defender Max Cleworth", "physicist Kasturi Saha": a role's noun before the name, no title
    return start


def english_name_bounds(ent: SpacySpan, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """An English name's bounds (``name_words``) without what it owns after a possessive, a held noun, an owner's
    noun, an institution's trailing words, an institution's article, and the lowercase words after an acronym."""
    if end - start > 1 and tokens[end - 1].text in POSSESSIVES and end < len(ent.doc) \
            and (is_lowercase_word(tokens[end]) or person_after_possessive(ent.doc[end:end + 2]) is not None):
        end -= 1  # "Dua Lipa's new album", "Galaxy Digital's Mike Novogratz": the owner; a shop's is a pattern's
    if is_lowercase_word(tokens[end - 1]) and not NATIONAL_TEAM.search(ent.doc[start:end].text):
        # "Coldplay's Music of the Spheres tour", "Beyoncé's world tour": the owner before its
        # possessive and a title or what it owns; not "Wallace's hawk-eagle", "Froda's theorem"
        # (WikiANN-en's species and theorems), nor a national team's "women's" ("Australia women's national
        # cricket team")
        owned = tokens[end - 1].text in OWNED_NOUNS
        end = next((token.i for token in ent.doc[start + 1:end - 1]
                    if is_possessive(token) and (owned or tokens[token.i + 1].is_title)), end)
    if end - start > 1 and tokens[end - 1].text in HELD_NOUNS:
        end = held_noun_start(ent.doc, start, end)  # "the Kumamoto factory", "the club's Beckenham training ground"
    if end - start > 1 and tokens[end - 1].text in OWNERS_NOUNS:
        end = owner_end(ent.doc, start, end)
    end = end_after_an_institution_head(ent.doc[start:end])
    if end - start > 2 and tokens[start].text == "The" and tokens[end - 1].text in INSTITUTION_HEADS:
        start += 1  # "The West of England Combined Authority will review": WikiANN-en's article of such a name
        # stands outside it (21 times in its train split, never inside)
    if end - start > 1 and is_acronym(tokens[start]) and all(map(is_lowercase_word, ent.doc[start + 1:end])):
        end = start + 1  # "the MMLU benchmark", "G20 leaders meeting": the acronym, then what it is or does
    return start, end


# Plural nouns of people or of dealings that open an English sentence before "of"/"at"/"in"/"from" and a name, and
# are no part of it ("Alumni of the University of Adelaide include", "Sales of Nvidia rose", "Researchers at Imperial
# College found"): the model ran the name on over them. Not the heads of names ("Friends of the Earth", "Sisters of
# Mercy", "Knights of Columbus").
OPENING_GROUP_NOUNS = frozenset(
    "Alumni Sales Shares Residents Fans Customers Users Researchers Scientists Engineers Workers Employees Officials "
    "Investors Shareholders Supporters Students Passengers Analysts Executives Staff Doctors Nurses Teachers "
    "Scholars Experts Critics Leaders Voters".split())
GROUP_PREPOSITIONS = frozenset({"of", "at", "in", "from"})


def after_an_opening_group(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in an English model span that opens its sentence with a group's plural noun and its
    preposition (``OPENING_GROUP_NOUNS``), and a capitalised word after them (past "the", which WikiANN-en leaves out
    of such names); ``start`` otherwise. Only where a lowercase word goes on after the span: a title alone ("Fans of the
    Impossible") is one name."""
    words = 2 + (end - start > 3 and doc[start + 2].lower_ == "the")
    if end - start <= words or doc[start].text not in OPENING_GROUP_NOUNS \
            or doc[start + 1].lower_ not in GROUP_PREPOSITIONS or not doc[start + words].is_title:
        return start
    opens = start == 0 or doc[start - 1].text in SENTENCE_ENDS or "\n" in doc[start - 1].whitespace_
    goes_on = end < len(doc) and is_lowercase_word(doc[end])
    return start + words if opens and goes_on else start


# Lowercase nouns after a company's or a body's name that say what it makes or who belong to it ("30 more Airbus jets",
# "University of Hyderabad alumni", "Tesla shareholders"), no part of the name.
OWNERS_NOUNS = AIRCRAFT_NOUNS | GENERIC_VEHICLE_NOUNS | frozenset(
    "chips alumni fans shareholders investors employees staff customers users supporters students".split())


def owner_end(doc: Doc, start: int, end: int) -> int:
    """Where an English model span ends that runs from capitalised words over lowercase nouns of ``OWNERS_NOUNS``:
    after the capitalised words (the owner); ``end`` otherwise."""
    named = end
    while named > start + 1 and doc[named - 1].text in OWNERS_NOUNS:
        named -= 1
    return named if named < end and doc[named - 1].is_title else end


def held_noun_start(doc: Doc, start: int, end: int) -> int:
    """Where a name ends before the noun of ``HELD_NOUNS`` that ends an English model span, maybe with one lowercase
    word before the noun ("the Kumamoto factory", "the Arizona desert", "the club's Beckenham training ground"):
    ``end`` where no capitalised word is right before them, or a state's noun follows an abbreviation ("a U.S. state"
    is a kind of place, as WikiANN labels it)."""
    held = end - 1
    if held - 1 > start and is_lowercase_word(doc[held - 1]) and doc[held - 1].text not in NAME_CONNECTORS:
        held -= 1  # "training ground", "assembly plant": the noun's modifier
    if held == start or not doc[held - 1].is_title or (doc[end - 1].text in STATE_NOUNS and doc[held - 1].is_upper):
        return end
    return held


# The heads an institution's name ends with (institutions.jsonl's institution_by_head).
INSTITUTION_HEADS = frozenset("Court Tribunal Commission Authority Agency Council Regulator Ombudsman".split())
MONTHS_AND_DAYS = frozenset("January February March April May June July August September October November December "
                            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def end_after_an_institution_head(words: SpacySpan) -> int:
    """Where an English span ends: right after an institution's head that a lowercase word other than a
    connector follows, where a month or a weekday comes later in the span, so the span runs on into its
    sentence ("the Kent County Council election in May with 57" was one organisation), else where it ended:
    "Court of Appeal" goes on, and so do WikiANN's titles ("List of United States Supreme Court cases, volume 1")."""
    doc = words.doc
    if not any(token.text in MONTHS_AND_DAYS for token in words):
        return words.end
    return next((token.i + 1 for token in words[:-1] if token.text in INSTITUTION_HEADS
                 and is_lowercase_word(doc[token.i + 1]) and doc[token.i + 1].text not in NAME_CONNECTORS), words.end)


def is_acronym(token: Token) -> bool:
    """Whether a word is an acronym or a code in capitals, maybe with digits ("MMLU", "G20")."""
    return len(token) > 1 and token.text.isupper() and token.text.isalnum()


def is_sentence_adverb(token: Token) -> bool:
    """Whether a word of OPENING_ADVERBS is one here: not after an article, where the word is a name ("o novo
    romance sai em março pela Todavia", the publisher, was dropped)."""
    doc = token.doc
    return token.text in OPENING_ADVERBS and not (
        token.i > 0 and doc[token.i - 1].lower_ in PORTUGUESE_ARTICLES | ENGLISH_ARTICLES)


def is_full_stop_after_a_word(token: Token) -> bool:
    """Whether a model span's last token is its sentence's full stop after a word, before the next sentence ("told
    the Guardian. The Gates Foundation" made "Guardian." one organisation, dot and all), not an abbreviation's or
    an initial's ("Acme Inc.", "John A."); at a text's end the dot may be a name's (WikiANN's "Baill.")."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    return token.text == "." and len(before) > 1 and before.isalpha() and before.lower() not in ALL_ABBREVIATIONS \
        and token.i + 1 < len(doc) and doc[token.i + 1].is_title


# What separates the items of a list: no name ends with one, nor with a dash standing as a word of its own
# ("Juventus -" of "Juventus - Inter Milan 0-0"; 1 of WikiANN-en train's 27,931 names ends with one).
LIST_SEPARATORS = frozenset(",;:-–—")


def is_possessive(token: Token) -> bool:
    """Whether a token is a possessive: "'s", or an apostrophe glued to a word in
    "s" ("Schrems' privacy group")."""
    if token.text in POSSESSIVES:
        return True
    doc = token.doc
    return (token.text in ("'", "’") and token.i > 0 and not doc[token.i - 1].whitespace_
            and doc[token.i - 1].text.endswith("s"))


def is_count_of_a_makers_model(ent: SpacySpan) -> bool:
    """Whether a model span is a number and a maker's name before the model's
    number ("40 Boeing 737 MAX 9": the model took "40 Boeing" for a company);
    a number before a name alone is often part of it ("50 Cent", "1985 NBA
    Draft": 180 spans of WikiANN-pt and -en train)."""
    doc = ent.doc
    return (len(ent) == 2 and ent[0].is_digit and ent[1].is_title and ent.end < len(doc)
            and doc[ent.end].text[:1].isdigit())


def is_gerund(token: Token) -> bool:
    """Whether an English word is a lowercase verb in -ing, which opens no
    name ("exploring Mars" was a person; 5 of WikiANN-en train's spans open
    with one, "riding" and "wing" among them)."""
    return language_of(token.doc.vocab) == "en" and is_lowercase_word(token) and len(token) > 5 and token.text.endswith("ing")


# The words of which a span's first must be one to open a clause (``opens_a_clause``).
CLAUSE_OPENERS = OPENING_PRONOUNS | OPENING_SUBJECTS


def opens_a_clause(words: SpacySpan) -> bool:
    """Whether a span's first word is a pronoun that a lowercase word follows
    (in the span, or right after a span of the pronoun alone), or a sentence's subject (OPENING_SUBJECTS) alone or followed by lowercase
    words that are not all connectors ("Moradores do bairro", where "Soldiers
    of Fortune" is a title)."""
    first = words[0].text
    if len(words) == 1:
        # ... or a pronoun alone before its clause's lowercase word (s53-acceptance: "but I wouldn't bet on it" gave
        # "I" as an organisation): no name. "I Love Lucy" is the longer span above.
        return first in OPENING_SUBJECTS or (first in OPENING_PRONOUNS and words.end < len(words.doc)
                                             and is_lowercase_word(words.doc[words.end]))
    if first in OPENING_PRONOUNS:
        return is_lowercase_word(words[1])
    if first not in OPENING_SUBJECTS:
        return False
    lowercase = list(takewhile(is_lowercase_word, words[1:]))
    if any(token.text not in NAME_CONNECTORS for token in lowercase):
        return True
    # A Portuguese subject and "de" or a contraction before a name opens news sentences
    # ("Pesquisadores da Fundação Getulio Vargas calculam", "Torcedores do Flamengo
    # lotaram"): the name is what follows.
    return language_of(words.doc.vocab) == "pt" and words[0].is_sent_start and bool(lowercase) and \
        all(token.text in GROUP_LINKS_PT for token in lowercase)


def generation_number_end(words: SpacySpan) -> int | None:
    """Where a generation's number ends after a span closing with "Gen" ("Ray-Ban Meta Gen 2", "Pixel Buds Gen 3": the
    model's span stops before the number; seed-shaped probe 42): the product runs on over it. None elsewhere."""
    if words[-1].text != "Gen" or len(words) < 2 or words.end >= len(words.doc):
        return None
    number = words.doc[words.end]
    return number.idx + len(number.text) if number.text.isdigit() and len(number.text) <= 2 else None


def end_without_glued_dot(words: SpacySpan) -> int:
    """Where a model span ends without the sentence's full stop that the
    tokenizer left glued to a versioned name ("Ascend 910C." is one token in
    pt); a dot after letters alone ends an abbreviation ("Jr.", "S.A.")."""
    last = words[-1].text
    if last.endswith(".") and any(char.isdigit() for char in last) and "." not in last[:-1]:
        return words.end_char - 1
    return words.end_char


def is_lowercase_word(token: Token) -> bool:
    return token.is_alpha and token.is_lower


def product_end(text: str, start: int, end: int) -> int:
    """The end of a product name matched up to ``end``: on over the pieces
    glued to it in its word (GLUED_PIECE), without a dot or dash left at the end, and on over its tiers
    (``PRODUCT_TAIL``) or its edition for an audience (``AUDIENCE_EDITION``: "Gemini for Education")."""
    while piece := GLUED_PIECE.match(text, end):
        word = piece.group(1)
        if not (word[0].isupper() or any(char.isdigit() for char in word) or word in LOWERCASE_VARIANTS):
            break
        end = piece.end()
    while end > start + 1 and text[end - 1] in ".-–":
        end -= 1
    tail = PRODUCT_TAIL.match(text, end) or AUDIENCE_EDITION.match(text, end)
    return tail.end() if tail else end


def learned_candidates(learned: Iterable[tuple[int, int, str, float]], found: list[Candidate]) -> list[Candidate]:
    """The learned mentions ((start, end, label, score) each) as candidates. One
    that the model or a pattern found too, with the same label, keeps the
    higher of the two scores: one annotator's confirmation scores 0.75, and it
    must not make a suggestion the model was surer of (0.93) look less sure."""
    learned = list(learned)
    if not learned:  # most texts of most projects: nothing to look up
        return []
    scores = {(c.start, c.end, c.label): c.score for c in found}
    candidates = []
    for start, end, label, score in learned:
        other = scores.get((start, end, label))
        if other is not None and other > score:
            candidates.append(Candidate(start, end, label, "confirmed", round(other, 4)))
        else:
            candidates.append(Candidate(start, end, label, "learned", round(score, 4)))
    return candidates


def resolve(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Non-overlapping spans: learned ones first, then longer, then by source;
    a model span that cuts into a pattern's match gives way to it, one around
    it ("University of London" around "London") stands unless it runs over
    from one name into another (``joins_names``) or only adds common words
    (``pads_a_name``)."""
    rules = [c for c in candidates if c.source == "rule"]
    standing = [c for c in candidates if c.source != "model" or not (
        joins_names(c, rules, text) or pads_a_name(c, rules, text) or any(
            c.overlaps(rule) and not (c.start <= rule.start and rule.end <= c.end) for rule in rules))]
    ranked = sorted(standing, key=lambda c: (c.source not in TAUGHT, -(c.end - c.start), -PRIORITY[c.source], c.start))
    kept: list[Candidate] = []
    spans: list[tuple[int, int]] = []  # the kept ones' (start, end), sorted: a look-up a candidate, not one a kept one
    for candidate in ranked:
        if not overlaps_a_span(spans, candidate.start, candidate.end):
            kept.append(candidate)
            insort(spans, (candidate.start, candidate.end))
    kept_ones = set(kept)  # frozen candidates: a set's look-up, not a dataclass's __eq__ with each kept one
    given_way = [c for c in candidates if c.source == "model" and c not in kept_ones]
    return sorted((split_from(c, given_way) for c in kept), key=lambda c: c.start)


def overlaps_a_span(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of ``spans`` (as ``Candidate.overlaps``), sorted (start, end) pairs that
    overlap none of each other: their ends rise with their starts, so of those that start before ``end`` only the last
    can reach past ``start``."""
    before = bisect_left(spans, (end,)) - 1
    return before >= 0 and spans[before][1] > start


def split_from(candidate: Candidate, given_way: list[Candidate]) -> Candidate:
    """A pattern's name inside a longer model span that gave way to the patterns, as a ``split`` one: the model
    found its words as a name, the pattern says which name ("Portugal" of "Conselho Nacional de Educação em
    Portugal"). Calibrated apart from a pattern's name the model did not see, which on the dev sets is mostly a
    place inside a longer name or a club named after its town (0.13 right)."""
    if candidate.source == "rule" and any(
            model.start <= candidate.start and candidate.end <= model.end and (model.start, model.end) != (
                candidate.start, candidate.end) for model in given_way):
        return Candidate(candidate.start, candidate.end, candidate.label, "split")
    return candidate


def with_acronyms(kept: list[Candidate], text: str) -> list[Candidate]:
    """``kept`` with the acronym in parentheses right after an organisation's
    name that it spells (``spells``: "Companhia Nacional de Abastecimento
    (Conab)", "Empresa de Pesquisa Energética (EPE)"): news defines the short
    form it uses next, and the model misses or mislabels it ("Imea" as a
    place). It takes the name's label and score, over another label the model
    gave it. Not after a place, whose parentheses hold its state ("Sorriso (MT)")."""
    acronyms = []
    for name in kept:
        match = ACRONYM_AFTER.match(text, name.end) if name.label == "ORG" else None
        if match and spells(match.group(1), text[name.start:name.end]) and not any(
            (c.start, c.end, c.label) == (match.start(1), match.end(1), name.label) for c in kept
        ):
            acronyms.append(Candidate(match.start(1), match.end(1), name.label, "acronym", name.score))
    if not acronyms:
        return kept
    rest = [c for c in kept if not any(c.overlaps(acronym) for acronym in acronyms) or c.source in TAUGHT]
    return sorted(rest + [a for a in acronyms if not any(a.overlaps(c) for c in rest)], key=lambda c: c.start)


def acronyms_and_names(text: str) -> list[tuple[int, int]]:
    """The acronym and the name where an acronym, a dash and the name it spells
    stand ("A CP - Comboios de Portugal anunciou"), two organisations as First
    HAREM marks them (the model missed both): the run of capitalised words after the
    dash that the acronym spells (``spells``) to a word opening with its last
    letter ("INEM - Instituto Nacional de Emergência Médica"), not the words
    after it ("CP - Comboios de Portugal e Renfe")."""
    found = []
    for match in ACRONYM_DASH.finditer(text):
        name = NAME_AFTER_DASH.match(text, match.end())
        if name is None:
            continue
        acronym, words = match.group(1), list(re.finditer(r"\S+", name.group()))
        end = next((word.end() for word in reversed(words[1:]) if word.group()[0] == acronym[-1]
                    and spells(acronym, name.group()[:word.end()])), None)
        if end is not None:
            found += [(match.start(1), match.end(1)), (match.end(), match.end() + end)]
    return found


def spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the beginnings of words of ``name`` (two words or
    more) in order, from its first: "Co-na-ab" of "Companhia Nacional de
    Abastecimento", "E-P-E" of "Empresa de Pesquisa Energética"."""
    words = [word.lower() for word in re.split(r"[\s-]+", name) if word]
    if len(words) < 2 or acronym[0] != name[0]:
        return False
    return _spelled(acronym.lower(), words)


def _spelled(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` start with a beginning of ``words[0]`` and go on
    with beginnings of later words (words may be skipped: "de", "do")."""
    for length in range(1, min(len(letters), len(words[0])) + 1):
        if words[0][:length] != letters[:length]:
            return False
        rest = letters[length:]
        if not rest or any(_spelled(rest, words[later:]) for later in range(1, len(words))):
            return True
    return False


def with_later_short_forms(kept: list[Candidate], text: str, score: float = 0.0,
                           accepted: Callable[[Candidate], bool] = lambda _mention: True) -> list[Candidate]:
    """``kept`` (resolved candidates) with the ``accepted`` later mentions of
    its names by a short form (``later_short_forms``), a surname scored
    ``score``, in text order; a mention replaces the model's other label for its words."""
    mentions = [mention.scored(score) if mention.source == "surname" else mention
                for mention in [*later_short_forms(kept, text), *later_repeats(kept, text)] if accepted(mention)]
    relabelled = {(mention.start, mention.end) for mention in mentions}
    return sorted([c for c in kept if (c.start, c.end) not in relabelled] + mentions, key=lambda c: c.start)


def patrons_as_institutions(kept: list[Candidate], text: str, score: float) -> list[Candidate]:
    """``kept`` with the model's one-word people that are the last word of an organisation of the text named after
    its patron as organisations, scored ``score`` ("o Einstein e a Rede D'Or ... o Hospital Israelita Albert
    Einstein": the hospital by its short form, before or after its full name), unless the text names a person in
    full by that word."""
    patrons = {text[c.start:c.end].split()[-1] for c in kept if c.label == "ORG" and " " in text[c.start:c.end]}
    lone = [c for c in kept if c.label == "PER" and c.source == "model" and text[c.start:c.end] in patrons]
    if not lone:
        return kept
    people = {text[c.start:c.end].split()[-1] for c in kept if c.label == "PER" and " " in text[c.start:c.end]}
    return [Candidate(c.start, c.end, "ORG", c.source, score)
            if c in lone and text[c.start:c.end] not in people else c for c in kept]


def later_short_forms(kept: list[Candidate], text: str) -> list[Candidate]:
    """Later mentions of a name by its short form alone (``short_form_of``),
    which no span covers yet or the model alone labelled otherwise ("Mark
    Zuckerberg said ... Zuckerberg believes", "Florian Wirtz ... Wirtz" as ORG,
    "Claude Opus 4.1 ... Opus costs" as LOC): news and posts name a person or
    a product in full once, and the model often misses the short form standing
    alone. An organisation's only by the words before a company word ("Scout
    Motors ... Scout"): its last word is often a common noun ("Start Campus",
    "Galaxy Digital") or the place a club or a stadium is named after ("Sport
    Huancayo (Huancayo)"; WikiANN-pt lost 0.002 of F1 to it)."""
    mentions: list[Candidate] = []
    for name in (c for c in kept if c.label in SHORT_FORM_SOURCES):
        short = short_form_of(text[name.start:name.end].split(), name.label)
        if short is None:
            continue
        for start in word_occurrences(text, short, name.end):
            mention = Candidate(start, start + len(short), name.label, SHORT_FORM_SOURCES[name.label], name.score)
            if not any(mention.overlaps(other) and not model_guess_at(other, mention) for other in [*kept, *mentions]):
                mentions.append(mention)
    return mentions


# The labels a one-word name keeps in its later mentions (``later_repeats``): a product too ("the maker of Arc ... said
# Arc would get fixes", a person to the model; s47-entities).
REPEATED_LABELS = frozenset({"ORG", "PRODUCT"})


def later_repeats(kept: list[Candidate], text: str) -> list[Candidate]:
    """Later mentions of a one-word organisation or product by the same word that the model alone labelled otherwise
    ("Ofwat said ... ruled that Ofwat had acted", a place to the model): news names a body again and
    again, and the model's guess at one mention is no better than at the first. Only in a later sentence:
    within one, the word again is as often a place's or a title's ("Istres (Istres)", a club and its town,
    in WikiANN); also where no span stands ("that Ofwat had acted", missed: a task names one body one way, as
    the annotator's label is propagated), there only as a word alone inside a sentence, no part of a
    capitalised run ("o Plano Safra" after a wrong "Safra") nor its first word ("Vale lembrar que"); nor a word of a person of the text ("Ruth Okafor"),
    which the person's surname ``later_short_forms`` gives; nor after a preposition, where a club's city is
    the place ("O Porto venceu ... A câmara do Porto aprovou")."""
    mentions: list[Candidate] = []
    people = {word for c in kept if c.label == "PER" for word in text[c.start:c.end].split()}
    # (a product's word is a person's only in a full name: the model's one-word person is the guess to replace)
    named_in_full = {word for c in kept if c.label == "PER" and " " in text[c.start:c.end]
                     for word in text[c.start:c.end].split()}
    for name in (c for c in kept if c.label in REPEATED_LABELS and " " not in text[c.start:c.end]):
        word, next_sentence = text[name.start:name.end], FULL_STOP_AFTER.search(text, name.end)
        if next_sentence is None or word in (people if name.label == "ORG" else named_in_full):
            continue
        after = next_sentence.end() - 1
        for start in word_occurrences(text, word, after):
            mention = Candidate(start, start + len(word), name.label, "short form", name.score)
            overlapping = [other for other in [*kept, *mentions] if mention.overlaps(other)]
            word_before = text[max(0, mention.start - 20):mention.start].split()[-1:]
            if all(model_guess_at(other, mention) for other in overlapping) \
                    and not (word_before and word_before[0].lower() in NAME_PREPOSITIONS) \
                    and (overlapping or stands_alone_in_a_sentence(text, mention.start, mention.end)):
                mentions.append(mention)
    return mentions


def word_occurrences(text: str, word: str, start: int) -> Iterable[int]:
    """Where ``word`` stands in ``text`` from ``start`` on with no word character (re's ``\\w``: alphanumeric, or
    "_") right before or after it; at ``start`` whatever is before, as ``re.finditer(rf"(?<!\\w){re.escape(word)}
    (?!\\w)", text[start:])`` finds them, without compiling a regex per name (most names are new to re's cache: a
    compilation each, a twentieth of the entities plugin's time on Paramopama)."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if (at == start or not is_word_character(text[at - 1])) and (end == len(text) or not is_word_character(text[end])):
            yield at
            at = text.find(word, end if end > at else at + 1)
        else:
            at = text.find(word, at + 1)


def is_word_character(char: str) -> bool:
    """Whether ``char`` is one re's ``\\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


def stands_alone_in_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` stand inside a sentence, with no capitalised word right before or after
    them: a sentence's first word is capitalised anyway ("Vale lembrar que", after "A Vale informou")."""
    before, after = text[max(0, start - 40):start].split()[-1:], text[end:end + 40].split()[:1]
    return bool(before) and before[0][-1] not in SENTENCE_ENDS and "\n" not in text[start - 1:start] \
        and not any(word[:1].isupper() for word in before + after) and not text[end:end + 1].isalnum()


def short_form_of(words: list[str], label: str) -> str | None:
    """The short form a name is mentioned by alone later: a person's surname
    (``surname_of``); a product's last capitalised word before its version ("Claude Opus 4.1" -> "Opus", "Llama 4 Maverick" ->
    "Maverick"), not a variant ("Pro", "Max"), a common word of ``not_names`` or
    a company word ("Inc"), and only for a name of two words or more."""
    if label == "PER":
        return surname_of(words)
    if label == "ORG":
        return company_short_form(words) or team_short_form(words)
    while words and any(char.isdigit() for char in words[-1]):
        words = words[:-1]
    if len(words) < 2 or not PERSONAL_NAME.fullmatch(words[-1]) or len(words[-1]) < 3:
        return None
    last = words[-1]
    if last.lower() in LOWERCASE_VARIANTS or last in not_names() or last in COMPANY_WORDS:
        return None
    return last


def team_short_form(words: list[str]) -> str | None:
    """A team's nickname after the place it is named after ("Boston Celtics" -> "Celtics", "Los Angeles Lakers" ->
    "Lakers"): a capitalised plural after a known place, or None."""
    nickname = words[-1] if len(words) > 1 else ""
    if not (PERSONAL_NAME.fullmatch(nickname) and nickname.endswith("s") and not nickname.endswith("ss")):
        return None
    return nickname if " ".join(words[:-1]) in place_names() else None


def company_short_form(words: list[str]) -> str | None:
    """The words of a company's name before its last, a company word ("Scout
    Motors" -> "Scout", "Joby Aviation" -> "Joby"): one or two capitalised
    words, not a title, a demonym or a common word ("General Motors",
    "American Airlines", "Big Tech Group"), or None."""
    if not 2 <= len(words) <= 3 or words[-1] not in COMPANY_WORDS:
        return None
    short = words[:-1]
    common = not_names() | word_list(DEMONYMS_FILE) | ROLE_TITLES
    if any(not PERSONAL_NAME.fullmatch(word) or word in common or word in COMPANY_WORDS for word in short):
        return None
    return " ".join(short) if len(" ".join(short)) >= 3 else None


def surname_of(words: list[str]) -> str | None:
    """The surname a person is named by alone later: the last of two or three
    capitalised words, or the words from a surname's particle on ("Mathieu van
    der Poel ... van der Poel", "Khalid bin Salman"); None for a single name,
    an initial, a title ("Fárnaces II do Ponto") or a Portuguese "de", which
    news drops ("Alexandre de Moraes ... Moraes")."""
    if 2 <= len(words) <= 3 and is_surname(words[-1]) and all(PERSONAL_NAME.fullmatch(w) for w in words):
        return words[-1]
    particle = next((i for i, word in enumerate(words[1:-1], 1) if word in SURNAME_PARTICLES), None)
    if particle is None or len(words) > 5 or not all(
            PERSONAL_NAME.fullmatch(word) or word in SURNAME_PARTICLES for word in words):
        return None
    return " ".join(words[particle:])


def is_surname(word: str) -> bool:
    """Whether a person's last word can be looked for alone: two letters are
    enough ("Michelle Wu ... Wu told"), unless they spell a common word that
    opens sentences ("Em", "It")."""
    return len(word) >= 3 or (len(word) == 2 and word.lower() not in SHORT_WORDS)


def model_guess_at(candidate: Candidate, mention: Candidate) -> bool:
    """Whether ``candidate`` is the model's own label for exactly the words of ``mention``."""
    return candidate.source == "model" and (candidate.start, candidate.end) == (mention.start, mention.end)


# A person's names and "de" before a place of the gazetteer inside a model's person span ("Isabel de Portugal, duquesa
# de Coimbra", WikiANN-pt's person whole): the place is the person's, not a name the span ran into (``joins_names``).
PERSON_OF_A_PLACE = re.compile(r"(?:[A-ZÀ-Ý][a-zà-ÿ'-]+[^\S\n]+)+de[^\S\n]+")


def joins_names(candidate: Candidate, rules: list[Candidate], text: str) -> bool:
    """Whether a model span covers two pattern matches with a lowercase word
    between them (a transition that ran on: "Jensen Huang said Blackwell"), or
    a product and a name of another kind side by side or joined by a connector
    ("Nvidia GB200", "BlackWell da Nvidia": a maker and its product), or two names of different kinds joined
    by "em"/"in" ("Google em Mountain View"; "Benfica de Luanda" and "Sport
    Lisboa e Benfica" are clubs), or two products (no product's name holds
    another's: "Deepseek V3.2-Exp e o Qwen3"), names in a list (``is_a_list``)
    or in two sentences ("Gemini 2.5 Pro. Baidu and Tencent")."""
    inside = outermost(rule for rule in rules if candidate.start <= rule.start and rule.end <= candidate.end)
    if inside and candidate.label == "PER" and PERSON_OF_A_PLACE.fullmatch(text, candidate.start, inside[0].start):
        return False  # "Isabel de Portugal, duquesa de Coimbra": the places belong to the person's name and title
    for first, second in pairwise(inside):
        between = text[first.end:second.start].split()
        if any(word.islower() and word not in NAME_CONNECTORS for word in between):
            return True
        if first.label == second.label == "PRODUCT" or is_a_list(between, (first.label, second.label)) or SENTENCE_ENDS.intersection(between):
            return True
        if first.label != second.label and all(word in NAME_CONNECTORS for word in between) and (
            "PRODUCT" in (first.label, second.label) or LOCATIVES.intersection(between)
        ):
            return True
    return False


def is_a_list(between: list[str], labels: tuple[str, str]) -> bool:
    """Whether the words between two names make them items of a list: "and"
    and an article ("the USA and the European Union", "o Brasil e a Argentina"),
    or the word "and" alone between two organisations ("Alibaba and Tencent";
    "Ernst & Young" is one). Places joined by "e" often make one name ("Reino
    Unido da Grã-Bretanha e Irlanda"), and so do two kinds ("Sport Lisboa e Benfica")."""
    if COORDINATORS.isdisjoint(between):
        return False
    return not ARTICLES.isdisjoint(between) or (labels == ("ORG", "ORG") and "&" not in between)


def outermost(rules: Iterable[Candidate]) -> list[Candidate]:
    """The matches no other one contains, by start: "Gemini 2.5 Pro", not also
    "Gemini" and "Gemini 2.5" inside it, whose neighbour would be "2.5 Pro"."""
    by_length = sorted(rules, key=lambda rule: rule.start - rule.end)
    kept: list[Candidate] = []
    for rule in by_length:
        if not any(other.start <= rule.start and rule.end <= other.end for other in kept):
            kept.append(rule)
    return sorted(kept, key=lambda rule: rule.start)


# Portuguese offices held of a country, a state or a town, capitalised before it (``pads_a_name``).
OFFICES_OF_PLACES_PT = frozenset("Presidente Presidenta Vice-Presidente Vice-presidente Primeiro-Ministro "
                                 "Primeira-Ministra Rei Rainha Governador Governadora Prefeito Prefeita".split())
# A sentence's first word, an article, before a known name (``pads_a_name``); a Portuguese one only where a sentence
# opens ("a banda Os Paralamas do Sucesso" keeps its article).
SENTENCE_ARTICLES = (["The"], ["A"], ["O"], ["As"], ["Os"])
OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?:]['\"”»)]?\s+|\n\s*)$")
# A government's noun and its preposition before the person who leads it (``pads_a_name``).
GOVERNMENT_OF = (["Governo", "de"], ["Government", "of"])
# Common nouns of a body written in capitals, as a name's words are ("a ONG Greenpeace", "the NGO Oxfam").
CAPITALISED_BODY_NOUNS = frozenset("ONG ONGs NGO NGOs".split())


def pads_a_name(candidate: Candidate, rules: list[Candidate], text: str) -> bool:
    """Whether a model span is a pattern match padded with common words only:
    ``not_names`` ("H100 GPUs"), or lowercase words around a product ("os chips
    Blackwell"), or anything after the match's possessive: what a name has
    ("Brazil's central bank", "Apple's AI strategy", "Huawei's Ascend chips"),
    or after the end of the match's sentence ("Gemini 2.5 Flash. No fim"), or
    lowercase words before a place or an organisation (its name opens on a
    capital: "estádio de São Januário").
    Lowercase words around a place or an organisation are often part of a name
    ("Japan national team", "New York metropolitan area"), and a qualifier in
    parentheses always is ("Rio de Janeiro (cidade)")."""
    excluded = not_names()
    for rule in rules:
        if candidate.start <= rule.start and rule.end <= candidate.end:
            padding = (text[candidate.start:rule.start] + " " + text[rule.end:candidate.end]).split()
            if padding and all(
                word in excluded or (rule.label == "PRODUCT" and word.isalpha() and word.islower())
                for word in padding
            ):
                return True
            if rule.start == candidate.start and POSSESSIVE.match(text, rule.end):
                return True  # "Brazil's central bank", "Huawei's Ascend chips": what a name has
            if rule.label == "ORG" and padding and set(padding) <= ROLE_WORDS:
                return True  # the role its person holds there: "former Wirecard chief executive Markus Braun"
            if rule.end == candidate.end and rule.label in ("ORG", "PRODUCT") and padding in SENTENCE_ARTICLES and (
                    padding == ["The"] or OPENS_A_SENTENCE.search(text, 0, candidate.start)):
                return True  # a sentence's article before a known name: "The European Commission imposed",
                # "The Peugeot E-3008 GT won", "A Conferência Episcopal Portuguesa reúne-se" ("O Globo" is a name)
            if rule.start == candidate.start and FULL_STOP_AFTER.match(text, rule.end):
                return True  # the model ran on into the next sentence: "Gemini 2.5 Flash. No fim"
            if rule.end == candidate.end and rule.label != "PER" and padding and all(
                    (word.isalpha() and word.islower()) or word in CAPITALISED_BODY_NOUNS for word in padding):
                return True  # a place opens on a capital: "estádio de São Januário" is the noun and the stadium
                # (HAREM keeps a person's title: "o professor Romero"), and so is a body's noun written in capitals
                # ("a ONG Greenpeace")
            if rule.end == candidate.end and rule.label == "ORG" and not PUBLICATION_NOUNS_PT_EN.isdisjoint(padding):
                return True  # what publishes it before the name: "Assine a newsletter do Nexo Jornal" was one place
            if rule.end == candidate.end and rule.label == "LOC" and len(padding) == 2 and (
                    padding[0] in OFFICES_OF_PLACES_PT and padding[1] in {"de", "da", "do", "dos", "das"}):
                return True  # an office of a known place: "O Presidente de Moçambique, Daniel Chapo," names the
                # country and the person, not an organisation
            if rule.end == candidate.end and rule.label == "PER" and padding in GOVERNMENT_OF:
                return True  # whose government: "O Governo de Luís Montenegro" names the person, "Governo" a noun
    return False


def is_unit_of_a_number(words: SpacySpan) -> bool:
    """A unit alone right after its number is a quantity's ("vai fornecer 300 MW ao projeto" gave an organisation
    "MW"), as "585 GW" is in ``name_like``."""
    return len(words) == 1 and words[0].text in UNITS and words.start > 0 and words.doc[words.start - 1].like_num


# The Portuguese nouns of a state's powers, capitalised in news, that a lowercase demonym says whose they are.
STATE_POWER_NOUNS = frozenset({"Estado", "Governo", "Executivo"})


def is_state_by_its_demonym(words: SpacySpan) -> bool:
    """The Portuguese "Estado" or "Governo" alone before a lowercase demonym is a state said of, as a common noun
    ("vai receber €1,5 mil milhões do Estado francês", "Segundo o Governo indiano" gave an organisation "Estado",
    "Governo"), not a state's name ("Estado de São Paulo")."""
    doc = words.doc
    # the word after first: one token costs less to read than the span's text, and is seldom a demonym
    return words.end < len(doc) and doc[words.end].text in PORTUGUESE_DEMONYM_WORDS and words.text in STATE_POWER_NOUNS


def name_like(words: str) -> bool:
    """No lowercase connector ("de", "of") at either end, and at most
    MAX_LOWERCASE_WORDS other lowercase words outside parentheses. Names keep a
    few lowercase words ("Han dynasty", "professor Romero", "Guti (futebolista)"):
    requiring every word capitalised cost 3 points of F1 on the dev splits. A national team's lowercase words
    (``NATIONAL_TEAM``) are its name's."""
    parts = words.split()
    if not parts or parts[0] in NAME_CONNECTORS or parts[-1] in NAME_CONNECTORS:
        return False
    if not any(char.isalpha() for char in words) or (len(parts) == 2 and parts[1] in UNITS and parts[0][0].isdigit()):
        return False  # an emoji ("🤔" was a person), a quantity ("585 GW" an organisation)
    # (each regex only where the characters it needs are: most names have neither)
    unqualified = words if "(" not in words else PARENTHESES.sub(" ", words)
    unqualified = (NATIONAL_TEAM.sub(" ", unqualified) if "team" in unqualified else unqualified).split()
    # a loop, not ``sum()`` over a generator, whose every step is a call (6,169 a pass of the fixtures' 384 texts;
    # s52-entities2 paid its rules' calls with it)
    lowercase = 0
    for word in unqualified:
        lowercase += word.islower() and word not in NAME_CONNECTORS
    return lowercase <= MAX_LOWERCASE_WORDS


def with_common_nouns_after(words: SpacySpan, name: str) -> str:
    """A span's text (``name``, which the caller has read) with the lowercase words right after it (a few at most):
    the model may tag "Chinese" alone in "Chinese cloud providers"."""
    after = takewhile(is_lowercase_word, tokens_of(words.doc)[words.end:words.end + 3])
    return " ".join([name, *(token.text for token in after)])


def is_common_phrase(words: str, excluded: frozenset[str]) -> bool:
    """Whether a span is common words ending in a common noun of ``not_names``
    ("Big news for open-source AI", capitalised as a sentence's opening), or
    a word of ``not_names`` and lowercase words ("Monday evening", "IA
    generativa", "Category 5 storm", a number among them): a name's lowercase words are connectors there
    ("Partnership on AI")."""
    first, *rest = words.split()
    if first in excluded and rest and all((word.isalpha() and word.islower()) or word.isdigit() for word in rest):
        return True
    *common, last = words.split()
    return last in excluded and any(
        word.isalpha() and word.islower() and word not in NAME_CONNECTORS for word in common
    )


def is_demonym_phrase(words: str) -> bool:
    """Whether a span (with the lowercase words after it) is a demonym and
    lowercase words that name a group of actors or things the news counts
    ("Chinese labs", "Chinese cloud providers") or a company ("the Saudi oil
    giant"), also before a preposition and what they are measured on or
    where they are ("Chinese models on MMLU" was one place), or its role
    titles alone ("German Chancellor"): whose they are, not a name.
    WikiANN labels other such phrases LOC ("Palestinian territories", "French
    revolution", "European robin")."""
    first, *rest = words.split()
    if first not in word_list(DEMONYMS_FILE) or not rest:
        return False
    titles = list(takewhile(lambda word: not word.islower(), rest))
    if titles and all(word in ROLE_TITLES for word in titles):  # an office by its country: "the German Chancellor"
        return True
    common = list(takewhile(str.islower, rest))
    if len(common) < len(rest) and not (len(common) > 1 and common[-1] in NAME_PREPOSITIONS):
        return False  # a name's capitalised words go on; only after a group and its preposition is it another name
    return not (DEMONYM_GROUPS.isdisjoint(common) and ENGLISH_COMPANY_NOUNS.isdisjoint(common))


@functools.cache
def known_labels(language: str) -> dict[str, str]:
    """Name -> label, of the language's ``NAME_LABELS`` file (name, label,
    mentions a line); empty for a language without one."""
    path = NAME_LABELS.get(language)
    if path is None:
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {name: label for name, label, _mentions in rows}


def not_names() -> frozenset[str]:
    """The words of ``not_names.txt``."""
    return word_list(NOT_NAMES_FILE)


@functools.cache
def not_names_in(language: str) -> frozenset[str]:
    """The words that are no names in a text of ``language``: ``not_names``, and in Portuguese its acronyms of
    common nouns that are companies' names in English (``not_names_pt.txt``: "IAG"); joined once per language, not
    once a text."""
    return not_names() | word_list(PORTUGUESE_NOT_NAMES_FILE) if language == "pt" else not_names()


@functools.cache
def word_list(path: Path) -> frozenset[str]:
    """The words of one of ``WORD_LIST_FILES`` (one a line, ``#`` comments), read once per process."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def entity_ruler(pipeline: Pipeline, pattern_files: tuple[str, ...]) -> GatedRuler:
    """The patterns compiled for one pipeline's vocabulary, once per process.

    A stand-alone ruler (not a pipeline component): ``match`` finds spans
    without writing into the shared ``Doc``, which other plugins also read;
    token patterns run only on texts that can hold a match (``GatedRuler``)."""
    from spacy.pipeline import EntityRuler

    ruler = EntityRuler(pipeline.nlp, name="anota_entities")
    with pipeline.lock:  # phrase patterns are tokenized by the pipeline
        ruler.add_patterns([pattern for path in pattern_files for pattern in read_patterns(path)]
                           + product_noun_patterns())
    # The ruler keeps each phrase pattern's Doc too, for its ``patterns`` and its serialisation, which a stand-alone
    # ruler never uses: the phrase matcher holds the words itself. About 7 KB a pattern, 32 MB for the 4,338 towns of
    # one language's ruler (session 38).
    ruler.phrase_patterns.clear()
    return GatedRuler(ruler)


def read_patterns(path: str) -> list[dict[str, Any]]:
    """Read a spaCy JSONL pattern file, refusing labels this plugin cannot emit."""
    patterns = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                pattern = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc
            if not isinstance(pattern, dict) or not isinstance(pattern.get("pattern"), (str, list)):
                raise ValueError(f"{path}:{number}: expected {{\"label\": ..., \"pattern\": ...}}")
            if pattern.get("label") not in LABELS:
                raise ValueError(f"{path}:{number}: label {pattern.get('label')!r} is not one of {LABELS}")
            patterns.append(pattern)
    return patterns


def pattern_file_name(path: str) -> str:
    """A pattern file as the model version names it: a shipped one by its
    place in the plugin, the same in every checkout (an absolute path made the
    version differ between two installs of the same code); a user's as given."""
    resolved = Path(path).resolve()
    return resolved.relative_to(HERE).as_posix() if resolved.is_relative_to(HERE) else path


@functools.cache
def file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


@functools.cache
def folder_digest(path: str) -> str | None:
    """A digest of a model folder's files, so a retrained model changes the
    model version (and Label Studio asks for new predictions)."""
    folder = Path(path)
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for file in sorted(f for f in folder.rglob("*") if f.is_file()):
        digest.update(str(file.relative_to(folder)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def load_calibration(path: Path = CALIBRATION) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def model_label_mapper(app: Flask, project_id: int | None) -> Any:
    """Map a label of the project's config onto ours: through the config when
    /setup or /predict sent it, by common names otherwise."""
    names: dict[str, str] = {}
    for project, xml in get_state(app).project_configs.items():
        if project_id is not None and project.split(".")[0] == str(project_id):
            names.update(span_label_names(xml, LABELS))
    return lambda label: names.get(label.upper()) or label_named(label, LABELS)


@hookimpl
def register_annotators(register: Callable[[Annotator], None], app: Flask) -> None:
    pipelines = Pipelines.from_config(app.config)
    if pipelines.missing:
        missing = ", ".join(f"{lang}: {path}" for lang, path in sorted(pipelines.missing.items()))
        raise FileNotFoundError(
            f"no trained NER model ({missing}); train with "
            "`python -m plugins.ner_training NER_DATA_DIR` (WikiANN and HAREM in CoNLL form, see "
            "plugins/models/README.md) or set ANOTA_PIPELINES"
        )
    for path in SHIPPED_PATTERNS:
        read_patterns(path)  # a broken file is a load error now, not a failure per request
    user_files = checked("ENTITY_PATTERNS", app.config.get("ENTITY_PATTERNS"), user_pattern_files)
    register(EntityAnnotator(app, pipelines, [*SHIPPED_PATTERNS, *user_files], load_calibration()))


def user_pattern_files(setting: Any) -> list[str]:
    """The pattern files of ``ENTITY_PATTERNS``, each read once to check it:
    one that cannot be opened is a ValueError naming it, so that the load
    error names the setting too (``checked``)."""
    files = as_list(setting)
    for path in files:
        try:
            read_patterns(path)
        except OSError as exc:
            raise ValueError(f"{path}: {exc.strerror or exc}") from None
    return files


@hookimpl
def annotation_changed(event: AnnotationEvent, app: Flask) -> None:
    database = get_state(app).database
    record_annotation(database, event, model_label_mapper(app, event.project_id))
    # Committed: every worker's next /predict reads the votes again, before the webhook answers.
    database.signal(VOTES_CHANGED).notify()


# ---------------------------------------------------------------- names their neighbours tell (entities43)


def with_names_their_neighbours_tell(candidates: list[Candidate], text: str, language: str) -> list[Candidate]:
    """``candidates`` (the model's and the patterns', merged) with what a name's neighbours in the sentence show, where
    the model's guess or silence says otherwise: first, a place's or a body's leading lowercase noun cut
    (``without_leading_common_nouns``: "the charity Shelter") and a person's glued double surname joined
    (``people_with_their_double_surnames``); a club before its staff's role and name (``clubs_before_their_staff``:
    "Harrogate manager Simon Weaver"), a place listed with a place (``places_listed_with_a_place``: "for Cork and
    Clare", "em Mabote e Funhalouro") or the other end of a stretch between two (``places_between_places``: "between
    Dingle and Annascaul"), a body named after a person (``bodies_named_after_people``: "A Ação Cristã Vicente
    Moretti") and a body's span cut before "em" and its place (``bodies_apart_from_their_places``), a club's coach or
    a ministry's minister between commas (``officers_between_commas``), a body's name run on over a place apposed to
    it (``bodies_with_their_apposed_names``: "a Unidade Local de Saúde Santa Maria"), the places a flood or a storm
    reached (``places_a_disaster_reached``: "As cheias isolaram Caia e Marromeu"), an arena after "no"/"na"
    (``venues_after_no_or_na``: "no Maracanãzinho"); the town after people's plural opening a sentence
    (``places_after_people_in``: "Police in Lubbock"), a match's venue after a side and "at" (``venues_after_sides``),
    a street after a venue and "on" (``streets_of_venues``), a region named by its side of a place
    (``regions_of_places``: "the West of England"), an event told as a time (``without_events_told_as_times``: "a
    Super Bowl ad"), a tunnel, a bridge or a dam a place (``works_as_places``, ``works_named_after_their_nouns``: "the
    Channel Tunnel", "o túnel do Marão"), a body's own system a
    product (``products_after_its``: "its Helios system"), a person apart from a place before a comma and an honorific
    (``people_apart_after_commas``); in Portuguese a road named after a man after a feminine article
    (``roads_named_after_men``: "pela Fernão Dias"), a town one arrives at or a stretch's far end (``places_arrived_at``:
    "chegaram a Fátima"; ``places_at_a_stretchs_end``: "até ao Montijo"), a name apposed to a made thing's noun a
    product (``products_apposed_pt``: "o Amália, o primeiro modelo"), a person named like a town
    (``people_named_like_towns``: "Conceição Evaristo"), a product's code before "da" and its maker
    (``products_of_their_makers``: "o KC-390 da Embraer"), surnames joined by "e" after a title
    (``surnames_joined_by_e``: "o almirante Gouveia e Melo"), a road named after a person where the text tells of
    traffic (``roads_of_traffic``: "seguiram pela Washington Luís"); in both a name cut at a full stop inside it
    (``names_cut_at_full_stops``: "the Strait of Hormuz. The Prince of Wales" one place) and a title of a place a person
    (``titles_as_people``: "the Archbishop of York")."""
    candidates = people_with_their_double_surnames(without_leading_common_nouns(candidates, text), text)
    candidates = names_cut_at_full_stops(candidates, text)
    if language == "en":
        candidates = places_after_people_in(clubs_before_their_staff(candidates, text), text)
        candidates = regions_of_places(streets_of_venues(venues_after_sides(candidates, text), text), text)
        candidates = without_events_told_as_times(candidates, text)
        candidates = bodies_by_their_head(products_after_its(works_as_places(candidates, text), text), text)
        candidates = people_apart_after_commas(candidates, text)
        candidates = acronyms_before_their_officers(places_of_party_members(candidates, text), text)
    elif language == "pt":
        candidates = without_plural_subjects_as_people(bodies_named_by_their_noun_pt(candidates, text), text)
        candidates = bodies_of_many_places_pt(organisations_listed_with_organisations_pt(candidates, text), text)
        candidates = bodies_apart_from_their_places(
            officers_between_commas(bodies_named_after_people(candidates, text), text), text)
        candidates = places_a_disaster_reached(bodies_with_their_apposed_names(candidates, text), text)
        candidates = products_apposed_pt(venues_after_no_or_na(candidates, text), text)
        candidates = roads_named_after_men(works_named_after_their_nouns(candidates, text), text)
        candidates = people_named_like_towns(places_at_a_stretchs_end(places_arrived_at(candidates, text), text), text)
        candidates = roads_of_traffic(surnames_joined_by_e(products_of_their_makers(candidates, text), text), text)
        candidates = concessions_of_road_groups(candidates, text)
    return titles_as_people(places_between_places(places_listed_with_a_place(candidates, text, language), text), text)


# An English place whose last word heads a body ("the Port of Rotterdam Authority", a place to the model):
# ``bodies_by_their_head``.
# Not "Board": WikiANN-en labels its school boards places ("Brant Haldimand Norfolk Catholic District School Board");
# "Schools" a district's ("Chicago Public Schools", a place to the model; s49-entities-en).
BODY_HEADS_EN = frozenset("Authority Agency Commission Corporation Association Society Council Trust Schools".split())
# A Portuguese verb's third person plural after a sentence's first word ("Caminhoneiros bloquearam a entrada", a person
# to the model): ``without_plural_subjects_as_people``; words so ending that are no verbs.
PLURAL_VERB_AFTER_A_SUBJECT_PT = re.compile(r"[^\S\n]+(?!(?:também|alguém|ninguém|além|porém|quem|nem|bem|sem|cem|em)"
                                            r"(?![\w-]))[a-zà-ÿ]+(?:am|em|ão)(?![\w-])")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?[^\S\n]+|\n[^\S\n]*)$")


def bodies_by_their_head(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's English place of three words or more that ends in a body's head
    (``BODY_HEADS_EN``) made an organisation: the head says what is named, a place's authority is a body."""
    for place in [c for c in candidates if c.label == "LOC" and c.source == "model"]:
        words = text[place.start:place.end].split()
        if len(words) > 2 and words[-1] in BODY_HEADS_EN:
            candidates = with_span_as(candidates, place.start, place.end, "ORG")
    return candidates


def bodies_named_by_their_noun_pt(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a Portuguese person of two words or more whose first word is a company's or a body's noun,
    capitalised (``body_and_company_nouns``: "segundo a Editora Record", a person to the model), made an organisation:
    a person's name never opens with one."""
    nouns = body_and_company_nouns("pt")
    for person in [c for c in candidates if c.label == "PER" and c.source == "model"]:
        first, _, rest = text[person.start:person.end].partition(" ")
        if rest and first[:1].isupper() and first.lower() in nouns:
            candidates = with_span_as(candidates, person.start, person.end, "ORG")
    return candidates


# The plurals of a place's noun that open a Portuguese body's name ("a Portos do Paraná", "a Estradas de Portugal"):
# one port is a place, the ports of a state are the company that runs them (``bodies_of_many_places_pt``).
PLURAL_PLACE_NOUNS_PT = frozenset("Portos Aeroportos Rodovias Ferrovias Estradas".split())


def bodies_of_many_places_pt(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's Portuguese place that opens with the plural of a place's noun and "de"
    (``PLURAL_PLACE_NOUNS_PT``: "a Portos do Paraná prometeu", a place to the model; s45-entities blind) made an
    organisation: HAREM labels such names organisations ("Portos", "Estradas")."""
    for place in [c for c in candidates if c.label == "LOC" and c.source == "model"]:
        first, second, *_ = (*text[place.start:place.end].split(maxsplit=2), "")
        if first in PLURAL_PLACE_NOUNS_PT and second in PLACE_HEAD_PREPOSITIONS:
            candidates = with_span_as(candidates, place.start, place.end, "ORG")
    return candidates


def organisations_listed_with_organisations_pt(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's Portuguese place of one word that no gazetteer knows, listed with "e a"/"e o"
    right after an organisation, made one: an article joins names of a kind ("a Editora Record e a Intrínseca", a
    place to the model)."""
    organisation_ends = {c.end for c in candidates if c.label == "ORG"}
    for place in [c for c in candidates if c.label == "LOC" and c.source == "model"]:
        name = text[place.start:place.end]
        # joined first: few places follow an organisation's "e a", and the other readings are looked for among all
        # the candidates
        if not (text.endswith((" e a ", " e o "), 0, place.start) and place.start - 5 in organisation_ends):
            continue
        # no other reading of its words: not the head of a rule's longer name, nor a known product ("e o Gemini")
        alone = all((c.start, c.end, c.label) == (place.start, place.end, "LOC") for c in candidates
                    if c.start < place.end and place.start < c.end)
        if alone and " " not in name and name not in place_names():
            candidates = with_span_as(candidates, place.start, place.end, "ORG")
    return candidates


def without_plural_subjects_as_people(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` without the model's Portuguese person of one word ending in "s" that opens a sentence before a
    verb in the third person plural (``PLURAL_VERB_AFTER_A_SUBJECT_PT``): one person takes no plural verb, so the word is
    a common noun's plural capitalised as the opener ("Caminhoneiros bloquearam a entrada do porto")."""
    return [c for c in candidates if not (
        c.label == "PER" and c.source == "model" and text.endswith("s", c.start, c.end) and " " not in text[c.start:c.end]
        and PLURAL_VERB_AFTER_A_SUBJECT_PT.match(text, c.end) is not None
        and SENTENCE_START.search(text, max(0, c.start - 4), c.start) is not None)]


# Lowercase words that open a name and are no common noun before it: particles ("van Gogh", "al-Rai", "de Gaulle").
LEADING_PARTICLES = frozenset(NAME_CONNECTORS) | SURNAME_PARTICLES | ARABIC_NAME_PARTICLES


def without_leading_common_nouns(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` without the lowercase words that open a place's or an organisation's span before its capitalised
    ones: the kind of what is named, no word of its name ("the charity Shelter", "a depressão Martinho" were the
    model's spans with their noun). Particles stay (``LEADING_PARTICLES``), and so do names glued to a capital
    ("easyJet"), and a person's title (HAREM's people hold theirs: "o senhor deputado Wurtz", "o professor Romero",
    cut on the held-out dev at the first try)."""
    cut = []
    for candidate in candidates:
        if text[candidate.start].islower() and candidate.label != "PER":
            words = LEADING_LOWERCASE_WORDS.match(text, candidate.start, candidate.end)
            if words is not None and not LEADING_PARTICLES.intersection(words.group().split()):
                candidate = Candidate(words.end(), candidate.end, candidate.label, candidate.source)
        cut.append(candidate)
    return cut


def people_with_their_double_surnames(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a person's span run on over a dash and a capitalised word glued to its end that nothing
    covers: a double surname ("Magdalena Zernicka-Goetz" was the model's "Magdalena Zernicka", the tokenizer's dash
    apart)."""
    for person in [c for c in candidates if c.label == "PER" and text.startswith("-", c.end)]:
        surname = DASHED_SURNAME.match(text, person.end)
        if surname is not None and is_uncovered(candidates, person.end, surname.end()):
            candidates = with_span_as(candidates, person.start, surname.end(), "PER")
    return candidates


# An apostrophe only between letters of the surname ("-Dell'Orto"): one at its end is a closing
# quote ("Novikov-Priboy''", which the span took in), and a possessive "'s" is not the name's.
DASHED_SURNAME = re.compile(r"-[A-ZÀ-Ý][a-zà-ÿ]+(?:['’][A-Za-zà-ÿ]{2,})*(?![\w-])")


# Lowercase words of three letters or more, each followed by a space, before a capital.
LEADING_LOWERCASE_WORDS = re.compile(r"(?:[a-zà-ÿ]{3,}[^\S\n]+)+(?=[A-ZÀ-Ý])")


def venues_after_no_or_na(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a Portuguese one-word person after "no"/"na" made a place, but a given name and a name a
    pattern knows as another kind ("compras na Shopee"): Portuguese news puts "em" and the article before where things
    happen ("grava o DVD no Maracanãzinho", "venceu no Maracanãzinho": a person to the model), not before a person."""
    for person in [c for c in candidates if c.label == "PER"]:
        if text[max(0, person.start - 4):person.start] in (" no ", " na ") and " " not in text[person.start:person.end] \
                and text[person.start:person.end] not in all_given_names() \
                and labels_at(candidates, person.start, person.end) == {"PER"}:
            candidates = with_span_as(candidates, person.start, person.end, "LOC")
    return candidates


EVENT_BEFORE_ITS_NOUN = re.compile(r"[^\S\n]+([a-z-]+)")


def without_events_told_as_times(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` without an English event's name (``EVENT_LAST_WORDS_EN``) after "during the" or before a noun of
    what an event holds (``NOUNS_AFTER_AN_EVENT_EN``: "smaller than a Super Bowl ad", "during the Super Bowl in New
    Orleans" were organisations): a time, none of our labels (WikiANN's bowls and cups as organisations elsewhere
    stay)."""
    kept = []
    for candidate in candidates:
        if text[candidate.start:candidate.end].rsplit(" ", 1)[-1] in EVENT_LAST_WORDS_EN:
            noun = EVENT_BEFORE_ITS_NOUN.match(text, candidate.end)
            if text.endswith("during the ", 0, candidate.start) or (
                    noun is not None and noun.group(1) in NOUNS_AFTER_AN_EVENT_EN):
                continue
        kept.append(candidate)
    return kept


def with_span_as(candidates: list[Candidate], start: int, end: int, label: str) -> list[Candidate]:
    """``candidates`` with the words at ``start:end`` one ``label`` span of the rules, in place of every candidate
    over any of them."""
    return [c for c in candidates if not (c.start < end and start < c.end)] + [Candidate(start, end, label, "rule")]


def labels_at(candidates: list[Candidate], start: int, end: int) -> set[str]:
    """The labels of the candidates on exactly the words at ``start:end``."""
    return {c.label for c in candidates if (c.start, c.end) == (start, end)}


def is_uncovered(candidates: list[Candidate], start: int, end: int) -> bool:
    """Whether no candidate covers any of the words at ``start:end``."""
    return not any(c.start < end and start < c.end for c in candidates)


# An English club's staff by their role between the club's short form and their name ("Harrogate manager Simon
# Weaver", "Somerset coach Jason Kerr").
STAFF_ROLE_EN = re.compile(r"[^\S\n]+(?:manager|coach|head[^\S\n]+coach|boss|captain|chairman)[^\S\n]+(?=[A-Z])")


def clubs_before_their_staff(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a place before a club's staff role and a person (``STAFF_ROLE_EN``) made the club, when it
    is a town of the towns' gazetteer or the first word of an organisation the text names ("Harrogate Town beat Barrow
    ... Harrogate manager Simon Weaver", a place to the model): no place has a manager. A country stays ("England
    manager Thomas Tuchel": WikiANN's place, and the country's team may be either)."""
    if not contains_any(text, ("manager", "coach", "boss", "captain", "chairman")):
        return candidates
    clubs = {text[c.start:c.end].split()[0] for c in candidates if c.label == "ORG" and " " in text[c.start:c.end]}
    for place in [c for c in candidates if c.label == "LOC"]:
        role = STAFF_ROLE_EN.match(text, place.end)
        name = text[place.start:place.end]
        if role is not None and "PER" in {c.label for c in candidates if c.start == role.end()} \
                and (name in town_names() or name in clubs):
            candidates = with_span_as(candidates, place.start, place.end, "ORG")
    return candidates


# A one-word name after a name and "and"/"e"/"or"/"ou" or a comma, before no capitalised word (``places_listed_with_a_
# place``); in Portuguese the list after a preposition of where ("em Mabote e Funhalouro", "para Chókwè e Guijá").
LISTED_NEXT = re.compile(r"(?:,|[^\S\n]+(?:and|or|e|ou))[^\S\n]+([A-ZÀ-Ý][a-zà-ÿ][\w-]*)(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")
WHERE_BEFORE_A_LIST_PT = frozenset("em para entre até de".split())


def places_listed_with_a_place(candidates: list[Candidate], text: str, language: str) -> list[Candidate]:
    """``candidates`` with a one-word person or a word the model missed listed after a place (``LISTED_NEXT``) made a
    place, where it is one a gazetteer knows ("a wind warning for Cork and Clare": a person to the model, Clare no
    given name here) or, in Portuguese, the list follows a preposition of where and the word is no given name ("A seca
    destruiu colheitas em Mabote e Funhalouro", a person; "vacinas para Chókwè e Guijá", missed): a list names things
    of one kind."""
    for place in sorted((c for c in candidates if c.label == "LOC"), key=lambda c: c.start):
        listed = LISTED_NEXT.match(text, place.end)
        if listed is None:
            continue
        start, end = listed.span(1)
        name = listed.group(1)
        found = labels_at(candidates, start, end)
        if not (found == {"PER"} or (is_uncovered(candidates, start, end) and language == "pt")):
            continue
        before = text[:place.start].split()[-1:]
        known = name in place_names() or GAELIC_COUNTY.fullmatch(name) is not None
        after_where = language == "pt" and before != [] and before[0] in WHERE_BEFORE_A_LIST_PT \
            and name not in given_names()
        if known or after_where:
            candidates = with_span_as(candidates, start, end, "LOC")
    return candidates


# Two names at the ends of a stretch ("the road between Dingle and Annascaul", "a estrada entre Inhaminga e Muanza").
BETWEEN = re.compile(r"(?<!\S)(?:between|entre)[^\S\n]+(?P<first>[A-ZÀ-Ý][a-zà-ÿ][\w-]*(?:[^\S\n]+[A-ZÀ-Ý][\w-]*)?)"
                     r"[^\S\n]+(?:and|e)[^\S\n]+(?P<second>[A-ZÀ-Ý][a-zà-ÿ][\w-]*(?:[^\S\n]+[A-ZÀ-Ý][\w-]*)?)"
                     r"(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")


def places_between_places(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the name the model missed at one end of a stretch whose other end is a place (``BETWEEN``)
    made a place ("closed the road between Dingle and Annascaul": "Dingle", a common English word, is no town of the
    gazetteer); between two organisations or people nothing changes."""
    if " between " not in text and " entre " not in text:
        return candidates
    for match in BETWEEN.finditer(text):
        for found, other in (("first", "second"), ("second", "first")):
            if labels_at(candidates, *match.span(other)) == {"LOC"} and is_uncovered(candidates, *match.span(found)):
                candidates = with_span_as(candidates, *match.span(found), "LOC")
    return candidates


# Heads of a Portuguese body that may be named after a person, with up to two capitalised words before the person
# ("A Ação Cristã Vicente Moretti", "a Associação Beneficente João XXIII"): the person's span is the body's end.
BODY_HEADS_PT = frozenset("Ação Associação Obra Lar Sociedade Fundação Instituto Hospital Escola Colégio Liceu Creche "
                          "Centro".split())
BODY_BEFORE_ITS_PATRON = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(BODY_HEADS_PT))})(?:[^\S\n]+[A-ZÀ-Ý][a-zà-ÿ]+)"
                                    r"{0,2}[^\S\n]+$")


def bodies_named_after_people(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a person whose name follows a body's head and its capitalised words where nothing covers
    them (``BODY_BEFORE_ITS_PATRON``) made the body, head to name ("A Ação Cristã Vicente Moretti distribuiu": cut to
    the person by the model)."""
    for person in [c for c in candidates if c.label == "PER"]:
        head = BODY_BEFORE_ITS_PATRON.search(text, max(0, person.start - 40), person.start)
        if head is not None and is_uncovered(candidates, head.start(), person.start):
            candidates = with_span_as(candidates, head.start(), person.end, "ORG")
    return candidates


# People by their plural before "in" and a town, opening a sentence ("Police in Lubbock arrested", one organisation to
# the model): the town is the name (``places_after_people_in``).
PEOPLE_IN_A_PLACE = re.compile(
    r"(?:Police|Officers|Detectives|Firefighters|Paramedics|Residents|Voters|Farmers|Teachers|Doctors|Nurses|Workers"
    r"|Students|Shoppers|Commuters|Drivers|Families|Volunteers|Rescuers)[^\S\n]+in[^\S\n]+"
    r"([A-Z][a-z][\w-]*(?:[^\S\n]+[A-Z][a-z][\w-]*){0,2})")


def places_after_people_in(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a model's span over people's plural, "in" and a town at a sentence's start
    (``PEOPLE_IN_A_PLACE``) cut to the town, a place."""
    for candidate in [c for c in candidates if c.label in ("ORG", "LOC")]:
        match = PEOPLE_IN_A_PLACE.fullmatch(text, candidate.start, candidate.end)
        at_start = candidate.start == 0 or text[:candidate.start].rstrip()[-1:] in SENTENCE_ENDS
        if match is not None and at_start:
            candidates = with_span_as(candidates, *match.span(1), "LOC")
    return candidates


def officers_between_commas(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's place between commas, or between a comma and a sentence's end, after a
    Portuguese role held at a body and the body (``ROLE_BEFORE_BODY``, ``BODY_RUN``, ``OFFICER_AFTER_A_COMMA``) made
    the person: a coach after a club ("O treinador do Alverca, Vasco Matos, elogiou": the club found by
    ``clubs_before_their_people``), a minister after a ministry ("disse o ministro dos Recursos Minerais, Diamantino
    Azevedo.": the person a place to the model)."""
    if spaced_words(text).isdisjoint(PLAYER_ROLES_PT):
        return candidates
    bodies = {c.start: c.end for c in candidates if c.label == "ORG"}
    for role in ROLE_BEFORE_BODY.finditer(text):
        body_end = bodies.get(role.end()) or BODY_AT.match(text, role.end()).end()
        person = OFFICER_AFTER_A_COMMA.match(text, body_end)
        if person is not None and labels_at(candidates, *person.span(1)) == {"LOC"}:
            candidates = with_span_as(candidates, *person.span(1), "PER")
    return candidates


# The body's words after a role (``officers_between_commas``), and the person's after them and a comma.
BODY_AT = re.compile(BODY_RUN)
OFFICER_AFTER_A_COMMA = re.compile(rf",[^\S\n]+({PERSON_RUN})(?=[,;]|\.(?:\s|$))")


def bodies_apart_from_their_places(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's Portuguese organisation that runs on over "em" and a place's capitalised words
    (``AT_A_PLACE``: "um centro de dados da Scala Data Centers em Eldorado do Sul", one organisation to the model) cut
    into the body and the place, as ``places_apart_from_known_bodies`` cuts a body the gazetteer knows. Only a brand's
    capitalised words before "em", in a sentence: a body's name with a connector keeps its place ("Universidade do
    Texas em Austin"), and so does a title that is all the text ("Ataques a Tiros em Beltway", WikiANN's)."""
    whole = (0, len(text))
    for body in [c for c in candidates if c.label == "ORG" and c.source == "model" and (c.start, c.end) != whole]:
        at = text.find(" em ", body.start, body.end)
        brand = at > body.start and all(word[:1].isupper() for word in text[body.start:at].split())
        place = AT_A_PLACE.fullmatch(text, at, body.end) if brand else None
        if place is not None:
            candidates = [c for c in candidates if c != body] + [
                Candidate(body.start, at, "ORG", body.source), Candidate(place.start(1), body.end, "LOC", body.source)]
    return candidates


def venues_after_sides(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a town of the towns' gazetteer after a side and "at" made the place, over the model's
    organisation ("would play Surrey at Taunton"): a side plays at a ground or a town, and no club is at a club."""
    sides = {c.end for c in candidates if c.label == "ORG"}
    for town in [c for c in candidates if c.label == "ORG" and text[c.start:c.end] in town_names()]:
        if text[max(0, town.start - 4):town.start] == " at " and town.start - 4 in sides:
            candidates = with_span_as(candidates, town.start, town.end, "LOC")
    return candidates


# A venue's noun and "on" before a street's name ("a shooting outside a bar on Broadway": an organisation to the
# model), in ``streets_of_venues``.
VENUE_ON_A_STREET = re.compile(r"(?<!\S)(?:bar|pub|restaurant|cafe|café|shop|store|hotel|nightclub|house|home|flat"
                               r"|apartment)[^\S\n]+on[^\S\n]+([A-Z][a-z][\w-]*(?:[^\S\n]+[A-Z][a-z][\w-]*){0,2})"
                               r"(?![\w-])")


def streets_of_venues(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the name after a venue's noun and "on" (``VENUE_ON_A_STREET``) a place where the model took
    it for an organisation or a person: a bar stands on a street."""
    if " on " not in text:
        return candidates
    for match in VENUE_ON_A_STREET.finditer(text):
        if labels_at(candidates, *match.span(1)) in ({"ORG"}, {"PER"}):
            candidates = with_span_as(candidates, *match.span(1), "LOC")
    return candidates


# A region named by its side of a place, capitalised ("the Mayor of the West of England", "the North of England").
SIDE_OF_A_PLACE = re.compile(r"(?<=the )(?:North|South|East|West|North[- ]East|North[- ]West|South[- ]East"
                             r"|South[- ]West)[^\S\n]+of[^\S\n]+(?=[A-Z])")


def regions_of_places(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a place after "the", a capitalised side and "of" (``SIDE_OF_A_PLACE``) run back over them:
    one region ("the West of England" was the model's "England")."""
    if " of " not in text:
        return candidates
    for side in SIDE_OF_A_PLACE.finditer(text):
        place = next((c for c in candidates if c.start == side.end() and c.label == "LOC"), None)
        if place is not None and is_uncovered(candidates, side.start(), side.end()):
            candidates = with_span_as(candidates, side.start(), place.end, "LOC")
    return candidates


def bodies_with_their_apposed_names(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a Portuguese organisation run on over a place or a person right after it, one space
    between ("a Unidade Local de Saúde Santa Maria": the model's body and place): Portuguese ties a body to another
    name with a preposition, so a name apposed without one is the body's own."""
    for body in sorted((c for c in candidates if c.label == "ORG"), key=lambda c: c.start):
        after = next((c for c in candidates if c.start == body.end + 1 and c.label == "LOC"), None)
        if after is not None and text[body.end] == " " and is_uncovered(
                [c for c in candidates if c not in (body, after)], body.start, after.end):
            candidates = with_span_as(candidates, body.start, after.end, "ORG")
    return candidates


# A Portuguese verb of what a flood, a storm or a drought does to places, then names of one word, or two with a
# connector, listed with "e" or commas ("As cheias isolaram Caia e Marromeu", "isolaram Eldorado do Sul": people to the
# model), in ``places_a_disaster_reached``.
_REACHED_NAME = (r"([A-ZÀ-Ý][a-zà-ÿ][\w-]*(?:[^\S\n]+d[aeo]s?[^\S\n]+[A-ZÀ-Ý][a-zà-ÿ][\w-]*)?)"
             r"(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")
DISASTER_REACH_PT = re.compile(
    rf"(?<!\S)(?:isol|ating|afet|afect|inund|alag|devast)(?:aram|ou|am|a|iram|iu|em|e)[^\S\n]+{_REACHED_NAME}"
    rf"(?:,[^\S\n]+{_REACHED_NAME})?(?:,?[^\S\n]+e[^\S\n]+{_REACHED_NAME})?")


# ... where the text names such a disaster.
DISASTERS_PT = frozenset(word + mark for word in (
    "cheia cheias enchente enchentes inundação inundações chuva chuvas temporal ciclone tempestade seca incêndio "
    "incêndios sismo terramoto terremoto furacão tornado deslizamento").split() for mark in ("", ",", "."))


def places_a_disaster_reached(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the people or missed names right after a Portuguese verb of a disaster's reach
    (``DISASTER_REACH_PT``: "As cheias isolaram Caia e Marromeu", "isolaram Eldorado do Sul") made places, where the
    disaster (``DISASTERS_PT``) is named in the verb's sentence before it, and but given names and the people the
    gazetteer knows: a flood reaches towns, a crisis people ("A crise atingiu Lula após as chuvas": the rain no
    subject; "A seca atingiu Lula em cheio": a nickname, no given name, that ``people.jsonl`` holds)."""
    if spaced_words(text).isdisjoint(DISASTERS_PT):
        return candidates
    for match in DISASTER_REACH_PT.finditer(text):
        sentence = text[sentence_start(text, match.start()):match.start()]
        if spaced_words(sentence).isdisjoint(DISASTERS_PT):
            continue
        for group in range(1, 4):
            start, end = match.span(group)
            if start < 0 or match.group(group).split()[0] in given_names():
                continue
            known_person = any(c.source != "model" for c in candidates if (c.start, c.end) == (start, end))
            if (labels_at(candidates, start, end) == {"PER"} and not known_person) \
                    or is_uncovered(candidates, start, end):
                candidates = with_span_as(candidates, start, end, "LOC")
    return candidates


def sentence_start(text: str, index: int) -> int:
    """Where the sentence that holds ``index`` starts: after the last full stop, question or exclamation mark and
    space, or line break, before it."""
    end = max(text.rfind(". ", 0, index), text.rfind("? ", 0, index), text.rfind("! ", 0, index),
              text.rfind("\n", 0, index) - 1)
    return 0 if end < 0 else end + 2


# The last word of an English work that people travel over or through, or that holds water back ("the Channel
# Tunnel", "the Hoover Dam", "the Queensferry Crossing": organisations to the model): ``works_as_places``.
# Not "Motorway": WikiANN's "Northwestern Motorway" is an organisation (held-out dev). A minster and a canal are
# somewhere too ("Southwell Minster" a person, "the Chesapeake & Ohio Canal" an organisation to the model; entities46).
WORK_HEADS_EN = frozenset("Tunnel Bridge Dam Barrage Viaduct Crossing Causeway Aqueduct Minster Canal".split())


# The capitalised words that end a span, maybe joined by "of", "and" or "&" ("Yanwath and Eamont Bridge", "the B & O
# Railroad Viaduct", cut at the ampersand on WikiANN-en's test split; entities45).
CAPITALISED_END = re.compile(r"(?<![\w'’.-])[A-ZÀ-Ý][\w'’.-]*(?:[^\S\n]+(?:(?:of|and|&)[^\S\n]+)?[A-ZÀ-Ý][\w'’.-]*)*$")


def works_as_places(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with an English organisation or person whose last word is a work's (``WORK_HEADS_EN``) made a
    place, over the capitalised words that end it (``CAPITALISED_END``: "Freight through the Channel Tunnel" opening a
    sentence was one organisation): a tunnel, a bridge or a dam is somewhere (WikiANN's "Hoover Dam" and "Tower
    Bridge" are places), and the body that runs one has a name of its own ("Getlink, which operates the Channel
    Tunnel")."""
    for work in [c for c in candidates if c.label in ("ORG", "PER")]:
        name = CAPITALISED_END.search(text, work.start, work.end)
        if name is not None and " " in name.group() and name.group().rsplit(" ", 1)[1] in WORK_HEADS_EN:
            candidates = with_span_as(candidates, name.start(), work.end, "LOC")
    return candidates


# A US party's member after the place they stand for ("a Manhattan Democrat", "the Texas Republican": a person or an
# organisation to the English model; s49-entities-en): ``places_of_party_members``.
PARTY_MEMBER_AFTER_A_PLACE = re.compile(r"[^\S\n]+(?:Democrat|Republican)$")
# New York's boroughs the place gazetteers lack ("a Queens Democrat", "a Bronx Republican"; s49-entities-en2: "Queens"
# from the s49-entities-en blind set, the other two completing the five with "Brooklyn" and "Manhattan", which the
# gazetteers know). Read only here: in the shared gazetteers "Queens" alone would be a place in "Queens Park Rangers".
NEW_YORK_BOROUGHS = frozenset({"Queens", "Bronx", "Staten Island"})


def places_of_party_members(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with an English person or organisation that is a place the gazetteers know (or a borough of
    ``NEW_YORK_BOROUGHS``) and a party's member (``PARTY_MEMBER_AFTER_A_PLACE``) made the place alone: the member's
    noun names no one ("Liberal Democrat" and the plural parties, "Sweden Democrats", stay as they are)."""
    if " Democrat" not in text and " Republican" not in text:  # the text first: most have neither
        return candidates
    for member in [c for c in candidates if c.label in ("ORG", "PER")]:
        noun = PARTY_MEMBER_AFTER_A_PLACE.search(text, member.start, member.end)
        if noun is not None and is_place_of_members(text[member.start:noun.start()]):
            candidates = with_span_as(candidates, member.start, noun.start(), "LOC")
    return candidates


def is_place_of_members(words: str) -> bool:
    """Whether the words before a party's member name a place: the gazetteers' or a borough of New York's."""
    return words in NEW_YORK_BOROUGHS or words in place_names()


# An officer's lowercase role after a body's acronym ("ACCC chair Gina Cass-Gottlieb", "the FCA chief": the acronym a
# person to the English model; s49-entities-en): ``acronyms_before_their_officers``.
ACRONYM = re.compile(r"[A-Z]{2,6}")
OFFICER_AFTER_AN_ACRONYM = re.compile(
    r"[^\S\n]+(?:chair|chairman|chairwoman|chief|boss|head|director|administrator|commissioner|spokesman|spokeswoman"
    r"|spokesperson|president|secretary|leader)(?![\w-])")


def acronyms_before_their_officers(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with an English person that is one acronym (``ACRONYM``) before an officer's lowercase role
    (``OFFICER_AFTER_AN_ACRONYM``) made an organisation: a body has a chair or a chief, and a person's initials before
    one ("JFK chief") are not how news writes."""
    for person in [c for c in candidates if c.label == "PER" and c.end - c.start < 7]:
        if ACRONYM.fullmatch(text, person.start, person.end) and OFFICER_AFTER_AN_ACRONYM.match(text, person.end):
            candidates = with_span_as(candidates, person.start, person.end, "ORG")
    return candidates


# A Portuguese work's noun, maybe a connector, and its name ("a ponte 25 de Abril", "o túnel do Marão", "a barragem de
# Castelo de Bode": missed, or a person to the model): ``works_named_after_their_nouns``.
# A monastery, a palace, a castle, a shrine or a port is named after its place too ("o mosteiro da Batalha" missed, "o
# mosteiro de Alcobaça" a person; entities45 and entities46).
WORK_NOUNS_PT = frozenset(
    "ponte túnel barragem viaduto autoestrada auto-estrada rodovia represa albufeira eclusa mosteiro convento palácio "
    "castelo santuário porto".split())
WORK_NAME_PT = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(WORK_NOUNS_PT))})"
    r"[^\S\n]+(?:d[aeo]s?[^\S\n]+)?((?:\d+|[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*)(?:[^\S\n]+(?:d[aeo]s?[^\S\n]+)?"
    r"[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*){0,3})(?![\w-])")


def works_named_after_their_nouns(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the name after a Portuguese work's noun (``WORK_NAME_PT``) a place where the model missed it
    or took it for a person or an organisation: a bridge, a tunnel or a dam named after a date, a person or a hill
    is the work's place ("a ponte Presidente Dutra", "o túnel do Marão")."""
    if spaced_words(text).isdisjoint(WORK_NOUNS_PT):
        return candidates
    return with_places_told(candidates, text, WORK_NAME_PT)


def with_places_told(candidates: list[Candidate], text: str, place_told: re.Pattern[str],
                     spared: frozenset[str] = frozenset()) -> list[Candidate]:
    """``candidates`` with each name of ``place_told``'s first group a place, where nothing covers it or a person or an
    organisation does (a place found there stays), but a person whose name is one of ``spared``."""
    for match in place_told.finditer(text):
        start, end = match.span(1)
        labels = labels_at(candidates, start, end)
        if "PER" in labels and match.group(1) in spared:
            continue
        if is_uncovered(candidates, start, end) or labels & {"PER", "ORG"}:
            candidates = with_span_as(candidates, start, end, "LOC")
    return candidates


# A feminine word before a Portuguese name that the noun left out makes a road's or a street's, after a word that is
# no passive's participle ("voltaram pela [rodovia] Fernão Dias", "a loja na [rua] Oscar Freire"):
# ``roads_named_after_men``. Not "a", a preposition too ("disse a João Silva"), nor "da" or "à", which a woman's name
# takes ("os fãs da Taylor Swift", "uma homenagem à Britney Spears"), nor "pela" after a participle ("conduzida pela
# Jennifer Lopez"): the training data's given names hold women's of every language, ``feminine_given_names.txt`` only
# the Portuguese ones (found at merge, session 41: "à Britney Spears" on the WikiANN-pt test split, the others written
# to try it).
ROAD_ARTICLE_PT = re.compile(r"(?<![\w-])(?!(?:\w+(?:d[oa]s?|it[oa]s?|st[oa]s?)|entregue|feito|feita|foi|é|será|por)"
                             r"[^\S\n]+pela[^\S\n]+$)[\w-]+[^\S\n]+(?:na|pela)[^\S\n]+$")


@functools.cache
def mens_given_names() -> frozenset[str]:
    """The given names of both languages that are not a Portuguese woman's (``feminine_given_names.txt``)."""
    return all_given_names() - word_list(FEMININE_GIVEN_NAMES_FILE)


def roads_named_after_men(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a Portuguese person of two words or more, a man's given name first (a given name that is
    not a woman's, ``feminine_given_names.txt``), after "na" or "pela" (``ROAD_ARTICLE_PT``) made a place: the
    article agrees with the road's or the street's noun left out ("voltaram pela Fernão Dias", "a loja na Oscar
    Freire": people to the model), never with a man."""
    for person in [c for c in candidates if c.label == "PER"]:
        words = text[person.start:person.end].split()
        if len(words) > 1 and words[0] in mens_given_names() \
                and ROAD_ARTICLE_PT.search(text, max(0, person.start - 40), person.start) is not None \
                and labels_at(candidates, person.start, person.end) == {"PER"}:
            candidates = with_span_as(candidates, person.start, person.end, "LOC")
    return candidates


# Things sent that reach a person ("A carta chegou a Maria"): ``places_arrived_at``.
SENT_THINGS_PT = frozenset("carta cartas denúncia denúncias convite convites mensagem mensagens notícia proposta pedido "
                           "e-mail queixa recado ofício intimação".split())
# A Portuguese verb of arriving and "a" before one capitalised word ("Os peregrinos chegaram a Fátima", a person to the
# model): ``places_arrived_at``.
ARRIVED_AT_PT = re.compile(r"(?<!\S)cheg(?:ou|aram|a|am|ará|arão|ando|ar|aria|ariam|ue|uem)[^\S\n]+a[^\S\n]+"
                           r"([A-ZÀ-Ý][a-zà-ÿ][\w-]*)(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")


def places_arrived_at(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the one word after a Portuguese verb of arriving and "a" (``ARRIVED_AT_PT``) a place where
    the model or a given name's rule took it for a person or missed it: one arrives at a town ("chegaram a Fátima",
    "chegaram a Aparecida": given names too, the second a place to the model and a person to a rule), and a person
    reached is named whole ("a denúncia chegou a Maria Silva", two words, stays); but where the text names a thing sent
    (``SENT_THINGS_PT``), a given name the model took for a person stays one: a letter reaches someone ("A carta
    chegou a Maria", a place at the first try; entities46)."""
    if "cheg" not in text:
        return candidates
    spared = all_given_names() if not spaced_words(text).isdisjoint(SENT_THINGS_PT) else frozenset()
    return with_places_told(candidates, text, ARRIVED_AT_PT, spared=spared)


# What stands before a place named after a person: a feminine article, the road's or the street's noun left out
# ("na Oscar Freire", entities45's blind), or the noun of a work or a building ("da refinaria Alberto Pasqualini",
# Paramopama): ``people_named_like_towns`` leaves such a place alone.
BEFORE_A_PLACE_NAMED_AFTER_A_PERSON_PT = re.compile(
    r"(?<![\w-])(?:na|pela|da|à|refinaria|usina|ponte|rua|avenida|praça|estação|escola|colégio|hospital|estádio"
    r"|aeroporto|teatro|edifício|fazenda|barragem|rodovia)[^\S\n]+$")


def people_named_like_towns(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a Portuguese place of two capitalised words, a given name first, that no gazetteer knows as
    a place, made a person: "a obra de Conceição Evaristo" was a place to the model, whose towns named after a saint
    ("Conceição do Mato Dentro") taught it the first word; a town of two such words the gazetteers know stays ("Santa
    Maria", "Paulo Afonso"), and so does one after "em" (First HAREM's "em Lourenço Marques", Maputo's old name), and
    a name a rule knows as an organisation ("a Jerónimo Martins", "o festival João Rock"), and a place after a
    feminine article or a building's noun (``BEFORE_A_PLACE_NAMED_AFTER_A_PERSON_PT``)."""
    for place in [c for c in candidates if c.label == "LOC" and c.source == "model"]:
        name = text[place.start:place.end]
        words = name.split()
        if len(words) == 2 and words[0] in all_given_names() and words[1][:1].isupper() \
                and not {name, *words} & place_names() and not text.endswith(" em ", 0, place.start) \
                and labels_at(candidates, place.start, place.end) == {"LOC"} \
                and BEFORE_A_PLACE_NAMED_AFTER_A_PERSON_PT.search(text, max(0, place.start - 12), place.start) is None:
            candidates = with_span_as(candidates, place.start, place.end, "PER")
    return candidates


# The nouns of things a body makes or runs, after its possessive and a name ("its Helios system", "its IntelliVue
# monitors": organisations to the model): ``products_after_its``. A product's nouns (PRODUCT_NOUNS_AFTER, which name a
# product wherever they follow a name) and, after "its"/"their" only, the generic ones ("the NHS system" is no product).
OWNED_PRODUCT_NOUNS_EN = PRODUCT_NOUNS_AFTER_LOWER | frozenset(
    "system systems monitor monitors device devices scanner scanners software apps robot robots pump pumps implant "
    "implants headset headsets camera cameras battery batteries turbine turbines engine engines phone phones laptop "
    "laptops tablet tablets models router routers television televisions "
    # a service a company calls its own is what it sells, not another body ("its Freight Shuttle service", "its Sky
    # Glass service": an organisation and a product in two probes' truths, now a product in both; entities47)
    "service services".split())
PRODUCT_AFTER_ITS = re.compile(r"[^\S\n]+([a-z]+)")
# A name of one word, a comma, an article and a noun of a thing that talks or teaches ("Khanmigo, the tutor Khan
# Academy built": a place to the model; entities45, entities46): ``products_in_apposition``.
PRODUCT_APPOSED = re.compile(r",[^\S\n]+(?:the|an?)[^\S\n]+(?:[a-zA-Z-]+[^\S\n]+)?(?:tutor|chatbot|chatbots|assistant|app)"
                             r"(?![\w-])")


# Portuguese: a name, a comma, a masculine article, maybe one word, and a noun of a made thing ("apresentou o Amália,
# o primeiro modelo de linguagem", a person to the model), and a word that goes on the noun phrase: not a verb, as
# after a clause's subject ("segundo a TechInsights, o chip é fabricado"): ``products_apposed_pt``. Masculine only:
# "a modelo" is a woman who models, "a assistente" a woman who assists.
PRODUCT_APPOSED_PT = re.compile(r",[^\S\n]+(?:o|um)[^\S\n]+(?:[a-zà-ÿ-]+[^\S\n]+)?(?:modelo|chip|processador|"
                                r"supercomputador|chatbot|aplicativo|app|sensor|robô|satélite|foguete|foguetão)"
                                r"[^\S\n]+(?:d[aoe]s?|para|treinad[oa]|criad[oa]|desenvolvid[oa]|lançad[oa])[^\S\n]")


def products_apposed_pt(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a Portuguese name of one or two words apposed to a made thing's noun
    (``PRODUCT_APPOSED_PT``) made a product: what the apposition says it is ("o Amália, o primeiro modelo de
    linguagem treinado em português europeu")."""
    if ", o " not in text and ", um " not in text:
        return candidates
    for name in [c for c in candidates if c.label != "PRODUCT" and text.count(" ", c.start, c.end) < 2]:
        if PRODUCT_APPOSED_PT.match(text, name.end) is not None:
            candidates = with_span_as(candidates, name.start, name.end, "PRODUCT")
    return candidates


def products_after_its(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with an English organisation of one to three words after "its"/"their" and before a noun of a
    made thing (``OWNED_PRODUCT_NOUNS_EN``) made a product: what a body calls its own system is a thing it makes or
    runs, not the body ("NHS England said its Helios system", "Philips said its IntelliVue monitors", "Virgin Media
    said its Hub 5 router", "Eurotunnel said its Freight Shuttle service"); and a place of one word apposed to a
    tutor, a chatbot or an app (``PRODUCT_APPOSED``) a product: a place is no such thing ("Khanmigo, the tutor Khan
    Academy built")."""
    for owned in [c for c in candidates if c.label == "ORG" and text.count(" ", c.start, c.end) < 3]:
        noun = PRODUCT_AFTER_ITS.match(text, owned.end)
        if noun is not None and noun.group(1) in OWNED_PRODUCT_NOUNS_EN \
                and (text.endswith(" its ", 0, owned.start) or text.endswith(" their ", 0, owned.start)):
            candidates = with_span_as(candidates, owned.start, owned.end, "PRODUCT")
    for place in [c for c in candidates if c.label == "LOC" and text.startswith(", ", c.end)]:
        if " " not in text[place.start:place.end] and PRODUCT_APPOSED.match(text, place.end) is not None:
            candidates = with_span_as(candidates, place.start, place.end, "PRODUCT")
    return candidates


# A title of nobility or of the church, "of"/"de" and a place of one word before no capitalised word ("the Archbishop of
# York", "o Patriarca de Lisboa"; not WikiANN's race, "the Prince of Wales Stakes"): ``titles_as_people``.
TITLES_OF_PLACES_PT = frozenset("Arcebispo Bispo Patriarca Príncipe Princesa Duque Duquesa Cardeal".split())
TITLES_OF_PLACES = TITLES_OF_PLACES_PT | frozenset(
    "Archbishop Bishop Duke Duchess Prince Princess Earl Countess Marquess Viscount Patriarch Cardinal".split())
TITLE_OF_A_PLACE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(TITLES_OF_PLACES))})[^\S\n]+(?:of|de|d[ao]s?)[^\S\n]+"
    r"[A-ZÀ-Ý][a-zà-ÿ][\w-]*(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")


def titles_as_people(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a place or an organisation over the words of a title of a place (``TITLE_OF_A_PLACE``) made
    the person who holds it, over the whole title: "the Archbishop of York" (a place to the model) is a man, and "o
    Patriarca de Lisboa" (its "Patriarca" an organisation) too; a place the model found alone after the title stays
    ("the Duke of Kent" with "Kent" a place), and so does a Portuguese title that is an organisation whole, a club
    named after a town named after one ("O Duque de Caxias venceu o Vasco": found at merge, session 41; an English one
    whole is still a person, "The Duke of Kent, patron of ...", the model's organisation)."""
    if not contains_any(text, TITLES_OF_PLACES):  # not spaced words: "(Bishop of Barbados)"
        return candidates
    for title in TITLE_OF_A_PLACE.finditer(text):
        if text.endswith(" em ", 0, title.start()):
            continue  # a town named after a title ("em Duque de Caxias")
        head_end = text.index(" ", title.start())
        over_head = [c for c in candidates if c.start < head_end and title.start() < c.end]
        if over_head and all(c.label in ("LOC", "ORG") and title.start() <= c.start and c.end <= title.end()
                             for c in over_head) \
                and not (text[title.start():head_end] in TITLES_OF_PLACES_PT
                         and any(c.label == "ORG" and (c.start, c.end) == title.span() for c in over_head)):
            candidates = with_span_as(candidates, *title.span(), "PER")
    return candidates


# A person's honorific after a comma inside a model's span ("A GP in Cardiff, Dr Owen Price, said": "Cardiff, Dr Owen
# Price" one organisation to the model): ``people_apart_after_commas``.
HONORIFIC_AFTER_A_COMMA = re.compile(r",[^\S\n]+(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?[^\S\n]+"
                                     r"([A-Z][a-z][\w'’-]*(?:[^\S\n]+[A-Z][a-z][\w'’-]*){0,2})$")


def people_apart_after_commas(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with an English span that runs on over a comma and a person's honorific
    (``HONORIFIC_AFTER_A_COMMA``) cut in two: the person after the honorific, and before the comma a place where the
    gazetteer knows one (else nothing: a name apposed to a person is where or what they are)."""
    for candidate in [c for c in candidates if ", " in text[c.start:c.end]]:
        person = HONORIFIC_AFTER_A_COMMA.search(text, candidate.start, candidate.end)
        if person is None:
            continue
        before = text[candidate.start:person.start()]
        candidates = [c for c in candidates if c != candidate] + [Candidate(*person.span(1), "PER", candidate.source)]
        if before in place_names():
            candidates.append(Candidate(candidate.start, person.start(), "LOC", candidate.source))
    return candidates


# The far end of a stretch in Portuguese, "até", an article and one capitalised word ("filas até ao Montijo", an
# organisation to the model): ``places_at_a_stretchs_end``. Not a feast's day ("até ao Natal", "até à Páscoa").
STRETCH_END_PT = re.compile(r"(?<!\S)até[^\S\n]+(?:ao|à|a|o)[^\S\n]+(?!(?:Natal|Páscoa|Carnaval|Réveillon)(?![\w-]))"
                            r"([A-ZÀ-Ý][a-zà-ÿ][\w-]*)(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")


def places_at_a_stretchs_end(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the one word after "até" and an article (``STRETCH_END_PT``) a place where the model missed
    it or took it for an organisation or a person: a queue, a road or a trip runs as far as a place; a given name the
    model took for a person stays one ("até a Maria chegar", "até o João voltar": pt-BR's "até a"/"até o" is a
    conjunction's too; found at merge, session 41)."""
    return with_places_told(candidates, text, STRETCH_END_PT, spared=all_given_names()) if "até " in text \
        else candidates


# A full stop and a capital inside a span, after a word of three letters or more that is no abbreviation ("the Strait of
# Hormuz. The Prince of Wales" one place to the model; not "St. Louis", "J. R. R. Tolkien", "Warner Bros. Discovery",
# "Exmo. Senhor": the first try read the word from its second letter; nor "Sp. Braga", a club: found on the earlier
# probes): ``names_cut_at_full_stops``.
FULL_STOP_INSIDE = re.compile(r"(?<![\w.'’-])([A-Za-zÀ-ÿ][a-zà-ÿ]{2,})\.[^\S\n]+(?=[A-ZÀ-Ý])")


def names_cut_at_full_stops(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with a span run on over a sentence's full stop cut to the name before it: a name ends with its
    sentence, and the words after the stop are a name of their own or none ("The Prince of Wales" a title, "The
    Environment Agency" found apart). Not a span of several stops, a title so written ("Love. Angel. Music. Baby.",
    an album: found by tests/test_entities.py at the first try)."""
    for candidate in [c for c in candidates if text.count(". ", c.start, c.end) == 1]:
        stop = FULL_STOP_INSIDE.search(text, candidate.start, candidate.end)
        if stop is not None and stop.group(1).lower() not in ALL_ABBREVIATIONS:
            candidates = [c for c in candidates if c != candidate] + [
                Candidate(candidate.start, stop.end(1), candidate.label, candidate.source)]
    return candidates


# A code of letters and digits, two capitals first, before "da"/"do" and a capitalised name ("o KC-390 da Embraer" an
# organisation, "o drone AR3 da Tekever" one organisation to the model; entities45, entities46):
# ``products_of_their_makers``. Not "o G20 da ONU" nor "ao G-6 do Brasileirão" (one capital).
CODE_BEFORE_ITS_MAKER_PT = re.compile(
    r"((?=[A-Z-]*\d)[A-Z]{2}[A-Z\d]*(?:-[A-Z\d]+)*)[^\S\n]+d[ao][^\S\n]+([A-ZÀ-Ý][\w-]*)(?![\w-])")
ROAD_CODE_PREFIXES_PT = frozenset({"BR", "EN", "IC", "IP", *STATE_CODES})
# The word before the code: a masculine article (a plane, a drone, a chip; not "a COP30 da ONU") or a thing's noun.
BEFORE_A_PRODUCTS_CODE_PT = re.compile(r"(?<![\w-])(?:[Oo]|[Uu]m|do|no|pelo|ao|[a-zà-ÿ]{4,})[^\S\n]+$")


def products_of_their_makers(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's organisation or place, or a pattern's product, that opens with a code before
    "da"/"do" and a capitalised name (``CODE_BEFORE_ITS_MAKER_PT``, after ``BEFORE_A_PRODUCTS_CODE_PT``) cut into a
    product and its maker: a plane, a drone or a chip is made by a company ("o KC-390 da Embraer", the code an
    organisation; "o drone AR5 da Tekever", one organisation over a pattern's product; "O AR3 da Tekever", one
    place), which is named whole after it. Not a road's code ("o BR-116 da Bahia"). Read at the candidates' starts,
    not by a regex tried at every word."""
    for code in [c for c in candidates if c.label != "PER" and text[c.start:c.start + 2].isupper()]:
        match = CODE_BEFORE_ITS_MAKER_PT.match(text, code.start)
        if match is None or match.group(1).split("-")[0] in ROAD_CODE_PREFIXES_PT \
                or BEFORE_A_PRODUCTS_CODE_PT.search(text, max(0, code.start - 16), code.start) is None:
            continue
        over = [c for c in candidates if c.start < match.end(2) and match.start(1) < c.end]
        if all(c.label in ("ORG", "LOC") or (c.label == "PRODUCT" and c.end <= match.end(1)) for c in over) \
                and not any(c.end > match.end(2) for c in over):
            candidates = with_span_as(candidates, *match.span(1), "PRODUCT")
            if is_uncovered(candidates, *match.span(2)) or labels_at(candidates, *match.span(2)) == {"ORG"}:
                candidates = with_span_as(candidates, *match.span(2), "ORG")
    return candidates


# A Portuguese title before surnames joined by "e" ("o almirante Gouveia e Melo" two places, "o poeta Cruz e Sousa" two
# people to the model; entities45, entities46): ``surnames_joined_by_e``.
TITLES_BEFORE_SURNAMES_PT = frozenset(t.lower() for t in ROLE_TITLES) | frozenset(
    "almirante vice-almirante contra-almirante general tenente-general major-general brigadeiro marechal coronel "
    "tenente-coronel capitão major comandante embaixador embaixadora poeta poetisa escritor escritora pintor pintora "
    "ator atriz cantor cantora padre frei professor professora doutor doutora".split())


def surnames_joined_by_e(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with two capitalised words joined by "e" right after a person's title
    (``TITLES_BEFORE_SURNAMES_PT``) one person, over whatever the model found on them: a title names one holder, and
    Portuguese surnames are joined so ("o almirante Gouveia e Melo", "o embaixador Melo e Castro"). Not where the first
    is a given name or a gazetteer's or a rule's name is on either ("o presidente Lula e Janja": two people). Read at
    each " e " before a capital (``E_BEFORE_A_CAPITAL``, a literal re scans for), not by a regex of the titles tried
    at every character."""
    for joined in E_BEFORE_A_CAPITAL.finditer(text):
        at = joined.start()
        second = ONE_NAME_WORD.match(text, at + 3)
        first_start = text.rfind(" ", 0, at) + 1
        first = text[first_start:at]
        if second is not None and first[:1].isupper() and first[1:].islower() and first_start > 1 \
                and text[text.rfind(" ", 0, first_start - 1) + 1:first_start - 1] in TITLES_BEFORE_SURNAMES_PT \
                and first not in all_given_names() \
                and not any(c.start < second.end() and first_start < c.end and c.source != "model" for c in candidates) \
                and not any(c.start < first_start < c.end or c.start < second.end() < c.end for c in candidates):
            candidates = with_span_as(candidates, first_start, second.end(), "PER")
    return candidates


# " e " before a capital, and one capitalised word that no capitalised word follows (``surnames_joined_by_e``).
E_BEFORE_A_CAPITAL = re.compile(r" e (?=[A-ZÀ-Ý])")
ONE_NAME_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?![\w-]|[^\S\n]+[A-ZÀ-Ý])")


# A text's words of traffic on a road ("Os caminhões seguiram pela Washington Luís", "lentidão na Carvalho Pinto":
# organisations to the model; entities45, entities46): ``roads_of_traffic``.
TRAFFIC_WORDS_PT = frozenset(
    "caminhões caminhão carretas carreta motoristas motorista trânsito lentidão congestionamento congestionamentos "
    "interditada interditadas interdição pista pistas rodovia rodovias estrada pedágio km quilômetro engavetamento "
    "tráfego".split())
# (or "da" after a stretch's noun: "novos trechos da Régis Bittencourt", an organisation; s46-entities2)
ROAD_BEFORE_PT = re.compile(r"(?<![\w-])(?:(na|pela|(?:trechos?|pistas?|faixas?|acostamento)[^\S\n]+da)|a)[^\S\n]+$")
# How far before a model's span ``roads_of_traffic`` reads its article ("trechos da ").
ROAD_ARTICLE_CONTEXT = 16
# The heads of a public body's name, which no road's is ("a Polícia Militar" in a text of traffic).
PUBLIC_BODY_HEADS_PT = frozenset("polícia secretaria prefeitura concessionária departamento ministério guarda corpo "
                                 "defesa receita justiça câmara assembleia universidade".split())


# "a" that opens a clause, an article and no preposition ("À tarde, a Raposo Tavares ficou lenta"), also a clause that
# "que" opens ("informou que a Ayrton Senna opera normalmente", a person; s45-entities blind): ``roads_of_traffic``.
ARTICLE_OPENING_A_CLAUSE_PT = re.compile(r"(?:^|[,.;:][^\S\n]+|[^\S\n](?:e|que)[^\S\n]+)[Aa][^\S\n]+$")


# A verb that closes or opens a road, and "a", its object's article ("a carreta interditou a Bandeirantes", an
# organisation to the model; s45-entities): ``roads_of_traffic`` takes one word after it too.
ROAD_VERB_BEFORE_PT = re.compile(r"(?<![\w-])(?:interdit|bloque|fech|liber|reabr)(?:ou|aram|a|am)[^\S\n]+a[^\S\n]+$")


def is_road_opening_a_clause(text: str, start: int, first_word: str) -> bool:
    """Whether a person's name at ``start`` comes after "a" opening a clause (``ARTICLE_OPENING_A_CLAUSE_PT``), no
    woman's given name first: the feminine article is the road's left out ("a Raposo Tavares ficou lenta"), as "a"
    after a verb is a preposition before a person ("disse a Pedro Álvares")."""
    return ARTICLE_OPENING_A_CLAUSE_PT.search(text, max(0, start - 8), start) is not None \
        and first_word not in word_list(FEMININE_GIVEN_NAMES_FILE)


# A group's acronym and a word with a capital inside, its road concession's name ("a CCR AutoBAn", "a CCR RodoAnel":
# the model stopped at "CCR"; s46-entities): ``concessions_of_road_groups``.
CONCESSION_AFTER_ACRONYM = re.compile(r"[^\S\n]+[A-Z][a-z]+[A-Z][A-Za-z]*(?![\w-])")


def concessions_of_road_groups(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's organisation in capitals run on over the word after it that has a capital
    inside (``CONCESSION_AFTER_ACRONYM``), where the text tells of traffic (``TRAFFIC_WORDS_PT``): the group's road
    concession, one organisation ("nas rodovias da CCR ViaOeste"). Not elsewhere: a maker's acronym before such a
    word is its product ("HP EliteBook")."""
    acronyms = [c for c in candidates if c.label == "ORG" and c.source == "model" and text[c.start:c.end].isupper()]
    if not acronyms or spaced_words(text).isdisjoint(TRAFFIC_WORDS_PT):
        return candidates
    for acronym in acronyms:
        unit = CONCESSION_AFTER_ACRONYM.match(text, acronym.end)
        if unit is not None:
            candidates = with_span_as(candidates, acronym.start, unit.end(), "ORG")
    return candidates


def roads_of_traffic(candidates: list[Candidate], text: str) -> list[Candidate]:
    """``candidates`` with the model's organisation or person of one to four capitalised words after "na" or "pela",
    or its organisation after "a", made a place, where the text tells of traffic (``TRAFFIC_WORDS_PT``): the feminine
    article is the road's ("a rodovia", left out), and Brazil's roads are named after people ("pela Washington Luís",
    "na Carvalho Pinto", "a Via Anchieta"). A name a gazetteer or a rule knows stays, and so do a person after "a",
    a preposition too ("disse a Pedro Álvares"), unless the "a" opens a clause (``is_road_opening_a_clause``), and a
    body named by its head ("a Polícia Militar", ``PUBLIC_BODY_HEADS_PT``, and the company and body nouns)."""
    if spaced_words(text).isdisjoint(TRAFFIC_WORDS_PT):
        return candidates
    for name in [c for c in candidates if c.label in ("ORG", "PER") and c.source == "model"]:
        words = text[name.start:name.end].split()
        article = ROAD_BEFORE_PT.search(text, max(0, name.start - ROAD_ARTICLE_CONTEXT), name.start)
        # one word after "na"/"pela" too ("pela Anhanguera", "na Dutra": organisations; entities46, entities47)
        closed = len(words) == 1 and ROAD_VERB_BEFORE_PT.search(text, max(0, name.start - 16), name.start) is not None
        if article is not None and (1 < len(words) < 5 or (len(words) == 1 and article.group(1)) or closed) \
                and (article.group(1) or name.label == "ORG" or is_road_opening_a_clause(text, name.start, words[0])) \
                and all(word[:1].isupper() and not word.isupper() for word in words) \
                and words[0].lower() not in PUBLIC_BODY_HEADS_PT | body_and_company_nouns("pt"):
            candidates = with_span_as(candidates, name.start, name.end, "LOC")
    return candidates
