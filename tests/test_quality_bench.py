"""bench/quality.py: which entity sets it scores, and that a run cleans up after itself."""

import json
import tempfile
from pathlib import Path

from bench.quality import entity_sets, main
from plugins.ner_training import SELECTION_SAMPLE, read_conll_sentences, split_selection_sample


def write_corpus(path: Path, sentences: int, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}{i}\tO\n\n" for i in range(sentences)), encoding="utf-8")


def test_dev_scores_only_the_held_out_dev_sets_and_test_the_test_splits(tmp_path):
    ner = tmp_path / "ner"
    for language in ("pt", "en"):
        for split, size in (("train", 3), ("dev", SELECTION_SAMPLE + 40), ("test", 5)):
            write_corpus(ner / f"wikiann-{language}" / f"{split}.iob2", size, f"{language}:{split}")
    for corpus, size in (("First_HAREM", 1000), ("Paramopama", 3), ("miniHAREM", 7)):
        write_corpus(ner / "harem-conll" / f"corpus_{corpus}.txt", size, corpus)
    for split in ("dev", "test"):
        (ner / "lener-br").mkdir(exist_ok=True)
        (ner / "lener-br" / f"{split}.conll").write_text("Lei O\n", encoding="utf-8")

    test = entity_sets(tmp_path)
    assert [(name, len(sentences), language, merge) for name, sentences, language, merge in test] == [
        ("WikiANN-pt test", 5, "pt", False), ("WikiANN-en test", 5, "en", False), ("miniHAREM", 7, "pt", True)]
    dev = {name: (sentences, language, merge) for name, sentences, language, merge in entity_sets(tmp_path, dev=True)}
    assert list(dev) == ["wikiann-pt (held-out dev)", "first-harem-dev (held-out dev)", "wikiann-en (held-out dev)"]
    # the selection sample, not the 40 dev sentences the models train on
    sample, trained_on = split_selection_sample(read_conll_sentences(ner / "wikiann-en/dev.iob2", "wikiann"))
    assert dev["wikiann-en (held-out dev)"] == (sample, "en", False) and len(trained_on) == 40
    assert len(dev["first-harem-dev (held-out dev)"][0]) == 100 and dev["first-harem-dev (held-out dev)"][2]


def test_a_run_scores_and_leaves_no_scratch_database_behind(tmp_path, monkeypatch, capsys):
    reviews = [("1", "Produto excelente, adorei!", "positive"), ("2", "Veio quebrado, péssimo.", "negative"),
               ("3", "Chegou na terça.", "neutral"), ("4", "Muito bom e barato.", "positive")]
    b2w = tmp_path / "datasets" / "sentiment" / "b2w-polarity-balanced-test.jsonl"
    b2w.parent.mkdir(parents=True)
    b2w.write_text("".join(json.dumps({"id": i, "text": t, "label": l}) + "\n" for i, t, l in reviews), encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    main([str(tmp_path / "datasets"), "--only", "sentiment"])

    assert "B2W test, reporting half" in capsys.readouterr().out
    assert list(scratch.iterdir()) == []
