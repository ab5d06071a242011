"""The baselines built into the harness: trivial extractors that give a floor.

Both take as units the sentences of the text (end-to-end, with the sentence
splitter of :mod:`argmap.text`, each also cut after a dash between spaces) or
the given units, and make the first one the central claim:

- ``first`` (the first-unit baseline): every other unit supports the central
  claim directly;
- ``chain``: each further unit supports the one before; it reproduces the
  floor published for the arg-microtexts.

:data:`BASELINES` names them for ``argmap evaluate --baseline``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model import ArgumentMap, Document, Kind, Provenance, Statement, Support
from ..text import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Extractor

__all__ = ["BASELINES", "chain_baseline", "first_baseline"]

_SPACED_DASH = re.compile(r"\s[–—]\s")


def _chain_units(text: str) -> list[tuple[int, int]]:
    """The units of the chain baseline end-to-end: the sentences of *text*
    (:func:`~argmap.text.split_sentences`), each also cut after a dash between
    spaces (``–``, ``—``), the dash staying with the first part.

    Cutting at such dashes is what reproduces the published floor (see
    docs/evaluation.md); the spans are exact offsets, whitespace left out.

    >>> text = "One went up – the other fell. Yes."
    >>> [text[s:e] for s, e in _chain_units(text)]
    ['One went up –', 'the other fell.', 'Yes.']
    """
    dashes = [m.end() - 1 for m in _SPACED_DASH.finditer(text)]
    units: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        bounds = [start, *dashes[bisect_right(dashes, start) : bisect_left(dashes, end)], end]
        for a, b in pairwise(bounds):
            piece = text[a:b]
            stripped = piece.strip()
            if stripped:
                s = a + (len(piece) - len(piece.lstrip()))
                units.append((s, s + len(stripped)))
    return units


def _baseline_map(document: Document, spans: Sequence[tuple[int, int]], name: str) -> ArgumentMap:
    provenance = Provenance(extractor=name, confidence=1.0)
    statements = [
        Statement(
            id=f"s{i + 1}",
            text=document.text[start:end],
            kind=Kind.CLAIM if i == 0 else Kind.PREMISE,
            main=i == 0,
            spans=((start, end),),
            provenance=provenance,
        )
        for i, (start, end) in enumerate(spans)
    ]
    relations = [
        Support(
            id=f"r{i}",
            premises=(f"s{i + 1}",),
            conclusion=f"s{i}" if name == "chain" else "s1",
            provenance=provenance,
        )
        for i in range(1, len(spans))
    ]
    return ArgumentMap(statements=statements, relations=relations, document=document)


def _baseline(name: str, description: str) -> Extractor:
    from ..plugins import Extractor

    def extract(document: Document) -> ArgumentMap:
        return _baseline_map(document, _chain_units(document.text), name)

    def extract_units(document: Document, spans: Sequence[tuple[int, int]]) -> ArgumentMap:
        return _baseline_map(document, spans, name)

    return Extractor(name, extract, description=description, extract_units=extract_units)


def chain_baseline() -> Extractor:
    """The trivial floor: the first sentence (or given unit) is the central
    claim, and every further one supports the one before it."""
    return _baseline("chain", "baseline: first unit is the claim, each unit supports the previous one")


def first_baseline() -> Extractor:
    """The first-unit baseline: the first sentence (or given unit) is the central
    claim, and every other one supports it directly."""
    return _baseline("first", "baseline: first unit is the claim, every other unit supports it")


BASELINES: Mapping[str, Callable[[], Extractor]] = {"chain": chain_baseline, "first": first_baseline}
"""The baselines built into the harness, by name."""
