"""The ``cues`` extractor: argument maps from English argumentative prose, by rule.

Offline, deterministic and pure Python: no model, no downloads. The work is
split in three steps, each a module of this package:

- :mod:`~argmap.cues.segment`: units with exact character spans
  (paragraphs and lines, page furniture dropped, sentences, clauses);
- :mod:`~argmap.cues.structure`: the cues of each unit
  (:mod:`~argmap.cues.lexicon`), the thesis, restatements of it, and one
  relation per unit from discourse markers, paragraph structure and word
  overlap (:mod:`~argmap.cues.similarity`);
- this module: statements with kinds and confidences, relations with ids,
  assembled into a validated :class:`~argmap.ArgumentMap`.

>>> from argmap import Document
>>> from argmap.cues import extract
>>> amap = extract(Document("We should plant more trees, because trees cool the streets."))
>>> [(s.id, s.kind.value, s.main) for s in amap.statements]
[('s1', 'recommendation', True), ('s2', 'premise', False)]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from ..model import ArgumentMap, Attack, Document, Kind, Provenance, Statement, Support
from .segment import Unit, segment, units_from_spans
from .similarity import Vectors
from .structure import Link, Plan, analyse

__all__ = ["NAME", "extract", "extract_units"]

NAME = "cues"
"""The extractor's name, as registered and as written in every provenance."""

_PROVENANCE: dict[float, Provenance] = {}


def _prov(confidence: float) -> Provenance:
    confidence = round(max(0.0, min(1.0, confidence)), 2)
    p = _PROVENANCE.get(confidence)
    if p is None:
        p = _PROVENANCE[confidence] = Provenance(NAME, confidence)
    return p


def _break_cycles(plan: Plan) -> None:
    """Point any unit caught in a cycle of links at the thesis instead."""
    links = plan.links
    done: set[int] = {plan.thesis}  # units known to reach the thesis or a unit without a link
    for start in range(len(links)):
        path: list[int] = []
        on_path: set[int] = set()
        i = start
        while i not in done:
            link = links[i]
            if link is None:
                break
            if i in on_path:
                links[i] = Link("support", plan.thesis, confidence=0.3)
                break
            path.append(i)
            on_path.add(i)
            i = link.target
        done.update(path)


def _roles(plan: Plan, keep: Sequence[int]) -> dict[int, bool]:
    """True for units on the author's side, False for the opponent's."""
    role: dict[int, bool] = {plan.thesis: True}

    def side(i: int, depth: int = 0) -> bool:
        if i in role:
            return role[i]
        link = plan.links[i]
        if link is None or depth > len(plan.links):
            role[i] = True
            return True
        target = side(link.target, depth + 1)
        role[i] = target if link.type == "support" else not target
        return role[i]

    for i in keep:
        side(i)
    return role


def _build(document: Document, units: Sequence[Unit], plan: Plan, keep: Sequence[int]) -> ArgumentMap:
    _break_cycles(plan)
    keep_set = set(keep)
    # A link into a unit that is not kept goes to the thesis.
    for i in keep:
        link = plan.links[i]
        if link is not None and link.target not in keep_set:
            plan.links[i] = Link(link.type, plan.thesis, confidence=0.3)
    sid = {i: f"s{k + 1}" for k, i in enumerate(keep)}
    has_reasons = {
        link.target for i, link in enumerate(plan.links)
        if link is not None and link.type == "support" and i not in plan.linked
    }
    roles = _roles(plan, keep)
    thesis_kind = Kind.RECOMMENDATION if plan.cues[plan.thesis].recommend else Kind.CLAIM
    statements: list[Statement] = []
    for i in keep:
        u, c, link = units[i], plan.cues[i], plan.links[i]
        meta: dict[str, object] = {}
        if c.cue != "none":
            meta["cue"] = f"{c.cue}: {c.word}"
        if u.zone != "body":
            meta["zone"] = u.zone
        tags: tuple[str, ...] = ()
        if i in plan.context:
            kind, conf, tags = Kind.PREMISE, 0.5, ("context",)
            meta["role"] = "context"
        elif i == plan.thesis:
            kind, conf = thesis_kind, plan.thesis_confidence
        elif i in plan.restatements:
            kind, conf, tags = thesis_kind, 0.6, ("restatement",)
            meta["restates"] = sid[plan.thesis]
        elif not roles.get(i, True):
            kind, conf = Kind.OBJECTION, (0.7 if i in plan.explicit else 0.5)
        elif link is not None and link.type == "attack":
            kind, conf = Kind.REBUTTAL, (0.7 if i in plan.explicit else 0.5)
        elif c.recommend and not c.question:
            kind, conf = Kind.RECOMMENDATION, 0.65
        elif i in has_reasons:
            kind, conf = Kind.CLAIM, 0.55
        else:
            kind, conf = Kind.PREMISE, (0.65 if i in plan.explicit else 0.5)
        statements.append(
            Statement(
                id=sid[i], text=u.text, kind=kind, main=i == plan.thesis, spans=((u.start, u.end),),
                provenance=_prov(conf), tags=tags, metadata=meta,
            )
        )
    # Relations in the order of their source units; an undercut names the relation it attacks.
    # A co-premise joins the relation of its first premise; a second relation follows the first.
    linked = {i: first for i, first in plan.linked.items() if i in keep_set and first in keep_set}
    co: dict[int, list[int]] = {}
    for i, first in sorted(linked.items()):
        co.setdefault(first, []).append(i)
    sources = [i for i in keep if plan.links[i] is not None and i != plan.thesis and i not in linked]
    numbered: list[tuple[int, Link]] = []
    for i in sources:
        link = plan.links[i]
        assert link is not None
        numbered.append((i, link))
        extra = plan.also.get(i)
        if extra is not None and extra.target in keep_set:
            numbered.append((i, extra))
    rid: dict[int, str] = {}
    for k, (i, _) in enumerate(numbered):
        rid.setdefault(i, f"r{k + 1}")
    relations: list[Support | Attack] = []
    for k, (i, link) in enumerate(numbered):
        r = f"r{k + 1}"
        prov = _prov(link.confidence)
        froms = (sid[i], *(sid[j] for j in co.get(i, ())))
        if link.type == "support":
            relations.append(
                Support(r, froms, sid[link.target], scheme=link.scheme, example=link.example, provenance=prov)
            )
        elif link.undercut and link.target in rid:
            relations.append(Attack(r, froms, rid[link.target], provenance=prov))
        else:
            relations.append(Attack(r, froms, sid[link.target], provenance=prov))
    return ArgumentMap(statements=statements, relations=relations, document=document,
                       metadata={"extractor": NAME})


def extract(
    document: Document, *, vectors: Callable[[Sequence[str]], Vectors] = Vectors,
    weights: Mapping[str, float] | None = None,
) -> ArgumentMap:
    """Map a document of English argumentative prose.

    Units are found by :func:`argmap.cues.segment.segment`; page furniture
    and a headline that is not the thesis are left out (a headline becomes
    the document's title when it has none, thesis or not). Ids are ``s1, s2, ...``
    in document order and ``r1, r2, ...`` in the order of the relations'
    source statements. Every statement and relation carries
    ``Provenance("cues", confidence)``. ``vectors`` is the similarity of
    units' texts and ``weights`` the attachment weights (default
    :data:`argmap.cues.attach.WEIGHTS`; see :func:`~argmap.cues.structure.analyse`).
    """
    units = segment(document.text)
    if not units:
        return ArgumentMap(document=document, metadata={"extractor": NAME})
    plan = analyse(units, vectors=vectors, weights=weights)
    keep = [i for i, u in enumerate(units) if u.zone != "headline" or i == plan.thesis]
    headlines = [u for u in units if u.zone == "headline"]
    if document.title is None and headlines:
        # A headline names the document (and titles its diagram), whether it is left out of the map
        # or taken as its thesis.
        document = attrs.evolve(document, title=" ".join(" ".join(u.text.split()) for u in headlines))
    return _build(document, units, plan, keep)


def extract_units(
    document: Document, spans: Sequence[tuple[int, int]], *,
    vectors: Callable[[Sequence[str]], Vectors] = Vectors, weights: Mapping[str, float] | None = None,
) -> ArgumentMap:
    """Predict the structure over given unit spans: one statement per span, in that order."""
    units = units_from_spans(document.text, spans)
    if not units:
        return ArgumentMap(document=document, metadata={"extractor": NAME})
    plan = analyse(units, vectors=vectors, weights=weights)
    return _build(document, units, plan, list(range(len(units))))
