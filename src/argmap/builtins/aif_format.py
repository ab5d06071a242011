"""Built-in plugin ``argmap.aif``: AIF-JSON (AIFdb, and xAIF on import), both ways."""

from __future__ import annotations

from typing import Any

from .. import components
from ..components import Exporter, Importer, Option, parse_bool
from ..errors import PluginError
from ..formats.aif import dumps, load, sniff
from ..hookspecs import hookimpl
from ..model import ArgumentMap


class _Importer(Importer):
    """An :class:`~argmap.Importer` whose call takes the file's text positionally only.

    The AIF importer has an option named ``text`` (``-I text=nodeset1.txt``), which
    ``Importer.__call__(self, text, **options)`` cannot receive ("got multiple values for argument
    'text'"). A stop-gap until ``Importer.__call__`` declares its ``text`` positional-only (``/``);
    then this class goes and ``Importer`` is used as is. Same checks as ``Importer.__call__``.
    """

    __slots__ = ()

    def __call__(self, data: str, /, **options: Any) -> ArgumentMap:  # type: ignore[override]
        for name in options:
            self.option(name)
        guard = getattr(components, "_guarded", None)  # the call's guard against plugin bugs, where it exists
        amap = guard(f"importer {self.name!r}", self.load, data, **options) if guard else self.load(data, **options)
        if not isinstance(amap, ArgumentMap):
            raise PluginError(f"importer {self.name!r} returned {type(amap).__name__}, expected an ArgumentMap")
        return amap


@hookimpl
def argmap_register_importers(register):
    register(
        _Importer(
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
