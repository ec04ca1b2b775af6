"""exportspeed8: the cheap tests in front of a regex on every task say what the regex would."""

import re

from server.remote_texts import LINK, LINK_STARTS, looks_like_link


def test_link_starts_are_the_first_characters_of_link_prefixes() -> None:
    prefixes = re.match(r"\((.*?)\)", LINK.pattern).group(1).split("|")
    assert LINK_STARTS == {prefix.replace("\\", "")[0] for prefix in prefixes}


def test_looks_like_link_with_its_first_character_checked_first() -> None:
    for text in ("https://x.org/a.txt", "/data/upload/1/a.txt", "upload/a.txt", "s3://b/k", "gs://b/k",
                 "azure-blob://c/k", "", "h", "http", "Em Lisboa, a Meta", "s3:// b", "/", "Upload/a"):
        assert looks_like_link(text) == (LINK.match(text) is not None), text
