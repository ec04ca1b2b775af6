"""Load schemas for Label Studio's JSON export and snapshot: tasks, their
annotations and predictions, and the regions inside them.

Label Studio adds keys over time, so unknown keys are excluded, not rejected.
Types are checked strictly (a start offset of ``"5"`` is an error, not a
guess): a malformed file must stop an export, never shift a label. Offsets are
*not* checked against the text here; that needs the text key and is the
exporter's job, which can repair what the text pins down unambiguously.

``load_task`` turns one task object into plain dataclasses, or raises
:class:`TaskError` naming the task id, the JSON path and what is wrong.

Speed: marshmallow spends about 100 us per nested object, 3 ms on a task with
two annotations and a prediction, which would make reading the export the
slowest part of an export. ``load_task`` therefore tries ``_fast_task`` first: a
plain-Python check that accepts only a strict subset of what the schemas accept
(exact JSON types, no coercion) and builds the same objects through the same
constructors. Anything it does not accept goes through the schemas, which
decide and word the error. ``tests/test_export_schemas.py`` checks that both
paths agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

SPAN_TYPE = "labels"
CHOICES_TYPE = "choices"


@dataclass(slots=True)
class SpanRegion:
    control: str
    start: int | None
    end: int | None
    text: str | None
    labels: tuple[str, ...]
    id: str | None = None
    score: float | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(slots=True)
class ChoiceRegion:
    control: str
    choices: tuple[str, ...]
    id: str | None = None
    score: float | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(slots=True)
class OtherRegion:
    """A region of a control Anota does not export (textarea, rating, relation...)."""

    type: str


Region = SpanRegion | ChoiceRegion | OtherRegion


@dataclass(slots=True)
class Prediction:
    id: int | None
    model_version: str
    regions: list[Region]


@dataclass(slots=True)
class Annotation:
    id: int | None
    # None when the annotation has no ``result`` at all (not even an empty list).
    regions: list[Region] | None
    was_cancelled: bool
    ground_truth: bool
    annotator: str | None
    created_at: str
    updated_at: str
    prediction: Prediction | None


@dataclass(slots=True)
class Task:
    id: int
    data: dict[str, Any]
    meta: dict[str, Any]
    annotations: list[Annotation]
    predictions: list[Prediction]


class TaskError(ValueError):
    """A task that does not match Label Studio's export format."""

    def __init__(self, task_id: Any, location: str, problems: list[tuple[str, str]]) -> None:
        self.task_id = task_id
        self.location = location
        self.problems = problems
        shown = "; ".join(f"{path}: {message}" for path, message in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"task {task_id} at {location}: {shown}{more}")


class LabelStudioSchema(Schema):
    class Meta:
        unknown = EXCLUDE


class SpanValueSchema(LabelStudioSchema):
    # Offsets may be missing on regions of HyperText-like objects; the exporter
    # reports those instead of failing the whole file.
    start = fields.Integer(strict=True, load_default=None, allow_none=True)
    end = fields.Integer(strict=True, load_default=None, allow_none=True)
    text = fields.String(load_default=None, allow_none=True)
    labels = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


class ChoicesValueSchema(LabelStudioSchema):
    choices = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


VALUE_SCHEMAS = {SPAN_TYPE: SpanValueSchema(), CHOICES_TYPE: ChoicesValueSchema()}


class RegionValue(fields.Field):
    """``value`` is validated by the schema of the region's ``type``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, dict):
            raise ValidationError("Not a valid mapping type.")
        schema = VALUE_SCHEMAS.get(data.get("type")) if isinstance(data, dict) else None
        return schema.load(value) if schema else value


class RegionSchema(LabelStudioSchema):
    id = fields.Raw(load_default=None, allow_none=True)
    type = fields.String(required=True)
    from_name = fields.String(load_default=None, allow_none=True)
    value = RegionValue(load_default=dict)
    score = fields.Float(load_default=None, allow_none=True)
    meta = fields.Dict(load_default=dict, allow_none=True)

    @post_load
    def make_region(self, data: dict[str, Any], **_kwargs: Any) -> Region:
        if data["type"] in VALUE_SCHEMAS and not data["from_name"]:
            raise ValidationError({"from_name": ["Missing data for required field."]})
        if data["type"] in VALUE_SCHEMAS and not data["value"]:  # absent: ``value: {}`` fails its own schema
            raise ValidationError({"value": ["Missing data for required field."]})
        return build_region(data["type"], data["from_name"], data["value"], data["id"], data["score"], data["meta"])


def build_region(
    region_type: str, control: str | None, value: dict[str, Any], region_id: Any, score: float | None,
    meta: dict[str, Any] | None,
) -> Region:
    region_id = None if region_id is None else str(region_id)
    if region_type == SPAN_TYPE:
        return SpanRegion(
            control or "", value.get("start"), value.get("end"), value.get("text"),
            tuple(value["labels"]), region_id, score, meta or {},
        )
    if region_type == CHOICES_TYPE:
        return ChoiceRegion(control or "", tuple(value["choices"]), region_id, score, meta or {})
    return OtherRegion(region_type)


class PredictionSchema(LabelStudioSchema):
    id = fields.Integer(strict=True, load_default=None, allow_none=True)
    model_version = fields.String(load_default="", allow_none=True)
    result = fields.List(fields.Nested(RegionSchema), load_default=list, allow_none=True)

    @post_load
    def make_prediction(self, data: dict[str, Any], **_kwargs: Any) -> Prediction:
        return Prediction(data["id"], data["model_version"] or "unknown", data["result"] or [])


class PredictionOrId(fields.Field):
    """A plain export lists prediction ids; a snapshot lists whole predictions."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        if not isinstance(value, dict):
            raise ValidationError("Not a prediction object or a prediction id.")
        return PREDICTION_SCHEMA.load(value)


class AnnotatorField(fields.Field):
    """``completed_by`` is a user id or a user object."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, dict):
            value = value.get("email") or value.get("id")
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValidationError("Not a user id or a user object.")
        return str(value)


class AnnotationSchema(LabelStudioSchema):
    id = fields.Integer(strict=True, load_default=None, allow_none=True)
    result = fields.List(fields.Nested(RegionSchema), load_default=None, allow_none=True)
    was_cancelled = fields.Boolean(load_default=False, allow_none=True)
    ground_truth = fields.Boolean(load_default=False, allow_none=True)
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
        return build_annotation(data, data["result"], data["completed_by"], prediction)


def build_annotation(
    data: dict[str, Any], regions: list[Region] | None, annotator: str | None, prediction: Prediction | None
) -> Annotation:
    return Annotation(
        id=data.get("id"),
        regions=regions,
        was_cancelled=bool(data.get("was_cancelled")),
        ground_truth=bool(data.get("ground_truth")),
        annotator=annotator,
        created_at=data.get("created_at") or "",
        updated_at=data.get("updated_at") or data.get("created_at") or "",
        prediction=prediction,
    )


def _embedded_prediction(value: Any, load: Any) -> Prediction | None:
    # Label Studio writes ``{}`` when the annotation did not start from a prediction.
    if not isinstance(value, dict) or not value.get("result"):
        return None
    return load(value)


class TaskSchema(LabelStudioSchema):
    id = fields.Integer(strict=True, required=True)
    data = fields.Dict(keys=fields.String(), required=True)
    meta = fields.Dict(load_default=dict, allow_none=True)
    annotations = fields.List(fields.Nested(AnnotationSchema), load_default=list, allow_none=True)
    predictions = fields.List(PredictionOrId(allow_none=True), load_default=list, allow_none=True)

    @post_load
    def make_task(self, data: dict[str, Any], **_kwargs: Any) -> Task:
        return Task(
            id=data["id"],
            data=data["data"],
            meta=data["meta"] or {},
            annotations=data["annotations"] or [],
            predictions=[p for p in data["predictions"] or [] if p is not None],
        )


PREDICTION_SCHEMA = PredictionSchema()
TASK_SCHEMA = TaskSchema()


def load_task(raw: Any, location: str) -> Task:
    """Load one task; ``location`` is its JSON path in the file (``$[3]``)."""
    if not isinstance(raw, dict):
        raise TaskError("?", location, [("$", f"expected a task object, got {type(raw).__name__}")])
    task = _fast_task(raw)
    if task is not None:
        return task
    try:
        return TASK_SCHEMA.load(raw)
    except ValidationError as exc:
        raise TaskError(raw.get("id", "?"), location, list(flatten_errors(exc.messages))) from None


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


# -------------------------------------------------------------------------
# The fast path: exact JSON types only; None means "let the schema decide".
# -------------------------------------------------------------------------


class _NotFast(Exception):
    pass


def _fast_task(raw: dict[str, Any]) -> Task | None:
    try:
        task_id, data, meta = raw["id"], raw["data"], raw.get("meta")
        annotations, predictions = raw.get("annotations"), raw.get("predictions")
        _require(_is_int(task_id) and type(data) is dict and _is_dict_or_none(meta))
        _require(_is_list_or_none(annotations) and _is_list_or_none(predictions))
        return Task(
            id=task_id,
            data=data,
            meta=meta or {},
            annotations=[_fast_annotation(item) for item in annotations or ()],
            predictions=[p for item in predictions or () if (p := _fast_prediction_or_id(item)) is not None],
        )
    except (_NotFast, KeyError):
        return None


def _fast_annotation(raw: Any) -> Annotation:
    _require(type(raw) is dict)
    result, annotator = raw.get("result"), raw.get("completed_by")
    _require(_is_int_or_none(raw.get("id")) and _is_list_or_none(result))
    # Spelled out: two generators an annotation cost more than the tests.
    _require(type(raw.get("was_cancelled")) in _OPTIONAL_BOOL and type(raw.get("ground_truth")) in _OPTIONAL_BOOL)
    _require(type(raw.get("created_at")) in _OPTIONAL_STR and type(raw.get("updated_at")) in _OPTIONAL_STR)
    if type(annotator) is dict:
        annotator = annotator.get("email") or annotator.get("id")
    _require(type(annotator) in (int, str, type(None)))
    regions = None if result is None else [_fast_region(region) for region in result]
    prediction = _embedded_prediction(raw.get("prediction"), _fast_prediction)
    return build_annotation(raw, regions, None if annotator is None else str(annotator), prediction)


def _fast_prediction_or_id(raw: Any) -> Prediction | None:
    if _is_int(raw):
        return None
    return _fast_prediction(raw)


def _fast_prediction(raw: Any) -> Prediction:
    _require(type(raw) is dict)
    result, version = raw.get("result"), raw.get("model_version")
    _require(_is_int_or_none(raw.get("id")) and _is_list_or_none(result) and type(version) in (str, type(None)))
    return Prediction(raw.get("id"), version or "unknown", [_fast_region(region) for region in result or ()])


def _fast_region(raw: Any) -> Region:
    # The hot loop of an export (tens of regions per task): checks inlined.
    if type(raw) is not dict:
        raise _NotFast
    region_type, control, value = raw["type"], raw.get("from_name"), raw.get("value", _NO_VALUE)
    score, meta, region_id = raw.get("score"), raw.get("meta"), raw.get("id")
    if type(value) is not dict or type(meta) not in _OPTIONAL_DICT or type(region_type) is not str:
        raise _NotFast
    if type(score) is int:
        score = float(score)
    elif score is not None and (type(score) is not float or not math.isfinite(score)):
        raise _NotFast
    if region_id is not None and type(region_id) is not str:
        region_id = str(region_id)
    if region_type == SPAN_TYPE:
        labels, start, end, text = value["labels"], value.get("start"), value.get("end"), value.get("text")
        if (type(control) is not str or not control or type(start) not in _OPTIONAL_INT
                or type(end) not in _OPTIONAL_INT or type(text) not in _OPTIONAL_STR or not _strings(labels)):
            raise _NotFast
        return SpanRegion(control, start, end, text, tuple(labels), region_id, score, meta or {})
    if region_type == CHOICES_TYPE:
        if type(control) is not str or not control or not _strings(value["choices"]):
            raise _NotFast
        return ChoiceRegion(control, tuple(value["choices"]), region_id, score, meta or {})
    if type(control) not in _OPTIONAL_STR:
        raise _NotFast
    return OtherRegion(region_type)


_NO_VALUE: dict[str, Any] = {}
_OPTIONAL_INT = (int, type(None))
_OPTIONAL_STR = (str, type(None))
_OPTIONAL_DICT = (dict, type(None))
_OPTIONAL_BOOL = (bool, type(None))


def _require(condition: bool) -> None:
    if not condition:
        raise _NotFast


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_int_or_none(value: Any) -> bool:
    return value is None or type(value) is int


def _is_dict_or_none(value: Any) -> bool:
    return value is None or type(value) is dict


def _is_list_or_none(value: Any) -> bool:
    return value is None or type(value) is list


def _strings(value: Any) -> bool:
    if type(value) is not list or not value:
        return False
    return type(value[0]) is str if len(value) == 1 else all(type(item) is str for item in value)
