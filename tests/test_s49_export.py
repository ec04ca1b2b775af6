"""s49-export (issue 5; bench/HISTORY.md, "## s49-export"): a labeling config's prolog past 64 KB and a DTD's
literal holding "]>" (2), and a corpus of malformed exports of kinds earlier fixtures lacked (3,
fixtures/s49-export)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from server.exporting.sources import CONFIG_PROLOG_LIMIT, LABELING_CONFIG, LABELING_CONFIG_START, OTHER_TEXT_FILES
from tests.test_export_probe3 import run_cli
from tests.test_s48_export import BODY_CONFIG, exported, folder_of_body_tasks

# -------------------------------------------------------------------------
# 2. A config's prolog past 64 KB; a DTD whose literal holds "]>"
# -------------------------------------------------------------------------

DTD_REFUSED = ("it holds a DTD (<!DOCTYPE ...>){defining} which Label Studio forbids (its entities could expand "
               "without end or read another file); give the project's own config (Settings > Labeling Interface > "
               "Code)")
# Each literal or comment holds what ended the doctype before: "]>" in an entity's value (either quote), a ">" in a
# system id, an apostrophe in a comment of the subset; a ">" in a processing instruction's pseudo-attribute.
LITERAL_PROLOGS = {
    "entity_value": ('<?xml version="1.0"?>\n<!DOCTYPE View [\n  <!ENTITY fim "fecha com ]>">\n]>\n', ", defining 1 entity,"),
    "single_quotes": ("<!DOCTYPE View [ <!ENTITY fim ']>'> <!-- the team's ]> note --> ]>\n", ", defining 1 entity,"),
    "system_id": ('<!DOCTYPE View SYSTEM "configs/a>b.dtd">\n', ""),
}
STYLESHEET = '<?xml-stylesheet type="text/xsl" href="view.xsl?a>b"?>\n'
# A licence comment longer than the 64 KB read for the <View.
HUGE_COMMENT = "<!--\n" + "  Licença CC BY 4.0: ver LICENSE na raiz do projeto, secção 3.\n" * 1200 + "-->\n"


def other_text(report: dict[str, Any]) -> list[str]:
    return report["details"][OTHER_TEXT_FILES]


@pytest.mark.parametrize("kind", sorted(LITERAL_PROLOGS))
def test_a_dtd_whose_literal_holds_the_doctypes_end_is_found_and_refused_with_why(tmp_path: Path, kind: str) -> None:
    """Fails on main: the doctype ended at the "]>" or ">" inside the literal, and the config was bare "other
    text" (its DTD unsaid)."""
    prolog, defining = LITERAL_PROLOGS[kind]
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", prolog + BODY_CONFIG))
    report = exported(folder, tmp_path / "out")
    assert other_text(report) == [
        f"label_config.xml (a labeling config, not used: {DTD_REFUSED.format(defining=defining)})"]
    assert report["tasks_read"] == 1
    (tmp_path / "config.xml").write_text(prolog + BODY_CONFIG, encoding="utf-8")
    result = run_cli(tmp_path / "config.xml", "jsonl", tmp_path / "out2", "--quiet")
    assert result.exit_code == 1 and LABELING_CONFIG in result.output, result.output


def test_a_processing_instruction_holding_a_greater_than_sign_is_a_configs_prolog(tmp_path: Path) -> None:
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", STYLESHEET + BODY_CONFIG))
    report = exported(folder, tmp_path / "out")
    assert "label_config.xml" in "".join(report["format_notes"]) and not report["left_out"]


def test_unfinished_prolog_parts_fail_in_one_scan() -> None:
    """An unfinished literal, comment or instruction ends the prolog: no retry a character at a time."""
    import time

    for text in ("<!DOCTYPE a [" + "<!--" * 16000, "<!DOCTYPE a [" + '"' * 60001, "<?" * 30000,
                 "<!DOCTYPE a [" + "'x" * 30000, "<!DOCTYPE" + "'" * 60001, "<!DOCTYPE a [" + "<" * 60000):
        started = time.process_time()
        assert re.match(LABELING_CONFIG_START, text + "<View>") is None
        assert time.process_time() - started < 0.5


def test_a_config_whose_prolog_runs_past_64_kb_is_listed_with_why(tmp_path: Path) -> None:
    """Fails on main: listed as bare other text, as if no config were there."""
    assert len(HUGE_COMMENT.encode("utf-8")) > CONFIG_PROLOG_LIMIT
    folder = folder_of_body_tasks(tmp_path, ("label_config.xml", '<?xml version="1.0"?>\n' + HUGE_COMMENT + BODY_CONFIG))
    report = exported(folder, tmp_path / "out")
    assert other_text(report) == [
        "label_config.xml (its XML prolog (declaration, comments, doctype) runs past the first 64 KB, read for a "
        "labeling config's <View: not read on; give it as --label-config FILE if it is the project's config)"]
    given = exported(folder / "export.json", tmp_path / "given", "--label-config", str(folder / "label_config.xml"))
    assert given["tasks_read"] == 1 and not given["left_out"]  # given, it is read whole, and used


def test_a_prolog_past_64_kb_given_as_input_is_said(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text(HUGE_COMMENT * 3 + BODY_CONFIG, encoding="utf-8")
    result = run_cli(tmp_path / "config.xml", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and "XML, perhaps a labeling config (its XML prolog" in result.output, result.output
    (tmp_path / "short.xml").write_text(HUGE_COMMENT + BODY_CONFIG, encoding="utf-8")  # within the first 64 KB read on
    result = run_cli(tmp_path / "short.xml", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and LABELING_CONFIG in result.output, result.output


def test_other_xml_whose_prolog_ends_stays_bare_other_text(tmp_path: Path) -> None:
    """A long prolog that ends, then no <View: other XML, not said to run past the limit."""
    svg = '<?xml version="1.0"?>\n' + HUGE_COMMENT[:CONFIG_PROLOG_LIMIT // 2] + "-->\n<svg>" + "<g/>" * 20000 + "</svg>"
    folder = folder_of_body_tasks(tmp_path, ("drawing.svg", svg))
    assert other_text(exported(folder, tmp_path / "out")) == ["drawing.svg"]


# -------------------------------------------------------------------------
# 3. Malformed exports of kinds earlier fixtures lacked (fixtures/s49-export): what their run found
# -------------------------------------------------------------------------

ANA = {"id": 1, "data": {"text": "Ana mora em Lisboa."}, "annotations": [{"id": 1, "result": []}]}
COMMENTED = {
    "at_the_start.json": "/* project 12 */\n" + json.dumps([ANA]),
    "inside_a_task.json": json.dumps([ANA], indent=1).replace('"data"', '// the text\n  "data"'),
    "between_tasks.json": "[" + json.dumps(ANA) + ",\n// the second\n" + json.dumps({**ANA, "id": 2}) + "]",
    "between_lines.jsonl": json.dumps(ANA) + "\n// the second\n" + json.dumps({**ANA, "id": 2}) + "\n",
}
TRAILING_COMMAS = {
    "after_a_key.json": json.dumps([ANA], indent=1).replace('"Ana mora em Lisboa."', '"Ana mora em Lisboa.",'),
    "after_a_region.json": json.dumps([ANA]).replace('"result": []', '"result": [{"id": "r1", "type": "rating", '
                                                                       '"value": {"rating": 4}},]'),
}


def export_error(tmp_path: Path, name: str, content: str) -> str:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run_cli(tmp_path / name, "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and not (tmp_path / "out").exists(), result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    return result.output


@pytest.mark.parametrize("name", sorted(COMMENTED))
def test_a_comment_is_named_where_it_stands(tmp_path: Path, name: str) -> None:
    """Fails on main: "expected a JSON list of tasks, found '/* project 12 */'", "Expecting property name
    enclosed in double quotes", with nothing on the comment."""
    assert "a comment, which JSON does not allow; remove it" in export_error(tmp_path, name, COMMENTED[name])


@pytest.mark.parametrize("name", sorted(TRAILING_COMMAS))
def test_a_comma_before_the_end_of_an_object_or_list_is_named(tmp_path: Path, name: str) -> None:
    """Fails on main: "Expecting property name enclosed in double quotes" or "Expecting value" alone."""
    output = export_error(tmp_path, name, TRAILING_COMMAS[name])
    assert "after a comma: JSON allows none after the last item; remove it" in output and "task 1" in output


@pytest.mark.parametrize("link", ["s3://anota-news/2026/12/saramago.txt", "/data/local-files/?d=news/saramago.txt"])
def test_a_storage_link_with_no_label_studio_known_says_so_briefly(tmp_path: Path, link: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails on main: the SDK's FileNotFoundError ("Can't resolve url, neither hostname or project_dir passed:
    ... You can set LABEL_STUDIO_URL environment variable") and Anota's hint after it: 621 characters."""
    for variable in ("LABEL_STUDIO_URL", "LABEL_STUDIO_HOST"):
        monkeypatch.delenv(variable, raising=False)
    linked = {**ANA, "data": {"text": link}}
    why = (f"cannot fetch {link}: a link Label Studio resolves (its storage or its files), and no Label Studio is "
           "known: export with --from-label-studio, or set LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY")
    output = export_error(tmp_path, "one.json", json.dumps([linked]))
    assert f"task 1: {why})" in output and len(output) < 600, output
    (tmp_path / "two.json").write_text(json.dumps([linked, {**ANA, "id": 2}]), encoding="utf-8")
    report = exported(tmp_path / "two.json", tmp_path / "dataset")
    assert report["details"]["tasks whose text (a link) could not be fetched"] == [f"task 1: {why}"]


def test_a_file_resaved_in_windows_1252_says_which_letter_and_how_to_save_it(tmp_path: Path) -> None:
    """Fails on main: "not UTF-8 text (invalid continuation byte at byte 39, line 1)" alone."""
    (tmp_path / "export.json").write_bytes(json.dumps([{**ANA, "data": {"text": "José mora em Évora."}}],
                                                      ensure_ascii=False).encode("cp1252"))
    result = run_cli(tmp_path / "export.json", "jsonl", tmp_path / "out", "--quiet")
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    assert "line 1: byte 0xE9 is 'é' in Windows-1252 or Latin-1, as a spreadsheet or an editor may have saved the " \
           "file; save it as UTF-8)" in result.output, result.output


# The corpus, each case judged by its truth (written before any run) as malformed46's runner judges, in process and
# in JSONL (fixtures/s49-export/README.md gives the four formats' runs).
PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "s49-export"
_SPEC = importlib.util.spec_from_file_location("run_s49_export", PROBE / "run_s49_export.py")
runner = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(runner)  # type: ignore[union-attr]
CASES = json.loads((PROBE / "truth.json").read_text(encoding="utf-8"))
# Amended after main's run, as the README says: the truth's words missed the report's kind of the offsets Anota
# repairs by their quotes ("spans repaired", each detail saying how: CRLF, NFC, past the text's end), and a span
# ending past its text whose quote occurs once is such a repair, not the error the truth expected.
AMENDED = {"crlf_text_lf_offsets": {"words": ["repaired"]}, "text_nfd_quotes_nfc": {"words": ["repaired"]},
           "huge_single_line": {"words": ["repaired"], "accept": ["repair"]}}


@pytest.fixture(scope="module")
def corpus() -> None:
    runner.write_inputs()


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_each_malformed_export_holds_its_truth(tmp_path: Path, case: dict[str, Any], corpus: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """On main, json_with_comments and trailing_commas fail (their errors said nothing of either; the three
    amended cases pass there too). The link and Windows-1252 messages the judge passes are tested above."""
    monkeypatch.setattr(runner.m46, "IN_PROCESS", True)
    for variable in ("LABEL_STUDIO_URL", "LABEL_STUDIO_HOST"):
        monkeypatch.delenv(variable, raising=False)
    result = runner.run_case({**case, **AMENDED.get(case["case"], {})}, "jsonl", tmp_path)
    assert result["class"] != "BAD", result
