"""A plugin with a misspelt hook name."""

from server import hookimpl


@hookimpl
def register_annotator(register):  # missing the final "s"
    pass
