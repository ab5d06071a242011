"""Maps in notebooks: the diagram scaled to the cell, and the interactive view.

A map displays as its diagram (``ArgumentMap._repr_mimebundle_``): HTML with
the SVG scaled to the cell's width (never wider than drawn, so a small map is
not blown up; a 2,500 pt wide map no longer scrolls sideways with its thesis
off-screen), the plain SVG, and the one-line summary. ``amap.diagram(depth=2,
theme="print")`` is the same with diagram options (a :class:`Diagram`), and
``amap.view()`` the interactive page of :mod:`argmap.diagram.html` in the cell
(a :class:`MapView`: an ``<iframe>`` whose page keeps its own script, style and
Content-Security-Policy apart from the notebook's).

Every SVG carries the map's alt text (:func:`argmap.diagram.render.alt_text`)
as its ``<title>`` and ``<desc>``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._io import write_atomic
from ..errors import ArgmapError, OptionError
from ..text import replace_unsafe
from .dot import to_dot
from .render import alt_text, render_dot

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..model import ArgumentMap

__all__ = ["Diagram", "MapView", "notebook_bundle", "notebook_svg", "scalable_svg"]

_ROOT_SIZE = re.compile(r'\s(width|height)="([^"]*)"')
_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)


def scalable_svg(svg: str) -> str:
    """Graphviz's SVG for inline HTML, scaled to its container's width but no wider
    than drawn: ``width="100%"``, no fixed height (the ``viewBox`` keeps the
    proportions), ``max-width`` the drawn width. No XML prolog, doctype or comments.

    >>> scalable_svg('<?xml version="1.0"?>\\n<svg width="2608pt" height="924pt" viewBox="0 0 2608 924"><g/></svg>')
    '<svg width="100%" style="max-width:2608pt;height:auto" viewBox="0 0 2608 924"><g/></svg>'
    """
    svg = _PROLOG.sub("", svg).strip()
    start = svg.find("<svg")
    end = svg.find(">", start)
    if start < 0 or end < 0:
        return svg
    head = svg[start:end]
    sizes = dict(_ROOT_SIZE.findall(head))
    head = _ROOT_SIZE.sub("", head)
    width = sizes.get("width", "")
    limit = f"max-width:{width};" if re.fullmatch(r"[0-9.]+(pt|px)?", width) else ""
    return f'<svg width="100%" style="{limit}height:auto"' + head[len("<svg"):] + svg[end:]


def _svg(amap: ArgumentMap, **options: Any) -> str:
    return render_dot(to_dot(amap, **options), "svg", **alt_text(amap)).decode("utf-8")


def _html_wrap(svg: str) -> str:
    return f'<div class="argmap-diagram" style="max-width:100%;overflow-x:auto">{scalable_svg(svg)}</div>'


def notebook_svg(amap: ArgumentMap) -> str | None:
    """The map's diagram as SVG text, or ``None`` when no Graphviz renderer is installed
    (the notebook then shows the map's one-line summary)."""
    try:
        return _svg(amap)
    except ArgmapError:
        return None


def notebook_bundle(amap: ArgumentMap) -> dict[str, str]:
    """What a notebook shows for a map: the diagram as HTML scaled to the cell and as SVG
    (drawn once), and the one-line summary; the summary alone without Graphviz."""
    bundle = {"text/plain": repr(amap)}
    svg = notebook_svg(amap)
    if svg is not None:
        bundle["image/svg+xml"] = svg
        bundle["text/html"] = _html_wrap(svg)
    return bundle


class Diagram:
    """A map's diagram, drawn with diagram options (``amap.diagram(depth=2)``).

    It displays in a notebook scaled to the cell's width; :attr:`svg` is the
    SVG text (with its ``<title>`` and ``<desc>``), :meth:`save` writes it."""

    def __init__(self, svg: str) -> None:
        self.svg = svg

    @classmethod
    def of(cls, amap: ArgumentMap, **options: Any) -> Diagram:
        """Draw *amap* with diagram *options* (``theme``, ``direction``, ``depth``,
        ``focus``, ``kinds``, ...); a :class:`~argmap.RenderError` without Graphviz."""
        return cls(_svg(amap, **options))

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_html_(self) -> str:
        return _html_wrap(self.svg)

    def save(self, path: str | Path) -> Path:
        """Write the SVG to *path* (UTF-8) and return the path."""
        path = Path(path)
        write_atomic(path, self.svg.encode("utf-8"))
        return path

    def __repr__(self) -> str:
        return f"<Diagram: {len(self.svg)} characters of SVG>"


class MapView:
    """The interactive page of a map (:func:`argmap.diagram.html.to_html`), for notebooks.

    It displays in a notebook as an ``<iframe>`` of ``height`` pixels holding the
    page (sandboxed: the page's script runs, apart from the notebook's);
    :attr:`html` is the page itself and :meth:`save` writes it."""

    def __init__(self, page: str, *, height: int = 640, title: str = "Argument map") -> None:
        if isinstance(height, bool) or not isinstance(height, int) or height < 120:
            raise OptionError(f"height: expected a whole number of pixels >= 120, got {height!r}")
        self.html = page
        self.height = height
        self.title = replace_unsafe(title)

    @classmethod
    def of(cls, amap: ArgumentMap, *, height: int = 640, **options: Any) -> MapView:
        """The page of *amap* with the html exporter's *options* (the diagram options,
        ``select``, ``text``), shown ``height`` pixels tall."""
        from .html import to_html

        return cls(to_html(amap, **options), height=height, title=alt_text(amap)["title"])

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
            f'title="{html.escape(self.title, quote=True)}" '
            f'style="width:100%;height:{self.height}px;border:1px solid #e2e5ea;border-radius:6px"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to *path* (UTF-8) and return the path."""
        path = Path(path)
        write_atomic(path, self.html.encode("utf-8"))
        return path

    def __repr__(self) -> str:
        return f"<MapView: {len(self.html)} characters of HTML>"
