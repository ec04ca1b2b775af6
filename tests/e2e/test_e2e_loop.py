"""The loop an annotation team walks, against a real Label Studio 1.23.2 (strict
prediction validation on) and a real ``anota serve`` with basic auth: push the
seed, connect Anota, retrieve predictions, annotate interactively, annotate
through the API, and see the annotations arrive in Anota's store."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.label_interface import LabelInterface
from sqlalchemy import select

from schemas.dataset import EXAMPLE_SCHEMA
from server.db import Database, StoredAnnotation
from server.labeling import check_region_offsets, parse_labeling_config
from server.push import project_tasks
from tests.e2e.servers import ANOTA_USER, LS_LEGACY_TOKEN, Servers
from tests.test_export import entities_of, read_conll, read_csv, read_jsonl, read_spacy

SEED_TITLE = "Anota seed (e2e)"
RENAMED_TITLE = "Renamed config (e2e)"

# Other control and object names than Anota's own config, and labels that
# differ from the plugins' names, mapped by ``predicted_values``.
RENAMED_CONFIG = """<View>
  <Text name="documento" value="$text"/>
  <Labels name="entidades" toName="documento">
    <Label value="Pessoa" predicted_values="PER"/>
    <Label value="Organização" predicted_values="ORG"/>
    <Label value="Local" predicted_values="LOC"/>
    <Label value="Alegação" predicted_values="CLAIM"/>
  </Labels>
  <Choices name="tom" toName="documento" choice="single">
    <Choice value="Bom" predicted_values="Positive"/>
    <Choice value="Mau" predicted_values="Negative"/>
    <Choice value="Neutro" predicted_values="Neutral"/>
  </Choices>
</View>
"""


def project_id_by_title(client: LabelStudio, title: str) -> int:
    (project,) = [found for found in client.projects.list(title=title, page_size=100).items if found.title == title]
    return int(project.id)


def retrieve_predictions(client: LabelStudio, project_id: int) -> dict[int, list[Any]]:
    """Run the Data Manager action on every task; each task's predictions."""
    client.actions.create(
        id="retrieve_tasks_predictions", project=project_id, selected_items={"all": True, "excluded": []}
    )
    return predictions_by_task(client, project_id)


def predictions_by_task(client: LabelStudio, project_id: int) -> dict[int, list[Any]]:
    return {int(task.id): list(client.predictions.list(task=task.id)) for task in project_tasks(client, project_id)}


def assert_one_valid_prediction_per_task(
    client: LabelStudio, project_id: int, predictions: dict[int, list[Any]], model_version: str, label_config: str
) -> list[dict[str, Any]]:
    """Every task holds exactly one prediction, Anota's, valid for the config,
    its spans at the right offsets (which Label Studio does not check); return
    all their regions."""
    interface = LabelInterface(label_config)
    text_key = parse_labeling_config(label_config).main.key
    texts = {int(task.id): task.data[text_key] for task in project_tasks(client, project_id)}
    assert sorted(predictions) == sorted(texts)
    regions: list[dict[str, Any]] = []
    for task_id, task_predictions in predictions.items():
        assert len(task_predictions) == 1, f"task {task_id} holds {len(task_predictions)} predictions"
        (prediction,) = task_predictions
        assert prediction.model_version == model_version
        as_sent = {"result": prediction.result, "score": prediction.score, "model_version": prediction.model_version}
        assert interface.validate_prediction(as_sent, return_errors=True) == []
        offset_problems = [check_region_offsets(region, texts[task_id]) for region in prediction.result]
        assert not any(offset_problems), offset_problems
        regions.extend(prediction.result)
    return regions


@pytest.fixture(scope="module")
def seed_project(servers: Servers, client: LabelStudio) -> int:
    servers.run_anota("push", "--connect", "--title", SEED_TITLE)
    return project_id_by_title(client, SEED_TITLE)


@pytest.fixture(scope="module")
def model_version(servers: Servers) -> str:
    return servers.anota_get("/health")["model_version"]


@pytest.fixture(scope="module")
def seed_predictions(client: LabelStudio, seed_project: int) -> dict[int, list[Any]]:
    return retrieve_predictions(client, seed_project)


def test_push_imports_every_preloaded_task(servers: Servers, client: LabelStudio, seed_project: int) -> None:
    served = servers.anota_get("/tasks")
    pushed = project_tasks(client, seed_project)
    assert len(served) >= 5  # the seed's five paragraphs
    assert sorted(task.data["anota_id"] for task in pushed) == sorted(task["data"]["anota_id"] for task in served)
    assert {task.data["anota_id"]: task.data for task in pushed} == {
        task["data"]["anota_id"]: task["data"] for task in served
    }


def test_push_connects_anota_with_basic_auth_and_webhook(
    servers: Servers, client: LabelStudio, seed_project: int
) -> None:
    (backend,) = client.ml.list(project=seed_project)
    assert backend.url == servers.anota.url
    assert backend.is_interactive
    assert backend.auth_method == "BASIC_AUTH" and backend.basic_auth_user == ANOTA_USER
    webhooks = [hook for hook in client.webhooks.list(project=str(seed_project)) if hook.project == seed_project]
    (webhook,) = webhooks
    assert webhook.url == f"{servers.anota.url}/webhook"
    assert webhook.headers["Authorization"].startswith("Basic ")


def test_push_again_reuses_the_project_and_imports_nothing(
    servers: Servers, client: LabelStudio, seed_project: int
) -> None:
    count = len(project_tasks(client, seed_project))
    printed = servers.run_anota("push", "--connect", "--title", SEED_TITLE)
    assert f"project {seed_project} " in printed and "reused" in printed
    assert f"0 imported, {count} already there" in printed
    assert len(project_tasks(client, seed_project)) == count
    assert len(client.ml.list(project=seed_project)) == 1
    assert len([hook for hook in client.webhooks.list(project=str(seed_project)) if hook.project == seed_project]) == 1


# label-studio-sdk 2.1.2 refreshes access tokens with pydantic's deprecated parse_obj.
@pytest.mark.filterwarnings("ignore:The `parse_obj` method is deprecated:DeprecationWarning")
def test_push_accepts_a_personal_access_token(servers: Servers, client: LabelStudio, seed_project: int) -> None:
    refresh_token = client.tokens.create().token
    assert refresh_token.count(".") == 2  # a JWT, not a legacy token
    printed = servers.run_anota("push", "--title", SEED_TITLE, api_key=refresh_token)
    assert f"project {seed_project} " in printed and "reused" in printed


def test_every_task_gets_one_prediction_of_anota(
    client: LabelStudio, seed_project: int, seed_predictions: dict[int, list[Any]], model_version: str
) -> None:
    label_config = client.projects.get(id=seed_project).label_config
    regions = assert_one_valid_prediction_per_task(client, seed_project, seed_predictions, model_version, label_config)
    assert {region["type"] for region in regions} == {"labels", "choices"}  # the seed is pre-annotated


def test_a_second_retrieval_adds_no_prediction(
    client: LabelStudio, seed_project: int, seed_predictions: dict[int, list[Any]]
) -> None:
    again = retrieve_predictions(client, seed_project)
    assert {task: [p.id for p in predictions] for task, predictions in again.items()} == {
        task: [p.id for p in predictions] for task, predictions in seed_predictions.items()
    }


def unlabelled_repeated_word(text: str, regions: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The occurrences of the longest word that appears at least twice in
    ``text`` and that no predicted region touches: propagating a label to it
    can only come from the annotator's own mark."""
    spans = [(region["value"]["start"], region["value"]["end"]) for region in regions if "start" in region["value"]]
    words: dict[str, list[tuple[int, int]]] = {}
    for match in re.finditer(r"\b[^\W\d_]{5,}\b", text):
        words.setdefault(match.group(), []).append(match.span())
    candidates = [
        places for places in words.values()
        if len(places) >= 2 and not any(s < end and start < e for start, end in places for s, e in spans)
    ]
    return max(candidates, key=lambda places: places[0][1] - places[0][0], default=[])


def test_interactive_preannotation_labels_the_other_mentions(
    servers: Servers, client: LabelStudio, seed_project: int, seed_predictions: dict[int, list[Any]]
) -> None:
    config = parse_labeling_config(client.projects.get(id=seed_project).label_config)
    label = config.labels()["span"][0]
    target = config.main.span_target(label)
    assert target is not None
    tasks = {int(task.id): task.data[config.main.key] for task in project_tasks(client, seed_project)}
    task_id, occurrences = next(
        (task_id, places)
        for task_id, text in tasks.items()
        if (places := unlabelled_repeated_word(text, seed_predictions[task_id][0].result))
    )
    text = tasks[task_id]
    (start, end), others = occurrences[0], occurrences[1:]
    marked = {
        "from_name": target.from_name, "to_name": target.to_name, "type": "labels", "origin": "manual",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
    }
    (backend,) = client.ml.list(project=seed_project)
    answer = httpx.post(
        f"{servers.label_studio.url}/api/ml/{backend.id}/interactive-annotating",
        json={"task": task_id, "context": {"result": [marked]}},
        headers={"Authorization": f"Token {LS_LEGACY_TOKEN}"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    assert "errors" not in answer.json(), answer.json()
    labelled = {
        (region["value"]["start"], region["value"]["end"]): region["value"].get("labels")
        for region in answer.json()["data"]["result"]
        if "start" in region["value"]
    }
    for other in others:
        assert labelled.get(other) == [label], f"{text[other[0]:other[1]]!r} at {other} not labelled {label}"


@pytest.fixture(scope="module")
def annotations(client: LabelStudio, seed_project: int) -> dict[str, Any]:
    """One plain annotation, one cancelled, two annotators on one task and one
    ground truth, created through Label Studio's API."""
    config = parse_labeling_config(client.projects.get(id=seed_project).label_config)
    tasks = project_tasks(client, seed_project)
    assert len(tasks) >= 4

    labels = config.labels()["span"]

    def region(task: Any, nth_word: int, label: str) -> dict[str, Any]:
        text = task.data[config.main.key]
        match = list(re.finditer(r"[^\W\d_]{3,}", text))[nth_word]
        target = config.main.span_target(label)
        assert target is not None
        return {
            "id": f"e2e-{task.id}-{match.start()}", "from_name": target.from_name, "to_name": target.to_name,
            "type": "labels",
            "value": {"start": match.start(), "end": match.end(), "text": match.group(), "labels": [label]},
        }

    tone_target = next(iter(config.main.choices.values()))  # the seed's config has a sentiment control
    chosen = {"id": "e2e-tone", "from_name": tone_target.from_name, "to_name": tone_target.to_name,
              "type": "choices", "value": {"choices": [tone_target.value]}}

    second = client.users.create(username="second-annotator", email="second-annotator@example.com",
                                 password="second-throwaway-password")
    plain_task, cancelled_task, shared_task, truth_task = tasks[:4]
    created = {
        "plain": client.annotations.create(id=plain_task.id, result=[region(plain_task, 0, labels[0]), chosen]),
        "cancelled": client.annotations.create(id=cancelled_task.id, result=[], was_cancelled=True),
        "first": client.annotations.create(id=shared_task.id, result=[region(shared_task, 0, labels[0]), chosen]),
        "second": client.annotations.create(
            id=shared_task.id, result=[region(shared_task, 1, labels[-1]), chosen], completed_by=second.id
        ),
        "truth": client.annotations.create(
            id=truth_task.id, result=[region(truth_task, 2, labels[-1]), chosen], ground_truth=True
        ),
    }
    return created


def stored_annotations(servers: Servers, ids: list[int], seconds: float = 15) -> dict[int, StoredAnnotation]:
    """What Anota stored for these annotation ids (webhooks may lag a little)."""
    database = Database(f"sqlite:///{servers.anota_database}")
    try:
        deadline = time.monotonic() + seconds
        while True:
            with database.session() as session:
                rows = session.scalars(select(StoredAnnotation).where(StoredAnnotation.id.in_(ids)))
                stored = {row.id: row for row in rows}
            if len(stored) == len(ids) or time.monotonic() > deadline:
                return stored
            time.sleep(0.5)
    finally:
        database.dispose()


def test_annotations_reach_anota_by_webhook(servers: Servers, annotations: dict[str, Any]) -> None:
    stored = stored_annotations(servers, [annotation.id for annotation in annotations.values()])
    assert sorted(stored) == sorted(annotation.id for annotation in annotations.values())
    for annotation in annotations.values():
        row = stored[annotation.id]
        assert row.task_id == annotation.task and not row.deleted
        assert row.result == annotation.result
    assert stored[annotations["cancelled"].id].was_cancelled
    assert not stored[annotations["plain"].id].was_cancelled
    assert stored[annotations["truth"].id].ground_truth
    assert not stored[annotations["plain"].id].ground_truth
    first, second = stored[annotations["first"].id], stored[annotations["second"].id]
    assert first.task_id == second.task_id and first.completed_by != second.completed_by


@pytest.fixture(scope="module")
def renamed_config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("configs") / "renamed.xml"
    path.write_text(RENAMED_CONFIG, encoding="utf-8")
    return path


def assert_renamed_regions(regions: list[dict[str, Any]]) -> None:
    assert {region["to_name"] for region in regions} == {"documento"}
    # Both controls receive the plugins' labels under the project's own names.
    assert {region["from_name"] for region in regions} == {"entidades", "tom"}


def test_a_config_naming_things_differently_gets_valid_predictions(
    servers: Servers, client: LabelStudio, model_version: str, renamed_config_file: Path
) -> None:
    servers.run_anota("push", "--connect", "--title", RENAMED_TITLE, "--label-config", str(renamed_config_file))
    project_id = project_id_by_title(client, RENAMED_TITLE)
    predictions = retrieve_predictions(client, project_id)
    assert_renamed_regions(
        assert_one_valid_prediction_per_task(client, project_id, predictions, model_version, RENAMED_CONFIG)
    )


def test_push_can_import_the_predictions_with_the_tasks(
    servers: Servers, client: LabelStudio, model_version: str, renamed_config_file: Path
) -> None:
    title = "Imported predictions (e2e)"
    servers.run_anota("push", "--predictions", "--title", title, "--label-config", str(renamed_config_file))
    project_id = project_id_by_title(client, title)
    assert client.ml.list(project=project_id) == []  # no backend: the predictions came with the tasks
    predictions = predictions_by_task(client, project_id)
    assert_renamed_regions(
        assert_one_valid_prediction_per_task(client, project_id, predictions, model_version, RENAMED_CONFIG)
    )


def test_push_predicts_with_start_up_frozen(servers: Servers, client: LabelStudio, tmp_path: Path) -> None:
    # As `anota tasks --predictions` and `anota serve` do: a corpus's tasks are annotated in this process.
    from tests.test_collector import CONFIG, FROZEN, NO_BUILT_IN_ANNOTATORS, PROBE, prediction_notes

    title = "Predicted with start-up frozen (e2e)"
    (tmp_path / "config.xml").write_text(CONFIG, encoding="utf-8")
    servers.run_anota("push", "--predictions", "--title", title, "--label-config", str(tmp_path / "config.xml"),
                      ANOTA_PLUGINS=PROBE, ANOTA_DISABLE_PLUGINS=NO_BUILT_IN_ANNOTATORS)
    predictions = predictions_by_task(client, project_id_by_title(client, title))
    assert predictions and all(len(found) == 1 for found in predictions.values())
    assert prediction_notes([{"result": found[0].result} for found in predictions.values()]) == {FROZEN}


def labels_by_task(found: dict[int, dict[str, Any]]) -> dict[int, tuple[str, set]]:
    return {task_id: (example["text"], example["spans"]) for task_id, example in found.items()}


def download_snapshot(client: LabelStudio, project_id: int, path: Path, seconds: float = 60) -> list[dict[str, Any]]:
    """A JSON snapshot export with full predictions (a plain export has only their ids)."""
    export = client.projects.exports.create(
        id=project_id, title="e2e snapshot", serialization_options={"predictions": {"only_id": False}}
    )
    deadline = time.monotonic() + seconds
    while client.projects.exports.get(id=project_id, export_pk=export.id).status != "completed":
        assert time.monotonic() < deadline, "the snapshot export did not complete"
        time.sleep(0.5)
    path.write_bytes(b"".join(client.projects.exports.download(id=project_id, export_pk=export.id, export_type="JSON")))
    return json.loads(path.read_text(encoding="utf-8"))


def test_exports_from_snapshot_live_project_and_anota_store_agree(
    servers: Servers, client: LabelStudio, seed_project: int, seed_predictions: dict[int, list[Any]],
    annotations: dict[str, Any], model_version: str, tmp_path: Path,
) -> None:
    snapshot = download_snapshot(client, seed_project, tmp_path / "snapshot.json")
    for task in snapshot:
        (prediction,) = task["predictions"]
        assert prediction["model_version"] == model_version and isinstance(prediction["result"], list)
    stored_annotations(servers, [annotation.id for annotation in annotations.values()])  # webhooks arrived
    for fmt in ("jsonl", "conll", "spacy", "csv"):
        servers.run_anota(
            "export", str(tmp_path / "snapshot.json"), "--format", fmt, "--out", str(tmp_path / fmt), "--quiet"
        )
    servers.run_anota("export", "--from-label-studio", servers.label_studio.url, "--project", str(seed_project),
                      "--format", "jsonl", "--out", str(tmp_path / "live"), "--quiet")
    servers.run_anota("export", "--from-db", "--project", str(seed_project), "--format", "jsonl",
                      "--out", str(tmp_path / "store"), "--quiet")

    def spans(annotation: Any) -> set[tuple[int, int, str]]:
        return {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                for r in annotation.result if r["type"] == "labels"}

    # The latest finished annotation of each task counts; the cancelled one never.
    expected = {annotations[name].task: spans(annotations[name]) for name in ("plain", "second", "truth")}
    from_file = labels_by_task(read_jsonl(tmp_path / "jsonl"))
    assert {task_id: found for task_id, (_text, found) in from_file.items()} == expected
    assert labels_by_task(read_jsonl(tmp_path / "live")) == from_file
    assert labels_by_task(read_jsonl(tmp_path / "store")) == from_file
    assert labels_by_task(read_spacy(tmp_path / "spacy")) == from_file
    assert {task_id: found["spans"] for task_id, found in read_csv(tmp_path / "csv").items()} == expected
    # CoNLL holds the entities (claims are clauses, kept in the other formats).
    conll_labels = sorted(label for block in read_conll(tmp_path / "conll") for label, _tokens in entities_of(block))
    lines = (tmp_path / "jsonl" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    examples = [EXAMPLE_SCHEMA.load(json.loads(line)) for line in lines]
    assert conll_labels == sorted(span["label"] for example in examples for span in example["entities"])
    # Label Studio keeps the plugin each predicted region names, so the dataset
    # card tells how much of each plugin's pre-annotation survived.
    plugins = {"entities", "claims", "sentiment"}
    assert {region["meta"]["plugin"] for task in snapshot for region in task["predictions"][0]["result"]} == plugins
    report = json.loads((tmp_path / "jsonl" / "report.json").read_text(encoding="utf-8"))
    assert set(report["prediction_survival"]["plugins"]) == plugins


@pytest.mark.label_studio_errors_expected
def test_the_log_check_sees_a_refused_backend_and_a_rejected_prediction(
    servers: Servers, client: LabelStudio, seed_project: int
) -> None:
    """Guards the log check that every other test relies on, and shows that
    strict prediction validation is on: a wrong backend password and a label
    the config does not have both leave their trace in Label Studio's log."""
    label_config = client.projects.get(id=seed_project).label_config
    project = client.projects.create(title="Log check (e2e)", label_config=label_config)
    client.projects.import_tasks(id=project.id, request=[{"data": {"text": "Lisboa e Porto."}}])
    with pytest.raises(ApiError) as refused:
        client.ml.create(project=project.id, url=servers.anota.url, title="wrong password",
                         auth_method="BASIC_AUTH", basic_auth_user=ANOTA_USER, basic_auth_pass="wrong")
    assert refused.value.status_code == 400
    (task,) = project_tasks(client, project.id)
    target = next(iter(parse_labeling_config(label_config).main.spans.values()))
    unknown_label = {"from_name": target.from_name, "to_name": target.to_name, "type": "labels",
                     "value": {"start": 0, "end": 6, "text": "Lisboa", "labels": ["NOT-IN-THE-CONFIG"]}}
    with pytest.raises(ApiError) as rejected:
        client.predictions.create(task=task.id, result=[unknown_label], score=0.5, model_version="e2e")
    assert rejected.value.status_code == 400
    problems = servers.new_log_problems()
    assert any("/api/ml" in line for line in problems), problems
    assert any("/api/predictions" in line for line in problems), problems
