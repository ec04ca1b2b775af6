"""Dump schemas of exported examples: what one line of ``*.jsonl`` holds,
and one row of each CSV file.

The same schemas load a line back (tests read exports through them), so they
keep marshmallow's default ``RAISE`` for unknown keys: the format is ours.
A JSONL export writes its lines with :func:`schemas.example_encoding.encode_example`,
which writes exactly the JSON of ``EXAMPLE_SCHEMA.dump`` (a test holds them equal).
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, post_dump

from schemas.example_encoding import relation_rows


class SpanSchema(Schema):
    """A span; ``notes`` only on a span that has any: what annotators typed in
    its region's meta field (Label Studio's ``meta.text``), each note once;
    ``attributes`` only on a span that has any: the answers of perRegion
    controls about it, by control (a TextArea's texts and Choices' values as
    lists of strings, a Rating's or a Number's as a number)."""

    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    label = fields.String(required=True)
    text = fields.String(required=True)
    notes = fields.List(fields.String())
    attributes = fields.Dict(keys=fields.String(), values=fields.Raw())

    @post_dump
    def without_empty(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        """A span with attributes and no notes (or notes and none) is written without the empty one."""
        for key in ("notes", "attributes"):
            if key in data and not data[key]:
                del data[key]
        return data


class ExampleMetaSchema(Schema):
    task_id = fields.Integer(required=True)
    anota_id = fields.String(required=True)
    source = fields.String(allow_none=True, required=True)
    annotators = fields.List(fields.String(), required=True)
    annotation_ids = fields.List(fields.Integer(allow_none=True), required=True)
    split = fields.String(required=True)
    # The data key of the example's text: only when a task's several labelled Texts are each an example.
    field = fields.String(attribute="field_key")

    @post_dump
    def without_field(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        if data.get("field") is None:
            data.pop("field", None)
        return data


class RelationSchema(Schema):
    """A relation between two spans of the line: ``head`` (Label Studio's ``from_id``) and ``child`` (its
    ``to_id``) index ``spans``, or ``claims`` where ``head_in``/``child_in`` says so; its labels; Label
    Studio's direction ("right": head to child, "left": child to head, "bi": both)."""

    head = fields.Integer(required=True)
    child = fields.Integer(required=True)
    head_in = fields.String(validate=lambda where: where == "claims")
    child_in = fields.String(validate=lambda where: where == "claims")
    labels = fields.List(fields.String(), required=True)
    direction = fields.String(required=True, validate=lambda direction: direction in ("right", "left", "bi"))


class ExampleSchema(Schema):
    """``{"text", "spans", "claims", "sentiment", "choices", "meta"}``: entity
    spans and claim spans apart, the ``sentiment`` choice, any other choice
    controls by name (and ``sentiment`` too when it holds several values;
    ``sentiment`` is then null rather than one of them)."""

    text = fields.String(required=True)
    # Dumped with their notes (Example.noted_entities), loaded as ``entities`` and ``claims``.
    spans = fields.Method("dump_entities", deserialize="load_spans", required=True, attribute="entities")
    claims = fields.Method("dump_claims", deserialize="load_spans", required=True)
    sentiment = fields.String(allow_none=True, required=True)
    choices = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), attribute="other_choices",
                          required=True)
    # Only on an example with relations: each its spans' indices (schemas.example_encoding.relation_rows).
    relations = fields.Method("dump_relations", deserialize="load_relations")
    meta = fields.Method("dump_meta", deserialize="load_meta", required=True)

    def dump_relations(self, example: Any) -> list[dict[str, Any]] | None:
        return relation_rows(example) if example.relations is not None else None

    def load_relations(self, value: Any) -> list[dict[str, Any]]:
        return RELATIONS_SCHEMA.load(value)

    @post_dump
    def without_relations(self, data: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
        if data.get("relations") is None:
            data.pop("relations", None)
        return data

    def dump_entities(self, example: Any) -> list[dict[str, Any]]:
        return SPANS_SCHEMA.dump(example.noted_entities)

    def dump_claims(self, example: Any) -> list[dict[str, Any]]:
        return SPANS_SCHEMA.dump(example.noted_claims)

    def load_spans(self, value: Any) -> list[dict[str, Any]]:
        return SPANS_SCHEMA.load(value)

    def dump_meta(self, example: Any) -> dict[str, Any]:
        return EXAMPLE_META_SCHEMA.dump(example)

    def load_meta(self, value: Any) -> dict[str, Any]:
        return EXAMPLE_META_SCHEMA.load(value)


SPANS_SCHEMA = SpanSchema(many=True)
RELATIONS_SCHEMA = RelationSchema(many=True)
EXAMPLE_META_SCHEMA = ExampleMetaSchema()
EXAMPLE_SCHEMA = ExampleSchema()


class ChoiceRowSchema(Schema):
    """One CSV row per task and choice control."""

    task_id = fields.Integer()
    anota_id = fields.String()
    split = fields.String()
    control = fields.String()
    choice = fields.String()
    annotators = fields.String()
    text = fields.String()
    field = fields.String()  # a column only in an export of several labelled Texts (Example.field)


class SpanRowSchema(Schema):
    """One CSV row per span (claims and entities, told apart by ``kind``); its
    ``annotators`` (last: columns read by position keep their place) tell a
    task's rows of one annotation from another's under ``--policy all``; then
    its ``notes`` (empty without any), joined as ``annotators`` are."""

    task_id = fields.Integer()
    anota_id = fields.String()
    split = fields.String()
    kind = fields.String()
    label = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    span = fields.String()
    annotators = fields.String()
    notes = fields.String()
    field = fields.String()  # as in ChoiceRowSchema


CHOICE_ROW_SCHEMA = ChoiceRowSchema()
SPAN_ROW_SCHEMA = SpanRowSchema()
