"""Session 48's user walk: an English newsroom project in a real Label Studio
1.23.2 with labels of its own (Person, Company, Place, Product, Claim), three
annotators, live exports and webhook learning. Each test fails without its fix."""

from __future__ import annotations

import http.server
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.exporting.report import NO_PREDICTIONS_SAID
from server.push import left_empty_note, push
from tests.conftest import serve_in_background
from tests.test_entities import PROJECT, annotation_body, entities, predict
from tests.test_export_noticed21 import SlowLabelStudio, export_from_label_studio
from tests.test_learning_probe2 import post
from tests.test_walkthrough import FakeLabelStudio

# The walk's config, cut to what the learning needs: "Company" is narrower than
# ORG, so Anota suggests nothing there (README: labeling config).
NEWSROOM = """<View>
  <Text name="story" value="$text"/>
  <Labels name="mentions" toName="story">
    <Label value="Person"/><Label value="Company"/><Label value="Place"/><Label value="Product"/>
  </Labels>
</View>"""
# The same project once the team gives "Company" ORG's spans, as the README says to.
NEWSROOM_WITH_ORG = NEWSROOM.replace('<Label value="Company"/>', '<Label value="Company" predicted_values="ORG"/>')
AIRLINE = "Shares in Ryanair fell on Monday after the airline cut summer flights from Dublin."


def newsroom_event(annotation_id: int, text: str, spans: list[tuple[str, str]]) -> dict[str, Any]:
    """An annotation as Label Studio 1.23.2's webhook sent it in the walk: the project's config with the project, and
    no prediction with the annotation (none in a project `anota push --connect` connected), regions on the config's
    control."""
    body = annotation_body(annotation_id, text, spans)
    body["project"] = {"id": PROJECT, "label_config": NEWSROOM}
    for region in body["annotation"]["result"]:
        region.update(from_name="mentions", to_name="story")
    return body


def test_a_suggestion_the_config_had_no_label_for_is_not_learned_as_deleted(make_app):
    app = make_app()
    # /predict stores what the plugin found: Ryanair ORG too, which this config shows nowhere.
    assert ("Ryanair", "Company") not in entities(predict(app, AIRLINE, config=NEWSROOM)[0])
    # The annotator keeps none of the suggestions (Dublin, shown as Place, is deleted) and leaves Ryanair unmarked.
    post(app, newsroom_event(1, AIRLINE, []))
    later = "Ryanair added flights from Dublin and Cork."
    found = entities(predict(app, later, config=NEWSROOM_WITH_ORG)[0])
    assert ("Ryanair", "Company") in found  # never shown, so never deleted: suggested once Company takes ORG's
    assert ("Dublin", "Place") not in found  # shown and deleted: it stops, as before
    assert ("Dublin", "Place") in entities(predict(app, later, config=NEWSROOM_WITH_ORG, project=PROJECT + 1)[0])


USERS = {2: "alice@example.com", 3: "bob@example.com"}


class UsersLabelStudio(SlowLabelStudio):
    """Label Studio's export API: annotators as ids, or as users (Label Studio 1.23.2's ``CompletedBySerializer``:
    id, email and names) when the export is asked for them so."""

    asked: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802
        self.asked.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        super().do_POST()

    def do_GET(self) -> None:  # noqa: N802
        if "/download" not in self.path:
            return super().do_GET()
        as_users = self.asked[-1].get("serialization_options", {}).get("annotations__completed_by", {})
        tasks = [{"id": 1, "data": {"text": AIRLINE}, "annotations": [
            {"id": user, "result": [], "was_cancelled": False,
             "completed_by": {"id": user, "email": email, "first_name": "", "last_name": ""}
             if as_users.get("only_id") is False else user}
            for user, email in USERS.items()]}]
        self.answer(json.dumps(tasks).encode())


@pytest.fixture
def label_studio_with_users() -> Iterator[str]:
    handler = type("Handler", (UsersLabelStudio,), {"asked": [], "config": NEWSROOM})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    serve_in_background(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_live_export_names_its_annotators_by_email(tmp_path: Path, label_studio_with_users: str) -> None:
    """Before: Label Studio's export gave user ids, and the walk's dataset named its three annotators "2", "3", "4"."""
    result = export_from_label_studio(label_studio_with_users, tmp_path / "out", "--policy", "all")
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["meta"]["annotators"] for line in lines] == [[email] for email in USERS.values()]


SENTENCE_TONE = """<View>
  <Text name="story" value="$text"/>
  <Labels name="tone" toName="story"><Label value="Positive sentence"/><Label value="Negative sentence"/></Labels>
  <Choices name="overall_tone" toName="story"><Choice value="Positive"/><Choice value="Negative"/></Choices>
</View>"""


def test_sentence_sentiment_lands_on_labels_named_for_sentences(make_app):
    """Before: the walk's "Positive sentence"/"Negative sentence" labels got no span (only "Positive" did)."""
    app = make_app(SENTENCE_SENTIMENT=True)
    text = "Arne Slot praised a superb performance. Fans were furious about the terrible refereeing."
    regions = predict(app, text, config=SENTENCE_TONE)[0]
    assert {(r["value"]["text"], r["value"]["labels"][0]) for r in regions if r["from_name"] == "tone"} == {
        ("Arne Slot praised a superb performance.", "Positive sentence"),
        ("Fans were furious about the terrible refereeing.", "Negative sentence")}


# The walk's whole config (without the colours).
NEWSROOM_FULL = """<View>
  <Text name="story" value="$text"/>
  <Labels name="mentions" toName="story">
    <Label value="Person"/><Label value="Company"/><Label value="Place"/><Label value="Product"/><Label value="Claim"/>
  </Labels>
  <Labels name="tone" toName="story"><Label value="Positive sentence"/><Label value="Negative sentence"/></Labels>
  <Choices name="overall_tone" toName="story">
    <Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/>
  </Choices>
</View>"""


@pytest.mark.parametrize(("sentence_sentiment", "left"), [
    (False, ["Company", "Positive sentence", "Negative sentence"]), (True, ["Company"])])
def test_push_names_the_labels_no_suggestion_lands_on(make_app, sentence_sentiment, left):
    """Before: nothing said that the walk's Company (narrower than ORG) and its sentence labels would stay empty."""
    result = push(FakeLabelStudio(), make_app(SENTENCE_SENTIMENT=sentence_sentiment), "Newsroom", NEWSROOM_FULL)
    assert result.left_empty == left
    note = left_empty_note(result)
    assert note.startswith(f"labels Anota suggests nothing for: {', '.join(map(repr, left))} (")
    assert note.endswith("ANOTA_SENTENCE_SENTIMENT=1") is not sentence_sentiment


def test_push_says_nothing_of_a_config_whose_labels_all_take_suggestions(make_app):
    assert push(FakeLabelStudio(), make_app(), "Anota").left_empty == []


@pytest.mark.parametrize(("export", "said"), [("export_JSON.json", True), ("snapshot_full.json", False)])
def test_a_card_without_predictions_says_where_they_are(tmp_path: Path, export: str, said: bool) -> None:
    """Before: the walk's `--from-db` card said "Exported tasks with predictions: 0." of ten predicted tasks, and no
    more (Label Studio's webhooks carried no prediction; its JSON export gives their ids)."""
    recorded = Path(__file__).resolve().parent.parent / "fixtures" / "label-studio-1.23.2"
    result = CliRunner().invoke(cli, ["export", str(recorded / export), "--format", "jsonl", "--out",
                                      str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (NO_PREDICTIONS_SAID in (tmp_path / "out" / "README.md").read_text(encoding="utf-8")) is said


PLACES = "Flooding closed the ring road at Kirkstall on Tuesday, the council in Leeds said."


def test_a_regions_note_names_the_projects_label_not_the_plugins_class(make_app):
    app = make_app()
    for annotation_id in (11, 12):  # two annotators mark Kirkstall a Place: learned, as in the walk
        post(app, newsroom_event(annotation_id, PLACES, [("Kirkstall", "Place"), ("Leeds", "Place")]))
    regions = predict(app, "Roadworks at Kirkstall will last a month.", PLACES, config=NEWSROOM)
    notes = {(region["value"]["text"], region["meta"]["text"]) for task in regions for region in task}
    assert notes, "no region suggested"
    learned = [note for words, note in notes if words == "Kirkstall" and "learned" in note]
    assert learned and all("labelled Place " in note for note in learned), notes
    # Every note names the project's label: none the plugin's class, which this config shows nowhere.
    assert not [note for _, note in notes if " LOC " in note or " PER " in note], notes


def newsroom_task(annotations: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """A task of the walk's project as Label Studio's JSON export gives it with full predictions: Anota suggested
    Dublin as Place and a Negative tone; each annotation's regions as given."""
    predicted = [{"id": "p0", "from_name": "mentions", "to_name": "story", "type": "labels", "score": 0.9,
                  "value": {**words("Dublin"), "labels": ["Place"]},
                  "meta": {"text": "statistical model: Place right 90% of the time", "plugin": "entities"}},
                 {"id": "p1", "from_name": "overall_tone", "to_name": "story", "type": "choices", "score": 0.8,
                  "value": {"choices": ["Negative"]}, "meta": {"plugin": "sentiment"}}]
    return {"id": 1, "data": {"text": AIRLINE}, "predictions": [{"model_version": "anota", "result": predicted}],
            "annotations": [{"id": n + 1, "completed_by": n + 2, "was_cancelled": False, "result": result}
                            for n, result in enumerate(annotations)]}


def words(text: str) -> dict[str, Any]:
    start = AIRLINE.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def span(text: str, label: str) -> dict[str, Any]:
    return {"id": f"s{text}", "from_name": "mentions", "to_name": "story", "type": "labels",
            "value": {**words(text), "labels": [label]}}


def tone(value: str) -> dict[str, Any]:
    return {"id": "t", "from_name": "overall_tone", "to_name": "story", "type": "choices",
            "value": {"choices": [value]}}


def exported_card(tmp_path: Path, fmt: str, tasks: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    source = tmp_path / "project.json"
    source.write_text(json.dumps(tasks), encoding="utf-8")
    out = tmp_path / fmt
    result = CliRunner().invoke(cli, ["export", str(source), "--format", fmt, "--language", "en", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return (out / "README.md").read_text(encoding="utf-8"), json.loads((out / "report.json").read_text())


def test_the_card_says_a_label_no_suggestion_landed_on_was_all_added_by_annotators(tmp_path: Path) -> None:
    # The annotator keeps Dublin and adds Ryanair as a Company: entities suggested no Company anywhere.
    annotation = [span("Dublin", "Place"), span("Ryanair", "Company"), tone("Negative")]
    card, report = exported_card(tmp_path, "jsonl", [newsroom_task([annotation])])
    assert report["prediction_survival"]["plugins"]["entities"]["Company"] == \
        {"kept": 0, "changed": 0, "deleted": 0, "added": 1}  # report.json's numbers as before
    assert "| entities | Company | 0 | 0 | 0 | 1 |" in card
    assert "- entities suggested no `Company` on these tasks, so annotators added every one counted (1)" in card
    assert "suggested no `Place`" not in card  # a label it suggested (kept here) gets no such line


def test_the_spacy_card_names_choices_as_the_docbin_does(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    from plugins.exporters import split_cats_key

    task = newsroom_task([[span("Dublin", "Place"), tone("Positive")], [span("Dublin", "Place"), tone("Positive")]])
    card, report = exported_card(tmp_path, "spacy", [task])
    docs = list(DocBin().from_disk(tmp_path / "spacy" / "train.spacy").get_docs(spacy.blank("en").vocab))
    assert [doc.cats for doc in docs] == [{"overall_tone:Positive": 1.0}]
    assert split_cats_key("overall_tone:Positive") == ("overall_tone", "Positive")  # spacy train's labels, unchanged
    assert "| overall_tone:Positive | 1 |" in card and "| sentiment | overall_tone:Negative | 0 | 1 | 0 | 0 |" in card
    assert "overall_tone=" not in card.split("report.json keys them")[0]
    assert report["choices"] == {"train": {"overall_tone=Positive": 1}}  # report.json's keys as they were
    jsonl_card, _ = exported_card(tmp_path, "jsonl", [task])  # a format with no such key: the card as before
    assert "| overall_tone=Positive | 1 |" in jsonl_card and "report.json keys them" not in jsonl_card
