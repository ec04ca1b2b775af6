"""The languages /predict gives texts sent without one, against the language they are in.

    .venv/bin/python bench/languages.py ../shared/datasets [--show 20]

- WikiANN-en and WikiANN-pt: the 3,000-sentence held-out dev samples (``selection_sets``; dev, never test), and
  First HAREM's held-out dev, each sentence a task;
- the fixture texts that state a language (``fixtures/**/*.json*``: a record's ``lang``/``language``, or its data's or
  meta's), each fixture file a project.

Each set twice: every text alone (no project: nothing known of its neighbours), and as the tasks of one project sent
in requests of ``--batch`` (the project's usual language learnt on the way, ``server.predicting.UsualLanguages``).
The tasks go through the predictor of a real app (``Predictor.analyze_tasks``, what /predict does
before the annotators run), so the numbers are /predict's.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import Flask  # noqa: E402

from plugins.ner_training import load_datasets, selection_sets, sentence_to_doc  # noqa: E402
from server import create_app  # noqa: E402
from server.analysis import language_code  # noqa: E402
from server.app import get_state  # noqa: E402
from server.labeling import parse_labeling_config  # noqa: E402

CONFIG = parse_labeling_config(
    '<View><Text name="text" value="$text"/><Labels name="label" toName="text"><Label value="PER"/></Labels></View>')


def detected(app: Flask, texts: Sequence[str], project: int | None, batch: int) -> list[str]:
    """The language the app's predictor gives each of ``texts``, sent in requests of ``batch`` tasks of ``project``."""
    predictor = get_state(app).predictor
    languages = []
    for start in range(0, len(texts), batch):
        tasks = [{"id": index, "data": {"text": text}, **({"project": project} if project is not None else {})}
                 for index, text in enumerate(texts[start:start + batch])]
        languages += [text.language for text in predictor.analyze_tasks(tasks, CONFIG.objects) if text is not None]
    return languages


def dataset_sets(datasets: Path) -> dict[str, tuple[list[str], str]]:
    """The held-out dev sets' sentences as prose, with their language."""
    import spacy

    sets = {}
    for language in ("en", "pt"):
        vocab = spacy.blank(language).vocab
        chosen = selection_sets(load_datasets(datasets / "ner", language, use_lener=False, train_on_dev=True))
        for name, sentences in chosen.items():
            sets[f"{name} held-out dev"] = ([sentence_to_doc(vocab, s).text for s in sentences], language)
    return sets


def stated_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(text, stated language) of each record of a fixture file that states one."""
    try:  # some fixtures are other encodings' on purpose (the loaders' tests): none states a language
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return
    whole = parsed(content)
    records = (whole if isinstance(whole, list) else [whole]) if whole is not None else \
        [record for line in content.splitlines() if (record := parsed(line)) is not None]
    for record in records:
        if not isinstance(record, dict):
            continue
        data = record["data"] if isinstance(record.get("data"), dict) else record
        meta = record["meta"] if isinstance(record.get("meta"), dict) else {}
        stated = data.get("lang") or data.get("language") or meta.get("language")
        code = language_code(stated) if isinstance(stated, str) else None
        if isinstance(data.get("text"), str) and data["text"].strip() and code:
            yield data["text"], code


def parsed(content: str) -> Any:
    """``content`` as JSON, None where it is none (or nested past Python's recursion limit, as a loaders' test is)."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def fixture_files() -> dict[str, list[tuple[str, str]]]:
    files = {}
    for path in sorted(path for suffix in ("json", "jsonl") for path in (ROOT / "fixtures").rglob(f"*.{suffix}")):
        if not any(part.startswith("label-studio") for part in path.parts) and (texts := list(stated_texts(path))):
            files[str(path.relative_to(ROOT))] = texts
    return files


def report(name: str, texts: Sequence[str], expected: Sequence[str], got: Sequence[str], show: int) -> dict[str, Any]:
    wrong = [(text, want, have) for text, want, have in zip(texts, expected, got) if want != have]
    print(f"{name}: {len(texts)} texts, {len(wrong)} not in their language; given {dict(collections.Counter(got))}")
    for text, want, have in wrong[:show]:
        print(f"    {want} -> {have}: {text[:90]!r}")
    return {"texts": len(texts), "wrong": len(wrong), "given": list(got)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", type=Path)
    parser.add_argument("--batch", type=int, default=8, help="tasks a request (default 8)")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong texts of each set")
    parser.add_argument("--json", type=Path, help="write every text's language here, to compare two trees")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({"DATABASE_URL": f"sqlite:///{scratch}/anota.db", "SOURCES": []})
        for mode, project in (("alone", None), (f"one project, requests of {args.batch}", 1)):
            for number, (name, (texts, language)) in enumerate(dataset_sets(args.datasets).items(), start=1):
                got = detected(app, texts, None if project is None else number, args.batch)
                results[f"{name}, {mode}"] = report(f"{name}, {mode}", texts, [language] * len(texts), got, args.show)
            files = fixture_files()
            texts, expected, got = [], [], []
            for number, stated in enumerate(files.values(), start=100_000):
                texts += [text for text, _ in stated]
                expected += [language for _, language in stated]
                got += detected(app, [text for text, _ in stated], None if project is None else number, args.batch)
            results[f"fixtures, {mode}"] = report(f"fixture texts stating a language ({len(files)} files), {mode}",
                                                  texts, expected, got, args.show)
    if args.json:
        args.json.write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main()
