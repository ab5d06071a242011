"""Argdown (https://argdown.org): maps written as ``.argdown`` text; Argdown files read through Argdown itself.

- :func:`dumps` writes a map as Argdown: statements with their ids as
  titles, one argument with a premise–conclusion structure per support,
  attacks and undercuts as Argdown relations, and argmap's own fields in
  ``argmap`` data blocks, so that the real Argdown reads back the same map.
  What Argdown cannot draw (attacks on attacks, attacks with several
  attackers, line breaks) is reported as an :class:`~argmap.ExportWarning`.
- :func:`loads_json` reads the JSON ``argdown json`` writes (Argdown's own
  parser has done the parsing); :func:`map_from_argdown` takes it parsed.
- :func:`loads` reads ``.argdown`` text by running the Argdown CLI
  (``npm install -g @argdown/cli@1.7.5``) and reading its JSON.

docs/formats/argdown.md has the mapping both ways, the losses by code and
the escaping.
"""

from __future__ import annotations

from ._cli import INSTALL_HINT, find_cli, loads, run_cli
from ._escape import escape_text, normalise
from ._reader import IMPORT_LOSSES, loads_json, map_from_argdown, sniff_json
from ._writer import EXPORT_LOSSES, dumps

__all__ = [
    "EXPORT_LOSSES",
    "IMPORT_LOSSES",
    "INSTALL_HINT",
    "dumps",
    "escape_text",
    "find_cli",
    "loads",
    "loads_json",
    "map_from_argdown",
    "normalise",
    "run_cli",
    "sniff_json",
]
