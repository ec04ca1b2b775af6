"""The dataset card's closing section: how to train on an export with the tool its format is for.

Session 50's walk as an ML engineer (s50-userpass2): the `spacy` card listed `train.spacy`, `dev.spacy` and
`test.spacy` and said nothing of `spacy train`, whose config the user had to find (`spacy init config`, a language
and the components that fit what the Docs hold); the `conll` card said nothing of `spacy convert`, which reads an
Anota (or Label Studio) CoNLL file as one Doc, its 233 examples one training example. Built off the task path,
once an export (what the Docs held is counted as they are written: :class:`DocsWritten`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# The text that says why a multi-label text classifier would learn the wrong thing from `doc.cats` as written.
MULTILABEL_CATS_SAID = (
    "`doc.cats` holds the values chosen (1.0) and no others: `textcat_multilabel` reads a value a text does not hold "
    "as unknown, not as 0, so it learns no text's *not*; set the others to 0.0 before training where a control's "
    "values exclude each other, or train a `textcat` per control.")
# Said instead where the config's multiple-choice controls gave their unchosen values 0.0 (SpacyExporter).
MULTILABEL_ZEROS_SAID = (
    "`doc.cats` holds 1.0 for the values chosen and, for a control of several values (`choice=\"multiple\"` in "
    "the labeling config, or a Taxonomy without `maxUsages=\"1\"`, whose nodes above a chosen path have no key) "
    "that the annotation answered, 0.0 for its other values, so `textcat_multilabel` learns "
    "what a text is *not* too; a control left unanswered (or without a majority under `--policy majority`) has "
    "no key, which it reads as unknown. A single-choice control's other values have no key, as before (`textcat` "
    "reads them as 0, `textcat_multilabel` as unknown).")
PLUGIN_SAID = (
    "To see its suggestions in Label Studio next to Anota's, wrap `spacy.load(\"model/model-best\")` in a "
    "pre-annotator plugin (README, \"Writing a plugin\"; `docs/plugin_hooks.md`): a `Span` per `doc.ents` entity, "
    "its label one of the project's or mapped onto one.")


@dataclass
class DocsWritten:
    """What the Docs of one `spacy` export held: their languages, whether any had entities, their cats' keys and
    the most one Doc had."""

    languages: Counter[str] = field(default_factory=Counter)
    entities: bool = False
    cats: set[str] = field(default_factory=set)
    most_cats: int = 0
    zeros: bool = False  # a Doc held a 0.0 (a multiple-choice control's value left out)

    def add(self, doc: Any) -> None:
        self.languages[doc.lang_] += 1
        if not self.entities:  # doc.ents builds its spans: asked only until one Doc has some
            self.entities = bool(doc.ents)
        if doc.cats:
            self.cats.update(doc.cats)
            self.most_cats = max(self.most_cats, len(doc.cats))
            self.zeros = self.zeros or 0.0 in doc.cats.values()

    def components(self) -> list[str]:
        """spaCy's pipeline components that learn what the Docs hold: `ner` from `doc.ents`, a text classifier from
        `doc.cats`: `textcat` where no Doc holds two keys, one label a text, and there are two labels at least (its
        initialize stops at one, E867); else `textcat_multilabel`."""
        exclusive = self.most_cats == 1 and len(self.cats) > 1
        return ((["ner"] if self.entities else [])
                + (["textcat"] if exclusive else ["textcat_multilabel"] if self.cats else []))


def spacy_training_lines(written: DocsWritten, files: list[str]) -> list[str]:
    """The `spacy init config` and `spacy train` commands for an export's DocBins, with what they need said."""
    lines = ["## Training with spaCy", ""]
    components = written.components()
    if not components:
        return lines + ["No Doc holds an entity or a choice, which `spacy train`'s `ner` and `textcat` learn from; "
                        "claims are in `doc.spans[\"claims\"]` (a `spancat` with `spans_key = \"claims\"` reads them)."]
    if "dev.spacy" not in files:
        lines += ["This export has no `dev.spacy`, which `spacy train` scores the model on as it trains: export "
                  "again with `--split 80/10/10` (train, dev and test, by source document).", ""]
    [(language, _n)] = written.languages.most_common(1)
    if len(written.languages) > 1:
        counted = ", ".join(f"{name} {n}" for name, n in written.languages.most_common())
        lines += [f"The Docs were tokenized for several languages ({counted}); a pipeline has one language's "
                  f"tokenizer, {language} below (`--lang xx` is spaCy's multi-language one).", ""]
    lines += ["```sh",
              f"python -m spacy init config config.cfg --lang {language} --pipeline {','.join(components)}",
              "python -m spacy train config.cfg --paths.train train.spacy --paths.dev dev.spacy --output model",
              *(["python -m spacy evaluate model/model-best test.spacy"] if "test.spacy" in files else []),
              "```", "",
              "`--optimize accuracy` adds word vectors (the config's `[paths] vectors` names spaCy's large package "
              f"for {language}, such as `pt_core_news_lg`, to install first) and trains more slowly; "
              "`python -m spacy debug data config.cfg --paths.train train.spacy --paths.dev dev.spacy` checks the "
              "files against the config first."]
    if "textcat_multilabel" in components:
        lines += ["", MULTILABEL_ZEROS_SAID if written.zeros else MULTILABEL_CATS_SAID]
    return lines + ["", PLUGIN_SAID]


def conll_training_lines(files: list[str]) -> list[str]:
    """How spaCy reads the CoNLL files: `spacy convert -c ner` splits documents at `-DOCSTART-` lines only, so the
    one at the top of each file makes the whole file one Doc (its `-n` is then ignored)."""
    splits = " ".join(name.removesuffix(".conll") for name in files if name.endswith(".conll"))
    return ["## Reading the files with spaCy", "",
            "`python -m spacy convert train.conll . -c ner` reads each file as a single Doc (spaCy splits documents "
            "at `-DOCSTART-` lines, and each file has one, at its top; `-n` is then ignored), so `spacy train` "
            "would see one training example a file. For a Doc per example, export `--format spacy`, or convert "
            "the files without their first two lines, one Doc per block:", "",
            "```sh",
            f"mkdir -p blocks && for split in {splits}; do",
            "  tail -n +3 $split.conll > blocks/$split.conll",
            "  python -m spacy convert blocks/$split.conll . -c ner -n 1",
            "done",
            "```"]
