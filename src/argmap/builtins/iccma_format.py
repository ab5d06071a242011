"""Built-in plugin ``argmap.iccma``: the ICCMA formats of abstract argumentation frameworks, apx and tgf.

Reading gives one claim per argument and one attack per attack (a self-attack
becomes a three-cycle, reported); writing gives the map's projection onto its
framework (docs/analysis.md), what any ICCMA solver reads.
"""

from __future__ import annotations

from ..analysis.iccma import dumps_apx, dumps_tgf, loads_apx, loads_tgf
from ..components import Exporter, Importer, Option, parse_bool
from ..hookspecs import hookimpl


@hookimpl
def argmap_register_importers(register):
    register(Importer("apx", loads_apx, suffixes=(".apx",),
                      description="ICCMA apx (ASPARTIX) framework: one claim per argument, one attack per attack"))
    register(Importer("tgf", loads_tgf, suffixes=(".tgf",),
                      description="ICCMA tgf (Trivial Graph Format) framework; a label after a name is its text"))


@hookimpl
def argmap_register_exporters(register):
    register(Exporter("apx", dumps_apx, suffixes=(".apx",),
                      description="the map's abstract argumentation framework (its projection) as ICCMA apx"))
    register(Exporter("tgf", dumps_tgf, suffixes=(".tgf",),
                      description="the map's abstract argumentation framework (its projection) as ICCMA tgf",
                      options=(Option("labels", "write each statement's text after its name (true/false; "
                                      "ICCMA solvers want false, the default)", parse=parse_bool),)))
