"""``/tasks``, ``/tasks/excluded``, ``/label-config`` and their commands.

This module is also a small plugin (loaded by import path) with one span and one
choice annotator, so the output's shape is checked against predictions that do
not depend on the built-in models.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from label_studio_sdk.label_interface import LabelInterface

from plugins.loaders import LEFT_OUT_BY_LOADER
from server import Annotator, Choice, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText
from server.cli import cli
from server.labeling import parse_labeling_config
from server.tasks import label_config_xml, label_studio_tasks
from tests.conftest import FIXTURES

THIS_PLUGIN = __name__
NO_BUILT_IN_ANNOTATORS = ["entities", "claims", "sentiment"]


class CompanyFinder(Annotator):
    def __init__(self) -> None:
        super().__init__("companies", "1.0", [LabelSpec("ORG", "span", "a company", "#0072B2"), LabelSpec("R&D", "span")])

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:
        start = text.text.find("Meta")
        return [Span(start, start + 4, "ORG", 0.9, "a company name")] if start >= 0 else []


class Tone(Annotator):
    def __init__(self) -> None:
        super().__init__("tone", "1.0", [LabelSpec("Positive", "choice"), LabelSpec("Negative", "choice")])

    def annotate(self, text: AnalyzedText) -> Iterable[Choice]:
        return [Choice("Negative", 0.6)]


@hookimpl
def register_annotators(register: Callable[[Annotator], None]) -> None:
    register(CompanyFinder())
    register(Tone())


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app(PLUGINS=[THIS_PLUGIN], DISABLE_PLUGINS=NO_BUILT_IN_ANNOTATORS)


def test_tasks_in_label_studio_import_format(client: FlaskClient) -> None:
    answer = client.get("/tasks")
    assert answer.status_code == 200
    tasks = answer.json
    assert len(tasks) == 5
    for task in tasks:
        assert set(task) == {"data", "meta"}
        assert set(task["data"]) == {"text", "anota_id", "language"}
        assert task["data"]["language"] == "pt"
        assert set(task["meta"]) == {"source", "start", "end", "copies", "near_duplicates", "part", "parts"}
        assert task["meta"]["end"] - task["meta"]["start"] == len(task["data"]["text"])


def test_predictions_fit_the_served_label_config(client: FlaskClient) -> None:
    xml = client.get("/label-config").get_data(as_text=True)
    interface = LabelInterface(xml)
    interface.validate()  # raises on a config Label Studio would refuse
    model_version = client.get("/health").json["model_version"]
    tasks = client.get("/tasks?predictions=true").json
    assert len(tasks) == 5
    regions = []
    for task in tasks:
        [prediction] = task["predictions"]
        assert prediction["model_version"] == model_version
        assert interface.validate_prediction(prediction, return_errors=True) == []
        for region in prediction["result"]:
            regions.append(region)
            if region["type"] == "labels":
                value = region["value"]
                assert task["data"]["text"][value["start"] : value["end"]] == value["text"] == "Meta"
    assert {(r["from_name"], r["type"]) for r in regions} == {("label", "labels"), ("tone", "choices")}
    json.dumps(tasks)  # what Label Studio imports is plain JSON


def test_label_config_has_one_control_per_kind_of_label(app: Flask) -> None:
    xml = label_config_xml(app)
    config = parse_labeling_config(xml)
    assert config.main.key == "text" and config.main.name == "text"
    assert config.labels() == {"span": ["ORG", "R&D"], "choice": ["Negative", "Positive"]}
    assert config.main.span_target("ORG").from_name == "label"
    assert config.main.choice_target("Positive").from_name == "tone" and config.main.choice_target("Positive").single
    assert 'hint="a company"' in xml and 'value="R&amp;D"' in xml
    assert '<Label value="ORG" background="#0072B2" hint="a company"/>' in xml
    assert '<Label value="R&amp;D"/>' in xml  # no colour given: Label Studio picks one


def test_built_in_span_labels_each_have_a_colour_and_a_hint(make_app: Callable[..., Flask]) -> None:
    # Label Studio's own picks gave CLAIM and PRODUCT one green: a product inside a claim did not show.
    config = ElementTree.fromstring(label_config_xml(make_app(PRELOAD=False)))
    labels = {label.get("value"): label for label in config.iter("Label")}
    assert set(labels) == {"CLAIM", "PER", "ORG", "LOC", "PRODUCT"}
    assert len({label.get("background") for label in labels.values()}) == 5
    assert all(label.get("hint") for label in labels.values())


def test_bad_flags_are_a_400_naming_the_field(client: FlaskClient) -> None:
    answer = client.get("/tasks?predictions=maybe")
    assert answer.status_code == 400
    assert answer.json["errors"] == {"predictions": ["Expected true or false."]}


def test_excluded_endpoint_lists_what_was_left_out(client: FlaskClient) -> None:
    listing = client.get("/tasks/excluded").json
    assert [item["kind"] for item in listing["excluded"]] == ["boilerplate", "boilerplate"] + ["duplicate"] * 5
    assert listing["excluded"][0]["text"] == "Ver original"
    assert listing["report"]["tasks"] == 5 and listing["errors"] == []
    with_excluded = client.get("/tasks?include_excluded=true").json
    assert len(with_excluded) == 7


def test_predictions_in_code_match_the_endpoint(app: Flask) -> None:
    tasks = label_studio_tasks(app, predictions=True)
    assert [task["data"]["anota_id"] for task in tasks] == [t["data"]["anota_id"] for t in label_studio_tasks(app)]
    assert all(len(task["predictions"]) == 1 for task in tasks)


def test_tasks_command_prints_tasks_and_reports_exclusions(tmp_path: Any) -> None:
    runner = CliRunner()
    environment = {
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "ANOTA_PLUGINS": THIS_PLUGIN,
        "ANOTA_DISABLE_PLUGINS": ",".join(NO_BUILT_IN_ANNOTATORS),
        # Turns off the server's own preload, not that of the sources named here.
        "ANOTA_PRELOAD": "false",
    }
    result = runner.invoke(cli, ["tasks", "--predictions", str(FIXTURES / "corpus")], env=environment)
    assert result.exit_code == 0, result.output
    tasks = json.loads(result.stdout)
    assert len(tasks) == 12 and all(task["predictions"] for task in tasks)
    assert "predicting" not in result.stderr  # progress only on a terminal or with -v (test_tasks_cli.py)
    assert 'excluded boilerplate corpus/river_flood_barriers.txt[0:20] "Skip to main content"' in result.stderr
    assert "excluded near-duplicate corpus/weekly_digest.html" in result.stderr
    # Ad-hoc sources leave the configured database alone.
    assert not (tmp_path / "cli.db").exists()

    config = runner.invoke(cli, ["label-config"], env=environment)
    assert config.exit_code == 0
    assert LabelInterface(config.stdout).is_valid


def test_a_corpus_longer_than_one_time_budget_gets_every_prediction(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    # 200 paragraphs at 10 ms each need 2 s; the budget is 1 s per prediction call.
    words = sorted(set(FIXTURES.joinpath("seed", "000_3734a0b2899233d0.txt").read_text(encoding="utf-8").split()))
    rng = random.Random(0)
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n\n".join(" ".join(rng.sample(words, 20)) + "." for _ in range(200)), encoding="utf-8")
    app = make_app(SOURCES=[str(corpus)], PLUGINS=["tests.sample_plugins.steady"],
                   DISABLE_PLUGINS=NO_BUILT_IN_ANNOTATORS, PLUGIN_TIMEOUT=1.0)
    tasks = label_studio_tasks(app, predictions=True)
    assert len(tasks) == 200
    assert all(task["predictions"][0]["result"] for task in tasks)


def test_tasks_are_streamed_in_source_order_with_what_was_left_out(make_app: Callable[..., Flask]) -> None:
    app = make_app(SOURCES=[str(FIXTURES / "corpus")], PLUGINS=[THIS_PLUGIN], DISABLE_PLUGINS=NO_BUILT_IN_ANNOTATORS)
    answer = app.test_client().get("/tasks?include_excluded=true&predictions=true")
    assert answer.is_streamed
    tasks = answer.json
    assert tasks == label_studio_tasks(app, predictions=True, include_excluded=True)
    assert any("excluded" in task["meta"] for task in tasks) and all(task["predictions"] for task in tasks)
    # Each source in one run, its segments in text order, kept and excluded interleaved; the parts of a page the HTML
    # loader left out (after its text: Document.with_left_out) in the page's order, each where it stood in the page.
    places = [(task["meta"]["source"], task["meta"]["start"]) for task in tasks]
    runs = [source for source, _ in itertools.groupby(places, key=lambda place: place[0])]
    assert len(runs) == len(set(runs))
    by_loader = [task["meta"].get("reason", "").startswith(LEFT_OUT_BY_LOADER) for task in tasks]
    for left_out in (False, True):
        ordered = [place for place, loader in zip(places, by_loader, strict=True) if loader is left_out]
        assert all(a[1] < b[1] for a, b in zip(ordered, ordered[1:]) if a[0] == b[0])
    digest = [loader for (source, _start), loader in zip(places, by_loader, strict=True) if source.endswith(".html")]
    assert digest[0] and not digest[1] and digest[-1]  # the site's header over the story, its footer under it
