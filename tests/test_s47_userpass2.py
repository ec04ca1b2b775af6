"""Session 47's second user walk (bench/HISTORY.md, ``## s47-userpass2``): s47-userpass's leftover (a record left
out of a JSON Lines file was said as a file that could not be loaded) and what an annotator's walk through a real
Label Studio 1.23.2, with a labeling config of its own (Portuguese label names, labels Anota cannot emit, a
TextArea), found. Each test failed before its fix."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from server.cli import cli
from server.exporting.report import CLAIMS_READ_AS_ENTITIES

NO_ANNOTATORS = "entities,claims,sentiment"

RECORDS = ('{"text": "A Petrobras anunciou lucro recorde em 2025."}\n'
           '{"text": "O Banco do Brasil abriu uma agência em Manaus."}\n'
           '{"text": "Maria Silva visitou Lisboa em março."}\n'
           '{"texto": "um registo sem o campo de texto"}\n')


def test_anota_tasks_says_a_record_left_out_not_a_file_that_failed(tmp_path: Path) -> None:
    # It said "cannot load FILE#4: no 'text' field" though the file loaded and its three other records were tasks.
    source = tmp_path / "reviews.jsonl"
    source.write_text(RECORDS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(source)], env={
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "ANOTA_DISABLE_PLUGINS": NO_ANNOTATORS})
    assert result.exit_code == 0, result.stderr
    assert "cannot load" not in result.stderr
    assert f"left out record {source}#4 (the rest of the file loaded): no 'text' field\n" in result.stderr
    assert "3 tasks (3 pt) from 1 file" in result.stderr and "1 record not loaded (above)" in result.stderr


def test_a_file_that_failed_is_still_said_as_one(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": 5}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["tasks", str(source)], env={
        "ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}", "ANOTA_DISABLE_PLUGINS": NO_ANNOTATORS})
    assert f"cannot load {source}: no record could be loaded" in result.stderr


def test_the_server_logs_a_record_left_out_as_such(
        make_app: Callable[..., Flask], tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = tmp_path / "reviews.jsonl"
    source.write_text(RECORDS, encoding="utf-8")
    make_app(SOURCES=[str(source)], DISABLE_PLUGINS=NO_ANNOTATORS.split(","))
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and r.name == "server.preload"]
    assert warnings == [f"preload: left out record {source}#4 (the rest of the file loaded): no 'text' field"]


# A project's own labeling config, as the walk's: Portuguese names, labels Anota cannot emit, a TextArea.
OWN_CONFIG = """<View>
  <Text name="texto" value="$text"/>
  <Labels name="rotulos" toName="texto">
    <Label value="Pessoa"/><Label value="Organização"/><Label value="Local"/><Label value="Produto"/>
    <Label value="Afirmação"/><Label value="Evento"/><Label value="Data"/>
  </Labels>
  <Choices name="sentimento" toName="texto"><Choice value="Positivo"/><Choice value="Negativo"/>
    <Choice value="Neutro"/></Choices>
  <TextArea name="notas" toName="texto"/>
</View>"""
TEXT = "O Sporting venceu o Benfica no Estádio José Alvalade. A Câmara de Lisboa reforçou o metro para o jogo."


def region(start: int, end: int, label: str, plugin: str | None = None) -> dict[str, object]:
    found = {"id": f"r{start}-{label}", "from_name": "rotulos", "to_name": "texto", "type": "labels",
             "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}}
    return {**found, "meta": {"plugin": plugin}} if plugin else found


def own_config_export(tmp_path: Path) -> Path:
    """A Label Studio export of the walk's kind: an annotator kept Anota's claim (the first sentence, labelled
    "Afirmação") and its names, and labelled the game an "Evento"."""
    sporting, benfica, stadium = TEXT.index("Sporting"), TEXT.index("Benfica"), TEXT.index("Estádio")
    claim_end, game = TEXT.index(".") + 1, TEXT.index("jogo")
    predicted = [region(0, claim_end, "Afirmação", "claims"), region(sporting, sporting + 8, "Organização", "entities"),
                 region(benfica, benfica + 7, "Organização", "entities"),
                 region(stadium, stadium + 21, "Organização", "entities")]
    final = [region(0, claim_end, "Afirmação"), region(sporting, sporting + 8, "Organização"),
             region(benfica, benfica + 7, "Organização"), region(stadium, stadium + 21, "Local"),
             region(game, game + 4, "Evento"),
             {"id": "n1", "from_name": "notas", "to_name": "texto", "type": "textarea", "value": {"text": ["ok"]}}]
    task = {"id": 5, "data": {"text": TEXT}, "predictions": [{"id": 1, "model_version": "anota-1", "result": predicted}],
            "annotations": [{"id": 1, "completed_by": 1, "result": final, "was_cancelled": False}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "config.xml").write_text(OWN_CONFIG, encoding="utf-8")
    return path


def export(tmp_path: Path, export_file: Path, format_name: str, *config: str) -> Path:
    out = tmp_path / f"out-{format_name}-{len(config)}"
    result = CliRunner().invoke(cli, ["export", str(export_file), *config, "--format", format_name, "--out", str(out)],
                                env={"ANOTA_DATABASE_URL": f"sqlite:///{tmp_path / 'anota.db'}"})
    assert result.exit_code == 0, result.stderr
    return out


def test_a_claim_under_the_projects_own_label_is_not_an_entity_in_conll(tmp_path: Path) -> None:
    # "Afirmação" was read as an entity: the whole sentence's B-/I-Afirmação tags beat the names inside it
    # (longest span wins), and CoNLL lost Sporting, Benfica and the stadium.
    out = export(tmp_path, own_config_export(tmp_path), "conll", "--label-config", str(tmp_path / "config.xml"))
    tags = dict(line.split(" -X- _ ") for line in (out / "train.conll").read_text(encoding="utf-8").splitlines()[2:]
                if line)
    assert "Afirmação" not in "".join(tags.values())
    assert (tags["Sporting"], tags["Benfica"], tags["Estádio"], tags["Alvalade"], tags["jogo"]) == (
        "B-Organização", "B-Organização", "B-Local", "I-Local", "B-Evento")


def test_a_claim_under_the_projects_own_label_is_exported_and_judged_as_a_claim(tmp_path: Path) -> None:
    out = export(tmp_path, own_config_export(tmp_path), "jsonl", "--label-config", str(tmp_path / "config.xml"))
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [claim["label"] for claim in example["claims"]] == ["Afirmação"]
    assert [span["label"] for span in example["spans"]] == ["Organização", "Organização", "Local", "Evento"]
    survival = json.loads((out / "report.json").read_text(encoding="utf-8"))["prediction_survival"]["plugins"]
    # The names the annotator labelled outside the claim were counted as the claims plugin's "added" ones.
    assert survival["claims"] == {"Afirmação": {"kept": 1, "changed": 0, "deleted": 0, "added": 0}}
    assert survival["entities"] == {"Evento": {"kept": 0, "changed": 0, "deleted": 0, "added": 1},
                                    "Organização": {"kept": 2, "changed": 1, "deleted": 0, "added": 0}}


def test_without_the_config_the_label_is_what_it_says(tmp_path: Path) -> None:
    # No config, no mapping: only CLAIM (any case) is a claim, as before.
    out = export(tmp_path, own_config_export(tmp_path), "jsonl")
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert example["claims"] == [] and example["spans"][0]["label"] == "Afirmação"
    # ... and that is said, with what to do: it went into the entity data unsaid.
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {CLAIMS_READ_AS_ENTITIES: 1}
    assert report["details"][CLAIMS_READ_AS_ENTITIES] == ["'Afirmação': 1"]
    assert "--label-config FILE" in CLAIMS_READ_AS_ENTITIES



def with_sentimento(export_file: Path, value: str) -> Path:
    """The walk's export with the annotator's answer to the project's own sentiment control ("sentimento")."""
    [task] = json.loads(export_file.read_text(encoding="utf-8"))
    task["annotations"][0]["result"].append({"id": "s1", "from_name": "sentimento", "to_name": "texto",
                                             "type": "choices", "value": {"choices": [value]}})
    export_file.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return export_file


def test_the_projects_own_sentiment_control_gives_the_datasets_sentiment(tmp_path: Path) -> None:
    # /predict puts Anota's sentiment in "sentimento" (Positivo/Negativo/Neutro): with the config, that answer is the
    # JSONL's sentiment (it was null, the answer only under choices); it stays under choices as well. (CSV writes a
    # choice row per control, spaCy doc.cats per value: neither has a field of its own for the sentiment.)
    export_file = with_sentimento(own_config_export(tmp_path), "Negativo")
    out = export(tmp_path, export_file, "jsonl", "--label-config", str(tmp_path / "config.xml"))
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert example["sentiment"] == "Negativo" and example["choices"] == {"sentimento": ["Negativo"]}


def test_without_the_config_no_sentiment_is_guessed_from_a_control_name(tmp_path: Path) -> None:
    out = export(tmp_path, with_sentimento(own_config_export(tmp_path), "Negativo"), "jsonl")
    (example,) = [json.loads(line) for line in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert example["sentiment"] is None and example["choices"] == {"sentimento": ["Negativo"]}
