"""argmap: argument maps in Python.

Hold the structure of an argument (claims, premises, objections, rebuttals,
recommendations and the supports and attacks between them), fill it from
prose through extractor plugins, and draw it through exporter plugins.

>>> import argmap
>>> b = argmap.MapBuilder()
>>> thesis = b.claim("Cities should plant more trees.", main=True)
>>> _ = b.support(thesis, b.premise("Trees cool the streets in summer."))
>>> amap = b.build()
>>> argmap.loads(argmap.dumps(amap)) == amap
True
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from ._io import decode_text, read_input_bytes, write_atomic
from .builder import MapBuilder
from .errors import (
    ArgmapError,
    ExportWarning,
    FormatError,
    ImportLossWarning,
    InputError,
    LossError,
    LossWarning,
    OptionError,
    PluginError,
    RenderError,
    UnknownIdError,
    UnknownPluginError,
    ValidationError,
)
from .formats.json import dumps, loads
from .hookspecs import hookimpl
from .model import ArgumentMap, Attack, Document, Kind, Provenance, Relation, Statement, Support

if TYPE_CHECKING:  # pragma: no cover - types only
    from .components import Exporter, Extractor, Importer, Option
    from .plugins import Registry

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "Document",
    "ExportWarning",
    "Exporter",
    "Extractor",
    "FormatError",
    "Importer",
    "ImportLossWarning",
    "InputError",
    "Kind",
    "LossError",
    "LossWarning",
    "MapBuilder",
    "Option",
    "OptionError",
    "PluginError",
    "Provenance",
    "Relation",
    "RenderError",
    "Statement",
    "Support",
    "UnknownIdError",
    "UnknownPluginError",
    "ValidationError",
    "__version__",
    "diff",
    "dump",
    "dumps",
    "export",
    "extract",
    "extract_many",
    "get_registry",
    "hookimpl",
    "load",
    "loads",
    "render",
    "to_dot",
    "to_html",
]


_LAZY = {"Exporter", "Extractor", "Importer", "Option"}


def __getattr__(name: str) -> Any:
    # The plugin API and the version are loaded when first asked for, to keep `import argmap`
    # fast for users of the model alone (PEP 562).
    if name in _LAZY:
        from . import components

        value = getattr(components, name)
        globals()[name] = value
        return value
    if name == "extract_many":  # argmap.batch: many texts at once, in a process pool or on Dask
        from .batch import extract_many

        globals()["extract_many"] = extract_many
        return extract_many
    if name == "diff":
        from .analysis import diff

        globals()["diff"] = diff
        return diff
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("argmap")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def get_registry(*, refresh: bool = False) -> Registry:
    """The registry of the built-in and installed plugins (built once, then reused;
    ``refresh=True`` builds it again). See :func:`argmap.plugins.get_registry`."""
    from .plugins import get_registry as _get_registry

    return _get_registry(refresh=refresh)


def load(path: str | Path, format: str | None = None, *, registry: Registry | None = None,
         **options: Any) -> ArgumentMap:
    """Read a map file into a validated map.

    The importer is the one ``format`` names, else the one the file's name
    and content call for (``.json`` is argmap JSON unless an importer
    recognises another dialect of JSON in it). ``options`` are the
    importer's own. What the format cannot carry is reported with an
    :class:`ImportLossWarning`.
    """
    text = decode_text(read_input_bytes(path), str(path))
    if format is None:
        if _plain_json(path) and _looks_like_argmap_json(text):
            return loads(text, source=str(path))  # argmap JSON, without building the registry
        found = (registry or get_registry()).importer_for(path, text)
        if found is None:
            raise InputError("no importer reads this file; give format=NAME", where=str(path))
        format = found.name
    return (registry or get_registry()).importer(format).read(text, path, **options)


def _plain_json(path: str | Path) -> bool:
    """Whether the file's name ends in ``.json`` alone (not ``.aif.json``, ``.sadface.json``, ...)."""
    return [x.lower() for x in PurePath(path).suffixes[-2:]] == [".json"]


def _looks_like_argmap_json(text: str) -> bool:
    head = text[:200]
    return '"format"' in head and '"argmap/' in head


def dump(amap: ArgumentMap, path: str | Path, format: str | None = None, *,
         registry: Registry | None = None, **options: Any) -> None:
    """Write a map to a file, whole or not at all: argmap JSON for ``.json``, else the exporter
    ``format`` names or the file's name calls for (``map.argdown``, ``map.svg``, ...)."""
    if format is None and _plain_json(path):
        write_atomic(path, dumps(amap).encode("utf-8"))  # argmap JSON, without building the registry
        return
    if format is None:
        found = (registry or get_registry()).exporter_for(path)
        if found is None:
            raise InputError("no exporter writes this file; give format=NAME", where=str(path))
        format = found.name
    out = export(amap, format, registry=registry, **options)
    write_atomic(path, out if isinstance(out, bytes) else out.encode("utf-8"))


def to_dot(amap: ArgumentMap, **options: Any) -> str:
    """The map as Graphviz DOT source (see :func:`argmap.diagram.to_dot` for the options)."""
    from .diagram import to_dot as _to_dot

    return _to_dot(amap, **options)


def to_html(amap: ArgumentMap, **options: Any) -> str:
    """The map beside its text as one interactive HTML page that works offline (see docs/html.md);
    ``options`` are the diagram's and the page's (``select``, ``text``)."""
    from .diagram.html import to_html as _to_html

    return _to_html(amap, **options)


def export(amap: ArgumentMap, format: str, *, registry: Registry | None = None, **options: Any) -> str | bytes:
    """The map in a format, through the exporter registered under that name.

    ``options`` are the exporter's own (``argmap plugins`` lists them); one it
    does not declare is an :class:`OptionError`.

    >>> import argmap
    >>> amap = argmap.MapBuilder().build()
    >>> argmap.export(amap, "json").splitlines()[1]
    '  "format": "argmap/1",'
    """
    exporter = (registry or get_registry()).exporter(format)
    if exporter.preflight is not None:
        exporter.preflight()
    return exporter(amap, **options)


def render(amap: ArgumentMap, format: str = "svg", *, registry: Registry | None = None, **options: Any) -> bytes:
    """Draw the map: ``svg``, ``png`` or ``pdf`` bytes laid out by Graphviz (or any
    other exporter's output, as bytes). ``options`` are the diagram's
    (``theme``, ``direction``, ``depth``, ...)."""
    out = export(amap, format, registry=registry, **options)
    return out if isinstance(out, bytes) else out.encode("utf-8")


def extract(
    document: Document | str, extractor: str | None = None, *, registry: Registry | None = None
) -> ArgumentMap:
    """Map prose with an extractor plugin (the default one unless named)."""
    if isinstance(document, str):
        document = Document(text=document)
    return (registry or get_registry()).extractor(extractor)(document)
