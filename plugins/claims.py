"""Built-in plugin: check-worthy claims, as CLAIM spans over sentences.

First version: cue words for reported speech and numbers, per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask import Flask

from server import Annotator, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText

CUES = {
    "reported speech": re.compile(r"\b(segundo|menciona|afirma|disse|diz|according to|said|says)\b", re.I),
    "number": re.compile(r"\d+(?:[.,/]\d+)*\s*%?"),
}


class CueClaimAnnotator(Annotator):
    def __init__(self) -> None:
        super().__init__(name="claims", version="0.1.0", labels=[LabelSpec("CLAIM", "span")])

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:
        for start, end in text.sentences:
            found = [name for name, cue in CUES.items() if cue.search(text.text, start, end)]
            if found:
                yield Span(start, end, "CLAIM", 0.5, "cues: " + ", ".join(found))


@hookimpl
def register_annotators(register, app: Flask) -> None:
    register(CueClaimAnnotator())
