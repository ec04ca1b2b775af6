"""Loaders probe 3: gaps a user met after probe 2 (session 23).

What a demanding user expects, written before the fixes:
- A ``.zip`` (or ``.tar``, ``.tar.gz``) of a corpus loads as its folder would: each member by the loader of
  its suffix, named ``corpus.zip/docs/ferry.txt``, its tasks' offsets into the member's own text; a member
  that cannot load is reported with its path in the archive and the reason, and the others load; folders,
  READMEs, hidden and macOS metadata files are passed over as in a folder; a name that climbs out of the
  archive (``../x.txt``), a link, an archive inside the archive and a member too large to unpack are refused,
  and an archive that unpacks to more than the cap stops being read there (a zip bomb), saying so.
- Record and row numbers count from 1, as editors count lines: a JSON lines record and a CSV row by the line
  they start on (a spreadsheet's row number: the header is row 1), a JSON list's record by its place.
- An e-book chapter (``<section><h1>``) or a plain page (``<body><h1>``) keeps its title; a site's name in
  its ``<header>`` stays out.
- An annotator whose lazy warm-up fails (the first prediction of ``anota tasks --predictions``) is reported
  as ``anota serve`` reports it: a load error in the plugin listing and /metrics, on stderr for the CLI.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from plugins.loaders import CsvLoader, HtmlLoader, JsonLoader, PlainTextLoader
from server import archives
from server.analysis import task_language
from server.app import get_state
from server.predicting import LANGUAGE_MEMO_CHARS
from server.sources import Document, LeftOut, LoaderError, SourceFile, find_source_files
from server.tasks import excluded_listing, label_studio_tasks, preload_report
from tests.conftest import FIXTURES
from tests.test_cli import run
from tests.test_preload import NO_ANNOTATORS

PROBE = FIXTURES / "loaders3"
ROOT = Path(__file__).resolve().parent.parent


def preload(make_app: Any, *sources: Path) -> Flask:
    return make_app(SOURCES=[str(source) for source in sources], DISABLE_PLUGINS=NO_ANNOTATORS)


def by_source(app: Flask) -> dict[str, list[dict[str, Any]]]:
    tasks: dict[str, list[dict[str, Any]]] = {}
    for task in label_studio_tasks(app):
        tasks.setdefault(task["meta"]["source"], []).append(task)
    return tasks


def problems(app: Flask) -> tuple[dict[str, str], dict[str, str]]:
    """The preload's errors and skips, by path relative to the fixtures' folder."""
    listing = excluded_listing(app)
    shown = {kind: {item["path"].replace(f"{PROBE}/", ""): item["reason"] for item in listing[kind]}
             for kind in ("errors", "skipped")}
    return shown["errors"], shown["skipped"]


# --------------------------------------------------------------------------- archives


@pytest.mark.parametrize("archive", ["corpus.zip", "corpus.tar.gz"])
def test_an_archives_members_load_as_a_folders_files(make_app: Any, archive: str) -> None:
    app = preload(make_app, PROBE / archive)
    tasks = by_source(app)
    assert {source: [task["data"]["text"] for task in found] for source, found in tasks.items()} == {
        f"{archive}/data/records.jsonl#1": ["Record one of the archive says the lighthouse was painted red in 1998."],
        f"{archive}/data/records.jsonl#3": ["Record three says the keeper retired in 2004."],
        f"{archive}/data/rows.csv#2": ["A row about the tram line to the beach, closed for repairs."],
        f"{archive}/docs/chapter_section.xhtml": [
            "Capítulo 3 — A Tempestade",
            "Na terceira noite o vento virou para sudoeste e o mar começou a bater nas pedras do cais com uma força "
            "que o velho faroleiro não via desde a juventude.",
            "Ele subiu os noventa degraus com a lanterna na mão, contando cada um em voz baixa, como fazia o pai."],
        f"{archive}/docs/ferry.txt": [
            "The ferry to the islands leaves at seven from the old quay, and in winter it waits for the fishing boats "
            "to come in first.",
            "On Sundays the timetable changes: two crossings in the morning and none after four."],
        f"{archive}/docs/mercado.md": [
            "O mercado do Bolhão",
            "O mercado reabriu em setembro depois de quatro anos de obras, com as mesmas bancas de peixe e flores no "
            "piso de baixo."],
    }
    # Offsets are into the member's own text.
    for name in ("docs/ferry.txt", "docs/mercado.md"):
        member = (PROBE / "corpus" / name).read_text(encoding="utf-8")
        for task in tasks[f"{archive}/{name}"]:
            assert member[task["meta"]["start"]:task["meta"]["end"]] == task["data"]["text"]
    errors, skipped = problems(app)
    assert errors == {
        f"{archive}/data/records.jsonl#2": "no 'text' field",
        f"{archive}/data/rows.csv#3": "its 'text' column is empty",
        f"{archive}/docs/latin1.txt": "not UTF-8: undecodable byte 0xE9 ('é' in Latin-1 or windows-1252) at offset 3 "
                                      "(line 1)",
    }
    assert skipped == {f"{archive}/README.md": "folder documentation, not a source",
                       f"{archive}/docs/image.png": "no loader for .png",
                       f"{archive}/docs/.DS_Store": "hidden file"}


def test_an_archive_in_a_folder_is_read_and_its_tasks_are_the_same_on_every_run(make_app: Any, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "corpus.zip").write_bytes((PROBE / "corpus.zip").read_bytes())
    first = [(task["meta"]["source"], task["data"]["anota_id"]) for task in label_studio_tasks(preload(make_app, folder))]
    assert len(first) == 10 and "incoming/corpus.zip/docs/ferry.txt" in {source for source, _id in first}
    again = [(task["meta"]["source"], task["data"]["anota_id"]) for task in label_studio_tasks(preload(make_app, folder))]
    assert again == first


def zip_of(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_names_that_climb_out_links_devices_and_archives_inside_are_refused(make_app: Any, tmp_path: Path) -> None:
    zipped = zip_of(tmp_path / "tricks.zip", {
        "../escape.txt": b"A name that climbs out of the archive.", "/etc/absolute.txt": b"An absolute name.",
        "C:\\windows\\drive.txt": b"A drive letter.", "nested.zip": zip_of(tmp_path / "n.zip", {"a.txt": b"x"}).read_bytes(),
        "safe\\windows\\path.txt": b"A Windows tool wrote this name with backslashes, and it is safe.",
    })
    tarred = tmp_path / "tricks.tar"
    with tarfile.open(tarred, "w") as archive:
        for name, kind in (("link.txt", tarfile.SYMTYPE), ("fifo.txt", tarfile.FIFOTYPE), ("hard.txt", tarfile.LNKTYPE)):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            archive.addfile(info)
        content = b"A regular file beside them loads."
        info = tarfile.TarInfo("ok.txt")
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    app = preload(make_app, zipped, tarred)
    assert {source: [task["data"]["text"] for task in found] for source, found in by_source(app).items()} == {
        "tricks.zip/safe/windows/path.txt": ["A Windows tool wrote this name with backslashes, and it is safe."],
        "tricks.tar/ok.txt": ["A regular file beside them loads."]}
    listing = excluded_listing(app)
    assert {item["path"].replace(f"{tmp_path}/", ""): item["reason"] for item in listing["errors"]} == {
        "tricks.zip/../escape.txt": "a name that points outside the archive",
        "tricks.zip//etc/absolute.txt": "a name that points outside the archive",  # named as the archive names it
        "tricks.zip/C:/windows/drive.txt": "a name that points outside the archive",
        "tricks.zip/nested.zip": "an archive inside the archive: extract it first",
        "tricks.tar/link.txt": "a link, not a file",
        "tricks.tar/hard.txt": "a link, not a file",
        "tricks.tar/fifo.txt": "a device or FIFO, not a file",
    }
    assert not (tmp_path / "escape.txt").exists() and not list(tmp_path.parent.glob("escape.txt"))


def test_a_zip_bomb_is_refused_member_by_member_and_stops_at_the_archives_cap(
    make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The caps made small, so that a bomb of a few KB stands for one of terabytes.
    monkeypatch.setattr(archives, "MEMBER_BYTES", 100_000)
    monkeypatch.setattr(archives, "ARCHIVE_BYTES", 250_000)
    def text(name: str) -> bytes:  # 90,000 bytes, each member's own (copies would be merged)
        return (f"Member {name} is a small text about the harbour. ".encode() * 2000)[:90_000]

    bomb = zip_of(tmp_path / "bomb.zip", {"a.txt": text("a"), "b_big.txt": b"0" * 150_000, "c.txt": text("c"),
                                          "d.txt": text("d"), "e.txt": text("e")})
    app = preload(make_app, bomb)
    assert preload_report(app)["files"] == 2  # a.txt and c.txt
    errors, _skipped = problems(app)
    assert {Path(path).name: reason for path, reason in errors.items()} == {
        "b_big.txt": "unpacks to more than 0.0953674 MB",
        "d.txt": "the archive unpacks to more than 0.238419 MB: this member and the ones after it are not read"}


def test_a_member_that_states_a_smaller_size_than_it_holds_is_not_read_past_it(tmp_path: Path) -> None:
    # A tar's header cannot lie (its data is as long as it says); a zip's can. Its member is read no further
    # than the size it states, and the checksum then refuses it: the cap is never outrun.
    path = zip_of(tmp_path / "liar.zip", {"big.txt": b"x" * 5000, "ok.txt": b"A member that tells the truth."},
                  zipfile.ZIP_STORED)
    path.write_bytes(path.read_bytes().replace((5000).to_bytes(4, "little"), (10).to_bytes(4, "little")))
    members = list(archives.archive_members(SourceFile(path, path.name, None), {".txt": PlainTextLoader()}))
    assert members[0] == archives.ArchiveProblem("big.txt", "cannot be unpacked: Bad CRC-32 for file 'big.txt'")
    assert [member.name for member in members[1:]] == ["liar.zip/ok.txt"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"PK\x03\x04" + bytes(40), "not a readable archive: "),
    (b"", "not a readable archive: "),
])
def test_an_archive_that_cannot_be_read_is_reported_and_the_other_sources_load(
    make_app: Any, tmp_path: Path, content: bytes, reason: str,
) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(content)
    app = preload(make_app, broken, PROBE / "plain_page.html")
    assert list(by_source(app)) == ["plain_page.html"]
    [error] = excluded_listing(app)["errors"]
    assert error["path"] == str(broken) and error["reason"].startswith(reason)


def test_a_tar_cut_short_keeps_the_members_read_before_the_cut(make_app: Any, tmp_path: Path) -> None:
    whole = (PROBE / "corpus.tar.gz").read_bytes()
    cut = tmp_path / "cut.tar.gz"
    tar = gzip.decompress(whole)
    cut.write_bytes(gzip.compress(tar[:tar.index(b"The ferry to the islands") + 20]))  # in ferry.txt's data
    app = preload(make_app, cut)
    assert list(by_source(app)) == ["cut.tar.gz/data/records.jsonl#1", "cut.tar.gz/data/records.jsonl#3",
                                    "cut.tar.gz/data/rows.csv#2", "cut.tar.gz/docs/chapter_section.xhtml"]
    errors = excluded_listing(app)["errors"]
    assert errors[-1]["path"] == str(cut) and errors[-1]["reason"].startswith("not a readable archive")


def test_anota_tasks_reads_an_archive_and_lists_its_members_problems(tmp_path: Path) -> None:
    result = run(["tasks", str(PROBE / "corpus.zip")], ANOTA_DATABASE_URL=f"sqlite:///{tmp_path / 'tasks.db'}")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10
    assert f"cannot load {PROBE / 'corpus.zip'}/docs/latin1.txt: not UTF-8" in result.stderr
    assert f"skipped {PROBE / 'corpus.zip'}/docs/image.png: no loader for .png" in result.stderr


def test_a_folders_archives_are_sources_and_other_archives_say_to_extract_them(tmp_path: Path) -> None:
    for name in ("a.zip", "b.tar.gz", "c.tgz", "d.7z", "e.rar"):
        (tmp_path / name).write_bytes(b"")
    files, skipped = find_source_files([str(tmp_path)], [JsonLoader()])
    assert [source.name.split("/", 1)[1] for source in files] == ["a.zip", "b.tar.gz", "c.tgz"]
    assert {Path(item.path).name: item.reason for item in skipped} == {
        "d.7z": "no loader for .7z (an archive: extract its files first)",
        "e.rar": "no loader for .rar (an archive: extract its files first)"}


# --------------------------------------------------------------------------- record numbers


def test_record_numbers_count_from_one_as_editors_and_spreadsheets_do(tmp_path: Path) -> None:
    listing = tmp_path / "tasks.json"
    listing.write_text(json.dumps([{"text": "Um."}, {"title": "sem texto"}, {"text": "Três."}]), encoding="utf-8")
    assert [(item.source, item.text) if isinstance(item, Document) else item
            for item in JsonLoader().load(listing, listing.name)] == [
        ("tasks.json#1", "Um."), LeftOut("2", "no 'text' field"), ("tasks.json#3", "Três.")]
    # A CSV row by the line it starts on: the header is line 1, and a quoted cell may hold line breaks.
    table = tmp_path / "rows.csv"
    table.write_text('text,id\n"Linha um\nlinha dois",1\n\n,2\nTerceira.,3\n', encoding="utf-8")
    assert [(item.source, item.text) if isinstance(item, Document) else item
            for item in CsvLoader().load(table, table.name)] == [
        ("rows.csv#2", "Linha um\nlinha dois"), LeftOut("5", "its 'text' column is empty"), ("rows.csv#6", "Terceira.")]


def test_a_file_none_of_whose_records_loads_names_the_first_refused_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('\n{"text": 3}\n{"text": ["a"]}\n', encoding="utf-8")
    with pytest.raises(LoaderError) as error:
        list(JsonLoader().load(path, path.name))
    assert str(error.value) == "no record could be loaded (bad.jsonl#2: its 'text' field is not text but int)"


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(("page", "title"), [
    ("chapter_section.xhtml", "# Capítulo 3 — A Tempestade"),
    ("plain_page.html", "# Field notes from the salt marshes"),
    ("site_header.html", None),
])
def test_a_title_the_text_follows_is_kept_and_a_sites_name_in_its_header_is_not(page: str, title: str | None) -> None:
    [document] = HtmlLoader().load(PROBE / page, page)
    first_line = document.content.split("\n", 1)[0]
    if title is None:
        assert first_line.startswith("O segredo do pão de queijo")
        assert "Tia Nena" not in document.content
    else:
        assert first_line == title


# --------------------------------------------------------------------------- warm-up failures

FAILING = "tests.sample_plugins.failing_warm_up"


def anota(arguments: list[str], tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """An anota command in its own process: the log goes to its stderr, as a user sees it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}",
           "ANOTA_PLUGINS": FAILING, "ANOTA_DISABLE_PLUGINS": ",".join(NO_ANNOTATORS), **environment}
    return subprocess.run([sys.executable, "-c", "from server.cli import cli; cli()", *arguments],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_anota_tasks_with_predictions_reports_an_annotator_that_fails_to_warm_up(tmp_path: Path) -> None:
    result = anota(["tasks", "--predictions", str(PROBE / "plain_page.html")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["predictions"]
    assert f"ERROR server.plugins: plugin {FAILING} failed at warm_up: AnnotatorError: no model file at " \
           "models/missing.bin" in result.stderr


def test_with_strict_plugins_anota_tasks_stops_on_a_failed_warm_up_in_one_line(tmp_path: Path) -> None:
    result = run(["tasks", "--predictions", str(PROBE / "plain_page.html")], ANOTA_PLUGINS=FAILING,
                 ANOTA_DISABLE_PLUGINS=",".join(NO_ANNOTATORS), ANOTA_STRICT_PLUGINS="1",
                 ANOTA_DATABASE_URL=f"sqlite:///{tmp_path / 'anota.db'}")
    assert result.exit_code == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines()[-1].startswith(
        f"Error: plugin '{FAILING}' failed at warm_up: AnnotatorError: no model file at models/missing.bin")


# --------------------------------------------------------------------------- languages outside ANOTA_LANGUAGES
# Expected, written before the fix: a French text among pt, en and es is "fr" (it was "es", or "pt"), an Italian
# one "it"; a Portuguese page quoting "Le Monde" stays "pt", the seed "pt"; a listed language (es) is still itself;
# no annotator is run on a text outside ANOTA_LANGUAGES (Portuguese claim cues on French), which is counted in
# /metrics by its language and logged once, while the other texts of the request get their suggestions.

FOREIGN = [
    ("fr", "Le gouvernement a annoncé mardi une hausse de douze pour cent du prix de l'électricité pour les ménages."),
    ("fr", "Il y a une boulangerie au coin de la rue qui vend le meilleur pain de tout le quartier."),
    ("it", "Secondo l'Istat, la produzione industriale è cresciuta del due per cento rispetto all'anno scorso."),
    ("de", "Nach Angaben des Statistischen Bundesamtes ist die Inflation im Oktober auf zwei Prozent gesunken."),
    ("ca", "El govern de la Generalitat ha aprovat avui un pla per millorar el transport públic a Barcelona."),
    ("nl", "Het eten was heerlijk en de bediening was erg vriendelijk, we komen zeker terug."),
]
IN_SCOPE = [
    ("pt", "Comprei o celular e chegou antes do prazo, mas a bateria dura pouco."),
    ("en", "The council said the new bridge would open to traffic in the spring."),
    ("es", "El gobierno de España anunció ayer un nuevo paquete de medidas económicas para las familias."),
]


@pytest.mark.parametrize(("language", "text"), FOREIGN + IN_SCOPE)
def test_a_text_in_a_language_outside_the_listed_ones_is_given_its_own(language: str, text: str) -> None:
    assert task_language(text, ("pt", "en", "es")) == language


def test_a_list_of_foreign_names_takes_a_listed_language() -> None:
    # A Portuguese page's list of Polish places (WikiANN-pt): the identifier says "pl", but it reads as no prose.
    assert task_language("Bobrowniki , Ciechocin , Ciechocinek , Kikół , Lipno , Nieszawa", ("pt", "en", "es")) in (
        "pt", "en", "es")


def test_a_french_paragraph_with_spanish_frequent_words_is_not_spanish() -> None:
    # "la", "un", "y", "entre": four words of the Spanish list, which decided it alone.
    text = ("Il y a un marché entre la gare et la place, où la mairie a installé un parking pour les vélos "
            "et un abri pour la nuit.")
    assert task_language(text, ("pt", "en", "es")) == "fr"


def test_preloaded_texts_outside_the_languages_keep_their_own(make_app: Any) -> None:
    app = preload(make_app, PROBE / "languages", FIXTURES / "seed")
    languages = {(task["meta"]["source"].split("/")[-1], task["data"]["language"]) for task in label_studio_tasks(app)}
    assert languages == {("francais.txt", "fr"), ("italiano.md", "it"), ("misto.txt", "pt"),
                         ("000_3734a0b2899233d0.txt", "pt")}


PREDICT_CONFIG = """<View><Text name="text" value="$text"/>
  <Labels name="label" toName="text"><Label value="LOC"/><Label value="ORG"/><Label value="CLAIM"/></Labels>
  <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/>
    <Choice value="Neutral"/></Choices></View>"""


def test_no_annotator_reads_a_text_outside_the_languages_and_the_skip_is_counted(app: Flask, caplog) -> None:
    french = ("Selon la mairie de Lyon, la vitesse sera limitée à trente kilomètres par heure dans toutes les rues "
              "du centre, une mesure critiquée par les commerçants.")
    portuguese = "Segundo a prefeitura de Lisboa, o turismo cresceu 12% em 2024 e os moradores estão felizes."
    tasks = [{"id": 1, "data": {"text": french}}, {"id": 2, "data": {"text": portuguese}},
             {"id": 3, "data": {"text": portuguese.replace("Lisboa", "Porto"), "language": "it"}}]
    client = app.test_client()
    answer = client.post("/predict", json={"tasks": tasks, "label_config": PREDICT_CONFIG})
    assert answer.status_code == 200, answer.json
    french_result, portuguese_result, stated_result = (result["result"] for result in answer.json["results"])
    assert french_result == [] and stated_result == []
    assert {"Lisboa", None} <= {region["value"].get("text") for region in portuguese_result}
    metrics = client.get("/metrics").text
    assert 'anota_skipped_texts_total{language="fr"} 1.0' in metrics
    assert 'anota_skipped_texts_total{language="it"} 1.0' in metrics
    assert [record.getMessage() for record in caplog.records if "get no suggestions" in record.getMessage()] == [
        "texts in 'fr' get no suggestions: ANOTA_LANGUAGES lists pt, en, es, and the annotators are for those "
        "(counted in /metrics as anota_skipped_texts)",
        "texts in 'it' get no suggestions: ANOTA_LANGUAGES lists pt, en, es, and the annotators are for those "
        "(counted in /metrics as anota_skipped_texts)"]



def test_a_text_sent_again_is_not_identified_again(app: Flask) -> None:
    # Label Studio sends a task again on every region drawn in interactive pre-annotation.
    french = ("Selon la mairie de Lyon, la vitesse sera limitée à trente kilomètres par heure dans toutes les rues "
              "du centre, une mesure critiquée par les commerçants.")
    book = "Segundo a prefeitura de Lisboa, o turismo cresceu 12% em 2024. " * 40  # longer than is remembered
    assert len(book) > LANGUAGE_MEMO_CHARS
    tasks = [{"id": 1, "data": {"text": french}}, {"id": 2, "data": {"text": book}}]
    client = app.test_client()
    for _ in range(2):
        answer = client.post("/predict", json={"tasks": tasks, "label_config": PREDICT_CONFIG})
        assert answer.status_code == 200, answer.json
        assert answer.json["results"][0]["result"] == [] and answer.json["results"][1]["result"] != []
    memo = get_state(app).predictor.recent_text.cache_info()
    assert (memo.misses, memo.hits, memo.currsize) == (1, 1, 1)
    # identified once: its language past its frequent words is remembered with it
    assert get_state(app).predictor.recent_text(french).languages == {None: "fr"}
    assert 'anota_skipped_texts_total{language="fr"} 2.0' in client.get("/metrics").text

# --------------------------------------------------------------------------- Markdown tables
# Expected, written before the change: an annotator labels a table's cells knowing their columns ("Bruno Lima"
# under "Responsável" is the person responsible, "31/03/2026" under "Prazo" a deadline), so a Markdown table is one
# task, header, delimiter and rows (a row with its header is no slice of the page), in the paragraph and sentence
# units alike; a table with or without its outer pipes; the page's prose around it stays a task a paragraph; a table
# of links alone is still a menu, left out.

TABLE_PAGE = """# Plantão de farmácias

As farmácias abaixo abrem no feriado de 21 de abril, segundo a Secretaria de Saúde de Ouro Preto.

Farmácia | Bairro | Horário
--- | --- | ---
Drogaria Pacheco | Centro | 8h às 22h
Farmácia São José | Cabeças | 9h às 18h

Quem precisar de remédio fora desse horário deve procurar a UPA do bairro Bauxita.

| [Início](/) | [Notícias](/noticias) | [Contato](/contato) |
|---|---|---|
"""


@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_a_markdown_table_is_one_task_and_a_table_of_links_is_left_out(make_app: Any, tmp_path: Path, unit: str) -> None:
    page = tmp_path / "plantao.md"
    page.write_text(TABLE_PAGE, encoding="utf-8")
    app = make_app(SOURCES=[str(page)], DISABLE_PLUGINS=NO_ANNOTATORS, TASK_UNIT=unit)
    tasks = label_studio_tasks(app)
    table = "\n".join(TABLE_PAGE.splitlines()[4:8])
    assert [task["data"]["text"] for task in tasks] == [
        "Plantão de farmácias",
        "As farmácias abaixo abrem no feriado de 21 de abril, segundo a Secretaria de Saúde de Ouro Preto.",
        table,
        "Quem precisar de remédio fora desse horário deve procurar a UPA do bairro Bauxita."]
    assert all(TABLE_PAGE[task["meta"]["start"]:task["meta"]["end"]] == task["data"]["text"] for task in tasks)
    [menu] = [item for item in excluded_listing(app)["excluded"] if item["text"].startswith("| [Início]")]
    assert "a menu" in menu["reason"]


def test_a_short_title_in_another_language_takes_its_pages_and_a_quoted_paragraph_keeps_its_own(
        make_app: Any, tmp_path: Path) -> None:
    # Expected before the rule: a page clearly in English keeps its names and titles in French or German (its
    # annotators label them as the page's), while a paragraph quoted in French is French.
    page = tmp_path / "books.txt"
    page.write_text(
        "The French writer Louis-René des Forêts wrote only a handful of books, and each of them took him years.\n\n"
        "Louis-René des Forêts\n\n"
        "Weißt du wohin wir gehen\n\n"
        "His best-known novel opens with a sentence that readers have been quoting ever since it was published:\n\n"
        "Je ne sais pas si je dois écrire ce livre, mais je sais que je ne peux plus attendre.\n\n"
        "The publisher said on Monday that a new edition of his letters would be out in the spring.\n",
        encoding="utf-8")
    languages = {task["data"]["text"][:24]: task["data"]["language"] for task in label_studio_tasks(preload(make_app, page))}
    assert languages == {"The French writer Louis-": "en", "Weißt du wohin wir gehen": "en",
                         "His best-known novel ope": "en", "Je ne sais pas si je doi": "fr", "The publisher said on Mo": "en"}
