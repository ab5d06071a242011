"""The plugin system: registration hooks, attribution, clashes, failing plugins, restriction by env."""

from __future__ import annotations

import sys
import types
from importlib import metadata

import pytest

from argmap import ArgumentMap, Document, Statement, hookimpl
from argmap.errors import PluginError, UnknownPluginError
from argmap.plugins import Exporter, Extractor, Importer, Registry, load_registry, plugin_manager


def _extract(doc: Document) -> ArgumentMap:
    return ArgumentMap([Statement("s1", doc.text.strip())], document=doc)


class EchoExtractor:
    """A throwaway plugin registering one extractor."""

    @hookimpl
    def argmap_register_extractors(self, register):
        register(Extractor("echo", _extract, description="whole text as one claim"))


class ShoutExporter:
    @hookimpl
    def argmap_register_exporters(self, register):
        register(Exporter("shout", lambda m: "\n".join(s.text.upper() for s in m), suffixes=("shout",)))


def test_builtins_register_like_any_plugin(registry):
    """The built-in plugins show up with what each registered, attributed to them."""
    plugins = {p.name: p for p in registry.plugins}
    assert plugins["argmap.json"].importers == ("json",)
    assert plugins["argmap.json"].exporters == ("json",)
    assert plugins["argmap.diagram"].exporters == ("dot", "svg", "png", "pdf")
    assert all(p.builtin and p.distribution == "argmap" for p in plugins.values())
    assert registry.owners[("exporter", "dot")] == "argmap.diagram"


def test_a_test_builds_its_own_manager_with_just_its_plugins():
    """A registry can hold only the plugins a test gives it: no built-ins, no entry points."""
    reg = load_registry(builtins=False, entrypoints=False, plugins=[EchoExtractor()])
    assert list(reg.extractors) == ["echo"] and not reg.exporters and not reg.importers
    assert reg.extractor().extract(Document("  Hi.  ")).statement("s1").text == "Hi."


def test_suffixes_are_normalised_and_used_for_lookup():
    """Exporter suffixes get a leading dot and lower case; files find their exporter by suffix."""
    reg = load_registry(builtins=True, entrypoints=False, plugins=[ShoutExporter()])
    assert reg.exporter("shout").suffixes == (".shout",)
    assert reg.exporter_for("OUT.SHOUT").name == "shout"
    assert reg.importer_for("map.json").name == "json"
    assert reg.importer_for("notes.txt") is None


def test_name_clash_is_an_error_naming_both_plugins():
    """Two plugins registering the same exporter name: that name is refused, naming both plugins, and listed
    as a clash; every other name keeps working."""

    class Other:
        @hookimpl
        def argmap_register_exporters(self, register):
            register(Exporter("dot", lambda m: "", description="another dot"))

    pm = plugin_manager(entrypoints=False)
    pm.register(Other(), name="fancy-dot")
    registry = Registry.from_plugin_manager(pm)
    message = "exporter 'dot' is registered by plugins 'argmap.diagram' and 'fancy-dot'; neither is used"
    with pytest.raises(PluginError, match=message):
        registry.exporter("dot")
    assert list(registry.clashes.values()) == [message] and registry.as_dict()["clashes"] == [message]
    assert registry.exporter("svg").name == "svg" and registry.extractor().name == "cues"


def test_a_plugin_registering_one_name_twice_is_an_error():
    """A single plugin that registers the same name twice is named in the error."""

    class Twice:
        @hookimpl
        def argmap_register_importers(self, register):
            register(Importer("x", lambda t: ArgumentMap()))
            register(Importer("x", lambda t: ArgumentMap()))

    pm = plugin_manager(builtins=False, entrypoints=False)
    pm.register(Twice(), name="twice")
    registry = Registry.from_plugin_manager(pm)
    with pytest.raises(PluginError, match="importer 'x' is registered by plugin 'twice' twice"):
        registry.importer("x")


def test_a_failing_hook_is_reported_and_skipped():
    """A plugin whose hook raises (or registers garbage) is reported with its error; the rest still load."""

    class Broken:
        @hookimpl
        def argmap_register_exporters(self, register):
            register(Exporter("half", lambda m: ""))
            raise RuntimeError("boom")

    class Garbage:
        @hookimpl
        def argmap_register_exporters(self, register):
            register("not an exporter")

    pm = plugin_manager(entrypoints=False)
    pm.register(Broken(), name="broken")
    pm.register(Garbage(), name="garbage")
    with pytest.warns(RuntimeWarning) as caught:
        reg = Registry.from_plugin_manager(pm)
    messages = sorted(str(w.message) for w in caught)
    assert messages[0] == "argmap plugin 'broken' hook failed: RuntimeError: boom"
    assert messages[1].startswith("argmap plugin 'garbage' hook failed: PluginError:")
    assert "half" not in reg.exporters and "dot" in reg.exporters
    errors = {p.name: p.error for p in reg.plugins if p.error}
    assert errors["broken"] == "hook failed: RuntimeError: boom"
    assert "expected argmap.Exporter" in errors["garbage"]


def test_bad_component_names_are_refused():
    """Names are lower-case identifiers; a plugin passing 'Bad Name' fails loudly."""
    with pytest.raises(PluginError, match="invalid exporter name 'Bad Name'"):
        Exporter("Bad Name", lambda m: "")
    with pytest.raises(PluginError, match="must be callable"):
        Importer("x", "not callable")  # type: ignore[arg-type]


def test_unknown_names_list_what_is_installed(registry):
    """Asking for a missing component names it and lists the installed ones."""
    with pytest.raises(UnknownPluginError, match=r"unknown exporter 'svgz' \(installed: .*dot, .*json"):
        registry.exporter("svgz")


def test_no_extractor_gives_a_clear_error():
    """With no extractor installed, asking for the default says so."""
    reg = load_registry(builtins=False, entrypoints=False)
    with pytest.raises(UnknownPluginError, match="no extractor is installed"):
        reg.extractor()


class _FakeDist:
    def __init__(self, name):
        self.name = name
        self.version = "9.9"


def _fake_entry_points(monkeypatch, eps):
    def entry_points(group=None, **kw):
        assert group == "argmap"
        return eps

    monkeypatch.setattr(metadata, "entry_points", entry_points)


def _ep(name, value, dist):
    ep = metadata.EntryPoint(name=name, value=value, group="argmap")
    return ep._for(_FakeDist(dist)) if hasattr(ep, "_for") else ep


@pytest.fixture
def fake_plugin_module(monkeypatch):
    mod = types.ModuleType("argmap_fake_plugin")
    mod.argmap_register_extractors = hookimpl(lambda register: register(Extractor("fake", _extract)))
    monkeypatch.setitem(sys.modules, "argmap_fake_plugin", mod)
    return mod


def test_entry_point_plugins_load_and_failures_are_reported(monkeypatch, fake_plugin_module):
    """Entry-point plugins load with their distribution; one that fails to import is reported and skipped."""
    _fake_entry_points(
        monkeypatch,
        [_ep("fake", "argmap_fake_plugin", "argmap-fake"), _ep("missing", "argmap_no_such_module", "argmap-missing")],
    )
    with pytest.warns(RuntimeWarning, match="argmap plugin 'missing' failed to import: ModuleNotFoundError"):
        reg = load_registry(env={})
    plugins = {p.name: p for p in reg.plugins}
    assert plugins["fake"].extractors == ("fake",)
    assert plugins["fake"].distribution == "argmap-fake" and plugins["fake"].version == "9.9"
    assert plugins["missing"].error.startswith("failed to import: ModuleNotFoundError")
    assert "fake" in reg.extractors


@pytest.mark.parametrize(
    "value, loaded",
    [(None, {"fake"}), ("", set()), ("fake", {"fake"}), ("argmap-fake", {"fake"}), ("other, x", set())],
)
def test_argmap_load_plugins_restricts_entry_points(monkeypatch, fake_plugin_module, value, loaded):
    """ARGMAP_LOAD_PLUGINS lists the plugins (entry-point or distribution names) that may load; built-ins always do."""
    _fake_entry_points(monkeypatch, [_ep("fake", "argmap_fake_plugin", "argmap-fake")])
    env = {} if value is None else {"ARGMAP_LOAD_PLUGINS": value}
    reg = load_registry(env=env)
    assert {p.name for p in reg.plugins if not p.builtin} == loaded
    assert "dot" in reg.exporters


def test_loading_every_plugin_leaves_the_public_functions_alone():
    """Importing the plugins' modules never replaces argmap's public functions by submodules of the same name."""
    import argmap

    load_registry().extractor().extract(Document("We should test more. Bugs cost money."))
    for name in ("extract", "render", "load", "dump", "loads", "dumps", "to_dot"):
        assert callable(getattr(argmap, name)), name
