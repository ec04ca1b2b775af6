"""Each hook, called through the real plugin machinery."""

from __future__ import annotations

from server.app import get_state
from server.tasks import label_studio_tasks
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
