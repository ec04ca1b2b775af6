"""Session 52's export gaps (issue 5): a Taxonomy of several picks in every format, the per-annotator table
made once, one form for an annotator known by id, the annotator who agrees least, and a JSON-MIN, CSV/TSV or
CoNLL file handed in by mistake (fixtures/s52-export, its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from server.cli import cli
from server.exporting.annotators import AnnotatorTable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "s52-export"
THREE = FIXTURES / "three_annotators_by_id.json"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["export", *map(str, args)], catch_exceptions=False)


def test_the_per_annotator_table_is_made_once_for_report_and_summary(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    as_dict = AnnotatorTable.as_dict

    def counted(self: AnnotatorTable, names: Any) -> dict[str, Any]:
        made.append(names)
        return as_dict(self, names)

    monkeypatch.setattr(AnnotatorTable, "as_dict", counted)
    result = run(THREE, "--format", "jsonl", "--out", tmp_path / "out", "--language", "pt")
    assert result.exit_code == 0, result.output
    assert "annotators: 3" in result.output  # the summary's line, from the table report.json holds
    assert "annotators" in json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(made) == 1


def card_of(out: Path) -> str:
    return (out / "README.md").read_text(encoding="utf-8")


def test_an_annotator_known_by_id_is_user_n_in_the_card_as_in_the_summary(tmp_path: Path) -> None:
    result = run(THREE, "--format", "jsonl", "--out", tmp_path / "out", "--language", "pt")
    card = card_of(tmp_path / "out")
    assert "| user 3 | 4 | 0 | 4 | 0.2 | 0.4444 |" in card and "| 3 | 4 |" not in card
    assert ("Disagree most: choices sentiment: user 1 and user 3 (kappa 0.2 over 4 shared tasks); spans entities: "
            "user 1 and user 3 (F1 0.4444 over 4 shared tasks).") in card
    assert "disagree most: user 1 and user 3 (sentiment kappa 0.2 over 4 shared tasks)" in result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert list(report["annotators"]["by_annotator"]) == ["1", "2", "3"]  # report.json keeps the export's ids


OTHER = FIXTURES / "other_exports"  # label-studio-sdk 2.1.2's Converter over three_annotators_by_id.json
INSTEAD = "export the project as JSON instead (Label Studio's Export > JSON), which keeps every annotation"


@pytest.mark.parametrize(("name", "said"), [
    ("export_JSON_MIN.json", "$[0]: this looks like a JSON_MIN export (Label Studio's flat row per annotation: no "
                             f"data, no annotations): {INSTEAD} with its regions and annotator"),
    ("export_CSV.csv", "line 1, column 1: CSV or TSV, not JSON: expected a JSON list of tasks, found "
                       "'\"annotation_id\",\"annotator\",\"created_at\"': Label Studio's CSV export (a row per "
                       f"annotation, its regions as JSON in cells); {INSTEAD}"),
    ("export_TSV.tsv", "line 1, column 1: CSV or TSV, not JSON: expected a JSON list of tasks, found "
                       "'\"annotation_id\"\\t\"annotator\"\\t\"created_at\"': Label Studio's TSV export (a row per "
                       f"annotation, its regions as JSON in cells); {INSTEAD}"),
    ("export_CONLL2003.conll", "line 1, column 1: CoNLL, not JSON: expected a JSON list of tasks, found "
                               "'-DOCSTART- -X- O': Label Studio's CONLL2003 export (tokens and tags, no offsets "
                               f"nor annotators); {INSTEAD}, and --format conll writes CoNLL from it"),
])
def test_another_label_studio_export_is_named_with_the_export_to_give(tmp_path: Path, name: str, said: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(OTHER / name), "--format", "jsonl", "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and not (tmp_path / "o").exists()
    assert result.output == f"Error: {OTHER / name}: {said}; nothing was written\n"
    assert "Missing data for required field" not in result.output


@pytest.mark.parametrize(("first_line", "made"), [
    ("-DOCSTART- -X- -X- O", "a CoNLL file"),  # CoNLL-2003's own files: not Label Studio's
    ("id;text;label", None),  # a table of another tool's (Excel's semicolons): no Label Studio columns
    ("annotation_id;annotator;id;text", "Label Studio's CSV export"),
])
def test_what_a_first_line_shows_the_file_to_be(first_line: str, made: str | None) -> None:
    from server.exporting.sources import CONLL, CSV_OR_TSV, JSON_EXPORT, export_instead

    said = export_instead(first_line, CONLL if first_line.startswith("-DOCSTART-") else CSV_OR_TSV)
    assert said.startswith(made) if made else said == JSON_EXPORT


def test_the_annotator_who_agrees_least_is_named_in_the_card_and_the_summary(tmp_path: Path) -> None:
    result = run(THREE, "--format", "jsonl", "--out", tmp_path / "out", "--language", "pt")
    card = card_of(tmp_path / "out")
    table_end = card.index("| user 3 | 4 | 0 | 4 | 0.2 | 0.4444 |\n\n")
    assert card.index("Agrees least with the others: user 3 (`sentiment` kappa 0.2 against the others over 4 shared "
                      "tasks).") == table_end + len("| user 3 | 4 | 0 | 4 | 0.2 | 0.4444 |\n\n")
    assert ("annotators: 3; disagree most: user 1 and user 3 (sentiment kappa 0.2 over 4 shared tasks); agrees least: "
            "user 3 (sentiment kappa 0.2)") in result.output.splitlines()


def with_annotators(tmp_path: Path, kept: set[int], same_as: int | None = None) -> Path:
    """THREE with only the ``kept`` annotators, each answering as ``same_as`` when given."""
    tasks = json.loads(THREE.read_text(encoding="utf-8"))
    for task in tasks:
        model = next(a for a in task["annotations"] if a["completed_by"] == same_as) if same_as else None
        task["annotations"] = [a | ({"result": model["result"]} if model else {}) for a in task["annotations"]
                               if a["completed_by"] in kept]
    path = tmp_path / "input.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


@pytest.mark.parametrize(("kept", "same_as"), [({1, 3}, None), ({1, 2, 3}, 1)], ids=["two", "all-agree"])
def test_nobody_agrees_least_with_two_annotators_or_full_agreement(tmp_path: Path, kept: set[int],
                                                                   same_as: int | None) -> None:
    result = run(with_annotators(tmp_path, kept, same_as), "--format", "jsonl", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Agrees least" not in card_of(tmp_path / "out") and "agrees least" not in result.output


def test_agrees_least_ties_go_to_the_first_measure_then_the_first_name() -> None:
    from server.exporting.annotators import agrees_least

    def row(kappa: float, f1: float) -> dict[str, Any]:
        return {"against_the_others": {"choices": {"sentiment": {"cohen_kappa": kappa}},
                                       "spans": {"entities": {"f1": f1}}}}

    assert agrees_least({"ana": row(0.5, 0.3), "bia": row(0.3, 0.9), "caio": row(0.3, 0.3)}) == (
        "bia", "`sentiment` kappa", 0.3)
    assert agrees_least({"ana": row(1.0, 0.2), "bia": row(0.9, 0.9), "caio": row(1.0, 0.95)}) == (
        "ana", "entities F1", 0.2)


TAXONOMY = FIXTURES / "taxonomy_several_paths.json"  # Label Studio 1.23.2's shape: a list of paths a result
PATHS = ["Saúde / Hospitais", "Economia / Emprego", "Saúde / Vacinas"]


def export_taxonomy(tmp_path: Path, fmt: str, config: str = "taxonomy_config.xml") -> Path:
    out = tmp_path / f"{fmt}-{config}"
    result = run(TAXONOMY, "--format", fmt, "--out", out, "--label-config", FIXTURES / config, "--language", "pt")
    assert result.exit_code == 0, result.output
    return out


def cats_of(out: Path) -> dict[int, dict[str, float]]:
    import spacy
    from spacy.tokens import DocBin

    docs = DocBin().from_disk(out / "train.spacy").get_docs(spacy.blank("pt").vocab)
    return {doc.user_data["task_id"]: doc.cats for doc in docs}


def test_every_path_of_a_taxonomy_is_written_in_jsonl_and_csv(tmp_path: Path) -> None:
    import csv

    lines = (export_taxonomy(tmp_path, "jsonl") / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["choices"] for line in lines] == [{"tema": PATHS}, {"tema": ["Economia"]}]
    with (export_taxonomy(tmp_path, "csv") / "train.csv").open(encoding="utf-8", newline="") as handle:
        assert [row["choice"].split("|") for row in csv.DictReader(handle)] == [PATHS, ["Economia"]]


def test_a_taxonomy_of_several_paths_gets_zeros_in_spacy_cats_but_not_above_a_chosen_path(tmp_path: Path) -> None:
    cats = cats_of(export_taxonomy(tmp_path, "spacy"))
    assert cats[11] == {**{f"tema:{path}": 1.0 for path in PATHS}, "tema:Economia / Preços": 0.0}  # "Saúde" above
    # The nodes below a chosen one were not chosen either: 0.0, as any value left out.
    assert cats[12] == {"tema:Economia": 1.0, **dict.fromkeys(
        ("tema:Economia / Emprego", "tema:Economia / Preços", "tema:Saúde", "tema:Saúde / Hospitais",
         "tema:Saúde / Vacinas"), 0.0)}
    assert 'or a Taxonomy without `maxUsages="1"`' in card_of(tmp_path / "spacy-taxonomy_config.xml")


def test_a_taxonomy_bounded_to_one_path_stays_one_value(tmp_path: Path) -> None:
    from server.exporting.command import _multiple_choice_values, _single_choice_controls

    several, one = ((FIXTURES / name).read_text(encoding="utf-8")
                    for name in ("taxonomy_config.xml", "taxonomy_one_path_config.xml"))
    assert "tema" not in _single_choice_controls(several) and "tema" in _single_choice_controls(one)
    assert len(_multiple_choice_values(several)["tema"]) == 6 and _multiple_choice_values(one) == {}
    cats = cats_of(export_taxonomy(tmp_path, "spacy", "taxonomy_one_path_config.xml"))
    assert cats[11] == {f"tema:{path}": 1.0 for path in PATHS}  # every path still written, no 0.0


def test_conll_counts_a_taxonomys_paths_as_choices_not_written(tmp_path: Path) -> None:
    report = json.loads((export_taxonomy(tmp_path, "conll") / "report.json").read_text(encoding="utf-8"))
    assert report["choices"]["train"] == {"tema=Saúde / Hospitais|Economia / Emprego|Saúde / Vacinas": 1,
                                          "tema=Economia": 1}
    assert [n for kind, n in report["format_notes"].items() if kind.startswith("choices not written")] == [4]  # each path


@pytest.mark.parametrize(("config", "said"), [
    ("taxonomy_config.xml", ["task 12, tema: Saúde / Vacinas 1 (of 3 annotators)"]),
    ("taxonomy_one_path_config.xml", None),  # one value a task: an outvoted answer is no label left out
])
def test_majority_names_an_outvoted_path_of_a_taxonomy_of_several_paths(tmp_path: Path, config: str,
                                                                        said: list[str] | None) -> None:
    task = json.loads(TAXONOMY.read_text(encoding="utf-8"))[1]
    answers = []
    for user, path in ((1, ["Economia"]), (2, ["Economia"]), (3, ["Saúde", "Vacinas"])):
        answer = json.loads(json.dumps(task["annotations"][0]))
        answer.update(id=1200 + user, completed_by=user)
        answer["result"][0]["value"]["taxonomy"] = [path]
        answers.append(answer)
    source = tmp_path / "votes.json"
    source.write_text(json.dumps([task | {"annotations": answers}]), encoding="utf-8")
    result = run(source, "--format", "jsonl", "--out", tmp_path / "out", "--policy", "majority",
                 "--label-config", FIXTURES / config)
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["details"].get("choices without a majority of annotators") == said
    assert json.loads((tmp_path / "out" / "train.jsonl").read_text(encoding="utf-8"))["choices"] == {
        "tema": ["Economia"]}
