"""One exported example as a line of ``*.jsonl``: exactly the JSON of
``schemas.dataset.EXAMPLE_SCHEMA.dump`` (a test holds them equal), in a small
part of the time: marshmallow's per-field dispatch cost more than everything
else of a JSONL export together. It is msgspec's encoder, which writes the
spans (msgspec structs whose fields are the span schema's, in its order) as
they are, without a dict each: 40% less than building those dicts for orjson.
Apart from the schemas, so that a JSONL export does not import marshmallow.
"""

from __future__ import annotations

from typing import Any

import msgspec


class _Meta(msgspec.Struct, gc=False, omit_defaults=True):
    task_id: int
    anota_id: str
    source: str | None
    annotators: list[str]
    annotation_ids: list[int | None]
    split: str
    field: str | None = None  # only in an export of several labelled Texts


class _Line(msgspec.Struct, gc=False):
    """A line's keys, in the schema's order: a struct is made by position and
    its keys written from bytes msgspec keeps, where a dict's are looked up,
    stored and encoded anew at each line (4.2k instructions more an example)."""

    text: str
    spans: list[Any]
    claims: list[Any]
    sentiment: str | None
    choices: dict[str, Any]
    meta: _Meta


class _LineWithRelations(msgspec.Struct, gc=False):
    """A line of an example with relations (nearly never): ``relations`` before ``meta``, which comes last."""

    text: str
    spans: list[Any]
    claims: list[Any]
    sentiment: str | None
    choices: dict[str, Any]
    relations: list[dict[str, Any]]
    meta: _Meta


def encode_example(example: Any) -> bytes:
    """The JSON of ``EXAMPLE_SCHEMA.dump(example)``, compact, as UTF-8, fast,
    and one line for every reader (see _LINE_BREAKS)."""
    meta = _Meta(example.task_id, example.anota_id, example.source, example.annotators, example.annotation_ids,
                 example.split, example.field_key)
    if not example.extras:  # nearly always: the spans as they are, no relations
        line: _Line | _LineWithRelations = _Line(
            example.text,
            example.entities,  # spans
            example.claims,  # claims
            example.sentiment,
            example.other_choices,  # choices
            meta,
        )
    else:
        line = _line_with_extras(example, meta)
    encoded = _ENCODER.encode(line)
    # Their first bytes are looked for first (memchr): a search for all three
    # bytes cost 2% of a JSONL export, and most lines hold neither byte. Asked
    # as integers: ``b"\xe2" in encoded`` first tries the bytes as an integer,
    # and raises and clears a TypeError (about 1,900 instructions) each time.
    if 0xE2 in encoded or 0xC2 in encoded:
        for raw, escaped in _LINE_BREAKS:
            encoded = encoded.replace(raw, escaped)
    return encoded


def _line_with_extras(example: Any, meta: _Meta) -> _Line | _LineWithRelations:
    """The line of an example with notes, attributes or relations (``example.extras``): its spans with their
    notes and attributes, and ``relations`` where it has any."""
    plain = example.notes is None and example.attributes is None
    entities = example.entities if plain else example.noted_entities
    claims = example.claims if plain else example.noted_claims
    if example.relations is None:
        return _Line(example.text, entities, claims, example.sentiment, example.other_choices, meta)
    return _LineWithRelations(example.text, entities, claims, example.sentiment, example.other_choices,
                              relation_rows(example), meta)


def relation_rows(example: Any) -> list[dict[str, Any]]:
    """The example's relations as a JSONL line holds them: ``head`` and ``child`` the indices of their spans in
    ``spans``, or in ``claims`` where ``head_in``/``child_in`` says "claims"; ``labels``, ``direction``."""
    where = {span: ("spans", index) for index, span in enumerate(example.entities)}
    where.update({span: ("claims", index) for index, span in enumerate(example.claims)})
    rows = []
    for relation in example.relations or ():
        (head_in, head), (child_in, child) = where[relation.head], where[relation.child]
        row: dict[str, Any] = {"head": head, "child": child}
        if head_in == "claims":
            row["head_in"] = head_in
        if child_in == "claims":
            row["child_in"] = child_in
        row.update(labels=list(relation.labels), direction=relation.direction)
        rows.append(row)
    return rows


def encode_line_safe(value: Any) -> bytes:
    """``value``'s compact JSON as a line of ``encode_example`` writes it (a
    part of one rewritten: the annotators renamed at an export's end)."""
    encoded = _ENCODER.encode(value)
    for raw, escaped in _LINE_BREAKS:
        encoded = encoded.replace(raw, escaped)
    return encoded


_ENCODER = msgspec.json.Encoder()
# JSON leaves U+2028, U+2029 and U+0085 unescaped in a string, but Python's
# str.splitlines() (and JavaScript before ES2019) end a line at each: a JSONL
# line holding one is read as two broken halves. Escaped, it reads the same.
_LINE_BREAKS = ((b"\xe2\x80\xa8", b"\\u2028"), (b"\xe2\x80\xa9", b"\\u2029"), (b"\xc2\x85", b"\\u0085"))
