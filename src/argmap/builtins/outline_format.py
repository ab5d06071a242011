"""Built-in plugin ``argmap.outline``: the map as an indented Markdown outline."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..formats.outline import to_outline
from ..components import Exporter

DESCRIPTION = (
    "indented Markdown outline for reading: thesis, reasons, objections, recommendations "
    "(no ids, spans, provenance or metadata)"
)


@hookimpl
def argmap_register_exporters(register):
    register(Exporter("outline", to_outline, suffixes=(".md", ".markdown"), description=DESCRIPTION))
