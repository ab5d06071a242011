"""Built-in plugin ``argmap.outline``: the map as an indented Markdown outline."""

from __future__ import annotations

from ..components import Exporter, Option, parse_bool
from ..formats.outline import to_outline
from ..hookspecs import hookimpl

DESCRIPTION = (
    "indented Markdown outline for reading: thesis, reasons, objections, recommendations "
    "(no spans, provenance or metadata; ids with -O ids=true)"
)


@hookimpl
def argmap_register_exporters(register):
    register(
        Exporter(
            "outline", to_outline, suffixes=(".md", ".markdown"), description=DESCRIPTION,
            options=(Option("ids", "show each statement's id (what --focus takes)", parse=parse_bool),),
        )
    )
