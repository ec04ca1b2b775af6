"""Built-in plugin: named entities (PER, ORG, LOC, PRODUCT).

First version: a small gazetteer matched on word boundaries. The statistical
models and pattern files replace it (issue 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask import Flask

from server import Annotator, LabelSpec, Span, hookimpl
from server.analysis import AnalyzedText

GAZETTEER = {
    "LOC": ["China", "EUA", "Estados Unidos", "Brasil", "Portugal", "Lisboa", "São Paulo", "United States"],
    "ORG": ["Meta", "Deepseek", "DeepSeek", "OpenAI", "Google", "Nvidia", "Petrobras", "Gate"],
    "PRODUCT": ["BlackWell", "Blackwell", "Qwen", "GPT-4o", "Llama"],
}


class GazetteerAnnotator(Annotator):
    def __init__(self) -> None:
        super().__init__(
            name="entities",
            version="0.1.0",
            labels=[LabelSpec(label, "span") for label in ("PER", "ORG", "LOC", "PRODUCT")],
        )
        alternatives = {
            label: "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
            for label, names in GAZETTEER.items()
        }
        self.pattern = re.compile("|".join(f"(?P<{label}>\\b(?:{alt})\\b)" for label, alt in alternatives.items()))

    def annotate(self, text: AnalyzedText) -> Iterable[Span]:
        for match in self.pattern.finditer(text.text):
            yield Span(match.start(), match.end(), match.lastgroup or "", 0.6, "known name (gazetteer)")


@hookimpl
def register_annotators(register, app: Flask) -> None:
    register(GazetteerAnnotator())
