"""What an annotator sees: a real Chromium (Debian's, driven by Selenium) logs
into the real Label Studio 1.23.2, opens a task that Anota pre-annotated, and
finds each suggested span drawn over exactly its words by the editor itself:
a Text task (the seed's second paragraph: names inside claims), and a
HyperText page inline and in an iframe, whose regions the editor places by
their XPaths (docs/hypertext.md). ``make browser`` installs Chromium and its
driver."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from label_studio_sdk.client import LabelStudio

from server.push import connect_backend
from tests.e2e.servers import ANOTA_PASSWORD, ANOTA_USER, LS_PASSWORD, LS_USER, Servers
from tests.e2e.test_e2e_hypertext import CONFIG as PAGE_CONFIG
from tests.e2e.test_e2e_hypertext import PAGE
from tests.e2e.test_e2e_loop import retrieve_predictions

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
# The texts of the editor's highlights, in the page and in the iframe the editor
# shows a HyperText page in (a srcdoc frame: same origin, readable).
HIGHLIGHTS = """
const texts = [];
const read = (doc) => doc.querySelectorAll('.htx-highlight').forEach((node) => texts.push(node.textContent));
read(document);
document.querySelectorAll('iframe').forEach((frame) => { if (frame.contentDocument) read(frame.contentDocument); });
return texts;
"""


@pytest.fixture(scope="module")
def browser(servers: Servers) -> Iterator[Any]:
    """A headless Chromium logged into Label Studio."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.fail(f"{CHROMIUM} or {CHROMEDRIVER} is missing: `make browser` installs them")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1600,1200"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(f"{servers.label_studio.url}/user/login")
        driver.find_element(By.NAME, "email").send_keys(LS_USER)
        driver.find_element(By.NAME, "password").send_keys(LS_PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(lambda: "/user/login" not in driver.current_url, "the login to be accepted")
        yield driver
    finally:
        driver.quit()


def wait_for(condition: Any, what: str, seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, f"waited {seconds:g} s for {what}"
        time.sleep(0.5)
    return found


def drawn_spans(browser: Any, servers: Servers, project_id: int, task_id: int, expected: int) -> list[str]:
    """The texts the editor highlights on the task's labeling page, once it has drawn ``expected`` of them."""
    browser.get(f"{servers.label_studio.url}/projects/{project_id}/data?task={task_id}")
    return wait_for(lambda: (texts := browser.execute_script(HIGHLIGHTS)) and len(texts) >= expected and texts,
                    f"{expected} highlighted spans on task {task_id}")


def suggested_project(client: LabelStudio, servers: Servers, title: str, xml: str,
                      data: dict[str, Any]) -> tuple[int, int, list[str]]:
    """A project of one task with Anota as its backend: its id, the task's, and the texts of Anota's spans."""
    project_id = int(client.projects.create(title=title, label_config=xml).id)
    client.projects.import_tasks(id=project_id, request=[{"data": data}])
    connect_backend(client, project_id, servers.anota.url, (ANOTA_USER, ANOTA_PASSWORD))
    [(task_id, [prediction])] = retrieve_predictions(client, project_id).items()
    spans = [region["value"]["text"] for region in prediction.result if "text" in region["value"]]
    return project_id, task_id, spans


@pytest.mark.parametrize("inline", ["true", "false"])
def test_a_pages_suggestions_are_drawn_over_their_words(servers: Servers, client: LabelStudio, browser: Any,
                                                        inline: str) -> None:
    xml = PAGE_CONFIG.replace('inline="true"', f'inline="{inline}"')
    project_id, task_id, spans = suggested_project(client, servers, f"browser page inline={inline}", xml,
                                                   {"html": PAGE})
    assert "Tim Cook" in spans
    assert sorted(drawn_spans(browser, servers, project_id, task_id, len(spans))) == sorted(spans)


def test_a_texts_names_and_claims_are_drawn_over_their_words(servers: Servers, client: LabelStudio,
                                                              browser: Any) -> None:
    auth = (ANOTA_USER, ANOTA_PASSWORD)
    xml = httpx.get(f"{servers.anota.url}/label-config", auth=auth, timeout=60).text
    paragraph = httpx.get(f"{servers.anota.url}/tasks", auth=auth, timeout=60).json()[1]["data"]
    project_id, task_id, spans = suggested_project(client, servers, "browser seed paragraph", xml, paragraph)
    assert {"BlackWell", "Deepseek -V3.2", "Meta", "Qwen"} <= set(spans) and len(spans) >= 8
    assert sorted(drawn_spans(browser, servers, project_id, task_id, len(spans))) == sorted(spans)


# The editor's own handling of an interactive answer (``loadSuggestions``, as the data manager's
# ``lsf:regionFinishedDrawing`` handler calls it) in an annotation pre-labelled from Anota's prediction: the regions
# at each labels region's place, and their origins, after an answer of one region at that place.
ANSWER_AT_A_PREDICTED_PLACE = """
const [regionId, done] = arguments;
const annotation = window.Htx.annotationStore.selected;
const predicted = annotation.serializeAnnotation().find((r) => r.type === 'labels' && r.origin === 'prediction');
const at = (r) => r.type === 'labels' && r.value.start === predicted.value.start && r.value.end === predicted.value.end;
const before = annotation.serializeAnnotation().length;
const answer = [{id: regionId === null ? predicted.id : regionId, from_name: predicted.from_name,
                 to_name: predicted.to_name, type: 'labels', value: predicted.value}];
window.Htx.loadSuggestions(Promise.resolve(answer), (response) => response).then(() => {
  const after = annotation.serializeAnnotation();
  done({before, after: after.length, there: after.filter(at).map((r) => r.origin)});
});
"""


def test_an_answer_under_the_predictions_region_id_replaces_that_region(servers: Servers, client: LabelStudio,
                                                                       browser: Any) -> None:
    # s52-interactive: the first mark's copy at a place the prediction holds goes under that region's id (the
    # request cannot tell whether the annotation was pre-labelled). The quick view pre-labels a task without an
    # annotation from its prediction: the copy must replace the region, not sit beside it (as one under another id
    # does, the reason such copies were withheld before).
    auth = (ANOTA_USER, ANOTA_PASSWORD)
    xml = httpx.get(f"{servers.anota.url}/label-config", auth=auth, timeout=60).text
    paragraph = httpx.get(f"{servers.anota.url}/tasks", auth=auth, timeout=60).json()[1]["data"]
    for region_id, added, origins in ((None, 0, ["manual"]), ("ctx-label-0-5-ORG", 1, ["manual", "prediction"])):
        project_id, task_id, spans = suggested_project(client, servers, f"browser answer {region_id}", xml, paragraph)
        drawn_spans(browser, servers, project_id, task_id, len(spans))
        browser.set_script_timeout(60)
        seen = browser.execute_async_script(ANSWER_AT_A_PREDICTED_PLACE, region_id)
        assert seen["after"] == seen["before"] + added and sorted(seen["there"]) == origins, seen


# The regions of the annotation the editor opened, as it would save them (its own serialization).
SERIALIZED = "return window.Htx.annotationStore.selected.serializeAnnotation();"


def learned_votes(servers: Servers, project_id: int, expected: int, seconds: float = 30) -> dict[str, int]:
    """The entity votes Anota learned from the project's annotations (surface and label -> vote), once there are
    ``expected`` of them (webhooks and learning may lag a little)."""
    from sqlalchemy import select

    from plugins.entity_memory import MentionVote
    from server.db import Database

    database = Database(f"sqlite:///{servers.anota_database}")
    try:
        deadline = time.monotonic() + seconds
        while True:
            with database.session() as session:
                rows = session.execute(select(MentionVote.surface, MentionVote.label, MentionVote.vote)
                                       .where(MentionVote.project_id == project_id)).all()
            if len(rows) >= expected or time.monotonic() > deadline:
                return {f"{surface} {label}": vote for surface, label, vote in rows}
            time.sleep(0.5)
    finally:
        database.dispose()


@pytest.mark.parametrize("inline", ["true", "false"])
def test_a_labels_control_on_a_page_gets_suggestions_the_editor_draws_keeps_and_learns_from(
        servers: Servers, client: LabelStudio, browser: Any, inline: str) -> None:
    # s53-export2: Label Studio's editor lets a Labels control (not only HyperTextLabels) draw on a page, its regions
    # of type "labels" with XPaths and globalOffsets. /predict offered such a project only its sentiment; now its
    # spans too, which Label Studio stores under strict validation, the editor draws over their words and keeps as
    # they came, and an annotation of them teaches the entities plugin (/webhook).
    from server.push import connect_webhook

    xml = (PAGE_CONFIG.replace('inline="true"', f'inline="{inline}"')
           .replace("<HyperTextLabels", "<Labels").replace("</HyperTextLabels>", "</Labels>"))
    project_id, task_id, spans = suggested_project(client, servers, f"browser Labels on a page inline={inline}", xml,
                                                   {"html": PAGE})
    assert "Tim Cook" in spans
    assert sorted(drawn_spans(browser, servers, project_id, task_id, len(spans))) == sorted(spans)
    [prediction] = client.predictions.list(task=task_id)
    predicted = [region for region in prediction.result if region["type"] == "labels"]
    assert len(predicted) == len(spans)
    kept = [region for region in browser.execute_script(SERIALIZED) if region["type"] == "labels"]
    assert sorted((r["value"]["globalOffsets"]["start"], r["value"]["start"], r["value"]["startOffset"],
                   r["value"]["labels"][0]) for r in kept) == sorted(
        (r["value"]["globalOffsets"]["start"], r["value"]["start"], r["value"]["startOffset"], r["value"]["labels"][0])
        for r in predicted)
    connect_webhook(client, project_id, servers.anota.url, (ANOTA_USER, ANOTA_PASSWORD))
    client.annotations.create(id=task_id, result=kept)
    votes = learned_votes(servers, project_id, len(kept))
    assert votes.get("Tim Cook PER") == 1, votes
