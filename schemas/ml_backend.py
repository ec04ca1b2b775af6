"""Load schemas for the bodies Label Studio sends to an ML backend.

Label Studio adds keys over time, so unknown keys are excluded, not rejected.
The predict schema stays shallow on purpose: a task is any object whose ``data``
is an object; what the text key is depends on the labeling config, and is
checked there.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Required, TypedDict, Union

import msgspec
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from schemas.label_studio_schemas import Integer64, StoredUserField, StrictBoolean


class LabelStudioSchema(Schema):
    class Meta:
        unknown = EXCLUDE


class JSONObjectOrString(fields.Field):
    """``extra_params`` arrives as an object, a JSON string or null."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip() else None
            except json.JSONDecodeError as exc:
                raise ValidationError("Not a JSON object or a JSON string.") from exc
        if value is not None and not isinstance(value, dict):
            raise ValidationError("Not a JSON object.")
        return value


class SetupSchema(LabelStudioSchema):
    project = fields.String(load_default=None, allow_none=True)
    schema = fields.String(required=True, validate=validate.Length(min=1))
    hostname = fields.String(load_default=None, allow_none=True)
    access_token = fields.String(load_default=None, allow_none=True, load_only=True)
    extra_params = JSONObjectOrString(load_default=None, allow_none=True)


class Tasks(fields.Field):
    """A non-empty list of task objects, each with an object ``data``.

    Checked in plain Python rather than through a nested schema per task: a
    /predict body may carry hundreds of tasks, and a nested schema cost more
    than the whole rest of the request. Tasks are passed on as they came (the
    bodies Label Studio sends take ``plain_predict_body``, which keeps of each
    task what /predict reads).
    """

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[dict]:
        if not isinstance(value, list):
            raise ValidationError("Not a valid list.")
        if not value:
            raise ValidationError("At least one task is required.")
        errors: dict[int, dict[str, list[str]]] = {}
        for index, task in enumerate(value):
            if not isinstance(task, dict):
                errors[index] = {"_schema": ["Not a task object."]}
            elif not isinstance(task.get("data", {}), dict):
                errors[index] = {"data": ["Not a valid mapping type."]}
        if errors:
            raise ValidationError(errors)
        return value


class ContextSchema(LabelStudioSchema):
    # null when the annotator has drawn nothing yet (as an empty list is)
    result = fields.List(fields.Dict(), load_default=list, allow_none=True)


class ParamsSchema(LabelStudioSchema):
    context = fields.Nested(ContextSchema, load_default=None, allow_none=True)


class PredictSchema(LabelStudioSchema):
    tasks = Tasks(required=True)
    project = fields.String(load_default=None, allow_none=True)
    # Absent only from hand-made requests: the project's config from /setup is used.
    label_config = fields.String(load_default=None, allow_none=True)
    params = fields.Nested(ParamsSchema, load_default=dict)


# What /predict reads of a task (``Predictor.analyze``, ``RemoteTexts.resolve``): Label Studio's task objects carry
# a score of other keys (dates, counts, annotations), which its plain path does not build.
# Ids, projects and parts within 64 bits, as orjson reads them: orjson makes a larger integer a float, msgspec
# keeps it exact, so such a value (and a list or object there) is left to orjson and the schema.
_Int64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]
_Scalar = Union[None, bool, _Int64, float, str]


class _PlainMeta(TypedDict, total=False):
    language: Any  # a language only as a string (``language_code``)
    part: _Scalar
    parts: _Scalar


class _PlainTask(TypedDict, total=False):
    id: _Scalar
    data: dict[str, Any]  # its texts only as strings (``object_text``, ``language_code``)
    meta: Union[_PlainMeta, None]
    project: _Scalar


class _PlainParams(TypedDict, total=False):
    context: None  # an annotator's context is the schema's to check


class _PlainBody(TypedDict, total=False):
    tasks: Required[list[_PlainTask]]
    project: Union[str, None]
    label_config: Union[str, None]
    params: _PlainParams


_PLAIN_BODY = msgspec.json.Decoder(_PlainBody)


def plain_predict_body(raw: bytes) -> dict[str, Any] | None:
    """The /predict body ``raw`` as ``PredictSchema`` loads it, for the bodies
    Label Studio sends; None for every other (an annotator's context, a wrong
    type, what is not JSON), which the schema decides, wording every error.

    The schema's deep call chain, run cold between requests, cost about 80 us
    of a /predict on 3 tasks; and of each task only what /predict reads is
    decoded (msgspec, into plain dicts): orjson's whole body was about a
    quarter of a 100-task request's instructions, this three fifths of that,
    and the keys not built are not freed either.
    """
    try:
        body = _PLAIN_BODY.decode(raw)
    except (msgspec.MsgspecError, RecursionError):  # msgspec's nesting limit is Python's: orjson words it
        return None
    if not body["tasks"]:
        return None
    return {"tasks": body["tasks"], "project": body.get("project"), "label_config": body.get("label_config"),
            "params": {"context": None} if "params" in body else {}}


class IdOrObject(fields.Field):
    """A project, or a bulk annotation's task, as Label Studio sends it: its
    object, whose ``id`` is an integer, or that integer. Read leniently, a
    string ``"12"`` was taken as 12 and ``12.5`` as no id at all (the
    annotation stored without its project, left out of ``--from-db
    --project``): another sender's, refused as an annotation's id is."""

    _id = Integer64(strict=True)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, dict):
            if value.get("id") is not None:
                try:
                    self._id.deserialize(value["id"])
                except ValidationError as exc:
                    raise ValidationError({"id": exc.messages}) from None
        elif value is not None:
            self._id.deserialize(value)
        return value


class AnnotationSchema(LabelStudioSchema):
    """An annotation of a webhook body. Its flags and annotator are checked as
    the export of a file checks them (the same fields): Label Studio sends
    ``true`` or ``false`` and a user id or object, so anything else came from
    another sender, which is told at once (a 400) rather than have a guess
    stored ("yes" read as true decided whether the annotation was exported)
    that only the export, maybe weeks later, could report. Null flags are
    stored as false and reported by the export (``NullAnnotationFlags``).
    Its id too: Label Studio sends a number, and ``"12"`` (read as 12 by a
    lenient Integer) stops the export of the same task as a file."""

    id = Integer64(required=True, strict=True)
    result = fields.List(fields.Dict(), load_default=list, allow_none=True)
    was_cancelled = StrictBoolean(load_default=False, allow_none=True)
    ground_truth = StrictBoolean(load_default=False, allow_none=True)
    completed_by = StoredUserField(load_default=None, allow_none=True)
    created_at = fields.String(load_default=None, allow_none=True)
    updated_at = fields.String(load_default=None, allow_none=True)
    prediction = fields.Dict(load_default=None, allow_none=True)
    task = IdOrObject(load_default=None, allow_none=True)  # a bulk event's: which of its tasks


class OnlyIdSchema(LabelStudioSchema):
    """What Label Studio sends of a deleted annotation or task: its id (its OnlyIDWebhookSerializer)."""

    id = Integer64(required=True, strict=True)  # "12" or 12.5 (read as 12) deleted annotation 12


class WebhookTaskSchema(LabelStudioSchema):
    id = Integer64(load_default=None, allow_none=True, strict=True)  # as the export of a file reads it
    data = fields.Dict(load_default=dict)
    # Label Studio imports any JSON there, and Anota reads only its hints (source, part, language), which only
    # an object holds: any other value is stored as it came, rather than refusing the annotation it came with,
    # and the export reads it as none and says so, as it reads such a file (``load_task``).
    meta = fields.Raw(load_default=dict, allow_none=True)


class OneOrMany(fields.Field):
    """One object, or a list of them: Label Studio's bulk ANNOTATIONS_CREATED
    (annotations imported with their tasks) sends ``annotation`` and ``task``
    as lists, the single events as objects."""

    def __init__(self, schema: type[Schema], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.one = fields.Nested(schema)
        self.many = fields.List(fields.Nested(schema))

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        return (self.many if isinstance(value, list) else self.one).deserialize(value, attr, data, **kwargs)


# What each action Anota acts on cannot do without (Label Studio always sends it; either key of a pair): a body
# without it was acknowledged (200, no event), and the annotation it was about lost, or the deletion never applied.
# A deletion naming nothing is an empty list, which is kept.
WEBHOOK_REQUIRED = {
    "ANNOTATION_CREATED": ("annotation",),
    "ANNOTATION_UPDATED": ("annotation",),
    "ANNOTATIONS_CREATED": ("annotation",),
    "ANNOTATIONS_DELETED": ("annotations", "annotation"),
    "ANNOTATION_DELETED": ("annotation", "annotations"),
    "TASKS_DELETED": ("tasks",),
    "PROJECT_DELETED": ("project",),
}


class WebhookSchema(LabelStudioSchema):
    action = fields.String(required=True, validate=validate.Length(min=1))
    project = IdOrObject(load_default=None, allow_none=True)
    annotation = OneOrMany(AnnotationSchema, load_default=None, allow_none=True)
    annotations = fields.List(fields.Nested(OnlyIdSchema), load_default=None, allow_none=True)
    task = OneOrMany(WebhookTaskSchema, load_default=None, allow_none=True)
    # TASKS_DELETED: the deleted tasks' ids.
    tasks = fields.List(fields.Nested(OnlyIdSchema), load_default=None, allow_none=True)

    @validates_schema
    def _has_what_its_action_needs(self, body: dict[str, Any], **kwargs: Any) -> None:
        keys = WEBHOOK_REQUIRED.get(body.get("action"), ())
        if keys and all(body.get(key) is None for key in keys):
            raise ValidationError({keys[0]: [f"Missing data for required field (a {body['action']} event "
                                             f"names {' or '.join(keys)})."]})
