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
"""

from __future__ import annotations

import keyword
import os
import re
import shutil
import tempfile
from pathlib import Path

from .errors import InputError, PluginError

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
    if module in ("argmap", "test", "tests", "llm", "pluggy", "attrs", "hypothesis", "pytest"):
        raise PluginError(f"invalid plugin name {name!r}: its module {module!r} would shadow a package")
    from .plugins import load_registry

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
        raise InputError("already exists; choose another name or --dir", where=str(target))
    if parent.exists() and not parent.is_dir():
        raise InputError("is not a directory", where=str(parent))
    parent.mkdir(parents=True, exist_ok=True)
    files = _files(name, kind)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=parent))
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _files(name: str, kind: str) -> dict[str, str]:
    module = module_name(name)
    component = component_name(name)
    values = {
        "__NAME__": name,
        "__MODULE__": module,
        "__COMPONENT__": component,
        "__KIND__": kind,
        "__TITLE__": component.replace("-", " ").replace("_", " ").replace(".", " ").capitalize(),
    }

    def fill(template: str) -> str:
        for key, value in values.items():
            template = template.replace(key, value)
        return template.lstrip("\n")

    return {
        "pyproject.toml": fill(_PYPROJECT),
        "README.md": fill(_README[kind]),
        f"{module}.py": fill(_MODULES[kind]),
        f"tests/test_{module}.py": fill(_TESTS[kind]),
    }


_PYPROJECT = '''
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "__NAME__"
version = "0.1.0"
description = "An argmap __KIND__ plugin: __COMPONENT__"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["argmap>=0.1"]

[project.optional-dependencies]
test = ["pytest>=8", "hypothesis>=6.100"]

# argmap finds its plugins through this entry-point group.
[project.entry-points.argmap]
__NAME__ = "__MODULE__"

[tool.setuptools]
py-modules = ["__MODULE__"]
'''

_README_COMMON = '''
## Install and try

```console
$ pip install -e .                # from this folder
$ argmap plugins                  # lists __NAME__ and what it registered
$ pip install -e '.[test]' && python -m pytest
```

The tests call `argmap.testing`, which checks what every argmap plugin must do. See argmap's
`docs/plugins.md` for the tutorial and `docs/hooks.md` for the hooks.
'''

_README = {
    "extractor": '''
# __NAME__

An [argmap](https://pypi.org/project/argmap/) extractor plugin. It registers the extractor
`__COMPONENT__`: the first sentence of each paragraph is a statement; the first paragraph's is the main
claim, and the others support it. A skeleton to replace with your own method.

```console
$ argmap extract essay.txt -e __COMPONENT__
```
''' + _README_COMMON,
    "importer": '''
# __NAME__

An [argmap](https://pypi.org/project/argmap/) format plugin. It registers the importer and the
exporter `__COMPONENT__` of a tiny line-based format (files ending in `.__COMPONENT__.txt`):

```text
recommendation* s1: Cities should plant more trees.
premise s2: Trees cool the streets.
support r1: s2 -> s1
```

One statement (`KIND[*] ID: TEXT`, `*` for a main claim) or relation (`support|attack ID: FROM... ->
TO`) per line; `\\n` and `\\\\` in a text stand for a line break and a backslash. The format carries no
document, spans, provenance, tags or metadata: the exporter says so with an `argmap.ExportWarning`.

```console
$ argmap convert map.json -t __COMPONENT__ -o map.__COMPONENT__.txt
$ argmap convert map.__COMPONENT__.txt -t json
```
''' + _README_COMMON,
    "exporter": '''
# __NAME__

An [argmap](https://pypi.org/project/argmap/) exporter plugin. It registers the exporter
`__COMPONENT__`: a plain text outline of the map, each main claim (or top statement) with its reasons
(`+`) and objections (`-`) indented below it.

```console
$ argmap convert map.json -t __COMPONENT__
```
''' + _README_COMMON,
}

_MODULES = {
    "extractor": '''
"""__NAME__: an argmap extractor plugin (registers the extractor ``__COMPONENT__``).

Each paragraph's first sentence becomes a statement: the first paragraph's is
the main claim, and each later one is a premise that supports it. A skeleton
that passes ``argmap.testing``: replace ``extract`` with your own method.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import argmap
from argmap import ArgumentMap, Document, Provenance, Statement, Support
from argmap.plugins import Extractor

NAME = "__COMPONENT__"
_PARAGRAPH = re.compile(r"\\S(?:.*?\\S)??(?=\\s*\\n\\s*\\n|\\s*\\Z)", re.S)
_SENTENCE_END = re.compile(r"[.!?](?=\\s|\\Z)")


def first_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) span of each paragraph's first sentence."""
    spans = []
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        stop = _SENTENCE_END.search(text, start, end)
        spans.append((start, stop.end() if stop else end))
    return spans


def extract(document: Document) -> ArgumentMap:
    """Map a document: its paragraphs' first sentences, all supporting the first."""
    provenance = Provenance(extractor=NAME)
    statements = []
    for i, (start, end) in enumerate(first_sentences(document.text)):
        statements.append(
            Statement(
                id=f"s{i + 1}",
                text=document.text[start:end],
                kind="claim" if i == 0 else "premise",
                main=i == 0,
                spans=[(start, end)],
                provenance=provenance,
            )
        )
    supports = [
        Support(id=f"r{i}", premises=[s.id], conclusion="s1", provenance=provenance)
        for i, s in enumerate(statements[1:], start=1)
    ]
    return ArgumentMap(statements, supports, document=document)


EXTRACTOR = Extractor(NAME, extract, description="each paragraph's first sentence; the first is the main claim")


@argmap.hookimpl
def argmap_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register the ``__COMPONENT__`` extractor."""
    register(EXTRACTOR)
''',
    "importer": '''
"""__NAME__: an argmap format plugin (registers the importer and exporter ``__COMPONENT__``).

A tiny line-based format, one statement or relation per line::

    recommendation* s1: Cities should plant more trees.
    premise s2: Trees cool the streets.
    support r1: s2 -> s1

A statement is ``KIND[*] ID: TEXT`` (``*`` marks a main claim); a relation is
``support ID: FROM... -> TO`` or ``attack ID: FROM... -> TO`` (``TO`` may be a
relation: an undercut). In a text, ``\\\\n``, ``\\\\r`` and ``\\\\\\\\`` stand for a line
break, a carriage return and a backslash. Blank lines and lines starting with
``#`` are skipped. The format carries no document, spans, provenance, tags,
metadata, schemes or example flags: the exporter warns when a map has them.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import argmap
from argmap import ArgumentMap, Attack, Document, FormatError, Statement, Support, ValidationError
from argmap.plugins import Exporter, Importer

NAME = "__COMPONENT__"
SUFFIXES = (".__COMPONENT__.txt",)
_STATEMENT = re.compile(r"(?P<kind>[a-z]+)(?P<main>\\*?) (?P<id>\\S+): (?P<text>.*)")
_RELATION = re.compile(r"(?P<type>support|attack) (?P<id>\\S+): (?P<sources>[^>]*?) -> (?P<target>\\S+)")
_ESCAPES = {"\\\\": "\\\\\\\\", "\\n": "\\\\n", "\\r": "\\\\r"}
_UNESCAPES = {"\\\\\\\\": "\\\\", "\\\\n": "\\n", "\\\\r": "\\r"}


def _escape(text: str) -> str:
    return re.sub(r"[\\\\\\n\\r]", lambda m: _ESCAPES[m.group()], text)


def _unescape(text: str, where: str) -> str:
    def one(match: re.Match[str]) -> str:
        try:
            return _UNESCAPES[match.group()]
        except KeyError:
            raise FormatError(f"unknown escape {match.group()!r} (use \\\\n, \\\\r or \\\\\\\\)", where=where) from None

    return re.sub(r"\\\\.?", one, text, flags=re.S)


def _lost(amap: ArgumentMap) -> list[str]:
    """What of the map this format cannot carry."""
    lost = []
    if amap.document != Document():
        lost.append("the document")
    if amap.metadata:
        lost.append("the map's metadata")
    for item in (*amap.statements, *amap.relations):
        if getattr(item, "spans", None):
            lost.append("spans")
        if item.provenance is not None:
            lost.append("provenance")
        if getattr(item, "tags", None):
            lost.append("tags")
        if item.metadata:
            lost.append("metadata")
        if getattr(item, "scheme", None) is not None:
            lost.append("schemes")
        if getattr(item, "example", False):
            lost.append("example flags")
    return sorted(set(lost))


def dumps(amap: ArgumentMap) -> str:
    """The map in the line format; warns (argmap.ExportWarning) about what it leaves out."""
    lost = _lost(amap)
    if lost:
        warnings.warn(f"the {NAME} format cannot carry {', '.join(lost)}: left out", argmap.ExportWarning, stacklevel=2)
    lines = [f"{s.kind.value}{'*' if s.main else ''} {s.id}: {_escape(s.text)}" for s in amap.statements]
    for rel in amap.relations:
        kind = "support" if isinstance(rel, Support) else "attack"
        lines.append(f"{kind} {rel.id}: {' '.join(rel.sources)} -> {rel.target}")
    return "".join(line + "\\n" for line in lines)


def loads(text: str) -> ArgumentMap:
    """Read the line format; a line it cannot read raises argmap.FormatError naming the line."""
    statements: list[Statement] = []
    relations: list[Support | Attack] = []
    for number, line in enumerate(text.split("\\n"), start=1):
        where = f"line {number}"
        line = line.removesuffix("\\r")
        if not line.strip() or line.startswith("#"):
            continue
        try:
            if match := _RELATION.fullmatch(line):
                sources = match["sources"].split()
                if match["type"] == "support":
                    relations.append(Support(id=match["id"], premises=sources, conclusion=match["target"]))
                else:
                    relations.append(Attack(id=match["id"], attackers=sources, target=match["target"]))
            elif match := _STATEMENT.fullmatch(line):
                statements.append(
                    Statement(
                        id=match["id"], text=_unescape(match["text"], where), kind=match["kind"],
                        main=bool(match["main"]),
                    )
                )
            else:
                raise FormatError("expected 'KIND[*] ID: TEXT' or 'support|attack ID: FROM... -> TO'", where=where)
        except ValidationError as exc:
            raise FormatError(exc.message, where=where) from None
    try:
        return ArgumentMap(statements, relations)
    except ValidationError as exc:
        raise FormatError(exc.message, where=exc.where) from None


IMPORTER = Importer(NAME, loads, suffixes=SUFFIXES, description="a tiny line-based map format")
EXPORTER = Exporter(NAME, dumps, suffixes=SUFFIXES, description="a tiny line-based map format")


@argmap.hookimpl
def argmap_register_importers(register: Callable[[Importer], None]) -> None:
    """Register the ``__COMPONENT__`` importer."""
    register(IMPORTER)


@argmap.hookimpl
def argmap_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``__COMPONENT__`` exporter, so that maps can be written in the format too."""
    register(EXPORTER)
''',
    "exporter": '''
"""__NAME__: an argmap exporter plugin (registers the exporter ``__COMPONENT__``).

A plain text outline: each main claim (or, without one, each statement that
supports or attacks nothing) with its reasons (``+``, linked premises joined
by ``&``) and objections (``-``) indented below, and so on down. A statement
met again is shown by id only. A skeleton that passes ``argmap.testing``.
"""

from __future__ import annotations

from collections.abc import Callable

import argmap
from argmap import ArgumentMap, Support
from argmap.plugins import Exporter

NAME = "__COMPONENT__"
INDENT = "    "


def _text(amap: ArgumentMap, statement_id: str, depth: int) -> str:
    st = amap.statement(statement_id)
    # Keep the text verbatim; continuation lines are indented under the bullet.
    body = st.text.replace("\\n", "\\n" + INDENT * depth + "  ")
    return f"[{st.id} {st.kind.value}{', main' if st.main else ''}] {body}"


def outline(amap: ArgumentMap) -> str:
    """The map as an indented outline (same map, same text)."""
    lines: list[str] = []
    if amap.document.title:
        lines.append(amap.document.title.replace("\\n", " "))
    shown: set[str] = set()

    def below(item_id: str, depth: int) -> None:
        for rel in amap.relations_to(item_id):
            sign = "+" if isinstance(rel, Support) else "-"
            texts = [_text(amap, s, depth + 1) if s not in shown else f"(see {s})" for s in rel.sources]
            lines.append(f"{INDENT * depth}{sign} {rel.id}: " + " & ".join(texts))
            fresh = [s for s in rel.sources if s not in shown]
            shown.update(fresh)
            below(rel.id, depth + 1)  # undercuts of this relation
            for s in fresh:
                below(s, depth + 1)

    tops = amap.main_claims or amap.roots() or amap.statements[:1]
    for statement in (*tops, *amap.statements):
        if statement.id in shown:
            continue
        shown.add(statement.id)
        lines.append(_text(amap, statement.id, 0))
        below(statement.id, 1)
    return "".join(line + "\\n" for line in lines)


EXPORTER = Exporter(NAME, outline, suffixes=(".__COMPONENT__.txt",), description="a plain text outline")


@argmap.hookimpl
def argmap_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``__COMPONENT__`` exporter."""
    register(EXPORTER)
''',
}

_TEST_HEADER = '''
"""Tests of __NAME__: argmap's plugin checks, registration, and its own behaviour."""

from __future__ import annotations

from argmap.plugins import load_registry
from argmap.testing import __CHECKS__

import __MODULE__
'''

_TESTS = {
    "extractor": _TEST_HEADER.replace("__CHECKS__", "check_extractor") + '''

def test_passes_argmap_extractor_checks():
    """The extractor gives valid, deterministic maps, and odd input never crashes it."""
    check_extractor(__MODULE__.EXTRACTOR, documents=["A claim. More words.\\n\\nA reason. And more."])


def test_is_registered():
    """The plugin registers the extractor under its name."""
    registry = load_registry(entrypoints=False, plugins=[__MODULE__])
    assert registry.extractor("__COMPONENT__") is __MODULE__.EXTRACTOR


def test_first_sentences_support_the_first():
    """The first paragraph's first sentence is the main claim, each later one supports it."""
    amap = __MODULE__.extract(__MODULE__.Document("Plant trees! They help.\\n\\nTrees cool streets. Yes."))
    assert [s.text for s in amap.statements] == ["Plant trees!", "Trees cool streets."]
    assert [s.text for s in amap.main_claims] == ["Plant trees!"]
    assert [r.premises for r in amap.reasons_for("s1")] == [("s2",)]
''',
    "importer": _TEST_HEADER.replace("__CHECKS__", "check_exporter, check_importer, check_round_trip") + '''

def test_passes_argmap_importer_checks():
    """Any text gives a map or an argmap.FormatError, never a crash."""
    check_importer(__MODULE__.IMPORTER, examples=["premise s1: x\\nsupport r1: s1 -> s9", "claim s1: \\\\q"])


def test_passes_argmap_exporter_checks():
    """The exporter accepts every valid map and is deterministic."""
    check_exporter(__MODULE__.EXPORTER)


def test_round_trip():
    """Import after export gives the map back, unless the exporter warned about a loss."""
    check_round_trip(__MODULE__.EXPORTER, __MODULE__.IMPORTER)


def test_is_registered():
    """The plugin registers the importer and the exporter under its name."""
    registry = load_registry(entrypoints=False, plugins=[__MODULE__])
    assert registry.importer("__COMPONENT__") is __MODULE__.IMPORTER
    assert registry.exporter("__COMPONENT__") is __MODULE__.EXPORTER


def test_reads_the_example():
    """The format's example reads as a recommendation supported by a premise."""
    amap = __MODULE__.loads("recommendation* s1: Plant trees.\\npremise s2: Shade\\\\nhelps.\\nsupport r1: s2 -> s1\\n")
    assert [s.text for s in amap.main_claims] == ["Plant trees."]
    assert amap.statement("s2").text == "Shade\\nhelps."
    assert [r.id for r in amap.reasons_for("s1")] == ["r1"]
''',
    "exporter": _TEST_HEADER.replace("__CHECKS__", "check_exporter") + '''

def test_passes_argmap_exporter_checks():
    """The exporter accepts every valid map and is deterministic."""
    check_exporter(__MODULE__.EXPORTER)


def test_is_registered():
    """The plugin registers the exporter under its name."""
    registry = load_registry(entrypoints=False, plugins=[__MODULE__])
    assert registry.exporter("__COMPONENT__") is __MODULE__.EXPORTER


def test_outline_shows_reasons_and_objections():
    """A reason is a + line and an objection a - line below the main claim."""
    from argmap import MapBuilder

    b = MapBuilder()
    thesis = b.claim("Plant trees.", main=True)
    b.support(thesis, b.premise("Trees cool streets."))
    b.attack(thesis, b.objection("Trees cost money."))
    assert __MODULE__.outline(b.build()).splitlines() == [
        "[s1 claim, main] Plant trees.",
        "    + r1: [s2 premise] Trees cool streets.",
        "    - r2: [s3 objection] Trees cost money.",
    ]
''',
}
