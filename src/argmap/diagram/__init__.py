"""Diagrams: from a map to Graphviz DOT source, and from DOT to pictures.

Building the source and rendering it are separate steps, as in the graphviz
package: :func:`to_dot` writes the DOT text of a map (the visual grammar is in
:mod:`argmap.diagram.dot`, colours in :mod:`~argmap.diagram.themes`, the
choice of what to show in :mod:`~argmap.diagram.views`, the only way text
enters DOT in :mod:`~argmap.diagram.quoting`); :func:`render_dot` lays it out
with a Graphviz executable (:mod:`argmap.diagram.render`).
"""

from __future__ import annotations

from .dot import to_dot
from .quoting import quote
from .render import FORMATS, Renderer, find_renderer, render_dot
from .themes import DIRECTIONS, THEMES, Theme
from .views import DiagramOptions, select

__all__ = [
    "DIRECTIONS",
    "FORMATS",
    "THEMES",
    "DiagramOptions",
    "Renderer",
    "Theme",
    "find_renderer",
    "quote",
    "render_dot",
    "select",
    "to_dot",
]
