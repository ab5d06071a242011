"""Built-in plugin ``argmap.diagram``: Graphviz diagrams as DOT source, SVG, PNG and PDF.

The four exporters take the same options (:data:`OPTIONS`, the fields of
:class:`~argmap.diagram.DiagramOptions`): ``argmap render -o map.png --theme
print``, ``argmap convert map.json -t dot -O depth=2``, or
``argmap.registry().exporter("svg")(amap, theme="print")`` in Python.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..components import Exporter, Option, parse_bool
from ..hookspecs import hookimpl

NOT_DRAWN = "tags, metadata and schemes are not drawn"


def _count(text: str) -> int:
    number = int(text)
    if number < 0:
        raise ValueError(f"expected a whole number >= 0, got {text!r}")
    return number


def _options() -> tuple[Option, ...]:
    from ..diagram import DIRECTIONS, THEMES
    from ..diagram.views import STATUS_SEMANTICS

    return (
        Option("direction", "where the thesis sits (default: top)", choices=tuple(DIRECTIONS)),
        Option("theme", "colours: default, print (greyscale) or colorblind", choices=tuple(THEMES)),
        Option("kinds", "only these kinds, comma-separated (e.g. claim,premise)"),
        Option("depth", "only statements up to N steps from the thesis", parse=_count),
        Option("focus", "only this statement or relation and what hangs from it"),
        Option("group_paragraphs", "frame the statements of each source paragraph together", parse=parse_bool),
        Option("width", "characters per line of statement text (default: 30)", parse=_count),
        Option("max_lines", "lines of statement text before '…' (default: 14)", parse=_count),
        Option("legend", "draw the legend (default: true)", parse=parse_bool),
        Option("stagger", "rows over which the reasons of one claim are spread (default: 3)", parse=_count),
        Option("show_ids", "put each statement's id (what focus takes) above its text", parse=parse_bool),
        Option("status", "mark each statement accepted, rejected or undecided under these semantics",
               choices=STATUS_SEMANTICS),
    )


OPTIONS = _options()
"""The options every diagram exporter takes."""


def _dot(amap: Any, **options: Any) -> str:
    from ..diagram import to_dot

    return to_dot(amap, **options)


def _dot_stream(amap: Any, write: Any, **options: Any) -> None:
    from ..diagram.dot import stream_dot

    stream_dot(amap, write, **options)


def _image(fmt: str, amap: Any, **options: Any) -> bytes:
    from ..diagram import render_dot, to_dot
    from ..diagram.render import alt_text

    return render_dot(to_dot(amap, **options), fmt, **alt_text(amap))  # the SVG's <title>/<desc>


def _ready(fmt: str) -> None:
    from ..diagram import find_renderer

    find_renderer(fmt)


@hookimpl
def argmap_register_exporters(register):
    register(
        Exporter(
            "dot", _dot, suffixes=(".dot", ".gv"), options=OPTIONS, stream=_dot_stream,
            description=f"Graphviz DOT source of the diagram ({NOT_DRAWN})",
        )
    )
    for fmt, what in (("svg", "SVG picture"), ("png", "PNG picture"), ("pdf", "PDF (needs Graphviz's dot)")):
        register(
            Exporter(
                fmt, partial(_image, fmt), suffixes=(f".{fmt}",), binary=True, options=OPTIONS,
                preflight=partial(_ready, fmt),
                description=f"the diagram as {what}, laid out by Graphviz ({NOT_DRAWN})",
            )
        )
