"""The way through the code: the plugin API at the top, one registry path for every command that
writes, exporter options, hook names checked when the manager is built, one validation error type,
and an import graph without circles."""

from __future__ import annotations

import ast
import re
import json
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    Attack,
    Document,
    Exporter,
    Importer,
    Option,
    OptionError,
    PluginError,
    Provenance,
    Statement,
    Support,
    ValidationError,
    hookimpl,
)
from argmap.cli import main
from argmap.components import Extractor
from argmap.plugins import load_registry, plugin_manager
from argmap.testing import check_exporter

from . import shout_plugin
from .conftest import ROOT, need_renderers

CORE = ROOT / "seeds" / "japan-russia-reset.core.json"
OPED = ROOT / "seeds" / "japan-russia-reset.txt"


@pytest.fixture
def reg():
    """The built-ins and the third-party `shout` exporter plugin of tests/shout_plugin.py."""
    return load_registry(entrypoints=False, plugins=[shout_plugin])


def run(argv, reg, capsys):
    code = main(argv, registry=reg)
    out, err = capsys.readouterr()
    return code, out, err


# -- the plugin API at the top ------------------------------------------------------------------


def test_plugin_api_is_at_the_top_and_old_paths_still_import():
    """`from argmap import Extractor, Importer, Exporter, hookimpl` works, and the old paths name the same objects."""
    import argmap.hookspecs
    import argmap.plugins
    import argmap.strategies
    import argmap.testing

    assert argmap.plugins.Extractor is argmap.Extractor
    assert argmap.plugins.Importer is argmap.Importer
    assert argmap.plugins.Exporter is argmap.Exporter
    assert argmap.plugins.load_registry is load_registry
    assert argmap.hookspecs.hookimpl is argmap.hookimpl
    assert callable(argmap.testing.check_extractor) and callable(argmap.strategies.argument_maps)
    assert {"Extractor", "Importer", "Exporter", "Option", "hookimpl", "get_registry"} <= set(argmap.__all__)


def test_default_registry_is_cached_and_rebuilt_on_demand():
    """argmap.get_registry() returns the same registry until asked to refresh."""
    first = argmap.get_registry()
    assert argmap.get_registry() is first
    fresh = argmap.get_registry(refresh=True)
    assert fresh is not first and argmap.get_registry() is fresh
    assert "cues" in fresh.extractors and "svg" in fresh.exporters


def test_version_is_available():
    """argmap.__version__ is the installed distribution's version."""
    from importlib import metadata

    assert argmap.__version__ == metadata.version("argmap")


# -- one path through the registry ----------------------------------------------------------------


def test_render_draws_with_a_third_party_exporter_chosen_by_suffix(reg, capsys, tmp_path):
    """`render` of prose into a file whose suffix a plugin's exporter claims uses that exporter."""
    out = tmp_path / "op-ed.shout"
    code, _, err = run(["render", str(OPED), "-o", str(out)], reg, capsys)
    assert code == 0, err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(line == line.upper() for line in lines)
    assert "THE WEST SHOULD WELCOME TOKYO’S ENGAGEMENT WITH MOSCOW" in lines


def test_render_passes_a_plugin_exporters_options(reg, capsys, tmp_path):
    """`render -f NAME -O key=value` reaches the plugin's export function, parsed by its declaration."""
    out = tmp_path / "core.txt"
    code, _, err = run(["render", str(CORE), "-f", "shout", "-O", "upper=no", "-O", "prefix=> ", "-o", str(out)],
                       reg, capsys)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("> The west should welcome") and "> Russia, too" in text


def test_convert_passes_a_plugin_exporters_options(reg, capsys):
    """`convert -t NAME -O ...` goes the same way as render."""
    code, out, err = run(["convert", str(CORE), "-t", "shout", "-O", "prefix=* "], reg, capsys)
    assert code == 0, err
    assert out.splitlines()[0] == "* THE WEST SHOULD WELCOME TOKYO’S ENGAGEMENT WITH MOSCOW"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["render", str(CORE), "-f", "shout", "--theme", "print"],
         "exporter 'shout' has no option 'theme' (its options: upper, prefix)"),
        (["convert", str(CORE), "-t", "json", "-O", "indent=4"],
         "exporter 'json' has no option 'indent' (its options: none)"),
        (["render", str(CORE), "-f", "shout", "-O", "upper=maybe"],
         "option 'upper' of exporter 'shout': expected true or false, got 'maybe'"),
        (["render", str(CORE), "-f", "dot", "-O", "theme=neon"],
         "option 'theme' of exporter 'dot': expected one of default, print, colorblind, got 'neon'"),
        (["render", str(CORE), "-f", "dot", "-O", "depth=-1"],
         "option 'depth' of exporter 'dot': expected a whole number >= 0, got '-1'"),
        (["render", str(CORE), "-f", "dot", "--depth", "1", "-O", "depth=2"], "option 'depth' is given twice"),
    ],
)
def test_options_an_exporter_does_not_take_are_one_line_naming_both(reg, capsys, tmp_path, argv, message):
    """An undeclared option, or a bad value, is one error line naming the option and the exporter; nothing is written."""
    out = tmp_path / "out"
    code, stdout, err = run([*argv, "-o", str(out)], reg, capsys)
    assert (code, stdout, err) == (1, "", f"argmap: error: {message}\n")
    assert not out.exists()


def test_render_refuses_a_suffix_no_exporter_writes(reg, capsys, tmp_path):
    """`render -o x.jpg` is an error naming the formats, not SVG under a .jpg name."""
    out = tmp_path / "x.jpg"
    code, _, err = run(["render", str(CORE), "-o", str(out)], reg, capsys)
    assert code == 1 and err.startswith("argmap: error: no exporter writes '.jpg' files; give the format with -f")
    assert "shout" in err and "svg" in err and not out.exists()


def test_diagram_options_are_the_diagram_exporters_options(reg, capsys, tmp_path):
    """The diagram flags are shorthands for the dot exporter's options: both give the same DOT."""
    a, b = tmp_path / "a.dot", tmp_path / "b.dot"
    assert run(["render", str(CORE), "-o", str(a), "--theme", "print", "--depth", "1", "--no-legend"], reg, capsys)[0] == 0
    assert run(["convert", str(CORE), "-o", str(b), "-O", "theme=print", "-O", "depth=1", "-O", "legend=false"],
               reg, capsys)[0] == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_text(encoding="utf-8") == argmap.to_dot(argmap.load(CORE), theme="print", depth=1, legend=False)


class Spy:
    """Plugins that stand in for the built-in json exporter and importer, counting exports."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    @hookimpl
    def argmap_register_exporters(self, register):
        def export(amap, **options):
            self.calls.append(options)
            return argmap.dumps(amap)

        register(Exporter("json", export, suffixes=(".json",)))
        register(Exporter("outline", lambda amap: "outline\n", suffixes=(".md",)))

    @hookimpl
    def argmap_register_importers(self, register):
        register(Importer("json", argmap.loads, suffixes=(".json",)))

    @hookimpl
    def argmap_register_extractors(self, register):
        from argmap.cues import extract

        register(Extractor("cues", extract))


def test_extract_render_and_convert_share_one_path_through_the_registry(capsys, tmp_path):
    """Every command that writes reaches its exporter through the registry: with the json exporter replaced
    by a plugin's, extract, render and convert all call that one."""
    spy = Spy()
    registry = load_registry(builtins=False, entrypoints=False, plugins=[spy])
    assert run(["extract", str(OPED), "-o", str(tmp_path / "a.json")], registry, capsys)[0] == 0
    assert run(["render", str(OPED), "-o", str(tmp_path / "b.json")], registry, capsys)[0] == 0
    assert run(["convert", str(CORE), "-o", str(tmp_path / "c.json")], registry, capsys)[0] == 0
    assert spy.calls == [{}, {}, {}]
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_python_export_goes_through_the_registry():
    """argmap.export(amap, NAME, **options) calls the registered exporter with its options checked."""
    registry = load_registry(entrypoints=False, plugins=[shout_plugin])
    amap = argmap.load(CORE)
    assert argmap.export(amap, "shout", registry=registry, upper=False).startswith("The west")
    with pytest.raises(OptionError, match="exporter 'shout' has no option 'loud'"):
        argmap.export(amap, "shout", registry=registry, loud=True)


@pytest.mark.graphviz
def test_python_render_takes_diagram_options():
    """argmap.render(amap, "svg", theme=...) draws through the svg exporter."""
    need_renderers()
    svg = argmap.render(argmap.load(CORE), "svg", theme="print", legend=False)
    assert svg.startswith(b"<?xml") and b"legend" not in svg


def test_an_exporter_returning_the_wrong_type_is_a_plugin_error():
    """An exporter whose result is not what it declared is named in a PluginError, not a traceback later."""
    bad = Exporter("bad", lambda amap: 42)
    with pytest.raises(PluginError, match="exporter 'bad' returned int, expected str"):
        bad(ArgumentMap())


def test_check_exporter_tries_each_declared_choice_and_refuses_undeclared_options():
    """argmap.testing.check_exporter covers options: declared choices are tried, undeclared ones refused."""
    seen: list[dict] = []

    def export(amap, **options):
        seen.append(options)
        return "x"

    exporter = Exporter("tiny", export, options=(Option("style", choices=("a", "b")),))
    check_exporter(exporter, options=[{}, {"style": "a"}])
    assert {"style": "b"} in seen and {} in seen
    with pytest.raises(AssertionError, match="does not declare the option 'colour'"):
        check_exporter(exporter, options=[{"colour": "red"}])
    check_exporter(shout_plugin.EXPORTER, options=[{"upper": False, "prefix": "> "}])


def test_plugins_json_lists_each_exporters_options(reg, capsys):
    """`argmap plugins --json` says who registered each component, its suffixes, and which options each
    exporter takes; plain `argmap plugins` is a short table."""
    code, out, _ = run(["plugins", "--json"], reg, capsys)
    data = json.loads(out)
    assert code == 0
    shout = data["exporters"]["shout"]
    assert [o["name"] for o in shout["options"]] == ["upper", "prefix"]
    assert shout["plugin"] == "argmap_shout_plugin" or shout["plugin"].endswith("shout_plugin")
    assert shout["suffixes"] == [".shout"] and shout["binary"] is False
    assert {"name": "theme", "help": "colours: default, print (greyscale) or colorblind",
            "choices": ["default", "print", "colorblind"]} in data["exporters"]["svg"]["options"]
    assert data["exporters"]["json"]["options"] == []
    assert data["importers"]["microtext"]["suffixes"] == [".xml"] and data["extractors"]["cues"]["units"] is True
    code, table, _ = run(["plugins"], reg, capsys)
    assert code == 0 and table.splitlines()[0].split() == ["PLUGIN", "VERSION", "REGISTERED"]
    assert any(line.startswith("argmap.diagram (built-in)") and line.endswith("exporters dot, svg, png, pdf")
               for line in table.splitlines())
    assert len(table.splitlines()) < 25


# -- hook names checked when the manager is built ---------------------------------------------------


class Misspelt:
    @hookimpl
    def argmap_register_exporter(self, register):  # one letter short of the real hook
        raise AssertionError("never called")


class Unmarked:
    def argmap_register_exporters(self, register):  # forgot @hookimpl
        raise AssertionError("never called")


class Fine:
    @hookimpl
    def argmap_register_exporters(self, register):
        register(Exporter("fine", lambda amap: "fine\n"))


@pytest.mark.parametrize(
    "plugin, message",
    [
        (Misspelt(), "implements unknown hook 'argmap_register_exporter' (did you mean 'argmap_register_exporters'?)"),
        (Unmarked(), "defines 'argmap_register_exporters' without marking it @argmap.hookimpl"),
    ],
    ids=["misspelt", "unmarked"],
)
def test_a_hook_argmap_does_not_know_is_reported_and_the_plugin_skipped(plugin, message):
    """A misspelt or unmarked hook is reported like any broken plugin (named, skipped), never fatal to the rest."""
    with pytest.warns(RuntimeWarning, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        registry = load_registry(entrypoints=False, plugins=[plugin, Fine()])
    failed = {p.name: p.error for p in registry.plugins if p.error}
    assert failed == {type(plugin).__name__: message}
    assert "fine" in registry.exporters and "json" in registry.exporters


def test_the_manager_is_checked_against_the_specs_when_built():
    """plugin_manager() runs pluggy's check_pending: nothing unvalidated is left registered."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pm = plugin_manager(entrypoints=False, plugins=[Misspelt(), Fine()])
    pm.check_pending()
    assert pm.get_plugin("Misspelt") is None and pm.get_plugin("Fine") is not None


# -- one validation error type ------------------------------------------------------------------


_BAD_FIELDS = [
    (Document, {"text": None}, "Document.text"),
    (Document, {"title": 3}, "Document.title"),
    (Document, {"metadata": [1]}, "Document.metadata"),
    (Statement, {"id": "1x", "text": "a"}, "Statement.id"),
    (Statement, {"id": "s1", "text": 5}, "Statement.text"),
    (Statement, {"id": "s1", "text": "a", "kind": "fact"}, "Statement.kind"),
    (Statement, {"id": "s1", "text": "a", "main": 1}, "Statement.main"),
    (Statement, {"id": "s1", "text": "a", "spans": 7}, "Statement.spans"),
    (Statement, {"id": "s1", "text": "a", "provenance": "cues"}, "Statement.provenance"),
    (Statement, {"id": "s1", "text": "a", "tags": [1]}, "Statement.tags"),
    (Support, {"id": "r1", "premises": ["s1"], "conclusion": 2}, "Support.conclusion"),
    (Support, {"id": "r1", "premises": ["s1"], "conclusion": "s2", "example": "no"}, "Support.example"),
    (Attack, {"id": "r1", "attackers": ["s1"], "target": None}, "Attack.target"),
    (Provenance, {"extractor": "cues", "confidence": 1.5}, "Provenance.confidence"),
    (Provenance, {"extractor": ""}, "Provenance.extractor"),
    (ArgumentMap, {"document": "x"}, "ArgumentMap.document"),
    (ArgumentMap, {"metadata": 3}, "ArgumentMap.metadata"),
]


@pytest.mark.parametrize("cls, fields, where", _BAD_FIELDS, ids=[w for _, _, w in _BAD_FIELDS])
def test_every_bad_field_is_a_validation_error_naming_class_and_field(cls, fields, where):
    """A bad value in any field of the model raises ValidationError whose place is Class.field, in one line."""
    with pytest.raises(ValidationError) as info:
        cls(**fields)
    assert info.value.where.startswith(where) and "\n" not in str(info.value)


_NOT_TEXT = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=2),
                      st.dictionaries(st.text(max_size=2), st.integers(), max_size=1), st.binary(max_size=3))


@given(cls=st.sampled_from([Document, Statement, Support, Attack, Provenance]), value=_NOT_TEXT, data=st.data())
def test_any_non_text_in_a_text_field_is_a_validation_error(cls, value, data):
    """Whatever non-string lands in a string field of the model, the error is a ValidationError naming it."""
    base = {
        Document: {"text": "t"},
        Statement: {"id": "s1", "text": "t"},
        Support: {"id": "r1", "premises": ["s1"], "conclusion": "s2"},
        Attack: {"id": "r1", "attackers": ["s1"], "target": "s2"},
        Provenance: {"extractor": "cues"},
    }[cls]
    types = {a.name: a.type for a in attrs.fields(cls) if a.type in ("str", "str | None")}
    field = data.draw(st.sampled_from(sorted(types)))
    assume(not (value is None and types[field] == "str | None"))
    with pytest.raises(ValidationError) as info:
        cls(**{**base, field: value})
    assert info.value.where == f"{cls.__name__}.{field}"


# -- the import graph ---------------------------------------------------------------------------


def _eager_imports(path: Path, package: str) -> set[str]:
    """The argmap modules a module imports when it is imported (not inside functions or TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                names = [module] + [f"{module}.{a.name}" for a in node.names]
                found.update(n for n in names if n.startswith("argmap"))
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("argmap"))
            elif isinstance(node, (ast.ClassDef, ast.If, ast.Try, ast.With)):
                visit(ast.iter_child_nodes(node))

    visit(tree.body)
    return found


def test_the_import_graph_has_no_circles():
    """No module of argmap imports, at import time, a module that imports it back (lazy imports inside
    functions are allowed and named in a comment where they break a circle)."""
    src = ROOT / "src"
    modules: dict[str, Path] = {}
    for path in (src / "argmap").rglob("*.py"):
        name = ".".join(path.relative_to(src).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for imported in _eager_imports(path, package + ".x"):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        # Importing a submodule imports its package's __init__ first.
        graph[name] = targets

    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                dfs(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            dfs(node)
    # A package's __init__ re-exporting its own submodules is not a circle.
    real = [c for c in cycles if not all(m == c[0] or m.startswith(c[0] + ".") or c[0].startswith(m + ".")
                                         for m in c)]
    assert not real, "import circles: " + "; ".join(" -> ".join(c) for c in real)


# -- docs/architecture.md matches the tree ------------------------------------------------------------


def _tree_block() -> str:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = page.index("```text\nsrc/argmap/")
    return page[start: page.index("```", start + 3)]


def test_architecture_page_names_every_module_and_package_of_the_tree():
    """Every module and subpackage of src/argmap appears in docs/architecture.md's tree, and every name
    the tree gives exists."""
    block = _tree_block()
    pkg = ROOT / "src" / "argmap"
    top = sorted(p.name + ("/" if p.is_dir() else "") for p in pkg.iterdir()
                 if (p.is_dir() and (p / "__init__.py").exists()) or p.suffix == ".py")
    missing = [name for name in top if name != "__main__.py" and name not in block]
    assert not missing, f"docs/architecture.md does not mention {missing}"
    for sub in (p for p in pkg.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        for module in sub.glob("*.py"):
            if module.name.startswith("_"):
                continue
            assert module.name in block, f"docs/architecture.md does not mention {sub.name}/{module.name}"
    named = set(re.findall(r"\b([a-z_]+\.py)\b", block)) | set(re.findall(r"\b([a-z_]+)/", block))
    existing = {p.name for p in pkg.rglob("*.py")} | {p.name for p in pkg.rglob("*") if p.is_dir()}
    assert named <= existing | {"argmap", "src"}, f"the tree names what does not exist: {sorted(named - existing)}"


def test_lint_and_diff_are_reachable_from_the_map_and_the_top():
    """amap.lint() and argmap.diff(a, b) are the analysis functions, reached without importing the package."""
    from argmap.analysis import lint as analysis_lint

    amap = argmap.load(CORE)
    assert amap.lint() == analysis_lint(amap)
    assert argmap.diff(amap, amap).main_changed is False
