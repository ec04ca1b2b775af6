"""exportprobe36 (``fixtures/exportprobe36/README.md``).

- /webhook and the labeling config a body's project carries: a config Label
  Studio would refuse (not XML, a DTD, names given twice, a ``toName`` naming
  no tag, a Labels without a Label, empty, no string) is not stored (the one
  stored before stays, so ``--from-db`` still reads it) and the answer says
  why; a config Label Studio accepts but of which Anota exports nothing (an
  image project, ``<View></View>``) is stored and the answer says so; the
  annotation is stored either way. Expectations written in the docstrings
  before the first run.

Webhook bodies go through a real POST to the app served on 127.0.0.1, on the
test's SQLite file; every export is ``anota export`` on that file.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from server.exporting.converting import OTHER_KIND_OF_CONTROL
from tests.test_export_noticed21 import post
from tests.test_exportprobe32 import exported, post_refused, report_of, serving
from tests.test_exportprobe35 import annotated_body, exported_tasks, project_of

__all__ = ["serving"]  # the fixture, imported to be used here

VALID = ('<View><Text name="text" value="$text"/><Labels name="label" toName="text"><Label value="ORG"/>'
         '</Labels></View>')
# Label Studio 1.23.2's validate_label_config refuses each (label_studio/core/label_config.py).
REFUSED_BY_LABEL_STUDIO = {
    "cut short": ("<View><Text", ["parse"]),
    "a DTD": ('<!DOCTYPE View [<!ENTITY x "ORG">]>' + VALID, ["DTD"]),
    "names twice": ('<View><Text name="text" value="$text"/><Labels name="text" toName="text">'
                    '<Label value="ORG"/></Labels></View>', ["'text'", "twice"]),
    "toName names no tag": (VALID.replace('toName="text"', 'toName="body"'), ["'body'"]),
    "Labels without a Label": ('<View><Text name="text" value="$text"/><Labels name="label" toName="text"/>'
                               '</View>', ["Labels", "Label"]),
    "Text without a value": ('<View><Text name="text"/><Labels name="label" toName="text"><Label value="ORG"/>'
                             '</Labels></View>', ["Text", "value"]),
    "empty": ("", ["empty"]),
}
NOTHING_ANOTA_EXPORTS = {
    "an image project": ('<View><Image name="image" value="$image"/><RectangleLabels name="box" toName="image">'
                         '<Label value="Car"/></RectangleLabels></View>', ["RectangleLabels"]),
    "an empty view": ("<View></View>", ["nothing"]),
    "a TextArea only": ('<View><Text name="text" value="$text"/><TextArea name="note" toName="text"/></View>',
                        ["TextArea"]),
}


def stored_config(database_url: str, project_id: int) -> str | None:
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
        row = connection.execute("SELECT label_config FROM projects WHERE id = ?", (project_id,)).fetchone()
    return row[0] if row else None


def with_config(annotation_id: int, config: Any, **project: Any) -> dict[str, Any]:
    body = annotated_body(annotation_id, annotation_id)
    body["project"] = project_of(body, label_config=config, **project)
    return body


@pytest.mark.parametrize("case", sorted(REFUSED_BY_LABEL_STUDIO))
def test_a_config_label_studio_refuses_is_not_stored_and_said(case: str, serving: Callable[[], str],
                                                             database_url: str, tmp_path: Path) -> None:
    """Expected before the run: the annotation is stored (200, one event), the answer's ``label_config`` says
    the config was not stored and why (words of Label Studio's own check), and the project's earlier config
    stays: ``--from-db`` exports both tasks with it. Before: stored as it came; the export then stopped on it
    (cut short) or read it without a word."""
    config, words = REFUSED_BY_LABEL_STUDIO[case]
    url = serving()
    assert post(f"{url}/webhook", annotated_body(1, 1))["events"] == 1
    answer = post(f"{url}/webhook", with_config(2, config))
    assert answer["events"] == 1, answer
    said = answer.get("label_config", "")
    assert said.startswith("not stored") and all(word.lower() in said.lower() for word in words), answer
    assert exported_tasks(database_url, tmp_path / "db") == (0, [1, 2])


@pytest.mark.parametrize("config", [5, {"xml": VALID}, ["<View/>"]])
def test_a_config_that_is_no_string_is_said(config: Any, serving: Callable[[], str], database_url: str,
                                            tmp_path: Path) -> None:
    """Expected before the run: the annotation is stored, the answer says the config is no string and was not
    stored. Before: skipped without a word."""
    url = serving()
    answer = post(f"{url}/webhook", with_config(1, config))
    assert answer["events"] == 1 and answer.get("label_config", "").startswith("not stored"), answer
    assert "string" in answer["label_config"], answer


@pytest.mark.parametrize("case", sorted(NOTHING_ANOTA_EXPORTS))
def test_a_config_anota_exports_nothing_of_is_stored_and_said(case: str, serving: Callable[[], str],
                                                              database_url: str, tmp_path: Path) -> None:
    """Expected before the run: Label Studio accepts it, so it is the project's config and is stored (the
    export must know the project labels no text); the answer says Anota exports nothing of it, naming the
    controls it holds. Before: stored without a word."""
    config, words = NOTHING_ANOTA_EXPORTS[case]
    url = serving()
    answer = post(f"{url}/webhook", with_config(1, config))
    assert answer["events"] == 1, answer
    said = answer.get("label_config", "")
    # Worded without "stored" after the first run: a late event of a deleted project is answered so too, and
    # its config is not stored (tests/test_events_deleted_projects.py).
    assert said.startswith("Anota exports nothing") and all(word.lower() in said.lower() for word in words), answer
    assert stored_config(database_url, 1) == config


def test_a_config_anota_exports_is_stored_without_a_word(serving: Callable[[], str], database_url: str,
                                                         tmp_path: Path) -> None:
    """The recorded body's config, and 30 configs as teams write them (``fixtures/configs``): the answer is
    as before (``status``, ``events``), nothing about the config."""
    url = serving()
    assert post(f"{url}/webhook", annotated_body(1, 1)) == {"status": "ok", "events": 1}
    configs = sorted((Path(__file__).parent.parent / "fixtures" / "configs").glob("*.xml"))
    for number, path in enumerate(configs, start=2):
        answer = post(f"{url}/webhook", with_config(number, path.read_text(encoding="utf-8")))
        assert "label_config" not in answer or not answer["label_config"].startswith("not stored"), (path, answer)


def test_setup_refuses_a_config_label_studio_refuses(serving: Callable[[], str]) -> None:
    """Expected before the run: /setup answers 400 naming ``schema`` for a config Label Studio would refuse,
    as it does for one that is not XML (a toName naming no tag was accepted)."""
    status, answer = post_refused(f"{serving()}/setup", {"project": "1.1796020075",
                                                         "schema": REFUSED_BY_LABEL_STUDIO["toName names no tag"][0]})
    assert status == 400 and "body" in json.dumps(answer), answer


# -------------------------------------------------------------------------
# The export probe's fixes (each test fails on main's code)
# -------------------------------------------------------------------------

PROBE = Path(__file__).parent.parent / "fixtures" / "exportprobe36"
sys.path.insert(0, str(PROBE))
from make_exportprobe36 import CRLF_TEXT, MARK_TEXT, NFC_TEXT, NFD_TEXT, studied  # noqa: E402

CONFIG = str(PROBE.parent / "exports" / "label_config.xml")


def written(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


def spans_of(out: Path) -> list[tuple[int, int, str]]:
    return [(span["start"], span["end"], span["label"]) for example in written(out) for span in example["spans"]]


def probe_export(tmp_path: Path, name: str, *options: str) -> tuple[int, str, Path]:
    return exported(tmp_path, (PROBE / name).read_bytes(), *options)


def test_the_committed_inputs_are_what_the_maker_writes() -> None:
    made = studied()
    assert sorted(made) == sorted(path.name for path in PROBE.iterdir() if path.suffix == ".json")
    assert all((PROBE / name).read_bytes() == content for name, content in made.items())


def test_offsets_counted_on_the_nfc_form_of_an_nfd_text_are_moved_by_the_quote(tmp_path: Path) -> None:
    """Before: left out ("spans whose text differs ..."): the quote 'Café Lisboa' (composed) at [2, 13) of the
    decomposed text, whose 'Café Lisboa' is [2, 14)."""
    code, output, out = probe_export(tmp_path, "nfd_text_nfc_quote_nfc_offsets.json")
    assert code == 0, output
    meta = NFD_TEXT.index("Meta")
    assert spans_of(out) == [(2, 14, "ORG"), (meta, meta + 4, "ORG")]
    [said] = report_of(out)["details"]["spans repaired"]
    assert said.endswith("moved to [2, 14) (offsets counted on the text in Unicode form NFC, its quote the same "
                         "text)"), said


@pytest.mark.parametrize(("name", "text", "bounds"), [("nfd_text_nfc_quote_fitting_offsets.json", NFD_TEXT, (2, 14)),
                                                      ("nfc_text_nfd_quote.json", NFC_TEXT, (2, 13))])
def test_a_quote_in_another_unicode_form_at_its_offsets_keeps_the_span(tmp_path: Path, name: str, text: str,
                                                                       bounds: tuple[int, int]) -> None:
    """Before: left out; the quote is the text at its offsets, canonically equivalent."""
    code, output, out = probe_export(tmp_path, name)
    assert code == 0, output
    meta = text.index("Meta")
    assert spans_of(out) == [(*bounds, "ORG"), (meta, meta + 4, "ORG")]
    [said] = report_of(out)["details"]["spans repaired"]
    assert "the same text in two Unicode forms" in said and said.endswith("kept at its offsets"), said


def test_a_span_that_cuts_a_letter_off_its_mark_takes_the_mark(tmp_path: Path) -> None:
    """Before: 'Jose' [2, 6) of a decomposed 'José' written without a word (JSONL and CSV)."""
    code, output, out = probe_export(tmp_path, "span_cuts_combining_mark.json")
    assert code == 0, output
    meta = MARK_TEXT.index("Meta")
    assert spans_of(out) == [(2, 7, "PER"), (meta, meta + 4, "ORG")]
    [said] = report_of(out)["details"]["spans repaired"]
    assert "[2, 6) 'Jose' widened to [2, 7) over the combining marks of its last letter ('\\u0301')" in said, said


def test_a_span_that_starts_on_a_mark_is_left_out_and_said(tmp_path: Path) -> None:
    """Before: trimmed to the mark alone, [6, 7), and written as PER."""
    code, output, out = probe_export(tmp_path, "span_starts_on_combining_mark.json")
    assert code == 0, output
    meta = MARK_TEXT.index("Meta")
    assert spans_of(out) == [(meta, meta + 4, "ORG")]
    [said] = report_of(out)["details"]["spans that start on a combining mark (cut off the letter before it)"]
    assert "[6, 8) starts on the combining mark '\\u0301'" in said, said


def test_offsets_counted_with_crlf_as_one_and_a_quote_with_lf_are_moved(tmp_path: Path) -> None:
    """Before: left out; the quote 'Meta\\nQwen' is the text at the offsets counted with \\r\\n as one."""
    code, output, out = probe_export(tmp_path, "crlf_span_lf_quote_folded_offsets.json")
    assert code == 0, output
    assert spans_of(out) == [(2, CRLF_TEXT.index("Qwen") + 4, "PRODUCT")]
    [said] = report_of(out)["details"]["spans repaired"]
    assert said.endswith("(offsets counted with \\r\\n as one character)"), said


def test_a_snapshot_of_predictions_only_says_so(tmp_path: Path) -> None:
    """Before: "tasks without a finished annotation: 2, e.g. task 1", the predictions not named."""
    code, output, out = probe_export(tmp_path, "predictions_only_snapshot.json")
    assert code != 0 and not out.exists()
    assert "e.g. task 1 (predictions only: a prediction is no label)" in output, output


@pytest.mark.parametrize(("name", "said"), [
    ("labels_typed_region_of_choices_control.json", "a span 'ORG' of control 'sentiment', which the config gives "
                                                    "choices"),
    ("choices_typed_region_of_labels_control.json", "a choice 'Positive' of control 'label', which the config "
                                                    "gives span labels")])
def test_a_region_of_another_kind_than_its_control_is_noted(tmp_path: Path, name: str, said: str) -> None:
    """Before: noted only as a label the control lacks ("control 'sentiment' has no 'ORG'")."""
    code, output, out = probe_export(tmp_path, name, "--label-config", CONFIG)
    assert code == 0, output
    [detail] = report_of(out)["details"][OTHER_KIND_OF_CONTROL]
    assert detail.endswith(said), detail


@pytest.mark.parametrize(("text", "word"), [
    (unicodedata.normalize("NFD", "한국의 메타와 삼성."), "삼성"),  # the blind run's: Hangul syllables as jamo
    (unicodedata.normalize("NFD", "O José e a Meta."), "José"),  # the span ends right after a decomposed letter
    (unicodedata.normalize("NFD", "Ângela e a Meta."), "Ângela")])  # ... and starts on one
def test_offsets_on_the_nfc_form_are_mapped_where_normalizing_joins_characters(tmp_path: Path, text: str,
                                                                                word: str) -> None:
    """The blind run: '삼성' at its NFC offsets [8, 10) of a text in jamo was left out: the shortest prefix of
    the NFD text whose NFC form is 10 long stops after the first jamo of '성' (and after the 'e' of 'José')."""
    composed = unicodedata.normalize("NFC", text)
    start = composed.index(word)
    region = {"from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": start, "end": start + len(word), "text": word, "labels": ["ORG"]}}
    tasks = [{"id": 1, "data": {"text": text}, "annotations": [{"id": 1, "completed_by": 1, "result": [region]}]}]
    code, output, out = exported(tmp_path, tasks)
    assert code == 0, output
    decomposed = unicodedata.normalize("NFD", word)
    assert spans_of(out) == [(text.index(decomposed), text.index(decomposed) + len(decomposed), "ORG")]
    [said] = report_of(out)["details"]["spans repaired"]
    assert "(offsets counted on the text in Unicode form NFC, its quote the same text)" in said, said
