"""Texts a config says are encoded (``<Text encoding="base64">``,
``"base64unicode"``, HyperText too): Label Studio 1.23.2's editor decodes them
before it shows them or counts an offset (RichText/model.js ``setRemoteValue``:
``atob``, whose bytes are one character each, or ``atobUnicode``, UTF-8), so
/predict suggests on the decoded text, learning reads annotations there, and
an export writes it."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from server.exporting.encoded_texts import DECODED_TEXTS
from server.hypertext import rendered_page
from server.labeling import decoded_data, forgiving_base64, parse_labeling_config
from tests.test_entities import CONFIG, PROJECT, annotation_body, entities, predict
from tests.test_export import read_jsonl
from tests.test_export_probe3 import run_cli
from tests.test_learning_hypertext import PAGE_CONFIG, page_regions, post
from tests.test_learning_probe import taught

TEXT = "A Nvidia vendeu chips à China, disse o presidente da Meta em São Paulo."
UNICODE_CONFIG = CONFIG.replace('value="$text"', 'value="$text" encoding="base64unicode"')
LATIN1_CONFIG = CONFIG.replace('value="$text"', 'value="$text" encoding="base64"')


def encoded(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


@pytest.mark.parametrize("value, expected", [
    ("TWV0YQ==", b"Meta"),
    ("TWV0YQ", b"Meta"),  # padding is optional
    (" TWV0\n YQ==\t", b"Meta"),  # ASCII whitespace is skipped
    ("TWV0YQ=", None),  # a length not a multiple of 4: its '=' is no padding but a letter outside the alphabet
    ("TWV0Y", None),  # one letter past a group of four
    ("TWV0YQ==\u00a0", None),  # a no-break space is not ASCII whitespace
    ("TW-0YQ==", None),  # the URL-safe alphabet is not atob's
    ("", b""),
])
def test_base64_decodes_as_the_browsers_atob(value: str, expected: bytes | None) -> None:
    assert forgiving_base64(value) == expected


def test_a_base64unicode_text_is_suggested_on_as_the_editor_shows_it(app) -> None:
    [regions] = predict(app, encoded(TEXT), config=UNICODE_CONFIG)
    assert {("Nvidia", "Organization"), ("China", "Place"), ("Meta", "Organization"),
            ("São Paulo", "Place")} <= entities(regions)
    for region in regions:
        if region["type"] == "labels":
            value = region["value"]
            assert TEXT[value["start"]:value["end"]] == value["text"]


def test_a_base64_text_is_read_one_character_a_byte_as_atob_gives_it(app) -> None:
    # What the editor shows: UTF-8 bytes read as Latin-1 ("SÃ£o Paulo"); offsets count those characters.
    shown = TEXT.encode("utf-8").decode("latin-1")
    [regions] = predict(app, encoded(TEXT), config=LATIN1_CONFIG)
    assert ("Nvidia", "Organization") in entities(regions)
    for region in regions:
        if region["type"] == "labels":
            value = region["value"]
            assert shown[value["start"]:value["end"]] == value["text"]


def test_a_text_that_does_not_decode_gets_no_suggestion_and_the_others_do(app) -> None:
    invalid_utf8 = base64.b64encode(b"Meta \xff\xfe").decode("ascii")
    tasks = [{"id": 1, "data": {"text": "n\u00e3o \u00e9 base64!"}, "project": PROJECT},
             {"id": 2, "data": {"text": invalid_utf8}, "project": PROJECT},
             {"id": 3, "data": {"text": encoded(TEXT)}, "project": PROJECT}]
    answer = app.test_client().post("/predict", json={"tasks": tasks, "label_config": UNICODE_CONFIG})
    assert answer.status_code == 200, answer.json
    first, second, third = (result["result"] for result in answer.json["results"])
    assert first == [] and second == []
    assert ("Meta", "Organization") in entities(third)


def test_an_encoded_pages_regions_are_on_the_decoded_page(app) -> None:
    html = "<p>A <b>Nvidia</b> vendeu chips à China.</p><p>A Meta comprou.</p>"
    config = PAGE_CONFIG.replace('value="$html"', 'value="$html" encoding="base64unicode"')
    answer = app.test_client().post("/predict", json={
        "tasks": [{"id": 1, "data": {"html": encoded(html)}, "project": PROJECT}], "label_config": config})
    page = rendered_page(html, False)
    found = {}
    for region in answer.json["results"][0]["result"]:
        if region["type"] == "hypertextlabels":
            value = region["value"]
            offsets = value["globalOffsets"]
            assert page.global_text[offsets["start"]:offsets["end"]] == value["text"]
            found[value["text"]] = value["hypertextlabels"][0]
    assert found.get("Nvidia") == "Empresa" and found.get("China") == "Lugar"


def test_an_annotation_on_an_encoded_text_is_learned(make_app) -> None:
    app = make_app()
    body = annotation_body(1, "O assistente Jandaia saiu.", [("Jandaia", "Product")])
    body["task"]["data"]["text"] = encoded(body["task"]["data"]["text"])
    body["project"]["label_config"] = UNICODE_CONFIG
    post(app, body)
    assert ("Jandaia", "Product") in taught(predict(app, "O Jandaia, da Pindorama Labs, já tem mil usuários.")[0])


def test_an_annotation_on_an_encoded_page_is_learned(make_app) -> None:
    app = make_app()
    html = "<p>A startup <b>Pindorama</b> Labs lançou</p><p>o assistente <i>Jandaia</i> ontem.</p>"
    body = annotation_body(1, "", [])
    body["task"]["data"] = {"html": encoded(html)}
    body["annotation"]["result"] = page_regions(html, [("Jandaia", "Produto")], False)
    body["project"]["label_config"] = PAGE_CONFIG.replace('value="$html"', 'value="$html" encoding="base64unicode"')
    post(app, body)
    assert ("Jandaia", "Product") in taught(predict(app, "O Jandaia, da Pindorama Labs, já tem mil usuários.")[0])


def test_decoded_data_leaves_a_plain_configs_data_as_it_is() -> None:
    data = {"text": encoded(TEXT)}
    assert decoded_data(CONFIG, data) is data
    assert decoded_data(None, data) is data
    assert decoded_data(UNICODE_CONFIG, data) == {"text": TEXT}
    assert parse_labeling_config(UNICODE_CONFIG).main.encoding == "base64unicode"


def write_export(tmp_path: Path, text: str, spans: list[tuple[str, str]]) -> Path:
    decoded = base64.b64decode(text).decode("utf-8") if forgiving_base64(text) else text
    result = []
    for words, label in spans:
        start = decoded.index(words)
        result.append({"id": f"r{len(result)}", "from_name": "label", "to_name": "text", "type": "labels",
                       "value": {"start": start, "end": start + len(words), "text": words, "labels": [label]}})
    task: dict[str, Any] = {"id": 1, "data": {"text": text}, "predictions": [],
                            "annotations": [{"id": 10, "completed_by": 1, "result": result, "was_cancelled": False,
                                             "created_at": "2026-11-30T06:27:55Z"}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path


def config_file(tmp_path: Path, xml: str) -> Path:
    path = tmp_path / "config.xml"
    path.write_text(xml, encoding="utf-8")
    return path


def test_an_export_writes_the_decoded_text_and_places_its_spans(tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = write_export(tmp_path, encoded(TEXT), [("Nvidia", "Organization"), ("São Paulo", "Place")])
    result = run_cli(path, "jsonl", out, "--quiet", "--language", "pt",
                     "--label-config", str(config_file(tmp_path, UNICODE_CONFIG)))
    assert result.exit_code == 0, result.output
    [example] = read_jsonl(out).values()
    assert example["text"] == TEXT
    assert {TEXT[start:end] for start, end, _label in example["spans"]} == {"Nvidia", "São Paulo"}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {DECODED_TEXTS: 1} and not report["left_out"] and not report["repaired"]


def test_an_export_of_a_text_that_does_not_decode_stops_naming_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    path = write_export(tmp_path, "não é base64", [])
    result = run_cli(path, "jsonl", out, "--quiet", "--language", "pt",
                     "--label-config", str(config_file(tmp_path, UNICODE_CONFIG)))
    assert result.exit_code == 1
    assert ('task 1 at $[0]: data.text: does not decode as the labeling config\'s encoding="base64unicode" says '
            "(base64 of UTF-8 text)") in result.output
    assert not out.exists()
