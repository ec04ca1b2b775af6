"""Plugin loading and isolation: one failing plugin never fails a request."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from server.app import get_state
from server.cli import cli
from server.config import read_environment
from server.entry_points import entry_points
from server.plugins import PluginLoadFailure, build_plugin_set
from tests import sample_plugins
from tests.sample_plugins.failing import AlwaysFails
from tests.conftest import recorded_body

FAILING = "tests.sample_plugins.failing"
MISBEHAVING = "tests.sample_plugins.misbehaving"
BROKEN = "tests.sample_plugins.broken_import"


def metric(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_built_in_plugins_come_through_entry_points(client):
    listing = client.get("/plugins").json
    names = {plugin["name"] for plugin in listing["plugins"]}
    assert {"entities", "claims", "sentiment"} <= names
    entities = next(p for p in listing["plugins"] if p["name"] == "entities")
    assert "register_annotators" in entities["hooks"]
    assert entities["version"] != "unknown"
    labels = {(label["name"], label["kind"]) for label in entities["annotators"][0]["labels"]}
    assert {("PER", "span"), ("ORG", "span"), ("LOC", "span")} <= labels
    assert listing["load_errors"] == []


def test_a_raising_plugin_costs_only_its_own_suggestions(make_app, caplog):
    client = make_app(PLUGINS=[FAILING]).test_client()
    body = recorded_body("ls_to_backend_predict.json")
    with caplog.at_level("WARNING", logger="server.predicting"):
        answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    first = answer.json["results"][0]["result"]
    assert {r["value"]["text"] for r in first if r["type"] == "labels"} >= {"Meta"}
    assert not any(r["id"].startswith("always") for r in first)
    # An error is final: asking again would not help, so the prediction is not marked incomplete.
    version = client.get("/health").json["model_version"]
    assert {prediction["model_version"] for prediction in answer.json["results"]} == {version}
    metrics = client.get("/metrics").get_data(as_text=True)
    for annotator in ("always-fails", "no-model"):
        assert metric(metrics, "anota_plugin_errors_total", plugin=FAILING, annotator=annotator, kind="exception") == 3
    listing = client.get("/plugins").json
    failing = next(p for p in listing["plugins"] if p["name"] == FAILING)
    assert failing["errors"] == {"exception": 6}
    # A bug is logged with the line that raised it; an AnnotatorError in its own words.
    raised_at = f"{sample_plugins.failing.__file__}:{AlwaysFails.annotate.__code__.co_firstlineno + 1}"
    lost = [record.getMessage() for record in caplog.records]
    assert f"annotator always-fails (plugin {FAILING}) lost its output: exception: " \
           f"RuntimeError: this annotator always fails ({raised_at})" in lost
    assert f"annotator no-model (plugin {FAILING}) lost its output: exception: " \
           "no model for this language: install my-models" in lost


def test_a_plugin_that_calls_sys_exit_ends_neither_the_start_nor_a_webhook(make_app):
    plugin = "tests.sample_plugins.exiting"
    client = make_app(PLUGINS=[plugin]).test_client()
    [error] = [e for e in client.get("/plugins").json["load_errors"] if e["plugin"] == plugin]
    assert error["stage"] == "register_annotators" and error["error"].startswith("SystemExit: no annotators today")
    answer = client.post("/webhook", json=recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json"))
    assert answer.status_code == 200
    metrics = client.get("/metrics").get_data(as_text=True)
    assert metric(metrics, "anota_plugin_errors_total", plugin=plugin, kind="hook") == 1
    importing = "tests.sample_plugins.exiting_import"
    [error] = make_app(PLUGINS=[importing]).test_client().get("/plugins").json["load_errors"]
    assert (error["plugin"], error["stage"]) == (importing, "import") and error["error"].startswith("SystemExit")


def test_invalid_output_timeouts_and_unknown_labels(make_app):
    client = make_app(PLUGINS=[MISBEHAVING], PLUGIN_TIMEOUT=0.5).test_client()
    body = recorded_body("ls_to_backend_predict.json")
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    assert len(answer.json["results"]) == 3
    metrics = client.get("/metrics").get_data(as_text=True)
    assert metric(metrics, "anota_plugin_errors_total", annotator="out-of-bounds", kind="invalid") == 3
    assert metric(metrics, "anota_plugin_errors_total", annotator="bad-score", kind="invalid") == 3
    assert metric(metrics, "anota_plugin_errors_total", annotator="bool-score", kind="invalid") == 3
    assert metric(metrics, "anota_plugin_errors_total", annotator="slow", kind="timeout") == 1
    assert metric(metrics, "anota_plugin_errors_total", annotator="exits", kind="exception") == 1
    assert metric(metrics, "anota_plugin_errors_total", annotator="list-label", kind="invalid") == 3
    assert metric(metrics, "anota_plugin_errors_total", annotator="array-explanation", kind="invalid") == 3
    assert metric(metrics, "anota_dropped_labels_total", annotator="unknown-label", label="WEAPON") == 3
    for prediction in answer.json["results"]:
        for region in prediction["result"]:
            assert region["value"].get("labels") != ["WEAPON"]
            assert region["score"] <= 1.0


def test_an_annotator_that_overruns_keeps_what_it_finished_and_stops(make_app):
    # 20 texts at 100 ms each against a 0.35 s budget: about three are done.
    app = make_app(PLUGINS=["tests.sample_plugins.paced"], PLUGIN_TIMEOUT=0.35,
                   DISABLE_PLUGINS=["entities", "claims", "sentiment"])
    client = app.test_client()
    body = recorded_body("ls_to_backend_predict.json")
    body["tasks"] = [dict(body["tasks"][0], id=number) for number in range(20)]
    answer = client.post("/predict", json=body)
    assert answer.status_code == 200
    kept = [bool(prediction["result"]) for prediction in answer.json["results"]]
    assert 1 <= sum(kept) <= 4 and kept == sorted(kept, reverse=True), kept
    # The rest say they are incomplete, so that Label Studio asks for them again.
    version = client.get("/health").json["model_version"]
    assert [p["model_version"] for p in answer.json["results"]] == [
        version if done else version + "-incomplete" for done in kept]
    metrics = client.get("/metrics").get_data(as_text=True)
    assert metric(metrics, "anota_plugin_errors_total", annotator="paced", kind="timeout") == 1
    # It stops before its next text instead of working on for nobody.
    time.sleep(0.6)
    (paced,) = [a.annotator for a in get_state(app).annotators if a.name == "paced"]
    assert paced.started <= sum(kept) + 1


def test_an_import_error_is_reported_and_the_server_starts(make_app):
    client = make_app(PLUGINS=[BROKEN]).test_client()
    listing = client.get("/plugins").json
    # Where it failed, so that the writer need not find the server's log.
    assert listing["load_errors"] == [{
        "plugin": BROKEN, "stage": "import",
        "error": f"ImportError: this plugin cannot be imported ({sample_plugins.__path__[0]}/broken_import.py, line 3)",
    }]
    assert client.post("/predict", json=recorded_body("ls_to_backend_predict.json")).status_code == 200
    metrics = client.get("/metrics").get_data(as_text=True)
    assert metric(metrics, "anota_plugin_load_errors", plugin=BROKEN, stage="import") == 1


def test_strict_plugins_make_a_load_error_fatal(make_app):
    with pytest.raises(PluginLoadFailure, match="cannot be imported"):
        make_app(PLUGINS=[BROKEN], STRICT_PLUGINS="1")


def test_a_misspelt_hook_is_reported(make_app):
    listing = make_app(PLUGINS=["tests.sample_plugins.misspelt"]).test_client().get("/plugins").json
    assert [(e["plugin"], e["stage"]) for e in listing["load_errors"]] == [
        ("tests.sample_plugins.misspelt", "check_pending")
    ]
    assert "tests.sample_plugins.misspelt" not in {p["name"] for p in listing["plugins"]}


def test_malformed_registrations_are_reported_one_by_one(make_app):
    # Before, labels=["ORG"] or a subclass __init__ that skipped the dataclass's
    # failed the app's creation, settings=[...] its model version; a second
    # '.txt' loader took the built-in's files in silence, a second 'jsonl'
    # exporter was ignored in silence. Checking an object that raises (a
    # property) must not fail the app either.
    plugin = "tests.sample_plugins.bad_registrations"
    app = make_app(PLUGINS=[plugin])
    errors = [(e["stage"], e["error"]) for e in app.test_client().get("/plugins").json["load_errors"]
              if e["plugin"] == plugin]
    assert [(stage, re.sub(r"^ValueError: ", "", error)) for stage, error in errors] == [
        ("register_annotators", "annotator 'string-labels': label 'ORG' is not a LabelSpec(name, 'span' | 'choice')"),
        ("register_annotators", "annotator 'label-kind': label 'ORG' has kind 'entity', not 'span' or 'choice'"),
        ("register_annotators", "annotator 'number-label': label name 5 is not a non-empty string"),
        ("register_annotators", "annotator 'number-hint': label 'GADGET' has a description that is not a string"),
        ("register_annotators", "annotator 'number-color': label 'GADGET' has a color that is not a string"),
        ("register_annotators", "annotator 'list-settings': settings must be a mapping, not list"),
        ("register_annotators", "ForgetsTheFields has no name, version, labels, settings: "
                                "call super().__init__(name=..., version=..., labels=...)"),
        ("register_loaders", "suffix '.txt' is already taken by plugin 'loaders'"),
        ("register_loaders", "loader 'upper-case': suffixes ['SRT'] are not lower case with the dot, as '.srt'"),
        ("register_loaders", f"RuntimeError: suffixes are not ready ({sample_plugins.__path__[0]}/"
                             "bad_registrations.py, line 42)"),
        ("register_exporters", "exporter name 'jsonl' is already taken by plugin 'exporters'"),
    ]
    state = get_state(app)
    assert [a.name for a in state.annotators if a.plugin == plugin] == ["still-registered"]
    assert [obj.name for owner, obj in state.loaders if owner == plugin] == []
    assert [owner for owner, obj in state.exporters if obj.name == "jsonl"] == ["exporters"]
    metrics = app.test_client().get("/metrics").get_data(as_text=True)
    assert metric(metrics, "anota_plugin_load_errors", plugin=plugin, stage="register_loaders") == 1


def test_a_module_both_installed_and_named_in_anota_plugins_loads_once(make_app):
    # While developing, a writer installs the package and also names its module:
    # that was a load error ("Plugin already registered under a different name").
    listing = make_app(PLUGINS=["plugins.claims"]).test_client().get("/plugins").json
    assert listing["load_errors"] == []
    names = [plugin["name"] for plugin in listing["plugins"]]
    assert "claims" in names and "plugins.claims" not in names


def test_disabled_plugins_are_not_loaded(make_app):
    client = make_app(DISABLE_PLUGINS="claims,sentiment").test_client()
    names = {plugin["name"] for plugin in client.get("/plugins").json["plugins"]}
    assert "claims" not in names and "sentiment" not in names and "entities" in names
    answer = client.post("/predict", json=recorded_body("ls_to_backend_predict.json")).json
    assert all(r["type"] == "labels" for p in answer["results"] for r in p["result"])


def test_duplicate_annotator_names_are_rejected(make_app):
    listing = make_app(PLUGINS=["tests.sample_plugins.duplicate"]).test_client().get("/plugins").json
    errors = [e for e in listing["load_errors"] if e["stage"] == "register_annotators"]
    assert errors and "already taken" in errors[0]["error"]


def test_environment_variables_configure_the_app(make_app, monkeypatch):
    monkeypatch.setenv("ANOTA_PLUGINS", FAILING)
    monkeypatch.setenv("ANOTA_DISABLE_PLUGINS", "claims")
    names = {plugin["name"] for plugin in make_app().test_client().get("/plugins").json["plugins"]}
    assert FAILING in names and "claims" not in names


def test_an_environment_value_that_is_not_json_stays_text(monkeypatch):
    nested = "[" * 100_000  # deeper than the JSON parser goes
    monkeypatch.setenv("ANOTA_NOTE", nested)
    monkeypatch.setenv("ANOTA_LIMITS__DEPTH", "3")
    config: dict = {}
    read_environment(config)
    assert config["NOTE"] == nested and config["LIMITS"] == {"DEPTH": 3}


def test_anota_plugins_command(monkeypatch, tmp_path):
    monkeypatch.setenv("ANOTA_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("ANOTA_PLUGINS", BROKEN)
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^entities \S+\s+hooks: .*register_annotators", result.output, re.M)
    assert f"FAILED {BROKEN} at import" in result.output
    # loaders and exporters were not listed; each exporter with its description since session 47
    assert "  exporter conll: CoNLL-2003 IOB2 over spaCy tokens (entities)\n" in result.output
    # Each loader with the suffixes it reads (was its name alone: which files a folder's loading takes was unsaid).
    assert re.search(r"^  loaders: text \(\.txt \.text \.md \.markdown\); json \(\.json \.jsonl \.ndjson\); "
                     r"csv \(\.csv \.tsv\); html \(\.html \.htm \.xhtml\)$", result.output, re.M)
    as_json = CliRunner().invoke(cli, ["plugins", "--json"])
    assert json.loads(as_json.stdout)["load_errors"][0]["plugin"] == BROKEN


def test_two_apps_in_one_process_keep_their_own_state(make_app):
    first, second = make_app(PLUGINS=[FAILING]), make_app()
    first.test_client().post("/predict", json=recorded_body("ls_to_backend_predict.json"))
    second_metrics = second.test_client().get("/metrics").get_data(as_text=True)
    assert metric(second_metrics, "anota_plugin_errors_total", kind="exception") == 0
    assert first.extensions["anota"].plugins.manager is not second.extensions["anota"].plugins.manager


def test_requests_are_counted_and_timed_per_endpoint_and_status(client):
    client.post("/predict", json=recorded_body("ls_to_backend_predict.json"))
    client.post("/predict", json={"tasks": "not a list"})
    text = client.get("/metrics").get_data(as_text=True)
    assert metric(text, "anota_requests_total", endpoint="api.predict", status="200") == 1
    assert metric(text, "anota_requests_total", endpoint="api.predict", status="400") == 1
    assert metric(text, "anota_request_seconds_count", endpoint="api.predict") == 2
    assert 0 < metric(text, "anota_request_seconds_sum", endpoint="api.predict") < 60


@pytest.mark.parametrize(("timeout", "texts", "budget"), [
    (20.0, 1, 20.0), (20.0, 100, 20.0), (20.0, 101, 40.0), (20.0, 350, 80.0), (20.0, 5000, 80.0),
    (0.5, 250, 1.5), (120.0, 5000, 120.0),
])
def test_a_large_request_gives_each_annotator_more_time_within_label_studios_wait(make_app, timeout, texts, budget):
    # Label Studio sends a whole selection in one /predict and waits 100 s.
    predictor = get_state(make_app(PLUGIN_TIMEOUT=timeout, PRELOAD=False)).predictor
    assert predictor.budget(texts) == budget


def test_a_loader_that_fails_costs_only_its_file_and_is_counted(make_app, tmp_path):
    # A loader that raises (even SystemExit) or yields what is not a Document
    # must not stop the preload or the app, nor lose its file in silence.
    plugin = "tests.sample_plugins.failing_loaders"
    (tmp_path / "good.txt").write_text("A Petrobras anunciou lucro recorde no trimestre.", encoding="utf-8")
    for name in ("a.boom", "b.exit", "c.odd", "d.empty"):
        (tmp_path / name).write_text("Um texto qualquer com palavras suficientes.", encoding="utf-8")
    app = make_app(PLUGINS=[plugin], SOURCES=[str(tmp_path)], DISABLE_PLUGINS=["entities", "claims", "sentiment"])
    client = app.test_client()
    assert [task["data"]["text"] for task in client.get("/tasks").json] == [
        "A Petrobras anunciou lucro recorde no trimestre."]
    reasons = {Path(e["path"]).name: e["reason"] for e in client.get("/tasks/excluded").json["errors"]}
    # A raise is said with the plugin's file and line (was its type and message alone: the writer had to guess where).
    raised_in = re.compile(r" \(\S+/tests/sample_plugins/failing_loaders\.py:\d+\)$")
    assert raised_in.search(reasons["a.boom"]) and raised_in.search(reasons["b.exit"])
    reasons.update({name: raised_in.sub("", reasons[name]) for name in ("a.boom", "b.exit")})
    assert {name: reason for name, reason in reasons.items() if name != "d.empty"} == {
        "a.boom": "loader 'raises' failed: KeyError: 'no parser for this dialect'",
        "b.exit": "loader 'exits' failed: SystemExit: 3",
        "c.odd": "loader 'yields-text' failed: it yielded str 'Um texto qualquer com palavras suficientes.', "
                 "not a Document or LeftOut",
    }
    assert reasons["d.empty"].startswith("loader 'yields-no-text' failed: a Document needs text and source strings")
    metrics = client.get("/metrics").get_data(as_text=True)
    for loader in ("raises", "exits", "yields-text", "yields-no-text"):
        assert metric(metrics, "anota_plugin_errors_total", plugin=plugin, annotator=loader, kind="loader") == 1
    listing = next(p for p in client.get("/plugins").json["plugins"] if p["name"] == plugin)
    assert listing["errors"] == {"loader": 4}


def test_anota_plugins_lists_a_failing_loader_without_running_it(monkeypatch, tmp_path):
    # Session 46 (s46-userpass2): the listing no longer preloads ANOTA_SOURCES, so a loader's failures on them are
    # `anota tasks`'s and the running server's (`GET /plugins`), not the listing's "errors: 1 loader".
    (tmp_path / "a.boom").write_text("Um texto.", encoding="utf-8")
    monkeypatch.setenv("ANOTA_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("ANOTA_PLUGINS", "tests.sample_plugins.failing_loaders")
    monkeypatch.setenv("ANOTA_SOURCES", str(tmp_path / "a.boom"))
    monkeypatch.setenv("ANOTA_DISABLE_PLUGINS", "entities,claims,sentiment")
    output = CliRunner().invoke(cli, ["plugins"]).output
    assert "tests.sample_plugins.failing_loaders unknown  hooks: register_loaders\n" \
           "  loaders: raises (.boom); exits (.exit); yields-text (.odd); yields-no-text (.empty)\n" in output
    assert "errors:" not in output


def test_a_loader_that_is_not_a_loader_is_a_load_error(make_app):
    # It had a name, load() and suffixes, passed the checks, then the preload ignored it with a warning.
    plugin = "tests.sample_plugins.duck_loader"
    [error] = get_state(make_app(PLUGINS=[plugin])).plugins.load_errors
    assert (error.plugin, error.stage) == (plugin, "register_loaders")
    assert error.error.endswith("is not a server.sources.Loader")


def installed(folder: Path, distribution: str, metadata: str, entry_points: str | None) -> None:
    """A distribution's metadata folder (``foo-1.0.dist-info``) as pip or setuptools write it."""
    info = folder / distribution
    info.mkdir(parents=True)
    (info / ("PKG-INFO" if distribution.endswith(".egg-info") else "METADATA")).write_text(metadata, encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_entry_points_are_read_as_importlib_metadata_reads_them(tmp_path, monkeypatch):
    # Read without importlib.metadata (its email parser and zipfile: 1 MB of a JSONL export), the same.
    first, second = tmp_path / "first", tmp_path / "second"
    installed(first, "sample_plugin-2.1.dist-info", "Metadata-Version: 2.1\nName: sample-plugin\nVersion: 2.1\n\n"
              "Version: not this, the description\n",
              "# a comment\n[console_scripts]\nsample = x:y\n\n[anota]\n  sample = tests.sample_plugins.contributions\n"
              "attribute = tests.sample_plugins.contributions:SampleExporter [extra]\n[other]\nnot = this\n")
    installed(first, "Older.Egg_Plugin.egg-info", "Name: Older.Egg_Plugin\nversion: 0.3\n",
              "[anota]\negg = tests.sample_plugins.recorder\n")
    installed(first, "no_entry_points-1.0.dist-info", "Name: no-entry-points\nVersion: 1.0\n", None)
    # The same distribution later on the path, as a second site-packages: the first one wins.
    installed(second, "sample.plugin-9.9.dist-info", "Name: sample.plugin\nVersion: 9.9\n",
              "[anota]\nshadowed = tests.sample_plugins.failing\n")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    importlib.invalidate_caches()

    expected = [(point.name, point.value, point.dist.version, point.module)
                for point in importlib.metadata.entry_points(group="anota")]
    found = entry_points("anota")
    assert [(point.name, point.value, point.version, point.module) for point in found] == expected
    assert {"sample", "attribute", "egg", "entities", "exporters"} <= {point.name for point in found}
    assert "shadowed" not in {point.name for point in found}
    by_name = {point.name: point for point in found}
    assert by_name["sample"].version == "2.1" and by_name["egg"].version == "0.3"
    assert by_name["attribute"].load() is sample_plugins.contributions.SampleExporter
    assert by_name["sample"].load() is sample_plugins.contributions


def test_a_plugin_installed_as_a_distribution_is_loaded_with_its_version(tmp_path, monkeypatch):
    installed(tmp_path, "sample_plugin-2.1.dist-info", "Name: sample-plugin\nVersion: 2.1\n",
              "[anota]\nsample = tests.sample_plugins.contributions\nbroken = tests.sample_plugins.no_such_module\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins = build_plugin_set([], ["entities", "claims", "sentiment"], strict=False)
    assert "sample" in plugins.names() and plugins.versions["sample"] == "2.1"
    assert "register_exporters" in plugins.hooks_of("sample")
    assert [(error.plugin, error.stage) for error in plugins.load_errors] == [("broken", "import")]
