"""Global decoding: the maximum spanning tree over scored candidate relations.

The ``cues`` extractor scores candidate relations (a unit attaching to an
earlier or a later unit) and decodes them jointly, as Peldszus & Stede (2015,
"Joint prediction in MST-style discourse parsing for argumentation mining")
do, instead of keeping one greedy link per unit. :func:`max_arborescence` is
the Chu–Liu/Edmonds algorithm (Chu & Liu 1965, Edmonds 1967), written here
from its textbook description: every node but the root takes its best incoming
edge; each cycle this makes is contracted into one node, the scores of the
edges entering it lowered by the score of the cycle edge they would replace,
and the smaller graph solved the same way; expanding the contractions gives the
tree.

All cycles of a round are contracted at once, so each round costs time linear
in the number of edges; with the candidate set bounded by a window of units
(as the extractor bounds it), decoding a long document stays linear in
practice.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["Edge", "max_arborescence", "tree_score"]

Edge = tuple[int, int, float]
"""A candidate: ``(parent, child, score)``; the child attaches to the parent."""


def max_arborescence(n: int, root: int, edges: Sequence[Edge]) -> list[int | None]:
    """The parent of each node in a maximum-score spanning tree rooted at *root*.

    Nodes are ``0 .. n-1``. Every node other than *root* must be reachable
    from it through the edges (give each a fallback edge from the root);
    otherwise :class:`ValueError`. Edges into the root and self-loops are
    ignored. Ties go to the edge listed first, so the result is deterministic.
    Returns ``parent[i]`` (``None`` for the root).
    """
    if not 0 <= root < n:
        raise ValueError(f"root {root} is not a node of 0..{n - 1}")
    # Levels of contraction: at each level, the edges (u, v, w, index of the edge one level down).
    level_edges: list[list[tuple[int, int, float, int]]] = [
        [(u, v, float(w), k) for k, (u, v, w) in enumerate(edges) if v != root and u != v and 0 <= u < n and 0 <= v < n]
    ]
    level_best: list[dict[int, int]] = []  # node -> index of its best incoming edge at that level
    level_cycles: list[list[list[int]]] = []
    level_comp: list[list[int]] = []
    level_n: list[int] = [n]
    level_root: list[int] = [root]
    while True:
        es, m, r = level_edges[-1], level_n[-1], level_root[-1]
        best: dict[int, int] = {}
        for k, (u, v, w, _) in enumerate(es):
            b = best.get(v)
            if b is None or w > es[b][2]:
                best[v] = k
        for v in range(m):
            if v != r and v not in best:
                raise ValueError(f"node {v} cannot be reached from the root {root}")
        # Cycles of the best-edge graph: walk up the parents, colouring nodes by walk.
        colour = [-1] * m
        colour[r] = m  # the root ends every walk
        cycles: list[list[int]] = []
        for start in range(m):
            node = start
            walk: list[int] = []
            while colour[node] == -1:
                colour[node] = start
                walk.append(node)
                node = es[best[node]][0]
            if colour[node] == start:  # the walk closed on itself
                cycle = walk[walk.index(node):]
                cycles.append(cycle)
        level_best.append(best)
        level_cycles.append(cycles)
        if not cycles:
            break
        # Contract: each cycle becomes one node; the other nodes keep their own.
        comp = [-1] * m
        nxt = 0
        in_cycle = [False] * m
        for cycle in cycles:
            for v in cycle:
                comp[v] = nxt
                in_cycle[v] = True
            nxt += 1
        for v in range(m):
            if comp[v] == -1:
                comp[v] = nxt
                nxt += 1
        new_edges: list[tuple[int, int, float, int]] = []
        for k, (u, v, w, _) in enumerate(es):
            cu, cv = comp[u], comp[v]
            if cu == cv:
                continue
            if in_cycle[v]:
                w -= es[best[v]][2]
            new_edges.append((cu, cv, w, k))
        level_comp.append(comp)
        level_edges.append(new_edges)
        level_n.append(nxt)
        level_root.append(comp[r])
    # Expand from the last (acyclic) level down to the first.
    es, best = level_edges[-1], level_best[-1]
    chosen: dict[int, int] = dict(best)  # node -> edge index at this level
    for depth in range(len(level_edges) - 2, -1, -1):
        upper = level_edges[depth + 1]
        es, best, comp = level_edges[depth], level_best[depth], level_comp[depth]
        cycles = level_cycles[depth]
        down: dict[int, int] = {}
        for _, k_up in chosen.items():
            k = upper[k_up][3]
            down[es[k][1]] = k
        for cycle in cycles:
            for v in cycle:
                if v not in down:
                    down[v] = best[v]
        chosen = down
    parent: list[int | None] = [None] * n
    first = level_edges[0]
    for v, k in chosen.items():
        parent[v] = first[k][0]
    return parent


def tree_score(parent: Sequence[int | None], edges: Sequence[Edge]) -> float:
    """The score of a tree: the sum, over nodes with a parent, of the best edge parent → node."""
    best: dict[tuple[int, int], float] = {}
    for u, v, w in edges:
        if (u, v) not in best or w > best[(u, v)]:
            best[(u, v)] = w
    return sum(best[(p, v)] for v, p in enumerate(parent) if p is not None)
