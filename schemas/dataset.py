"""Dump schemas of exported examples: what one line of ``*.jsonl`` holds.

The same schemas load a line back (tests read exports through them), so they
keep marshmallow's default ``RAISE`` for unknown keys: the format is ours.

``encode_example`` writes exactly the JSON of ``EXAMPLE_SCHEMA.dump`` (a test
holds them equal) in a small part of the time: marshmallow's per-field
dispatch cost more than everything else of a JSONL export together. It is
msgspec's encoder, which writes the spans (msgspec structs whose fields are
the span schema's, in its order) as they are, without a dict each: 40% less
than building those dicts for orjson.
"""

from __future__ import annotations

from typing import Any

import msgspec
from marshmallow import Schema, fields


class SpanSchema(Schema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    label = fields.String(required=True)
    text = fields.String(required=True)


class ExampleMetaSchema(Schema):
    task_id = fields.Integer(required=True)
    anota_id = fields.String(required=True)
    source = fields.String(allow_none=True, required=True)
    annotators = fields.List(fields.String(), required=True)
    annotation_ids = fields.List(fields.Integer(allow_none=True), required=True)
    split = fields.String(required=True)


class ExampleSchema(Schema):
    """``{"text", "spans", "claims", "sentiment", "choices", "meta"}``: entity
    spans and claim spans apart, the ``sentiment`` choice, any other choice
    controls by name (and ``sentiment`` too when it holds several values;
    ``sentiment`` is then null rather than one of them)."""

    text = fields.String(required=True)
    spans = fields.List(fields.Nested(SpanSchema), required=True, attribute="entities")
    claims = fields.List(fields.Nested(SpanSchema), required=True)
    sentiment = fields.String(allow_none=True, required=True)
    choices = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), attribute="other_choices",
                          required=True)
    meta = fields.Method("dump_meta", deserialize="load_meta", required=True)

    def dump_meta(self, example: Any) -> dict[str, Any]:
        return EXAMPLE_META_SCHEMA.dump(example)

    def load_meta(self, value: Any) -> dict[str, Any]:
        return EXAMPLE_META_SCHEMA.load(value)


EXAMPLE_META_SCHEMA = ExampleMetaSchema()
EXAMPLE_SCHEMA = ExampleSchema()


def encode_example(example: Any) -> bytes:
    """The JSON of ``EXAMPLE_SCHEMA.dump(example)``, compact, as UTF-8, fast,
    and one line for every reader (see _LINE_BREAKS)."""
    encoded = _ENCODER.encode({
        "text": example.text,
        "spans": example.entities,
        "claims": example.claims,
        "sentiment": example.sentiment,
        "choices": example.other_choices,
        "meta": {
            "task_id": example.task_id,
            "anota_id": example.anota_id,
            "source": example.source,
            "annotators": example.annotators,
            "annotation_ids": example.annotation_ids,
            "split": example.split,
        },
    })
    # Their first bytes are looked for first (memchr): a search for all three
    # bytes cost 2% of a JSONL export, and most lines hold neither byte.
    if b"\xe2" in encoded or b"\xc2" in encoded:
        for raw, escaped in _LINE_BREAKS:
            encoded = encoded.replace(raw, escaped)
    return encoded


_ENCODER = msgspec.json.Encoder()
# JSON leaves U+2028, U+2029 and U+0085 unescaped in a string, but Python's
# str.splitlines() (and JavaScript before ES2019) end a line at each: a JSONL
# line holding one is read as two broken halves. Escaped, it reads the same.
_LINE_BREAKS = ((b"\xe2\x80\xa8", b"\\u2028"), (b"\xe2\x80\xa9", b"\\u2029"), (b"\xc2\x85", b"\\u0085"))


class ChoiceRowSchema(Schema):
    """One CSV row per task and choice control."""

    task_id = fields.Integer()
    anota_id = fields.String()
    split = fields.String()
    control = fields.String()
    choice = fields.String()
    annotators = fields.String()
    text = fields.String()


class SpanRowSchema(Schema):
    """One CSV row per span (claims and entities, told apart by ``kind``); its
    ``annotators`` (last: columns read by position keep their place) tell a
    task's rows of one annotation from another's under ``--policy all``."""

    task_id = fields.Integer()
    anota_id = fields.String()
    split = fields.String()
    kind = fields.String()
    label = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    span = fields.String()
    annotators = fields.String()


CHOICE_ROW_SCHEMA = ChoiceRowSchema()
SPAN_ROW_SCHEMA = SpanRowSchema()
