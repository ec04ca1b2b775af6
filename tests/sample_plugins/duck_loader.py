"""A loader with a name, suffixes and load() that does not subclass Loader."""

from server import hookimpl
from server.sources import Document


class DuckLoader:
    name = "duck"
    suffixes = (".duck",)

    def load(self, path, source):
        yield Document(source, path.read_text(encoding="utf-8"))


@hookimpl
def register_loaders(register):
    register(DuckLoader())
