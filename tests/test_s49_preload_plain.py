"""s49-preload-plain: the near-duplicate search indexes the band keys one text of a batch alone holds at the batch's
end (with the sketches of the tasks kept during it), and only the keys two texts share as the batch goes; the matches
must be those of indexing every key as it came."""

from __future__ import annotations

from server.analysis import normalise
from server.batch_words import batch_words
from server.near_duplicates import BatchNearDuplicates, NearDuplicateIndex, batch_sketches

ORIGINALS = [
    "A prefeitura anunciou ontem a reforma de quatro praças no centro da cidade.",
    "The harbour authority said the new ferry terminal will open next spring.",
    "Os vereadores votaram o orçamento da saúde numa sessão que durou seis horas.",
]
# Each original with one word changed: a near-duplicate of it.
CHANGED = [
    "A prefeitura anunciou ontem a reforma de cinco praças no centro da cidade.",
    "The harbour authority said the new ferry terminal will open next summer.",
    "Os vereadores votaram o orçamento da educação numa sessão que durou seis horas.",
]


class Cleaner:
    """The preload's near-duplicate side in small: a text without a match is kept as the next task."""

    def __init__(self) -> None:
        self.index = NearDuplicateIndex(0.7)
        self.kept = 0

    def take(self, texts: list[str]) -> list[int | None]:
        """The task each text of one batch was matched to (None: kept)."""
        near = BatchNearDuplicates(self.index, batch_sketches(batch_words([normalise(text) for text in texts])))
        matches: list[int | None] = []
        for number in range(len(texts)):
            match = near.match(number)
            matches.append(None if match is None else match[0])
            if match is None:
                near.add(number, self.kept)
                self.kept += 1
        self.index.end_batch()
        return matches


def test_a_near_duplicate_in_the_same_batch_is_found_through_the_keys_both_hold() -> None:
    assert Cleaner().take([*ORIGINALS, *CHANGED]) == [None, None, None, 0, 1, 2]


def test_keys_one_text_alone_held_are_indexed_at_the_batch_end_with_their_sketches() -> None:
    cleaner = Cleaner()
    assert cleaner.take(ORIGINALS) == [None, None, None]
    # Every key of these was held by one text alone: none waited in the batch's dict.
    assert not cleaner.index.recent and not cleaner.index.later
    assert cleaner.take(CHANGED) == [0, 1, 2]
    assert cleaner.take(["Uma frase nova sobre o tempo, que não repete nenhuma das anteriores aqui."]) == [None]
    assert sum(len(keys) for keys, _tasks in cleaner.index.runs) > 0


def test_a_text_left_unkept_indexes_none_of_its_keys() -> None:
    cleaner = Cleaner()
    cleaner.take([ORIGINALS[0], CHANGED[0]])  # the copy is matched, not kept: the index holds the first's keys only
    assert cleaner.take([CHANGED[0]]) == [0]
    assert cleaner.kept == 1
