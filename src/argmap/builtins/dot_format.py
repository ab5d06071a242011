"""Built-in plugin ``argmap.dot``: Graphviz DOT source."""

from __future__ import annotations

from ..dot import to_dot
from ..hookspecs import hookimpl
from ..plugins import Exporter

DESCRIPTION = (
    "Graphviz DOT source: a drawing of the statements, kinds, relations and confidence "
    "(tags, metadata and schemes are not drawn)"
)


@hookimpl
def argmap_register_exporters(register):
    register(Exporter("dot", to_dot, suffixes=(".dot", ".gv"), description=DESCRIPTION))
