"""Dung's semantics on a :class:`~argmap.analysis.Framework`: labellings and acceptance.

A labelling gives each argument ``"in"``, ``"out"`` or ``"undec"`` (Caminada
2006): a *complete* labelling labels an argument in exactly when all its
attackers are out, and out exactly when some attacker is in. The *grounded*
labelling is the complete one with the fewest in (Dung 1995: the least fixed
point); *preferred* labellings are the complete ones whose in-set is maximal;
*stable* ones have no undec.

How it is computed:

- **grounded** in time linear in arguments + attacks: an argument whose
  attackers are all out is in, what it attacks is out, and so on;
- **complete, preferred, stable** start from the grounded labelling (every
  complete labelling extends it), and only the arguments it leaves undec are
  searched, one weakly connected part at a time (the labellings of separate
  parts combine freely). The search labels arguments one at a time and
  propagates the conditions of a complete labelling (generalised arc
  consistency over in/out/undec); a preferred labelling is found by growing a
  complete one until no complete labelling has a larger in-set, then excluding
  everything below it and searching again.

The results are exact, or an :class:`~argmap.analysis.AnalysisError`: a
framework with more than ``limit`` labellings, or whose search takes more than
``budget`` steps, is refused with a message saying so, never approximated.

>>> from argmap.analysis import Framework
>>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
>>> grounded(fw)
{'a': 'undec', 'b': 'undec', 'c': 'undec'}
>>> labellings(fw, "preferred")
[{'a': 'in', 'b': 'out', 'c': 'in'}, {'a': 'out', 'b': 'in', 'c': 'out'}]
>>> credulous(fw, "c", "preferred"), sceptical(fw, "c", "preferred")
(True, False)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from .framework import AnalysisError, Framework, quiet_gc

__all__ = [
    "DEFAULT_BUDGET",
    "DEFAULT_LIMIT",
    "SEMANTICS",
    "credulous",
    "grounded",
    "labellings",
    "sceptical",
]

SEMANTICS = ("grounded", "complete", "preferred", "stable")
"""The semantics argmap computes."""

DEFAULT_LIMIT = 1000
"""At most this many labellings are enumerated; a framework with more is an :class:`AnalysisError`."""

DEFAULT_BUDGET = 200_000
"""At most this many search steps (labels tried) per question; beyond, an :class:`AnalysisError`."""

IN, OUT, UNDEC = 1, 2, 4
ALL = IN | OUT | UNDEC
NAMES = {IN: "in", OUT: "out", UNDEC: "undec"}
_ORDER = {IN: 0, OUT: 1, UNDEC: 2}
_POPCOUNT = [0, 1, 1, 2, 1, 2, 2, 3]


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise AnalysisError(f"unknown semantics {semantics!r} (expected one of {', '.join(SEMANTICS)})")


# -- grounded -------------------------------------------------------------------------------------


def grounded_codes(fw: Framework) -> list[int]:
    """The grounded labelling as codes (``IN``, ``OUT``, ``UNDEC``) by argument position."""
    with quiet_gc():
        return _grounded_codes(fw.targets)


def _grounded_codes(targets: Sequence[Sequence[int]]) -> list[int]:
    count = [0] * len(targets)
    for row in targets:
        for y in row:
            count[y] += 1
    label = [UNDEC] * len(count)
    stack = [i for i, c in enumerate(count) if c == 0]
    while stack:
        x = stack.pop()
        label[x] = IN
        for y in targets[x]:
            if label[y] == UNDEC:
                label[y] = OUT
                for z in targets[y]:
                    count[z] -= 1
                    if count[z] == 0 and label[z] == UNDEC:
                        stack.append(z)
    return label


def grounded(fw: Framework) -> dict[str, str]:
    """The grounded labelling: ``{argument: "in" | "out" | "undec"}`` in the framework's order."""
    return {name: NAMES[c] for name, c in zip(fw.arguments, grounded_codes(fw))}


# -- the search over what the grounded labelling leaves undec ---------------------------------------


class _Budget:
    def __init__(self, steps: int, what: str) -> None:
        self.left = steps
        self.steps = steps
        self.what = what

    def tick(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise AnalysisError(
                f"the search for {self.what} gave up after {self.steps} steps (the budget); "
                "the grounded labelling is always available"
            )


class _Part:
    """One weakly connected part of the arguments the grounded labelling leaves undec, renumbered
    from 0, with the attacks among them (attacks from outside come from out arguments)."""

    def __init__(self, members: list[int], attackers: Sequence[Sequence[int]]) -> None:
        self.members = members
        local = {g: i for i, g in enumerate(members)}
        self.att: list[list[int]] = [[local[a] for a in attackers[g] if a in local] for g in members]
        self.tgt: list[list[int]] = [[] for _ in members]
        for i, atts in enumerate(self.att):
            for a in atts:
                self.tgt[a].append(i)
        self.n = len(members)
        degree = [len(self.att[i]) + len(self.tgt[i]) for i in range(self.n)]
        self.rank = sorted(range(self.n), key=lambda i: (-degree[i], i))

    # propagation of the conditions of a complete labelling, plus clauses "one of these is in"
    def propagate(self, dom: list[int], dirty: Sequence[int], clauses: Sequence[Sequence[int]]) -> bool:
        att, tgt = self.att, self.tgt
        pending: set[int] = set()
        for z in dirty:
            pending.add(z)
            pending.update(tgt[z])
        while True:
            while pending:
                y = pending.pop()
                ay = att[y]
                all_out = True
                some_in = False
                all_not_in = True
                some_undec = False
                for a in ay:
                    da = dom[a]
                    if not da & OUT:
                        all_out = False
                    if da & IN:
                        some_in = True
                        if da == IN:
                            all_not_in = False
                    if da & UNDEC:
                        some_undec = True
                allowed = (IN if all_out else 0) | (OUT if some_in else 0) | (
                    UNDEC if all_not_in and some_undec else 0)
                d = dom[y] & allowed
                if not d:
                    return False
                if d != dom[y]:
                    dom[y] = d
                    pending.update(tgt[y])
                # what y's label asks of its attackers
                narrow: list[tuple[int, int]] = []
                if d == IN:
                    narrow = [(a, OUT) for a in ay]
                else:
                    if not d & OUT:  # y is not out: no attacker is in
                        narrow = [(a, OUT | UNDEC) for a in ay]
                    if not d & IN:  # y is not in: some attacker is not out
                        cands = [a for a in ay if dom[a] & (IN | UNDEC)]
                        if not cands:
                            return False
                        if len(cands) == 1:
                            narrow.append((cands[0], IN | UNDEC))
                    if d == OUT:  # some attacker is in
                        cands = [a for a in ay if dom[a] & IN]
                        if not cands:
                            return False
                        if len(cands) == 1:
                            narrow.append((cands[0], IN))
                    elif d == UNDEC:  # some attacker is undec
                        cands = [a for a in ay if dom[a] & UNDEC]
                        if not cands:
                            return False
                        if len(cands) == 1:
                            narrow.append((cands[0], UNDEC))
                for a, mask in narrow:
                    da = dom[a]
                    nd = da & mask
                    if not nd:
                        return False
                    if nd != da:
                        dom[a] = nd
                        pending.add(a)
                        pending.update(tgt[a])
            for clause in clauses:
                cands = []
                for a in clause:
                    da = dom[a]
                    if da == IN:
                        break
                    if da & IN:
                        cands.append(a)
                else:
                    if not cands:
                        return False
                    if len(cands) == 1:
                        dom[cands[0]] = IN
                        pending.add(cands[0])
                        pending.update(tgt[cands[0]])
            if not pending:
                return True

    def solve(self, dom: list[int], clauses: Sequence[Sequence[int]], budget: _Budget) -> Iterator[list[int]]:
        """Every complete labelling of the part within the domains *dom* that satisfies *clauses*
        (depth first, trying in, then out, then undec)."""
        dom = list(dom)
        if not self.propagate(dom, range(self.n), clauses):
            return
        stack = [dom]
        rank = self.rank
        while stack:
            dom = stack.pop()
            budget.tick()
            best = -1
            best_size = 4
            for i in rank:
                size = _POPCOUNT[dom[i]]
                if 1 < size < best_size:
                    best, best_size = i, size
                    if size == 2:
                        break
            if best < 0:
                yield dom
                continue
            children = []
            for value in (IN, OUT, UNDEC):
                if dom[best] & value:
                    child = list(dom)
                    child[best] = value
                    if self.propagate(child, (best,), clauses):
                        children.append(child)
            stack.extend(reversed(children))

    def first(self, dom: list[int], clauses: Sequence[Sequence[int]], budget: _Budget) -> list[int] | None:
        return next(self.solve(dom, clauses, budget), None)

    def preferred(self, budget: _Budget) -> Iterator[list[int]]:
        """The preferred labellings of the part, one at a time."""
        n = self.n
        found: list[list[int]] = []
        while True:
            clauses = [[a for a in range(n) if lab[a] != IN] for lab in found]
            sol = self.first([ALL] * n, clauses, budget)
            if sol is None:
                return
            while True:  # grow it until no complete labelling has a larger in-set
                bigger = [a for a in range(n) if sol[a] != IN]
                nxt = self.first([IN if sol[a] == IN else ALL for a in range(n)], [bigger], budget)
                if nxt is None:
                    break
                sol = nxt
            found.append(sol)
            yield sol


def _parts(fw: Framework, base: list[int]) -> list[_Part]:
    """The weakly connected parts of the arguments *base* labels undec, in the order of their first argument."""
    undec = [i for i, c in enumerate(base) if c == UNDEC]
    where: dict[int, int] = {}
    attackers, targets = fw.attackers, fw.targets
    parts: list[list[int]] = []
    for start in undec:
        if start in where:
            continue
        members = [start]
        where[start] = len(parts)
        k = 0
        while k < len(members):
            x = members[k]
            k += 1
            for y in itertools.chain(attackers[x], targets[x]):
                if base[y] == UNDEC and y not in where:
                    where[y] = len(parts)
                    members.append(y)
        members.sort()
        parts.append(members)
    return [_Part(m, attackers) for m in parts]


def _part_labellings(part: _Part, semantics: str, budget: _Budget, limit: int) -> list[list[int]]:
    if semantics == "preferred":
        source: Iterator[list[int]] = part.preferred(budget)
    elif semantics == "stable":
        source = part.solve([IN | OUT] * part.n, [], budget)
    else:
        source = part.solve([ALL] * part.n, [], budget)
    out = []
    for lab in source:
        out.append(lab)
        if len(out) > limit:
            raise AnalysisError(
                f"{semantics}: more {semantics} labellings than the limit of {limit}: ask about one statement "
                "(credulous or sceptical acceptance), or use the grounded semantics"
            )
    return out


def labelling_codes(fw: Framework, semantics: str, *, limit: int = DEFAULT_LIMIT,
                    budget: int = DEFAULT_BUDGET) -> list[list[int]]:
    """Every labelling of *semantics* as code lists by argument position, sorted (in before out before
    undec, argument by argument)."""
    _check_semantics(semantics)
    base = grounded_codes(fw)
    if semantics == "grounded":
        return [base]
    steps = _Budget(budget, f"{semantics} labellings")
    parts = _parts(fw, base)
    per_part = [_part_labellings(p, semantics, steps, limit) for p in parts]
    total = 1
    for labs in per_part:
        total *= len(labs)
    if total > limit:
        raise AnalysisError(
            f"{semantics}: {total} labellings, more than the limit of {limit}: ask about one statement "
            "(credulous or sceptical acceptance), or use the grounded semantics"
        )
    members = [p.members for p in parts]
    result = []
    for combo in itertools.product(*per_part):
        lab = list(base)
        for mem, local in zip(members, combo):
            for g, code in zip(mem, local):
                lab[g] = code
        result.append(lab)
    result.sort(key=lambda lab: [_ORDER[c] for c in lab])
    return result


def labellings(fw: Framework, semantics: str = "grounded", *, limit: int = DEFAULT_LIMIT,
               budget: int = DEFAULT_BUDGET) -> list[dict[str, str]]:
    """Every labelling of the framework under *semantics* (one for grounded; none for stable when
    there is no stable labelling), each ``{argument: "in" | "out" | "undec"}``, in a fixed order."""
    names = fw.arguments
    return [{name: NAMES[c] for name, c in zip(names, lab)}
            for lab in labelling_codes(fw, semantics, limit=limit, budget=budget)]


def _locate(fw: Framework, name: str, base: list[int]) -> tuple[_Part | None, list[_Part]]:
    i = fw.index(name)
    parts = _parts(fw, base)
    for part in parts:
        if i in part.members:
            return part, parts
    return None, parts


def credulous(fw: Framework, name: str, semantics: str = "preferred", *, budget: int = DEFAULT_BUDGET) -> bool:
    """Whether the argument is in in at least one labelling of *semantics* (for grounded: in the one)."""
    _check_semantics(semantics)
    base = grounded_codes(fw)
    i = fw.index(name)
    if semantics == "grounded" or base[i] != UNDEC:
        if semantics == "stable" and base[i] == IN:
            return _stable_exists(fw, base, budget)
        return base[i] == IN
    steps = _Budget(budget, f"a {semantics} labelling with {name} in")
    part, parts = _locate(fw, name, base)
    assert part is not None
    local = part.members.index(i)
    if semantics == "stable":
        dom = [IN | OUT] * part.n
        dom[local] = IN
        if part.first(dom, [], steps) is None:
            return False
        return all(p is part or p.first([IN | OUT] * p.n, [], steps) is not None for p in parts)
    dom = [ALL] * part.n
    dom[local] = IN
    return part.first(dom, [], steps) is not None


def _stable_exists(fw: Framework, base: list[int], budget: int) -> bool:
    steps = _Budget(budget, "a stable labelling")
    return all(p.first([IN | OUT] * p.n, [], steps) is not None for p in _parts(fw, base))


def sceptical(fw: Framework, name: str, semantics: str = "preferred", *, budget: int = DEFAULT_BUDGET) -> bool:
    """Whether the argument is in in every labelling of *semantics* (grounded and complete: in the
    grounded one). With no stable labelling at all, every argument is sceptically stable (as in ICCMA)."""
    _check_semantics(semantics)
    base = grounded_codes(fw)
    i = fw.index(name)
    if semantics in ("grounded", "complete"):
        return base[i] == IN
    if semantics == "stable" and not _stable_exists(fw, base, budget):
        return True
    if base[i] != UNDEC:
        return base[i] == IN
    steps = _Budget(budget, f"a {semantics} labelling without {name} in")
    part, _ = _locate(fw, name, base)
    assert part is not None
    local = part.members.index(i)
    if semantics == "stable":
        dom = [IN | OUT] * part.n
        dom[local] = OUT
        return part.first(dom, [], steps) is None
    for lab in part.preferred(steps):
        if lab[local] != IN:
            return False
    return True
