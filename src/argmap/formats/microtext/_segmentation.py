"""Segmentation: where each EDU is in the text, and which EDUs ground each ADU (through joints)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping, Sequence

from ...errors import FormatError
from ._elements import Elements, MicrotextWarning

__all__ = ["edus_of", "ground_adus", "locate_edus"]


def locate_edus(edu_texts: Sequence[tuple[str, str]], text: str | None) -> tuple[str, list[tuple[int, int]]]:
    """The document text and each EDU's exact span in it.

    Without *text*, the document is the EDU texts joined by single spaces.
    With it, each EDU is found in order; whitespace inside an EDU may differ
    from the text (a line break for a space), nothing else may.
    """
    spans: list[tuple[int, int]] = []
    if text is None:
        parts: list[str] = []
        pos = 0
        for _, edu in edu_texts:
            if parts:
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(edu)))
            parts.append(edu)
            pos += len(edu)
        return "".join(parts), spans
    pos = 0
    for xml_id, edu in edu_texts:
        start = text.find(edu, pos)
        if start >= 0 and not text[pos:start].strip():
            end = start + len(edu)
        else:
            pattern = r"\s+".join(re.escape(word) for word in edu.split())
            match = re.compile(pattern).search(text, pos)
            if match is None or text[pos : match.start()].strip():
                raise FormatError(
                    f"the EDU's text is not found in the given text after offset {pos}",
                    where=f"edu {xml_id!r}",
                )
            start, end = match.span()
        spans.append((start, end))
        pos = end
    if text[pos:].strip():
        warnings.warn(
            f"the text continues after the last EDU ({len(text) - pos} characters not in any EDU)",
            MicrotextWarning,
            stacklevel=3,
        )
    return text, spans


def edus_of(node: str, kind_of: Mapping[str, str], seg_parents: Mapping[str, list[str]]) -> list[str]:
    """The EDUs grounding *node* (an ADU or joint), following ``seg`` edges through joints.

    Depth first in the order of the ``seg`` edges, with an explicit stack, so
    that a long chain of joints needs no recursion; a joint reached again by
    another path is not walked again (joints that share parts would otherwise
    cost time exponential in the depth). The EDUs come in walking order, each
    once.
    """
    found: list[str] = []
    trail: list[str] = []  # the ADU or joints from *node* down to the current one
    on_trail: set[str] = set()
    done: set[str] = set()  # joints walked to the end, and EDUs found
    pending: list[Iterator[str]] = []

    def enter(current: str) -> None:
        if current in done:
            return
        if kind_of[current] == "edu":
            found.append(current)
            done.add(current)
            return
        if current in on_trail:
            raise FormatError("segmentation edges form a cycle", where=f"joint {current!r}")
        parts = seg_parents.get(current)
        if not parts:
            raise FormatError(
                "not grounded in any EDU (no 'seg' edge points at it)",
                where=f"{kind_of[current]} {current!r}",
            )
        trail.append(current)
        on_trail.add(current)
        pending.append(iter(parts))

    enter(node)
    while pending:
        part = next(pending[-1], None)
        if part is None:
            pending.pop()
            finished = trail.pop()
            on_trail.discard(finished)
            done.add(finished)
        else:
            enter(part)
    return found


def ground_adus(
    elements: Elements, seg_parents: Mapping[str, list[str]]
) -> tuple[dict[str, list[str]], list[str]]:
    """Each ADU's EDUs in text order, and the EDUs no ADU uses; warns of joints that ground nothing."""
    edu_order = {xml_id: i for i, (xml_id, _) in enumerate(elements.edu_texts)}
    adu_edus: dict[str, list[str]] = {}
    used_edus: set[str] = set()
    for adu_id, _ in elements.adus:
        found = sorted(set(edus_of(adu_id, elements.kind_of, seg_parents)), key=edu_order.__getitem__)
        adu_edus[adu_id] = found
        used_edus.update(found)
    used_parts = {part for parts in seg_parents.values() for part in parts}
    for joint in elements.joints:
        if joint not in used_parts:
            warnings.warn(f"joint {joint!r} grounds no ADU; it is kept in the map's metadata only",
                          MicrotextWarning, stacklevel=3)
    unused = [xml_id for xml_id, _ in elements.edu_texts if xml_id not in used_edus]
    return adu_edus, unused
