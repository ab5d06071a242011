"""A third-party exporter plugin, as a test fixture: it registers the way any installed plugin does.

``shout`` writes each statement's text on a line, optionally upper-cased and
prefixed: two options of its own, so the tests can show that ``render``,
``convert`` and the Python API pass a plugin's options through the registry.
"""

from __future__ import annotations

import argmap
from argmap import ArgumentMap, Exporter, Option, hookimpl
from argmap.components import parse_bool


def shout(amap: ArgumentMap, *, upper: bool = True, prefix: str = "") -> str:
    lines = [prefix + (s.text.upper() if upper else s.text) for s in amap.statements]
    return "\n".join(lines) + "\n"


EXPORTER = Exporter(
    "shout",
    shout,
    suffixes=(".shout",),
    description="each statement on a line, loudly",
    options=(
        Option("upper", "upper-case the text (default: true)", parse=parse_bool),
        Option("prefix", "put this before each line"),
    ),
)


@hookimpl
def argmap_register_exporters(register):
    register(EXPORTER)


assert argmap.hookimpl is hookimpl
