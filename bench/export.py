"""Benchmark: ``anota export`` against label-studio-sdk's Converter, side by side.

Generates a Label Studio snapshot export (default 100,000 tasks: paragraphs of
realistic length, entity, claim and sentiment regions, a full prediction per
task, two or three annotators on a fifth of the tasks, some cancelled), then
runs each conversion in its own subprocess, interleaved, and reports wall time
and peak RSS (``ru_maxrss`` of the child):

- Anota ``--format conll`` vs ``Converter(...).convert(..., "CONLL2003")``
- Anota ``--format jsonl`` vs ``Converter(...).convert(..., "JSON_MIN")``

    .venv/bin/python bench/export.py                     # 100,000 tasks, 1 round
    .venv/bin/python bench/export.py --tasks 5000 --rounds 3
    .venv/bin/python bench/export.py --input FILE --only jsonl --rounds 3   # one pair, a file kept

Both sides read the same file; Anota uses ``--language pt`` (the generated text
is Portuguese) so that neither side runs language identification.
"""

from __future__ import annotations

import argparse
import compileall
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "fixtures" / "label-studio-1.23.2" / "label_config.xml"

NAMES = {
    "ORG": ["Petrobras", "Banco Central", "Meta", "Deepseek", "Universidade de Lisboa", "Embraer"],
    "PER": ["Lula", "Maria Silva", "João Pereira", "Ana Costa", "Marcelo Rebelo de Sousa"],
    "LOC": ["São Paulo", "Lisboa", "Rio de Janeiro", "Porto", "Brasília", "Coimbra"],
}
FILLERS = [
    "anunciou nesta terça-feira um aumento de 4,5% nas vendas do trimestre",
    "segundo o relatório divulgado ontem, os dados do modelo mostram 1/10 do custo",
    "disse que a decisão foi tomada depois de meses de negociação com o setor",
    "criticou a proposta e afirmou que o acordo comercial é excelente para o país",
    "visitou a sede da empresa e elogiou a nova geração de modelos -V3.2",
    "o governo prevê crescimento de 2,3 trilhões até 2030, de acordo com fontes oficiais",
]
SENTIMENTS = ["Positive", "Negative", "Neutral"]


def sentence(rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    label = rng.choice(list(NAMES))
    name = rng.choice(NAMES[label])
    place_label = "LOC"
    place = rng.choice(NAMES[place_label])
    head = f"Em {place}, "
    text = f"{head}{name} {rng.choice(FILLERS)}."
    spans = [(3, 3 + len(place), place_label), (len(head), len(head) + len(name), label)]
    return text, spans


def paragraph(rng: random.Random) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    parts, spans, claims, offset = [], [], [], 0
    for _ in range(rng.randint(2, 6)):
        text, found = sentence(rng)
        spans += [(start + offset, end + offset, label) for start, end, label in found]
        if rng.random() < 0.3:
            claims.append((offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 1
    return " ".join(parts), spans, claims


def regions(text: str, spans: list, claims: list, sentiment: str, with_ids: bool) -> list[dict]:
    out = []
    for number, (start, end, label) in enumerate(spans):
        out.append({"id": f"r{number}" if with_ids else None, "from_name": "label", "to_name": "text",
                    "type": "labels", "origin": "manual",
                    "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}})
    for number, (start, end) in enumerate(claims):
        out.append({"id": f"c{number}", "from_name": "label", "to_name": "text", "type": "labels",
                    "value": {"start": start, "end": end, "text": text[start:end], "labels": ["CLAIM"]}})
    out.append({"id": "s", "from_name": "sentiment", "to_name": "text", "type": "choices",
                "value": {"choices": [sentiment]}})
    return out


def annotation(rng: random.Random, task_id: int, number: int, result: list, annotator: int) -> dict:
    stamp = f"2026-11-{rng.randint(1, 29):02d}T{rng.randint(0, 23):02d}:00:00.000000Z"
    return {
        "id": task_id * 10 + number, "completed_by": annotator, "result": result,
        "was_cancelled": rng.random() < 0.03, "ground_truth": number == 0 and rng.random() < 0.05,
        "created_at": stamp, "updated_at": stamp, "draft_created_at": None, "lead_time": rng.random() * 60,
        "prediction": {}, "result_count": len(result), "unique_id": f"u-{task_id}-{number}",
        "import_id": None, "last_action": None, "bulk_created": False, "task": task_id, "project": 1,
        "updated_by": annotator, "parent_prediction": task_id, "parent_annotation": None, "last_created_by": None,
    }


def task(rng: random.Random, task_id: int) -> dict:
    text, spans, claims = paragraph(rng)
    sentiment = rng.choice(SENTIMENTS)
    annotators = rng.sample(range(1, 9), 3 if rng.random() < 0.05 else 2 if rng.random() < 0.2 else 1)
    annotations = []
    for number, annotator in enumerate(annotators):
        kept = [span for span in spans if rng.random() > 0.05]
        choice = sentiment if rng.random() < 0.85 else rng.choice(SENTIMENTS)
        annotations.append(annotation(rng, task_id, number, regions(text, kept, claims, choice, True), annotator))
    predicted = [span for span in spans if rng.random() > 0.2]
    prediction = {
        "id": task_id, "result": [dict(region, score=0.8) for region in
                                  regions(text, predicted, claims[:1], sentiment, True)],
        "model_version": "anota-0.1.0-bench", "created_ago": "1 day", "score": 0.8, "cluster": None,
        "neighbors": None, "mislabeling": 0.0, "created_at": "2026-11-01T00:00:00Z",
        "updated_at": "2026-11-01T00:00:00Z", "model": None, "model_run": None, "task": task_id, "project": 1,
    }
    return {
        "id": task_id, "annotations": annotations, "drafts": [], "predictions": [prediction],
        "data": {"text": text, "anota_id": f"{task_id:016x}"}, "meta": {"source": f"doc-{task_id // 5}.txt"},
        "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-02T00:00:00Z", "allow_skip": True,
        "inner_id": task_id, "total_annotations": len(annotations), "cancelled_annotations": 0,
        "total_predictions": 1, "comment_count": 0, "unresolved_comment_count": 0,
        "last_comment_updated_at": None, "project": 1, "updated_by": 1, "comment_authors": [],
    }


def generate(path: Path, count: int, seed: int = 7) -> None:
    """Write the export as Label Studio 1.23.2 writes one (its sample in
    fixtures/label-studio-1.23.2/export_JSON.json): compact, on one line, UTF-8
    unescaped. The bench wrote a task a line until session 26, a layout that
    Anota's reader took faster than Label Studio's own."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for task_id in range(1, count + 1):
            out.write(("," if task_id > 1 else "") + json.dumps(task(rng, task_id), ensure_ascii=False,
                                                                 separators=(",", ":")))
        out.write("]")


ANOTA = str(Path(sys.executable).parent / "anota")
RUNNERS = {
    "anota": [ANOTA, "export", "{input}", "--format", "{fmt}", "--out", "{out}", "--language", "pt", "--quiet"],
    "label-studio-sdk": [sys.executable, "-c",
                         "import sys; from label_studio_sdk.converter import Converter; "
                         "Converter(config=open(sys.argv[1]).read(), project_dir=None)"
                         ".convert(sys.argv[2], sys.argv[3], sys.argv[4], is_dir=False)",
                         str(CONFIG), "{input}", "{out}", "{fmt}"],
}
PAIRS = [("conll", "CONLL2003"), ("jsonl", "JSON_MIN")]


def child(runner: str, fmt: str, source: Path, out: Path) -> None:
    """Run one conversion and print its wall time and peak RSS. Runs in its own
    process, so that RUSAGE_CHILDREN holds exactly that conversion."""
    command = [part.format(input=source, out=out, fmt=fmt) for part in RUNNERS[runner]]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps([seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024]))


def measure(runner: str, fmt: str, source: Path, work: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one conversion, in a
    fresh process tree. On a shared machine CPU time is the steadier figure:
    other processes' load stretches wall time, not the CPU a conversion uses."""
    out = Path(tempfile.mkdtemp(dir=work)) / "out"
    done = subprocess.run([sys.executable, __file__, "--child", runner, fmt, str(source), str(out)],
                          check=True, capture_output=True, text=True, cwd=ROOT)
    shutil.rmtree(out.parent)
    seconds, cpu, peak = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--input", type=Path, help="reuse this export instead of generating one")
    parser.add_argument("--only", choices=[anota_format for anota_format, _sdk in PAIRS],
                        help="run this pair only (Anota's format and the converter's counterpart)")
    parser.add_argument("--child", nargs=4, metavar=("RUNNER", "FORMAT", "INPUT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        runner, fmt, source, out = args.child
        child(runner, fmt, Path(source), Path(out))
        return
    # Anota's own modules compiled, as `make install` leaves them and the converter's are (uv compiles the
    # packages it installs): else every run compiles them again, 2 MB of a 21 MB peak.
    for package in ("server", "schemas", "plugins"):
        compileall.compile_dir(ROOT / package, quiet=1)
    with tempfile.TemporaryDirectory(prefix="anota-bench-") as tmp:
        work = Path(tmp)
        source = args.input or work / "export.json"
        if not args.input:
            started = time.perf_counter()
            generate(source, args.tasks)
            print(f"generated {args.tasks} tasks, {source.stat().st_size / 1e6:.0f} MB "
                  f"in {time.perf_counter() - started:.0f} s")
        pairs = [pair for pair in PAIRS if args.only in (None, pair[0])]
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for _round in range(args.rounds):
            for anota_format, sdk_format in pairs:
                # Interleaved, so that load from other processes hits both sides alike.
                for runner, fmt in (("anota", anota_format), ("label-studio-sdk", sdk_format)):
                    results.setdefault((runner, fmt), []).append(measure(runner, fmt, source, work))
        print(f"{'conversion':34} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
        medians = {}
        for (runner, fmt), samples in results.items():
            medians[(runner, fmt)] = tuple(statistics.median(sample[i] for sample in samples) for i in range(3))
            print(f"{runner + ' ' + fmt:34} " + " ".join(f"{value:8.1f}" for value in medians[(runner, fmt)]))
        for anota_format, sdk_format in pairs:
            (a_s, a_cpu, a_m), (b_s, b_cpu, b_m) = medians[("anota", anota_format)], medians[
                ("label-studio-sdk", sdk_format)]
            print(f"{anota_format} vs {sdk_format}: {b_s / a_s:.1f}x faster (wall), {b_cpu / a_cpu:.1f}x (CPU), "
                  f"{a_m / b_m:.2f} of the peak memory")
            if args.rounds > 1:  # the spread: each round's own ratio
                rounds = zip(results[("anota", anota_format)], results[("label-studio-sdk", sdk_format)])
                print("  CPU ratio by round: " + ", ".join(f"{theirs[1] / ours[1]:.2f}x" for ours, theirs in rounds))


if __name__ == "__main__":
    main()
