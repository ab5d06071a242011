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

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._io import decode_text, read_input_bytes, write_atomic
from .builder import MapBuilder
from .errors import (
    ArgmapError,
    ExportWarning,
    FormatError,
    InputError,
    PluginError,
    RenderError,
    UnknownIdError,
    UnknownPluginError,
    ValidationError,
)
from .hookspecs import hookimpl
from .jsonformat import dumps, loads
from .model import ArgumentMap, Attack, Document, Kind, Provenance, Relation, Statement, Support

if TYPE_CHECKING:  # pragma: no cover
    from .plugins import Registry

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "Document",
    "ExportWarning",
    "FormatError",
    "InputError",
    "Kind",
    "MapBuilder",
    "PluginError",
    "Provenance",
    "Relation",
    "RenderError",
    "Statement",
    "Support",
    "UnknownIdError",
    "UnknownPluginError",
    "ValidationError",
    "dump",
    "dumps",
    "extract",
    "hookimpl",
    "load",
    "loads",
    "render",
    "to_dot",
]


def load(path: str | Path) -> ArgumentMap:
    """Read an argmap JSON file into a validated map."""
    return loads(decode_text(read_input_bytes(path), str(path)), source=str(path))


def dump(amap: ArgumentMap, path: str | Path) -> None:
    """Write a map as argmap JSON, whole or not at all."""
    write_atomic(path, dumps(amap).encode("utf-8"))


def to_dot(amap: ArgumentMap, **options: Any) -> str:
    """The map as Graphviz DOT source (see :func:`argmap.dot.to_dot`)."""
    from .dot import to_dot as _to_dot

    return _to_dot(amap, **options)


def render(amap: ArgumentMap, format: str = "svg", **options: Any) -> bytes:
    """Draw the map with Graphviz: ``svg``, ``png`` or ``pdf`` bytes."""
    from .layout import render_dot

    return render_dot(to_dot(amap, **options), format)


def extract(
    document: Document | str, extractor: str | None = None, *, registry: Registry | None = None
) -> ArgumentMap:
    """Map prose with an extractor plugin (the default one unless named)."""
    from .plugins import load_registry

    if isinstance(document, str):
        document = Document(text=document)
    registry = registry or load_registry()
    return registry.extractor(extractor).extract(document)
