"""A project whose Text object has ``valueType="url"``: tasks synced from Label
Studio's local storage hold links, and Anota fetches each text from Label
Studio (with the token /setup gave it) before pre-annotating it."""

from __future__ import annotations

from pathlib import Path

from label_studio_sdk.client import LabelStudio
from label_studio_sdk.label_interface import LabelInterface

from server.labeling import check_region_offsets
from server.push import project_tasks
from tests.e2e.servers import Servers
from tests.e2e.test_e2e_loop import project_id_by_title, retrieve_predictions
from tests.test_export import read_jsonl
from tests.test_remote_texts import CONFIG

TITLE = "Linked texts (e2e)"
STORIES = {
    "petrobras.txt": "A Petrobras anunciou lucro recorde no Rio de Janeiro, segundo o jornal.",
    "nvidia.txt": "Jensen Huang disse em Taipé que a Nvidia venderá mais chips à Microsoft.",
}


def test_texts_behind_local_storage_links_are_fetched_and_annotated(
    servers: Servers, client: LabelStudio, tmp_path: Path
) -> None:
    config_file = tmp_path / "linked.xml"
    config_file.write_text(CONFIG, encoding="utf-8")
    # The seed's tasks (plain texts, as Label Studio imports uploaded files
    # even here) and two linked files, side by side in one project.
    servers.run_anota("push", "--connect", "--title", TITLE, "--label-config", str(config_file))
    project_id = project_id_by_title(client, TITLE)
    folder = servers.local_files / "stories"
    folder.mkdir(parents=True)
    for name, story in STORIES.items():
        (folder / name).write_text(story, encoding="utf-8")
    storage = client.import_storage.local.create(project=project_id, path=str(folder), use_blob_urls=True)
    client.import_storage.local.sync(id=storage.id)
    shown = {int(task.id): task.data["text"] for task in project_tasks(client, project_id)}
    links = {task_id: data for task_id, data in shown.items() if data.startswith("/data/local-files/")}
    assert len(links) == len(STORIES) and len(shown) > len(STORIES)
    # What the annotator sees for a linked task is the file's text.
    shown.update({task_id: (folder / link.rsplit("/", 1)[1]).read_text(encoding="utf-8")
                  for task_id, link in links.items()})

    predictions = retrieve_predictions(client, project_id)
    model_version = servers.anota_get("/health")["model_version"]
    interface = LabelInterface(CONFIG)
    assert sorted(predictions) == sorted(shown)
    for task_id, task_predictions in predictions.items():
        (prediction,) = task_predictions
        assert prediction.model_version == model_version
        as_sent = {"result": prediction.result, "score": prediction.score, "model_version": model_version}
        assert interface.validate_prediction(as_sent, return_errors=True) == []
        assert not any(check_region_offsets(region, shown[task_id]) for region in prediction.result)
    linked_names = {region["value"]["text"] for task_id in links for region in predictions[task_id][0].result}
    assert {"Petrobras", "Jensen Huang", "Nvidia"} <= linked_names

    # An annotator's label on a linked task reaches the dataset with the
    # file's text, fetched from Label Studio as /predict fetched it.
    task_id = next(task_id for task_id, link in links.items() if link.endswith("petrobras.txt"))
    start = shown[task_id].index("Petrobras")
    label = {"from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": start, "end": start + 9, "text": "Petrobras", "labels": ["ORG"]}}
    client.annotations.create(id=task_id, result=[label])
    out = tmp_path / "dataset"
    servers.run_anota("export", "--from-label-studio", servers.label_studio.url, "--project", str(project_id),
                      "--format", "jsonl", "--out", str(out))
    (example,) = read_jsonl(out).values()
    assert example["text"] == shown[task_id] and example["spans"] == {(start, start + 9, "ORG")}
    # Building the snapshot, Label Studio logs that its own converters cannot
    # take such a project (the reason Anota fetches the texts); nothing else.
    problems = servers.new_log_problems()
    assert all('valueType="url" are not supported for text inputs' in line for line in problems), problems
