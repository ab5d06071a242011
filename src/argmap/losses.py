"""Reporting what a format cannot carry: one warning per kind of loss, with a count and the ids it hit.

Importers and exporters call :func:`report` (or :class:`Losses`, which counts
as it goes and reports once per code at the end), never drop anything silently:

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     losses = Losses(ExportWarning)
...     losses.add("demo.tag", "s1"); losses.add("demo.tag", "s2")
...     losses.report({"demo.tag": "tags have no place in this format"})
>>> [str(w.message) for w in caught]
['demo.tag: tags have no place in this format (2: s1, s2)']
>>> caught[0].message.count, caught[0].message.ids
(2, ('s1', 's2'))
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

from .errors import ExportWarning, ImportLossWarning, LossWarning

__all__ = ["KEEP_IDS", "SHOW_IDS", "ExportWarning", "ImportLossWarning", "Losses", "report"]

SHOW_IDS = 5
"""How many ids a loss warning names in its message (``ids`` keeps up to :data:`KEEP_IDS`)."""

KEEP_IDS = 50


def report(category: type[LossWarning], code: str, message: str, ids: list[str] | tuple[str, ...] = (),
           count: int | None = None, *, stacklevel: int = 2) -> None:
    """Warn once about one kind of loss: ``code: message (count: first ids)``."""
    count = len(ids) if count is None else count
    shown = ", ".join(ids[:SHOW_IDS]) + (", ..." if len(ids) > SHOW_IDS else "")
    text = f"{code}: {message} ({count}{': ' + shown if shown else ''})"
    warnings.warn(category(text, code=code, count=count, ids=tuple(ids[:KEEP_IDS])), stacklevel=stacklevel + 1)


class Losses:
    """Collects losses by code while a format is read or written, then warns once per code."""

    def __init__(self, category: type[LossWarning] = ImportLossWarning) -> None:
        self.category = category
        self.found: dict[str, list[str]] = {}
        self.counts: dict[str, int] = {}

    def add(self, code: str, item_id: str | None = None, count: int = 1) -> None:
        """Record *count* items lost under *code* (naming one by its id, where it has one)."""
        ids = self.found.setdefault(code, [])
        if item_id is not None and len(ids) < KEEP_IDS:
            ids.append(str(item_id))
        self.counts[code] = self.counts.get(code, 0) + count

    def __bool__(self) -> bool:
        return bool(self.counts)

    def report(self, messages: Mapping[str, str], *, stacklevel: int = 2) -> None:
        """Warn once per code, in order of first occurrence; *messages* says what each code means."""
        for code, count in self.counts.items():
            report(self.category, code, messages.get(code, "not carried"), self.found.get(code, []), count,
                   stacklevel=stacklevel + 1)
