"""Train and evaluate Anota's small statistical spaCy NER pipelines (PER/LOC/ORG).

Offline build tool, never imported by the server (the server only loads the saved model dirs).

    .venv/bin/python -m plugins.ner_training DATA/ner --lang all --out plugins/models

DATA/ner is a folder of the public NER data below, in its usual CoNLL/IOB2 files
(paths relative to it):
  pt train: wikiann-pt/train.iob2 + harem-conll/corpus_Paramopama.txt
            + harem-conll/corpus_First_HAREM.txt (last 10% of sentences held out as dev)
            [+ lener-br/train.conll with --lener]
  en train: wikiann-en/train.iob2
  dev (model selection): wikiann-<lang>/dev.iob2 (+ the First HAREM hold-out for pt)
  test (reporting only): wikiann-<lang>/test.iob2, harem-conll/corpus_miniHAREM.txt, lener-br/test.conll

The helpers `read_conll_sentences` and `evaluate` are reused by the quality benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import numpy

if TYPE_CHECKING:  # spaCy is imported where a model is built, so that --help stays fast
    from spacy.language import Language
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import Model, Optimizer
    from spacy.vectors import Vectors
    from spacy.vocab import Vocab

LABELS = ("PER", "LOC", "ORG")
# HAREM / LeNER-Br category names -> our labels; every other category becomes O.
LABEL_MAP = {
    "PER": "PER", "LOC": "LOC", "ORG": "ORG",
    "PESSOA": "PER", "LOCAL": "LOC", "ORGANIZACAO": "ORG",
}
SEED = 0

Sentence = list[tuple[str, str]]  # (token, IOB2 tag over LABELS)
Span = tuple[int, int, str]  # (start_char, end_char, label)

# ---------------------------------------------------------------------------
# Reading data
# ---------------------------------------------------------------------------


def _split_line(line: str, fmt: str) -> tuple[str, str]:
    """Return (token, raw tag) for one non-blank line of the given format."""
    if fmt == "lener":
        token, tag = line.rsplit(" ", 1)
        return token, tag
    token, tag = line.rsplit("\t", 1)
    if fmt == "wikiann" and len(token) > 3 and token[2] == ":":
        token = token[3:]  # strip the "pt:" / "en:" language prefix
    return token, tag


def _to_iob2(raw_tags: list[str], fmt: str) -> list[str]:
    """Normalise IOB2 (wikiann, lener) or IO (harem) tags to IOB2 over LABELS."""
    tags: list[str] = []
    prev = "O"
    for raw in raw_tags:
        if fmt == "harem":
            # IO scheme: a run of tokens with the same type is one entity.
            label = LABEL_MAP.get(raw)
            tag = "O" if label is None else ("I-" if prev == label else "B-") + label
            prev = label or "O"
        else:
            prefix, _, name = raw.partition("-")
            label = LABEL_MAP.get(name)
            if raw == "O" or label is None:
                tag = "O"
            elif prefix == "I" and tags and tags[-1] in (f"B-{label}", f"I-{label}"):
                tag = f"I-{label}"
            else:  # B-, or an I- that does not continue an entity (IOB1 style)
                tag = f"B-{label}"
        tags.append(tag)
    return tags


def read_conll_sentences(path: str | Path, fmt: str) -> list[Sentence]:
    """Read a CoNLL-like file into sentences of (token, IOB2 tag).

    fmt: "wikiann" (`pt:token<TAB>IOB2`), "harem" (`token<TAB>IO type`), "lener" (`token IOB`).
    Tags are mapped to PER/LOC/ORG; other categories (TEMPO, VALOR, LEGISLACAO...) become O.
    """
    if fmt not in ("wikiann", "harem", "lener"):
        raise ValueError(f"unknown format {fmt!r}")
    sentences: list[Sentence] = []
    rows: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line.strip():
                rows.append(_split_line(line, fmt))
                continue
            if rows:
                sentences.append(_finish(rows, fmt))
                rows = []
    if rows:
        sentences.append(_finish(rows, fmt))
    return sentences


def _finish(rows: list[tuple[str, str]], fmt: str) -> Sentence:
    words = [w for w, _ in rows]
    return list(zip(words, _to_iob2([t for _, t in rows], fmt)))


# ---------------------------------------------------------------------------
# Detokenisation: the corpora are pre-tokenised, the server sees raw text.
# ---------------------------------------------------------------------------

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "»", "”", "’", "...", "…",
                   "'s", "'S", "n't", "'re", "'ve", "'ll", "'m", "'d"}
NO_SPACE_AFTER = {"(", "[", "{", "«", "“", "‘", "$"}
TOGGLE_QUOTES = {'"', "''", "``"}


def guess_spaces(words: list[str]) -> list[bool]:
    """Guess whether each token is followed by a space, so the text looks like normal prose."""
    spaces = [True] * len(words)
    quote_open = False
    for i, word in enumerate(words):
        if word in TOGGLE_QUOTES:
            # Straight quotes alternate open/close: glue to the quoted text.
            if quote_open and i > 0:
                spaces[i - 1] = False
            elif not quote_open:
                spaces[i] = False
            quote_open = not quote_open
        elif word in NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
        if word in NO_SPACE_AFTER:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def sentence_to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """Build a gold Doc (entities set) with realistic spacing."""
    from spacy.tokens import Doc

    words = [w for w, _ in sentence]
    return Doc(vocab, words=words, spaces=guess_spaces(words), ents=[t for _, t in sentence])


# ---------------------------------------------------------------------------
# Pipeline construction
# ---------------------------------------------------------------------------

# Portuguese abbreviations that must not end a sentence. "mar." is left out on purpose:
# "mar" (sea) often ends a sentence.
PT_ABBREVIATIONS = [
    "Dra.", "Drs.", "Dras.", "Srs.", "Sras.", "Srta.", "Prof.", "Profa.", "Profs.",
    "Exmo.", "Exma.", "Ilmo.", "Ilma.", "Des.", "Min.", "Dep.", "Eng.", "Sto.", "Sta.",
    "Ltda.", "LTDA.", "ltda.", "Cia.", "Inc.", "Co.", "nº.", "núm.", "págs.", "vol.", "cap.",
    "fls.", "fl.", "ex.", "obs.", "aprox.", "tel.",
    "jan.", "fev.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez.",
    "Jan.", "Fev.", "Abr.", "Mai.", "Jun.", "Jul.", "Ago.", "Set.", "Out.", "Nov.", "Dez.",
]


def add_tokenizer_exceptions(nlp: Language) -> None:
    """Keep Portuguese abbreviations as single tokens (spaCy's pt defaults miss Dra., Ltda., jan.)."""
    if nlp.lang != "pt":
        return
    from spacy.attrs import ORTH

    for abbr in PT_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def ner_model_config(width: int, depth: int, rows: list[int], static_vectors: bool = False) -> dict:
    """Transition NER with its own CNN tok2vec; hash embeddings of NORM/PREFIX/SUFFIX/SHAPE,
    and with ``static_vectors`` the vocab's vectors (word classes or a source pipeline's).

    SHAPE and affixes matter because there are no pretrained vectors offline.
    """
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": width,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": rows,
                "include_static_vectors": static_vectors,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": width,
                "depth": depth,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    }


def _lookups_table(lang: str, table: str, flag: str) -> dict:
    """One of spacy-lookups-data's tables (build-time only: the `train` extra)."""
    import gzip

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_{table}.json.gz"
    if not path.exists():
        raise SystemExit(f"{flag}: spacy-lookups-data has no {table} table for {lang!r} ({path.name})")
    with gzip.open(path) as data:
        return json.load(data)


def load_word_classes(lang: str) -> dict[str, str]:
    """The Brown clusters that spacy-lookups-data ships (for English 1,000 classes
    over 190,000 words, learnt from a large corpus): word -> class. They bring what
    the training names cannot: "Paris", "London" and "Toronto" share a class, and on
    WikiANN-en dev 89% of the entity words of class 502 are PER and 84% of class 3270
    ORG. Build-time only (the `train` extra): the vectors are saved with the model."""
    table = _lookups_table(lang, "lexeme_cluster", "--cluster-vectors")
    return {word: cluster for word, cluster in table.items() if cluster}


def frequent_words(lang: str, count: int) -> set[str]:
    """The ``count`` most probable words of spacy-lookups-data's word frequencies."""
    probs = _lookups_table(lang, "lexeme_prob", "--vector-words")
    return set(sorted(probs, key=probs.__getitem__, reverse=True)[:count])


def cluster_vectors(lang: str, word_classes: dict[str, str]) -> Vectors:
    """Word classes as static vectors, one-hot, so that the model learns one
    embedding per class. Words without a class get no vector."""
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    rows = {cluster: row for row, cluster in enumerate(sorted(set(word_classes.values())))}
    vectors = Vectors(data=numpy.eye(len(rows), dtype="float32"), name=f"{lang}_brown_clusters")
    for word, cluster in word_classes.items():
        vectors.add(get_string_id(word), row=rows[cluster])
    return vectors


def prune_vectors(vectors: Vectors, words: Iterable[str]) -> Vectors:
    """Only the keys of ``words`` and the rows they point to: a pipeline's
    vector table (en_core_web_md: 684,830 keys over 20,000 rows, 32 MB) made
    small enough to ship. A word left out gets no vector, as an unknown word."""
    from spacy.strings import get_string_id
    from spacy.vectors import Vectors

    keys = {key for key in map(get_string_id, words) if key in vectors.key2row}
    old_rows = sorted({vectors.key2row[key] for key in keys})
    new_row = {old: new for new, old in enumerate(old_rows)}
    pruned = Vectors(data=numpy.ascontiguousarray(vectors.data[old_rows]), name=vectors.name)
    for key in keys:
        pruned.add(key, row=new_row[vectors.key2row[key]])
    return pruned


def build_pipeline(lang: str, width: int = 96, depth: int = 4,
                   rows: tuple[int, ...] = (20000, 5000, 10000, 2500), vectors: Vectors | None = None) -> Language:
    """Blank pt/en pipeline: default tokenizer (+ pt abbreviations) and one NER component,
    which also reads the static ``vectors`` (spacy.vectors.Vectors) when given."""
    import spacy

    nlp = spacy.blank(lang)
    add_tokenizer_exceptions(nlp)
    if vectors is not None:
        nlp.vocab.vectors = vectors
    ner = nlp.add_pipe("ner", config={"model": ner_model_config(width, depth, list(rows), vectors is not None)})
    for label in LABELS:
        ner.add_label(label)
    return nlp


# ---------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------


def _gold_spans(doc: Doc) -> set[Span]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}


def _merge_adjacent(spans: set[Span], text: str) -> set[Span]:
    """Merge same-label spans separated only by whitespace (what IO-tagged gold cannot separate)."""
    merged: list[list] = []
    for start, end, label in sorted(spans):
        if merged and merged[-1][2] == label and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end, label])
    return {tuple(m) for m in merged}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def evaluate(nlp: Language, sentences: list[Sentence], mode: str = "raw", merge_adjacent: bool = False,
             batch_size: int = 256) -> dict:
    """Exact span+label micro P/R/F1 over PER/LOC/ORG.

    mode="raw": run the whole pipeline (its own tokenizer) on the reconstructed text and
    compare character spans - what the server sees. mode="gold_tokens": keep the corpus
    tokenisation and run only the pipeline components.
    merge_adjacent: also merge adjacent same-label predictions (use for IO-tagged gold, HAREM).
    """
    gold_docs = [sentence_to_doc(nlp.vocab, s) for s in sentences]
    if mode == "raw":
        inputs: Iterable = (d.text for d in gold_docs)
    elif mode == "gold_tokens":
        inputs = (sentence_to_doc(nlp.vocab, [(w, "O") for w, _ in s]) for s in sentences)
    else:
        raise ValueError(f"unknown mode {mode!r}")
    counts = {label: [0, 0, 0] for label in LABELS}
    for gold_doc, pred_doc in zip(gold_docs, nlp.pipe(inputs, batch_size=batch_size)):
        gold = _gold_spans(gold_doc)
        pred = _gold_spans(pred_doc)
        if merge_adjacent:
            pred = _merge_adjacent(pred, gold_doc.text)
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            counts[label][0] += len(g & p)
            counts[label][1] += len(p - g)
            counts[label][2] += len(g - p)
    scores = {label: _prf(*c) for label, c in counts.items()}
    scores["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return scores


# ---------------------------------------------------------------------------
# Data sets per language
# ---------------------------------------------------------------------------


def load_datasets(data_dir: Path, lang: str, use_lener: bool, train_on_dev: bool = False,
                  other_wikiann: tuple[str, ...] = ()) -> dict[str, dict[str, list[Sentence]]]:
    """Return {"train": {...}, "dev": {...}, "test": {...}} of named sentence lists.
    ``train_on_dev`` trains on WikiANN dev too, all but its selection sample,
    which then is the only WikiANN dev set scored. ``other_wikiann`` adds the
    WikiANN train splits of other languages: Wikipedia names the same people,
    places and organisations in every language, with the same labels."""
    wiki = data_dir / f"wikiann-{lang}"
    sets: dict[str, dict[str, list[Sentence]]] = {
        "train": {f"wikiann-{lang}": read_conll_sentences(wiki / "train.iob2", "wikiann")},
        "dev": {f"wikiann-{lang}": read_conll_sentences(wiki / "dev.iob2", "wikiann")},
        "test": {f"wikiann-{lang}": read_conll_sentences(wiki / "test.iob2", "wikiann")},
    }
    if train_on_dev:
        held_out, rest = split_selection_sample(sets["dev"][f"wikiann-{lang}"])
        sets["dev"][f"wikiann-{lang}"] = held_out
        sets["train"][f"wikiann-{lang}-dev"] = rest
    for other in other_wikiann:
        other_train = data_dir / f"wikiann-{other}/train.iob2"
        sets["train"][f"wikiann-{other}-train"] = read_conll_sentences(other_train, "wikiann")
    if lang != "pt":
        return sets
    harem = data_dir / "harem-conll"
    first = read_conll_sentences(harem / "corpus_First_HAREM.txt", "harem")
    # Every 10th block of 50 consecutive sentences is held out: unseen passages, spread over
    # the corpus (the plain tail has few entities).
    held = [(i // 50) % 10 == 9 for i in range(len(first))]
    sets["train"]["first-harem"] = [s for s, h in zip(first, held) if not h]
    sets["dev"]["first-harem-dev"] = [s for s, h in zip(first, held) if h]
    sets["train"]["paramopama"] = read_conll_sentences(harem / "corpus_Paramopama.txt", "harem")
    sets["test"]["miniharem"] = read_conll_sentences(harem / "corpus_miniHAREM.txt", "harem")
    lener = data_dir / "lener-br"
    if use_lener:
        sets["train"]["lener-br"] = read_conll_sentences(lener / "train.conll", "lener")
    sets["dev"]["lener-br-dev"] = read_conll_sentences(lener / "dev.conll", "lener")
    sets["test"]["lener-br"] = read_conll_sentences(lener / "test.conll", "lener")
    return sets


NAME_LABEL_SHARE = 0.8


def name_labels(sentences: Iterable[Sentence], vocab: Vocab,
                min_share: float = NAME_LABEL_SHARE) -> dict[str, tuple[str, int]]:
    """The names of two words or more in the training sentences (as the
    detokenised text spells them) that take one label in at least
    ``min_share`` of their mentions: name -> (label, mentions).

    The model mislabels names it was trained on ("Kingdom of Munster",
    "Scottish Exhibition and Conference Centre"), and WikiANN's labels follow
    the linked Wikipedia page, so a name keeps its label across sentences:
    relabelling the English model's exact spans by this table lifts WikiANN-en
    dev sample F1 by 0.008 (names seen once count: from two mentions on it is
    0.002). One word is left out: there the gain is nil and the labels are
    WikiANN's conventions, a city as its football club ("Swansea", "Nashville"
    as ORG), not what an annotator of news wants."""
    counts: dict[str, dict[str, int]] = {}
    for sentence in sentences:
        for ent in sentence_to_doc(vocab, sentence).ents:
            if len(ent.text.split()) > 1:
                by_label = counts.setdefault(ent.text, {})
                by_label[ent.label_] = by_label.get(ent.label_, 0) + 1
    table = {}
    for name, by_label in counts.items():
        label = max(sorted(by_label), key=by_label.__getitem__)
        mentions = sum(by_label.values())
        if by_label[label] >= min_share * mentions:
            table[name] = (label, mentions)
    return table


def write_name_labels(path: Path, table: dict[str, tuple[str, int]]) -> None:
    """The table as TSV (name, label, mentions), sorted by name."""
    rows = [f"{name}\t{label}\t{mentions}\n" for name, (label, mentions) in sorted(table.items())]
    path.write_text("".join(rows), encoding="utf-8")


GIVEN_NAME_MIN_PEOPLE = 3


def given_names(sentences: Iterable[Sentence], vocab: Vocab) -> list[str]:
    """The given names of the training sentences, sorted: first words of people of two words or more that open
    ``GIVEN_NAME_MIN_PEOPLE`` people or more and three times as many people as other names (as the English
    ``plugins.entities.given_names`` reads them from ``name_labels_en.tsv``), written as a name is (one capital,
    letters only, three or more), never lowercase in the sentences (no title: "Papa", "Dona", "Professor"; no
    common noun: "Rosa"), and not a surname, which ends a person's name more often than twice it opens one
    ("Almeida", "Coelho"; "Henrique" of "Fernando Henrique" stays)."""
    opening, inside, others, lowercase = Counter(), Counter(), Counter(), set()
    for sentence in sentences:
        doc = sentence_to_doc(vocab, sentence)
        lowercase.update(token.text for token in doc if token.text.islower())
        for ent in doc.ents:
            words = ent.text.split()
            if len(words) > 1 and ent.label_ == "PER":
                opening[words[0]] += 1
                inside.update(words[1:])
            elif len(words) > 1:
                others[words[0]] += 1
    return sorted(word for word, count in opening.items()
                  if count >= GIVEN_NAME_MIN_PEOPLE and count > 3 * others[word] and len(word) > 2 and word.isalpha()
                  and word[0].isupper() and word[1:].islower() and word.lower() not in lowercase
                  and inside[word] < 2 * count)


def write_given_names(data_dir: Path, lang: str, args: argparse.Namespace) -> None:
    """``--given-names``: the given names of the sentences the model trains on, one a line, under a header."""
    import spacy

    path = args.given_names / f"given_names_{lang}.txt"
    sets = load_datasets(data_dir, lang, args.lener, args.train_on_dev)
    sentences = [sentence for sents in sets["train"].values() for sentence in sents]
    names = given_names(sentences, spacy.blank(lang).vocab)
    flags = " --train-on-dev" * args.train_on_dev + " --lener" * args.lener
    header = (f"# Given names of the sentences the {lang} NER model trains on ({', '.join(sets['train'])}),\n"
              f"# written by python -m plugins.ner_training DATA/ner --lang {lang}{flags} --given-names DIR\n"
              "# (plugins.ner_training.given_names says which words are kept). Do not edit by hand.\n")
    path.write_text(header + "".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"{len(names)} given names of {len(sentences)} sentences -> {path}")


SELECTION_SAMPLE = 3000


def split_selection_sample(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """A fixed sample of WikiANN dev that chooses checkpoints, and the rest."""
    if len(sentences) <= SELECTION_SAMPLE:
        return sentences, []
    picked = random.Random(SEED).sample(range(len(sentences)), SELECTION_SAMPLE)
    chosen = set(picked)
    return [sentences[i] for i in picked], [s for i, s in enumerate(sentences) if i not in chosen]


def selection_sets(sets: dict[str, dict[str, list[Sentence]]]) -> dict[str, list[Sentence]]:
    """Dev sets used for per-epoch model selection: a fixed 3000-sentence sample of WikiANN
    dev (speed), plus the other dev sets of corpora that are trained on."""
    chosen: dict[str, list[Sentence]] = {}
    for name, sents in sets["dev"].items():
        if name.startswith("wikiann"):
            chosen[name] = split_selection_sample(sents)[0]
        elif name.removesuffix("-dev") in sets["train"]:
            chosen[name] = sents
    return chosen


def is_io(name: str) -> bool:
    """HAREM-derived sets carry IO tags, so adjacent same-type entities are merged in gold."""
    return "harem" in name


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


def make_examples(nlp: Language, sentences: list[Sentence]) -> list[Example]:
    """Pair the pipeline's own tokenisation of the raw text with the gold doc.

    Training on the runtime tokenizer's output (not the corpus tokens) teaches the model the
    tokens it will see in production; spaCy aligns the gold entities across the two.
    """
    from spacy.training import Example

    examples = []
    for sentence in sentences:
        gold = sentence_to_doc(nlp.vocab, sentence)
        examples.append(Example(nlp.make_doc(gold.text), gold))
    return examples


def _batches(examples: list, rng: random.Random) -> Iterator[list]:
    """One shuffled epoch, batches of about 1000 words (spaCy's default batch size)."""
    from spacy.training.batchers import minibatch_by_words

    order = examples[:]
    rng.shuffle(order)
    yield from minibatch_by_words(order, size=1000, tolerance=0.2, discard_oversize=False,
                                  get_length=lambda eg: len(eg.reference))


def _dev_score(nlp: Language, dev_sets: dict[str, list[Sentence]]) -> tuple[float, dict[str, float]]:
    """Selection metric: mean micro-F1 over the dev sets (so no single corpus dominates)."""
    f1s = {name: evaluate(nlp, sents, merge_adjacent=is_io(name))["micro"]["f"]
           for name, sents in dev_sets.items()}
    return sum(f1s.values()) / len(f1s), f1s


def train(nlp: Language, train_sets: dict[str, list[Sentence]], dev_sets: dict[str, list[Sentence]],
          best_dir: Path, max_minutes: float, max_epochs: int, weights: dict[str, int],
          resume: bool = False, eval_words: int = 150_000, patience: int = 8,
          dropout: float = 0.15, learn_rate: float = 0.001, init_from: Language | None = None) -> dict:
    """Adam + parameter averaging; evaluate every `eval_words` trained words and keep the best
    averaged weights on disk. resume=True continues from the (loaded) nlp's weights (a lower
    `learn_rate` then anneals a model that has stopped improving); ``init_from`` starts a new
    model from another pipeline's NER features (``copy_ner_features``)."""
    from spacy.util import fix_random_seed
    from thinc.api import Adam

    fix_random_seed(SEED)
    rng = random.Random(SEED)
    examples = []
    for name, sents in train_sets.items():
        examples += make_examples(nlp, sents) * weights.get(name, 1)  # oversample small in-domain sets
    optimizer = Adam(learn_rate=learn_rate, L2=1e-6, grad_clip=1.0, use_averages=True)
    if resume:
        nlp.resume_training(sgd=optimizer)
    else:
        nlp.initialize(lambda: examples[:2000])
        if init_from:
            copy_ner_features(init_from, nlp.get_pipe("ner"))
    state = {"start": time.time(), "best": -1.0, "bad": 0, "words": 0, "history": []}
    if resume:  # only save checkpoints that beat the model we start from
        state["best"] = _dev_score(nlp, dev_sets)[0]
    for epoch in range(1, max_epochs + 1):
        for batch in _batches(examples, rng):
            nlp.update(batch, drop=dropout, sgd=optimizer)
            before = state["words"]
            state["words"] += sum(len(eg.reference) for eg in batch)
            out_of_time = time.time() - state["start"] > max_minutes * 60
            if out_of_time or state["words"] // eval_words > before // eval_words:
                _checkpoint(nlp, optimizer, dev_sets, best_dir, state, epoch)
            if out_of_time or state["bad"] >= patience:
                return _summary(state, len(examples))
    _checkpoint(nlp, optimizer, dev_sets, best_dir, state, max_epochs)
    return _summary(state, len(examples))


# What --init-from does not need of a spaCy core pipeline (its NER has its own tok2vec).
OTHER_COMPONENTS = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]


def copy_ner_features(source: Language, ner: EntityRecognizer) -> None:
    """Start from the token features another spaCy pipeline's NER learnt (its
    tok2vec and hidden layer), with this model's own output layer: the labels
    differ (OntoNotes' PERSON/GPE/... against PER/LOC/ORG), the features of a
    name in running text do not. The architectures must match (``ner_architecture``).
    When the source's NER reads static vectors, this model reads the same ones
    (``model_vectors``) and their projection is copied too. Otherwise this model
    may still read vectors of its own (``--cluster-vectors``): their projection
    starts untrained and the layer that mixes the embeddings gets zero weights
    for them, so the copied features start out unchanged."""
    copy_vectors = ner_reads_vectors(source)
    for layer in ("tok2vec", "lower"):
        ours = [node for node in ner.model.get_ref(layer).walk(order="dfs_pre")
                if node.param_names and (copy_vectors or node.name != "static_vectors")]
        theirs = [node for node in source.get_pipe("ner").model.get_ref(layer).walk(order="dfs_pre")
                  if node.param_names]
        for target, origin in zip(ours, theirs, strict=True):
            for name in origin.param_names:
                target.set_param(name, _fitted(origin.get_param(name), target, name))


def ner_reads_vectors(source: Language) -> bool:
    """Whether a pipeline's NER embeds its static vectors (en_core_web_md's does, _sm's does not)."""
    embed = source.config["components"]["ner"]["model"]["tok2vec"]["embed"]
    return bool(embed.get("include_static_vectors")) and source.vocab.vectors.shape[0] > 0


def model_vectors(lang: str, source: Language | None, train_sets: dict[str, list[Sentence]],
                  args: argparse.Namespace) -> Vectors | None:
    """The static vectors a new model reads (spacy.vectors.Vectors, or None):
    the --init-from pipeline's own when its NER reads them, with --vector-words N
    only those of the training words and the N most frequent words; else the
    word classes with --cluster-vectors; else none."""
    if source is None or not ner_reads_vectors(source):
        return cluster_vectors(lang, load_word_classes(lang)) if args.cluster_vectors else None
    if args.cluster_vectors:
        raise SystemExit("--cluster-vectors: the --init-from pipeline's NER reads its own vectors, "
                         "which the model takes instead")
    if args.vector_words is None:
        return source.vocab.vectors
    words = {word for sentences in train_sets.values() for sentence in sentences for word, _ in sentence}
    return prune_vectors(source.vocab.vectors, words | frequent_words(lang, args.vector_words))


def _fitted(weights: numpy.ndarray, target: Model, name: str) -> numpy.ndarray:
    """``weights`` for the parameter ``name`` of the layer ``target``: the same
    shape, or a weight matrix with more inputs (its last dimension), the extra
    inputs weighted zero."""
    shape = target.get_param(name).shape
    if weights.shape == shape:
        return weights.copy()
    more_inputs = (name == "W" and target.has_dim("nI") and weights.shape[:-1] == shape[:-1]
                   and weights.shape[-1] < shape[-1])
    if not more_inputs:
        raise SystemExit(f"--init-from: the source's NER layer {target.name} ({weights.shape}) "
                         f"does not fit this model's ({shape})")
    widened = numpy.zeros(shape, dtype=weights.dtype)
    widened[..., : weights.shape[-1]] = weights
    return widened


def ner_architecture(source: Language) -> dict:
    """Width, depth and hash-embedding rows of a pipeline's NER tok2vec."""
    tok2vec = source.config["components"]["ner"]["model"]["tok2vec"]
    return {"width": tok2vec["embed"]["width"], "depth": tok2vec["encode"]["depth"],
            "rows": tuple(tok2vec["embed"]["rows"])}


def source_description(source: Language) -> str:
    """Where a model's starting features came from, with its licence and data."""
    meta = source.meta
    data = ", ".join(item["name"] for item in meta.get("sources", []))
    features = "NER features and word vectors" if ner_reads_vectors(source) else "NER features"
    return f"{features} of {meta['lang']}_{meta['name']} {meta['version']} ({meta.get('license')}; trained on {data})"


def _checkpoint(nlp: Language, optimizer: Optimizer, dev_sets: dict[str, list[Sentence]], best_dir: Path,
                state: dict, epoch: int) -> None:
    """Score the averaged weights on dev; save them if they are the best so far."""
    with nlp.use_params(optimizer.averages):
        score, f1s = _dev_score(nlp, dev_sets)
        if score > state["best"]:
            state["best"], state["bad"] = score, 0
            nlp.to_disk(best_dir)
        else:
            state["bad"] += 1
    row = {"epoch": epoch, "words": state["words"], "minutes": round((time.time() - state["start"]) / 60, 1),
           "dev_mean_f1": round(score, 4), **{k: round(v, 4) for k, v in f1s.items()}}
    state["history"].append(row)
    print(json.dumps(row), flush=True)


def _summary(state: dict, n_examples: int) -> dict:
    return {"minutes": round((time.time() - state["start"]) / 60, 1), "words": state["words"],
            "epochs": state["history"][-1]["epoch"] if state["history"] else 0,
            "best_dev_mean_f1": round(state["best"], 4), "train_examples": n_examples,
            "history": state["history"]}


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


def score_all(nlp: Language, sets: dict[str, dict[str, list[Sentence]]]) -> dict:
    """Scores on every dev and test set: raw-text (headline) and corpus-token variants."""
    out: dict = {}
    for split in ("dev", "test"):
        for name, sents in sets[split].items():
            key = f"{split}/{name}"
            out[key] = {"raw": evaluate(nlp, sents, "raw", merge_adjacent=is_io(name)),
                        "gold_tokens": evaluate(nlp, sents, "gold_tokens", merge_adjacent=is_io(name))}
            if is_io(name):  # also the strict number, without merging adjacent predictions
                out[key]["raw_unmerged"] = evaluate(nlp, sents, "raw")
    return out


def format_table(scores: dict) -> str:
    """Markdown table: one row per set x label."""
    lines = ["| set | label | P | R | F1 | F1 (corpus tokens) |", "|---|---|---|---|---|---|"]
    for key, variants in scores.items():
        for label in (*LABELS, "micro"):
            raw, tok = variants["raw"][label], variants["gold_tokens"][label]
            lines.append(f"| {key} | {label} | {raw['p']:.3f} | {raw['r']:.3f} | {raw['f']:.3f} | {tok['f']:.3f} |")
        if "raw_unmerged" in variants:
            m = variants["raw_unmerged"]["micro"]
            lines.append(f"| {key} (no IO merge) | micro | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} | |")
    return "\n".join(lines)


def dir_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def measure_speed(model_dir: Path, texts: list[str], batch_size: int = 64) -> dict:
    """Load time and nlp.pipe throughput (words/s, one process) of a saved pipeline."""
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(model_dir)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - start
    return {"load_s": round(load_s, 2), "words": words, "words_per_s": round(words / elapsed),
            "batch_size": batch_size}


def run_language(data_dir: Path, lang: str, out_dir: Path, args: argparse.Namespace) -> dict:
    """Convert, train, keep the best model (unless --eval-only), evaluate and write scores.json."""
    sets = load_datasets(data_dir, lang, args.lener, args.train_on_dev, tuple(args.other_wikiann))
    target = out_dir / f"ner-{lang}"
    if args.eval_only:
        info = json.loads((target / "scores.json").read_text())["training"]
    else:
        info = train_language(sets, lang, target, args)
    return report_language(sets, lang, target, info, args)


def write_training_names(data_dir: Path, lang: str, args: argparse.Namespace) -> None:
    """``--name-labels``: the name table of the sentences the model trains on."""
    import spacy

    sets = load_datasets(data_dir, lang, args.lener, args.train_on_dev)
    sentences = [sentence for sents in sets["train"].values() for sentence in sents]
    table = name_labels(sentences, spacy.blank(lang).vocab)
    path = args.name_labels / f"name_labels_{lang}.tsv"
    write_name_labels(path, table)
    print(f"{len(table)} names of {len(sentences)} sentences -> {path}")


def train_language(sets: dict, lang: str, target: Path, args: argparse.Namespace) -> dict:
    """Train in a scratch dir, then copy only the best checkpoint to the model dir."""
    import spacy

    source = spacy.load(args.init_from, exclude=OTHER_COMPONENTS) if args.init_from else None
    architecture = ner_architecture(source) if source else {"width": args.width, "depth": args.depth}
    # --resume continues from the shipped model (e.g. a second training session on a busy machine).
    nlp = spacy.load(target) if args.resume else build_pipeline(
        lang, **architecture, vectors=model_vectors(lang, source, sets["train"], args))
    previous = json.loads((target / "scores.json").read_text())["training"] if args.resume else None
    work = Path(args.work_dir) / f"ner-{lang}-best"
    shutil.rmtree(work, ignore_errors=True)
    work.parent.mkdir(parents=True, exist_ok=True)
    weights = {"first-harem": args.harem_weight}
    info = train(nlp, sets["train"], selection_sets(sets), work, args.max_minutes, args.max_epochs, weights,
                 resume=args.resume, dropout=args.dropout, learn_rate=args.learn_rate, init_from=source)
    if source:
        info["init_from"] = source_description(source)
    info["command"] = training_command(args.data_dir)  # kept when re-scoring with --eval-only
    if previous:
        info["previous_sessions"] = previous.pop("previous_sessions", []) + [previous]
        info["total_minutes"] = round(info["minutes"] + sum(p["minutes"] for p in info["previous_sessions"]), 1)
    if not work.exists():  # no checkpoint beat the resumed model's dev score: keep it
        return previous or info
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work, target)
    return info


SOURCES = {
    "wikiann": "WikiANN (Pan et al. 2017), attribution",
    "first-harem": "First HAREM, CoNLL version from Paramopama (Linguateca HAREM terms, research use)",
    "paramopama": "Paramopama (Mendonca Jr. et al. 2015)",
    "lener-br": "LeNER-Br (MIT)",
}


def stamp_meta(target: Path, lang: str, train_sets: list[str], info: dict) -> None:
    """Name the pipeline and record its training sources, and the pipeline its
    features started from (their terms travel with the model)."""
    path = target / "meta.json"
    meta = json.loads(path.read_text())
    sessions = info.get("previous_sessions", []) + [info]
    meta.update({"name": f"anota_ner_{lang}", "version": "1.0.0",
                 "description": f"Anota {lang} NER (PER/LOC/ORG): default tokenizer + CNN tok2vec/NER. "
                                "Built by plugins/ner_training.py.",
                 "sources": [v for k, v in SOURCES.items() if any(n.startswith(k) for n in train_sets)]
                 + [session["init_from"] for session in sessions if "init_from" in session]})
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))


def report_language(sets: dict, lang: str, target: Path, info: dict, args: argparse.Namespace) -> dict:
    """Score the saved model on all dev/test sets, measure speed, write scores.json."""
    import spacy

    stamp_meta(target, lang, list(sets["train"]), info)
    best = spacy.load(target)
    scores = score_all(best, sets)
    # Throughput on miniHAREM raw text for pt (news prose), WikiANN test for en.
    bench_set = sets["test"].get("miniharem") or sets["test"][f"wikiann-{lang}"]
    speed = measure_speed(target, [sentence_to_doc(best.vocab, s).text for s in bench_set])
    report = {"lang": lang, "command": training_command(args.data_dir), "train_sets": list(sets["train"]),
              "lener": args.lener, "harem_weight": args.harem_weight,
              **ner_architecture(best), "size_mb": dir_size_mb(target), "speed": speed,
              "training": info, "scores": scores}
    (target / "scores.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"\n## ner-{lang} ({info['minutes']} min, {info['epochs']} epochs, {report['size_mb']} MB, "
          f"load {speed['load_s']} s, {speed['words_per_s']} words/s)\n")
    print(format_table(scores), flush=True)
    return report


def training_command(data_dir: Path) -> str:
    """This run's command, without the machine's paths to the script and the
    data (which the model's users do not have): the data folder is ``DATA/ner``."""
    arguments = ["DATA/ner" if Path(argument) == data_dir else argument for argument in sys.argv[1:]]
    return " ".join(["python -m plugins.ner_training", *arguments])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="the folder of public NER data (DATA/ner: wikiann-pt, wikiann-en, harem-conll, ...)")
    parser.add_argument("--lang", choices=["pt", "en", "all"], default="all")
    parser.add_argument("--out", type=Path, default=Path("plugins/models"))
    parser.add_argument("--max-minutes", type=float, default=35.0, help="training wall-time cap per language")
    parser.add_argument("--max-epochs", type=int, default=40)
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--cluster-vectors", action="store_true",
                        help="word classes (Brown clusters of spacy-lookups-data, English) as static vectors")
    parser.add_argument("--init-from", help="a spaCy pipeline (installed package or folder) whose NER features "
                        "start the model, e.g. en_core_web_sm; if its NER reads word vectors, the model takes them")
    parser.add_argument("--vector-words", type=int, metavar="N",
                        help="keep only the --init-from vectors of the training words and the N most frequent words")
    parser.add_argument("--harem-weight", type=int, default=2, help="oversampling of First HAREM (news domain)")
    parser.add_argument("--lener", action="store_true", help="also train on LeNER-Br (legal domain)")
    parser.add_argument("--train-on-dev", action="store_true",
                        help="also train on WikiANN dev, all but the sample that selects checkpoints")
    parser.add_argument("--other-wikiann", nargs="*", default=[], metavar="LANG",
                        help="also train on these languages' WikiANN train splits (pt for en)")
    parser.add_argument("--resume", action="store_true", help="continue training the saved models")
    parser.add_argument("--learn-rate", type=float, default=0.001, help="Adam learning rate")
    parser.add_argument("--dropout", type=float, default=0.15)
    parser.add_argument("--eval-only", action="store_true", help="re-score the saved models, no training")
    parser.add_argument("--work-dir", default="/tmp/anota-ner", help="scratch dir for checkpoints")
    parser.add_argument("--name-labels", type=Path, metavar="DIR",
                        help="instead of training, write the training names' consistent labels (name_labels) "
                        "to DIR/name_labels_<lang>.tsv")
    parser.add_argument("--given-names", type=Path, metavar="DIR",
                        help="instead of training, write the training data's given names (given_names) "
                        "to DIR/given_names_<lang>.txt")
    args = parser.parse_args(argv)
    if args.init_from and args.resume:  # a resumed model has its features already
        parser.error("--init-from starts a new model; --resume continues a saved one: give one of them")
    return args


def main(argv: list[str] | None = None) -> None:
    # One thread per run: the build machine is shared (set before numpy/blis start).
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in (["pt", "en"] if args.lang == "all" else [args.lang]):
        if args.name_labels:
            write_training_names(args.data_dir, lang, args)
        elif args.given_names:
            write_given_names(args.data_dir, lang, args)
        else:
            run_language(args.data_dir, lang, args.out, args)


if __name__ == "__main__":
    main()
