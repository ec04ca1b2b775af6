"""HyperText pages in an export: a page is exported as the text its
annotators read (server.hypertext's ``RenderedPage.text``): the text Label
Studio 1.23.2's editor counts a HyperTextLabels region's ``globalOffsets`` in
(every text node of the rendered page, a line break per ``<br>``:
docs/hypertext.md), with a line break between two blocks, which no global
offset counts (``<h1>juros</h1><p>O Copom`` had been written ``jurosO Copom``,
one CoNLL token), and hidden text (``<style>``, ``<title>``) as spaces. Each
region on it is a span at its global offsets moved past the breaks before
them. The region's ``text`` is then checked as any span's: a misfit is
repaired or reported (converting.TaskConverter.place), never shifted in
silence; a span across blocks whose quote is its global text (the blocks run
together) quotes it with the break, noted.

Which layout: the config's (``inline="true"``: a ``<div>``; else an iframe's
``<body>``). Without a config, the task's text key holds the page, laid out
as most of its regions' texts say (they are found at their offsets in one
layout's global text and not the other's only when the page has a head, a
``<title>`` or the like); an iframe, Label Studio's default, on a tie. A
task without HyperText regions and without a config is exported as it is.

html5lib and server.hypertext are imported only when a task holds such a
page: an export of a Text project's tasks never loads them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import msgspec

from schemas.label_studio_export import SPAN_TYPE, Task, page_labels, page_region
# A format note, not a repair: a page is written as the text its regions are counted in, as a Paragraphs task is
# written as one text, and nothing in the export was wrong.
PAGES_AS_TEXT = ("HyperText pages written as their text, the one Label Studio counts their regions' globalOffsets in "
                 "(every text node, a line break per <br>) with a line break between blocks, which no offset counts "
                 "(each span moved past those before it), hidden text as spaces (tasks)")
ACROSS_BLOCKS = ("HyperText spans across blocks quoting the blocks' text run together: quoted with the line break "
                 "between them, as the page is written")
WITHOUT_OFFSETS = ("HyperTextLabels regions without globalOffsets whose XPaths and offsets name no text of the page, "
                   "not exported")
# Not a repair either: Label Studio's editor loads a region by its XPaths first, its globalOffsets only after.
PLACED_BY_XPATH = ("HyperText regions without globalOffsets placed by their XPaths and offsets, as Label Studio's "
                   "editor loads them")


def with_page_texts(raw: Any, objects: dict[str, Any] | None, text_key: str | None, report: Any) -> Any:
    """``raw`` (a raw task, or one the typed decode loaded) with each page it
    shows as its global text and its HyperText regions as spans of it.
    ``objects``: the config's HyperText objects by name (None without a
    config); ``text_key``: the text key without one. ``raw`` is not changed."""
    data = raw.data if type(raw) is Task else raw.get("data") if isinstance(raw, dict) else None
    if not isinstance(data, dict):
        return raw
    regions = [region for region in _regions(raw) if page_region(region)]
    if objects is None and (text_key is None or not regions):
        return raw
    from server.hypertext import global_offsets, likeliest_page, region_offsets, rendered_page

    if objects is not None:
        layouts = {name: (obj.key, obj.inline) for name, obj in objects.items()}
    elif any(global_offsets(region["value"]) or _has_xpaths(region["value"]) for region in regions):
        layouts = {None: (text_key, None)}
    else:
        return raw  # nothing places them: the task is exported as it is, and they are reported

    pages, texts = {}, {}
    for name, (key, inline) in layouts.items():
        if not isinstance(html := data.get(key), str):
            continue  # the checks name a missing page
        if inline is None:
            values = [region["value"] for region in regions]
            page = likeliest_page([rendered_page(html, False), rendered_page(html, True)], values)
            if not any(region_offsets(page, value) for value in values):
                continue  # XPaths that name nothing on it: no page, the text is exported as it is
            pages[name] = page
        else:
            pages[name] = rendered_page(html, inline)
        texts[key] = pages[name].text
    if not texts:
        return raw
    report.note(PAGES_AS_TEXT, f"task {_task_id(raw)}")
    if type(raw) is Task:  # the typed decode takes no HyperText region: only its text changes
        return msgspec.structs.replace(raw, data={**data, **texts})
    by_xpath, across = 0, 0

    def as_span(region: Any) -> Any:
        nonlocal by_xpath, across
        span = _as_span(region, pages, objects is None)
        by_xpath += span is not region and global_offsets(region["value"]) is None
        across += span is not region and span["value"].get("text") != region["value"].get("text")
        return span

    paged = with_regions({**raw, "data": {**data, **texts}}, as_span)
    if by_xpath:
        report.note(PLACED_BY_XPATH, f"task {_task_id(raw)}", count=by_xpath)
    if across:
        report.note(ACROSS_BLOCKS, f"task {_task_id(raw)}", count=across)
    return paged


def with_regions(raw: dict[str, Any], change: Callable[[Any], Any]) -> dict[str, Any]:
    """``raw`` with ``change`` applied to every region of its annotations, of
    their embedded predictions (the one each started from) and of its
    predictions, in new lists; ``raw`` itself is not changed."""
    changed = {**raw}
    for kind in ("annotations", "predictions"):
        items = raw.get(kind)
        if isinstance(items, list):
            changed[kind] = [_with_changed_result(item, change, embedded=kind == "annotations") for item in items]
    return changed


def _with_changed_result(item: Any, change: Callable[[Any], Any], embedded: bool) -> Any:
    if not isinstance(item, dict):
        return item
    changed = {**item}
    if isinstance(item.get("result"), list):
        changed["result"] = [change(region) for region in item["result"]]
    if embedded and isinstance(item.get("prediction"), dict):
        changed["prediction"] = _with_changed_result(item["prediction"], change, embedded=False)
    return changed


def _regions(raw: Any) -> Iterator[Any]:
    """Every region of a raw task's annotations (their embedded predictions too) and predictions."""
    if not isinstance(raw, dict):
        return
    for kind in ("annotations", "predictions"):
        for item in raw.get(kind) if isinstance(raw.get(kind), list) else ():
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("result"), list):
                yield from item["result"]
            embedded = item.get("prediction") if kind == "annotations" else None
            if isinstance(embedded, dict) and isinstance(embedded.get("result"), list):
                yield from embedded["result"]


def _has_xpaths(value: Any) -> bool:
    return type(value) is dict and type(value.get("start")) is str and type(value.get("startOffset")) is int


def _as_span(region: Any, pages: dict[str | None, Any], any_object: bool) -> Any:
    """A HyperText region as a labels span of its page's global text, at its
    global offsets, else where its XPaths and offsets put it on the page; as
    it was when neither places it or it is on no page shown (converting reports it)."""
    from server.hypertext import region_offsets

    if not page_region(region) or (page := pages.get(None if any_object else region.get("to_name"))) is None:
        return region
    value = region["value"]
    if (offsets := region_offsets(page, value)) is None:
        return region
    labels = page_labels(region)
    start, end = page.text_span(*offsets)
    quote = value.get("text")
    if quote is not None and end - start > offsets[1] - offsets[0] and quote == page.global_text[slice(*offsets)]:
        quote = page.text[start:end]  # across blocks: the same characters, with the break the page is written with
    span = {"start": start, "end": end, "text": quote, "labels": labels}
    return {**region, "type": SPAN_TYPE, "value": {key: item for key, item in span.items() if item is not None}}


def _task_id(raw: Any) -> Any:
    return raw.id if type(raw) is Task else raw.get("id")
