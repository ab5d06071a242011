"""Built-in plugin ``argmap.sadface``: SADFace JSON, both ways (the library's 0.5 dialect; 0.2 read too)."""

from __future__ import annotations

from ..components import Exporter, Importer
from ..formats.sadface import dumps, loads, sniff
from ..hookspecs import hookimpl


@hookimpl
def argmap_register_importers(register):
    register(
        Importer(
            "sadface",
            loads,
            suffixes=(".sadface.json", ".json"),
            description="SADFace JSON (atoms, inference and conflict nodes; 0.2 scheme nodes too)",
            sniff=sniff,
        )
    )


@hookimpl
def argmap_register_exporters(register):
    register(
        Exporter(
            "sadface",
            dumps,
            suffixes=(".sadface.json",),
            description="SADFace JSON (the sadface library's 0.5 dialect), lossless through its argmap namespace",
        )
    )
