"""exportprobe37 (``fixtures/exportprobe37/README.md``).

- ``anota export --from-db`` and a labeling config /webhook refused (session
  35: not stored, the annotation stored, the reason in the webhook's answer):
  the export says, in its summary and report, that the project's latest
  config was refused and why, and which config it used instead (the one
  stored before it) or that it had none. Expectations written in the
  docstrings before the first run. Webhook bodies go through a real POST to
  the app served on 127.0.0.1, on the test's SQLite file; every export is
  ``anota export --from-db`` on that file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from server.exporting.placing import STARTS_INSIDE, place_span
from tests.test_export_noticed21 import post
from tests.test_export_probe20 import export_from_db
from tests.test_export_probe21 import quoted_region
from tests.test_exportprobe32 import exported, report_of, serving
from tests.test_exportprobe35 import annotated_body, project_of
from tests.test_exportprobe36 import REFUSED_BY_LABEL_STUDIO, VALID, with_config, written

__all__ = ["serving"]  # the fixture, imported to be used here

REFUSED = REFUSED_BY_LABEL_STUDIO["toName names no tag"][0]


def all_notes(out: Path) -> str:
    return json.dumps(report_of(out), ensure_ascii=False)


def test_an_export_after_a_refused_config_says_it_used_the_earlier_one(serving: Callable[[], str],
                                                                       database_url: str, tmp_path: Path) -> None:
    """Expected before the run: both tasks exported with the config stored before (as session 35 did); the
    summary and report.json say that project 1's latest config was not stored, why (``'body'``, the toName
    naming no tag), and that the export used the config stored before it. Before: nothing said."""
    url = serving()
    assert post(f"{url}/webhook", annotated_body(1, 1))["events"] == 1
    assert post(f"{url}/webhook", with_config(2, REFUSED))["label_config"].startswith("not stored")
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    for said in (output, all_notes(tmp_path / "db")):
        assert "project 1" in said and "would refuse" in said and "'body'" in said, said
        assert "stored before" in said, said


def test_an_export_when_the_only_config_was_refused_says_it_had_none(serving: Callable[[], str],
                                                                     database_url: str, tmp_path: Path) -> None:
    """Expected before the run: the task is exported without a config (controls judged from the data, as for
    annotations stored before Anota kept configs); the note says why there is none: the config its webhook
    sent was refused, and the reason. Before: "no labeling config stored ... (annotations received before
    Anota kept the config each webhook event carries)", which is not why."""
    url = serving()
    assert post(f"{url}/webhook", with_config(1, REFUSED))["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0, output
    for said in (output, all_notes(tmp_path / "db")):
        assert "project 1" in said and "would refuse" in said and "'body'" in said, said
        assert "received before Anota kept" not in said, said


def test_a_config_stored_after_the_refused_one_is_used_without_a_word(serving: Callable[[], str],
                                                                      database_url: str, tmp_path: Path) -> None:
    """Expected before the run: a later PROJECT_UPDATED with a config Label Studio keeps replaces the refused
    one: the export uses it and says nothing of the refusal. The same after a refused config of an older
    state of the project (a late delivery, ``updated_at`` before the stored config's): nothing said."""
    url = serving()
    body = with_config(1, REFUSED, updated_at="2026-12-01T00:00:00.000000Z")
    assert post(f"{url}/webhook", body)["events"] == 1
    updated = {"action": "PROJECT_UPDATED",
               "project": project_of(body, label_config=VALID, updated_at="2026-12-02T00:00:00.000000Z")}
    assert post(f"{url}/webhook", updated)["status"] == "ok"
    late = with_config(2, REFUSED, updated_at="2026-11-30T00:00:00.000000Z")
    assert post(f"{url}/webhook", late)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "db")
    assert code == 0 and "would refuse" not in output and "would refuse" not in all_notes(tmp_path / "db"), output


def test_a_refused_config_of_another_project_is_not_said(serving: Callable[[], str], database_url: str,
                                                         tmp_path: Path) -> None:
    """Expected before the run: ``--project 1`` says nothing of project 2's refused config; the export of
    both names project 2 only."""
    url = serving()
    assert post(f"{url}/webhook", annotated_body(1, 1))["events"] == 1
    other = with_config(2, REFUSED, id=2)
    other["annotation"]["project"] = 2
    assert post(f"{url}/webhook", other)["events"] == 1
    code, output = export_from_db(database_url, tmp_path / "one", "--project", "1")
    assert code == 0 and "would refuse" not in output, output
    code, output = export_from_db(database_url, tmp_path / "both")
    assert code == 0 and "project 2" in output and "would refuse" in output and "project 1'" not in output, output


# -------------------------------------------------------------------------
# Spans that cut a character of several code points (the probe's inputs)
# -------------------------------------------------------------------------

PROBE = Path(__file__).parent.parent / "fixtures" / "exportprobe37"
sys.path.insert(0, str(PROBE))
sys.path.insert(0, str(PROBE.parent / "exports" / "probe19"))
from make_exportprobe37 import (  # noqa: E402
    BRAZIL, FAMILY, FAMILY_TEXT, FLAGS_TEXT, HANGUL_TEXT, SCOTLAND, SCOTLAND_TEXT, THUMB_TEXT, THUMB_TONE, studied,
)
from run_probe19 import texts_and_spans  # noqa: E402

FORMATS = ("jsonl", "conll", "spacy", "csv")


def probe_export(tmp_path: Path, name: str, fmt: str = "jsonl") -> tuple[int, str, Path]:
    tmp_path.mkdir(exist_ok=True)
    return exported(tmp_path, (PROBE / name).read_bytes(), fmt=fmt)


def labels_written(out: Path, fmt: str) -> list[str]:
    """The entity labels each format holds (CoNLL: one a B- tag)."""
    found = [span[-1] for _text, spans in texts_and_spans(out, fmt) for span in spans]
    if fmt == "conll":
        return sorted(tag.removeprefix("B-") for tag in found if tag.startswith("B-"))
    return sorted(found)


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = studied()
    assert sorted(made) == sorted(path.name for path in PROBE.iterdir() if path.suffix not in (".py", ".md"))
    assert all((PROBE / name).read_bytes() == content for name, content in made.items())


WIDENED = {
    "family_span_ends_inside_zwj.json": (FAMILY_TEXT.index(FAMILY), FAMILY_TEXT.index(FAMILY) + 5),
    "skin_tone_span_ends_before_modifier.json": (THUMB_TEXT.index(THUMB_TONE), THUMB_TEXT.index(THUMB_TONE) + 2),
    "flag_span_ends_between_indicators.json": (FLAGS_TEXT.index(BRAZIL), FLAGS_TEXT.index(BRAZIL) + 2),
    "subdivision_flag_before_tags.json": (SCOTLAND_TEXT.index(SCOTLAND), SCOTLAND_TEXT.index(SCOTLAND) + 7),
    "hangul_jamo_span_ends_inside_syllable.json": (HANGUL_TEXT.index("\u1109\u1161"),
                                                   HANGUL_TEXT.index("\u1109\u1161") + 6),
    "devanagari_span_ends_after_virama.json": (0, 3),
}


@pytest.mark.parametrize("name", sorted(WIDENED))
def test_a_span_that_ends_inside_a_character_is_widened_to_its_end(tmp_path: Path, name: str) -> None:
    """Before: written as given ('👨' of a family, '👍' without its skin tone, one regional indicator, the
    black flag without its tags, a jamo of a syllable, 'क्' without the consonant it joins)."""
    code, output, out = probe_export(tmp_path, name)
    assert code == 0, output
    [cut] = [span for example in written(out) for span in example["spans"] if span["start"] == WIDENED[name][0]]
    assert (cut["start"], cut["end"]) == WIDENED[name], cut
    assert any("widened to" in detail for detail in report_of(out)["details"]["spans repaired"]), report_of(out)


@pytest.mark.parametrize("name", ["family_span_starts_inside_zwj.json", "skin_tone_span_starts_on_modifier.json",
                                  "flag_second_of_two_and_one_across.json"])
def test_a_span_that_starts_inside_a_character_is_left_out_in_every_format(tmp_path: Path, name: str) -> None:
    """Before: written as given in the four formats (CoNLL and spaCy widened it to the token, saying only
    "spans widened to whole tokens"). Portugal's flag after Brazil's (a boundary) stays."""
    kept = ["LOC", "ORG"] if name.startswith("flag") else ["ORG"]
    for fmt in FORMATS:
        code, output, out = probe_export(tmp_path / fmt, name, fmt=fmt)
        assert code == 0, output
        assert labels_written(out, fmt) == kept, (fmt, labels_written(out, fmt))
        assert report_of(out)["left_out"].get(STARTS_INSIDE) == 1, report_of(out)


def test_a_widened_span_has_its_label_in_every_format(tmp_path: Path) -> None:
    for fmt in FORMATS:
        code, output, out = probe_export(tmp_path / fmt, "family_span_ends_inside_zwj.json", fmt=fmt)
        assert code == 0 and labels_written(out, fmt) == ["EMOJI", "ORG"], (fmt, output)


@pytest.mark.parametrize(("text", "start", "end", "placed"), [
    (f"Ana{FAMILY} e", 0, 3, (0, 3)),  # ends where the family starts
    (f"{BRAZIL}\U0001F1F5\U0001F1F9 x", 2, 4, (2, 4)),  # the second flag of a run: indicators pair from its start
    ("a 1\ufe0f\u20e3 b", 2, 3, (2, 5)),  # a keycap: its selector and enclosing mark are marks
    (f"x {FAMILY}", 2, 4, (2, 7)),  # ends on the joiner
    ("tim \u0e17\u0e33 x", 4, 5, (4, 6)),  # Thai SARA AM, a spacing mark of category Lo
])
def test_span_edges_are_checked_against_grapheme_clusters(text: str, start: int, end: int,
                                                          placed: tuple[int, int]) -> None:
    assert place_span(text, quoted_region(start, end, text[start:end]))[0] == placed


def test_conll_writes_a_flag_as_one_token(tmp_path: Path) -> None:
    """Before: spaCy's tokenizer cut each regional indicator apart, so a flag was two CoNLL tokens ('🇧' B-LOC,
    '🇷' I-LOC), each half a character."""
    code, output, out = probe_export(tmp_path, "flag_span_ends_between_indicators.json", fmt="conll")
    assert code == 0, output
    rows = [line.split(" ") for line in next(out.glob("*.conll")).read_text(encoding="utf-8").splitlines() if line]
    assert [BRAZIL, "-X-", "_", "B-LOC"] in rows and ["\U0001F1F5\U0001F1F9", "-X-", "_", "O"] in rows, rows
