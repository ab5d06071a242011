"""Jupyter display of maps: the diagram as SVG where Graphviz is available."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ArgmapError
from .dot import to_dot
from .render import render_dot

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..model import ArgumentMap

__all__ = ["notebook_svg"]


def notebook_svg(amap: ArgumentMap) -> str | None:
    """The map's diagram as SVG text, or ``None`` when no Graphviz renderer is installed
    (the notebook then shows the map's one-line summary)."""
    try:
        return render_dot(to_dot(amap), "svg").decode("utf-8")
    except ArgmapError:
        return None
