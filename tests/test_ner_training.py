"""The NER training script's warm start (--init-from): features copied, labels our own."""

import argparse

import numpy
import pytest
from spacy.strings import get_string_id
from spacy.training import Example
from spacy.vectors import Vectors

from plugins import ner_training
from plugins.ner_training import (
    LABELS,
    SELECTION_SAMPLE,
    build_pipeline,
    cluster_vectors,
    copy_ner_features,
    given_names,
    load_datasets,
    main,
    model_vectors,
    name_labels,
    ner_architecture,
    parse_args,
    prune_vectors,
    read_conll_sentences,
    split_selection_sample,
    write_name_labels,
)

ROWS = (500, 100, 200, 50)


def source_pipeline(vectors: Vectors | None = None):
    """A stand-in for a spaCy core pipeline: the same NER architecture, other labels, trained a little
    (with ``vectors``, one like en_core_web_md's, whose NER reads them)."""
    source = build_pipeline("en", width=32, depth=2, rows=ROWS, vectors=vectors)
    ner = source.get_pipe("ner")
    for label in ("PERSON", "GPE"):
        ner.add_label(label)
    doc = source.make_doc("Ada Lovelace visited London.")
    example = Example.from_dict(doc, {"entities": [(0, 12, "PERSON"), (21, 27, "GPE")]})
    optimizer = source.initialize(lambda: [example])
    for _ in range(3):
        source.update([example], sgd=optimizer)
    return source


def parameters(model) -> list[numpy.ndarray]:
    return [node.get_param(name).copy() for node in model.walk() for name in node.param_names]


def test_copied_features_match_the_source_and_the_labels_stay_ours():
    source = source_pipeline()
    architecture = ner_architecture(source)
    assert architecture == {"width": 32, "depth": 2, "rows": ROWS}

    nlp = build_pipeline("en", **architecture)
    nlp.initialize(lambda: [Example.from_dict(nlp.make_doc("Rio"), {"entities": [(0, 3, "LOC")]})])
    ner, source_ner = nlp.get_pipe("ner"), source.get_pipe("ner")
    before = parameters(ner.model.get_ref("tok2vec"))
    copy_ner_features(source, ner)

    for layer in ("tok2vec", "lower"):
        copied, original = parameters(ner.model.get_ref(layer)), parameters(source_ner.model.get_ref(layer))
        assert all(numpy.array_equal(a, b) for a, b in zip(copied, original, strict=True))
    assert not all(numpy.array_equal(a, b) for a, b in zip(before, parameters(ner.model.get_ref("tok2vec"))))
    assert set(ner.labels) == set(LABELS)
    assert nlp("Ada Lovelace visited London.")  # the warm-started model runs


def test_a_model_that_also_reads_word_classes_starts_with_the_copied_features_unchanged():
    source = source_pipeline()
    word_classes = {"Paris": "0110", "London": "0110", "Toronto": "0110", "Ada": "1011", "cities": "1100"}
    nlp = build_pipeline("en", **ner_architecture(source), vectors=cluster_vectors("en", word_classes))
    assert nlp.vocab.vectors.shape == (3, 3)
    nlp.initialize(lambda: [Example.from_dict(nlp.make_doc("Rio"), {"entities": [(0, 3, "LOC")]})])
    copy_ner_features(source, nlp.get_pipe("ner"))

    texts = ["Ada Lovelace visited London.", "Paris and Toronto are cities."]
    ours, theirs = (pipeline.get_pipe("ner").model.get_ref("tok2vec") for pipeline in (nlp, source))
    assert same_features(nlp, source, texts)


def same_features(nlp, source, texts: list[str]) -> bool:
    ours, theirs = (pipeline.get_pipe("ner").model.get_ref("tok2vec") for pipeline in (nlp, source))
    features = ours.predict([nlp.make_doc(text) for text in texts])
    expected = theirs.predict([source.make_doc(text) for text in texts])
    return all(numpy.allclose(a, b, atol=1e-5) for a, b in zip(features, expected, strict=True))


WORDS = ("Paris", "London", "Ada", "visited", "Lovelace")


def word_vectors() -> Vectors:
    """Five words over four rows ("Paris" and "London" share one), as a pruned spaCy table has them."""
    vectors = Vectors(data=numpy.random.default_rng(0).normal(size=(4, 6)).astype("float32"), name="test_vectors")
    for word, row in zip(WORDS, (0, 0, 1, 2, 3)):
        vectors.add(get_string_id(word), row=row)
    return vectors


def options(**given) -> argparse.Namespace:
    return argparse.Namespace(**{"cluster_vectors": False, "vector_words": None, **given})


def test_a_source_whose_ner_reads_vectors_gives_them_and_their_projection():
    source = source_pipeline(word_vectors())
    vectors = model_vectors("en", source, {}, options())
    assert vectors is source.vocab.vectors
    nlp = build_pipeline("en", **ner_architecture(source), vectors=vectors)
    nlp.initialize(lambda: [Example.from_dict(nlp.make_doc("Rio"), {"entities": [(0, 3, "LOC")]})])
    copy_ner_features(source, nlp.get_pipe("ner"))
    assert same_features(nlp, source, ["Ada Lovelace visited London.", "Paris and Toronto are cities."])
    with pytest.raises(SystemExit, match="reads its own vectors"):
        model_vectors("en", source, {}, options(cluster_vectors=True))


def test_pruned_vectors_keep_the_given_words_rows_and_drop_the_rest(monkeypatch):
    source = source_pipeline(word_vectors())
    pruned = prune_vectors(source.vocab.vectors, ["London", "visited", "Lovelace", "Toronto"])
    assert pruned.shape == (3, 6) and pruned.n_keys == 3  # Paris's row stays for London; Ada's goes
    for word in ("London", "visited", "Lovelace"):
        assert numpy.array_equal(pruned[get_string_id(word)], source.vocab.vectors[get_string_id(word)])
    assert get_string_id("Ada") not in pruned and get_string_id("Paris") not in pruned
    # --vector-words N: the training words keep their vectors, and the N most frequent words theirs
    # (spacy-lookups-data's frequencies, a `train` extra: two words stand in for them here)
    monkeypatch.setattr(ner_training, "frequent_words", lambda lang, count: {"London", "Toronto"})
    train = {"wikiann-en": [[("Ada", "B-PER"), ("visited", "O"), ("Paris", "B-LOC")]]}
    kept = model_vectors("en", source, train, options(vector_words=2))
    assert sorted(kept.key2row) == sorted(map(get_string_id, ("Ada", "visited", "Paris", "London")))


def test_a_source_of_another_architecture_is_refused():
    source = source_pipeline()
    wider = build_pipeline("en", width=48, depth=2, rows=ROWS)
    wider.initialize(lambda: [Example.from_dict(wider.make_doc("Rio"), {"entities": [(0, 3, "LOC")]})])
    with pytest.raises(SystemExit, match="does not fit"):
        copy_ner_features(source, wider.get_pipe("ner"))


def test_a_warm_start_cannot_resume(capsys):
    # A resumed model keeps its own features: the copy would silently not happen.
    with pytest.raises(SystemExit):
        parse_args(["DATA/ner", "--init-from", "en_core_web_sm", "--resume"])
    assert "give one of them" in capsys.readouterr().err
    assert parse_args(["DATA/ner", "--init-from", "en_core_web_sm"]).init_from == "en_core_web_sm"


def iob2(*lines: str) -> str:
    return "\n".join(lines) + "\n\n"


def test_name_labels_keep_the_names_of_two_words_or_more_that_mostly_take_one_label(tmp_path):
    corpus = tmp_path / "train.iob2"
    corpus.write_text(
        iob2("en:Real\tB-ORG", "en:Madrid\tI-ORG", "en:won\tO")
        + iob2("en:at\tO", "en:Real\tB-ORG", "en:Madrid\tI-ORG", "en:,\tO")
        + iob2("en:Real\tB-LOC", "en:Madrid\tI-LOC", "en:in\tO", "en:Sioux\tB-LOC", "en:Falls\tI-LOC",
               "en:,\tI-LOC", "en:SD\tI-LOC")
        + iob2("en:New\tB-LOC", "en:York\tI-LOC") + iob2("en:New\tB-ORG", "en:York\tI-ORG")
        + iob2("en:Swansea\tB-ORG") + iob2("en:Swansea\tB-ORG"),
        encoding="utf-8",
    )
    sentences = read_conll_sentences(corpus, "wikiann")
    vocab = build_pipeline("en", width=32, depth=2, rows=ROWS).vocab
    # Real Madrid is ORG in 2 of 3 mentions; a name is spelt as the detokenised text has it;
    # one word (a city as its football club) is left out.
    assert name_labels(sentences, vocab, min_share=0.6) == {"Real Madrid": ("ORG", 3), "Sioux Falls, SD": ("LOC", 1)}
    table = name_labels(sentences, vocab)
    assert table == {"Sioux Falls, SD": ("LOC", 1)}  # 2 of 3 is below the default share; a tie is no label
    write_name_labels(tmp_path / "names.tsv", table)
    assert (tmp_path / "names.tsv").read_text(encoding="utf-8") == "Sioux Falls, SD\tLOC\t1\n"


def test_given_names_open_people_and_are_no_lowercase_word_nor_surname(tmp_path):
    def person(*words: str) -> str:
        return iob2(f"pt:{words[0]}\tB-PER", *(f"pt:{word}\tI-PER" for word in words[1:]), "pt:falou\tO")

    corpus = tmp_path / "train.iob2"
    corpus.write_text(
        person("Rui", "Costa") + person("Rui", "Moreira") + person("Rui", "Rio")
        + person("Paulo", "Coelho") + person("Paulo", "Rangel") + person("Paulo", "Freire")
        + person("Marcelo", "Rebelo") + person("Marcelo", "Freixo")  # two people: too few
        + person("Papa", "Francisco") * 3 + iob2("pt:o\tO", "pt:papa\tO")  # a title, written lowercase
        + person("Almeida", "Garrett") * 3 + person("Ana", "Almeida") * 7  # a surname more than twice as often
        + person("Santa", "Clara") * 3 + iob2("pt:Santa\tB-LOC", "pt:Catarina\tI-LOC") * 2,  # opens places too
        encoding="utf-8",
    )
    vocab = build_pipeline("pt", width=32, depth=2, rows=ROWS).vocab
    assert given_names(read_conll_sentences(corpus, "wikiann"), vocab) == ["Ana", "Paulo", "Rui"]


def test_name_labels_are_written_from_the_sentences_the_model_trains_on(tmp_path, capsys):
    wiki = tmp_path / "ner" / "wikiann-en"
    wiki.mkdir(parents=True)
    (wiki / "train.iob2").write_text(iob2("en:Real\tB-ORG", "en:Madrid\tI-ORG"), encoding="utf-8")
    (wiki / "test.iob2").write_text(iob2("en:Sioux\tB-LOC", "en:Falls\tI-LOC"), encoding="utf-8")
    dev = "".join(iob2("en:Place\tB-LOC", f"en:{i}\tI-LOC") for i in range(SELECTION_SAMPLE + 1))
    (wiki / "dev.iob2").write_text(dev, encoding="utf-8")
    main([str(tmp_path / "ner"), "--lang", "en", "--train-on-dev", "--name-labels", str(tmp_path)])
    # WikiANN dev beyond its selection sample is trained on (--train-on-dev), the sample is not
    [trained_on] = split_selection_sample(read_conll_sentences(wiki / "dev.iob2", "wikiann"))[1]
    table = (tmp_path / "name_labels_en.tsv").read_text(encoding="utf-8").splitlines()
    assert table == [f"Place {trained_on[1][0]}\tLOC\t1", "Real Madrid\tORG\t1"]
    assert "2 names of 2 sentences" in capsys.readouterr().out


def test_other_languages_wikiann_train_splits_can_join_the_training_data(tmp_path):
    for language, name in (("en", "Real Madrid"), ("pt", "Estados Unidos")):
        first, second = name.split()
        for split in ("train", "dev", "test"):
            path = tmp_path / f"wikiann-{language}" / f"{split}.iob2"
            path.parent.mkdir(exist_ok=True)
            path.write_text(iob2(f"{language}:{first}\tB-LOC", f"{language}:{second}\tI-LOC"), encoding="utf-8")
    assert list(load_datasets(tmp_path, "en", use_lener=False)["train"]) == ["wikiann-en"]
    sets = load_datasets(tmp_path, "en", use_lener=False, other_wikiann=("pt",))
    assert sets["train"]["wikiann-pt-train"] == [[("Estados", "B-LOC"), ("Unidos", "I-LOC")]]
    assert list(sets["dev"]) == ["wikiann-en"] and list(sets["test"]) == ["wikiann-en"]
    assert parse_args(["DATA/ner", "--other-wikiann", "pt"]).other_wikiann == ["pt"]
