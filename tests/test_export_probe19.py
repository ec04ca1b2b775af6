"""The nineteenth malformed-input probe of ``anota export``: the two known
problems it started from (texts in scripts written without spaces between
words; spaCy ``cats`` keys of two choices that read alike), then the inputs
of fixtures/exports/probe19/ (written by its make_probe19.py; README.md there
lists each with what was expected before the first run), and one test for
each fix the probe called for."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import DocBin

from plugins.exporters import CATS_ESCAPED, PER_CHARACTER, TOKENIZER_NEEDS_PACKAGE, token_offsets
from server.exporting.converting import WITHOUT_OBJECT_PLACED
from server.exporting.sources import shown_char
from tests.test_export import read_conll
from tests.test_export_probe3 import assert_stops_cleanly, run_cli, spans_of
from tests.test_export_probe15 import format_of

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


def task_file(tmp_path: Path, regions: list[dict[str, Any]]) -> Path:
    """An export of the sample task with ``regions`` as its annotation's result."""
    made = json.loads(json.dumps(BASE))
    made["annotations"][0]["result"] = regions
    path = tmp_path / "export.json"
    path.write_text(json.dumps([made]), encoding="utf-8")
    return path


def spacy_cats(tmp_path: Path, choices: list[tuple[str, str]]) -> tuple[dict[str, float], dict[str, Any]]:
    regions = [{"from_name": control, "to_name": "text", "type": "choices", "value": {"choices": [value]}}
               for control, value in choices]
    out, report = export(tmp_path, task_file(tmp_path, regions), "spacy")
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


# -------------------------------------------------------------------------
# The probe's inputs (fixtures/exports/probe19): as README.md expects
# -------------------------------------------------------------------------

PROBE = EXPORTS / "probe19"
# The error each input stops with (after the file's name).
ERRORS = {
    "blank_lines_only.jsonl": "line 5, column 1: the file holds only whitespace",
    "choices_a_number_item.json": "task 1 at $[0]: annotations[0].result[2].value.choices[0]: Not a valid string but "
                                  "a number (5)",
    "completed_by_beyond_64bit.json": "task 1 at $[0]: annotations[0].completed_by: Not a user id but a number with a "
                                      "fraction or beyond 64 bits: Label Studio's user ids are 64-bit integers",
    # Since exportprobe38 with its id and where (it said "task object 0 is nested too deeply to read").
    "deep_nesting_in_meta.jsonl": "line 1, column 1: task 1 at object 0 is nested too deeply to read: meta.deep[0]... "
                                  "holds lists or objects more than 500 levels deep (nothing Label Studio writes); "
                                  "remove it",
    "json5_unquoted_keys.json": "line 1, column 3: invalid JSON in task $[0]: Expecting property name enclosed in "
                                "double quotes",
    "json_text_sequence.json": "line 1, column 1: expected a JSON list of tasks, found a record separator (U+001E): a "
                               "JSON text sequence (RFC 7464)? remove the separators, one task per line is JSON Lines",
    "lz4_frame.json": "not UTF-8 text (an lz4 file: decompress it first)",
    "pdf_document.json": "not UTF-8 text (a PDF document, not the JSON export: export the project from Label Studio "
                         "as JSON)",
    "predictions_ids_and_model_version_strings.json": "task 1 at $[0]: predictions[0]: Not a prediction object or a "
                                                      "prediction id but a string ('anota-1')",
}
# What the report of each complete output counts (left_out, repaired, format_notes) in JSONL, and its spans.
REPORTED: dict[str, tuple[dict[str, dict[str, int]], int]] = {
    "cjk_astral_utf16_offsets.json": ({"repaired": {"spans repaired": 2}}, 2),
    "halfwidth_katakana_voiced.json": ({}, 2),
    "ids_beyond_double_precision.json": ({}, 4),
    "ids_beyond_double_precision.jsonl": ({}, 4),
    "japanese_no_language.json": ({}, 2),
    "japanese_with_latin_name.json": ({}, 3),
    "json_lines_blank_and_space_lines.jsonl": ({}, 4),
    "keys_unicode_escaped.json": ({}, 2),
    "keys_unicode_escaped.jsonl": ({}, 4),
    "korean_nfd_jamo.json": ({}, 3),
    "language_ja_JP_tag.json": ({}, 2),
    "per_region_choices.json": ({}, 2),  # carried on its span since exportprobe42
    # Their relation joins a span to itself: written into the JSONL line since s51-export (head = child).
    "region_id_huge_int.json": ({}, 2),
    "relation_cycle_parent_ids.json": ({}, 2),
    "taxonomy_and_labels_same_from_name.json": ({}, 2),
    "text_with_record_separators.json": ({}, 3),
    "thai_zwsp_separated.json": ({}, 3),
    "to_name_missing.json": ({"repaired": {WITHOUT_OBJECT_PLACED: 1}}, 2),  # reported since exportprobe27
    "trailing_whitespace.json": ({}, 2),
    "value_without_text.json": ({}, 2),
    "zwsp_at_span_edge.json": ({}, 2),
}


def test_every_input_of_the_probe_is_expected() -> None:
    inputs = {path.name for path in PROBE.iterdir() if path.suffix not in (".py", ".md")}
    assert inputs == set(ERRORS) | set(REPORTED) and not set(ERRORS) & set(REPORTED)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_malformed_inputs_stop_with_one_clear_line_and_write_nothing(tmp_path: Path, name: str) -> None:
    assert_stops_cleanly(tmp_path, PROBE / name, format_of(name), ERRORS[name])


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_what_the_probe_repairs_or_leaves_out_is_reported(tmp_path: Path, name: str) -> None:
    out, report = export(tmp_path, PROBE / name, "jsonl")
    assert {kind: report[kind] for kind in ("left_out", "repaired", "format_notes") if report[kind]} == \
        REPORTED[name][0]
    assert len(spans_of(out)) == REPORTED[name][1]


UNSPACED_INPUTS = ["cjk_astral_utf16_offsets.json", "halfwidth_katakana_voiced.json", "japanese_no_language.json",
                   "japanese_with_latin_name.json", "korean_nfd_jamo.json", "language_ja_JP_tag.json",
                   "thai_zwsp_separated.json"]


@pytest.mark.parametrize("name", UNSPACED_INPUTS)
def test_conll_and_spacy_hold_the_spans_of_texts_without_spaces_exactly(tmp_path: Path, name: str) -> None:
    texts, wanted = jsonl_spans(export(tmp_path, PROBE / name, "jsonl")[0])
    conll, conll_report = export(tmp_path, PROBE / name, "conll")
    assert conll_spans(conll, texts) == wanted
    spacy_out, spacy_report = export(tmp_path, PROBE / name, "spacy")
    assert spacy_spans(spacy_out) == [(spans, spans) for spans in wanted]
    for report in (conll_report, spacy_report):
        assert report["format_notes"][PER_CHARACTER] == 1 and WIDENED not in report["format_notes"]


# -------------------------------------------------------------------------
# What the probe found, one test each (each fails before its fix)
# -------------------------------------------------------------------------


def tokens(text: str, language: str) -> list[str]:
    starts, ends = token_offsets(text, language)
    return [text[start:end] for start, end in zip(starts, ends)]


def test_a_half_width_voiced_mark_stays_with_its_kana() -> None:
    """'ﾞ' is U+3099 written apart: 'ｶﾞ' was two tokens."""
    assert tokens("ｶﾞｽﾊﾟ", "ja") == ["ｶﾞ", "ｽ", "ﾊﾟ"]


def test_a_kana_length_mark_or_a_full_width_kana_is_its_own_character() -> None:
    assert tokens("メーターガス", "ja") == ["メ", "ー", "タ", "ー", "ガ", "ス"]


@pytest.mark.parametrize("form", ["NFD", "NFC"])
def test_a_korean_syllable_is_one_token_in_nfd_as_in_nfc(form: str) -> None:
    """In NFD each jamo ('ᄆ', 'ᅦ') was a token, and a span's tags fell on them."""
    text = unicodedata.normalize(form, "메타가 샀다")
    assert tokens(text, "ko") == [unicodedata.normalize(form, syllable) for syllable in "메타가샀다"]


def test_a_zero_width_space_between_thai_words_is_no_token() -> None:
    """It joined the character before it, and a span up to it widened over it (reported)."""
    assert tokens("เมตา\u200bซื้อ", "th") == ["เ", "ม", "ต", "า", "ซื้", "อ"]


def test_a_zero_width_space_inside_a_latin_word_stays_in_its_token() -> None:
    assert tokens("A \u200bMeta e a Qwen\u200b ontem", "pt") == ["A", "\u200bMeta", "e", "a", "Qwen\u200b", "ontem"]


def _exported_choices(tmp_path: Path, regions: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    out, report = export(tmp_path, task_file(tmp_path, regions), "jsonl")
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    return {**example["choices"], "sentiment": example["sentiment"]}, report


def test_a_choice_of_one_span_is_carried_on_it_not_made_the_tasks(tmp_path: Path) -> None:
    """A perRegion Choices result has its span's region id: it was exported as a choice of the whole task (then
    left out and reported; since exportprobe42 carried on the span, as its attributes)."""
    span = {**BASE["annotations"][0]["result"][0], "id": "r1"}
    choices, report = _exported_choices(tmp_path, [span, {**BASE["annotations"][0]["result"][2], "id": "r1"}])
    assert choices == {"sentiment": None}
    assert report["left_out"] == {}
    (example,) = [json.loads(line) for line in (tmp_path / "jsonl" / "train.jsonl").read_text().splitlines()]
    assert [s.get("attributes") for s in example["spans"]] == [{"sentiment": ["Neutral"]}]


def test_a_choice_of_the_task_with_its_own_id_is_kept(tmp_path: Path) -> None:
    span = {**BASE["annotations"][0]["result"][0], "id": "r1"}
    choices, report = _exported_choices(tmp_path, [span, {**BASE["annotations"][0]["result"][2], "id": "c1"}])
    assert choices == {"sentiment": "Neutral"} and not report["left_out"]


@pytest.mark.parametrize("between", ["\x1e", "\u00a0", "\u3000"])
def test_a_space_json_does_not_take_between_tasks_is_named(tmp_path: Path, between: str) -> None:
    """Python's \\s took them for whitespace between tasks: an RFC 7464 JSON text sequence exported silently."""
    line = json.dumps(BASE)
    path = tmp_path / "export.jsonl"
    path.write_text(f"{line}\n{between}{line.replace('1', '2', 1)}\n", encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    assert result.exit_code == 1
    assert f"line 2, column 1: expected a task object after task object 0, found {shown_char(between)}" in \
        result.output and repr(between) not in result.output


def test_json_whitespace_between_tasks_is_read_as_before(tmp_path: Path) -> None:
    line = json.dumps(BASE)
    path = tmp_path / "export.jsonl"
    path.write_text(f"\r\n{line}\n \t\r\n\n{line.replace('1', '2', 1)}\n\n", encoding="utf-8")
    _out, report = export(tmp_path, path, "jsonl")
    assert report["examples"] == {"train": 2}


def test_a_pdf_is_named(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n")
    (tmp_path / "run").mkdir()
    assert_stops_cleanly(tmp_path / "run", path, "jsonl", ERRORS["pdf_document.json"])


# -------------------------------------------------------------------------
# What the blind set found (each test fails before its fix)
# -------------------------------------------------------------------------


def test_a_myanmar_asat_ends_its_syllable() -> None:
    """The asat (U+103A) has a virama's combining class: the consonant after it joined its syllable."""
    assert tokens("ရန်ကုန်", "my") == ["ရ", "န်", "ကု", "န်"]


def test_a_consonant_under_an_invisible_stacker_stays_in_its_cluster() -> None:
    assert tokens("ភ្នំពេញ", "km") == ["ភ្នំ", "ពេ", "ញ"]
    assert tokens("မန္တလေး", "my") == ["မ", "န္တ", "လေး"]


@pytest.mark.parametrize("id_key", ["id", "annotations"])
def test_an_id_beyond_64_bits_is_said_to_be_so(tmp_path: Path, id_key: str) -> None:
    """It was shown as a float ('task -1.1805916207174113e+21') and called 'Not a valid integer'."""
    made = json.loads(json.dumps(BASE))
    if id_key == "id":
        made["id"] = -2**70
    else:
        made["annotations"][0]["id"] = 2**70
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(made) + "\n", encoding="utf-8")
    result = run_cli(path, "jsonl", tmp_path / "out")
    where = "id" if id_key == "id" else "annotations[0].id"
    task = "(a number beyond 64 bits, about -1.181e+21)" if id_key == "id" else "1"
    assert result.output == (f"Error: {path}: task {task} at object 0: {where}: Not a valid integer but a number "
                             "beyond 64 bits: Label Studio's ids and offsets are 64-bit integers; nothing was written\n")


def test_two_answers_whose_report_keys_read_alike_are_counted_apart(tmp_path: Path) -> None:
    """'topic=sport' answering 'yes' and 'topic' answering 'sport=yes' were one 'topic=sport=yes' count."""
    regions = [{"from_name": control, "to_name": "text", "type": "choices", "value": {"choices": [value]}}
               for control, value in [("topic=sport", "yes"), ("topic", "sport=yes"), ("sentiment", "a=b")]]
    _out, report = export(tmp_path, task_file(tmp_path, regions), "jsonl")
    assert report["choices"]["train"] == {"topic\\=sport=yes": 1, "topic=sport=yes": 1, "sentiment=a=b": 1}
