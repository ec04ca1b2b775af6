"""Blind pages for HyperText learning and export, written with their truth
before they were run (htfollow session): every region of each page is
exported over the page's global text at its own text, nothing left out; and
each page's labelled names are learned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.exporting.pages import PAGES_AS_TEXT
from tests.test_entities import predict
from tests.test_export import read_jsonl
from tests.test_export_hypertext import regions, report_of
from tests.test_export_probe3 import run_cli
from tests.test_learning_hypertext import PAGE_CONFIG, page_body, post
from tests.test_learning_probe import taught

# html, its names and labels (the truth: each exported at its text, each learned)
BLIND = [
    ("<table><tr><td>Diretora</td><td>Ana Souza</td></tr><tr><td>Empresa</td><td>Jacarandá Sistemas</td></tr>"
     "</table>", [("Ana Souza", "Person"), ("Jacarandá Sistemas", "Organization")]),
    ("<p>Hoje \U0001F600 a <b>Tapioca Labs</b> abriu.<br>Falou <i>Beatriz Quaresma</i>.</p>",
     [("Tapioca Labs", "Organization"), ("Beatriz Quaresma", "Person")]),
    ("<p>O Ipê&nbsp;Digital comprou a Caju&amp;Cia.</p>", [("Ipê\u00a0Digital", "Organization")]),
    ("<body><style>.x{color:red}</style><script>var Ipanema=1;</script><h1>Notícia</h1>"
     "<p>A <span>Carnaúba Energia</span> cresceu.</p></body>", [("Carnaúba Energia", "Organization")]),
]
LEARNED = {("Ana Souza", "Person"), ("Jacarandá Sistemas", "Organization"), ("Tapioca Labs", "Organization"),
           ("Beatriz Quaresma", "Person"), ("Ipê Digital", "Organization"), ("Carnaúba Energia", "Organization")}
PROBE = ("Ana Souza, da Jacarandá Sistemas, e Beatriz Quaresma, da Tapioca Labs, falaram; a Ipê Digital e a "
         "Carnaúba Energia também.")
LABELS = {"Person": "Pessoa", "Organization": "Empresa"}


@pytest.mark.parametrize("inline", [False, True])
def test_blind_pages_export_each_region_at_its_text(tmp_path: Path, inline: bool) -> None:
    config = tmp_path / "config.xml"
    config.write_text(PAGE_CONFIG.replace("Pessoa", "Person").replace("Empresa", "Organization").replace(
        'value="$html"', f'value="$html" inline="{str(inline).lower()}"'), encoding="utf-8")
    tasks = [{"id": number, "data": {"html": html}, "predictions": [],
              "annotations": [{"id": 100 + number, "completed_by": 1, "was_cancelled": False,
                               "updated_at": "2026-12-02T10:00:00Z", "result": regions(html, inline, spans)}]}
             for number, (html, spans) in enumerate(BLIND, 1)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(path, "jsonl", out, "--quiet", "--language", "pt", "--label-config", str(config))
    assert result.exit_code == 0, result.output
    found = read_jsonl(out)
    for number, (_html, spans) in enumerate(BLIND, 1):
        text = found[number]["text"]
        assert {(text[start:end], label) for start, end, label in found[number]["spans"]} == set(spans)
    report = report_of(out)
    assert report["format_notes"] == {PAGES_AS_TEXT: len(BLIND)} and not report["repaired"] and not report["left_out"]


def test_blind_pages_teach_their_names(make_app) -> None:
    app = make_app()
    for number, (html, spans) in enumerate(BLIND, 1):
        post(app, page_body(number, html, [(words, LABELS[label]) for words, label in spans]))
    learned = {(" ".join(words.split()), label) for words, label in taught(predict(app, PROBE)[0])}
    assert LEARNED <= learned
