"""exportprobe41 (``fixtures/exportprobe41/README.md``): real Label Studio
1.23.2 exports of projects shaped otherwise than ours (several Texts, word
granularity, perRegion controls, Relations, TextArea, Taxonomy, Rating,
Number, visibleWhen, HyperText, Paragraphs), exported in the four formats with
nothing lost unsaid; the studied set pinned with the probe's own judge."""

from __future__ import annotations

import http.server
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugins.exporters import CHOICES_NOT_IN_CONLL, CLAIMS_NOT_IN_CONLL
from server.cli import cli
from tests.conftest import serve_in_background
from tests.test_export_noticed21 import SlowLabelStudio

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "exportprobe41"
sys.path.insert(0, str(PROBE))
from run_exportprobe41 import FORMATS, POLICIES, controls  # noqa: E402

# exportprobe42's judge: this probe's, with what it left open decided (each labelled Text exported, perRegion
# answers carried on their spans in jsonl, what no format writes said of the counted annotations only).
sys.path.insert(0, str(PROBE.parent / "exportprobe42"))
from run_exportprobe42 import expected, judge  # noqa: E402

STUDIED = sorted(path.name for path in (PROBE / "studied").iterdir() if path.is_dir())
DRAFTS_LEFT_OUT = "drafts (labels saved in the editor, never submitted), not exported"


def exported(case: Path, given: list[str], fmt: str, out: Path, policy: str = "latest", **env: str) -> dict:
    result = CliRunner().invoke(cli, ["export", *given, "--format", fmt, "--out", str(out), "--policy", policy,
                                      "--label-config", str(case / "label_config.xml"), "--quiet"], env=env)
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def problems(case: Path, source: str, fmt: str, out: Path, policy: str = "latest") -> list[str]:
    """The probe's judge on one run (``run_exportprobe41.judge``)."""
    report = exported(case, [str(case / source)], fmt, out, policy)
    config, _objects = controls((case / "label_config.xml").read_text(encoding="utf-8"))
    tasks = json.loads((case / "snapshot.json").read_text(encoding="utf-8"))
    if source != "snapshot.json":  # the plain export: its drafts are not counted
        tasks = [{**task, "drafts": []} for task in tasks]
    return judge({"report": report, "policy": policy}, expected(tasks, policy, config), out, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", STUDIED)
def test_each_real_export_keeps_or_reports_everything(tmp_path: Path, name: str, fmt: str) -> None:
    """Before: every CoNLL export of a project with choices (4 of the 9) dropped them unsaid."""
    assert problems(PROBE / "studied" / name, "snapshot.json", fmt, tmp_path / "out") == []


@pytest.mark.parametrize("policy", sorted({p for policies in POLICIES.values() for p in policies} - {"latest"}))
def test_the_other_policies_keep_or_report_everything(tmp_path: Path, policy: str) -> None:
    for name in [name for name in STUDIED if policy in POLICIES.get(name, [])]:
        for fmt in ("jsonl", "conll"):
            assert problems(PROBE / "studied" / name, "export_JSON.json", fmt, tmp_path / name / fmt, policy) == []


def test_conll_counts_the_choices_it_cannot_hold(tmp_path: Path) -> None:
    report = exported(PROBE / "studied" / "two_texts", [str(PROBE / "studied" / "two_texts" / "export_JSON.json")],
                      "conll", tmp_path / "out")
    assert report["format_notes"][CHOICES_NOT_IN_CONLL] == 2  # beside the two texts' note (exportprobe42)
    assert report["details"][CHOICES_NOT_IN_CONLL] == ["task 2: topic=economia", "task 3: topic=economia"]


def test_json_min_is_named(tmp_path: Path) -> None:
    case = PROBE / "studied" / "per_region"
    result = CliRunner().invoke(cli, ["export", str(case / "export_JSON_MIN.json"), "--format", "jsonl", "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 1 and "JSON_MIN" in result.output and not (tmp_path / "out").exists()


class DraftsLabelStudio(SlowLabelStudio):
    """Label Studio's export API serving a project's real snapshot, its
    drafts whole only when the export was asked for them so (as Label Studio
    does: ids by default)."""

    snapshot: list[dict[str, Any]] = []
    asked: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802
        self.asked.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        super().do_POST()

    def do_GET(self) -> None:  # noqa: N802
        if "/download" not in self.path:
            return super().do_GET()
        whole = self.asked[-1].get("serialization_options", {}).get("drafts", {}).get("only_id") is False
        tasks = [task if whole else {**task, "drafts": [draft["id"] for draft in task["drafts"]]}
                 for task in self.snapshot]
        self.answer(json.dumps(tasks).encode())


@pytest.fixture
def label_studio_with_a_draft() -> Iterator[str]:
    case = PROBE / "studied" / "word_granularity"
    handler = type("Handler", (DraftsLabelStudio,), {
        "snapshot": json.loads((case / "snapshot.json").read_text(encoding="utf-8")), "asked": [],
        "config": (case / "label_config.xml").read_text(encoding="utf-8")})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    serve_in_background(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_from_label_studio_reports_drafts_holding_labels(tmp_path: Path, label_studio_with_a_draft: str) -> None:
    """Before: the export was asked with drafts as ids, and a draft holding labels went unsaid (found live)."""
    report = exported(PROBE / "studied" / "word_granularity", ["--from-label-studio", label_studio_with_a_draft,
                                                              "--project", "3"], "jsonl", tmp_path / "out",
                      LABEL_STUDIO_API_KEY="key")
    assert report["left_out"] == {DRAFTS_LEFT_OUT: 1}


def test_conll_counts_the_claim_spans_it_does_not_tag(tmp_path: Path) -> None:
    text = "A Meta disse que vai crescer."
    regions = [{"id": f"r{n}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}
               for n, (start, end, label) in enumerate([(2, 6, "ORG"), (0, len(text), "CLAIM")])]
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [
        {"id": 1, "completed_by": 1, "result": regions, "was_cancelled": False}]}]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(export), "--format", "conll", "--out", str(tmp_path / "out"),
                                      "--language", "pt", "--quiet"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["format_notes"] == {CLAIMS_NOT_IN_CONLL: 1}
    assert report["details"][CLAIMS_NOT_IN_CONLL] == [f"task 1: CLAIM [0, 29) {text!r}"]
