"""Hook specifications for Anota plugins.

A plugin is any module or object with functions marked ``@hookimpl`` whose names
match a spec below. Plugins are found through the ``anota`` entry-point group
(the built-in ``entities``, ``claims``, ``sentiment``, ``loaders`` and
``exporters`` plugins are registered exactly like that), or by import path in
``ANOTA_PLUGINS``.

Most hooks follow the ``register_*(register)`` style: the host passes a callback,
the plugin calls it once per object it contributes. The objects do the work at
request time; the hooks only run while an app is being created. An implementation
may accept any subset of a spec's arguments, by name.

Hooks are called once per plugin, each call isolated: a plugin that raises is
reported (log, ``/plugins``, ``anota plugins``, ``/metrics``) and the others
still load. Each object a plugin registers is checked on its own: a malformed
one, or one whose name (a loader's suffix) another plugin took first, in
plugin-name order, is reported and left out, and the plugin's others still
count. See ``docs/plugin_hooks.md`` for examples, and for what each failure
costs and where it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pluggy

if TYPE_CHECKING:
    from flask import Flask

    from server.annotators import Annotator
    from server.config import CommandApp
    from server.events import AnnotationEvent
    from server.exporting.examples import Exporter
    from server.sources import Loader

hookspec = pluggy.HookspecMarker("anota")
hookimpl = pluggy.HookimplMarker("anota")


# -------------------------------------------------------------------------
# Contributions, collected once when an app is created
# -------------------------------------------------------------------------


@hookspec
def register_annotators(register: Callable[[Annotator], None], app: Flask) -> None:
    """Register pre-annotators.

    Call ``register(annotator)`` once for each :class:`server.annotators.Annotator`
    the plugin provides. An annotator has a unique, non-empty ``name``, a
    ``version``, the ``labels`` it can emit (a list of ``LabelSpec(name, "span" |
    "choice")``), ``settings`` (a mapping; it goes into the model version) and
    one method, ``annotate(text)``. It receives a
    :class:`server.analysis.AnalyzedText` (``.text``, ``.language``,
    ``.sentences`` as ``(start, end)`` offsets, ``.doc``, ``.project_id``,
    ``.part``), shared by all annotators, and returns or yields ``Span(start,
    end, label, score, explanation)`` and ``Choice(label, score, explanation)``:
    integer offsets with ``0 <= start < end <= len(text.text)``, declared labels
    of the right kind, scores in [0, 1], explanations strings or None. One
    suggestion that breaks these rules, or an exception, costs the annotator
    its suggestions for that text; a text not finished within its time budget
    costs it that text's. A text of more than 10,000 characters reaches an
    annotator that suggests spans in pieces (``AnalyzedText.pieces``), one
    call each. ``annotate`` may run on up to four threads at once.

    Heavy state (models, lexicons) should be loaded lazily, once per process,
    never per request, and loaded by the annotator's ``warm_up()``, which
    ``anota serve`` calls before it serves (Label Studio gives ``/setup`` 3
    seconds): every command builds the app, most of them to predict nothing.

    :param register: callback taking one annotator; a second annotator with a
        name already taken is rejected and reported as a load error.
    :param app: the Flask app being created; read settings from ``app.config``.
    """


@hookspec
def register_loaders(register: Callable[[Loader], None], app: Flask) -> None:
    """Register source loaders, which turn files into text documents.

    Call ``register(loader)`` once per :class:`server.sources.Loader`. A loader
    has a ``name``, the file ``suffixes`` it reads (lower case, with the dot:
    ``(".srt",)``; a suffix another plugin's loader took first is rejected), a
    ``version`` (in the preload fingerprint) and ``load(path, source)``, which
    yields :class:`server.sources.Document` objects (source name and text), and
    a :class:`server.sources.LeftOut` (record number or key, reason) for each
    record it cannot use (reported as ``path#record``, never silently lost). It
    raises :class:`server.sources.LoaderError` for a file it cannot read; that
    file is reported and the others load. The preloader picks the loader by
    suffix. A loader may choose the task unit its documents are cut into
    (``unit``, one of ``document``, ``paragraph``, ``sentence``: a subtitle
    cue's lines one task), and a document its own (``Document(..., unit=...)``);
    a loader that chooses none gets the setting (``ANOTA_TASK_UNIT``).

    :param register: callback taking one loader.
    :param app: the Flask app being created.
    """


@hookspec
def register_exporters(register: Callable[[Exporter], None], app: Flask | CommandApp) -> None:
    """Register dataset exporters (``anota export --format NAME``).

    Call ``register(exporter)`` once per :class:`server.exporting.examples.Exporter`. An
    exporter has a ``name`` (the ``--format`` value; one another plugin took
    first is rejected), a ``description`` and ``write(examples, folder,
    report)``, which consumes the :class:`server.exporting.examples.Example` stream once
    (``text``, ``split``, ``task_id``, ``labels.spans``, ``labels.choices``...)
    and writes into ``folder``, an empty :class:`pathlib.Path`. What the format
    cannot hold is counted with ``report.note(kind, detail)``; an exception
    (:class:`server.exporting.examples.ExportError` for an expected one) ends the export
    and nothing is written.

    :param register: callback taking one exporter.
    :param app: the Flask app being created; under ``anota export``, which
        builds no app, a :class:`server.config.CommandApp`, which holds the
        same settings in ``config`` and nothing else.
    """


# -------------------------------------------------------------------------
# Events
# -------------------------------------------------------------------------


@hookspec
def annotation_changed(event: AnnotationEvent, app: Flask) -> None:
    """Called after ``/webhook`` stored an annotation created, updated or deleted
    in Label Studio, so that plugins can learn from the annotators.

    Called once per stored annotation change, never for a repeated delivery of
    the same event: a bulk event (ANNOTATIONS_CREATED) is one call per annotation,
    a deleted project or deleted tasks one deletion per annotation Anota stored.
    It runs inside the webhook request, which Label Studio times out after one
    second: do quick work here (a database write), not training. An exception is
    reported and counted, and does not fail the webhook.

    Another worker may store a later event of the same annotation (its
    deletion, a later update) or its project's deletion before this call runs:
    a plugin that keeps what it learns writes it in a transaction that first
    checks ``server.events.event_is_current(session, event)`` and writes
    nothing when it is False (the later event's call replaces or withdraws it).

    :param event: what changed: action, task text and data, the annotation's
        regions, its ``updated_at``, whether it was cancelled, and who made it.
    :param app: the Flask app that received it.
    """
