"""bench/preload.py's corpus: the sentences it draws pages from."""

from __future__ import annotations

from bench.preload import MIN_POOL, sentence_pools


def test_the_default_text_source_the_projects_fixtures_gives_pools_of_sentences():
    # fixtures/ holds malformed exports on purpose, one a record nested past the JSON decoder's
    # recursion limit: a line that is no record is skipped, not the end of the run.
    pools = sentence_pools(None)
    assert pools and all(len(sentence.split()) >= 6 for pool in pools for sentence in pool)
    assert sum(map(len, pools)) >= MIN_POOL
