"""Interactive probe 2: context requests an annotator's clicks produce
(fixtures/interactive_probe2/cases.py, expected answers written first), and
what its fixes hold beyond them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES

RUNNER = FIXTURES / "interactive_probe2" / "run.py"


def _load(path: Path) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"interactive_probe2_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runner = _load(RUNNER)
probe = runner.load(str(RUNNER.with_name("cases.py")))


@pytest.mark.parametrize("case", probe.CASES, ids=[case["name"] for case in probe.CASES])
def test_probe_case(client, case):
    assert runner.problems(client, case, probe.CONFIGS) == []


def predict(client, config: str, data: dict[str, Any], context: list[Any]) -> list[dict[str, Any]]:
    answer = client.post("/predict", json={"tasks": [{"id": 1, "data": data}], "label_config": config,
                                           "params": {"context": {"result": context}}})
    assert answer.status_code == 200, answer.json
    return answer.json["results"][0]["result"]


def test_a_page_region_the_annotator_drew_drops_the_plugins_region_there(client):
    html = "<p>O presidente Lula visitou a Embraer em Recife.</p><p>Lula elogiou a Embraer.</p>"
    plain = predict(client, probe.HYPERTEXT_CONFIG, {"html": html}, [])
    lula = [r for r in plain if r["type"] == "hypertextlabels" and r["value"]["text"] == "Lula"]
    assert lula, "the plugins suggest Lula on this page"
    start = html.index("Lula") - len("<p>")
    drawn = {"from_name": "ner", "to_name": "page", "type": "hypertextlabels", "origin": "manual",
             "value": {"start": "/p[1]/text()[1]", "startOffset": start, "end": "/p[1]/text()[1]",
                       "endOffset": start + 4, "globalOffsets": {"start": start, "end": start + 4},
                       "text": "Lula", "hypertextlabels": ["Organization"]}}
    regions = predict(client, probe.HYPERTEXT_CONFIG, {"html": html}, [drawn])
    on_lula = [(r["id"].startswith("ctx"), r["value"]["hypertextlabels"]) for r in regions
               if r["type"] == "hypertextlabels" and r["value"]["text"] == "Lula"]
    # Theirs is not echoed; the other Lula gets their label, not the plugins' Person.
    assert on_lula == [(True, ["Organization"])]


def test_a_paragraph_label_the_config_lacks_is_ignored_after_one_it_has(client):
    """The check of a drawn region's labels is cached by shape: a paragraph
    region's labels are part of it (they are not under ``labels``)."""
    dialogue = [{"author": "Ana", "text": "A Embraer vendeu."}, {"author": "Rui", "text": "A Embraer cresceu."}]

    def drawn(label: str) -> dict[str, Any]:
        return {"from_name": "ner", "to_name": "dialogue", "type": "paragraphlabels",
                "value": {"start": "0", "end": "0", "startOffset": 2, "endOffset": 9, "text": "Embraer",
                          "paragraphlabels": [label]}}

    assert any(r["id"].startswith("ctx") for r in predict(client, probe.PARAGRAPHS_CONFIG, {"dialogue": dialogue},
                                                          [drawn("Organização")]))
    regions = predict(client, probe.PARAGRAPHS_CONFIG, {"dialogue": dialogue}, [drawn("Empresa")])
    assert not any(r["id"].startswith("ctx") for r in regions)


def test_a_region_across_two_utterances_takes_its_place_in_both(client):
    dialogue = [{"author": "Ana", "text": "Falei com a Embraer"}, {"author": "Rui", "text": "Embraer? A Embraer."}]
    drawn = {"from_name": "ner", "to_name": "dialogue", "type": "paragraphlabels", "origin": "manual",
             "value": {"start": "0", "end": "1", "startOffset": 12, "endOffset": 7, "text": "Embraer\nEmbraer",
                       "paragraphlabels": ["Organização"]}}
    regions = predict(client, probe.PARAGRAPHS_CONFIG, {"dialogue": dialogue}, [drawn])
    spans = {(r["value"]["start"], r["value"]["startOffset"]) for r in regions if r["type"] == "paragraphlabels"}
    # Nothing on the two Embraers the region covers; no copy of "Embraer Embraer" (not in the text again).
    assert ("0", 12) not in spans and ("1", 0) not in spans


@pytest.mark.parametrize("name, expected", [("McDonald's", "McDonald's"), ("Apple's", "Apple")])
def test_a_possessive_is_left_out_only_where_the_name_stands_without_it(client, name, expected):
    text = f"{name} lucrou. Depois, {name} caiu." + (" Apple subiu." if name == "Apple's" else "")
    context = [{"from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
                "value": {"start": 0, "end": len(name), "text": name, "labels": ["ORG"]}}]
    regions = predict(client, probe.TEXT_CONFIG, {"text": text}, context)
    assert {r["value"]["text"] for r in regions if r["id"].startswith("ctx")} == {expected}


def test_a_lowercase_word_drawn_is_not_copied_onto_its_capitals(client):
    text = "A meta foi batida. A META DO ANO e a meta do mês."
    context = [{"from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
                "value": {"start": 2, "end": 6, "text": "meta", "labels": ["PRODUCT"]}}]
    regions = predict(client, probe.TEXT_CONFIG, {"text": text}, context)
    assert [r["value"]["start"] for r in regions if r["id"].startswith("ctx")] == [text.rindex("meta")]
