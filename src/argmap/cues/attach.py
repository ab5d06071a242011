"""Scored candidate relations and their global decoding into a tree.

The left-to-right pass of :mod:`argmap.cues.structure` proposes one link per
unit. This module turns that proposal into evidence among other evidence: for
each unit it lists candidate parents in a bounded window (the units of its paragraph up to
:data:`WINDOW` before it and the one after it, the head of its paragraph, the thesis,
and the proposed target), describes each candidate by a few features (does
the pass propose it, and on which cue; distance and direction; same sentence,
same paragraph; word overlap with the candidate against overlap with the
thesis; is the candidate itself a reason of the thesis), scores them with a
log-linear model (a softmax over each unit's candidates) and decodes the
maximum spanning tree rooted at the thesis (:mod:`argmap.cues.decode`).

The weights (:data:`WEIGHTS`) were fitted by ``tools/fit_attachment.py`` on
arg-microtexts part 1 with the gold units given; the tool reports them by
topic-grouped cross-validation there, and the cross-corpus table in
``docs/evaluation.md`` reports them on the other corpora.

Whether an edge supports or attacks follows the sides the pass found (a unit
on the author's side attaching to one on the other side attacks it), so a
unit that moves to another parent keeps its role.
"""

from __future__ import annotations

import math
import re
from operator import mul
from collections.abc import Mapping, Sequence

from .decode import max_arborescence
from .features import Cues
from .segment import Unit
from .similarity import Vectors

__all__ = ["FEATURES", "HAND_SET", "WEIGHTS", "WINDOW", "candidates", "decode_links", "sides"]

WINDOW = 3
"""How many units before a unit are candidate parents (and the one unit after it): keeps decoding linear."""

FEATURES: tuple[str, ...] = (
    "thesis", "proposed", "proposed_explicit", "proposed_default", "prev", "next", "before", "log_distance",
    "same_sentence", "same_paragraph", "cosine", "cosine_gain", "target_reason_of_thesis", "sibling",
    "prev_unmarked", "prev_cause", "prev_addition", "head", "target_restatement", "target_objection_side",
    "cross_paragraph_thesis", "prev_anaphora", "prev_claimlike", "prev_specific",
    "proposed_log_distance",
)
"""The features of a candidate edge, in the order of a weight vector."""

HAND_SET: Mapping[str, float] = {"cross_paragraph_thesis": -1.5}
"""Weights set by hand, not fitted: part 1's texts are single paragraphs, so they cannot inform them.
``cross_paragraph_thesis`` keeps a unit that does not open its paragraph from jumping to a thesis in
another paragraph when a unit of its own paragraph can take it (a reason of a reason)."""

WEIGHTS: Mapping[str, float] = {
    "thesis": 1.578,
    "proposed": 0.321,
    "proposed_explicit": 0.0,
    "proposed_default": 0.12,
    "prev": 0.535,
    "next": -0.382,
    "before": 0.242,
    "log_distance": -1.014,
    "same_sentence": 0.349,
    "same_paragraph": 0.0,
    "cosine": 0.307,
    "cosine_gain": 0.307,
    "target_reason_of_thesis": 0.803,
    "sibling": -0.63,
    "prev_unmarked": 0.039,
    "prev_cause": 0.0,
    "prev_addition": -0.874,
    "head": -0.146,
    "target_restatement": 0.14,
    "target_objection_side": -0.562,
    "cross_paragraph_thesis": HAND_SET["cross_paragraph_thesis"],
    "prev_anaphora": -0.149,
    "prev_claimlike": 0.134,
    "prev_specific": 0.235,
    "proposed_log_distance": -0.185,
}
"""Weights of :data:`FEATURES`, fitted on arg-microtexts part 1, gold units given
(``python tools/fit_attachment.py ../shared/corpora/arg-microtexts-part1``), except those of
:data:`HAND_SET`."""


# A unit opening with a word that points back ("This is ...", "They ...", "Such ...").
_ANAPHORA = re.compile(
    r"[\s\"'“‘(]*(?:(?:and|but|so|yet|because|since|as)\s+)?(?:this|that|these|those|it|its|they|their|them|such|he|she|his|her)\b",
    re.IGNORECASE,
)
# Figures: a unit with a number is a detail, evidence for a more general unit.
_SPECIFIC = re.compile(r"\d")


def sides(links: Sequence[tuple[str, int] | None], thesis: int) -> list[bool]:
    """True for units on the author's side: the thesis is, a support keeps the side, an attack changes it."""
    n = len(links)
    side: list[bool | None] = [None] * n
    side[thesis] = True
    for start in range(n):
        path: list[int] = []
        i = start
        seen: set[int] = set()
        while side[i] is None:
            link = links[i]
            if link is None or i in seen:
                side[i] = True
                break
            seen.add(i)
            path.append(i)
            i = link[1]
        value = side[i]
        for j in reversed(path):
            link = links[j]
            assert link is not None
            value = value if link[0] == "support" else not value
            side[j] = value
    return [bool(s) for s in side]


def candidates(
    units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors, thesis: int,
    proposed: Sequence[tuple[str, int] | None], explicit: set[int], restatements: set[int],
    fixed: set[int],
) -> list[list[tuple[int, list[float]]]]:
    """For each unit, its candidate parents with their feature vectors (empty for the thesis and fixed units)."""
    n = len(units)
    cosine = vec.cosine
    side = sides(proposed, thesis)
    heads: dict[int, int] = {}
    for i, u in enumerate(units):
        heads.setdefault(u.block, i)
    out: list[list[tuple[int, list[float]]]] = []
    for i, u in enumerate(units):
        if i == thesis or i in fixed or proposed[i] is None:
            out.append([])
            continue
        prop = proposed[i]
        block = u.block
        pool = {j for j in range(max(0, i - WINDOW), min(n, i + 2)) if units[j].block == block}
        pool.add(thesis)
        pool.add(heads[u.block])
        if prop is not None:
            pool.add(prop[1])
        pool.discard(i)
        pool = {j for j in pool if j == thesis or proposed[j] is not None}  # units left out are no parents
        c = cues[i]
        anaphora = bool(_ANAPHORA.match(u.text))
        specific = bool(_SPECIFIC.search(u.text))
        sim_thesis = cosine(i, thesis)
        prev_parent = proposed[i - 1][1] if i > 0 and proposed[i - 1] is not None else None  # type: ignore[index]
        rows: list[tuple[int, list[float]]] = []
        for j in sorted(pool):
            is_prop = prop is not None and prop[1] == j
            sim = sim_thesis if j == thesis else cosine(i, j)
            jl = proposed[j]
            f = [
                1.0 if j == thesis else 0.0,
                1.0 if is_prop else 0.0,
                1.0 if is_prop and i in explicit else 0.0,
                1.0 if is_prop and i not in explicit and j == thesis else 0.0,
                1.0 if j == i - 1 else 0.0,
                1.0 if j == i + 1 else 0.0,
                1.0 if j < i else 0.0,
                math.log(abs(i - j)) if j != thesis else 0.0,
                1.0 if units[j].sentence == u.sentence else 0.0,
                1.0 if units[j].block == u.block else 0.0,
                sim,
                sim - sim_thesis if j != thesis else 0.0,
                1.0 if j != thesis and jl is not None and jl[1] == thesis and jl[0] == "support" else 0.0,
                1.0 if prev_parent == j and j != thesis else 0.0,
                1.0 if j == i - 1 and c.cue == "none" else 0.0,
                1.0 if j == i - 1 and c.cue in ("cause", "example") else 0.0,
                1.0 if j == i - 1 and c.cue == "addition" else 0.0,
                1.0 if j == heads[u.block] and j != i - 1 and j != thesis else 0.0,
                1.0 if j in restatements else 0.0,
                1.0 if side[j] != side[i] else 0.0,
                1.0 if j == thesis and units[thesis].block != u.block and heads[u.block] != i else 0.0,
                1.0 if j == i - 1 and anaphora else 0.0,
                1.0 if j == i - 1 and j != thesis and (cues[j].recommend or cues[j].opinion) else 0.0,
                1.0 if j == i - 1 and specific else 0.0,
                math.log(abs(i - j)) if is_prop and j != thesis else 0.0,
            ]
            rows.append((j, f))
        out.append(rows)
    return out


def _score(f: Sequence[float], w: Sequence[float]) -> float:
    return sum(map(mul, f, w))


def decode_links(
    units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors, thesis: int,
    proposed: Sequence[tuple[str, int] | None], explicit: set[int], restatements: set[int], fixed: set[int],
    weights: Mapping[str, float] | None = None,
) -> list[tuple[int, float] | None]:
    """The parent of each unit in the best tree, with the probability of its edge (None for the thesis and fixed units)."""
    w = [(weights if weights is not None else WEIGHTS).get(name, 0.0) for name in FEATURES]
    cands = candidates(units, cues, vec, thesis, proposed, explicit, restatements, fixed)
    n = len(units)
    edges: list[tuple[int, int, float]] = []
    probs: dict[tuple[int, int], float] = {}
    for i, rows in enumerate(cands):
        if not rows:
            if i != thesis:
                # A fixed unit keeps the parent the pass gave it; the edge from the thesis only keeps it
                # reachable should that parent be unreachable.
                prop = proposed[i]
                if prop is not None and prop[1] != i:
                    edges.append((prop[1], i, 0.0))
                edges.append((thesis, i, -1e6))
            continue
        scores = [_score(f, w) for _, f in rows]
        top = max(scores)
        z = sum(math.exp(s - top) for s in scores)
        for (j, _), s in zip(rows, scores):
            logp = s - top - math.log(z)
            edges.append((j, i, logp))
            probs[(j, i)] = math.exp(logp)
    parent = max_arborescence(n, thesis, edges)
    out: list[tuple[int, float] | None] = []
    for i, p in enumerate(parent):
        if p is None or not cands[i]:
            out.append(None)
        else:
            out.append((p, probs.get((p, i), 0.0)))
    return out
