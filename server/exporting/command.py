"""The ``anota export`` command: reads the options and the labeling config,
loads the exporter plugins without building the app, picks the source, and
runs the export.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from schemas.label_studio_export import join_path
from server.cli import standard_output_dropped
from server.exporting.converting import POLICIES, Settings, parse_split
from server.exporting.examples import SENTIMENT_CONTROL, Exporter, ExportError
from server.exporting.report import FOLDER_CONFIG_USED, summary
from server.exporting.running import NOTHING_WRITTEN, run_export
from server.exporting.sources import (
    LABEL_STUDIO_TIMEOUT,
    OTHER_TEXT_FILES,
    STANDARD_INPUT,
    TIMEOUT_OPTION,
    Source,
    binary_kind,
    database_source,
    file_source,
    label_studio_address_problem,
    label_studio_source,
    open_database,
)
from server.collector import start_up_objects_frozen
from server.config import CommandApp, default_database_url
from server.entry_points import EntryPoint, entry_points
from server.plugins import ENTRY_POINT_GROUP, LoadError, build_plugin_set
from server.remote_texts import LabelStudioConnection
from server.stopping import signals_held, stopping_on_signals


# What to give instead of an empty value (a shell variable left unset: --split "$SPLIT").
EMPTY_OPTION_HINTS = {"--text-key": "give the data key of the text, like --text-key text",
                      "--split": "give train/dev/test percentages, like --split 80/10/10, or leave --split out",
                      "--language": "give a language code, like --language pt, or leave --language out to detect "
                                    "each task's"}


@click.command("export")
@click.argument("input_file", metavar="[INPUT]", required=False, type=click.Path(path_type=Path))
@click.option("--format", "format_name", required=True,
              help="Exporter name: jsonl, conll, spacy, csv, or a plugin's (`anota plugins` lists each with what "
                   "it writes).")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Folder to create.")
@click.option("--policy", type=click.Choice(POLICIES), default="latest", show_default=True,
              help="Which annotation counts when a task has several.")
@click.option("--split", "split_spec", help="Train/dev/test percentages, e.g. 80/10/10 (by source document).")
@click.option("--from-label-studio", "label_studio_url", metavar="URL",
              help="Export a live project (key from LABEL_STUDIO_API_KEY); a busy Label Studio is asked again as it "
                   "says (HTTP 429 up to 5 times, a gateway's 502, 503, 504 twice).")
@click.option("--project", type=int,
              help="Label Studio project id: needed with --from-label-studio; with --from-db, every project's "
                   "annotations without it.")
@click.option(TIMEOUT_OPTION, "timeout", metavar="SECONDS", type=click.FloatRange(min=0, min_open=True),
              default=LABEL_STUDIO_TIMEOUT, show_default=True,
              help="With --from-label-studio: how long to wait for each answer of Label Studio.")
@click.option("--from-db", is_flag=True, help="Export the annotations Anota stored from /webhook.")
@click.option("--label-config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The project's labeling config, to find the text key (default: Label Studio's with "
                   "--from-label-studio, the one stored with --from-db, the one among a folder INPUT's files).")
@click.option("--no-label-config", is_flag=True,
              help="Use no labeling config: not Label Studio's, the one stored, or one among a folder INPUT's files "
                   "(the tasks are read as an export file alone is; the text key is --text-key, else guessed).")
@click.option("--text-key", help="Key of the text in task data (default: from the config, or 'text').")
@click.option("--language", help="Tokenizer language for conll/spacy (default: per task, detected).")
@click.option("--force", is_flag=True, help="Replace OUT if it holds an earlier export.")
@click.option("--allow-empty", is_flag=True,
              help="Write the dataset even when no task gives an example (else the export stops, saying why).")
@click.option("--quiet", is_flag=True, help="No progress bar, no waiting messages and no summary.")
def export_command(input_file: Path | None, format_name: str, out: Path, policy: str, split_spec: str | None,
                   label_studio_url: str | None, project: int | None, timeout: float, from_db: bool,
                   label_config: Path | None, no_label_config: bool, text_key: str | None, language: str | None,
                   force: bool, allow_empty: bool, quiet: bool) -> None:
    """Export finished labels from INPUT (a Label Studio JSON export or
    snapshot; a named pipe, or - for standard input, is read too; a folder
    of export or target-storage files), a live project, or Anota's
    database, as a dataset in OUT."""
    _check_sources(input_file, label_studio_url, from_db, project)
    if no_label_config and label_config is not None:
        raise click.UsageError("--no-label-config refuses every labeling config: give it or --label-config, not both")
    for option, given in (("--text-key", text_key), ("--split", split_spec), ("--language", language)):
        if given is not None and not given.strip():  # else the option would be left out (a guess), silently
            raise click.BadParameter(f"empty: {EMPTY_OPTION_HINTS[option]}", param_hint=option)
    settings = Settings(policy=policy, split=parse_split(split_spec), text_key=text_key, language=language,
                        allow_empty=allow_empty)
    _check_out(out, input_file, label_config)
    app, exporter = _exporter_of(format_name)
    # From here until the output is in place, SIGTERM and SIGHUP stop the export as Ctrl-C does (removing
    # what it made); the summary after is only printed.
    with (stopping_on_signals(NOTHING_WRITTEN), ScratchFolder("anota-download-") as download,
          contextlib.ExitStack() as opened):
        if input_file is not None:
            source = file_source(input_file, spool=download)
        elif from_db:
            database = open_database(_database_url(app))
            # Its pooled connections closed when the export ends: run inside another
            # program (a test's CliRunner), an engine left to the collector warns.
            opened.callback(database.dispose)
            source = database_source(database, project, with_config=label_config is None and not no_label_config)
        else:
            say = None if quiet else lambda line: click.echo(line, err=True)
            source = _label_studio(label_studio_url or "", project, download, timeout, say)
        if no_label_config:
            _folder_configs_not_used(source, "--no-label-config")
        else:
            _read_label_config(settings, source, label_config)
        if label_studio_url:  # else label-studio-sdk reads LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY, as for /predict
            settings.label_studio = LabelStudioConnection(label_studio_url, os.environ.get("LABEL_STUDIO_API_KEY"))
        settings.link_cache = lambda: download() / "linked-texts"
        # What start-up loaded lives until the end: keep it out of the collector's
        # full passes, which the many small objects of each task trigger. An export
        # leaves a process soon: start-up's little garbage is not worth a full pass.
        with start_up_objects_frozen(collect_first=False):
            report = run_export(source, exporter, out, settings, force=force, progress=not quiet)
    if not quiet:
        say_summary(summary(report, out, settings.split), out)


def _check_sources(input_file: Path | None, label_studio_url: str | None, from_db: bool, project: int | None
                   ) -> None:
    """Stop unless exactly one source is given, and ``--project`` only with one that has several projects."""
    chosen = [name for name, given in (("INPUT", input_file), ("--from-label-studio", label_studio_url),
                                       ("--from-db", from_db)) if given]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of INPUT, --from-label-studio URL --project N, --from-db")
    if project is not None and input_file is not None:  # an export file is one project's already
        raise click.UsageError("--project goes with --from-label-studio or --from-db, not with INPUT")


def _check_out(out: Path, input_file: Path | None, label_config: Path | None) -> None:
    """Stop when ``--out`` holds the input or the label config (``--force``
    would delete it with the old output), or lies inside a folder INPUT (the
    next export would read it as input)."""
    for given in (input_file, label_config):
        # Standard input is no file in any folder.
        if given is not None and str(given) != STANDARD_INPUT and _inside(given, out):
            raise click.UsageError(f"--out {out} holds {given}, which replacing it would delete; choose another "
                                   "folder")
    if input_file is not None and os.path.isdir(input_file) and _inside(out, input_file):
        raise click.UsageError(f"--out {out} is inside INPUT {input_file}, whose files the export reads; choose a "
                               "folder outside it")


def _exporter_of(format_name: str) -> tuple[CommandApp, Exporter]:
    """The app the plugins were loaded for, and the exporter of ``format_name``:
    from the plugins whose source names ``register_exporters``, else from all
    (a plugin that registers exporters without naming the hook)."""
    app, exporters, failed = load_exporters(only_exporter_plugins=True)
    if not any(getattr(exporter, "name", None) == format_name for _plugin, exporter in exporters):
        app, exporters, failed = load_exporters()
    return app, _find_exporter(exporters, format_name, failed)


def _read_label_config(settings: Settings, source: Source, label_config: Path | None) -> None:
    """Configure ``settings`` by the labeling config: the file given, else
    the source's (Label Studio's, the one stored, a folder's); an error in it named by
    where it came from. A given config that is empty is an error, not ignored."""
    if _folder_config_used(settings, source, label_config):
        return
    xml = read_label_config(label_config) if label_config else source.label_config or None
    if xml is None:
        return
    try:
        _configured(settings, xml)
    except ExportError as exc:
        if not label_config and not source.label_config_from:
            raise
        where = f"labeling config {label_config}" if label_config else source.label_config_from
        raise ExportError(f"{where}: {str(exc).removeprefix('labeling config: ')}") from exc


def _folder_config_used(settings: Settings, source: Source, given: Path | None) -> bool:
    """Configure ``settings`` by the labeling config among a folder's files
    when none is given and the folder holds one; whether it was. It is the
    project's, put beside its export (Label Studio's project folder, the
    samples'), and the export without it reads the project less well: a
    sentiment under a project's own control name empty, a second Text's
    spans mixed into the first's example. Said in the summary and the report.
    A config not used is listed with the folder's skipped files, with why:
    another given, several found, or one that cannot be read or parsed
    (the export goes on without it, as before: the user did not give it)."""
    configs = source.folder_configs
    if not configs:
        return False
    if given is not None or len(configs) > 1:
        why = ("--label-config gave another" if given is not None else
               f"one of {len(configs)} labeling configs in the folder: give one as --label-config")
        _folder_configs_not_used(source, why)
        return False
    path, name = configs[0]
    try:
        # Nothing is set before an error: the config is parsed, and refused, at _configured's first reading.
        _configured(settings, read_label_config(path))
    except ExportError as exc:
        why = exc.message.removeprefix("labeling config: ").removeprefix(f"labeling config {path}: ")
        source.left_out.append((OTHER_TEXT_FILES, f"{name} (a labeling config, not used: {why})"))
        return False
    source.notes.append(f"{FOLDER_CONFIG_USED}: {name}")
    return True


def _folder_configs_not_used(source: Source, why: str) -> None:
    """List the labeling configs among a folder's files with its skipped files, with ``why`` they are not used."""
    source.left_out += [(OTHER_TEXT_FILES, f"{name} (a labeling config, not used: {why})")
                        for _path, name in source.folder_configs]


def say_summary(text: str, out: Path) -> None:
    """The summary on standard output. The dataset is complete and in place by
    now: standard output that cannot take it (a full disk, ``/dev/full``, a
    pipe closed early) is said on stderr, not a failed export (it was a
    traceback and exit 1 beside a complete dataset)."""
    try:
        click.echo(text)
    except OSError as exc:
        standard_output_dropped()
        click.echo(f"Exported to {out}; its summary could not be written to standard output ({exc.strerror or exc}): "
                   "report.json and README.md there hold it", err=True)


class ScratchFolder:
    """A temporary folder made at its first use, removed at the end. An export
    of a file needs none (standard input, a named pipe, Label Studio's download
    and linked texts do), and making one imports tempfile with shutil, bz2,
    lzma and random: 0.75 MB of a JSONL export's peak of 21 MB."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.made: Any = None  # the tempfile.TemporaryDirectory, once made

    def __call__(self) -> Path:
        if self.made is None:
            import tempfile

            with signals_held():  # a signal between its mkdir and its name kept here left it behind
                self.made = tempfile.TemporaryDirectory(prefix=self.prefix)
        return Path(self.made.name)

    def __enter__(self) -> ScratchFolder:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.made is not None:
            with signals_held():  # a second Ctrl-C would leave the download half removed
                self.made.cleanup()


def _inside(path: Path, folder: Path) -> bool:
    # realpath, not Path.resolve: a symbolic link loop raises there (RuntimeError); file_source words it.
    path, folder = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return path == folder or folder in path.parents


def load_exporters(overrides: dict[str, Any] | None = None, only_exporter_plugins: bool = False
                   ) -> tuple[CommandApp, list[tuple[str, Any]], list[LoadError]]:
    """The exporters the plugins register, without building a whole app: an
    export needs no annotator, and loading their models would cost more than
    exporting a small file. With ``only_exporter_plugins``, plugins whose
    source never names ``register_exporters`` are not even imported (an
    annotator plugin may import a model stack at import time). Also the
    plugins' load errors: a format may be missing because its plugin failed."""
    app = CommandApp.from_settings(overrides)
    strict = app.config["STRICT_PLUGINS"]
    disabled = list(app.config["DISABLE_PLUGINS"])
    # Read once: listing the installed distributions' metadata costs about 10M instructions
    # (2% of a 1-task export).
    installed = entry_points(ENTRY_POINT_GROUP)
    if only_exporter_plugins:
        disabled += plugins_not_naming("register_exporters", installed, app.config["PLUGINS"])
    plugins = build_plugin_set(app.config["PLUGINS"], disabled, strict, installed)
    exporters = plugins.collect("register_exporters", app, strict)
    return app, exporters, plugins.load_errors


def _database_url(app: CommandApp) -> str:
    """``ANOTA_DATABASE_URL``, else the SQLite file ``anota serve`` makes in its
    Flask app's instance folder, which Flask places (Flask is imported only here)."""
    if app.config["DATABASE_URL"]:
        return app.config["DATABASE_URL"]
    from flask import Flask

    return default_database_url(Flask("server").instance_path)


def plugins_not_naming(hook: str, installed: Iterable[EntryPoint], extra_modules: Iterable[str]) -> list[str]:
    """Plugins (``installed``, the entry points of the ``anota`` group, then ``extra_modules``)
    whose module source never mentions ``hook``. pluggy matches an
    implementation by its name (or ``specname``), so such a module cannot
    implement the hook unless it star-imports it from elsewhere; a module
    whose source cannot be read counts as naming it."""
    plugins = [(entry_point.name, entry_point.module) for entry_point in installed]
    plugins += [(module, module) for module in extra_modules]
    return [name for name, module in plugins if not _source_names(module, hook)]


def _source_names(module: str, word: str) -> bool:
    import importlib.machinery
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
        if spec and isinstance(spec.loader, importlib.machinery.SourceFileLoader) and spec.origin:
            return _file_holds(spec.origin, word.encode("ascii"))
        source = spec.loader.get_source(module) if spec and spec.loader else None
    except Exception:  # a missing parent package, a loader without sources: let the import report it
        return True
    return source is None or word in source


def _file_holds(path: str, word: bytes) -> bool:
    """Whether the file's bytes hold ``word`` (ASCII, so found alike in every
    encoding Python source may have), read in blocks: the built-in annotators'
    sources are up to 390 KB, and decoded whole (entities.py holds emoji: 4
    bytes a character) bytes and text were 1.9 MB of the export's peak."""
    with open(path, "rb") as file:
        tail = b""
        while block := file.read(1 << 16):
            if word in tail + block[:len(word) - 1] or word in block:
                return True
            tail = block[-(len(word) - 1):]
    return False


def _label_studio(url: str, project: int | None, folder: ScratchFolder, timeout: float,
                  say: Callable[[str], None] | None) -> Source:
    if project is None:
        raise click.UsageError("--from-label-studio needs --project N")
    if problem := label_studio_address_problem(url):
        raise click.UsageError(f"--from-label-studio {url}: {problem}")
    api_key = os.environ.get("LABEL_STUDIO_API_KEY")
    if not api_key:
        raise click.UsageError("set LABEL_STUDIO_API_KEY to a Label Studio access token")
    return label_studio_source(url, project, api_key, folder(), timeout, say)


def _find_exporter(exporters: list[tuple[str, Any]], name: str, failed: list[LoadError]) -> Exporter:
    """The exporter named ``name``; in another case ("JSONL") too when only one is so named."""
    for _plugin, exporter in exporters:
        if getattr(exporter, "name", None) == name:
            return exporter
    same_letters = [e for _p, e in exporters if str(getattr(e, "name", "")).casefold() == name.casefold()]
    if len(same_letters) == 1:
        return same_letters[0]
    known = ", ".join(sorted(getattr(e, "name", "?") for _p, e in exporters)) or "none (no exporter plugin loaded)"
    # The format may be a plugin's that failed to load: say so, not only that the name is unknown.
    failures = "; ".join(f"{error.plugin} ({error.stage}: {error.error})" for error in failed)
    raise click.BadParameter(f"{name!r} is not a known format; known: {known}"
                             + (f"; plugins that failed to load: {failures}" if failures else ""),
                             param_hint="--format")


def read_label_config(path: Path) -> str:
    try:
        xml = (data := path.read_bytes()).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExportError(f"labeling config {path}: not UTF-8 text ({binary_kind(data) or exc.reason})") from None
    if not xml.strip():
        raise ExportError(f"labeling config {path}: the file is empty; give the project's labeling config "
                          "(Settings > Labeling Interface > Code in Label Studio)")
    if xml.lstrip()[:1] in ("{", "["):  # XML starts with '<': a JSON file given in its place
        raise ExportError(f"labeling config {path}: {_json_instead_of_xml(xml)}")
    if HTML_PAGE.match(xml):  # a saved web page (Label Studio's own, a proxy's login page): its doctype is no DTD bomb
        raise ExportError(f"labeling config {path}: an HTML page, not the project's labeling config; give the "
                          "config's XML (Settings > Labeling Interface > Code in Label Studio)")
    from server.config_checks import dtd_problem

    if dtd := dtd_problem(xml):  # an entity bomb was libxml's "Maximum entity amplification factor exceeded"
        raise ExportError(f"labeling config {path}: {dtd} (its entities could expand without end or read "
                          "another file); give the project's own config (Settings > Labeling Interface > Code)")
    # An editor's `<?xml ... encoding="UTF-8"?>`: its work (decoding) is done, and the SDK's parser refuses a
    # decoded text that holds one ("Unicode strings with encoding declaration are not supported").
    return XML_DECLARATION.sub("", xml, count=1)


XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*\?>")
HTML_PAGE = re.compile(r"\A\s*(?:<\?xml\b[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html\b|html\b)",
                       re.IGNORECASE | re.DOTALL)


def _json_instead_of_xml(text: str) -> str:
    """What a JSON file given as the labeling config is, and where the config is."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, dict) and isinstance(value.get("label_config"), str):
        return ("JSON, not XML: a Label Studio project's settings (its API answer?); the labeling config is the "
                "string under 'label_config': jq -r .label_config FILE > config.xml gives it")
    return ("JSON, not the labeling config's XML (the export given as --label-config?); give the project's "
            "labeling config (Settings > Labeling Interface > Code in Label Studio)")


def _text_key_of(xml: str) -> str:
    return _labeling_config(xml).main.key


def _text_is_link(xml: str) -> bool:
    return _labeling_config(xml).main.is_url



def _controls_of(xml: str) -> dict[str, frozenset[str]]:
    """The config's Labels, Choices and Taxonomy controls on its texts, with
    their values (a Taxonomy's: every path, joined as exported): ``--text-key``
    may choose a text other than the config's main one."""
    controls: dict[str, set[str]] = defaultdict(set)
    for obj in _labeling_config(xml).objects:
        for target in (*obj.spans.values(), *obj.choices.values()):
            controls[target.from_name].add(target.value)
    controls.update(_taxonomy_choices(xml))
    return {name: frozenset(values) for name, values in controls.items()}


def _per_region_choices_of(xml: str) -> frozenset[str]:
    """The config's perRegion Choices and Taxonomy controls (``server.labeling`` leaves them out of a text's
    choices: an answer about the region an annotator selects)."""
    from server.labeling import CHOICE_CONTROLS

    return frozenset(control.name for control in _labeling_config(xml).interface.controls
                     if control.tag in CHOICE_CONTROLS and (control.attr or {}).get("perRegion") == "true")


def _single_choice_controls(xml: str) -> frozenset[str]:
    """The config's Choices controls that take one value and its Taxonomies bounded to one path
    (``server.labeling.takes_one_value``, as /predict reads them)."""
    return frozenset(target.from_name for obj in _labeling_config(xml).objects
                     for target in obj.choices.values() if target.single)


def _taxonomies_of_several_paths(xml: str) -> frozenset[str]:
    """The config's Taxonomy controls that take several paths: Label Studio 1.23.2's Taxonomy has no ``choice``
    and lets an annotator pick any number of paths (its value a list of them) unless ``maxUsages`` bounds them
    (the editor's TaxonomyModel: ``maxUsagesReached = selected.length >= maxusages``); ``maxUsages="1"`` is one
    path (``server.labeling.takes_one_value``, which /predict reads too). Read from the XML: a Taxonomy whose
    every node is ambiguous has no target in the labeling config, and still takes several."""
    if "<Taxonomy" not in xml:
        return frozenset()
    from xml.etree import ElementTree

    from server.labeling import takes_one_value

    return frozenset(taxonomy.get("name", "") for taxonomy in ElementTree.fromstring(xml).iter("Taxonomy")
                     if not takes_one_value(taxonomy.attrib, "Taxonomy"))


def _multiple_choice_values(xml: str) -> dict[str, tuple[str, ...]]:
    """The config's Choices controls that take several values, each with its values in the config's order (a
    value named again by an alias or predicted_values is one value), and its Taxonomies of several paths, each
    with every node's path joined as exported."""
    values: dict[str, dict[str, None]] = {}
    for obj in _labeling_config(xml).objects:
        for target in obj.choices.values():
            if target.type == "choices" and not target.single:
                values.setdefault(target.from_name, {})[target.value] = None
    several_paths = _taxonomies_of_several_paths(xml)
    for name, paths in _taxonomy_choices(xml).items():
        if name in several_paths:
            values[name] = dict.fromkeys(sorted(paths))
    return {name: tuple(offered) for name, offered in values.items()}


def _relation_labels_of(xml: str) -> frozenset[str] | None:
    """The labels the config's Relations controls offer (``<Relation value=...>``), None when it names none:
    Label Studio's LabelInterface does not list them, so the XML is read again."""
    if "<Relation " not in xml:
        return None
    from xml.etree import ElementTree

    return frozenset(relation.get("value", "") for relation in ElementTree.fromstring(xml).iter("Relation")) or None


def _taxonomy_choices(xml: str) -> dict[str, set[str]]:
    """Each Taxonomy's paths, joined as exported: every node, also a value
    found at two places (which /predict's targets leave out, and an annotator still picks)."""
    from server.labeling import taxonomy_nodes  # loaded already: the config was parsed

    found: dict[str, set[str]] = {}
    for name, path in taxonomy_nodes(xml):
        found.setdefault(name, set()).add(join_path(path))
    return found


def _claim_labels_of(xml: str) -> frozenset[str]:
    """The span labels that are claims: any case of CLAIM, and each label of the config that /predict puts its
    claims on (server.labeling's names: "Afirmação", "Check-worthy", an alias or predicted_values="CLAIM")."""
    from server.exporting.examples import CLAIM_LABELS

    own = {target.value for obj in _labeling_config(xml).objects if (target := obj.span_target("CLAIM")) is not None}
    return CLAIM_LABELS | own if own - CLAIM_LABELS else CLAIM_LABELS


def _configured_sentiments_of(xml: str) -> dict[str, dict[str, str]] | None:
    """Where /predict puts a sentiment in the config other than a Choices
    named ``sentiment``: control -> the value exported (a Taxonomy's path,
    joined) -> the sentiment, in the project's words; None when it puts
    none there. A project's ``sentimento`` (Positivo/Negativo/Neutro) left
    the dataset's ``sentiment`` empty (s47-userpass2's walk)."""
    from plugins.sentiment import LABELS as SENTIMENT_LABELS  # the labels /predict maps onto the project's names

    sentiments: dict[str, dict[str, str]] = defaultdict(dict)
    for obj in _labeling_config(xml).objects:
        for label in SENTIMENT_LABELS:
            target = obj.choice_target(label)
            if target is not None and target.from_name != SENTIMENT_CONTROL:
                exported = join_path(target.path) if target.path else target.value
                sentiments[target.from_name][exported] = target.value
    return dict(sentiments) or None


def _text_objects_of(xml: str) -> dict[str, str]:
    """The config's labelled Text objects: name -> the data key it reads."""
    return {obj.name: obj.key for obj in _labeling_config(xml).objects}


def _fields_of(xml: str) -> tuple[tuple[str, str], ...] | None:
    """The config's Text objects that spans are drawn on (name, data key), in
    its order, the main one first, when there are several reading different
    keys (a title and a body): each is exported as an example of its own."""
    config = _labeling_config(xml)
    fields: dict[str, str] = {config.main.key: config.main.name} if config.main.spans else {}
    for obj in config.objects:
        if obj.spans:
            fields.setdefault(obj.key, obj.name)
    return tuple((name, key) for key, name in fields.items()) if len(fields) > 1 else None


def _paragraph_objects_of(xml: str) -> dict[str, Any]:
    """The config's Paragraphs objects by name."""
    return {obj.name: obj for obj in _labeling_config(xml).objects if obj.paragraph_key is not None}


def _hypertext_objects_of(xml: str) -> dict[str, Any]:
    """The config's HyperText objects by name."""
    return {obj.name: obj for obj in _labeling_config(xml).objects if obj.is_hypertext}


def _encoded_objects_of(xml: str) -> dict[str, Any]:
    """The config's Text and HyperText objects whose texts are encoded, by name."""
    from server.labeling import TEXT_ENCODINGS

    return {obj.name: obj for obj in _labeling_config(xml).objects if obj.encoding in TEXT_ENCODINGS}


def _configured(settings: Settings, xml: str) -> None:
    """Set what the labeling config ``xml`` says into ``settings``."""
    if not settings.text_key:  # --text-key chooses one text; else every labelled Text is exported
        settings.fields = _fields_of(xml)
    settings.text_key = settings.text_key or _text_key_of(xml)
    settings.choice_objects = {target.from_name: obj.name for obj in _labeling_config(xml).objects
                               for target in obj.choices.values()}
    settings.controls = _controls_of(xml)
    settings.span_controls = frozenset(target.from_name for obj in _labeling_config(xml).objects
                                       for target in obj.spans.values())
    settings.per_region_choices = _per_region_choices_of(xml)
    settings.single_choice = _single_choice_controls(xml)
    settings.multiple_choices = _multiple_choice_values(xml)
    settings.relation_labels = _relation_labels_of(xml)
    settings.claim_labels = _claim_labels_of(xml)
    settings.configured_sentiments = _configured_sentiments_of(xml)
    settings.text_objects = _text_objects_of(xml)
    settings.paragraph_objects = _paragraph_objects_of(xml)
    settings.hypertext_objects = _hypertext_objects_of(xml)
    settings.encoded_objects = _encoded_objects_of(xml)
    settings.text_is_link = _text_is_link(xml)


def _labeling_config(xml: str) -> Any:
    from server.labeling import LabelingConfigError, parse_labeling_config

    try:
        config = parse_labeling_config(xml)
    except LabelingConfigError as exc:
        raise ExportError(f"labeling config: {exc}") from exc
    if not config.objects:  # an image project's, say: /predict answers it, an export has no text to write
        raise ExportError("labeling config: it has no Text, HyperText or Paragraphs object, so no text to export")
    from xml.etree import ElementTree

    from server.config_checks import names_given_twice

    root = ElementTree.fromstring(xml)  # parsed already by the SDK: a config it read
    if twice := names_given_twice(root):  # the SDK merges such controls into the last one, with both's labels
        raise ExportError(f"labeling config: {twice}: a region's from_name cannot tell those tags apart; give "
                          "the project's own")
    if stray := _stray_to_names(root, config.interface):
        raise ExportError(f"labeling config: {stray}")
    return config


def _stray_to_names(root: Any, interface: Any) -> str | None:
    """What is wrong when a control's ``toName`` names no tag of the config (a
    hand edit: Label Studio refuses such a config when it is saved), which
    left the control's regions read as those of no control; None when all do.
    Any tag's name counts, read from the XML itself (a tag the SDK does not
    know is still a tag; a Filter points at a Labels control)."""
    names = {name for tag in root.iter() if (name := tag.get("name"))}
    for control in interface.controls:
        if missing := [name for name in control.to_name or () if name not in names]:
            return (f"{control.tag} {control.name!r} has toName {','.join(missing)!r}, which no tag of the config "
                    f"is named (it has {', '.join(repr(name) for name in sorted(names))}); Label Studio refuses "
                    "such a config: give the project's own")
    return None
