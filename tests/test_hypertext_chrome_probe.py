"""HyperText chrome probe (fixtures/hypertext_chrome/truth.json, written before
the code): on real pages, no suggestion lands on a menu, banner, share bar,
byline or footer, and the names in the article's prose keep theirs.

Suggestions on the truth's chrome blocks, before -> after (entities 1.2.21 with
claims): obituary_margaret 20 -> 2 (an <aside>'s "More obituaries from the
Kentish Herald" and a name it links: no cue), obituario_professora 25 -> 1 (a
newsletter box's pitch between its heading and button); truth names suggested
off the chrome 8 -> 7 of 11 and 7 -> 7 of 7 (the one lost, "Margaret" as an
organisation, was in the guest book's message, not in the article).

Since <aside> is chrome (session 22): obituary_margaret 2 -> 0, its names 7 of 11
both times.

Blind (esportes_pouso_alegre, run once after the code was done): suggestions on
chrome 30 -> 0, prose names 7 -> 7 of 7; its sentiment Positive both times.

Since bylines and credits are read for the names they hold (loaders4: a page shows
them to its annotators, and NER corpora label them), the truth's byline lines get
their names, and no claim: obituary_margaret 0 -> 2 ("Linda Marsh" PER on "Posted by
Linda Marsh on 22 February 2025", "Kentish Herald" ORG on its credit line),
esportes_pouso_alegre 0 -> 1 ("Diego Almeida" PER on "Por Diego Almeida")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from server.hypertext import rendered_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRUTH = json.loads((FIXTURES / "hypertext_chrome" / "truth.json").read_text(encoding="utf-8"))
CONFIG = """<View>
  <HyperText name="page" value="$html" inline="true"/>
  <HyperTextLabels name="ner" toName="page">
    <Label value="Pessoa" predicted_values="PER"/><Label value="Empresa" predicted_values="ORG"/>
    <Label value="Lugar" predicted_values="LOC"/><Label value="Checável" predicted_values="CLAIM"/>
  </HyperTextLabels>
  <Choices name="sentiment" toName="page"><Choice value="Positive"/><Choice value="Negative"/>
    <Choice value="Neutral"/></Choices>
</View>"""


def page_counts(client: Any, name: str, truth: dict[str, list[str]]) -> tuple[int, int, int]:
    """(suggestions on the truth's chrome blocks, on its other blocks, prose names suggested) for one page."""
    html = (FIXTURES / "unseen" / name).read_text(encoding="utf-8")
    answer = client.post("/predict", json={"tasks": [{"id": 1, "data": {"html": html}}], "label_config": CONFIG,
                                           "project": "7.1"})
    assert answer.status_code == 200, answer.json
    page = rendered_page(html, True)
    on_chrome, elsewhere, names = 0, 0, set()
    for region in answer.json["results"][0]["result"]:
        if region["type"] != "hypertextlabels":
            continue
        offsets = region["value"]["globalOffsets"]
        start, _end = page.text_span(offsets["start"], offsets["end"])
        line = page.text[page.text.rfind("\n", 0, start) + 1:].split("\n", 1)[0].strip()
        if any(line.startswith(prefix) for prefix in truth["chrome"]):
            on_chrome += 1
        else:
            elsewhere += 1
            names.add(" ".join(region["value"]["text"].split()))
    return on_chrome, elsewhere, len(names & set(truth["names"]))


@pytest.fixture
def client(make_app) -> Any:
    return make_app(PRELOAD=False).test_client()


# page: (most suggestions on its chrome, fewest prose names suggested)
MEASURED = {"obituary_margaret.html": (2, 7), "obituario_professora.html": (1, 7), "esportes_pouso_alegre.html": (1, 7)}


@pytest.mark.parametrize(("split", "name"), [(split, name) for split in ("studied", "blind") for name in sorted(TRUTH[split])])
def test_pages_get_no_suggestion_on_their_chrome(client, split, name):
    on_chrome, _elsewhere, names = page_counts(client, name, TRUTH[split][name])
    most_on_chrome, fewest_names = MEASURED[name]
    assert on_chrome <= most_on_chrome and names >= fewest_names
