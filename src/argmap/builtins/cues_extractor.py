"""Built-in plugin ``argmap.cues``: the default extractor for English argumentative prose."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..components import Extractor


def _extract(document):
    from ..cues import extract

    return extract(document)


def _extract_units(document, spans):
    from ..cues import extract_units

    return extract_units(document, spans)


@hookimpl
def argmap_register_extractors(register):
    register(
        Extractor(
            "cues",
            _extract,
            extract_units=_extract_units,
            description="English argumentative prose by discourse cues (offline, deterministic)",
        )
    )
