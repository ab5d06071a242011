"""Which statements of a map stand, and why: :func:`analyse`, :func:`labels` and :class:`Analysis`.

:func:`analyse` projects the map onto its framework
(:func:`~argmap.analysis.project`), computes the labellings of one semantics
and keeps both, so that every label can be explained in the map's own terms:
which attacks on a statement succeed, which of its reasons stand.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

import attrs

from ..model import ArgumentMap, Attack, Kind, Statement, Support
from .framework import AnalysisError, Framework, project
from .semantics import DEFAULT_BUDGET, DEFAULT_LIMIT, NAMES, SEMANTICS, grounded_codes, labellings

__all__ = ["SUPPORT_READING", "Analysis", "analyse", "labels"]

SUPPORT_READING = "necessary"
"""How supports are read: as necessary support (Nouioua & Risch 2010, 2011). See docs/analysis.md."""

_WORD = {"in": "IN", "out": "OUT", "undec": "UNDEC"}


def _clip(text: str, limit: int = 72) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _names(ids: Sequence[str]) -> str:
    if len(ids) <= 2:
        return " and ".join(ids)
    return ", ".join(ids[:-1]) + " and " + ids[-1]


@attrs.frozen
class Analysis:
    """The labellings of a map under one semantics, with the framework they were computed on.

    ``labellings`` holds the framework's labellings (every argument, the
    auxiliary ones too); :attr:`statement_labellings` the same restricted to
    the statements, each once; :attr:`labels` one label per statement (the
    grounded labelling, or for the other semantics the sceptical summary: in
    when in in every labelling, out when out in every one, else undec).
    """

    map: ArgumentMap
    framework: Framework
    semantics: str
    labellings: tuple[Mapping[str, str], ...]

    @cached_property
    def statement_labellings(self) -> tuple[dict[str, str], ...]:
        """Each labelling restricted to the statements (in map order), duplicates dropped."""
        seen: dict[tuple[str, ...], dict[str, str]] = {}
        ids = [s.id for s in self.map.statements]
        for lab in self.labellings:
            key = tuple(lab[i] for i in ids)
            if key not in seen:
                seen[key] = dict(zip(ids, key))
        return tuple(seen.values())

    @cached_property
    def labels(self) -> dict[str, str]:
        """One label per statement: the only labelling, or the sceptical summary of several.

        With no labelling at all (a map with no stable labelling) it is an :class:`AnalysisError`."""
        labs = self.statement_labellings
        if not labs:
            raise AnalysisError(f"the map has no {self.semantics} labelling")
        if len(labs) == 1:
            return dict(labs[0])
        out = {}
        for sid in labs[0]:
            values = {lab[sid] for lab in labs}
            out[sid] = values.pop() if len(values) == 1 else "undec"
        return out

    # -- explanations ---------------------------------------------------------------------------

    def _label_of(self, lab: Mapping[str, str], relation_id: str) -> str:
        holder = self.framework.holder(relation_id)
        assert holder is not None
        return lab[holder]

    def _describe_attack(self, attack: Attack, lab: Mapping[str, str]) -> str:
        who = " + ".join(attack.attackers)
        undercuts = [a for a in self.map.objections_to(attack.id)]
        if len(attack.attackers) > 1 or undercuts:
            return f"{who} ({attack.id})"
        return who

    def _why_reason_fails(self, support: Support, lab: Mapping[str, str]) -> str:
        bad = [p for p in support.premises if lab[p] != "in"]
        cut = [a for a in self.map.objections_to(support.id) if self._label_of(lab, a.id) != "out"]
        parts = []
        if bad:
            parts.append(", ".join(f"{p} is {lab[p]}" for p in bad))
        if cut:
            parts.append("undercut by " + ", ".join(" + ".join(a.attackers) for a in cut))
        return f"{support.id}: " + "; ".join(parts) if parts else support.id

    def explain(self, statement_id: str, labelling: int = 0) -> str:
        """Why the statement has its label in one labelling (by position in :attr:`labellings`),
        in the map's terms: which attacks on it succeed, which of its reasons stand.

        >>> import argmap
        >>> b = argmap.MapBuilder()
        >>> t = b.claim("Cities should plant trees.", main=True)
        >>> o = b.objection("Trees cost money.")
        >>> r = b.rebuttal("They pay for themselves.")
        >>> _ = b.attack(t, o); _ = b.attack(o, r)
        >>> analyse(b.build()).explain(o)
        'out: defeated by s3 (in)'
        """
        amap = self.map
        st = amap.statement(statement_id)
        try:
            lab = self.labellings[labelling]
        except IndexError:
            raise AnalysisError(f"there is no {self.semantics} labelling {labelling + 1}") from None
        label = lab[st.id]
        attacks = [r for r in amap.relations_to(st.id) if isinstance(r, Attack)]
        supports = [r for r in amap.relations_to(st.id) if isinstance(r, Support)]
        att_by = {x: [a for a in attacks if self._label_of(lab, a.id) == x] for x in ("in", "out", "undec")}
        sup_by = {x: [s for s in supports if self._label_of(lab, s.id) == x] for x in ("in", "out", "undec")}
        parts: list[str] = []
        if label == "in":
            if attacks:
                who = [self._describe_attack(a, lab) for a in attacks]
                parts.append(f"its attacker {who[0]} is out" if len(who) == 1
                             else f"none of its attackers ({', '.join(who)}) succeeds")
            if supports:
                standing = [s.id if len(s.premises) > 1 else s.premises[0] for s in sup_by["in"]]
                if len(supports) == 1:
                    parts.append(f"its reason {standing[0]} stands")
                else:
                    parts.append(f"{len(standing)} of its {len(supports)} reasons stand")
            if not parts:
                parts.append("nothing attacks it; taken as given (it has no reasons)")
        elif label == "out":
            if att_by["in"]:
                parts.append("defeated by " + ", ".join(self._describe_attack(a, lab) for a in att_by["in"]) + " (in)")
            if supports and not sup_by["in"] and not sup_by["undec"]:
                fails = "; ".join(self._why_reason_fails(s, lab) for s in supports)
                parts.append(("its only reason does not stand" if len(supports) == 1
                              else "none of its reasons stands") + f" ({fails})")
        else:
            if att_by["undec"]:
                parts.append("attacked by " + ", ".join(self._describe_attack(a, lab) for a in att_by["undec"])
                             + ", undecided")
            if supports and not sup_by["in"] and sup_by["undec"]:
                parts.append("its reasons are undecided ("
                             + "; ".join(self._why_reason_fails(s, lab) for s in sup_by["undec"]) + ")")
            if not parts:
                parts.append("undecided")
        return f"{label}: " + "; ".join(parts)

    # -- output ---------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """``{"semantics", "labels"}`` for grounded; ``{"semantics", "labellings"}`` (one per
        labelling, statements only) for the others."""
        if self.semantics == "grounded":
            return {"semantics": self.semantics, "labels": dict(self.statement_labellings[0])}
        return {"semantics": self.semantics, "labellings": [dict(x) for x in self.statement_labellings]}

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (two-space indent, a final newline)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def _section(self, title: str, statements: Sequence[Statement], lab: Mapping[str, str], out: list[str]) -> None:
        if not statements:
            return
        out.append(title)
        for st in statements:
            out.append(f"  {_WORD[lab[st.id]]:<6} {st.id}  {_clip(st.text)}")
            out.append(f"         {self.explain(st.id, self.labellings.index(lab)).split(': ', 1)[1]}")

    def _body(self, lab: Mapping[str, str], out: list[str]) -> None:
        amap = self.map
        mains = list(amap.main_claims)
        objections = [s for s in amap.by_kind(Kind.OBJECTION) if not s.main]
        rebuttals = [s for s in amap.by_kind(Kind.REBUTTAL) if not s.main]
        self._section("Main claim" if len(mains) == 1 else "Main claims", mains, lab, out)
        self._section("Objections", objections, lab, out)
        self._section("Rebuttals", rebuttals, lab, out)
        shown = {s.id for s in (*mains, *objections, *rebuttals)}
        rest = [s for s in amap.statements if s.id not in shown]
        fallen = [s for s in rest if lab[s.id] != "in"]
        standing = [s.id for s in rest if lab[s.id] == "in"]
        if rest:
            out.append("Other statements")
            for st in fallen:
                out.append(f"  {_WORD[lab[st.id]]:<6} {st.id}  {_clip(st.text)}")
                out.append(f"         {self.explain(st.id, self.labellings.index(lab)).split(': ', 1)[1]}")
            if standing:
                out.append(f"  IN     {', '.join(standing)}")

    def to_text(self, *, max_labellings: int = 5) -> str:
        """For people: the counts, then the main claim, each objection and rebuttal with its label and
        why, and the other statements (those that do not stand explained); one block per labelling
        (at most *max_labellings* of them)."""
        amap = self.map
        head = f"{self.semantics} semantics, supports read as {SUPPORT_READING} (docs/analysis.md)"
        out = [head]
        labs = self.statement_labellings
        if not labs:
            out.append(f"the map has no {self.semantics} labelling")
            return "\n".join(out) + "\n"

        def counts(lab: Mapping[str, str]) -> str:
            n = {x: sum(1 for v in lab.values() if v == x) for x in ("in", "out", "undec")}
            return f"{n['in']} in, {n['out']} out, {n['undec']} undecided"

        if len(labs) == 1:
            out.append(f"{len(amap.statements)} statements: {counts(labs[0])}")
            out.append("")
            self._body(self._full(labs[0]), out)
            return "\n".join(out) + "\n"
        out.append(f"{len(labs)} labellings of the statements; sceptically (the same in every one): "
                   f"{counts(self.labels)}")
        differ = [s.id for s in amap.statements if len({lab[s.id] for lab in labs}) > 1]
        out.append(f"statements whose label differs: {', '.join(differ)}")
        for k, lab in enumerate(labs[:max_labellings]):
            out.append("")
            out.append(f"Labelling {k + 1} of {len(labs)}: {counts(lab)}")
            self._body(self._full(lab), out)
        if len(labs) > max_labellings:
            out.append("")
            out.append(f"({len(labs) - max_labellings} more labellings not shown; --format json lists them all)")
        return "\n".join(out) + "\n"

    def _full(self, statement_lab: Mapping[str, str]) -> Mapping[str, str]:
        """The framework labelling whose statements carry *statement_lab*."""
        for lab in self.labellings:
            if all(lab[k] == v for k, v in statement_lab.items()):
                return lab
        raise AssertionError("unreachable")  # pragma: no cover


def analyse(amap: ArgumentMap, semantics: str = "grounded", *, limit: int = DEFAULT_LIMIT,
            budget: int = DEFAULT_BUDGET) -> Analysis:
    """The labellings of *amap* under *semantics* (``grounded``, ``complete``, ``preferred`` or ``stable``).

    Grounded takes time linear in the map's size; the others are exact up to
    *limit* labellings and *budget* search steps, beyond which they raise an
    :class:`~argmap.analysis.AnalysisError` (see :mod:`argmap.analysis.semantics`).

    >>> import argmap
    >>> b = argmap.MapBuilder()
    >>> t = b.claim("Cities should plant trees.", main=True)
    >>> _ = b.support(t, b.premise("Trees cool streets."))
    >>> _ = b.attack(t, b.objection("Trees cost money."))
    >>> analyse(b.build()).labels
    {'s1': 'out', 's2': 'in', 's3': 'in'}
    """
    if semantics not in SEMANTICS:
        raise AnalysisError(f"unknown semantics {semantics!r} (expected one of {', '.join(SEMANTICS)})")
    fw = project(amap)
    labs = labellings(fw, semantics, limit=limit, budget=budget)
    return Analysis(map=amap, framework=fw, semantics=semantics, labellings=tuple(labs))


def labels(amap: ArgumentMap, semantics: str = "grounded", *, limit: int = DEFAULT_LIMIT,
           budget: int = DEFAULT_BUDGET) -> dict[str, str]:
    """``{statement id: "in" | "out" | "undec"}`` for every statement, in map order.

    For ``grounded`` (and ``complete``, whose sceptical summary is the grounded
    labelling) this is the grounded labelling; for ``preferred`` and ``stable``
    the sceptical summary: in when in in every labelling, out when out in every
    one, undec otherwise. A map with no stable labelling is an
    :class:`~argmap.analysis.AnalysisError`.
    """
    if semantics in ("grounded", "complete"):  # the statements are the framework's first arguments
        codes = grounded_codes(project(amap))
        return {st.id: NAMES[c] for st, c in zip(amap.statements, codes)}
    return analyse(amap, semantics, limit=limit, budget=budget).labels
