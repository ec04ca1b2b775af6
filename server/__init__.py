"""Anota: a Label Studio ML backend whose pre-annotators are pluggy plugins.

Plugins write ``from server import hookimpl``. ``create_app`` is imported on
first use: commands that need no app (``anota export``) then load neither the
app nor SQLAlchemy nor label-studio-sdk.
"""

from typing import Any

from server.hookspecs import hookimpl  # noqa: I001  (first: plugins import it while the app loads)
from server.annotators import ANY_LANGUAGE, Annotator, AnnotatorError, Choice, LabelSpec, Span

__all__ = ["ANY_LANGUAGE", "Annotator", "AnnotatorError", "Choice", "LabelSpec", "Span", "create_app", "hookimpl"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from server.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
