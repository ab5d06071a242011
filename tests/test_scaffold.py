"""argmap.scaffold and `argmap plugins new`: a working plugin package, or one clear error."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

import argmap
from argmap.cli import main
from argmap.plugins import load_registry
from argmap.scaffold import KINDS, component_name, module_name, new_plugin
from argmap.testing import check_exporter, check_extractor, check_importer, check_round_trip

from .conftest import ROOT

FEW = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def load_module(path: Path) -> ModuleType:
    """Import a generated plugin module from its file, without installing it."""
    module = path / f"{module_name(path.name)}.py"
    spec = importlib.util.spec_from_file_location(f"scaffolded_{module_name(path.name)}", module)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("kind", KINDS)
def test_package_files_and_pyproject(tmp_path, kind):
    """The package has pyproject.toml, README, module and tests; the pyproject names the distribution,
    depends on argmap and points the `argmap` entry point at the module."""
    path = new_plugin("argmap-shout", kind, tmp_path)
    assert path == tmp_path / "argmap-shout"
    files = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
    assert files == ["README.md", "argmap_shout.py", "pyproject.toml", "tests/test_argmap_shout.py"]
    project = tomllib.loads((path / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "argmap-shout"
    assert any(dep.startswith("argmap") for dep in project["project"]["dependencies"])
    assert project["project"]["entry-points"]["argmap"] == {"argmap-shout": "argmap_shout"}
    assert project["tool"]["setuptools"]["py-modules"] == ["argmap_shout"]
    readme = (path / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# argmap-shout\n") and "pip install -e" in readme
    assert not list(tmp_path.glob(".argmap-shout-*")), "the staging folder was left behind"


def test_extractor_skeleton_passes_argmap_testing(tmp_path):
    """The generated extractor registers as `shout` and passes check_extractor, odd input included."""
    mod = load_module(new_plugin("argmap-shout", "extractor", tmp_path))
    registry = load_registry(entrypoints=False, plugins=[mod])
    check_extractor(registry.extractor("shout"), huge_size=200_000)
    amap = mod.extract(argmap.Document("First claim. More.\n\n  A reason here! Yes.\n"))
    assert [(s.text, s.main) for s in amap.statements] == [("First claim.", True), ("A reason here!", False)]


def test_importer_skeleton_passes_argmap_testing(tmp_path):
    """The generated importer and its exporter register as `shout` and pass the importer, exporter and
    round-trip checks."""
    mod = load_module(new_plugin("argmap-shout", "importer", tmp_path))
    registry = load_registry(entrypoints=False, plugins=[mod])
    check_importer(registry.importer("shout"), settings=FEW)
    check_exporter(registry.exporter("shout"), settings=FEW)
    check_round_trip(registry.exporter("shout"), registry.importer("shout"), settings=FEW)
    assert registry.importer_for("map.shout.txt").name == "shout"  # the longest suffix wins over .txt (prose)
    assert registry.exporter_for("map.shout.txt").name == "shout"
    amap = mod.loads("claim* s1: A\\nB\nsupport r1: s2 -> s1\npremise s2: C\n")
    assert amap.statement("s1").text == "A\nB" and amap.main_claims[0].id == "s1"


def test_importer_skeleton_names_the_bad_line(tmp_path):
    """The generated importer's errors are argmap.FormatError naming the line."""
    mod = load_module(new_plugin("argmap-shout", "importer", tmp_path))
    with pytest.raises(argmap.FormatError, match=r"^line 2: expected 'KIND\[\*\] ID: TEXT'"):
        mod.loads("claim s1: fine\nnonsense\n")
    with pytest.raises(argmap.FormatError, match=r"unknown id 's9'"):
        mod.loads("claim s1: fine\nsupport r1: s9 -> s1\n")


def test_exporter_skeleton_passes_argmap_testing(tmp_path):
    """The generated exporter registers as `shout` and passes check_exporter."""
    mod = load_module(new_plugin("argmap-shout", "exporter", tmp_path))
    registry = load_registry(entrypoints=False, plugins=[mod])
    check_exporter(registry.exporter("shout"), settings=FEW)


def test_exporter_skeleton_outlines_linked_premises_and_undercuts(tmp_path):
    """The outline joins linked premises with & and puts an undercut below the support it attacks."""
    mod = load_module(new_plugin("argmap-shout", "exporter", tmp_path))
    b = argmap.MapBuilder()
    thesis = b.claim("T", main=True)
    reason = b.support(thesis, b.premise("P1"), b.premise("P2"))
    b.attack(reason, b.objection("U"))
    assert mod.outline(b.build()).splitlines() == [
        "[s1 claim, main] T",
        "    + r1: [s2 premise] P1 & [s3 premise] P2",
        "        - r2: [s4 objection] U",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "invalid plugin name ''"),
        ("bad name", "invalid plugin name 'bad name'"),
        ("-leading", "invalid plugin name '-leading'"),
        ("../escape", "invalid plugin name '../escape'"),
        ("9lives", "its module '9lives' is not a Python identifier"),
        ("class", "its module 'class' is not a Python identifier"),
        ("Argmap", "its module 'argmap' would shadow a package"),
        ("argmap-json", "argmap already has a built-in exporter named 'json'"),
    ],
)
def test_bad_names_are_plugin_errors(tmp_path, name, message):
    """Names that make no valid distribution, module or component raise argmap.PluginError and create nothing."""
    with pytest.raises(argmap.PluginError, match=message.replace("[", r"\[").replace(".", r"\.")):
        new_plugin(name, "exporter", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_unknown_kind_is_a_plugin_error(tmp_path):
    """A kind other than extractor, importer or exporter raises argmap.PluginError."""
    with pytest.raises(argmap.PluginError, match="unknown plugin kind 'renderer'"):
        new_plugin("argmap-x", "renderer", tmp_path)


def test_existing_folder_is_an_input_error(tmp_path):
    """Scaffolding into a folder that exists raises argmap.InputError and leaves it untouched."""
    (tmp_path / "argmap-shout").mkdir()
    (tmp_path / "argmap-shout" / "mine.txt").write_text("keep")
    with pytest.raises(argmap.InputError, match="argmap-shout: already exists"):
        new_plugin("argmap-shout", "exporter", tmp_path)
    assert [p.name for p in (tmp_path / "argmap-shout").iterdir()] == ["mine.txt"]


def test_missing_directory_is_created(tmp_path):
    """--dir may name a folder that does not exist yet."""
    path = new_plugin("argmap-shout", "exporter", tmp_path / "a" / "b")
    assert (path / "pyproject.toml").is_file()


def test_names_derive_module_and_component():
    """The module is the name with - and . as _, lower case; the component drops a leading argmap-."""
    assert module_name("argmap-My.Plugin") == "argmap_my_plugin"
    assert component_name("argmap-My.Plugin") == "my.plugin"
    assert component_name("argmap-") == "argmap-"
    assert component_name("outline") == "outline"


@pytest.mark.parametrize("kind", KINDS)
def test_every_placeholder_is_filled_and_the_code_imports_from_the_top(tmp_path, kind):
    """No placeholder is left in any file, a name that spells one is kept as given, and the module takes
    the plugin API from `argmap` itself (not `argmap.plugins`)."""
    path = new_plugin("argmap-x__KIND__y", kind, tmp_path)
    files = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
    assert files == ["README.md", "argmap_x__kind__y.py", "pyproject.toml", "tests/test_argmap_x__kind__y.py"]
    for file in files:
        text = (path / file).read_text(encoding="utf-8").replace("x__KIND__y", "")
        assert not re.search(r"__(NAME|MODULE|COMPONENT|KIND)__", text), file
    project = tomllib.loads((path / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "argmap-x__KIND__y"
    assert project["project"]["description"] == f"An argmap {kind} plugin: x__kind__y"
    module = (path / "argmap_x__kind__y.py").read_text(encoding="utf-8")
    assert "argmap.plugins" not in module and "\n@hookimpl\n" in module
    assert re.search(r"^from argmap import \(?[^)]*\bhookimpl\b", module, re.M)


def test_cli_creates_the_package(tmp_path, capsys):
    """`argmap plugins new NAME --kind K --dir D` creates the package and says how to install it."""
    assert main(["plugins", "new", "argmap-shout", "--kind", "exporter", "--dir", str(tmp_path)]) == 0
    assert (tmp_path / "argmap-shout" / "argmap_shout.py").is_file()
    assert "pip install -e" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bad name", "--kind", "exporter"], "argmap: error: invalid plugin name 'bad name'"),
        (["argmap-shout", "--kind", "exporter"], "already exists"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, capsys, argv, message):
    """A bad name or an existing folder prints one `argmap: error:` line and exits with status 1."""
    (tmp_path / "argmap-shout").mkdir()
    assert main(["plugins", "new", *argv, "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("argmap: error: ")


# -- the real thing: install into a fresh venv, list it, run its own tests ---------------------------


def _fresh_venv(where: Path) -> Path:
    """A venv without pip whose site-packages also sees this interpreter's (argmap, pip, pytest, ...).

    Nothing is downloaded: pip, setuptools, argmap and the test tools come from the running venv
    through a .pth file that adds its site-packages as a site directory (so its own .pth files,
    such as argmap's editable install, work too).
    """
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    Path(site, "argmap-host-venv.pth").write_text(f"import site; site.addsitedir({ours!r})\n", encoding="utf-8")
    return python


def need_editable_builds() -> None:
    """Skip without a setuptools that builds editable wheels by itself (>= 70.1, or older with wheel);
    in CI, where test.sh installs one, fail instead."""
    from importlib import metadata

    try:
        version = tuple(int(x) for x in metadata.version("setuptools").split(".")[:2])
    except (metadata.PackageNotFoundError, ValueError):
        version = (0, 0)
    if version >= (70, 1) or (version >= (64, 0) and importlib.util.find_spec("wheel") is not None):
        return
    message = "pip install -e --no-build-isolation needs setuptools >= 70.1 (test.sh installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _run(
    args: list[str], cwd: Path, timeout: float = 300, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ARGMAP_LOAD_PLUGINS", "PYTHONPATH")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra_env)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_generated_package_installs_is_listed_and_its_tests_pass(tmp_path, kind):
    """`pip install -e` of a new package (offline, into a fresh venv) makes it show in `argmap plugins`
    with its component, and the package's own tests pass."""
    need_editable_builds()
    python = _fresh_venv(tmp_path)
    package = new_plugin("argmap-shout", kind, tmp_path)
    done = _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                 "--no-index", "-e", str(package)], cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = _run([str(python), "-m", "argmap", "plugins", "--json"], cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    plugins = {p["name"]: p for p in json.loads(listed.stdout)["plugins"]}
    assert "argmap-shout" in plugins, listed.stdout
    mine = plugins["argmap-shout"]
    assert (mine["distribution"], mine["version"], mine.get("error")) == ("argmap-shout", "0.1.0", None)
    assert "shout" in mine[f"{kind}s"]
    tests = _run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=package, timeout=600)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert " passed" in tests.stdout and "failed" not in tests.stdout


@pytest.mark.slow
def test_a_wheel_ships_the_templates(tmp_path):
    """A built wheel of argmap (not the editable install) holds every template, and `new_plugin` run
    from it writes the same package as from the source tree."""
    need_editable_builds()
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src" / "argmap", source / "src" / "argmap", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    built = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                  "--no-index", "-w", str(tmp_path / "dist"), str(source)], cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("argmap-*.whl")
    templates = ROOT / "src" / "argmap" / "scaffold" / "templates"
    expected = {f"argmap/scaffold/templates/{p.relative_to(templates).as_posix()}" for p in templates.rglob("*.tmpl")}
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tmp_path / "site")
        shipped = {n for n in zf.namelist() if n.startswith("argmap/scaffold/templates/")}
    assert len(expected) >= 10 and shipped == expected
    script = (
        "import sys, argmap.scaffold as s; "
        "assert s.__file__.startswith(sys.argv[1]), s.__file__; "
        "s.new_plugin('argmap-shout', 'importer', sys.argv[2])"
    )
    made = _run([sys.executable, "-c", script, str(tmp_path / "site"), str(tmp_path / "from-wheel")], cwd=tmp_path,
                PYTHONPATH=str(tmp_path / "site"))
    assert made.returncode == 0, made.stderr
    here = new_plugin("argmap-shout", "importer", tmp_path / "from-source")

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert files(tmp_path / "from-wheel" / "argmap-shout") == files(here)
