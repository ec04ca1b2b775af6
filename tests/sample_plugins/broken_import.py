"""A plugin module that fails to import."""

raise ImportError("this plugin cannot be imported")
