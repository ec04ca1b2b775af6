"""A plugin module that calls sys.exit() while it is imported."""

import sys

sys.exit("this plugin is not for this machine")
