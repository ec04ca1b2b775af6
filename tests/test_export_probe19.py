"""The nineteenth malformed-input probe of ``anota export``: the two known
problems it started from (texts in scripts written without spaces between
words; spaCy ``cats`` keys of two choices that read alike), then the inputs
of fixtures/exports/probe19/ (written by its make_probe19.py; README.md there
lists each with what was expected before the first run), and one test for
each fix the probe called for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import DocBin

from plugins.exporters import CATS_ESCAPED, PER_CHARACTER, TOKENIZER_NEEDS_PACKAGE, token_offsets
from tests.test_export import read_conll
from tests.test_export_probe3 import run_cli

EXPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "exports"
PROBE18 = EXPORTS / "probe18"
BASE = json.loads((EXPORTS / "export_JSON.json").read_text(encoding="utf-8"))[0]
WIDENED = "spans widened to whole tokens"
OVERLAPPING = "overlapping spans left out of the token tags (longest span wins)"


def export(tmp_path: Path, path: Path, fmt: str, *extra: str) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / fmt
    result = run_cli(path, fmt, out, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return out, json.loads((out / "report.json").read_text(encoding="utf-8"))


def conll_spans(out: Path, texts: list[str]) -> list[set[tuple[int, int, str]]]:
    """The entity spans of each CoNLL block, placed in its text by finding its tokens in order."""
    found = []
    for block, text in zip(read_conll(out), texts, strict=True):
        at, entities = 0, []
        for token, tag in block:
            start = text.index(token, at)
            at = start + len(token)
            if tag.startswith("B-"):
                entities.append([start, at, tag[2:]])
            elif tag.startswith("I-"):
                assert entities and entities[-1][2] == tag[2:], f"I- tag without its B-: {token} {tag}"
                entities[-1][1] = at
        found.append({(start, end, label) for start, end, label in entities})
    return found


def spacy_spans(out: Path) -> list[tuple[set[tuple[int, int, str]], set[tuple[int, int, str]]]]:
    """(doc.ents, doc.spans['sc']) of each Doc, as (start, end, label)."""
    docs = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("xx").vocab)
    return [({(e.start_char, e.end_char, e.label_) for e in doc.ents},
             {(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]}) for doc in docs]


def jsonl_spans(out: Path) -> tuple[list[str], list[set[tuple[int, int, str]]]]:
    examples = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return ([example["text"] for example in examples],
            [{(s["start"], s["end"], s["label"]) for s in example["spans"]} for example in examples])


# -------------------------------------------------------------------------
# Known problem 1: scripts written without spaces between words
# -------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ja", "ko", "th", "vi"])
def test_spans_read_back_from_conll_and_spacy_equal_the_exports(tmp_path: Path, code: str) -> None:
    """A Japanese or Thai sentence was one token to the multi-language rules: its three
    spans widened to it, two left out; Korean's widened over their particles."""
    path = PROBE18 / f"language_{code}.json"
    texts, wanted = jsonl_spans(export(tmp_path, path, "jsonl")[0])
    assert [len(spans) for spans in wanted] == [3]
    conll, conll_report = export(tmp_path, path, "conll")
    assert conll_spans(conll, texts) == wanted
    spacy_out, spacy_report = export(tmp_path, path, "spacy")
    assert spacy_spans(spacy_out) == [(wanted[0], wanted[0])]
    for report in (conll_report, spacy_report):
        assert WIDENED not in report["format_notes"] and OVERLAPPING not in report["format_notes"]
        assert report["format_notes"][TOKENIZER_NEEDS_PACKAGE] == 1
        # Vietnamese is written in syllables apart by spaces: the rules' tokens are its own.
        assert report["format_notes"].get(PER_CHARACTER) == (None if code == "vi" else 1)


def test_japanese_is_one_token_per_character_and_a_latin_word_inside_stays_whole() -> None:
    text = "メタはMetaと東京で。"
    starts, ends = token_offsets(text, "ja")
    assert [text[start:end] for start, end in zip(starts, ends)] == \
        ["メ", "タ", "は", "Meta", "と", "東", "京", "で", "。"]


def test_a_thai_character_keeps_its_vowel_and_tone_marks() -> None:
    text = "ซื้อคิว"
    starts, ends = token_offsets(text, "th")
    assert [text[start:end] for start, end in zip(starts, ends)] == ["ซื้", "อ", "คิ", "ว"]


@pytest.mark.parametrize("text,language", [("A Meta comprou a Qwen em Lisboa.", "pt"),
                                           ("Meta đã mua Qwen ở Hà Nội.", "vi"),
                                           ("Москва и Κρήτη, naïve café", "xx")])
def test_a_text_of_spaced_scripts_keeps_the_rules_tokens(text: str, language: str) -> None:
    from plugins.exporters import tokenizer

    assert token_offsets(text, language) == tokenizer(language).offsets(text)


def test_chinese_keeps_spacys_own_tokenizer_without_the_note(tmp_path: Path) -> None:
    _out, report = export(tmp_path, PROBE18 / "language_zh.json", "conll")
    assert not report["format_notes"]


# -------------------------------------------------------------------------
# Known problem 2: spaCy cats keys
# -------------------------------------------------------------------------


def choices_task(choices: list[tuple[str, str]]) -> list[dict[str, Any]]:
    made = json.loads(json.dumps(BASE))
    made["annotations"][0]["result"] = [
        {"from_name": control, "to_name": "text", "type": "choices", "value": {"choices": [value]}}
        for control, value in choices]
    return [made]


def spacy_cats(tmp_path: Path, choices: list[tuple[str, str]]) -> tuple[dict[str, float], dict[str, Any]]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(choices_task(choices)), encoding="utf-8")
    out, report = export(tmp_path, path, "spacy")
    (doc,) = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("xx").vocab)
    return doc.cats, report


def test_two_choices_whose_cats_keys_read_alike_are_both_kept_and_reported(tmp_path: Path) -> None:
    """'topic:sport' + ':' + 'yes' and 'topic' + ':' + 'sport:yes' were one key: one choice lost, silently."""
    cats, report = spacy_cats(tmp_path, [("topic:sport", "yes"), ("topic", "sport:yes")])
    assert cats == {"topic\\:sport:yes": 1.0, "topic:sport:yes": 1.0}
    assert report["format_notes"] == {CATS_ESCAPED: 1}
    assert report["details"][CATS_ESCAPED] == ["task 1: 'topic:sport' -> 'topic\\\\:sport'"]


def test_a_cats_key_splits_back_at_its_first_unescaped_colon(tmp_path: Path) -> None:
    from plugins.exporters import cats_key, split_cats_key

    for control, value in [("a:b", "c"), ("a", "b:c"), ("a\\", ":c"), ("a\\:", "c"), ("sentiment", "Neutral")]:
        assert split_cats_key(cats_key(control, value)) == (control, value)


def test_ordinary_controls_keep_their_cats_keys_unreported(tmp_path: Path) -> None:
    cats, report = spacy_cats(tmp_path, [("sentiment", "Neutral"), ("rating", "score: 5/5")])
    assert cats == {"sentiment:Neutral": 1.0, "rating:score: 5/5": 1.0}
    assert not report["format_notes"]
