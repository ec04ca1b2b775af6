"""s48-export2 (issue 5): what s48-export noticed (bench/HISTORY.md, "## s48-export2"): a folder's labeling config
after a DTD or a long prolog, refusing a folder's config (--no-label-config), and a plugin exporter's second write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from server.cli import cli
from server.exporting.converting import Settings
from server.exporting.report import FOLDER_CONFIG_USED
from server.exporting.running import run_export
from server.exporting.sources import LABELING_CONFIG, OTHER_TEXT_FILES, file_source
from tests.test_export_probe3 import run_cli
from tests.test_s48_export import (
    BODY, BODY_CONFIG, EMAIL, USERS, AnnotatorsExporter, exported, folder_of_body_tasks, jsonl_of)

USED = f"{FOLDER_CONFIG_USED}: label_config.xml"
# An editor's declaration, then a licence comment longer than the 512 bytes a folder's file is first read for.
LICENCE = "<!--\n  Projeto de entidades do jornal, configuração revista pela equipa de anotação.\n" + (
    "  Este ficheiro é distribuído nos termos da licença CC BY 4.0; ver LICENSE na raiz do projeto.\n" * 8) + "-->\n"
LONG_PROLOG_CONFIG = '<?xml version="1.0" encoding="UTF-8"?>\n' + LICENCE + BODY_CONFIG
DOCTYPE_CONFIG = "<!DOCTYPE View>\n" + BODY_CONFIG
SUBSET_CONFIG = '<?xml version="1.0"?>\n<!DOCTYPE View [\n  <!ENTITY equipa "Equipa [norte]">\n]>\n' + BODY_CONFIG


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


# -------------------------------------------------------------------------
# 1. A config whose prolog holds a DTD, or runs past the first 512 bytes, is a config (not "other text")
# -------------------------------------------------------------------------

def test_a_config_after_a_long_declaration_and_comment_is_used(tmp_path: Path) -> None:
    assert len(LONG_PROLOG_CONFIG.split("<View")[0].encode("utf-8")) > 512
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", LONG_PROLOG_CONFIG))
    report = exported(folder, tmp_path / "out")
    assert report["format_notes"] == {USED: 1} and not report["left_out"]
    (example,) = jsonl_of(tmp_path / "out")
    assert example["text"] == BODY and example["spans"] == [{"start": 18, "end": 24, "label": "LOC", "text": "Lisboa"}]


def test_a_config_with_a_dtd_is_found_and_listed_with_why_it_is_not_used(tmp_path: Path) -> None:
    """The doctype (with or without an internal subset) is a config's: found, then refused as --label-config
    refuses it (Label Studio forbids a DTD); the export goes on without it, saying so."""
    for name, xml, defining in (("bare", DOCTYPE_CONFIG, ""), ("subset", SUBSET_CONFIG, ", defining 1 entity,")):
        folder = folder_of_body_tasks(tmp_path / name, ("label_config.xml", xml))
        report = exported(folder, tmp_path / name / "out")
        assert report["details"][OTHER_TEXT_FILES] == [
            f"label_config.xml (a labeling config, not used: it holds a DTD (<!DOCTYPE ...>){defining} which Label "
            "Studio forbids (its entities could expand without end or read another file); give the project's own "
            "config (Settings > Labeling Interface > Code))"], name
        assert report["tasks_read"] == 1 and USED not in report["format_notes"]


def test_other_xml_with_a_prolog_stays_other_text(tmp_path: Path) -> None:
    others = (("drawing.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd">\n'
                              '<svg xmlns="http://www.w3.org/2000/svg"/>\n'),
              ("viewer.xml", "<!-- a viewer's settings -->\n<Viewer zoom='2'/>\n"),
              ("notes.xml", '<?xml version="1.0"?>\n' + LICENCE + "<notes><View/></notes>\n"))
    folder = folder_of_body_tasks(tmp_path, *others)
    report = exported(folder, tmp_path / "out")
    assert report["details"][OTHER_TEXT_FILES] == ["drawing.svg", "notes.xml", "viewer.xml"]


def test_a_config_with_a_dtd_given_as_input_is_named_a_config(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text(SUBSET_CONFIG, encoding="utf-8")
    result = run_cli(tmp_path / "config.xml", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code != 0 and LABELING_CONFIG in result.output, result.output


# -------------------------------------------------------------------------
# 2. --no-label-config refuses a folder's config (and any other)
# -------------------------------------------------------------------------

def test_no_label_config_refuses_the_folders_config_as_an_export_of_the_file_alone(tmp_path: Path) -> None:
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", BODY_CONFIG))
    report = exported(folder, tmp_path / "refused", "--no-label-config")
    assert report["details"][OTHER_TEXT_FILES] == ["label_config.xml (a labeling config, not used: --no-label-config)"]
    assert USED not in report["format_notes"]
    alone = exported(folder / "export.json", tmp_path / "alone")
    assert jsonl_of(tmp_path / "refused") == jsonl_of(tmp_path / "alone")
    assert report["examples"] == alone["examples"] and report["format_notes"] == alone["format_notes"]


def test_no_label_config_with_label_config_is_a_usage_error_and_the_help_says_it(tmp_path: Path) -> None:
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", BODY_CONFIG))
    result = run_cli(folder, "jsonl", tmp_path / "out", "--quiet", "--no-label-config", "--label-config",
                     str(folder / "label_config.xml"))
    assert result.exit_code == 2 and "give it or --label-config, not both" in result.output, result.output
    assert not (tmp_path / "out").exists()
    help_text = " ".join(CliRunner().invoke(cli, ["export", "--help"]).output.split())
    assert "--no-label-config Use no labeling config: not Label Studio's, the one stored, or one among a folder" \
        in help_text


# -------------------------------------------------------------------------
# 3. A plugin exporter written twice (docs/plugin_hooks.md): the second write starts in an empty folder
# -------------------------------------------------------------------------

class ListingExporter(AnnotatorsExporter):
    """AnnotatorsExporter that also leaves a file of its own, and records what its folder held at each write."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[list[str]] = []

    def write(self, examples: Any, folder: Path, report: Any) -> None:
        self.found.append(sorted(path.name for path in folder.iterdir()))
        (folder / "extra").mkdir()
        (folder / "extra" / f"write-{self.writes + 1}.txt").write_text("x", encoding="utf-8")
        super().write(examples, folder, report)


def test_the_second_write_is_into_the_same_folder_emptied(tmp_path: Path) -> None:
    """s46-exportusers' id_first.json names user 5 by a bare id before its object: written twice, the second
    write finds its folder empty (the first's files and folders gone), and only the second's files stay."""
    exporter = ListingExporter()
    run_export(file_source(USERS / "id_first.json"), exporter, tmp_path / "out", Settings(policy="all"))
    assert exporter.writes == 2 and exporter.found == [[], []]
    assert [path.name for path in (tmp_path / "out" / "extra").iterdir()] == ["write-2.txt"]
    assert EMAIL in (tmp_path / "out" / "annotators.txt").read_text(encoding="utf-8")
