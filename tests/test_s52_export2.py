"""Session 52 round 2, export leftovers (bench/HISTORY.md "## s52-export2").

1. /predict reads a Taxonomy as ``anota export`` does (``server.labeling.takes_one_value``): one path a task only
   with ``maxUsages="1"``, several otherwise; before, /predict kept every Taxonomy region (its
   ``keep_best_single_choices`` read only Choices) and its targets said "single" for every Taxonomy.
2. A file that is no task (a webhook body, an API answer, another tool's dataset) says what it is and what to give
   instead, no longer followed by the task schema's "(read as a task ...)".
3. A schema's message is a clause of the error's line: no ".; " (``schemas.label_studio_export.as_clause``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schemas.label_studio_export import as_clause
from server import Annotator, Choice, LabelSpec, hookimpl
from server.cli import cli
from server.labeling import parse_labeling_config, takes_one_value

TAXONOMY_CONFIG = """<View>
  <Text name="title" value="$title"/>
  <Text name="body" value="$body"/>
  <Taxonomy name="tema" toName="title,body"{bound}>
    <Choice value="Sentimento"><Choice value="Positivo"/><Choice value="Negativo"/></Choice>
    <Choice value="Assunto"><Choice value="Transporte"/><Choice value="Saúde"/></Choice>
  </Taxonomy>
</View>"""
TASK = {"id": 1, "data": {"title": "Comboios voltam a atrasar na linha de Sintra",
                          "body": "A nova carruagem é confortável e chegou a horas."}}


class ToneByCue(Annotator):
    """A fixed tone a text: Negative (0.6) where it says "atrasar", Positive (0.9) elsewhere."""

    def annotate(self, text: Any) -> list[Choice]:
        return [Choice("Negative", 0.6) if "atrasar" in text.text else Choice("Positive", 0.9)]


@hookimpl
def register_annotators(register: Any) -> None:
    register(ToneByCue(name="tone-by-cue", version="1", labels=[LabelSpec("Positive", "choice"),
                                                                   LabelSpec("Negative", "choice")]))


@pytest.fixture
def toned(make_app: Any) -> Any:
    app = make_app(PLUGINS=[__name__], DISABLE_PLUGINS=["entities", "claims", "sentiment"], PRELOAD=False)
    return app.test_client()


def predicted_paths(client: Any, bound: str) -> list[tuple[str, list[list[str]]]]:
    answer = client.post("/predict", json={"tasks": [TASK], "label_config": TAXONOMY_CONFIG.format(bound=bound),
                                           "project": "9.1"})
    assert answer.status_code == 200, answer.json
    [prediction] = answer.json["results"]
    return sorted((region["to_name"], region["value"]["taxonomy"]) for region in prediction["result"])


def test_predict_output_for_a_taxonomy_with_and_without_max_usages_one(toned: Any) -> None:
    """maxUsages="1" over a title and a body: the best-scored path only (before: both, two paths the editor
    cannot hold)."""
    assert predicted_paths(toned, ' maxUsages="1"') == [("body", [["Sentimento", "Positivo"]])]
    # Label Studio reads the attribute lower-cased, as the exporters do.
    assert predicted_paths(toned, ' maxusages="1"') == [("body", [["Sentimento", "Positivo"]])]
    # Unbounded (or bounded above one): each text's path, as annotators may pick several.
    several = [("body", [["Sentimento", "Positivo"]]), ("title", [["Sentimento", "Negativo"]])]
    assert predicted_paths(toned, "") == several
    assert predicted_paths(toned, ' maxUsages="2"') == several


@pytest.mark.parametrize(("attrs", "one"), [
    ({"maxUsages": "1"}, True), ({"maxusages": " 1 "}, True), ({"MAXUSAGES": "1"}, True), ({}, False),
    (None, False), ({"maxUsages": "3"}, False), ({"choice": "single"}, False)])
def test_takes_one_value_of_a_taxonomy(attrs: dict[str, str] | None, one: bool) -> None:
    assert takes_one_value(attrs, "Taxonomy") is one


def test_the_config_marks_a_taxonomys_targets_single_only_when_bounded_to_one() -> None:
    """The targets both /predict and the exporters' settings read (before: single for every Taxonomy)."""
    for bound, single in (("", False), (' maxUsages="1"', True)):
        body = parse_labeling_config(TAXONOMY_CONFIG.format(bound=bound)).objects[1]
        assert {target.single for target in body.choices.values()} == {single}


# 2. A file that is no task: what it is and what to give instead, without the schema's "(read as a task, task ?:
#    id: Missing data for required field.; ...)", which named keys of a task this object never meant to be.
NOT_TASKS = {
    "webhook.json": ({"action": "ANNOTATION_UPDATED", "project": {"id": 4}, "task": {"id": 12},
                      "annotation": {"id": 30, "result": []}},
                     "$[0]: a Label Studio webhook body (action ANNOTATION_UPDATED), not a task of an export: send "
                     "Label Studio's webhook to Anota's /webhook and export with --from-db, or export the project as "
                     "JSON"),
    "api_answer.json": ({"detail": "Você não tem permissão para executar essa ação."},
                        "$[0]: Label Studio's API answered 'Você não tem permissão para executar essa ação.' instead "
                        "of an export: check the URL and the access token, then download the export again"),
    "doccano.json": ({"id": 8, "text": "A Galp abriu um posto em Faro.", "label": [[2, 6, "ORG"], [25, 29, "LOC"]]},
                     "$[0]: this looks like a doccano export (JSONL), not a Label Studio export: Anota reads the JSON "
                     "export of a Label Studio project; import it into Label Studio first"),
}


@pytest.mark.parametrize("name", sorted(NOT_TASKS))
def test_a_file_that_is_no_task_says_what_it_is_and_what_to_give(tmp_path: Path, name: str) -> None:
    made, message = NOT_TASKS[name]
    path = tmp_path / name
    path.write_text(json.dumps([made], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "jsonl", "--out", str(out), "--quiet"])
    assert result.exit_code != 0
    assert not out.exists()
    assert result.output == f"Error: {path}: {message}; nothing was written\n"


# 3. One punctuation rule for every schema error: a message is a clause of the error's one line, so it loses its
#    final period ("Missing data for required field.; nothing was written" before, seen by s52-acceptance).
def test_a_schema_error_reads_as_one_line_without_a_period_before_the_semicolon(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": 5, "data": {"text": "O Sporting venceu."},
                                 "annotations": [{"id": 1, "result": [{"from_name": "label", "to_name": "text",
                                                                       "type": "labels", "value": {"start": "2"}}]}]}]),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "jsonl", "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert result.output == (
        f"Error: {path}: task 5 at $[0]: annotations[0].result[0].value.start: Not a valid integer but a string "
        "('2'); annotations[0].result[0].value.labels: Missing data for required field; nothing was written\n")


@pytest.mark.parametrize(("message", "clause"), [
    ("Missing data for required field.", "Missing data for required field"),
    ("Not a valid string but a text ('Um dois...').", "Not a valid string but a text ('Um dois...')"),
    ("a text ending in an ellipsis...", "a text ending in an ellipsis..."),  # its dots are not a period
    ("no period", "no period")])
def test_as_clause(message: str, clause: str) -> None:
    assert as_clause(message) == clause
