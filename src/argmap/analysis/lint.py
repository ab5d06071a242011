"""The checks a teacher of argument mapping applies to a map: :func:`lint`.

Each finding has a stable rule id (:data:`RULES`), a severity (``error``: the
map says something incoherent; ``warning``: it is unfinished or unusual) and a
message that names the statements. ``argmap lint`` exits non-zero when it finds
an error, so it can guard a folder of maps in CI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import attrs

from ..model import ArgumentMap, Attack, Kind, Statement, Support
from .framework import AnalysisError

__all__ = ["RULES", "SEVERITIES", "Finding", "lint", "to_json", "to_text"]

SEVERITIES = ("error", "warning")

RULES: dict[str, tuple[str, str]] = {
    "main-claim-without-reason": ("error", "a main claim that no support concludes"),
    "no-main-claim": ("warning", "no statement is marked as the main claim"),
    "several-main-claims": ("warning", "more than one statement is marked as the main claim"),
    "unanswered-objection": ("warning", "an objection that nothing answers: no attack on it or on what it supports"),
    "rebuttal-attacks-nothing": ("warning", "a rebuttal that attacks nothing, nor supports anything that does"),
    "circular-support": ("error", "statements that support each other in a circle"),
    "supports-and-attacks": ("error", "a statement that both supports and attacks the same statement"),
    "premise-is-own-conclusion": ("warning", "a premise that restates a conclusion of its own support chain "
                                  "(the same words, or a support marked as a restatement): begging the question"),
    "orphan": ("warning", "a statement in no relation (not a main claim, not tagged context)"),
    "attack-on-own-support": ("error", "an attack on a support by the support's own conclusion"),
}
"""rule id -> (severity, what it finds). The ids are stable: scripts may filter on them."""


@attrs.frozen
class Finding:
    """One problem :func:`lint` found: the rule, its severity, a message naming the statements, their ids."""

    rule: str
    severity: str
    message: str
    ids: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "ids": list(self.ids)}

    def __str__(self) -> str:
        return f"{self.severity}: {self.rule}: {self.message}"


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _up(amap: ArgumentMap, start: str) -> list[str]:
    """*start* and every statement it supports, directly or through a chain, in the order reached."""
    seen = {start}
    order = [start]
    k = 0
    while k < len(order):
        x = order[k]
        k += 1
        for rel in amap.relations_from(x):
            if isinstance(rel, Support) and rel.conclusion not in seen:
                seen.add(rel.conclusion)
                order.append(rel.conclusion)
    return order


def _support_cycles(amap: ArgumentMap) -> list[list[str]]:
    """The strongly connected parts (two or more statements) of the graph premise -> conclusion, each
    as one cycle through its first statement (Tarjan's algorithm, iteratively)."""
    succ: dict[str, list[str]] = {}
    for s in amap.supports:
        for p in s.premises:
            succ.setdefault(p, []).append(s.conclusion)
    order = {s.id: i for i, s in enumerate(amap.statements)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on: set[str] = set()
    stack: list[str] = []
    parts: list[list[str]] = []
    counter = 0
    for root in (s.id for s in amap.statements):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on.add(v)
            nxt = succ.get(v, [])
            if i < len(nxt):
                work.append((v, i + 1))
                w = nxt[i]
                if w not in index:
                    work.append((w, 0))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            if low[v] == index[v]:
                part = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    part.append(w)
                    if w == v:
                        break
                if len(part) > 1:
                    parts.append(sorted(part, key=order.__getitem__))
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
    cycles = []
    for part in sorted(parts, key=lambda p: order[p[0]]):
        members = set(part)
        start = part[0]
        prev: dict[str, str] = {}
        queue = [start]
        found: str | None = None
        while queue and found is None:
            here = queue.pop(0)
            for y in succ.get(here, []):
                if y == start:
                    found = here
                    break
                if y in members and y not in prev:
                    prev[y] = here
                    queue.append(y)
        path = [start]
        back = found
        while back is not None and back != start:
            path.append(back)
            back = prev.get(back)
        cycles.append([start, *reversed(path[1:]), start])
    return cycles


def lint(amap: ArgumentMap, *, ignore: Iterable[str] = ()) -> list[Finding]:
    """The findings of every rule of :data:`RULES` on *amap*, rule by rule, each in map order;
    rules named in *ignore* are skipped.

    >>> import argmap
    >>> b = argmap.MapBuilder()
    >>> t = b.claim("Cities should plant trees.", main=True)
    >>> o = b.objection("Trees cost money.")
    >>> _ = b.attack(t, o)
    >>> for f in lint(b.build()): print(f)
    error: main-claim-without-reason: the main claim s1 has no reason
    warning: unanswered-objection: the objection s2 is not answered: nothing attacks it
    """
    skip = set(ignore)
    unknown = skip - set(RULES)
    if unknown:
        raise AnalysisError(f"unknown lint rule {sorted(unknown)[0]!r} (rules: {', '.join(RULES)})")
    found: list[Finding] = []

    def add(rule: str, message: str, ids: Iterable[str]) -> None:
        if rule not in skip:
            found.append(Finding(rule, RULES[rule][0], message, tuple(ids)))

    statements = amap.statements
    mains = amap.main_claims
    for st in mains:
        if not amap.reasons_for(st.id):
            add("main-claim-without-reason", f"the main claim {st.id} has no reason", [st.id])
    if statements and not mains:
        add("no-main-claim", "no statement is marked as the main claim", [])
    if len(mains) > 1:
        ids = [s.id for s in mains]
        add("several-main-claims", f"{len(mains)} statements are marked as the main claim: {', '.join(ids)}", ids)

    attacked = {r.target for r in amap.relations if isinstance(r, Attack)}
    for st in amap.by_kind(Kind.OBJECTION):
        line = _up(amap, st.id)
        chain_supports = [r.id for x in line for r in amap.relations_from(x) if isinstance(r, Support)]
        if not any(x in attacked for x in line) and not any(r in attacked for r in chain_supports):
            what = "nothing attacks it" if len(line) == 1 else f"nothing attacks it or what it supports ({', '.join(line[1:])})"
            add("unanswered-objection", f"the objection {st.id} is not answered: {what}", [st.id])

    for st in amap.by_kind(Kind.REBUTTAL):
        if not any(isinstance(r, Attack) for x in _up(amap, st.id) for r in amap.relations_from(x)):
            add("rebuttal-attacks-nothing", f"the rebuttal {st.id} attacks nothing (nor supports anything that does)",
                [st.id])

    for cycle in _support_cycles(amap):
        add("circular-support", f"{' -> '.join(cycle)}: these statements support each other in a circle",
            cycle[:-1])

    by_target: dict[str, tuple[set[str], set[str]]] = {}
    for rel in amap.relations:
        pro, con = by_target.setdefault(rel.target, (set(), set()))
        (pro if isinstance(rel, Support) else con).update(rel.sources)
    for st in statements:
        pro, con = by_target.get(st.id, (set(), set()))
        for x in (s.id for s in statements if s.id in pro & con):
            add("supports-and-attacks", f"{x} both supports and attacks {st.id}", [x, st.id])

    _restatements(amap, add)

    involved: set[str] = set()
    for rel in amap.relations:
        involved.update(rel.sources)
        involved.add(rel.target)
    for st in statements:
        if st.id not in involved and not st.main and "context" not in st.tags:
            add("orphan", f"{st.id} takes part in no support or attack", [st.id])

    for rel in amap.attacks:
        target = amap.get(rel.target)
        if isinstance(target, Support) and target.conclusion in rel.attackers:
            add("attack-on-own-support",
                f"{target.conclusion} attacks ({rel.id}) the support {target.id} that concludes {target.conclusion}",
                [target.conclusion, target.id, rel.id])
    return found


def _restatements(amap: ArgumentMap, add: Any) -> None:
    same: dict[str, list[Statement]] = {}
    for st in amap.statements:
        same.setdefault(_words(st.text), []).append(st)
    reported: set[tuple[str, str]] = set()
    for support in amap.supports:
        if (support.scheme or "").casefold() == "restatement":
            for p in support.premises:
                reported.add((p, support.conclusion))
                add("premise-is-own-conclusion",
                    f"{p} restates the conclusion it supports, {support.conclusion} (support {support.id} is "
                    "marked as a restatement)", [p, support.conclusion])
    for group in same.values():
        if len(group) < 2 or not group[0].text.strip():
            continue
        ids = {s.id for s in group}
        for st in group:
            for other in _up(amap, st.id)[1:]:
                if other in ids and (st.id, other) not in reported:
                    reported.add((st.id, other))
                    add("premise-is-own-conclusion",
                        f"{st.id} supports {other} (through a chain) and says the same words", [st.id, other])


def to_text(findings: list[Finding], path: str = "map") -> str:
    """One line per finding, ``PATH: SEVERITY: RULE: message``, then the counts."""
    lines = [f"{path}: {f}" for f in findings]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    lines.append(f"{path}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(lines) + "\n"


def to_json(findings: list[Finding]) -> str:
    """``{"findings": [{rule, severity, message, ids}, ...], "errors": n, "warnings": n}``."""
    errors = sum(1 for f in findings if f.severity == "error")
    data = {"findings": [f.as_dict() for f in findings], "errors": errors, "warnings": len(findings) - errors}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
