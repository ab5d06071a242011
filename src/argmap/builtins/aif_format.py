"""Built-in plugin ``argmap.aif``: AIF-JSON (AIFdb, and xAIF on import), both ways."""

from __future__ import annotations

from ..components import Exporter, Importer, Option, parse_bool
from ..formats.aif import dumps, load, sniff
from ..hookspecs import hookimpl


@hookimpl
def argmap_register_importers(register):
    register(
        Importer(
            "aif",
            load,
            suffixes=(".aif.json", ".json"),
            description=(
                "AIF-JSON (AIFdb, xAIF/OVA): I/RA/CA nodes; the dialogue layer (L, YA, TA), MA, PA, "
                "locutions and relations argmap cannot hold are lost (and reported); main claim and kinds "
                "derived; spans where the text is found"
            ),
            options=(
                Option("text", help="the document's text file (AIFdb's nodesetN.txt), for spans"),
                Option("encoding", help="the encoding of that text file (default utf-8; some AIFdb texts are cp1252)"),
                Option("source", help="the AIF file's own path: its nodesetN.txt beside it is the document "
                       "(given by the command line and argmap.load)"),
            ),
            sniff=sniff,
        )
    )


@hookimpl
def argmap_register_exporters(register):
    register(
        Exporter(
            "aif",
            dumps,
            suffixes=(".aif.json",),
            description=(
                "AIF-JSON (AIFdb; read by arguebuf and AIFdb tools): lossless with argmap's extension objects; "
                "with extension=false ids, kinds, main claim, spans, tags, provenance, metadata and document are lost"
            ),
            options=(
                Option("extension", help="keep argmap's own fields in 'argmap' objects (default true)",
                       parse=parse_bool),
            ),
        )
    )
