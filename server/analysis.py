"""Analyse each text once, share the analysis with every annotator.

Language identification, sentence boundaries and tokens are needed by several
plugins; computing them once per text (and lazily: a plugin that needs none pays
nothing) keeps the plugins' combined cost close to the cost of one model pass.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

DEFAULT_LANGUAGES = ("pt", "en", "es")



@functools.cache
def _language_identifier(languages: tuple[str, ...]) -> Any:
    # py3langid ships its model inside the wheel (offline); restricting the
    # candidates to the languages in scope makes short texts far more reliable.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def detect_language(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str:
    """Return the ISO 639-1 code of ``text``'s language among ``languages``."""
    if not text.strip():
        return languages[0]
    language, _probability = _language_identifier(tuple(languages)).classify(text)
    return language


@dataclass
class AnalyzedText:
    """One task text and what has been worked out about it so far."""

    text: str
    language_hint: str | None = None
    languages: Sequence[str] = DEFAULT_LANGUAGES
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def language(self) -> str:
        return self.language_hint or detect_language(self.text, self.languages)

    @functools.cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence boundaries as ``(start, end)`` offsets, whitespace trimmed
        (language-aware: see :mod:`server.segmentation`)."""
        from server.segmentation import split_sentences

        return split_sentences(self.text, self.language)
