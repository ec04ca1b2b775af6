"""Anota: a Label Studio ML backend whose pre-annotators are pluggy plugins.

Plugins write ``from server import hookimpl``.
"""

from server.hookspecs import hookimpl  # noqa: I001  (first: plugins import it while the app loads)
from server.annotators import Annotator, AnnotatorError, Choice, LabelSpec, Span
from server.app import create_app

__all__ = ["Annotator", "AnnotatorError", "Choice", "LabelSpec", "Span", "create_app", "hookimpl"]
