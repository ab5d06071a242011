"""Built-in plugin ``argmap.html``: the map beside its text, one interactive HTML page.

``argmap render essay.txt -o essay.html``, ``argmap convert map.json -t html``,
or ``argmap.get_registry().exporter("html")(amap, theme="print")``: the
diagram exporters' options (:data:`argmap.builtins.diagram.OPTIONS`) shape the
picture; ``select`` and ``text`` are the page's own.
"""

from __future__ import annotations

from typing import Any

from ..components import Exporter, Option, parse_bool
from ..hookspecs import hookimpl
from .diagram import OPTIONS as DIAGRAM_OPTIONS

OPTIONS = (
    *DIAGRAM_OPTIONS,
    Option("select", "the id of the statement selected when the page opens"),
    Option("text", "show the document's text beside the diagram (default: true; false: the list of statements)",
           parse=parse_bool),
)
"""The options of the ``html`` exporter: the diagram options, then ``select`` and ``text``."""


def _html(amap: Any, **options: Any) -> str:
    from ..diagram.html import to_html

    return to_html(amap, **options)


def _ready() -> None:
    from ..diagram import find_renderer

    find_renderer("svg")


@hookimpl
def argmap_register_exporters(register):
    register(
        Exporter(
            "html", _html, suffixes=(".html", ".htm"), options=OPTIONS, preflight=_ready,
            description="the diagram beside the document's text: one interactive page that works offline",
        )
    )
