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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.test_export_noticed21 import post
from tests.test_exportprobe32 import post_refused, serving
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
    assert said.startswith("stored") and all(word.lower() in said.lower() for word in words), answer


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


def test_project_updated_with_a_refused_config_keeps_the_stored_one(serving: Callable[[], str], database_url: str,
                                                                    tmp_path: Path) -> None:
    """Expected before the run: PROJECT_UPDATED carrying a config cut short is answered 200 saying it was not
    stored; the export reads the earlier config and writes task 1 (session 35's test allowed the export to
    stop naming the stored config)."""
    url = serving()
    body = annotated_body(1, 1)
    assert post(f"{url}/webhook", body)["events"] == 1
    broken = {"action": "PROJECT_UPDATED", "project": project_of(body, label_config="<View><Text",
                                                                 updated_at="2026-12-01T00:00:00.000000Z")}
    status, answer = post_refused(f"{url}/webhook", broken)
    assert status == 200 and answer["label_config"].startswith("not stored"), answer
    assert exported_tasks(database_url, tmp_path / "db") == (0, [1])


def test_setup_refuses_a_config_label_studio_refuses(serving: Callable[[], str]) -> None:
    """Expected before the run: /setup answers 400 naming ``schema`` for a config Label Studio would refuse,
    as it does for one that is not XML (a toName naming no tag was accepted)."""
    status, answer = post_refused(f"{serving()}/setup", {"project": "1.1796020075",
                                                         "schema": REFUSED_BY_LABEL_STUDIO["toName names no tag"][0]})
    assert status == 400 and "body" in json.dumps(answer), answer
