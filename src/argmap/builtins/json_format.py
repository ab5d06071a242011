"""Built-in plugin ``argmap.json``: the argmap JSON format, both ways."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..formats.json import dumps, loads
from ..components import Exporter, Importer


@hookimpl
def argmap_register_importers(register):
    register(Importer("json", loads, suffixes=(".json",), description="argmap JSON (argmap/1), lossless"))


@hookimpl
def argmap_register_exporters(register):
    register(Exporter("json", dumps, suffixes=(".json",), description="argmap JSON (argmap/1), lossless"))
