"""Probe loaders4: gaps earlier helpers noticed in loading, languages, bylines and /setup's configs.

Each section states what was expected before the fix."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from server.sources import SOURCE_FILE_BYTES
from server.tasks import excluded_listing, label_studio_tasks
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
