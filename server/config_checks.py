"""Whether a labeling config another sender gives is one Label Studio would
keep, and whether Anota exports anything of it.

Label Studio 1.23.2 checks a project's config before saving it
(``label_studio/core/label_config.py``, ``validate_label_config``): XML without
a DTD, its JSON form valid against ``label_config_schema.json`` (a Labels or
Choices has a name, a toName and its labels; a Text, HyperText or Image has a
name and a value), each ``name`` given once, each ``toName`` naming a tag, and
the tags' own attribute checks. label-studio-sdk's ``LabelInterface.validate``
runs the same checks with the same schema file; a DTD and the two name checks
are worded here, so that the answer names what is wrong. So a config that
fails them never came from Label Studio's project: /webhook does not store it
(the project's earlier config stays) and /setup refuses it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any
from xml.etree import ElementTree

from schemas.label_studio_export import described
from server.labeling import LabelingConfigError, parse_labeling_config

_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def label_studio_refusal(xml: str) -> str | None:
    """Why Label Studio would refuse ``xml`` as a project's labeling config;
    None when it would keep it (cached: Label Studio sends the project's config
    with every event)."""
    if not xml.strip():
        return "it is empty"
    if dtd := dtd_problem(xml):
        return dtd
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        return f"cannot parse it as XML: {exc}"
    return _name_problem(root) or _sdk_refusal(xml)


def dtd_problem(xml: str) -> str | None:
    """What is wrong when ``xml`` holds a DTD, which Label Studio forbids in a
    config; None when it holds none. Said before any parse: a DTD's entities
    may be a bomb (libxml stops it, in its own words) or name an outside file."""
    if not _DOCTYPE.search(xml):
        return None
    entities = len(_ENTITY.findall(xml))
    defining = f", defining {entities} entit{'y' if entities == 1 else 'ies'}," if entities else ""
    return f"it holds a DTD (<!DOCTYPE ...>){defining} which Label Studio forbids"


def names_given_twice(root: ElementTree.Element) -> str | None:
    """What is wrong when tags of the config share a name (Label Studio wants
    each name once); None when none do."""
    names = Counter(element.get("name") for element in root.iter() if element.get("name") is not None)
    if twice := sorted(name for name, count in names.items() if count > 1):
        return f"it gives the names {', '.join(map(repr, twice))} twice (Label Studio wants each name once)"
    return None


def _name_problem(root: ElementTree.Element) -> str | None:
    names = [element.get("name") for element in root.iter() if element.get("name") is not None]
    if twice := names_given_twice(root):
        return twice
    for element in root.iter():
        for target in (element.get("toName") or "").split(",") if element.get("toName") is not None else ():
            if target not in names:
                return (f"toName {target!r} of <{element.tag} name={element.get('name')!r}> names no tag "
                        f"(names: {', '.join(map(repr, names))})")
    return None


def _sdk_refusal(xml: str) -> str | None:
    """The schema check and the tags' attribute checks, with the SDK's copy of
    Label Studio's schema, worded as Label Studio words them (the first of
    several failed alternatives: the SDK names the last, "'View' is a required
    property" for a Labels without a Label), with the tag's place (Label
    Studio gives the path relative to the alternative: none)."""
    import jsonschema
    from label_studio_sdk.label_interface import LabelInterface

    try:
        if (failed := _schema_failure(LabelInterface.parse_config_to_json(xml))) is not None:
            failed = failed.context[0] if failed.context else failed
            return (f"Validation failed on {'/'.join(map(str, failed.absolute_path))}: "
                    f"{failed.message.replace('@', '')}")
        _interface(xml)._tag_attribute_validation()
    except jsonschema.ValidationError as exc:  # not raised by _schema_failure; kept for the SDK's own checks
        return exc.message
    except Exception as exc:  # the SDK raises its own error, lxml's and others
        return str(exc).strip() or type(exc).__name__
    return None


def _interface(xml: str) -> Any:
    """The SDK's LabelInterface of ``xml``: the one ``parse_labeling_config``
    keeps (cached), which /setup and /webhook parse next anyway, else its own
    (a config that labels no text)."""
    from label_studio_sdk.label_interface import LabelInterface

    try:
        return parse_labeling_config(xml).interface
    except LabelingConfigError:
        return LabelInterface(xml)


# The keywords whose outcome depends only on an instance's shape (its keys, its values' JSON types, how its
# lists nest), never on a value: the SDK's schema (label-studio-sdk 2.1.2) uses these alone.
_SHAPE_KEYWORDS = frozenset({"$schema", "title", "definitions", "$ref", "additionalProperties", "anyOf", "oneOf",
                             "allOf", "items", "properties", "required", "type"})


@functools.cache
def _config_validator() -> tuple[Any, bool]:
    """The schema's validator, built once (``jsonschema.validate`` checked the
    schema and built one on every call), and whether the schema holds shape
    keywords only."""
    import jsonschema
    from label_studio_sdk.label_interface.interface import _LABEL_CONFIG_SCHEMA_DATA

    schema = _LABEL_CONFIG_SCHEMA_DATA
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema), _schema_keywords(schema) <= _SHAPE_KEYWORDS


def _schema_failure(instance: Any) -> Any:
    """The error ``jsonschema.validate`` would raise for ``instance`` (None: valid).

    A valid config is checked with each list cut to one item of each shape
    (``_one_of_each_shape``): with a shape-only schema that is the same
    verdict, and a Labels of 20,000 labels took 3 s of Label Studio's 3 s
    /setup timeout (every label through five $refs). An invalid one is
    checked whole, so that the error names the item at fault."""
    import jsonschema

    validator, by_shape = _config_validator()
    if by_shape and validator.is_valid(_one_of_each_shape(instance)[0]):
        return None
    return jsonschema.exceptions.best_match(validator.iter_errors(instance))


def _schema_keywords(schema: Any) -> set[str]:
    """Every keyword ``schema`` uses, at any depth."""
    if not isinstance(schema, dict):
        return set()  # a boolean schema
    found = set(schema)
    for keyword, value in schema.items():
        if keyword in ("properties", "definitions"):
            below = list(value.values())
        elif keyword in ("anyOf", "oneOf", "allOf") or keyword == "items" and isinstance(value, list):
            below = value
        elif keyword in ("items", "additionalProperties", "not"):
            below = [value]
        else:
            continue
        for sub in below:
            found |= _schema_keywords(sub)
    return found


def _one_of_each_shape(value: Any) -> tuple[Any, Any]:
    """``value`` with each of its lists holding the first item of each shape
    only, and its shape: an object's keys with their shapes, a list's shapes,
    a scalar's JSON type (a float's whether it is whole: "integer" takes 1.0)."""
    if isinstance(value, dict):
        reduced = {key: _one_of_each_shape(item) for key, item in value.items()}
        return ({key: item for key, (item, _) in reduced.items()},
                ("object", tuple(sorted((key, shape) for key, (_, shape) in reduced.items()))))
    if isinstance(value, list):
        kept: dict[Any, Any] = {}
        for item in value:
            reduced_item, shape = _one_of_each_shape(item)
            kept.setdefault(shape, reduced_item)
        return list(kept.values()), ("array", tuple(kept))
    if isinstance(value, float):
        return value, ("float", value.is_integer())
    return value, type(value).__name__


def config_verdict(config: Any) -> tuple[str | None, str | None]:
    """Why a webhook body's ``project.label_config`` is not stored (None: it
    is), and what the answer says of it (None: nothing to say, a config
    Anota exports)."""
    if not isinstance(config, str):
        refusal = f"not a string but {described(config)}"
    elif (refused := label_studio_refusal(config)) is not None:
        refusal = f"Label Studio would refuse it: {refused}"
    else:
        return None, exports_nothing(config)
    return refusal, f"not stored: {refusal}; the project's earlier config is kept"


@functools.lru_cache(maxsize=256)
def exports_nothing(xml: str) -> str | None:
    """What to say of a config Label Studio keeps but of which ``anota
    export`` writes nothing: no Labels, Choices or Taxonomy on a text (an
    image project, a TextArea only, an empty view); None otherwise."""
    try:
        config = parse_labeling_config(xml)
    except LabelingConfigError:
        config = None
    if config is not None and any(obj.spans or obj.choices for obj in config.objects):
        return None
    controls = [] if config is None else [f"{control.tag} {control.name!r}"
                                          for control in config.interface.controls]
    held = f"its controls: {', '.join(controls)}" if controls else "it holds no control"
    return f"Anota exports nothing of it: no Labels, Choices or Taxonomy on a text ({held})"
