"""A HyperText project in the real Label Studio 1.23.2: Anota, its ML backend,
suggests entity spans as XPath regions (docs/hypertext.md), Label Studio
stores them under strict validation, and its snapshot export gives them back
as Anota made them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from label_studio_sdk.client import LabelStudio

from server.hypertext import rendered_page
from server.push import connect_backend
from tests.e2e.servers import ANOTA_PASSWORD, ANOTA_USER, Servers
from tests.e2e.test_e2e_loop import download_snapshot, retrieve_predictions

CONFIG = (Path(__file__).resolve().parents[2] / "fixtures" / "configs" / "13_hypertext.xml").read_text(encoding="utf-8")
# Nested inline tags, an entity, a comment, a script, a <br>: what a page brings.
PAGE = ("<div><h1>Apple results</h1><p>Apple chief executive <b>Tim Cook</b> met German Chancellor "
        "Olaf&nbsp;Scholz in Berlin on Monday.<!-- note --><script>var company = 'Apple';</script> "
        "Apple said iPhone sales in Germany rose 12 percent.<br>Investors welcomed the results.</p></div>")


def anota_prediction(servers: Servers, xml: str, task: dict[str, Any]) -> dict[str, Any]:
    answer = httpx.post(f"{servers.anota.url}/predict", json={"tasks": [task], "label_config": xml},
                        auth=(ANOTA_USER, ANOTA_PASSWORD), timeout=60)
    assert answer.status_code == 200, answer.text
    (prediction,) = answer.json()["results"]
    return prediction


@pytest.mark.parametrize("inline", ["true", "false"])
def test_a_page_gets_xpath_spans_that_label_studio_keeps_as_they_are(
    servers: Servers, client: LabelStudio, inline: str, tmp_path: Path
) -> None:
    xml = CONFIG.replace('inline="true"', f'inline="{inline}"')
    project_id = int(client.projects.create(title=f"hypertext inline={inline} (e2e)", label_config=xml).id)
    client.projects.import_tasks(id=project_id, request=[{"data": {"html": PAGE}}])
    connect_backend(client, project_id, servers.anota.url, (ANOTA_USER, ANOTA_PASSWORD))
    [(task_id, [stored])] = retrieve_predictions(client, project_id).items()
    [task] = download_snapshot(client, project_id, tmp_path / "snapshot.json")
    [exported] = task["predictions"]
    sent = anota_prediction(servers, xml, {"id": task_id, "data": {"html": PAGE}})
    # What Anota sent is what Label Studio stored and exports, region by region.
    assert exported["result"] == stored.result == sent["result"]
    spans = [region["value"] for region in exported["result"] if region["type"] == "hypertextlabels"]
    tim_cook = next(value for value in spans if value["text"] == "Tim Cook")
    assert tim_cook == {"start": "/div[1]/p[1]/b[1]/text()[1]", "startOffset": 0, "end": "/div[1]/p[1]/b[1]/text()[1]",
                        "endOffset": 8, "globalOffsets": {"start": 35, "end": 43}, "text": "Tim Cook",
                        "hypertextlabels": ["Person"]}
    # Every span's text is at its XPaths and offsets in the page's text nodes.
    nodes = {node.xpath: node.data for node in rendered_page(PAGE, inline == "true").nodes}
    for value in spans:
        if value["start"] == value["end"]:
            assert nodes[value["start"]][value["startOffset"]:value["endOffset"]] == value["text"]
    assert "Organization" in {label for value in spans for label in value["hypertextlabels"]}
