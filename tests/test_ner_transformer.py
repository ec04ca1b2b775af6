"""The transformer NER experiment's pure helpers (bench/ner_transformer.py); its model needs
torch, which Anota does not install, so only the word-level logic is tested here."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from bench.ner_transformer import SHAPES, TAGS, _biluo_to_iob, decode_tags, fill_in, word_shape


def test_word_shape_gives_case_an_uncased_encoder_cannot_see():
    shape = {word: SHAPES[word_shape(word, False) // 2] for word in
             ["apple", "Apple", "NASA", "A", "iPhone", "1999", "GPT-4o", ",", " "]}
    assert shape == {"apple": "lower", "Apple": "title", "NASA": "upper", "A": "upper1", "iPhone": "mixed",
                     "1999": "digit", "GPT-4o": "alnum", ",": "punct", " ": "other"}
    assert word_shape("Apple", True) == word_shape("Apple", False) + 1
    assert max(word_shape(w, True) for w in ["x", " "]) < len(SHAPES) * 2


def test_decode_tags_makes_word_spans_and_starts_one_at_a_stray_inside_tag():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER"]
    assert decode_tags(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "PER")]
    assert set(TAGS) == {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}


def test_biluo_tags_become_iob2_and_unaligned_tokens_stay_unknown():
    assert _biluo_to_iob(["U-LOC", "O", "B-PER", "I-PER", "L-PER", None, "-"]) == \
        ["B-LOC", "O", "B-PER", "I-PER", "I-PER", None, None]


def test_fill_in_keeps_the_primary_entities_and_adds_the_other_models_elsewhere():
    text = "Barack Obama visited Toronto and Paris ."
    primary, secondary = spacy.blank("en")(text), spacy.blank("en")(text)
    primary.ents = [Span(primary, 0, 2, "PER")]
    secondary.ents = [Span(secondary, 1, 2, "ORG"), Span(secondary, 3, 4, "LOC"), Span(secondary, 5, 6, "LOC")]
    assert [(e.text, e.label_) for e in fill_in(primary, secondary).ents] == \
        [("Barack Obama", "PER"), ("Toronto", "LOC"), ("Paris", "LOC")]
    assert [(e.text, e.label_) for e in fill_in(secondary, primary).ents] == \
        [("Obama", "ORG"), ("Toronto", "LOC"), ("Paris", "LOC")]
