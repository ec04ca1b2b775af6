"""Load schemas for the bodies Label Studio sends to an ML backend.

Label Studio adds keys over time, so unknown keys are excluded, not rejected.
The predict schema stays shallow on purpose: a task is any object whose ``data``
is an object; what the text key is depends on the labeling config, and is
checked there.
"""

from __future__ import annotations

import json
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

from schemas.label_studio_schemas import AnnotatorField, Integer64, StrictBoolean


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
    than the whole rest of the request. Tasks are passed on as they came.
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


def load_predict_body(body: dict[str, Any], schema: PredictSchema) -> dict[str, Any]:
    """``schema.load(body)``, at a fraction of its cost on the bodies Label
    Studio sends.

    The schema's deep call chain, run cold between requests, cost about 80 us
    of a /predict on 3 tasks (a fifth of the request's time in the app). A
    plain check accepts a strict subset of what the schema accepts and gives
    the same result; everything else (an annotator's context, a wrong type)
    goes to the schema, which decides and words every error.
    """
    loaded = _plain_predict_body(body)
    return schema.load(body) if loaded is None else loaded


def _plain_predict_body(body: dict[str, Any]) -> dict[str, Any] | None:
    tasks = body.get("tasks")
    if type(tasks) is not list or not tasks:
        return None
    for task in tasks:
        if type(task) is not dict or type(task.get("data", {})) is not dict:
            return None
    project, label_config = body.get("project"), body.get("label_config")
    if not (project is None or type(project) is str) or not (label_config is None or type(label_config) is str):
        return None
    if "params" not in body:
        params = {}
    elif type(body["params"]) is dict and body["params"].get("context") is None:
        params = {"context": None}
    else:
        return None
    return {"tasks": tasks, "project": project, "label_config": label_config, "params": params}


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
    completed_by = AnnotatorField(load_default=None, allow_none=True)
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


class WebhookSchema(LabelStudioSchema):
    action = fields.String(required=True, validate=validate.Length(min=1))
    project = IdOrObject(load_default=None, allow_none=True)
    annotation = OneOrMany(AnnotationSchema, load_default=None, allow_none=True)
    annotations = fields.List(fields.Nested(OnlyIdSchema), load_default=None, allow_none=True)
    task = OneOrMany(WebhookTaskSchema, load_default=None, allow_none=True)
    # TASKS_DELETED: the deleted tasks' ids.
    tasks = fields.List(fields.Nested(OnlyIdSchema), load_default=None, allow_none=True)
