"""The baselines built into the harness: trivial extractors that give a floor.

The ``chain`` baseline makes the first sentence (end-to-end) or the first
given unit the central claim, and each further one support the one before;
it reproduces the floor published for the corpus. :data:`BASELINES` names
them for ``argmap evaluate --baseline``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import ArgumentMap, Document, Kind, Provenance, Statement, Support

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Extractor

__all__ = ["BASELINES", "chain_baseline", "split_sentences"]

_ABBREVIATIONS = frozenset(
    "e.g i.e cf vs mr mrs ms dr prof st no nos approx ca incl esp resp jr sr fig vol pp".split()
)
"""Words before a full stop that never end a sentence (lower case, without the last stop)."""
_MAY_END = frozenset({"etc"})
"""Abbreviations that end a sentence when an upper-case letter follows."""
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_SPACED_DASH = re.compile(r"\s[–—]\s")
_CLOSERS = "\"'”’)]"


def _next_visible(text: str, pos: int) -> str:
    """The first character at or after *pos* that is not whitespace ('' at the end)."""
    match = re.compile(r"\S").search(text, pos)
    return match.group() if match else ""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of *text*: exact offsets, surrounding whitespace left out.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
    or brackets) when the next visible character is not lower case and
    either whitespace follows or an upper-case letter follows directly
    (``end.Start``, a lost space). A full stop after a common abbreviation
    (``e.g.``, ``Dr.``; ``etc.`` only before lower case), an initial (``J.``)
    or a dotted acronym (``U.S.``) does not end a sentence. A dash between
    spaces (``–``, ``—``) ends one too, the dash staying with the first part,
    and so does a blank line.

    >>> text = "Yes. It works (mostly)! See e.g. this.Next one - or 20 (!!!) more – fine."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Yes.', 'It works (mostly)!', 'See e.g. this.', 'Next one - or 20 (!!!) more –', 'fine.']
    """
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        after = text[end : end + 1]
        if after and not after.isspace() and not after.isupper():
            continue
        following = _next_visible(text, end)
        if following.islower():
            continue
        if m.group().rstrip(_CLOSERS) == ".":
            word = re.search(r"(\S+)$", text[: m.start()])
            token = word.group(1).lstrip("\"'“‘([") if word else ""
            lowered = token.lower()
            if lowered in _ABBREVIATIONS or re.fullmatch(r"[A-Za-z](?:\.[A-Za-z])*", token):
                continue
            if lowered in _MAY_END and not following.isupper():
                continue
        cuts.append(end)
    cuts.extend(m.end() - 1 for m in _SPACED_DASH.finditer(text))
    cuts.extend(m.start() for m in re.finditer(r"\n[^\S\n]*\n", text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        if cut <= start:
            continue
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            s = start + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        start = cut
    return spans


def _chain_map(document: Document, spans: Sequence[tuple[int, int]], name: str) -> ArgumentMap:
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
        Support(id=f"r{i}", premises=(f"s{i + 1}",), conclusion=f"s{i}", provenance=provenance)
        for i in range(1, len(spans))
    ]
    return ArgumentMap(statements=statements, relations=relations, document=document)


def chain_baseline() -> Extractor:
    """The trivial floor: the first sentence (or given unit) is the central
    claim, and every further one supports the one before it."""
    from ..plugins import Extractor

    def extract(document: Document) -> ArgumentMap:
        return _chain_map(document, split_sentences(document.text), "chain")

    def extract_units(document: Document, spans: Sequence[tuple[int, int]]) -> ArgumentMap:
        return _chain_map(document, spans, "chain")

    return Extractor(
        "chain",
        extract,
        description="baseline: first unit is the claim, each unit supports the previous one",
        extract_units=extract_units,
    )


BASELINES: Mapping[str, Callable[[], Extractor]] = {"chain": chain_baseline}
"""The baselines built into the harness, by name."""
