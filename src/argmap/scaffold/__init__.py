"""``argmap plugins new``: create a working plugin package to start from.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = new_plugin("argmap-shout", "exporter", tmp)
...     sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
['README.md', 'argmap_shout.py', 'pyproject.toml', 'tests/test_argmap_shout.py']

The package is named NAME (the distribution), its module is NAME with ``-``
and ``.`` turned into ``_``, and it registers one component named after NAME
without a leading ``argmap-``: an extractor (each paragraph's first sentence;
the first paragraph's is the main claim, the others support it), an importer
with a matching exporter of a tiny line-based format, or an exporter of a plain
text outline. Its tests call :mod:`argmap.testing`; ``pip install -e NAME``
makes it show in ``argmap plugins`` at once.

The files are written from the templates in ``argmap/scaffold/templates``:
``common/`` holds what every kind shares and ``<kind>/`` the rest, each file as
it will be written, with ``.tmpl`` at the end of its name (so that no tool takes
a template for a real module, test or project) and placeholders in its name and
text: ``__NAME__`` (the distribution), ``__MODULE__``, ``__COMPONENT__`` and
``__KIND__``.
"""

from __future__ import annotations

import keyword
import os
import re
import shutil
import sys
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from .._io import show_path
from ..errors import InputError, PluginError

__all__ = ["KINDS", "component_name", "module_name", "new_plugin"]

KINDS = ("extractor", "importer", "exporter")
"""What a new plugin can register."""

_DIST_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?")


def module_name(name: str) -> str:
    """The Python module of distribution *name*: lower case, ``-`` and ``.`` as ``_``.

    >>> module_name("argmap-Shout.v2")
    'argmap_shout_v2'
    """
    return re.sub(r"[-.]+", "_", name).lower()


def component_name(name: str) -> str:
    """The name the plugin registers its component under: *name* without ``argmap-``.

    >>> component_name("argmap-shout"), component_name("Outline")
    ('shout', 'outline')
    """
    lowered = name.lower()
    for prefix in ("argmap-", "argmap_", "argmap."):
        if lowered.startswith(prefix) and len(lowered) > len(prefix):
            return lowered[len(prefix):]
    return lowered


def _check(name: str, kind: str) -> None:
    if kind not in KINDS:
        raise PluginError(f"unknown plugin kind {kind!r} (expected one of {', '.join(KINDS)})")
    if not isinstance(name, str) or not _DIST_RE.fullmatch(name):
        raise PluginError(
            f"invalid plugin name {name!r}: use letters, digits, '-', '_' and '.', "
            "starting and ending with a letter or digit (e.g. argmap-shout)"
        )
    module = module_name(name)
    if not module.isidentifier() or keyword.iskeyword(module):
        raise PluginError(f"invalid plugin name {name!r}: its module {module!r} is not a Python identifier")
    if module in sys.stdlib_module_names or module in ("argmap", "test", "tests", "llm", "pluggy", "attrs",
                                                        "hypothesis", "pytest", "setuptools", "pip"):
        what = "a module of Python's standard library" if module in sys.stdlib_module_names else "a package"
        raise PluginError(f"invalid plugin name {name!r}: its module {module!r} would shadow {what} "
                          f"(try argmap-{name})")
    from ..plugins import load_registry

    builtin = load_registry(entrypoints=False)
    component = component_name(name)
    taken = builtin.exporters if kind == "exporter" else builtin.extractors if kind == "extractor" else {
        **builtin.importers, **builtin.exporters}
    if component in taken:
        raise PluginError(
            f"invalid plugin name {name!r}: argmap already has a built-in {kind} named {component!r}"
        )


def new_plugin(name: str, kind: str, directory: str | os.PathLike[str] = ".") -> Path:
    """Create the plugin package folder ``directory/name`` and return its path.

    Raises :class:`~argmap.PluginError` for a bad name or kind, and
    :class:`~argmap.InputError` when the folder exists. The folder is written
    whole or not at all.
    """
    _check(name, kind)
    parent = Path(directory)
    target = parent / name
    if target.exists() or target.is_symlink():
        raise InputError("already exists; choose another name or --dir", where=show_path(target))
    for above in (parent, *parent.parents):  # a regular file anywhere above the folder
        if above.exists():
            if not above.is_dir():
                raise InputError("is not a directory", where=show_path(above))
            break
    files = _files(name, kind)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=parent))
    except OSError as exc:
        raise InputError(f"cannot create the plugin here: {exc.strerror or exc}", where=show_path(parent)) from None
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"cannot write the plugin: {exc.strerror or exc}", where=show_path(target)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


_PLACEHOLDER = re.compile(r"__(?:NAME|MODULE|COMPONENT|KIND)__")
_SUFFIX = ".tmpl"


def _templates(kind: str) -> dict[str, str]:
    """The templates of *kind* by relative path (``common/`` first, then ``kind/``), still with
    their placeholders and ``.tmpl`` names."""
    root = resources.files(__package__ or __name__).joinpath("templates")
    found: dict[str, str] = {}

    def walk(folder: Traversable, prefix: PurePosixPath) -> None:
        for item in sorted(folder.iterdir(), key=lambda t: t.name):
            if item.is_dir():
                walk(item, prefix / item.name)
            elif item.name.endswith(_SUFFIX):
                found[(prefix / item.name).as_posix()] = item.read_text(encoding="utf-8")

    for part in ("common", kind):
        walk(root.joinpath(part), PurePosixPath())
    return found


def _files(name: str, kind: str) -> dict[str, str]:
    """The package's files: relative path -> text, the templates filled in."""
    values = {
        "__NAME__": name,
        "__MODULE__": module_name(name),
        "__COMPONENT__": component_name(name),
        "__KIND__": kind,
    }

    def fill(text: str) -> str:
        # One pass, so that a value holding a placeholder's spelling is never filled in again.
        return _PLACEHOLDER.sub(lambda m: values[m.group()], text)

    return {fill(path.removesuffix(_SUFFIX)): fill(text) for path, text in _templates(kind).items()}
