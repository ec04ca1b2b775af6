"""Registrations a plugin writer gets wrong: each is rejected on its own, the
plugin's good annotator still loads and no built-in is displaced."""

from server import Annotator, LabelSpec, hookimpl
from server.exporting.examples import Exporter
from server.sources import Document, Loader

ORG = [LabelSpec("ORG", "span")]


class Quiet(Annotator):
    def annotate(self, text):
        return []


class ForgetsTheFields(Annotator):
    def __init__(self):  # never calls the dataclass's __init__: no name, no labels
        self.threshold = 0.5


class TakesText(Loader):
    name = "takes-text"
    suffixes = (".txt",)  # the built-in text loader's

    def load(self, path, source):
        yield Document(source, "not the file's text")


class UpperCaseSuffix(Loader):
    name = "upper-case"
    suffixes = ("SRT",)  # no dot, upper case: would never match a file

    def load(self, path, source):
        yield Document(source, "subtitles")


class SuffixesRaise(Loader):
    name = "suffixes-raise"

    @property
    def suffixes(self):
        raise RuntimeError("suffixes are not ready")

    def load(self, path, source):
        yield Document(source, "never")


class TakesJsonl(Exporter):
    name = "jsonl"  # the built-in exporter's
    description = "not the real one"

    def write(self, examples, folder, report):
        pass


@hookimpl
def register_annotators(register):
    register(Quiet(name="string-labels", version="1", labels=["ORG"]))
    register(Quiet(name="label-kind", version="1", labels=[LabelSpec("ORG", "entity")]))
    register(Quiet(name="number-label", version="1", labels=[LabelSpec(5, "span")]))
    register(Quiet(name="number-hint", version="1", labels=[LabelSpec("GADGET", "span", 5)]))
    register(Quiet(name="number-color", version="1", labels=[LabelSpec("GADGET", "span", color=0x00FF00)]))
    register(Quiet(name="list-settings", version="1", labels=ORG, settings=["threshold"]))
    register(ForgetsTheFields())
    register(Quiet(name="still-registered", version="1", labels=ORG))


@hookimpl
def register_loaders(register):
    register(TakesText())
    register(UpperCaseSuffix())
    register(SuffixesRaise())


@hookimpl
def register_exporters(register):
    register(TakesJsonl())
