"""The thesis of a document, and the units that restate it.

:func:`choose_thesis` scores every unit by its zone, its cues, its position
and its centrality, and gives the winner with a confidence;
:func:`restatements` finds the units that say the thesis again.
"""

from __future__ import annotations

from collections.abc import Sequence

from .features import Cues
from .segment import Unit
from .similarity import Vectors

__all__ = ["choose_thesis", "restatements"]


def choose_thesis(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors) -> tuple[int, float]:
    """The index of the main claim and a confidence for it."""
    body = [i for i, u in enumerate(units) if u.zone == "body"]
    first_body = body[0] if body else 0
    last_body = body[-1] if body else len(units) - 1
    n = len(units)
    central = vec.centrality()
    scores: list[float] = []
    for i, (u, c) in enumerate(zip(units, cues)):
        s = 0.0
        if u.zone == "standfirst":
            s += 4.0
        elif u.zone == "headline":
            s += 1.5
        if c.recommend and not c.question:
            s += 2.0
        elif c.opinion and not c.question:
            s += 1.5
        if c.cue == "result":
            s += 1.5
        elif c.concludes:
            s += 1.5
        if c.cue in ("concession", "reported"):
            s -= 4.0
        elif c.cue in ("cause", "example"):
            s -= 2.0
        elif c.cue == "addition":
            s -= 1.5
        elif c.cue == "contrast":
            s -= 0.5
        if u.lead_sub:
            s -= 3.0
        if c.question:
            s -= 2.0
        if i == first_body:
            s += 1.2
        elif i == last_body:
            s += 0.8
        s += central[i]
        scores.append(s)
    best = max(range(n), key=lambda i: (scores[i], -i))
    ranked = sorted(scores, reverse=True)
    margin = ranked[0] - ranked[1] if n > 1 else 3.0
    return best, round(min(0.95, 0.45 + 0.1 * margin), 2)


def restatements(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors, thesis: int) -> set[int]:
    """Units that say the thesis again (merged into it as restatements, never a second main claim)."""
    out: set[int] = set()
    t = cues[thesis]
    for i, c in enumerate(cues):
        if i == thesis or units[i].zone == "headline" or c.cue in ("concession", "reported", "cause", "example"):
            continue
        sim = vec.cosine(i, thesis)
        if sim >= 0.6 or (sim >= 0.35 and (c.recommend == t.recommend) and (c.concludes or c.cue == "result" or units[thesis].zone != "body")):
            out.add(i)
    return out
