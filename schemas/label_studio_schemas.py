"""marshmallow load schemas for Label Studio tasks: the way of a task that
:func:`schemas.label_studio_export.load_task`'s fast paths do not take. They
decide what such a task holds and word every error (the fast paths accept a
strict subset of what they accept and build the same objects, see
``tests/test_export_schemas.py``). ``load_task`` imports this module on its
first such task only: a plain export never needs marshmallow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from schemas.label_studio_export import (
    CHOICES_TYPE,
    OLD_EXPORT,
    RELATION_TYPE,
    SPAN_TYPE,
    TAXONOMY_TYPE,
    Annotation,
    Prediction,
    Region,
    Task,
    TaskError,
    _embedded_prediction,
    beyond_64_bits,
    build_annotation,
    build_region,
    described,
    of_a_region,
    one_name_per_user,
    relation_region,
    user_object_annotator,
)


def load_with_schemas(raw: dict[str, Any], location: str) -> Task:
    """Load one task object through the schemas, or raise :class:`TaskError`."""
    try:
        return TASK_SCHEMA.load(raw)
    except ValidationError as exc:
        problems = [(path, with_what_was_found(raw, path, message)) for path, message in flatten_errors(exc.messages)]
        raise TaskError(raw.get("id", "?"), location, problems) from None


# marshmallow's type errors, which say what was expected and not what the file holds: worded on with it.
GENERIC_TYPE_ERRORS = frozenset(("Not a valid string.", "Not a valid integer.", "Not a valid number.",
                                 "Not a valid list.", "Not a valid mapping type.", "Not a user id or a user object.",
                                 "Not a finite number."))
_PATH_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def with_what_was_found(raw: dict[str, Any], path: str, message: str) -> str:
    """``message`` about the value at ``path`` in ``raw``, saying what that
    value is when the message is a generic type error: ``Not a valid
    mapping type but a list.``, ``Not a valid integer but a string ('2').``"""
    if message not in GENERIC_TYPE_ERRORS:
        return message
    value: Any = raw
    for key, index in _PATH_STEP.findall("" if path == "$" else path):
        try:
            value = value[int(index)] if index else value[key]
        except (KeyError, IndexError, TypeError):  # not where the path says (cannot happen): said as it was
            return message
    return f"{message[:-1]} but {described(value)}."


class LabelStudioSchema(Schema):
    # marshmallow's "Invalid input type." says not which: worded as the Dict fields word it.
    error_messages = {"type": "Not a valid mapping type."}

    class Meta:
        unknown = EXCLUDE


class Integer64(fields.Integer):
    """A strict integer, as Label Studio's ids and offsets are (64-bit). orjson
    reads an integer beyond 64 bits as a float: such a one is said to be that,
    not "Not a valid integer" shown as ``1.1805916207174113e+21``."""

    default_error_messages = {"beyond": "Not a valid integer but a number beyond 64 bits: Label Studio's ids and "
                                        "offsets are 64-bit integers."}

    def _validated(self, value: Any) -> int:
        if beyond_64_bits(value):
            raise self.make_error("beyond", input=value)
        return super()._validated(value)


class Score(fields.Float):
    """A region's score: a JSON number, finite. marshmallow's Float also
    reads a string through ``float()`` (``" 0.5"``, ``"1_000"``, ``"nan"``):
    a guess. A string holding a JSON number's text is read as that number
    before the schemas run, as a reported repair (``_repair_regions``)."""

    default_error_messages = {"special": "Not a finite number."}

    def _validated(self, value: Any) -> float:
        if isinstance(value, str):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class ListField(fields.List):
    """A list, or an error that says when it is a string holding one in JSON:
    a script that ran ``json.dumps`` on a list already in JSON (``"result":
    "[{...}]"``) wrote it so, and "Not a valid list." hid what to do."""

    default_error_messages = {"encoded_twice": "Not a valid list but a string holding JSON text (the list was "
                                               "encoded twice): decode it."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and holds_json_list(value):
            raise self.make_error("encoded_twice")
        return super()._deserialize(value, attr, data, **kwargs)


class MappingField(fields.Dict):
    """An object, or an error that says when it is a string holding one in
    JSON (``"data"`` given as the text ``'{"text": ...}'``: encoded twice, as ListField says of a list)."""

    default_error_messages = {"encoded_twice": "Not a valid mapping type but a string holding JSON text (the object "
                                               "was encoded twice): decode it."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and holds_json(value, "{", dict):
            raise self.make_error("encoded_twice")
        return super()._deserialize(value, attr, data, **kwargs)


def holds_json_list(value: str) -> bool:
    """Whether ``value`` is a JSON list's text (checked on an error's way only)."""
    return holds_json(value, "[", list)


def holds_json(value: str, opening: str, kind: type) -> bool:
    """Whether ``value`` is the JSON text of a ``kind`` (a list or a dict), which opens with ``opening``."""
    if not value.lstrip().startswith(opening):
        return False
    try:
        return type(orjson.loads(value)) is kind
    except orjson.JSONDecodeError:
        return False


class RegionMetaField(fields.Dict):
    """A region's ``meta``: an object whose ``text``, when there, is the
    region's note, a list of strings (Label Studio's meta field), or an ML
    backend's explanation, a string (RegionMeta)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        meta = super()._deserialize(value, attr, data, **kwargs)
        if meta.get("text") is not None and not isinstance(meta["text"], str):
            try:
                NOTES_FIELD.deserialize(meta["text"])
            except ValidationError as exc:
                raise ValidationError({"text": exc.messages}) from exc
        return meta


NOTES_FIELD = ListField(fields.String())


# marshmallow's "Shorter than minimum length 1." said neither that the value is empty nor what it should hold.
NOT_EMPTY_LIST = validate.Length(min=1, error="Not a valid list of values but an empty list: give at least one.")
NOT_EMPTY_STRING = validate.Length(min=1, error="Not a valid value but an empty string ('').")


class SpanValueSchema(LabelStudioSchema):
    # Offsets may be missing on regions of HyperText-like objects; the exporter
    # reports those instead of failing the whole file.
    start = Integer64(strict=True, load_default=None, allow_none=True)
    end = Integer64(strict=True, load_default=None, allow_none=True)
    text = fields.String(load_default=None, allow_none=True)
    labels = ListField(fields.String(validate=NOT_EMPTY_STRING), required=True, validate=NOT_EMPTY_LIST)


class ChoicesValueSchema(LabelStudioSchema):
    choices = ListField(fields.String(validate=NOT_EMPTY_STRING), required=True, validate=NOT_EMPTY_LIST)


class TaxonomyValueSchema(LabelStudioSchema):
    """``{"taxonomy": [["Sentiment", "Positive"], ...]}``: each selected path
    from the top of the tree down, as label-studio-sdk's TaxonomyTag reads it."""

    taxonomy = ListField(
        ListField(fields.String(validate=NOT_EMPTY_STRING), validate=NOT_EMPTY_LIST),
        required=True, validate=NOT_EMPTY_LIST)


class RegionValue(fields.Field):
    """``value`` is validated by the schema of the region's ``type``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, dict):
            raise ValidationError("Not a valid mapping type.")
        region_type = data.get("type") if isinstance(data, dict) else None
        # A ``type`` that is not a string is the type field's error; a list or an object cannot even be looked up.
        schema = VALUE_SCHEMAS.get(region_type) if isinstance(region_type, str) else None
        if region_type == TAXONOMY_TYPE and of_a_region(value):  # not exported: not checked
            return value
        return schema.load(value) if schema else value


class RegionSchema(LabelStudioSchema):
    id = fields.Raw(load_default=None, allow_none=True)
    type = fields.String(required=True)
    from_name = fields.String(load_default=None, allow_none=True)
    to_name = fields.Raw(load_default=None, allow_none=True)  # checked for span regions only: see make_region
    value = RegionValue(load_default=dict)
    score = Score(load_default=None, allow_none=True)
    meta = RegionMetaField(load_default=dict, allow_none=True)
    # A relation's: its ends, named where it is said left out (any JSON: only shown).
    from_id = fields.Raw(load_default=None, allow_none=True)
    to_id = fields.Raw(load_default=None, allow_none=True)
    direction = fields.Raw(load_default=None, allow_none=True)
    labels = fields.Raw(load_default=None, allow_none=True)

    @post_load
    def make_region(self, data: dict[str, Any], **_kwargs: Any) -> Region:
        if data["type"] == RELATION_TYPE:
            return relation_region(data)
        if data["type"] in VALUE_SCHEMAS and not data["from_name"]:  # "" is there, and not missing: said so
            raise ValidationError({"from_name": ["Not a valid control name but an empty string ('')."
                                                 if data["from_name"] == "" else "Missing data for required field."]})
        if data["type"] in VALUE_SCHEMAS and not data["value"]:  # absent: ``value: {}`` fails its own schema
            raise ValidationError({"value": ["Missing data for required field."]})
        if data["type"] == SPAN_TYPE and not isinstance(data["to_name"], (str, type(None))):
            raise ValidationError({"to_name": ["Not a valid string."]})
        return build_region(data["type"], data["from_name"], data["value"], data["id"], data["score"], data["meta"],
                            data["to_name"])


class PredictionSchema(LabelStudioSchema):
    id = Integer64(strict=True, load_default=None, allow_none=True)
    model_version = fields.String(load_default="", allow_none=True)
    result = ListField(fields.Nested(RegionSchema), load_default=list, allow_none=True)

    @post_load
    def make_prediction(self, data: dict[str, Any], **_kwargs: Any) -> Prediction:
        return Prediction(data["id"], data["model_version"] or "unknown", data["result"] or [])


class PredictionOrId(fields.Field):
    """A plain export lists prediction ids; a snapshot lists whole predictions."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        if not isinstance(value, dict):
            raise ValidationError(f"Not a prediction object or a prediction id but {described(value)}.")
        return PREDICTION_SCHEMA.load(value)


class StrictBoolean(fields.Field):
    """``true`` or ``false`` (or null), nothing else. marshmallow's Boolean
    also reads "false", "off", 0 and "1": a guess, where a start offset of
    ``"5"`` is an error, and one that decides whether an annotation is left
    out. Label Studio writes JSON booleans; a string or a number there means
    the file was rewritten by another tool, which the user should know."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if type(value) is not bool:
            raise ValidationError(f"Not a boolean but {described(value)}: Label Studio writes true or false")
        return value


class AnnotatorField(fields.Field):
    """``completed_by`` is a user id or a user object: loaded as the
    annotator's name and the user id beside an email (user_object_annotator)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        user_id = None
        if isinstance(value, dict):
            value, user_id = user_object_annotator(value.get("email"), value.get("id"))
            if value is None:
                raise ValidationError("Not a user id or a user object: an object without an email or id.")
        if isinstance(value, float):  # orjson reads an integer beyond 64 bits as a float
            raise ValidationError("Not a user id but a number with a fraction or beyond 64 bits: Label Studio's "
                                  "user ids are 64-bit integers.")
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValidationError("Not a user id or a user object.")
        return str(value), user_id


class StoredUserField(AnnotatorField):
    """A webhook's author as Anota stores it (one string): the user id when
    there is one, else the name. Label Studio's webhooks send the id, so a user
    object of the same user, from another sender, is stored as the same user."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        name, user_id = super()._deserialize(value, attr, data, **kwargs)
        return name if user_id is None else user_id


class AnnotationSchema(LabelStudioSchema):
    id = Integer64(strict=True, load_default=None, allow_none=True)
    result = ListField(fields.Nested(RegionSchema), load_default=None, allow_none=True)
    was_cancelled = StrictBoolean(load_default=False, allow_none=True)
    ground_truth = StrictBoolean(load_default=False, allow_none=True)
    completed_by = AnnotatorField(load_default=None, allow_none=True)
    created_at = fields.String(load_default="", allow_none=True)
    updated_at = fields.String(load_default="", allow_none=True)
    prediction = fields.Raw(load_default=None, allow_none=True)

    @post_load
    def make_annotation(self, data: dict[str, Any], **_kwargs: Any) -> Annotation:
        try:
            prediction = _embedded_prediction(data["prediction"], PREDICTION_SCHEMA.load)
        except ValidationError as exc:
            raise ValidationError({"prediction": exc.messages}) from exc
        annotator, user_id = data["completed_by"] or (None, None)
        return build_annotation(data, data["result"], annotator, prediction, user_id)


class TaskSchema(LabelStudioSchema):
    id = Integer64(strict=True, required=True)
    data = MappingField(keys=fields.String(), required=True)
    meta = fields.Dict(load_default=dict, allow_none=True)
    annotations = ListField(fields.Nested(AnnotationSchema), load_default=list, allow_none=True)
    predictions = ListField(PredictionOrId(allow_none=True), load_default=list, allow_none=True)
    # Not read: without it, such a task would be exported as one without annotations.
    completions = fields.Raw(load_default=None)

    @post_load
    def make_task(self, data: dict[str, Any], **_kwargs: Any) -> Task:
        if data["completions"] and not data["annotations"]:
            raise ValidationError({"completions": [OLD_EXPORT]})
        return Task(
            id=data["id"],
            data=data["data"],
            meta=data["meta"] or {},
            annotations=one_name_per_user(data["annotations"] or []),
            predictions=[p for p in data["predictions"] or [] if p is not None],
        )


def _null_said_as_a_type_error(field: fields.Field) -> None:
    """Word a ``null`` the field refuses as its type error, which
    with_what_was_found ends with what was found (``Not a valid list but
    null.``): marshmallow's "Field may not be null." said not what was
    expected there. The same for the fields inside a list."""
    if isinstance(field, (fields.Nested, RegionValue)):
        field.error_messages["null"] = "Not a valid mapping type."
    elif "invalid" in field.error_messages:
        field.error_messages["null"] = field.error_messages["invalid"]
    if isinstance(field, fields.List):
        _null_said_as_a_type_error(field.inner)


# Before any schema is made: a schema copies its class's fields (a Nested one, when first used).
for _schema in (TaskSchema, AnnotationSchema, PredictionSchema, RegionSchema, SpanValueSchema, ChoicesValueSchema,
                TaxonomyValueSchema):
    for _field in _schema._declared_fields.values():
        _null_said_as_a_type_error(_field)
_null_said_as_a_type_error(NOTES_FIELD)

VALUE_SCHEMAS = {SPAN_TYPE: SpanValueSchema(), CHOICES_TYPE: ChoicesValueSchema(),
                 TAXONOMY_TYPE: TaxonomyValueSchema()}
PREDICTION_SCHEMA = PredictionSchema()
TASK_SCHEMA = TaskSchema()


def flatten_errors(messages: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """marshmallow's nested error dict as ``(json path, message)`` pairs."""
    if isinstance(messages, dict):
        for key, value in messages.items():
            if key == "_schema":
                yield from flatten_errors(value, path)
            elif isinstance(key, int):
                yield from flatten_errors(value, f"{path}[{key}]")
            else:
                yield from flatten_errors(value, f"{path}.{key}" if path else str(key))
    elif isinstance(messages, list) and all(isinstance(item, str) for item in messages):
        yield path or "$", " ".join(messages)
    elif isinstance(messages, list):
        for item in messages:
            yield from flatten_errors(item, path)
    else:
        yield path or "$", str(messages)
