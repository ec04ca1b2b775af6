"""A plugin that contributes one of everything, to test each hook's plumbing."""

from server import hookimpl
from server.exporting.examples import Exporter
from server.sources import Document, Loader, read_text


class ReversedLinesLoader(Loader):
    """Reads ``.sample`` files, whose paragraphs are stored in reverse order."""

    name = "sample-loader"
    suffixes = (".sample",)

    def load(self, path, source):
        yield Document(source, "\n".join(reversed(read_text(path).splitlines())))


class SampleExporter(Exporter):
    name = "sample-format"
    description = "does nothing"

    def write(self, examples, folder, report):
        for _example in examples:
            pass


@hookimpl
def register_loaders(register, app):
    register(ReversedLinesLoader())


@hookimpl
def register_exporters(register):
    register(SampleExporter())


@hookimpl
def annotation_changed(event, app):
    app.extensions.setdefault("sample_events", []).append(event.annotation_id)
