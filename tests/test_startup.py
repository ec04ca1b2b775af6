"""What the app loads when: the plugins' models and lexicons (the sentiment plugin's lemma dictionary, the
NER pipelines) and label-studio-sdk's config parser wait for a server's warm-up or their first use, so that
the commands that predict nothing (`anota tasks`, `anota label-config`) do not pay for them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from server.app import get_state, warm_up
from server.plugins import PluginLoadFailure
from tests.sample_plugins.failing_warm_up import Warmed

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed"
# The heavy parts: simplemma's 19 MB dictionary, spaCy with the trained pipelines, VADER, label-studio-sdk.
HEAVY = ["simplemma", "spacy", "vaderSentiment", "label_studio_sdk"]
BUILT_IN_ANNOTATORS_OFF = "entities,claims,sentiment"

# Run in a fresh interpreter: prints which of argv[1]'s modules are imported, and whether the lemma
# dictionary and any NER pipeline are loaded, after argv[2] ("warm-up", or an anota command) ran.
PROBE = """
import json, sys
if sys.argv[2] == "warm-up":
    from server.app import create_app, warm_up
    warm_up(create_app({"PRELOAD": False}))
else:
    from server.cli import cli
    try:
        cli(sys.argv[2:])
    except SystemExit as exc:
        assert not exc.code, exc.code
from plugins.sentiment import _lemmatizer
from server.analysis import load_pipeline
imported = sorted(name for name in sys.argv[1].split(",") if name in sys.modules)
print(json.dumps([imported, _lemmatizer.cache_info().currsize, load_pipeline.cache_info().currsize]))
"""


def loaded_after(arguments: list[str], tmp_path: Path, modules: list[str] = HEAVY) -> tuple[list[str], int, int]:
    """Which of ``modules`` the probe imported, and how many lemmatizers and pipelines it loaded."""
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
                   "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "ANOTA_SOURCES": str(SEED)}
    done = subprocess.run([sys.executable, "-c", PROBE, ",".join(modules), *arguments], capture_output=True,
                          text=True, check=True, env=environment, cwd=tmp_path)
    imported, lemmatizers, pipelines = json.loads(done.stdout.splitlines()[-1])
    return imported, lemmatizers, pipelines


def test_anota_tasks_without_predictions_loads_no_model_nor_lexicon_nor_the_config_parser(tmp_path):
    assert loaded_after(["tasks", str(SEED)], tmp_path) == ([], 0, 0)


def test_anota_label_config_loads_no_model_nor_lexicon_nor_the_config_parser_nor_the_cleaning_rules(tmp_path):
    # It preloads nothing: the preload's module, with the cleaning rules' 1,300 regexes, is not even imported.
    assert loaded_after(["label-config"], tmp_path, [*HEAVY, "server.preload", "server.boilerplate"]) == ([], 0, 0)


def test_a_servers_warm_up_loads_them_all_before_the_first_predict(tmp_path):
    # The lemma dictionary, and the pipelines of Portuguese and English (Spanish has spaCy's tokenizer only).
    assert loaded_after(["warm-up"], tmp_path) == (sorted(HEAVY), 1, 2)


def test_anota_tasks_with_predictions_warms_them_up_before_its_first_prediction(tmp_path):
    # Outside the first batch's time budget: the seed is Portuguese, and English is warmed up all the same.
    assert loaded_after(["tasks", "--predictions", str(SEED)], tmp_path) == (sorted(HEAVY), 1, 2)


def test_an_app_not_warmed_up_warms_up_once_before_its_first_prediction(make_app, caplog):
    app = make_app(PRELOAD=False, PLUGINS=["tests.sample_plugins.failing_warm_up"],
                   DISABLE_PLUGINS=BUILT_IN_ANNOTATORS_OFF)
    warmed = Warmed.warmed
    client = app.test_client()
    body = {"tasks": [{"id": 1, "data": {"text": "Acme abriu em Lisboa."}}],
            "label_config": '<View><Labels name="l" toName="t"><Label value="ORG"/></Labels>'
                            '<Text name="t" value="$text"/></View>'}
    for _ in range(2):
        assert client.post("/predict", json=body).status_code == 200
    assert Warmed.warmed == warmed + 1
    # Reported as `anota serve`'s warm-up reports it (loaders probe 3: it was only logged): a load error of the
    # plugin in its listing and /metrics, once.
    plugin = "tests.sample_plugins.failing_warm_up"
    listing = client.get("/plugins").get_json()
    assert [(error["plugin"], error["stage"], error["error"].split(" (")[0]) for error in listing["load_errors"]] == [
        (plugin, "warm_up", "AnnotatorError: no model file at models/missing.bin")]
    assert f'anota_plugin_load_errors{{plugin="{plugin}",stage="warm_up"}} 1.0' in client.get("/metrics").text
    assert [record.getMessage().split(" (")[0] for record in caplog.records if "warm_up" in record.getMessage()] == [
        f"plugin {plugin} failed at warm_up: AnnotatorError: no model file at models/missing.bin"]


def test_an_annotator_that_fails_to_warm_up_is_a_load_error_of_its_plugin_and_the_others_warm_up(make_app):
    plugin = "tests.sample_plugins.failing_warm_up"
    app = make_app(PRELOAD=False, PLUGINS=[plugin], DISABLE_PLUGINS=BUILT_IN_ANNOTATORS_OFF)
    warmed = Warmed.warmed
    warm_up(app)
    state = get_state(app)
    assert [error.as_dict() for error in state.plugins.load_errors] == [
        {"plugin": plugin, "stage": "warm_up", "error": "AnnotatorError: no model file at models/missing.bin"
                                                         f" ({Path(sys.modules[plugin].__file__)}, line 9)"}]
    assert Warmed.warmed == warmed + 1
    assert 'anota_plugin_load_errors{plugin="tests.sample_plugins.failing_warm_up",stage="warm_up"} 1.0' in \
        state.metrics.exposition().decode()


def test_with_strict_plugins_a_failed_warm_up_stops_the_server(make_app):
    app = make_app(PRELOAD=False, PLUGINS=["tests.sample_plugins.failing_warm_up"],
                   DISABLE_PLUGINS=BUILT_IN_ANNOTATORS_OFF, STRICT_PLUGINS=True)
    with pytest.raises(PluginLoadFailure, match="failed at warm_up: AnnotatorError: no model file"):
        warm_up(app)


def test_the_sentiment_plugin_still_fails_to_load_without_a_package_it_loads_on_first_use(make_app, monkeypatch):
    from plugins import sentiment

    monkeypatch.setitem(sentiment.PORTUGUESE_PACKAGES, "no_such_lemmatizer", "no-such-lemmatizer")
    app = make_app(PRELOAD=False)
    [error] = [error for error in get_state(app).plugins.load_errors if error.plugin == "sentiment"]
    assert error.stage == "register_annotators"
    assert error.error.startswith("ModuleNotFoundError: no-such-lemmatizer is not installed")
    assert "sentiment" not in [registered.name for registered in get_state(app).annotators]
