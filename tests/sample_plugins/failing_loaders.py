"""Loaders that fail on their files in the ways a plugin's bug does: each
costs only its own file, and shows in /metrics and /plugins."""

import sys

from server import hookimpl
from server.sources import Document, Loader


class Raises(Loader):
    name = "raises"
    suffixes = (".boom",)

    def load(self, path, source):
        raise KeyError("no parser for this dialect")


class Exits(Loader):
    name = "exits"
    suffixes = (".exit",)

    def load(self, path, source):
        sys.exit(3)


class YieldsText(Loader):
    name = "yields-text"
    suffixes = (".odd",)

    def load(self, path, source):
        yield path.read_text(encoding="utf-8")  # a str, not a Document


class YieldsNoText(Loader):
    name = "yields-no-text"
    suffixes = (".empty",)

    def load(self, path, source):
        yield Document(source, None)


@hookimpl
def register_loaders(register):
    for loader in (Raises(), Exits(), YieldsText(), YieldsNoText()):
        register(loader)
