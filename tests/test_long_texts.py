"""Long tasks (a book chapter, a long report imported as one task): analysed in
pieces, within their time budget, stopped between pieces when the budget runs
out, and no thread left in BLAS when the process exits."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from flask import Flask

from server.analysis import PIECE_CHARS, AnalyzedText, parse_rounds, piece_bounds
from server.app import get_state
from server.predicting import INCOMPLETE, TEXT_CHARS, counted_texts
from tests.conftest import FIXTURES
from tests.test_entities import annotation_body, entities, predict

CONFIG = """<View><Text name="text" value="$text"/>
<Labels name="entities" toName="text"><Label value="PER"/><Label value="ORG"/><Label value="LOC"/>
<Label value="PRODUCT"/></Labels>
<Labels name="claims" toName="text"><Label value="CLAIM"/></Labels>
<Choices name="sentiment" toName="text" choice="single"><Choice value="Positive"/><Choice value="Negative"/>
<Choice value="Neutral"/></Choices></View>"""


def english_report(chars: int) -> str:
    """A long English report: the news probes' English paragraphs, one after
    another and again, up to ``chars`` characters (cut at a paragraph)."""
    paragraphs = [json.loads(line)["text"] for path in sorted(FIXTURES.glob("news_probe*/*.jsonl"))
                  for line in path.read_text(encoding="utf-8").splitlines() if json.loads(line)["lang"] == "en"]
    report: list[str] = []
    while sum(len(paragraph) + 2 for paragraph in report) < chars:
        report += paragraphs
    text = "\n\n".join(report)
    return text[:text.rfind("\n\n", 0, chars)]


REPORT = english_report(300_000)


def predict_one(app: Flask, text: str) -> dict[str, Any]:
    answer = app.test_client().post("/predict", json={"tasks": [{"id": 1, "data": {"text": text}}],
                                                      "label_config": CONFIG, "project": "1.0"})
    assert answer.status_code == 200
    return answer.json["results"][0]


def regions_of(prediction: dict[str, Any], control: str) -> list[dict[str, Any]]:
    return [region for region in prediction["result"] if region["from_name"] == control]


def test_pieces_cover_the_text_and_begin_a_paragraph_else_a_sentence_else_a_word():
    paragraph = "The Dra. Silva report was read. " * 20 + "\n\n"
    text = paragraph * 40
    bounds = piece_bounds(text, "en", limit=1_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= 1_000 for start, end in bounds)
    # Each piece after the first begins a paragraph (642 characters each here).
    assert all(start % len(paragraph) == 0 for start, _ in bounds)
    # Without paragraphs, a sentence (not after 'Dra.'); without sentences, a word.
    sentences = "The Dra. Silva report was read. " * 100
    assert all(sentences.startswith("The ", start) for start, _ in piece_bounds(sentences, "en", limit=1_000))
    words = "word " * 500
    assert all(words.startswith("word", start) for start, _ in piece_bounds(words, "en", limit=1_000))
    # One word longer than a piece is cut where the piece is full.
    assert piece_bounds("x" * 2_500, "en", limit=1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_a_text_of_up_to_piece_chars_is_read_whole_and_a_longer_one_in_pieces_with_its_language():
    short = AnalyzedText("a" * PIECE_CHARS, language_hint="pt")
    assert short.pieces() == [short]
    long = AnalyzedText(REPORT, part=(0, 3))
    pieces = long.pieces()
    assert [(piece.offset, piece.offset + len(piece.text)) for piece in pieces] == piece_bounds(REPORT, "en")
    assert all(REPORT[piece.offset:piece.offset + len(piece.text)] == piece.text for piece in pieces)
    assert {piece.language for piece in pieces} == {"en"} and all(piece.whole is long for piece in pieces)
    # Only the first piece opens the text (claims read the opening sentence of a document differently).
    assert [piece.part for piece in pieces[:3]] == [(0, 3), (1, len(pieces)), (2, len(pieces))]


def test_a_batch_of_ordinary_tasks_is_parsed_in_one_round_and_a_long_one_in_several():
    assert parse_rounds([600] * 80) == [0] * 80
    assert parse_rounds([30_000, 30_000, 10_000, 60_000, 5_000]) == [0, 1, 1, 2, 3]


def test_a_request_parsed_in_several_rounds_predicts_what_requests_of_one_round_do(app):
    # The news probes' 123 paragraphs (51 KB) in one request take two parse rounds.
    texts = [json.loads(line)["text"] for path in sorted(FIXTURES.glob("news_probe*/*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(set(parse_rounds([len(text) for text in texts]))) == 2

    def predictions(batch: list[str]) -> list[dict[str, Any]]:
        tasks = [{"id": number, "data": {"text": text}} for number, text in enumerate(batch)]
        return app.test_client().post("/predict", json={"tasks": tasks, "label_config": CONFIG}).json["results"]

    assert predictions(texts) == [prediction for first in range(0, len(texts), 20)
                                  for prediction in predictions(texts[first:first + 20])]


def test_a_long_text_counts_once_per_text_chars_characters_in_the_time_budget():
    texts = [AnalyzedText("a" * length) for length in (30, TEXT_CHARS, TEXT_CHARS + 1, 1_000_000)]
    assert counted_texts(texts) == 1 + 1 + 2 + 500
    assert counted_texts([AnalyzedText("")]) == 1


def test_a_long_report_gets_entities_claims_and_sentiment_at_exact_offsets(make_app):
    # 300 KB: the entities' rules took 22 s on it whole (their cost grows with
    # the square of the names), past the 20 s budget, and gave nothing. The
    # budget here is ten times the default so that a loaded machine still
    # finishes: what this checks is the pieces' offsets, not their speed.
    prediction = predict_one(make_app(PLUGIN_TIMEOUT=200.0), REPORT)
    assert not prediction["model_version"].endswith(INCOMPLETE)
    entities, claims = regions_of(prediction, "entities"), regions_of(prediction, "claims")
    assert len(regions_of(prediction, "sentiment")) == 1
    assert len(entities) > 5_000 and len(claims) > 1_000
    for region in entities + claims:
        value = region["value"]
        assert REPORT[value["start"]:value["end"]] == value["text"]
    # Names to the end of the text: its last paragraph's too.
    last_paragraph = REPORT.rfind("\n\n")
    assert any(region["value"]["start"] > last_paragraph for region in entities)


def test_an_annotator_out_of_time_stops_between_pieces_and_keeps_the_pieces_it_finished(make_app):
    app = make_app(PLUGIN_TIMEOUT=2.0, DISABLE_PLUGINS=["claims", "sentiment"])
    prediction = predict_one(app, REPORT)
    answered = time.monotonic()
    # The prediction says it is incomplete, so that Label Studio asks again; the
    # listing and the metrics count the entities' timeout.
    assert prediction["model_version"].endswith(INCOMPLETE)
    starts = [region["value"]["start"] for region in regions_of(prediction, "entities")]
    assert starts and max(starts) < len(REPORT) * 0.9
    listing = app.test_client().get("/plugins").json["plugins"]
    assert next(plugin for plugin in listing if plugin["name"] == "entities")["errors"] == {"timeout": 1}
    # Its thread stops at its next piece instead of working on for nobody (it
    # had some 20 s of work left on a quiet machine: a piece takes well under a
    # second there, several on a loaded one, hence the 15 s wait).
    (lane,) = get_state(app).predictor.lanes
    while lane.running and time.monotonic() - answered < 15:
        time.sleep(0.05)
    assert not lane.running


def test_a_suggestion_deleted_from_a_long_text_is_learned_without_the_prediction(make_app):
    # Label Studio's webhook may omit the prediction: the spans Anota suggested
    # for the whole text, not for its pieces, are what the annotation is read against.
    app = make_app()
    text = "O relatório foi lido em voz alta na reunião de ontem. " * 200 + "\n\nA Meta e a Nvidia falaram com a China."
    assert len(text) > PIECE_CHARS
    assert {("Meta", "Organization"), ("Nvidia", "Organization")} <= entities(predict(app, text)[0])
    body = annotation_body(1, text, [("Nvidia", "Organization"), ("China", "Place")])
    app.test_client().post("/webhook", json=body)
    after = entities(predict(app, "Meta anunciou resultados. A Meta cresceu e a Nvidia também.")[0])
    assert ("Meta", "Organization") not in after and ("Nvidia", "Organization") in after


EXITING_AFTER_A_TIMEOUT = """
import sys
from server import create_app
app = create_app({"DATABASE_URL": "sqlite:///" + sys.argv[1], "PRELOAD": False, "PLUGIN_TIMEOUT": 0.2,
                  "PLUGINS": ["tests.sample_plugins.blas_busy"], "DISABLE_PLUGINS": ["entities", "claims", "sentiment"]})
answer = app.test_client().post("/predict", json={"tasks": [{"id": 1, "data": {"text": "Um texto."}}],
    "label_config": '<View><Text name="text" value="$text"/><Choices name="c" toName="text">'
                    '<Choice value="Negative"/></Choices></View>'})
print(answer.status_code, answer.json["results"][0]["model_version"].endswith("-incomplete"))
"""


def test_the_process_exits_cleanly_while_an_annotator_it_gave_up_on_is_in_blas(tmp_path):
    # The request goes on without the annotator after 0.2 s; the process then
    # exits while the annotator's thread multiplies matrices in BLIS, which
    # aborted it ("libblis: Aborting.", status 134) unless the exit waits.
    done = subprocess.run([sys.executable, "-c", EXITING_AFTER_A_TIMEOUT, str(tmp_path / "anota.db")],
                          capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.split() == ["200", "True"], done.stderr
    assert done.returncode == 0 and "libblis" not in done.stderr, done.stderr
