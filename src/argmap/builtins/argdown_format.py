"""Built-in plugin ``argmap.argdown``: Argdown text out, Argdown in (through Argdown's own parser)."""

from __future__ import annotations

from ..components import Exporter, Importer
from ..formats.argdown import dumps, loads, loads_json, sniff_json
from ..hookspecs import hookimpl


@hookimpl
def argmap_register_importers(register):
    register(Importer("argdown-json", loads_json, suffixes=(".json", ".argdown.json"), sniff=sniff_json,
                      description="the JSON `argdown json` writes (Argdown 1.7.5)"))
    register(Importer("argdown", loads, suffixes=(".argdown", ".ad"),
                      description="Argdown text, parsed by the Argdown CLI (npm install -g @argdown/cli@1.7.5)"))


@hookimpl
def argmap_register_exporters(register):
    register(Exporter("argdown", dumps, suffixes=(".argdown", ".ad"),
                      description="Argdown text: arguments with premise-conclusion structures, argmap data kept"))
