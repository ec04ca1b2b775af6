"""A deterministic structural fuzzer of ``anota export``: mutants of the real
exports in fixtures/exports/ (keys deleted, values of another JSON type,
items duplicated or reordered, truncated files, other encodings, offsets that
do not fit, odd unicode, deep nesting, long strings) must each give a clear
error that names where (and nothing written, an earlier export untouched), or
a complete output: never a traceback, never a partial dataset.

Each mutant is made from its own seeded generator, so ``-k 'mutant_137]'``
rebuilds exactly that one. The formats, policies, splits, the reader's chunk
size and the way in (``run_export``, or the CLI with or without a labeling
config) rotate over the mutants: all four formats for every mutant would take
four times as long.
"""

from __future__ import annotations

import codecs
import copy
import csv
import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin

from plugins.exporters import ConllExporter, CsvExporter, JsonlExporter, SpacyExporter
from schemas.dataset import EXAMPLE_SCHEMA
from server.cli import cli
from server.exporting.converting import Settings, parse_split
from server.exporting.examples import ExportError
from server.exporting.running import run_export
from server.exporting.sources import JsonTaskReader, file_source

EXPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "exports"
ORIGINALS = ["export_JSON.json", "snapshot_full.json", "multi_text_export.json", "english_export.json"]
SEED = 20261201
MUTANTS = 400
FORMATS = ["jsonl", "conll", "spacy", "csv"]
EXPORTERS = {e.name: e for e in (JsonlExporter(), ConllExporter(), SpacyExporter(), CsvExporter())}
POLICIES = ["latest", "ground-truth", "majority", "all"]

# The keys Anota reads: a mutation lands under one of them most of the time.
READ_KEYS = {"id", "data", "text", "title", "meta", "annotations", "predictions", "result", "value", "start", "end",
             "labels", "choices", "type", "from_name", "to_name", "was_cancelled", "ground_truth", "completed_by",
             "created_at", "updated_at", "prediction", "model_version", "score", "plugin", "email"}
ODD_TEXTS = ["😀", "e\u0301", "\r\n", "\u2028", "\u2029", "\x00", "\ufeff", "\u200b", "👩‍👩‍👧", "\t", " ", "\U0010ffff",
             "a\u0308\u0308\u0308", "\r", "\x85", "\x0b", "\x0c", "\x1c", "\x1e", "\u00a0", "\u3000", "\u1680",
             "\ud83d"]


def odd_values(rng: random.Random) -> list[Any]:
    """Values of every JSON type, and the edge cases of each."""
    return [None, True, False, 0, 1, -1, -(2**31), 2**31, 2**63 - 1, 2**63, 2**70, -(2**70), 1.5, -0.5, 1e308, 0.0,
            "", " ", "0", "5", "null", "x" * rng.choice([1, 1000, 100_000]), "😀" * 50, [], [None], [[]], [1, "a"],
            {}, {"a": 1}, {"labels": ["ORG"]}, nested(rng.choice([10, 200, 900]))]


def nested(depth: int) -> str:
    """A stand-in that :func:`serialize` writes as lists and objects ``depth``
    deep (Python's json cannot write them that deep, nor walk them here)."""
    return f"@nested-{depth}@"


def nested_json(depth: int) -> bytes:
    return b'{"k": [' * (depth // 2) + b"[]" + b"]}" * (depth // 2)


def places(value: Any, path: tuple = ()) -> list[tuple]:
    """The JSON path of every value below ``value``."""
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        found.append((*path, key))
        found.extend(places(child, (*path, key)))
    return found


def parent_of(root: Any, path: tuple) -> Any:
    for key in path[:-1]:
        root = root[key]
    return root


def pick_place(rng: random.Random, root: Any, wanted: Callable[[tuple], bool] = lambda _p: True) -> tuple | None:
    candidates = [path for path in places(root) if wanted(path)]
    if not candidates:
        return None
    read = [path for path in candidates if path[-1] in READ_KEYS or (len(path) > 1 and path[-2] in READ_KEYS)]
    return rng.choice(read if read and rng.random() < 0.8 else candidates)


def span_values(root: Any) -> list[dict[str, Any]]:
    return [parent_of(root, path)[path[-1]] for path in places(root)
            if path[-1] == "value" and isinstance(parent_of(root, path)[path[-1]], dict)
            and "start" in parent_of(root, path)[path[-1]]]


def random_span_value(rng: random.Random, root: Any) -> dict[str, Any] | None:
    """A region value with offsets, chosen at random; None when the export has none."""
    values = span_values(root)
    return rng.choice(values) if values else None


def texts(root: Any) -> list[tuple[dict[str, Any], str]]:
    return [(task["data"], key) for task in root if isinstance(task, dict) and isinstance(task.get("data"), dict)
            for key, value in task["data"].items() if isinstance(value, str)]


# -------------------------------------------------------------------------
# Structural mutations: each changes ``root`` in place and says what it did
# -------------------------------------------------------------------------


def delete_key(rng: random.Random, root: Any) -> str:
    path = pick_place(rng, root, lambda p: isinstance(p[-1], str))
    if path is None:
        return "nothing to delete"
    del parent_of(root, path)[path[-1]]
    return f"deleted {path}"


def replace_value(rng: random.Random, root: Any) -> str:
    path = pick_place(rng, root)
    if path is None:
        return "nothing to replace"
    value = rng.choice(odd_values(rng))
    parent_of(root, path)[path[-1]] = value
    return f"{path} = {json.dumps(value)[:40]}"


def wrap_in_list(rng: random.Random, root: Any) -> str:
    path = pick_place(rng, root)
    if path is None:
        return "nothing to wrap"
    parent = parent_of(root, path)
    parent[path[-1]] = [parent[path[-1]]]
    return f"{path} wrapped in a list"


def duplicate_item(rng: random.Random, root: Any) -> str:
    lists = [path for path in places(root) if isinstance(parent_of(root, path)[path[-1]], list)
             and parent_of(root, path)[path[-1]]]
    target, where = (root, "$") if not lists or rng.random() < 0.3 else (
        parent_of(root, path := rng.choice(lists))[path[-1]], str(path))
    if not target:
        return "nothing to duplicate"
    item = rng.randrange(len(target))
    target.insert(rng.randrange(len(target) + 1), copy.deepcopy(target[item]))
    return f"duplicated item {item} of {where}"


def reorder(rng: random.Random, root: Any) -> str:
    lists = [path for path in places(root) if isinstance(parent_of(root, path)[path[-1]], list)]
    target, where = (root, "$") if not lists or rng.random() < 0.3 else (
        parent_of(root, path := rng.choice(lists))[path[-1]], str(path))
    rng.shuffle(target)
    return f"shuffled {where}"


def swap_offsets(rng: random.Random, root: Any) -> str:
    value = random_span_value(rng, root)
    if value is None:
        return "no span"
    value["start"], value["end"] = value.get("end"), value.get("start")
    return "swapped a span's start and end"


def offsets_past_text(rng: random.Random, root: Any) -> str:
    value = random_span_value(rng, root)
    if value is None:
        return "no span"
    shift = rng.choice([1, 50, 10_000, 2**40])
    value[rng.choice(["start", "end"])] = (value.get("end") if isinstance(value.get("end"), int) else 0) + shift
    if rng.random() < 0.5:
        value["end"] = value.get("start", 0) + shift + 3 if isinstance(value.get("start"), int) else shift
    return f"offsets moved by {shift}"


def odd_offsets(rng: random.Random, root: Any) -> str:
    value = random_span_value(rng, root)
    if value is None:
        return "no span"
    value[rng.choice(["start", "end"])] = rng.choice([-1, -100, 1.0, 2.5, 0, True, None, "3", 2**63, 2**64])
    return f"an offset set to {value}"


def shift_offsets(rng: random.Random, root: Any) -> str:
    """A span a character or two off: inside a token, over a line break, onto a space."""
    values = [v for v in span_values(root) if isinstance(v.get("start"), int) and isinstance(v.get("end"), int)]
    if not values:
        return "no span"
    value = rng.choice(values)
    key, shift = rng.choice(["start", "end"]), rng.choice([-2, -1, 1, 2])
    value[key] += shift
    if rng.random() < 0.5:
        value.pop("text", None)  # no quote to repair it by
    return f"{key} moved by {shift}"


def odd_names(rng: random.Random, root: Any) -> str:
    """Odd strings where a control, an object, a label or a choice is named."""
    path = pick_place(rng, root, lambda p: "from_name" in p or "to_name" in p or "labels" in p or "choices" in p)
    if path is None:
        return "no name"
    name = rng.choice(["a b", "x:y", "😀", "\n", "\r\n", "B-ORG", "O", "-X-", " -X- _ ", "\u2028", "\x00", "ORG\t",
                       "sentiment", "label", "text", "title", "é" * 300])
    if isinstance(parent_of(root, path)[path[-1]], (str, type(None))) or rng.random() < 0.3:
        parent_of(root, path)[path[-1]] = name
    return f"{path} = {name[:20]!r}"


def empty_label(rng: random.Random, root: Any) -> str:
    values = [v for v in span_values(root) if isinstance(v.get("labels"), list)]
    if not values:
        return "no labels"
    value = rng.choice(values)
    value["labels"] = rng.choice([[""], [], [" "], ["ORG", ""], ["B-"], ["a\nb"], ["ORG", "ORG"], [None]])
    return f"labels = {value['labels']}"


def odd_unicode(rng: random.Random, root: Any) -> str:
    """Characters inserted into a text (the offsets after them no longer fit)
    or into a span's quote."""
    found = texts(root)
    if not found:
        return "no text"
    data, key = rng.choice(found)
    odd = "".join(rng.choice(ODD_TEXTS) for _ in range(rng.randint(1, 4)))
    at = rng.randint(0, len(data[key]))
    data[key] = data[key][:at] + odd + data[key][at:]
    if rng.random() < 0.3:
        data[key] = data[key].replace("\n", "\r\n").replace(" ", rng.choice([" ", "\u2028", "\r\n", "\u00a0"]))
    return f"{odd!r} into data.{key} at {at}"


def long_text(rng: random.Random, root: Any) -> str:
    found = texts(root)
    if not found:
        return "no text"
    data, key = rng.choice(found)
    data[key] = data[key] * rng.choice([200, 2000]) if data[key] else "x" * 100_000
    return f"data.{key} repeated"


def deep(rng: random.Random, root: Any) -> str:
    path = pick_place(rng, root)
    if path is None:
        return "nothing to nest"
    depth = rng.choice([100, 500, 1023, 1100, 3000])
    parent_of(root, path)[path[-1]] = nested(depth)
    return f"{path} nested {depth} deep"


def copy_task_id(rng: random.Random, root: Any) -> str:
    tasks = [task for task in root if isinstance(task, dict)]
    if len(tasks) < 2:
        return "one task"
    first, second = rng.sample(tasks, 2)
    second["id"] = first.get("id")
    return "two tasks with one id"


def annotations_of(root: Any) -> list[dict[str, Any]]:
    """The annotation objects, where earlier mutations left them."""
    return [annotation for task in root if isinstance(task, dict) and isinstance(task.get("annotations"), list)
            for annotation in task["annotations"] if isinstance(annotation, dict)]


def no_result(rng: random.Random, root: Any) -> str:
    annotations = annotations_of(root)
    if not annotations:
        return "no annotation"
    annotation = rng.choice(annotations)
    annotation.pop("result", None) if rng.random() < 0.5 else annotation.update(result=rng.choice([[], None]))
    return "an annotation without a result"


def unknown_control(rng: random.Random, root: Any) -> str:
    results = [a["result"] for a in annotations_of(root) if isinstance(a.get("result"), list)]
    if not results:
        return "no result"
    region = rng.choice([{"id": "h", "from_name": "h", "to_name": "text", "type": "hologram", "value": {"x": 1}},
                         {"from_id": "a", "to_id": "b", "type": "relation"},
                         {"id": "t", "type": "textarea", "value": {"text": ["ok"]}, "from_name": "n"},
                         {"id": "r", "type": "rating", "value": None, "from_name": "r"},
                         {"id": "l", "type": "labels", "from_name": "label", "value": {"labels": ["ORG"]}}])
    rng.choice(results).append(region)
    return f"a region of type {region['type']}"


def odd_language(rng: random.Random, root: Any) -> str:
    """``data.language`` picks the tokenizer of conll and spacy."""
    tasks = [task for task in root if isinstance(task, dict) and isinstance(task.get("data"), dict)]
    if not tasks:
        return "no data"
    language = rng.choice(["punctuation", "lex_attrs", "__init__", "EN", "pt-BR", "en_US", "zz", "", " ", "😀",
                           "x" * 300, 5, None, ["en"], "ja", "ko", "th"])
    rng.choice(tasks)["data"]["language"] = language
    return f"data.language = {language!r}"


# Some twice: drawn twice as often.
MUTATIONS = [delete_key, replace_value, replace_value, wrap_in_list, duplicate_item, reorder, swap_offsets,
             offsets_past_text, odd_offsets, empty_label, odd_unicode, odd_unicode, long_text, deep, copy_task_id,
             no_result, unknown_control, odd_language, odd_language, shift_offsets, odd_names, odd_names]


# -------------------------------------------------------------------------
# Writing a mutant: a layout, then maybe damage to the bytes
# -------------------------------------------------------------------------


def serialize(rng: random.Random, root: Any) -> tuple[bytes, str]:
    layout = rng.choice(["compact", "indent", "lines", "one line each"])
    if layout == "compact":
        text = json.dumps(root, ensure_ascii=rng.random() < 0.3)
    elif layout == "indent":
        text = json.dumps(root, ensure_ascii=False, indent=rng.choice([1, 2, 4]))
    elif not isinstance(root, list):
        text = json.dumps(root, ensure_ascii=False)
    elif layout == "lines":  # JSON lines
        text = "\n".join(json.dumps(task, ensure_ascii=False) for task in root)
    else:
        text = "[\n" + ",\n".join(json.dumps(task, ensure_ascii=False) for task in root) + "\n]"
    content = text.encode("utf-8", "surrogatepass")
    for depth in {int(depth) for depth in re.findall(rb'"@nested-([0-9]+)@"', content)}:
        content = content.replace(f'"@nested-{depth}@"'.encode(), nested_json(depth))
    return content, layout


def damage(rng: random.Random, content: bytes) -> tuple[bytes, str]:
    kind = rng.choice(["truncate", "truncate", "bom", "utf-16", "nan", "lone surrogate", "byte", "trailing"])
    if kind == "truncate":
        at = rng.randrange(len(content) + 1)
        return content[:at], f"truncated at byte {at} of {len(content)}"
    if kind == "bom":
        return codecs.BOM_UTF8 + content, "a UTF-8 byte-order mark"
    if kind == "utf-16":
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])
        return content.decode("utf-8", "surrogatepass").encode(encoding, "surrogatepass"), encoding
    if kind == "nan":
        literal = rng.choice([b"NaN", b"Infinity", b"-Infinity", b"1e999", b"-0", b"1E+2"])
        return content.replace(b": 3.0", b": " + literal).replace(b":3.0", b":" + literal).replace(
            b'"start": 2', b'"start": ' + literal).replace(b'"start":2', b'"start":' + literal), literal.decode()
    if kind == "lone surrogate":
        return content.replace(b"Meta", b"Me\\ud83dta", 1), "a lone surrogate escape"
    if kind == "byte":
        at = rng.randrange(max(len(content), 1))
        byte = rng.choice([b"\xff", b"\x00", b"{", b"]", b",", b'"', b"\\", b"\n"])
        return content[:at] + byte + content[at + 1:], f"byte {at} = {byte!r}"
    return content + rng.choice([b"\n", b" ,", b"]", b"\n[]", b"\x00"]), "data after the end"


def mutant(index: int) -> tuple[bytes, str]:
    """Mutant ``index``: its bytes and what was done to them."""
    rng = random.Random(f"{SEED}-{index}")
    name = ORIGINALS[index % len(ORIGINALS)]
    root = json.loads((EXPORTS / name).read_text(encoding="utf-8"))
    done = [name]
    if rng.random() < 0.15:  # an object in place of the list, as a wrapper or alone
        root = rng.choice([{"tasks": root}, root[0]])
        done.append("not a list")
    for mutation in rng.sample(MUTATIONS, rng.choice([1, 1, 2, 3])):
        done.append(mutation(rng, root if isinstance(root, list) else [root]))
    content, layout = serialize(rng, root)
    done.append(layout)
    if rng.random() < 0.3:
        content, what = damage(rng, content)
        done.append(what)
    return content, "; ".join(done)


# -------------------------------------------------------------------------
# Reading an output back: every file complete
# -------------------------------------------------------------------------


def jsonl_examples(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines.pop() == ""  # ends with a line break: not cut short
    for line in lines:
        example = EXAMPLE_SCHEMA.load(json.loads(line))
        for span in example["entities"] + example["claims"]:
            assert example["text"][span["start"]:span["end"]] == span["text"]
    return len(lines)


def spacy_examples(path: Path) -> int:
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))
    assert all("task_id" in doc.user_data for doc in docs)
    return len(docs)


def conll_examples(path: Path) -> int:
    content = path.read_text(encoding="utf-8")
    assert content.startswith("-DOCSTART- -X- O O\n\n") and content.endswith("\n")
    for line in content.splitlines()[1:]:
        assert line == "" or len(line.split(" ")) == 4, line
    return -1  # an example without a token has no block: not counted


def csv_examples(path: Path) -> int:
    limit = csv.field_size_limit(1 << 30)  # a long text is one field: Python's reader refuses 128 KB by default
    try:
        with path.open(encoding="utf-8", newline="") as rows:
            table = list(csv.reader(rows))
    finally:
        csv.field_size_limit(limit)
    assert table and all(len(row) == len(table[0]) for row in table)
    if path.name.endswith(".spans.csv"):
        header = table[0]
        for row in table[1:]:
            assert int(row[header.index("start")]) < int(row[header.index("end")])
    return -1  # one row per task and choice control: not one per example


READERS = {".jsonl": jsonl_examples, ".spacy": spacy_examples, ".conll": conll_examples, ".csv": csv_examples}


def check_complete(out: Path) -> None:
    written = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "# Dataset card" in (out / "README.md").read_text(encoding="utf-8")
    files = sorted(path.name for path in out.iterdir())
    assert files == sorted([*written["files"], "report.json", "README.md"])
    for split, count in written["examples"].items():
        paths = [path for path in out.iterdir() if path.name.startswith(f"{split}.")]
        assert paths or not count, f"no file for the {count} examples of {split}"
        for path in paths:
            read = READERS[path.suffix](path)
            assert read in (-1, count), f"{path.name}: {read} examples, the report says {count}"


# -------------------------------------------------------------------------
# The test
# -------------------------------------------------------------------------

EARLIER = "earlier export"
CHUNKS = [JsonTaskReader.CHUNK, 64, 999, 4096, 65536]  # a period prime to 4 and 13
CLI_EVERY = 13  # one mutant in 13 through the command line (50 ms more each), the others through run_export


def is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def export(index: int, path: Path, out: Path) -> str | None:
    """Export mutant ``index`` from ``path`` into ``out``: None, or the error's message.
    Every original meets every format and policy (the original is ``index % 4``);
    the periods of the other settings are prime to 4."""
    fmt = FORMATS[index // 4 % len(FORMATS)]
    policy, split = POLICIES[index // 16 % len(POLICIES)], "80/10/10" if index % 3 == 0 else None
    language = "pt" if index % 5 == 0 else None
    if index % CLI_EVERY == 0:
        options = [*(["--split", split] if split else []), *(["--language", language] if language else [])]
        if index // CLI_EVERY % 2:  # the labeling config: the text key, the controls and labels it knows
            config = "multi_text_config.xml" if ORIGINALS[index % 4] == "multi_text_export.json" else "label_config.xml"
            options += ["--label-config", str(EXPORTS / config)]
        result = CliRunner().invoke(cli, ["export", str(path), "--format", fmt, "--out", str(out), "--force",
                                          "--policy", policy, *options], catch_exceptions=False)
        assert "Traceback" not in result.output
        assert result.exit_code == (1 if result.output.startswith("Error: ") else 0), result.output
        return result.output.removeprefix("Error: ").rstrip("\n") if result.exit_code else None
    settings = Settings(policy=policy, split=parse_split(split), language=language)
    try:
        run_export(file_source(path), EXPORTERS[fmt], out, settings, force=True)
    except ExportError as exc:
        return exc.format_message()
    return None


@pytest.mark.parametrize("index", range(MUTANTS), ids=lambda index: f"mutant_{index}")
def test_a_mutant_gives_a_clear_error_or_a_complete_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           index: int) -> None:
    content, what = mutant(index)
    # The reader's chunks made small: a task, a line, a character cut by a chunk's end.
    monkeypatch.setattr(JsonTaskReader, "CHUNK", CHUNKS[index % len(CHUNKS)])
    path = tmp_path / "input.json"
    path.write_bytes(content)
    out = tmp_path / "out" / "dataset"
    earlier = index % 7 == 0  # an earlier export to replace: untouched when this one fails
    if earlier:
        out.mkdir(parents=True)
        (out / "report.json").write_text(EARLIER, encoding="utf-8")
    try:
        message = export(index, path, out)
    except Exception as exc:  # every exception but ExportError is the bug this test looks for
        pytest.fail(f"mutant {index} ({what}): {type(exc).__name__}: {exc}")
    if message is None:
        check_complete(out)
        assert sorted(p.name for p in out.parent.iterdir()) == ["dataset"], f"{what}: a work folder left"
        return
    assert "nothing was written" in message, f"{what}: {message}"
    if "not UTF-8 text" in message:  # and no UTF-16 (a NUL byte at the start, which UTF-8 JSON cannot have)
        assert b"\x00" in content[:4] or not is_utf8(content), f"{what}: {message}"
    assert "a bug" not in message and "exporter failed" not in message, f"{what}: {message}"
    # Where: the task or the line, or it is the whole file's (its encoding).
    where = "task" in message or "line " in message or "not UTF-8 text" in message
    assert message.startswith(f"{path}: ") and where, f"{what}: says not where: {message}"
    assert len(message) < 1000, f"{what}: a message of {len(message)} characters"
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == (["input.json", "out", "out/dataset", "out/dataset/report.json"] if earlier else
                    ["input.json"]), f"{what}: left {left}"
    if earlier:
        assert (out / "report.json").read_text(encoding="utf-8") == EARLIER


# -------------------------------------------------------------------------
# What the fuzzer found in the reader, at sizes the mutants rarely reach
# -------------------------------------------------------------------------


@pytest.mark.parametrize("pad", range(4))
def test_a_line_longer_than_a_chunk_is_not_cut_inside_a_character(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   pad: int) -> None:
    """One task per line, a line longer than the reader's chunk: the buffer
    was cut a chunk before the position, inside a two-byte character half of
    the time, and the text reading that takes over at the list's end refused
    the valid file as 'not UTF-8 text'."""
    monkeypatch.setattr(JsonTaskReader, "CHUNK", 1024)
    # The first chunk holds the first task, the second the long one, then the cut.
    tasks = [{"id": 1, "data": {"text": "a" * 400}}, {"id": 2, "data": {"text": "ã" * 600, "x": "y" * pad}}]
    path = tmp_path / "input.json"
    path.write_text("[\n" + ",\n".join(json.dumps(task, ensure_ascii=False) for task in tasks) + "\n]\n",
                    encoding="utf-8")
    assert [raw_id(task) for _location, task in JsonTaskReader(path)] == [1, 2]


def raw_id(task: Any) -> int:
    return task["id"] if isinstance(task, dict) else task.id


@pytest.mark.parametrize("chunk", [64, 1000])
def test_an_error_on_a_line_longer_than_a_chunk_is_placed_where_json_places_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The column of a syntax error counted from the line's start, not from
    where the reader's buffer starts ('line 1, column 262145' for an error 6 MB
    into a one-line export). The first task, which orjson refuses (NaN), hands
    the file to the text reading at once; the others share one long line."""
    monkeypatch.setattr(JsonTaskReader, "CHUNK", chunk)
    tasks = [json.dumps({"id": number, "data": {"text": "Olá, ação " * chunk}}, ensure_ascii=False)
             for number in range(1, 9)]
    first = json.dumps({"id": 0, "data": {"text": "Lisboa."}, "score": float("nan")})
    content = ("[\n" + first + ",\n" + ", ".join(tasks) + "\n]").encode()
    for at in [match.start() for match in re.finditer(b'"text"', content)][3:]:
        broken = content[:at] + b"," + content[at:]  # a comma too many
        with pytest.raises(json.JSONDecodeError) as expected:
            json.loads(broken)
        path = tmp_path / "input.json"
        path.write_bytes(broken)
        with pytest.raises(ExportError) as found:
            list(JsonTaskReader(path))
        # The task's id and place: the comma is in the data of the task whose "id" comes last before it.
        task_id = int(re.findall(rb'"id": (\d+)', content[:at])[-1])
        assert f"line 3, column {expected.value.colno}: invalid JSON in task {task_id} at $[{task_id}], data" in str(
            found.value)
