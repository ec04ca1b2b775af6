"""Build one plugin manager per app and collect what the plugins contribute.

Loading is isolated plugin by plugin (pluggy itself stops at the first error):
an entry point that fails to import, a ``register_*`` implementation that
raises, or an object it registers that is malformed or takes a name (or file
suffix) already taken, becomes a :class:`LoadError` that the app reports,
unless ``STRICT_PLUGINS`` is set, in which case it is fatal.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from server import hookspecs
from server.annotators import annotator_problem
from server.entry_points import EntryPoint, entry_points

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "anota"
_IMPORTLIB = Path(importlib.__file__).parent


class PluginLoadFailure(RuntimeError):
    """Raised when a plugin fails to load and ``STRICT_PLUGINS`` is set."""


@dataclass(frozen=True)
class LoadError:
    plugin: str
    stage: str
    error: str

    def as_dict(self) -> dict[str, str]:
        return {"plugin": self.plugin, "stage": self.stage, "error": self.error}


@dataclass
class PluginSet:
    """The plugin manager of one app, and what went wrong while filling it."""

    manager: pluggy.PluginManager
    versions: dict[str, str] = field(default_factory=dict)
    load_errors: list[LoadError] = field(default_factory=list)

    def report(self, plugin: str, stage: str, exc: BaseException, strict: bool) -> None:
        error = LoadError(plugin, stage, f"{type(exc).__name__}: {exc}{_where(exc)}")
        log.error("plugin %s failed at %s: %s", plugin, stage, error.error)
        if exc.__traceback__ is not None:  # the whole traceback with anota -v (every command would repeat it)
            log.debug("plugin %s failed at %s", plugin, stage, exc_info=exc)
        if strict:
            raise PluginLoadFailure(f"plugin {plugin!r} failed at {stage}: {error.error}") from exc
        self.load_errors.append(error)

    def names(self) -> list[str]:
        return sorted(name for name, _plugin in self.manager.list_name_plugin() if _plugin is not None)

    def hooks_of(self, name: str) -> list[str]:
        plugin = self.manager.get_plugin(name)
        callers = self.manager.get_hookcallers(plugin) or []
        return sorted(caller.name for caller in callers)

    def collect(self, hook_name: str, app: Any, strict: bool) -> list[tuple[str, Any]]:
        """Call ``hook_name(register, app)`` plugin by plugin; return
        ``(plugin name, object)`` pairs in a deterministic order."""
        contributions: list[tuple[str, Any]] = []
        taken: dict[str, str] = {}  # what a contribution claims -> who claimed it first
        for plugin, registered, exc in self.call_each(hook_name, collect=True, app=app):
            if exc is not None:
                self.report(plugin, hook_name, exc, strict)
            for obj in registered:  # a rejected object is lost alone: the plugin's others still count
                try:
                    problem = _contribution_problem(hook_name, obj, plugin, taken)
                except Exception as exc:  # e.g. a property of the plugin's object that raises
                    self.report(plugin, hook_name, exc, strict)
                    continue
                if problem:
                    self.report(plugin, hook_name, ValueError(problem), strict)
                else:
                    contributions.append((plugin, obj))
        return contributions

    def call_each(
        self, hook_name: str, collect: bool = False, **kwargs: Any
    ) -> Iterator[tuple[str, list[Any], BaseException | None]]:
        """Call every implementation of ``hook_name`` on its own, in plugin-name
        order, yielding what it registered (when ``collect``) and what it raised
        (a ``sys.exit()`` too, as /predict treats an annotator's; not Ctrl-C)."""
        hook = getattr(self.manager.hook, hook_name)
        for impl in sorted(hook.get_hookimpls(), key=lambda impl: impl.plugin_name):
            registered: list[Any] = []
            available = {**kwargs, "register": registered.append} if collect else kwargs
            try:
                impl.function(**{arg: available[arg] for arg in impl.argnames})
            except (Exception, SystemExit) as exc:  # one plugin's bug must not stop the others
                yield impl.plugin_name, [], exc
                continue
            yield impl.plugin_name, registered, None


def _where(exc: BaseException) -> str:
    """`` (file, line N)``: the innermost frame of the error outside the
    import machinery, so that a plugin writer sees which line failed (a
    SyntaxError's message already says where)."""
    if isinstance(exc, SyntaxError):
        return ""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if not (frame.filename.startswith("<frozen") or Path(frame.filename).parent == _IMPORTLIB)]
    return f" ({frames[-1].filename}, line {frames[-1].lineno})" if frames else ""


def _contribution_problem(hook_name: str, obj: Any, plugin: str, taken: dict[str, str]) -> str | None:
    """Why ``obj`` registered through ``hook_name`` is rejected, or None (then
    what it claims is recorded in ``taken``). Names and suffixes are claimed in
    plugin-name order: a second claim would otherwise be ignored, or win, in silence."""
    if hook_name not in _CONTRIBUTIONS:
        return None
    check, claims_of = _CONTRIBUTIONS[hook_name]
    problem = check(obj)
    if problem:
        return problem
    claims = claims_of(obj)
    for claim in claims:
        if claim in taken:
            return f"{claim} is already taken by plugin {taken[claim]!r}"
    taken.update(dict.fromkeys(claims, plugin))
    return None


def _named_problem(kind: str, obj: Any, method: str) -> str | None:
    name = getattr(obj, "name", None)
    if not (isinstance(name, str) and name):
        return f"{kind} {obj!r} has no name (a non-empty string)"
    if not callable(getattr(obj, method, None)):
        return f"{kind} {name!r} has no {method}() method"
    return None


def _loader_problem(loader: Any) -> str | None:
    # Imported when a plugin registers a loader: an export collects exporters only,
    # and server.sources (the loaders' dataclasses) costs 14M instructions, 3% of a 1-task one.
    from server.config import UNITS
    from server.sources import Loader

    if not isinstance(loader, Loader):
        return f"{loader!r} is not a server.sources.Loader"
    problem = _named_problem("loader", loader, "load")
    if problem:
        return problem
    suffixes = getattr(loader, "suffixes", None)
    if isinstance(suffixes, str) or not isinstance(suffixes, (tuple, list)) or not suffixes:
        return f"loader {loader.name!r}: suffixes must be a non-empty tuple such as ('.srt',), not {suffixes!r}"
    wrong = [suffix for suffix in suffixes
             if not (isinstance(suffix, str) and suffix.startswith(".") and suffix == suffix.lower())]
    if wrong:  # the preloader looks suffixes up lower-cased, with the dot: these would never match
        return f"loader {loader.name!r}: suffixes {wrong!r} are not lower case with the dot, as '.srt'"
    if loader.unit is not None and loader.unit not in UNITS:  # else every file of it would fail at its preload
        return f"loader {loader.name!r}: unit must be one of {', '.join(UNITS)} (or None: ANOTA_TASK_UNIT's), " \
               f"not {loader.unit!r}"
    return None


# Per register_* hook: why an object is malformed, and the names it claims.
_CONTRIBUTIONS: dict[str, tuple[Callable[[Any], str | None], Callable[[Any], list[str]]]] = {
    "register_annotators": (annotator_problem, lambda annotator: [f"annotator name {annotator.name!r}"]),
    "register_loaders": (_loader_problem, lambda loader: [f"suffix {suffix!r}" for suffix in loader.suffixes]),
    "register_exporters": (lambda exporter: _named_problem("exporter", exporter, "write"),
                           lambda exporter: [f"exporter name {exporter.name!r}"]),
}


def build_plugin_set(
    extra_modules: Iterable[str], disabled: Iterable[str], strict: bool,
    installed: list[EntryPoint] | None = None,
) -> PluginSet:
    """Load entry points of the ``anota`` group (``installed``, when the
    caller has read them already), then ``extra_modules`` by import path,
    skipping plugins named in ``disabled``."""
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    for name in disabled:
        manager.set_blocked(name)
    plugins = PluginSet(manager)
    for entry_point in entry_points(ENTRY_POINT_GROUP) if installed is None else installed:
        _register(plugins, entry_point.name, entry_point.load, entry_point.version, strict)
    for module_path in extra_modules:
        loader = lambda path=module_path: importlib.import_module(path)  # noqa: E731
        _register(plugins, module_path, loader, None, strict)
    _drop_misspelt_hooks(plugins, strict)
    return plugins


def _drop_misspelt_hooks(plugins: PluginSet, strict: bool) -> None:
    # A hookimpl whose name matches no spec is almost always a typo that would
    # otherwise be ignored in silence: report it and unregister that plugin.
    while True:
        try:
            plugins.manager.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            name = plugins.manager.get_name(exc.plugin) or repr(exc.plugin)
            plugins.report(name, "check_pending", _misspelt_hook(plugins.manager, exc), strict)
            plugins.manager.unregister(exc.plugin)
            plugins.versions.pop(name, None)


class MisspeltHook(Exception):
    """A ``@hookimpl`` whose name is no hook of Anota's."""


def _misspelt_hook(manager: pluggy.PluginManager, exc: pluggy.PluginValidationError) -> Exception:
    """pluggy's "unknown hook 'register_loader' in plugin <module ...>" with the hook meant and the writer's own file
    and line: it gave pluggy's (".../pluggy/_manager.py, line 492"), and no hook's name to compare with."""
    import difflib  # here, on a misspelling: every command loads plugins, and anota export imports nothing it needn't

    unknown = [caller.name for caller in manager.get_hookcallers(exc.plugin) or () if not caller.has_spec()]
    if not unknown:
        return exc
    hooks = sorted(name for name in vars(hookspecs) if hasattr(getattr(hookspecs, name), "anota_spec"))
    meant = difflib.get_close_matches(unknown[0], hooks, n=1)
    code = getattr(getattr(exc.plugin, unknown[0], None), "__code__", None)
    where = f" ({code.co_filename}, line {code.co_firstlineno})" if code is not None else ""
    return MisspeltHook(f"@hookimpl {unknown[0]!r} is no hook of Anota's"
                        + (f": did you mean {meant[0]!r}?" if meant else "")
                        + f" (the hooks: {', '.join(hooks)}){where}")


def _register(
    plugins: PluginSet, name: str, load: Callable[[], Any], version: str | None, strict: bool
) -> None:
    if plugins.manager.is_blocked(name) or plugins.manager.has_plugin(name):
        return
    try:
        module = load()
        if plugins.manager.is_registered(module):
            # Installed (an entry point) and also named in ANOTA_PLUGINS while
            # developing: the same module, loaded once, under its first name.
            log.info("plugin module %s is already loaded as %r", name, plugins.manager.get_name(module))
            return
        plugins.manager.register(module, name=name)
    except (Exception, SystemExit) as exc:  # an import error in one plugin must not stop the app
        plugins.report(name, "import", exc, strict)
        return
    plugins.versions[name] = version or str(getattr(module, "__version__", "unknown"))
