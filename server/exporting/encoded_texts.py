"""Texts a project's config says are encoded (``<Text encoding="base64">``,
``"base64unicode"``; HyperText too): the editor decodes them before it counts
any offset, so an export decodes them before it places a region, and writes
the decoded text (server.labeling.decoded_value says how). A text that does
not decode stops the export, naming the task: the editor could not show it,
so nothing annotated on it can be placed."""

from __future__ import annotations

from typing import Any

import msgspec

from schemas.label_studio_export import Task, TaskError

# A format note, not a repair: the export holds the text the annotators read.
DECODED_TEXTS = "texts decoded as the labeling config's encoding says (tasks)"


def with_decoded_texts(raw: Any, objects: dict[str, Any], report: Any) -> Any:
    """``raw`` (a raw task, or one the typed decode loaded) with the texts of
    ``objects`` (the config's encoded objects by name) decoded; ``raw``
    itself when it holds none of them. ``raw`` is not changed."""
    from server.labeling import decoded_value

    data = raw.data if type(raw) is Task else raw.get("data") if isinstance(raw, dict) else None
    if not isinstance(data, dict):
        return raw  # the checks name what is wrong
    decoded = {}
    for obj in objects.values():
        if isinstance(value := data.get(obj.key), str):
            if (text := decoded_value(obj, value)) is None:
                raise TaskError(_task_id(raw), "", [(f"data.{obj.key}", (
                    f"does not decode as the labeling config's encoding=\"{obj.encoding}\" says "
                    f"({_what_it_needs(obj.encoding)}), so Label Studio cannot show it either"))])
            decoded[obj.key] = text
    if not decoded:
        return raw
    report.note(DECODED_TEXTS, f"task {_task_id(raw)}")
    if type(raw) is Task:
        return msgspec.structs.replace(raw, data={**data, **decoded})
    return {**raw, "data": {**data, **decoded}}


def _what_it_needs(encoding: str) -> str:
    if encoding == "base64unicode":
        return "base64 of UTF-8 text"
    return "base64"


def _task_id(raw: Any) -> Any:
    return raw.id if type(raw) is Task else raw.get("id")
