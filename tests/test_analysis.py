"""The shared analysis: one spaCy parse per text, batched per language, read by every plugin."""

from __future__ import annotations

import gc
import itertools
import random
import threading
import weakref

import numpy as np
import pytest

from server.analysis import (
    DEFAULT_PIPELINES,
    DISTINCTIVE_STOPWORDS,
    OTHER_LANGUAGE,
    OTHER_LANGUAGES_STOPWORDS,
    WORD_TOKEN,
    AnalyzedText,
    Pipelines,
    analyze_together,
    computed_once,
    decide_languages,
    fold,
    folded_words,
    language_code,
    language_identifier,
    squeezed,
    stopword_hits,
    task_language,
    told_languages,
    words_pattern,
)

PT = "A Petrobras anunciou investimentos no Rio de Janeiro."
EN = "Microsoft opened an office in Lisbon last year, the company said."
ES = "El gobierno de España anunció nuevas medidas en Madrid ayer por la tarde."


def test_a_batch_is_parsed_once_per_language_with_each_languages_pipeline():
    pipelines = Pipelines(DEFAULT_PIPELINES)
    texts = [AnalyzedText(text, pipelines=pipelines) for text in (PT, EN, PT + " Outra frase.", ES)]
    analyze_together(texts)
    first = texts[0].doc
    # The first request parsed the whole batch: every text's Doc is there already.
    assert len(texts[0].batch._docs) == len(texts)
    assert [text.language for text in texts] == ["pt", "en", "pt", "es"]
    assert [text.doc.lang_ for text in texts] == ["pt", "en", "pt", "es"]
    assert texts[0].doc is first and [t.text for t in first] == [t.text for t in pipelines.get("pt").nlp(PT)]
    # Trained pipelines find names; Spanish, without a model, gets tokens only.
    assert ("Petrobras", "ORG") in {(e.text, e.label_) for e in texts[0].doc.ents}
    assert pipelines.get("es").nlp.pipe_names == [] and list(texts[3].doc.ents) == []


def test_plugins_asking_at_the_same_time_share_one_doc():
    texts = [AnalyzedText(PT), AnalyzedText(EN)]
    analyze_together(texts)
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(texts[1].doc)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and all(doc is seen[0] for doc in seen)


def test_a_batch_is_freed_with_its_texts_without_the_garbage_collector():
    # A cycle between texts and their batch would leave every /predict's
    # objects to the collector instead of freeing them when the request ends.
    texts = [AnalyzedText(PT, language_hint="pt"), AnalyzedText(EN, language_hint="en")]
    analyze_together(texts)
    assert texts[1].batch.is_last(texts[1]) and not texts[0].batch.is_last(texts[0])
    refs = [weakref.ref(text) for text in texts] + [weakref.ref(texts[0].batch)]
    gc.disable()
    try:
        del texts
        assert [ref() for ref in refs] == [None, None, None]
    finally:
        gc.enable()


def test_a_missing_model_folder_falls_back_to_the_tokenizer(tmp_path):
    pipelines = Pipelines({"pt": str(tmp_path / "nowhere")})
    assert pipelines.missing == {"pt": str(tmp_path / "nowhere")}
    doc = AnalyzedText(PT, language_hint="pt", pipelines=pipelines).doc
    assert len(doc) == 9 and list(doc.ents) == []


def test_words_pattern_matches_whole_words_only_and_prefers_the_longest():
    pattern = words_pattern(["Acme", "Acme Robótica", "-V3.2"])
    text = "Acme Robótica, Acmes, Acme e Deepseek -V3.2; X-V3.2"
    assert [m.group() for m in pattern.finditer(text)] == ["Acme Robótica", "Acme", "-V3.2"]


def test_words_pattern_finds_a_phrase_broken_across_lines_and_reads_it_back_squeezed():
    pattern = words_pattern(["Acme Robótica"])
    assert [squeezed(m.group()) for m in pattern.finditer("A Acme\nRobótica e a Acme  Robótica.")] == [
        "Acme Robótica", "Acme Robótica"]


def test_a_texts_language_is_the_preloads_decision_and_needs_no_identifier_when_its_words_settle_it():
    clear = ("A empresa não respondeu às perguntas da reportagem. Segundo o sindicato, os trabalhadores estão "
             "em greve desde segunda-feira e a produção da fábrica está parada.")
    unclear = "Lula e Biden em Nova York"
    calls = language_identifier.cache_info()
    assert AnalyzedText(clear).language == task_language(clear, ("pt", "en", "es")) == "pt"
    assert language_identifier.cache_info() == calls  # the frequent words decided
    assert AnalyzedText(unclear).language == task_language(unclear, ("pt", "en", "es"))
    assert language_identifier.cache_info().hits + language_identifier.cache_info().misses > calls.hits + calls.misses
    assert AnalyzedText(clear, language_hint="es").language == "es"


def test_folded_words_are_the_word_tokens_of_any_text():
    """The split of a Latin-1 text without joiners is the regular expression's words, and any other text is read
    by the regular expression: every Latin-1 character alone and in pairs, and text of each kind."""
    latin1_characters = [chr(code) for code in range(256)]
    texts = latin1_characters + ["".join(pair) for pair in itertools.product(latin1_characters, repeat=2)] + [fold(text) for text in (
        PT, EN, ES, "snake_case e CamelCase_2", "d'água, bem-te-vi -- 'aspas' - fim-", "it’s “curly” – and ª/º",
        "Привет, как дела?", "tab\tnew\nline\x0bvt\x1cfs", "2020-2021 e 3'5", "")] + [
        "Ação ª/º ² µ × ÷ «nº 3» ¼ çà", "Tese nº 12: ações à vista, 3×4 ÷ 2", "Ação — “x”",
        # Joiners beside another between words: no word joined ("a--b" is two), beside a space once another went.
        "a--b", "x-'y", "o''k", "p'-q", "r -'s", "t' -u", "v- -w", "y '' z", "'-a", "a-'", "l'eau -- d'água"]
    for text in texts:
        assert folded_words(text) == WORD_TOKEN.findall(text), repr(text)


def test_stopword_hits_are_each_languages_distinct_frequent_words_and_settle_as_the_preload_does():
    """``stopword_hits`` (one look-up a word) counts what an intersection a language counts, and the language they
    settle is the preload's decision for a batch (``decide_languages``), on random bags of frequent and other words."""
    words = sorted(set().union(*DISTINCTIVE_STOPWORDS.values(), OTHER_LANGUAGES_STOPWORDS)) + ["casa", "house"]
    generator = random.Random(38)
    for languages in [("pt", "en", "es"), ("pt", "en"), ("en",), ("es", "pt")]:
        for _ in range(2_000):
            tokens = generator.choices(words, k=generator.randint(0, 16))
            hits = stopword_hits(tokens)
            counts = [len(set(tokens) & DISTINCTIVE_STOPWORDS[language]) for language in languages]
            assert [hits.get(language, 0) for language in languages] == counts
            assert hits.get(OTHER_LANGUAGE, 0) == len(set(tokens) & OTHER_LANGUAGES_STOPWORDS)
            settled = decide_languages(np.array([counts]), languages, np.array([hits.get(OTHER_LANGUAGE, 0)]))[0]
            assert told_languages(hits, languages)[0] == settled


@pytest.mark.parametrize(("tag", "code"), [
    ("pt", "pt"), ("pt-BR", "pt"), ("PT", "pt"), ("pt_PT", "pt"), (" en-GB ", "en"), ("por", "pt"), ("eng", "en"),
    ("fr", "fr"), ("zh-Hant-TW", "zh"), ("", None), ("Portuguese", None), ("pt/br", None), (12, None), (None, None),
])
def test_a_stated_language_is_read_as_its_bare_code(tag: object, code: str | None):
    assert language_code(tag) == code


def test_a_task_stating_a_regional_language_gets_that_languages_model_and_sentiment(app):
    config = """<View><Text name="text" value="$text"/>
      <Labels name="label" toName="text"><Label value="LOC"/></Labels>
      <Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/>
        <Choice value="Neutral"/></Choices></View>"""
    text = "O turismo em Lisboa cresceu muito e os moradores estão felizes com a melhoria."
    answers = {}
    for tag in ("pt", "pt-BR", "PT"):
        body = {"tasks": [{"id": 1, "data": {"text": text, "language": tag}}], "label_config": config}
        answer = app.test_client().post("/predict", json=body)
        assert answer.status_code == 200, answer.json
        answers[tag] = [(r["value"].get("text"), *(r["value"].get("labels") or r["value"]["choices"]), r["score"])
                        for r in answer.json["results"][0]["result"]]
    found = {(text, label) for text, label, _score in answers["pt"]}
    assert ("Lisboa", "LOC") in found and (None, "Positive") in found
    assert answers["pt-BR"] == answers["PT"] == answers["pt"]


def test_a_text_works_out_its_language_and_sentences_once_and_keeps_them():
    calls = []

    class Probe:
        @computed_once
        def value(self) -> int:
            """The docstring stays the property's."""
            calls.append(self)
            return len(calls)

    probe = Probe()
    assert (probe.value, probe.value) == (1, 1)
    assert calls == [probe] and vars(probe) == {"value": 1}
    assert Probe().value == 2  # per instance
    assert isinstance(Probe.value, computed_once) and Probe.value.__doc__ == "The docstring stays the property's."
    text = AnalyzedText(PT)
    assert (text.language, text.sentences) == ("pt", [(0, len(PT))])
    assert vars(text)["language"] == "pt" and vars(text)["sentences"] == [(0, len(PT))]
