"""Built-in plugin ``argmap.microtext``: the arg-microtexts XML format (importer)."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..formats.microtext import load
from ..components import Importer


@hookimpl
def argmap_register_importers(register):
    register(
        Importer(
            "microtext",
            load,
            suffixes=(".xml",),
            description="arg-microtexts XML (<arggraph>): pro/opp, sup/exa/reb/und/add",
        )
    )
