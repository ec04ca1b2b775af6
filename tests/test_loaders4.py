"""Probe loaders4: gaps earlier helpers noticed in loading, languages, bylines and /setup's configs.

Each section states what was expected before the fix."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import tarfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from server.app import PROJECT_RECHECK_SECONDS
from server.sources import SOURCE_FILE_BYTES
from server.tasks import excluded_listing, label_studio_tasks
from tests.conftest import recorded_body, serve_in_background
from tests.test_preload import NO_ANNOTATORS


# --------------------------------------------------------------------------- a .gz member of an archive
# Expected, written before the fix: a .gz member is decompressed by its loader with no cap, so a 2 MB gzip of
# zeros inside a zip filled memory with as many bytes as it held. It must be refused with the member's path and
# the reason, past the cap a member has (512 MB), and the archive's other members still load.

def gzip_bomb(unpacked_mb: int) -> bytes:
    """Gzip data of ``unpacked_mb`` MB of zeros: one member of a MB, repeated (gzip reads members one after another)."""
    return gzip.compress(bytes(1 << 20)) * unpacked_mb


def archive_of(path: Path, members: dict[str, bytes]) -> Path:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return path
    with tarfile.open(path, "w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("archive", ["bundle.zip", "bundle.tar"])
def test_a_gz_member_that_decompresses_past_the_cap_is_reported_and_the_others_load(
        make_app: Any, tmp_path: Path, archive: str) -> None:
    bomb = gzip_bomb(SOURCE_FILE_BYTES // (1 << 20) + 1)
    assert len(bomb) < 1 << 20  # what the archive's own caps see of it
    small = gzip.compress("The harbour reopened on Monday after the storm.\n".encode())
    path = archive_of(tmp_path / archive, {"news/bomb.txt.gz": bomb, "news/harbour.txt.gz": small})
    app = make_app(SOURCES=[str(path)], DISABLE_PLUGINS=NO_ANNOTATORS)
    assert [task["data"]["text"] for task in label_studio_tasks(app)] == [
        "The harbour reopened on Monday after the storm."]
    assert [(error["path"], error["reason"]) for error in excluded_listing(app)["errors"]] == [
        (f"{path}/news/bomb.txt.gz", "decompresses to more than 512 MB (a gzip bomb?): not read")]


# --------------------------------------------------------------------------- languages each annotator reads
# Expected, written before the fix: claims' cue words are Portuguese and English, so a Spanish text (es is among
# ANOTA_LANGUAGES by default) must get no claim ("Según ... 3,2%" scored 0.57 on Portuguese cues that half match);
# sentiment already gives es nothing (no lexicon); entities' gazetteers and patterns are names in any language
# (Nvidia, Blackwell, GPT-4o) and keep suggesting. /plugins and `anota plugins` say which languages each reads.

LANGUAGES_CONFIG = """<View><Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="LOC"/><Label value="ORG"/>
    <Label value="PRODUCT"/><Label value="CLAIM"/></Labels>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/>
    <Choice value="Neutral"/></Choices></View>"""
SPANISH_AND_PORTUGUESE = [
    ("es", "Nvidia vendió chips Blackwell a empresas de China por 35 mil millones de dólares, según la agencia Reuters."),
    ("pt", "A Nvidia vendeu chips Blackwell a empresas da China por 35 bilhões de dólares, segundo a agência Reuters."),
]


def labels_by_language(client: Any, texts: list[tuple[str, str]], stated: bool) -> dict[str, set[str]]:
    tasks = [{"id": number, "data": {"text": text, **({"language": language} if stated else {})}}
             for number, (language, text) in enumerate(texts)]
    answer = client.post("/predict", json={"tasks": tasks, "label_config": LANGUAGES_CONFIG})
    assert answer.status_code == 200, answer.json
    return {language: {label for region in result["result"]
                       for label in region["value"].get("labels", []) + region["value"].get("choices", [])}
            for (language, _text), result in zip(texts, answer.json["results"])}


@pytest.mark.parametrize("stated", [True, False])
def test_a_spanish_text_gets_entities_and_no_claim_or_sentiment(client: Any, stated: bool) -> None:
    labels = labels_by_language(client, SPANISH_AND_PORTUGUESE, stated)
    assert labels["es"] == {"ORG", "PRODUCT", "LOC"}
    assert {"CLAIM", "ORG", "PRODUCT"} <= labels["pt"] and labels["pt"] & {"Positive", "Negative", "Neutral"}


def test_the_plugin_listing_says_which_languages_each_annotator_reads(client: Any) -> None:
    annotators = {annotator["name"]: annotator["languages"]
                  for plugin in client.get("/plugins").json["plugins"] for annotator in plugin["annotators"]}
    assert set(annotators["claims"]) == set(annotators["sentiment"]) == {"pt", "en"}
    assert set(annotators["entities"]) == {"pt", "en", "*"}



def test_an_annotator_that_states_no_languages_reads_all_and_a_list_of_codes_is_refused() -> None:
    from server.annotators import ANY_LANGUAGE, Annotator, LabelSpec, annotator_problem

    labels = [LabelSpec("X", "span")]
    assert Annotator("plain", "1", labels).reads("fr")  # a plugin written before ``languages`` keeps every text
    assert not Annotator("cues", "1", labels, languages={"pt": "cue words"}).reads("es")
    assert Annotator("names", "1", labels, languages={"pt": "model", ANY_LANGUAGE: "rules"}).reads("es")
    problem = annotator_problem(Annotator("listed", "1", labels, languages=["pt", "en"]))  # type: ignore[arg-type]
    assert problem == "annotator 'listed': languages must map language codes to what it reads in them, not ['pt', 'en']"

# --------------------------------------------------------------------------- /setup's config in every worker
# Expected, written before the fix: gunicorn's workers each keep what /setup sent them in memory. After Label
# Studio deletes a project, the worker that received PROJECT_DELETED forgets its config and token, but another
# worker still labelled a /predict without a config with the deleted project's, and used its token; and a worker
# that /setup never reached answered "No labeling config" for a live project. Two apps on one database are two
# workers, each served over HTTP on 127.0.0.1.

@contextlib.contextmanager
def served(app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = serve_in_background(server)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def http_post(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_a_deleted_projects_setup_config_is_dropped_by_every_worker(make_app: Any) -> None:
    setup = recorded_body("ls_to_backend_setup.json")  # project "1.1796020075"
    other = {**setup, "project": "2.1796020999"}
    predict = {"tasks": recorded_body("ls_to_backend_predict.json")["tasks"], "label_config": ""}
    first, second = make_app(), make_app()
    with served(first) as first_url, served(second) as second_url:
        for body in (setup, other):
            assert http_post(f"{first_url}/setup", {**body, "hostname": "http://127.0.0.1:9", "access_token": "t0k3n"}
                             )[0] == 200
        assert http_post(f"{second_url}/setup", setup)[0] == 200
        assert http_post(f"{first_url}/webhook", {"action": "PROJECT_DELETED", "project": {"id": 1}}
                         ) == (200, {"status": "ok", "events": 0})
        time.sleep(PROJECT_RECHECK_SECONDS)  # the worker the webhook did not reach learns of it within that time
        for url in (first_url, second_url):
            status, answer = http_post(f"{url}/predict", {**predict, "project": "1.1796020075"})
            assert status == 400 and "No labeling config" in answer["message"]
            # The live project's config reaches the worker /setup never did.
            status, answer = http_post(f"{url}/predict", {**predict, "project": "2.1796020999"})
            assert status == 200 and answer["results"][0]["result"]
    assert "1.1796020075" not in second.extensions["anota"].project_configs
    assert first.extensions["anota"].setup_connection("2.1796020999") is not None


# --------------------------------------------------------------------------- HyperText bylines
# Expected, written before the fix: a page's byline names its author (a person) and often a town or an agency,
# which the page's annotators see and label; its text was blanked before the annotators read the page, because a
# Text task leaves a byline out (it is no paragraph of the story), so "Juliana Arruda" and "Daniel Webb" got nothing.
# The names are suggested; the byline is no claim (once read, "By Daniel Webb · Updated 2 June 2025" scored 0.69 on
# its date and "action" word); the page's menu still gets nothing.

BYLINE_PAGES = [
    "<nav><a href='/'>Início</a> <a href='/brasil'>Brasil</a></nav><article><h1>Enchente atinge bairros de Corumbá"
    "</h1><p>Por Juliana Arruda — Corumbá (MS)</p><p>A Defesa Civil de Corumbá informou nesta terça-feira que 320 "
    "famílias deixaram suas casas depois que o rio Paraguai subiu 2 metros em uma semana.</p></article>",
    "<article><h1>Council approves new bridge</h1><p>By Daniel Webb · Updated 2 June 2025</p><p>The Bristol City "
    "Council approved on Tuesday a £12 million plan to replace the Avon bridge, according to its transport "
    "committee.</p></article>",
]
HYPERTEXT_CONFIG = """<View><HyperText name="page" value="$html"/>
  <HyperTextLabels name="label" toName="page"><Label value="PER"/><Label value="LOC"/><Label value="ORG"/>
    <Label value="CLAIM"/></HyperTextLabels></View>"""


def test_a_hypertext_bylines_names_are_suggested_and_the_byline_is_no_claim(client: Any) -> None:
    tasks = [{"id": number, "data": {"html": page}} for number, page in enumerate(BYLINE_PAGES)]
    answer = client.post("/predict", json={"tasks": tasks, "label_config": HYPERTEXT_CONFIG})
    assert answer.status_code == 200, answer.json
    found = [{(region["value"]["text"], region["value"]["hypertextlabels"][0]) for region in result["result"]}
             for result in answer.json["results"]]
    assert ("Juliana Arruda", "PER") in found[0] and ("Daniel Webb", "PER") in found[1]
    assert not {text for text, label in found[0] | found[1] if label == "CLAIM" and ("Por " in text or "By " in text)}
    assert {("Início", label) for label in ("LOC", "ORG", "PER")}.isdisjoint(found[0])
    assert {label for text, label in found[1] if text.startswith("The Bristol City Council")} == {"CLAIM"}


# --------------------------------------------------------------------------- a short foreign title's language
# Expected, written before the fix: a page's title in another language ("Il mio sbaglio più grande" over a
# Portuguese paragraph, "Les Misérables au théâtre ce soir" over an English one) is a name its page's annotators
# label as the page's, and takes the page's language; a page of a title and a line has too few frequent words to
# settle its language, and the title was stored as "it" and "fr", which /predict skips (or as "es", the listed
# language nearest the identifier's Italian, when it was not sure of it). A whole page in French stays
# French, title and all, and a paragraph quoted in French in an English page is French.

SHORT_PAGES = {
    "film.txt": ("Il mio sbaglio più grande\n\nO filme italiano estreou ontem em Lisboa.\n", ["pt", "pt"]),
    "musical.txt": ("Les Misérables au théâtre ce soir\n\nThe musical returns to the West End next month.\n", ["en", "en"]),
    "marche.txt": ("Le marché de Noël\n\nLe marché de Noël ouvre ses portes samedi sur la place principale, avec "
                   "quarante chalets et une patinoire.\n", ["fr", "fr"]),
    "quote.txt": ("The mayor closed the speech in French, to the surprise of the crowd.\n\nNous ne laisserons personne "
                  "derrière nous, quelles que soient les difficultés de cette année.\n", ["en", "fr"]),
}


@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_a_short_title_in_another_language_takes_its_pages_language(make_app: Any, tmp_path: Path, unit: str) -> None:
    for name, (text, _languages) in SHORT_PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = make_app(SOURCES=[str(tmp_path)], DISABLE_PLUGINS=NO_ANNOTATORS, TASK_UNIT=unit)
    stored: dict[str, list[str]] = {}
    for task in label_studio_tasks(app):
        stored.setdefault(task["meta"]["source"].split("/")[-1], []).append(task["data"]["language"])
    assert stored == {name: languages for name, (_text, languages) in SHORT_PAGES.items()}


def test_a_foreign_titles_names_get_suggestions_once_it_takes_its_pages_language(make_app: Any, tmp_path: Path) -> None:
    (tmp_path / "fellini.txt").write_text(
        "La dolce vita di Federico Fellini\n\nO filme restaurado volta aos cinemas de Lisboa.\n", encoding="utf-8")
    app = make_app(SOURCES=[str(tmp_path)], DISABLE_PLUGINS=["claims", "sentiment"])
    [title, _paragraph] = app.test_client().get("/tasks?predictions=true").json
    assert title["data"]["language"] == "pt"  # was "es": the identifier's Italian, below 0.9, fell back to it
    assert ("Federico Fellini", ["PER"]) in [
        (region["value"]["text"], region["value"]["labels"]) for region in title["predictions"][0]["result"]]
