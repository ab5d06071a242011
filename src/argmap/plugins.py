"""Plugin loading and the registry of extractors, importers and exporters.

Nothing here is global: :func:`plugin_manager` makes a fresh pluggy manager
each time, and :class:`Registry` is built from one. A test (or an application)
builds its own with just the plugins it wants::

    pm = plugin_manager(builtins=True, entrypoints=False, plugins=[MyPlugin()])
    registry = Registry.from_plugin_manager(pm)
"""

from __future__ import annotations

import difflib
import importlib
import os
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import PurePath
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .components import Exporter, Extractor, Importer, Option
from .errors import PluginError, UnknownPluginError

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "Exporter",
    "Extractor",
    "Importer",
    "Option",
    "PluginInfo",
    "Registry",
    "get_registry",
    "load_registry",
    "plugin_manager",
]

ENTRY_POINT_GROUP = "argmap"
"""The entry-point group third-party plugins declare themselves in."""

BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("argmap.json", "argmap.builtins.json_format"),
    ("argmap.diagram", "argmap.builtins.diagram"),
    ("argmap.outline", "argmap.builtins.outline_format"),
    ("argmap.microtext", "argmap.builtins.microtext_format"),
    ("argmap.aif", "argmap.builtins.aif_format"),
    ("argmap.argdown", "argmap.builtins.argdown_format"),
    ("argmap.sadface", "argmap.builtins.sadface_format"),
    ("argmap.html", "argmap.builtins.html_format"),
    ("argmap.iccma", "argmap.builtins.iccma_format"),
    ("argmap.cues", "argmap.builtins.cues_extractor"),
)
"""(plugin name, module) of the plugins that ship with argmap."""

_KINDS = {"extractor": Extractor, "importer": Importer, "exporter": Exporter}
_HOOKS = {
    "extractor": "argmap_register_extractors",
    "importer": "argmap_register_importers",
    "exporter": "argmap_register_exporters",
}


@attrs.frozen
class PluginInfo:
    """What ``argmap plugins`` reports of one plugin."""

    name: str
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False
    extractors: tuple[str, ...] = ()
    importers: tuple[str, ...] = ()
    exporters: tuple[str, ...] = ()
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "builtin": self.builtin,
            "extractors": list(self.extractors),
            "importers": list(self.importers),
            "exporters": list(self.exporters),
        }
        if self.error is not None:
            out["error"] = self.error
        return out


class ArgmapPluginManager(pluggy.PluginManager):
    """A pluggy manager that also remembers where each plugin came from and
    which plugins failed to load."""

    def __init__(self) -> None:
        super().__init__("argmap")
        self.add_hookspecs(hookspecs)
        self.origins: dict[str, tuple[str | None, str | None, bool]] = {}
        self.failures: list[PluginInfo] = []


def _argmap_version() -> str | None:
    try:
        return metadata.version("argmap")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return None


def _allowed(env: Mapping[str, str]) -> set[str] | None:
    value = env.get("ARGMAP_LOAD_PLUGINS")
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def plugin_manager(
    *,
    builtins: bool = True,
    entrypoints: bool = True,
    plugins: Iterable[object] = (),
    env: Mapping[str, str] | None = None,
) -> ArgmapPluginManager:
    """A fresh plugin manager.

    ``builtins`` registers argmap's own plugins; ``entrypoints`` loads the
    installed plugins of the ``argmap`` entry-point group, restricted by the
    ``ARGMAP_LOAD_PLUGINS`` variable of ``env`` (default: the process
    environment) to a comma-separated list of plugin or distribution names
    (empty: none); ``plugins`` adds objects or modules directly.

    A plugin that fails to import, or that implements a hook argmap does not
    declare (a misspelt name, say), is reported (a warning, and in
    ``failures``) and skipped; the others load as usual. Every hook
    implementation left is then checked against its specification
    (pluggy's ``check_pending``).
    """
    pm = ArgmapPluginManager()
    if builtins:
        version = _argmap_version()
        for name, module in BUILTIN_PLUGINS:
            _register(pm, importlib.import_module(module), name, ("argmap", version, True))
    if entrypoints:
        allowed = _allowed(os.environ if env is None else env)
        eps = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)
        if allowed:
            known = {ep.name for ep in eps} | {ep.dist.name for ep in eps if ep.dist is not None}
            for name in sorted(allowed - known):
                warnings.warn(
                    f"ARGMAP_LOAD_PLUGINS names {name!r}, which is not an installed argmap plugin "
                    f"(installed: {', '.join(sorted(known)) or 'none'})",
                    RuntimeWarning,
                    stacklevel=2,
                )
        for ep in eps:
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            if allowed is not None and ep.name not in allowed and dist not in allowed:
                continue
            if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure of a plugin's import is reported
                _fail(pm, ep.name, (dist, version, False), f"failed to import: {type(exc).__name__}: {exc}")
                continue
            _register(pm, plugin, ep.name, (dist, version, False))
    for plugin in plugins:
        # Modules keep their name; objects are named by their class, for readable reports.
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        _register(pm, plugin, name, (None, None, False))
    pm.check_pending()
    return pm


_PREFIX = "argmap_"
_KNOWN_HOOKS = [name for name in dir(hookspecs) if name.startswith(_PREFIX)]


def _hook_problem(pm: ArgmapPluginManager, plugin: object) -> str | None:
    """What is wrong with a plugin's hook implementations, if anything: a hook
    argmap does not declare, or an ``argmap_*`` function not marked as one."""
    known = _KNOWN_HOOKS
    for attr in sorted(dir(plugin)):
        if not attr.startswith(_PREFIX):
            continue
        marked = pm.parse_hookimpl_opts(plugin, attr) is not None
        if attr not in known:
            if not marked:
                continue  # a helper of the plugin's own that happens to share the prefix
            close = difflib.get_close_matches(attr, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (argmap's hooks: {', '.join(known)})"
            return f"implements unknown hook {attr!r}{hint}"
        if not marked:
            return f"defines {attr!r} without marking it @argmap.hookimpl"
    return None


def _fail(pm: ArgmapPluginManager, name: str, origin: tuple[str | None, str | None, bool], message: str) -> None:
    dist, version, _ = origin
    pm.failures.append(PluginInfo(name=name, distribution=dist, version=version, error=message))
    warnings.warn(f"argmap plugin {name!r} {message}", RuntimeWarning, stacklevel=3)


def _register(
    pm: ArgmapPluginManager, plugin: object, name: str, origin: tuple[str | None, str | None, bool]
) -> None:
    problem = _hook_problem(pm, plugin)
    if problem is not None:
        _fail(pm, name, origin, problem)
        return
    try:
        pm.register(plugin, name=name)
    except ValueError as exc:  # pluggy: the same plugin object or name twice
        _fail(pm, name, origin, f"cannot be registered: {exc}")
        return
    pm.origins.setdefault(name, origin)


@attrs.frozen
class Registry:
    """The components every plugin registered, by kind and name, and who registered them."""

    extractors: Mapping[str, Extractor]
    importers: Mapping[str, Importer]
    exporters: Mapping[str, Exporter]
    plugins: tuple[PluginInfo, ...]
    owners: Mapping[tuple[str, str], str] = attrs.field(repr=False)
    clashes: Mapping[tuple[str, str], str] = attrs.field(factory=dict, repr=False)
    """(kind, name) -> why that name cannot be used (two plugins registered it)."""

    @classmethod
    def from_plugin_manager(cls, pm: pluggy.PluginManager) -> Registry:
        """Call every registration hook of every plugin and collect the results.

        A name registered twice is a clash: neither component is used, the
        clash is listed in ``clashes`` (and by ``argmap plugins``), and asking
        for that name raises :class:`PluginError` naming both plugins; every
        other name works. A plugin whose hook raises is reported and skipped.
        """
        found: dict[str, dict[str, Any]] = {kind: {} for kind in _KINDS}
        owners: dict[tuple[str, str], str] = {}
        clashes: dict[tuple[str, str], tuple[str, str]] = {}
        per_plugin: dict[str, dict[str, list[str]]] = {}
        failures: list[PluginInfo] = list(getattr(pm, "failures", ()))
        origins = getattr(pm, "origins", {})
        registered = {name for p in pm.get_plugins() if (name := pm.get_name(p)) is not None}
        # Registration order (built-ins, then plugins by name), then any others by name.
        order = [n for n in origins if n in registered] + sorted(registered - set(origins))
        for plugin_name in order:
            plugin = pm.get_plugin(plugin_name)
            staged: list[tuple[str, Any]] = []
            try:
                for kind, hook_name in _HOOKS.items():
                    for impl in getattr(pm.hook, hook_name).get_hookimpls():
                        if impl.plugin is plugin:
                            impl.function(register=_stager(kind, staged, plugin_name))
            except Exception as exc:  # noqa: BLE001 - a failing plugin must not take the rest down
                dist, version, _ = origins.get(plugin_name, (None, None, False))
                message = f"hook failed: {type(exc).__name__}: {exc}"
                failures.append(PluginInfo(name=plugin_name, distribution=dist, version=version, error=message))
                warnings.warn(f"argmap plugin {plugin_name!r} {message}", RuntimeWarning, stacklevel=2)
                continue
            mine = per_plugin.setdefault(plugin_name, {kind: [] for kind in _KINDS})
            for kind, component in staged:
                key = (kind, component.name)
                if key in owners or key in clashes:
                    other = owners.pop(key, None) or clashes[key][0]
                    found[kind].pop(component.name, None)
                    who = f"plugins {other!r} and {plugin_name!r}" if other != plugin_name else f"plugin {other!r} twice"
                    clashes[key] = (other, f"{kind} {component.name!r} is registered by {who}; neither is used")
                    mine[kind].append(component.name)
                    continue
                owners[key] = plugin_name
                found[kind][component.name] = component
                mine[kind].append(component.name)
        infos = []
        for plugin_name, regs in per_plugin.items():
            dist, version, builtin = origins.get(plugin_name, (None, None, False))
            infos.append(
                PluginInfo(
                    name=plugin_name,
                    distribution=dist,
                    version=version,
                    builtin=builtin,
                    extractors=tuple(regs["extractor"]),
                    importers=tuple(regs["importer"]),
                    exporters=tuple(regs["exporter"]),
                )
            )
        return cls(
            extractors=found["extractor"],
            importers=found["importer"],
            exporters=found["exporter"],
            plugins=tuple(infos) + tuple(failures),
            owners=owners,
            clashes={key: message for key, (_, message) in clashes.items()},
        )

    # -- lookup ---------------------------------------------------------------

    def extractor(self, name: str | None = None) -> Extractor:
        """The extractor of this name; with no name, the default one.

        The default is the built-in ``cues`` extractor when present, else the
        only one registered.
        """
        if name is None:
            if DEFAULT_EXTRACTOR in self.extractors:
                return self.extractors[DEFAULT_EXTRACTOR]
            if len(self.extractors) == 1:
                return next(iter(self.extractors.values()))
            if not self.extractors:
                raise UnknownPluginError("no extractor is installed (install an extractor plugin)")
            raise UnknownPluginError(
                f"several extractors are installed, choose one with -e: {', '.join(sorted(self.extractors))}"
            )
        return self._lookup("extractor", self.extractors, name)

    def importer(self, name: str) -> Importer:
        """The importer of this name."""
        return self._lookup("importer", self.importers, name)

    def exporter(self, name: str) -> Exporter:
        """The exporter of this name."""
        return self._lookup("exporter", self.exporters, name)

    def _lookup(self, kind: str, table: Mapping[str, Any], name: str) -> Any:
        if (kind, name) in self.clashes:
            raise PluginError(self.clashes[(kind, name)])
        try:
            return table[name]
        except KeyError:
            known = ", ".join(sorted(table)) or "none"
            message = f"unknown {kind} {name!r} (installed: {known})"
            failed = [p for p in self.plugins if p.error is not None]
            likely = [p for p in failed if name in p.name or name in (p.distribution or "")]
            for p in likely or failed[:3]:
                message += f"; plugin {p.name!r} failed to load: {p.error}"
            raise UnknownPluginError(message) from None

    def importer_for(self, path: str | PurePath, text: str | None = None) -> Importer | None:
        """The importer that reads this file, if any: the one whose suffix is the longest that ends
        the file's name (``.aif.json`` before ``.json``); where several share that suffix and *text*
        is given, the first whose ``sniff`` recognises the text, else the first registered."""
        found = _by_suffix(self.importers.values(), path)
        if len(found) > 1 and text is not None:
            sniffed = [imp for imp in found if imp.sniff is not None and _sniffs(imp, text)]
            if sniffed:
                return sniffed[0]
        return found[0] if found else None

    def exporter_for(self, path: str | PurePath) -> Exporter | None:
        """The exporter that writes files with this path's name: the longest suffix that ends it wins,
        then the first registered."""
        found = _by_suffix(self.exporters.values(), path)
        return found[0] if found else None

    def as_dict(self) -> dict[str, Any]:
        """What ``argmap plugins --json`` prints: the plugins, and each component with its plugin,
        description, suffixes and (for exporters) options."""
        return {
            "plugins": [p.as_dict() for p in self.plugins],
            "clashes": sorted(self.clashes.values()),
            "extractors": {
                name: {"plugin": self.owners.get(("extractor", name)), "description": ex.description,
                       "units": ex.extract_units is not None}
                for name, ex in sorted(self.extractors.items())
            },
            "importers": {
                name: {"plugin": self.owners.get(("importer", name)), "description": imp.description,
                       "suffixes": list(imp.suffixes)}
                for name, imp in sorted(self.importers.items())
            },
            "exporters": {
                name: {"plugin": self.owners.get(("exporter", name)), "description": exp.description,
                       "suffixes": list(exp.suffixes), "binary": exp.binary,
                       "options": [option.as_dict() for option in exp.options]}
                for name, exp in sorted(self.exporters.items())
            },
        }


DEFAULT_EXTRACTOR = "cues"


def _by_suffix(components: Iterable[Any], path: str | PurePath) -> list[Any]:
    """The components whose longest matching suffix is the longest of all, in registration order."""
    name = PurePath(path).name.lower()
    best, found = 0, []
    for component in components:
        length = max((len(s) for s in component.suffixes if name.endswith(s) and len(name) > len(s)), default=0)
        if length and length > best:
            best, found = length, [component]
        elif length and length == best:
            found.append(component)
    return found


def _sniffs(importer: Importer, text: str) -> bool:
    try:
        return bool(importer.sniff(text))  # type: ignore[misc]
    except Exception:  # noqa: BLE001 - a failing sniffer just does not recognise the text
        return False


def _stager(kind: str, staged: list[tuple[str, Any]], plugin_name: str) -> Callable[[Any], None]:
    cls = _KINDS[kind]

    def register(component: Any) -> None:
        if not isinstance(component, cls):
            raise PluginError(
                f"plugin {plugin_name!r} registered {component!r} as an {kind}; expected argmap.{cls.__name__}"
            )
        staged.append((kind, component))

    return register


def load_registry(
    *, builtins: bool = True, entrypoints: bool = True, plugins: Iterable[object] = (),
    env: Mapping[str, str] | None = None,
) -> Registry:
    """Build a registry from a fresh plugin manager (see :func:`plugin_manager`)."""
    return Registry.from_plugin_manager(
        plugin_manager(builtins=builtins, entrypoints=entrypoints, plugins=plugins, env=env)
    )


_default: Registry | None = None
_default_lock = threading.Lock()


def get_registry(*, refresh: bool = False) -> Registry:
    """The registry of the built-in and installed plugins, built on first use and then reused.

    ``refresh=True`` builds it again (after installing a plugin, or changing
    ``ARGMAP_LOAD_PLUGINS``). This is what :func:`argmap.extract`,
    :func:`argmap.export` and :func:`argmap.render` use when no registry is
    given; a test or an application that wants its own set of plugins builds
    one with :func:`load_registry` and passes it.
    """
    global _default
    with _default_lock:
        if _default is None or refresh:
            _default = load_registry()
        return _default
