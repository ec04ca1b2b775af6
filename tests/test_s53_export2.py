"""s53-export2: a ``Labels`` control drawn on a HyperText page (Label Studio 1.23.2's editor allows it; its regions
are of type ``labels`` with a page region's XPaths and ``globalOffsets``) read alike by /predict, interactive
pre-annotation, learning from /webhook and ``anota export`` (one reading: server.labeling's targets and
schemas.label_studio_export.page_region); and two report wordings of the export (a repair names every reading
that gives its place; a per-region answer without an id says so). The editor's side (it draws, keeps and saves
such suggestions) is tests/e2e/test_e2e_browser.py's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from server.hypertext import rendered_page
from server.labeling import LABEL_MAPPING_VERSION, parse_labeling_config
from tests.conftest import FIXTURES
from tests.test_entities import PROJECT, predict
from tests.test_learning_hypertext import PAGE_CONFIG, PROBE, page_body, post
from tests.test_learning_probe import taught

# The same page project through HyperTextLabels and through Labels.
HYPERTEXT_LABELS = PAGE_CONFIG.replace('value="$html"/>', 'value="$html"/>\n  <Choices name="tom" toName="page">'
                                       '<Choice value="Positivo"/><Choice value="Negativo"/><Choice value="Neutro"/>'
                                       '</Choices>')
LABELS = HYPERTEXT_LABELS.replace("<HyperTextLabels", "<Labels").replace("</HyperTextLabels>", "</Labels>")
PAGE = ("<h1>Embrapa &amp; USP</h1><p>A pesquisadora Ana Lima, da Embrapa, visitou Goiânia<br>com a equipe da "
        "USP.</p><p>A Embrapa e a USP assinaram um acordo em Brasília.</p>")
STUDIED = FIXTURES / "s53-export" / "studied"
AWKWARD = FIXTURES / "s53-export" / "awkward"


def page_predictions(client, config: str, context: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    body: dict[str, Any] = {"tasks": [{"id": 1, "data": {"html": PAGE}, "project": PROJECT}], "label_config": config}
    if context is not None:
        body["params"] = {"context": {"result": context}}
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200, answer.json
    return answer.json["results"][0]["result"]


def spans_of(regions: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """Each span region's type and value, its labels under one key."""
    return sorted(((region["type"], {**{k: v for k, v in region["value"].items() if k != region["type"]},
                                     "labels": region["value"][region["type"]]})
                   for region in regions if region["type"] in ("labels", "hypertextlabels")), key=repr)


def test_the_config_offers_a_labels_control_on_a_page_as_page_spans_of_its_own_type():
    page = parse_labeling_config(LABELS).main
    assert page.is_hypertext and page.span_controls == {"ner": "labels"}
    target = page.span_target("PER")
    assert target is not None and target.value == "Pessoa" and target.type == "labels" and target.on_page
    assert parse_labeling_config(HYPERTEXT_LABELS).main.span_controls == {"ner": "hypertextlabels"}
    # A Text's Labels stays a text's span.
    assert not parse_labeling_config(LABELS.replace("<HyperText ", "<Text ")).main.span_target("PER").on_page


def test_predict_suggests_a_labels_control_on_a_page_the_spans_hypertextlabels_gets(client):
    # main f228bf1d: the sentiment alone, no span (server.labeling read a page's spans from HyperTextLabels only).
    through_labels = page_predictions(client, LABELS)
    through_hypertext = page_predictions(client, HYPERTEXT_LABELS)
    spans = spans_of(through_labels)
    assert [kind for kind, _ in spans] == ["labels"] * len(spans) and len(spans) >= 4
    assert [value for _, value in spans] == [value for _, value in spans_of(through_hypertext)]
    assert {"Embrapa", "USP", "Ana Lima"} <= {value["text"] for _, value in spans}
    ana = next(value for _, value in spans if value["text"] == "Ana Lima")
    assert ana["globalOffsets"] == {"start": 28, "end": 36} and ana["start"] == "/p[1]/text()[1]"
    assert any(region["type"] == "choices" for region in through_labels)


def test_the_model_version_moves_with_the_mapping():
    assert LABEL_MAPPING_VERSION == "9"


def drawn_on_page(words: str, label: str, kind: str, occurrence: int = 0) -> dict[str, Any]:
    """A region an annotator drew over ``words`` on PAGE through a control of type ``kind``, as the editor sends it."""
    page = rendered_page(PAGE, False)
    start = -1
    for _ in range(occurrence + 1):
        start = page.text.index(words, start + 1)
    value = page.region_value(start, start + len(words))
    assert value is not None
    return {"id": f"drawn-{start}", "from_name": "ner", "to_name": "page", "type": kind, "origin": "manual",
            "value": {**value, kind: [label]}}


@pytest.mark.parametrize("config, kind", [(LABELS, "labels"), (HYPERTEXT_LABELS, "hypertextlabels")])
def test_a_mark_on_a_page_through_either_control_goes_to_every_other_occurrence(client, config, kind):
    # main f228bf1d, Labels: the mark's "Embrapa" ORG copies none, and the plugins' span at the mark is sent again.
    drawn = drawn_on_page("Embrapa", "Lugar", kind, occurrence=1)
    answer = page_predictions(client, config, [drawn])
    copies = [region for region in answer if region["id"].startswith("ctx")]
    assert [(r["type"], r["value"]["text"], r["value"][kind]) for r in copies] == [(kind, "Embrapa", ["Lugar"])] * 2
    assert all(r["value"]["globalOffsets"]["start"] != drawn["value"]["globalOffsets"]["start"] for r in copies)
    at_mark = [r for r in answer if r["type"] == kind
               and r["value"]["globalOffsets"] == drawn["value"]["globalOffsets"]]
    assert at_mark == []


def labels_page_body(annotation_id: int, html: str, spans: list[tuple[str, str]], **kwargs: Any) -> dict[str, Any]:
    """A webhook body of the Labels-on-a-page project: its regions of type ``labels`` with the page's values."""
    body = page_body(annotation_id, html, spans, config=LABELS, **kwargs)
    for region in [*body["annotation"]["result"], *(body["annotation"].get("prediction") or {}).get("result", [])]:
        region["type"] = "labels"
        region["value"]["labels"] = region["value"].pop("hypertextlabels")
    return body


def test_spans_a_labels_control_drew_on_a_page_are_learned(make_app):
    # main f228bf1d: nothing learned (entity_memory read hypertextlabels regions only).
    app = make_app()
    html = "<p>A startup <b>Pindorama</b> Labs lançou</p><p>o assistente <i>Jandaia</i> ontem.</p>"
    post(app, labels_page_body(1, html, [("Pindorama Labs", "Empresa"), ("Jandaia", "Produto")]))
    assert {("Pindorama Labs", "Organization"), ("Jandaia", "Product")} <= taught(predict(app, PROBE)[0])


def test_a_suggestion_deleted_through_a_labels_control_on_a_page_is_learned_against(make_app):
    app = make_app()
    html = "<div><p>O <b>Gemini</b> e o Qwen3</p><p>competem.</p></div>"
    post(app, labels_page_body(1, html, [("Qwen3", "Produto")], prediction=[("Gemini", "Produto"),
                                                                            ("Qwen3", "Produto")]))
    found = {(r["value"]["text"], r["value"]["labels"][0]) for r in predict(app, "O Gemini cresce; o Qwen3 também.")[0]}
    assert ("Gemini", "Product") not in found and ("Qwen3", "Product") in found


def test_page_region_is_the_one_reading_of_a_pages_span():
    from schemas.label_studio_export import page_labels, page_region

    labels = drawn_on_page("USP", "Lugar", "labels")
    hypertext = drawn_on_page("USP", "Lugar", "hypertextlabels")
    assert page_region(labels) and page_region(hypertext)
    assert page_labels(labels) == page_labels(hypertext) == ["Lugar"]
    text_span = {"type": "labels", "value": {"start": 3, "end": 6, "text": "USP", "labels": ["Lugar"]}}
    assert not page_region(text_span) and page_labels(text_span) is None


def export(tmp_path: Path, source: Path, project: str, name: str = "out") -> dict[str, Any]:
    from click.testing import CliRunner

    from server.cli import cli

    out = tmp_path / name
    done = CliRunner().invoke(cli, ["export", str(source), "--format", "jsonl", "--out", str(out), "--quiet",
                                    "--label-config", str(STUDIED / project / "label_config.xml")])
    assert done.exit_code == 0, done.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_the_exporter_reads_the_labels_control_on_a_page_from_the_shared_config_reading(tmp_path):
    # The exporter's own list of such controls (s53-export's _labels_on_pages) is gone: the labeling config's
    # targets hold them. The studied page project exports as before: no control "not in the config".
    report = export(tmp_path, STUDIED / "page_labels" / "snapshot.json", "page_labels")
    assert not any("not in the labeling config" in kind for kind in report["left_out"])
    assert report["labels"]["train"] == {"ORG": 4, "LOC": 2, "PER": 2}


def repaired(report: dict[str, Any]) -> list[str]:
    return report["details"].get("spans repaired", [])


def test_a_folded_crlf_is_named_beside_the_emoji_that_shifts_the_offsets_alike(tmp_path):
    # awkward/crlf_folded_text_crlf_offsets: the text's \r\n became \n after the annotation; an emoji before the
    # claim shifts UTF-16 offsets by as much. f228bf1d named "UTF-16 offsets" alone, a guess.
    from server.exporting.placing import MOVED_SEVERAL_WAYS

    report = export(tmp_path, AWKWARD / "crlf_folded_text_crlf_offsets.json", "newsroom")
    claim = next(detail for detail in repaired(report) if "(CLAIM)" in detail)
    assert claim.endswith(r"moved to [74, 130) (UTF-16 offsets or offsets counted with each line break as \r\n: "
                          "each gives this place)")
    assert set(report["repaired_how"]["spans repaired"]) == {MOVED_SEVERAL_WAYS}


def test_offsets_counting_a_folded_crlf_alone_are_said_so(tmp_path):
    from server.exporting.placing import MOVED_LF_AS_CRLF

    text = "Linha um.\nA Petrobras cresceu.\nEm Recife também."
    as_annotated = text.replace("\n", "\r\n")
    regions = [{"id": name, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": as_annotated.index(name), "end": as_annotated.index(name) + len(name),
                          "text": name, "labels": [label]}} for name, label in (("Petrobras", "ORG"), ("Recife", "LOC"))]
    source = tmp_path / "export.json"
    source.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [{"id": 1, "result": regions}]}]))
    report = export(tmp_path, source, "newsroom")
    assert report["repaired_how"] == {"spans repaired": {MOVED_LF_AS_CRLF: 2}}
    assert repaired(report)[1].endswith(r"moved to [34, 40) (offsets counted with each line break as \r\n)")
    rows = [json.loads(line) for line in (tmp_path / "out" / "train.jsonl").read_text().splitlines()]
    assert [text[span["start"]:span["end"]] for span in rows[0]["spans"]] == ["Petrobras", "Recife"]


def test_lf_as_crlf_offsets_map_back_to_code_points():
    from server.exporting.placing import lf_as_crlf_to_code_points

    text = "a\nbc\r\nd\n\ne"

    def counted(offset: int) -> int:  # each lone \n before the offset written \r\n
        return offset + len(re.findall("(?<!\r)\n", text[:offset]))

    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            assert lf_as_crlf_to_code_points(text, (counted(start), counted(end))) == (start, end)
    assert lf_as_crlf_to_code_points(text, (2, 3)) is None  # between the first break's \r and \n
    assert lf_as_crlf_to_code_points("no break", (0, 2)) is None


def test_a_per_region_answer_without_an_id_says_it_has_none(tmp_path):
    # f228bf1d said "(no span has its id None)".
    tasks = json.loads((AWKWARD / "per_region_answer_of_no_span.json").read_text(encoding="utf-8"))
    [answer] = [region for annotation in tasks[0]["annotations"] for region in annotation["result"]
                if region.get("id") == "gone1"]
    del answer["id"]
    source = tmp_path / "no_id.json"
    source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = export(tmp_path, source, "newsroom")
    [(kind, [detail])] = [(kind, details) for kind, details in report["details"].items() if "per-region" in kind]
    assert detail.endswith("confidence: ['certain'] (it has no id: a per-region answer names its span by the "
                           "span's id)")
    with_id = export(tmp_path, AWKWARD / "per_region_answer_of_no_span.json", "newsroom", "with_id")
    assert with_id["details"][kind] == ["task 1, annotation 7, region gone1: confidence: ['certain'] (no span has "
                                        "its id 'gone1')"]
