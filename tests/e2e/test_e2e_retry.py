"""A selection too large for an annotator's time budget: Label Studio keeps
what came back, and asks again for the tasks whose prediction is marked
incomplete, until every task has a whole one."""

from __future__ import annotations

from pathlib import Path

from label_studio_sdk.client import LabelStudio

from server.predicting import INCOMPLETE
from server.push import connect_backend
from tests.e2e.servers import ANOTA_PASSWORD, ANOTA_USER, Servers, start_anota
from tests.e2e.test_e2e_loop import retrieve_predictions

CONFIG = """<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text" choice="single">
    <Choice value="Negative"/>
    <Choice value="Positive"/>
  </Choices>
</View>
"""
TASKS = 20
MAX_ROUNDS = 10


def test_tasks_left_unfinished_are_asked_for_again_until_complete(
    servers: Servers, client: LabelStudio, tmp_path: Path
) -> None:
    # 100 ms a text against a 1 s budget: a 20-task selection is about half done.
    paced = start_anota(
        tmp_path / "paced.db", tmp_path, name="anota-paced", ANOTA_PLUGINS="tests.sample_plugins.paced",
        ANOTA_DISABLE_PLUGINS="entities,claims,sentiment", ANOTA_PLUGIN_TIMEOUT="1", ANOTA_PRELOAD="false",
    )
    try:
        paced.wait_until_up()
        version = servers.anota_get("/health", paced)["model_version"]
        project = client.projects.create(title="Retried selection (e2e)", label_config=CONFIG)
        client.projects.import_tasks(id=project.id, request=[{"data": {"text": f"Tarefa {n}."}} for n in range(TASKS)])
        connect_backend(client, project.id, paced.url, (ANOTA_USER, ANOTA_PASSWORD))

        first = retrieve_predictions(client, project.id)
        complete = {task for task, predictions in first.items() if predictions[-1].model_version == version}
        incomplete = {task for task, predictions in first.items() if predictions[-1].model_version == version + INCOMPLETE}
        assert complete and incomplete and complete | incomplete == set(first)
        assert all(len(predictions) == 1 for predictions in first.values())
        for _ in range(MAX_ROUNDS):
            again = retrieve_predictions(client, project.id)
            # A task that had its whole prediction is not asked for again.
            assert all(len(again[task]) == len(first[task]) for task in complete)
            assert all(len(again[task]) == len(first[task]) + 1 for task in set(again) - complete)
            newly = {task for task in set(again) - complete if again[task][-1].model_version == version}
            assert newly, "a retrieval finished no task"
            complete |= newly
            first = again
            if len(complete) == TASKS:
                break
        assert len(complete) == TASKS
        # The whole predictions hold the annotator's choice.
        assert all(predictions[-1].result for predictions in first.values())
    finally:
        paced.stop()
