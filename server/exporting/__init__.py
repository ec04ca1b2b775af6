"""Export finished labels as datasets (``anota export``).

The pipeline, one task at a time so that memory does not grow with the input:

1. a *source* yields raw task objects: a Label Studio JSON export or snapshot
   file (read as a stream), a live project (through label-studio-sdk), or the
   annotations Anota stored from ``/webhook`` (:mod:`.sources`);
2. ``schemas.label_studio_export`` loads each task; a malformed one stops the
   export with an error naming the task id and JSON path (:mod:`.converting`);
3. every span is placed on the task text: offsets that do not fit are repaired
   only when the region's own text pins the place down unambiguously (UTF-16
   offsets, offsets counted with ``\\r\\n`` as one character, or the only
   occurrence), otherwise the span is reported and left out (:mod:`.placing`);
4. a *policy* decides which annotation counts (latest, ground-truth, majority,
   all); cancelled annotations never become labels (:mod:`.converting`);
5. each example gets a split from a hash of its source document;
6. an :class:`~.examples.Exporter` (a plugin) writes the examples into a
   temporary folder, next to ``report.json`` and a ``README.md`` dataset card
   (:mod:`.report`); only a complete export is renamed into place (:mod:`.running`).

:mod:`.command` is the ``anota export`` command. Each module imports only
modules before it in this order: examples, placing, report, sources,
converting, running, command (examples names the report's class for type
checkers only). This package imports none of them: an exporter plugin that
imports :mod:`.examples` does not load the rest.
"""
