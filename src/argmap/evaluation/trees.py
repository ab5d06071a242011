"""Tree reduction: an argument map as a dependency tree over its statements.

:func:`reduce_map` gives each statement at most one outgoing edge, labelled
``sup`` or ``att``, following the reduction of Peldszus & Stede (2015): the
first source of a relation attaches to its target (an undercut to the first
source of the relation it attacks), a linked co-premise to the first premise.
The :class:`Tree` it returns also names the central claim and each unit's role.
"""

from __future__ import annotations

import attrs

from ..model import ArgumentMap, Attack, Support

__all__ = ["NONE", "Tree", "reduce_map"]

NONE = "none"
"""The label of a gold unit no prediction aligns to (and of a stray root's function)."""


@attrs.frozen
class Tree:
    """A map reduced to a dependency tree over its statements.

    ``parent[i]`` is the index of the unit statement ``i`` attaches to (or
    None); ``function[i]`` is ``"sup"`` or ``"att"`` for an attached unit,
    ``"cc"`` for the central claim and ``"none"`` for any other unattached
    unit; ``roles[i]`` is ``"pro"`` or ``"opp"``.
    """

    ids: tuple[str, ...]
    parent: tuple[int | None, ...]
    function: tuple[str, ...]
    cc: int | None
    roles: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)


def _confidence(rel: Support | Attack) -> float:
    if rel.provenance is not None and rel.provenance.confidence is not None:
        return rel.provenance.confidence
    return 1.0


def reduce_map(amap: ArgumentMap) -> Tree:
    """Reduce a map to a tree over its statements (in map order).

    Each relation proposes edges: its first source to its target (for an
    undercut, to the first source of the relation it attacks), labelled
    ``sup`` or ``att``; each further source to the first source, labelled
    ``sup`` (a linked co-premise keeps the role of the premise it joins).
    A statement with several proposed edges keeps the one of the most
    confident relation, the first in map order on a tie. A cycle left after
    that loses its least confident edge (the last in map order on a tie).
    The central claim is the first root flagged ``main``, else the root with
    the most descendants (the first in map order on a tie).
    """
    ids = tuple(s.id for s in amap.statements)
    index = {sid: i for i, sid in enumerate(ids)}
    proposals: list[list[tuple[float, int, int, str]]] = [[] for _ in ids]
    order = 0
    for rel in amap.relations:
        sources = rel.sources
        head = index[sources[0]]
        target = rel.target
        if target in index:
            attach = index[target]
        else:  # an undercut: the target is a relation; attach to that relation's first source
            attach = index[amap.relation(target).sources[0]]
        label = "sup" if isinstance(rel, Support) else "att"
        conf = _confidence(rel)
        if attach != head:
            proposals[head].append((-conf, order, attach, label))
        order += 1
        for src in sources[1:]:
            if index[src] != head:
                proposals[index[src]].append((-conf, order, head, "sup"))
            order += 1
    chosen: list[tuple[float, int, int, str] | None] = [min(p) if p else None for p in proposals]
    # Break cycles: follow parents from each unit; a unit seen twice on one walk closes a cycle.
    state = [0] * len(ids)  # 0 unvisited, 1 on the current walk, 2 finished
    for start in range(len(ids)):
        walk: list[int] = []
        node: int | None = start
        while node is not None and state[node] == 0:
            state[node] = 1
            walk.append(node)
            edge = chosen[node]
            node = edge[2] if edge is not None else None
        if node is not None and state[node] == 1:
            cycle = walk[walk.index(node):]
            weakest = max(cycle, key=lambda n: (chosen[n][0], chosen[n][1]))  # type: ignore[index]
            chosen[weakest] = None
        for n in walk:
            state[n] = 2
    parent = tuple(e[2] if e is not None else None for e in chosen)
    children: list[list[int]] = [[] for _ in ids]
    for i, p in enumerate(parent):
        if p is not None:
            children[p].append(i)

    def size(n: int) -> int:
        total, todo = 0, [n]
        while todo:
            total += 1
            todo.extend(children[todo.pop()])
        return total

    roots = [i for i, p in enumerate(parent) if p is None]
    cc: int | None = None
    flagged = [i for i in roots if amap.statements[i].main]
    if flagged:
        cc = flagged[0]
    elif roots:
        cc = max(roots, key=lambda r: (size(r), -r))
    function = tuple(
        ("cc" if i == cc else NONE) if e is None else e[3] for i, e in enumerate(chosen)
    )
    roles = [""] * len(ids)
    for root in ([cc] if cc is not None else []) + [r for r in roots if r != cc]:
        todo = [(root, "pro")]
        while todo:
            node, role = todo.pop()
            roles[node] = role
            for child in children[node]:
                flip = function[child] == "att"
                todo.append((child, ("opp" if role == "pro" else "pro") if flip else role))
    return Tree(ids=ids, parent=parent, function=function, cc=cc, roles=tuple(roles))
