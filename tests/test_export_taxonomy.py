"""``anota export`` of Label Studio Taxonomy results: task-level ones are
exported as choices (each selected path one value, its items joined with
" / "), under every policy and format; a perRegion one stays left out; a
path that ends where /predict puts the sentiment gives the sentiment."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugins.exporters import CsvExporter, JsonlExporter
from schemas.label_studio_export import TaskError, _fast_task, load_task
from schemas.label_studio_schemas import TASK_SCHEMA
from server.cli import cli
from server.exporting.converting import Settings
from server.exporting.examples import ExportError
from server.exporting.report import ExportReport
from server.exporting.running import run_export
from server.exporting.sources import file_source

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "taxonomy_export.json"
PER_REGION = "regions of control type 'taxonomy' (not exported)"
CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="ORG"/><Label value="PER"/></Labels>
  <Taxonomy name="taxonomy" toName="text">
    <Choice value="Sentiment">
      <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
    </Choice>
    <Choice value="Topic">
      <Choice value="Economy"><Choice value="Inflation"/></Choice>
      <Choice value="Politics"/>
    </Choice>
  </Taxonomy>
  <Taxonomy name="aspects" toName="text" perRegion="true">
    <Choice value="Aspect"><Choice value="Transport"/></Choice>
  </Taxonomy>
</View>
"""


def export(tmp_path: Path, fmt: str = "jsonl", **settings: Any) -> tuple[Path, ExportReport]:
    exporter = {"jsonl": JsonlExporter(), "csv": CsvExporter()}[fmt]
    out = tmp_path / f"out-{fmt}-{settings.get('policy', 'latest')}"
    return out, run_export(file_source(FIXTURE), exporter, out, Settings(**settings), force=True)


def lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]


def by_task(out: Path) -> dict[int, dict[str, Any]]:
    return {line["meta"]["task_id"]: line for line in lines(out)}


def test_each_selected_path_is_one_choice_of_its_control_joined_with_slashes(tmp_path: Path) -> None:
    out, report = export(tmp_path)
    examples = by_task(out)
    assert examples[101]["choices"] == {"taxonomy": ["Sentiment / Positive", "Topic / Economy / Inflation"]}
    assert examples[101]["spans"][0]["label"] == "ORG"  # the task's spans as ever
    # A perRegion taxonomy (its value holds the span it labels) is a region's: left out before exportprobe42,
    # now the span's attribute.
    assert examples[103]["choices"] == {}
    assert [span.get("attributes") for span in examples[103]["spans"]] == [{"taxonomy": ["Aspect / Transport"]}]
    assert PER_REGION not in report.left_out
    counts = report.as_dict()["choices"]["train"]
    assert counts["taxonomy=Sentiment / Positive|Topic / Economy / Inflation"] == 1


def test_taxonomy_choices_are_written_to_csv(tmp_path: Path) -> None:
    out, _report = export(tmp_path, "csv")
    with (out / "train.csv").open(encoding="utf-8", newline="") as handle:
        rows = {int(row["task_id"]): row for row in csv.DictReader(handle)}
    assert rows[101]["control"] == "taxonomy"
    assert rows[101]["choice"] == "Sentiment / Positive|Topic / Economy / Inflation"


@pytest.mark.parametrize("policy,expected", [
    ("latest", [["Topic / Economy", "Sentiment / Negative"]]),
    ("ground-truth", [["Topic / Politics"]]),
    ("majority", [["Topic / Politics"]]),  # 2 of 3 annotators
    ("all", [["Topic / Politics"], ["Topic / Politics"], ["Topic / Economy", "Sentiment / Negative"]]),
])
def test_the_policies_choose_taxonomy_values_as_they_choose_choices(
    tmp_path: Path, policy: str, expected: list[list[str]]
) -> None:
    out, _report = export(tmp_path, policy=policy)
    assert [line["choices"]["taxonomy"] for line in lines(out) if line["meta"]["task_id"] == 102] == expected


def test_an_anota_taxonomy_prediction_counts_in_survival(tmp_path: Path) -> None:
    _out, report = export(tmp_path)
    # Predicted Sentiment > Positive; the annotator kept it and added a topic: changed, as for Choices.
    assert report.survival.as_dict()["plugins"]["sentiment"] == {
        "taxonomy=Sentiment / Positive": {"kept": 0, "changed": 1, "deleted": 0, "added": 0}}


def test_a_path_ending_in_the_configs_sentiment_gives_the_sentiment(tmp_path: Path) -> None:
    config = tmp_path / "config.xml"
    config.write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(FIXTURE), "--format", "jsonl", "--out", str(out),
                                      "--label-config", str(config)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    examples = by_task(out)
    assert examples[101]["sentiment"] == "Positive"
    assert examples[101]["choices"]["taxonomy"] == ["Sentiment / Positive", "Topic / Economy / Inflation"]
    assert examples[102]["sentiment"] == "Negative"  # latest: Topic > Economy and Sentiment > Negative
    assert examples[103]["sentiment"] is None
    # Every path is the config's: none noted as unknown.
    assert "not in the labeling config" not in result.output


def test_without_a_config_no_sentiment_is_guessed_from_a_path(tmp_path: Path) -> None:
    out, _report = export(tmp_path)
    assert [line["sentiment"] for line in lines(out)] == [None, None, None]


def task_with(value: Any) -> dict[str, Any]:
    raw = copy.deepcopy(json.loads(FIXTURE.read_text(encoding="utf-8"))[0])
    raw["annotations"][0]["result"][0]["value"] = value
    return raw


@pytest.mark.parametrize("value,path", [
    ({"taxonomy": [["Sentiment", 1]]}, "annotations[0].result[0].value.taxonomy[0][1]"),
    ({"taxonomy": ["Sentiment"]}, "annotations[0].result[0].value.taxonomy[0]"),
    ({"taxonomy": "Sentiment / Positive"}, "annotations[0].result[0].value.taxonomy"),
    ({"taxonomy": [[]]}, "annotations[0].result[0].value.taxonomy[0]"),
    ({"taxonomy": []}, "annotations[0].result[0].value.taxonomy"),
    ({"taxonomy": [["Topic", ""]]}, "annotations[0].result[0].value.taxonomy[0][1]"),
    ({}, "annotations[0].result[0].value"),
])
def test_a_malformed_taxonomy_value_is_an_error_naming_task_and_path(value: Any, path: str) -> None:
    with pytest.raises(TaskError) as caught:
        load_task(task_with(value), "$[0]")
    assert str(caught.value).startswith(f"task 101 at $[0]: {path}")


def test_a_malformed_taxonomy_stops_the_export(tmp_path: Path) -> None:
    source = tmp_path / "export.json"
    source.write_text(json.dumps([task_with({"taxonomy": [["Sentiment", None]]})]), encoding="utf-8")
    with pytest.raises(ExportError, match=r"task 101 at \$\[0\]: annotations\[0\]\.result\[0\]\.value\.taxonomy"):
        run_export(file_source(source), JsonlExporter(), tmp_path / "out", Settings(), force=True)


def test_the_fast_path_loads_taxonomy_tasks_as_the_schema_does() -> None:
    for raw in json.loads(FIXTURE.read_text(encoding="utf-8")):
        fast = _fast_task(raw)
        assert fast is not None
        assert fast == TASK_SCHEMA.load(raw)
