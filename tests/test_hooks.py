"""Each hook, called through the real plugin machinery."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from server.app import get_state
from server.tasks import label_config_xml, label_studio_tasks
from tests.conftest import recorded_body

SAMPLE = "tests.sample_plugins.contributions"


def contributed(app, kind: str) -> list[tuple[str, str]]:
    return [(plugin, obj.name) for plugin, obj in getattr(get_state(app), kind)]


def test_hook_register_annotators(make_app):
    app = make_app(PLUGINS=["tests.sample_plugins.failing"])
    names = {(a.plugin, a.name) for a in get_state(app).annotators}
    assert ("tests.sample_plugins.failing", "always-fails") in names
    assert ("entities", "entities") in names


def test_hook_register_loaders(make_app, tmp_path):
    source = tmp_path / "story.sample"
    source.write_text("The end came quickly for the old mill.\nOnce upon a time there was a mill by the river.\n")
    app = make_app(PLUGINS=[SAMPLE], SOURCES=[str(source)])
    assert (SAMPLE, "sample-loader") in contributed(app, "loaders")
    texts = [task["data"]["text"] for task in label_studio_tasks(app)]
    assert texts == ["Once upon a time there was a mill by the river.", "The end came quickly for the old mill."]
    listing = app.test_client().get("/plugins").json
    sample = next(p for p in listing["plugins"] if p["name"] == SAMPLE)
    assert sample["loaders"] == ["sample-loader"]


def test_hook_register_exporters(make_app):
    app = make_app(PLUGINS=[SAMPLE])
    assert (SAMPLE, "sample-format") in contributed(app, "exporters")
    sample = next(p for p in app.test_client().get("/plugins").json["plugins"] if p["name"] == SAMPLE)
    assert sample["exporters"] == ["sample-format"]
    assert sample["hooks"] == ["annotation_changed", "register_exporters", "register_loaders"]


def test_hook_annotation_changed(make_app):
    app = make_app(PLUGINS=[SAMPLE])
    app.test_client().post("/webhook", json=recorded_body("ls_to_backend_webhook_ANNOTATION_CREATED.json"))
    assert app.extensions["sample_events"] == [1]


def test_the_documented_examples_load_and_work(make_app, tmp_path, monkeypatch):
    # A writer copies them: each must load (strictly) and do what the docs say.
    docs = (Path(__file__).resolve().parent.parent / "docs" / "plugin_hooks.md").read_text(encoding="utf-8")
    examples = [code for code in re.findall(r"```python\n(.*?)```", docs, re.S) if "def register_" in code]
    assert len(examples) == 5
    monkeypatch.setenv("TRAINED_NER_MODEL", str(trained_ner_stand_in(tmp_path / "model")))
    for number, code in enumerate(examples):
        (tmp_path / f"documented_{number}.py").write_text(code, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    modules = [f"documented_{number}" for number in range(len(examples))]
    subtitles = tmp_path / "film.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:03,000\n2024 was the year of the mill.\n\n"
                         "2\n00:00:04,000 --> 00:00:06,000\nIt paid R$ 300 to the river.\n", encoding="utf-8")
    app = make_app(PLUGINS=modules, STRICT_PLUGINS="1", DISABLE_PLUGINS=["entities", "claims", "sentiment"],
                   SOURCES=[str(subtitles)])
    for module in modules:
        sys.modules.pop(module)
    state = get_state(app)
    assert {a.name for a in state.annotators} == {"shouting", "money", "trained_ner"}
    assert {obj.name for _plugin, obj in state.loaders} >= {"subtitles"}
    assert {obj.name for _plugin, obj in state.exporters} >= {"brat"}
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == [
        "2024 was the year of the mill.", "It paid R$ 300 to the river."]
    body = {"tasks": [{"id": 1, "data": {"text": "Ele pagou R$ 300 e US$ 5. ISTO É VERDADE."}}],
            "label_config": label_config_xml(app)}
    result = app.test_client().post("/predict", json=body).json["results"][0]["result"]
    assert sorted((r["value"].get("text", ""), *(r["value"].get("labels") or r["value"]["choices"])) for r in result) == [
        ("", "Financial"), ("ISTO É VERDADE.", "SHOUT"), ("R$ 300", "MONEY"), ("US$ 5", "MONEY")]
    body["tasks"] = [{"id": 2, "data": {"text": "A engenheira Ana Souto mudou-se para Braga no ano passado."}}]
    result = app.test_client().post("/predict", json=body).json["results"][0]["result"]
    assert [(r["value"]["text"], r["value"]["labels"], r["meta"]["plugin"]) for r in result] == [
        ("Ana Souto", ["PER"], "documented_2")]


def trained_ner_stand_in(folder):
    """A saved spaCy pipeline for the documented trained-model example to load: a blank pt one whose entity ruler
    knows one name (a model ``spacy train`` wrote loads the same way)."""
    import spacy

    nlp = spacy.blank("pt")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Ana Souto"}])
    nlp.to_disk(folder)
    return folder
