"""Preloading throughput against the floor of reading and hashing the same bytes.

Builds a corpus of web-page-like documents (page chrome around paragraphs,
exact and near-duplicate paragraphs across pages) of at least ``--megabytes``,
then measures, each in a fresh process so peak memory is its own:

- the floor: read every file and SHA-256 its bytes;
- preloading (paragraph unit, boilerplate, exact and near-duplicates, language,
  tasks written to a new SQLite file), then the restart on the same database;
- preloading of growing parts of the corpus, to show how peak memory grows.

    .venv/bin/python bench/preload.py                                # text from fixtures/
    .venv/bin/python bench/preload.py --text-from ../shared/datasets # more varied text

Sentences come from ``--text-from`` (.txt, .jsonl "text" fields, .tsv first
columns, CoNLL/IOB token columns), default the project's fixtures; each
paragraph joins random sentences with a word or two swapped, so pages are
unique unless the generator copies a paragraph on purpose.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PART_BYTES = 5_000_000
MIN_POOL = 2000
EXACT_COPY_RATE = 0.04
NEAR_COPY_RATE = 0.03
SITES = [f"{name} {kind}" for name in ("Vale", "Norte", "Capital", "River", "Harbour", "Serra", "Costa", "Metro")
         for kind in ("Notícias", "Jornal", "Chronicle", "Gazette", "Diário", "Post")]
HEADERS = [
    "Pular para o conteúdo", "Skip to main content", "Início | Política | Economia | Esportes | Cultura",
    "Home · World · Business · Tech · Science", "Entrar", "Assine", "Menu", "Buscar",
]
FOOTERS = [
    "Compartilhe", "Share this article", "WhatsApp Facebook Twitter",
    "Leia também: {title}", "Read more: {title}",
    "Assine nossa newsletter e receba as principais notícias do dia no seu e-mail.",
    "Sign up for our newsletter to get the latest news delivered to your inbox every morning.",
    "Usamos cookies para melhorar sua experiência. Ao continuar navegando, você concorda com a nossa Política de Privacidade.",
    "We use cookies to improve your experience on our site. By continuing to browse, you agree to our Privacy Policy.",
    "Esta página pode conter conteúdos de terceiros, fornecidos apenas para fins informativos, e não devem ser considerados aconselhamento financeiro.",
    "© 2025 {site}. Todos os direitos reservados.", "© 2025 {site}. All rights reserved.",
]


# -------------------------------------------------------------------------
# Corpus
# -------------------------------------------------------------------------


def sentence_pools(text_from: Path | None) -> list[list[str]]:
    """Sentences per folder of source files: a page draws from one, so it
    keeps one language (as real pages do); small folders are merged so that
    paragraphs rarely share sentences by chance."""
    sources = [text_from] if text_from else [ROOT / "fixtures"]
    pools: list[list[str]] = []
    for source in sources:
        folders: dict[Path, list[str]] = {}
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            folders.setdefault(path.parent, []).extend(s for s in _sentences_of(path) if len(s.split()) >= 6)
        small: list[str] = []
        for sentences in folders.values():
            if len(sentences) >= MIN_POOL:
                pools.append(sentences)
            else:
                small.extend(sentences)
        if small:
            pools.append(small)
    return pools


def _sentences_of(path: Path) -> list[str]:
    from server.segmentation import split_sentences

    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".jsonl",):
        text = "\n".join(_jsonl_texts(text))
    elif path.suffix in (".tsv",):
        text = "\n".join(line.split("\t")[0] for line in text.splitlines())
    elif path.suffix in (".iob2", ".conll") or path.name.startswith("corpus_"):
        text = _tokens_to_text(text)
    elif path.suffix not in (".txt",):
        return []
    return [text[start:end] for start, end in split_sentences(text)]


def _jsonl_texts(text: str) -> list[str]:
    """The "text" fields of a JSON-lines file's records; lines that are no
    record are skipped (fixtures/ holds malformed exports on purpose, one nested
    deeper than the decoder's recursion limit)."""
    texts = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict):
            texts.append(str(record.get("text", "")))
    return texts


def _tokens_to_text(text: str) -> str:
    sentences, tokens = [], []
    for line in text.splitlines():
        if not line.strip():
            if tokens:
                sentences.append(re.sub(r" ([.,;:!?)])", r"\1", " ".join(tokens)))
                tokens = []
            continue
        token = re.split(r"[\t ]", line)[0]
        tokens.append(token.split(":", 1)[1] if re.match(r"^[a-z]{2}:", token) else token)
    return "\n".join(sentences)


class CorpusWriter:
    def __init__(self, pools: list[list[str]], seed: int) -> None:
        self.pools = pools
        self.words = [sorted({w for s in pool for w in s.split() if w.isalpha()}) or ["x"] for pool in pools]
        self.random = random.Random(seed)
        self.recent: list[str] = []

    def paragraph(self, pool: int) -> str:
        rng = self.random
        roll = rng.random()
        if self.recent and roll < EXACT_COPY_RATE:
            return rng.choice(self.recent)
        if self.recent and roll < EXACT_COPY_RATE + NEAR_COPY_RATE:
            return self._swap_words(rng.choice(self.recent), 1, pool)
        chosen = rng.sample(self.pools[pool], min(len(self.pools[pool]), rng.randint(2, 6)))
        sentences = [self._swap_words(sentence, 2, pool) for sentence in chosen]
        paragraph = " ".join(sentences)
        self.recent.append(paragraph)
        if len(self.recent) > 500:
            self.recent.pop(rng.randrange(len(self.recent)))
        return paragraph

    def _swap_words(self, sentence: str, count: int, pool: int) -> str:
        words = sentence.split(" ")
        for _ in range(count):
            index = self.random.randrange(len(words))
            number = self.random.random() < 0.3
            words[index] = str(self.random.randint(2, 999)) if number else self.random.choice(self.words[pool])
        return " ".join(words)

    def page(self) -> str:
        rng = self.random
        pool = rng.randrange(len(self.pools))
        site = rng.choice(SITES)
        title = self._swap_words(rng.choice(self.pools[pool]), 1, pool)[:90]
        lines = rng.sample(HEADERS, rng.randint(1, 3)) + [title]
        lines += [self.paragraph(pool) for _ in range(rng.randint(3, 12))]
        lines += [line.format(site=site, title=title[:60]) for line in rng.sample(FOOTERS, rng.randint(2, 5))]
        return "\n".join(lines) + "\n"


def build_corpus(directory: Path, megabytes: int, text_from: Path | None, seed: int) -> None:
    manifest = directory / "manifest.json"
    wanted = {"megabytes": megabytes, "text_from": str(text_from), "seed": seed, "version": 3}
    if manifest.exists() and json.loads(manifest.read_text()) == wanted:
        return
    pools = sentence_pools(text_from)
    if not pools:
        raise SystemExit("no sentences found to build the corpus from")
    writer = CorpusWriter(pools, seed)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("part-*/*.txt"):
        old.unlink()
    written, page = 0, 0
    while written < megabytes * 1_000_000:
        part = directory / f"part-{written // PART_BYTES:03d}"
        part.mkdir(exist_ok=True)
        data = writer.page().encode("utf-8")
        (part / f"page-{page:06d}.txt").write_bytes(data)
        written += len(data)
        page += 1
    manifest.write_text(json.dumps(wanted))
    sentences = sum(map(len, pools))
    print(f"built {written / 1e6:.1f} MB in {page} pages from {sentences} sentences", file=sys.stderr)


def corpus_files(parts: list[Path]) -> list[Path]:
    return sorted(path for part in parts for path in part.glob("*.txt"))


# -------------------------------------------------------------------------
# Measurements (each in its own process)
# -------------------------------------------------------------------------


def measure_floor(parts: list[Path]) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    total = 0
    for path in corpus_files(parts):
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        total += len(data)
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, "bytes": total}


def measure_preload(parts: list[Path], workers: bool = False) -> dict[str, Any]:
    from server import create_app
    from server.preload import preload_sources

    with tempfile.TemporaryDirectory() as scratch:
        app = create_app({
            "DATABASE_URL": f"sqlite:///{scratch}/bench.db", "SOURCES": [str(p) for p in parts],
            "PRELOAD": False, "DISABLE_PLUGINS": ["entities", "claims", "sentiment"], "PRELOAD_WORKERS": workers,
        })
        app.config["PRELOAD"] = True
        # The language identifier's model loads once per process: not per corpus.
        from server.analysis import detect_language
        detect_language("warm up", app.config["LANGUAGES"])
        started, cpu, workers_cpu = time.perf_counter(), time.process_time(), children_cpu_seconds()
        report = preload_sources(app)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        workers_cpu = children_cpu_seconds() - workers_cpu
        restarted = time.perf_counter()
        again = preload_sources(app)
        restart_seconds = time.perf_counter() - restarted
    assert report is not None and again is not None and again.reused
    return {
        "seconds": seconds, "cpu_seconds": cpu_seconds + workers_cpu, "workers_cpu_seconds": workers_cpu,
        "workers_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "restart_seconds": restart_seconds, "tasks": report.tasks,
        "segments": report.segments, "documents": report.documents, "excluded": report.excluded,
        "languages": report.languages,
    }


def children_cpu_seconds() -> float:
    """CPU time of the worker processes (PRELOAD_WORKERS) ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    # VmHWM is this process's own peak (getrusage's ru_maxrss keeps the
    # parent's across exec).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_measurement(kind: str, corpus: Path, parts: int, workers: bool = True) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", kind, "--corpus-dir", str(corpus), "--parts", str(parts),
               *([] if workers else ["--one-process"])]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--text-from", type=Path, help="folder of text to draw sentences from")
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "anota-bench-corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=2, help="floor runs before and after preloading")
    parser.add_argument("--one-process", action="store_true",
                        help="prepare every batch in this process (ANOTA_PRELOAD_WORKERS=0); by default worker "
                             "processes do, as the server does, and the CPU figure counts theirs")
    parser.add_argument("--measure", choices=["floor", "preload"], help=argparse.SUPPRESS)
    parser.add_argument("--parts", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.workers = not args.one_process

    if args.measure:
        parts = sorted(args.corpus_dir.glob("part-*"))[: args.parts or None]
        result = measure_floor(parts) if args.measure == "floor" else measure_preload(parts, args.workers)
        result["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(result))
        return

    build_corpus(args.corpus_dir, args.megabytes, args.text_from, args.seed)
    all_parts = len(list(args.corpus_dir.glob("part-*")))
    run_measurement("floor", args.corpus_dir, all_parts)  # warm the page cache for both
    floors = [run_measurement("floor", args.corpus_dir, all_parts) for _ in range(args.rounds)]
    preload = run_measurement("preload", args.corpus_dir, all_parts, args.workers)
    floors += [run_measurement("floor", args.corpus_dir, all_parts) for _ in range(args.rounds)]
    floor_seconds = statistics.median(f["seconds"] for f in floors)
    floor_cpu = statistics.median(f["cpu_seconds"] for f in floors)
    megabytes = floors[0]["bytes"] / 1e6
    print(f"corpus: {megabytes:.1f} MB, {preload['documents']} documents, {preload['segments']} paragraphs")
    print(f"floor (read + SHA-256): {floor_seconds:.2f} s wall, {floor_cpu:.2f} s CPU = "
          f"{megabytes / floor_seconds:.0f} MB/s (median of {len(floors)}, peak RSS {floors[0]['peak_rss_mb']:.0f} MB)")
    print(f"preload: {preload['seconds']:.1f} s wall, {preload['cpu_seconds']:.1f} s CPU = "
          f"{megabytes / preload['seconds']:.2f} MB/s; {preload['seconds'] / floor_seconds:.0f}x the floor "
          f"(CPU: {preload['cpu_seconds'] / floor_cpu:.0f}x); peak RSS {preload['peak_rss_mb']:.0f} MB")
    if args.workers:
        print(f"  of which workers: {preload['workers_cpu_seconds']:.1f} s CPU, "
              f"peak RSS {preload['workers_peak_rss_mb']:.0f} MB the largest")
    print(f"  {preload['tasks']} tasks; left out {preload['excluded']}; languages {preload['languages']}")
    print(f"restart on the same database: {preload['restart_seconds'] * 1000:.0f} ms")
    print("peak memory as the corpus grows (first parts of the same corpus):")
    rows = [(max(1, all_parts // fraction),
             run_measurement("preload", args.corpus_dir, max(1, all_parts // fraction), args.workers))
            for fraction in (4, 2)] + [(all_parts, preload)]
    for parts, result in rows:
        print(f"  {min(parts * PART_BYTES / 1e6, megabytes):.0f} MB: {result['tasks']} tasks, "
              f"peak RSS {result['peak_rss_mb']:.0f} MB")
    (_, small), (_, large) = rows[0], rows[-1]
    per_task = (large["peak_rss_mb"] - small["peak_rss_mb"]) * 2**20 / max(1, large["tasks"] - small["tasks"])
    per_byte = (large["peak_rss_mb"] - small["peak_rss_mb"]) * 2**20 / max(1, (all_parts - rows[0][0]) * PART_BYTES)
    print(f"  growth: {per_task:.0f} bytes per task kept ({per_byte:.2f} bytes per corpus byte)")


if __name__ == "__main__":
    main()
